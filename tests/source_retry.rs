use patchboard::source::http_date::parse_http_date;
use patchboard::source::retry::{
    retry_after_seconds, wait_before_retry, FailedAttempt, Outcome, RetryWait,
    MAX_RETRY_AFTER_SECONDS,
};

fn status(status: u16, retry_after: Option<u32>) -> Outcome {
    Outcome::Status {
        status,
        retry_after,
    }
}

#[test]
fn failures_that_may_pass_are_tried_three_times_with_growing_waits() {
    for outcome in [Outcome::NoResponse, status(500, None), status(429, None)] {
        assert_eq!(wait_before_retry(outcome, 1), Some(500), "{outcome:?}");
        assert_eq!(wait_before_retry(outcome, 2), Some(1_000), "{outcome:?}");
        assert_eq!(wait_before_retry(outcome, 3), None, "{outcome:?}");
    }
}

#[test]
fn a_refusal_is_not_asked_again() {
    for code in [400, 401, 403, 404, 410] {
        assert_eq!(wait_before_retry(status(code, None), 1), None, "{code}");
    }
}

/// A rate-limited backend is never asked sooner than it said; a wait past
/// the cap ends the load at once rather than leave the page silent.
#[test]
fn retry_after_is_waited_out_up_to_the_cap() {
    assert_eq!(wait_before_retry(status(429, Some(5)), 1), Some(5_000));
    assert_eq!(wait_before_retry(status(503, Some(0)), 2), Some(1_000));
    assert_eq!(
        wait_before_retry(status(429, Some(MAX_RETRY_AFTER_SECONDS)), 1),
        Some(MAX_RETRY_AFTER_SECONDS * 1_000)
    );
    assert_eq!(
        wait_before_retry(status(429, Some(MAX_RETRY_AFTER_SECONDS + 1)), 1),
        None
    );
    assert_eq!(wait_before_retry(status(429, Some(5)), 3), None);
}

#[test]
fn retry_after_is_read_in_seconds_under_any_case() {
    let headers = |value: &str| vec![("retry-after".to_owned(), value.to_owned())];
    assert_eq!(retry_after_seconds(&headers(" 7 ")), Some(7));
    assert_eq!(
        retry_after_seconds(&[("Retry-After".to_owned(), "120".to_owned())]),
        Some(120)
    );
    assert_eq!(retry_after_seconds(&headers("-3")), None);
    assert_eq!(retry_after_seconds(&[]), None);
}

/// The refresh line tells a wait before asking again, and whose it is.
#[test]
fn a_wait_before_asking_again_says_how_long_and_who_asked_for_it() {
    let told = |failed, millis, asked| {
        RetryWait {
            failed,
            millis,
            asked,
        }
        .to_string()
    };
    assert_eq!(
        told(FailedAttempt::Status(429), 20_000, true),
        "HTTP 429: asking again in 20 s, as the backend asked"
    );
    assert_eq!(
        told(FailedAttempt::Status(503), 1_000, false),
        "HTTP 503: asking again in 1 s"
    );
    // Half a second is not "0 s".
    assert_eq!(
        told(FailedAttempt::NoAnswer, 500, false),
        "No answer: asking again in 1 s"
    );
    // Rows may have come before it broke off: not "no answer".
    assert_eq!(
        told(FailedAttempt::BrokeOff, 2_000, false),
        "The answer broke off: asking again in 2 s"
    );
}

/// The refresh line counts a wait down as it passes.
#[test]
fn a_wait_counts_down_to_asking_now() {
    let wait = RetryWait {
        failed: FailedAttempt::Status(429),
        millis: 20_000,
        asked: true,
    };
    assert_eq!(
        wait.after(5_200).to_string(),
        "HTTP 429: asking again in 15 s, as the backend asked"
    );
    assert_eq!(
        wait.after(25_000).to_string(),
        "HTTP 429: asking again now, as the backend asked"
    );
}

/// The date form counts from the answer's own Date, the server's clock.
#[test]
fn retry_after_as_a_date_is_measured_from_the_answers_date() {
    let answer = |retry_after: &str, date: Option<&str>| {
        let mut headers = vec![("Retry-After".to_owned(), retry_after.to_owned())];
        headers.extend(date.map(|date| ("date".to_owned(), date.to_owned())));
        retry_after_seconds(&headers)
    };
    let sent = Some("Wed, 21 Oct 2026 07:28:00 GMT");
    assert_eq!(answer("Wed, 21 Oct 2026 07:28:20 GMT", sent), Some(20));
    // Across midnight and a month's end, in the obsolete forms.
    assert_eq!(
        answer(
            "Sunday, 01-Nov-26 00:00:05 GMT",
            Some("Sat Oct 31 23:59:50 2026")
        ),
        Some(15)
    );
    assert_eq!(answer("Wed, 21 Oct 2026 07:27:00 GMT", sent), Some(0));
    // Without the server's clock, its date says nothing we can measure.
    assert_eq!(answer("Wed, 21 Oct 2026 07:28:20 GMT", None), None);
    assert_eq!(answer("next Tuesday", sent), None);
}

#[test]
fn http_dates_are_read_in_all_three_forms_and_checked() {
    let millis = |text: &str| parse_http_date(text).map(|time| time.millis());
    let expected = Some(784_111_777_000);
    assert_eq!(millis("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
    assert_eq!(millis("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
    assert_eq!(millis("Sun Nov  6 08:49:37 1994"), expected);
    // The e-mail form (RFC 2822) that backends write too.
    assert_eq!(millis("Sun, 06 Nov 1994 08:49:37 +0000"), expected);
    assert_eq!(millis("06 Nov 1994 08:49:37 GMT"), expected);
    assert_eq!(millis("Sun, 06 Nov 1994 03:49:37 -0500"), expected);
    for wrong in [
        "Sun, 06 Nov 1994 08:49:37 +00",
        "Nov 06 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 CET",
        "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 November 1994 08:49:37 GMT",
        "Sun, 006 Nov 1994 08:49:37 GMT",
        "Sun 06 Nov 1994 08:49:37 GMT",
        "1994-11-06T08:49:37Z",
        "",
    ] {
        assert_eq!(millis(wrong), None, "{wrong:?}");
    }
}
