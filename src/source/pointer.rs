//! JSON Pointers (RFC 6901), parsed once and resolved many times.
//!
//! Resolving 100k rows with several pointers each is the hot path of decoding,
//! so the reference tokens are unescaped up front rather than on every lookup.

use serde_json::Value;
use std::fmt;

/// A syntactically valid JSON Pointer. The empty pointer names the whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pointer {
    text: String,
    tokens: Vec<String>,
}

/// Why a string is not a JSON Pointer; the message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointerError(pub String);

impl fmt::Display for PointerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Pointer {
    /// Parses `text`, checking that it is empty or starts with "/" and that every
    /// "~" is part of a "~0" or "~1" escape.
    pub fn parse(text: &str) -> Result<Self, PointerError> {
        if text.is_empty() {
            return Ok(Pointer::root());
        }
        let Some(rest) = text.strip_prefix('/') else {
            return Err(PointerError(format!(
                "expected a JSON Pointer starting with \"/\", found {text:?}"
            )));
        };
        let tokens = rest
            .split('/')
            .map(unescape)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                PointerError(format!(
                    "expected \"~\" to be followed by 0 or 1 in JSON Pointer {text:?}"
                ))
            })?;
        Ok(Pointer {
            text: text.to_owned(),
            tokens,
        })
    }

    /// The pointer to the whole document.
    pub fn root() -> Self {
        Pointer {
            text: String::new(),
            tokens: Vec::new(),
        }
    }

    /// The pointer as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The reference tokens, unescaped: `/a~1b/0` is `["a/b", "0"]`.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// The pointer to what holds this one's value; None for the root.
    pub fn parent(&self) -> Option<Pointer> {
        let (text, _) = self.text.rsplit_once('/')?;
        Some(Pointer {
            text: text.to_owned(),
            tokens: self.tokens[..self.tokens.len() - 1].to_vec(),
        })
    }

    /// The pointer to member `name` of the object this one names, as written.
    pub fn member(&self, name: &str) -> String {
        format!(
            "{}/{}",
            self.text,
            name.replace('~', "~0").replace('/', "~1")
        )
    }

    /// The value the pointer names, if present. Array indices must be plain decimals.
    pub fn resolve<'v>(&self, document: &'v Value) -> Option<&'v Value> {
        self.tokens
            .iter()
            .try_fold(document, |value, token| match value {
                Value::Object(map) => map.get(token),
                Value::Array(items) => array_index(token).and_then(|i| items.get(i)),
                _ => None,
            })
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn unescape(token: &str) -> Option<String> {
    if !token.contains('~') {
        return Some(token.to_owned());
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        match c {
            '~' => match chars.next()? {
                '0' => out.push('~'),
                '1' => out.push('/'),
                _ => return None,
            },
            other => out.push(other),
        }
    }
    Some(out)
}

/// RFC 6901: no sign, no leading zeros (except "0" itself).
fn array_index(token: &str) -> Option<usize> {
    let well_formed = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    well_formed.then(|| token.parse().ok()).flatten()
}
