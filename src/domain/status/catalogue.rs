//! The static status table. Codes, states, names and applicability are the
//! catalogue's facts, copied exactly; descriptions and phases are ours
//! (`docs/statuses.md` explains each phase).

use super::{Applicability, OsApplicability, StatusDef, StatusKey};
use crate::domain::phase::Phase;

const fn applies(
    windows: Applicability,
    linux: Applicability,
    mac: Applicability,
) -> OsApplicability {
    OsApplicability {
        windows,
        linux,
        mac,
    }
}

use Applicability::{No, NotStated, Yes};
const EVERY_OS: OsApplicability = applies(Yes, Yes, Yes);
const WINDOWS_ONLY: OsApplicability = applies(Yes, No, No);
const WINDOWS_AND_LINUX: OsApplicability = applies(Yes, Yes, No);
const NONE_STATED: OsApplicability = applies(NotStated, NotStated, NotStated);

/// Indexed by `StatusKey as usize`; a test checks every entry sits at its key.
pub(super) const CATALOGUE: [StatusDef; 19] = [
    StatusDef {
        key: StatusKey::Downloaded,
        code: 2031,
        state: 1,
        name: "Downloaded",
        description: "The patch files are on the asset; installing them is still to come.",
        phase: Phase::Running,
        applies: WINDOWS_ONLY,
    },
    StatusDef {
        key: StatusKey::DownloadingFailed,
        code: 2031,
        state: 2,
        name: "Downloading - Failed",
        description: "The asset could not fetch the patch files.",
        phase: Phase::Failed,
        applies: WINDOWS_ONLY,
    },
    StatusDef {
        key: StatusKey::Pending,
        code: 2032,
        state: 0,
        name: "Pending",
        description: "The job waits to be handed to the agent, or for the agent to fetch it.",
        phase: Phase::Queued,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::Patching,
        code: 2033,
        state: 0,
        name: "Patching",
        description: "Patches are being installed on the asset right now.",
        phase: Phase::Running,
        applies: WINDOWS_ONLY,
    },
    StatusDef {
        key: StatusKey::PendingReboot,
        code: 2034,
        state: 0,
        name: "Pending Reboot",
        description: "The asset needs a restart before this job can finish.",
        phase: Phase::Waiting,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::Rebooted,
        code: 2035,
        state: 0,
        name: "Rebooted",
        description: "The asset restarted once its patches were installed.",
        phase: Phase::Succeeded,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::Completed,
        code: 2036,
        state: 0,
        name: "Completed",
        description: "The job ran to its end on this asset.",
        phase: Phase::Succeeded,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::TimedOut,
        code: 2037,
        state: 0,
        name: "Timed Out",
        description: "The job ran out of time on this asset before finishing.",
        phase: Phase::Failed,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::CanceledBlackout,
        code: 2038,
        state: 0,
        name: "Canceled - Blackout",
        description:
            "The job did not run on this asset: a blackout window forbids patching at that time.",
        phase: Phase::Canceled,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::NotLicensed,
        code: 2039,
        state: 2,
        name: "Not Licensed",
        description: "The job was never sent: the asset holds no patch management license.",
        phase: Phase::Failed,
        applies: WINDOWS_ONLY,
    },
    StatusDef {
        key: StatusKey::JobStarted,
        code: 2044,
        state: 0,
        name: "Job Started",
        description: "The agent has begun work on the job.",
        phase: Phase::Running,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::JobResumed,
        code: 2045,
        state: 0,
        name: "Job Resumed",
        description: "The agent took the job up again after the asset restarted.",
        phase: Phase::Running,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::JobFailed,
        code: 2046,
        state: 0,
        name: "Job Failed",
        description: "The agent hit an error while running the job.",
        phase: Phase::Failed,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::NotApplicable,
        code: 2053,
        state: 1,
        name: "Not Applicable",
        description: "The job's patches do not fit this asset's operating system version.",
        phase: Phase::NotApplicable,
        applies: NONE_STATED,
    },
    StatusDef {
        key: StatusKey::JobReceived,
        code: 2055,
        state: 1,
        name: "Job Received",
        description: "The agent holds the job and will run it at its scheduled time.",
        phase: Phase::Queued,
        applies: EVERY_OS,
    },
    StatusDef {
        key: StatusKey::ExecutionBlocked,
        code: 2057,
        state: 1,
        name: "Execution Blocked",
        description: "The job missed its start time because another job still occupies the asset.",
        phase: Phase::Waiting,
        applies: WINDOWS_ONLY,
    },
    StatusDef {
        key: StatusKey::RebootDeferred,
        code: 2058,
        state: 0,
        name: "Reboot Deferred",
        description: "The person at the asset postponed the restart the job asked for.",
        phase: Phase::Waiting,
        applies: WINDOWS_AND_LINUX,
    },
    StatusDef {
        key: StatusKey::NoPatchAvailable,
        code: 2059,
        state: 1,
        name: "No Patch Available",
        description: "The job carries no patches and no pre- or post-actions: nothing to run.",
        phase: Phase::Skipped,
        applies: WINDOWS_ONLY,
    },
    StatusDef {
        key: StatusKey::Skipped,
        code: 2060,
        state: 1,
        name: "Skipped",
        description:
            "This run passed the asset by: its agent was offline, or the run did not concern it.",
        phase: Phase::Skipped,
        applies: WINDOWS_AND_LINUX,
    },
];
