//! What one edit changes, entity by entity: the unit that is written to the
//! file, applied to the project in memory and kept in the history.
//!
//! A [`Change`] holds, for every entity, relationship and map position it
//! touches, the value before and the value after. Its inverse is the same
//! change with before and after swapped, so undo restores exactly what an
//! edit took away, links and positions included, and its size is that of
//! what the edit touched, never that of the project.

use std::collections::{BTreeMap, HashMap};

use crate::model::*;

/// One entity of any kind, as the project holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entity {
    /// A market segment.
    MarketSegment(MarketSegment),
    /// A customer segment.
    CustomerSegment(CustomerSegment),
    /// A buying role.
    BuyingRole(BuyingRole),
    /// A need.
    Need(Need),
    /// A product.
    Product(Product),
    /// A competitor.
    Competitor(Competitor),
    /// A persona, boxed: it is several times the size of the others.
    Persona(Box<Persona>),
    /// A buying unit.
    BuyingUnit(BuyingUnit),
    /// A journey.
    Journey(Journey),
}

impl Entity {
    /// Its kind.
    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::MarketSegment(_) => EntityKind::MarketSegment,
            Entity::CustomerSegment(_) => EntityKind::CustomerSegment,
            Entity::BuyingRole(_) => EntityKind::BuyingRole,
            Entity::Need(_) => EntityKind::Need,
            Entity::Product(_) => EntityKind::Product,
            Entity::Competitor(_) => EntityKind::Competitor,
            Entity::Persona(_) => EntityKind::Persona,
            Entity::BuyingUnit(_) => EntityKind::BuyingUnit,
            Entity::Journey(_) => EntityKind::Journey,
        }
    }

    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Entity::MarketSegment(x) => x.id.as_str(),
            Entity::CustomerSegment(x) => x.id.as_str(),
            Entity::BuyingRole(x) => x.id.as_str(),
            Entity::Need(x) => x.id.as_str(),
            Entity::Product(x) => x.id.as_str(),
            Entity::Competitor(x) => x.id.as_str(),
            Entity::Persona(x) => x.id.as_str(),
            Entity::BuyingUnit(x) => x.id.as_str(),
            Entity::Journey(x) => x.id.as_str(),
        }
    }

    /// The entity as the interchange format writes it.
    pub fn to_json(&self) -> serde_json::Value {
        let value = match self {
            Entity::MarketSegment(x) => serde_json::to_value(x),
            Entity::CustomerSegment(x) => serde_json::to_value(x),
            Entity::BuyingRole(x) => serde_json::to_value(x),
            Entity::Need(x) => serde_json::to_value(x),
            Entity::Product(x) => serde_json::to_value(x),
            Entity::Competitor(x) => serde_json::to_value(x),
            Entity::Persona(x) => serde_json::to_value(x),
            Entity::BuyingUnit(x) => serde_json::to_value(x),
            Entity::Journey(x) => serde_json::to_value(x),
        };
        // The model's types are plain data with string keys: they always
        // serialise.
        value.unwrap_or(serde_json::Value::Null)
    }
}

/// A value before and after a change; `None` where it does not exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Delta<T> {
    /// Before the change.
    pub before: Option<T>,
    /// After the change.
    pub after: Option<T>,
}

impl<T> Delta<T> {
    fn inverted(self) -> Self {
        Delta {
            before: self.after,
            after: self.before,
        }
    }
}

/// The key of a relationship: who, to whom, how.
pub type RelationshipKey = (PersonaId, PersonaId, RelationshipKind);

/// Everything one edit changes. Each entity, relationship and position
/// appears at most once, so the parts can be applied in any order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Entities created, changed or deleted, by kind and id.
    pub entities: BTreeMap<(EntityKindOrder, String), Delta<Entity>>,
    /// Relationships created, changed or deleted.
    pub relationships: BTreeMap<RelationshipKey, Delta<Relationship>>,
    /// Map positions set, moved or forgotten, by node id.
    pub positions: BTreeMap<String, Delta<(f64, f64)>>,
    /// The thresholds before and after.
    pub thresholds: Option<Delta<Thresholds>>,
    /// The project's name and description before and after.
    pub meta: Option<Delta<ProjectMeta>>,
    /// The saved views before and after, each the whole list.
    pub views: Option<Delta<Vec<SavedView>>>,
}

/// An entity kind that sorts in the order entities may be written: what is
/// referred to before what refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityKindOrder(u8);

