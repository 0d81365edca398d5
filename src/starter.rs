//! Starter sets: the buying roles, segments and needs most B2B portfolios
//! begin with, offered in an empty project so that a first map takes
//! minutes rather than an afternoon of typing. Each set is added as one
//! batch edit, so one undo takes the whole set back.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use ts_rs::TS;

use crate::edit::Edit;
use crate::error::{Error, Problem, Problems, Result};
use crate::model::{EntityKind, Project, fresh_id};

/// One thing a set adds.
struct Item {
    name: &'static str,
    description: &'static str,
    /// For buying roles: a unit without it is incomplete.
    required: bool,
    /// For buying roles: people in it make the final decision.
    decides: bool,
    /// For market segments: the attribute it is defined by.
    attribute: Option<(&'static str, &'static str)>,
}

const fn item(name: &'static str, description: &'static str) -> Item {
    Item {
        name,
        description,
        required: false,
        decides: false,
        attribute: None,
    }
}

struct Set {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    kind: EntityKind,
    items: &'static [Item],
}

const SETS: &[Set] = &[
    Set {
        id: "buying-roles",
        name: "Common B2B buying roles",
        description: "The roles found in most B2B buying groups, from the person who signs to \
                      the people who use the product every day.",
        kind: EntityKind::BuyingRole,
        items: &[
            Item {
                required: true,
                decides: true,
                ..item(
                    "Decision maker",
                    "Makes the final call and owns the outcome of the purchase.",
                )
            },
            Item {
                required: true,
                ..item(
                    "Economic buyer",
                    "Controls the budget and judges the return on the investment.",
                )
            },
            Item {
                required: true,
                ..item(
                    "Technical evaluator",
                    "Checks that the product fits the stack, security and compliance rules.",
                )
            },
            item(
                "Champion",
                "Wants the product to win and sells it inside the company.",
            ),
            item(
                "Procurement",
                "Runs the buying process, the terms and the negotiation.",
            ),
            item(
                "User",
                "Works with the product every day; lives with the choice.",
            ),
            item(
                "Influencer",
                "Shapes the choice with advice and opinions, without a vote.",
            ),
            item(
                "Gatekeeper",
                "Controls access to the decision makers and to information: legal, \
                 security or an assistant.",
            ),
        ],
    },
    Set {
        id: "company-size",
        name: "Market segments by company size",
        description: "Small, mid-market and enterprise companies: the firmographic split \
                      most sales teams are organised by.",
        kind: EntityKind::MarketSegment,
        items: &[
            Item {
                attribute: Some(("company_size", "1-99 employees")),
                ..item(
                    "Small business",
                    "Companies of up to 99 employees: few people decide, quickly.",
                )
            },
            Item {
                attribute: Some(("company_size", "100-999 employees")),
                ..item(
                    "Mid-market",
                    "Companies of 100 to 999 employees: a small buying group and a \
                     budget owner.",
                )
            },
            Item {
                attribute: Some(("company_size", "1,000+ employees")),
                ..item(
                    "Enterprise",
                    "Companies of 1,000 employees or more: large buying groups, \
                     procurement and long cycles.",
                )
            },
        ],
    },
    Set {
        id: "adoption-attitude",
        name: "Customer segments by attitude to change",
        description: "Why people buy, by how they meet something new: from those who want it \
                      first to those who need to be convinced.",
        kind: EntityKind::CustomerSegment,
        items: &[
            item(
                "Visionaries",
                "Want an advantage before anyone else has it, and accept some risk for it.",
            ),
            item(
                "Pragmatists",
                "Buy what has proven itself with peers; want references and a safe rollout.",
            ),
            item(
                "Conservatives",
                "Buy when they must; want low risk, low cost and nothing to learn.",
            ),
            item(
                "Sceptics",
                "Doubt that change pays off; need hard evidence and a strong reason.",
            ),
        ],
    },
    Set {
        id: "b2b-needs",
        name: "Common B2B needs",
        description: "What most business buyers weigh, whatever the product.",
        kind: EntityKind::Need,
        items: &[
            item(
                "Lower total cost",
                "Spend less over the life of the product, not only at purchase.",
            ),
            item(
                "Fast time to value",
                "See results within weeks, without a long project.",
            ),
            item(
                "Fits our systems",
                "Works with the tools and data already in place.",
            ),
            item(
                "Security and compliance",
                "Meets the security, privacy and regulatory rules the company is held to.",
            ),
            item(
                "Reliable support",
                "Help that answers quickly and knows the customer's situation.",
            ),
            item(
                "Grows with us",
                "Keeps working as users, data and sites are added.",
            ),
        ],
    },
];

/// A starter set as the app and the command line list it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct StarterSet {
    /// What `add` takes: `buying-roles`, `company-size`...
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is for.
    pub description: String,
    /// What kind of entity it adds.
    pub kind: EntityKind,
    /// The names of what it adds, in order.
    pub items: Vec<String>,
}

/// Every starter set. O(1).
pub fn sets() -> Vec<StarterSet> {
    SETS.iter()
        .map(|s| StarterSet {
            id: s.id.to_owned(),
            name: s.name.to_owned(),
            description: s.description.to_owned(),
            kind: s.kind,
            items: s.items.iter().map(|i| i.name.to_owned()).collect(),
        })
        .collect()
}

