//! Personas tested against tables of customer records (`rules-v1.md`): the
//! report's figures on a table whose answers are known, the CSV dialects a
//! CRM export comes in, rules checked where they are entered, and every bad
//! table refused with where and what, leaving the project as it was.

use std::path::{Path, PathBuf};

use persona_atlas::api;
use persona_atlas::model::Project;
use persona_atlas::rules::{MatchOptions, MatchReport, match_file};
use serde_json::{Value, json};

use crate::support::{bytes, cli, scratch, small_project, write_file, write_json};

/// A project of four personas with rules, two roles (one required), for
/// the table below.
fn project(dir: &Path) -> PathBuf {
    let mut doc = small_project();
    doc["buying_roles"] = json!([
        { "id": "role-buyer", "name": "Economic buyer", "decides": true, "required": true },
        { "id": "role-user", "name": "User" }
    ]);
    doc["personas"] = json!([
        { "id": "p-young", "name": "Young buyer", "buying_role": "role-buyer",
          "rules": "age < 30 and `City Size` = \"big\"" },
        { "id": "p-purchasing", "name": "Purchasing", "buying_role": "role-buyer",
          "rules": "department starts with \"purch\"" },
        { "id": "p-it", "name": "IT user", "buying_role": "role-user",
          "rules": "department in (\"it\", \"engineering\") or signup < 2020-01-01" },
        { "id": "p-regional", "name": "Regional", "rules": "region = \"north\"" },
        { "id": "p-none", "name": "No rules" }
    ]);
    doc["relationships"] = json!([]);
    doc["buying_units"] = json!([]);
    let json = write_json(dir, "rules.json", &doc);
    let file = dir.join("rules.patlas");
    api::import_json(&json, &file, false).expect("the project imports");
    file
}

/// Seven records whose answers are worked out by hand in the test below.
const TABLE: &str = "\
id,Age,City Size,Department,signup,account
1,25,big,Purchasing,2021-03-01,acme
2,45,small,IT,2019-05-05,acme
3,,big,purchasing,,beta
4,abc,BIG,Sales,2022-01-01,beta
5,29, Big ,Purchasing dept,not a date,gamma
6,35,big,Marketing,2023-01-01,
7,22,big,engineering,2018-01-01,delta
";

fn read(file: &Path) -> Project {
    api::read_any(file).expect("the project reads")
}

fn matched(report: &MatchReport, id: &str) -> (u64, u64) {
    let p = report
        .personas
        .iter()
        .find(|p| p.persona.as_str() == id)
        .unwrap_or_else(|| panic!("{id} is in the report"));
    (p.matched, p.only)
}

