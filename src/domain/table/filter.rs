//! Row filtering into index lists, from scratch or by narrowing a previous result.

/// Converts a row position to the `u32` index the lists hold.
fn row_index(position: usize) -> u32 {
    u32::try_from(position).expect("tables hold fewer than 2^32 rows")
}

/// The indices of every row, in data order: the unfiltered table.
pub fn all_indices(len: usize) -> Vec<u32> {
    (0..len).map(row_index).collect()
}

/// The indices of the rows that satisfy `keep`, in data order.
pub fn filter_indices<R>(rows: &[R], keep: impl Fn(&R) -> bool) -> Vec<u32> {
    rows.iter()
        .enumerate()
        .filter(|(_, row)| keep(row))
        .map(|(position, _)| row_index(position))
        .collect()
}

/// Drops from `indices` the rows that fail `keep`, in place and keeping their order
/// (so a sorted list stays sorted and need not be re-sorted).
///
/// Only valid when the new filter is a refinement of the one that produced
/// `indices`, i.e. every row it keeps was kept before (more characters typed,
/// a facet narrowed: see `TextQuery::refines` and `FacetFilter::refines`).
/// Otherwise rows the old filter dropped are missing: use [`filter_indices`].
pub fn refine_indices<R>(rows: &[R], indices: &mut Vec<u32>, keep: impl Fn(&R) -> bool) {
    indices.retain(|&index| keep(&rows[index as usize]));
}
