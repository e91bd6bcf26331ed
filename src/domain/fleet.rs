//! Rolling exemptions up per endpoint and summarising a fleet.

use crate::domain::derive::Derived;
use crate::domain::exemption::{ExemptionKind, ExemptionSet, Impact, Spellings};
use crate::domain::table::sort_indices_by;
use serde::{Deserialize, Serialize};

/// Whether an endpoint can be patched now; ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PatchOutlook {
    Patchable,
    TemporarilyCannotPatch,
    CannotPatch,
}

impl PatchOutlook {
    /// The worst impact among `exemptions`. An exemption the catalogue does not
    /// know counts as Cannot patch: the backend says the endpoint is blocked,
    /// and nothing tells us it will clear by itself.
    pub const fn of(exemptions: ExemptionSet, has_unknown: bool) -> PatchOutlook {
        if has_unknown
            || !exemptions
                .intersection(ExemptionSet::CANNOT_PATCH)
                .is_empty()
        {
            PatchOutlook::CannotPatch
        } else if !exemptions.is_empty() {
            PatchOutlook::TemporarilyCannotPatch
        } else {
            PatchOutlook::Patchable
        }
    }

    /// A stable token for URLs, storage and CSS classes.
    pub const fn as_str(self) -> &'static str {
        match self {
            PatchOutlook::Patchable => "patchable",
            PatchOutlook::TemporarilyCannotPatch => "temporarily_cannot_patch",
            PatchOutlook::CannotPatch => "cannot_patch",
        }
    }

    /// Wording for display, matching the vendor's impact labels.
    pub const fn label(self) -> &'static str {
        match self {
            PatchOutlook::Patchable => "Patchable",
            PatchOutlook::TemporarilyCannotPatch => "Temporarily cannot patch",
            PatchOutlook::CannotPatch => "Cannot patch",
        }
    }
}

impl From<Impact> for PatchOutlook {
    fn from(impact: Impact) -> Self {
        match impact {
            Impact::TemporarilyCannotPatch => PatchOutlook::TemporarilyCannotPatch,
            Impact::CannotPatch => PatchOutlook::CannotPatch,
        }
    }
}

/// How many distinct exemption names the catalogue does not know a summary
/// keeps: enough to name them in a note, bounded for a backend that sends a
/// different one per endpoint.
pub const UNKNOWN_NAMES_KEPT: usize = 5;

/// Counts over a fleet, built in one pass; it allocates only for exemption
/// names the catalogue does not know.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FleetSummary {
    pub total: usize,
    pub patchable: usize,
    pub temporarily_cannot_patch: usize,
    pub cannot_patch: usize,
    /// Endpoints with any warning, whatever their outlook.
    pub with_warnings: usize,
    /// Endpoints the backend reported an exemption for that the catalogue does not know.
    pub with_unknown_exemptions: usize,
    /// The first [`UNKNOWN_NAMES_KEPT`] distinct names of those exemptions, in
    /// the order met; a name spelt two ways is one, as the grouped layout
    /// has it (`unknown_exemption_names`).
    unknown_exemptions_kept: Vec<Spellings>,
    /// Whether there were more distinct names than were kept.
    pub more_unknown_exemption_names: bool,
    per_kind: [usize; ExemptionKind::ALL.len()],
}

impl FleetSummary {
    /// Summarises every endpoint's derived result.
    pub fn of<'a>(fleet: impl IntoIterator<Item = &'a Derived>) -> FleetSummary {
        let mut summary = FleetSummary::default();
        fleet.into_iter().for_each(|derived| summary.add(derived));
        summary
    }

    /// Counts one more endpoint.
    pub fn add(&mut self, derived: &Derived) {
        self.total += 1;
        *match derived.outlook() {
            PatchOutlook::Patchable => &mut self.patchable,
            PatchOutlook::TemporarilyCannotPatch => &mut self.temporarily_cannot_patch,
            PatchOutlook::CannotPatch => &mut self.cannot_patch,
        } += 1;
        self.with_warnings += usize::from(derived.has_warnings());
        self.with_unknown_exemptions += usize::from(!derived.unknown_reported().is_empty());
        for name in derived.unknown_reported() {
            let kept = &mut self.unknown_exemptions_kept;
            match kept.iter().position(|spellings| spellings.is_of(name)) {
                Some(at) => kept[at].add(name),
                None if kept.len() < UNKNOWN_NAMES_KEPT => {
                    let mut spellings = Spellings::default();
                    spellings.add(name);
                    kept.push(spellings);
                }
                None => self.more_unknown_exemption_names = true,
            }
        }
        for kind in derived.exemptions().iter() {
            self.per_kind[kind.index()] += 1;
        }
    }

    /// The kept names of the exemptions the catalogue does not know, in the
    /// order met, each by its most common spelling, as its group is titled.
    pub fn unknown_exemption_names(&self) -> impl Iterator<Item = &str> {
        self.unknown_exemptions_kept
            .iter()
            .map(Spellings::most_common)
    }

    /// How many endpoints have `kind`.
    pub fn count(&self, kind: ExemptionKind) -> usize {
        self.per_kind[kind.index()]
    }

    /// The exemptions present with their counts, most common first; equal
    /// counts keep the catalogue's order.
    pub fn kinds_by_count(&self) -> Vec<(ExemptionKind, usize)> {
        let mut present: Vec<u32> = (0..self.per_kind.len() as u32)
            .filter(|&i| self.per_kind[i as usize] > 0)
            .collect();
        sort_indices_by(&mut present, &|a, b| {
            self.per_kind[b as usize].cmp(&self.per_kind[a as usize])
        });
        present
            .into_iter()
            .map(|i| (ExemptionKind::ALL[i as usize], self.per_kind[i as usize]))
            .collect()
    }

    /// The patchable fraction in 0.0..=1.0; `None` for an empty fleet.
    pub fn share_patchable(&self) -> Option<f64> {
        (self.total > 0).then(|| self.patchable as f64 / self.total as f64)
    }
}
