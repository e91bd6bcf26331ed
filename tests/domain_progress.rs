//! Job progress over many rows: counts, percentages, anomalies and stalls.

use patchboard::domain::asset::{AssetResult, RawStatus};
use patchboard::domain::job::{Job, JobRun};
use patchboard::domain::os::OsFamily;
use patchboard::domain::phase::Phase;
use patchboard::domain::progress::{
    is_stalled, run_start, stuck_cutoff, JobProgress, ProgressRow, STALL_AFTER_MINUTES,
};
use patchboard::domain::status::StatusKey;
use patchboard::domain::time::Timestamp;

fn row(status: Option<StatusKey>, os: OsFamily, at: Option<i64>) -> ProgressRow {
    ProgressRow::new(status, os, at.map(Timestamp), None)
}

fn sample() -> Vec<ProgressRow> {
    use OsFamily::*;
    use StatusKey::*;
    vec![
        row(Some(Completed), Windows, Some(1_000)),
        row(Some(Completed), Linux, Some(4_000)),
        row(Some(Rebooted), Windows, Some(2_000)),
        row(Some(JobFailed), Linux, None),
        row(Some(NotApplicable), Mac, Some(3_000)),
        row(Some(Patching), Windows, Some(5_000)),
        row(Some(Downloaded), Linux, Some(1_500)), // Windows-only status: anomaly
        row(Some(Pending), Other, None),
        row(None, Windows, None),
        row(Some(Skipped), Mac, Some(500)), // not listed for Mac: anomaly
    ]
}

#[test]
fn counts_by_status_phase_and_os() {
    let progress = JobProgress::from_rows(sample());
    assert_eq!(progress.total(), 10);
    assert_eq!(progress.count(StatusKey::Completed), 2);
    assert_eq!(progress.count(StatusKey::Rebooted), 1);
    assert_eq!(progress.count(StatusKey::TimedOut), 0);
    assert_eq!(progress.unresolved(), 1);
    let by_status: usize = StatusKey::ALL.into_iter().map(|k| progress.count(k)).sum();
    assert_eq!(by_status + progress.unresolved(), progress.total());

    let phases = progress.by_phase();
    assert_eq!(phases.get(Phase::Succeeded), 3);
    assert_eq!(phases.get(Phase::Failed), 1);
    assert_eq!(phases.get(Phase::NotApplicable), 1);
    assert_eq!(phases.get(Phase::Skipped), 1);
    assert_eq!(phases.get(Phase::Running), 2);
    assert_eq!(phases.get(Phase::Queued), 1);
    assert_eq!(phases.get(Phase::Unknown), 1);
    assert_eq!(
        phases.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        Phase::ALL
    );

    assert_eq!(progress.by_os(OsFamily::Windows).get(Phase::Succeeded), 2);
    assert_eq!(progress.by_os(OsFamily::Windows).get(Phase::Unknown), 1);
    assert_eq!(progress.by_os(OsFamily::Linux).get(Phase::Failed), 1);
    assert_eq!(progress.by_os(OsFamily::Mac).total(), 2);
    assert_eq!(progress.by_os(OsFamily::Other).get(Phase::Queued), 1);
    let per_os: usize = OsFamily::ALL
        .into_iter()
        .map(|os| progress.by_os(os).total())
        .sum();
    assert_eq!(per_os, progress.total());
}

#[test]
fn final_count_percent_and_success_rate() {
    let progress = JobProgress::from_rows(sample());
    // Final: 3 succeeded + 1 failed + 1 not applicable + 1 skipped.
    assert_eq!(progress.final_count(), 6);
    assert!(progress.any_not_final());
    assert_eq!(progress.percent_complete(), Some(60.0));
    // Not applicable and skipped are left out: 3 of the 4 that ran.
    assert_eq!(progress.success_rate(), Some(75.0));
}

