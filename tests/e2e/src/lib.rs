//! A small harness for end-to-end tests of the desktop app: starts
//! tauri-driver, opens WebDriver sessions on the real app binary and speaks
//! just the part of the WebDriver protocol the tests need.
//!
//! Nothing here skips: when the display, the driver or the app binary is
//! missing, the harness fails and says what to install or build.

use std::io::Read as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key under which WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Waits up to 30 s for `done` to hold, checking every 100 ms; fails with
/// `what` when it never does.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "{what}");
        sleep(Duration::from_millis(100));
    }
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The strings of a script's array result; empty when it returned none.
fn strings(v: Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The desktop binary under test: `E2E_APP`, or the debug build.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/debug/persona-atlas-desktop"));
    assert!(
        path.is_file(),
        "the desktop app is not built at {}: run `make app` (it embeds ui/dist)",
        path.display()
    );
    path.canonicalize().unwrap_or(path)
}

fn find_program(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.push(workspace().join(".tools/bin"));
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("the system must lend a free loopback port")
}

/// A running tauri-driver, stopped (with SIGTERM, so that it also stops
/// WebKitWebDriver and the app) when dropped.
pub struct Driver {
    child: Child,
    url: String,
    /// HOME and XDG folders of the app, so tests never touch the user's.
    pub home: tempfile::TempDir,
}

