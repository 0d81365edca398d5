//! Two teams' projects merged, and two versions of a project compared: the
//! same entity kept once, a clashing id renamed with every reference to it,
//! the shared persona shown as golden, nothing of either lost; and what
//! changed, field by field, with the findings that appeared or went.

use std::path::Path;

use persona_atlas::api;
use serde_json::{Value, json};

use crate::support::{DEMO_JSON, cli, scratch, today, write_json};

/// The demo cut to one product team's personas (those it owns), with the
/// catalogue they share; buying units, journeys and relationships, which
/// cross teams, are left out.
fn team(owner: &str) -> Value {
    let mut doc: Value = serde_json::from_str(DEMO_JSON).expect("JSON");
    let owned = |p: &Value| {
        p["products"].as_array().is_some_and(|l| {
            l.iter()
                .any(|x| x["product"] == owner && x["relation"] == "owned_by")
        })
    };
    let personas: Vec<Value> = doc["personas"]
        .as_array()
        .expect("personas")
        .iter()
        .filter(|p| owned(p))
        .cloned()
        .collect();
    doc["personas"] = json!(personas);
    doc["relationships"] = json!([]);
    doc["buying_units"] = json!([]);
    doc["journeys"] = json!([]);
    doc
}

fn import(dir: &Path, name: &str, doc: &Value) -> std::path::PathBuf {
    let json = write_json(dir, &format!("{name}.json"), doc);
    let file = dir.join(format!("{name}.patlas"));
    api::import_json(&json, &file, false).expect("imports");
    file
}

#[test]
fn two_teams_merge_into_one_with_their_shared_persona_golden_and_nothing_lost() {
    let dir = scratch();
    let mut pipelines = team("prod-pipelines");
    let mut observe = team("prod-observe");
    // Each team saved views of its map: one alike, one of the same name
    // about another product.
    pipelines["views"] = json!([
        { "name": "Everyone" },
        { "name": "Our product", "filter": { "product": "prod-pipelines" } }
    ]);
    observe["views"] = json!([
        { "name": "Everyone" },
        { "name": "Our product", "filter": { "product": "prod-observe" } }
    ]);
    // The Observe team wrote the CDC need its own way: the same id, another need.
    for n in observe["needs"].as_array_mut().expect("needs") {
        if n["id"] == "need-cdc" {
            n["name"] = json!("Streaming change capture (Observe's wording)");
        }
    }
    let a = import(dir.path(), "pipelines", &pipelines);
    let b = import(dir.path(), "observe", &observe);
    let (a_before, b_before) = (std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));

    let out = dir.path().join("merged.patlas");
    let (session, report) = api::merge_files(&a, &b, &out, false, today()).expect("merges");
    let merged = session.project().clone();
    assert_eq!(
        std::fs::read(&a).expect("a"),
        a_before,
        "the first is not changed"
    );
    assert_eq!(
        std::fs::read(&b).expect("b"),
        b_before,
        "the second is not changed"
    );

    // The clash: renamed and listed, every reference of the second team moved.
    assert_eq!(report.renamed.len(), 1, "{:?}", report.renamed);
    let r = &report.renamed[0];
    assert_eq!(
        (r.kind.as_str(), r.from.as_str(), r.to.as_str()),
        ("need", "need-cdc", "need-cdc-2")
    );
    let need = |id: &str| {
        merged
            .needs
            .iter()
            .find(|n| n.id.as_str() == id)
            .map(|n| n.name.clone())
    };
    assert_eq!(
        need("need-cdc").as_deref(),
        Some("Near-real-time change data capture")
    );
    assert_eq!(
        need("need-cdc-2").as_deref(),
        Some("Streaming change capture (Observe's wording)")
    );
    let observe_cdc_users: Vec<&str> = observe["personas"]
        .as_array()
        .expect("personas")
        .iter()
        .filter(|p| {
            p["needs"]
                .as_array()
                .is_some_and(|l| l.iter().any(|n| n["need"] == "need-cdc"))
        })
        .filter_map(|p| p["id"].as_str())
        .collect();
    for id in &observe_cdc_users {
        let p = merged
            .personas
            .iter()
            .find(|p| p.id.as_str() == *id)
            .expect("kept");
        assert!(
            p.needs.iter().any(|n| n.need.as_str() == "need-cdc-2"),
            "{id} keeps its own CDC need"
        );
    }

    // Nothing lost: every persona of both, the shared catalogue once.
    let count = |doc: &Value, list: &str| doc[list].as_array().map_or(0, Vec::len);
    assert_eq!(
        merged.personas.len(),
        count(&pipelines, "personas") + count(&observe, "personas")
    );
    assert_eq!(merged.needs.len(), count(&pipelines, "needs") + 1);
    assert_eq!(merged.products.len(), count(&pipelines, "products"));
    assert!(report.identical > 0, "the shared catalogue is kept once");
    let views: Vec<(&str, Option<&str>)> = merged
        .views
        .iter()
        .map(|v| {
            (
                v.name.as_str(),
                v.filter.product.as_ref().map(|p| p.as_str()),
            )
        })
        .collect();
    assert_eq!(
        views,
        [
            ("Everyone", None),
            ("Our product", Some("prod-pipelines")),
            ("Our product (2)", Some("prod-observe")),
        ],
        "the second team's views follow the first's: one alike kept once, a name taken numbered"
    );
    assert_eq!(report.added.get("saved view"), Some(&1));

    // Dana (Pipelines) and Priya (Observe) are one person: golden at once.
    assert!(
        report.golden_candidates.iter().any(|f| {
            f.about.iter().any(|i| i == "p-dana-platform")
                && f.about.iter().any(|i| i == "p-priya-platform")
        }),
        "{:?}",
        report.golden_candidates
    );

    // From the command line, in words; never over an input.
    let run = cli(
        dir.path(),
        &[
            "merge",
            "pipelines.patlas",
            "observe.patlas",
            "-o",
            "again.patlas",
        ],
    );
    run.assert_ok("merge");
    assert!(
        run.stderr.contains("renamed the second project's need"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("golden candidates"), "{}", run.stderr);
    cli(
        dir.path(),
        &[
            "merge",
            "pipelines.patlas",
            "observe.patlas",
            "-o",
            "observe.patlas",
            "--force",
        ],
    )
    .assert_error("never over an input");
    assert_eq!(std::fs::read(&b).expect("b"), b_before);
}

