//! A banner for times of past events that lie ahead: local times sent
//! without their offset, which every "ago" and every stuck or stale
//! judgement then reads hours off.

use super::{Banner, Tone};
use crate::domain::decimal::{counted, Noun};
use leptos::prelude::*;

/// Says how many `noun` have a `what` time ahead of now, when any do.
#[component]
pub fn TimesAheadBanner(
    /// How many records have such a time.
    ahead: Signal<usize>,
    noun: Noun,
    /// The time, as the page names it: "last seen", "last status change".
    what: &'static str,
) -> impl IntoView {
    move || {
        let count = ahead.get();
        (count > 0).then(|| {
            let verb = if count == 1 { "has" } else { "have" };
            view! {
                <Banner
                    tone=Tone::Waiting
                    title=format!(
                        "{} {verb} a {what} time ahead of now: the backend may send local times without their offset",
                        counted(count as u64, noun),
                    )
                    details="Patchboard reads a time without an offset as UTC, so local times east of UTC lie ahead, and those west of it make everything look hours older than it is. Have the backend send UTC (2026-12-06T15:30:00Z) or an offset (2026-12-06T16:30:00+01:00)."
                />
            }
        })
    }
}
