//! The findings: who is golden, underserved, written twice, drawn to several
//! products; which buying units cannot close; where the portfolio has holes.
//! Each module is a pure function of the domain graph and the thresholds; no
//! I/O. Every finding carries a `why` a marketer can read, and every list is
//! ordered strongest first, deterministically.

mod buying_unit;
mod gaps;
mod golden;
pub mod health;
pub(crate) mod multi_product;
mod overlap;
pub mod report;
mod service;
mod text;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::graph::EcosystemGraph;
use crate::model::*;

pub use health::{Health, HealthProblem, HealthSummary};
pub use overlap::similarity;

/// A persona that keeps coming up across product teams' persona sets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Golden {
    /// The representative persona of the group.
    pub persona: PersonaId,
    /// Products the group touches.
    pub products: Vec<ProductId>,
    /// The other personas of the group: the same person under other names.
    pub duplicates: Vec<PersonaId>,
    /// How much of the ecosystem the group touches, weighted by priority.
    pub score: f64,
    /// Why, for a marketer.
    pub why: String,
}

/// A persona whose important needs the portfolio does not meet well.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Underserved {
    /// The persona.
    pub persona: PersonaId,
    /// The importance-weighted share of its needs our best products meet.
    pub service_level: f64,
    /// Its important needs that no product meets, most important first.
    pub unmet_needs: Vec<NeedId>,
    /// Why, for a marketer.
    pub why: String,
}

/// Two personas similar enough to be one person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Overlap {
    /// The pair, in id order.
    pub personas: [PersonaId; 2],
    /// From 0 to 1.
    pub similarity: f64,
    /// What they have in common, as short phrases.
    pub shared: Vec<String>,
    /// Why, for a marketer.
    pub why: String,
}

/// A persona drawn to more than one product: a cross-sell path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct MultiProduct {
    /// The persona.
    pub persona: PersonaId,
    /// The products, in the order the persona lists them.
    pub products: Vec<ProductId>,
    /// Why, for a marketer.
    pub why: String,
}

/// How a buying unit stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitFinding {
    /// The buying unit.
    pub unit: BuyingUnitId,
    /// Every required role is played by a member.
    pub complete: bool,
    /// Required roles nobody in the unit plays.
    pub missing_roles: Vec<BuyingRoleId>,
    /// Every member of the unit, by id.
    pub members: Vec<PersonaId>,
    /// Members whose role decides.
    pub decision_makers: Vec<PersonaId>,
    /// Members with no relationship to any other member.
    pub unlinked_members: Vec<PersonaId>,
    /// For each member who does not decide, the shortest chain of
    /// relationships that reaches a decision maker (member first).
    pub influence_paths: Vec<Vec<PersonaId>>,
    /// Why, for a marketer.
    pub why: String,
}

/// Holes in the portfolio.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Gaps {
    /// Needs no product meets, the most wanted first.
    pub needs_unaddressed: Vec<NeedId>,
    /// Market and customer segments nobody is designed for.
    pub segments_without_personas: Vec<String>,
    /// Products no persona is tied to.
    pub products_without_personas: Vec<ProductId>,
    /// Personas tied to no product.
    pub personas_without_products: Vec<PersonaId>,
}

/// Where a competitor meets a need better than our best product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ValueGap {
    /// The need.
    pub need: NeedId,
    /// Our best product for it, if any addresses it.
    pub product: Option<ProductId>,
    /// Our best score, 0 when nothing addresses it.
    pub ours: f64,
    /// The competitor that meets it best.
    pub competitor: CompetitorId,
    /// Its score.
    pub theirs: f64,
    /// Why, for a marketer.
    pub why: String,
}

