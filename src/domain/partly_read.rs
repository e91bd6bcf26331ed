//! What a detail panel says beside a list the backend sent when some of its
//! entries could not be read: the list shows only the rest, and the operator
//! should know it is short.

use super::decimal::{grouped, Noun};

/// The note for a list of which `kept` entries were read and `unreadable`
/// were not: none when nothing was lost. `whole` names the list as a
/// sentence's subject ("The status history"), `entries` its entries.
pub fn unreadable_entries_note(
    kept: usize,
    unreadable: u16,
    whole: &str,
    entries: Noun,
) -> Option<String> {
    let lost = match (kept, unreadable) {
        (_, 0) => return None,
        (0, _) => whole.to_owned(),
        (_, 1) => format!("Another {}", entries.one),
        (_, more) => format!("{} other {}", grouped(u64::from(more)), entries.many),
    };
    Some(format!("{lost} the backend sent could not be read."))
}
