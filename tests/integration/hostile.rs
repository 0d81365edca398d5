//! A corpus of hostile files, and every command run on every one: each is
//! refused with a message that says what is wrong (or, where it is a valid
//! project in an unusual state, read), nothing panics or hangs, and neither
//! the file nor its folder changes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use persona_atlas::store::APPLICATION_ID;
use serde_json::json;

use crate::support::*;

/// What a command is expected to do with a file.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// Refused, with this in the message.
    Refused(&'static str),
    /// Read: the read-only commands succeed (and still change nothing).
    Read,
}

struct Case {
    name: &'static str,
    path: PathBuf,
    expect: Expect,
}

fn set_u32(bytes: &mut [u8], at: usize, v: u32) {
    bytes[at..at + 4].copy_from_slice(&v.to_be_bytes());
}

fn sqlite_file(path: &Path, setup: &str) {
    let conn = rusqlite::Connection::open(path).expect("a scratch database");
    conn.execute_batch(setup).expect("the setup applies");
}

/// Builds the corpus in `dir`, each file in a folder of its own so that a
/// stray journal or temporary file is seen.
fn corpus(dir: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |name: &'static str, file: &str, expect: Expect, make: &dyn Fn(&Path)| {
        let folder = dir.join(name);
        fs::create_dir(&folder).expect("a folder per case");
        let path = folder.join(file);
        make(&path);
        cases.push(Case { name, path, expect });
    };
    let demo = {
        let d = dir.join("source");
        fs::create_dir(&d).expect("folder");
        let p = demo_file(&d);
        bytes(&p)
    };
    let mut state: u64 = 7;
    let mut random = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                (state >> 56) as u8
            })
            .collect()
    };
    let noise = random(4096);
    add(
        "random",
        "p.patlas",
        Expect::Refused("not an SQLite database"),
        &|p| fs::write(p, &noise).expect("write"),
    );
    add(
        "truncated",
        "p.patlas",
        Expect::Refused("truncated"),
        &|p| fs::write(p, &demo[..demo.len() / 3]).expect("write"),
    );
    add(
        "other-app",
        "p.patlas",
        Expect::Refused("another program"),
        &|p| sqlite_file(p, "CREATE TABLE t (x); INSERT INTO t VALUES (1);"),
    );
    add(
        "newer",
        "p.patlas",
        Expect::Refused("newer version"),
        &|p| {
            let mut b = demo.clone();
            set_u32(&mut b, 60, 99);
            fs::write(p, b).expect("write")
        },
    );
    add(
        "version-zero",
        "p.patlas",
        Expect::Refused("no schema version"),
        &|p| {
            let mut b = demo.clone();
            set_u32(&mut b, 60, 0);
            fs::write(p, b).expect("write")
        },
    );
    add("older-schema", "p.patlas", Expect::Read, &|p| {
        sqlite_file(
            p,
            &format!(
                "PRAGMA application_id = {};
                 {}
                 INSERT INTO project (singleton, name) VALUES (1, 'Old portfolio');
                 INSERT INTO node (id, kind) VALUES ('p-1', 'persona');
                 INSERT INTO persona (id, name) VALUES ('p-1', 'Olga');
                 PRAGMA user_version = 1;",
                APPLICATION_ID as i32,
                include_str!("../../src/store/schema_v1.sql")
            ),
        )
    });
    add("wal-mode", "p.patlas", Expect::Read, &|p| {
        fs::write(p, &demo).expect("write");
        let conn = rusqlite::Connection::open(p).expect("open");
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .expect("wal");
        assert_eq!(mode, "wal");
    });
    add(
        "dropped-table",
        "p.patlas",
        Expect::Refused("is missing"),
        &|p| {
            fs::write(p, &demo).expect("write");
            sqlite_file(p, "DROP TABLE relationship;");
        },
    );
    add(
        "dangling-reference",
        "p.patlas",
        Expect::Refused("not in the project"),
        &|p| {
            fs::write(p, &demo).expect("write");
            sqlite_file(
                p,
                "PRAGMA foreign_keys = OFF;
                 INSERT INTO persona_need (persona, need, importance, position)
                 VALUES ('p-dana-platform', 'need-gone', 0.5, 99);",
            );
        },
    );
    add(
        "no-project-row",
        "p.patlas",
        Expect::Refused("project row is missing"),
        &|p| {
            fs::write(p, &demo).expect("write");
            sqlite_file(p, "DELETE FROM project;");
        },
    );
    add("fifo", "p.patlas", Expect::Refused("named pipe"), &|p| {
        let made = std::process::Command::new("mkfifo")
            .arg(p)
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "a FIFO is made");
    });
    add("folder", "p.patlas", Expect::Refused("folder"), &|p| {
        fs::create_dir(p).expect("a folder named like a project")
    });
    add(
        "not-sqlite-named-patlas",
        "p.patlas",
        Expect::Refused("not an SQLite database"),
        &|p| fs::write(p, "just some notes\n").expect("write"),
    );
    add(
        "duplicate-keys",
        "p.json",
        Expect::Refused("appears twice"),
        &|p| {
            fs::write(
                p,
                r#"{"format":"persona-atlas","version":2,"version":1,"project":{"name":"X"}}"#,
            )
            .expect("write")
        },
    );
    add(
        "duplicate-lists",
        "p.json",
        Expect::Refused("\"personas\" appears twice"),
        &|p| {
            fs::write(
                p,
                r#"{"format":"persona-atlas","version":1,"project":{"name":"X"},
                    "personas":[{"id":"p-1","name":"A"}],"personas":[]}"#,
            )
            .expect("write")
        },
    );
    add("bom", "p.json", Expect::Read, &|p| {
        let mut b = "\u{feff}".as_bytes().to_vec();
        b.extend_from_slice(DEMO_JSON.as_bytes());
        fs::write(p, b).expect("write")
    });
    add(
        "control-characters",
        "p.json",
        Expect::Refused("control character U+0007"),
        &|p| {
            let doc = json!({"format": "persona-atlas", "version": 1,
                "project": {"name": "X"},
                "personas": [{"id": "p-1", "name": "Bell\u{7}\u{1b}[2J"}]});
            fs::write(p, doc.to_string()).expect("write")
        },
    );
    add("nul-in-name", "p.json", Expect::Refused("U+0000"), &|p| {
        let doc = json!({"format": "persona-atlas", "version": 1, "project": {"name": "A\u{0}B"}});
        fs::write(p, doc.to_string()).expect("write")
    });
    add("deep", "p.json", Expect::Refused("recursion limit"), &|p| {
        let depth = 100_000;
        let mut s = String::from(r#"{"format":"persona-atlas","version":1,"project":"#);
        s.push_str(&"[".repeat(depth));
        s.push_str(&"]".repeat(depth));
        s.push('}');
        fs::write(p, s).expect("write")
    });
    add("not-utf8", "p.json", Expect::Refused("not UTF-8"), &|p| {
        fs::write(p, [b'{', 0xff, 0xfe, b'}']).expect("write")
    });
    cases
}

