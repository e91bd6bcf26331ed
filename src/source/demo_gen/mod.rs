//! A deterministic, realistic fleet for the demo, tests and benchmarks.
//!
//! Every job result status and every exemption occurs at least once, so the
//! demo shows each explanation the app can give; the rest is ordinary healthy
//! fleet. A tiny LCG keeps the output identical for a seed on every platform.

use crate::domain::asset::{
    AssetResult, Deferrals, MessageFacts, PatchCounts, PendingStage, RawStatus, StatusChange,
};
use crate::domain::derive::DerivationPolicy;
use crate::domain::endpoint::{
    ConnectorState, Drive, Endpoint, MaintenanceSchedule, MaintenanceWindow, PowerState, Readiness,
    Suspension, UnreadableFacts,
};
use crate::domain::fleet::PatchOutlook;
use crate::domain::job::{Job, JobRun};
use crate::domain::os::OsFamily;
use crate::domain::phase::Phase;
use crate::domain::progress::{run_start, JobProgress, ProgressRow};
use crate::domain::time::Timestamp;
use crate::domain::view::endpoints::endpoint_rows;
use machines::{
    machines_of, Host, Inventory, Machines, LINUX_SERVERS, MACS, WINDOWS_DESKTOPS, WINDOWS_SERVERS,
};
use std::collections::{HashMap, HashSet};

mod blockers;
mod machines;
mod reboots;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

/// 2025-06-10T14:00:00Z: the default generation time; the demo rebases from it.
pub const DEFAULT_GENERATED_AT: Timestamp = Timestamp::from_millis(1_749_564_000_000);

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FleetSpec {
    /// Asset results across all jobs.
    pub assets: usize,
    pub endpoints: usize,
    pub seed: u64,
    pub generated_at: Timestamp,
}

impl Default for FleetSpec {
    fn default() -> Self {
        FleetSpec {
            assets: 1_200,
            endpoints: 600,
            seed: 7,
            generated_at: DEFAULT_GENERATED_AT,
        }
    }
}

/// One job with its runs and the results of its latest run.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoJob {
    pub job: Job,
    pub runs: Vec<JobRun>,
    pub results: Vec<AssetResult>,
}

/// The generated fleet.
#[derive(Debug, Clone, PartialEq)]
pub struct Fleet {
    pub generated_at: Timestamp,
    pub jobs: Vec<DemoJob>,
    pub endpoints: Vec<Endpoint>,
}

/// A 64-bit LCG (Knuth's MMIX constants); the high bits are the usable ones.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo).max(1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A job result status as the catalogue defines it, with the families it
/// applies to and how often the demo shows it.
struct DemoStatus {
    code: u16,
    state: u8,
    name: &'static str,
    families: &'static [OsFamily],
    weight: u64,
}

impl DemoStatus {
    /// The status as a backend that reports all of it sends it.
    fn reported(&self) -> RawStatus {
        RawStatus {
            code: Some(self.code),
            state: Some(self.state),
            name: Some(self.name.to_owned()),
            unreadable: false,
        }
    }
}

use OsFamily::{Linux, Mac, Windows};
const ALL: &[OsFamily] = &[Windows, Linux, Mac];
const WIN: &[OsFamily] = &[Windows];
const WIN_LINUX: &[OsFamily] = &[Windows, Linux];

