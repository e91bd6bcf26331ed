//! The native fast path (`Mapping::decode_native`) against the general path
//! (parse the body, then `Mapping::decode_page`): the same records and the
//! same row errors and left-out values for every body, and the fast path taken only where it applies.

use patchboard::domain::asset::AssetResult;
use patchboard::domain::endpoint::Endpoint;
use patchboard::source::config_read::config_from_value;
use patchboard::source::demo_gen::{generate, Fleet, FleetSpec};
use patchboard::source::gather::Identified;
use patchboard::source::mapping::{DecodedPage, Mapping};
use patchboard::source::native::{document, ENDPOINTS_KEY, RESULTS_KEY};
use patchboard::source::record::Record;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::fmt::Debug;

/// A record type under test: where its native items sit, and generated ones.
trait Native: Record + Identified + PartialEq + Debug + serde::Serialize {
    const KEY: &'static str;
    fn generated(fleet: Fleet) -> Vec<Self>;
}

impl Native for AssetResult {
    const KEY: &'static str = RESULTS_KEY;
    fn generated(fleet: Fleet) -> Vec<Self> {
        fleet.jobs.into_iter().flat_map(|job| job.results).collect()
    }
}

impl Native for Endpoint {
    const KEY: &'static str = ENDPOINTS_KEY;
    fn generated(fleet: Fleet) -> Vec<Self> {
        fleet.endpoints
    }
}

/// The record's mapping under `config`, for the resource its native layout names.
fn mapping<R: Native>(config: Value) -> Mapping<R> {
    let config = config_from_value(&config).expect("valid config");
    let resource = R::NATIVE.expect("the record has a native layout").resource;
    Mapping::new(resource(&config.resources).expect("the resource is configured"))
}

fn native_mapping<R: Native>() -> Mapping<R> {
    mapping(json!({ "preset": "native" }))
}

/// Both paths over one body: the fast one must apply and agree with the other.
fn decode_both<R: Native>(mapping: &Mapping<R>, body: &Value) -> DecodedPage<R> {
    let text = body.to_string();
    let (fast, rest) = mapping
        .decode_native(&text)
        .expect("the native path applies to a native body");
    // As a load does it: from the text (serde_json reads some floats a last
    // digit off, so the text, not `body`, is what both paths must agree on).
    let parsed: Value = serde_json::from_str(&text).expect("JSON");
    let general = mapping
        .decode_page(&parsed)
        .expect("a native body has the native shape");
    assert_eq!(fast, general);
    let mut without_items = parsed;
    without_items
        .as_object_mut()
        .expect("an object")
        .remove(R::KEY);
    assert_eq!(rest, without_items);
    let whole = (R::NATIVE
        .expect("the record has a native layout")
        .decode_all)(&text, R::KEY);
    let items = body[R::KEY].as_array().expect("items").len();
    assert_eq!(
        whole.is_some(),
        taken_whole::<R>(body) == items,
        "one pass reads the body exactly when serde takes every item whole"
    );
    fast
}

/// How many of a native body's items the record's own decoder takes whole
/// (the rest go through the field table).
fn taken_whole<R: Native>(body: &Value) -> usize {
    let decode = R::NATIVE.expect("the record has a native layout").decode;
    body[R::KEY]
        .as_array()
        .expect("items")
        .iter()
        .filter(|item| decode(&item.to_string()).is_some())
        .count()
}

/// A native document of generated records: about `count` of them.
fn demo_body<R: Native>(count: usize, seed: u64) -> Value {
    let fleet = generate(&FleetSpec {
        assets: count,
        endpoints: count,
        seed,
        ..FleetSpec::default()
    });
    let generated_at = fleet.generated_at;
    document(R::KEY, generated_at, &R::generated(fleet))
}

/// About 3,000 generated records decoded by both paths: each taken whole by
/// the fast one, none reported as a bad row.
fn generated_page<R: Native>(seed: u64) -> DecodedPage<R> {
    let body = demo_body::<R>(3_000, seed);
    let page = decode_both(&native_mapping::<R>(), &body);
    assert!(page.items.len() >= 2_900, "{} items", page.items.len());
    assert_eq!(taken_whole::<R>(&body), page.items.len());
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    page
}

