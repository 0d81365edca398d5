//! Edits: what the app changes in a project, one at a time. Every edit
//! yields a whole new project that has passed the same checks as an import,
//! so an edit can never leave the file in a state an import would refuse.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::error::{Error, Problem, Problems, Result};
use crate::interchange;
use crate::model::*;

/// One change to a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Creates an entity, or replaces the one with the same id. `value` is
    /// the entity as the interchange format writes it.
    Put {
        /// What kind of entity.
        kind: EntityKind,
        /// The entity.
        #[ts(type = "unknown")]
        value: Value,
    },
    /// Deletes an entity and every link to it.
    Delete {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id.
        id: String,
    },
    /// Makes two personas one: `keep` takes over the needs, products,
    /// evidence, words, relationships and buying units of `remove`, which
    /// is then deleted.
    MergePersonas {
        /// The persona that stays.
        keep: PersonaId,
        /// The persona folded into it.
        remove: PersonaId,
    },
    /// Makes `relations` the persona's only links to the product; an empty
    /// list unlinks them.
    LinkProduct {
        /// The persona.
        persona: PersonaId,
        /// The product.
        product: ProductId,
        /// How the persona relates to it, each at most once.
        relations: Vec<ProductRelation>,
    },
    /// Sets how much a persona cares about a need; `None` removes the need.
    LinkNeed {
        /// The persona.
        persona: PersonaId,
        /// The need.
        need: NeedId,
        /// 0-1, how important the need is to the persona.
        importance: Option<f64>,
    },
    /// Sets how well a product or a competitor meets a need; `None` says it
    /// does not address the need at all.
    Score {
        /// The id of a product or of a competitor.
        offering: String,
        /// The need.
        need: NeedId,
        /// 0-1, 1 = fully.
        score: Option<f64>,
    },
    /// Adds or changes the relationship `from` → `to` of this kind; `None`
    /// removes it.
    Relate {
        /// Who acts.
        from: PersonaId,
        /// On whom.
        to: PersonaId,
        /// How.
        kind: RelationshipKind,
        /// 0-1, how strongly; `None` removes the relationship.
        weight: Option<f64>,
    },
}

fn refused(message: String) -> Error {
    Error::Invalid {
        source_name: "the edit".to_owned(),
        problems: Problems(vec![Problem {
            path: String::new(),
            message,
        }]),
    }
}

/// The project after `edit`, checked as an import would be. `project` itself
/// is left as it was.
pub fn apply(project: &Project, edit: &Edit) -> Result<Project> {
    let next = match edit {
        // A put is read by the import's reader already, which checks it.
        Edit::Put { kind, value } => return put(project, *kind, value),
        Edit::Delete { kind, id } => delete(project, *kind, id)?,
        Edit::MergePersonas { keep, remove } => merge(project, keep, remove)?,
        Edit::LinkProduct {
            persona,
            product,
            relations,
        } => link_product(project, persona, product, relations)?,
        Edit::LinkNeed {
            persona,
            need,
            importance,
        } => link_need(project, persona, need, *importance)?,
        Edit::Score {
            offering,
            need,
            score,
        } => set_score(project, offering, need, *score)?,
        Edit::Relate {
            from,
            to,
            kind,
            weight,
        } => relate(project, from, to, *kind, *weight)?,
    };
    // Deletes and merges are checked the same way, in case a rule of the
    // format was missed in them.
    interchange::read(&interchange::write(&next), "the edited project").map_err(|e| match e {
        Error::Invalid { problems, .. } => Error::Invalid {
            source_name: "the edit".to_owned(),
            problems,
        },
        other => other,
    })
}

fn put(project: &Project, kind: EntityKind, value: &Value) -> Result<Project> {
    let Some(id) = value.get("id").and_then(Value::as_str) else {
        return Err(refused("the entity has no id".to_owned()));
    };
    let mut doc: Value = serde_json::from_str(&interchange::write(project))
        .map_err(|e| refused(format!("the project could not be prepared: {e}")))?;
    let list = doc.get_mut(kind.list()).and_then(Value::as_array_mut);
    let list = match list {
        Some(list) => list,
        None => {
            doc[kind.list()] = Value::Array(Vec::new());
            doc[kind.list()]
                .as_array_mut()
                .ok_or_else(|| refused("the project could not be prepared".to_owned()))?
        }
    };
    match list
        .iter_mut()
        .find(|e| e.get("id").and_then(Value::as_str) == Some(id))
    {
        Some(existing) => *existing = value.clone(),
        None => list.push(value.clone()),
    }
    interchange::read(&doc.to_string(), "the edit").map_err(|e| match e {
        Error::Invalid { problems, .. } => Error::Invalid {
            source_name: format!("the {}", kind.label()),
            problems: Problems(
                problems
                    .0
                    .into_iter()
                    .map(|p| local(p, kind, &doc, id))
                    .collect(),
            ),
        },
        other => other,
    })
}

