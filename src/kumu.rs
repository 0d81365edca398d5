//! Kumu maps in and out. A consultant's stakeholder map in Kumu comes in
//! from its spreadsheet layout (an Elements sheet with Label, Type,
//! Description, Tags and custom columns; a Connections sheet with From, To,
//! Type, Strength), from a JSON blueprint, or from a project backup (the
//! same, with each element's fields under `attributes`, and `maps` holding
//! positions). Kumu's types are free text, so they are mapped onto our
//! kinds (`--type Stakeholder=persona`; our own kind names map by
//! themselves); fields named as ours (Title, Quote, Goals, Pain Points,
//! Channels...) fill them and the rest become attributes; connections
//! between mapped elements become links or relationships by the kinds of
//! their ends. What does not map is counted, never dropped silently.
//!
//! Out, a project is a blueprint: every entity an element typed by its
//! kind, every link a connection, so the work carries on in Kumu.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value, json};
use ts_rs::TS;

use crate::error::{Error, Problem, Problems, Result};
use crate::model::{NodePosition, Project};
use crate::sheets::{Book, Cell, split_list};

/// What a Kumu element type becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum Target {
    /// A persona.
    Persona,
    /// A market segment.
    MarketSegment,
    /// A customer segment.
    CustomerSegment,
    /// A buying role.
    BuyingRole,
    /// A need.
    Need,
    /// A product.
    Product,
    /// A competitor.
    Competitor,
}

const TARGETS: [Target; 7] = [
    Target::Persona,
    Target::MarketSegment,
    Target::CustomerSegment,
    Target::BuyingRole,
    Target::Need,
    Target::Product,
    Target::Competitor,
];

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::Persona => "persona",
            Target::MarketSegment => "market_segment",
            Target::CustomerSegment => "customer_segment",
            Target::BuyingRole => "buying_role",
            Target::Need => "need",
            Target::Product => "product",
            Target::Competitor => "competitor",
        }
    }

    /// The element type a blueprint gives it.
    fn label(self) -> &'static str {
        match self {
            Target::Persona => "Persona",
            Target::MarketSegment => "Market segment",
            Target::CustomerSegment => "Customer segment",
            Target::BuyingRole => "Buying role",
            Target::Need => "Need",
            Target::Product => "Product",
            Target::Competitor => "Competitor",
        }
    }

    fn list(self) -> &'static str {
        match self {
            Target::Persona => "personas",
            Target::MarketSegment => "market_segments",
            Target::CustomerSegment => "customer_segments",
            Target::BuyingRole => "buying_roles",
            Target::Need => "needs",
            Target::Product => "products",
            Target::Competitor => "competitors",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Target::Persona => "p",
            Target::MarketSegment => "ms",
            Target::CustomerSegment => "cs",
            Target::BuyingRole => "role",
            Target::Need => "need",
            Target::Product => "prod",
            Target::Competitor => "comp",
        }
    }

    /// Our kind named `text` (`persona`, `Market segment`, `buying roles`).
    pub fn parse(text: &str) -> Option<Target> {
        let n = normal(text);
        let n = n.strip_suffix('s').unwrap_or(&n);
        TARGETS.into_iter().find(|t| t.name() == n)
    }
}

/// A name as compared: lower case, spaces and dashes as underscores.
fn normal(name: &str) -> String {
    crate::sheets::layout::normal(name)
}

/// The mapping of Kumu's element types onto our kinds: `--type` pairs
/// first, then our own kind names.
#[derive(Clone, Debug, Default)]
pub struct TypeMap {
    pairs: Vec<(String, Target)>,
    /// A preview, which shows a map where nothing maps yet (so the user
    /// can map its types) instead of refusing it.
    preview: bool,
}