#[test]
fn an_empty_job_has_no_percentages() {
    let progress = JobProgress::from_rows([]);
    assert_eq!(progress.total(), 0);
    assert_eq!(progress.percent_complete(), None);
    assert_eq!(progress.success_rate(), None);
    assert!(!progress.any_not_final());
    assert!(!progress.is_stalled(Timestamp(i64::MAX), 0));
}

#[test]
fn success_rate_waits_for_a_final_row() {
    let progress =
        JobProgress::from_rows([row(Some(StatusKey::Patching), OsFamily::Windows, None)]);
    assert_eq!(progress.percent_complete(), Some(0.0));
    assert_eq!(progress.success_rate(), None);
}

#[test]
fn a_finished_job_is_complete() {
    let progress = JobProgress::from_rows([
        row(Some(StatusKey::Completed), OsFamily::Windows, Some(0)),
        row(Some(StatusKey::TimedOut), OsFamily::Linux, Some(0)),
    ]);
    assert_eq!(progress.percent_complete(), Some(100.0));
    assert_eq!(progress.success_rate(), Some(50.0));
    assert!(!progress.any_not_final());
    assert!(!progress.is_stalled(Timestamp(1_000_000), 1));
}

#[test]
fn anomalies_are_rows_whose_status_cannot_occur_on_their_os() {
    let progress = JobProgress::from_rows(sample());
    assert_eq!(progress.anomalies(), &[6, 9]);
}

#[test]
fn unplaced_os_and_unstated_applicability_never_flag() {
    let rows = StatusKey::ALL.into_iter().flat_map(|key| {
        [
            row(Some(key), OsFamily::Other, None),
            row(Some(StatusKey::NotApplicable), OsFamily::Linux, None),
        ]
    });
    assert!(JobProgress::from_rows(rows).anomalies().is_empty());
}

#[test]
fn latest_status_change_is_the_newest_row_time() {
    assert_eq!(
        JobProgress::from_rows(sample()).latest_status_change(),
        Some(Timestamp(5_000))
    );
    let untimed = [row(Some(StatusKey::Pending), OsFamily::Windows, None)];
    assert_eq!(JobProgress::from_rows(untimed).latest_status_change(), None);
}

#[test]
fn stalled_only_strictly_past_the_threshold() {
    let latest = Some(Timestamp(1_000));
    assert!(!is_stalled(latest, Timestamp(1_000 + 600), 600, true));
    assert!(is_stalled(latest, Timestamp(1_000 + 601), 600, true));
    assert!(!is_stalled(latest, Timestamp(1_000 + 601), 600, false));
    assert!(!is_stalled(None, Timestamp(i64::MAX), 600, true));
    assert!(!is_stalled(
        Some(Timestamp(i64::MIN)),
        Timestamp(i64::MAX),
        i64::MAX,
        true
    ));

    let progress = JobProgress::from_rows(sample());
    assert!(!progress.is_stalled(Timestamp(5_000 + 600), 600));
    assert!(progress.is_stalled(Timestamp(5_000 + 601), 600));
}

const HOUR: i64 = 60 * 60 * 1000;

fn waiting(status: StatusKey, changed: i64, run_start: i64) -> ProgressRow {
    ProgressRow::new(
        Some(status),
        OsFamily::Windows,
        Some(Timestamp(changed)),
        Some(Timestamp(run_start)),
    )
}