#[test]
fn counts_each_persona_the_unmatched_the_ambiguous_and_the_pairs() {
    let dir = scratch();
    let file = project(dir.path());
    let table = write_file(dir.path(), "contacts.csv", TABLE);
    let report = match_file(
        &read(&file),
        &table,
        &MatchOptions {
            account: Some("ACCOUNT".to_owned()),
            ..MatchOptions::default()
        },
    )
    .expect("the table matches");

    // Young: 1 (25, big), 5 (29, " Big "), 7 (22, big); 3 has no age, 4's is unreadable.
    // Purchasing: 1, 3, 5. IT: 2 (IT), 7 (engineering; also signed up early).
    assert_eq!(report.records, 7);
    assert_eq!(matched(&report, "p-young"), (3, 0));
    assert_eq!(matched(&report, "p-purchasing"), (3, 1));
    assert_eq!(matched(&report, "p-it"), (2, 1));
    assert_eq!(matched(&report, "p-regional"), (0, 0));
    assert!(
        report
            .personas
            .iter()
            .all(|p| p.persona.as_str() != "p-none")
    );
    assert_eq!(
        report
            .personas
            .iter()
            .map(|p| p.persona.as_str())
            .collect::<Vec<_>>(),
        ["p-purchasing", "p-young", "p-it", "p-regional"],
        "largest first, then by id"
    );
    assert!((report.personas[0].share - 3.0 / 7.0).abs() < 1e-12);
    // Record 4 and 6 fit nobody; 1 and 5 fit young and purchasing; 7 young and IT.
    assert_eq!(report.unmatched, 2);
    assert_eq!(report.ambiguous, 3);
    let pairs: Vec<(String, String, u64)> = report
        .pairs
        .iter()
        .map(|p| {
            (
                p.personas[0].as_str().to_owned(),
                p.personas[1].as_str().to_owned(),
                p.shared,
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("p-purchasing".into(), "p-young".into(), 2),
            ("p-it".into(), "p-young".into(), 1)
        ]
    );
    assert_eq!(report.missing_columns.len(), 1);
    assert_eq!(report.missing_columns[0].column, "region");
    assert_eq!(report.missing_columns[0].personas[0].as_str(), "p-regional");
    assert!(report.personas[3].why.contains("no column \"region\""));
    // "abc" is no number; "not a date" is no date. Record 3's empty cells are missing, not unreadable.
    let unreadable: Vec<(String, u64)> = report
        .unreadable
        .iter()
        .map(|u| (u.column.clone(), u.cells))
        .collect();
    assert_eq!(unreadable, [("Age".into(), 1), ("signup".into(), 1)]);

    // Accounts: acme (buyer + user), beta (buyer via 3), gamma (buyer), delta (buyer + user);
    // record 6 has no account. Only the buyer is required.
    let accounts = report.accounts.expect("asked for accounts");
    assert_eq!(accounts.column, "account");
    assert_eq!((accounts.total, accounts.complete), (4, 4));
    assert_eq!(accounts.missing_roles.len(), 1);
    assert_eq!(accounts.missing_roles[0].role.as_str(), "role-buyer");
    assert_eq!(accounts.missing_roles[0].accounts, 0);
    assert_eq!(report.source.name, "contacts.csv");
    assert_eq!(report.source.columns[2], "City Size");
    assert_eq!(report.source.sha256.len(), 64);
}

#[test]
fn writes_the_spec_json_shape() {
    let dir = scratch();
    let file = project(dir.path());
    let table = write_file(dir.path(), "contacts.csv", TABLE);
    let run = cli(
        dir.path(),
        &[
            "match",
            file.to_str().expect("utf-8"),
            table.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
    );
    run.assert_ok("match --format json");
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let keys: Vec<&str> = report
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "records",
            "source",
            "personas",
            "unmatched",
            "ambiguous",
            "pairs",
            "missing_columns",
            "unreadable"
        ],
        "no accounts without --account"
    );
    assert_eq!(report["personas"][0]["persona"], "p-purchasing");
    assert_eq!(
        report["pairs"][0]["personas"],
        json!(["p-purchasing", "p-young"])
    );
    assert_eq!(
        report["unreadable"][0],
        json!({ "column": "Age", "cells": 1 })
    );

    let text = cli(
        dir.path(),
        &[
            "match",
            "rules.patlas",
            "contacts.csv",
            "--account",
            "account",
        ],
    );
    text.assert_ok("match as text");
    assert!(
        text.stdout
            .contains("Purchasing (p-purchasing): 3 of 7 records (42.9%) fit the rule")
    );
    assert!(
        text.stdout
            .contains("4 of 4 accounts have every required buying role.")
    );
    let md = cli(
        dir.path(),
        &[
            "match",
            "rules.patlas",
            "contacts.csv",
            "--format",
            "markdown",
        ],
    );
    md.assert_ok("match as markdown");
    assert!(md.stdout.starts_with("# Match of contacts.csv\n"));
    assert!(
        md.stdout
            .contains("\n## Data points the table lacks\n\n- \"region\", needed by Regional\n")
    );
}

#[test]
fn reads_the_dialects_a_crm_exports() {
    let dir = scratch();
    let file = project(dir.path());
    let project = read(&file);
    let semicolons = "\u{feff}id;Age;City Size;Department\n1;25;big;\"Purchasing; EMEA\"\n";
    let tabs = "id\tAge\tCity Size\tDepartment\r\n1\t25\tbig\tPurchasing\r\n\r\n";
    let quoted = "id,Age,City Size,Department\n1,25,big,\"Purchasing\nsecond line\"\n";
    for (name, text) in [
        ("semi.csv", semicolons),
        ("tabs.tsv", tabs),
        ("quoted.csv", quoted),
    ] {
        let table = write_file(dir.path(), name, text);
        let report = match_file(&project, &table, &MatchOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.records, 1, "{name}");
        assert_eq!(
            report.source.columns[0], "id",
            "{name}: no byte-order mark in a name"
        );
        assert_eq!(matched(&report, "p-young"), (1, 0), "{name}");
        assert_eq!(matched(&report, "p-purchasing").0, 1, "{name}");
    }
    let header_only = write_file(dir.path(), "empty-table.csv", "id,Age\n");
    let report = match_file(&project, &header_only, &MatchOptions::default()).expect("matches");
    assert_eq!((report.records, report.unmatched), (0, 0));
    assert_eq!(report.personas[0].share, 0.0);
}

