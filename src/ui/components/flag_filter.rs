use crate::domain::view::ToQuery;
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;

/// A checkbox bound to one yes/no filter of a page's URL view; each change is
/// a history entry, like the other filters.
#[component]
pub fn FlagFilter<V>(
    #[prop(into)] label: Signal<String>,
    url: UrlView<V>,
    get: fn(&V) -> bool,
    get_mut: fn(&mut V) -> &mut bool,
) -> impl IntoView
where
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    view! {
        <label class="pb-checkbox">
            <input
                type="checkbox"
                prop:checked=move || url.view.with(get)
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    url.update(History::Push, |view| *get_mut(view) = checked);
                }
            />
            {label}
        </label>
    }
}
