use super::BrowsedChoice;
use crate::domain::table::FacetSet;
use crate::domain::view::{FacetToken, ToQuery};
use crate::ui::view_state::{facet_toggle, facet_tokens, UrlView};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One option of a facet filter: its URL token and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetOption {
    pub token: String,
    pub label: String,
}

/// Adds a value to a facet filter; chips show the chosen values and remove them.
#[component]
pub fn FacetSelect(
    label: &'static str,
    options: Vec<FacetOption>,
    #[prop(into)] selected: Signal<Vec<String>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let labels = StoredValue::new(options.clone());
    let label_of = move |token: &str| {
        labels.with_value(|options| {
            options
                .iter()
                .find(|option| option.token == token)
                .map(|option| option.label.clone())
                .unwrap_or_else(|| token.to_owned())
        })
    };
    let choices = options
        .into_iter()
        .map(|option| view! { <option value=option.token>{option.label}</option> })
        .collect_view();
    let browsing = BrowsedChoice::new();
    let apply = move |select: web_sys::HtmlSelectElement| {
        let token = select.value();
        // The select is an "add" control: it always shows its prompt.
        select.set_value("");
        // A select whose page goes (Back with its list open) blurs after the
        // page's signals are gone: there is nothing left to filter.
        let chosen_already = selected.try_with_untracked(|s| s.contains(&token));
        if !token.is_empty() && chosen_already == Some(false) {
            on_toggle.try_run(token);
        }
    };
    view! {
        <span class="pb-field" data-facet=label>
            <select
                class="pb-select"
                aria-label=format!("Filter by {}", in_sentence(label))
                // The values chosen show as chips after it; reached by Tab,
                // the select says them itself.
                aria-description=move || {
                    let chosen: Vec<String> = selected.with(|s| s.iter().map(|token| label_of(token)).collect());
                    (!chosen.is_empty()).then(|| format!("Now {}", chosen.join(" or ")))
                }
                prop:value=""
                on:keydown=move |event| browsing.keydown(&event, "", apply)
                on:change=move |event| browsing.change(&event, apply)
                on:blur=move |event| apply(event_target(&event))
            >
                // The prompt: "any" only while nothing is chosen, as the chips beside it show.
                <option value="">
                    {move || if selected.with(Vec::is_empty) { format!("{label}: any") } else { format!("{label}: add another") }}
                </option>
                {choices}
            </select>
            {move || selected.get().into_iter().map(|token| {
                let name = label_of(&token);
                let remove = token.clone();
                view! {
                    <button
                        type="button"
                        class="pb-chip"
                        aria-label=format!("Remove filter {label}: {name}")
                        on:click=move |event| {
                            // The last chip leaves no chip to take its place and
                            // its focus: hand that to the select first.
                            if selected.with_untracked(|chosen| chosen.last() == Some(&remove)) {
                                focus_select_beside(&event);
                            }
                            on_toggle.run(remove.clone());
                        }
                    >
                        {name.clone()} <span aria-hidden="true">"×"</span>
                    </button>
                }
            }).collect_view()}
        </span>
    }
}

/// A [`FacetSelect`] over every value of `F`, bound to one facet filter of a
/// page's URL view.
#[component]
pub fn FacetFilter<F, V>(
    label: &'static str,
    url: UrlView<V>,
    get: fn(&V) -> FacetSet<F>,
    get_mut: fn(&mut V) -> &mut FacetSet<F>,
) -> impl IntoView
where
    F: FacetToken + Send + Sync,
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    let options = F::ALL
        .iter()
        .map(|&value| FacetOption {
            token: value.url_token(),
            label: value.display_name(),
        })
        .collect();
    view! {
        <FacetSelect
            label=label
            options=options
            selected=facet_tokens(url, get)
            on_toggle=facet_toggle(url, get_mut)
        />
    }
}

/// "OS" stays as it is; "Status" reads "status" inside a sentence.
fn in_sentence(label: &str) -> String {
    if label.chars().all(|c| c.is_ascii_uppercase()) {
        label.to_owned()
    } else {
        label.to_ascii_lowercase()
    }
}

/// Focuses the select of the filter whose chip got `event`.
fn focus_select_beside(event: &leptos::ev::MouseEvent) {
    let select = event_target::<web_sys::Element>(event)
        .closest(".pb-field")
        .ok()
        .flatten()
        .and_then(|field| field.query_selector("select").ok().flatten())
        .and_then(|select| select.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(select) = select {
        let _ = select.focus();
    }
}
