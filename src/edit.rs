//! Edits: what the app and `persona-atlas edit` change in a project, one at
//! a time.
//!
//! An edit is checked by what it touches: its own fields by the
//! interchange module's reader for that kind of entity, its references by
//! lookup in the project's [`Index`]. It then becomes a [`Change`], the
//! entities, relationships and positions before and after, which is what
//! the file writes row by row and what the history keeps to undo it. The
//! promise that an edit never yields a state an import refuses is kept by
//! these checks and held by a property test (`tests/integration/session.rs`),
//! not by checking the whole project on every edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::change::{self, Change, Delta, Entity, EntityKindOrder, Index, find, find_relationship};
use crate::error::{Error, Problem, Problems, Result};
use crate::interchange;
use crate::model::*;

/// One change to a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[ts(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Creates an entity; refused when its id is taken. `value` is the
    /// entity as the interchange format writes it.
    Create {
        /// What kind of entity.
        kind: EntityKind,
        /// The entity.
        #[ts(type = "unknown")]
        value: Value,
    },
    /// Replaces an entity; refused when there is no entity of this kind
    /// with its id, so that a form never creates by accident.
    Update {
        /// What kind of entity.
        kind: EntityKind,
        /// The entity, whole.
        #[ts(type = "unknown")]
        value: Value,
    },
    /// Creates an entity, or replaces the one of the same kind with the same
    /// id: for scripts. The app's forms use `create` and `update`.
    Put {
        /// What kind of entity.
        kind: EntityKind,
        /// The entity.
        #[ts(type = "unknown")]
        value: Value,
    },
    /// Changes some fields of an entity and keeps the others: each field
    /// given replaces the one of that name, as the interchange format
    /// writes it; `null` removes an optional field. The result is checked
    /// like an `update`. For editing one field in place.
    Patch {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id, which a patch cannot change.
        id: String,
        /// The fields to replace, by name.
        #[ts(type = "Record<string, unknown>")]
        fields: serde_json::Map<String, Value>,
    },
    /// Deletes an entity and every link to it.
    Delete {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id.
        id: String,
    },
    /// Makes two personas one: `keep` takes over the needs, products,
    /// evidence, words, scenarios, relationships, buying units and journeys
    /// of `remove`, which is then deleted.
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
    /// Replaces the thresholds the analyses judge by.
    SetThresholds {
        /// The new thresholds: the four from 0 to 1, and `stale_after_days`,
        /// which keeps its value when left out (scripts written before it
        /// existed send four).
        thresholds: NewThresholds,
    },
    /// Places nodes on the map. With `replace_all` every other position is
    /// forgotten (a new layout); otherwise only these nodes move.
    SetPositions {
        /// Where each node goes.
        positions: Vec<NodePosition>,
        /// Whether this is a whole new layout.
        #[serde(default)]
        replace_all: bool,
    },
    /// Renames the project or changes its description.
    SetProject {
        /// The name; must not be empty.
        name: String,
        /// The description; `None` removes it.
        #[serde(default)]
        description: Option<String>,
    },
    /// Saves what a match of customer records found, as one piece of
    /// evidence on each persona tested (`rules-v1.md`): counts only, never
    /// a record. Evidence from an earlier match of the same source is
    /// replaced, so that a persona carries the latest figures.
    RecordMatch {
        /// `crm` or `analytics`.
        kind: EvidenceKind,
        /// The table's name.
        source: String,
        /// When the match was run.
        date: Date,
        /// What each persona's rule matched.
        personas: Vec<MatchedPersona>,
    },
    /// Replaces the saved views of the map with `views`, in this order, as
    /// the interchange format writes them: saving, renaming, reordering and
    /// deleting a view are each one such edit.
    SetViews {
        /// The views, whole.
        #[ts(type = "unknown[]")]
        views: Value,
    },
    /// Several edits as one: each is planned on the project as the ones
    /// before it left it, and all are written in one transaction and undone
    /// in one step (a starter set, a paste). If one is refused, none is made.
    Batch {
        /// The edits, in order; a batch holds no batch.
        edits: Vec<Edit>,
    },
}

