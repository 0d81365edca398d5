//! The command-line tool, run as a user would: exit codes, what it prints,
//! and what it leaves on disk.

use std::fs;
use std::process::Stdio;

use persona_atlas::store::SCHEMA_VERSION;
use persona_atlas::{api, interchange};
use serde_json::json;

use crate::support::*;

/// `info`'s count lines, e.g. `      2 personas`, for a project with these counts.
fn count_line(n: usize, what: &str) -> String {
    format!("  {n:>6} {what}\n")
}

#[test]
fn new_creates_an_empty_project_named_after_the_file() {
    let dir = scratch();
    let run = cli(dir.path(), &["new", "q3-plan.patlas"]);
    run.assert_ok("new");
    assert_eq!(
        run.stderr, "created q3-plan.patlas\n",
        "new says what it created"
    );
    assert_only(
        dir.path(),
        &["q3-plan.patlas"],
        "new creates one file and nothing else",
    );
    let info = cli(dir.path(), &["info", "q3-plan.patlas"]);
    info.assert_ok("info of a new project");
    assert!(
        info.stdout.starts_with("q3-plan\n"),
        "without --name the project is named after the file: {}",
        info.stdout
    );
    assert!(
        info.stdout.contains(&count_line(0, "personas")),
        "a new project is empty: {}",
        info.stdout
    );
}

#[test]
fn new_takes_a_name_and_refuses_a_blank_one() {
    let dir = scratch();
    cli(dir.path(), &["new", "a.patlas", "--name", "Acme portfolio"]).assert_ok("new --name");
    let info = cli(dir.path(), &["info", "a.patlas"]);
    assert!(
        info.stdout.starts_with("Acme portfolio\n"),
        "--name names the project: {}",
        info.stdout
    );

    let blank = cli(dir.path(), &["new", "b.patlas", "--name", "   "]);
    blank.assert_error("new with a blank name");
    assert!(
        blank.stderr.contains("name: must not be empty"),
        "the refusal says what is wrong with the name: {}",
        blank.stderr
    );
    assert!(
        !dir.path().join("b.patlas").exists(),
        "a refused new creates no file"
    );
}

#[test]
fn new_refuses_an_existing_file_unless_forced() {
    let dir = scratch();
    let path = write_file(dir.path(), "taken.patlas", "precious");
    let run = cli(dir.path(), &["new", "taken.patlas"]);
    run.assert_error("new over an existing file");
    assert!(
        run.stderr.contains("taken.patlas already exists") && run.stderr.contains("--force"),
        "the refusal names the file and says how to replace it: {}",
        run.stderr
    );
    assert_eq!(bytes(&path), b"precious", "the existing file is untouched");

    cli(dir.path(), &["new", "taken.patlas", "--force"]).assert_ok("new --force");
    cli(dir.path(), &["info", "taken.patlas"]).assert_ok("info of the replaced file");
}

#[test]
fn demo_writes_the_demo_portfolio() {
    let dir = scratch();
    let run = cli(dir.path(), &["demo", "-o", "demo.patlas"]);
    run.assert_ok("demo -o");
    assert_eq!(
        run.stderr, "wrote the demo portfolio to demo.patlas\n",
        "demo says where it wrote"
    );
    assert_only(
        dir.path(),
        &["demo.patlas"],
        "demo writes one file and nothing else",
    );
    let info = cli(dir.path(), &["info", "demo.patlas"]);
    info.assert_ok("info of the demo");
    // The schema version moves with every migration; the rest of the
    // layout should not, so the snapshot holds a placeholder for it.
    let version = format!("(project format {SCHEMA_VERSION})");
    assert!(
        info.stdout.contains(&version),
        "info states the schema version this build writes: {}",
        info.stdout
    );
    insta::assert_snapshot!(info.stdout.replace(&version, "(project format N)"));
}

