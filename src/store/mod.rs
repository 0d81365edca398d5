//! The project file: one SQLite database, and the only place with SQL.
//!
//! The file is the whole project at every moment outside a write, so it can
//! be copied or mailed at any time. How SQLite is used, and why:
//! - **Journal**: the rollback journal (`journal_mode = DELETE`), never WAL,
//!   so no sidecar file holds data once a write has committed. A file some
//!   other tool put in WAL mode is read as it is by the read-only paths and
//!   switched back by the first write.
//! - **Sync**: `synchronous = FULL`: a committed edit survives a power cut.
//! - **Writes**: every edit is one `BEGIN IMMEDIATE` transaction, which takes
//!   the write lock before it reads, so nothing read in it can be stale.
//! - **A second writer** (another window, the command line, a script) waits
//!   up to 5 s (`busy_timeout`) for the lock, then is told the file is busy.
//!   Each connection notes the file's `data_version` when it reads it; a
//!   write on a file that another connection has committed to since is
//!   refused ([`crate::Error::ChangedOnDisk`]) rather than written over it.
//! - **Readers** (export, analyze, matrices) open the file read-only and
//!   change nothing, not its journal mode, not an older schema (upgraded in
//!   a copy in memory); `info` does not even read the project.
//! - **New files** are written under a temporary name in the target folder
//!   and renamed into place when complete; a journal left beside a file
//!   being replaced is removed first, so SQLite can never apply it to the
//!   new file, and temporary files that a killed writer left are cleared.
//! - **Checks on open**: the 100-byte header is read by hand before SQLite
//!   opens anything, so a file that is not ours, is newer than this build
//!   or is truncated is refused without a single byte being written; then
//!   `quick_check` checks the structure, and reading checks every value and
//!   every reference.

mod header;

pub use header::is_sqlite;
mod read;
mod write;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::atomic::{persist, sync_parent, temp_beside};
use crate::change::Change;
use crate::error::{Error, Result};
use crate::model::Project;

/// `PRAGMA application_id` of every project file: "PATL" in ASCII.
pub const APPLICATION_ID: u32 = 0x5041_544C;

/// The schema migrations, in order. Append only: a released migration is
/// never edited, since files written by it exist on users' disks.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
];

/// The schema version this build writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// An open project file.
#[derive(Debug)]
pub struct ProjectFile {
    path: PathBuf,
    conn: Connection,
}

impl ProjectFile {
    /// Opens an existing project, upgrading its schema if it was written by
    /// an older version. A file that is not a project, is damaged or was
    /// written by a newer version is refused and left exactly as it was.
    pub fn open(path: &Path) -> Result<Self> {
        header::check(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| damaged_or_store(path, e))?;
        configure(&conn).map_err(|e| damaged_or_store(path, e))?;
        sound(&conn, path)?;
        let mut file = ProjectFile {
            path: path.to_owned(),
            conn,
        };
        file.migrate()?;
        file.clear_stale_journal()?;
        Ok(file)
    }

