//! The Journeys view in the real app: the demo's first journey shows its
//! stages as columns; a stage, a goal and a need added in place are saved to
//! the file through the core, the need marked with the core's verdict; and
//! Undo, clicked in the toolbar, takes the last change back on the page too.

use std::path::{Path, PathBuf};
use std::time::Duration;

use persona_atlas::api;
use persona_atlas::model::{Journey, Stage};
use persona_atlas_e2e::{Driver, Session, wait_until};
use serde_json::Value;

const PATIENCE: Duration = Duration::from_secs(30);
/// The demo's first journey by id, which the view shows first.
const GOVERN: &str = "j-govern-eu-fs";
/// A need of the demo that Lanternfold Govern meets (0.85, above `met_at`).
const LINEAGE: &str = "need-lineage";
const NEW_STAGE: &str = "Expansion";
const NEW_GOAL: &str = "Grow to a second region";

/// The built-in demo, written into the driver's temporary home.
fn demo(driver: &Driver) -> PathBuf {
    let project = driver.home.path().join("Demo.patlas");
    api::create_demo(&project, false).expect("the demo is written");
    project
}

/// The Govern journey as the file holds it now.
fn saved_govern(project: &Path) -> Journey {
    api::open_read_only(project)
        .and_then(|f| f.load())
        .expect("the project reopens")
        .journeys
        .into_iter()
        .find(|j| j.id.as_str() == GOVERN)
        .expect("the demo has the Govern journey")
}

/// The need ids of a saved stage, in order.
fn need_ids(stage: &Stage) -> Vec<&str> {
    stage.needs.iter().map(|n| n.as_str()).collect()
}

/// A string as a JavaScript literal.
fn js(s: &str) -> String {
    Value::from(s).to_string()
}

/// The names on the stage columns' headers, in order.
fn stage_names(app: &Session) -> Vec<String> {
    app.texts("th.jr-stage .jr-stage-name .editable-text")
}

/// Clicks the element matching `css` from the page, once there is one. A
/// cell of the grid may sit under its sticky header or row labels, where a
/// WebDriver click would land on those instead; scrolled to the middle and
/// clicked by script, it takes the click itself.
fn click_css(app: &Session, css: &str) {
    wait_until(&format!("something matches {css}"), || {
        !app.find_all(css).is_empty()
    });
    app.execute(&format!(
        "const el = document.querySelector({}); \
         el.scrollIntoView({{ block: 'center', inline: 'center' }}); \
         el.click();",
        js(css)
    ));
}

/// Sets the value of the input or select matching `css` as a user would,
/// so that React sees the change.
fn type_into(app: &Session, css: &str, value: &str) {
    app.execute(&format!(
        "const el = document.querySelector({css}); \
         const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype \
           : HTMLInputElement.prototype; \
         Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, {v}); \
         el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', \
           {{ bubbles: true }}));",
        css = js(css),
        v = js(value),
    ));
}

/// Presses Enter in the field matching `css`.
fn press_enter(app: &Session, css: &str) {
    app.execute(&format!(
        "document.querySelector({}).dispatchEvent(new KeyboardEvent('keydown', \
           {{ key: 'Enter', bubbles: true, cancelable: true }}));",
        js(css)
    ));
}

