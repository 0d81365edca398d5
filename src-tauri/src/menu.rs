//! The native menu bar.

use std::path::Path;

use serde::Serialize;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Wry};
use ts_rs::TS;

use crate::opening;
use crate::state::{AppState, lock};

const NEW: &str = "file.new";
const OPEN: &str = "file.open";
const OPEN_DEMO: &str = "file.open-demo";
const SAVE_AS: &str = "file.save-as";
const QUIT: &str = "file.quit";
const CLEAR_RECENT: &str = "file.recent.clear";
const UNDO: &str = "edit.undo";
const REDO: &str = "edit.redo";
const RECENT_PREFIX: &str = "file.recent.";

/// Sent to the window when a menu item asks it to do something itself; the
/// payload is a [`MenuCommand`].
pub const MENU_COMMAND: &str = "menu-command";

/// What a menu item asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum MenuCommand {
    /// Save the current map view as a PNG image.
    ExportPng,
    /// Save the current map view as an SVG drawing.
    ExportSvg,
    /// Save the one-pager of the persona shown or selected.
    ExportOnePager,
    /// Save the portfolio report.
    ExportReport,
    /// Show the map.
    ShowMap,
    /// Show the personas.
    ShowPersonas,
    /// Show the portfolio.
    ShowPortfolio,
    /// Show the matrices.
    ShowMatrices,
    /// Show the journeys.
    ShowJourneys,
    /// Show the customer data.
    ShowData,
    /// Import a portfolio from another format.
    Import,
    /// Export the project as a workbook.
    ExportXlsx,
    /// Export the project as a folder of CSV files.
    ExportCsv,
    /// Export the project as GraphML.
    ExportGraphml,
    /// Export the project as GEXF.
    ExportGexf,
    /// Export the project as a Kumu blueprint.
    ExportKumu,
    /// Merge another team's project into a new one.
    Merge,
    /// Compare the project with another version.
    Compare,
    /// Fit the whole map in the window.
    FitMap,
    /// Put the cursor in the persona search.
    Find,
    /// Undo: the typing in the focused field, or else the last edit.
    Undo,
    /// Redo: the typing in the focused field, or else the last undone edit.
    Redo,
    /// Open the form for a new persona.
    NewPersona,
    /// Open the form for a new product.
    NewProduct,
    /// Open the form for a new need.
    NewNeed,
    /// Show the map in link mode, to draw a relationship.
    DrawRelationship,
    /// Offer the starter sets.
    StarterSets,
    /// Save what the map shows as a named view.
    SaveView,
    /// Step through the saved views full-window.
    Present,
    /// List the keyboard shortcuts.
    Shortcuts,
    /// Rename or describe the project.
    ProjectDetails,
}

