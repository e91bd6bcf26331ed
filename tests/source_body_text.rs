//! Response bodies read as bytes decode to the same text `Response.text()` gives.

use patchboard::source::body_text::body_text;

#[test]
fn utf8_bodies_are_kept_byte_for_byte() {
    let body = r#"{"asset":"Büro-PC — 7","status":"Patch Installed"}"#;
    assert_eq!(body_text(body.as_bytes().to_vec()), body);
}

#[test]
fn one_leading_byte_order_mark_is_dropped() {
    let mut bytes = b"\xEF\xBB\xBF\xEF\xBB\xBF[]".to_vec();
    assert_eq!(body_text(bytes.clone()), "\u{FEFF}[]");
    bytes.drain(..3);
    bytes.drain(..3);
    assert_eq!(body_text(bytes), "[]");
}

#[test]
fn malformed_sequences_become_replacement_characters() {
    // A Latin-1 "é" and a truncated three-byte sequence at the end.
    let bytes = b"{\"name\":\"caf\xE9\"}\xE2\x82".to_vec();
    assert_eq!(body_text(bytes), "{\"name\":\"caf\u{FFFD}\"}\u{FFFD}");
}

#[test]
fn empty_bodies_stay_empty() {
    assert_eq!(body_text(Vec::new()), "");
    assert_eq!(body_text(b"\xEF\xBB\xBF".to_vec()), "");
}
