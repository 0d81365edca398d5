//! The map in the real app: filters, moving and laying out nodes (kept in
//! the project file), and linking a persona by dragging it onto a product.

use std::thread::sleep;
use std::time::{Duration, Instant};

use persona_atlas::model::ProductRelation;
use persona_atlas::store::ProjectFile;
use persona_atlas_e2e::{Driver, Session, workspace};
use serde_json::Value;

const PATIENCE: Duration = Duration::from_secs(30);

/// Where the map draws node `id`, or Null when it is not shown.
fn drawn(app: &Session, id: &str) -> Value {
    app.execute(&format!(
        "const m = document.querySelector('.map-canvas'); \
         return m && m.atlasNodeAt ? m.atlasNodeAt({id:?}) : 'no map';"
    ))
}

/// Polls `check` until it holds; fails after PATIENCE, saying `what`.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !check() {
        assert!(Instant::now() < deadline, "{what} did not happen in time");
        sleep(Duration::from_millis(150));
    }
}

fn wait_for_map(app: &Session, persona: &str) {
    app.wait_for_texts(".map-canvas canvas", PATIENCE);
    eventually("the map draws its personas", || {
        drawn(app, persona).is_object()
    });
}

/// Drags with the mouse from one point of the window to another, in steps,
/// as a hand would; Cytoscape hears the same events.
fn drag(app: &Session, from: (f64, f64), to: (f64, f64)) {
    app.execute(&format!(
        "const c = document.querySelector('.map-canvas canvas:last-of-type') \
             || document.querySelector('.map-canvas'); \
         const at = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, \
             {{ clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0, buttons: 1 }})); \
         const [x0, y0, x1, y1] = [{}, {}, {}, {}]; \
         at('mousedown', x0, y0, c); \
         for (let i = 1; i <= 12; i++) {{ \
           at('mousemove', x0 + (x1 - x0) * i / 12, y0 + (y1 - y0) * i / 12, c); }} \
         at('mouseup', x1, y1, c); return true;",
        from.0, from.1, to.0, to.1
    ));
}

fn xy(v: &Value) -> (f64, f64) {
    (
        v["x"].as_f64().expect("an x"),
        v["y"].as_f64().expect("a y"),
    )
}

fn click_text(app: &Session, css: &str, text: &str) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(e) = app
            .find_all(css)
            .into_iter()
            .find(|e| app.text(e).trim() == text)
        {
            app.click(&e);
            return;
        }
        assert!(Instant::now() < deadline, "no {css} reading {text:?}");
        sleep(Duration::from_millis(100));
    }
}

fn positions(path: &std::path::Path) -> Vec<(String, f64, f64)> {
    ProjectFile::open(path)
        .expect("the project opens beside the app")
        .positions()
        .expect("positions read")
        .into_iter()
        .map(|p| (p.id, p.x, p.y))
        .collect()
}

#[test]
fn filters_hide_the_personas_they_leave_out() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    wait_for_map(&app, "p-customs-clerk");

    app.execute(
        "const s = [...document.querySelectorAll('.filters select')][0]; \
         s.value = 'ms-ports'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1;",
    );
    eventually("the segment filter hides Chidi", || {
        drawn(&app, "p-customs-clerk").is_null()
    });
    assert!(
        drawn(&app, "p-berth-planner").is_object(),
        "a persona of the chosen segment stays"
    );
    app.screenshot("map-filtered");
    click_text(&app, ".filters button", "Clear filters");
    eventually("clearing the filters shows Chidi again", || {
        drawn(&app, "p-customs-clerk").is_object()
    });
}

