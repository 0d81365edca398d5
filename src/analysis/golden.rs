//! Golden personas: the people who keep coming up across product teams'
//! persona sets. Overlapping personas are grouped (connected components of
//! the overlap pairs); a group written by at least two teams is golden, and
//! is scored by how much of the ecosystem it touches: the teams that wrote
//! it, the products it is tied to, the market segments and buying units it
//! appears in, times the group's mean priority over 5 (3 when unset).

use std::collections::{BTreeSet, HashMap};

use super::Golden;
use super::overlap::{Found, with_team};
use super::text::{all_needs, count, join_and};
use crate::graph::EcosystemGraph;
use crate::model::{ProductRelation, Status};

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// O(|overlaps| α + |group members| × degree).
pub fn find(graph: &EcosystemGraph<'_>, overlaps: &[Found]) -> Vec<Golden> {
    let project = graph.project();
    // Union-find over a dense renumbering of the personas in overlaps.
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<usize> = Vec::new();
    for o in overlaps {
        for p in [o.a, o.b] {
            slot.entry(p).or_insert_with(|| {
                members.push(p);
                members.len() - 1
            });
        }
    }
    let mut up: Vec<usize> = (0..members.len()).collect();
    for o in overlaps {
        let (x, y) = (root(&mut up, slot[&o.a]), root(&mut up, slot[&o.b]));
        if x != y {
            up[x.max(y)] = x.min(y);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &p) in members.iter().enumerate() {
        let r = root(&mut up, i);
        groups.entry(r).or_default().push(p);
    }

    let mut out: Vec<Golden> = Vec::new();
    for group in groups.into_values() {
        let mut teams: BTreeSet<usize> = BTreeSet::new();
        let mut products: Vec<usize> = Vec::new();
        let mut segments: BTreeSet<&str> = BTreeSet::new();
        let mut units: BTreeSet<usize> = BTreeSet::new();
        let mut priority_sum = 0.0;
        for &p in &group {
            let persona = &project.personas[p];
            for (product, relation) in graph.products_of(p) {
                if relation == ProductRelation::OwnedBy {
                    teams.insert(product);
                }
                if !products.contains(&product) {
                    products.push(product);
                }
            }
            if let Some(s) = &persona.market_segment {
                segments.insert(s.as_str());
            }
            units.extend(graph.units_of(p));
            priority_sum += persona.priority.map_or(3.0, |x| f64::from(x.get()));
        }
        if teams.len() < 2 {
            continue;
        }
        let status_rank = |s: Option<Status>| match s {
            Some(Status::Detailed) => 3,
            Some(Status::Validated) => 2,
            Some(Status::Proto) => 1,
            None => 0,
        };
        let Some(&representative) = group.iter().max_by(|&&x, &&y| {
            let (px, py) = (&project.personas[x], &project.personas[y]);
            (px.priority, status_rank(px.status), px.evidence.len())
                .cmp(&(py.priority, status_rank(py.status), py.evidence.len()))
                .then_with(|| py.id.cmp(&px.id))
        }) else {
            continue;
        };
        let mut duplicates: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&p| p != representative)
            .collect();
        duplicates.sort_by(|&x, &y| project.personas[x].id.cmp(&project.personas[y].id));
        products.sort_by(|&x, &y| project.products[x].id.cmp(&project.products[y].id));

        let mean_priority = priority_sum / group.len() as f64;
        let reach = teams.len() + products.len() + segments.len() + units.len();
        let score = reach as f64 * mean_priority / 5.0;

        let mut needs_all: Option<BTreeSet<&str>> = None;
        let mut needs_any: BTreeSet<&str> = BTreeSet::new();
        for &p in &group {
            let set: BTreeSet<&str> = project.personas[p]
                .needs
                .iter()
                .map(|n| n.need.as_str())
                .collect();
            needs_any.extend(&set);
            needs_all = Some(match needs_all {
                None => set,
                Some(all) => all.intersection(&set).copied().collect(),
            });
        }
        let others: Vec<String> = duplicates.iter().map(|&p| with_team(graph, p)).collect();
        let common = needs_all.map_or(0, |s| s.len());
        let shared = if common == needs_any.len() {
            all_needs(common)
        } else {
            format!("{common} of {}", count(needs_any.len(), "need", "needs"))
        };
        let reach: Vec<String> = [
            (products.len(), "product", "products"),
            (segments.len(), "market segment", "market segments"),
            (units.len(), "buying unit", "buying units"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        let why = format!(
            "{} is written again as {}. Together they share {} and appear in {}.",
            with_team(graph, representative),
            join_and(&others),
            shared,
            join_and(&reach),
        );
        out.push(Golden {
            persona: project.personas[representative].id.clone(),
            products: products
                .iter()
                .map(|&p| project.products[p].id.clone())
                .collect(),
            duplicates: duplicates
                .iter()
                .map(|&p| project.personas[p].id.clone())
                .collect(),
            score,
            why,
        });
    }
    out.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.persona.cmp(&b.persona))
    });
    out
}
