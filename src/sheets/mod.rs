//! A project as spreadsheets: an XLSX workbook or a folder of CSV files in
//! one layout ([`layout`]), both ways. A spreadsheet is turned into an
//! interchange document and read by the interchange reader, so it gets
//! every check an import gets; each problem is then placed on the cell it
//! came from (`Persona needs!B5: no need with id "need-sso"`).
//!
//! Round trip: a project exported to XLSX and imported again is the same
//! project. Lists in one cell are separated by `|`, so a `|` or `\` inside
//! an item is written `\|` or `\\`; items are trimmed.

pub mod csv;
pub mod layout;
pub mod xlsx;

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::analysis::Analysis;
use crate::error::{Error, Problem, Problems, Result};
use crate::model::Project;
use layout::{Cell as Kind, Place, SHEETS, Sheet};

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, as written.
    Text(String),
    /// A number cell.
    Number(f64),
    /// A boolean cell.
    Bool(bool),
}

impl Cell {
    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: a whole number without a decimal point.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// Where a table came from, to name its cells in messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A sheet of a workbook: `Personas!C7`.
    Sheet,
    /// A CSV file: `personas.csv, line 7, column C`.
    File(String),
}

/// A sheet or CSV file: its header and rows as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The sheet's name (the layout's, when written by us).
    pub name: String,
    /// Where it was read from.
    pub origin: Origin,
    /// The first row: the columns' names.
    pub header: Vec<String>,
    /// The rows after the header; row `i` is line or row `i + 2`.
    pub rows: Vec<Vec<Cell>>,
}

/// The tables of a workbook or a folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    /// The tables, in order.
    pub tables: Vec<Table>,
}

/// The most rows a sheet of a project may have: far more than any
/// portfolio, few enough that a hostile file is refused before it is held.
pub const MAX_ROWS: usize = 200_000;

/// Spreadsheet column letters from a 0-based index: 0 is A, 26 is AA.
pub fn column_letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl Table {
    /// The place of a cell (`col` None: the row), for messages.
    fn place(&self, row: usize, col: Option<usize>) -> String {
        let line = row + 2;
        match (&self.origin, col) {
            (Origin::Sheet, Some(c)) => format!("{}!{}{line}", self.name, column_letters(c)),
            (Origin::Sheet, None) => format!("{}!{line}", self.name),
            (Origin::File(f), Some(c)) => format!(
                "{f}, line {line}, column {}",
                self.header
                    .get(c)
                    .map_or_else(|| column_letters(c), |h| h.trim().to_owned())
            ),
            (Origin::File(f), None) => format!("{f}, line {line}"),
        }
    }

    fn header_place(&self, col: usize) -> String {
        match &self.origin {
            Origin::Sheet => format!("{}!{}1", self.name, column_letters(col)),
            Origin::File(f) => format!("{f}, line 1, column {}", column_letters(col)),
        }
    }

    fn whole(&self) -> String {
        match &self.origin {
            Origin::Sheet => format!("sheet {:?}", self.name),
            Origin::File(f) => f.clone(),
        }
    }
}

// ---------------------------------------------------------------- export

/// Splits a `|` list cell into its items, `\|` and `\\` read as `|` and
/// `\`; items are trimmed and empty ones dropped.
pub fn split_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ ('|' | '\\')) => item.push(next),
                Some(other) => {
                    item.push('\\');
                    item.push(other);
                }
                None => item.push('\\'),
            },
            '|' => items.push(std::mem::take(&mut item)),
            c => item.push(c),
        }
    }
    items.push(item);
    items
        .into_iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty())
        .collect()
}

/// Joins items into a `|` list cell, escaping `|` and `\`.
pub fn join_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|i| i.replace('\\', "\\\\").replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join("|")
}

fn cell_of(value: &Value, kind: Kind) -> Cell {
    match (value, kind) {
        (Value::Null, _) => Cell::Empty,
        (Value::Array(items), _) => Cell::Text(join_list(items.iter().filter_map(Value::as_str))),
        (Value::String(s), _) => Cell::Text(s.clone()),
        (Value::Number(n), _) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        (Value::Bool(b), _) => Cell::Bool(*b),
        (Value::Object(_), _) => Cell::Empty,
    }
}

