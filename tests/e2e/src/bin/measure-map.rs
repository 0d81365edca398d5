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

    // Count animation frames over two seconds while the map zooms in and out.
    let frames = app.execute(
        "const done = arguments[arguments.length - 1]; \
         return new Promise(resolve => { \
           const zoomIn = [...document.querySelectorAll('.map-controls button')][1]; \
           const zoomOut = [...document.querySelectorAll('.map-controls button')][2]; \
           let frames = 0; const t0 = performance.now(); let i = 0; \
           const tick = () => { frames++; \
             if (performance.now() - t0 < 2000) { \
               (i++ % 20 < 10 ? zoomIn : zoomOut).click(); requestAnimationFrame(tick); \
             } else { resolve(frames / ((performance.now() - t0) / 1000)); } }; \
           requestAnimationFrame(tick); });",
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
    println!(
        "frames while zooming:   {:>7.1} per second",
        frames.as_f64().unwrap_or(0.0)
    );
}
