//! Files a user names, checked before a byte is read: only a regular file
//! of a size the reader caps is opened, so that a named pipe, a device such
//! as `/dev/zero` or a huge file can never hang the program or exhaust its
//! memory.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest interchange file read: ten times a 20,000-persona portfolio.
pub const MAX_JSON_BYTES: u64 = 512 << 20;

/// What a path is when it is not a regular file, for the message.
fn kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// The size of the regular file at `path` (following links); anything else
/// is refused without being opened.
pub(crate) fn regular_file(path: &Path) -> Result<u64> {
    regular_file_to(path, "open the file")
}

/// As [`regular_file`], saying `action` if the path cannot be looked at.
fn regular_file_to(path: &Path, action: &'static str) -> Result<u64> {
    let meta = fs::metadata(path).map_err(|e| Error::io(path, action, e))?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_owned(),
            what: kind(&meta),
        });
    }
    Ok(meta.len())
}

/// The bytes of the regular file at `path`, refused before reading when it
/// is larger than `cap`, and never more than `cap` bytes even if it grows
/// while being read.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let size = regular_file_to(path, "read the file")?;
    let too_large = |size: u64| Error::TooLarge {
        path: path.to_owned(),
        size,
        limit: cap,
    };
    if size > cap {
        return Err(too_large(size));
    }
    let file = fs::File::open(path).map_err(|e| Error::io(path, "read the file", e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, "read the file", e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// How much a zip's parts unpack to in all, and its largest
/// `sharedStrings.xml` (a workbook's text, held whole by a reader), read
/// from the zip's own directory before any part is unpacked; why not when
/// it is no zip.
pub(crate) fn unpacked_sizes(path: &Path) -> std::result::Result<(u64, u64), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| format!("this workbook is damaged: {e}"))?;
    let (mut total, mut shared) = (0u64, 0u64);
    for i in 0..archive.len() {
        let part = archive
            .by_index_raw(i)
            .map_err(|e| format!("this workbook is damaged: {e}"))?;
        total = total.saturating_add(part.size());
        if part.name().ends_with("sharedStrings.xml") {
            shared = shared.max(part.size());
        }
    }
    Ok((total, shared))
}

/// Runs a third-party reader of a file, turning a panic in it (a damaged
/// file can drive a parser into one, as a fuzzed workbook drove calamine
/// into an arithmetic overflow) into the error `damaged` makes, so that no
/// input ever stops the program.
pub(crate) fn guarded<T>(
    read: impl FnOnce() -> Result<T>,
    damaged: impl FnOnce() -> Error,
) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| Err(damaged()))
}
