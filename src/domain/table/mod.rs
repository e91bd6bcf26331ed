//! Table operations both pages share: free-text and facet filtering, multi-key
//! sorting and facet grouping over a slice of precomputed rows.
//!
//! Everything works on `u32` row indices into the page's `Vec<Row>`, so a
//! keystroke re-runs filter and sort without touching or cloning the rows, and
//! the UI virtualises the resulting index list. Indices are `u32` to halve the
//! memory of the lists at 100k rows; tables are far below `u32::MAX` rows.

mod compare;
mod facet;
mod filter;
mod group;
mod sort;
mod text;

pub use compare::{cmp_f64, cmp_option, natural_cmp};
pub use facet::{Facet, FacetFilter, FacetSet, Members};
pub use filter::{all_indices, filter_indices, refine_indices};
pub use group::{facet_counts, group_by_facet, FacetCounts};
pub use sort::{sort_indices, ColumnOrdering, Direction, SortKey, SortSpec};
pub use text::{search_key, TextQuery};
