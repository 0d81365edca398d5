//! Round trips: a project that goes out as interchange JSON and comes back
//! in, or into a project file and back out, is the same project.

use std::path::Path;

use persona_atlas::api;
use persona_atlas::interchange;
use persona_atlas::model::*;
use persona_atlas::store::ProjectFile;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Number;

use crate::support::*;

/// Imports `input` into `dir/name` and exports it again.
fn import_export(input: &Path, dir: &Path, name: &str) -> String {
    let output = dir.join(name);
    api::import_json(input, &output, false).expect("a valid interchange file must import");
    api::export_json(&output).expect("a freshly imported project must export")
}

#[test]
fn demo_export_import_export_is_byte_identical() {
    let dir = scratch();
    let demo = demo_file(dir.path());
    let first = api::export_json(&demo).expect("the demo project must export");
    let exported = write_file(dir.path(), "first.json", &first);
    let second = import_export(&exported, dir.path(), "again.patlas");
    assert_eq!(
        first, second,
        "export -> import -> export must give back the same bytes: the format is the project"
    );
}

#[test]
fn demo_file_survives_import_with_every_field() {
    let dir = scratch();
    let input = write_file(dir.path(), "portfolio.json", DEMO_JSON);
    let exported = parse(&import_export(&input, dir.path(), "demo.patlas"));
    let changed = differences(&exported, &normalised(&parse(DEMO_JSON)));
    assert!(
        changed.is_empty(),
        "every field of the shipped demo must survive import -> export (up to sorting): {changed:#?}"
    );
}

#[test]
fn built_in_demo_is_the_shipped_file() {
    let dir = scratch();
    let from_file = import_export(
        &write_file(dir.path(), "portfolio.json", DEMO_JSON),
        dir.path(),
        "imported.patlas",
    );
    let built_in = api::export_json(&demo_file(dir.path())).expect("the demo must export");
    assert_eq!(
        built_in, from_file,
        "`demo` must write exactly the project that importing portfolio.json gives"
    );
}

#[test]
fn hand_written_portfolio_survives_import_export_with_every_field() {
    let dir = scratch();
    let doc = full_portfolio();
    let input = write_json(dir.path(), "harbourline.json", &doc);
    let exported = parse(&import_export(&input, dir.path(), "harbourline.patlas"));
    let changed = differences(&exported, &normalised(&doc));
    assert!(
        changed.is_empty(),
        "every field must survive import -> export; the only changes allowed are the documented \
         ones (lists sorted by id, a missing weight becomes 1): {changed:#?}"
    );
}

#[test]
fn hand_written_portfolio_keeps_the_details_that_matter() {
    // The whole-document comparison above says *that* it matches; these say
    // the specific promises of the format out loud.
    let dir = scratch();
    let input = write_json(dir.path(), "harbourline.json", &full_portfolio());
    let exported = parse(&import_export(&input, dir.path(), "harbourline.patlas"));
    let blocks = exported["relationships"]
        .as_array()
        .expect("relationships are a list")
        .iter()
        .find(|r| r["kind"] == "blocks")
        .expect("the relationship without a weight must be kept");
    assert_eq!(
        blocks["weight"].as_f64(),
        Some(1.0),
        "a missing relationship weight means 1 and is written out as 1"
    );
    let attributes = &by_id(&exported["market_segments"], "ms-retail")["attributes"];
    assert!(
        attributes["stores"].is_u64() && attributes["margin_delta"].is_i64(),
        "integer attributes stay integers: {attributes}"
    );
    assert_eq!(
        attributes["big_count"].as_u64(),
        Some(u64::MAX),
        "a large integer attribute is kept exactly, not rounded through a float"
    );
    let members = &by_id(&exported["buying_units"], "bu-retail-deal")["members"];
    assert_eq!(
        members[2]["role"], "role-user",
        "a member's role override must survive, even when it differs from the persona's role"
    );
    let evidence = &by_id(&exported["personas"], "p-architect-ana")["evidence"];
    assert!(
        evidence[0].get("date").is_none() && evidence[1]["date"] == "2024-01-15",
        "evidence keeps its date when it has one and gets none when it has not: {evidence}"
    );
    let addresses = &by_id(&exported["products"], "prod-tower")["addresses"];
    assert_eq!(
        addresses[1]["need"], "need-audit",
        "lists inside an entity keep the order the user gave them (not sorted by id)"
    );
}

