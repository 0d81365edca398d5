//! One persona with everything shown about it: its own fields, the names
//! of what it links to, what the analyses found about it and its
//! confidence. The profile page of the app and the one-pager read this, so
//! that both say the same thing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{self, Analysis};
use crate::api::Choice;
use crate::model::*;

/// A persona's buying role, by name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileRole {
    /// The role's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether the role makes the buying decision.
    pub decides: bool,
}

/// One of a persona's needs and how well our products meet it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileNeed {
    /// The need's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How much the persona cares, 0..1.
    pub importance: f64,
    /// Our product that meets it best, with its score 0..1.
    pub best: Option<(Choice, f64)>,
    /// Whether that score reaches the project's `met_at`.
    pub met: bool,
}

/// A product the persona is tied to, with every way it is tied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileProduct {
    /// The product's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How the persona relates to it, in the order written.
    pub relations: Vec<ProductRelation>,
}

/// A buying unit the persona sits in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileUnit {
    /// The unit's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The role the persona plays in it, by name, when the unit says.
    pub role: Option<String>,
}

/// A relationship with another persona, from this persona's side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileRelationship {
    /// The other persona.
    pub persona: Choice,
    /// How.
    pub kind: RelationshipKind,
    /// How strongly, 0..1.
    pub weight: f64,
    /// Whether this persona acts on the other (`true`) or is acted on.
    pub outgoing: bool,
}

/// What a finding about a persona is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum ProfileFindingKind {
    /// It stands for a golden group.
    Golden,
    /// It is another team's version of a golden persona.
    Duplicate,
    /// Our products meet too little of what it needs.
    Underserved,
    /// It is much like another persona.
    Overlap,
    /// It is drawn to several products.
    MultiProduct,
    /// It rests on too little, too old or no evidence.
    Health,
    /// A buying unit it sits in cannot close.
    BuyingUnit,
}

/// One finding about a persona, with its why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileFinding {
    /// What it is.
    pub kind: ProfileFindingKind,
    /// A headline for a marketer ("Overlaps with Priya").
    pub title: String,
    /// Why, as the analysis says it.
    pub why: String,
}

/// A persona with everything shown about it; sent, never read back.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PersonaProfile {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Job title.
    pub title: Option<String>,
    /// Something they would say.
    pub quote: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// The portrait, a PNG or JPEG `data:` URI.
    pub portrait: Option<String>,
    /// Proto, validated or detailed.
    pub status: Option<Status>,
    /// How important it is to the business, 1-5.
    pub priority: Option<u8>,
    /// When it was last checked.
    pub last_reviewed: Option<Date>,
    /// What they want to achieve.
    pub goals: Vec<String>,
    /// What gets in their way.
    pub pain_points: Vec<String>,
    /// Where to reach them.
    pub channels: Vec<String>,
    /// The teams that work with it.
    pub used_by: Vec<String>,
    /// Stories of the persona at work.
    pub scenarios: Vec<Scenario>,
    /// What it rests on, as written.
    pub evidence: Vec<Evidence>,
    /// The rules that pick its customers out of customer records.
    pub rules: Option<String>,
    /// Free attributes.
    pub attributes: Attributes,
    /// Its market segment.
    pub market_segment: Option<Choice>,
    /// Its customer segment.
    pub customer_segment: Option<Choice>,
    /// Its buying role.
    pub buying_role: Option<ProfileRole>,
    /// Its needs, most important first.
    pub needs: Vec<ProfileNeed>,
    /// The products it is tied to, in the order first written.
    pub products: Vec<ProfileProduct>,
    /// The buying units it sits in, by name.
    pub buying_units: Vec<ProfileUnit>,
    /// Its relationships with other personas.
    pub relationships: Vec<ProfileRelationship>,
    /// The journeys it is on, in the project's order.
    pub journeys: Vec<Choice>,
    /// Up to two letters for a portrait with no picture.
    pub initials: String,
    /// How far it rests on evidence, 0..1, on the analysis' day.
    pub confidence: f64,
    /// Whether the confidence is below [`analysis::health::LOW_CONFIDENCE`].
    pub low_confidence: bool,
    /// What the analyses found about it, health first.
    pub findings: Vec<ProfileFinding>,
}

/// Up to two letters for a portrait with no picture: the first letter of
/// the first word and of the last capitalised word after it ("Dana the Data
/// Platform Lead" is "DL"), one for a one-word name, "?" for none.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return "?".to_owned();
    };
    let last = words[1..]
        .iter()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase));
    let letter = |w: &str| w.chars().next().into_iter().flat_map(char::to_uppercase);
    letter(first)
        .chain(last.into_iter().flat_map(|w| letter(w)))
        .collect()
}

