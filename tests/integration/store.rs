//! The project file: what is not a project is refused without a byte being
//! changed, writes are whole or nothing, and a project is always one file.

use std::fs;
use std::path::Path;

use persona_atlas::edit::Edit;
use persona_atlas::model::*;
use persona_atlas::session::Session;
use persona_atlas::store::{APPLICATION_ID, ProjectFile, SCHEMA_VERSION};
use persona_atlas::{Error, Result, api, interchange};

use crate::support::*;

/// A big-endian u32 of the SQLite header.
fn header_u32(path: &Path, at: usize) -> u32 {
    let b = bytes(path);
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Opens `path` expecting a refusal, and checks that neither the file nor
/// its folder changed: same bytes, no journal or other file next to it.
fn refused(path: &Path) -> Error {
    let dir = path.parent().expect("test files live in a folder");
    let before = path.is_file().then(|| bytes(path));
    let listing = names_in(dir);
    let err = ProjectFile::open(path).expect_err("a file that is not a usable project is refused");
    assert_eq!(
        path.is_file().then(|| bytes(path)),
        before,
        "a refused file must be left exactly as it was: {err}"
    );
    assert_eq!(
        names_in(dir),
        listing,
        "refusing a file must not create anything next to it: {err}"
    );
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "the message must name the file: {err}"
    );
    err
}

fn assert_not_a_project(err: &Error, reason: &str) {
    assert!(
        matches!(err, Error::NotAProject { reason: r, .. } if r == reason),
        "expected NotAProject ({reason}), got {err:?}"
    );
    assert!(
        err.to_string().ends_with("It was not changed."),
        "the user is told the file was left alone: {err}"
    );
}

#[test]
fn random_bytes_are_refused() {
    let dir = scratch();
    // A fixed xorshift sequence, so a failure can be replayed.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect();
    let path = write_file(dir.path(), "noise.patlas", &noise);
    assert_not_a_project(&refused(&path), "it is not an SQLite database");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = scratch();
    let path = write_file(dir.path(), "empty.patlas", "");
    assert_not_a_project(&refused(&path), "the file is empty");
}

#[test]
fn a_text_file_is_refused() {
    let dir = scratch();
    let path = write_file(dir.path(), "notes.patlas", "Meeting notes\n- call Olga\n");
    assert_not_a_project(&refused(&path), "it is not an SQLite database");
}

#[test]
fn another_programs_database_is_refused() {
    let dir = scratch();
    let path = dir.path().join("mail.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("SQLite must create a database");
        conn.execute_batch(
            "CREATE TABLE message (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO message (body) VALUES ('hello');",
        )
        .expect("a plain table must be created");
    }
    assert_not_a_project(
        &refused(&path),
        "it is an SQLite database of another program",
    );
}

#[test]
fn a_truncated_project_is_refused() {
    let dir = scratch();
    let demo = bytes(&demo_file(dir.path()));
    let path = write_file(dir.path(), "half.patlas", &demo[..demo.len() / 2]);
    let err = refused(&path);
    assert!(
        matches!(&err, Error::Damaged { detail, .. } if detail.contains("truncated")),
        "a project cut short is damaged, and the message says it is truncated: {err:?}"
    );
}

#[test]
fn a_project_cut_inside_its_header_is_refused() {
    let dir = scratch();
    let demo = bytes(&demo_file(dir.path()));
    let path = write_file(dir.path(), "stub.patlas", &demo[..50]);
    let err = refused(&path);
    assert!(
        matches!(&err, Error::Damaged { detail, .. } if detail.contains("shorter than its header")),
        "a file with SQLite's magic but no whole header is damaged: {err:?}"
    );
}

