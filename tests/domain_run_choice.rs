use patchboard::domain::job::JobRun;
use patchboard::domain::run_choice::{RunChoice, RunIgnored};

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
