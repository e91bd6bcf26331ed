//! The top of the job page: stall warning, counters, and the chart that
//! filters the table.

use super::JobData;
use crate::domain::decimal::{counted, grouped, percent, Noun};
use crate::domain::phase::Phase;
use crate::domain::progress::STALL_AFTER_MINUTES;
use crate::domain::status::StatusKey;
use crate::domain::table::Facet;
use crate::domain::time::hours_text;
use crate::domain::view::assets::AssetView;
use crate::domain::view::FacetToken;
use crate::ui::clock::use_clock;
use crate::ui::components::{
    Banner, Counter, CounterGroup, RelativeTime, Segment, ShortList, ShowAllButton, StackedBar,
    Tone,
};
use crate::ui::tone::phase_tone;
use crate::ui::view_state::{counter_filter, facet_pick, facet_tokens};
use leptos::prelude::*;

/// Warns when nothing has moved for a while although work remains.
#[component]
pub fn StalledBanner(data: JobData) -> impl IntoView {
    let clock = use_clock();
    // The assets not finished and the last change, while stalled: the
    // clock's tick does not draw the notice again when they stay the same.
    let stall = Memo::new(move |_| {
        let stalled = !data.run_is_over.get()
            && data
                .progress
                .with(|p| p.is_stalled(clock.now(), STALL_AFTER_MINUTES * 60 * 1000));
        stalled.then(|| {
            data.progress
                .with(|p| (p.total() - p.final_count(), p.latest_status_change()))
        })
    });
    move || {
        stall.get().map(|(pending, last)| {
            view! {
                <Banner
                    tone=Tone::Waiting
                    title=format!("This job looks stalled: {} not finished, and none has changed status for over {STALL_AFTER_MINUTES} minutes", counted(pending as u64, Noun::ASSETS))
                >
                    {last.map(|at| view! {
                        "The last status change was at " {at.format_utc()}
                        // For the eye only: a notice is read out whole
                        // whenever its text changes, and this changes
                        // each minute; the time before it says as much.
                        <span aria-hidden="true">" (" <RelativeTime at=Some(at) happened=true /> ")"</span>
                        ". "
                    })}
                    "Check the agents of the unfinished assets and the job's patch window."
                </Banner>
            }
        })
    }
}

/// A counter's filter: the phases it counts.
fn listing(phases: &[Phase], view: &mut AssetView) {
    for &phase in phases {
        view.phases.insert(phase);
    }
}

const IN_PROGRESS: &[Phase] = &[Phase::Running, Phase::Waiting, Phase::Queued];
/// The final phases that are neither success nor failure: with them, the
/// outcome counters add up to Assets.
const NOT_RUN: &[Phase] = &[Phase::Canceled, Phase::Skipped, Phase::NotApplicable];

