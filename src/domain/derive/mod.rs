//! Deriving an endpoint's exemptions and warnings from its raw facts.
//!
//! Rules and the choices the vendor leaves open (see docs/exemptions.md):
//! - Time spans are half-open: a maintenance window or a date suspension
//!   covers `start <= now < end`, so one ending exactly `now` has ended.
//! - At most one maintenance exemption. An open window wins (none); then a
//!   window that ran out (Timeout), because it is the one that needs action;
//!   then a window ahead (Awaiting); else all have ended (Expired).
//! - Unknown facts (`None`) never produce an exemption, except that a missing
//!   schedule is itself the fact behind Maintenance Window Required (where
//!   the mapping carries schedules, `MaintenanceReported`), and a missing
//!   WSUS report time may be a problem by policy. A schedule or
//!   report time the backend sent but that could not be read
//!   (`Endpoint::unreadable`) produces neither.
//! - PowerShell and WSUS rules apply to Windows endpoints only.
//! - An endpoint JetPatch does not manage (Unknown Endpoint) gets no
//!   maintenance exemption.

mod derived;
mod evidence_text;

pub use evidence_text::reported_low_disk;

pub use derived::{
    BlockingPolicy, Derived, DriveUsage, EndpointExemption, Evidence, LowDiskSpace, Origin,
};

use crate::domain::endpoint::{
    ConnectorState, Drive, Endpoint, MaintenanceSchedule, PowerState, Suspension,
};
use crate::domain::exemption::ExemptionKind;
use crate::domain::os::OsFamily;
use crate::domain::time::Timestamp;
use std::time::Duration;

/// A drive this full (percent used) or fuller raises Low Disk Space.
pub const LOW_DISK_THRESHOLD_PERCENT: f64 = 90.0;

/// Whether a drive `used_percent` full raises Low Disk Space: the rule the
/// warning and the endpoint panel's marked drives share.
pub fn raises_low_disk(used_percent: f64) -> bool {
    used_percent >= LOW_DISK_THRESHOLD_PERCENT
}

/// A drive's used share as the screen and the export show it: one decimal,
/// rounded down. Rounded to nearest, 89.95 would read "90.0", the Low Disk
/// Space mark, on a drive that has not reached it.
pub fn percent_used(percent: f64) -> String {
    crate::domain::decimal::fixed((percent * 10.0).floor() / 10.0, 1)
}

/// The PowerShell major versions too old for JetPatch: this and below.
const NEWEST_UNSUPPORTED_POWERSHELL: u32 = 2;

/// How many days a Windows endpoint may go without reporting to WSUS unless
/// the configuration says (`wsus_report_max_days`): a week covers the
/// weekly report cycle plus a missed run.
pub const DEFAULT_WSUS_REPORT_MAX_DAYS: u32 = 7;

/// The settings derivation needs that the vendor leaves configurable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivationPolicy {
    /// A Windows endpoint whose last WSUS report is older than this has WSUS
    /// Communication Problems; one exactly this old does not.
    pub wsus_report_max_age: Duration,
    /// Whether a Windows endpoint with no WSUS report time counts as a problem.
    /// Off by default: many backends omit the field, and flagging every such
    /// endpoint would bury real problems.
    pub missing_wsus_report_is_problem: bool,
    /// What the backend reports of maintenance schedules, by its mapping.
    pub maintenance: MaintenanceReported,
}

/// What a backend's field mapping carries of endpoints' maintenance
/// schedules, and so what the absence of a schedule or a window tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaintenanceReported {
    /// A schedule's name or windows are mapped: an endpoint without a
    /// schedule has none. Otherwise it is not known, and no Maintenance
    /// Window Required is derived.
    pub schedules: bool,
    /// The windows are mapped: a schedule's windows are all it has.
    /// Otherwise none of the exemptions judged by windows is derived, but
    /// Timeout, whose flag is a fact of its own.
    pub windows: bool,
}

impl MaintenanceReported {
    pub const ALL: MaintenanceReported = MaintenanceReported {
        schedules: true,
        windows: true,
    };

