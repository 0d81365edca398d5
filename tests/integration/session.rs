//! The open project: edits checked by what they touch and written row by
//! row, undo and redo exact, a second writer never overwritten, and a write
//! that fails changing neither the file nor the memory nor the history.

use std::path::Path;

use persona_atlas::edit::Edit;
use persona_atlas::model::*;
use persona_atlas::session::{Outcome, Session};
use persona_atlas::{Error, api, generate, interchange};
use proptest::prelude::*;
use serde_json::json;

use crate::support::*;

/// What a fresh open of the file holds: the export and the positions.
fn on_disk(path: &Path) -> (String, Vec<NodePosition>) {
    let s = Session::open(path).expect("the file opens after every edit");
    (interchange::write(s.project()), s.positions())
}

fn in_memory(s: &Session) -> (String, Vec<NodePosition>) {
    (interchange::write(s.project()), s.positions())
}

fn pick<T>(list: &[T], n: u32) -> Option<&T> {
    if list.is_empty() {
        None
    } else {
        list.get(n as usize % list.len())
    }
}

/// Turns a random draw into an edit of the project as it is now: mostly
/// valid ones of every kind, some that must be refused.
fn edit_from(p: &Project, (op, a, b, x): (u8, u32, u32, f64), serial: usize) -> Option<Edit> {
    let persona = |n| pick(&p.personas, n).map(|x| x.id.clone());
    let need = |n| pick(&p.needs, n).map(|x| x.id.clone());
    Some(match op {
        0 => {
            let mut value = pick(&p.personas, a)?.clone();
            value.name = format!("Renamed {serial}");
            value.goals.push(format!("goal {b}"));
            Edit::Update {
                kind: EntityKind::Persona,
                value: serde_json::to_value(&value).ok()?,
            }
        }
        1 => Edit::Create {
            kind: EntityKind::Persona,
            value: json!({
                "id": format!("p-prop-{serial}"),
                "name": format!("New {serial}"),
                "needs": need(b).map(|n| vec![json!({"need": n, "importance": x})]).unwrap_or_default(),
            }),
        },
        2 => Edit::Delete {
            kind: EntityKind::Persona,
            id: persona(a)?.as_str().to_owned(),
        },
        3 => Edit::Delete {
            kind: EntityKind::Need,
            id: need(a)?.as_str().to_owned(),
        },
        4 => Edit::Delete {
            kind: EntityKind::Product,
            id: pick(&p.products, a)?.id.as_str().to_owned(),
        },
        5 => Edit::Delete {
            kind: EntityKind::MarketSegment,
            id: pick(&p.market_segments, a)?.id.as_str().to_owned(),
        },
        6 => Edit::LinkNeed {
            persona: persona(a)?,
            need: need(b)?,
            importance: (x > 0.2).then_some(x),
        },
        7 => Edit::LinkProduct {
            persona: persona(a)?,
            product: pick(&p.products, b)?.id.clone(),
            relations: [
                ProductRelation::OwnedBy,
                ProductRelation::Targets,
                ProductRelation::Uses,
                ProductRelation::Evaluates,
            ]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| (b >> i) & 1 == 1)
            .map(|(_, r)| r)
            .collect(),
        },
        8 => Edit::Score {
            offering: if a % 2 == 0 {
                pick(&p.products, b)?.id.as_str().to_owned()
            } else {
                pick(&p.competitors, b)?.id.as_str().to_owned()
            },
            need: need(a / 2)?,
            score: (x > 0.2).then_some(x),
        },
        9 => Edit::Relate {
            from: persona(a)?,
            to: persona(b)?,
            kind: RelationshipKind::Influences,
            weight: (x > 0.3).then_some(x),
        },
        10 => Edit::MergePersonas {
            keep: persona(a)?,
            remove: persona(b)?,
        },
        11 => Edit::SetThresholds {
            thresholds: Thresholds {
                overlap_at: Unit::new(x).ok()?,
                ..p.thresholds
            }
            .into(),
        },
        12 => Edit::SetPositions {
            positions: p
                .personas
                .iter()
                .skip(a as usize % 3)
                .step_by(2)
                .map(|q| NodePosition {
                    id: q.id.as_str().to_owned(),
                    x: x * 100.0,
                    y: f64::from(b % 1000),
                })
                .collect(),
            replace_all: b % 2 == 0,
        },
        13 => Edit::SetProject {
            name: format!("Project {serial}"),
            description: (a % 2 == 0).then(|| "described".to_owned()),
        },
        14 => Edit::Delete {
            kind: EntityKind::BuyingRole,
            id: pick(&p.buying_roles, a)?.id.as_str().to_owned(),
        },
        15 => Edit::Update {
            kind: EntityKind::BuyingUnit,
            value: {
                let mut u = pick(&p.buying_units, a)?.clone();
                u.members.reverse();
                u.description = Some(format!("unit {serial}"));
                serde_json::to_value(&u).ok()?
            },
        },
        18 => {
            let mut j = pick(&p.journeys, a)?.clone();
            j.personas.retain(|x| Some(x) != persona(b).as_ref());
            j.personas.extend(persona(a));
            j.personas.dedup();
            if let Some(stage) = j.stages.first_mut() {
                stage.name = format!("Stage {serial}");
                stage.needs = need(b).into_iter().collect();
                stage.emotion = Emotion::new(x * 4.0 - 2.0).ok();
            }
            Edit::Put {
                kind: EntityKind::Journey,
                value: serde_json::to_value(&j).ok()?,
            }
        }
        19 => Edit::Create {
            kind: EntityKind::Journey,
            value: json!({
                "id": format!("j-prop-{serial}"),
                "name": format!("Journey {serial}"),
                "personas": persona(a).into_iter().collect::<Vec<_>>(),
                "stages": [{ "name": "First", "needs": need(b).into_iter().collect::<Vec<_>>() }],
            }),
        },
        20 => Edit::Delete {
            kind: EntityKind::Journey,
            id: pick(&p.journeys, a)?.id.as_str().to_owned(),
        },
        21 => {
            let mut value = pick(&p.personas, a)?.clone();
            value.used_by.push(format!("team {b}"));
            value.scenarios.push(Scenario {
                title: format!("Scenario {serial}"),
                text: (b % 2 == 0).then(|| "A day at work.".to_owned()),
            });
            value.evidence.push(Evidence {
                kind: EvidenceKind::Crm,
                source: Some("contacts.csv".to_owned()),
                date: Date::from_ymd(2026, 1 + (b % 12) as u8, 1).ok(),
                note: Some(format!("note {serial}")),
                records: Some(u64::from(b % 500)),
                share: Unit::new(x).ok(),
            });
            Edit::Update {
                kind: EntityKind::Persona,
                value: serde_json::to_value(&value).ok()?,
            }
        }
        23 => Edit::RecordMatch {
            kind: if b % 2 == 0 {
                EvidenceKind::Crm
            } else {
                EvidenceKind::Analytics
            },
            source: format!("table-{}.csv", b % 3),
            date: Date::from_ymd(2026, 1 + (a % 12) as u8, 1).ok()?,
            personas: p
                .personas
                .iter()
                .skip(a as usize % 2)
                .step_by(3)
                .map(|q| persona_atlas::edit::MatchedPersona {
                    persona: q.id.clone(),
                    records: u64::from(b % 700),
                    share: x,
                    note: (a % 2 == 0).then(|| format!("match {serial}")),
                })
                .collect(),
        },
        // Saved views naming a segment, a role and a product, so that a
        // later delete of one of them must rewrite them.
        24 => Edit::SetViews {
            views: json!((0..=(b % 3)).map(|k| json!({
                "name": format!("View {serial}.{k}"),
                "note": (a % 2 == 0).then(|| format!("note {serial}")),
                "filter": {
                    "market_segment": pick(&p.market_segments, a + k).map(|x| x.id.as_str()),
                    "buying_role": pick(&p.buying_roles, b + k).map(|x| x.id.as_str()),
                    "product": pick(&p.products, a ^ b).map(|x| x.id.as_str()),
                    "low_confidence": k == 1,
                },
                "layers": { "products": a % 2 == 0, "needs": b % 2 == 0 },
                "camera": { "zoom": 0.1 + x, "x": f64::from(a % 900), "y": -f64::from(b % 900) },
            })).collect::<Vec<_>>()),
        },
        // Two edits as one, the second seeing the first: a new need, then
        // a persona that cares about it.
        25 => Edit::Batch {
            edits: vec![
                Edit::Create {
                    kind: EntityKind::Need,
                    value: json!({ "id": format!("need-batch-{serial}"), "name": "Batched" }),
                },
                Edit::LinkNeed {
                    persona: persona(a)?,
                    need: NeedId::new(format!("need-batch-{serial}")).ok()?,
                    importance: Some(x),
                },
            ],
        },
        // A batch whose second edit is refused: none of it may land.
        26 => Edit::Batch {
            edits: vec![
                Edit::Create {
                    kind: EntityKind::Need,
                    value: json!({ "id": format!("need-half-{serial}"), "name": "Half" }),
                },
                Edit::Create {
                    kind: EntityKind::Need,
                    value: json!({ "id": persona(a)?.as_str(), "name": "Taken" }),
                },
            ],
        },
        // What must be refused: a link to no need, a create over an id.
        16 | 22 => Edit::LinkNeed {
            persona: persona(a)?,
            need: NeedId::new("need-that-is-not-there").ok()?,
            importance: Some(0.5),
        },
        _ => Edit::Create {
            kind: EntityKind::Need,
            value: json!({ "id": persona(a)?.as_str(), "name": "Taken" }),
        },
    })
}

