//! Customer data in the real app: the demo's made-up contacts matched in
//! the Data view (personas, who fits none, pairs beside their overlap
//! finding, accounts), saved as counts that undo takes back and that carry
//! no record, and the rule editor on a persona's page counting its rule
//! against the same table as it is typed.

use std::path::PathBuf;
use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{Driver, Session, answer_open_dialog, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);
const JONAS: &str = "p-jonas-reliability";

/// Where the app keeps the demo it opens with `--demo`.
fn demo_file(driver: &Driver) -> PathBuf {
    driver
        .home
        .path()
        .join("data")
        .join("app.persona-atlas.desktop")
        .join("Demo portfolio.patlas")
}

/// Opens the Data view and matches the demo's contacts.
fn match_demo_contacts(app: &Session) {
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    app.open_tab("Data");
    app.click_button("Try the demo contacts");
    let tiles = app.wait_for_texts(".data-tile-value", PATIENCE);
    assert_eq!(
        tiles.first().map(String::as_str),
        Some("3,000"),
        "{tiles:?}"
    );
}

/// Whether `css` is wider than its box (a stray horizontal scrollbar).
fn overflows(app: &Session, css: &str) -> bool {
    app.execute(&format!(
        "const e = document.querySelector('{css}'); return !!e && e.scrollWidth > e.clientWidth + 1;"
    ))
    .as_bool()
    .unwrap_or(true)
}

#[test]
fn the_data_view_matches_the_demo_contacts_and_saves_only_counts() {
    let driver = Driver::start();
    let app = driver.launch(&["--demo"]);
    match_demo_contacts(&app);

    let personas = app.texts(".data-persona-name");
    assert_eq!(personas.len(), 9, "every persona with rules: {personas:?}");
    assert_eq!(personas[0], "Jonas the Data Reliability Engineer");
    let values = app.texts(".data-values tbody th");
    assert!(
        values.iter().any(|c| c == "department"),
        "the unmatched records' columns: {values:?}"
    );
    let chips = app.texts(".data-chip.over .data-chip-value");
    assert!(
        chips.iter().any(|c| c == "RevOps"),
        "RevOps people fit no persona, more than others: {chips:?}"
    );
    let findings = app.texts(".data-pair-finding");
    assert!(
        findings.iter().any(|f| f.starts_with("Overlap finding")),
        "a pair is set beside its overlap finding: {findings:?}"
    );
    assert!(!overflows(&app, ".data-view"), "no sideways scrolling");

    // Accounts, grouped by the column the select offers first.
    app.click_button("Group");
    let roles = app.wait_for_texts(".data-roles li", PATIENCE);
    assert_eq!(roles.len(), 3, "three required roles: {roles:?}");
    let sentence = app.texts(".data-section p");
    assert!(
        sentence.iter().any(|s| s.contains("of 375 accounts")),
        "{sentence:?}"
    );
    app.screenshot("data-view-accounts");

    // Saved: counts on each persona, no record, one undo takes it back.
    let file = demo_file(&driver);
    let evidence_of = |id: &str| {
        api::read_any(&file)
            .expect("the demo reads")
            .personas
            .into_iter()
            .find(|p| p.id.as_str() == id)
            .map(|p| p.evidence)
            .unwrap_or_default()
    };
    let before = evidence_of(JONAS).len();
    app.click_button("Save as evidence");
    app.wait_for_texts(".data-saved", PATIENCE);
    let saved = evidence_of(JONAS);
    assert_eq!(saved.len(), before + 1);
    let last = saved.last().expect("evidence saved");
    assert_eq!(last.source.as_deref(), Some("Demo contacts.csv"));
    assert_eq!(last.records, Some(744));
    let bytes = std::fs::read(&file).expect("the demo's bytes");
    for cell in ["C-00001", "Granite Foods 110", "Meadow Telecom 283"] {
        assert!(
            !bytes.windows(cell.len()).any(|w| w == cell.as_bytes()),
            "the record value {cell:?} must not reach the project file"
        );
    }
    app.click_button("Undo");
    wait_until("the save is undone", || evidence_of(JONAS).len() == before);
}

