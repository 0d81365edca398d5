//! The project named and described in the app: the title opens a dialog,
//! a save is one edit that the file keeps and the window's title shows,
//! and Undo takes it back.

use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{Driver, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn the_project_is_renamed_and_described_in_the_app_and_undone() {
    let driver = Driver::start();
    let file = driver.harbor();
    let app = driver.launch(&[file.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    let before = api::read_any(&file).expect("reads").project;

    let title = app.find_all(".project-title-button");
    app.click(title.first().expect("the project's name is a button"));
    app.wait_for_texts(".project-form", PATIENCE);
    let set = |css: &str, proto: &str, value: &str| {
        app.execute(&format!(
            "const e = document.querySelector('{css}'); \
             Object.getOwnPropertyDescriptor({proto}.prototype, 'value').set.call(e, {value:?}); \
             e.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        ));
    };
    set(
        ".project-form input",
        "HTMLInputElement",
        "Harbor 2027 plan",
    );
    set(
        ".project-form textarea",
        "HTMLTextAreaElement",
        "Port software personas for the spring workshop.",
    );
    app.screenshot("project-dialog");
    app.click_button("Save");
    wait_until("the new name is saved", || {
        api::read_any(&file)
            .map(|p| p.project.name == "Harbor 2027 plan")
            .unwrap_or(false)
    });
    let saved = api::read_any(&file).expect("reads").project;
    assert_eq!(
        saved.description.as_deref(),
        Some("Port software personas for the spring workshop.")
    );
    wait_until("the header shows it", || {
        app.texts(".project-title h1")
            .iter()
            .any(|t| t == "Harbor 2027 plan")
    });

    app.click_button("Undo");
    wait_until("the rename is undone", || {
        api::read_any(&file)
            .map(|p| p.project == before)
            .unwrap_or(false)
    });
}
