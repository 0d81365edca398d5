//! The open project: the file, the project held in memory with an index of
//! its ids, the map positions, the history of edits and a revision number.
//!
//! Every read the app or the command line makes is served from memory; every
//! edit is checked against the memory by what it touches, written to the
//! file row by row in one transaction, and only then applied to the memory,
//! so that the two never differ: a failed write changes neither.
//!
//! A second writer (another window, the command line, a script) is noticed
//! by the file's data version: an edit on a file that changed since it was
//! read is refused with [`crate::Error::ChangedOnDisk`], never written over it.

use std::collections::{BTreeMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::change::{self, Change, Index};
use crate::edit::{self, Edit, Target};
use crate::error::Result;
use crate::model::{NodePosition, Project};
use crate::store::{ProjectFile, Snapshot};

/// How many edits can be undone.
pub const HISTORY_LIMIT: usize = 100;

/// How many bytes the history may hold, whatever the project's size: a
/// whole new layout of 20,000 nodes is about 1.3 MB, a persona edit 1 KB.
pub const HISTORY_BYTES: usize = 32 << 20;

/// Edits done and undone, as changes: undo writes the inverse of the last
/// change, redo the change again. Bounded by [`HISTORY_LIMIT`] edits and
/// [`HISTORY_BYTES`].
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Change>,
    redo: Vec<Change>,
    bytes: usize,
}

impl History {
    fn record(&mut self, change: Change) {
        self.bytes += change.weight();
        self.undo.push_back(change);
        for c in self.redo.drain(..) {
            self.bytes = self.bytes.saturating_sub(c.weight());
        }
        while self.undo.len() > HISTORY_LIMIT || (self.bytes > HISTORY_BYTES && self.undo.len() > 1)
        {
            if let Some(old) = self.undo.pop_front() {
                self.bytes = self.bytes.saturating_sub(old.weight());
            }
        }
    }

    /// Whether there is something to undo and to redo.
    pub fn state(&self) -> (bool, bool) {
        (!self.undo.is_empty(), !self.redo.is_empty())
    }

    /// About how many bytes the history holds.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn positions_map(list: Vec<NodePosition>) -> BTreeMap<String, (f64, f64)> {
    list.into_iter().map(|p| (p.id, (p.x, p.y))).collect()
}

/// An open project.
#[derive(Debug)]
pub struct Session {
    id: u64,
    file: ProjectFile,
    state: State,
    window: crate::delta::Window,
}

/// What a session holds besides its file, apart from it so that it can be
/// replaced while the file's write lock is held.
#[derive(Debug)]
struct State {
    project: Project,
    index: Index,
    positions: BTreeMap<String, (f64, f64)>,
    version: i64,
    checksum: u64,
    revision: u64,
    history: History,
}

impl State {
    fn new(snapshot: Snapshot) -> Self {
        State {
            index: Index::of(&snapshot.project),
            positions: positions_map(snapshot.positions),
            project: snapshot.project,
            version: snapshot.version,
            checksum: snapshot.checksum,
            revision: 0,
            history: History::default(),
        }
    }

    /// Makes `snapshot` the project in memory; the history, which was of
    /// the older content, is forgotten. O(project).
    fn adopt(&mut self, snapshot: Snapshot) {
        let revision = self.revision + 1;
        *self = State::new(snapshot);
        self.revision = revision;
    }
}

/// What an edit, an undo or a redo did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The project changed; the revision went up.
    Changed,
    /// There was nothing to do (an edit that changes nothing, an undo with
    /// no history): nothing was written.
    Unchanged,
}

impl Session {
    /// Opens the project file at `path` and reads it into memory. O(project).
    pub fn open(path: &Path) -> Result<Self> {
        Self::from_file(ProjectFile::open(path)?)
    }

    /// Reads an open project file into a session. O(project).
    pub fn from_file(mut file: ProjectFile) -> Result<Self> {
        let snapshot = file.snapshot()?;
        Ok(Session {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            state: State::new(snapshot),
            file,
            window: crate::delta::Window::default(),
        })
    }

