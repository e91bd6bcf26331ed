//! A response body's bytes as text, read the way the Fetch standard's
//! `Response.text()` reads them: UTF-8 whatever the declared charset, one
//! leading byte-order mark dropped, malformed sequences replaced with U+FFFD.
//!
//! Reading bytes and decoding here costs one copy into wasm memory; `text()`
//! would build a JS string first and then re-encode it into wasm memory,
//! which at 100k rows (tens of MB) was a third to half of the fetch's time.

use crate::domain::abridge::{abridged, QUOTED_CHARS};
use crate::domain::visible::visible;
use std::borrow::Cow;

pub const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Borrows the bytes when they are UTF-8 already, as nearly every body is.
pub fn body_text(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(without_byte_order_mark(bytes))
}

/// Whether a body where JSON was asked for is a web page (HTML, or XML):
/// a sign-in or proxy page, a server's page for every path, a wrong address.
pub fn is_web_page(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// The `<title>` of a web page's first kilobytes, trimmed and cut to a
/// sentence's length, each hidden character marked: what a sign-in page or
/// a proxy's error page calls itself says more than its first characters.
pub fn web_page_title(text: &str) -> Option<String> {
    let head = &text[..text.floor_char_boundary(PAGE_HEAD_BYTES)];
    // ASCII lowering keeps every byte where it was.
    let lowered = head.to_ascii_lowercase();
    let open = lowered
        .match_indices("<title")
        .map(|(at, tag)| at + tag.len())
        .find(|&end| lowered[end..].starts_with(['>', ' ', '\t', '\n', '\r']))?;
    let start = open + lowered[open..].find('>')? + 1;
    let length = lowered[start..].find("</title")?;
    let title = head[start..start + length]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let title = with_entities_read(&title);
    (!title.is_empty()).then(|| visible(&abridged(&title, QUOTED_CHARS)).into_owned())
}

/// `text` with HTML's five named entities for markup characters read; a
/// page title rarely holds others.
fn with_entities_read(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// How far into a web page its title is looked for.
const PAGE_HEAD_BYTES: usize = 4096;

pub fn without_byte_order_mark(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes)
}

/// [`body_text`] of bytes already owned, which are reused as the text when
/// they are UTF-8.
pub fn owned_body_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(BYTE_ORDER_MARK) {
        bytes.drain(..BYTE_ORDER_MARK.len());
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// `text` with each `\u` escape of an unpaired UTF-16 surrogate (`\ud800`
/// alone) written as `\ufffd`, or `None` when it has none. The browser's
/// `JSON.parse` takes such an escape and serde_json refuses the whole body
/// for it; read as U+FFFD, it costs one character of one row, as a
/// malformed UTF-8 byte does.
pub fn without_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let surrogate_at = |at: usize| -> Option<u16> {
        let digits = bytes.get(at..at + 6)?.strip_prefix(b"\\u")?;
        let unit = u16::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()?;
        (0xD800..=0xDFFF).contains(&unit).then_some(unit)
    };
    let mut mended = Mended::new(text);
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\\', bytes.get(at..).unwrap_or_default()) {
        let escape = at + found;
        let Some(unit) = surrogate_at(escape) else {
            // Any other escape, `\\` included, is two bytes or more: skip past
            // its backslash and the byte after it.
            at = escape + 2;
            continue;
        };
        let paired = (0xD800..=0xDBFF).contains(&unit)
            && surrogate_at(escape + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low));
        if paired {
            at = escape + 12;
            continue;
        }
        mended.replace(escape..escape + 6, &["\\ufffd"]);
        at = escape + 6;
    }
    mended.finish()
}

/// What Python's `json.dumps` writes by default for a float that is not a
/// number or is infinite, where JSON has no way to write one.
pub const NOT_FINITE: [&str; 3] = ["NaN", "Infinity", "-Infinity"];

/// `text` with each number JSON cannot hold mended, or `None` when it has
/// none; serde_json refuses the whole body for one of them. A bare `NaN`,
/// `Infinity` or `-Infinity`, which Python's `json.dumps` writes by default
/// (pandas for every missing value, text included), becomes `null`: not
/// known, on both decoding paths, where a string "NaN" would read as a
/// host's OS. One too large for an f64 (`1e400`, `-1e999`), which the
/// browser's `JSON.parse` reads as Infinity, becomes a string of the same
/// characters: it costs the one field that holds it, which a row reports
/// with the value as sent.
pub fn with_unreadable_numbers_mended(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut mended = Mended::new(text);
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if let Some(word) = NOT_FINITE
            .iter()
            .find(|word| bytes[at..].starts_with(word.as_bytes()))
        {
            mended.replace(at..at + word.len(), &["null"]);
            at += word.len();
            continue;
        }
        match byte {
            b'"' => at = string_end(bytes, at),
            b'-' | b'0'..=b'9' => {
                let len = bytes[at..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .unwrap_or(bytes.len() - at);
                let number = &text[at..at + len];
                // For a number JSON's grammar allows, out of range is the
                // one thing serde_json can refuse.
                if is_json_number(number) && serde_json::from_str::<f64>(number).is_err() {
                    mended.replace(at..at + len, &["\"", number, "\""]);
                }
                at += len;
            }
            _ => at += 1,
        }
    }
    mended.finish()
}

/// A text with some of its ranges replaced, copied only once the first is.
struct Mended<'t> {
    text: &'t str,
    out: Option<String>,
    /// Where the text not yet copied starts.
    copied: usize,
}

impl<'t> Mended<'t> {
    fn new(text: &'t str) -> Self {
        Mended {
            text,
            out: None,
            copied: 0,
        }
    }

    /// Writes `parts` in place of `range`, which follows every range replaced
    /// before it.
    fn replace(&mut self, range: std::ops::Range<usize>, parts: &[&str]) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.text.len() + 16));
        out.push_str(&self.text[self.copied..range.start]);
        parts.iter().for_each(|part| out.push_str(part));
        self.copied = range.end;
    }

    /// The mended text, or `None` when nothing was replaced.
    fn finish(self) -> Option<String> {
        let mut out = self.out?;
        out.push_str(&self.text[self.copied..]);
        Some(out)
    }
}

/// Where the string opening at `open` ends: past its closing quote, or the
/// text's end when it has none.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut at = open + 1;
    while let Some(found) = memchr::memchr2(b'"', b'\\', bytes.get(at..).unwrap_or_default()) {
        at += found;
        if bytes[at] == b'"' {
            return at + 1;
        }
        at += 2;
    }
    bytes.len()
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, RFC 8259's number.
fn is_json_number(text: &str) -> bool {
    fn digits(bytes: &[u8]) -> usize {
        bytes.iter().take_while(|b| b.is_ascii_digit()).count()
    }
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let whole = digits(&bytes[at..]);
    if whole == 0 || (whole > 1 && bytes[at] == b'0') {
        return false;
    }
    at += whole;
    if bytes.get(at) == Some(&b'.') {
        let fraction = digits(&bytes[at + 1..]);
        if fraction == 0 {
            return false;
        }
        at += 1 + fraction;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(&bytes[at..]);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

/// The byte offset of serde_json's 1-based line and column (a byte count
/// within the line) in `text`, on a character boundary.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    text.floor_char_boundary((line_start + column.saturating_sub(1)).min(text.len()))
}