#[test]
fn hand_written_portfolio_export_import_export_is_byte_identical() {
    let dir = scratch();
    let input = write_json(dir.path(), "harbourline.json", &full_portfolio());
    let first = import_export(&input, dir.path(), "one.patlas");
    let second = import_export(
        &write_file(dir.path(), "first.json", &first),
        dir.path(),
        "two.patlas",
    );
    assert_eq!(
        first, second,
        "once normalised by an export, a project goes round without changing a byte"
    );
}

#[test]
fn two_exports_of_one_project_are_byte_identical() {
    let dir = scratch();
    let input = write_json(dir.path(), "harbourline.json", &full_portfolio());
    let file = dir.path().join("harbourline.patlas");
    api::import_json(&input, &file, false).expect("the hand-written portfolio must import");
    let demo = demo_file(dir.path());
    for path in [&file, &demo] {
        let first = api::export_json(path).expect("a project must export");
        let second = api::export_json(path).expect("a project must export twice");
        assert_eq!(
            first,
            second,
            "exports are deterministic, so that diffs in git show only real changes ({})",
            path.display()
        );
    }
}

#[test]
fn reader_accepts_a_file_with_only_the_required_fields() {
    let text = r#"{ "format": "persona-atlas", "version": 1, "project": { "name": "Bare" } }"#;
    let project = interchange::read(text, "bare.json")
        .expect("every list may be absent: a reader must accept a file without them");
    assert_eq!(
        project.counts(),
        Counts::default(),
        "a file without lists is an empty project"
    );
    assert_eq!(project.project.name, "Bare", "the name is read");
}

// Random projects.
//
// Scores, sizes and float attributes are drawn with at most six decimals,
// the way people write them: see `full_precision_scores_survive_the_interchange_format`
// for what happens with every bit of a float.

fn text() -> impl Strategy<Value = String> {
    // Any Unicode but control characters, which the format refuses; line
    // breaks and tabs, which text may hold, included.
    "[^\\p{Cc}]{0,10}(\n|\t|\r)?[^\\p{Cc}]{0,2}"
}

fn name() -> impl Strategy<Value = String> {
    // Never blank: a name starts with a letter or digit, and holds no
    // control character.
    "[A-Za-z0-9][^\\p{Cc}]{0,12}"
}

fn id_tail() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._:-]{1,12}"
}

fn decimal(max: u32) -> impl Strategy<Value = f64> {
    (0..=max).prop_map(|k| f64::from(k) / 1_000_000.0)
}

fn unit() -> impl Strategy<Value = Unit> {
    decimal(1_000_000).prop_map(|v| Unit::new(v).expect("k / 10^6 with k <= 10^6 is in 0..1"))
}

fn attribute_value() -> impl Strategy<Value = AttributeValue> {
    prop_oneof![
        any::<bool>().prop_map(AttributeValue::Bool),
        any::<i64>().prop_map(|i| AttributeValue::Number(i.into())),
        any::<u64>().prop_map(|u| AttributeValue::Number(u.into())),
        (-1_000_000_000i64..1_000_000_000).prop_map(|k| AttributeValue::Number(
            Number::from_f64(k as f64 / 1000.0).expect("a finite float is a JSON number")
        )),
        text().prop_map(AttributeValue::Text),
    ]
}

fn attributes() -> impl Strategy<Value = Attributes> {
    prop::collection::btree_map(text(), attribute_value(), 0..3)
}

