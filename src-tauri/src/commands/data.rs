//! Commands of the Data view: a table of customer records chosen in the
//! system's dialog (the web view never names a path), matched on a thread
//! the window can follow and stop, and saved as evidence, counts only.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use persona_atlas::api::{self, RuleCheck};
use persona_atlas::model::{Date, EvidenceKind};
use persona_atlas::rules::{MatchOptions, RuleCount, TableMatch, Watch};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::commands::blocking;
use crate::commands::edit::{Changed, changed};
use crate::error::IpcError;
use crate::state::{AppState, Table, lock, session_mut, session_ref};

/// Sent to the window while a match reads its table.
pub const MATCH_PROGRESS: &str = "match-progress";

/// How far a match has read.
#[derive(Clone, Debug, Serialize, TS)]
pub struct MatchProgress {
    /// Bytes read.
    #[ts(type = "number")]
    pub read: u64,
    /// Bytes in the file.
    #[ts(type = "number")]
    pub total: u64,
}

/// The table the Data view reads, as the window shows it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct TableFile {
    /// The file's name, without its folder.
    pub name: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The demo's own made-up contacts.
    pub demo: bool,
}

fn table_file(table: &Table) -> Result<TableFile, IpcError> {
    let bytes = std::fs::metadata(&table.path)
        .map_err(|e| IpcError::message(format!("{} cannot be read: {e}", table.path.display())))?
        .len();
    Ok(TableFile {
        name: table
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        bytes,
        demo: table.demo,
    })
}

/// Asks for a table of customer records (CSV, TSV or an Excel workbook)
/// and makes it the one the Data view reads; `None` when the user
/// cancelled.
#[tauri::command]
pub async fn choose_table(app: AppHandle, session: u64) -> Result<Option<TableFile>, IpcError> {
    blocking(app, "The table could not be chosen", move |app, state| {
        session_ref(&lock(&state.session), session)?;
        let dir = lock(&state.table)
            .as_ref()
            .and_then(|t| t.path.parent().map(PathBuf::from))
            .or_else(|| app.path().document_dir().ok());
        let mut dialog = app
            .dialog()
            .file()
            .set_title("Choose a table of customer records")
            .add_filter("Tables (CSV, TSV, Excel)", &["csv", "tsv", "txt", "xlsx"]);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        let Some(path) = dialog.blocking_pick_file().and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        let table = Table { path, demo: false };
        let shown = table_file(&table)?;
        *lock(&state.table) = Some(table);
        Ok(Some(shown))
    })
    .await
}

/// Makes the demo's made-up contacts the table the Data view reads
/// (writing them again if they were deleted); only while the demo is open.
#[tauri::command]
pub async fn use_demo_table(app: AppHandle, session: u64) -> Result<TableFile, IpcError> {
    blocking(
        app,
        "The demo's contacts could not be read",
        move |_, state| {
            {
                let guard = lock(&state.session);
                let open = session_ref(&guard, session)?;
                if open.path() != state.demo_file {
                    return Err(IpcError::message(
                        "The made-up contacts belong to the demo portfolio; choose a table of your \
                     own customers for this project.",
                    ));
                }
            }
            let path = api::demo_contacts_beside(&state.demo_file);
            if !path.exists() {
                api::write_demo_contacts(&path, false)?;
            }
            let table = Table { path, demo: true };
            let shown = table_file(&table)?;
            *lock(&state.table) = Some(table);
            Ok(shown)
        },
    )
    .await
}

/// What the Data view starts from.
#[derive(Clone, Debug, Serialize, TS)]
pub struct DataStatus {
    /// The table chosen, if any.
    pub table: Option<TableFile>,
    /// The open project is the demo, whose made-up contacts can be tried.
    pub demo: bool,
}

/// The table the Data view reads, if one was chosen, and whether the demo
/// is open.
#[tauri::command]
pub async fn data_status(app: AppHandle, session: u64) -> Result<DataStatus, IpcError> {
    blocking(app, "The table could not be read", move |_, state| {
        let demo = {
            let guard = lock(&state.session);
            session_ref(&guard, session)?.path() == state.demo_file
        };
        let table = lock(&state.table).as_ref().map(table_file).transpose()?;
        Ok(DataStatus { table, demo })
    })
    .await
}

