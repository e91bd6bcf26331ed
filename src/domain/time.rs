//! Instants as UTC epoch milliseconds. Backends send epoch seconds or
//! milliseconds; [`Timestamp::from_epoch`] tells them apart by size.
//!
//! Parsing and formatting are hand-rolled (civil-date arithmetic after Howard
//! Hinnant's algorithms) to keep a date library out of the wasm bundle.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;

/// A UTC instant in milliseconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl<'de> Deserialize<'de> for Timestamp {
    /// Epoch seconds or milliseconds (see [`Timestamp::from_epoch`]), in the
    /// years [`Timestamp::checked`] takes.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = i64::deserialize(deserializer)?;
        Timestamp::from_epoch(number).ok_or_else(|| serde::de::Error::custom(OUT_OF_RANGE))
    }
}

const MS_PER_SECOND: i64 = 1_000;
const MS_PER_MINUTE: i64 = 60 * MS_PER_SECOND;
const MS_PER_HOUR: i64 = 60 * MS_PER_MINUTE;
const MS_PER_DAY: i64 = 24 * MS_PER_HOUR;

/// Closer than this to `now`, an instant reads "just now".
const JUST_NOW_MS: u64 = 10_000;
/// Units of a relative time, largest first, in milliseconds.
const RELATIVE_UNITS: [(u64, &str); 4] = [
    // 365 days: "2 y ago" reads at a glance where "730 d ago" must be worked out.
    (365 * MS_PER_DAY as u64, "y"),
    (MS_PER_DAY as u64, "d"),
    (MS_PER_HOUR as u64, "h"),
    (MS_PER_MINUTE as u64, "min"),
];
const SECONDS: (u64, &str) = (MS_PER_SECOND as u64, "s");

/// The instants a backend's time may name: the years 0 to 9999, the ones a
/// date is written with. Beyond them a figure is a fault (a unit mixed up,
/// an overflow), not a time to show as the year 292278994.
const EARLIEST_MS: i64 = -62_167_219_200_000;
const LATEST_MS: i64 = 253_402_300_799_999;

/// Epoch numbers smaller than this (either sign) are seconds, the others
/// milliseconds: 10^11 seconds reach the year 5138, and 10^11 milliseconds
/// only March 1973, so no time a patch console shows falls on the wrong side.
const SECONDS_BELOW: u64 = 100_000_000_000;

/// The first instant of the year 1: Go's zero time and .NET's
/// `DateTime.MinValue`, which backends written in them send for "never".
const YEAR_ONE_MS: i64 = -62_135_596_800_000;
/// What backends send for "no time" in a time field: the epoch itself (0),
/// a second before it (-1), and the year 1's first instant. No patch,
/// report or sighting a console shows falls exactly on one of them.
const PLACEHOLDERS_MS: [i64; 3] = [0, -MS_PER_SECOND, YEAR_ONE_MS];

/// Whether a whole epoch number counts seconds (see [`SECONDS_BELOW`]).
fn counts_seconds(number: i64) -> bool {
    number.unsigned_abs() < SECONDS_BELOW
}

impl Timestamp {
    pub const fn from_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    /// `ms` as a time if it falls in the years 0 to 9999.
    pub fn checked(ms: i64) -> Option<Self> {
        (EARLIEST_MS..=LATEST_MS)
            .contains(&ms)
            .then_some(Timestamp(ms))
    }

    /// An epoch number as a time: seconds below 10^11 in size (what Unix
    /// tools and many APIs send), milliseconds from there (what JavaScript
    /// sends); `None` outside the years 0 to 9999.
    pub fn from_epoch(number: i64) -> Option<Self> {
        if counts_seconds(number) {
            Self::checked(number * MS_PER_SECOND)
        } else {
            Self::checked(number)
        }
    }

    /// Like [`from_epoch`](Self::from_epoch) for a number with a fraction
    /// (Python's `time.time()` writes seconds so), kept to the millisecond.
    pub fn from_epoch_float(number: f64) -> Option<Self> {
        let ms = if number.abs() < SECONDS_BELOW as f64 {
            number * MS_PER_SECOND as f64
        } else {
            number
        };
        // NaN would cast to 0, a valid time; infinities saturate out of range.
        (!ms.is_nan()).then_some(ms as i64).and_then(Self::checked)
    }

    pub const fn millis(self) -> i64 {
        self.0
    }

    /// Whether this is a backend's stand-in for "never" (0, -1, the year 1's
    /// first instant) rather than an instant to show as a date in 1970.
    pub fn is_placeholder(self) -> bool {
        PLACEHOLDERS_MS.contains(&self.0)
    }

