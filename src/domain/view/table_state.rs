//! What every record table's view holds beside its own filters: the search
//! text, the sort, and the record whose details are open.

use crate::domain::table::SortSpec;

#[derive(Debug, Clone, PartialEq)]
pub struct TableState<C> {
    /// The free-text search, as typed.
    pub text: String,
    pub sort: SortSpec<C>,
    /// The key of the record whose details are open (see `selection`).
    pub selected: Option<String>,
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

    /// Whether the search narrows the rows; spaces alone do not.
    pub fn is_searching(&self) -> bool {
        !self.text.trim().is_empty()
    }
}
