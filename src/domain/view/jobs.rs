//! The job list: search and sort over the jobs a backend reports.

use super::url_state::{unknown_sort_tokens, ToQuery};
use super::{HoldsTable, QueryPairs, TableColumn, TableState};
use crate::domain::job::Job;
use crate::domain::table::{
    retain_rows, search_key, sort_rows, Direction, SortSpec, SortValue, TextQuery,
};

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

    fn first_direction(self) -> Direction {
        if matches!(self, JobColumn::Failed) {
            Direction::Desc
        } else {
            Direction::Asc
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
    /// The job's value on this column, as the list sorts it.
    pub fn sort_value(self, job: &Job) -> SortValue<'_> {
        match self {
            JobColumn::Job => job.name.as_str().into(),
            JobColumn::Platform => job.platform.as_deref().into(),
            JobColumn::Status => job.status.as_deref().into(),
            JobColumn::LastRun => job.last_run.map(|time| time.0).into(),
            JobColumn::Assets => job.asset_count.into(),
            JobColumn::Complete => job.completion_percent.into(),
            JobColumn::Succeeded => job.succeeded.into(),
            JobColumn::Failed => job.failed.into(),
            JobColumn::InProgress => job.in_progress.into(),
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
        let mut indices = sort_rows(jobs.len(), &self.table.sort, |column, index| {
            column.sort_value(&jobs[index])
        });
        retain_rows(jobs, &mut indices, |job| {
            text.is_empty()
                || text.matches(&search_key(&[
                    &job.name,
                    &job.id,
                    job.platform.as_deref().unwrap_or(""),
                    job.status.as_deref().unwrap_or(""),
                    // The Schedule column's word ("Weekly") is on screen too.
                    job.schedule.as_deref().unwrap_or(""),
                ]))
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
    fn left_out(pairs: QueryPairs<'_>) -> Vec<String> {
        unknown_sort_tokens(pairs, JobColumn::from_token)
    }

    fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        self.table.write_query(&mut out, &default_sort(), None);
        out
    }
}
