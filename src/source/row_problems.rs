//! Values a load could not read (in rows it skipped, or left out of rows it
//! kept), grouped by what was wrong with them: a backend that sends one bad
//! field in ten thousand rows has one problem to fix, and the banner says
//! so once, with a few of the rows to look up.

use super::mapping::RowError;
use crate::domain::decimal::grouped;
use std::fmt::Write;

/// Problems kept for display; the count of rows is always exact.
const KEPT_PROBLEMS: usize = 10;
/// Rows named under each problem.
const ROWS_NAMED: usize = 3;

/// Rows with a value that could not be read: how many, and the first few
/// problems among them.
#[derive(Debug, Clone, Default)]
pub struct RowProblems {
    /// Values reported: one per skipped row, one per value left out.
    pub count: usize,
    problems: Vec<Problem>,
}

/// One field that could not be read, the same way, in `count` rows: the
/// same thing expected, whatever value was found instead.
#[derive(Debug, Clone)]
struct Problem {
    first: RowError,
    count: usize,
    /// The first rows with it, `first` included, as "row 3 (asset_id "x")".
    rows: Vec<String>,
    /// Another row had another value than `first`'s.
    values_differ: bool,
}

/// A problem without the value found: "expected a time" of `expected a
/// time, found "Dec 1"`. A backend that writes every date the same wrong
/// way has one thing to fix, not one per date.
fn expectation(problem: &str) -> &str {
    problem
        .split_once(", found ")
        .map_or(problem, |(expected, _)| expected)
}

impl Problem {
    fn is_shared_by(&self, error: &RowError) -> bool {
        self.first.field == error.field
            && self.first.pointer == error.pointer
            && expectation(&self.first.problem) == expectation(&error.problem)
    }

    /// See [`RowProblems::lines`].
    fn summary(&self) -> String {
        if self.count == 1 {
            return self.first.to_string();
        }
        let RowError {
            field,
            pointer,
            problem,
            ..
        } = &self.first;
        let example = if self.values_differ {
            " (the first of several values)"
        } else {
            ""
        };
        let mut text = format!(
            "{field} (at \"{pointer}\"): {problem}{example}, in {} rows: {}",
            grouped(self.count as u64),
            self.rows.join(", ")
        );
        let unnamed = self.count - self.rows.len();
        if unnamed > 0 {
            let _ = write!(text, " and {} more", grouped(unnamed as u64));
        }
        text
    }
}

impl RowProblems {
    /// Counts `errors`, each under the problem it shares with a row before it.
    pub fn add(&mut self, errors: Vec<RowError>) {
        self.count += errors.len();
        for error in errors {
            if let Some(problem) = self.problems.iter_mut().find(|p| p.is_shared_by(&error)) {
                problem.count += 1;
                problem.values_differ |= problem.first.problem != error.problem;
                if problem.rows.len() < ROWS_NAMED {
                    problem.rows.push(error.row());
                }
            } else if self.problems.len() < KEPT_PROBLEMS {
                self.problems.push(Problem {
                    rows: vec![error.row()],
                    first: error,
                    count: 1,
                    values_differ: false,
                });
            }
        }
    }

    /// Each problem with its first rows, and how many rows had others. A
    /// problem of one row reads as the row's error; one of many as
    /// `status_time (at "/t"): expected …, found "x", in 27 rows: row 2
    /// (asset_id "a"), row 3 (asset_id "b"), row 4 (asset_id "c") and 24 more`.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.problems.iter().map(Problem::summary).collect();
        let listed: usize = self.problems.iter().map(|p| p.count).sum();
        let other = self.count - listed;
        if other > 0 {
            // Values or rows, as the banner's title counts them.
            lines.push(format!(
                "and {} more with other problems",
                grouped(other as u64)
            ));
        }
        lines
    }

    /// The [`lines`](Self::lines) as one sentence, for a message.
    pub fn summary(&self) -> String {
        self.lines().join("; ") + "."
    }
}
