//! A Windows machine waiting in Pending Reboot takes no other job until it
//! restarts, so no other job's result for that machine may have moved on
//! since. Results are drawn job by job; this pass makes them agree once all
//! are drawn, as [`super::blockers`] does for Execution Blocked.

use super::blockers::{millis, set_status};
use super::{scripted_status, DemoJob, JOBS};
use crate::domain::asset::AssetResult;
use crate::domain::os::OsFamily;
use crate::domain::status::{pending_reboot_blocks_other_jobs, StatusKey};

/// Where a machine waits for a restart that holds its other jobs: from when.
struct Held {
    job: usize,
    machine: String,
    since: i64,
}

/// Sets every later result of another job on a machine held by a pending
/// restart to Job Received: the job waits its turn there. Results the demo
/// must keep (a scripted status, a block or its blocker) stay as drawn.
pub(super) fn hold_jobs_behind_reboots(jobs: &mut [DemoJob]) {
    for Held {
        job,
        machine,
        since,
    } in held_machines(jobs)
    {
        for other in (0..jobs.len()).filter(|&other| other != job) {
            let Some(n) = jobs[other]
                .results
                .iter()
                .position(|result| result.asset_name == machine)
            else {
                continue;
            };
            let result = &jobs[other].results[n];
            let moved_on_since = millis(result.status_time) > since;
            let kept = scripted_status(&JOBS[other], other, n).is_some()
                || result.facts.blocking_job.is_some()
                || blocks_another(jobs, other, &machine);
            if moved_on_since && !kept {
                let at = millis(result.status_time);
                set_status(&mut jobs[other].results[n], "Job Received", at);
            }
        }
    }
}

/// Each machine in Pending Reboot where that holds its other jobs, once:
/// from the earliest such result.
fn held_machines(jobs: &[DemoJob]) -> Vec<Held> {
    let mut held: Vec<Held> = Vec::new();
    for (job, demo) in jobs.iter().enumerate() {
        for result in demo.results.iter().filter(|result| holds_others(result)) {
            let since = millis(result.status_time);
            match held.iter_mut().find(|h| h.machine == result.asset_name) {
                Some(earlier) if earlier.since <= since => {}
                Some(later) => {
                    *later = Held {
                        job,
                        machine: later.machine.clone(),
                        since,
                    }
                }
                None => held.push(Held {
                    job,
                    machine: result.asset_name.clone(),
                    since,
                }),
            }
        }
    }
    held
}

fn holds_others(result: &AssetResult) -> bool {
    let os = OsFamily::from_os_name(&result.os);
    result.status.code == Some(StatusKey::PendingReboot.def().code)
        && pending_reboot_blocks_other_jobs(os) == Some(true)
}

/// Whether job `blocker`'s result on `machine` is what blocks another job there.
fn blocks_another(jobs: &[DemoJob], blocker: usize, machine: &str) -> bool {
    let name = jobs[blocker].job.name.as_str();
    jobs.iter().flat_map(|job| &job.results).any(|result| {
        result.asset_name == machine && result.facts.blocking_job.as_deref() == Some(name)
    })
}
