//! Near-duplicates: pairs of personas similar enough to be one person written
//! twice.
//!
//! Similarity is a weighted sum, in [0, 1] and symmetric:
//! - 0.45 × the weighted Jaccard index of their needs, Σ min(importance) /
//!   Σ max(importance) over the union of their needs;
//! - 0.15 × the Jaccard index of the words of their title, goals, pains and
//!   channels;
//! - 0.20 if they have the same buying role, 0.10 the same market segment,
//!   0.10 the same customer segment.
//!
//! Two rules keep the search far from all pairs: personas with different
//! buying roles are never one person (in a buying process they are different
//! people), and personas with no need in common are never compared. Beyond
//! that, a pair can only reach the threshold `t` if its need similarity is at
//! least `r = (t − 0.55) / 0.45`, so each persona probes an inverted index
//! (need → personas) with only the prefix of its needs, rarest first, whose
//! remaining weight is below `r` of its total: a pair sharing no need in that
//! prefix cannot reach `r` (prefix filtering, as in set-similarity joins).

use std::collections::HashMap;

use petgraph::visit::EdgeRef;

use super::Overlap;
use super::text::{count, join_and};
use crate::graph::{EcosystemGraph, Edge, Node};
use crate::model::{Persona, ProductRelation, Thresholds};

const W_NEEDS: f64 = 0.45;
const W_TEXT: f64 = 0.15;
const W_ROLE: f64 = 0.20;
const W_MARKET: f64 = 0.10;
const W_CUSTOMER: f64 = 0.10;

/// Words too common to say anything about a persona.
const STOPWORDS: &[&str] = &[
    "and", "the", "for", "with", "our", "their", "from", "that", "this", "into", "are", "not",
    "too", "all", "can", "has", "have", "who", "its", "out", "but", "you", "your", "more", "less",
    "than", "every", "each", "without", "they", "them", "what", "when", "where", "which", "will",
];

/// Σ min / Σ max over two need lists sorted by key. O(|a| + |b|).
fn weighted_jaccard<K: Ord>(a: &[(K, f64)], b: &[(K, f64)]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let (mut min, mut max) = (0.0, 0.0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                min += x.1.min(y.1);
                max += x.1.max(y.1);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                max += x.1;
                i += 1;
            }
            (Some(_), Some(y)) => {
                max += y.1;
                j += 1;
            }
            (Some(x), None) => {
                max += x.1;
                i += 1;
            }
            (None, Some(y)) => {
                max += y.1;
                j += 1;
            }
            (None, None) => break,
        }
    }
    if max > 0.0 { min / max } else { 0.0 }
}

/// |a ∩ b| / |a ∪ b| over two sorted, deduplicated lists. O(|a| + |b|).
fn jaccard<K: Ord>(a: &[K], b: &[K]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x == y)
}

fn combine(needs: f64, text: f64, role: bool, market: bool, customer: bool) -> f64 {
    let flag = |b: bool, w: f64| if b { w } else { 0.0 };
    W_NEEDS * needs
        + W_TEXT * text
        + flag(role, W_ROLE)
        + flag(market, W_MARKET)
        + flag(customer, W_CUSTOMER)
}

/// The words of a persona, lowercased, without short and common words.
fn words(p: &Persona) -> impl Iterator<Item = String> + '_ {
    p.title
        .iter()
        .chain(&p.goals)
        .chain(&p.pain_points)
        .chain(&p.channels)
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
}

/// How alike two personas are, from 0 to 1 (see the module's documentation).
/// Symmetric. O(|needs| log |needs| + |words| log |words|).
pub fn similarity(a: &Persona, b: &Persona) -> f64 {
    fn needs(p: &Persona) -> Vec<(&str, f64)> {
        let mut v: Vec<(&str, f64)> = p
            .needs
            .iter()
            .map(|n| (n.need.as_str(), n.importance.get()))
            .collect();
        v.sort_by(|x, y| x.0.cmp(y.0));
        v
    }
    let text = |p: &Persona| {
        let mut v: Vec<String> = words(p).collect();
        v.sort();
        v.dedup();
        v
    };
    combine(
        weighted_jaccard(&needs(a), &needs(b)),
        jaccard(&text(a), &text(b)),
        same(&a.buying_role, &b.buying_role),
        same(&a.market_segment, &b.market_segment),
        same(&a.customer_segment, &b.customer_segment),
    )
}

