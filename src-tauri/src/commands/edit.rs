//! Commands that change the open project. Each is one transaction in the
//! project file; the change is checked by the core before it is written.

use persona_atlas::api::{self, Catalog};
use persona_atlas::edit::Edit;
use persona_atlas::model::EntityKind;
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::{AppState, lock};

/// Whether undo and redo have something to do.
#[derive(Clone, Debug, Serialize, TS)]
pub struct HistoryState {
    /// An edit can be undone.
    pub can_undo: bool,
    /// An undone edit can be redone.
    pub can_redo: bool,
}

fn no_project() -> IpcError {
    IpcError::message("No project is open.")
}

async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| IpcError::message(format!("The change could not be made: {e}")))?
}

/// Applies one edit; the problems of an invalid one come back with the
/// field they belong to.
#[tauri::command]
pub async fn edit(app: AppHandle, edit: Edit) -> Result<HistoryState, IpcError> {
    blocking(app, move |state| {
        let mut project = lock(&state.project);
        let file = project.as_mut().ok_or_else(no_project)?;
        let mut history = lock(&state.history);
        api::edit(file, &mut history, &edit)?;
        let (can_undo, can_redo) = history.state();
        Ok(HistoryState { can_undo, can_redo })
    })
    .await
}

/// Undoes (`forward` false) or redoes the last edit.
#[tauri::command]
pub async fn step_history(app: AppHandle, forward: bool) -> Result<HistoryState, IpcError> {
    blocking(app, move |state| {
        let mut project = lock(&state.project);
        let file = project.as_mut().ok_or_else(no_project)?;
        let mut history = lock(&state.history);
        if forward {
            api::redo(file, &mut history)?;
        } else {
            api::undo(file, &mut history)?;
        }
        let (can_undo, can_redo) = history.state();
        Ok(HistoryState { can_undo, can_redo })
    })
    .await
}

/// What the forms can link to.
#[tauri::command]
pub async fn catalog(app: AppHandle) -> Result<Catalog, IpcError> {
    blocking(app, |state| {
        let project = lock(&state.project);
        Ok(api::catalog(project.as_ref().ok_or_else(no_project)?)?)
    })
    .await
}

/// One entity as the interchange format writes it, for a form.
#[tauri::command]
pub async fn entity(
    app: AppHandle,
    kind: EntityKind,
    id: String,
) -> Result<serde_json::Value, IpcError> {
    blocking(app, move |state| {
        let project = lock(&state.project);
        Ok(api::entity(
            project.as_ref().ok_or_else(no_project)?,
            kind,
            &id,
        )?)
    })
    .await
}

/// Every entity of one kind as the interchange format writes it, sorted by
/// id: one read of the project for a whole list.
#[tauri::command]
pub async fn entities(
    app: AppHandle,
    kind: EntityKind,
) -> Result<Vec<serde_json::Value>, IpcError> {
    blocking(app, move |state| {
        let project = lock(&state.project);
        Ok(api::entities(
            project.as_ref().ok_or_else(no_project)?,
            kind,
        )?)
    })
    .await
}
