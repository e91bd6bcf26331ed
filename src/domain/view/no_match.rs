//! What a table says when its search and filters leave nothing.

use super::{Counted, HoldsTable};
use crate::domain::abridge::{abridged, QUOTED_CHARS};
use crate::domain::decimal::Noun;

/// Names what the operator set on a view with filters. A search alone is
/// quoted and blames no filter: a host that the data does not hold (one
/// searched for from another page) reads as not found, not as a filter
/// gone wrong.
pub fn no_match_text<V: Counted + HoldsTable>(view: &V, noun: Noun) -> String {
    let mut unsearched = view.clone();
    unsearched.table_mut().text.clear();
    let filtered = !unsearched.lists_only(|_| {});
    no_match_for(&view.table().text, filtered, noun)
}

/// As [`no_match_text`], for a `search` and whether any filter is set.
pub fn no_match_for(search: &str, filtered: bool, noun: Noun) -> String {
    let search = search.trim();
    match (search.is_empty(), filtered) {
        (false, false) => {
            let quoted = abridged(search, QUOTED_CHARS);
            format!(
                "No {} matches the search \"{quoted}\". Clear the search to list every {}.",
                noun.one, noun.one
            )
        }
        (false, true) => format!(
            "No {} match the search and filters. Clear the search or a filter to list more.",
            noun.many
        ),
        (true, _) => format!(
            "No {} match the filters. Clear a filter to list more.",
            noun.many
        ),
    }
}
