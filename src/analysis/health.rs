//! How far each persona rests on evidence, and what makes it a guess: no
//! evidence, only assumptions, an old review, no rules to test it against
//! customer records, or a data check that found nobody.
//!
//! ## Confidence
//!
//! A persona's confidence (0..1) is built from its evidence, each piece
//! taking away part of what is still uncertain:
//!
//! ```text
//! confidence = 1 - Π (1 - ½ · strength(kind) · freshness(date))
//! ```
//!
//! - `strength`: customer records (`crm`) and `analytics` 1.0, a `survey`
//!   0.8, an `interview` 0.7, a `workshop` 0.4, an `assumption` 0.1. A data
//!   check that matched no record (`records` = 0) is evidence *against* the
//!   persona and adds nothing.
//! - `freshness`: 1 while the piece is no older than `stale_after_days`,
//!   then falling in a straight line to ¼ at three times that age, and ¼
//!   after; ½ when the piece has no date.
//!
//! So no evidence gives 0; one fresh CRM match 0.5; a fresh survey and a
//! CRM match 0.7; a fresh interview, survey, CRM match and analytics 0.9. A persona whose every piece is an
//! assumption is held to at most 0.2 however many there are. Values are
//! rounded to two decimals so that reports are stable.
//!
//! O(personas + evidence) for the whole project.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::{count, join_and, score};
use crate::model::*;

/// What makes a persona a guess rather than knowledge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum HealthProblem {
    /// No evidence at all.
    NoEvidence,
    /// Every piece of evidence is an assumption.
    AssumptionsOnly,
    /// Never reviewed, or not for longer than `stale_after_days`.
    Stale,
    /// No rules, so it cannot be tested against customer records.
    NoRules,
    /// Its latest check against customer records matched nobody.
    UnsupportedByData,
}

impl HealthProblem {
    /// A few words for a headline: "no evidence", "stale".
    pub fn label(self) -> &'static str {
        match self {
            HealthProblem::NoEvidence => "no evidence",
            HealthProblem::AssumptionsOnly => "assumptions only",
            HealthProblem::Stale => "stale",
            HealthProblem::NoRules => "no rules",
            HealthProblem::UnsupportedByData => "unsupported by data",
        }
    }
}

/// A persona with at least one health problem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Health {
    /// The persona.
    pub persona: PersonaId,
    /// How far it rests on evidence, 0..1 (see the module's formula).
    pub confidence: f64,
    /// What is wrong, in the order of [`HealthProblem`].
    pub problems: Vec<HealthProblem>,
    /// Why, for a marketer.
    pub why: String,
}

/// The health of the portfolio as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct HealthSummary {
    /// Every persona.
    pub personas: usize,
    /// Personas whose status is validated or detailed.
    pub validated: usize,
    /// Personas not reviewed within `stale_after_days`, or never.
    pub stale: usize,
    /// Personas that rest on assumptions only.
    pub assumptions_only: usize,
    /// Personas with no evidence at all.
    pub no_evidence: usize,
    /// Personas without rules.
    pub no_rules: usize,
    /// The mean confidence of all personas, 0 when there are none.
    pub mean_confidence: f64,
    /// Important personas (priority 4 or 5, or deciding in a buying unit)
    /// whose confidence is below one half, the least supported first, at
    /// most five.
    pub weakest_important: Vec<PersonaId>,
    /// Why, for a marketer.
    pub why: String,
}

/// Below this confidence a persona rests on too little to act on: the
/// app's "low confidence" badge and filter, and the important personas the
/// summary names.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// Whether `confidence` is below [`LOW_CONFIDENCE`]. O(1).
pub fn is_low(confidence: f64) -> bool {
    confidence < LOW_CONFIDENCE
}

fn strength(e: &Evidence) -> f64 {
    if e.records == Some(0) {
        return 0.0;
    }
    match e.kind {
        EvidenceKind::Crm | EvidenceKind::Analytics => 1.0,
        EvidenceKind::Survey => 0.8,
        EvidenceKind::Interview => 0.7,
        EvidenceKind::Workshop => 0.4,
        EvidenceKind::Assumption => 0.1,
    }
}

