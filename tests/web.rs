//! The shared domain running in a real browser (wasm32, headless Chromium):
//! the same code the host tests cover, compiled to WebAssembly.
#![cfg(target_arch = "wasm32")]

use patchboard::domain::asset::RawStatus;
use patchboard::domain::derive::{derive_exemptions, DerivationPolicy};
use patchboard::domain::endpoint::{Drive, Endpoint};
use patchboard::domain::exemption::ExemptionKind;
use patchboard::domain::status::{resolve, ResolvedStatus, StatusKey};
use patchboard::domain::time::Timestamp;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn statuses_resolve_in_the_browser() {
    let downloaded = RawStatus {
        code: Some(2031),
        state: Some(1),
        name: None,
        ..RawStatus::default()
    };
    assert_eq!(resolve(&downloaded).key(), Some(StatusKey::Downloaded));
    let bare = RawStatus {
        code: Some(2031),
        state: None,
        name: None,
        ..RawStatus::default()
    };
    assert!(matches!(
        resolve(&bare),
        ResolvedStatus::Ambiguous { code: 2031 }
    ));
}

#[wasm_bindgen_test]
fn exemptions_derive_with_the_browser_clock() {
    let now = Timestamp::from_millis(js_sys::Date::now() as i64);
    let endpoint = Endpoint {
        name: "web-01".into(),
        os: "Windows Server 2022".into(),
        powershell_major: Some(2),
        drives: vec![Drive {
            name: "C:".into(),
            used_percent: 90.0,
        }],
        ..Endpoint::default()
    };
    let derived = derive_exemptions(&endpoint, now, &DerivationPolicy::default());
    assert!(derived
        .exemptions()
        .contains(ExemptionKind::UnsupportedPowerShellVersion));
    assert!(derived.low_disk_space().is_some());
}

#[wasm_bindgen_test]
fn fragment_locations_round_trip() {
    use patchboard::ui::router::{Location, Route};
    let location = Location::from_fragment("#/jobs/job%2F7?status=2031-1&q=web+01");
    assert_eq!(location.route, Route::Job { id: "job/7".into() });
    assert_eq!(location.query.get("q"), Some("web 01"));
    assert_eq!(Location::from_fragment(&location.to_fragment()), location);
    // A "+" is a space in a query only, as a form writes it.
    assert_eq!(
        Location::from_fragment("#/jobs/kb+5038").route,
        Route::Job {
            id: "kb+5038".into()
        }
    );
    // A link's bidi override is shown, as a backend's is, not obeyed.
    let reversed = Location::from_fragment("#/exemptions?reason=%E2%80%AEffO%20derewoP");
    assert_eq!(reversed.query.get("reason"), Some("\u{FFFD}ffO derewoP"));
    assert_eq!(
        Location::from_fragment("#/jobs/%E2%80%AEelbaliava-ton").route,
        Route::Job {
            id: "\u{FFFD}elbaliava-ton".into()
        }
    );
}

/// A response body that arrives in `parts`, as a server's would.
fn body_in_parts(parts: &[&[u8]]) -> web_sys::ReadableStream {
    use wasm_bindgen::JsCast;
    let chunks = js_sys::Array::new();
    for part in parts {
        chunks.push(&js_sys::Uint8Array::from(*part));
    }
    js_sys::Function::new_with_args(
        "chunks",
        "return new ReadableStream({ start(c) { chunks.forEach((x) => c.enqueue(x)); c.close(); } });",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &chunks)
    .expect("a stream")
    .unchecked_into()
}

#[wasm_bindgen_test]
async fn native_bodies_are_decoded_part_by_part_as_they_arrive() {
    use patchboard::domain::asset::AssetResult;
    use patchboard::source::config_read::config_from_value;
    use patchboard::source::http::read_stream;
    use patchboard::source::mapping::Mapping;

    let config = config_from_value(&serde_json::json!({ "preset": "native" })).expect("valid");
    let mapping = Mapping::<AssetResult>::new(config.resources.job_results.as_ref().expect("set"));
    // The last part starts inside the two bytes of "é".
    let parts: [&[u8]; 3] = [
        br#"{"next": "x", "assets": [{"asset_id": "a"}, {"ass"#,
        b"et_id\": \"b\"}, 7, {\"asset_id\": \"c\xC3",
        b"\xA9\"}]}",
    ];
    let mut streamed = mapping.stream().expect("the native preset streams");
    let mut arrived = Vec::new();
    let body = read_stream(body_in_parts(&parts), usize::MAX, &mut |part| {
        arrived.push(part.to_vec());
        streamed.feed(part);
    })
    .await
    .expect("read");
    assert_eq!(arrived, parts, "each part as it came");
    assert_eq!(body.bytes(0..body.len()), parts.concat());
    let (page, rest) = streamed.finish(&body).expect("streamed");
    let ids: Vec<&str> = page.items.iter().map(|r| r.asset_id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "cé"]);
    assert_eq!(page.errors.len(), 1, "the 7 is reported");
    assert_eq!(page.errors[0].index, 2);
    assert_eq!(rest, serde_json::json!({ "next": "x" }));
}

#[wasm_bindgen_test]
async fn a_body_without_end_is_given_up_at_the_limit() {
    use patchboard::source::http::{read_stream, ReadFailure};
    use wasm_bindgen::JsCast;
    // 1 KiB parts of "[" and spaces, for as long as they are asked for.
    let endless: web_sys::ReadableStream = js_sys::Function::new_no_args(
        "const part = new Uint8Array(1024).fill(32); part[0] = 91; \
         return new ReadableStream({ pull(c) { c.enqueue(part.slice()); } });",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("a stream")
    .unchecked_into();
    let mut seen = 0;
    let read = read_stream(endless, 10 * 1024, &mut |part| seen += part.len()).await;
    assert_eq!(read.err(), Some(ReadFailure::TooLarge));
    assert_eq!(
        seen,
        10 * 1024,
        "the parts up to the limit were handed on, none past it"
    );
}
