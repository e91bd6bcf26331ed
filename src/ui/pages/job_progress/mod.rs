//! One job's rollout: how far it is, what is stuck or failed and why, asset
//! by asset, live.

mod filters;
mod job_list;
mod panel;
mod run;
mod stuck;
mod summary;
mod table;
mod unknown;

use crate::domain::decimal::Noun;
use crate::domain::job::Job;
use crate::domain::progress::{run_start, JobProgress};
use crate::domain::run_choice::RunChoice;
use crate::domain::time::{count_ahead, Timestamp};
use crate::domain::view::assets::{asset_rows, AssetView};
use crate::perf;
use crate::ui::clock::use_clock;
use crate::ui::components::{
    DataProblems, MissingRecordBanner, PageTitle, RefreshControls, TimesAheadBanner,
    UnknownFiltersBanner,
};
use crate::ui::data::{
    use_job_loads, use_results_per_run, use_stuck_after_hours, Live, LiveStatus, Shared,
};
use crate::ui::router::{Link, Location, Route};
use crate::ui::table_model::TableModel;
use crate::ui::view_state::use_url_view;
use leptos::prelude::*;

/// Everything the parts of the page read, derived once from the live data.
#[derive(Clone, Copy)]
struct JobData {
    table: TableModel<AssetView>,
    progress: Memo<Shared<JobProgress>>,
    /// The configuration's `stuck_after_hours`.
    stuck_after_hours: Signal<u32>,
    /// A status last changed before this makes an unfinished asset stuck now.
    stuck_cutoff: Memo<Timestamp>,
    status: LiveStatus,
    job_id: StoredValue<String>,
    job_name: Memo<String>,
    /// The run whose results are shown.
    run: Memo<RunChoice>,
    /// Whether that run is over, a later one having come due: only the
    /// current run can stall.
    run_is_over: Memo<bool>,
}

impl JobData {
    /// Whether the loaded results carry no status times: then nothing can be
    /// judged stuck, and the page says so rather than count none. False
    /// while nothing has loaded, and for no results: results not here lack
    /// nothing.
    fn lacks_status_times(self) -> Signal<bool> {
        let progress = self.progress;
        let loaded = self.status.has_loaded();
        Signal::derive(move || {
            loaded.get() && progress.with(|p| p.total() > 0 && p.latest_status_change().is_none())
        })
    }
}

