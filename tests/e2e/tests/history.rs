//! Undo in the real app takes back exactly the last change, thresholds
//! included, and a file another program changed is never written over.

use std::path::Path;
use std::time::Duration;

use persona_atlas::api;
use persona_atlas::edit::Edit;
use persona_atlas::model::EntityKind;
use persona_atlas_e2e::{Driver, Session, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);

fn tab(app: &Session, label: &str) {
    let tabs = app.find_all("[role=tab]");
    let tab = tabs
        .iter()
        .find(|t| app.text(t) == label)
        .unwrap_or_else(|| panic!("a {label} tab"));
    app.click(tab);
}

/// Sets "needs met from" and "underserved below" to 0 and applies them:
/// nobody is underserved any more.
fn lower_thresholds(app: &Session) {
    app.execute(
        "document.querySelectorAll('.insight-group').forEach(d => d.open = true); \
         const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
         for (const name of ['met_at', 'underserved_below']) { \
           const input = document.querySelector(`input[aria-describedby=hint-${name}]`); \
           set.call(input, '0'); input.dispatchEvent(new Event('input', { bubbles: true })); }",
    );
    let apply = app.find_all(".thresholds button[type=submit]");
    app.click(
        apply
            .first()
            .expect("the thresholds form has an Apply button"),
    );
}

fn saved_thresholds(project: &Path) -> f64 {
    api::open_read_only(project)
        .and_then(|f| f.thresholds())
        .expect("the project reopens")
        .underserved_below
        .get()
}

fn saved_names(project: &Path) -> Vec<String> {
    let p = api::open_read_only(project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    p.personas.into_iter().map(|p| p.name).collect()
}

#[test]
fn undo_takes_back_the_thresholds_then_the_edit_before_them() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    // An edit: a new persona with a need nothing meets.
    app.click_button("New persona");
    app.wait_for_texts("dialog.editor input[name=name]", PATIENCE);
    app.execute(
        "const el = document.querySelector('dialog.editor input[name=name]'); \
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') \
           .set.call(el, 'Iris the Import Broker'); \
         el.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    app.click_button("Add a need");
    app.wait_for_texts("dialog.editor select[aria-label=\"Need 1\"]", PATIENCE);
    app.execute(
        "const el = document.querySelector('dialog.editor select[aria-label=\"Need 1\"]'); \
         Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value') \
           .set.call(el, 'need-customs'); \
         el.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    app.click_button("Save");
    wait_until("the new persona is listed as underserved", || {
        app.finding_titles().iter().any(|t| t.starts_with("Iris"))
    });

    lower_thresholds(&app);
    wait_until("with lower thresholds nobody is underserved", || {
        !app.finding_titles().iter().any(|t| t.starts_with("Iris"))
    });
    assert_eq!(saved_thresholds(&project), 0.0, "the thresholds are saved");

    app.click_button("Undo");
    wait_until("the first undo brings the old thresholds back", || {
        app.finding_titles().iter().any(|t| t.starts_with("Iris"))
    });
    assert_eq!(
        saved_thresholds(&project),
        0.6,
        "the first undo took back the thresholds, in the file too"
    );
    assert!(
        saved_names(&project).iter().any(|n| n.starts_with("Iris")),
        "and left the new persona"
    );

    app.click_button("Undo");
    wait_until("the second undo takes the new persona away", || {
        !app.finding_titles().iter().any(|t| t.starts_with("Iris"))
    });
    app.screenshot("history-undone");
    assert!(
        !saved_names(&project).iter().any(|n| n.starts_with("Iris")),
        "the persona is gone from the file"
    );
    assert_eq!(
        saved_thresholds(&project),
        0.6,
        "and the thresholds stay as they were before both edits"
    );
}

#[test]
fn a_file_changed_by_another_program_is_not_written_over() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    // Another program (a script, a second window) renames Bea meanwhile.
    let mut script = api::open(&project).expect("a script opens the file");
    let mut bea = script
        .project()
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-berth-planner")
        .expect("Bea is in the fixture")
        .clone();
    bea.name = "Bea, renamed by a script".to_owned();
    script
        .edit(&Edit::Update {
            kind: EntityKind::Persona,
            value: serde_json::to_value(&bea).expect("a persona serialises"),
        })
        .expect("the script saves");
    drop(script);

    lower_thresholds(&app);
    let banner = app.wait_for_texts(".banner-error p", PATIENCE);
    assert!(
        banner
            .iter()
            .any(|b| b.contains("changed by another program")),
        "the window says the file changed: {banner:?}"
    );
    app.screenshot("changed-on-disk");
    assert_eq!(
        saved_thresholds(&project),
        0.6,
        "the app's change was not written over the other program's"
    );
    assert!(
        saved_names(&project)
            .iter()
            .any(|n| n == "Bea, renamed by a script"),
        "the other program's change stays"
    );

    app.click_button("Reopen");
    wait_until("after reopening, the banner is gone", || {
        app.find_all(".banner-error").is_empty()
    });
    tab(&app, "Personas");
    wait_until(
        "after reopening, the other program's change is shown",
        || {
            app.wait_for_texts(".persona-name", PATIENCE)
                .iter()
                .any(|n| n == "Bea, renamed by a script")
        },
    );
    tab(&app, "Map");
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    lower_thresholds(&app);
    wait_until("the change is saved once the file is reopened", || {
        saved_thresholds(&project) == 0.0
    });
    assert!(
        saved_names(&project)
            .iter()
            .any(|n| n == "Bea, renamed by a script"),
        "with the other program's change kept"
    );
}
