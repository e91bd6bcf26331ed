//! Where the app is: a route plus query parameters, and their text form in the
//! URL fragment ("#/jobs/42?status=failed"). Pure, so it is tested on the host.

use crate::domain::visible::visible;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

/// Characters escaped in a path segment or query value; the rest stay readable.
const COMPONENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'/')
    .add(b'<')
    .add(b'=')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The pages of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Jobs,
    Job { id: String },
    Exemptions,
    Reference,
    NotFound { path: String },
}

impl Route {
    /// Reads a route from a path such as "/jobs/42"; "" and "/" are the job list.
    pub fn parse(path: &str) -> Route {
        let segments: Vec<String> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(decode_segment)
            .collect();
        match segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] | ["jobs"] => Route::Jobs,
            ["jobs", id] => Route::Job { id: id.to_string() },
            ["exemptions"] => Route::Exemptions,
            ["reference"] => Route::Reference,
            _ => Route::NotFound {
                path: path.to_string(),
            },
        }
    }

    pub fn path(&self) -> String {
        match self {
            Route::Jobs => "/jobs".to_string(),
            Route::Job { id } => format!("/jobs/{}", encode(id)),
            Route::Exemptions => "/exemptions".to_string(),
            Route::Reference => "/reference".to_string(),
            Route::NotFound { path } => path.clone(),
        }
    }
}

/// Query parameters in their order of appearance; a key may repeat.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(text: &str) -> Query {
        Query(
            text.split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| match pair.split_once('=') {
                    Some((key, value)) => (decode(key), decode(value)),
                    None => (decode(pair), String::new()),
                })
                .collect(),
        )
    }

    /// A query holding exactly `pairs`, in order.
    pub fn from_pairs<K: Into<String>>(pairs: impl IntoIterator<Item = (K, String)>) -> Query {
        Query(
            pairs
                .into_iter()
                .map(|(key, value)| (key.into(), value))
                .collect(),
        )
    }

    pub fn as_pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Replaces every value of `key`; an empty list removes the key.
    pub fn set_all<I, S>(&mut self, key: &str, values: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.0.retain(|(k, _)| k != key);
        self.0.extend(
            values
                .into_iter()
                .map(Into::into)
                .filter(|value: &String| !value.is_empty())
                .map(|value| (key.to_string(), value)),
        );
    }

    pub fn set(&mut self, key: &str, value: Option<&str>) {
        self.set_all(key, value);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn to_query_string(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// A route with its query: everything needed to reproduce a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub route: Route,
    pub query: Query,
}

impl Location {
    pub fn new(route: Route) -> Location {
        Location {
            route,
            query: Query::default(),
        }
    }

    /// Reads "#/jobs/42?status=failed" (the leading '#' is optional).
    pub fn from_fragment(fragment: &str) -> Location {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        Location {
            route: Route::parse(path),
            query: Query::parse(query),
        }
    }

    pub fn to_fragment(&self) -> String {
        if self.query.is_empty() {
            format!("#{}", self.route.path())
        } else {
            format!("#{}?{}", self.route.path(), self.query.to_query_string())
        }
    }
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// A query's key or value, where "+" is a space as in a form's.
fn decode(text: &str) -> String {
    decode_segment(&text.replace('+', " "))
}

/// A path segment, where "+" is itself: a hand-typed "#/jobs/a+b" is job "a+b".
/// Shown as backend text is: a link's bidi override would otherwise turn
/// the page's own words around it ("Only Powered Off" from a reversed
/// exemption name that matches none).
fn decode_segment(text: &str) -> String {
    visible(&percent_decode_str(text).decode_utf8_lossy()).into_owned()
}
