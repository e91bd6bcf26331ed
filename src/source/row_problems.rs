//! Values a load could not read (in rows it skipped, or left out of rows it
//! kept), grouped by what was wrong with them: a backend that sends one bad
//! field in ten thousand rows has one problem to fix, and the banner says
//! so once, with a few of the rows to look up.

use super::coerce::FOUND;
use super::mapping::RowError;
use crate::domain::decimal::grouped;
use std::fmt::Write;

/// Problems told one by one, the largest first; the count of values is
/// always exact.
const SHOWN_PROBLEMS: usize = 10;
/// Problems counted apart, so that the largest can be found among them:
/// bounded, as each value is matched against them.
const TRACKED_PROBLEMS: usize = 100;
/// Rows named under each problem.
const ROWS_NAMED: usize = 3;

/// Values that could not be read: how many, and the problems among them,
/// counted apart.
#[derive(Debug, Clone, Default)]
pub struct RowProblems {
    /// Values reported: one per skipped row, one per value left out.
    pub count: usize,
    problems: Vec<Problem>,
    /// Some value had a problem past the tracked ones.
    untracked: bool,
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
        .split_once(FOUND)
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
    /// Counts `errors`, each under the problem it shares with a value before it.
    pub fn add(&mut self, errors: Vec<RowError>) {
        self.count += errors.len();
        for error in errors {
            if let Some(problem) = self.problems.iter_mut().find(|p| p.is_shared_by(&error)) {
                problem.count += 1;
                problem.values_differ |= problem.first.problem != error.problem;
                if problem.rows.len() < ROWS_NAMED {
                    problem.rows.push(error.row());
                }
            } else if self.problems.len() < TRACKED_PROBLEMS {
                self.problems.push(Problem {
                    rows: vec![error.row()],
                    first: error,
                    count: 1,
                    values_differ: false,
                });
            } else {
                self.untracked = true;
            }
        }
    }

    /// The largest problems with their first rows, and how many values had
    /// others. A problem of one row reads as the row's error; one of many as
    /// `status_time (at "/t"): expected …, found "x", in 27 rows: row 2
    /// (asset_id "a"), row 3 (asset_id "b"), row 4 (asset_id "c") and 24 more`.
    pub fn lines(&self) -> Vec<String> {
        let mut largest: Vec<&Problem> = self.problems.iter().collect();
        // Stable: problems of one size keep the order they were met in.
        largest.sort_by_key(|problem| std::cmp::Reverse(problem.count));
        let shown = &largest[..largest.len().min(SHOWN_PROBLEMS)];
        let mut lines: Vec<String> = shown.iter().map(|problem| problem.summary()).collect();
        let listed: usize = shown.iter().map(|problem| problem.count).sum();
        let other = self.count - listed;
        if other > 0 {
            // Values or rows, as the banner's title counts them.
            let more = grouped(other as u64);
            lines.push(match largest.len() - shown.len() {
                _ if self.untracked => format!("and {more} more with other problems"),
                1 => format!("and {more} more with 1 other problem"),
                problems => format!("and {more} more with {problems} other problems"),
            });
        }
        lines
    }

    /// The [`lines`](Self::lines) as one sentence, for a message.
    pub fn summary(&self) -> String {
        self.lines().join("; ") + "."
    }
}
