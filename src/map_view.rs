//! The ecosystem as the map draws it: entities as nodes with what the
//! findings say about them, links as edges. The desktop app turns this into
//! its drawing; what is highlighted or hidden is decided there, at render
//! time, never written back here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{Analysis, health};
use crate::model::*;

/// What a node of the map stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum MapNodeKind {
    /// A market segment: a box holding its personas.
    MarketSegment,
    /// A product.
    Product,
    /// A need.
    Need,
    /// A persona.
    Persona,
}

/// What the findings say about a persona.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum Mark {
    /// It represents a golden group.
    Golden,
    /// It is another name for a golden persona.
    Duplicate,
    /// It is underserved.
    Underserved,
    /// It overlaps another persona.
    Overlap,
    /// It is drawn to several products.
    MultiProduct,
}

/// A node of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct MapNode {
    /// The entity's id.
    pub id: String,
    /// What it is.
    pub kind: MapNodeKind,
    /// Its name.
    pub label: String,
    /// The market segment box a persona sits in.
    pub parent: Option<String>,
    /// A persona's customer segment, which colours it.
    pub customer_segment: Option<String>,
    /// A persona's buying role, by name.
    pub role: Option<String>,
    /// Whether a persona's role makes the buying decision.
    pub decides: bool,
    /// A persona's status.
    pub status: Option<Status>,
    /// What the findings say about it.
    pub marks: Vec<Mark>,
    /// How far a persona rests on evidence, 0..1, on the analysis' day.
    pub confidence: Option<f64>,
    /// Whether a persona's confidence is too low to act on
    /// ([`crate::analysis::health::is_low`]); the map draws it faint and
    /// can show only these.
    pub low_confidence: bool,
}

/// What an edge of the map stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum MapEdgeKind {
    /// Persona → need, weighted by importance.
    Needs,
    /// Product → need, weighted by score.
    Meets,
    /// Persona → product.
    TiedTo,
    /// Persona → persona, a relationship.
    Relates,
    /// Persona — persona, an overlap finding, weighted by similarity.
    Overlap,
}

/// An edge of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct MapEdge {
    /// The node it leaves.
    pub source: String,
    /// The node it reaches.
    pub target: String,
    /// What it stands for.
    pub kind: MapEdgeKind,
    /// Importance, score, weight or similarity, 0 to 1.
    pub weight: f64,
}

/// The whole map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct MapView {
    /// Segments, products, needs and personas, in that order, each by id.
    pub nodes: Vec<MapNode>,
    /// Every link, in a stable order.
    pub edges: Vec<MapEdge>,
    /// Customer segments by id, with their names, for the legend.
    pub customer_segments: Vec<(String, String)>,
    /// The names of entities that are not drawn as nodes (buying units,
    /// roles, competitors), by id, so that findings can name them.
    pub names: Vec<(String, String)>,
}

fn node(id: &str, kind: MapNodeKind, label: &str) -> MapNode {
    MapNode {
        id: id.to_owned(),
        kind,
        label: label.to_owned(),
        parent: None,
        customer_segment: None,
        role: None,
        decides: false,
        status: None,
        marks: Vec::new(),
        confidence: None,
        low_confidence: false,
    }
}

/// Builds the map of `project` with the marks of `analysis`. O(|V| + |E|).
pub fn map_view(project: &Project, analysis: &Analysis) -> MapView {
    let mut marks: HashMap<String, Vec<Mark>> = HashMap::new();
    let mut mark = |id: &str, m: Mark| {
        let list = marks.entry(id.to_owned()).or_default();
        if !list.contains(&m) {
            list.push(m);
        }
    };
    for g in &analysis.golden {
        mark(g.persona.as_str(), Mark::Golden);
        for d in &g.duplicates {
            mark(d.as_str(), Mark::Duplicate);
        }
    }
    for u in &analysis.underserved {
        mark(u.persona.as_str(), Mark::Underserved);
    }
    for o in &analysis.overlaps {
        for p in &o.personas {
            mark(p.as_str(), Mark::Overlap);
        }
    }
    for m in &analysis.multi_product {
        mark(m.persona.as_str(), Mark::MultiProduct);
    }
    let roles: HashMap<&BuyingRoleId, &BuyingRole> =
        project.buying_roles.iter().map(|r| (&r.id, r)).collect();

    let mut sorted = project.clone();
    sorted.sort();
    let mut nodes = Vec::new();
    for s in &sorted.market_segments {
        nodes.push(node(s.id.as_str(), MapNodeKind::MarketSegment, &s.name));
    }
    for p in &sorted.products {
        nodes.push(node(p.id.as_str(), MapNodeKind::Product, &p.name));
    }
    for n in &sorted.needs {
        nodes.push(node(n.id.as_str(), MapNodeKind::Need, &n.name));
    }
    let mut edges = Vec::new();
    for p in &sorted.personas {
        let role = p.buying_role.as_ref().and_then(|r| roles.get(r));
        let mut n = node(p.id.as_str(), MapNodeKind::Persona, &p.name);
        n.parent = p.market_segment.as_ref().map(|s| s.to_string());
        n.customer_segment = p.customer_segment.as_ref().map(|s| s.to_string());
        n.role = role.map(|r| r.name.clone());
        n.decides = role.is_some_and(|r| r.decides);
        n.status = p.status;
        n.marks = marks.remove(p.id.as_str()).unwrap_or_default();
        let confidence = health::confidence(p, &analysis.thresholds, analysis.today);
        n.confidence = Some(confidence);
        n.low_confidence = health::is_low(confidence);
        nodes.push(n);
        for need in &p.needs {
            edges.push(MapEdge {
                source: p.id.to_string(),
                target: need.need.to_string(),
                kind: MapEdgeKind::Needs,
                weight: need.importance.get(),
            });
        }
        let mut drawn: Vec<&ProductId> = Vec::new();
        for tie in &p.products {
            // One line per product, however many ways the persona is tied.
            if drawn.contains(&&tie.product) {
                continue;
            }
            drawn.push(&tie.product);
            edges.push(MapEdge {
                source: p.id.to_string(),
                target: tie.product.to_string(),
                kind: MapEdgeKind::TiedTo,
                weight: 1.0,
            });
        }
    }
    for p in &sorted.products {
        for a in &p.addresses {
            edges.push(MapEdge {
                source: p.id.to_string(),
                target: a.need.to_string(),
                kind: MapEdgeKind::Meets,
                weight: a.score.get(),
            });
        }
    }
    for r in &sorted.relationships {
        edges.push(MapEdge {
            source: r.from.to_string(),
            target: r.to.to_string(),
            kind: MapEdgeKind::Relates,
            weight: r.weight.get(),
        });
    }
    for o in &analysis.overlaps {
        edges.push(MapEdge {
            source: o.personas[0].to_string(),
            target: o.personas[1].to_string(),
            kind: MapEdgeKind::Overlap,
            weight: o.similarity,
        });
    }
    MapView {
        nodes,
        edges,
        customer_segments: sorted
            .customer_segments
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect(),
        names: sorted
            .buying_units
            .iter()
            .map(|u| (u.id.to_string(), u.name.clone()))
            .chain(
                sorted
                    .buying_roles
                    .iter()
                    .map(|r| (r.id.to_string(), r.name.clone())),
            )
            .chain(
                sorted
                    .competitors
                    .iter()
                    .map(|c| (c.id.to_string(), c.name.clone())),
            )
            .collect(),
    }
}
