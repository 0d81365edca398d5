//! Files that appear whole or not at all: written under a temporary name in
//! the target's folder, synced, then renamed into place.

use std::fs;
use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A temporary file in the folder of `path`, so that the final rename stays
/// on one file system and is atomic. Its permissions follow the umask, like
/// any file the user creates.
pub(crate) fn temp_beside(path: &Path) -> Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{stem}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // tempfile names its temporary file in its errors; the user only ever
    // asked for `path`, so the message keeps the reason and drops the name.
    builder.tempfile_in(dir).map_err(|e| {
        let reason = e
            .raw_os_error()
            .map(std::io::Error::from_raw_os_error)
            .unwrap_or_else(|| std::io::Error::from(e.kind()));
        Error::io(path, "create the file", reason)
    })
}

/// Syncs `temp` and renames it to `path`. An existing file is replaced only
/// when `overwrite` is set.
pub(crate) fn persist(temp: NamedTempFile, path: &Path, overwrite: bool) -> Result<()> {
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::io(path, "write the file", e))?;
    if overwrite {
        temp.persist(path).map_err(|e| e.error)
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)
    }
    .map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::Exists {
            path: path.to_owned(),
        },
        _ => Error::io(path, "create the file", e),
    })?;
    sync_parent(path);
    Ok(())
}

/// Writes `text` to `path`, replacing any file there only once the new one
/// is complete.
pub(crate) fn write_text(path: &Path, text: &str) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(text.as_bytes())
        .map_err(|e| Error::io(path, "write the file", e))?;
    persist(temp, path, true)
}

/// Writes `bytes` to `path`, replacing any file there only once the new one
/// is complete.
pub(crate) fn write_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)
        .map_err(|e| Error::io(path, "write the file", e))?;
    persist(temp, path, true)
}

/// Makes a rename durable. Best effort: not every platform lets a folder be
/// opened and synced, and the data itself is already on disk.
pub(crate) fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}
