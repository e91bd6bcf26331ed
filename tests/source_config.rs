use patchboard::source::config::{Credentials, Method, PageEnd, Paging};
use patchboard::source::config_read::{config_from_value, read_config};
use patchboard::source::presets;
use serde_json::json;

fn problems(config: serde_json::Value) -> Vec<String> {
    match config_from_value(&config) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn minimal() -> serde_json::Value {
    json!({
        "base_url": "https://pm.example.com",
        "resources": {
            "endpoints": { "url": "{base_url}/endpoints", "fields": { "id": "/id" } }
        }
    })
}

#[test]
fn a_minimal_config_reads_with_defaults() {
    let config = config_from_value(&minimal()).expect("valid");
    assert_eq!(config.refresh_seconds, 30);
    assert_eq!(
        config.stuck_after_hours,
        patchboard::domain::progress::DEFAULT_STUCK_AFTER_HOURS
    );
    assert_eq!(config.credentials, Credentials::SameOrigin);
    let endpoints = config.resources.endpoints.expect("endpoints set");
    assert_eq!(endpoints.method, Method::Get);
    assert_eq!(endpoints.paging, Paging::None);
    assert_eq!(endpoints.items.as_str(), "");
    assert!(config.resources.jobs.is_none());
}

#[test]
fn each_credentials_mode_is_read_by_its_fetch_name() {
    for (word, mode) in [
        ("omit", Credentials::Omit),
        ("same-origin", Credentials::SameOrigin),
        ("include", Credentials::Include),
    ] {
        let mut value = minimal();
        value["credentials"] = json!(word);
        let config = config_from_value(&value).expect("valid");
        assert_eq!(config.credentials, mode, "{word}");
    }
}

#[test]
fn the_stuck_threshold_is_read_in_hours() {
    let mut value = minimal();
    value["stuck_after_hours"] = json!(12);
    assert_eq!(
        config_from_value(&value).expect("valid").stuck_after_hours,
        12
    );
    // Written as JSON may write a whole number.
    value["stuck_after_hours"] = json!(12.0);
    assert_eq!(
        config_from_value(&value).expect("valid").stuck_after_hours,
        12
    );
    value["stuck_after_hours"] = json!(12.5);
    assert_eq!(
        problems(value.clone()),
        ["stuck_after_hours: expected an integer from 1 to 720, found 12.5"]
    );
    value["stuck_after_hours"] = json!(721);
    assert_eq!(
        problems(value),
        ["stuck_after_hours: expected an integer from 1 to 720, found 721"]
    );
}

#[test]
fn the_wsus_rule_is_read_from_the_configuration() {
    use patchboard::domain::derive::{days, DerivationPolicy};
    let defaults = DerivationPolicy::default();
    let read = config_from_value(&minimal()).expect("valid").derivation;
    assert_eq!(
        (
            read.wsus_report_max_age,
            read.missing_wsus_report_is_problem
        ),
        (
            defaults.wsus_report_max_age,
            defaults.missing_wsus_report_is_problem
        ),
        "without the keys, the defaults"
    );
    let mut value = minimal();
    value["wsus_report_max_days"] = json!(14);
    value["missing_wsus_report_is_problem"] = json!(true);
    let policy = config_from_value(&value).expect("valid").derivation;
    assert_eq!(policy.wsus_report_max_age, days(14));
    assert!(policy.missing_wsus_report_is_problem);

    value["wsus_report_max_days"] = json!(0);
    value["missing_wsus_report_is_problem"] = json!("yes");
    assert_eq!(
        problems(value),
        [
            "wsus_report_max_days: expected an integer from 1 to 365, found 0",
            "missing_wsus_report_is_problem: expected true or false, found \"yes\"",
        ]
    );
}

#[test]
fn maintenance_is_judged_only_where_the_mapping_reads_schedules() {
    let reported = |value: &serde_json::Value| {
        let reported = config_from_value(value)
            .expect("valid")
            .derivation
            .maintenance;
        (reported.schedules, reported.windows)
    };
    let mapping = |fields: &[&str]| {
        let mut value = minimal();
        for field in fields {
            value["resources"]["endpoints"]["fields"][field] = json!(format!("/{field}"));
        }
        reported(&value)
    };
    assert_eq!(mapping(&[]), (false, false), "no maintenance field mapped");
    assert_eq!(
        mapping(&["maintenance_last_window_ran_out"]),
        (false, false),
        "a flag that is only ever true says nothing of endpoints without it"
    );
    assert_eq!(
        mapping(&["maintenance_name"]),
        (true, false),
        "schedules without windows"
    );
    assert_eq!(mapping(&["maintenance_windows"]), (true, true));
    let native = json!({ "preset": "native", "base_url": "https://pm.example.com" });
    assert_eq!(
        reported(&native),
        (true, true),
        "the native format carries schedules"
    );
}

#[test]
fn every_problem_is_reported_with_its_key_path() {
    let found = problems(json!({
        "base_url": 5,
        "refresh_seconds": -1,
        "stuck_after_hours": 0,
        "credentials": "always",
        "resources": {
            "endpoints": {
                "url": "{base_url}/e?x={jobid}",
                "method": "PUT",
                "feilds": {},
                "items": "endpoints",
                "paging": { "mode": "pages" },
                "timeout_seconds": 0
            }
        }
    }));
    let expect = [
        "base_url: expected a string, found 5",
        "refresh_seconds: expected an integer from 0 to 86400, found -1",
        "stuck_after_hours: expected an integer from 1 to 720, found 0",
        "credentials: expected one of \"omit\", \"same-origin\", \"include\", found \"always\"",
        "resources.endpoints.feilds: unknown key",
        "resources.endpoints.url: unknown placeholder {jobid}",
        "resources.endpoints.method: expected one of \"GET\", \"POST\", found \"PUT\"",
        "resources.endpoints.items: expected a JSON Pointer starting with \"/\", found \"endpoints\"",
        "resources.endpoints.fields: missing; expected an object",
        "resources.endpoints.paging.mode: expected one of \"none\"",
        "resources.endpoints.timeout_seconds: expected an integer from 1 to 600, found 0",
    ];
    for wanted in expect {
        assert!(
            found.iter().any(|p| p.starts_with(wanted)),
            "no problem starting {wanted:?} in {found:#?}"
        );
    }
}

#[test]
fn a_paging_that_is_not_an_object_says_so() {
    let mut config = minimal();
    config["resources"]["endpoints"]["paging"] = json!("none");
    let found = problems(config);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("resources.endpoints.paging: expected an object, found"),
        "{found:#?}"
    );
}

