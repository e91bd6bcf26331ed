//! What a backend says in the body of an error answer: RFC 9457 problem
//! details (`detail`, `title`), Spring's and Express's `message`, Django
//! REST framework's `detail`, OAuth's `error_description`, Google's
//! `{"error": {"message": …}}`. An operator reads "The access token expired
//! at 14:02" sooner than a status code alone.

use super::record::letters_and_digits;
use crate::domain::abridge::abridged;
use crate::domain::visible::visible;
use serde_json::Value;

/// An error body larger than this is a page or a dump, not a message.
const MAX_BODY_BYTES: usize = 64 * 1024;
/// The characters of the backend's words a banner shows.
const MAX_CHARS: usize = 200;
/// Members that hold the message, the most specific first.
pub const MESSAGE_KEYS: [&str; 6] = [
    "detail",
    "message",
    "error_description",
    "title",
    "error",
    "errors",
];
/// The members that say a body is an error, whatever else it holds.
pub const ERROR_KEYS: [&str; 2] = ["error", "errors"];

/// The backend's own words for the error in `body`, an answer with HTTP
/// `status`, on one line and cut to 200 characters; `None` when the body is
/// not a JSON object with words that say more than the status does.
pub fn backend_message(body: &str, status: u16) -> Option<String> {
    if body.len() > MAX_BODY_BYTES {
        return None;
    }
    words_in(&serde_json::from_str(body).ok()?, status, &MESSAGE_KEYS)
}

/// Like [`backend_message`] for a body already parsed, looking in `keys`
/// only: a 200 that carries an error in place of its list.
pub fn words_in(body: &Value, status: u16, keys: &[&str]) -> Option<String> {
    let text = message_in(body, status, keys)?;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(visible(&abridged(&one_line, MAX_CHARS)).into_owned())
}

/// The backend's words in a 200 body's `error` or `errors` member (a
/// native body's rest, or the whole body).
pub fn error_words(body: &Value) -> Option<String> {
    words_in(body, 200, &ERROR_KEYS)
}

fn message_in<'v>(value: &'v Value, status: u16, keys: &[&str]) -> Option<&'v str> {
    let object = value.as_object()?;
    keys.iter().find_map(|key| match object.get(*key)? {
        Value::String(text) if !only_restates(text, status) => Some(text.as_str()),
        // {"error": {"code": 401, "message": "…"}}
        nested @ Value::Object(_) => message_in(nested, status, &MESSAGE_KEYS),
        // GraphQL's {"errors": [{"message": "…"}]}
        Value::Array(list) => list
            .iter()
            .find_map(|item| message_in(item, status, &MESSAGE_KEYS)),
        _ => None,
    })
}

/// Whether `text` says no more than the status line: "", "HTTP 401",
/// "Unauthorized", "401 Unauthorized".
fn only_restates(text: &str, status: u16) -> bool {
    let code = status.to_string();
    let rest = letters_and_digits(text)
        .replacen("http", "", 1)
        .replacen(&code, "", 1);
    // {"code": 0, "message": "success"} in an answer that went well.
    let says_success = (200..300).contains(&status) && ["ok", "success"].contains(&rest.as_str());
    rest.is_empty()
        || says_success
        || reason_phrase(status).is_some_and(|reason| rest == letters_and_digits(reason))
}

/// The standard reason phrase of the statuses a backend commonly sends.
fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}
