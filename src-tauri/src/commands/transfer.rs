//! Commands of File > Import, Export, Merge and Compare: each file is
//! chosen in the system's dialog (the web view never names a path), read
//! and checked by the core, and shown to the user before anything is
//! written; a new project is then saved where the user says and opened.

use std::path::PathBuf;

use persona_atlas::api::{self, ExportFormat, ImportFormat, ImportPreview};
use persona_atlas::compare::{Diff, MergeReport};
use persona_atlas::kumu::TypeMap;
use persona_atlas::model::Date;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::commands::blocking;
use crate::error::IpcError;
use crate::opening;
use crate::state::{AppState, lock, session_ref};

/// A Kumu element type the user mapped onto one of our kinds.
#[derive(Clone, Debug, Deserialize, TS)]
pub struct TypeChoice {
    /// The type as Kumu writes it.
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub kind: String,
    /// Our kind: persona, market_segment, customer_segment, buying_role,
    /// need, product or competitor.
    pub target: String,
}

/// A file chosen for an import, and what it would bring in.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportChoice {
    /// The file's name.
    pub file: String,
    /// What it brings in.
    pub preview: ImportPreview,
}

/// Another project chosen to merge into the open one, and what the merge
/// would do.
#[derive(Clone, Debug, Serialize, TS)]
pub struct MergeChoice {
    /// The other project's file name.
    pub file: String,
    /// What merging it would do.
    pub report: MergeReport,
}

