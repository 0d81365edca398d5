//! What testing personas against customer records costs: a match of a
//! deterministic table of 100,000 records against twelve rules that use
//! every kind of test, with and without accounts, and reading a rule.
//! `scripts/bench-match.py` sets the million-record figure against DuckDB.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use persona_atlas::generate::portfolio;
use persona_atlas::model::Project;
use persona_atlas::rules::{MatchOptions, match_file, parse};
use tempfile::TempDir;

const RULES: [&str; 12] = [
    "age < 30 and city = \"big\" and department starts with \"purch\"",
    "department in (\"it\", \"engineering\") or signup < 2019-01-01",
    "title contains any (\"cto\", \"chief technology\")",
    "age between 30 and 45 and active = true",
    "not (city = \"small\") and score >= 0.8",
    "title ends with \"manager\" and department = \"operations\"",
    "email is missing and phone is present",
    "signup between 2022-01-01 and 2023-12-31 and age > 50",
    "department not in (\"sales\", \"marketing\", \"it\") and score < 0.2",
    "city = \"medium\" and title contains \"lead\"",
    "active = false and age <= 25",
    "`company size` > 500 and department = \"procurement\"",
];

fn project() -> Project {
    let mut p = portfolio(12, 1);
    for (persona, rule) in p.personas.iter_mut().zip(RULES) {
        persona.rules = Some(rule.to_owned());
    }
    p
}

/// A small, fixed generator, so that every run reads the same table.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn table(records: usize) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a scratch folder");
    let path = dir.path().join("records.csv");
    let cities = ["big", "Big", "medium", "small", " big ", ""];
    let departments = [
        "Purchasing",
        "IT",
        "Engineering",
        "Operations",
        "Sales",
        "Procurement",
        "",
    ];
    let titles = [
        "Head of Procurement",
        "CTO",
        "Operations Manager",
        "Team Lead",
        "Analyst",
        "",
    ];
    let mut rng = Rng(7);
    let mut out = String::from(
        "id,account,age,city,department,title,signup,active,score,email,phone,company size\n",
    );
    for i in 0..records {
        let pick =
            |rng: &mut Rng, list: &[&'static str]| list[rng.below(list.len() as u64) as usize];
        let age = if rng.below(30) == 0 {
            String::new()
        } else {
            (18 + rng.below(53)).to_string()
        };
        let _ = writeln!(
            out,
            "{i},acct-{},{age},{},{},{},{}-{:02}-{:02},{},0.{:03},{},{},{}",
            rng.below(5_000),
            pick(&mut rng, &cities),
            pick(&mut rng, &departments),
            pick(&mut rng, &titles),
            2015 + rng.below(11),
            1 + rng.below(12),
            1 + rng.below(28),
            pick(&mut rng, &["true", "false", "yes", "no", ""]),
            rng.below(1000),
            if rng.below(3) == 0 {
                String::new()
            } else {
                format!("p{i}@example.com")
            },
            if rng.below(2) == 0 {
                ""
            } else {
                "+44 20 7946 0000"
            },
            1 + rng.below(5000),
        );
    }
    std::fs::write(&path, out).expect("the table writes");
    (dir, path)
}

fn rules(c: &mut Criterion) {
    let project = project();
    let (_dir, path) = table(100_000);
    let mut group = c.benchmark_group("rules");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("match/100k", |b| {
        b.iter(|| match_file(&project, &path, &MatchOptions::default()).expect("matches"));
    });
    let accounts = MatchOptions {
        account: Some("account".to_owned()),
        ..MatchOptions::default()
    };
    group.bench_function("match_accounts/100k", |b| {
        b.iter(|| match_file(&project, &path, &accounts).expect("matches"));
    });
    group.bench_function("parse/12_rules", |b| {
        b.iter(|| {
            RULES
                .iter()
                .map(|r| parse(r).expect("parses"))
                .collect::<Vec<_>>()
        });
    });
    group.finish();
}

criterion_group!(benches, rules);
criterion_main!(benches);
