//! Reading a table of records for a match: CSV or TSV, streamed record by
//! record, hashed as it is read.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{TrySendError, channel, sync_channel};

use sha2::{Digest, Sha256};

use serde::Serialize;
use ts_rs::TS;

use super::eval::{Header, read_number};
use super::{ColumnValues, Expr, MatchReport, Matcher, Source, Unreadable, rules_of};
use crate::error::{Error, Result};
use crate::model::{Date, PersonaId, Project};

/// The largest table a match reads. A match streams, so memory is not the
/// limit; at about 100 MB a second, 4 GB is a long wait already, and a
/// warehouse (`rules-sql`) is the tool beyond it.
pub const MAX_TABLE_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// How a table is matched.
#[derive(Clone, Debug, Default)]
pub struct MatchOptions {
    /// The column records are grouped into accounts by.
    pub account: Option<String>,
    /// The sheet of a workbook to read (the first when none is named).
    pub sheet: Option<String>,
    /// Also find the values most common among the records no persona
    /// matches ([`TableMatch::unmatched_values`]).
    pub unmatched_values: bool,
}

/// Watches a match from another thread: how far it has read, and a way to
/// stop it. A stopped match ends with [`Error::Cancelled`] at its next
/// batch of records.
#[derive(Debug, Default)]
pub struct Watch {
    read: AtomicU64,
    cancelled: AtomicBool,
}

impl Watch {
    /// Bytes of the file read so far.
    pub fn read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// Asks the match to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the match was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Cancelled { what: "match" })
        } else {
            Ok(())
        }
    }
}

/// A match as the app shows it: the spec's report, with what helps a user
/// read it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TableMatch {
    /// The report (`rules-v1.md`).
    pub report: MatchReport,
    /// The file's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The sheets of a workbook, in order (empty for CSV or TSV).
    pub sheets: Vec<String>,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The values most common among the records no persona matches, when
    /// asked for.
    pub unmatched_values: Vec<ColumnValues>,
}

/// How many records one rule matches, as the rule editor shows it while
/// the rule is typed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RuleCount {
    /// Records read.
    #[ts(type = "number")]
    pub records: u64,
    /// Records the rule is true for.
    #[ts(type = "number")]
    pub matched: u64,
    /// `matched` / records.
    pub share: f64,
    /// Columns the rule names that the table lacks (then nothing matches).
    pub missing_columns: Vec<String>,
    /// Columns with cells the rule could not read as its tests' kind.
    pub unreadable: Vec<Unreadable>,
}

/// The most a workbook's parts may hold unpacked: a few kilobytes of zip
/// can unpack to gigabytes, and its shared strings are held in memory.
const MAX_UNPACKED_BYTES: u64 = 16 * 1024 * 1024 * 1024;
const MAX_SHARED_STRINGS_BYTES: u64 = 1024 * 1024 * 1024;

/// Hashes every byte read through it, and counts them on the watch.
struct Hashing<'w, R> {
    inner: R,
    hash: Sha256,
    watch: &'w Watch,
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.watch.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A workbook's file, its position told to the watch as it is read.
struct Tracked<'w, R> {
    inner: R,
    watch: &'w Watch,
}

impl<R: Read + Seek> Read for Tracked<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(at) = self.inner.stream_position() {
            self.watch.read.fetch_max(at, Ordering::Relaxed);
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Tracked<'_, R> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// The delimiter a CSV file's header uses: the most frequent of `,` `;` and
/// tab outside quotes in its first line (`,` when there is none).
pub(crate) fn delimiter(head: &[u8]) -> u8 {
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
    let rules = rules_of(project).map_err(|p| Error::Invalid {
        source_name: "the project".to_owned(),
        problems: crate::error::Problems(vec![p]),
    })?;
    match_table(project, &rules, path, options, &Watch::default()).map(|m| m.report)
}

/// How many of the records in the table at `path` the rule `rule` matches,
/// as persona `persona`'s (whose buying role the project gives).
pub fn count_rule(
    project: &Project,
    persona: &PersonaId,
    rule: &Expr,
    path: &Path,
    sheet: Option<String>,
    watch: &Watch,
) -> Result<RuleCount> {
    let options = MatchOptions {
        sheet,
        ..MatchOptions::default()
    };
    let rules = [(persona.clone(), rule.clone())];
    let found = match_table(project, &rules, path, &options, watch)?.report;
    Ok(RuleCount {
        records: found.records,
        matched: found.personas.first().map_or(0, |p| p.matched),
        share: found.personas.first().map_or(0.0, |p| p.share),
        missing_columns: found
            .missing_columns
            .into_iter()
            .map(|m| m.column)
            .collect(),
        unreadable: found.unreadable,
    })
}

/// The sheets of the workbook at `path`, in order; empty for a CSV or TSV
/// file.
pub fn sheets(path: &Path) -> Result<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut head = [0u8; 4];
    let file = File::open(path).map_err(|e| Error::io(path, "read the table", e))?;
    let mut reader = BufReader::new(file);
    let n = reader
        .read(&mut head)
        .map_err(|e| Error::io(path, "read the table", e))?;
    if &head[..n] != b"PK\x03\x04" {
        return Ok(Vec::new());
    }
    reader
        .rewind()
        .map_err(|e| Error::io(path, "read the table", e))?;
    let book: Xlsx<_> = Xlsx::new(reader).map_err(|e| Error::Table {
        path: path.to_owned(),
        detail: format!("this workbook cannot be read: {e}"),
    })?;
    Ok(book.sheet_names())
}

