//! The explanatory message some statuses carry, as data. The UI renders it
//! with `Display` (our wording) or styles the parts itself.

use super::asset::{Deferrals, MessageFacts, PendingStage};
use super::decimal::{counted, grouped, listed_of, Noun};
use super::os::OsFamily;
use super::phase::Phase;
use super::status::{names_match, pending_reboot_blocks_other_jobs, StatusDef, StatusKey};
use std::fmt;

/// What an operator can do about an asset of family `os` in `status`: the
/// status's advice, except where the facts reported with it make that
/// advice wrong or a listed timeout reason calls for its own, or it points
/// to a message (`has_message`) the asset does not have.
pub fn next_step(
    status: &StatusDef,
    facts: &MessageFacts,
    has_message: bool,
    os: OsFamily,
) -> &'static str {
    let phase_advice = status.next_step() == status.phase.next_step();
    let listed_reason = facts
        .timeout_reason
        .as_deref()
        .filter(|_| status.key == StatusKey::TimedOut)
        .and_then(|reason| TimeoutReason::parse(reason, os));
    if let Some(reason) = listed_reason {
        return reason.next_step();
    }
    match status.key {
        _ if is_still_being_prepared(status, facts) => {
            "Nothing yet: the job is still being prepared and no agent can fetch it \
             before it is offered on schedule. If it stays here long past its start, \
             look at the job itself in the backend."
        }
        StatusKey::TimedOut if !has_message => {
            "The backend did not say what used up the time; the job's log there \
             does. Put that right (most often a patch window too short for the \
             work, or another job in the way), then run the job again for it."
        }
        _ if !has_message && phase_advice && status.phase == Phase::Waiting => {
            "Something must happen first: a restart, another job ending, or a \
             user's consent. The asset or the job's log in the backend says which; \
             if nothing changes within the patch window, see to that cause."
        }
        _ if !has_message && phase_advice && status.phase == Phase::Failed => {
            "Read the failed patches and the job's log in the backend, fix the cause \
             on the asset (agent, license, disk, connectivity), then run the job \
             again for it."
        }
        _ => status.next_step(),
    }
}

/// What an operator can do about an asset stuck in `status` (see
/// [`Phase::stuck_next_step`]): the status's advice, except for a job still
/// being prepared, which no agent can fetch yet.
pub fn stuck_next_step(status: &StatusDef, facts: &MessageFacts) -> Option<&'static str> {
    if is_still_being_prepared(status, facts) {
        return Some(
            "Still being prepared hours after it was due, so no agent could fetch \
             it: look at the job itself in the backend (its schedule, its patches) \
             to see why it is not offered.",
        );
    }
    status.stuck_next_step()
}

/// A Pending job not yet offered to the agents: the agent cannot fetch what
/// does not exist yet, so its connectivity is not the question.
fn is_still_being_prepared(status: &StatusDef, facts: &MessageFacts) -> bool {
    status.key == StatusKey::Pending && facts.pending_stage == Some(PendingStage::Preparing)
}

/// The message for one asset's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusMessage {
    /// Execution Blocked: `job` missed its start because `blocking_job` was
    /// running (`None` when the backend did not name it).
    ExecutionBlocked {
        job: String,
        blocking_job: Option<String>,
    },
    /// Reboot Deferred, with deferrals used and available.
    RebootDeferred(Deferrals),
    /// Pending, before or after the job was made available to the agent.
    Pending(PendingStage),
    /// Pending Reboot, where the OS family says what happens to other jobs.
    PendingReboot { blocks_other_jobs: bool },
    /// Timed Out, with the reason the backend gave.
    TimedOut(TimeoutCause),
}

/// Why a job timed out: a reason the catalogue lists, or the backend's own
/// text when we cannot place it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeoutCause {
    /// A listed reason; `words` keeps the backend's own text where it gave
    /// text, not a token, as a keyword match may miss a detail it holds.
    Listed {
        reason: TimeoutReason,
        words: Option<String>,
    },
    Unlisted(String),
}

/// The timeout reasons the catalogue lists; [`TimeoutReason::listed_for`]
/// says which belong to which OS family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeoutReason {
    RebootOutsideWindow,
    ManifestNotFetched,
    DownloadFilledWindow,
    ScriptFilledWindow,
    StartPermissionLate,
    CallAfterWindow,
    AnotherJobRunning,
    NotFinishedInWindow,
    ExecutionTimedOut,
}

use TimeoutReason::*;

/// Listed for Windows jobs, in the catalogue's order.
const WINDOWS_REASONS: [TimeoutReason; 6] = [
    RebootOutsideWindow,
    DownloadFilledWindow,
    ScriptFilledWindow,
    AnotherJobRunning,
    ManifestNotFetched,
    StartPermissionLate,
];
/// Listed for Linux jobs, in the catalogue's order.
const LINUX_REASONS: [TimeoutReason; 4] = [
    ExecutionTimedOut,
    CallAfterWindow,
    AnotherJobRunning,
    NotFinishedInWindow,
];
/// Every reason in matching priority: a reason whose keywords are a subset of
/// another's comes after it ("another job" after "manifest"; the bare
/// "execution" + "timed out" last).
const MATCH_ORDER: [TimeoutReason; 9] = [
    RebootOutsideWindow,
    ManifestNotFetched,
    DownloadFilledWindow,
    ScriptFilledWindow,
    StartPermissionLate,
    CallAfterWindow,
    AnotherJobRunning,
    NotFinishedInWindow,
    ExecutionTimedOut,
];