#[component]
pub fn Counters(data: JobData) -> impl IntoView {
    let progress = data.progress;
    let url = data.table.url;
    let count = move |phases: &'static [Phase]| {
        Signal::derive(move || {
            grouped(progress.with(|p| {
                phases
                    .iter()
                    .map(|&phase| p.by_phase().get(phase) as u64)
                    .sum()
            }))
        })
    };
    // Each phase in the detail line: "28 running · 21 waiting · 24 queued".
    let in_progress_detail = Signal::derive(move || {
        progress.with(|p| {
            IN_PROGRESS
                .iter()
                .map(|&phase| {
                    let count = grouped(p.by_phase().get(phase) as u64);
                    format!("{count} {}", phase.label().to_ascii_lowercase())
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
    });
    // What the phases have in common, not a list of them: the chart's
    // legend below lists them, and its Skipped holds No Patch Available too,
    // which an operator would not call skipped.
    let not_run_detail = Signal::stored("final, patching not attempted".to_owned());
    // Counts several phases, detailed by `detail`.
    let phases_counter = move |id,
                               label,
                               tone,
                               phases: &'static [Phase],
                               detail: Signal<String>,
                               filter| {
        view! { <Counter id=id label=label tone=tone value=count(phases) detail=detail filter=filter /> }
    };
    // A backend that sends no status times leaves nothing to judge stuck by:
    // the counter says so rather than show 0.
    let lacks_status_times = data.lacks_status_times();
    // A memo: the counter reads its value more than once, and each read
    // would scan every row.
    let stuck_count = Memo::new(move |_| {
        if lacks_status_times.get() {
            return "—".to_owned();
        }
        let cutoff = data.stuck_cutoff.get();
        let stuck = data.table.rows.with(|rows| {
            rows.iter()
                .filter(|row| row.progress.is_stuck(cutoff))
                .count()
        });
        grouped(stuck as u64)
    });
    let share = |value: Option<f64>| value.map(|p| percent(p, 1)).unwrap_or_else(|| "—".into());
    view! {
        <CounterGroup status=data.status>
            <Counter id="total" label="Assets" value=Signal::derive(move || progress.with(|p| grouped(p.total() as u64))) />
            <Counter
                id="complete"
                label="Complete"
                value=Signal::derive(move || progress.with(|p| share(p.percent_complete())))
                detail=Signal::derive(move || progress.with(|p| format!("{} of {} final", grouped(p.final_count() as u64), grouped(p.total() as u64))))
            />
            <Counter
                id="succeeded"
                label="Succeeded"
                tone=Tone::Succeeded
                value=count(&[Phase::Succeeded])
                filter=counter_filter(url, |v| listing(&[Phase::Succeeded], v))
            />
            <Counter
                id="failed"
                label="Failed"
                tone=Tone::Failed
                value=count(&[Phase::Failed])
                filter=counter_filter(url, |v| listing(&[Phase::Failed], v))
            />
            {phases_counter("not-run", "Not run", Tone::Neutral, NOT_RUN, not_run_detail, counter_filter(url, |v| listing(NOT_RUN, v)))}
            {phases_counter("in-progress", "In progress", Tone::Running, IN_PROGRESS, in_progress_detail, counter_filter(url, |v| listing(IN_PROGRESS, v)))}
            // Statuses unknown, ambiguous or contradictory fit no phase above: counted
            // here, when there are any, so the counters add up to Assets.
            <Show when=move || progress.with(|p| p.by_phase().get(Phase::Unknown) > 0)>
                <Counter
                    id="unknown"
                    label="Unknown status"
                    tone=Tone::Unknown
                    value=count(&[Phase::Unknown])
                    detail=Signal::derive(|| "not matched to one catalogue status".to_owned())
                    filter=counter_filter(url, |v| listing(&[Phase::Unknown], v))
                />
            </Show>
            <Counter
                id="stuck"
                label="Stuck"
                tone=Tone::Waiting
                value=stuck_count
                detail=Signal::derive(move || if lacks_status_times.get() {
                    "no status times to judge by".to_owned()
                } else {
                    format!("not final, no change for over {}", hours_text(data.stuck_after_hours.get()))
                })
                filter=counter_filter(url, |v| v.stuck_only = true).unless(lacks_status_times)
            />
            <Counter
                id="success-rate"
                label="Success rate"
                value=Signal::derive(move || progress.with(|p| share(p.success_rate())))
                detail=Signal::derive(|| "of the assets that succeeded or failed".to_owned())
            />
            <Counter
                id="anomalies"
                label="Status not valid for OS"
                tone=Tone::Unknown
                value=Signal::derive(move || progress.with(|p| grouped(p.anomalies().len() as u64)))
                filter=counter_filter(url, |v| v.anomalies_only = true)
            />
        </CounterGroup>
    }
}

/// Assets by phase (a bar whose parts filter by phase) and by status (a
/// legend whose entries filter by status).
#[component]
pub fn PhaseChart(data: JobData) -> impl IntoView {
    let url = data.table.url;
    let phase_segments = Signal::derive(move || {
        data.progress.with(|p| {
            Phase::ALL
                .iter()
                .filter(|&&phase| p.by_phase().get(phase) > 0)
                .map(|&phase| Segment {
                    key: phase.url_token(),
                    label: phase.label().to_owned(),
                    count: p.by_phase().get(phase) as u32,
                    tone: phase_tone(phase),
                    meaning: None,
                })
                .collect()
        })
    });
    let status_segments = Signal::derive(move || {
        data.progress.with(|p| {
            <StatusKey as Facet>::ALL
                .iter()
                .filter(|&&status| p.count(status) > 0)
                .map(|&status| Segment {
                    key: status.url_token(),
                    label: status.display_name(),
                    count: p.count(status) as u32,
                    tone: phase_tone(status.phase()),
                    meaning: Some(status.phase().label()),
                })
                .collect()
        })
    });
    // The phases say how the job stands; the codes behind them wait for a
    // click, so the table starts higher on the page.
    let selected_statuses = facet_tokens(url, |v: &AssetView| v.statuses);
    let statuses = ShortList::new(status_segments, selected_statuses, 0);
    view! {
        <div class="pb-chart-group">
            <StackedBar
                label="Assets by phase"
                segments=phase_segments
                selected=facet_tokens(url, |v: &AssetView| v.phases)
                on_toggle=facet_pick(url, AssetView::toggle_phase)
            />
            <StackedBar
                label="Assets by status"
                segments=statuses.shown
                selected=selected_statuses
                legend_only=true
                legend_id="pb-status-legend"
                // Unresolved statuses have no entry, yet count in the whole.
                total=Signal::derive(move || data.progress.with(|p| p.total() as u32))
                on_toggle=statuses.keeping_focus(facet_pick(url, AssetView::toggle_status))
            />
            <div class="pb-chart-foot">
                <ShowAllButton list=statuses noun="statuses" controls="pb-status-legend" />
                <p class="pb-muted pb-chart-note">
                    "The figures and the chart count " {data.status.counted_part("the whole job", "assets")}
                    ". A figure lists just what it counts, in place of the search and filters (Back brings them back); a part of the chart filters the table."
                </p>
            </div>
        </div>
    }
}