/// The demo file with the pages of `table` (other than page 1, which holds
/// the header) overwritten with garbage. SQLite's `dbstat` says which pages
/// a table has, so the test does not depend on the layout of the file.
fn garbled(dir: &Path, table: &str) -> std::path::PathBuf {
    let demo = demo_file(dir);
    let pages: Vec<i64> = {
        let conn = rusqlite::Connection::open(&demo).expect("the demo opens in SQLite");
        let mut stmt = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = ?1 AND pageno > 1")
            .expect("the bundled SQLite has the dbstat table");
        stmt.query_map([table], |row| row.get(0))
            .and_then(Iterator::collect)
            .expect("dbstat lists pages")
    };
    assert!(!pages.is_empty(), "{table} must have a page to damage");
    let mut b = bytes(&demo);
    let size = usize::from(u16::from_be_bytes([b[16], b[17]]));
    for page in pages {
        let start = (usize::try_from(page).expect("a page number") - 1) * size;
        for (i, byte) in b[start..start + size].iter_mut().enumerate() {
            *byte = (i % 251) as u8;
        }
    }
    write_file(dir, "garbled.patlas", &b)
}

#[test]
fn a_project_with_damaged_data_pages_is_refused() {
    let dir = scratch();
    let path = garbled(dir.path(), "persona");
    let err = refused(&path);
    assert!(
        matches!(err, Error::Damaged { .. }),
        "a project whose persona pages are garbage is damaged: {err:?}"
    );
}

#[test]
fn a_project_with_a_damaged_schema_is_refused() {
    let dir = scratch();
    // `refused` checks the refusal and that not a byte changed.
    refused(&garbled(dir.path(), "sqlite_schema"));
}

#[test]
fn a_project_with_a_damaged_schema_is_reported_as_damaged() {
    let dir = scratch();
    let err = refused(&garbled(dir.path(), "sqlite_schema"));
    assert!(
        matches!(err, Error::Damaged { .. }),
        "SQLite's \"malformed\" is damage, whichever statement meets it first, so the user is \
         told the file is damaged and was not changed: {err:?}"
    );
}

#[test]
fn a_project_from_a_newer_version_is_refused() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut b = bytes(&path);
    // PRAGMA user_version lives at offset 60 of the header.
    b[60..64].copy_from_slice(&99u32.to_be_bytes());
    fs::write(&path, &b).expect("the test folder must be writable");
    let err = refused(&path);
    assert!(
        matches!(err, Error::TooNew { found: 99, supported, .. } if supported == SCHEMA_VERSION),
        "a file of schema version 99 was written by a newer version: {err:?}"
    );
    assert!(
        err.to_string().contains("newer version of Persona Atlas"),
        "the message tells the user to use a newer version: {err}"
    );
}

#[test]
fn a_folder_is_refused() {
    let dir = scratch();
    let path = dir.path().join("looks-like.patlas");
    fs::create_dir(&path).expect("the test folder must be writable");
    assert_not_a_project(&refused(&path), "it is a folder");
    assert!(
        path.is_dir() && names_in(&path).is_empty(),
        "the folder is left as it was"
    );
}

#[test]
fn a_missing_file_is_refused_and_not_created() {
    let dir = scratch();
    let path = dir.path().join("nowhere.patlas");
    let err = refused(&path);
    assert!(
        matches!(&err, Error::Io { cause, .. } if cause.kind() == std::io::ErrorKind::NotFound),
        "a missing file is reported as missing: {err:?}"
    );
    assert!(
        !path.exists(),
        "opening must never create a project where there was none"
    );
}

#[test]
fn opening_and_loading_a_project_changes_nothing() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let before = bytes(&path);
    let project = ProjectFile::open(&path)
        .and_then(|f| f.load())
        .expect("the demo must open and load");
    assert!(project.counts().personas > 0, "the demo has personas");
    assert_eq!(
        bytes(&path),
        before,
        "reading a project must not write to it, so it can sit on a read-only share or in git"
    );
    assert_only(
        dir.path(),
        &["demo.patlas"],
        "reading leaves no journal behind",
    );
}

#[test]
fn the_header_says_whose_file_it_is() {
    let dir = scratch();
    let path = demo_file(dir.path());
    assert_eq!(
        header_u32(&path, 68),
        0x5041_544C,
        "PRAGMA application_id is \"PATL\", so `file` and the app can recognise a project"
    );
    assert_eq!(
        APPLICATION_ID, 0x5041_544C,
        "the published constant is the one in the header"
    );
    assert_eq!(
        header_u32(&path, 60),
        SCHEMA_VERSION,
        "PRAGMA user_version is the schema version this build writes"
    );
}

