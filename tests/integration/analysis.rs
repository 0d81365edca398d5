//! The analysis engine on small hand-written portfolios whose findings are
//! worked out by hand (the arithmetic stands next to each assert), on random
//! portfolios for the invariants, on the demo (snapshots of every report), and
//! through the command-line tool. Several tests pin that findings do not
//! depend on the order of the project's lists.

use std::collections::BTreeMap;

use persona_atlas::analysis::report::{Style, render};
use persona_atlas::analysis::{self, Analysis, Overlap, Underserved, UnitFinding, similarity};
use persona_atlas::model::{Persona, Project, Thresholds, Unit};
use persona_atlas::{api, demo, interchange};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::*;

// Helpers.

/// An interchange document named `name` holding the top-level `lists`.
fn doc(name: &str, lists: Value) -> Value {
    let mut out = json!({ "format": "persona-atlas", "version": 1, "project": { "name": name } });
    for (key, value) in lists
        .as_object()
        .expect("the lists of a fixture are an object")
    {
        out[key] = value.clone();
    }
    out
}

/// Reads a fixture, which must be a valid project.
fn read(doc: &Value) -> Project {
    let text = serde_json::to_string(doc).expect("a JSON value always serialises");
    interchange::read(&text, "fixture.json")
        .unwrap_or_else(|e| panic!("a fixture must be a valid project: {e}"))
}

/// The findings on a fixture, with the thresholds stored in it.
fn analyse(doc: &Value) -> Analysis {
    let project = read(doc);
    analysis::analyze(&project, &project.thresholds, today())
}

/// The findings on a fixture with some thresholds changed from the defaults.
fn analyse_with(doc: &Value, changes: &[(&str, f64)]) -> Analysis {
    analysis::analyze(&read(doc), &thresholds(changes), today())
}

/// The default thresholds with `changes` applied.
fn thresholds(changes: &[(&str, f64)]) -> Thresholds {
    let mut t = Thresholds::DEFAULT;
    for &(name, value) in changes {
        let value = Unit::new(value).expect("a threshold in a test is from 0 to 1");
        assert!(t.set(name, value), "{name} must be a threshold");
    }
    t
}

/// The findings as the JSON `analyze --format json` writes.
fn json_of(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("the findings always serialise")
}

/// Asserts two numbers are equal up to rounding.
fn assert_close(actual: f64, expected: f64, why: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{why}: got {actual}, expected {expected}"
    );
}

/// Ids as plain strings, to compare with literals.
fn ids<T: AsRef<str>>(items: &[T]) -> Vec<&str> {
    items.iter().map(AsRef::as_ref).collect()
}

fn underserved<'a>(a: &'a Analysis, persona: &str) -> Option<&'a Underserved> {
    a.underserved.iter().find(|u| u.persona.as_str() == persona)
}

fn unit<'a>(a: &'a Analysis, id: &str) -> &'a UnitFinding {
    a.buying_units
        .iter()
        .find(|u| u.unit.as_str() == id)
        .unwrap_or_else(|| panic!("every buying unit gets a finding; {id} has none"))
}

fn pairs(a: &Analysis) -> Vec<[&str; 2]> {
    a.overlaps
        .iter()
        .map(|o| [o.personas[0].as_str(), o.personas[1].as_str()])
        .collect()
}

fn persona<'a>(project: &'a Project, id: &str) -> &'a Persona {
    project
        .personas
        .iter()
        .find(|p| p.id.as_str() == id)
        .unwrap_or_else(|| panic!("the fixture has a persona {id}"))
}

/// A fixed shuffle of a list: the items at odd positions, then those at even
/// positions, each half backwards. Every list of two or more items moves.
fn shuffled(items: &[Value]) -> Vec<Value> {
    let odd = items.iter().skip(1).step_by(2).rev();
    let even = items.iter().step_by(2).rev();
    odd.chain(even).cloned().collect()
}

/// `doc` with every top-level list but `keep` shuffled by [`shuffled`].
fn permuted(doc: &Value, keep: &[&str]) -> Value {
    let mut out = doc.clone();
    for (key, value) in out.as_object_mut().expect("a document is an object") {
        if let (Value::Array(items), false) = (&mut *value, keep.contains(&key.as_str())) {
            *items = shuffled(items);
        }
    }
    out
}

// Fixtures. Each is small enough to work out by hand; names are short so the
// `why` sentences are easy to read in the asserts.

/// Service levels. Our best score per need: A 0.9 (Finder; Mover 0.6),
/// B 0.4 (Finder), C 0.8 (Mover), D 0 (no product). Rivalco: B 0.85, D 0.3.
fn service_portfolio() -> Value {
    doc(
        "Service",
        json!({
            "needs": [
                { "id": "need-a", "name": "Fast search" },
                { "id": "need-b", "name": "Audit trail" },
                { "id": "need-c", "name": "Bulk export" },
                { "id": "need-d", "name": "Data residency" }
            ],
            "products": [
                { "id": "prod-one", "name": "Finder", "addresses": [
                    { "need": "need-a", "score": 0.9 }, { "need": "need-b", "score": 0.4 }
                ] },
                { "id": "prod-two", "name": "Mover", "addresses": [
                    { "need": "need-a", "score": 0.6 }, { "need": "need-c", "score": 0.8 }
                ] }
            ],
            "competitors": [
                { "id": "comp-rival", "name": "Rivalco", "addresses": [
                    { "need": "need-b", "score": 0.85 }, { "need": "need-d", "score": 0.3 }
                ] }
            ],
            "personas": [
                { "id": "p-gap", "name": "Gabi", "needs": [
                    { "need": "need-a", "importance": 1 },
                    { "need": "need-c", "importance": 1 },
                    { "need": "need-b", "importance": 0.8 }
                ] },
                { "id": "p-low", "name": "Lou", "needs": [
                    { "need": "need-a", "importance": 0.5 },
                    { "need": "need-d", "importance": 1 },
                    { "need": "need-b", "importance": 0.75 }
                ] },
                { "id": "p-meh", "name": "Mel", "needs": [
                    { "need": "need-b", "importance": 0.6 },
                    { "need": "need-c", "importance": 0.4 }
                ] },
                { "id": "p-fine", "name": "Finn", "needs": [
                    { "need": "need-a", "importance": 0.6 },
                    { "need": "need-b", "importance": 0.6 }
                ] },
                { "id": "p-empty", "name": "Emma" },
                { "id": "p-zero", "name": "Zed", "needs": [{ "need": "need-d", "importance": 0 }] }
            ]
        }),
    )
}

/// Overlaps. Ann and Bea are one person written twice; Cat is Ann with
/// another buying role; Dan shares everything with Ann but no need; Eve and
/// Fay share a need, a role and two of three title words. Importances are
/// dyadic so that sums are exact in any order.
fn overlap_portfolio() -> Value {
    let planner = |id: &str, name: &str, role: &str, needs: Value| {
        json!({
            "id": id, "name": name, "buying_role": role,
            "market_segment": "ms-fleet", "customer_segment": "cs-careful",
            "title": "Warehouse planner", "goals": ["Faster picking"],
            "needs": needs
        })
    };
    let full = |second: f64| {
        json!([
            { "need": "need-route", "importance": 1 },
            { "need": "need-track", "importance": second },
            { "need": "need-proof", "importance": 0.5 }
        ])
    };
    doc(
        "Overlaps",
        json!({
            "market_segments": [{ "id": "ms-fleet", "name": "Fleet operators" }],
            "customer_segments": [{ "id": "cs-careful", "name": "Careful buyers" }],
            "buying_roles": [
                { "id": "role-user", "name": "Daily user" },
                { "id": "role-buyer", "name": "Economic buyer", "decides": true }
            ],
            "needs": [
                { "id": "need-route", "name": "Route planning" },
                { "id": "need-track", "name": "Live tracking" },
                { "id": "need-proof", "name": "Proof of delivery" },
                { "id": "need-fuel", "name": "Fuel cards" }
            ],
            "personas": [
                planner("p-bea", "Bea", "role-user", full(0.5)),
                planner("p-ann", "Ann", "role-user", full(0.75)),
                planner("p-cat", "Cat", "role-buyer", full(0.75)),
                planner("p-dan", "Dan", "role-user", json!([{ "need": "need-fuel", "importance": 1 }])),
                {
                    "id": "p-eve", "name": "Eve", "buying_role": "role-user",
                    "title": "The night shift supervisor",
                    "needs": [{ "need": "need-route", "importance": 1 }]
                },
                {
                    "id": "p-fay", "name": "Fay", "buying_role": "role-user",
                    "title": "Day shift supervisor",
                    "needs": [{ "need": "need-route", "importance": 1 }]
                }
            ]
        }),
    )
}

