//! Synthetic portfolios of any size, for benchmarks and for trying the app
//! at scale. Deterministic: the same size and seed give the same project.
//!
//! Personas are drawn from archetypes (a role, a segment and a core of
//! related needs), and a share of them is written again by another product
//! team under another name with slightly different weights: the realistic
//! near-duplicates the overlap and golden analyses look for.

use crate::model::*;

/// SplitMix64: small, fast and good enough to draw test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Ada", "Ben", "Chloe", "Dana", "Emeka", "Fatima", "Gus", "Hana", "Ines", "Jonas", "Kwame",
    "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoe",
];
const VERBS: &[&str] = &[
    "Automate",
    "Audit",
    "Forecast",
    "Reconcile",
    "Monitor",
    "Secure",
    "Share",
    "Approve",
    "Track",
    "Plan",
    "Onboard",
    "Report on",
    "Govern",
    "Integrate",
    "Price",
    "Budget",
];
const OBJECTS: &[&str] = &[
    "supplier invoices",
    "customer data",
    "cloud spend",
    "field service visits",
    "sales territories",
    "contract renewals",
    "inventory levels",
    "access rights",
    "marketing attribution",
    "support tickets",
    "shipment delays",
    "energy usage",
    "compliance evidence",
    "partner payouts",
    "hiring pipelines",
    "product telemetry",
    "churn signals",
    "quality defects",
    "warehouse slots",
    "data pipelines",
];
const DOMAINS: &[&str] = &[
    "Finance",
    "Operations",
    "IT",
    "Data",
    "Sales",
    "Security",
    "Procurement",
    "Logistics",
    "Marketing",
    "Customer Success",
];
const ROLES: &[(&str, bool, bool)] = &[
    ("Economic buyer", true, true),
    ("Technical evaluator", true, false),
    ("Procurement", true, false),
    ("Champion", false, false),
    ("End user", false, false),
    ("Security reviewer", false, false),
    ("Influencer", false, false),
];
const TITLES: &[&str] = &["Head of", "Director of", "Manager,", "Lead,", "VP"];
const CHANNELS: &[&str] = &[
    "LinkedIn",
    "Peer referrals",
    "Analyst reports",
    "Webinars",
    "Industry events",
    "Vendor newsletters",
    "Slack communities",
    "Podcasts",
];

fn id<T>(make: fn(String) -> Result<T, String>, prefix: &str, i: usize) -> T {
    // Ids made of a fixed prefix and a number are always valid; the number
    // is zero-padded so that ids sort in the order they were made.
    make(format!("{prefix}-{i:06}")).unwrap_or_else(|e| unreachable!("generated id: {e}"))
}

fn unit(v: f64) -> Unit {
    Unit::new(v.clamp(0.0, 1.0)).unwrap_or(Unit::ONE)
}

fn priority(v: usize) -> Option<Priority> {
    Priority::new(v as i64).ok()
}

