use patchboard::domain::asset::{AssetResult, PendingStage};
use patchboard::domain::endpoint::{
    ConnectorState, Endpoint, PowerState, Suspension, UnreadableFacts,
};
use patchboard::domain::job::Job;
use patchboard::domain::message::message_for;
use patchboard::domain::os::OsFamily;
use patchboard::domain::status::StatusKey;
use patchboard::domain::time::Timestamp;
use patchboard::source::config::Config;
use patchboard::source::config_read::config_from_value;
use patchboard::source::mapping::{Mapping, RowError};
use patchboard::source::pointer::Pointer;
use patchboard::source::record::{field_names, ItemId};
use serde_json::{json, Value};

fn config(resources: Value) -> Config {
    config_from_value(&json!({ "base_url": "https://x.example", "resources": resources }))
        .expect("valid config")
}

#[test]
fn pointers_unescape_and_reject_bad_syntax() {
    let doc = json!({ "a/b": { "m~n": [10, 20] }, "": 1 });
    assert_eq!(
        Pointer::parse("/a~1b/m~0n/1").unwrap().resolve(&doc),
        Some(&json!(20))
    );
    assert_eq!(Pointer::parse("/").unwrap().resolve(&doc), Some(&json!(1)));
    assert_eq!(Pointer::parse("").unwrap().resolve(&doc), Some(&doc));
    assert_eq!(Pointer::parse("/a~1b/m~0n/01").unwrap().resolve(&doc), None);
    assert!(Pointer::parse("a").is_err());
    assert!(Pointer::parse("/a~2").is_err());
    assert!(Pointer::parse("/a~").is_err());
}

#[test]
fn endpoint_fields_are_coerced_and_translated() {
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e", "items": "/data/rows",
        "fields": {
            "id": "/hostId", "name": "/host", "power": "/vm/power", "connector": "/agent",
            "credentials_valid": "/credsOk", "os_supported": "/supported", "pending_reboot": "/reboot",
            "powershell_major": "/ps", "last_seen": "/seen", "suspension_cycles": "/suspend",
            "drives": "/disks", "drives.name": "/mount", "drives.used_percent": "/pct"
        },
        "values": { "power": { "poweredOn": "On", "0": "Off" }, "connector": { "UP": "Connected" } }
    }}));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let body = json!({ "data": { "rows": [{
        "hostId": 1001, "host": "db-01", "vm": { "power": "poweredOn" }, "agent": "UP",
        "credsOk": "true", "supported": 1, "reboot": "FALSE", "ps": "5", "seen": "2024-06-10T12:00:00.250+02:00",
        "suspend": "3", "disks": [{ "mount": "/", "pct": "90" }, { "mount": "/var", "pct": 89.9 }]
    }, {
        "hostId": "1002", "vm": { "power": 0 }, "agent": "Down", "seen": 1_718_013_600_000_u64
    }] } });
    let page = mapping.decode_page(&body).unwrap();
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let [first, second] = &page.items[..] else {
        panic!("two endpoints expected")
    };
    assert_eq!(first.id, "1001");
    assert_eq!(first.power, Some(PowerState::On));
    assert_eq!(first.connector, Some(ConnectorState::Connected));
    assert_eq!(
        (
            first.credentials_valid,
            first.os_supported,
            first.pending_reboot
        ),
        (Some(true), Some(true), false)
    );
    assert_eq!(first.powershell_major, Some(5));
    assert_eq!(
        first.last_seen,
        Some(Timestamp::from_millis(1_718_013_600_250))
    );
    assert_eq!(first.suspension, Some(Suspension::Cycles { remaining: 3 }));
    assert_eq!(
        first
            .drives
            .iter()
            .map(|d| d.used_percent)
            .collect::<Vec<_>>(),
        vec![90.0, 89.9]
    );
    assert_eq!(second.name, "1002", "the id stands in for a missing name");
    assert_eq!(second.power, Some(PowerState::Off));
    assert_eq!(
        second.connector,
        Some(ConnectorState::Down),
        "unmapped words pass through"
    );
    assert_eq!(
        second.last_seen,
        Some(Timestamp::from_millis(1_718_013_600_000))
    );
}

/// A number where a word is expected can be mapped like a word: the message
/// says how, with the key to write.
#[test]
fn a_number_for_a_word_field_is_told_how_to_map_it() {
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e", "fields": { "id": "/id", "connector": "/c", "power": "/p" }
    }}));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!([{ "id": "a", "c": 1 }, { "id": "b", "p": true }]))
        .unwrap();
    assert_eq!(page.items.len(), 2, "each row is kept without the value");
    let problems: Vec<&str> = page.left_out.iter().map(|e| e.problem.as_str()).collect();
    assert_eq!(
        problems,
        [
            "expected a word, found 1; map it to one of our words with \"values\" (\"1\": …)",
            "expected a word, found true; map it to one of our words with \"values\" (\"true\": …)"
        ]
    );
}

/// A string or null in the list is not a row missing its id: its kind is
/// what the banner should say.
#[test]
fn a_row_that_is_not_an_object_is_named_by_its_kind() {
    let config = config(json!({
        "jobs": { "url": "{base_url}/j", "fields": { "id": "/id" } },
        "job_results": { "url": "{base_url}/r/{job_id}", "fields": { "asset_id": "/id" } }
    }));
    let jobs = Mapping::<Job>::new(config.resources.jobs.as_ref().unwrap());
    let page = jobs
        .decode_page(&json!([{ "id": 1 }, "job-2", null, 7]))
        .unwrap();
    assert_eq!(page.items.len(), 1);
    let problems: Vec<&str> = page.errors.iter().map(|e| e.problem.as_str()).collect();
    assert_eq!(
        problems,
        [
            "the item is a string, not an object",
            "the item is null, not an object",
            "the item is a number, not an object"
        ]
    );
}

