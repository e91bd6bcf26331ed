use crate::domain::time::Timestamp;
use crate::ui::clock::use_clock;
use leptos::prelude::*;

/// "4 min ago", with the exact UTC time on hover and for machines.
#[component]
pub fn RelativeTime(
    at: Option<Timestamp>,
    /// The time of something that has happened: a backend clock a little
    /// ahead of this one makes it "just now", not "in 1 min".
    #[prop(optional)]
    happened: bool,
) -> impl IntoView {
    let clock = use_clock();
    match at {
        Some(at) => view! {
            <time datetime=at.to_rfc3339() title=at.format_utc()>
                {move || {
                    if happened {
                        at.format_happened(clock.now())
                    } else {
                        at.format_relative(clock.now())
                    }
                }}
            </time>
        }
        .into_any(),
        None => view! { <span class="pb-muted">"—"</span> }.into_any(),
    }
}
