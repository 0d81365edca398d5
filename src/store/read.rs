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

    /// The name, which the schema requires to be more than blanks.
    fn name(&self, table: &str) -> Load<String> {
        if self.name.trim().is_empty() {
            return bad(table, &self.id, "the name is empty");
        }
        if let Some(c) = self.name.chars().find(|c| c.is_control()) {
            return bad(
                table,
                &self.id,
                format!(
                    "the name holds the control character U+{:04X}",
                    u32::from(c)
                ),
            );
        }
        Ok(self.name.clone())
    }
}

/// Rows of a link table grouped by their owner, in position order. `sql`
/// selects the owner first and the position last, in no order: sorting each
/// owner's few rows here is much cheaper than SQLite sorting the whole table
/// (106,000 needs of 20,000 personas: 330 ms with `ORDER BY` in SQL).
fn grouped<T>(
    conn: &Connection,
    sql: &str,
    f: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Load<HashMap<String, Vec<T>>> {
    let mut out: HashMap<String, Vec<(i64, T)>> = HashMap::new();
    let mut stmt = conn.prepare(sql)?;
    let last = stmt.column_count().saturating_sub(1);
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let owner: String = row.get(0)?;
        let position: i64 = row.get(last)?;
        out.entry(owner).or_default().push((position, f(row)?));
    }
    Ok(out
        .into_iter()
        .map(|(owner, mut links)| {
            links.sort_by_key(|(position, _)| *position);
            (owner, links.into_iter().map(|(_, link)| link).collect())
        })
        .collect())
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
            size: match row.get::<_, Option<f64>>(4)? {
                Some(n) if !(n.is_finite() && n >= 0.0) => {
                    return bad(
                        t,
                        &c.id,
                        format!("the size {n} is not a number of accounts"),
                    );
                }
                size => size,
            },
            priority: priority(t, &c.id, row.get(5)?)?,
            id: parse(t, &c.id, c.id.clone(), MarketSegmentId::new)?,
            name: c.name(t)?,
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
            name: c.name(t)?,
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
            name: c.name(t)?,
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
            name: c.name("need")?,
            description: c.description,
        });
    }

    let mut product_needs = grouped(
        conn,
        "SELECT product, need, score, position FROM product_need",
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
            name: c.name("product")?,
            description: c.description,
        });
    }

    let mut competitor_needs = grouped(
        conn,
        "SELECT competitor, need, score, position FROM competitor_need",
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
            name: c.name("competitor")?,
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
    if let Some(r) = relationships.iter().find(|r| r.from == r.to) {
        return bad(
            "relationship from",
            r.from.as_str(),
            "a persona relates to itself",
        );
    }
    // Kinds sort by their names in SQL; the model sorts by declaration order.
    relationships.sort_by(|a, b| (&a.from, &a.to, a.kind).cmp(&(&b.from, &b.to, b.kind)));

    let mut members = grouped(
        conn,
        "SELECT unit, persona, role, position FROM buying_unit_member",
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
            name: c.name(t)?,
            description: c.description,
        });
    }

    let thresholds = thresholds(conn)?;

    let mut project = Project {
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
        journeys: Vec::new(),
        views: Vec::new(),
    };
    let index = crate::change::Index::of(&project);
    references(&project, &index)?;
    project.journeys = journeys(conn, &index)?;
    project.views = views(conn, &index)?;
    Ok(project)
}

/// The journeys, each checked by the interchange reader against the rest of
/// the project (`index`): their stages are stored as the format writes them.
fn journeys(conn: &Connection, index: &crate::change::Index) -> Load<Vec<Journey>> {
    let t = "journey";
    let mut personas = grouped(
        conn,
        "SELECT journey, persona, position FROM journey_persona",
        |row| row.get::<_, String>(1),
    )?;
    let mut out = Vec::new();
    let mut stmt =
        conn.prepare("SELECT id, name, description, attributes, stages FROM journey ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let c = Common::from_row(row)?;
        let stages: String = row.get(4)?;
        let mut value = serde_json::Map::new();
        value.insert("id".to_owned(), c.id.clone().into());
        value.insert("name".to_owned(), c.name(t)?.into());
        if let Some(d) = &c.description {
            value.insert("description".to_owned(), d.clone().into());
        }
        value.insert(
            "attributes".to_owned(),
            from_json::<serde_json::Value>(t, &c.id, &c.attributes)?,
        );
        let members = personas.remove(&c.id).unwrap_or_default();
        value.insert("personas".to_owned(), members.into());
        value.insert(
            "stages".to_owned(),
            from_json::<serde_json::Value>(t, &c.id, &stages)?,
        );
        let lookup = |id: &str| index.kind(id);
        match crate::interchange::read_entity(EntityKind::Journey, &value.into(), &lookup) {
            Ok(crate::change::Entity::Journey(j)) => out.push(j),
            Ok(_) => return bad(t, &c.id, "is not a journey"),
            Err(problems) => return bad(t, &c.id, problems),
        }
    }
    if let Some(j) = out.iter().find(|j| index.kind(j.id.as_str()).is_some()) {
        return bad(t, j.id.as_str(), "has the id of another entity");
    }
    Ok(out)
}

