//! Links into the Reference page: which catalogue entries a status names,
//! so a panel can point at the rows that explain it.

use super::abridge::{abridged, QUOTED_CHARS};
use super::status::{ResolvedStatus, StatusKey};
use super::table::FacetSet;
use super::view::FacetToken;

/// The Reference URL's parameter naming the status entries to show.
pub const STATUS_PARAM: &str = "status";

/// What a link to the Reference names for `status`: its entry ("2037-0")
/// when it resolved, its code ("2031") when it did not but the catalogue
/// lists the code, `None` when the catalogue has nothing to show.
pub fn status_token(status: &ResolvedStatus) -> Option<String> {
    match status.key() {
        Some(key) => Some(key.url_token()),
        None => status
            .unresolved_catalogued_code()
            .map(|code| code.to_string()),
    }
}

/// The entries a Reference link's `token` names: one entry, or every state
/// of a code; none for a token the catalogue does not know.
pub fn named_statuses(token: &str) -> FacetSet<StatusKey> {
    StatusKey::all_named_by(token)
}

/// What the Reference says of a link whose `token` names no entry, a code
/// or state mistyped or from another catalogue: rather than mark nothing
/// and leave the reader looking for it.
pub fn unnamed_status_note(token: &str) -> Option<String> {
    named_statuses(token).is_empty().then(|| {
        format!(
            "The link asks for status \"{}\", which the catalogue does not list: every status it \
             lists is below.",
            abridged(token, QUOTED_CHARS)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::asset::RawStatus;

    fn raw(code: Option<u16>, state: Option<u8>, name: Option<&str>) -> RawStatus {
        RawStatus {
            code,
            state,
            name: name.map(Into::into),
            ..RawStatus::default()
        }
    }

    #[test]
    fn a_link_naming_no_entry_is_told_so() {
        for token in ["9999", "2031-9", "abc", ""] {
            let note = unnamed_status_note(token).expect(token);
            assert!(note.contains(&format!("\"{token}\"")), "{note}");
        }
        assert_eq!(unnamed_status_note("2031"), None);
        assert_eq!(unnamed_status_note("2037-0"), None);
        let long = unnamed_status_note(&"9".repeat(500)).unwrap();
        assert!(
            long.contains(&format!("\"{}…\"", "9".repeat(60))),
            "a long token is quoted in part, marked as cut: {long}"
        );
    }

    #[test]
    fn a_resolved_status_names_its_one_entry() {
        let token = status_token(&ResolvedStatus::Known(StatusKey::TimedOut)).unwrap();
        assert_eq!(token, "2037-0");
        let named: Vec<StatusKey> = named_statuses(&token).iter().collect();
        assert_eq!(named, [StatusKey::TimedOut]);
    }

    #[test]
    fn an_unresolved_status_names_every_state_of_its_catalogued_code() {
        let ambiguous = ResolvedStatus::Ambiguous { code: 2031 };
        let token = status_token(&ambiguous).unwrap();
        assert_eq!(token, "2031");
        assert_eq!(named_statuses(&token).iter().count(), 2);
        // A state the catalogue does not list under a code it knows.
        let mismatched = ResolvedStatus::Unknown {
            raw: raw(Some(2037), Some(2), None),
        };
        assert_eq!(status_token(&mismatched).as_deref(), Some("2037"));
    }

    #[test]
    fn a_status_the_catalogue_cannot_place_names_nothing() {
        for raw in [
            raw(Some(9999), Some(0), None),
            raw(None, None, Some("Frobnicated")),
        ] {
            assert_eq!(status_token(&ResolvedStatus::Unknown { raw }), None);
        }
        for token in ["", "9999", "2037-7", "timed-out"] {
            assert!(named_statuses(token).is_empty(), "{token:?}");
        }
    }
}
