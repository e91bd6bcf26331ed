//! The enumerations the tables filter and count by, as table facets, and the
//! URL tokens that name their values.

use crate::domain::exemption::ExemptionKind;
use crate::domain::fleet::PatchOutlook;
use crate::domain::os::OsFamily;
use crate::domain::phase::Phase;
use crate::domain::status::StatusKey;
use crate::domain::table::{Facet, FacetSet};

impl Facet for StatusKey {
    const ALL: &'static [Self] = &StatusKey::ALL;
    fn index(self) -> usize {
        StatusKey::index(self)
    }
}

impl Facet for Phase {
    const ALL: &'static [Self] = &Phase::ALL;
    fn index(self) -> usize {
        Phase::index(self)
    }
}

impl Facet for OsFamily {
    const ALL: &'static [Self] = &OsFamily::ALL;
    fn index(self) -> usize {
        OsFamily::index(self)
    }
}

impl Facet for ExemptionKind {
    const ALL: &'static [Self] = &ExemptionKind::ALL;
    fn index(self) -> usize {
        ExemptionKind::index(self)
    }
}

impl Facet for PatchOutlook {
    const ALL: &'static [Self] = &[
        PatchOutlook::Patchable,
        PatchOutlook::TemporarilyCannotPatch,
        PatchOutlook::CannotPatch,
    ];
    fn index(self) -> usize {
        self as usize
    }
}

/// A facet value as the URL names it and as people read it.
pub trait FacetToken: Facet {
    /// The value's name in a URL: "2031-1", "failed", "connector-down".
    fn url_token(self) -> String;
    fn from_url_token(token: &str) -> Option<Self>;
    /// Every value `token` names: the one [`FacetToken::from_url_token`]
    /// finds, unless a facet lets one token name several.
    fn all_named_by(token: &str) -> FacetSet<Self> {
        Self::from_url_token(token).into_iter().collect()
    }
    /// The value's name on screen.
    fn display_name(self) -> String;
}

/// The value of `F` whose URL token is `token`, by its own token.
fn by_token<F: FacetToken>(token: &str) -> Option<F> {
    F::ALL
        .iter()
        .copied()
        .find(|value| value.url_token() == token)
}

impl FacetToken for StatusKey {
    /// Code and state, unique where the code alone is not.
    fn url_token(self) -> String {
        let def = self.def();
        format!("{}-{}", def.code, def.state)
    }
    fn from_url_token(token: &str) -> Option<Self> {
        let (code, state) = token.split_once('-')?;
        StatusKey::from_code_state(code.parse().ok()?, state.parse().ok()?)
    }
    /// A code alone, as the table shows it ("2057"), names each status with it.
    fn all_named_by(token: &str) -> FacetSet<Self> {
        match token.parse() {
            Ok(code) => StatusKey::with_code(code).collect(),
            Err(_) => Self::from_url_token(token).into_iter().collect(),
        }
    }
    fn display_name(self) -> String {
        format!("{} ({})", self.def().name, self.def().code)
    }
}

/// Facets whose URL token is their `as_str()` and whose name is their `label()`.
macro_rules! token_is_as_str {
    ($($facet:ty),+) => {$(
        impl FacetToken for $facet {
            fn url_token(self) -> String {
                self.as_str().to_owned()
            }
            fn from_url_token(token: &str) -> Option<Self> {
                by_token(token)
            }
            fn display_name(self) -> String {
                self.label().to_owned()
            }
        }
    )+};
}

token_is_as_str!(Phase, OsFamily, PatchOutlook);

impl FacetToken for ExemptionKind {
    /// The name in lower case with words joined by dashes: "connector-down".
    fn url_token(self) -> String {
        let words: Vec<String> = self
            .name()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        words.join("-")
    }
    /// Any spelling the catalogue's name look-up accepts.
    fn from_url_token(token: &str) -> Option<Self> {
        ExemptionKind::from_name(token)
    }
    fn display_name(self) -> String {
        self.name().to_owned()
    }
}
