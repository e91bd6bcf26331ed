//! From a backend's [`RawStatus`] to a catalogued status.
//!
//! The rule: the code identifies, the state and the name confirm.
//! - With a code, the candidates are the statuses carrying it. A given state
//!   must match; a name that is a catalogued name must match too. A name the
//!   catalogue does not know is only a label (backends word things their own
//!   way) and neither confirms nor contradicts.
//! - Without a code, the name must be a catalogued name, and a given state
//!   must match it; where part of the status could not be read, a name
//!   alone settles nothing.
//! - One candidate left: `Known`. Two (2031 with neither state nor name):
//!   `Ambiguous`, or `Unknown` when part of the status could not be read.
//!   None (unknown code, unknown name without a code, or facts that
//!   contradict each other): `Unknown`, keeping the raw value.

use super::StatusKey;
use crate::domain::asset::RawStatus;
use crate::domain::phase::Phase;
use std::borrow::Cow;

/// A raw status after look-up in the catalogue.
///
/// Rows store the one-byte [`StatusKey`] (see [`resolve_key`]); this richer
/// value is for the one status being shown or explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolvedStatus {
    Known(StatusKey),
    /// The code is catalogued under several states and nothing said which.
    Ambiguous {
        code: u16,
    },
    /// Not in the catalogue, or self-contradictory; the raw value is kept.
    Unknown {
        raw: RawStatus,
    },
}

impl ResolvedStatus {
    /// The catalogued status, if resolution found exactly one.
    pub const fn key(&self) -> Option<StatusKey> {
        match self {
            ResolvedStatus::Known(key) => Some(*key),
            _ => None,
        }
    }

    /// The phase; anything unresolved is [`Phase::Unknown`].
    pub const fn phase(&self) -> Phase {
        match self {
            ResolvedStatus::Known(key) => key.phase(),
            _ => Phase::Unknown,
        }
    }

    /// What to show for it: the catalogue name, or the raw facts.
    pub fn label(&self) -> Cow<'static, str> {
        match self {
            ResolvedStatus::Known(key) => Cow::Borrowed(key.def().name),
            ResolvedStatus::Ambiguous { code } => {
                Cow::Owned(format!("Code {code} (state not reported)"))
            }
            ResolvedStatus::Unknown { raw } => Cow::Owned(describe_raw(raw)),
        }
    }

    /// For a status that did not resolve to one entry, its code, when the
    /// catalogue lists that code: the entries it may be. `None` when the
    /// status resolved or its code is not catalogued.
    pub fn unresolved_catalogued_code(&self) -> Option<u16> {
        let code = match self {
            ResolvedStatus::Known(_) => return None,
            ResolvedStatus::Ambiguous { code } => *code,
            ResolvedStatus::Unknown { raw } => raw.code?,
        };
        StatusKey::with_code(code).next().map(|_| code)
    }

    /// For a status that did not resolve to one entry, what the catalogue
    /// lists under its code (see [`Self::unresolved_catalogued_code`]): what
    /// the asset's status may be, for an operator to check in the backend.
    pub fn catalogued_as(&self) -> Option<String> {
        let code = self.unresolved_catalogued_code()?;
        let entries: Vec<String> = StatusKey::with_code(code)
            .map(|key| format!("{} (state {})", key.def().name, key.def().state))
            .collect();
        let entries = entries.join(" or ");
        Some(match self {
            ResolvedStatus::Ambiguous { .. } => {
                format!("Code {code} is {entries}; the backend did not say which.")
            }
            ResolvedStatus::Unknown { raw } if raw.unreadable => format!(
                "The catalogue lists code {code} as {entries}; the rest of the status \
                 the backend sent could not be read."
            ),
            _ => format!(
                "The catalogue lists code {code} as {entries}; the state or name the \
                 backend sent does not match it."
            ),
        })
    }

    /// What an operator can do about an asset whose status did not resolve:
    /// its phase's advice, unless the backend sent none or part of it could
    /// not be read.
    pub fn unresolved_next_step(&self) -> &'static str {
        match self {
            ResolvedStatus::Unknown { raw } if *raw == RawStatus::default() => {
                "The backend sent no status for this asset. Check its result in the \
                 backend, and that the configuration's status fields point where the \
                 backend puts it."
            }
            ResolvedStatus::Unknown { raw } if raw.unreadable => {
                "Part of the status the backend sent could not be read: the notice \
                 above the table shows the value found. Check this asset's result in \
                 the backend, or the field mapping."
            }
            _ => self.phase().next_step(),
        }
    }

    /// The label with the status's code apart ("Timed Out · 2037",
    /// "Unnamed status · 2051"), as the job table's Status column shows it;
    /// the code is what operators quote and search for.
    pub fn label_with_code(&self) -> Cow<'static, str> {
        match self.shown_code() {
            Some(code) => Cow::Owned(format!("{} · {code}", self.words())),
            None => self.label(),
        }
    }

    /// The code the Status column shows apart from [`Self::words`], where a
    /// narrow column never cuts it: the catalogued one, or the one sent.
    pub fn shown_code(&self) -> Option<u16> {
        match self {
            ResolvedStatus::Known(key) => Some(key.def().code),
            ResolvedStatus::Ambiguous { code } => Some(*code),
            ResolvedStatus::Unknown { raw } => raw.code,
        }
    }

    /// The label less the code [`Self::shown_code`] gives: "Timed Out",
    /// "State not reported", "Unnamed status (state 3)".
    pub fn words(&self) -> Cow<'static, str> {
        match self {
            ResolvedStatus::Known(key) => Cow::Borrowed(key.def().name),
            ResolvedStatus::Ambiguous { .. } => Cow::Borrowed("State not reported"),
            ResolvedStatus::Unknown { raw } if raw.code.is_some() => {
                let uncoded = RawStatus {
                    code: None,
                    ..raw.clone()
                };
                let words = describe_readable(&uncoded).unwrap_or_else(|| UNNAMED.to_owned());
                Cow::Owned(with_unread_rest(words, raw.unreadable))
            }
            ResolvedStatus::Unknown { .. } => self.label(),
        }
    }
}

