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

use petgraph::visit::EdgeRef;

use super::Overlap;
use super::text::{all_needs, count, join_and, quoted};
use std::hash::Hasher;

use crate::graph::{EcosystemGraph, Edge, Fnv, Node};
use crate::model::{Persona, ProductRelation, Thresholds};

const W_NEEDS: f64 = 0.45;
const W_TEXT: f64 = 0.15;
const W_ROLE: f64 = 0.20;
const W_MARKET: f64 = 0.10;
const W_CUSTOMER: f64 = 0.10;

/// Words too common to say anything about a persona, sorted for binary search.
const STOPWORDS: &[&str] = &[
    "all", "and", "are", "but", "can", "each", "every", "for", "from", "has", "have", "into",
    "its", "less", "more", "not", "our", "out", "than", "that", "the", "their", "them", "they",
    "this", "too", "what", "when", "where", "which", "who", "will", "with", "without", "you",
    "your",
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
    if max > 0.0 {
        min / max
    } else {
        // Every weight is 0: only which needs they name can be compared.
        let ka: Vec<&K> = a.iter().map(|x| &x.0).collect();
        let kb: Vec<&K> = b.iter().map(|x| &x.0).collect();
        jaccard(&ka, &kb)
    }
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
        // Two empty sets are the same set.
        1.0
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

/// Calls `f` with each word of a persona's title, goals, pains and channels,
/// lowercased, leaving out short and common words. One buffer serves every
/// word, so nothing is allocated per word.
fn for_each_word(p: &Persona, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    let texts = p
        .title
        .iter()
        .chain(&p.goals)
        .chain(&p.pain_points)
        .chain(&p.channels);
    for text in texts {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().nth(2).is_none() {
                continue;
            }
            buf.clear();
            if w.is_ascii() {
                buf.push_str(w);
                buf.make_ascii_lowercase();
            } else {
                buf.extend(w.chars().flat_map(char::to_lowercase));
            }
            if STOPWORDS.binary_search(&buf.as_str()).is_err() {
                f(&buf);
            }
        }
    }
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
        let mut v: Vec<String> = Vec::new();
        for_each_word(p, |w| v.push(w.to_owned()));
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
struct Profile<'a> {
    needs: &'a [(u32, f64)],
    total: f64,
    role: Option<usize>,
    market: Option<usize>,
    customer: Option<usize>,
}

/// The words of each persona as sorted 64-bit hashes, computed the first
/// time a candidate pair needs them: most pairs are rejected on their needs
/// alone. Two different words hashing alike is about as likely as a 1 in
/// 10^15 chance per pair of words, far below anything a score shows.
struct Words<'p> {
    personas: &'p [Persona],
    cache: Vec<Option<Vec<u64>>>,
}

impl<'p> Words<'p> {
    fn new(personas: &'p [Persona]) -> Self {
        Words {
            personas,
            cache: vec![None; personas.len()],
        }
    }

    fn similarity(&mut self, a: usize, b: usize) -> f64 {
        self.fill(a);
        self.fill(b);
        match (&self.cache[a], &self.cache[b]) {
            (Some(x), Some(y)) => jaccard(x, y),
            _ => 0.0,
        }
    }

    fn fill(&mut self, i: usize) {
        if self.cache[i].is_some() {
            return;
        }
        let mut ids: Vec<u64> = Vec::new();
        for_each_word(&self.personas[i], |w| {
            let mut h = Fnv::default();
            h.write(w.as_bytes());
            ids.push(h.finish());
        });
        ids.sort_unstable();
        ids.dedup();
        self.cache[i] = Some(ids);
    }
}

