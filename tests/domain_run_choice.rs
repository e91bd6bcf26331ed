use patchboard::domain::job::JobRun;
use patchboard::domain::run_choice::{latest_run_label, run_options, RunChoice, RunIgnored};
use patchboard::domain::time::Timestamp;

fn runs(ids: &[&str]) -> Vec<JobRun> {
    ids.iter()
        .map(|id| JobRun {
            id: (*id).to_owned(),
            scheduled: None,
        })
        .collect()
}

fn ignored(requested: &str, why: RunIgnored) -> RunChoice {
    RunChoice::Ignored {
        requested: requested.to_owned(),
        why,
    }
}

#[test]
fn no_run_asked_for_is_the_latest_whatever_the_source() {
    for per_run in [false, true] {
        let choice = RunChoice::new(None, per_run, Some(&runs(&["r1"])));
        assert_eq!(choice, RunChoice::Latest);
        assert_eq!(choice.run_id(), None);
    }
}

#[test]
fn a_known_run_is_asked_for_when_the_request_can_name_it() {
    let choice = RunChoice::new(Some("r1"), true, Some(&runs(&["r1", "r2"])));
    assert_eq!(choice, RunChoice::Run("r1".to_owned()));
    assert_eq!(choice.run_id(), Some("r1"));
}

#[test]
fn before_the_runs_are_known_the_run_is_taken_on_trust() {
    assert_eq!(RunChoice::new(Some("r9"), true, None).run_id(), Some("r9"));
}

#[test]
fn a_request_without_run_id_shows_the_latest_and_says_why() {
    let choice = RunChoice::new(Some("r1"), false, Some(&runs(&["r1", "r2"])));
    assert_eq!(choice, ignored("r1", RunIgnored::NoRunInRequest));
    assert_eq!(choice.run_id(), None);
}

#[test]
fn a_run_the_job_does_not_have_shows_the_latest_and_says_why() {
    let choice = RunChoice::new(Some("bogus"), true, Some(&runs(&["r1", "r2"])));
    assert_eq!(choice, ignored("bogus", RunIgnored::NotARun));
    assert_eq!(choice.run_id(), None);
    assert_eq!(
        RunChoice::new(Some("r1"), true, Some(&[])),
        ignored("r1", RunIgnored::NotARun),
        "a job with no runs listed has none to choose"
    );
}

#[test]
fn the_run_list_offers_the_job_runs_and_the_run_shown_when_they_lack_it() {
    let listed = vec![
        JobRun {
            id: "r2".to_owned(),
            scheduled: Some(Timestamp::from_millis(1_749_556_800_000)),
        },
        JobRun {
            id: "r1".to_owned(),
            scheduled: None,
        },
    ];
    let offered = |runs: &[JobRun], shown: Option<&str>| -> Vec<(String, String)> {
        run_options(runs, shown)
            .into_iter()
            .map(|option| (option.id, option.label))
            .collect()
    };
    let both = vec![
        ("r2".to_owned(), "2025-06-10 12:00 UTC".to_owned()),
        ("r1".to_owned(), "r1".to_owned()),
    ];
    assert_eq!(offered(&listed, None), both);
    assert_eq!(
        offered(&listed, Some("r1")),
        both,
        "a listed run is not repeated"
    );
    // The runs could not be loaded, and the link asks for run 7: the list
    // still names the run shown.
    assert_eq!(
        offered(&[], Some("7")),
        vec![("7".to_owned(), "7".to_owned())]
    );
    assert!(offered(&[], None).is_empty());
}

fn run_at(id: &str, minutes: Option<i64>) -> JobRun {
    JobRun {
        id: id.to_owned(),
        scheduled: minutes.map(|m| Timestamp::from_millis(1_749_556_800_000 + m * 60_000)),
    }
}

#[test]
fn the_run_list_is_newest_first_and_runs_without_a_time_follow() {
    // Oldest first, as the data format lists them.
    let listed = [
        run_at("untimed-old", None),
        run_at("first", Some(0)),
        run_at("second", Some(60)),
        run_at("untimed-new", None),
        run_at("third", Some(120)),
    ];
    let ids: Vec<String> = run_options(&listed, None)
        .into_iter()
        .map(|option| option.id)
        .collect();
    assert_eq!(
        ids,
        ["third", "second", "first", "untimed-new", "untimed-old"]
    );
}

#[test]
fn runs_of_the_same_minute_are_told_apart_by_their_ids() {
    let listed = [
        run_at("a", Some(0)),
        run_at("b", Some(0)),
        run_at("c", Some(5)),
    ];
    let labels: Vec<String> = run_options(&listed, None)
        .into_iter()
        .map(|option| option.label)
        .collect();
    assert_eq!(
        labels,
        [
            "2025-06-10 12:05 UTC",
            "2025-06-10 12:00 UTC · b",
            "2025-06-10 12:00 UTC · a"
        ]
    );
}

/// Two hours after the runs' base time in `run_at`.
fn now() -> Timestamp {
    Timestamp::from_millis(1_749_556_800_000 + 120 * 60_000)
}

#[test]
fn the_latest_run_entry_names_the_newest_run_that_has_started() {
    let listed = [
        run_at("first", Some(0)),
        run_at("second", Some(60)),
        run_at("untimed", None),
        run_at("next-week", Some(7 * 24 * 60)),
    ];
    assert_eq!(
        latest_run_label(&listed, now()),
        "Latest run (2025-06-10 13:00 UTC)",
        "not the run ahead"
    );
    let tied = [run_at("a", Some(0)), run_at("b", Some(0))];
    assert_eq!(
        latest_run_label(&tied, now()),
        "Latest run (2025-06-10 12:00 UTC · b)"
    );
    assert_eq!(
        latest_run_label(&[run_at("only", None)], now()),
        "Latest run (only)"
    );
    assert_eq!(
        latest_run_label(&[], now()),
        "Latest run",
        "no runs listed to name it by"
    );
}

#[test]
fn a_run_is_over_once_a_later_run_has_come_due() {
    let listed = [
        run_at("first", Some(0)),
        run_at("second", Some(60)),
        run_at("next-week", Some(7 * 24 * 60)),
        run_at("untimed", None),
    ];
    let over = |requested: Option<&str>, known: &[JobRun]| {
        RunChoice::new(requested, true, Some(known)).is_over(known, now())
    };
    assert!(!over(None, &listed), "the latest is current");
    assert!(over(Some("first"), &listed), "second has run since");
    assert!(
        !over(Some("second"), &listed),
        "the run ahead has not started"
    );
    assert!(!over(Some("untimed"), &listed), "no time to place it by");
    assert!(
        !over(Some("gone"), &listed),
        "not a run: the latest is shown"
    );
    assert!(
        !RunChoice::Run("first".to_owned()).is_over(&[], now()),
        "runs not loaded: not known to be over"
    );
}
