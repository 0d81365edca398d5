//! Opening, creating and saving projects from the menu or the UI: the
//! dialogs, then the core, then telling the window.

use std::path::{Path, PathBuf};

use persona_atlas::api;
use persona_atlas::session::Session;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::error::IpcError;
use crate::menu;
use crate::state::{AppState, lock};

/// Sent to the window when another project is shown.
pub const PROJECT_CHANGED: &str = "project-changed";
/// Sent to the window when an operation failed; the payload is an [`IpcError`].
pub const APP_ERROR: &str = "app-error";

const FILTER_NAME: &str = "Persona Atlas project";
const EXTENSION: &str = "patlas";

/// Reports a failure in the window, so no operation fails silently.
pub fn report(app: &AppHandle, error: IpcError) {
    if app.emit(APP_ERROR, &error).is_err() {
        eprintln!("persona-atlas: {}", error.message);
    }
}

/// Makes `session` the open project, with a history of its own.
pub fn show(app: &AppHandle, session: Session) {
    let state = app.state::<AppState>();
    let path = session.path().to_owned();
    let name = session.project().project.name.clone();
    *lock(&state.session) = Some(session);
    {
        let mut recent = lock(&state.recent);
        recent.push(&path);
        if let Err(e) = recent.save(&state.recent_file) {
            eprintln!("persona-atlas: {e}");
        }
    }
    set_title(app, &name, Some(&path));
    menu::refresh(app);
    if let Err(e) = app.emit(PROJECT_CHANGED, ()) {
        eprintln!("persona-atlas: cannot notify the window: {e}");
    }
}

/// The window title: the project and its file.
pub fn set_title(app: &AppHandle, project: &str, path: Option<&Path>) {
    let title = match path.and_then(Path::file_name) {
        Some(file) => format!("{project} — {} — Persona Atlas", file.to_string_lossy()),
        None => "Persona Atlas".to_owned(),
    };
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}

/// Runs `work` off the UI thread, then shows its project or reports its error.
fn open_with(
    app: &AppHandle,
    work: impl FnOnce() -> persona_atlas::Result<Session> + Send + 'static,
) {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || match work() {
        Ok(file) => show(&app, file),
        Err(e) => report(&app, e.into()),
    });
}

fn chosen(path: Option<FilePath>) -> Option<PathBuf> {
    path.and_then(|p| p.into_path().ok())
}

/// Adds `.patlas` when the user typed a name without it.
fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(EXTENSION)
    }
}

/// Opens the project at `path`.
pub fn open_path(app: &AppHandle, path: PathBuf) {
    open_with(app, move || api::open(&path));
}

/// Asks for a project file and opens it.
pub fn open_dialog(app: &AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Open a project")
        .add_filter(FILTER_NAME, &[EXTENSION])
        .pick_file(move |path| {
            if let Some(path) = chosen(path) {
                open_path(&handle, path);
            }
        });
}

/// Asks where to create a new, empty project, then opens it.
pub fn new_dialog(app: &AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Create a new project")
        .set_file_name("Untitled.patlas")
        .add_filter(FILTER_NAME, &[EXTENSION])
        .save_file(move |path| {
            let Some(path) = chosen(path) else { return };
            let typed = path.extension().is_some();
            let path = with_extension(path);
            open_with(&handle, move || {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "Untitled".to_owned());
                // The dialog asked before replacing the name the user typed;
                // a name we completed with .patlas was never confirmed.
                api::new_project(&path, &name, typed)
            });
        });
}

/// Asks where to save a copy of the open project, then opens the copy.
pub fn save_as_dialog(app: &AppHandle) {
    let state = app.state::<AppState>();
    let current = lock(&state.session).as_ref().map(|s| s.path().to_owned());
    let Some(current) = current else {
        report(app, IpcError::message("There is no open project to save."));
        return;
    };
    let suggested = current
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Copy.patlas".to_owned());
    let handle = app.clone();
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Save the project as")
        .set_file_name(&suggested)
        .add_filter(FILTER_NAME, &[EXTENSION]);
    if let Some(dir) = dialog_folder(app, current.parent()) {
        dialog = dialog.set_directory(dir);
    }
    dialog.save_file(move |path| {
        let Some(path) = chosen(path) else { return };
        let typed = path.extension().is_some();
        let path = with_extension(path);
        let app = handle.clone();
        open_with(&handle, move || {
            let state = app.state::<AppState>();
            let guard = lock(&state.session);
            match guard.as_ref() {
                Some(session) => api::save_as(session, &path, typed),
                None => api::open(&path),
            }
        });
    });
}

/// Asks where to save a picture of the map; blocks until the user answers,
/// so call it off the main thread. The name gets the format's extension.
pub fn image_path_dialog(
    app: &AppHandle,
    format: persona_atlas::image::ImageFormat,
) -> Option<PathBuf> {
    let ext = format.extension();
    let name = format!("{} map", project_name(app));
    save_dialog(app, "Export the map", &name, &[(format.label(), ext)])
}

