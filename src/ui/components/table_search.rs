use super::SearchBox;
use crate::domain::view::{HoldsTable, ToQuery};
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;

/// The search box of a page's table, bound to its view's search text. Typing
/// replaces the current history entry: Back leaves the page, not one letter.
#[component]
pub fn TableSearch<V>(label: &'static str, url: UrlView<V>) -> impl IntoView
where
    V: HoldsTable + ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    view! {
        <SearchBox
            label=label
            value=Signal::derive(move || url.view.with(|view| view.table().text.clone()))
            on_input=Callback::new(move |text| {
                url.update(History::Replace, |view| view.table_mut().text = text)
            })
        />
    }
}
