//! The JSON interchange format, version 1 (`shared/spec/interchange-v1.md`):
//! how a whole project travels as text.
//!
//! Reading checks everything before anything is built, and reports every
//! problem with the place it stands (`personas[3].needs[1].need: no need with
//! id "need-sso"`). Writing is deterministic: lists sorted by id, fields in a
//! fixed order, so two exports of one project are byte-identical.

mod read;

use crate::model::Project;

pub use read::{read, read_entity, read_value, read_views};

/// The value of the top-level `format` field.
pub const FORMAT: &str = "persona-atlas";

/// The version of the format this build reads and writes.
pub const VERSION: u64 = 1;

/// The top level as written: `format` and `version` first, then the project.
#[derive(serde::Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    project: &'a Project,
}

/// A project as an interchange document, sorted as [`write`] writes it.
pub fn to_value(project: &Project) -> serde_json::Value {
    let mut sorted = project.clone();
    sorted.sort();
    let document = Document {
        format: FORMAT,
        version: VERSION,
        project: &sorted,
    };
    serde_json::to_value(&document)
        .unwrap_or_else(|e| unreachable!("the model always serialises: {e}"))
}

/// Writes a project as interchange JSON: sorted, two-space indented, with a
/// final newline.
pub fn write(project: &Project) -> String {
    let mut sorted = project.clone();
    sorted.sort();
    let document = Document {
        format: FORMAT,
        version: VERSION,
        project: &sorted,
    };
    // The model holds only strings, finite numbers, booleans and maps with
    // string keys, none of which serde_json can fail on.
    let mut text = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|e| unreachable!("the model always serialises: {e}"));
    text.push('\n');
    text
}
