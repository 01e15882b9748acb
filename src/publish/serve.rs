//! `nashra serve`: a small HTTP/1.1 static server for the archive, so a phone on the local
//! network can subscribe to `http://HOST:PORT/feed.xml` without other software.
//!
//! It serves only regular files under the root (no listings, no hidden files, no `..`, no
//! symbolic links leading out of the root), with the content types podcast apps expect, `HEAD`,
//! and single byte ranges (`bytes=a-b`, `a-`, `-n`) for seeking in the audio. Each request is
//! answered on its own thread, at most [`MAX_CONCURRENT_REQUESTS`] at a time. `/` answers with
//! the archive's listener page (`index.html`, or the feed when there is none), and a day
//! folder's `/YYYY-MM-DD/` with its page.
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::page::PAGE_FILE;
use super::podcast::percent_decode;
use super::{PublishError, FEED_FILE};

/// Requests answered at the same time; more get `503 Service Unavailable`.
pub const MAX_CONCURRENT_REQUESTS: usize = 32;
/// How often the stop flag is checked while no request arrives.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
/// Longest request target accepted.
const MAX_TARGET_BYTES: usize = 2048;

/// A bound, not yet running archive server.
pub struct ArchiveServer {
    server: Arc<Server>,
    root: PathBuf,
    addr: SocketAddr,
}

