//! Native bodies decoded while they arrive (`Mapping::stream`) against the
//! same bodies decoded whole (`Mapping::decode_native`): however the body is
//! cut into parts, the stream gives the whole path's page and rest, or
//! declines and leaves the body to it.

use patchboard::domain::asset::AssetResult;
use patchboard::domain::endpoint::Endpoint;
use patchboard::source::body::Body;
use patchboard::source::config_read::config_from_value;
use patchboard::source::demo_gen::{generate, FleetSpec};
use patchboard::source::gather::Identified;
use patchboard::source::mapping::{DecodedPage, Mapping};
use patchboard::source::native::{document, ENDPOINTS_KEY, RESULTS_KEY};
use patchboard::source::record::Record;
use proptest::prelude::*;
use serde_json::{json, Value};

#[path = "support/parts.rs"]
mod parts;
use parts::fed_in_parts;

fn native<R: Record + Identified>() -> Mapping<R> {
    let config = config_from_value(&json!({ "preset": "native" })).expect("valid config");
    let resource = R::NATIVE.expect("a native layout").resource;
    Mapping::new(resource(&config.resources).expect("configured"))
}

type Decoded<R> = Option<(DecodedPage<R>, Value)>;

/// The body fed as it would arrive, in parts cut at `cuts`.
fn streamed<R: Record + Identified>(body: &[u8], cuts: &[usize]) -> Decoded<R> {
    let stream = native::<R>().stream().expect("the native preset streams");
    fed_in_parts(stream, body, cuts)
}

fn whole<R: Record + Identified>(body: &[u8]) -> Decoded<R> {
    native::<R>().decode_native(&String::from_utf8_lossy(
        body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body),
    ))
}

/// The stream either agrees with the whole path or declines.
fn agrees<R: Record + Identified + PartialEq + std::fmt::Debug>(
    body: &[u8],
    cuts: &[usize],
) -> bool {
    match streamed::<R>(body, cuts) {
        Some(streamed) => {
            assert_eq!(Some(streamed), whole::<R>(body));
            true
        }
        None => false,
    }
}

/// Generated results in the native format, with the layout a backend may choose.
fn results_body(seed: u64, extra: &Value, odd_items: &[Value], pretty: bool) -> Vec<u8> {
    let fleet = generate(&FleetSpec {
        assets: 40,
        endpoints: 0,
        seed,
        ..FleetSpec::default()
    });
    let results: Vec<AssetResult> = fleet.jobs.into_iter().flat_map(|job| job.results).collect();
    let mut body = document(RESULTS_KEY, fleet.generated_at, &results);
    let items = body[RESULTS_KEY].as_array_mut().expect("items");
    for (at, odd) in odd_items.iter().enumerate() {
        let at = (at * 7) % items.len();
        items[at] = odd.clone();
    }
    if let (Value::Object(body), Value::Object(extra)) = (&mut body, extra) {
        body.extend(extra.clone());
    }
    if pretty {
        serde_json::to_vec_pretty(&body).expect("JSON")
    } else {
        serde_json::to_vec(&body).expect("JSON")
    }
}

/// Items the record's decoder refuses, and text that looks like structure.
fn odd_item() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(null)),
        Just(json!(7)),
        Just(json!(-0.5e3)),
        Just(json!("a string")),
        Just(json!([])),
        Just(json!({})),
        Just(json!({ "asset_id": 7 })),
        Just(json!({ "asset_id": "a", "status": { "code": "2031" } })),
        "[\\[\\]{},:\"\\\\ a-zé€\u{1F600}]{0,12}"
            .prop_map(|name| json!({ "asset_id": "x", "asset_name": name })),
    ]
}