    /// Opens a project to read it, never changing a byte of the file: opened
    /// read-only, its journal mode left as it is, and a file of an older
    /// schema upgraded in a copy in memory rather than on disk. Checked as
    /// [`ProjectFile::open`] checks. Export, analysis and the matrices read
    /// through it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        header::check(path)?;
        let conn = connect_read_only(path)?;
        sound(&conn, path)?;
        let mut file = ProjectFile {
            path: path.to_owned(),
            conn,
        };
        if file.schema_version()? < SCHEMA_VERSION {
            let mut copy = Connection::open_in_memory().map_err(Error::store(path))?;
            rusqlite::backup::Backup::new(&file.conn, &mut copy)
                .and_then(|b| b.run_to_completion(1024, std::time::Duration::ZERO, None))
                .map_err(|e| damaged_or_store(path, e))?;
            copy.pragma_update(None, "foreign_keys", "ON")
                .map_err(Error::store(path))?;
            file.conn = copy;
            file.migrate()?;
        }
        Ok(file)
    }

    /// Opens a project only to describe it (`persona-atlas info`): read-only,
    /// so nothing about the file changes, not even an upgrade of an older
    /// schema, and without [`ProjectFile::open`]'s whole-file check, which
    /// costs about 18 ms per megabyte (370 ms at 20,000 personas). What it
    /// reads, the name and the counts, SQLite still checks page by page.
    /// Everything that reads the content uses `open`.
    pub fn peek(path: &Path) -> Result<Self> {
        header::check(path)?;
        let conn = connect_read_only(path)?;
        Ok(ProjectFile {
            path: path.to_owned(),
            conn,
        })
    }

    /// The schema version the file is written in.
    pub fn schema_version(&self) -> Result<u32> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|e| damaged_or_store(&self.path, e))?;
        Ok(u32::try_from(v).unwrap_or(0))
    }

    /// Removes a rollback journal that a killed writer left behind and
    /// SQLite did not need: a hot journal is rolled back (and deleted) by
    /// SQLite itself as soon as the file is read, but one the writer was
    /// killed while creating holds nothing to roll back and would stay
    /// beside the project for ever. It is removed under the write lock, so
    /// never while another program is in the middle of a write.
    fn clear_stale_journal(&mut self) -> Result<()> {
        let mut journal = self.path.clone().into_os_string();
        journal.push("-journal");
        let journal = PathBuf::from(journal);
        if !journal.exists() {
            return Ok(());
        }
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| busy_or_store(&path, e))?;
        // Holding the write lock, and the file read: a hot journal has been
        // rolled back by now, and no other writer is mid-transaction.
        if journal.exists() {
            fs::remove_file(&journal)
                .map_err(|e| Error::io(&journal, "remove the stale journal", e))?;
        }
        tx.commit().map_err(Error::store(&path))
    }

    /// Writes `project` to a new file at `path` and opens it. Nothing is left
    /// at `path` unless the whole project was written. An existing file is
    /// replaced only when `overwrite` is set.
    pub fn create(path: &Path, project: &Project, overwrite: bool) -> Result<Self> {
        Self::create_with_layout(path, project, &[], overwrite)
    }

    /// As [`ProjectFile::create`], with the map's layout (`positions` of
    /// the project's entities, each within the map) in the same transaction.
    pub fn create_with_layout(
        path: &Path,
        project: &Project,
        positions: &[crate::model::NodePosition],
        overwrite: bool,
    ) -> Result<Self> {
        if !overwrite && path.exists() {
            return Err(Error::Exists {
                path: path.to_owned(),
            });
        }
        let temp = temp_beside(path)?;
        {
            let mut conn = Connection::open(temp.path()).map_err(Error::store(path))?;
            configure(&conn).map_err(Error::store(path))?;
            conn.pragma_update(None, "application_id", APPLICATION_ID as i32)
                .map_err(Error::store(path))?;
            migrations()
                .to_latest(&mut conn)
                .map_err(|source| Error::Migration {
                    path: path.to_owned(),
                    cause: source,
                })?;
            let tx = conn.transaction().map_err(Error::store(path))?;
            write::insert_project(&tx, project, positions).map_err(Error::store(path))?;
            tx.commit().map_err(Error::store(path))?;
            conn.close().map_err(|(_, e)| Error::store(path)(e))?;
        }
        if overwrite {
            clear_sidecars(path)?;
        }
        persist(temp, path, overwrite)?;
        ProjectFile::open(path)
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the whole project. Lists come back sorted by id; lists inside
    /// an entity in the order they were written. Read in one transaction, as
    /// [`ProjectFile::snapshot`] reads: read statement by statement, a
    /// commit by the app between two of them mixed two states, whose sum
    /// then matched neither, and a sound file was called damaged.
    pub fn load(&self) -> Result<Project> {
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(Error::store(&self.path))?;
        let project = checked(&tx, &self.path)?.project;
        tx.commit().map_err(Error::store(&self.path))?;
        Ok(project)
    }

    fn load_error(&self, e: read::LoadError) -> Error {
        load_error(&self.path, e)
    }

    /// Writes a complete copy of the project to `to` (Save As). The copy is
    /// written under a temporary name and renamed into place when complete.
    pub fn copy_to(&self, to: &Path, overwrite: bool) -> Result<()> {
        if !overwrite && to.exists() {
            return Err(Error::Exists {
                path: to.to_owned(),
            });
        }
        if same_file(&self.path, to) {
            return Ok(());
        }
        let temp = temp_beside(to)?;
        // VACUUM INTO refuses to write over a file, even an empty one.
        let temp_path = temp.into_temp_path();
        fs::remove_file(&temp_path).map_err(|e| Error::io(to, "write the copy", e))?;
        let target = temp_path
            .to_str()
            .ok_or_else(|| {
                Error::io(
                    to,
                    "write the copy",
                    std::io::Error::other("the path is not valid UTF-8"),
                )
            })?
            .to_owned();
        self.conn
            .execute("VACUUM INTO ?1", [&target])
            .map_err(Error::store(to))?;
        let file = fs::OpenOptions::new()
            .read(true)
            .open(&temp_path)
            .map_err(|e| Error::io(to, "write the copy", e))?;
        file.sync_all()
            .map_err(|e| Error::io(to, "write the copy", e))?;
        drop(file);
        if overwrite {
            clear_sidecars(to)?;
        }
        if overwrite {
            temp_path.persist(to)
        } else {
            temp_path.persist_noclobber(to)
        }
        .map_err(|e| Error::io(to, "write the copy", e.error))?;
        sync_parent(to);
        Ok(())
    }

    /// How many entities of each kind the file holds, counted by SQLite
    /// without reading them. O(rows) within SQLite, no allocation per row.
    pub fn counts(&self) -> Result<crate::model::Counts> {
        let count = |table: &str| -> Result<usize> {
            // The table names are this module's own constants, never input.
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })
                .map_err(|e| damaged_or_store(&self.path, e))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok(crate::model::Counts {
            market_segments: count("market_segment")?,
            customer_segments: count("customer_segment")?,
            buying_roles: count("buying_role")?,
            needs: count("need")?,
            products: count("product")?,
            competitors: count("competitor")?,
            personas: count("persona")?,
            relationships: count("relationship")?,
            buying_units: count("buying_unit")?,
            // `info` reads a file of an older schema as it is, without
            // upgrading it: before schema 5 there are no journeys.
            journeys: if self.schema_version()? >= 5 {
                count("journey")?
            } else {
                0
            },
        })
    }

    /// The project's name and description, without reading the rest.
    pub fn meta(&self) -> Result<crate::model::ProjectMeta> {
        self.conn
            .query_row("SELECT name, description FROM project", [], |row| {
                Ok(crate::model::ProjectMeta {
                    name: row.get(0)?,
                    description: row.get(1)?,
                })
            })
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Error::Damaged {
                    path: self.path.clone(),
                    detail: "it has no project name (the project row is missing)".to_owned(),
                },
                e => damaged_or_store(&self.path, e),
            })
    }

    /// Reads the whole project, its map positions and the file's data
    /// version, all from one consistent snapshot: a write by another process
    /// lands wholly before or wholly after. O(project).
    pub fn snapshot(&mut self) -> Result<Snapshot> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)
            .map_err(Error::store(&path))?;
        let snapshot = checked(&tx, &path)?;
        tx.commit().map_err(Error::store(&path))?;
        Ok(snapshot)
    }

    /// Writes `change` in one `BEGIN IMMEDIATE` transaction: the write lock
    /// is taken first, then the file is checked to still be the one this
    /// connection read at `version`; if another process committed in
    /// between, nothing is written and [`Error::ChangedOnDisk`] says so.
    /// Either the whole change is written or none of it. O(size of the
    /// change).
    pub fn commit(&mut self, change: &Change, version: i64, checksum: u64) -> Result<()> {
        let lock = self.lock_for_write()?;
        if lock.version()? != version {
            return Err(Error::ChangedOnDisk {
                path: lock.path.to_owned(),
            });
        }
        lock.commit(change, checksum)
    }

    /// Takes the file's write lock (`BEGIN IMMEDIATE`): until the returned
    /// lock is committed or dropped (which rolls back), no other program can
    /// write, so what is read through it cannot go stale.
    pub fn lock_for_write(&mut self) -> Result<WriteLock<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| busy_or_store(&self.path, e))?;
        Ok(WriteLock {
            tx,
            path: &self.path,
        })
    }

    /// The file's data version as this connection sees it now: it differs
    /// from a [`Snapshot`]'s when another connection committed since.
    pub fn data_version(&self) -> Result<i64> {
        data_version(&self.conn).map_err(Error::store(&self.path))
    }

    /// Where the user placed nodes on the map, by id.
    pub fn positions(&self) -> Result<Vec<crate::model::NodePosition>> {
        read::positions(&self.conn).map_err(|e| self.load_error(e))
    }

    /// The thresholds stored in the project.
    pub fn thresholds(&self) -> Result<crate::model::Thresholds> {
        read::thresholds(&self.conn).map_err(|e| self.load_error(e))
    }

    fn migrate(&mut self) -> Result<()> {
        migrations()
            .to_latest(&mut self.conn)
            .map_err(|source| Error::Migration {
                path: self.path.clone(),
                cause: source,
            })
    }
}