impl TypeMap {
    /// Reads `Stakeholder=persona` pairs, as `--type` gives them.
    pub fn parse(pairs: &[String]) -> std::result::Result<TypeMap, String> {
        let mut out = Vec::new();
        for pair in pairs {
            let Some((kumu, ours)) = pair.rsplit_once('=') else {
                return Err(format!(
                    "--type {pair:?}: write KUMU_TYPE=KIND, e.g. Stakeholder=persona"
                ));
            };
            let one = TypeMap::from_pairs([(kumu, ours)])
                .map_err(|why| format!("--type {pair:?}: {why}"))?;
            out.extend(one.pairs);
        }
        Ok(TypeMap {
            pairs: out,
            preview: false,
        })
    }

    /// A mapping of (Kumu type, our kind) pairs, as the app's preview
    /// chooses them.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> std::result::Result<TypeMap, String> {
        let mut out = Vec::new();
        for (kumu, ours) in pairs {
            let target = Target::parse(ours).ok_or_else(|| {
                let kinds: Vec<&str> = TARGETS.iter().map(|t| t.name()).collect();
                format!(
                    "{:?} is not a kind; the kinds are {}",
                    ours.trim(),
                    kinds.join(", ")
                )
            })?;
            out.push((normal(kumu), target));
        }
        Ok(TypeMap {
            pairs: out,
            preview: false,
        })
    }

    /// The same mapping for a preview: a map where nothing maps yet comes
    /// back empty, its types listed, rather than refused.
    pub fn for_preview(mut self) -> TypeMap {
        self.preview = true;
        self
    }

    fn target(&self, kumu_type: &str) -> Option<Target> {
        let n = normal(kumu_type);
        self.pairs
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, t)| *t)
            .or_else(|| Target::parse(kumu_type))
    }
}

/// An element as read, whatever layout it came in.
#[derive(Debug, Default)]
struct Element {
    /// Its id in the map (Kumu's `_id` or `id`), if it has one.
    id: Option<String>,
    label: String,
    kind: Option<String>,
    description: Option<String>,
    tags: Vec<String>,
    fields: Vec<(String, Value)>,
    position: Option<(f64, f64)>,
}

#[derive(Debug, Default)]
struct Connection {
    from: String,
    to: Vec<String>,
    kind: Option<String>,
    strength: Option<Value>,
    description: Option<String>,
}

/// A Kumu type that mapped onto none of our kinds, and how many elements
/// have it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Unmapped {
    /// The element type, as Kumu writes it ("" for elements without one).
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub kind: String,
    /// Elements of that type.
    #[ts(type = "number")]
    pub elements: u64,
}

/// What an import from Kumu brought in and what it left out.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Summary {
    /// Element types that mapped onto none of our kinds.
    pub unmapped_types: Vec<Unmapped>,
    /// Connections left out: an end not brought in, or two kinds no link
    /// joins (a need to a need).
    #[ts(type = "number")]
    pub unmapped_connections: u64,
    /// What was assumed, e.g. a strength that was no number from 0 to 1.
    pub notes: Vec<String>,
}

/// A Kumu map read into a project.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The project.
    pub project: Project,
    /// Where the map placed each element brought in, by our id.
    pub positions: Vec<NodePosition>,
    /// What came in and what did not.
    pub summary: Summary,
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let texts: Vec<String> = items.iter().filter_map(value_text).collect();
            Some(crate::sheets::join_list(texts.iter().map(String::as_str)))
        }
        _ => None,
    }
}

fn value_list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(value_text).collect(),
        Value::String(s) => split_list(s),
        other => value_text(other).into_iter().collect(),
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok().filter(|n: &f64| n.is_finite()),
        _ => None,
    }
}

/// An element's or connection's fields: under `attributes` in a backup,
/// on the object itself in a blueprint.
fn fields_of(obj: &Map<String, Value>) -> &Map<String, Value> {
    obj.get("attributes")
        .and_then(Value::as_object)
        .unwrap_or(obj)
}

/// The largest map an import reads.
const MAX_ELEMENTS: usize = 200_000;