impl EntityKindOrder {
    /// The place of `kind`.
    pub fn of(kind: EntityKind) -> Self {
        EntityKindOrder(match kind {
            EntityKind::MarketSegment => 0,
            EntityKind::CustomerSegment => 1,
            EntityKind::BuyingRole => 2,
            EntityKind::Need => 3,
            EntityKind::Product => 4,
            EntityKind::Competitor => 5,
            EntityKind::Persona => 6,
            EntityKind::BuyingUnit => 7,
            EntityKind::Journey => 8,
        })
    }
}

impl Change {
    /// Whether the change changes nothing.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.relationships.is_empty()
            && self.positions.is_empty()
            && self.thresholds.is_none()
            && self.meta.is_none()
            && self.views.is_none()
    }

    /// Adds what `next`, planned on the state after this change, changes:
    /// the two become one change whose `before` is this one's and whose
    /// `after` is `next`'s, as a batch of edits is undone in one step.
    pub fn then(&mut self, next: Change) {
        for (_, d) in next.entities {
            self.entity(d.before, d.after);
        }
        for (_, d) in next.relationships {
            self.relationship(d.before, d.after);
        }
        for (id, d) in next.positions {
            self.position(&id, d.before, d.after);
        }
        fn join<T>(first: &mut Option<Delta<T>>, next: Option<Delta<T>>) {
            match (first.as_mut(), next) {
                (Some(f), Some(n)) => f.after = n.after,
                (None, Some(n)) => *first = Some(n),
                (_, None) => {}
            }
        }
        join(&mut self.thresholds, next.thresholds);
        join(&mut self.meta, next.meta);
        join(&mut self.views, next.views);
    }

    /// Records that `before` becomes `after` (either may be absent). A
    /// second record of the same entity keeps the first `before`.
    pub fn entity(&mut self, before: Option<Entity>, after: Option<Entity>) {
        let Some(key) = before
            .as_ref()
            .or(after.as_ref())
            .map(|e| (EntityKindOrder::of(e.kind()), e.id().to_owned()))
        else {
            return;
        };
        match self.entities.get_mut(&key) {
            Some(d) => d.after = after,
            None => {
                self.entities.insert(key, Delta { before, after });
            }
        }
    }

    /// Records a relationship change, keeping the first `before`.
    pub fn relationship(&mut self, before: Option<Relationship>, after: Option<Relationship>) {
        let Some(key) = before
            .as_ref()
            .or(after.as_ref())
            .map(|r| (r.from.clone(), r.to.clone(), r.kind))
        else {
            return;
        };
        match self.relationships.get_mut(&key) {
            Some(d) => d.after = after,
            None => {
                self.relationships.insert(key, Delta { before, after });
            }
        }
    }

    /// Records a position change, keeping the first `before`.
    pub fn position(&mut self, id: &str, before: Option<(f64, f64)>, after: Option<(f64, f64)>) {
        match self.positions.get_mut(id) {
            Some(d) => d.after = after,
            None => {
                self.positions
                    .insert(id.to_owned(), Delta { before, after });
            }
        }
    }

    /// Drops every part whose value did not change, so that an edit that
    /// changes nothing leaves nothing to write or undo.
    pub fn prune(&mut self) {
        self.entities.retain(|_, d| d.before != d.after);
        self.relationships.retain(|_, d| d.before != d.after);
        self.positions.retain(|_, d| d.before != d.after);
        if self
            .thresholds
            .as_ref()
            .is_some_and(|d| d.before == d.after)
        {
            self.thresholds = None;
        }
        if self.meta.as_ref().is_some_and(|d| d.before == d.after) {
            self.meta = None;
        }
        if self.views.as_ref().is_some_and(|d| d.before == d.after) {
            self.views = None;
        }
    }

    /// The change that undoes this one.
    pub fn inverted(self) -> Change {
        Change {
            entities: self
                .entities
                .into_iter()
                .map(|(k, d)| (k, d.inverted()))
                .collect(),
            relationships: self
                .relationships
                .into_iter()
                .map(|(k, d)| (k, d.inverted()))
                .collect(),
            positions: self
                .positions
                .into_iter()
                .map(|(k, d)| (k, d.inverted()))
                .collect(),
            thresholds: self.thresholds.map(Delta::inverted),
            meta: self.meta.map(Delta::inverted),
            views: self.views.map(Delta::inverted),
        }
    }

    /// A rough count of the bytes the change holds, for keeping the history
    /// within a memory budget.
    pub fn weight(&self) -> usize {
        let entity = |e: &Option<Entity>| {
            e.as_ref().map_or(0, |e| match e {
                Entity::Persona(p) => {
                    512 + 64 * (p.needs.len() + p.products.len() + p.evidence.len())
                        + [&p.goals, &p.pain_points, &p.channels]
                            .iter()
                            .flat_map(|l| l.iter())
                            .map(String::len)
                            .sum::<usize>()
                        + p.description.as_ref().map_or(0, String::len)
                }
                Entity::Product(p) => 256 + 48 * p.addresses.len(),
                Entity::Competitor(p) => 256 + 48 * p.addresses.len(),
                Entity::BuyingUnit(u) => 256 + 48 * u.members.len(),
                Entity::Journey(j) => {
                    256 + 48 * j.personas.len()
                        + j.stages
                            .iter()
                            .map(|s| 256 + 48 * s.needs.len())
                            .sum::<usize>()
                        + j.stages
                            .iter()
                            .flat_map(|s| {
                                [
                                    &s.goals,
                                    &s.questions,
                                    &s.touchpoints,
                                    &s.channels,
                                    &s.pains,
                                    &s.opportunities,
                                ]
                            })
                            .flat_map(|l| l.iter())
                            .map(String::len)
                            .sum::<usize>()
                }
                _ => 256,
            })
        };
        self.entities
            .values()
            .map(|d| entity(&d.before) + entity(&d.after))
            .sum::<usize>()
            + 160 * self.relationships.len()
            + 64 * self.positions.len()
            + self.views.as_ref().map_or(0, |d| {
                let list = |l: &Option<Vec<SavedView>>| {
                    l.as_ref().map_or(0, |l| {
                        l.iter()
                            .map(|v| 256 + v.name.len() + v.note.as_ref().map_or(0, String::len))
                            .sum::<usize>()
                    })
                };
                list(&d.before) + list(&d.after)
            })
            + 256
    }
}

