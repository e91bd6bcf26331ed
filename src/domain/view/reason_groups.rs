//! The grouped layout of the Endpoint Exemptions page: the listed endpoints
//! gathered under each exemption and each warning they have.

use super::endpoints::EndpointRow;
use crate::domain::exemption::{
    same_name, ExemptionKind, Impact, Warning, UNKNOWN_FIX, UNKNOWN_MEANING,
};
use crate::domain::table::{group_by_facet, natural_cmp, stably_sorted};

/// What one group of endpoints has in common.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupReason {
    Exemption(ExemptionKind),
    /// An exemption the backend reported by a name the catalogue does not know.
    Unknown(String),
    Warning(Warning),
}

impl GroupReason {
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
/// spelt two ways (case, spaces, punctuation) is one group, under the
/// spelling met first.
fn unknown_groups(rows: &[EndpointRow], order: &[u32]) -> Vec<(GroupReason, Vec<u32>)> {
    // Such names are few, so a list beats a map.
    let mut groups: Vec<(GroupReason, Vec<u32>)> = Vec::new();
    for &i in order {
        for name in rows[i as usize].derived.unknown_reported() {
            let group = groups
                .iter()
                .position(|(reason, _)| same_name(reason.name(), name));
            match group {
                Some(group) => groups[group].1.push(i),
                None => groups.push((GroupReason::Unknown(name.clone()), vec![i])),
            }
        }
    }
    stably_sorted(groups, |(a, _), (b, _)| natural_cmp(a.name(), b.name()))
}

/// How many of the listed endpoints have no reason at all, so that no group
/// lists them: the grouped layout says so, lest its groups read as all there is.
pub fn without_reason(rows: &[EndpointRow], order: &[u32]) -> usize {
    order
        .iter()
        .filter(|&&i| rows[i as usize].derived.is_clear())
        .count()
}
