//! What a page's table needs from its view: records, the rows derived from
//! them, and the view's search, sort, filters and open record. Both pages'
//! tables are wired through this one trait (`ui::table_model`).

use super::selection::{find_selection, selection_key};
use super::table_state::{HoldsTable, TableState};
use super::url_state::QueryPairs;
use crate::domain::table::{
    retain_rows, sort_rows, with_primary_reversed, SortSpec, SortValue, TextQuery,
};
use crate::domain::time::Timestamp;

pub trait TableView: HoldsTable {
    /// The records the table lists.
    type Item;
    /// What the table filters and sorts on, derived once per record.
    type Row;

    /// The URL parameter that names the open record ("asset", "endpoint").
    const RECORD_PARAM: &'static str;

    /// The order the table opens in; a URL leaves it out.
    fn default_sort() -> SortSpec<Self::Column>;

    /// The record's id, which names it in the URL while its details are open.
    fn id(item: &Self::Item) -> &str;

    /// The record's name, as its details' title and notices give it.
    fn name(item: &Self::Item) -> &str;

    /// The row's lower-cased text that the search looks in.
    fn search_text(row: &Self::Row) -> &str;

    /// Whether the row passes every filter but the search. `cutoff` is the
    /// time a filter that depends on the time compares with (Job Progress:
    /// a status last changed before it is stuck).
    fn keeps(&self, row: &Self::Row, cutoff: Timestamp) -> bool;

    /// The record's value on `column`, as the table sorts it.
    fn sort_value<'a>(
        column: Self::Column,
        item: &'a Self::Item,
        row: &'a Self::Row,
    ) -> SortValue<'a>;

    /// Every row's data index in the order `sort` gives; computed when the
    /// sort or the data changes, not on each keystroke.
    fn sorted(items: &[Self::Item], rows: &[Self::Row], sort: &SortSpec<Self::Column>) -> Vec<u32> {
        // Rows are derived one per item; the shorter list bounds both, as a zip would.
        let len = items.len().min(rows.len());
        sort_rows(len, sort, |column, index| {
            Self::sort_value(column, &items[index], &rows[index])
        })
    }

    /// The order after the sort changed from `before` to `sort` over the
    /// same data, `order` being the one `before` gave. A second click on the
    /// primary column only turns the order's runs around, which at 100k rows
    /// is a small part of a sort; any other change sorts again.
    fn resorted(
        items: &[Self::Item],
        rows: &[Self::Row],
        order: &[u32],
        before: &SortSpec<Self::Column>,
        sort: &SortSpec<Self::Column>,
    ) -> Vec<u32> {
        let Some(primary) = before.primary() else {
            return Self::sorted(items, rows, sort);
        };
        let mut clicked = before.clone();
        clicked.click(primary.column);
        if clicked != *sort {
            return Self::sorted(items, rows, sort);
        }
        with_primary_reversed(order, before, |column, index| {
            Self::sort_value(column, &items[index], &rows[index])
        })
    }

    /// The rows of `sorted` that pass the search and every filter, in the
    /// same order. Filtering keeps order, so a keystroke costs a filter, never
    /// a sort.
    fn filter(&self, rows: &[Self::Row], sorted: &[u32], cutoff: Timestamp) -> Vec<u32> {
        let query = TextQuery::parse(&self.table().text);
        let mut indices = sorted.to_vec();
        retain_rows(rows, &mut indices, |row| {
            query.matches(Self::search_text(row)) && self.keeps(row, cutoff)
        });
        indices
    }

    /// The key that names the record at `index` in the URL.
    fn key_of(items: &[Self::Item], index: usize) -> Option<String> {
        selection_key(items.iter().map(Self::id), index)
    }

    /// The index of the record whose details are open, if it is listed.
    fn selected_index(&self, items: &[Self::Item]) -> Option<usize> {
        find_selection(
            items.iter().map(Self::id),
            self.table().selected.as_deref()?,
        )
    }

    /// The search, sort and open record as a URL gives them.
    fn table_from_query(pairs: QueryPairs<'_>) -> TableState<Self::Column> {
        TableState::from_query(pairs, Self::default_sort(), Some(Self::RECORD_PARAM))
    }

    /// Appends the search, sort and open record to `out`, leaving out what
    /// is as the table opens.
    fn table_to_query(&self, out: &mut Vec<(&'static str, String)>) {
        self.table()
            .write_query(out, &Self::default_sort(), Some(Self::RECORD_PARAM));
    }
}