#[test]
fn the_rule_editor_counts_a_rule_against_the_table_as_it_is_typed() {
    let driver = Driver::start();
    let app = driver.launch(&["--demo"]);
    match_demo_contacts(&app);
    app.open_profile(JONAS);
    let shown = app.find_all(".rule-shown");
    app.click(shown.first().expect("the rule is shown"));
    let count = app.wait_for_texts(".rule-count", PATIENCE);
    assert!(
        count
            .iter()
            .any(|c| c.contains("Matches 744 of 3,000 records")),
        "{count:?}"
    );
    let chips = app.texts(".rule-chip");
    assert!(chips.iter().any(|c| c == "department"), "{chips:?}");

    let typed = |text: &str| {
        app.execute(&format!(
            "const input = document.querySelector('.rule-input'); \
             Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value') \
               .set.call(input, {text:?}); \
             input.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        ));
    };
    typed("department = \"Data\" and on_call = true and seniority = ");
    let error = app.wait_for_texts(".rule-error", PATIENCE);
    assert!(
        error
            .iter()
            .any(|e| e.starts_with("Line 1, column") && e.contains("expected")),
        "{error:?}"
    );

    typed("department = \"Data\" and on_call = true and region = \"EU\"");
    wait_until("the narrower rule is counted", || {
        app.texts(".rule-count").iter().any(|c| {
            c.starts_with("Matches ") && !c.contains("Matches 744 ") && c.contains("of 3,000")
        })
    });
    typed("department = \"Data\" and age < 30");
    let warning = app.wait_for_texts(".rule-warning", PATIENCE);
    assert!(
        warning.iter().any(|w| w.contains("age")),
        "a column the table lacks: {warning:?}"
    );
    app.execute("document.querySelector('.rule-editor').scrollIntoView({ block: 'center' });");
    app.screenshot("rule-editor");

    typed("department = \"Data\" and on_call = true and region = \"EU\"");
    app.click_button("Save");
    let file = demo_file(&driver);
    wait_until("the rule is saved", || {
        api::read_any(&file)
            .ok()
            .and_then(|p| p.personas.into_iter().find(|p| p.id.as_str() == JONAS))
            .and_then(|p| p.rules)
            .is_some_and(|r| r.ends_with("region = \"EU\""))
    });
    assert!(!overflows(&app, ".profile-scroll"), "no sideways scrolling");
}

#[test]
fn a_table_chosen_in_the_dialog_is_read_by_sheet_and_a_bad_one_says_where() {
    use rust_xlsxwriter::Workbook;
    let driver = Driver::start();
    let project = driver.harbor().with_file_name("Demo.patlas");
    api::create_demo(&project, false).expect("the demo writes");
    let before = std::fs::read(&project).expect("the project's bytes");

    // A workbook whose first sheet is notes and whose second holds the records.
    let book_path = driver.home.path().join("crm export.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .and_then(|s| s.write_string(0, 0, "Exported from the CRM"))
        .expect("the notes sheet");
    let contacts = book.add_worksheet();
    contacts.set_name("Contacts").expect("a sheet name");
    let rows = [
        ["department", "on_call", "account"],
        ["Data", "true", "acme"],
        ["Data", "false", "acme"],
        ["RevOps", "false", "beta"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            contacts
                .write_string(r as u32, c as u16, *cell)
                .expect("a cell");
        }
    }
    book.save(&book_path).expect("the workbook saves");

    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    app.open_tab("Data");
    assert!(
        !app.texts("button")
            .iter()
            .any(|b| b == "Try the demo contacts"),
        "the made-up contacts are offered only in the app's own demo"
    );
    app.click_button("Choose a table…");
    answer_open_dialog("Choose a table", &book_path);
    // The first sheet has no records: every persona's columns are missing.
    let line = app.wait_for_texts(".data-table-name .muted", PATIENCE);
    assert!(line.iter().any(|l| l.contains("sheet Notes")), "{line:?}");
    let sheet = app.find_all(".data-table-bar select");
    assert_eq!(sheet.len(), 1, "a sheet to choose");
    app.execute(
        "const s = document.querySelector('.data-table-bar select'); \
         Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, 'Contacts'); \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    wait_until("the Contacts sheet is matched", || {
        app.texts(".data-table-name .muted")
            .iter()
            .any(|l| l.starts_with("3 records") && l.contains("sheet Contacts"))
    });
    let tiles = app.texts(".data-tile-value");
    assert_eq!(tiles.first().map(String::as_str), Some("3"), "{tiles:?}");

    // A ragged CSV is refused with its line, and the view says so.
    let ragged = driver.home.path().join("ragged.csv");
    std::fs::write(&ragged, "department,on_call\nData,true\nIT\n").expect("the CSV writes");
    app.click_button("Choose another table…");
    answer_open_dialog("Choose a table", &ragged);
    let error = app.wait_for_texts(".data-error", PATIENCE);
    assert!(
        error
            .iter()
            .any(|e| e.contains("ragged.csv") && e.contains("line 3")),
        "where and what: {error:?}"
    );
    app.screenshot("data-view-error");
    assert_eq!(
        std::fs::read(&project).expect("the project's bytes"),
        before,
        "matching writes nothing to the project"
    );
}
