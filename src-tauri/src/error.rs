//! How errors cross to the web view: `{ code, message }`.

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it. `message` is for the user; `code` is set
/// only where the UI branches on the kind of error: `"invalid"` when the
/// input broke the format's rules, with each problem in `problems` so that a
/// form can show it beside its field; `"changed_on_disk"` when another
/// program changed the file, so the window offers to reopen it; `"stale"`
/// when a command was meant for a project that is no longer open.
#[derive(Clone, Debug, Serialize, TS)]
pub struct IpcError {
    /// A stable name for errors the UI treats specially.
    pub code: Option<String>,
    /// What went wrong, for the user.
    pub message: String,
    /// Where and what, for invalid input.
    pub problems: Vec<IpcProblem>,
}

/// One problem with an input.
#[derive(Clone, Debug, Serialize, TS)]
pub struct IpcProblem {
    /// Where, e.g. `needs[1].need`.
    pub path: String,
    /// What.
    pub message: String,
}

impl From<persona_atlas::Error> for IpcError {
    fn from(e: persona_atlas::Error) -> Self {
        let problems: Vec<IpcProblem> = e
            .problems()
            .iter()
            .map(|p| IpcProblem {
                path: p.path.clone(),
                message: p.message.clone(),
            })
            .collect();
        let code = match &e {
            persona_atlas::Error::ChangedOnDisk { .. } => Some("changed_on_disk".to_owned()),
            persona_atlas::Error::Cancelled { .. } => Some("cancelled".to_owned()),
            _ => (!problems.is_empty()).then(|| "invalid".to_owned()),
        };
        IpcError {
            code,
            message: e.to_string(),
            problems,
        }
    }
}

impl IpcError {
    /// An error the UI branches on by its `code`.
    pub fn coded(code: &str, message: impl Into<String>) -> Self {
        IpcError {
            code: Some(code.to_owned()),
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// An error with only a message.
    pub fn message(message: impl Into<String>) -> Self {
        IpcError {
            code: None,
            message: message.into(),
            problems: Vec::new(),
        }
    }
}
