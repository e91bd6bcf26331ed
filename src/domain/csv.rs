//! CSV export of a table view, as RFC 4180 text that is safe to open in a spreadsheet.
//!
//! A document starts with a byte order mark: without it Excel reads the
//! file in the system's legacy code page and garbles every non-ASCII
//! character ("–" in an empty cell, accented host names).
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@` or their full-width forms, after any blanks, control or
//! invisible characters, which importers may drop; or with a tab or carriage
//! return) get a leading `'`, which makes it show them as text. A plain
//! negative number ("-5", "-3.25") is left as is: it is only ever read as a
//! number, and the prefix would turn it into text.
//!
//! Where Excel's list separator is `;` (German, French) it splits a comma
//! document's records at every `;`, quoted or not, so each part after a `;`
//! starts a cell of its own there: a part that would run as a formula gets
//! the `'` too ("x;'=1+1"). A cell holding `;` is also quoted, as one
//! holding `,` is, for readers that take `;` as a separator and honour
//! quotes.

use super::time::Timestamp;

/// Tells spreadsheets the document is UTF-8.
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// Characters that make a spreadsheet evaluate a cell, with the full-width
/// forms an input method may type for them.
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Characters a cell may start with that an importer may drop or a reader
/// not see: blanks, controls, the soft hyphen, zero-width, direction and
/// isolate marks, word joiners and invisible operators, variation
/// selectors and the byte order mark.
fn is_unseen(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
        )
}

/// Whether `cell` is `-` followed by digits, optionally with one decimal part.
fn is_plain_negative_number(cell: &str) -> bool {
    let Some(number) = cell.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let all_digits =
        |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// Whether `text`, at the start of a cell, would run as a formula.
fn needs_guard(text: &str) -> bool {
    let starts_with_control = text
        .trim_start_matches([' ', '\n'])
        .starts_with(['\t', '\r']);
    let first_seen = text.trim_start_matches(is_unseen);
    starts_with_control
        || (first_seen.starts_with(FORMULA_STARTS) && !is_plain_negative_number(first_seen))
}

/// Appends one cell, neutralised and quoted as needed.
fn push_cell(out: &mut String, cell: &str) {
    let needs_quotes = cell.contains([',', ';', '"', '\r', '\n']);
    if needs_quotes {
        out.push('"');
    }
    // The whole cell first ("-5;x" is no number), then each part a `;`
    // would start.
    for (position, part) in cell.split(';').enumerate() {
        let guard = if position == 0 {
            needs_guard(cell)
        } else {
            out.push(';');
            needs_guard(part)
        };
        if guard {
            out.push('\'');
        }
        push_escaped(out, part, needs_quotes);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// Appends `text`, its quotes doubled inside a `quoted` cell.
fn push_escaped(out: &mut String, text: &str, quoted: bool) {
    if !quoted {
        out.push_str(text);
        return;
    }
    for (position, part) in text.split('"').enumerate() {
        if position > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
}

/// Writes a CSV document record by record, for callers that format cells on the fly.
#[derive(Debug, Clone)]
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// Starts a document with the byte order mark and its header record.
    pub fn new<S: AsRef<str>>(header: impl IntoIterator<Item = S>) -> Self {
        let mut writer = Self {
            out: BYTE_ORDER_MARK.to_string(),
        };
        writer.record(header);
        writer
    }

    /// Appends one record, ended by CRLF.
    pub fn record<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (position, cell) in cells.into_iter().enumerate() {
            if position > 0 {
                self.out.push(',');
            }
            push_cell(&mut self.out, cell.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// The finished document.
    pub fn finish(self) -> String {
        self.out
    }

    /// What was written since the last take, so a long document can be
    /// handed on in parts.
    fn take_written(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

/// A document of `header` and one record per index of `order`, written
/// `records_per_part` records at a time: a caller can hand the page back
/// between parts, where a 100,000-row document in one piece would hold it
/// for over a second. The first part holds the byte order mark and the
/// header, and every part ends at a record's end.
pub fn csv_in_parts<'a, S: AsRef<str>>(
    header: impl IntoIterator<Item = S>,
    order: &'a [u32],
    records_per_part: usize,
    mut write_record: impl FnMut(&mut CsvWriter, u32) + 'a,
) -> impl Iterator<Item = String> + 'a {
    let mut csv = CsvWriter::new(header);
    let mut parts = order.chunks(records_per_part.max(1));
    let mut header_taken = false;
    std::iter::from_fn(move || {
        let part = parts.next();
        if part.is_none() && header_taken {
            return None;
        }
        for &index in part.unwrap_or_default() {
            write_record(&mut csv, index);
        }
        header_taken = true;
        Some(csv.take_written())
    })
}

/// The name of a file exported at `now`: `stem` with the UTC date, so
/// exports taken on different days sort by day and never overwrite each
/// other ("patch-tuesday-assets-2026-12-05.csv").
pub fn dated_file_name(stem: &str, now: Timestamp) -> String {
    let instant = now.to_rfc3339();
    let date = instant
        .split_once('T')
        .map_or(instant.as_str(), |(date, _)| date);
    format!("{stem}-{date}.csv")
}

/// The most bytes of a name [`file_stem`] keeps.
pub const STEM_MAX_BYTES: usize = 100;

/// `name` made safe for a file name: its letters and digits, in any script,
/// in lower case, each run of anything else one `-` ("Patch Tuesday –
/// Windows" gives "patch-tuesday-windows"), or `fallback` when nothing is
/// left, cut to [`STEM_MAX_BYTES`]. A job named in Japanese or with an
/// umlaut keeps its name.
pub fn file_stem(name: &str, fallback: &str) -> String {
    let mut stem = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    // File systems take 255 bytes for a name; the rest of the name and any
    // "(1)" a browser adds need room too.
    let stem = stem[..stem.floor_char_boundary(STEM_MAX_BYTES)].trim_end_matches('-');
    if stem.is_empty() {
        fallback.to_owned()
    } else {
        stem.to_owned()
    }
}