fn date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::from_ymd(y, m, d).expect("day 1-28 exists in every month"))
}

fn priority() -> impl Strategy<Value = Priority> {
    (1i64..=5).prop_map(|p| Priority::new(p).expect("1-5 is a priority"))
}

fn pick<T: Named + PartialEq + std::fmt::Debug>() -> impl Strategy<Value = T> {
    prop::sample::select(T::ALL).prop_map(|(_, v)| v)
}

/// What every entity has, before it gets its id.
#[derive(Clone, Debug)]
struct Common {
    tail: String,
    name: String,
    description: Option<String>,
    attributes: Attributes,
}

fn common() -> impl Strategy<Value = Common> {
    (id_tail(), name(), prop::option::of(text()), attributes()).prop_map(
        |(tail, name, description, attributes)| Common {
            tail,
            name,
            description,
            attributes,
        },
    )
}

/// A persona with its references as indexes into the lists they point at.
#[derive(Clone, Debug)]
struct PersonaDraft {
    common: Common,
    texts: (Option<String>, Option<String>, Option<String>),
    lists: (Vec<String>, Vec<String>, Vec<String>),
    refs: (Option<Index>, Option<Index>, Option<Index>),
    priority: Option<Priority>,
    status: Option<Status>,
    last_reviewed: Option<Date>,
    needs: Vec<(Index, Unit)>,
    products: Vec<(Index, ProductRelation)>,
    evidence: Vec<EvidenceDraft>,
    used_by: Vec<String>,
    scenarios: Vec<(String, Option<String>)>,
    portrait: Option<Portrait>,
}

type EvidenceDraft = (
    EvidenceKind,
    Option<String>,
    Option<Date>,
    Option<String>,
    Option<u64>,
    Option<Unit>,
);

/// A small real PNG or JPEG portrait: only their signatures are checked.
fn portrait() -> impl Strategy<Value = Portrait> {
    use base64::Engine as _;
    (any::<bool>(), prop::collection::vec(any::<u8>(), 0..40)).prop_map(|(png, tail)| {
        let (kind, mut bytes) = if png {
            ("png", b"\x89PNG\r\n\x1a\n".to_vec())
        } else {
            ("jpeg", vec![0xFF, 0xD8, 0xFF])
        };
        bytes.extend(tail);
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        Portrait::new(format!("data:image/{kind};base64,{b64}")).expect("a valid portrait")
    })
}

/// A journey stage with its needs as indexes.
type StageDraft = (String, [Vec<String>; 6], Vec<Index>, Option<Emotion>);

fn stage() -> impl Strategy<Value = StageDraft> {
    let texts = || prop::collection::vec(text(), 0..2);
    (
        name(),
        [texts(), texts(), texts(), texts(), texts(), texts()],
        prop::collection::vec(any::<Index>(), 0..3),
        prop::option::of(
            (-8i32..=8).prop_map(|q| Emotion::new(f64::from(q) / 4.0).expect("-2..2")),
        ),
    )
}

type JourneyDraft = (Common, Vec<Index>, Vec<StageDraft>);

/// A rule of `rules-v1.md`: every kind of test, nested in and, or and not,
/// with text that needs escapes and columns that need backticks.
fn rule() -> impl Strategy<Value = String> {
    let test = prop::sample::select(vec![
        "age < 30",
        "`city size` = \"Big \\\"city\\\"\"",
        "department in (\"it\", \"ops\")",
        "age not between -1.5 and 2e3",
        "signup >= 2024-02-29",
        "title contains any (\"cto\", \"chief\")",
        "title starts with \"head\" or title ends with \"lead\"",
        "phone is missing",
        "`and` is present",
        "active = TRUE",
    ])
    .prop_map(str::to_owned);
    test.prop_recursive(3, 8, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) and ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}\nOR {b}")),
            inner.prop_map(|a| format!("not ({a})")),
        ]
    })
}

