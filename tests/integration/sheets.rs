//! Projects in and out of spreadsheets: the demo round trips through a
//! workbook and a folder of CSV files without loss; the template imports;
//! every problem of a filled workbook is placed on its cell and nothing is
//! written; hostile files are refused.

use std::path::Path;

use persona_atlas::api::{self, ExportFormat, ImportFormat};
use persona_atlas::model::Project;
use serde_json::json;

use crate::support::{DEMO_JSON, bytes, cli, scratch, today, workbook, write_file};

fn demo() -> Project {
    sorted(persona_atlas::interchange::read(DEMO_JSON, "demo").expect("the demo reads"))
}

/// A project in the order a project file keeps it.
fn sorted(mut p: Project) -> Project {
    p.sort();
    p
}

/// The demo with what it lacks to test every field: a portrait larger than
/// a cell, list items holding `|` and `\`, typed attributes, thresholds.
fn demo_with_everything(dir: &Path) -> std::path::PathBuf {
    let mut doc: serde_json::Value = serde_json::from_str(DEMO_JSON).expect("JSON");
    let png = {
        // Noise, which PNG cannot shrink: a portrait of about 200 KB.
        let mut state = 7u64;
        let img = image::RgbImage::from_fn(256, 256, |_, _| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let b = state.to_le_bytes();
            image::Rgb([b[5], b[6], b[7]])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("a PNG");
        out.into_inner()
    };
    use base64::Engine as _;
    let uri = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&png)
    );
    assert!(uri.len() > 32_767, "the portrait needs several cells");
    let persona = &mut doc["personas"][0];
    persona["portrait"] = json!(uri);
    persona["goals"] = json!(["a | pipe", r"a \ backslash", "=SUM(A1)"]);
    persona["quote"] = json!("=SUM(A1) is all I ask");
    persona["attributes"] = json!({ "zip": "02139", "seats": 40, "beta": true });
    doc["thresholds"] = json!({ "underserved_below": 0.55, "stale_after_days": 200 });
    let path = dir.join("everything.json");
    std::fs::write(&path, doc.to_string()).expect("written");
    let file = dir.join("everything.patlas");
    api::import_json(&path, &file, false).expect("imports");
    file
}

#[test]
fn a_project_round_trips_through_a_workbook_and_a_csv_folder() {
    let dir = scratch();
    let file = demo_with_everything(dir.path());
    let original = sorted(api::read_any(&file).expect("reads"));

    let xlsx = dir.path().join("portfolio.xlsx");
    api::export_as(&file, ExportFormat::Xlsx, &xlsx, today(), false).expect("exports");
    let back = sorted(api::read_import(&xlsx, ImportFormat::Auto).expect("imports"));
    assert_eq!(back, original, "the workbook keeps everything");

    let folder = dir.path().join("portfolio-csv");
    api::export_as(&file, ExportFormat::Csv, &folder, today(), false).expect("exports");
    assert!(folder.join("personas.csv").is_file() && folder.join("persona_needs.csv").is_file());
    let back = sorted(api::read_import(&folder, ImportFormat::Auto).expect("imports"));
    assert_eq!(
        back.personas, original.personas,
        "the CSV folder keeps the personas"
    );
    assert_eq!(back, original);

    // The formula-like quote is text in the workbook, defused in the CSV.
    let personas = std::fs::read_to_string(folder.join("personas.csv")).expect("reads");
    assert!(
        personas.contains(",'=SUM(A1) is all I ask,"),
        "defused: {personas}"
    );

    // The workbook has the findings too, which an import passes over.
    let sheets = persona_atlas::sheets::xlsx::read(&xlsx).expect("reads");
    let findings = sheets
        .tables
        .iter()
        .find(|t| t.name == "Findings")
        .expect("a Findings sheet");
    assert!(
        findings
            .rows
            .iter()
            .any(|r| r[0] == persona_atlas::sheets::Cell::Text("golden".into()))
    );
}