/// The names of a project's entities by id, and how well our products meet
/// each need, built once for many profiles and journeys.
pub struct Names<'a> {
    project: &'a Project,
    names: HashMap<&'a str, &'a str>,
    roles: HashMap<&'a str, &'a BuyingRole>,
    /// For each need id: our best (score, product index).
    best: HashMap<&'a str, (f64, usize)>,
}

impl<'a> Names<'a> {
    /// O(project).
    pub fn new(project: &'a Project) -> Self {
        let mut names: HashMap<&str, &str> = HashMap::new();
        let mut add = |id: &'a str, name: &'a str| {
            names.insert(id, name);
        };
        project
            .market_segments
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .customer_segments
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .buying_roles
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .needs
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .products
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .competitors
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .personas
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .buying_units
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        project
            .journeys
            .iter()
            .for_each(|x| add(x.id.as_str(), &x.name));
        let best = analysis::best_products(project)
            .into_iter()
            .enumerate()
            .filter_map(|(i, b)| Some((project.needs[i].id.as_str(), b?)))
            .collect();
        Names {
            project,
            names,
            roles: project
                .buying_roles
                .iter()
                .map(|r| (r.id.as_str(), r))
                .collect(),
            best,
        }
    }

    /// The name of the entity `id`, or the id itself when none has it.
    pub fn name(&self, id: &str) -> String {
        self.names
            .get(id)
            .map_or_else(|| id.to_owned(), |n| (*n).to_owned())
    }

    pub(crate) fn choice(&self, id: &str) -> Choice {
        Choice {
            id: id.to_owned(),
            name: self.name(id),
        }
    }

    /// Our product that meets the need `id` best, with its score, and
    /// whether that reaches the project's `met_at`. O(1).
    pub fn cover(&self, id: &str) -> (Option<(Choice, f64)>, bool) {
        let best = self
            .best
            .get(id)
            .map(|&(score, i)| (self.choice(self.project.products[i].id.as_str()), score));
        // As the analysis judges it: no product is a score of 0.
        let score = best.as_ref().map_or(0.0, |(_, s)| *s);
        let met = score >= self.project.thresholds.met_at.get();
        (best, met)
    }

    /// The profile of the persona `id` with what `a` (the analysis of the
    /// project) found about it, or `None` when there is none. O(its links +
    /// the findings + the buying units, relationships and journeys of the
    /// project).
    pub fn profile(&self, id: &str, a: &Analysis) -> Option<PersonaProfile> {
        let p = self.project.personas.iter().find(|x| x.id.as_str() == id)?;
        let mut needs: Vec<ProfileNeed> = p
            .needs
            .iter()
            .map(|n| {
                let (best, met) = self.cover(n.need.as_str());
                ProfileNeed {
                    id: n.need.to_string(),
                    name: self.name(n.need.as_str()),
                    importance: n.importance.get(),
                    met,
                    best,
                }
            })
            .collect();
        needs.sort_by(|x, y| {
            y.importance
                .total_cmp(&x.importance)
                .then(x.name.cmp(&y.name))
        });

        let mut products: Vec<ProfileProduct> = Vec::new();
        for tie in &p.products {
            match products.iter_mut().find(|x| x.id == tie.product.as_str()) {
                Some(x) => x.relations.push(tie.relation),
                None => products.push(ProfileProduct {
                    id: tie.product.to_string(),
                    name: self.name(tie.product.as_str()),
                    relations: vec![tie.relation],
                }),
            }
        }

        let buying_units = self
            .project
            .buying_units
            .iter()
            .flat_map(|u| {
                u.members
                    .iter()
                    .filter(|m| m.persona == p.id)
                    .map(|m| ProfileUnit {
                        id: u.id.to_string(),
                        name: u.name.clone(),
                        role: m.role.as_ref().map(|r| self.name(r.as_str())),
                    })
            })
            .collect();

        let relationships = self
            .project
            .relationships
            .iter()
            .filter_map(|r| {
                let (other, outgoing) = if r.from == p.id {
                    (&r.to, true)
                } else if r.to == p.id {
                    (&r.from, false)
                } else {
                    return None;
                };
                Some(ProfileRelationship {
                    persona: self.choice(other.as_str()),
                    kind: r.kind,
                    weight: r.weight.get(),
                    outgoing,
                })
            })
            .collect();

        let journeys = self
            .project
            .journeys
            .iter()
            .filter(|j| j.personas.contains(&p.id))
            .map(|j| self.choice(j.id.as_str()))
            .collect();

        let confidence = analysis::health::confidence(p, &a.thresholds, a.today);
        Some(PersonaProfile {
            id: p.id.to_string(),
            name: p.name.clone(),
            title: p.title.clone(),
            quote: p.quote.clone(),
            description: p.description.clone(),
            portrait: p.portrait.as_ref().map(|x| x.as_str().to_owned()),
            status: p.status,
            priority: p.priority.map(Priority::get),
            last_reviewed: p.last_reviewed,
            goals: p.goals.clone(),
            pain_points: p.pain_points.clone(),
            channels: p.channels.clone(),
            used_by: p.used_by.clone(),
            scenarios: p.scenarios.clone(),
            evidence: p.evidence.clone(),
            rules: p.rules.clone(),
            attributes: p.attributes.clone(),
            market_segment: p.market_segment.as_ref().map(|x| self.choice(x.as_str())),
            customer_segment: p.customer_segment.as_ref().map(|x| self.choice(x.as_str())),
            buying_role: p.buying_role.as_ref().map(|r| ProfileRole {
                id: r.to_string(),
                name: self.name(r.as_str()),
                decides: self.roles.get(r.as_str()).is_some_and(|x| x.decides),
            }),
            needs,
            products,
            buying_units,
            relationships,
            journeys,
            initials: initials(&p.name),
            confidence,
            low_confidence: analysis::health::is_low(confidence),
            findings: self.findings(&p.id, a),
        })
    }

