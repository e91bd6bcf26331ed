//! Fuzzing the parts of Patchboard that read untrusted input: configuration
//! text and values, backend bodies decoded through every bundled preset (and
//! native bodies decoded while they arrive), exemption derivation from arbitrary endpoint facts, and status resolution.
//!
//! Each property runs 100,000 cases, so every property is `#[ignore]`d and
//! left out of the default test run (the panics they found, kept below as
//! plain cases, are not). Run them with
//!
//! ```text
//! cargo test --release --test fuzz_inputs -- --ignored
//! ```
//!
//! The release profile has no overflow checks; a shorter pass in the dev
//! profile catches arithmetic overflow too:
//! `FUZZ_CASES=5000 cargo test --test fuzz_inputs -- --ignored`.
//!
//! A property that fails is an app bug: a panic on input the app may be given.

use patchboard::domain::asset::{AssetResult, RawStatus};
use patchboard::domain::derive::{derive_exemptions, DerivationPolicy, MaintenanceReported};
use patchboard::domain::endpoint::Endpoint;
use patchboard::domain::job::{Job, JobRun};
use patchboard::domain::status::{resolve, resolve_key};
use patchboard::domain::time::Timestamp;
use patchboard::source::config::{Config, Resource};
use patchboard::source::config_read::{config_from_value, read_config};
use patchboard::source::gather::Identified;
use patchboard::source::mapping::Mapping;
use patchboard::source::record::Record;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Map, Number, Value};
use std::time::Duration;

#[path = "support/parts.rs"]
mod parts;
mod support;

/// Cases per property; `FUZZ_CASES` overrides it (a quick debug-build pass
/// with overflow checks on, say).
const CASES: u32 = 100_000;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

fn fuzz_config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Shrinking a 100,000-case run can take long; a failure still reports
        // the input that failed, shrunk within this budget.
        max_shrink_iters: 20_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// JSON strategies

/// Object keys: mostly words the app's configs and bodies use, so the
/// validators and decoders get past their first check, sometimes anything.
const KEYS: &[&str] = &[
    // configuration
    "preset",
    "base_url",
    "refresh_seconds",
    "stuck_after_hours",
    "wsus_report_max_days",
    "missing_wsus_report_is_problem",
    "headers",
    "credentials",
    "resources",
    "jobs",
    "job_runs",
    "job_results",
    "endpoints",
    "url",
    "method",
    "body",
    "items",
    "fields",
    "values",
    "paging",
    "mode",
    "start",
    "size",
    "end",
    "pointer",
    "response_header",
    "request_header",
    "max_items",
    "timeout_seconds",
    // native bodies
    "generated_at",
    "runs",
    "assets",
    "id",
    "name",
    "platform",
    "status",
    "schedule",
    "last_run",
    "next_run",
    "asset_count",
    "completion_percent",
    "succeeded",
    "failed",
    "in_progress",
    "scheduled",
    "asset_id",
    "asset_name",
    "os",
    "code",
    "state",
    "status_time",
    "patches",
    "superseded",
    "not_applicable",
    "total",
    "facts",
    "blocking_job",
    "deferrals",
    "used",
    "available",
    "pending_stage",
    "timeout_reason",
    "history",
    "at",
    "succeeded_patches",
    "failed_patches",
    "connector",
    "credentials_valid",
    "power",
    "os_supported",
    "maintenance",
    "windows",
    "last_window_ran_out",
    "suspension",
    "Cycles",
    "remaining",
    "Between",
    "from",
    "until",
    "powershell_major",
    "powershell_policy",
    "readiness",
    "advisories_missing",
    "packages_missing",
    "wrong_repositories",
    "subscription_missing",
    "wsus_last_report",
    "pending_user_action",
    "pending_reboot",
    "drives",
    "used_percent",
    "last_seen",
    "reported_exemptions",
    // qualys-pm bodies
    "asset",
    "operatingSystem",
    "statusCode",
    "statusDateTime",
    "successPatches",
    "failedPatches",
    "supersededPatches",
    "notApplicablePatches",
    "totalPatchCount",
    "jobInstanceId",
    "scheduledDateTime",
    "scheduleType",
    "lastScheduleDateTime",
    "nextScheduleDateTime",
    "completionPercent",
    "totalAssetCount",
    "applicableAssetCount",
];

