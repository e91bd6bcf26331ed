use crate::ui::components::PageTitle;
use crate::ui::router::{Link, Location, Route};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <section class="pb-page" aria-labelledby="pb-page-title">
            <PageTitle text="Page not found" />
            <p class="pb-page-context">
                "Patchboard has no page at " <code>{path}</code> "."
            </p>
            <ul class="pb-list">
                <li><Link to=Location::new(Route::Jobs)>"Go to the job list"</Link></li>
                <li><Link to=Location::new(Route::Exemptions)>"Go to Endpoint exemptions"</Link></li>
                <li><Link to=Location::new(Route::Reference)>"Go to the Reference"</Link></li>
            </ul>
        </section>
    }
}
