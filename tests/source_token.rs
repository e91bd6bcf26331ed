//! A host-supplied token goes only to the configured backend's origin.

use patchboard::source::token::{authorization_for, same_origin, set_token};

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
    assert!(same_origin(
        "https://user@pm.example.com/",
        "https://pm.example.com"
    ));
    assert!(
        same_origin("demo/jobs.json", "demo"),
        "relative URLs are the page's origin"
    );
    assert!(!same_origin("https://pm.example.com/x", "demo"));
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