#[test]
fn keyset_paging_needs_cursor_in_the_request() {
    let mut config = minimal();
    config["resources"]["endpoints"]["paging"] =
        json!({ "mode": "after_last_item", "pointer": "/id", "size": 100 });
    let found = problems(config.clone());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("{cursor}"), "{found:#?}");
    config["resources"]["endpoints"]["url"] = json!("{base_url}/e?after={cursor}");
    assert!(config_from_value(&config).is_ok());
}

#[test]
fn link_header_paging_takes_no_keys_and_names_no_placeholder() {
    let mut config = minimal();
    config["resources"]["endpoints"]["paging"] = json!({ "mode": "link_header" });
    assert_eq!(problems(config.clone()), Vec::<String>::new());
    // A page size is the backend's to set in its next link: the problem
    // says where to ask for one, once, and not that the key is unknown.
    config["resources"]["endpoints"]["paging"] = json!({ "mode": "link_header", "size": 50 });
    assert_eq!(
        problems(config.clone()),
        [
            "resources.endpoints.paging.size: not used with paging mode \"link_header\", which \
          follows the backend's next link to the end; to ask for a page size, write it where \
          the backend reads it, as it names it: in the url's query (e.g. ?per_page=500) or in \
          a POST body (e.g. \"MaxResults\": 500)"
        ]
    );
    config["resources"]["endpoints"]["paging"] =
        json!({ "mode": "next_in_body", "pointer": "/next", "end": "empty_page", "x": 1 });
    let found = problems(config.clone());
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with(
            "resources.endpoints.paging.end: not used with paging mode \"next_in_body\""
        ),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("resources.endpoints.paging.x: unknown key"),
        "{found:#?}"
    );
    // The next page's address is the Link header's whole: nothing to fill
    // in, and the problem names the modes that would fill each in.
    config["resources"]["endpoints"]["paging"] = json!({ "mode": "link_header" });
    config["resources"]["endpoints"]["url"] = json!("{base_url}/e?page={page}&n={page_size}");
    assert_eq!(
        problems(config),
        [
            "resources.endpoints.url: placeholder {page} has no value in this resource: paging \
             mode \"link_header\" gives it none; it comes with paging mode \"page_number\"",
            "resources.endpoints.url: placeholder {page_size} has no value in this resource: \
             paging mode \"link_header\" gives it none; it comes with paging modes \
             \"page_number\", \"offset_limit\", \"after_last_item\", \"cursor_header\"",
        ]
    );
}