/// Menu ids of the items that send a [`MenuCommand`], with their label and shortcut.
const COMMANDS: [(&str, MenuCommand, &str, &str); 29] = [
    (
        "file.export-png",
        MenuCommand::ExportPng,
        "Export Map as PNG…",
        "CmdOrCtrl+E",
    ),
    (
        "file.export-svg",
        MenuCommand::ExportSvg,
        "Export Map as SVG…",
        "CmdOrCtrl+Shift+E",
    ),
    ("view.map", MenuCommand::ShowMap, "Map", "CmdOrCtrl+1"),
    (
        "view.personas",
        MenuCommand::ShowPersonas,
        "Personas",
        "CmdOrCtrl+2",
    ),
    (
        "view.portfolio",
        MenuCommand::ShowPortfolio,
        "Portfolio",
        "CmdOrCtrl+3",
    ),
    (
        "view.matrices",
        MenuCommand::ShowMatrices,
        "Matrices",
        "CmdOrCtrl+4",
    ),
    ("view.fit", MenuCommand::FitMap, "Fit Map", "CmdOrCtrl+0"),
    (
        "edit.find",
        MenuCommand::Find,
        "Find Persona…",
        "CmdOrCtrl+F",
    ),
    (
        "file.export-one-pager",
        MenuCommand::ExportOnePager,
        "Export Persona One-Pager…",
        "CmdOrCtrl+P",
    ),
    (
        "file.export-report",
        MenuCommand::ExportReport,
        "Export Portfolio Report…",
        "CmdOrCtrl+Shift+P",
    ),
    (
        "view.journeys",
        MenuCommand::ShowJourneys,
        "Journeys",
        "CmdOrCtrl+5",
    ),
    (
        "view.data",
        MenuCommand::ShowData,
        "Customer Data",
        "CmdOrCtrl+6",
    ),
    ("file.import", MenuCommand::Import, "Import…", "CmdOrCtrl+I"),
    (
        "file.export-xlsx",
        MenuCommand::ExportXlsx,
        "Export Workbook (XLSX)…",
        "",
    ),
    (
        "file.export-csv",
        MenuCommand::ExportCsv,
        "Export CSV Folder…",
        "",
    ),
    (
        "file.export-graphml",
        MenuCommand::ExportGraphml,
        "Export GraphML (yEd, Gephi)…",
        "",
    ),
    (
        "file.export-gexf",
        MenuCommand::ExportGexf,
        "Export GEXF (Gephi)…",
        "",
    ),
    (
        "file.export-kumu",
        MenuCommand::ExportKumu,
        "Export Kumu Blueprint…",
        "",
    ),
    (
        "file.merge",
        MenuCommand::Merge,
        "Merge Project…",
        "CmdOrCtrl+Shift+M",
    ),
    (
        "file.compare",
        MenuCommand::Compare,
        "Compare With…",
        "CmdOrCtrl+Shift+D",
    ),
    (
        "edit.new-persona",
        MenuCommand::NewPersona,
        "New Persona…",
        "CmdOrCtrl+Shift+N",
    ),
    (
        "edit.new-product",
        MenuCommand::NewProduct,
        "New Product…",
        "",
    ),
    ("edit.new-need", MenuCommand::NewNeed, "New Need…", ""),
    (
        "edit.draw-relationship",
        MenuCommand::DrawRelationship,
        "Draw Relationship",
        "CmdOrCtrl+L",
    ),
    (
        "edit.starter-sets",
        MenuCommand::StarterSets,
        "Add Starter Set…",
        "",
    ),
    (
        "view.save-view",
        MenuCommand::SaveView,
        "Save View…",
        "CmdOrCtrl+D",
    ),
    ("view.present", MenuCommand::Present, "Present Views", "F5"),
    (
        "help.shortcuts",
        MenuCommand::Shortcuts,
        "Keyboard Shortcuts",
        "F1",
    ),
    (
        "file.project-details",
        MenuCommand::ProjectDetails,
        "Project Name and Description…",
        "",
    ),
];

fn command_item(app: &AppHandle, index: usize) -> tauri::Result<tauri::menu::MenuItem<Wry>> {
    let (id, _, label, keys) = COMMANDS[index];
    let item = MenuItemBuilder::with_id(id, label);
    if keys.is_empty() {
        item.build(app)
    } else {
        item.accelerator(keys).build(app)
    }
}

