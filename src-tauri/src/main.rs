//! The Persona Atlas desktop app.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    persona_atlas_desktop::run();
}
