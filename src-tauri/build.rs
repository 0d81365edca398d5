//! Generates the Tauri context and the permissions of the app's own commands.

fn main() {
    // The built UI is embedded by `generate_context!`; rebuild when it changes.
    println!("cargo:rerun-if-changed=../ui/dist");
    // Listing the commands makes each one need an explicit permission in a
    // capability, so the webview can call only what capabilities/ allows.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_status",
        "overview",
        "open_project_dialog",
        "new_project_dialog",
        "open_demo",
        "save_as_dialog",
        "reload_project",
        "insights",
        "edit",
        "step_history",
        "starter_sets",
        "add_starter_set",
        "catalog",
        "entity",
        "entities",
        "matrices",
        "profile",
        "journeys",
        "export_map_image",
        "export_one_pager",
        "export_report",
        "choose_table",
        "use_demo_table",
        "data_status",
        "run_match",
        "cancel_match",
        "save_match",
        "check_rule",
        "count_rule",
        "choose_import",
        "preview_import",
        "import_project",
        "export_project",
        "choose_merge",
        "merge_projects",
        "compare_with",
    ]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
