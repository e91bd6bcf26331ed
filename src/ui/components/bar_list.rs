use super::Segment;
use crate::domain::decimal::{fixed, grouped};
use leptos::prelude::*;

/// One horizontal bar per item, longest scale first; each row is a toggle
/// button that filters by its item.
#[component]
pub fn BarList(
    #[prop(into)] label: String,
    #[prop(into)] items: Signal<Vec<Segment>>,
    #[prop(into)] selected: Signal<Vec<String>>,
    on_toggle: Callback<String>,
    /// For a control that shows more of the list.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="pb-bar-list" role="group" aria-label=label id=id>
            {move || {
                let items = items.get();
                let largest = items.iter().map(|item| item.count).max().unwrap_or(0).max(1);
                items
                    .into_iter()
                    .map(|item| {
                        let key = item.key.clone();
                        let title = item.titled();
                        let meaning = item.spoken_meaning();
                        // Read by the attribute, not by the list: a render effect
                        // reading both a memo (the short list) and the signal behind
                        // it (the picks) missed a pick that left the memo's value
                        // unchanged, and kept a clicked bar unpressed.
                        let picked = item.key.clone();
                        let pressed = move || selected.with(|keys| keys.contains(&picked)).to_string();
                        let width = format!("{}%", fixed(f64::from(item.count) * 100.0 / f64::from(largest), 2));
                        view! {
                            <button
                                type="button"
                                class=format!("pb-bar-row {}", item.tone.class())
                                data-bar=item.key.clone()
                                aria-pressed=pressed
                                title=title
                                on:click=move |_| on_toggle.run(key.clone())
                            >
                                <span class="pb-bar-label">
                                    <span class="pb-badge-icon" aria-hidden="true">{item.tone.icon()}</span>
                                    <span class="pb-bar-name">{item.label}</span>
                                    {meaning}
                                </span>
                                <span class="pb-hbar-track" aria-hidden="true">
                                    <span class="pb-hbar-fill" style:width=width></span>
                                </span>
                                <span class="pb-numeric">{grouped(item.count.into())}</span>
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
