//! Evidence in words, as the detail panel shows it: the fact an exemption
//! was derived from.

use super::derived::{BlockingPolicy, DriveUsage, Evidence};
use super::percent_used;
use crate::domain::decimal::{counted, Noun};
use crate::domain::endpoint::{ConnectorState, Endpoint, PowerState};
use crate::domain::time::hours_text;
use std::fmt;
use std::time::Duration;

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Connector(state) => write!(f, "connector state: {}", connector(*state)),
            Evidence::Power(state) => write!(f, "power state: {}", power(*state)),
            Evidence::WindowStarts { at } => {
                write!(f, "next window opens {}", at.format_utc())
            }
            Evidence::WindowEnded { at } => write!(f, "last window ended {}", at.format_utc()),
            Evidence::SuspendedForCycles { remaining } => {
                let cycles = Noun::PATCH_CYCLES.for_count(u64::from(*remaining));
                write!(f, "suspended for {remaining} more {cycles}")
            }
            Evidence::SuspendedUntil { until } => {
                write!(f, "suspended until {}", until.format_utc())
            }
            Evidence::PowerShellVersion { major } => write!(f, "PowerShell {major}"),
            Evidence::PowerShellPolicy(policy) => write!(
                f,
                "execution policy {}",
                match policy {
                    BlockingPolicy::AllSigned => "AllSigned",
                    BlockingPolicy::Restricted => "Restricted",
                }
            ),
            Evidence::WsusLastReport { at, allowed } => write!(
                f,
                "last WSUS report {}, longer ago than the {} allowed",
                at.format_utc(),
                allowed_text(*allowed)
            ),
            Evidence::Fact(fact) => f.write_str(fact),
        }
    }
}

impl DriveUsage {
    /// "drive D: 93.0% used".
    pub fn describe(&self, endpoint: &Endpoint) -> String {
        let name = self.drive_name(endpoint).unwrap_or("?");
        format!("drive {name} {}% used", percent_used(self.percent))
    }
}

fn connector(state: ConnectorState) -> &'static str {
    match state {
        ConnectorState::Untested => "never tested",
        ConnectorState::NotInstalled => "not installed",
        ConnectorState::Down => "stopped",
        ConnectorState::Disconnected => "disconnected",
        ConnectorState::NotReachable => "endpoint not reachable",
        ConnectorState::UnknownEndpoint => "endpoint not managed",
        ConnectorState::Connected => "connected",
    }
}

/// "7 days", "1 day", "36 h": an allowed age as a policy of days or hours
/// sets it.
fn allowed_text(allowed: Duration) -> String {
    const DAY_SECONDS: u64 = 24 * 60 * 60;
    const DAYS: Noun = Noun {
        one: "day",
        many: "days",
    };
    let seconds = allowed.as_secs();
    if seconds >= DAY_SECONDS && seconds.is_multiple_of(DAY_SECONDS) {
        counted(seconds / DAY_SECONDS, DAYS)
    } else {
        hours_text(u32::try_from(seconds / 3600).unwrap_or(u32::MAX))
    }
}

fn power(state: PowerState) -> &'static str {
    match state {
        PowerState::On => "on",
        PowerState::Off => "off",
        PowerState::Suspended => "suspended",
        PowerState::Unknown => "unknown",
    }
}

/// Why an endpoint the backend alone gave Low Disk Space has it. The fullest
/// drive it reports (`fullest_percent`) is named, as it is under the mark:
/// else Patchboard would have found the warning itself.
pub fn reported_low_disk(fullest_percent: Option<f64>) -> String {
    match fullest_percent {
        Some(percent) => format!(
            "Reported by the backend, though the fullest drive it reports is {}% used: \
             the backend may judge by a drive or a mark of its own",
            percent_used(percent)
        ),
        None => "Reported by the backend".to_owned(),
    }
}
