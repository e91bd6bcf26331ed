//! Response bodies read as bytes decode to the same text `Response.text()` gives.

use patchboard::source::body::Body;
use patchboard::source::body_text::body_text;
use std::borrow::Cow;

fn in_parts(parts: &[&[u8]]) -> Body {
    let mut body = Body::default();
    for part in parts {
        body.push(part.to_vec());
    }
    body
}

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

#[test]
fn a_body_in_parts_reads_as_the_parts_joined() {
    // A byte-order mark and an "é" each split between two parts.
    let parts: [&[u8]; 4] = [b"\xEF", b"\xBB\xBF{\"name\":\"caf\xC3", b"", b"\xA9\"}"];
    let body = in_parts(&parts);
    assert_eq!(body.len(), parts.concat().len());
    assert_eq!(body.text(), "{\"name\":\"café\"}");
    let latin1 = in_parts(&[b"\xEF\xBB\xBFcaf", b"\xE9"]);
    assert_eq!(latin1.text(), "caf\u{FFFD}");
}

#[test]
fn a_body_in_parts_lends_a_range_one_part_holds() {
    let body = in_parts(&[b"abc", b"defg", b"h"]);
    assert!(matches!(body.bytes(3..7), Cow::Borrowed(b"defg")));
    assert!(matches!(body.bytes(4..6), Cow::Borrowed(b"ef")));
    assert!(matches!(body.bytes(7..20), Cow::Borrowed(b"h")));
    let Cow::Owned(joined) = body.bytes(2..8) else {
        panic!("three parts are joined");
    };
    assert_eq!(joined, b"cdefgh");
    assert_eq!(joined.capacity(), 6, "allocated once, at its size");
    assert_eq!(body.bytes(0..20), &b"abcdefgh"[..]);
    assert!(body.bytes(8..20).is_empty());
    assert!(matches!(
        Body::from(b"[1]".to_vec()).text(),
        Cow::Borrowed("[1]")
    ));
}

