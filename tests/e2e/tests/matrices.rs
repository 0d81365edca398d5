//! The Matrices view: persona × product links, need scores and segment
//! coverage, edited from their cells and saved to the file at once.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use persona_atlas::api;
use persona_atlas::model::{ProductRelation, Project};
use persona_atlas_e2e::{Driver, Session};
use serde_json::Value;

const PATIENCE: Duration = Duration::from_secs(30);

/// The built-in demo, written into the driver's temporary home.
fn demo(driver: &Driver) -> PathBuf {
    let project = driver.home.path().join("Demo.patlas");
    api::create_demo(&project, false).expect("the demo is written");
    project
}

/// What the file holds now, read the way the app reads it.
fn saved(project: &Path) -> Project {
    api::open_read_only(project)
        .and_then(|f| f.load())
        .expect("the project reopens")
}

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

/// Clicks the first element matching `css`, once there is one.
fn click_first(app: &Session, css: &str) {
    app.wait_for_texts(css, PATIENCE);
    let found = app.find_all(css);
    app.click(found.first().expect("the element is still there"));
}

/// Clicks the first element matching `css` whose text is `label`.
fn click_labelled(app: &Session, css: &str, label: &str) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let found = app.find_all(css);
        if let Some(e) = found.iter().find(|e| app.text(e).trim() == label) {
            app.click(e);
            return;
        }
        assert!(
            Instant::now() < deadline,
            "nothing matching {css:?} reads {label:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Types `value` into the input matching `css` the way React sees typing.
fn type_into(app: &Session, css: &str, value: &str) {
    app.execute(&format!(
        "const el = document.querySelector({css}); \
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, {v}); \
         el.dispatchEvent(new Event('input', {{ bubbles: true }}));",
        css = js(css),
        v = js(value),
    ));
}

/// Opens the Matrices tab and one of its sub-views.
fn open_matrices(app: &Session, sub: &str) {
    click_labelled(app, ".tabs [role=tab]", "Matrices");
    click_labelled(app, ".mx-segmented [role=tab]", sub);
}

const ALEX: &str = "Alex the Analytics Engineer";
const OBSERVE: &str = "Lanternfold Observe";

#[test]
fn a_persona_is_linked_to_a_product_from_its_cell() {
    let driver = Driver::start();
    let project = demo(&driver);
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    open_matrices(&app, "Persona × product");
    let cell = format!(
        "button[aria-label={}]",
        js(&format!("{ALEX} × {OBSERVE}: not linked"))
    );
    app.wait_for_texts(&cell, PATIENCE);
    let badges = app.wait_for_texts(".mx-personas .mx-rel", PATIENCE);
    assert!(
        badges.iter().any(|b| b == "Owned") && badges.iter().any(|b| b == "Uses"),
        "the demo's links show as badges: {badges:?}"
    );
    app.screenshot("matrices-personas");

    click_first(&app, &cell);
    app.wait_for_texts("dialog.mx-popover input[name=targets]", PATIENCE);
    let title = app.wait_for_texts("dialog.mx-popover h2", PATIENCE);
    assert_eq!(
        title,
        [format!("{ALEX} × {OBSERVE}")],
        "the popover names the cell"
    );
    click_first(&app, "dialog.mx-popover input[name=targets]");
    app.screenshot("matrices-link-popover");
    click_labelled(&app, "dialog.mx-popover button", "Save");

    let linked = js(&format!("{ALEX} × {OBSERVE}: targeted by the product"));
    wait_until(
        &app,
        "the cell shows the new relation",
        &format!(
            "const b = document.querySelector('button[aria-label=' + JSON.stringify({linked}) + ']'); \
             return b !== null && b.textContent === 'Targeted' && !document.querySelector('dialog[open]');"
        ),
    );
    app.screenshot("matrices-link-saved");

    let alex = saved(&project)
        .personas
        .into_iter()
        .find(|p| p.name == ALEX)
        .expect("the demo has Alex");
    assert!(
        alex.products.iter().any(|l| l.product.as_str() == "prod-observe"
            && l.relation == ProductRelation::Targets),
        "the link is in the file at once: {:?}",
        alex.products
    );

    // Unticking every relation unlinks them again.
    click_first(&app, &format!("button[aria-label={linked}]"));
    click_first(&app, "dialog.mx-popover input[name=targets]");
    click_labelled(&app, "dialog.mx-popover button", "Save");
    app.wait_for_texts(&cell, PATIENCE);
    let alex = saved(&project)
        .personas
        .into_iter()
        .find(|p| p.name == ALEX)
        .expect("the demo has Alex");
    assert!(
        !alex
            .products
            .iter()
            .any(|l| l.product.as_str() == "prod-observe"),
        "saving no relation removes the link from the file"
    );
}

#[test]
fn a_score_is_checked_saved_and_removed_from_the_need_matrix() {
    let driver = Driver::start();
    let project = demo(&driver);
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    open_matrices(&app, "Need × product");
    let met_at = api::open_read_only(&project)
        .and_then(|f| f.thresholds())
        .expect("the project reopens")
        .met_at
        .get();
    let caption = app.wait_for_texts(".mx-caption", PATIENCE).join(" ");
    assert!(
        caption.contains(&format!("score ≥ {met_at:.2}")),
        "the caption says where meeting a need starts: {caption}"
    );
    let groups: Vec<String> = app
        .wait_for_texts(".mx-needs .mx-group", PATIENCE)
        .iter()
        .map(|g| g.to_lowercase())
        .collect();
    assert_eq!(
        groups,
        ["our products", "competitors"],
        "competitors are a separate block after our products"
    );
    app.screenshot("matrices-needs");

    // The first product's cell of the widest-gap need.
    let first = ".mx-needs tbody tr:first-child td.heat button";
    app.wait_for_texts(first, PATIENCE);
    let label = app
        .execute(&format!(
            "return document.querySelector({}).getAttribute('aria-label')",
            js(first)
        ))
        .as_str()
        .map(str::to_owned)
        .expect("score cells are labelled");
    let (offer, rest) = label.split_once(" × ").expect("offer × need: score");
    let (need_name, _) = rest.rsplit_once(": ").expect("offer × need: score");
    click_first(&app, first);
    app.wait_for_texts("dialog.mx-popover input[name=score]", PATIENCE);
    type_into(&app, "dialog.mx-popover input[name=score]", "1.5");
    click_labelled(&app, "dialog.mx-popover button", "Save");
    let error = app.wait_for_texts("dialog.mx-popover .field-error", PATIENCE);
    assert_eq!(
        error,
        ["A score is at most 1 (fully meets the need)."],
        "a score above 1 is refused in the form"
    );
    app.screenshot("matrices-score-popover");
    type_into(&app, "dialog.mx-popover input[name=score]", "0.85");
    click_labelled(&app, "dialog.mx-popover button", "Save");

    let scored = format!("{offer} × {need_name}: 0.85");
    wait_until(
        &app,
        "the cell shows the new score",
        &format!(
            "const b = document.querySelector('button[aria-label=' + JSON.stringify({}) + ']'); \
             return b !== null && b.textContent === '0.85' && !document.querySelector('dialog[open]');",
            js(&scored)
        ),
    );
    let score_of = |p: &Project| {
        let need = p
            .needs
            .iter()
            .find(|n| n.name == need_name)
            .expect("the need is in the file");
        let product = p
            .products
            .iter()
            .find(|x| x.name == offer)
            .expect("the product is in the file");
        product
            .addresses
            .iter()
            .find(|a| a.need == need.id)
            .map(|a| a.score.get())
    };
    assert_eq!(
        score_of(&saved(&project)),
        Some(0.85),
        "the score is in the file at once"
    );

    // "Not addressed" removes the score.
    click_first(&app, &format!("button[aria-label={}]", js(&scored)));
    click_labelled(&app, "dialog.mx-popover button", "Not addressed");
    app.wait_for_texts(
        &format!(
            "button[aria-label={}]",
            js(&format!("{offer} × {need_name}: not addressed"))
        ),
        PATIENCE,
    );
    assert_eq!(
        score_of(&saved(&project)),
        None,
        "Not addressed removes the score from the file"
    );
}

#[test]
fn a_segment_cell_lists_that_segments_personas() {
    let driver = Driver::start();
    let project = demo(&driver);
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    open_matrices(&app, "Segment × product");
    let linked = app.wait_for_texts(".mx-segments .mx-linked", PATIENCE);
    assert!(
        linked.iter().all(|t| t.ends_with(" linked")),
        "each cell counts the linked personas: {linked:?}"
    );
    app.screenshot("matrices-segments");

    let segment: Vec<String> = app
        .execute("return [document.querySelector('.mx-segments tbody tr .mx-name').textContent]")
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let product = app.wait_for_texts(".mx-segments thead th:nth-of-type(2)", PATIENCE);
    click_first(
        &app,
        ".mx-segments tbody tr:first-child td:nth-of-type(1) button",
    );
    let marked = app.wait_for_texts(".mx-personas thead th.hl", PATIENCE);
    assert_eq!(marked, product, "the chosen product's column is marked");
    app.screenshot("matrices-segment-personas");
    let chosen = app.execute(
        "const s = document.querySelector('.mx-select'); \
         return [s.value, [...s.options].map(o => o.value + '=' + o.textContent)]",
    );
    let segments = saved(&project).market_segments;
    let expected = segments
        .iter()
        .find(|s| Some(&s.name) == segment.first())
        .map(|s| s.id.as_str().to_owned())
        .unwrap_or_else(|| {
            panic!(
                "the first row, {segment:?}, is a market segment of the file: {:?}",
                segments.iter().map(|s| &s.name).collect::<Vec<_>>()
            )
        });
    assert_eq!(
        chosen[0].as_str(),
        Some(expected.as_str()),
        "the persona view is filtered to the segment: {chosen}"
    );
    let status = app.wait_for_texts(".mx-count", PATIENCE).join(" ");
    assert!(
        status.contains(" of 21 personas"),
        "the status says how many of all personas show: {status}"
    );
}

#[test]
fn two_thousand_personas_by_fifty_products_draw_only_the_rows_in_view() {
    let driver = Driver::start();
    let project = driver.home.path().join("Large.patlas");
    let portfolio = persona_atlas::generate::portfolio(2000, 7);
    assert_eq!(
        portfolio.products.len(),
        50,
        "the generator's 2,000 have 50 products"
    );
    api::create(&project, &portfolio, false).expect("the portfolio is written");
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".tabs [role=tab]", PATIENCE);

    click_labelled(&app, ".tabs [role=tab]", "Matrices");
    let started = Instant::now();
    app.wait_for_texts(".mx-personas tbody .mx-row", PATIENCE);
    println!("persona × product drawn in {:?}", started.elapsed());
    let rows = app.execute("return document.querySelectorAll('.mx-personas .mx-row').length");
    let rows = rows.as_u64().expect("a count");
    assert!(
        (10..80).contains(&rows),
        "only the rows in view and a few more are in the page, not 2,000: {rows}"
    );
    app.screenshot("matrices-large");

    // Scrolling to the end draws the last persona.
    let last = portfolio
        .personas
        .iter()
        .map(|p| p.name.as_str())
        .max()
        .expect("personas")
        .to_owned();
    app.execute("const s = document.querySelector('.mx-scroll'); s.scrollTop = s.scrollHeight;");
    wait_until(
        &app,
        "the last persona is drawn after scrolling to the end",
        &format!(
            "return [...document.querySelectorAll('.mx-personas .mx-rowhead')]\
             .some(e => e.textContent === {})",
            js(&last)
        ),
    );
    app.screenshot("matrices-large-end");
}
