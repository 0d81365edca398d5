//! Saved views in the real app: the map's filter and camera saved under a
//! name, kept in the project file, put back on the map, and presented one
//! after another full-window with the keyboard.

use std::thread::sleep;
use std::time::{Duration, Instant};

use persona_atlas::store::ProjectFile;
use persona_atlas_e2e::{Driver, Session, js};
use serde_json::Value;

const PATIENCE: Duration = Duration::from_secs(30);

fn until(app: &Session, what: &str, script: &str) {
    app.until(what, script);
}

fn click(app: &Session, css: &str, label: &str) {
    app.click_labelled(css, label);
}

/// Saves what the map shows under `name`, from the Views list.
fn save_view(app: &Session, name: &str) {
    open_views(app);
    click(app, ".vw-panel button", "Save view…");
    let field = {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(e) = app
                .find_all("dialog input[data-autofocus]")
                .into_iter()
                .next()
            {
                break e;
            }
            assert!(Instant::now() < deadline, "the Save view dialog opens");
            sleep(Duration::from_millis(100));
        }
    };
    // The name is chosen for the user ("View 1"); typing replaces it.
    app.execute("document.querySelector('dialog input[data-autofocus]').select(); return 1;");
    app.type_text(&field, name);
    click(app, "dialog button[type=submit]", "Save");
    until(
        app,
        "the Save view dialog closes",
        "return document.querySelector('dialog input[data-autofocus]') === null;",
    );
}

/// Opens the list of saved views over the map, unless it is open.
fn open_views(app: &Session) {
    let label = app_views_label(app);
    let open = app.execute(
        "return document.querySelector('.views-toggle').getAttribute('aria-expanded') === 'true';",
    );
    if open != Value::Bool(true) {
        click(app, ".views-toggle", &label);
    }
}

/// The Views button's text now ("Views", "Views (2)").
fn app_views_label(app: &Session) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(text) = app
            .execute("return document.querySelector('.views-toggle')?.textContent ?? null;")
            .as_str()
        {
            return text.to_owned();
        }
        assert!(Instant::now() < deadline, "the map bar has a Views button");
        sleep(Duration::from_millis(100));
    }
}

fn segment_filter(app: &Session) -> Value {
    app.execute("return document.querySelector('.filters select').value;")
}

fn press(app: &Session, key: &str) {
    app.execute(&format!(
        "window.dispatchEvent(new KeyboardEvent('keydown', {{ key: {}, bubbles: true }})); return 1;",
        js(key)
    ));
}

#[test]
fn views_are_saved_in_the_file_put_back_and_presented() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".map-canvas canvas", PATIENCE);

    save_view(&app, "Everyone");
    // Narrowed to one market segment, then saved again.
    app.execute(
        "const s = document.querySelector('.filters select'); \
         s.value = 'ms-ports'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1;",
    );
    // Zoomed in a step: this view keeps where the camera stands.
    click(&app, ".map-controls button", "Zoom in");
    save_view(&app, "Port operators");
    until(
        &app,
        "the Views button counts two views",
        "return document.querySelector('.views-toggle')?.textContent === 'Views (2)';",
    );

    let saved = ProjectFile::open(&project)
        .expect("the project opens")
        .load()
        .expect("and loads")
        .views;
    let names: Vec<&str> = saved.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        ["Everyone", "Port operators"],
        "the file keeps both, in order"
    );
    assert_eq!(
        saved[1].filter.market_segment.as_ref().map(|s| s.as_str()),
        Some("ms-ports"),
        "the second keeps its filter"
    );
    assert!(
        saved[0].camera.is_none(),
        "a map the user has not moved is saved as the whole map, fitted in any window"
    );
    assert!(
        saved[1].camera.is_some_and(|c| c.zoom > 0.0),
        "a map zoomed by the user keeps where the camera stood"
    );

    // Applying the first view lets the filter go again.
    open_views(&app);
    click(&app, ".vw-apply .vw-name", "Everyone");
    until(
        &app,
        "the first view clears the filter",
        "return document.querySelector('.filters select').value === '';",
    );

    // Presenting steps through both with the keyboard.
    open_views(&app);
    click(&app, ".vw-panel button", "Present");
    until(
        &app,
        "the presentation shows the first view",
        "return document.querySelector('.vw-present-name')?.textContent === 'Everyone';",
    );
    assert!(
        app.execute("return document.querySelector('.topbar').offsetParent === null;")
            == Value::Bool(true),
        "presenting hides the window's chrome"
    );
    press(&app, "ArrowRight");
    until(
        &app,
        "the second view is shown",
        "return document.querySelector('.vw-present-name')?.textContent === 'Port operators';",
    );
    assert_eq!(
        segment_filter(&app),
        Value::from("ms-ports"),
        "the map is narrowed as the view says"
    );
    app.screenshot("views-presenting");
    press(&app, "Escape");
    until(
        &app,
        "Escape ends the presentation",
        "return document.querySelector('.vw-present') === null \
           && document.querySelector('.topbar').offsetParent !== null;",
    );
}
