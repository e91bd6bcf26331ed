//! The catalogue text: one entry per exemption and warning.
//!
//! Names are the vendor's, verbatim. Meanings and fixes are ours. Where the
//! vendor gave no meaning, no reasons or no usable steps, `our_addition` says
//! what we supplied so the UI and docs can mark it.

use super::kind::{ExemptionKind, Warning};
use crate::domain::os::OsFamily;

/// What the catalogue knows about one exemption or warning.
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogueEntry {
    /// The vendor's exact name.
    pub name: &'static str,
    /// Short forms backends and people use for the same thing.
    pub aliases: &'static [&'static str],
    /// What it means, in our words.
    pub meaning: &'static str,
    /// Steps to clear it, in order.
    pub fix: &'static [&'static str],
    /// What we wrote because the vendor text left it out; `None` when it was complete.
    pub our_addition: Option<&'static str>,
}

impl CatalogueEntry {
    /// True when part of this entry is ours rather than the vendor's.
    pub fn completed_by_us(&self) -> bool {
        self.our_addition.is_some()
    }
}

const FIX_IS_OURS: Option<&str> = Some("JetPatch gives no fix; the steps are Patchboard's.");
const WINDOWS_INAPPLICABLE_IS_OURS: Option<&str> = Some(
    "JetPatch lists no Windows reasons and gives only a link; the Windows reasons and the steps \
     are Patchboard's.",
);
const READINESS_FIX_IS_OURS: Option<&str> =
    Some("JetPatch only points to its Readiness article; the steps are Patchboard's.");

/// Patching Inapplicable's steps for any OS.
const COMPARE_WITH_SUPPORTED_PLATFORMS: &str =
    "Compare the endpoint's OS, release and architecture with the JetPatch supported platforms \
     list.";
const RETIRE_OR_EXCLUDE: &str = "If the OS is out of support, upgrade or replace it, or exclude \
     the endpoint from patching so it stops counting as blocked.";

