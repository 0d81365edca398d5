//! Commands that change the open project. Each edit is checked by the core,
//! written in one transaction and recorded for undo; the reply carries what
//! the window needs to show the change, so it asks for nothing again.

use persona_atlas::api::{self, Catalog, Insights};
use persona_atlas::delta::Sent;
use persona_atlas::edit::Edit;
use persona_atlas::model::EntityKind;
use persona_atlas::overview::Overview;
use persona_atlas::session::{Outcome, Session};
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::{AppState, lock, session_mut, session_ref};

/// The open session as the window tracks it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct SessionStatus {
    /// Which open project this is: every command names it.
    #[ts(type = "number")]
    pub id: u64,
    /// Counts the changes made in this session; a view whose data is of an
    /// older revision reads it again.
    #[ts(type = "number")]
    pub revision: u64,
    /// An edit can be undone.
    pub can_undo: bool,
    /// An undone edit can be redone.
    pub can_redo: bool,
}

impl SessionStatus {
    /// The status of `session`.
    pub fn of(session: &Session) -> Self {
        let (can_undo, can_redo) = session.history().state();
        SessionStatus {
            id: session.id(),
            revision: session.revision(),
            can_undo,
            can_redo,
        }
    }
}

/// What an edit, an undo or a redo did, with what the window shows after it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct Changed {
    /// The session after the change.
    pub status: SessionStatus,
    /// False when there was nothing to do and nothing was written.
    pub changed: bool,
    /// The findings and the map after the change, as what changed since
    /// the window's copy (after a move, only the stored positions); absent
    /// when the change cannot have changed them.
    pub insights: Option<Sent<Insights>>,
    /// The project at a glance after the change, as what changed since the
    /// window's copy; absent when the change cannot have changed it (moves,
    /// thresholds).
    pub overview: Option<Sent<Overview>>,
}

pub(crate) fn changed(session: &mut Session, outcome: Outcome, affected: api::Affected) -> Changed {
    let done = outcome == Outcome::Changed;
    let (insights, overview) = if done {
        api::send_after(session, affected)
    } else {
        (None, None)
    };
    Changed {
        status: SessionStatus::of(session),
        changed: done,
        insights,
        overview,
    }
}

async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| IpcError::message(format!("The change could not be made: {e}")))?
}

/// Applies one edit to the session `session`; the problems of an invalid
/// one come back with the field they belong to.
#[tauri::command]
pub async fn edit(app: AppHandle, session: u64, edit: Edit) -> Result<Changed, IpcError> {
    let handle = app.clone();
    blocking(app, move |state| {
        let mut guard = lock(&state.session);
        let open = session_mut(&mut guard, session)?;
        let outcome = api::edit(open, &edit)?;
        if matches!(edit, Edit::SetProject { .. }) {
            // The window's title names the project.
            crate::opening::set_title(&handle, &open.project().project.name, Some(open.path()));
        }
        Ok(changed(open, outcome, api::affected_by(&edit)))
    })
    .await
}

/// The starter sets an empty project is offered.
#[tauri::command]
pub fn starter_sets() -> Vec<persona_atlas::starter::StarterSet> {
    api::starter_sets()
}

/// What adding a starter set did.
#[derive(Clone, Debug, Serialize, TS)]
pub struct StarterAdded {
    /// The change, as after any edit.
    pub changed: Changed,
    /// How many entities it added.
    #[ts(type = "number")]
    pub added: usize,
}

/// Adds starter set `set` to the session `session` as one undoable edit.
#[tauri::command]
pub async fn add_starter_set(
    app: AppHandle,
    session: u64,
    set: String,
) -> Result<StarterAdded, IpcError> {
    blocking(app, move |state| {
        let mut guard = lock(&state.session);
        let open = session_mut(&mut guard, session)?;
        let added = api::add_starter_set(open, &set)?;
        Ok(StarterAdded {
            changed: changed(open, Outcome::Changed, api::Affected::EVERYTHING),
            added,
        })
    })
    .await
}

/// Undoes (`forward` false) or redoes the last change of `session`.
#[tauri::command]
pub async fn step_history(
    app: AppHandle,
    session: u64,
    forward: bool,
) -> Result<Changed, IpcError> {
    let handle = app.clone();
    blocking(app, move |state| {
        let mut guard = lock(&state.session);
        let open = session_mut(&mut guard, session)?;
        let outcome = if forward {
            api::redo(open)?
        } else {
            api::undo(open)?
        };
        // An undone rename renames the window back.
        crate::opening::set_title(&handle, &open.project().project.name, Some(open.path()));
        Ok(changed(open, outcome, api::Affected::EVERYTHING))
    })
    .await
}

/// What the forms can link to.
#[tauri::command]
pub async fn catalog(app: AppHandle, session: u64) -> Result<Catalog, IpcError> {
    blocking(app, move |state| {
        let guard = lock(&state.session);
        Ok(api::catalog(session_ref(&guard, session)?))
    })
    .await
}

/// One entity as the interchange format writes it, for a form.
#[tauri::command]
pub async fn entity(
    app: AppHandle,
    session: u64,
    kind: EntityKind,
    id: String,
) -> Result<serde_json::Value, IpcError> {
    blocking(app, move |state| {
        let guard = lock(&state.session);
        Ok(api::entity(session_ref(&guard, session)?, kind, &id)?)
    })
    .await
}

/// Every entity of one kind as the interchange format writes it, sorted by
/// id.
#[tauri::command]
pub async fn entities(
    app: AppHandle,
    session: u64,
    kind: EntityKind,
) -> Result<Vec<serde_json::Value>, IpcError> {
    blocking(app, move |state| {
        let guard = lock(&state.session);
        Ok(api::entities(session_ref(&guard, session)?, kind))
    })
    .await
}