/// Reads a Kumu JSON blueprint or project backup.
pub fn read_json(text: &str, source: &str, name: &str, types: &TypeMap) -> Result<Imported> {
    let invalid = |message: String| Error::Invalid {
        source_name: source.to_owned(),
        problems: Problems(vec![Problem {
            path: String::new(),
            message,
        }]),
    };
    let doc: Value =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| {
            invalid(format!(
                "not valid JSON at line {}, column {}",
                e.line(),
                e.column()
            ))
        })?;
    let Some(root) = doc.as_object() else {
        return Err(invalid(
            "a Kumu map is a JSON object with elements and connections".into(),
        ));
    };
    let Some(items) = root.get("elements").and_then(Value::as_array) else {
        return Err(invalid(
            "no \"elements\" list: this is not a Kumu blueprint or backup".into(),
        ));
    };
    if items.len() > MAX_ELEMENTS {
        return Err(invalid(format!(
            "{} elements, more than the {MAX_ELEMENTS} a project holds",
            items.len()
        )));
    }
    // A backup places elements on its maps; the first map's places are used.
    let mut placed: HashMap<String, (f64, f64)> = HashMap::new();
    if let Some(map) = root
        .get("maps")
        .and_then(Value::as_array)
        .and_then(|m| m.first())
    {
        for e in map
            .get("elements")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = e.get("element").and_then(Value::as_str);
            let pos = e.get("position");
            let x = pos.and_then(|p| p.get("x")).and_then(Value::as_f64);
            let y = pos.and_then(|p| p.get("y")).and_then(Value::as_f64);
            if let (Some(id), Some(x), Some(y)) = (id, x, y) {
                placed.insert(id.to_owned(), (x, y));
            }
        }
    }
    let mut elements = Vec::new();
    for item in items {
        let Some(obj) = item.as_object() else {
            continue;
        };
        let fields = fields_of(obj);
        let id = obj
            .get("_id")
            .or_else(|| obj.get("id"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut e = Element {
            position: id.as_ref().and_then(|i| placed.get(i).copied()),
            id,
            ..Element::default()
        };
        for (k, v) in fields {
            match normal(k).as_str() {
                "label" => e.label = value_text(v).unwrap_or_default(),
                "type" | "element_type" => e.kind = value_text(v),
                "description" => e.description = value_text(v),
                "tags" => e.tags = value_list(v),
                "_id" | "id" => {}
                _ => e.fields.push((k.clone(), v.clone())),
            }
        }
        elements.push(e);
    }
    let mut connections = Vec::new();
    for item in root
        .get("connections")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(obj) = item.as_object() else {
            continue;
        };
        let fields = fields_of(obj);
        let end = |key: &str| {
            obj.get(key)
                .or_else(|| fields.get(key))
                .and_then(value_text)
        };
        let mut c = Connection {
            from: end("from").unwrap_or_default(),
            to: end("to").map(|t| split_list(&t)).unwrap_or_default(),
            ..Connection::default()
        };
        for (k, v) in fields {
            match normal(k).as_str() {
                "type" | "connection_type" => c.kind = value_text(v),
                "strength" | "weight" => c.strength = Some(v.clone()),
                "description" => c.description = value_text(v),
                _ => {}
            }
        }
        connections.push(c);
    }
    build(elements, connections, types, source, name)
}