pub(super) fn exemption(kind: ExemptionKind) -> &'static CatalogueEntry {
    use ExemptionKind::*;
    match kind {
        UntestedEndpoint => &CatalogueEntry {
            name: "Untested Endpoint",
            aliases: &[],
            meaning: "The endpoint is in the inventory, but JetPatch has never seen a connector \
                      installed on it, so nothing on the machine can carry out patching.",
            fix: &[
                "If only a few endpoints show this, install the connector on them (or find out \
                 why its installation failed) and wait for it to register.",
                "If most or all endpoints show this, especially ones that were connected \
                 before, check the JetPatch server first: its connection service, and the \
                 network and firewall path from it to the endpoints.",
                "Refresh the endpoint list and check that the connection status has changed.",
            ],
            our_addition: Some(
                "JetPatch names the two situations but gives no steps; the steps are Patchboard's.",
            ),
        },
        PatchingInapplicable => &CatalogueEntry {
            name: "Patching Inapplicable",
            aliases: &[],
            meaning: "The operating system on the endpoint is not one JetPatch can patch. On \
                      Linux the distribution or release is outside the supported list. On \
                      Windows the usual causes are a release that has left support, an edition \
                      or architecture JetPatch does not handle, or a Windows Update agent that \
                      is disabled or missing.",
            fix: &[
                COMPARE_WITH_SUPPORTED_PLATFORMS,
                RETIRE_OR_EXCLUDE,
                "On Windows, make sure the Windows Update service is enabled and not blocked by \
                 policy, then rescan the endpoint.",
            ],
            our_addition: WINDOWS_INAPPLICABLE_IS_OURS,
        },
        PoweredOff => &CatalogueEntry {
            name: "Powered Off",
            aliases: &[],
            meaning: "The machine is switched off, so nothing can be installed on it.",
            fix: &[
                "Start the machine (or its virtual machine) and wait until it reports as \
                 powered on.",
                "If it is meant to stay off, exclude it from patching instead.",
            ],
            our_addition: Some(
                "JetPatch says to power the machine on; step 2, excluding one meant to stay \
                 off, is Patchboard's.",
            ),
        },
        PowerSuspended => &CatalogueEntry {
            name: "Power Suspended",
            aliases: &[],
            meaning: "The machine, usually a virtual machine, is paused and runs nothing until \
                      it is resumed.",
            fix: &[
                "Resume the virtual machine from its hypervisor or cloud console.",
                "Check that the endpoint reports as powered on before the next patch run.",
            ],
            our_addition: FIX_IS_OURS,
        },
        PowerUnknown => &CatalogueEntry {
            name: "Power Unknown",
            aliases: &[],
            meaning: "JetPatch cannot tell whether the machine is on or off.",
            fix: &[
                "Look at the machine's state directly: in the hypervisor or cloud console, or \
                 on the host itself.",
                "Check that the integration JetPatch uses to read power state (for example its \
                 hypervisor account) still works.",
                "Once the machine is known to be on, refresh the endpoint.",
            ],
            our_addition: FIX_IS_OURS,
        },
        Disconnected => &CatalogueEntry {
            name: "Disconnected",
            aliases: &[],
            meaning: "JetPatch has lost contact with the endpoint: over SSH or SMB it could not \
                      open a connection, and with the web connector the endpoint has stopped \
                      checking in.",
            fix: &[
                "Check that the machine is running and on the network.",
                "For SSH or SMB, test a connection from the JetPatch server and check the ports \
                 and firewalls in between.",
                "For the web connector, make sure its service runs and can reach the JetPatch \
                 server.",
            ],
            our_addition: None,
        },
        ConnectorNotInstalled => &CatalogueEntry {
            name: "Connector Not Installed / Available",
            aliases: &["Connector Not Installed", "Connector Not Available"],
            meaning: "JetPatch holds working credentials for the endpoint but has not put its \
                      connector on it yet.",
            fix: &[
                "Deploy the JetPatch connector to the endpoint with the stored credentials.",
                "Wait for the endpoint to show as connected.",
            ],
            our_addition: None,
        },
        ConnectorDown => &CatalogueEntry {
            name: "Connector Down",
            aliases: &[],
            meaning: "The machine answers on the network, but the connector service on it is \
                      not running.",
            fix: &[
                "Start the connector service on the endpoint.",
                "If it stops again, read its log for the reason (crash, expired certificate, \
                 blocked port).",
                "Wait for the endpoint to show as connected.",
            ],
            our_addition: Some(
                "JetPatch says to restore the connector's connection; step 2, reading its log \
                 when it stops again, is Patchboard's.",
            ),
        },
        NotReachable => &CatalogueEntry {
            name: "Not Reachable",
            aliases: &[],
            meaning: "The endpoint cannot be reached over the network at all.",
            fix: &[
                "Check that the machine is running and its address or host name has not \
                 changed.",
                "Check routing, DNS and firewalls between JetPatch and the endpoint.",
                "Refresh the endpoint once it answers again.",
            ],
            our_addition: None,
        },
        InvalidCredentials => &CatalogueEntry {
            name: "Invalid Credentials",
            aliases: &[],
            meaning: "The endpoint rejects the account JetPatch signs in with, so JetPatch \
                      cannot manage it.",
            fix: &[
                "Find out whether the account was locked, disabled, expired or had its \
                 password or key changed.",
                "Update the credentials JetPatch stores for this endpoint.",
                "Test the connection again.",
            ],
            our_addition: None,
        },
        AwaitingMaintenanceWindow => &CatalogueEntry {
            name: "Awaiting Maintenance Window",
            aliases: &[],
            meaning: "The endpoint's maintenance schedule has windows ahead, but none has begun; \
                      patching waits for the next one.",
            fix: &[
                "Nothing to do if the next window is soon enough: patching starts when it \
                 opens.",
                "If patches are needed sooner, add an earlier entry to the schedule or assign \
                 the endpoint a schedule with a window open now.",
            ],
            our_addition: Some(
                "JetPatch only points to its maintenance schedule article; the steps are Patchboard's.",
            ),
        },
        MaintenanceWindowRequired => &CatalogueEntry {
            name: "Maintenance Window Required",
            aliases: &[],
            meaning: "No maintenance schedule is assigned to the endpoint, so there is never a \
                      time in which patching is allowed.",
            fix: &[
                "Assign a maintenance schedule to the endpoint, directly or through its group.",
                "Make sure that schedule has at least one window ahead.",
            ],
            our_addition: FIX_IS_OURS,
        },
        MaintenanceWindowExpired => &CatalogueEntry {
            name: "Maintenance Window Expired",
            aliases: &[],
            meaning: "Every window in the endpoint's maintenance schedule lies in the past; none \
                      is left to patch in.",
            fix: &[
                "Add future windows to the schedule, or make it recurring.",
                "Or assign the endpoint a schedule that has windows ahead.",
            ],
            our_addition: FIX_IS_OURS,
        },
        NoMaintenanceEntry => &CatalogueEntry {
            name: "No Maintenance Entry",
            aliases: &[],
            meaning: "The endpoint has a maintenance schedule, but the schedule holds no windows \
                      at all.",
            fix: &[
                "Add at least one window to the schedule.",
                "Or assign the endpoint a schedule that already has windows.",
            ],
            our_addition: FIX_IS_OURS,
        },
        MaintenanceWindowTimeout => &CatalogueEntry {
            name: "Maintenance Window Timeout",
            aliases: &[],
            meaning: "The last maintenance window closed before all of the endpoint's patches \
                      were deployed; the rest wait for another window.",
            fix: &[
                "Lengthen the schedule's windows or add more of them.",
                "Find out why deployment was slow: large updates, slow downloads or reboots \
                 inside the window.",
                "If the backlog is large, split it over several jobs.",
            ],
            our_addition: FIX_IS_OURS,
        },
        SuspendedByUser => &CatalogueEntry {
            name: "Suspended by User",
            aliases: &[],
            meaning: "Someone paused patching for this endpoint by hand, for a number of patch \
                      cycles or for a range of dates.",
            fix: &[
                "Ask whoever set the suspension whether it is still needed.",
                "Remove the suspension, or let it lapse, to resume patching.",
            ],
            our_addition: None,
        },
        UnsupportedPowerShellExecutionPolicy => &CatalogueEntry {
            name: "Unsupported PowerShell Execution Policy",
            aliases: &["Unsupported PS Execution Policy"],
            meaning: "PowerShell on the endpoint runs under the AllSigned or Restricted \
                      execution policy, which stops JetPatch's scripts from running.",
            fix: &[
                "Run Get-ExecutionPolicy -List on the endpoint to see which scope sets the \
                 policy.",
                "Set a policy that lets the scripts run, such as RemoteSigned, locally or \
                 through Group Policy.",
                "Rescan the endpoint.",
            ],
            our_addition: FIX_IS_OURS,
        },
        UnsupportedPowerShellVersion => &CatalogueEntry {
            name: "Unsupported PowerShell Version",
            aliases: &["Unsupported PS Version"],
            meaning: "The endpoint has PowerShell 2 or older, too old for JetPatch's scripts.",
            fix: &[
                "Install a current Windows Management Framework (PowerShell 5.1) on the \
                 endpoint.",
                "Restart it if the installer asks, then rescan the endpoint.",
            ],
            our_addition: FIX_IS_OURS,
        },
        AdvisoriesNotExist => &CatalogueEntry {
            name: "Advisories Not Exist",
            aliases: &["Advisories Missing"],
            meaning: "This endpoint has received no advisory (errata) data from the \
                      repositories set in JetPatch's settings, so JetPatch cannot tell \
                      which updates apply to it.",
            fix: &[
                "Check that the repositories in JetPatch's settings cover this endpoint's OS \
                 and release.",
                "Synchronize those repositories so their advisory data is downloaded.",
                "Run the readiness check on the endpoint again.",
            ],
            our_addition: READINESS_FIX_IS_OURS,
        },
        PackagesNotExist => &CatalogueEntry {
            name: "Packages Not Exist",
            aliases: &["Packages Missing"],
            meaning: "None of the repositories set up for patching offers packages this \
                      endpoint can install.",
            fix: &[
                "Check that a configured repository matches the endpoint's OS release and \
                 architecture.",
                "Make sure that repository is synchronized and reachable from the endpoint.",
                "Run the readiness check on the endpoint again.",
            ],
            our_addition: READINESS_FIX_IS_OURS,
        },
        WrongRepositoriesConfiguration => &CatalogueEntry {
            name: "Wrong Repositories Configuration",
            aliases: &["Wrong Repositories"],
            meaning: "The package sources set up on the endpoint do not match the repositories \
                      configured in JetPatch, or cannot be used, so patches cannot come from the \
                      expected place.",
            fix: &[
                "Compare the endpoint's package sources (its yum, dnf, zypper or apt \
                 configuration) with the repositories in JetPatch's settings.",
                "Correct or remove the entries that differ or fail.",
                "Run the readiness check on the endpoint again.",
            ],
            our_addition: Some(
                "JetPatch gives no meaning and only points to its Readiness article; the \
                 meaning and the steps are Patchboard's.",
            ),
        },
        SubscriptionMissing => &CatalogueEntry {
            name: "Subscription Missing",
            aliases: &[],
            meaning: "The endpoint has no valid subscription for its vendor's updates, for \
                      example a lapsed Red Hat or SUSE registration.",
            fix: &[
                "Register the endpoint or renew its subscription.",
                "Refresh the subscription data on the endpoint.",
                "Run the readiness check on the endpoint again.",
            ],
            our_addition: READINESS_FIX_IS_OURS,
        },
        WsusCommunicationProblems => &CatalogueEntry {
            name: "WSUS Communication Problems",
            aliases: &["WSUS Communication Problem"],
            meaning: "The endpoint has not reported to its WSUS server within the allowed \
                      time, so what WSUS knows about it is stale or missing.",
            fix: &[
                "Check that the Windows Update service runs on the endpoint.",
                "Check that its WSUS server address (usually set by Group Policy) is right and \
                 reachable from it.",
                "Make it report now, for example by running usoclient StartScan \
                 (wuauclt /reportnow on older releases).",
                "If the endpoint reports less often by design, allow it longer: in JetPatch, \
                 and, where Patchboard judges the report's age, in its configuration \
                 (wsus_report_max_days).",
            ],
            our_addition: READINESS_FIX_IS_OURS,
        },
        UnknownEndpoint => &CatalogueEntry {
            name: "Unknown Endpoint",
            aliases: &[],
            meaning: "A vulnerability scanner found this machine, but JetPatch does not \
                      manage it.",
            fix: &[
                "Decide whether the machine should be managed.",
                "If so, give JetPatch credentials for it and deploy the connector.",
            ],
            our_addition: Some(
                "JetPatch says to deploy the connector; step 1, deciding first whether the \
                 machine should be managed, is Patchboard's.",
            ),
        },
        PendingUserAction => &CatalogueEntry {
            name: "Pending User Action",
            aliases: &[],
            meaning: "The endpoint, a virtual machine, is frozen and waits for someone to act \
                      before it carries on.",
            fix: &[
                "Open the machine's console in the hypervisor and answer whatever question or \
                 prompt holds it.",
                "Once it runs normally again, refresh the endpoint.",
            ],
            our_addition: FIX_IS_OURS,
        },
        PendingRebootSuspension => &CatalogueEntry {
            name: "Pending Reboot Suspension",
            aliases: &["Pending Reboot"],
            meaning: "Patching finished, but the machine has to restart before it can be \
                      patched again.",
            fix: &[
                "Restart the machine.",
                "Check that it comes back up and its connector reconnects.",
                "Then wait a day for the suspension to lift.",
            ],
            our_addition: Some(
                "JetPatch lists steps 1 and 3; step 2, checking that the machine comes \
                 back, is Patchboard's.",
            ),
        },
    }
}

