//! The backend's own words in an error answer's body.

use patchboard::source::error_body::backend_message;

#[test]
fn the_message_member_each_common_framework_uses_is_read() {
    let cases = [
        // RFC 9457 problem details: the detail over the generic title.
        (
            r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"The access token expired at 14:02:11Z. Sign in again."}"#,
            "The access token expired at 14:02:11Z. Sign in again.",
        ),
        // Spring Boot's error body.
        (
            r#"{"timestamp":"2026-12-06T14:02:11Z","status":500,"error":"Internal Server Error","message":"Connection pool exhausted","path":"/api/jobs"}"#,
            "Connection pool exhausted",
        ),
        (
            r#"{"detail":"Authentication credentials were not provided."}"#,
            "Authentication credentials were not provided.",
        ),
        (
            r#"{"error":"invalid_token","error_description":"Token is expired"}"#,
            "Token is expired",
        ),
        (
            r#"{"error":{"code":403,"message":"Caller lacks the scope patch.read"}}"#,
            "Caller lacks the scope patch.read",
        ),
    ];
    for (body, says) in cases {
        assert_eq!(backend_message(body, 401).as_deref(), Some(says), "{body}");
    }
}

#[test]
fn a_message_is_shown_on_one_line_cut_short_and_without_hidden_characters() {
    let long = format!(
        r#"{{"message":"line one\n\n  line two {}"}}"#,
        "x".repeat(300)
    );
    let says = backend_message(&long, 500).unwrap();
    assert!(says.starts_with("line one line two xxx"), "{says}");
    assert_eq!(says.chars().count(), 201, "200 characters and an ellipsis");
    assert!(says.ends_with('…'));
    let hidden = backend_message(r#"{"detail":"evil\u202eosla"}"#, 400).unwrap();
    assert!(!hidden.contains('\u{202e}'), "{hidden:?}");
}

#[test]
fn bodies_without_a_message_say_nothing() {
    for body in [
        "",
        "Internal Server Error",
        "<html><body>502 Bad Gateway</body></html>",
        r#"["not", "an", "object"]"#,
        r#"{"status":500}"#,
        r#"{"message":"   "}"#,
        r#"{"message":42}"#,
    ] {
        assert_eq!(backend_message(body, 500), None, "{body}");
    }
    let huge = format!(r#"{{"message":"m","pad":"{}"}}"#, "x".repeat(70_000));
    assert_eq!(backend_message(&huge, 500), None, "a dump, not a message");
}

/// Words that only restate the status line add nothing to "HTTP 401 from …".
#[test]
fn words_that_only_restate_the_status_are_left_out() {
    for (body, status) in [
        (r#"{"error":"HTTP 401","path":"/jobs.json"}"#, 401),
        (
            r#"{"status":503,"error":"Service Unavailable","message":""}"#,
            503,
        ),
        (r#"{"title":"Unauthorized","status":401}"#, 401),
        (r#"{"message":"401 Unauthorized"}"#, 401),
        (r#"{"error":"not_found"}"#, 404),
    ] {
        assert_eq!(backend_message(body, status), None, "{body}");
    }
    // A phrase of another status, or more words, says something.
    assert_eq!(
        backend_message(r#"{"error":"Forbidden"}"#, 401).as_deref(),
        Some("Forbidden")
    );
    assert_eq!(
        backend_message(r#"{"title":"Unauthorized","detail":"Token revoked"}"#, 401).as_deref(),
        Some("Token revoked")
    );
}

/// A 200 body's error member, beside rows or in place of them.
#[test]
fn a_success_body_names_its_error_only_in_error_or_errors() {
    use patchboard::source::error_body::error_words;
    use serde_json::json;
    let graphql =
        json!({ "data": {}, "errors": [{ "message": "Cannot return null", "path": ["x"] }] });
    assert_eq!(error_words(&graphql).as_deref(), Some("Cannot return null"));
    assert_eq!(
        error_words(&json!({ "items": [], "error": "Upstream CMDB unavailable" })).as_deref(),
        Some("Upstream CMDB unavailable")
    );
    for quiet in [
        json!({ "message": "12 endpoints" }),
        json!({ "error": { "code": 0, "message": "success" } }),
        json!({ "error": "OK" }),
        json!({ "error": null, "errors": [] }),
        json!({ "errors": [{ "code": 7 }] }),
        json!([{ "error": "not at the top of an object" }]),
    ] {
        assert_eq!(error_words(&quiet), None, "{quiet}");
    }
}
