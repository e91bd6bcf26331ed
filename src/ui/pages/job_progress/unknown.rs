//! A link to a job the data source does not know: said once, in place of the
//! errors that follow from it; and a job that left the list while open.

use crate::domain::abridge::quoted;
use crate::domain::job::{is_unknown_job, Job};
use crate::ui::components::{Banner, Tone};
use crate::ui::data::{use_data_source, Live, LiveStatus, SourceState};
use leptos::prelude::*;

/// Whether the job list, read whole, lacks `job_id` and its results were
/// not found.
pub fn unknown_job(job_id: String, jobs: Live<Job>, results: LiveStatus) -> Memo<bool> {
    let list_complete = jobs.status.is_complete();
    let results_not_found = results.never_found();
    Memo::new(move |_| {
        jobs.items.with(|list| {
            is_unknown_job(&job_id, list, list_complete.get(), results_not_found.get())
        })
    })
}

/// Holds the refresh timer while the job is unknown, and lets it go if the
/// job list comes to name it. Each refresh would only repeat the 404, and
/// while it ran the notice would give way to the error banner. Set at
/// once too: kept results may still be held from an earlier visit.
pub fn hold_refresh_while_unknown(unknown: Memo<bool>, results: LiveStatus) {
    Effect::new(move |was_unknown: Option<bool>| {
        let is_unknown = unknown.get();
        if was_unknown != Some(is_unknown) {
            results.held.set(is_unknown);
        }
        is_unknown
    });
}

#[component]
pub fn UnknownJobBanner(job_id: String) -> impl IntoView {
    let demo = use_data_source().with_untracked(SourceState::is_demo);
    let details = if demo {
        "The demo data has no job with this id: the link may be mistyped, or made where a backend is configured. All jobs lists the demo's jobs."
    } else {
        "Neither the job list nor the backend's results know this id. The job may have been deleted, or the link may be mistyped or come from another data source: All jobs lists the jobs there are."
    };
    view! { <Banner tone=Tone::Neutral title=format!("There is no job {}", quoted(&job_id)) details=details /> }
}

/// Whether the job list, read whole, no longer names the job this page
/// showed (`job`, as last listed): deleted or archived while open.
pub fn left_list(jobs: Live<Job>, listed: Memo<Option<Job>>, job: Memo<Option<Job>>) -> Memo<bool> {
    let list_complete = jobs.status.is_complete();
    Memo::new(move |_| {
        list_complete.get() && listed.with(Option::is_none) && job.with(Option::is_some)
    })
}

/// Whether the results being gone (a 404 after they had loaded) is told by
/// the job having left the list, or may be. Only the list tells a deleted
/// job from a configuration gone wrong: an answer of the list's since the
/// results' load began judges it, and a results load that ends gone while
/// the job is listed, or well while it is said to have left, with no such
/// answer, asks the list again at once (its own refresh may be an interval
/// away). Until it has answered, the 404 is not yet an error to report.
pub fn results_gone_with_job(
    left: Memo<bool>,
    jobs: Live<Job>,
    results: LiveStatus,
) -> Signal<bool> {
    let gone = results.gone();
    let list_answered_since = move || {
        jobs.status
            .state
            .with(|list| results.state.with(|r| list.ended > r.started))
    };
    Effect::new(move |was_loading: Option<bool>| {
        let loading = results.state.with(|s| s.loading.is_some());
        let ended = was_loading == Some(true) && !loading;
        let list_loading = jobs.status.state.with_untracked(|s| s.loading.is_some());
        // A 404 the list has not explained, or results again for a job
        // said to have left; a job gone from both waits for the list's
        // own refresh.
        let in_question = gone.get_untracked() != left.get_untracked();
        if ended && in_question && !list_loading && !untrack(list_answered_since) {
            jobs.status.refresh();
        }
        loading
    });
    // Reported once the list still names the job, and until it does not:
    // each refresh's 404 must not take the alert away and announce it anew.
    let reported = Memo::new(move |was_reported: Option<&bool>| {
        gone.get() && !left.get() && (list_answered_since() || was_reported == Some(&true))
    });
    Signal::derive(move || gone.get() && !reported.get())
}

/// Says that the job has left the job list (see [`left_list`]). Without it,
/// a 404 for its results would read as a mistake in the configuration.
#[component]
pub fn LeftListBanner(left: Memo<bool>, results: LiveStatus) -> impl IntoView {
    let gone = results.gone();
    move || {
        left.get().then(|| {
            let details = if gone.get() {
                "The backend's job list no longer names it, and it no longer has its results: it may have been deleted or archived. The results below are from the last successful load; All jobs lists the jobs there are now."
            } else {
                "The backend's job list no longer names it: it may have been deleted or archived. Its results stay below while the backend still answers for them; All jobs lists the jobs there are now."
            };
            view! {
                <Banner tone=Tone::Neutral title="This job is no longer in the job list" details=details />
            }
        })
    }
}
