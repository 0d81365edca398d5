//! Saved views of the map, batches of edits and starter sets: kept in the
//! file, checked as an import checks, undone in one step, and never left
//! pointing at something deleted.

use persona_atlas::edit::Edit;
use persona_atlas::model::*;
use persona_atlas::session::{Outcome, Session};
use persona_atlas::{Error, api, interchange};
use serde_json::{Value, json};

use crate::support::*;

fn views_of(s: &Session) -> Value {
    serde_json::to_value(&s.project().views).expect("views serialise")
}

fn small_session(dir: &std::path::Path) -> Session {
    let input = write_json(dir, "small.json", &small_project());
    api::import_json(&input, &dir.join("small.patlas"), false).expect("the small project imports")
}

#[test]
fn views_are_kept_in_the_file_in_their_order_and_undone_as_one_edit() {
    let dir = scratch();
    let mut s = small_session(dir.path());
    let views = json!([
        { "name": "Zeta first", "filter": { "market_segment": "ms-smb" }, "camera": { "zoom": 2.5, "x": 10.5, "y": 20.5 } },
        { "name": "Alpha second", "layers": { "needs": true } }
    ]);
    s.edit(&Edit::SetViews {
        views: views.clone(),
    })
    .expect("valid views are saved");
    let reopened = Session::open(&dir.path().join("small.patlas")).expect("reopens");
    assert_eq!(
        views_of(&reopened),
        views,
        "the file holds the views as given, in the order given (not sorted by name)"
    );
    assert_eq!(
        api::project_overview(&reopened).views.len(),
        2,
        "the window is sent the views with the project overview"
    );
    assert_eq!(s.undo().expect("undo"), Outcome::Changed);
    assert!(
        s.project().views.is_empty(),
        "one undo takes the whole save back"
    );
    assert!(
        Session::open(&dir.path().join("small.patlas"))
            .expect("reopens")
            .project()
            .views
            .is_empty(),
        "in the file too"
    );
}

#[test]
fn bad_views_are_refused_with_where_and_what_and_change_nothing() {
    let dir = scratch();
    let mut s = small_session(dir.path());
    let before = interchange::write(s.project());
    let cases = [
        (
            json!([{ "name": "A" }, { "name": "A" }]),
            "views[1].name",
            "already the name of view 1",
        ),
        (
            json!([{ "name": "A", "camera": { "zoom": 0, "x": 0, "y": 0 } }]),
            "views[0].camera.zoom",
            "not a zoom factor",
        ),
        (
            json!([{ "name": "A", "filter": { "market_segment": "ms-nope" } }]),
            "views[0].filter.market_segment",
            "no market segment with id \"ms-nope\"",
        ),
        (
            json!([{ "name": "A", "filter": { "product": "p-ops" } }]),
            "views[0].filter.product",
            "is a persona, not a product",
        ),
        (
            json!([{ "name": "A", "zoom": 2 }]),
            "views[0].zoom",
            "unknown field",
        ),
        (
            json!([{ "name": " " }]),
            "views[0].name",
            "must not be empty",
        ),
        (json!({ "name": "A" }), "views", "expected a list"),
    ];
    for (views, path, message) in cases {
        let err = s
            .edit(&Edit::SetViews {
                views: views.clone(),
            })
            .expect_err("a bad view is refused");
        let Error::Invalid { problems, .. } = &err else {
            panic!("a bad view is invalid input, not a store error: {err}")
        };
        assert!(
            problems
                .0
                .iter()
                .any(|p| p.path == path && p.message.contains(message)),
            "{views} is refused at {path} saying {message:?}; got {err}"
        );
        assert_eq!(
            interchange::write(s.project()),
            before,
            "a refused edit changes nothing"
        );
    }
}

#[test]
fn deleting_what_a_view_narrows_to_rewrites_the_view_and_undo_restores_it() {
    let dir = scratch();
    let mut s = small_session(dir.path());
    s.edit(&Edit::SetViews {
        views: json!([{ "name": "Deals", "filter": { "market_segment": "ms-smb", "product": "prod-fast" } }]),
    })
    .expect("saved");
    s.edit(&Edit::Delete {
        kind: EntityKind::Product,
        id: "prod-fast".into(),
    })
    .expect("a product a view names can be deleted");
    assert_eq!(
        views_of(&s),
        json!([{ "name": "Deals", "filter": { "market_segment": "ms-smb" } }]),
        "the view keeps the rest of its filter and drops the deleted product"
    );
    let exported = interchange::write(s.project());
    assert!(
        interchange::read(&exported, "after the delete").is_ok(),
        "the project still exports to what an import accepts"
    );
    s.undo().expect("undo");
    assert_eq!(
        views_of(&s)[0]["filter"]["product"],
        "prod-fast",
        "undoing the delete gives the view its product back"
    );
}

