//! Buying units: can they close? A unit is complete when a member plays
//! every required role. The finding also names who decides, members linked
//! to nobody else in the unit, and how each member's influence reaches a
//! decision maker through the relationships.

use std::collections::{HashMap, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::UnitFinding;
use super::text::{join_and, quoted};
use crate::graph::{EcosystemGraph, Edge, Node};

/// The shortest chain of relationships from `from` to any of `targets`,
/// moving only between members of the unit. Breadth-first search:
/// O(|members| + |relationships among them|).
fn path_to(
    graph: &EcosystemGraph<'_>,
    from: NodeIndex,
    members: &[NodeIndex],
    targets: &[NodeIndex],
) -> Option<Vec<NodeIndex>> {
    // Units have a handful of members: a list beats a hash map here.
    let mut came_from: Vec<(NodeIndex, NodeIndex)> = vec![(from, from)];
    let mut queue = VecDeque::from([from]);
    let mut next: Vec<NodeIndex> = Vec::new();
    while let Some(here) = queue.pop_front() {
        if here != from && targets.contains(&here) {
            let mut path = vec![here];
            let mut at = here;
            while at != from {
                at = came_from
                    .iter()
                    .find(|(n, _)| *n == at)
                    .map_or(from, |(_, p)| *p);
                path.push(at);
            }
            path.reverse();
            return Some(path);
        }
        next.clear();
        next.extend(
            graph
                .out_edges(here)
                .filter(|e| matches!(e.weight(), Edge::Relates(..)))
                .map(|e| e.target())
                .filter(|t| members.contains(t)),
        );
        // Persona nodes were added in id order: ties go to the smaller id.
        next.sort();
        for &n in &next {
            if !came_from.iter().any(|(seen, _)| *seen == n) {
                came_from.push((n, here));
                queue.push_back(n);
            }
        }
    }
    None
}

/// Every unit, the ones that cannot close first. O(|units| × |members|²) in
/// the worst case, for the paths; units are small.
pub fn assess(graph: &EcosystemGraph<'_>) -> Vec<UnitFinding> {
    let project = graph.project();
    let role_index: HashMap<NodeIndex, usize> = (0..project.buying_roles.len())
        .map(|r| (graph.role(r), r))
        .collect();
    let mut out: Vec<(UnitFinding, usize)> = Vec::new();
    for (u, unit) in project.buying_units.iter().enumerate() {
        // Each member with the role they play here.
        let mut members: Vec<(usize, Option<usize>)> = Vec::new();
        for e in graph.out_edges(graph.unit(u)) {
            if let (Edge::HasMember(role), Node::Persona(p)) = (*e.weight(), graph.node(e.target()))
            {
                let role = role.and_then(|r| role_index.get(&r).copied()).or_else(|| {
                    graph.out_edges(graph.persona(p)).find_map(|e| {
                        match (e.weight(), graph.node(e.target())) {
                            (Edge::HasRole, Node::BuyingRole(r)) => Some(r),
                            _ => None,
                        }
                    })
                });
                members.push((p, role));
            }
        }
        members.sort_by(|a, b| project.personas[a.0].id.cmp(&project.personas[b.0].id));
        let nodes: Vec<NodeIndex> = members.iter().map(|&(p, _)| graph.persona(p)).collect();

        let mut missing: Vec<usize> = (0..project.buying_roles.len())
            .filter(|&r| project.buying_roles[r].required)
            .filter(|&r| !members.iter().any(|&(_, role)| role == Some(r)))
            .collect();
        missing.sort_by(|&a, &b| project.buying_roles[a].id.cmp(&project.buying_roles[b].id));
        let deciders: Vec<usize> = members
            .iter()
            .filter(|&&(_, role)| role.is_some_and(|r| project.buying_roles[r].decides))
            .map(|&(p, _)| p)
            .collect();
        let decider_nodes: Vec<NodeIndex> = deciders.iter().map(|&p| graph.persona(p)).collect();

        let unlinked: Vec<usize> = members
            .iter()
            .map(|&(p, _)| p)
            .filter(|&p| {
                let me = graph.persona(p);
                let relates = |e: &petgraph::graph::EdgeReference<'_, Edge>| {
                    matches!(e.weight(), Edge::Relates(..))
                };
                let linked = graph
                    .out_edges(me)
                    .filter(relates)
                    .map(|e| e.target())
                    .chain(graph.in_edges(me).filter(relates).map(|e| e.source()))
                    .any(|other| other != me && nodes.contains(&other));
                !linked
            })
            .collect();

        let mut paths: Vec<Vec<usize>> = Vec::new();
        let mut cut_off: Vec<usize> = Vec::new();
        if !decider_nodes.is_empty() {
            for &(p, _) in &members {
                if deciders.contains(&p) {
                    continue;
                }
                match path_to(graph, graph.persona(p), &nodes, &decider_nodes) {
                    Some(path) => {
                        paths.push(path.iter().filter_map(|&n| graph.as_persona(n)).collect())
                    }
                    None => cut_off.push(p),
                }
            }
        }

        let name = |p: usize| project.personas[p].name.clone();
        let role_names = |rs: &[usize]| -> Vec<String> {
            rs.iter()
                .map(|&r| project.buying_roles[r].name.clone())
                .collect()
        };
        let mut why = if missing.is_empty() {
            let mut required: Vec<usize> = (0..project.buying_roles.len())
                .filter(|&r| project.buying_roles[r].required)
                .collect();
            required.sort_by(|&a, &b| project.buying_roles[a].id.cmp(&project.buying_roles[b].id));
            if required.is_empty() {
                format!(
                    "{} has every role it needs: no role is marked required.",
                    unit.name
                )
            } else {
                format!(
                    "{} can close \u{2014} every required role is there ({}).",
                    quoted(&unit.name),
                    join_and(&role_names(&required))
                )
            }
        } else {
            format!(
                "{} cannot close \u{2014} nobody in it plays the required {} {}.",
                quoted(&unit.name),
                if missing.len() == 1 { "role" } else { "roles" },
                join_and(&role_names(&missing))
            )
        };
        if deciders.is_empty() {
            why.push_str(" Nobody in it makes the final decision.");
        } else {
            let names: Vec<String> = deciders.iter().map(|&p| name(p)).collect();
            why.push_str(&format!(" {} decides.", join_and(&names)));
        }
        if !cut_off.is_empty() {
            let names: Vec<String> = cut_off.iter().map(|&p| name(p)).collect();
            why.push_str(&format!(
                " No chain of influence leads from {} to the decision.",
                join_and(&names)
            ));
        }
        if !unlinked.is_empty() {
            let names: Vec<String> = unlinked.iter().map(|&p| name(p)).collect();
            why.push_str(&format!(
                " {} {} linked to nobody else in the unit.",
                join_and(&names),
                if unlinked.len() == 1 { "is" } else { "are" }
            ));
        }
        out.push((
            UnitFinding {
                unit: unit.id.clone(),
                complete: missing.is_empty(),
                missing_roles: missing
                    .iter()
                    .map(|&r| project.buying_roles[r].id.clone())
                    .collect(),
                members: members
                    .iter()
                    .map(|&(p, _)| project.personas[p].id.clone())
                    .collect(),
                decision_makers: deciders
                    .iter()
                    .map(|&p| project.personas[p].id.clone())
                    .collect(),
                unlinked_members: unlinked
                    .iter()
                    .map(|&p| project.personas[p].id.clone())
                    .collect(),
                influence_paths: paths
                    .iter()
                    .map(|path| {
                        path.iter()
                            .map(|&p| project.personas[p].id.clone())
                            .collect()
                    })
                    .collect(),
                why,
            },
            missing.len(),
        ));
    }
    out.sort_by(|(a, ma), (b, mb)| {
        mb.cmp(ma)
            .then_with(|| {
                a.decision_makers
                    .is_empty()
                    .cmp(&b.decision_makers.is_empty())
                    .reverse()
            })
            .then_with(|| a.unit.cmp(&b.unit))
    });
    out.into_iter().map(|(f, _)| f).collect()
}
