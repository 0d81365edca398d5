//! The one error type of the core. Every message is meant for a person: it
//! says which file or field, and what is wrong with it.

use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with an input, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, e.g. `personas[3].needs[1].need`; empty for the whole input.
    pub path: String,
    /// What, e.g. `no need with id "need-sso"`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in one input: duplicate ids first, then the rest in
/// the order of the format's lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

/// How many problems a message lists before it only counts the rest.
const PROBLEMS_SHOWN: usize = 50;

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.len() {
            1 => write!(f, "1 problem:")?,
            n => write!(f, "{n} problems:")?,
        }
        for problem in self.0.iter().take(PROBLEMS_SHOWN) {
            write!(f, "\n  {problem}")?;
        }
        if self.0.len() > PROBLEMS_SHOWN {
            write!(f, "\n  ... and {} more", self.0.len() - PROBLEMS_SHOWN)?;
        }
        Ok(())
    }
}

/// What can go wrong in the core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input (an interchange file, an edit) breaks the format's rules.
    #[error("{source_name} has {problems}")]
    Invalid {
        /// The file or input the problems are in.
        source_name: String,
        /// Everything found wrong.
        problems: Problems,
    },
    /// A file that is not a Persona Atlas project.
    #[error("{} is not a Persona Atlas project: {reason}. It was not changed.", .path.display())]
    NotAProject {
        /// The file.
        path: PathBuf,
        /// Why it is not one.
        reason: String,
    },
    /// A project written by a newer version of the app.
    #[error(
        "{} was written by a newer version of Persona Atlas (project format {found}; this \
         version reads up to {supported}). Open it with a newer version; it was not changed.",
        .path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The schema version in the file.
        found: u32,
        /// The newest schema version this build knows.
        supported: u32,
    },
    /// A project file whose content is damaged.
    #[error("{} is damaged and cannot be opened: {detail}. It was not changed.", .path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What SQLite found.
        detail: String,
    },
    /// Another program committed to the file since this session read it:
    /// writing now would overwrite what it saved.
    #[error(
        "{} was changed by another program since it was opened here, so this change was not \
         written. Reopen the project to see the other changes, then make this one again.",
        .path.display()
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// Another program held the file's write lock for longer than the wait.
    #[error(
        "{} is being written by another program; nothing was changed. Try again in a moment.",
        .path.display()
    )]
    Busy {
        /// The file.
        path: PathBuf,
    },
    /// A path that names a folder, a pipe or a device where a file is read.
    #[error("{} cannot be read: it is {what}, not a file", .path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        what: &'static str,
    },
    /// A table of records that cannot be matched: not CSV, ragged, not
    /// UTF-8, without a header.
    #[error("{}: {detail}. Nothing was matched.", .path.display())]
    Table {
        /// The table's file.
        path: PathBuf,
        /// Where and what is wrong.
        detail: String,
    },
    /// Work the user stopped before it finished; nothing was changed.
    #[error("the {what} was cancelled; nothing was changed")]
    Cancelled {
        /// What was stopped ("match").
        what: &'static str,
    },
    /// A file larger than the reader takes.
    #[error(
        "{} is too large to read ({} MB; at most {} MB)",
        .path.display(),
        .size / 1_000_000,
        .limit / 1_000_000
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The most this reader takes.
        limit: u64,
    },
    /// A file that should be created exists already.
    #[error("{} already exists and was not replaced", .path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The operating system refused a file operation.
    #[error("{}: cannot {action}: {cause}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done, e.g. "read the file".
        action: &'static str,
        /// The system's reason.
        cause: std::io::Error,
    },
    /// SQLite failed on a project file.
    #[error("{}: {cause}", .path.display())]
    Store {
        /// The file.
        path: PathBuf,
        /// SQLite's reason.
        cause: rusqlite::Error,
    },
    /// A printed document could not be made; nothing was written.
    #[error("the {what} could not be typeset: {detail}. Nothing was written.")]
    Print {
        /// What was being made ("one-pager", "report").
        what: &'static str,
        /// The typesetter's reason.
        detail: String,
    },
    /// A file in another format could not be made; nothing was written.
    #[error("the {what} could not be written: {detail}. Nothing was written.")]
    Export {
        /// What was being made ("workbook", "GraphML file").
        what: &'static str,
        /// Why.
        detail: String,
    },
    /// A schema migration failed; the file is left as it was.
    #[error(
        "{}: cannot upgrade the project file: {}. It was not changed.",
        .path.display(),
        migration_reason(.cause)
    )]
    Migration {
        /// The file.
        path: PathBuf,
        /// Why.
        cause: rusqlite_migration::Error,
    },
}

/// What went wrong in a migration, without the SQL of the schema, which
/// says nothing to a person and runs to pages.
fn migration_reason(e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => err.to_string(),
        other => {
            let text = other.to_string();
            match text.char_indices().nth(200) {
                Some((i, _)) => format!("{}…", &text[..i]),
                None => text,
            }
        }
    }
}

/// The result of the core's operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: &Path, action: &'static str, cause: std::io::Error) -> Self {
        Error::Io {
            path: path.to_owned(),
            action,
            cause,
        }
    }

    pub(crate) fn store(path: &Path) -> impl FnOnce(rusqlite::Error) -> Error + '_ {
        move |cause| Error::Store {
            path: path.to_owned(),
            cause,
        }
    }

    /// The problems, when the error is about invalid input.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid { problems, .. } => &problems.0,
            _ => &[],
        }
    }
}