/// Matches `rules` against the table at `path`, reading it once in
/// constant memory, telling `watch` how far it has read and stopping when
/// it is cancelled.
pub fn match_table(
    project: &Project,
    rules: &[(PersonaId, Expr)],
    path: &Path,
    options: &MatchOptions,
    watch: &Watch,
) -> Result<TableMatch> {
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
        drop(reader);
        return crate::input::guarded(
            || match_workbook(project, path, size, options, rules, watch),
            || table_error("this workbook is damaged and cannot be read".to_owned()),
        );
    }
    if options.sheet.is_some() {
        return Err(table_error(
            "--sheet names a sheet of a workbook, and this is a CSV or TSV file".to_owned(),
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
        watch,
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
    let (header, matcher) = bind(project, rules, &names, options, &table_error)?;

    // One thread parses; records go to the other in batches, and when it is
    // behind, the parser counts a batch itself, so both cores count and
    // neither waits. Each thread keeps its own counts, merged at the end.
    let width = names.len();
    let failed = AtomicBool::new(false);
    let (work_tx, work_rx) = sync_channel::<Batch>(4);
    let (free_tx, free_rx) = channel::<Batch>();
    let counted = std::thread::scope(|scope| -> std::result::Result<Matcher, (u64, Error)> {
        let worker = scope.spawn(|| -> std::result::Result<Option<Matcher>, (u64, Error)> {
            let Ok(mut theirs) = Matcher::new(project, rules, &header, options.account.as_deref())
            else {
                return Ok(None);
            };
            if options.unmatched_values {
                theirs.tally_unmatched();
            }
            for batch in work_rx {
                if let Err(e) = count_batch(&mut theirs, &batch, width, &table_error) {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                if free_tx.send(batch).is_err() {
                    break;
                }
            }
            Ok(Some(theirs))
        });
        let mut own = matcher;
        let mut batch = Batch::default();
        let mut to_worker = Some(work_tx);
        let mut own_error: Option<(u64, Error)> = None;
        loop {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            if batch.n == batch.records.len() {
                batch.records.push(csv::ByteRecord::new());
            }
            let more = match csv.read_byte_record(&mut batch.records[batch.n]) {
                Ok(more) => more,
                Err(e) => {
                    let line = e.position().map_or(u64::MAX, csv::Position::line);
                    own_error = Some((line, describe(e)));
                    break;
                }
            };
            if more {
                batch.n += 1;
            }
            if batch.n < BATCH && more {
                continue;
            }
            if let Err(e) = watch.check() {
                own_error = Some((0, e));
                break;
            }
            let full = std::mem::take(&mut batch);
            // Handed over, the worker counts it and a counted one comes
            // back for reuse; refused (the worker is busy or gone), it is
            // counted here.
            let refused = match to_worker.as_ref() {
                Some(tx) => match tx.try_send(full) {
                    Ok(()) => None,
                    Err(TrySendError::Full(mine)) => Some(mine),
                    Err(TrySendError::Disconnected(mine)) => {
                        to_worker = None;
                        Some(mine)
                    }
                },
                None => Some(full),
            };
            let mut next = match refused {
                None => free_rx.try_recv().unwrap_or_default(),
                Some(mine) => {
                    if let Err(e) = count_batch(&mut own, &mine, width, &table_error) {
                        own_error = Some(e);
                        break;
                    }
                    mine
                }
            };
            next.n = 0;
            batch = next;
            if !more {
                break;
            }
        }
        drop(to_worker);
        let theirs = worker.join().unwrap_or(Ok(None));
        // The error first in the file is the one to report.
        match (own_error, theirs) {
            (Some(a), Err(b)) => Err(if a.0 <= b.0 { a } else { b }),
            (Some(a), _) | (None, Err(a)) => Err(a),
            (None, Ok(theirs)) => {
                if let Some(theirs) = theirs {
                    own.merge(theirs);
                }
                Ok(own)
            }
        }
    });
    let mut matcher = counted.map_err(|(_, e)| e)?;
    let stream = csv.into_inner();
    let sha256 = hex(&stream.hash.finalize());
    let source = Source {
        name: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        columns: header.names().to_vec(),
        sha256,
        bytes: size,
    };
    let unmatched_values = matcher.unmatched_values(&header);
    Ok(TableMatch {
        report: matcher.finish(source, &header),
        bytes: size,
        sheets: Vec::new(),
        sheet: None,
        unmatched_values,
    })
}

/// Records handed from the parsing thread to a counting one.
#[derive(Default)]
struct Batch {
    records: Vec<csv::ByteRecord>,
    /// How many of `records` hold this batch's records.
    n: usize,
}

/// Records per batch: large enough that handing one over costs nothing
/// beside counting it, small enough to keep both threads busy.
const BATCH: usize = 2048;

/// Counts a batch of records, each read as UTF-8 text.
fn count_batch(
    matcher: &mut Matcher,
    batch: &Batch,
    width: usize,
    table_error: &dyn Fn(String) -> Error,
) -> std::result::Result<(), (u64, Error)> {
    let mut cells: Vec<&str> = Vec::with_capacity(width);
    for record in &batch.records[..batch.n] {
        cells.clear();
        // The whole record is checked at once (fast for the usual ASCII),
        // then cut into fields at their bounds; only a record that fails
        // is looked at field by field, to say which.
        let whole = std::str::from_utf8(record.as_slice()).ok();
        for i in 0..record.len() {
            let field = whole
                .zip(record.range(i))
                .and_then(|(text, range)| text.get(range));
            let text = match field {
                Some(text) => text,
                None => std::str::from_utf8(&record[i]).map_err(|_| {
                    let line = record.position().map_or(0, csv::Position::line);
                    (
                        line,
                        table_error(format!(
                            "line {line}, column {}: the text is not UTF-8; save the table as \
                             UTF-8",
                            i + 1
                        )),
                    )
                })?,
            };
            cells.push(super::trimmed(text));
        }
        matcher.record(&cells);
    }
    Ok(())
}

/// The SHA-256 of the file at `path`, in hex.
fn sha256_of(path: &Path) -> Result<String> {
    let file = File::open(path).map_err(|e| Error::io(path, "read the table", e))?;
    let unwatched = Watch::default();
    let mut stream = Hashing {
        inner: BufReader::with_capacity(1 << 20, file),
        hash: Sha256::new(),
        watch: &unwatched,
    };
    std::io::copy(&mut stream, &mut std::io::sink())
        .map_err(|e| Error::io(path, "read the table", e))?;
    Ok(hex(&stream.hash.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A workbook cell as the rules read it: numbers, booleans and dates by
/// their type (a whole number without a decimal point, a date as
/// `YYYY-MM-DD`), text as it is, errors and empty cells as missing.
fn cell_text(value: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match value {
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{f:.0}")
        }
        DataRef::Float(f) if f.is_finite() => format!("{f}"),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        DataRef::DateTime(d) => format!("{}", d.as_f64()),
        DataRef::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Float(_) | DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// Refuses a workbook whose parts unpack to more than a match holds, from
/// the zip's own directory, before any part is unpacked.
fn check_unpacked(path: &Path, table_error: &dyn Fn(String) -> Error) -> Result<()> {
    let (unpacked, shared) = crate::input::unpacked_sizes(path).map_err(table_error)?;
    if shared > MAX_SHARED_STRINGS_BYTES {
        return Err(table_error(format!(
            "its shared text unpacks to {} MB, more than the {} MB a match holds",
            shared / 1_000_000,
            MAX_SHARED_STRINGS_BYTES / 1_000_000
        )));
    }
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(table_error(format!(
            "it unpacks to {} GB, more than the {} GB a match reads",
            unpacked / 1_000_000_000,
            MAX_UNPACKED_BYTES / 1_000_000_000
        )));
    }
    Ok(())
}

/// Matches an XLSX workbook's sheet: its first row with any cell is the
/// header, each later row a record. Streamed cell by cell.
fn match_workbook(
    project: &Project,
    path: &Path,
    size: u64,
    options: &MatchOptions,
    rules: &[(crate::model::PersonaId, super::Expr)],
    watch: &Watch,
) -> Result<TableMatch> {
    use calamine::{Reader, Xlsx};
    let table_error = |detail: String| Error::Table {
        path: path.to_owned(),
        detail,
    };
    check_unpacked(path, &table_error)?;
    let file = File::open(path).map_err(|e| Error::io(path, "read the table", e))?;
    let tracked = Tracked {
        inner: BufReader::with_capacity(1 << 16, file),
        watch,
    };
    let mut book: Xlsx<_> = Xlsx::new(tracked)
        .map_err(|e| table_error(format!("this workbook cannot be read: {e}")))?;
    let sheets = book.sheet_names();
    let sheet = match &options.sheet {
        Some(name) => sheets.iter().find(|s| *s == name).cloned().ok_or_else(|| {
            let list: Vec<String> = sheets.iter().map(|s| format!("{s:?}")).collect();
            table_error(format!(
                "the workbook has no sheet {name:?}; its sheets are {}",
                list.join(", ")
            ))
        })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| table_error("the workbook has no sheet".to_owned()))?,
    };
    let mut cells_reader = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| table_error(format!("sheet {sheet:?} cannot be read: {e}")))?;

    // The first row with a cell is the header; the matcher is bound to it
    // when the next row begins.
    let mut header_cells: Vec<String> = Vec::new();
    let mut header_row: Option<u32> = None;
    let mut bound: Option<(Header, Matcher)> = None;
    let mut row: Vec<String> = Vec::new();
    let mut row_at: Option<u32> = None;
    let flush = |row: &mut Vec<String>, matcher: &mut Matcher| {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        matcher.record(&cells);
        row.iter_mut().for_each(String::clear);
    };
    loop {
        let cell = cells_reader
            .next_cell()
            .map_err(|e| table_error(format!("sheet {sheet:?} cannot be read: {e}")))?;
        let Some(cell) = cell else { break };
        let (r, c) = cell.get_position();
        let text = cell_text(cell.get_value());
        if bound.is_none() {
            if header_row.is_none_or(|h| h == r) {
                header_row = Some(r);
                let at = c as usize;
                if header_cells.len() <= at {
                    header_cells.resize(at + 1, String::new());
                }
                header_cells[at] = text;
                continue;
            }
            bound = Some(bind(project, rules, &header_cells, options, &table_error)?);
            row = vec![String::new(); header_cells.len()];
        }
        let Some((_, matcher)) = bound.as_mut() else {
            continue;
        };
        if row_at != Some(r) {
            if row_at.is_some() {
                flush(&mut row, matcher);
                if r % 1024 == 0 {
                    watch.check()?;
                }
            }
            row_at = Some(r);
        }
        if text.is_empty() {
            continue;
        }
        let at = c as usize;
        if at >= row.len() {
            return Err(table_error(format!(
                "sheet {sheet:?}, cell {}{}: a value beyond the header's last column; \
                 every value needs a column named in the first row",
                crate::sheets::column_letters(c as usize),
                r + 1
            )));
        }
        row[at] = text;
    }
    if bound.is_none() && header_row.is_some() {
        bound = Some(bind(project, rules, &header_cells, options, &table_error)?);
    }
    let Some((header, mut matcher)) = bound else {
        return Err(table_error(format!(
            "sheet {sheet:?} is empty; a table needs a header row"
        )));
    };
    if row_at.is_some() {
        flush(&mut row, &mut matcher);
    }
    watch.check()?;
    let source = Source {
        name: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        columns: header.names().to_vec(),
        sha256: sha256_of(path)?,
        bytes: size,
    };
    let unmatched_values = matcher.unmatched_values(&header);
    Ok(TableMatch {
        report: matcher.finish(source, &header),
        bytes: size,
        sheets: sheets.clone(),
        sheet: Some(sheet),
        unmatched_values,
    })
}

/// The header of a table and a matcher bound to it, after the checks a
/// header gets in every format.
fn bind(
    project: &Project,
    rules: &[(crate::model::PersonaId, super::Expr)],
    names: &[String],
    options: &MatchOptions,
    table_error: &dyn Fn(String) -> Error,
) -> Result<(Header, Matcher)> {
    check_header(names).map_err(table_error)?;
    let header = Header::new(names.iter().map(String::as_str)).map_err(table_error)?;
    let mut matcher =
        Matcher::new(project, rules, &header, options.account.as_deref()).map_err(table_error)?;
    if options.unmatched_values {
        matcher.tally_unmatched();
    }
    Ok((header, matcher))
}

/// A header names columns: not all blank, not all values.
fn check_header(names: &[String]) -> std::result::Result<(), String> {
    if names.iter().all(|n| n.trim().is_empty()) {
        return Err("the first row names no columns".to_owned());
    }
    if names
        .iter()
        .all(|n| n.trim().is_empty() || looks_like_value(n))
    {
        let sample: Vec<String> = names.iter().take(3).map(|n| format!("{n:?}")).collect();
        return Err(format!(
            "the first row should name the columns, but it holds values ({}); add a header row",
            sample.join(", ")
        ));
    }
    Ok(())
}
