//! The domain graph: every entity of a project as a node, every link as a
//! typed, weighted edge, on petgraph. The analyses read the project through
//! it.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::*;

/// A node: an entity, by its position in the project's list of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    /// `project.market_segments[i]`.
    MarketSegment(usize),
    /// `project.customer_segments[i]`.
    CustomerSegment(usize),
    /// `project.buying_roles[i]`.
    BuyingRole(usize),
    /// `project.needs[i]`.
    Need(usize),
    /// `project.products[i]`.
    Product(usize),
    /// `project.competitors[i]`.
    Competitor(usize),
    /// `project.personas[i]`.
    Persona(usize),
    /// `project.buying_units[i]`.
    BuyingUnit(usize),
}

/// An edge, pointing from the entity that holds the link to its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Edge {
    /// Persona → market segment.
    InMarketSegment,
    /// Persona → customer segment.
    InCustomerSegment,
    /// Persona → buying role.
    HasRole,
    /// Persona → need, with the need's importance to the persona.
    Needs(f64),
    /// Product or competitor → need, with how well it meets it.
    Meets(f64),
    /// Persona → product.
    TiedTo(ProductRelation),
    /// Persona → persona, with the relationship's weight.
    Relates(RelationshipKind, f64),
    /// Buying unit → persona, with the role the member plays there if it
    /// differs from the persona's own.
    HasMember(Option<NodeIndex>),
    /// Buying unit → product.
    Buys,
    /// Buying unit → market segment.
    BuysIn,
}

/// A project as a graph. Built in O(|V| + |E|); the project is borrowed, so
/// analyses can name entities without copying them.
pub struct EcosystemGraph<'p> {
    project: &'p Project,
    graph: DiGraph<Node, Edge>,
    personas: Vec<NodeIndex>,
    needs: Vec<NodeIndex>,
    products: Vec<NodeIndex>,
    roles: Vec<NodeIndex>,
    units: Vec<NodeIndex>,
}

impl<'p> EcosystemGraph<'p> {
    /// Builds the graph of `project`. References that do not resolve (which
    /// a checked project never has) are left out.
    pub fn new(project: &'p Project) -> Self {
        let links = project
            .personas
            .iter()
            .map(|p| 3 + p.needs.len() + p.products.len());
        let mut graph = DiGraph::with_capacity(
            project.personas.len() + project.needs.len() + project.products.len() + 64,
            links.sum::<usize>() + project.relationships.len(),
        );
        let mut ids: HashMap<&str, NodeIndex> = HashMap::new();
        let mut add = |graph: &mut DiGraph<Node, Edge>, id: &'p str, node: Node| {
            let index = graph.add_node(node);
            ids.insert(id, index);
            index
        };
        for (i, s) in project.market_segments.iter().enumerate() {
            add(&mut graph, s.id.as_str(), Node::MarketSegment(i));
        }
        for (i, s) in project.customer_segments.iter().enumerate() {
            add(&mut graph, s.id.as_str(), Node::CustomerSegment(i));
        }
        let roles: Vec<_> = (project.buying_roles.iter().enumerate())
            .map(|(i, r)| add(&mut graph, r.id.as_str(), Node::BuyingRole(i)))
            .collect();
        let needs: Vec<_> = (project.needs.iter().enumerate())
            .map(|(i, n)| add(&mut graph, n.id.as_str(), Node::Need(i)))
            .collect();
        let products: Vec<_> = (project.products.iter().enumerate())
            .map(|(i, p)| add(&mut graph, p.id.as_str(), Node::Product(i)))
            .collect();
        let competitors: Vec<_> = (project.competitors.iter().enumerate())
            .map(|(i, c)| add(&mut graph, c.id.as_str(), Node::Competitor(i)))
            .collect();
        let personas: Vec<_> = (project.personas.iter().enumerate())
            .map(|(i, p)| add(&mut graph, p.id.as_str(), Node::Persona(i)))
            .collect();
        let units: Vec<_> = (project.buying_units.iter().enumerate())
            .map(|(i, u)| add(&mut graph, u.id.as_str(), Node::BuyingUnit(i)))
            .collect();

