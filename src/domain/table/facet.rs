//! Enumerated facets (status, OS family, exemption kind) as 64-bit sets.

use std::fmt;
use std::marker::PhantomData;

/// A small enumeration a table can filter and group by.
///
/// Implement it for fieldless enums with `ALL` in declaration order and
/// `index` as `self as usize`. At most 64 values, so a set fits in one `u64`.
pub trait Facet: Copy + Eq + 'static {
    /// Every value, in the order charts and groups list them; `ALL[v.index()] == v`.
    const ALL: &'static [Self];
    /// The position of `self` in [`Facet::ALL`].
    fn index(self) -> usize;
}

/// The single bit for `value`.
fn bit<F: Facet>(value: F) -> u64 {
    const { assert!(F::ALL.len() <= 64, "a Facet has at most 64 values") };
    let index = value.index();
    debug_assert!(
        F::ALL.get(index) == Some(&value),
        "Facet::index disagrees with Facet::ALL"
    );
    1 << index
}

/// A set of facet values: one bit per value, no allocation, `Copy`.
pub struct FacetSet<F> {
    bits: u64,
    facet: PhantomData<F>,
}

impl<F: Facet> FacetSet<F> {
    /// The empty set.
    pub const fn new() -> Self {
        Self {
            bits: 0,
            facet: PhantomData,
        }
    }

    /// Whether `value` is in the set.
    pub fn contains(self, value: F) -> bool {
        self.bits & bit(value) != 0
    }

    /// Adds `value`.
    pub fn insert(&mut self, value: F) {
        self.bits |= bit(value);
    }

    /// Removes `value`.
    pub fn remove(&mut self, value: F) {
        self.bits &= !bit(value);
    }

    /// Adds `value` if absent, removes it if present (a checkbox click).
    pub fn toggle(&mut self, value: F) {
        self.bits ^= bit(value);
    }

    /// Whether no value is in the set.
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// How many values are in the set.
    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// As a filter's ticked values, where nothing ticked restricts nothing:
    /// whether a row with `value` passes.
    pub fn admits(self, value: F) -> bool {
        self.is_empty() || self.contains(value)
    }

    /// As [`FacetSet::admits`], for a row with any number of values (its
    /// exemptions, or an optional status): it needs one ticked value.
    pub fn admits_any(self, values: impl IntoIterator<Item = F>) -> bool {
        self.is_empty() || values.into_iter().any(|value| self.contains(value))
    }

    /// The members in [`Facet::ALL`] order.
    pub fn iter(self) -> Members<F> {
        Members {
            bits: self.bits,
            facet: PhantomData,
        }
    }
}

/// The members of a [`FacetSet`], in [`Facet::ALL`] order.
pub struct Members<F> {
    bits: u64,
    facet: PhantomData<F>,
}

impl<F: Facet> Iterator for Members<F> {
    type Item = F;
    fn next(&mut self) -> Option<F> {
        if self.bits == 0 {
            return None;
        }
        let index = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(F::ALL[index])
    }
}

// Manual impls: derives would wrongly require `F` itself to implement each trait.
impl<F> Clone for FacetSet<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F> Copy for FacetSet<F> {}
impl<F> PartialEq for FacetSet<F> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<F> Eq for FacetSet<F> {}
impl<F: Facet> Default for FacetSet<F> {
    fn default() -> Self {
        Self::new()
    }
}
impl<F: Facet + fmt::Debug> fmt::Debug for FacetSet<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<F: Facet> FromIterator<F> for FacetSet<F> {
    fn from_iter<I: IntoIterator<Item = F>>(values: I) -> Self {
        let mut set = Self::new();
        values.into_iter().for_each(|value| set.insert(value));
        set
    }
}

impl<F: Facet> IntoIterator for FacetSet<F> {
    type Item = F;
    type IntoIter = Members<F>;
    fn into_iter(self) -> Members<F> {
        self.iter()
    }
}
