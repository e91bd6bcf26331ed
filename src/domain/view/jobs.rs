//! The job list: search and sort over the jobs a backend reports.

use super::url_state::ToQuery;
use super::{HoldsTable, QueryPairs, TableColumn, TableState};
use crate::domain::job::Job;
use crate::domain::table::{
    cmp_f64, cmp_option, filter_indices, natural_cmp, search_key, sort_indices, ColumnOrdering,
    Direction, SortSpec, TextQuery,
};
use crate::domain::time::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobColumn {
    Job,
    Platform,
    Status,
    LastRun,
    Assets,
    Complete,
    Succeeded,
    Failed,
    InProgress,
}

impl TableColumn for JobColumn {
    const ALL: &'static [JobColumn] = &[
        JobColumn::Job,
        JobColumn::Platform,
        JobColumn::Status,
        JobColumn::LastRun,
        JobColumn::Assets,
        JobColumn::Complete,
        JobColumn::Succeeded,
        JobColumn::Failed,
        JobColumn::InProgress,
    ];

    fn token(self) -> &'static str {
        match self {
            JobColumn::Job => "job",
            JobColumn::Platform => "platform",
            JobColumn::Status => "status",
            JobColumn::LastRun => "last-run",
            JobColumn::Assets => "assets",
            JobColumn::Complete => "complete",
            JobColumn::Succeeded => "succeeded",
            JobColumn::Failed => "failed",
            JobColumn::InProgress => "in-progress",
        }
    }

    fn label(self) -> &'static str {
        match self {
            JobColumn::Job => "Job",
            JobColumn::Platform => "Platform",
            JobColumn::Status => "Status",
            JobColumn::LastRun => "Schedule / last run",
            JobColumn::Assets => "Assets",
            JobColumn::Complete => "Complete",
            JobColumn::Succeeded => "Succeeded",
            JobColumn::Failed => "Failed",
            JobColumn::InProgress => "In progress",
        }
    }
}

impl JobColumn {
    pub fn compare(self, a: &Job, b: &Job) -> ColumnOrdering {
        let count = |x: Option<u64>, y: Option<u64>| cmp_option(x.as_ref(), y.as_ref(), u64::cmp);
        match self {
            JobColumn::Job => natural_cmp(&a.name, &b.name).into(),
            JobColumn::Platform => {
                cmp_option(a.platform.as_deref(), b.platform.as_deref(), natural_cmp)
            }
            JobColumn::Status => cmp_option(a.status.as_deref(), b.status.as_deref(), natural_cmp),
            JobColumn::LastRun => {
                cmp_option(a.last_run.as_ref(), b.last_run.as_ref(), Timestamp::cmp)
            }
            JobColumn::Assets => count(a.asset_count, b.asset_count),
            JobColumn::Complete => cmp_option(
                a.completion_percent.as_ref(),
                b.completion_percent.as_ref(),
                |x, y| cmp_f64(*x, *y),
            ),
            JobColumn::Succeeded => count(a.succeeded, b.succeeded),
            JobColumn::Failed => count(a.failed, b.failed),
            JobColumn::InProgress => count(a.in_progress, b.in_progress),
        }
    }
}

/// The job list's view as held in the URL. A job opens its own page, not
/// details in place, so the table names no open record.
#[derive(Debug, Clone, PartialEq)]
pub struct JobView {
    pub table: TableState<JobColumn>,
}

impl Default for JobView {
    fn default() -> Self {
        JobView {
            table: TableState::sorted_by(default_sort()),
        }
    }
}

/// Most recent runs first.
fn default_sort() -> SortSpec<JobColumn> {
    SortSpec::by(JobColumn::LastRun, Direction::Desc)
}

impl JobView {
    pub fn from_query(pairs: QueryPairs<'_>) -> JobView {
        JobView {
            table: TableState::from_query(pairs, default_sort(), None),
        }
    }

    /// Indices of the jobs that match the search, sorted.
    pub fn apply(&self, jobs: &[Job]) -> Vec<u32> {
        let text = TextQuery::parse(&self.table.text);
        let mut indices = filter_indices(jobs, |job| {
            text.is_empty()
                || text.matches(&search_key(&[
                    &job.name,
                    &job.id,
                    job.platform.as_deref().unwrap_or(""),
                    job.status.as_deref().unwrap_or(""),
                ]))
        });
        sort_indices(jobs, &mut indices, &self.table.sort, |a, b, column| {
            column.compare(a, b)
        });
        indices
    }
}

impl HoldsTable for JobView {
    type Column = JobColumn;

    fn table(&self) -> &TableState<JobColumn> {
        &self.table
    }

    fn table_mut(&mut self) -> &mut TableState<JobColumn> {
        &mut self.table
    }
}

impl ToQuery for JobView {
    fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        self.table.write_query(&mut out, &default_sort(), None);
        out
    }
}
