use super::row_focus::drawn_row;
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
    // Opened from a link or a reload, nothing had the focus but the page.
    let previous_focus = document()
        .active_element()
        .filter(|element| element.tag_name() != "BODY")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());

    close_button.on_load(|button| {
        let _ = button.focus();
    });
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" {
            on_close.run(());
        }
    });
    let previous_focus = send_wrapper::SendWrapper::new(
        previous_focus.map(|element| (OpeningRow::of(&element), element)),
    );
    on_cleanup(move || {
        escape.remove();
        let back_to = match previous_focus.take() {
            Some((opening_row, element)) => Some(
                opening_row
                    .as_ref()
                    .and_then(OpeningRow::row_now)
                    .unwrap_or(element),
            ),
            // Not the page itself: the keyboard would start over from its top.
            None => document()
                .get_element_by_id("pb-main")
                .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok()),
        };
        if let Some(element) = back_to {
            let _ = element.focus();
        }
    });

    view! {
        <div class="pb-panel" role="dialog" aria-labelledby="pb-panel-title">
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
            // Focusable so the keyboard can scroll a body that has no links or buttons.
            <div class="pb-panel-body" tabindex="0">{children()}</div>
        </div>
    }
}

/// A table row that opened the panel. The table drops a row that leaves it
/// (scrolled past, hidden by a search) and draws a new one when the record
/// comes back, so the record's row may since be another element.
struct OpeningRow {
    rows: web_sys::Element,
    data_index: String,
}

impl OpeningRow {
    fn of(element: &web_sys::HtmlElement) -> Option<Self> {
        Some(OpeningRow {
            rows: element.parent_element()?,
            data_index: element.get_attribute("data-index")?,
        })
    }

    /// The row that shows the record now, if one does.
    fn row_now(&self) -> Option<web_sys::HtmlElement> {
        drawn_row(&self.rows, &self.data_index)
    }
}