fn draws() -> impl Strategy<Value = Vec<(u8, u32, u32, f64)>> {
    prop::collection::vec((0u8..27, any::<u32>(), any::<u32>(), 0.0f64..1.0), 1..16)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random edits of every kind on random projects: after each, the
    /// memory equals the file opened afresh and the project exports to
    /// what an import accepts; undoing all gives back the first export byte
    /// for byte, redoing all the last.
    #[test]
    fn edits_undo_and_redo_keep_memory_file_and_history_one(
        personas in 6usize..40,
        seed in 0u64..1000,
        draws in draws(),
    ) {
        let dir = scratch();
        let path = dir.path().join("p.patlas");
        let mut s = api::create(&path, &generate::portfolio(personas, seed), false)
            .expect("a generated portfolio writes");
        let first = in_memory(&s);
        let mut changed = 0;
        for (i, draw) in draws.into_iter().enumerate() {
            let Some(edit) = edit_from(s.project(), draw, i) else { continue };
            let before = in_memory(&s);
            match s.edit(&edit) {
                Ok(Outcome::Changed) => changed += 1,
                Ok(Outcome::Unchanged) => prop_assert_eq!(&in_memory(&s), &before),
                Err(e) => {
                    prop_assert!(
                        matches!(e, Error::Invalid { .. }),
                        "a refused edit is refused as invalid, not by the store: {}", e
                    );
                    prop_assert_eq!(&in_memory(&s), &before, "a refused edit changes nothing");
                }
            }
            let now = in_memory(&s);
            prop_assert_eq!(&on_disk(&path), &now, "the file holds what memory holds");
            prop_assert!(
                interchange::read(&now.0, "the edited project").is_ok(),
                "an edit never yields a project that an import refuses"
            );
        }
        let last = in_memory(&s);
        for _ in 0..changed {
            prop_assert_eq!(s.undo().expect("undo writes"), Outcome::Changed);
        }
        prop_assert_eq!(s.undo().expect("nothing more"), Outcome::Unchanged);
        prop_assert_eq!(&in_memory(&s), &first, "undoing every edit gives the original back");
        prop_assert_eq!(&on_disk(&path), &first, "in the file too");
        for _ in 0..changed {
            prop_assert_eq!(s.redo().expect("redo writes"), Outcome::Changed);
        }
        prop_assert_eq!(&in_memory(&s), &last, "redoing every edit gives the last state back");
        prop_assert_eq!(&on_disk(&path), &last, "in the file too");
    }
}

