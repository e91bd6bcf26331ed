//! What a page's table needs from its view: records, the rows derived from
//! them, and the view's sort, filters and open record. Both pages' tables are
//! wired through this one trait (`ui::table_model`).

use super::selection::{find_selection, selection_key};
use crate::domain::table::{all_indices, sort_indices, ColumnOrdering, SortSpec};

pub trait TableView {
    /// The records the table lists.
    type Item;
    /// What the table filters and sorts on, derived once per record.
    type Row;
    type Column: Copy + Eq;

    /// The record's id, which names it in the URL while its details are open.
    fn id(item: &Self::Item) -> &str;
    fn sort(&self) -> &SortSpec<Self::Column>;
    fn sort_mut(&mut self) -> &mut SortSpec<Self::Column>;
    /// The key of the record whose details are open (see `selection`).
    fn selected(&self) -> Option<&str>;
    fn select(&mut self, key: Option<String>);

    /// How two records compare on `column`, ascending.
    fn compare(
        column: Self::Column,
        a: (&Self::Item, &Self::Row),
        b: (&Self::Item, &Self::Row),
    ) -> ColumnOrdering;

    /// Every row's data index in the order `sort` gives; computed when the
    /// sort or the data changes, not on each keystroke.
    fn sorted(items: &[Self::Item], rows: &[Self::Row], sort: &SortSpec<Self::Column>) -> Vec<u32> {
        let pairs: Vec<(&Self::Item, &Self::Row)> = items.iter().zip(rows).collect();
        let mut indices = all_indices(rows.len());
        sort_indices(&pairs, &mut indices, sort, |a, b, column| {
            Self::compare(column, *a, *b)
        });
        indices
    }

    /// The rows of `sorted` that pass every filter, in the same order.
    /// Filtering keeps order, so a keystroke costs a filter, never a sort.
    fn filter(&self, rows: &[Self::Row], sorted: &[u32]) -> Vec<u32>;

    /// The key that names the record at `index` in the URL.
    fn key_of(items: &[Self::Item], index: usize) -> Option<String> {
        selection_key(items.iter().map(Self::id), index)
    }

    /// The index of the record whose details are open, if it is listed.
    fn selected_index(&self, items: &[Self::Item]) -> Option<usize> {
        find_selection(items.iter().map(Self::id), self.selected()?)
    }
}
