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

/// The same field expecting the same thing is one problem whatever the
/// value found: the first value stands for the others, marked as one of
/// several. Another field, or another expectation, is another problem.
#[test]
fn other_values_share_a_problem_and_past_ten_problems_the_rest_are_counted() {
    let mut skipped = RowProblems::default();
    skipped.add(
        (0..12)
            .map(|n| bad_row(n, &format!("a{n}"), "status_time", &format!("day {n}")))
            .collect(),
    );
    assert_eq!(skipped.lines().len(), 1, "{:?}", skipped.lines());
    assert_eq!(
        skipped.summary(),
        "status_time (at \"/status_time\"): expected a time, found \"day 0\" (the first of several values), \
         in 12 rows: row 0 (asset_id \"a0\"), row 1 (asset_id \"a1\"), row 2 (asset_id \"a2\") and 9 more."
    );

    let mut many = RowProblems::default();
    many.add(
        (0..12)
            .map(|n| bad_row(n, &format!("a{n}"), &format!("field_{n}"), "x"))
            .collect(),
    );
    many.add(vec![RowError {
        problem: "required but missing or empty".into(),
        ..bad_row(12, "a12", "field_0", "x")
    }]);
    assert_eq!(many.count, 13);
    let summary = many.summary();
    assert_eq!(summary.matches(" (at ").count(), 10, "{summary}");
    assert!(
        summary.ends_with("; and 3 more with 3 other problems."),
        "another expectation of the same field is another problem: {summary}"
    );
}

/// The problem of most rows is told whatever came before it; the count of
/// the others says how many problems it stands for.
#[test]
fn the_largest_problems_are_told_first() {
    let mut problems = RowProblems::default();
    problems.add(
        (0..11)
            .map(|n| bad_row(n, &format!("a{n}"), &format!("field_{n}"), "x"))
            .collect(),
    );
    problems.add(
        (11..3_011)
            .map(|n| bad_row(n, &format!("a{n}"), "last_seen", &format!("Dec {}", n % 28)))
            .collect(),
    );
    let lines = problems.lines();
    assert_eq!(lines.len(), 11, "{lines:?}");
    assert!(
        lines[0].starts_with("last_seen (at \"/last_seen\"): expected a time, found \"Dec 11\" (the first of several values), in 3,000 rows"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[10], "and 2 more with 2 other problems");
}
