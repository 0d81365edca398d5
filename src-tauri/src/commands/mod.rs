//! The commands the web view may call. Each takes the state, calls the core
//! and returns; the capabilities in `capabilities/` list them.

pub mod data;
pub mod edit;
pub mod insights;
pub mod project;
pub mod transfer;

use tauri::{AppHandle, Manager};

use crate::error::IpcError;
use crate::state::AppState;

/// Runs `work` on a thread of the blocking pool, so that reading files and
/// waiting on the system's dialogs never holds the window; `what` says
/// what failed if the thread itself did.
pub(crate) async fn blocking<T: Send + 'static>(
    app: AppHandle,
    what: &'static str,
    work: impl FnOnce(&AppHandle, &AppState) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || work(&app, &app.state::<AppState>()))
        .await
        .map_err(|e| IpcError::message(format!("{what}: {e}")))?
}
