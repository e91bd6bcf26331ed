//! Keyboard browsing of a closed select. Arrow keys and typing on it change
//! its value at once, in the same task as the keydown (Chromium and Firefox
//! on Linux and Windows): a value reached that way is only browsed, and
//! applied by Enter or by leaving the select, or dropped by Escape. Applied
//! at each key, a filter would redraw the table, or a run load its results
//! and push a history entry, for every value passed over. A pick from the
//! open list, or with the mouse, comes in a task of its own and applies at
//! once.

use leptos::prelude::*;
use std::time::Duration;
use web_sys::HtmlSelectElement;

/// One select's browsing: its keydown and change handlers call
/// [`BrowsedChoice::keydown`] and [`BrowsedChoice::change`], and its blur
/// applies what was browsed to.
#[derive(Clone, Copy)]
pub struct BrowsedChoice {
    /// A keydown's task is running: a change now is one it made.
    in_keydown: StoredValue<bool>,
}

impl BrowsedChoice {
    pub fn new() -> Self {
        BrowsedChoice {
            in_keydown: StoredValue::new(false),
        }
    }

    /// Enter applies the value browsed to, Escape goes back to `settled`
    /// (the value the select stands at while nothing is browsed), and any
    /// other key's change is taken as browsing.
    pub fn keydown(
        self,
        event: &leptos::ev::KeyboardEvent,
        settled: &str,
        apply: impl FnOnce(HtmlSelectElement),
    ) {
        let select: HtmlSelectElement = event_target(event);
        let browsed = select.value() != settled;
        if event.key() == "Enter" && browsed {
            event.prevent_default();
            apply(select);
            return;
        }
        // Escape drops a browsed choice, which leaving would apply.
        if event.key() == "Escape" && browsed {
            event.prevent_default();
            select.set_value(settled);
            return;
        }
        self.in_keydown.set_value(true);
        let in_keydown = self.in_keydown;
        set_timeout(
            move || {
                in_keydown.try_update_value(|pending| *pending = false);
            },
            Duration::ZERO,
        );
    }

    /// Applies a change not made by a key: a pick from the open list.
    pub fn change(self, event: &leptos::ev::Event, apply: impl FnOnce(HtmlSelectElement)) {
        if self.in_keydown.try_get_value() == Some(false) {
            apply(event_target(event));
        }
    }
}
