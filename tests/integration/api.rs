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
fn only_the_age_threshold_changes_the_overview() {
    // The window is sent the overview again after new thresholds only when
    // they can change it (api::affected_by): the four unit thresholds judge
    // findings, which the overview does not hold, while stale_after_days
    // ages the evidence behind each card's confidence.
    use persona_atlas::edit::{Edit, NewThresholds, apply};
    use persona_atlas::model::{Days, Thresholds, Unit};
    let project = persona_atlas::demo::project().expect("the demo reads");
    let units = Edit::SetThresholds {
        thresholds: NewThresholds {
            stale_after_days: None,
            ..Thresholds {
                underserved_below: Unit::new(0.95).expect("in range"),
                overlap_at: Unit::new(0.1).expect("in range"),
                ..Thresholds::DEFAULT
            }
            .into()
        },
    };
    let changed = apply(&project, &units).expect("new thresholds apply");
    assert_eq!(
        persona_atlas::overview::overview(&changed, "f", today()),
        persona_atlas::overview::overview(&project, "f", today()),
        "the overview does not depend on the unit thresholds"
    );
    assert!(
        !api::affected_by(&units).overview && api::affected_by(&units).insights,
        "so they resend the findings, not the overview"
    );

    let age = Edit::SetThresholds {
        thresholds: NewThresholds {
            stale_after_days: Some(Days::new(30).expect("in range")),
            ..Thresholds::DEFAULT.into()
        },
    };
    let aged = apply(&project, &age).expect("a shorter age applies");
    assert_ne!(
        persona_atlas::overview::overview(&aged, "f", today()),
        persona_atlas::overview::overview(&project, "f", today()),
        "older evidence lowers some card's confidence"
    );
    assert!(api::affected_by(&age).overview, "so the overview is resent");
}

#[test]
fn a_profile_names_everything_the_persona_touches() {
    use persona_atlas::profile::{ProfileFindingKind, profile};
    let project = persona_atlas::demo::project().expect("the demo reads");
    let dana = profile(&project, "p-dana-platform", today()).expect("Dana is in the demo");
    assert_eq!(
        dana.market_segment.as_ref().map(|x| x.id.as_str()),
        Some("ms-midmarket-saas"),
        "the segment is named by id and name"
    );
    assert!(
        dana.market_segment.as_ref().is_some_and(|x| x.name != x.id),
        "a name, not an id, is what the page shows"
    );
    assert!(
        dana.buying_role
            .as_ref()
            .is_some_and(|r| r.id == "role-technical-evaluator"),
        "her role"
    );
    let importances: Vec<f64> = dana.needs.iter().map(|n| n.importance).collect();
    assert_eq!(
        importances,
        [0.9, 0.75, 0.7, 0.5, 0.4],
        "needs come most important first"
    );
    let met_at = project.thresholds.met_at.get();
    assert!(
        dana.needs
            .iter()
            .all(|n| n.met == n.best.as_ref().is_some_and(|(_, s)| *s >= met_at)),
        "a need is met when our best score reaches the project's met_at"
    );
    let pipelines = dana
        .products
        .iter()
        .find(|x| x.id == "prod-pipelines")
        .expect("she is tied to Pipelines");
    assert_eq!(
        pipelines.relations.len(),
        2,
        "two ties to one product are one row with both"
    );
    assert_eq!(dana.products.len(), 2, "Pipelines and Observe, once each");
    let units: Vec<&str> = dana.buying_units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(units, ["bu-saas-pipelines"], "the one unit she sits in");
    assert_eq!(dana.relationships.len(), 4, "two from her, two to her");
    assert_eq!(
        dana.relationships.iter().filter(|r| r.outgoing).count(),
        2,
        "she reports to and recommends Kwame"
    );
    let journeys: Vec<&str> = dana.journeys.iter().map(|j| j.id.as_str()).collect();
    assert_eq!(journeys, ["j-pipelines-new-logo"], "the journey she is on");
    assert_eq!(dana.evidence.len(), 3, "her evidence as written");
    assert!(
        (0.0..=1.0).contains(&dana.confidence) && dana.confidence > 0.5,
        "three pieces of recent evidence, one a CRM match, give more than half: {}",
        dana.confidence
    );
    assert!(!dana.low_confidence, "so she is not low confidence");
    assert!(
        profile(&project, "p-nobody", today()).is_none(),
        "no profile of a persona that is not there"
    );

    // Every persona's page lists exactly the findings the analysis makes
    // about it, health first.
    let analysis = persona_atlas::analysis::analyze(&project, &project.thresholds, today());
    for p in &project.personas {
        let page = profile(&project, p.id.as_str(), today()).expect("every persona has a page");
        let health = analysis.health.iter().filter(|h| h.persona == p.id).count();
        let listed = page
            .findings
            .iter()
            .filter(|f| f.kind == ProfileFindingKind::Health)
            .count();
        assert_eq!(
            listed, health,
            "{}: one health finding per health entry",
            p.id
        );
        assert!(
            page.findings
                .iter()
                .skip(health)
                .all(|f| f.kind != ProfileFindingKind::Health),
            "{}: health comes first",
            p.id
        );
        let overlaps = analysis
            .overlaps
            .iter()
            .filter(|o| o.personas.contains(&p.id))
            .count();
        assert_eq!(
            page.findings
                .iter()
                .filter(|f| f.kind == ProfileFindingKind::Overlap)
                .count(),
            overlaps,
            "{}: every overlap it is part of",
            p.id
        );
        assert!(
            page.findings.iter().all(|f| !f.why.is_empty()),
            "each with its why"
        );
    }
}