#[test]
fn create_refuses_to_replace_a_file_unless_asked() {
    let dir = scratch();
    let path = write_file(dir.path(), "precious.patlas", "not mine to overwrite");
    let demo = persona_atlas::demo::project().expect("the demo reads");
    let err = ProjectFile::create(&path, &demo, false).expect_err("the path is taken");
    assert!(
        matches!(&err, Error::Exists { path: p } if p == &path),
        "an existing file is reported as existing: {err:?}"
    );
    assert_eq!(
        bytes(&path),
        b"not mine to overwrite",
        "the existing file is untouched"
    );
    assert_only(
        dir.path(),
        &["precious.patlas"],
        "a refused create leaves nothing",
    );

    let file = ProjectFile::create(&path, &demo, true).expect("overwrite was asked for");
    let mut expected = demo.clone();
    expected.sort();
    assert_eq!(
        file.load().expect("the new project loads"),
        expected,
        "with overwrite the file is replaced by the project"
    );
}

#[test]
fn a_failed_create_leaves_nothing_behind() {
    let dir = scratch();
    let mut project = persona_atlas::demo::project().expect("the demo reads");
    // The model types allow what the format forbids: a link to a need that
    // does not exist. The store must refuse it inside its transaction.
    project.personas[0].needs.push(PersonaNeed {
        need: NeedId::new("need-nowhere").expect("a valid id"),
        importance: Unit::ONE,
    });
    let path = dir.path().join("broken.patlas");
    let err = ProjectFile::create(&path, &project, false)
        .expect_err("a project with a dangling link cannot be stored");
    assert!(
        err.to_string().contains("broken.patlas"),
        "the message names the file that was not written: {err}"
    );
    assert_only(
        dir.path(),
        &[],
        "a failed write leaves neither the file nor its temporary file nor a journal",
    );
}

#[test]
fn a_failed_import_leaves_nothing_behind() {
    let dir = scratch();
    let input = write_file(dir.path(), "bad.json", "{ \"format\": ");
    let output = dir.path().join("out.patlas");
    api::import_json(&input, &output, false).expect_err("half a JSON document is refused");
    let names = names_in(dir.path());
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with('.') && n.ends_with(".tmp")),
        "no temporary file may be left: {names:?}"
    );
    assert_eq!(names, ["bad.json"], "a failed import leaves only its input");
}

#[test]
fn a_project_is_one_file_after_create() {
    let dir = scratch();
    let file = ProjectFile::create(
        &dir.path().join("solo.patlas"),
        &persona_atlas::demo::project().expect("the demo reads"),
        false,
    )
    .expect("the demo is stored");
    assert_only(
        dir.path(),
        &["solo.patlas"],
        "while open, a project is one file (no -wal, -shm or -journal): it can be copied or mailed",
    );
    drop(file);
    assert_only(dir.path(), &["solo.patlas"], "closed, it is still one file");
}

#[test]
fn copy_to_writes_a_copy_that_loads_equal() {
    let dir = scratch();
    let original = ProjectFile::open(&demo_file(dir.path())).expect("the demo opens");
    let copy_path = dir.path().join("copy.patlas");
    original
        .copy_to(&copy_path, false)
        .expect("Save As to a new name");
    assert_only(
        dir.path(),
        &["copy.patlas", "demo.patlas"],
        "Save As leaves exactly two project files: no temporary file, no sidecar",
    );
    let copy = ProjectFile::open(&copy_path).expect("the copy must open");
    assert_eq!(
        copy.load().expect("the copy loads"),
        original.load().expect("the original loads"),
        "the copy holds the same project"
    );
    assert_eq!(
        (header_u32(&copy_path, 68), header_u32(&copy_path, 60)),
        (APPLICATION_ID, SCHEMA_VERSION),
        "the copy keeps the application id and schema version, or it would not reopen"
    );
    assert_only(
        dir.path(),
        &["copy.patlas", "demo.patlas"],
        "with both open, still two files and nothing else",
    );
}

