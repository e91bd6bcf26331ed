//! A page's heading, which also names the browser tab where the app owns it.

use crate::ui::focus::PAGE_TITLE_ID;
use crate::ui::router::use_router;
use leptos::prelude::*;

/// What the tab's title ends with, from the host element's `data-title`.
/// `None`: the host page keeps its own title (a portal embedding the app).
#[derive(Clone)]
pub struct TitleSuffix(pub Option<String>);

/// The page's `<h1>`, which the page's section is labelled by. With a
/// [`TitleSuffix`], the tab reads "{text} · {suffix}", so tabs and history
/// entries say which job or page they hold, and "{record} · {text} ·
/// {suffix}" while a record's details are open.
#[component]
pub fn PageTitle(
    #[prop(into)] text: TextProp,
    /// The name of the record whose details are open.
    #[prop(optional, into)]
    record: Option<Signal<Option<String>>>,
) -> impl IntoView {
    if let Some(TitleSuffix(Some(suffix))) = use_context::<TitleSuffix>() {
        let text = text.clone();
        let router = use_router();
        Effect::new(move |_| {
            // Named now, the entry being left (a record's, closed) would
            // take the title of the one Back is going to.
            if router.is_going_back() {
                return;
            }
            let page = text.get();
            let record = record.and_then(|record| record.get());
            let title = match record.as_deref().map(str::trim) {
                Some(name) if !name.is_empty() => format!("{name} · {page} · {suffix}"),
                _ => format!("{page} · {suffix}"),
            };
            document().set_title(&title);
        });
    }
    // Focusable from script: the app moves the focus here after a navigation.
    view! { <h1 id=PAGE_TITLE_ID class="pb-page-title" tabindex="-1"><bdi>{move || text.get()}</bdi></h1> }
}
