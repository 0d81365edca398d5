//! File › Import, Merge and Compare in the real app, driven as a person
//! would: the menu's shortcuts pressed on the window, the system's own
//! dialogs answered with the keyboard (xdotool), the preview read and a
//! Kumu type mapped in it before anything is written.

use std::path::Path;
use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{
    Driver, Session, answer_open_dialog, answer_save_dialog, wait_until, xdotool,
};
use serde_json::{Value, json};

const PATIENCE: Duration = Duration::from_secs(30);

/// Presses `keys` on the app's window, as a menu shortcut.
fn press(keys: &str) {
    let mut window = String::new();
    wait_until("the app's window", || {
        window = xdotool(&["search", "--onlyvisible", "--name", "Persona Atlas"])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        !window.is_empty()
    });
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--window", &window, keys]);
}

fn texts_contain(app: &Session, css: &str, text: &str) -> bool {
    app.texts(css).iter().any(|t| t.contains(text))
}

#[test]
fn a_kumu_map_is_previewed_its_types_mapped_then_imported_and_opened() {
    let driver = Driver::start();
    let dir = driver.home.path().to_owned();
    let map = dir.join("stakeholders.json");
    let backup = json!({
        "elements": [
            { "_id": "elem-a1", "attributes": { "label": "Ana the Buyer", "element type": "Stakeholder",
              "Goals": ["Cut cost"], "Department": "Procurement" } },
            { "_id": "elem-b2", "attributes": { "label": "Bo the Engineer", "element type": "Stakeholder" } },
            { "_id": "elem-n1", "attributes": { "label": "Lower cost", "element type": "Need" } },
            { "_id": "elem-o1", "attributes": { "label": "Acme Corp", "element type": "Organization" } }
        ],
        "connections": [
            { "from": "elem-a1", "to": "elem-n1", "attributes": { "connection type": "needs", "strength": 0.8 } }
        ],
        "maps": [{ "elements": [{ "element": "elem-a1", "position": { "x": 10, "y": 20 } }] }]
    });
    std::fs::write(&map, backup.to_string()).expect("the map writes");
    let app = driver.launch(&["--demo"]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    press("ctrl+i");
    answer_open_dialog("Import a portfolio", &map);
    let types = app.wait_for_texts(".tr-type-name", PATIENCE);
    assert_eq!(
        types.len(),
        2,
        "Organization and Stakeholder are none of ours: {types:?}"
    );
    assert!(
        texts_contain(&app, ".tr-tile", "need"),
        "the need comes in by itself"
    );
    assert!(!texts_contain(&app, ".tr-tile", "persona"));

    // Stakeholders become personas: the preview is read again.
    app.execute(
        "const s = document.querySelector('select[aria-label=\"What the Stakeholder elements become\"]'); \
         Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, 'persona'); \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    wait_until("two personas come in", || {
        texts_contain(&app, ".tr-tile", "personas")
    });
    app.screenshot("import-kumu-preview");

    let out = dir.join("Stakeholders.patlas");
    app.click_button("Import…");
    answer_save_dialog("Save the imported project", &out);
    wait_until("the project is written", || out.is_file());
    let notice = app.wait_for_texts(".banner-notice", PATIENCE);
    assert!(
        notice.iter().any(|n| n.contains("Imported into")),
        "{notice:?}"
    );
    let project = api::read_any(&out).expect("the import reads");
    assert_eq!(project.personas.len(), 2);
    assert_eq!(project.needs.len(), 1);
    let positions = api::open_read_only(&out)
        .and_then(|f| f.positions())
        .expect("positions");
    assert_eq!(positions.len(), 1, "the map's position came with it");
    wait_until("the new project is shown", || {
        app.texts(".summary .counts")
            .iter()
            .any(|c| c.starts_with("2 personas"))
    });
}

/// The demo cut to the personas one product team owns (see the core's
/// merge test), without what crosses teams.
fn team(owner: &str) -> Value {
    let demo = persona_atlas::interchange::write(&persona_atlas::demo::project().expect("demo"));
    let mut doc: Value = serde_json::from_str(&demo).expect("JSON");
    let personas: Vec<Value> = doc["personas"]
        .as_array()
        .expect("personas")
        .iter()
        .filter(|p| {
            p["products"].as_array().is_some_and(|l| {
                l.iter()
                    .any(|x| x["product"] == owner && x["relation"] == "owned_by")
            })
        })
        .cloned()
        .collect();
    doc["personas"] = json!(personas);
    doc["relationships"] = json!([]);
    doc["buying_units"] = json!([]);
    doc["journeys"] = json!([]);
    doc
}

fn project(dir: &Path, name: &str, doc: &Value) -> std::path::PathBuf {
    let json = dir.join(format!("{name}.json"));
    std::fs::write(&json, doc.to_string()).expect("writes");
    let file = dir.join(format!("{name}.patlas"));
    api::import_json(&json, &file, false).expect("imports");
    file
}

#[test]
fn two_teams_are_merged_with_their_golden_persona_shown_then_compared() {
    let driver = Driver::start();
    let dir = driver.home.path().to_owned();
    let pipelines = project(&dir, "Pipelines", &team("prod-pipelines"));
    let observe = project(&dir, "Observe", &team("prod-observe"));
    let app = driver.launch(&[pipelines.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    press("ctrl+shift+m");
    answer_open_dialog("Merge another team", &observe);
    let golden = app.wait_for_texts(".tr-section li", PATIENCE);
    assert!(
        golden
            .iter()
            .any(|g| g.contains("Dana the Data Platform Lead")
                && g.contains("Priya the Platform Owner")),
        "the person both teams wrote shows at once: {golden:?}"
    );
    app.screenshot("merge-preview");
    let merged = dir.join("Both teams.patlas");
    app.click_button("Save merged project…");
    answer_save_dialog("Save the merged project", &merged);
    wait_until("the merged project is written", || merged.is_file());
    let both = api::read_any(&merged).expect("reads");
    let a = api::read_any(&pipelines).expect("reads");
    let b = api::read_any(&observe).expect("reads");
    assert_eq!(both.personas.len(), a.personas.len() + b.personas.len());

    // The merged project is open: compared with the first team's file.
    wait_until("the merged project is shown", || {
        app.texts(".summary .counts")
            .iter()
            .any(|c| c.starts_with(&format!("{} personas", both.personas.len())))
    });
    press("ctrl+shift+d");
    answer_open_dialog("Compare with", &pipelines);
    let heads = app.wait_for_texts(".tr-section-head", PATIENCE);
    assert!(
        heads.iter().any(|h| h
            .to_lowercase()
            .starts_with(&format!("added ({})", b.personas.len()))),
        "the other team's personas were added: {heads:?}"
    );
    app.screenshot("compare");
    app.click_button("Close");
}