#[test]
fn a_lone_surrogate_escape_reads_as_the_replacement_character() {
    use patchboard::source::body_text::without_lone_surrogates;
    let mended = without_lone_surrogates(r#"[{"name":"lone \ud800 high"},{"name":"ok"}]"#)
        .expect("a lone surrogate");
    let rows: serde_json::Value = serde_json::from_str(&mended).expect("JSON now");
    assert_eq!(rows[0]["name"], "lone \u{FFFD} high");
    assert_eq!(rows[1]["name"], "ok");
    assert_eq!(
        without_lone_surrogates(r#""\uDC00 and \ud800\u0041""#).as_deref(),
        Some(r#""\ufffd and \ufffd\u0041""#)
    );
    // A pair stays, an escaped backslash is no escape, and a text that ends
    // in a backslash is read to its end.
    assert_eq!(without_lone_surrogates(r#""\ud83d\ude00""#), None);
    assert_eq!(without_lone_surrogates(r#""\\ud800""#), None);
    assert_eq!(without_lone_surrogates("\"a\\"), None);
    assert_eq!(without_lone_surrogates("\\ud8"), None);
}

#[test]
fn a_number_beyond_an_f64_reads_as_a_string_of_its_characters() {
    use patchboard::source::body_text::with_unreadable_numbers_mended;
    let body =
        r#"{"total":1e400,"assets":[{"id":"a","at":-2E+999,"ok":1.5e308},{"id":"b","n":"1e400"}]}"#;
    assert!(serde_json::from_str::<serde_json::Value>(body).is_err());
    let mended = with_unreadable_numbers_mended(body).expect("two huge numbers");
    assert_eq!(
        mended,
        r#"{"total":"1e400","assets":[{"id":"a","at":"-2E+999","ok":1.5e308},{"id":"b","n":"1e400"}]}"#
    );
    serde_json::from_str::<serde_json::Value>(&mended).expect("JSON now");
    // Twenty-nine thousand digits are beyond an f64 too, without an exponent.
    let digits = format!("[{}]", "9".repeat(29_000));
    assert_eq!(
        with_unreadable_numbers_mended(&digits),
        Some(format!("[\"{}\"]", "9".repeat(29_000)))
    );
    // In range, inside a string (escaped quotes included), or not JSON's
    // grammar (which stays refused): nothing to mend.
    assert_eq!(
        with_unreadable_numbers_mended(r#"[1e308,-0.5e-400,0]"#),
        None
    );
    assert_eq!(
        with_unreadable_numbers_mended(r#"["1e400","a\"1e400"]"#),
        None
    );
    assert_eq!(
        with_unreadable_numbers_mended(r#"[01e400,1.e400,1e+,--1e400]"#),
        None
    );
    assert_eq!(with_unreadable_numbers_mended("\"open 1e400"), None);
    // Python's json.dumps writes these for float('nan') and float('inf').
    let python = r#"{"endpoints":[{"pct":NaN,"w":Infinity,"x":-Infinity,"n":"NaN Infinity"}]}"#;
    assert!(serde_json::from_str::<serde_json::Value>(python).is_err());
    assert_eq!(
        with_unreadable_numbers_mended(python).as_deref(),
        Some(r#"{"endpoints":[{"pct":null,"w":null,"x":null,"n":"NaN Infinity"}]}"#)
    );
    // Outside a string, a character of more than one byte is no place to stop.
    assert_eq!(
        with_unreadable_numbers_mended("[é, NaN]").as_deref(),
        Some("[é, null]")
    );
}

proptest::proptest! {
    #[test]
    fn mended_text_has_no_lone_surrogate_left(text in r#"(\\u[dD][89aAbBcCfF][0-9a-f]{2}|\\\\|[a-z"\\]){0,12}"#) {
        if let Some(mended) = patchboard::source::body_text::without_lone_surrogates(&text) {
            proptest::prop_assert_eq!(patchboard::source::body_text::without_lone_surrogates(&mended), None);
        }
    }
}

/// serde_json reports a fault by line and column (bytes within the line);
/// the message quotes the text there.
#[test]
fn a_line_and_column_find_their_place_in_the_text() {
    use patchboard::source::body_text::offset_of;
    let text = "{\n  \"é\": 1,\n  ,\n}";
    assert_eq!(&text[offset_of(text, 1, 1)..], text);
    assert_eq!(&text[offset_of(text, 3, 3)..], ",\n}");
    // Inside a character: the start of it.
    assert_eq!(&text[offset_of(text, 2, 5)..], "é\": 1,\n  ,\n}");
    // Past the end: the end.
    assert_eq!(offset_of(text, 9, 9), text.len());
}

#[test]
fn a_web_pages_title_is_read_from_its_head() {
    use patchboard::source::body_text::web_page_title;
    let page = "<!doctype html>\n<html><head><TITLE>\n  Sign in –\n Contoso SSO </TITLE></head>";
    assert_eq!(
        web_page_title(page).as_deref(),
        Some("Sign in – Contoso SSO")
    );
    assert_eq!(
        web_page_title("<html><body>502 Bad Gateway</body></html>"),
        None
    );
    assert_eq!(web_page_title("<title></title>"), None);
    // Cut to a sentence's length, each hidden character marked.
    let long = format!("<title>{}\u{202E}</title>", "x".repeat(100));
    assert_eq!(web_page_title(&long), Some(format!("{}…", "x".repeat(60))));
    assert_eq!(
        web_page_title("<title>a\u{202E}b</title>").as_deref(),
        Some("a\u{FFFD}b")
    );
    // Entities read; a tag that only starts like <title> is not one.
    assert_eq!(
        web_page_title("<title>A &amp; B &lt;Ops&gt;</title>").as_deref(),
        Some("A & B <Ops>")
    );
    assert_eq!(web_page_title("<titlex>No</titlex>"), None);
    // Only the page's head is searched: a title past it is not this page's.
    let late = format!("<html>{}<title>Late</title>", " ".repeat(5000));
    assert_eq!(web_page_title(&late), None);
}
