//! Mutation fuzzing of what reads user input: the interchange reader, the
//! per-entity reader that checks an edit, the edit parser, the rules parser
//! and the tables a match reads (CSV and XLSX). Valid
//! documents are damaged at random (bytes flipped, cut, repeated, replaced
//! by JSON tokens) and read: nothing may panic, and whatever is accepted
//! must export to text that reads back to the same project.
//!
//! CI runs `PERSONA_ATLAS_FUZZ_CASES` (default 4,000) mutations of each
//! reader; `make fuzz` runs millions in a release build.

use std::panic::{AssertUnwindSafe, catch_unwind};

use persona_atlas::change::Index;
use persona_atlas::model::EntityKind;
use persona_atlas::{api, interchange};

use crate::support::*;

fn cases() -> u64 {
    std::env::var("PERSONA_ATLAS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4_000)
}

/// A small, fast generator: the same seed gives the same run, so a failure
/// can be replayed from the seed it prints.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 17
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "null",
    "true",
    "1e309",
    "-0",
    "0.5",
    "2",
    "\"\"",
    "\"\\u0000\"",
    "[]",
    "{}",
    "\"p-1\"",
    ",",
    ":",
    "\"",
    "{",
    "}",
    "[",
    "]",
    "\"version\":1",
    "\"id\":\"x\"",
    "\u{feff}",
    "\\",
];

/// Damages `doc` with one to four random mutations.
fn mutate(rng: &mut Rng, doc: &[u8]) -> Vec<u8> {
    let mut out = doc.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len().max(1));
        match rng.below(6) {
            0 => {
                if let Some(b) = out.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let end = (at + rng.below(16)).min(out.len());
                out.splice(at.min(end)..end, token.iter().copied());
            }
            3 => {
                let end = (at + 1 + rng.below(200)).min(out.len());
                let piece: Vec<u8> = out[at.min(end)..end].to_vec();
                out.splice(at..at, piece);
            }
            4 => out.truncate(at),
            _ => out.insert(at.min(out.len()), rng.next() as u8),
        }
    }
    out
}

fn fuzz(name: &str, seeds: &[Vec<u8>], mut check: impl FnMut(&[u8])) {
    let mut rng = Rng(0x5041_544C ^ name.len() as u64);
    let n = cases();
    for i in 0..n {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        assert!(
            outcome.is_ok(),
            "{name}: run {i} panicked on input {:?}",
            String::from_utf8_lossy(&input)
        );
    }
    eprintln!("fuzz {name}: {n} runs, no panic");
}

fn seeds() -> Vec<Vec<u8>> {
    let small = small_project().to_string().into_bytes();
    let demo = serde_json::from_str::<serde_json::Value>(DEMO_JSON)
        .expect("the demo is JSON")
        .to_string()
        .into_bytes();
    vec![small.clone(), small, demo]
}

#[test]
fn the_interchange_reader_survives_damaged_documents() {
    fuzz("interchange::read", &seeds(), |input| {
        let text = String::from_utf8_lossy(input);
        if let Ok(project) = interchange::read(&text, "fuzz") {
            let export = interchange::write(&project);
            let again = interchange::read(&export, "export")
                .expect("what is accepted exports to what reads back");
            assert_eq!(
                interchange::write(&again),
                export,
                "and reads back the same"
            );
        }
    });
}

#[test]
fn the_entity_reader_survives_damaged_entities() {
    let project = interchange::read(DEMO_JSON, "demo").expect("the demo reads");
    let index = Index::of(&project);
    let doc: serde_json::Value = serde_json::from_str(DEMO_JSON).expect("JSON");
    let kinds = [
        ("personas", EntityKind::Persona),
        ("products", EntityKind::Product),
        ("buying_units", EntityKind::BuyingUnit),
        ("market_segments", EntityKind::MarketSegment),
    ];
    let seeds: Vec<Vec<u8>> = kinds
        .iter()
        .map(|(list, _)| doc[list][0].to_string().into_bytes())
        .collect();
    let lookup = |id: &str| index.kind(id);
    let mut rng = Rng(11);
    fuzz("interchange::read_entity", &seeds, |input| {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(input) else {
            return;
        };
        let kind = kinds[rng.below(kinds.len())].1;
        let _ = interchange::read_entity(kind, &value, &lookup);
    });
}