    /// The instant, or `None` for a placeholder: what an optional time
    /// field holds, so that "never" reads as no time, not "20793 d ago".
    pub fn given(self) -> Option<Self> {
        (!self.is_placeholder()).then_some(self)
    }

    /// "2026-11-20 04:00 UTC": minute precision, seconds dropped.
    pub fn format_utc(self) -> String {
        let days = self.0.div_euclid(MS_PER_DAY);
        let ms_of_day = self.0.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        format!(
            "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
            ms_of_day / MS_PER_HOUR,
            ms_of_day % MS_PER_HOUR / MS_PER_MINUTE
        )
    }

    /// RFC 3339 in UTC with milliseconds: "2026-11-20T04:00:00.000Z", for
    /// machine-readable output (data files, `<time datetime>`).
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(MS_PER_DAY);
        let ms_of_day = self.0.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
            ms_of_day / MS_PER_HOUR,
            ms_of_day % MS_PER_HOUR / MS_PER_MINUTE,
            ms_of_day % MS_PER_MINUTE / MS_PER_SECOND,
            ms_of_day % MS_PER_SECOND
        )
    }

    /// How long ago (or ahead of) `now` this is, in the largest whole unit:
    /// "just now" within 10 s either way, then "45 s ago", "4 min ago",
    /// "3 h ago", "2 d ago", "3 y ago" (of 365 days); future instants read
    /// "in 5 min", and "in 1 y 40 d", "in 1 d 23 h" or "in 3 h 5 min" where
    /// the largest unit is years, days or hours.
    pub fn format_relative(self, now: Timestamp) -> String {
        let elapsed = now.0.saturating_sub(self.0);
        let distance = elapsed.unsigned_abs();
        if distance < JUST_NOW_MS {
            return "just now".to_owned();
        }
        let largest = RELATIVE_UNITS
            .iter()
            .position(|&(unit_ms, _)| distance >= unit_ms);
        let (unit_ms, unit) = largest.map_or(SECONDS, |i| RELATIVE_UNITS[i]);
        let count = distance / unit_ms;
        if elapsed >= 0 {
            return format!("{count} {unit} ago");
        }
        // What is ahead is planned by: "in 1 d" would hide up to 23 more
        // hours, so days and hours keep the next unit down.
        let next = largest
            .and_then(|i| RELATIVE_UNITS.get(i + 1))
            .map(|&(next_ms, next)| (distance % unit_ms / next_ms, next))
            .filter(|&(rest, _)| rest > 0);
        match next {
            Some((rest, next)) => format!("in {count} {unit} {rest} {next}"),
            None => format!("in {count} {unit}"),
        }
    }

    /// [`Timestamp::format_relative`] for something that has happened (a
    /// status change, a sighting): a time ahead of `now` by no more than two
    /// clocks drift apart ([`AHEAD_ALLOWED_MS`]) is "just now", never "in
    /// 1 min"; further ahead, it reads as ahead, as the pages report it
    /// ([`count_ahead`]).
    pub fn format_happened(self, now: Timestamp) -> String {
        let ahead = self.0.saturating_sub(now.0);
        if (0..=AHEAD_ALLOWED_MS).contains(&ahead) {
            return "just now".to_owned();
        }
        self.format_relative(now)
    }
}

/// How far past now a time of something that happened (a sighting, a
/// status change) may lie before it reads as a local time sent without its
/// offset: the backend's clock and the browser's drift by minutes, zones by
/// hours.
const AHEAD_ALLOWED_MS: i64 = 15 * MS_PER_MINUTE;

/// How many of `times` lie more than a quarter of an hour after now, when
/// now is known to the minute that begins at `minute` (work over every row
/// redone each minute, not each tick): they are counted only when past
/// that minute's last instant too, so none is told ahead by less.
pub fn count_ahead(times: impl IntoIterator<Item = Timestamp>, minute: Timestamp) -> usize {
    let last_instant = minute.0.saturating_add(MS_PER_MINUTE - 1);
    let limit = last_instant.saturating_add(AHEAD_ALLOWED_MS);
    times.into_iter().filter(|time| time.0 > limit).count()
}

/// Reads an optional time field: absent, null and a placeholder
/// ([`Timestamp::is_placeholder`]) are all `None`, as the field table reads them.
pub fn optional_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Timestamp>, D::Error> {
    Ok(Option::<Timestamp>::deserialize(deserializer)?.and_then(Timestamp::given))
}

