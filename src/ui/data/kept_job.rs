//! The last job page's runs and results, kept while another page shows. An
//! operator goes from a job to the list and back to it; at 100,000 assets
//! each return loaded the whole job again. One job is kept, the last shown:
//! opening another lets it go first, so two jobs never share the memory.

use super::{use_live, use_results_per_run, Live, ResourceKind};
use crate::domain::asset::AssetResult;
use crate::domain::job::JobRun;
use crate::domain::run_choice::RunChoice;
use leptos::prelude::*;

/// A job's live runs and results, as its page reads them.
#[derive(Clone, Copy)]
pub struct JobLoads {
    pub runs: Live<JobRun>,
    pub results: Live<AssetResult>,
    /// The run the results are for: the one the page's address asks for,
    /// checked against what the source can load.
    pub run: Memo<RunChoice>,
    requested: RwSignal<Option<String>>,
}

impl JobLoads {
    /// Loads for `job_id`, the results for the run `requested` (`None`:
    /// the latest).
    fn new(job_id: String, requested: Option<String>) -> Self {
        let per_run = use_results_per_run();
        let runs_for = job_id.clone();
        // Only a source that can be asked for a run needs the list of runs.
        let runs = use_live::<JobRun>(ResourceKind::JobRuns, move || {
            per_run.get().then(|| (Some(runs_for.clone()), None))
        });
        let requested = RwSignal::new(requested);
        let runs_loaded = runs.status.has_loaded();
        // A memo, not an effect: the configuration read turns `per_run` on,
        // and the results must then start once, for the run asked for.
        let run = Memo::new(move |_| {
            requested.with(|requested| {
                runs.items.with(|list| {
                    let known = runs_loaded.get().then_some(&list[..]);
                    RunChoice::new(requested.as_deref(), per_run.get(), known)
                })
            })
        });
        let results = use_live::<AssetResult>(ResourceKind::JobResults, move || {
            Some((
                Some(job_id.clone()),
                run.with(|run| run.run_id().map(str::to_owned)),
            ))
        });
        JobLoads {
            runs,
            results,
            run,
            requested,
        }
    }

    /// Whether a page shows them (see [`super::LiveStatus::shown`]).
    fn set_shown(self, shown: bool) {
        self.runs.status.shown.set(shown);
        self.results.status.shown.set(shown);
    }
}

/// Where the last job's loads live: an owner of the shell's, not of the
/// page's, so that they outlast it.
#[derive(Clone, Copy)]
pub struct KeptJob {
    owner: StoredValue<Owner>,
    kept: StoredValue<Option<(String, JobLoads)>>,
}

/// Makes room in the shell for the last job's loads ([`use_job_loads`]).
pub fn provide_kept_job() {
    provide_context(KeptJob {
        owner: StoredValue::new(Owner::new()),
        kept: StoredValue::new(None),
    });
}

/// The loads of `job_id`, for the run its page's address asks for
/// (`requested`, followed while the page shows): those kept, if they are
/// for that job and run, or else new ones.
pub fn use_job_loads(job_id: &str, requested: Signal<Option<String>>) -> JobLoads {
    let KeptJob { owner, kept } = expect_context::<KeptJob>();
    let asked = requested.get_untracked();
    let reusable = kept.with_value(|kept| {
        kept.as_ref()
            .filter(|(kept_id, loads)| {
                kept_id == job_id && loads.requested.get_untracked() == asked
            })
            .map(|(_, loads)| *loads)
    });
    let loads = match reusable {
        Some(loads) => {
            loads.set_shown(true);
            loads
        }
        None => {
            // The cleanup drops the old loads, and their memory, before
            // the new ones start.
            let loads = owner
                .with_value(|owner| owner.with_cleanup(|| JobLoads::new(job_id.to_owned(), asked)));
            kept.set_value(Some((job_id.to_owned(), loads)));
            loads
        }
    };
    // An effect, a step after the address: the page's run memo is the
    // slot's, so it cannot read the page's signals.
    Effect::new(move |_| {
        let asked = requested.get();
        if loads.requested.get_untracked() != asked {
            loads.requested.set(asked);
        }
    });
    on_cleanup(move || loads.set_shown(false));
    loads
}
