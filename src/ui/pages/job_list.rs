//! Every deployment job, its progress at a glance, and the way into one.

use crate::domain::decimal::{counted, fixed, grouped, listed_of, percent, Noun};
use crate::domain::job::{Job, RolloutShare};
use crate::domain::view::jobs::{JobColumn, JobView};
use crate::domain::view::{no_match_for, HoldsTable};
use crate::ui::clock::use_clock;
use crate::ui::components::{
    record_lookups, Column, DataProblems, Narrowing, PageTitle, RefreshControls, RelativeTime,
    SettledStatus, TableSearch, Tone, UnknownFiltersBanner, VirtualTable,
};
use crate::ui::data::{Live, LiveStatus, Shared};
use crate::ui::router::{use_router, Link, Location, Route};
use crate::ui::view_state::{use_url_view, UrlView};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn JobListPage() -> impl IntoView {
    let jobs = expect_context::<Live<Job>>();
    let url = use_url_view(JobView::from_query);
    let items = jobs.items;
    let order =
        Memo::new(move |_| Arc::new(url.view.with(|view| items.with(|jobs| view.apply(jobs)))));

    let count = jobs.status.once_known(move || {
        let all = items.with(|jobs| jobs.len() as u64);
        let listed = order.with(|order| order.len() as u64);
        let count = if listed == all {
            counted(all, Noun::JOBS)
        } else {
            listed_of(listed, all, Noun::JOBS)
        };
        format!("{}. ", jobs.status.as_loaded(count))
    });

    view! {
        <section class="pb-page" aria-labelledby="pb-page-title">
            <div class="pb-page-heading">
                <PageTitle text="Deployment jobs" />
                <span class="pb-spacer"></span>
                <RefreshControls live=jobs.status />
                <p class="pb-page-context">
                    <span aria-hidden="true">{count}</span>
                    "Open a job to follow its rollout asset by asset. "
                    "The figures here are the backend's own; a job's page counts its assets itself."
                </p>
                // Announced once it settles, so a search tells a screen reader
                // what it left; beside the line, so a copy of it holds the count once.
                <SettledStatus text=count />
            </div>
            <DataProblems live=jobs.status />
            <UnknownFiltersBanner
                unknown=url.left_out()
                on_dismiss=Callback::new(move |_| url.drop_left_out())
            />
            <div class="pb-toolbar">
                <TableSearch label="Search jobs" url=url />
            </div>
            <JobTable jobs=items order=order url=url status=jobs.status />
        </section>
    }
}