/// Builds the menu bar, with the recent projects listed under Open Recent.
pub fn build(app: &AppHandle) -> tauri::Result<Menu<Wry>> {
    let recent_paths = lock(&app.state::<AppState>().recent).paths().to_vec();
    let mut recent = SubmenuBuilder::new(app, "Open Recent");
    if recent_paths.is_empty() {
        recent = recent.item(
            &MenuItemBuilder::with_id("file.recent.none", "No Recent Projects")
                .enabled(false)
                .build(app)?,
        );
    }
    for (i, path) in recent_paths.iter().enumerate() {
        recent = recent.item(
            &MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{i}"), recent_label(path))
                .build(app)?,
        );
    }
    let recent = recent
        .separator()
        .item(
            &MenuItemBuilder::with_id(CLEAR_RECENT, "Clear Recent")
                .enabled(!recent_paths.is_empty())
                .build(app)?,
        )
        .build()?;

    let file = SubmenuBuilder::new(app, "File")
        .item(
            &MenuItemBuilder::with_id(NEW, "New Project…")
                .accelerator("CmdOrCtrl+N")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id(OPEN, "Open…")
                .accelerator("CmdOrCtrl+O")
                .build(app)?,
        )
        .item(&recent)
        .item(&MenuItemBuilder::with_id(OPEN_DEMO, "Open Demo Portfolio").build(app)?)
        .item(&command_item(app, 12)?)
        .separator()
        .item(
            &MenuItemBuilder::with_id(SAVE_AS, "Save As…")
                .accelerator("CmdOrCtrl+Shift+S")
                .build(app)?,
        )
        .item(&command_item(app, 28)?)
        .separator()
        .item(&command_item(app, 0)?)
        .item(&command_item(app, 1)?)
        .item(&command_item(app, 8)?)
        .item(&command_item(app, 9)?)
        .item(&command_item(app, 13)?)
        .item(&command_item(app, 14)?)
        .item(&command_item(app, 15)?)
        .item(&command_item(app, 16)?)
        .item(&command_item(app, 17)?)
        .separator()
        .item(&command_item(app, 18)?)
        .item(&command_item(app, 19)?)
        .separator()
        .item(
            &MenuItemBuilder::with_id(QUIT, "Quit")
                .accelerator("CmdOrCtrl+Q")
                .build(app)?,
        )
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(
            &MenuItemBuilder::with_id(UNDO, "Undo")
                .accelerator("CmdOrCtrl+Z")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id(REDO, "Redo")
                .accelerator("CmdOrCtrl+Shift+Z")
                .build(app)?,
        )
        .separator()
        .item(&command_item(app, 7)?)
        .separator()
        .item(&command_item(app, 20)?)
        .item(&command_item(app, 21)?)
        .item(&command_item(app, 22)?)
        .item(&command_item(app, 23)?)
        .item(&command_item(app, 24)?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&command_item(app, 2)?)
        .item(&command_item(app, 3)?)
        .item(&command_item(app, 4)?)
        .item(&command_item(app, 5)?)
        .item(&command_item(app, 10)?)
        .item(&command_item(app, 11)?)
        .separator()
        .item(&command_item(app, 6)?)
        .separator()
        .item(&command_item(app, 25)?)
        .item(&command_item(app, 26)?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&command_item(app, 27)?)
        .build()?;
    MenuBuilder::new(app)
        .item(&file)
        .item(&edit)
        .item(&view)
        .item(&help)
        .build()
}

/// "name.patlas — /folder", so that two files of one name can be told apart.
fn recent_label(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match path.parent() {
        Some(dir) => format!("{name} — {}", dir.display()),
        None => name,
    }
}

/// Rebuilds the menu after the recent list changed.
pub fn refresh(app: &AppHandle) {
    let handle = app.clone();
    let rebuilt = app.run_on_main_thread(move || match build(&handle) {
        Ok(menu) => {
            if let Err(e) = handle.set_menu(menu) {
                eprintln!("persona-atlas: cannot update the menu: {e}");
            }
        }
        Err(e) => eprintln!("persona-atlas: cannot build the menu: {e}"),
    });
    if let Err(e) = rebuilt {
        eprintln!("persona-atlas: cannot update the menu: {e}");
    }
}

/// Asks the window to carry out `command`.
fn tell(app: &AppHandle, command: MenuCommand) {
    if let Err(e) = app.emit(MENU_COMMAND, command) {
        eprintln!("persona-atlas: cannot tell the window: {e}");
    }
}

/// Dispatches a menu click.
pub fn handle(app: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        NEW => opening::new_dialog(app),
        OPEN => opening::open_dialog(app),
        OPEN_DEMO => opening::open_demo(app),
        SAVE_AS => opening::save_as_dialog(app),
        QUIT => app.exit(0),
        CLEAR_RECENT => opening::clear_recent(app),
        // The window decides what Undo means: a native accelerator takes
        // Ctrl+Z before the web view sees it, so a field being typed in
        // would otherwise lose its own undo to the project's.
        UNDO => tell(app, MenuCommand::Undo),
        REDO => tell(app, MenuCommand::Redo),
        id => {
            if let Some(&(_, command, _, _)) = COMMANDS.iter().find(|(c, ..)| *c == id) {
                tell(app, command);
            } else if let Some(index) = id
                .strip_prefix(RECENT_PREFIX)
                .and_then(|i| i.parse::<usize>().ok())
            {
                opening::open_recent(app, index);
            }
        }
    }
}