/// What the search knows of one persona, with entities as indices.
struct Profile {
    needs: Vec<(u32, f64)>,
    total: f64,
    words: Vec<u32>,
    role: Option<usize>,
    market: Option<usize>,
    customer: Option<usize>,
}

fn profiles(graph: &EcosystemGraph<'_>) -> Vec<Profile> {
    let project = graph.project();
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    project
        .personas
        .iter()
        .enumerate()
        .map(|(i, persona)| {
            let mut p = Profile {
                needs: Vec::new(),
                total: 0.0,
                words: Vec::new(),
                role: None,
                market: None,
                customer: None,
            };
            for e in graph.out_edges(graph.persona(i)) {
                match (*e.weight(), graph.node(e.target())) {
                    (Edge::Needs(imp), Node::Need(n)) => p.needs.push((n as u32, imp)),
                    (Edge::HasRole, Node::BuyingRole(r)) => p.role = Some(r),
                    (Edge::InMarketSegment, Node::MarketSegment(s)) => p.market = Some(s),
                    (Edge::InCustomerSegment, Node::CustomerSegment(s)) => p.customer = Some(s),
                    _ => {}
                }
            }
            p.needs.sort_by_key(|n| n.0);
            p.total = p.needs.iter().map(|n| n.1).sum();
            for w in words(persona) {
                let next = vocabulary.len() as u32;
                p.words.push(*vocabulary.entry(w).or_insert(next));
            }
            p.words.sort_unstable();
            p.words.dedup();
            p
        })
        .collect()
}

/// An overlap with the persona indices it is about.
pub struct Found {
    /// `project.personas[a]`, the one with the smaller id.
    pub a: usize,
    /// `project.personas[b]`.
    pub b: usize,
    /// The finding.
    pub finding: Overlap,
}

/// Every pair at or above the threshold, most similar first.
///
/// Worst case O(|personas|²), but with the pruning above each persona looks
/// at the personas sharing one of its few rarest needs in the same role:
/// about O(|personas| × prefix × list length) in practice.
pub fn find(graph: &EcosystemGraph<'_>, t: &Thresholds) -> Vec<Found> {
    let project = graph.project();
    let threshold = t.overlap_at.get();
    let profiles = profiles(graph);
    let min_need_similarity = ((threshold - (1.0 - W_NEEDS)) / W_NEEDS).max(0.0);

    let mut by_need: Vec<Vec<u32>> = vec![Vec::new(); project.needs.len()];
    for (i, p) in profiles.iter().enumerate() {
        for &(n, _) in &p.needs {
            by_need[n as usize].push(i as u32);
        }
    }

    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let mut seen = vec![u32::MAX; profiles.len()];
    let mut order: Vec<(u32, f64)> = Vec::new();
    for (a, pa) in profiles.iter().enumerate() {
        if pa.total <= 0.0 {
            continue;
        }
        // The prefix: rarest needs first, until what is left weighs less
        // than the need similarity a pair must reach.
        order.clear();
        order.extend_from_slice(&pa.needs);
        order.sort_by_key(|&(n, _)| (by_need[n as usize].len(), n));
        let mut remaining = pa.total;
        for &(n, w) in &order {
            if remaining < min_need_similarity * pa.total - 1e-9 {
                break;
            }
            remaining -= w;
            for &b in &by_need[n as usize] {
                let b = b as usize;
                if b <= a || seen[b] == a as u32 {
                    continue;
                }
                seen[b] = a as u32;
                let pb = &profiles[b];
                if pa.role.is_some() && pb.role.is_some() && pa.role != pb.role {
                    continue;
                }
                let needs = weighted_jaccard(&pa.needs, &pb.needs);
                if W_NEEDS * needs + (1.0 - W_NEEDS) < threshold {
                    continue;
                }
                let s = combine(
                    needs,
                    jaccard(&pa.words, &pb.words),
                    same(&pa.role, &pb.role),
                    same(&pa.market, &pb.market),
                    same(&pa.customer, &pb.customer),
                );
                if s >= threshold {
                    pairs.push((a, b, s));
                }
            }
        }
    }

    let mut found: Vec<Found> = pairs
        .into_iter()
        .map(|(a, b, s)| {
            let (a, b) = if project.personas[a].id <= project.personas[b].id {
                (a, b)
            } else {
                (b, a)
            };
            Found {
                a,
                b,
                finding: describe(graph, a, b, s),
            }
        })
        .collect();
    found.sort_by(|x, y| {
        y.finding
            .similarity
            .partial_cmp(&x.finding.similarity)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| x.finding.personas.cmp(&y.finding.personas))
    });
    found
}

