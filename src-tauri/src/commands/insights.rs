//! Commands about the findings: the map, the insights panel, the matrices.
//! Each is served from the project in memory.

use persona_atlas::api::{self, Insights};
use persona_atlas::delta::Sent;
use persona_atlas::journey_view::JourneyView;
use persona_atlas::matrix::Matrices;
use persona_atlas::profile::PersonaProfile;
use tauri::{AppHandle, Manager};

use crate::error::IpcError;
use crate::state::{AppState, lock, session_mut, session_ref};

/// The findings and the map of the open project, whole.
#[tauri::command]
pub async fn insights(app: AppHandle, session: u64) -> Result<Sent<Insights>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let mut guard = lock(&state.session);
        Ok(api::send_insights(session_mut(&mut guard, session)?, true))
    })
    .await
    .map_err(|e| IpcError::message(format!("The findings could not be computed: {e}")))?
}

/// One persona with everything its page shows.
#[tauri::command]
pub async fn profile(app: AppHandle, session: u64, id: String) -> Result<PersonaProfile, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let guard = lock(&state.session);
        Ok(api::profile(session_ref(&guard, session)?, &id)?)
    })
    .await
    .map_err(|e| IpcError::message(format!("The persona could not be shown: {e}")))?
}

/// Every journey with its stages and what each stage lacks.
#[tauri::command]
pub async fn journeys(app: AppHandle, session: u64) -> Result<Vec<JourneyView>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let guard = lock(&state.session);
        Ok(api::journeys(session_ref(&guard, session)?))
    })
    .await
    .map_err(|e| IpcError::message(format!("The journeys could not be shown: {e}")))?
}

/// The persona × product, need × product and segment × product matrices.
#[tauri::command]
pub async fn matrices(app: AppHandle, session: u64) -> Result<Matrices, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let guard = lock(&state.session);
        Ok(api::matrices(session_ref(&guard, session)?))
    })
    .await
    .map_err(|e| IpcError::message(format!("The matrices could not be built: {e}")))?
}