#[test]
fn demo_refuses_an_existing_file_and_replaces_it_with_force() {
    let dir = scratch();
    cli(dir.path(), &["new", "work.patlas", "--name", "My work"]).assert_ok("new");
    let before = bytes(&dir.path().join("work.patlas"));

    let run = cli(dir.path(), &["demo", "-o", "work.patlas"]);
    run.assert_error("demo over an existing project");
    assert!(
        run.stderr.contains("work.patlas") && run.stderr.contains("--force"),
        "the refusal names the file and mentions --force: {}",
        run.stderr
    );
    assert_eq!(
        bytes(&dir.path().join("work.patlas")),
        before,
        "the user's project is untouched"
    );

    cli(dir.path(), &["demo", "-o", "work.patlas", "--force"]).assert_ok("demo --force");
    let info = cli(dir.path(), &["info", "work.patlas"]);
    assert!(
        info.stdout.starts_with("Lanternfold portfolio (demo)\n"),
        "with --force the file is replaced by the demo: {}",
        info.stdout
    );
    assert_only(
        dir.path(),
        &["work.patlas"],
        "replacing leaves no temporary file",
    );
}

#[test]
fn import_creates_a_project_from_json() {
    let dir = scratch();
    write_json(dir.path(), "small.json", &small_project());
    let run = cli(dir.path(), &["import", "small.json", "-o", "small.patlas"]);
    run.assert_ok("import");
    assert_eq!(
        run.stderr, "imported 2 personas, 1 product and 1 need into small.patlas\n",
        "import says what it imported and where"
    );
    let text = serde_json::to_string(&small_project()).expect("serialises");
    let expected = interchange::write(&interchange::read(&text, "small.json").expect("valid"));
    assert_eq!(
        api::export_json(&dir.path().join("small.patlas")).expect("the import exports"),
        expected,
        "the imported project is the one in the file"
    );
}

#[test]
fn import_of_a_bad_file_lists_every_problem_and_creates_nothing() {
    let dir = scratch();
    let mut doc = small_project();
    doc["personas"][0]["needs"][0]["need"] = json!("need-sso");
    doc["personas"][0]["status"] = json!("final");
    doc["products"][0]["addresses"][0]["score"] = json!(1.5);
    doc["relationships"][0]["from"] = json!("ms-smb");
    write_json(dir.path(), "bad.json", &doc);
    let run = cli(dir.path(), &["import", "bad.json", "-o", "bad.patlas"]);
    run.assert_error("import of a file with problems");
    assert_only(
        dir.path(),
        &["bad.json"],
        "a refused import creates no project and no temporary file",
    );
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn import_refuses_to_replace_a_file_unless_forced() {
    let dir = scratch();
    write_json(dir.path(), "small.json", &small_project());
    let taken = write_file(dir.path(), "out.patlas", "mine");
    let run = cli(dir.path(), &["import", "small.json", "-o", "out.patlas"]);
    run.assert_error("import over an existing file");
    assert!(
        run.stderr.contains("out.patlas already exists") && run.stderr.contains("--force"),
        "the refusal names the file and mentions --force: {}",
        run.stderr
    );
    assert_eq!(bytes(&taken), b"mine", "the existing file is untouched");
    cli(
        dir.path(),
        &["import", "small.json", "-o", "out.patlas", "--force"],
    )
    .assert_ok("import --force");
    cli(dir.path(), &["info", "out.patlas"]).assert_ok("the replaced file is a project");
}

#[test]
fn export_writes_json_to_stdout_or_a_file() {
    let dir = scratch();
    let demo = demo_file(dir.path());
    let expected = api::export_json(&demo).expect("the demo exports");

    let run = cli(dir.path(), &["export", "demo.patlas"]);
    run.assert_ok("export to stdout");
    assert_eq!(
        run.stdout, expected,
        "export prints exactly the interchange JSON"
    );
    assert_eq!(
        run.stderr, "",
        "a successful export to stdout is silent on stderr"
    );

    let run = cli(dir.path(), &["export", "demo.patlas", "-o", "demo.json"]);
    run.assert_ok("export -o");
    assert_eq!(run.stdout, "", "with -o nothing goes to stdout");
    assert_eq!(
        fs::read_to_string(dir.path().join("demo.json")).expect("the export was written"),
        expected,
        "the file holds exactly the interchange JSON"
    );
    assert_only(
        dir.path(),
        &["demo.json", "demo.patlas"],
        "export -o writes one file and leaves no temporary file",
    );

    write_file(dir.path(), "demo.json", "stale");
    let refused = cli(dir.path(), &["export", "demo.patlas", "-o", "demo.json"]);
    refused.assert_error("export -o over a file");
    assert!(
        refused.stderr.contains("--force"),
        "like every other command, export replaces a file only when told: {}",
        refused.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("demo.json")).expect("still there"),
        "stale",
        "the file is left as it was"
    );
    cli(
        dir.path(),
        &["export", "demo.patlas", "-o", "demo.json", "--force"],
    )
    .assert_ok("export -o --force");
    assert_eq!(
        fs::read_to_string(dir.path().join("demo.json")).expect("the export was written"),
        expected,
        "with --force an export replaces an older export of the same name"
    );
    let own = cli(
        dir.path(),
        &["export", "demo.patlas", "-o", "demo.patlas", "--force"],
    );
    own.assert_error("export onto the project itself");
    assert!(
        own.stderr.contains("it is the file being read"),
        "{}",
        own.stderr
    );
    api::open(&dir.path().join("demo.patlas")).expect("the project is still a project");
}