/// "Dana (Lanternfold Pipelines team)": a persona with the team that wrote it.
pub fn with_team(graph: &EcosystemGraph<'_>, persona: usize) -> String {
    let project = graph.project();
    let teams: Vec<String> = graph
        .products_of(persona)
        .filter(|(_, rel)| *rel == ProductRelation::OwnedBy)
        .map(|(p, _)| project.products[p].name.clone())
        .collect();
    let name = &project.personas[persona].name;
    if teams.is_empty() {
        name.clone()
    } else {
        format!("{name} ({} team)", join_and(&teams))
    }
}

fn describe(graph: &EcosystemGraph<'_>, a: usize, b: usize, similarity: f64) -> Overlap {
    let project = graph.project();
    let (pa, pb) = (&project.personas[a], &project.personas[b]);
    let union: std::collections::BTreeSet<&str> = pa
        .needs
        .iter()
        .chain(&pb.needs)
        .map(|n| n.need.as_str())
        .collect();
    let shared_needs: Vec<&str> = pa
        .needs
        .iter()
        .filter(|n| pb.needs.iter().any(|m| m.need == n.need))
        .map(|n| n.need.as_str())
        .collect();
    let name_of_need = |id: &str| {
        project
            .needs
            .iter()
            .find(|n| n.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |n| n.name.clone())
    };
    let mut shared: Vec<String> = shared_needs.iter().map(|id| name_of_need(id)).collect();
    let mut also: Vec<String> = Vec::new();
    if let (Some(r), true) = (&pa.buying_role, same(&pa.buying_role, &pb.buying_role)) {
        let name = project
            .buying_roles
            .iter()
            .find(|x| &x.id == r)
            .map(|x| x.name.clone());
        if let Some(name) = name {
            also.push(format!("the {name} role"));
            shared.push(format!("role: {name}"));
        }
    }
    if let (Some(s), true) = (
        &pa.market_segment,
        same(&pa.market_segment, &pb.market_segment),
    ) {
        let name = project
            .market_segments
            .iter()
            .find(|x| &x.id == s)
            .map(|x| x.name.clone());
        if let Some(name) = name {
            also.push(format!("the {name} segment"));
            shared.push(format!("market segment: {name}"));
        }
    }
    if let (Some(s), true) = (
        &pa.customer_segment,
        same(&pa.customer_segment, &pb.customer_segment),
    ) {
        let name = project
            .customer_segments
            .iter()
            .find(|x| &x.id == s)
            .map(|x| x.name.clone());
        if let Some(name) = name {
            also.push(format!("the {name} mindset"));
            shared.push(format!("customer segment: {name}"));
        }
    }
    let mut parts = vec![format!(
        "{} of {}",
        shared_needs.len(),
        count(union.len(), "need", "needs")
    )];
    parts.extend(also);
    let why = format!(
        "{} and {} look like one person written twice: they share {}.",
        with_team(graph, a),
        with_team(graph, b),
        join_and(&parts)
    );
    Overlap {
        personas: [pa.id.clone(), pb.id.clone()],
        similarity,
        shared,
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccards_are_bounded_and_symmetric() {
        let a = [(1, 1.0), (2, 0.5)];
        let b = [(2, 0.5), (3, 1.0)];
        assert_eq!(
            weighted_jaccard(&a, &b),
            0.5 / 2.5,
            "min 0.5 over max 1 + 0.5 + 1"
        );
        assert_eq!(
            weighted_jaccard(&a, &b),
            weighted_jaccard(&b, &a),
            "symmetric"
        );
        assert_eq!(
            weighted_jaccard::<u32>(&[], &[]),
            0.0,
            "nothing in common is 0"
        );
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5, "2 shared of 4");
    }

    #[test]
    fn weights_add_up_to_one() {
        assert!(
            (combine(1.0, 1.0, true, true, true) - 1.0).abs() < 1e-12,
            "identical personas have similarity 1"
        );
    }
}
