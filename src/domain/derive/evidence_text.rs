//! Evidence in words, as the detail panel shows it: the fact an exemption
//! was derived from.

use super::derived::{BlockingPolicy, DriveUsage, Evidence};
use super::percent_used;
use crate::domain::abridge::quoted;
use crate::domain::decimal::{counted, Noun};
use crate::domain::endpoint::{ConnectorState, Endpoint, PowerState};
use crate::domain::time::hours_text;
use std::fmt;
use std::time::Duration;

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Connector(state) => f.write_str(connector(*state)),
            Evidence::Power(state) => f.write_str(power(*state)),
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
            // A backend's "never" (0, the year 1) is not a report in 1970.
            Evidence::WsusLastReport { at, .. } if at.is_placeholder() => {
                f.write_str("no WSUS report was ever received")
            }
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
    /// `drive "D:" is 93.0% used`: quoted, as "/" alone reads as punctuation.
    pub fn describe(&self, endpoint: &Endpoint) -> String {
        let name = self
            .drive_name(endpoint)
            .map_or_else(|| "?".to_owned(), quoted);
        format!("drive {name} is {}% used", percent_used(self.percent))
    }
}

/// The connector's state as a clause: "Because: its connector is stopped".
fn connector(state: ConnectorState) -> &'static str {
    match state {
        ConnectorState::Untested => "its connector was never tested",
        ConnectorState::NotInstalled => "no connector is installed on it",
        ConnectorState::Down => "its connector is stopped",
        ConnectorState::Disconnected => "its connector is disconnected",
        ConnectorState::NotReachable => "its connector cannot reach it",
        ConnectorState::UnknownEndpoint => "no connector manages it",
        ConnectorState::Connected => "its connector is connected",
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

/// The power state as a clause: "Because: it is powered off".
fn power(state: PowerState) -> &'static str {
    match state {
        PowerState::On => "it is powered on",
        PowerState::Off => "it is powered off",
        PowerState::Suspended => "its power state is suspended",
        PowerState::Unknown => "its power state is unknown",
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