/// The most edits one batch may hold.
pub const MAX_BATCH: usize = 10_000;

/// One persona's figures in a `record_match` edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MatchedPersona {
    /// The persona.
    pub persona: PersonaId,
    /// Records its rule matched.
    #[ts(type = "number")]
    pub records: u64,
    /// The share of the table, 0..1.
    pub share: f64,
    /// The figures in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

/// The thresholds a `set_thresholds` edit sets.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewThresholds {
    /// See [`Thresholds::underserved_below`].
    pub underserved_below: Unit,
    /// See [`Thresholds::important_need`].
    pub important_need: Unit,
    /// See [`Thresholds::met_at`].
    pub met_at: Unit,
    /// See [`Thresholds::overlap_at`].
    pub overlap_at: Unit,
    /// See [`Thresholds::stale_after_days`]; unchanged when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stale_after_days: Option<Days>,
}

impl From<Thresholds> for NewThresholds {
    fn from(t: Thresholds) -> Self {
        NewThresholds {
            underserved_below: t.underserved_below,
            important_need: t.important_need,
            met_at: t.met_at,
            overlap_at: t.overlap_at,
            stale_after_days: Some(t.stale_after_days),
        }
    }
}

/// The most positions one edit may place: more nodes than a map of 20,000
/// personas has, so a bigger message is refused before it is looked through.
pub const MAX_POSITIONS: usize = 100_000;

fn refused(message: String) -> Error {
    Error::Invalid {
        source_name: "the edit".to_owned(),
        problems: Problems(vec![Problem {
            path: String::new(),
            message,
        }]),
    }
}

/// What an edit may look at: the project, the kinds of its ids, and where
/// its nodes are on the map.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    /// The project as it is.
    pub project: &'a Project,
    /// The kind of every id in it.
    pub index: &'a Index,
    /// The stored map positions by node id.
    pub positions: &'a BTreeMap<String, (f64, f64)>,
}

