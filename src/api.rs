//! The use cases: the only thing the desktop shell and the command-line tool
//! call. Each is a few lines over the store, the interchange format and the
//! views, so that both front ends behave the same.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{self, Analysis};
use crate::edit::{Edit, History};
use crate::error::{Error, Result};
use crate::model::{Counts, EntityKind, Project, ProjectMeta, RelationshipKind, Thresholds};
use crate::overview::{Overview, overview};
use crate::recent::RecentFiles;
use crate::store::{ProjectFile, SCHEMA_VERSION};
use crate::{demo, interchange};

/// Creates an empty project named `name` at `path`.
pub fn new_project(path: &Path, name: &str, overwrite: bool) -> Result<ProjectFile> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid {
            source_name: "the new project".to_owned(),
            problems: crate::Problems(vec![crate::Problem {
                path: "name".to_owned(),
                message: "must not be empty".to_owned(),
            }]),
        });
    }
    let project = Project {
        project: ProjectMeta {
            name: name.to_owned(),
            description: None,
        },
        ..Project::default()
    };
    ProjectFile::create(path, &project, overwrite)
}

/// Writes `project` to a new project file at `path`.
pub fn create(path: &Path, project: &Project, overwrite: bool) -> Result<ProjectFile> {
    ProjectFile::create(path, project, overwrite)
}

/// Writes the built-in demo portfolio to `path`.
pub fn create_demo(path: &Path, overwrite: bool) -> Result<ProjectFile> {
    ProjectFile::create(path, &demo::project()?, overwrite)
}

/// Opens a project file.
pub fn open(path: &Path) -> Result<ProjectFile> {
    ProjectFile::open(path)
}

/// Reads an interchange file into a new project at `output`. Everything is
/// checked before anything is written; on any problem no file is left.
pub fn import_json(input: &Path, output: &Path, overwrite: bool) -> Result<ProjectFile> {
    let project = read_json(input)?;
    ProjectFile::create(output, &project, overwrite)
}

/// Reads and checks an interchange file.
pub fn read_json(input: &Path) -> Result<Project> {
    let text = fs::read(input).map_err(|e| Error::io(input, "read the file", e))?;
    let text = String::from_utf8(text).map_err(|e| Error::Invalid {
        source_name: input.display().to_string(),
        problems: crate::Problems(vec![crate::Problem {
            path: String::new(),
            message: format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        }]),
    })?;
    interchange::read(&text, &input.display().to_string())
}

/// The interchange JSON of a project file.
pub fn export_json(input: &Path) -> Result<String> {
    Ok(interchange::write(&ProjectFile::open(input)?.load()?))
}

/// Writes `text` to `path` atomically: the old file, if any, stays whole
/// until the new one is complete.
pub fn write_text(path: &Path, text: &str) -> Result<()> {
    crate::atomic::write_text(path, text)
}

/// Saves a picture of the map the window drew, after checking it is one.
pub fn save_map_image(path: &Path, format: crate::image::ImageFormat, data: &str) -> Result<()> {
    crate::image::save(path, format, data)
}

/// Checks a picture of the map before anything is asked of the user, so a
/// bad one never gets as far as a file dialog.
pub fn check_map_image(
    format: crate::image::ImageFormat,
    data: &str,
) -> Result<crate::image::Picture> {
    crate::image::Picture::check(format, data)
}

/// Writes a checked picture of the map to `path`, whole or not at all.
pub fn write_map_image(path: &Path, picture: &crate::image::Picture) -> Result<()> {
    picture.save(path)
}

/// What is in a project file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Info {
    /// The project's name and description.
    pub project: ProjectMeta,
    /// The schema version of the file.
    pub schema_version: u32,
    /// How many entities of each kind it holds.
    pub counts: Counts,
}

/// Describes a project file.
pub fn info(path: &Path) -> Result<Info> {
    let project = ProjectFile::open(path)?.load()?;
    Ok(Info {
        counts: project.counts(),
        project: project.project,
        schema_version: SCHEMA_VERSION,
    })
}

/// The first view of an open project.
pub fn project_overview(file: &ProjectFile) -> Result<Overview> {
    Ok(overview(&file.load()?, &file.path().display().to_string()))
}

/// Saves a copy of the open project at `to` and opens the copy (Save As).
pub fn save_as(file: &ProjectFile, to: &Path, overwrite: bool) -> Result<ProjectFile> {
    file.copy_to(to, overwrite)?;
    ProjectFile::open(to)
}

/// What the app opens when it starts, and anything the user must be told.
#[derive(Debug)]
pub struct Startup {
    /// The project to show, if any could be opened.
    pub file: Option<ProjectFile>,
    /// A message for the user, e.g. why the last project could not be reopened.
    pub notice: Option<String>,
}