#[test]
fn refuses_a_bad_table_saying_where_and_what_and_changes_nothing() {
    let dir = scratch();
    let file = project(dir.path());
    let before = bytes(&file);
    let cases: [(&str, &[u8], &str); 8] = [
        ("empty.csv", b"", "the file is empty"),
        (
            "ragged.csv",
            b"id,Age\n1,2\n3\n",
            "line 3: 1 fields, where the header has 2",
        ),
        (
            "latin1.csv",
            b"id,City\n1,M\xfcnchen\n",
            "line 2, column 2: the text is not UTF-8",
        ),
        (
            "book.xlsx",
            b"PK\x03\x04rest of a zip",
            "this workbook is damaged",
        ),
        ("image.csv", b"\x89PNG\r\n\x1a\n\0\0\0", "binary data"),
        (
            "values.csv",
            b"1,2,3\n4,5,6\n",
            "the first row should name the columns",
        ),
        (
            "twice.csv",
            b"Age,age\n1,2\n",
            "names the column \"age\" twice",
        ),
        ("blank.csv", b" , \n1,2\n", "the first row names no columns"),
    ];
    for (name, content, expected) in cases {
        let table = write_file(dir.path(), name, content);
        let run = cli(dir.path(), &["match", "rules.patlas", name]);
        run.assert_error(name);
        assert!(
            run.stderr.contains(name) && run.stderr.contains(expected),
            "{name}: says where and what ({expected:?}); got {}",
            run.stderr
        );
        assert!(table.exists());
    }
    let account = cli(
        dir.path(),
        &[
            "match",
            "rules.patlas",
            "ragged.csv",
            "--account",
            "company",
        ],
    );
    account.assert_error("an unknown account column");
    let table = write_file(dir.path(), "ok.csv", TABLE);
    let run = cli(
        dir.path(),
        &["match", "rules.patlas", "ok.csv", "--account", "company"],
    );
    run.assert_error("an unknown account column");
    assert!(
        run.stderr.contains("no column \"company\"") && run.stderr.contains("\"signup\""),
        "names the columns there are: {}",
        run.stderr
    );
    let folder = cli(dir.path(), &["match", "rules.patlas", "."]);
    folder.assert_error("a folder");
    assert!(table.exists());
    assert_eq!(bytes(&file), before, "a match never writes the project");
}

#[test]
fn a_rule_that_does_not_parse_is_refused_where_it_is_entered() {
    let dir = scratch();
    let mut doc = small_project();
    doc["personas"][0]["rules"] = json!("age < 30 and city <");
    let json = write_json(dir.path(), "bad.json", &doc);
    let out = dir.path().join("bad.patlas");
    let err = api::import_json(&json, &out, false).expect_err("an unreadable rule");
    assert!(
        err.to_string()
            .contains("personas[0].rules: 1:20: expected a value after \"<\""),
        "{err}"
    );
    assert!(!out.exists(), "a failed import leaves no file");

    // An edit is checked the same way, and a refused edit changes nothing.
    let good = dir.path().join("good.patlas");
    doc["personas"][0]["rules"] = json!("age < 30");
    let json = write_json(dir.path(), "good.json", &doc);
    let mut session = api::import_json(&json, &good, false).expect("imports");
    let before = bytes(&good);
    let edit = api::parse_edit(
        r#"{"op": "patch", "kind": "persona", "id": "p-ops", "fields": {"rules": "age in (1, \"x\")"}}"#,
    )
    .expect("an edit");
    let err = api::edit(&mut session, &edit).expect_err("refused");
    assert!(
        err.to_string()
            .contains("rules: 1:12: the values of \"in\" must be of one kind"),
        "{err}"
    );
    assert_eq!(bytes(&good), before);
}

/// The TABLE above as a workbook, cells typed as a spreadsheet types them:
/// ages as numbers, signups as dates, a second sheet first to be skipped.
fn workbook(dir: &Path, name: &str, beyond: bool) -> PathBuf {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").expect("a sheet name");
    notes
        .write_string(0, 0, "Exported from the CRM")
        .expect("a cell");
    let sheet = book.add_worksheet();
    sheet.set_name("Contacts").expect("a sheet name");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, line) in TABLE.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            if r > 0 && c == 1 && cell.parse::<f64>().is_ok() {
                sheet
                    .write_number(r, c, cell.parse::<f64>().expect("a number"))
                    .expect("a cell");
            } else if r > 0 && c == 4 && persona_atlas::model::Date::parse(cell).is_ok() {
                let (y, m, d) = persona_atlas::model::Date::parse(cell)
                    .expect("a date")
                    .ymd();
                let day = ExcelDateTime::from_ymd(y, m, d).expect("a day");
                sheet
                    .write_datetime_with_format(r, c, &day, &date)
                    .expect("a cell");
            } else {
                sheet.write_string(r, c, cell).expect("a cell");
            }
        }
    }
    if beyond {
        sheet
            .write_string(3, 9, "a note out of the table")
            .expect("a cell");
    }
    let path = dir.join(name);
    book.save(&path).expect("the workbook saves");
    path
}