#[test]
fn an_asset_not_started_is_not_stuck_before_its_run_starts() {
    let now = 100 * HOUR;
    let cutoff = stuck_cutoff(Timestamp(now), 4);
    // Set up ten hours ahead of a window two hours from now.
    let ahead = now + 2 * HOUR;
    for status in [StatusKey::JobReceived, StatusKey::Pending] {
        let row = waiting(status, now - 10 * HOUR, ahead);
        assert!(!row.is_stuck(cutoff), "{status:?} waits for its start");
        assert_eq!(row.idle_since(), Some(Timestamp(ahead)));
    }
    // A started asset is judged by its own status time, whatever its run.
    assert!(waiting(StatusKey::Patching, now - 10 * HOUR, ahead).is_stuck(cutoff));
    // Past the start by more than the hours, waiting is stuck again.
    assert!(waiting(StatusKey::JobReceived, now - 10 * HOUR, now - 5 * HOUR).is_stuck(cutoff));
    assert!(!waiting(StatusKey::JobReceived, now - 10 * HOUR, now - 3 * HOUR).is_stuck(cutoff));
    // No status time, nothing to judge by, run or not.
    let untimed = ProgressRow::new(
        Some(StatusKey::Pending),
        OsFamily::Linux,
        None,
        Some(Timestamp(now - 5 * HOUR)),
    );
    assert!(!untimed.is_stuck(cutoff));
}

#[test]
fn a_job_waiting_for_its_start_is_not_stalled() {
    let now = Timestamp(100 * HOUR);
    let stall = STALL_AFTER_MINUTES * 60 * 1000;
    let job = |run_start: i64| {
        JobProgress::from_rows([
            waiting(StatusKey::JobReceived, 90 * HOUR, run_start),
            waiting(StatusKey::Completed, 91 * HOUR, run_start),
        ])
    };
    assert!(!job(101 * HOUR).is_stalled(now, stall));
    assert!(!job(100 * HOUR - stall).is_stalled(now, stall));
    assert!(job(100 * HOUR - stall - 1).is_stalled(now, stall));
    assert_eq!(
        job(101 * HOUR).latest_status_change(),
        Some(Timestamp(91 * HOUR)),
        "the start ahead is not a status change"
    );
}

#[test]
fn the_run_shown_starts_as_scheduled_or_as_the_job_last_ran() {
    let runs = [
        JobRun {
            id: "r1".into(),
            scheduled: Some(Timestamp(5)),
        },
        JobRun {
            id: "r2".into(),
            scheduled: None,
        },
    ];
    let ran = Job {
        last_run: Some(Timestamp(10)),
        next_run: Some(Timestamp(20)),
        ..Job::default()
    };
    let not_yet = Job {
        next_run: Some(Timestamp(20)),
        ..Job::default()
    };
    assert_eq!(run_start(Some(&ran), None, &runs), Some(Timestamp(10)));
    assert_eq!(run_start(Some(&not_yet), None, &runs), Some(Timestamp(20)));
    assert_eq!(run_start(Some(&ran), Some("r1"), &runs), Some(Timestamp(5)));
    assert_eq!(run_start(Some(&ran), Some("r2"), &runs), None);
    assert_eq!(run_start(Some(&ran), Some("gone"), &runs), None);
    assert_eq!(run_start(None, None, &runs), None);
}

#[test]
fn rows_are_built_from_asset_results() {
    let result = AssetResult {
        os: "Ubuntu 22.04".into(),
        status: RawStatus {
            code: Some(2031),
            state: Some(1),
            name: None,
            ..RawStatus::default()
        },
        status_time: Some(Timestamp(42)),
        ..AssetResult::default()
    };
    let built = ProgressRow::from_result(&result, None);
    assert_eq!(
        built,
        row(Some(StatusKey::Downloaded), OsFamily::Linux, Some(42))
    );
    assert!(built.is_anomalous());
    assert_eq!(built.phase(), Phase::Running);

    let unresolved = AssetResult {
        status: RawStatus {
            code: Some(2031),
            ..RawStatus::default()
        },
        ..AssetResult::default()
    };
    let built = ProgressRow::from_result(&unresolved, None);
    assert_eq!(
        (built.status, built.os, built.phase()),
        (None, OsFamily::Other, Phase::Unknown)
    );
    assert!(!built.is_anomalous());
}

mod job_list_bar {
    use patchboard::domain::job::{Job, RolloutShare};

