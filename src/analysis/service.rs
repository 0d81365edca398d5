//! How well the portfolio serves each persona: service levels, underserved
//! personas and the value gap against competitors.

use std::cmp::Ordering;

use petgraph::visit::EdgeRef;

use super::text::{join_and, percent, quoted, score};
use super::{Underserved, ValueGap};
use crate::graph::{EcosystemGraph, Edge, Node};
use crate::model::Thresholds;

/// For each need (by index in `project.needs`): our best product and score,
/// the best competitor and score, and how much personas want it.
pub struct NeedScores {
    /// Our best (score, product index).
    pub ours: Vec<Option<(f64, usize)>>,
    /// The best competitor's (score, competitor index).
    pub theirs: Vec<Option<(f64, usize)>>,
    /// The sum of the need's importance over every persona.
    pub demand: Vec<f64>,
}

/// Keeps the higher score; on a tie, the smaller id, so that results do not
/// depend on the order of the project's lists.
fn better<Id: Ord>(
    current: Option<(f64, usize)>,
    candidate: (f64, usize),
    id: impl Fn(usize) -> Id,
) -> Option<(f64, usize)> {
    match current {
        Some(c) if c.0 > candidate.0 || (c.0 == candidate.0 && id(c.1) <= id(candidate.1)) => {
            Some(c)
        }
        _ => Some(candidate),
    }
}

impl NeedScores {
    /// O(|needs| + |edges into needs|).
    pub fn new(graph: &EcosystemGraph<'_>) -> Self {
        let n = graph.project().needs.len();
        let (products, competitors) = (&graph.project().products, &graph.project().competitors);
        let mut out = NeedScores {
            ours: vec![None; n],
            theirs: vec![None; n],
            demand: vec![0.0; n],
        };
        for need in 0..n {
            for e in graph.in_edges(graph.need(need)) {
                match (*e.weight(), graph.node(e.source())) {
                    (Edge::Meets(s), Node::Product(p)) => {
                        out.ours[need] = better(out.ours[need], (s, p), |i| &products[i].id)
                    }
                    (Edge::Meets(s), Node::Competitor(c)) => {
                        out.theirs[need] = better(out.theirs[need], (s, c), |i| &competitors[i].id)
                    }
                    (Edge::Needs(importance), _) => out.demand[need] += importance,
                    _ => {}
                }
            }
        }
        out
    }

    /// Our best score for a need, 0 when no product addresses it.
    pub fn best(&self, need: usize) -> f64 {
        self.ours[need].map_or(0.0, |(s, _)| s)
    }
}

/// Puts the persona's needs, as (need index, importance), into `out`.
fn needs_of(graph: &EcosystemGraph<'_>, persona: usize, out: &mut Vec<(usize, f64)>) {
    out.clear();
    out.extend(graph.out_edges(graph.persona(persona)).filter_map(|e| {
        match (*e.weight(), graph.node(e.target())) {
            (Edge::Needs(importance), Node::Need(n)) => Some((n, importance)),
            _ => None,
        }
    }));
}

/// The importance-weighted share of a persona's needs that our best products
/// meet; `None` for a persona with no needs (or only needs of importance 0).
pub fn service_level(needs: &[(usize, f64)], scores: &NeedScores) -> Option<f64> {
    let total: f64 = needs.iter().map(|(_, i)| i).sum();
    (total > 0.0).then(|| needs.iter().map(|&(n, i)| i * scores.best(n)).sum::<f64>() / total)
}

