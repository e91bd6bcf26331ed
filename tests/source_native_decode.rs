//! The native fast path (`Mapping::decode_native`) against the general path
//! (parse the body, then `Mapping::decode_page`): the same records and the
//! same row errors for every body, and the fast path taken only where it applies.

use patchboard::domain::asset::AssetResult;
use patchboard::source::config_read::config_from_value;
use patchboard::source::demo_gen::{generate, FleetSpec};
use patchboard::source::mapping::{DecodedPage, Mapping};
use patchboard::source::native::{document, RESULTS_KEY};
use proptest::prelude::*;
use serde_json::{json, Value};

fn results_mapping(config: Value) -> Mapping<AssetResult> {
    let config = config_from_value(&config).expect("valid config");
    Mapping::new(config.resources.job_results.as_ref().expect("results"))
}

fn native_mapping() -> Mapping<AssetResult> {
    results_mapping(json!({ "preset": "native" }))
}

/// Both paths over one body: the fast one must apply and agree with the other.
fn decode_both(mapping: &Mapping<AssetResult>, body: &Value) -> DecodedPage<AssetResult> {
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
        .remove(RESULTS_KEY);
    assert_eq!(rest, without_items);
    fast
}

fn demo_body(assets: usize, seed: u64) -> Value {
    let fleet = generate(&FleetSpec {
        assets,
        endpoints: 1,
        seed,
        ..FleetSpec::default()
    });
    let results: Vec<AssetResult> = fleet.jobs.into_iter().flat_map(|job| job.results).collect();
    document(RESULTS_KEY, fleet.generated_at, &results)
}

#[test]
fn generated_results_decode_the_same_by_both_paths() {
    let body = demo_body(3_000, 7);
    let page = decode_both(&native_mapping(), &body);
    assert!(page.items.len() >= 2_900, "{} items", page.items.len());
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    assert!(page.items.iter().any(|r| !r.history.is_empty()));
    assert!(page.items.iter().any(|r| r.facts.deferrals.is_some()));
}

#[test]
fn the_fast_path_applies_only_to_native_mappings_and_bodies() {
    let native = native_mapping();
    for not_native_body in ["[]", "{\"assets\": {}}", "{\"other\": []}", "nonsense", ""] {
        assert!(
            native.decode_native(not_native_body).is_none(),
            "{not_native_body}"
        );
    }
    let body = r#"{"assets": [{"asset_id": "a"}]}"#;
    assert!(native.decode_native(body).is_some());
    let translated = results_mapping(json!({
        "preset": "native",
        "resources": { "job_results": { "values": { "status_name": { "Done": "Completed" } } } }
    }));
    assert!(
        translated.decode_native(body).is_none(),
        "value maps need the field table"
    );
    let remapped = results_mapping(json!({
        "preset": "native",
        "resources": { "job_results": { "fields": { "asset_name": "/hostname" } } }
    }));
    assert!(
        remapped.decode_native(body).is_none(),
        "other pointers need the field table"
    );
    let nested = results_mapping(json!({
        "preset": "native",
        "resources": { "job_results": { "items": "/data/assets" } }
    }));
    assert!(nested
        .decode_native(r#"{"data": {"assets": []}}"#)
        .is_none());
    let qualys = results_mapping(json!({ "preset": "qualys-pm", "base_url": "https://q.example" }));
    assert!(qualys.decode_native(body).is_none());
}

/// Members of a native asset item, and some that are not there.
const PATHS: &[&[&str]] = &[
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mutated_items_decode_the_same_by_both_paths(
        seed in any::<u64>(),
        mutations in prop::collection::vec(
            (0..40_usize, 0..PATHS.len(), prop::option::weighted(0.8, odd_value())),
            1..12,
        ),
    ) {
        let mut body = demo_body(40, seed);
        let items = body[RESULTS_KEY].as_array_mut().expect("items");
        let count = items.len();
        for (row, path, value) in mutations {
            mutate(&mut items[row % count], PATHS[path], value);
        }
        decode_both(&native_mapping(), &body);
    }
}