/// A job cannot be more than done, nor less than not started: such a
/// figure is the backend's mistake, reported and left out rather than shown
/// as sent.
#[test]
fn a_completion_outside_0_to_100_is_reported_and_left_out() {
    let config = config(json!({
        "jobs": { "url": "{base_url}/j", "fields": { "id": "/id", "completion_percent": "/done" } },
        "job_results": { "url": "{base_url}/r/{job_id}", "fields": { "asset_id": "/id" } }
    }));
    let jobs = Mapping::<Job>::new(config.resources.jobs.as_ref().unwrap());
    let page = jobs
        .decode_page(&json!([
            { "id": "a", "done": 0 }, { "id": "b", "done": "100" }, { "id": "c", "done": 62.5 },
            { "id": "d", "done": 140 }, { "id": "e", "done": -3 }
        ]))
        .unwrap();
    let read: Vec<(&str, Option<f64>)> = page
        .items
        .iter()
        .map(|job| (job.id.as_str(), job.completion_percent))
        .collect();
    assert_eq!(
        read,
        [
            ("a", Some(0.0)),
            ("b", Some(100.0)),
            ("c", Some(62.5)),
            ("d", None),
            ("e", None)
        ]
    );
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let problems: Vec<(usize, &str)> = page
        .left_out
        .iter()
        .map(|e| (e.index, e.problem.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (3, "expected a percentage from 0 to 100, found 140"),
            (4, "expected a percentage from 0 to 100, found -3")
        ]
    );
}

/// A backend that renamed the id: the message names the key it now uses,
/// however many keys sort before it.
#[test]
fn a_missing_field_names_the_keys_like_it_first() {
    let config = config(json!({
        "jobs": { "url": "{base_url}/j", "fields": { "id": "/id" } },
        "job_results": { "url": "{base_url}/r/{job_id}", "fields": { "asset_id": "/id" } }
    }));
    let jobs = Mapping::<Job>::new(config.resources.jobs.as_ref().unwrap());
    let body = json!([{
        "asset_count": 4, "completion": 50, "failed": 1, "in_progress": 1,
        "last_run": 0, "name": "Alpha", "platform": "Linux", "Job-ID": "a"
    }]);
    let page = jobs.decode_page(&body).unwrap();
    assert_eq!(
        page.errors[0].problem,
        r#"required but missing or empty, found only the keys "Job-ID", "asset_count", "completion", "failed", "in_progress", "last_run", …"#
    );
    let empty = jobs.decode_page(&json!([{}])).unwrap();
    assert_eq!(
        empty.errors[0].problem,
        "required but missing or empty, found an empty object"
    );
}