/// Arbitrary text: any Unicode, or printable ASCII only (to explore past a
/// known panic on multi-byte text).
fn any_text(ascii: bool) -> BoxedStrategy<String> {
    if ascii {
        "[ -~]{0,80}".boxed()
    } else {
        any::<String>().boxed()
    }
}

/// Strings: words the app maps (presets, enum names, statuses, dates), numbers
/// as text, and arbitrary text.
fn json_string(ascii: bool) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(vec![
            "native", "qualys-pm", "GET", "POST", "omit", "same-origin", "include", "none",
            "page_number", "offset_limit", "next_in_body", "link_header", "cursor_header", "short_page",
            "empty_page", "{base_url}/x?p={page}&s={page_size}", "{base_url}/{job_id}/{run_id}",
            "{cursor}", "{offset}{limit}", "/", "", "/a~1b/m~0n/0", "/status/code", "~", "/~2",
            "On", "Off", "Suspended", "Unknown", "Connected", "Down", "Preparing",
            "AvailableForDownload", "Completed", "Job Failed", "Pending", "true", "yes", "0", "1",
            "-1", "42", "1e400", "NaN", "18446744073709551616", "2024-06-10T12:00:00.250+02:00",
            "2024-02-30T25:61:61Z", "9999999-01-01T00:00:00Z", "+275760-09-13T00:00:00Z",
            "Low Disk Space", "Execution Blocked", "<img src=x onerror=alert(1)>",
        ])
        .prop_map(str::to_owned),
        2 => any_text(ascii),
        1 => "[0-9 .eE+-]{0,24}",
    ]
}

fn json_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        proptest::sample::select(vec![
            json!(0),
            json!(1),
            json!(-1),
            json!(i64::MIN),
            json!(i64::MAX),
            json!(u64::MAX),
            json!(u32::MAX as u64 + 1),
            json!(65_536),
            json!(256),
            json!(2036),
            json!(1e300),
            json!(-1e300),
            json!(0.5),
            json!(8.64e15),
            json!(8.64e15 + 1.0),
        ]),
    ]
}

fn json_leaf(ascii: bool) -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        json_number(),
        json_string(ascii).prop_map(Value::String),
    ]
}

fn json_key(ascii: bool) -> impl Strategy<Value = String> {
    prop_oneof![
        5 => proptest::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        1 => any_text(ascii),
    ]
}