/// Golden personas. Yara (Alpha team), Yusra and Yvonne (Beta team) are one
/// person; Zora and Zeno are one person both written by the Alpha team.
/// Everyone has the same title, segment and needs, so within a buying role
/// every pair is 0.45 + 0.15 + 0.20 + 0.10 = 0.90 alike.
fn golden_portfolio() -> Value {
    let fleet = |id: &str, name: &str, role: &str, team: &str, extra: Value| {
        let mut p = json!({
            "id": id, "name": name, "buying_role": role, "market_segment": "ms-one",
            "title": "Fleet manager",
            "needs": [
                { "need": "need-forecast", "importance": 1 },
                { "need": "need-report", "importance": 0.5 }
            ],
            "products": [{ "product": team, "relation": "owned_by" }]
        });
        for (key, value) in extra.as_object().expect("extra fields are an object") {
            p[key] = value.clone();
        }
        p
    };
    doc(
        "Golden",
        json!({
            "market_segments": [{ "id": "ms-one", "name": "Mid-market" }],
            "buying_roles": [
                { "id": "role-planner", "name": "Planner" },
                { "id": "role-approver", "name": "Approver" }
            ],
            "needs": [
                { "id": "need-forecast", "name": "Forecasts" },
                { "id": "need-report", "name": "Reports" }
            ],
            "products": [
                { "id": "prod-alpha", "name": "Alpha" },
                { "id": "prod-beta", "name": "Beta" }
            ],
            "personas": [
                fleet("p-y1", "Yara", "role-planner", "prod-alpha", json!({
                    "priority": 3, "status": "validated",
                    "evidence": [{ "kind": "interview" }, { "kind": "survey" }, { "kind": "crm" }]
                })),
                fleet("p-y2", "Yusra", "role-planner", "prod-beta", json!({
                    "priority": 3, "status": "detailed"
                })),
                fleet("p-y3", "Yvonne", "role-planner", "prod-beta", json!({
                    "priority": 3, "status": "detailed",
                    "evidence": [{ "kind": "interview" }, { "kind": "workshop" }]
                })),
                fleet("p-z1", "Zora", "role-approver", "prod-alpha", json!({})),
                fleet("p-z2", "Zeno", "role-approver", "prod-alpha", json!({}))
            ],
            "buying_units": [{
                "id": "bu-deal", "name": "Fleet deal",
                "members": [{ "persona": "p-y1" }, { "persona": "p-z1" }]
            }]
        }),
    )
}

/// Personas and the products they are tied to.
fn multi_product_portfolio() -> Value {
    let tie = |product: &str, relation: &str| json!({ "product": product, "relation": relation });
    doc(
        "Multi-product",
        json!({
            "products": [
                { "id": "prod-a", "name": "Atlas" },
                { "id": "prod-b", "name": "Beacon" },
                { "id": "prod-c", "name": "Cobalt" }
            ],
            "personas": [
                { "id": "p-mia", "name": "Mia", "priority": 2,
                  "products": [tie("prod-b", "evaluates"), tie("prod-a", "uses")] },
                { "id": "p-theo", "name": "Theo", "priority": 1,
                  "products": [tie("prod-c", "owned_by"), tie("prod-a", "targets"), tie("prod-b", "uses")] },
                { "id": "p-sid", "name": "Sid", "priority": 5,
                  "products": [tie("prod-a", "owned_by"), tie("prod-a", "uses")] },
                { "id": "p-nia", "name": "Nia" },
                { "id": "p-pia", "name": "Pia", "priority": 5,
                  "products": [tie("prod-a", "owned_by"), tie("prod-c", "targets")] }
            ]
        }),
    )
}

/// Buying units. Roles: Economic buyer (required, decides), Technical
/// evaluator and Procurement (required), Daily user and Champion. Influence:
/// Uma → Tess → Bo, Pat → Bo, Uma → Cam → Pat; Lee is linked to nobody.
fn buying_portfolio() -> Value {
    let member = |persona: &str| json!({ "persona": persona });
    let playing = |persona: &str, role: &str| json!({ "persona": persona, "role": role });
    let link = |from: &str, to: &str, kind: &str| json!({ "from": from, "to": to, "kind": kind });
    doc(
        "Buying units",
        json!({
            "buying_roles": [
                { "id": "role-buyer", "name": "Economic buyer", "required": true, "decides": true },
                { "id": "role-champ", "name": "Champion" },
                { "id": "role-proc", "name": "Procurement", "required": true },
                { "id": "role-tech", "name": "Technical evaluator", "required": true },
                { "id": "role-user", "name": "Daily user" }
            ],
            "personas": [
                { "id": "p-boss", "name": "Bo", "buying_role": "role-buyer" },
                { "id": "p-tech", "name": "Tess", "buying_role": "role-tech" },
                { "id": "p-proc", "name": "Pat", "buying_role": "role-proc" },
                { "id": "p-user", "name": "Uma", "buying_role": "role-user" },
                { "id": "p-champ", "name": "Cam", "buying_role": "role-champ" },
                { "id": "p-lone", "name": "Lee", "buying_role": "role-user" }
            ],
            "relationships": [
                link("p-user", "p-tech", "influences"),
                link("p-tech", "p-boss", "recommends"),
                link("p-proc", "p-boss", "reports_to"),
                link("p-user", "p-champ", "collaborates"),
                link("p-champ", "p-proc", "influences")
            ],
            "buying_units": [
                { "id": "bu-full", "name": "Full deal", "members": [
                    member("p-user"), member("p-boss"), member("p-tech"), member("p-champ"), member("p-proc")
                ] },
                { "id": "bu-cut", "name": "Cut-off deal", "members": [
                    member("p-boss"), member("p-tech"), member("p-proc"), member("p-lone")
                ] },
                { "id": "bu-override", "name": "Override deal", "members": [
                    playing("p-boss", "role-user"), member("p-tech"), playing("p-user", "role-proc")
                ] },
                { "id": "bu-alone", "name": "Lonely deal", "members": [member("p-user")] }
            ]
        }),
    )
}

/// Gaps. Our best: OK 0.5 (met, just), Weak 0.3, None and Orphan nothing,
/// Extra 0.8. Bigco: Weak 0.9, None 0.4, OK 0.5, Extra 0.7.
fn gaps_portfolio() -> Value {
    doc(
        "Gaps",
        json!({
            "market_segments": [
                { "id": "ms-used", "name": "Used" },
                { "id": "ms-quiet", "name": "Quiet", "priority": 2 },
                { "id": "ms-loud", "name": "Loud", "priority": 5 },
                { "id": "ms-deal", "name": "Deal only" }
            ],
            "customer_segments": [
                { "id": "cs-used", "name": "Used mindset" },
                { "id": "cs-empty", "name": "Empty mindset" }
            ],
            "needs": [
                { "id": "need-ok", "name": "OK" },
                { "id": "need-weak", "name": "Weak" },
                { "id": "need-none", "name": "None" },
                { "id": "need-orphan", "name": "Orphan" },
                { "id": "need-x", "name": "Extra" }
            ],
            "products": [
                { "id": "prod-used", "name": "Workhorse", "addresses": [
                    { "need": "need-ok", "score": 0.5 }, { "need": "need-weak", "score": 0.3 }
                ] },
                { "id": "prod-idle", "name": "Idler", "addresses": [{ "need": "need-x", "score": 0.8 }] }
            ],
            "competitors": [
                { "id": "comp-big", "name": "Bigco", "addresses": [
                    { "need": "need-weak", "score": 0.9 },
                    { "need": "need-none", "score": 0.4 },
                    { "need": "need-ok", "score": 0.5 },
                    { "need": "need-x", "score": 0.7 }
                ] }
            ],
            "personas": [
                { "id": "p-a", "name": "Ada", "market_segment": "ms-used", "customer_segment": "cs-used",
                  "products": [{ "product": "prod-used", "relation": "uses" }],
                  "needs": [
                      { "need": "need-none", "importance": 1 },
                      { "need": "need-weak", "importance": 0.4 },
                      { "need": "need-ok", "importance": 0.9 }
                  ] },
                { "id": "p-b", "name": "Ben", "priority": 2,
                  "needs": [{ "need": "need-none", "importance": 0.5 }] },
                { "id": "p-c", "name": "Cy", "priority": 4 }
            ],
            "buying_units": [{
                "id": "bu-d", "name": "Deal", "product": "prod-idle", "market_segment": "ms-deal",
                "members": [{ "persona": "p-a" }]
            }]
        }),
    )
}

// 1. Underserved personas.