#[test]
fn reads_a_workbook_sheet_by_its_cells_types_as_the_csv() {
    let dir = scratch();
    let file = project(dir.path());
    let project = read(&file);
    let csv = write_file(dir.path(), "contacts.csv", TABLE);
    let xlsx = workbook(dir.path(), "contacts.xlsx", false);
    let options = |sheet: Option<&str>| MatchOptions {
        account: Some("account".to_owned()),
        sheet: sheet.map(str::to_owned),
        ..MatchOptions::default()
    };
    let from_csv = match_file(&project, &csv, &options(None)).expect("the CSV matches");
    let from_xlsx =
        match_file(&project, &xlsx, &options(Some("Contacts"))).expect("the workbook matches");
    assert_eq!(from_xlsx.records, 7);
    assert_eq!(
        from_xlsx.personas, from_csv.personas,
        "the same answers per persona"
    );
    assert_eq!(
        (from_xlsx.unmatched, from_xlsx.ambiguous, &from_xlsx.pairs),
        (from_csv.unmatched, from_csv.ambiguous, &from_csv.pairs)
    );
    assert_eq!(from_xlsx.accounts, from_csv.accounts);
    assert_eq!(from_xlsx.unreadable, from_csv.unreadable);
    assert_eq!(from_xlsx.source.name, "contacts.xlsx");
    assert_eq!(from_xlsx.source.sha256.len(), 64);

    // The first sheet is read when none is named: here, a note with no records.
    let first =
        match_file(&project, &xlsx, &MatchOptions::default()).expect("the first sheet reads");
    assert_eq!((first.records, first.source.columns.len()), (0, 1));

    let run = cli(
        dir.path(),
        &["match", "rules.patlas", "contacts.xlsx", "--sheet", "Leads"],
    );
    run.assert_error("an unknown sheet");
    assert!(
        run.stderr.contains("no sheet \"Leads\"") && run.stderr.contains("\"Contacts\""),
        "{}",
        run.stderr
    );
    workbook(dir.path(), "beyond.xlsx", true);
    let run = cli(
        dir.path(),
        &[
            "match",
            "rules.patlas",
            "beyond.xlsx",
            "--sheet",
            "Contacts",
        ],
    );
    run.assert_error("a value out of the table");
    assert!(
        run.stderr
            .contains("cell J4: a value beyond the header's last column"),
        "{}",
        run.stderr
    );
    let run = cli(
        dir.path(),
        &[
            "match",
            "rules.patlas",
            "contacts.csv",
            "--sheet",
            "Contacts",
        ],
    );
    run.assert_error("--sheet on a CSV");
}

#[test]
fn a_saved_match_keeps_the_figures_and_not_one_record() {
    let dir = scratch();
    let file = project(dir.path());
    // Cells no project holds, so that any of them in the file is a leak.
    let table = "id,Age,City Size,Department,signup,account,region\n\
                 zq-101,25,big,Purchasing,2021-03-01,Vexillum Ltd,south\n\
                 zq-102,45,small,IT,2019-05-05,Quokka Plc,east\n\
                 zq-103,61,small,Yodelling,2024-02-02,Quokka Plc,west\n";
    write_file(dir.path(), "crm.csv", table);
    let run = cli(dir.path(), &["match", "rules.patlas", "crm.csv", "--save"]);
    run.assert_ok("match --save");
    assert!(
        run.stderr
            .contains("saved the figures as evidence on 4 personas"),
        "{}",
        run.stderr
    );
    let saved = bytes(&file);
    for cell in [
        "zq-101",
        "zq-102",
        "zq-103",
        "Vexillum",
        "Quokka",
        "Yodelling",
        "2024-02-02",
    ] {
        assert!(
            !saved.windows(cell.len()).any(|w| w == cell.as_bytes()),
            "the cell {cell:?} must not reach the project file"
        );
    }
    let project = read(&file);
    let evidence = |id: &str| {
        project
            .personas
            .iter()
            .find(|p| p.id.as_str() == id)
            .map(|p| p.evidence.clone())
            .unwrap_or_default()
    };
    let young = evidence("p-young");
    let last = young.last().expect("evidence saved");
    assert_eq!(last.source.as_deref(), Some("crm.csv"));
    assert_eq!(
        (last.records, last.share.map(|s| s.get())),
        (Some(1), Some(1.0 / 3.0))
    );
    assert!(
        last.note.as_deref().unwrap_or("").contains("sha256 "),
        "{last:?}"
    );
    assert!(
        evidence("p-none").is_empty(),
        "a persona without rules gets nothing"
    );

    // Nobody is from the north: the regional persona is now unsupported by data.
    let analysis =
        persona_atlas::analysis::analyze(&project, &project.thresholds, crate::support::today());
    let regional = analysis
        .health
        .iter()
        .find(|h| h.persona.as_str() == "p-regional")
        .expect("a health finding");
    assert!(
        regional
            .problems
            .contains(&persona_atlas::analysis::HealthProblem::UnsupportedByData),
        "{regional:?}"
    );

    // A second save of the same source replaces the first.
    let before = evidence("p-young").len();
    cli(dir.path(), &["match", "rules.patlas", "crm.csv", "--save"]).assert_ok("saved again");
    let again = read(&file);
    let young_again = again
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-young")
        .map(|p| p.evidence.len());
    assert_eq!(
        young_again,
        Some(before),
        "the same source is not saved twice"
    );

    // A save is one edit: one undo takes every persona's evidence back.
    let mut session = api::open(&file).expect("opens");
    let mut report = match_file(
        &again,
        &dir.path().join("crm.csv"),
        &MatchOptions::default(),
    )
    .expect("matches");
    report.source.name = "crm-2026.csv".to_owned();
    let edit = api::match_evidence(
        &report,
        persona_atlas::model::EvidenceKind::Analytics,
        crate::support::today(),
    );
    api::edit(&mut session, &edit).expect("saves");
    let added: usize = read(&file)
        .personas
        .iter()
        .map(|p| p.evidence.len())
        .sum::<usize>()
        - again
            .personas
            .iter()
            .map(|p| p.evidence.len())
            .sum::<usize>();
    assert_eq!(added, 4, "one piece of evidence on each persona tested");
    api::undo(&mut session).expect("undoes");
    assert_eq!(read(&file), again, "one undo takes the whole save back");

    let json = cli(dir.path(), &["match", "rules.json", "crm.csv", "--save"]);
    json.assert_error("--save on an interchange file");
}

