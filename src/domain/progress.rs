//! A job's progress over all its asset results, computed in one pass.
//!
//! The UI keeps one [`ProgressRow`] per result (a few bytes, `Copy`), built
//! once when results load, and recomputes [`JobProgress`] from that slice.

use super::asset::AssetResult;
use super::job::{Job, JobRun};
use super::os::OsFamily;
use super::phase::Phase;
use super::status::{resolve_key, Applicability, StatusKey};
use super::time::Timestamp;

/// How long an unfinished asset may go without a status change before it
/// counts as stuck, unless the configuration says (`stuck_after_hours`):
/// longer than an agent takes to fetch and install a month's patches and
/// restart, short enough to catch it in the same shift.
pub const DEFAULT_STUCK_AFTER_HOURS: u32 = 4;

/// The time before which an unfinished asset's last status change makes it
/// stuck, `after_hours` before `now`.
pub fn stuck_cutoff(now: Timestamp, after_hours: u32) -> Timestamp {
    Timestamp::from_millis(
        now.millis()
            .saturating_sub(i64::from(after_hours) * 60 * 60 * 1000),
    )
}

/// No status change anywhere in a job for this long, with assets still
/// unfinished, makes the job stalled (see [`is_stalled`]).
pub const STALL_AFTER_MINUTES: i64 = 30;

/// When the run the results shown belong to starts: the run chosen, at its
/// scheduled time; else the job's latest, which began at its last run, or
/// for a job that has not run yet, starts at its next. An asset not started
/// yet (Pending, Job Received) waits for that start, and until it comes is
/// on time however long ago its status changed. `None` when nothing says
/// (a job or run not listed): each asset is judged by its status time.
pub fn run_start(job: Option<&Job>, run_id: Option<&str>, runs: &[JobRun]) -> Option<Timestamp> {
    match run_id {
        Some(id) => runs.iter().find(|run| run.id == id)?.scheduled,
        None => job.and_then(|job| job.last_run.or(job.next_run)),
    }
}

/// What progress needs from one asset result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressRow {
    /// `None` when the status did not resolve (ambiguous or unknown).
    pub status: Option<StatusKey>,
    pub os: OsFamily,
    /// When the asset's status last changed, if the backend says.
    pub status_time: Option<Timestamp>,
    /// For an asset not started yet, the start of its run (see [`run_start`]).
    pub awaited_start: Option<Timestamp>,
}

impl ProgressRow {
    /// Resolves the status and places the OS; allocates nothing.
    pub fn from_result(result: &AssetResult, run_start: Option<Timestamp>) -> ProgressRow {
        ProgressRow::new(
            resolve_key(&result.status),
            OsFamily::from_os_name(&result.os),
            result.status_time,
            run_start,
        )
    }

    /// A row of a run that starts at `run_start`.
    pub fn new(
        status: Option<StatusKey>,
        os: OsFamily,
        status_time: Option<Timestamp>,
        run_start: Option<Timestamp>,
    ) -> ProgressRow {
        let not_started = status.is_some_and(|key| key.phase() == Phase::Queued);
        ProgressRow {
            status,
            os,
            status_time,
            awaited_start: run_start.filter(|_| not_started),
        }
    }

    /// The row's phase; unresolved statuses are [`Phase::Unknown`].
    pub fn phase(self) -> Phase {
        self.status.map_or(Phase::Unknown, StatusKey::phase)
    }

    /// Since when the row has been waiting on the rollout: its last status
    /// change, or for an asset not started yet, no earlier than its run's
    /// start. `None` without a status time: nothing to judge by.
    pub fn idle_since(self) -> Option<Timestamp> {
        let changed = self.status_time?;
        Some(changed.max(self.awaited_start.unwrap_or(changed)))
    }

    /// Not final, and idle (see [`Self::idle_since`]) since before `cutoff`
    /// (see [`stuck_cutoff`]): an asset the rollout left behind. An asset
    /// whose run has not started is not stuck, nor one without a status time.
    pub fn is_stuck(self, cutoff: Timestamp) -> bool {
        !self.phase().is_final() && self.idle_since().is_some_and(|since| since < cutoff)
    }

    /// The catalogue says this status cannot occur on this row's OS family.
    pub fn is_anomalous(self) -> bool {
        self.status
            .is_some_and(|key| key.def().is_anomalous_on(self.os))
    }

    /// What the catalogue says of this status on this row's OS family;
    /// `None` when the status did not resolve, so nothing can be said.
    pub fn applicability(self) -> Option<Applicability> {
        self.status.map(|key| key.def().applies.for_os(self.os))
    }
}

/// A count per phase, indexed in [`Phase::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PhaseCounts([usize; Phase::ALL.len()]);

