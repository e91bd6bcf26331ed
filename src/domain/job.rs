//! A patch deployment job and its runs, as the job list shows them.

use super::time::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Job {
    pub id: String,
    pub name: String,
    /// The platform the backend names ("Windows", "Linux", …), shown as given.
    pub platform: Option<String>,
    /// The job's own status as the backend names it ("Completed", "Running", …).
    pub status: Option<String>,
    /// "Once", "Daily", "On demand", … as given.
    pub schedule: Option<String>,
    pub last_run: Option<Timestamp>,
    pub next_run: Option<Timestamp>,
    pub asset_count: Option<u64>,
    /// What the backend reports; the job page computes its own from results.
    pub completion_percent: Option<f64>,
    pub succeeded: Option<u64>,
    pub failed: Option<u64>,
    pub in_progress: Option<u64>,
}

/// One execution of a recurring job.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct JobRun {
    pub id: String,
    pub scheduled: Option<Timestamp>,
}
