//! Gives a table row the keyboard focus back after the table moved it.
//!
//! Moving a focused element in the DOM blurs it, and the table's keyed rows
//! move whenever a sort, filter or refresh changes their order: a keyboard
//! user on a live job would lose their row whenever its status changed. The
//! table remembers which record's row has the focus, forgets it when the user
//! takes the focus elsewhere, and after each redraw hands it back to that row
//! if nothing else has it. The record whose row last had the focus is also the
//! table's Tab stop, so it is reported too.

use crate::ui::dom::html_element_in;
use crate::ui::focus::{
    element_inside, focus_is_lost, focused_element, keep_focus_across_redraws, PAGE_TITLE_ID,
};
use leptos::prelude::*;

/// Keeps the focus on the row of the record that had it, across the redraws
/// `redrawn` tracks, for the rows inside `scroller`. Returns the data index of
/// the row that last took the focus, which stays after the focus leaves, and
/// that of the row that has it now, if one has.
pub fn keep_row_focus(
    scroller: NodeRef<leptos::html::Div>,
    redrawn: impl Fn() + Send + Sync + 'static,
) -> (ReadSignal<Option<u32>>, StoredValue<Option<u32>>) {
    // The `data-index` of the row that has the focus, until the user takes
    // the focus elsewhere.
    let focused = StoredValue::new(None::<u32>);
    let (last_focused, set_last_focused) = signal(None::<u32>);
    keep_focus_across_redraws(
        move |event| {
            let index =
                element_inside(scroller, event.target()).and_then(|element| row_index(&element));
            focused.set_value(index);
            if index.is_some() {
                set_last_focused.set(index);
            }
        },
        // A click on the page's background takes the focus to no element.
        move |event| {
            if element_inside(scroller, event.target()).is_none() {
                focused.set_value(None);
            }
        },
        redrawn,
        move || {
            if let Some(index) = focused.try_get_value().flatten() {
                refocus(scroller, index);
            }
        },
    );
    (last_focused, focused)
}

/// Focuses the row of `index` if it is drawn and the focus is on no element.
fn refocus(scroller: NodeRef<leptos::html::Div>, index: u32) {
    if focus_is_lost() {
        focus_drawn_row(scroller, index);
    }
}

/// Back on a page left from one of its table's rows (the job opened from the
/// job list): focuses that row, where the keyboard was, unless the user has
/// moved the focus on from where the app put it, the page's heading.
pub fn refocus_left_row(scroller: NodeRef<leptos::html::Div>, index: u32) {
    if focused_element().is_none_or(|element| element.id() == PAGE_TITLE_ID) {
        focus_drawn_row(scroller, index);
    }
}

/// Focuses the row of `index`, without scrolling, if it is drawn.
fn focus_drawn_row(scroller: NodeRef<leptos::html::Div>, index: u32) {
    // The frame that asked for this may have come after the table went away.
    let row = scroller
        .try_get_untracked()
        .flatten()
        .and_then(|scroller| drawn_row(&scroller, index));
    if let Some(row) = row {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = row.focus_with_options(&options);
    }
}

/// The data index of the table row that is or holds `element`.
fn row_index(element: &web_sys::Element) -> Option<u32> {
    element
        .closest("tr.pb-row")
        .ok()
        .flatten()?
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// Scrolls `element` into view with the least movement of each scroller
/// around it, none if it is in view already.
pub fn scroll_into_sight(element: &web_sys::Element) {
    scroll_into_view_at(element, web_sys::ScrollLogicalPosition::Nearest);
}

/// Scrolls `element` into view, placed at `block` of each scroller around it.
pub fn scroll_into_view_at(element: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The table row inside `rows` that draws the record at data index `index`.
pub fn drawn_row(
    rows: &web_sys::Element,
    index: impl std::fmt::Display,
) -> Option<web_sys::HtmlElement> {
    html_element_in(rows, &format!("tr.pb-row[data-index=\"{index}\"]"))
}
