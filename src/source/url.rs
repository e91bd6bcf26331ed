//! Template expansion for URLs, headers and JSON bodies.
//!
//! Placeholders are `{name}`. In URLs substituted values are percent-encoded,
//! except `{base_url}`, which is a URL prefix by definition.

use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// The placeholders a template may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    BaseUrl,
    JobId,
    RunId,
    Page,
    PageSize,
    Offset,
    Limit,
    Cursor,
}

impl Placeholder {
    /// Every placeholder, in documentation order.
    pub const ALL: [Placeholder; 8] = [
        Placeholder::BaseUrl,
        Placeholder::JobId,
        Placeholder::RunId,
        Placeholder::Page,
        Placeholder::PageSize,
        Placeholder::Offset,
        Placeholder::Limit,
        Placeholder::Cursor,
    ];

    /// The name written between braces.
    pub const fn name(self) -> &'static str {
        match self {
            Placeholder::BaseUrl => "base_url",
            Placeholder::JobId => "job_id",
            Placeholder::RunId => "run_id",
            Placeholder::Page => "page",
            Placeholder::PageSize => "page_size",
            Placeholder::Offset => "offset",
            Placeholder::Limit => "limit",
            Placeholder::Cursor => "cursor",
        }
    }

    /// Placeholders a request may lack: no run chosen yet, no cursor on the
    /// first page. A JSON body member or URL query parameter holding only one
    /// of these is dropped when it has no value.
    pub const fn is_optional(self) -> bool {
        matches!(self, Placeholder::RunId | Placeholder::Cursor)
    }

    /// Looks a name up; None for names we do not know.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// The values available for one request. None: not available in this context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vars {
    pub base_url: String,
    pub job_id: Option<String>,
    pub run_id: Option<String>,
    pub page: Option<u64>,
    pub page_size: Option<u64>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A template could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{name}` is not a placeholder we know.
    Unknown(String),
    /// The placeholder has no value for this request (e.g. `{run_id}` with no run).
    Unavailable(&'static str),
    /// A `{` without its `}`.
    Unclosed,
    /// The value would make a URL path segment of `.` or `..`, which URL
    /// parsers resolve as a step within the path, percent-encoded or not.
    DotSegment { name: &'static str, value: String },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Unknown(name) => write!(
                f,
                "unknown placeholder {{{name}}} (expected one of {})",
                Placeholder::ALL
                    .map(|p| format!("{{{}}}", p.name()))
                    .join(" ")
            ),
            TemplateError::Unavailable(name) => {
                write!(f, "placeholder {{{name}}} has no value here")
            }
            TemplateError::Unclosed => f.write_str("a \"{\" is not closed by \"}\""),
            TemplateError::DotSegment { name, value } => write!(
                f,
                "{{{name}}} is {value:?}, which a URL path reads as a step to this folder or the one above, so the request would go to another address; it was not sent"
            ),
        }
    }
}

impl Vars {
    /// The value of a placeholder as text, or None if unavailable.
    fn get(&self, placeholder: Placeholder) -> Option<String> {
        match placeholder {
            Placeholder::BaseUrl => Some(self.base_url.trim_end_matches('/').to_owned()),
            Placeholder::JobId => self.job_id.clone(),
            Placeholder::RunId => self.run_id.clone(),
            Placeholder::Page => self.page.map(|n| n.to_string()),
            Placeholder::PageSize => self.page_size.map(|n| n.to_string()),
            Placeholder::Offset => self.offset.map(|n| n.to_string()),
            Placeholder::Limit => self.limit.map(|n| n.to_string()),
            Placeholder::Cursor => self.cursor.clone(),
        }
    }

    /// The numeric value of a paging placeholder, so JSON bodies keep numbers typed.
    fn number(&self, placeholder: Placeholder) -> Option<u64> {
        match placeholder {
            Placeholder::Page => self.page,
            Placeholder::PageSize => self.page_size,
            Placeholder::Offset => self.offset,
            Placeholder::Limit => self.limit,
            _ => None,
        }
    }
}

/// The placeholders a template uses, in order, and its problems: every
/// unknown name, or a brace left open. The known placeholders are listed
/// either way, so a configuration check judges the rest of the template too.
pub fn placeholders(template: &str) -> (Vec<Placeholder>, Vec<TemplateError>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let walked = walk(template, |piece| {
        match piece {
            Piece::Placeholder(p) => found.push(p),
            Piece::Unknown(name) => problems.push(TemplateError::Unknown(name.to_owned())),
            Piece::Literal(_) => {}
        }
        Ok(())
    });
    problems.extend(walked.err());
    (found, problems)
}

/// Expands a URL template, percent-encoding every value except `{base_url}`.
/// A query parameter whose whole value is a placeholder with no value here
/// (`?run={run_id}` when no run is chosen) is left out, as in a JSON body.
/// Fails rather than let a value become a `.` or `..` path segment.
pub fn expand_url(template: &str, vars: &Vars) -> Result<String, TemplateError> {
    let template = without_unfilled_parameters(template, vars);
    let mut inserted = Vec::new();
    let url = expand(&template, vars, |p, value, out| {
        if p == Placeholder::BaseUrl {
            out.push_str(value);
        } else {
            let start = out.len();
            percent_encode(value, out);
            inserted.push((p, start..out.len()));
        }
    })?;
    match dot_segment_from_value(&url, &inserted) {
        Some(p) => Err(TemplateError::DotSegment {
            name: p.name(),
            value: vars.get(p).unwrap_or_default(),
        }),
        None => Ok(url),
    }
}

/// The placeholder whose value is part of a `.` or `..` segment of `url`'s
/// path, if any. Only dots can form one: percent-encoding leaves them as they
/// are and turns a `%` into `%25`.
fn dot_segment_from_value(
    url: &str,
    inserted: &[(Placeholder, std::ops::Range<usize>)],
) -> Option<Placeholder> {
    let path_end = url.find(['?', '#']).unwrap_or(url.len());
    let mut start = 0;
    for segment in url[..path_end].split('/') {
        let range = start..start + segment.len();
        start = range.end + 1;
        if segment != "." && segment != ".." {
            continue;
        }
        let overlapping = inserted
            .iter()
            .find(|(_, value)| value.start < range.end && range.start < value.end);
        if let Some((placeholder, _)) = overlapping {
            return Some(*placeholder);
        }
    }
    None
}

/// Expands a header value or body string verbatim.
fn expand_text(template: &str, vars: &Vars) -> Result<String, TemplateError> {
    expand(template, vars, |_, value, out| out.push_str(value))
}

/// Expands a header value; None when the whole value is a placeholder with
/// no value here (`X-Run: {run_id}` when no run is chosen), so the header is
/// left out, as such a query parameter or body member is.
pub fn expand_header(template: &str, vars: &Vars) -> Result<Option<String>, TemplateError> {
    if is_unfilled(template, vars) {
        return Ok(None);
    }
    expand_text(template, vars).map(Some)
}

/// Expands every string in a JSON template. A string that is exactly one paging
/// placeholder (`"{page_size}"`) becomes a JSON number. An object member whose
/// whole value is a placeholder with no value here (`"jobInstanceId":
/// "{run_id}"` when no run is chosen) is left out: the backend's default
/// applies, as Qualys PM reads a missing run as the latest.
pub fn expand_json(template: &Value, vars: &Vars) -> Result<Value, TemplateError> {
    Ok(match template {
        Value::String(s) => match whole_placeholder(s).and_then(|p| vars.number(p)) {
            Some(n) => Value::from(n),
            None => Value::String(expand_text(s, vars)?),
        },
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| expand_json(item, vars))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => {
            // Inserted one by one: collecting would sort the already ordered
            // keys again, with one more sort compiled into the wasm.
            let mut expanded = Map::new();
            for (k, v) in map
                .iter()
                .filter(|(_, v)| !is_unfilled_placeholder(v, vars))
            {
                expanded.insert(k.clone(), expand_json(v, vars)?);
            }
            Value::Object(expanded)
        }
        other => other.clone(),
    })
}

