//! Writing the model into the tables: a whole project into a new file, or
//! one [`Change`] row by row into an open one.
//!
//! An entity is written with an upsert (`INSERT .. ON CONFLICT DO UPDATE`),
//! never deleted and inserted again: a delete would cascade away every link
//! that points at it from other entities. Its own link rows (a persona's
//! needs, a product's scores, a unit's members) are rewritten only when they
//! changed.

use rusqlite::{Transaction, params};

use crate::change::{Change, Entity};
use crate::model::*;

fn json<T: serde::Serialize>(value: &T) -> String {
    // Attributes and string lists always serialise.
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

fn node(tx: &Transaction<'_>, id: &str, kind: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO node (id, kind) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING")?
        .execute(params![id, kind])?;
    Ok(())
}

/// Inserts a whole project into an empty schema, inside `tx`.
pub fn insert_project(tx: &Transaction<'_>, p: &Project) -> rusqlite::Result<()> {
    write_meta(tx, &p.project)?;
    for s in &p.market_segments {
        market_segment(tx, s)?;
    }
    for s in &p.customer_segments {
        customer_segment(tx, s)?;
    }
    for r in &p.buying_roles {
        buying_role(tx, r)?;
    }
    for n in &p.needs {
        need(tx, n)?;
    }
    for o in &p.products {
        product(tx, o, true)?;
    }
    for c in &p.competitors {
        competitor(tx, c, true)?;
    }
    for persona in &p.personas {
        self::persona(tx, persona, Links::ALL)?;
    }
    for r in &p.relationships {
        relationship(tx, r)?;
    }
    write_thresholds(tx, &p.thresholds)?;
    for u in &p.buying_units {
        buying_unit(tx, u, true)?;
    }
    Ok(())
}

/// Writes every part of `change` that differs, inside `tx`: entities first
/// in the order that puts what is referred to before what refers to it,
/// then relationships, then the deletions in the reverse order, so that no
/// foreign key is ever broken in between. O(size of the change).
pub fn write_change(tx: &Transaction<'_>, change: &Change) -> rusqlite::Result<()> {
    if let Some(meta) = change.meta.as_ref().and_then(|d| d.after.as_ref()) {
        write_meta(tx, meta)?;
    }
    for delta in change.entities.values() {
        if let Some(after) = &delta.after {
            put_entity(tx, delta.before.as_ref(), after)?;
        }
    }
    for delta in change.relationships.values() {
        match (&delta.before, &delta.after) {
            (_, Some(r)) => relationship(tx, r)?,
            (Some(r), None) => {
                tx.prepare_cached(
                    "DELETE FROM relationship
                     WHERE from_persona = ?1 AND to_persona = ?2 AND kind = ?3",
                )?
                .execute(params![
                    r.from.as_str(),
                    r.to.as_str(),
                    r.kind.name()
                ])?;
            }
            (None, None) => {}
        }
    }
    for delta in change.entities.values().rev() {
        if let (Some(before), None) = (&delta.before, &delta.after) {
            // The node's row holds the entity's; the schema's cascades take
            // its own links and clear references that the change has
            // already rewritten.
            tx.prepare_cached("DELETE FROM node WHERE id = ?1")?
                .execute([before.id()])?;
        }
    }
    for (id, delta) in &change.positions {
        match delta.after {
            Some((x, y)) => {
                tx.prepare_cached(
                    "INSERT INTO position (id, x, y) VALUES (?1, ?2, ?3)
                     ON CONFLICT (id) DO UPDATE SET x = excluded.x, y = excluded.y",
                )?
                .execute(params![id, x, y])?;
            }
            None => {
                tx.prepare_cached("DELETE FROM position WHERE id = ?1")?
                    .execute([id])?;
            }
        }
    }
    if let Some(t) = change.thresholds.as_ref().and_then(|d| d.after.as_ref()) {
        write_thresholds(tx, t)?;
    }
    Ok(())
}

fn write_meta(tx: &Transaction<'_>, meta: &ProjectMeta) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO project (singleton, name, description) VALUES (1, ?1, ?2)
         ON CONFLICT (singleton) DO UPDATE
         SET name = excluded.name, description = excluded.description",
    )?
    .execute(params![meta.name, meta.description])?;
    Ok(())
}

/// Which link lists of a persona to rewrite.
#[derive(Clone, Copy)]
struct Links {
    needs: bool,
    products: bool,
    evidence: bool,
}

impl Links {
    const ALL: Links = Links {
        needs: true,
        products: true,
        evidence: true,
    };
}

