//! A host-supplied token goes only to the configured backend's origin.

use patchboard::source::token::{
    authorization_for, only_scheme_differs, same_origin, set_token, surely_other_origins,
};

#[test]
fn origins_compare_scheme_host_and_port() {
    assert!(same_origin(
        "https://pm.example.com/a?b",
        "https://PM.example.com:443"
    ));
    assert!(!same_origin(
        "https://pm.example.com",
        "http://pm.example.com"
    ));
    assert!(!same_origin(
        "https://pm.example.com",
        "https://pm.example.com:8443"
    ));
    assert!(!same_origin(
        "https://pm.example.com.evil.test/",
        "https://pm.example.com"
    ));
    assert!(!same_origin(
        "https://evil.test/@pm.example.com",
        "https://pm.example.com"
    ));
    assert!(
        same_origin("demo/jobs.json", "demo"),
        "relative URLs are the page's origin"
    );
    assert!(same_origin("/api/jobs.json?p=2", "/api"));
    assert!(!same_origin("https://pm.example.com/x", "demo"));
}

/// A load names a next link's other host only where both addresses say
/// which host they are on.
#[test]
fn other_origins_are_told_only_between_absolute_urls() {
    let first = "http://127.0.0.1:8000/api/endpoints/";
    assert!(surely_other_origins(
        "http://backend.internal:8000/api/endpoints/?page=2",
        first
    ));
    assert!(surely_other_origins("https://127.0.0.1:8000/x", first));
    assert!(!surely_other_origins(
        "http://127.0.0.1:8000/api/endpoints/?page=2",
        first
    ));
    assert!(!surely_other_origins("HTTP://127.0.0.1:8000/x", first));
    assert!(!surely_other_origins("/api/endpoints/?page=2", first));
    assert!(!surely_other_origins(
        "http://backend.internal/x",
        "demo/jobs.json"
    ));
    // http: links from a backend behind a proxy that ends HTTPS.
    assert!(only_scheme_differs(
        "http://pm.example.com/e?page=2",
        "https://pm.example.com/e"
    ));
    assert!(only_scheme_differs(
        "http://pm.example.com:8443/e",
        "https://PM.example.com:8443/"
    ));
    assert!(!only_scheme_differs(
        "http://backend.internal/e",
        "https://pm.example.com/e"
    ));
    assert!(!only_scheme_differs(
        "https://pm.example.com/a",
        "https://pm.example.com/b"
    ));
    assert!(!only_scheme_differs(
        "/e?page=2",
        "https://pm.example.com/e"
    ));
}

/// The browser's URL parser reads these as another host than their text
/// seems to name; none may match the backend's origin.
#[test]
fn urls_the_browser_reads_otherwise_match_nothing() {
    let base = "http://127.0.0.1:8811/api";
    for next in [
        // A backslash is a slash: the host is 127.0.0.1:8812.
        "http://127.0.0.1:8812\\@127.0.0.1:8811/api/jobs.json",
        "http://127.0.0.1:8811\\@evil.test/",
        // Tabs and line breaks are dropped, wherever they are.
        "http://127.0.0.1:8811\t.evil.test/",
        "http://127.0.0.1:8811\n@evil.test/",
        // Credentials, which fetch refuses, and which move the host.
        "http://127.0.0.1:8811@evil.test/",
        "http://user@127.0.0.1:8811/api",
        // Only http and https.
        "ftp://127.0.0.1:8811/api",
    ] {
        assert!(!same_origin(next, base), "{next:?}");
    }
    // Against a relative base (the page's origin), what only looks relative.
    for next in [
        "//evil.test/api",
        "http:\\\\evil.test/api",
        "/\\evil.test/api",
        "https:evil.test/api",
        " //evil.test",
    ] {
        assert!(!same_origin(next, "/api"), "{next:?}");
    }
}

#[test]
fn the_token_goes_only_to_the_backend_and_can_be_replaced() {
    let base = "https://pm.example.com";
    assert_eq!(authorization_for("https://pm.example.com/jobs", base), None);
    set_token(Some("first".into()));
    assert_eq!(
        authorization_for("https://pm.example.com/jobs", base).as_deref(),
        Some("Bearer first")
    );
    assert_eq!(
        authorization_for("https://cdn.example.com/jobs", base),
        None
    );
    set_token(Some("second".into()));
    assert_eq!(
        authorization_for("https://pm.example.com/next?page=2", base).as_deref(),
        Some("Bearer second")
    );
    set_token(Some("  ".into()));
    assert_eq!(authorization_for("https://pm.example.com/jobs", base), None);
}

#[test]
fn a_token_given_with_its_scheme_or_spaces_is_sent_once_as_bearer() {
    let base = "https://pm.example.com";
    for given in ["Bearer xyz", "bearer xyz", " xyz ", "BEARER   xyz\n"] {
        set_token(Some(given.into()));
        assert_eq!(
            authorization_for("https://pm.example.com/jobs", base).as_deref(),
            Some("Bearer xyz"),
            "{given:?}"
        );
    }
    set_token(Some("Bearer ".into()));
    assert_eq!(authorization_for("https://pm.example.com/jobs", base), None);
    // A token that merely starts with the letters is left whole.
    set_token(Some("Bearerxyz".into()));
    assert_eq!(
        authorization_for("https://pm.example.com/jobs", base).as_deref(),
        Some("Bearer Bearerxyz")
    );
}
