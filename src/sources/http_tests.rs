//! Tests of the HTTP client against real servers on 127.0.0.1 started by each test.

use super::*;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

const ARABIC: &str = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة، \
    وقال الوزير إن المستشفى سيخدم أكثر من مليون مواطن في المنطقة الشمالية.";

/// What the test server saw of one request.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A reply of the test server.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    delay: Duration,
}

impl Reply {
    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    fn status(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: Duration::ZERO,
        }
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

/// A tiny_http server answering every request with `handler` (each in its own thread).
struct TestServer {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    body_bytes_sent: Arc<AtomicUsize>,
}

impl TestServer {
    fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Self {
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let port = server.server_addr().to_ip().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let body_bytes_sent = Arc::new(AtomicUsize::new(0));
        let handler = Arc::new(handler);
        let (seen_log, sent) = (seen.clone(), body_bytes_sent.clone());
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let seen = Seen {
                    path: request.url().to_string(),
                    headers: request
                        .headers()
                        .iter()
                        .map(|h| (h.field.to_string(), h.value.to_string()))
                        .collect(),
                };
                seen_log.lock().unwrap().push(seen.clone());
                let (handler, sent) = (handler.clone(), sent.clone());
                thread::spawn(move || {
                    let reply = handler(&seen);
                    thread::sleep(reply.delay);
                    sent.fetch_add(reply.body.len(), Ordering::SeqCst);
                    let mut response =
                        tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
                    for (name, value) in reply.headers {
                        response.add_header(
                            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                                .unwrap(),
                        );
                    }
                    let _ = request.respond(response);
                });
            }
        });
        Self {
            base: format!("http://127.0.0.1:{port}"),
            seen,
            body_bytes_sent,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// A raw TCP server: `handle` gets each accepted connection (in its own thread).
fn raw_server(handle: impl Fn(TcpStream) + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = Arc::new(handle);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handle = handle.clone();
            thread::spawn(move || handle(stream));
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// Read the request head so the client is not reset before it reads the answer.
fn read_request_head(stream: &mut TcpStream) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
}

fn fast_config() -> HttpConfig {
    HttpConfig {
        connect_timeout: Duration::from_secs(1),
        read_timeout: Duration::from_secs(2),
        retry_base_delay: Duration::from_millis(10),
        max_retry_wait: Duration::from_millis(200),
        ..HttpConfig::default()
    }
}

fn client(config: HttpConfig) -> HttpClient {
    HttpClient::new(config).unwrap()
}

fn cp1256(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1256.encode(text).0.into_owned()
}

#[test]
fn plain_fetch_sends_the_user_agent_and_decodes_utf8() {
    let server = TestServer::start(|_| Reply::ok("text/html; charset=utf-8", ARABIC));
    let fetched = client(fast_config()).fetch(&server.url("/a")).unwrap();
    assert_eq!(fetched.text, ARABIC);
    assert_eq!(fetched.status, 200);
    assert_eq!(fetched.charset, "UTF-8");
    assert!(!fetched.from_cache);
    assert_eq!(fetched.kind(), crate::sources::DocumentKind::Html);
    let ua = server.seen()[0].header("user-agent").unwrap().to_string();
    assert!(
        ua.starts_with("nashra/") && ua.contains("+https://"),
        "{ua}"
    );
}

#[test]
fn redirect_chain_is_followed() {
    let server = TestServer::start(|seen| match seen.path.as_str() {
        "/start" => Reply::status(301).header("Location", "/step1"),
        "/step1" => Reply::status(302).header("Location", "/step2"),
        "/step2" => Reply::status(307).header("Location", "/final"),
        _ => Reply::ok("text/plain; charset=utf-8", "وصلت"),
    });
    let fetched = client(fast_config()).fetch(&server.url("/start")).unwrap();
    assert_eq!(fetched.url, server.url("/start"));
    assert_eq!(fetched.final_url, server.url("/final"));
    assert_eq!(fetched.text, "وصلت");
}

#[test]
fn redirect_loop_is_an_error_after_the_limit() {
    let server = TestServer::start(|seen| {
        let next = if seen.path == "/a" { "/b" } else { "/a" };
        Reply::status(302).header("Location", next)
    });
    let error = client(fast_config()).fetch(&server.url("/a")).unwrap_err();
    assert!(
        matches!(error, SourceError::TooManyRedirects { max: 5, .. }),
        "{error}"
    );
    assert!(error.to_string().contains(&server.url("/a")));
    assert_eq!(
        server.seen().len(),
        6,
        "the first request and 5 redirects, no retries"
    );
}

#[test]
fn redirect_to_another_scheme_is_refused() {
    let server = TestServer::start(|_| Reply::status(302).header("Location", "file:///etc/passwd"));
    let error = client(fast_config()).fetch(&server.url("/x")).unwrap_err();
    assert!(
        matches!(error, SourceError::RedirectRefused { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("file:///etc/passwd"));
}

#[test]
fn non_http_schemes_are_refused_before_any_io() {
    let http = client(fast_config());
    for url in [
        "file:///etc/passwd",
        "ftp://example.com/a",
        "javascript:alert(1)",
    ] {
        let error = http.fetch(url).unwrap_err();
        assert!(
            matches!(error, SourceError::UnsupportedScheme { .. }),
            "{error}"
        );
        assert!(error.to_string().contains(url));
    }
}

#[test]
fn etag_revalidation_serves_the_cached_body() {
    let cache = tempfile::tempdir().unwrap();
    let page = format!("<html><body><p>{ARABIC}</p></body></html>");
    let body = cp1256(&page);
    let server = TestServer::start(move |seen| {
        if seen.header("if-none-match") == Some("\"rev-7\"") {
            Reply::status(304).header("ETag", "\"rev-7\"")
        } else {
            Reply::ok("text/html; charset=windows-1256", body.clone()).header("ETag", "\"rev-7\"")
        }
    });
    let config = HttpConfig {
        cache_dir: Some(cache.path().to_path_buf()),
        ..fast_config()
    };
    let first = client(config.clone()).fetch(&server.url("/n")).unwrap();
    assert!(!first.from_cache);
    let sent_after_first = server.body_bytes_sent.load(Ordering::SeqCst);

    let second = client(config).fetch(&server.url("/n")).unwrap();
    assert!(second.from_cache);
    assert_eq!(second.status, 304);
    assert_eq!(second.text, page);
    assert_eq!(second.charset, "windows-1256");
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].header("if-none-match"), None);
    assert_eq!(seen[1].header("if-none-match"), Some("\"rev-7\""));
    assert_eq!(
        server.body_bytes_sent.load(Ordering::SeqCst),
        sent_after_first,
        "no body re-sent"
    );
}

#[test]
fn last_modified_revalidation_serves_the_cached_body() {
    let cache = tempfile::tempdir().unwrap();
    const STAMP: &str = "Sat, 28 Nov 2026 08:00:00 GMT";
    let server = TestServer::start(|seen| {
        if seen.header("if-modified-since") == Some(STAMP) {
            Reply::status(304)
        } else {
            Reply::ok("text/plain; charset=utf-8", ARABIC).header("Last-Modified", STAMP)
        }
    });
    let config = HttpConfig {
        cache_dir: Some(cache.path().to_path_buf()),
        ..fast_config()
    };
    let http = client(config);
    assert!(!http.fetch(&server.url("/lm")).unwrap().from_cache);
    let second = http.fetch(&server.url("/lm")).unwrap();
    assert!(second.from_cache);
    assert_eq!(second.text, ARABIC);
    assert_eq!(server.seen()[1].header("if-modified-since"), Some(STAMP));
}

#[test]
fn corrupt_cache_entry_is_ignored_and_refetched() {
    let cache = tempfile::tempdir().unwrap();
    let server = TestServer::start(|seen| {
        if seen.header("if-none-match").is_some() {
            Reply::status(304)
        } else {
            Reply::ok("text/plain; charset=utf-8", ARABIC).header("ETag", "\"e\"")
        }
    });
    let config = HttpConfig {
        cache_dir: Some(cache.path().to_path_buf()),
        ..fast_config()
    };
    let http = client(config);
    let url = server.url("/c");
    http.fetch(&url).unwrap();
    let body_file = cache.path().join(format!("{}.body", HttpCache::key(&url)));
    std::fs::write(&body_file, &ARABIC.as_bytes()[..20]).unwrap();
    let second = http.fetch(&url).unwrap();
    assert!(!second.from_cache);
    assert_eq!(second.text, ARABIC);
    assert_eq!(server.seen()[1].header("if-none-match"), None);
    // The refetch repaired the entry.
    assert!(http.fetch(&url).unwrap().from_cache);
}

#[test]
fn windows_1256_pages_decode_to_correct_arabic() {
    let page_meta = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">\
         </head><body><p>{ARABIC}</p></body></html>"
    );
    let page_plain = format!("<html><body><p>{ARABIC}</p><p>{ARABIC}</p></body></html>");
    let (meta_bytes, plain_bytes) = (cp1256(&page_meta), cp1256(&page_plain));
    let server = TestServer::start(move |seen| match seen.path.as_str() {
        "/header" => Reply::ok("text/html; charset=windows-1256", plain_bytes.clone()),
        "/meta" => Reply::ok("text/html", meta_bytes.clone()),
        _ => Reply::ok("text/html", plain_bytes.clone()),
    });
    let http = client(fast_config());
    let by_header = http.fetch(&server.url("/header")).unwrap();
    assert_eq!(by_header.text, page_plain);
    assert_eq!(by_header.charset, "windows-1256");
    let by_meta = http.fetch(&server.url("/meta")).unwrap();
    assert_eq!(by_meta.text, page_meta);
    let detected = http.fetch(&server.url("/none")).unwrap();
    assert_eq!(detected.text, page_plain);
    assert_eq!(detected.charset, "windows-1256");
}

