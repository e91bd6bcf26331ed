//! The grouped layout of the Endpoint Exemptions page: the listed endpoints
//! gathered under each exemption and each warning they have.

use super::endpoints::EndpointRow;
use crate::domain::decimal::{counted, grouped, Noun};
use crate::domain::exemption::{
    name_key, same_name, CatalogueName, ExemptionKind, Impact, Spellings, Warning, UNKNOWN_FIX,
    UNKNOWN_MEANING,
};
use crate::domain::table::{group_by_facet, natural_cmp, stably_sorted};
use std::collections::HashMap;

/// What one group of endpoints has in common.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupReason {
    Exemption(ExemptionKind),
    /// An exemption the backend reported by a name the catalogue does not know.
    Unknown(String),
    Warning(Warning),
}

impl GroupReason {
    /// The reason a name gives, as a backend's report would: a catalogue
    /// exemption or warning by any of its spellings, else a name of its own.
    pub fn named(name: &str) -> GroupReason {
        match CatalogueName::parse(name) {
            CatalogueName::Exemption(kind) => GroupReason::Exemption(kind),
            CatalogueName::Warning(warning) => GroupReason::Warning(warning),
            CatalogueName::Unknown { raw } => GroupReason::Unknown(raw),
        }
    }

    /// Whether the endpoint of `row` has this reason: the test of the group
    /// it would be listed in.
    pub fn is_had_by(&self, row: &EndpointRow) -> bool {
        match self {
            GroupReason::Exemption(kind) => row.derived.exemptions().contains(*kind),
            GroupReason::Unknown(name) => row
                .derived
                .unknown_reported()
                .iter()
                .any(|reported| same_name(reported, name)),
            GroupReason::Warning(warning) => row.derived.has_warning(*warning),
        }
    }

    /// A name no catalogue knows that no endpoint of `rows` reports: a
    /// link limited to it lists nothing, and may be mistyped or outdated.
    /// (A known exemption that none has is the fleet's good news.)
    pub fn is_unreported_in(&self, rows: &[EndpointRow]) -> bool {
        matches!(self, GroupReason::Unknown(_)) && !rows.iter().any(|row| self.is_had_by(row))
    }

    pub fn name(&self) -> &str {
        match self {
            GroupReason::Exemption(kind) => kind.name(),
            GroupReason::Unknown(name) => name,
            GroupReason::Warning(warning) => warning.entry().name,
        }
    }

    pub fn meaning(&self) -> &'static str {
        match self {
            GroupReason::Exemption(kind) => kind.entry().meaning,
            GroupReason::Unknown(_) => UNKNOWN_MEANING,
            GroupReason::Warning(warning) => warning.entry().meaning,
        }
    }

    /// The steps that clear it, in order.
    pub fn fix(&self) -> &'static [&'static str] {
        match self {
            GroupReason::Exemption(kind) => kind.entry().fix,
            GroupReason::Unknown(_) => UNKNOWN_FIX,
            GroupReason::Warning(warning) => warning.entry().fix,
        }
    }

    /// What of its catalogue text Patchboard wrote where JetPatch's left a
    /// gap; none for a name the catalogue does not know, whose every word
    /// is Patchboard's and says so.
    pub fn our_addition(&self) -> Option<&'static str> {
        match self {
            GroupReason::Exemption(kind) => kind.entry().our_addition,
            GroupReason::Unknown(_) => None,
            GroupReason::Warning(warning) => warning.entry().our_addition,
        }
    }

    /// Its impact class; a warning is in none.
    pub fn impact(&self) -> Option<Impact> {
        match self {
            GroupReason::Exemption(kind) => Some(kind.impact()),
            GroupReason::Unknown(_) => Some(Impact::CannotPatch),
            GroupReason::Warning(_) => None,
        }
    }
}