#[test]
fn exported_json_imports_back_to_the_same_export() {
    let dir = scratch();
    demo_file(dir.path());
    cli(dir.path(), &["export", "demo.patlas", "-o", "one.json"]).assert_ok("export");
    cli(dir.path(), &["import", "one.json", "-o", "two.patlas"]).assert_ok("import");
    cli(dir.path(), &["export", "two.patlas", "-o", "two.json"]).assert_ok("export again");
    assert_eq!(
        bytes(&dir.path().join("one.json")),
        bytes(&dir.path().join("two.json")),
        "export -> import -> export through the tool gives back the same bytes"
    );
}

#[test]
fn errors_name_the_file() {
    let dir = scratch();
    write_file(dir.path(), "notes.txt", "just some notes\n");
    let demo = demo_file(dir.path());
    let mut newer = bytes(&demo);
    newer[60..64].copy_from_slice(&7u32.to_be_bytes());
    write_file(dir.path(), "newer.patlas", &newer);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["info", "missing.patlas"],
            "missing.patlas",
            "cannot open the file",
        ),
        (
            &["export", "notes.txt"],
            "notes.txt",
            "is not a Persona Atlas project",
        ),
        (
            &["import", "missing.json", "-o", "out.patlas"],
            "missing.json",
            "cannot read the file",
        ),
        (
            &["info", "newer.patlas"],
            "newer.patlas",
            "newer version of Persona Atlas",
        ),
        (
            &["export", "newer.patlas"],
            "newer.patlas",
            "newer version of Persona Atlas",
        ),
    ];
    for (args, file, what) in cases {
        let run = cli(dir.path(), args);
        run.assert_error(&args.join(" "));
        assert!(
            run.stderr.contains(file) && run.stderr.contains(what),
            "`{}` must name {file} and say {what:?}: {}",
            args.join(" "),
            run.stderr
        );
        assert_eq!(
            run.stdout,
            "",
            "`{}` prints nothing on stdout when it fails",
            args.join(" ")
        );
    }
    assert_eq!(
        bytes(&dir.path().join("newer.patlas")),
        newer,
        "a file from a newer version is never changed"
    );
    assert!(
        !dir.path().join("out.patlas").exists(),
        "a failed import creates nothing"
    );
}