#[test]
fn gzip_body_is_decompressed() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(ARABIC.repeat(50).as_bytes()).unwrap();
    let compressed = encoder.finish().unwrap();
    let server = TestServer::start(move |_| {
        Reply::ok("text/plain; charset=utf-8", compressed.clone())
            .header("Content-Encoding", "gzip")
    });
    let fetched = client(fast_config()).fetch(&server.url("/gz")).unwrap();
    assert_eq!(fetched.text, ARABIC.repeat(50));
    let accept = server.seen()[0]
        .header("accept-encoding")
        .unwrap()
        .to_string();
    assert!(accept.contains("gzip") && accept.contains("br"), "{accept}");
}

#[test]
fn endless_body_stops_at_the_cap() {
    let written = Arc::new(AtomicUsize::new(0));
    let counter = written.clone();
    let base = raw_server(move |mut stream| {
        read_request_head(&mut stream);
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
        let chunk = vec![b'a'; 16 * 1024];
        while stream.write_all(&chunk).is_ok() {
            counter.fetch_add(chunk.len(), Ordering::SeqCst);
        }
    });
    let config = HttpConfig {
        max_body_bytes: 100_000,
        read_timeout: Duration::from_secs(10),
        ..fast_config()
    };
    let started = Instant::now();
    let error = client(config)
        .fetch(&format!("{base}/endless"))
        .unwrap_err();
    assert!(
        matches!(error, SourceError::BodyTooLarge { cap: 100_000, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("100000"));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn declared_oversized_body_is_refused_before_reading() {
    let server = TestServer::start(|_| Reply::ok("text/html", vec![b'x'; 300_000]));
    let config = HttpConfig {
        max_body_bytes: 1000,
        ..fast_config()
    };
    let error = client(config).fetch(&server.url("/big")).unwrap_err();
    assert!(
        matches!(error, SourceError::BodyTooLarge { cap: 1000, .. }),
        "{error}"
    );
}

#[test]
fn server_that_never_answers_costs_one_timeout() {
    let base = raw_server(|mut stream| {
        read_request_head(&mut stream);
        thread::sleep(Duration::from_secs(10));
    });
    let config = HttpConfig {
        read_timeout: Duration::from_secs(1),
        ..fast_config()
    };
    let started = Instant::now();
    let error = client(config).fetch(&format!("{base}/silent")).unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, SourceError::Timeout { .. }), "{error}");
    assert!(
        error.to_string().contains("timed out after 1.0 s"),
        "{error}"
    );
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_millis(2000),
        "{elapsed:?}"
    );
}