#[test]
fn a_batch_lands_whole_or_not_at_all_and_undoes_in_one_step() {
    let dir = scratch();
    let mut s = small_session(dir.path());
    let before = interchange::write(s.project());
    let batch = Edit::Batch {
        edits: vec![
            Edit::Create {
                kind: EntityKind::Need,
                value: json!({ "id": "need-new", "name": "New need" }),
            },
            Edit::LinkNeed {
                persona: PersonaId::new("p-cfo").expect("id"),
                need: NeedId::new("need-new").expect("id"),
                importance: Some(0.7),
            },
        ],
    };
    assert_eq!(
        s.edit(&batch).expect("each edit sees the one before"),
        Outcome::Changed
    );
    assert!(
        s.project()
            .personas
            .iter()
            .any(|p| p.needs.iter().any(|n| n.need.as_str() == "need-new")),
        "the second edit linked the need the first created"
    );
    s.undo().expect("undo");
    assert_eq!(
        interchange::write(s.project()),
        before,
        "one undo takes the whole batch back"
    );
    assert_eq!(
        s.undo().expect("nothing more"),
        Outcome::Unchanged,
        "a batch is one step of the history"
    );

    let refused = Edit::Batch {
        edits: vec![
            Edit::Create {
                kind: EntityKind::Need,
                value: json!({ "id": "need-half", "name": "Half" }),
            },
            Edit::Create {
                kind: EntityKind::Need,
                value: json!({ "id": "p-ops", "name": "Taken" }),
            },
        ],
    };
    let err = s.edit(&refused).expect_err("the second edit is refused");
    assert!(
        err.to_string().contains("(edit 2 of 2)"),
        "the message says which edit of the batch: {err}"
    );
    assert_eq!(
        interchange::write(s.project()),
        before,
        "nothing of a refused batch lands"
    );
    assert_eq!(
        interchange::write(
            Session::open(&dir.path().join("small.patlas"))
                .expect("reopens")
                .project()
        ),
        before,
        "in the file too"
    );
    let retyped = Edit::Batch {
        edits: vec![
            Edit::Delete {
                kind: EntityKind::Product,
                id: "prod-fast".into(),
            },
            Edit::Create {
                kind: EntityKind::Need,
                value: json!({ "id": "prod-fast", "name": "Was a product" }),
            },
        ],
    };
    assert!(
        s.edit(&retyped)
            .is_err_and(|e| e.to_string().contains("another kind of entity")),
        "an id cannot change kind inside a batch: the file keeps one kind per id"
    );
    assert_eq!(
        interchange::write(s.project()),
        before,
        "and nothing of it lands"
    );
    let nested = Edit::Batch {
        edits: vec![Edit::Batch { edits: vec![] }],
    };
    assert!(
        s.edit(&nested)
            .is_err_and(|e| e.to_string().contains("cannot hold another batch")),
        "a batch holds no batch"
    );
}

#[test]
fn a_starter_set_is_one_undo_and_skips_what_the_project_has() {
    let dir = scratch();
    let mut s = small_session(dir.path());
    // The small project has an "Economic buyer" already.
    let added = api::add_starter_set(&mut s, "buying-roles").expect("the set is added");
    assert_eq!(
        added, 7,
        "eight roles less the one the project already has by name"
    );
    let economic = s
        .project()
        .buying_roles
        .iter()
        .filter(|r| r.name.eq_ignore_ascii_case("economic buyer"))
        .count();
    assert_eq!(economic, 1, "a role the project has is not added twice");
    s.undo().expect("undo");
    assert_eq!(
        s.project().buying_roles.len(),
        1,
        "one undo takes the whole set back"
    );
}

#[test]
fn the_cli_lists_and_adds_starter_sets() {
    let dir = scratch();
    cli(dir.path(), &["new", "client.patlas"]).assert_ok("new");
    let list = cli(dir.path(), &["starter"]);
    list.assert_ok("starter lists the sets");
    assert!(
        list.stdout.contains("company-size") && list.stdout.contains("Enterprise"),
        "the list names each set and what it adds: {}",
        list.stdout
    );
    cli(dir.path(), &["starter", "client.patlas", "company-size"]).assert_ok("starter adds");
    let info = cli(dir.path(), &["info", "client.patlas"]);
    assert!(
        info.stdout.contains("3 market segments"),
        "the three size segments are in the file: {}",
        info.stdout
    );
    let again = cli(dir.path(), &["starter", "client.patlas", "company-size"]);
    again.assert_error("adding a set twice");
    assert!(
        again.stderr.contains("already has every item"),
        "it says why: {}",
        again.stderr
    );
    cli(dir.path(), &["starter", "client.patlas", "nope"]).assert_error("an unknown set");
}