/// Personas below the service threshold, or with an important need nothing
/// meets. Lowest service first. O(|personas| + |persona-need links|).
pub fn underserved(
    graph: &EcosystemGraph<'_>,
    scores: &NeedScores,
    t: &Thresholds,
) -> Vec<Underserved> {
    let project = graph.project();
    let mut out: Vec<(Underserved, u8)> = Vec::new();
    let mut needs = Vec::new();
    for (i, persona) in project.personas.iter().enumerate() {
        needs_of(graph, i, &mut needs);
        let Some(level) = service_level(&needs, scores) else {
            continue;
        };
        let mut unmet: Vec<(usize, f64)> = needs
            .iter()
            .copied()
            .filter(|&(n, imp)| imp >= t.important_need.get() && scores.best(n) < t.met_at.get())
            .collect();
        if level >= t.underserved_below.get() && unmet.is_empty() {
            continue;
        }
        unmet.sort_by(|a, b| {
            b.1.partial_cmp(&a.1)
                .unwrap_or(Ordering::Equal)
                .then_with(|| project.needs[a.0].id.cmp(&project.needs[b.0].id))
        });
        let mut why = format!(
            "Our best products meet {} of what matters to {}",
            percent(level),
            persona.name
        );
        why.push('.');
        if !unmet.is_empty() {
            let listed: Vec<String> = unmet
                .iter()
                .map(|&(n, imp)| {
                    format!(
                        "{} (importance {}; our best scores {} of 1)",
                        quoted(&project.needs[n].name),
                        score(imp),
                        score(scores.best(n))
                    )
                })
                .collect();
            why.push_str(&format!(
                " Nothing we sell meets {} well enough.",
                join_and(&listed)
            ));
        }
        let rival = unmet.iter().find_map(|&(n, _)| {
            let (theirs, c) = scores.theirs[n]?;
            (theirs > scores.best(n) && theirs >= t.met_at.get()).then_some((n, theirs, c))
        });
        if let Some((n, theirs, c)) = rival {
            why.push_str(&format!(
                " The competitor {} meets {} at {} of 1.",
                project.competitors[c].name,
                quoted(&project.needs[n].name),
                score(theirs)
            ));
        }
        out.push((
            Underserved {
                persona: persona.id.clone(),
                service_level: level,
                unmet_needs: unmet
                    .iter()
                    .map(|&(n, _)| project.needs[n].id.clone())
                    .collect(),
                why,
            },
            persona.priority.map_or(0, |p| p.get()),
        ));
    }
    out.sort_by(|(a, pa), (b, pb)| {
        a.service_level
            .partial_cmp(&b.service_level)
            .unwrap_or(Ordering::Equal)
            .then_with(|| pb.cmp(pa))
            .then_with(|| a.persona.cmp(&b.persona))
    });
    out.into_iter().map(|(u, _)| u).collect()
}

/// Needs where a competitor scores above our best product, widest gap first.
/// O(|needs|).
pub fn value_gaps(graph: &EcosystemGraph<'_>, scores: &NeedScores) -> Vec<ValueGap> {
    let project = graph.project();
    let mut out: Vec<ValueGap> = Vec::new();
    for (n, need) in project.needs.iter().enumerate() {
        let Some((theirs, c)) = scores.theirs[n] else {
            continue;
        };
        let ours = scores.best(n);
        if theirs <= ours {
            continue;
        }
        let competitor = &project.competitors[c];
        let product = scores.ours[n].map(|(_, p)| &project.products[p]);
        let why = match product {
            Some(p) => format!(
                "{} meets {} at {} of 1; our best, {}, at {}.",
                competitor.name,
                quoted(&need.name),
                score(theirs),
                p.name,
                score(ours)
            ),
            None => format!(
                "{} meets {} at {} of 1; none of our products addresses it.",
                competitor.name,
                quoted(&need.name),
                score(theirs)
            ),
        };
        out.push(ValueGap {
            need: need.id.clone(),
            product: product.map(|p| p.id.clone()),
            ours,
            competitor: competitor.id.clone(),
            theirs,
            why,
        });
    }
    out.sort_by(|a, b| {
        (b.theirs - b.ours)
            .partial_cmp(&(a.theirs - a.ours))
            .unwrap_or(Ordering::Equal)
            .then_with(|| a.need.cmp(&b.need))
    });
    out
}
