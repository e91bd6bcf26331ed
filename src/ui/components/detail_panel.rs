use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A panel that slides in from the right. Focus moves into it when it opens,
/// Escape or the close button closes it, and focus returns to where it was.
#[component]
pub fn DetailPanel(
    #[prop(into)] title: Signal<String>,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let close_button = NodeRef::<leptos::html::Button>::new();
    let previous_focus = document()
        .active_element()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());

    close_button.on_load(|button| {
        let _ = button.focus();
    });
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" {
            on_close.run(());
        }
    });
    let previous_focus = send_wrapper::SendWrapper::new(previous_focus);
    on_cleanup(move || {
        escape.remove();
        if let Some(element) = previous_focus.take() {
            // The row that opened the panel may have been scrolled out and
            // recycled; focusing a detached element is a harmless no-op.
            let _ = element.focus();
        }
    });

    view! {
        <aside class="pb-panel" role="dialog" aria-labelledby="pb-panel-title">
            <div class="pb-panel-header">
                <h2 class="pb-panel-title" id="pb-panel-title">{title}</h2>
                <button
                    type="button"
                    class="pb-button pb-button-quiet"
                    node_ref=close_button
                    aria-label="Close details"
                    on:click=move |_| on_close.run(())
                >
                    "✕"
                </button>
            </div>
            <div class="pb-panel-body">{children()}</div>
        </aside>
    }
}
