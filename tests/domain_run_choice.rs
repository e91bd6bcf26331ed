use patchboard::domain::job::JobRun;
use patchboard::domain::run_choice::{run_options, RunChoice, RunIgnored};
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
