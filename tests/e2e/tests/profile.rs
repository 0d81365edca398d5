//! A persona's profile page in the real app: opened from its card, it shows
//! the persona, saves what is edited in place through the core (the file
//! holds it), refreshes when an edit is undone, and goes to the next persona
//! by keyboard.

use std::path::Path;
use std::time::Duration;

use persona_atlas::api;
use persona_atlas::model::{EvidenceKind, Persona};
use persona_atlas_e2e::{Driver, Session, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);
const DANA: &str = "p-dana-platform";

/// Dana as the file holds her now.
fn saved_dana(project: &Path) -> Persona {
    api::open_read_only(project)
        .and_then(|f| f.load())
        .expect("the project reopens")
        .personas
        .into_iter()
        .find(|p| p.id.as_str() == DANA)
        .expect("Dana is in the demo")
}

/// The text of the first element matching `css`, read in the page; empty
/// when there is none (the page may be drawing it again).
fn text_of(app: &Session, css: &str) -> String {
    let script =
        format!("const el = document.querySelector({css:?}); return el ? el.textContent : '';");
    app.execute(&script).as_str().unwrap_or_default().to_owned()
}

/// The shown texts of a list on the page (goals, channels...).
fn list_texts(app: &Session, field: &str) -> Vec<String> {
    app.texts(&format!(
        ".edit-list[data-field={field}] .item .editable-text"
    ))
}

/// Types `value` into the field matching `css` as a user would, so that
/// React sees the change.
fn type_into(app: &Session, css: &str, value: &str) {
    let script = format!(
        "const el = document.querySelector({css:?}); \
         const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype \
           : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype \
           : HTMLInputElement.prototype; \
         Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, {value:?}); \
         el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', \
           {{ bubbles: true }}));"
    );
    app.execute(&script);
}

/// Presses `key` (with Alt when `alt`) on the element matching `css`, or on
/// the focused element when `css` is empty.
fn press(app: &Session, css: &str, key: &str, alt: bool) {
    let script = format!(
        "const el = {css:?} === '' ? (document.activeElement ?? document.body) \
           : document.querySelector({css:?}); \
         el.dispatchEvent(new KeyboardEvent('keydown', \
           {{ key: {key:?}, altKey: {alt}, bubbles: true, cancelable: true }}));"
    );
    app.execute(&script);
}