/// Where each id of a project is, by kind: kept beside the project so that an
/// edit checks its references by lookup, not by reading the whole project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    kinds: HashMap<String, EntityKind>,
}

impl Index {
    /// The index of `project`. O(entities).
    pub fn of(project: &Project) -> Self {
        let mut kinds = HashMap::with_capacity(
            project.personas.len() + project.needs.len() + project.products.len() + 64,
        );
        let mut add = |id: &str, kind| {
            kinds.insert(id.to_owned(), kind);
        };
        for x in &project.market_segments {
            add(x.id.as_str(), EntityKind::MarketSegment);
        }
        for x in &project.customer_segments {
            add(x.id.as_str(), EntityKind::CustomerSegment);
        }
        for x in &project.buying_roles {
            add(x.id.as_str(), EntityKind::BuyingRole);
        }
        for x in &project.needs {
            add(x.id.as_str(), EntityKind::Need);
        }
        for x in &project.products {
            add(x.id.as_str(), EntityKind::Product);
        }
        for x in &project.competitors {
            add(x.id.as_str(), EntityKind::Competitor);
        }
        for x in &project.personas {
            add(x.id.as_str(), EntityKind::Persona);
        }
        for x in &project.buying_units {
            add(x.id.as_str(), EntityKind::BuyingUnit);
        }
        for x in &project.journeys {
            add(x.id.as_str(), EntityKind::Journey);
        }
        Index { kinds }
    }

    /// The kind of the entity with this id, if there is one.
    pub fn kind(&self, id: &str) -> Option<EntityKind> {
        self.kinds.get(id).copied()
    }

    /// How many entities there are.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether the project has no entity.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }
}

/// Entities that live in a list sorted by id.
pub trait Keyed {
    /// The id the list is sorted by.
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &str {
                self.id.as_str()
            }
        }
    )*};
}
keyed!(
    MarketSegment,
    CustomerSegment,
    BuyingRole,
    Need,
    Product,
    Competitor,
    Persona,
    BuyingUnit,
    Journey
);

/// The entity with `id` in a list sorted by id. O(log n).
pub fn find<'a, T: Keyed>(list: &'a [T], id: &str) -> Option<&'a T> {
    list.binary_search_by(|x| x.key().cmp(id))
        .ok()
        .and_then(|i| list.get(i))
}