#[test]
fn a_moved_persona_keeps_its_place_after_reopening() {
    let driver = Driver::start();
    let project = driver.harbor();
    {
        let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
        wait_for_map(&app, "p-berth-planner");
        let (x, y) = xy(&drawn(&app, "p-berth-planner"));
        drag(&app, (x, y), (x + 60.0, y + 40.0));
        eventually("the move is saved in the project file", || {
            positions(&project)
                .iter()
                .any(|(id, _, _)| id == "p-berth-planner")
        });
    }
    let saved = positions(&project);
    let (_, sx, sy) = saved
        .iter()
        .find(|(id, _, _)| id == "p-berth-planner")
        .cloned()
        .expect("Bea's place is stored");

    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    wait_for_map(&app, "p-berth-planner");
    let at = drawn(&app, "p-berth-planner");
    assert!(
        (at["mapX"].as_f64().unwrap_or(f64::NAN) - sx).abs() < 0.5
            && (at["mapY"].as_f64().unwrap_or(f64::NAN) - sy).abs() < 0.5,
        "reopened, Bea is where she was put: {at} vs ({sx}, {sy})"
    );

    // A move is an edit like any other: undo puts Bea back.
    let (x, y) = xy(&at);
    drag(&app, (x, y), (x + 50.0, y + 30.0));
    eventually("the second move is saved", || {
        positions(&project)
            .iter()
            .any(|(id, px, _)| id == "p-berth-planner" && (px - sx).abs() > 1.0)
    });
    app.click_button("Undo");
    eventually("undo moves Bea back, on screen and in the file", || {
        let at = drawn(&app, "p-berth-planner");
        let on_screen = (at["mapX"].as_f64().unwrap_or(f64::NAN) - sx).abs() < 0.5
            && (at["mapY"].as_f64().unwrap_or(f64::NAN) - sy).abs() < 0.5;
        let in_file = positions(&project).iter().any(|(id, px, py)| {
            id == "p-berth-planner" && (px - sx).abs() < 1e-9 && (py - sy).abs() < 1e-9
        });
        on_screen && in_file
    });

    click_text(&app, ".map-tools button", "Organic");
    eventually("the organic layout is saved for every node", || {
        let stored = positions(&project);
        ["p-berth-planner", "p-terminal-director", "p-customs-clerk"]
            .iter()
            .all(|p| stored.iter().any(|(id, _, _)| id == p))
            && stored != saved
    });
    app.screenshot("map-organic");
    click_text(&app, ".map-tools button", "Grid");
    eventually("the grid forgets every placed node", || {
        positions(&project).is_empty()
    });
}

#[test]
fn dragging_a_persona_onto_a_product_links_them() {
    let driver = Driver::start();
    let project = driver.harbor();
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    wait_for_map(&app, "p-customs-clerk");

    click_text(&app, ".map-tools button", "Link");
    eventually("link mode shows the products", || {
        drawn(&app, "prod-berthwise").is_object()
    });
    app.wait_for_texts(".map-hint", PATIENCE);
    let from = xy(&drawn(&app, "p-customs-clerk"));
    let to = xy(&drawn(&app, "prod-berthwise"));
    drag(&app, from, to);

    let title = app.wait_for_texts("dialog.link-dialog h2", PATIENCE);
    assert_eq!(
        title,
        ["Chidi the Customs Clerk and Berthwise"],
        "the dialog names both ends"
    );
    app.screenshot("map-link-dialog");
    // The dialog reads the persona's links before Link can be pressed.
    eventually("the dialog has read the persona", || {
        app.execute(
            "const b = document.querySelector('dialog.link-dialog button[type=submit]'); \
             return b !== null && !b.disabled;",
        ) == Value::Bool(true)
    });
    click_text(&app, "dialog.link-dialog button", "Link");
    eventually("the link is saved", || {
        app.find_all("dialog.link-dialog").is_empty()
    });
    let p = ProjectFile::open(&project)
        .expect("the project opens")
        .load()
        .expect("and loads");
    let chidi = p
        .personas
        .iter()
        .find(|x| x.id.as_str() == "p-customs-clerk")
        .expect("Chidi is there");
    assert!(
        chidi
            .products
            .iter()
            .any(|l| l.product.as_str() == "prod-berthwise"
                && l.relation == ProductRelation::Targets),
        "Chidi is now targeted by Berthwise: {:?}",
        chidi.products
    );
}

#[test]
fn the_map_draws_itself_as_png_and_svg_pictures_the_core_accepts() {
    use persona_atlas::image::{ImageFormat, decode};
    let driver = Driver::start();
    let app = driver.launch(&["--demo"]);
    wait_for_map(&app, "p-dana-platform");
    let dir = workspace().join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("a folder for pictures");
    for (format, name) in [(ImageFormat::Png, "png"), (ImageFormat::Svg, "svg")] {
        let data = app.execute(&format!(
            "return document.querySelector('.map-canvas').atlasPicture('{name}');"
        ));
        let data = data.as_str().expect("the map answers with its picture");
        let bytes = decode(format, data)
            .unwrap_or_else(|e| panic!("the {name} picture passes the core's checks: {e}"));
        assert!(bytes.len() > 2_000, "the {name} picture has content");
        if format == ImageFormat::Svg {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                text.contains("Dana the Data Platform Lead")
                    || text.contains("EU regulated financial services"),
                "the drawing writes the names it shows"
            );
        }
        std::fs::write(dir.join(format!("map-export.{name}")), &bytes).expect("keep the picture");
    }
    // What an export saves: the map framed with the project's name, the day
    // and the colour key.
    for (format, name) in [(ImageFormat::Png, "png"), (ImageFormat::Svg, "svg")] {
        let raw = app.execute(&format!(
            "return document.querySelector('.map-canvas').atlasPicture('{name}');"
        ));
        let framed = app.execute(&format!(
            "return document.querySelector('.map-canvas').atlasFramedPicture('{name}');"
        ));
        let raw = decode(format, raw.as_str().expect("a picture")).expect("valid");
        let framed = decode(format, framed.as_str().expect("a framed picture"))
            .unwrap_or_else(|e| panic!("the framed {name} passes the core's checks: {e}"));
        if format == ImageFormat::Svg {
            let text = String::from_utf8_lossy(&framed);
            assert!(text.contains("Lanternfold portfolio (demo)"), "the title");
            assert!(text.contains("Persona map · 21 personas"), "what it shows");
            assert!(text.contains("Ambitious innovators"), "the colour key");
        } else {
            let height = |png: &[u8]| u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
            assert!(
                height(&framed) > height(&raw) + 100,
                "the frame adds a title band and a key: {} vs {}",
                height(&framed),
                height(&raw)
            );
        }
        std::fs::write(dir.join(format!("map-export-framed.{name}")), &framed)
            .expect("keep the picture");
    }
    // The organic layout of a real portfolio, to look at.
    click_text(&app, ".map-tools button", "Organic");
    eventually("the organic layout finishes", || {
        app.find_all(".map-tools button")
            .iter()
            .any(|b| app.text(b).trim() == "Organic")
    });
    app.screenshot("map-organic-demo");
}

