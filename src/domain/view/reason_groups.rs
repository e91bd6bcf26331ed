//! The grouped layout of the Endpoint Exemptions page: the listed endpoints
//! gathered under each exemption and each warning they have.

use super::endpoints::EndpointRow;
use crate::domain::exemption::{CatalogueEntry, ExemptionKind, Warning};
use crate::domain::table::group_by_facet;

/// What one group of endpoints has in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupReason {
    Exemption(ExemptionKind),
    Warning(Warning),
}

impl GroupReason {
    /// The name, meaning and fix the group shows.
    pub fn entry(self) -> &'static CatalogueEntry {
        match self {
            GroupReason::Exemption(kind) => kind.entry(),
            GroupReason::Warning(warning) => warning.entry(),
        }
    }
}

/// One group per exemption the listed endpoints (`order`, indices into
/// `rows`) have, largest first, then one per warning: a warning never blocks
/// patching, so it comes after every reason that does. Each group keeps the
/// order of `order`; an endpoint is in as many groups as it has reasons.
pub fn reason_groups(rows: &[EndpointRow], order: &[u32]) -> Vec<(GroupReason, Vec<u32>)> {
    let exemptions = group_by_facet(rows, order, |row| row.derived.exemptions().iter())
        .into_iter()
        .map(|(kind, members)| (GroupReason::Exemption(kind), members));
    let warnings = Warning::ALL.into_iter().filter_map(|warning| {
        let members: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| rows[i as usize].derived.has_warning(warning))
            .collect();
        (!members.is_empty()).then_some((GroupReason::Warning(warning), members))
    });
    exemptions.chain(warnings).collect()
}

/// How many of the listed endpoints have no reason at all, so that no group
/// lists them: the grouped layout says so, lest its groups read as all there is.
pub fn without_reason(rows: &[EndpointRow], order: &[u32]) -> usize {
    order
        .iter()
        .filter(|&&i| rows[i as usize].derived.is_clear())
        .count()
}