/// A row without its id cannot be shown and is skipped; a value that cannot
/// be read in any other field is left out, and its row kept.
#[test]
fn bad_rows_are_skipped_and_bad_values_left_out() {
    let config = config(json!({
        "jobs": { "url": "{base_url}/j", "fields": { "id": "/id", "asset_count": ["/total", "/applicable"], "last_run": "/last" } },
        "job_results": { "url": "{base_url}/r/{job_id}", "items": "/assets", "fields": {
            "asset_id": "/asset/id", "status_code": "/statusCode", "pending_stage": "/stage",
            "history": "/log", "history.at": "/when", "history.name": "/what"
        } }
    }));
    let jobs = Mapping::<Job>::new(config.resources.jobs.as_ref().unwrap());
    let body = json!([
        { "id": 1, "applicable": "12" },
        { "id": 2, "total": "many", "last": "2026-11-20" },
        { "name": "no id" },
        { "id": 4, "total": 3, "last": "yesterday" },
        { "id": "", "name": "empty id" }
    ]);
    let page = jobs.decode_page(&body).unwrap();
    let read: Vec<(&str, Option<u64>, bool)> = page
        .items
        .iter()
        .map(|job| (job.id.as_str(), job.asset_count, job.last_run.is_some()))
        .collect();
    assert_eq!(
        read,
        [
            ("1", Some(12), false),
            ("2", None, true),
            ("4", Some(3), false)
        ],
        "the fallback pointer is used; only the unreadable value is left out"
    );
    assert_eq!(
        page.errors,
        vec![
            RowError {
                index: 2,
                id: None,
                field: "id".into(),
                pointer: "/id".into(),
                problem: r#"required but missing or empty, found only the keys "name""#.into()
            },
            RowError {
                index: 4,
                id: Some(ItemId {
                    field: "id",
                    value: String::new()
                }),
                field: "id".into(),
                pointer: "/id".into(),
                problem: "required but missing or empty".into()
            }
        ],
        "a row without the field names the keys it has; one with it empty needs no list"
    );
    assert_eq!(
        page.left_out,
        vec![
            RowError {
                index: 1,
                id: Some(ItemId {
                    field: "id",
                    value: "2".into()
                }),
                field: "asset_count".into(),
                pointer: "/total".into(),
                problem: "expected a whole number, 0 or more, found \"many\"".into()
            },
            RowError {
                index: 3,
                id: Some(ItemId {
                    field: "id",
                    value: "4".into()
                }),
                field: "last_run".into(),
                pointer: "/last".into(),
                problem:
                    "expected epoch seconds or milliseconds or an RFC 3339 date-time, in the years 0 to 9999, found \"yesterday\""
                        .into()
            },
        ]
    );

    let results = Mapping::<AssetResult>::new(config.resources.job_results.as_ref().unwrap());
    let body = json!({ "assets": [
        { "asset": { "id": "a" }, "statusCode": "2032", "stage": "Preparing", "log": [{ "when": 1763611200, "what": "Pending" }] },
        { "asset": { "id": "b" }, "statusCode": 70000, "stage": "Preparing" },
        { "asset": { "id": "c" }, "log": [{ "what": "Pending" }, { "when": 1763611300, "what": "Pending" }] },
        { "asset": { "id": "d" }, "stage": "Later", "statusCode": 2032 },
        { "asset": { "id": {} } }
    ] });
    let page = results.decode_page(&body).unwrap();
    let read: Vec<(&str, Option<u16>, Option<PendingStage>, usize)> = page
        .items
        .iter()
        .map(|result| {
            (
                result.asset_id.as_str(),
                result.status.code,
                result.facts.pending_stage,
                result.history.len(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("a", Some(2032), Some(PendingStage::Preparing), 1),
            ("b", None, Some(PendingStage::Preparing), 0),
            ("c", None, None, 1),
            ("d", Some(2032), None, 0)
        ]
    );
    let history_unreadable: Vec<u16> = page.items.iter().map(|r| r.history_unreadable).collect();
    assert_eq!(
        history_unreadable,
        [0, 0, 1, 0],
        "the history keeps the entries that can be read and counts the others"
    );
    let unreadable: Vec<bool> = page.items.iter().map(|r| r.status.unreadable).collect();
    assert_eq!(
        unreadable,
        [false, true, false, false],
        "an unreadable status code marks the status; other fields do not"
    );
    assert_eq!(
        page.items[0].history[0].at,
        Timestamp::from_millis(1_763_611_200_000),
        "epoch seconds"
    );
    let left_out: Vec<(usize, &str, &str)> = page
        .left_out
        .iter()
        .map(|e| (e.index, e.field.as_str(), e.pointer.as_str()))
        .collect();
    assert_eq!(
        left_out,
        vec![
            (1, "status_code", "/statusCode"),
            (2, "history.at", "/log/0/when"),
            (3, "pending_stage", "/stage")
        ],
        "a history entry that cannot be read is one value left out"
    );
    assert_eq!(
        page.left_out[1].to_string(),
        r#"row 2 (asset_id "c"): history.at (at "/log/0/when"): required but missing or empty, found only the keys "what""#,
        "a row is named by its id, under the name the configuration gives the field"
    );
    let skipped: Vec<(usize, &str)> = page
        .errors
        .iter()
        .map(|e| (e.index, e.field.as_str()))
        .collect();
    assert_eq!(skipped, [(4, "asset_id")], "a bad id skips its row");
}

/// Every field an exemption rule reads marks its fact when its value cannot
/// be read, so that the panel says the endpoint was not judged on it: a
/// field added to the table without a mark fails here.
#[test]
fn every_endpoint_fact_a_rule_reads_is_marked_when_unreadable() {
    let mut fields = serde_json::Map::new();
    let mut row = serde_json::Map::new();
    for name in field_names::<Endpoint>() {
        fields.insert(name.to_owned(), json!(format!("/{name}")));
        row.insert(name.to_owned(), json!({ "not": "readable" }));
    }
    row.insert("id".into(), json!("e-1"));
    let config = config(json!({ "endpoints": { "url": "{base_url}/e", "fields": fields } }));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping.decode_page(&json!([row])).unwrap();
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    assert_eq!(
        page.items[0].unreadable.names(),
        [
            "operating system",
            "connector state",
            "credentials",
            "power state",
            "OS support",
            "maintenance schedule",
            "suspension",
            "PowerShell",
            "readiness",
            "WSUS report time",
            "pending restart or user action",
            "one or more drives",
            "exemptions the backend reported"
        ]
    );
}

/// An endpoint fact left out because it could not be read, or sent only in
/// part, is marked so, for the rules that would take its absence for a
/// fact: half a schedule or half a suspension is none, and the endpoint is
/// kept.
#[test]
fn unreadable_endpoint_facts_are_marked_and_halves_dropped() {
    let config = config(json!({ "endpoints": { "url": "{base_url}/e", "fields": {
        "id": "/id", "maintenance_name": "/mw", "maintenance_windows": "/windows",
        "maintenance_windows.start": "/s", "maintenance_windows.end": "/e",
        "suspension_from": "/from", "suspension_until": "/until",
        "drives": "/disks", "drives.name": "/m", "drives.used_percent": "/pct",
        "wsus_last_report": "/wsus"
    } } }));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!([
            { "id": "window", "mw": "Nightly", "windows": [{ "s": 1763611200, "e": 1763618400 }, { "s": "tonight", "e": 1763622000 }] },
            { "id": "from", "from": "x", "until": 1763622000 },
            { "id": "drives", "disks": [{ "m": "C:", "pct": 97 }, { "m": "D:", "pct": "full" }, { "m": "E:", "pct": "?" }] },
            { "id": "wsus", "wsus": "last week" },
            { "id": "no-list", "disks": "C: 97%" },
            { "id": "fine", "mw": "Nightly", "windows": [], "from": 1763611200, "until": 1763622000 },
            { "id": "open-ended", "from": 1763611200 },
            { "id": "no-start", "until": 1763622000 },
            { "id": "window-backwards", "mw": "Nightly", "windows": [{ "s": 1763618400, "e": 1763611200 }] },
            { "id": "span-backwards", "from": 1763622000, "until": 1763611200 }
        ]))
        .unwrap();
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let read: Vec<(&str, UnreadableFacts, bool, bool)> = page
        .items
        .iter()
        .map(|e| {
            (
                e.id.as_str(),
                e.unreadable,
                e.maintenance.is_some(),
                e.suspension.is_some(),
            )
        })
        .collect();
    let marked = |change: fn(&mut UnreadableFacts)| {
        let mut facts = UnreadableFacts::default();
        change(&mut facts);
        facts
    };
    assert_eq!(
        read,
        [
            ("window", marked(|f| f.maintenance = true), false, false),
            ("from", marked(|f| f.suspension = true), false, false),
            ("drives", marked(|f| f.drives = 2), false, false),
            ("wsus", marked(|f| f.wsus_report = true), false, false),
            ("no-list", marked(|f| f.drives = 1), false, false),
            ("fine", UnreadableFacts::default(), true, true),
            ("open-ended", marked(|f| f.suspension = true), false, false),
            ("no-start", marked(|f| f.suspension = true), false, false),
            (
                "window-backwards",
                marked(|f| f.maintenance = true),
                false,
                false
            ),
            (
                "span-backwards",
                marked(|f| f.suspension = true),
                false,
                false
            ),
        ]
    );
    let half_spans: Vec<String> = page
        .left_out
        .iter()
        .filter(|e| e.index >= 6)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        half_spans,
        [
            r#"row 6 (id "open-ended"): suspension_until (at "/until"): not given with suspension_from, so the suspension is left out"#,
            r#"row 7 (id "no-start"): suspension_from (at "/from"): not given with suspension_until, so the suspension is left out"#,
            r#"row 8 (id "window-backwards"): maintenance_windows.end (at "/windows/0/e"): before the window's start"#,
            r#"row 9 (id "span-backwards"): suspension_until (at "/until"): before suspension_from, so the suspension is left out"#,
        ],
        "half a span, or one that ends before it starts, keeps its endpoint, and is told as a value left out"
    );
    let drives: Vec<(&str, f64)> = page.items[2]
        .drives
        .iter()
        .map(|d| (d.name.as_str(), d.used_percent))
        .collect();
    assert_eq!(drives, [("C:", 97.0)], "the drive that can be read is kept");
    let drive_values: Vec<&str> = page
        .left_out
        .iter()
        .filter(|e| e.index == 2)
        .map(|e| e.pointer.as_str())
        .collect();
    assert_eq!(
        drive_values,
        ["/disks/1/pct", "/disks/2/pct"],
        "each unreadable drive is a value left out"
    );
    let not_a_list = page.left_out.iter().find(|e| e.index == 4).unwrap();
    assert_eq!(
        (not_a_list.pointer.as_str(), not_a_list.problem.as_str()),
        ("/disks", "expected an array, found a string")
    );
}

