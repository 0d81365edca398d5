//! Two projects put together or set side by side. Merging puts two teams'
//! persona sets into one: an entity both hold unchanged is one, an id that
//! names different things is renamed in the second set (every reference to
//! it with it) and listed, and the personas each team wrote of the same
//! person show at once as golden candidates. Comparing says what was
//! added, removed and changed, field by field, and which findings appeared
//! or went. Both work on the interchange documents, so every field of the
//! format takes part, and a merged project is read back through the
//! interchange reader before it is written.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::analysis::{self, Listed};
use crate::error::Result;
use crate::model::{Date, NodePosition, Project, Thresholds};

/// The entity lists of the format, with what one item of each is called.
const LISTS: [(&str, &str); 9] = [
    ("market_segments", "market segment"),
    ("customer_segments", "customer segment"),
    ("buying_roles", "buying role"),
    ("needs", "need"),
    ("products", "product"),
    ("competitors", "competitor"),
    ("personas", "persona"),
    ("buying_units", "buying unit"),
    ("journeys", "journey"),
];

fn items<'a>(doc: &'a Value, list: &str) -> Vec<&'a Map<String, Value>> {
    doc.get(list)
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

fn id_of(item: &Map<String, Value>) -> String {
    item.get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn name_of(item: &Map<String, Value>) -> String {
    item.get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// An id of the second project given a new name in the merge.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Renamed {
    /// What it is ("persona", "need"...).
    pub kind: String,
    /// Its id in the second project.
    pub from: String,
    /// Its id in the merged project.
    pub to: String,
    /// Its name.
    pub name: String,
}

/// What a merge did.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MergeReport {
    /// Entities of the second project added, by kind.
    pub added: BTreeMap<String, u64>,
    /// Entities both projects hold unchanged, kept once.
    #[ts(type = "number")]
    pub identical: u64,
    /// Ids of the second project that named something else in the first,
    /// renamed with every reference to them.
    pub renamed: Vec<Renamed>,
    /// The golden and overlap findings about a persona of each project:
    /// the same person written by both teams.
    pub golden_candidates: Vec<Listed>,
    /// The first project's thresholds are kept; said when the second's
    /// differ.
    pub thresholds_differ: bool,
}

/// Every reference field: where, in an item of `list`, an id of another
/// entity stands. `[]` marks a list of items, `*` a list of ids.
const REFERENCES: &[(&str, &str)] = &[
    ("personas", "market_segment"),
    ("personas", "customer_segment"),
    ("personas", "buying_role"),
    ("personas", "needs[].need"),
    ("personas", "products[].product"),
    ("products", "addresses[].need"),
    ("competitors", "addresses[].need"),
    ("buying_units", "product"),
    ("buying_units", "market_segment"),
    ("buying_units", "members[].persona"),
    ("buying_units", "members[].role"),
    ("journeys", "personas*"),
    ("journeys", "stages[].needs*"),
    ("relationships", "from"),
    ("relationships", "to"),
];

/// Renames ids in `value` at `path` (a REFERENCES path).
fn rename_at(value: &mut Value, path: &str, names: &HashMap<String, String>) {
    let rename = |v: &mut Value| {
        if let Some(new) = v.as_str().and_then(|s| names.get(s)) {
            *v = Value::String(new.clone());
        }
    };
    if let Some((field, rest)) = path.split_once("[].") {
        for child in value
            .get_mut(field)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            rename_at(child, rest, names);
        }
    } else if let Some(field) = path.strip_suffix('*') {
        for id in value
            .get_mut(field)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            rename(id);
        }
    } else if let Some(v) = value.get_mut(path) {
        rename(v);
    }
}

