//! When a failed request is worth repeating, and how long to wait first.
//! Pure, so the policy is tested on the host.

use super::header::header_value;
use super::http_date::parse_http_date;
use std::fmt;

/// Attempts per request, the first included.
pub const MAX_ATTEMPTS: u32 = 3;

/// The longest wait a `Retry-After` may ask for and still be waited out;
/// past it the request fails at once, and Retry or the next refresh asks
/// again, so that a page never sits silent for minutes.
pub const MAX_RETRY_AFTER_SECONDS: u32 = 30;

/// How one attempt ended, as far as retrying cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No response: refused, unreachable or timed out.
    NoResponse,
    /// An answer with this status and the seconds its `Retry-After` asked for.
    Status {
        status: u16,
        retry_after: Option<u32>,
    },
}

/// Milliseconds to wait before trying again after attempt `attempt`, or
/// None to give up. Network failures, server errors and rate limiting may
/// pass; a 4xx will not change by asking again. A `Retry-After` is honoured:
/// never sooner than it asks.
pub fn wait_before_retry(outcome: Outcome, attempt: u32) -> Option<u32> {
    if attempt >= MAX_ATTEMPTS {
        return None;
    }
    let backoff = backoff_millis(attempt);
    match outcome {
        Outcome::NoResponse => Some(backoff),
        Outcome::Status { status, .. } if status < 500 && status != 429 => None,
        Outcome::Status {
            retry_after: Some(seconds),
            ..
        } => (seconds <= MAX_RETRY_AFTER_SECONDS).then(|| backoff.max(seconds * 1000)),
        Outcome::Status { .. } => Some(backoff),
    }
}

/// The seconds a `Retry-After` header asks for. Its date form is measured
/// from the answer's own `Date`, the server's clock, since the browser's
/// may not agree with it; without a `Date` it is not read.
pub fn retry_after_seconds(headers: &[(String, String)]) -> Option<u32> {
    let value = header_value(headers, "retry-after")?.trim();
    if let Ok(seconds) = value.parse() {
        return Some(seconds);
    }
    let until = parse_http_date(value)?;
    let sent = parse_http_date(header_value(headers, "date")?)?;
    // A date already past asks for no wait at all.
    let millis = (until.millis() - sent.millis()).max(0);
    Some(u32::try_from((millis + 999) / 1000).unwrap_or(u32::MAX))
}

/// Exponential backoff: 500 ms, 1 s, 2 s, … after attempt 1, 2, 3, ….
fn backoff_millis(attempt: u32) -> u32 {
    500u32.saturating_mul(1 << attempt.saturating_sub(1).min(10))
}

/// How an attempt that will be made again failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailedAttempt {
    /// The answer's status.
    Status(u16),
    /// No answer came (in time), or the browser would not say why.
    NoAnswer,
    /// The answer began, then its body stopped coming or broke off.
    BrokeOff,
}

/// A failed attempt, and the wait before the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryWait {
    pub failed: FailedAttempt,
    pub millis: u32,
    /// The wait is the one the answer's `Retry-After` asked for.
    pub asked: bool,
}

impl RetryWait {
    /// What is left of the wait once `elapsed` milliseconds of it have gone.
    pub fn after(&self, elapsed: u32) -> RetryWait {
        RetryWait {
            millis: self.millis.saturating_sub(elapsed),
            ..self.clone()
        }
    }
}

impl fmt::Display for RetryWait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.failed {
            FailedAttempt::Status(status) => write!(f, "HTTP {status}")?,
            FailedAttempt::NoAnswer => f.write_str("No answer")?,
            FailedAttempt::BrokeOff => f.write_str("The answer broke off")?,
        }
        match self.millis.div_ceil(1000) {
            0 => f.write_str(": asking again now")?,
            seconds => write!(f, ": asking again in {seconds} s")?,
        }
        if self.asked {
            f.write_str(", as the backend asked")?;
        }
        Ok(())
    }
}
