//! What derivation produces for one endpoint, kept small: a 100k fleet holds
//! one per endpoint, and a patchable endpoint allocates nothing.

use crate::domain::endpoint::{ConnectorState, Endpoint, PowerState};
use crate::domain::exemption::{
    is_blank, same_name, CatalogueName, ExemptionKind, ExemptionSet, Impact, Warning,
};
use crate::domain::fleet::PatchOutlook;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Where an exemption or warning came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// We derived it from the endpoint's facts.
    Derived,
    /// The backend reported it by name.
    Reported,
    /// Both agree.
    Both,
}

impl Origin {
    fn of(derived: bool, reported: bool) -> Option<Origin> {
        match (derived, reported) {
            (true, true) => Some(Origin::Both),
            (true, false) => Some(Origin::Derived),
            (false, true) => Some(Origin::Reported),
            (false, false) => None,
        }
    }

    /// A stable token for URLs, storage and CSS classes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::Derived => "derived",
            Origin::Reported => "reported",
            Origin::Both => "both",
        }
    }

    /// A short phrase for display.
    pub const fn label(self) -> &'static str {
        match self {
            Origin::Derived => "Found by Patchboard in the endpoint's facts",
            Origin::Reported => "Reported by the backend",
            Origin::Both => "Found by Patchboard, and reported by the backend",
        }
    }
}

/// A PowerShell execution policy that stops JetPatch's scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockingPolicy {
    AllSigned,
    Restricted,
}

impl BlockingPolicy {
    /// Recognises the policy as endpoints report it, in any letter case.
    pub fn parse(reported: &str) -> Option<BlockingPolicy> {
        let reported = reported.trim();
        [BlockingPolicy::AllSigned, BlockingPolicy::Restricted]
            .into_iter()
            .find(|policy| policy.as_str().eq_ignore_ascii_case(reported))
    }

    /// PowerShell's own spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockingPolicy::AllSigned => "AllSigned",
            BlockingPolicy::Restricted => "Restricted",
        }
    }
}

/// How full one drive is; `drive` indexes the endpoint's `drives`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DriveUsage {
    pub drive: usize,
    pub percent: f64,
}

impl DriveUsage {
    /// The drive's name ("D:", "/var") on the endpoint this usage was derived from.
    pub fn drive_name<'e>(&self, endpoint: &'e Endpoint) -> Option<&'e str> {
        endpoint.drives.get(self.drive).map(|d| d.name.as_str())
    }
}

/// The fact an exemption was derived from, for the UI to show beside it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Evidence {
    Connector(ConnectorState),
    Power(PowerState),
    /// The next maintenance window opens then.
    WindowStarts {
        at: Timestamp,
    },
    /// The latest maintenance window closed then.
    WindowEnded {
        at: Timestamp,
    },
    SuspendedForCycles {
        remaining: u32,
    },
    SuspendedUntil {
        until: Timestamp,
    },
    PowerShellVersion {
        major: u32,
    },
    PowerShellPolicy(BlockingPolicy),
    /// The last report, and the age the policy allows.
    WsusLastReport {
        at: Timestamp,
        allowed: Duration,
    },
    /// A yes/no fact, described in a few words.
    Fact(&'static str),
}

/// One exemption on an endpoint, as the UI lists it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EndpointExemption {
    pub kind: ExemptionKind,
    pub origin: Origin,
    /// Present whenever we derived it; reported-only exemptions have none.
    pub evidence: Option<Evidence>,
}

/// The Low Disk Space warning on an endpoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LowDiskSpace {
    pub origin: Origin,
    /// The fullest drive, when we derived the warning from drive facts.
    pub fullest: Option<DriveUsage>,
}

/// The exemptions and warnings of one endpoint, derived and reported, merged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Derived {
    derived: ExemptionSet,
    reported: ExemptionSet,
    evidence: Vec<(ExemptionKind, Evidence)>,
    low_disk: Option<DriveUsage>,
    low_disk_reported: bool,
    unknown_reported: Vec<String>,
}

impl Derived {
    pub(super) fn found(&mut self, kind: ExemptionKind, evidence: Evidence) {
        if !self.derived.contains(kind) {
            self.derived.insert(kind);
            self.evidence.push((kind, evidence));
        }
    }

    pub(super) fn set_low_disk(&mut self, fullest: DriveUsage) {
        self.low_disk = Some(fullest);
    }

    /// Adds the backend's names; one already present is not added twice.
    pub(super) fn merge_reported(&mut self, names: &[String]) {
        for name in names {
            match CatalogueName::parse(name) {
                CatalogueName::Unknown { raw } => match joined_names(&raw) {
                    Some(parts) => parts.into_iter().for_each(|part| self.merge_name(part)),
                    None => self.merge_name(CatalogueName::Unknown { raw }),
                },
                known => self.merge_name(known),
            }
        }
    }