/// Every finding on a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Analysis {
    /// Golden personas.
    pub golden: Vec<Golden>,
    /// Underserved personas.
    pub underserved: Vec<Underserved>,
    /// Near-duplicate pairs.
    pub overlaps: Vec<Overlap>,
    /// Personas drawn to several products.
    pub multi_product: Vec<MultiProduct>,
    /// Buying units, the ones that cannot close first.
    pub buying_units: Vec<UnitFinding>,
    /// Holes in the portfolio.
    pub gaps: Gaps,
    /// Needs where a competitor beats our best product.
    pub value_gaps: Vec<ValueGap>,
    /// Personas that rest on guesses, the least supported first.
    pub health: Vec<Health>,
    /// The portfolio's health in numbers.
    pub health_summary: HealthSummary,
    /// The day the findings were judged on (what is stale depends on it).
    pub today: Date,
    /// The thresholds the findings were judged by.
    pub thresholds: Thresholds,
}

/// For each need of `project`, in its order: our best product for it, as
/// (score, index in `project.products`); on a tie, the smaller id.
/// O(|needs| + |edges into needs|).
pub fn best_products(project: &Project) -> Vec<Option<(f64, usize)>> {
    service::NeedScores::new(&EcosystemGraph::new(project)).ours
}

/// Runs every analysis on `project` with `thresholds`, judging what is
/// stale on `today`.
///
/// O(|V| + |E|) for everything but the overlaps, whose candidate pairs are
/// pruned through an inverted index over needs (see [`similarity`]).
pub fn analyze(project: &Project, thresholds: &Thresholds, today: Date) -> Analysis {
    let graph = EcosystemGraph::new(project);
    let scores = service::NeedScores::new(&graph);
    let overlaps = overlap::find(&graph, thresholds);
    let (health, health_summary) = health::assess(project, thresholds, today);
    Analysis {
        golden: golden::find(&graph, &overlaps),
        underserved: service::underserved(&graph, &scores, thresholds),
        multi_product: multi_product::find(&graph),
        buying_units: buying_unit::assess(&graph),
        gaps: gaps::find(&graph, &scores, thresholds),
        value_gaps: service::value_gaps(&graph, &scores),
        overlaps: overlaps.into_iter().map(|o| o.finding).collect(),
        health,
        health_summary,
        today,
        thresholds: *thresholds,
    }
}

/// One finding in a flat list: its kind (`golden`, `underserved`,
/// `overlap`, `multi_product`, `buying_unit`, `value_gap`, `health`), the
/// ids it is about (its key: one finding of a kind per set of ids), and why.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Listed {
    /// What kind of finding.
    pub kind: String,
    /// The ids it is about, the subject first.
    pub about: Vec<String>,
    /// Why, for a marketer.
    pub why: String,
}

/// Every finding of `a` in one list, in the analysis's order. A complete
/// buying unit is no finding and is left out.
pub fn listed(a: &Analysis) -> Vec<Listed> {
    let mut out = Vec::new();
    let mut add = |kind: &str, about: Vec<String>, why: &str| {
        out.push(Listed {
            kind: kind.to_owned(),
            about,
            why: why.to_owned(),
        });
    };
    for g in &a.golden {
        let mut about = vec![g.persona.as_str().to_owned()];
        about.extend(g.duplicates.iter().map(|d| d.as_str().to_owned()));
        add("golden", about, &g.why);
    }
    for u in &a.underserved {
        add("underserved", vec![u.persona.as_str().to_owned()], &u.why);
    }
    for o in &a.overlaps {
        add(
            "overlap",
            o.personas.iter().map(|p| p.as_str().to_owned()).collect(),
            &o.why,
        );
    }
    for m in &a.multi_product {
        add("multi_product", vec![m.persona.as_str().to_owned()], &m.why);
    }
    for u in a.buying_units.iter().filter(|u| !u.complete) {
        add("buying_unit", vec![u.unit.as_str().to_owned()], &u.why);
    }
    for v in &a.value_gaps {
        add(
            "value_gap",
            vec![v.need.as_str().to_owned(), v.competitor.as_str().to_owned()],
            &v.why,
        );
    }
    for h in &a.health {
        add("health", vec![h.persona.as_str().to_owned()], &h.why);
    }
    out
}