#[test]
fn copy_to_refuses_to_replace_a_file_unless_asked() {
    let dir = scratch();
    let original = ProjectFile::open(&demo_file(dir.path())).expect("the demo opens");
    let taken = write_file(dir.path(), "taken.patlas", "someone else's");
    let err = original
        .copy_to(&taken, false)
        .expect_err("the target exists");
    assert!(
        matches!(err, Error::Exists { .. }),
        "an existing target is reported as existing: {err:?}"
    );
    assert_eq!(
        bytes(&taken),
        b"someone else's",
        "the existing file is untouched"
    );

    original
        .copy_to(&taken, true)
        .expect("replacing was asked for");
    assert_eq!(
        ProjectFile::open(&taken)
            .and_then(|f| f.load())
            .expect("the replaced file is a project"),
        original.load().expect("the original loads"),
        "with overwrite the target becomes a copy of the project"
    );
    assert_only(
        dir.path(),
        &["demo.patlas", "taken.patlas"],
        "replacing leaves no temporary file",
    );
}

#[test]
fn copy_to_itself_keeps_the_project() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let file = ProjectFile::open(&path).expect("the demo opens");
    let before = file.load().expect("loads");
    file.copy_to(&path, true)
        .expect("Save As onto the same file is a no-op, not an error");
    assert_eq!(
        ProjectFile::open(&path)
            .and_then(|f| f.load())
            .expect("still a project"),
        before,
        "saving a project onto itself must not lose it"
    );
}

#[test]
fn save_as_opens_the_copy() {
    let dir = scratch();
    let original = api::open(&demo_file(dir.path())).expect("the demo opens");
    let to = dir.path().join("saved-as.patlas");
    let copy = api::save_as(&original, &to, false).expect("Save As to a new name");
    assert_eq!(copy.path(), to, "Save As opens the new file, as editors do");
    assert_eq!(
        interchange::write(copy.project()),
        interchange::write(original.project()),
        "the copy exports exactly as the original"
    );
}

#[test]
fn a_project_written_by_the_first_schema_opens_and_is_upgraded_with_nothing_lost() {
    // A file as version 1 of the app wrote it: schema 1 only, no thresholds.
    let dir = scratch();
    let path = dir.path().join("old.patlas");
    {
        let conn = rusqlite::Connection::open(&path).expect("create an old-style file");
        conn.pragma_update(None, "application_id", APPLICATION_ID as i32)
            .expect("application id");
        conn.execute_batch(include_str!("../../src/store/schema_v1.sql"))
            .expect("schema 1 applies");
        conn.execute_batch(
            "INSERT INTO project (singleton, name) VALUES (1, 'Old portfolio');
             INSERT INTO node (id, kind) VALUES ('need-a', 'need'), ('p-1', 'persona');
             INSERT INTO need (id, name) VALUES ('need-a', 'Audit trail');
             INSERT INTO persona (id, name) VALUES ('p-1', 'Olga');
             INSERT INTO persona_need (persona, need, importance, position)
               VALUES ('p-1', 'need-a', 0.9, 0);
             PRAGMA user_version = 1;",
        )
        .expect("old content");
    }
    assert_eq!(header_u32(&path, 60), 1, "the file starts at schema 1");

    let file = ProjectFile::open(&path).expect("a file from the first schema opens");
    let project = file.load().expect("and loads");
    assert_eq!(
        project.project.name, "Old portfolio",
        "the project's name survives"
    );
    assert_eq!(project.personas.len(), 1, "the persona survives");
    assert_eq!(project.personas[0].needs.len(), 1, "its need survives");
    assert!(
        project.thresholds.is_default(),
        "a file from before thresholds uses the defaults"
    );
    drop(file);
    assert_eq!(
        header_u32(&path, 60),
        SCHEMA_VERSION,
        "opening upgrades the file to the current schema"
    );
}