/// Any JSON value, nested up to 6 levels, objects keyed mostly by known words.
fn json_value(ascii: bool) -> impl Strategy<Value = Value> {
    json_leaf(ascii).prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((json_key(ascii), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An item of a list body: an object whose keys are known words.
fn json_item(ascii: bool) -> impl Strategy<Value = Value> {
    prop::collection::vec((json_key(ascii), json_value(ascii)), 0..12)
        .prop_map(|entries| Value::Object(entries.into_iter().collect()))
}

/// A body: anything, a bare list of items, or the native envelope with lists
/// under every key a preset reads items from.
fn json_body(ascii: bool) -> impl Strategy<Value = Value> {
    let items = || {
        prop_oneof![
            3 => prop::collection::vec(json_item(ascii), 0..10),
            1 => prop::collection::vec(json_value(ascii), 0..10),
        ]
    };
    prop_oneof![
        1 => json_value(ascii),
        2 => items().prop_map(Value::Array),
        3 => (items(), json_value(ascii)).prop_map(|(list, generated_at)| {
            let list = Value::Array(list);
            json!({
                "generated_at": generated_at,
                "jobs": list.clone(),
                "runs": list.clone(),
                "assets": list.clone(),
                "endpoints": list,
            })
        }),
    ]
}

/// A value shaped like a configuration, so validation goes past the top level.
fn config_like(ascii: bool) -> impl Strategy<Value = Value> {
    let resource = (
        prop::option::of(json_string(ascii)),
        prop::option::of(json_string(ascii)),
        prop::option::of(json_value(ascii)),
        prop::option::of(json_value(ascii)),
        prop::option::of(json_value(ascii)),
        prop::option::of(json_number()),
        prop::option::of(json_number()),
        prop::option::of(json_value(ascii)),
    )
        .prop_map(
            |(url, items, fields, values, paging, max_items, timeout, body)| {
                let mut resource = Map::new();
                let mut put = |key: &str, value: Option<Value>| {
                    if let Some(value) = value {
                        resource.insert(key.to_owned(), value);
                    }
                };
                put("url", url.map(Value::String));
                put("items", items.map(Value::String));
                put("fields", fields);
                put("values", values);
                put("paging", paging);
                put("max_items", max_items);
                put("timeout_seconds", timeout);
                put("body", body);
                Value::Object(resource)
            },
        );
    let resource_or_any = prop_oneof![3 => resource, 1 => json_value(ascii)];
    (
        prop::option::of(json_value(ascii)),
        prop::option::of(json_value(ascii)),
        prop::option::of(json_value(ascii)),
        prop::option::of(json_value(ascii)),
        prop::collection::vec(
            (
                proptest::sample::select(vec!["jobs", "job_runs", "job_results", "endpoints", "x"]),
                resource_or_any,
            ),
            0..5,
        ),
        prop::option::of(json_value(ascii)),
    )
        .prop_map(
            |(preset, base_url, refresh, credentials, resources, headers)| {
                let mut config = Map::new();
                let mut put = |key: &str, value: Option<Value>| {
                    if let Some(value) = value {
                        config.insert(key.to_owned(), value);
                    }
                };
                put("preset", preset);
                put("base_url", base_url);
                put("refresh_seconds", refresh);
                put("credentials", credentials);
                put("headers", headers);
                put(
                    "resources",
                    Some(Value::Object(
                        resources
                            .into_iter()
                            .map(|(key, value)| (key.to_owned(), value))
                            .collect(),
                    )),
                );
                Value::Object(config)
            },
        )
}

/// A configuration naming a preset: preset and base_url mostly valid.
fn preset_config_like(ascii: bool) -> impl Strategy<Value = Value> {
    (
        proptest::sample::select(vec!["native", "qualys-pm"]),
        json_string(ascii),
        config_like(ascii),
    )
        .prop_map(|(preset, base_url, mut config)| {
            config["preset"] = json!(preset);
            config["base_url"] = json!(base_url);
            config
        })
}

// ---------------------------------------------------------------------------
// 1. Configuration

fn check_config(config: &Result<Config, Vec<patchboard::source::config::ConfigProblem>>) {
    if let Err(problems) = config {
        assert!(
            !problems.is_empty(),
            "an invalid configuration names at least one problem"
        );
        for problem in problems {
            // Display never panics either.
            let _ = problem.to_string();
        }
    }
}

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn read_config_never_panics_on_arbitrary_text(text in any::<String>()) {
        check_config(&read_config(&text));
    }

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn read_config_never_panics_on_json_text(value in prop_oneof![json_value(false), config_like(false)], cut in any::<prop::sample::Index>()) {
        let text = value.to_string();
        check_config(&read_config(&text));
        // The same text cut anywhere (truncated JSON) is reported, not a panic.
        let mut end = cut.index(text.len() + 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        check_config(&read_config(&text[..end]));
    }

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn config_from_value_never_panics(value in prop_oneof![1 => json_value(false), 2 => config_like(false), 2 => preset_config_like(false)]) {
        check_config(&config_from_value(&value));
    }

    /// The same with ASCII text only, so the fuzzer explores past the
    /// multi-byte truncation panic (see the report) to anything else.
    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn config_from_value_never_panics_ascii(value in prop_oneof![1 => json_value(true), 2 => config_like(true), 2 => preset_config_like(true)]) {
        check_config(&config_from_value(&value));
        check_config(&read_config(&value.to_string()));
    }
}

// ---------------------------------------------------------------------------
// 2. Bodies through every bundled preset's resources

fn presets() -> &'static [Config] {
    static PRESETS: std::sync::OnceLock<Vec<Config>> = std::sync::OnceLock::new();
    PRESETS.get_or_init(|| ["native", "qualys-pm"].map(preset).to_vec())
}

fn preset(name: &str) -> Config {
    config_from_value(&json!({ "preset": name, "base_url": "https://backend.example" }))
        .unwrap_or_else(|problems| panic!("the bundled preset {name} is valid: {problems:?}"))
}

/// The number of array elements anywhere in `value`: no decoded list can
/// hold more entries than the body had.
fn array_elements(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.len() + items.iter().map(array_elements).sum::<usize>(),
        Value::Object(map) => map.values().map(array_elements).sum(),
        _ => 0,
    }
}

/// Decodes `body` through `resource` as `R` and checks the page accounts for
/// every row exactly once. Returns the decoded records.
fn decode_checked<R: Record + Identified>(resource: &Resource, body: &Value) -> Vec<R> {
    let mapping = Mapping::<R>::new(resource);
    let rows = mapping.items(body).map(<[Value]>::len);
    match mapping.decode_page(body) {
        Ok(page) => {
            let rows = rows.expect("decode_page succeeded, so items() finds the array");
            assert!(page.items.len() <= rows, "more records than rows");
            assert_eq!(
                page.items.len() + page.errors.len(),
                rows,
                "every row is a record or an error"
            );
            let mut last = None;
            for error in &page.errors {
                assert!(
                    error.index < rows,
                    "a row error's index is a row: {error:?}"
                );
                assert!(
                    last.is_none_or(|l| l < error.index),
                    "row errors are in order, once each"
                );
                last = Some(error.index);
                let _ = error.to_string();
            }
            for (value, next) in page.left_out.iter().zip(page.left_out.iter().skip(1)) {
                assert!(
                    value.index <= next.index,
                    "left-out values are in row order"
                );
            }
            for value in &page.left_out {
                assert!(
                    value.index < rows && page.errors.iter().all(|e| e.index != value.index),
                    "a value is left out of a row that was kept: {value:?}"
                );
                let _ = value.to_string();
            }
            page.items
        }
        Err(error) => {
            assert!(
                rows.is_err(),
                "decode_page failed but items() found the array"
            );
            let _ = error.to_string();
            Vec::new()
        }
    }
}

fn decode_through(config: &Config, body: &Value) {
    let bound = array_elements(body);
    let resources = &config.resources;
    if let Some(resource) = &resources.jobs {
        let jobs: Vec<Job> = decode_checked(resource, body);
        for job in &jobs {
            for time in [job.last_run, job.next_run].into_iter().flatten() {
                let _ = time.format_utc();
                let _ = time.to_rfc3339();
            }
        }
    }
    if let Some(resource) = &resources.job_runs {
        let runs: Vec<JobRun> = decode_checked(resource, body);
        for run in runs.iter().filter_map(|run| run.scheduled) {
            let _ = run.format_utc();
        }
    }
    if let Some(resource) = &resources.job_results {
        let results: Vec<AssetResult> = decode_checked(resource, body);
        for result in &results {
            let nested =
                result.history.len() + result.succeeded_patches.len() + result.failed_patches.len();
            assert!(
                nested <= bound,
                "an asset's lists ({nested}) exceed the body's array elements ({bound})"
            );
            let _ = resolve(&result.status).label();
            for change in &result.history {
                let _ = resolve(&change.status).label();
                let _ = change.at.format_utc();
            }
        }
    }
    if let Some(resource) = &resources.endpoints {
        let endpoints: Vec<Endpoint> = decode_checked(resource, body);
        for endpoint in &endpoints {
            let windows = endpoint.maintenance.as_ref().map_or(0, |m| m.windows.len());
            let nested = endpoint.drives.len() + windows + endpoint.reported_exemptions.len();
            assert!(
                nested <= bound,
                "an endpoint's lists ({nested}) exceed the body's array elements ({bound})"
            );
            exercise_derivation(
                endpoint,
                Timestamp(1_750_000_000_000),
                &DerivationPolicy::default(),
            );
        }
    }
}

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn decoding_any_body_through_every_preset_never_panics(body in json_body(false)) {
        for config in presets() {
            decode_through(config, &body);
        }
    }

    /// The same with ASCII text only, so the fuzzer explores past the
    /// multi-byte truncation panic (see the report) to anything else.
    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn decoding_any_body_through_every_preset_never_panics_ascii(body in json_body(true)) {
        for config in presets() {
            decode_through(config, &body);
        }
    }
}

