//! A market segment created from inside the persona form: "+ New market
//! segment" beside its choices, named, created by the core, and picked,
//! without losing what was typed in the form.

use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{Driver, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn a_segment_is_created_from_the_persona_forms_dropdown_and_picked() {
    let driver = Driver::start();
    let file = driver.harbor();
    let app = driver.launch(&[file.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    app.click_button("New persona");
    app.wait_for_texts("dialog .field", PATIENCE);
    let type_into = |css: &str, value: &str| {
        app.execute(&format!(
            "const e = document.querySelector({css:?}); \
             Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(e, {value:?}); \
             e.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        ));
    };
    type_into("dialog input[name=name]", "Nadia the Port Planner");
    app.click_button("+ New market segment");
    app.wait_for_texts(".inline-create", PATIENCE);
    type_into(".inline-create input", "Inland terminals");
    app.click_button("Create");
    wait_until("the new segment is picked", || {
        app.execute(
            "return document.querySelector('dialog [role=radiogroup][aria-label=\"Market segment\"] \
               [role=radio][aria-checked=true]')?.textContent ?? null;",
        )
        .as_str()
            == Some("Inland terminals")
    });
    let name = app.execute("return document.querySelector('dialog input[name=name]').value;");
    assert_eq!(
        name.as_str(),
        Some("Nadia the Port Planner"),
        "the draft is kept"
    );
    app.screenshot("inline-create-segment");
    app.click_button("Save");
    wait_until("the persona is saved in the new segment", || {
        api::read_any(&file).is_ok_and(|p| {
            let segment = p
                .market_segments
                .iter()
                .find(|s| s.name == "Inland terminals")
                .map(|s| s.id.clone());
            segment.is_some()
                && p.personas
                    .iter()
                    .any(|x| x.name == "Nadia the Port Planner" && x.market_segment == segment)
        })
    });
}