#[test]
fn a_journey_shows_its_stages_saves_what_is_added_in_place_and_follows_undo() {
    let driver = Driver::start();
    let project = demo(&driver);
    let before = saved_govern(&project);
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    // The Journeys tab shows the list and the first journey's stages.
    app.open_tab("Journeys");
    app.wait_for_texts("th.jr-stage", PATIENCE);
    let names: Vec<String> = before.stages.iter().map(|s| s.name.clone()).collect();
    assert_eq!(
        stage_names(&app),
        names,
        "the first journey's stages are its columns, in the file's order"
    );
    assert_eq!(
        app.texts(".jr-list .jr-pick").len(),
        2,
        "the list offers both of the demo's journeys"
    );
    assert!(
        app.texts("h2.jr-name .editable-text")
            .first()
            .is_some_and(|n| *n == before.name),
        "the journey shown is the first by id, Govern"
    );
    assert!(
        app.texts("th.jr-stage[data-stage=\"0\"] .jr-unmet")
            .first()
            .is_some_and(|t| t.ends_with("unmet")),
        "the first stage's header says a need of it is unmet (data residency)"
    );
    app.screenshot("journeys-govern");

    // A stage added at the end, through its small form.
    click_css(&app, "button.jr-add-stage");
    wait_until("the new stage form opens", || {
        !app.find_all("input[name=stage-name]").is_empty()
    });
    type_into(&app, "input[name=stage-name]", NEW_STAGE);
    // Enter in a form's one field submits it; a script's key event does not
    // reach the browser's own submission, so the form is submitted as Enter
    // would.
    app.execute("document.querySelector('input[name=stage-name]').form.requestSubmit(); return 1;");
    wait_until("the file holds the new stage, last", || {
        saved_govern(&project)
            .stages
            .last()
            .is_some_and(|s| s.name == NEW_STAGE)
    });
    let added = saved_govern(&project);
    assert_eq!(
        added.stages.len(),
        before.stages.len() + 1,
        "one stage was added"
    );
    assert_eq!(
        added.stages[..before.stages.len()],
        before.stages[..],
        "the other stages are kept as they were, in order"
    );
    let new = before.stages.len();
    wait_until("the grid shows the new stage", || {
        stage_names(&app).last().map(String::as_str) == Some(NEW_STAGE)
    });

    // A goal added to the new stage, in place: Add, type, Enter.
    let goals = format!(".edit-list[data-field=\"stages[{new}].goals\"]");
    click_css(&app, &format!("{goals} [data-button=add]"));
    let field = format!("{goals} input.editable-input");
    wait_until("the new goal's field opens", || {
        !app.find_all(&field).is_empty()
    });
    type_into(&app, &field, NEW_GOAL);
    press_enter(&app, &field);
    wait_until("the file holds the goal on the new stage", || {
        saved_govern(&project)
            .stages
            .get(new)
            .is_some_and(|s| s.goals == [NEW_GOAL])
    });
    wait_until("the grid shows the goal", || {
        app.texts(&format!("{goals} .item .editable-text")) == [NEW_GOAL]
    });

    // A need added to the new stage is marked with the core's verdict.
    let cell = format!("td[data-stage=\"{new}\"] .jr-needs");
    click_css(&app, &format!("{cell} [data-button=add-need]"));
    wait_until("the need form opens", || {
        !app.find_all("select[name=stage-need]").is_empty()
    });
    type_into(&app, "select[name=stage-need]", LINEAGE);
    click_css(&app, &format!("{cell} .item-form button[type=submit]"));
    wait_until("the file holds the need on the new stage", || {
        saved_govern(&project)
            .stages
            .get(new)
            .is_some_and(|s| need_ids(s) == [LINEAGE])
    });
    let mark = format!("{cell} .jr-need[data-need={LINEAGE}] .jr-mark");
    wait_until("the need shows, marked", || !app.texts(&mark).is_empty());
    let shown = app.texts(&mark);
    assert!(
        shown
            .first()
            .is_some_and(|m| m.contains("met by Lanternfold Govern")),
        "Govern meets lineage, and the mark says so with its product: {shown:?}"
    );
    assert_eq!(
        app.texts(&format!("th.jr-stage[data-stage=\"{new}\"] .jr-allmet")),
        ["All needs met"],
        "the new stage's header says none of its needs is unmet"
    );
    let stage_goals = saved_govern(&project).stages[new].goals.clone();
    app.screenshot("journeys-need-added");

    // Undo, clicked as a user would: the need goes, from the file and from
    // the page; the goal and the stage stay.
    app.click_button("Undo");
    wait_until("undo takes the need off the page", || {
        app.texts(&mark).is_empty()
            && app.texts(&format!("{cell} .empty-line")) == ["No needs yet."]
    });
    let undone = saved_govern(&project);
    assert!(
        undone.stages[new].needs.is_empty(),
        "undo takes the need out of the file too"
    );
    assert_eq!(
        undone.stages[new].goals, stage_goals,
        "and only that: the goal stays"
    );
    assert_eq!(
        stage_names(&app).last().map(String::as_str),
        Some(NEW_STAGE),
        "the new stage is still shown"
    );
    app.screenshot("journeys-undone");
}
