//! Says which data the app shows: a configuration error in full, or that
//! the demo data is on screen.

use super::data::{use_data_source, SourceState};
use leptos::prelude::*;

/// In the header: "Demo data" when no backend is configured.
#[component]
pub fn SourceBadge() -> impl IntoView {
    let source = use_data_source();
    move || {
        source.with(SourceState::is_demo).then(|| {
            // A badge's look without its tone glyph, which here would read as a stray dash.
            view! { <span class="pb-badge pb-tone-neutral" title="No backend is configured: Patchboard shows its bundled demo fleet.">"Demo data"</span> }
        })
    }
}

/// Above every page: the configuration's problems, each naming its key.
#[component]
pub fn ConfigProblems() -> impl IntoView {
    let source = use_data_source();
    move || match source.get() {
        SourceState::Invalid { origin, problems } => Some(view! {
            <div class="pb-banner pb-tone-failed" role="alert" data-config-problems="">
                <span class="pb-badge-icon" aria-hidden="true">"✕"</span>
                <div class="pb-banner-body">
                    <div class="pb-banner-title">
                        {format!("The configuration from {origin} cannot be used; no data is loaded until it is fixed")}
                    </div>
                    <ul class="pb-banner-details">
                        {problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        }),
        _ => None,
    }
}