    /// Why maintenance goes partly or wholly unjudged, when it does.
    pub fn unjudged(self) -> Option<&'static str> {
        if !self.schedules {
            Some(
                "The configuration maps neither maintenance_name nor maintenance_windows for \
                 endpoints, so no endpoint is held back for want of a schedule or a window. \
                 Map them to judge them.",
            )
        } else if !self.windows {
            Some(
                "The configuration maps maintenance_name but not maintenance_windows for \
                 endpoints: an endpoint without a schedule is held back, but none for its \
                 windows. Map maintenance_windows to judge them.",
            )
        } else {
            None
        }
    }
}

impl Default for DerivationPolicy {
    fn default() -> Self {
        DerivationPolicy {
            wsus_report_max_age: days(DEFAULT_WSUS_REPORT_MAX_DAYS),
            missing_wsus_report_is_problem: false,
            maintenance: MaintenanceReported::ALL,
        }
    }
}

/// `count` days as a duration.
pub fn days(count: u32) -> Duration {
    Duration::from_secs(u64::from(count) * 24 * 60 * 60)
}

/// Derives `endpoint`'s exemptions and Low Disk Space warning as of `now`,
/// and merges in the ones its backend reported.
pub fn derive_exemptions(
    endpoint: &Endpoint,
    now: Timestamp,
    policy: &DerivationPolicy,
) -> Derived {
    derive_exemptions_with_os(endpoint, OsFamily::from_os_name(&endpoint.os), now, policy)
}

/// [`derive_exemptions`] for a caller that has placed the endpoint's OS
/// name already (a table places each distinct name once).
pub fn derive_exemptions_with_os(
    endpoint: &Endpoint,
    os: OsFamily,
    now: Timestamp,
    policy: &DerivationPolicy,
) -> Derived {
    let windows_only = (os == OsFamily::Windows).then(|| {
        powershell_exemptions(endpoint).chain(
            (!endpoint.unreadable.wsus_report)
                .then(|| wsus_exemption(endpoint.readiness.wsus_last_report, now, policy))
                .flatten(),
        )
    });
    let findings = endpoint
        .connector
        .and_then(connector_exemption)
        .into_iter()
        .chain(endpoint.power.and_then(power_exemption))
        .chain(flag_exemptions(endpoint))
        .chain(
            (is_managed(endpoint) && !endpoint.unreadable.maintenance)
                .then(|| {
                    maintenance_exemption(endpoint.maintenance.as_ref(), now, policy.maintenance)
                })
                .flatten(),
        )
        .chain(
            endpoint
                .suspension
                .and_then(|s| suspension_exemption(s, now)),
        )
        .chain(windows_only.into_iter().flatten());

    let mut derived = Derived::default();
    for (kind, evidence) in findings {
        derived.found(kind, evidence);
    }
    if let Some(fullest) = fullest_drive(&endpoint.drives) {
        if raises_low_disk(fullest.percent) {
            derived.set_low_disk(fullest);
        }
    }
    derived.merge_reported(&endpoint.reported_exemptions);
    derived
}

/// JetPatch manages the endpoint. One it does not (Unknown Endpoint, seen
/// only by a vulnerability scanner) has no maintenance schedule to keep: its
/// fix is a connector, and a maintenance exemption beside it would count
/// every such endpoint again, as needing a schedule.
fn is_managed(endpoint: &Endpoint) -> bool {
    endpoint.connector != Some(ConnectorState::UnknownEndpoint)
}

/// The first moment after `now` at which a maintenance window of
/// `endpoint` opens or closes, or its date suspension starts or ends: where
/// its derivation changes and its Next window turns "open now". A page that
/// derives once a minute derives again then, so that a row never disagrees
/// with the clock. (The WSUS deadline moves a fact no one reads to the
/// second, and 100,000 of them would pass every few seconds.)
pub fn next_window_change(endpoint: &Endpoint, now: Timestamp) -> Option<Timestamp> {
    let windows = endpoint
        .maintenance
        .iter()
        .flat_map(|schedule| &schedule.windows)
        .flat_map(|window| [window.start, window.end]);
    let suspension = match endpoint.suspension {
        Some(Suspension::Between { from, until }) => [Some(from), Some(until)],
        _ => [None, None],
    };
    windows
        .chain(suspension.into_iter().flatten())
        .filter(|&at| at > now)
        .min()
}