fn persona_draft() -> impl Strategy<Value = PersonaDraft> {
    let texts = (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(rule()),
    );
    let lists = (
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
    );
    let refs = (
        prop::option::of(any::<Index>()),
        prop::option::of(any::<Index>()),
        prop::option::of(any::<Index>()),
    );
    let links = (
        prop::collection::vec((any::<Index>(), unit()), 0..3),
        prop::collection::vec((any::<Index>(), pick::<ProductRelation>()), 0..3),
        prop::collection::vec(
            (
                pick::<EvidenceKind>(),
                prop::option::of(text()),
                prop::option::of(date()),
                prop::option::of(text()),
                prop::option::of(0u64..=(1 << 53) - 1),
                prop::option::of(unit()),
            ),
            0..3,
        ),
    );
    (
        common(),
        texts,
        lists,
        refs,
        (
            prop::option::of(priority()),
            prop::option::of(pick::<Status>()),
            prop::option::of(date()),
        ),
        links,
        (
            prop::collection::vec(text(), 0..3),
            prop::collection::vec((name(), prop::option::of(text())), 0..3),
            prop::option::of(portrait()),
        ),
    )
        .prop_map(
            |(common, texts, lists, refs, (priority, status, last_reviewed), links, profile)| {
                PersonaDraft {
                    common,
                    texts,
                    lists,
                    refs,
                    priority,
                    status,
                    last_reviewed,
                    needs: links.0,
                    products: links.1,
                    evidence: links.2,
                    used_by: profile.0,
                    scenarios: profile.1,
                    portrait: profile.2,
                }
            },
        )
}

type Scored = (Common, Vec<(Index, Unit)>);
type RelationshipDraft = (Index, Index, RelationshipKind, Option<Unit>, Common);
type UnitDraft = (
    Common,
    Option<Index>,
    Option<Index>,
    Vec<(Index, Option<Index>)>,
);

/// Everything random about a project; `build` turns it into a valid one.
#[derive(Clone, Debug)]
struct Draft {
    meta: (String, Option<String>),
    market_segments: Vec<(Common, Option<f64>, Option<Priority>)>,
    customer_segments: Vec<(Common, Option<Priority>)>,
    buying_roles: Vec<(Common, bool, bool)>,
    needs: Vec<Common>,
    products: Vec<Scored>,
    competitors: Vec<Scored>,
    personas: Vec<PersonaDraft>,
    relationships: Vec<RelationshipDraft>,
    buying_units: Vec<UnitDraft>,
    journeys: Vec<JourneyDraft>,
    stale_after_days: Option<Days>,
}

fn scored() -> impl Strategy<Value = Scored> {
    (
        common(),
        prop::collection::vec((any::<Index>(), unit()), 0..4),
    )
}

fn draft() -> impl Strategy<Value = Draft> {
    let few = |n| 0..=n;
    (
        (name(), prop::option::of(text())),
        prop::collection::vec(
            (
                common(),
                prop::option::of(decimal(u32::MAX)),
                prop::option::of(priority()),
            ),
            few(2),
        ),
        prop::collection::vec((common(), prop::option::of(priority())), few(2)),
        prop::collection::vec((common(), any::<bool>(), any::<bool>()), few(3)),
        prop::collection::vec(common(), few(4)),
        prop::collection::vec(scored(), few(3)),
        prop::collection::vec(scored(), few(2)),
        prop::collection::vec(persona_draft(), few(4)),
        prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                pick::<RelationshipKind>(),
                prop::option::of(unit()),
                common(),
            ),
            few(4),
        ),
        prop::collection::vec(
            (
                common(),
                prop::option::of(any::<Index>()),
                prop::option::of(any::<Index>()),
                prop::collection::vec((any::<Index>(), prop::option::of(any::<Index>())), 0..4),
            ),
            few(2),
        ),
        prop::collection::vec(
            (
                common(),
                prop::collection::vec(any::<Index>(), 0..3),
                prop::collection::vec(stage(), 0..3),
            ),
            few(2),
        ),
        prop::option::of((1i64..=36_525).prop_map(|d| Days::new(d).expect("a number of days"))),
    )
        .prop_map(
            |(
                meta,
                ms,
                cs,
                roles,
                needs,
                products,
                competitors,
                personas,
                rels,
                units,
                journeys,
                stale,
            )| Draft {
                meta,
                market_segments: ms,
                customer_segments: cs,
                buying_roles: roles,
                needs,
                products,
                competitors,
                personas,
                relationships: rels,
                buying_units: units,
                journeys,
                stale_after_days: stale,
            },
        )
}