#[test]
fn a_header_is_named_in_quotes_whatever_its_problem() {
    let mut config = minimal();
    config["resources"]["endpoints"]["headers"] = json!({ "X-Job": "{job_id}", "Bad Name": "x" });
    let found = problems(config);
    for wanted in [
        "resources.endpoints.headers.\"X-Job\": placeholder {job_id} has no value in this resource",
        "resources.endpoints.headers.\"Bad Name\": ",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(wanted)),
            "no {wanted:?} in {found:#?}"
        );
    }
}

#[test]
fn field_problems_name_the_field() {
    let mut config = minimal();
    config["resources"]["endpoints"]["fields"] = json!({
        "name": "name",
        "nmae": "/name",
        "os": ["/os", "/a~2b"],
        "drives.used_percent": 3
    });
    config["resources"]["endpoints"]["values"] =
        json!({ "powr": { "on": "On" }, "os": { "n/a": null, "?": 0 } });
    let found = problems(config);
    let expect = [
        "resources.endpoints.fields: missing required field \"id\"",
        "resources.endpoints.fields.name: expected a JSON Pointer starting with \"/\", found \"name\"",
        "resources.endpoints.fields.nmae: unknown field",
        "resources.endpoints.fields.os[1]: expected \"~\" to be followed by 0 or 1",
        "resources.endpoints.fields.drives.used_percent: expected a JSON Pointer string, found 3",
        "resources.endpoints.values.powr: unknown field",
        "resources.endpoints.values.os.\"?\": expected a string, or null for no value, found 0",
    ];
    for wanted in expect {
        assert!(
            found.iter().any(|p| p.starts_with(wanted)),
            "no problem starting {wanted:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
}

/// Mapped without its list, a part of the list's items would be read
/// nowhere: a drive's used space unread, Low Disk Space never warned of.
#[test]
fn a_part_of_a_lists_items_needs_the_list_mapped() {
    let mut config = minimal();
    config["resources"]["endpoints"]["fields"] = json!({
        "id": "/id",
        "drives.name": "/disks/0/m",
        "drives.used_percent": "/disks/0/u"
    });
    let found = problems(config.clone());
    assert_eq!(
        found,
        [
            "resources.endpoints.fields.drives.name: points within each item of drives, \
             which is not mapped; map drives to the list too",
            "resources.endpoints.fields.drives.used_percent: points within each item of \
             drives, which is not mapped; map drives to the list too",
        ]
    );
    config["resources"]["endpoints"]["fields"]["drives"] = json!("/disks");
    assert!(config_from_value(&config).is_ok());
}

/// A translation into a word Patchboard does not read would drop every row,
/// each quoting the translated word the backend never sent.
#[test]
fn a_value_translation_into_a_word_we_do_not_read_is_named() {
    let mut config = minimal();
    config["resources"]["endpoints"]["fields"]["power"] = json!("/pwr");
    config["resources"]["endpoints"]["values"] =
        json!({ "power": { "poweredOn": "Running", "poweredOff": "Off" } });
    let found = problems(config);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            r#"resources.endpoints.values.power."poweredOn": "Running" cannot stand for power: "#
        ),
        "{found:#?}"
    );
    assert!(
        found[0].contains("On"),
        "the words it takes are named: {found:#?}"
    );
    assert!(
        found[0].ends_with("; write one of ours on the right") && !found[0].contains("map the"),
        "the fix is the right-hand side, not more mapping: {found:#?}"
    );
}