/// The prefix of the ids a set's entities get.
fn prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::MarketSegment => "ms",
        EntityKind::CustomerSegment => "cs",
        EntityKind::BuyingRole => "role",
        EntityKind::Need => "need",
        EntityKind::Product => "prod",
        EntityKind::Competitor => "comp",
        EntityKind::Persona => "p",
        EntityKind::BuyingUnit => "bu",
        EntityKind::Journey => "j",
    }
}

/// The names the project already gives entities of `kind`.
fn names_of(project: &Project, kind: EntityKind) -> Vec<String> {
    let names: Vec<&str> = match kind {
        EntityKind::MarketSegment => project.market_segments.iter().map(|x| &*x.name).collect(),
        EntityKind::CustomerSegment => project.customer_segments.iter().map(|x| &*x.name).collect(),
        EntityKind::BuyingRole => project.buying_roles.iter().map(|x| &*x.name).collect(),
        EntityKind::Need => project.needs.iter().map(|x| &*x.name).collect(),
        _ => Vec::new(),
    };
    names.into_iter().map(|n| n.trim().to_lowercase()).collect()
}

/// The edit that adds set `id` to `project`: one `create` per item, in a
/// batch. An item whose name the project already has for that kind (in any
/// case) is left out, so adding a set twice adds nothing the second time.
/// Refused when there is no such set, or when the project has every item.
/// O(items × log(project)).
pub fn edit_for(project: &Project, id: &str, is_taken: impl Fn(&str) -> bool) -> Result<Edit> {
    let refused = |message: String| Error::Invalid {
        source_name: "the starter set".to_owned(),
        problems: Problems(vec![Problem {
            path: String::new(),
            message,
        }]),
    };
    let Some(set) = SETS.iter().find(|s| s.id == id) else {
        let known: Vec<&str> = SETS.iter().map(|s| s.id).collect();
        return Err(refused(format!(
            "no starter set {id:?}; the sets are {}",
            known.join(", ")
        )));
    };
    let have = names_of(project, set.kind);
    let mut new_ids: Vec<String> = Vec::new();
    let mut edits = Vec::new();
    for item in set.items {
        if have.contains(&item.name.to_lowercase()) {
            continue;
        }
        let id = fresh_id(prefix(set.kind), item.name, |x| {
            is_taken(x) || new_ids.iter().any(|n| n == x)
        });
        let mut value = Map::new();
        value.insert("id".into(), json!(id));
        value.insert("name".into(), json!(item.name));
        value.insert("description".into(), json!(item.description));
        if item.required {
            value.insert("required".into(), json!(true));
        }
        if item.decides {
            value.insert("decides".into(), json!(true));
        }
        if let Some((key, v)) = item.attribute {
            value.insert("attributes".into(), json!({ key: v }));
        }
        new_ids.push(id);
        edits.push(Edit::Create {
            kind: set.kind,
            value: Value::Object(value),
        });
    }
    if edits.is_empty() {
        return Err(refused(format!(
            "the project already has every item of {:?}",
            set.name
        )));
    }
    Ok(Edit::Batch { edits })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;

    #[test]
    fn every_set_adds_valid_entities_to_an_empty_project() {
        for set in sets() {
            let empty = Project::default();
            let edit = edit_for(&empty, &set.id, |_| false).expect("a known set");
            let next = apply(&empty, &edit).expect("a starter set is a valid edit");
            assert_eq!(
                names_of(&next, set.kind).len(),
                set.items.len(),
                "{} adds each of its items once",
                set.id
            );
        }
    }

    #[test]
    fn adding_a_set_twice_adds_nothing_the_second_time() {
        let empty = Project::default();
        let first = apply(
            &empty,
            &edit_for(&empty, "buying-roles", |_| false).expect("set"),
        )
        .expect("applies");
        let again = edit_for(&first, "buying-roles", |_| false);
        assert!(
            again.is_err_and(|e| e.to_string().contains("already has every item")),
            "a set already added is refused with a reason, not added twice"
        );
        let decider = first
            .buying_roles
            .iter()
            .find(|r| r.name == "Decision maker")
            .expect("the decision maker role");
        assert!(
            decider.decides && decider.required,
            "the decision maker decides and is required in a unit"
        );
    }

    #[test]
    fn ids_already_taken_get_a_number() {
        let empty = Project::default();
        let edit = edit_for(&empty, "b2b-needs", |id| id == "need-lower-total-cost").expect("set");
        let Edit::Batch { edits } = edit else {
            panic!("a set is a batch")
        };
        let Some(Edit::Create { value, .. }) = edits.first() else {
            panic!("a create")
        };
        assert_eq!(
            value["id"], "need-lower-total-cost-2",
            "an id in use elsewhere in the project is not reused"
        );
    }

    #[test]
    fn an_unknown_set_is_refused_with_the_known_ones() {
        let err = edit_for(&Project::default(), "nope", |_| false).expect_err("unknown");
        assert!(
            err.to_string().contains("buying-roles"),
            "the message lists the sets there are: {err}"
        );
    }
}