/// One group per exemption the listed endpoints (`order`, indices into
/// `rows`) have, known to the catalogue or not, largest first, then one per
/// warning: a warning is in neither impact class, so it comes after every
/// exemption. Groups of equal size keep catalogue order, then list names the
/// catalogue does not know alphabetically. Each group keeps the order of
/// `order`; an endpoint is in as many groups as it has reasons.
pub fn reason_groups(rows: &[EndpointRow], order: &[u32]) -> Vec<(GroupReason, Vec<u32>)> {
    let known = group_by_facet(rows, order, |row| row.derived.exemptions().iter())
        .into_iter()
        .map(|(kind, members)| (GroupReason::Exemption(kind), members));
    let exemptions: Vec<_> = known.chain(unknown_groups(rows, order)).collect();
    let warnings = Warning::ALL.into_iter().filter_map(|warning| {
        let members: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| rows[i as usize].derived.has_warning(warning))
            .collect();
        (!members.is_empty()).then_some((GroupReason::Warning(warning), members))
    });
    stably_sorted(exemptions, |(_, a), (_, b)| b.len().cmp(&a.len()))
        .into_iter()
        .chain(warnings)
        .collect()
}

/// The groups of names the catalogue does not know, alphabetically; a name
/// spelt two ways (case, spaces, punctuation) is one group, under its most
/// common spelling (`Spellings::most_common`), so that a search or a sort that
/// reorders the endpoints does not rename it.
fn unknown_groups(rows: &[EndpointRow], order: &[u32]) -> Vec<(GroupReason, Vec<u32>)> {
    // Keyed: a backend may well send one name per endpoint ("Excluded per
    // CHG0031234"), so there may be as many groups as endpoints.
    let mut groups: HashMap<String, UnknownGroup> = HashMap::new();
    for &i in order {
        for name in rows[i as usize].derived.unknown_reported() {
            let group = groups.entry(name_key(name)).or_default();
            group.members.push(i);
            group.spellings.add(name);
        }
    }
    let groups = groups.into_values().map(|group| {
        let name = group.spellings.most_common().to_owned();
        (GroupReason::Unknown(name), group.members)
    });
    // The names themselves break natural order's ties ("x1", "x01"): the
    // map gives the groups in no set order.
    stably_sorted(groups.collect(), |(a, _), (b, _)| {
        natural_cmp(a.name(), b.name()).then_with(|| a.name().cmp(b.name()))
    })
}

/// The endpoints that reported one unknown name, and how they spelt it.
#[derive(Default)]
struct UnknownGroup {
    spellings: Spellings,
    members: Vec<u32>,
}

/// How many of the listed endpoints have no reason at all, so that no group
/// lists them: the grouped layout says so, lest its groups read as all there is.
pub fn without_reason(rows: &[EndpointRow], order: &[u32]) -> usize {
    order
        .iter()
        .filter(|&&i| rows[i as usize].derived.is_clear())
        .count()
}

/// What the grouped layout says around its groups, from how many endpoints
/// are listed (`listed`), how many of them have no reason (`reasonless`),
/// and how many entries the groups hold between them (`entries`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct GroupNotes {
    /// In place of the groups when no listed endpoint has a reason; `None`
    /// when nothing is listed, for the table's own no-match text.
    pub empty: Option<String>,
    /// Some listed endpoints have no reason, so no group lists them.
    pub ungrouped: Option<String>,
    /// The groups' counts add up past the endpoints listed, which would read
    /// as a miscount.
    pub overlap: Option<String>,
}

impl GroupNotes {
    pub fn new(listed: usize, reasonless: usize, entries: usize) -> Self {
        let empty = match listed {
            0 => None,
            1 if reasonless == 1 => {
                Some("The endpoint listed has no exemption or warning.".to_owned())
            }
            _ if reasonless == listed => Some(format!(
                "None of the {} listed has an exemption or a warning.",
                counted(listed as u64, Noun::ENDPOINTS)
            )),
            _ => None,
        };
        let ungrouped = (reasonless > 0 && reasonless < listed).then(|| {
            let (has, them) = if reasonless == 1 { ("has", "it") } else { ("have", "them") };
            format!(
                "{} of the {} listed {has} no exemption or warning, so no group below lists {them}.",
                grouped(reasonless as u64),
                counted(listed as u64, Noun::ENDPOINTS)
            )
        });
        let grouped_endpoints = listed.saturating_sub(reasonless);
        let overlap = (entries > grouped_endpoints).then(|| {
            format!(
                "An endpoint with more than one exemption or warning is under each: the groups \
                 list {} entries for {}.",
                grouped(entries as u64),
                counted(grouped_endpoints as u64, Noun::ENDPOINTS)
            )
        });
        GroupNotes {
            empty,
            ungrouped,
            overlap,
        }
    }
}
