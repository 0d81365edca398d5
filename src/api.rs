//! The use cases: the only thing the desktop shell and the command-line tool
//! call. Each is a few lines over the store, the interchange format and the
//! views, so that both front ends behave the same.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{self, Analysis};
use crate::delta::Sent;
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{Counts, Date, EntityKind, Project, ProjectMeta, RelationshipKind, Thresholds};
use crate::overview::{Overview, overview};
use crate::print::Paper;
use crate::recent::RecentFiles;
use crate::session::{Outcome, Session};
use crate::store::ProjectFile;
use crate::{demo, interchange};

/// Creates an empty project named `name` at `path` and opens it.
pub fn new_project(path: &Path, name: &str, overwrite: bool) -> Result<Session> {
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
    create(path, &project, overwrite)
}

/// Writes `project` to a new project file at `path` and opens it.
/// O(project).
pub fn create(path: &Path, project: &Project, overwrite: bool) -> Result<Session> {
    Session::from_file(ProjectFile::create(path, project, overwrite)?)
}

/// Writes the built-in demo portfolio to `path` and opens it.
pub fn create_demo(path: &Path, overwrite: bool) -> Result<Session> {
    create(path, &demo::project()?, overwrite)
}

/// Writes the demo's table of made-up CRM contacts (CSV) to `path`, for
/// trying the personas' rules; refused over an existing file unless
/// `overwrite`.
pub fn write_demo_contacts(path: &Path, overwrite: bool) -> Result<()> {
    if path.exists() && !overwrite {
        return Err(Error::Exists {
            path: path.to_owned(),
        });
    }
    crate::atomic::write_bytes(path, &demo::contacts::csv(demo::CONTACTS))
}

/// Where the app keeps the demo's contacts: beside the demo project.
pub fn demo_contacts_beside(demo: &Path) -> PathBuf {
    demo.with_file_name("Demo contacts.csv")
}

/// Opens the demo at `demo`, writing it first (with its contacts beside
/// it, `Demo contacts.csv`) when it is not there yet.
pub fn open_or_create_demo(demo: &Path) -> Result<Session> {
    if demo.exists() {
        return Session::open(demo);
    }
    if let Some(dir) = demo.parent() {
        let _ = fs::create_dir_all(dir);
    }
    // The contacts are for trying the rules; the demo opens without them
    // if they cannot be written.
    let _ = write_demo_contacts(&demo_contacts_beside(demo), false);
    create_demo(demo, false)
}

/// Opens a project file into memory. O(project).
pub fn open(path: &Path) -> Result<Session> {
    Session::open(path)
}

/// Reads an interchange file into a new project at `output`. Everything is
/// checked before anything is written; on any problem no file is left.
pub fn import_json(input: &Path, output: &Path, overwrite: bool) -> Result<Session> {
    let project = read_json(input)?;
    create(output, &project, overwrite)
}

/// A file's bytes as text, or the place of its first byte that is not
/// UTF-8.
fn utf8_text(bytes: Vec<u8>, input: &Path) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::Invalid {
        source_name: input.display().to_string(),
        problems: crate::Problems(vec![crate::Problem {
            path: String::new(),
            message: format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        }]),
    })
}

/// Reads and checks an interchange file.
pub fn read_json(input: &Path) -> Result<Project> {
    let text = crate::input::read_capped(input, crate::input::MAX_JSON_BYTES)?;
    let text = utf8_text(text, input)?;
    interchange::read(&text, &input.display().to_string())
}

/// Opens a project file only to read it: nothing about the file changes,
/// not its journal mode, not an older schema.
pub fn open_read_only(path: &Path) -> Result<ProjectFile> {
    ProjectFile::open_read_only(path)
}

/// Reads one edit from its JSON text (a line of `persona-atlas edit`), with
/// a message that says where the text is wrong.
pub fn parse_edit(text: &str) -> Result<Edit> {
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let reason = full
            .rfind(" at line ")
            .map_or(full.as_str(), |i| &full[..i])
            .to_owned();
        Error::Invalid {
            source_name: "the edit".to_owned(),
            problems: crate::Problems(vec![crate::Problem {
                path: String::new(),
                message: format!("column {}: {reason}", e.column()),
            }]),
        }
    })
}

