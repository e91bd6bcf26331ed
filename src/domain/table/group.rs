//! Counting and grouping rows by facet, for the charts and the grouped views.

use super::facet::Facet;
use super::sort::sort_indices_by;

/// Calls `visit(value, index)` for each facet value of each listed row.
fn for_each_value<R, F: Facet, V: IntoIterator<Item = F>>(
    rows: &[R],
    indices: &[u32],
    values: impl Fn(&R) -> V,
    mut visit: impl FnMut(F, u32),
) {
    for &index in indices {
        values(&rows[index as usize])
            .into_iter()
            .for_each(|value| visit(value, index));
    }
}

/// How many listed rows carry each facet value. Fixed size, no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetCounts<F> {
    counts: [u32; 64],
    facet: std::marker::PhantomData<F>,
}

impl<F: Facet> FacetCounts<F> {
    /// The number of rows carrying `value`.
    pub fn get(&self, value: F) -> u32 {
        self.counts[value.index()]
    }

    /// Every value with its count, zeros included, in [`Facet::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (F, u32)> + '_ {
        F::ALL.iter().map(|&value| (value, self.get(value)))
    }
}

/// Counts the listed rows per facet value. `values` gives a row's values:
/// `[row.status]` for one, an `Option` for maybe one, a `FacetSet` for several
/// (such a row counts once under each of its values).
pub fn facet_counts<R, F: Facet, V: IntoIterator<Item = F>>(
    rows: &[R],
    indices: &[u32],
    values: impl Fn(&R) -> V,
) -> FacetCounts<F> {
    let mut counts = [0u32; 64];
    for_each_value(rows, indices, values, |value: F, _| {
        counts[value.index()] += 1
    });
    FacetCounts {
        counts,
        facet: std::marker::PhantomData,
    }
}

/// Groups the listed rows by facet value: the non-empty groups, largest
/// first and equal sizes in [`Facet::ALL`] order (the order a chart of the
/// counts lists them in), each keeping the order of `indices` (so a sorted
/// list gives sorted groups). `values` is as for [`facet_counts`].
pub fn group_by_facet<R, F: Facet, V: IntoIterator<Item = F>>(
    rows: &[R],
    indices: &[u32],
    values: impl Fn(&R) -> V,
) -> Vec<(F, Vec<u32>)> {
    let mut groups: Vec<Vec<u32>> = vec![Vec::new(); F::ALL.len()];
    for_each_value(rows, indices, values, |value: F, index| {
        groups[value.index()].push(index)
    });
    // Indices sorted in place of `stably_sorted` over the groups: that was
    // compiled once per facet type, 1.3 KB more of gzipped wasm.
    let mut present: Vec<u32> = (0..groups.len() as u32)
        .filter(|&i| !groups[i as usize].is_empty())
        .collect();
    sort_indices_by(&mut present, &|a, b| {
        groups[b as usize].len().cmp(&groups[a as usize].len())
    });
    present
        .into_iter()
        .map(|i| (F::ALL[i as usize], std::mem::take(&mut groups[i as usize])))
        .collect()
}