/// Adds the second project's saved views after the first's: their filters
/// follow the renamed ids, a view both hold alike is kept once, and a name
/// the first already gives another view gets a number. Returns how many
/// were added. O(views²), at most a few hundred.
fn merge_views(doc_a: &mut Value, doc_b: &Value, names: &HashMap<String, String>) -> u64 {
    let theirs: Vec<Value> = items(doc_b, "views")
        .into_iter()
        .map(|v| Value::Object(v.clone()))
        .collect();
    if theirs.is_empty() {
        return 0;
    }
    let Some(Value::Array(ours)) = doc_a
        .as_object_mut()
        .map(|o| o.entry("views").or_insert_with(|| Value::Array(Vec::new())))
    else {
        return 0;
    };
    let mut added = 0;
    for mut view in theirs {
        if let Some(filter) = view.get_mut("filter").and_then(Value::as_object_mut) {
            for key in ["market_segment", "buying_role", "product"] {
                if let Some(v) = filter.get_mut(key)
                    && let Some(new) = v.as_str().and_then(|id| names.get(id))
                {
                    *v = Value::String(new.clone());
                }
            }
        }
        if ours.contains(&view) {
            continue;
        }
        let base: String = view
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .chars()
            .take(crate::model::MAX_VIEW_NAME - 8)
            .collect();
        let taken = |name: &str, ours: &[Value]| {
            ours.iter()
                .any(|o| o.get("name").and_then(Value::as_str) == Some(name))
        };
        if taken(&base, ours) {
            let mut n = 2;
            while taken(&format!("{base} ({n})"), ours) {
                n += 1;
            }
            view["name"] = Value::String(format!("{base} ({n})"));
        }
        ours.push(view);
        added += 1;
    }
    added
}