#[rustfmt::skip]
const STATUSES: &[DemoStatus] = &[
    DemoStatus { code: 2038, state: 0, name: "Canceled - Blackout", families: ALL, weight: 2 },
    DemoStatus { code: 2036, state: 0, name: "Completed", families: ALL, weight: 120 },
    DemoStatus { code: 2031, state: 1, name: "Downloaded", families: WIN, weight: 4 },
    DemoStatus { code: 2031, state: 2, name: "Downloading - Failed", families: WIN, weight: 2 },
    DemoStatus { code: 2057, state: 1, name: "Execution Blocked", families: WIN, weight: 2 },
    DemoStatus { code: 2046, state: 0, name: "Job Failed", families: ALL, weight: 4 },
    DemoStatus { code: 2055, state: 1, name: "Job Received", families: ALL, weight: 5 },
    DemoStatus { code: 2045, state: 0, name: "Job Resumed", families: ALL, weight: 2 },
    DemoStatus { code: 2044, state: 0, name: "Job Started", families: ALL, weight: 4 },
    DemoStatus { code: 2059, state: 1, name: "No Patch Available", families: WIN, weight: 3 },
    // The catalogue states no applicability for Not Applicable: it can concern any asset.
    DemoStatus { code: 2053, state: 1, name: "Not Applicable", families: ALL, weight: 4 },
    DemoStatus { code: 2039, state: 2, name: "Not Licensed", families: WIN, weight: 1 },
    DemoStatus { code: 2033, state: 0, name: "Patching", families: WIN, weight: 5 },
    DemoStatus { code: 2032, state: 0, name: "Pending", families: ALL, weight: 6 },
    DemoStatus { code: 2034, state: 0, name: "Pending Reboot", families: ALL, weight: 4 },
    DemoStatus { code: 2058, state: 0, name: "Reboot Deferred", families: WIN_LINUX, weight: 2 },
    DemoStatus { code: 2035, state: 0, name: "Rebooted", families: ALL, weight: 5 },
    DemoStatus { code: 2060, state: 1, name: "Skipped", families: WIN_LINUX, weight: 3 },
    DemoStatus { code: 2037, state: 0, name: "Timed Out", families: ALL, weight: 3 },
];

/// Timed Out reasons as a backend might code them.
const WINDOWS_TIMEOUTS: &[&str] = &[
    "reboot_outside_window_with_post_actions",
    "download_exceeded_window",
    "action_script_exceeded_window",
    "another_job_running",
    "another_job_running_manifest_not_downloaded",
    "start_permission_delayed",
];
const LINUX_TIMEOUTS: &[&str] = &[
    "execution_timed_out",
    "capi_call_after_window",
    "another_job_running",
    "window_exceeded",
];

/// What a job deploys.
#[derive(Clone, Copy)]
enum Patches {
    /// The operating system's own updates.
    System,
    Browsers,
}

struct JobPlan {
    id: &'static str,
    name: &'static str,
    /// The kinds of machine its assets are, each as likely as the others,
    /// all of one family.
    machines: &'static [Machines],
    /// Only machines whose system starts with one of these, if any are given.
    runs_on: &'static [&'static str],
    patches: Patches,
    schedule: &'static str,
    /// Share of the asset results, in percent.
    share: usize,
    runs: usize,
}

impl JobPlan {
    fn family(&self) -> OsFamily {
        self.machines[0].family()
    }

    /// The machines of its first `count` assets, from a fresh inventory.
    fn hosts(&self, count: usize, seed: u64, rng: &mut Lcg) -> Vec<Host> {
        let mut inventory = Inventory::new(seed);
        let fits =
            |os: &str| self.runs_on.is_empty() || self.runs_on.iter().any(|p| os.starts_with(p));
        (0..count)
            .map(|_| inventory.next(rng.pick(self.machines), fits))
            .collect()
    }
}

const JOBS: &[JobPlan] = &[
    JobPlan {
        id: "job-patch-tuesday",
        name: "Patch Tuesday – Windows servers",
        machines: &[WINDOWS_SERVERS],
        runs_on: &[],
        patches: Patches::System,
        schedule: "Monthly",
        share: 30,
        runs: 4,
    },
    JobPlan {
        id: "job-kernel-hotfix",
        name: "Linux kernel hotfix",
        machines: &[LINUX_SERVERS],
        runs_on: &[],
        patches: Patches::System,
        schedule: "Once",
        share: 20,
        runs: 1,
    },
    JobPlan {
        id: "job-macos-security",
        name: "macOS security update",
        machines: &[MACS],
        runs_on: &[],
        patches: Patches::System,
        schedule: "Weekly",
        share: 10,
        runs: 2,
    },
    JobPlan {
        id: "job-browsers",
        name: "Chrome & Firefox",
        machines: &[WINDOWS_DESKTOPS, WINDOWS_SERVERS],
        runs_on: &[],
        patches: Patches::Browsers,
        schedule: "Daily",
        share: 15,
        runs: 3,
    },
    JobPlan {
        id: "job-workstations",
        name: "Windows 11 cumulative update – workstations",
        machines: &[WINDOWS_DESKTOPS],
        runs_on: &["Windows 11"],
        patches: Patches::System,
        schedule: "Weekly",
        share: 15,
        runs: 2,
    },
    JobPlan {
        id: "job-openssl",
        name: "OpenSSL update – RHEL & Ubuntu",
        machines: &[LINUX_SERVERS],
        runs_on: &["Red Hat", "Ubuntu"],
        patches: Patches::System,
        schedule: "On demand",
        share: 10,
        runs: 1,
    },
];

