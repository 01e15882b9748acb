//! The listener pages in a real browser: two briefings (one Arabic with the built-in eSpeak
//! voice, one English with the neural test voice) served by `nashra serve` on 127.0.0.1 and
//! driven in headless Debian Chromium over the DevTools protocol: console errors, the audio's
//! duration, chapter buttons, keys, the transcript following the audio, speeds, the archive
//! page, and an axe-core audit of WCAG 2 A/AA rules on every page.
//!
//! Needs `/usr/bin/chromium` and axe-core in `.deps/npm` (both installed by `scripts/setup.sh`).
//! Without them the test is skipped with a one-line reason, or fails when `CI=true`.
use crate::common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::Emulation;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;

use common::{install_test_voice, nashra};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Four short English stories for the neural test voice; the second headline tries to inject
/// markup.
const ENGLISH_STORIES: [(&str, &str); 4] = [
    (
        "Talks to resume next week",
        "Negotiators from both countries will meet again on Monday. The talks are expected to last two days.",
    ),
    (
        "Rates <b>rise</b> again <script>alert(1)</script>",
        "The central bank raised its main rate by a quarter point. It said prices were still rising too fast.",
    ),
    (
        "New bridge opens to traffic",
        "The bridge took four years to build. It links the two halves of the old city.",
    ),
    (
        "Rain expected across the north",
        "Forecasters expect heavy rain from Tuesday. Farmers welcomed the news after a dry summer.",
    ),
];

/// axe-core's source, installed by `scripts/setup.sh`.
fn axe_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".deps/npm/node_modules/axe-core/axe.min.js")
}

/// Whether the browser and axe-core are there; without them, skip (or fail under CI).
fn tools_present() -> bool {
    let missing: Vec<String> = [PathBuf::from(CHROMIUM), axe_source()]
        .into_iter()
        .filter(|path| !path.is_file())
        .map(|path| path.display().to_string())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let reason = format!("missing {} (run scripts/setup.sh)", missing.join(" and "));
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{reason}");
    println!("skipped: {reason}");
    false
}

/// `nashra serve` on 127.0.0.1 (a free port), stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(home: &Path, dir: &Path) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("nashra"))
            .env("NASHRA_HOME", home)
            .args(["serve", "--bind", "127.0.0.1", "--port", "0"])
            .arg(dir)
            .stderr(Stdio::piped())
            .spawn()
            .expect("nashra serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let mut line = String::new();
        BufReader::new(stderr)
            .read_line(&mut line)
            .expect("serve prints its address");
        let base = line
            .split_whitespace()
            .find(|word| word.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Self { child, base }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An archive of two days: 2026-11-28 from the Arabic samples with eSpeak NG, 2026-11-29 from
/// four English pages with the neural test voice.
fn make_archive(home: &Path, out: &Path, pages: &Path) {
    install_test_voice(home);
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    nashra(home)
        .args([
            "brief",
            "--quiet",
            "--date",
            "2026-11-28",
            "--voice",
            "espeak-ar",
            "--out",
        ])
        .arg(out)
        .arg(&samples)
        .assert()
        .success();
    let mut english = Vec::new();
    for (n, (title, body)) in ENGLISH_STORIES.iter().enumerate() {
        let path = pages.join(format!("story{n}.html"));
        let escaped = title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        fs::write(
            &path,
            format!("<html><head><title>x</title></head><body><article><h1>{escaped}</h1><p>{body}</p></article></body></html>"),
        )
        .unwrap();
        english.push(path);
    }
    nashra(home)
        .args([
            "brief",
            "--quiet",
            "--date",
            "2026-11-29",
            "--voice",
            "en_US-joe-medium",
            "--out",
        ])
        .arg(out)
        .args(&english)
        .assert()
        .success();
}

fn launch(profile: &Path) -> Browser {
    let args: Vec<&std::ffi::OsStr> = [
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(std::ffi::OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(PathBuf::from(CHROMIUM)))
        .headless(true)
        .sandbox(false)
        .enable_gpu(false)
        .user_data_dir(Some(profile.to_path_buf()))
        .window_size(Some((900, 1300)))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .expect("launch options");
    Browser::new(options).expect("chromium starts")
}

/// Console errors, uncaught exceptions and failed loads seen by the tab.
fn collect_errors(tab: &Arc<Tab>) -> Arc<Mutex<Vec<String>>> {
    let errors = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&errors);
    tab.enable_log().expect("log domain");
    tab.enable_runtime().expect("runtime domain");
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let message = match event {
            Event::RuntimeExceptionThrown(e) => {
                Some(format!("exception: {:?}", e.params.exception_details.text))
            }
            Event::RuntimeConsoleAPICalled(e)
                if format!("{:?}", e.params.Type).eq_ignore_ascii_case("error") =>
            {
                Some(format!(
                    "console.error: {:?}",
                    e.params.args.first().and_then(|a| a.value.clone())
                ))
            }
            Event::LogEntryAdded(e)
                if format!("{:?}", e.params.entry.level).eq_ignore_ascii_case("error") =>
            {
                Some(format!(
                    "log: {} {:?}",
                    e.params.entry.text, e.params.entry.url
                ))
            }
            _ => None,
        };
        if let Some(message) = message {
            sink.lock().unwrap().push(message);
        }
    }))
    .expect("event listener");
    errors
}