/// What `edit` would change in `target`, checked; nothing is changed yet.
/// O(size of the edit) for edits of one entity, link or score, plus one
/// pass over the entities that may refer to what a delete or merge removes.
pub fn plan(target: Target<'_>, edit: &Edit) -> Result<Change> {
    let mut change = Change::default();
    let p = target.project;
    match edit {
        Edit::Create { kind, value } => put(target, *kind, value, Mode::Create, &mut change)?,
        Edit::Update { kind, value } => put(target, *kind, value, Mode::Update, &mut change)?,
        Edit::Put { kind, value } => put(target, *kind, value, Mode::Either, &mut change)?,
        Edit::Patch { kind, id, fields } => {
            let value = patched(p, *kind, id, fields)?;
            put(target, *kind, &value, Mode::Update, &mut change)?
        }
        Edit::Delete { kind, id } => delete(target, *kind, id, &mut change)?,
        Edit::MergePersonas { keep, remove } => merge(target, keep, remove, &mut change)?,
        Edit::LinkProduct {
            persona,
            product,
            relations,
        } => {
            if find(&p.products, product.as_str()).is_none() {
                return Err(refused(format!(
                    "no product with id {:?}",
                    product.as_str()
                )));
            }
            let before = persona_of(p, persona)?;
            let mut after = before.clone();
            link_product(&mut after, product, relations);
            change.entity(
                Some(Entity::Persona(Box::new(before.clone()))),
                Some(Entity::Persona(Box::new(after))),
            );
        }
        Edit::LinkNeed {
            persona,
            need,
            importance,
        } => {
            if find(&p.needs, need.as_str()).is_none() {
                return Err(refused(format!("no need with id {:?}", need.as_str())));
            }
            let importance = importance.map(|v| unit(v, "importance")).transpose()?;
            let before = persona_of(p, persona)?;
            let mut after = before.clone();
            let needs = &mut after.needs;
            match (needs.iter_mut().find(|n| &n.need == need), importance) {
                (Some(n), Some(v)) => n.importance = v,
                (None, Some(v)) => needs.push(PersonaNeed {
                    need: need.clone(),
                    importance: v,
                }),
                (_, None) => needs.retain(|n| &n.need != need),
            }
            change.entity(
                Some(Entity::Persona(Box::new(before.clone()))),
                Some(Entity::Persona(Box::new(after))),
            );
        }
        Edit::Score {
            offering,
            need,
            score,
        } => {
            if find(&p.needs, need.as_str()).is_none() {
                return Err(refused(format!("no need with id {:?}", need.as_str())));
            }
            let score = score.map(|v| unit(v, "score")).transpose()?;
            let set = |addresses: &mut Vec<NeedScore>| match (
                addresses.iter_mut().find(|a| &a.need == need),
                score,
            ) {
                (Some(a), Some(v)) => a.score = v,
                (None, Some(v)) => addresses.push(NeedScore {
                    need: need.clone(),
                    score: v,
                }),
                (_, None) => addresses.retain(|a| &a.need != need),
            };
            if let Some(x) = find(&p.products, offering) {
                let mut after = x.clone();
                set(&mut after.addresses);
                change.entity(
                    Some(Entity::Product(x.clone())),
                    Some(Entity::Product(after)),
                );
            } else if let Some(x) = find(&p.competitors, offering) {
                let mut after = x.clone();
                set(&mut after.addresses);
                change.entity(
                    Some(Entity::Competitor(x.clone())),
                    Some(Entity::Competitor(after)),
                );
            } else {
                return Err(refused(format!(
                    "no product or competitor with id {offering:?}"
                )));
            }
        }
        Edit::Relate {
            from,
            to,
            kind,
            weight,
        } => relate(p, from, to, *kind, *weight, &mut change)?,
        Edit::SetThresholds { thresholds: t } => {
            change.thresholds = Some(Delta {
                before: Some(p.thresholds),
                after: Some(Thresholds {
                    underserved_below: t.underserved_below,
                    important_need: t.important_need,
                    met_at: t.met_at,
                    overlap_at: t.overlap_at,
                    stale_after_days: t.stale_after_days.unwrap_or(p.thresholds.stale_after_days),
                }),
            });
        }
        Edit::SetPositions {
            positions,
            replace_all,
        } => set_positions(target, positions, *replace_all, &mut change)?,
        Edit::RecordMatch {
            kind,
            source,
            date,
            personas,
        } => {
            if !matches!(kind, EvidenceKind::Crm | EvidenceKind::Analytics) {
                return Err(refused(
                    "a match is saved as evidence of kind crm or analytics".to_owned(),
                ));
            }
            let mut seen = std::collections::HashSet::new();
            for m in personas {
                if !seen.insert(m.persona.as_str()) {
                    return Err(refused(format!(
                        "persona {:?} is listed twice",
                        m.persona.as_str()
                    )));
                }
                let persona = persona_of(p, &m.persona)?;
                let mut after = persona.clone();
                after.evidence.retain(|e| {
                    !(e.kind == *kind && e.records.is_some() && e.source.as_deref() == Some(source))
                });
                after.evidence.push(Evidence {
                    kind: *kind,
                    source: Some(source.clone()),
                    date: Some(*date),
                    note: m.note.clone(),
                    records: Some(m.records),
                    share: Some(Unit::new(m.share).map_err(|e| {
                        refused(format!("the share of {:?}: {e}", m.persona.as_str()))
                    })?),
                });
                // Checked as any edit of a persona is, so that what is saved
                // always reads back.
                let value = serde_json::to_value(&after).map_err(|e| refused(e.to_string()))?;
                put(
                    target,
                    EntityKind::Persona,
                    &value,
                    Mode::Update,
                    &mut change,
                )?;
            }
        }
        Edit::SetViews { views } => {
            let lookup = |id: &str| target.index.kind(id);
            let views =
                interchange::read_views(views, &lookup).map_err(|problems| Error::Invalid {
                    source_name: "the saved views".to_owned(),
                    problems,
                })?;
            change.views = Some(Delta {
                before: Some(p.views.clone()),
                after: Some(views),
            });
        }
        Edit::Batch { edits } => batch(target, edits, &mut change)?,
        Edit::SetProject { name, description } => {
            if name.trim().is_empty() {
                return Err(Error::Invalid {
                    source_name: "the project".to_owned(),
                    problems: Problems(vec![Problem {
                        path: "name".to_owned(),
                        message: "must not be empty".to_owned(),
                    }]),
                });
            }
            change.meta = Some(Delta {
                before: Some(p.project.clone()),
                after: Some(ProjectMeta {
                    name: name.clone(),
                    description: description.clone().filter(|d| !d.is_empty()),
                }),
            });
        }
    }
    change.prune();
    Ok(change)
}