/// Ids unique within a kind (the position) and across kinds (the prefix).
fn ids<Id>(
    prefix: &str,
    tails: impl Iterator<Item = String>,
    make: fn(String) -> Result<Id, String>,
) -> Vec<Id> {
    tails
        .enumerate()
        .map(|(i, tail)| make(format!("{prefix}.{tail}.{i}")).expect("built from the id alphabet"))
        .collect()
}

fn at<T: Clone>(index: Option<&Index>, items: &[T]) -> Option<T> {
    match index {
        Some(index) if !items.is_empty() => Some(index.get(items).clone()),
        _ => None,
    }
}

/// Keeps the first of each key, as the format forbids listing a link twice.
fn first_of_each<T, K: PartialEq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.iter().any(|o| key(o) == key(&item)) {
            out.push(item);
        }
    }
    out
}

#[allow(clippy::needless_update)] // see the last line
fn build(d: Draft) -> Project {
    let ms_ids = ids(
        "ms",
        d.market_segments.iter().map(|s| s.0.tail.clone()),
        MarketSegmentId::new,
    );
    let cs_ids = ids(
        "cs",
        d.customer_segments.iter().map(|s| s.0.tail.clone()),
        CustomerSegmentId::new,
    );
    let role_ids = ids(
        "role",
        d.buying_roles.iter().map(|r| r.0.tail.clone()),
        BuyingRoleId::new,
    );
    let need_ids = ids("need", d.needs.iter().map(|n| n.tail.clone()), NeedId::new);
    let product_ids = ids(
        "prod",
        d.products.iter().map(|p| p.0.tail.clone()),
        ProductId::new,
    );
    let competitor_ids = ids(
        "comp",
        d.competitors.iter().map(|c| c.0.tail.clone()),
        CompetitorId::new,
    );
    let persona_ids = ids(
        "p",
        d.personas.iter().map(|p| p.common.tail.clone()),
        PersonaId::new,
    );
    let unit_ids = ids(
        "bu",
        d.buying_units.iter().map(|u| u.0.tail.clone()),
        BuyingUnitId::new,
    );
    let journey_ids = ids(
        "j",
        d.journeys.iter().map(|j| j.0.tail.clone()),
        JourneyId::new,
    );
    let addresses = |links: Vec<(Index, Unit)>| {
        let scores = links
            .into_iter()
            .filter_map(|(i, score)| {
                Some(NeedScore {
                    need: at(Some(&i), &need_ids)?,
                    score,
                })
            })
            .collect();
        first_of_each(scores, |s: &NeedScore| s.need.clone())
    };
    let relationships = d
        .relationships
        .into_iter()
        .filter_map(|(from, to, kind, weight, c)| {
            let from = at(Some(&from), &persona_ids)?;
            let to = at(Some(&to), &persona_ids)?;
            (from != to).then_some(Relationship {
                from,
                to,
                kind,
                weight: weight.unwrap_or(Unit::ONE),
                description: c.description,
                attributes: c.attributes,
            })
        })
        .collect();
    Project {
        project: ProjectMeta {
            name: d.meta.0,
            description: d.meta.1,
        },
        market_segments: d
            .market_segments
            .into_iter()
            .zip(&ms_ids)
            .map(|((c, size, priority), id)| MarketSegment {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
                size,
                priority,
            })
            .collect(),
        customer_segments: d
            .customer_segments
            .into_iter()
            .zip(&cs_ids)
            .map(|((c, priority), id)| CustomerSegment {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
                priority,
            })
            .collect(),
        buying_roles: d
            .buying_roles
            .into_iter()
            .zip(&role_ids)
            .map(|((c, required, decides), id)| BuyingRole {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
                required,
                decides,
            })
            .collect(),
        needs: d
            .needs
            .into_iter()
            .zip(&need_ids)
            .map(|(c, id)| Need {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
            })
            .collect(),
        products: d
            .products
            .into_iter()
            .zip(&product_ids)
            .map(|((c, links), id)| Product {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
                addresses: addresses(links),
            })
            .collect(),
        competitors: d
            .competitors
            .into_iter()
            .zip(&competitor_ids)
            .map(|((c, links), id)| Competitor {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
                addresses: addresses(links),
            })
            .collect(),
        personas: d
            .personas
            .into_iter()
            .zip(&persona_ids)
            .map(|(p, id)| {
                let needs = p
                    .needs
                    .into_iter()
                    .filter_map(|(i, importance)| {
                        Some(PersonaNeed {
                            need: at(Some(&i), &need_ids)?,
                            importance,
                        })
                    })
                    .collect();
                let products = p
                    .products
                    .into_iter()
                    .filter_map(|(i, relation)| {
                        Some(PersonaProduct {
                            product: at(Some(&i), &product_ids)?,
                            relation,
                        })
                    })
                    .collect();
                Persona {
                    id: id.clone(),
                    name: p.common.name,
                    description: p.common.description,
                    attributes: p.common.attributes,
                    title: p.texts.0,
                    quote: p.texts.1,
                    rules: p.texts.2,
                    goals: p.lists.0,
                    pain_points: p.lists.1,
                    channels: p.lists.2,
                    market_segment: at(p.refs.0.as_ref(), &ms_ids),
                    customer_segment: at(p.refs.1.as_ref(), &cs_ids),
                    buying_role: at(p.refs.2.as_ref(), &role_ids),
                    priority: p.priority,
                    status: p.status,
                    last_reviewed: p.last_reviewed,
                    needs: first_of_each(needs, |n: &PersonaNeed| n.need.clone()),
                    products: first_of_each(products, |l: &PersonaProduct| {
                        (l.product.clone(), l.relation)
                    }),
                    evidence: p
                        .evidence
                        .into_iter()
                        .map(|(kind, source, date, note, records, share)| Evidence {
                            kind,
                            source,
                            date,
                            note,
                            records,
                            share,
                        })
                        .collect(),
                    used_by: p.used_by,
                    scenarios: p
                        .scenarios
                        .into_iter()
                        .map(|(title, text)| Scenario { title, text })
                        .collect(),
                    portrait: p.portrait,
                }
            })
            .collect(),
        relationships: first_of_each(relationships, |r: &Relationship| {
            (r.from.clone(), r.to.clone(), r.kind)
        }),
        buying_units: d
            .buying_units
            .into_iter()
            .zip(&unit_ids)
            .map(|((c, product, segment, members), id)| {
                let members = members
                    .into_iter()
                    .filter_map(|(persona, role)| {
                        Some(Member {
                            persona: at(Some(&persona), &persona_ids)?,
                            role: at(role.as_ref(), &role_ids),
                        })
                    })
                    .collect();
                BuyingUnit {
                    id: id.clone(),
                    name: c.name,
                    description: c.description,
                    attributes: c.attributes,
                    product: at(product.as_ref(), &product_ids),
                    market_segment: at(segment.as_ref(), &ms_ids),
                    members: first_of_each(members, |m: &Member| m.persona.clone()),
                }
            })
            .collect(),
        journeys: d
            .journeys
            .into_iter()
            .zip(&journey_ids)
            .map(|((c, personas, stages), id)| Journey {
                id: id.clone(),
                name: c.name,
                description: c.description,
                attributes: c.attributes,
                personas: first_of_each(
                    personas
                        .iter()
                        .filter_map(|i| at(Some(i), &persona_ids))
                        .collect(),
                    Clone::clone,
                ),
                stages: stages
                    .into_iter()
                    .map(
                        |(
                            name,
                            [
                                goals,
                                questions,
                                touchpoints,
                                channels,
                                pains,
                                opportunities,
                            ],
                            needs,
                            emotion,
                        )| Stage {
                            name,
                            goals,
                            questions,
                            touchpoints,
                            channels,
                            needs: first_of_each(
                                needs
                                    .iter()
                                    .filter_map(|i| at(Some(i), &need_ids))
                                    .collect(),
                                Clone::clone,
                            ),
                            pains,
                            opportunities,
                            emotion,
                        },
                    )
                    .collect(),
            })
            .collect(),
        thresholds: Thresholds {
            stale_after_days: d
                .stale_after_days
                .unwrap_or(Thresholds::DEFAULT.stale_after_days),
            ..Thresholds::DEFAULT
        },
        // Anything the model grows later starts from its default here.
        ..Project::default()
    }
}