#[test]
fn the_edit_parser_survives_damaged_lines() {
    let lines: Vec<Vec<u8>> = [
        r#"{"op":"link_need","persona":"p-1","need":"need-a","importance":0.4}"#,
        r#"{"op":"set_positions","positions":[{"id":"p-1","x":1,"y":2}],"replace_all":true}"#,
        r#"{"op":"create","kind":"need","value":{"id":"need-b","name":"B"}}"#,
        r#"{"op":"relate","from":"a","to":"b","kind":"influences","weight":null}"#,
        r#"{"op":"record_match","kind":"crm","source":"a.csv","date":"2026-12-03","personas":[{"persona":"p-1","records":3,"share":0.5}]}"#,
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    fuzz("api::parse_edit", &lines, |input| {
        let _ = api::parse_edit(&String::from_utf8_lossy(input));
    });
}

#[test]
fn the_rules_parser_survives_damaged_rules() {
    let rules: Vec<Vec<u8>> = [
        "age < 30 and `city size` = \"big\" or not (title contains any (\"cto\", \"chief\"))",
        "signup between 2020-01-01 and 2024-02-29 and score not in (1, -2.5e3)",
        "a is missing or b is present and c starts with \"x\\\"y\" and d ends with \"\\\\\"",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    fuzz("rules::parse", &rules, |input| {
        let text = String::from_utf8_lossy(input);
        if let Ok(rule) = persona_atlas::rules::parse(&text) {
            // A rule that reads can be asked of any record without a panic.
            let columns: Vec<String> = rule.columns().iter().map(|c| c.to_string()).collect();
            let header = persona_atlas::rules::Header::new(columns.iter().map(String::as_str));
            if let Ok(header) = header
                && let Ok(compiled) = persona_atlas::rules::Compiled::new(&rule, &header)
            {
                for cells in [["1", "2026-01-01", "yes", "x", "", "-0"]; 1] {
                    let cells: Vec<&str> =
                        cells.iter().cycle().take(columns.len()).copied().collect();
                    let _ = compiled.eval(&cells);
                }
            }
        }
    });
}

/// A project whose personas have rules on the columns of the tables below.
fn project_with_rules() -> persona_atlas::model::Project {
    let mut doc = small_project();
    doc["personas"][0]["rules"] = serde_json::json!(
        "age < 30 and city = \"big\" or signup between 2020-01-01 and 2021-12-31"
    );
    doc["personas"][1]["rules"] =
        serde_json::json!("title contains any (\"cto\", \"lead\") and active = true");
    interchange::read(&doc.to_string(), "fuzz").expect("the project reads")
}

#[test]
fn the_table_reader_survives_damaged_csv() {
    let project = project_with_rules();
    let dir = scratch();
    let path = dir.path().join("table.csv");
    let seeds: Vec<Vec<u8>> = [
        "age,city,signup,title,active,account\n25,big,2020-05-01,CTO,yes,a\n31,\"small, old\",,Lead,no,b\n",
        "\u{feff}age;city;signup\r\n25;big;2021-01-01\r\n\"4\"\"0\";;x\r\n",
        "age\ttitle\tactive\n1e3\tHead\ttrue\n\t\t\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let options = persona_atlas::rules::MatchOptions {
        account: None,
        sheet: None,
        unmatched_values: true,
    };
    fuzz("rules::match_file (CSV)", &seeds, |input| {
        std::fs::write(&path, input).expect("the table writes");
        let _ = persona_atlas::rules::match_file(&project, &path, &options);
    });
}

#[test]
fn the_table_reader_survives_damaged_workbooks() {
    use rust_xlsxwriter::Workbook;
    let project = project_with_rules();
    let dir = scratch();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in [
        ["age", "city", "title"],
        ["25", "big", "CTO"],
        ["40", "small", "Lead"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, *cell)
                .expect("a cell");
        }
    }
    let seed = book.save_to_buffer().expect("the workbook saves");
    let path = dir.path().join("table.xlsx");
    let options = persona_atlas::rules::MatchOptions::default();
    fuzz("rules::match_file (XLSX)", &[seed], |input| {
        std::fs::write(&path, input).expect("the table writes");
        let _ = persona_atlas::rules::match_file(&project, &path, &options);
    });
}

#[test]
fn the_spreadsheet_importers_survive_damaged_files() {
    let dir = scratch();
    let demo = dir.path().join("demo.patlas");
    api::create_demo(&demo, false).expect("the demo writes");
    let project = api::read_any(&demo).expect("reads");
    let book = persona_atlas::sheets::to_book(&project, None);
    let workbook = persona_atlas::sheets::xlsx::write(&book).expect("a workbook");
    let personas = persona_atlas::sheets::csv::table_text(&book.tables[1]);
    let needs = persona_atlas::sheets::csv::table_text(&book.tables[2]);

    let xlsx = dir.path().join("damaged.xlsx");
    fuzz("sheets::xlsx (import)", &[workbook], |input| {
        std::fs::write(&xlsx, input).expect("writes");
        if let Ok(read) = persona_atlas::sheets::xlsx::read(&xlsx) {
            let _ = persona_atlas::sheets::from_book(&read, "fuzz", "fuzz");
        }
    });
    let csv = dir.path().join("personas.csv");
    let seeds = vec![personas.into_bytes(), needs.into_bytes()];
    fuzz("sheets::csv (import)", &seeds, |input| {
        std::fs::write(&csv, input).expect("writes");
        if let Ok(read) = persona_atlas::sheets::csv::read(&csv) {
            // Whatever is accepted round trips.
            if let Ok(p) = persona_atlas::sheets::from_book(&read, "fuzz", "fuzz") {
                let again = persona_atlas::sheets::to_book(&p, None);
                let text = persona_atlas::sheets::csv::table_text(&again.tables[1]);
                std::fs::write(&csv, text).expect("writes");
                let back = persona_atlas::sheets::csv::read(&csv).expect("our CSV reads");
                let q = persona_atlas::sheets::from_book(&back, "fuzz", "fuzz")
                    .expect("our CSV imports");
                assert_eq!(q.personas, p.personas, "a CSV import round trips");
            }
        }
    });
}

#[test]
fn the_kumu_importer_survives_damaged_maps() {
    let demo = persona_atlas::interchange::read(DEMO_JSON, "demo").expect("the demo reads");
    let blueprint = persona_atlas::kumu::blueprint(&demo).into_bytes();
    let backup = serde_json::json!({
        "elements": [
            { "_id": "elem-a", "attributes": { "label": "Ana", "element type": "Stakeholder",
              "Goals": ["x"], "Priority": 9, "Status": "validated" } },
            { "_id": "elem-n", "attributes": { "label": "Need", "element type": "need" } }
        ],
        "connections": [{ "from": "elem-a", "to": "elem-n", "attributes": { "strength": 0.4 } }],
        "maps": [{ "elements": [{ "element": "elem-a", "position": { "x": 1, "y": 2 } }] }]
    })
    .to_string()
    .into_bytes();
    let types = persona_atlas::kumu::TypeMap::parse(&["Stakeholder=persona".to_owned()])
        .expect("a mapping");
    fuzz("kumu::read_json", &[blueprint, backup], |input| {
        let text = String::from_utf8_lossy(input);
        if let Ok(read) = persona_atlas::kumu::read_json(&text, "fuzz", "fuzz", &types) {
            // Whatever comes in is a valid project that exports again.
            let again = interchange::write(&read.project);
            interchange::read(&again, "again").expect("an import's project reads back");
        }
    });
}