/// The project after `edit`, checked as the session checks it; `project`
/// itself is left as it was. O(project), for tests and one-off scripts: an
/// open [`crate::session::Session`] applies edits in the time of the edit.
pub fn apply(project: &Project, edit: &Edit) -> Result<Project> {
    let mut next = project.clone();
    next.sort();
    let mut index = Index::of(&next);
    let mut positions = BTreeMap::new();
    let change = plan(
        Target {
            project: &next,
            index: &index,
            positions: &positions,
        },
        edit,
    )?;
    change::apply(&change, &mut next, &mut index, &mut positions);
    Ok(next)
}

/// Plans the edits of a batch one after another on a copy of the project,
/// each seeing what the ones before it did. O(project) for the copy, plus
/// the edits; a batch of one is planned in place.
fn batch(target: Target<'_>, edits: &[Edit], change: &mut Change) -> Result<()> {
    if edits.len() > MAX_BATCH {
        return Err(refused(format!(
            "a batch of {} edits; at most {MAX_BATCH} are taken at once",
            edits.len()
        )));
    }
    if edits.iter().any(|e| matches!(e, Edit::Batch { .. })) {
        return Err(refused("a batch cannot hold another batch".to_owned()));
    }
    let total = edits.len();
    let placed = |i: usize, e: Error| match e {
        Error::Invalid {
            source_name,
            problems,
        } if total > 1 => Error::Invalid {
            source_name: format!("{source_name} (edit {} of {total})", i + 1),
            problems,
        },
        e => e,
    };
    if let [only] = edits {
        *change = plan(target, only)?;
        return Ok(());
    }
    let mut project = target.project.clone();
    let mut index = target.index.clone();
    let mut positions = target.positions.clone();
    for (i, edit) in edits.iter().enumerate() {
        let step = plan(
            Target {
                project: &project,
                index: &index,
                positions: &positions,
            },
            edit,
        )
        .map_err(|e| placed(i, e))?;
        change::apply(&step, &mut project, &mut index, &mut positions);
        change.then(step);
    }
    // An id deleted and created again as another kind would be two rows of
    // one node in the file, which holds one kind per id.
    let mut kinds: BTreeMap<&str, EntityKindOrder> = BTreeMap::new();
    for (kind, id) in change.entities.keys() {
        if kinds.insert(id, *kind).is_some_and(|k| k != *kind) {
            return Err(refused(format!(
                "{id:?} is removed and made again as another kind of entity in one batch; \
                 give the new one another id"
            )));
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Create,
    Update,
    Either,
}

fn put(
    target: Target<'_>,
    kind: EntityKind,
    value: &Value,
    mode: Mode,
    change: &mut Change,
) -> Result<()> {
    let lookup = |id: &str| target.index.kind(id);
    let entity =
        interchange::read_entity(kind, value, &lookup).map_err(|problems| Error::Invalid {
            source_name: format!("the {}", kind.label()),
            problems,
        })?;
    let id = entity.id().to_owned();
    let existing = target.index.kind(&id);
    let at_id = |message: String| Error::Invalid {
        source_name: format!("the {}", kind.label()),
        problems: Problems(vec![Problem {
            path: "id".to_owned(),
            message,
        }]),
    };
    match (existing, mode) {
        (Some(other), _) if other != kind => {
            return Err(at_id(format!(
                "{id:?} is already the id of a {}",
                other.label()
            )));
        }
        (Some(_), Mode::Create) => {
            return Err(at_id(format!(
                "{id:?} is already the id of another {}",
                kind.label()
            )));
        }
        (None, Mode::Update) => {
            return Err(at_id(format!(
                "no {} with id {id:?} to change",
                kind.label()
            )));
        }
        _ => {}
    }
    let before = existing.and_then(|_| entity_of(target.project, kind, &id));
    change.entity(before, Some(entity));
    Ok(())
}

/// The entity of `kind` with `id`, cloned. O(log n).
pub fn entity_of(project: &Project, kind: EntityKind, id: &str) -> Option<Entity> {
    let p = project;
    match kind {
        EntityKind::MarketSegment => find(&p.market_segments, id)
            .cloned()
            .map(Entity::MarketSegment),
        EntityKind::CustomerSegment => find(&p.customer_segments, id)
            .cloned()
            .map(Entity::CustomerSegment),
        EntityKind::BuyingRole => find(&p.buying_roles, id).cloned().map(Entity::BuyingRole),
        EntityKind::Need => find(&p.needs, id).cloned().map(Entity::Need),
        EntityKind::Product => find(&p.products, id).cloned().map(Entity::Product),
        EntityKind::Competitor => find(&p.competitors, id).cloned().map(Entity::Competitor),
        EntityKind::Persona => find(&p.personas, id).map(|x| Entity::Persona(Box::new(x.clone()))),
        EntityKind::BuyingUnit => find(&p.buying_units, id).cloned().map(Entity::BuyingUnit),
        EntityKind::Journey => find(&p.journeys, id).cloned().map(Entity::Journey),
    }
}

/// The entity `id` of `kind` as the interchange format writes it, with
/// `fields` put in place of its own; `null` takes a field away.
fn patched(
    p: &Project,
    kind: EntityKind,
    id: &str,
    fields: &serde_json::Map<String, Value>,
) -> Result<Value> {
    let at = |path: &str, message: String| Error::Invalid {
        source_name: format!("the {}", kind.label()),
        problems: Problems(vec![Problem {
            path: path.to_owned(),
            message,
        }]),
    };
    let Some(entity) = entity_of(p, kind, id) else {
        return Err(at(
            "id",
            format!("no {} with id {id:?} to change", kind.label()),
        ));
    };
    if let Some(given) = fields.get("id")
        && given.as_str() != Some(id)
    {
        return Err(at("id", "a patch cannot change the id".to_owned()));
    }
    let mut value = entity.to_json();
    if let Value::Object(object) = &mut value {
        for (name, field) in fields {
            if field.is_null() {
                object.remove(name);
            } else {
                object.insert(name.clone(), field.clone());
            }
        }
    }
    Ok(value)
}

/// Records `after` for each persona that `f` changes.
fn each_persona(p: &Project, change: &mut Change, f: impl Fn(&mut Persona)) {
    for x in &p.personas {
        let mut after = x.clone();
        f(&mut after);
        if &after != x {
            change.entity(
                Some(Entity::Persona(Box::new(x.clone()))),
                Some(Entity::Persona(Box::new(after))),
            );
        }
    }
}

fn each_unit(p: &Project, change: &mut Change, f: impl Fn(&mut BuyingUnit)) {
    for x in &p.buying_units {
        let mut after = x.clone();
        f(&mut after);
        if &after != x {
            change.entity(
                Some(Entity::BuyingUnit(x.clone())),
                Some(Entity::BuyingUnit(after)),
            );
        }
    }
}

fn each_journey(p: &Project, change: &mut Change, f: impl Fn(&mut Journey)) {
    for x in &p.journeys {
        let mut after = x.clone();
        f(&mut after);
        if &after != x {
            change.entity(
                Some(Entity::Journey(x.clone())),
                Some(Entity::Journey(after)),
            );
        }
    }
}

fn delete(target: Target<'_>, kind: EntityKind, id: &str, change: &mut Change) -> Result<()> {
    let p = target.project;
    let Some(gone) = entity_of(p, kind, id) else {
        return Err(refused(format!("no {} with id {id:?}", kind.label())));
    };
    let is = |x: &str| x == id;
    match kind {
        EntityKind::MarketSegment => {
            each_persona(p, change, |x| {
                if x.market_segment.as_ref().is_some_and(|s| is(s.as_str())) {
                    x.market_segment = None;
                }
            });
            each_unit(p, change, |u| {
                if u.market_segment.as_ref().is_some_and(|s| is(s.as_str())) {
                    u.market_segment = None;
                }
            });
        }
        EntityKind::CustomerSegment => each_persona(p, change, |x| {
            if x.customer_segment.as_ref().is_some_and(|s| is(s.as_str())) {
                x.customer_segment = None;
            }
        }),
        EntityKind::BuyingRole => {
            each_persona(p, change, |x| {
                if x.buying_role.as_ref().is_some_and(|r| is(r.as_str())) {
                    x.buying_role = None;
                }
            });
            each_unit(p, change, |u| {
                for m in &mut u.members {
                    if m.role.as_ref().is_some_and(|r| is(r.as_str())) {
                        m.role = None;
                    }
                }
            });
        }
        EntityKind::Need => {
            each_persona(p, change, |x| x.needs.retain(|n| !is(n.need.as_str())));
            each_journey(p, change, |j| {
                for s in &mut j.stages {
                    s.needs.retain(|n| !is(n.as_str()));
                }
            });
            for x in &p.products {
                if x.addresses.iter().any(|a| is(a.need.as_str())) {
                    let mut after = x.clone();
                    after.addresses.retain(|a| !is(a.need.as_str()));
                    change.entity(
                        Some(Entity::Product(x.clone())),
                        Some(Entity::Product(after)),
                    );
                }
            }
            for x in &p.competitors {
                if x.addresses.iter().any(|a| is(a.need.as_str())) {
                    let mut after = x.clone();
                    after.addresses.retain(|a| !is(a.need.as_str()));
                    change.entity(
                        Some(Entity::Competitor(x.clone())),
                        Some(Entity::Competitor(after)),
                    );
                }
            }
        }
        EntityKind::Product => {
            each_persona(p, change, |x| {
                x.products.retain(|l| !is(l.product.as_str()));
            });
            each_unit(p, change, |u| {
                if u.product.as_ref().is_some_and(|x| is(x.as_str())) {
                    u.product = None;
                }
            });
        }
        EntityKind::Competitor | EntityKind::BuyingUnit | EntityKind::Journey => {}
        EntityKind::Persona => {
            for r in &p.relationships {
                if is(r.from.as_str()) || is(r.to.as_str()) {
                    change.relationship(Some(r.clone()), None);
                }
            }
            each_unit(p, change, |u| u.members.retain(|m| !is(m.persona.as_str())));
            each_journey(p, change, |j| j.personas.retain(|x| !is(x.as_str())));
        }
    }
    // A saved view that narrows the map to what is deleted no longer does.
    // Only a segment, a role or a product can be named by a view; the list
    // is copied only when one is.
    let names = |v: &SavedView| {
        let f = &v.filter;
        let of = |x: Option<&str>| x.is_some_and(is);
        match kind {
            EntityKind::MarketSegment => of(f.market_segment.as_ref().map(|x| x.as_str())),
            EntityKind::BuyingRole => of(f.buying_role.as_ref().map(|x| x.as_str())),
            EntityKind::Product => of(f.product.as_ref().map(|x| x.as_str())),
            _ => false,
        }
    };
    if p.views.iter().any(names) {
        let views = p
            .views
            .iter()
            .map(|v| {
                let mut v = v.clone();
                if names(&v) {
                    match kind {
                        EntityKind::MarketSegment => v.filter.market_segment = None,
                        EntityKind::BuyingRole => v.filter.buying_role = None,
                        _ => v.filter.product = None,
                    }
                }
                v
            })
            .collect();
        change.views = Some(Delta {
            before: Some(p.views.clone()),
            after: Some(views),
        });
    }
    change.entity(Some(gone), None);
    if let Some(at) = target.positions.get(id) {
        change.position(id, Some(*at), None);
    }
    Ok(())
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

fn persona_of<'a>(p: &'a Project, id: &PersonaId) -> Result<&'a Persona> {
    find(&p.personas, id.as_str())
        .ok_or_else(|| refused(format!("no persona with id {:?}", id.as_str())))
}

fn link_product(persona: &mut Persona, product: &ProductId, relations: &[ProductRelation]) {
    let links = &mut persona.products;
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
}

fn relate(
    p: &Project,
    from: &PersonaId,
    to: &PersonaId,
    kind: RelationshipKind,
    weight: Option<f64>,
    change: &mut Change,
) -> Result<()> {
    for id in [from, to] {
        persona_of(p, id)?;
    }
    if from == to {
        return Err(refused(
            "a persona cannot have a relationship with itself".to_owned(),
        ));
    }
    let weight = weight.map(|v| unit(v, "weight")).transpose()?;
    let existing = find_relationship(p, from, to, kind);
    match (existing, weight) {
        (Some(r), Some(w)) => {
            let mut after = r.clone();
            after.weight = w;
            change.relationship(Some(r.clone()), Some(after));
        }
        (None, Some(w)) => change.relationship(
            None,
            Some(Relationship {
                from: from.clone(),
                to: to.clone(),
                kind,
                weight: w,
                description: None,
                attributes: Attributes::default(),
            }),
        ),
        (Some(r), None) => change.relationship(Some(r.clone()), None),
        (None, None) => {
            return Err(refused(format!(
                "{:?} has no such relationship with {:?} to remove",
                from.as_str(),
                to.as_str()
            )));
        }
    }
    Ok(())
}

fn set_positions(
    target: Target<'_>,
    positions: &[NodePosition],
    replace_all: bool,
    change: &mut Change,
) -> Result<()> {
    let invalid = |problems: Vec<Problem>| Error::Invalid {
        source_name: "the map layout".to_owned(),
        problems: Problems(problems),
    };
    if positions.len() > MAX_POSITIONS {
        return Err(invalid(vec![Problem {
            path: "positions".to_owned(),
            message: format!(
                "{} positions is more than the {MAX_POSITIONS} a map can have",
                positions.len()
            ),
        }]));
    }
    let mut problems = Vec::new();
    for (i, p) in positions.iter().enumerate() {
        let at = |message: String| Problem {
            path: format!("positions[{i}]"),
            message,
        };
        if !p.is_within_map() {
            problems.push(at(format!("({}, {}) is not a point on the map", p.x, p.y)));
        } else if target.index.kind(&p.id).is_none() {
            problems.push(at(format!("no entity with id {:?}", p.id)));
        }
        if problems.len() >= 20 {
            break;
        }
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    if replace_all {
        for (id, at) in target.positions {
            change.position(id, Some(*at), None);
        }
    }
    for p in positions {
        let before = target.positions.get(&p.id).copied();
        change.position(&p.id, before, Some((p.x, p.y)));
    }
    Ok(())
}

/// The persona `keep` becomes when `remove` is folded into it.
fn merged(a: &Persona, b: &Persona) -> Persona {
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
        (&mut merged.used_by, &b.used_by),
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
    merged.portrait = merged.portrait.or_else(|| b.portrait.clone());
    for s in &b.scenarios {
        if !merged.scenarios.contains(s) {
            merged.scenarios.push(s.clone());
        }
    }
    merged.market_segment = merged.market_segment.or_else(|| b.market_segment.clone());
    merged.customer_segment = merged
        .customer_segment
        .or_else(|| b.customer_segment.clone());
    merged.buying_role = merged.buying_role.or_else(|| b.buying_role.clone());
    merged.priority = merged.priority.max(b.priority);
    merged.rules = merged.rules.or_else(|| b.rules.clone());
    merged.last_reviewed = merged.last_reviewed.max(b.last_reviewed);
    merged
}

fn merge(
    target: Target<'_>,
    keep: &PersonaId,
    remove: &PersonaId,
    change: &mut Change,
) -> Result<()> {
    let p = target.project;
    if keep == remove {
        return Err(refused("a persona cannot be merged with itself".to_owned()));
    }
    let (Some(a), Some(b)) = (
        find(&p.personas, keep.as_str()),
        find(&p.personas, remove.as_str()),
    ) else {
        return Err(refused(format!(
            "both personas must exist to be merged ({:?} and {:?})",
            keep.as_str(),
            remove.as_str()
        )));
    };
    change.entity(
        Some(Entity::Persona(Box::new(a.clone()))),
        Some(Entity::Persona(Box::new(merged(a, b)))),
    );
    change.entity(Some(Entity::Persona(Box::new(b.clone()))), None);
    // Relationships of the removed persona now belong to the kept one; one
    // that would link it to itself, or repeat another, is dropped.
    for r in &p.relationships {
        if &r.from != remove && &r.to != remove {
            continue;
        }
        change.relationship(Some(r.clone()), None);
        let mut moved = r.clone();
        if &moved.from == remove {
            moved.from = keep.clone();
        }
        if &moved.to == remove {
            moved.to = keep.clone();
        }
        let taken = find_relationship(p, &moved.from, &moved.to, moved.kind).is_some()
            || change
                .relationships
                .get(&(moved.from.clone(), moved.to.clone(), moved.kind))
                .is_some_and(|d| d.after.is_some());
        if moved.from != moved.to && !taken {
            change.relationship(None, Some(moved));
        }
    }
    each_unit(p, change, |u| {
        let had_keep = u.members.iter().any(|m| &m.persona == keep);
        u.members.retain(|m| !(had_keep && &m.persona == remove));
        for m in &mut u.members {
            if &m.persona == remove {
                m.persona = keep.clone();
            }
        }
    });
    each_journey(p, change, |j| {
        let had_keep = j.personas.contains(keep);
        j.personas.retain(|x| !(had_keep && x == remove));
        for x in &mut j.personas {
            if x == remove {
                *x = keep.clone();
            }
        }
    });
    if let Some(at) = target.positions.get(remove.as_str()) {
        change.position(remove.as_str(), Some(*at), None);
    }
    Ok(())
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
    fn patch_changes_the_fields_given_and_keeps_the_rest() {
        let p = demo();
        let dana = |q: &Project| {
            q.personas
                .iter()
                .find(|x| x.id.as_str() == "p-dana-platform")
                .cloned()
                .expect("Dana")
        };
        let before = dana(&p);
        assert!(
            before.quote.is_some() && !before.needs.is_empty(),
            "the demo's Dana has a quote and needs"
        );
        let patch = |fields: Value| Edit::Patch {
            kind: EntityKind::Persona,
            id: "p-dana-platform".into(),
            fields: fields.as_object().cloned().expect("an object"),
        };
        let next = apply(
            &p,
            &patch(json!({ "goals": ["Ship faster", "Sleep at night"], "quote": null })),
        )
        .expect("a valid patch applies");
        let after = dana(&next);
        assert_eq!(after.goals, ["Ship faster", "Sleep at night"]);
        assert_eq!(after.quote, None, "null takes the quote away");
        assert_eq!(
            (&after.name, &after.needs, &after.evidence),
            (&before.name, &before.needs, &before.evidence),
            "the fields not named are kept"
        );

        let err = apply(&p, &patch(json!({ "goals": ["fine", 7] }))).expect_err("a bad goal");
        assert_eq!(
            err.problems()[0].path,
            "goals[1]",
            "placed for the form: {err}"
        );
        let err = apply(&p, &patch(json!({ "id": "p-other" }))).expect_err("no new id");
        assert!(err.to_string().contains("cannot change the id"), "{err}");
        let err = apply(&p, &patch(json!({ "colour": "blue" }))).expect_err("unknown field");
        assert_eq!(err.problems()[0].path, "colour", "{err}");
        let missing = Edit::Patch {
            kind: EntityKind::Persona,
            id: "p-nobody".into(),
            fields: serde_json::Map::new(),
        };
        assert!(apply(&p, &missing).is_err(), "a patch never creates");
        let wrong_kind = Edit::Patch {
            kind: EntityKind::Product,
            id: "p-dana-platform".into(),
            fields: serde_json::Map::new(),
        };
        assert!(
            apply(&p, &wrong_kind).is_err(),
            "a persona is not a product"
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