#[test]
fn a_page_cut_at_the_row_limit_keeps_its_first_rows_read_or_skipped() {
    let config = config(json!({
        "jobs": { "url": "{base_url}/j", "fields": { "id": "/id" } },
        "job_results": { "url": "{base_url}/r/{job_id}", "fields": { "asset_id": "/id" } }
    }));
    let jobs = Mapping::<Job>::new(config.resources.jobs.as_ref().unwrap());
    let body = json!([{ "id": "a" }, {}, { "id": "c" }, {}, { "id": "e" }]);
    let ids_and_skipped = |rows: usize| {
        let mut page = jobs.decode_page(&body).unwrap();
        page.keep_first(rows);
        let ids: Vec<String> = page.items.iter().map(|job| job.id.clone()).collect();
        let skipped: Vec<usize> = page.errors.iter().map(|error| error.index).collect();
        (ids, skipped)
    };
    assert_eq!(ids_and_skipped(3), (vec!["a".into(), "c".into()], vec![1]));
    assert_eq!(ids_and_skipped(1), (vec!["a".into()], vec![]));
    assert_eq!(
        ids_and_skipped(4),
        (vec!["a".into(), "c".into()], vec![1, 3])
    );
    assert_eq!(
        ids_and_skipped(9),
        ids_and_skipped(5),
        "a limit past the page keeps it whole"
    );
}

