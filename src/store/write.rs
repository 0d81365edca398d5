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

/// Inserts a whole project and the map's layout (`positions` of its
/// entities) into an empty schema, inside `tx`, with their checksum.
pub fn insert_project(
    tx: &Transaction<'_>,
    p: &Project,
    positions: &[crate::model::NodePosition],
) -> rusqlite::Result<()> {
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
        offer(tx, None, o.into())?;
    }
    for c in &p.competitors {
        offer(tx, None, c.into())?;
    }
    for persona in &p.personas {
        self::persona(tx, None, persona)?;
    }
    for r in &p.relationships {
        relationship(tx, r)?;
    }
    write_thresholds(tx, &p.thresholds)?;
    for u in &p.buying_units {
        buying_unit(tx, None, u)?;
    }
    for j in &p.journeys {
        journey(tx, None, j)?;
    }
    write_views(tx, &p.views)?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO position (id, x, y) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET x = excluded.x, y = excluded.y",
    )?;
    for at in positions {
        insert.execute(params![at.id, at.x, at.y])?;
    }
    write_checksum(
        tx,
        crate::checksum::of_project(p, positions.iter().map(|at| (at.id.as_str(), (at.x, at.y)))),
    )
}

fn write_checksum(tx: &Transaction<'_>, sum: u64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO checksum (singleton, sum) VALUES (1, ?1)
         ON CONFLICT (singleton) DO UPDATE SET sum = excluded.sum",
    )?
    // The same 64 bits in SQLite's signed integer.
    .execute([sum as i64])?;
    Ok(())
}

/// Writes every part of `change` that differs, and the content's new
/// `checksum`, inside `tx`: entities first
/// in the order that puts what is referred to before what refers to it,
/// then relationships, then the deletions in the reverse order, so that no
/// foreign key is ever broken in between. O(size of the change).
pub fn write_change(tx: &Transaction<'_>, change: &Change, checksum: u64) -> rusqlite::Result<()> {
    write_checksum(tx, checksum)?;
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
            // already rewritten. A journey is no node.
            let sql = match before {
                Entity::Journey(_) => "DELETE FROM journey WHERE id = ?1",
                _ => "DELETE FROM node WHERE id = ?1",
            };
            tx.prepare_cached(sql)?.execute([before.id()])?;
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
    if let Some(d) = &change.views {
        write_views(tx, d.after.as_deref().unwrap_or_default())?;
    }
    Ok(())
}

/// Replaces the saved views: at most [`crate::model::MAX_VIEWS`] rows, so
/// rewriting them all costs less than working out which moved.
fn write_views(tx: &Transaction<'_>, views: &[crate::model::SavedView]) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM saved_view", [])?;
    let mut insert =
        tx.prepare_cached("INSERT INTO saved_view (position, name, body) VALUES (?1, ?2, ?3)")?;
    for (i, view) in views.iter().enumerate() {
        let body = serde_json::to_string(view)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        insert.execute(params![i as i64, view.name, body])?;
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
        (Some(Entity::Product(old)), Entity::Product(x)) => offer(tx, Some(old.into()), x.into()),
        (_, Entity::Product(x)) => offer(tx, None, x.into()),
        (Some(Entity::Competitor(old)), Entity::Competitor(x)) => {
            offer(tx, Some(old.into()), x.into())
        }
        (_, Entity::Competitor(x)) => offer(tx, None, x.into()),
        (Some(Entity::Persona(old)), Entity::Persona(x)) => persona(tx, Some(old), x),
        (_, Entity::Persona(x)) => persona(tx, None, x),
        (Some(Entity::BuyingUnit(old)), Entity::BuyingUnit(x)) => buying_unit(tx, Some(old), x),
        (_, Entity::BuyingUnit(x)) => buying_unit(tx, None, x),
        (Some(Entity::Journey(old)), Entity::Journey(x)) => journey(tx, Some(old), x),
        (_, Entity::Journey(x)) => journey(tx, None, x),
    }
}

