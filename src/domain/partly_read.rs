//! What a detail panel says beside a list the backend sent when some of its
//! entries could not be read: the list shows only the rest, and the operator
//! should know it is short.

use super::decimal::grouped;

/// How a list names itself whole and its entries one by one.
#[derive(Debug, Clone, Copy)]
pub struct ListNouns {
    /// The list as a sentence's subject ("The status history").
    pub whole: &'static str,
    /// One entry after "Another" ("entry", "drive").
    pub entry: &'static str,
    /// Entries after a count ("entries", "drives").
    pub entries: &'static str,
}

/// The note for a list of which `kept` entries were read and `unreadable`
/// were not: none when nothing was lost.
pub fn unreadable_entries_note(kept: usize, unreadable: u16, nouns: ListNouns) -> Option<String> {
    let lost = match (kept, unreadable) {
        (_, 0) => return None,
        (0, _) => nouns.whole.to_owned(),
        (_, 1) => format!("Another {}", nouns.entry),
        (_, more) => format!("{} other {}", grouped(u64::from(more)), nouns.entries),
    };
    Some(format!("{lost} the backend sent could not be read."))
}