#[test]
fn a_body_of_the_wrong_shape_names_the_items_pointer() {
    let config = config(
        json!({ "endpoints": { "url": "{base_url}/e", "items": "/data", "fields": { "id": "/id" } } }),
    );
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let missing = mapping.decode_page(&json!({ "rows": [] })).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "items pointer \"/data\": not found in the response body, an object with only the keys \"rows\""
    );
    // A 200 that carries the backend's error in place of the list says what it says.
    for (body, said) in [
        (
            json!({ "error": { "code": 401, "message": "Token expired" } }),
            r#"it says "Token expired""#,
        ),
        (
            json!({ "status": "fail", "message": "Tenant suspended" }),
            r#"it says "Tenant suspended""#,
        ),
    ] {
        let text = mapping.decode_page(&body).unwrap_err().to_string();
        assert!(text.ends_with(said), "{text}");
    }
    assert!(mapping
        .decode_page(&json!([{ "id": 1 }]))
        .unwrap_err()
        .to_string()
        .ends_with(r#"which is an array: "items": "" reads a body that is the list itself"#));
    assert_eq!(
        mapping.decode_page(&json!(null)).unwrap_err().to_string(),
        "items pointer \"/data\": not found in the response body, which is null"
    );
    let not_array = mapping
        .decode_page(&json!({ "data": { "ident": 1 } }))
        .unwrap_err();
    assert_eq!(
        not_array.to_string(),
        "items pointer \"/data\": expected an array, found an object"
    );
    // JSON converted from XML writes a list of one as its item: an object
    // with the fields a row needs is read as that one row, and so is one in
    // a list field's place.
    let with_drives = self::config(json!({ "endpoints": {
        "url": "{base_url}/e", "items": "/data",
        "fields": { "id": "/id", "drives": "/drives", "drives.name": "/name", "drives.used_percent": "/used" }
    } }));
    let one = Mapping::<Endpoint>::new(with_drives.resources.endpoints.as_ref().unwrap())
        .decode_page(&json!({ "data": { "id": "ep-1", "drives": { "name": "C:", "used": 91 } } }))
        .unwrap();
    assert_eq!(one.items.len(), 1);
    assert_eq!(one.items[0].id, "ep-1");
    assert_eq!(one.items[0].drives.len(), 1, "{:?}", one.left_out);
    // A fault in that one drive names it where it is, with no "/0".
    let faulty = Mapping::<Endpoint>::new(with_drives.resources.endpoints.as_ref().unwrap())
        .decode_page(
            &json!({ "data": { "id": "ep-3", "drives": { "name": "C:", "used": "full" } } }),
        )
        .unwrap();
    assert_eq!(
        faulty.left_out[0].pointer, "/drives/used",
        "{:?}",
        faulty.left_out
    );
    // Drives keyed by name are no list of one: told as before.
    let keyed = Mapping::<Endpoint>::new(with_drives.resources.endpoints.as_ref().unwrap())
        .decode_page(&json!({ "data": { "id": "ep-2", "drives": { "C:": { "used": 91 }, "D:": { "used": 20 } } } }))
        .unwrap();
    assert!(keyed.items[0].drives.is_empty());
    assert!(
        keyed.left_out[0].to_string().contains("expected an array"),
        "{:?}",
        keyed.left_out
    );
    // Not an error object with a null id, nor a wrapper with its own id
    // around the rows: each still fails as a body of the wrong shape.
    for body in [
        json!({ "data": { "id": null, "error": "Token expired" } }),
        json!({ "data": { "id": "search-7", "results": [{ "id": "ep-1" }] } }),
        json!({ "data": { "id": "x", "error": { "message": "Quota exceeded" } } }),
    ] {
        assert!(mapping.decode_page(&body).is_err(), "{body}");
    }
    // PHP writes an array whose keys are not 0, 1, 2… as an object.
    let keyed = mapping
        .decode_page(&json!({ "data": { "3": { "id": "ep-3" }, "7": { "id": "ep-7" } } }))
        .unwrap_err();
    assert_eq!(
        keyed.to_string(),
        "items pointer \"/data\": expected an array, found objects under the keys \"3\", \"7\": \
         have the backend send its items as a list (in Laravel, ->values())"
    );
    // The whole body as the list, and an error object in its place.
    let whole_config = self::config(
        json!({ "endpoints": { "url": "{base_url}/e", "items": "", "fields": { "id": "/id" } } }),
    );
    let whole = Mapping::<Endpoint>::new(whole_config.resources.endpoints.as_ref().unwrap());
    let refused = whole
        .decode_page(&json!({ "success": false, "message": "License expired on 2026-12-01" }))
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "items pointer \"\": expected an array, found an object; it says \"License expired on 2026-12-01\""
    );
    // GraphQL's errors list.
    let graphql = mapping
        .decode_page(&json!({ "data": null, "errors": [{ "message": "Query complexity 1200 exceeds 1000" }] }))
        .unwrap_err();
    assert!(
        graphql
            .to_string()
            .ends_with(r#"it says "Query complexity 1200 exceeds 1000""#),
        "{graphql}"
    );
}

/// A first page with no rows beside an error is that error, not an empty fleet.
#[test]
fn an_empty_list_beside_an_error_is_the_error() {
    let config = config(
        json!({ "endpoints": { "url": "{base_url}/e", "items": "/items", "fields": { "id": "/id" } } }),
    );
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let error = mapping
        .empty_beside_error(&json!({ "items": [], "error": "Upstream CMDB unavailable (timeout)" }))
        .expect("an error");
    assert_eq!(
        error.to_string(),
        "items pointer \"/items\": the list is empty and the body holds an error; \
         it says \"Upstream CMDB unavailable (timeout)\""
    );
    for quiet in [
        json!({ "items": [] }),
        json!({ "items": [], "error": null, "errors": [] }),
        json!({ "items": [], "message": "No endpoints match" }),
    ] {
        assert_eq!(mapping.empty_beside_error(&quiet), None, "{quiet}");
    }
}

/// The e-mail date form, which Tanium- and BigFix-like exports write.
#[test]
fn an_email_style_date_is_a_time() {
    use patchboard::source::coerce::timestamp;
    assert_eq!(
        timestamp(&json!("Sun, 06 Dec 2026 15:38:58 +0000")).map(|t| t.millis()),
        Ok(1_796_571_538_000)
    );
}

/// A local date with slashes cannot be read, and the message says why.
#[test]
fn a_slashed_local_date_says_why_it_cannot_be_read() {
    use patchboard::source::coerce::timestamp;
    for local in ["12/06/2026 14:02", "6/12/26", "12/06/2026T14:02"] {
        let message = timestamp(&json!(local)).unwrap_err();
        assert!(message.ends_with("may put the day or the month first: have the backend send 2026-12-06T14:02:00Z or epoch seconds)"), "{message}");
    }
    assert!(!timestamp(&json!("yesterday"))
        .unwrap_err()
        .contains("slashes"));
    assert!(!timestamp(&json!("2026/12"))
        .unwrap_err()
        .contains("slashes"));
}

#[test]
fn times_are_read_from_epoch_milliseconds_and_rfc3339_text() {
    let spec = |value: serde_json::Value| patchboard::source::coerce::timestamp(&value);
    let leap_day = Timestamp::from_millis(1_709_251_199_500);
    assert_eq!(spec(json!("2024-02-29T23:59:59.5Z")), Ok(leap_day));
    assert_eq!(spec(json!("2024-03-01T01:29:59.500+01:30")), Ok(leap_day));
    assert_eq!(spec(json!(1_709_251_199_500_i64)), Ok(leap_day));
    assert_eq!(spec(json!("1709251199500")), Ok(leap_day));
    assert_eq!(leap_day.to_rfc3339(), "2024-02-29T23:59:59.500Z");
    assert_eq!(
        Timestamp::from_millis(-1).to_rfc3339(),
        "1969-12-31T23:59:59.999Z"
    );
    assert!(spec(json!("2024-13-01T00:00:00Z")).is_err());
    assert!(spec(json!(true)).is_err());
}

/// PowerShell's version as `$PSVersionTable.PSVersion` prints it, and a
/// drive's share as a person writes it.
#[test]
fn dotted_versions_and_percent_signs_are_read() {
    use patchboard::source::coerce::{major_version, percentage};
    for (value, major) in [
        (json!("5.1.19041.1"), 5),
        (json!("2.0"), 2),
        (json!(" 7 "), 7),
        (json!(5.1), 5),
        (json!(3), 3),
    ] {
        assert_eq!(major_version(&value), Ok(major), "{value}");
    }
    for wrong in [
        json!("v5"),
        json!("5..1"),
        json!("."),
        json!(-1),
        json!(true),
    ] {
        let message = major_version(&wrong).unwrap_err();
        assert!(
            message.starts_with("expected a version such as 5"),
            "{message}"
        );
    }
    assert_eq!(percentage(&json!("93 %")), Ok(93.0));
    assert_eq!(percentage(&json!("93.5%")), Ok(93.5));
    assert!(percentage(&json!("%")).is_err());
    assert!(percentage(&json!("193 %")).is_err());
}

/// "Y"/"N" are a backend's own words for a boolean: the message says how to
/// map them, and the mapping reads them.
#[test]
fn a_backends_own_words_for_yes_and_no_are_mapped_with_values() {
    let problem = patchboard::source::coerce::boolean(&json!("N")).unwrap_err();
    assert_eq!(
        problem,
        r#"expected a boolean (true/false, 1/0, yes/no), found "N"; map the backend's words with "values" ("N": "true" or "false")"#
    );
    assert!(!patchboard::source::coerce::boolean(&json!(2))
        .unwrap_err()
        .contains("values"));
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e", "fields": { "id": "/id", "credentials_valid": "/creds_ok" },
        "values": { "credentials_valid": { "Y": "true", "N": "false" } }
    } }));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!([{ "id": "a", "creds_ok": "N" }, { "id": "b", "creds_ok": "Y" }]))
        .unwrap();
    let read: Vec<Option<bool>> = page.items.iter().map(|e| e.credentials_valid).collect();
    assert_eq!(read, [Some(false), Some(true)]);
    assert!(page.left_out.is_empty());
}