/// Reads Kumu's spreadsheet layout from a workbook or CSV file: sheets whose
/// first header is Label (or ID then Label) are elements, those with From
/// and To are connections; sheets named with "(ignore)" are skipped.
pub fn read_book(book: &Book, source: &str, name: &str, types: &TypeMap) -> Result<Imported> {
    let mut elements = Vec::new();
    let mut connections = Vec::new();
    let mut seen_any = false;
    for table in &book.tables {
        if table.name.to_ascii_lowercase().contains("(ignore)") {
            continue;
        }
        let headers: Vec<String> = table.header.iter().map(|h| normal(h)).collect();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let cell = |row: &[Cell], i: Option<usize>| -> Option<String> {
            i.and_then(|i| row.get(i))
                .map(Cell::text)
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
        };
        if let (Some(from), Some(to)) = (col("from"), col("to")) {
            seen_any = true;
            let (kind, strength, description) = (col("type"), col("strength"), col("description"));
            for row in &table.rows {
                let (Some(f), Some(t)) = (cell(row, Some(from)), cell(row, Some(to))) else {
                    continue;
                };
                connections.push(Connection {
                    from: f,
                    to: split_list(&t),
                    kind: cell(row, kind),
                    strength: cell(row, strength).map(Value::String),
                    description: cell(row, description),
                });
            }
        } else if let Some(label) = col("label") {
            seen_any = true;
            for row in &table.rows {
                let Some(l) = cell(row, Some(label)) else {
                    continue;
                };
                let mut e = Element {
                    label: l,
                    ..Element::default()
                };
                for (i, h) in headers.iter().enumerate() {
                    let Some(text) = cell(row, Some(i)) else {
                        continue;
                    };
                    match h.as_str() {
                        "label" => {}
                        "id" => e.id = Some(text),
                        "type" | "element_type" => e.kind = Some(text),
                        "description" => e.description = Some(text),
                        "tags" => e.tags = split_list(&text),
                        _ => {
                            let value = match row.get(i) {
                                Some(Cell::Number(n)) => json!(n),
                                Some(Cell::Bool(b)) => json!(b),
                                _ => Value::String(text),
                            };
                            e.fields.push((table.header[i].trim().to_owned(), value));
                        }
                    }
                }
                elements.push(e);
            }
        }
    }
    if !seen_any {
        return Err(Error::Invalid {
            source_name: source.to_owned(),
            problems: Problems(vec![Problem {
                path: String::new(),
                message: "no Kumu sheet: elements need a Label column, connections From and To"
                    .to_owned(),
            }]),
        });
    }
    build(elements, connections, types, source, name)
}

/// An id for `label` as `target`: `p-dana-the-data-lead`, unique in `taken`.
fn new_id(target: Target, label: &str, taken: &mut HashSet<String>) -> String {
    let id = crate::model::fresh_id(target.prefix(), label, |id| taken.contains(id));
    taken.insert(id.clone());
    id
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= crate::model::MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
}

/// The fields of our kinds that a Kumu field of the same name fills: the
/// name as written in Kumu (normalised), our field, and how it is read.
fn own_field(target: Target, name: &str) -> Option<(&'static str, FieldKind)> {
    use FieldKind::*;
    let fields: &[(&str, &'static str, FieldKind)] = match target {
        Target::Persona => &[
            ("title", "title", Text),
            ("job_title", "title", Text),
            ("quote", "quote", Text),
            ("goals", "goals", List),
            ("pain_points", "pain_points", List),
            ("pains", "pain_points", List),
            ("channels", "channels", List),
            ("used_by", "used_by", List),
            ("priority", "priority", Priority),
            ("status", "status", Status),
            ("last_reviewed", "last_reviewed", Date),
            ("rules", "rules", Text),
        ],
        Target::MarketSegment => &[("size", "size", Number), ("priority", "priority", Priority)],
        Target::CustomerSegment => &[("priority", "priority", Priority)],
        Target::BuyingRole => &[("required", "required", Bool), ("decides", "decides", Bool)],
        _ => &[],
    };
    let n = normal(name);
    fields
        .iter()
        .find(|(alias, _, _)| *alias == n)
        .map(|(_, field, kind)| (*field, *kind))
}

#[derive(Clone, Copy, Debug)]
enum FieldKind {
    Text,
    List,
    Number,
    Priority,
    Status,
    Date,
    Bool,
}

/// A field's value as ours, or None when it does not fit (then it stays an
/// attribute, with a note).
fn own_value(kind: FieldKind, v: &Value) -> Option<Value> {
    match kind {
        FieldKind::Text => value_text(v).map(Value::String),
        FieldKind::List => Some(Value::Array(
            value_list(v).into_iter().map(Value::String).collect(),
        )),
        FieldKind::Number => number(v).map(|n| json!(n)),
        FieldKind::Priority => number(v)
            .filter(|n| n.fract() == 0.0 && (1.0..=5.0).contains(n))
            .map(|n| json!(n as i64)),
        FieldKind::Status => value_text(v)
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| matches!(s.as_str(), "proto" | "validated" | "detailed"))
            .map(Value::String),
        FieldKind::Date => value_text(v)
            .filter(|s| crate::model::Date::parse(s.trim()).is_ok())
            .map(|s| Value::String(s.trim().to_owned())),
        FieldKind::Bool => match v {
            Value::Bool(b) => Some(Value::Bool(*b)),
            other => match value_text(other)?.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Some(Value::Bool(true)),
                "false" | "no" | "0" => Some(Value::Bool(false)),
                _ => None,
            },
        },
    }
}

