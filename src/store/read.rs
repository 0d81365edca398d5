//! Reading the tables back into the model.
//!
//! Everything read is checked again as it is turned into model types: a file
//! edited by another tool must not smuggle in values the model forbids.

use std::collections::HashMap;

use rusqlite::{Connection, Row};

use crate::model::*;

pub enum LoadError {
    Sqlite(rusqlite::Error),
    Bad(String),
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        LoadError::Sqlite(e)
    }
}

type Load<T> = Result<T, LoadError>;

fn bad<T>(table: &str, key: &str, why: impl std::fmt::Display) -> Load<T> {
    Err(LoadError::Bad(format!("{table} {key:?}: {why}")))
}

/// Turns a stored string into a model value, naming the row if it is bad.
fn parse<T>(table: &str, key: &str, value: String, f: fn(String) -> Result<T, String>) -> Load<T> {
    f(value).or_else(|why| bad(table, key, why))
}

fn opt<T>(
    table: &str,
    key: &str,
    value: Option<String>,
    f: fn(String) -> Result<T, String>,
) -> Load<Option<T>> {
    value.map(|v| parse(table, key, v, f)).transpose()
}

fn unit(table: &str, key: &str, v: f64) -> Load<Unit> {
    Unit::new(v).or_else(|why| bad(table, key, why))
}

fn priority(table: &str, key: &str, v: Option<i64>) -> Load<Option<Priority>> {
    v.map(|p| Priority::new(p).or_else(|why| bad(table, key, why)))
        .transpose()
}

fn named<T: Named + PartialEq>(table: &str, key: &str, v: &str) -> Load<T> {
    T::from_name(v).map_or_else(|| bad(table, key, format!("unknown value {v:?}")), Ok)
}

fn date(s: String) -> Result<Date, String> {
    Date::parse(&s)
}

fn from_json<T: serde::de::DeserializeOwned>(table: &str, key: &str, text: &str) -> Load<T> {
    serde_json::from_str(text).or_else(|e| bad(table, key, e))
}

/// The columns every entity table starts with.
struct Common {
    id: String,
    name: String,
    description: Option<String>,
    attributes: String,
}

impl Common {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Common {
            id: row.get(0)?,
            name: row.get(1)?,
            description: row.get(2)?,
            attributes: row.get(3)?,
        })
    }

    fn attributes(&self, table: &str) -> Load<Attributes> {
        from_json(table, &self.id, &self.attributes)
    }
}

/// Rows of a link table grouped by their owner, in position order.
fn grouped<T>(
    conn: &Connection,
    sql: &str,
    f: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Load<HashMap<String, Vec<T>>> {
    let mut out: HashMap<String, Vec<T>> = HashMap::new();
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let owner: String = row.get(0)?;
        out.entry(owner).or_default().push(f(row)?);
    }
    Ok(out)
}

fn need_scores(
    table: &str,
    owner: &str,
    links: Option<Vec<(String, f64)>>,
) -> Load<Vec<NeedScore>> {
    links
        .unwrap_or_default()
        .into_iter()
        .map(|(need, score)| {
            Ok(NeedScore {
                need: parse(table, owner, need, NeedId::new)?,
                score: unit(table, owner, score)?,
            })
        })
        .collect()
}

