//! What an edit costs in the open project: checking, writing and applying
//! one edit at 2,000 and 20,000 personas, undoing it, and opening a project.
//! The files live on disk (in the target folder, not a RAM disk), with the
//! journal and sync settings users get, so the figures include the fsyncs
//! of a real commit. `scripts/bench-edit.py` sets the whole-process figure
//! against SQLite's own cost of one small committed UPDATE.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use persona_atlas::api;
use persona_atlas::edit::Edit;
use persona_atlas::generate::portfolio;
use persona_atlas::session::Session;
use tempfile::TempDir;

fn project_file(n: usize) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a scratch folder");
    let path = dir.path().join(format!("p{n}.patlas"));
    api::create(&path, &portfolio(n, 1), false).expect("a generated portfolio writes");
    (dir, path)
}

/// The k-th of a stream of small edits: a persona's need changes importance.
fn nth_edit(s: &Session, k: usize) -> Edit {
    let p = &s.project().personas[k % s.project().personas.len()];
    let need = s.project().needs[k % s.project().needs.len()].id.clone();
    Edit::LinkNeed {
        persona: p.id.clone(),
        need,
        importance: Some(((k % 9) + 1) as f64 / 10.0),
    }
}

fn session(c: &mut Criterion) {
    let mut group = c.benchmark_group("session");
    group.measurement_time(Duration::from_secs(6));
    for n in [2_000, 20_000] {
        let (_dir, path) = project_file(n);
        let mut s = Session::open(&path).expect("opens");
        let mut k = 0usize;
        group.bench_function(BenchmarkId::new("edit_and_commit", n), |b| {
            b.iter(|| {
                k += 1;
                let edit = nth_edit(&s, k);
                s.edit(&edit).expect("the edit is applied")
            })
        });
        group.bench_function(BenchmarkId::new("undo", n), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    k += 1;
                    let edit = nth_edit(&s, k);
                    s.edit(&edit).expect("the edit is applied");
                    let start = Instant::now();
                    s.undo().expect("and undone");
                    spent += start.elapsed();
                }
                spent
            })
        });
        if n == 20_000 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("open", n), |b| {
            b.iter(|| Session::open(&path).expect("opens"))
        });
        group.bench_function(BenchmarkId::new("info", n), |b| {
            b.iter(|| api::info(&path).expect("describes"))
        });
    }
    group.finish();
}

/// What the app sends after an edit, made and turned into JSON: the whole
/// findings, map and overview as before, against what changed of them.
/// The edit itself is measured above; here it is done outside the timing.
fn reply(c: &mut Criterion) {
    let mut group = c.benchmark_group("reply");
    group.measurement_time(Duration::from_secs(6));
    group.sample_size(20);
    let (_dir, path) = project_file(2_000);
    let mut s = Session::open(&path).expect("opens");
    let _ = api::send_insights(&mut s, true);
    let _ = api::send_overview(&mut s, true);
    let mut k = 0usize;
    let mut timed = |b: &mut criterion::Bencher, whole: bool| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                k += 1;
                let edit = nth_edit(&s, k);
                s.edit(&edit).expect("the edit is applied");
                let start = Instant::now();
                let insights = api::send_insights(&mut s, whole);
                let overview = api::send_overview(&mut s, whole);
                let json = serde_json::to_string(&(insights, overview)).expect("serialises");
                spent += start.elapsed();
                std::hint::black_box(json);
            }
            spent
        })
    };
    group.bench_function(BenchmarkId::new("whole", 2_000), |b| timed(b, true));
    group.bench_function(BenchmarkId::new("changes", 2_000), |b| timed(b, false));
    group.finish();
}

criterion_group!(benches, session, reply);
criterion_main!(benches);
