//! The enumerations the tables filter and count by, as table facets, and the
//! URL tokens that name their values.

use crate::domain::exemption::ExemptionKind;
use crate::domain::fleet::PatchOutlook;
use crate::domain::os::OsFamily;
use crate::domain::phase::Phase;
use crate::domain::status::StatusKey;
use crate::domain::table::Facet;

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

/// "2031-1": code and state, unique where the code alone is not.
pub fn status_token(status: StatusKey) -> String {
    let def = status.def();
    format!("{}-{}", def.code, def.state)
}

pub(crate) fn status_from_token(token: &str) -> Option<StatusKey> {
    let (code, state) = token.split_once('-')?;
    StatusKey::from_code_state(code.parse().ok()?, state.parse().ok()?)
}

/// "connector-down": the name in lower case with words joined by dashes.
pub fn exemption_token(kind: ExemptionKind) -> String {
    let mut token = String::new();
    for word in kind
        .name()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !token.is_empty() {
            token.push('-');
        }
        token.push_str(&word.to_ascii_lowercase());
    }
    token
}

pub(crate) fn os_from_token(token: &str) -> Option<OsFamily> {
    OsFamily::ALL.into_iter().find(|os| os.as_str() == token)
}

pub(crate) fn outlook_from_token(token: &str) -> Option<PatchOutlook> {
    <PatchOutlook as Facet>::ALL
        .iter()
        .copied()
        .find(|outlook| outlook.as_str() == token)
}