/// In a JSON body, an empty cursor (the first request's) is no value too:
/// a backend that takes a cursor member may refuse an empty one, and a
/// missing one means "from the start" (GraphQL's `after` variable).
fn is_unfilled_placeholder(value: &Value, vars: &Vars) -> bool {
    let first_cursor = |text: &str| {
        whole_placeholder(text) == Some(Placeholder::Cursor) && vars.cursor.as_deref() == Some("")
    };
    matches!(value, Value::String(s) if is_unfilled(s, vars) || first_cursor(s))
}

fn is_unfilled(text: &str, vars: &Vars) -> bool {
    whole_placeholder(text)
        .is_some_and(|placeholder| placeholder.is_optional() && vars.get(placeholder).is_none())
}

fn without_unfilled_parameters<'t>(template: &'t str, vars: &Vars) -> Cow<'t, str> {
    let Some((path, query)) = template.split_once('?') else {
        return Cow::Borrowed(template);
    };
    let unfilled = |parameter: &&str| {
        parameter
            .split_once('=')
            .is_some_and(|(_, value)| is_unfilled(value, vars))
    };
    if !query.split('&').any(|parameter| unfilled(&parameter)) {
        return Cow::Borrowed(template);
    }
    let kept: Vec<&str> = query.split('&').filter(|p| !unfilled(p)).collect();
    Cow::Owned(if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    })
}

