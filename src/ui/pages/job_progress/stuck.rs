//! Stuck assets (not final, no status change for the configured hours):
//! the cutoff the table's filter compares with, and the one the counter and
//! the panel judge by, each at the clock's minute.

use crate::domain::progress::stuck_cutoff;
use crate::domain::time::Timestamp;
use crate::domain::view::assets::AssetView;
use crate::ui::clock::use_clock;
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;

/// The cutoff now, for what shows who is stuck (the counter, the panel); a
/// memo, so they count again each minute, not on every tick.
pub fn current_cutoff(hours: Signal<u32>) -> Memo<Timestamp> {
    let clock = use_clock();
    Memo::new(move |_| stuck_cutoff(clock.minute(), hours.get()))
}

/// The cutoff the Only stuck filter compares with: the current one while the
/// filter is on. While it is off the cutoff stands still, so the clock does
/// not filter the rows again for nothing.
pub fn filter_cutoff(url: UrlView<AssetView>, current: Memo<Timestamp>) -> Memo<Timestamp> {
    Memo::new(move |previous: Option<&Timestamp>| {
        match (url.view.with(|view| view.stuck_only), previous) {
            (false, Some(&held)) => held,
            _ => current.get(),
        }
    })
}

/// A link's Only stuck cannot apply to results that carry no status times:
/// it would list none of them. When the page's first load brings such
/// results, the link is rewritten without it, and the checkbox, disabled,
/// says why. Only then: a refresh that comes back without times (or with no
/// rows) does not take away a filter the operator chose; the table lists
/// none until times return, and the checkbox, which still turns off, says why.
pub fn drop_filter_without_times(
    url: UrlView<AssetView>,
    lacks_status_times: Signal<bool>,
    loaded: Signal<bool>,
) {
    Effect::new(move |judged: Option<bool>| {
        // Once judged, the effect reads no signal again, and so never reruns.
        if judged == Some(true) {
            return true;
        }
        if !loaded.get() {
            return false;
        }
        if lacks_status_times.get_untracked() && url.view.with_untracked(|view| view.stuck_only) {
            url.update(History::Replace, |view| view.stuck_only = false);
        }
        true
    });
}