#[test]
fn the_template_imports_as_an_example_and_explains_its_columns() {
    let dir = scratch();
    let run = cli(dir.path(), &["template", "-o", "fill me.xlsx"]);
    run.assert_ok("template");
    let template = dir.path().join("fill me.xlsx");
    let project = api::read_import(&template, ImportFormat::Xlsx).expect("the example reads");
    assert_eq!(project.project.name, "Example portfolio");
    assert_eq!(project.personas.len(), 1);
    assert_eq!(project.personas[0].needs.len(), 1);
    assert_eq!(project.journeys[0].stages.len(), 2);
    // Notes are kept in the workbook's comments part.
    let zip = zip::ZipArchive::new(std::fs::File::open(&template).expect("opens")).expect("a zip");
    assert!(
        zip.file_names().any(|n| n.contains("comments")),
        "the columns carry notes"
    );
    cli(dir.path(), &["template", "-o", "fill me.xlsx"]).assert_error("no overwrite");
}

#[test]
fn every_problem_of_a_workbook_is_placed_on_its_cell_and_nothing_is_written() {
    let dir = scratch();
    let xlsx = dir.path().join("team.xlsx");
    workbook(
        &xlsx,
        &[
            (
                "Personas",
                &[
                    &["id", "name", "priority", "Pain Points", "region"],
                    &["p-ana", "Ana", "high", "Slow | Costly", "EU"],
                    &["p-bo", "", "3", "", ""],
                ],
            ),
            ("Needs", &[&["id", "name"], &["need-speed", "Speed"]]),
            (
                "Persona needs",
                &[
                    &["persona", "need", "importance"],
                    &["p-ana", "need-sso", "0.5"],
                    &["p-nobody", "need-speed", "0.5"],
                    &["p-bo", "need-speed", "2"],
                ],
            ),
            ("Notes", &[&["anything"], &["goes here"]]),
        ],
    );
    let out = dir.path().join("team.patlas");
    let err = api::import(&xlsx, ImportFormat::Auto, &out, false).expect_err("refused");
    let text = err.to_string();
    for expected in [
        "Personas!C2: expected a number, found \"high\"",
        "Persona needs!A3: no persona with id \"p-nobody\" in sheet \"Personas\"",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(!out.exists(), "nothing is written on any problem");

    // With the cell fixed, the reader's own checks are placed on cells too.
    workbook(
        &xlsx,
        &[
            (
                "Personas",
                &[
                    &["id", "name", "priority", "Pain Points", "region"],
                    &["p-ana", "Ana", "4", "Slow | Costly", "EU"],
                    &["p-bo", "", "3", "", ""],
                ],
            ),
            ("Needs", &[&["id", "name"], &["need-speed", "Speed"]]),
            (
                "Persona needs",
                &[
                    &["persona", "need", "importance"],
                    &["p-ana", "need-sso", "0.5"],
                    &["p-bo", "need-speed", "2"],
                ],
            ),
        ],
    );
    let err = api::import(&xlsx, ImportFormat::Auto, &out, false).expect_err("refused");
    let text = err.to_string();
    for expected in [
        "Persona needs!B2: no need with id \"need-sso\"",
        "Persona needs!C3:",
        "Personas!3",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(!out.exists());

    // Fixed, it imports; "Pain Points" is pain_points, "region" an attribute.
    workbook(
        &xlsx,
        &[
            (
                "Personas",
                &[
                    &["id", "name", "priority", "Pain Points", "region"],
                    &["p-ana", "Ana", "4", "Slow | Costly", "EU"],
                ],
            ),
            ("Needs", &[&["id", "name"], &["need-speed", "Speed"]]),
            (
                "Persona needs",
                &[
                    &["persona", "need", "importance"],
                    &["p-ana", "need-speed", "0.5"],
                ],
            ),
        ],
    );
    let session = api::import(&xlsx, ImportFormat::Auto, &out, false).expect("imports");
    let ana = &session.project().personas[0];
    assert_eq!(ana.pain_points, ["Slow", "Costly"]);
    assert_eq!(ana.needs.len(), 1);
    assert_eq!(
        ana.attributes.get("region").map(|v| format!("{v:?}")),
        Some(format!(
            "{:?}",
            persona_atlas::model::AttributeValue::Text("EU".into())
        ))
    );
    assert_eq!(
        session.project().project.name,
        "team",
        "named after the file"
    );
}

#[test]
fn hostile_spreadsheets_are_refused_with_a_message_and_no_file() {
    let dir = scratch();
    let out = dir.path().join("out.patlas");
    let refused = |input: &Path, from: ImportFormat| -> String {
        let e = api::import(input, from, &out, false).expect_err("refused");
        assert!(!out.exists(), "no file left for {}", input.display());
        e.to_string()
    };

    let not_zip = write_file(dir.path(), "fake.xlsx", "id,name\np-1,Ana\n");
    let why = refused(&not_zip, ImportFormat::Xlsx);
    assert!(why.contains("damaged"), "{why}");

    // A zip whose directory says a part unpacks to 4 GB.
    let bomb = dir.path().join("bomb.xlsx");
    workbook(&bomb, &[("Personas", &[&["id", "name"], &["p-1", "Ana"]])]);
    let mut raw = bytes(&bomb);
    let mut patched = 0;
    let mut i = 0;
    while i + 46 <= raw.len() {
        if raw[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            raw[i + 24..i + 28].copy_from_slice(&u32::MAX.to_le_bytes());
            patched += 1;
            i += 46;
        } else {
            i += 1;
        }
    }
    assert!(patched > 0);
    std::fs::write(&bomb, &raw).expect("written");
    let why = refused(&bomb, ImportFormat::Auto);
    assert!(why.contains("unpacks to"), "{why}");

    // A million rows.
    let mut many = String::from("id,name\n");
    for i in 0..1_000_000 {
        many.push_str(&format!("p-{i},P\n"));
    }
    let many = write_file(dir.path(), "personas.csv", many);
    let why = refused(&many, ImportFormat::Auto);
    assert!(why.contains("more than 200000 rows"), "{why}");

    // Not UTF-8, said with its line.
    let latin = write_file(
        dir.path(),
        "latin.csv",
        b"id,name\np-1,Jos\xe9\n".as_slice(),
    );
    let why = refused(&latin, ImportFormat::Csv);
    assert!(why.contains("line 2") && why.contains("UTF-8"), "{why}");

    // Formulas are text, never run.
    let formula = write_file(
        dir.path(),
        "formula.csv",
        "id,name,title\np-1,=HYPERLINK(\"http://x\"),@SUM(1)\n",
    );
    let project = api::read_import(&formula, ImportFormat::Csv).expect("reads");
    assert_eq!(project.personas[0].name, "=HYPERLINK(\"http://x\")");

    // A folder with nothing of a project.
    let empty = dir.path().join("nothing");
    std::fs::create_dir(&empty).expect("a folder");
    write_file(&empty, "notes.csv", "a\n1\n");
    let why = refused(&empty, ImportFormat::Auto);
    assert!(why.contains("personas.csv"), "{why}");
}

#[test]
fn the_cli_imports_and_exports_every_spreadsheet_format() {
    let dir = scratch();
    cli(dir.path(), &["demo", "-o", "demo.patlas"]).assert_ok("demo");
    cli(
        dir.path(),
        &[
            "export",
            "demo.patlas",
            "--format",
            "xlsx",
            "-o",
            "demo.xlsx",
        ],
    )
    .assert_ok("export xlsx");
    cli(
        dir.path(),
        &["export", "demo.patlas", "--format", "csv", "-o", "demo-csv"],
    )
    .assert_ok("export csv");
    cli(dir.path(), &["export", "demo.patlas", "--format", "xlsx"])
        .assert_error("a workbook needs -o");
    let run = cli(dir.path(), &["import", "demo.xlsx", "-o", "again.patlas"]);
    run.assert_ok("import xlsx");
    assert!(
        run.stderr.contains("imported 21 personas"),
        "{}",
        run.stderr
    );
    cli(
        dir.path(),
        &[
            "import",
            "demo-csv",
            "--from",
            "csv",
            "-o",
            "again-csv.patlas",
        ],
    )
    .assert_ok("import csv");
    assert_eq!(
        sorted(api::read_any(&dir.path().join("again-csv.patlas")).expect("reads")),
        demo()
    );
    // A CSV folder is replaced only when it holds a project's files alone.
    std::fs::write(dir.path().join("demo-csv").join("mine.txt"), "keep").expect("written");
    cli(
        dir.path(),
        &[
            "export",
            "demo.patlas",
            "--format",
            "csv",
            "-o",
            "demo-csv",
            "--force",
        ],
    )
    .assert_error("a folder with other files");
    assert!(dir.path().join("demo-csv").join("mine.txt").exists());
}
