//! The job result status catalogue: every status a deployment job can report
//! for an asset, keyed by (code, state), with its phase and OS applicability.
//!
//! Look-ups read a static table and never allocate; a row stores a
//! one-byte [`StatusKey`].

mod catalogue;
mod resolve;

pub use resolve::{names_match, resolve, resolve_key, ResolvedStatus};

use super::os::OsFamily;
use super::phase::Phase;
use catalogue::CATALOGUE;

/// One catalogued status, named after the status itself. Declared in
/// (code, state) order; `StatusKey::ALL[k as usize] == k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusKey {
    Downloaded,
    DownloadingFailed,
    Pending,
    Patching,
    PendingReboot,
    Rebooted,
    Completed,
    TimedOut,
    CanceledBlackout,
    NotLicensed,
    JobStarted,
    JobResumed,
    JobFailed,
    NotApplicable,
    JobReceived,
    ExecutionBlocked,
    RebootDeferred,
    NoPatchAvailable,
    Skipped,
}

/// Whether the catalogue says a status can occur on an OS family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Applicability {
    Yes,
    No,
    /// The catalogue is silent; never treated as an anomaly.
    NotStated,
}

impl Applicability {
    /// How the reference page and the export say it.
    pub const fn label(self) -> &'static str {
        match self {
            Applicability::Yes => "yes",
            Applicability::No => "no",
            Applicability::NotStated => "not stated",
        }
    }
}

/// Applicability of one status for each OS family the catalogue covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OsApplicability {
    pub windows: Applicability,
    pub linux: Applicability,
    pub mac: Applicability,
}

impl OsApplicability {
    /// What the catalogue says for `os`; nothing is stated for `Other`.
    pub const fn for_os(self, os: OsFamily) -> Applicability {
        match os {
            OsFamily::Windows => self.windows,
            OsFamily::Linux => self.linux,
            OsFamily::Mac => self.mac,
            OsFamily::Other => Applicability::NotStated,
        }
    }
}

/// The catalogue entry of one status.
#[derive(Debug, PartialEq, Eq)]
pub struct StatusDef {
    /// The key this entry sits at.
    pub key: StatusKey,
    /// The catalogue's status code (2031–2060).
    pub code: u16,
    /// The state number the catalogue pairs with the code (0, 1 or 2).
    pub state: u8,
    /// The name exactly as the catalogue spells it.
    pub name: &'static str,
    /// What the status means, in our words.
    pub description: &'static str,
    /// Our grouping of the status; `docs/statuses.md` says why.
    pub phase: Phase,
    /// Where the catalogue says the status can occur.
    pub applies: OsApplicability,
}

impl StatusDef {
    /// True when the catalogue says this status cannot occur on `os`: a result
    /// reporting it there is an anomaly worth showing. `NotStated` never is.
    pub const fn is_anomalous_on(&self, os: OsFamily) -> bool {
        matches!(self.applies.for_os(os), Applicability::No)
    }

