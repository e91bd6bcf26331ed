//! Which run of a job the job page asks the backend for.

use crate::domain::job::JobRun;
use crate::domain::time::Timestamp;

/// The run the page loads, given the run a link asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunChoice {
    /// No run asked for: the backend's latest.
    Latest,
    /// The run asked for.
    Run(String),
    /// The run asked for cannot be loaded, so the latest is shown instead.
    Ignored { requested: String, why: RunIgnored },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunIgnored {
    /// The results request has no `{run_id}`: the backend only answers for
    /// the latest run.
    NoRunInRequest,
    /// The job's runs are known and this is not one of them.
    NotARun,
}

impl RunChoice {
    /// `known_runs` is the job's run list once loaded, if the source has one.
    pub fn new(requested: Option<&str>, per_run: bool, known_runs: Option<&[JobRun]>) -> Self {
        let Some(requested) = requested else {
            return RunChoice::Latest;
        };
        let why = if !per_run {
            RunIgnored::NoRunInRequest
        } else if known_runs.is_some_and(|runs| !runs.iter().any(|run| run.id == requested)) {
            RunIgnored::NotARun
        } else {
            return RunChoice::Run(requested.to_owned());
        };
        RunChoice::Ignored {
            requested: requested.to_owned(),
            why,
        }
    }

    /// Whether the run shown is over: a run the list has since followed
    /// with one that was due by `now`. Only the current run can stall; a
    /// run the list cannot place (not listed, untimed, the list not loaded)
    /// is not called over, lest a real stall go unsaid.
    pub fn is_over(&self, runs: &[JobRun], now: Timestamp) -> bool {
        let RunChoice::Run(id) = self else {
            return false;
        };
        let Some(shown) = runs
            .iter()
            .find(|run| run.id == *id)
            .and_then(|run| run.scheduled)
        else {
            return false;
        };
        runs.iter()
            .filter_map(|run| run.scheduled)
            .any(|at| at > shown && at <= now)
    }

    /// The run to put in the results request; `None` for the latest.
    pub fn run_id(&self) -> Option<&str> {
        match self {
            RunChoice::Run(id) => Some(id),
            _ => None,
        }
    }
}

/// One entry of the Run list besides "Latest run".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOption {
    pub id: String,
    /// When the run was scheduled, with its id where another run shares
    /// that minute; else its id.
    pub label: String,
}

/// The job's runs newest first by scheduled time, which a run that recurs
/// weekly for years needs to keep its likely picks near the top; runs
/// without a time follow, in the reverse of the backend's order (oldest
/// first, as the data format has it).
fn newest_first(runs: &[JobRun]) -> Vec<&JobRun> {
    let mut newest_first: Vec<&JobRun> = runs.iter().rev().collect();
    newest_first.sort_by_key(|run| std::cmp::Reverse(run.scheduled));
    newest_first
}

/// The job's runs in the list's order, each labelled by its time to the
/// minute, and by its id as well where that label would be shared.
fn labelled(runs: &[JobRun]) -> Vec<RunOption> {
    let newest_first = newest_first(runs);
    let labels: Vec<String> = newest_first
        .iter()
        .map(|run| {
            run.scheduled
                .map_or_else(|| run.id.clone(), |at| at.format_utc())
        })
        .collect();
    // In time order, runs of the same minute sit side by side.
    let shared = |index: usize| {
        let neighbour = |other: Option<usize>| other.and_then(|other| labels.get(other));
        [neighbour(index.checked_sub(1)), neighbour(Some(index + 1))]
            .contains(&Some(&labels[index]))
    };
    newest_first
        .iter()
        .enumerate()
        .map(|(index, run)| RunOption {
            id: run.id.clone(),
            label: match shared(index) {
                true => format!("{} · {}", labels[index], run.id),
                false => labels[index].clone(),
            },
        })
        .collect()
}

/// The runs to offer: the job's runs, newest first, and the run shown when
/// they lack it (their list could not be loaded), so the list still says
/// which run the page shows and can go back to the latest.
pub fn run_options(runs: &[JobRun], shown: Option<&str>) -> Vec<RunOption> {
    let mut options = labelled(runs);
    if let Some(shown) = shown.filter(|id| !runs.iter().any(|run| run.id == *id)) {
        options.push(RunOption {
            id: shown.to_owned(),
            label: shown.to_owned(),
        });
    }
    options
}

/// The entry that follows whichever run is the backend's latest, named by
/// the newest run listed that was due by `now` (a run scheduled ahead has
/// not started), so the operator sees which run that is.
pub fn latest_run_label(runs: &[JobRun], now: Timestamp) -> String {
    let started = |option: &&RunOption| {
        runs.iter()
            .find(|run| run.id == option.id)
            .is_some_and(|run| run.scheduled.is_none_or(|at| at <= now))
    };
    match labelled(runs).iter().find(started) {
        Some(newest) => format!("Latest run ({})", newest.label),
        None => "Latest run".to_owned(),
    }
}
