//! What a page says when a load stopped short of the whole list: a title
//! and the details, in words an operator can act on. Kept apart from the
//! banner that shows it, so every case reads the same way.

use super::load::CutShort;
use super::paging::LostTrail;
use crate::domain::decimal::grouped;

/// A cut-short load's banner text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutShortNote {
    pub title: String,
    pub details: String,
}

/// What to do about a backend whose pages hold fewer rows than the size
/// asked for before the last.
const CAPPED_PAGE_ADVICE: &str = "A backend that caps its pages below the configured size sends such short pages: set size to its largest page, or \"end\": \"empty_page\".";

/// The banner text for a load that stopped at `cut_short`.
pub fn cut_short_note(cut_short: CutShort) -> CutShortNote {
    match cut_short {
        CutShort::Limit { max } => CutShortNote {
            title: format!("Showing the first {} rows: the configured maximum was reached", grouped(max as u64)),
            details: "Raise max_items for this resource in the configuration to load more.".to_owned(),
        },
        CutShort::LostTrail(LostTrail::CursorUnreadable { header, present: None, .. }) => CutShortNote {
            title: format!("More rows may exist: the backend's {header} header could not be read"),
            details: format!(
                "The last page was full, so another may follow, but the {header} header that leads to it was not readable here. A backend on another origin must list {header} in its Access-Control-Expose-Headers response header (CORS)."
            ),
        },
        CutShort::LostTrail(LostTrail::LinkHidden { exposed }) => CutShortNote {
            title: "More rows may exist: the backend's Link header could not be read".to_owned(),
            details: if exposed.is_empty() {
                "Paging follows the Link header, but this answer from another origin showed only the few headers every browser reveals, so no other page was asked for. The backend must list Link in its Access-Control-Expose-Headers response header (CORS).".to_owned()
            } else {
                format!(
                    "Paging follows the Link header, but the first answer, from another origin, had none the page could read: the backend lets it read {} and no Link, so no other page was asked for. If the backend sends Link, it must also list Link in its Access-Control-Expose-Headers response header (CORS). A backend that sends a list of one page without any Link gets this note too.",
                    exposed.join(", "),
                )
            },
        },
        CutShort::LostTrail(LostTrail::NextPointerUnfound { pointer, candidates }) => CutShortNote {
            title: format!("More rows may exist: the next-page pointer {pointer:?} found nothing"),
            details: format!(
                "The last page had no value at {pointer:?}, so no other page was asked for, but it has {} where a next page's link or cursor may be. If that is it, set the resource's paging pointer to it.",
                candidates.iter().map(|candidate| format!("{candidate:?}")).collect::<Vec<_>>().join(", "),
            ),
        },
        CutShort::LostTrail(LostTrail::ShortOfTotal { member, total, read }) => CutShortNote {
            title: format!(
                "More rows may exist: the backend counts {} but paging stopped at {}",
                grouped(total),
                grouped(read as u64),
            ),
            details: format!(
                "A page held fewer rows than the size asked for, which ends the list, yet the answer's {member:?} says {}. {CAPPED_PAGE_ADVICE}",
                grouped(total),
            ),
        },
        CutShort::LostTrail(LostTrail::FlaggedMore { flag }) => CutShortNote {
            title: format!("More rows may exist: paging stopped at a short page, but the answer says {flag}"),
            details: format!(
                "A page held fewer rows than the size asked for, which ends the list, yet the same answer flags that more follow. {CAPPED_PAGE_ADVICE}"
            ),
        },
        CutShort::LostTrail(LostTrail::LastItemUnusable { pointer, found }) => CutShortNote {
            title: format!("More rows may exist: the last item of a full page has no value at {pointer:?} to page on from"),
            details: format!(
                "Keyset paging asks for the page after the last item's value at the pointer, but it found {}, so no other page was asked for. The pointer is read within an item (\"/id\"), not from the body's root.",
                found.as_deref().unwrap_or("nothing there"),
            ),
        },
        CutShort::LostTrail(LostTrail::NextPointerUnusable { pointer, found }) => CutShortNote {
            title: format!("More rows may exist: the next-page pointer {pointer:?} names no link or cursor"),
            details: format!(
                "It found {found}, which cannot be sent back for the next page: a link or cursor is a string or a number, so no other page was asked for. Point the resource's paging pointer at the backend's next link or cursor; a backend that pages by a list of values (Elasticsearch's search_after) cannot be paged by Patchboard, so raise its page size to hold every row."
            ),
        },
        CutShort::LostTrail(LostTrail::CursorUnreadable { header, present: Some(present), cross_origin }) => CutShortNote {
            title: format!("More rows may exist: the last page was full but had no {header} header"),
            details: format!(
                "Another page may follow, but the {header} header that leads to it was not in the answer, which had {}. If the backend names its cursor header otherwise, set response_header to that name.{}",
                if present.is_empty() { "no headers".to_owned() } else { present.join(", ") },
                if cross_origin {
                    // It exposes some headers, maybe not this one.
                    format!(" If it sends {header}, it must also list it in its Access-Control-Expose-Headers response header (CORS), as the backend is on another origin.")
                } else {
                    String::new()
                },
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_names_the_rows_shown_and_the_key_to_raise() {
        let note = cut_short_note(CutShort::Limit { max: 250_000 });
        assert_eq!(
            note.title,
            "Showing the first 250,000 rows: the configured maximum was reached"
        );
        assert_eq!(
            note.details,
            "Raise max_items for this resource in the configuration to load more."
        );
    }

    #[test]
    fn a_short_page_beside_a_larger_total_names_both_and_the_capped_page_advice() {
        let note = cut_short_note(CutShort::LostTrail(LostTrail::ShortOfTotal {
            member: "totalElements".to_owned(),
            total: 12_000,
            read: 1_000,
        }));
        assert_eq!(
            note.title,
            "More rows may exist: the backend counts 12,000 but paging stopped at 1,000"
        );
        assert!(
            note.details
                .contains("the answer's \"totalElements\" says 12,000."),
            "{}",
            note.details
        );
        assert!(
            note.details.ends_with(CAPPED_PAGE_ADVICE),
            "{}",
            note.details
        );
    }
}