/// `personas[3].name` becomes `name` when personas[3] is the edited entity,
/// so that a form can show the problem beside its field.
fn local(mut p: Problem, kind: EntityKind, doc: &Value, id: &str) -> Problem {
    let index = doc[kind.list()].as_array().and_then(|l| {
        l.iter()
            .position(|e| e.get("id").and_then(Value::as_str) == Some(id))
    });
    if let Some(i) = index {
        let prefix = format!("{}[{i}]", kind.list());
        if let Some(rest) = p.path.strip_prefix(&prefix) {
            p.path = rest.trim_start_matches('.').to_owned();
        }
    }
    p
}

fn delete(project: &Project, kind: EntityKind, id: &str) -> Result<Project> {
    let mut p = project.clone();
    let before = p.counts();
    let gone = |x: &str| x == id;
    match kind {
        EntityKind::MarketSegment => {
            p.market_segments.retain(|s| !gone(s.id.as_str()));
            for x in &mut p.personas {
                if x.market_segment.as_ref().is_some_and(|s| gone(s.as_str())) {
                    x.market_segment = None;
                }
            }
            for u in &mut p.buying_units {
                if u.market_segment.as_ref().is_some_and(|s| gone(s.as_str())) {
                    u.market_segment = None;
                }
            }
        }
        EntityKind::CustomerSegment => {
            p.customer_segments.retain(|s| !gone(s.id.as_str()));
            for x in &mut p.personas {
                if x.customer_segment
                    .as_ref()
                    .is_some_and(|s| gone(s.as_str()))
                {
                    x.customer_segment = None;
                }
            }
        }
        EntityKind::BuyingRole => {
            p.buying_roles.retain(|r| !gone(r.id.as_str()));
            for x in &mut p.personas {
                if x.buying_role.as_ref().is_some_and(|r| gone(r.as_str())) {
                    x.buying_role = None;
                }
            }
            for u in &mut p.buying_units {
                for m in &mut u.members {
                    if m.role.as_ref().is_some_and(|r| gone(r.as_str())) {
                        m.role = None;
                    }
                }
            }
        }
        EntityKind::Need => {
            p.needs.retain(|n| !gone(n.id.as_str()));
            for x in &mut p.personas {
                x.needs.retain(|n| !gone(n.need.as_str()));
            }
            for x in &mut p.products {
                x.addresses.retain(|a| !gone(a.need.as_str()));
            }
            for x in &mut p.competitors {
                x.addresses.retain(|a| !gone(a.need.as_str()));
            }
        }
        EntityKind::Product => {
            p.products.retain(|x| !gone(x.id.as_str()));
            for x in &mut p.personas {
                x.products.retain(|l| !gone(l.product.as_str()));
            }
            for u in &mut p.buying_units {
                if u.product.as_ref().is_some_and(|x| gone(x.as_str())) {
                    u.product = None;
                }
            }
        }
        EntityKind::Competitor => p.competitors.retain(|c| !gone(c.id.as_str())),
        EntityKind::Persona => {
            p.personas.retain(|x| !gone(x.id.as_str()));
            p.relationships
                .retain(|r| !gone(r.from.as_str()) && !gone(r.to.as_str()));
            for u in &mut p.buying_units {
                u.members.retain(|m| !gone(m.persona.as_str()));
            }
        }
        EntityKind::BuyingUnit => p.buying_units.retain(|u| !gone(u.id.as_str())),
    }
    if p.counts() == before {
        return Err(refused(format!("no {} with id {id:?}", kind.label())));
    }
    Ok(p)
}

/// A 0-1 number from an edit, or a problem at `field` that says what is wrong.
fn unit(value: f64, field: &str) -> Result<Unit> {
    Unit::new(value).map_err(|_| Error::Invalid {
        source_name: "the edit".to_owned(),
        problems: Problems(vec![Problem {
            path: field.to_owned(),
            message: format!("must be a number from 0 to 1, not {value}"),
        }]),
    })
}

