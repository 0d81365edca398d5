//! Kumu maps in and out: a project backup (fields under `attributes`,
//! positions on its map) and a spreadsheet in Kumu's layout come in with
//! their types mapped, what does not map is counted, a map where nothing
//! maps is refused with how to map it, and a blueprint of ours comes back
//! as the same portfolio.

use persona_atlas::api::{self, ImportFormat};
use persona_atlas::kumu::TypeMap;
use serde_json::json;

use crate::support::{cli, scratch, workbook, write_file};

/// A Kumu project backup as Kumu writes it: stakeholders and needs, an
/// organisation nothing maps, connections of several kinds, positions.
fn backup() -> serde_json::Value {
    json!({
        "elements": [
            { "_id": "elem-a1", "attributes": {
                "label": "Ana the Buyer", "element type": "Stakeholder",
                "description": "Runs procurement.", "tags": ["eu", "key"],
                "Goals": ["Cut cost", "One contract"], "Pain Points": "Slow reviews | Too many vendors",
                "Quote": "Show me the total cost.", "Department": "Procurement", "Priority": 4 } },
            { "_id": "elem-b2", "attributes": {
                "label": "Bo the Engineer", "element type": "Stakeholder", "Status": "draft" } },
            { "_id": "elem-n1", "attributes": { "label": "Lower cost", "element type": "Need" } },
            { "_id": "elem-o1", "attributes": { "label": "Acme Corp", "element type": "Organization" } },
            { "_id": "elem-o2", "attributes": { "label": "Beta Ltd", "element type": "Organization" } }
        ],
        "connections": [
            { "_id": "conn-1", "from": "elem-a1", "to": "elem-n1", "direction": "directed",
              "attributes": { "connection type": "needs", "strength": 0.8 } },
            { "_id": "conn-2", "from": "elem-b2", "to": "elem-a1", "direction": "directed",
              "attributes": { "connection type": "reports to" } },
            { "_id": "conn-3", "from": "elem-a1", "to": "elem-o1", "direction": "directed",
              "attributes": { "connection type": "works at" } }
        ],
        "maps": [{ "name": "Stakeholders", "elements": [
            { "element": "elem-a1", "position": { "x": 10.5, "y": -20 } },
            { "element": "elem-n1", "position": { "x": 300, "y": 40 } }
        ] }]
    })
}

#[test]
fn a_kumu_backup_comes_in_with_its_types_mapped_fields_filled_and_positions() {
    let dir = scratch();
    let map = write_file(dir.path(), "stakeholders.json", backup().to_string());
    let out = dir.path().join("stakeholders.patlas");

    // Nothing of ours: refused, saying how to map the types.
    let bare = json!({ "elements": [ { "label": "Acme", "type": "Organization" } ] });
    let bare = write_file(dir.path(), "orgs.json", bare.to_string());
    let err = api::import(&bare, ImportFormat::Auto, &out, false).expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains("--type \"Organization\"=persona") && text.contains("\"Organization\" (1)"),
        "{text}"
    );
    assert!(!out.exists());
    // The app's preview shows it instead, its types ready to be mapped.
    let preview =
        api::read_import_with(&bare, ImportFormat::Auto, &TypeMap::default().for_preview())
            .expect("a preview of a map where nothing maps yet");
    assert_eq!(preview.preview.counts.personas, 0);
    assert_eq!(preview.preview.unmapped_types[0].kind, "Organization");

    let types = TypeMap::parse(&["Stakeholder=persona".to_owned()]).expect("a mapping");
    let (session, preview) =
        api::import_with(&map, ImportFormat::Auto, &types, &out, false).expect("imports");
    assert_eq!(preview.format, ImportFormat::Kumu);
    assert_eq!((preview.counts.personas, preview.counts.needs), (2, 1));
    assert_eq!(preview.unmapped_types.len(), 1);
    assert_eq!(preview.unmapped_types[0].kind, "Organization");
    assert_eq!(preview.unmapped_types[0].elements, 2);
    assert_eq!(
        preview.unmapped_connections, 1,
        "the link to an organisation"
    );
    assert!(
        preview.notes.iter().any(|n| n.contains("\"Status\"")),
        "a status that is not ours is kept as an attribute, and said: {:?}",
        preview.notes
    );

    let project = session.project();
    let ana = project
        .personas
        .iter()
        .find(|p| p.name == "Ana the Buyer")
        .expect("Ana");
    assert_eq!(ana.id.as_str(), "p-ana-the-buyer");
    assert_eq!(ana.goals, ["Cut cost", "One contract"]);
    assert_eq!(ana.pain_points, ["Slow reviews", "Too many vendors"]);
    assert_eq!(ana.quote.as_deref(), Some("Show me the total cost."));
    assert_eq!(ana.priority.map(|p| p.get()), Some(4));
    assert_eq!(ana.description.as_deref(), Some("Runs procurement."));
    assert!(ana.attributes.contains_key("Department") && ana.attributes.contains_key("tags"));
    assert_eq!(ana.needs.len(), 1);
    assert!((ana.needs[0].importance.get() - 0.8).abs() < 1e-9);
    assert_eq!(project.relationships.len(), 1);
    assert_eq!(
        serde_json::to_value(project.relationships[0].kind).expect("json"),
        "reports_to"
    );
    let positions = session.positions();
    assert_eq!(positions.len(), 2, "the map's positions come with it");
    assert!(
        positions
            .iter()
            .any(|p| p.id == "p-ana-the-buyer" && p.x == 10.5 && p.y == -20.0)
    );
}

