use leptos::prelude::*;

#[component]
pub fn JobProgressPage(job_id: String) -> impl IntoView {
    view! { <section class="pb-page"><h1 class="pb-page-title">{job_id}</h1></section> }
}
