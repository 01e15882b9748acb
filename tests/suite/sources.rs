//! Sources end to end against a real HTTP server on 127.0.0.1: a feed expanded to its
//! articles, pages fetched, a dead link and a windows-1256 page, through `brief` and `extract`.
use crate::common;

use std::fs;
use std::thread;
use std::time::Duration;

use common::nashra;
use predicates::prelude::*;

fn article(title: &str, body: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><nav><a href=\"/\">أرشيف الموقع</a> <a href=\"/x\">رياضة</a></nav>\
         <article><h1>{title}</h1><p>{body}</p><p>وأضاف المسؤول أن العمل سيستمر خلال الأسابيع المقبلة وفق الخطة المعلنة.</p>\
         <div class=\"related\">اقرأ أيضا: خبر آخر لا علاقة له</div></article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
}

/// Serve a small news site: a feed with three entries (one whose page is gone), two article
/// pages, and a windows-1256 page. Answers until `requests` have been served.
fn news_site(requests: usize) -> (String, thread::JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>صحيفة المثال</title><link>{base}/</link>\
         <item><title>افتتاح جسر جديد</title><link>{base}/a/bridge</link><guid>1</guid><pubDate>Sun, 29 Nov 2026 07:00:00 +0000</pubDate></item>\
         <item><title>انطلاق معرض الكتاب</title><link>/a/books</link><guid>2</guid><pubDate>Sun, 29 Nov 2026 06:00:00 +0000</pubDate></item>\
         <item><title>خبر محذوف</title><link>{base}/a/gone</link><guid>3</guid><pubDate>Sun, 29 Nov 2026 05:00:00 +0000</pubDate>\
         <description>هذا ملخص الخبر المحذوف كما ورد في الخلاصة، وهو يكفي ليقرأه المذيع على المستمعين.</description></item>\
         </channel></rss>"
    );
    let bridge = article(
        "افتتاح جسر جديد",
        "افتتح رئيس الوزراء صباح اليوم جسرا جديدا يربط ضفتي النهر بطول 3 كيلومترات.",
    );
    let books = article(
        "انطلاق معرض الكتاب",
        "انطلقت اليوم فعاليات معرض الكتاب الدولي بمشاركة 500 دار نشر من 30 دولة.",
    );
    let rain = article(
        "هطول أمطار غزيرة",
        "شهدت المدينة أمس هطول أمطار غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.",
    )
    .replace("utf-8", "windows-1256");
    let cp1256 = encoding_rs::WINDOWS_1256.encode(&rain).0.into_owned();
    let handle = thread::spawn(move || {
        for _ in 0..requests {
            let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(20)) else {
                break;
            };
            let (status, body, content_type): (u16, Vec<u8>, &str) = match request.url() {
                "/feed.xml" => (200, feed.clone().into_bytes(), "application/rss+xml"),
                "/a/bridge" => (200, bridge.clone().into_bytes(), "text/html; charset=utf-8"),
                "/a/books" => (200, books.clone().into_bytes(), "text/html; charset=utf-8"),
                "/a/rain" => (200, cp1256.clone(), "text/html"),
                _ => (404, b"not found".to_vec(), "text/plain"),
            };
            let header = tiny_http::Header::from_bytes("Content-Type", content_type).unwrap();
            let _ = request.respond(
                tiny_http::Response::from_data(body)
                    .with_status_code(status)
                    .with_header(header),
            );
        }
    });
    (base, handle)
}

#[test]
fn a_feed_url_expands_to_its_articles_and_a_dead_link_falls_back_to_the_entry() {
    let (base, server) = news_site(20);
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "espeak-ar",
            "--max-age-hours",
            "100000",
            "--json",
            "--out",
        ])
        .arg(out.path())
        .arg(format!("{base}/feed.xml"))
        .arg(format!("{base}/a/rain"))
        .arg(format!("{base}/a/missing"))
        .output()
        .unwrap();
    drop(server);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let inputs = report["inputs"].as_array().unwrap();
    let titles: Vec<&str> = inputs.iter().filter_map(|i| i["title"].as_str()).collect();
    assert!(titles.contains(&"افتتاح جسر جديد"), "{titles:?}");
    assert!(
        titles.contains(&"انطلاق معرض الكتاب"),
        "relative link resolved: {titles:?}"
    );
    assert!(
        titles.contains(&"هطول أمطار غزيرة"),
        "windows-1256 page decoded: {titles:?}"
    );
    assert!(
        titles.contains(&"خبر محذوف"),
        "dead page replaced by the entry's own text: {titles:?}"
    );
    let failed: Vec<_> = inputs.iter().filter(|i| i["status"] == "failed").collect();
    assert_eq!(failed.len(), 1, "{inputs:?}");
    assert!(failed[0]["error"].as_str().unwrap().contains("/a/missing"));
    assert!(failed[0]["error"].as_str().unwrap().contains("404"));
    assert_eq!(report["stories"], 4);
    // No furniture reached the script.
    let script = fs::read_to_string(out.path().join("2026-11-29/script.json")).unwrap();
    for furniture in ["اقرأ أيضا", "جميع الحقوق", "أرشيف الموقع"] {
        let leaked: Vec<&str> = script.lines().filter(|l| l.contains(furniture)).collect();
        assert!(leaked.is_empty(), "{furniture}: {leaked:?}");
    }
}

#[test]
fn extract_prints_title_blank_line_and_paragraphs_from_a_url() {
    let (base, server) = news_site(1);
    let home = tempfile::tempdir().unwrap();
    let output = nashra(home.path())
        .args(["extract"])
        .arg(format!("{base}/a/rain"))
        .output()
        .unwrap();
    drop(server);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "هطول أمطار غزيرة");
    assert_eq!(lines[1], "");
    assert!(lines[2].starts_with("شهدت المدينة أمس"));
    assert!(!text.contains("اقرأ أيضا"));
}

#[test]
fn extract_json_of_a_saved_page_and_a_clear_error_for_a_dead_url() {
    let home = tempfile::tempdir().unwrap();
    let Some(page) = common::shared_file("extraction/youm7-2020-groundwater-study.html") else {
        return;
    };
    let output = nashra(home.path())
        .args(["extract", "--format", "json"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(output.status.success());
    let article: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(article["lang"], "ar");
    assert!(article["title"].as_str().unwrap().contains("وزير الرى"));
    assert!(article["paragraphs"].as_array().unwrap().len() >= 3);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    nashra(home.path())
        .args(["extract", &format!("http://127.0.0.1:{port}/story")])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(format!("127.0.0.1:{port}/story")));
    nashra(home.path())
        .args(["extract", "file:///etc/passwd"])
        .assert()
        .code(3);
}
