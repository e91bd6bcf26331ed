//! HTTP dates, as a `Retry-After` or a `Date` header writes them.

use crate::domain::time::Timestamp;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An HTTP date in any of the three forms a recipient must accept:
/// "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete "Sunday, 06-Nov-94
/// 08:49:37 GMT" and C's asctime "Sun Nov  6 08:49:37 1994"; and the e-mail
/// form the first comes from (RFC 2822), which backends write too: a zone as
/// "+0100", the weekday optional ("06 Nov 1994 08:49:37 +0000"). The weekday
/// is not checked against the date.
pub fn parse_http_date(text: &str) -> Option<Timestamp> {
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    let (day, month, year, time, zone) = match words.as_slice() {
        [weekday, day, month, year, time, zone] if weekday.ends_with(',') => {
            (*day, *month, four_digits(year)?, *time, offset(zone)?)
        }
        [day, month, year, time, zone] if day.bytes().all(|b| b.is_ascii_digit()) => {
            (*day, *month, four_digits(year)?, *time, offset(zone)?)
        }
        [weekday, date, time, "GMT"] if weekday.ends_with(',') => {
            let mut parts = date.split('-');
            let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
            (day, month, two_digit_year(year)?, *time, "Z")
        }
        [_weekday, month, day, time, year] => (*day, *month, four_digits(year)?, *time, "Z"),
        _ => return None,
    };
    let month = MONTHS.iter().position(|name| *name == month)? + 1;
    let day_is_valid = (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit());
    if !day_is_valid || time.len() != "08:49:37".len() {
        return None;
    }
    // The ISO reader checks the day against its month and the time's ranges.
    format!("{year:04}-{month:02}-{day:0>2}T{time}{zone}")
        .parse()
        .ok()
}

/// "GMT" (or "UT") as "Z"; "+0100" as it is, for the ISO reader.
fn offset(zone: &str) -> Option<&str> {
    match zone {
        "GMT" | "UT" => Some("Z"),
        _ => {
            let digits = zone.strip_prefix(['+', '-'])?;
            (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(zone)
        }
    }
}

fn four_digits(year: &str) -> Option<u16> {
    (year.len() == 4).then(|| year.parse().ok()).flatten()
}

/// The obsolete form's year: 70–99 are the 1900s, as in the dates of that
/// era, and the rest the 2000s. Only its distance from another date in the
/// same form is used, so the century matters little.
fn two_digit_year(year: &str) -> Option<u16> {
    let year: u16 = (year.len() == 2).then(|| year.parse().ok()).flatten()?;
    Some(if year >= 70 { 1900 + year } else { 2000 + year })
}