impl PhaseCounts {
    /// Rows in `phase`.
    pub fn get(&self, phase: Phase) -> usize {
        self.0[phase.index()]
    }

    /// Every phase with its count, in chart order (zeros included).
    pub fn iter(&self) -> impl Iterator<Item = (Phase, usize)> + '_ {
        Phase::ALL.into_iter().zip(self.0.iter().copied())
    }

    /// Rows counted, across all phases.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Rows in a final phase.
    pub fn final_count(&self) -> usize {
        self.iter()
            .filter(|(phase, _)| phase.is_final())
            .map(|(_, count)| count)
            .sum()
    }

    fn add(&mut self, phase: Phase) {
        self.0[phase.index()] += 1;
    }
}

/// Counts and signals for one job, from [`JobProgress::from_rows`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JobProgress {
    by_status: [usize; StatusKey::ALL.len()],
    unresolved: usize,
    by_phase: PhaseCounts,
    by_os: [PhaseCounts; OsFamily::ALL.len()],
    anomalies: Vec<usize>,
    latest_status_change: Option<Timestamp>,
    /// The latest [`ProgressRow::idle_since`]: a run ahead counts as
    /// activity to come, so a job waiting for its start is not stalled.
    latest_activity: Option<Timestamp>,
}

impl JobProgress {
    /// One pass over the rows; allocates only to list anomalies.
    pub fn from_rows<I: IntoIterator<Item = ProgressRow>>(rows: I) -> JobProgress {
        let mut progress = JobProgress::default();
        for (index, row) in rows.into_iter().enumerate() {
            match row.status {
                Some(key) => progress.by_status[key.index()] += 1,
                None => progress.unresolved += 1,
            }
            let phase = row.phase();
            progress.by_phase.add(phase);
            progress.by_os[row.os.index()].add(phase);
            if row.is_anomalous() {
                progress.anomalies.push(index);
            }
            progress.latest_status_change = progress.latest_status_change.max(row.status_time);
            progress.latest_activity = progress.latest_activity.max(row.idle_since());
        }
        progress
    }

    /// Rows in the job.
    pub fn total(&self) -> usize {
        self.by_phase.total()
    }

    /// Rows with this catalogued status.
    pub fn count(&self, status: StatusKey) -> usize {
        self.by_status[status.index()]
    }

    /// Rows whose status did not resolve.
    pub fn unresolved(&self) -> usize {
        self.unresolved
    }

    /// Phase counts over all rows.
    pub fn by_phase(&self) -> &PhaseCounts {
        &self.by_phase
    }

    /// Phase counts among rows of one OS family.
    pub fn by_os(&self, os: OsFamily) -> &PhaseCounts {
        &self.by_os[os.index()]
    }

    /// Rows in a final phase.
    pub fn final_count(&self) -> usize {
        self.by_phase.final_count()
    }

    /// Some row is still in a non-final phase (unresolved ones included).
    pub fn any_not_final(&self) -> bool {
        self.final_count() < self.total()
    }

    /// Final rows as a percentage (0–100) of all rows; `None` for a job with
    /// no rows, which is neither done nor not done.
    pub fn percent_complete(&self) -> Option<f64> {
        percent(self.final_count(), self.total())
    }

    /// Succeeded rows as a percentage of the rows that succeeded or failed;
    /// `None` until one has. Canceled, skipped and not-applicable rows are
    /// left out: the job did not try to patch those assets, so they say
    /// nothing of how well it patches (a job whose patch applies to half
    /// the fleet is not half failing).
    pub fn success_rate(&self) -> Option<f64> {
        let succeeded = self.by_phase.get(Phase::Succeeded);
        percent(succeeded, succeeded + self.by_phase.get(Phase::Failed))
    }

    /// Indices, in input order, of rows whose status the catalogue says
    /// cannot occur on their OS family.
    pub fn anomalies(&self) -> &[usize] {
        &self.anomalies
    }

    /// The most recent status change across all rows.
    pub fn latest_status_change(&self) -> Option<Timestamp> {
        self.latest_status_change
    }

    /// [`is_stalled`] for this job.
    pub fn is_stalled(&self, now: Timestamp, threshold_ms: i64) -> bool {
        is_stalled(
            self.latest_activity,
            now,
            threshold_ms,
            self.any_not_final(),
        )
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// A job is stalled when some asset is not final yet and no asset has been
/// active (changed status, or had its run start) for strictly longer than
/// `threshold_ms`. Without any status time there is nothing to judge by, so
/// it is not stalled.
pub fn is_stalled(
    latest_activity: Option<Timestamp>,
    now: Timestamp,
    threshold_ms: i64,
    any_not_final: bool,
) -> bool {
    any_not_final
        && latest_activity
            .is_some_and(|latest| now.millis().saturating_sub(latest.millis()) > threshold_ms)
}