/// Writes the rows of one owner's link list that differ between `before`
/// and `after`, each link a key (what it links to) and a value, stored with
/// its place in the list: an unchanged link is not touched, a changed or
/// moved one is upserted, a gone one deleted. A change of one need's
/// importance is one row, not the persona's whole list. O(n × m) in the
/// lengths of the two lists, which are short.
fn sync_links<K: PartialEq, V: PartialEq>(
    before: &[(K, V)],
    after: &[(K, V)],
    mut delete: impl FnMut(&K) -> rusqlite::Result<()>,
    mut upsert: impl FnMut(&K, &V, i64) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    for (k, _) in before {
        if !after.iter().any(|(a, _)| a == k) {
            delete(k)?;
        }
    }
    for (i, (k, v)) in after.iter().enumerate() {
        let same = before.get(i).is_some_and(|(bk, bv)| bk == k && bv == v);
        if !same {
            upsert(k, v, i as i64)?;
        }
    }
    Ok(())
}

fn need_links(list: &[NeedScore]) -> Vec<(&str, f64)> {
    list.iter()
        .map(|a| (a.need.as_str(), a.score.get()))
        .collect()
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

/// A product or a competitor as its tables hold it: the two have the same
/// shape, and differ only in which tables they are written to.
struct OfferRow<'a> {
    kind: Offer,
    id: &'a str,
    name: &'a str,
    description: Option<&'a str>,
    attributes: &'a Attributes,
    addresses: &'a [NeedScore],
}

impl<'a> From<&'a Product> for OfferRow<'a> {
    fn from(x: &'a Product) -> Self {
        OfferRow {
            kind: Offer::Product,
            id: x.id.as_str(),
            name: &x.name,
            description: x.description.as_deref(),
            attributes: &x.attributes,
            addresses: &x.addresses,
        }
    }
}

impl<'a> From<&'a Competitor> for OfferRow<'a> {
    fn from(x: &'a Competitor) -> Self {
        OfferRow {
            kind: Offer::Competitor,
            id: x.id.as_str(),
            name: &x.name,
            description: x.description.as_deref(),
            attributes: &x.attributes,
            addresses: &x.addresses,
        }
    }
}

/// Whose row and scores an offer's tables hold.
#[derive(Clone, Copy)]
enum Offer {
    Product,
    Competitor,
}

/// The statements of one kind of offer: its node kind, its row's upsert,
/// and the delete and upsert of one of its scores. They are the tables' own,
/// never text built from input.
fn offer_sql(offer: Offer) -> [&'static str; 4] {
    match offer {
        Offer::Product => [
            "product",
            "INSERT INTO product (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                 description = excluded.description, attributes = excluded.attributes",
            "DELETE FROM product_need WHERE product = ?1 AND need = ?2",
            "INSERT INTO product_need (product, need, score, position) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (product, need) DO UPDATE
             SET score = excluded.score, position = excluded.position",
        ],
        Offer::Competitor => [
            "competitor",
            "INSERT INTO competitor (id, name, description, attributes) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                 description = excluded.description, attributes = excluded.attributes",
            "DELETE FROM competitor_need WHERE competitor = ?1 AND need = ?2",
            "INSERT INTO competitor_need (competitor, need, score, position)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (competitor, need) DO UPDATE
             SET score = excluded.score, position = excluded.position",
        ],
    }
}

/// Writes a product or competitor: its row when it changed (or is new), and
/// the scores that changed.
fn offer(
    tx: &Transaction<'_>,
    before: Option<OfferRow<'_>>,
    o: OfferRow<'_>,
) -> rusqlite::Result<()> {
    let [kind, row, delete, upsert] = offer_sql(o.kind);
    let row_same = before.as_ref().is_some_and(|b| {
        (b.name, b.description, b.attributes) == (o.name, o.description, o.attributes)
    });
    if !row_same {
        if before.is_none() {
            node(tx, o.id, kind)?;
        }
        tx.prepare_cached(row)?.execute(params![
            o.id,
            o.name,
            o.description,
            json(o.attributes)
        ])?;
    }
    sync_links(
        &before.map(|b| need_links(b.addresses)).unwrap_or_default(),
        &need_links(o.addresses),
        |need| {
            tx.prepare_cached(delete)?
                .execute(params![o.id, need])
                .map(drop)
        },
        |need, score, position| {
            tx.prepare_cached(upsert)?
                .execute(params![o.id, need, score, position])
                .map(drop)
        },
    )
}