#[test]
fn a_comparison_says_what_changed_field_by_field_and_which_findings_moved() {
    let dir = scratch();
    let before: Value = serde_json::from_str(DEMO_JSON).expect("JSON");
    let mut after = before.clone();
    for p in after["personas"].as_array_mut().expect("personas") {
        if p["id"] == "p-dana-platform" {
            p["quote"] = json!("Loads on time, or nothing.");
            p["priority"] = json!(3);
        }
    }
    after["personas"]
        .as_array_mut()
        .expect("personas")
        .push(json!({ "id": "p-new", "name": "Nina the New Hire" }));
    let gone = after["relationships"]
        .as_array_mut()
        .expect("relationships")
        .remove(0);
    after["thresholds"] = json!({ "overlap_at": 0.5 });
    let a = import(dir.path(), "workshop-1", &before);
    let b = import(dir.path(), "workshop-2", &after);

    let diff = api::diff_files(&a, &b, today()).expect("compares");
    assert_eq!(diff.added.len(), 1);
    assert_eq!(
        (diff.added[0].kind.as_str(), diff.added[0].id.as_str()),
        ("persona", "p-new")
    );
    assert_eq!(diff.removed.len(), 1);
    assert_eq!(
        diff.removed[0].id,
        format!(
            "{} → {} ({})",
            gone["from"].as_str().expect("from"),
            gone["to"].as_str().expect("to"),
            gone["kind"].as_str().expect("kind")
        )
    );
    let dana = diff
        .changed
        .iter()
        .find(|c| c.entity.id == "p-dana-platform")
        .expect("Dana changed");
    let fields: Vec<&str> = dana.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["priority", "quote"]);
    assert_eq!(dana.fields[1].after, json!("Loads on time, or nothing."));
    assert!(
        diff.project
            .iter()
            .any(|f| f.field == "thresholds.overlap_at")
    );
    assert!(
        !diff.findings_appeared.is_empty(),
        "a lower overlap threshold finds more overlaps"
    );

    let same = api::diff_files(&a, &a, today()).expect("compares");
    assert!(same.is_empty());
    assert!(same.render(false).contains("Nothing"));

    let run = cli(
        dir.path(),
        &[
            "diff",
            "workshop-1.patlas",
            "workshop-2.patlas",
            "--format",
            "markdown",
        ],
    );
    run.assert_ok("diff");
    assert!(run.stdout.contains("## Added (1)") && run.stdout.contains("Nina the New Hire"));
    assert!(
        run.stdout.contains("quote: \"I don't need"),
        "{}",
        run.stdout
    );
    let json_run = cli(
        dir.path(),
        &[
            "diff",
            "workshop-1.patlas",
            "workshop-2.patlas",
            "--format",
            "json",
        ],
    );
    json_run.assert_ok("diff json");
    let parsed: Value = serde_json::from_str(&json_run.stdout).expect("JSON");
    assert_eq!(parsed["added"][0]["id"], "p-new");
}

#[test]
fn a_comparison_names_the_saved_views_added_removed_and_changed() {
    let dir = scratch();
    let mut before: Value = serde_json::from_str(DEMO_JSON).expect("JSON");
    before["views"] = json!([{ "name": "Retired" }, { "name": "Deals", "note": "v1" }]);
    let mut after = before.clone();
    after["views"] = json!([{ "name": "Deals", "note": "v2" }, { "name": "New one" }]);
    let a = import(dir.path(), "before", &before);
    let b = import(dir.path(), "after", &after);
    let diff = api::diff_files(&a, &b, today()).expect("compares");
    let of = |list: &[persona_atlas::compare::Named]| -> Vec<(String, String)> {
        list.iter()
            .map(|n| (n.kind.clone(), n.id.clone()))
            .collect()
    };
    assert_eq!(
        of(&diff.added),
        [("saved view".to_owned(), "New one".to_owned())]
    );
    assert_eq!(
        of(&diff.removed),
        [("saved view".to_owned(), "Retired".to_owned())]
    );
    let deals = diff
        .changed
        .iter()
        .find(|c| c.entity.kind == "saved view")
        .expect("the view whose note changed");
    assert_eq!(deals.entity.id, "Deals");
    assert_eq!(deals.fields[0].field, "note");
    assert!(
        diff.render(false).contains("saved view"),
        "the text says what kind of thing changed"
    );
}
