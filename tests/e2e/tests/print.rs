//! Printing from the real app: the profile page's Export one-pager asks
//! where to save in the system's own save dialog, answered here as a person
//! would, with the keyboard (xdotool), and the PDF saved reads back whole.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{Driver, answer_save_dialog, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);
const DANA: &str = "p-dana-platform";

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_profile_exports_a_one_pager_that_reads_back_as_the_persona() {
    let driver = Driver::start();
    let project = driver.harbor().with_file_name("Demo.patlas");
    api::create_demo(&project, false).expect("the demo writes");
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    app.open_profile(DANA);

    let out = project.with_file_name("Dana for the wall.pdf");
    app.click_button("Export one-pager…");
    answer_save_dialog("Export the one-pager", &out);
    wait_until("the one-pager is saved", || out.is_file());
    let notice = app.wait_for_texts(".banner-notice", PATIENCE);
    assert!(
        notice.iter().any(|n| n.contains("Saved the one-pager to")),
        "the window says where it went: {notice:?}"
    );
    let text = pdf_text(&out);
    assert!(
        text.contains("Dana the Data Platform Lead"),
        "her name: {text}"
    );
    assert!(text.contains("6 a.m. loads"), "her quote: {text}");
    assert!(
        text.contains("Keep core pipelines on time"),
        "her first goal: {text}"
    );
    let bytes = std::fs::read(&out).expect("the PDF reads");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    app.screenshot("print-one-pager-saved");
}
