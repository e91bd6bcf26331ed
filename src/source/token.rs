//! The bearer token a host page hands over at run time
//! (`Patchboard.setToken(…)`), and the rule that it only ever goes to the
//! configured backend's origin. Kept in memory only: never in the URL,
//! storage or logs.

use std::cell::RefCell;

thread_local! {
    static TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the token; `None` or an empty string removes it.
pub fn set_token(token: Option<String>) {
    TOKEN.with(|cell| *cell.borrow_mut() = token.filter(|t| !t.trim().is_empty()));
}

/// The `Authorization` header for a request to `url`, when a token is set and
/// `url` has the same origin as `base_url`.
pub fn authorization_for(url: &str, base_url: &str) -> Option<String> {
    if !same_origin(url, base_url) {
        return None;
    }
    TOKEN.with(|cell| {
        cell.borrow()
            .as_ref()
            .map(|token| format!("Bearer {token}"))
    })
}

/// Whether two URLs share scheme, host and port. Relative URLs (no scheme)
/// are the page's own origin, so two relative URLs match each other only.
pub fn same_origin(a: &str, b: &str) -> bool {
    origin(a) == origin(b)
}

fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // Credentials in the authority ("user@host") are not part of the origin.
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let scheme = scheme.to_ascii_lowercase();
    let host = host.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => "",
    };
    let host = host.strip_suffix(default_port).unwrap_or(&host).to_owned();
    Some(format!("{scheme}://{host}"))
}
