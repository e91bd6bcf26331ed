//! Table operations both pages share: free-text and facet filtering, multi-key
//! sorting and facet grouping over a slice of precomputed rows.
//!
//! Everything works on `u32` row indices into the page's `Vec<Row>`, so a
//! keystroke re-runs the filter without touching or cloning the rows, and
//! the UI virtualises the resulting index list. Indices are `u32` to halve the
//! memory of the lists at 100k rows; tables are far below `u32::MAX` rows.
//!
//! Sorting 100k rows by a string column costs far more than a frame, while a
//! filter pass costs a few milliseconds. So sort once per sort change, not per
//! keystroke: keep the sorted list of all rows and derive each view from a
//! copy of it with [`retain_rows`], which keeps that order.

mod compare;
mod facet;
mod filter;
mod group;
mod latin;
mod radix;
mod sort;
mod sort_value;
mod text;
mod window;

pub use compare::{natural_cmp, natural_cmp_by_key, natural_key};
pub use facet::{Facet, FacetSet, Members};
pub use filter::retain_rows;
pub use group::{facet_counts, group_by_facet, FacetCounts};
pub use sort::{sort_indices_by, stably_sorted, Direction, SortKey, SortSpec, MAX_SORT_KEYS};
pub use sort_value::{sort_rows, with_primary_reversed, SortValue};
pub use text::{fold, push_search_part, search_key, search_key_and_folded, TextQuery};
pub use window::{first_row_in_view, scroll_top_showing, RowMove, RowWindow};
