//! Publishing end to end: two real daily briefings, the feed built over them, validated,
//! parsed back with a real feed parser, and served over HTTP.
use crate::common;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use common::nashra;
use predicates::prelude::*;

const PAGE: &str =
    "<html><head><title>x</title></head><body><article><h1>اجتماع وزاري & \"حاسم\" <غدا></h1>\
    <p>قال المتحدث باسم الوزارة إن الاجتماع سيعقد يوم الاثنين المقبل بحضور 12 وزيرا.</p>\
    <p>وأضاف أن المحادثات ستتناول التعاون الاقتصادي بين البلدين.</p></article></body></html>";

fn make_day(home: &Path, out: &Path, page: &Path, date: &str, publish: Option<&str>) {
    let mut cmd = nashra(home);
    cmd.args([
        "brief",
        "--date",
        date,
        "--voice",
        "espeak-ar",
        "--quiet",
        "--out",
    ])
    .arg(out)
    .arg(page);
    if let Some(base) = publish {
        cmd.args(["--publish", "--base-url", base]);
    }
    cmd.assert().success();
}

#[test]
fn a_two_day_archive_gives_a_valid_stable_feed() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let page = pages.path().join("story.html");
    fs::write(&page, PAGE).unwrap();
    make_day(home.path(), out.path(), &page, "2026-11-28", None);
    make_day(
        home.path(),
        out.path(),
        &page,
        "2026-11-29",
        Some("https://news.example.org/nashra"),
    );

    let feed_path = out.path().join("feed.xml");
    let first = fs::read(&feed_path).unwrap();
    nashra(home.path())
        .args(["feed", "validate"])
        .arg(&feed_path)
        .assert()
        .success();

    // Parsed back with a real parser, field by field.
    let feed = feed_rs::parser::parse(first.as_slice()).unwrap();
    assert_eq!(feed.entries.len(), 2);
    assert_eq!(feed.language.as_deref(), Some("ar"));
    let newest = &feed.entries[0];
    assert!(newest.title.as_ref().unwrap().content.contains("2026"));
    let enclosure = &newest.media[0].content[0];
    let url = enclosure.url.as_ref().unwrap().to_string();
    assert_eq!(
        url,
        "https://news.example.org/nashra/2026-11-29/briefing.mp3"
    );
    let size = fs::metadata(out.path().join("2026-11-29/briefing.mp3"))
        .unwrap()
        .len();
    assert_eq!(enclosure.size, Some(size));
    let text = String::from_utf8(first.clone()).unwrap();
    // The day's headlines are an HTML list inside the description: once the XML is parsed,
    // the headline is still correctly HTML-escaped, so no markup from the web gets through.
    let description = &newest.summary.as_ref().unwrap().content;
    assert!(
        description.contains("اجتماع وزاري &amp; &quot;حاسم&quot; &lt;غدا&gt;"),
        "{description}"
    );
    assert!(text.contains("text/vtt") && text.contains("application/json+chapters"));

    // Rebuilding never changes GUIDs (nor anything else).
    nashra(home.path())
        .args([
            "feed",
            "build",
            "--base-url",
            "https://news.example.org/nashra",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("2 episodes"));
    assert_eq!(fs::read(&feed_path).unwrap(), first);

    // A broken enclosure length is caught.
    fs::write(
        &feed_path,
        text.replace(&format!("length=\"{size}\""), "length=\"12\""),
    )
    .unwrap();
    nashra(home.path())
        .args(["feed", "validate"])
        .arg(&feed_path)
        .assert()
        .failure()
        .stdout(predicate::str::contains("length"));
}

#[test]
fn serve_gives_the_feed_and_audio_with_ranges() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let page = pages.path().join("story.html");
    fs::write(&page, PAGE).unwrap();
    make_day(
        home.path(),
        out.path(),
        &page,
        "2026-11-29",
        Some("http://127.0.0.1:1"),
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let bin = assert_cmd::cargo::cargo_bin("nashra");
    let mut child = std::process::Command::new(bin)
        .args(["serve", "--bind", "127.0.0.1", "--port", &port.to_string()])
        .arg(out.path())
        .env("NASHRA_HOME", home.path())
        .spawn()
        .unwrap();
    let get = |request: &str| -> String {
        for _ in 0..50 {
            if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
                stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .unwrap();
                stream.write_all(request.as_bytes()).unwrap();
                let mut answer = Vec::new();
                let _ = stream.read_to_end(&mut answer);
                return String::from_utf8_lossy(&answer).into_owned();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("server did not start");
    };
    let feed = get("GET /feed.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let range = get("GET /2026-11-29/briefing.mp3 HTTP/1.1\r\nHost: x\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n");
    let traversal = get("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    child.kill().unwrap();
    let _ = child.wait();
    assert!(
        feed.starts_with("HTTP/1.1 200")
            && feed.to_ascii_lowercase().contains("application/rss+xml"),
        "{feed}"
    );
    assert!(
        range.starts_with("HTTP/1.1 206") && range.to_ascii_lowercase().contains("audio/mpeg"),
        "{range}"
    );
    assert!(!traversal.starts_with("HTTP/1.1 200"), "{traversal}");
}