/// Whether two versions of a persona have the same row in the persona table
/// (everything but its link lists).
fn same_persona_row(a: &Persona, b: &Persona) -> bool {
    (
        &a.name,
        &a.description,
        &a.attributes,
        &a.title,
        &a.quote,
        &a.goals,
        &a.pain_points,
        &a.channels,
        &a.market_segment,
        &a.customer_segment,
        &a.buying_role,
    ) == (
        &b.name,
        &b.description,
        &b.attributes,
        &b.title,
        &b.quote,
        &b.goals,
        &b.pain_points,
        &b.channels,
        &b.market_segment,
        &b.customer_segment,
        &b.buying_role,
    ) && (a.priority, a.status, a.last_reviewed, &a.rules)
        == (b.priority, b.status, b.last_reviewed, &b.rules)
        && (&a.used_by, &a.scenarios, &a.portrait) == (&b.used_by, &b.scenarios, &b.portrait)
}

fn persona(tx: &Transaction<'_>, before: Option<&Persona>, p: &Persona) -> rusqlite::Result<()> {
    if !before.is_some_and(|b| same_persona_row(b, p)) {
        persona_row(tx, before.is_none(), p)?;
    }
    persona_links(tx, before, p)
}

fn persona_row(tx: &Transaction<'_>, new: bool, p: &Persona) -> rusqlite::Result<()> {
    if new {
        node(tx, p.id.as_str(), "persona")?;
    }
    tx.prepare_cached(
        "INSERT INTO persona (id, name, description, attributes, title, quote, goals,
             pain_points, channels, market_segment, customer_segment, buying_role, priority,
             status, last_reviewed, rules, used_by, scenarios, portrait)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             description = excluded.description, attributes = excluded.attributes,
             title = excluded.title, quote = excluded.quote, goals = excluded.goals,
             pain_points = excluded.pain_points, channels = excluded.channels,
             market_segment = excluded.market_segment,
             customer_segment = excluded.customer_segment,
             buying_role = excluded.buying_role, priority = excluded.priority,
             status = excluded.status, last_reviewed = excluded.last_reviewed,
             rules = excluded.rules, used_by = excluded.used_by,
             scenarios = excluded.scenarios, portrait = excluded.portrait",
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
        p.rules,
        json(&p.used_by),
        json(&p.scenarios),
        p.portrait.as_ref().map(Portrait::as_str)
    ])?;
    Ok(())
}