fn persona_mut<'a>(p: &'a mut Project, id: &PersonaId) -> Result<&'a mut Persona> {
    p.personas
        .iter_mut()
        .find(|x| &x.id == id)
        .ok_or_else(|| refused(format!("no persona with id {:?}", id.as_str())))
}

fn link_product(
    project: &Project,
    persona: &PersonaId,
    product: &ProductId,
    relations: &[ProductRelation],
) -> Result<Project> {
    if !project.products.iter().any(|x| &x.id == product) {
        return Err(refused(format!(
            "no product with id {:?}",
            product.as_str()
        )));
    }
    let mut p = project.clone();
    let links = &mut persona_mut(&mut p, persona)?.products;
    // Links to the product keep their place; new ones go at the end.
    let mut kept: Vec<ProductRelation> = Vec::new();
    links.retain(|l| {
        if &l.product != product {
            return true;
        }
        let keep = relations.contains(&l.relation) && !kept.contains(&l.relation);
        if keep {
            kept.push(l.relation);
        }
        keep
    });
    for r in relations {
        if !kept.contains(r) {
            kept.push(*r);
            links.push(PersonaProduct {
                product: product.clone(),
                relation: *r,
            });
        }
    }
    Ok(p)
}

fn link_need(
    project: &Project,
    persona: &PersonaId,
    need: &NeedId,
    importance: Option<f64>,
) -> Result<Project> {
    if !project.needs.iter().any(|x| &x.id == need) {
        return Err(refused(format!("no need with id {:?}", need.as_str())));
    }
    let importance = importance.map(|v| unit(v, "importance")).transpose()?;
    let mut p = project.clone();
    let needs = &mut persona_mut(&mut p, persona)?.needs;
    match (needs.iter_mut().find(|n| &n.need == need), importance) {
        (Some(n), Some(v)) => n.importance = v,
        (None, Some(v)) => needs.push(PersonaNeed {
            need: need.clone(),
            importance: v,
        }),
        (_, None) => needs.retain(|n| &n.need != need),
    }
    Ok(p)
}

fn set_score(
    project: &Project,
    offering: &str,
    need: &NeedId,
    score: Option<f64>,
) -> Result<Project> {
    if !project.needs.iter().any(|x| &x.id == need) {
        return Err(refused(format!("no need with id {:?}", need.as_str())));
    }
    let score = score.map(|v| unit(v, "score")).transpose()?;
    let mut p = project.clone();
    let addresses = if let Some(x) = p.products.iter_mut().find(|x| x.id.as_str() == offering) {
        &mut x.addresses
    } else if let Some(x) = p.competitors.iter_mut().find(|x| x.id.as_str() == offering) {
        &mut x.addresses
    } else {
        return Err(refused(format!(
            "no product or competitor with id {offering:?}"
        )));
    };
    match (addresses.iter_mut().find(|a| &a.need == need), score) {
        (Some(a), Some(v)) => a.score = v,
        (None, Some(v)) => addresses.push(NeedScore {
            need: need.clone(),
            score: v,
        }),
        (_, None) => addresses.retain(|a| &a.need != need),
    }
    Ok(p)
}

fn relate(
    project: &Project,
    from: &PersonaId,
    to: &PersonaId,
    kind: RelationshipKind,
    weight: Option<f64>,
) -> Result<Project> {
    for id in [from, to] {
        if !project.personas.iter().any(|x| &x.id == id) {
            return Err(refused(format!("no persona with id {:?}", id.as_str())));
        }
    }
    if from == to {
        return Err(refused(
            "a persona cannot have a relationship with itself".to_owned(),
        ));
    }
    let weight = weight.map(|v| unit(v, "weight")).transpose()?;
    let mut p = project.clone();
    let same = |r: &Relationship| &r.from == from && &r.to == to && r.kind == kind;
    match (p.relationships.iter_mut().find(|r| same(r)), weight) {
        (Some(r), Some(w)) => r.weight = w,
        (None, Some(w)) => p.relationships.push(Relationship {
            from: from.clone(),
            to: to.clone(),
            kind,
            weight: w,
            description: None,
            attributes: Attributes::default(),
        }),
        (Some(_), None) => p.relationships.retain(|r| !same(r)),
        (None, None) => {
            return Err(refused(format!(
                "{:?} has no such relationship with {:?} to remove",
                from.as_str(),
                to.as_str()
            )));
        }
    }
    Ok(p)
}