/// Runs the tool with a deadline: a command that hangs fails the test
/// instead of hanging it. Its output is read while it runs, so that an
/// export larger than a pipe's buffer does not block it (and pass for a
/// hang).
fn run_bounded(dir: &Path, args: &[&str]) -> Run {
    use std::io::Read as _;
    let mut child = cli_command(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tool starts");
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut out);
            }
            out
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("persona-atlas {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = |h: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&h.join().unwrap_or_default()).into_owned()
    };
    Run {
        code: status.code(),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

/// The file's length and a hash of its bytes, and the folder's listing.
fn snapshot(case: &Case) -> (Option<(usize, u64)>, Vec<String>) {
    use std::hash::{Hash, Hasher};
    let folder = case.path.parent().expect("a folder");
    let content = case.path.is_file().then(|| {
        let b = bytes(&case.path);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        b.hash(&mut h);
        (b.len(), h.finish())
    });
    let mut names = names_in(folder);
    names.sort();
    (content, names)
}

#[test]
fn every_command_on_every_hostile_file_refuses_or_reads_and_changes_nothing() {
    let dir = scratch();
    let cases = corpus(dir.path());
    let edits = dir.path().join("edits.jsonl");
    fs::write(&edits, r#"{"op":"set_project","name":"Changed"}"#).expect("write");
    let edits = edits.to_str().expect("UTF-8").to_owned();
    let mut runs = 0;
    for case in &cases {
        let file = case.path.to_str().expect("UTF-8");
        let out = dir.path().join(format!("{}-out.patlas", case.name));
        let out = out.to_str().expect("UTF-8");
        let json = case.path.extension().is_some_and(|e| e == "json");
        let mut commands: Vec<(Vec<&str>, bool)> = vec![
            (vec!["info", file], false),
            (vec!["export", file], false),
            (vec!["analyze", file], false),
            (vec!["analyze", file, "--format", "json"], false),
            (vec!["matrix", file], false),
            (vec!["matrix", file, "--kind", "persona-product"], false),
            (vec!["thresholds", file], false),
        ];
        if json {
            commands.push((vec!["import", file, "-o", out], false));
        } else {
            // Writers: refused on every hostile file; on the readable ones
            // they may write, so they are only run where refusal is due.
            commands.push((vec!["thresholds", file, "--met-at", "0.4"], true));
            commands.push((vec!["edit", file, &edits], true));
        }
        for (args, writes) in commands {
            let is_project_command = matches!(args[0], "info" | "export" | "thresholds" | "edit");
            if json && is_project_command {
                continue;
            }
            if writes && case.expect == Expect::Read {
                continue;
            }
            // `info` counts rows without reading the project (5 ms at 20,000
            // personas), so a reference into nothing, which only reading
            // the project finds, is left to the commands that read it.
            let expect = match (case.name, args[0]) {
                ("dangling-reference", "info") => Expect::Read,
                _ => case.expect,
            };
            let before = snapshot(case);
            let run = run_bounded(dir.path(), &args);
            runs += 1;
            let what = format!("{} on {}", args.join(" "), case.name);
            assert_no_panic(&run, &what);
            match expect {
                Expect::Refused(reason) => {
                    run.assert_error(&what);
                    assert!(
                        run.stderr.contains(reason),
                        "{what}: the message says {reason:?}: {}",
                        run.stderr
                    );
                    assert!(
                        run.stderr.len() < 2000,
                        "{what}: the message is short enough to read: {} bytes",
                        run.stderr.len()
                    );
                    assert!(
                        !run.stderr.contains('\u{7}') && !run.stderr.contains('\u{1b}'),
                        "{what}: no control character reaches the terminal"
                    );
                }
                Expect::Read => run.assert_ok(&what),
            }
            assert_eq!(
                snapshot(case),
                before,
                "{what}: the file and its folder are left exactly as they were"
            );
        }
    }
    assert!(runs >= 140, "the corpus ran {runs} commands");
}

#[test]
fn analyze_of_a_device_is_refused_at_once() {
    let dir = scratch();
    let run = run_bounded(dir.path(), &["analyze", "/dev/zero"]);
    run.assert_error("analyze /dev/zero");
    assert!(run.stderr.contains("a device"), "{}", run.stderr);
}
