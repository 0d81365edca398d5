//! Printed documents read back as a reader would: the one-pager and the
//! report are opened with poppler's `pdftotext` and `pdfinfo` (another
//! program than the one that wrote them), and their text and pages checked.

use std::path::Path;
use std::process::Command;

use persona_atlas::model::Project;
use persona_atlas::print::{Paper, one_pager_pdf, one_pager_png, report_pdf};
use serde_json::json;

use crate::support::*;

/// The text of `pdf` (all pages, or page `page` alone), as pdftotext reads it.
fn text_of(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    // In the order the typesetter wrote it: each column whole, not the
    // lines of two columns side by side.
    cmd.args(["-raw", "-enc", "UTF-8"]);
    if let Some(n) = page {
        cmd.args(["-f", &n.to_string(), "-l", &n.to_string()]);
    }
    let out = cmd
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils, installed by make setup)");
    assert!(
        out.status.success(),
        "pdftotext reads {}: {:?}",
        pdf.display(),
        out
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// (pages, width × height in points) as pdfinfo reads them.
fn info_of(pdf: &Path) -> (usize, String) {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("pdfinfo gives {name} for {}: {text}", pdf.display()))
    };
    let pages = field("Pages:").parse().expect("a page count");
    (pages, field("Page size:"))
}

/// Text as pdftotext gives it, with runs of spaces and line breaks made one
/// space, so that a wrapped sentence reads as written.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the A4 one-pager of `project`'s first persona at `pdf`.
fn first_one_pager(project: &Project, pdf: &Path) -> std::path::PathBuf {
    let id = project.personas[0].id.to_string();
    let bytes = one_pager_pdf(project, &id, Paper::A4, today()).expect("the persona prints");
    std::fs::write(pdf, bytes).expect("the scratch folder takes it");
    pdf.to_owned()
}

fn demo() -> Project {
    persona_atlas::demo::project().expect("the demo reads")
}

#[test]
fn a_one_pager_holds_the_persona_on_one_page_with_selectable_text() {
    let dir = scratch();
    let project = demo();
    let pdf = dir.path().join("dana.pdf");
    let bytes =
        one_pager_pdf(&project, "p-dana-platform", Paper::A4, today()).expect("Dana prints");
    std::fs::write(&pdf, &bytes).expect("the scratch folder takes it");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let (pages, size) = info_of(&pdf);
    assert_eq!(pages, 1, "a one-pager is one page");
    assert!(
        size.starts_with("595.276 x 841.89"),
        "A4 by default: {size}"
    );
    let text = flat(&text_of(&pdf, None));
    let dana = project
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-dana-platform")
        .expect("Dana");
    assert!(text.contains(&dana.name), "the name can be read: {text}");
    for goal in &dana.goals {
        assert!(
            text.contains(goal.as_str()),
            "the goal {goal:?} can be read: {text}"
        );
    }
    let quote = dana.quote.as_deref().expect("Dana has a quote");
    assert!(text.contains(quote), "the quote can be read: {text}");
    assert!(
        text.contains("Confidence 0."),
        "with its confidence: {text}"
    );
}

#[test]
fn every_persona_of_the_demo_fits_its_one_pager_on_one_page_in_both_papers() {
    let dir = scratch();
    let project = demo();
    for paper in [Paper::A4, Paper::Letter] {
        for p in &project.personas {
            let pdf = dir.path().join(format!("{}.pdf", p.id));
            let bytes = one_pager_pdf(&project, p.id.as_str(), paper, today()).expect("prints");
            std::fs::write(&pdf, bytes).expect("written");
            let (pages, size) = info_of(&pdf);
            assert_eq!(pages, 1, "{} on {paper:?}: one page", p.id);
            if paper == Paper::Letter {
                assert!(size.starts_with("612 x 792"), "US Letter: {size}");
            }
        }
    }
}