/// Merges `b` into `a`: the merged project (named and set up as `a`), the
/// map layout of both (`b`'s renamed), and what was done. Checked whole
/// before it is returned. O(size of both).
pub fn merge(
    a: &Project,
    a_positions: &[NodePosition],
    b: &Project,
    b_positions: &[NodePosition],
    today: Date,
) -> Result<(Project, Vec<NodePosition>, MergeReport)> {
    let mut doc_a = crate::interchange::to_value(a);
    let mut doc_b = crate::interchange::to_value(b);
    // Every id of the first project, with the list it is in.
    let mut taken: HashMap<String, &'static str> = HashMap::new();
    for (list, _) in LISTS {
        for item in items(&doc_a, list) {
            taken.insert(id_of(item), list);
        }
    }
    let mut all_ids: HashSet<String> = taken.keys().cloned().collect();
    for (list, _) in LISTS {
        for item in items(&doc_b, list) {
            all_ids.insert(id_of(item));
        }
    }
    // An entity is the same as the first's when its content is, as
    // written: its references then mean the first project's entities.
    // Every other clash is renamed, and the references of the second
    // project's own entities follow the rename.
    let mut renamed = Vec::new();
    let mut same: HashSet<(String, String)> = HashSet::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (list, kind) in LISTS {
        let theirs: HashMap<String, &Map<String, Value>> = items(&doc_a, list)
            .into_iter()
            .map(|i| (id_of(i), i))
            .collect();
        for item in items(&doc_b, list) {
            let id = id_of(item);
            match taken.get(&id) {
                None => {}
                Some(l) if *l == list && theirs.get(&id).is_some_and(|t| *t == item) => {
                    same.insert((list.to_owned(), id));
                }
                Some(_) => {
                    let stem: String = id.chars().take(crate::model::MAX_ID_LEN - 8).collect();
                    let mut n = 2;
                    let mut new = format!("{stem}-{n}");
                    while all_ids.contains(&new) {
                        n += 1;
                        new = format!("{stem}-{n}");
                    }
                    all_ids.insert(new.clone());
                    renamed.push(Renamed {
                        kind: kind.to_owned(),
                        from: id.clone(),
                        to: new.clone(),
                        name: name_of(item),
                    });
                    names.insert(id, new);
                }
            }
        }
    }
    for (list, _) in LISTS {
        for item in doc_b
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(new) = item
                .get("id")
                .and_then(Value::as_str)
                .and_then(|i| names.get(i))
            {
                item["id"] = Value::String(new.clone());
            }
        }
    }
    for (list, path) in REFERENCES {
        for item in doc_b
            .get_mut(*list)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            rename_at(item, path, &names);
        }
    }
    // Put together: the first project's items, then the second's new ones.
    let mut added: BTreeMap<String, u64> = BTreeMap::new();
    for (list, kind) in LISTS {
        let extra: Vec<Value> = doc_b
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|item| {
                let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
                !same.contains(&(list.to_owned(), id.to_owned()))
            })
            .cloned()
            .collect();
        if extra.is_empty() {
            continue;
        }
        *added.entry(kind.to_owned()).or_insert(0) += extra.len() as u64;
        let target = doc_a
            .as_object_mut()
            .map(|o| o.entry(list).or_insert_with(|| Value::Array(Vec::new())));
        if let Some(Value::Array(into)) = target {
            into.extend(extra);
        }
    }
    let known: HashSet<String> = doc_a
        .get("relationships")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(Value::to_string)
        .collect();
    let new_relationships: Vec<Value> = doc_b
        .get("relationships")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|r| !known.contains(&r.to_string()))
        .cloned()
        .collect();
    if !new_relationships.is_empty() {
        *added.entry("relationship".into()).or_insert(0) += new_relationships.len() as u64;
        if let Some(Value::Array(into)) = doc_a.as_object_mut().map(|o| {
            o.entry("relationships")
                .or_insert_with(|| Value::Array(Vec::new()))
        }) {
            into.extend(new_relationships);
        }
    }
    let views = merge_views(&mut doc_a, &doc_b, &names);
    if views > 0 {
        added.insert("saved view".into(), views);
    }
    // Checked whole: past the most views a project keeps, the merge is
    // refused with the reason, never cut short.
    let merged = crate::interchange::read_value(&doc_a, "the merged project")?;
    let mut positions: Vec<NodePosition> = a_positions.to_vec();
    let placed: HashSet<String> = positions.iter().map(|p| p.id.clone()).collect();
    for p in b_positions {
        let id = names.get(&p.id).cloned().unwrap_or_else(|| p.id.clone());
        if !placed.contains(&id) {
            positions.push(NodePosition { id, ..p.clone() });
        }
    }
    // Personas of each side, by their ids in the merged project.
    let of_a: HashSet<&str> = a.personas.iter().map(|p| p.id.as_str()).collect();
    let of_b: HashSet<String> = b
        .personas
        .iter()
        .map(|p| {
            names
                .get(p.id.as_str())
                .cloned()
                .unwrap_or_else(|| p.id.as_str().to_owned())
        })
        .filter(|id| !of_a.contains(id.as_str()))
        .collect();
    let findings = analysis::analyze(&merged, &merged.thresholds, today);
    let golden_candidates = analysis::listed(&findings)
        .into_iter()
        .filter(|f| f.kind == "golden" || f.kind == "overlap")
        .filter(|f| {
            f.about.iter().any(|id| of_a.contains(id.as_str()))
                && f.about.iter().any(|id| of_b.contains(id))
        })
        .collect();
    let report = MergeReport {
        added,
        identical: same.len() as u64,
        renamed,
        golden_candidates,
        thresholds_differ: a.thresholds != b.thresholds,
    };
    Ok((merged, positions, report))
}

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FieldChange {
    /// The field, as the interchange format names it.
    pub field: String,
    /// Its value in the first project (null when absent).
    #[ts(type = "unknown")]
    pub before: Value,
    /// Its value in the second.
    #[ts(type = "unknown")]
    pub after: Value,
}

/// An entity as a comparison names it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Named {
    /// What it is ("persona", "relationship"...).
    pub kind: String,
    /// Its id (for a relationship, `from → to (kind)`).
    pub id: String,
    /// Its name.
    pub name: String,
}

/// An entity both projects hold, changed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(rename = "ChangedEntity")]
pub struct Changed {
    /// Which.
    pub entity: Named,
    /// What changed, field by field.
    pub fields: Vec<FieldChange>,
}

/// What changed from one project to another.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Diff {
    /// In the second and not the first.
    pub added: Vec<Named>,
    /// In the first and not the second.
    pub removed: Vec<Named>,
    /// In both, different.
    pub changed: Vec<Changed>,
    /// The project's own fields and thresholds that changed.
    pub project: Vec<FieldChange>,
    /// Findings of the second that the first did not have.
    pub findings_appeared: Vec<Listed>,
    /// Findings of the first that the second no longer has.
    pub findings_gone: Vec<Listed>,
}

