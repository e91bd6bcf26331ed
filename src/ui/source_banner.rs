//! Says which data the app shows: a configuration error in full, or that
//! the demo data is on screen.

use super::components::{Banner, Tone};
use super::data::{fetch_config_again, use_data_source, SourceState};
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

/// Above every page while the demo is on screen, in words: the header's
/// badge alone is easy to miss, and made-up jobs must not pass for a fleet.
#[component]
pub fn DemoNote() -> impl IntoView {
    let source = use_data_source();
    move || {
        source.with(SourceState::is_demo).then(|| {
            view! {
                <p class="pb-demo-note" data-demo-note="">
                    "Made-up demo data: no backend is configured (no config.json beside the app). "
                    "docs/configuration.md says how to connect yours."
                </p>
            }
        })
    }
}

/// Above every page: the configuration's problems, each naming its key.
#[component]
pub fn ConfigProblems() -> impl IntoView {
    let source = use_data_source();
    move || match source.get() {
        SourceState::Invalid {
            origin,
            problems,
            passing,
        } => {
            let title = if passing {
                format!("The configuration from {origin} could not be fetched; no data is loaded until it can be")
            } else {
                format!("The configuration from {origin} cannot be used; no data is loaded until it is fixed and this page reloaded")
            };
            let try_again = Callback::new(move |()| fetch_config_again(source));
            Some(view! {
                <Banner
                    attr:data-config-problems=""
                    tone=Tone::Failed
                    title=title
                    items=problems
                    action=passing.then_some(("Try again", try_again))
                />
            })
        }
        _ => None,
    }
}