/// Every construct of the spec, with edge cells for each: the rules and the
/// table on which `rules-sql` must give the app's answers.
const EVERY_RULE: [(&str, &str); 14] = [
    ("p-cmp", "age < 30 and age >= 18 and score != 0.5"),
    (
        "p-text",
        "city = \"big\" or city != \"small\" and not city = \"médium\"",
    ),
    (
        "p-in",
        "department in (\"it\", \"Engineering\") or age not in (40, 41)",
    ),
    (
        "p-between",
        "age between 20 and 40 and signup not between 2020-01-01 and 2020-12-31",
    ),
    (
        "p-like",
        "title contains \"LEAD\" or title starts with \"head\" or title ends with \"ops\"",
    ),
    ("p-any", "title contains any (\"cto\", \"chief\", \"ä\")"),
    ("p-missing", "phone is missing and email is present"),
    ("p-bool", "active = true or churned != false"),
    ("p-dates", "signup < 2021-06-01 and signup >= 2019-02-28"),
    ("p-3vl", "not (age > 50 or city = \"small\")"),
    (
        "p-empty",
        "title contains \"\" and title starts with \"\" and title ends with \"\"",
    ),
    (
        "p-quote",
        "`odd \"name\"` = \"it's \\\"quoted\\\"\" or `and` is present",
    ),
    (
        "p-exp",
        "score > 1e-1 and score <= 9.5E1 and age in (25, 2.5e1)",
    ),
    ("p-none", "region = \"nowhere\""),
];

const EVERY_CELL: &str = "\
age,score,city,department,title,signup,active,churned,phone,email,odd \"name\",and,region
25,0.5,big,IT,Team Lead,2019-02-28,yes,no,,a@x.io,\"it's \"\"quoted\"\"\",,north
17,0.9, BIG ,engineering,Head of Ops,2021-05-31,TRUE,0,+44,,x,,
abc,1e1,Médium,Sales,CTO,2021-02-30,maybe,1,,b@x.io,,y,
1.,abc,small,it,chief ä officer,2020-06-01,1,false,123,c@x.io,,,
+5,.5,,  Engineering  ,,2019-2-3,No,,,,,,
40,95,médium,HR,Lead,2020-12-31,false,true,9,d@x.io,,,
41,-0,Big,hr,head of sales,2020-01-01,,,,e@x.io,,,
60,1e999,small,IT,DevOps,2024-02-29,yes,no,,f@x.io,,,
29,2.5E1,big,engineering,Ops,0000-01-01,no,yes,,g@x.io,,,
,,,,,,,,,,,,
25.0,0.25,big,Engineering,LEAD architect,2019-12-31,YES,NO,,h@x.io,,,
";