fn whole_placeholder(s: &str) -> Option<Placeholder> {
    let name = s.strip_prefix('{')?.strip_suffix('}')?;
    Placeholder::from_name(name)
}

enum Piece<'t> {
    Literal(&'t str),
    Placeholder(Placeholder),
    /// A `{name}` that is not a placeholder.
    Unknown(&'t str),
}

/// Splits a template into literal text and `{name}`s. Only a `{` that opens
/// a name (a letter or `_`, then letters, digits and `_`) up to a `}` is a
/// placeholder; any other brace is text, so a GraphQL query in a body
/// (`{ endpoints(first: 100) { … } }`) is sent as written.
fn walk<'t>(
    template: &'t str,
    mut visit: impl FnMut(Piece<'t>) -> Result<(), TemplateError>,
) -> Result<(), TemplateError> {
    let is_name_byte = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'_';
    let mut literal_from = 0;
    let mut search_from = 0;
    while let Some(found) = template[search_from..].find('{') {
        let open = search_from + found;
        let after = &template.as_bytes()[open + 1..];
        search_from = open + 1;
        if !after
            .first()
            .is_some_and(|byte| byte.is_ascii_alphabetic() || *byte == b'_')
        {
            continue;
        }
        let name_len = after.iter().take_while(|byte| is_name_byte(byte)).count();
        match after.get(name_len) {
            Some(b'}') => {
                visit(Piece::Literal(&template[literal_from..open]))?;
                let name = &template[open + 1..open + 1 + name_len];
                visit(
                    Placeholder::from_name(name).map_or(Piece::Unknown(name), Piece::Placeholder),
                )?;
                literal_from = open + name_len + 2;
                search_from = literal_from;
            }
            None => return Err(TemplateError::Unclosed),
            // "{base_url/e", "{page_size&page=2": one of ours, not closed.
            Some(_)
                if Placeholder::from_name(&template[open + 1..open + 1 + name_len]).is_some() =>
            {
                return Err(TemplateError::Unclosed)
            }
            Some(_) => {}
        }
    }
    visit(Piece::Literal(&template[literal_from..]))
}

fn expand(
    template: &str,
    vars: &Vars,
    mut insert: impl FnMut(Placeholder, &str, &mut String),
) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 16);
    walk(template, |piece| {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Placeholder(p) => {
                let value = vars.get(p).ok_or(TemplateError::Unavailable(p.name()))?;
                insert(p, &value, &mut out);
            }
            Piece::Unknown(name) => return Err(TemplateError::Unknown(name.to_owned())),
        }
        Ok(())
    })?;
    Ok(out)
}

/// RFC 3986: everything but unreserved characters is encoded, UTF-8 byte by byte.
fn percent_encode(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}
