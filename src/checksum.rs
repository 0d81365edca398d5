//! A checksum of a project's content, so that a byte changed on disk or by
//! another tool inside a text (`"Procurement"` read back as `"Procwrement"`)
//! is found on open instead of being read as the user's words. SQLite's own
//! checks see the file's structure, not what a text says.
//!
//! The sum is the wrapping sum of a 64-bit FNV-1a hash of every part of the
//! project (each entity, relationship and map position, the thresholds, the
//! name), so an edit updates it in the time of the edit: the hashes of the
//! parts before are taken away and those after added. The hash is defined
//! here, byte for byte, so that it never changes with a Rust release.

use serde::Serialize;

use crate::change::{Change, Entity};
use crate::model::{NodePosition, Project, ProjectMeta, Relationship, SavedView, Thresholds};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h = FNV_OFFSET;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    // The model's types are plain data: they always serialise.
    serde_json::to_vec(value).unwrap_or_default()
}

fn entity(kind: &str, value: &impl Serialize) -> u64 {
    fnv(&[b"entity", kind.as_bytes(), &json(value)])
}

fn of_entity(e: &Entity) -> u64 {
    let kind = e.kind().list();
    match e {
        Entity::MarketSegment(x) => entity(kind, x),
        Entity::CustomerSegment(x) => entity(kind, x),
        Entity::BuyingRole(x) => entity(kind, x),
        Entity::Need(x) => entity(kind, x),
        Entity::Product(x) => entity(kind, x),
        Entity::Competitor(x) => entity(kind, x),
        Entity::Persona(x) => entity(kind, x.as_ref()),
        Entity::BuyingUnit(x) => entity(kind, x),
        Entity::Journey(x) => entity(kind, x),
    }
}

fn of_relationship(r: &Relationship) -> u64 {
    fnv(&[b"relationship", &json(r)])
}

fn of_position(id: &str, (x, y): (f64, f64)) -> u64 {
    fnv(&[
        b"position",
        id.as_bytes(),
        &x.to_bits().to_be_bytes(),
        &y.to_bits().to_be_bytes(),
    ])
}

fn of_thresholds(t: &Thresholds) -> u64 {
    let mut bytes = Vec::new();
    for name in Thresholds::NAMES {
        let v = t.get(name).map_or(0.0, |u| u.get());
        bytes.extend_from_slice(&v.to_bits().to_be_bytes());
    }
    // Added in schema 5 after the four units, and only when it differs from
    // its default, so that the sums of files written before stay right.
    if t.stale_after_days != Thresholds::DEFAULT.stale_after_days {
        bytes.extend_from_slice(&t.stale_after_days.get().to_be_bytes());
    }
    fnv(&[b"thresholds", &bytes])
}

fn of_meta(m: &ProjectMeta) -> u64 {
    fnv(&[b"project", &json(m)])
}

/// The saved views, in their order; nothing for none, so that the sum of a
/// project without views is what it was before views existed.
fn of_views(views: &[SavedView]) -> u64 {
    if views.is_empty() {
        0
    } else {
        fnv(&[b"views", &json(&views)])
    }
}

/// The checksum of a whole project and its map positions. O(project).
pub fn of_project<'a>(
    p: &Project,
    positions: impl IntoIterator<Item = (&'a str, (f64, f64))>,
) -> u64 {
    let mut sum = of_meta(&p.project)
        .wrapping_add(of_thresholds(&p.thresholds))
        .wrapping_add(of_views(&p.views));
    let mut add = |h: u64| sum = sum.wrapping_add(h);
    for x in &p.market_segments {
        add(entity("market_segments", x));
    }
    for x in &p.customer_segments {
        add(entity("customer_segments", x));
    }
    for x in &p.buying_roles {
        add(entity("buying_roles", x));
    }
    for x in &p.needs {
        add(entity("needs", x));
    }
    for x in &p.products {
        add(entity("products", x));
    }
    for x in &p.competitors {
        add(entity("competitors", x));
    }
    for x in &p.personas {
        add(entity("personas", x));
    }
    for x in &p.buying_units {
        add(entity("buying_units", x));
    }
    for x in &p.journeys {
        add(entity("journeys", x));
    }
    for r in &p.relationships {
        add(of_relationship(r));
    }
    for (id, at) in positions {
        add(of_position(id, at));
    }
    sum
}

/// The checksum after `change`, from the one before. O(size of the change).
pub fn after(sum: u64, change: &Change) -> u64 {
    let mut sum = sum;
    let mut swap = |before: Option<u64>, after: Option<u64>| {
        if let Some(h) = before {
            sum = sum.wrapping_sub(h);
        }
        if let Some(h) = after {
            sum = sum.wrapping_add(h);
        }
    };
    for d in change.entities.values() {
        swap(
            d.before.as_ref().map(of_entity),
            d.after.as_ref().map(of_entity),
        );
    }
    for d in change.relationships.values() {
        swap(
            d.before.as_ref().map(of_relationship),
            d.after.as_ref().map(of_relationship),
        );
    }
    for (id, d) in &change.positions {
        swap(
            d.before.map(|at| of_position(id, at)),
            d.after.map(|at| of_position(id, at)),
        );
    }
    if let Some(d) = &change.thresholds {
        swap(
            d.before.as_ref().map(of_thresholds),
            d.after.as_ref().map(of_thresholds),
        );
    }
    if let Some(d) = &change.meta {
        swap(
            d.before.as_ref().map(of_meta),
            d.after.as_ref().map(of_meta),
        );
    }
    if let Some(d) = &change.views {
        swap(
            d.before.as_deref().map(of_views),
            d.after.as_deref().map(of_views),
        );
    }
    sum
}

/// The checksum of a project read with its positions as a list.
pub fn of_snapshot(p: &Project, positions: &[NodePosition]) -> u64 {
    of_project(p, positions.iter().map(|n| (n.id.as_str(), (n.x, n.y))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::{Index, apply};
    use crate::edit::{Edit, Target, plan};
    use std::collections::BTreeMap;

    #[test]
    fn the_sum_after_an_edit_is_the_sum_of_the_edited_project() {
        let mut p = crate::demo::project().expect("the demo reads");
        p.sort();
        let mut index = Index::of(&p);
        let mut positions = BTreeMap::new();
        let before = of_project(
            &p,
            positions
                .iter()
                .map(|(k, v): (&String, _)| (k.as_str(), *v)),
        );
        let edit = Edit::Delete {
            kind: crate::model::EntityKind::Need,
            id: "need-cost-control".into(),
        };
        let change = plan(
            Target {
                project: &p,
                index: &index,
                positions: &positions,
            },
            &edit,
        )
        .expect("a need can be deleted");
        apply(&change, &mut p, &mut index, &mut positions);
        let whole = of_project(&p, positions.iter().map(|(k, v)| (k.as_str(), *v)));
        assert_eq!(
            after(before, &change),
            whole,
            "updating by parts equals recomputing"
        );
        assert_ne!(before, whole, "and the content changed, so the sum did");
        assert_eq!(
            after(whole, &change.inverted()),
            before,
            "the inverse change gives the first sum back"
        );
    }

    #[test]
    fn a_changed_letter_changes_the_sum() {
        let p = crate::demo::project().expect("the demo reads");
        let mut q = p.clone();
        q.needs[0].name.replace_range(0..1, "Z");
        assert_ne!(of_project(&p, []), of_project(&q, []));
    }
}