fn merge(project: &Project, keep: &PersonaId, remove: &PersonaId) -> Result<Project> {
    if keep == remove {
        return Err(refused("a persona cannot be merged with itself".to_owned()));
    }
    let find = |id: &PersonaId| project.personas.iter().find(|p| &p.id == id);
    let (Some(a), Some(b)) = (find(keep), find(remove)) else {
        return Err(refused(format!(
            "both personas must exist to be merged ({:?} and {:?})",
            keep.as_str(),
            remove.as_str()
        )));
    };
    let mut merged = a.clone();
    for n in &b.needs {
        match merged.needs.iter_mut().find(|m| m.need == n.need) {
            Some(m) if n.importance.get() > m.importance.get() => m.importance = n.importance,
            Some(_) => {}
            None => merged.needs.push(n.clone()),
        }
    }
    for l in &b.products {
        if !merged.products.contains(l) {
            merged.products.push(l.clone());
        }
    }
    merged.evidence.extend(b.evidence.iter().cloned());
    for (into, from) in [
        (&mut merged.goals, &b.goals),
        (&mut merged.pain_points, &b.pain_points),
        (&mut merged.channels, &b.channels),
    ] {
        for s in from {
            if !into.contains(s) {
                into.push(s.clone());
            }
        }
    }
    for (k, v) in &b.attributes {
        merged
            .attributes
            .entry(k.clone())
            .or_insert_with(|| v.clone());
    }
    merged.title = merged.title.or_else(|| b.title.clone());
    merged.quote = merged.quote.or_else(|| b.quote.clone());
    merged.market_segment = merged.market_segment.or_else(|| b.market_segment.clone());
    merged.customer_segment = merged
        .customer_segment
        .or_else(|| b.customer_segment.clone());
    merged.buying_role = merged.buying_role.or_else(|| b.buying_role.clone());
    merged.priority = merged.priority.max(b.priority);
    merged.rules = merged.rules.or_else(|| b.rules.clone());
    merged.last_reviewed = merged.last_reviewed.max(b.last_reviewed);

    let mut p = project.clone();
    p.personas.retain(|x| &x.id != remove);
    if let Some(slot) = p.personas.iter_mut().find(|x| &x.id == keep) {
        *slot = merged;
    }
    // Relationships of the removed persona now belong to the kept one; one
    // that would link it to itself, or repeat another, is dropped.
    let mut relationships: Vec<Relationship> = Vec::new();
    for mut r in p.relationships.drain(..) {
        if &r.from == remove {
            r.from = keep.clone();
        }
        if &r.to == remove {
            r.to = keep.clone();
        }
        let repeat = relationships
            .iter()
            .any(|o| o.from == r.from && o.to == r.to && o.kind == r.kind);
        if r.from != r.to && !repeat {
            relationships.push(r);
        }
    }
    p.relationships = relationships;
    for u in &mut p.buying_units {
        let had_keep = u.members.iter().any(|m| &m.persona == keep);
        u.members.retain(|m| !(had_keep && &m.persona == remove));
        for m in &mut u.members {
            if &m.persona == remove {
                m.persona = keep.clone();
            }
        }
    }
    Ok(p)
}

/// Edits done and undone in this session, as whole projects: undo puts the
/// previous project back exactly, whatever the edit was.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Project>,
    redo: Vec<Project>,
}

/// How many edits can be undone.
pub const HISTORY_LIMIT: usize = 100;

impl History {
    /// Remembers `before` as the state an undo returns to.
    pub fn record(&mut self, before: Project) {
        self.undo.push(before);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The project to go back to, remembering `current` for a redo.
    pub fn undo(&mut self, current: Project) -> Option<Project> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    /// The project to go forward to, remembering `current` for an undo.
    pub fn redo(&mut self, current: Project) -> Option<Project> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// Whether there is something to undo and to redo.
    pub fn state(&self) -> (bool, bool) {
        (!self.undo.is_empty(), !self.redo.is_empty())
    }

    /// Forgets everything (another project was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id<T: TryFrom<String, Error = String>>(s: &str) -> T {
        T::try_from(s.to_owned()).expect("a valid id")
    }