/// Evaluate `expression` (awaiting a promise) and return its JSON value.
fn eval(tab: &Tab, expression: &str) -> Value {
    let result = tab
        .evaluate(expression, true)
        .unwrap_or_else(|e| panic!("evaluate {expression}: {e}"));
    result.value.unwrap_or(Value::Null)
}

fn number(tab: &Tab, expression: &str) -> f64 {
    eval(tab, expression)
        .as_f64()
        .unwrap_or_else(|| panic!("{expression} is not a number"))
}

fn open(tab: &Tab, url: &str) {
    tab.navigate_to(url).expect("navigate");
    tab.wait_until_navigated().expect("page loads");
    tab.wait_for_element("h1").expect("page has a heading");
}

/// The audio's duration once its metadata has loaded.
fn audio_duration(tab: &Tab) -> f64 {
    number(
        tab,
        "new Promise(done => { const a = document.getElementById('audio');
           if (a.readyState >= 1) done(a.duration);
           else { a.addEventListener('loadedmetadata', () => done(a.duration)); setTimeout(() => done(-1), 15000); } })",
    )
}

/// Run `action` (JavaScript), wait for the audio's `seeked` event, return `currentTime`.
fn seek_with(tab: &Tab, action: &str) -> f64 {
    number(
        tab,
        &format!(
            "new Promise(done => {{ const a = document.getElementById('audio');
               a.addEventListener('seeked', () => done(a.currentTime), {{ once: true }});
               setTimeout(() => done(-1), 5000); {action}; }})"
        ),
    )
}

/// axe-core's WCAG 2 A/AA violations on the open page, as `id: targets` lines.
fn axe_violations(tab: &Tab, axe: &str) -> Vec<String> {
    tab.evaluate(axe, false).expect("axe-core loads");
    let found = eval(
        tab,
        "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
           .then(r => JSON.stringify({ passes: r.passes.length,
             violations: r.violations.map(v => v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.map(n => n.target))) }))",
    );
    let report: Value =
        serde_json::from_str(found.as_str().expect("axe result")).expect("axe JSON");
    assert!(
        report["passes"].as_u64().unwrap_or(0) > 10,
        "axe ran its rules: {report}"
    );
    report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Audit the open page in light and dark colour schemes.
