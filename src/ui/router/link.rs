use super::{use_router, Location, UrlMode};
use leptos::prelude::*;

/// An in-app link: a real `<a href>` (open in new tab, copy link) that in
/// memory mode navigates without touching the host's URL.
#[component]
pub fn Link(
    to: Location,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] title: Option<String>,
    /// "-1" for a link that something else stands for in the Tab order.
    #[prop(optional)]
    tabindex: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = router.href(&to);
    let on_click = move |event: leptos::ev::MouseEvent| {
        let plain_click = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if !plain_click {
            return;
        }
        match router.mode() {
            // The browser follows the link, in a new history entry.
            UrlMode::Fragment => router.remember_place(),
            UrlMode::Memory => {
                event.prevent_default();
                router.navigate(to.clone(), false);
            }
        }
    };
    view! {
        <a href=href class=class title=title tabindex=tabindex on:click=on_click>
            {children()}
        </a>
    }
}
