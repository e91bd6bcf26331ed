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

    /// Whether the two sets share a value.
    pub fn intersects(self, other: Self) -> bool {
        self.bits & other.bits != 0
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

/// A facet filter as the user ticks it: nothing ticked lets every row through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetFilter<F: Facet> {
    selected: FacetSet<F>,
}

impl<F: Facet> Default for FacetFilter<F> {
    fn default() -> Self {
        Self::all()
    }
}

impl<F: Facet> FacetFilter<F> {
    /// The filter that lets every value through.
    pub const fn all() -> Self {
        Self {
            selected: FacetSet::new(),
        }
    }

    /// The ticked values; empty means no restriction.
    pub fn selected(self) -> FacetSet<F> {
        self.selected
    }

    /// Ticks or unticks `value`.
    pub fn toggle(&mut self, value: F) {
        self.selected.toggle(value);
    }

    /// Whether a row with this single value passes.
    pub fn allows(self, value: F) -> bool {
        self.selected.is_empty() || self.selected.contains(value)
    }

    /// Whether a row carrying several values (e.g. exemptions) passes: it
    /// needs any one ticked value.
    pub fn allows_any(self, values: FacetSet<F>) -> bool {
        self.selected.is_empty() || self.selected.intersects(values)
    }
}

impl<F: Facet> FromIterator<F> for FacetFilter<F> {
    fn from_iter<I: IntoIterator<Item = F>>(values: I) -> Self {
        Self {
            selected: values.into_iter().collect(),
        }
    }
}