        let find = |id: &str| ids.get(id).copied();
        for (product, &from) in project.products.iter().zip(&products) {
            for a in &product.addresses {
                if let Some(to) = find(a.need.as_str()) {
                    graph.add_edge(from, to, Edge::Meets(a.score.get()));
                }
            }
        }
        for (competitor, &from) in project.competitors.iter().zip(&competitors) {
            for a in &competitor.addresses {
                if let Some(to) = find(a.need.as_str()) {
                    graph.add_edge(from, to, Edge::Meets(a.score.get()));
                }
            }
        }
        for (persona, &from) in project.personas.iter().zip(&personas) {
            let single = [
                (
                    persona.market_segment.as_ref().map(AsRef::as_ref),
                    Edge::InMarketSegment,
                ),
                (
                    persona.customer_segment.as_ref().map(AsRef::as_ref),
                    Edge::InCustomerSegment,
                ),
                (
                    persona.buying_role.as_ref().map(AsRef::as_ref),
                    Edge::HasRole,
                ),
            ];
            for (id, edge) in single {
                if let Some(to) = id.and_then(find) {
                    graph.add_edge(from, to, edge);
                }
            }
            for n in &persona.needs {
                if let Some(to) = find(n.need.as_str()) {
                    graph.add_edge(from, to, Edge::Needs(n.importance.get()));
                }
            }
            for l in &persona.products {
                if let Some(to) = find(l.product.as_str()) {
                    graph.add_edge(from, to, Edge::TiedTo(l.relation));
                }
            }
        }
        for r in &project.relationships {
            if let (Some(from), Some(to)) = (find(r.from.as_str()), find(r.to.as_str())) {
                graph.add_edge(from, to, Edge::Relates(r.kind, r.weight.get()));
            }
        }
        for (unit, &from) in project.buying_units.iter().zip(&units) {
            for m in &unit.members {
                if let Some(to) = find(m.persona.as_str()) {
                    let role = m.role.as_ref().and_then(|r| find(r.as_str()));
                    graph.add_edge(from, to, Edge::HasMember(role));
                }
            }
            if let Some(to) = unit.product.as_ref().and_then(|p| find(p.as_str())) {
                graph.add_edge(from, to, Edge::Buys);
            }
            if let Some(to) = unit.market_segment.as_ref().and_then(|s| find(s.as_str())) {
                graph.add_edge(from, to, Edge::BuysIn);
            }
        }
        EcosystemGraph {
            project,
            graph,
            personas,
            needs,
            products,
            roles,
            units,
        }
    }

    /// The project the graph was built from.
    pub fn project(&self) -> &'p Project {
        self.project
    }

    /// The petgraph graph, for algorithms that take it.
    pub fn inner(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// What a node stands for.
    pub fn node(&self, index: NodeIndex) -> Node {
        self.graph[index]
    }

    /// The node of `project.personas[i]`.
    pub fn persona(&self, i: usize) -> NodeIndex {
        self.personas[i]
    }

    /// The node of `project.needs[i]`.
    pub fn need(&self, i: usize) -> NodeIndex {
        self.needs[i]
    }

    /// The node of `project.products[i]`.
    pub fn product(&self, i: usize) -> NodeIndex {
        self.products[i]
    }

    /// The node of `project.buying_roles[i]`.
    pub fn role(&self, i: usize) -> NodeIndex {
        self.roles[i]
    }

    /// The node of `project.buying_units[i]`.
    pub fn unit(&self, i: usize) -> NodeIndex {
        self.units[i]
    }

    /// Edges leaving `from`.
    pub fn out_edges(&self, from: NodeIndex) -> impl Iterator<Item = EdgeReference<'_, Edge>> {
        self.graph.edges_directed(from, Direction::Outgoing)
    }

    /// Edges arriving at `to`.
    pub fn in_edges(&self, to: NodeIndex) -> impl Iterator<Item = EdgeReference<'_, Edge>> {
        self.graph.edges_directed(to, Direction::Incoming)
    }

    /// The persona index behind a node, if it is a persona.
    pub fn as_persona(&self, index: NodeIndex) -> Option<usize> {
        match self.graph[index] {
            Node::Persona(i) => Some(i),
            _ => None,
        }
    }

    /// Every product a persona is tied to, with how. O(degree).
    pub fn products_of(
        &self,
        persona: usize,
    ) -> impl Iterator<Item = (usize, ProductRelation)> + '_ {
        self.out_edges(self.personas[persona]).filter_map(|e| {
            match (e.weight(), self.graph[e.target()]) {
                (Edge::TiedTo(rel), Node::Product(p)) => Some((p, *rel)),
                _ => None,
            }
        })
    }

    /// The buying units a persona is a member of. O(degree).
    pub fn units_of(&self, persona: usize) -> impl Iterator<Item = usize> + '_ {
        self.in_edges(self.personas[persona])
            .filter_map(|e| match self.graph[e.source()] {
                Node::BuyingUnit(u) => Some(u),
                _ => None,
            })
    }
}