/// A meaning and fix written for endpoints of one OS family, where the
/// general entry names the reasons of several: an operator looking at one
/// Linux machine should not have to read past the Windows causes.
#[derive(Debug, PartialEq, Eq)]
pub struct FamilyText {
    pub meaning: &'static str,
    pub fix: &'static [&'static str],
    /// As [`CatalogueEntry::our_addition`], for this text.
    pub our_addition: Option<&'static str>,
}

pub(super) fn exemption_on(kind: ExemptionKind, family: OsFamily) -> Option<&'static FamilyText> {
    match (kind, family) {
        (ExemptionKind::PatchingInapplicable, OsFamily::Linux) => Some(&FamilyText {
            meaning: "This Linux endpoint runs a distribution or release that JetPatch does not \
                      support for patching.",
            fix: &[
                "Compare the endpoint's distribution, release and architecture with the \
                 JetPatch supported platforms list.",
                "Upgrade it to a supported release or replace it; if neither can happen soon, \
                 exclude the endpoint from patching so it stops counting as blocked.",
            ],
            our_addition: Some(
                "JetPatch gives only a link to its supported platforms; the steps are \
                 Patchboard's.",
            ),
        }),
        (ExemptionKind::PatchingInapplicable, OsFamily::Windows) => Some(&FamilyText {
            meaning: "JetPatch cannot patch this Windows endpoint. The usual causes are a \
                      release that has left support, an edition or architecture JetPatch does \
                      not handle, or a Windows Update agent that is disabled or missing.",
            fix: &[
                "Make sure the Windows Update service is enabled and not blocked by policy, \
                 then rescan the endpoint.",
                "Compare the endpoint's release, edition and architecture with the JetPatch \
                 supported platforms list.",
                "If the release is out of support, upgrade or replace it, or exclude the \
                 endpoint from patching so it stops counting as blocked.",
            ],
            our_addition: WINDOWS_INAPPLICABLE_IS_OURS,
        }),
        // The vendor names Linux and Windows causes only: for any other
        // OS, neither list applies.
        (ExemptionKind::PatchingInapplicable, OsFamily::Mac | OsFamily::Other) => {
            Some(&FamilyText {
                meaning: "The operating system on this endpoint is not one JetPatch can patch.",
                fix: &[COMPARE_WITH_SUPPORTED_PLATFORMS, RETIRE_OR_EXCLUDE],
                our_addition: Some(
                    "JetPatch names Linux and Windows causes only and gives a link; this \
                     meaning and the steps are Patchboard's.",
                ),
            })
        }
        _ => None,
    }
}

