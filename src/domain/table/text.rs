//! Free-text search: every whitespace-separated term must occur in the row's
//! precomputed, case-folded haystack.

use super::latin::latin_base;
use super::sort::sort_indices_by;
use crate::domain::visible::{is_hidden_control, MARK};
use memchr::memmem::Finder;

/// Separates the parts of a search key. Query terms never hold whitespace, so
/// no term can match across two parts.
const PART_SEPARATOR: char = '\n';

/// Appends `text` case-folded: lowercase, with the Greek final sigma folded to
/// plain sigma (lowercasing picks one or the other by position in the word)
/// and the few letters of [`push_folded_char`],
/// and without the characters that do not show (bidi overrides, zero-width
/// spaces) or the mark that stands for them, so a name is found by its
/// letters.
/// Runs of ASCII are copied whole and lowered in place, and only the other
/// characters go one by one: pushing every character of a text with one
/// "–" or "·" in it cost a sixth of deriving 100,000 job rows.
fn push_folded(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii_end = rest
            .bytes()
            .position(|byte| !byte.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, other) = rest.split_at(ascii_end);
        let start = out.len();
        out.push_str(ascii);
        out[start..].make_ascii_lowercase();
        let mut chars = other.chars();
        if let Some(c) = chars.next().filter(|&c| !is_hidden_control(c) && c != MARK) {
            push_folded_char(out, c);
        }
        rest = chars.as_str();
    }
}

/// Appends one non-ASCII character case-folded. Besides lowercasing: an
/// accented Latin letter is its base letter, and a combining accent after
/// a Latin letter is left out, so ecole finds École whether its É is one
/// character or two (a letter of another script keeps its accent: folding
/// those would need Unicode's tables);
/// ß (and ẞ) are "ss", as STRASSE is written in capitals; İ is i, where
/// lowercasing adds a combining dot no one types; full-width Latin letters
/// and digits (ＷＥＢ－０１, from East Asian input) are their ASCII selves.
fn push_folded_char(out: &mut String, c: char) {
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        '\u{300}'..='\u{36F}' if out.as_bytes().last().is_some_and(u8::is_ascii_alphabetic) => {}
        _ if let Some(base) = latin_base(c) => out.push(base),
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c);
            out.push(ascii.to_ascii_lowercase());
        }
        _ => out.extend(c.to_lowercase().map(|c| if c == 'ς' { 'σ' } else { c })),
    }
}

/// Builds the haystack a row is searched by: its searchable parts, case-folded
/// and joined. Call it once per row when the rows are built, never per keystroke.
pub fn search_key(parts: &[&str]) -> String {
    let mut key = String::with_capacity(parts.iter().map(|part| part.len() + 1).sum());
    for (position, part) in parts.iter().enumerate() {
        if position > 0 {
            key.push(PART_SEPARATOR);
        }
        push_folded(&mut key, part);
    }
    key
}

/// `text` case-folded as search keys are, for a part that many rows share:
/// folded once, then handed to [`search_key_and_folded`] for each row.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    push_folded(&mut folded, text);
    folded
}

/// Appends one more part to a row's search key, case-folded.
pub fn push_search_part(key: &mut String, part: &str) {
    key.push(PART_SEPARATOR);
    push_folded(key, part);
}

/// [`search_key`] of `parts`, then `folded`, made by [`fold`] or
/// [`search_key`] once for many rows.
pub fn search_key_and_folded(parts: &[&str], folded: &str) -> String {
    let mut key = search_key(parts);
    key.reserve(folded.len() + 1);
    key.push(PART_SEPARATOR);
    key.push_str(folded);
    key
}

/// A parsed search box: case-folded terms that must all occur (AND).
#[derive(Debug, Clone, Default)]
pub struct TextQuery {
    /// Longest first: long terms are the likeliest to reject a row early.
    terms: Vec<String>,
    /// One searcher per term, built once per query rather than once per row
    /// (`str::contains` sets one up on every call, which dominated filtering
    /// 100,000 rows in wasm).
    finders: Vec<Finder<'static>>,
}

impl PartialEq for TextQuery {
    fn eq(&self, other: &Self) -> bool {
        self.terms == other.terms
    }
}

impl Eq for TextQuery {}

impl TextQuery {
    /// Parses what the user typed. Blank input gives the query that matches everything.
    pub fn parse(input: &str) -> Self {
        let folded: Vec<String> = input.split_whitespace().map(fold).collect();
        // Longest first, so the most selective term rules a row out soonest.
        let mut order: Vec<u32> = (0..folded.len() as u32).collect();
        sort_indices_by(&mut order, &|a, b| {
            let (a, b) = (&folded[a as usize], &folded[b as usize]);
            b.len().cmp(&a.len()).then_with(|| a.cmp(b))
        });
        let mut terms: Vec<String> = order.iter().map(|&i| folded[i as usize].clone()).collect();
        terms.dedup();
        let finders = terms
            .iter()
            .map(|term| Finder::new(term.as_bytes()).into_owned())
            .collect();
        Self { terms, finders }
    }

    /// Whether the query has no terms and so matches every row.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// How many of the terms `text`, case-folded, holds: which of a row's
    /// parts a search found, and which best.
    pub fn terms_in(&self, text: &str) -> usize {
        let folded = fold(text);
        self.finders
            .iter()
            .filter(|finder| finder.find(folded.as_bytes()).is_some())
            .count()
    }

    /// Whether `haystack`, a key made by [`search_key`], holds every term.
    /// Does not allocate.
    pub fn matches(&self, haystack: &str) -> bool {
        self.finders
            .iter()
            .all(|finder| finder.find(haystack.as_bytes()).is_some())
    }
}
