//! Filter, sort and group costs over synthetic tables of 1k, 10k and 100k rows.
//! A keystroke re-runs the filter, so it must stay well inside a frame; a sort
//! runs when the sort or the data changes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use patchboard::domain::table::{
    facet_counts, retain_rows, search_key, sort_rows, Direction, Facet, FacetSet, SortKey,
    SortSpec, SortValue, TextQuery,
};
use std::hint::black_box;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Succeeded,
    Failed,
    Pending,
    Downloading,
    TimedOut,
    Skipped,
}

impl Facet for Outcome {
    const ALL: &'static [Self] = &[
        Outcome::Succeeded,
        Outcome::Failed,
        Outcome::Pending,
        Outcome::Downloading,
        Outcome::TimedOut,
        Outcome::Skipped,
    ];
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Outcome,
    FreeGb,
}

struct Row {
    name: String,
    outcome: Outcome,
    free_gb: Option<f64>,
    haystack: String,
}

/// A tiny deterministic generator (Knuth's MMIX LCG), so runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

fn synthetic_rows(count: usize) -> Vec<Row> {
    const SITES: [&str; 5] = ["ams", "fra", "nyc", "sgp", "syd"];
    const ROLES: [&str; 4] = ["web", "db", "cache", "batch"];
    const SYSTEMS: [&str; 4] = [
        "Windows Server 2022",
        "Ubuntu 22.04",
        "Red Hat Enterprise Linux 9",
        "macOS 14",
    ];
    let mut lcg = Lcg(42);
    (0..count)
        .map(|_| {
            let site = SITES[lcg.below(5) as usize];
            let role = ROLES[lcg.below(4) as usize];
            let name = format!("{site}-{role}-{}", lcg.below(count as u64 * 4));
            let system = SYSTEMS[lcg.below(4) as usize];
            let outcome = Outcome::ALL[lcg.below(Outcome::ALL.len() as u64) as usize];
            let free_gb = (lcg.below(10) != 0).then(|| lcg.below(500_000) as f64 / 1000.0);
            let haystack = search_key(&[&name, system, &format!("{outcome:?}")]);
            Row {
                name,
                outcome,
                free_gb,
                haystack,
            }
        })
        .collect()
}

fn value(row: &Row, column: Column) -> SortValue<'_> {
    match column {
        Column::Name => row.name.as_str().into(),
        Column::Outcome => (row.outcome.index() as u64).into(),
        Column::FreeGb => row.free_gb.into(),
    }
}

fn table_operations(c: &mut Criterion) {
    let by_name = SortSpec::by(Column::Name, Direction::Asc);
    let by_outcome_then_free = SortSpec::new(vec![
        SortKey {
            column: Column::Outcome,
            direction: Direction::Asc,
        },
        SortKey {
            column: Column::FreeGb,
            direction: Direction::Desc,
        },
    ]);
    let query = TextQuery::parse("fra web ubuntu");
    let failures: FacetSet<Outcome> = [Outcome::Failed, Outcome::TimedOut].into_iter().collect();
    let mut group = c.benchmark_group("table");
    for size in SIZES {
        let rows = synthetic_rows(size);
        // Filters run as the pages run them: on a copy of the sorted list,
        // whose order is not the rows' (7,919 is prime to every size).
        let every: Vec<u32> = (0..size as u64)
            .map(|i| (i * 7_919 % size as u64) as u32)
            .collect();
        group.bench_with_input(BenchmarkId::new("filter_text", size), &rows, |b, rows| {
            b.iter(|| {
                let mut listed = every.clone();
                retain_rows(rows, &mut listed, |row| query.matches(&row.haystack));
                listed
            })
        });
        group.bench_with_input(BenchmarkId::new("filter_facet", size), &rows, |b, rows| {
            b.iter(|| {
                let mut listed = every.clone();
                retain_rows(rows, &mut listed, |row| failures.admits(row.outcome));
                listed
            })
        });
        for (name, spec) in [
            ("sort_name", &by_name),
            ("sort_outcome_free", &by_outcome_then_free),
        ] {
            group.bench_with_input(BenchmarkId::new(name, size), &rows, |b, rows| {
                b.iter(|| {
                    sort_rows(rows.len(), spec, |column, index| {
                        value(&rows[index], column)
                    })
                })
            });
        }
        group.bench_with_input(BenchmarkId::new("group_counts", size), &rows, |b, rows| {
            b.iter(|| facet_counts(rows, black_box(&every), |row| [row.outcome]))
        });
    }
    group.finish();
}

criterion_group!(benches, table_operations);
criterion_main!(benches);