fn relationship_key(r: &Map<String, Value>) -> String {
    let s = |k: &str| {
        r.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    format!("{} → {} ({})", s("from"), s("to"), s("kind"))
}

fn field_changes(a: &Map<String, Value>, b: &Map<String, Value>) -> Vec<FieldChange> {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut out = Vec::new();
    for k in keys {
        if k == "id" {
            continue;
        }
        let (x, y) = (a.get(k), b.get(k));
        if x != y {
            out.push(FieldChange {
                field: k.clone(),
                before: x.cloned().unwrap_or(Value::Null),
                after: y.cloned().unwrap_or(Value::Null),
            });
        }
    }
    out
}

/// What changed from `a` to `b`, and which findings (judged on `today`)
/// appeared or went. O(size of both), plus the two analyses.
pub fn diff(a: &Project, b: &Project, today: Date) -> Diff {
    let (doc_a, doc_b) = (
        crate::interchange::to_value(a),
        crate::interchange::to_value(b),
    );
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    for (list, kind) in LISTS {
        let before: BTreeMap<String, &Map<String, Value>> = items(&doc_a, list)
            .into_iter()
            .map(|i| (id_of(i), i))
            .collect();
        let after: BTreeMap<String, &Map<String, Value>> = items(&doc_b, list)
            .into_iter()
            .map(|i| (id_of(i), i))
            .collect();
        let named = |id: &str, item: &Map<String, Value>| Named {
            kind: kind.to_owned(),
            id: id.to_owned(),
            name: name_of(item),
        };
        for (id, item) in &after {
            match before.get(id) {
                None => added.push(named(id, item)),
                Some(old) if old != item => changed.push(Changed {
                    entity: named(id, item),
                    fields: field_changes(old, item),
                }),
                Some(_) => {}
            }
        }
        for (id, item) in &before {
            if !after.contains_key(id) {
                removed.push(named(id, item));
            }
        }
    }
    // Relationships have no id: keyed by their ends and kind; saved views
    // by their name, which is unique among them.
    let keyed = |doc: &Value, list: &str, key: fn(&Map<String, Value>) -> String| {
        items(doc, list)
            .into_iter()
            .map(|r| (key(r), r.clone()))
            .collect::<BTreeMap<String, Map<String, Value>>>()
    };
    for (kind, list, key) in [
        (
            "relationship",
            "relationships",
            relationship_key as fn(&Map<String, Value>) -> String,
        ),
        ("saved view", "views", name_of),
    ] {
        let (ra, rb) = (keyed(&doc_a, list, key), keyed(&doc_b, list, key));
        let named = |key: &str| Named {
            kind: kind.to_owned(),
            id: key.to_owned(),
            name: key.to_owned(),
        };
        for (key, r) in &rb {
            match ra.get(key) {
                None => added.push(named(key)),
                Some(old) if old != r => changed.push(Changed {
                    entity: named(key),
                    fields: field_changes(old, r),
                }),
                Some(_) => {}
            }
        }
        for key in ra.keys().filter(|k| !rb.contains_key(*k)) {
            removed.push(named(key));
        }
    }
    let meta = |doc: &Value| -> Map<String, Value> {
        let mut m = doc
            .get("project")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let t = serde_json::to_value(Thresholds::default()).unwrap_or(Value::Null);
        let thresholds = doc.get("thresholds").cloned().unwrap_or(t);
        for (k, v) in thresholds.as_object().into_iter().flatten() {
            m.insert(format!("thresholds.{k}"), v.clone());
        }
        m
    };
    let project = field_changes(&meta(&doc_a), &meta(&doc_b));
    let key = |f: &Listed| (f.kind.clone(), f.about.clone());
    let fa = analysis::listed(&analysis::analyze(a, &a.thresholds, today));
    let fb = analysis::listed(&analysis::analyze(b, &b.thresholds, today));
    let ka: HashSet<_> = fa.iter().map(key).collect();
    let kb: HashSet<_> = fb.iter().map(key).collect();
    Diff {
        added,
        removed,
        changed,
        project,
        findings_appeared: fb
            .iter()
            .filter(|f| !ka.contains(&key(f)))
            .cloned()
            .collect(),
        findings_gone: fa
            .iter()
            .filter(|f| !kb.contains(&key(f)))
            .cloned()
            .collect(),
    }
}

fn short(v: &Value) -> String {
    let text = match v {
        Value::Null => "(none)".to_owned(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let names: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            format!("[{}]", names.join(", "))
        }
        Value::Array(items) => format!("{} items", items.len()),
        other => other.to_string(),
    };
    match text.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

impl Diff {
    /// Whether the two projects hold the same, with the same findings.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.project.is_empty()
            && self.findings_appeared.is_empty()
            && self.findings_gone.is_empty()
    }

    /// The comparison in words (Markdown when `md`), for a client.
    pub fn render(&self, md: bool) -> String {
        let mut out = String::new();
        let heading = |out: &mut String, t: &str| {
            if md {
                out.push_str(&format!("\n## {t}\n\n"));
            } else {
                out.push_str(&format!("\n{t}\n"));
            }
        };
        let item = |out: &mut String, t: &str| {
            out.push_str(if md { "- " } else { "  " });
            out.push_str(t);
            out.push('\n');
        };
        out.push_str(if md {
            "# What changed\n"
        } else {
            "What changed\n"
        });
        if self.is_empty() {
            item(&mut out, "Nothing: the two projects hold the same.");
            return out;
        }
        // What has no id (a relationship, a saved view) is named by its key.
        let entity = |n: &Named| {
            if n.id == n.name {
                format!("{} {}", n.kind, n.id)
            } else {
                format!("{} {} ({})", n.kind, n.name, n.id)
            }
        };
        if !self.project.is_empty() {
            heading(&mut out, "The project");
            for f in &self.project {
                item(
                    &mut out,
                    &format!("{}: {} → {}", f.field, short(&f.before), short(&f.after)),
                );
            }
        }
        if !self.added.is_empty() {
            heading(&mut out, &format!("Added ({})", self.added.len()));
            for n in &self.added {
                item(&mut out, &entity(n));
            }
        }
        if !self.removed.is_empty() {
            heading(&mut out, &format!("Removed ({})", self.removed.len()));
            for n in &self.removed {
                item(&mut out, &entity(n));
            }
        }
        if !self.changed.is_empty() {
            heading(&mut out, &format!("Changed ({})", self.changed.len()));
            for c in &self.changed {
                item(&mut out, &entity(&c.entity));
                for f in &c.fields {
                    let line = format!("{}: {} → {}", f.field, short(&f.before), short(&f.after));
                    out.push_str(if md { "  - " } else { "      " });
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        if !self.findings_appeared.is_empty() {
            heading(&mut out, "Findings that appeared");
            for f in &self.findings_appeared {
                item(&mut out, &f.why);
            }
        }
        if !self.findings_gone.is_empty() {
            heading(&mut out, "Findings that went");
            for f in &self.findings_gone {
                item(&mut out, &f.why);
            }
        }
        out
    }
}

impl MergeReport {
    /// The merge in words, for a terminal.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let added: Vec<String> = self
            .added
            .iter()
            .map(|(k, n)| format!("{n} {k}{}", if *n == 1 { "" } else { "s" }))
            .collect();
        out.push_str(&format!(
            "added {}; {} kept once (the same in both)\n",
            if added.is_empty() {
                "nothing".to_owned()
            } else {
                added.join(", ")
            },
            self.identical
        ));
        for r in &self.renamed {
            out.push_str(&format!(
                "renamed the second project's {} {:?} from {} to {} (the id names something else \
                 in the first)\n",
                r.kind, r.name, r.from, r.to
            ));
        }
        if self.thresholds_differ {
            out.push_str("kept the first project's thresholds; the second's differ\n");
        }
        if self.golden_candidates.is_empty() {
            out.push_str("no persona of one team looks like one of the other's\n");
        } else {
            out.push_str("the same person written by both teams (golden candidates):\n");
            for f in &self.golden_candidates {
                out.push_str(&format!("  {}\n", f.why));
            }
        }
        out
    }
}
