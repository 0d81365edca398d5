//! A project as CSV files: one per sheet of the layout in a folder
//! (`personas.csv`, `persona_needs.csv`...), or a single file of personas.
//! Read with the csv crate (the delimiter `,` `;` or tab found from the
//! header, as the customer tables are); written with a text that a
//! spreadsheet would take for a formula defused by a leading `'`, which
//! the reader takes off again.

use std::path::Path;

use super::{Book, Cell, MAX_ROWS, Origin, Table};
use crate::error::{Error, Problem, Problems, Result};
use crate::matrix::field;

/// The largest CSV file an import reads.
pub const MAX_BYTES: u64 = 64 << 20;

fn invalid(source: &Path, path: String, message: String) -> Error {
    Error::Invalid {
        source_name: source.display().to_string(),
        problems: Problems(vec![Problem { path, message }]),
    }
}

/// Reads one CSV file as the table `name`.
pub fn read_table(path: &Path, name: &str) -> Result<Table> {
    let bytes = crate::input::read_capped(path, MAX_BYTES)?;
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    if bytes.contains(&0) {
        return Err(invalid(
            path,
            String::new(),
            "this is not a CSV text file (it holds binary data)".to_owned(),
        ));
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(crate::rules::table_delimiter(body))
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut header: Option<Vec<String>> = None;
    let mut layout_column: Vec<bool> = Vec::new();
    let mut rows = Vec::new();
    let mut record = ::csv::ByteRecord::new();
    loop {
        let more = reader.read_byte_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, ::csv::Position::line);
            invalid(path, format!("{file}, line {line}"), e.to_string())
        })?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, ::csv::Position::line);
        let mut cells = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|e| {
                invalid(
                    path,
                    format!("{file}, line {line}, column {}", super::column_letters(i)),
                    format!(
                        "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                        e.valid_up_to()
                    ),
                )
            })?;
            cells.push(text.to_owned());
        }
        match &header {
            None => {
                // The layout's own columns lose the `'` a writer put before
                // a formula-like text; an attribute's `'` marks a text and
                // is read with its value (`attribute_value`).
                let sheet = super::layout::sheet_named(name);
                layout_column = cells
                    .iter()
                    .map(|h| {
                        sheet.is_some_and(|s| {
                            s.columns
                                .iter()
                                .any(|c| c.field == super::layout::normal(h))
                        })
                    })
                    .collect();
                header = Some(cells);
            }
            Some(_) => {
                if rows.len() >= MAX_ROWS {
                    return Err(invalid(
                        path,
                        file.clone(),
                        format!("more than {MAX_ROWS} rows, more than a project holds"),
                    ));
                }
                rows.push(
                    cells
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| {
                            if t.is_empty() {
                                Cell::Empty
                            } else if layout_column.get(i).copied().unwrap_or(false) {
                                Cell::Text(undefused(&t))
                            } else {
                                Cell::Text(t)
                            }
                        })
                        .collect(),
                );
            }
        }
    }
    Ok(Table {
        name: name.to_owned(),
        origin: Origin::File(file),
        header: header.unwrap_or_default(),
        rows,
    })
}

/// A cell's text without the `'` a writer put before a text a spreadsheet
/// would take for a formula.
fn undefused(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(defused) => rest.to_owned(),
        _ => text.to_owned(),
    }
}

fn defused(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@') || c.is_control()
}

/// Reads a folder of CSV files (each named as a sheet of the layout;
/// other files are left alone), or one CSV file of personas.
pub fn read(path: &Path) -> Result<Book> {
    let mut book = Book::default();
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, "read the folder", e))?;
        let mut files: Vec<std::path::PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("csv") || x.eq_ignore_ascii_case("tsv"))
            })
            .collect();
        files.sort();
        for file in files {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(sheet) = super::layout::sheet_named(&stem) {
                book.tables.push(read_table(&file, sheet.name)?);
            }
        }
        if book.tables.is_empty() {
            let names: Vec<String> = super::layout::SHEETS
                .iter()
                .map(|s| format!("{}.csv", s.file))
                .collect();
            return Err(invalid(
                path,
                String::new(),
                format!(
                    "no CSV file of a project in this folder; name them {}",
                    names.join(", ")
                ),
            ));
        }
    } else {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = super::layout::sheet_named(&stem).map_or("Personas", |s| s.name);
        book.tables.push(read_table(path, name)?);
    }
    Ok(book)
}

