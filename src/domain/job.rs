//! A patch deployment job and its runs, as the job list shows them.

use super::decimal::{counted, grouped, Noun};
use super::time::{optional_time, Timestamp};
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
    #[serde(default, deserialize_with = "optional_time")]
    pub last_run: Option<Timestamp>,
    #[serde(default, deserialize_with = "optional_time")]
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
    #[serde(default, deserialize_with = "optional_time")]
    pub scheduled: Option<Timestamp>,
}

/// A share of a job's assets in the job list's small bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolloutShare {
    Succeeded,
    Failed,
    InProgress,
    /// Done, by the backend's percentage, when it gives no counts.
    Complete,
    /// Not accounted for: not started, or in a count the backend leaves out.
    Rest,
}

impl Job {
    /// The job's rollout as shares of its assets, in bar order, each with its
    /// weight. From the counts when the backend gives any, measured against
    /// the asset count so what is not yet done shows as `Rest`; else from the
    /// completion percentage; else nothing to draw.
    pub fn rollout_shares(&self) -> Vec<(RolloutShare, f64)> {
        let counts = [
            (RolloutShare::Succeeded, self.succeeded),
            (RolloutShare::Failed, self.failed),
            (RolloutShare::InProgress, self.in_progress),
        ];
        let mut shares: Vec<(RolloutShare, f64)> = Vec::new();
        let (done, whole) = if counts.iter().any(|(_, count)| count.is_some()) {
            // Saturating: a count is whatever the backend sent, up to u64::MAX.
            let counted = counts
                .iter()
                .filter_map(|(_, count)| *count)
                .fold(0, u64::saturating_add);
            for (share, count) in counts {
                shares.push((share, count.unwrap_or(0) as f64));
            }
            (
                counted as f64,
                self.asset_count.unwrap_or(0).max(counted) as f64,
            )
        } else if let Some(percent) = self.completion_percent.filter(|p| p.is_finite()) {
            let percent = percent.clamp(0.0, 100.0);
            shares.push((RolloutShare::Complete, percent));
            (percent, 100.0)
        } else {
            return shares;
        };
        shares.push((RolloutShare::Rest, whole - done));
        shares.retain(|(_, weight)| *weight > 0.0);
        shares
    }

    /// The counts behind the rollout bar in words ("190 succeeded · 11
    /// failed · 26 in progress of 240 assets"), for the bar's hover text and
    /// what a screen reader hears while a narrow list leaves columns out.
    /// Only the counts the backend gives; `None` without any.
    ///
    /// With all three counts, the assets in none of them (not run, or a
    /// status the backend counts elsewhere) are "other", so that the words
    /// add up to the whole as the bar's grey rest does.
    pub fn rollout_summary(&self) -> Option<String> {
        let given = [
            (self.succeeded, "succeeded"),
            (self.failed, "failed"),
            (self.in_progress, "in progress"),
        ];
        let mut counts: Vec<String> = given
            .into_iter()
            .filter_map(|(count, what)| count.map(|count| format!("{} {what}", grouped(count))))
            .collect();
        if counts.is_empty() {
            return None;
        }
        if let (Some(assets), [Some(succeeded), Some(failed), Some(in_progress)]) =
            (self.asset_count, given.map(|(count, _)| count))
        {
            let counted = succeeded.saturating_add(failed).saturating_add(in_progress);
            let other = assets.saturating_sub(counted);
            if other > 0 {
                counts.push(format!("{} other", grouped(other)));
            }
        }
        let of = self
            .asset_count
            .map(|assets| format!(" of {}", counted(assets, Noun::ASSETS)))
            .unwrap_or_default();
        Some(format!("{}{of}", counts.join(" · ")))
    }
}

/// Whether the page opened for job `id` should say there is no such job: the
/// job list, read whole (`list_complete`), lacks it, and the backend answered
/// that its results are not there (`results_not_found`, an HTTP 404 or 410).
/// A backend may serve results for a job its list leaves out, and then those
/// are shown; a cut-off list proves nothing, and nor does a request that
/// failed any other way, which is reported as the error it is.
pub fn is_unknown_job(
    id: &str,
    jobs: &[Job],
    list_complete: bool,
    results_not_found: bool,
) -> bool {
    list_complete && results_not_found && !jobs.iter().any(|job| job.id == id)
}