/// Feeds `body` to the native stream as it would arrive, in parts cut at `cuts`:
/// what the stream gives must be what the whole body gives.
fn stream_checked<R: Record + Identified + PartialEq + std::fmt::Debug>(
    body: &[u8],
    cuts: &[usize],
) {
    let native = preset("native");
    let resource = R::NATIVE.expect("a native layout").resource;
    let mapping =
        Mapping::<R>::new(resource(&native.resources).expect("the native preset reads it"));
    let stream = mapping.stream().expect("the native preset streams");
    if let Some(streamed) = parts::fed_in_parts(stream, body, cuts) {
        let text = patchboard::source::body_text::body_text(body);
        assert_eq!(Some(streamed), mapping.decode_native(&text));
    }
}

/// A body as bytes: JSON written out, then maybe cut short or given a stray byte.
fn body_bytes(ascii: bool) -> impl Strategy<Value = Vec<u8>> {
    (
        json_body(ascii),
        any::<prop::sample::Index>(),
        0..3_usize,
        any::<u8>(),
    )
        .prop_map(|(body, at, damage, byte)| {
            let mut bytes = body.to_string().into_bytes();
            let at = at.index(bytes.len() + 1);
            match damage {
                0 => bytes.truncate(at),
                1 => bytes.insert(at, byte),
                _ => {}
            }
            bytes
        })
}

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn streaming_any_body_agrees_with_the_whole_body(
        body in body_bytes(false),
        cuts in prop::collection::vec(any::<usize>(), 0..8),
    ) {
        stream_checked::<AssetResult>(&body, &cuts);
        stream_checked::<Endpoint>(&body, &cuts);
    }
}