/// Before a new file is renamed over `path`: a journal or WAL that a killed
/// writer left beside the old file would be taken by SQLite for the new
/// file's and applied to it, damaging it. The old file is first given the
/// chance to roll its own journal back (under its write lock), then what is
/// left beside it is removed.
fn clear_sidecars(path: &Path) -> Result<()> {
    let beside = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    let sidecars = [beside("-journal"), beside("-wal"), beside("-shm")];
    if !sidecars.iter().any(|p| p.exists()) {
        return Ok(());
    }
    if matches!(header::is_sqlite(path), Ok(true))
        && let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    {
        let _ = conn.busy_timeout(std::time::Duration::from_secs(5));
        let _ = conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;");
        let _ = conn.close();
    }
    for p in &sidecars {
        match fs::remove_file(p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(p, "remove the old journal", e)),
        }
    }
    Ok(())
}

/// The write lock of a project file, held until it is committed or dropped.
pub struct WriteLock<'a> {
    tx: rusqlite::Transaction<'a>,
    path: &'a Path,
}

impl WriteLock<'_> {
    /// The file's data version, as of now.
    pub fn version(&self) -> Result<i64> {
        data_version(&self.tx).map_err(Error::store(self.path))
    }

    /// The whole project as it is in the file now. O(project).
    pub fn snapshot(&self) -> Result<Snapshot> {
        checked(&self.tx, self.path)
    }

    /// Writes `change` with the content's new `checksum` and commits,
    /// releasing the lock. O(size of the change).
    pub fn commit(self, change: &Change, checksum: u64) -> Result<()> {
        write::write_change(&self.tx, change, checksum).map_err(Error::store(self.path))?;
        let path = self.path;
        self.tx.commit().map_err(|e| busy_or_store(path, e))
    }
}

