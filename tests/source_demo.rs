use patchboard::domain::asset::{AssetResult, PendingStage, RawStatus};
use patchboard::domain::derive::DerivationPolicy;
use patchboard::domain::endpoint::{ConnectorState, Endpoint, PowerState, Suspension};
use patchboard::domain::fleet::PatchOutlook;
use patchboard::domain::job::{Job, JobRun};
use patchboard::domain::message::TimeoutReason;
use patchboard::domain::os::OsFamily;
use patchboard::domain::phase::Phase;
use patchboard::domain::status::resolve;
use patchboard::domain::time::Timestamp;
use patchboard::domain::view::endpoints::endpoint_rows;
use patchboard::source::config::Config;
use patchboard::source::config_read::config_from_value;
use patchboard::source::demo_gen::{generate, scenario_names, Fleet, FleetSpec};
use patchboard::source::mapping::Mapping;
use patchboard::source::native::{self, document};
use patchboard::source::rebase::rebase;
use serde_json::{json, Value};
use std::collections::HashMap;

const HOUR: i64 = 3_600_000;

fn native_config() -> Config {
    config_from_value(&json!({ "preset": "native" })).expect("native preset is valid alone")
}

fn read(path: &str) -> Value {
    let text =
        std::fs::read_to_string(format!("{}/demo/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path);
    serde_json::from_str(&text).expect("demo files are JSON")
}

/// The committed demo, decoded through the native preset like any backend.
struct Demo {
    generated_at: Timestamp,
    results: Vec<AssetResult>,
    endpoints: Vec<Endpoint>,
}

fn committed_demo() -> Demo {
    let config = native_config();
    let resources = &config.resources;
    let jobs_doc = read("jobs.json");
    let jobs = Mapping::<Job>::new(resources.jobs.as_ref().unwrap())
        .decode_page(&jobs_doc)
        .unwrap();
    assert!(jobs.errors.is_empty(), "{:?}", jobs.errors);
    assert!((5..=6).contains(&jobs.items.len()));
    let mut results = Vec::new();
    for job in &jobs.items {
        let page = Mapping::<AssetResult>::new(resources.job_results.as_ref().unwrap())
            .decode_page(&read(&format!("jobs/{}/results.json", job.id)))
            .unwrap();
        assert!(page.errors.is_empty(), "{:?}", page.errors);
        let runs = Mapping::<JobRun>::new(resources.job_runs.as_ref().unwrap())
            .decode_page(&read(&format!("jobs/{}/runs.json", job.id)))
            .unwrap();
        assert!(!runs.items.is_empty() && runs.errors.is_empty());
        results.extend(page.items);
    }
    let endpoints_doc = read("endpoints.json");
    let endpoints = Mapping::<Endpoint>::new(resources.endpoints.as_ref().unwrap())
        .decode_page(&endpoints_doc)
        .unwrap();
    assert!(endpoints.errors.is_empty(), "{:?}", endpoints.errors);
    Demo {
        generated_at: native::generated_at(&endpoints_doc).expect("generated_at"),
        results,
        endpoints: endpoints.items,
    }
}

#[test]
fn the_demo_shows_every_job_result_status_with_its_catalogue_code() {
    let demo = committed_demo();
    assert!(demo.results.len() >= 1_100);
    let catalogue: [(u16, u8, &str); 19] = [
        (2038, 0, "Canceled - Blackout"),
        (2036, 0, "Completed"),
        (2031, 1, "Downloaded"),
        (2031, 2, "Downloading - Failed"),
        (2057, 1, "Execution Blocked"),
        (2046, 0, "Job Failed"),
        (2055, 1, "Job Received"),
        (2045, 0, "Job Resumed"),
        (2044, 0, "Job Started"),
        (2059, 1, "No Patch Available"),
        (2053, 1, "Not Applicable"),
        (2039, 2, "Not Licensed"),
        (2033, 0, "Patching"),
        (2032, 0, "Pending"),
        (2034, 0, "Pending Reboot"),
        (2058, 0, "Reboot Deferred"),
        (2035, 0, "Rebooted"),
        (2060, 1, "Skipped"),
        (2037, 0, "Timed Out"),
    ];
    for (code, state, name) in catalogue {
        assert!(
            demo.results.iter().any(|r| r.status.code == Some(code)
                && r.status.state == Some(state)
                && r.status.name.as_deref() == Some(name)),
            "{code}/{state} {name} missing"
        );
    }
    for result in &demo.results {
        let s = &result.status;
        assert!(
            catalogue.contains(&(
                s.code.unwrap(),
                s.state.unwrap(),
                s.name.as_deref().unwrap()
            )),
            "{s:?} is not in the catalogue"
        );
    }
    let has = |f: &dyn Fn(&AssetResult) -> bool| demo.results.iter().any(f);
    assert!(has(&|r| r.facts.blocking_job.is_some()));
    assert!(has(&|r| r.facts.deferrals.is_some_and(|d| (
        d.used,
        d.available
    ) == (
        Some(2),
        Some(5)
    ))));
    assert!(has(
        &|r| r.facts.pending_stage == Some(PendingStage::Preparing)
    ));
    assert!(has(
        &|r| r.facts.pending_stage == Some(PendingStage::AvailableForDownload)
    ));
    assert!(has(
        &|r| r.facts.timeout_reason.is_some() && r.os.starts_with("Windows")
    ));
    assert!(has(&|r| r.facts.timeout_reason.is_some()
        && !r.os.starts_with("Windows")
        && !r.os.starts_with("macOS")));
    assert!(
        has(&|r| r.status.name.as_deref() == Some("Downloaded") && !r.os.starts_with("Windows")),
        "an anomaly"
    );
    assert!(has(&|r| !r.history.is_empty()));
}

type EndpointCheck<'a> = dyn Fn(&Endpoint) -> bool + 'a;

#[test]
fn the_demo_shows_every_exemption_and_the_disk_warning() {
    let demo = committed_demo();
    let now = demo.generated_at;
    let any = |f: &dyn Fn(&Endpoint) -> bool| demo.endpoints.iter().any(f);
    let connector = |state| move |e: &Endpoint| e.connector == Some(state);
    let power = |state| move |e: &Endpoint| e.power == Some(state);
    let windows = |e: &Endpoint| {
        e.maintenance
            .iter()
            .flat_map(|m| m.windows.iter().copied())
            .collect::<Vec<_>>()
    };
    // Each exemption by the fact that shows it, independently of the exemption engine.
    let checks: [(&str, &EndpointCheck<'_>); 27] = [
        ("Untested Endpoint", &connector(ConnectorState::Untested)),
        ("Patching Inapplicable", &|e| e.os_supported == Some(false)),
        ("Powered Off", &power(PowerState::Off)),
        ("Power Suspended", &power(PowerState::Suspended)),
        ("Power Unknown", &power(PowerState::Unknown)),
        ("Disconnected", &connector(ConnectorState::Disconnected)),
        (
            "Connector Not Installed / Available",
            &connector(ConnectorState::NotInstalled),
        ),
        ("Connector Down", &connector(ConnectorState::Down)),
        ("Not Reachable", &connector(ConnectorState::NotReachable)),
        ("Invalid Credentials", &|e| {
            e.credentials_valid == Some(false)
        }),
        ("Awaiting Maintenance Window", &|e| {
            !windows(e).is_empty() && windows(e).iter().all(|w| w.start > now)
        }),
        ("Maintenance Window Required", &|e| {
            e.maintenance.is_none() && e.connector == Some(ConnectorState::Connected)
        }),
        ("Maintenance Window Expired", &|e| {
            windows(e)
                .iter()
                .any(|w| w.end.millis() == now.millis() - HOUR)
                && windows(e).iter().all(|w| w.end < now)
        }),
        ("No Maintenance Entry", &|e| {
            e.maintenance.as_ref().is_some_and(|m| m.windows.is_empty())
        }),
        ("Maintenance Window Timeout", &|e| {
            e.maintenance
                .as_ref()
                .is_some_and(|m| m.last_window_ran_out)
        }),
        ("Suspended by User", &|e| {
            matches!(e.suspension, Some(Suspension::Cycles { .. }))
        }),
        ("Unsupported PowerShell Execution Policy", &|e| {
            e.powershell_policy.as_deref() == Some("AllSigned")
        }),
        ("Unsupported PowerShell Version", &|e| {
            e.powershell_major == Some(2)
        }),
        ("Advisories Not Exist", &|e| e.readiness.advisories_missing),
        ("Packages Not Exist", &|e| e.readiness.packages_missing),
        ("Wrong Repositories Configuration", &|e| {
            e.readiness.wrong_repositories
        }),
        ("Subscription Missing", &|e| {
            e.readiness.subscription_missing
        }),
        ("WSUS Communication Problems", &|e| {
            e.readiness
                .wsus_last_report
                .is_some_and(|t| now.millis() - t.millis() > 30 * 24 * HOUR)
        }),
        (
            "Unknown Endpoint",
            &connector(ConnectorState::UnknownEndpoint),
        ),
        ("Pending User Action", &|e| e.pending_user_action),
        ("Pending Reboot Suspension", &|e| e.pending_reboot),
        ("Low Disk Space", &|e| {
            e.drives.iter().any(|d| d.used_percent == 90.0)
        }),
    ];
    for (name, check) in &checks {
        assert!(any(check), "no endpoint shows {name}");
    }
    assert_eq!(
        scenario_names(),
        checks.map(|(name, _)| name).to_vec(),
        "the generator's scenarios are the seed's names"
    );
    assert!(any(&|e| matches!(
        e.suspension,
        Some(Suspension::Between { .. })
    )));
    assert!(any(
        &|e| e.powershell_policy.as_deref() == Some("Restricted")
    ));
    assert!(any(&|e| e.drives.iter().any(|d| d.used_percent == 89.9)
        && e.drives.iter().all(|d| d.used_percent < 90.0)));
    let patchable = demo.endpoints.iter().filter(|e| {
        e.connector == Some(ConnectorState::Connected)
            && e.power == Some(PowerState::On)
            && e.suspension.is_none()
            && e.drives.iter().all(|d| d.used_percent < 90.0)
            && windows(e).iter().any(|w| w.start <= now && now < w.end)
    });
    assert!(patchable.count() >= 400, "plenty of clean endpoints");
}

/// The detail panel shows a result's history, counts and patch names side by
/// side: they must tell one story.
/// Where a status sits on the usual road: Job Received, Job Started, then
/// Downloaded (or its failure, which shares its code), then Patching.
fn road_step(status: &RawStatus) -> Option<usize> {
    [2055, 2044, 2031, 2033]
        .iter()
        .position(|code| status.code == Some(*code))
}

/// Past which road step (see [`road_step`]) a status can no longer come:
/// Pending is before the agent has the job; Execution Blocked, Skipped,
/// Canceled - Blackout and Not Licensed keep it from starting; No Patch
/// Available and Not Applicable find nothing to download.
fn furthest_road_step_before(status: &RawStatus) -> usize {
    match status.code {
        Some(2032) => 0,
        Some(2057 | 2060 | 2038 | 2039) => 1,
        Some(2059 | 2053) => 2,
        _ => usize::MAX,
    }
}

fn assert_results_agree_with_themselves(results: &[AssetResult]) {
    let mut with_history = 0;
    for result in results {
        let id = &result.asset_id;
        if let Some(last) = result.history.last() {
            with_history += 1;
            assert_eq!(
                Some(last.at),
                result.status_time,
                "{id}: the history ends at the status time"
            );
            assert_eq!(
                last.status, result.status,
                "{id}: the history ends in the status"
            );
            assert!(
                result
                    .history
                    .windows(2)
                    .all(|pair| pair[0].at <= pair[1].at),
                "{id}: the history runs forward"
            );
            let road_steps: Vec<usize> = result
                .history
                .iter()
                .filter_map(|change| road_step(&change.status))
                .collect();
            assert!(
                road_steps.windows(2).all(|pair| pair[0] < pair[1]),
                "{id}: the history takes the usual road's steps in order, each once: {:?}",
                result.history
            );
            let farthest = road_steps.iter().copied().max();
            assert!(
                farthest.is_none_or(|step| step < furthest_road_step_before(&result.status)),
                "{id}: {:?} cannot follow road step {farthest:?}: {:?}",
                result.status.name,
                result.history
            );
        }
        for (names, count) in [
            (&result.succeeded_patches, result.patches.succeeded),
            (&result.failed_patches, result.patches.failed),
        ] {
            assert!(
                names.is_empty() || Some(names.len() as u32) == count,
                "{id}: {} patch names for a count of {count:?}",
                names.len()
            );
        }
    }
    assert!(with_history > 0, "the fixture has histories to check");
}

/// A timeout reason comes only from the list the catalogue gives for the
/// asset's family: Windows and Linux have one, Mac has none.
fn assert_timeout_reasons_fit_the_system(results: &[AssetResult]) {
    let mut with_reason = 0;
    for result in results {
        let Some(reason) = &result.facts.timeout_reason else {
            continue;
        };
        with_reason += 1;
        let family = OsFamily::from_os_name(&result.os);
        assert!(
            matches!(family, OsFamily::Windows | OsFamily::Linux),
            "{}: a timeout reason on {}",
            result.asset_id,
            result.os
        );
        assert!(
            TimeoutReason::parse(reason, family).is_some(),
            "{}: {reason:?} is not listed for {family:?}",
            result.asset_id
        );
    }
    assert!(with_reason > 0, "the fixture has timeout reasons to check");
}

/// The committed demo's results, and those of a freshly generated fleet.
fn committed_and_generated_results() -> [Vec<AssetResult>; 2] {
    let generated = small_fleet()
        .jobs
        .into_iter()
        .flat_map(|job| job.results)
        .collect();
    [committed_demo().results, generated]
}

/// A Windows machine in Pending Reboot takes no other job until it
/// restarts: no other job's result there moves on after it, bar those
/// waiting their turn and the jobs a block is about.
#[test]
fn a_pending_restart_on_windows_holds_the_machine_s_other_jobs() {
    let mut held = 0;
    for results in committed_and_generated_results() {
        for waiting in results.iter().filter(|r| {
            r.status.code == Some(2034) && OsFamily::from_os_name(&r.os) == OsFamily::Windows
        }) {
            let since = waiting.status_time.expect("a status time");
            let machine: Vec<&AssetResult> = results
                .iter()
                .filter(|r| r.asset_name == waiting.asset_name && r.asset_id != waiting.asset_id)
                .collect();
            let in_a_block = machine.iter().any(|r| r.facts.blocking_job.is_some());
            for other in &machine {
                let phase = resolve(&other.status).phase();
                let moved_on = other.status_time.is_some_and(|at| at > since)
                    && !matches!(phase, Phase::Queued | Phase::Waiting);
                assert!(
                    !moved_on || in_a_block,
                    "{}: {:?} after {} went into Pending Reboot",
                    other.asset_id,
                    other.status.name,
                    waiting.asset_id
                );
                held += usize::from(other.status_time.is_some_and(|at| at > since));
            }
        }
    }
    assert!(held > 0, "the demo shows jobs held behind a restart");
}

#[test]
fn timeout_reasons_are_the_ones_listed_for_the_asset_system() {
    for results in committed_and_generated_results() {
        assert_timeout_reasons_fit_the_system(&results);
    }
}

#[test]
fn each_result_of_the_demo_tells_one_story() {
    for results in committed_and_generated_results() {
        assert_results_agree_with_themselves(&results);
    }
}

/// Facts about one machine agree with each other, and machines on the same
/// system agree on what the system decides.
#[test]
fn the_demo_endpoints_tell_one_story() {
    let demo = committed_demo();
    let mut supported: std::collections::HashMap<&str, bool> = Default::default();
    for endpoint in &demo.endpoints {
        if let Some(is) = endpoint.os_supported {
            let first = *supported.entry(endpoint.os.as_str()).or_insert(is);
            assert_eq!(
                first, is,
                "{}: {} supported on some endpoints only",
                endpoint.name, endpoint.os
            );
        }
        if matches!(
            endpoint.power,
            Some(PowerState::Off | PowerState::Suspended)
        ) {
            let seen = endpoint.last_seen.expect("a machine once seen");
            assert!(
                demo.generated_at.millis() - seen.millis() > 60 * 60_000,
                "{}: {:?}, yet seen within the hour",
                endpoint.name,
                endpoint.power
            );
        }
    }
    assert!(
        supported.values().any(|is| !is),
        "the demo has unsupported systems"
    );
}

fn small_fleet() -> Fleet {
    generate(&FleetSpec {
        assets: 200,
        endpoints: 80,
        seed: 11,
        ..FleetSpec::default()
    })
}

/// The pages are two views of one fleet: a host listed on both, or by two
/// jobs, runs the same system in each.
#[test]
fn a_machine_runs_one_system_wherever_it_is_listed() {
    for fleet in [small_fleet(), generate(&FleetSpec::default())] {
        let mut systems: HashMap<&str, (&str, &str)> = HashMap::new();
        let assets = fleet.jobs.iter().flat_map(|job| {
            let id = job.job.id.as_str();
            job.results.iter().map(move |r| (id, &r.asset_name, &r.os))
        });
        let endpoints = fleet
            .endpoints
            .iter()
            .map(|e| ("endpoints", &e.name, &e.os));
        let mut on_both_pages = 0;
        for (listed_by, name, os) in assets.chain(endpoints) {
            if let Some((first_listed_by, first_os)) = systems.insert(name, (listed_by, os)) {
                assert_eq!(
                    first_os, os,
                    "{name}: in {first_listed_by} and in {listed_by}"
                );
                on_both_pages += usize::from(listed_by == "endpoints");
            }
        }
        assert!(
            on_both_pages > 10,
            "the pages share hosts ({on_both_pages})"
        );
    }
}

/// A job has not gone through on a machine the endpoint page says cannot be
/// patched now: its result there is unfinished or failed.
#[test]
fn a_machine_held_back_on_the_endpoint_page_has_not_succeeded_in_a_job() {
    let fleet = generate(&FleetSpec::default());
    let rows = endpoint_rows(
        &fleet.endpoints,
        fleet.generated_at,
        &DerivationPolicy::default(),
    );
    let held_back: HashMap<&str, PatchOutlook> = fleet
        .endpoints
        .iter()
        .zip(rows)
        .filter(|(_, row)| row.outlook != PatchOutlook::Patchable)
        .map(|(endpoint, row)| (endpoint.name.as_str(), row.outlook))
        .collect();
    let mut checked = 0;
    for job in &fleet.jobs {
        for result in &job.results {
            let Some(outlook) = held_back.get(result.asset_name.as_str()) else {
                continue;
            };
            checked += 1;
            let phase = resolve(&result.status).phase();
            assert!(
                !matches!(phase, Phase::Succeeded | Phase::Skipped),
                "{} ({outlook:?} on the endpoint page) is {phase:?} in {}",
                result.asset_name,
                job.job.id
            );
            if *outlook == PatchOutlook::CannotPatch {
                assert_eq!(
                    result.patches.succeeded,
                    Some(0),
                    "{} cannot be patched, yet had patches installed in {}",
                    result.asset_name,
                    job.job.id
                );
            }
        }
    }
    assert!(
        checked > 10,
        "the jobs deploy to held-back machines ({checked})"
    );
}

/// Execution Blocked names the job that held the asset up: one that also
/// deploys to it, and is still running there, since before the block.
#[test]
fn a_blocked_asset_names_another_job_running_on_the_same_machine() {
    for fleet in [small_fleet(), generate(&FleetSpec::default())] {
        let mut blocked = 0;
        for job in &fleet.jobs {
            for result in &job.results {
                let Some(blocker) = &result.facts.blocking_job else {
                    continue;
                };
                blocked += 1;
                let other = fleet
                    .jobs
                    .iter()
                    .find(|other| &other.job.name == blocker)
                    .expect("the blocking job is a job of the fleet");
                assert_ne!(other.job.id, job.job.id, "{}", result.asset_id);
                let there = other
                    .results
                    .iter()
                    .find(|r| r.asset_name == result.asset_name)
                    .unwrap_or_else(|| {
                        panic!(
                            "{}: {blocker} does not deploy to {}",
                            result.asset_id, result.asset_name
                        )
                    });
                let phase = resolve(&there.status).phase();
                assert_eq!(
                    phase,
                    Phase::Running,
                    "{}: {blocker} is {phase:?} on {}",
                    result.asset_id,
                    result.asset_name
                );
                assert!(
                    other.job.last_run <= there.status_time
                        && there.status_time <= result.status_time,
                    "{}: {blocker} began on {} within its run and before the block",
                    result.asset_id,
                    result.asset_name
                );
            }
        }
        assert!(blocked > 0, "the fleet has blocked assets to check");
    }
}

#[test]
fn generation_is_deterministic_by_seed() {
    assert_eq!(small_fleet(), small_fleet());
    assert_ne!(
        small_fleet(),
        generate(&FleetSpec {
            assets: 200,
            endpoints: 80,
            seed: 12,
            ..FleetSpec::default()
        })
    );
}

#[test]
fn native_documents_decode_back_to_the_same_records() {
    let fleet = small_fleet();
    let config = native_config();
    let endpoints_doc = document(native::ENDPOINTS_KEY, fleet.generated_at, &fleet.endpoints);
    assert_eq!(
        native::generated_at(&endpoints_doc),
        Some(fleet.generated_at)
    );
    let decoded = Mapping::<Endpoint>::new(config.resources.endpoints.as_ref().unwrap())
        .decode_page(&endpoints_doc)
        .unwrap();
    assert_eq!(decoded.items, fleet.endpoints);
    for demo in &fleet.jobs {
        let doc = document(native::RESULTS_KEY, fleet.generated_at, &demo.results);
        let decoded = Mapping::<AssetResult>::new(config.resources.job_results.as_ref().unwrap())
            .decode_page(&doc)
            .unwrap();
        assert_eq!(decoded.items, demo.results);
        let doc = document(
            native::JOBS_KEY,
            fleet.generated_at,
            std::slice::from_ref(&demo.job),
        );
        let decoded = Mapping::<Job>::new(config.resources.jobs.as_ref().unwrap())
            .decode_page(&doc)
            .unwrap();
        assert_eq!(decoded.items, vec![demo.job.clone()]);
    }
}

/// Every number in a record's JSON that looks like an epoch-ms time (after 2001).
fn times(value: &Value, out: &mut Vec<i64>) {
    match value {
        Value::Number(n) => out.extend(n.as_i64().filter(|ms| *ms > 1_000_000_000_000)),
        Value::Array(items) => items.iter().for_each(|v| times(v, out)),
        Value::Object(map) => map.values().for_each(|v| times(v, out)),
        _ => {}
    }
}

fn all_times<T: serde::Serialize>(records: &[T]) -> Vec<i64> {
    let mut out = Vec::new();
    times(&serde_json::to_value(records).unwrap(), &mut out);
    out
}

#[test]
fn rebase_keeps_a_placeholder_for_never() {
    let fleet = small_fleet();
    let now = Timestamp::from_millis(fleet.generated_at.millis() + 3 * HOUR);
    let mut endpoints = fleet.endpoints[..2].to_vec();
    endpoints[0].readiness.wsus_last_report = Some(Timestamp::from_millis(0));
    endpoints[1].readiness.wsus_last_report = Some(Timestamp::from_millis(-1_000));
    rebase(&mut endpoints, fleet.generated_at, now);
    let reports: Vec<_> = endpoints
        .iter()
        .map(|endpoint| endpoint.readiness.wsus_last_report.map(Timestamp::millis))
        .collect();
    assert_eq!(reports, [Some(0), Some(-1_000)]);
}

#[test]
fn rebase_shifts_every_time_by_exactly_now_minus_generated_at() {
    let fleet = small_fleet();
    let now = Timestamp::from_millis(fleet.generated_at.millis() + 400 * 24 * HOUR + 1_234);
    let shift = now.millis() - fleet.generated_at.millis();
    let mut endpoints = fleet.endpoints.clone();
    rebase(&mut endpoints, fleet.generated_at, now);
    let before = all_times(&fleet.endpoints);
    assert!(before.len() > 100);
    assert_eq!(
        all_times(&endpoints),
        before.iter().map(|t| t + shift).collect::<Vec<_>>()
    );
    for demo in &fleet.jobs {
        let mut results = demo.results.clone();
        rebase(&mut results, fleet.generated_at, now);
        assert_eq!(
            all_times(&results),
            all_times(&demo.results)
                .iter()
                .map(|t| t + shift)
                .collect::<Vec<_>>()
        );
        let mut jobs = vec![demo.job.clone()];
        rebase(&mut jobs, fleet.generated_at, now);
        assert_eq!(
            all_times(&jobs),
            all_times(std::slice::from_ref(&demo.job))
                .iter()
                .map(|t| t + shift)
                .collect::<Vec<_>>()
        );
        let mut runs = demo.runs.clone();
        rebase(&mut runs, fleet.generated_at, now);
        assert_eq!(
            all_times(&runs),
            all_times(&demo.runs)
                .iter()
                .map(|t| t + shift)
                .collect::<Vec<_>>()
        );
    }
}