    fn job(asset_count: Option<u64>, counts: [Option<u64>; 3], percent: Option<f64>) -> Job {
        Job {
            asset_count,
            succeeded: counts[0],
            failed: counts[1],
            in_progress: counts[2],
            completion_percent: percent,
            ..Job::default()
        }
    }

    #[test]
    fn counts_are_shares_of_every_asset_and_the_rest_is_not_done() {
        let shares = job(Some(240), [Some(190), Some(11), Some(26)], Some(89.0)).rollout_shares();
        assert_eq!(
            shares,
            vec![
                (RolloutShare::Succeeded, 190.0),
                (RolloutShare::Failed, 11.0),
                (RolloutShare::InProgress, 26.0),
                (RolloutShare::Rest, 13.0),
            ]
        );
    }

    #[test]
    fn the_bar_says_in_words_the_counts_the_backend_gave() {
        assert_eq!(
            job(Some(2400), [Some(1900), Some(11), Some(0)], Some(79.6))
                .rollout_summary()
                .as_deref(),
            Some("1,900 succeeded · 11 failed · 0 in progress · 489 other of 2,400 assets")
        );
        assert_eq!(
            job(Some(240), [Some(190), Some(11), Some(39)], None)
                .rollout_summary()
                .as_deref(),
            Some("190 succeeded · 11 failed · 39 in progress of 240 assets"),
            "no \"other\" when the counts add up"
        );
        assert_eq!(
            job(Some(240), [Some(190), None, Some(26)], None)
                .rollout_summary()
                .as_deref(),
            Some("190 succeeded · 26 in progress of 240 assets"),
            "nor when one is missing: the rest is not known to be other"
        );
        assert_eq!(
            job(Some(1), [Some(1), Some(0), Some(0)], None)
                .rollout_summary()
                .as_deref(),
            Some("1 succeeded · 0 failed · 0 in progress of 1 asset")
        );
        assert_eq!(
            job(None, [None, Some(3), None], None)
                .rollout_summary()
                .as_deref(),
            Some("3 failed")
        );
        assert_eq!(job(Some(24), [None; 3], Some(14.5)).rollout_summary(), None);
    }

    #[test]
    fn a_missing_or_zero_count_draws_nothing_and_counts_beyond_the_assets_fill_the_bar() {
        let shares = job(Some(10), [Some(12), None, Some(0)], None).rollout_shares();
        assert_eq!(shares, vec![(RolloutShare::Succeeded, 12.0)]);
        let shares = job(None, [None, Some(3), None], None).rollout_shares();
        assert_eq!(shares, vec![(RolloutShare::Failed, 3.0)]);
    }

    #[test]
    fn without_counts_the_percentage_fills_its_part_of_the_bar() {
        let shares = job(Some(24), [None; 3], Some(14.5)).rollout_shares();
        assert_eq!(
            shares,
            vec![(RolloutShare::Complete, 14.5), (RolloutShare::Rest, 85.5)]
        );
        let shares = job(None, [None; 3], Some(130.0)).rollout_shares();
        assert_eq!(shares, vec![(RolloutShare::Complete, 100.0)]);
        assert_eq!(
            job(None, [None; 3], Some(f64::NAN)).rollout_shares(),
            vec![]
        );
        assert_eq!(job(Some(5), [None; 3], None).rollout_shares(), vec![]);
    }

    #[test]
    fn counts_too_large_to_add_up_fill_the_bar_without_overflowing() {
        let huge = job(Some(u64::MAX), [Some(u64::MAX), Some(1), Some(0)], None);
        let shares = huge.rollout_shares();
        assert_eq!(
            shares,
            vec![
                (RolloutShare::Succeeded, u64::MAX as f64),
                (RolloutShare::Failed, 1.0)
            ]
        );
        let summary = huge.rollout_summary().expect("counts given");
        assert!(
            summary
                .starts_with("18,446,744,073,709,551,615 succeeded · 1 failed · 0 in progress of "),
            "{summary}"
        );
        assert!(!summary.contains("other"), "{summary}");
    }
}
