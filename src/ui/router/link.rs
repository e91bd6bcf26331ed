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
    /// "auto" for a link whose text is the backend's, in any script.
    #[prop(optional)]
    dir: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = router.href(&to);
    // The href names the document's path and query as they were when it was
    // drawn; a portal that has since changed its own (a tab in its query,
    // pushState to a sub-path) would be reloaded, or opened in a new tab, at
    // the old one. Named afresh before the browser follows it, or opens or
    // copies it (pressed, or reached by the keyboard).
    let anchor = NodeRef::<leptos::html::A>::new();
    let rename = {
        let to = to.clone();
        move || {
            if let Some(link) = anchor.get_untracked() {
                link.set_href(&router.href(&to));
            }
        }
    };
    let on_mouse_down = {
        let rename = rename.clone();
        move |_: leptos::ev::MouseEvent| rename()
    };
    let on_focus = {
        let rename = rename.clone();
        move |_: leptos::ev::FocusEvent| rename()
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        rename();
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
        <a
            node_ref=anchor
            href=href
            class=class
            title=title
            tabindex=tabindex
            dir=dir
            on:mousedown=on_mouse_down
            on:focus=on_focus
            on:click=on_click
        >
            {children()}
        </a>
    }
}