pub fn load(conn: &Connection) -> Load<Project> {
    let project = conn.query_row("SELECT name, description FROM project", [], |row| {
        Ok(ProjectMeta {
            name: row.get(0)?,
            description: row.get(1)?,
        })
    })?;

    let mut market_segments = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, description, attributes, size, priority FROM market_segment ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        let t = "market segment";
        market_segments.push(MarketSegment {
            attributes: c.attributes(t)?,
            size: row.get(4)?,
            priority: priority(t, &c.id, row.get(5)?)?,
            id: parse(t, &c.id, c.id.clone(), MarketSegmentId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let mut customer_segments = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, description, attributes, priority FROM customer_segment ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        let t = "customer segment";
        customer_segments.push(CustomerSegment {
            attributes: c.attributes(t)?,
            priority: priority(t, &c.id, row.get(4)?)?,
            id: parse(t, &c.id, c.id.clone(), CustomerSegmentId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let mut buying_roles = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, description, attributes, required, decides FROM buying_role ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        let t = "buying role";
        buying_roles.push(BuyingRole {
            attributes: c.attributes(t)?,
            required: row.get(4)?,
            decides: row.get(5)?,
            id: parse(t, &c.id, c.id.clone(), BuyingRoleId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let mut needs = Vec::new();
    let mut stmt =
        conn.prepare("SELECT id, name, description, attributes FROM need ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        needs.push(Need {
            attributes: c.attributes("need")?,
            id: parse("need", &c.id, c.id.clone(), NeedId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let mut product_needs = grouped(
        conn,
        "SELECT product, need, score FROM product_need ORDER BY product, position",
        |row| Ok((row.get(1)?, row.get(2)?)),
    )?;
    let mut products = Vec::new();
    let mut stmt =
        conn.prepare("SELECT id, name, description, attributes FROM product ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        products.push(Product {
            attributes: c.attributes("product")?,
            addresses: need_scores("product", &c.id, product_needs.remove(&c.id))?,
            id: parse("product", &c.id, c.id.clone(), ProductId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let mut competitor_needs = grouped(
        conn,
        "SELECT competitor, need, score FROM competitor_need ORDER BY competitor, position",
        |row| Ok((row.get(1)?, row.get(2)?)),
    )?;
    let mut competitors = Vec::new();
    let mut stmt =
        conn.prepare("SELECT id, name, description, attributes FROM competitor ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        competitors.push(Competitor {
            attributes: c.attributes("competitor")?,
            addresses: need_scores("competitor", &c.id, competitor_needs.remove(&c.id))?,
            id: parse("competitor", &c.id, c.id.clone(), CompetitorId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let personas = personas(conn)?;

    let mut relationships = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT from_persona, to_persona, kind, weight, description, attributes
         FROM relationship ORDER BY from_persona, to_persona, kind",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let from: String = row.get(0)?;
        let t = "relationship from";
        let kind: String = row.get(2)?;
        let attributes: String = row.get(5)?;
        relationships.push(Relationship {
            to: parse(t, &from, row.get(1)?, PersonaId::new)?,
            kind: named(t, &from, &kind)?,
            weight: unit(t, &from, row.get(3)?)?,
            description: row.get(4)?,
            attributes: from_json(t, &from, &attributes)?,
            from: parse(t, &from, from.clone(), PersonaId::new)?,
        });
    }
    // Kinds sort by their names in SQL; the model sorts by declaration order.
    relationships.sort_by(|a, b| (&a.from, &a.to, a.kind).cmp(&(&b.from, &b.to, b.kind)));

    let mut members = grouped(
        conn,
        "SELECT unit, persona, role FROM buying_unit_member ORDER BY unit, position",
        |row| Ok((row.get::<_, String>(1)?, row.get::<_, Option<String>>(2)?)),
    )?;
    let mut buying_units = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, description, attributes, product, market_segment
         FROM buying_unit ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        let t = "buying unit";
        let unit_members = members
            .remove(&c.id)
            .unwrap_or_default()
            .into_iter()
            .map(|(persona, role)| {
                Ok(Member {
                    persona: parse(t, &c.id, persona, PersonaId::new)?,
                    role: opt(t, &c.id, role, BuyingRoleId::new)?,
                })
            })
            .collect::<Load<Vec<_>>>()?;
        buying_units.push(BuyingUnit {
            attributes: c.attributes(t)?,
            product: opt(t, &c.id, row.get(4)?, ProductId::new)?,
            market_segment: opt(t, &c.id, row.get(5)?, MarketSegmentId::new)?,
            members: unit_members,
            id: parse(t, &c.id, c.id.clone(), BuyingUnitId::new)?,
            name: c.name,
            description: c.description,
        });
    }

    let thresholds = thresholds(conn)?;

    Ok(Project {
        thresholds,
        project,
        market_segments,
        customer_segments,
        buying_roles,
        needs,
        products,
        competitors,
        personas,
        relationships,
        buying_units,
    })
}

fn personas(conn: &Connection) -> Load<Vec<Persona>> {
    let t = "persona";
    let mut needs = grouped(
        conn,
        "SELECT persona, need, importance FROM persona_need ORDER BY persona, position",
        |row| Ok((row.get::<_, String>(1)?, row.get::<_, f64>(2)?)),
    )?;
    let mut products = grouped(
        conn,
        "SELECT persona, product, relation FROM persona_product ORDER BY persona, position",
        |row| Ok((row.get::<_, String>(1)?, row.get::<_, String>(2)?)),
    )?;
    let mut evidence = grouped(
        conn,
        "SELECT persona, kind, source, date FROM evidence ORDER BY persona, position",
        |row| {
            Ok((
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, description, attributes, title, quote, goals, pain_points, channels,
                market_segment, customer_segment, buying_role, priority, status,
                last_reviewed, rules
         FROM persona ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        let id = c.id.as_str();
        let goals: String = row.get(6)?;
        let pains: String = row.get(7)?;
        let channels: String = row.get(8)?;
        let status: Option<String> = row.get(13)?;
        out.push(Persona {
            attributes: c.attributes(t)?,
            title: row.get(4)?,
            quote: row.get(5)?,
            goals: from_json(t, id, &goals)?,
            pain_points: from_json(t, id, &pains)?,
            channels: from_json(t, id, &channels)?,
            market_segment: opt(t, id, row.get(9)?, MarketSegmentId::new)?,
            customer_segment: opt(t, id, row.get(10)?, CustomerSegmentId::new)?,
            buying_role: opt(t, id, row.get(11)?, BuyingRoleId::new)?,
            priority: priority(t, id, row.get(12)?)?,
            status: status.map(|s| named(t, id, &s)).transpose()?,
            last_reviewed: opt(t, id, row.get(14)?, date)?,
            rules: row.get(15)?,
            needs: needs
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .map(|(need, importance)| {
                    Ok(PersonaNeed {
                        need: parse(t, id, need, NeedId::new)?,
                        importance: unit(t, id, importance)?,
                    })
                })
                .collect::<Load<_>>()?,
            products: products
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .map(|(product, relation)| {
                    Ok(PersonaProduct {
                        product: parse(t, id, product, ProductId::new)?,
                        relation: named(t, id, &relation)?,
                    })
                })
                .collect::<Load<_>>()?,
            evidence: evidence
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .map(|(kind, source, when)| {
                    Ok(Evidence {
                        kind: named(t, id, &kind)?,
                        source,
                        date: opt(t, id, when, date)?,
                    })
                })
                .collect::<Load<_>>()?,
            id: parse(t, id, c.id.clone(), PersonaId::new)?,
            name: c.name,
            description: c.description,
        });
    }
    Ok(out)
}

pub fn thresholds(conn: &Connection) -> Load<Thresholds> {
    let mut out = Thresholds::default();
    let mut stmt = conn.prepare("SELECT name, value FROM threshold")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let value = unit("threshold", &name, row.get(1)?)?;
        if !out.set(&name, value) {
            return bad("threshold", &name, "unknown threshold");
        }
    }
    Ok(out)
}

/// The stored node positions, sorted by id.
pub fn positions(conn: &Connection) -> Load<Vec<NodePosition>> {
    let mut stmt = conn.prepare("SELECT id, x, y FROM position ORDER BY id")?;
    let rows = stmt.query_map([], |row| {
        Ok(NodePosition {
            id: row.get(0)?,
            x: row.get(1)?,
            y: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