/// The characters of a portrait a cell holds (a cell holds 32,767).
const PORTRAIT_PIECE: usize = 30_000;

/// The project in the layout, plus a Findings sheet when `findings` is
/// given.
pub fn to_book(project: &Project, findings: Option<&Analysis>) -> Book {
    let doc = crate::interchange::to_value(project);
    let list = |name: &str| -> Vec<Map<String, Value>> {
        doc.get(name)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_object().cloned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut book = Book::default();
    for sheet in SHEETS {
        let mut header: Vec<String> = sheet.columns.iter().map(|c| c.field.to_owned()).collect();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        match sheet.place {
            Place::Project => {
                for (field, path) in layout::PROJECT_FIELDS {
                    let mut at = &doc;
                    for part in path.split('.') {
                        at = at.get(part).unwrap_or(&Value::Null);
                    }
                    if !at.is_null() {
                        rows.push(vec![
                            Cell::Text((*field).to_owned()),
                            cell_of(at, Kind::Text),
                        ]);
                    }
                }
            }
            Place::List {
                list: name,
                attributes,
            } => {
                let items = list(name);
                let keys: BTreeSet<String> = if attributes {
                    items
                        .iter()
                        .filter_map(|i| i.get("attributes").and_then(Value::as_object))
                        .flat_map(|a| a.keys().cloned())
                        .collect()
                } else {
                    BTreeSet::new()
                };
                header.extend(keys.iter().cloned());
                for item in &items {
                    let mut row: Vec<Cell> = sheet
                        .columns
                        .iter()
                        .map(|c| cell_of(item.get(c.field).unwrap_or(&Value::Null), c.cell))
                        .collect();
                    let attrs = item.get("attributes").and_then(Value::as_object);
                    for key in &keys {
                        row.push(
                            attrs
                                .and_then(|a| a.get(key))
                                .map_or(Cell::Empty, |v| cell_of(v, Kind::Text)),
                        );
                    }
                    rows.push(row);
                }
            }
            Place::Nested { parent, key, field } => {
                for item in list(parent) {
                    let id = item.get("id").cloned().unwrap_or(Value::Null);
                    for child in item
                        .get(field)
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        rows.push(
                            sheet
                                .columns
                                .iter()
                                .map(|c| {
                                    if c.field == key {
                                        cell_of(&id, Kind::Text)
                                    } else {
                                        cell_of(child.get(c.field).unwrap_or(&Value::Null), c.cell)
                                    }
                                })
                                .collect(),
                        );
                    }
                }
            }
            Place::Portraits => {
                for persona in list("personas") {
                    let (Some(id), Some(data)) = (
                        persona.get("id").and_then(Value::as_str),
                        persona.get("portrait").and_then(Value::as_str),
                    ) else {
                        continue;
                    };
                    // A data: URI is ASCII, so any byte is a character bound.
                    for piece in data.as_bytes().chunks(PORTRAIT_PIECE) {
                        rows.push(vec![
                            Cell::Text(id.to_owned()),
                            Cell::Text(String::from_utf8_lossy(piece).into_owned()),
                        ]);
                    }
                }
            }
        }
        book.tables.push(Table {
            name: sheet.name.to_owned(),
            origin: Origin::Sheet,
            header,
            rows,
        });
    }
    if let Some(analysis) = findings {
        book.tables.push(findings_table(analysis));
    }
    book
}

fn findings_table(a: &Analysis) -> Table {
    let rows = crate::analysis::listed(a)
        .into_iter()
        .map(|f| {
            vec![
                Cell::Text(f.kind),
                Cell::Text(join_list(f.about.iter().map(String::as_str))),
                Cell::Text(f.why),
            ]
        })
        .collect();
    Table {
        name: layout::FINDINGS.to_owned(),
        origin: Origin::Sheet,
        header: vec!["kind".into(), "about".into(), "why".into()],
        rows,
    }
}

// ---------------------------------------------------------------- import

/// Where each part of the built document came from.
#[derive(Default)]
struct Origins(HashMap<String, String>);

impl Origins {
    fn set(&mut self, path: String, place: String) {
        self.0.insert(path, place);
    }