/// A number of hours as the pages write it: "4 h", with a no-break space,
/// so that a line that wraps never leaves the unit alone on the next.
pub fn hours_text(hours: u32) -> String {
    format!("{hours}\u{a0}h")
}

/// A period of seconds as the refresh line writes it, in the units a person
/// would set it in: "45 s", "90 s", "5 min", "2 min 30 s", "1 h", "1 h 30 min".
/// Under two minutes it stays in seconds, as "1 min 30 s" reads slower.
pub fn period_text(seconds: u32) -> String {
    if seconds < 120 {
        return format!("{seconds} s");
    }
    let parts = [
        (seconds / 3600, "h"),
        (seconds / 60 % 60, "min"),
        (seconds % 60, "s"),
    ];
    let named: Vec<String> = parts
        .iter()
        .filter(|&&(count, _)| count > 0)
        .map(|(count, unit)| format!("{count} {unit}"))
        .collect();
    named.join(" ")
}

/// Why an epoch number is not a time (see [`Timestamp::checked`]).
const OUT_OF_RANGE: &str = "outside the years 0 to 9999";

/// Why a text is not a timestamp we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeParseError {
    input: String,
    problem: &'static str,
}

impl fmt::Display for TimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read {:?} as a time ({}); expected an RFC 3339 date-time such as \
             2026-11-20T04:00:00Z, a date such as 2026-11-20, or epoch seconds or milliseconds",
            self.input, self.problem
        )
    }
}

impl std::error::Error for TimeParseError {}

impl FromStr for Timestamp {
    type Err = TimeParseError;

    /// Reads RFC 3339 / ISO 8601: "2026-11-20T04:00:00Z", with an offset
    /// ("+02:00", "+0200", "+02"), with fractional seconds (kept to the
    /// millisecond), minutes only ("2026-11-20T04:00"), a space instead of
    /// "T", or a bare date (midnight UTC). No zone means UTC. A plain integer
    /// is epoch seconds or milliseconds, by size; .NET's "/Date(ms)/" is
    /// epoch milliseconds.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let fail = |problem| TimeParseError {
            input: text.to_owned(),
            problem,
        };
        if let Ok(number) = trimmed.parse::<i64>() {
            return Timestamp::from_epoch(number).ok_or_else(|| fail(OUT_OF_RANGE));
        }
        if let Some(parsed) = epoch_with_fraction(trimmed).or_else(|| microsoft_date(trimmed)) {
            return parsed.ok_or_else(|| fail(OUT_OF_RANGE));
        }
        parse_iso(trimmed).map_err(fail)
    }
}

/// "/Date(1763611200000)/" or "/Date(1763611200000+0100)/", the dates of
/// .NET's older JSON serialisers (DataContractJsonSerializer, Json.NET's
/// MicrosoftDateFormat): epoch milliseconds, always UTC; the offset only
/// says where the writer was, so it is not applied. `None` for a text of
/// another shape; `Some(None)` out of range.
fn microsoft_date(text: &str) -> Option<Option<Timestamp>> {
    let inner = text.strip_prefix("/Date(")?.strip_suffix(")/")?;
    // An offset is the last five characters: a sign and four digits.
    let is_offset =
        |part: &str| part.starts_with(['+', '-']) && part[1..].bytes().all(|b| b.is_ascii_digit());
    let offset_at = inner
        .len()
        .checked_sub(5)
        .filter(|&at| inner.is_char_boundary(at));
    let ms = match offset_at.map(|at| inner.split_at(at)) {
        Some((ms, offset)) if !ms.is_empty() && is_offset(offset) => ms,
        _ => inner,
    };
    let digits = ms.strip_prefix('-').unwrap_or(ms);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Timestamp::checked(ms.parse().ok()?))
}

/// "1763611200.25" as written by a backend that turns Python's
/// `time.time()` into text: epoch digits, a point and more digits. The
/// fraction of seconds is kept to the millisecond, that of milliseconds
/// dropped. `None` for a text of another shape; `Some(None)` out of range.
fn epoch_with_fraction(text: &str) -> Option<Option<Timestamp>> {
    let (whole, fraction) = text.split_once('.')?;
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let unsigned = whole.strip_prefix(['-', '+']).unwrap_or(whole);
    if !digits(unsigned) || !digits(fraction) {
        return None;
    }
    let number: i64 = whole.parse().ok()?;
    if !counts_seconds(number) {
        return Some(Timestamp::checked(number));
    }
    // Three digits of the fraction, padded: ".5" is 500 ms, ".0625" 62 ms.
    let ms = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0, |ms, digit| ms * 10 + i64::from(digit - b'0'));
    let sign = if whole.starts_with('-') { -1 } else { 1 };
    Some(Timestamp::checked(number * MS_PER_SECOND + sign * ms))
}

