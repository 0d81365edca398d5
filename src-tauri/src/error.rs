//! How errors cross to the web view: `{ code, message }`.

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it. `message` is for the user; `code` is set
/// only where the UI branches on the kind of error: `"invalid"` when the
/// input broke the format's rules, with each problem in `problems` so that a
/// form can show it beside its field.
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
        IpcError {
            code: (!problems.is_empty()).then(|| "invalid".to_owned()),
            message: e.to_string(),
            problems,
        }
    }
}

impl IpcError {
    /// An error with only a message.
    pub fn message(message: impl Into<String>) -> Self {
        IpcError {
            code: None,
            message: message.into(),
            problems: Vec::new(),
        }
    }
}