impl Driver {
    /// Starts tauri-driver and waits until it answers.
    pub fn start() -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no X display: run the end-to-end tests under Xvfb (`make test` does)"
        );
        let driver = find_program("tauri-driver")
            .expect("tauri-driver is not installed: `cargo install tauri-driver --locked`");
        assert!(
            find_program("WebKitWebDriver").is_some(),
            "WebKitWebDriver is not installed: `apt-get install webkit2gtk-driver`"
        );
        let home = tempfile::tempdir().expect("a temporary home for the app");
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(driver)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("tauri-driver must start");
        let mut driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            home,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if ureq::get(&format!("{}/status", driver.url)).call().is_ok() {
                return driver;
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = driver.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                panic!("tauri-driver exited at start ({status}): {err}");
            }
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not answer within 20 s"
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// The Harbor fixture (three personas of a port-software vendor),
    /// imported into a project in this driver's temporary home.
    pub fn harbor(&self) -> PathBuf {
        let project = self.home.path().join("Harbor.patlas");
        persona_atlas::api::import_json(
            &workspace().join("tests/fixtures/harbor.json"),
            &project,
            false,
        )
        .expect("the fixture imports");
        project
    }

    /// Launches the app with `args` and opens a WebDriver session on it.
    pub fn launch(&self, args: &[&str]) -> Session {
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": {
                        "application": app_binary(),
                        "args": args,
                    }
                }
            }
        });
        let value = post(&format!("{}/session", self.url), &caps);
        let id = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session id in {value}"))
            .to_owned();
        Session {
            base: format!("{}/session/{id}", self.url),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn answer(result: Result<ureq::Response, ureq::Error>, what: &str) -> Value {
    let response = match result {
        Ok(r) => r,
        Err(ureq::Error::Status(code, r)) => {
            let body = r.into_string().unwrap_or_default();
            panic!("WebDriver refused {what} ({code}): {body}")
        }
        Err(e) => panic!("WebDriver did not answer {what}: {e}"),
    };
    let body: Value = response
        .into_json()
        .unwrap_or_else(|e| panic!("WebDriver answered {what} with no JSON: {e}"));
    body["value"].clone()
}

fn post(url: &str, body: &Value) -> Value {
    answer(ureq::post(url).send_json(body.clone()), url)
}

/// A WebDriver session on one running app.
pub struct Session {
    base: String,
}

impl Session {
    /// Elements matching a CSS selector, now.
    pub fn find_all(&self, css: &str) -> Vec<String> {
        let url = format!("{}/elements", self.base);
        let query = json!({ "using": "css selector", "value": css });
        // WebKitWebDriver fails a query whose matches the page draws again
        // while it makes their handles: "stale element reference" (404), or
        // an "unknown error" with no message (500) when the node is gone
        // before its handle is made. Asked again a moment later, it answers
        // with the page as it is then.
        let mut tries = 0;
        let value = loop {
            match ureq::post(&url).send_json(query.clone()) {
                Err(ureq::Error::Status(code @ (404 | 500), r)) if tries < 20 => {
                    let body = r.into_string().unwrap_or_default();
                    let redrawn = body.contains("stale element reference")
                        || (code == 500
                            && body.contains("\"unknown error\"")
                            && body.contains("\"message\":\"\""));
                    assert!(redrawn, "WebDriver refused {url} ({code}): {body}");
                    tries += 1;
                    sleep(Duration::from_millis(50));
                }
                result => break answer(result, &url),
            }
        };
        value
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The visible text of an element.
    pub fn text(&self, element: &str) -> String {
        let url = format!("{}/element/{element}/text", self.base);
        answer(ureq::get(&url).call(), &url)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The texts of every element matching `css`, once at least one shows
    /// up; fails after `timeout`.
    pub fn wait_for_texts(&self, css: &str, timeout: Duration) -> Vec<String> {
        let deadline = Instant::now() + timeout;
        loop {
            let found = self.find_all(css);
            if !found.is_empty() {
                return found.iter().map(|e| self.text(e)).collect();
            }
            assert!(
                Instant::now() < deadline,
                "nothing matched {css:?} within {timeout:?}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// The titles of the insights panel's findings about the portfolio,
    /// read in one go (the list re-renders while it is read element by
    /// element). The persona health group is left out: it names nearly
    /// every persona, whatever the other findings say of them.
    pub fn finding_titles(&self) -> Vec<String> {
        strings(self.execute(
            "return [...document.querySelectorAll('.insights .insight-group')]\
             .filter(g => !g.querySelector('summary')?.textContent.startsWith('Persona health'))\
             .flatMap(g => [...g.querySelectorAll('.finding-title')])\
             .map(e => e.textContent)",
        ))
    }

    /// The text of every element matching `css`, read in the page in one go
    /// (a list drawn again while it is read element by element would not
    /// hold still).
    pub fn texts(&self, css: &str) -> Vec<String> {
        strings(self.execute(&format!(
            "return [...document.querySelectorAll({})].map(e => e.textContent);",
            Value::from(css)
        )))
    }

    /// Shows the view whose tab reads `label`.
    pub fn open_tab(&self, label: &str) {
        let tabs = self.find_all("[role=tab]");
        let tab = tabs
            .iter()
            .find(|t| self.text(t) == label)
            .unwrap_or_else(|| panic!("a tab labelled {label:?}"));
        self.click(tab);
    }

    /// Opens the profile of the persona `id` from its card in the Personas
    /// view, and waits until it shows.
    pub fn open_profile(&self, id: &str) {
        self.open_tab("Personas");
        let open = self.find_all(&format!(
            ".persona[data-persona-id=\"{id}\"] .persona-name button"
        ));
        self.click(
            open.first()
                .unwrap_or_else(|| panic!("{id}'s card has an Open profile button")),
        );
        self.wait_for_texts(".profile-name .editable-text", Duration::from_secs(30));
    }

    /// Clicks the button whose text is `label`; fails when there is none.
    pub fn click_button(&self, label: &str) {
        let buttons = self.find_all("button");
        let button = buttons
            .iter()
            .find(|b| self.text(b) == label)
            .unwrap_or_else(|| panic!("a button labelled {label:?}"));
        self.click(button);
    }

    /// Clicks an element.
    pub fn click(&self, element: &str) {
        post(
            &format!("{}/element/{element}/click", self.base),
            &json!({}),
        );
    }

    /// Waits until `script` returns true in the page; fails after 30 s,
    /// saying `what` did not happen.
    pub fn until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.execute(script) != Value::Bool(true) {
            assert!(Instant::now() < deadline, "{what} did not happen in time");
            sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the first element matching `css` that is shown, enabled,
    /// and whose text or accessible label is `label`, and clicks it.
    pub fn click_labelled(&self, css: &str, label: &str) {
        let script = format!(
            "return [...document.querySelectorAll({css})].findIndex(e => \
               e.offsetParent !== null && !e.disabled && \
               (e.textContent.trim() === {label} || e.getAttribute('aria-label') === {label}));",
            css = js(css),
            label = js(label),
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(i) = self.execute(&script).as_u64() {
                let found = self.find_all(css);
                if let Some(e) = usize::try_from(i).ok().and_then(|i| found.get(i)) {
                    self.click(e);
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "nothing matching {css:?} reads {label:?}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// Types `text` into an element with the keyboard, as WebDriver's
    /// element send keys does: the element is focused, then each key is
    /// pressed, so the page hears what a user's typing makes it hear.
    pub fn type_text(&self, element: &str, text: &str) {
        post(
            &format!("{}/element/{element}/value", self.base),
            &json!({ "text": text }),
        );
    }

    /// Runs `script` in the page and returns what it returns.
    pub fn execute(&self, script: &str) -> Value {
        post(
            &format!("{}/execute/sync", self.base),
            &json!({ "script": script, "args": [] }),
        )
    }

    /// Saves a screenshot of the screen the app runs on (Xvfb) as PNG and
    /// returns its path. Taken by ImageMagick from the X server rather than
    /// through WebDriver: WebKitWebDriver's screenshot waits for a composited
    /// frame, which the app, drawing without compositing, never makes.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        // A screenshot right after a DOM change can show the previous frame.
        sleep(Duration::from_millis(500));
        let dir = workspace().join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("a folder for screenshots");
        let path = dir.join(format!("{name}.png"));
        let taken = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .unwrap_or_else(|e| panic!("ImageMagick's import could not run (make setup): {e}"));
        assert!(taken.success(), "import could not take a screenshot");
        let path = path.canonicalize().unwrap_or(path);
        println!("screenshot: {}", path.display());
        path
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = ureq::delete(&self.base).call();
    }
}

/// A string as a JavaScript literal.
pub fn js(s: &str) -> String {
    Value::from(s).to_string()
}

/// Runs xdotool on the display the app is drawn on; the output, or "" when
/// it found nothing.
pub fn xdotool(args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool runs (installed by make setup)");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Waits for the save dialog titled `title`, types `path` as its file name
/// and presses Enter. With no window manager, the dialog is given the
/// keyboard by hand.
pub fn answer_save_dialog(title: &str, path: &Path) {
    let mut window = String::new();
    wait_until("the save dialog opens", || {
        window = xdotool(&["search", "--name", title])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        !window.is_empty()
    });
    // The dialog draws its name field a moment after the window maps.
    std::thread::sleep(Duration::from_millis(700));
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--window", &window, "ctrl+a"]);
    let typed = path.to_str().expect("a UTF-8 temp path");
    xdotool(&["type", "--window", &window, "--delay", "5", typed]);
    xdotool(&["key", "--window", &window, "Return"]);
}

/// Answers the open dialog titled `title` with `path`, typed in its
/// location field as a person would (no window manager: the dialog is
/// given the keyboard by hand).
pub fn answer_open_dialog(title: &str, path: &Path) {
    let mut window = String::new();
    wait_until("the open dialog opens", || {
        window = xdotool(&["search", "--onlyvisible", "--name", title])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        !window.is_empty()
    });
    std::thread::sleep(Duration::from_millis(700));
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--window", &window, "ctrl+l"]);
    std::thread::sleep(Duration::from_millis(200));
    let typed = path.to_str().expect("a UTF-8 temp path");
    xdotool(&["type", "--window", &window, "--delay", "5", typed]);
    // The location field's completion may take the first Enter; the
    // dialog is answered when it is gone.
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(400));
        xdotool(&["key", "--window", &window, "Return"]);
        std::thread::sleep(Duration::from_millis(600));
        if xdotool(&["search", "--onlyvisible", "--name", title]).is_empty() {
            return;
        }
    }
    panic!("the dialog {title:?} did not take {typed}");
}
