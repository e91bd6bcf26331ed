//! CSV export: RFC 4180 quoting and spreadsheet formula guarding.

#[path = "support/csv.rs"]
mod csv_reader;
use csv_reader::parse;
use patchboard::domain::csv::{
    csv_in_parts, dated_file_name, file_stem, CsvWriter, BYTE_ORDER_MARK, STEM_MAX_BYTES,
};
use patchboard::domain::time::Timestamp;
use proptest::prelude::*;

/// A whole document through the writer: the header, then one record per row,
/// without the byte order mark every document starts with.
fn csv_document<Row, S>(header: &[&str], rows: impl IntoIterator<Item = Row>) -> String
where
    Row: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut writer = CsvWriter::new(header);
    rows.into_iter().for_each(|row| writer.record(row));
    let document = writer.finish();
    document
        .strip_prefix(BYTE_ORDER_MARK)
        .expect("a document starts with the byte order mark")
        .to_owned()
}

#[test]
fn plain_cells_are_written_bare_with_crlf_records() {
    let document = csv_document(
        &["Asset", "Status", "Free GB"],
        [["web-01", "Succeeded", "12.5"], ["db-02", "Failed", ""]],
    );
    assert_eq!(
        document,
        "Asset,Status,Free GB\r\nweb-01,Succeeded,12.5\r\ndb-02,Failed,\r\n"
    );
}

#[test]
fn cells_with_separators_are_quoted_and_quotes_doubled() {
    let cases = [
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("plain text", "plain text"),
        // Excel splits at ";" where that is the list separator, quoted or not.
        ("x;=1+1;", "\"x;'=1+1;\""),
        ("a; -5;b", "\"a; -5;b\""),
        ("-5;x", "\"'-5;x\""),
        ("a;\t@b", "\"a;'\t@b\""),
    ];
    for (cell, written) in cases {
        assert_eq!(
            csv_document(&["h"], [[cell]]),
            format!("h\r\n{written}\r\n"),
            "{cell:?}"
        );
    }
}

#[test]
fn formula_starts_are_guarded_but_negative_numbers_kept() {
    let cases = [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("@cmd", "'@cmd"),
        ("\tindent", "'\tindent"),
        ("-1+2", "'-1+2"),
        ("-", "'-"),
        ("-.5", "'-.5"),
        ("-5.", "'-5."),
        ("-2e3", "'-2e3"),
        ("=1,2", "\"'=1,2\""),
        ("\rx", "\"'\rx\""),
        ("-5", "-5"),
        ("-3.25", "-3.25"),
        ("a=b", "a=b"),
        // Importers that trim leading blanks would still run these.
        (" =1+1", "' =1+1"),
        ("  @cmd", "'  @cmd"),
        ("\n=1", "\"'\n=1\""),
        (" -5", " -5"),
        (" a", " a"),
        // Blanks, controls and marks a reader cannot see, and full-width signs.
        ("\u{a0}=1+1", "'\u{a0}=1+1"),
        ("\u{3000}@cmd", "'\u{3000}@cmd"),
        ("\u{feff}=1", "'\u{feff}=1"),
        ("\u{200b}+1", "'\u{200b}+1"),
        ("\u{202e}=1", "'\u{202e}=1"),
        ("\0=1", "'\0=1"),
        ("＝1+1", "'＝1+1"),
        ("\u{a0}-5", "\u{a0}-5"),
        ("\u{200b}text", "\u{200b}text"),
        ("\u{2066}=1", "'\u{2066}=1"),
        ("\u{ad}=1", "'\u{ad}=1"),
        ("\u{fe0f}@x", "'\u{fe0f}@x"),
    ];
    for (cell, written) in cases {
        assert_eq!(
            csv_document(&["h"], [[cell]]),
            format!("h\r\n{written}\r\n"),
            "{cell:?}"
        );
    }
}

#[test]
fn writer_accepts_records_built_on_the_fly() {
    let mut writer = CsvWriter::new(["Name", "Count"]);
    for (name, count) in [("Pending", 3), ("Timed Out", -1)] {
        writer.record([name.to_owned(), count.to_string()]);
    }
    assert_eq!(
        writer.finish(),
        "\u{feff}Name,Count\r\nPending,3\r\nTimed Out,-1\r\n",
        "one byte order mark, so that Excel reads the file as UTF-8"
    );
}

/// The document `csv_in_parts` writes for `order`, in parts of `size`,
/// each record naming its index.
fn indices_in_parts(order: &[u32], size: usize) -> Vec<String> {
    csv_in_parts(["Index"], order, size, |csv, index| {
        csv.record([index.to_string()])
    })
    .collect()
}

