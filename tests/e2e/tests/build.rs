//! A small client map built from an empty project in the real app, as a
//! product marketing lead would build it with the mouse and the keyboard,
//! counting every click: two market segments and two customer segments,
//! three buying roles, four needs, two products scored against the needs,
//! four personas, a buying unit and a relationship. It took about 120
//! clicks before the starter sets, the one-click choices in the forms and
//! dragging a persona onto a persona; the goal is under 50.

use std::cell::{Cell, RefCell};
use std::thread::sleep;
use std::time::{Duration, Instant};

use persona_atlas::store::ProjectFile;
use persona_atlas_e2e::{Driver, Session, js};

const PATIENCE: Duration = Duration::from_secs(30);
/// The goal.
const MOST_CLICKS: u32 = 50;

/// The app, with a count of the clicks made on it.
struct Tally<'a> {
    app: &'a Session,
    clicks: Cell<u32>,
    /// Each step and the clicks it took, for the report.
    steps: RefCell<Vec<(String, u32)>>,
    since: Cell<u32>,
}

impl<'a> Tally<'a> {
    fn new(app: &'a Session) -> Self {
        Tally {
            app,
            clicks: Cell::new(0),
            steps: RefCell::new(Vec::new()),
            since: Cell::new(0),
        }
    }

    /// Clicks the first element matching `css` whose text or accessible
    /// label is `label`: one click.
    fn click(&self, css: &str, label: &str) {
        self.app.click_labelled(css, label);
        self.clicks.set(self.clicks.get() + 1);
    }

    /// Types `text` into the element matching `css` with the keyboard: no
    /// click (the form put the focus there, or Tab would).
    fn type_into(&self, css: &str, text: &str) {
        let found = self.wait_for(css);
        self.app.type_text(&found, text);
    }

    fn wait_for(&self, css: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(e) = self.app.find_all(css).into_iter().next() {
                return e;
            }
            assert!(Instant::now() < deadline, "nothing matches {css:?}");
            sleep(Duration::from_millis(100));
        }
    }

    fn until(&self, what: &str, script: &str) {
        self.app.until(what, script);
    }

    /// Saves the open form and waits for it to close.
    fn save_form(&self) {
        self.click("dialog.editor button[type=submit]", "Save");
        self.until(
            "the form closes after Save",
            "return document.querySelector('dialog.editor') === null;",
        );
    }

    /// Drags one persona onto another on the map with the mouse: press,
    /// move, release, counted as one click.
    fn drag(&self, from: &str, to: &str) {
        let at = |id: &str| {
            let script = format!(
                "const m = document.querySelector('.map-canvas'); \
                 return m && m.atlasNodeAt ? m.atlasNodeAt({}) : null;",
                js(id)
            );
            let deadline = Instant::now() + PATIENCE;
            loop {
                let v = self.app.execute(&script);
                if let (Some(x), Some(y)) = (v["x"].as_f64(), v["y"].as_f64()) {
                    return (x, y);
                }
                assert!(Instant::now() < deadline, "the map draws {id}");
                sleep(Duration::from_millis(100));
            }
        };
        let ((x0, y0), (x1, y1)) = (at(from), at(to));
        self.app.execute(&format!(
            "const c = document.querySelector('.map-canvas canvas:last-of-type') \
                 || document.querySelector('.map-canvas'); \
             const at = (type, x, y) => c.dispatchEvent(new MouseEvent(type, \
                 {{ clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0, buttons: 1 }})); \
             at('mousedown', {x0}, {y0}); \
             for (let i = 1; i <= 12; i++) {{ \
               at('mousemove', {x0} + ({x1} - {x0}) * i / 12, {y0} + ({y1} - {y0}) * i / 12); }} \
             at('mouseup', {x1}, {y1}); return true;"
        ));
        self.clicks.set(self.clicks.get() + 1);
    }

    /// Closes a step of the build in the report.
    fn step(&self, what: &str) {
        let now = self.clicks.get();
        self.steps
            .borrow_mut()
            .push((what.to_owned(), now - self.since.get()));
        self.since.set(now);
    }
}

/// The id of the persona named `name`, as the map knows it.
fn persona_id(app: &Session, name: &str) -> String {
    let found = app.execute(&format!(
        "const cards = [...document.querySelectorAll('[data-persona-id]')]; \
         const c = cards.find(e => e.textContent.includes({})); \
         return c ? c.getAttribute('data-persona-id') : null;",
        js(name)
    ));
    found
        .as_str()
        .unwrap_or_else(|| panic!("a persona card names {name}"))
        .to_owned()
}

struct NewPersona<'s> {
    name: &'s str,
    segment: &'s str,
    attitude: &'s str,
    role: &'s str,
    need: &'s str,
}

