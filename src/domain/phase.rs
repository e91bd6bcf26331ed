//! Where an asset stands in a job, coarser than its status: what charts,
//! colours and filters group by.

/// The phase of one asset's job result. Every catalogued status maps to one
/// phase (see `docs/statuses.md` for why); an unresolved status is `Unknown`.
///
/// Variants are declared in chart order: final outcomes first, work still in
/// flight next, `Unknown` last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// The job did its work on the asset.
    Succeeded,
    /// The job ended without doing its work; someone should look.
    Failed,
    /// Called off by policy (a blackout), not by a fault.
    Canceled,
    /// The run passed the asset by, or had nothing to do.
    Skipped,
    /// The job's content does not concern the asset.
    NotApplicable,
    /// The agent is working on the job.
    Running,
    /// Due or under way, but held by something outside the agent.
    Waiting,
    /// Not started on the asset yet.
    Queued,
    /// The status did not resolve against the catalogue.
    Unknown,
}

impl Phase {
    /// Every phase in chart order; `ALL[p.index()] == p`.
    pub const ALL: [Phase; 9] = [
        Phase::Succeeded,
        Phase::Failed,
        Phase::Canceled,
        Phase::Skipped,
        Phase::NotApplicable,
        Phase::Running,
        Phase::Waiting,
        Phase::Queued,
        Phase::Unknown,
    ];

    /// Position in [`Phase::ALL`], for per-phase count arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// No further work is expected for the asset in this job.
    ///
    /// `Unknown` is not final: a status we cannot read must not make a job
    /// look finished.
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            Phase::Succeeded
                | Phase::Failed
                | Phase::Canceled
                | Phase::Skipped
                | Phase::NotApplicable
        )
    }

    /// A stable lowercase token for CSS classes and URLs.
    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Succeeded => "succeeded",
            Phase::Failed => "failed",
            Phase::Canceled => "canceled",
            Phase::Skipped => "skipped",
            Phase::NotApplicable => "not-applicable",
            Phase::Running => "running",
            Phase::Waiting => "waiting",
            Phase::Queued => "queued",
            Phase::Unknown => "unknown",
        }
    }

    /// The inverse of [`Phase::as_str`], for reading a URL.
    pub fn from_token(token: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|phase| phase.as_str() == token)
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
            Phase::Canceled => "Canceled",
            Phase::Skipped => "Skipped",
            Phase::NotApplicable => "Not applicable",
            Phase::Running => "Running",
            Phase::Waiting => "Waiting",
            Phase::Queued => "Queued",
            Phase::Unknown => "Unknown",
        }
    }
}
