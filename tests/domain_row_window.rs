//! The virtual table's window: which display positions it draws.

use patchboard::domain::table::{scroll_top_showing, RowMove, RowWindow};
use proptest::prelude::*;

const ROW: f64 = 34.0;
const OVERSCAN: usize = 6;

#[test]
fn at_the_top_the_window_starts_at_the_first_row_and_covers_the_viewport_and_overscan() {
    // 600 / 34 = 17.6: 19 rows show in part when scrolled mid-row, and 6
    // more are drawn beyond each edge.
    assert_eq!(
        RowWindow::around(0.0, 600.0, ROW, OVERSCAN, 100_000).positions(),
        0..31
    );
}

#[test]
fn scrolled_down_the_window_starts_overscan_rows_above_the_first_row_in_view() {
    let window = RowWindow::around(ROW * 1000.0 + 10.0, 600.0, ROW, OVERSCAN, 100_000);
    assert_eq!(window.positions(), 994..1025);
}

#[test]
fn a_short_table_draws_every_row_and_an_empty_one_none() {
    assert_eq!(
        RowWindow::around(0.0, 600.0, ROW, OVERSCAN, 3).positions(),
        0..3
    );
    assert!(RowWindow::around(0.0, 600.0, ROW, OVERSCAN, 0)
        .positions()
        .is_empty());
}

#[test]
fn scrolled_past_the_end_of_a_shrunken_table_the_window_is_empty() {
    // A filter left 10 rows while the scroller still stood at row 1,000.
    assert_eq!(
        RowWindow::around(ROW * 1000.0, 600.0, ROW, OVERSCAN, 10).positions(),
        10..10
    );
}

proptest! {
    #[test]
    fn the_window_holds_every_row_in_view_and_at_most_overscan_more_each_side(
        scroll_top in 0.0..200_000.0_f64,
        viewport in 0.0..2_000.0_f64,
        row_height in 16.0..80.0_f64,
        overscan in 0usize..10,
        total in 0usize..10_000,
    ) {
        let window = RowWindow::around(scroll_top, viewport, row_height, overscan, total);
        prop_assert!(window.first <= window.end && window.end <= total);
        let in_view: Vec<usize> = (0..total)
            .filter(|&position| {
                let top = position as f64 * row_height;
                top + row_height > scroll_top && top < scroll_top + viewport
            })
            .collect();
        for &position in &in_view {
            prop_assert!(window.positions().contains(&position), "row {} in view is drawn", position);
        }
        // Rows in view (or one, partly hidden at each edge) plus the overscan.
        prop_assert!(window.end - window.first <= in_view.len() + 2 + 2 * overscan);
    }
}

#[test]
fn the_first_row_in_view_is_the_first_wholly_below_the_header() {
    use patchboard::domain::table::first_row_in_view;
    assert_eq!(first_row_in_view(0.0, ROW), 0);
    assert_eq!(first_row_in_view(ROW * 100.0, ROW), 100);
    assert_eq!(
        first_row_in_view(ROW * 100.0 + 0.4, ROW),
        100,
        "a fraction of a pixel off"
    );
    assert_eq!(first_row_in_view(ROW * 100.0 + 1.0, ROW), 101);
    assert_eq!(first_row_in_view(ROW * 100.0 - 1.0, ROW), 100);
}

#[test]
fn a_printout_takes_the_first_rows_up_to_its_limit() {
    assert_eq!(RowWindow::first_rows(1_000, 100_000).positions(), 0..1_000);
    assert_eq!(RowWindow::first_rows(1_000, 61).positions(), 0..61);
    assert_eq!(RowWindow::first_rows(1_000, 0).positions(), 0..0);
}

#[test]
fn the_keys_move_a_row_a_page_or_to_an_end_and_stop_at_the_edges() {
    let moved = |key: &str, position: usize| RowMove::of_key(key).map(|m| m.from(position, 99, 20));
    assert_eq!(moved("ArrowDown", 5), Some(6));
    assert_eq!(moved("ArrowDown", 99), Some(99), "the last row stays");
    assert_eq!(moved("ArrowUp", 0), Some(0), "the first row stays");
    assert_eq!(moved("PageDown", 90), Some(99));
    assert_eq!(moved("PageUp", 30), Some(10));
    assert_eq!(moved("PageUp", 5), Some(0));
    assert_eq!(moved("Home", 50), Some(0));
    assert_eq!(moved("End", 50), Some(99));
    assert_eq!(moved("Enter", 5), None, "opening a row is no move");
    assert_eq!(moved("ArrowLeft", 5), None, "sideways scrolls the columns");
}

#[test]
fn showing_a_row_scrolls_only_as_far_as_it_must() {
    // Rows 34 px high, a view 340 px high scrolled to 680 (rows 20 to 29).
    assert_eq!(
        scroll_top_showing(700.0, 34.0, 680.0, 340.0),
        680.0,
        "in view: no move"
    );
    assert_eq!(
        scroll_top_showing(340.0, 34.0, 680.0, 340.0),
        340.0,
        "above: to its top"
    );
    assert_eq!(
        scroll_top_showing(1020.0, 34.0, 680.0, 340.0),
        714.0,
        "below: to its bottom"
    );
}
