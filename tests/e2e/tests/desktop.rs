//! The real desktop app, driven through tauri-driver and WebKitWebDriver.

use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::Driver;

const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn opens_a_project_and_lists_its_personas_by_segment() {
    let driver = Driver::start();
    let project = driver.harbor();

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
    let project = driver.harbor();

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
        let titles = app.finding_titles();
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
    let saved = api::open_read_only(&project)
        .and_then(|f| f.thresholds())
        .expect("the project reopens");
    assert_eq!(
        saved.underserved_below.get(),
        0.0,
        "the thresholds are saved in the project file"
    );
}

/// Waits until `done` holds for the insights panel's titles.
fn wait_for_titles(app: &persona_atlas_e2e::Session, what: &str, done: impl Fn(&[String]) -> bool) {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let titles = app.finding_titles();
        if done(&titles) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{what}: {titles:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_new_persona_with_an_unmet_need_is_underserved_until_undone() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    app.click_button("New persona");
    app.wait_for_texts("dialog.editor input[name=name]", PATIENCE);
    // React listens to input events; set values the way a user's typing does.
    app.execute(
        "const set = (el, v) => { \
           const proto = el instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement; \
           Object.getOwnPropertyDescriptor(proto.prototype, 'value').set.call(el, v); \
           el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', \
             { bubbles: true })); }; \
         set(document.querySelector('dialog.editor input[name=name]'), 'Iris the Import Broker');",
    );
    app.click_button("Add a need");
    app.wait_for_texts("dialog.editor select[aria-label=\"Need 1\"]", PATIENCE);
    app.execute(
        "const el = document.querySelector('dialog.editor select[aria-label=\"Need 1\"]'); \
         Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value') \
           .set.call(el, 'need-customs'); \
         el.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    app.screenshot("editor");
    app.click_button("Save");
    wait_for_titles(&app, "the new persona is listed as underserved", |t| {
        t.iter().any(|x| x.starts_with("Iris the Import Broker"))
    });
    let saved = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    assert!(
        saved
            .personas
            .iter()
            .any(|p| p.name == "Iris the Import Broker"),
        "the edit is in the file at once"
    );

    // A product that fully meets the need serves both Iris and Chidi.
    app.click_button("New product");
    app.wait_for_texts("dialog.editor input[name=name]", PATIENCE);
    app.execute(
        "const el = document.querySelector('dialog.editor input[name=name]'); \
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') \
           .set.call(el, 'Customs Desk'); \
         el.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    app.click_button("Add a need");
    app.wait_for_texts("dialog.editor select[aria-label=\"Need 1\"]", PATIENCE);
    app.execute(
        "const set = (el, proto, v) => { \
           Object.getOwnPropertyDescriptor(proto.prototype, 'value').set.call(el, v); \
           el.dispatchEvent(new Event(proto === HTMLSelectElement ? 'change' : 'input', \
             { bubbles: true })); }; \
         set(document.querySelector('dialog.editor select[aria-label=\"Need 1\"]'), \
             HTMLSelectElement, 'need-customs'); \
         set(document.querySelector('dialog.editor input[aria-label^=\"Score for need 1\"]'), \
             HTMLInputElement, '1');",
    );
    app.click_button("Save");
    wait_for_titles(
        &app,
        "once a product meets the need, nobody is underserved",
        |t| {
            !t.iter()
                .any(|x| x.starts_with("Iris") || x.starts_with("Chidi"))
        },
    );
    app.screenshot("after-product");

    app.click_button("Undo");
    wait_for_titles(&app, "undoing the product brings the finding back", |t| {
        t.iter().any(|x| x.starts_with("Iris"))
    });
    app.click_button("Undo");
    wait_for_titles(&app, "undo removes the persona and its finding", |t| {
        !t.iter().any(|x| x.starts_with("Iris"))
    });
    let saved = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    assert!(
        !saved
            .personas
            .iter()
            .any(|p| p.name == "Iris the Import Broker"),
        "the undo is in the file at once"
    );
}

#[test]
fn merging_two_duplicates_leaves_one_persona_with_both_sets_of_links() {
    let driver = Driver::start();
    let project = driver.home.path().join("Demo.patlas");
    api::create_demo(&project, false).expect("the demo is written");
    let before = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the demo reads");

    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    app.execute("document.querySelectorAll('.insight-group').forEach(d => d.open = true)");
    // The unit that cannot close comes first, with its missing role as an empty slot.
    let units = app.find_all(".finding-item .finding");
    let unit = units
        .iter()
        .find(|u| app.text(u).contains("cannot close"))
        .expect("the demo has a buying unit that cannot close");
    app.click(unit);
    let slots = app.wait_for_texts(".slots .slot.missing", PATIENCE);
    assert_eq!(
        slots,
        ["Procurement — missing"],
        "the missing required role is an empty slot"
    );
    app.screenshot("buying-unit");
    // The strongest overlap is Ken and Nadia, the same security reviewer.
    let merge = app.find_all(".finding-item .merge");
    app.click(merge.first().expect("every overlap offers a merge"));
    let confirm = app
        .find_all(".finding-item .confirm button.primary")
        .into_iter()
        .next()
        .expect("the merge asks for confirmation");
    app.click(&confirm);
    wait_for_titles(&app, "the merged pair is no longer an overlap", |t| {
        !t.iter().any(|x| x.contains("Nadia the InfoSec Reviewer"))
    });
    app.screenshot("merged");
    drop(app);

    let after = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    assert_eq!(
        after.personas.len(),
        before.personas.len() - 1,
        "two personas became one"
    );
    let ken = after
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-ken-security")
        .expect("the first of the pair is kept");
    let nadia = before
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-nadia-infosec")
        .expect("the demo has Nadia");
    for e in &nadia.evidence {
        assert!(
            ken.evidence.contains(e),
            "Nadia's evidence is kept on Ken: {e:?}"
        );
    }
}