#[test]
fn the_profile_shows_a_persona_saves_edits_in_place_and_follows_undo() {
    let driver = Driver::start();
    let project = driver.harbor().with_file_name("Demo.patlas");
    api::create_demo(&project, false).expect("the demo writes");
    let before = saved_dana(&project);
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    // From Dana's card in the persona list.
    app.open_profile(DANA);
    let name = app.wait_for_texts(".profile-name .editable-text", PATIENCE);
    assert_eq!(
        name,
        ["Dana the Data Platform Lead"],
        "the card opens Dana's profile"
    );
    assert!(
        text_of(&app, ".profile-quote .editable-text").contains("6 a.m. loads"),
        "her quote is shown"
    );
    assert_eq!(
        list_texts(&app, "goals"),
        before.goals,
        "her goals are shown, in her order"
    );
    app.screenshot("profile-dana");

    // A goal edited in place: click it, type, Enter.
    let goal = app.find_all(".edit-list[data-field=goals] [data-index=\"0\"] .editable");
    app.click(goal.first().expect("the first goal can be edited"));
    app.wait_for_texts(
        ".edit-list[data-field=goals] input.editable-input",
        PATIENCE,
    );
    let edited = "Keep core pipelines on time with the same team";
    let field = ".edit-list[data-field=goals] input.editable-input";
    type_into(&app, field, edited);
    press(&app, field, "Enter", false);
    wait_until("the edited goal is shown", || {
        list_texts(&app, "goals").first().map(String::as_str) == Some(edited)
    });
    let after_goal = saved_dana(&project);
    assert_eq!(
        after_goal.goals.first().map(String::as_str),
        Some(edited),
        "the file holds the edited goal"
    );
    assert_eq!(
        after_goal.goals[1..],
        before.goals[1..],
        "the other goals are kept, in order"
    );

    // A piece of evidence added through its small form.
    app.click_button("+ Add evidence");
    app.wait_for_texts("select[name=evidence-kind]", PATIENCE);
    type_into(&app, "select[name=evidence-kind]", "survey");
    type_into(
        &app,
        "input[name=evidence-source]",
        "Profile page survey, 40 platform leads",
    );
    type_into(
        &app,
        "textarea[name=evidence-note]",
        "Most want alerts before the CFO notices.",
    );
    app.click_button("Save");
    wait_until("the file holds a fourth piece of evidence", || {
        saved_dana(&project).evidence.len() == before.evidence.len() + 1
    });
    let added = saved_dana(&project);
    let last = added.evidence.last().expect("the new piece");
    assert_eq!(last.kind, EvidenceKind::Survey, "with the kind chosen");
    assert_eq!(
        last.source.as_deref(),
        Some("Profile page survey, 40 platform leads"),
        "and the source typed"
    );
    assert!(
        last.date.is_some(),
        "a new piece is dated today unless told"
    );
    assert_eq!(
        added.evidence[..before.evidence.len()],
        before.evidence[..],
        "the earlier pieces, records and shares included, are kept"
    );
    wait_until("the page lists the new piece", || {
        text_of(&app, ".edit-list[data-field=evidence]").contains("Profile page survey")
    });

    // Mark reviewed today, then Undo: the page shows the old date again.
    let old_review = before
        .last_reviewed
        .as_ref()
        .map(|d| d.to_string())
        .expect("the demo says when Dana was reviewed");
    app.click_button("Mark reviewed today");
    wait_until("the page says Dana was reviewed today", || {
        text_of(&app, ".reviewed").contains("Reviewed today")
    });
    let reviewed = saved_dana(&project).last_reviewed.map(|d| d.to_string());
    assert_ne!(
        reviewed.as_deref(),
        Some(old_review.as_str()),
        "the file holds the new review date"
    );
    app.screenshot("profile-reviewed");

    // The Undo button is what Ctrl+Z does: the menu's accelerator, which a
    // WebDriver key press in the page cannot reach.
    app.click_button("Undo");
    wait_until("undo brings the old review date back on the page", || {
        text_of(&app, ".reviewed").contains("Last reviewed")
    });
    assert_eq!(
        saved_dana(&project).last_reviewed.map(|d| d.to_string()),
        Some(old_review),
        "undo takes the review date back in the file too"
    );
    assert_eq!(
        saved_dana(&project).evidence.len(),
        before.evidence.len() + 1,
        "and only that: the new evidence stays"
    );

    // The next persona, by keyboard: ] when no field has the focus.
    let next_label = app
        .execute("return document.querySelector('.profile-nav .next').getAttribute('aria-label');")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let next_name = next_label
        .strip_prefix("Next: ")
        .expect("the Next button names the next persona")
        .to_owned();
    assert!(!next_name.is_empty(), "Dana is not the last persona");
    app.execute("document.activeElement?.blur();");
    press(&app, "", "]", false);
    wait_until("] shows the next persona", || {
        text_of(&app, ".profile-name .editable-text") == next_name
    });
    app.screenshot("profile-next");

    // Alt+Left goes back to Dana, and Escape to the persona list.
    press(&app, "", "ArrowLeft", true);
    wait_until("Alt+Left shows Dana again", || {
        text_of(&app, ".profile-name .editable-text") == "Dana the Data Platform Lead"
    });
    press(&app, "", "Escape", false);
    wait_until("Escape returns to the persona list", || {
        !app.find_all(".persona[data-persona-id] .persona-name button")
            .is_empty()
    });
}
