//! Reading and writing a table's view (filters, sort, selection) as URL query
//! pairs, so a link reproduces the view. Unknown or malformed values are
//! dropped: a hand-edited link opens a sensible view, never an error, and
//! the pages say which filter values they left out.

use super::facets::FacetToken;
use crate::domain::table::{Direction, FacetSet, SortKey, SortSpec, MAX_SORT_KEYS};

/// Query pairs as read from a URL.
pub type QueryPairs<'a> = &'a [(String, String)];

/// A view that writes itself as query pairs.
pub trait ToQuery {
    fn to_query(&self) -> Vec<(&'static str, String)>;

    /// Adjusts what follows from a change of the view from `before`, once
    /// the change is made and before it is written: a filter that has an
    /// order of its own brings it.
    fn follow_change(&mut self, _before: &Self)
    where
        Self: Sized,
    {
    }

    /// What a link holds that names nothing this view knows, as the link
    /// has it ("status=9999", "sort=colour"); the page says it was left out.
    fn left_out(_pairs: QueryPairs<'_>) -> Vec<String>
    where
        Self: Sized,
    {
        Vec::new()
    }
}

/// A view's query with the link's left-out values (see
/// [`ToQuery::left_out`]) put back, so that changing the view keeps the
/// notice about them until it is dismissed. A left-out value stays only
/// while the view writes nothing under its key: a sort or a filter of that
/// key chosen since takes its place.
pub fn with_left_out(
    query: Vec<(&'static str, String)>,
    left_out: &[String],
) -> Vec<(String, String)> {
    let written: Vec<&str> = query.iter().map(|(key, _)| *key).collect();
    let mut out: Vec<(String, String)> = query
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect();
    for (key, token) in left_out.iter().filter_map(|item| item.split_once('=')) {
        if written.contains(&key) {
            continue;
        }
        match out.iter_mut().find(|(kept, _)| kept == key) {
            Some((_, value)) => {
                value.push(',');
                value.push_str(token);
            }
            None => out.push((key.to_owned(), token.to_owned())),
        }
    }
    out
}

pub(crate) fn values<'a>(pairs: QueryPairs<'a>, key: &'a str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

pub(crate) fn first<'a>(pairs: QueryPairs<'a>, key: &'a str) -> Option<&'a str> {
    values(pairs, key).next()
}

/// Words a hand-written link may switch a filter on or off with; the views
/// write "1".
const SWITCHED_ON: [&str; 4] = ["1", "true", "yes", "on"];
const SWITCHED_OFF: [&str; 4] = ["0", "false", "no", "off"];

fn is_one_of(words: &[&str], value: &str) -> bool {
    words.iter().any(|word| word.eq_ignore_ascii_case(value))
}

/// "stuck=1": a switch, on for "1" or a word that says on.
pub(crate) fn switch(pairs: QueryPairs<'_>, key: &str) -> bool {
    first(pairs, key).is_some_and(|value| is_one_of(&SWITCHED_ON, value))
}

/// A switch's value that says neither on nor off, as the link has it
/// ("stuck=maybe"): what [`switch`] reads as off without being told so.
pub(crate) fn unknown_switch_value(pairs: QueryPairs<'_>, key: &str) -> Option<String> {
    first(pairs, key)
        .filter(|value| !is_one_of(&SWITCHED_ON, value) && !is_one_of(&SWITCHED_OFF, value))
        .map(|value| format!("{key}={value}"))
}

/// "status=2036-0,2031-1": comma-separated tokens; unknown ones are dropped.
pub(crate) fn facet_set<F: FacetToken>(pairs: QueryPairs<'_>, key: &str) -> FacetSet<F> {
    values(pairs, key)
        .flat_map(|value| value.split(','))
        .flat_map(F::all_named_by)
        .collect()
}

/// Each token of `key` that names no value, as the link has it ("status=9999"):
/// what [`facet_set`] drops.
pub(crate) fn unknown_facet_tokens<F: FacetToken>(pairs: QueryPairs<'_>, key: &str) -> Vec<String> {
    values(pairs, key)
        .flat_map(|value| value.split(','))
        .filter(|token| !token.is_empty() && F::all_named_by(token).is_empty())
        .map(|token| format!("{key}={token}"))
        .collect()
}

pub(crate) fn write_facet_set<F: FacetToken>(
    out: &mut Vec<(&'static str, String)>,
    key: &'static str,
    set: FacetSet<F>,
) {
    if !set.is_empty() {
        let tokens: Vec<String> = set.iter().map(F::url_token).collect();
        out.push((key, tokens.join(",")));
    }
}

/// "name,-updated": columns in key order, a leading '-' for descending.
pub(crate) fn sort_spec<C: Copy + Eq>(
    pairs: QueryPairs<'_>,
    parse: impl Fn(&str) -> Option<C>,
    default: SortSpec<C>,
) -> SortSpec<C> {
    let Some(text) = first(pairs, "sort") else {
        return default;
    };
    let mut keys: Vec<SortKey<C>> = Vec::new();
    for part in text.split(',') {
        let (direction, name) = match part.strip_prefix('-') {
            Some(name) => (Direction::Desc, name),
            None => (Direction::Asc, part),
        };
        if let Some(column) = parse(name) {
            if keys.len() < MAX_SORT_KEYS && keys.iter().all(|k| k.column != column) {
                keys.push(SortKey { column, direction });
            }
        }
    }
    if keys.is_empty() {
        default
    } else {
        SortSpec::new(keys)
    }
}

/// The link's sort columns that name no column of the table, as "sort=tok".
pub(crate) fn unknown_sort_tokens<C>(
    pairs: QueryPairs<'_>,
    parse: impl Fn(&str) -> Option<C>,
) -> Vec<String> {
    first(pairs, "sort")
        .into_iter()
        .flat_map(|text| text.split(','))
        .filter(|part| {
            let name = part.strip_prefix('-').unwrap_or(part);
            !name.is_empty() && parse(name).is_none()
        })
        .map(|part| format!("sort={part}"))
        .collect()
}

pub(crate) fn write_sort<C: Copy + Eq>(
    out: &mut Vec<(&'static str, String)>,
    spec: &SortSpec<C>,
    default: &SortSpec<C>,
    token: impl Fn(C) -> &'static str,
) {
    if spec == default {
        return;
    }
    let text = spec
        .keys()
        .iter()
        .map(|key| match key.direction {
            Direction::Asc => token(key.column).to_string(),
            Direction::Desc => format!("-{}", token(key.column)),
        })
        .collect::<Vec<_>>()
        .join(",");
    out.push(("sort", text));
}
