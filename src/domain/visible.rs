//! Backend text as it is safe to show. A bidi override reorders what follows
//! it and a zero-width space takes no room, so "HOST-0001" with either
//! inside could pass for another host's name on screen and miss a search
//! for what it shows. Shown, each such character is a visible mark; searched,
//! it is left out (see [`crate::domain::table::TextQuery`]).
//!
//! The zero-width joiner and non-joiner are not among them: scripts such as
//! Persian and Devanagari, and emoji, need them.

use std::borrow::Cow;

/// What stands for a hidden character on screen.
pub const MARK: char = '\u{FFFD}';

/// Whether `c` reorders text or takes no room without being part of a word.
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `text` with each hidden control character shown as [`MARK`].
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.contains(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_hidden_control(c) { MARK } else { c })
            .collect(),
    )
}
