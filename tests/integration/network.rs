//! The project as a network for Gephi, yEd and NetworkX: the GraphML and
//! GEXF that `export` writes are read back by NetworkX (the library a
//! graph team would use) and hold every entity, every link, the fields and
//! the map's positions.

use std::path::Path;

use persona_atlas::api::{self, ExportFormat};
use persona_atlas::edit::Edit;
use persona_atlas::model::NodePosition;
use serde_json::Value;

use crate::support::{cli, scratch, today};

/// What NetworkX reads from `file` (`graphml` or `gexf`): the graph's type,
/// node and edge counts, the kinds of nodes and edges, a persona's data and
/// one node's position.
fn networkx(file: &Path, format: &str) -> Value {
    let script = r#"
import sys, json, collections
try:
    import networkx as nx
except ImportError:
    sys.exit("NetworkX is missing: python3 -m pip install networkx (make test installs it)")
path, fmt = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
nodes = collections.Counter(d.get("kind") for _, d in g.nodes(data=True))
edges = collections.Counter(d.get("kind", d.get("label")) for *_, d in g.edges(data=True))
dana = g.nodes["p-dana-platform"]
pos = g.nodes["p-kwame-cto"]
if fmt == "graphml":
    where = [pos.get("x"), pos.get("y")]
else:
    p = pos.get("viz", {}).get("position", {})
    where = [p.get("x"), p.get("y")]
print(json.dumps({
    "type": type(g).__name__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
    "node_kinds": nodes, "edge_kinds": edges,
    "dana": {k: v for k, v in dana.items() if k != "viz"}, "kwame_at": where,
    "needs_of_dana": sorted(t for _, t, d in g.out_edges("p-dana-platform", data=True)
                            if d.get("kind", d.get("label")) == "needs"),
}))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, file.to_str().expect("utf-8"), format])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "NetworkX reads the {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn networkx_reads_every_entity_link_field_and_position() {
    let dir = scratch();
    let file = dir.path().join("demo.patlas");
    let mut session = api::create_demo(&file, false).expect("the demo writes");
    api::edit(
        &mut session,
        &Edit::SetPositions {
            positions: vec![NodePosition {
                id: "p-kwame-cto".into(),
                x: 120.5,
                y: -40.0,
            }],
            replace_all: false,
        },
    )
    .expect("a position is stored");
    let project = session.project().clone();
    drop(session);

    let entities = project.market_segments.len()
        + project.customer_segments.len()
        + project.buying_roles.len()
        + project.needs.len()
        + project.products.len()
        + project.competitors.len()
        + project.personas.len()
        + project.buying_units.len()
        + project.journeys.len();
    let dana = project
        .personas
        .iter()
        .find(|p| p.id.as_str() == "p-dana-platform")
        .expect("Dana");
    let mut dana_needs: Vec<String> = dana
        .needs
        .iter()
        .map(|n| n.need.as_str().to_owned())
        .collect();
    dana_needs.sort();
    let links = project.relationships.len()
        + project
            .personas
            .iter()
            .map(|p| {
                p.needs.len()
                    + p.products.len()
                    + usize::from(p.market_segment.is_some())
                    + usize::from(p.customer_segment.is_some())
                    + usize::from(p.buying_role.is_some())
            })
            .sum::<usize>()
        + project
            .products
            .iter()
            .map(|p| p.addresses.len())
            .sum::<usize>()
        + project
            .competitors
            .iter()
            .map(|c| c.addresses.len())
            .sum::<usize>()
        + project
            .buying_units
            .iter()
            .map(|u| {
                u.members.len()
                    + usize::from(u.product.is_some())
                    + usize::from(u.market_segment.is_some())
            })
            .sum::<usize>()
        + project
            .journeys
            .iter()
            .map(|j| j.personas.len())
            .sum::<usize>();

    for (format, name) in [
        (ExportFormat::Graphml, "graphml"),
        (ExportFormat::Gexf, "gexf"),
    ] {
        let out = dir.path().join(format!("demo.{name}"));
        api::export_as(&file, format, &out, today(), false).expect("exports");
        let read = networkx(&out, name);
        assert_eq!(read["type"], "MultiDiGraph", "{name}: parallel links kept");
        assert_eq!(
            read["nodes"], entities as u64,
            "{name}: every entity a node"
        );
        assert_eq!(read["edges"], links as u64, "{name}: every link an edge");
        assert_eq!(read["node_kinds"]["persona"], project.personas.len() as u64);
        assert_eq!(
            read["edge_kinds"]["needs"],
            project
                .personas
                .iter()
                .map(|p| p.needs.len())
                .sum::<usize>() as u64
        );
        assert_eq!(
            read["edge_kinds"]["owned_by"].as_u64().map(|n| n > 0),
            Some(true)
        );
        assert_eq!(
            read["edge_kinds"]["reports_to"].as_u64().map(|n| n > 0),
            Some(true)
        );
        assert_eq!(read["dana"]["title"], "Head of Data Platform", "{name}");
        assert_eq!(
            read["dana"]["attr_hands_on"], true,
            "{name}: typed attributes"
        );
        assert_eq!(read["dana"]["priority"], 5.0, "{name}");
        assert_eq!(
            read["kwame_at"],
            serde_json::json!([120.5, -40.0]),
            "{name}: positions"
        );
        assert_eq!(
            read["needs_of_dana"],
            serde_json::json!(dana_needs),
            "{name}"
        );
    }

    let run = cli(dir.path(), &["export", "demo.patlas", "--format", "gexf"]);
    run.assert_error("a graph file needs -o");
}