fn freshness(e: &Evidence, today: Date, stale_after: f64) -> f64 {
    let Some(date) = e.date else { return 0.5 };
    let age = (today.day_number() - date.day_number()).max(0) as f64;
    if age <= stale_after {
        1.0
    } else {
        // From 1 at `stale_after` down to ¼ at three times it.
        (1.0 - 0.75 * (age - stale_after) / (2.0 * stale_after)).max(0.25)
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The confidence of one persona on `today` (see the module's formula).
/// O(its evidence).
pub fn confidence(persona: &Persona, thresholds: &Thresholds, today: Date) -> f64 {
    let stale_after = f64::from(thresholds.stale_after_days.get());
    let doubt: f64 = persona
        .evidence
        .iter()
        .map(|e| 1.0 - 0.5 * strength(e) * freshness(e, today, stale_after))
        .product();
    let mut c = 1.0 - doubt;
    if assumptions_only(persona) {
        c = c.min(0.2);
    }
    round2(c.clamp(0.0, 1.0))
}

fn assumptions_only(p: &Persona) -> bool {
    !p.evidence.is_empty()
        && p.evidence
            .iter()
            .all(|e| e.kind == EvidenceKind::Assumption)
}

/// Days since the last review, `None` when it was never reviewed.
fn days_since_review(p: &Persona, today: Date) -> Option<i64> {
    p.last_reviewed.map(|d| today.day_number() - d.day_number())
}

fn is_stale(p: &Persona, thresholds: &Thresholds, today: Date) -> bool {
    days_since_review(p, today)
        .is_none_or(|days| days > i64::from(thresholds.stale_after_days.get()))
}

/// The most recent evidence that carries a count of matched records: the
/// latest dated one, an undated one counting as older than any dated; of
/// equals, the one listed last.
fn latest_check(p: &Persona) -> Option<&Evidence> {
    p.evidence
        .iter()
        .filter(|e| e.records.is_some())
        .max_by_key(|e| e.date)
}

/// The problems of one persona, in the order of [`HealthProblem`].
pub fn problems(p: &Persona, thresholds: &Thresholds, today: Date) -> Vec<HealthProblem> {
    let mut out = Vec::new();
    if p.evidence.is_empty() {
        out.push(HealthProblem::NoEvidence);
    }
    if assumptions_only(p) {
        out.push(HealthProblem::AssumptionsOnly);
    }
    if is_stale(p, thresholds, today) {
        out.push(HealthProblem::Stale);
    }
    if p.rules.as_deref().is_none_or(|r| r.trim().is_empty()) {
        out.push(HealthProblem::NoRules);
    }
    if latest_check(p).is_some_and(|e| e.records == Some(0)) {
        out.push(HealthProblem::UnsupportedByData);
    }
    out
}

fn why(
    p: &Persona,
    problems: &[HealthProblem],
    confidence: f64,
    t: &Thresholds,
    today: Date,
) -> String {
    let mut parts = Vec::new();
    for problem in problems {
        parts.push(match problem {
            HealthProblem::NoEvidence => "rests on no evidence at all".to_owned(),
            HealthProblem::AssumptionsOnly => format!(
                "rests on assumptions only ({})",
                count(p.evidence.len(), "assumption", "assumptions")
            ),
            HealthProblem::Stale => match days_since_review(p, today) {
                Some(days) => format!(
                    "was last reviewed {} ago (stale after {})",
                    count(days.max(0) as usize, "day", "days"),
                    t.stale_after_days.get()
                ),
                None => "has never been reviewed".to_owned(),
            },
            HealthProblem::NoRules => "has no rules to test it against customer records".to_owned(),
            HealthProblem::UnsupportedByData => {
                let from = latest_check(p)
                    .and_then(|e| e.source.as_deref())
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                format!("matched no customer record in its latest data check{from}")
            }
        });
    }
    format!(
        "{} {}; confidence {}.",
        p.name,
        join_and(&parts),
        score(confidence)
    )
}

/// The health of every persona and of the portfolio, each persona judged
/// once: the personas with at least one problem, lowest confidence first,
/// then by id, and the summary in numbers with the important personas that
/// rest on the least. O(personas + evidence + buying-unit members).
pub fn assess(
    project: &Project,
    thresholds: &Thresholds,
    today: Date,
) -> (Vec<Health>, HealthSummary) {
    let deciding: HashSet<&str> = project
        .buying_roles
        .iter()
        .filter(|r| r.decides)
        .map(|r| r.id.as_str())
        .collect();
    // The project's lists may be in any order (a JSON file as written):
    // personas are found through a map, not by binary search.
    let by_id: HashMap<&str, &Persona> = project
        .personas
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    let deciders: HashSet<&str> = project
        .buying_units
        .iter()
        .flat_map(|u| u.members.iter())
        .filter(|m| {
            let role = m.role.as_ref().map(BuyingRoleId::as_str).or_else(|| {
                by_id
                    .get(m.persona.as_str())
                    .and_then(|p| p.buying_role.as_ref())
                    .map(BuyingRoleId::as_str)
            });
            role.is_some_and(|r| deciding.contains(r))
        })
        .map(|m| m.persona.as_str())
        .collect();
    let mut s = HealthSummary {
        personas: project.personas.len(),
        ..HealthSummary::default()
    };
    let mut found = Vec::new();
    let mut total = 0.0;
    let mut important = Vec::new();
    for p in &project.personas {
        let c = confidence(p, thresholds, today);
        total += c;
        if matches!(p.status, Some(Status::Validated | Status::Detailed)) {
            s.validated += 1;
        }
        let problems = problems(p, thresholds, today);
        for problem in &problems {
            match problem {
                HealthProblem::Stale => s.stale += 1,
                HealthProblem::AssumptionsOnly => s.assumptions_only += 1,
                HealthProblem::NoEvidence => s.no_evidence += 1,
                HealthProblem::NoRules => s.no_rules += 1,
                HealthProblem::UnsupportedByData => {}
            }
        }
        let is_important =
            p.priority.is_some_and(|x| x.get() >= 4) || deciders.contains(p.id.as_str());
        if is_important && is_low(c) {
            important.push((c, p.id.clone()));
        }
        if !problems.is_empty() {
            found.push(Health {
                why: why(p, &problems, c, thresholds, today),
                persona: p.id.clone(),
                confidence: c,
                problems,
            });
        }
    }
    found.sort_by(|a, b| {
        a.confidence
            .total_cmp(&b.confidence)
            .then_with(|| a.persona.cmp(&b.persona))
    });
    important.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    s.weakest_important = important.into_iter().take(5).map(|(_, id)| id).collect();
    if s.personas > 0 {
        s.mean_confidence = round2(total / s.personas as f64);
    }
    s.why = summary_why(&by_id, &s);
    (found, s)
}

fn summary_why(by_id: &HashMap<&str, &Persona>, s: &HealthSummary) -> String {
    if s.personas == 0 {
        return "There are no personas yet.".to_owned();
    }
    let mut out = format!(
        "{} of {} validated; {} stale, {} on assumptions only, {} with no evidence; \
         mean confidence {}.",
        s.validated,
        count(s.personas, "persona", "personas"),
        s.stale,
        s.assumptions_only,
        s.no_evidence,
        score(s.mean_confidence)
    );
    if !s.weakest_important.is_empty() {
        let names: Vec<String> = s
            .weakest_important
            .iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .map(|p| p.name.clone())
            .collect();
        out.push_str(&format!(
            " Important personas resting on the least evidence: {}.",
            join_and(&names)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).expect("a valid date")
    }

    fn evidence(kind: EvidenceKind, date: Option<&str>) -> Evidence {
        Evidence {
            kind,
            source: None,
            date: date.map(day),
            note: None,
            records: None,
            share: None,
        }
    }

    fn persona(evidence: Vec<Evidence>) -> Persona {
        let mut p = crate::demo::project()
            .expect("the demo reads")
            .personas
            .remove(0);
        p.evidence = evidence;
        p.rules = Some("age < 30".to_owned());
        p.last_reviewed = Some(day("2026-06-01"));
        p
    }

    const TODAY: &str = "2026-12-02";

    #[test]
    fn confidence_follows_the_documented_formula() {
        let t = Thresholds::DEFAULT;
        let c = |e: Vec<Evidence>| confidence(&persona(e), &t, day(TODAY));
        assert_eq!(c(vec![]), 0.0, "no evidence is no confidence");
        let crm = evidence(EvidenceKind::Crm, Some("2026-10-01"));
        assert_eq!(
            c(vec![crm.clone()]),
            0.5,
            "one fresh CRM match halves the doubt"
        );
        let survey = evidence(EvidenceKind::Survey, Some("2026-08-01"));
        assert_eq!(c(vec![survey.clone(), crm.clone()]), 0.7, "1 - 0.6 * 0.5");
        let four = vec![
            evidence(EvidenceKind::Interview, Some("2026-09-01")),
            survey,
            crm.clone(),
            evidence(EvidenceKind::Analytics, Some("2026-11-30")),
        ];
        assert_eq!(c(four), 0.9, "1 - 0.65 * 0.6 * 0.5 * 0.5, rounded");
        let many = vec![evidence(EvidenceKind::Assumption, Some("2026-11-01")); 30];
        assert_eq!(c(many), 0.2, "assumptions alone are held to 0.2");
        let old = evidence(EvidenceKind::Crm, Some("2023-12-02"));
        assert_eq!(
            c(vec![old]),
            0.13,
            "three times stale: a quarter of the weight"
        );
        let undated = evidence(EvidenceKind::Crm, None);
        assert_eq!(c(vec![undated]), 0.25, "no date: half the weight");
        let mut none = crm;
        none.records = Some(0);
        assert_eq!(
            c(vec![none]),
            0.0,
            "a check that found nobody supports nothing"
        );
        let fresher = c(vec![evidence(EvidenceKind::Interview, Some("2026-11-01"))]);
        let staler = c(vec![evidence(EvidenceKind::Interview, Some("2025-01-01"))]);
        assert!(
            fresher > staler,
            "recent evidence counts more: {fresher} vs {staler}"
        );
    }

    #[test]
    fn problems_name_what_makes_a_guess() {
        let t = Thresholds::DEFAULT;
        let today = day(TODAY);
        let mut p = persona(vec![]);
        p.rules = None;
        p.last_reviewed = None;
        assert_eq!(
            problems(&p, &t, today),
            [
                HealthProblem::NoEvidence,
                HealthProblem::Stale,
                HealthProblem::NoRules
            ]
        );
        p.evidence = vec![evidence(EvidenceKind::Assumption, None)];
        p.last_reviewed = Some(day("2025-12-01"));
        p.rules = Some("  ".to_owned());
        assert_eq!(
            problems(&p, &t, today),
            [
                HealthProblem::AssumptionsOnly,
                HealthProblem::Stale,
                HealthProblem::NoRules
            ],
            "366 days is stale after 365; blank rules are no rules"
        );
        p.last_reviewed = Some(day("2025-12-02"));
        p.rules = Some("age < 30".to_owned());
        let mut check = evidence(EvidenceKind::Crm, Some("2026-11-01"));
        check.records = Some(0);
        let mut older = evidence(EvidenceKind::Crm, Some("2026-01-01"));
        older.records = Some(120);
        p.evidence = vec![check.clone(), older.clone()];
        assert_eq!(
            problems(&p, &t, today),
            [HealthProblem::UnsupportedByData],
            "365 days is still fresh; the latest check found nobody"
        );
        p.evidence = vec![older, {
            let mut newer = check;
            newer.records = Some(3);
            newer
        }];
        assert!(
            problems(&p, &t, today).is_empty(),
            "the latest check found people"
        );
    }

    #[test]
    fn the_why_reads_as_a_sentence() {
        let t = Thresholds::DEFAULT;
        let mut p = persona(vec![]);
        p.name = "Ops Olivia".to_owned();
        p.last_reviewed = Some(day("2025-10-28"));
        p.rules = None;
        let (found, _) = assess(
            &Project {
                personas: vec![p],
                ..Project::default()
            },
            &t,
            day(TODAY),
        );
        assert_eq!(
            found.first().map(|h| h.why.as_str()),
            Some(
                "Ops Olivia rests on no evidence at all, was last reviewed 400 days ago \
                 (stale after 365) and has no rules to test it against customer records; \
                 confidence 0.00."
            )
        );
    }
}
