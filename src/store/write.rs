//! Writing the model into the tables.

use rusqlite::{Transaction, params};

use crate::model::*;

fn json<T: serde::Serialize>(value: &T) -> String {
    // Attributes and string lists always serialise.
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

fn node(tx: &Transaction<'_>, id: &str, kind: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO node (id, kind) VALUES (?1, ?2)")?
        .execute(params![id, kind])?;
    Ok(())
}

/// Inserts a whole project into an empty schema, inside `tx`.
pub fn insert_project(tx: &Transaction<'_>, p: &Project) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO project (singleton, name, description) VALUES (1, ?1, ?2)",
        params![p.project.name, p.project.description],
    )?;
    for s in &p.market_segments {
        node(tx, s.id.as_str(), "market_segment")?;
        tx.prepare_cached(
            "INSERT INTO market_segment (id, name, description, attributes, size, priority)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            s.id.as_str(),
            s.name,
            s.description,
            json(&s.attributes),
            s.size,
            s.priority.map(Priority::get)
        ])?;
    }
    for s in &p.customer_segments {
        node(tx, s.id.as_str(), "customer_segment")?;
        tx.prepare_cached(
            "INSERT INTO customer_segment (id, name, description, attributes, priority)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            s.id.as_str(),
            s.name,
            s.description,
            json(&s.attributes),
            s.priority.map(Priority::get)
        ])?;
    }
    for r in &p.buying_roles {
        node(tx, r.id.as_str(), "buying_role")?;
        tx.prepare_cached(
            "INSERT INTO buying_role (id, name, description, attributes, required, decides)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            r.id.as_str(),
            r.name,
            r.description,
            json(&r.attributes),
            r.required,
            r.decides
        ])?;
    }
    for n in &p.needs {
        node(tx, n.id.as_str(), "need")?;
        tx.prepare_cached(
            "INSERT INTO need (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            n.id.as_str(),
            n.name,
            n.description,
            json(&n.attributes)
        ])?;
    }
    for o in &p.products {
        node(tx, o.id.as_str(), "product")?;
        tx.prepare_cached(
            "INSERT INTO product (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            o.id.as_str(),
            o.name,
            o.description,
            json(&o.attributes)
        ])?;
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
    for c in &p.competitors {
        node(tx, c.id.as_str(), "competitor")?;
        tx.prepare_cached(
            "INSERT INTO competitor (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            c.id.as_str(),
            c.name,
            c.description,
            json(&c.attributes)
        ])?;
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
    for persona in &p.personas {
        insert_persona(tx, persona)?;
    }
    for r in &p.relationships {
        tx.prepare_cached(
            "INSERT INTO relationship
                (from_persona, to_persona, kind, weight, description, attributes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            r.from.as_str(),
            r.to.as_str(),
            r.kind.name(),
            r.weight.get(),
            r.description,
            json(&r.attributes)
        ])?;
    }
    write_thresholds(tx, &p.thresholds)?;
    for u in &p.buying_units {
        node(tx, u.id.as_str(), "buying_unit")?;
        tx.prepare_cached(
            "INSERT INTO buying_unit (id, name, description, attributes, product, market_segment)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            u.id.as_str(),
            u.name,
            u.description,
            json(&u.attributes),
            u.product.as_ref().map(ProductId::as_str),
            u.market_segment.as_ref().map(MarketSegmentId::as_str)
        ])?;
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

fn insert_persona(tx: &Transaction<'_>, p: &Persona) -> rusqlite::Result<()> {
    node(tx, p.id.as_str(), "persona")?;
    tx.prepare_cached(
        "INSERT INTO persona (id, name, description, attributes, title, quote, goals,
             pain_points, channels, market_segment, customer_segment, buying_role, priority,
             status, last_reviewed, rules)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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
    for (i, n) in p.needs.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO persona_need (persona, need, importance, position)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            p.id.as_str(),
            n.need.as_str(),
            n.importance.get(),
            i as i64
        ])?;
    }
    for (i, l) in p.products.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO persona_product (persona, product, relation, position)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            p.id.as_str(),
            l.product.as_str(),
            l.relation.name(),
            i as i64
        ])?;
    }
    for (i, e) in p.evidence.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO evidence (persona, position, kind, source, date)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            p.id.as_str(),
            i as i64,
            e.kind.name(),
            e.source,
            e.date.map(|d| d.to_string())
        ])?;
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
