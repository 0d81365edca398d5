//! The list of recently opened projects, newest first, kept in a small JSON
//! file in the user's configuration folder.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How many projects the list remembers.
pub const LIMIT: usize = 10;

/// Recently opened projects, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Reads the list. A missing or unreadable list is an empty one: losing
    /// it costs the user a few clicks, refusing to start would cost more.
    pub fn load(from: &Path) -> Self {
        fs::read_to_string(from)
            .ok()
            .and_then(|text| serde_json::from_str::<RecentFiles>(&text).ok())
            .map(|mut list| {
                list.paths.truncate(LIMIT);
                list
            })
            .unwrap_or_default()
    }

    /// Writes the list, atomically.
    pub fn save(&self, to: &Path) -> Result<()> {
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the folder", e))?;
        }
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::atomic::write_text(to, &text)
    }

    /// Puts `path` at the top, once.
    pub fn push(&mut self, path: &Path) {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(LIMIT);
    }

    /// Forgets `path`.
    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.paths.clear();
    }

    /// The paths, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The newest path, if any.
    pub fn last(&self) -> Option<&Path> {
        self.paths.first().map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_repeats_and_bounded() {
        let mut r = RecentFiles::default();
        for i in 0..(LIMIT + 3) {
            r.push(Path::new(&format!("/nowhere/{i}.patlas")));
        }
        r.push(Path::new("/nowhere/5.patlas"));
        assert_eq!(r.paths().len(), LIMIT, "the list is bounded");
        assert_eq!(
            r.last(),
            Some(Path::new("/nowhere/5.patlas")),
            "reopened goes on top"
        );
        let fives = r.paths().iter().filter(|p| p.ends_with("5.patlas")).count();
        assert_eq!(fives, 1, "a path appears once");
    }

    #[test]
    fn a_broken_list_reads_as_empty_and_saves_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("recent.json");
        fs::write(&file, "{not json").expect("write");
        assert_eq!(
            RecentFiles::load(&file),
            RecentFiles::default(),
            "garbage is forgotten"
        );
        let mut r = RecentFiles::default();
        r.push(Path::new("/nowhere/a.patlas"));
        r.save(&file).expect("save");
        assert_eq!(RecentFiles::load(&file), r, "what is saved is read back");
    }
}