fn at(id: &str, x: f64, y: f64) -> NodePosition {
    NodePosition {
        id: id.to_owned(),
        x,
        y,
    }
}

fn place(session: &mut Session, positions: Vec<NodePosition>, replace_all: bool) -> Result<()> {
    session
        .edit(&Edit::SetPositions {
            positions,
            replace_all,
        })
        .map(|_| ())
}

#[test]
fn node_positions_are_kept_through_edits_and_pruned_with_their_entity() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut session = api::open(&path).expect("the demo opens");
    place(
        &mut session,
        vec![
            at("p-dana-platform", 10.5, -3.0),
            at("prod-observe", 0.0, 0.0),
        ],
        false,
    )
    .expect("positions of existing nodes are stored");
    place(&mut session, vec![at("p-priya-platform", 1.0, 2.0)], false)
        .expect("a move adds to the layout");
    let ids = |path: &Path| -> Vec<String> {
        ProjectFile::open(path)
            .and_then(|f| f.positions())
            .expect("positions read")
            .into_iter()
            .map(|p| p.id)
            .collect()
    };
    assert_eq!(
        ids(&path),
        ["p-dana-platform", "p-priya-platform", "prod-observe"]
    );

    // An edit writes its entities; the layout stays, minus the deleted.
    session
        .edit(&Edit::Delete {
            kind: EntityKind::Persona,
            id: "p-priya-platform".into(),
        })
        .expect("a persona is deleted");
    assert_eq!(ids(&path), ["p-dana-platform", "prod-observe"]);
    let reopened = api::open(&path).expect("reopens");
    assert_eq!(
        reopened.positions()[0],
        at("p-dana-platform", 10.5, -3.0),
        "a position survives closing and reopening exactly"
    );

    // Undoing the deletion puts the persona's place on the map back too.
    session.undo().expect("the deletion is undone");
    assert_eq!(
        ids(&path),
        ["p-dana-platform", "p-priya-platform", "prod-observe"],
        "undoing a deletion restores the entity's saved position"
    );

    place(&mut session, vec![], true).expect("a new layout forgets the old one");
    assert!(ids(&path).is_empty());
}

#[test]
fn a_bad_position_is_refused_and_nothing_moves() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut session = api::open(&path).expect("the demo opens");
    place(&mut session, vec![at("p-dana-platform", 1.0, 1.0)], false).expect("stored");
    for (bad, expect) in [
        (
            at("p-dana-platform", f64::NAN, 0.0),
            "is not a point on the map",
        ),
        (
            at("p-dana-platform", 0.0, 1e12),
            "is not a point on the map",
        ),
        (at("p-nobody", 0.0, 0.0), "no entity with id \"p-nobody\""),
    ] {
        let err = place(&mut session, vec![at("prod-observe", 5.0, 5.0), bad], true)
            .expect_err("a bad position is refused");
        let problems = err.problems();
        assert_eq!(problems.len(), 1, "{err}");
        assert_eq!(problems[0].path, "positions[1]", "the problem says which");
        assert!(problems[0].message.contains(expect), "{err}");
        assert_eq!(
            ProjectFile::open(&path)
                .and_then(|f| f.positions())
                .expect("positions read"),
            [at("p-dana-platform", 1.0, 1.0)],
            "nothing was forgotten or stored: the call was one transaction"
        );
        assert_eq!(session.positions(), [at("p-dana-platform", 1.0, 1.0)]);
    }
}