/// Generates the whole fleet for `spec`.
pub fn generate(spec: &FleetSpec) -> Fleet {
    let mut rng = Lcg(spec.seed ^ 0x9E37_79B9_7F4A_7C15);
    let endpoints = endpoints(spec.endpoints, spec.generated_at, spec.seed, &mut rng);
    let policy = DerivationPolicy::default();
    let held_back: HashMap<&str, PatchOutlook> = endpoints
        .iter()
        .zip(endpoint_rows(&endpoints, spec.generated_at, &policy))
        .filter(|(_, row)| row.outlook != PatchOutlook::Patchable)
        .map(|(endpoint, row)| (endpoint.name.as_str(), row.outlook))
        .collect();
    let hosts: Vec<Vec<Host>> = JOBS
        .iter()
        .map(|plan| plan.hosts((spec.assets * plan.share / 100).max(1), spec.seed, &mut rng))
        .collect();
    let members: Vec<HashSet<&str>> = hosts
        .iter()
        .map(|hosts| hosts.iter().map(|host| host.name.as_str()).collect())
        .collect();
    let mut jobs = JOBS
        .iter()
        .zip(&hosts)
        .enumerate()
        .map(|(i, (plan, hosts))| {
            // The next job, in plan order, that also deploys to a machine:
            // the one that can hold up this job's run on it.
            let other_job = |name: &str| {
                (1..JOBS.len())
                    .map(|step| (i + step) % JOBS.len())
                    .find(|&j| members[j].contains(name))
                    .map(|j| JOBS[j].name)
            };
            let elsewhere = |name: &str| Elsewhere {
                blocker: other_job(name),
                held_back: held_back.get(name).copied(),
            };
            demo_job(plan, i, hosts, &elsewhere, spec.generated_at, &mut rng)
        })
        .collect::<Vec<_>>();
    blockers::occupy_blockers(&mut jobs, spec.generated_at.millis(), &mut rng);
    reboots::hold_jobs_behind_reboots(&mut jobs);
    for job in &mut jobs {
        job.summarize();
    }
    Fleet {
        generated_at: spec.generated_at,
        jobs,
        endpoints,
    }
}

fn demo_job(
    plan: &JobPlan,
    job_index: usize,
    hosts: &[Host],
    elsewhere: &dyn Fn(&str) -> Elsewhere,
    now: Timestamp,
    rng: &mut Lcg,
) -> DemoJob {
    let count = hosts.len();
    let now_ms = now.millis();
    let period = match plan.schedule {
        "Monthly" => 30 * DAY,
        "Weekly" => 7 * DAY,
        _ => DAY,
    };
    let last_start = now_ms - rng.between(2 * HOUR, 20 * HOUR);
    let runs: Vec<JobRun> = (0..plan.runs)
        .map(|r| JobRun {
            id: format!("{}-run-{}", plan.id, r + 1),
            scheduled: Some(Timestamp::from_millis(
                last_start - (plan.runs - 1 - r) as i64 * period,
            )),
        })
        .collect();
    let results: Vec<AssetResult> = hosts
        .iter()
        .enumerate()
        .map(|(n, host)| {
            let asset = Asset {
                n,
                host,
                elsewhere: elsewhere(&host.name),
            };
            asset_result(plan, job_index, asset, last_start, now_ms, rng)
        })
        .collect();
    let job = Job {
        id: plan.id.to_owned(),
        name: plan.name.to_owned(),
        platform: Some(plan.family().label().to_owned()),
        schedule: Some(plan.schedule.to_owned()),
        last_run: Some(Timestamp::from_millis(last_start)),
        next_run: (plan.schedule != "Once" && plan.schedule != "On demand")
            .then(|| Timestamp::from_millis(last_start + period)),
        asset_count: Some(count as u64),
        ..Job::default()
    };
    DemoJob { job, runs, results }
}

