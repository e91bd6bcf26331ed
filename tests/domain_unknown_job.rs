use patchboard::domain::job::{is_unknown_job, Job};

fn jobs(ids: &[&str]) -> Vec<Job> {
    ids.iter()
        .map(|id| Job {
            id: (*id).to_owned(),
            name: format!("Job {id}"),
            ..Job::default()
        })
        .collect()
}

#[test]
fn a_job_missing_from_a_whole_list_whose_results_are_not_found_is_unknown() {
    assert!(is_unknown_job("gone", &jobs(&["a", "b"]), true, true));
}

#[test]
fn a_listed_job_is_never_unknown_even_when_its_results_fail() {
    assert!(!is_unknown_job("b", &jobs(&["a", "b"]), true, true));
}

#[test]
fn results_that_load_or_fail_otherwise_win_over_a_list_that_leaves_the_job_out() {
    assert!(!is_unknown_job("gone", &jobs(&["a"]), true, false));
}

#[test]
fn a_list_cut_off_at_its_maximum_or_not_loaded_proves_nothing() {
    assert!(!is_unknown_job("gone", &jobs(&["a"]), false, true));
    assert!(!is_unknown_job("gone", &[], false, true));
}
