//! Commands about the open project.

use persona_atlas::api;
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::error::IpcError;
use crate::session;
use crate::state::{AppState, lock};

/// What the window shows: the open project, and a message not yet shown.
#[derive(Clone, Debug, Serialize, TS)]
pub struct AppStatus {
    /// The open project at a glance; `None` when no project is open.
    pub project: Option<persona_atlas::overview::Overview>,
    /// Something the user must be told, e.g. why a file did not open.
    pub notice: Option<String>,
}

/// The open project and any pending notice (which is then cleared).
#[tauri::command]
pub async fn app_status(app: AppHandle) -> Result<AppStatus, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let notice = lock(&state.notice).take();
        let project = match lock(&state.project).as_ref() {
            Some(file) => Some(api::project_overview(file)?),
            None => None,
        };
        Ok(AppStatus { project, notice })
    })
    .await
    .map_err(|e| IpcError::message(format!("The project could not be read: {e}")))?
}

/// Shows the Open dialog; the result arrives as an event.
#[tauri::command]
pub fn open_project_dialog(app: AppHandle) {
    session::open_dialog(&app);
}

/// Shows the New Project dialog; the result arrives as an event.
#[tauri::command]
pub fn new_project_dialog(app: AppHandle) {
    session::new_dialog(&app);
}

/// Opens the built-in demo; the result arrives as an event.
#[tauri::command]
pub fn open_demo(app: AppHandle) {
    session::open_demo(&app);
}

/// Shows the Save As dialog; the result arrives as an event.
#[tauri::command]
pub fn save_as_dialog(app: AppHandle) {
    session::save_as_dialog(&app);
}

/// Asks where to save a picture of the map, then saves it; returns the path
/// saved to, or `None` when the user cancelled.
#[tauri::command]
pub async fn export_map_image(
    app: AppHandle,
    format: persona_atlas::image::ImageFormat,
    data: String,
) -> Result<Option<String>, IpcError> {
    // Checked once, before the dialog, so a bad picture never asks for a name.
    let picture = api::check_map_image(format, &data)?;
    drop(data);
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = session::image_path_dialog(&app, format) else {
            return Ok(None);
        };
        api::write_map_image(&path, &picture)?;
        Ok(Some(path.to_string_lossy().into_owned()))
    })
    .await
    .map_err(|e| IpcError::message(format!("The picture could not be saved: {e}")))?
}
