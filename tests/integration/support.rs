//! What the areas share: a folder per test, the command-line tool, and sample
//! projects (a small valid one to break on purpose, and a hand-written one
//! that uses every field of the format).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};
use tempfile::TempDir;

/// The demo portfolio as it ships, in interchange JSON.
pub const DEMO_JSON: &str = include_str!("../../src/demo/portfolio.json");

/// A fresh empty folder of its own, removed when the test ends.
pub fn scratch() -> TempDir {
    tempfile::tempdir().expect("the system's temp folder must be writable")
}

/// The names of the files and folders in `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the test folder must be listable")
        .map(|entry| {
            entry
                .expect("a folder entry must be readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Asserts that `dir` holds exactly `expected`: no temporary files, no
/// SQLite journals, nothing a failed or finished write left behind.
pub fn assert_only(dir: &Path, expected: &[&str], why: &str) {
    let mut expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(names_in(dir), expected, "{why}");
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write_file(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("the test folder must be writable");
    path
}

/// Writes a JSON value, pretty-printed, to `dir/name` and returns the path.
pub fn write_json(dir: &Path, name: &str, doc: &Value) -> PathBuf {
    let text = serde_json::to_string_pretty(doc).expect("a JSON value always serialises");
    write_file(dir, name, text)
}

/// The bytes of a file.
pub fn bytes(path: &Path) -> Vec<u8> {
    fs::read(path).expect("the file must be readable")
}

/// The built-in demo written as a project file `dir/demo.patlas`.
pub fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("demo.patlas");
    persona_atlas::api::create_demo(&path, false).expect("the built-in demo must always write");
    path
}

/// What a run of the command-line tool did.
pub struct Run {
    /// The exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts the run succeeded, showing what it printed if not.
    pub fn assert_ok(&self, what: &str) {
        assert_eq!(
            self.code,
            Some(0),
            "{what} must succeed; stderr:\n{}",
            self.stderr
        );
    }

    /// Asserts the run failed the way the tool reports errors: exit code 1,
    /// one `error:` line first on stderr, and no panic.
    pub fn assert_error(&self, what: &str) {
        assert_eq!(
            self.code,
            Some(1),
            "{what} must fail with exit code 1 (not a crash); stderr:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.starts_with("error: "),
            "{what}: an error is reported on stderr starting with `error:`, got:\n{}",
            self.stderr
        );
        assert_no_panic(self, what);
    }
}

/// Asserts the tool did not panic: no panic message, no exit code 101.
pub fn assert_no_panic(run: &Run, what: &str) {
    assert!(
        !run.stderr.contains("panicked"),
        "{what}: no input may make the tool panic; stderr:\n{}",
        run.stderr
    );
    assert_ne!(
        run.code,
        Some(101),
        "{what}: exit code 101 is a panic; stderr:\n{}",
        run.stderr
    );
}

/// The command-line tool, run in `dir` so that paths in its messages are
/// the short relative ones the test passed.
pub fn cli_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_persona-atlas"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(Stdio::null());
    command
}

/// Runs the command-line tool in `dir` and collects what it printed.
pub fn cli(dir: &Path, args: &[&str]) -> Run {
    Run::from(
        cli_command(dir, args)
            .output()
            .expect("the persona-atlas binary must start"),
    )
}

/// A small valid project: one of each main kind, linked to each other, so a
/// test can break exactly one thing and know every problem it should get.
pub fn small_project() -> Value {
    json!({
        "format": "persona-atlas",
        "version": 1,
        "project": { "name": "Small portfolio" },
        "market_segments": [{ "id": "ms-smb", "name": "Small businesses" }],
        "customer_segments": [{ "id": "cs-careful", "name": "Careful buyers" }],
        "buying_roles": [{ "id": "role-buyer", "name": "Economic buyer", "decides": true }],
        "needs": [{ "id": "need-speed", "name": "Speed" }],
        "products": [{
            "id": "prod-fast",
            "name": "Fast",
            "addresses": [{ "need": "need-speed", "score": 0.8 }]
        }],
        "competitors": [],
        "personas": [
            {
                "id": "p-ops",
                "name": "Ops lead",
                "market_segment": "ms-smb",
                "customer_segment": "cs-careful",
                "status": "proto",
                "needs": [{ "need": "need-speed", "importance": 0.9 }],
                "products": [{ "product": "prod-fast", "relation": "uses" }],
                "evidence": [{ "kind": "interview", "date": "2024-05-01" }]
            },
            { "id": "p-cfo", "name": "CFO", "buying_role": "role-buyer" }
        ],
        "relationships": [{ "from": "p-ops", "to": "p-cfo", "kind": "influences", "weight": 0.5 }],
        "buying_units": [{
            "id": "bu-smb",
            "name": "Small business deal",
            "members": [{ "persona": "p-ops" }, { "persona": "p-cfo" }]
        }]
    })
}

/// A hand-written portfolio that is not the demo and uses every entity kind
/// and every optional field of the format: attributes of every value type,
/// evidence with and without a date, a relationship without a weight, a
/// buying-unit member whose role differs from the persona's, a persona with
/// rules, the whole profile (teams, scenarios, a portrait), evidence from a
/// match of customer records, journeys and a changed stale_after_days. Lists
/// are deliberately out of id order.
pub fn full_portfolio() -> Value {
    json!({
        "format": "persona-atlas",
        "version": 1,
        "project": {
            "name": "Harbourline logistics portfolio",
            "description": "Hand-written for the tests: every kind, every optional field."
        },
        "market_segments": [
            {
                "id": "ms-retail",
                "name": "Retail chains",
                "description": "Chains with 50+ stores.",
                "attributes": {
                    "industry": "retail",
                    "stores": 50,
                    "growth": 0.125,
                    "regulated": false,
                    "margin_delta": -3,
                    "big_count": 18_446_744_073_709_551_615_u64
                },
                "size": 1250,
                "priority": 4
            },
            { "id": "ms-3pl", "name": "Third-party logistics", "size": 310.5, "priority": 1 }
        ],
        "customer_segments": [
            {
                "id": "cs-cautious",
                "name": "Cautious operators",
                "description": "Buy on references.",
                "attributes": { "risk_appetite": "low", "nps": 31 },
                "priority": 2
            },
            { "id": "cs-bold", "name": "Bold adopters" }
        ],
        "buying_roles": [
            { "id": "role-user", "name": "Daily user", "attributes": { "seats": 40 } },
            {
                "id": "role-econ",
                "name": "Economic buyer",
                "description": "Signs the cheque.",
                "required": true,
                "decides": true
            },
            { "id": "role-tech", "name": "Technical evaluator", "required": true }
        ],
        "needs": [
            {
                "id": "need-track",
                "name": "Live shipment tracking",
                "description": "Where is my truck?",
                "attributes": { "jtbd": true }
            },
            { "id": "need-cost", "name": "Lower freight cost" },
            { "id": "need-audit", "name": "Audit trail" }
        ],
        "products": [
            {
                "id": "prod-tower",
                "name": "Control Tower",
                "description": "Real-time visibility.",
                "attributes": {
                    "launched": 2019,
                    "list_price": 1499.99,
                    "saas": true,
                    "tier": "enterprise"
                },
                "addresses": [
                    { "need": "need-track", "score": 0.9 },
                    { "need": "need-audit", "score": 0.35 },
                    { "need": "need-cost", "score": 0 }
                ]
            },
            { "id": "prod-rate", "name": "Rate Finder", "addresses": [{ "need": "need-cost", "score": 1 }] }
        ],
        "competitors": [
            {
                "id": "comp-freightly",
                "name": "Freightly",
                "description": "The incumbent.",
                "attributes": { "market_share": 0.4, "public": true },
                "addresses": [
                    { "need": "need-track", "score": 0.6 },
                    { "need": "need-cost", "score": 0.75 }
                ]
            }
        ],
        "personas": [
            {
                "id": "p-ops-olga",
                "name": "Olga, operations lead",
                "description": "Runs dispatch for 120 trucks.",
                "attributes": { "age": 41, "city_size": "big", "remote_share": 0.2, "manager": true },
                "title": "Head of Operations",
                "quote": "Ça marche \u{2014} until a \u{201c}driver\u{201d} calls in sick. 🚚",
                "goals": ["On-time delivery above 97%", "Fewer phone calls"],
                "pain_points": ["Spreadsheets", "No live ETA"],
                "channels": ["LinkedIn", "Trade fairs"],
                "market_segment": "ms-retail",
                "customer_segment": "cs-cautious",
                "buying_role": "role-user",
                "priority": 5,
                "status": "validated",
                "last_reviewed": "2024-02-29",
                "needs": [
                    { "need": "need-track", "importance": 1 },
                    { "need": "need-cost", "importance": 0.4 }
                ],
                "products": [
                    { "product": "prod-tower", "relation": "uses" },
                    { "product": "prod-tower", "relation": "targets" },
                    { "product": "prod-rate", "relation": "evaluates" }
                ],
                "evidence": [
                    {
                        "kind": "interview",
                        "source": "12 dispatcher interviews, spring 2024",
                        "date": "2024-04-18"
                    },
                    { "kind": "crm", "source": "Won deals export" },
                    { "kind": "assumption" },
                    {
                        "kind": "crm",
                        "source": "contacts.csv",
                        "date": "2026-11-20",
                        "note": "Matched from the CRM export of November.",
                        "records": 4210,
                        "share": 0.125
                    }
                ],
                "rules": "department = \"operations\" and fleet_size >= 50",
                "used_by": ["marketing", "sales", "ux"],
                "scenarios": [
                    { "title": "Monday 6 a.m.", "text": "Two drivers call in sick.\nOlga reroutes." },
                    { "title": "Quarterly review" }
                ],
                "portrait": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="
            },
            {
                "id": "p-cfo-carl",
                "name": "Carl, CFO",
                "title": "Chief Financial Officer",
                "market_segment": "ms-3pl",
                "customer_segment": "cs-bold",
                "buying_role": "role-econ",
                "priority": 3,
                "status": "proto",
                "needs": [{ "need": "need-cost", "importance": 0.95 }],
                "products": [{ "product": "prod-rate", "relation": "owned_by" }],
                "evidence": [{ "kind": "survey", "date": "2023-11-02" }]
            },
            {
                "id": "p-architect-ana",
                "name": "Ana, IT architect",
                "buying_role": "role-tech",
                "status": "detailed",
                "evidence": [
                    { "kind": "workshop", "source": "Architecture board" },
                    { "kind": "analytics", "source": "Docs page views", "date": "2024-01-15" }
                ]
            },
            { "id": "p-it-ivan", "name": "Ivan, IT manager" }
        ],
        "relationships": [
            {
                "from": "p-ops-olga",
                "to": "p-cfo-carl",
                "kind": "recommends",
                "weight": 0.7,
                "description": "Olga's ROI case goes to Carl.",
                "attributes": { "meetings_per_month": 2, "formal": false, "channel": "email", "trust": 0.85 }
            },
            { "from": "p-architect-ana", "to": "p-cfo-carl", "kind": "blocks" },
            { "from": "p-cfo-carl", "to": "p-ops-olga", "kind": "approves", "weight": 0 },
            { "from": "p-architect-ana", "to": "p-ops-olga", "kind": "collaborates", "weight": 0.5 },
            { "from": "p-ops-olga", "to": "p-architect-ana", "kind": "influences", "weight": 0.25 },
            { "from": "p-architect-ana", "to": "p-it-ivan", "kind": "reports_to", "weight": 1 }
        ],
        "buying_units": [
            {
                "id": "bu-retail-deal",
                "name": "Retail chain deal",
                "description": "A typical chain rollout.",
                "attributes": { "avg_deal_eur": 85000, "cycle_days": 120.5, "rfp": true, "region": "DACH" },
                "product": "prod-tower",
                "market_segment": "ms-retail",
                "members": [
                    { "persona": "p-ops-olga" },
                    { "persona": "p-cfo-carl", "role": "role-econ" },
                    { "persona": "p-architect-ana", "role": "role-user" }
                ]
            },
            { "id": "bu-3pl-deal", "name": "3PL deal" }
        ],
        "journeys": [
            {
                "id": "j-rollout",
                "name": "From pilot to rollout",
                "description": "Two personas on the same stages.",
                "attributes": { "owner": "product marketing" },
                "personas": ["p-ops-olga", "p-cfo-carl"],
                "stages": [
                    {
                        "name": "Awareness",
                        "goals": ["Hear of a better way"],
                        "questions": ["Who else uses it?"],
                        "touchpoints": ["Trade fair booth"],
                        "channels": ["Trade fairs"],
                        "needs": ["need-track"],
                        "pains": ["No time to look"],
                        "opportunities": ["Customer video"],
                        "emotion": -1
                    },
                    { "name": "Evaluation", "needs": ["need-cost", "need-audit"], "emotion": 0.5 },
                    { "name": "Renewal" }
                ]
            },
            { "id": "j-empty", "name": "Not yet mapped" }
        ],
        "thresholds": { "stale_after_days": 180, "overlap_at": 0.75 },
        // Saved views keep the order the user gave them (not sorted).
        "views": [
            {
                "name": "Retail deciders",
                "note": "Who signs in a retail chain.",
                "filter": {
                    "market_segment": "ms-retail",
                    "buying_role": "role-econ",
                    "product": "prod-tower",
                    "status": "validated",
                    "low_confidence": true
                },
                "layers": { "products": true, "needs": true },
                "camera": { "zoom": 1.5, "x": 120.5, "y": -40.25 }
            },
            { "name": "All of it" }
        ]
    })
}

/// The top-level lists whose items have ids.
const ID_LISTS: &[&str] = &[
    "market_segments",
    "customer_segments",
    "buying_roles",
    "needs",
    "products",
    "competitors",
    "personas",
    "buying_units",
    "journeys",
];

/// Fields that hold a plain number the format reads as a float: an export
/// writes `4200` back as `4200.0`, the same number.
const FLOAT_FIELDS: &[&str] = &["size", "score", "importance", "weight", "emotion"];

/// Relationship kinds in the order the spec lists them, which is the order
/// an export sorts relationships of one pair of personas in.
const RELATIONSHIP_KINDS: &[&str] = &[
    "influences",
    "approves",
    "reports_to",
    "recommends",
    "blocks",
    "collaborates",
];

/// What an export of `doc` must look like, by the normalisation the format
/// documents: every list sorted by id (relationships by from, to and kind),
/// a missing weight written as 1, and numbers of the float fields written
/// as floats. An export also leaves out what reads the same when absent: a
/// `false` flag, an empty list inside an entity, a `null`.
/// Attributes are left exactly as written: an integer stays an integer.
pub fn normalised(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    for list in ID_LISTS {
        if let Some(items) = doc.get_mut(*list).and_then(Value::as_array_mut) {
            items.sort_by_key(|item| text(item, "id"));
        }
    }
    // Thresholds that differ from the defaults are written whole.
    if let Some(t) = doc.get_mut("thresholds").and_then(Value::as_object_mut) {
        for (name, default) in [
            ("underserved_below", json!(0.6)),
            ("important_need", json!(0.7)),
            ("met_at", json!(0.5)),
            ("overlap_at", json!(0.7)),
            ("stale_after_days", json!(365)),
        ] {
            t.entry(name).or_insert(default);
        }
    }
    if let Some(items) = doc["relationships"].as_array_mut() {
        let rank = |r: &Value| RELATIONSHIP_KINDS.iter().position(|k| r["kind"] == *k);
        items.sort_by_key(|r| (text(r, "from"), text(r, "to"), rank(r)));
        for r in items {
            if r.get("weight").is_none() {
                r["weight"] = json!(1.0);
            }
        }
    }
    if let Some(top) = doc.as_object_mut() {
        top.values_mut().for_each(drop_defaults);
    }
    floats(&mut doc);
    doc
}

fn drop_defaults(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|key, value| {
                let empty_list = value.as_array().is_some_and(Vec::is_empty);
                let false_flag = (key == "required" || key == "decides") && *value == false;
                key == "attributes" || !(value.is_null() || empty_list || false_flag)
            });
            map.iter_mut()
                .filter(|(key, _)| *key != "attributes")
                .for_each(|(_, value)| drop_defaults(value));
        }
        Value::Array(items) => items.iter_mut().for_each(drop_defaults),
        _ => {}
    }
}

