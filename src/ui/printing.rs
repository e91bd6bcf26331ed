//! Whether the page is being printed: between the browser's `beforeprint`
//! and `afterprint`, which it fires around laying the page out for paper.
//! Read once at the app's root and shared, so that each table and chart
//! does not add its own window listeners.

use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Printing(ReadSignal<bool>);

pub fn provide_printing() {
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
    provide_context(Printing(printing));
}

/// Tracked; true while a print (or print preview) is being laid out.
pub fn use_printing() -> ReadSignal<bool> {
    expect_context::<Printing>().0
}