fn attribute(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(_) | Value::Bool(_) => Some(v.clone()),
        Value::Number(n) if n.as_f64().is_some_and(f64::is_finite) => Some(v.clone()),
        Value::Array(_) => value_text(v).filter(|t| !t.is_empty()).map(Value::String),
        _ => None,
    }
}

/// The kinds a connection between two ends makes, by the kinds of its ends.
enum Link {
    PersonaNeed,
    ScoreNeed,
    PersonaProduct,
    PersonaField(&'static str),
    Relationship,
}

fn link(a: Target, b: Target) -> Option<(Link, bool)> {
    use Target::*;
    // The bool: the ends are swapped (the persona or product is `b`).
    Some(match (a, b) {
        (Persona, Need) => (Link::PersonaNeed, false),
        (Need, Persona) => (Link::PersonaNeed, true),
        (Product | Competitor, Need) => (Link::ScoreNeed, false),
        (Need, Product | Competitor) => (Link::ScoreNeed, true),
        (Persona, Product) => (Link::PersonaProduct, false),
        (Product, Persona) => (Link::PersonaProduct, true),
        (Persona, MarketSegment) => (Link::PersonaField("market_segment"), false),
        (MarketSegment, Persona) => (Link::PersonaField("market_segment"), true),
        (Persona, CustomerSegment) => (Link::PersonaField("customer_segment"), false),
        (CustomerSegment, Persona) => (Link::PersonaField("customer_segment"), true),
        (Persona, BuyingRole) => (Link::PersonaField("buying_role"), false),
        (BuyingRole, Persona) => (Link::PersonaField("buying_role"), true),
        (Persona, Persona) => (Link::Relationship, false),
        _ => return None,
    })
}

fn relation_of(kind: Option<&str>) -> &'static str {
    let k = kind.map(normal).unwrap_or_default();
    if k.contains("own") || k.contains("wrote") || k.contains("written") {
        "owned_by"
    } else if k.contains("evaluat") || k.contains("trial") {
        "evaluates"
    } else if k.contains("use") {
        "uses"
    } else {
        "targets"
    }
}

fn relationship_of(kind: Option<&str>) -> &'static str {
    let k = kind.map(normal).unwrap_or_default();
    [
        "influences",
        "approves",
        "reports_to",
        "recommends",
        "blocks",
        "collaborates",
    ]
    .into_iter()
    .find(|r| {
        let stem = r.trim_end_matches('s');
        k == *r || k.starts_with(stem)
    })
    .unwrap_or("influences")
}