/// Another project compared with the open one.
#[derive(Clone, Debug, Serialize, TS)]
pub struct Comparison {
    /// The other project's file name.
    pub file: String,
    /// What changed from it to the open project.
    pub diff: Diff,
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn types_of(choices: &[TypeChoice]) -> Result<TypeMap, IpcError> {
    TypeMap::from_pairs(choices.iter().map(|c| (c.kind.as_str(), c.target.as_str())))
        .map_err(IpcError::message)
}

fn pick(app: &AppHandle, title: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    let mut dialog = app.dialog().file().set_title(title);
    for (label, exts) in filters {
        dialog = dialog.add_filter(*label, exts);
    }
    if let Ok(dir) = app.path().document_dir() {
        dialog = dialog.set_directory(dir);
    }
    dialog.blocking_pick_file().and_then(|p| p.into_path().ok())
}

/// The open project's file, for `session`.
fn open_file(state: &AppState, session: u64) -> Result<PathBuf, IpcError> {
    let guard = lock(&state.session);
    Ok(session_ref(&guard, session)?.path().to_owned())
}

/// Asks for a file to import (a project's JSON, a workbook, a CSV file, a
/// Kumu map) and reads it; `None` when the user cancelled. Problems come
/// back as the error, each placed on its cell.
#[tauri::command]
pub async fn choose_import(app: AppHandle) -> Result<Option<ImportChoice>, IpcError> {
    blocking(app, "The file could not be read", move |app, state| {
        let filters: [(&str, &[&str]); 1] = [(
            "Projects, workbooks, CSV and Kumu maps",
            &["json", "xlsx", "csv", "tsv"],
        )];
        let Some(path) = pick(app, "Import a portfolio", &filters) else {
            return Ok(None);
        };
        *lock(&state.pending_import) = Some(path.clone());
        let types = TypeMap::default().for_preview();
        let read = api::read_import_with(&path, ImportFormat::Auto, &types)?;
        Ok(Some(ImportChoice {
            file: file_name(&path),
            preview: read.preview,
        }))
    })
    .await
}

/// Reads the chosen file again with Kumu's types mapped as the user chose.
#[tauri::command]
pub async fn preview_import(
    app: AppHandle,
    types: Vec<TypeChoice>,
) -> Result<ImportChoice, IpcError> {
    blocking(app, "The file could not be read", move |_, state| {
        let path = lock(&state.pending_import)
            .clone()
            .ok_or_else(|| IpcError::message("Choose a file to import first."))?;
        let types = types_of(&types)?.for_preview();
        let read = api::read_import_with(&path, ImportFormat::Auto, &types)?;
        Ok(ImportChoice {
            file: file_name(&path),
            preview: read.preview,
        })
    })
    .await
}

/// Asks where to save the imported project, writes it (checked whole;
/// nothing is left on a problem) and opens it; `None` when cancelled.
#[tauri::command]
pub async fn import_project(
    app: AppHandle,
    types: Vec<TypeChoice>,
) -> Result<Option<String>, IpcError> {
    blocking(
        app,
        "The project could not be imported",
        move |app, state| {
            let path = lock(&state.pending_import)
                .clone()
                .ok_or_else(|| IpcError::message("Choose a file to import first."))?;
            let types = types_of(&types)?;
            let name = path.file_stem().map_or_else(
                || "Imported".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
            let Some(output) = opening::save_dialog(
                app,
                "Save the imported project",
                &name,
                &[("Persona Atlas project", "patlas")],
            ) else {
                return Ok(None);
            };
            let (session, _) = api::import_with(&path, ImportFormat::Auto, &types, &output, true)?;
            *lock(&state.pending_import) = None;
            opening::show(app, session);
            Ok(Some(output.to_string_lossy().into_owned()))
        },
    )
    .await
}

/// Asks where to export the open project in `format` and writes it there;
/// returns the path, or `None` when cancelled.
#[tauri::command]
pub async fn export_project(
    app: AppHandle,
    session: u64,
    format: ExportFormat,
) -> Result<Option<String>, IpcError> {
    blocking(
        app,
        "The project could not be exported",
        move |app, state| {
            let input = open_file(state, session)?;
            let (title, label, ext) = match format {
                ExportFormat::Json => ("Export as JSON", "Persona Atlas JSON", "json"),
                ExportFormat::Xlsx => ("Export a workbook", "Excel workbook", "xlsx"),
                ExportFormat::Csv => ("Export a folder of CSV files", "Folder", "csv"),
                ExportFormat::Graphml => ("Export for yEd and Gephi", "GraphML", "graphml"),
                ExportFormat::Gexf => ("Export for Gephi", "GEXF", "gexf"),
                ExportFormat::Kumu => ("Export for Kumu", "Kumu blueprint", "json"),
            };
            let name = opening::project_name(app);
            let suggested = match format {
                ExportFormat::Kumu => format!("{name} (Kumu)"),
                _ => name,
            };
            let Some(mut output) = opening::save_dialog(app, title, &suggested, &[(label, ext)])
            else {
                return Ok(None);
            };
            if format == ExportFormat::Csv {
                // The name typed is the folder to create, without ".csv".
                output.set_extension("");
            }
            api::export_as(&input, format, &output, Date::today(), true)?;
            Ok(Some(output.to_string_lossy().into_owned()))
        },
    )
    .await
}

/// Asks for another project to merge into the open one and says what the
/// merge would do; nothing is written yet. `None` when cancelled.
#[tauri::command]
pub async fn choose_merge(app: AppHandle, session: u64) -> Result<Option<MergeChoice>, IpcError> {
    blocking(
        app,
        "The projects could not be merged",
        move |app, state| {
            let open = open_file(state, session)?;
            let filters: [(&str, &[&str]); 1] = [("Persona Atlas projects", &["patlas", "json"])];
            let Some(other) = pick(app, "Merge another team's project", &filters) else {
                return Ok(None);
            };
            let report = api::merge_preview(&open, &other, Date::today())?;
            *lock(&state.pending_merge) = Some(other.clone());
            Ok(Some(MergeChoice {
                file: file_name(&other),
                report,
            }))
        },
    )
    .await
}

/// Asks where to save the merged project, writes it and opens it; the
/// open project and the other are not changed. `None` when cancelled.
#[tauri::command]
pub async fn merge_projects(app: AppHandle, session: u64) -> Result<Option<String>, IpcError> {
    blocking(
        app,
        "The projects could not be merged",
        move |app, state| {
            let open = open_file(state, session)?;
            let other = lock(&state.pending_merge)
                .clone()
                .ok_or_else(|| IpcError::message("Choose a project to merge first."))?;
            let name = format!("{} merged", opening::project_name(app));
            let Some(output) = opening::save_dialog(
                app,
                "Save the merged project",
                &name,
                &[("Persona Atlas project", "patlas")],
            ) else {
                return Ok(None);
            };
            let (merged, _) = api::merge_files(&open, &other, &output, true, Date::today())?;
            *lock(&state.pending_merge) = None;
            opening::show(app, merged);
            Ok(Some(output.to_string_lossy().into_owned()))
        },
    )
    .await
}

/// Asks for another project (an earlier version) and says what changed
/// from it to the open one; `None` when cancelled.
#[tauri::command]
pub async fn compare_with(app: AppHandle, session: u64) -> Result<Option<Comparison>, IpcError> {
    blocking(
        app,
        "The projects could not be compared",
        move |app, state| {
            let open = open_file(state, session)?;
            let filters: [(&str, &[&str]); 1] = [("Persona Atlas projects", &["patlas", "json"])];
            let Some(other) = pick(app, "Compare with another version", &filters) else {
                return Ok(None);
            };
            let diff = api::diff_files(&other, &open, Date::today())?;
            Ok(Some(Comparison {
                file: file_name(&other),
                diff,
            }))
        },
    )
    .await
}
