//! Natural text order, for names and other texts people read. A total order, as sorting requires.

use super::latin::latin_base;
use std::cmp::Ordering;

/// Splits a leading run of ASCII digits off `text`, returned without its leading zeros.
fn split_number(text: &[u8]) -> (&[u8], &[u8]) {
    let end = text
        .iter()
        .position(|byte| !byte.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(end);
    let significant = digits
        .iter()
        .position(|&byte| byte != b'0')
        .unwrap_or(digits.len());
    (&digits[significant..], rest)
}

/// The bytes a character sorts by: an ASCII letter lowercased, an accented
/// Latin letter as its base letter (as the search folds it: École among the
/// e's), any other character as its UTF-8, which orders as its code point.
/// The length of the bytes in the array is returned beside it.
fn sort_bytes(c: char) -> ([u8; 4], usize) {
    let mut bytes = [0; 4];
    let length = match latin_base(c) {
        Some(base) => {
            bytes[0] = base as u8;
            1
        }
        None => c.to_ascii_lowercase().encode_utf8(&mut bytes).len(),
    };
    (bytes, length)
}

/// Natural order over text: each character by [`sort_bytes`], which order
/// as [`natural_key`]'s bytes do. A digit run meets another by value;
/// meeting anything else it sorts where its first digit would, as no other
/// byte lies between '0' and '9'.
// Out of line: inlined into each sort that compares names, it would be
// one more copy in the wasm per sort.
#[inline(never)]
fn natural_text(mut a: &str, mut b: &str) -> Ordering {
    loop {
        let (Some(&x), Some(&y)) = (a.as_bytes().first(), b.as_bytes().first()) else {
            return a.len().cmp(&b.len());
        };
        let ordering = if x.is_ascii_digit() && y.is_ascii_digit() {
            let ((x_value, x_rest), (y_value, y_rest)) =
                (split_number(a.as_bytes()), split_number(b.as_bytes()));
            // Digits are ASCII: what follows them starts a character.
            (a, b) = (&a[a.len() - x_rest.len()..], &b[b.len() - y_rest.len()..]);
            // Without leading zeros, the longer run is the larger number.
            x_value
                .len()
                .cmp(&y_value.len())
                .then_with(|| x_value.cmp(y_value))
        } else if x.is_ascii() && y.is_ascii() {
            (a, b) = (&a[1..], &b[1..]);
            x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase())
        } else {
            let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) else {
                return a.len().cmp(&b.len());
            };
            (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            let ((x_bytes, x_length), (y_bytes, y_length)) = (sort_bytes(x), sort_bytes(y));
            x_bytes[..x_length].cmp(&y_bytes[..y_length])
        };
        if ordering.is_ne() {
            return ordering;
        }
    }
}

/// Orders names as people read them: digit runs by value ("host-2" before
/// "host-10"), ASCII letters ignoring case and accented Latin letters with
/// their base letters. Names that still tie ("a01" and "a1", "A" and "a",
/// "e" and "é") fall back to plain text order, so only identical names
/// compare equal.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    natural_text(a, b).then_with(|| a.cmp(b))
}

/// Bytes whose plain order is [`natural_cmp`]'s before its last tie-break:
/// `natural_cmp(a, b) == natural_key(a).cmp(&natural_key(b)).then_with(|| a.cmp(b))`.
/// Rows keep one per name so that a sort over 100,000 of them compares bytes
/// instead of parsing digit runs again in every comparison. Keys stay about
/// as short as the name, so that their first 16 bytes usually tell two names
/// apart (see `sort_value`).
pub fn natural_key(text: &str) -> Box<[u8]> {
    let mut key = Vec::with_capacity(text.len() + 1);
    // Walked by byte, as most names are ASCII; a character is decoded only
    // where one starts with a byte past ASCII.
    let mut rest = text.as_bytes();
    while let Some(&byte) = rest.first() {
        if byte.is_ascii_digit() {
            let (value, after) = split_number(rest);
            // The run opens with one byte from '0' to '9', so it sorts among
            // other bytes where a digit would, and that byte grows with the
            // run's length, so a longer number sorts after a shorter: '0' plus
            // the length up to eight significant digits, else '9' and the
            // length in four bytes.
            match u8::try_from(value.len()) {
                Ok(length @ 0..=8) => key.push(b'0' + length),
                _ => {
                    let length = u32::try_from(value.len()).unwrap_or(u32::MAX);
                    key.push(b'9');
                    key.extend_from_slice(&length.to_be_bytes());
                }
            }
            key.extend_from_slice(value);
            rest = after;
        } else if byte.is_ascii() {
            key.push(byte.to_ascii_lowercase());
            rest = &rest[1..];
        } else {
            // `rest` is a tail of `text` cut after whole characters.
            let at = text.len() - rest.len();
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let (bytes, length) = sort_bytes(c);
            key.extend_from_slice(&bytes[..length]);
            rest = &rest[c.len_utf8()..];
        }
    }
    key.into_boxed_slice()
}

/// [`natural_cmp`] of two texts through their [`natural_key`]s, computed
/// beforehand: `natural_cmp_by_key((&natural_key(a), a), (&natural_key(b), b))`
/// equals `natural_cmp(a, b)`.
pub fn natural_cmp_by_key((key_a, a): (&[u8], &str), (key_b, b): (&[u8], &str)) -> Ordering {
    key_a.cmp(key_b).then_with(|| a.cmp(b))
}