fn build(
    elements: Vec<Element>,
    connections: Vec<Connection>,
    types: &TypeMap,
    source: &str,
    name: &str,
) -> Result<Imported> {
    let mut notes: BTreeMap<String, u64> = BTreeMap::new();
    let mut unmapped: BTreeMap<String, u64> = BTreeMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut lists: BTreeMap<&'static str, Vec<Map<String, Value>>> = BTreeMap::new();
    // Each element brought in: its key (id or label) → (kind, our id, index).
    let mut by_key: HashMap<String, (Target, String, usize)> = HashMap::new();
    let mut by_label: HashMap<String, Option<(Target, String, usize)>> = HashMap::new();
    let mut positions = Vec::new();
    // Ids given by the map itself (a blueprint of ours) are kept first.
    for e in &elements {
        if let Some(id) = &e.id
            && valid_id(id)
            && !id.starts_with("elem-")
        {
            taken.insert(id.clone());
        }
    }
    let mut given: HashSet<String> = HashSet::new();
    for e in &elements {
        let Some(target) = e.kind.as_deref().and_then(|k| types.target(k)) else {
            *unmapped
                .entry(e.kind.clone().unwrap_or_default())
                .or_insert(0) += 1;
            continue;
        };
        if e.label.trim().is_empty() {
            *notes
                .entry("elements without a label were left out".into())
                .or_insert(0) += 1;
            continue;
        }
        let id = match &e.id {
            Some(id) if valid_id(id) && !id.starts_with("elem-") && given.insert(id.clone()) => {
                id.clone()
            }
            _ => new_id(target, &e.label, &mut taken),
        };
        let mut obj = Map::new();
        obj.insert("id".into(), Value::String(id.clone()));
        obj.insert("name".into(), Value::String(e.label.trim().to_owned()));
        if let Some(d) = e.description.as_ref().filter(|d| !d.trim().is_empty()) {
            obj.insert("description".into(), Value::String(d.clone()));
        }
        let mut attrs = Map::new();
        if !e.tags.is_empty() {
            attrs.insert(
                "tags".into(),
                Value::String(crate::sheets::join_list(e.tags.iter().map(String::as_str))),
            );
        }
        for (k, v) in &e.fields {
            match own_field(target, k) {
                Some((field, kind)) => match own_value(kind, v) {
                    Some(value) => {
                        obj.insert(field.to_owned(), value);
                    }
                    None => {
                        if let Some(a) = attribute(v) {
                            *notes
                                .entry(format!(
                                    "{k:?} values that are not a {} were kept as attributes",
                                    field.replace('_', " ")
                                ))
                                .or_insert(0) += 1;
                            attrs.insert(k.trim().to_owned(), a);
                        }
                    }
                },
                None => {
                    if let Some(a) = attribute(v) {
                        attrs.insert(k.trim().to_owned(), a);
                    }
                }
            }
        }
        if !attrs.is_empty() {
            obj.insert("attributes".into(), Value::Object(attrs));
        }
        let list = lists.entry(target.list()).or_default();
        let index = list.len();
        list.push(obj);
        if let Some((x, y)) = e.position {
            let at = NodePosition {
                id: id.clone(),
                x,
                y,
            };
            if at.is_within_map() {
                positions.push(at);
            } else {
                *notes
                    .entry("positions off the map were left out".into())
                    .or_insert(0) += 1;
            }
        }
        let entry = (target, id, index);
        if let Some(k) = &e.id {
            by_key.insert(k.clone(), entry.clone());
        }
        by_label
            .entry(e.label.trim().to_owned())
            .and_modify(|v| *v = None)
            .or_insert(Some(entry));
    }
    if lists.is_empty() && !types.preview {
        let found: Vec<String> = unmapped
            .iter()
            .map(|(k, n)| {
                if k.is_empty() {
                    format!("{n} without a type")
                } else {
                    format!("{k:?} ({n})")
                }
            })
            .collect();
        let example = unmapped
            .keys()
            .find(|k| !k.is_empty())
            .map_or("Stakeholder", String::as_str);
        return Err(Error::Invalid {
            source_name: source.to_owned(),
            problems: Problems(vec![Problem {
                path: String::new(),
                message: format!(
                    "no element's type is one of ours (found {}); map them with --type, e.g. \
                     --type {:?}=persona (the kinds: persona, market_segment, customer_segment, \
                     buying_role, need, product, competitor)",
                    if found.is_empty() {
                        "no elements".to_owned()
                    } else {
                        found.join(", ")
                    },
                    example
                ),
            }]),
        });
    }
    let resolve = |key: &str| -> Option<(Target, String, usize)> {
        by_key
            .get(key)
            .cloned()
            .or_else(|| by_label.get(key.trim()).cloned().flatten())
    };
    let mut relationships: Vec<Value> = Vec::new();
    let mut left_out = 0u64;
    let mut seen_rel: HashSet<(String, String, String)> = HashSet::new();
    for c in &connections {
        for to in &c.to {
            let (Some(a), Some(b)) = (resolve(&c.from), resolve(to)) else {
                left_out += 1;
                continue;
            };
            let Some((kind, swapped)) = link(a.0, b.0) else {
                left_out += 1;
                continue;
            };
            let (x, y) = if swapped { (&b, &a) } else { (&a, &b) };
            let strength = c.strength.as_ref().and_then(number);
            let unit = match strength {
                Some(s) if (0.0..=1.0).contains(&s) => Some(s),
                Some(_) => {
                    *notes
                        .entry("strengths outside 0 to 1 were taken as 0.5".into())
                        .or_insert(0) += 1;
                    None
                }
                None => None,
            };
            let push = |obj: &mut Map<String, Value>, field: &str, item: Value| {
                if let Value::Array(list) = obj
                    .entry(field.to_owned())
                    .or_insert_with(|| Value::Array(Vec::new()))
                {
                    let duplicate = list.iter().any(|v| v == &item)
                        || (item.get("need").is_some()
                            && list.iter().any(|v| v.get("need") == item.get("need")));
                    if !duplicate {
                        list.push(item);
                    }
                }
            };
            let owner = lists.get_mut(x.0.list()).and_then(|l| l.get_mut(x.2));
            match kind {
                Link::PersonaNeed => {
                    if let Some(obj) = owner {
                        let importance = unit.unwrap_or(0.5);
                        push(
                            obj,
                            "needs",
                            json!({ "need": y.1, "importance": importance }),
                        );
                    }
                }
                Link::ScoreNeed => {
                    if let Some(obj) = owner {
                        let score = unit.unwrap_or(0.5);
                        push(obj, "addresses", json!({ "need": y.1, "score": score }));
                    }
                }
                Link::PersonaProduct => {
                    if let Some(obj) = owner {
                        let relation = relation_of(c.kind.as_deref());
                        push(
                            obj,
                            "products",
                            json!({ "product": y.1, "relation": relation }),
                        );
                    }
                }
                Link::PersonaField(field) => {
                    if let Some(obj) = owner {
                        if obj.contains_key(field) {
                            *notes
                                .entry(format!(
                                    "personas linked to two of one kind kept the first {}",
                                    field.replace('_', " ")
                                ))
                                .or_insert(0) += 1;
                        } else {
                            obj.insert(field.to_owned(), Value::String(y.1.clone()));
                        }
                    }
                }
                Link::Relationship => {
                    if x.1 == y.1 {
                        left_out += 1;
                        continue;
                    }
                    let kind = relationship_of(c.kind.as_deref());
                    if !seen_rel.insert((x.1.clone(), y.1.clone(), kind.to_owned())) {
                        continue;
                    }
                    let mut r = json!({ "from": x.1, "to": y.1, "kind": kind });
                    if let Some(w) = unit {
                        r["weight"] = json!(w);
                    }
                    if let Some(d) = c.description.as_ref().filter(|d| !d.trim().is_empty()) {
                        r["description"] = json!(d);
                    }
                    relationships.push(r);
                }
            }
        }
    }
    let mut doc = Map::new();
    doc.insert("format".into(), json!(crate::interchange::FORMAT));
    doc.insert("version".into(), json!(crate::interchange::VERSION));
    doc.insert("project".into(), json!({ "name": name }));
    for (list, items) in lists {
        doc.insert(
            list.to_owned(),
            Value::Array(items.into_iter().map(Value::Object).collect()),
        );
    }
    doc.insert("relationships".into(), Value::Array(relationships));
    let project = crate::interchange::read_value(&Value::Object(doc), source)?;
    let summary = Summary {
        unmapped_types: unmapped
            .into_iter()
            .map(|(kind, elements)| Unmapped { kind, elements })
            .collect(),
        unmapped_connections: left_out,
        notes: notes
            .into_iter()
            .map(|(note, n)| format!("{note} ({n})"))
            .collect(),
    };
    Ok(Imported {
        project,
        positions,
        summary,
    })
}