fn audit(tab: &Tab, axe: &str, page: &str) {
    for scheme in ["light", "dark"] {
        tab.call_method(Emulation::SetEmulatedMedia {
            media: None,
            features: Some(vec![Emulation::MediaFeature {
                name: "prefers-color-scheme".into(),
                value: scheme.into(),
            }]),
        })
        .expect("emulate colour scheme");
        let violations = axe_violations(tab, axe);
        assert!(violations.is_empty(), "{page} ({scheme}): {violations:#?}");
        println!("axe-core: {page} ({scheme}): 0 violations of WCAG 2 A/AA rules");
    }
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// The day page of the English briefing: the player, chapters, keys, transcript and speeds.
fn check_day_page(tab: &Tab, base: &str, out: &Path) {
    let day = out.join("2026-11-29");
    open(tab, &format!("{base}/2026-11-29/"));
    let report = json(&day.join("report.json"));
    let duration = audio_duration(tab);
    let expected = report["duration_secs"].as_f64().unwrap();
    assert!(
        (duration - expected).abs() < 0.2,
        "audio {duration} s, report {expected} s"
    );

    let chapters = json(&day.join("chapters.json"));
    let chapter_start = |story: usize| chapters["chapters"][story]["startTime"].as_f64().unwrap();
    assert_eq!(
        number(tab, "document.querySelectorAll('button.story').length"),
        4.0
    );
    let at = seek_with(tab, "document.querySelectorAll('button.story')[2].click()");
    assert!(
        (at - chapter_start(3)).abs() <= 0.3,
        "story 3 at {at}, chapter {}",
        chapter_start(3)
    );
    assert_eq!(
        eval(
            tab,
            "document.querySelectorAll('button.story')[2].getAttribute('aria-current')"
        ),
        "true"
    );
    let at = seek_with(
        tab,
        "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }))",
    );
    assert!(
        (at - chapter_start(4)).abs() <= 0.3,
        "N: {at}, story 4 at {}",
        chapter_start(4)
    );
    let at = seek_with(
        tab,
        "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }))",
    );
    assert!((at - chapter_start(3)).abs() <= 0.3, "P: {at}");
    let at = seek_with(
        tab,
        "document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }))",
    );
    assert!((at - chapter_start(1)).abs() <= 0.3, "1: {at}");
    let at = seek_with(
        tab,
        "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true }))",
    );
    assert!((at - chapter_start(1) - 10.0).abs() <= 0.3, "L: {at}");

    // Seek into the middle of each of a few sentences: that sentence is the one marked.
    let sentences = number(tab, "document.querySelectorAll('.s').length") as usize;
    assert!(sentences >= 10, "{sentences} transcript sentences");
    for index in [1, sentences / 2, sentences - 2] {
        let middle = number(
            tab,
            &format!("(s => (parseFloat(s.dataset.start) + parseFloat(s.dataset.end)) / 2)(document.querySelectorAll('.s')[{index}])"),
        );
        seek_with(
            tab,
            &format!("document.getElementById('audio').currentTime = {middle}"),
        );
        let marked = number(
            tab,
            "Array.prototype.indexOf.call(document.querySelectorAll('.s'), document.querySelector('.s[aria-current=\"true\"]'))",
        );
        assert_eq!(
            marked as usize, index,
            "sentence marked after seeking to {middle}"
        );
        assert_eq!(
            number(
                tab,
                "document.querySelectorAll('[aria-current=\"true\"].s').length"
            ),
            1.0
        );
    }

    // The injected headline is text, not markup.
    assert_eq!(
        number(
            tab,
            "document.querySelectorAll('main b, body script:not(head script)').length"
        ),
        0.0
    );
    assert!(eval(tab, "document.body.textContent")
        .as_str()
        .unwrap()
        .contains("<script>alert(1)</script>"));

    // A speed button sets the rate, and the page remembers it.
    eval(
        tab,
        "document.querySelector('[data-speed=\"1.5\"]').click()",
    );
    assert_eq!(
        number(tab, "document.getElementById('audio').playbackRate"),
        1.5
    );
    assert_eq!(
        eval(
            tab,
            "document.querySelector('[data-speed=\"1.5\"]').getAttribute('aria-pressed')"
        ),
        "true"
    );
    open(tab, &format!("{base}/2026-11-29/"));
    audio_duration(tab);
    assert_eq!(
        number(tab, "document.getElementById('audio').playbackRate"),
        1.5
    );
    eval(tab, "document.querySelector('[data-speed=\"1\"]').click()");
}

/// The archive page lists every day, newest first, and links each day's page.
fn check_archive(tab: &Tab, base: &str) {
    open(tab, &format!("{base}/"));
    let links = eval(
        tab,
        "JSON.stringify(Array.from(document.querySelectorAll('.days h2 a')).map(a => a.getAttribute('href')))",
    );
    let links: Value = serde_json::from_str(links.as_str().expect("JSON text")).expect("JSON");
    assert_eq!(
        links,
        serde_json::json!(["2026-11-29/index.html", "2026-11-28/index.html"])
    );
    let feed = eval(tab, "document.getElementById('feed-url').value");
    assert_eq!(
        feed,
        format!("{base}/feed.xml"),
        "the feed's address, to copy"
    );
    for (n, date) in ["2026-11-29", "2026-11-28"].iter().enumerate() {
        open(tab, &format!("{base}/"));
        eval(
            tab,
            &format!("document.querySelectorAll('.days h2 a')[{n}].click()"),
        );
        tab.wait_until_navigated().expect("day page");
        tab.wait_for_element("audio")
            .expect("day page has the player");
        assert_eq!(
            eval(tab, "location.pathname"),
            format!("/{date}/index.html"),
            "archive link {n}"
        );
    }
}

#[test]
fn listener_pages_work_in_a_real_browser_and_pass_axe() {
    if !tools_present() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    make_archive(home.path(), out.path(), pages.path());
    let server = Server::start(home.path(), out.path());
    let browser = launch(profile.path());
    let tab = browser.new_tab().expect("tab");
    let errors = collect_errors(&tab);
    let axe = fs::read_to_string(axe_source()).unwrap();

    check_day_page(&tab, &server.base, out.path());
    audit(&tab, &axe, "English day page");
    open(&tab, &format!("{}/2026-11-28/", server.base));
    assert_eq!(eval(&tab, "document.documentElement.dir"), "rtl");
    assert_eq!(eval(&tab, "document.documentElement.lang"), "ar");
    audio_duration(&tab);
    if let Some(dir) = std::env::var_os("NASHRA_SCREENSHOT_DIR") {
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("screenshot");
        fs::write(Path::new(&dir).join("listener-page.png"), png).unwrap();
    }
    audit(&tab, &axe, "Arabic day page");
    check_archive(&tab, &server.base);
    open(&tab, &format!("{}/", server.base));
    audit(&tab, &axe, "archive page");
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