/// Decides what the app opens at start: the file it was given; else the last
/// project opened; else the demo, created at `demo` if it is not there yet.
/// A file given explicitly that cannot be opened is reported, not replaced by
/// another project, so the user is never left wondering which file is shown.
pub fn open_at_startup(given: Option<&Path>, recent: &RecentFiles, demo: &Path) -> Startup {
    if let Some(path) = given {
        return match ProjectFile::open(path) {
            Ok(file) => Startup {
                file: Some(file),
                notice: None,
            },
            Err(e) => Startup {
                file: None,
                notice: Some(e.to_string()),
            },
        };
    }
    let mut notice = None;
    if let Some(last) = recent.last() {
        match ProjectFile::open(last) {
            Ok(file) => {
                return Startup {
                    file: Some(file),
                    notice: None,
                };
            }
            Err(e) => {
                notice = Some(format!(
                    "The last project could not be reopened, so the demo is shown instead. {e}"
                ))
            }
        }
    }
    let demo_file = if demo.exists() {
        ProjectFile::open(demo)
    } else {
        if let Some(dir) = demo.parent() {
            let _ = fs::create_dir_all(dir);
        }
        create_demo(demo, false)
    };
    match demo_file {
        Ok(file) => Startup {
            file: Some(file),
            notice,
        },
        Err(e) => Startup {
            file: None,
            notice: Some(match notice {
                Some(n) => format!("{n} The demo could not be opened either: {e}"),
                None => format!("The demo could not be opened: {e}"),
            }),
        },
    }
}

/// Reads a project from a `.patlas` file or an interchange `.json` file,
/// told apart by their content, not their name.
pub fn read_any(path: &Path) -> Result<Project> {
    if crate::store::is_sqlite(path)? {
        ProjectFile::open(path)?.load()
    } else {
        read_json(path)
    }
}

/// Analyses the project in `path` (`.patlas` or `.json`), with the
/// thresholds stored in it unless `thresholds` overrides them.
pub fn analyze(path: &Path, thresholds: Option<Thresholds>) -> Result<(Project, Analysis)> {
    let project = read_any(path)?;
    let t = thresholds.unwrap_or(project.thresholds);
    let analysis = analysis::analyze(&project, &t);
    Ok((project, analysis))
}

/// Stores new thresholds in a project file, in one transaction.
pub fn set_thresholds(path: &Path, thresholds: &Thresholds) -> Result<()> {
    ProjectFile::open(path)?.set_thresholds(thresholds)
}

/// Everything the app's map and insights panel show about a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Insights {
    /// The findings.
    pub analysis: Analysis,
    /// The map, with the findings marked on it.
    pub map: crate::map_view::MapView,
    /// Where the user placed nodes; nodes not listed are laid out by the app.
    pub positions: Vec<crate::model::NodePosition>,
}

/// The findings and the map of an open project, with its stored thresholds.
pub fn insights(file: &ProjectFile) -> Result<Insights> {
    let project = file.load()?;
    let analysis = analysis::analyze(&project, &project.thresholds);
    let map = crate::map_view::map_view(&project, &analysis);
    Ok(Insights {
        analysis,
        map,
        positions: file.positions()?,
    })
}

/// The persona × product, need × product and segment × product matrices of
/// an open project.
pub fn matrices(file: &ProjectFile) -> Result<crate::matrix::Matrices> {
    Ok(crate::matrix::matrices(&file.load()?))
}

/// The most positions one call may store: more nodes than a map of 20,000
/// personas has, so a bigger message is refused before it is read through.
pub const MAX_POSITIONS: usize = 100_000;

/// The matrices of a project file (.patlas) or an interchange file (.json).
pub fn matrices_of(path: &Path) -> Result<crate::matrix::Matrices> {
    Ok(crate::matrix::matrices(&read_any(path)?))
}

/// Stores where the user placed nodes on the map (one transaction). With
/// `replace_all` the earlier layout is forgotten first.
pub fn set_positions(
    file: &mut ProjectFile,
    positions: &[crate::model::NodePosition],
    replace_all: bool,
) -> Result<()> {
    if positions.len() > MAX_POSITIONS {
        return Err(Error::Invalid {
            source_name: "the map layout".to_owned(),
            problems: crate::Problems(vec![crate::Problem {
                path: "positions".to_owned(),
                message: format!(
                    "{} positions is more than the {MAX_POSITIONS} a map can have",
                    positions.len()
                ),
            }]),
        });
    }
    file.set_positions(positions, replace_all)
}

/// Applies one edit to the open project, in one transaction, and remembers
/// the project as it was so that the edit can be undone.
pub fn edit(file: &mut ProjectFile, history: &mut History, edit: &Edit) -> Result<()> {
    let before = file.load()?;
    let after = crate::edit::apply(&before, edit)?;
    file.replace(&after)?;
    history.record(before);
    Ok(())
}

/// Undoes the last edit; false when there is none.
pub fn undo(file: &mut ProjectFile, history: &mut History) -> Result<bool> {
    let current = file.load()?;
    let Some(previous) = history.undo(current) else {
        return Ok(false);
    };
    if let Err(e) = file.replace(&previous) {
        // The file still holds the current project: put the history back.
        history.redo(previous);
        return Err(e);
    }
    Ok(true)
}

/// Redoes the last undone edit; false when there is none.
pub fn redo(file: &mut ProjectFile, history: &mut History) -> Result<bool> {
    let current = file.load()?;
    let Some(next) = history.redo(current) else {
        return Ok(false);
    };
    if let Err(e) = file.replace(&next) {
        history.undo(next);
        return Err(e);
    }
    Ok(true)
}