/// The open project's name, for the names save dialogs suggest.
pub fn project_name(app: &AppHandle) -> String {
    let state = app.state::<AppState>();
    lock(&state.session).as_ref().map_or_else(
        || "Persona Atlas".to_owned(),
        |s| s.project().project.name.clone(),
    )
}

/// Asks where to save something made of the open project, suggesting
/// "<name>.<first extension>" beside the project; blocks until the user
/// answers, so call it off the main thread. A name typed without an
/// extension gets the first filter's.
pub fn save_dialog(
    app: &AppHandle,
    title: &str,
    name: &str,
    filters: &[(&str, &str)],
) -> Option<PathBuf> {
    let state = app.state::<AppState>();
    let dir = lock(&state.session)
        .as_ref()
        .and_then(|s| s.path().parent().map(Path::to_owned));
    let ext = filters.first().map_or("", |(_, ext)| *ext);
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(format!("{name}.{ext}"));
    for (label, ext) in filters {
        dialog = dialog.add_filter(*label, &[*ext]);
    }
    if let Some(dir) = dialog_folder(app, dir.as_deref()) {
        dialog = dialog.set_directory(dir);
    }
    let path = chosen(dialog.blocking_save_file())?;
    Some(if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    })
}

/// Reads the open project's file again, after another program changed it;
/// the window is told as when another project is opened.
pub fn reload(app: &AppHandle) -> Result<(), IpcError> {
    let state = app.state::<AppState>();
    {
        let mut guard = lock(&state.session);
        let session = guard
            .as_mut()
            .ok_or_else(|| IpcError::message("No project is open."))?;
        session.reload()?;
        set_title(app, &session.project().project.name, Some(session.path()));
    }
    if let Err(e) = app.emit(PROJECT_CHANGED, ()) {
        eprintln!("persona-atlas: cannot notify the window: {e}");
    }
    Ok(())
}

/// Where a save dialog starts: beside the open project, unless the project
/// lives in the app's own data folder (the demo does), which the user never
/// chose and cannot find again; then their documents folder.
fn dialog_folder(app: &AppHandle, beside: Option<&Path>) -> Option<PathBuf> {
    let data = app.path().app_data_dir().ok();
    let documents = app
        .path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .ok();
    save_folder(beside, data.as_deref(), documents)
}

/// [`dialog_folder`]'s choice, apart from where the folders are.
fn save_folder(
    beside: Option<&Path>,
    data: Option<&Path>,
    documents: Option<PathBuf>,
) -> Option<PathBuf> {
    match (beside, data) {
        (Some(dir), Some(data)) if dir.starts_with(data) => documents,
        (Some(dir), _) => Some(dir.to_owned()),
        (None, _) => documents,
    }
}

/// Opens the built-in demo, creating it if it is not there yet.
pub fn open_demo(app: &AppHandle) {
    let demo = app.state::<AppState>().demo_file.clone();
    open_with(app, move || api::open_or_create_demo(&demo));
}

/// Opens the n-th recent project; a file that has gone is forgotten.
pub fn open_recent(app: &AppHandle, index: usize) {
    let state = app.state::<AppState>();
    let path = lock(&state.recent).paths().get(index).cloned();
    let Some(path) = path else { return };
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || match api::open(&path) {
        Ok(file) => show(&handle, file),
        Err(e) => {
            let state = handle.state::<AppState>();
            if !path.exists() {
                let mut recent = lock(&state.recent);
                recent.remove(&path);
                let _ = recent.save(&state.recent_file);
            }
            menu::refresh(&handle);
            report(&handle, e.into());
        }
    });
}

/// Empties the recent list.
pub fn clear_recent(app: &AppHandle) {
    let state = app.state::<AppState>();
    {
        let mut recent = lock(&state.recent);
        recent.clear();
        if let Err(e) = recent.save(&state.recent_file) {
            report(app, e.into());
        }
    }
    menu::refresh(app);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_dialog_never_starts_in_the_apps_hidden_data_folder() {
        let data = Path::new("/home/u/.local/share/persona-atlas");
        let docs = Some(PathBuf::from("/home/u/Documents"));
        assert_eq!(
            save_folder(Some(&data.join("sub")), Some(data), docs.clone()),
            docs,
            "the demo's folder is the app's, not the user's: start in Documents"
        );
        assert_eq!(
            save_folder(Some(Path::new("/home/u/clients")), Some(data), docs.clone()),
            Some(PathBuf::from("/home/u/clients")),
            "beside a project the user opened"
        );
        assert_eq!(save_folder(None, Some(data), docs.clone()), docs);
    }
}