fn rename(s: &Session, id: &str, name: &str) -> Edit {
    let mut p = s
        .project()
        .personas
        .iter()
        .find(|p| p.id.as_str() == id)
        .expect("the persona exists")
        .clone();
    p.name = name.to_owned();
    Edit::Update {
        kind: EntityKind::Persona,
        value: serde_json::to_value(&p).expect("a persona serialises"),
    }
}

fn thresholds(overlap: f64) -> Edit {
    Edit::SetThresholds {
        thresholds: Thresholds {
            overlap_at: Unit::new(overlap).expect("in range"),
            ..Thresholds::DEFAULT
        }
        .into(),
    }
}

fn persona_name(path: &Path, id: &str) -> String {
    let s = Session::open(path).expect("opens");
    s.project()
        .personas
        .iter()
        .find(|p| p.id.as_str() == id)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

#[test]
fn undo_after_a_threshold_change_undoes_the_thresholds_not_something_else() {
    // Before the session, thresholds were saved outside the history and the
    // undo of an earlier edit put the old thresholds back.
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut s = api::open(&path).expect("the demo opens");
    s.edit(&rename(&s, "p-dana-platform", "Dana R."))
        .expect("a rename");
    s.edit(&thresholds(0.9)).expect("new thresholds");
    s.undo().expect("undo");
    let stored = Session::open(&path).expect("opens").project().thresholds;
    assert_eq!(
        stored.overlap_at.get(),
        0.7,
        "the undo took back the thresholds, the last edit"
    );
    assert_eq!(
        persona_name(&path, "p-dana-platform"),
        "Dana R.",
        "and left the rename before it alone"
    );
    s.redo().expect("redo");
    s.edit(&rename(&s, "p-dana-platform", "Dana S."))
        .expect("another rename");
    s.undo().expect("undo the rename");
    assert_eq!(
        Session::open(&path)
            .expect("opens")
            .project()
            .thresholds
            .overlap_at
            .get(),
        0.9,
        "undoing a rename never puts old thresholds back"
    );
}

#[test]
fn a_second_writer_is_never_overwritten() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut app = api::open(&path).expect("the app opens the file");
    let mut script = api::open(&path).expect("a script opens it too");
    script
        .edit(&rename(&script, "p-dana-platform", "Changed by a script"))
        .expect("the script saves first");
    let err = app
        .edit(&rename(&app, "p-priya-platform", "Changed in the app"))
        .expect_err("the app's edit on the older content is refused");
    assert!(
        matches!(err, Error::ChangedOnDisk { .. }),
        "the refusal says the file changed: {err}"
    );
    assert!(
        err.to_string().contains("changed by another program"),
        "{err}"
    );
    assert!(
        app.changed_on_disk().expect("the check reads"),
        "the app can tell"
    );
    assert_eq!(
        persona_name(&path, "p-dana-platform"),
        "Changed by a script",
        "the script's change stays"
    );
    assert_eq!(
        persona_name(&path, "p-priya-platform"),
        "Priya the Platform Owner",
        "the app's refused change was not written"
    );
    app.reload().expect("the app reads the file again");
    app.edit(&rename(&app, "p-priya-platform", "Changed in the app"))
        .expect("and then edits it");
    assert_eq!(
        persona_name(&path, "p-dana-platform"),
        "Changed by a script",
        "still"
    );
    assert_eq!(
        app.history().state(),
        (true, false),
        "after reopening, only the app's own later edit can be undone"
    );
}

