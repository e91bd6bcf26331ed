//! Row filtering over index lists.

/// Drops from `indices` the rows that fail `keep`, in place and keeping the
/// order, so a sorted list stays sorted and a keystroke never re-sorts.
pub fn retain_rows<R>(rows: &[R], indices: &mut Vec<u32>, keep: impl Fn(&R) -> bool) {
    indices.retain(|&index| keep(&rows[index as usize]));
}