/// A read-only connection that leaves no file behind. A file in WAL mode
/// (put there by another tool) would get `-wal` and `-shm` files that a
/// reader cannot remove; when no other program has it open (no `-wal`
/// beside it), it is opened as immutable, which needs neither.
fn connect_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let conn = if header::is_wal(path) && !Path::new(&wal).exists() {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)?),
            flags | OpenFlags::SQLITE_OPEN_URI,
        )
    } else {
        Connection::open_with_flags(path, flags)
    }
    .map_err(|e| damaged_or_store(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|e| damaged_or_store(path, e))?;
    Ok(conn)
}

/// `path` as the path part of a `file:` URI: absolute, with every byte
/// outside the unreserved set percent-encoded.
fn uri_path(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path).map_err(|e| Error::io(path, "open the file", e))?;
    let text = absolute.to_str().ok_or_else(|| {
        Error::io(
            path,
            "open the file",
            std::io::Error::other("the path is not valid UTF-8"),
        )
    })?;
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(out)
}

/// A project as read from its file at one moment.
#[derive(Debug)]
pub struct Snapshot {
    /// The project, its lists sorted by id.
    pub project: Project,
    /// The map positions, sorted by id.
    pub positions: Vec<crate::model::NodePosition>,
    /// The file's `PRAGMA data_version` when it was read: it changes when
    /// another connection commits, and only then.
    pub version: i64,
    /// The checksum of the content read, which matched the stored one.
    pub checksum: u64,
}