// ---------------------------------------------------------------------------
// 3. Exemption derivation on arbitrary endpoint facts

fn timestamp() -> impl Strategy<Value = Timestamp> + Clone {
    prop_oneof![
        2 => any::<i64>(),
        1 => proptest::sample::select(vec![i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX,
                                            8_640_000_000_000_000, -8_640_000_000_000_000,
                                            8_640_000_000_000_001, 253_402_300_800_000]),
        2 => 1_700_000_000_000_i64..1_800_000_000_000,
    ]
    .prop_map(Timestamp)
}

fn policy() -> impl Strategy<Value = DerivationPolicy> {
    (
        prop_oneof![
            3 => (0_u64..400 * 24 * 3600).prop_map(Duration::from_secs),
            1 => any::<u64>().prop_map(Duration::from_millis),
        ],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(wsus_report_max_age, missing_wsus_report_is_problem, schedules, windows)| {
                DerivationPolicy {
                    wsus_report_max_age,
                    missing_wsus_report_is_problem,
                    maintenance: MaintenanceReported { schedules, windows },
                }
            },
        )
}

/// Derives, and uses every part of the result the UI uses.
fn exercise_derivation(endpoint: &Endpoint, now: Timestamp, policy: &DerivationPolicy) {
    let derived = derive_exemptions(endpoint, now, policy);
    let listed: Vec<_> = derived.iter().collect();
    assert!(listed.len() <= 64, "one entry per exemption kind at most");
    for exemption in &listed {
        if let Some(evidence) = exemption.evidence {
            let _ = evidence.to_string();
        }
    }
    if let Some(warning) = derived.low_disk_space() {
        if let Some(fullest) = warning.fullest {
            let _ = fullest.describe(endpoint);
        }
    }
    assert!(
        derived.unknown_reported().len() <= endpoint.reported_exemptions.len(),
        "unknown reported names are a subset of the reported names"
    );
    let _ = derived.outlook();
    let _ = derived.has_warnings();
    for time in [endpoint.last_seen, endpoint.readiness.wsus_last_report]
        .into_iter()
        .flatten()
    {
        let _ = time.format_utc();
        let _ = time.format_relative(now);
    }
}

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn derive_exemptions_never_panics(endpoint in support::endpoint(timestamp()), now in timestamp(), policy in policy()) {
        exercise_derivation(&endpoint, now, &policy);
    }

    // ------------------------------------------------------------------------
    // 4. Status resolution

    #[test]
    #[ignore = "fuzzing: 100,000 cases; run with --release -- --ignored"]
    fn resolve_never_panics(
        code in prop::option::of(prop_oneof![any::<u16>(), 2000_u16..2100]),
        state in prop::option::of(any::<u8>()),
        name in prop::option::of(prop_oneof![
            proptest::sample::select(vec!["Completed", "Job Failed", "Pending Reboot", "Pending", "Job Started",
                                          "Timed Out", "Canceled - Blackout", "canceled_blackout", "", "Unknown"])
                .prop_map(str::to_owned),
            any::<String>(),
        ]),
    ) {
        let raw = RawStatus { code, state, name, ..RawStatus::default() };
        let resolved = resolve(&raw);
        prop_assert_eq!(resolved.key(), resolve_key(&raw), "resolve and resolve_key agree");
        let _ = resolved.phase();
        let label = resolved.label();
        prop_assert!(!label.is_empty(), "a status always has a label: {:?}", raw);
    }
}