impl DemoJob {
    /// Fills in the job's summary from its results, as a backend's would,
    /// through the domain.
    fn summarize(&mut self) {
        let start = run_start(Some(&self.job), None, &[]);
        let progress = JobProgress::from_rows(
            self.results
                .iter()
                .map(|result| ProgressRow::from_result(result, start)),
        );
        let phase = |phases: &[Phase]| {
            phases
                .iter()
                .map(|&p| progress.by_phase().get(p) as u64)
                .sum()
        };
        let job = &mut self.job;
        job.status = Some(
            if !progress.any_not_final() {
                "Completed"
            } else {
                "Running"
            }
            .to_owned(),
        );
        job.completion_percent = progress
            .percent_complete()
            .map(|percent| (percent * 10.0).round() / 10.0);
        job.succeeded = Some(phase(&[Phase::Succeeded]));
        job.failed = Some(phase(&[Phase::Failed]));
        job.in_progress = Some(phase(&[Phase::Running, Phase::Waiting, Phase::Queued]));
    }
}

/// The n-th asset of a job, its machine, and what the rest of the fleet
/// says about that machine.
struct Asset<'a> {
    n: usize,
    host: &'a Host,
    elsewhere: Elsewhere,
}

/// What the rest of the fleet says about an asset's machine.
struct Elsewhere {
    /// The next other job that deploys to it.
    blocker: Option<&'static str>,
    /// Why the endpoint page says it cannot be patched now, if it does.
    held_back: Option<PatchOutlook>,
}

/// The status the demo sets for the n-th asset of a job, if it sets one:
/// the first job opens with one asset per status so every status is
/// present, and a few anomalies follow (a status reported where the
/// catalogue says it does not apply).
fn scripted_status(plan: &JobPlan, job_index: usize, n: usize) -> Option<&'static DemoStatus> {
    if job_index == 0 && n < STATUSES.len() {
        return Some(&STATUSES[n]);
    }
    match (plan.family(), n) {
        (Linux, 3) => Some(status_named("Downloaded")),
        (Linux, 11) => Some(status_named("Patching")),
        (Mac, 5) => Some(status_named("Reboot Deferred")),
        _ => None,
    }
}

fn status_named(name: &str) -> &'static DemoStatus {
    STATUSES
        .iter()
        .find(|s| s.name == name)
        .expect("the demo names catalogue statuses")
}

/// Picks the status of an asset of a job: a scripted one, else one that
/// fits the machine. Execution Blocked needs another job that deploys to
/// the same machine.
fn pick_status(
    plan: &JobPlan,
    job_index: usize,
    asset: &Asset,
    rng: &mut Lcg,
) -> &'static DemoStatus {
    if let Some(status) = scripted_status(plan, job_index, asset.n) {
        return status;
    }
    // A machine the endpoint tools hold back has not finished this job.
    let held_back = match asset.elsewhere.held_back {
        Some(PatchOutlook::CannotPatch) => Some(*rng.pick(&["Timed Out", "Job Failed"])),
        Some(PatchOutlook::TemporarilyCannotPatch) => Some(*rng.pick(&["Pending", "Job Received"])),
        _ => None,
    };
    if let Some(name) = held_back {
        return status_named(name);
    }
    let applicable = || {
        STATUSES
            .iter()
            .filter(|s| s.families.contains(&plan.family()))
            .filter(|s| asset.elsewhere.blocker.is_some() || s.name != "Execution Blocked")
    };
    let total: u64 = applicable().map(|s| s.weight).sum();
    let mut roll = rng.below(total);
    applicable()
        .find(|s| {
            let hit = roll < s.weight;
            roll = roll.saturating_sub(s.weight);
            hit
        })
        .expect("the roll is below the total weight")
}

