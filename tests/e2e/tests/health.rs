//! Persona health in the real app: the insights panel lists the personas
//! that rest on guesses with the portfolio's summary, and the "Stale after"
//! threshold changes what is stale, is saved, and is undone like any edit.

use std::path::Path;
use std::time::Duration;

use persona_atlas::api;
use persona_atlas_e2e::{Driver, Session, wait_until};

const PATIENCE: Duration = Duration::from_secs(30);

/// How many personas the "Persona health" group calls stale, read from the
/// whys of its items (the group must be open); -1 when there is no group.
fn stale_count(app: &Session) -> i64 {
    app.execute(
        "const g = [...document.querySelectorAll('.insight-group')] \
           .find(g => g.querySelector('summary').textContent.startsWith('Persona health')); \
         if (!g) return -1; \
         return [...g.querySelectorAll('.finding-why')] \
           .filter(w => w.textContent.includes('was last reviewed')).length;",
    )
    .as_i64()
    .unwrap_or(-1)
}

fn saved_stale_days(project: &Path) -> u32 {
    api::open_read_only(project)
        .and_then(|f| f.thresholds())
        .expect("the project reopens")
        .stale_after_days
        .get()
}

#[test]
fn stale_after_changes_the_health_findings_and_is_undone_like_any_edit() {
    let driver = Driver::start();
    let project = driver.harbor().with_file_name("Demo.patlas");
    api::create_demo(&project, false).expect("the demo writes");
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    app.wait_for_texts(".insights .finding-title", PATIENCE);

    app.execute("document.querySelectorAll('.insight-group').forEach(d => d.open = true);");
    app.wait_for_texts(".health-summary", PATIENCE);
    let before = stale_count(&app);
    assert!(before > 0, "the demo has stale personas: {before}");
    let summary = app.wait_for_texts(".health-summary", PATIENCE);
    assert!(
        summary
            .iter()
            .any(|s| s.contains("validated") && s.contains("mean confidence")),
        "the open group leads with the portfolio's summary: {summary:?}"
    );
    app.execute("document.querySelector('.health-summary').scrollIntoView();");
    app.screenshot("health-panel");

    // A century: only personas never reviewed stay stale.
    app.execute(
        "const input = document.querySelector('input[aria-describedby=hint-stale_after_days]'); \
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') \
           .set.call(input, '36500'); \
         input.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    let apply = app.find_all(".thresholds button[type=submit]");
    app.click(
        apply
            .first()
            .expect("the thresholds form has an Apply button"),
    );
    wait_until("nobody reviewed is stale after a century", || {
        stale_count(&app) == 0
    });
    assert_eq!(
        saved_stale_days(&project),
        36500,
        "the new threshold is saved"
    );

    app.click_button("Undo");
    wait_until("undo brings the stale personas back", || {
        stale_count(&app) == before
    });
    assert_eq!(
        saved_stale_days(&project),
        365,
        "undo takes the threshold back in the file too"
    );
}