fn persona_links(
    tx: &Transaction<'_>,
    before: Option<&Persona>,
    p: &Persona,
) -> rusqlite::Result<()> {
    let id = p.id.as_str();
    let needs = |x: &Persona| -> Vec<(String, f64)> {
        x.needs
            .iter()
            .map(|n| (n.need.as_str().to_owned(), n.importance.get()))
            .collect()
    };
    sync_links(
        &before.map(needs).unwrap_or_default(),
        &needs(p),
        |need| {
            tx.prepare_cached("DELETE FROM persona_need WHERE persona = ?1 AND need = ?2")?
                .execute(params![id, need])
                .map(drop)
        },
        |need, importance, position| {
            tx.prepare_cached(
                "INSERT INTO persona_need (persona, need, importance, position)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (persona, need) DO UPDATE
                 SET importance = excluded.importance, position = excluded.position",
            )?
            .execute(params![id, need, importance, position])
            .map(drop)
        },
    )?;
    let products = |x: &Persona| -> Vec<((String, &'static str), ())> {
        x.products
            .iter()
            .map(|l| ((l.product.as_str().to_owned(), l.relation.name()), ()))
            .collect()
    };
    sync_links(
        &before.map(products).unwrap_or_default(),
        &products(p),
        |(product, relation)| {
            tx.prepare_cached(
                "DELETE FROM persona_product WHERE persona = ?1 AND product = ?2 AND relation = ?3",
            )?
            .execute(params![id, product, relation])
            .map(drop)
        },
        |(product, relation), (), position| {
            tx.prepare_cached(
                "INSERT INTO persona_product (persona, product, relation, position)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (persona, product, relation) DO UPDATE
                 SET position = excluded.position",
            )?
            .execute(params![id, product, relation, position])
            .map(drop)
        },
    )?;
    // Evidence has no key but its place: a change rewrites the list.
    if before.is_none_or(|b| b.evidence != p.evidence) {
        tx.prepare_cached("DELETE FROM evidence WHERE persona = ?1")?
            .execute([id])?;
        for (i, e) in p.evidence.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO evidence (persona, position, kind, source, date, note, records,
                     share)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                id,
                i as i64,
                e.kind.name(),
                e.source,
                e.date.map(|d| d.to_string()),
                e.note,
                // Counts are read at most MAX_COUNT, well within SQLite's integers.
                e.records.map(|r| i64::try_from(r).unwrap_or(i64::MAX)),
                e.share.map(Unit::get)
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

fn buying_unit(
    tx: &Transaction<'_>,
    before: Option<&BuyingUnit>,
    u: &BuyingUnit,
) -> rusqlite::Result<()> {
    let row_same = before.is_some_and(|b| {
        (
            &b.name,
            &b.description,
            &b.attributes,
            &b.product,
            &b.market_segment,
        ) == (
            &u.name,
            &u.description,
            &u.attributes,
            &u.product,
            &u.market_segment,
        )
    });
    if !row_same {
        buying_unit_row(tx, before.is_none(), u)?;
    }
    let id = u.id.as_str();
    let members = |x: &BuyingUnit| -> Vec<(String, Option<String>)> {
        x.members
            .iter()
            .map(|m| {
                (
                    m.persona.as_str().to_owned(),
                    m.role.as_ref().map(|r| r.as_str().to_owned()),
                )
            })
            .collect()
    };
    sync_links(
        &before.map(members).unwrap_or_default(),
        &members(u),
        |persona| {
            tx.prepare_cached("DELETE FROM buying_unit_member WHERE unit = ?1 AND persona = ?2")?
                .execute(params![id, persona])
                .map(drop)
        },
        |persona, role, position| {
            tx.prepare_cached(
                "INSERT INTO buying_unit_member (unit, persona, role, position)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (unit, persona) DO UPDATE
                 SET role = excluded.role, position = excluded.position",
            )?
            .execute(params![id, persona, role, position])
            .map(drop)
        },
    )
}

fn buying_unit_row(tx: &Transaction<'_>, new: bool, u: &BuyingUnit) -> rusqlite::Result<()> {
    if new {
        node(tx, u.id.as_str(), "buying_unit")?;
    }
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
    Ok(())
}

fn journey(tx: &Transaction<'_>, before: Option<&Journey>, j: &Journey) -> rusqlite::Result<()> {
    let row_same = before.is_some_and(|b| {
        (&b.name, &b.description, &b.attributes, &b.stages)
            == (&j.name, &j.description, &j.attributes, &j.stages)
    });
    let id = j.id.as_str();
    if !row_same {
        tx.prepare_cached(
            "INSERT INTO journey (id, name, description, attributes, stages)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                 description = excluded.description, attributes = excluded.attributes,
                 stages = excluded.stages",
        )?
        .execute(params![
            id,
            j.name,
            j.description,
            json(&j.attributes),
            json(&j.stages)
        ])?;
    }
    let personas = |x: &Journey| -> Vec<(String, ())> {
        x.personas
            .iter()
            .map(|p| (p.as_str().to_owned(), ()))
            .collect()
    };
    sync_links(
        &before.map(personas).unwrap_or_default(),
        &personas(j),
        |persona| {
            tx.prepare_cached("DELETE FROM journey_persona WHERE journey = ?1 AND persona = ?2")?
                .execute(params![id, persona])
                .map(drop)
        },
        |persona, (), position| {
            tx.prepare_cached(
                "INSERT INTO journey_persona (journey, persona, position) VALUES (?1, ?2, ?3)
                 ON CONFLICT (journey, persona) DO UPDATE SET position = excluded.position",
            )?
            .execute(params![id, persona, position])
            .map(drop)
        },
    )
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
    if t.stale_after_days != Thresholds::DEFAULT.stale_after_days {
        tx.prepare_cached("INSERT INTO threshold (name, value) VALUES (?1, ?2)")?
            .execute(params![
                Thresholds::STALE_AFTER_DAYS,
                f64::from(t.stale_after_days.get())
            ])?;
    }
    Ok(())
}