impl ArchiveServer {
    /// Bind `addr` (port 0 picks a free port) to serve the folder `root`.
    pub fn bind(root: &Path, addr: SocketAddr) -> Result<Self, PublishError> {
        let refuse = |reason: String| PublishError::Serve {
            addr: addr.to_string(),
            reason,
        };
        let root =
            fs::canonicalize(root).map_err(|e| refuse(format!("{}: {e}", root.display())))?;
        if !root.is_dir() {
            return Err(refuse(format!("{} is not a folder", root.display())));
        }
        let server = Server::http(addr).map_err(|e| refuse(e.to_string()))?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| refuse("not an IP socket".into()))?;
        Ok(Self {
            server: Arc::new(server),
            root,
            addr,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answer requests until `stop` becomes true (forever without it).
    pub fn run(self, stop: Option<Arc<AtomicBool>>) -> Result<(), PublishError> {
        let busy = Arc::new(AtomicUsize::new(0));
        let root = Arc::new(self.root);
        while !stop.as_ref().is_some_and(|s| s.load(Ordering::SeqCst)) {
            let request = match self.server.recv_timeout(POLL_INTERVAL) {
                Ok(Some(request)) => request,
                Ok(None) => continue,
                Err(error) => {
                    return Err(PublishError::Serve {
                        addr: self.addr.to_string(),
                        reason: error.to_string(),
                    })
                }
            };
            if busy.fetch_add(1, Ordering::SeqCst) >= MAX_CONCURRENT_REQUESTS {
                busy.fetch_sub(1, Ordering::SeqCst);
                let _ = request.respond(text_response(503, "busy, try again"));
                continue;
            }
            let root = Arc::clone(&root);
            let busy_in_thread = Arc::clone(&busy);
            let spawned = thread::Builder::new()
                .name("nashra-serve".into())
                .spawn(move || {
                    answer(&root, request);
                    busy_in_thread.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                busy.fetch_sub(1, Ordering::SeqCst);
            }
        }
        Ok(())
    }
}

/// Serve the archive `root` on `addr` until `stop` becomes true (forever without it).
pub fn serve(
    root: &Path,
    addr: SocketAddr,
    stop: Option<Arc<AtomicBool>>,
) -> Result<(), PublishError> {
    ArchiveServer::bind(root, addr)?.run(stop)
}

/// Answer one request; a client that hangs up is not an error.
fn answer(root: &Path, request: Request) {
    let response = respond_to(
        root,
        request.method(),
        request.url(),
        range_header(&request).as_deref(),
    );
    let _ = request.respond(response);
}

/// The `Range` header, if any.
fn range_header(request: &Request) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Range"))
        .map(|h| h.value.as_str().to_string())
}

type FileResponse = Response<Box<dyn Read + Send>>;

/// The response to `method target` with an optional `Range` header value.
fn respond_to(root: &Path, method: &Method, target: &str, range: Option<&str>) -> FileResponse {
    if !matches!(method, Method::Get | Method::Head) {
        return with_header(
            text_response(405, "only GET and HEAD"),
            "Allow",
            "GET, HEAD",
        );
    }
    let Some(relative) = safe_relative_path(target) else {
        return text_response(400, "bad path");
    };
    let path = match resolve_target(root, &relative) {
        Target::File(path) => path,
        Target::Folder => {
            let path_part = target.split(['?', '#']).next().unwrap_or("/");
            return with_header(
                text_response(301, "moved"),
                "Location",
                &format!("{path_part}/"),
            );
        }
        Target::Missing => return text_response(404, "not found"),
    };
    let Ok(mut file) = fs::File::open(&path) else {
        return text_response(404, "not found");
    };
    let Ok(size) = file.metadata().map(|m| m.len()) else {
        return text_response(404, "not found");
    };
    let content_type = content_type(&path);
    let (status, start, length, content_range) = match range {
        None => (200, 0, size, None),
        Some(value) => match parse_range(value, size) {
            Ok((start, end)) => (
                206,
                start,
                end - start + 1,
                Some(format!("bytes {start}-{end}/{size}")),
            ),
            Err(()) => {
                return with_header(
                    text_response(416, "range not satisfiable"),
                    "Content-Range",
                    &format!("bytes */{size}"),
                )
            }
        },
    };
    if file.seek(SeekFrom::Start(start)).is_err() {
        return text_response(500, "cannot read the file");
    }
    let body: Box<dyn Read + Send> = Box::new(file.take(length));
    let response = Response::new(
        StatusCode(status),
        Vec::new(),
        body,
        usize::try_from(length).ok(),
        None,
    );
    let response = with_header(
        with_header(response, "Content-Type", content_type),
        "Accept-Ranges",
        "bytes",
    );
    match content_range {
        Some(content_range) => with_header(response, "Content-Range", &content_range),
        None => response,
    }
}

/// A short plain-text response.
fn text_response(status: u16, message: &str) -> FileResponse {
    let body = format!("{message}\n").into_bytes();
    let length = body.len();
    let body: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(body));
    with_header(
        Response::new(StatusCode(status), Vec::new(), body, Some(length), None),
        "Content-Type",
        "text/plain; charset=utf-8",
    )
}

/// `response` with the header `name: value` added (headers here are ASCII built by this module;
/// one that would not build is left out rather than panicking).
fn with_header<R: Read>(response: Response<R>, name: &str, value: &str) -> Response<R> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

/// The relative path a request target names, refusing anything that could leave the root:
/// absolute-form targets, `..`/`.` segments (also percent-encoded), backslashes, NUL, invalid
/// UTF-8 and hidden files. A path ending in `/` names the listener page of that folder.
fn safe_relative_path(target: &str) -> Option<PathBuf> {
    if target.len() > MAX_TARGET_BYTES || !target.starts_with('/') {
        return None;
    }
    let path_part = target.split(['?', '#']).next().unwrap_or("");
    let decoded = String::from_utf8(percent_decode(path_part)?).ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(':') {
            return None;
        }
        relative.push(segment);
    }
    if decoded.ends_with('/') {
        relative.push(PAGE_FILE);
    }
    Some(relative)
}

/// What a request path leads to.
enum Target {
    /// A regular file under the root.
    File(PathBuf),
    /// A folder named without its trailing `/` (answered with a redirect, so that the links of
    /// its page resolve inside it).
    Folder,
    /// Nothing that is served.
    Missing,
}

