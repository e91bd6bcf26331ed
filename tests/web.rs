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
    };
    assert_eq!(resolve(&downloaded).key(), Some(StatusKey::Downloaded));
    let bare = RawStatus {
        code: Some(2031),
        state: None,
        name: None,
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
}
