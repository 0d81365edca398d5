//! The Portfolio view: every kind of entity but personas, and the
//! relationships between personas, added, edited and deleted from the window.

use std::time::{Duration, Instant};

use persona_atlas::api;
use persona_atlas_e2e::{Driver, Session};
use serde_json::Value;

const PATIENCE: Duration = Duration::from_secs(30);

/// The Harbor fixture, imported into the driver's temporary home. It has no
/// competitors, relationships or buying units: their empty states show.
/// A string as a JavaScript literal.
fn js(s: &str) -> String {
    Value::from(s).to_string()
}

/// Waits until `script` returns true in the page.
fn wait_until(app: &Session, what: &str, script: &str) {
    let deadline = Instant::now() + PATIENCE;
    while app.execute(script) != Value::Bool(true) {
        assert!(Instant::now() < deadline, "{what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Clicks the first element matching `css` whose own text is `label`.
fn click_labelled(app: &Session, css: &str, label: &str) {
    let script = format!(
        "return [...document.querySelectorAll({css})].findIndex(e => e.textContent.trim() === {label})",
        css = js(css),
        label = js(label),
    );
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(i) = app.execute(&script).as_u64() {
            let found = app.find_all(css);
            let i = usize::try_from(i).expect("a small index");
            app.click(found.get(i).expect("the element is still there"));
            return;
        }
        assert!(
            Instant::now() < deadline,
            "nothing matching {css:?} reads {label:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn click_button(app: &Session, label: &str) {
    click_labelled(app, "button", label);
}

/// Shows the kind whose list entry is labelled `label`.
fn show_kind(app: &Session, label: &str) {
    click_labelled(app, ".kinds .kind > span:first-child", label);
    wait_until(
        app,
        &format!("the {label} list is shown"),
        &format!(
            "return document.querySelector('.entities-title')?.textContent === {}",
            js(label)
        ),
    );
}

/// Sets a field of the open form the way a user's typing does (React
/// listens to input and change events).
fn fill(app: &Session, css: &str, value: &str) {
    let css = format!("dialog.editor {css}");
    app.wait_for_texts(&css, PATIENCE);
    app.execute(&format!(
        "const el = document.querySelector({css}); \
         const proto = el instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement; \
         Object.getOwnPropertyDescriptor(proto.prototype, 'value').set.call(el, {value}); \
         el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', \
           {{ bubbles: true }}));",
        css = js(&css),
        value = js(value),
    ));
}

/// Saves the open form and waits until it has closed.
fn save(app: &Session, label: &str) {
    click_labelled(app, "dialog.editor button[type=submit]", label);
    wait_until(
        app,
        "the form closes once the core accepted the edit",
        "return document.querySelector('dialog.editor') === null",
    );
}

/// The table's rows, as "name | facts", the facts' no-break spaces (which
/// keep "Size 420" on one line) read as spaces.
fn rows(app: &Session) -> Vec<String> {
    app.execute(
        "return [...document.querySelectorAll('.entity-table tbody tr')].map(r => \
           r.querySelector('.entity-name').textContent + ' | ' + \
           r.querySelector('.entity-facts').textContent.replace(/\\u00a0/g, ' '))",
    )
    .as_array()
    .map(|a| {
        a.iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}

/// Waits until the table has exactly `expected` rows.
fn wait_for_rows(app: &Session, what: &str, expected: &[&str]) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let now = rows(app);
        if now == expected {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: {now:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn open_portfolio(app: &Session) {
    app.wait_for_texts("[role=tab]", PATIENCE);
    click_labelled(app, "[role=tab]", "Portfolio");
    app.wait_for_texts(".kinds .kind", PATIENCE);
}

#[test]
fn every_kind_is_added_edited_and_deleted_in_the_portfolio() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    open_portfolio(&app);

    let kinds = app.execute(
        "return [...document.querySelectorAll('.kinds .kind')].map(k => \
           [...k.children].map(c => c.textContent).join(' '))",
    );
    assert_eq!(
        kinds,
        serde_json::json!([
            "Market segments 2",
            "Customer segments 1",
            "Buying roles 2",
            "Needs 2",
            "Products 1",
            "Competitors 0",
            "Buying units 0",
            "Relationships 0"
        ]),
        "every kind but personas is listed with its count"
    );
    wait_for_rows(
        &app,
        "the market segments are listed first, with their key facts",
        &[
            "Port operators | Priority 5 · Size 420 · 2 personas",
            "Third-party logistics | Priority 3 · No personas",
        ],
    );
    app.screenshot("portfolio");

    // A market segment is renamed.
    click_labelled(&app, ".entity-table button", "Edit");
    fill(&app, "input[name=name]", "Port and terminal operators");
    app.screenshot("form-market-segment");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the renamed segment is listed under its new name",
        &[
            "Port and terminal operators | Priority 5 · Size 420 · 2 personas",
            "Third-party logistics | Priority 3 · No personas",
        ],
    );

    // A need is added; then a competitor that meets it.
    show_kind(&app, "Needs");
    click_button(&app, "New need");
    fill(&app, "input[name=name]", "Track every container live");
    fill(
        &app,
        "input[name=description]",
        "Know where a box is without a call",
    );
    app.screenshot("form-need");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the new need is listed, wanted by nobody yet",
        &[
            "Clear customs without paper | Wanted by 1 persona · No product addresses it",
            "Plan berths a week ahead | Wanted by 1 persona · Addressed by 1 product",
            "Track every container live | Wanted by nobody · No product addresses it",
        ],
    );

    show_kind(&app, "Competitors");
    let empty = app.wait_for_texts(".entities-empty", PATIENCE);
    assert_eq!(
        empty,
        ["No competitors yet. Add one to compare value gaps."],
        "an empty kind says what adding one is good for"
    );
    app.screenshot("portfolio-empty");
    click_button(&app, "New competitor");
    fill(&app, "input[name=name]", "Quayside Systems");
    click_button(&app, "Add a need");
    fill(&app, "select[aria-label=\"Need 1\"]", "need-new-1");
    fill(&app, "input[aria-label^=\"Score for need 1\"]", "0.9");
    app.screenshot("form-competitor");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the competitor is listed with the need it meets",
        &["Quayside Systems | Addresses 1 need"],
    );

    // A required buying role.
    show_kind(&app, "Buying roles");
    click_button(&app, "New buying role");
    fill(&app, "input[name=name]", "Procurement");
    app.click(
        app.find_all("dialog.editor input[name=required]")
            .first()
            .expect("a Required checkbox"),
    );
    app.screenshot("form-buying-role");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the roles say whether a deal needs them and who decides",
        &[
            "Daily user | Optional",
            "Economic buyer | Required · Decides",
            "Procurement | Required",
        ],
    );

    // A customer segment and a buying unit, whose form lists both.
    show_kind(&app, "Customer segments");
    click_button(&app, "New customer segment");
    fill(&app, "input[name=name]", "Bold pioneers");
    fill(&app, "input[name=priority]", "2");
    app.screenshot("form-customer-segment");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the new customer segment is listed",
        &[
            "Bold pioneers | Priority 2 · No personas",
            "Cautious optimisers | 1 persona",
        ],
    );

    show_kind(&app, "Buying units");
    click_button(&app, "New buying unit");
    fill(&app, "input[name=name]", "Harbor terminal deal");
    fill(&app, "select[name=product]", "prod-berthwise");
    click_button(&app, "Add a member");
    fill(
        &app,
        "select[aria-label=\"Member 1\"]",
        "p-terminal-director",
    );
    click_button(&app, "Add a member");
    fill(&app, "select[aria-label=\"Member 2\"]", "p-berth-planner");
    fill(
        &app,
        "select[aria-label=\"Role of member 2\"]",
        "role-new-1",
    );
    app.screenshot("form-buying-unit");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the unit is listed with its members and whether it can close",
        &["Harbor terminal deal | 2 members · For Berthwise · Can close"],
    );

    // A relationship is added, then removed.
    show_kind(&app, "Relationships");
    click_button(&app, "New relationship");
    fill(&app, "select[name=from]", "p-berth-planner");
    fill(&app, "select[name=kind]", "recommends");
    fill(&app, "select[name=to]", "p-terminal-director");
    fill(&app, "input[name=weight]", "0.6");
    app.screenshot("form-relationship");
    save(&app, "Save");
    let listed = "Bea the Berth Planner → Tomasz the Terminal Director";
    wait_for_rows(
        &app,
        "the relationship is listed with its kind and weight",
        &[&format!("{listed} | Recommends · Weight 0.6")],
    );
    app.screenshot("portfolio-relationships");
    let saved = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    assert_eq!(
        saved.relationships.len(),
        1,
        "the relationship is in the file"
    );

    // Its weight is changed in the form, which starts from the relationship.
    click_button(&app, "Edit");
    app.wait_for_texts("dialog.editor input[name=weight]", PATIENCE);
    wait_until(
        &app,
        "the form opens with the listed relationship, only its weight open to change",
        "const f = (n) => document.querySelector(`dialog.editor [name=${n}]`); \
         return f('from')?.value === 'p-berth-planner' && f('from').disabled \
           && f('kind')?.value === 'recommends' && f('kind').disabled \
           && f('to')?.value === 'p-terminal-director' && f('to').disabled \
           && f('weight')?.value === '0.6'",
    );
    fill(&app, "input[name=weight]", "0.8");
    app.screenshot("form-relationship-edit");
    save(&app, "Save");
    wait_for_rows(
        &app,
        "the new weight is listed, on the same relationship",
        &[&format!("{listed} | Recommends · Weight 0.8")],
    );

    // It is removed like any entity, after a second, explicit click: no
    // form asks which kind, the row knows it.
    click_button(&app, "Delete");
    click_button(&app, "Delete for good");
    app.wait_for_texts(".entities-empty", PATIENCE);

    // A need is deleted, after a second, explicit click.
    show_kind(&app, "Needs");
    app.execute(
        "const row = [...document.querySelectorAll('.entity-table tbody tr')] \
           .find(r => r.textContent.includes('Plan berths')); \
         row.setAttribute('data-test', 'doomed');",
    );
    click_labelled(&app, "tr[data-test=doomed] button", "Delete");
    click_labelled(&app, "tr[data-test=doomed] button", "Delete for good");
    wait_for_rows(
        &app,
        "the deleted need is gone",
        &[
            "Clear customs without paper | Wanted by 1 persona · No product addresses it",
            "Track every container live | Wanted by nobody · No product addresses it",
        ],
    );
    app.screenshot("portfolio-after");
    drop(app);

    let p = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    let segment = p
        .market_segments
        .iter()
        .find(|s| s.id.as_str() == "ms-ports")
        .expect("the renamed segment keeps its id");
    assert_eq!(
        segment.name, "Port and terminal operators",
        "the rename is saved"
    );
    assert_eq!(
        segment.priority.map(|x| x.get()),
        Some(5),
        "a rename keeps the fields the form did not change"
    );
    let need = p
        .needs
        .iter()
        .find(|n| n.name == "Track every container live")
        .expect("the new need is saved");
    assert_eq!(
        need.description.as_deref(),
        Some("Know where a box is without a call"),
        "with its description"
    );
    assert!(
        !p.needs.iter().any(|n| n.id.as_str() == "need-berth"),
        "the deleted need is gone from the file"
    );
    assert!(
        p.products
            .iter()
            .all(|x| x.addresses.iter().all(|a| a.need.as_str() != "need-berth")),
        "and so is every link to it"
    );
    let competitor = p
        .competitors
        .iter()
        .find(|c| c.name == "Quayside Systems")
        .expect("the competitor is saved");
    assert_eq!(
        competitor
            .addresses
            .iter()
            .map(|a| (a.need.as_str(), a.score.get()))
            .collect::<Vec<_>>(),
        [(need.id.as_str(), 0.9)],
        "the competitor meets the new need with the score typed"
    );
    let role = p
        .buying_roles
        .iter()
        .find(|r| r.name == "Procurement")
        .expect("the role is saved");
    assert!(
        role.required && !role.decides,
        "the role is required and does not decide"
    );
    assert!(
        p.customer_segments
            .iter()
            .any(|c| c.name == "Bold pioneers"),
        "the customer segment is saved"
    );
    let unit = p
        .buying_units
        .iter()
        .find(|u| u.name == "Harbor terminal deal")
        .expect("the buying unit is saved");
    assert_eq!(
        unit.members
            .iter()
            .map(|m| (
                m.persona.as_str(),
                m.role.as_ref().map(|r| r.as_str().to_owned())
            ))
            .collect::<Vec<_>>(),
        [
            ("p-terminal-director", None),
            ("p-berth-planner", Some(role.id.as_str().to_owned()))
        ],
        "members keep their order and the role one of them plays here"
    );
    assert!(
        p.relationships.is_empty(),
        "the removed relationship is gone from the file"
    );
}

#[test]
fn a_form_shows_the_core_problem_beside_its_field() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    open_portfolio(&app);

    click_button(&app, "New market segment");
    fill(&app, "input[name=name]", "Cruise lines");
    fill(&app, "input[name=priority]", "9");
    click_labelled(&app, "dialog.editor button[type=submit]", "Save");
    let beside = "return document.querySelector('dialog.editor input[name=priority]')\
                  ?.closest('.field')?.querySelector('.field-error')?.textContent ?? null";
    wait_until(
        &app,
        "the core's problem with the priority shows up",
        &format!("return ({}) !== null", beside.trim_start_matches("return ")),
    );
    let message = app.execute(beside);
    let message = message.as_str().unwrap_or_default();
    assert!(
        message.contains("1 to 5"),
        "the priority field says what a priority must be: {message:?}"
    );
    let top = app.wait_for_texts("dialog.editor .form-error", PATIENCE);
    assert_eq!(
        top,
        ["Some fields need fixing."],
        "the top of the form points at the fields, without repeating them"
    );
    app.screenshot("form-error");
    click_button(&app, "Cancel");
    drop(app);

    let p = api::open_read_only(&project)
        .and_then(|f| f.load())
        .expect("the project reopens");
    assert!(
        !p.market_segments.iter().any(|s| s.name == "Cruise lines"),
        "a refused form saves nothing"
    );
}
