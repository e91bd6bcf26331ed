//! What a polite status region says, set a moment after the event it tells
//! of, so that it neither talks over typing nor is cut short by a focus move.

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

/// Long enough to span the pause between two typed letters.
const SETTLE: Duration = Duration::from_millis(1000);

/// The text of a status region, said after a delay. Each new `say` cancels
/// what an earlier one had still to do, its taking down included.
#[derive(Clone, Copy)]
pub struct DelayedStatus {
    spoken: RwSignal<String>,
    pending: StoredValue<Vec<TimeoutHandle>>,
}

impl DelayedStatus {
    pub fn new() -> Self {
        let status = DelayedStatus {
            spoken: RwSignal::new(String::new()),
            pending: StoredValue::new(Vec::new()),
        };
        on_cleanup(move || status.cancel_pending());
        status
    }

    /// The region's text (tracked).
    pub fn spoken(&self) -> String {
        self.spoken.get()
    }

    /// Says `text` after `delay`; with `hold`, takes it down that long after,
    /// so that no one reading the page later meets a stale note.
    pub fn say(&self, text: String, delay: Duration, hold: Option<Duration>) {
        self.cancel_pending();
        let spoken = self.spoken;
        let mut handles = vec![set_timeout_with_handle(
            move || _ = spoken.try_set(text),
            delay,
        )];
        if let Some(hold) = hold {
            handles.push(set_timeout_with_handle(
                move || _ = spoken.try_set(String::new()),
                delay + hold,
            ));
        }
        self.pending
            .set_value(handles.into_iter().flatten().collect());
    }

    /// Empties the region now, so that the same words said again are a
    /// change a screen reader reads out.
    pub fn silence(&self) {
        self.cancel_pending();
        self.spoken.set(String::new());
    }

    fn cancel_pending(&self) {
        if let Some(handles) = self.pending.try_update_value(std::mem::take) {
            handles.iter().for_each(TimeoutHandle::clear);
        }
    }
}

/// A count announced to a screen reader once it stops changing. The visible
/// count follows every keystroke of a search; a region that did the same
/// would read out a figure per letter. So the count on screen is hidden from
/// assistive technology and this region, out of sight, takes its text once
/// it has held for a moment.
#[component]
pub fn SettledStatus(text: Signal<String>) -> impl IntoView {
    let status = DelayedStatus::new();
    Effect::new(move |_| status.say(text.get(), SETTLE, None));
    view! { <span class="pb-visually-hidden" role="status">{move || status.spoken()}</span> }
}