    /// The place of `path`, or of the nearest part of the document holding
    /// it (`personas[3].name` → the persona's row), with the rest of the
    /// path below the place found (`name`).
    fn locate<'p>(&self, path: &'p str) -> Option<(&String, &'p str)> {
        let mut p = path;
        loop {
            if let Some(place) = self.0.get(p) {
                return Some((place, path[p.len()..].trim_start_matches('.')));
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

struct Builder<'a> {
    lists: HashMap<&'static str, Vec<Map<String, Value>>>,
    ids: HashMap<&'static str, HashMap<String, usize>>,
    /// The table each list's rows came from, for messages about parents.
    sources: HashMap<&'static str, &'a Table>,
    origins: Origins,
    problems: Vec<Problem>,
    project: Map<String, Value>,
    thresholds: Map<String, Value>,
}

fn problem(path: String, message: impl Into<String>) -> Problem {
    Problem {
        path,
        message: message.into(),
    }
}

/// A cell read as `kind`, or why it cannot be.
fn read_cell(cell: &Cell, kind: Kind) -> std::result::Result<Option<Value>, String> {
    if cell.is_blank() {
        return Ok(None);
    }
    Ok(Some(match kind {
        Kind::Text => Value::String(cell.text()),
        Kind::List => Value::Array(
            split_list(&cell.text())
                .into_iter()
                .map(Value::String)
                .collect(),
        ),
        Kind::Number => match cell {
            Cell::Number(n) => number_value(*n)?,
            Cell::Text(t) => match t.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => number_value(n)?,
                _ => return Err(format!("expected a number, found {:?}", t.trim())),
            },
            Cell::Bool(b) => return Err(format!("expected a number, found {b}")),
            Cell::Empty => return Ok(None),
        },
        Kind::Bool => match cell {
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Number(n) if *n == 1.0 => Value::Bool(true),
            Cell::Number(n) if *n == 0.0 => Value::Bool(false),
            other => match other.text().trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Value::Bool(true),
                "false" | "no" | "0" => Value::Bool(false),
                t => return Err(format!("expected true or false, found {t:?}")),
            },
        },
    }))
}

fn number_value(n: f64) -> std::result::Result<Value, String> {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        Ok(Value::from(n as i64))
    } else {
        serde_json::Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| format!("{n} is not a number a project can hold"))
    }
}

/// An attribute cell: its own type (a workbook's number stays a number); a
/// CSV cell that reads as a number or `true`/`false` is one.
fn attribute_value(cell: &Cell, typed: bool) -> Option<Value> {
    match cell {
        Cell::Empty => None,
        c if c.is_blank() => None,
        Cell::Number(n) => number_value(*n).ok(),
        Cell::Bool(b) => Some(Value::Bool(*b)),
        Cell::Text(t) if !typed => {
            // A `'` first marks a text, as spreadsheets do.
            if let Some(text) = t.strip_prefix('\'') {
                return Some(Value::String(text.to_owned()));
            }
            let trimmed = t.trim();
            if let Some(n) = crate::rules::read_number(trimmed) {
                number_value(n).ok()
            } else if trimmed == "true" || trimmed == "false" {
                Some(Value::Bool(trimmed == "true"))
            } else {
                Some(Value::String(t.clone()))
            }
        }
        Cell::Text(t) => Some(Value::String(t.clone())),
    }
}

