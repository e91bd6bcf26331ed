//! Whether the page is being printed: between the browser's `beforeprint`
//! and `afterprint`, which it fires around laying the page out for paper.

use leptos::prelude::*;

/// Tracked; true while a print (or print preview) is being laid out.
pub fn use_printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    let screen_again = move || {
        if printing.get_untracked() {
            set_printing.set(false);
        }
    };
    let listeners = [
        window_event_listener_untyped("beforeprint", move |_| set_printing.set(true)),
        window_event_listener_untyped("afterprint", move |_| screen_again()),
        // Should a browser not fire afterprint, the first press or key on the
        // page itself means it is on screen again (the print dialog's own
        // never reach it).
        window_event_listener_untyped("pointerdown", move |_| screen_again()),
        window_event_listener_untyped("keydown", move |_| screen_again()),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    printing
}
