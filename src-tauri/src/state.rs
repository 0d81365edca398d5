//! What the running app holds: the open project and where its settings live.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use persona_atlas::recent::RecentFiles;
use persona_atlas::rules::{MatchReport, Watch};
use persona_atlas::session::Session;

use crate::error::IpcError;

/// The app's state, shared by commands and menu handlers.
pub struct AppState {
    /// The open project with its history, behind one lock: a command sees
    /// the file, the project in memory and the history of one session, and
    /// no undo can land in a file opened since.
    pub session: Mutex<Option<Session>>,
    /// A message the UI has not shown yet (e.g. why a file did not open).
    pub notice: Mutex<Option<String>>,
    /// Recently opened projects.
    pub recent: Mutex<RecentFiles>,
    /// Where the recent list is saved.
    pub recent_file: PathBuf,
    /// Where the demo project lives.
    pub demo_file: PathBuf,
    /// The table of customer records the Data view reads, chosen in the
    /// system's dialog.
    pub table: Mutex<Option<Table>>,
    /// The match running, to cancel it.
    pub matching: Mutex<Option<Arc<Watch>>>,
    /// The rule count running, which a newer one stops.
    pub counting: Mutex<Option<Arc<Watch>>>,
    /// The last match, and the session it was of: what "Save as evidence"
    /// saves, so that the window never sends the figures it saves.
    pub last_match: Mutex<Option<(u64, MatchReport)>>,
    /// The file chosen for an import, read again as the user maps its
    /// types, then imported.
    pub pending_import: Mutex<Option<PathBuf>>,
    /// The project chosen to merge into the open one.
    pub pending_merge: Mutex<Option<PathBuf>>,
}

/// A table of customer records the user chose.
#[derive(Clone, Debug)]
pub struct Table {
    /// Where it is.
    pub path: PathBuf,
    /// The demo's own made-up contacts.
    pub demo: bool,
}

/// Locks a mutex even if a panicking thread poisoned it: a session changes
/// its memory only after its file has committed, so it is never half-updated.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The open session, if it is the one the window means (`expected`, the id
/// the window was given with the project); a command meant for a project
/// that is no longer open is refused, never applied to another.
pub fn session_mut(guard: &mut Option<Session>, expected: u64) -> Result<&mut Session, IpcError> {
    match guard.as_mut() {
        Some(s) if s.id() == expected => Ok(s),
        Some(_) => Err(IpcError::coded(
            "stale",
            "This change was meant for a project that is no longer open, so it was not made.",
        )),
        None => Err(IpcError::message("No project is open.")),
    }
}

/// As [`session_mut`], to read.
pub fn session_ref(guard: &Option<Session>, expected: u64) -> Result<&Session, IpcError> {
    match guard.as_ref() {
        Some(s) if s.id() == expected => Ok(s),
        Some(_) => Err(IpcError::coded(
            "stale",
            "This view was of a project that is no longer open.",
        )),
        None => Err(IpcError::message("No project is open.")),
    }
}