#[test]
fn underserved_lists_low_service_and_unmet_important_needs_lowest_first() {
    let a = analyse(&service_portfolio());
    assert_eq!(
        ids(&a
            .underserved
            .iter()
            .map(|u| u.persona.clone())
            .collect::<Vec<_>>()),
        ["p-low", "p-meh", "p-gap"],
        "Lou (0.33) and Mel (0.56) are below 0.6 and Gabi (0.72) has an unmet important need; \
         the lowest service comes first"
    );
    let level = |id| underserved(&a, id).map(|u| u.service_level);
    // Lou: (0.5×0.9 + 1×0 + 0.75×0.4) / (0.5 + 1 + 0.75) = 0.75 / 2.25.
    assert_close(
        level("p-low").unwrap_or(f64::NAN),
        0.75 / 2.25,
        "service is Σ importance × best score / Σ importance",
    );
    // Mel: (0.6×0.4 + 0.4×0.8) / (0.6 + 0.4) = 0.56 / 1.0.
    assert_close(
        level("p-meh").unwrap_or(f64::NAN),
        0.56,
        "Mel's service counts only her own needs",
    );
    // Gabi: (1×0.9 + 1×0.8 + 0.8×0.4) / (1 + 1 + 0.8) = 2.02 / 2.8.
    assert_close(
        level("p-gap").unwrap_or(f64::NAN),
        2.02 / 2.8,
        "Gabi is above the line and listed for her unmet need, with her real service level",
    );
}

#[test]
fn underserved_names_unmet_important_needs_most_important_first_and_the_better_rival() {
    let a = analyse(&service_portfolio());
    let lou = underserved(&a, "p-low").expect("Lou is underserved");
    assert_eq!(
        ids(&lou.unmet_needs),
        ["need-d", "need-b"],
        "Data residency (importance 1, best 0) and Audit trail (0.75, best 0.4) are important \
         (≥ 0.7) and unmet (< 0.5), the more important first; Fast search is met (0.9)"
    );
    assert_eq!(
        lou.why,
        "Our best products meet 33% of what matters to Lou. Nothing we sell meets \u{201c}Data \
         residency\u{201d} (importance 1.00; our best scores 0.00 of 1) and \u{201c}Audit \
         trail\u{201d} (importance 0.75; our best scores 0.40 of 1) well enough. The competitor \
         Rivalco meets \u{201c}Audit trail\u{201d} at 0.85 of 1.",
        "the why gives the share (0.75 / 2.25 = 33%), the unmet needs, and the rival that meets \
         one of them: not on Data residency, where Rivalco's 0.3 does not meet it either"
    );

    let gabi = underserved(&a, "p-gap").expect("Gabi is listed for an unmet important need");
    assert_eq!(
        ids(&gabi.unmet_needs),
        ["need-b"],
        "Audit trail matters 0.8 to Gabi (≥ 0.7) and our best is 0.4 (< 0.5)"
    );
    assert!(
        gabi.why.contains("72%")
            && gabi
                .why
                .ends_with(" Rivalco meets \u{201c}Audit trail\u{201d} at 0.85 of 1."),
        "Gabi's why states 2.02 / 2.8 = 72% and names Rivalco, which meets Audit trail \
         better than we do: {}",
        gabi.why
    );
}

#[test]
fn personas_without_needs_or_with_only_minor_gaps_are_not_underserved() {
    let a = analyse(&service_portfolio());
    for (id, why) in [
        (
            "p-fine",
            "Finn is served (0.6×0.9 + 0.6×0.4) / 1.2 = 0.65 ≥ 0.6 and Audit trail matters only 0.6 to him",
        ),
        ("p-empty", "a persona with no needs has no service level"),
        (
            "p-zero",
            "a persona whose only need has importance 0 has no service level",
        ),
    ] {
        assert!(underserved(&a, id).is_none(), "{why}");
    }
    let mel = underserved(&a, "p-meh").expect("Mel is below the line");
    assert!(
        mel.unmet_needs.is_empty(),
        "Mel's Audit trail gap matters 0.6 < 0.7: low service, but no important unmet need"
    );
    assert_eq!(
        mel.why, "Our best products meet 56% of what matters to Mel.",
        "with no unmet important need the why says only the share"
    );
}

#[test]
fn underserved_thresholds_move_the_line() {
    let doc = service_portfolio();
    let a = analyse_with(&doc, &[("underserved_below", 0.7)]);
    assert_eq!(
        ids(&a
            .underserved
            .iter()
            .map(|u| u.persona.clone())
            .collect::<Vec<_>>()),
        ["p-low", "p-meh", "p-fine", "p-gap"],
        "below 0.7 Finn (0.65) is underserved too, between Mel (0.56) and Gabi (0.72)"
    );

    let a = analyse_with(&doc, &[("important_need", 0.6)]);
    let finn = underserved(&a, "p-fine").expect("Audit trail at 0.6 is now an important need");
    assert_eq!(
        ids(&finn.unmet_needs),
        ["need-b"],
        "importance 0.6 ≥ 0.6 and our best 0.4 < 0.5"
    );

    let a = analyse_with(&doc, &[("met_at", 0.35)]);
    assert!(
        underserved(&a, "p-gap").is_none(),
        "when a score of 0.35 meets a need, Finder's 0.4 meets Audit trail and Gabi (0.72) is fine"
    );
}

// 2. Overlaps.

#[test]
fn a_clear_duplicate_pair_overlaps_with_the_documented_similarity() {
    let a = analyse(&overlap_portfolio());
    assert_eq!(
        pairs(&a),
        [["p-ann", "p-bea"], ["p-eve", "p-fay"]],
        "Ann/Bea (0.95) and Eve/Fay (0.725) reach 0.7, the more similar first, each pair in id order"
    );
    // Ann/Bea: needs Σ min / Σ max = (1 + 0.5 + 0.5) / (1 + 0.75 + 0.5) = 2 / 2.25;
    // words {warehouse, planner, faster, picking} on both: 1; same role,
    // market and customer segment.
    assert_close(
        a.overlaps[0].similarity,
        0.45 * (2.0 / 2.25) + 0.15 * 1.0 + 0.20 + 0.10 + 0.10,
        "the similarity is the documented weighted sum",
    );
    // Eve/Fay: needs 1 / 1; words {night, shift, supervisor} and {day, shift,
    // supervisor} ("the" is a stopword): 2 / 4; same role, no segments.
    assert_close(
        a.overlaps[1].similarity,
        0.45 * 1.0 + 0.15 * 0.5 + 0.20,
        "title words count by Jaccard index, stopwords left out",
    );
    let project = read(&overlap_portfolio());
    for o in &a.overlaps {
        let (x, y) = (
            persona(&project, o.personas[0].as_str()),
            persona(&project, o.personas[1].as_str()),
        );
        assert_close(
            o.similarity,
            similarity(x, y),
            "the search reports what the public similarity function says",
        );
    }
}

#[test]
fn different_buying_roles_or_no_shared_need_never_overlap() {
    let doc = overlap_portfolio();
    let project = read(&doc);
    let s = |x: &str, y: &str| similarity(persona(&project, x), persona(&project, y));
    // Ann/Cat: needs 1, words 1, different role, same segments:
    // 0.45 + 0.15 + 0 + 0.10 + 0.10 = 0.80.
    assert_close(
        s("p-ann", "p-cat"),
        0.80,
        "Ann and Cat are alike in all but role",
    );
    // Ann/Dan: no shared need: 0 + 0.15 + 0.20 + 0.10 + 0.10 = 0.55.
    assert_close(
        s("p-ann", "p-dan"),
        0.55,
        "Ann and Dan are alike in all but needs",
    );
    let a = analyse_with(&doc, &[("overlap_at", 0.5)]);
    for pair in pairs(&a) {
        assert!(
            !pair.contains(&"p-cat"),
            "Cat (0.80 like Ann) has another buying role: in a deal they are two people, {pair:?}"
        );
        assert!(
            !pair.contains(&"p-dan"),
            "Dan (0.55 ≥ 0.5 like Ann) shares no need with anyone: never one person, {pair:?}"
        );
    }
    assert_eq!(
        pairs(&a),
        [["p-ann", "p-bea"], ["p-eve", "p-fay"]],
        "at 0.5 nothing else qualifies: Bea/Eve, the next best, is 0.45 × 1/2 + 0.20 = 0.425"
    );
}