/// Reads the whole project and its positions, and checks them against the
/// stored checksum: a difference means a part was changed outside Persona
/// Atlas or damaged on disk. O(project).
fn checked(conn: &Connection, path: &Path) -> Result<Snapshot> {
    let project = read::load(conn).map_err(|e| load_error(path, e))?;
    let positions = read::positions(conn).map_err(|e| load_error(path, e))?;
    let checksum = crate::checksum::of_snapshot(&project, &positions);
    match read::stored_checksum(conn).map_err(|e| load_error(path, e))? {
        Some(stored) if stored != checksum => Err(Error::Damaged {
            path: path.to_owned(),
            detail: "its content does not match its checksum, so part of it was changed \
                     outside Persona Atlas or damaged on disk"
                .to_owned(),
        }),
        _ => Ok(Snapshot {
            project,
            positions,
            version: data_version(conn).map_err(Error::store(path))?,
            checksum,
        }),
    }
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |row| row.get(0))
}

fn load_error(path: &Path, e: read::LoadError) -> Error {
    match e {
        read::LoadError::Sqlite(cause) => missing_or(path, cause),
        read::LoadError::Bad(detail) => Error::Damaged {
            path: path.to_owned(),
            detail,
        },
    }
}

/// A write lock held past the busy timeout becomes [`Error::Busy`].
fn busy_or_store(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => Error::Busy {
            path: path.to_owned(),
        },
        _ => Error::Store {
            path: path.to_owned(),
            cause: e,
        },
    }
}

/// SQLite's check of the file's structure: every page, b-tree and index
/// sound. Its evaluation of the schema's CHECK constraints is left out (it
/// tripled the cost: 390 ms instead of 130 ms at 20,000 personas), because
/// reading the project checks every value again as it becomes a model type,
/// and every reference in memory; writes still enforce the constraints.
fn structure_check(conn: &Connection) -> rusqlite::Result<String> {
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    let check = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0));
    conn.pragma_update(None, "ignore_check_constraints", "OFF")?;
    check
}

/// Refuses a file whose structure SQLite finds damaged.
fn sound(conn: &Connection, path: &Path) -> Result<()> {
    let check = structure_check(conn).map_err(|e| damaged_or_store(path, e))?;
    if check == "ok" {
        Ok(())
    } else {
        Err(Error::Damaged {
            path: path.to_owned(),
            detail: check,
        })
    }
}

/// The connection settings every project file is used with.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
}

/// SQLite's "not a database" and "corrupt" become [`Error::Damaged`].
fn damaged_or_store(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(DatabaseCorrupt | NotADatabase) => Error::Damaged {
            path: path.to_owned(),
            detail: e.to_string(),
        },
        _ => missing_or(path, e),
    }
}

/// A table or column of the schema that is not there means the file was
/// changed by another tool: it is damaged, not a failure of SQLite.
fn missing_or(path: &Path, e: rusqlite::Error) -> Error {
    if matches!(e, rusqlite::Error::QueryReturnedNoRows) {
        // The one row every project has: its name.
        return Error::Damaged {
            path: path.to_owned(),
            detail: "it has no project name (the project row is missing)".to_owned(),
        };
    }
    let text = e.to_string();
    for what in ["no such table: ", "no such column: "] {
        if let Some(at) = text.find(what) {
            let name = text[at + what.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let part = if what.contains("table") {
                "table"
            } else {
                "column"
            };
            return Error::Damaged {
                path: path.to_owned(),
                detail: format!("its {part} {name:?} is missing"),
            };
        }
    }
    Error::Store {
        path: path.to_owned(),
        cause: e,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration must apply cleanly to an empty database");
    }
}