/// The interchange JSON of a project file.
pub fn export_json(input: &Path) -> Result<String> {
    Ok(interchange::write(
        &ProjectFile::open_read_only(input)?.load()?,
    ))
}

/// Writes `text` to `path` atomically: the old file, if any, stays whole
/// until the new one is complete.
pub fn write_text(path: &Path, text: &str) -> Result<()> {
    crate::atomic::write_text(path, text)
}

/// Writes a command's output to `path`, atomically: refused when a file is
/// there unless `overwrite`, and always when it is `input` itself, which
/// the output would destroy (`export P.patlas -o P.patlas`).
pub fn write_output(
    path: &Path,
    content: impl AsRef<[u8]>,
    input: &Path,
    overwrite: bool,
) -> Result<()> {
    if path.exists() {
        let same = match (fs::canonicalize(path), fs::canonicalize(input)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            return Err(Error::io(
                path,
                "write the output",
                std::io::Error::other("it is the file being read; choose another name"),
            ));
        }
        if !overwrite {
            return Err(Error::Exists {
                path: path.to_owned(),
            });
        }
    }
    crate::atomic::write_bytes(path, content.as_ref())
}

/// The one-pager of the persona `id`: a PNG at 150 dots per inch when
/// `output` ends in `.png`, else a PDF. O(analysis), plus typesetting.
fn one_pager_bytes(
    project: &Project,
    id: &str,
    output: &Path,
    paper: Paper,
    today: Date,
) -> Result<Vec<u8>> {
    let png = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if png {
        crate::print::one_pager_png(project, id, paper, today, 150.0)
    } else {
        crate::print::one_pager_pdf(project, id, paper, today)
    }
}

/// Writes the one-pager of the persona `id` of the project at `input`
/// (.patlas or .json) to `output`, as [`write_output`] does: a PNG when it
/// ends in `.png`, else a PDF. O(project), plus typesetting one page.
pub fn write_one_pager(
    input: &Path,
    id: &str,
    output: &Path,
    paper: Paper,
    today: Date,
    overwrite: bool,
) -> Result<()> {
    let bytes = one_pager_bytes(&read_any(input)?, id, output, paper, today)?;
    write_output(output, bytes, input, overwrite)
}

/// Writes the portfolio report of the project at `input` to `output` as a
/// PDF, as [`write_output`] does. O(project), plus typesetting a page per
/// persona.
pub fn write_report(
    input: &Path,
    output: &Path,
    paper: Paper,
    today: Date,
    overwrite: bool,
) -> Result<()> {
    let bytes = crate::print::report_pdf(&read_any(input)?, paper, today)?;
    write_output(output, bytes, input, overwrite)
}

/// Saves the one-pager of the persona `id` of `project`, the open project
/// stored at `file` (a copy, so that typesetting holds no lock on the
/// session), at `output`, chosen in a save dialog that asked before
/// replacing: a PNG when it ends in `.png`, else a PDF. O(analysis), plus
/// typesetting one page.
pub fn save_one_pager(
    project: &Project,
    file: &Path,
    id: &str,
    output: &Path,
    paper: Paper,
) -> Result<()> {
    let bytes = one_pager_bytes(project, id, output, paper, Date::today())?;
    write_output(output, bytes, file, true)
}