#[test]
fn shared_names_the_shared_needs_role_and_segments() {
    let a = analyse(&overlap_portfolio());
    assert_eq!(
        a.overlaps[0].shared,
        [
            "Proof of delivery",
            "Route planning",
            "Live tracking",
            "role: Daily user",
            "market segment: Fleet operators",
            "customer segment: Careful buyers"
        ],
        "Ann and Bea share three needs (in id order, whatever order either lists them in), the \
         role and both segments"
    );
    assert_eq!(
        a.overlaps[0].why,
        "Ann and Bea look like one person written twice: they share all 3 needs, the \u{201c}Daily \
         user\u{201d} role, the \u{201c}Fleet operators\u{201d} segment and the \u{201c}Careful \
         buyers\u{201d} mindset.",
        "the why says what makes them one person"
    );
    assert_eq!(
        a.overlaps[1].shared,
        ["Route planning", "role: Daily user"],
        "Eve and Fay share one need and the role, and have no segments"
    );
}

#[test]
fn the_overlap_threshold_changes_the_result() {
    let mut doc = overlap_portfolio();
    assert_eq!(
        pairs(&analyse_with(&doc, &[("overlap_at", 0.8)])),
        [["p-ann", "p-bea"]],
        "at 0.8 Eve/Fay (0.725) drops out and Ann/Bea (0.95) stays"
    );
    assert!(
        analyse_with(&doc, &[("overlap_at", 0.97)])
            .overlaps
            .is_empty(),
        "at 0.97 even Ann/Bea (0.95) is two people"
    );
    doc["thresholds"] = json!({ "overlap_at": 0.97 });
    let a = analyse(&doc);
    assert!(
        a.overlaps.is_empty() && a.thresholds.overlap_at.get() == 0.97,
        "thresholds stored in the project are the ones the analysis judges by"
    );
}

// 3. Golden personas.

#[test]
fn a_group_written_by_two_teams_is_golden_with_the_best_documented_representative() {
    let a = analyse(&golden_portfolio());
    assert_eq!(
        a.golden.len(),
        1,
        "only the Y group is written by two teams (Alpha and Beta): {:?}",
        a.golden
    );
    let g = &a.golden[0];
    assert_eq!(
        g.persona.as_str(),
        "p-y3",
        "all have priority 3; Yusra and Yvonne are detailed (above Yara's validated, whatever \
         her 3 pieces of evidence), and Yvonne has more evidence (2) than Yusra (0)"
    );
    assert_eq!(
        ids(&g.duplicates),
        ["p-y1", "p-y2"],
        "the others of the group, in id order"
    );
    assert_eq!(
        ids(&g.products),
        ["prod-alpha", "prod-beta"],
        "the products the group touches"
    );
    // Reach: 2 teams + 2 products + 1 market segment + 1 buying unit = 6;
    // mean priority (3 + 3 + 3) / 3 = 3; score 6 × 3 / 5.
    assert_close(
        g.score,
        6.0 * 3.0 / 5.0,
        "the score is reach × mean priority / 5",
    );
    assert_eq!(
        g.why,
        "Yvonne (Beta team) is written again as Yara (Alpha team) and Yusra (Beta team). Together \
         they share both needs and appear in 2 products, 1 market segment and 1 buying unit.",
        "the why names each copy with the team that wrote it"
    );
}

#[test]
fn priority_comes_before_status_and_evidence_for_the_representative() {
    let mut doc = golden_portfolio();
    doc["personas"][0]["priority"] = json!(5);
    let a = analyse(&doc);
    let g = a.golden.first().expect("the Y group is still golden");
    assert_eq!(
        g.persona.as_str(),
        "p-y1",
        "Yara now has priority 5, above everyone's 3: priority decides before status"
    );
    assert_eq!(
        ids(&g.duplicates),
        ["p-y2", "p-y3"],
        "the duplicates are the rest"
    );
    // Mean priority (5 + 3 + 3) / 3 = 11/3; score 6 × 11/3 / 5 = 4.4.
    assert_close(
        g.score,
        6.0 * (11.0 / 3.0) / 5.0,
        "the score follows the mean priority",
    );
}

#[test]
fn a_duplicate_pair_written_by_one_team_overlaps_but_is_not_golden() {
    let a = analyse(&golden_portfolio());
    assert!(
        pairs(&a).contains(&["p-z1", "p-z2"]),
        "Zora and Zeno are 0.90 alike: an overlap, {:?}",
        pairs(&a)
    );
    assert!(
        a.golden
            .iter()
            .all(|g| !["p-z1", "p-z2"].contains(&g.persona.as_str())),
        "both were written by the Alpha team: a team repeating itself is not a golden persona"
    );
}

// 4. Multi-product personas.

#[test]
fn personas_tied_to_several_products_are_cross_sell_paths() {
    let a = analyse(&multi_product_portfolio());
    let listed: Vec<(&str, Vec<&str>)> = a
        .multi_product
        .iter()
        .map(|m| (m.persona.as_str(), ids(&m.products)))
        .collect();
    assert_eq!(
        listed,
        [
            ("p-theo", vec!["prod-c", "prod-a", "prod-b"]),
            ("p-pia", vec!["prod-a", "prod-c"]),
            ("p-mia", vec!["prod-b", "prod-a"]),
        ],
        "Theo (3 products) first, then Pia (2, priority 5) before Mia (2, priority 2); products \
         in the order the persona lists them; Sid (one product, two ties) and Nia (none) are not \
         cross-sell paths"
    );
    assert_eq!(
        a.multi_product[2].why,
        "Mia is drawn to 2 products: Beacon (under evaluation) and Atlas (in use). A cross-sell \
         path.",
        "the why says how the persona is tied to each product"
    );
}

// 5. Buying units.

#[test]
fn buying_units_are_complete_when_every_required_role_is_played() {
    let a = analyse(&buying_portfolio());
    let order: Vec<(&str, bool, Vec<&str>)> = a
        .buying_units
        .iter()
        .map(|u| (u.unit.as_str(), u.complete, ids(&u.missing_roles)))
        .collect();
    assert_eq!(
        order,
        [
            (
                "bu-alone",
                false,
                vec!["role-buyer", "role-proc", "role-tech"]
            ),
            ("bu-override", false, vec!["role-buyer"]),
            ("bu-cut", true, vec![]),
            ("bu-full", true, vec![]),
        ],
        "the unit missing most required roles first, then the others; complete units in id \
         order; missing roles in id order"
    );
    assert_eq!(
        unit(&a, "bu-alone").why,
        "\u{201c}Lonely deal\u{201d} cannot close \u{2014} nobody in it plays the required roles \
         Economic buyer, Procurement and Technical evaluator. Nobody in it makes the final \
         decision. Uma is linked to nobody else in the unit.",
        "the why says what is missing, who decides and who is cut off"
    );
}

#[test]
fn a_member_role_counts_instead_of_the_persona_role() {
    let a = analyse(&buying_portfolio());
    let u = unit(&a, "bu-override");
    assert_eq!(
        ids(&u.missing_roles),
        ["role-buyer"],
        "Uma plays Procurement in this unit, so it is not missing; Bo plays Daily user here, so \
         the Economic buyer is"
    );
    assert!(
        u.decision_makers.is_empty() && u.influence_paths.is_empty(),
        "Bo does not decide in a unit where he plays Daily user; with nobody deciding there \
         is no path to a decision: {u:?}"
    );
    assert_eq!(
        u.why,
        "\u{201c}Override deal\u{201d} cannot close \u{2014} nobody in it plays the required role \
         Economic buyer. Nobody in it makes the final decision.",
        "one missing role reads in the singular"
    );
}

#[test]
fn decision_makers_unlinked_members_and_influence_paths() {
    let a = analyse(&buying_portfolio());
    let full = unit(&a, "bu-full");
    assert_eq!(
        ids(&full.decision_makers),
        ["p-boss"],
        "Bo is the Economic buyer, the role that decides"
    );
    assert!(
        full.unlinked_members.is_empty(),
        "every member of the full deal has a relationship with another member"
    );
    let paths: Vec<Vec<&str>> = full.influence_paths.iter().map(|p| ids(p)).collect();
    assert_eq!(
        paths,
        [
            vec!["p-champ", "p-proc", "p-boss"],
            vec!["p-proc", "p-boss"],
            vec!["p-tech", "p-boss"],
            vec!["p-user", "p-tech", "p-boss"],
        ],
        "one path per member who does not decide, in id order, along the relationships' \
         direction; Uma reaches Bo in two steps through Tess, not three through Cam and Pat"
    );

    let cut = unit(&a, "bu-cut");
    assert_eq!(
        ids(&cut.unlinked_members),
        ["p-lone"],
        "Lee has no relationship with any member"
    );
    let paths: Vec<Vec<&str>> = cut.influence_paths.iter().map(|p| ids(p)).collect();
    assert_eq!(
        paths,
        [vec!["p-proc", "p-boss"], vec!["p-tech", "p-boss"]],
        "Lee has no path to Bo, so none is listed"
    );
    assert!(
        cut.complete
            && cut.why.contains("can close")
            && cut.why.contains(" Bo decides.")
            && cut
                .why
                .contains(" No chain of influence leads from Lee to the decision.")
            && cut
                .why
                .ends_with(" Lee is linked to nobody else in the unit."),
        "the why of a complete unit says who decides and who is cut off: {}",
        cut.why
    );
}