#[test]
fn a_persona_written_at_length_still_fits_and_its_text_is_never_read_as_markup() {
    let dir = scratch();
    let mut doc = small_project();
    let long = "word ".repeat(3000);
    doc["personas"][0]["name"] = json!("Ana #set page(width: 1pt) [*not bold*] $x$ <tag> @ref");
    doc["personas"][0]["quote"] = json!("\"]) #panic(\"no\") // a comment");
    doc["personas"][0]["description"] = json!(long);
    doc["personas"][0]["goals"] = json!((0..60).map(|i| format!("goal {i}")).collect::<Vec<_>>());
    doc["personas"][0]["pain_points"] = json!(
        (0..60)
            .map(|i| format!("pain {i} {long}"))
            .collect::<Vec<_>>()
    );
    let project = persona_atlas::interchange::read(&doc.to_string(), "the test project")
        .expect("the project reads");
    let pdf = first_one_pager(&project, &dir.path().join("long.pdf"));
    assert_eq!(
        info_of(&pdf).0,
        1,
        "long lists are cut and counted, not spilled"
    );
    let text = flat(&text_of(&pdf, None));
    assert!(
        text.contains("Ana #set page(width: 1pt) [*not bold*] $x$ <tag> @ref"),
        "the name is printed as written, not typeset as markup: {text}"
    );
    assert!(
        text.contains("#panic(\"no\") // a comment"),
        "the quote too: {text}"
    );
    assert!(text.contains("more"), "what is left out is counted: {text}");
}

#[test]
fn a_one_pager_is_also_a_png_and_an_unknown_persona_is_refused_by_name() {
    let project = demo();
    let png =
        one_pager_png(&project, "p-dana-platform", Paper::A4, today(), 72.0).expect("Dana draws");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    // The IHDR chunk holds the width and height: A4 is 595 × 842 points.
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((width, height), (595, 842), "one pixel per point at 72 dpi");
    let err = one_pager_pdf(&project, "p-nobody", Paper::A4, today()).expect_err("no one");
    assert!(
        err.to_string()
            .contains("persona: no persona with id \"p-nobody\""),
        "says where and what: {err}"
    );
}

#[test]
fn the_report_has_a_cover_the_map_the_findings_a_page_per_persona_and_the_journeys() {
    let dir = scratch();
    let project = demo();
    let pdf = dir.path().join("report.pdf");
    std::fs::write(
        &pdf,
        report_pdf(&project, Paper::A4, today()).expect("the demo reports"),
    )
    .expect("written");
    let (pages, _) = info_of(&pdf);
    let all = flat(&text_of(&pdf, None));
    assert!(
        all.contains("Persona portfolio report".to_uppercase().as_str()),
        "a cover"
    );
    assert!(all.contains("Portfolio at a glance"), "the map page");
    assert!(all.contains("Golden personas (4)"), "the findings, counted");
    // The persona pages follow in the order of their names, one each, and
    // the journeys close the report, one page each.
    let mut names: Vec<&str> = project.personas.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    // A persona's page opens with its initials (or portrait), then its name
    // (which may wrap).
    let heads = |n: usize| -> String {
        let text = flat(&text_of(&pdf, Some(n)));
        text.chars().take(150).collect()
    };
    let headed = |n: usize, name: &str| {
        let head = heads(n);
        head.starts_with(name)
            || head
                .split_once(' ')
                .is_some_and(|(_, rest)| rest.starts_with(name))
    };
    // Counted from the end: had any persona spilled onto a second page,
    // the names would not fall on these pages.
    let first = pages + 1 - names.len() - project.journeys.len();
    assert!(
        flat(&text_of(&pdf, Some(first - 1))).contains("Judged on"),
        "the findings end just before the first persona's page"
    );
    for (i, name) in names.iter().enumerate() {
        assert!(
            headed(first + i, name),
            "page {} is {name}'s: {}",
            first + i,
            heads(first + i)
        );
    }
    for (i, journey) in project.journeys.iter().enumerate() {
        let page = flat(&text_of(&pdf, Some(first + names.len() + i)));
        assert!(
            page.contains(&format!("Journey: {}", journey.name)),
            "journey {} has its page: {page}",
            journey.name
        );
    }
}

