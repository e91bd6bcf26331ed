use leptos::prelude::*;

#[component]
pub fn ReferencePage() -> impl IntoView {
    view! { <section class="pb-page"><h1 class="pb-page-title">"…"</h1></section> }
}
