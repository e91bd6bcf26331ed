//! Moving recorded times to the present, so demo data looks current whenever
//! it is opened: every timestamp shifts by `now - generated_at`, keeping all
//! the intervals (a window that ended an hour before generation still ended an
//! hour ago).

use crate::domain::asset::AssetResult;
use crate::domain::endpoint::{Endpoint, Suspension};
use crate::domain::job::{Job, JobRun};
use crate::domain::time::Timestamp;

/// A record whose every timestamp can be shifted.
pub trait Rebase {
    fn shift(&mut self, by_ms: i64);
}

/// Shifts every timestamp in `records` by `now - generated_at`.
pub fn rebase<T: Rebase>(records: &mut [T], generated_at: Timestamp, now: Timestamp) {
    let by_ms = now.millis() - generated_at.millis();
    if by_ms != 0 {
        records.iter_mut().for_each(|r| r.shift(by_ms));
    }
}

/// A placeholder ("never", as 0 or -1) stays one: moved, it would become a
/// real date.
fn moved(at: Timestamp, by_ms: i64) -> Timestamp {
    if at.is_placeholder() {
        return at;
    }
    Timestamp::from_millis(at.millis().saturating_add(by_ms))
}

fn shift_opt(at: &mut Option<Timestamp>, by_ms: i64) {
    if let Some(t) = at {
        *t = moved(*t, by_ms);
    }
}

impl Rebase for Job {
    fn shift(&mut self, by_ms: i64) {
        shift_opt(&mut self.last_run, by_ms);
        shift_opt(&mut self.next_run, by_ms);
    }
}

impl Rebase for JobRun {
    fn shift(&mut self, by_ms: i64) {
        shift_opt(&mut self.scheduled, by_ms);
    }
}

impl Rebase for AssetResult {
    fn shift(&mut self, by_ms: i64) {
        shift_opt(&mut self.status_time, by_ms);
        for change in &mut self.history {
            change.at = moved(change.at, by_ms);
        }
    }
}

impl Rebase for Endpoint {
    fn shift(&mut self, by_ms: i64) {
        if let Some(schedule) = &mut self.maintenance {
            for window in &mut schedule.windows {
                window.start = moved(window.start, by_ms);
                window.end = moved(window.end, by_ms);
            }
        }
        if let Some(Suspension::Between { from, until }) = &mut self.suspension {
            *from = moved(*from, by_ms);
            *until = moved(*until, by_ms);
        }
        shift_opt(&mut self.readiness.wsus_last_report, by_ms);
        shift_opt(&mut self.last_seen, by_ms);
    }
}