#[test]
fn the_cli_prints_a_one_pager_and_a_report_and_refuses_what_it_cannot() {
    let dir = scratch();
    demo_file(dir.path());
    let dana_to = |out: &str| {
        cli(
            dir.path(),
            &[
                "one-pager",
                "demo.patlas",
                "--persona",
                "p-dana-platform",
                "-o",
                out,
            ],
        )
    };
    dana_to("dana.pdf").assert_ok("a one-pager");
    assert!(
        flat(&text_of(&dir.path().join("dana.pdf"), None)).contains("Dana the Data"),
        "the one-pager names its persona"
    );
    dana_to("dana.png").assert_ok("a one-pager as PNG");
    assert!(
        bytes(&dir.path().join("dana.png")).starts_with(b"\x89PNG"),
        "a PNG by its name"
    );
    cli(
        dir.path(),
        &["report", "demo.patlas", "-o", "r.pdf", "--paper", "letter"],
    )
    .assert_ok("a report on Letter");
    assert!(
        info_of(&dir.path().join("r.pdf"))
            .1
            .starts_with("612 x 792"),
        "on Letter"
    );

    let before = bytes(&dir.path().join("dana.pdf"));
    let again = dana_to("dana.pdf");
    assert_eq!(
        again.code,
        Some(1),
        "an existing file is not replaced: {}",
        again.stderr
    );
    assert!(
        again.stderr.contains("--force"),
        "says how: {}",
        again.stderr
    );
    assert_eq!(
        bytes(&dir.path().join("dana.pdf")),
        before,
        "and stays as it was"
    );

    let nobody = cli(
        dir.path(),
        &[
            "one-pager",
            "demo.patlas",
            "--persona",
            "p-nobody",
            "-o",
            "x.pdf",
        ],
    );
    assert_eq!(nobody.code, Some(1), "an unknown persona fails");
    assert!(
        nobody.stderr.contains("no persona with id \"p-nobody\""),
        "{}",
        nobody.stderr
    );
    let into_project = cli(
        dir.path(),
        &["report", "demo.patlas", "-o", "demo.patlas", "--force"],
    );
    assert_eq!(into_project.code, Some(1), "never over its own input");
    assert_only(
        dir.path(),
        &["dana.pdf", "dana.png", "demo.patlas", "r.pdf"],
        "a refused print leaves no file",
    );
}

#[test]
fn a_portrait_is_printed_on_the_one_pager() {
    let dir = scratch();
    let mut doc = small_project();
    // An 8 × 8 PNG, small enough to write here.
    doc["personas"][0]["portrait"] = json!(
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4EaCBFTEMLQkAaplQAc/OcKAAAAAASUVORK5CYII="
    );
    let project = persona_atlas::interchange::read(&doc.to_string(), "the test project")
        .expect("the project reads");
    let pdf = first_one_pager(&project, &dir.path().join("portrait.pdf"));
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .expect("pdfimages runs (poppler-utils)");
    let list = String::from_utf8_lossy(&out.stdout);
    // A header of two lines, then one line per image.
    assert_eq!(
        list.lines().count(),
        3,
        "the portrait is the page's one image: {list}"
    );
    assert!(
        list.lines().nth(2).is_some_and(|l| l.contains(" 8 ")),
        "8 pixels wide: {list}"
    );
}

#[test]
fn a_persona_full_everywhere_still_prints_on_one_page_and_a_damaged_portrait_as_initials() {
    let dir = scratch();
    let mut doc = full_portfolio();
    let many = |what: &str, n: usize| {
        json!(
            (0..n)
                .map(|i| format!("{what} {i} with enough words to wrap onto a second line"))
                .collect::<Vec<_>>()
        )
    };
    let persona = &mut doc["personas"][0];
    persona["description"] = json!("a\n".repeat(200));
    persona["goals"] = many("goal", 9);
    persona["pain_points"] = many("pain", 9);
    persona["channels"] = many("channel", 9);
    persona["used_by"] = many("team", 400);
    persona["scenarios"] = json!(
        (0..5)
            .map(|i| json!({ "title": format!("story {i}"), "text": "word ".repeat(200) }))
            .collect::<Vec<_>>()
    );
    persona["evidence"] = json!(
        (0..6)
            .map(|i| json!({
                "kind": "interview",
                "source": format!("study {i} {}", "named at length ".repeat(10)),
                "date": "2026-11-01",
                "note": "noted ".repeat(60),
            }))
            .collect::<Vec<_>>()
    );
    // The signature of a PNG, then nothing a decoder can read.
    persona["portrait"] = json!("data:image/png;base64,iVBORw0KGgoAAAAAAAAAAAAAAAAAAAAAAAAA");
    let project = persona_atlas::interchange::read(&doc.to_string(), "the test project")
        .expect("the project reads");
    let pdf = first_one_pager(&project, &dir.path().join("full.pdf"));
    assert_eq!(info_of(&pdf).0, 1, "shown tighter, it still fits one page");
    report_pdf(&project, Paper::A4, today())
        .expect("a damaged portrait does not stop the report: its persona shows initials");
}
