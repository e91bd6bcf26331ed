//! The bearer token a host page hands over at run time
//! (`Patchboard.setToken(…)`), and the rule that it only ever goes to the
//! configured backend's origin. Kept in memory only: never in the URL,
//! storage or logs.

use std::cell::RefCell;

thread_local! {
    static TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the token; `None` or an empty string removes it. Spaces around
/// it and a leading "Bearer ", which the header adds itself, are dropped.
pub fn set_token(token: Option<String>) {
    let token = token
        .map(|token| without_scheme(token.trim_start()).trim().to_owned())
        .filter(|token| !token.is_empty());
    TOKEN.with(|cell| *cell.borrow_mut() = token);
}

fn without_scheme(token: &str) -> &str {
    match token.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("bearer ") => token[7..].trim_start(),
        _ => token,
    }
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

/// Whether two URLs share scheme, host and port. Relative URLs are the
/// page's own origin, so two relative URLs match each other only. A URL
/// whose origin this cannot tell as surely as the browser would matches
/// nothing, so a token is never sent on a guess.
pub fn same_origin(a: &str, b: &str) -> bool {
    matches!((origin(a), origin(b)), (Some(a), Some(b)) if a == b)
}

/// Whether two absolute URLs name different origins; `false` where either
/// is relative or not told surely, as the page's origin may be the other's.
pub fn surely_other_origins(a: &str, b: &str) -> bool {
    matches!((origin(a), origin(b)), (Some(Origin::Of(a)), Some(Origin::Of(b))) if a != b)
}

/// Whether two absolute URLs name the same host and port under different
/// schemes (`http:` where `https:` answered).
pub fn only_scheme_differs(a: &str, b: &str) -> bool {
    let host = |origin: &str| origin.split_once("://").map(|(_, host)| host.to_owned());
    match (origin(a), origin(b)) {
        (Some(Origin::Of(a)), Some(Origin::Of(b))) => a != b && host(&a) == host(&b),
        _ => false,
    }
}

#[derive(PartialEq)]
enum Origin {
    /// A relative URL: the page's own origin, whatever it is.
    Page,
    /// `scheme://host[:port]`, lower case, the scheme's default port left out.
    Of(String),
}

fn origin(url: &str) -> Option<Origin> {
    let before_query = url.split(['?', '#']).next().unwrap_or("");
    // The browser drops tabs and line breaks anywhere, trims spaces and reads
    // a backslash as a slash: "http://pm.example.com\@evil.test" goes to
    // evil.test. A URL that needs any of that is not told apart here.
    if before_query.contains(|c: char| c == '\\' || c.is_ascii_control() || c == ' ') {
        return None;
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        let first_segment = before_query.split('/').next().unwrap_or("");
        // "//host/x" takes the page's scheme to another host; "x:y" has a scheme.
        let relative = !url.starts_with("//") && !first_segment.contains(':');
        return relative.then_some(Origin::Page);
    };
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // Credentials ("user@host") are refused by fetch, and would make the
    // host the part after the last "@".
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let host = authority.to_ascii_lowercase();
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    Some(Origin::Of(format!("{scheme}://{host}")))
}
