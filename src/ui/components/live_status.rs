//! What a page says about its data: loading progress, when it was updated,
//! refresh controls, and every failure in specific words with the data kept.

use super::{Banner, Tone};
use crate::domain::decimal::{counted, grouped};
use crate::domain::time::{period_text, Timestamp};
use crate::source::cut_short_note::{cut_short_note, CutShortNote};
use crate::source::load::CutShort;
use crate::source::mapping::UnfoundField;
use crate::ui::clock::{ticking_clock, use_clock};
use crate::ui::data::{use_data_source, LiveStatus, LoadStatus, SourceState};
use leptos::prelude::*;
use std::time::Duration;

/// The refresh line: "Updated 12 s ago · every 30 s" (or "Last refresh
/// failed · updated 12 s ago", "Loading… · updated 12 s ago"), pause/resume,
/// refresh now.
#[component]
pub fn RefreshControls(
    live: LiveStatus,
    /// A supporting resource that Refresh now asks again too (a job's runs,
    /// which a new run or one removed changes); its own timer refreshes it.
    #[prop(optional)]
    along_with: Option<LiveStatus>,
) -> impl IntoView {
    let clock = use_clock();
    let source = use_data_source();
    // Until the configuration is read there is no cadence to tell and nothing
    // to refresh; a wrong one is read once, at start, so a refresh cannot fix it.
    let source_ready = move || source.with(|state| matches!(state, SourceState::Ready(_)));
    let state = live.state;
    let now = wait_clock(state);
    // While a load runs (or waits to ask again), what it is doing comes
    // first, and the age of the data shown still follows: a refresh that
    // hangs must not hide how old the rows are, nor that the last failed.
    let updated = move || {
        state.with(|s| {
            let activity = match (s.loading, &s.waiting) {
                (Some(_), Some((wait, since))) => {
                    let elapsed = (now.get().millis() - since.millis()).clamp(0, u32::MAX.into());
                    Some(wait.after(elapsed as u32).to_string())
                }
                (Some(received), None) if received > 0 => {
                    Some(format!("Loading… {} received", grouped(received as u64)))
                }
                (Some(_), None) => Some("Loading…".to_owned()),
                (None, _) => None,
            };
            let age = s.loaded_at.map(|at| {
                // Read from this clock: one set back since (by NTP, or a
                // wake from sleep) must not put the load in the future.
                let when = at.format_relative(clock.now().max(at));
                // "Updated just now" beside a failure would read as the
                // refresh that failed having worked.
                match (s.error.is_some(), activity.is_some()) {
                    (true, false) => format!("Last refresh failed · updated {when}"),
                    (true, true) => format!("last refresh failed · updated {when}"),
                    (false, false) => format!("Updated {when}"),
                    (false, true) => format!("updated {when}"),
                }
            });
            match (activity, age) {
                (Some(activity), Some(age)) => format!("{activity} · {age}"),
                (Some(text), None) | (None, Some(text)) => text,
                (None, None) => "Not loaded".to_owned(),
            }
        })
    };
    let cadence = move || {
        if !source_ready() {
            return String::new();
        }
        let quiet_left = state.with(|s| s.quiet_left(now.get()));
        match (
            live.refresh_seconds.get(),
            live.paused.get() || live.held.get(),
        ) {
            (0, _) => " · automatic refresh off".to_owned(),
            (_, true) => " · refresh paused".to_owned(),
            (_, false) if let Some(left) = quiet_left => format!(
                " · next automatic refresh in {} at the earliest, as the backend asked",
                period_text(left)
            ),
            (seconds, false) => format!(" · refreshes every {}", period_text(seconds)),
        }
    };
    // A page the configuration gives no resource has nothing to refresh.
    let has_resource = move || state.with(|s| s.unavailable.is_none());
    view! {
        // Not a live region: the age it shows changes every minute.
        <div class="pb-toolbar pb-refresh" hidden=move || !has_resource()>
            <span class="pb-muted" data-updated="">{updated} {cadence}</span>
            // A printed sheet is read later: "updated 4 min ago" would be
            // from the moment of printing.
            <span class="pb-print-only" data-as-of="">
                {move || state.with(|s| s.loaded_at.map(|at| format!("Data as of {}", at.format_utc())))}
            </span>
            <Show when=move || live.refresh_seconds.get() != 0 && !live.held.get()>
                <button
                    type="button"
                    class="pb-button"
                    on:click=move |_| live.paused.update(|paused| *paused = !*paused)
                >
                    {move || if live.paused.get() { "Resume" } else { "Pause" }}
                </button>
            </Show>
            <Show when=source_ready>
                <button
                    type="button"
                    class="pb-button"
                    on:click=move |_| {
                        live.refresh();
                        if let Some(supporting) = along_with {
                            supporting.refresh();
                        }
                    }
                >
                    "Refresh now"
                </button>
            </Show>
        </div>
    }
}

