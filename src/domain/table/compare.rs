//! Building blocks for column comparators. Each is a total order, as sorting requires.

use super::sort::ColumnOrdering;
use std::cmp::Ordering;

/// One unit of a name as natural ordering sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// A run of ASCII digits without leading zeros (empty for zero).
    Number(&'a str),
    /// Any other character, ASCII letters lowercased.
    Char(char),
}

impl Ord for Token<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (*self, *other) {
            // Equal length without leading zeros means numeric order is text order.
            (Token::Number(a), Token::Number(b)) => a.len().cmp(&b.len()).then_with(|| a.cmp(b)),
            (Token::Char(a), Token::Char(b)) => a.cmp(&b),
            // A number sorts where its first digit would among characters.
            (Token::Number(_), Token::Char(c)) => '0'.cmp(&c),
            (Token::Char(c), Token::Number(_)) => c.cmp(&'0'),
        }
    }
}

impl PartialOrd for Token<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Splits a name into [`Token`]s without allocating.
struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;
    fn next(&mut self) -> Option<Token<'a>> {
        let first = self.rest.chars().next()?;
        if first.is_ascii_digit() {
            let end = self
                .rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(self.rest.len());
            let (digits, rest) = self.rest.split_at(end);
            self.rest = rest;
            Some(Token::Number(digits.trim_start_matches('0')))
        } else {
            self.rest = &self.rest[first.len_utf8()..];
            Some(Token::Char(first.to_ascii_lowercase()))
        }
    }
}

/// Orders names as people read them: digit runs by value ("host-2" before
/// "host-10") and ASCII letters ignoring case. Names that still tie ("a01"
/// and "a1", "A" and "a") fall back to plain text order, so only identical
/// names compare equal.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    Tokens { rest: a }
        .cmp(Tokens { rest: b })
        .then_with(|| a.cmp(b))
}

/// Orders numbers with NaN after every other value; -0.0 equals 0.0.
pub fn cmp_f64(a: f64, b: f64) -> Ordering {
    a.partial_cmp(&b)
        .unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
}

/// Orders optional values by `compare` when both are present; a missing
/// value sorts after every present one in both directions.
pub fn cmp_option<T>(
    a: Option<T>,
    b: Option<T>,
    compare: impl FnOnce(T, T) -> Ordering,
) -> ColumnOrdering {
    match (a, b) {
        (Some(a), Some(b)) => ColumnOrdering::Value(compare(a, b)),
        (a, b) => ColumnOrdering::Blank(a.is_none().cmp(&b.is_none())),
    }
}
