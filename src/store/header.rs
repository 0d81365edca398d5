//! The SQLite file header, read by hand so that a file can be refused
//! before SQLite opens it (and so before anything could be written to it).
//! Layout: <https://www.sqlite.org/fileformat.html#the_database_header>.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{Error, Result};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

fn be_u32(h: &[u8; HEADER_LEN], at: usize) -> u32 {
    u32::from_be_bytes([h[at], h[at + 1], h[at + 2], h[at + 3]])
}

/// Whether the file at `path` starts as an SQLite database does (it may
/// still not be a project; [`check`] says).
pub fn is_sqlite(path: &Path) -> Result<bool> {
    crate::input::regular_file(path)?;
    let mut head = [0u8; MAGIC.len()];
    let read = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| Error::io(path, "read the file", e))?;
    Ok(read == MAGIC.len() && &head == MAGIC)
}

/// Whether the database at `path` is in WAL mode (its header's read and
/// write versions are 2). False when it cannot be read.
pub fn is_wal(path: &Path) -> bool {
    let mut head = [0u8; 20];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head[18] == 2 && head[19] == 2)
}

/// Refuses a file that is not a Persona Atlas project, was written by a newer
/// version, or is shorter than its header says.
pub fn check(path: &Path) -> Result<()> {
    let not_ours = |reason: &str| Error::NotAProject {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    // Checked before opening: opening a named pipe would wait for a writer.
    let len = match crate::input::regular_file(path) {
        Err(Error::NotAFile {
            what: "a folder", ..
        }) => return Err(not_ours("it is a folder")),
        other => other?,
    };
    let mut file = File::open(path).map_err(|e| Error::io(path, "open the file", e))?;
    if len == 0 {
        return Err(not_ours("the file is empty"));
    }
    let mut h = [0u8; HEADER_LEN];
    let mut read = 0;
    while read < HEADER_LEN {
        match file.read(&mut h[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, "read the file", e)),
        }
    }
    if read < MAGIC.len() || &h[..MAGIC.len()] != MAGIC {
        return Err(not_ours("it is not an SQLite database"));
    }
    if read < HEADER_LEN {
        return Err(Error::Damaged {
            path: path.to_owned(),
            detail: format!("the file is truncated ({len} bytes, shorter than its header)"),
        });
    }
    if be_u32(&h, 68) != APPLICATION_ID {
        return Err(not_ours("it is an SQLite database of another program"));
    }
    let version = be_u32(&h, 60);
    if version == 0 {
        // Every project is written with its schema version; a file of ours
        // without one was never finished, or was changed by another tool.
        return Err(Error::Damaged {
            path: path.to_owned(),
            detail: "it has no schema version (0), so it was never completely written by \
                     Persona Atlas"
                .to_owned(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let page_size = match u16::from_be_bytes([h[16], h[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(be_u32(&h, 28));
    // The page count is only trustworthy when the change counter matches
    // the "version valid for" number (SQLite 3.7.0 and later write both).
    let count_valid = be_u32(&h, 24) == be_u32(&h, 92);
    let expected = page_size.saturating_mul(pages);
    if count_valid && len < expected {
        return Err(Error::Damaged {
            path: path.to_owned(),
            detail: format!("the file is truncated ({len} of {expected} bytes)"),
        });
    }
    Ok(())
}
