//! Whether the page is being printed: between the browser's `beforeprint`
//! and `afterprint`, which it fires around laying the page out for paper.

use leptos::prelude::*;

/// Tracked; true while a print (or print preview) is being laid out.
pub fn use_printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    let before = window_event_listener_untyped("beforeprint", move |_| set_printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| set_printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}
