//! A link that names what the page does not have: a record to open, or
//! filter values.

use super::{Banner, Tone};
use crate::domain::abridge::quoted;
use leptos::prelude::*;

/// Says that the record a link opens, or a refresh has since dropped, is not
/// in the data, rather than show the rest of the view as if nothing were open.
#[component]
pub fn MissingRecordBanner(
    /// The key of the record a link opens, or the name of the one a
    /// refresh dropped, while the data lacks it.
    missing: Signal<Option<String>>,
    /// The record's noun and where it was looked for: ("asset", "this job").
    what: &'static str,
    #[prop(into)] place: Signal<&'static str>,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    move || {
        missing.get().map(|key| {
            view! {
                <Banner
                    tone=Tone::Neutral
                    title=format!("The {what} {} is not in {}", quoted(&key), place.get())
                    details="It may have left since it was opened or the link to it was made, or the link may be mistyped. The rest of the view is unchanged."
                    action=Some(("Dismiss", on_dismiss))
                />
            }
        })
    }
}

/// Says which of a link's filter values and sort columns name nothing
/// Patchboard knows and were left out, rather than list more rows than the
/// link meant, or in another order, without a word.
#[component]
pub fn UnknownFiltersBanner(
    /// As the link has them: "status=9999", "sort=colour".
    unknown: Memo<Vec<String>>,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    move || {
        unknown.with(|unknown| {
            (!unknown.is_empty()).then(|| {
                let (these, them) = match unknown.len() {
                    1 => ("this value", "it"),
                    _ => ("these values", "them"),
                };
                view! {
                    <Banner
                        tone=Tone::Neutral
                        title="Some of the link's filters or sort columns were left out"
                        details=format!(
                            "Patchboard does not know {these}, so the list is not filtered or sorted by {them}: {}. The rest of the view is as the link has it.",
                            unknown.join(", ")
                        )
                        action=Some(("Dismiss", on_dismiss))
                    />
                }
            })
        })
    }
}
