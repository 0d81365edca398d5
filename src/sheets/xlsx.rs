//! Workbooks: read with calamine cell by cell (never a whole sheet held
//! before its size is known), written with rust_xlsxwriter, whose string
//! cells are text to Excel whatever they begin with, so a name starting
//! with `=` never becomes a formula.

use std::path::Path;

use rust_xlsxwriter::{Format, Note, Workbook, Worksheet, XlsxError};

use super::layout::SHEETS;
use super::{Book, Cell, MAX_ROWS, Origin, Table, column_letters};
use crate::error::{Error, Problem, Problems, Result};

/// The largest workbook an import reads.
pub const MAX_BYTES: u64 = 64 << 20;
/// What its parts may unpack to, and its shared text: a few kilobytes of
/// zip can unpack to gigabytes.
const MAX_UNPACKED: u64 = 512 << 20;
const MAX_SHARED: u64 = 128 << 20;
/// Columns a sheet may have.
const MAX_COLUMNS: usize = 1_000;

fn invalid(source: &Path, problems: Vec<Problem>) -> Error {
    Error::Invalid {
        source_name: source.display().to_string(),
        problems: Problems(problems),
    }
}

fn whole(message: String) -> Problem {
    Problem {
        path: String::new(),
        message,
    }
}

/// Reads every sheet of the workbook at `path`, checked for size before
/// anything is unpacked.
pub fn read(path: &Path) -> Result<Book> {
    crate::input::guarded(
        || read_unguarded(path),
        || {
            invalid(
                path,
                vec![whole(
                    "this workbook is damaged and cannot be read".to_owned(),
                )],
            )
        },
    )
}

fn read_unguarded(path: &Path) -> Result<Book> {
    use calamine::{Reader, Xlsx, open_workbook};
    let size = crate::input::regular_file(path)?;
    if size > MAX_BYTES {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_BYTES,
        });
    }
    let (unpacked, shared) =
        crate::input::unpacked_sizes(path).map_err(|m| invalid(path, vec![whole(m)]))?;
    if unpacked > MAX_UNPACKED || shared > MAX_SHARED {
        return Err(invalid(
            path,
            vec![whole(format!(
                "it unpacks to {} MB, more than the {} MB a project workbook may",
                unpacked.max(shared) / 1_000_000,
                MAX_UNPACKED / 1_000_000
            ))],
        ));
    }
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| {
        invalid(
            path,
            vec![whole(format!("this workbook cannot be read: {e}"))],
        )
    })?;
    let mut out = Book::default();
    let mut problems = Vec::new();
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).map_err(|e| {
            invalid(
                path,
                vec![whole(format!("sheet {name:?} cannot be read: {e}"))],
            )
        })?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut first: Option<u32> = None;
        loop {
            let cell = reader.next_cell().map_err(|e| {
                invalid(
                    path,
                    vec![whole(format!("sheet {name:?} cannot be read: {e}"))],
                )
            })?;
            let Some(cell) = cell else { break };
            let (r, c) = cell.get_position();
            let value = read_cell(cell.get_value());
            let value = match value {
                Ok(v) => v,
                Err(why) => {
                    problems.push(Problem {
                        path: format!("{name}!{}{}", column_letters(c as usize), r + 1),
                        message: why,
                    });
                    Cell::Empty
                }
            };
            if value == Cell::Empty {
                continue;
            }
            let top = *first.get_or_insert(r);
            let (row, col) = ((r - top) as usize, c as usize);
            if row > MAX_ROWS {
                return Err(invalid(
                    path,
                    vec![whole(format!(
                        "sheet {name:?} has more than {MAX_ROWS} rows, more than a project holds"
                    ))],
                ));
            }
            if col >= MAX_COLUMNS {
                return Err(invalid(
                    path,
                    vec![whole(format!(
                        "sheet {name:?} has a value in column {}, beyond the {MAX_COLUMNS} columns a \
                         project sheet may have",
                        column_letters(col)
                    ))],
                ));
            }
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            let line = &mut rows[row];
            if line.len() <= col {
                line.resize(col + 1, Cell::Empty);
            }
            line[col] = value;
        }
        // Rows above the first one with a value are not part of the table.
        let offset = first.unwrap_or(0) as usize;
        let mut rows = rows.into_iter();
        let header: Vec<String> = rows
            .next()
            .unwrap_or_default()
            .iter()
            .map(Cell::text)
            .collect();
        let rows: Vec<Vec<Cell>> = rows.collect();
        if offset > 0 {
            problems.push(Problem {
                path: format!("{name}!A{}", offset + 1),
                message: "the header must be the sheet's first row".to_owned(),
            });
        }
        out.tables.push(Table {
            name,
            origin: Origin::Sheet,
            header,
            rows,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(invalid(path, problems))
    }
}

