use leptos::prelude::*;

/// A free-text filter. Every keystroke filters: the domain's filter is fast
/// enough at 100,000 rows that no debounce is needed.
#[component]
pub fn SearchBox(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="pb-field">
            <span class="pb-visually-hidden">{label.clone()}</span>
            <input
                type="search"
                class="pb-input"
                placeholder=label
                prop:value=value
                on:input=move |event| on_input.run(event_target_value(&event))
            />
        </label>
    }
}