/// An entity to pick in a form: its id and name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Choice {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
}

/// A relationship between two personas, as a list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct RelationshipChoice {
    /// The id of the persona who acts.
    pub from: String,
    /// The id of the persona acted on.
    pub to: String,
    /// How; with the two personas it names the relationship.
    pub kind: RelationshipKind,
    /// How strongly, 0-1.
    pub weight: f64,
}

/// What a form may link to, each list sorted by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Catalog {
    /// Market segments.
    pub market_segments: Vec<Choice>,
    /// Customer segments.
    pub customer_segments: Vec<Choice>,
    /// Buying roles.
    pub buying_roles: Vec<Choice>,
    /// Needs.
    pub needs: Vec<Choice>,
    /// Products.
    pub products: Vec<Choice>,
    /// Competitors.
    pub competitors: Vec<Choice>,
    /// Personas.
    pub personas: Vec<Choice>,
    /// The relationships between personas, sorted by the name of who acts,
    /// then of whom they act on, then by kind.
    pub relationships: Vec<RelationshipChoice>,
}

/// The entities of a project that forms link to, and its relationships.
/// O(n log n) in the number of entities.
pub fn catalog(file: &ProjectFile) -> Result<Catalog> {
    let p = file.load()?;
    fn choices<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Choice> {
        let mut out: Vec<Choice> = items
            .map(|(id, name)| Choice {
                id: id.to_owned(),
                name: name.to_owned(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        out
    }
    Ok(Catalog {
        market_segments: choices(
            p.market_segments
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str())),
        ),
        customer_segments: choices(
            p.customer_segments
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str())),
        ),
        buying_roles: choices(
            p.buying_roles
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str())),
        ),
        needs: choices(p.needs.iter().map(|x| (x.id.as_str(), x.name.as_str()))),
        products: choices(p.products.iter().map(|x| (x.id.as_str(), x.name.as_str()))),
        competitors: choices(
            p.competitors
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str())),
        ),
        personas: choices(p.personas.iter().map(|x| (x.id.as_str(), x.name.as_str()))),
        relationships: relationship_choices(&p),
    })
}

/// The project's relationships sorted by the names of the two personas and
/// then the kind. Ids follow each name, so that two personas of one name
/// still sort the same way every time and their relationships stay together.
fn relationship_choices(p: &Project) -> Vec<RelationshipChoice> {
    let names: HashMap<&str, &str> = p
        .personas
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    // The core checks that both ends are personas; an unknown one (which
    // cannot happen) sorts by its id rather than failing the whole list.
    let key = |r: &RelationshipChoice| {
        let from = names.get(r.from.as_str()).copied().unwrap_or(&r.from);
        let to = names.get(r.to.as_str()).copied().unwrap_or(&r.to);
        (
            from.to_owned(),
            r.from.clone(),
            to.to_owned(),
            r.to.clone(),
            r.kind,
        )
    };
    let mut out: Vec<RelationshipChoice> = p
        .relationships
        .iter()
        .map(|r| RelationshipChoice {
            from: r.from.as_str().to_owned(),
            to: r.to.as_str().to_owned(),
            kind: r.kind,
            weight: r.weight.get(),
        })
        .collect();
    out.sort_by_cached_key(key);
    out
}

/// Every entity of `kind` as the interchange format writes it, sorted by
/// id, for the views that show many at once: one read of the project
/// whatever their number, where [`entity`] for each would read it each time.
pub fn entities(file: &ProjectFile, kind: EntityKind) -> Result<Vec<serde_json::Value>> {
    written(&file.load()?, kind)
}

/// One entity as the interchange format writes it, for a form to edit.
pub fn entity(file: &ProjectFile, kind: EntityKind, id: &str) -> Result<serde_json::Value> {
    written(&file.load()?, kind)?
        .into_iter()
        .find(|e| e.get("id").and_then(serde_json::Value::as_str) == Some(id))
        .ok_or_else(|| invalid_project(format!("no {} with id {id:?}", kind.label())))
}

/// The list of `kind` in the interchange JSON of `project`. Going through
/// the written text keeps what a form or list sees exactly what an export
/// holds. O(size of the project).
fn written(project: &Project, kind: EntityKind) -> Result<Vec<serde_json::Value>> {
    let mut doc: serde_json::Value = serde_json::from_str(&interchange::write(project))
        .map_err(|e| invalid_project(e.to_string()))?;
    match doc.get_mut(kind.list()).map(serde_json::Value::take) {
        Some(serde_json::Value::Array(list)) => Ok(list),
        // The format writes every list, even an empty one.
        None => Ok(Vec::new()),
        Some(_) => Err(invalid_project(format!(
            "{}: the written project holds no list here",
            kind.list()
        ))),
    }
}

/// A problem with the open project as a whole, with no field to point at.
fn invalid_project(message: String) -> Error {
    Error::Invalid {
        source_name: "the project".to_owned(),
        problems: crate::Problems(vec![crate::Problem {
            path: String::new(),
            message,
        }]),
    }
}