/// A workbook cell as the layout reads it: dates as `YYYY-MM-DD`, errors
/// refused.
fn read_cell(value: &calamine::DataRef<'_>) -> std::result::Result<Cell, String> {
    use calamine::DataRef;
    Ok(match value {
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(f) if f.is_finite() => Cell::Number(*f),
        DataRef::Float(_) => return Err("the cell holds a number too large to read".to_owned()),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cell::Text(format!("{y:04}-{m:02}-{day:02}"))
        }
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::DateTimeIso(s) => Cell::Text(s.get(..10).unwrap_or(s).to_owned()),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => return Err(format!("the cell holds a spreadsheet error ({e})")),
        DataRef::Empty => Cell::Empty,
    })
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Export {
        what: "workbook",
        detail: e.to_string(),
    }
}

fn write_table(sheet: &mut Worksheet, table: &Table, bold: &Format) -> Result<()> {
    sheet.set_name(&table.name).map_err(xlsx_error)?;
    for (c, h) in table.header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, bold)
            .map_err(xlsx_error)?;
        let widest = table
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|cell| cell.text().chars().count().min(60))
            .chain(std::iter::once(h.chars().count()))
            .max()
            .unwrap_or(10);
        sheet
            .set_column_width(c as u16, (widest as f64 + 2.0).clamp(8.0, 62.0))
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    for (r, row) in table.rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => {
                    sheet.write_string(r, c, t).map_err(xlsx_error)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n).map_err(xlsx_error)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b).map_err(xlsx_error)?;
                }
            }
        }
    }
    Ok(())
}