impl TimeoutReason {
    /// The reasons the catalogue lists for `os`. Mac and unplaced assets have
    /// no list of their own, so every reason is a candidate for them.
    pub const fn listed_for(os: OsFamily) -> &'static [TimeoutReason] {
        match os {
            OsFamily::Windows => &WINDOWS_REASONS,
            OsFamily::Linux => &LINUX_REASONS,
            OsFamily::Mac | OsFamily::Other => &MATCH_ORDER,
        }
    }

    /// A stable token a backend adapter may send instead of text.
    pub const fn as_str(self) -> &'static str {
        match self {
            RebootOutsideWindow => "reboot-outside-window",
            ManifestNotFetched => "manifest-not-fetched",
            DownloadFilledWindow => "download-filled-window",
            ScriptFilledWindow => "script-filled-window",
            StartPermissionLate => "start-permission-late",
            CallAfterWindow => "call-after-window",
            AnotherJobRunning => "another-job-running",
            NotFinishedInWindow => "not-finished-in-window",
            ExecutionTimedOut => "execution-timed-out",
        }
    }

    /// How a backend's text names this reason: lowercase words, one of each
    /// group. Each names the cause and what it did, so that text which only
    /// mentions a download or a reboot stays the backend's own.
    const fn keywords(self) -> &'static [&'static [&'static str]] {
        match self {
            RebootOutsideWindow => &[&["reboot"], &["outside"]],
            ManifestNotFetched => &[&["manifest"]],
            DownloadFilledWindow => &[&["download"], USED_UP],
            ScriptFilledWindow => &[&["script"], USED_UP],
            StartPermissionLate => &[&["permission"], &["late", "delay"]],
            CallAfterWindow => &[&["capi"]],
            AnotherJobRunning => &[&["another job"]],
            // "could not complete within the window", or a code such as
            // `window_exceeded`.
            NotFinishedInWindow => &[&["window"], &["complete", "exceed"]],
            ExecutionTimedOut => &[&["execution"], &["timed out"]],
        }
    }

    /// Our explanation of the reason.
    pub const fn text(self) -> &'static str {
        match self {
            RebootOutsideWindow => "the asset restarted outside the patch window while post-deployment actions were still to run",
            ManifestNotFetched => "another job was running and the agent never fetched this job's manifest",
            DownloadFilledWindow => "fetching the patches used up the whole patch window",
            ScriptFilledWindow => "an action script ran for the whole patch window",
            StartPermissionLate => "permission to start patching came too late",
            CallAfterWindow => "the agent reported to the platform (its CAPI call) only after the job window had closed",
            AnotherJobRunning => "another job was running on the asset",
            NotFinishedInWindow => "the work could not finish inside the patch window",
            ExecutionTimedOut => "execution ran past its time limit",
        }
    }

    /// What to do about a timeout for this reason, in place of the
    /// status's advice, which names remedies for several.
    pub const fn next_step(self) -> &'static str {
        match self {
            RebootOutsideWindow => {
                "Keep the asset's restarts inside the patch window, or leave more of \
                 the window for the post-deployment actions, then run the job again \
                 for it."
            }
            ManifestNotFetched | AnotherJobRunning => {
                "Let the other job finish, or move one of the two so they do not \
                 meet, then run this job again for the asset."
            }
            DownloadFilledWindow => {
                "Widen the patch window, or see why the asset fetches slowly from \
                 where its patches come from, then run the job again for it."
            }
            ScriptFilledWindow => {
                "Shorten the action script or give it a time limit, or widen the \
                 patch window, then run the job again for it."
            }
            StartPermissionLate => {
                "See what holds the start back on this asset (a user's consent, a \
                 start condition of the job) so that it comes sooner, or widen the \
                 patch window, then run the job again for it."
            }
            CallAfterWindow => {
                "See why the agent reports late (asleep, offline, or checking in \
                 seldom) and fix that, or widen the patch window, then run the job \
                 again for it."
            }
            NotFinishedInWindow => {
                "Widen the patch window, or split the job's patches over more than \
                 one job, then run it again for the asset."
            }
            ExecutionTimedOut => {
                "Find the step that hung in the job's log, put it right on the \
                 asset, then run the job again for it."
            }
        }
    }

    /// Places a backend's reason, given as a token ([`TimeoutReason::as_str`])
    /// or as free text, among the reasons listed for `os`. Text is matched
    /// by keywords, so rewording and punctuation do not matter.
    pub fn parse(reason: &str, os: OsFamily) -> Option<TimeoutReason> {
        let candidates = TimeoutReason::listed_for(os);
        let by_token = candidates
            .iter()
            .find(|listed| names_match(listed.as_str(), reason));
        // The keywords are ASCII, so folding ASCII alone is enough to match them.
        let lowered = reason.to_ascii_lowercase();
        let by_keywords = || {
            MATCH_ORDER.iter().find(|listed| {
                candidates.contains(listed)
                    && listed
                        .keywords()
                        .iter()
                        .all(|group| group.iter().any(|word| lowered.contains(word)))
            })
        };
        by_token.or_else(by_keywords).copied()
    }
}