#[test]
fn trickling_body_is_cut_by_the_total_timeout() {
    let base = raw_server(|mut stream| {
        read_request_head(&mut stream);
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
        while stream.write_all(b"x").is_ok() {
            thread::sleep(Duration::from_millis(50));
        }
    });
    let config = HttpConfig {
        read_timeout: Duration::from_secs(1),
        ..fast_config()
    };
    let started = Instant::now();
    let error = client(config)
        .fetch(&format!("{base}/trickle"))
        .unwrap_err();
    assert!(matches!(error, SourceError::Timeout { .. }), "{error}");
    assert!(
        started.elapsed() < Duration::from_millis(2000),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn not_found_is_an_error_with_status_and_not_retried() {
    let server = TestServer::start(|_| Reply::status(404));
    let url = server.url("/missing");
    let error = client(fast_config()).fetch(&url).unwrap_err();
    assert!(
        matches!(error, SourceError::HttpStatus { status: 404, .. }),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        format!("{url}: HTTP status 404 (not found)")
    );
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn server_error_then_success_is_retried() {
    let hits = AtomicUsize::new(0);
    let server = TestServer::start(move |_| {
        if hits.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(500)
        } else {
            Reply::ok("text/plain; charset=utf-8", "تم")
        }
    });
    let fetched = client(fast_config()).fetch(&server.url("/flaky")).unwrap();
    assert_eq!(fetched.text, "تم");
    assert_eq!(server.seen().len(), 2);
}

#[test]
fn persistent_server_error_gives_up_after_the_retries() {
    let server = TestServer::start(|_| Reply::status(503).header("Retry-After", "0"));
    let error = client(fast_config())
        .fetch(&server.url("/down"))
        .unwrap_err();
    assert!(
        matches!(error, SourceError::HttpStatus { status: 503, .. }),
        "{error}"
    );
    assert_eq!(server.seen().len(), 3, "one attempt and two retries");
}

#[test]
fn too_many_requests_honours_retry_after_up_to_the_cap() {
    let hits = AtomicUsize::new(0);
    let server = TestServer::start(move |_| {
        if hits.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(429).header("Retry-After", "3600")
        } else {
            Reply::ok("text/plain", "ok")
        }
    });
    let started = Instant::now();
    let fetched = client(fast_config()).fetch(&server.url("/busy")).unwrap();
    assert_eq!(fetched.text, "ok");
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(200) && elapsed < Duration::from_secs(2),
        "{elapsed:?}"
    );
}