/// A backend's own names for catalogue exemptions are mapped word by word
/// in its list, and a name mapped to no value is left out of it.
#[test]
fn a_list_of_reported_exemptions_is_translated_name_by_name() {
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e", "fields": { "id": "/id", "reported_exemptions": "/issues" },
        "values": { "reported_exemptions": { "Credentials Invalid": "Invalid Credentials", "Info only": null } }
    } }));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!([
            { "id": "a", "issues": ["Credentials Invalid", "Info only", "Endpoint EOL"] },
            { "id": "b", "issues": ["Powered Off"] },
            { "id": "c", "issues": "Credentials Invalid" }
        ]))
        .unwrap();
    let read: Vec<&[String]> = page
        .items
        .iter()
        .map(|e| e.reported_exemptions.as_slice())
        .collect();
    assert_eq!(
        read,
        [
            &["Invalid Credentials".to_owned(), "Endpoint EOL".to_owned()][..],
            &["Powered Off".to_owned()][..],
            &["Invalid Credentials".to_owned()][..],
        ]
    );
    assert!(page.left_out.is_empty(), "{:?}", page.left_out);
}

/// Intune and NinjaOne send a volume's free space and size, not the share
/// used: mapped, they give it, so that Low Disk Space can be judged.
#[test]
fn a_drives_share_used_is_worked_out_from_its_free_space_and_size() {
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e",
        "fields": {
            "id": "/id", "drives": "/volumes", "drives.name": "/letter",
            "drives.free": "/freeSpace", "drives.size": "/capacity"
        }
    } }));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!([{ "id": "a", "volumes": [
            { "letter": "C:", "freeSpace": 25_600_000_000_u64, "capacity": 256_000_000_000_u64 },
            { "letter": "D:", "freeSpace": 10, "capacity": 0 },
            { "letter": "E:", "freeSpace": 12, "capacity": 10 }
        ] }, { "id": "b", "volumes": [
            { "letter": "C:", "freeSpace": 47.6, "capacity": 476 },
            { "letter": "D:", "freeSpace": 12 }
        ] }]))
        .unwrap();
    // Exactly 90 % in gigabytes is 90, not a hair under (Low Disk Space).
    let b = &page.items[1];
    assert_eq!(b.drives.len(), 1);
    assert_eq!(b.drives[0].used_percent, 90.0);
    let drives = &page.items[0].drives;
    assert_eq!(drives.len(), 1, "{:?}", page.left_out);
    assert_eq!(drives[0].name, "C:");
    assert!(
        (drives[0].used_percent - 90.0).abs() < 1e-9,
        "{}",
        drives[0].used_percent
    );
    // A size of nothing, or more free than the size, gives no share: each
    // is told, and so is a free space without its size.
    let told: Vec<String> = page.left_out.iter().map(ToString::to_string).collect();
    assert_eq!(told.len(), 3, "{told:#?}");
    assert!(
        told[..2]
            .iter()
            .all(|t| t.contains("the free space and size give none")),
        "{told:#?}"
    );
    assert!(told[2].contains("needed beside free"), "{told:#?}");
}

/// A backend's word for "not known" ("N/A", "-") mapped to null is no
/// value: not a fault reported on every row, and a required field missing.
#[test]
fn a_word_mapped_to_null_is_no_value() {
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e", "fields": { "id": "/id", "os": "/os", "credentials_valid": "/creds_ok" },
        "values": { "credentials_valid": { "N/A": null, "Y": "true" }, "id": { "-": null } }
    } }));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!([
            { "id": "a", "os": "Ubuntu 22.04", "creds_ok": "N/A" },
            { "id": "b", "creds_ok": "Y" },
            { "id": "-", "creds_ok": "Y" }
        ]))
        .unwrap();
    let read: Vec<(&str, Option<bool>)> = page
        .items
        .iter()
        .map(|e| (e.id.as_str(), e.credentials_valid))
        .collect();
    assert_eq!(read, [("a", None), ("b", Some(true))]);
    assert!(page.left_out.is_empty(), "{:?}", page.left_out);
    assert_eq!(page.errors.len(), 1, "the row whose id maps to no value");
}