fn asset_result(
    plan: &JobPlan,
    job_index: usize,
    asset: Asset,
    started: i64,
    now: i64,
    rng: &mut Lcg,
) -> AssetResult {
    let n = asset.n;
    let status = pick_status(plan, job_index, &asset, rng);
    let status_time = rng.between(started, now);
    let total = rng.between(1, 16) as u32;
    let superseded = if rng.chance(20) {
        rng.between(0, i64::from(total / 3) + 1) as u32
    } else {
        0
    };
    // (succeeded, failed, superseded, not applicable, in the job)
    let (succeeded, failed, superseded, not_applicable, total) = match status.name {
        "Completed" | "Rebooted" => (total - superseded, 0, superseded, 0, total),
        "Job Failed" | "Downloading - Failed" | "Timed Out" => {
            let drawn = rng.between(1, i64::from(total) + 1) as u32;
            // A machine the endpoint page says cannot be patched got nothing
            // installed. Drawn all the same, so the rest of the demo stays put.
            let cannot_patch = asset.elsewhere.held_back == Some(PatchOutlook::CannotPatch);
            let failed = if cannot_patch { total } else { drawn };
            (total - failed, failed, 0, 0, total)
        }
        "Not Applicable" => (0, 0, 0, total, total),
        "No Patch Available" => (0, 0, 0, 0, 0),
        _ => (0, 0, 0, 0, total),
    };
    let patches = PatchCounts::known(succeeded, failed, superseded, not_applicable, total);
    let facts = message_facts(status.name, plan, job_index, &asset, rng);
    let history = if rng.chance(15) {
        history(status, plan.family(), started, status_time)
    } else {
        Vec::new()
    };
    let Host { name, os, .. } = asset.host;
    // Every failed patch is named, as backends report them; the installed
    // ones on a tenth of the assets, which keeps the demo small. An asset's
    // patches are a run of its job's, so one patch fails on several assets,
    // as in a real rollout.
    let first = rng.below(PATCHES_PER_JOB);
    let names = |from: u32, count: u32| -> Vec<String> {
        (from..from + count)
            .map(|i| {
                patch_name(
                    plan,
                    job_index,
                    os,
                    (first + u64::from(i)) % PATCHES_PER_JOB,
                )
            })
            .collect()
    };
    let failed_patches = names(succeeded, failed);
    let succeeded_patches = if rng.chance(10) {
        names(0, succeeded)
    } else {
        Vec::new()
    };

    AssetResult {
        asset_id: format!("{}-a{n:05}", plan.id),
        asset_name: name.clone(),
        os: os.clone(),
        status: status.reported(),
        status_time: Some(Timestamp::from_millis(status_time)),
        patches,
        facts,
        history,
        history_unreadable: 0,
        succeeded_patches,
        failed_patches,
    }
}

/// How many patches a job deploys: more than any one asset is given (at
/// most 15), so an asset's run of them never wraps onto itself.
const PATCHES_PER_JOB: u64 = 16;

/// The `index`th patch of job `job_index` for an asset running `os`, named
/// as its vendor names it: the same patch has the same number on every asset
/// of a distribution.
fn patch_name(plan: &JobPlan, job_index: usize, os: &str, index: u64) -> String {
    let serial = job_index as u64 * 97 + index * 13;
    let linux = |prefix: &str| -> String {
        match prefix {
            "Ubuntu" => format!("USN-{}-1", 7_000 + serial),
            "Debian" => format!("DSA-{}-1", 5_800 + serial),
            "SUSE" => format!("SUSE-SU-2025:{}-1", 1_000 + serial),
            "Amazon" => format!("ALAS2023-2025-{}", 700 + serial),
            "Rocky" => format!("RLSA-2025:{}", 3_000 + serial),
            _ => format!("RHSA-2025:{}", 3_000 + serial),
        }
    };
    match (plan.patches, plan.family()) {
        (Patches::Browsers, _) if index.is_multiple_of(2) => {
            format!("Google Chrome 131.0.6778.{}", 60 + index)
        }
        (Patches::Browsers, _) => format!("Mozilla Firefox 133.0.{}", index / 2),
        (Patches::System, Windows) => format!("KB50{:05}", 38_000 + serial),
        (Patches::System, Linux) => linux(os.split(' ').next().unwrap_or_default()),
        (Patches::System, _) => format!("macOS Security Update 2025-{:03}", 1 + serial % 40),
    }
}

fn message_facts(
    status: &str,
    plan: &JobPlan,
    job_index: usize,
    asset: &Asset,
    rng: &mut Lcg,
) -> MessageFacts {
    let n = asset.n;
    let mut facts = MessageFacts::default();
    match status {
        "Execution Blocked" => facts.blocking_job = asset.elsewhere.blocker.map(str::to_owned),
        // The showcase asset says "2 of 5"; others vary.
        "Reboot Deferred" if job_index == 0 && n < STATUSES.len() => {
            facts.deferrals = Some(Deferrals {
                used: Some(2),
                available: Some(5),
            });
        }
        "Reboot Deferred" => {
            let available = rng.between(3, 6) as u32;
            facts.deferrals = Some(Deferrals {
                used: Some(rng.between(1, i64::from(available) + 1) as u32),
                available: Some(available),
            });
        }
        "Pending" => {
            facts.pending_stage = Some(if n.is_multiple_of(2) {
                PendingStage::Preparing
            } else {
                PendingStage::AvailableForDownload
            });
        }
        // The catalogue lists reasons for Windows and Linux jobs only, so a
        // Mac asset's timeout comes without one.
        "Timed Out" => {
            let reasons = match plan.family() {
                Linux => LINUX_TIMEOUTS,
                Windows => WINDOWS_TIMEOUTS,
                _ => &[],
            };
            facts.timeout_reason =
                (!reasons.is_empty()).then(|| reasons[n % reasons.len()].to_owned());
        }
        _ => {}
    }
    facts
}

