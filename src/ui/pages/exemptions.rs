use leptos::prelude::*;

#[component]
pub fn ExemptionsPage() -> impl IntoView {
    view! { <section class="pb-page"><h1 class="pb-page-title">"…"</h1></section> }
}