#[test]
fn numbers_are_read_from_json_numbers_and_number_text() {
    let number = |value: serde_json::Value| patchboard::source::coerce::number(&value);
    assert_eq!(number(json!(89.9)), Ok(89.9));
    assert_eq!(number(json!(" 89.9 ")), Ok(89.9));
    assert_eq!(number(json!("-1.25e2")), Ok(-125.0));
    assert_eq!(number(json!("0.1")), Ok(0.1));
    for not_a_number in ["", "89,9", "90%", "NaN", "inf", "1e400", "0x10"] {
        assert!(number(json!(not_a_number)).is_err(), "{not_a_number:?}");
    }
    // A bare NaN in a Python backend's body reaches a field as this text.
    let message = patchboard::source::coerce::percentage(&json!("NaN")).unwrap_err();
    assert!(
        message.starts_with("expected a percentage from 0 to 100, found \"NaN\" (JSON has no NaN"),
        "{message}"
    );
    assert!(message.ends_with("should send null for a figure it does not have)"));
    assert!(!number(json!("90%")).unwrap_err().contains("NaN"));
}

#[test]
fn an_id_sent_as_a_number_is_read_as_written_or_refused() {
    let text = |json: &str| {
        patchboard::source::coerce::text(&serde_json::from_str::<serde_json::Value>(json).unwrap())
    };
    assert_eq!(
        text("18446744073709551615"),
        Ok("18446744073709551615".into())
    );
    assert_eq!(text("-42"), Ok("-42".into()));
    assert_eq!(text("2.5"), Ok("2.5".into()));
    // A whole number is one id however it is written.
    for whole in ["42.0", "4.2e1", "42e0"] {
        assert_eq!(text(whole), Ok("42".into()), "{whole}");
    }
    assert_eq!(text("-1e3"), Ok("-1000".into()));
    // Past 64 bits, or past 2^53 with an exponent, the digits are rounded before we see them.
    for rounded in ["12345678901234567890123", "1.2345678901234567e30"] {
        let message = text(rounded).unwrap_err();
        assert!(
            message.contains("send it as a string"),
            "{rounded}: {message}"
        );
    }
}

#[test]
fn a_number_out_of_its_fields_range_is_reported_with_the_range() {
    let message = patchboard::source::coerce::unsigned::<u16>(&json!(99_999)).unwrap_err();
    assert_eq!(
        message,
        "expected a whole number from 0 to 65,535, found 99999"
    );
    // The bound is for a number past it: to a negative number or a word a
    // type's limit would read as a rule of the data.
    let message = patchboard::source::coerce::unsigned::<u32>(&json!(-3)).unwrap_err();
    assert_eq!(message, "expected a whole number, 0 or more, found -3");
    let message = patchboard::source::coerce::unsigned::<u32>(&json!("many")).unwrap_err();
    assert_eq!(
        message,
        "expected a whole number, 0 or more, found \"many\""
    );
}

#[test]
fn a_count_past_what_a_float_holds_exactly_is_reported_not_clamped() {
    use patchboard::source::coerce::unsigned;
    // Past what 64 bits hold: the bound, whether written as a float or not.
    let body: serde_json::Value =
        serde_json::from_str(r#"[1e308, 99999999999999999999999999]"#).unwrap();
    for value in body.as_array().unwrap() {
        let message = unsigned::<u64>(value).unwrap_err();
        assert!(
            message.starts_with(
                "expected a whole number from 0 to 18,446,744,073,709,551,615, found "
            ),
            "{value}: {message}"
        );
    }
    // Within 64 bits but past what a float holds exactly: write it plainly.
    let message = unsigned::<u64>(&json!(9007199254740992.0)).unwrap_err();
    assert!(
        message.starts_with(
            "expected a whole number, and past \
             9,007,199,254,740,991 written as a plain integer (a decimal point or \
             exponent makes it a float, which holds no larger whole number exactly), found "
        ),
        "{message}"
    );
    // A narrower field names its own bound to any number past it.
    for value in [json!(1e20), json!("99999999999999999999999")] {
        let message = unsigned::<u32>(&value).unwrap_err();
        assert!(
            message.starts_with("expected a whole number from 0 to 4,294,967,295, found "),
            "{value}: {message}"
        );
    }
    // Written as floats, whole counts within that are still counts.
    let body: serde_json::Value = serde_json::from_str("[1e6, 5.0, 123456789012.0]").unwrap();
    let read: Vec<u64> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|v| unsigned(v).unwrap())
        .collect();
    assert_eq!(read, [1_000_000, 5, 123_456_789_012]);
    // An integer that fits 64 bits is read as written.
    assert_eq!(
        unsigned::<u64>(&json!(18_446_744_073_709_551_615_u64)),
        Ok(u64::MAX)
    );
}

#[test]
fn a_word_that_is_none_of_ours_is_quoted_as_json_quotes() {
    let message = patchboard::source::coerce::word::<patchboard::domain::endpoint::PowerState>(
        &json!("Running"),
    )
    .unwrap_err();
    assert_eq!(
        message,
        "\"Running\" is not one of our words (one of \"On\", \"Off\", \"Suspended\", \"Unknown\"); \
         map the backend's words with \"values\""
    );
    assert!(!message.contains('`'), "{message}");
}

#[test]
fn messages_cut_a_backends_value_short_and_show_what_would_reorder_it() {
    use patchboard::domain::endpoint::PowerState;
    use patchboard::source::coerce::{boolean, word};
    // A right-to-left override would turn the rest of the sentence around and
    // show "connected"; a value of 50,000 characters would bury the banner.
    let reversed = json!("\u{202E}detcennoc");
    let message = word::<PowerState>(&reversed).unwrap_err();
    assert!(
        message.starts_with("\"\u{FFFD}detcennoc\" is not one of our words"),
        "{message}"
    );
    let message = boolean(&json!("\u{202E}yes")).unwrap_err();
    assert!(message.contains("found \"\u{FFFD}yes\";"), "{message}");
    let message = word::<PowerState>(&json!("X".repeat(50_000))).unwrap_err();
    assert!(
        message.starts_with(&format!("\"{}…\" is not", "X".repeat(60))),
        "{message}"
    );
    assert!(
        message.chars().count() < 200,
        "{} characters",
        message.chars().count()
    );
    let id = ItemId {
        field: "endpoint_id",
        value: "e".repeat(5_000),
    };
    assert_eq!(
        id.to_string(),
        format!("endpoint_id \"{}…\"", "e".repeat(60))
    );
}