/// The project as a Kumu blueprint: every entity an element (`id`, label,
/// type, description, its fields), every link a connection (`from`, `to`,
/// type, strength), directed.
pub fn blueprint(project: &Project) -> String {
    let doc = crate::interchange::to_value(project);
    let mut elements = Vec::new();
    let mut connections = Vec::new();
    let mut element = |id: &Value, kind: &str, item: &Map<String, Value>, skip: &[&str]| {
        let mut e = Map::new();
        e.insert("id".into(), id.clone());
        e.insert(
            "label".into(),
            item.get("name").cloned().unwrap_or(Value::Null),
        );
        e.insert("type".into(), json!(kind));
        for (k, v) in item {
            if matches!(k.as_str(), "id" | "name") || skip.contains(&k.as_str()) {
                continue;
            }
            if k == "attributes" {
                for (ak, av) in v.as_object().into_iter().flatten() {
                    e.entry(ak.clone()).or_insert_with(|| av.clone());
                }
                continue;
            }
            let title = k.replace('_', " ");
            let mut chars = title.chars();
            let title = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default();
            let key = if k == "description" {
                "description".to_owned()
            } else {
                title
            };
            e.insert(key, v.clone());
        }
        elements.push(Value::Object(e));
    };
    let mut connect = |from: &Value, to: &Value, kind: &str, strength: Option<&Value>| {
        let mut c = json!({ "from": from, "to": to, "type": kind, "direction": "directed" });
        if let Some(s) = strength {
            c["strength"] = s.clone();
        }
        connections.push(c);
    };
    let list = |name: &str| -> Vec<Map<String, Value>> {
        doc.get(name)
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(|v| v.as_object().cloned()).collect())
            .unwrap_or_default()
    };
    for t in TARGETS {
        for item in list(t.list()) {
            let id = item.get("id").cloned().unwrap_or(Value::Null);
            let skip: &[&str] = match t {
                Target::Persona => &[
                    "needs",
                    "products",
                    "market_segment",
                    "customer_segment",
                    "buying_role",
                    "evidence",
                    "scenarios",
                    "portrait",
                ],
                Target::Product | Target::Competitor => &["addresses"],
                _ => &[],
            };
            element(&id, t.label(), &item, skip);
            match t {
                Target::Persona => {
                    for field in ["market_segment", "customer_segment", "buying_role"] {
                        if let Some(to) = item.get(field) {
                            connect(&id, to, &field.replace('_', " "), None);
                        }
                    }
                    for n in item
                        .get("needs")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        connect(&id, &n["need"], "needs", n.get("importance"));
                    }
                    for p in item
                        .get("products")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        let relation = p["relation"]
                            .as_str()
                            .unwrap_or("targets")
                            .replace('_', " ");
                        connect(&id, &p["product"], &relation, None);
                    }
                }
                Target::Product | Target::Competitor => {
                    for a in item
                        .get("addresses")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        connect(&id, &a["need"], "meets", a.get("score"));
                    }
                }
                _ => {}
            }
        }
    }
    for r in list("relationships") {
        let kind = r
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("influences")
            .replace('_', " ");
        connect(
            r.get("from").unwrap_or(&Value::Null),
            r.get("to").unwrap_or(&Value::Null),
            &kind,
            r.get("weight"),
        );
    }
    let mut text = serde_json::to_string_pretty(&json!({
        "elements": elements,
        "connections": connections,
    }))
    .unwrap_or_else(|e| unreachable!("a blueprint always serialises: {e}"));
    text.push('\n');
    text
}
