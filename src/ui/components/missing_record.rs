//! A link that opens the details of a record the data does not have.

use super::{Banner, Tone};
use leptos::prelude::*;

/// Says that the record a link opens is not in the data, rather than show
/// the rest of the view as if the link had asked for nothing.
#[component]
pub fn MissingRecordBanner(
    /// The key the link gives, while it names no record of the data.
    missing: Signal<Option<String>>,
    /// The record's noun and where it was looked for: ("asset", "this job").
    what: &'static str,
    place: &'static str,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    move || {
        missing.get().map(|key| {
            view! {
                <Banner
                    tone=Tone::Neutral
                    title=format!("The link's {what} {key:?} is not in {place}")
                    details="It may have left since the link was made. The rest of the view is as the link has it."
                    action=("Dismiss", on_dismiss)
                />
            }
        })
    }
}