    fn demo() -> Project {
        crate::demo::project().expect("the demo reads")
    }

    #[test]
    fn put_adds_a_persona_and_checks_it_like_an_import() {
        let p = demo();
        let edit = Edit::Put {
            kind: EntityKind::Persona,
            value: json!({ "id": "p-new", "name": "Noor the New Buyer",
                           "needs": [{ "need": "need-data-residency", "importance": 0.9 }] }),
        };
        let next = apply(&p, &edit).expect("a valid persona is added");
        assert_eq!(
            next.personas.len(),
            p.personas.len() + 1,
            "one more persona"
        );

        let bad = Edit::Put {
            kind: EntityKind::Persona,
            value: json!({ "id": "p-new", "name": "",
                           "needs": [{ "need": "need-nope", "importance": 2 }] }),
        };
        let err = apply(&p, &bad).expect_err("an invalid persona is refused");
        let paths: Vec<&str> = err.problems().iter().map(|x| x.path.as_str()).collect();
        assert_eq!(
            paths,
            ["name", "needs[0].need", "needs[0].importance"],
            "problems are placed relative to the persona, for the form: {err}"
        );
    }

    #[test]
    fn delete_removes_every_link_to_the_entity() {
        let p = demo();
        let next = apply(
            &p,
            &Edit::Delete {
                kind: EntityKind::Need,
                id: "need-data-residency".into(),
            },
        )
        .expect("a need can be deleted");
        assert!(
            next.personas.iter().all(|x| x
                .needs
                .iter()
                .all(|n| n.need.as_str() != "need-data-residency")),
            "no persona keeps a deleted need"
        );
        let missing = apply(
            &p,
            &Edit::Delete {
                kind: EntityKind::Need,
                id: "nope".into(),
            },
        );
        assert!(
            missing.is_err(),
            "deleting what is not there is an error, not a silent no-op"
        );
    }

    #[test]
    fn merging_keeps_the_links_of_both() {
        let p = demo();
        let keep = PersonaId::new("p-dana-platform").expect("id");
        let remove = PersonaId::new("p-priya-platform").expect("id");
        let next = apply(
            &p,
            &Edit::MergePersonas {
                keep: keep.clone(),
                remove: remove.clone(),
            },
        )
        .expect("duplicates merge");
        let find = |pr: &Project, id: &PersonaId| pr.personas.iter().find(|x| &x.id == id).cloned();
        assert!(
            find(&next, &remove).is_none(),
            "the removed persona is gone"
        );
        let (a, b, m) = (
            find(&p, &keep).expect("keep"),
            find(&p, &remove).expect("remove"),
            find(&next, &keep).expect("kept"),
        );
        for n in a.needs.iter().chain(&b.needs) {
            assert!(
                m.needs.iter().any(|x| x.need == n.need),
                "need {} survives",
                n.need
            );
        }
        assert_eq!(
            m.evidence.len(),
            a.evidence.len() + b.evidence.len(),
            "all evidence is kept"
        );
        assert!(
            next.relationships
                .iter()
                .all(|r| r.from != remove && r.to != remove),
            "relationships now point at the kept persona"
        );
        assert!(
            next.buying_units
                .iter()
                .all(|u| u.members.iter().all(|x| x.persona != remove)),
            "buying units now hold the kept persona"
        );
    }

    #[test]
    fn history_undoes_and_redoes_in_order() {
        let mut h = History::default();
        let (a, mut b) = (demo(), demo());
        b.project.name = "B".into();
        h.record(a.clone());
        assert_eq!(
            h.undo(b.clone()).map(|p| p.project.name),
            Some(a.project.name.clone())
        );
        assert_eq!(
            h.redo(a.clone()).map(|p| p.project.name),
            Some("B".to_owned())
        );
        assert_eq!(
            h.state(),
            (true, false),
            "after a redo there is again something to undo"
        );
    }

