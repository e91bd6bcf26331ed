//! What every table's view holds beside its own filters: the search text,
//! the sort, and the record whose details are open; and how a URL holds them.

use super::column::TableColumn;
use super::url_state::{first, sort_spec, write_sort, QueryPairs};
use crate::domain::table::SortSpec;

#[derive(Debug, Clone, PartialEq)]
pub struct TableState<C> {
    /// The free-text search, as typed.
    pub text: String,
    pub sort: SortSpec<C>,
    /// The key of the record whose details are open (see `selection`).
    pub selected: Option<String>,
}

/// A view with a table in it: what the search box and the sortable headers
/// read and change.
pub trait HoldsTable {
    type Column: TableColumn;

    fn table(&self) -> &TableState<Self::Column>;
    fn table_mut(&mut self) -> &mut TableState<Self::Column>;
}

impl<C> TableState<C> {
    /// No search, nothing open, in the given order.
    pub fn sorted_by(sort: SortSpec<C>) -> Self {
        TableState {
            text: String::new(),
            sort,
            selected: None,
        }
    }
}

impl<C: Clone> TableState<C> {
    /// The same order and open record, with no search.
    pub fn unsearched(&self) -> Self {
        TableState {
            text: String::new(),
            sort: self.sort.clone(),
            selected: self.selected.clone(),
        }
    }
}

impl<C: TableColumn> TableState<C> {
    /// The search, the sort, and the open record as the URL parameter
    /// `record_param` names it, as a URL gives them. A table whose rows open
    /// a page of their own, not details in place, has no `record_param`.
    pub fn from_query(
        pairs: QueryPairs<'_>,
        default_sort: SortSpec<C>,
        record_param: Option<&str>,
    ) -> Self {
        TableState {
            text: first(pairs, "q").unwrap_or_default().to_owned(),
            sort: sort_spec(pairs, C::from_token, default_sort),
            // "asset=" opens nothing, as "run=" picks no run: an id is never empty.
            selected: record_param
                .and_then(|param| first(pairs, param))
                .filter(|key| !key.is_empty())
                .map(str::to_owned),
        }
    }

    /// Appends the search, sort and open record to `out`, leaving out what
    /// is as the table opens.
    pub fn write_query(
        &self,
        out: &mut Vec<(&'static str, String)>,
        default_sort: &SortSpec<C>,
        record_param: Option<&'static str>,
    ) {
        if !self.text.is_empty() {
            out.push(("q", self.text.clone()));
        }
        write_sort(out, &self.sort, default_sort, C::token);
        if let (Some(param), Some(key)) = (record_param, &self.selected) {
            out.push((param, key.clone()));
        }
    }
}