// 6. Gaps and value gaps.

#[test]
fn gaps_list_unmet_needs_lonely_segments_and_untied_products_and_personas() {
    let g = analyse(&gaps_portfolio()).gaps;
    assert_eq!(
        ids(&g.needs_unaddressed),
        ["need-none", "need-weak", "need-orphan"],
        "None (nothing addresses it), Weak (0.3 < 0.5) and Orphan (nothing, nobody needs it) \
         are unaddressed, most wanted first (demand 1 + 0.5, 0.4, 0); OK at exactly 0.5 is met"
    );
    assert_eq!(
        ids(&g.segments_without_personas),
        ["ms-loud", "ms-quiet", "ms-deal", "cs-empty"],
        "market segments with no persona by priority (5, 2, unset), a buying unit does not \
         count as a persona, then customer segments"
    );
    assert_eq!(
        ids(&g.products_without_personas),
        ["prod-idle"],
        "Idler is bought by a unit but no persona is tied to it"
    );
    assert_eq!(
        ids(&g.personas_without_products),
        ["p-c", "p-b"],
        "Cy and Ben are tied to no product, higher priority (4, 2) first"
    );
}

#[test]
fn value_gaps_list_competitors_that_beat_our_best() {
    let a = analyse(&gaps_portfolio());
    let listed: Vec<(&str, Option<&str>, f64, &str, f64)> = a
        .value_gaps
        .iter()
        .map(|v| {
            (
                v.need.as_str(),
                v.product.as_ref().map(|p| p.as_str()),
                v.ours,
                v.competitor.as_str(),
                v.theirs,
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("need-weak", Some("prod-used"), 0.3, "comp-big", 0.9),
            ("need-none", None, 0.0, "comp-big", 0.4),
        ],
        "Bigco beats us on Weak (0.9 − 0.3 = 0.6) and None (0.4 − 0 = 0.4), widest first; a \
         tie (OK, 0.5 each) or a lower score (Extra, 0.7 < 0.8) is no gap"
    );
    assert_eq!(
        a.value_gaps[1].why,
        "Bigco meets \u{201c}None\u{201d} at 0.40 of 1; none of our products addresses it.",
        "the why says when we have nothing at all"
    );
    assert_eq!(
        a.value_gaps[0].why,
        "Bigco meets \u{201c}Weak\u{201d} at 0.90 of 1; our best, Workhorse, at 0.30.",
        "the why names our best product"
    );
}

// 7. Determinism.

fn fixtures() -> Vec<(&'static str, Value)> {
    vec![
        ("service", service_portfolio()),
        ("overlap", overlap_portfolio()),
        ("golden", golden_portfolio()),
        ("multi-product", multi_product_portfolio()),
        ("buying", buying_portfolio()),
        ("gaps", gaps_portfolio()),
    ]
}

#[test]
fn analysing_twice_gives_identical_json() {
    let demo = demo::project().expect("the demo reads");
    let first = json_of(&analysis::analyze(&demo, &demo.thresholds, today()));
    let second = json_of(&analysis::analyze(&demo, &demo.thresholds, today()));
    assert_eq!(
        first, second,
        "the findings on the demo are a function of the project"
    );
    for (name, doc) in fixtures() {
        assert_eq!(
            json_of(&analyse(&doc)),
            json_of(&analyse(&doc)),
            "the findings on the {name} fixture are a function of the project"
        );
    }
}

#[test]
fn the_order_of_entities_in_the_input_does_not_change_the_findings() {
    for (name, doc) in fixtures() {
        // The buying fixture keeps its roles in place: the why of a complete
        // unit lists required roles in input order (pinned by
        // `a_complete_unit_lists_its_required_roles_in_a_fixed_order`).
        // The overlap and golden fixtures keep their needs in place: `shared`
        // lists the shared needs in input order (pinned by
        // `shared_needs_are_listed_the_same_whatever_the_need_order`).
        let keep: &[&str] = match name {
            "buying" => &["buying_roles"],
            "overlap" | "golden" => &["needs"],
            _ => &[],
        };
        assert_eq!(
            json_of(&analyse(&permuted(&doc, keep))),
            json_of(&analyse(&doc)),
            "the {name} fixture with its lists shuffled is the same project and must give the \
             same findings"
        );
    }
}

#[test]
fn a_complete_unit_lists_its_required_roles_in_a_fixed_order() {
    let doc = buying_portfolio();
    let why = |doc: &Value| unit(&analyse(doc), "bu-full").why.clone();
    assert_eq!(
        why(&permuted(&doc, &[])),
        why(&doc),
        "the same unit of the same project must be described the same way, whatever order the \
         roles are listed in (missing roles are already sorted by id)"
    );
}

#[test]
fn shared_needs_are_listed_the_same_whatever_the_need_order() {
    let doc = overlap_portfolio();
    let shared = |doc: &Value| {
        analyse(doc)
            .overlaps
            .first()
            .map(|o| o.shared.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        shared(&permuted(&doc, &[])),
        shared(&doc),
        "the same pair of the same project shares the same things, said in the same order, \
         whatever order the project lists its needs in"
    );
}

/// Ken and Nadia of the demo, reduced to what makes the bug: four shared
/// needs whose Σ min and Σ max round differently in different orders.
fn summation_portfolio(need_order: [&str; 4]) -> Value {
    let person = |id: &str, name: &str, weights: [f64; 4]| {
        json!({
            "id": id, "name": name, "buying_role": "role-sec", "title": "Security architect",
            "needs": [
                { "need": "need-s", "importance": weights[0] },
                { "need": "need-o", "importance": weights[1] },
                { "need": "need-p", "importance": weights[2] },
                { "need": "need-e", "importance": weights[3] }
            ]
        })
    };
    let needs: Vec<Value> = need_order
        .iter()
        .map(|id| json!({ "id": id, "name": id }))
        .collect();
    doc(
        "Summation",
        json!({
            "buying_roles": [{ "id": "role-sec", "name": "Security reviewer" }],
            "needs": needs,
            "personas": [
                person("p-ken", "Ken", [0.95, 0.8, 0.7, 0.6]),
                person("p-nadia", "Nadia", [0.9, 0.85, 0.6, 0.55])
            ]
        }),
    )
}

#[test]
fn an_overlap_similarity_does_not_depend_on_the_order_needs_are_listed() {
    let one = analyse(&summation_portfolio([
        "need-s", "need-o", "need-p", "need-e",
    ]));
    let other = analyse(&summation_portfolio([
        "need-p", "need-s", "need-o", "need-e",
    ]));
    let similarity_of = |a: &Analysis| a.overlaps.first().map(|o| o.similarity);
    assert_eq!(
        similarity_of(&one),
        similarity_of(&other),
        "the same two personas are exactly as similar whatever order the project lists its \
         needs in; the JSON output must not change in the last digit"
    );
}

/// Ties: two products meet Alpha equally; Ona reaches the boss through Two or
/// Three, both one step; Zeta's demand 0.1 + 0.2 + 0.3 equals Alpha's 0.6.
fn ties_portfolio() -> Value {
    let link = |from: &str, to: &str| json!({ "from": from, "to": to, "kind": "influences" });
    let wants = |id: &str, name: &str, need: &str, importance: f64| json!({ "id": id, "name": name, "needs": [{ "need": need, "importance": importance }] });
    doc(
        "Ties",
        json!({
            "buying_roles": [{ "id": "role-boss", "name": "Boss", "required": true, "decides": true }],
            "needs": [{ "id": "need-a", "name": "Alpha" }, { "id": "need-z", "name": "Zeta" }],
            "products": [
                { "id": "prod-x", "name": "Xylo", "addresses": [{ "need": "need-a", "score": 0.3 }] },
                { "id": "prod-y", "name": "Yoyo", "addresses": [{ "need": "need-a", "score": 0.3 }] }
            ],
            "competitors": [
                { "id": "comp-c", "name": "Cee", "addresses": [{ "need": "need-a", "score": 0.9 }] }
            ],
            "personas": [
                wants("p-1", "Ona", "need-z", 0.1),
                wants("p-2", "Two", "need-z", 0.2),
                wants("p-3", "Three", "need-z", 0.3),
                wants("p-4", "Four", "need-a", 0.6),
                { "id": "p-boss", "name": "Boss", "buying_role": "role-boss" }
            ],
            "relationships": [
                link("p-1", "p-2"), link("p-1", "p-3"), link("p-2", "p-boss"), link("p-3", "p-boss")
            ],
            "buying_units": [{ "id": "bu", "name": "Unit", "members": [
                { "persona": "p-1" }, { "persona": "p-2" }, { "persona": "p-3" }, { "persona": "p-boss" }
            ] }]
        }),
    )
}

/// The ties fixture and the same with its products and personas reversed.
fn ties_both_ways() -> (Analysis, Analysis) {
    let doc = ties_portfolio();
    let mut reversed = doc.clone();
    for list in ["products", "personas"] {
        if let Some(items) = reversed[list].as_array_mut() {
            items.reverse();
        }
    }
    (analyse(&doc), analyse(&reversed))
}

#[test]
fn equally_good_products_are_told_apart_by_id() {
    let (one, other) = ties_both_ways();
    assert_eq!(
        one.value_gaps, other.value_gaps,
        "Xylo and Yoyo both score 0.3 on Alpha: which one the value gap names as our best must \
         not depend on which is listed first"
    );
}

#[test]
fn equally_short_influence_paths_are_told_apart_by_id() {
    let (one, other) = ties_both_ways();
    assert_eq!(
        one.buying_units, other.buying_units,
        "Ona reaches the boss through Two or Three in two steps each: the path reported must \
         not depend on which persona is listed first"
    );
}

#[test]
fn equally_wanted_needs_are_told_apart_by_id() {
    let (one, other) = ties_both_ways();
    assert_eq!(
        one.gaps.needs_unaddressed, other.gaps.needs_unaddressed,
        "Alpha and Zeta are wanted equally (0.6 = 0.1 + 0.2 + 0.3): their order must not depend \
         on the order their importances happen to be added in"
    );
}

#[test]
fn a_pair_with_weightless_needs_overlaps_whatever_the_order() {
    let person = |id: &str, name: &str, importance: f64| {
        json!({
            "id": id, "name": name, "title": "Fleet manager", "buying_role": "role-u",
            "market_segment": "ms", "customer_segment": "cs",
            "needs": [{ "need": "need-a", "importance": importance }]
        })
    };
    let doc = doc(
        "Weightless",
        json!({
            "thresholds": { "overlap_at": 0.5 },
            "market_segments": [{ "id": "ms", "name": "Market" }],
            "customer_segments": [{ "id": "cs", "name": "Mindset" }],
            "buying_roles": [{ "id": "role-u", "name": "User" }],
            "needs": [{ "id": "need-a", "name": "Alpha" }],
            "personas": [person("p-1", "One", 0.0), person("p-2", "Two", 0.5)]
        }),
    );
    // Needs 0 / 0.5 = 0, words 1, same role and segments:
    // 0 + 0.15 + 0.20 + 0.10 + 0.10 = 0.55 ≥ 0.5, and they share need-a.
    let project = read(&doc);
    assert_close(
        similarity(&project.personas[0], &project.personas[1]),
        0.55,
        "the pair reaches the threshold",
    );
    assert_eq!(
        pairs(&analyse(&doc)),
        pairs(&analyse(&permuted(&doc, &[]))),
        "the same project must give the same overlaps whatever order the personas are in"
    );
}

#[test]
fn the_demo_gives_the_same_findings_from_its_json_and_from_a_project_file() {
    let dir = scratch();
    let (_, from_file) =
        api::analyze(&demo_file(dir.path()), None, today()).expect("the demo analyses");
    let json = write_file(dir.path(), "portfolio.json", DEMO_JSON);
    let (_, from_json) = api::analyze(&json, None, today()).expect("the demo JSON analyses");
    assert_eq!(
        json_of(&from_json),
        json_of(&from_file),
        "a project file lists entities by id, the shipped JSON does not; the same project must \
         give the same findings"
    );
    let demo: Value = serde_json::from_str(DEMO_JSON).expect("the demo is JSON");
    assert_eq!(
        json_of(&analyse(&permuted(&demo, &[]))),
        json_of(&from_json),
        "shuffling the demo's lists must not change its findings"
    );
}

// 8. Properties on random portfolios.
//
// Six needs, two roles, two segments of each kind, up to three products,
// two competitors and six personas; weights from a few round values, so
// that ties and shared needs are common.

const NEEDS: usize = 6;
const LEVELS: &[f64] = &[0.0, 0.2, 0.25, 0.5, 0.6, 0.75, 0.8, 1.0];
const WORDS: &[&str] = &[
    "fleet", "planner", "finance", "audit", "cloud", "data", "the", "of",
];
const RELATIONS: &[&str] = &["owned_by", "targets", "uses", "evaluates"];

/// A persona before it is written as JSON; segments, role and products by
/// index.
#[derive(Clone, Debug)]
struct Sketch {
    role: Option<usize>,
    market: Option<usize>,
    customer: Option<usize>,
    words: Vec<&'static str>,
    needs: BTreeMap<usize, f64>,
    products: BTreeMap<usize, &'static str>,
}

fn sketch() -> impl Strategy<Value = Sketch> {
    (
        prop::option::of(0..2usize),
        prop::option::of(0..2usize),
        prop::option::of(0..2usize),
        prop::collection::vec(prop::sample::select(WORDS), 0..4),
        prop::collection::btree_map(0..NEEDS, prop::sample::select(LEVELS), 0..4),
        prop::collection::btree_map(0..3usize, prop::sample::select(RELATIONS), 0..3),
    )
        .prop_map(|(role, market, customer, words, needs, products)| Sketch {
            role,
            market,
            customer,
            words,
            needs,
            products,
        })
}

/// A persona with every field the self-similarity property asks for: a
/// role, both segments, a need that weighs something and a word that counts.
fn full_sketch() -> impl Strategy<Value = Sketch> {
    (
        0..2usize,
        0..2usize,
        0..2usize,
        prop::collection::vec(prop::sample::select(&WORDS[..6]), 1..4),
        prop::collection::btree_map(0..NEEDS, prop::sample::select(&LEVELS[1..]), 1..4),
    )
        .prop_map(|(role, market, customer, words, needs)| Sketch {
            role: Some(role),
            market: Some(market),
            customer: Some(customer),
            words,
            needs,
            products: BTreeMap::new(),
        })
}

fn scores() -> impl Strategy<Value = BTreeMap<usize, f64>> {
    prop::collection::btree_map(0..NEEDS, prop::sample::select(LEVELS), 0..4)
}

fn need_id(n: usize) -> String {
    format!("need-{n}")
}

fn addresses(scores: &BTreeMap<usize, f64>) -> Value {
    scores
        .iter()
        .map(|(&n, &s)| json!({ "need": need_id(n), "score": s }))
        .collect()
}

fn persona_json(i: usize, s: &Sketch, products: usize) -> Value {
    let mut p = json!({ "id": format!("p-{i}"), "name": format!("Persona {i}") });
    if let Some(r) = s.role {
        p["buying_role"] = json!(format!("role-{r}"));
    }
    if let Some(m) = s.market {
        p["market_segment"] = json!(format!("ms-{m}"));
    }
    if let Some(c) = s.customer {
        p["customer_segment"] = json!(format!("cs-{c}"));
    }
    if !s.words.is_empty() {
        p["title"] = json!(s.words.join(" "));
    }
    p["needs"] = s
        .needs
        .iter()
        .map(|(&n, &i)| json!({ "need": need_id(n), "importance": i }))
        .collect();
    p["products"] = s
        .products
        .iter()
        .filter(|(k, _)| **k < products)
        .map(|(k, r)| json!({ "product": format!("prod-{k}"), "relation": r }))
        .collect();
    p
}

fn random_doc_of(
    products: &[BTreeMap<usize, f64>],
    competitors: &[BTreeMap<usize, f64>],
    personas: &[Sketch],
) -> Value {
    let named = |prefix: &str, n: usize| -> Value {
        (0..n)
            .map(|i| json!({ "id": format!("{prefix}-{i}"), "name": format!("{prefix} {i}") }))
            .collect()
    };
    let offers = |prefix: &str, list: &[BTreeMap<usize, f64>]| -> Value {
        list.iter()
            .enumerate()
            .map(|(i, s)| {
                json!({ "id": format!("{prefix}-{i}"), "name": format!("{prefix} {i}"), "addresses": addresses(s) })
            })
            .collect()
    };
    doc(
        "Random portfolio",
        json!({
            "market_segments": named("ms", 2),
            "customer_segments": named("cs", 2),
            "buying_roles": named("role", 2),
            "needs": named("need", NEEDS),
            "products": offers("prod", products),
            "competitors": offers("comp", competitors),
            "personas": personas
                .iter()
                .enumerate()
                .map(|(i, s)| persona_json(i, s, products.len()))
                .collect::<Vec<_>>()
        }),
    )
}

fn random_doc() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(scores(), 0..4),
        prop::collection::vec(scores(), 0..3),
        prop::collection::vec(sketch(), 2..7),
    )
        .prop_map(|(products, competitors, personas)| {
            random_doc_of(&products, &competitors, &personas)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn similarity_is_symmetric_and_between_zero_and_one(doc in random_doc()) {
        let project = read(&doc);
        for a in &project.personas {
            for b in &project.personas {
                let (ab, ba) = (similarity(a, b), similarity(b, a));
                prop_assert_eq!(ab, ba, "similarity is symmetric: {} and {}", a.id, b.id);
                prop_assert!(
                    (0.0..=1.0).contains(&ab),
                    "similarity is from 0 to 1, got {} for {} and {}", ab, a.id, b.id
                );
            }
        }
    }

    #[test]
    fn a_complete_persona_is_fully_similar_to_itself(s in full_sketch()) {
        let project = read(&random_doc_of(&[], &[], &[s]));
        let p = &project.personas[0];
        prop_assert!(
            (similarity(p, p) - 1.0).abs() < 1e-9,
            "a persona with needs, text, a role and both segments is one person with itself: {}",
            similarity(p, p)
        );
    }

    #[test]
    fn a_product_that_fully_meets_a_need_never_lowers_service(
        doc in random_doc(),
        need in 0..NEEDS,
        below in 0.3f64..0.9,
    ) {
        let t = thresholds(&[("underserved_below", below)]);
        let before = analysis::analyze(&read(&doc), &t, today());
        let mut grown = doc.clone();
        if let Some(products) = grown["products"].as_array_mut() {
            products.push(json!({
                "id": "prod-new", "name": "Newcomer",
                "addresses": [{ "need": need_id(need), "score": 1 }]
            }));
        }
        let after = analysis::analyze(&read(&grown), &t, today());
        for u in &after.underserved {
            let was = before.underserved.iter().find(|b| b.persona == u.persona);
            prop_assert!(
                was.is_some(),
                "{} was served and a new product cannot make it underserved", u.persona
            );
            if let Some(was) = was {
                prop_assert!(
                    u.service_level >= was.service_level,
                    "a score of 1 can only raise {}'s best scores: {} fell to {}",
                    u.persona, was.service_level, u.service_level
                );
            }
        }
    }

    #[test]
    fn removing_a_persona_removes_its_overlaps_and_keeps_the_others(doc in random_doc()) {
        let t = thresholds(&[("overlap_at", 0.6)]);
        let before = analysis::analyze(&read(&doc), &t, today());
        if let Some(first) = before.overlaps.first() {
            let gone = first.personas[0].to_string();
            let mut smaller = doc.clone();
            if let Some(personas) = smaller["personas"].as_array_mut() {
                personas.retain(|p| p["id"] != gone.as_str());
            }
            let after = analysis::analyze(&read(&smaller), &t, today());
            let kept: Vec<Overlap> = before
                .overlaps
                .iter()
                .filter(|o| o.personas.iter().all(|p| p.as_str() != gone))
                .cloned()
                .collect();
            prop_assert_eq!(
                after.overlaps, kept,
                "without {} its pairs go and every other pair stays as it was (a pair's \
                 similarity depends on the pair only, whatever the pruning)", gone
            );
        }
    }

    #[test]
    fn overlaps_are_exactly_the_pairs_the_rules_allow(doc in random_doc(), at in 0.56f64..=1.0) {
        // Brute force over every pair, against the search's pruning. Above
        // 0.55 a pair needs some need similarity to qualify, so the
        // weightless-needs case (see `a_pair_with_weightless_needs_overlaps_whatever_the_order`)
        // cannot arise.
        let project = read(&doc);
        let found = analysis::analyze(&project, &thresholds(&[("overlap_at", at)]), today());
        let reported: BTreeMap<(String, String), f64> = found
            .overlaps
            .iter()
            .map(|o| ((o.personas[0].to_string(), o.personas[1].to_string()), o.similarity))
            .collect();
        let people = &project.personas;
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                let s = similarity(a, b);
                if (s - at).abs() < 1e-9 {
                    continue;
                }
                let roles_differ =
                    matches!((&a.buying_role, &b.buying_role), (Some(x), Some(y)) if x != y);
                let share = a.needs.iter().any(|n| b.needs.iter().any(|m| m.need == n.need));
                let expected = !roles_differ && share && s >= at;
                let key = if a.id <= b.id {
                    (a.id.to_string(), b.id.to_string())
                } else {
                    (b.id.to_string(), a.id.to_string())
                };
                prop_assert_eq!(
                    reported.contains_key(&key), expected,
                    "{:?} (similarity {}, roles differ {}, share a need {}) at threshold {}",
                    key, s, roles_differ, share, at
                );
                if let Some(&r) = reported.get(&key) {
                    prop_assert!((r - s).abs() < 1e-12, "reported {} but similarity is {}", r, s);
                }
            }
        }
    }
}

