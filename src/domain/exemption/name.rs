//! Finding catalogue entries by the names backends and people use.
//!
//! Matching ignores case and everything but letters and digits, so
//! "Connector Not Installed / Available", "connector_not_installed_available"
//! and "ConnectorNotInstalledAvailable" are one name.

use super::catalogue::CatalogueEntry;
use super::kind::{ExemptionKind, Warning};
use crate::domain::table::natural_cmp;
use serde::{Deserialize, Serialize};

/// A name resolved against the catalogue. Unknown names are kept, never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CatalogueName {
    Exemption(ExemptionKind),
    Warning(Warning),
    Unknown { raw: String },
}

impl CatalogueName {
    /// Resolves a name by its exact form, its spelling variants or a known short form.
    pub fn parse(raw: &str) -> CatalogueName {
        if let Some(kind) = ExemptionKind::from_name(raw) {
            CatalogueName::Exemption(kind)
        } else if let Some(warning) = Warning::from_name(raw) {
            CatalogueName::Warning(warning)
        } else {
            CatalogueName::Unknown {
                raw: raw.trim().to_owned(),
            }
        }
    }
}

impl ExemptionKind {
    /// The kind with this name or short form, ignoring case and punctuation.
    pub fn from_name(name: &str) -> Option<ExemptionKind> {
        ExemptionKind::ALL
            .into_iter()
            .find(|kind| answers_to(kind.entry(), name))
    }
}

impl Warning {
    /// The warning with this name or short form, ignoring case and punctuation.
    pub fn from_name(name: &str) -> Option<Warning> {
        Warning::ALL
            .into_iter()
            .find(|warning| answers_to(warning.entry(), name))
    }
}

fn answers_to(entry: &CatalogueEntry, name: &str) -> bool {
    std::iter::once(entry.name)
        .chain(entry.aliases.iter().copied())
        .any(|known| same_name(known, name))
}

/// Whether two names are one, ignoring case and everything but letters and
/// digits. Compares without allocating: this runs for every reported name of
/// every endpoint.
pub fn same_name(a: &str, b: &str) -> bool {
    significant(a).eq(significant(b))
}

/// What [`same_name`] compares, as a key: two names are one exactly when
/// their keys are equal.
pub fn name_key(name: &str) -> String {
    significant(name).collect()
}

fn significant(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// One name the catalogue does not know, as the endpoints spelt it: each
/// spelling (by [`same_name`], one name) with how many reported it, so that
/// every place that shows the name shows the same one, its most common.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spellings(Vec<(String, usize)>);

impl Spellings {
    /// Whether `name` is a spelling of this name; false for a new tally.
    pub fn is_of(&self, name: &str) -> bool {
        self.0
            .first()
            .is_some_and(|(spelt, _)| same_name(spelt, name))
    }

    /// Counts one more report of the name, spelt `name`.
    pub fn add(&mut self, name: &str) {
        match self.0.iter_mut().find(|(spelt, _)| spelt == name) {
            Some((_, uses)) => *uses += 1,
            None => self.0.push((name.to_owned(), 1)),
        }
    }

    /// The most common spelling; on a tie the one with fewer capitals (a
    /// shouted name is the odd one out), then the first in natural order, so
    /// that an order of reports does not rename it.
    pub fn most_common(&self) -> &str {
        let capitals = |name: &str| name.chars().filter(|c| c.is_uppercase()).count();
        self.0
            .iter()
            .min_by(|(a, a_uses), (b, b_uses)| {
                b_uses
                    .cmp(a_uses)
                    .then_with(|| capitals(a).cmp(&capitals(b)))
                    .then_with(|| natural_cmp(a, b))
            })
            .map_or("", |(name, _)| name)
    }
}

/// A name with no letter or digit names nothing.
pub fn is_blank(name: &str) -> bool {
    !name.chars().any(char::is_alphanumeric)
}