/// The ids of the overview's bubbles drawn now.
fn bubbles(app: &Session) -> Vec<String> {
    app.execute(
        "const m = document.querySelector('.map-canvas'); \
         return m && m.atlasBubbles ? m.atlasBubbles() : [];",
    )
    .as_array()
    .map(|ids| {
        ids.iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}

/// Clicks the map at a point of the window, as a hand would.
fn tap(app: &Session, at: (f64, f64)) {
    app.execute(&format!(
        "const c = document.querySelector('.map-canvas canvas:last-of-type'); \
         const at = (type) => c.dispatchEvent(new MouseEvent(type, \
             {{ clientX: {}, clientY: {}, bubbles: true, cancelable: true, button: 0, buttons: 1 }})); \
         at('mousedown'); at('mouseup'); return true;",
        at.0, at.1
    ));
}

#[test]
fn a_large_portfolio_opens_as_an_overview_that_opens_a_segment_on_a_click() {
    let driver = Driver::start();
    let project = driver.harbor().with_file_name("Large.patlas");
    let portfolio = persona_atlas::generate::portfolio(1_100, 7);
    let first = portfolio.personas[0].clone();
    let segment = first
        .market_segment
        .clone()
        .expect("generated personas have a market segment");
    ProjectFile::create(&project, &portfolio, false).expect("the project is written");
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".map-canvas canvas", PATIENCE);

    // A bubble per market segment, no persona drawn one by one.
    let bubble = format!("{segment}::all");
    eventually("the overview draws its bubbles", || {
        bubbles(&app).contains(&bubble)
    });
    assert!(
        drawn(&app, first.id.as_str()).is_null(),
        "personas wait inside their bubble"
    );
    let note = app.texts(".map-note").join(" ");
    assert!(
        note.contains("1,100 personas"),
        "the note counts them: {note:?}"
    );
    app.screenshot("map-overview");

    // A click opens that segment: its personas are drawn, the others stay bubbles.
    let at = xy(&drawn(&app, &bubble));
    tap(&app, at);
    eventually("the clicked segment shows its personas", || {
        drawn(&app, first.id.as_str()).is_object()
    });
    let left = bubbles(&app);
    assert!(
        !left.contains(&bubble),
        "the opened bubble is gone: {left:?}"
    );
    assert!(!left.is_empty(), "the other segments stay closed");
    app.screenshot("map-overview-opened");

    // Overview closes every segment again.
    click_text(&app, ".map-controls button", "Overview");
    eventually("Overview gathers the personas again", || {
        drawn(&app, first.id.as_str()).is_null() && bubbles(&app).contains(&bubble)
    });
}

/// The map's zoom now.
fn zoom(app: &Session) -> f64 {
    app.execute("return document.querySelector('.map-canvas').atlasZoom();")
        .as_f64()
        .unwrap_or(f64::NAN)
}

#[test]
fn a_chosen_persona_is_framed_with_its_neighbours_not_zoomed_into() {
    let driver = Driver::start();
    let app = driver.launch(&["--demo"]);
    wait_for_map(&app, "p-dana-platform");
    let at_fit = zoom(&app);
    // An underserved persona: a finding about one persona alone.
    let findings = app.find_all(".insight-group[open] .finding");
    let one = findings
        .iter()
        .find(|f| app.text(f).contains("served"))
        .expect("an underserved finding");
    app.click(one);
    eventually("the persona is framed", || {
        let z = zoom(&app);
        (z - at_fit).abs() > 1e-3
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    let framed = zoom(&app);
    assert!(
        framed <= 1.6 + 1e-6,
        "one persona is shown in its context, not filling the screen: zoom {framed}"
    );
    assert!(
        framed > at_fit,
        "closer than the whole map: {framed} vs {at_fit}"
    );
    app.screenshot("map-framed-persona");
}
