use super::SearchBox;
use crate::domain::view::{HoldsTable, ToQuery};
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;

/// The search box of a page's table, bound to its view's search text. The
/// first letter of a search gets its own history entry and the letters after
/// it replace that entry: Back returns to the view before the search (a
/// filter chosen just before it included), not one letter. A search emptied
/// gives that entry back, so Back does not return to the same view.
#[component]
pub fn TableSearch<V>(label: &'static str, url: UrlView<V>) -> impl IntoView
where
    V: HoldsTable + ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    view! {
        <SearchBox
            label=label
            value=Signal::derive(move || url.view.with(|view| view.table().text.clone()))
            on_input=Callback::new(move |text: String| {
                let starts = url.view.with_untracked(|view| view.table().text.is_empty());
                let history = match (starts, text.is_empty()) {
                    (true, _) => History::Push,
                    (false, true) => History::BackOrReplace,
                    (false, false) => History::Replace,
                };
                url.update(history, |view| view.table_mut().text = text)
            })
        />
    }
}
