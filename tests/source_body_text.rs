//! Response bodies read as bytes decode to the same text `Response.text()` gives.

use patchboard::source::body_text::body_text;
use std::borrow::Cow;

#[test]
fn utf8_bodies_are_kept_byte_for_byte() {
    let body = r#"{"asset":"Büro-PC — 7","status":"Patch Installed"}"#;
    assert_eq!(body_text(body.as_bytes()), body);
}

#[test]
fn utf8_bodies_are_borrowed_not_copied() {
    assert!(matches!(
        body_text(b"\xEF\xBB\xBF[1]"),
        Cow::Borrowed("[1]")
    ));
    assert!(matches!(body_text(b"caf\xE9"), Cow::Owned(_)));
}

#[test]
fn one_leading_byte_order_mark_is_dropped() {
    let bytes = b"\xEF\xBB\xBF\xEF\xBB\xBF[]";
    assert_eq!(body_text(bytes), "\u{FEFF}[]");
    assert_eq!(body_text(&bytes[3..]), "[]");
}

#[test]
fn malformed_sequences_become_replacement_characters() {
    // A Latin-1 "é" and a truncated three-byte sequence at the end.
    let bytes = b"{\"name\":\"caf\xE9\"}\xE2\x82";
    assert_eq!(body_text(bytes), "{\"name\":\"caf\u{FFFD}\"}\u{FFFD}");
}

#[test]
fn empty_bodies_stay_empty() {
    assert_eq!(body_text(b""), "");
    assert_eq!(body_text(b"\xEF\xBB\xBF"), "");
}