/// A portfolio with `personas` personas (at least 1), drawn from `seed`.
/// At 20,000 personas: about 500 products, 2,000 needs and 120,000 links.
pub fn portfolio(personas: usize, seed: u64) -> Project {
    let n = personas.max(1);
    let mut rng = Rng(seed ^ 0x5041_544C);
    let n_needs = (n / 10).max(12);
    let n_products = (n / 40).max(4);
    let n_markets = (n / 1000).clamp(3, 30);
    let n_customers = (n / 2000).clamp(3, 12);
    let n_competitors = (n_products / 10).max(2);
    let n_archetypes = (n / 8).max(4);

    let mut p = Project {
        project: ProjectMeta {
            name: format!("Generated portfolio ({n} personas)"),
            description: Some(format!(
                "A synthetic B2B portfolio (seed {seed}) for trying Persona Atlas at scale."
            )),
        },
        ..Project::default()
    };
    p.market_segments = (0..n_markets)
        .map(|i| MarketSegment {
            id: id(MarketSegmentId::new, "ms", i),
            name: format!(
                "{} buyers, region {}",
                DOMAINS[i % DOMAINS.len()],
                i / DOMAINS.len() + 1
            ),
            description: None,
            attributes: Attributes::new(),
            size: Some((200 + rng.below(5000)) as f64),
            priority: priority(1 + rng.below(5)),
        })
        .collect();
    p.customer_segments = (0..n_customers)
        .map(|i| CustomerSegment {
            id: id(CustomerSegmentId::new, "cs", i),
            name: format!(
                "{} {}",
                ["Pragmatic", "Cautious", "Ambitious", "Frugal"][i % 4],
                ["modernisers", "guardians", "innovators"][i % 3]
            ),
            description: None,
            attributes: Attributes::new(),
            priority: priority(1 + rng.below(5)),
        })
        .collect();
    p.buying_roles = ROLES
        .iter()
        .enumerate()
        .map(|(i, (name, required, decides))| BuyingRole {
            id: id(BuyingRoleId::new, "role", i),
            name: (*name).to_owned(),
            description: None,
            attributes: Attributes::new(),
            required: *required,
            decides: *decides,
        })
        .collect();
    p.needs = (0..n_needs)
        .map(|i| Need {
            id: id(NeedId::new, "need", i),
            name: format!(
                "{} {} ({})",
                VERBS[i % VERBS.len()],
                OBJECTS[(i / VERBS.len()) % OBJECTS.len()],
                i / (VERBS.len() * OBJECTS.len()) + 1
            ),
            description: None,
            attributes: Attributes::new(),
        })
        .collect();
    // Needs come in neighbourhoods of 20; a product serves a neighbourhood.
    let neighbourhood = |rng: &mut Rng, centre: usize| (centre + rng.below(20)) % n_needs;
    p.products = (0..n_products)
        .map(|i| {
            let centre = rng.below(n_needs);
            let mut addresses: Vec<NeedScore> = Vec::new();
            for _ in 0..(20 + rng.below(20)) {
                let need = neighbourhood(&mut rng, centre);
                if addresses.iter().all(|a| a.need != p.needs[need].id) {
                    addresses.push(NeedScore {
                        need: p.needs[need].id.clone(),
                        score: unit(0.2 + 0.8 * rng.unit()),
                    });
                }
            }
            Product {
                id: id(ProductId::new, "prod", i),
                name: format!(
                    "{} {}",
                    rng.pick(&["Atlas", "Beacon", "Cobalt", "Delta", "Ember"]),
                    i
                ),
                description: None,
                attributes: Attributes::new(),
                addresses,
            }
        })
        .collect();
    p.competitors = (0..n_competitors)
        .map(|i| {
            let centre = rng.below(n_needs);
            let mut addresses: Vec<NeedScore> = Vec::new();
            for _ in 0..30 {
                let need = neighbourhood(&mut rng, centre);
                if addresses.iter().all(|a| a.need != p.needs[need].id) {
                    addresses.push(NeedScore {
                        need: p.needs[need].id.clone(),
                        score: unit(0.3 + 0.7 * rng.unit()),
                    });
                }
            }
            Competitor {
                id: id(CompetitorId::new, "comp", i),
                name: format!("Rival {i}"),
                description: None,
                attributes: Attributes::new(),
                addresses,
            }
        })
        .collect();

    // An archetype is a neighbourhood of needs in a domain, served by one
    // product team; the personas drawn from it differ in role, segments and
    // which of its needs they have, as real personas of one domain do.
    struct Archetype {
        centre: usize,
        domain: usize,
        product: usize,
    }
    let archetypes: Vec<Archetype> = (0..n_archetypes)
        .map(|_| Archetype {
            centre: rng.below(n_needs),
            domain: rng.below(DOMAINS.len()),
            product: rng.below(n_products),
        })
        .collect();

    let statuses = [Status::Proto, Status::Validated, Status::Detailed];
    for i in 0..n {
        // About one persona in twelve is another team's copy of an earlier one.
        if i > 10 && rng.below(12) == 0 {
            let original = p.personas[rng.below(i)].clone();
            let mut copy = original.clone();
            copy.id = id(PersonaId::new, "p", i);
            copy.name = format!(
                "{} the {}",
                rng.pick(FIRST_NAMES),
                original.title.clone().unwrap_or_default()
            );
            for need in &mut copy.needs {
                need.importance = unit(need.importance.get() + 0.1 * (rng.unit() - 0.5));
            }
            let team = rng.below(n_products);
            copy.products = vec![PersonaProduct {
                product: p.products[team].id.clone(),
                relation: ProductRelation::OwnedBy,
            }];
            if rng.below(2) == 0 {
                copy.products.push(PersonaProduct {
                    product: p.products[rng.below(n_products)].id.clone(),
                    relation: ProductRelation::Uses,
                });
                copy.products.dedup_by(|a, b| a.product == b.product);
            }
            p.personas.push(copy);
            continue;
        }
        let a = &archetypes[rng.below(n_archetypes)];
        let domain = DOMAINS[a.domain];
        let title = format!("{} {domain}", rng.pick(TITLES));
        let mut picked: Vec<usize> = Vec::new();
        let wanted = 4 + rng.below(3);
        while picked.len() < wanted {
            let need = neighbourhood(&mut rng, a.centre);
            if !picked.contains(&need) {
                picked.push(need);
            }
        }
        let mut needs: Vec<PersonaNeed> = picked
            .iter()
            .map(|&need| PersonaNeed {
                need: p.needs[need].id.clone(),
                importance: unit(0.3 + 0.7 * rng.unit()),
            })
            .collect();
        let extra = rng.below(n_needs);
        if needs.iter().all(|x| x.need != p.needs[extra].id) && rng.below(3) == 0 {
            needs.push(PersonaNeed {
                need: p.needs[extra].id.clone(),
                importance: unit(rng.unit()),
            });
        }
        let mut products = vec![PersonaProduct {
            product: p.products[a.product].id.clone(),
            relation: ProductRelation::OwnedBy,
        }];
        let other = rng.below(n_products);
        if other != a.product && rng.below(2) == 0 {
            products.push(PersonaProduct {
                product: p.products[other].id.clone(),
                relation: *rng.pick(&[
                    ProductRelation::Uses,
                    ProductRelation::Evaluates,
                    ProductRelation::Targets,
                ]),
            });
        }
        let goal = |need: usize| format!("{} without extra headcount", p.needs[need].name);
        let goals = vec![goal(picked[0]), goal(picked[1])];
        let pain_points = vec![format!(
            "{} still runs on spreadsheets in {domain}",
            OBJECTS[picked[2] % OBJECTS.len()]
        )];
        p.personas.push(Persona {
            id: id(PersonaId::new, "p", i),
            name: format!("{} the {title}", rng.pick(FIRST_NAMES)),
            description: None,
            attributes: Attributes::new(),
            title: Some(title),
            quote: None,
            goals,
            pain_points,
            channels: vec![
                (*rng.pick(CHANNELS)).to_owned(),
                (*rng.pick(CHANNELS)).to_owned(),
            ],
            market_segment: Some(p.market_segments[rng.below(n_markets)].id.clone()),
            customer_segment: Some(p.customer_segments[rng.below(n_customers)].id.clone()),
            buying_role: Some(p.buying_roles[rng.below(ROLES.len())].id.clone()),
            priority: priority(1 + rng.below(5)),
            status: Some(*rng.pick(&statuses)),
            last_reviewed: Date::from_ymd(2025, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8)
                .ok(),
            needs,
            products,
            evidence: generated_evidence(i),
            rules: None,
            used_by: Vec::new(),
            scenarios: Vec::new(),
            portrait: None,
        });
    }
    for persona in &mut p.personas {
        persona.channels.dedup();
    }

    // Relationships and buying units, one unit per ten personas.
    let by_role = |role: usize, p: &Project| -> Vec<usize> {
        (0..p.personas.len())
            .filter(|&i| p.personas[i].buying_role.as_ref() == Some(&p.buying_roles[role].id))
            .collect()
    };
    let pools: Vec<Vec<usize>> = (0..ROLES.len()).map(|r| by_role(r, &p)).collect();
    let mut seen_relationships = std::collections::HashSet::new();
    for u in 0..(n / 10).max(1) {
        let mut members: Vec<Member> = Vec::new();
        let mut chosen: Vec<usize> = Vec::new();
        for (role, pool) in pools.iter().enumerate() {
            // Most units cover most roles; some miss a required one.
            if pool.is_empty() || rng.below(10) < 2 {
                continue;
            }
            let who = *rng.pick(pool);
            if chosen.contains(&who) || role > 4 && rng.below(2) == 0 {
                continue;
            }
            chosen.push(who);
            members.push(Member {
                persona: p.personas[who].id.clone(),
                role: None,
            });
        }
        for w in chosen.windows(2) {
            let (from, to) = (w[1], w[0]);
            if seen_relationships.insert((from, to)) {
                p.relationships.push(Relationship {
                    from: p.personas[from].id.clone(),
                    to: p.personas[to].id.clone(),
                    kind: *rng.pick(&[
                        RelationshipKind::Influences,
                        RelationshipKind::Recommends,
                        RelationshipKind::ReportsTo,
                    ]),
                    weight: unit(0.3 + 0.7 * rng.unit()),
                    description: None,
                    attributes: Attributes::new(),
                });
            }
        }
        p.buying_units.push(BuyingUnit {
            id: id(BuyingUnitId::new, "bu", u),
            name: format!("Deal {u}"),
            description: None,
            attributes: Attributes::new(),
            product: Some(p.products[rng.below(n_products)].id.clone()),
            market_segment: Some(p.market_segments[rng.below(n_markets)].id.clone()),
            members,
        });
    }
    p.journeys = generated_journeys(&p);
    p
}