/// The workbook of `book` as bytes.
pub fn write(book: &Book) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for table in &book.tables {
        let sheet = workbook.add_worksheet();
        write_table(sheet, table, &bold)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// The empty workbook to fill: every sheet with its header, a note on each
/// column saying what it holds, and the example project's rows, ready to
/// be replaced.
pub fn template() -> Result<Vec<u8>> {
    let example = super::to_book(&example(), None);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let about = workbook.add_worksheet();
    about.set_name("Read me").map_err(xlsx_error)?;
    about.set_column_width(0, 22).map_err(xlsx_error)?;
    about.set_column_width(1, 100).map_err(xlsx_error)?;
    let lines = [
        (
            "Persona Atlas project",
            "Fill the sheets, then: persona-atlas import FILE.xlsx -o PROJECT.patlas",
        ),
        (
            "Ids",
            "Every row of a kind has an id (A-Z a-z 0-9 . _ : -, up to 64 characters), unique in the project; other sheets refer to rows by id.",
        ),
        (
            "Lists",
            "Several values in one cell are separated by | (write \\| for a | inside a value).",
        ),
        (
            "Attributes",
            "On the sheets of personas, segments, roles, needs, products, competitors, buying units and journeys, a column not listed is kept as an attribute.",
        ),
        (
            "Examples",
            "Row 2 of each sheet is an example; replace it with your own.",
        ),
    ];
    for (r, (a, b)) in lines.iter().enumerate() {
        about
            .write_string_with_format(r as u32, 0, *a, &bold)
            .map_err(xlsx_error)?;
        about.write_string(r as u32, 1, *b).map_err(xlsx_error)?;
    }
    for (r, sheet) in SHEETS.iter().enumerate() {
        let r = (r + lines.len() + 1) as u32;
        about
            .write_string_with_format(r, 0, sheet.name, &bold)
            .map_err(xlsx_error)?;
        about.write_string(r, 1, sheet.about).map_err(xlsx_error)?;
    }
    for (sheet, table) in SHEETS.iter().zip(&example.tables) {
        let ws = workbook.add_worksheet();
        write_table(ws, table, &bold)?;
        for (c, column) in sheet.columns.iter().enumerate() {
            let text = if column.required {
                format!("{} (required)", column.note)
            } else {
                column.note.to_owned()
            };
            ws.insert_note(0, c as u16, &Note::new(text).set_author("Persona Atlas"))
                .map_err(xlsx_error)?;
        }
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// One example row on each sheet of the template.
fn example() -> crate::model::Project {
    let doc = serde_json::json!({
        "format": "persona-atlas",
        "version": 1,
        "project": { "name": "Example portfolio", "description": "Replace with your own." },
        "market_segments": [{ "id": "ms-midmarket", "name": "Mid-market SaaS", "size": 1200, "priority": 4,
                              "attributes": { "region": "EU" } }],
        "customer_segments": [{ "id": "cs-pragmatic", "name": "Pragmatic modernisers", "priority": 3 }],
        "buying_roles": [{ "id": "role-buyer", "name": "Economic buyer", "required": true, "decides": true }],
        "needs": [{ "id": "need-reliable-data", "name": "Reliable data every morning" }],
        "products": [{ "id": "prod-observe", "name": "Observe",
                       "addresses": [{ "need": "need-reliable-data", "score": 0.8 }] }],
        "competitors": [{ "id": "comp-rival", "name": "Rival Inc",
                          "addresses": [{ "need": "need-reliable-data", "score": 0.6 }] }],
        "personas": [{
            "id": "p-dana", "name": "Dana the Data Lead", "title": "Head of Data",
            "quote": "I want to trust the numbers before the board does.",
            "goals": ["Trusted dashboards", "Fewer incidents"],
            "pain_points": ["Silent pipeline failures"],
            "channels": ["LinkedIn", "dbt Community Slack"],
            "used_by": ["marketing", "product"],
            "market_segment": "ms-midmarket", "customer_segment": "cs-pragmatic",
            "buying_role": "role-buyer", "priority": 4, "status": "validated",
            "last_reviewed": "2026-11-01",
            "rules": "title contains \"data\" and seniority in (\"head\", \"director\")",
            "needs": [{ "need": "need-reliable-data", "importance": 0.9 }],
            "products": [{ "product": "prod-observe", "relation": "targets" }],
            "evidence": [{ "kind": "interview", "source": "Six data leads", "date": "2026-10-12" }],
            "scenarios": [{ "title": "Monday board prep", "text": "Dana checks every KPI before 8 a.m." }]
        }],
        "relationships": [],
        "buying_units": [{ "id": "bu-midmarket", "name": "Mid-market data team", "product": "prod-observe",
                           "members": [{ "persona": "p-dana" }] }],
        "journeys": [{ "id": "j-evaluate", "name": "From incident to purchase", "personas": ["p-dana"],
                       "stages": [{ "name": "Incident", "pains": ["Broken dashboard"], "emotion": -2 },
                                  { "name": "Shortlist", "needs": ["need-reliable-data"], "emotion": 1 }] }]
    });
    crate::interchange::read_value(&doc, "the template's example")
        .unwrap_or_else(|e| unreachable!("the example project is valid: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_template_example_is_a_valid_project() {
        let p = super::example();
        assert_eq!(p.personas.len(), 1);
        assert_eq!(p.journeys[0].stages.len(), 2);
    }
}