fn put_entity(
    tx: &Transaction<'_>,
    before: Option<&Entity>,
    after: &Entity,
) -> rusqlite::Result<()> {
    match (before, after) {
        (_, Entity::MarketSegment(x)) => market_segment(tx, x),
        (_, Entity::CustomerSegment(x)) => customer_segment(tx, x),
        (_, Entity::BuyingRole(x)) => buying_role(tx, x),
        (_, Entity::Need(x)) => need(tx, x),
        (Some(Entity::Product(old)), Entity::Product(x)) => {
            product(tx, x, old.addresses != x.addresses)
        }
        (_, Entity::Product(x)) => product(tx, x, true),
        (Some(Entity::Competitor(old)), Entity::Competitor(x)) => {
            competitor(tx, x, old.addresses != x.addresses)
        }
        (_, Entity::Competitor(x)) => competitor(tx, x, true),
        (Some(Entity::Persona(old)), Entity::Persona(x)) => persona(
            tx,
            x,
            Links {
                needs: old.needs != x.needs,
                products: old.products != x.products,
                evidence: old.evidence != x.evidence,
            },
        ),
        (_, Entity::Persona(x)) => persona(tx, x, Links::ALL),
        (Some(Entity::BuyingUnit(old)), Entity::BuyingUnit(x)) => {
            buying_unit(tx, x, old.members != x.members)
        }
        (_, Entity::BuyingUnit(x)) => buying_unit(tx, x, true),
    }
}

fn market_segment(tx: &Transaction<'_>, s: &MarketSegment) -> rusqlite::Result<()> {
    node(tx, s.id.as_str(), "market_segment")?;
    tx.prepare_cached(
        "INSERT INTO market_segment (id, name, description, attributes, size, priority)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes,
             size = excluded.size, priority = excluded.priority",
    )?
    .execute(params![
        s.id.as_str(),
        s.name,
        s.description,
        json(&s.attributes),
        s.size,
        s.priority.map(Priority::get)
    ])?;
    Ok(())
}

fn customer_segment(tx: &Transaction<'_>, s: &CustomerSegment) -> rusqlite::Result<()> {
    node(tx, s.id.as_str(), "customer_segment")?;
    tx.prepare_cached(
        "INSERT INTO customer_segment (id, name, description, attributes, priority)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes,
             priority = excluded.priority",
    )?
    .execute(params![
        s.id.as_str(),
        s.name,
        s.description,
        json(&s.attributes),
        s.priority.map(Priority::get)
    ])?;
    Ok(())
}

fn buying_role(tx: &Transaction<'_>, r: &BuyingRole) -> rusqlite::Result<()> {
    node(tx, r.id.as_str(), "buying_role")?;
    tx.prepare_cached(
        "INSERT INTO buying_role (id, name, description, attributes, required, decides)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes,
             required = excluded.required, decides = excluded.decides",
    )?
    .execute(params![
        r.id.as_str(),
        r.name,
        r.description,
        json(&r.attributes),
        r.required,
        r.decides
    ])?;
    Ok(())
}

fn need(tx: &Transaction<'_>, n: &Need) -> rusqlite::Result<()> {
    node(tx, n.id.as_str(), "need")?;
    tx.prepare_cached(
        "INSERT INTO need (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes",
    )?
    .execute(params![
        n.id.as_str(),
        n.name,
        n.description,
        json(&n.attributes)
    ])?;
    Ok(())
}

fn product(tx: &Transaction<'_>, o: &Product, links: bool) -> rusqlite::Result<()> {
    node(tx, o.id.as_str(), "product")?;
    tx.prepare_cached(
        "INSERT INTO product (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes",
    )?
    .execute(params![
        o.id.as_str(),
        o.name,
        o.description,
        json(&o.attributes)
    ])?;
    if links {
        tx.prepare_cached("DELETE FROM product_need WHERE product = ?1")?
            .execute([o.id.as_str()])?;
        for (i, a) in o.addresses.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO product_need (product, need, score, position)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                o.id.as_str(),
                a.need.as_str(),
                a.score.get(),
                i as i64
            ])?;
        }
    }
    Ok(())
}

fn competitor(tx: &Transaction<'_>, c: &Competitor, links: bool) -> rusqlite::Result<()> {
    node(tx, c.id.as_str(), "competitor")?;
    tx.prepare_cached(
        "INSERT INTO competitor (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes",
    )?
    .execute(params![
        c.id.as_str(),
        c.name,
        c.description,
        json(&c.attributes)
    ])?;
    if links {
        tx.prepare_cached("DELETE FROM competitor_need WHERE competitor = ?1")?
            .execute([c.id.as_str()])?;
        for (i, a) in c.addresses.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO competitor_need (competitor, need, score, position)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                c.id.as_str(),
                a.need.as_str(),
                a.score.get(),
                i as i64
            ])?;
        }
    }
    Ok(())
}