#[test]
fn generated_results_decode_the_same_by_both_paths() {
    let page = generated_page::<AssetResult>(7);
    assert!(page.items.iter().any(|r| !r.history.is_empty()));
    assert!(page.items.iter().any(|r| r.facts.deferrals.is_some()));
}

#[test]
fn the_fast_path_applies_only_to_native_mappings_and_bodies() {
    let native = native_mapping::<AssetResult>();
    for not_native_body in ["[]", "{\"assets\": {}}", "{\"other\": []}", "nonsense", ""] {
        assert!(
            native.decode_native(not_native_body).is_none(),
            "{not_native_body}"
        );
    }
    let body = r#"{"assets": [{"asset_id": "a"}]}"#;
    assert!(native.decode_native(body).is_some());
    let translated = mapping::<AssetResult>(json!({
        "preset": "native",
        "resources": { "job_results": { "values": { "status_name": { "Done": "Completed" } } } }
    }));
    assert!(
        translated.decode_native(body).is_none(),
        "value maps need the field table"
    );
    let remapped = mapping::<AssetResult>(json!({
        "preset": "native",
        "resources": { "job_results": { "fields": { "asset_name": "/hostname" } } }
    }));
    assert!(
        remapped.decode_native(body).is_none(),
        "other pointers need the field table"
    );
    let nested = mapping::<AssetResult>(json!({
        "preset": "native",
        "resources": { "job_results": { "items": "/data/assets" } }
    }));
    assert!(nested
        .decode_native(r#"{"data": {"assets": []}}"#)
        .is_none());
    let qualys =
        mapping::<AssetResult>(json!({ "preset": "qualys-pm", "base_url": "https://q.example" }));
    assert!(qualys.decode_native(body).is_none());
}

#[test]
fn the_fast_path_reads_the_body_as_serde_json_would() {
    let native = native_mapping::<AssetResult>();
    assert!(
        native.decode_native(r#"{"assets": []} []"#).is_none(),
        "trailing text"
    );
    assert!(
        native
            .decode_native(r#"{"assets": [], "next": }"#)
            .is_none(),
        "broken member"
    );
    let repeated = r#"{"assets": [{"asset_id": "a"}], "next": 1, "assets": [], "next": "b"}"#;
    let (page, rest) = native.decode_native(repeated).expect("a native body");
    assert!(
        page.items.is_empty(),
        "the last of a repeated member counts"
    );
    assert_eq!(rest, json!({ "next": "b" }));
}

#[test]
fn generated_endpoints_decode_the_same_by_both_paths() {
    let page = generated_page::<Endpoint>(11);
    assert!(page.items.iter().any(|e| e.suspension.is_some()));
    assert!(page.items.iter().any(|e| e.maintenance.is_some()));
    assert!(page.items.iter().any(|e| !e.drives.is_empty()));
}

/// One endpoint item `{"id": "e1", member: value}` decoded by both paths.
fn endpoint_with(member: &str, value: Value) -> DecodedPage<Endpoint> {
    let body = json!({ "endpoints": [{ "id": "e1", member: value }] });
    decode_both(&native_mapping::<Endpoint>(), &body)
}

#[test]
fn an_empty_schedule_is_left_to_the_field_table() {
    let schedule = |maintenance: Value| {
        endpoint_with("maintenance", maintenance).items[0]
            .maintenance
            .clone()
    };
    assert_eq!(
        schedule(json!({})),
        None,
        "no member says there is a schedule"
    );
    assert_eq!(schedule(json!({ "last_window_ran_out": false })), None);
    let unnamed = schedule(json!({ "name": "" })).expect("a named schedule, if empty");
    assert!(unnamed.windows.is_empty());
    let ran_out = schedule(json!({ "last_window_ran_out": true })).expect("a schedule");
    assert!(ran_out.last_window_ran_out);
}

#[test]
fn suspensions_and_drives_are_read_from_objects_only() {
    let suspension = |value: Value| endpoint_with("suspension", value).items[0].suspension;
    assert_eq!(
        suspension(json!({ "Between": [1_790_000_000_000_u64, 1_800_000_000_000_u64] })),
        None
    );
    assert_eq!(suspension(json!({ "Cycles": [3] })), None);
    assert_eq!(
        suspension(json!({ "Cycles": { "remaining": 3 } })),
        Some(patchboard::domain::endpoint::Suspension::Cycles { remaining: 3 })
    );
    let drives = endpoint_with("drives", json!([["C:", 97.5]]));
    assert!(
        drives.items[0].drives.is_empty(),
        "a drive must be an object"
    );
    assert_eq!(drives.left_out.len(), 1);
}

/// A window or suspension that ends before it starts can never open or
/// end: both paths report it and judge no schedule or suspension by it.
#[test]
fn spans_that_end_before_they_start_are_left_out() {
    let (early, late) = (1_790_000_000_000_u64, 1_800_000_000_000_u64);
    let window = endpoint_with(
        "maintenance",
        json!({ "name": "Nightly", "windows": [{ "start": late, "end": early }] }),
    );
    assert_eq!(window.items[0].maintenance, None);
    assert!(window.items[0].unreadable.maintenance);
    assert_eq!(window.left_out.len(), 1);
    let span = endpoint_with(
        "suspension",
        json!({ "Between": { "from": late, "until": early } }),
    );
    assert_eq!(span.items[0].suspension, None);
    assert!(span.items[0].unreadable.suspension);
    assert_eq!(span.left_out.len(), 1);
    // Two different "never"s (the epoch, the year 1) are no window at all.
    let never = endpoint_with(
        "maintenance",
        json!({ "name": "Nightly", "windows": [{ "start": 0, "end": -62_135_596_800_000_i64 }] }),
    );
    let schedule = never.items[0].maintenance.as_ref().expect("the schedule");
    assert!(schedule.windows.is_empty() && never.left_out.is_empty());
}

/// A figure no drive or clock can show is a fault in the row, reported and
/// left out by both paths rather than shown as a drive 150 % full or the
/// year 292278994; the endpoint is kept.
#[test]
fn impossible_drive_shares_and_times_are_left_out() {
    for used in [json!(150), json!(-5), json!(100.01)] {
        let page = endpoint_with("drives", json!([{ "name": "C:", "used_percent": used }]));
        assert!(page.items[0].drives.is_empty(), "{used}");
        assert_eq!(page.left_out.len(), 1);
        assert!(
            page.left_out[0]
                .problem
                .contains("expected a percentage from 0 to 100"),
            "{}",
            page.left_out[0].problem
        );
    }
    for full in [json!(0), json!(100), json!(90.5)] {
        assert_eq!(
            endpoint_with("drives", json!([{ "name": "C:", "used_percent": full }]))
                .items
                .len(),
            1
        );
    }
    for time in [
        json!(8_640_000_000_000_000_i64),
        json!(-1e20),
        json!("99999999999999999999"),
    ] {
        let page = endpoint_with("last_seen", time.clone());
        assert_eq!(page.items[0].last_seen, None, "{time}");
        assert!(
            page.left_out[0].problem.contains("in the years 0 to 9999"),
            "{}",
            page.left_out[0].problem
        );
    }
    for never in [json!(0), json!(-1), json!("0001-01-01T00:00:00Z")] {
        let page = endpoint_with("last_seen", never.clone());
        assert_eq!(
            page.items[0].last_seen, None,
            "{never} is a backend's never"
        );
        assert!(page.left_out.is_empty(), "{never} is not a fault");
    }
    assert!(
        endpoint_with("last_seen", json!(1)).items[0]
            .last_seen
            .is_some(),
        "a second after 1970 began is a time"
    );
}

/// ServiceNow sends "" for every empty field: where "" cannot be read it is
/// absent, not a value to report on every row; both paths agree.
#[test]
fn a_blank_string_that_cannot_be_read_is_absent() {
    for (member, value) in [
        ("power", json!("")),
        ("connector", json!(" ")),
        ("credentials_valid", json!("")),
        ("powershell_major", json!("")),
        ("last_seen", json!("")),
        ("pending_reboot", json!("")),
    ] {
        let page = endpoint_with(member, value.clone());
        assert!(page.left_out.is_empty(), "{member}: {:?}", page.left_out);
        let endpoint = &page.items[0];
        assert_eq!(endpoint.unreadable, Default::default(), "{member}");
    }
    let page = endpoint_with("power", json!("Sleeping"));
    assert_eq!(
        page.left_out.len(),
        1,
        "a word we do not know is still reported"
    );
}

/// Go writes a window struct left at its zero value with both ends in the
/// year 1: that is no window, not one that ended then; a window with one
/// real end is kept as sent.
#[test]
fn a_window_whose_ends_are_both_never_is_no_window() {
    let zero = json!({ "start": "0001-01-01T00:00:00Z", "end": "0001-01-01T00:00:00Z" });
    let real = json!({ "start": 1_796_500_000_000_i64, "end": 1_796_510_000_000_i64 });
    let half = json!({ "start": "0001-01-01T00:00:00Z", "end": 1_796_510_000_000_i64 });
    let windows = |list: Value| {
        let page = endpoint_with("maintenance", json!({ "name": "Weekly", "windows": list }));
        assert!(page.left_out.is_empty(), "{:?}", page.left_out);
        page.items[0]
            .maintenance
            .clone()
            .expect("a schedule")
            .windows
            .len()
    };
    assert_eq!(windows(json!([zero.clone(), real.clone()])), 1);
    assert_eq!(windows(json!([zero])), 0, "a schedule with no window");
    assert_eq!(windows(json!([half])), 1);
    // As epoch numbers, which the native path reads itself.
    let zero_epoch = json!({ "start": -62_135_596_800_000_i64, "end": 0 });
    assert_eq!(windows(json!([zero_epoch, real])), 1);
    assert_eq!(
        taken_whole::<Endpoint>(&json!({ "endpoints": [{ "id": "e1",
        "maintenance": { "name": "Weekly", "windows": [
            { "start": -62_135_596_800_000_i64, "end": -62_135_596_800_000_i64 },
            { "start": 1_796_500_000_000_i64, "end": 1_796_510_000_000_i64 }
        ] } }] })),
        1,
        "the native path takes it whole"
    );
}

/// Members of a native asset item, and some that are not there.
const RESULT_PATHS: &[&[&str]] = &[
    &["asset_id"],
    &["asset_name"],
    &["os"],
    &["status"],
    &["status", "code"],
    &["status", "state"],
    &["status", "name"],
    &["status_time"],
    &["patches"],
    &["patches", "failed"],
    &["patches", "total"],
    &["facts"],
    &["facts", "blocking_job"],
    &["facts", "deferrals"],
    &["facts", "deferrals", "used"],
    &["facts", "pending_stage"],
    &["facts", "timeout_reason"],
    &["history"],
    &["history", "0"],
    &["history", "0", "at"],
    &["history", "0", "status"],
    &["history", "0", "status", "code"],
    &["succeeded_patches"],
    &["failed_patches", "0"],
    &["unknown_member"],
];

/// Members of a native endpoint item, and some that are not there.
const ENDPOINT_PATHS: &[&[&str]] = &[
    &["id"],
    &["name"],
    &["os"],
    &["connector"],
    &["credentials_valid"],
    &["power"],
    &["os_supported"],
    &["maintenance"],
    &["maintenance", "name"],
    &["maintenance", "windows"],
    &["maintenance", "windows", "0"],
    &["maintenance", "windows", "0", "start"],
    &["maintenance", "last_window_ran_out"],
    &["suspension"],
    &["suspension", "Cycles"],
    &["suspension", "Cycles", "remaining"],
    &["suspension", "Between"],
    &["suspension", "Between", "from"],
    &["suspension", "Between", "until"],
    &["powershell_major"],
    &["powershell_policy"],
    &["readiness"],
    &["readiness", "packages_missing"],
    &["readiness", "wsus_last_report"],
    &["pending_user_action"],
    &["pending_reboot"],
    &["drives"],
    &["drives", "0"],
    &["drives", "0", "name"],
    &["drives", "0", "used_percent"],
    &["last_seen"],
    &["reported_exemptions"],
    &["reported_exemptions", "0"],
    &["unknown_member"],
];

/// Values a backend might put anywhere: right and wrong types, edge numbers.
fn odd_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u16>().prop_map(|n| json!(n)),
        (0.0..3000.0_f64).prop_map(|f| json!(f)),
        Just(json!(2031.0)),
        Just(json!(1.79e12)),
        Just(json!("")),
        Just(json!("2031")),
        Just(json!(" 7 ")),
        Just(json!("2026-11-20T04:00:00Z")),
        Just(json!("AvailableForDownload")),
        Just(json!("Connected")),
        Just(json!("Off")),
        Just(json!({ "remaining": 2 })),
        Just(json!({ "from": 1.79e12, "until": "2026-11-20T04:00:00Z" })),
        Just(json!({ "Cycles": { "remaining": 2 } })),
        Just(json!({ "Between": [1.79e12, 1.8e12] })),
        Just(json!({ "name": "C:", "used_percent": 97.5 })),
        "[a-zA-Z0-9 ]{0,8}".prop_map(Value::String),
        Just(json!({})),
        Just(json!([])),
        // serde's derive would read these as a struct and as an enum variant.
        Just(json!(["x", 7, 1.79e12])),
        Just(json!({ "Preparing": null })),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}|at|code|used|available", inner, 0..3)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Sets (or with `None` removes) the member at `path`, creating objects on the way.
fn mutate(item: &mut Value, path: &[&str], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = item;
    for key in parents {
        if let Value::Array(items) = at {
            let Some(next) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) else {
                return;
            };
            at = next;
            continue;
        }
        if !at.is_object() {
            *at = json!({});
        }
        at = at
            .as_object_mut()
            .expect("just made an object")
            .entry(*key)
            .or_insert_with(|| json!({}));
    }
    match (at, value) {
        (Value::Object(map), Some(value)) => {
            map.insert((*last).to_owned(), value);
        }
        (Value::Object(map), None) => {
            map.remove(*last);
        }
        (Value::Array(items), value) => {
            if let Some(slot) = last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *slot = value.unwrap_or(Value::Null);
            }
        }
        _ => {}
    }
}

