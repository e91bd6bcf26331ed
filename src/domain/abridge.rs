//! Untrusted text quoted in a message, cut so that a pasted page or a
//! runaway value does not bury the sentence around it.

use std::borrow::Cow;

/// How much of an operator's search or a link's token a message quotes.
pub const QUOTED_CHARS: usize = 60;

/// `text` whole when it has at most `max_chars` characters, else its first
/// `max_chars` and "…". Cut between characters, never inside one, and not
/// between a letter and the marks that belong to it (an accent, an emoji's
/// joined parts, a flag's second half): backends and searches come in any
/// language. (Scripts whose vowels are marks of their own, Devanagari's,
/// may still be cut before one.)
pub fn abridged(text: &str, max_chars: usize) -> Cow<'_, str> {
    let Some((mut cut, _)) = text.char_indices().nth(max_chars) else {
        return Cow::Borrowed(text);
    };
    let mut before = text[..cut].chars().next_back();
    // Regional indicators pair up into flags from the run's start.
    let mut regional_run = text[..cut]
        .chars()
        .rev()
        .take_while(|&c| is_regional(c))
        .count();
    // Bounded: a run of marks is no reason to quote a whole runaway value.
    for next in text[cut..].chars().take(MOST_KEPT_MARKS) {
        let completes_flag = is_regional(next) && regional_run % 2 == 1;
        if !completes_flag && !continues(before, next) {
            break;
        }
        regional_run = if is_regional(next) {
            regional_run + 1
        } else {
            0
        };
        cut += next.len_utf8();
        before = Some(next);
    }
    if cut == text.len() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{}…", &text[..cut]))
}

/// Untrusted text as a message quotes it: cut after [`QUOTED_CHARS`]
/// characters, in double quotes with control characters escaped (those
/// that hide or reorder text included), so that a backend's value can
/// neither pass for other words nor bury the sentence.
pub fn quoted(text: &str) -> String {
    format!("{:?}", abridged(text, QUOTED_CHARS))
}

/// Whether `next` belongs with the character `before` it: a combining mark,
/// a variation selector, an emoji modifier or tag, a zero-width joiner or
/// what it joins.
fn continues(before: Option<char>, next: char) -> bool {
    matches!(
        next,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{200D}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}'
    ) || before == Some('\u{200D}') && !next.is_ascii()
}

/// How many marks past the cut are kept with the character before it: an
/// emoji's longest sequence (a family, a flag of tags) has fewer.
const MOST_KEPT_MARKS: usize = 16;

/// A regional indicator: two make a flag.
fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
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
    fn a_cut_keeps_a_letter_with_its_marks() {
        // An accent written as a combining mark stays on its letter.
        assert_eq!(abridged("cafe\u{301} au lait", 4), "cafe\u{301}…");
        // A joined emoji stays whole, and so does a flag.
        assert_eq!(abridged("ab👩\u{200D}💻cd", 3), "ab👩\u{200D}💻…");
        assert_eq!(abridged("ab🇩🇪cd", 3), "ab🇩🇪…");
        // Two flags in a row may be cut between them, not inside either.
        assert_eq!(abridged("🇩🇪🇫🇷x", 2), "🇩🇪…");
        assert_eq!(abridged("x👍\u{1F3FD}y", 2), "x👍\u{1F3FD}…");
        // Marks that reach the end leave nothing to cut.
        assert_eq!(abridged("e\u{301}", 1), "e\u{301}");
        // A runaway run of marks is cut all the same, and a joiner between
        // ASCII letters takes none of them along.
        let runaway = format!("a{}", "\u{301}".repeat(10_000));
        assert_eq!(abridged(&runaway, 1).chars().count(), 1 + 16 + 1);
        assert_eq!(abridged("ab\u{200D}cd", 2), "ab\u{200D}…");
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