    fn findings(&self, id: &PersonaId, a: &Analysis) -> Vec<ProfileFinding> {
        let mut out = Vec::new();
        let mut add = |kind, title: String, why: &str| {
            out.push(ProfileFinding {
                kind,
                title,
                why: why.to_owned(),
            })
        };
        for h in a.health.iter().filter(|h| &h.persona == id) {
            let problems: Vec<&str> = h.problems.iter().map(|x| x.label()).collect();
            add(
                ProfileFindingKind::Health,
                format!("Health: {}", problems.join(", ")),
                &h.why,
            );
        }
        for g in &a.golden {
            if &g.persona == id {
                add(
                    ProfileFindingKind::Golden,
                    "Golden persona".to_owned(),
                    &g.why,
                );
            } else if g.duplicates.contains(id) {
                add(
                    ProfileFindingKind::Duplicate,
                    format!("Another version of {}", self.name(g.persona.as_str())),
                    &g.why,
                );
            }
        }
        for u in a.underserved.iter().filter(|u| &u.persona == id) {
            add(
                ProfileFindingKind::Underserved,
                "Underserved".to_owned(),
                &u.why,
            );
        }
        for o in a.overlaps.iter().filter(|o| o.personas.contains(id)) {
            let other = if &o.personas[0] == id {
                &o.personas[1]
            } else {
                &o.personas[0]
            };
            add(
                ProfileFindingKind::Overlap,
                format!("Overlaps with {}", self.name(other.as_str())),
                &o.why,
            );
        }
        for m in a.multi_product.iter().filter(|m| &m.persona == id) {
            add(
                ProfileFindingKind::MultiProduct,
                format!("Drawn to {} products", m.products.len()),
                &m.why,
            );
        }
        for u in a
            .buying_units
            .iter()
            .filter(|u| !u.complete && u.members.contains(id))
        {
            add(
                ProfileFindingKind::BuyingUnit,
                format!("{} cannot close", self.name(u.unit.as_str())),
                &u.why,
            );
        }
        out
    }
}

/// The profile of one persona of `project`, judged with its thresholds on
/// `today`; `None` when there is no persona `id`. O(analysis).
pub fn profile(project: &Project, id: &str, today: Date) -> Option<PersonaProfile> {
    let analysis = analysis::analyze(project, &project.thresholds, today);
    Names::new(project).profile(id, &analysis)
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_the_first_word_and_the_last_capitalised_one() {
        assert_eq!(
            initials("Dana the Data Platform Lead"),
            "DL",
            "first and last capital"
        );
        assert_eq!(initials("Kwame Mensah"), "KM");
        assert_eq!(
            initials("priya the platform owner"),
            "P",
            "no capital after the first"
        );
        assert_eq!(initials("élodie Martin"), "ÉM", "any script's capitals");
        assert_eq!(initials("   "), "?", "no name: a question mark");
    }
}