#[test]
fn retry_after_parsing() {
    assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
        Some(Duration::ZERO)
    );
    assert_eq!(parse_retry_after("soon"), None);
}

#[test]
fn refused_connection_is_named_and_retried_quickly() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/x");
    let started = Instant::now();
    let error = client(fast_config()).fetch(&url).unwrap_err();
    assert!(matches!(error, SourceError::Connect { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{url}: cannot connect: ")),
        "{message}"
    );
    assert!(message.contains("Connection refused"), "{message}");
    assert!(!message.contains("error sending request"), "{message}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[test]
fn invalid_utf8_does_not_panic() {
    let server = TestServer::start(|_| {
        Reply::ok(
            "text/html; charset=utf-8",
            b"<p>\xD8\xA3\xD8 \xFF\xC0\x80 \xE2\x82</p>".to_vec(),
        )
    });
    let fetched = client(fast_config()).fetch(&server.url("/bad")).unwrap();
    assert!(fetched.text.contains('\u{FFFD}'));
    assert!(fetched.text.starts_with("<p>"));
}

#[test]
fn images_and_binary_bodies_are_not_documents() {
    let server = TestServer::start(|seen| match seen.path.as_str() {
        "/photo.jpg" => Reply::ok("image/jpeg", vec![0xFF, 0xD8, 0xFF, 0x00]),
        _ => Reply::ok("text/html", b"PK\x03\x04\x00\x00binary".to_vec()),
    });
    let http = client(fast_config());
    let image = http.fetch(&server.url("/photo.jpg")).unwrap_err();
    assert!(matches!(image, SourceError::NotADocument { .. }), "{image}");
    assert!(image.to_string().contains("image/jpeg"));
    let binary = http.fetch(&server.url("/archive")).unwrap_err();
    assert!(
        matches!(binary, SourceError::NotADocument { .. }),
        "{binary}"
    );
}

#[test]
fn fetch_all_keeps_order_and_limits_per_host_concurrency() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (now, max) = (in_flight.clone(), peak.clone());
    let server = TestServer::start(move |seen| {
        let current = now.fetch_add(1, Ordering::SeqCst) + 1;
        max.fetch_max(current, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(250));
        now.fetch_sub(1, Ordering::SeqCst);
        if seen.path == "/item/3" {
            Reply::status(404)
        } else {
            Reply::ok("text/plain", seen.path.clone())
        }
    });
    let urls: Vec<String> = (0..6).map(|i| server.url(&format!("/item/{i}"))).collect();
    let started = Instant::now();
    let results = client(fast_config()).fetch_all(&urls);
    let elapsed = started.elapsed();
    assert_eq!(results.len(), 6);
    for (i, result) in results.iter().enumerate() {
        match result {
            Ok(fetched) => assert_eq!(fetched.text, format!("/item/{i}")),
            Err(error) => {
                assert_eq!(i, 3);
                assert!(error.to_string().contains("/item/3"));
            }
        }
    }
    assert_eq!(peak.load(Ordering::SeqCst), 2, "per-host limit");
    assert!(
        elapsed < Duration::from_millis(1300),
        "ran concurrently: {elapsed:?}"
    );
}

#[test]
fn host_limiter_allows_other_hosts_while_one_is_full() {
    let limiter = HostLimiter::new(1);
    let first = limiter.acquire("a.example".into());
    let _other = limiter.acquire("b.example".into());
    drop(first);
    let _again = limiter.acquire("a.example".into());
    assert_eq!(limiter.in_flight.lock().unwrap().len(), 2);
}

#[test]
fn tls_failure_is_named_and_bounded() {
    let base = raw_server(|mut stream| {
        let mut buffer = [0u8; 1024];
        let _ = stream.read(&mut buffer);
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    });
    let url = format!("{}/secure", base.replace("http://", "https://"));
    let started = Instant::now();
    let error = client(fast_config()).fetch(&url).unwrap_err();
    assert!(matches!(error, SourceError::Connect { .. }), "{error}");
    assert!(error.to_string().starts_with(&url), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2));
}
