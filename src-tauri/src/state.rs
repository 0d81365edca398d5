//! What the running app holds: the open project and where its settings live.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use persona_atlas::edit::History;
use persona_atlas::recent::RecentFiles;
use persona_atlas::store::ProjectFile;

/// The app's state, shared by commands and menu handlers.
pub struct AppState {
    /// The open project, if any.
    pub project: Mutex<Option<ProjectFile>>,
    /// The edits of this session on the open project, for undo and redo.
    pub history: Mutex<History>,
    /// A message the UI has not shown yet (e.g. why a file did not open).
    pub notice: Mutex<Option<String>>,
    /// Recently opened projects.
    pub recent: Mutex<RecentFiles>,
    /// Where the recent list is saved.
    pub recent_file: PathBuf,
    /// Where the demo project lives.
    pub demo_file: PathBuf,
}

/// Locks a mutex even if a panicking thread poisoned it: the data behind
/// these locks is replaced whole, never left half-updated.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
