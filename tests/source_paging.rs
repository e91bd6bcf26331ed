use patchboard::source::config::{Config, Method};
use patchboard::source::config_read::config_from_value;
use patchboard::source::paging::{LostTrail, Pager, PagingError, Request, Response, Step};
use patchboard::source::url::{expand_json, expand_url, TemplateError, Vars};
use serde_json::{json, Value};

fn endpoints_config(resource: Value) -> Config {
    config_from_value(&json!({
        "base_url": "https://api.example.com/",
        "headers": { "X-Tenant": "acme" },
        "resources": { "endpoints": resource }
    }))
    .expect("valid config")
}

/// Endpoints at `url`, paged by the `Link` header.
fn link_header_config(url: &str) -> Config {
    endpoints_config(json!({
        "url": url, "items": "/data", "fields": { "id": "/id" },
        "paging": { "mode": "link_header" }
    }))
}

fn ok<'a>(body: &'a Value, headers: &'a [(String, String)], item_count: usize) -> Response<'a> {
    Response {
        status: 200,
        headers,
        body,
        item_count,
        fingerprint: None,
        cross_origin: false,
    }
}

fn fetch(step: Step) -> Request {
    match step {
        Step::Fetch(request) => request,
        other => panic!("expected another request, got {other:?}"),
    }
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn a_query_parameter_holding_only_a_missing_run_or_cursor_is_left_out() {
    let latest = Vars {
        base_url: "https://h.example".into(),
        job_id: Some("j1".into()),
        ..Vars::default()
    };
    assert_eq!(
        expand_url("{base_url}/jobs/{job_id}/results?run={run_id}", &latest).unwrap(),
        "https://h.example/jobs/j1/results"
    );
    assert_eq!(
        expand_url("{base_url}/r?run={run_id}&after={cursor}&size=50", &latest).unwrap(),
        "https://h.example/r?size=50"
    );
    let chosen = Vars {
        run_id: Some("run 7".into()),
        ..latest.clone()
    };
    assert_eq!(
        expand_url("{base_url}/r?run={run_id}&size=50", &chosen).unwrap(),
        "https://h.example/r?run=run%207&size=50"
    );
    // Only a whole value is optional; a run inside a path or longer value is required.
    assert_eq!(
        expand_url("{base_url}/runs/{run_id}/results", &latest),
        Err(TemplateError::Unavailable("run_id"))
    );
    assert_eq!(
        expand_url("{base_url}/r?q=run:{run_id}", &latest),
        Err(TemplateError::Unavailable("run_id"))
    );
}

/// A GraphQL query in a POST body is braces that open no name: sent as
/// written, with the cursor put where `{cursor}` stands.
#[test]
fn braces_that_open_no_name_are_text() {
    let vars = Vars {
        base_url: "https://h.example".into(),
        cursor: Some("Y3Vyc29y".into()),
        ..Vars::default()
    };
    let query = "query { endpoints(first: 100, after: \"{cursor}\") { edges { node { id } } } }";
    assert_eq!(
        expand_json(&json!({ "query": query }), &vars).unwrap(),
        json!({ "query": "query { endpoints(first: 100, after: \"Y3Vyc29y\") { edges { node { id } } } }" })
    );
    assert_eq!(
        expand_json(&json!("{ x } {endpoints(x: 1) {} {1} {-}"), &vars).unwrap(),
        json!("{ x } {endpoints(x: 1) {} {1} {-}")
    );
    // A name in braces is still a placeholder, and one we do not know an error.
    assert_eq!(
        expand_json(&json!("node{id}"), &vars),
        Err(TemplateError::Unknown("id".into()))
    );
    // One of ours left open is still a mistake, wherever it stops.
    for open in [
        "{base_url}/e?after={cursor",
        "{base_url/e",
        "{base_url}/e?size={page_size&page=2",
    ] {
        assert_eq!(
            expand_url(open, &vars),
            Err(TemplateError::Unclosed),
            "{open}"
        );
    }
}

#[test]
fn url_values_are_percent_encoded_but_base_url_is_not() {
    let vars = Vars {
        base_url: "https://h.example/api/".into(),
        job_id: Some("job 1/ä&x".into()),
        ..Vars::default()
    };
    assert_eq!(
        expand_url("{base_url}/jobs/{job_id}?q={job_id}", &vars).unwrap(),
        "https://h.example/api/jobs/job%201%2F%C3%A4%26x?q=job%201%2F%C3%A4%26x"
    );
    assert_eq!(
        expand_url("{run_id}", &vars),
        Err(TemplateError::Unavailable("run_id"))
    );
    assert_eq!(
        expand_url("{nope}", &vars),
        Err(TemplateError::Unknown("nope".into()))
    );
    assert_eq!(expand_url("a{page", &vars), Err(TemplateError::Unclosed));
}

#[test]
fn a_value_that_would_make_a_dot_path_segment_is_refused() {
    let with_job = |job_id: &str| Vars {
        base_url: "https://h.example/api".into(),
        job_id: Some(job_id.into()),
        run_id: Some(".".into()),
        ..Vars::default()
    };
    let refused = |name, value: &str| {
        Err(TemplateError::DotSegment {
            name,
            value: value.into(),
        })
    };
    let results = "{base_url}/jobs/{job_id}/results.json";
    // "https://h.example/api/jobs/../results.json" would fetch /api/results.json.
    assert_eq!(
        expand_url(results, &with_job("..")),
        refused("job_id", "..")
    );
    assert_eq!(expand_url(results, &with_job(".")), refused("job_id", "."));
    assert_eq!(
        expand_url("{base_url}/jobs/.{job_id}", &with_job(".")),
        refused("job_id", "."),
        "a value that completes a dot segment of the template"
    );
    assert_eq!(
        expand_url("{base_url}/jobs/{job_id}/runs/{run_id}", &with_job("j1")),
        refused("run_id", ".")
    );
    // Dots with anything else, dots in the query, and the template's own dots are fine.
    for (template, job_id, url) in [
        (
            results,
            "...",
            "https://h.example/api/jobs/.../results.json",
        ),
        (
            results,
            "v1..2",
            "https://h.example/api/jobs/v1..2/results.json",
        ),
        (
            results,
            "%2e%2e",
            "https://h.example/api/jobs/%252e%252e/results.json",
        ),
        (
            "{base_url}/jobs/{job_id}.json",
            ".",
            "https://h.example/api/jobs/..json",
        ),
        (
            "{base_url}/r?job={job_id}",
            "..",
            "https://h.example/api/r?job=..",
        ),
        (
            "{base_url}/../r/{job_id}",
            "j1",
            "https://h.example/api/../r/j1",
        ),
    ] {
        assert_eq!(expand_url(template, &with_job(job_id)).unwrap(), url);
    }
    assert!(TemplateError::DotSegment {
        name: "job_id",
        value: "..".into()
    }
    .to_string()
    .starts_with("{job_id} is \"..\", which a URL path reads as a step"));
}

#[test]
fn json_bodies_keep_paging_numbers_typed() {
    let vars = Vars {
        run_id: Some("42".into()),
        page_size: Some(500),
        ..Vars::default()
    };
    let body = json!({ "jobInstanceId": "{run_id}", "pageSize": "{page_size}", "label": "size {page_size}", "n": [1, "{run_id}"] });
    assert_eq!(
        expand_json(&body, &vars).unwrap(),
        json!({ "jobInstanceId": "42", "pageSize": 500, "label": "size 500", "n": [1, "42"] })
    );
}

#[test]
fn no_paging_is_one_request_with_merged_headers() {
    let config = endpoints_config(json!({
        "url": "{base_url}/endpoints", "headers": { "x-tenant": "override" }, "fields": { "id": "/id" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    let first = pager.first().unwrap();
    assert_eq!(first.url, "https://api.example.com/endpoints");
    assert_eq!(first.method, Method::Get);
    assert_eq!(
        first.headers,
        vec![("x-tenant".to_owned(), "override".to_owned())]
    );
    let body = json!([1, 2]);
    assert_eq!(pager.next(&ok(&body, &[], 2)).unwrap(), Step::Done);
}

#[test]
fn page_numbers_advance_until_a_short_page() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?p={page}&n={page_size}", "fields": { "id": "/id" },
        "paging": { "mode": "page_number", "start": 1, "size": 2 }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(
        pager.first().unwrap().url,
        "https://api.example.com/e?p=1&n=2"
    );
    let body = json!([]);
    assert_eq!(
        fetch(pager.next(&ok(&body, &[], 2)).unwrap()).url,
        "https://api.example.com/e?p=2&n=2"
    );
    assert_eq!(pager.next(&ok(&body, &[], 1)).unwrap(), Step::Done);
    assert_eq!(pager.fetched(), 3);
}

/// The offset moves on by the rows each page brought: a backend that caps
/// its page below `size` leaves no gap.
#[test]
fn offsets_advance_by_the_rows_received() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?offset={offset}&limit={limit}", "fields": { "id": "/id" },
        "paging": { "mode": "offset_limit", "size": 50, "end": "empty_page" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(
        pager.first().unwrap().url,
        "https://api.example.com/e?offset=0&limit=50"
    );
    let body = json!([]);
    assert_eq!(
        fetch(pager.next(&ok(&body, &[], 50)).unwrap()).url,
        "https://api.example.com/e?offset=50&limit=50"
    );
    // With "empty_page", a short page does not end the list.
    assert_eq!(
        fetch(pager.next(&ok(&body, &[], 7)).unwrap()).url,
        "https://api.example.com/e?offset=57&limit=50"
    );
    assert_eq!(pager.next(&ok(&body, &[], 0)).unwrap(), Step::Done);
}

/// A header that is exactly `{run_id}` is left out until a run is picked,
/// as such a query parameter is: the backend then answers for the latest.
#[test]
fn a_header_holding_only_the_run_is_left_out_until_a_run_is_picked() {
    let config = config_from_value(&json!({
        "base_url": "https://api.example.com",
        "resources": {
            "jobs": { "url": "{base_url}/jobs", "fields": { "id": "/id" } },
            "job_results": {
                "url": "{base_url}/jobs/{job_id}/results",
                "headers": { "X-Run": "{run_id}" },
                "fields": { "asset_id": "/id", "status_code": "/code" }
            }
        }
    }))
    .expect("valid config");
    let resource = config.resources.job_results.as_ref().unwrap();
    let latest = Pager::new(&config, resource, Some("j1"), None)
        .first()
        .unwrap();
    assert_eq!(header(&latest, "X-Run"), None);
    let picked = Pager::new(&config, resource, Some("j1"), Some("7"))
        .first()
        .unwrap();
    assert_eq!(header(&picked, "X-Run"), Some("7"));
}

#[test]
fn next_in_body_follows_urls_paths_and_tokens() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?cursor={cursor}", "items": "/data", "fields": { "id": "/id" },
        "paging": { "mode": "next_in_body", "pointer": "/links/next" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(
        pager.first().unwrap().url,
        "https://api.example.com/e?cursor="
    );
    let token = json!({ "links": { "next": "abc+/=" } });
    assert_eq!(
        fetch(pager.next(&ok(&token, &[], 10)).unwrap()).url,
        "https://api.example.com/e?cursor=abc%2B%2F%3D"
    );
    let path = json!({ "links": { "next": "/v2/e?after=9" } });
    assert_eq!(
        fetch(pager.next(&ok(&path, &[], 10)).unwrap()).url,
        "https://api.example.com/v2/e?after=9"
    );
    let full = json!({ "links": { "next": "https://other.example/e?p=3" } });
    assert_eq!(
        fetch(pager.next(&ok(&full, &[], 10)).unwrap()).url,
        "https://other.example/e?p=3"
    );
    // Schemes are case-insensitive, so this is an address, not a cursor.
    let shouted = json!({ "links": { "next": "HTTPS://Other.example/e?p=4" } });
    assert_eq!(
        fetch(pager.next(&ok(&shouted, &[], 10)).unwrap()).url,
        "HTTPS://Other.example/e?p=4"
    );
    let last = json!({ "links": { "next": null } });
    assert_eq!(pager.next(&ok(&last, &[], 10)).unwrap(), Step::Done);
}

/// Keyset paging (NinjaOne's ?after=<last id>): each page starts after the
/// last item of the page before, read at the pointer within that item; a
/// short page ends the list.
#[test]
fn after_last_item_pages_on_from_the_last_items_value() {
    let config = endpoints_config(json!({
        "url": "{base_url}/devices?pageSize={page_size}&after={cursor}", "items": "",
        "fields": { "id": "/id" },
        "paging": { "mode": "after_last_item", "pointer": "/id", "size": 2 }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert!(pager
        .first()
        .unwrap()
        .url
        .ends_with("/devices?pageSize=2&after="));
    let full = json!([{ "id": 17 }, { "id": 23 }]);
    let second = fetch(pager.next(&ok(&full, &[], 2)).unwrap());
    assert!(
        second.url.ends_with("/devices?pageSize=2&after=23"),
        "{}",
        second.url
    );
    let short = json!([{ "id": 31 }]);
    assert_eq!(pager.next(&ok(&short, &[], 1)).unwrap(), Step::Done);
    // A full page whose last item has nothing to page on from says so,
    // rather than pass for the last.
    for (last, found) in [
        (json!({ "ID": "x" }), None),
        (
            json!({ "id": { "$oid": "5f1" } }),
            Some(r#"{"$oid":"5f1"}"#),
        ),
    ] {
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        assert_eq!(
            pager
                .next(&ok(&json!([{ "id": "a" }, last]), &[], 2))
                .unwrap(),
            Step::LostTrail(LostTrail::LastItemUnusable {
                pointer: "/id".into(),
                found: found.map(Into::into)
            })
        );
    }
    // A capped page size that the answer flags is told, as in other modes.
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    assert!(matches!(
        pager
            .next(&ok(&json!({ "has_more": true }), &[], 1))
            .unwrap(),
        Step::LostTrail(LostTrail::FlaggedMore { .. })
    ));
}

/// Some backends leave a cursor in their last page and refuse it when it is
/// sent back: a flag beside it, or at the top of the body, that says no page
/// follows ends the list there.
#[test]
fn a_cursor_beside_a_flag_that_says_no_more_ends_the_list() {
    let ended = |pointer: &str, body: Value| {
        let config = endpoints_config(json!({
            "url": "{base_url}/e?after={cursor}", "items": "/data",
            "fields": { "id": "/id" },
            "paging": { "mode": "next_in_body", "pointer": pointer }
        }));
        let resource = config.resources.endpoints.as_ref().unwrap();
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        pager.next(&ok(&body, &[], 3)).unwrap()
    };
    // Stripe-like: the flag at the top, the cursor beside it.
    assert_eq!(
        ended(
            "/next_cursor",
            json!({ "has_more": false, "next_cursor": "c3" })
        ),
        Step::Done
    );
    assert!(fetch(ended(
        "/next_cursor",
        json!({ "has_more": true, "next_cursor": "c3" })
    ))
    .url
    .ends_with("/e?after=c3"));
    // GraphQL's pageInfo: the flag beside the cursor, deep in the body.
    let page_info = |more: bool| json!({ "data": { "devices": { "pageInfo": { "hasNextPage": more, "endCursor": "Y3Vy" } } } });
    let pointer = "/data/devices/pageInfo/endCursor";
    assert_eq!(ended(pointer, page_info(false)), Step::Done);
    assert!(matches!(ended(pointer, page_info(true)), Step::Fetch(_)));
    // No flag: the cursor leads on.
    assert!(matches!(
        ended("/next", json!({ "next": "c3" })),
        Step::Fetch(_)
    ));
    // A flag on a wrapper further out counts too; the nearest one decides.
    let wrapped = |outer: bool, inner: Option<bool>| {
        let mut page = json!({ "next": "c3" });
        if let Some(inner) = inner {
            page["has_more"] = json!(inner);
        }
        json!({ "data": { "has_more": outer, "page": page } })
    };
    assert_eq!(ended("/data/page/next", wrapped(false, None)), Step::Done);
    assert!(matches!(
        ended("/data/page/next", wrapped(false, Some(true))),
        Step::Fetch(_)
    ));
}

/// A list, an object or `true` at the pointer cannot be sent back: the load
/// says more rows may exist rather than take the page for the last.
#[test]
fn a_next_pointer_that_names_no_link_or_cursor_is_told() {
    let config = endpoints_config(json!({
        "url": "{base_url}/_search", "method": "POST", "items": "/hits",
        "body": { "size": 3, "search_after": "{cursor}" },
        "fields": { "id": "/id" },
        "paging": { "mode": "next_in_body", "pointer": "/next" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    let first = pager.first().unwrap();
    assert_eq!(
        first.body.as_deref(),
        Some(r#"{"size":3}"#),
        "an empty cursor member is left out of the first request"
    );
    let token = json!({ "next": "k-3" });
    let second = fetch(pager.next(&ok(&token, &[], 3)).unwrap());
    assert_eq!(
        second.body.as_deref(),
        Some(r#"{"search_after":"k-3","size":3}"#)
    );
    for (next, found) in [
        (
            json!([1764000000000_i64, "es-3"]),
            r#"[1764000000000,"es-3"]"#,
        ),
        (json!({ "after": "k" }), r#"{"after":"k"}"#),
        (json!(true), "true"),
    ] {
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        assert_eq!(
            pager.next(&ok(&json!({ "next": next }), &[], 3)).unwrap(),
            Step::LostTrail(LostTrail::NextPointerUnusable {
                pointer: "/next".into(),
                found: found.into()
            })
        );
    }
    for end in [json!(false), json!(null), json!("")] {
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        assert_eq!(
            pager.next(&ok(&json!({ "next": end }), &[], 3)).unwrap(),
            Step::Done
        );
    }
}

/// Jira and Spring count the whole list: a short page before that count is
/// reached is a capped page size, not the end, and the load says so.
#[test]
fn a_short_page_before_the_counted_total_says_more_rows_may_exist() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?startAt={offset}&maxResults={limit}", "items": "/values",
        "fields": { "id": "/id" },
        "paging": { "mode": "offset_limit", "size": 100 }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let ended = |body: Value| {
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        pager.next(&ok(&body, &[], 50)).unwrap()
    };
    assert_eq!(
        ended(json!({ "startAt": 0, "maxResults": 50, "total": 120, "isLast": false })),
        Step::LostTrail(LostTrail::ShortOfTotal {
            member: "total".into(),
            total: 120,
            read: 50
        })
    );
    assert!(matches!(
        ended(json!({ "totalElements": 51 })),
        Step::LostTrail(LostTrail::ShortOfTotal { total: 51, .. })
    ));
    // The count reached, or none given: the short page is the last.
    for body in [json!({ "total": 50 }), json!({}), json!({ "total": "120" })] {
        assert_eq!(ended(body.clone()), Step::Done, "{body}");
    }
}

/// Spring's Slice and Jira's `isLast` count no total but flag that more
/// pages follow: a short page with such a flag is a capped page size.
#[test]
fn a_short_page_flagged_as_not_the_last_says_more_rows_may_exist() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?page={page}&size={page_size}", "items": "/content",
        "fields": { "id": "/id" },
        "paging": { "mode": "page_number", "size": 100, "start": 0 }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let ended = |body: Value| {
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        pager.next(&ok(&body, &[], 50)).unwrap()
    };
    for (body, flag) in [
        (json!({ "last": false, "first": true }), r#""last": false"#),
        (json!({ "isLast": false }), r#""isLast": false"#),
        (json!({ "has_more": true }), r#""has_more": true"#),
    ] {
        assert_eq!(
            ended(body),
            Step::LostTrail(LostTrail::FlaggedMore { flag: flag.into() })
        );
    }
    // The flag says this is the end, or is not a flag: the short page is the
    // last. The first flag present decides.
    for body in [
        json!({ "last": true }),
        json!({ "hasMore": false }),
        json!({ "last": "false" }),
        json!({ "last": true, "hasNext": true }),
        // The answer's own count, reached, is the end.
        json!({ "last": false, "totalElements": 50 }),
    ] {
        assert_eq!(ended(body.clone()), Step::Done, "{body}");
    }
    // An empty page ends the list whatever it flags.
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    assert_eq!(
        pager.next(&ok(&json!({ "last": false }), &[], 0)).unwrap(),
        Step::Done
    );
}

#[test]
fn link_header_follows_the_next_link_until_there_is_none() {
    let config = link_header_config("{base_url}/api/endpoints?per_page=100");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(
        pager.first().unwrap().url,
        "https://api.example.com/api/endpoints?per_page=100"
    );
    let body = json!({ "data": [] });
    let link = |value: &str| vec![("Link".to_owned(), value.to_owned())];
    let full = link(
        r#"<https://api.example.com/api/endpoints?per_page=100&page=2>; rel="next", <https://api.example.com/api/endpoints?per_page=100&page=5>; rel="last""#,
    );
    assert_eq!(
        fetch(pager.next(&ok(&body, &full, 100)).unwrap()).url,
        "https://api.example.com/api/endpoints?per_page=100&page=2"
    );
    // A path is the origin's; anything else is relative to the last request.
    let path = link(r#"</v2/endpoints?cursor=abc>; rel="next""#);
    assert_eq!(
        fetch(pager.next(&ok(&body, &path, 100)).unwrap()).url,
        "https://api.example.com/v2/endpoints?cursor=abc"
    );
    let relative = link(r#"<endpoints?cursor=def>; rel="next""#);
    assert_eq!(
        fetch(pager.next(&ok(&body, &relative, 100)).unwrap()).url,
        "https://api.example.com/v2/endpoints?cursor=def"
    );
    // The last page names no next one (or sends no Link at all).
    let last = link(r#"<https://api.example.com/api/endpoints?page=1>; rel="first""#);
    assert_eq!(pager.next(&ok(&body, &last, 100)).unwrap(), Step::Done);
    let mut alone = Pager::new(&config, resource, None, None);
    alone.first().unwrap();
    assert_eq!(alone.next(&ok(&body, &[], 100)).unwrap(), Step::Done);
}

/// Dot segments are resolved, so a link back to the first page under
/// another spelling is caught as a loop; a //host link keeps the scheme.
#[test]
fn links_with_dot_segments_or_without_a_scheme_resolve_as_a_browser_would() {
    let config = link_header_config("{base_url}/v1/e?n=10");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let body = json!({ "data": [] });
    let link = |target: &str| vec![("Link".to_owned(), format!("<{target}>; rel=\"next\""))];
    let next = |pager: &mut Pager, target: &str| pager.next(&ok(&body, &link(target), 10));
    assert_eq!(
        fetch(next(&mut pager, "../v2/./e?n=10&p=2").unwrap()).url,
        "https://api.example.com/v2/e?n=10&p=2"
    );
    assert_eq!(
        fetch(next(&mut pager, "/v2/x/../e?n=10&p=3#top").unwrap()).url,
        "https://api.example.com/v2/e?n=10&p=3#top"
    );
    assert_eq!(
        fetch(next(&mut pager, "//cdn.example.net/v2/e?n=10&p=4").unwrap()).url,
        "https://cdn.example.net/v2/e?n=10&p=4"
    );
    // Above the root is the root.
    assert_eq!(
        fetch(next(&mut pager, "https://api.example.com/../../v3/e?p=5").unwrap()).url,
        "https://api.example.com/v3/e?p=5"
    );
    assert!(matches!(
        next(&mut pager, "../../v1/../v1/e?n=10"),
        Err(PagingError::Loops { .. })
    ));
}

/// A backend whose last page links back to the first under a new address
/// (a changing parameter) comes round to records already read.
#[test]
fn a_page_with_the_records_of_an_earlier_one_is_a_page_read_before_whatever_its_address() {
    let config = link_header_config("{base_url}/e");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let body = json!({ "data": [] });
    let page = |fingerprint, ts: u32| {
        let headers = vec![(
            "Link".to_owned(),
            format!(
                "<https://api.example.com/e?p={}&ts={ts}>; rel=\"next\"",
                fingerprint % 3 + 1
            ),
        )];
        (fingerprint, headers)
    };
    let mut answer = |(fingerprint, headers): (u64, Vec<(String, String)>)| {
        pager.next(&Response {
            fingerprint: Some(fingerprint),
            ..ok(&body, &headers, 10)
        })
    };
    fetch(answer(page(1, 100)).unwrap());
    fetch(answer(page(2, 101)).unwrap());
    fetch(answer(page(3, 102)).unwrap());
    let error = answer(page(1, 103)).unwrap_err();
    assert!(
        matches!(error, PagingError::PageReadBefore { .. }),
        "{error:?}"
    );
    assert!(
        error.repeats_a_page(),
        "so its rows are not delivered again"
    );
}

/// From another origin, a backend that exposes no header hides its Link:
/// the load says more rows may exist rather than end quietly.
#[test]
fn a_link_header_hidden_by_cors_is_told_not_taken_for_the_last_page() {
    let config = link_header_config("{base_url}/e");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let body = json!({ "data": [] });
    let ended = |headers: &[(String, String)], cross_origin: bool| {
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        pager
            .next(&Response {
                cross_origin,
                ..ok(&body, headers, 10)
            })
            .unwrap()
    };
    let safelisted = [("Content-Type".to_owned(), "application/json".to_owned())];
    assert_eq!(
        ended(&safelisted, true),
        Step::LostTrail(LostTrail::LinkHidden { exposed: vec![] })
    );
    // A first answer that exposes other headers (react-admin's
    // X-Total-Count) but no Link: a list of more pages would have sent one.
    let exposed = [
        ("content-type".to_owned(), "application/json".to_owned()),
        ("X-Total-Count".to_owned(), "8".to_owned()),
        ("x-request-id".to_owned(), "42".to_owned()),
    ];
    assert_eq!(
        ended(&exposed, true),
        Step::LostTrail(LostTrail::LinkHidden {
            exposed: vec!["x-request-id".into(), "x-total-count".into()]
        })
    );
    // From the same origin every header is readable: no Link is the end.
    assert_eq!(ended(&safelisted, false), Step::Done);
    assert_eq!(ended(&exposed, false), Step::Done);
    // A Link without rel="next" is readable, and ends the list.
    let last = [(
        "Link".to_owned(),
        r#"<https://api.example.com/e>; rel="first""#.to_owned(),
    )];
    assert_eq!(ended(&last, true), Step::Done);
}

/// A later page without Link, from a backend whose earlier pages showed it
/// readable, is the last page.
#[test]
fn a_later_page_without_link_ends_the_list() {
    let config = link_header_config("{base_url}/e");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let body = json!({ "data": [] });
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let next = [
        (
            "link".to_owned(),
            r#"<https://api.example.com/e?page=2>; rel="next""#.to_owned(),
        ),
        ("x-total-count".to_owned(), "20".to_owned()),
    ];
    let from_elsewhere = |headers| Response {
        cross_origin: true,
        ..ok(&body, headers, 10)
    };
    assert!(matches!(
        pager.next(&from_elsewhere(&next)),
        Ok(Step::Fetch(_))
    ));
    let last = [("x-total-count".to_owned(), "20".to_owned())];
    assert_eq!(pager.next(&from_elsewhere(&last)).unwrap(), Step::Done);
}

#[test]
fn a_link_header_that_points_back_stops_paging_with_an_error() {
    let config = link_header_config("{base_url}/e");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let body = json!({ "data": [] });
    let back = vec![(
        "link".to_owned(),
        r#"<https://api.example.com/e>; rel="next""#.to_owned(),
    )];
    assert!(matches!(
        pager.next(&ok(&body, &back, 10)),
        Err(PagingError::Loops { .. })
    ));
}

/// A misspelt next-page pointer finds nothing on the first page; where the
/// same object holds a member named like a next link, the load says so
/// rather than pass the first page for the whole list.
#[test]
fn a_next_pointer_that_finds_nothing_beside_a_next_link_is_named() {
    let ended = |pointer: &str, body: serde_json::Value, item_count| {
        let config = endpoints_config(json!({
            "url": "{base_url}/e", "items": "/data", "fields": { "id": "/id" },
            "paging": { "mode": "next_in_body", "pointer": pointer }
        }));
        let resource = config.resources.endpoints.as_ref().unwrap();
        let mut pager = Pager::new(&config, resource, None, None);
        pager.first().unwrap();
        pager.next(&ok(&body, &[], item_count)).unwrap()
    };
    let links = json!({ "links": { "self": "/e", "next": "/e?after=300" } });
    assert_eq!(
        ended("/links/nxt", links.clone(), 300),
        Step::LostTrail(LostTrail::NextPointerUnfound {
            pointer: "/links/nxt".into(),
            candidates: vec!["/links/next".into()],
        })
    );
    let top = json!({ "data": [], "nextCursor": 301 });
    assert_eq!(
        ended("/next_cursor", top, 300),
        Step::LostTrail(LostTrail::NextPointerUnfound {
            pointer: "/next_cursor".into(),
            candidates: vec!["/nextCursor".into()],
        })
    );
    // A last page may leave its link out, or send it empty or null.
    let quiet = json!({ "links": { "self": "/e" }, "next_page": null, "cursor": "" });
    assert_eq!(ended("/links/next", quiet.clone(), 300), Step::Done);
    assert_eq!(ended("/next", quiet, 300), Step::Done);
    // Found, or no items: nothing to say.
    assert!(matches!(
        ended("/links/next", links.clone(), 300),
        Step::Fetch(_)
    ));
    assert_eq!(ended("/links/nxt", links, 0), Step::Done);
}

/// Where the url names no {cursor}, a next link that is neither a full URL
/// nor a /path cannot be a token: it is read relative to the page's address.
#[test]
fn a_relative_next_link_is_read_against_the_page_address_where_no_cursor_is_named() {
    let config = endpoints_config(json!({
        "url": "{base_url}/api/jobs", "items": "/data", "fields": { "id": "/id" },
        "paging": { "mode": "next_in_body", "pointer": "/next" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(
        pager.first().unwrap().url,
        "https://api.example.com/api/jobs"
    );
    let segment = json!({ "next": "jobs?page=2" });
    assert_eq!(
        fetch(pager.next(&ok(&segment, &[], 10)).unwrap()).url,
        "https://api.example.com/api/jobs?page=2"
    );
    let query = json!({ "next": "?page=3" });
    assert_eq!(
        fetch(pager.next(&ok(&query, &[], 10)).unwrap()).url,
        "https://api.example.com/api/jobs?page=3"
    );
}

/// An address with no path has the origin's root as its folder, not the
/// scheme's "//": "page2.json" is not a host.
#[test]
fn a_relative_next_link_from_an_address_with_no_path_stays_on_its_host() {
    let config = endpoints_config(json!({
        "url": "https://api.example.com?page=1", "items": "/data", "fields": { "id": "/id" },
        "paging": { "mode": "next_in_body", "pointer": "/next" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(pager.first().unwrap().url, "https://api.example.com?page=1");
    let segment = json!({ "next": "page2.json" });
    assert_eq!(
        fetch(pager.next(&ok(&segment, &[], 10)).unwrap()).url,
        "https://api.example.com/page2.json"
    );
}

/// With a relative base_url (a host page's "/api"), a next path is the
/// page's own: the browser resolves it, and it must not be glued to the last URL.
#[test]
fn a_next_path_from_a_relative_base_url_is_left_to_the_browser() {
    let config = config_from_value(&json!({
        "base_url": "/api",
        "resources": { "endpoints": {
            "url": "{base_url}/endpoints.json", "fields": { "id": "/id" },
            "paging": { "mode": "next_in_body", "pointer": "/next" }
        } }
    }))
    .expect("valid config");
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert_eq!(pager.first().unwrap().url, "/api/endpoints.json");
    let path = json!({ "next": "/api/endpoints.json?p=2" });
    assert_eq!(
        fetch(pager.next(&ok(&path, &[], 10)).unwrap()).url,
        "/api/endpoints.json?p=2"
    );
}

/// A backend that hands back a cursor it gave before would be read forever.
#[test]
fn a_cursor_or_next_url_given_again_stops_paging_with_an_error() {
    for (next, position) in [
        (json!("0"), r#"cursor "0""#),
        (
            json!("/e?after=0"),
            r#"next page "https://api.example.com/e?after=0""#,
        ),
    ] {
        let config = endpoints_config(json!({
            "url": "{base_url}/e?cursor={cursor}", "fields": { "id": "/id" },
            "paging": { "mode": "next_in_body", "pointer": "/next" }
        }));
        let resource = config.resources.endpoints.as_ref().unwrap();
        let mut pager = Pager::new(&config, resource, None, None);
        let first_url = pager.first().unwrap().url;
        let body = json!({ "next": next });
        let second_url = fetch(pager.next(&ok(&body, &[], 10)).unwrap()).url;
        let error = pager.next(&ok(&body, &[], 10)).unwrap_err();
        assert_eq!(
            error,
            PagingError::Loops {
                position: position.to_owned(),
                url: second_url.clone()
            },
            "after {first_url}"
        );
        assert!(
            error
                .to_string()
                .contains("pointed back to a page already read"),
            "{error}"
        );
    }
}

/// A second page whose next URL is the first page's is the page that loops,
/// and it is caught before the first page is read again.
#[test]
fn a_next_url_back_to_the_first_page_stops_paging_at_the_page_that_gave_it() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e.json", "fields": { "id": "/id" },
        "paging": { "mode": "next_in_body", "pointer": "/next" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    let first_url = pager.first().unwrap().url;
    let to_second = json!({ "next": "/e-2.json" });
    let second_url = fetch(pager.next(&ok(&to_second, &[], 10)).unwrap()).url;
    let back_to_first = json!({ "next": first_url });
    assert_eq!(
        pager.next(&ok(&back_to_first, &[], 10)).unwrap_err(),
        PagingError::Loops {
            position: format!("next page {first_url:?}"),
            url: second_url,
        }
    );
}

/// A backend that ignores `?page=` answers every page with the first: its
/// rows must not be counted again and again.
#[test]
fn a_second_page_the_same_as_the_first_stops_paging_with_an_error() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?p={page}", "fields": { "id": "/id" },
        "paging": { "mode": "page_number", "size": 2, "end": "empty_page" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    assert!(pager.compares_pages());
    pager.first().unwrap();
    let body = json!([]);
    let page = |fingerprint| Response {
        fingerprint: Some(fingerprint),
        ..ok(&body, &[], 2)
    };
    let second = fetch(pager.next(&page(1)).unwrap()).url;
    assert_eq!(second, "https://api.example.com/e?p=2");
    assert_eq!(
        pager.next(&page(1)),
        Err(PagingError::SamePage { url: second })
    );
    assert_eq!(pager.fetched(), 2, "the repeated page is not counted");
}

/// A backend that answers a page past its end with its last page again,
/// after pages that differed: the list has ended, and nothing is wrong.
#[test]
fn a_later_page_the_same_as_the_one_before_ends_the_list() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?p={page}", "fields": { "id": "/id" },
        "paging": { "mode": "page_number", "size": 2, "end": "empty_page" }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let body = json!([]);
    let page = |fingerprint| Response {
        fingerprint: Some(fingerprint),
        ..ok(&body, &[], 2)
    };
    fetch(pager.next(&page(1)).unwrap());
    let third = fetch(pager.next(&page(2)).unwrap()).url;
    assert_eq!(third, "https://api.example.com/e?p=3");
    assert_eq!(pager.next(&page(2)), Ok(Step::RepeatedPastEnd));
    assert_eq!(pager.fetched(), 4, "the repeated page is not counted");
}

#[test]
fn every_paged_mode_compares_each_page_with_the_one_before() {
    for (url, paging) in [
        (
            "{base_url}/e?c={cursor}",
            json!({ "mode": "next_in_body", "pointer": "/next" }),
        ),
        (
            "{base_url}/e?o={offset}",
            json!({ "mode": "offset_limit", "size": 2 }),
        ),
        (
            "{base_url}/e?p={page}",
            json!({ "mode": "page_number", "size": 2 }),
        ),
    ] {
        let config = endpoints_config(json!({
            "url": url, "fields": { "id": "/id" }, "paging": paging
        }));
        let resource = config.resources.endpoints.as_ref().unwrap();
        assert!(
            Pager::new(&config, resource, None, None).compares_pages(),
            "{paging}"
        );
    }
    let config = endpoints_config(json!({ "url": "{base_url}/e", "fields": { "id": "/id" } }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    assert!(
        !Pager::new(&config, resource, None, None).compares_pages(),
        "one page, nothing to compare"
    );
}

#[test]
fn qualys_results_page_with_search_after_across_three_pages() {
    let config =
        config_from_value(&json!({ "preset": "qualys-pm", "base_url": "https://gw.example" }))
            .unwrap();
    let resource = config.resources.job_results.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, Some("job-7"), Some("run 3"));
    let first = pager.first().unwrap();
    assert_eq!(
        first.url,
        "https://gw.example/pm/v1/deploymentjob/job-7/deploymentjobresult/summary"
    );
    assert_eq!(first.method, Method::Post);
    let body: Value = serde_json::from_str(first.body.as_deref().unwrap()).unwrap();
    assert_eq!(body, json!({ "jobInstanceId": "run 3", "pageSize": 500 }));
    assert_eq!(header(&first, "searchAfter"), None);

    let page = json!({ "assets": [] });
    let cursor1 = [(
        "SearchAfter".to_owned(),
        "[1718000000000,\"a-500\"]".to_owned(),
    )];
    let second = fetch(pager.next(&ok(&page, &cursor1, 500)).unwrap());
    assert_eq!(
        header(&second, "searchAfter"),
        Some("[1718000000000,\"a-500\"]")
    );
    assert_eq!(second.body, first.body);

    let cursor2 = [(
        "searchafter".to_owned(),
        "[1718000000001,\"a-1000\"]".to_owned(),
    )];
    let third = fetch(pager.next(&ok(&page, &cursor2, 500)).unwrap());
    assert_eq!(
        header(&third, "searchAfter"),
        Some("[1718000000001,\"a-1000\"]")
    );

    // A short page ends the list even if the header is present.
    let cursor3 = [("searchAfter".to_owned(), "[x]".to_owned())];
    assert_eq!(pager.next(&ok(&page, &cursor3, 120)).unwrap(), Step::Done);
    assert_eq!(pager.fetched(), 1120);
}

/// A Rails app's X-Next-Page is a page number for its query: a request that
/// names {cursor} gets the header's value there, and no request header.
#[test]
fn a_cursor_header_goes_into_the_query_where_the_url_names_cursor() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?page={cursor}&per_page={page_size}", "items": "/",
        "fields": { "id": "/id" },
        "paging": { "mode": "cursor_header", "response_header": "X-Next-Page", "size": 2 }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    let first = pager.first().unwrap();
    assert!(first.url.ends_with("/e?page=&per_page=2"), "{}", first.url);
    let body = json!([]);
    let next = [("X-Next-Page".to_owned(), "2".to_owned())];
    let second = fetch(pager.next(&ok(&body, &next, 2)).unwrap());
    assert!(
        second.url.ends_with("/e?page=2&per_page=2"),
        "{}",
        second.url
    );
    assert_eq!(header(&second, "X-Next-Page"), None);
}

/// CORS hides a response header the backend does not expose, and a
/// misspelt response_header finds nothing, so a full page without its
/// cursor may not be the last: the load ends there, saying why, rather
/// than pass for complete.
#[test]
fn a_full_page_without_its_cursor_header_is_not_taken_for_the_last() {
    let config =
        config_from_value(&json!({ "preset": "qualys-pm", "base_url": "https://gw.example" }))
            .unwrap();
    let resource = config.resources.job_results.as_ref().unwrap();
    let page = json!({ "assets": [] });
    let ended = |item_count, cross_origin, headers: &[(String, String)]| {
        let mut pager = Pager::new(&config, resource, Some("job-7"), None);
        pager.first().unwrap();
        pager.next(&Response {
            cross_origin,
            ..ok(&page, headers, item_count)
        })
    };
    assert_eq!(
        ended(500, true, &[]),
        Ok(Step::LostTrail(LostTrail::CursorUnreadable {
            header: "searchAfter".into(),
            present: None,
            cross_origin: true,
        }))
    );
    // From another origin that exposes headers, those it exposes may show
    // a misspelt name (X-Next for X-Next-Cursor) as well as a forgotten one.
    let exposed = [
        ("x-next-cursor".to_owned(), "c2".to_owned()),
        ("content-type".to_owned(), "application/json".to_owned()),
    ];
    assert_eq!(
        ended(500, true, &exposed),
        Ok(Step::LostTrail(LostTrail::CursorUnreadable {
            header: "searchAfter".into(),
            present: Some(vec!["content-type".into(), "x-next-cursor".into()]),
            cross_origin: true,
        }))
    );
    let safelisted_only = [("Content-Type".to_owned(), "application/json".to_owned())];
    assert!(matches!(
        ended(500, true, &safelisted_only),
        Ok(Step::LostTrail(LostTrail::CursorUnreadable {
            present: None,
            ..
        }))
    ));
    // From the same origin every header is readable: a full page without
    // the cursor names those it had, where a misspelt name shows.
    let misspelt = [
        ("Search-After".to_owned(), "[1]".to_owned()),
        ("content-type".to_owned(), "application/json".to_owned()),
    ];
    assert_eq!(
        ended(500, false, &misspelt),
        Ok(Step::LostTrail(LostTrail::CursorUnreadable {
            header: "searchAfter".into(),
            present: Some(vec!["content-type".into(), "search-after".into()]),
            cross_origin: false,
        }))
    );
    // A short page is the last, and a cursor that was read is followed.
    assert_eq!(ended(499, true, &[]), Ok(Step::Done));
    assert_eq!(ended(499, false, &[]), Ok(Step::Done));
    let cursor = [("searchAfter".to_owned(), "[1]".to_owned())];
    assert!(matches!(ended(500, true, &cursor), Ok(Step::Fetch(_))));
    assert!(matches!(ended(500, false, &cursor), Ok(Step::Fetch(_))));
}

#[test]
fn qualys_jobs_end_only_on_an_empty_page() {
    let config =
        config_from_value(&json!({ "preset": "qualys-pm", "base_url": "https://gw.example" }))
            .unwrap();
    let resource = config.resources.jobs.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    let url = |page: u32| {
        format!("https://gw.example/pm/v1/deploymentjobs/summary?pageNumber={page}&pageSize=100")
    };
    assert_eq!(pager.first().unwrap().url, url(0));
    let body = json!([]);
    assert_eq!(fetch(pager.next(&ok(&body, &[], 100)).unwrap()).url, url(1));
    assert_eq!(fetch(pager.next(&ok(&body, &[], 40)).unwrap()).url, url(2));
    assert_eq!(pager.next(&ok(&body, &[], 0)).unwrap(), Step::Done);
}

#[test]
fn max_items_stops_paging_and_says_so() {
    let config = endpoints_config(json!({
        "url": "{base_url}/e?p={page}", "fields": { "id": "/id" }, "max_items": 250,
        "paging": { "mode": "page_number", "start": 0, "size": 100 }
    }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let body = json!([]);
    fetch(pager.next(&ok(&body, &[], 100)).unwrap());
    fetch(pager.next(&ok(&body, &[], 100)).unwrap());
    assert_eq!(
        pager.next(&ok(&body, &[], 100)).unwrap(),
        Step::LimitReached {
            max: 250,
            last_page_keeps: 50
        },
        "the third page is read only up to the limit"
    );
}

#[test]
fn an_http_error_names_status_and_url() {
    let config = endpoints_config(json!({ "url": "{base_url}/e", "fields": { "id": "/id" } }));
    let resource = config.resources.endpoints.as_ref().unwrap();
    let mut pager = Pager::new(&config, resource, None, None);
    pager.first().unwrap();
    let body = Value::Null;
    let response = Response {
        status: 503,
        headers: &[],
        body: &body,
        item_count: 0,
        fingerprint: None,
        cross_origin: false,
    };
    assert_eq!(
        pager.next(&response),
        Err(PagingError::Status {
            status: 503,
            url: "https://api.example.com/e".into()
        })
    );
}

#[test]
fn a_body_member_holding_only_an_absent_run_or_cursor_is_left_out() {
    use patchboard::source::url::{expand_json, Vars};
    let template = serde_json::json!({ "jobInstanceId": "{run_id}", "pageSize": "{page_size}", "job": "{job_id}" });
    let vars = Vars {
        job_id: Some("j-1".into()),
        page_size: Some(500),
        ..Vars::default()
    };
    assert_eq!(
        expand_json(&template, &vars).unwrap(),
        serde_json::json!({ "pageSize": 500, "job": "j-1" })
    );
    let with_run = Vars {
        run_id: Some("42".into()),
        ..vars.clone()
    };
    assert_eq!(
        expand_json(&template, &with_run).unwrap()["jobInstanceId"],
        "42"
    );
    let without_job = Vars {
        job_id: None,
        ..vars
    };
    assert!(
        expand_json(&template, &without_job).is_err(),
        "a job id is never optional"
    );
}