#[test]
fn two_processes_setting_different_thresholds_keep_both() {
    // Each read the thresholds outside its write and wrote all four back,
    // so one silently reverted the other's.
    for round in 0..12 {
        let dir = scratch();
        let path = demo_file(dir.path());
        let a = path.clone();
        let b = path.clone();
        let one = std::thread::spawn(move || {
            api::change_thresholds(&a, |mut t| {
                t.met_at = Unit::new(0.31).expect("in range");
                t
            })
        });
        let two = std::thread::spawn(move || {
            api::change_thresholds(&b, |mut t| {
                t.overlap_at = Unit::new(0.92).expect("in range");
                t
            })
        });
        one.join().expect("no panic").expect("the first writes");
        two.join().expect("no panic").expect("the second writes");
        let t = Session::open(&path).expect("opens").project().thresholds;
        assert_eq!(
            (t.met_at.get(), t.overlap_at.get()),
            (0.31, 0.92),
            "round {round}: both changes are kept"
        );
    }
}

#[test]
fn a_failed_write_changes_neither_file_nor_memory_nor_history() {
    let dir = scratch();
    let path = demo_file(dir.path());
    // A trigger stands for a full disk: SQLite aborts the transaction.
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(
            "CREATE TRIGGER no_dana BEFORE INSERT ON node WHEN new.id = 'p-dana-platform'
             BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;
             CREATE TRIGGER no_need BEFORE DELETE ON node WHEN old.id = 'need-cost-control'
             BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
        )
        .expect("triggers");
    }
    let mut s = api::open(&path).expect("opens");
    let first = in_memory(&s);

    let err = s
        .edit(&Edit::Delete {
            kind: EntityKind::Need,
            id: "need-cost-control".into(),
        })
        .expect_err("the write fails");
    assert!(err.to_string().contains("simulated failure"), "{err}");
    assert_eq!(in_memory(&s), first, "memory unchanged");
    assert_eq!(on_disk(&path), first, "file unchanged");
    assert_eq!(s.history().state(), (false, false), "nothing to undo");

    s.edit(&Edit::Delete {
        kind: EntityKind::Persona,
        id: "p-dana-platform".into(),
    })
    .expect("a delete writes");
    let deleted = in_memory(&s);
    let err = s.undo().expect_err("putting Dana back fails");
    assert!(err.to_string().contains("simulated failure"), "{err}");
    assert_eq!(
        in_memory(&s),
        deleted,
        "memory unchanged by the failed undo"
    );
    assert_eq!(on_disk(&path), deleted, "file unchanged by the failed undo");
    assert_eq!(
        s.history().state(),
        (true, false),
        "the edit can still be undone once the disk has room"
    );
    assert_eq!(s.revision(), 1, "only the delete counted");
}

