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

    /// What the phase says about the asset, as the reference page explains it.
    pub const fn meaning(self) -> &'static str {
        match self {
            Phase::Succeeded => "The job did its work on the asset.",
            Phase::Failed => "The job ended without doing its work; an operator should look.",
            Phase::Canceled => "The job was called off by policy, not by a fault.",
            Phase::Skipped => "The run passed the asset by, or had nothing to do.",
            Phase::NotApplicable => "The job's content does not concern the asset.",
            Phase::Running => "The agent is actively working on the job.",
            Phase::Waiting => "Work started or is due, but something outside the agent holds it.",
            Phase::Queued => "The job has not started on the asset yet.",
            Phase::Unknown => {
                "The status did not resolve against the catalogue, or part of it could \
                 not be read (the Status column says which). Not final, so it never \
                 makes a job look done."
            }
        }
    }

    /// What an operator can do about an asset left stuck in this phase (not
    /// final, its status unchanged for hours), where the usual advice, to
    /// wait, has run its course. `None` for a final phase, which is never
    /// stuck.
    pub const fn stuck_next_step(self) -> Option<&'static str> {
        Some(match self {
            Phase::Running => {
                "It should be working, yet its status has not moved for hours: check \
                 that the asset is on and its agent running and connected (a reboot or \
                 a lost connection silences it), then read the agent's log for this \
                 job. Run the job again for the asset if it does not recover."
            }
            Phase::Waiting => {
                "What it waits for has not happened in hours: see to it now (restart \
                 the asset, let the other job finish or stop it, ask the user to \
                 consent) rather than wait longer."
            }
            Phase::Queued => {
                "The agent has not picked the job up in hours: check that the asset is \
                 on and its agent online and checking in. An agent that cannot reach \
                 the platform never starts the job."
            }
            Phase::Unknown => {
                "Patchboard cannot read this status, and it has not changed in hours: \
                 look the raw value up in the backend and check the asset's agent."
            }
            _ => return None,
        })
    }

    /// What an operator can do about an asset in this phase.
    pub const fn next_step(self) -> &'static str {
        match self {
            Phase::Succeeded => "Nothing: the job is done on this asset.",
            Phase::Failed => {
                "Read the message and the failed patches, fix the cause on the asset \
                 (agent, license, disk, connectivity), then run the job again for it."
            }
            Phase::Canceled => {
                "The job was stopped on purpose. Schedule it outside the blackout \
                 window if the asset still needs the patches."
            }
            Phase::Skipped => {
                "Nothing was done on the asset in this run. Check that its agent is \
                 online and the asset is in the job's scope; a recurring job's next run \
                 picks it up, a one-off one needs running again for it."
            }
            Phase::NotApplicable => {
                "Nothing to deploy here. Review the job's targeting if the asset was \
                 expected to receive patches."
            }
            Phase::Running => "Wait: the agent is working. Watch for a change of status.",
            Phase::Waiting => {
                "Something must happen first: a restart, another job ending, or a \
                 user's consent. The message says which; if nothing changes within \
                 the patch window, see to that cause."
            }
            Phase::Queued => {
                "Wait for the agent to check in and pick the job up. If it stays queued \
                 past the window, check the agent's connectivity."
            }
            Phase::Unknown => {
                "Patchboard cannot read this status. Check the raw value shown and the \
                 backend's documentation."
            }
        }
    }
}
