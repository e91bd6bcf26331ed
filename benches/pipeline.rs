//! The load pipeline at 1k, 10k and 100k rows: decoding a native response
//! body (JSON parse and field mapping) and deriving the table rows from it.
//! These run once per load (and derive once a minute on Endpoint Exemptions),
//! so they bound how soon a large fleet shows its first rows.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use patchboard::domain::asset::AssetResult;
use patchboard::domain::derive::DerivationPolicy;
use patchboard::domain::endpoint::Endpoint;
use patchboard::domain::table::{Direction, SortSpec};
use patchboard::domain::view::assets::{asset_rows, AssetColumn, AssetView};
use patchboard::domain::view::endpoints::{endpoint_rows, EndpointColumn, EndpointView};
use patchboard::domain::view::reason_groups::reason_groups;
use patchboard::domain::view::TableView;
use patchboard::source::config::Config;
use patchboard::source::config_read::config_from_value;
use patchboard::source::demo_gen::{generate, FleetSpec};
use patchboard::source::mapping::Mapping;
use patchboard::source::native::{document, ENDPOINTS_KEY, RESULTS_KEY};
use patchboard::source::record::Record;
use serde_json::{json, Value};
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// What a load does with one body: parse it, then decode every row through the mapping.
fn decode<R: Record>(mapping: &Mapping<R>, body: &str) -> Vec<R> {
    let value: Value = serde_json::from_str(body).expect("the body is JSON");
    mapping
        .decode_page(&value)
        .expect("the body has the native shape")
        .items
}

fn pipeline(c: &mut Criterion) {
    let config: Config = config_from_value(&json!({ "preset": "native" })).expect("native preset");
    let resources = &config.resources;
    let results_mapping =
        Mapping::<AssetResult>::new(resources.job_results.as_ref().expect("results"));
    let endpoints_mapping =
        Mapping::<Endpoint>::new(resources.endpoints.as_ref().expect("endpoints"));
    let policy = DerivationPolicy::default();

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for size in SIZES {
        let fleet = generate(&FleetSpec {
            assets: size,
            endpoints: size,
            ..FleetSpec::default()
        });
        // One job holding every generated result, as one results body.
        let results: Vec<AssetResult> = fleet.jobs.into_iter().flat_map(|j| j.results).collect();
        let at = fleet.generated_at;
        let results_body = document(RESULTS_KEY, at, &results).to_string();
        let endpoints_body = document(ENDPOINTS_KEY, at, &fleet.endpoints).to_string();
        let endpoints = fleet.endpoints;

        group.throughput(Throughput::Elements(results.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("decode_results", size),
            &results_body,
            |b, body| b.iter(|| decode(&results_mapping, body)),
        );
        group.bench_with_input(
            BenchmarkId::new("decode_results_native", size),
            &results_body,
            |b, body| b.iter(|| results_mapping.decode_native(body)),
        );
        group.bench_with_input(
            BenchmarkId::new("derive_asset_rows", size),
            &results,
            |b, results| b.iter(|| asset_rows(results, "Patch Tuesday", None)),
        );
        let rows = asset_rows(&results, "Patch Tuesday", None);
        let by_name = SortSpec::by(AssetColumn::Asset, Direction::Asc);
        let by_status = SortSpec::by(AssetColumn::Status, Direction::Desc);
        for (name, spec) in [
            ("sort_assets_updated", AssetView::default_sort()),
            ("sort_assets_name", by_name),
            ("sort_assets_status", by_status),
        ] {
            group.bench_with_input(BenchmarkId::new(name, size), &spec, |b, spec| {
                b.iter(|| AssetView::sorted(&results, &rows, spec))
            });
        }
        group.throughput(Throughput::Elements(endpoints.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("decode_endpoints", size),
            &endpoints_body,
            |b, body| b.iter(|| decode(&endpoints_mapping, body)),
        );
        group.bench_with_input(
            BenchmarkId::new("decode_endpoints_native", size),
            &endpoints_body,
            |b, body| b.iter(|| endpoints_mapping.decode_native(body)),
        );
        group.bench_with_input(
            BenchmarkId::new("derive_endpoint_rows", size),
            &endpoints,
            |b, endpoints| b.iter(|| endpoint_rows(endpoints, at, &policy)),
        );
        let rows = endpoint_rows(&endpoints, at, &policy);
        let listed: Vec<u32> = (0..rows.len() as u32).collect();
        group.bench_with_input(
            BenchmarkId::new("group_by_reason", size),
            &rows,
            |b, rows| b.iter(|| reason_groups(rows, &listed)),
        );
        // Each endpoint reporting a name of its own the catalogue does not
        // know (a change ticket in it, say): a group per endpoint.
        let ticketed: Vec<Endpoint> = endpoints
            .iter()
            .enumerate()
            .map(|(i, endpoint)| Endpoint {
                reported_exemptions: vec![format!("Excluded per CHG{i:07}")],
                ..endpoint.clone()
            })
            .collect();
        let ticketed_rows = endpoint_rows(&ticketed, at, &policy);
        group.bench_with_input(
            BenchmarkId::new("group_by_reason_one_name_each", size),
            &ticketed_rows,
            |b, rows| b.iter(|| reason_groups(rows, &listed)),
        );
        // A click on OS: a text column of a few values, ahead of the default keys.
        let mut by_os = EndpointView::default_sort();
        by_os.click(EndpointColumn::Os);
        for (name, spec) in [
            ("sort_endpoints_default", EndpointView::default_sort()),
            ("sort_endpoints_os", by_os),
        ] {
            group.bench_with_input(BenchmarkId::new(name, size), &spec, |b, spec| {
                b.iter(|| EndpointView::sorted(&endpoints, &rows, spec))
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = pipeline
}
criterion_main!(benches);