#[test]
fn a_kumu_spreadsheet_is_read_by_its_headers_with_labels_for_ends() {
    let dir = scratch();
    let path = dir.path().join("kumu export.xlsx");
    workbook(
        &path,
        &[
            (
                "Elements",
                &[
                    &["Label", "Type", "Description", "Tags", "Channels"],
                    &[
                        "Dana",
                        "persona",
                        "Leads the platform",
                        "core",
                        "Slack | LinkedIn",
                    ],
                    &["Observe", "Product", "", "", ""],
                    &["Alerting", "Need", "", "", ""],
                    &["Sam", "Persona", "", "", ""],
                ],
            ),
            (
                "Connections",
                &[
                    &["From", "To", "Type", "Strength"],
                    &["Dana", "Observe|Alerting", "uses", "0.9"],
                    &["Observe", "Alerting", "meets", "0.7"],
                    &["Sam", "Dana", "influences", "5"],
                    &["Sam", "Nobody", "knows", ""],
                ],
            ),
            ("Notes (ignore)", &[&["Label"], &["not an element"]]),
        ],
    );
    let read = api::read_import_with(&path, ImportFormat::Auto, &TypeMap::default())
        .expect("a Kumu spreadsheet reads");
    assert_eq!(read.preview.format, ImportFormat::Kumu);
    let p = &read.project;
    assert_eq!(p.personas.len(), 2, "the ignored sheet is not read");
    let dana = p.personas.iter().find(|x| x.name == "Dana").expect("Dana");
    assert_eq!(dana.channels, ["Slack", "LinkedIn"]);
    assert_eq!(dana.products.len(), 1);
    assert_eq!(dana.needs.len(), 1, "a To cell of two ends makes two links");
    assert!((p.products[0].addresses[0].score.get() - 0.7).abs() < 1e-9);
    assert_eq!(p.relationships.len(), 1);
    assert!(
        (p.relationships[0].weight.get() - 1.0).abs() < 1e-9,
        "a strength of 5 is no weight; the default stands"
    );
    assert!(
        read.preview
            .notes
            .iter()
            .any(|n| n.contains("strengths outside 0 to 1"))
    );
    assert_eq!(
        read.preview.unmapped_connections, 1,
        "Nobody is not on the map"
    );
}

#[test]
fn a_blueprint_of_ours_comes_back_as_the_same_portfolio() {
    let dir = scratch();
    cli(dir.path(), &["demo", "-o", "demo.patlas"]).assert_ok("demo");
    cli(
        dir.path(),
        &[
            "export",
            "demo.patlas",
            "--format",
            "kumu",
            "-o",
            "demo-kumu.json",
        ],
    )
    .assert_ok("export kumu");
    let run = cli(
        dir.path(),
        &[
            "import",
            "demo-kumu.json",
            "--from",
            "kumu",
            "-o",
            "back.patlas",
        ],
    );
    run.assert_ok("import kumu");
    let demo = api::read_any(&dir.path().join("demo.patlas")).expect("reads");
    let back = api::read_any(&dir.path().join("back.patlas")).expect("reads");
    let names = |p: &persona_atlas::model::Project| {
        let mut n: Vec<(String, String)> = p
            .personas
            .iter()
            .map(|x| (x.id.as_str().to_owned(), x.name.clone()))
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&back), names(&demo), "the same personas, by id");
    for p in &demo.personas {
        let q = back.personas.iter().find(|q| q.id == p.id).expect("kept");
        let mut a: Vec<_> = p
            .needs
            .iter()
            .map(|n| (n.need.as_str(), n.importance.get()))
            .collect();
        let mut b: Vec<_> = q
            .needs
            .iter()
            .map(|n| (n.need.as_str(), n.importance.get()))
            .collect();
        a.sort_by(|x, y| x.0.cmp(y.0));
        b.sort_by(|x, y| x.0.cmp(y.0));
        assert_eq!(a, b, "{}'s needs", p.name);
        assert_eq!(q.goals, p.goals);
        assert_eq!(q.market_segment, p.market_segment);
        assert_eq!(q.buying_role, p.buying_role);
        assert_eq!(q.status, p.status);
    }
    assert_eq!(back.relationships.len(), demo.relationships.len());
    assert_eq!(back.products.len(), demo.products.len());
    assert_eq!(
        back.products
            .iter()
            .map(|p| p.addresses.len())
            .sum::<usize>(),
        demo.products
            .iter()
            .map(|p| p.addresses.len())
            .sum::<usize>()
    );

    let bad = cli(
        dir.path(),
        &[
            "import",
            "demo-kumu.json",
            "--type",
            "Stakeholder",
            "-o",
            "x.patlas",
        ],
    );
    bad.assert_error("a --type without =");
    assert!(bad.stderr.contains("KUMU_TYPE=KIND"), "{}", bad.stderr);
    let bad = cli(
        dir.path(),
        &[
            "import",
            "demo-kumu.json",
            "--type",
            "Stakeholder=person",
            "-o",
            "x.patlas",
        ],
    );
    assert!(bad.stderr.contains("is not a kind"), "{}", bad.stderr);
}
