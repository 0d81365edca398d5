//! Bad interchange input is refused whole: every problem listed with where it
//! stands and what is wrong, and no project file left behind.

use persona_atlas::{Error, api, interchange};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::*;

/// Imports `text` and expects a refusal. Checks what every refusal must do
/// (an `Invalid` error that names the file and lists each problem, no output
/// file, no temporary file) and returns the problems as `path: message`.
fn refused(text: impl AsRef<[u8]>) -> Vec<String> {
    let dir = scratch();
    let input = write_file(dir.path(), "input.json", text);
    let output = dir.path().join("output.patlas");
    let err = api::import_json(&input, &output, false)
        .expect_err("an input with problems must be refused");
    assert!(
        matches!(err, Error::Invalid { .. }),
        "a bad interchange file is an Invalid input error, got {err:?}"
    );
    assert_only(
        dir.path(),
        &["input.json"],
        "a refused import must leave no project file and no temporary file",
    );
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert!(
        !problems.is_empty(),
        "a refusal must say what is wrong: {err}"
    );
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{} has ", input.display())),
        "the message must name the file first: {message}"
    );
    for problem in problems.iter().take(50) {
        assert!(
            message.contains(&format!("\n  {problem}")),
            "the message must list every problem, one per line; {problem:?} is missing from:\n{message}"
        );
    }
    problems
}

fn refused_doc(doc: &Value) -> Vec<String> {
    refused(serde_json::to_string_pretty(doc).expect("a JSON value always serialises"))
}

#[test]
fn the_small_project_is_valid() {
    // The refusals below break this project in one place each; it must be
    // valid as it stands for their exact problem lists to mean anything.
    let text = serde_json::to_string(&small_project()).expect("serialises");
    assert!(
        interchange::read(&text, "small.json").is_ok(),
        "the base of the refusal tests must be valid"
    );
}

#[test]
fn invalid_json_is_refused_with_line_and_column() {
    let text = "{\n  \"format\": \"persona-atlas\",\n  \"version\": 1,\n  \"project\": { \"name\": \"x\" },\n}\n";
    assert_eq!(
        refused(text),
        ["not valid JSON at line 5, column 1: trailing comma"],
        "a syntax error must say the line and column where it stands"
    );
}

#[test]
fn text_that_is_not_utf8_is_refused_with_the_offset() {
    assert_eq!(
        refused(b"{\"project\": \"caf\xff\"}"),
        ["not UTF-8 text (invalid byte at offset 16)"],
        "an encoding error must say where the bad byte is"
    );
}