#[test]
fn messages_quote_non_ascii_values_without_splitting_a_character() {
    let long_japanese_date = json!("2025年6月10日 火曜日 午後2時00分00秒 日本標準時 ".repeat(3));
    let message = patchboard::source::coerce::timestamp(&long_japanese_date).unwrap_err();
    assert!(
        message.starts_with("expected epoch seconds or milliseconds or an RFC 3339 date-time, in the years 0 to 9999, found \"2025年")
    );
    assert!(message.ends_with("…\""), "{message}");
    let problems = patchboard::source::config_read::config_from_value(
        &json!({ "credentials": "même origine seulement, avec les témoins associés" }),
    )
    .unwrap_err();
    assert!(problems.iter().any(|p| p.path == "credentials"));
}

#[test]
fn a_pointer_of_the_configuration_that_finds_nothing_in_any_row_is_named() {
    let config = config(json!({ "endpoints": {
        "url": "{base_url}/e", "items": "/rows",
        "fields": { "id": "/id", "os": "/os", "power": ["/powerState", "/power_state"], "connector": "/connectorState", "credentials_valid": "/agent" }
    }}));
    let mapping = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap());
    let body = json!({ "rows": [
        { "id": "a", "vm": { "powerState": "On" }, "agent": null, "connector": "Up" },
        { "id": "b", "os": "Ubuntu 22.04", "agent": null, "connector": "Down" },
    ] });
    let page = mapping.decode_page(&body).unwrap();
    assert_eq!(page.items.len(), 2, "the rows are read all the same");
    let unfound: Vec<String> = page
        .unfound
        .expect("own fields were checked")
        .iter()
        .map(ToString::to_string)
        .collect();
    // One row with the key is enough, null included: the pointer is right,
    // and a healthy fleet may have no value there.
    assert_eq!(
        unfound,
        [
            "connector (at \"/connectorState\")",
            "power (at \"/powerState\", \"/power_state\")"
        ]
    );
    let empty = mapping.decode_page(&json!({ "rows": [] })).unwrap();
    assert_eq!(empty.unfound, None, "no rows, nothing to judge by");

    // A required field found nowhere skips every row, and those rows say
    // why: it is not also named as a field merely not known.
    let misspelt_id = config_from_value(&json!({ "base_url": "https://api.example.com",
        "resources": { "endpoints": {
            "url": "{base_url}/e", "items": "/rows", "fields": { "id": "/hostID", "os": "/os" }
        } }
    }))
    .expect("valid config");
    let mapping = Mapping::<Endpoint>::new(misspelt_id.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!({ "rows": [{ "hostId": "a", "os": "Ubuntu 22.04" }] }))
        .unwrap();
    assert_eq!(page.errors.len(), 1, "the row without an id is skipped");
    assert_eq!(page.unfound, Some(Vec::new()));

    // Over a preset, only the fields the configuration maps itself: the
    // preset's may meet a backend that leaves them out.
    let over_native = config_from_value(&json!({
        "preset": "native",
        "resources": { "endpoints": { "fields": { "power": "/vm/state" } } }
    }))
    .expect("valid config");
    let mapping = Mapping::<Endpoint>::new(over_native.resources.endpoints.as_ref().unwrap());
    let page = mapping
        .decode_page(&json!({ "endpoints": [{ "id": "a", "name": "web-01" }] }))
        .unwrap();
    assert_eq!(
        page.unfound
            .unwrap()
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>(),
        ["power"]
    );
}

#[test]
fn a_deferral_count_mapped_alone_is_not_told_against_zero() {
    let config = config(json!({
        "jobs": { "url": "{base_url}/j", "fields": { "id": "/id" } },
        "job_results": { "url": "{base_url}/r/{job_id}", "fields": {
            "asset_id": "/id", "deferrals_used": "/used", "deferrals_available": "/allowed"
        } }
    }));
    let results = Mapping::<AssetResult>::new(config.resources.job_results.as_ref().unwrap());
    let page = results
        .decode_page(&json!([
            { "id": "used-only", "used": 2 },
            { "id": "allowed-only", "allowed": 5 },
            { "id": "both", "used": 2, "allowed": 5 },
            { "id": "one", "used": 1 }
        ]))
        .unwrap();
    let messages: Vec<String> = page
        .items
        .iter()
        .map(|result| {
            message_for(
                StatusKey::RebootDeferred,
                &result.facts,
                "J",
                OsFamily::Windows,
            )
            .expect("a count makes a message")
            .to_string()
        })
        .collect();
    assert!(
        messages[0].contains("2 deferrals used") && !messages[0].contains(" of "),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("5 deferrals allowed") && !messages[1].contains("0"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].contains("2 of 5 deferrals used"),
        "{}",
        messages[2]
    );
    assert!(messages[3].contains("1 deferral used;"), "{}", messages[3]);
}

#[test]
fn a_long_value_in_a_message_is_cut_inside_its_quotes() {
    use patchboard::source::coerce::shown;
    let long = "Q".repeat(500);
    assert_eq!(
        shown(&Value::String(long), 5),
        "\"QQQQQ…\"",
        "the quote closes after the cut"
    );
    assert_eq!(shown(&json!("a\"b"), 5), "\"a\\\"b\"");
    // Not a string: its JSON text, cut as it comes.
    assert_eq!(shown(&json!([1, 2, 3, 4]), 5), "[1,2,…");
}