/// Generated items with `mutations` (row, path, new value or removal) applied.
fn mutated_body<R: Native>(
    seed: u64,
    paths: &[&[&str]],
    mutations: Vec<(usize, usize, Option<Value>)>,
) -> Value {
    let mut body = demo_body::<R>(40, seed);
    let items = body[R::KEY].as_array_mut().expect("items");
    let count = items.len();
    for (row, path, value) in mutations {
        mutate(&mut items[row % count], paths[path % paths.len()], value);
    }
    body
}

fn mutations() -> impl Strategy<Value = Vec<(usize, usize, Option<Value>)>> {
    prop::collection::vec(
        (
            0..40_usize,
            0..64_usize,
            prop::option::weighted(0.8, odd_value()),
        ),
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mutated_results_decode_the_same_by_both_paths(seed in any::<u64>(), mutations in mutations()) {
        let body = mutated_body::<AssetResult>(seed, RESULT_PATHS, mutations);
        decode_both(&native_mapping::<AssetResult>(), &body);
    }

    #[test]
    fn mutated_endpoints_decode_the_same_by_both_paths(seed in any::<u64>(), mutations in mutations()) {
        let body = mutated_body::<Endpoint>(seed, ENDPOINT_PATHS, mutations);
        decode_both(&native_mapping::<Endpoint>(), &body);
    }
}
