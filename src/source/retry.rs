//! When a failed request is worth repeating, and how long to wait first.
//! Pure, so the policy is tested on the host.

/// Attempts per request, the first included.
pub const MAX_ATTEMPTS: u32 = 3;

/// How one attempt ended, as far as retrying cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No response: refused, unreachable or timed out.
    NoResponse,
    Status(u16),
}

/// Network failures and server errors may pass; a 4xx will not change by asking again.
pub fn should_retry(outcome: Outcome, attempt: u32) -> bool {
    attempt < MAX_ATTEMPTS
        && match outcome {
            Outcome::NoResponse => true,
            Outcome::Status(status) => status >= 500 || status == 429,
        }
}

/// Exponential backoff: 500 ms, 1 s, 2 s, … after attempt 1, 2, 3, ….
pub fn backoff_millis(attempt: u32) -> u32 {
    500u32.saturating_mul(1 << attempt.saturating_sub(1).min(10))
}