fn persona(tx: &Transaction<'_>, p: &Persona, links: Links) -> rusqlite::Result<()> {
    node(tx, p.id.as_str(), "persona")?;
    tx.prepare_cached(
        "INSERT INTO persona (id, name, description, attributes, title, quote, goals,
             pain_points, channels, market_segment, customer_segment, buying_role, priority,
             status, last_reviewed, rules)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes,
             title = excluded.title, quote = excluded.quote, goals = excluded.goals,
             pain_points = excluded.pain_points, channels = excluded.channels,
             market_segment = excluded.market_segment,
             customer_segment = excluded.customer_segment,
             buying_role = excluded.buying_role, priority = excluded.priority,
             status = excluded.status, last_reviewed = excluded.last_reviewed,
             rules = excluded.rules",
    )?
    .execute(params![
        p.id.as_str(),
        p.name,
        p.description,
        json(&p.attributes),
        p.title,
        p.quote,
        json(&p.goals),
        json(&p.pain_points),
        json(&p.channels),
        p.market_segment.as_ref().map(MarketSegmentId::as_str),
        p.customer_segment.as_ref().map(CustomerSegmentId::as_str),
        p.buying_role.as_ref().map(BuyingRoleId::as_str),
        p.priority.map(Priority::get),
        p.status.map(Status::name),
        p.last_reviewed.map(|d| d.to_string()),
        p.rules
    ])?;
    let id = p.id.as_str();
    if links.needs {
        tx.prepare_cached("DELETE FROM persona_need WHERE persona = ?1")?
            .execute([id])?;
        for (i, n) in p.needs.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO persona_need (persona, need, importance, position)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, n.need.as_str(), n.importance.get(), i as i64])?;
        }
    }
    if links.products {
        tx.prepare_cached("DELETE FROM persona_product WHERE persona = ?1")?
            .execute([id])?;
        for (i, l) in p.products.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO persona_product (persona, product, relation, position)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, l.product.as_str(), l.relation.name(), i as i64])?;
        }
    }
    if links.evidence {
        tx.prepare_cached("DELETE FROM evidence WHERE persona = ?1")?
            .execute([id])?;
        for (i, e) in p.evidence.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO evidence (persona, position, kind, source, date)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id,
                i as i64,
                e.kind.name(),
                e.source,
                e.date.map(|d| d.to_string())
            ])?;
        }
    }
    Ok(())
}

fn relationship(tx: &Transaction<'_>, r: &Relationship) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO relationship
            (from_persona, to_persona, kind, weight, description, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (from_persona, to_persona, kind) DO UPDATE SET
             weight = excluded.weight, description = excluded.description,
             attributes = excluded.attributes",
    )?
    .execute(params![
        r.from.as_str(),
        r.to.as_str(),
        r.kind.name(),
        r.weight.get(),
        r.description,
        json(&r.attributes)
    ])?;
    Ok(())
}

fn buying_unit(tx: &Transaction<'_>, u: &BuyingUnit, links: bool) -> rusqlite::Result<()> {
    node(tx, u.id.as_str(), "buying_unit")?;
    tx.prepare_cached(
        "INSERT INTO buying_unit (id, name, description, attributes, product, market_segment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes,
             product = excluded.product, market_segment = excluded.market_segment",
    )?
    .execute(params![
        u.id.as_str(),
        u.name,
        u.description,
        json(&u.attributes),
        u.product.as_ref().map(ProductId::as_str),
        u.market_segment.as_ref().map(MarketSegmentId::as_str)
    ])?;
    if links {
        tx.prepare_cached("DELETE FROM buying_unit_member WHERE unit = ?1")?
            .execute([u.id.as_str()])?;
        for (i, m) in u.members.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO buying_unit_member (unit, persona, role, position)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                u.id.as_str(),
                m.persona.as_str(),
                m.role.as_ref().map(BuyingRoleId::as_str),
                i as i64
            ])?;
        }
    }
    Ok(())
}

/// Replaces the stored thresholds. Only values that differ from the defaults
/// are stored, so a later version can improve a default for every project
/// that never chose its own.
pub fn write_thresholds(tx: &Transaction<'_>, t: &Thresholds) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM threshold", [])?;
    for name in Thresholds::NAMES {
        let (Some(value), Some(default)) = (t.get(name), Thresholds::DEFAULT.get(name)) else {
            continue;
        };
        if value != default {
            tx.prepare_cached("INSERT INTO threshold (name, value) VALUES (?1, ?2)")?
                .execute(params![name, value.get()])?;
        }
    }
    Ok(())
}