#[test]
fn create_refuses_a_taken_id_and_update_a_missing_one() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let mut s = api::open(&path).expect("opens");
    let first = in_memory(&s);
    let err = s
        .edit(&Edit::Create {
            kind: EntityKind::Need,
            value: json!({ "id": "need-cost-control", "name": "Over it" }),
        })
        .expect_err("a form's new need cannot overwrite another");
    assert_eq!(err.problems()[0].path, "id", "{err}");
    let err = s
        .edit(&Edit::Create {
            kind: EntityKind::Need,
            value: json!({ "id": "p-dana-platform", "name": "Over a persona" }),
        })
        .expect_err("nor take a persona's id");
    assert!(err.to_string().contains("persona"), "{err}");
    let err = s
        .edit(&Edit::Update {
            kind: EntityKind::Need,
            value: json!({ "id": "need-gone", "name": "Gone" }),
        })
        .expect_err("an update of a deleted need is not a create");
    assert!(err.to_string().contains("no need with id"), "{err}");
    assert_eq!(in_memory(&s), first, "nothing changed");
    s.edit(&Edit::Put {
        kind: EntityKind::Need,
        value: json!({ "id": "need-cost-control", "name": "Cost control, put" }),
    })
    .expect("put replaces for scripts");
    let p = Session::open(&path).expect("opens");
    let kept = p
        .project()
        .personas
        .iter()
        .filter(|x| {
            x.needs
                .iter()
                .any(|n| n.need.as_str() == "need-cost-control")
        })
        .count();
    assert!(
        kept > 0,
        "replacing a need keeps the personas' links to it (an update, not a delete)"
    );
}

#[test]
fn the_history_stays_small_whatever_the_project_size() {
    let dir = scratch();
    let path = dir.path().join("big.patlas");
    let mut s = api::create(&path, &generate::portfolio(2000, 3), false).expect("writes");
    for i in 0..100 {
        let id = s.project().personas[i].id.as_str().to_owned();
        s.edit(&rename(&s, &id, &format!("Edited {i}")))
            .expect("an edit");
    }
    assert!(
        s.history().bytes() < 1 << 20,
        "100 persona edits keep well under a megabyte, not 100 projects: {} bytes",
        s.history().bytes()
    );
}