/// The profiles of every persona; their needs share one buffer, `needs`,
/// so that the search walks memory in order.
fn profiles<'a>(graph: &EcosystemGraph<'_>, needs: &'a mut Vec<(u32, f64)>) -> Vec<Profile<'a>> {
    let count = graph.project().personas.len();
    let mut spans = Vec::with_capacity(count);
    let mut rest = Vec::with_capacity(count);
    for i in 0..count {
        let start = needs.len();
        let (mut role, mut market, mut customer) = (None, None, None);
        for e in graph.out_edges(graph.persona(i)) {
            match (*e.weight(), graph.node(e.target())) {
                // Need nodes were added in id order, so their node indices
                // order needs by id whatever the input order.
                (Edge::Needs(imp), Node::Need(_)) => needs.push((e.target().index() as u32, imp)),
                (Edge::HasRole, Node::BuyingRole(r)) => role = Some(r),
                (Edge::InMarketSegment, Node::MarketSegment(s)) => market = Some(s),
                (Edge::InCustomerSegment, Node::CustomerSegment(s)) => customer = Some(s),
                _ => {}
            }
        }
        needs[start..].sort_by_key(|n| n.0);
        spans.push(start..needs.len());
        rest.push((role, market, customer));
    }
    let needs: &'a [(u32, f64)] = needs;
    spans
        .into_iter()
        .zip(rest)
        .map(|(span, (role, market, customer))| {
            let mine = &needs[span];
            Profile {
                needs: mine,
                total: mine.iter().map(|n| n.1).sum(),
                role,
                market,
                customer,
            }
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
    let mut need_buffer = Vec::new();
    let profiles = profiles(graph, &mut need_buffer);
    let mut words = Words::new(&project.personas);
    let min_need_similarity = ((threshold - (1.0 - W_NEEDS)) / W_NEEDS).max(0.0);

    // need → (role, persona), sorted by role so that a persona probes only
    // its own role and the personas without one.
    const NO_ROLE: u32 = u32::MAX;
    let role_of = |p: &Profile<'_>| p.role.map_or(NO_ROLE, |r| r as u32);
    let first_need = (0..project.needs.len())
        .map(|n| graph.need(n).index())
        .min()
        .unwrap_or(0) as u32;
    let slot = |key: u32| (key - first_need) as usize;
    let mut by_need: Vec<Vec<(u32, u32)>> = vec![Vec::new(); project.needs.len()];
    for (i, p) in profiles.iter().enumerate() {
        for &(n, _) in p.needs {
            by_need[slot(n)].push((role_of(p), i as u32));
        }
    }
    for list in &mut by_need {
        list.sort_unstable();
    }
    let same_role = |list: &[(u32, u32)], role: u32| -> std::ops::Range<usize> {
        let start = list.partition_point(|&(r, _)| r < role);
        let end = list.partition_point(|&(r, _)| r <= role);
        start..end
    };

    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let mut seen = vec![u32::MAX; profiles.len()];
    let mut order: Vec<(u32, f64)> = Vec::new();
    for (a, pa) in profiles.iter().enumerate() {
        if pa.needs.is_empty() {
            continue;
        }
        // The prefix: rarest needs first, until what is left weighs less
        // than the need similarity a pair must reach.
        order.clear();
        order.extend_from_slice(pa.needs);
        order.sort_by_key(|&(n, _)| (by_need[slot(n)].len(), n));
        let mut remaining = pa.total;
        for &(n, w) in &order {
            if remaining < min_need_similarity * pa.total - 1e-9 {
                break;
            }
            remaining -= w;
            let list = &by_need[slot(n)];
            let role = role_of(pa);
            let (mine, none) = if role == NO_ROLE {
                (0..list.len(), 0..0)
            } else {
                (same_role(list, role), same_role(list, NO_ROLE))
            };
            for &(_, b) in list[mine].iter().chain(&list[none]) {
                let b = b as usize;
                if b <= a || seen[b] == a as u32 {
                    continue;
                }
                seen[b] = a as u32;
                let pb = &profiles[b];
                let needs = weighted_jaccard(pa.needs, pb.needs);
                let (role, market, customer) = (
                    same(&pa.role, &pb.role),
                    same(&pa.market, &pb.market),
                    same(&pa.customer, &pb.customer),
                );
                // Words are the dearest part: skip them when even identical
                // words could not lift the pair to the threshold.
                if combine(needs, 1.0, role, market, customer) < threshold {
                    continue;
                }
                let s = combine(needs, words.similarity(a, b), role, market, customer);
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
                finding: describe(graph, &profiles, a, b, s),
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

fn describe(
    graph: &EcosystemGraph<'_>,
    profiles: &[Profile<'_>],
    a: usize,
    b: usize,
    s: f64,
) -> Overlap {
    let project = graph.project();
    let (pa, pb) = (&profiles[a], &profiles[b]);
    let shared_needs: Vec<u32> = pa
        .needs
        .iter()
        .filter(|(n, _)| pb.needs.binary_search_by_key(n, |m| m.0).is_ok())
        .map(|(n, _)| *n)
        .collect();
    let union = pa.needs.len() + pb.needs.len() - shared_needs.len();
    let need_name = |key: u32| match graph.node(petgraph::graph::NodeIndex::new(key as usize)) {
        Node::Need(n) => project.needs[n].name.clone(),
        _ => String::new(),
    };
    let mut shared: Vec<String> = shared_needs.iter().map(|&n| need_name(n)).collect();
    let mut also: Vec<String> = Vec::new();
    if let (Some(r), true) = (pa.role, same(&pa.role, &pb.role)) {
        let name = &project.buying_roles[r].name;
        also.push(format!("the {} role", quoted(name)));
        shared.push(format!("role: {name}"));
    }
    if let (Some(m), true) = (pa.market, same(&pa.market, &pb.market)) {
        let name = &project.market_segments[m].name;
        also.push(format!("the {} segment", quoted(name)));
        shared.push(format!("market segment: {name}"));
    }
    if let (Some(c), true) = (pa.customer, same(&pa.customer, &pb.customer)) {
        let name = &project.customer_segments[c].name;
        also.push(format!("the {} mindset", quoted(name)));
        shared.push(format!("customer segment: {name}"));
    }
    let mut parts = vec![if shared_needs.len() == union {
        all_needs(union)
    } else {
        format!(
            "{} of {}",
            shared_needs.len(),
            count(union, "need", "needs")
        )
    }];
    parts.extend(also);
    let why = format!(
        "{} and {} look like one person written twice: they share {}.",
        with_team(graph, a),
        with_team(graph, b),
        join_and(&parts)
    );
    Overlap {
        personas: [
            project.personas[a].id.clone(),
            project.personas[b].id.clone(),
        ],
        similarity: s,
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
            1.0,
            "two empty sets are the same set"
        );
        assert_eq!(
            weighted_jaccard(&[(1, 0.0)], &[(1, 0.0), (2, 0.0)]),
            0.5,
            "weightless needs compare by which needs they name"
        );
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5, "2 shared of 4");
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(
            STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "binary_search needs a sorted, duplicate-free list"
        );
    }

    #[test]
    fn weights_add_up_to_one() {
        assert!(
            (combine(1.0, 1.0, true, true, true) - 1.0).abs() < 1e-12,
            "identical personas have similarity 1"
        );
    }
}