/// An attribute's text as a CSV cell: a text that an import would read as
/// a number or a boolean (`02139`, `true`), or that begins with `'`, gets
/// a `'` before it, as a spreadsheet marks a text, so that it comes back a
/// text.
fn attribute_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => {
            let trimmed = t.trim();
            let typed = crate::rules::read_number(trimmed).is_some()
                || trimmed == "true"
                || trimmed == "false";
            if typed || t.starts_with('\'') || t.starts_with(defused) {
                format!("'{t}")
            } else {
                t.clone()
            }
        }
        other => other.text(),
    }
}

/// The CSV text of a table.
pub fn table_text(table: &Table) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    let sheet = super::layout::sheet_named(&table.name);
    let attribute: Vec<bool> = table
        .header
        .iter()
        .map(|h| {
            sheet.is_some_and(|s| {
                matches!(
                    s.place,
                    super::layout::Place::List {
                        attributes: true,
                        ..
                    }
                ) && !s
                    .columns
                    .iter()
                    .any(|c| c.field == super::layout::normal(h))
            })
        })
        .collect();
    line(table.header.iter().map(|h| field(h)).collect(), &mut out);
    for row in &table.rows {
        line(
            row.iter()
                .enumerate()
                .map(|(i, c)| {
                    if attribute.get(i).copied().unwrap_or(false) {
                        field(&attribute_text(c))
                    } else {
                        field(&c.text())
                    }
                })
                .collect(),
            &mut out,
        );
    }
    out
}

/// Writes `book` as a folder of CSV files at `dir`, which must not exist
/// (unless `overwrite`): written whole into a folder beside it, then
/// renamed into place, so a failure leaves nothing half-written.
pub fn write_folder(book: &Book, dir: &Path, overwrite: bool) -> Result<()> {
    if dir.exists() {
        if !overwrite {
            return Err(Error::Exists {
                path: dir.to_owned(),
            });
        }
        // Replaced only when it holds nothing but a project's CSV files,
        // so that a mistyped folder is never emptied.
        let foreign = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, "read the folder", e))?
            .filter_map(|e| e.ok())
            .find(|e| {
                let p = e.path();
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
                !(p.is_file()
                    && p.extension().is_some_and(|x| x == "csv")
                    && stem.is_some_and(|s| {
                        super::layout::sheet_named(&s).is_some()
                            || s == super::layout::normal(super::layout::FINDINGS)
                    }))
            });
        if let Some(other) = foreign {
            return Err(Error::Exists { path: other.path() });
        }
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".persona-atlas-")
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, "create a folder", e))?;
    for table in &book.tables {
        let file = super::layout::sheet_named(&table.name)
            .map_or_else(|| super::layout::normal(&table.name), |s| s.file.to_owned());
        let path = temp.path().join(format!("{file}.csv"));
        std::fs::write(&path, table_text(table)).map_err(|e| Error::io(&path, "write", e))?;
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, "replace the folder", e))?;
    }
    let kept = temp.keep();
    std::fs::rename(&kept, dir).map_err(|e| {
        let _ = std::fs::remove_dir_all(&kept);
        Error::io(dir, "write the folder", e)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_texts_are_defused_and_read_back_as_written() {
        for text in [
            "=1+1",
            "+44 20",
            "-5 accounts",
            "@handle",
            "plain",
            "'quoted",
        ] {
            let written = field(text);
            let read = undefused(written.trim_matches('"'));
            assert_eq!(read, text, "{written}");
        }
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
