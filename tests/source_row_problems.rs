use patchboard::source::mapping::RowError;
use patchboard::source::record::ItemId;
use patchboard::source::row_problems::RowProblems;

fn bad_row(index: usize, id: &str, field: &str, found: &str) -> RowError {
    RowError {
        index,
        id: Some(ItemId {
            field: "asset_id",
            value: id.to_owned(),
        }),
        field: field.to_owned(),
        pointer: format!("/{field}"),
        problem: format!("expected a time, found {found:?}"),
    }
}

#[test]
fn rows_with_the_same_problem_are_told_once_with_a_few_of_them_named() {
    let mut skipped = RowProblems::default();
    skipped.add(
        (0..5_000)
            .map(|n| bad_row(n * 2, &format!("a{n}"), "status_time", "never"))
            .collect(),
    );
    skipped.add(vec![bad_row(10_001, "odd", "last_seen", "soon")]);
    assert_eq!(skipped.count, 5_001);
    assert_eq!(skipped.lines().len(), 2, "one line per problem");
    assert_eq!(
        skipped.summary(),
        "status_time (at \"/status_time\"): expected a time, found \"never\", in 5,000 rows: \
         row 0 (asset_id \"a0\"), row 2 (asset_id \"a1\"), row 4 (asset_id \"a2\") and 4,997 more; \
         row 10001 (asset_id \"odd\"): last_seen (at \"/last_seen\"): expected a time, found \"soon\"."
    );
}

/// The same field with another value is another problem: the value found
/// is what an operator looks for in the backend.
#[test]
fn another_value_is_another_problem_and_past_ten_the_rest_are_counted() {
    let mut skipped = RowProblems::default();
    skipped.add(
        (0..12)
            .map(|n| bad_row(n, &format!("a{n}"), "status_time", &format!("day {n}")))
            .collect(),
    );
    skipped.add(vec![bad_row(12, "a12", "status_time", "day 0")]);
    assert_eq!(skipped.count, 13);
    let summary = skipped.summary();
    assert!(
        summary.starts_with("status_time (at \"/status_time\"): expected a time, found \"day 0\", in 2 rows: row 0 (asset_id \"a0\"), row 12 (asset_id \"a12\"); "),
        "{summary}"
    );
    assert_eq!(summary.matches("status_time (at").count(), 10, "{summary}");
    assert!(
        summary.ends_with("; and 2 more row(s) with other problems."),
        "{summary}"
    );
}