impl<'a> Builder<'a> {
    /// The layout columns of `table`'s header, by position; problems for
    /// duplicates, and for unknown columns where no attributes are kept.
    fn columns(
        &mut self,
        sheet: &Sheet,
        table: &Table,
        attributes: bool,
    ) -> Option<Vec<Option<&'static layout::Column>>> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, h) in table.header.iter().enumerate() {
            let n = layout::normal(h);
            if n.is_empty() {
                out.push(None);
                continue;
            }
            if let Some(first) = seen.insert(n.clone(), i) {
                self.problems.push(problem(
                    table.header_place(i),
                    format!(
                        "the column {:?} appears twice (also column {})",
                        h.trim(),
                        column_letters(first)
                    ),
                ));
                ok = false;
            }
            let known = sheet.columns.iter().find(|c| c.field == n);
            if known.is_none() && !attributes {
                let names: Vec<&str> = sheet.columns.iter().map(|c| c.field).collect();
                self.problems.push(problem(
                    table.header_place(i),
                    format!(
                        "unknown column {:?}; the columns of {} are {}",
                        h.trim(),
                        sheet.name,
                        names.join(", ")
                    ),
                ));
                ok = false;
            }
            out.push(known);
        }
        let has_rows = table.rows.iter().any(|r| !r.iter().all(Cell::is_blank));
        for c in sheet.columns.iter().filter(|c| c.required) {
            if has_rows && !out.iter().any(|k| k.is_some_and(|k| k.field == c.field)) {
                self.problems.push(problem(
                    table.whole(),
                    format!("has no {:?} column, which every row needs", c.field),
                ));
                ok = false;
            }
        }
        ok.then_some(out)
    }

    /// Reads one row's cells into an object; `skip` is a column whose
    /// value is the parent's id.
    fn row_object(
        &mut self,
        table: &Table,
        r: usize,
        columns: &[Option<&'static layout::Column>],
        attributes: bool,
        skip: Option<&str>,
        path: &str,
    ) -> Map<String, Value> {
        let row = &table.rows[r];
        let mut obj = Map::new();
        let mut attrs = Map::new();
        for (c, cell) in row.iter().enumerate() {
            let place = table.place(r, Some(c));
            match columns.get(c).copied().flatten() {
                Some(col) if Some(col.field) == skip => {}
                Some(col) => match read_cell(cell, col.cell) {
                    Ok(Some(v)) => {
                        self.origins.set(format!("{path}.{}", col.field), place);
                        obj.insert(col.field.to_owned(), v);
                    }
                    Ok(None) => {}
                    Err(why) => self.problems.push(problem(place, why)),
                },
                None if attributes => {
                    let Some(key) = table.header.get(c).map(|h| h.trim().to_owned()) else {
                        continue;
                    };
                    if key.is_empty() {
                        continue;
                    }
                    if let Some(v) = attribute_value(cell, table.origin == Origin::Sheet) {
                        self.origins.set(format!("{path}.attributes.{key}"), place);
                        attrs.insert(key, v);
                    }
                }
                None => {}
            }
        }
        if !attrs.is_empty() {
            obj.insert("attributes".to_owned(), Value::Object(attrs));
        }
        obj
    }

    fn list(&mut self, sheet: &Sheet, table: &'a Table, name: &'static str, attributes: bool) {
        let Some(columns) = self.columns(sheet, table, attributes) else {
            return;
        };
        self.sources.insert(name, table);
        for r in 0..table.rows.len() {
            if table.rows[r].iter().all(Cell::is_blank) {
                continue;
            }
            let index = self.lists.get(name).map_or(0, Vec::len);
            let path = format!("{name}[{index}]");
            self.origins.set(path.clone(), table.place(r, None));
            let obj = self.row_object(table, r, &columns, attributes, None, &path);
            if let Some(id) = obj.get("id").and_then(Value::as_str) {
                self.ids
                    .entry(name)
                    .or_default()
                    .entry(id.to_owned())
                    .or_insert(index);
            }
            self.lists.entry(name).or_default().push(obj);
        }
    }

    fn nested(
        &mut self,
        sheet: &Sheet,
        table: &Table,
        parent: &'static str,
        key: &'static str,
        field: &'static str,
    ) {
        let Some(columns) = self.columns(sheet, table, false) else {
            return;
        };
        let Some(key_col) = columns
            .iter()
            .position(|c| c.is_some_and(|c| c.field == key))
        else {
            return;
        };
        for r in 0..table.rows.len() {
            if table.rows[r].iter().all(Cell::is_blank) {
                continue;
            }
            let id = table.rows[r]
                .get(key_col)
                .map(Cell::text)
                .unwrap_or_default();
            let id = id.trim();
            let Some(&index) = self.ids.get(parent).and_then(|ids| ids.get(id)) else {
                let from = self
                    .sources
                    .get(parent)
                    .map_or_else(|| parent.replace('_', " "), |t| t.whole());
                self.problems.push(problem(
                    table.place(r, Some(key_col)),
                    format!("no {} with id {id:?} in {from}", key.replace('_', " ")),
                ));
                continue;
            };
            let Some(item) = self.lists.get_mut(parent).and_then(|l| l.get_mut(index)) else {
                continue;
            };
            let count = item
                .get(field)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            let path = format!("{parent}[{index}].{field}[{count}]");
            self.origins.set(path.clone(), table.place(r, None));
            let obj = self.row_object(table, r, &columns, false, Some(key), &path);
            if let Some(item) = self.lists.get_mut(parent).and_then(|l| l.get_mut(index)) {
                let list = item
                    .entry(field.to_owned())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(list) = list {
                    list.push(Value::Object(obj));
                }
            }
        }
    }

    fn portraits(&mut self, sheet: &Sheet, table: &Table) {
        let Some(columns) = self.columns(sheet, table, false) else {
            return;
        };
        let at = |field: &str| {
            columns
                .iter()
                .position(|c| c.is_some_and(|c| c.field == field))
        };
        let (Some(who), Some(data)) = (at("persona"), at("data")) else {
            return;
        };
        let mut pieces: Vec<(usize, String, usize)> = Vec::new();
        for (r, row) in table.rows.iter().enumerate() {
            if row.iter().all(Cell::is_blank) {
                continue;
            }
            let id = row.get(who).map(Cell::text).unwrap_or_default();
            let Some(&index) = self.ids.get("personas").and_then(|ids| ids.get(id.trim())) else {
                self.problems.push(problem(
                    table.place(r, Some(who)),
                    format!("no persona with id {:?} in the Personas sheet", id.trim()),
                ));
                continue;
            };
            pieces.push((index, row.get(data).map(Cell::text).unwrap_or_default(), r));
        }
        let mut joined: HashMap<usize, (String, usize)> = HashMap::new();
        for (index, piece, r) in pieces {
            let entry = joined.entry(index).or_insert_with(|| (String::new(), r));
            entry.0.push_str(piece.trim());
        }
        for (index, (data, r)) in joined {
            self.origins.set(
                format!("personas[{index}].portrait"),
                table.place(r, Some(data_col(&columns))),
            );
            if let Some(p) = self
                .lists
                .get_mut("personas")
                .and_then(|l| l.get_mut(index))
            {
                p.insert("portrait".to_owned(), Value::String(data));
            }
        }
    }

    fn project_sheet(&mut self, sheet: &Sheet, table: &Table) {
        let Some(columns) = self.columns(sheet, table, false) else {
            return;
        };
        let at = |field: &str| {
            columns
                .iter()
                .position(|c| c.is_some_and(|c| c.field == field))
        };
        let (Some(f), v) = (at("field"), at("value")) else {
            return;
        };
        for (r, row) in table.rows.iter().enumerate() {
            if row.iter().all(Cell::is_blank) {
                continue;
            }
            let field = layout::normal(&row.get(f).map(Cell::text).unwrap_or_default());
            let Some((_, path)) = layout::PROJECT_FIELDS
                .iter()
                .find(|(name, _)| *name == field)
            else {
                let names: Vec<&str> = layout::PROJECT_FIELDS.iter().map(|(n, _)| *n).collect();
                self.problems.push(problem(
                    table.place(r, Some(f)),
                    format!(
                        "unknown field {field:?}; the fields are {}",
                        names.join(", ")
                    ),
                ));
                continue;
            };
            let cell = v.and_then(|v| row.get(v)).unwrap_or(&Cell::Empty);
            let place = table.place(r, Some(v.unwrap_or(f)));
            let (target, key) = path.split_once('.').unwrap_or(("project", path));
            let kind = if target == "thresholds" {
                Kind::Number
            } else {
                Kind::Text
            };
            match read_cell(cell, kind) {
                Ok(Some(value)) => {
                    self.origins.set((*path).to_owned(), place);
                    if target == "thresholds" {
                        self.thresholds.insert(key.to_owned(), value);
                    } else {
                        self.project.insert(key.to_owned(), value);
                    }
                }
                Ok(None) => {}
                Err(why) => self.problems.push(problem(place, why)),
            }
        }
    }
}