fn extra_members() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(
        "[a-z_]{1,8}|next|total",
        prop_oneof![
            Just(json!(null)),
            Just(json!(12)),
            Just(json!("cursor ]},\"[")),
            Just(json!({ "assets": [1, 2], "page": { "next": "b" } })),
            Just(json!([["assets"], { "x": "\\" }])),
        ],
        0..3,
    )
    .prop_map(|members| {
        Value::Object(
            members
                .into_iter()
                .filter(|(k, _)| k != RESULTS_KEY)
                .collect(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn well_formed_bodies_stream_to_the_whole_path_s_page(
        seed in 0..1000_u64,
        extra in extra_members(),
        odd_items in prop::collection::vec(odd_item(), 0..6),
        pretty in any::<bool>(),
        byte_order_mark in any::<bool>(),
        cuts in prop::collection::vec(any::<usize>(), 0..40),
    ) {
        let mut body = if byte_order_mark { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        body.extend(results_body(seed, &extra, &odd_items, pretty));
        prop_assert!(agrees::<AssetResult>(&body, &cuts), "a well-formed body streams");
    }

    #[test]
    fn damaged_bodies_stream_the_same_or_not_at_all(
        seed in 0..1000_u64,
        odd_items in prop::collection::vec(odd_item(), 0..3),
        edits in prop::collection::vec((any::<usize>(), 0..4_usize, prop::sample::select(b"[]{},:\"\\ 0a\xE9".to_vec())), 1..4),
        cuts in prop::collection::vec(any::<usize>(), 0..20),
    ) {
        let mut body = results_body(seed, &json!({ "next": "c" }), &odd_items, false);
        for (at, edit, byte) in edits {
            let at = at % (body.len() + 1);
            match edit {
                0 => body.insert(at, byte),
                1 if at < body.len() => { body.remove(at); }
                2 if at < body.len() => body[at] = byte,
                _ => body.truncate(at),
            }
        }
        agrees::<AssetResult>(&body, &cuts);
    }
}

#[test]
fn endpoints_stream_too() {
    let fleet = generate(&FleetSpec {
        assets: 0,
        endpoints: 300,
        seed: 3,
        ..FleetSpec::default()
    });
    let body = serde_json::to_vec(&document(
        ENDPOINTS_KEY,
        fleet.generated_at,
        &fleet.endpoints,
    ))
    .expect("JSON");
    let cuts: Vec<usize> = (0..body.len()).step_by(997).collect();
    assert!(agrees::<Endpoint>(&body, &cuts));
    let (page, _) = streamed::<Endpoint>(&body, &cuts).expect("streamed");
    assert_eq!(page.items.len(), fleet.endpoints.len());
}

#[test]
fn items_longer_than_a_part_are_completed_across_parts() {
    // Each repeat is 7 bytes of JSON: the items are about 7, 14 and 28 KB.
    let long =
        |repeats: usize| json!({ "asset_id": "long", "asset_name": "é\\\"x".repeat(repeats) });
    let body = results_body(
        5,
        &json!({}),
        &[long(1_000), long(2_000), long(4_000)],
        false,
    );
    for part in [2_000, 4_096, 5_000, 16_384, 65_536] {
        let cuts: Vec<usize> = (part..body.len()).step_by(part).collect();
        assert!(agrees::<AssetResult>(&body, &cuts), "parts of {part} bytes");
    }
}

#[test]
fn bodies_cut_anywhere_give_the_same_page() {
    let body = "\u{FEFF}{\"next\": \"x\\\"]\", \"assets\": [ {\"asset_id\": \"a\\\\\", \"asset_name\": \"Büro, [1]\"},\n 7 , {\"asset_id\":\"b\"} ], \"total\": 2}";
    let body = body.as_bytes();
    for cut in 0..=body.len() {
        assert!(agrees::<AssetResult>(body, &[cut]), "cut at {cut}");
    }
    let (page, rest) = streamed::<AssetResult>(body, &[]).expect("streamed");
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.errors.len(), 1, "the 7 is a bad row");
    assert_eq!(page.errors[0].index, 1);
    assert_eq!(rest, json!({ "next": "x\"]", "total": 2 }));
}

#[test]
fn bodies_the_stream_cannot_be_sure_of_are_left_to_the_whole_path() {
    let declined = [
        (
            r#"{"\u0061ssets": [{"asset_id": "a"}]}"#,
            "the key spelled with an escape",
        ),
        (
            r#"{"assets": [{"asset_id": "a"}], "assets": []}"#,
            "the key given twice",
        ),
        (r#"{"assets": {"asset_id": "a"}}"#, "not an array"),
        (r#"{"assets": [{"asset_id": "a"},]}"#, "a trailing comma"),
        (
            r#"{"assets": [{"asset_id": "a"} {"asset_id": "b"}]}"#,
            "a missing comma",
        ),
        (
            r#"{"assets": [{"asset_id": "a"]}]}"#,
            "brackets that do not match",
        ),
        (
            r#"{"assets": [{"asset_id": "a"}]} []"#,
            "text after the body",
        ),
        (
            r#"{"assets": [{"asset_id": "a"}], "next": }"#,
            "a broken member",
        ),
        (
            r#"{"assets": [{"asset_id": "a"}]"#,
            "a body that ends early",
        ),
        (r#"[{"asset_id": "a"}]"#, "no object"),
        (r#"{"other": []}"#, "no items"),
    ];
    for (body, why) in declined {
        assert!(
            streamed::<AssetResult>(body.as_bytes(), &[]).is_none(),
            "{why}"
        );
    }
    let escaped = whole::<AssetResult>(declined[0].0.as_bytes()).expect("serde reads the escape");
    assert_eq!(
        escaped.0.items.len(),
        1,
        "which the whole path still decodes"
    );
}

#[test]
fn items_are_decoded_as_they_arrive_and_not_read_again() {
    let first = br#"{"assets": [{"asset_id": "a"}, {"asset_id": "b, \"c\""}, {"asset_id": "d"#;
    let last = br#""}]}"#;
    let mut stream = native::<AssetResult>().stream().expect("native");
    stream.feed(first);
    // "d" is cut off: not a row until its end comes.
    assert_eq!(stream.rows(), 2);
    stream.feed(last);
    assert_eq!(stream.rows(), 3);
    // The body kept for the whole-body path, but with the first part's
    // items changed: a stream that read them again at the end would give these.
    let mut kept = Body::default();
    kept.push(
        br#"{"assets": [{"asset_id": "x"}, {"asset_id": "y, \"z\""}, {"asset_id": "d"#.to_vec(),
    );
    kept.push(last.to_vec());
    let (page, _) = stream.finish(&kept).expect("streamed");
    let ids: Vec<&str> = page
        .items
        .iter()
        .map(|item| item.asset_id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b, \"c\"", "d"]);
}

#[test]
fn only_the_bytes_not_yet_read_are_held() {
    const PART: usize = 100;
    let body = results_body(7, &json!({ "next": null }), &[], false);
    let parsed: Value = serde_json::from_slice(&body).expect("JSON");
    let longest_item = parsed[RESULTS_KEY]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item.to_string().len())
        .max()
        .expect("some items");
    let mut stream = native::<AssetResult>().stream().expect("native");
    let mut parts = Body::default();
    let mut most_held = 0;
    for part in body.chunks(PART) {
        stream.feed(part);
        parts.push(part.to_vec());
        most_held = most_held.max(stream.unread_len());
    }
    // At most an item cut off and the part after it, not the body so far.
    assert!(body.len() > 5 * (longest_item + PART), "{}", body.len());
    assert!(
        most_held <= longest_item + PART,
        "held {most_held} bytes; the longest item is {longest_item}"
    );
    assert_eq!(stream.finish(&parts), whole::<AssetResult>(&body));
}
