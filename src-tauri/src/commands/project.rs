//! Commands about the open project.

use persona_atlas::api;
use persona_atlas::delta::Sent;
use persona_atlas::print::Paper;
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::commands::edit::SessionStatus;
use crate::error::IpcError;
use crate::opening;
use crate::state::{AppState, lock, session_mut, session_ref};

/// What the window shows: the open project, and a message not yet shown.
#[derive(Clone, Debug, Serialize, TS)]
pub struct AppStatus {
    /// The open project at a glance; `None` when no project is open.
    pub project: Option<Sent<persona_atlas::overview::Overview>>,
    /// The open session, which every later command names; `None` when no
    /// project is open.
    pub session: Option<SessionStatus>,
    /// Something the user must be told, e.g. why a file did not open.
    pub notice: Option<String>,
}

/// The open project and any pending notice (which is then cleared).
#[tauri::command]
pub async fn app_status(app: AppHandle) -> Result<AppStatus, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let notice = lock(&state.notice).take();
        let mut guard = lock(&state.session);
        let project = guard.as_mut().map(|s| api::send_overview(s, true));
        let session = guard.as_ref().map(SessionStatus::of);
        Ok::<_, IpcError>(AppStatus {
            project,
            session,
            notice,
        })
    })
    .await
    .map_err(|e| IpcError::message(format!("The project could not be read: {e}")))?
}

/// The open project at a glance, whole: for a window whose copy missed a
/// change.
#[tauri::command]
pub async fn overview(
    app: AppHandle,
    session: u64,
) -> Result<Sent<persona_atlas::overview::Overview>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let mut guard = lock(&state.session);
        Ok(api::send_overview(session_mut(&mut guard, session)?, true))
    })
    .await
    .map_err(|e| IpcError::message(format!("The project could not be read: {e}")))?
}

/// Shows the Open dialog; the result arrives as an event.
#[tauri::command]
pub fn open_project_dialog(app: AppHandle) {
    opening::open_dialog(&app);
}

/// Shows the New Project dialog; the result arrives as an event.
#[tauri::command]
pub fn new_project_dialog(app: AppHandle) {
    opening::new_dialog(&app);
}

/// Opens the built-in demo; the result arrives as an event.
#[tauri::command]
pub fn open_demo(app: AppHandle) {
    opening::open_demo(&app);
}

/// Reads the open project's file again after another program changed it;
/// the window hears `project-changed` as for any newly shown project.
#[tauri::command]
pub async fn reload_project(app: AppHandle) -> Result<(), IpcError> {
    tauri::async_runtime::spawn_blocking(move || opening::reload(&app))
        .await
        .map_err(|e| IpcError::message(format!("The project could not be read again: {e}")))?
}

/// Shows the Save As dialog; the result arrives as an event.
#[tauri::command]
pub fn save_as_dialog(app: AppHandle) {
    opening::save_as_dialog(&app);
}

/// A copy of the open project of `session` and where it is stored, taken
/// under the lock and used without it, so that typesetting a long report
/// keeps no edit or read waiting.
fn copy_of(
    state: &AppState,
    session: u64,
) -> Result<(persona_atlas::model::Project, std::path::PathBuf), IpcError> {
    let guard = lock(&state.session);
    let open = session_ref(&guard, session)?;
    Ok((open.project().clone(), open.path().to_owned()))
}

/// Asks where to save the one-pager of the persona `persona` of session
/// `session` (a PDF, or a PNG when that type is chosen), then saves it;
/// returns the path saved to, or `None` when the user cancelled.
#[tauri::command]
pub async fn export_one_pager(
    app: AppHandle,
    session: u64,
    persona: String,
    paper: Paper,
) -> Result<Option<String>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        // Named before the dialog, so that an unknown persona asks nothing.
        let name = {
            let guard = lock(&state.session);
            api::profile(session_ref(&guard, session)?, &persona)?.name
        };
        let what = format!("{name} one-pager");
        let filters = [("PDF document", "pdf"), ("PNG image", "png")];
        let Some(path) = opening::save_dialog(&app, "Export the one-pager", &what, &filters) else {
            return Ok(None);
        };
        let (project, file) = copy_of(&state, session)?;
        api::save_one_pager(&project, &file, &persona, &path, paper)?;
        Ok(Some(path.to_string_lossy().into_owned()))
    })
    .await
    .map_err(|e| IpcError::message(format!("The one-pager could not be saved: {e}")))?
}

/// Asks where to save the portfolio report of session `session` as a PDF,
/// then saves it; returns the path saved to, or `None` when the user
/// cancelled.
#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    session: u64,
    paper: Paper,
) -> Result<Option<String>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        // The session is checked before anything is asked.
        copy_of(&state, session)?;
        let filters = [("PDF document", "pdf")];
        let name = format!("{} report", opening::project_name(&app));
        let Some(path) = opening::save_dialog(&app, "Export the report", &name, &filters) else {
            return Ok(None);
        };
        let (project, file) = copy_of(&state, session)?;
        api::save_report(&project, &file, &path, paper)?;
        Ok(Some(path.to_string_lossy().into_owned()))
    })
    .await
    .map_err(|e| IpcError::message(format!("The report could not be saved: {e}")))?
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
        let Some(path) = opening::image_path_dialog(&app, format) else {
            return Ok(None);
        };
        api::write_map_image(&path, &picture)?;
        Ok(Some(path.to_string_lossy().into_owned()))
    })
    .await
    .map_err(|e| IpcError::message(format!("The picture could not be saved: {e}")))?
}