#[test]
fn an_empty_listing_is_one_part_of_the_header() {
    assert_eq!(indices_in_parts(&[], 3), ["\u{feff}Index\r\n"]);
}

#[test]
fn a_document_in_parts_starts_with_the_header_and_splits_only_between_records() {
    assert_eq!(
        indices_in_parts(&[4, 0, 7, 2, 9], 2),
        ["\u{feff}Index\r\n4\r\n0\r\n", "7\r\n2\r\n", "9\r\n"]
    );
    // A part size of 0 is taken as 1, not a part that never fills.
    assert_eq!(
        indices_in_parts(&[1, 2], 0),
        ["\u{feff}Index\r\n1\r\n", "2\r\n"]
    );
}

proptest! {
    #[test]
    fn parts_joined_are_the_document_written_in_one(
        order in prop::collection::vec(0u32..1_000, 0..40),
        size in 1usize..12,
    ) {
        let parts = indices_in_parts(&order, size);
        prop_assert_eq!(parts.len(), order.len().div_ceil(size).max(1));
        prop_assert_eq!(parts.concat(), indices_in_parts(&order, usize::MAX).concat());
    }

    #[test]
    fn documents_read_back_to_the_cells_with_only_guards_added(
        rows in prop::collection::vec(prop::collection::vec("[a-c=+@\t\r\n\",;01. \u{a0}\u{200b}＝-]{0,6}", 1..4), 0..5),
    ) {
        let header = ["one"];
        let document = csv_document(&header, rows.iter().map(|row| row.iter()));
        let records = parse(&document);
        prop_assert_eq!(records.len(), rows.len() + 1);
        prop_assert_eq!(&records[0], &["one".to_owned()]);
        for (record, row) in records[1..].iter().zip(&rows) {
            prop_assert_eq!(record.len(), row.len());
            for (read, written) in record.iter().zip(row) {
                // Guards go at the start and after a ";", and nowhere else.
                let unguarded = read.strip_prefix('\'').unwrap_or(read).replace(";'", ";");
                prop_assert_eq!(&unguarded, written, "{:?} read back as {:?}", written, read);
                // Read whole, and as Excel splits it where ";" is the separator.
                let whole = std::iter::once(read.as_str());
                for part in whole.chain(read.split(';').skip(1)) {
                    let start = part.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
                    let dangerous = part.trim_start_matches([' ', '\n']).starts_with(['\t', '\r'])
                        || start.starts_with(['=', '+', '@', '＝'])
                        || (start.starts_with('-') && start.parse::<f64>().is_err());
                    prop_assert!(!dangerous, "{:?} left unguarded in {:?}", part, read);
                }
            }
        }
    }
}

#[test]
fn a_file_stem_keeps_letters_and_digits_with_one_dash_between_words() {
    assert_eq!(
        file_stem("Patch Tuesday – Windows servers", "job"),
        "patch-tuesday-windows-servers"
    );
    assert_eq!(
        file_stem("  --Q3 / 2026: Linux--  ", "job"),
        "q3-2026-linux"
    );
    assert_eq!(file_stem("Übung", "job"), "übung");
    assert_eq!(file_stem("月次パッチ 2026", "job"), "月次パッチ-2026");
    // A bidi override is no letter: it cannot reorder the file's name.
    assert_eq!(file_stem("a\u{202E}b", "job"), "a-b");
    assert_eq!(file_stem("–––", "job"), "job");
    assert_eq!(file_stem("", "job"), "job");
}

#[test]
fn an_export_is_named_after_its_subject_and_the_utc_day_it_was_taken() {
    // 2026-12-05 23:59:59.999 UTC, and one millisecond later.
    let last_moment = Timestamp::from_millis(1_796_515_199_999);
    assert_eq!(
        dated_file_name("patch-tuesday-assets", last_moment),
        "patch-tuesday-assets-2026-12-05.csv"
    );
    assert_eq!(
        dated_file_name(
            "endpoint-exemptions",
            Timestamp::from_millis(1_796_515_200_000)
        ),
        "endpoint-exemptions-2026-12-06.csv"
    );
}

#[test]
fn a_long_name_gives_a_stem_short_enough_for_any_file_system() {
    let stem = file_stem(&"Quarterly rollout ".repeat(200), "job");
    assert!(stem.len() <= STEM_MAX_BYTES, "{} bytes", stem.len());
    assert!(
        stem.starts_with("quarterly-rollout-quarterly") && !stem.ends_with('-'),
        "{stem}"
    );
    // Cut at a character, never inside one.
    let stem = file_stem(&"会議室".repeat(100), "job");
    assert!(
        stem.len() <= STEM_MAX_BYTES && stem.chars().all(|c| "会議室".contains(c)),
        "{stem}"
    );
}
