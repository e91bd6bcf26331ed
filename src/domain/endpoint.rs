//! The raw facts about one endpoint from which exemptions are derived.

use super::decimal::Noun;
use super::partly_read::unreadable_entries_note;
use super::strict_serde::{from_objects_only, objects_only, strings_only};
use super::time::{optional_time, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub enum ConnectorState {
    /// In the inventory, but no connector installation is known.
    Untested,
    /// Credentials are valid, the connector is not installed yet.
    NotInstalled,
    /// Reachable, connector stopped.
    Down,
    /// Could not connect, or no communication received.
    Disconnected,
    NotReachable,
    /// Discovered by a vulnerability scanner, not managed.
    UnknownEndpoint,
    Connected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub enum PowerState {
    On,
    Off,
    Suspended,
    Unknown,
}

/// A maintenance window entry: a span of time in which patching may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct MaintenanceWindow {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl MaintenanceWindow {
    /// A window both of whose ends are a backend's "never" (see
    /// [`Timestamp::is_placeholder`]): Go's zero value of a window struct,
    /// which stands for no window, not one that ended in the year 1.
    pub fn is_placeholder(&self) -> bool {
        self.start.is_placeholder() && self.end.is_placeholder()
    }

    /// A backend's fault (ends swapped, a zone lost): a window that can
    /// never open.
    pub fn ends_before_start(&self) -> bool {
        self.end < self.start
    }
}

/// A schedule's windows without the placeholders for no window.
pub fn real_windows(mut windows: Vec<MaintenanceWindow>) -> Vec<MaintenanceWindow> {
    windows.retain(|window| !window.is_placeholder());
    windows
}

fn windows_given<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<MaintenanceWindow>, D::Error> {
    Vec::deserialize(deserializer).map(real_windows)
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct MaintenanceSchedule {
    pub name: String,
    #[serde(deserialize_with = "windows_given")]
    pub windows: Vec<MaintenanceWindow>,
    /// The last window that ran ended with patches still left to deploy.
    pub last_window_ran_out: bool,
}

/// A manual suspension: by remaining cycles, or between two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Suspension {
    Cycles { remaining: u32 },
    Between { from: Timestamp, until: Timestamp },
}

impl Suspension {
    /// A span whose end comes before its start (the dates swapped, a zone
    /// lost): not a suspension to judge by, but a fault to report.
    pub fn ends_before_start(&self) -> bool {
        matches!(self, Suspension::Between { from, until } if until < from)
    }
}

/// `Suspension` as serialised (`{"Cycles": {"remaining": 3}}`), read through
/// variants whose fields come from a JSON object only.
#[derive(Deserialize)]
enum SuspensionLayout {
    Cycles(CyclesFields),
    Between(BetweenFields),
}

#[derive(Deserialize)]
#[serde(remote = "Self")]
struct CyclesFields {
    remaining: u32,
}

#[derive(Deserialize)]
#[serde(remote = "Self")]
struct BetweenFields {
    from: Timestamp,
    until: Timestamp,
}

from_objects_only!(CyclesFields, BetweenFields);

impl<'de> Deserialize<'de> for Suspension {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match SuspensionLayout::deserialize(deserializer)? {
            SuspensionLayout::Cycles(CyclesFields { remaining }) => {
                Suspension::Cycles { remaining }
            }
            SuspensionLayout::Between(BetweenFields { from, until }) => {
                Suspension::Between { from, until }
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Drive {
    /// "C:", "/", "/var".
    pub name: String,
    /// From 0 to 100: anything else is a fault in the data, not a fuller drive.
    #[serde(deserialize_with = "percentage")]
    pub used_percent: f64,
}

/// Drives a fleet must report before all of them at 1 % or less reads as
/// fractions rather than a fleet of nearly empty disks.
const FRACTION_EVIDENCE: usize = 5;

/// Whether the fleet's drive figures look like fractions (0.93 for 93 %):
/// at least five, every one at most 1, some above 0. Read as percentages
/// they are all under 1 %, so Low Disk Space is never raised.
pub fn drive_shares_look_like_fractions<'a>(
    endpoints: impl IntoIterator<Item = &'a Endpoint>,
) -> bool {
    let mut seen = 0;
    let mut above_zero = false;
    for drive in endpoints.into_iter().flat_map(|endpoint| &endpoint.drives) {
        let share = drive.used_percent;
        if share > 1.0 {
            return false;
        }
        seen += 1;
        above_zero |= share > 0.0;
    }
    seen >= FRACTION_EVIDENCE && above_zero
}

impl Drive {
    /// `share` as a drive's used percentage if it is one: from 0 to 100.
    pub fn checked_used_percent(share: f64) -> Option<f64> {
        (0.0..=100.0).contains(&share).then_some(share)
    }
}

fn percentage<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    Drive::checked_used_percent(f64::deserialize(deserializer)?)
        .ok_or_else(|| serde::de::Error::custom("expected a percentage from 0 to 100"))
}

/// Readiness facts: what the patch repositories know of the endpoint.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct Readiness {
    pub advisories_missing: bool,
    pub packages_missing: bool,
    pub wrong_repositories: bool,
    pub subscription_missing: bool,
    /// Windows: when the endpoint last reported to WSUS.
    pub wsus_last_report: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct Endpoint {
    pub id: String,
    pub name: String,
    pub os: String,
    pub connector: Option<ConnectorState>,
    /// None: not known. Some(false): the supplied credentials were refused.
    pub credentials_valid: Option<bool>,
    pub power: Option<PowerState>,
    /// None: not known. Some(false): the OS is not supported for patching.
    pub os_supported: Option<bool>,
    pub maintenance: Option<MaintenanceSchedule>,
    pub suspension: Option<Suspension>,
    pub powershell_major: Option<u32>,
    /// "AllSigned", "Restricted", "RemoteSigned", … as the endpoint reports it.
    pub powershell_policy: Option<String>,
    pub readiness: Readiness,
    pub pending_user_action: bool,
    pub pending_reboot: bool,
    pub drives: Vec<Drive>,
    #[serde(default, deserialize_with = "optional_time")]
    pub last_seen: Option<Timestamp>,
    /// Exemptions the backend computed itself, by name; merged with derived ones.
    pub reported_exemptions: Vec<String>,
    /// Facts the backend sent that could not be read: not known, like
    /// facts not sent, but no rule may take their absence for a fact.
    #[serde(skip)]
    pub unreadable: UnreadableFacts,
}

/// What the page and its CSV say where a fact could not be read.
pub const UNREADABLE: &str = "could not be read";

/// Which of the facts an endpoint is judged by came with a value that could
/// not be read: not known, so not judged, and the panel says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnreadableFacts {
    /// Its OS name: the Windows-only rules need it.
    pub os: bool,
    pub connector: bool,
    pub credentials: bool,
    pub power: bool,
    pub os_support: bool,
    /// Its schedule's name, windows or last-window flag: an absent schedule
    /// or window list would read as "none assigned" or "no windows".
    pub maintenance: bool,
    pub suspension: bool,
    /// Its PowerShell version or execution policy.
    pub powershell: bool,
    /// One of its readiness flags (advisories, packages, repositories,
    /// subscription).
    pub readiness: bool,
    /// A pending restart or user action.
    pub pending_action: bool,
    /// How many drives could not be read: the list holds only those that
    /// could.
    pub drives: u16,
    /// An absent WSUS report time may count as a problem by policy.
    pub wsus_report: bool,
    pub reported_exemptions: bool,
}

impl Endpoint {
    /// What the panel says beside the drives when it lists fewer than the
    /// backend sent, or none.
    pub fn drives_note(&self) -> Option<String> {
        let (kept, unreadable) = (self.drives.len(), self.unreadable.drives);
        if kept == 0 && unreadable == 0 {
            // No drives may be the backend's fact or a mapping that names none.
            return Some("No drives were reported for this endpoint.".to_owned());
        }
        let entries = Noun {
            one: "drive",
            many: "drives",
        };
        unreadable_entries_note(kept, unreadable, "The drives", entries)
    }
}

impl UnreadableFacts {
    /// The facts marked, as a sentence names them: no rule judged them.
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.os, "operating system"),
            (self.connector, "connector state"),
            (self.credentials, "credentials"),
            (self.power, "power state"),
            (self.os_support, "OS support"),
            (self.maintenance, "maintenance schedule"),
            (self.suspension, "suspension"),
            (self.powershell, "PowerShell"),
            (self.readiness, "readiness"),
            (self.wsus_report, "WSUS report time"),
            (self.pending_action, "pending restart or user action"),
            (self.drives > 0, "one or more drives"),
            (self.reported_exemptions, "exemptions the backend reported"),
        ]
        .into_iter()
        .filter_map(|(marked, name)| marked.then_some(name))
        .collect()
    }
}

// Missing members take their defaults where a default means "not reported";
// see `strict_serde` for why only objects and strings are read.
objects_only!(
    MaintenanceWindow,
    MaintenanceSchedule,
    Drive,
    Readiness,
    Endpoint
);
strings_only!(ConnectorState, PowerState);
