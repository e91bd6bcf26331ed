//! What the two pages' tables show, prepared once per data load: rows with
//! every value that filtering and sorting read, the filters and sort held in
//! the URL, and the facet values the charts count. Pure, so every rule is
//! tested on the host; the UI only wires signals to it.

pub mod assets;
mod column;
mod counted;
pub mod endpoints;
mod facets;
pub mod jobs;
mod no_match;
pub mod reason_groups;
pub mod selection;
mod table_state;
mod table_view;
pub mod url_state;

pub use column::TableColumn;
pub use counted::Counted;
pub use facets::FacetToken;
pub use no_match::{no_match_for, no_match_text};
pub use table_state::{HoldsTable, TableState};
pub use table_view::TableView;
pub use url_state::{QueryPairs, ToQuery};

use super::endpoint::UNREADABLE;

const NOT_REPORTED: &str = "not reported";

/// A fact of a record as its panel gives it: the backend's text, or why
/// there is none ("could not be read", "not reported") rather than a blank.
pub fn fact_text(text: &str, unreadable: bool) -> &str {
    match text {
        "" if unreadable => UNREADABLE,
        "" => NOT_REPORTED,
        text => text,
    }
}
