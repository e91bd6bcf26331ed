//! Whether the page is on screen. An operator may leave the console open in
//! a background tab all day; with 100,000 endpoints every refresh fetches
//! tens of megabytes and derives every row again. The refresh timers and the
//! clock therefore stop while the page is hidden and catch up when it shows.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PageVisibility(ReadSignal<bool>);

impl PageVisibility {
    /// Whether the page is visible now (tracked).
    pub fn is_visible(&self) -> bool {
        self.0.get()
    }
}

fn page_is_visible() -> bool {
    !document().hidden()
}

pub fn provide_page_visibility() -> PageVisibility {
    let (visible, set_visible) = signal(page_is_visible());
    // Fired at the document; it bubbles to the window.
    let handle = window_event_listener_untyped("visibilitychange", move |_| {
        set_visible.set(page_is_visible())
    });
    on_cleanup(move || handle.remove());
    let visibility = PageVisibility(visible);
    provide_context(visibility);
    visibility
}

pub fn use_page_visibility() -> PageVisibility {
    expect_context::<PageVisibility>()
}
