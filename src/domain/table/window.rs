//! Which rows a virtualised table draws.

use std::ops::Range;

/// The display positions `first..end` a table draws: the rows in view and
/// a few beyond each edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWindow {
    pub first: usize,
    pub end: usize,
}

impl RowWindow {
    /// The window of a table of `total` rows of `row_height` pixels, scrolled
    /// `scroll_top` pixels down a `viewport` pixels high, with `overscan` rows
    /// drawn beyond each edge so fast scrolling shows no gap.
    pub fn around(
        scroll_top: f64,
        viewport: f64,
        row_height: f64,
        overscan: usize,
        total: usize,
    ) -> Self {
        let first = ((scroll_top / row_height) as usize).saturating_sub(overscan);
        // A viewport scrolled to mid-row shows part of one more row.
        let drawn = (viewport / row_height).ceil() as usize + 1 + 2 * overscan;
        let end = (first + drawn).min(total);
        RowWindow {
            first: first.min(end),
            end,
        }
    }

    /// The first `count` rows of a table of `total`: what paper gets, as it
    /// cannot scroll.
    pub fn first_rows(count: usize, total: usize) -> Self {
        RowWindow {
            first: 0,
            end: count.min(total),
        }
    }

    pub fn positions(self) -> Range<usize> {
        self.first..self.end
    }
}

/// The first display position wholly in view below the header of a table
/// scrolled `scroll_top` pixels down: where Tab into the rows lands, so the
/// rows drawn above the view are not scrolled back to.
pub fn first_row_in_view(scroll_top: f64, row_height: f64) -> usize {
    // A row scrolled off by less than a pixel (a zoomed page's fraction)
    // still counts as in view.
    ((scroll_top - 0.5).max(0.0) / row_height).ceil() as usize
}

/// A key's move among a table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowMove {
    Next,
    Previous,
    PageDown,
    PageUp,
    First,
    Last,
}

impl RowMove {
    /// The move a key (`KeyboardEvent.key`) makes, if any.
    pub fn of_key(key: &str) -> Option<RowMove> {
        Some(match key {
            "ArrowDown" => RowMove::Next,
            "ArrowUp" => RowMove::Previous,
            "PageDown" => RowMove::PageDown,
            "PageUp" => RowMove::PageUp,
            "Home" => RowMove::First,
            "End" => RowMove::Last,
            _ => return None,
        })
    }

    /// The display position reached from `position` in a table whose last
    /// position is `last`, a page being `page` rows.
    pub fn from(self, position: usize, last: usize, page: usize) -> usize {
        match self {
            RowMove::Next => (position + 1).min(last),
            RowMove::Previous => position.saturating_sub(1),
            RowMove::PageDown => (position + page).min(last),
            RowMove::PageUp => position.saturating_sub(page),
            RowMove::First => 0,
            RowMove::Last => last,
        }
    }
}

/// The scroll position that shows the row at `row_top` (`row_height`
/// high) in a view scrolled to `view_top` that shows `view_height` of
/// rows, moving as little as it can: not at all for a row in view, to its
/// top edge for a row above, to its bottom edge for a row below.
pub fn scroll_top_showing(row_top: f64, row_height: f64, view_top: f64, view_height: f64) -> f64 {
    if row_top < view_top {
        row_top
    } else if row_top + row_height > view_top + view_height {
        row_top + row_height - view_height
    } else {
        view_top
    }
}
