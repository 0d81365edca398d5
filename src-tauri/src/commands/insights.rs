//! Commands about the findings: the map, the insights panel, thresholds.

use persona_atlas::api::{self, Insights};
use persona_atlas::matrix::Matrices;
use persona_atlas::model::{NodePosition, Thresholds};
use tauri::{AppHandle, Manager};

use crate::error::IpcError;
use crate::state::{AppState, lock};

fn no_project() -> IpcError {
    IpcError::message("No project is open.")
}

/// The findings and the map of the open project.
#[tauri::command]
pub async fn insights(app: AppHandle) -> Result<Insights, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let guard = lock(&state.project);
        let file = guard.as_ref().ok_or_else(no_project)?;
        Ok(api::insights(file)?)
    })
    .await
    .map_err(|e| IpcError::message(format!("The findings could not be computed: {e}")))?
}

/// Stores new thresholds in the project (one transaction) and returns the
/// findings they give. Out-of-range values never get here: `Thresholds`
/// refuses them as it is read from the message.
#[tauri::command]
pub async fn set_thresholds(app: AppHandle, thresholds: Thresholds) -> Result<Insights, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let mut guard = lock(&state.project);
        let file = guard.as_mut().ok_or_else(no_project)?;
        file.set_thresholds(&thresholds)?;
        Ok(api::insights(file)?)
    })
    .await
    .map_err(|e| IpcError::message(format!("The thresholds could not be saved: {e}")))?
}

/// The persona × product, need × product and segment × product matrices.
#[tauri::command]
pub async fn matrices(app: AppHandle) -> Result<Matrices, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let guard = lock(&state.project);
        let file = guard.as_ref().ok_or_else(no_project)?;
        Ok(api::matrices(file)?)
    })
    .await
    .map_err(|e| IpcError::message(format!("The matrices could not be built: {e}")))?
}

/// Stores where nodes were placed on the map (one transaction); with
/// `replace_all` the earlier layout is forgotten first.
#[tauri::command]
pub async fn save_positions(
    app: AppHandle,
    positions: Vec<NodePosition>,
    replace_all: bool,
) -> Result<(), IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let mut guard = lock(&state.project);
        let file = guard.as_mut().ok_or_else(no_project)?;
        Ok(api::set_positions(file, &positions, replace_all)?)
    })
    .await
    .map_err(|e| IpcError::message(format!("The layout could not be saved: {e}")))?
}