#[test]
fn a_persona_without_descriptive_words_is_fully_similar_to_itself() {
    let doc = doc(
        "Bare",
        json!({
            "market_segments": [{ "id": "ms", "name": "Market" }],
            "customer_segments": [{ "id": "cs", "name": "Mindset" }],
            "buying_roles": [{ "id": "role", "name": "Role" }],
            "needs": [{ "id": "need-a", "name": "Alpha" }],
            "personas": [
                { "id": "p-bare", "name": "Bare", "buying_role": "role", "market_segment": "ms",
                  "customer_segment": "cs", "needs": [{ "need": "need-a", "importance": 1 }] },
                { "id": "p-vp", "name": "Short title", "title": "VP", "buying_role": "role",
                  "market_segment": "ms", "customer_segment": "cs",
                  "needs": [{ "need": "need-a", "importance": 1 }] },
                { "id": "p-light", "name": "Light", "title": "Fleet manager", "buying_role": "role",
                  "market_segment": "ms", "customer_segment": "cs",
                  "needs": [{ "need": "need-a", "importance": 0 }] }
            ]
        }),
    );
    for p in &read(&doc).personas {
        // Today: p-bare and p-vp (no word of 3+ letters) 0.45 + 0 + 0.40 = 0.85;
        // p-light (need weighs 0) 0 + 0.15 + 0.40 = 0.55.
        assert_close(
            similarity(p, p),
            1.0,
            &format!(
                "{} is identical to itself: a persona with a need, a role and both segments \
                 is 1.0 similar to itself",
                p.id
            ),
        );
    }
}

