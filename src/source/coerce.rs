//! Lenient conversion of backend JSON values into our field types.
//!
//! Backends disagree on representation (numbers as strings, booleans as
//! 1/"true", times as epoch seconds, milliseconds or RFC 3339), so each
//! conversion accepts every form that has an unambiguous meaning and names
//! what it expected otherwise.

use super::body_text::NOT_FINITE;
use super::http_date::parse_http_date;
use crate::domain::abridge::{abridged, QUOTED_CHARS};
use crate::domain::decimal::grouped;
use crate::domain::endpoint::Drive;
use crate::domain::time::Timestamp;
use crate::domain::visible::visible;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A conversion failure, worded as "expected …, found …".
pub type Coerced<T> = Result<T, String>;

/// What joins what a reading expected to what it found: problems are
/// grouped by the words before it (`row_problems`), whatever was found.
pub const FOUND: &str = ", found ";

fn expected(what: &str, found: &Value) -> String {
    let shown = shown(found, QUOTED_CHARS);
    // A bare NaN or Infinity in the body reaches a field as this text.
    let hint = match found.as_str() {
        Some(word) if NOT_FINITE.contains(&word) => {
            " (JSON has no NaN or Infinity, which Python's json.dumps writes: \
             the backend should send null for a figure it does not have)"
        }
        _ => "",
    };
    format!("expected {what}{FOUND}{shown}{hint}")
}

/// A value as JSON text for a message, cut after `max_chars` characters,
/// each character that hides or reorders text shown as a mark. A string is
/// cut inside its quotes, so that the message's own words do not read as
/// part of a value left open.
pub fn shown(value: &Value, max_chars: usize) -> String {
    let text = match value {
        Value::String(text) => Value::String(abridged(text, max_chars).into_owned()).to_string(),
        other => abridged(&other.to_string(), max_chars).into_owned(),
    };
    visible(&text).into_owned()
}

/// Strings as given; numbers in their decimal form (ids are often numeric),
/// a whole one as a whole number however JSON wrote it: `42.0` and `4.2e1`
/// are the asset that `42` names elsewhere, not "42.0".
///
/// A whole number past 64 bits, or one past 2^53 written with an exponent
/// or a fraction, reaches us as a float with its last digits already rounded
/// away: shown, it would name a different asset than the backend meant, so
/// it is refused.
pub fn text(value: &Value) -> Coerced<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => match n.as_f64().filter(|_| n.is_f64()) {
            Some(float) if !is_exact_float(float) => Err(format!(
                "{}: a number this large loses digits when read; send it as a string",
                expected("a string", value)
            )),
            // Exact in an i64: is_exact_float bounds it by 2^53.
            Some(float) if float.fract() == 0.0 => Ok((float as i64).to_string()),
            _ => Ok(n.to_string()),
        },
        other => Err(expected("a string", other)),
    }
}

/// The largest whole number a JSON float (an f64) holds exactly, 2^53 − 1.
const MAX_EXACT_FLOAT: u64 = (1 << 53) - 1;

/// Whether a float read from JSON is the number its text wrote: 2^53 and
/// beyond, a float no longer holds every whole number.
fn is_exact_float(float: f64) -> bool {
    float.abs() <= MAX_EXACT_FLOAT as f64
}

/// A number 0 or more with no fraction, however JSON writes it: 5, 5.0 or
/// 5e0. A float is taken only while it holds the number exactly, as a cast
/// would turn 1e308 into u64::MAX without a word.
pub fn whole_number(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && is_exact_float(*f))
            .map(|f| f as u64)
    })
}