#[test]
fn a_map_picture_is_written_whole_or_not_at_all() {
    use persona_atlas::image::ImageFormat;
    let dir = scratch();
    let svg = dir.path().join("map.svg");
    api::save_map_image(
        &svg,
        ImageFormat::Svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
    )
    .expect("an SVG drawing is saved");
    assert!(
        fs::read_to_string(&svg)
            .expect("written")
            .starts_with("<svg")
    );

    let png = dir.path().join("map.png");
    let err = api::save_map_image(&png, ImageFormat::Png, "bm90IGEgcG5n")
        .expect_err("text that is not a PNG is refused");
    assert!(err.to_string().contains("not a PNG"), "{err}");
    let err = api::save_map_image(&svg, ImageFormat::Svg, "<svg><script>x()</script></svg>")
        .expect_err("a drawing with a script is refused");
    assert!(err.to_string().contains("no scripts"), "{err}");
    assert_only(
        dir.path(),
        &["map.svg"],
        "a refused picture leaves no file, and the earlier one is untouched",
    );
    assert!(
        fs::read_to_string(&svg)
            .expect("still there")
            .ends_with("</svg>")
    );
}

/// Leaves beside `path` the hot journal that a writer killed in the middle
/// of a large transaction leaves: valid, and held by no lock.
fn leave_hot_journal(path: &Path) {
    let journal = dir_entry(path, "-journal");
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(
        "PRAGMA cache_size = 1; BEGIN;
         UPDATE persona SET description = printf('%.3000c', 'x');
         UPDATE need SET description = printf('%.3000c', 'y');",
    )
    .expect("a large write in progress");
    assert!(journal.exists(), "the write spilled to its journal");
    let copy = fs::read(&journal).expect("the journal reads");
    drop(conn); // rolls back and deletes the journal
    fs::write(&journal, copy).expect("the killed writer's journal is back");
}

fn dir_entry(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    std::path::PathBuf::from(p)
}

#[test]
fn a_file_replaced_with_force_never_takes_on_the_old_files_journal() {
    let dir = scratch();
    let path = demo_file(dir.path());
    leave_hot_journal(&path);
    let run = cli(
        dir.path(),
        &[
            "generate",
            "--personas",
            "50",
            "-o",
            "demo.patlas",
            "--force",
        ],
    );
    run.assert_ok("generate --force over a file with a hot journal");
    let conn = rusqlite::Connection::open(&path).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("the check runs");
    assert_eq!(
        check, "ok",
        "the new file is whole: the old journal never touched it"
    );
    drop(conn);
    let s = api::open(&path).expect("and opens");
    assert_eq!(
        s.project().personas.len(),
        50,
        "it is the new project, not the old one rolled back onto it"
    );
    assert!(!dir_entry(&path, "-journal").exists(), "no journal stays");
}

#[test]
fn temporary_files_a_killed_import_left_are_cleared_by_the_next() {
    let dir = scratch();
    write_json(dir.path(), "small.json", &small_project());
    write_file(dir.path(), ".out.patlas.Ab3dEf.tmp", vec![0u8; 4096]);
    write_file(dir.path(), ".out.patlas.Ab3dEf.tmp-journal", vec![0u8; 512]);
    write_file(dir.path(), ".out.patlas.Zz9xYw.tmp-journal", vec![0u8; 512]);
    cli(dir.path(), &["import", "small.json", "-o", "out.patlas"]).assert_ok("import");
    assert_only(
        dir.path(),
        &["out.patlas", "small.json"],
        "the temporary files of an earlier, killed import are gone",
    );
}

#[test]
fn a_letter_changed_inside_a_text_on_disk_is_found() {
    // SQLite's checks see the file's structure, not what a text says: a
    // flipped byte in a name used to read back as the user's words.
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut b = bytes(&path);
    let word = b"Procurement";
    let at = b
        .windows(word.len())
        .position(|w| w == word)
        .expect("the demo names a procurement role");
    b[at + 4] = b'w';
    fs::write(&path, &b).expect("write the damaged copy");
    let before = bytes(&path);
    for err in [
        api::open(&path)
            .map(|_| ())
            .expect_err("the session refuses it"),
        api::export_json(&path)
            .map(|_| ())
            .expect_err("an export refuses it"),
    ] {
        assert!(
            err.to_string().contains("does not match its checksum"),
            "the message says the content changed: {err}"
        );
    }
    assert_eq!(bytes(&path), before, "and the file is left as it was");
}

