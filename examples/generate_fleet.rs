//! Writes the demo fleet as native Patchboard files.
//!
//! `cargo run --release --example generate_fleet -- --out DIR --assets N --endpoints N --seed S`

use patchboard::source::demo_gen::{generate, FleetSpec};
use patchboard::source::native::{document, ENDPOINTS_KEY, JOBS_KEY, RESULTS_KEY, RUNS_KEY};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: generate_fleet --out DIR [--assets N] [--endpoints N] [--seed S]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut spec = FleetSpec::default();
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: expected a number, found {value:?}"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(&value)),
            "--assets" => spec.assets = number()? as usize,
            "--endpoints" => spec.endpoints = number()? as usize,
            "--seed" => spec.seed = number()?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let out = out.ok_or("--out is required")?;
    let fleet = generate(&spec);
    let at = fleet.generated_at;
    let jobs: Vec<_> = fleet.jobs.iter().map(|j| j.job.clone()).collect();
    write(&out.join("jobs.json"), &document(JOBS_KEY, at, &jobs))?;
    for demo in &fleet.jobs {
        let dir = out.join("jobs").join(&demo.job.id);
        write(&dir.join("runs.json"), &document(RUNS_KEY, at, &demo.runs))?;
        write(
            &dir.join("results.json"),
            &document(RESULTS_KEY, at, &demo.results),
        )?;
    }
    write(
        &out.join("endpoints.json"),
        &document(ENDPOINTS_KEY, at, &fleet.endpoints),
    )?;
    let assets: usize = fleet.jobs.iter().map(|j| j.results.len()).sum();
    println!(
        "wrote {} jobs, {assets} asset results, {} endpoints to {}",
        jobs.len(),
        fleet.endpoints.len(),
        out.display()
    );
    Ok(())
}

fn write(path: &Path, document: &Value) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, format!("{document}\n")).map_err(|e| format!("{}: {e}", path.display()))
}