// ---------------------------------------------------------------------------
// The panics the properties above found, as plain cases, run with every
// `cargo test` (the properties themselves are ignored: run with --ignored).

/// A value that cannot be coerced is quoted in the row error, cut to 57
/// bytes: a cut inside a multi-byte character panics (src/source/coerce.rs).
#[test]
fn a_bad_non_ascii_value_in_a_row_is_reported_not_a_panic() {
    let native = &presets()[0];
    let body = json!({ "jobs": [{ "id": "j", "asset_count": format!("x{}", "é".repeat(40)) }] });
    let page = Mapping::<Job>::new(native.resources.jobs.as_ref().unwrap())
        .decode_page(&body)
        .expect("the body has the configured shape");
    assert_eq!(
        (page.items.len(), page.errors.len(), page.left_out.len()),
        (1, 0, 1)
    );
    let message = page.left_out[0].to_string();
    assert!(message.contains("found \"xé"), "{message}");
}

/// A configuration value of the wrong type is quoted, cut to 37 bytes: a cut
/// inside a multi-byte character panics (src/source/config_read.rs `kind`).
#[test]
fn a_bad_non_ascii_config_value_is_reported_not_a_panic() {
    let problems = config_from_value(
        &json!({ "preset": "native", "credentials": format!("x{}", "é".repeat(30)) }),
    )
    .expect_err("credentials is not a credentials mode");
    assert!(
        problems.iter().any(|p| p.path == "credentials"),
        "{problems:?}"
    );
}