/// One journey per 500 personas (at least one when there are two
/// personas), each comparing two personas on four stages whose needs are
/// the first persona's. Drawn from no random numbers, like the evidence.
fn generated_journeys(p: &Project) -> Vec<Journey> {
    const STAGES: [&str; 4] = ["Awareness", "Evaluation", "Purchase", "Renewal"];
    if p.personas.len() < 2 {
        return Vec::new();
    }
    let count = (p.personas.len() / 500).max(1);
    let step = p.personas.len() / count;
    (0..count)
        .map(|j| {
            let first = &p.personas[j * step];
            let second = &p.personas[j * step + 1];
            Journey {
                id: id(JourneyId::new, "j", j),
                name: format!(
                    "{} and {} from first need to renewal",
                    first.name, second.name
                ),
                description: None,
                attributes: Attributes::new(),
                personas: vec![first.id.clone(), second.id.clone()],
                stages: STAGES
                    .iter()
                    .enumerate()
                    .map(|(k, name)| Stage {
                        name: (*name).to_owned(),
                        goals: vec![format!("{name} without surprises")],
                        questions: Vec::new(),
                        touchpoints: vec!["Website".to_owned()],
                        channels: first.channels.clone(),
                        needs: first
                            .needs
                            .iter()
                            .skip(k)
                            .take(2)
                            .map(|n| n.need.clone())
                            .collect(),
                        pains: Vec::new(),
                        opportunities: Vec::new(),
                        emotion: Emotion::new([0.0, -1.0, 1.0, 0.5][k]).ok(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The evidence of the `i`th generated persona: every fifth rests on an
/// assumption, others on interviews, surveys or customer records of
/// different ages, so that the health findings have something to say at
/// any size. It draws nothing from the random numbers, so the rest of a
/// generated project does not depend on it.
fn generated_evidence(i: usize) -> Vec<Evidence> {
    let piece = |kind, year, month, records: Option<u64>| Evidence {
        kind,
        source: Some("Generated".to_owned()),
        date: Date::from_ymd(year, month, 1).ok(),
        note: None,
        records,
        share: None,
    };
    match i % 5 {
        0 => vec![piece(EvidenceKind::Assumption, 2025, 3, None)],
        1 => vec![piece(EvidenceKind::Interview, 2024, 6, None)],
        2 => vec![
            piece(EvidenceKind::Survey, 2026, 2, None),
            piece(EvidenceKind::Crm, 2026, 5, Some(40 + (i % 97) as u64)),
        ],
        3 => vec![piece(EvidenceKind::Workshop, 2026, 1, None)],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_portfolios_are_valid_and_deterministic() {
        let p = portfolio(300, 7);
        let text = crate::interchange::write(&p);
        let back =
            crate::interchange::read(&text, "generated").expect("a generated project is valid");
        assert_eq!(back.personas.len(), 300, "as many personas as asked");
        assert_eq!(
            text,
            crate::interchange::write(&portfolio(300, 7)),
            "same seed, same project"
        );
    }
}
