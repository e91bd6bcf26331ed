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