#[test]
fn the_profile_of_an_open_project_is_refused_for_an_unknown_id() {
    let dir = scratch();
    let session = Session::open(&demo_file(dir.path())).expect("the demo opens");
    let page = api::profile(&session, "p-dana-platform").expect("Dana has a page");
    assert_eq!(
        page.name, "Dana the Data Platform Lead",
        "read from the session's memory"
    );
    let err = api::profile(&session, "p-nobody").expect_err("no such persona");
    assert!(
        err.to_string().contains("no persona with id \"p-nobody\""),
        "says which: {err}"
    );
}

#[test]
fn a_journey_shows_each_stage_and_the_needs_it_lacks() {
    let project = persona_atlas::demo::project().expect("the demo reads");
    let views = persona_atlas::journey_view::journeys(&project);
    assert_eq!(views.len(), project.journeys.len(), "one view per journey");
    let view = views
        .iter()
        .find(|j| j.id == "j-pipelines-new-logo")
        .expect("the demo's Pipelines journey");
    let journey = project
        .journeys
        .iter()
        .find(|j| j.id.as_str() == "j-pipelines-new-logo")
        .expect("in the project");
    assert_eq!(
        view.stages.len(),
        journey.stages.len(),
        "every stage, in order"
    );
    assert!(
        view.personas
            .iter()
            .any(|p| p.id == "p-dana-platform" && p.name.starts_with("Dana")),
        "its personas by name"
    );
    let met_at = project.thresholds.met_at.get();
    for (stage, written) in view.stages.iter().zip(&journey.stages) {
        assert_eq!(stage.name, written.name, "stages keep their order");
        assert_eq!(
            stage.needs.len(),
            written.needs.len(),
            "{}: every need",
            stage.name
        );
        for need in &stage.needs {
            assert_eq!(
                need.met,
                need.best.as_ref().is_some_and(|(_, s)| *s >= met_at),
                "{}: {} is met when our best score reaches met_at",
                stage.name,
                need.id
            );
        }
        assert_eq!(
            stage.unmet,
            stage.needs.iter().filter(|n| !n.met).count(),
            "{}: the needs it lacks are counted",
            stage.name
        );
    }
    assert!(
        view.stages.iter().any(|s| s.unmet > 0),
        "the demo's journey shows some value it lacks"
    );
}
