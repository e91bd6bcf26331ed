//! A count announced to a screen reader once it stops changing.
//!
//! The visible count follows every keystroke of a search; a live region that
//! did the same would read out a figure per letter, talking over the typing.
//! So the count on screen is hidden from assistive technology and this
//! region, out of sight, takes its text once it has held for a moment.

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

/// Long enough to span the pause between two typed letters.
const SETTLE: Duration = Duration::from_millis(1000);

/// The polite status region for `text`, which the page also shows, with
/// `aria-hidden`, where the eye expects it.
#[component]
pub fn SettledStatus(text: Signal<String>) -> impl IntoView {
    let (spoken, set_spoken) = signal(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        let latest = text.get();
        cancel_pending();
        let handle = set_timeout_with_handle(move || _ = set_spoken.try_set(latest), SETTLE).ok();
        pending.set_value(handle);
    });
    on_cleanup(cancel_pending);
    view! { <span class="pb-visually-hidden" role="status">{spoken}</span> }
}
