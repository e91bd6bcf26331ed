//! Execution Blocked says another job still occupies the asset, so that
//! job's result for the same machine must show it running there, since
//! before the block. Results are drawn job by job; this pass makes each
//! pair agree once all are drawn.

use super::{scripted_status, status_named, DemoJob, Lcg, JOBS};
use crate::domain::asset::{AssetResult, MessageFacts, PatchCounts};
use crate::domain::time::Timestamp;

const MINUTE: i64 = 60_000;

/// Sets each blocking job's result for a blocked machine to Patching, begun
/// within its run and before the block. Where that result is one the demo
/// must keep (a scripted status, or a block of its own), the blocked asset
/// waits in line instead.
pub(super) fn occupy_blockers(jobs: &mut [DemoJob], now: i64, rng: &mut Lcg) {
    for blocked_job in 0..jobs.len() {
        for n in 0..jobs[blocked_job].results.len() {
            let blocked = &jobs[blocked_job].results[n];
            let Some(blocker_name) = blocked.facts.blocking_job.clone() else {
                continue;
            };
            let machine = blocked.asset_name.clone();
            let blocked_at = millis(blocked.status_time);
            let blocker = jobs
                .iter()
                .position(|job| job.job.name == blocker_name)
                .expect("a blocking job is a job of the fleet");
            let there = jobs[blocker]
                .results
                .iter()
                .position(|result| result.asset_name == machine)
                .expect("a blocking job deploys to the machine");
            let kept = scripted_status(&JOBS[blocker], blocker, there).is_some()
                || jobs[blocker].results[there].facts.blocking_job.is_some();
            if kept {
                set_status(
                    &mut jobs[blocked_job].results[n],
                    "Job Received",
                    blocked_at,
                );
                continue;
            }
            let run_start = millis(jobs[blocker].job.last_run);
            let blocked_at = if blocked_at > run_start {
                blocked_at
            } else {
                rng.between(run_start + MINUTE, now)
            };
            let blocked = &mut jobs[blocked_job].results[n];
            blocked.status_time = Some(Timestamp::from_millis(blocked_at));
            if let Some(last) = blocked.history.last_mut() {
                last.at = Timestamp::from_millis(blocked_at);
            }
            let began = rng.between(run_start, blocked_at);
            set_status(&mut jobs[blocker].results[there], "Patching", began);
        }
    }
}

/// Gives `result` a status with nothing to tell beyond it: its patches not
/// yet counted, no facts and no history.
pub(super) fn set_status(result: &mut AssetResult, name: &str, at: i64) {
    result.status = status_named(name).reported();
    result.status_time = Some(Timestamp::from_millis(at));
    let total = result.patches.total.unwrap_or_default();
    result.patches = PatchCounts::known(0, 0, 0, 0, total);
    result.facts = MessageFacts::default();
    result.history.clear();
    result.succeeded_patches.clear();
    result.failed_patches.clear();
}

pub(super) fn millis(time: Option<Timestamp>) -> i64 {
    time.map_or(0, Timestamp::millis)
}