/// The usual road to a status, spread between the job start and the status
/// time, which is when the last step, the status itself, was reached.
fn history(status: &DemoStatus, family: OsFamily, started: i64, at: i64) -> Vec<StatusChange> {
    let road: &[&str] = if family == Windows {
        &["Job Received", "Job Started", "Downloaded", "Patching"]
    } else {
        &["Job Received", "Job Started"]
    };
    let end = road_before(status.name).min(road.len());
    let steps: Vec<&str> = road[..end].iter().copied().chain([status.name]).collect();
    let step = ((at - started) / (steps.len() as i64)).max(1);
    let last = steps.len() - 1;
    steps
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let s = STATUSES
                .iter()
                .find(|s| s.name == name)
                .expect("road names are catalogue names");
            StatusChange {
                status: s.reported(),
                at: Timestamp::from_millis(if i == last {
                    at
                } else {
                    started + step * i as i64
                }),
            }
        })
        .collect()
}

/// How many steps of the road ("Job Received", "Job Started", "Downloaded",
/// "Patching") come before `status`: a status on the road ends it there, one
/// that keeps the job from starting comes once the agent has it, one that
/// finds nothing to install once the job has started, a failed download
/// where Downloaded would, and the rest after the patching.
fn road_before(status: &str) -> usize {
    match status {
        "Pending" | "Job Received" => 0,
        "Job Started"
        | "Execution Blocked"
        | "Skipped"
        | "Canceled - Blackout"
        | "Not Licensed" => 1,
        "Downloaded" | "Downloading - Failed" | "No Patch Available" | "Not Applicable" => 2,
        "Patching" => 3,
        _ => usize::MAX,
    }
}

/// A way an endpoint can be kept from patching, and the facts that show it.
struct Scenario {
    /// The exemption (or warning) name, exactly as JetPatch words it.
    name: &'static str,
    families: &'static [OsFamily],
    on: On,
    apply: fn(&mut Endpoint, i64),
}