fn floats(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "attributes" {
                    continue;
                }
                match value {
                    Value::Number(n) if FLOAT_FIELDS.contains(&key.as_str()) => {
                        *value = json!(n.as_f64().expect("a JSON number is a float"));
                    }
                    other => floats(other),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(floats),
        _ => {}
    }
}

/// Parses exported text, which must always be valid JSON.
pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("an export is always valid JSON")
}

/// Where two JSON documents differ, as JSON pointers with both values, so
/// that a failed comparison of large documents says exactly what changed.
pub fn differences(actual: &Value, expected: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff_at("", actual, expected, &mut out);
    out
}

fn diff_at(at: &str, actual: &Value, expected: &Value, out: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (key, ev) in e {
                match a.get(key) {
                    Some(av) => diff_at(&format!("{at}/{key}"), av, ev, out),
                    None => out.push(format!("{at}/{key}: missing, expected {ev}")),
                }
            }
            for (key, av) in a {
                if !e.contains_key(key) {
                    out.push(format!("{at}/{key}: unexpected {av}"));
                }
            }
        }
        (Value::Array(a), Value::Array(e)) if a.len() == e.len() => {
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                diff_at(&format!("{at}/{i}"), av, ev, out);
            }
        }
        (a, e) if a != e => out.push(format!("{at}: got {a}, expected {e}")),
        _ => {}
    }
}

/// The item of a list of entities with the given id.
pub fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .and_then(|items| items.iter().find(|item| item["id"] == id))
        .unwrap_or_else(|| panic!("the list must hold an entity with id {id:?}: {list}"))
}

/// The day every analysis here is judged on, so that what is stale does
/// not change with the calendar.
pub fn today() -> persona_atlas::model::Date {
    persona_atlas::model::Date::from_ymd(2026, 12, 2).expect("a calendar day")
}

/// A workbook of `sheets`, each a list of rows of texts.
pub fn workbook(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet
                        .write_string(r as u32, c as u16, *cell)
                        .expect("a cell");
                }
            }
        }
    }
    book.save(path).expect("the workbook saves");
}