#[test]
fn a_schema_4_file_upgrades_to_5_with_its_checksum_and_thresholds_intact() {
    // A file as the previous release wrote it: schemas 1 to 4, a changed
    // threshold, evidence, and the checksum of its content.
    let dir = scratch();
    let path = dir.path().join("v4.patlas");
    let expected = interchange::read(
        r#"{"format": "persona-atlas", "version": 1, "project": {"name": "Four"},
            "needs": [{"id": "need-a", "name": "Audit trail"}],
            "personas": [{"id": "p-1", "name": "Olga", "needs": [{"need": "need-a", "importance": 0.9}],
                          "evidence": [{"kind": "interview", "source": "Call", "date": "2026-05-01"}]}],
            "thresholds": {"overlap_at": 0.8}}"#,
        "v4.json",
    )
    .expect("the fixture reads");
    {
        let conn = rusqlite::Connection::open(&path).expect("create an old-style file");
        conn.pragma_update(None, "application_id", APPLICATION_ID as i32)
            .expect("application id");
        for sql in [
            include_str!("../../src/store/schema_v1.sql"),
            include_str!("../../src/store/schema_v2.sql"),
            include_str!("../../src/store/schema_v3.sql"),
            include_str!("../../src/store/schema_v4.sql"),
        ] {
            conn.execute_batch(sql).expect("an old schema applies");
        }
        conn.execute_batch(
            "INSERT INTO project (singleton, name) VALUES (1, 'Four');
             INSERT INTO node (id, kind) VALUES ('need-a', 'need'), ('p-1', 'persona');
             INSERT INTO need (id, name) VALUES ('need-a', 'Audit trail');
             INSERT INTO persona (id, name) VALUES ('p-1', 'Olga');
             INSERT INTO persona_need (persona, need, importance, position)
               VALUES ('p-1', 'need-a', 0.9, 0);
             INSERT INTO evidence (persona, position, kind, source, date)
               VALUES ('p-1', 0, 'interview', 'Call', '2026-05-01');
             INSERT INTO threshold (name, value) VALUES ('overlap_at', 0.8);
             PRAGMA user_version = 4;",
        )
        .expect("old content");
        let sum = persona_atlas::checksum::of_project(&expected, []);
        conn.execute(
            "INSERT INTO checksum (singleton, sum) VALUES (1, ?1)",
            [sum as i64],
        )
        .expect("the old file's checksum");
    }

    let read_only = ProjectFile::open_read_only(&path)
        .and_then(|f| f.load())
        .expect("a schema 4 file reads, upgraded in memory");
    assert_eq!(
        read_only, expected,
        "reading it upgrades nothing on disk and loses nothing"
    );
    assert_eq!(
        header_u32(&path, 60),
        4,
        "a read leaves the file at schema 4"
    );

    let mut session = Session::open(&path).expect("a schema 4 file opens for editing");
    assert_eq!(
        header_u32(&path, 60),
        SCHEMA_VERSION,
        "opening for editing upgrades the file"
    );
    assert_eq!(
        session.project(),
        &expected,
        "the checksum written by schema 4 still matches after the upgrade"
    );
    let stale = Thresholds {
        stale_after_days: Days::new(90).expect("a number of days"),
        ..expected.thresholds
    };
    session
        .edit(&Edit::SetThresholds {
            thresholds: stale.into(),
        })
        .expect("the new threshold can be set");
    drop(session);
    let reopened = ProjectFile::open(&path)
        .and_then(|f| f.load())
        .expect("the upgraded file reopens");
    assert_eq!(
        reopened.thresholds, stale,
        "stale_after_days is stored beside the old thresholds, which stay"
    );
    let mut session = Session::open(&path).expect("the upgraded file opens again");
    session
        .edit(&Edit::SetViews {
            views: serde_json::json!([{ "name": "Everyone" }]),
        })
        .expect("an upgraded file keeps saved views (schema 6)");
    drop(session);
    let views = ProjectFile::open(&path)
        .and_then(|f| f.load())
        .expect("it reopens")
        .views;
    assert_eq!(views.len(), 1, "the view is in the file");
}