// 9. The demo.

#[test]
fn the_demo_shows_its_clear_cut_findings() {
    let project = demo::project().expect("the demo reads");
    let a = analysis::analyze(&project, &project.thresholds, today());

    let dana = a
        .golden
        .iter()
        .find(|g| g.persona.as_str() == "p-dana-platform")
        .expect("Dana, written by three teams, is golden");
    assert_eq!(
        ids(&dana.duplicates),
        ["p-marco-infra", "p-priya-platform"],
        "Marco (Govern) and Priya (Observe) are Dana (Pipelines) written again"
    );

    let worst = a
        .underserved
        .first()
        .expect("the demo has underserved personas");
    assert_eq!(
        worst.persona.as_str(),
        "p-margit-architect",
        "Margit, whose data must stay in region, is the most underserved"
    );
    assert_eq!(
        worst.unmet_needs.first().map(|n| n.as_str()),
        Some("need-data-residency"),
        "residency matters most to Margit and nothing we sell addresses it"
    );

    let saas = unit(&a, "bu-saas-pipelines");
    assert!(
        !saas.complete && ids(&saas.missing_roles) == ["role-procurement"],
        "the SaaS Pipelines deal has nobody from procurement: {saas:?}"
    );

    let g = &a.gaps;
    assert!(
        g.segments_without_personas
            .iter()
            .any(|s| s == "ms-public-health"),
        "nobody is designed for public health: {:?}",
        g.segments_without_personas
    );
    assert!(
        ids(&g.products_without_personas).contains(&"prod-connect"),
        "no persona is tied to the Connect SDK: {:?}",
        g.products_without_personas
    );
    assert!(
        ids(&g.personas_without_products).contains(&"p-chloe-integrator"),
        "Chloe the integrator is tied to no product: {:?}",
        g.personas_without_products
    );
}

#[test]
fn demo_reports_read_the_same_as_last_time() {
    let project = demo::project().expect("the demo reads");
    let a = analysis::analyze(&project, &project.thresholds, today());
    insta::assert_snapshot!("demo_report_text", render(&project, &a, Style::Text));
    insta::assert_snapshot!(
        "demo_report_markdown",
        render(&project, &a, Style::Markdown)
    );
    insta::assert_snapshot!("demo_findings_json", json_of(&a));
}