    fn merge_name(&mut self, name: CatalogueName) {
        match name {
            CatalogueName::Exemption(kind) => self.reported.insert(kind),
            CatalogueName::Warning(Warning::LowDiskSpace) => self.low_disk_reported = true,
            // A blank name names nothing; one spelt two ways is one.
            CatalogueName::Unknown { raw } => {
                let known = |known: &String| same_name(known, &raw);
                if !is_blank(&raw) && !self.unknown_reported.iter().any(known) {
                    self.unknown_reported.push(raw);
                }
            }
        }
    }

    /// Every exemption, derived or reported: filter with `contains`.
    pub fn exemptions(&self) -> ExemptionSet {
        self.derived.union(self.reported)
    }

    /// Where `kind` came from, or `None` when the endpoint does not have it.
    pub fn origin(&self, kind: ExemptionKind) -> Option<Origin> {
        Origin::of(self.derived.contains(kind), self.reported.contains(kind))
    }

    /// The fact `kind` was derived from, when it was derived.
    pub fn evidence(&self, kind: ExemptionKind) -> Option<Evidence> {
        self.evidence
            .iter()
            .find(|(found, _)| *found == kind)
            .map(|&(_, evidence)| evidence)
    }

    /// The exemptions in catalogue order, each with origin and evidence.
    pub fn iter(&self) -> impl Iterator<Item = EndpointExemption> + '_ {
        self.exemptions().iter().filter_map(|kind| {
            Some(EndpointExemption {
                kind,
                origin: self.origin(kind)?,
                evidence: self.evidence(kind),
            })
        })
    }

    /// The exemptions of one impact, in catalogue order.
    pub fn of_impact(&self, impact: Impact) -> impl Iterator<Item = EndpointExemption> + '_ {
        self.iter().filter(move |e| e.kind.impact() == impact)
    }

    /// Every exemption's name with its impact: the ones that stay until
    /// fixed (Cannot patch) first, then the ones that clear by themselves,
    /// each group in catalogue order, so that where room is short the reason
    /// for the endpoint's impact shows first. The backend's names the
    /// catalogue does not know count as Cannot patch and follow the known
    /// ones of that impact.
    pub fn names_worst_first(&self) -> impl Iterator<Item = (&str, Impact)> {
        let named = |e: EndpointExemption| (e.kind.name(), e.kind.impact());
        let unknown = self
            .unknown_reported
            .iter()
            .map(|name| (name.as_str(), Impact::CannotPatch));
        self.of_impact(Impact::CannotPatch)
            .map(named)
            .chain(unknown)
            .chain(self.of_impact(Impact::TemporarilyCannotPatch).map(named))
    }

    /// Nothing stands in the way of patching, and nothing warns: no
    /// exemption, known or not, and no warning.
    pub fn is_clear(&self) -> bool {
        self.exemptions().is_empty() && self.unknown_reported.is_empty() && !self.has_warnings()
    }

    /// The Low Disk Space warning, when any drive is at least 90% used or the backend says so.
    pub fn low_disk_space(&self) -> Option<LowDiskSpace> {
        Some(LowDiskSpace {
            origin: Origin::of(self.low_disk.is_some(), self.low_disk_reported)?,
            fullest: self.low_disk,
        })
    }

    /// Whether any warning applies; a warning leaves the outlook as it is.
    pub fn has_warnings(&self) -> bool {
        Warning::ALL
            .into_iter()
            .any(|warning| self.has_warning(warning))
    }

    /// Whether `warning` applies, derived or reported.
    pub fn has_warning(&self, warning: Warning) -> bool {
        match warning {
            Warning::LowDiskSpace => self.low_disk.is_some() || self.low_disk_reported,
        }
    }

    /// Names the backend reported that the catalogue does not know, kept verbatim.
    pub fn unknown_reported(&self) -> &[String] {
        &self.unknown_reported
    }

    /// Whether the endpoint can be patched now, and if not, whether it will clear by itself.
    pub fn outlook(&self) -> PatchOutlook {
        PatchOutlook::of(self.exemptions(), !self.unknown_reported.is_empty())
    }
}

/// The names in one text a backend joined them into ("Powered Off,
/// Disconnected"), when a part is a name of the catalogue's and the others
/// read as names of the backend's own ("Connector Down, Endpoint EOL").
/// Otherwise the text is one name of the backend's own, commas and all: a
/// known name with the rest of a sentence ("Disconnected, since the VPN
/// change") is not cut into a name that was never one.
fn joined_names(text: &str) -> Option<Vec<CatalogueName>> {
    let parts: Vec<CatalogueName> = text
        .split([',', ';'])
        .filter(|part| !is_blank(part))
        .map(CatalogueName::parse)
        .collect();
    let any_known = parts
        .iter()
        .any(|part| !matches!(part, CatalogueName::Unknown { .. }));
    let rest_are_names = parts.iter().all(|part| match part {
        CatalogueName::Unknown { raw } => reads_as_a_name(raw),
        _ => true,
    });
    (parts.len() > 1 && any_known && rest_are_names).then_some(parts)
}

/// A few words, each starting with a capital or a digit: "Endpoint EOL",
/// "Quarantined By EDR", not "since the VPN change".
fn reads_as_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|word| {
            word.chars()
                .next()
                .is_some_and(|first| first.is_uppercase() || first.is_ascii_digit())
        })
}