/// A cursor over the ASCII bytes of an ISO 8601 text.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let matched = self.peek() == Some(byte);
        if matched {
            self.rest = &self.rest[1..];
        }
        matched
    }

    /// Exactly `width` decimal digits.
    fn number(&mut self, width: usize, problem: &'static str) -> Result<i64, &'static str> {
        let digits = self.rest.get(..width).ok_or(problem)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(problem);
        }
        self.rest = &self.rest[width..];
        Ok(digits
            .iter()
            .fold(0, |acc, digit| acc * 10 + i64::from(digit - b'0')))
    }

    /// The digits after a decimal point, as milliseconds (finer ones dropped).
    fn fraction_ms(&mut self) -> Result<i64, &'static str> {
        let len = self.rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return Err("no digits after the decimal point");
        }
        let (digits, rest) = self.rest.split_at(len);
        let ms = digits
            .iter()
            .chain([b'0'; 3].iter())
            .take(3)
            .fold(0, |acc, digit| acc * 10 + i64::from(digit - b'0'));
        self.rest = rest;
        Ok(ms)
    }
}

fn parse_iso(text: &str) -> Result<Timestamp, &'static str> {
    let mut cursor = Cursor {
        rest: text.as_bytes(),
    };
    let year = cursor.number(4, "the year needs four digits")?;
    let month = dash_then(&mut cursor, "the month needs two digits after a dash")?;
    let day = dash_then(&mut cursor, "the day needs two digits after a dash")?;
    if !(1..=12).contains(&month) {
        return Err("month out of range");
    }
    if !(1..=days_in_month(year, month)).contains(&day) {
        return Err("day out of range for that month");
    }
    let mut ms_of_day = 0;
    if cursor.peek().is_some() {
        if !(cursor.eat(b'T') || cursor.eat(b't') || cursor.eat(b' ')) {
            return Err("the date must be followed by T and a time");
        }
        ms_of_day = time_of_day(&mut cursor)?;
        ms_of_day -= utc_offset_ms(&mut cursor)?;
    }
    if cursor.peek().is_some() {
        return Err("unexpected text after the time");
    }
    // An offset can carry the last day's times past the years 0 to 9999.
    Timestamp::checked(days_from_civil(year, month, day) * MS_PER_DAY + ms_of_day)
        .ok_or(OUT_OF_RANGE)
}

fn dash_then(cursor: &mut Cursor, problem: &'static str) -> Result<i64, &'static str> {
    if !cursor.eat(b'-') {
        return Err(problem);
    }
    cursor.number(2, problem)
}

/// "04:00", "04:00:59" or "04:00:59.123…", in milliseconds.
fn time_of_day(cursor: &mut Cursor) -> Result<i64, &'static str> {
    let hour = cursor.number(2, "the hour needs two digits")?;
    if !cursor.eat(b':') {
        return Err("the hour must be followed by a colon and minutes");
    }
    let minute = cursor.number(2, "the minutes need two digits")?;
    let mut second = 0;
    let mut ms = 0;
    if cursor.eat(b':') {
        second = cursor.number(2, "the seconds need two digits")?;
        if cursor.eat(b'.') || cursor.eat(b',') {
            ms = cursor.fraction_ms()?;
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err("time of day out of range");
    }
    Ok(hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + ms)
}

/// "Z", "+02:00", "-0530", "+02", or nothing (UTC), in milliseconds east of UTC.
fn utc_offset_ms(cursor: &mut Cursor) -> Result<i64, &'static str> {
    if cursor.eat(b'Z') || cursor.eat(b'z') || cursor.peek().is_none() {
        return Ok(0);
    }
    let sign = if cursor.eat(b'+') {
        1
    } else if cursor.eat(b'-') {
        -1
    } else {
        return Err("expected Z or an offset such as +02:00 after the time");
    };
    let hours = cursor.number(2, "the offset needs two-digit hours")?;
    let minutes = if cursor.peek().is_none() {
        0
    } else {
        cursor.eat(b':');
        cursor.number(2, "the offset needs two-digit minutes")?
    };
    if hours > 23 || minutes > 59 {
        return Err("offset out of range");
    }
    Ok(sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE))
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
