//! A set of exemption kinds in one machine word.
//!
//! Every endpoint of a 100k fleet holds one, and filtering by kind is a bit test.

use super::kind::{ExemptionKind, Impact};
use serde::{Deserialize, Serialize};

/// A set of [`ExemptionKind`]s; bit `k.index()` stands for kind `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct ExemptionSet(u32);

impl ExemptionSet {
    /// The set with no kinds.
    pub const EMPTY: ExemptionSet = ExemptionSet(0);

    /// Every kind that cannot patch until someone fixes the cause.
    pub const CANNOT_PATCH: ExemptionSet = ExemptionSet::with_impact(Impact::CannotPatch);

    /// Every kind that clears once conditions change.
    pub const TEMPORARILY_CANNOT_PATCH: ExemptionSet =
        ExemptionSet::with_impact(Impact::TemporarilyCannotPatch);

    const fn with_impact(impact: Impact) -> ExemptionSet {
        let mut bits = 0;
        let mut i = 0;
        while i < ExemptionKind::ALL.len() {
            let kind = ExemptionKind::ALL[i];
            if kind.impact() as u8 == impact as u8 {
                bits |= 1 << i;
            }
            i += 1;
        }
        ExemptionSet(bits)
    }

    const fn bit(kind: ExemptionKind) -> u32 {
        1 << kind.index()
    }

    /// Adds `kind`; adding it twice changes nothing.
    pub fn insert(&mut self, kind: ExemptionKind) {
        self.0 |= Self::bit(kind);
    }

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: ExemptionKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    /// Kinds in either set.
    pub const fn union(self, other: ExemptionSet) -> ExemptionSet {
        ExemptionSet(self.0 | other.0)
    }

    /// Kinds in both sets.
    pub const fn intersection(self, other: ExemptionSet) -> ExemptionSet {
        ExemptionSet(self.0 & other.0)
    }

    /// Whether the set holds no kinds.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many kinds the set holds.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The kinds in catalogue order; walks set bits only, since fleet counts call it per endpoint.
    pub fn iter(self) -> impl Iterator<Item = ExemptionKind> {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            let index = rest.trailing_zeros() as usize;
            let kind = ExemptionKind::ALL.get(index).copied()?;
            rest &= rest - 1;
            Some(kind)
        })
    }
}

impl FromIterator<ExemptionKind> for ExemptionSet {
    fn from_iter<I: IntoIterator<Item = ExemptionKind>>(kinds: I) -> Self {
        let mut set = ExemptionSet::EMPTY;
        kinds.into_iter().for_each(|kind| set.insert(kind));
        set
    }
}
