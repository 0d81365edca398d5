//! Reading interchange JSON into the model, checking everything first.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::{FORMAT, VERSION};
use crate::change::Entity;
use crate::error::{Error, Problem, Problems, Result};
use crate::model::*;

/// Reads an interchange document. `source_name` names the input in messages
/// (usually the file's path).
///
/// Either the whole project comes back, or an [`Error::Invalid`] that lists
/// every problem found, each with its place; nothing is half-read.
pub fn read(text: &str, source_name: &str) -> Result<Project> {
    let invalid = |problems: Vec<Problem>| Error::Invalid {
        source_name: source_name.to_owned(),
        problems: Problems(problems),
    };
    // A byte-order mark is how some editors start a UTF-8 file; it is not
    // part of the document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = strict_json(text).map_err(|e| {
        invalid(vec![Problem {
            path: String::new(),
            message: format!(
                "not valid JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                json_reason(&e)
            ),
        }])
    })?;
    read_value(&value, source_name)
}

/// Reads an interchange document already parsed (as a spreadsheet import
/// builds it), with every check of [`read`]; problems are placed by their
/// JSON path.
pub fn read_value(value: &Value, source_name: &str) -> Result<Project> {
    let mut reader = Reader::default();
    let project = reader.document(value);
    match project {
        Some(project) if reader.problems.is_empty() => Ok(project),
        _ => Err(Error::Invalid {
            source_name: source_name.to_owned(),
            problems: Problems(reader.problems),
        }),
    }
}

/// Reads one entity of `kind` on its own, as an edit or a form sends it:
/// every field is checked as an import checks it, and each reference is
/// looked up with `lookup` (the kinds of the open project's ids). Problems
/// are placed relative to the entity (`needs[0].need`), for a form to show
/// beside its field. O(size of the entity).
pub fn read_entity(
    kind: EntityKind,
    value: &Value,
    lookup: &dyn Fn(&str) -> Option<EntityKind>,
) -> std::result::Result<Entity, Problems> {
    let mut reader = Reader {
        outside: Some(lookup),
        ..Reader::default()
    };
    let Some(map) = value.as_object() else {
        return Err(Problems(vec![Problem {
            path: String::new(),
            message: format!(
                "expected a {} (a JSON object), found {}",
                kind.label(),
                type_name(value)
            ),
        }]));
    };
    let obj = Obj {
        map,
        path: Path::ROOT,
    };
    let entity = match kind {
        EntityKind::MarketSegment => reader.market_segment(&obj).map(Entity::MarketSegment),
        EntityKind::CustomerSegment => reader.customer_segment(&obj).map(Entity::CustomerSegment),
        EntityKind::BuyingRole => reader.buying_role(&obj).map(Entity::BuyingRole),
        EntityKind::Need => reader.need(&obj).map(Entity::Need),
        EntityKind::Product => reader.product(&obj).map(Entity::Product),
        EntityKind::Competitor => reader.competitor(&obj).map(Entity::Competitor),
        EntityKind::Persona => reader.persona(&obj).map(|p| Entity::Persona(Box::new(p))),
        EntityKind::BuyingUnit => reader.buying_unit(&obj).map(Entity::BuyingUnit),
        EntityKind::Journey => reader.journey(&obj).map(Entity::Journey),
    };
    match entity {
        Some(entity) if reader.problems.is_empty() => Ok(entity),
        _ => Err(Problems(reader.problems)),
    }
}

/// Reads the saved views an edit sends, as an import reads them: each
/// reference looked up with `lookup` (the kinds of the open project's ids),
/// problems placed by their index in the list (`[2].camera.zoom`).
pub fn read_views(
    value: &Value,
    lookup: &dyn Fn(&str) -> Option<EntityKind>,
) -> std::result::Result<Vec<SavedView>, Problems> {
    let mut reader = Reader {
        outside: Some(lookup),
        ..Reader::default()
    };
    let mut map = Map::new();
    map.insert("views".to_owned(), value.clone());
    let root = Obj {
        map: &map,
        path: Path::ROOT,
    };
    match reader.views(&root) {
        Some(views) if reader.problems.is_empty() => Ok(views),
        _ => Err(Problems(reader.problems)),
    }
}

/// Parses JSON refusing what serde_json lets through: a key twice in one
/// object, where the last would silently win (a second `"version"`, a
/// second list of personas replacing the first).
fn strict_json(text: &str) -> std::result::Result<Value, serde_json::Error> {
    serde_json::from_str::<Strict>(text).map(|s| s.0)
}

/// A JSON value read with no key repeated in any object.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "the key {key:?} appears twice in one object"
                )));
            }
            let Strict(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// The first control character of `s`, other than the line breaks and tabs
/// that `multiline` text may hold: such a character is never typed, prints
/// as garbage or rewrites a terminal, and is refused.
fn control_char(s: &str, multiline: bool) -> Option<char> {
    s.chars()
        .find(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

fn control_message(c: Option<char>) -> String {
    format!(
        "contains the control character U+{:04X}, which text may not hold",
        c.map_or(0, u32::from)
    )
}

/// serde_json's message without its own "at line .. column .." suffix.
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}

/// The top-level lists, in the order of the spec.
const LISTS: &[(&str, EntityKind)] = &[
    ("market_segments", EntityKind::MarketSegment),
    ("customer_segments", EntityKind::CustomerSegment),
    ("buying_roles", EntityKind::BuyingRole),
    ("needs", EntityKind::Need),
    ("products", EntityKind::Product),
    ("competitors", EntityKind::Competitor),
    ("personas", EntityKind::Persona),
    ("buying_units", EntityKind::BuyingUnit),
    ("journeys", EntityKind::Journey),
];

/// A place in the document, built on the stack and written out only when a
/// problem is reported, so that reading a large valid file allocates no paths.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    const ROOT: Path<'static> = Path {
        parent: None,
        step: Step::Root,
    };

    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    fn render(&self) -> String {
        let mut steps = Vec::new();
        let mut here = Some(self);
        while let Some(p) = here {
            steps.push(p.step);
            here = p.parent;
        }
        let mut out = String::new();
        for step in steps.iter().rev() {
            match step {
                Step::Root => {}
                Step::Key(k) if out.is_empty() => out.push_str(k),
                Step::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Step::Index(i) => {
                    let _ = write!(out, "[{i}]");
                }
            }
        }
        out
    }
}