type Finding = (ExemptionKind, Evidence);

/// A yes/no fact that raises one exemption.
struct FlagRule {
    holds: fn(&Endpoint) -> bool,
    kind: ExemptionKind,
    fact: &'static str,
}

fn flag_exemptions(endpoint: &Endpoint) -> impl Iterator<Item = Finding> + '_ {
    FLAG_RULES
        .iter()
        .filter(|rule| (rule.holds)(endpoint))
        .map(|rule| (rule.kind, Evidence::Fact(rule.fact)))
}

const FLAG_RULES: [FlagRule; 8] = [
    FlagRule {
        holds: |e| e.credentials_valid == Some(false),
        kind: ExemptionKind::InvalidCredentials,
        fact: "the endpoint refused the stored credentials",
    },
    FlagRule {
        holds: |e| e.os_supported == Some(false),
        kind: ExemptionKind::PatchingInapplicable,
        fact: "the OS is not supported for patching",
    },
    FlagRule {
        holds: |e| e.readiness.advisories_missing,
        kind: ExemptionKind::AdvisoriesNotExist,
        fact: "no advisories in the configured repositories",
    },
    FlagRule {
        holds: |e| e.readiness.packages_missing,
        kind: ExemptionKind::PackagesNotExist,
        fact: "no packages in the configured repositories",
    },
    FlagRule {
        holds: |e| e.readiness.wrong_repositories,
        kind: ExemptionKind::WrongRepositoriesConfiguration,
        fact: "repositories on the endpoint are misconfigured",
    },
    FlagRule {
        holds: |e| e.readiness.subscription_missing,
        kind: ExemptionKind::SubscriptionMissing,
        fact: "no valid subscription",
    },
    FlagRule {
        holds: |e| e.pending_user_action,
        kind: ExemptionKind::PendingUserAction,
        fact: "the virtual machine waits for user action",
    },
    FlagRule {
        holds: |e| e.pending_reboot,
        kind: ExemptionKind::PendingRebootSuspension,
        fact: "a reboot is pending after patching",
    },
];

fn connector_exemption(state: ConnectorState) -> Option<Finding> {
    let kind = match state {
        ConnectorState::Untested => ExemptionKind::UntestedEndpoint,
        ConnectorState::NotInstalled => ExemptionKind::ConnectorNotInstalled,
        ConnectorState::Down => ExemptionKind::ConnectorDown,
        ConnectorState::Disconnected => ExemptionKind::Disconnected,
        ConnectorState::NotReachable => ExemptionKind::NotReachable,
        ConnectorState::UnknownEndpoint => ExemptionKind::UnknownEndpoint,
        ConnectorState::Connected => return None,
    };
    Some((kind, Evidence::Connector(state)))
}

fn power_exemption(state: PowerState) -> Option<Finding> {
    let kind = match state {
        PowerState::Off => ExemptionKind::PoweredOff,
        PowerState::Suspended => ExemptionKind::PowerSuspended,
        PowerState::Unknown => ExemptionKind::PowerUnknown,
        PowerState::On => return None,
    };
    Some((kind, Evidence::Power(state)))
}

const WINDOW_RAN_OUT: &str = "the last window ran out before all patches were deployed";