/// Which machines of its families a scenario happens on.
#[derive(Clone, Copy)]
enum On {
    Any,
    /// One whose system's name starts with this.
    Running(&'static str),
    /// One on a system its vendor no longer supports.
    Legacy,
}

fn window(start: i64, end: i64) -> MaintenanceWindow {
    MaintenanceWindow {
        start: Timestamp::from_millis(start),
        end: Timestamp::from_millis(end),
    }
}

fn schedule(name: &str, windows: Vec<MaintenanceWindow>) -> Option<MaintenanceSchedule> {
    Some(MaintenanceSchedule {
        name: name.to_owned(),
        windows,
        last_window_ran_out: false,
    })
}

const LINUX_ONLY: &[OsFamily] = &[Linux];

#[rustfmt::skip]
const SCENARIOS: &[Scenario] = &[
    Scenario { name: "Untested Endpoint", families: ALL, on: On::Any, apply: |e, _| { e.connector = Some(ConnectorState::Untested); e.last_seen = None; } },
    Scenario { name: "Patching Inapplicable", families: WIN_LINUX, on: On::Legacy, apply: |e, _| retired_system(e) },
    // Not seen since it went off or to sleep.
    Scenario { name: "Powered Off", families: ALL, on: On::Any, apply: |e, now| { e.power = Some(PowerState::Off); e.last_seen = Some(Timestamp::from_millis(now - 2 * DAY)); } },
    Scenario { name: "Power Suspended", families: ALL, on: On::Any, apply: |e, now| { e.power = Some(PowerState::Suspended); e.last_seen = Some(Timestamp::from_millis(now - 7 * HOUR)); } },
    Scenario { name: "Power Unknown", families: ALL, on: On::Any, apply: |e, _| e.power = Some(PowerState::Unknown) },
    Scenario { name: "Disconnected", families: ALL, on: On::Any, apply: |e, now| { e.connector = Some(ConnectorState::Disconnected); e.last_seen = Some(Timestamp::from_millis(now - 3 * DAY)); } },
    Scenario { name: "Connector Not Installed / Available", families: ALL, on: On::Any, apply: |e, _| { e.connector = Some(ConnectorState::NotInstalled); e.last_seen = None; } },
    Scenario { name: "Connector Down", families: ALL, on: On::Any, apply: |e, _| e.connector = Some(ConnectorState::Down) },
    Scenario { name: "Not Reachable", families: ALL, on: On::Any, apply: |e, now| { e.connector = Some(ConnectorState::NotReachable); e.last_seen = Some(Timestamp::from_millis(now - 9 * HOUR)); } },
    Scenario { name: "Invalid Credentials", families: ALL, on: On::Any, apply: |e, _| e.credentials_valid = Some(false) },
    Scenario { name: "Awaiting Maintenance Window", families: ALL, on: On::Any, apply: |e, now| e.maintenance = schedule("Change board – next slot", vec![window(now + 2 * DAY, now + 2 * DAY + 4 * HOUR)]) },
    Scenario { name: "Maintenance Window Required", families: ALL, on: On::Any, apply: |e, _| e.maintenance = None },
    // Ended exactly one hour before generation: the boundary the UI must get right.
    Scenario { name: "Maintenance Window Expired", families: ALL, on: On::Any, apply: |e, now| e.maintenance = schedule("Q2 one-off change window", vec![window(now - 5 * HOUR, now - HOUR)]) },
    Scenario { name: "No Maintenance Entry", families: ALL, on: On::Any, apply: |e, _| e.maintenance = schedule("Finance – to be planned", Vec::new()) },
    Scenario { name: "Maintenance Window Timeout", families: ALL, on: On::Any, apply: |e, now| e.maintenance = Some(MaintenanceSchedule {
        name: "Daily – one hour".to_owned(),
        windows: vec![window(now - 12 * HOUR, now - 11 * HOUR), window(now + 12 * HOUR, now + 13 * HOUR)],
        last_window_ran_out: true,
    }) },
    Scenario { name: "Suspended by User", families: ALL, on: On::Any, apply: |e, now| e.suspension = Some(if e.id.ends_with(['0', '2', '4', '6', '8']) {
        Suspension::Cycles { remaining: 2 }
    } else {
        Suspension::Between { from: Timestamp::from_millis(now - DAY), until: Timestamp::from_millis(now + 6 * DAY) }
    }) },
    Scenario { name: "Unsupported PowerShell Execution Policy", families: WIN, on: On::Any, apply: |e, _| e.powershell_policy = Some(if e.id.ends_with(['0', '2', '4', '6', '8']) { "AllSigned" } else { "Restricted" }.to_owned()) },
    Scenario { name: "Unsupported PowerShell Version", families: WIN, on: On::Legacy, apply: |e, _| retired_system(e) },
    Scenario { name: "Advisories Not Exist", families: LINUX_ONLY, on: On::Any, apply: |e, _| e.readiness.advisories_missing = true },
    Scenario { name: "Packages Not Exist", families: LINUX_ONLY, on: On::Any, apply: |e, _| e.readiness.packages_missing = true },
    Scenario { name: "Wrong Repositories Configuration", families: LINUX_ONLY, on: On::Any, apply: |e, _| e.readiness.wrong_repositories = true },
    Scenario { name: "Subscription Missing", families: LINUX_ONLY, on: On::Running("Red Hat"), apply: |e, _| e.readiness.subscription_missing = true },
    Scenario { name: "WSUS Communication Problems", families: WIN, on: On::Any, apply: |e, now| e.readiness.wsus_last_report = Some(Timestamp::from_millis(now - 45 * DAY)) },
    Scenario { name: "Unknown Endpoint", families: ALL, on: On::Any, apply: |e, _| { e.connector = Some(ConnectorState::UnknownEndpoint); e.credentials_valid = None; e.maintenance = None; e.last_seen = None; } },
    // The catalogue says a virtual machine: servers, not the MacBooks.
    Scenario { name: "Pending User Action", families: WIN_LINUX, on: On::Any, apply: |e, _| e.pending_user_action = true },
    Scenario { name: "Pending Reboot Suspension", families: ALL, on: On::Any, apply: |e, _| e.pending_reboot = true },
    // Exactly at the threshold, which counts.
    Scenario { name: "Low Disk Space", families: ALL, on: On::Any, apply: |e, _| e.drives[0].used_percent = 90.0 },
];

/// A system its vendor no longer supports, as the legacy machines run: not
/// supported for patching, and on Windows with the PowerShell it shipped
/// with; every machine on the same system alike.
fn retired_system(endpoint: &mut Endpoint) {
    endpoint.os_supported = Some(false);
    if endpoint.powershell_major.is_some() {
        endpoint.powershell_major = Some(2);
    }
}

/// The exemptions and the warning the demo deliberately shows, in table order.
pub fn scenario_names() -> Vec<&'static str> {
    SCENARIOS.iter().map(|s| s.name).collect()
}

