//! The use cases the desktop views call: what the Portfolio view lists and
//! reads, from a real project file.

use persona_atlas::api::{self, RelationshipChoice};
use persona_atlas::model::{EntityKind, RelationshipKind};
use persona_atlas::session::Session;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::support::*;

/// The full portfolio, with one more relationship that shares its two
/// personas with another, imported into a project file in a folder of its own.
fn full_file() -> (TempDir, Session) {
    let dir = scratch();
    let mut doc = full_portfolio();
    doc["relationships"]
        .as_array_mut()
        .expect("the portfolio has relationships")
        .push(json!({
            "from": "p-ops-olga", "to": "p-cfo-carl", "kind": "influences", "weight": 0.3
        }));
    let input = write_json(dir.path(), "full.json", &doc);
    let file = api::import_json(&input, &dir.path().join("full.patlas"), false)
        .expect("the full portfolio imports");
    (dir, file)
}

fn choice(from: &str, to: &str, kind: RelationshipKind, weight: f64) -> RelationshipChoice {
    RelationshipChoice {
        from: from.to_owned(),
        to: to.to_owned(),
        kind,
        weight,
    }
}

#[test]
fn the_catalog_lists_relationships_by_names_then_kind() {
    let (_dir, file) = full_file();
    let catalog = api::catalog(&file);
    use RelationshipKind::*;
    assert_eq!(
        catalog.relationships,
        [
            // Ana, IT architect → Carl, CFO; → Ivan, IT manager; → Olga, …
            choice("p-architect-ana", "p-cfo-carl", Blocks, 1.0),
            choice("p-architect-ana", "p-it-ivan", ReportsTo, 1.0),
            choice("p-architect-ana", "p-ops-olga", Collaborates, 0.5),
            // Carl, CFO → Olga
            choice("p-cfo-carl", "p-ops-olga", Approves, 0.0),
            // Olga → Ana; then Olga → Carl twice, the kinds in their order.
            choice("p-ops-olga", "p-architect-ana", Influences, 0.25),
            choice("p-ops-olga", "p-cfo-carl", Influences, 0.3),
            choice("p-ops-olga", "p-cfo-carl", Recommends, 0.7),
        ],
        "relationships sort by who acts, on whom and how, and carry their kind and weight \
         (a weight not given is 1)"
    );
}

#[test]
fn the_catalog_of_an_empty_project_has_no_relationships() {
    let dir = scratch();
    let file = api::new_project(&dir.path().join("empty.patlas"), "Empty", false)
        .expect("a new project is created");
    let catalog = api::catalog(&file);
    assert!(
        catalog.relationships.is_empty(),
        "an empty project lists no relationships"
    );
}

#[test]
fn entities_are_each_what_entity_reads() {
    let (_dir, file) = full_file();
    for kind in [
        EntityKind::MarketSegment,
        EntityKind::CustomerSegment,
        EntityKind::BuyingRole,
        EntityKind::Need,
        EntityKind::Product,
        EntityKind::Competitor,
        EntityKind::Persona,
        EntityKind::BuyingUnit,
    ] {
        let all = api::entities(&file, kind);
        let ids: Vec<&str> = all
            .iter()
            .map(|e| e["id"].as_str().expect("every listed entity has an id"))
            .collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(
            ids, sorted,
            "{kind:?}: listed by id, as an export writes them"
        );
        for (id, listed) in ids.iter().zip(&all) {
            let one = api::entity(&file, kind, id).expect("a listed entity reads on its own");
            assert_eq!(
                &one, listed,
                "{kind:?} {id}: the list holds exactly what the single read gives"
            );
        }
    }
    let segments = api::entities(&file, EntityKind::MarketSegment);
    assert_eq!(
        segments.first(),
        Some(&json!({
            "id": "ms-3pl",
            "name": "Third-party logistics",
            "size": 310.5,
            "priority": 1
        })),
        "an entity comes as the interchange format writes it, omitted fields left out"
    );
}

#[test]
fn entities_of_a_kind_with_none_are_an_empty_list() {
    let dir = scratch();
    let file = api::new_project(&dir.path().join("empty.patlas"), "Empty", false)
        .expect("a new project is created");
    assert_eq!(
        api::entities(&file, EntityKind::Competitor),
        Vec::<Value>::new(),
        "no competitors is an empty list, not an error"
    );
}

#[test]
fn entity_names_what_is_missing() {
    let (_dir, file) = full_file();
    let err = api::entity(&file, EntityKind::Need, "need-nope")
        .expect_err("an id that is not there is refused");
    assert!(
        err.to_string().contains("no need with id \"need-nope\""),
        "the message says which kind and id are missing: {err}"
    );
}

#[test]
fn a_threshold_change_leaves_the_overview_as_it_was() {
    // The window is not sent the overview again after new thresholds
    // (api::affected_by): that holds only while it holds no finding.
    use persona_atlas::edit::{Edit, apply};
    use persona_atlas::model::{Thresholds, Unit};
    let project = persona_atlas::demo::project().expect("the demo reads");
    let edit = Edit::SetThresholds {
        thresholds: Thresholds {
            underserved_below: Unit::new(0.95).expect("in range"),
            overlap_at: Unit::new(0.1).expect("in range"),
            ..Thresholds::DEFAULT
        }
        .into(),
    };
    let changed = apply(&project, &edit).expect("new thresholds apply");
    assert_eq!(
        persona_atlas::overview::overview(&changed, "f"),
        persona_atlas::overview::overview(&project, "f"),
        "the overview does not depend on the thresholds"
    );
    assert!(
        !api::affected_by(&edit).overview && api::affected_by(&edit).insights,
        "so new thresholds resend the findings, not the overview"
    );
}
