//! Untrusted text quoted in a message, cut so that a pasted page or a
//! runaway value does not bury the sentence around it.

use std::borrow::Cow;

/// How much of an operator's search or a link's token a message quotes.
pub const QUOTED_CHARS: usize = 60;

/// `text` whole when it has at most `max_chars` characters, else its first
/// `max_chars` and "…". Cut between characters, never inside one: backends
/// and searches come in any language.
pub fn abridged(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::abridged;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(abridged("kb5031356", 60), "kb5031356");
        assert_eq!(abridged(&"x".repeat(60), 60), "x".repeat(60));
    }

    #[test]
    fn long_text_is_cut_between_characters_and_marked() {
        assert_eq!(
            abridged(&"x".repeat(61), 60),
            format!("{}…", "x".repeat(60))
        );
        assert_eq!(abridged("日本標準時", 2), "日本…");
    }
}
