//! How fast the findings come: a full analysis of generated portfolios of
//! 200, 2,000 and 20,000 personas, and a re-analysis after one edit at 2,000
//! (what the app does after every change). Targets, on one core: 20k under
//! 150 ms, re-analysis at 2k under 10 ms. Also the matrices the Matrices
//! view builds. What an edit itself costs is in `benches/session.rs`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use persona_atlas::analysis::analyze;
use persona_atlas::generate::portfolio;
use persona_atlas::matrix::matrices;
use persona_atlas::model::{Date, Thresholds, Unit};

/// A fixed day, so that what is stale does not change between runs.
fn today() -> Date {
    Date::from_ymd(2026, 12, 2).expect("a calendar day")
}

fn full_analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_analysis");
    group.measurement_time(Duration::from_secs(8));
    for n in [200, 2_000, 20_000] {
        let project = portfolio(n, 1);
        if n == 20_000 {
            group.sample_size(20);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &project, |b, p| {
            b.iter(|| analyze(black_box(p), &Thresholds::DEFAULT, today()))
        });
    }
    group.finish();
}

fn reanalysis_after_one_edit(c: &mut Criterion) {
    let mut project = portfolio(2_000, 1);
    let mut step = 0usize;
    c.bench_function("reanalysis_after_one_edit/2000", |b| {
        b.iter(|| {
            // One edit: a persona's first need changes importance.
            step += 1;
            let i = step % project.personas.len();
            if let Some(need) = project.personas[i].needs.first_mut() {
                need.importance = Unit::new((step % 10) as f64 / 10.0).unwrap_or(Unit::ONE);
            }
            analyze(black_box(&project), &Thresholds::DEFAULT, today())
        })
    });
}

fn edit_and_matrices(c: &mut Criterion) {
    let mut group = c.benchmark_group("after_an_edit");
    group.measurement_time(Duration::from_secs(8));
    for n in [2_000, 20_000] {
        let project = portfolio(n, 1);
        if n == 20_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("matrices", n), &project, |b, p| {
            b.iter(|| matrices(black_box(p)))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    full_analysis,
    reanalysis_after_one_edit,
    edit_and_matrices
);
criterion_main!(benches);