/// The file `relative` names; `index.html` stands for its folder, and at the top, when there
/// is no listener page, the feed answers `/`.
fn resolve_target(root: &Path, relative: &Path) -> Target {
    if let Some(file) = resolve_under_root(root, relative) {
        return Target::File(file);
    }
    if relative == Path::new(PAGE_FILE) {
        if let Some(feed) = resolve_under_root(root, Path::new(FEED_FILE)) {
            return Target::File(feed);
        }
    }
    let folder = fs::canonicalize(root.join(relative))
        .is_ok_and(|dir| dir.starts_with(root) && dir.is_dir() && dir.join(PAGE_FILE).is_file());
    if folder {
        Target::Folder
    } else {
        Target::Missing
    }
}

/// The regular file `relative` names under `root` (already canonical), after resolving symbolic
/// links; `None` when it does not exist, is not a file or lies outside the root.
fn resolve_under_root(root: &Path, relative: &Path) -> Option<PathBuf> {
    let candidate = fs::canonicalize(root.join(relative)).ok()?;
    (candidate.starts_with(root) && candidate.is_file()).then_some(candidate)
}

/// The inclusive byte range `(first, last)` a single-range `Range` value asks for in a file of
/// `size` bytes; `Err` when it is malformed, has several ranges or cannot be satisfied.
fn parse_range(value: &str, size: u64) -> Result<(u64, u64), ()> {
    let spec = value.trim().strip_prefix("bytes=").ok_or(())?.trim();
    if spec.contains(',') || size == 0 {
        return Err(());
    }
    let (first, last) = spec.split_once('-').ok_or(())?;
    let number = |s: &str| -> Result<u64, ()> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        s.parse().map_err(|_| ())
    };
    let (first, last) = match (first.trim(), last.trim()) {
        ("", suffix) => {
            let suffix = number(suffix)?;
            if suffix == 0 {
                return Err(());
            }
            (size.saturating_sub(suffix), size - 1)
        }
        (first, "") => (number(first)?, size - 1),
        (first, last) => (number(first)?, number(last)?.min(size - 1)),
    };
    if first >= size || first > last {
        return Err(());
    }
    Ok((first, last))
}

