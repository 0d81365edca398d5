//! Measures the map on a large portfolio: how long from launching the app
//! until the map and the insights are on screen, and the frame rate while
//! the map zooms. Prints figures; asserts nothing (speed is measured, never
//! tested). Run under Xvfb:
//!
//! `persona-atlas generate --personas 2000 -o big.patlas`
//! `xvfb-run -a cargo run -p persona-atlas-e2e --bin measure-map -- big.patlas`

use std::time::{Duration, Instant};

use persona_atlas_e2e::Driver;

fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: measure-map PROJECT.patlas");
        std::process::exit(2);
    };
    let file = std::fs::canonicalize(&file).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(2);
    });
    let driver = Driver::start();
    let started = Instant::now();
    let app = driver.launch(&[file.to_str().unwrap_or_default()]);
    let launched = started.elapsed();
    app.wait_for_texts(".insights .finding-title", Duration::from_secs(120));
    let findings = started.elapsed();
    app.wait_for_texts(".map-canvas canvas", Duration::from_secs(120));
    let interactive = started.elapsed();

    // Count animation frames over three seconds while the map zooms in and
    // out: by the zoom buttons (a full redraw each step), then by the mouse
    // wheel (which Cytoscape draws from a cached texture while it moves).
    let fps = |step: &str| {
        let script = format!(
            "const done = arguments[arguments.length - 1]; \
             const buttons = [...document.querySelectorAll('.map-controls button')]; \
             const zoomIn = buttons.find(b => b.getAttribute('aria-label') === 'Zoom in'); \
             const zoomOut = buttons.find(b => b.getAttribute('aria-label') === 'Zoom out'); \
             const el = document.querySelector('.map-canvas'); const r = el.getBoundingClientRect(); \
             return new Promise(resolve => {{ let frames = 0; const t0 = performance.now(); let i = 0; \
               const tick = () => {{ frames++; \
                 if (performance.now() - t0 < 3000) {{ const inward = i++ % 20 < 10; {step}; \
                   requestAnimationFrame(tick); \
                 }} else {{ resolve(frames / ((performance.now() - t0) / 1000)); }} }}; \
               requestAnimationFrame(tick); }});"
        );
        app.execute(&script).as_f64().unwrap_or(0.0)
    };
    let buttons = fps("(inward ? zoomIn : zoomOut).click()");
    let wheel = fps(
        "el.dispatchEvent(new WheelEvent('wheel', { deltaY: inward ? -40 : 40, \
           clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, \
           bubbles: true, cancelable: true }))",
    );
    println!(
        "launch to session:      {:>7.0} ms",
        launched.as_secs_f64() * 1e3
    );
    println!(
        "launch to findings:     {:>7.0} ms (insights listed)",
        findings.as_secs_f64() * 1e3
    );
    println!(
        "launch to interactive:  {:>7.0} ms (map drawn, findings listed)",
        interactive.as_secs_f64() * 1e3
    );
    println!("frames, button zoom:    {buttons:>7.1} per second");
    println!("frames, wheel zoom:     {wheel:>7.1} per second");
    // Showing a layer, and an edit (new thresholds re-mark every persona),
    // are patched into the drawn map: how long each patch took.
    let patches = |app: &persona_atlas_e2e::Session| {
        app.execute("return performance.getEntriesByName('atlas:patch').map(m => m.duration);")
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let wait_patch = |app: &persona_atlas_e2e::Session, before: usize| {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let now = patches(app);
            if now.len() > before {
                return now
                    .last()
                    .and_then(serde_json::Value::as_f64)
                    .unwrap_or(f64::NAN);
            }
            assert!(Instant::now() < deadline, "the map was not patched");
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let before = patches(&app).len();
    app.execute(
        "const box = [...document.querySelectorAll('.layers input')][0]; box.click(); return 1;",
    );
    let layer = wait_patch(&app, before);
    println!("patch, products shown:  {layer:>7.0} ms");
    // Each edit starts once the map has drawn what came before, so that its
    // figure is the edit's alone. Moving "underserved below" re-marks many
    // personas on the map; "overlap from" here changes findings only, and
    // the map, which the reply leaves as it was, is not patched at all.
    for (field, label, value) in [
        (0, "underserved below", "0.75"),
        (3, "overlap from", "0.75"),
    ] {
        std::thread::sleep(Duration::from_secs(3));
        app.execute(
            "const s = [...document.querySelectorAll('.insight-group summary')] \
               .find(x => x.textContent.includes('Thresholds')); \
             if (!s.parentElement.open) s.click(); return 1;",
        );
        app.wait_for_texts(
            "form.thresholds button[type=submit]",
            Duration::from_secs(10),
        );
        app.execute(&format!(
            "const input = [...document.querySelectorAll('form.thresholds input')][{field}]; \
             const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
             set.call(input, '{value}'); input.dispatchEvent(new Event('input', {{ bubbles: true }})); \
             return 1;"
        ));
        std::thread::sleep(Duration::from_millis(200));
        let replies = |app: &persona_atlas_e2e::Session| {
            app.execute("return performance.getEntriesByName('atlas:edit-replied').length;")
                .as_u64()
                .unwrap_or(0)
        };
        let (before, replied) = (patches(&app).len(), replies(&app));
        app.execute(
            "document.querySelector('form.thresholds button[type=submit]').click(); return 1;",
        );
        let deadline = Instant::now() + Duration::from_secs(120);
        while replies(&app) == replied {
            assert!(Instant::now() < deadline, "the edit had no reply");
            std::thread::sleep(Duration::from_millis(20));
        }
        // A patch follows within a frame or two of the reply, if any.
        std::thread::sleep(Duration::from_millis(1500));
        let patched = patches(&app).len() > before;
        // From the window's own marks: the edit leaving, its reply, and the
        // end of the patch it led to.
        let marks = app.execute(
            "const s = performance.getEntriesByName('atlas:edit-sent').at(-1); \
             const r = performance.getEntriesByName('atlas:edit-replied').at(-1); \
             const p = performance.getEntriesByName('atlas:patch').at(-1); \
             return [r.startTime - s.startTime, p.startTime + p.duration - s.startTime, p.duration];",
        );
        let mark = |i: usize| marks[i].as_f64().unwrap_or(f64::NAN);
        if patched {
            println!(
                "edit, {label} {value}: {:>5.0} ms from Apply to the map patched \
                 ({:.0} ms to the reply, {:.0} ms patching)",
                mark(1),
                mark(0),
                mark(2)
            );
        } else {
            println!(
                "edit, {label} {value}: {:>5.0} ms from Apply to the reply; the map was unchanged",
                mark(0)
            );
        }
    }

    // Switching views: each must show its content, and the map come back.
    for (tab, css) in [
        ("Personas", ".persona-name"),
        ("Portfolio", ".kinds .kind"),
        ("Matrices", ".mx-table, table"),
        ("Map", ".map-canvas canvas"),
    ] {
        let Some(button) = app
            .find_all("[role=tab]")
            .into_iter()
            .find(|t| app.text(t) == tab)
        else {
            println!("no {tab} tab");
            continue;
        };
        let started = Instant::now();
        app.click(&button);
        app.wait_for_texts(css, Duration::from_secs(120));
        println!(
            "view {tab:<18} {:>7.0} ms to show",
            started.elapsed().as_secs_f64() * 1e3
        );
    }

    // Searching on the map: each keystroke of "lead", from the key to its
    // highlight on the map (the UI marks both), typed a key every 150 ms.
    let search = app.execute(
        "const input = document.querySelector('.search input'); \
         if (!input) return 'no search box'; \
         const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; \
         const word = 'lead'; let i = 0; const took = []; \
         return new Promise(resolve => { \
           const key = () => { \
             const typed = performance.getEntriesByName('atlas:search-typed').length; \
             const shown = performance.getEntriesByName('atlas:search-shown').length; \
             input.focus(); set.call(input, word.slice(0, ++i)); \
             input.dispatchEvent(new Event('input', { bubbles: true })); \
             const started = performance.now(); \
             const wait = () => { \
               const t = performance.getEntriesByName('atlas:search-typed'); \
               const s = performance.getEntriesByName('atlas:search-shown'); \
               if (t.length > typed && s.length > shown) { \
                 took.push(s.at(-1).startTime - t.at(-1).startTime); \
                 if (i < word.length) setTimeout(key, 150); else resolve(took); \
               } else if (performance.now() - started > 10000) resolve('no highlight'); \
               else setTimeout(wait, 5); }; \
             wait(); }; \
           key(); });",
    );
    match search.as_array() {
        Some(took) => {
            let ms: Vec<String> = took
                .iter()
                .map(|t| format!("{:.0}", t.as_f64().unwrap_or(f64::NAN)))
                .collect();
            println!("search, keystroke to highlight: {} ms", ms.join(", "));
        }
        None => println!("search: {search}"),
    }

    // Where the time went inside the window, from the UI's own marks.
    let marks = app.execute(
        "return performance.getEntriesByType('mark') \
           .filter(m => m.name.startsWith('atlas:')) \
           .map(m => [m.name, m.startTime]);",
    );
    for mark in marks.as_array().into_iter().flatten() {
        let name = mark[0].as_str().unwrap_or("?");
        let at = mark[1].as_f64().unwrap_or(f64::NAN);
        println!("  {name:<28} {at:>7.0} ms after the page began");
    }
}