fn maintenance_exemption(
    schedule: Option<&MaintenanceSchedule>,
    now: Timestamp,
    reported: MaintenanceReported,
) -> Option<Finding> {
    let Some(schedule) = schedule else {
        return reported.schedules.then_some((
            ExemptionKind::MaintenanceWindowRequired,
            Evidence::Fact("no maintenance schedule assigned"),
        ));
    };
    if !reported.windows {
        return schedule.last_window_ran_out.then_some((
            ExemptionKind::MaintenanceWindowTimeout,
            Evidence::Fact(WINDOW_RAN_OUT),
        ));
    }
    // A window that ran out was there: Timeout, not "no windows".
    if schedule.windows.is_empty() && !schedule.last_window_ran_out {
        return Some((
            ExemptionKind::NoMaintenanceEntry,
            Evidence::Fact("the schedule has no windows"),
        ));
    }
    let mut latest_end: Option<Timestamp> = None;
    let mut next_start: Option<Timestamp> = None;
    for window in &schedule.windows {
        if window.start <= now && now < window.end {
            return None;
        }
        if window.end <= now {
            latest_end = latest_end.max(Some(window.end));
        } else {
            // Not open and not ended: it starts after `now`.
            next_start = Some(next_start.map_or(window.start, |at| at.min(window.start)));
        }
    }
    if schedule.last_window_ran_out {
        let evidence = latest_end.map_or(Evidence::Fact(WINDOW_RAN_OUT), |at| {
            Evidence::WindowEnded { at }
        });
        return Some((ExemptionKind::MaintenanceWindowTimeout, evidence));
    }
    match next_start {
        Some(at) => Some((
            ExemptionKind::AwaitingMaintenanceWindow,
            Evidence::WindowStarts { at },
        )),
        None => latest_end.map(|at| {
            (
                ExemptionKind::MaintenanceWindowExpired,
                Evidence::WindowEnded { at },
            )
        }),
    }
}

fn suspension_exemption(suspension: Suspension, now: Timestamp) -> Option<Finding> {
    let evidence = match suspension {
        Suspension::Cycles { remaining } if remaining > 0 => {
            Evidence::SuspendedForCycles { remaining }
        }
        Suspension::Between { from, until } if from <= now && now < until => {
            Evidence::SuspendedUntil { until }
        }
        Suspension::Cycles { .. } | Suspension::Between { .. } => return None,
    };
    Some((ExemptionKind::SuspendedByUser, evidence))
}

fn powershell_exemptions(endpoint: &Endpoint) -> impl Iterator<Item = Finding> {
    let version = endpoint
        .powershell_major
        .filter(|&major| major <= NEWEST_UNSUPPORTED_POWERSHELL)
        .map(|major| {
            (
                ExemptionKind::UnsupportedPowerShellVersion,
                Evidence::PowerShellVersion { major },
            )
        });
    let policy = endpoint
        .powershell_policy
        .as_deref()
        .and_then(BlockingPolicy::parse)
        .map(|policy| {
            (
                ExemptionKind::UnsupportedPowerShellExecutionPolicy,
                Evidence::PowerShellPolicy(policy),
            )
        });
    version.into_iter().chain(policy)
}

fn wsus_exemption(
    last_report: Option<Timestamp>,
    now: Timestamp,
    policy: &DerivationPolicy,
) -> Option<Finding> {
    let evidence = match last_report {
        Some(at) => {
            let max_age = i64::try_from(policy.wsus_report_max_age.as_millis()).unwrap_or(i64::MAX);
            let age = now.millis().saturating_sub(at.millis());
            (age > max_age).then_some(Evidence::WsusLastReport {
                at,
                allowed: policy.wsus_report_max_age,
            })?
        }
        None if policy.missing_wsus_report_is_problem => {
            Evidence::Fact("no WSUS report time is known")
        }
        None => return None,
    };
    Some((ExemptionKind::WsusCommunicationProblems, evidence))
}

/// The fullest drive; drives with an unreadable (NaN) figure are skipped.
pub fn fullest_drive(drives: &[Drive]) -> Option<DriveUsage> {
    drives
        .iter()
        .enumerate()
        .filter(|(_, drive)| !drive.used_percent.is_nan())
        .max_by(|(_, a), (_, b)| a.used_percent.total_cmp(&b.used_percent))
        .map(|(drive, usage)| DriveUsage {
            drive,
            percent: usage.used_percent,
        })
}