const UNNAMED: &str = "Unnamed status";

fn with_unread_rest(described: String, unreadable: bool) -> String {
    match unreadable {
        true => format!("{described}, the rest could not be read"),
        false => described,
    }
}

/// Resolves a raw status by the rule in the module docs. Allocates only to
/// keep the raw value of an unknown status.
pub fn resolve(raw: &RawStatus) -> ResolvedStatus {
    match look_up(raw) {
        Candidates::One(key) => ResolvedStatus::Known(key),
        // The backend did say which, in a value that could not be read.
        Candidates::Several { .. } if raw.unreadable => {
            ResolvedStatus::Unknown { raw: raw.clone() }
        }
        Candidates::Several { code } => ResolvedStatus::Ambiguous { code },
        Candidates::None => ResolvedStatus::Unknown { raw: raw.clone() },
    }
}

/// The catalogued status of a raw status, without allocating: what a row
/// stores. `None` covers both ambiguous and unknown; the row keeps its raw
/// value for display.
pub fn resolve_key(raw: &RawStatus) -> Option<StatusKey> {
    match look_up(raw) {
        Candidates::One(key) => Some(key),
        Candidates::Several { .. } | Candidates::None => None,
    }
}

/// True when two status names are equal ignoring case and everything but
/// letters and digits: "Canceled - Blackout", "canceled_blackout" and
/// "CANCELED-BLACKOUT" all match.
pub fn names_match(a: &str, b: &str) -> bool {
    // The same comparison, byte by byte: Unicode case mapping per character
    // cost more than the rest of resolving a status.
    if a.is_ascii() && b.is_ascii() {
        return significant_bytes(a).eq(significant_bytes(b));
    }
    significant_chars(a).eq(significant_chars(b))
}

fn significant_bytes(name: &str) -> impl Iterator<Item = u8> + '_ {
    name.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|byte| byte.to_ascii_lowercase())
}

fn significant_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

enum Candidates {
    One(StatusKey),
    Several { code: u16 },
    None,
}

fn look_up(raw: &RawStatus) -> Candidates {
    let state_agrees = |key: StatusKey| raw.state.is_none_or(|state| state == key.def().state);
    let name = raw.name.as_deref();
    match raw.code {
        Some(code) => {
            // A name agrees when it is the key's own, or no status's at all.
            // Trying the key's own first (names are unique, see the tests)
            // spares nearly every row a scan of the catalogue: at 100,000
            // rows that scan was a third of deriving them.
            let name_agrees = |key: StatusKey| {
                name.is_none_or(|name| {
                    names_match(key.def().name, name) || StatusKey::from_name(name).is_none()
                })
            };
            let mut candidates =
                StatusKey::with_code(code).filter(|&key| state_agrees(key) && name_agrees(key));
            match (candidates.next(), candidates.next()) {
                (Some(only), None) => Candidates::One(only),
                (Some(_), Some(_)) => Candidates::Several { code },
                (None, _) => Candidates::None,
            }
        }
        // A name alone does not settle a status whose code was sent and
        // could not be read: that code may be another status's.
        None if raw.unreadable => Candidates::None,
        None => match name.and_then(StatusKey::from_name) {
            Some(key) if state_agrees(key) => Candidates::One(key),
            _ => Candidates::None,
        },
    }
}

/// "Quarantined (code 2099, state 3)", "Unnamed status (code 2099)", …, and
/// "…, the rest could not be read" where part of it was left out.
fn describe_raw(raw: &RawStatus) -> String {
    let described = describe_readable(raw);
    match (raw.unreadable, described) {
        (false, described) => described.unwrap_or_else(|| "No status reported".to_owned()),
        (true, None) => "Status could not be read".to_owned(),
        (true, Some(described)) => with_unread_rest(described, true),
    }
}

fn describe_readable(raw: &RawStatus) -> Option<String> {
    let name = raw.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let numbers = match (raw.code, raw.state) {
        (Some(code), Some(state)) => Some(format!("code {code}, state {state}")),
        (Some(code), None) => Some(format!("code {code}")),
        (None, Some(state)) => Some(format!("state {state}")),
        (None, None) => None,
    };
    match (name, numbers) {
        (Some(name), Some(numbers)) => Some(format!("{name} ({numbers})")),
        (Some(name), None) => Some(name.to_owned()),
        (None, Some(numbers)) => Some(format!("{UNNAMED} ({numbers})")),
        (None, None) => None,
    }
}