/// Puts `value` in its place in a list sorted by id, or removes the entity
/// with `id` when `value` is `None`. O(log n) to find, O(n) to move.
fn place<T: Keyed>(list: &mut Vec<T>, id: &str, value: Option<T>) {
    match (list.binary_search_by(|x| x.key().cmp(id)), value) {
        (Ok(i), Some(v)) => {
            if let Some(slot) = list.get_mut(i) {
                *slot = v;
            }
        }
        (Ok(i), None) => {
            list.remove(i);
        }
        (Err(i), Some(v)) => list.insert(i, v),
        (Err(_), None) => {}
    }
}

fn relationship_order(r: &Relationship) -> (&PersonaId, &PersonaId, RelationshipKind) {
    (&r.from, &r.to, r.kind)
}

/// The relationship with this key in the project's sorted list. O(log n).
pub fn find_relationship<'a>(
    project: &'a Project,
    from: &PersonaId,
    to: &PersonaId,
    kind: RelationshipKind,
) -> Option<&'a Relationship> {
    project
        .relationships
        .binary_search_by(|r| relationship_order(r).cmp(&(from, to, kind)))
        .ok()
        .and_then(|i| project.relationships.get(i))
}

/// Applies the "after" side of `change` to the project in memory, with its
/// index and map positions. The project's lists stay sorted by id.
/// O(size of the change × log(project)), plus moving list items on inserts
/// and deletes.
pub fn apply(
    change: &Change,
    project: &mut Project,
    index: &mut Index,
    positions: &mut BTreeMap<String, (f64, f64)>,
) {
    for ((_, id), delta) in &change.entities {
        let kind = delta
            .after
            .as_ref()
            .or(delta.before.as_ref())
            .map(Entity::kind);
        let Some(kind) = kind else { continue };
        match &delta.after {
            Some(_) => {
                index.kinds.insert(id.clone(), kind);
            }
            None => {
                index.kinds.remove(id);
            }
        }
        let after = delta.after.clone();
        match kind {
            EntityKind::MarketSegment => place(
                &mut project.market_segments,
                id,
                after.and_then(|e| match e {
                    Entity::MarketSegment(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::CustomerSegment => place(
                &mut project.customer_segments,
                id,
                after.and_then(|e| match e {
                    Entity::CustomerSegment(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::BuyingRole => place(
                &mut project.buying_roles,
                id,
                after.and_then(|e| match e {
                    Entity::BuyingRole(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::Need => place(
                &mut project.needs,
                id,
                after.and_then(|e| match e {
                    Entity::Need(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::Product => place(
                &mut project.products,
                id,
                after.and_then(|e| match e {
                    Entity::Product(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::Competitor => place(
                &mut project.competitors,
                id,
                after.and_then(|e| match e {
                    Entity::Competitor(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::Persona => place(
                &mut project.personas,
                id,
                after.and_then(|e| match e {
                    Entity::Persona(x) => Some(*x),
                    _ => None,
                }),
            ),
            EntityKind::BuyingUnit => place(
                &mut project.buying_units,
                id,
                after.and_then(|e| match e {
                    Entity::BuyingUnit(x) => Some(x),
                    _ => None,
                }),
            ),
            EntityKind::Journey => place(
                &mut project.journeys,
                id,
                after.and_then(|e| match e {
                    Entity::Journey(x) => Some(x),
                    _ => None,
                }),
            ),
        }
    }
    for ((from, to, kind), delta) in &change.relationships {
        let list = &mut project.relationships;
        match (
            list.binary_search_by(|r| relationship_order(r).cmp(&(from, to, *kind))),
            &delta.after,
        ) {
            (Ok(i), Some(r)) => {
                if let Some(slot) = list.get_mut(i) {
                    *slot = r.clone();
                }
            }
            (Ok(i), None) => {
                list.remove(i);
            }
            (Err(i), Some(r)) => list.insert(i, r.clone()),
            (Err(_), None) => {}
        }
    }
    for (id, delta) in &change.positions {
        match delta.after {
            Some(p) => {
                positions.insert(id.clone(), p);
            }
            None => {
                positions.remove(id);
            }
        }
    }
    if let Some(d) = &change.thresholds
        && let Some(t) = d.after
    {
        project.thresholds = t;
    }
    if let Some(d) = &change.meta
        && let Some(m) = &d.after
    {
        project.project = m.clone();
    }
    if let Some(d) = &change.views {
        project.views = d.after.clone().unwrap_or_default();
    }
}