/// Share of endpoints given a scenario, in percent; the rest are patchable.
const EXEMPT_SHARE: usize = 15;

fn endpoints(count: usize, now: Timestamp, seed: u64, rng: &mut Lcg) -> Vec<Endpoint> {
    let now_ms = now.millis();
    let mut inventory = Inventory::new(seed);
    let exempt = (count * EXEMPT_SHARE / 100).max(SCENARIOS.len()).min(count);
    // The patchable endpoints take each kind's first machines and the held
    // back ones the machines after them, so that the machines jobs deploy
    // to first, the showcase among them, are mostly patchable.
    let mut all: Vec<Endpoint> = (exempt..count)
        .chain(0..exempt)
        .map(|i| {
            let scenario = (i < exempt).then(|| &SCENARIOS[i % SCENARIOS.len()]);
            let (family, on) = match scenario {
                Some(s) => (*rng.pick(s.families), s.on),
                None => (
                    *rng.pick(&[Windows, Windows, Windows, Linux, Linux, Mac]),
                    On::Any,
                ),
            };
            let kind = rng.pick(machines_of(family, matches!(on, On::Legacy)));
            let host = inventory.next(kind, |os| match on {
                On::Running(prefix) => os.starts_with(prefix),
                On::Any | On::Legacy => true,
            });
            let mut endpoint = clean_endpoint(i, host, now_ms, rng);
            match scenario {
                Some(s) => (s.apply)(&mut endpoint, now_ms),
                // One patchable endpoint sits just under the disk threshold.
                None if i == exempt => endpoint.drives[0].used_percent = 89.9,
                None => {}
            }
            endpoint
        })
        .collect();
    // Spread the exempt endpoints through the list, as in a real inventory.
    for i in (1..all.len()).rev() {
        all.swap(i, rng.below(i as u64 + 1) as usize);
    }
    all
}

// The demo's times move to the viewer's clock (`source::rebase`), so no name
// may promise a time of day.
fn clean_endpoint(i: usize, host: Host, now: i64, rng: &mut Lcg) -> Endpoint {
    let family = host.kind.family();
    let windows = family == Windows;
    let drives = match family {
        Windows => vec!["C:", "D:"],
        Linux => vec!["/", "/var"],
        _ => vec!["/"],
    };
    let window_start = now - rng.between(HOUR / 2, 3 * HOUR);
    Endpoint {
        id: format!("ep-{i:05}"),
        name: host.name,
        os: host.os,
        connector: Some(ConnectorState::Connected),
        credentials_valid: Some(true),
        power: Some(PowerState::On),
        os_supported: Some(true),
        maintenance: schedule(
            rng.pick::<&str>(host.kind.schedules),
            vec![window(window_start, window_start + 6 * HOUR)],
        ),
        suspension: None,
        powershell_major: windows.then_some(5),
        powershell_policy: windows.then(|| "RemoteSigned".to_owned()),
        readiness: Readiness {
            wsus_last_report: windows
                .then(|| Timestamp::from_millis(now - rng.between(HOUR, 20 * HOUR))),
            ..Readiness::default()
        },
        pending_user_action: false,
        pending_reboot: false,
        drives: drives
            .into_iter()
            .map(|name| Drive {
                name: name.to_owned(),
                used_percent: rng.between(120, 850) as f64 / 10.0,
            })
            .collect(),
        last_seen: Some(Timestamp::from_millis(now - rng.between(60_000, 2 * HOUR))),
        reported_exemptions: Vec::new(),
        unreadable: UnreadableFacts::default(),
    }
}
