//! The real desktop app, driven through tauri-driver and WebKitWebDriver.

use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{Driver, workspace};

const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn opens_a_project_and_lists_its_personas_by_segment() {
    let driver = Driver::start();
    let project = driver.home.path().join("Harbor.patlas");
    api::import_json(
        &workspace().join("tests/fixtures/harbor.json"),
        &project,
        false,
    )
    .expect("the fixture imports");

    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    let tabs = app.wait_for_texts("[role=tab]", PATIENCE);
    let personas_tab = tabs
        .iter()
        .position(|t| t == "Personas")
        .expect("a Personas tab");
    app.click(&app.find_all("[role=tab]")[personas_tab]);
    let mut names = app.wait_for_texts(".persona-name", PATIENCE);
    names.sort();
    assert_eq!(
        names,
        [
            "Bea the Berth Planner",
            "Chidi the Customs Clerk",
            "Tomasz the Terminal Director"
        ],
        "every persona of the file is on screen"
    );
    let groups = app.wait_for_texts(".group-head h2", PATIENCE);
    assert_eq!(
        groups,
        [
            "Port operators",
            "Third-party logistics",
            "No market segment"
        ],
        "personas are grouped by market segment, the most important first"
    );
    let empty = app.wait_for_texts(".empty-group", PATIENCE);
    assert_eq!(empty.len(), 1, "the segment nobody is designed for says so");
    let heading = app.wait_for_texts(".project-title h1", PATIENCE);
    assert_eq!(
        heading,
        ["Harbor Freight Software"],
        "the project's name heads the window"
    );
    let file = app.wait_for_texts(".project-title .file", PATIENCE);
    assert_eq!(file, ["Harbor.patlas"], "the header names the open file");
    app.screenshot("overview");
}

#[test]
fn a_file_that_is_not_a_project_is_refused_in_the_window() {
    let driver = Driver::start();
    let bogus = driver.home.path().join("notes.patlas");
    let bytes = b"These are meeting notes, not a project.\n".to_vec();
    std::fs::write(&bogus, &bytes).expect("write the bogus file");

    let app = driver.launch(&[bogus.to_str().expect("a UTF-8 temp path")]);
    let alerts = app.wait_for_texts("[role=status], [role=alert]", PATIENCE);
    assert!(
        alerts
            .iter()
            .any(|a| a.contains("is not a Persona Atlas project")),
        "the window says why the file was refused: {alerts:?}"
    );
    let empty = app.wait_for_texts(".empty h2", PATIENCE);
    assert_eq!(
        empty,
        ["No project is open"],
        "no other project is shown in its place"
    );
    app.screenshot("refused-file");
    drop(app);
    assert_eq!(
        std::fs::read(&bogus).expect("the file is still there"),
        bytes,
        "a refused file is left byte for byte as it was"
    );
}

#[test]
fn insights_explain_findings_and_follow_the_thresholds() {
    let driver = Driver::start();
    let project = driver.home.path().join("Harbor.patlas");
    api::import_json(
        &workspace().join("tests/fixtures/harbor.json"),
        &project,
        false,
    )
    .expect("the fixture imports");

    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    let titles = app.wait_for_texts(".insights .finding-title", PATIENCE);
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Chidi the Customs Clerk")),
        "Chidi, whose only need nothing meets, is listed as underserved: {titles:?}"
    );
    let whys = app.wait_for_texts(".insights .finding-why", PATIENCE);
    assert!(
        whys.iter()
            .any(|w| w.contains("Clear customs without paper")),
        "the why names the unmet need: {whys:?}"
    );
    assert!(
        !app.find_all(".map-canvas canvas").is_empty(),
        "the map is drawn"
    );
    app.screenshot("insights");

    // Count a need as met from a score of 0 and nobody as underserved by
    // share: Chidi drops out of the list.
    app.execute(
        "document.querySelectorAll('.insight-group').forEach(d => d.open = true); \
         const input = document.querySelector('input[aria-describedby=hint-met_at]'); \
         const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
         set.call(input, '0'); input.dispatchEvent(new Event('input', { bubbles: true })); \
         const under = document.querySelector('input[aria-describedby=hint-underserved_below]'); \
         set.call(under, '0'); under.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    let apply = app.find_all(".thresholds button[type=submit]");
    let apply = apply
        .first()
        .expect("the thresholds form has an Apply button");
    app.click(apply);
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        // Read in one go: the list is re-rendered while we poll.
        let titles: Vec<String> = app
            .execute(
                "return [...document.querySelectorAll('.insights .finding-title')]\
                 .map(e => e.textContent)",
            )
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if !titles.iter().any(|t| t.starts_with("Chidi")) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "with needs met from a score of 0 and underserved below 0, nobody is underserved: \
             {titles:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(app);
    let saved = api::open(&project)
        .and_then(|f| f.thresholds())
        .expect("the project reopens");
    assert_eq!(
        saved.underserved_below.get(),
        0.0,
        "the thresholds are saved in the project file"
    );
}
