//! Headers: finding one in an answer, and what a browser refuses to send.

/// A header's value; names compare case-insensitively.
pub fn header_value<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Why `name: value` cannot be sent, or None when it can. `fetch` throws on
/// such a header before any request leaves, so the configuration check and
/// the request both ask here first and can name the header instead.
pub fn header_problem(name: &str, value: &str) -> Option<String> {
    if name.is_empty() {
        return Some("a header name cannot be empty".to_owned());
    }
    if !name.bytes().all(is_token_byte) {
        return Some(
            "a header name may hold only ASCII letters, digits and !#$%&'*+-.^_`|~ \
             (no spaces or other characters)"
                .to_owned(),
        );
    }
    if value.contains(['\0', '\r', '\n']) {
        return Some("a header value cannot hold a line break or a NUL character".to_owned());
    }
    // Named, as a value such as "Grüße €" looks Latin-1 at a glance.
    if let Some(c) = value.chars().find(|&c| u32::from(c) > 0xFF) {
        return Some(format!(
            "a header value may hold only Latin-1 characters (up to U+00FF), which {c:?} (U+{:04X}) is not",
            u32::from(c)
        ));
    }
    None
}

/// RFC 9110's token characters, the only ones a header name may hold.
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}
