//! Natural text order, for names and other texts people read. A total order, as sorting requires.

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

/// Natural order over UTF-8 bytes, which order like the code points they encode.
/// A digit run meets another by value; meeting any other byte it sorts where
/// its first digit would, as no other byte lies between '0' and '9'.
fn natural_bytes(mut a: &[u8], mut b: &[u8]) -> Ordering {
    loop {
        let (Some(&x), Some(&y)) = (a.first(), b.first()) else {
            return a.len().cmp(&b.len());
        };
        let ordering = if x.is_ascii_digit() && y.is_ascii_digit() {
            let ((x_value, x_rest), (y_value, y_rest)) = (split_number(a), split_number(b));
            (a, b) = (x_rest, y_rest);
            // Without leading zeros, the longer run is the larger number.
            x_value
                .len()
                .cmp(&y_value.len())
                .then_with(|| x_value.cmp(y_value))
        } else {
            (a, b) = (&a[1..], &b[1..]);
            x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase())
        };
        if ordering.is_ne() {
            return ordering;
        }
    }
}

/// Orders names as people read them: digit runs by value ("host-2" before
/// "host-10") and ASCII letters ignoring case. Names that still tie ("a01"
/// and "a1", "A" and "a") fall back to plain text order, so only identical
/// names compare equal.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    natural_bytes(a.as_bytes(), b.as_bytes()).then_with(|| a.cmp(b))
}

/// Bytes whose plain order is [`natural_cmp`]'s before its last tie-break:
/// `natural_cmp(a, b) == natural_key(a).cmp(&natural_key(b)).then_with(|| a.cmp(b))`.
/// Rows keep one per name so that a sort over 100,000 of them compares bytes
/// instead of parsing digit runs again in every comparison. Keys stay about
/// as short as the name, so that their first 16 bytes usually tell two names
/// apart (see `sort_value`).
pub fn natural_key(text: &str) -> Box<[u8]> {
    let mut key = Vec::with_capacity(text.len() + 1);
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
        } else {
            key.push(byte.to_ascii_lowercase());
            rest = &rest[1..];
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