// 10. The command-line tool.

#[test]
fn cli_analyze_writes_every_format_from_a_project_file_and_from_json() {
    let dir = scratch();
    demo_file(dir.path());
    let export = cli(dir.path(), &["export", "demo.patlas", "-o", "demo.json"]);
    export.assert_ok("export of the demo");
    let (project, a) =
        api::analyze(&dir.path().join("demo.patlas"), None, today()).expect("the demo analyses");
    let day = today().to_string();
    let expected = [
        ("text", render(&project, &a, Style::Text)),
        ("markdown", render(&project, &a, Style::Markdown)),
        ("json", format!("{}\n", json_of(&a))),
    ];
    for (format, expected) in expected {
        for file in ["demo.patlas", "demo.json"] {
            // The day is given, as the expected findings were judged on it.
            let run = cli(
                dir.path(),
                &["analyze", file, "--format", format, "--today", &day],
            );
            run.assert_ok(&format!("analyze {file} --format {format}"));
            assert_eq!(
                run.stdout, expected,
                "analyze {file} --format {format} writes the report of the core's findings; \
                 the project file and its export are one project"
            );
        }
    }
    let default = cli(dir.path(), &["analyze", "demo.patlas", "--today", &day]);
    default.assert_ok("analyze without --format");
    assert_eq!(
        default.stdout,
        render(&project, &a, Style::Text),
        "without --format the report is text"
    );
}

#[test]
fn cli_analyze_threshold_flags_change_the_findings() {
    let dir = scratch();
    demo_file(dir.path());
    let json = |args: &[&str]| -> Value {
        let run = cli(dir.path(), args);
        run.assert_ok(&args.join(" "));
        serde_json::from_str(&run.stdout).expect("analyze --format json writes JSON")
    };
    let plain = json(&["analyze", "demo.patlas", "--format", "json"]);
    let strict = json(&[
        "analyze",
        "demo.patlas",
        "--format",
        "json",
        "--overlap-at",
        "0.99",
    ]);
    assert!(
        !plain["overlaps"].as_array().is_none_or(Vec::is_empty)
            && strict["overlaps"] == json!([])
            && strict["golden"] == json!([]),
        "no two demo personas are 99% alike (Ken and Nadia, the closest, are 87%), so there \
         are no overlaps and no golden groups: {}",
        strict["overlaps"]
    );
    assert_eq!(
        strict["thresholds"]["overlap_at"],
        json!(0.99),
        "the findings say which threshold they were judged by"
    );
    assert_eq!(
        strict["underserved"], plain["underserved"],
        "a flag changes its threshold only"
    );
    let text = cli(
        dir.path(),
        &["analyze", "demo.patlas", "--overlap-at", "0.99"],
    );
    assert!(
        text.stdout
            .contains("overlap from 99% similarity, stale after 365 days."),
        "the text report states the threshold used: {}",
        text.stdout
    );
}

#[test]
fn cli_refuses_a_threshold_out_of_range() {
    let dir = scratch();
    let file = demo_file(dir.path());
    let before = bytes(&file);
    for args in [
        &["analyze", "demo.patlas", "--met-at", "1.5"][..],
        &["thresholds", "demo.patlas", "--met-at", "1.5"][..],
        &["analyze", "demo.patlas", "--overlap-at=-0.1"][..],
    ] {
        let run = cli(dir.path(), args);
        assert_no_panic(&run, &args.join(" "));
        assert!(
            run.code.is_some_and(|c| c != 0),
            "{}: a threshold outside 0..1 is refused; stderr:\n{}",
            args.join(" "),
            run.stderr
        );
        assert!(
            run.stderr.contains("outside 0..1") && run.stdout.is_empty(),
            "{}: the refusal says why and no findings are written; stderr:\n{}",
            args.join(" "),
            run.stderr
        );
    }
    assert_eq!(
        bytes(&file),
        before,
        "a refused threshold leaves the project file untouched"
    );
}

/// The personas listed as underserved in `analyze --format json` output.
fn underserved_ids(stdout: &str) -> Vec<String> {
    let findings: Value = serde_json::from_str(stdout).expect("analyze --format json writes JSON");
    findings["underserved"]
        .as_array()
        .expect("the findings list the underserved")
        .iter()
        .map(|u| u["persona"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn cli_thresholds_persist_and_analyze_uses_them() {
    let dir = scratch();
    demo_file(dir.path());
    let show = cli(dir.path(), &["thresholds", "demo.patlas"]);
    show.assert_ok("thresholds");
    assert_eq!(
        show.stdout,
        "underserved_below  0.6 (default)\nimportant_need     0.7 (default)\n\
         met_at             0.5 (default)\noverlap_at         0.7 (default)\n\
         stale_after_days   365 (default)\n",
        "a new project is judged by the documented defaults"
    );
    let before = cli(dir.path(), &["analyze", "demo.patlas", "--format", "json"]);
    before.assert_ok("analyze before thresholds");
    assert!(
        underserved_ids(&before.stdout).contains(&"p-felix-finops".to_owned()),
        "Felix (56% served) is underserved below 60%"
    );

    cli(
        dir.path(),
        &["thresholds", "demo.patlas", "--underserved-below", "0.5"],
    )
    .assert_ok("thresholds --underserved-below");
    let again = cli(dir.path(), &["thresholds", "demo.patlas"]);
    assert!(
        again.stdout.starts_with("underserved_below  0.5\n")
            && again.stdout.contains("overlap_at         0.7 (default)"),
        "the new threshold is stored in the file and the others keep theirs: {}",
        again.stdout
    );

    let after = cli(dir.path(), &["analyze", "demo.patlas", "--format", "json"]);
    after.assert_ok("analyze after thresholds");
    let findings: Value = serde_json::from_str(&after.stdout).expect("JSON");
    assert_eq!(
        findings["thresholds"]["underserved_below"],
        json!(0.5),
        "analyze judges by the stored thresholds"
    );
    assert!(
        !underserved_ids(&after.stdout).contains(&"p-felix-finops".to_owned()),
        "Felix (56%, no unmet important need) is not underserved below 50%"
    );
    let both = cli(
        dir.path(),
        &["analyze", "demo.patlas", "--overlap-at", "0.8"],
    );
    assert!(
        both.stdout.contains(
            "with: underserved below 50%, important needs from 0.70, a need met from a \
                       score of 0.50, overlap from 80% similarity, stale after 365 days."
        ),
        "a flag overrides one threshold and the stored ones stay: {}",
        both.stdout
    );
}

#[test]
fn cli_generate_writes_a_portfolio_that_analyses_and_is_deterministic() {
    let dir = scratch();
    let run = cli(
        dir.path(),
        &[
            "generate",
            "--personas",
            "50",
            "--seed",
            "3",
            "-o",
            "x.patlas",
        ],
    );
    run.assert_ok("generate -o x.patlas");
    assert!(
        run.stderr.starts_with("wrote 50 personas"),
        "generate says what it wrote: {}",
        run.stderr
    );
    let analyze = cli(dir.path(), &["analyze", "x.patlas", "--format", "json"]);
    analyze.assert_ok("analyze of a generated portfolio");
    let findings: Value = serde_json::from_str(&analyze.stdout).expect("JSON");
    assert_eq!(
        findings["buying_units"].as_array().map(Vec::len),
        Some(5),
        "every one of the 50 / 10 = 5 generated buying units gets a finding"
    );

    for name in ["a.json", "b.json"] {
        cli(
            dir.path(),
            &["generate", "--personas", "50", "--seed", "3", "-o", name],
        )
        .assert_ok("generate -o .json");
    }
    cli(
        dir.path(),
        &[
            "generate",
            "--personas",
            "50",
            "--seed",
            "4",
            "-o",
            "c.json",
        ],
    )
    .assert_ok("generate with another seed");
    let (a, b, c) = (
        bytes(&dir.path().join("a.json")),
        bytes(&dir.path().join("b.json")),
        bytes(&dir.path().join("c.json")),
    );
    assert!(
        a == b,
        "the same size and seed give byte-identical portfolios"
    );
    assert!(a != c, "another seed gives another portfolio");
}

#[test]
fn fixtures_are_valid_projects() {
    for (name, doc) in fixtures()
        .into_iter()
        .chain([("ties", ties_portfolio())])
        .chain([(
            "summation",
            summation_portfolio(["need-s", "need-o", "need-p", "need-e"]),
        )])
    {
        let project = read(&doc);
        assert!(
            project.personas.len() >= 2 && project.personas.len() <= 6,
            "the {name} fixture is small enough to work out by hand"
        );
    }
}
