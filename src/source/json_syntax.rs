//! Why a hand-written JSON text does not parse, in words its writer can act
//! on: the parser's own message, and what the text has where it stopped
//! when that is a habit of other formats (comments, trailing commas,
//! single quotes, bare keys).

use super::body_text::offset_of;

/// The parser's message for `text`, with a hint when the place it names
/// holds something JSON does not allow.
pub fn described(text: &str, error: &serde_json::Error) -> String {
    // Line 0 is serde_json's mark for an error with no place in the text.
    let hint = (error.line() > 0).then(|| {
        let (before, rest) = text.split_at(offset_of(text, error.line(), error.column()));
        let at = rest.split('\n').next().unwrap_or_default();
        habit_of_other_formats(at, before)
    });
    match hint.flatten() {
        Some(hint) => format!("{error} ({hint})"),
        None => error.to_string(),
    }
}

/// What `at` (from where parsing stopped to the end of its line) holds, after
/// `before`, that other formats allow and JSON does not.
fn habit_of_other_formats(at: &str, before: &str) -> Option<&'static str> {
    if at.starts_with("//") || at.starts_with("/*") || at.starts_with('#') {
        Some("JSON allows no comments")
    } else if at.starts_with(['}', ']']) && before.trim_end().ends_with(',') {
        Some("JSON allows no comma after the last item before a closing } or ]")
    } else if at.starts_with('\'') {
        Some("JSON quotes text and keys with double quotes only")
    } else if ["true", "false", "null", "none"].iter().any(|word| {
        at.get(..word.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(word))
    }) {
        Some("JSON writes true, false and null in lower case, and has no None")
    } else if at.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        Some("JSON writes every key, and every text value, in double quotes")
    } else {
        None
    }
}
