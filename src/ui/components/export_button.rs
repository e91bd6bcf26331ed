use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// Records written between two pauses of an export: about 7 ms of the
/// slowest kind (an endpoint with its fix steps) on the benchmark machine,
/// so the page still paints every frame; twice that with longer texts or a
/// slower machine still leaves it answering within a frame or two.
pub const CSV_RECORDS_PER_PART: usize = 1_000;

/// The "Export CSV" button. Off until `enabled` (a load has ended well: a
/// file of headings alone would pass for one with nothing to list); while
/// the file `export` starts is written it says so and a second press does
/// not start another.
#[component]
pub fn ExportButton<E, F>(#[prop(into)] enabled: Signal<bool>, export: E) -> impl IntoView
where
    E: Fn() -> F + 'static,
    F: Future<Output = ()> + 'static,
{
    let busy = RwSignal::new(false);
    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let written = export();
        spawn_local(async move {
            written.await;
            // The page may have been left meanwhile; the file still comes.
            busy.try_set(false);
        });
    };
    view! {
        <button
            type="button"
            class="pb-button"
            on:click=start
            disabled=move || !enabled.get()
            // Not `disabled`: that would drop the focus from the button
            // pressed, and hand it back nowhere once the file is written.
            aria-disabled=move || busy.get().then_some("true")
        >
            {move || if busy.get() { "Exporting CSV…" } else { "Export CSV" }}
        </button>
    }
}