/// Top-level headers go with every request; the jobs list has no job.
#[test]
fn a_top_level_header_may_name_only_the_base_url() {
    let mut config = minimal();
    config["headers"] =
        json!({ "X-Job": "{job_id}", "X-Origin": "{base_url}", "X-Odd": "{nonsense}" });
    let found = problems(config);
    assert!(
        found.contains(&r#"headers."X-Job": placeholder {job_id} has no value in some resources; put this header in the "headers" of the resources that have one"#.to_owned()),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(r#"headers."X-Odd": "#) && p.contains("nonsense")),
        "{found:#?}"
    );
    assert_eq!(found.len(), 2, "{{base_url}} is fine: {found:#?}");
    // Every problem of a header names it the same way, quoted.
    let mut config = minimal();
    config["headers"] = json!({ "X-Tenant": 42 });
    assert_eq!(
        problems(config),
        [r#"headers."X-Tenant": expected a string, found 42"#]
    );
}

/// A resource's url is checked as base_url is, unless a placeholder starts
/// it, and an empty one is named rather than fetched as the app's own page.
#[test]
fn a_resource_url_that_cannot_be_fetched_is_named() {
    for (url, problem) in [
        ("", "is empty; expected a URL template"),
        ("  ", "is empty; expected a URL template"),
        (
            "ftp://files.example.com/e",
            "\"ftp://files.example.com/e\" is not a web address (ftp:)",
        ),
        (
            "localhost:8080/e?page={page}",
            "names a host and port without a scheme",
        ),
        ("https:pm.example.com/e", "lacks the // after https:"),
        (
            "{base_url}e.json",
            "\"{base_url}e.json\" glues the path to base_url's last part; write \"{base_url}/e.json\"",
        ),
        (
            "${base_url}/e.json",
            "{base_url} is the start of an address, so it opens the url; found \"$\" before it (write \"{base_url}/e.json\")",
        ),
        (
            "{{base_url}}/e.json",
            "found \"{\" before it (write \"{base_url}/e.json\")",
        ),
    ] {
        let mut config = minimal();
        config["resources"]["endpoints"]["url"] = json!(url);
        let found = problems(config);
        assert_eq!(found.len(), 1, "{url:?}: {found:?}");
        assert!(
            found[0].starts_with("resources.endpoints.url: ") && found[0].contains(problem),
            "{url:?}: {found:?}"
        );
    }
    for url in [
        "{base_url}/e",
        "{base_url}",
        "{base_url}?tenant=acme",
        "https://other.example.com/e?tenant=acme",
        "HTTPS://other.example.com/e",
        "/api/e",
        "./e.json",
    ] {
        let mut config = minimal();
        config["resources"]["endpoints"]["url"] = json!(url);
        assert_eq!(problems(config), Vec::<String>::new(), "{url}");
    }
}

/// Only web addresses are fetched: another scheme would fail later with a
/// message about the network.
#[test]
fn a_base_url_that_is_not_a_web_address_is_named() {
    let expected = "expected http:// or https://, or a path such as ./data";
    for (base_url, problem) in [
        (
            "javascript:alert(1)",
            "\"javascript:alert(1)\" is not a web address (javascript:)",
        ),
        (
            "ftp://files.example.com",
            "\"ftp://files.example.com\" is not a web address (ftp:)",
        ),
        // Read as paths, these would ask the app's own server.
        (
            "localhost:8080/api",
            "\"localhost:8080/api\" names a host and port without a scheme",
        ),
        (
            "127.0.0.1:8751",
            "\"127.0.0.1:8751\" names a host and port without a scheme",
        ),
        (
            "http:127.0.0.1:8751/n",
            "\"http:127.0.0.1:8751/n\" lacks the // after http:",
        ),
        (
            "https:pm.example.com",
            "\"https:pm.example.com\" lacks the // after https:",
        ),
    ] {
        let mut config = minimal();
        config["base_url"] = json!(base_url);
        let found = problems(config);
        assert_eq!(found.len(), 1, "{base_url}: {found:?}");
        assert!(
            found[0].starts_with(&format!("base_url: {problem}; {expected}")),
            "{base_url}: {found:?}"
        );
    }
    // Each resource's path is appended to base_url, and fetch refuses
    // credentials in a URL (the message must not repeat them).
    for (base_url, problem) in [
        (
            "https://pm.example.com/api?key=abc",
            "has a query or fragment",
        ),
        ("https://pm.example.com/api#x", "has a query or fragment"),
        ("./data?v=2", "has a query or fragment"),
        (
            "http://user:secret@pm.example.com/api",
            "user name or password",
        ),
    ] {
        let mut config = minimal();
        config["base_url"] = json!(base_url);
        let found = problems(config);
        assert_eq!(found.len(), 1, "{base_url}: {found:?}");
        assert!(
            found[0].starts_with("base_url: ") && found[0].contains(problem),
            "{base_url}: {found:?}"
        );
        assert!(
            !found[0].contains("secret") && !found[0].contains("abc"),
            "{found:?}"
        );
    }
    for base_url in [
        "https://pm.example.com",
        "HTTP://pm.example.com",
        "http://127.0.0.1:8751/api",
        "https://[::1]:8443",
        "./demo",
        "/api",
        "./v2:beta",
        "",
    ] {
        let mut config = minimal();
        config["base_url"] = json!(base_url);
        assert_eq!(problems(config), Vec::<String>::new(), "{base_url}");
    }
}

/// The browser throws on these before sending anything; the check names them.
#[test]
fn headers_the_browser_would_refuse_are_named() {
    let mut config = minimal();
    config["headers"] = json!({
        "Bad Header": "x",
        "": "y",
        "X-Line": "a\nb",
        "X-Euro": "Grüße €",
        "X-Latin": "Grüße",
    });
    config["resources"]["endpoints"]["headers"] = json!({ "X-Tenant": "{base_url}\r" });
    let found = problems(config);
    for expected in [
        r#"headers."Bad Header": a header name may hold only ASCII letters"#,
        r#"headers."": a header name cannot be empty"#,
        r#"headers."X-Line": a header value cannot hold a line break"#,
        r#"headers."X-Euro": a header value may hold only Latin-1 characters (up to U+00FF), which '€' (U+20AC) is not"#,
        r#"resources.endpoints.headers."X-Tenant": a header value cannot hold a line break"#,
    ] {
        assert!(
            found.iter().any(|problem| problem.starts_with(expected)),
            "{expected} in {found:#?}"
        );
    }
    assert_eq!(found.len(), 5, "Latin-1 values pass: {found:#?}");
}

#[test]
fn placeholders_must_have_a_value_in_their_resource() {
    let mut config = minimal();
    config["resources"]["endpoints"]["url"] = json!("{base_url}/jobs/{job_id}/e?page={page}");
    let found = problems(config);
    assert!(
        found.contains(
            &"resources.endpoints.url: placeholder {job_id} has no value in this resource"
                .to_owned()
        ),
        "{found:#?}"
    );
    assert!(
        found.contains(
            &"resources.endpoints.url: placeholder {page} has no value in this resource: paging \
              mode \"none\" gives it none; it comes with paging mode \"page_number\""
                .to_owned()
        ),
        "{found:#?}"
    );
}

/// One of our placeholders left open is a configuration error, not text
/// sent to the backend; a brace that opens no name is text (GraphQL).
#[test]
fn a_placeholder_left_open_is_refused_and_other_braces_are_text() {
    for (url, open) in [
        ("{base_url/endpoints", true),
        ("{base_url}/e?per_page={page_size&page=1", true),
        ("{base_url}/e?q={ endpoints(first: 1) }", false),
    ] {
        let mut config = minimal();
        config["resources"]["endpoints"]["url"] = json!(url);
        let found = problems(config);
        let says_open = found
            .iter()
            .any(|p| p == "resources.endpoints.url: a \"{\" is not closed by \"}\"");
        assert_eq!(says_open, open, "{url}: {found:#?}");
    }
}

#[test]
fn an_unknown_placeholder_hides_nothing_else_in_its_template() {
    let mut config = minimal();
    config["resources"]["endpoints"]["url"] = json!("{base_url}/x?p={page}&j={job_id}&z={zzz}");
    config["resources"]["endpoints"]["paging"] = json!({ "mode": "page_number" });
    let found = problems(config);
    let url_problems: Vec<&String> = found
        .iter()
        .filter(|p| p.starts_with("resources.endpoints.url: "))
        .collect();
    assert_eq!(url_problems.len(), 2, "{found:#?}");
    assert!(
        url_problems[0].contains("unknown placeholder {zzz}"),
        "{found:#?}"
    );
    assert_eq!(
        url_problems[1],
        "resources.endpoints.url: placeholder {job_id} has no value in this resource"
    );
    // {page} is there, so the paging mode has what it needs.
    assert!(
        !found
            .iter()
            .any(|p| p.starts_with("resources.endpoints.paging")),
        "{found:#?}"
    );
}

#[test]
fn a_document_that_is_not_an_object_is_named_as_the_configuration() {
    assert_eq!(
        problems(json!([1, 2])),
        ["the configuration: expected an object, found [1,2]"]
    );
}

#[test]
fn paging_modes_need_their_placeholder_and_a_post_body() {
    let mut config = minimal();
    config["resources"]["endpoints"]["paging"] = json!({ "mode": "page_number", "size": 50 });
    config["resources"]["endpoints"]["body"] = json!({ "q": 1 });
    let found = problems(config);
    assert!(
        found.contains(
            &"resources.endpoints.paging.mode: this mode needs {page} in the url, body or headers (the url is \"{base_url}/endpoints\")"
                .to_owned()
        ),
        "{found:#?}"
    );
    assert!(
        found.contains(
            &"resources.endpoints.body: a body is only sent with \"method\": \"POST\"".to_owned()
        ),
        "{found:#?}"
    );
}

#[test]
fn job_resources_come_together() {
    let mut config = minimal();
    config["resources"]["job_runs"] =
        json!({ "url": "{base_url}/jobs/{job_id}/runs", "fields": { "id": "/id" } });
    let found = problems(config);
    assert!(
        found.contains(
            &"resources.jobs: missing; expected a resource because resources.job_runs is set"
                .to_owned()
        ),
        "{found:#?}"
    );
}

#[test]
fn not_json_is_one_problem() {
    let err = read_config("{ \"base_url\": ").unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(err[0].message.starts_with("expected valid JSON"));
}

#[test]
fn every_preset_is_valid_on_its_own_given_a_base_url() {
    for name in presets::NAMES {
        let config = config_from_value(&json!({ "preset": name, "base_url": "https://x.example" }));
        assert!(config.is_ok(), "{name}: {config:#?}");
    }
}

#[test]
fn an_unknown_preset_is_named() {
    let found = problems(json!({ "preset": "qualys", "base_url": "x", "resources": {} }));
    assert_eq!(
        found,
        vec!["preset: expected one of \"native\", \"qualys-pm\", found \"qualys\"".to_owned()]
    );
    // Not followed by what only the missing preset would have given.
    assert_eq!(
        problems(json!({ "preset": "Native" })),
        vec![
            "preset: expected one of \"native\", \"qualys-pm\", found \"Native\" \
             (names are lower case: \"native\")"
                .to_owned()
        ]
    );
}

/// A preset's paging with only its size changed loses the preset's mode:
/// the message says why.
#[test]
fn a_paging_object_without_its_mode_says_paging_is_taken_whole() {
    let found = problems(json!({
        "preset": "qualys-pm", "base_url": "https://gw.example",
        "resources": { "jobs": { "paging": { "size": 50 } } }
    }));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("resources.jobs.paging.mode: expected one of")
            && found[0].ends_with("found nothing (a paging object is taken whole, never merged with a preset's, so it needs its own mode)"),
        "{found:?}"
    );
}

#[test]
fn user_keys_win_over_the_preset_and_the_rest_is_kept() {
    let config = config_from_value(&json!({
        "preset": "qualys-pm",
        "base_url": "https://gateway.example",
        "headers": { "Authorization": "Bearer t" },
        "resources": {
            "jobs": { "fields": { "name": "/title" }, "paging": { "mode": "page_number", "start": 1, "size": 10 } },
            "job_runs": null
        }
    }))
    .expect("valid");
    assert_eq!(config.preset.as_deref(), Some("qualys-pm"));
    assert_eq!(
        config.headers.get("Authorization").map(String::as_str),
        Some("Bearer t")
    );
    assert_eq!(
        config.headers.get("Accept").map(String::as_str),
        Some("application/json")
    );
    let jobs = config.resources.jobs.expect("jobs from preset");
    assert_eq!(jobs.fields["name"][0].as_str(), "/title");
    assert_eq!(jobs.fields["id"][0].as_str(), "/id");
    // Paging is replaced whole: the preset's "end" does not leak into the user's mode.
    assert_eq!(
        jobs.paging,
        Paging::PageNumber {
            start: 1,
            size: 10,
            end: PageEnd::ShortPage
        }
    );
    assert!(
        config.resources.job_runs.is_none(),
        "null unsets a preset resource"
    );
    assert!(
        config.resources.endpoints.is_none(),
        "qualys has no endpoints source"
    );
}

/// A null takes a preset's entry away wherever it is, not only a top-level
/// key: a header the gateway refuses, a field it does not send.
#[test]
fn null_removes_a_presets_field_or_header_and_keeps_the_rest() {
    let config = config_from_value(&json!({
        "preset": "qualys-pm",
        "base_url": "https://gateway.example",
        "headers": { "Accept": null, "X-Team": "patching" },
        "resources": { "jobs": { "fields": { "asset_count": null } } }
    }))
    .expect("valid");
    assert_eq!(config.headers.get("Accept"), None);
    assert_eq!(
        config.headers.get("X-Team").map(String::as_str),
        Some("patching")
    );
    let jobs = config.resources.jobs.expect("jobs from preset");
    assert!(!jobs.fields.contains_key("asset_count"));
    assert_eq!(
        jobs.fields["id"][0].as_str(),
        "/id",
        "the other fields stay"
    );
}

/// An empty pointer is valid JSON Pointer for the whole row, which no
/// field holds; a preset given as anything but a name is the one problem.
#[test]
fn an_empty_field_pointer_and_a_preset_not_named_are_each_the_one_problem() {
    let mut config = minimal();
    config["resources"]["endpoints"]["fields"]["name"] = json!("");
    assert_eq!(
        problems(config),
        [
            r#"resources.endpoints.fields.name: an empty pointer is the whole row; point to one of its members, such as "/name""#
        ]
    );
    assert_eq!(
        problems(json!({ "preset": ["native"] })),
        [r#"preset: expected a preset name, found ["native"]"#],
        "not base_url or resources missing, which the preset would give"
    );
}

/// A null meant to remove something, under a misspelt key, is reported as
/// any unknown key is, not passed over with the preset's value kept.
#[test]
fn a_misspelt_key_set_to_null_over_a_preset_is_reported() {
    let found = problems(json!({
        "preset": "native",
        "refresh_secs": null,
        "resources": {
            "endpoint": null,
            "jobs": { "feilds": null, "fields": { "asset_cont": null }, "values": { "platfrom": null } }
        }
    }));
    let keys: Vec<&str> = found
        .iter()
        .map(|problem| problem.split_once(':').map_or("", |(key, _)| key))
        .collect();
    assert_eq!(
        keys,
        [
            "refresh_secs",
            "resources.endpoint",
            "resources.jobs.feilds",
            "resources.jobs.fields.asset_cont",
            "resources.jobs.values.platfrom"
        ],
        "{found:?}"
    );
    // Spelt right, the same nulls unset or leave unmapped, without a word.
    let config = config_from_value(&json!({
        "preset": "native",
        "refresh_seconds": null,
        "resources": {
            "job_runs": null,
            "jobs": { "fields": { "asset_count": null, "platform": null }, "values": { "status": null } }
        }
    }))
    .expect("valid");
    assert!(config.resources.job_runs.is_none());
    let jobs = config.resources.jobs.expect("jobs from the preset");
    assert!(!jobs.fields.contains_key("asset_count") && !jobs.fields.contains_key("platform"));
}

/// Within `values` a null is a word's value ("no value"), kept through the
/// merge even where the preset maps the same field's words.
#[test]
fn null_in_a_values_map_stays_a_value_through_the_merge() {
    let base = json!({ "values": { "os": { "n/a": "Unknown", "-": "Unknown" }, "power": { "x": "Off" } }, "fields": { "os": "/os" } });
    let over = json!({ "values": { "os": { "n/a": null }, "power": null, "status": { "?": null } }, "fields": { "os": null } });
    assert_eq!(
        presets::merge(&base, &over),
        json!({ "values": { "os": { "n/a": null, "-": "Unknown" }, "status": { "?": null } }, "fields": {} }),
        "a field's whole map is removed by null, as any key"
    );
}

/// Where the preset has no such object, the user's nulls still go: they
/// remove what is not there, rather than reach the reader as values.
#[test]
fn null_removes_nothing_quietly_where_the_preset_lacks_the_object() {
    let config = config_from_value(&json!({
        "preset": "native",
        "headers": { "Accept": null, "X-Team": "patching" },
        "resources": { "jobs": { "headers": { "X-Trace": null } } }
    }))
    .expect("valid");
    assert_eq!(config.headers.len(), 1, "{:?}", config.headers);
    assert_eq!(
        config.headers.get("X-Team").map(String::as_str),
        Some("patching")
    );
    let body = json!({ "filter": null, "size": 10 });
    let merged = presets::merge(
        &json!({ "method": "GET" }),
        &json!({ "method": "POST", "body": body }),
    );
    assert_eq!(merged["body"], body, "a body is the user's, nulls and all");
}

#[test]
fn the_qualys_preset_needs_a_base_url() {
    let found = problems(json!({ "preset": "qualys-pm" }));
    assert_eq!(
        found,
        vec!["base_url: missing; expected the backend's base URL as a string".to_owned()]
    );
}

/// A configuration with a jobs resource and these job_results.
fn with_results(results: serde_json::Value) -> serde_json::Value {
    json!({
        "base_url": "https://pm.example.com",
        "resources": {
            "jobs": { "url": "{base_url}/jobs", "fields": { "id": "/id" } },
            "job_results": results
        }
    })
}

#[test]
fn results_are_per_run_only_where_the_request_names_the_run() {
    let results_of = |config: serde_json::Value| {
        config_from_value(&config)
            .expect("valid")
            .resources
            .job_results
            .expect("job_results set")
            .per_run
    };
    let fields = json!({ "asset_id": "/id", "status_code": "/code" });
    assert!(!results_of(json!({ "preset": "native" })));
    assert!(results_of(
        json!({ "preset": "qualys-pm", "base_url": "https://pm.example.com" })
    ));
    assert!(results_of(with_results(
        json!({ "url": "{base_url}/jobs/{job_id}/results?run={run_id}", "fields": fields })
    )));
    assert!(results_of(with_results(json!({
        "url": "{base_url}/results",
        "headers": { "X-Run": "{run_id}" },
        "fields": fields
    }))));
    assert!(!results_of(with_results(
        json!({ "url": "{base_url}/jobs/{job_id}/results", "fields": fields })
    )));
}

/// Before a run is picked `{run_id}` has no value: only a whole query
/// parameter, header or body member is then left out, so anywhere else it
/// would fail the first load, and is named at its key instead.
#[test]
fn run_id_only_where_it_can_be_left_out() {
    let fields = json!({ "asset_id": "/id", "status_code": "/code" });
    for (results, key) in [
        (
            json!({ "url": "{base_url}/jobs/{job_id}/runs/{run_id}/results", "fields": fields }),
            "resources.job_results.url",
        ),
        (
            json!({ "url": "{base_url}/results?run=r{run_id}", "fields": fields }),
            "resources.job_results.url",
        ),
        (
            json!({ "url": "{base_url}/results", "headers": { "X-Run": "run {run_id}" }, "fields": fields }),
            "resources.job_results.headers.\"X-Run\"",
        ),
        (
            json!({ "url": "{base_url}/results", "method": "POST", "body": { "runs": ["{run_id}"] }, "fields": fields }),
            "resources.job_results.body",
        ),
    ] {
        let found = problems(with_results(results.clone()));
        assert_eq!(found.len(), 1, "{results}: {found:?}");
        assert!(
            found[0].starts_with(&format!(
                "{key}: {{run_id}} has no value until a run is picked"
            )),
            "{results}: {found:?}"
        );
    }
    for results in [
        json!({ "url": "{base_url}/jobs/{job_id}/results?run={run_id}", "fields": fields }),
        json!({ "url": "{base_url}/results", "headers": { "X-Run": "{run_id}" }, "fields": fields }),
        json!({ "url": "{base_url}/results", "method": "POST", "body": { "run": "{run_id}" }, "fields": fields }),
    ] {
        assert_eq!(
            problems(with_results(results.clone())),
            Vec::<String>::new(),
            "{results}"
        );
    }
}

#[test]
fn a_key_given_twice_in_the_file_is_a_problem_listed_with_the_others() {
    let text = r#"{
        "base_url": "https://old.example.com",
        "refresh_seconds": -1,
        "resources": { "endpoints": { "url": "{base_url}/endpoints", "fields": { "id": "/id", "id": "/uuid" } } },
        "base_url": "https://pm.example.com"
    }"#;
    let problems: Vec<String> = read_config(text)
        .expect_err("duplicates are problems")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems.iter().any(|p| p.starts_with("refresh_seconds:")),
        "{problems:?}"
    );
    let twice: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains("given more than once"))
        .collect();
    assert_eq!(twice.len(), 2, "{problems:?}");
    assert!(
        twice[0].starts_with("resources.endpoints.fields.id: "),
        "{twice:?}"
    );
    assert!(twice[1].starts_with("base_url: "), "{twice:?}");
}

#[test]
fn a_valid_file_with_a_key_twice_is_not_used() {
    let text = r#"{
        "base_url": "https://pm.example.com",
        "resources": { "endpoints": { "url": "{base_url}/endpoints", "fields": { "id": "/id" } } },
        "refresh_seconds": 60,
        "refresh_seconds": 15
    }"#;
    let problems = read_config(text).expect_err("the file says two things");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "refresh_seconds");
    assert!(read_config(&text.replace("\"refresh_seconds\": 60,", "")).is_ok());
}
