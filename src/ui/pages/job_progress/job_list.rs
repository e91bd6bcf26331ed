//! The job list's part in a job's page: it names the job (its title and
//! platform). Nothing else on the page asks for it, so when it fails the
//! page says so, and the results' refreshes ask for it again.

use crate::domain::job::Job;
use crate::ui::components::{Banner, Tone};
use crate::ui::data::{Live, LiveStatus};
use leptos::prelude::*;

/// While the job list has failed, each refresh of the results (Refresh now,
/// Retry, the timer) asks for the list again too.
pub fn retry_failed_list_with(jobs: Live<Job>, results: LiveStatus) {
    Effect::new(move |was_loading: Option<bool>| {
        let loading = results.state.with(|s| s.loading.is_some());
        let list_failed = jobs
            .status
            .state
            .with_untracked(|s| s.error.is_some() && s.loading.is_none());
        if loading && was_loading == Some(false) && list_failed {
            jobs.status.refresh();
        }
        loading
    });
}

/// Says that the job's name and details are missing because the job list
/// failed, with the reason and a way to ask again: its own while the
/// results are fine, else the results' Retry, which asks for both (one
/// Retry for one page).
#[component]
pub fn JobListFailedBanner(
    jobs: Live<Job>,
    job: Memo<Option<Job>>,
    results: LiveStatus,
) -> impl IntoView {
    let retry = Callback::new(move |_| jobs.status.refresh());
    // A memo: the banner is drawn again when the results fail or recover,
    // not at each step of their loads.
    let results_failed = Memo::new(move |_| results.state.with(|s| s.error.is_some()));
    move || {
        let error = jobs.status.state.with(|s| s.error.clone())?;
        let results_failed = results_failed.get();
        job.with(Option::is_none).then(|| {
            view! {
                <Banner
                    tone=Tone::Failed
                    title="The job list could not be loaded, so this job's name and details are missing"
                    details=error
                    action=(!results_failed).then_some(("Retry", retry))
                    busy=jobs.status.is_loading()
                />
            }
        })
    }
}