/// Runs `sql` on `csv` in DuckDB (Python), the table read as text or with
/// DuckDB's own types, and returns each persona column's count of trues.
fn duckdb_counts(csv: &Path, sql: &str, typed: bool, ids: &[&str]) -> Vec<u64> {
    let script = r#"
import sys, json
try:
    import duckdb
except ImportError:
    sys.exit("DuckDB for Python is missing: python3 -m pip install duckdb (make test installs it)")
csv, typed, ids = sys.argv[1], sys.argv[2] == "typed", json.loads(sys.argv[3])
sql = sys.stdin.read()
con = duckdb.connect()
kind = "" if typed else ", all_varchar = true"
con.execute(f"CREATE TABLE records AS SELECT * FROM read_csv('{csv}', header = true{kind})")
sums = ", ".join(f'count(*) FILTER (WHERE "{i}")' for i in ids)
print(json.dumps(list(con.execute(f"SELECT {sums} FROM ({sql})").fetchone())))
"#;
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args([
            "-c",
            script,
            csv.to_str().expect("utf-8"),
            if typed { "typed" } else { "text" },
            &serde_json::to_string(ids).expect("json"),
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(sql.trim_end().trim_end_matches(';').as_bytes())
        .expect("the SQL is sent");
    let out = child.wait_with_output().expect("python3 ends");
    assert!(
        out.status.success(),
        "DuckDB ran the SQL:\n{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        sql
    );
    serde_json::from_slice(&out.stdout).expect("counts")
}

fn every_rule_project(dir: &Path) -> PathBuf {
    let mut doc = small_project();
    doc["personas"] = Value::Array(
        EVERY_RULE
            .iter()
            .map(|(id, rule)| json!({ "id": id, "name": id, "rules": rule }))
            .collect(),
    );
    doc["relationships"] = json!([]);
    doc["buying_units"] = json!([]);
    write_json(dir, "every.json", &doc)
}

#[test]
fn rules_sql_gives_the_apps_answers_in_duckdb_on_text_and_typed_columns() {
    let dir = scratch();
    let project_file = every_rule_project(dir.path());
    let project = read(&project_file);
    let ids: Vec<&str> = EVERY_RULE.iter().map(|(id, _)| *id).collect();
    let sql = cli(
        dir.path(),
        &["rules-sql", "every.json", "--dialect", "duckdb"],
    );
    sql.assert_ok("rules-sql");

    let text = write_file(dir.path(), "every.csv", EVERY_CELL);
    let app = match_file(&project, &text, &MatchOptions::default()).expect("the app matches");
    let expected: Vec<u64> = ids.iter().map(|id| matched(&app, id).0).collect();
    assert!(
        expected.iter().filter(|n| **n > 0).count() >= 12,
        "the table exercises the rules: {expected:?}"
    );
    assert_eq!(
        duckdb_counts(&text, &sql.stdout, false, &ids),
        expected,
        "text columns, per persona {ids:?}"
    );

    // Typed columns: DuckDB reads these as numbers, dates and booleans.
    let typed = write_file(
        dir.path(),
        "typed.csv",
        "age,score,city,department,title,signup,active,churned,phone,email,odd \"name\",and,region\n\
         25,0.5,big,IT,Team Lead,2019-02-28,true,false,,a@x.io,x,,north\n\
         17,0.9,small,engineering,Head of Ops,2021-05-31,false,true,44,,,,\n\
         40,95.0,médium,HR,CTO,2020-12-31,,false,,b@x.io,,1,\n\
         29,25,big,Engineering,Lead,2019-12-31,true,,,c@x.io,,,\n\
         ,,,,,,,,,,,,\n",
    );
    let app = match_file(&project, &typed, &MatchOptions::default()).expect("the app matches");
    let expected: Vec<u64> = ids.iter().map(|id| matched(&app, id).0).collect();
    assert_eq!(
        duckdb_counts(&typed, &sql.stdout, true, &ids),
        expected,
        "typed columns, per persona {ids:?}"
    );
}

#[test]
fn rules_sql_writes_each_dialects_names_and_functions() {
    let dir = scratch();
    every_rule_project(dir.path());
    let sql = |dialect: &str| {
        let run = cli(
            dir.path(),
            &[
                "rules-sql",
                "every.json",
                "--dialect",
                dialect,
                "--table",
                "crm.contacts",
            ],
        );
        run.assert_ok(dialect);
        run.stdout
    };
    let duck = sql("duckdb");
    assert!(duck.contains("AS \"p-cmp\"") && duck.contains("FROM \"crm\".\"contacts\""));
    assert!(duck.contains("regexp_full_match("));
    let pg = sql("postgres");
    assert!(pg.contains(" ~ '^-?[0-9]+") && pg.contains("DOUBLE PRECISION"));
    assert!(pg.contains("TRIM(BOTH ' ' FROM"));
    let bq = sql("bigquery");
    assert!(bq.contains("AS `p-cmp`") && bq.contains("REGEXP_CONTAINS(") && bq.contains("FLOAT64"));
    assert!(
        bq.contains("'it\\'s \\\\\"quoted\\\\\"'") || bq.contains("'it''s"),
        "{bq}"
    );
    let sf = sql("snowflake");
    assert!(sf.contains("REGEXP_LIKE(") && sf.contains("POSITION("));
    let spark = sql("spark");
    assert!(spark.contains(" RLIKE '^") && spark.contains("instr(") && spark.contains("AS STRING"));
    let bad = cli(
        dir.path(),
        &["rules-sql", "every.json", "--dialect", "oracle"],
    );
    assert_eq!(bad.code, Some(2), "an unknown dialect is a usage error");
}

#[test]
fn the_demo_comes_with_contacts_that_tell_its_rules_story() {
    let dir = scratch();
    let run = cli(
        dir.path(),
        &["demo", "-o", "demo.patlas", "--contacts", "contacts.csv"],
    );
    run.assert_ok("demo --contacts");
    let contacts = dir.path().join("contacts.csv");
    assert_eq!(
        bytes(&contacts),
        persona_atlas::demo::contacts::csv(persona_atlas::demo::CONTACTS),
        "the same table every time"
    );
    let demo = read(&dir.path().join("demo.patlas"));
    let report = match_file(
        &demo,
        &contacts,
        &MatchOptions {
            account: Some("account".to_owned()),
            ..MatchOptions::default()
        },
    )
    .expect("the demo's contacts match");
    assert_eq!(report.records, persona_atlas::demo::CONTACTS as u64);
    assert!(
        report.missing_columns.is_empty(),
        "{:?}",
        report.missing_columns
    );
    let with_rules = demo.personas.iter().filter(|p| p.rules.is_some()).count();
    assert_eq!(report.personas.len(), with_rules);
    assert!(
        report.personas.iter().all(|p| p.matched > 0),
        "every persona with rules finds people: {:?}",
        report.personas
    );
    assert!(report.unmatched > 0 && report.ambiguous > 0 && !report.pairs.is_empty());
    assert!(
        !report.unreadable.is_empty(),
        "a few cells are unreadable, as in life"
    );
    let accounts = report.accounts.expect("accounts");
    assert!(accounts.complete > 0 && accounts.complete < accounts.total);

    // Asked again, the table is not written over.
    let again = cli(
        dir.path(),
        &["demo", "-o", "other.patlas", "--contacts", "contacts.csv"],
    );
    again.assert_error("contacts over an existing file");
    assert!(
        !dir.path().join("other.patlas").exists(),
        "nothing is written"
    );
}

#[test]
fn the_apps_demo_is_written_with_its_contacts_beside_it_once() {
    let dir = scratch();
    let demo = dir.path().join("data").join("Demo portfolio.patlas");
    api::open_or_create_demo(&demo).expect("the demo is written and opened");
    let contacts = api::demo_contacts_beside(&demo);
    assert!(
        contacts.ends_with("data/Demo contacts.csv"),
        "{}",
        contacts.display()
    );
    assert_eq!(
        bytes(&contacts).len(),
        persona_atlas::demo::contacts::csv(persona_atlas::demo::CONTACTS).len()
    );
    // A user's edit of the table stays: the demo opened again writes nothing.
    std::fs::write(&contacts, "contact_id\nC-1\n").expect("edited");
    api::open_or_create_demo(&demo).expect("the demo opens again");
    assert_eq!(bytes(&contacts), b"contact_id\nC-1\n");
}

#[test]
fn the_app_sees_who_no_persona_fits_with_their_common_values() {
    let dir = scratch();
    let file = project(dir.path());
    let table = write_file(dir.path(), "contacts.csv", TABLE);
    let watch = persona_atlas::rules::Watch::default();
    let found = api::match_table_watched(
        &read(&file),
        &table,
        &MatchOptions {
            unmatched_values: true,
            ..MatchOptions::default()
        },
        &watch,
    )
    .expect("the table matches");
    assert_eq!(
        watch.read(),
        TABLE.len() as u64,
        "the watch saw the whole file read"
    );
    assert_eq!(found.bytes, TABLE.len() as u64);
    assert!(found.sheets.is_empty() && found.sheet.is_none());
    // Records 4 (BIG) and 6 (big) fit nobody: both in a big city, as are
    // six of the seven. No other value is held by two of them.
    assert_eq!(found.report.unmatched, 2);
    assert_eq!(
        found.unmatched_values.len(),
        1,
        "{:?}",
        found.unmatched_values
    );
    let city = &found.unmatched_values[0];
    assert_eq!(city.column, "City Size");
    assert_eq!(city.error, 0, "counted exactly");
    let big = &city.values[0];
    assert!(big.value.eq_ignore_ascii_case("big"), "{big:?}");
    assert_eq!(big.records, 2);
    assert!((big.share - 1.0).abs() < 1e-12);
    assert!((big.overall - 6.0 / 7.0).abs() < 1e-12);

    // The spec's report is the same with or without the values.
    let plain = match_file(&read(&file), &table, &MatchOptions::default()).expect("matches");
    assert_eq!(found.report, plain);

    // The words name the values; the JSON stays the spec's.
    let text = cli(dir.path(), &["match", "rules.patlas", "contacts.csv"]);
    text.assert_ok("match");
    assert!(
        text.stdout.contains("Most common among them")
            && text
                .stdout
                .contains("City Size: \"BIG\" 100.0% (85.7% of all)"),
        "{}",
        text.stdout
    );
    let json = cli(
        dir.path(),
        &["match", "rules.patlas", "contacts.csv", "--format", "json"],
    );
    json.assert_ok("match --format json");
    assert!(!json.stdout.contains("unmatched_values"));
}

#[test]
fn a_cancelled_match_stops_and_changes_nothing() {
    let dir = scratch();
    let file = project(dir.path());
    let table = write_file(dir.path(), "contacts.csv", TABLE);
    let before = bytes(&file);
    let watch = persona_atlas::rules::Watch::default();
    watch.cancel();
    let err = api::match_table_watched(&read(&file), &table, &MatchOptions::default(), &watch)
        .expect_err("a cancelled match ends");
    assert!(
        matches!(err, persona_atlas::Error::Cancelled { what: "match" }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "the match was cancelled; nothing was changed"
    );
    assert_eq!(bytes(&file), before);
}

#[test]
fn a_rule_is_checked_and_counted_as_it_is_typed() {
    let check = api::check_rule("age < 30 and `City Size` = \"big\" and AGE > 1");
    assert_eq!(check.error, None);
    assert_eq!(check.columns, ["age", "City Size"], "each column once");
    let empty = api::check_rule("  \n ");
    assert_eq!((empty.error, empty.columns.len()), (None, 0));
    let wrong = api::check_rule("age <\n  and city = \"big\"");
    let e = wrong.error.expect("a rule missing its value is wrong");
    assert_eq!((e.line, e.column), (2, 3), "{e}");
    assert!(e.message.contains("expected"), "{e}");

    let dir = scratch();
    let file = project(dir.path());
    let project = read(&file);
    let table = write_file(dir.path(), "contacts.csv", TABLE);
    let watch = persona_atlas::rules::Watch::default();
    let count = |rule: &str| api::count_rule(&project, "p-it", rule, &table, None, &watch);
    let purchasing = count("department starts with \"purch\"").expect("counts");
    assert_eq!((purchasing.records, purchasing.matched), (7, 3));
    assert!((purchasing.share - 3.0 / 7.0).abs() < 1e-12);
    assert!(purchasing.missing_columns.is_empty());
    let aged = count("age >= 25").expect("counts");
    assert_eq!(aged.matched, 4, "25, 45, 29, 35; one empty, one unreadable");
    assert_eq!(aged.unreadable.len(), 1);
    assert_eq!(aged.unreadable[0].column, "Age");
    let regional = count("Region = \"north\"").expect("counts");
    assert_eq!(regional.matched, 0);
    assert_eq!(regional.missing_columns, ["Region"]);
    let refused = count("age <").expect_err("a broken rule is not counted");
    assert!(refused.to_string().contains("1:6"), "{refused}");
    let unknown = api::count_rule(&project, "p-nobody", "age > 1", &table, None, &watch)
        .expect_err("an unknown persona");
    assert!(unknown.to_string().contains("p-nobody"), "{unknown}");
}

#[test]
fn a_saved_match_marks_personas_whose_columns_the_table_lacks() {
    let dir = scratch();
    let file = project(dir.path());
    // No region column: the regional persona cannot be tested.
    let table = write_file(dir.path(), "contacts.csv", TABLE);
    let report = match_file(&read(&file), &table, &MatchOptions::default()).expect("matches");
    let edit = api::match_evidence(
        &report,
        persona_atlas::model::EvidenceKind::Crm,
        crate::support::today(),
    );
    let mut session = api::open(&file).expect("opens");
    api::edit(&mut session, &edit).expect("saves");
    let project = read(&file);
    let regional = project
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-regional")
        .expect("the persona");
    let saved = regional.evidence.last().expect("evidence saved");
    assert_eq!(saved.records, Some(0));
    assert!(
        saved
            .note
            .as_deref()
            .unwrap_or("")
            .contains("no column \"region\""),
        "{saved:?}"
    );
    let analysis =
        persona_atlas::analysis::analyze(&project, &project.thresholds, crate::support::today());
    let health = analysis
        .health
        .iter()
        .find(|h| h.persona.as_str() == "p-regional")
        .expect("a health finding");
    assert!(
        health
            .problems
            .contains(&persona_atlas::analysis::HealthProblem::UnsupportedByData),
        "{health:?}"
    );
    assert!(
        persona_atlas::analysis::health::confidence(
            regional,
            &project.thresholds,
            crate::support::today()
        ) < 0.5,
        "a check that matched nothing adds no confidence"
    );
}

#[test]
fn a_workbook_names_its_sheets_and_is_watched_as_it_is_read() {
    let dir = scratch();
    let file = project(dir.path());
    let xlsx = workbook(dir.path(), "contacts.xlsx", false);
    let csv = write_file(dir.path(), "contacts.csv", TABLE);
    assert_eq!(
        persona_atlas::rules::sheets(&xlsx).expect("the sheets"),
        ["Notes", "Contacts"]
    );
    assert!(persona_atlas::rules::sheets(&csv).expect("none").is_empty());
    let watch = persona_atlas::rules::Watch::default();
    let options = MatchOptions {
        sheet: Some("Contacts".to_owned()),
        unmatched_values: true,
        ..MatchOptions::default()
    };
    let found = api::match_table_watched(&read(&file), &xlsx, &options, &watch).expect("matches");
    assert_eq!(found.sheets, ["Notes", "Contacts"]);
    assert_eq!(found.sheet.as_deref(), Some("Contacts"));
    assert!(
        watch.read() > 0 && watch.read() <= found.bytes,
        "{}",
        watch.read()
    );
    assert_eq!(found.unmatched_values[0].column, "City Size");
    let cancelled = persona_atlas::rules::Watch::default();
    cancelled.cancel();
    let stopped = api::match_table_watched(&read(&file), &xlsx, &options, &cancelled);
    assert!(
        matches!(stopped, Err(persona_atlas::Error::Cancelled { .. })),
        "{stopped:?}"
    );
}