/// Matches the open project's rules against the chosen table, grouping
/// accounts by `account` and reading the workbook sheet `sheet` when given.
/// Progress arrives as `match-progress` events; `cancel_match` stops it.
#[tauri::command]
pub async fn run_match(
    app: AppHandle,
    session: u64,
    account: Option<String>,
    sheet: Option<String>,
) -> Result<TableMatch, IpcError> {
    blocking(app, "The table could not be matched", move |app, state| {
        let (project, path) = {
            let guard = lock(&state.session);
            let project = session_ref(&guard, session)?.project().clone();
            let table = lock(&state.table);
            let path = table
                .as_ref()
                .map(|t| t.path.clone())
                .ok_or_else(|| IpcError::message("Choose a table of customer records first."))?;
            (project, path)
        };
        let total = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let watch = Arc::new(Watch::default());
        if let Some(earlier) = lock(&state.matching).replace(watch.clone()) {
            earlier.cancel();
        }
        let options = MatchOptions {
            account: account.filter(|a| !a.trim().is_empty()),
            sheet,
            unmatched_values: true,
        };
        // The match runs on its own thread; this one tells the window how
        // far it has read every tenth of a second until it ends.
        let found = std::thread::scope(|scope| {
            let (done, ended) = std::sync::mpsc::channel::<()>();
            let (project, path, options, watching) = (&project, &path, &options, &*watch);
            let running = scope.spawn(move || {
                let found = api::match_table_watched(project, path, options, watching);
                let _ = done.send(());
                found
            });
            while let Err(RecvTimeoutError::Timeout) =
                ended.recv_timeout(Duration::from_millis(100))
            {
                let progress = MatchProgress {
                    read: watch.read().min(total),
                    total,
                };
                let _ = app.emit(MATCH_PROGRESS, progress);
            }
            running.join()
        });
        {
            let mut matching = lock(&state.matching);
            if matching.as_ref().is_some_and(|w| Arc::ptr_eq(w, &watch)) {
                *matching = None;
            }
        }
        let found =
            found.map_err(|_| IpcError::message("The match stopped on an internal error."))??;
        *lock(&state.last_match) = Some((session, found.report.clone()));
        Ok(found)
    })
    .await
}

/// Stops the match that is running, if any.
#[tauri::command]
pub fn cancel_match(app: AppHandle) {
    if let Some(watch) = lock(&app.state::<AppState>().matching).as_ref() {
        watch.cancel();
    }
}

/// Saves the last match of `session` as evidence of `kind` (crm or
/// analytics) on every persona with a rule: counts, the table's name, size
/// and SHA-256, never a record. One edit, which undo takes back.
#[tauri::command]
pub async fn save_match(
    app: AppHandle,
    session: u64,
    kind: EvidenceKind,
) -> Result<Changed, IpcError> {
    blocking(app, "The match could not be saved", move |_, state| {
        let report = match lock(&state.last_match).as_ref() {
            Some((of, report)) if *of == session => report.clone(),
            _ => {
                return Err(IpcError::message(
                    "There is no match of this project to save; match a table first.",
                ));
            }
        };
        let edit = api::match_evidence(&report, kind, Date::today());
        let mut guard = lock(&state.session);
        let open = session_mut(&mut guard, session)?;
        let outcome = api::edit(open, &edit)?;
        Ok(changed(open, outcome, api::affected_by(&edit)))
    })
    .await
}

/// Checks a rule as it is typed: where it is wrong, and the columns it
/// names.
#[tauri::command]
pub fn check_rule(text: String) -> RuleCheck {
    api::check_rule(&text)
}

/// How many records of the chosen table the rule `rules` matches as the
/// persona `persona`'s; `None` when no table is chosen. A newer count stops
/// an older one still reading.
#[tauri::command]
pub async fn count_rule(
    app: AppHandle,
    session: u64,
    persona: String,
    rules: String,
    sheet: Option<String>,
) -> Result<Option<RuleCount>, IpcError> {
    blocking(app, "The rule could not be counted", move |_, state| {
        let project = {
            let guard = lock(&state.session);
            session_ref(&guard, session)?.project().clone()
        };
        let Some(path) = lock(&state.table).as_ref().map(|t| t.path.clone()) else {
            return Ok(None);
        };
        let watch = Arc::new(Watch::default());
        if let Some(earlier) = lock(&state.counting).replace(watch.clone()) {
            earlier.cancel();
        }
        let counted = api::count_rule(&project, &persona, &rules, &path, sheet, &watch);
        {
            let mut counting = lock(&state.counting);
            if counting.as_ref().is_some_and(|w| Arc::ptr_eq(w, &watch)) {
                *counting = None;
            }
        }
        Ok(Some(counted?))
    })
    .await
}
