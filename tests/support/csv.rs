//! An RFC 4180 reader for the tests of our CSV exports (`domain_csv`,
//! `domain_view`): cells with commas, quotes and line breaks read back whole.

/// Reads an RFC 4180 document back into records, as a spreadsheet would.
pub fn parse(document: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut cell) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, document.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && record.is_empty(),
        "the document ends with CRLF"
    );
    records
}