#[test]
fn no_input_makes_the_tool_panic() {
    let dir = scratch();
    let d = dir.path();
    let demo = bytes(&demo_file(d));
    write_file(d, "empty.patlas", "");
    write_file(d, "half.patlas", &demo[..demo.len() / 2]);
    write_file(d, "latin1.json", b"{\"project\": {\"name\": \"Caf\xe9\"}}");
    write_file(d, "null.json", "null");
    write_file(d, "deep.json", "[".repeat(100_000));
    write_file(d, "huge-number.json", "{\"version\": 1e999}");
    write_file(
        d,
        "types.json",
        r#"{"format": 1, "version": 1, "project": [], "personas": [1, null, {"id": {}}]}"#,
    );
    fs::create_dir(d.join("folder.patlas")).expect("the test folder must be writable");
    let cases: &[&[&str]] = &[
        &["info", "empty.patlas"],
        &["info", "folder.patlas"],
        &["export", "half.patlas"],
        &["export", "demo.patlas", "-o", "no/such/folder/out.json"],
        &["export", "demo.patlas", "-o", "folder.patlas"],
        &["import", "demo.patlas", "-o", "x.patlas"],
        &["import", "latin1.json", "-o", "x.patlas"],
        &["import", "null.json", "-o", "x.patlas"],
        &["import", "deep.json", "-o", "x.patlas"],
        &["import", "huge-number.json", "-o", "x.patlas"],
        &["import", "types.json", "-o", "x.patlas"],
        &["import", "folder.patlas", "-o", "x.patlas"],
        &["new", "no/such/folder/x.patlas"],
        &["demo", "-o", "folder.patlas", "--force"],
    ];
    for args in cases {
        let run = cli(d, args);
        run.assert_error(&args.join(" "));
    }
    assert!(
        !d.join("x.patlas").exists(),
        "none of the failed imports left a project"
    );
    assert!(
        d.join("folder.patlas").is_dir(),
        "--force does not replace a folder with a file"
    );
}

#[test]
fn usage_errors_exit_with_clap_s_code() {
    let dir = scratch();
    for args in [&[][..], &["frobnicate"], &["import", "x.json"], &["info"]] {
        let run = cli(dir.path(), args);
        assert_eq!(
            run.code,
            Some(2),
            "a usage error exits 2, as clap does, so scripts can tell it from a failed command: {}",
            run.stderr
        );
        assert_no_panic(&run, &format!("{args:?}"));
    }
}

#[test]
fn export_to_a_closed_pipe_fails_cleanly() {
    let dir = scratch();
    demo_file(dir.path());
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = cli_command(dir.path(), &["export", "demo.patlas"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the tool starts");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && output.status.code() == Some(1),
        "a reader that went away (`| head`) is an error, not a crash: {stderr}"
    );
}

#[test]
fn info_to_a_closed_pipe_does_not_panic() {
    let dir = scratch();
    demo_file(dir.path());
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = cli_command(dir.path(), &["info", "demo.patlas"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the tool starts");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && output.status.code() != Some(101),
        "`persona-atlas info x | head -1` must not crash the tool: {stderr}"
    );
}

#[test]
fn error_messages_give_the_reason_once() {
    let dir = scratch();
    let run = cli(dir.path(), &["info", "missing.patlas"]);
    run.assert_error("info of a missing file");
    assert_eq!(
        run.stderr.matches("os error 2").count(),
        1,
        "a message that repeats itself reads like two errors: {}",
        run.stderr
    );
}

#[test]
fn matrix_writes_each_matrix_as_csv_for_a_spreadsheet() {
    let dir = scratch();
    let project = dir.path().join("harbor.json");
    let harbor =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbor.json");
    fs::copy(harbor, &project).expect("copy the fixture");

    let needs = cli(dir.path(), &["matrix", "harbor.json"]);
    needs.assert_ok("matrix");
    let lines: Vec<&str> = needs.stdout.split_terminator("\r\n").collect();
    assert_eq!(
        lines.first().copied(),
        Some("Need,Personas,Berthwise,Gap"),
        "need × product is the default, with a column per product: {}",
        needs.stdout
    );
    assert_eq!(lines.len(), 3, "a header and a line per need");

    let personas = cli(
        dir.path(),
        &["matrix", "harbor.json", "--kind", "persona-product"],
    );
    personas.assert_ok("matrix --kind persona-product");
    assert!(
        personas.stdout.contains("Bea the Berth Planner,uses\r\n"),
        "each persona's relation to each product: {}",
        personas.stdout
    );

    let segments = cli(
        dir.path(),
        &["matrix", "harbor.json", "--kind", "segment-product"],
    );
    segments.assert_ok("matrix --kind segment-product");
    assert!(
        segments
            .stdout
            .starts_with("Market segment,Personas,Berthwise (needs met)\r\n"),
        "{}",
        segments.stdout
    );

    let missing = cli(dir.path(), &["matrix", "nope.patlas"]);
    missing.assert_error("matrix of a missing file");
    assert!(
        missing.stderr.contains("nope.patlas"),
        "and says which: {}",
        missing.stderr
    );
}
