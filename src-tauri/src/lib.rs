//! The Persona Atlas desktop shell: window, menus, dialogs and a thin set of
//! commands over the `persona-atlas` core. No business logic lives here.

mod bindings;
mod commands;
mod error;
mod menu;
mod opening;
mod state;

use std::path::PathBuf;
use std::sync::Mutex;

use persona_atlas::api;
use persona_atlas::recent::RecentFiles;
use tauri::Manager;

use crate::state::AppState;

/// The project file named on the command line, if any.
fn file_argument() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

/// `--demo`: start on the demo portfolio, whatever was open last.
fn demo_flag() -> bool {
    std::env::args_os().skip(1).any(|a| a == "--demo")
}

/// Makes WebKitGTK draw the page without its compositing mode, unless
/// `PERSONA_ATLAS_COMPOSITING=1` asks for it. Measured with measure-map on a
/// 2,000-persona map under Xvfb: wheel zooming went from 2 to 57 frames per
/// second, and patching the map after an edit from 102 to 40 ms. The map is
/// a canvas, which WebKitGTK draws on the CPU either way; compositing only
/// added a copy of every frame, which without a GPU (VMs, remote desktops)
/// is what made the map crawl.
fn draw_without_compositing(app: &tauri::AppHandle) {
    #[cfg(target_os = "linux")]
    {
        if std::env::var_os("PERSONA_ATLAS_COMPOSITING").is_some_and(|v| v == "1") {
            return;
        }
        if let Some(window) = app.get_webview_window("main") {
            let applied = window.with_webview(|webview| {
                use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
                if let Some(settings) = webview.inner().settings() {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            });
            if let Err(e) = applied {
                eprintln!("persona-atlas: cannot set how the window draws: {e}");
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// Starts the app.
pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // The window opens where and as large as the user left it.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(|app| {
            let config = app.path().app_config_dir()?;
            let data = app.path().app_data_dir()?;
            let recent_file = config.join("recent.json");
            let demo_file = data.join("Demo portfolio.patlas");
            let recent = RecentFiles::load(&recent_file);
            let startup = if demo_flag() {
                api::open_at_startup(None, &RecentFiles::default(), &demo_file)
            } else {
                api::open_at_startup(file_argument().as_deref(), &recent, &demo_file)
            };
            app.manage(AppState {
                session: Mutex::new(None),
                notice: Mutex::new(startup.notice),
                recent: Mutex::new(recent),
                recent_file,
                demo_file,
                table: Mutex::new(None),
                matching: Mutex::new(None),
                counting: Mutex::new(None),
                last_match: Mutex::new(None),
                pending_import: Mutex::new(None),
                pending_merge: Mutex::new(None),
            });
            let handle = app.handle().clone();
            draw_without_compositing(&handle);
            match startup.file {
                Some(file) => opening::show(&handle, file),
                None => {
                    opening::set_title(&handle, "", None);
                    menu::refresh(&handle);
                }
            }
            Ok(())
        })
        .on_menu_event(menu::handle)
        .invoke_handler(tauri::generate_handler![
            commands::project::app_status,
            commands::project::overview,
            commands::project::open_project_dialog,
            commands::project::new_project_dialog,
            commands::project::open_demo,
            commands::project::save_as_dialog,
            commands::project::reload_project,
            commands::insights::insights,
            commands::edit::edit,
            commands::edit::step_history,
            commands::edit::starter_sets,
            commands::edit::add_starter_set,
            commands::edit::catalog,
            commands::edit::entity,
            commands::edit::entities,
            commands::insights::matrices,
            commands::insights::profile,
            commands::insights::journeys,
            commands::project::export_map_image,
            commands::project::export_one_pager,
            commands::project::export_report,
            commands::data::choose_table,
            commands::data::use_demo_table,
            commands::data::data_status,
            commands::data::run_match,
            commands::data::cancel_match,
            commands::data::save_match,
            commands::data::check_rule,
            commands::data::count_rule,
            commands::transfer::choose_import,
            commands::transfer::preview_import,
            commands::transfer::import_project,
            commands::transfer::export_project,
            commands::transfer::choose_merge,
            commands::transfer::merge_projects,
            commands::transfer::compare_with,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("persona-atlas: the app could not start: {e}");
        std::process::exit(1);
    }
}