/// The saved views in their order, each read as an import reads it, its
/// references looked up in the project. A file of schema 5 or older has
/// none (the table comes with schema 6; a read-only open upgrades a copy).
fn views(conn: &Connection, index: &crate::change::Index) -> Load<Vec<SavedView>> {
    let mut stmt = conn.prepare("SELECT name, body FROM saved_view ORDER BY position")?;
    let mut rows = stmt.query([])?;
    let mut list = Vec::new();
    let mut names = Vec::new();
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let body: String = row.get(1)?;
        let value = from_json::<serde_json::Value>("view", &name, &body)?;
        if value.get("name").and_then(serde_json::Value::as_str) != Some(name.as_str()) {
            return bad("view", &name, "its stored name does not match its row");
        }
        list.push(value);
        names.push(name);
    }
    let lookup = |id: &str| index.kind(id);
    crate::interchange::read_views(&serde_json::Value::Array(list), &lookup)
        .or_else(|problems| bad("view", names.first().map_or("", String::as_str), problems))
}

/// Checks that every reference of the project resolves to an entity of the
/// right kind, as the schema's foreign keys promise: a file written by
/// another tool with the keys off, or damaged on disk, must not pass for a
/// project that an export would then refuse. O(project), in memory.
fn references(p: &Project, index: &crate::change::Index) -> Load<()> {
    let dangling = |owner: &str, id: &str, what: &str, expected: EntityKind| -> Load<()> {
        match index.kind(id) {
            Some(k) if k == expected => Ok(()),
            Some(k) => Err(LoadError::Bad(format!(
                "{owner} refers to {id:?} as a {what}, but it is a {}",
                k.label()
            ))),
            None => Err(LoadError::Bad(format!(
                "{owner} refers to the {what} {id:?}, which is not in the project"
            ))),
        }
    };
    for x in &p.personas {
        let owner = format!("persona {:?}", x.id.as_str());
        if let Some(s) = &x.market_segment {
            dangling(
                &owner,
                s.as_str(),
                "market segment",
                EntityKind::MarketSegment,
            )?;
        }
        if let Some(s) = &x.customer_segment {
            dangling(
                &owner,
                s.as_str(),
                "customer segment",
                EntityKind::CustomerSegment,
            )?;
        }
        if let Some(r) = &x.buying_role {
            dangling(&owner, r.as_str(), "buying role", EntityKind::BuyingRole)?;
        }
        for n in &x.needs {
            dangling(&owner, n.need.as_str(), "need", EntityKind::Need)?;
        }
        for l in &x.products {
            dangling(&owner, l.product.as_str(), "product", EntityKind::Product)?;
        }
    }
    for x in &p.products {
        for a in &x.addresses {
            dangling(
                &format!("product {:?}", x.id.as_str()),
                a.need.as_str(),
                "need",
                EntityKind::Need,
            )?;
        }
    }
    for x in &p.competitors {
        for a in &x.addresses {
            dangling(
                &format!("competitor {:?}", x.id.as_str()),
                a.need.as_str(),
                "need",
                EntityKind::Need,
            )?;
        }
    }
    for r in &p.relationships {
        let owner = format!("the relationship from {:?}", r.from.as_str());
        dangling(&owner, r.from.as_str(), "persona", EntityKind::Persona)?;
        dangling(&owner, r.to.as_str(), "persona", EntityKind::Persona)?;
    }
    for u in &p.buying_units {
        let owner = format!("buying unit {:?}", u.id.as_str());
        if let Some(x) = &u.product {
            dangling(&owner, x.as_str(), "product", EntityKind::Product)?;
        }
        if let Some(x) = &u.market_segment {
            dangling(
                &owner,
                x.as_str(),
                "market segment",
                EntityKind::MarketSegment,
            )?;
        }
        for m in &u.members {
            dangling(&owner, m.persona.as_str(), "persona", EntityKind::Persona)?;
            if let Some(r) = &m.role {
                dangling(&owner, r.as_str(), "buying role", EntityKind::BuyingRole)?;
            }
        }
    }
    // Every node has its entity row, and no two entities share an id.
    let listed = p.market_segments.len()
        + p.customer_segments.len()
        + p.buying_roles.len()
        + p.needs.len()
        + p.products.len()
        + p.competitors.len()
        + p.personas.len()
        + p.buying_units.len();
    if listed != index.len() {
        return Err(LoadError::Bad("two entities share one id".to_owned()));
    }
    Ok(())
}