pub(super) fn warning(warning: Warning) -> &'static CatalogueEntry {
    match warning {
        Warning::LowDiskSpace => &CatalogueEntry {
            name: "Low Disk Space",
            aliases: &[],
            meaning: "At least one drive on the endpoint is 90% full or more, so patches may \
                      not fit when they download or install.",
            fix: &[
                "Find the fullest drive: the endpoint's panel in Patchboard lists each \
                 drive. In JetPatch, open Platform Configuration, Servers, narrow the list \
                 to the endpoint and hover over its Disk Space In Use figure to see each \
                 drive. No such figure in the list? Show its column in Table Settings (the \
                 button at the upper right).",
                "Free space on it (old update caches, logs, temporary files) or enlarge it.",
                "Check that every drive is below 90% before the next patch run.",
            ],
            our_addition: Some(
                "JetPatch says where to check disk space but not how to fix it; the steps \
                 are Patchboard's.",
            ),
        },
    }
}

/// What Patchboard says of an exemption name the backend reports and the
/// catalogue does not know (a newer JetPatch's, or the backend's own).
pub const UNKNOWN_MEANING: &str =
    "The backend reported an exemption Patchboard does not know; it is counted as Cannot patch.";

/// The steps for such a name: Patchboard cannot say how to clear it.
pub const UNKNOWN_FIX: &[&str] = &[
    "Ask whoever runs the backend what the name means, or look it up in its documentation \
     (a newer JetPatch's, where the backend is one).",
    "Clear it as they say; the endpoint is listed here until the backend stops reporting it.",
];