/// An object of the document with the path it stands at.
struct Obj<'v, 'p> {
    map: &'v Map<String, Value>,
    path: Path<'p>,
}

impl<'v> Obj<'v, '_> {
    /// The value of a field; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The kind of the entity with an id, in an open project.
type IdLookup<'a> = &'a dyn Fn(&str) -> Option<EntityKind>;

#[derive(Default)]
struct Reader<'a> {
    problems: Vec<Problem>,
    /// Every id of the document: its kind and where it was first defined.
    ids: HashMap<String, (EntityKind, String)>,
    /// The ids outside the document, for an entity read on its own against
    /// an open project.
    outside: Option<IdLookup<'a>>,
}

const COMMON: &[&str] = &["id", "name", "description", "attributes"];

impl Reader<'_> {
    fn problem(&mut self, path: &Path<'_>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.render(),
            message: message.into(),
        });
    }

    fn document(&mut self, value: &Value) -> Option<Project> {
        let Some(map) = value.as_object() else {
            self.problem(
                &Path::ROOT,
                format!(
                    "expected a Persona Atlas project (a JSON object), found {}",
                    type_name(value)
                ),
            );
            return None;
        };
        let root = Obj {
            map,
            path: Path::ROOT,
        };
        // The version decides how the rest is read, so a file of an unknown
        // version is refused before anything else is looked at.
        if !self.header(&root) {
            return None;
        }
        let mut allowed = vec![
            "format",
            "version",
            "project",
            "relationships",
            "thresholds",
            "views",
        ];
        allowed.extend(LISTS.iter().map(|(name, _)| *name));
        self.unknown_fields(&root, &allowed);

        // Wrong types are reported once, when the lists are read below.
        for (name, kind) in LISTS {
            if let Some(items) = root.get(name).and_then(Value::as_array) {
                self.collect_ids(&root.path.key(name), *kind, items);
            }
        }

        let project = self.project_meta(&root);
        let market_segments = self.entities(&root, "market_segments", Self::market_segment);
        let customer_segments = self.entities(&root, "customer_segments", Self::customer_segment);
        let buying_roles = self.entities(&root, "buying_roles", Self::buying_role);
        let needs = self.entities(&root, "needs", Self::need);
        let products = self.entities(&root, "products", Self::product);
        let competitors = self.entities(&root, "competitors", Self::competitor);
        let personas = self.entities(&root, "personas", Self::persona);
        let relationships = self.relationships(&root);
        let buying_units = self.entities(&root, "buying_units", Self::buying_unit);
        let journeys = self.entities(&root, "journeys", Self::journey);
        let thresholds = self.thresholds(&root);
        let views = self.views(&root);
        Some(Project {
            project: project?,
            market_segments: market_segments?,
            customer_segments: customer_segments?,
            buying_roles: buying_roles?,
            needs: needs?,
            products: products?,
            competitors: competitors?,
            personas: personas?,
            relationships: relationships?,
            buying_units: buying_units?,
            journeys: journeys?,
            thresholds: thresholds?,
            views: views?,
        })
    }

    /// The saved views of the map, in their order; names unique.
    fn views(&mut self, root: &Obj<'_, '_>) -> Option<Vec<SavedView>> {
        let items = self.list(root, "views");
        let path = root.path.key("views");
        if items.len() > MAX_VIEWS {
            self.problem(
                &path,
                format!("{} views; a project keeps at most {MAX_VIEWS}", items.len()),
            );
            return None;
        }
        let views = self.entities(root, "views", Self::view)?;
        let mut ok = true;
        for (i, view) in views.iter().enumerate() {
            if let Some(first) = views[..i].iter().position(|v| v.name == view.name) {
                let message = format!(
                    "{:?} is already the name of view {}; each view needs its own name",
                    view.name,
                    first + 1
                );
                self.problem(&path.index(i).key("name"), message);
                ok = false;
            }
        }
        ok.then_some(views)
    }

    fn view(&mut self, obj: &Obj<'_, '_>) -> Option<SavedView> {
        self.unknown_fields(obj, &["name", "note", "filter", "layers", "camera"]);
        let name = self.name(obj).and_then(|name| {
            if name.chars().count() > MAX_VIEW_NAME {
                let message = format!("longer than {MAX_VIEW_NAME} characters");
                self.problem(&obj.path.key("name"), message);
                return None;
            }
            Some(name)
        });
        let note = self.opt_text(obj, "note").and_then(|note| {
            if note
                .as_ref()
                .is_some_and(|n| n.chars().count() > MAX_VIEW_NOTE)
            {
                let message = format!("longer than {MAX_VIEW_NOTE} characters");
                self.problem(&obj.path.key("note"), message);
                return None;
            }
            Some(note.filter(|n| !n.trim().is_empty()))
        });
        let filter = match obj.get("filter") {
            None => Some(ViewFilter::default()),
            Some(value) => self.view_filter(value, obj.path.key("filter")),
        };
        let layers = match obj.get("layers") {
            None => Some(ViewLayers::default()),
            Some(value) => {
                let path = obj.path.key("layers");
                self.object(value, path, &["products", "needs"])
                    .and_then(|layers| {
                        let products = self.flag(&layers, "products");
                        let needs = self.flag(&layers, "needs");
                        Some(ViewLayers {
                            products: products?,
                            needs: needs?,
                        })
                    })
            }
        };
        let camera = match obj.get("camera") {
            None => Some(None),
            Some(value) => self.camera(value, obj.path.key("camera")).map(Some),
        };
        Some(SavedView {
            name: name?,
            note: note?,
            filter: filter?,
            layers: layers?,
            camera: camera?,
        })
    }

    fn view_filter(&mut self, value: &Value, path: Path<'_>) -> Option<ViewFilter> {
        let allowed = [
            "market_segment",
            "buying_role",
            "product",
            "status",
            "low_confidence",
        ];
        let obj = self.object(value, path, &allowed)?;
        let segment = self.opt_ref(
            &obj,
            "market_segment",
            EntityKind::MarketSegment,
            MarketSegmentId::new,
        );
        let role = self.opt_ref(
            &obj,
            "buying_role",
            EntityKind::BuyingRole,
            BuyingRoleId::new,
        );
        let product = self.opt_ref(&obj, "product", EntityKind::Product, ProductId::new);
        let status = self.opt_enum(&obj, "status");
        let low_confidence = self.flag(&obj, "low_confidence");
        Some(ViewFilter {
            market_segment: segment?,
            buying_role: role?,
            product: product?,
            status: status?,
            low_confidence: low_confidence?,
        })
    }

    fn camera(&mut self, value: &Value, path: Path<'_>) -> Option<Camera> {
        let obj = self.object(value, path, &["zoom", "x", "y"])?;
        let zoom = self.number(&obj, "zoom", "a zoom factor");
        let x = self.number(&obj, "x", "a map coordinate");
        let y = self.number(&obj, "y", "a map coordinate");
        let mut ok = true;
        for (key, value) in [("zoom", zoom), ("x", x), ("y", y)] {
            if value == Some(None) {
                self.problem(&obj.path.key(key), "missing; expected a number");
                ok = false;
            }
        }
        let camera = Camera {
            zoom: zoom??,
            x: x??,
            y: y??,
        };
        if !ok {
            return None;
        }
        if !(ZOOM_RANGE.0..=ZOOM_RANGE.1).contains(&camera.zoom) {
            let message = format!(
                "{} is not a zoom factor from {} to {}",
                camera.zoom, ZOOM_RANGE.0, ZOOM_RANGE.1
            );
            self.problem(&obj.path.key("zoom"), message);
            return None;
        }
        if !camera.is_valid() {
            let message = format!("({}, {}) is not a point on the map", camera.x, camera.y);
            self.problem(&obj.path, message);
            return None;
        }
        Some(camera)
    }

    fn thresholds(&mut self, root: &Obj<'_, '_>) -> Option<Thresholds> {
        let mut out = Thresholds::default();
        let Some(value) = root.get("thresholds") else {
            return Some(out);
        };
        let mut allowed = Thresholds::NAMES.to_vec();
        allowed.push(Thresholds::STALE_AFTER_DAYS);
        let obj = self.object(value, root.path.key("thresholds"), &allowed)?;
        let mut ok = true;
        match self.days(&obj, Thresholds::STALE_AFTER_DAYS) {
            Some(Some(d)) => out.stale_after_days = d,
            Some(None) => {}
            None => ok = false,
        }
        for name in Thresholds::NAMES {
            match self.opt_unit(&obj, name) {
                Some(Some(v)) => {
                    out.set(name, v);
                }
                Some(None) => {}
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Checks `format` and `version`; false when the rest must not be read.
    fn header(&mut self, root: &Obj<'_, '_>) -> bool {
        let path = root.path.key("version");
        match root.get("version") {
            None => {
                self.problem(&path, format!("missing; this reader expects {VERSION}"));
                return false;
            }
            Some(v) => match v.as_u64() {
                Some(VERSION) => {}
                Some(n) if n > VERSION => {
                    self.problem(
                        &path,
                        format!(
                            "this file is format version {n}, newer than this Persona Atlas \
                             reads ({VERSION}); open it with a newer version"
                        ),
                    );
                    return false;
                }
                _ => {
                    self.problem(
                        &path,
                        format!("expected the format version {VERSION}, found {v}"),
                    );
                    return false;
                }
            },
        }
        let path = root.path.key("format");
        match root.get("format") {
            Some(Value::String(s)) if s == FORMAT => {}
            Some(v) => self.problem(&path, format!("expected {FORMAT:?}, found {v}")),
            None => self.problem(&path, format!("missing; expected {FORMAT:?}")),
        }
        true
    }

    fn unknown_fields(&mut self, obj: &Obj<'_, '_>, allowed: &[&str]) {
        for key in obj.map.keys() {
            if !allowed.contains(&key.as_str()) {
                let mut expected: Vec<&str> = allowed.to_vec();
                expected.sort_unstable();
                self.problem(
                    &obj.path.key(key),
                    format!("unknown field (expected one of: {})", expected.join(", ")),
                );
            }
        }
    }

    /// Takes an object with only the allowed fields.
    fn object<'v, 'p>(
        &mut self,
        value: &'v Value,
        path: Path<'p>,
        allowed: &[&str],
    ) -> Option<Obj<'v, 'p>> {
        let Some(map) = value.as_object() else {
            self.problem(
                &path,
                format!("expected an object, found {}", type_name(value)),
            );
            return None;
        };
        let obj = Obj { map, path };
        self.unknown_fields(&obj, allowed);
        Some(obj)
    }

    /// A list field; absent means empty.
    fn list<'v>(&mut self, obj: &Obj<'v, '_>, key: &str) -> &'v [Value] {
        match obj.get(key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected a list, found {}", type_name(other)),
                );
                &[]
            }
        }
    }

    fn collect_ids(&mut self, path: &Path<'_>, kind: EntityKind, items: &[Value]) {
        for (i, item) in items.iter().enumerate() {
            let Some(Value::String(id)) = item.get("id") else {
                continue; // reported when the entity itself is read
            };
            if id_problem(id).is_some() {
                continue;
            }
            let here = path.index(i).render();
            if let Some((_, first)) = self.ids.get(id) {
                let message = format!("duplicate id {id:?}: {first} has it already");
                self.problems.push(Problem {
                    path: format!("{here}.id"),
                    message,
                });
            } else {
                self.ids.insert(id.clone(), (kind, here));
            }
        }
    }

    /// Reads every entity of a top-level list.
    fn entities<T>(
        &mut self,
        root: &Obj<'_, '_>,
        key: &str,
        read_one: impl Fn(&mut Self, &Obj<'_, '_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.list(root, key);
        let path = root.path.key(key);
        let mut out = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(obj) = item.as_object().map(|map| Obj {
                map,
                path: item_path,
            }) else {
                self.problem(
                    &item_path,
                    format!("expected an object, found {}", type_name(item)),
                );
                out = None;
                continue;
            };
            match (read_one(self, &obj), out.as_mut()) {
                (Some(entity), Some(list)) => list.push(entity),
                _ => out = None,
            }
        }
        out
    }

    fn project_meta(&mut self, root: &Obj<'_, '_>) -> Option<ProjectMeta> {
        let path = root.path.key("project");
        let Some(value) = root.get("project") else {
            self.problem(&path, "missing; every project needs a name");
            return None;
        };
        let obj = self.object(value, path, &["name", "description"])?;
        let name = self.name(&obj);
        let description = self.opt_text(&obj, "description");
        Some(ProjectMeta {
            name: name?,
            description: description?,
        })
    }

    /// `id`, `name`, `description` and `attributes`, shared by all entities.
    fn common<Id>(
        &mut self,
        obj: &Obj<'_, '_>,
        make: fn(String) -> Result<Id, String>,
        extra: &[&str],
    ) -> Option<(Id, String, Option<String>, Attributes)> {
        let mut allowed = COMMON.to_vec();
        allowed.extend_from_slice(extra);
        self.unknown_fields(obj, &allowed);
        let path = obj.path.key("id");
        let id = match obj.get("id") {
            None => {
                self.problem(&path, "missing; every entity needs an id");
                None
            }
            Some(Value::String(s)) => match make(s.clone()) {
                Ok(id) => Some(id),
                Err(why) => {
                    self.problem(&path, why);
                    None
                }
            },
            Some(v) => {
                self.problem(&path, format!("expected a text id, found {}", type_name(v)));
                None
            }
        };
        let name = self.name(obj);
        let description = self.opt_text(obj, "description");
        let attributes = self.attributes(obj);
        Some((id?, name?, description?, attributes?))
    }

    fn name(&mut self, obj: &Obj<'_, '_>) -> Option<String> {
        let path = obj.path.key("name");
        match obj.get("name") {
            Some(Value::String(s)) if control_char(s, false).is_some() => {
                self.problem(&path, control_message(control_char(s, false)));
                None
            }
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) => {
                self.problem(&path, "must not be empty");
                None
            }
            Some(v) => {
                self.problem(&path, format!("expected text, found {}", type_name(v)));
                None
            }
            None => {
                self.problem(&path, "missing; every entity needs a name");
                None
            }
        }
    }

    /// An optional text field: `Some(None)` when absent, `None` when wrong.
    fn opt_text(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Option<String>> {
        match obj.get(key) {
            None => Some(None),
            Some(Value::String(s)) if control_char(s, true).is_some() => {
                self.problem(&obj.path.key(key), control_message(control_char(s, true)));
                None
            }
            Some(Value::String(s)) => Some(Some(s.clone())),
            Some(v) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected text, found {}", type_name(v)),
                );
                None
            }
        }
    }

    fn texts(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Vec<String>> {
        let items = self.list(obj, key);
        let path = obj.path.key(key);
        let mut ok = true;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) if control_char(s, true).is_some() => {
                    self.problem(&path.index(i), control_message(control_char(s, true)));
                    ok = false;
                }
                Value::String(s) => out.push(s.clone()),
                v => {
                    self.problem(
                        &path.index(i),
                        format!("expected text, found {}", type_name(v)),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn attributes(&mut self, obj: &Obj<'_, '_>) -> Option<Attributes> {
        let path = obj.path.key("attributes");
        let Some(value) = obj.get("attributes") else {
            return Some(Attributes::new());
        };
        let Some(map) = value.as_object() else {
            self.problem(
                &path,
                format!("expected an object of values, found {}", type_name(value)),
            );
            return None;
        };
        let mut ok = true;
        let mut out = Attributes::new();
        for (key, v) in map {
            let value = match v {
                Value::Bool(b) => AttributeValue::Bool(*b),
                Value::Number(n) => AttributeValue::Number(n.clone()),
                Value::String(s) => AttributeValue::Text(s.clone()),
                other => {
                    self.problem(
                        &path.key(key),
                        format!(
                            "an attribute is text, a number or a boolean, not {}",
                            type_name(other)
                        ),
                    );
                    ok = false;
                    continue;
                }
            };
            out.insert(key.clone(), value);
        }
        ok.then_some(out)
    }

    fn number(&mut self, obj: &Obj<'_, '_>, key: &str, what: &str) -> Option<Option<f64>> {
        match obj.get(key) {
            None => Some(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) if f.is_finite() => Some(Some(f)),
                _ => {
                    self.problem(&obj.path.key(key), format!("{n} is not {what}"));
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected {what}, found {}", type_name(v)),
                );
                None
            }
        }
    }

    fn opt_unit(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Option<Unit>> {
        let n = self.number(obj, key, "a number from 0 to 1")?;
        match n.map(Unit::new).transpose() {
            Ok(u) => Some(u),
            Err(why) => {
                self.problem(&obj.path.key(key), why);
                None
            }
        }
    }

    fn req_unit(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Unit> {
        match self.opt_unit(obj, key)? {
            Some(u) => Some(u),
            None => {
                self.problem(&obj.path.key(key), "missing; expected a number from 0 to 1");
                None
            }
        }
    }

    fn priority(&mut self, obj: &Obj<'_, '_>) -> Option<Option<Priority>> {
        let path = obj.path.key("priority");
        match obj.get("priority") {
            None => Some(None),
            Some(Value::Number(n)) => match n.as_i64().map(Priority::new) {
                Some(Ok(p)) => Some(Some(p)),
                _ => {
                    self.problem(
                        &path,
                        format!("{n} is not a priority (a whole number 1 to 5)"),
                    );
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &path,
                    format!("expected a priority from 1 to 5, found {}", type_name(v)),
                );
                None
            }
        }
    }

    fn days(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Option<Days>> {
        let path = obj.path.key(key);
        match obj.get(key) {
            None => Some(None),
            Some(Value::Number(n)) => match n.as_i64().map(Days::new) {
                Some(Ok(d)) => Some(Some(d)),
                Some(Err(why)) => {
                    self.problem(&path, why);
                    None
                }
                None => {
                    self.problem(&path, format!("{n} is not a whole number of days"));
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &path,
                    format!("expected a number of days, found {}", type_name(v)),
                );
                None
            }
        }
    }

    /// An optional whole number from 0 up.
    fn count(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Option<u64>> {
        match obj.get(key) {
            None => Some(None),
            Some(Value::Number(n)) => match n.as_u64().filter(|c| *c <= MAX_COUNT) {
                Some(c) => Some(Some(c)),
                None => {
                    self.problem(
                        &obj.path.key(key),
                        format!("{n} is not a count (a whole number from 0)"),
                    );
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected a count, found {}", type_name(v)),
                );
                None
            }
        }
    }

    fn portrait(&mut self, obj: &Obj<'_, '_>) -> Option<Option<Portrait>> {
        match obj.get("portrait") {
            None => Some(None),
            Some(Value::String(s)) => match Portrait::new(s.as_str()) {
                Ok(p) => Some(Some(p)),
                Err(why) => {
                    self.problem(&obj.path.key("portrait"), why);
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &obj.path.key("portrait"),
                    format!("expected a data: URI, found {}", type_name(v)),
                );
                None
            }
        }
    }

    /// A required text that must not be blank.
    fn req_text(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<String> {
        match self.opt_text(obj, key)? {
            Some(s) if !s.trim().is_empty() => Some(s),
            Some(_) => {
                self.problem(&obj.path.key(key), "must not be empty");
                None
            }
            None => {
                self.problem(&obj.path.key(key), "missing");
                None
            }
        }
    }

    fn flag(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<bool> {
        match obj.get(key) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(v) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected true or false, found {}", type_name(v)),
                );
                None
            }
        }
    }

    fn date(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<Option<Date>> {
        match obj.get(key) {
            None => Some(None),
            Some(Value::String(s)) => match Date::parse(s) {
                Ok(d) => Some(Some(d)),
                Err(why) => {
                    self.problem(&obj.path.key(key), why);
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected a date YYYY-MM-DD, found {}", type_name(v)),
                );
                None
            }
        }
    }

    fn opt_enum<T: Named + PartialEq>(
        &mut self,
        obj: &Obj<'_, '_>,
        key: &str,
    ) -> Option<Option<T>> {
        match obj.get(key) {
            None => Some(None),
            Some(Value::String(s)) => match T::from_name(s) {
                Some(v) => Some(Some(v)),
                None => {
                    self.problem(
                        &obj.path.key(key),
                        format!("{s:?} is not one of {}", T::choices()),
                    );
                    None
                }
            },
            Some(v) => {
                self.problem(
                    &obj.path.key(key),
                    format!("expected one of {}, found {}", T::choices(), type_name(v)),
                );
                None
            }
        }
    }

    fn req_enum<T: Named + PartialEq>(&mut self, obj: &Obj<'_, '_>, key: &str) -> Option<T> {
        match self.opt_enum(obj, key)? {
            Some(v) => Some(v),
            None => {
                self.problem(
                    &obj.path.key(key),
                    format!("missing; expected one of {}", T::choices()),
                );
                None
            }
        }
    }

    /// An optional reference to an entity of `kind`.
    fn opt_ref<Id>(
        &mut self,
        obj: &Obj<'_, '_>,
        key: &str,
        kind: EntityKind,
        make: fn(String) -> Result<Id, String>,
    ) -> Option<Option<Id>> {
        match obj.get(key) {
            None => Some(None),
            Some(value) => self
                .reference(value, &obj.path.key(key), kind, make)
                .map(Some),
        }
    }

    /// A reference to an entity of `kind`, looked up in the document and
    /// then in the open project.
    fn reference<Id>(
        &mut self,
        value: &Value,
        path: &Path<'_>,
        kind: EntityKind,
        make: fn(String) -> Result<Id, String>,
    ) -> Option<Id> {
        let Value::String(value) = value else {
            self.problem(
                path,
                format!(
                    "expected the id of a {}, found {}",
                    kind.label(),
                    type_name(value)
                ),
            );
            return None;
        };
        let found = match self.ids.get(value.as_str()) {
            Some((found, _)) => Some(*found),
            None => self.outside.and_then(|lookup| lookup(value)),
        };
        match found {
            Some(found) if found == kind => match make(value.clone()) {
                Ok(id) => Some(id),
                Err(why) => {
                    self.problem(path, why);
                    None
                }
            },
            Some(found) => {
                let message = format!("{value:?} is a {}, not a {}", found.label(), kind.label());
                self.problem(path, message);
                None
            }
            None => {
                self.problem(path, format!("no {} with id {value:?}", kind.label()));
                None
            }
        }
    }

    fn req_ref<Id>(
        &mut self,
        obj: &Obj<'_, '_>,
        key: &str,
        kind: EntityKind,
        make: fn(String) -> Result<Id, String>,
    ) -> Option<Id> {
        match self.opt_ref(obj, key, kind, make)? {
            Some(id) => Some(id),
            None => {
                self.problem(
                    &obj.path.key(key),
                    format!("missing; expected the id of a {}", kind.label()),
                );
                None
            }
        }
    }

    /// Reads a list of links, refusing the same key twice in one list.
    fn links<T, K: PartialEq>(
        &mut self,
        obj: &Obj<'_, '_>,
        key: &str,
        allowed: &[&str],
        read_one: impl Fn(&mut Self, &Obj<'_, '_>) -> Option<T>,
        identity: impl Fn(&T) -> K,
        describe: impl Fn(&T) -> String,
    ) -> Option<Vec<T>> {
        let items = self.list(obj, key);
        let path = obj.path.key(key);
        let mut ok = true;
        let mut out: Vec<T> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(link) = self.object(item, path.index(i), allowed) else {
                ok = false;
                continue;
            };
            match read_one(self, &link) {
                Some(value) => {
                    let id = identity(&value);
                    if let Some(first) = out.iter().position(|o| identity(o) == id) {
                        let message = format!(
                            "{} is listed twice (it is already number {} in this list)",
                            describe(&value),
                            first + 1
                        );
                        self.problem(&link.path, message);
                        ok = false;
                    }
                    out.push(value);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn need_scores(&mut self, obj: &Obj<'_, '_>) -> Option<Vec<NeedScore>> {
        self.links(
            obj,
            "addresses",
            &["need", "score"],
            |r, link| {
                let need = r.req_ref(link, "need", EntityKind::Need, NeedId::new);
                let score = r.req_unit(link, "score");
                Some(NeedScore {
                    need: need?,
                    score: score?,
                })
            },
            |s| s.need.clone(),
            |s| format!("need {:?}", s.need.as_str()),
        )
    }

    fn market_segment(&mut self, obj: &Obj<'_, '_>) -> Option<MarketSegment> {
        let common = self.common(obj, MarketSegmentId::new, &["size", "priority"]);
        let size = self.number(obj, "size", "a size (a number of accounts or revenue)");
        let size = size.and_then(|s| match s {
            Some(n) if n < 0.0 => {
                self.problem(&obj.path.key("size"), format!("{n} is negative"));
                None
            }
            s => Some(s),
        });
        let priority = self.priority(obj);
        let (id, name, description, attributes) = common?;
        Some(MarketSegment {
            id,
            name,
            description,
            attributes,
            size: size?,
            priority: priority?,
        })
    }

    fn customer_segment(&mut self, obj: &Obj<'_, '_>) -> Option<CustomerSegment> {
        let common = self.common(obj, CustomerSegmentId::new, &["priority"]);
        let priority = self.priority(obj);
        let (id, name, description, attributes) = common?;
        Some(CustomerSegment {
            id,
            name,
            description,
            attributes,
            priority: priority?,
        })
    }

    fn buying_role(&mut self, obj: &Obj<'_, '_>) -> Option<BuyingRole> {
        let common = self.common(obj, BuyingRoleId::new, &["required", "decides"]);
        let required = self.flag(obj, "required");
        let decides = self.flag(obj, "decides");
        let (id, name, description, attributes) = common?;
        Some(BuyingRole {
            id,
            name,
            description,
            attributes,
            required: required?,
            decides: decides?,
        })
    }

    fn need(&mut self, obj: &Obj<'_, '_>) -> Option<Need> {
        let (id, name, description, attributes) = self.common(obj, NeedId::new, &[])?;
        Some(Need {
            id,
            name,
            description,
            attributes,
        })
    }

    fn product(&mut self, obj: &Obj<'_, '_>) -> Option<Product> {
        let common = self.common(obj, ProductId::new, &["addresses"]);
        let addresses = self.need_scores(obj);
        let (id, name, description, attributes) = common?;
        Some(Product {
            id,
            name,
            description,
            attributes,
            addresses: addresses?,
        })
    }

    fn competitor(&mut self, obj: &Obj<'_, '_>) -> Option<Competitor> {
        let common = self.common(obj, CompetitorId::new, &["addresses"]);
        let addresses = self.need_scores(obj);
        let (id, name, description, attributes) = common?;
        Some(Competitor {
            id,
            name,
            description,
            attributes,
            addresses: addresses?,
        })
    }

    fn persona(&mut self, obj: &Obj<'_, '_>) -> Option<Persona> {
        let common = self.common(
            obj,
            PersonaId::new,
            &[
                "title",
                "quote",
                "goals",
                "pain_points",
                "channels",
                "market_segment",
                "customer_segment",
                "buying_role",
                "priority",
                "status",
                "last_reviewed",
                "needs",
                "products",
                "evidence",
                "rules",
                "used_by",
                "scenarios",
                "portrait",
            ],
        );
        let title = self.opt_text(obj, "title");
        let quote = self.opt_text(obj, "quote");
        let goals = self.texts(obj, "goals");
        let pain_points = self.texts(obj, "pain_points");
        let channels = self.texts(obj, "channels");
        let market_segment = self.opt_ref(
            obj,
            "market_segment",
            EntityKind::MarketSegment,
            MarketSegmentId::new,
        );
        let customer_segment = self.opt_ref(
            obj,
            "customer_segment",
            EntityKind::CustomerSegment,
            CustomerSegmentId::new,
        );
        let buying_role = self.opt_ref(
            obj,
            "buying_role",
            EntityKind::BuyingRole,
            BuyingRoleId::new,
        );
        let priority = self.priority(obj);
        let status = self.opt_enum(obj, "status");
        let last_reviewed = self.date(obj, "last_reviewed");
        let needs = self.links(
            obj,
            "needs",
            &["need", "importance"],
            |r, link| {
                let need = r.req_ref(link, "need", EntityKind::Need, NeedId::new);
                let importance = r.req_unit(link, "importance");
                Some(PersonaNeed {
                    need: need?,
                    importance: importance?,
                })
            },
            |n| n.need.clone(),
            |n| format!("need {:?}", n.need.as_str()),
        );
        let products = self.links(
            obj,
            "products",
            &["product", "relation"],
            |r, link| {
                let product = r.req_ref(link, "product", EntityKind::Product, ProductId::new);
                let relation = r.req_enum(link, "relation");
                Some(PersonaProduct {
                    product: product?,
                    relation: relation?,
                })
            },
            |p| (p.product.clone(), p.relation),
            |p| {
                format!(
                    "product {:?} as {:?}",
                    p.product.as_str(),
                    p.relation.name()
                )
            },
        );
        let evidence = self.evidence(obj);
        let rules = self.opt_text(obj, "rules");
        // A rule is checked where it is entered, so that a match never
        // meets one it cannot read (`rules-v1.md`).
        if let Some(Some(text)) = &rules
            && !text.trim().is_empty()
            && let Err(e) = crate::rules::parse(text)
        {
            self.problem(&obj.path.key("rules"), e.to_string());
        }
        let used_by = self.texts(obj, "used_by");
        let scenarios = self.scenarios(obj);
        let portrait = self.portrait(obj);
        let (id, name, description, attributes) = common?;
        Some(Persona {
            id,
            name,
            description,
            attributes,
            title: title?,
            quote: quote?,
            goals: goals?,
            pain_points: pain_points?,
            channels: channels?,
            market_segment: market_segment?,
            customer_segment: customer_segment?,
            buying_role: buying_role?,
            priority: priority?,
            status: status?,
            last_reviewed: last_reviewed?,
            needs: needs?,
            products: products?,
            evidence: evidence?,
            rules: rules?,
            used_by: used_by?,
            scenarios: scenarios?,
            portrait: portrait?,
        })
    }

    fn scenarios(&mut self, obj: &Obj<'_, '_>) -> Option<Vec<Scenario>> {
        let items = self.list(obj, "scenarios");
        let path = obj.path.key("scenarios");
        let mut ok = true;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(e) = self.object(item, path.index(i), &["title", "text"]) else {
                ok = false;
                continue;
            };
            let title = self.req_text(&e, "title");
            let text = self.opt_text(&e, "text");
            match (title, text) {
                (Some(title), Some(text)) => out.push(Scenario { title, text }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn journey(&mut self, obj: &Obj<'_, '_>) -> Option<Journey> {
        let common = self.common(obj, JourneyId::new, &["personas", "stages"]);
        let personas = self.id_list(obj, "personas", EntityKind::Persona, PersonaId::new);
        let items = self.list(obj, "stages");
        let path = obj.path.key("stages");
        let mut stages = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            let stage = self.stage(item, path.index(i));
            match (stage, stages.as_mut()) {
                (Some(stage), Some(list)) => list.push(stage),
                _ => stages = None,
            }
        }
        let (id, name, description, attributes) = common?;
        Some(Journey {
            id,
            name,
            description,
            attributes,
            personas: personas?,
            stages: stages?,
        })
    }

    fn stage(&mut self, item: &Value, path: Path<'_>) -> Option<Stage> {
        let obj = self.object(
            item,
            path,
            &[
                "name",
                "goals",
                "questions",
                "touchpoints",
                "channels",
                "needs",
                "pains",
                "opportunities",
                "emotion",
            ],
        )?;
        let name = self.req_text(&obj, "name");
        let goals = self.texts(&obj, "goals");
        let questions = self.texts(&obj, "questions");
        let touchpoints = self.texts(&obj, "touchpoints");
        let channels = self.texts(&obj, "channels");
        let needs = self.id_list(&obj, "needs", EntityKind::Need, NeedId::new);
        let pains = self.texts(&obj, "pains");
        let opportunities = self.texts(&obj, "opportunities");
        let emotion = self
            .number(&obj, "emotion", "a number from -2 to 2")
            .and_then(|n| match n.map(Emotion::new).transpose() {
                Ok(e) => Some(e),
                Err(why) => {
                    self.problem(&obj.path.key("emotion"), why);
                    None
                }
            });
        Some(Stage {
            name: name?,
            goals: goals?,
            questions: questions?,
            touchpoints: touchpoints?,
            channels: channels?,
            needs: needs?,
            pains: pains?,
            opportunities: opportunities?,
            emotion: emotion?,
        })
    }

    /// A list of references to entities of one kind, each at most once.
    fn id_list<Id: PartialEq>(
        &mut self,
        obj: &Obj<'_, '_>,
        key: &str,
        kind: EntityKind,
        make: fn(String) -> Result<Id, String>,
    ) -> Option<Vec<Id>> {
        let items = self.list(obj, key);
        let path = obj.path.key(key);
        let mut ok = true;
        let mut out: Vec<Id> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let here = path.index(i);
            let Some(id) = self.reference(item, &here, kind, make) else {
                ok = false;
                continue;
            };
            if let Some(first) = out.iter().position(|o| *o == id) {
                let message = format!(
                    "{} {:?} is listed twice (it is already number {} in this list)",
                    kind.label(),
                    item.as_str().unwrap_or_default(),
                    first + 1
                );
                self.problem(&here, message);
                ok = false;
            }
            out.push(id);
        }
        ok.then_some(out)
    }

    fn evidence(&mut self, obj: &Obj<'_, '_>) -> Option<Vec<Evidence>> {
        let items = self.list(obj, "evidence");
        let path = obj.path.key("evidence");
        let mut ok = true;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(e) = self.object(
                item,
                path.index(i),
                &["kind", "source", "date", "note", "records", "share"],
            ) else {
                ok = false;
                continue;
            };
            let kind = self.req_enum(&e, "kind");
            let source = self.opt_text(&e, "source");
            let date = self.date(&e, "date");
            let note = self.opt_text(&e, "note");
            let records = self.count(&e, "records");
            let share = self.opt_unit(&e, "share");
            match (kind, source, date, note, records, share) {
                (Some(kind), Some(source), Some(date), Some(note), Some(records), Some(share)) => {
                    out.push(Evidence {
                        kind,
                        source,
                        date,
                        note,
                        records,
                        share,
                    })
                }
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn relationships(&mut self, root: &Obj<'_, '_>) -> Option<Vec<Relationship>> {
        let items = self.list(root, "relationships");
        let path = root.path.key("relationships");
        let mut ok = true;
        let mut out: Vec<Relationship> = Vec::with_capacity(items.len());
        let mut seen: HashMap<(PersonaId, PersonaId, RelationshipKind), usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let Some(obj) = self.object(
                item,
                path.index(i),
                &["from", "to", "kind", "weight", "description", "attributes"],
            ) else {
                ok = false;
                continue;
            };
            let from = self.req_ref(&obj, "from", EntityKind::Persona, PersonaId::new);
            let to = self.req_ref(&obj, "to", EntityKind::Persona, PersonaId::new);
            let kind = self.req_enum(&obj, "kind");
            let weight = self.opt_unit(&obj, "weight");
            let description = self.opt_text(&obj, "description");
            let attributes = self.attributes(&obj);
            let (
                Some(from),
                Some(to),
                Some(kind),
                Some(weight),
                Some(description),
                Some(attributes),
            ) = (from, to, kind, weight, description, attributes)
            else {
                ok = false;
                continue;
            };
            if from == to {
                self.problem(
                    &obj.path.key("to"),
                    format!("a persona cannot relate to itself ({:?})", from.as_str()),
                );
                ok = false;
                continue;
            }
            let key = (from.clone(), to.clone(), kind);
            if let Some(first) = seen.get(&key) {
                let message = format!(
                    "{:?} {} {:?} is listed twice (it is already relationship {})",
                    from.as_str(),
                    kind.name(),
                    to.as_str(),
                    first + 1
                );
                self.problem(&obj.path, message);
                ok = false;
                continue;
            }
            seen.insert(key, i);
            out.push(Relationship {
                from,
                to,
                kind,
                weight: weight.unwrap_or(Unit::ONE),
                description,
                attributes,
            });
        }
        ok.then_some(out)
    }

    fn buying_unit(&mut self, obj: &Obj<'_, '_>) -> Option<BuyingUnit> {
        let common = self.common(
            obj,
            BuyingUnitId::new,
            &["product", "market_segment", "members"],
        );
        let product = self.opt_ref(obj, "product", EntityKind::Product, ProductId::new);
        let market_segment = self.opt_ref(
            obj,
            "market_segment",
            EntityKind::MarketSegment,
            MarketSegmentId::new,
        );
        let members = self.links(
            obj,
            "members",
            &["persona", "role"],
            |r, link| {
                let persona = r.req_ref(link, "persona", EntityKind::Persona, PersonaId::new);
                let role = r.opt_ref(link, "role", EntityKind::BuyingRole, BuyingRoleId::new);
                Some(Member {
                    persona: persona?,
                    role: role?,
                })
            },
            |m| m.persona.clone(),
            |m| format!("persona {:?}", m.persona.as_str()),
        );
        let (id, name, description, attributes) = common?;
        Some(BuyingUnit {
            id,
            name,
            description,
            attributes,
            product: product?,
            market_segment: market_segment?,
            members: members?,
        })
    }
}
