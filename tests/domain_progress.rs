//! Job progress over many rows: counts, percentages, anomalies and stalls.

use patchboard::domain::asset::{AssetResult, RawStatus};
use patchboard::domain::os::OsFamily;
use patchboard::domain::phase::Phase;
use patchboard::domain::progress::{is_stalled, JobProgress, ProgressRow};
use patchboard::domain::status::StatusKey;
use patchboard::domain::time::Timestamp;

fn row(status: Option<StatusKey>, os: OsFamily, at: Option<i64>) -> ProgressRow {
    ProgressRow {
        status,
        os,
        status_time: at.map(Timestamp),
    }
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

#[test]
fn rows_are_built_from_asset_results() {
    let result = AssetResult {
        os: "Ubuntu 22.04".into(),
        status: RawStatus {
            code: Some(2031),
            state: Some(1),
            name: None,
        },
        status_time: Some(Timestamp(42)),
        ..AssetResult::default()
    };
    let built = ProgressRow::from_result(&result);
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
    let built = ProgressRow::from_result(&unresolved);
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
            Some("1,900 succeeded · 11 failed · 0 in progress of 2,400 assets")
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
}
