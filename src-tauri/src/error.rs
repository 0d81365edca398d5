//! How errors cross to the web view: `{ code, message }`.

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it. `message` is for the user; `code` is set
/// only where the UI branches on the kind of error.
#[derive(Clone, Debug, Serialize, TS)]
pub struct IpcError {
    /// A stable name for errors the UI treats specially.
    pub code: Option<String>,
    /// What went wrong, for the user.
    pub message: String,
}

impl From<persona_atlas::Error> for IpcError {
    fn from(e: persona_atlas::Error) -> Self {
        IpcError {
            code: None,
            message: e.to_string(),
        }
    }
}

impl IpcError {
    /// An error with only a message.
    pub fn message(message: impl Into<String>) -> Self {
        IpcError {
            code: None,
            message: message.into(),
        }
    }
}
