//! The domain graph: every entity of a project as a node, every link as a
//! typed, weighted edge, on petgraph. The analyses read the project through
//! it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::*;

/// FNV-1a: ids are short strings chosen by users, not adversaries, and
/// hashing them is most of the cost of building the graph.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by ids.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

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
    ///
    /// Entities are added in id order, and each entity's links in the order
    /// the entity lists them, so that everything computed by walking the
    /// graph is the same whatever order the project's lists come in.
    pub fn new(project: &'p Project) -> Self {
        fn by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<usize> {
            let mut order: Vec<usize> = (0..items.len()).collect();
            // Projects read from a file come sorted already.
            if !items.is_sorted_by(|a, b| id(a) <= id(b)) {
                order.sort_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
            }
            order
        }
        let links: usize = project
            .personas
            .iter()
            .map(|p| 3 + p.needs.len() + p.products.len())
            .sum();
        let nodes = project.personas.len() + project.needs.len() + project.products.len() + 64;
        let mut graph = DiGraph::with_capacity(nodes, links + project.relationships.len());
        let mut ids: IdMap<&str, NodeIndex> = IdMap::default();
        ids.reserve(nodes);

        let mut add_all = |graph: &mut DiGraph<Node, Edge>,
                           order: Vec<usize>,
                           id: &dyn Fn(usize) -> &'p str,
                           node: fn(usize) -> Node| {
            let mut index = vec![NodeIndex::end(); order.len()];
            for i in order {
                let n = graph.add_node(node(i));
                ids.insert(id(i), n);
                index[i] = n;
            }
            index
        };
        let ms = &project.market_segments;
        add_all(
            &mut graph,
            by_id(ms, |x| x.id.as_str()),
            &|i| ms[i].id.as_str(),
            Node::MarketSegment,
        );
        let cs = &project.customer_segments;
        add_all(
            &mut graph,
            by_id(cs, |x| x.id.as_str()),
            &|i| cs[i].id.as_str(),
            Node::CustomerSegment,
        );
        let br = &project.buying_roles;
        let roles = add_all(
            &mut graph,
            by_id(br, |x| x.id.as_str()),
            &|i| br[i].id.as_str(),
            Node::BuyingRole,
        );
        let nd = &project.needs;
        let needs = add_all(
            &mut graph,
            by_id(nd, |x| x.id.as_str()),
            &|i| nd[i].id.as_str(),
            Node::Need,
        );
        let pr = &project.products;
        let products = add_all(
            &mut graph,
            by_id(pr, |x| x.id.as_str()),
            &|i| pr[i].id.as_str(),
            Node::Product,
        );
        let co = &project.competitors;
        let competitors = add_all(
            &mut graph,
            by_id(co, |x| x.id.as_str()),
            &|i| co[i].id.as_str(),
            Node::Competitor,
        );
        let pe = &project.personas;
        let persona_order = by_id(pe, |x| x.id.as_str());
        let personas = add_all(
            &mut graph,
            persona_order.clone(),
            &|i| pe[i].id.as_str(),
            Node::Persona,
        );
        let bu = &project.buying_units;
        let unit_order = by_id(bu, |x| x.id.as_str());
        let units = add_all(
            &mut graph,
            unit_order.clone(),
            &|i| bu[i].id.as_str(),
            Node::BuyingUnit,
        );

        let find = |id: &str| ids.get(id).copied();
        for i in by_id(pr, |x| x.id.as_str()) {
            for a in &pr[i].addresses {
                if let Some(to) = find(a.need.as_str()) {
                    graph.add_edge(products[i], to, Edge::Meets(a.score.get()));
                }
            }
        }
        for i in by_id(co, |x| x.id.as_str()) {
            for a in &co[i].addresses {
                if let Some(to) = find(a.need.as_str()) {
                    graph.add_edge(competitors[i], to, Edge::Meets(a.score.get()));
                }
            }
        }
        for &i in &persona_order {
            let (persona, from) = (&pe[i], personas[i]);
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
        let rel = &project.relationships;
        let mut rel_order: Vec<usize> = (0..rel.len()).collect();
        rel_order.sort_by(|&a, &b| {
            (&rel[a].from, &rel[a].to, rel[a].kind).cmp(&(&rel[b].from, &rel[b].to, rel[b].kind))
        });
        for i in rel_order {
            let r = &rel[i];
            if let (Some(from), Some(to)) = (find(r.from.as_str()), find(r.to.as_str())) {
                graph.add_edge(from, to, Edge::Relates(r.kind, r.weight.get()));
            }
        }
        for &i in &unit_order {
            let (unit, from) = (&bu[i], units[i]);
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
