//! The browser's clock, read in one place and shared as a signal so relative
//! times ("4 min ago") and derived exemptions move on their own.

use super::page_visibility::use_page_visibility;
use crate::domain::time::Timestamp;
use leptos::prelude::*;
use std::time::Duration;

const TICK: Duration = Duration::from_secs(5);

#[derive(Clone, Copy)]
pub struct Clock(ReadSignal<Timestamp>);

impl Clock {
    /// The current time, tracked: readers update on every tick.
    pub fn now(&self) -> Timestamp {
        self.0.get()
    }

    /// The current time rounded down to the minute, tracked: for work over
    /// every row (deriving exemptions, judging stuck assets) that must move
    /// with time but not redo itself on every tick.
    pub fn minute(&self) -> Timestamp {
        let now = self.now().millis();
        Timestamp::from_millis(now - now.rem_euclid(60_000))
    }
}

pub fn read_browser_clock() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// Ticks while the page is visible; coming back, it reads the time at once.
pub fn provide_clock() -> Clock {
    let visibility = use_page_visibility();
    let clock = Clock(ticking_clock(move || visibility.is_visible(), TICK));
    provide_context(clock);
    clock
}

/// The browser's time, read again every `every` while `running` (tracked)
/// holds, and at once each time it starts to.
pub fn ticking_clock(
    running: impl Fn() -> bool + 'static,
    every: Duration,
) -> ReadSignal<Timestamp> {
    let (now, set_now) = signal(read_browser_clock());
    Effect::new(move |_| {
        if !running() {
            return;
        }
        set_now.set(read_browser_clock());
        if let Ok(handle) =
            set_interval_with_handle(move || set_now.set(read_browser_clock()), every)
        {
            on_cleanup(move || handle.clear());
        }
    });
    now
}

pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}