fn project() -> impl Strategy<Value = Project> {
    draft().prop_map(build)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_projects_survive_the_interchange_format(p in project()) {
        let text = interchange::write(&p);
        let back = interchange::read(&text, "x");
        prop_assert!(back.is_ok(), "what write produces, read must accept: {:?}", back.err());
        let mut sorted = p.clone();
        sorted.sort();
        prop_assert_eq!(
            back.ok(), Some(sorted),
            "read(write(p)) must be p with its lists sorted, which is all write changes"
        );
    }
}

proptest! {
    // Each case writes a SQLite file with full syncs, so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_projects_survive_the_project_file(p in project()) {
        let dir = scratch();
        let path = dir.path().join("random.patlas");
        let loaded = ProjectFile::create(&path, &p, false).and_then(|f| f.load());
        prop_assert!(loaded.is_ok(), "a valid project must write and load: {:?}", loaded.err());
        let mut sorted = p.clone();
        sorted.sort();
        prop_assert_eq!(
            loaded.ok(), Some(sorted),
            "a project file must give back the model it was created from (lists sorted by id)"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Known bug: serde_json is built without its `float_roundtrip` feature,
    /// so reading a float written with all 17 significant digits is only
    /// "best effort" and is off by one ulp for about one value in ten. An
    /// export -> import -> export then changes scores. See the report of the
    /// test suite; enabling `serde_json/float_roundtrip` fixes it.
    #[test]
    fn full_precision_scores_survive_the_interchange_format(score in 0.0f64..=1.0) {
        let need = NeedId::new("need").expect("a valid id");
        let p = Project {
            project: ProjectMeta { name: "Floats".to_owned(), description: None },
            needs: vec![Need {
                id: need.clone(),
                name: "N".to_owned(),
                description: None,
                attributes: Attributes::new(),
            }],
            products: vec![Product {
                id: ProductId::new("prod").expect("a valid id"),
                name: "P".to_owned(),
                description: None,
                attributes: Attributes::new(),
                addresses: vec![NeedScore {
                    need,
                    score: Unit::new(score).expect("the range is 0..=1"),
                }],
            }],
            ..Project::default()
        };
        let back = interchange::read(&interchange::write(&p), "x").expect("written, so readable");
        prop_assert_eq!(
            back.products[0].addresses[0].score.get().to_bits(),
            score.to_bits(),
            "a score must come back bit for bit, or export -> import -> export is not stable"
        );
    }
}