#[test]
fn dangling_reference_is_refused_naming_where_it_stands() {
    let mut doc = small_project();
    doc["personas"][0]["needs"][0]["need"] = json!("need-sso");
    assert_eq!(
        refused_doc(&doc),
        [r#"personas[0].needs[0].need: no need with id "need-sso""#],
        "a reference to a missing id must say where it stands and which id it names"
    );
}

#[test]
fn duplicate_id_across_kinds_is_refused() {
    let mut doc = small_project();
    doc["competitors"] = json!([{ "id": "prod-fast", "name": "Copycat" }]);
    assert_eq!(
        refused_doc(&doc),
        [r#"competitors[0].id: duplicate id "prod-fast": products[0] has it already"#],
        "ids are unique across the whole file, and the message says where the first one is"
    );
}

#[test]
fn numbers_out_of_range_are_refused() {
    let mut doc = small_project();
    doc["products"][0]["addresses"][0]["score"] = json!(1.5);
    doc["personas"][0]["needs"][0]["importance"] = json!(-0.1);
    doc["relationships"][0]["weight"] = json!(2);
    doc["personas"][1]["priority"] = json!(6);
    doc["market_segments"][0]["size"] = json!(-10);
    assert_eq!(
        refused_doc(&doc),
        [
            "market_segments[0].size: -10 is negative",
            "products[0].addresses[0].score: 1.5 is outside 0..1",
            "personas[0].needs[0].importance: -0.1 is outside 0..1",
            "personas[1].priority: 6 is not a priority (a whole number 1 to 5)",
            "relationships[0].weight: 2 is outside 0..1",
        ],
        "every number out of its range is reported, each at its place"
    );
}

#[test]
fn unknown_enum_values_are_refused_with_the_choices() {
    let mut doc = small_project();
    doc["personas"][0]["status"] = json!("final");
    doc["personas"][0]["products"][0]["relation"] = json!("owns");
    doc["personas"][0]["evidence"][0]["kind"] = json!("rumour");
    doc["relationships"][0]["kind"] = json!("likes");
    assert_eq!(
        refused_doc(&doc),
        [
            r#"personas[0].status: "final" is not one of "proto", "validated" or "detailed""#,
            r#"personas[0].products[0].relation: "owns" is not one of "owned_by", "targets", "uses" or "evaluates""#,
            r#"personas[0].evidence[0].kind: "rumour" is not one of "interview", "survey", "crm", "analytics", "workshop" or "assumption""#,
            r#"relationships[0].kind: "likes" is not one of "influences", "approves", "reports_to", "recommends", "blocks" or "collaborates""#,
        ],
        "an unknown value must be named with the values allowed"
    );
}

#[test]
fn wrong_types_are_refused() {
    let mut doc = small_project();
    doc["products"][0]["addresses"][0]["score"] = json!("0.8");
    doc["needs"][0]["name"] = json!(42);
    doc["personas"][1]["goals"] = json!(["fine", 7]);
    doc["buying_roles"][0]["required"] = json!("yes");
    doc["personas"][1]["priority"] = json!("high");
    assert_eq!(
        refused_doc(&doc),
        [
            "buying_roles[0].required: expected true or false, found a string",
            "needs[0].name: expected text, found a number",
            "products[0].addresses[0].score: expected a number from 0 to 1, found a string",
            "personas[1].goals[1]: expected text, found a number",
            "personas[1].priority: expected a priority from 1 to 5, found a string",
        ],
        "a value of the wrong type must say what was expected and what was found"
    );
}

#[test]
fn a_newer_version_is_refused_with_only_that() {
    let mut doc = small_project();
    doc["version"] = json!(2);
    // A version-2 file may look entirely different; none of it is looked at.
    doc["personas"][0]["needs"][0]["need"] = json!("need-sso");
    doc["shiny_new_list"] = json!([]);
    let problems = refused_doc(&doc);
    assert_eq!(
        problems,
        [
            "version: this file is format version 2, newer than this Persona Atlas reads (1); open \
             it with a newer version"
        ],
        "a file of a newer version is refused as a whole, never half-read"
    );
}

#[test]
fn a_missing_or_bad_version_is_refused() {
    let mut doc = small_project();
    doc.as_object_mut().expect("an object").remove("version");
    assert_eq!(
        refused_doc(&doc),
        ["version: missing; this reader expects 1"],
        "without a version the reader cannot know how to read the rest"
    );
    doc["version"] = json!("1");
    assert_eq!(
        refused_doc(&doc),
        [r#"version: expected the format version 1, found "1""#],
        "a version that is not the number 1 is refused"
    );
}

#[test]
fn missing_names_are_refused() {
    let mut doc = small_project();
    doc["needs"][0]
        .as_object_mut()
        .expect("an object")
        .remove("name");
    doc["project"] = json!({ "description": "no name" });
    doc["personas"][1]["name"] = json!("   ");
    assert_eq!(
        refused_doc(&doc),
        [
            "project.name: missing; every entity needs a name",
            "needs[0].name: missing; every entity needs a name",
            "personas[1].name: must not be empty",
        ],
        "every entity and the project need a non-blank name"
    );
}

#[test]
fn bad_dates_are_refused() {
    let mut doc = small_project();
    doc["personas"][0]["last_reviewed"] = json!("2023-02-29");
    doc["personas"][0]["evidence"][0]["date"] = json!("01/05/2024");
    assert_eq!(
        refused_doc(&doc),
        [
            "personas[0].last_reviewed: 2023-02-29 is not a day of the calendar",
            r#"personas[0].evidence[0].date: "01/05/2024" is not a date written YYYY-MM-DD"#,
        ],
        "a date must be a real day written YYYY-MM-DD"
    );
}

#[test]
fn ids_outside_the_alphabet_are_refused() {
    let mut doc = small_project();
    doc["customer_segments"]
        .as_array_mut()
        .expect("a list")
        .push(json!({ "id": "cs new", "name": "Spacey" }));
    doc["needs"]
        .as_array_mut()
        .expect("a list")
        .push(json!({ "id": "x".repeat(65), "name": "Long" }));
    assert_eq!(
        refused_doc(&doc),
        [
            "customer_segments[1].id: ' ' is not allowed in an id (use A-Z a-z 0-9 . _ : -)",
            "needs[1].id: an id is at most 64 characters; this one has 65",
        ],
        "an id must be 1-64 characters of A-Z a-z 0-9 . _ : -"
    );
}

#[test]
fn unknown_fields_are_refused() {
    let mut doc = small_project();
    doc["personas"][0]["titel"] = json!("CTO");
    doc["products"][0]["addresses"][0]["scor"] = json!(0.5);
    assert_eq!(
        refused_doc(&doc),
        [
            "products[0].addresses[0].scor: unknown field (expected one of: need, score)",
            "personas[0].titel: unknown field (expected one of: attributes, buying_role, channels, \
             customer_segment, description, evidence, goals, id, last_reviewed, market_segment, \
             name, needs, pain_points, portrait, priority, products, quote, rules, scenarios, \
             status, title, used_by)",
        ],
        "a typo is refused, naming the field and the fields allowed there"
    );
}

#[test]
fn a_reference_to_the_wrong_kind_is_refused() {
    let mut doc = small_project();
    doc["personas"][0]["market_segment"] = json!("cs-careful");
    doc["buying_units"][0]["members"][0]["role"] = json!("p-cfo");
    assert_eq!(
        refused_doc(&doc),
        [
            r#"personas[0].market_segment: "cs-careful" is a customer segment, not a market segment"#,
            r#"buying_units[0].members[0].role: "p-cfo" is a persona, not a buying role"#,
        ],
        "an id of another kind is not a dangling reference: the message says what it is"
    );
}

#[test]
fn links_listed_twice_are_refused() {
    let mut doc = small_project();
    doc["personas"][0]["needs"] = json!([
        { "need": "need-speed", "importance": 0.9 },
        { "need": "need-speed", "importance": 0.1 }
    ]);
    doc["relationships"] = json!([
        { "from": "p-ops", "to": "p-cfo", "kind": "influences" },
        { "from": "p-ops", "to": "p-cfo", "kind": "influences", "weight": 0.2 },
        { "from": "p-cfo", "to": "p-cfo", "kind": "approves" }
    ]);
    assert_eq!(
        refused_doc(&doc),
        [
            r#"personas[0].needs[1]: need "need-speed" is listed twice (it is already number 1 in this list)"#,
            r#"relationships[1]: "p-ops" influences "p-cfo" is listed twice (it is already relationship 1)"#,
            r#"relationships[2].to: a persona cannot relate to itself ("p-cfo")"#,
        ],
        "a link may be listed once, and a persona cannot relate to itself"
    );
}

#[test]
fn a_document_that_is_not_an_object_is_refused() {
    assert_eq!(
        refused("[]"),
        ["expected a Persona Atlas project (a JSON object), found a list"],
        "the top level must be an object"
    );
}

#[test]
fn every_problem_is_kept_even_past_what_the_message_shows() {
    let mut doc = small_project();
    doc["personas"][0]["needs"] = (0..60)
        .map(|i| json!({ "need": format!("need-{i}"), "importance": 0.5 }))
        .collect();
    let dir = scratch();
    let input = write_json(dir.path(), "many.json", &doc);
    let err = api::import_json(&input, &dir.path().join("many.patlas"), false)
        .expect_err("sixty dangling references must be refused");
    assert_eq!(
        err.problems().len(),
        60,
        "every problem is found, not just the first: the user fixes them all in one go"
    );
    let message = err.to_string();
    assert!(
        message.contains("has 60 problems:") && message.ends_with("\n  ... and 10 more"),
        "the message lists the first 50 and counts the rest: {message}"
    );
}

#[test]
fn a_list_of_the_wrong_type_is_reported_once() {
    let mut doc = small_project();
    doc["needs"] = json!({ "need-speed": "Speed" });
    let problems = refused_doc(&doc);
    assert_eq!(
        problems.iter().filter(|p| p.starts_with("needs: ")).count(),
        1,
        "one mistake is one problem, not two: {problems:#?}"
    );
}

#[test]
fn many_problems_are_all_listed() {
    let text = r#"{
  "format": "persona-atlas",
  "version": 1,
  "project": { "name": "Broken portfolio" },
  "market_segments": [{ "id": "ms-smb", "name": "Small businesses", "priority": 9 }],
  "customer_segments": [{ "id": "cs careful", "name": "Careful buyers" }],
  "needs": [
    { "id": "need-speed", "name": "Speed" },
    { "id": "need-speed", "name": "Speed again" }
  ],
  "products": [
    { "id": "prod-fast", "name": "", "addresses": [{ "need": "need-sso", "score": 1.5 }] }
  ],
  "personas": [
    {
      "id": "p-ops",
      "name": "Ops lead",
      "titel": "Head of Ops",
      "market_segment": "prod-fast",
      "status": "final",
      "last_reviewed": "2024-13-01",
      "needs": [{ "need": "need-speed", "importance": "high" }],
      "products": [{ "product": "prod-fast", "relation": "owns" }],
      "evidence": [{ "kind": "rumour", "date": "yesterday" }]
    }
  ],
  "relationships": [{ "from": "p-ops", "to": "p-nobody", "kind": "likes", "weight": -1 }],
  "buying_units": [{ "id": "bu-1", "members": [{ "persona": "p-ops", "role": "role-none" }] }]
}"#;
    let err = interchange::read(text, "broken.json").expect_err("a file full of problems");
    insta::assert_snapshot!(err.to_string());
}

// No input makes the reader panic, and what it accepts it can write back.

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "(?s).{0,8}".prop_map(Value::from),
        Just(json!("need-speed")),
        Just(json!("p-ops")),
        Just(json!("ms-smb")),
        Just(json!(0.5)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every place in `doc`, as JSON pointers.
fn pointers(doc: &Value, at: String, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => {
            for (key, value) in map {
                pointers(value, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                pointers(value, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_value_anywhere_is_read_or_refused_without_panic(
        place in any::<prop::sample::Index>(),
        value in json_value(),
    ) {
        let mut doc = small_project();
        let mut places = Vec::new();
        pointers(&doc, String::new(), &mut places);
        let place = place.get(&places).clone();
        match doc.pointer_mut(&place) {
            Some(slot) => *slot = value,
            None => unreachable!("the pointer was taken from the document"),
        }
        let text = serde_json::to_string(&doc).expect("serialises");
        match interchange::read(&text, "fuzz.json") {
            Ok(project) => {
                let again = interchange::read(&interchange::write(&project), "again.json");
                prop_assert_eq!(
                    again.ok(), Some({ let mut p = project; p.sort(); p }),
                    "whatever the reader accepts, it must read back from its own export"
                );
            }
            Err(err) => {
                prop_assert!(
                    matches!(err, Error::Invalid { .. }) && !err.problems().is_empty(),
                    "a refusal lists at least one problem: {err:?}"
                );
            }
        }
    }
}

#[test]
fn the_profile_evidence_journey_and_threshold_fields_are_checked() {
    let mut doc = small_project();
    doc["personas"][0]["used_by"] = json!(["marketing", 3]);
    doc["personas"][0]["scenarios"] =
        json!([{ "title": " ", "text": "x" }, { "text": "no title" }]);
    doc["personas"][0]["portrait"] = json!("data:image/svg+xml;base64,PHN2Zz4=");
    doc["personas"][0]["evidence"][0]["records"] = json!(-4);
    doc["personas"][0]["evidence"][0]["share"] = json!(1.2);
    doc["journeys"] = json!([{
        "id": "j-1",
        "name": "Rollout",
        "personas": ["p-ops", "p-gone", "p-ops"],
        "stages": [
            { "name": "Awareness", "needs": ["need-speed", "prod-fast"], "emotion": 3 },
            { "goals": ["no name"] }
        ]
    }, { "id": "p-ops", "name": "Taken id" }]);
    doc["thresholds"] = json!({ "stale_after_days": 0 });
    assert_eq!(
        refused_doc(&doc),
        [
            "journeys[1].id: duplicate id \"p-ops\": personas[0] has it already",
            "personas[0].evidence[0].records: -4 is not a count (a whole number from 0)",
            "personas[0].evidence[0].share: 1.2 is outside 0..1",
            "personas[0].used_by[1]: expected text, found a number",
            "personas[0].scenarios[0].title: must not be empty",
            "personas[0].scenarios[1].title: missing",
            "personas[0].portrait: a portrait is a data:image/png;base64,... or \
             data:image/jpeg;base64,... URI",
            "journeys[0].personas[1]: no persona with id \"p-gone\"",
            "journeys[0].personas[2]: persona \"p-ops\" is listed twice (it is already \
             number 1 in this list)",
            "journeys[0].stages[0].needs[1]: \"prod-fast\" is a product, not a need",
            "journeys[0].stages[0].emotion: 3 is outside -2..2",
            "journeys[0].stages[1].name: missing",
            "thresholds.stale_after_days: 0 is not a number of days from 1 to 36525",
        ],
        "each new field is checked as the others are, every problem at its place"
    );
}