/// A non-negative integer, from a number or a decimal string, that fits `T`.
pub fn unsigned<T: Whole>(value: &Value) -> Coerced<T> {
    let too_big_float = matches!(value, Value::Number(n)
        if n.as_u64().is_none() && n.as_f64().is_some_and(|f| f > 0.0 && !is_exact_float(f)));
    let parsed = match value {
        Value::Number(n) => whole_number(n),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    // The type's bound is named only to a number past it: to a negative
    // number or a word, "4,294,967,295" would read as a rule of the data.
    let range = || {
        expected(
            &format!("a whole number from 0 to {}", grouped(T::MAX)),
            value,
        )
    };
    let past_max = match value {
        Value::Number(n) => n.as_f64().is_some_and(|f| f > T::MAX as f64),
        Value::String(s) => {
            let digits = s.trim();
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    match parsed {
        Some(n) => T::try_from(n).map_err(|_| range()),
        None if past_max => Err(range()),
        None if too_big_float => Err(expected(
            &format!(
                "a whole number, and past {} written as a plain integer \
                 (a decimal point or exponent makes it a float, which holds no larger \
                 whole number exactly)",
                grouped(MAX_EXACT_FLOAT)
            ),
            value,
        )),
        None => Err(expected("a whole number, 0 or more", value)),
    }
}

/// The major part of a version: `5` from 5, 5.1, "5", "5.1" or
/// "5.1.19041.1" (how `$PSVersionTable.PSVersion` prints).
pub fn major_version(value: &Value) -> Coerced<u32> {
    let major = match value {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
        Value::String(s) => {
            let text = s.trim();
            let whole = text.split('.').next().unwrap_or("");
            let dotted = text
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
            dotted.then(|| whole.parse().ok()).flatten()
        }
        _ => None,
    };
    major
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| expected("a version such as 5 or \"5.1.19041.1\"", value))
}

/// A finite number, from a number or a string holding a JSON number.
pub fn number(value: &Value) -> Coerced<f64> {
    let parsed = match value {
        Value::Number(n) => n.as_f64(),
        // serde_json's number reader, not `str::parse`: core's float parser
        // brings a 10 KB table of powers of five into the wasm.
        Value::String(s) => serde_json::from_str(s).ok(),
        _ => None,
    };
    parsed
        .filter(|f| f.is_finite())
        .ok_or_else(|| expected("a number", value))
}

/// A share from 0 to 100, as a drive's used space is.
pub fn percentage(value: &Value) -> Coerced<f64> {
    // "93 %" or "93%", as exports made for people write it.
    let without_sign = match value {
        Value::String(s) => s
            .trim()
            .strip_suffix('%')
            .map(|number| Value::String(number.trim_end().to_owned())),
        _ => None,
    };
    number(without_sign.as_ref().unwrap_or(value))
        .ok()
        .and_then(Drive::checked_used_percent)
        .ok_or_else(|| expected("a percentage from 0 to 100", value))
}

/// An unsigned integer type a field is read into, with its largest value,
/// which a message names.
pub trait Whole: TryFrom<u64> {
    const MAX: u64;
}

macro_rules! whole {
    ($($type:ty),*) => {$(
        impl Whole for $type {
            const MAX: u64 = <$type>::MAX as u64;
        }
    )*};
}

whole!(u8, u16, u32, u64);

/// true/false, 1/0, or those words as strings (any case).
pub fn boolean(value: &Value) -> Coerced<bool> {
    let parsed = match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_u64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    };
    parsed.ok_or_else(|| {
        let problem = expected("a boolean (true/false, 1/0, yes/no)", value);
        // "Y"/"N", "on"/"off", "enabled": a backend's own words for yes and no.
        match value {
            // The word whole, so that the example can be pasted as it is.
            Value::String(word) if !word.trim().is_empty() && word.chars().count() <= 40 => {
                format!("{problem}{MAP_WITH_VALUES} ({value}: \"true\" or \"false\")")
            }
            Value::String(word) if !word.trim().is_empty() => format!("{problem}{MAP_WITH_VALUES}"),
            _ => problem,
        }
    })
}

/// Epoch seconds or milliseconds (number or digit string, told apart by
/// size) or an RFC 3339 date-time.
pub fn timestamp(value: &Value) -> Coerced<Timestamp> {
    let parsed = match value {
        Value::Number(n) => match n.as_i64() {
            Some(whole) => Timestamp::from_epoch(whole),
            None => n.as_f64().and_then(Timestamp::from_epoch_float),
        },
        Value::String(s) => s.parse().ok().or_else(|| parse_http_date(s)),
        _ => None,
    };
    parsed.ok_or_else(|| {
        let problem = expected(
            "epoch seconds or milliseconds or an RFC 3339 date-time, in the years 0 to 9999",
            value,
        );
        match value {
            Value::String(text) if is_slashed_date(text) => format!(
                "{problem} (a date with slashes may put the day or the month first: \
                 have the backend send 2026-12-06T14:02:00Z or epoch seconds)"
            ),
            _ => problem,
        }
    })
}

/// "12/06/2026", "6/12/26 14:02": a local date whose order of day and
/// month cannot be told.
fn is_slashed_date(text: &str) -> bool {
    let date = text.trim().split([' ', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = date.split('/').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The advice a backend's word that is none of ours ends with.
pub const MAP_WITH_VALUES: &str = "; map the backend's words with \"values\"";

/// One of our words for an enum, spelled as its serde name ("Connected", "Off").
pub fn word<T: DeserializeOwned>(value: &Value) -> Coerced<T> {
    match value {
        // serde's message says "variant" and quotes in backticks; one on
        // screen says what an integrator does about it and quotes as JSON.
        Value::String(_) => serde_json::from_value(value.clone()).map_err(|error| {
            let message = error.to_string().replace('`', "\"");
            match message
                .strip_prefix("unknown variant ")
                .and_then(|rest| rest.split_once(", expected "))
            {
                // serde's message quotes the value whole and as it came.
                Some((_, ours)) => format!(
                    "{} is not one of our words ({ours}){MAP_WITH_VALUES}",
                    shown(value, QUOTED_CHARS)
                ),
                None => message,
            }
        }),
        // A number or a boolean can be mapped to our word too ("1": "On").
        Value::Number(_) | Value::Bool(_) => Err(format!(
            "{}; map it to one of our words with \"values\" (\"{}\": …)",
            expected("a word", value),
            value
        )),
        other => Err(expected("a word", other)),
    }
}

/// An array of strings (numbers accepted), or a single string as a one-item list.
pub fn text_list(value: &Value) -> Coerced<Vec<String>> {
    match value {
        Value::Array(items) => items.iter().map(text).collect(),
        single => text(single).map(|s| vec![s]),
    }
}
