//! Holes in the portfolio: needs nothing meets, segments nobody is designed
//! for, products no persona is tied to, personas tied to no product.

use std::cmp::Ordering;

use petgraph::visit::EdgeRef;

use super::Gaps;
use super::service::NeedScores;
use crate::graph::{EcosystemGraph, Edge, Node};
use crate::model::Thresholds;

/// O(|V| + |E|).
pub fn find(graph: &EcosystemGraph<'_>, scores: &NeedScores, t: &Thresholds) -> Gaps {
    let project = graph.project();
    let g = graph.inner();

    let mut needs: Vec<usize> = (0..project.needs.len())
        .filter(|&n| scores.best(n) < t.met_at.get())
        .collect();
    needs.sort_by(|&a, &b| {
        scores.demand[b]
            .partial_cmp(&scores.demand[a])
            .unwrap_or(Ordering::Equal)
            .then_with(|| project.needs[a].id.cmp(&project.needs[b].id))
    });

    let mut segments = Vec::new();
    let mut customer = Vec::new();
    let mut products = Vec::new();
    for index in g.node_indices() {
        let has_persona = || {
            g.edges_directed(index, petgraph::Direction::Incoming)
                .any(|e| matches!(g[e.source()], Node::Persona(_)))
        };
        match g[index] {
            Node::MarketSegment(i) if !has_persona() => segments.push(i),
            Node::CustomerSegment(i) if !has_persona() => customer.push(i),
            Node::Product(i) if !has_persona() => products.push(i),
            _ => {}
        }
    }
    let by_priority = |pa: Option<u8>, pb: Option<u8>| pb.cmp(&pa);
    segments.sort_by(|&a, &b| {
        let (a, b) = (&project.market_segments[a], &project.market_segments[b]);
        by_priority(a.priority.map(|p| p.get()), b.priority.map(|p| p.get()))
            .then_with(|| a.id.cmp(&b.id))
    });
    customer.sort_by(|&a, &b| {
        let (a, b) = (&project.customer_segments[a], &project.customer_segments[b]);
        by_priority(a.priority.map(|p| p.get()), b.priority.map(|p| p.get()))
            .then_with(|| a.id.cmp(&b.id))
    });

    let mut personas: Vec<usize> = (0..project.personas.len())
        .filter(|&p| {
            !graph
                .out_edges(graph.persona(p))
                .any(|e| matches!(e.weight(), Edge::TiedTo(_)))
        })
        .collect();
    personas.sort_by(|&a, &b| {
        let (a, b) = (&project.personas[a], &project.personas[b]);
        by_priority(a.priority.map(|p| p.get()), b.priority.map(|p| p.get()))
            .then_with(|| a.id.cmp(&b.id))
    });
    products.sort_by(|&a, &b| project.products[a].id.cmp(&project.products[b].id));

    Gaps {
        needs_unaddressed: needs.iter().map(|&n| project.needs[n].id.clone()).collect(),
        segments_without_personas: segments
            .iter()
            .map(|&s| project.market_segments[s].id.to_string())
            .chain(
                customer
                    .iter()
                    .map(|&s| project.customer_segments[s].id.to_string()),
            )
            .collect(),
        products_without_personas: products
            .iter()
            .map(|&p| project.products[p].id.clone())
            .collect(),
        personas_without_products: personas
            .iter()
            .map(|&p| project.personas[p].id.clone())
            .collect(),
    }
}
