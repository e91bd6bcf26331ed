use crate::domain::table::FacetSet;
use crate::domain::view::{FacetToken, ToQuery};
use crate::ui::view_state::{facet_toggle, facet_tokens, UrlView};
use leptos::prelude::*;

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
    view! {
        <span class="pb-field" data-facet=label>
            <select
                class="pb-select"
                aria-label=format!("Filter by {}", label.to_ascii_lowercase())
                prop:value=""
                on:change=move |event| {
                    let token = event_target_value(&event);
                    if !token.is_empty() && !selected.with_untracked(|s| s.contains(&token)) {
                        on_toggle.run(token);
                    }
                    // The select is an "add" control: it always shows its prompt.
                    let select: web_sys::HtmlSelectElement = event_target(&event);
                    select.set_value("");
                }
            >
                <option value="">{format!("{label}: any")}</option>
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
                        on:click=move |_| on_toggle.run(remove.clone())
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