/// Words that say a cause took up the whole window.
const USED_UP: &[&str] = &[
    "entire", "whole", "all of", "took", "used up", "consumed", "exceed",
];

impl TimeoutCause {
    /// A listed reason when the text can be placed, else the text itself.
    pub fn parse(reason: &str, os: OsFamily) -> TimeoutCause {
        let text = reason.trim();
        match TimeoutReason::parse(text, os) {
            Some(listed) => TimeoutCause::Listed {
                reason: listed,
                words: (!names_match(listed.as_str(), text)).then(|| text.to_owned()),
            },
            None => TimeoutCause::Unlisted(text.to_owned()),
        }
    }
}

/// The message for `status` on an asset of family `os` in the job named
/// `this_job_name`, or `None` when the status has none or the facts it needs
/// are missing.
pub fn message_for(
    status: StatusKey,
    facts: &MessageFacts,
    this_job_name: &str,
    os: OsFamily,
) -> Option<StatusMessage> {
    match status {
        StatusKey::ExecutionBlocked => Some(StatusMessage::ExecutionBlocked {
            job: this_job_name.to_owned(),
            blocking_job: facts.blocking_job.clone(),
        }),
        StatusKey::RebootDeferred => facts.deferrals.map(StatusMessage::RebootDeferred),
        StatusKey::Pending => facts.pending_stage.map(StatusMessage::Pending),
        StatusKey::PendingReboot => pending_reboot_blocks_other_jobs(os)
            .map(|blocks_other_jobs| StatusMessage::PendingReboot { blocks_other_jobs }),
        StatusKey::TimedOut => facts
            .timeout_reason
            .as_deref()
            .filter(|reason| !reason.trim().is_empty())
            .map(|reason| StatusMessage::TimedOut(TimeoutCause::parse(reason, os))),
        _ => None,
    }
}

impl fmt::Display for StatusMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusMessage::ExecutionBlocked { job, blocking_job } => {
                let blocker = match blocking_job {
                    Some(name) => format!("'{name}'"),
                    None => "another job".to_owned(),
                };
                // Unnamed, the blocker is "another job" once and "that job"
                // after: "if another job ends" would read as any job at all.
                let again = match blocking_job {
                    Some(_) => blocker.as_str(),
                    None => "that job",
                };
                write!(
                    f,
                    "'{job}' missed its start time: {blocker} still occupies the asset. \
                     '{job}' goes ahead if {again} ends while the patch window is open, \
                     and times out if not."
                )
            }
            StatusMessage::RebootDeferred(Deferrals { used, available }) => {
                let count = |n: u32| counted(n.into(), Noun::DEFERRALS);
                match (used, available) {
                    // An allowance lowered after the restarts were put off.
                    (Some(used), Some(available)) if used > available => write!(
                        f,
                        "The user postponed the restart: {} used, more than the {} now allowed.",
                        count(*used),
                        grouped((*available).into())
                    ),
                    (Some(used), Some(available)) => write!(
                        f,
                        "The user postponed the restart: {} used.",
                        listed_of((*used).into(), (*available).into(), Noun::DEFERRALS)
                    ),
                    (Some(used), None) => write!(
                        f,
                        "The user postponed the restart: {} used; how many are allowed is not reported.",
                        count(*used)
                    ),
                    (None, Some(available)) => write!(
                        f,
                        "The user postponed the restart; {} allowed, how many are used is not reported.",
                        count(*available)
                    ),
                    (None, None) => f.write_str("The user postponed the restart."),
                }
            }
            StatusMessage::Pending(PendingStage::Preparing) => f.write_str(
                "The job is still being prepared; the agent can fetch it once it is released at its scheduled time.",
            ),
            StatusMessage::Pending(PendingStage::AvailableForDownload) => {
                f.write_str("The job is ready; the agent fetches it at its next check-in.")
            }
            StatusMessage::PendingReboot {
                blocks_other_jobs: true,
            } => f.write_str(
                "Waiting for a restart. Until then this asset takes no other job: later jobs wait their turn.",
            ),
            StatusMessage::PendingReboot {
                blocks_other_jobs: false,
            } => f.write_str("Waiting for a restart. Meanwhile this asset keeps taking other jobs."),
            StatusMessage::TimedOut(TimeoutCause::Listed {
                reason,
                words: None,
            }) => write!(f, "Timed out: {}.", reason.text()),
            StatusMessage::TimedOut(TimeoutCause::Listed {
                reason,
                words: Some(words),
            }) => write!(f, "Timed out: {} (reported as \"{words}\").", reason.text()),
            StatusMessage::TimedOut(TimeoutCause::Unlisted(text)) => {
                write!(f, "Timed out: {text}")
            }
        }
    }
}
