//! Parsing and formatting of timestamps, and their flexible deserialisation.

use patchboard::domain::time::{count_ahead, hours_text, optional_time, period_text, Timestamp};
use proptest::prelude::*;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

fn parse(text: &str) -> Timestamp {
    text.parse()
        .unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

#[test]
fn the_epoch_and_its_neighbours() {
    assert_eq!(parse("1970-01-01T00:00:00Z"), Timestamp(0));
    assert_eq!(parse("1970-01-01"), Timestamp(0));
    assert_eq!(parse("1969-12-31T23:59:59Z"), Timestamp(-1_000));
    assert_eq!(parse("1970-01-02T00:00:00.001Z"), Timestamp(DAY + 1));
    assert_eq!(Timestamp(0).format_utc(), "1970-01-01 00:00 UTC");
    assert_eq!(Timestamp(-1).format_utc(), "1969-12-31 23:59 UTC");
}

#[test]
fn a_known_instant_in_each_accepted_shape() {
    // 2026-11-20T04:00:00Z, checked against an independent calculation:
    // 20_777 days from the epoch to 2026-11-20 (as `date -u` counts them).
    let expected = Timestamp(20_777 * DAY + 4 * HOUR);
    for text in [
        "2026-11-20T04:00:00Z",
        "2026-11-20t04:00:00z",
        "2026-11-20 04:00:00Z",
        "2026-11-20T04:00Z",
        "2026-11-20T04:00:00",
        "2026-11-20T06:00:00+02:00",
        "2026-11-20T06:00:00+0200",
        "2026-11-20T06:00:00+02",
        "2026-11-19T23:30:00-04:30",
        "2026-11-20T04:00:00.000Z",
        "2026-11-20T04:00:00.0009Z",
        " 2026-11-20T04:00:00Z ",
    ] {
        assert_eq!(parse(text), expected, "{text}");
    }
    assert_eq!(parse("2026-11-20T04:00:00.5Z"), Timestamp(expected.0 + 500));
    assert_eq!(
        parse("2026-11-20T04:00:00.123456789Z"),
        Timestamp(expected.0 + 123)
    );
    assert_eq!(parse("2026-11-20"), Timestamp(expected.0 - 4 * HOUR));
    assert_eq!(expected.format_utc(), "2026-11-20 04:00 UTC");
}

#[test]
fn digits_alone_are_epoch_seconds_or_milliseconds() {
    assert_eq!(parse("1763611200000"), Timestamp(1_763_611_200_000));
    assert_eq!(parse("1763611200"), Timestamp(1_763_611_200_000));
    assert_eq!(parse("-5"), Timestamp(-5_000));
    // With a fraction, as Python's time.time() is often sent.
    assert_eq!(parse(" 1763611200.25 "), Timestamp(1_763_611_200_250));
    assert_eq!(parse("1763611200.0625"), Timestamp(1_763_611_200_062));
    assert_eq!(parse("-1.5"), Timestamp(-1_500));
    assert_eq!(parse("1763611200000.9"), Timestamp(1_763_611_200_000));
    for not_a_time in ["1763611200.", ".5", "1.2.3", "1e9", "12.x"] {
        assert!(not_a_time.parse::<Timestamp>().is_err(), "{not_a_time}");
    }
    assert!("99999999999999999.5".parse::<Timestamp>().is_err());
}

#[test]
fn leap_days_exist_only_in_leap_years() {
    for year in [2024, 2000, 1972, 2400] {
        let text = format!("{year}-02-29");
        let leap_day = parse(&text);
        assert_eq!(
            parse(&format!("{year}-03-01")).0 - leap_day.0,
            DAY,
            "{text}"
        );
        assert_eq!(leap_day.format_utc(), format!("{year}-02-29 00:00 UTC"));
    }
    for year in [2023, 1900, 2100] {
        assert!(
            format!("{year}-02-29").parse::<Timestamp>().is_err(),
            "{year}"
        );
    }
    assert_eq!(parse("2024-12-31").0 - parse("2024-01-01").0, 365 * DAY);
    assert_eq!(parse("2023-12-31").0 - parse("2023-01-01").0, 364 * DAY);
}

#[test]
fn malformed_text_is_rejected_with_what_was_expected() {
    for text in [
        "",
        "yesterday",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-11-20T24:00Z",
        "2026-11-20T04:60Z",
        "2026-11-20T04:00:61Z",
        "2026-11-20T04",
        "2026-11-20T04:00:00.Z",
        "2026-11-20T04:00:00+25:00",
        "2026-11-20T04:00:00Q",
        "2026-11-20T04:00:00Z junk",
        "26-11-20",
        "2026/11/20",
    ] {
        let error = text.parse::<Timestamp>().expect_err(text);
        let message = error.to_string();
        assert!(message.contains("2026-11-20T04:00:00Z"), "{message}");
        assert!(message.contains(&format!("{text:?}")), "{message}");
    }
}

#[test]
fn relative_time_picks_the_largest_whole_unit() {
    let now = Timestamp(1_000_000_000_000);
    let ago = |ms: i64| Timestamp(now.0 - ms).format_relative(now);
    assert_eq!(ago(0), "just now");
    assert_eq!(ago(9_999), "just now");
    assert_eq!(ago(-9_999), "just now");
    assert_eq!(ago(10_000), "10 s ago");
    assert_eq!(ago(45_000), "45 s ago");
    assert_eq!(ago(MINUTE - 1), "59 s ago");
    assert_eq!(ago(MINUTE), "1 min ago");
    assert_eq!(ago(4 * MINUTE + 59_000), "4 min ago");
    assert_eq!(ago(HOUR - 1), "59 min ago");
    assert_eq!(ago(3 * HOUR), "3 h ago");
    assert_eq!(ago(DAY - 1), "23 h ago");
    assert_eq!(ago(2 * DAY), "2 d ago");
    assert_eq!(ago(365 * DAY - 1), "364 d ago");
    assert_eq!(ago(365 * DAY), "1 y ago");
    assert_eq!(ago(20_793 * DAY), "56 y ago");
    assert_eq!(ago(-5 * MINUTE), "in 5 min");
    assert_eq!(ago(-30_000), "in 30 s");
    assert_eq!(ago(-3 * DAY), "in 3 d");
}

#[test]
fn relative_future_time_keeps_the_next_unit_down() {
    let now = Timestamp(1_000_000_000_000);
    let in_ms = |ms: i64| Timestamp(now.0 + ms).format_relative(now);
    assert_eq!(in_ms(2 * DAY - MINUTE), "in 1 d 23 h");
    assert_eq!(in_ms(405 * DAY), "in 1 y 40 d");
    assert_eq!(
        in_ms(DAY + 30 * MINUTE),
        "in 1 d",
        "under an hour past the day"
    );
    assert_eq!(in_ms(3 * HOUR + 5 * MINUTE + 20_000), "in 3 h 5 min");
    assert_eq!(
        in_ms(59 * MINUTE + 59_000),
        "in 59 min",
        "minutes keep no seconds"
    );
    // The past keeps one unit: it is read at a glance, not planned by.
    assert_eq!(
        Timestamp(now.0 - 2 * DAY + MINUTE).format_relative(now),
        "1 d ago"
    );
}

#[test]
fn a_time_that_happened_reads_just_now_while_clocks_drift_but_ahead_beyond() {
    let now = Timestamp(1_000_000_000_000);
    let ahead = |ms: i64| Timestamp(now.0 + ms).format_happened(now);
    assert_eq!(ahead(MINUTE), "just now", "a backend clock a minute fast");
    assert_eq!(ahead(15 * MINUTE), "just now");
    assert_eq!(ahead(15 * MINUTE + 1_000), "in 15 min");
    assert_eq!(
        ahead(3 * HOUR),
        "in 3 h",
        "an offset left off, which the page reports"
    );
    assert_eq!(ahead(-4 * MINUTE), "4 min ago");
    assert_eq!(
        Timestamp(i64::MAX).format_happened(Timestamp(i64::MIN)),
        Timestamp(i64::MAX).format_relative(Timestamp(i64::MIN))
    );
}

#[test]
fn relative_time_survives_extreme_values() {
    assert!(Timestamp(i64::MIN)
        .format_relative(Timestamp(i64::MAX))
        .ends_with(" y ago"));
    assert!(Timestamp(i64::MAX)
        .format_relative(Timestamp(i64::MIN))
        .starts_with("in "));
}

#[test]
fn small_epoch_numbers_are_seconds_and_large_ones_milliseconds() {
    let instant = Timestamp(1_763_611_200_000);
    assert_eq!(Timestamp::from_epoch(1_763_611_200), Some(instant));
    assert_eq!(Timestamp::from_epoch(1_763_611_200_000), Some(instant));
    // Either side of the 10^11 line, and before the epoch.
    assert_eq!(
        Timestamp::from_epoch(99_999_999_999),
        Some(Timestamp(99_999_999_999_000))
    );
    assert_eq!(
        Timestamp::from_epoch(100_000_000_000),
        Some(Timestamp(100_000_000_000))
    );
    assert_eq!(Timestamp::from_epoch(-86_400), Some(Timestamp(-DAY)));
    assert_eq!(Timestamp::from_epoch(0), Some(Timestamp(0)));
    // Past the year 9999 in milliseconds.
    assert_eq!(Timestamp::from_epoch(253_402_300_800_000), None);
    assert_eq!(Timestamp::from_epoch(i64::MIN), None);
}

#[test]
fn fractional_epoch_seconds_keep_their_milliseconds() {
    assert_eq!(
        Timestamp::from_epoch_float(1_763_611_200.25),
        Some(Timestamp(1_763_611_200_250))
    );
    assert_eq!(
        Timestamp::from_epoch_float(1.7636112e12),
        Some(Timestamp(1_763_611_200_000))
    );
    for unreadable in [f64::NAN, f64::INFINITY, 1.0e19, -1.0e30] {
        assert_eq!(
            Timestamp::from_epoch_float(unreadable),
            None,
            "{unreadable}"
        );
    }
}

#[test]
fn the_native_format_reads_either_unit() {
    let read = |json: &str| serde_json::from_str::<Timestamp>(json);
    assert_eq!(read("1763611200").unwrap(), Timestamp(1_763_611_200_000));
    assert_eq!(read("1763611200000").unwrap(), Timestamp(1_763_611_200_000));
    let message = read("253402300800000").unwrap_err().to_string();
    assert!(message.contains("outside the years 0 to 9999"), "{message}");
}

#[test]
fn an_offset_does_not_carry_a_time_past_the_years_0_to_9999() {
    for text in ["9999-12-31T23:59:59-05:00", "0000-01-01T00:00:00+01:00"] {
        let message = text.parse::<Timestamp>().unwrap_err().to_string();
        assert!(message.contains("outside the years 0 to 9999"), "{message}");
    }
    assert_eq!(
        parse("9999-12-31T23:59:59+05:00"),
        Timestamp(253_402_300_799_000 - 5 * HOUR)
    );
}

/// .NET's older serialisers write "/Date(ms)/", with the writer's offset
/// after the milliseconds, which are UTC whatever it says.
#[test]
fn dotnet_microsoft_dates_are_epoch_milliseconds() {
    let at = Timestamp(1_796_561_282_235);
    assert_eq!(parse("/Date(1796561282235)/"), at);
    assert_eq!(parse("/Date(1796561282235+0000)/"), at);
    assert_eq!(parse("/Date(1796561282235-0500)/"), at);
    assert_eq!(parse(" /Date(1796561282235+0100)/ "), at);
    assert_eq!(parse("/Date(-86400000)/"), Timestamp(-DAY));
    // Milliseconds even where the digits are few enough for seconds.
    assert_eq!(parse("/Date(60000)/"), Timestamp(MINUTE));
    for wrong in [
        "/Date()/",
        "/Date(12a)/",
        "/Date(1+01)/",
        "/Date(1)",
        "Date(1)/",
        "/Date(+0100)/",
        "/Date(é1234)/",
    ] {
        assert!(wrong.parse::<Timestamp>().is_err(), "{wrong}");
    }
    let message = "/Date(999999999999999)/"
        .parse::<Timestamp>()
        .unwrap_err()
        .to_string();
    assert!(message.contains("outside the years 0 to 9999"), "{message}");
}

/// 0, -1 and Go's or .NET's zero time are what backends send for "never";
/// an optional time field reads them as no time, whatever shape they come in.
#[test]
fn a_backends_never_is_no_time() {
    #[derive(serde::Deserialize)]
    struct Seen {
        #[serde(default, deserialize_with = "optional_time")]
        last_seen: Option<Timestamp>,
    }
    let read = |json: &str| serde_json::from_str::<Seen>(json).unwrap().last_seen;
    for never in ["0", "-1", "-62135596800", "-62135596800000"] {
        let json = format!(r#"{{"last_seen": {never}}}"#);
        assert_eq!(read(&json), None, "{never}");
    }
    assert_eq!(read("{}"), None);
    assert_eq!(read(r#"{"last_seen": null}"#), None);
    assert_eq!(read(r#"{"last_seen": 1}"#), Some(Timestamp(1_000)));
    for never in [
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00",
        "1970-01-01T00:00:00Z",
    ] {
        assert_eq!(parse(never).given(), None, "{never}");
    }
    // Neighbours of a placeholder are instants.
    for instant in [
        Timestamp(1),
        Timestamp(-1),
        Timestamp(-999),
        Timestamp(60_000),
    ] {
        assert_eq!(instant.given(), Some(instant));
    }
    assert!(!parse("0001-01-01T00:00:01Z").is_placeholder());
}

/// Times of past events more than a quarter of an hour ahead are counted:
/// clocks drift by minutes, a local time sent without its zone by hours.
#[test]
fn times_ahead_of_now_past_a_quarter_hour_are_counted() {
    // Now is somewhere in the minute that starts here.
    let minute = Timestamp(1_796_571_480_000);
    let at = |minutes: i64| Timestamp(minute.0 + minutes * MINUTE);
    assert_eq!(count_ahead([at(-600), at(0), at(14), at(15)], minute), 0);
    // Within a quarter-hour of the minute's last instant: not told ahead.
    assert_eq!(count_ahead([Timestamp(at(16).0 - 1)], minute), 0);
    assert_eq!(count_ahead([at(16), at(60), at(-60)], minute), 2);
    assert_eq!(count_ahead([], minute), 0);
}

/// Ten thousand Gregorian years hold 3_652_425 days.
const YEARS_0000_TO_9999_MINUTES: i64 = 3_652_425 * 24 * 60;

proptest! {
    #[test]
    fn formatting_then_parsing_whole_minutes_round_trips(minutes in 0i64..YEARS_0000_TO_9999_MINUTES) {
        // Year 0000 starts 62_167_219_200_000 ms before the epoch.
        let t = Timestamp(minutes * MINUTE - 62_167_219_200_000);
        let printed = t.format_utc();
        let iso = printed.replace(' ', "T").replace("TUTC", ":00Z");
        prop_assert_eq!(parse(&iso), t, "{}", iso);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".*") {
        let _ = text.parse::<Timestamp>();
    }
}

#[test]
fn hours_keep_their_unit_on_the_same_line() {
    assert_eq!(hours_text(4), "4\u{a0}h");
    assert_eq!(hours_text(12), "12\u{a0}h");
}

#[test]
fn a_refresh_period_is_written_in_the_units_it_would_be_set_in() {
    let cases = [
        (1, "1 s"),
        (45, "45 s"),
        (90, "90 s"),
        (119, "119 s"),
        (120, "2 min"),
        (150, "2 min 30 s"),
        (300, "5 min"),
        (3600, "1 h"),
        (3605, "1 h 5 s"),
        (5400, "1 h 30 min"),
        (86_400, "24 h"),
    ];
    for (seconds, text) in cases {
        assert_eq!(period_text(seconds), text, "{seconds} s");
    }
}
