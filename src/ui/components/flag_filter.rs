use crate::domain::view::ToQuery;
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;

/// A checkbox bound to one yes/no filter of a page's URL view; each change is
/// a history entry, like the other filters. While the data leaves nothing to
/// filter by (`unavailable`) it cannot be turned on, and one a link or a
/// refresh left on can still be turned off.
#[component]
pub fn FlagFilter<V>(
    #[prop(into)] label: Signal<String>,
    url: UrlView<V>,
    get: fn(&V) -> bool,
    get_mut: fn(&mut V) -> &mut bool,
    #[prop(optional)] unavailable: Option<Signal<bool>>,
) -> impl IntoView
where
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    let cannot_turn_on = move || unavailable.is_some_and(|u| u.get()) && !url.view.with(get);
    view! {
        <label class="pb-checkbox">
            <input
                type="checkbox"
                prop:checked=move || url.view.with(get)
                // Not `disabled`: the box turns unavailable as the keyboard
                // unticks it, and a disabled box would drop the focus.
                aria-disabled=move || cannot_turn_on().then_some("true")
                on:click=move |event| {
                    if untrack(cannot_turn_on) {
                        event.prevent_default();
                    }
                }
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    url.update(History::Push, |view| *get_mut(view) = checked);
                }
            />
            {label}
        </label>
    }
}