/// One `rename` edit per line for the first `n` personas, named for `run`.
fn rename_lines(s: &Session, run: usize, n: usize) -> String {
    let mut out = String::new();
    for (i, p) in s.project().personas.iter().take(n).enumerate() {
        let edit = rename(s, p.id.as_str(), &format!("Name r{run} l{i}"));
        out.push_str(&serde_json::to_string(&edit).expect("an edit serialises"));
        out.push('\n');
    }
    out
}

#[test]
fn cli_edit_applies_each_line_and_stops_at_a_bad_one_with_its_number() {
    let dir = scratch();
    let path = demo_file(dir.path());
    let lines = [
        r#"{"op":"link_need","persona":"p-dana-platform","need":"need-cost-control","importance":0.4}"#,
        "",
        r#"{"op":"set_thresholds","thresholds":{"underserved_below":0.5,"important_need":0.7,"met_at":0.5,"overlap_at":0.7}}"#,
        r#"{"op":"score","offering":"prod-observe","need":"need-nope","score":0.5}"#,
        r#"{"op":"set_project","name":"Never reached"}"#,
    ];
    write_file(dir.path(), "edits.jsonl", lines.join("\n"));
    let run = cli(dir.path(), &["edit", "demo.patlas", "edits.jsonl"]);
    run.assert_error("an edits file with a bad line");
    assert!(
        run.stderr.contains("edits.jsonl: line 4:") && run.stderr.contains("need-nope"),
        "the message names the line and what is wrong: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("the 2 edits applied before line 4 are kept"),
        "and says how many were applied before it: {}",
        run.stderr
    );
    let s = Session::open(&path).expect("opens");
    assert_eq!(
        s.project().thresholds.underserved_below.get(),
        0.5,
        "the lines before the bad one stay applied"
    );
    assert_ne!(s.project().project.name, "Never reached", "none after it");

    write_file(dir.path(), "typo.jsonl", r#"{"op":"relate","form":"a"}"#);
    let run = cli(dir.path(), &["edit", "demo.patlas", "typo.jsonl"]);
    run.assert_error("an edit with an unknown field");
    assert!(
        run.stderr.contains("line 1:") && run.stderr.contains("form"),
        "a typo in a field name is named, not ignored: {}",
        run.stderr
    );

    write_file(dir.path(), "ok.jsonl", lines[..3].join("\n"));
    let run = cli(dir.path(), &["edit", "demo.patlas", "ok.jsonl"]);
    run.assert_ok("a valid edits file");
    assert!(
        run.stderr.contains("applied 0 edits") && run.stderr.contains("2 changed nothing"),
        "edits that change nothing are counted apart: {}",
        run.stderr
    );
}

#[test]
fn killing_edit_at_random_moments_never_damages_or_half_writes_the_file() {
    let dir = scratch();
    let path = dir.path().join("p.patlas");
    let s = api::create(&path, &generate::portfolio(2000, 5), false).expect("writes");
    let lines = 300;
    drop(s);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut killed_midway = 0;
    for run in 0..24 {
        let s = Session::open(&path).expect("the file opens after every kill");
        let order: Vec<String> = s
            .project()
            .personas
            .iter()
            .take(lines)
            .map(|p| p.id.as_str().to_owned())
            .collect();
        write_file(dir.path(), "edits.jsonl", rename_lines(&s, run, lines));
        drop(s);
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let wait = std::time::Duration::from_millis(20 + (state >> 33) % 400);
        let mut child = cli_command(dir.path(), &["edit", "p.patlas", "edits.jsonl"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the tool starts");
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL; it may have finished already
        let status = child.wait().expect("the tool ends");
        if !status.success() {
            killed_midway += 1;
        }

        let s = Session::open(&path).expect("a killed writer leaves a file that opens");
        let text = interchange::write(s.project());
        interchange::read(&text, "the export").expect("and exports to what imports whole");
        let renamed: Vec<bool> = order
            .iter()
            .enumerate()
            .map(|(i, id)| {
                s.project()
                    .personas
                    .iter()
                    .any(|p| p.id.as_str() == id && p.name == format!("Name r{run} l{i}"))
            })
            .collect();
        let applied = renamed.iter().take_while(|r| **r).count();
        assert!(
            renamed[applied..].iter().all(|r| !r),
            "run {run}: the edits that survived are exactly the first {applied}, in order"
        );
        drop(s);
        let mut names = names_in(dir.path());
        names.sort();
        assert_eq!(
            names,
            ["edits.jsonl", "p.patlas"],
            "run {run}: once opened, no journal or temporary file stays"
        );
    }
    assert!(
        killed_midway > 0,
        "at least some runs were killed before they finished"
    );
}

#[test]
fn the_app_and_the_command_line_writing_one_file_lose_nothing() {
    // A soak: the app's session and command-line processes edit one file
    // at once for a bounded time (PERSONA_ATLAS_SOAK_SECS, default 8), each
    // on its own personas. Every edit either side saw committed must be in
    // the file at the end, and the file whole.
    let secs: u64 = std::env::var("PERSONA_ATLAS_SOAK_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let dir = scratch();
    let path = dir.path().join("p.patlas");
    let s = api::create(&path, &generate::portfolio(300, 9), false).expect("writes");
    let ids: Vec<String> = s
        .project()
        .personas
        .iter()
        .map(|p| p.id.as_str().to_owned())
        .collect();
    drop(s);
    let (app_ids, cli_ids) = ids.split_at(ids.len() / 2);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);

    let cli_dir = dir.path().to_owned();
    let cli_ids: Vec<String> = cli_ids.to_vec();
    let cli_path = path.clone();
    let cli = std::thread::spawn(move || {
        let mut committed: Vec<(String, String)> = Vec::new();
        let mut round = 0;
        while std::time::Instant::now() < deadline {
            round += 1;
            let s = Session::open(&cli_path).expect("the file opens");
            let mut lines = String::new();
            let mut names = Vec::new();
            for (i, id) in cli_ids.iter().enumerate().skip(round % 7).step_by(7) {
                let name = format!("cli {round} {i}");
                let edit = rename(&s, id, &name);
                lines.push_str(&serde_json::to_string(&edit).expect("serialises"));
                lines.push('\n');
                names.push((id.clone(), name));
            }
            drop(s);
            std::fs::write(cli_dir.join("soak.jsonl"), lines).expect("write");
            let run = cli(&cli_dir, &["edit", "p.patlas", "soak.jsonl"]);
            run.assert_ok("the command line's edits");
            committed.extend(names);
        }
        committed
    });

    let mut app = api::open(&path).expect("the app opens the file");
    let mut committed: Vec<(String, String)> = Vec::new();
    let mut refused = 0;
    let mut k = 0;
    while std::time::Instant::now() < deadline {
        k += 1;
        // A person edits far more slowly than a loop: SQLite's lock is not
        // fair, and an app writing back to back could keep the command line
        // waiting past its 5 s on a loaded machine, which no user can do.
        std::thread::sleep(std::time::Duration::from_millis(2));
        let id = &app_ids[k % app_ids.len()];
        let name = format!("app {k}");
        let edit = rename(&app, id, &name);
        match app.edit(&edit) {
            Ok(_) => committed.push((id.clone(), name)),
            // What the app does: says so, and the user reopens the file.
            Err(Error::ChangedOnDisk { .. } | Error::Busy { .. }) => {
                refused += 1;
                app.reload().expect("reopens");
            }
            Err(e) => panic!("an app edit failed: {e}"),
        }
    }
    let cli_committed = cli.join().expect("the command line thread ends");
    let end = Session::open(&path).expect("the file opens whole at the end");
    interchange::read(&interchange::write(end.project()), "the export").expect("and exports");
    // The last committed name of each persona is the one in the file.
    for list in [&committed, &cli_committed] {
        let mut last = std::collections::HashMap::new();
        for (id, name) in list.iter() {
            last.insert(id.clone(), name.clone());
        }
        for (id, name) in last {
            let saved = end
                .project()
                .personas
                .iter()
                .find(|p| p.id.as_str() == id)
                .map(|p| p.name.as_str());
            assert_eq!(
                saved,
                Some(name.as_str()),
                "the last committed change of {id} is in the file"
            );
        }
    }
    assert!(
        !committed.is_empty() && !cli_committed.is_empty(),
        "both sides wrote ({} app edits, {} refused and redone after reopening; {} from the \
         command line)",
        committed.len(),
        refused,
        cli_committed.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The window gets its views whole once and then as changes: after any
    /// edits, undos and redos, its copy with every change applied equals
    /// the view sent whole.
    #[test]
    fn the_changes_sent_keep_the_window_copy_equal_to_the_whole_view(
        personas in 6usize..40,
        seed in 0u64..1000,
        draws in draws(),
    ) {
        use persona_atlas::delta::{Sent, apply};
        fn take<T: serde::Serialize>(copy: &mut serde_json::Value, sent: Sent<T>) -> Result<(), String> {
            match sent {
                Sent::Whole { value, .. } => {
                    *copy = serde_json::to_value(&value).map_err(|e| e.to_string())?;
                    Ok(())
                }
                Sent::Change { ops, .. } => apply(copy, &ops),
            }
        }
        let dir = scratch();
        let path = dir.path().join("p.patlas");
        let mut s = api::create(&path, &generate::portfolio(personas, seed), false)
            .expect("a generated portfolio writes");
        let mut insights = serde_json::Value::Null;
        let mut overview = serde_json::Value::Null;
        let whole_first = matches!(api::send_insights(&mut s, false), Sent::Whole { .. });
        prop_assert!(whole_first, "the first send is whole");
        take(&mut insights, api::send_insights(&mut s, true)).expect("whole");
        take(&mut overview, api::send_overview(&mut s, false)).expect("whole");
        // As the shell does: after each change, what it can have changed.
        let mut after = |s: &mut Session, outcome, affected| -> Result<(), String> {
            if outcome != Ok(Outcome::Changed) {
                return Ok(());
            }
            let (i, o) = api::send_after(s, affected);
            if let Some(sent) = i {
                if matches!(sent, Sent::Whole { .. }) {
                    return Err("after the first send, only changes".to_owned());
                }
                take(&mut insights, sent)?;
            }
            if let Some(sent) = o {
                take(&mut overview, sent)?;
            }
            Ok(())
        };
        for (i, draw) in draws.into_iter().enumerate() {
            if let Some(edit) = edit_from(s.project(), draw, i) {
                let outcome = s.edit(&edit).map_err(|e| e.to_string());
                prop_assert_eq!(after(&mut s, outcome, api::affected_by(&edit)), Ok(()));
            }
            if draw.0 % 7 == 0 {
                let outcome = s.undo().map_err(|e| e.to_string());
                prop_assert_eq!(after(&mut s, outcome, api::Affected::EVERYTHING), Ok(()));
            } else if draw.0 % 11 == 0 {
                let outcome = s.redo().map_err(|e| e.to_string());
                prop_assert_eq!(after(&mut s, outcome, api::Affected::EVERYTHING), Ok(()));
            }
        }
        prop_assert_eq!(
            &insights,
            &serde_json::to_value(api::insights(&s)).expect("serialises"),
            "the findings and map"
        );
        prop_assert_eq!(
            &overview,
            &serde_json::to_value(api::project_overview(&s)).expect("serialises"),
            "the overview"
        );
    }
}

/// A program reading the file while the app commits edits (an export, an
/// analysis, a script) sees one state or the next, never a mix of the two:
/// read statement by statement, a mix did not match the stored checksum
/// and the sound file was called damaged.
#[test]
fn a_reader_beside_a_writer_never_calls_the_file_damaged() {
    let dir = scratch();
    let path = dir.path().join("p.patlas");
    let mut s = api::create(&path, &generate::portfolio(60, 3), false).expect("writes");
    let id = s.project().personas[0].id.to_string();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                match api::open_read_only(&path).and_then(|f| f.load()) {
                    Ok(_) => reads += 1,
                    Err(Error::Busy { .. }) => {}
                    Err(e) => panic!("a read beside a writer failed: {e}"),
                }
            }
            reads
        });
        for i in 0..150 {
            let edit = rename(&s, &id, &format!("Name {i}"));
            s.edit(&edit).expect("the edit commits");
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let reads = reader.join().expect("the reader never fails");
        assert!(reads > 0, "the reader read while the edits went on");
    });
}