fn personas(conn: &Connection) -> Load<Vec<Persona>> {
    let t = "persona";
    let mut needs = grouped(
        conn,
        "SELECT persona, need, importance, position FROM persona_need",
        |row| Ok((row.get::<_, String>(1)?, row.get::<_, f64>(2)?)),
    )?;
    let mut products = grouped(
        conn,
        "SELECT persona, product, relation, position FROM persona_product",
        |row| Ok((row.get::<_, String>(1)?, row.get::<_, String>(2)?)),
    )?;
    let mut evidence = grouped(
        conn,
        "SELECT persona, kind, source, date, note, records, share, position FROM evidence",
        |row| {
            Ok((
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, Option<i64>>(5)?,
                row.get::<_, Option<f64>>(6)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, description, attributes, title, quote, goals, pain_points, channels,
                market_segment, customer_segment, buying_role, priority, status,
                last_reviewed, rules, used_by, scenarios, portrait
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
        let used_by: String = row.get(16)?;
        let scenarios: String = row.get(17)?;
        let scenarios: Vec<Scenario> = from_json(t, id, &scenarios)?;
        if scenarios.iter().any(|s| s.title.trim().is_empty()) {
            return bad(t, id, "a scenario has no title");
        }
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
            used_by: from_json(t, id, &used_by)?,
            scenarios,
            portrait: opt(t, id, row.get(18)?, Portrait::new)?,
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
                .map(|(kind, source, when, note, records, share)| {
                    Ok(Evidence {
                        kind: named(t, id, &kind)?,
                        source,
                        date: opt(t, id, when, date)?,
                        note,
                        records: records
                            .map(|r| {
                                u64::try_from(r)
                                    .ok()
                                    .filter(|r| *r <= MAX_COUNT)
                                    .map_or_else(|| bad(t, id, "a count out of range"), Ok)
                            })
                            .transpose()?,
                        share: share.map(|v| unit(t, id, v)).transpose()?,
                    })
                })
                .collect::<Load<_>>()?,
            id: parse(t, id, c.id.clone(), PersonaId::new)?,
            name: c.name(t)?,
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
        let value: f64 = row.get(1)?;
        if name == Thresholds::STALE_AFTER_DAYS {
            out.stale_after_days = match value {
                v if v.fract() == 0.0 && v.abs() < 1e9 => {
                    Days::new(v as i64).or_else(|why| bad("threshold", &name, why))?
                }
                v => return bad("threshold", &name, format!("{v} is not a number of days")),
            };
            continue;
        }
        let value = unit("threshold", &name, value)?;
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
    let positions = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some(p) = positions
        .iter()
        .find(|p| !p.is_within_map() || id_problem(&p.id).is_some())
    {
        return bad(
            "position",
            &p.id,
            format!("({}, {}) is not a point on the map", p.x, p.y),
        );
    }
    Ok(positions)
}

/// The checksum stored with the content; `None` in a file written before
/// checksums were (schema 3 and older), until its first edit.
pub fn stored_checksum(conn: &Connection) -> Load<Option<u64>> {
    let mut stmt = conn.prepare("SELECT sum FROM checksum WHERE singleton = 1")?;
    let mut rows = stmt.query([])?;
    match rows.next()? {
        // Stored as the same 64 bits in SQLite's signed integer.
        Some(row) => Ok(Some(row.get::<_, i64>(0)? as u64)),
        None => Ok(None),
    }
}