fn data_col(columns: &[Option<&'static layout::Column>]) -> usize {
    columns
        .iter()
        .position(|c| c.is_some_and(|c| c.field == "data"))
        .unwrap_or(0)
}

/// Reads a project from `book`, named `source_name` in messages (with
/// `default_name` as its name when no Project sheet gives one). Either
/// the whole project, or every problem placed on its cell.
pub fn from_book(book: &Book, source_name: &str, default_name: &str) -> Result<Project> {
    let mut b = Builder {
        lists: HashMap::new(),
        ids: HashMap::new(),
        sources: HashMap::new(),
        origins: Origins::default(),
        problems: Vec::new(),
        project: Map::new(),
        thresholds: Map::new(),
    };
    // Each table to its sheet, once; the layout's order reads parents first.
    let mut found: Vec<(&Sheet, &Table)> = Vec::new();
    for table in &book.tables {
        if layout::normal(&table.name) == layout::normal(layout::FINDINGS) {
            continue;
        }
        let Some(sheet) = layout::sheet_named(&table.name) else {
            continue;
        };
        if found.iter().any(|(s, _)| s.name == sheet.name) {
            b.problems.push(problem(
                table.whole(),
                format!("a second {} table; keep one", sheet.name),
            ));
            continue;
        }
        found.push((sheet, table));
    }
    if found.is_empty() {
        let names: Vec<&str> = SHEETS.iter().map(|s| s.name).collect();
        return Err(Error::Invalid {
            source_name: source_name.to_owned(),
            problems: Problems(vec![problem(
                String::new(),
                format!(
                    "no sheet of a Persona Atlas project; name the sheets {} (`persona-atlas \
                     template` writes an empty workbook to fill)",
                    names.join(", ")
                ),
            )]),
        });
    }
    for sheet in SHEETS {
        let Some((_, table)) = found.iter().find(|(s, _)| s.name == sheet.name) else {
            continue;
        };
        match sheet.place {
            Place::Project => b.project_sheet(sheet, table),
            Place::List { list, attributes } => b.list(sheet, table, list, attributes),
            Place::Nested { parent, key, field } => b.nested(sheet, table, parent, key, field),
            Place::Portraits => b.portraits(sheet, table),
        }
    }
    if !b.problems.is_empty() {
        return Err(Error::Invalid {
            source_name: source_name.to_owned(),
            problems: Problems(b.problems),
        });
    }
    let mut doc = Map::new();
    doc.insert("format".into(), Value::from(crate::interchange::FORMAT));
    doc.insert("version".into(), Value::from(crate::interchange::VERSION));
    if !b.project.contains_key("name") {
        b.project
            .insert("name".into(), Value::String(default_name.to_owned()));
    }
    doc.insert("project".into(), Value::Object(b.project));
    if !b.thresholds.is_empty() {
        doc.insert("thresholds".into(), Value::Object(b.thresholds));
    }
    for sheet in SHEETS {
        if let Place::List { list, .. } = sheet.place
            && let Some(items) = b.lists.remove(list)
        {
            doc.insert(
                list.to_owned(),
                Value::Array(items.into_iter().map(Value::Object).collect()),
            );
        }
    }
    crate::interchange::read_value(&Value::Object(doc), source_name).map_err(|e| match e {
        Error::Invalid {
            source_name,
            problems,
        } => Error::Invalid {
            source_name,
            problems: Problems(
                problems
                    .0
                    .into_iter()
                    .map(|p| match b.origins.locate(&p.path) {
                        Some((place, "")) => Problem {
                            path: place.clone(),
                            message: p.message,
                        },
                        Some((place, rest)) => Problem {
                            path: format!("{place}, {rest}"),
                            message: p.message,
                        },
                        None => p,
                    })
                    .collect(),
            ),
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_and_join_with_escapes() {
        assert_eq!(split_list("a | b|c"), ["a", "b", "c"]);
        assert_eq!(split_list(r"a\|b | c\\d"), ["a|b", r"c\d"]);
        assert_eq!(split_list(" | |"), Vec::<String>::new());
        let items = ["pipe | inside", r"back\slash", "plain"];
        assert_eq!(split_list(&join_list(items)), items);
    }

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_problem_is_placed_on_the_nearest_origin() {
        let mut o = Origins::default();
        o.set("personas[3]".into(), "Personas!5".into());
        o.set(
            "personas[3].needs[1].need".into(),
            "Persona needs!B9".into(),
        );
        let at = |path: &str| {
            o.locate(path)
                .map(|(place, rest)| (place.clone(), rest.to_owned()))
        };
        assert_eq!(
            at("personas[3].needs[1].need"),
            Some(("Persona needs!B9".into(), String::new()))
        );
        assert_eq!(
            at("personas[3].goals[0]"),
            Some(("Personas!5".into(), "goals[0]".into()))
        );
        assert_eq!(at("journeys[0]"), None);
    }
}
