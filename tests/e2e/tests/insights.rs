//! The insights follow the map's filter: with a buying role chosen, only
//! the findings about the personas it shows are listed, the panel says how
//! many it leaves out, and "Show all" lists every finding again.

use std::time::Duration;

use persona_atlas_e2e::{Driver, Session, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);

/// The count badge of the insight group titled `title`.
fn count(app: &Session, title: &str) -> i64 {
    app.execute(&format!(
        "const g = [...document.querySelectorAll('.insight-group')] \
           .find(g => g.querySelector('summary').textContent.startsWith({title:?})); \
         return g ? Number(g.querySelector('summary .badge, summary .count')?.textContent ?? -1) : -1;"
    ))
    .as_i64()
    .unwrap_or(-1)
}

#[test]
fn the_insights_follow_the_maps_filter_until_shown_all() {
    let driver = Driver::start();
    let app = driver.launch(&["--demo"]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);
    let golden_all = count(&app, "Golden personas");
    assert!(
        golden_all > 1,
        "the demo has several golden personas: {golden_all}"
    );
    assert!(
        app.texts(".insights-follow").is_empty(),
        "no filter, nothing to follow"
    );

    app.execute(
        "const s = [...document.querySelectorAll('.filters select')] \
           .find(s => [...s.options].some(o => o.text === 'Economic buyer')); \
         s.value = [...s.options].find(o => o.text === 'Economic buyer').value; \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    let follow = app.wait_for_texts(".insights-follow", PATIENCE);
    assert!(
        follow
            .iter()
            .any(|f| f.contains("Following the map's filter")),
        "{follow:?}"
    );
    wait_until("fewer golden personas", || {
        let n = count(&app, "Golden personas");
        n >= 0 && n < golden_all
    });
    app.screenshot("insights-follow-filter");

    app.click_button("Show all");
    wait_until("every golden persona again", || {
        count(&app, "Golden personas") == golden_all
    });
    assert!(
        app.texts(".insights-follow")
            .iter()
            .any(|f| f.contains("Showing every finding"))
    );
}
