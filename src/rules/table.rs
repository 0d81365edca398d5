//! Reading a table of records for a match: CSV or TSV, streamed record by
//! record, hashed as it is read.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::eval::{Header, read_number};
use super::{MatchReport, Matcher, Source, rules_of};
use crate::error::{Error, Result};
use crate::model::{Date, Project};

/// The largest table a match reads. A match streams, so memory is not the
/// limit; at about 100 MB a second, 4 GB is a long wait already, and a
/// warehouse (`rules-sql`) is the tool beyond it.
pub const MAX_TABLE_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// How a table is matched.
#[derive(Clone, Debug, Default)]
pub struct MatchOptions {
    /// The column records are grouped into accounts by.
    pub account: Option<String>,
}

/// Hashes every byte read through it.
struct Hashing<R> {
    inner: R,
    hash: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

/// The delimiter a CSV file's header uses: the most frequent of `,` `;` and
/// tab outside quotes in its first line (`,` when there is none).
fn delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// Whether a header cell looks like a value rather than a column's name.
fn looks_like_value(cell: &str) -> bool {
    let c = cell.trim();
    read_number(c).is_some() || Date::parse(c).is_ok()
}

/// Matches every persona's rules against the table at `path` and reports as
/// `rules-v1.md` says. Reads the file once, in constant memory.
pub fn match_file(project: &Project, path: &Path, options: &MatchOptions) -> Result<MatchReport> {
    let table_error = |detail: String| Error::Table {
        path: path.to_owned(),
        detail,
    };
    let size = crate::input::regular_file(path)?;
    if size > MAX_TABLE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_TABLE_BYTES,
        });
    }
    let rules = rules_of(project).map_err(|p| Error::Invalid {
        source_name: "the project".to_owned(),
        problems: crate::error::Problems(vec![p]),
    })?;
    let file = File::open(path).map_err(|e| Error::io(path, "read the table", e))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut head = vec![0u8; 64 * 1024];
    let mut filled = 0;
    while filled < head.len() {
        let n = reader
            .read(&mut head[filled..])
            .map_err(|e| Error::io(path, "read the table", e))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    head.truncate(filled);
    if head.starts_with(b"PK\x03\x04") {
        return Err(table_error(
            "this is a spreadsheet workbook (XLSX); save the sheet as CSV to match it".to_owned(),
        ));
    }
    if head.is_empty() {
        return Err(table_error(
            "the file is empty; a table needs a header row".to_owned(),
        ));
    }
    if head.contains(&0) {
        return Err(table_error(
            "this is not a CSV or TSV text file (it holds binary data)".to_owned(),
        ));
    }
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    let delim = delimiter(body);
    let stream = Hashing {
        inner: std::io::Cursor::new(head.clone()).chain(reader),
        hash: Sha256::new(),
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(false)
        .from_reader(stream);

    let mut record = csv::ByteRecord::new();
    let describe = |e: csv::Error| -> Error {
        let at = e
            .position()
            .map(|p| format!("line {}: ", p.line()))
            .unwrap_or_default();
        match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => table_error(format!(
                "{at}{len} fields, where the header has {expected_len}; every row needs one \
                 field per column"
            )),
            csv::ErrorKind::Io(io) => table_error(format!("{at}cannot be read: {io}")),
            _ => table_error(format!("{at}{e}")),
        }
    };
    let has_header = csv.read_byte_record(&mut record).map_err(describe)?;
    if !has_header {
        return Err(table_error(
            "the file is empty; a table needs a header row".to_owned(),
        ));
    }
    let mut names = Vec::with_capacity(record.len());
    for (i, field) in record.iter().enumerate() {
        let text = std::str::from_utf8(field).map_err(|_| {
            table_error(format!(
                "line 1, column {}: the header is not UTF-8 text",
                i + 1
            ))
        })?;
        let text = if i == 0 {
            text.trim_start_matches('\u{feff}')
        } else {
            text
        };
        names.push(text.to_owned());
    }
    if names.iter().all(|n| n.trim().is_empty()) {
        return Err(table_error("the first row names no columns".to_owned()));
    }
    if names
        .iter()
        .all(|n| n.trim().is_empty() || looks_like_value(n))
    {
        let sample: Vec<String> = names.iter().take(3).map(|n| format!("{n:?}")).collect();
        return Err(table_error(format!(
            "the first row should name the columns, but it holds values ({}); add a header row",
            sample.join(", ")
        )));
    }
    let header = Header::new(names.iter().map(String::as_str)).map_err(table_error)?;
    let mut matcher =
        Matcher::new(project, &rules, &header, options.account.as_deref()).map_err(table_error)?;

    let mut line = 1u64;
    loop {
        let more = csv.read_byte_record(&mut record).map_err(describe)?;
        if !more {
            break;
        }
        line = record.position().map_or(line + 1, |p| p.line());
        // A blank line is no record.
        if record.len() == 1 && record[0].is_empty() && names.len() > 1 {
            continue;
        }
        let mut cells: Vec<&str> = Vec::with_capacity(names.len());
        for (i, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                table_error(format!(
                    "line {line}, column {}: the text is not UTF-8; save the table as UTF-8",
                    i + 1
                ))
            })?;
            cells.push(text);
        }
        matcher.record(&cells);
    }
    let stream = csv.into_inner();
    let sha256 = stream
        .hash
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let source = Source {
        name: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        columns: header.names().to_vec(),
        sha256,
        bytes: size,
    };
    Ok(matcher.finish(source, &header))
}