    /// What an operator can do about an asset in this status: its phase's
    /// advice, except where the status itself says the phase's would be wrong.
    pub const fn next_step(&self) -> &'static str {
        match self.key {
            StatusKey::JobReceived => {
                "Nothing yet: the agent has the job and runs it at the scheduled time. \
                 If that time passes with no change, check the agent's connectivity."
            }
            StatusKey::NoPatchAvailable => {
                "Nothing to install. If this asset should get patches, add them (or a \
                 pre- or post-action) to the job and run it again."
            }
            // A failure with a known cause: its fix, not the general look-around.
            StatusKey::DownloadingFailed => {
                "Check that the asset can reach where the patches come from (proxy, \
                 firewall, name resolution) and has room to store them, then run the \
                 job again for it."
            }
            StatusKey::TimedOut => {
                "The message says what used up the time: put that right (a wider \
                 patch window, the other job finished or moved), then run the job \
                 again for it."
            }
            StatusKey::NotLicensed => {
                "Give the asset a patch management license (or free one held by a \
                 retired asset), then run the job again for it."
            }
            // What it waits for is in its name.
            StatusKey::PendingReboot => {
                "Restart the asset, or let a restart in its patch window happen, so \
                 that the job can finish."
            }
            _ => self.phase.next_step(),
        }
    }

    /// What to do about an asset stuck in this status (see
    /// [`Phase::stuck_next_step`]): its phase's advice, except where the
    /// status names what is awaited. Job Received's agent holds the job, so
    /// it is not a matter of the agent checking in.
    pub const fn stuck_next_step(&self) -> Option<&'static str> {
        Some(match self.key {
            StatusKey::JobReceived => {
                "The agent has held the job for hours past its start without \
                 starting it: check that the asset is on and its agent running, \
                 and that the job's schedule and time zone are the ones intended."
            }
            StatusKey::PendingReboot => {
                "The restart it waits for has not come in hours: restart the asset \
                 now, or have its user do it, so that the job can finish."
            }
            StatusKey::RebootDeferred => {
                "Its user has put the restart off for hours: ask them to restart now. \
                 If assets like this one must be patched sooner, let the job allow \
                 fewer postponements."
            }
            StatusKey::ExecutionBlocked => {
                "The job in its way has held the asset for hours: see whether that \
                 job is stuck itself, and let it finish or stop it. If the patch \
                 window closes first, this job times out here."
            }
            _ => return self.phase.stuck_next_step(),
        })
    }
}

impl StatusKey {
    /// Every status in catalogue order.
    pub const ALL: [StatusKey; 19] = [
        StatusKey::Downloaded,
        StatusKey::DownloadingFailed,
        StatusKey::Pending,
        StatusKey::Patching,
        StatusKey::PendingReboot,
        StatusKey::Rebooted,
        StatusKey::Completed,
        StatusKey::TimedOut,
        StatusKey::CanceledBlackout,
        StatusKey::NotLicensed,
        StatusKey::JobStarted,
        StatusKey::JobResumed,
        StatusKey::JobFailed,
        StatusKey::NotApplicable,
        StatusKey::JobReceived,
        StatusKey::ExecutionBlocked,
        StatusKey::RebootDeferred,
        StatusKey::NoPatchAvailable,
        StatusKey::Skipped,
    ];

    /// The catalogue entry.
    pub const fn def(self) -> &'static StatusDef {
        &CATALOGUE[self as usize]
    }

    /// Position in [`StatusKey::ALL`], for per-status count arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Shorthand for `self.def().phase`.
    pub const fn phase(self) -> Phase {
        self.def().phase
    }

    /// The statuses carrying `code`: none, one, or two for 2031.
    pub fn with_code(code: u16) -> impl Iterator<Item = StatusKey> {
        StatusKey::ALL
            .into_iter()
            .filter(move |key| key.def().code == code)
    }

    /// The status with exactly this code and state.
    pub fn from_code_state(code: u16, state: u8) -> Option<StatusKey> {
        StatusKey::with_code(code).find(|key| key.def().state == state)
    }

    /// The status with this name, ignoring case and punctuation
    /// (see [`names_match`]).
    pub fn from_name(name: &str) -> Option<StatusKey> {
        StatusKey::ALL
            .into_iter()
            .find(|key| names_match(key.def().name, name))
    }
}

/// Whether a Pending Reboot asset stops taking other jobs until it restarts.
/// Windows: yes, other jobs wait in its queue. Linux: no, it keeps taking
/// them. The catalogue says nothing for other families, hence `None`.
pub const fn pending_reboot_blocks_other_jobs(os: OsFamily) -> Option<bool> {
    match os {
        OsFamily::Windows => Some(true),
        OsFamily::Linux => Some(false),
        OsFamily::Mac | OsFamily::Other => None,
    }
}