/// The content type of an archive file.
fn content_type(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if name == super::EPISODE_CHAPTERS {
        return "application/json+chapters";
    }
    if name == FEED_FILE {
        return "application/rss+xml; charset=utf-8";
    }
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("mp3") => "audio/mpeg",
        Some("wav") => "audio/wav",
        Some("xml") => "application/xml; charset=utf-8",
        Some("vtt") => "text/vtt; charset=utf-8",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::net::TcpStream;
    use std::thread::JoinHandle;

    use super::*;

    /// A running server over a small archive, with a secret file next to (outside) the root.
    struct Running {
        _dir: tempfile::TempDir,
        root: PathBuf,
        addr: SocketAddr,
        stop: Arc<AtomicBool>,
        handle: Option<JoinHandle<Result<(), PublishError>>>,
        mp3: Vec<u8>,
    }

    impl Drop for Running {
        fn drop(&mut self) {
            self.stop.store(true, Ordering::SeqCst);
            if let Some(handle) = self.handle.take() {
                let _ = handle.join();
            }
        }
    }

    fn start() -> Running {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let day = root.join("2026-11-29");
        fs::create_dir_all(&day).unwrap();
        let mp3: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 256) as u8).collect();
        fs::write(day.join("briefing.mp3"), &mp3).unwrap();
        fs::write(day.join("briefing.wav"), b"RIFF").unwrap();
        fs::write(day.join("chapters.json"), b"{\"chapters\":[]}").unwrap();
        fs::write(day.join("transcript.vtt"), "WEBVTT\n").unwrap();
        fs::write(day.join("report.json"), b"{}").unwrap();
        fs::write(root.join("feed.xml"), "<rss/>").unwrap();
        fs::write(root.join("cover.png"), b"\x89PNG").unwrap();
        fs::write(root.join(".nashra-x.tmp"), b"partial").unwrap();
        fs::write(dir.path().join("secret.txt"), b"TOP SECRET").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
        let server = ArchiveServer::bind(&root, "127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = server.local_addr();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let handle = thread::spawn(move || server.run(Some(flag)));
        Running {
            _dir: dir,
            root,
            addr,
            stop,
            handle: Some(handle),
            mp3,
        }
    }

    /// A parsed HTTP response.
    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    /// Send a raw request (`Connection: close`) and read the whole reply.
    fn request(addr: SocketAddr, method: &str, target: &str, extra: &str) -> Reply {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{extra}\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    fn get(addr: SocketAddr, target: &str) -> Reply {
        request(addr, "GET", target, "")
    }

    #[test]
    fn serves_files_with_their_content_types() {
        let server = start();
        let reply = get(server.addr, "/2026-11-29/briefing.mp3");
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body, server.mp3);
        assert_eq!(reply.header("Content-Type"), Some("audio/mpeg"));
        assert_eq!(reply.header("Content-Length"), Some("1000"));
        assert_eq!(reply.header("Accept-Ranges"), Some("bytes"));
        for (target, expected) in [
            ("/feed.xml", "application/rss+xml; charset=utf-8"),
            ("/", "application/rss+xml; charset=utf-8"),
            ("/2026-11-29/chapters.json", "application/json+chapters"),
            ("/2026-11-29/report.json", "application/json"),
            ("/2026-11-29/transcript.vtt", "text/vtt; charset=utf-8"),
            ("/2026-11-29/briefing.wav", "audio/wav"),
            ("/cover.png", "image/png"),
            ("/feed.xml?cache=1", "application/rss+xml; charset=utf-8"),
        ] {
            let reply = get(server.addr, target);
            assert_eq!(reply.status, 200, "{target}");
            assert_eq!(reply.header("Content-Type"), Some(expected), "{target}");
        }
    }

    #[test]
    fn folders_answer_with_their_listener_page() {
        let server = start();
        fs::write(server.root.join("index.html"), "<!DOCTYPE html>archive").unwrap();
        fs::write(
            server.root.join("2026-11-29/index.html"),
            "<!DOCTYPE html>day",
        )
        .unwrap();
        for (target, body) in [
            ("/", "archive"),
            ("/2026-11-29/", "day"),
            ("/index.html", "archive"),
        ] {
            let reply = get(server.addr, target);
            assert_eq!(reply.status, 200, "{target}");
            assert_eq!(
                reply.header("Content-Type"),
                Some("text/html; charset=utf-8")
            );
            assert!(
                String::from_utf8_lossy(&reply.body).ends_with(body),
                "{target}"
            );
        }
        let moved = get(server.addr, "/2026-11-29?x=1");
        assert_eq!(moved.status, 301);
        assert_eq!(moved.header("Location"), Some("/2026-11-29/"));
        assert_eq!(get(server.addr, "/feed.xml").status, 200);
    }

    #[test]
    fn answers_byte_ranges() {
        let server = start();
        let target = "/2026-11-29/briefing.mp3";
        for (range, first, last) in [
            ("bytes=10-19", 10, 19),
            ("bytes=990-", 990, 999),
            ("bytes=-5", 995, 999),
            ("bytes=900-5000", 900, 999),
        ] {
            let reply = request(server.addr, "GET", target, &format!("Range: {range}\r\n"));
            assert_eq!(reply.status, 206, "{range}");
            assert_eq!(
                reply.header("Content-Range"),
                Some(format!("bytes {first}-{last}/1000").as_str()),
                "{range}"
            );
            assert_eq!(reply.body, server.mp3[first..=last], "{range}");
        }
        for range in [
            "bytes=1000-",
            "bytes=20-10",
            "bytes=-0",
            "bytes=abc",
            "items=0-1",
            "bytes=0-1,5-6",
        ] {
            let reply = request(server.addr, "GET", target, &format!("Range: {range}\r\n"));
            assert_eq!(reply.status, 416, "{range}");
            assert_eq!(
                reply.header("Content-Range"),
                Some("bytes */1000"),
                "{range}"
            );
        }
    }

    #[test]
    fn head_has_headers_and_no_body() {
        let server = start();
        let reply = request(server.addr, "HEAD", "/2026-11-29/briefing.mp3", "");
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("Content-Length"), Some("1000"));
        assert_eq!(reply.header("Content-Type"), Some("audio/mpeg"));
        assert!(reply.body.is_empty());
    }

    #[test]
    fn missing_files_folders_and_other_methods_are_refused() {
        let server = start();
        assert_eq!(get(server.addr, "/2026-11-30/briefing.mp3").status, 404);
        assert_eq!(get(server.addr, "/2026-11-29").status, 404);
        assert_eq!(get(server.addr, "/.nashra-x.tmp").status, 400);
        let reply = request(server.addr, "POST", "/feed.xml", "Content-Length: 0\r\n");
        assert_eq!(reply.status, 405);
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
    }

    #[test]
    fn path_traversal_is_refused() {
        let server = start();
        for target in [
            "/../secret.txt",
            "/2026-11-29/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/2026-11-29/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%00/feed.xml",
            "/%zz",
            "http://test/../secret.txt",
            "/link.txt",
            "//secret.txt",
        ] {
            let reply = get(server.addr, target);
            assert!(
                matches!(reply.status, 400 | 404),
                "{target} gave {}",
                reply.status
            );
            assert!(
                !reply.body.windows(10).any(|w| w == b"TOP SECRET"),
                "{target} leaked the secret"
            );
        }
        assert!(server.root.join("feed.xml").exists());
    }

    #[test]
    fn the_stop_flag_ends_the_server() {
        let mut server = start();
        server.stop.store(true, Ordering::SeqCst);
        let result = server.handle.take().unwrap().join().unwrap();
        assert!(result.is_ok());
    }

    #[test]
    fn binding_a_missing_folder_fails_with_its_name() {
        let error = ArchiveServer::bind(
            Path::new("/nonexistent/out"),
            "127.0.0.1:0".parse().unwrap(),
        )
        .err()
        .unwrap();
        assert!(error.to_string().contains("/nonexistent/out"), "{error}");
    }

    #[test]
    fn range_parsing_follows_rfc_9110_for_single_ranges() {
        assert_eq!(parse_range("bytes=0-0", 10), Ok((0, 0)));
        assert_eq!(parse_range("bytes=5-", 10), Ok((5, 9)));
        assert_eq!(parse_range("bytes=-20", 10), Ok((0, 9)));
        assert_eq!(parse_range("bytes=0-", 0), Err(()));
        assert_eq!(parse_range("bytes=-", 10), Err(()));
        assert_eq!(parse_range("bytes=+1-2", 10), Err(()));
        assert_eq!(parse_range("bytes=99999999999999999999-", 10), Err(()));
    }

    #[test]
    fn safe_paths_stay_relative() {
        assert_eq!(
            safe_relative_path("/a/b.mp3"),
            Some(PathBuf::from("a/b.mp3"))
        );
        assert_eq!(safe_relative_path("/a%20b"), Some(PathBuf::from("a b")));
        assert_eq!(safe_relative_path("/"), Some(PathBuf::from("index.html")));
        assert_eq!(
            safe_relative_path("/2026-11-29/"),
            Some(PathBuf::from("2026-11-29/index.html"))
        );
        assert_eq!(safe_relative_path("/a/./b"), None);
        assert_eq!(safe_relative_path("/C:/x"), None);
        assert_eq!(safe_relative_path("*"), None);
    }
}