/// The time, ticking each second while a load waits to ask again or the
/// backend asked for a wait, so that the wait counts down; the shared
/// clock's tick is too slow for that.
fn wait_clock(state: RwSignal<LoadStatus>) -> ReadSignal<Timestamp> {
    // The shared clock, slower, notices a backend's wait has run out, so
    // that this one stops even with no load to end it (refresh paused).
    let clock = use_clock();
    let waiting = Memo::new(move |_| {
        state.with(|s| s.waiting.is_some() || s.quiet_left(clock.now()).is_some())
    });
    ticking_clock(move || waiting.get(), Duration::from_secs(1))
}

/// Banners for what went wrong with the data, if anything.
#[component]
pub fn DataProblems(
    live: LiveStatus,
    /// A supporting resource (a job's runs): its absence from the
    /// configuration is normal, only its failures are worth a banner.
    #[prop(optional)]
    optional: bool,
    /// What a first load that failed leaves missing, where the resource's
    /// own title would say too little: a supporting resource's failure
    /// leaves the page's own data on screen.
    #[prop(optional)]
    unloaded_title: Option<&'static str>,
    /// What a field that is never found costs on this page beyond a blank,
    /// where it costs more (an endpoint's facts derive its exemptions).
    #[prop(optional)]
    unfound_costs: Option<&'static str>,
    /// While a "not found" is told by the page in its own words (a job that
    /// left the list), the error banner does not say it again as an error.
    #[prop(optional)]
    not_found_explained: Option<Signal<bool>>,
) -> impl IntoView {
    let state = live.state;
    let retry = Callback::new(move |_| live.refresh());
    // The notices are drawn again only when what they say changes, not at
    // every change of the load (a refresh starting, rows arriving): drawn
    // again, a notice forgets that it held the focus, and its leaving would
    // drop the keyboard to the top of the page. One memo for all of them:
    // each memo's type costs the wasm its own copy of the memo's code.
    let notices = Memo::new(move |_| {
        state.with(|s| {
            let explained =
                s.not_found && not_found_explained.is_some_and(|explained| explained.get());
            Notices {
                unavailable: s.unavailable.clone(),
                failure: s
                    .error
                    .clone()
                    .filter(|_| !explained)
                    .map(|error| (error, s.loaded_at.is_some())),
                skipped: (s.skipped.count > 0).then(|| (s.skipped.count, s.skipped.lines())),
                left_out: (s.left_out.count > 0).then(|| (s.left_out.count, s.left_out.lines())),
                repeated: (s.repeated.count > 0)
                    .then(|| (s.repeated.count, s.repeated.examples_text())),
                unfound: (!s.unfound.is_empty()).then(|| unfound_text(&s.unfound)),
                backend_error: s.backend_error.clone(),
                emptied_from: s.emptied_from,
                cut_short: s.cut_short.clone(),
            }
        })
    });
    view! {
        {move || notices.with(|n| n.unavailable.clone()).filter(|_| !optional).map(|message| view! {
            <Banner tone=Tone::Neutral title="No data source for this page" details=message />
        })}
        {move || notices.with(|n| n.failure.clone()).map(|(error, kept)| {
            let title = if kept {
                "The last refresh failed; the data below is from the last successful load"
            } else {
                unloaded_title.unwrap_or(live.unloaded_title)
            };
            view! {
                <Banner tone=Tone::Failed title=title details=error action=Some(("Retry", retry)) busy=live.is_loading() />
            }
        })}
        {move || notices.with(|n| n.skipped.clone()).map(|(count, problems)| view! {
            <Banner
                tone=Tone::Waiting
                title=match count {
                    1 => "1 row could not be read and is not shown or counted".to_owned(),
                    _ => format!("{} rows could not be read and are not shown or counted", grouped(count as u64)),
                }
                items=problems
            />
        })}
        {move || notices.with(|n| n.left_out.clone()).map(|(count, problems)| view! {
            <Banner
                tone=Tone::Waiting
                title=match count {
                    1 => "1 value could not be read and is left out; its row is shown and counted".to_owned(),
                    _ => format!("{} values could not be read and are left out; their rows are shown and counted", grouped(count as u64)),
                }
                details=format!(
                    "Each reads as not known{}.",
                    unfound_costs.map(|costs| format!(", {costs}")).unwrap_or_default(),
                )
                items=problems
            />
        })}
        {move || notices.with(|n| n.repeated.clone()).map(|(count, examples)| view! {
            <Banner
                tone=Tone::Waiting
                title=match count {
                    1 => "1 row repeats an id listed earlier: that record is shown and counted once, with its later row's values".to_owned(),
                    _ => format!(
                        "{} rows repeat an id listed earlier: each is shown and counted once, with its later row's values",
                        grouped(count as u64),
                    ),
                }
                details=examples
            />
        })}
        {move || notices.with(|n| n.unfound.clone()).map(|fields| view! {
            <Banner
                tone=Tone::Waiting
                title=format!("No row has anything where the configuration points for {fields}")
                details=format!(
                    "Each reads as not known in every row{}. Check each pointer against an item of the backend's response; a field the backend never sends can be left out of fields. A backend that leaves out false and 0 (Go's omitempty) must write them, as they are facts.",
                    unfound_costs.map(|costs| format!(", {costs}")).unwrap_or_default(),
                )
            />
        })}
        {move || notices.with(|n| n.backend_error.clone()).map(|words| view! {
            <Banner
                tone=Tone::Waiting
                title="The backend reported an error beside the rows it sent"
                details=format!(
                    "It says \"{words}\". The rows shown are those it sent; some may be missing, or hold no value where the error struck."
                )
            />
        })}
        {move || notices.with(|n| n.emptied_from).map(|before| view! {
            <Banner
                tone=Tone::Waiting
                title=format!(
                    "The last refresh listed no {}, where the load before it listed {}",
                    live.noun.many,
                    counted(before as u64, live.noun),
                )
                details="What the backend sends is shown as it is. If a fault of the backend emptied the list, the next refresh that lists them brings the rows back."
            />
        })}
        {move || notices.with(|n| n.cut_short.clone()).map(|cut_short| {
            let CutShortNote { title, details } = cut_short_note(cut_short);
            view! { <Banner tone=Tone::Waiting title=title details=details /> }
        })}
    }
}

/// What the notices of a load say.
#[derive(Clone, PartialEq)]
struct Notices {
    unavailable: Option<String>,
    /// The error, and whether earlier data is kept.
    failure: Option<(String, bool)>,
    skipped: Option<(usize, Vec<String>)>,
    left_out: Option<(usize, Vec<String>)>,
    repeated: Option<(usize, String)>,
    unfound: Option<String>,
    backend_error: Option<String>,
    emptied_from: Option<usize>,
    cut_short: Option<CutShort>,
}

/// The fields no row had, for a message: "power (at "/power"), os (at "/os")".
fn unfound_text(fields: &[UnfoundField]) -> String {
    fields
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