    /// A number that no other session of this process has: commands name
    /// the session they were meant for, so that none lands in another.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Counts the changes made through this session (edits, undos, redos).
    pub fn revision(&self) -> u64 {
        self.state.revision
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// The project as it is now, lists sorted by id. O(1).
    pub fn project(&self) -> &Project {
        &self.state.project
    }

    /// Where the user placed nodes, sorted by id. O(positions).
    pub fn positions(&self) -> Vec<NodePosition> {
        self.state
            .positions
            .iter()
            .map(|(id, (x, y))| NodePosition {
                id: id.clone(),
                x: *x,
                y: *y,
            })
            .collect()
    }

    /// What the window was last sent of this project's views, so that the
    /// next send can be what changed.
    pub fn window(&mut self) -> &mut crate::delta::Window {
        &mut self.window
    }

    /// Whether there is something to undo and to redo.
    pub fn history(&self) -> &History {
        &self.state.history
    }

    /// Whether another program committed to the file since this session
    /// read it or last wrote it. O(1): one read of the file's header.
    pub fn changed_on_disk(&self) -> Result<bool> {
        Ok(self.file.data_version()? != self.state.version)
    }

    /// Whether some entity of the project has `id`. O(log n).
    pub fn has_id(&self, id: &str) -> bool {
        self.state.index.kind(id).is_some()
    }

    /// What `edit` would change, checked, without changing anything.
    pub fn plan(&self, edit: &Edit) -> Result<Change> {
        edit::plan(
            Target {
                project: &self.state.project,
                index: &self.state.index,
                positions: &self.state.positions,
            },
            edit,
        )
    }

    /// Applies one edit: checks it, writes it in one transaction, applies it
    /// in memory and records it for undo. A refused edit or a failed write
    /// changes nothing. O(size of the edit) to check and write (a delete or
    /// merge also passes once over what may refer to the entity).
    pub fn edit(&mut self, edit: &Edit) -> Result<Outcome> {
        let change = self.plan(edit)?;
        if change.is_empty() {
            return Ok(Outcome::Unchanged);
        }
        self.write(&change)?;
        self.state.history.record(change);
        Ok(Outcome::Changed)
    }

    /// Applies the edit that `make` builds from the project as the file holds
    /// it now: the write lock is taken first, and if another program changed
    /// the file since this session read it, the file is read again under
    /// the lock (the history is then forgotten, as it was of an older
    /// project). For the command line and scripts, where each edit stands
    /// alone; the app uses [`Session::edit`], which refuses instead, so its
    /// user sees the other program's changes before making more. Never
    /// loses either writer's change, and always makes progress.
    pub fn edit_latest(&mut self, make: impl FnOnce(&Project) -> Edit) -> Result<Outcome> {
        let lock = self.file.lock_for_write()?;
        if lock.version()? != self.state.version {
            self.state.adopt(lock.snapshot()?);
        }
        let edit = make(&self.state.project);
        let change = edit::plan(
            Target {
                project: &self.state.project,
                index: &self.state.index,
                positions: &self.state.positions,
            },
            &edit,
        )?;
        if change.is_empty() {
            return Ok(Outcome::Unchanged);
        }
        let checksum = crate::checksum::after(self.state.checksum, &change);
        lock.commit(&change, checksum)?;
        self.state.checksum = checksum;
        change::apply(
            &change,
            &mut self.state.project,
            &mut self.state.index,
            &mut self.state.positions,
        );
        self.state.revision += 1;
        self.state.history.record(change);
        Ok(Outcome::Changed)
    }

    /// Undoes the last edit. When the write fails the edit stays undoable
    /// and the file and memory are as they were.
    pub fn undo(&mut self) -> Result<Outcome> {
        let Some(change) = self.state.history.undo.pop_back() else {
            return Ok(Outcome::Unchanged);
        };
        let inverse = change.clone().inverted();
        if let Err(e) = self.write(&inverse) {
            self.state.history.undo.push_back(change);
            return Err(e);
        }
        self.state.history.redo.push(change);
        Ok(Outcome::Changed)
    }

    /// Redoes the last undone edit; as [`Session::undo`] on failure.
    pub fn redo(&mut self) -> Result<Outcome> {
        let Some(change) = self.state.history.redo.pop() else {
            return Ok(Outcome::Unchanged);
        };
        if let Err(e) = self.write(&change) {
            self.state.history.redo.push(change);
            return Err(e);
        }
        self.state.history.undo.push_back(change);
        Ok(Outcome::Changed)
    }

    fn write(&mut self, change: &Change) -> Result<()> {
        let checksum = crate::checksum::after(self.state.checksum, change);
        self.file.commit(change, self.state.version, checksum)?;
        self.state.checksum = checksum;
        change::apply(
            change,
            &mut self.state.project,
            &mut self.state.index,
            &mut self.state.positions,
        );
        self.state.revision += 1;
        Ok(())
    }

    /// Reads the file again, forgetting the history: after another program
    /// changed it. O(project).
    pub fn reload(&mut self) -> Result<()> {
        let snapshot = self.file.snapshot()?;
        self.state.adopt(snapshot);
        Ok(())
    }

    /// Saves a copy of the project at `to` and opens the copy (Save As).
    pub fn save_as(&self, to: &Path, overwrite: bool) -> Result<Session> {
        self.file.copy_to(to, overwrite)?;
        Session::open(to)
    }
}
