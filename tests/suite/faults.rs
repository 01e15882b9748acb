//! Network faults through the whole briefing, against a real server on 127.0.0.1 started here:
//! a server that never answers, 500s, a redirect loop, an endless body, an image, invalid UTF-8,
//! a TLS handshake with a plain-HTTP server, and a feed whose entries point at local files.
//! Each bad input is named in one line and in report.json, and the briefing is made from the rest.
use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use common::nashra;

fn article(title: &str, body: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <article><h1>{title}</h1><p>{body}</p>\
         <p>وأضاف المسؤول أن العمل سيستمر خلال الأسابيع المقبلة وفق الخطة المعلنة.</p></article></body></html>"
    )
}

fn respond(stream: &mut TcpStream, status: &str, content_type: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// The path of the request on `stream` (its head is read whole).
fn request_path(stream: &TcpStream) -> Option<String> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" {
            break;
        }
    }
    first.split_whitespace().nth(1).map(str::to_string)
}

fn handle(mut stream: TcpStream, base: &str) {
    let Some(path) = request_path(&stream) else {
        return;
    };
    match path.as_str() {
        "/good/bridge" => respond(
            &mut stream,
            "200 OK",
            "text/html; charset=utf-8",
            article(
                "افتتاح جسر جديد",
                "افتتح رئيس الوزراء صباح اليوم جسرا جديدا يربط ضفتي النهر بطول 3 كيلومترات.",
            )
            .as_bytes(),
        ),
        "/good/books" => respond(
            &mut stream,
            "200 OK",
            "text/html; charset=utf-8",
            article(
                "انطلاق معرض الكتاب",
                "انطلقت اليوم فعاليات معرض الكتاب الدولي بمشاركة 500 دار نشر من 30 دولة.",
            )
            .as_bytes(),
        ),
        "/hang" => thread::sleep(Duration::from_secs(60)),
        "/error" => respond(
            &mut stream,
            "500 Internal Server Error",
            "text/plain",
            b"oops",
        ),
        "/loop" => {
            let head = "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
        }
        "/endless" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>";
            let _ = stream.write_all(head.as_bytes());
            let chunk = "كلام بلا نهاية ".repeat(1000);
            while stream.write_all(chunk.as_bytes()).is_ok() {}
        }
        "/image" => respond(
            &mut stream,
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        ),
        "/bad-utf8" => {
            let mut page = article(
                "أمطار غزيرة في المدينة",
                "شهدت المدينة أمس هطول أمطار غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.",
            )
            .into_bytes();
            let at = page.len() / 2;
            page.splice(at..at, [0xff, 0xfe, 0xc3]);
            respond(&mut stream, "200 OK", "text/html; charset=utf-8", &page);
        }
        "/feed.xml" => {
            let feed = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>صحيفة</title>\
                 <item><title>ملف محلي</title><link>file:///etc/passwd</link><guid>1</guid></item>\
                 <item><title>مسار محلي</title><link>/../../../../etc/passwd</link><guid>2</guid></item>\
                 <item><title>انطلاق معرض الكتاب</title><link>{base}/good/books</link><guid>3</guid></item>\
                 </channel></rss>"
            );
            respond(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                feed.as_bytes(),
            );
        }
        _ => respond(&mut stream, "404 Not Found", "text/plain", b"not found"),
    }
}

/// A server answering every connection on its own thread; returns its base URL.
fn faulty_site() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let site = base.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            thread::spawn(move || handle(stream, &site));
        }
    });
    base
}

#[test]
fn a_day_of_network_faults_still_makes_the_briefing() {
    let base = faulty_site();
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let config = home.path().join("nashra.toml");
    std::fs::write(
        &config,
        "[limits]\ntimeout_secs = 2\nmax_page_bytes = 300000\nmax_age_hours = 100000\n",
    )
    .unwrap();
    let https = base.replace("http://", "https://");
    let bad: Vec<(String, &str)> = vec![
        (format!("{base}/hang"), "timed out"),
        (format!("{base}/error"), "500"),
        (format!("{base}/loop"), "redirect"),
        (format!("{base}/endless"), ""),
        (format!("{base}/image"), "image/png"),
        (format!("{base}/missing"), "404"),
        (format!("{https}/good/bridge"), ""),
    ];
    let started = Instant::now();
    let output = nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "espeak-ar",
            "--json",
        ])
        .arg("--config")
        .arg(&config)
        .arg("--out")
        .arg(out.path())
        .arg(format!("{base}/good/bridge"))
        .arg(format!("{base}/bad-utf8"))
        .arg(format!("{base}/feed.xml"))
        .args(bad.iter().map(|(url, _)| url))
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // Not a speed target: with a 2 s timeout, nothing may hang for anything like a minute.
    assert!(elapsed < Duration::from_secs(120), "took {elapsed:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let inputs = report["inputs"].as_array().unwrap();
    for (url, expected) in &bad {
        let input = inputs
            .iter()
            .find(|i| i["input"] == url.as_str())
            .unwrap_or_else(|| panic!("{url} missing from the report: {inputs:?}"));
        assert_eq!(input["status"], "failed", "{input}");
        let error = input["error"].as_str().unwrap();
        assert!(!error.contains('\n'), "one line: {error}");
        assert!(error.contains(url.as_str()), "names the input: {error}");
        assert!(
            error.to_lowercase().contains(expected),
            "{url}: {error} lacks {expected:?}"
        );
        let line = stderr
            .lines()
            .find(|l| l.contains(url.as_str()))
            .unwrap_or_else(|| panic!("{url} not named on stderr: {stderr}"));
        assert!(line.starts_with("nashra"), "{line}");
    }
    // The good pages, the page with invalid UTF-8 and the feed's real article are read.
    let ok_titles: Vec<&str> = inputs
        .iter()
        .filter(|i| i["status"] == "ok")
        .filter_map(|i| i["title"].as_str())
        .collect();
    for title in [
        "افتتاح جسر جديد",
        "أمطار غزيرة في المدينة",
        "انطلاق معرض الكتاب",
    ] {
        assert!(
            ok_titles.contains(&title),
            "{title} not read: {ok_titles:?}"
        );
    }
    // The feed's links to local files are never read.
    let day = out.path().join("2026-11-29");
    let script = std::fs::read_to_string(day.join("script.json")).unwrap();
    assert!(
        !script.contains("root:") && !script.contains("/bin/"),
        "{script}"
    );
    assert!(!report.to_string().contains("root:x:0"));
    for name in [
        "briefing.mp3",
        "briefing.wav",
        "transcript.vtt",
        "report.json",
    ] {
        assert!(day.join(name).is_file(), "{name}");
    }
}
