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
