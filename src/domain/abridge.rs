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

/// Untrusted text as a message quotes it: cut after [`QUOTED_CHARS`]
/// characters, in double quotes with control characters escaped (those
/// that hide or reorder text included), so that a backend's value can
/// neither pass for other words nor bury the sentence.
pub fn quoted(text: &str) -> String {
    format!("{:?}", abridged(text, QUOTED_CHARS))
}

#[cfg(test)]
mod tests {
    use super::{abridged, quoted};

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

    #[test]
    fn quoted_text_is_cut_escaped_and_shows_what_would_reorder_it() {
        assert_eq!(quoted("web-01"), "\"web-01\"");
        assert_eq!(quoted("a\"b\nc"), "\"a\\\"b\\nc\"");
        // A right-to-left override would show "connected" and turn the
        // message after it around; a zero-width space would hide itself.
        assert_eq!(quoted("\u{202E}detcennoc"), "\"\\u{202e}detcennoc\"");
        assert_eq!(quoted("web\u{200B}-01"), "\"web\\u{200b}-01\"");
        assert_eq!(
            quoted(&"x".repeat(50_000)),
            format!("\"{}…\"", "x".repeat(60))
        );
    }
}