#[component]
fn JobTable(
    jobs: ReadSignal<Shared<Vec<Job>>>,
    order: Memo<Arc<Vec<u32>>>,
    url: UrlView<JobView>,
    status: LiveStatus,
) -> impl IntoView {
    let router = use_router();
    let columns = Column::every(
        // Numbers get the width their heading needs, the backend's platform
        // and status names room for a word; the job name takes what is
        // left, and every text truncates.
        |id| match id {
            JobColumn::Job => "auto",
            JobColumn::Platform | JobColumn::Status => "7.5em",
            JobColumn::LastRun => "13.5em",
            JobColumn::Complete => "12%",
            JobColumn::Assets | JobColumn::Failed => "5.5em",
            JobColumn::Succeeded | JobColumn::InProgress => "7em",
        },
        |id| {
            matches!(
                id,
                JobColumn::Assets
                    | JobColumn::Complete
                    | JobColumn::Succeeded
                    | JobColumn::Failed
                    | JobColumn::InProgress
            )
        },
        // A narrow table keeps each job's progress, size and failures.
        |id| match id {
            JobColumn::Succeeded | JobColumn::InProgress => Narrowing::BelowFullWidth,
            _ => Narrowing::Never,
        },
    );
    let clock = use_clock();
    let cells = move |index: u32| {
        let job = jobs.with_untracked(|jobs| jobs[index as usize].clone());
        let count = |value: Option<u64>| value.map(grouped).unwrap_or_else(|| "—".into());
        let link = Location::new(Route::Job { id: job.id.clone() });
        let name = job.name.clone();
        let bar = view! { <MiniBar job=job.clone() /> };
        // The backend's own words, which may be longer than the column; a
        // dash where it sent none, as in the count columns.
        let words = |value: &Option<String>| value.clone().unwrap_or_else(|| "—".into());
        let (platform, status) = (words(&job.platform), words(&job.status));
        let rollout = job.rollout_summary();
        // The hover text does not reach the keyboard or a screen reader:
        // they hear it while the count columns are left out.
        let rollout_spoken = rollout.clone().map(|counts| {
            view! {
                <span class="pb-visually-hidden pb-narrowed-only">{format!(" ({counts})")}</span>
            }
        });
        view! {
            <td>
                // Out of the Tab order: the row is the table's one Tab stop
                // and opens the job on Enter. The link serves the pointer
                // (open in a new tab, copy the link) and screen readers.
                // dir=auto: a right-to-left name is cut at its end, on the
                // left, and keeps its punctuation there.
                <Link to=link class="pb-truncate" title=name.clone() tabindex="-1" dir="auto">
                    {name}
                </Link>
            </td>
            <td><span class="pb-truncate" title=platform.clone()>{platform.clone()}</span></td>
            <td><span class="pb-truncate" title=status.clone()>{status.clone()}</span></td>
            <td>
                <span class="pb-truncate">
                    // Isolated: a right-to-left schedule name would take
                    // the time after it into its own order ("1 · شهري h ago").
                    {job.schedule.clone().map(|s| view! { <bdi>{s}</bdi> " · " })}
                    // Not run yet: when it will, rather than a bare dash.
                    {job.last_run.is_none().then_some(job.next_run).flatten().map(|next| {
                        // A start that has passed without a run is overdue.
                        move || if next > clock.now() { "next " } else { "due " }
                    })}
                    <RelativeTime at=job.last_run.or(job.next_run) />
                </span>
            </td>
            <td class="pb-numeric">{count(job.asset_count)}</td>
            <td class="pb-numeric">
                <span class="pb-complete-cell" title=rollout>
                    {bar}
                    <span class="pb-complete-percent">
                        {job.completion_percent.map(|p| percent(p, 0)).unwrap_or_else(|| "—".into())}
                    </span>
                    {rollout_spoken}
                </span>
            </td>
            <td class="pb-numeric">{count(job.succeeded)}</td>
            <td class="pb-numeric">{count(job.failed)}</td>
            <td class="pb-numeric">{count(job.in_progress)}</td>
        }
    };
    let (record_id, record_index) = record_lookups(jobs, |job: &Job| &job.id);
    view! {
        <VirtualTable
            caption="Deployment jobs"
            columns=columns
            order=Signal::derive(move || order.get())
            cells=cells
            aria_sort=url.aria_sort()
            on_sort=url.on_sort()
            selected=Signal::derive(|| None)
            on_open=Callback::new(move |index: u32| {
                let id = jobs.with_untracked(|jobs| jobs[index as usize].id.clone());
                router.navigate(Location::new(Route::Job { id }), false);
            })
            record_id=record_id
            record_index=record_index
            data_changed=Signal::derive(move || jobs.track())
            listings=url.listings()
            empty_text=status.empty_text(Noun::JOBS, move || url.view.with(|view| no_match_for(&view.table().text, false, Noun::JOBS)))
            loaded=status.has_loaded()
        />
    }
}

/// Succeeded, failed and in progress as shares of the job's assets in a
/// small stacked bar, or the completion percentage when the backend gives
/// no counts; the numbers stand in their own columns, so the bar is
/// decoration for sighted users.
#[component]
fn MiniBar(job: Job) -> impl IntoView {
    let segments = job
        .rollout_shares()
        .into_iter()
        .map(|(share, weight)| {
            let class = match share {
                RolloutShare::Succeeded => Tone::Succeeded.class(),
                RolloutShare::Failed => Tone::Failed.class(),
                RolloutShare::InProgress => Tone::Running.class(),
                RolloutShare::Complete => Tone::Neutral.class(),
                RolloutShare::Rest => "pb-bar-rest",
            };
            view! {
                <span class=format!("pb-bar-segment {class}") style:flex-grow=fixed(weight, 2)></span>
            }
        })
        .collect_view();
    view! { <span class="pb-stacked-bar pb-stacked-bar-mini" aria-hidden="true">{segments}</span> }
}
