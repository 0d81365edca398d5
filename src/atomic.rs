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
    if !dir.is_dir() {
        return Err(Error::io(
            path,
            "create the file",
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("the folder {} does not exist", dir.display()),
            ),
        ));
    }
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{stem}.");
    clear_stale_temps(dir, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // tempfile names its temporary file in its errors; the user only ever
    // asked for `path`, so the message keeps the reason and drops the name.
    let temp = builder.tempfile_in(dir).map_err(|e| {
        let reason = e
            .raw_os_error()
            .map(std::io::Error::from_raw_os_error)
            .unwrap_or_else(|| std::io::Error::from(e.kind()));
        Error::io(path, "create the file", reason)
    })?;
    // Held while the file is written: a later writer of the same target
    // tells a temporary file in use from one a killed process left.
    let _ = temp.as_file().try_lock();
    Ok(temp)
}

/// Removes the temporary files (and their journals) that a killed writer of
/// the same target left in `dir`: those that nobody holds locked. A 93 MB
/// import killed half-way would otherwise stay hidden beside the project.
fn clear_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with(prefix) {
            continue;
        }
        let path = entry.path();
        if name.ends_with(".tmp") {
            let stale = fs::File::open(&path).is_ok_and(|f| f.try_lock().is_ok());
            if stale {
                let _ = fs::remove_file(&path);
                let mut journal = path.into_os_string();
                journal.push("-journal");
                let _ = fs::remove_file(journal);
            }
        } else if let Some(temp) = name.strip_suffix(".tmp-journal")
            && !dir.join(format!("{temp}.tmp")).exists()
        {
            let _ = fs::remove_file(&path);
        }
    }
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