#[component]
pub fn JobProgressPage(job_id: String) -> impl IntoView {
    let jobs = expect_context::<Live<Job>>();
    let url = use_url_view(AssetView::from_query);
    let id = job_id.clone();
    let listed = Memo::new(move |_| {
        jobs.items
            .with(|jobs| jobs.iter().find(|job| job.id == id).cloned())
    });
    // As last listed: a job deleted while its page is open keeps its name
    // and kind here, and a notice says it has left the list.
    let job = Memo::new(move |last: Option<&Option<Job>>| {
        listed.get().or_else(|| last.cloned().flatten())
    });
    let fallback_name = job_id.clone();
    let job_name = Memo::new(move |_| {
        job.with(|job| job.as_ref().map(|job| job.name.clone()))
            .unwrap_or_else(|| fallback_name.clone())
    });
    let per_run = use_results_per_run();
    let requested_run = Signal::derive(move || url.view.with(|view| view.run.clone()));
    let loads = use_job_loads(&job_id, requested_run);
    let (runs, results, run) = (loads.runs, loads.results, loads.run);

    job_list::retry_failed_list_with(jobs, results.status);
    let unknown = unknown::unknown_job(job_id.clone(), jobs, results.status);
    unknown::hold_refresh_while_unknown(unknown, results.status);
    let known = move || !unknown.get();
    let left = unknown::left_list(jobs, listed, job);
    let gone_with_job = unknown::results_gone_with_job(left, jobs, results.status);

    let start = Memo::new(move |_| {
        job.with(|job| {
            run.with(|run| {
                runs.items
                    .with(|runs| run_start(job.as_ref(), run.run_id(), runs))
            })
        })
    });
    let rows = Memo::new(move |_| {
        let start = start.get();
        Shared::new(results.items.with(|results| {
            job_name.with(|name| perf::timed("pb:derive", || asset_rows(results, name, start)))
        }))
    });
    let clock = use_clock();
    let changed_ahead = Memo::new(move |_| {
        let now = clock.minute();
        results
            .items
            .with(|all| count_ahead(all.iter().filter_map(|result| result.status_time), now))
    });
    let progress = Memo::new(move |_| {
        Shared::new(rows.with(|rows| JobProgress::from_rows(rows.iter().map(|row| row.progress))))
    });
    let stuck_after_hours = use_stuck_after_hours();
    let stuck_cutoff = stuck::current_cutoff(stuck_after_hours);
    let table = TableModel::new(url, results, rows, stuck::filter_cutoff(url, stuck_cutoff));
    let data = JobData {
        table,
        progress,
        stuck_after_hours,
        stuck_cutoff,
        status: results.status,
        job_id: StoredValue::new(job_id.clone()),
        job_name,
        run,
        run_is_over: Memo::new(move |_| {
            let now = clock.minute();
            run.with(|run| runs.items.with(|runs| run.is_over(runs, now)))
        }),
    };
    stuck::drop_filter_without_times(url, data.lacks_status_times(), data.status.has_loaded());

    view! {
        <section class="pb-page" aria-labelledby="pb-page-title">
            <div class="pb-page-heading">
                // The id is in the banner below: as the page's name it read
                // like a job that exists.
                <PageTitle
                    text=move || if unknown.get() { "Job not found".to_owned() } else { job_name.get() }
                    record=data.table.opened_name()
                />
                <Show when=known>
                    <run::RunSelector runs=runs run=run per_run=per_run url=url />
                    <span class="pb-spacer"></span>
                    <RefreshControls live=results.status along_with=runs.status />
                </Show>
                <p class="pb-page-context">
                    <Link to=Location::new(Route::Jobs)>"All jobs"</Link>
                    {move || job.get().map(|job| match job.platform {
                        Some(platform) => format!(" · {platform} deployment job · ID {}", job.id),
                        None => format!(" · Deployment job · ID {}", job.id),
                    })}
                </p>
            </div>
            // A job that does not exist has nothing to count, list or export.
            <Show
                when=known
                fallback=move || view! { <unknown::UnknownJobBanner job_id=job_id.clone() /> }
            >
                <job_list::JobListFailedBanner jobs=jobs job=job results=results.status />
                <unknown::LeftListBanner left=left results=results.status />
                <DataProblems live=results.status not_found_explained=gone_with_job />
                <TimesAheadBanner ahead=changed_ahead.into() noun=Noun::ASSETS what="last status change" />
                <DataProblems
                    live=runs.status
                    optional=true
                    unloaded_title="This job's runs could not be loaded, so the Run list cannot offer them"
                />
                <run::RunIgnoredBanner run=run />
                <MissingRecordBanner
                    missing=data.table.missing_selection()
                    what="asset"
                    place=Signal::derive(move || match run.with(|run| run.run_id().is_some()) {
                        true => "this run",
                        false => "this job",
                    })
                    on_dismiss=Callback::new(move |_| data.table.dismiss_missing())
                />
                <UnknownFiltersBanner
                    unknown=url.left_out()
                    on_dismiss=Callback::new(move |_| url.drop_left_out())
                />
                <summary::StalledBanner data=data />
                // Section headings for moving by heading; the page shows its sections plainly.
                <h2 class="pb-visually-hidden">"Figures"</h2>
                <summary::Counters data=data />
                <summary::PhaseChart data=data />
                <h2 class="pb-visually-hidden">"Assets"</h2>
                <filters::AssetFilters data=data />
                <table::AssetTable data=data />
                {panel::asset_panel(data)}
            </Show>
        </section>
    }
}