/// Saves the portfolio report of `project`, the open project stored at
/// `file` (a copy, as for [`save_one_pager`]), at `output` as a PDF.
/// O(project), plus typesetting a page per persona.
pub fn save_report(project: &Project, file: &Path, output: &Path, paper: Paper) -> Result<()> {
    let bytes = crate::print::report_pdf(project, paper, Date::today())?;
    write_output(output, bytes, file, true)
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

/// Describes a project file: its name, schema version and how many of each
/// kind it holds, counted by SQLite in a read-only open, without reading the
/// project or checking the whole file (see [`ProjectFile::peek`]).
/// O(rows) within SQLite; about 2 ms at 20,000 personas.
pub fn info(path: &Path) -> Result<Info> {
    let file = ProjectFile::peek(path)?;
    Ok(Info {
        counts: file.counts()?,
        project: file.meta()?,
        schema_version: file.schema_version()?,
    })
}

/// The first view of an open project. O(project), from memory.
pub fn project_overview(session: &Session) -> Overview {
    overview(
        session.project(),
        &session.path().display().to_string(),
        Date::today(),
    )
}

/// Saves a copy of the open project at `to` and opens the copy (Save As).
pub fn save_as(session: &Session, to: &Path, overwrite: bool) -> Result<Session> {
    session.save_as(to, overwrite)
}

/// What the app opens when it starts, and anything the user must be told.
#[derive(Debug)]
pub struct Startup {
    /// The project to show, if any could be opened.
    pub file: Option<Session>,
    /// A message for the user, e.g. why the last project could not be reopened.
    pub notice: Option<String>,
}

/// Decides what the app opens at start: the file it was given; else the last
/// project opened; else the demo, created at `demo` if it is not there yet.
/// A file given explicitly that cannot be opened is reported, not replaced by
/// another project, so the user is never left wondering which file is shown.
pub fn open_at_startup(given: Option<&Path>, recent: &RecentFiles, demo: &Path) -> Startup {
    if let Some(path) = given {
        return match Session::open(path) {
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
        match Session::open(last) {
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
    let demo_file = open_or_create_demo(demo);
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
    // A file named as a project is read as one, so that a damaged one says
    // so rather than failing as JSON.
    let named_project = path.extension().is_some_and(|e| e == "patlas");
    if named_project || crate::store::is_sqlite(path)? {
        ProjectFile::open_read_only(path)?.load()
    } else {
        read_json(path)
    }
}

/// Tests every persona's rules against the table of records at `data`
/// (`rules-v1.md`): read once, streamed, and nothing of it kept but counts.
pub fn match_table(
    project: &Project,
    data: &Path,
    options: &crate::rules::MatchOptions,
) -> Result<crate::rules::MatchReport> {
    crate::rules::match_file(project, data, options)
}

/// Matches the project's rules against the table at `data` as the app
/// shows it, telling `watch` how far it has read; `watch` can stop it.
pub fn match_table_watched(
    project: &Project,
    data: &Path,
    options: &crate::rules::MatchOptions,
    watch: &crate::rules::Watch,
) -> Result<crate::rules::TableMatch> {
    let rules = crate::rules::rules_of(project).map_err(|p| Error::Invalid {
        source_name: "the project".to_owned(),
        problems: crate::error::Problems(vec![p]),
    })?;
    crate::rules::match_table(project, &rules, data, options, watch)
}

/// A rule as it is typed: the first thing wrong in it, and the columns it
/// names.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RuleCheck {
    /// Where the rule is wrong and what was expected; `None` when it
    /// parses (an empty rule does: the persona takes no part).
    pub error: Option<crate::rules::RuleError>,
    /// The columns the rule names, each once, in the order written.
    pub columns: Vec<String>,
}

/// Checks a rule as the user types it, as the core checks it when saved.
/// O(length of the rule).
pub fn check_rule(text: &str) -> RuleCheck {
    if text.trim().is_empty() {
        return RuleCheck {
            error: None,
            columns: Vec::new(),
        };
    }
    match crate::rules::parse(text) {
        Ok(rule) => {
            let mut columns: Vec<String> = Vec::new();
            for c in rule.columns() {
                if !columns.iter().any(|k| k.eq_ignore_ascii_case(c)) {
                    columns.push(c.to_owned());
                }
            }
            RuleCheck {
                error: None,
                columns,
            }
        }
        Err(e) => RuleCheck {
            error: Some(e),
            columns: Vec::new(),
        },
    }
}

/// How many records of the table at `data` the rule `text`, as persona
/// `persona`'s, matches: the rule editor's live count. A rule that does not
/// parse is refused with where and what.
pub fn count_rule(
    project: &Project,
    persona: &str,
    text: &str,
    data: &Path,
    sheet: Option<String>,
    watch: &crate::rules::Watch,
) -> Result<crate::rules::RuleCount> {
    let id = project
        .personas
        .iter()
        .find(|p| p.id.as_str() == persona)
        .map(|p| p.id.clone())
        .ok_or_else(|| invalid_project(format!("no persona with id {persona:?}")))?;
    let rule = crate::rules::parse(text).map_err(|e| Error::Invalid {
        source_name: "the rule".to_owned(),
        problems: crate::error::Problems(vec![crate::error::Problem {
            path: "rules".to_owned(),
            message: e.to_string(),
        }]),
    })?;
    crate::rules::count_rule(project, &id, &rule, data, sheet, watch)
}

/// The edit that saves `report` as evidence (`kind` crm or analytics,
/// dated `date`) on every persona with a rule: counts, the source's name,
/// size and SHA-256. A persona whose rule needs a column the table lacks
/// matched no record (the spec's meaning), and its evidence says which
/// column, so that its health shows it unsupported by this data.
pub fn match_evidence(
    report: &crate::rules::MatchReport,
    kind: crate::model::EvidenceKind,
    date: Date,
) -> Edit {
    let size = crate::rules::size_words(report.source.bytes);
    let personas = report
        .personas
        .iter()
        .map(|p| crate::edit::MatchedPersona {
            persona: p.persona.clone(),
            records: p.matched,
            share: p.share,
            note: Some(format!(
                "{} Table of {} records, {size}, sha256 {}.",
                p.why,
                crate::rules::count(report.records),
                report.source.sha256
            )),
        })
        .collect();
    Edit::RecordMatch {
        kind,
        source: report.source.name.clone(),
        date,
        personas,
    }
}

/// Analyses the project in `path` (`.patlas` or `.json`), with the
/// thresholds stored in it unless `thresholds` overrides them, judging what
/// is stale on `today`. O(project).
pub fn analyze(
    path: &Path,
    thresholds: Option<Thresholds>,
    today: Date,
) -> Result<(Project, Analysis)> {
    let project = read_any(path)?;
    let t = thresholds.unwrap_or(project.thresholds);
    let analysis = analysis::analyze(&project, &t, today);
    Ok((project, analysis))
}

/// Changes the stored thresholds of a project file, in one transaction that
/// reads and writes under the file's write lock: `change` is given the
/// thresholds as they are in the file at that moment, so that two programs
/// setting different thresholds never undo each other. Returns the
/// thresholds stored.
pub fn change_thresholds(
    path: &Path,
    change: impl FnOnce(Thresholds) -> Thresholds,
) -> Result<Thresholds> {
    let mut session = Session::open(path)?;
    session.edit_latest(|p| Edit::SetThresholds {
        thresholds: change(p.thresholds).into(),
    })?;
    Ok(session.project().thresholds)
}

/// Applies `edit` to the project as the file holds it now, reading the file
/// again under its write lock if another program changed it (the command
/// line's way, where each edit stands alone). O(size of the edit), plus
/// O(project) when the file changed.
pub fn edit_latest(session: &mut Session, edit: &Edit) -> Result<Outcome> {
    session.edit_latest(|_| edit.clone())
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

/// The findings and the map of an open project, with its stored
/// thresholds, on today's date. O(analysis), from memory.
pub fn insights(session: &Session) -> Insights {
    let project = session.project();
    let analysis = analysis::analyze(project, &project.thresholds, Date::today());
    let map = crate::map_view::map_view(project, &analysis);
    Insights {
        analysis,
        map,
        positions: session.positions(),
    }
}

/// The findings and the map of an open project as sent to its window:
/// whole when `whole` is asked for (or nothing was sent before), else as
/// what changed since the last send. O(analysis) to make; the reply is
/// O(size of the change).
pub fn send_insights(session: &mut Session, whole: bool) -> Sent<Insights> {
    let now = insights(session);
    session.window().insights.send(now, whole)
}

/// What the window is sent after a change that can change the views
/// `affected` names: the findings and map, and the overview, each as what
/// changed, or `None` when the change left it as it was. A move sends only
/// the stored positions. O(analysis), or O(positions) after a move.
pub fn send_after(
    session: &mut Session,
    affected: Affected,
) -> (Option<Sent<Insights>>, Option<Sent<Overview>>) {
    let insights = if affected.insights {
        Some(send_insights(session, false))
    } else if affected.positions {
        let now = session.positions();
        session.window().insights.send_positions(now)
    } else {
        None
    };
    let overview = affected.overview.then(|| send_overview(session, false));
    (insights, overview)
}

/// The overview of an open project as sent to its window, like
/// [`send_insights`]. O(project) to make; the reply is O(size of the change).
pub fn send_overview(session: &mut Session, whole: bool) -> Sent<Overview> {
    let now = project_overview(session);
    session.window().overview.send(now, whole)
}

/// The persona × product, need × product and segment × product matrices of
/// an open project. O(personas × products), from memory.
pub fn matrices(session: &Session) -> crate::matrix::Matrices {
    crate::matrix::matrices(session.project())
}

/// The matrices of a project file (.patlas) or an interchange file (.json).
pub fn matrices_of(path: &Path) -> Result<crate::matrix::Matrices> {
    Ok(crate::matrix::matrices(&read_any(path)?))
}

/// Applies one edit to the open project: checked by what it touches,
/// written in one transaction, and recorded for undo. O(size of the edit).
pub fn edit(session: &mut Session, edit: &Edit) -> Result<Outcome> {
    session.edit(edit)
}

/// Which of the window's views an edit can change: the findings and the
/// map ([`insights`]), and the project at a glance ([`project_overview`]).
/// A view it cannot change need not be sent again after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Affected {
    /// The findings, the map or the stored positions.
    pub insights: bool,
    /// The overview: names, counts, segments, roles and product ties.
    pub overview: bool,
    /// The stored positions alone, which the window that moved a node shows
    /// already but holds in its copy of the findings and map: an undo of
    /// the move must find the copy as the window drew it.
    pub positions: bool,
}

impl Affected {
    /// Every view: what an undo or a redo can change.
    pub const EVERYTHING: Affected = Affected {
        insights: true,
        overview: true,
        positions: false,
    };
}

/// What `edit` can change. A move changes only positions, which the window
/// that made it shows already. Thresholds change the findings, and the
/// overview only through `stale_after_days`, which ages the evidence behind
/// each card's confidence. O(1).
pub fn affected_by(edit: &Edit) -> Affected {
    match edit {
        Edit::SetPositions { .. } => Affected {
            insights: false,
            overview: false,
            positions: true,
        },
        Edit::SetThresholds { thresholds } => Affected {
            insights: true,
            overview: thresholds.stale_after_days.is_some(),
            positions: false,
        },
        // The views travel with the overview; the map draws them only when
        // one is shown.
        Edit::SetViews { .. } => Affected {
            insights: false,
            overview: true,
            positions: false,
        },
        _ => Affected::EVERYTHING,
    }
}

/// The starter sets an empty project is offered: common buying roles,
/// segments and needs. O(1).
pub fn starter_sets() -> Vec<crate::starter::StarterSet> {
    crate::starter::sets()
}

/// Adds starter set `id` to the open project as one edit, which one undo
/// takes back; what the project already has (by name) is left out. Returns
/// how many entities were added. O(items × log(project)), plus O(project)
/// for planning the batch on a copy.
pub fn add_starter_set(session: &mut Session, id: &str) -> Result<usize> {
    let edit = crate::starter::edit_for(session.project(), id, |x| session.has_id(x))?;
    let added = match &edit {
        Edit::Batch { edits } => edits.len(),
        _ => 1,
    };
    session.edit(&edit)?;
    Ok(added)
}

/// Undoes the last edit. O(size of that edit).
pub fn undo(session: &mut Session) -> Result<Outcome> {
    session.undo()
}

/// Redoes the last undone edit. O(size of that edit).
pub fn redo(session: &mut Session) -> Result<Outcome> {
    session.redo()
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
/// O(n log n) in the number of entities, from memory.
pub fn catalog(session: &Session) -> Catalog {
    let p = session.project();
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
    Catalog {
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
        relationships: relationship_choices(p),
    }
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
/// id, for the views that show many at once. O(entities of the kind).
pub fn entities(session: &Session, kind: EntityKind) -> Vec<serde_json::Value> {
    let p = session.project();
    fn each<T: Serialize>(list: &[T]) -> Vec<serde_json::Value> {
        // The model's types are plain data: they always serialise.
        list.iter()
            .filter_map(|x| serde_json::to_value(x).ok())
            .collect()
    }
    match kind {
        EntityKind::MarketSegment => each(&p.market_segments),
        EntityKind::CustomerSegment => each(&p.customer_segments),
        EntityKind::BuyingRole => each(&p.buying_roles),
        EntityKind::Need => each(&p.needs),
        EntityKind::Product => each(&p.products),
        EntityKind::Competitor => each(&p.competitors),
        EntityKind::Persona => each(&p.personas),
        EntityKind::BuyingUnit => each(&p.buying_units),
        EntityKind::Journey => each(&p.journeys),
    }
}

/// One entity as the interchange format writes it, for a form to edit.
/// O(log n + size of the entity).
pub fn entity(session: &Session, kind: EntityKind, id: &str) -> Result<serde_json::Value> {
    crate::edit::entity_of(session.project(), kind, id)
        .map(|e| e.to_json())
        .ok_or_else(|| invalid_project(format!("no {} with id {id:?}", kind.label())))
}

/// One persona of the open project with everything its page shows, judged
/// on today's date. O(analysis), from memory.
pub fn profile(session: &Session, id: &str) -> Result<crate::profile::PersonaProfile> {
    crate::profile::profile(session.project(), id, Date::today())
        .ok_or_else(|| invalid_project(format!("no persona with id {id:?}")))
}

/// Every journey of the open project with its stages, each stage's needs
/// judged against our products. O(project), from memory.
pub fn journeys(session: &Session) -> Vec<crate::journey_view::JourneyView> {
    crate::journey_view::journeys(session.project())
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

/// The formats a project comes in from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum ImportFormat {
    /// Found from the file: its extension, its first bytes, its keys.
    Auto,
    /// The interchange JSON.
    PersonaAtlas,
    /// A workbook in the spreadsheet layout.
    Xlsx,
    /// A folder of CSV files in the spreadsheet layout, or one of personas.
    Csv,
    /// A Kumu map: its spreadsheet layout (XLSX or CSV), a JSON blueprint
    /// or a project backup.
    Kumu,
}

/// What an import will bring in, shown before anything is written.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ImportPreview {
    /// The format the file was read as.
    pub format: ImportFormat,
    /// The project's name.
    pub name: String,
    /// What it holds.
    pub counts: Counts,
    /// Positions on the map that come with it.
    #[ts(type = "number")]
    pub positions: u64,
    /// Kumu element types that map onto none of our kinds.
    pub unmapped_types: Vec<crate::kumu::Unmapped>,
    /// Kumu connections left out.
    #[ts(type = "number")]
    pub unmapped_connections: u64,
    /// What was assumed on the way in.
    pub notes: Vec<String>,
}

/// A file read for an import: the project, its layout, and the preview.
#[derive(Clone, Debug)]
pub struct ReadImport {
    /// The project, checked whole.
    pub project: Project,
    /// Where its nodes are placed (a Kumu map's positions).
    pub positions: Vec<crate::model::NodePosition>,
    /// What it brings in.
    pub preview: ImportPreview,
}

/// Whether a workbook's or CSV's tables are a Kumu map's: no sheet of our
/// layout, and a Label or From/To header.
fn kumu_book(book: &crate::sheets::Book) -> bool {
    let ours = book
        .tables
        .iter()
        .any(|t| crate::sheets::layout::sheet_named(&t.name).is_some());
    let kumu = book.tables.iter().any(|t| {
        let h: Vec<String> = t
            .header
            .iter()
            .map(|h| crate::sheets::layout::normal(h))
            .collect();
        h.iter().any(|c| c == "label")
            || (h.iter().any(|c| c == "from") && h.iter().any(|c| c == "to"))
    });
    kumu && !ours
}

/// The format `input` is in, for [`ImportFormat::Auto`]: a folder is CSV, a
/// zip a workbook, a JSON file with `elements` a Kumu map; a workbook or
/// CSV in Kumu's layout is told apart when it is read.
fn sniff(input: &Path) -> Result<ImportFormat> {
    if input.is_dir() {
        return Ok(ImportFormat::Csv);
    }
    let ext = input
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut head = vec![0u8; 4096];
    let n = fs::File::open(input)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|e| Error::io(input, "read the file", e))?;
    head.truncate(n);
    let text = String::from_utf8_lossy(&head);
    Ok(match (&head[..n.min(4)], ext.as_str()) {
        (b"PK\x03\x04", _) | (_, "xlsx") => ImportFormat::Xlsx,
        (_, "csv" | "tsv") => ImportFormat::Csv,
        _ if !text.contains("\"persona-atlas\"") && text.contains("\"elements\"") => {
            ImportFormat::Kumu
        }
        _ => ImportFormat::PersonaAtlas,
    })
}

/// Reads a project from `input` in `from` (checked whole, every problem
/// placed where it stands), without writing anything.
pub fn read_import(input: &Path, from: ImportFormat) -> Result<Project> {
    read_import_with(input, from, &crate::kumu::TypeMap::default()).map(|r| r.project)
}

/// The tables of a workbook, a CSV file or a folder of them.
fn read_book(input: &Path) -> Result<crate::sheets::Book> {
    let csv = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
    if input.is_dir() || csv {
        crate::sheets::csv::read(input)
    } else {
        crate::sheets::xlsx::read(input)
    }
}

/// As [`read_import`], with Kumu's element types mapped by `types`, and
/// what the import brings in.
pub fn read_import_with(
    input: &Path,
    from: ImportFormat,
    types: &crate::kumu::TypeMap,
) -> Result<ReadImport> {
    // What the file looks like, read once: a workbook, CSV, or JSON.
    let sniffed = sniff(input)?;
    let from = match from {
        ImportFormat::Auto => sniffed,
        other => other,
    };
    let name = input.file_stem().map_or_else(
        || "Imported project".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let source = input.display().to_string();
    let plain = |project: Project, format: ImportFormat| ReadImport {
        preview: ImportPreview {
            format,
            name: project.project.name.clone(),
            counts: project.counts(),
            positions: 0,
            unmapped_types: Vec::new(),
            unmapped_connections: 0,
            notes: Vec::new(),
        },
        project,
        positions: Vec::new(),
    };
    let kumu = |read: crate::kumu::Imported| ReadImport {
        preview: ImportPreview {
            format: ImportFormat::Kumu,
            name: read.project.project.name.clone(),
            counts: read.project.counts(),
            positions: read.positions.len() as u64,
            unmapped_types: read.summary.unmapped_types,
            unmapped_connections: read.summary.unmapped_connections,
            notes: read.summary.notes,
        },
        project: read.project,
        positions: read.positions,
    };
    match from {
        ImportFormat::PersonaAtlas | ImportFormat::Auto => {
            Ok(plain(read_json(input)?, ImportFormat::PersonaAtlas))
        }
        ImportFormat::Xlsx | ImportFormat::Csv => {
            let tables = read_book(input)?;
            if kumu_book(&tables) {
                return crate::kumu::read_book(&tables, &source, &name, types).map(kumu);
            }
            crate::sheets::from_book(&tables, &source, &name).map(|p| plain(p, from))
        }
        ImportFormat::Kumu => {
            let json = !matches!(sniffed, ImportFormat::Xlsx | ImportFormat::Csv);
            if json {
                let bytes = crate::input::read_capped(input, crate::input::MAX_JSON_BYTES)?;
                let text = utf8_text(bytes, input)?;
                crate::kumu::read_json(&text, &source, &name, types).map(kumu)
            } else {
                crate::kumu::read_book(&read_book(input)?, &source, &name, types).map(kumu)
            }
        }
    }
}

/// Reads `input` in `from` into a new project at `output`. Everything is
/// checked before anything is written; on any problem no file is left.
pub fn import(input: &Path, from: ImportFormat, output: &Path, overwrite: bool) -> Result<Session> {
    import_with(
        input,
        from,
        &crate::kumu::TypeMap::default(),
        output,
        overwrite,
    )
    .map(|(s, _)| s)
}

/// As [`import`], with Kumu's types mapped by `types`; also says what came
/// in and what was left out.
pub fn import_with(
    input: &Path,
    from: ImportFormat,
    types: &crate::kumu::TypeMap,
    output: &Path,
    overwrite: bool,
) -> Result<(Session, ImportPreview)> {
    let read = read_import_with(input, from, types)?;
    let file = ProjectFile::create_with_layout(output, &read.project, &read.positions, overwrite)?;
    Ok((Session::from_file(file)?, read.preview))
}

/// The formats a project goes out in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The interchange JSON.
    Json,
    /// A workbook in the spreadsheet layout, with a Findings sheet.
    Xlsx,
    /// A folder of CSV files in the spreadsheet layout.
    Csv,
    /// GraphML, for yEd, Gephi and NetworkX.
    Graphml,
    /// GEXF 1.3, for Gephi.
    Gexf,
    /// A Kumu JSON blueprint.
    Kumu,
}

/// The map positions stored in `input`, when it is a project file.
fn stored_positions(input: &Path) -> Result<Vec<crate::model::NodePosition>> {
    if input.extension().is_some_and(|e| e == "patlas") || crate::store::is_sqlite(input)? {
        ProjectFile::open_read_only(input)?.positions()
    } else {
        Ok(Vec::new())
    }
}

/// Writes the project in `input` (`.patlas` or `.json`) to `output` in
/// `format`, judging the findings of a workbook on `today`. Written whole
/// or not at all; never over `input`.
pub fn export_as(
    input: &Path,
    format: ExportFormat,
    output: &Path,
    today: Date,
    overwrite: bool,
) -> Result<()> {
    let project = read_any(input)?;
    match format {
        ExportFormat::Json => write_output(output, interchange::write(&project), input, overwrite),
        ExportFormat::Xlsx => {
            let analysis = analysis::analyze(&project, &project.thresholds, today);
            let book = crate::sheets::to_book(&project, Some(&analysis));
            write_output(output, crate::sheets::xlsx::write(&book)?, input, overwrite)
        }
        ExportFormat::Csv => {
            let book = crate::sheets::to_book(&project, None);
            crate::sheets::csv::write_folder(&book, output, overwrite)
        }
        ExportFormat::Graphml => {
            let text = crate::network::graphml(&project, &stored_positions(input)?)?;
            write_output(output, text, input, overwrite)
        }
        ExportFormat::Gexf => {
            let text = crate::network::gexf(&project, &stored_positions(input)?, today)?;
            write_output(output, text, input, overwrite)
        }
        ExportFormat::Kumu => {
            write_output(output, crate::kumu::blueprint(&project), input, overwrite)
        }
    }
}

/// Writes the workbook to fill for an import: every sheet with its
/// header, notes on the columns, and an example row.
pub fn write_template(output: &Path, overwrite: bool) -> Result<()> {
    if output.exists() && !overwrite {
        return Err(Error::Exists {
            path: output.to_owned(),
        });
    }
    crate::atomic::write_bytes(output, &crate::sheets::xlsx::template()?)
}

/// Merges the project in `b` into the one in `a` (each `.patlas` or
/// `.json`) and writes the result, with both maps' layouts, to a new
/// project at `output`; nothing of either is lost, and neither is changed.
pub fn merge_files(
    a: &Path,
    b: &Path,
    output: &Path,
    overwrite: bool,
    today: Date,
) -> Result<(Session, crate::compare::MergeReport)> {
    for input in [a, b] {
        if output.exists() && fs::canonicalize(output).ok() == fs::canonicalize(input).ok() {
            return Err(Error::io(
                output,
                "write the merged project",
                std::io::Error::other("it is a project being merged; choose another name"),
            ));
        }
    }
    let (pa, pb) = (read_any(a)?, read_any(b)?);
    let (merged, positions, report) = crate::compare::merge(
        &pa,
        &stored_positions(a)?,
        &pb,
        &stored_positions(b)?,
        today,
    )?;
    let file = ProjectFile::create_with_layout(output, &merged, &positions, overwrite)?;
    Ok((Session::from_file(file)?, report))
}

/// What changed from the project in `a` to the one in `b`, with the
/// findings (judged on `today`) that appeared or went.
pub fn diff_files(a: &Path, b: &Path, today: Date) -> Result<crate::compare::Diff> {
    Ok(crate::compare::diff(&read_any(a)?, &read_any(b)?, today))
}

/// What merging the project in `b` into the one in `a` would do, without
/// writing anything.
pub fn merge_preview(a: &Path, b: &Path, today: Date) -> Result<crate::compare::MergeReport> {
    let (pa, pb) = (read_any(a)?, read_any(b)?);
    crate::compare::merge(&pa, &[], &pb, &[], today).map(|(_, _, report)| report)
}