    #[test]
    fn link_product_sets_exactly_the_relations_given() {
        let p = demo();
        let link = |relations: Vec<ProductRelation>| Edit::LinkProduct {
            persona: id("p-dana-platform"),
            product: id("prod-pipelines"),
            relations,
        };
        let ties = |p: &Project| -> Vec<ProductRelation> {
            let dana = p
                .personas
                .iter()
                .find(|x| x.id.as_str() == "p-dana-platform");
            dana.map(|d| {
                d.products
                    .iter()
                    .filter(|l| l.product.as_str() == "prod-pipelines")
                    .map(|l| l.relation)
                    .collect()
            })
            .unwrap_or_default()
        };
        let next = apply(
            &p,
            &link(vec![ProductRelation::Uses, ProductRelation::Targets]),
        )
        .expect("linking a persona to a product");
        assert_eq!(
            ties(&next),
            [ProductRelation::Uses, ProductRelation::Targets],
            "owned_by is gone, uses kept its place, targets is added"
        );
        let none = apply(&p, &link(vec![])).expect("unlinking");
        assert!(ties(&none).is_empty(), "an empty list unlinks");
        let other = apply(
            &p,
            &Edit::LinkProduct {
                persona: id("p-dana-platform"),
                product: id("prod-nope"),
                relations: vec![],
            },
        );
        assert!(other.is_err(), "an unknown product is refused");
    }

    #[test]
    fn link_need_and_score_set_change_and_remove() {
        let p = demo();
        let need = |v: Option<f64>| Edit::LinkNeed {
            persona: id("p-dana-platform"),
            need: id("need-cost-control"),
            importance: v,
        };
        let importance = |p: &Project| {
            p.personas
                .iter()
                .find(|x| x.id.as_str() == "p-dana-platform")
                .and_then(|d| {
                    d.needs
                        .iter()
                        .find(|n| n.need.as_str() == "need-cost-control")
                })
                .map(|n| n.importance.get())
        };
        let set = apply(&p, &need(Some(0.25))).expect("a need is set");
        assert_eq!(importance(&set), Some(0.25));
        let gone = apply(&set, &need(None)).expect("a need is removed");
        assert_eq!(importance(&gone), None);
        let err = apply(&p, &need(Some(1.5))).expect_err("1.5 is out of range");
        assert_eq!(
            err.problems()[0].path,
            "importance",
            "the problem names its field"
        );

        for offering in ["prod-insight", "comp-norvane"] {
            let score = |v: Option<f64>| Edit::Score {
                offering: offering.into(),
                need: id("need-root-cause"),
                score: v,
            };
            let scored = apply(&p, &score(Some(0.6))).expect("a score is set");
            let all = scored
                .products
                .iter()
                .map(|x| (x.id.as_str(), &x.addresses))
                .chain(
                    scored
                        .competitors
                        .iter()
                        .map(|x| (x.id.as_str(), &x.addresses)),
                );
            let found: Vec<f64> = all
                .filter(|(id, _)| *id == offering)
                .flat_map(|(_, a)| a.iter())
                .filter(|a| a.need.as_str() == "need-root-cause")
                .map(|a| a.score.get())
                .collect();
            assert_eq!(found, [0.6], "{offering} meets the need at 0.6, once");
            apply(&scored, &score(None)).expect("a score is removed");
        }
    }

    #[test]
    fn relate_adds_reweights_and_removes_a_relationship() {
        let p = demo();
        let relate = |w: Option<f64>| Edit::Relate {
            from: id("p-priya-platform"),
            to: id("p-dana-platform"),
            kind: RelationshipKind::Recommends,
            weight: w,
        };
        let added = apply(&p, &relate(Some(0.5))).expect("a relationship is added");
        assert_eq!(added.relationships.len(), p.relationships.len() + 1);
        let again = apply(&added, &relate(Some(0.9))).expect("and reweighted");
        assert_eq!(
            again.relationships.len(),
            added.relationships.len(),
            "not repeated"
        );
        let removed = apply(&again, &relate(None)).expect("and removed");
        assert_eq!(removed.relationships.len(), p.relationships.len());
        assert!(
            !removed
                .relationships
                .iter()
                .any(|r| r.from.as_str() == "p-priya-platform"
                    && r.kind == RelationshipKind::Recommends
                    && r.to.as_str() == "p-dana-platform"),
            "the relationship is gone"
        );
        assert!(
            apply(&p, &relate(None)).is_err(),
            "removing what is not there says so"
        );
        let own = Edit::Relate {
            from: id("p-dana-platform"),
            to: id("p-dana-platform"),
            kind: RelationshipKind::Influences,
            weight: Some(1.0),
        };
        assert!(apply(&p, &own).is_err(), "nobody influences themselves");
    }
}