#[test]
fn a_small_client_map_is_built_in_under_fifty_clicks() {
    let driver = Driver::start();
    // File › New Project is a dialog and the keyboard; the test starts from
    // the empty project it makes.
    let project = driver.home.path().join("Client map.patlas");
    persona_atlas::api::new_project(&project, "Client map", false).expect("an empty project");
    let app = driver.launch(&[project.to_str().expect("a UTF-8 temp path")]);
    let t = Tally::new(&app);

    // 1. The segments, roles and needs come from the starter sets.
    t.click("button", "Add all starter sets");
    t.until(
        "the four starter sets are added",
        "return (document.querySelector('.counts')?.textContent ?? '').includes('6 needs');",
    );
    t.step("starter sets: segments, attitudes, roles, needs");
    app.screenshot("build-starter-sets");

    // 2. Two products, each scored against two needs.
    for (product, needs) in [
        ("Harbor Cloud", ["Fits our systems", "Fast time to value"]),
        (
            "Harbor Guard",
            ["Security and compliance", "Lower total cost"],
        ),
    ] {
        t.click(".topbar button", "New product");
        t.type_into("dialog.editor input[name=name]", product);
        for need in needs {
            t.click("dialog.editor button", &format!("Score need {need}"));
        }
        t.save_form();
    }
    t.step("two products, scored");

    // 3. Four personas, each in a segment, with an attitude, a role and a
    // need, every choice one click.
    let personas = [
        NewPersona {
            name: "Ines the IT Director",
            segment: "Enterprise",
            attitude: "Pragmatists",
            role: "Decision maker",
            need: "Security and compliance",
        },
        NewPersona {
            name: "Felix the Finance Lead",
            segment: "Enterprise",
            attitude: "Conservatives",
            role: "Economic buyer",
            need: "Lower total cost",
        },
        NewPersona {
            name: "Tara the Platform Engineer",
            segment: "Mid-market",
            attitude: "Visionaries",
            role: "Technical evaluator",
            need: "Fits our systems",
        },
        NewPersona {
            name: "Sam the Operations Manager",
            segment: "Mid-market",
            attitude: "Pragmatists",
            role: "User",
            need: "Fast time to value",
        },
    ];
    for p in &personas {
        t.click(".topbar button", "New persona");
        t.type_into("dialog.editor input[name=name]", p.name);
        t.click(
            "dialog.editor [role=radiogroup][aria-label='Market segment'] [role=radio]",
            p.segment,
        );
        t.click(
            "dialog.editor [role=radiogroup][aria-label='Customer segment'] [role=radio]",
            p.attitude,
        );
        t.click(
            "dialog.editor [role=radiogroup][aria-label='Buying role'] [role=radio]",
            p.role,
        );
        t.click("dialog.editor button", &format!("Add need {}", p.need));
        t.save_form();
    }
    t.step("four personas");
    app.screenshot("build-personas");

    // 4. The buying unit that buys at an enterprise: the decider and the
    // budget holder.
    t.click("[role=tab]", "Portfolio");
    t.click(".kinds .kind > span:first-child", "Buying units");
    t.click(".entities-head button", "New buying unit");
    t.type_into("dialog.editor input[name=name]", "Enterprise deal");
    t.click("dialog.editor button", "Add member Ines the IT Director");
    t.click("dialog.editor button", "Add member Felix the Finance Lead");
    t.save_form();
    t.step("a buying unit");

    // 5. The finance lead influences the IT director: drawn on the map by
    // dropping one on the other.
    t.click("[role=tab]", "Personas");
    let felix = persona_id(&app, "Felix the Finance Lead");
    let ines = persona_id(&app, "Ines the IT Director");
    t.click("[role=tab]", "Map");
    t.drag(&felix, &ines);
    t.until(
        "the relationship dialog has read both personas",
        "const b = document.querySelector('dialog.link-dialog button[type=submit]'); \
         return b !== null && !b.disabled;",
    );
    app.screenshot("build-relationship");
    t.click("dialog.link-dialog button[type=submit]", "Link");
    t.until(
        "the relationship is saved",
        "return document.querySelector('dialog.link-dialog') === null;",
    );
    t.step("a relationship");
    app.screenshot("build-done");

    let report: Vec<String> = t
        .steps
        .borrow()
        .iter()
        .map(|(what, n)| format!("{n:>3}  {what}"))
        .collect();
    let clicks = t.clicks.get();
    println!(
        "the small client map took {clicks} clicks:\n{}",
        report.join("\n")
    );
    drop(t);
    drop(app);

    // What the file holds is what was built.
    let p = ProjectFile::open(&project)
        .expect("the project opens")
        .load()
        .expect("and loads");
    assert!(
        p.market_segments.len() >= 2 && p.customer_segments.len() >= 2,
        "two market and two customer segments at least"
    );
    assert!(
        p.buying_roles.len() >= 3 && p.needs.len() >= 4,
        "three roles and four needs at least"
    );
    assert_eq!(p.products.len(), 2, "two products");
    assert!(
        p.products.iter().all(|x| x.addresses.len() == 2),
        "each product is scored against two needs: {:?}",
        p.products
    );
    assert_eq!(p.personas.len(), 4, "four personas");
    for x in &p.personas {
        assert!(
            x.market_segment.is_some()
                && x.customer_segment.is_some()
                && x.buying_role.is_some()
                && x.needs.len() == 1,
            "{} has a segment, an attitude, a role and a need",
            x.name
        );
    }
    assert_eq!(p.buying_units.len(), 1, "one buying unit");
    assert_eq!(
        p.buying_units[0].members.len(),
        2,
        "the unit has its two members"
    );
    assert_eq!(p.relationships.len(), 1, "one relationship");
    let r = &p.relationships[0];
    assert_eq!(
        (r.from.as_str(), r.to.as_str()),
        (felix.as_str(), ines.as_str()),
        "the dragged persona acts on the one it was dropped on"
    );
    assert!(
        clicks < MOST_CLICKS,
        "the small map took {clicks} clicks; the goal is under {MOST_CLICKS}:\n{}",
        report.join("\n")
    );
}
