//! Sources: where the day's news comes from.
//!
//! Command-line inputs are classified into URLs and local files ([`classify_inputs`]); URLs are
//! fetched through one polite HTTP client with an on-disk conditional-GET cache (`http`,
//! `cache`); bytes are decoded with the right charset (`charset`); feeds are parsed into
//! entries (`feed`). Every error names the URL or path it concerns.

pub(crate) mod cache;
pub(crate) mod charset;
pub(crate) mod feed;
pub(crate) mod http;

pub use charset::{decode as decode_text, Decoded};
pub use feed::{parse_feed, select_entries, EntryFilter, FeedEntry};
pub use http::{Fetched, HttpClient, HttpConfig};

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Everything that can go wrong while reading a source; each message names the URL or path.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The input uses a scheme other than http or https (file:, ftp:, javascript:, ...).
    #[error("{input}: unsupported scheme \"{scheme}\" (only http and https URLs are fetched)")]
    UnsupportedScheme {
        /// The input as given.
        input: String,
        /// The scheme that was refused.
        scheme: String,
    },
    /// The input looks like a URL but cannot be parsed.
    #[error("{input}: not a valid URL ({reason})")]
    InvalidUrl {
        /// The input as given.
        input: String,
        /// Why the parser refused it.
        reason: String,
    },
    /// A local path that does not exist.
    #[error("{}: no such file or folder", path.display())]
    MissingPath {
        /// The missing path.
        path: PathBuf,
    },
    /// A folder without any file nashra can read.
    #[error("{}: folder contains no .html, .htm, .xhtml, .txt, .xml, .rss, .atom or .json file", path.display())]
    EmptyFolder {
        /// The folder.
        path: PathBuf,
    },
    /// A local file or folder that cannot be read.
    #[error("{}: cannot read: {source}", path.display())]
    ReadPath {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A local file larger than the size cap.
    #[error("{}: file is larger than the {cap} byte limit", path.display())]
    FileTooLarge {
        /// The file.
        path: PathBuf,
        /// The cap in bytes.
        cap: u64,
    },
    /// The server answered with an error status (4xx, or 5xx after the retries).
    #[error("{url}: HTTP status {status}{}", reason_suffix(*status))]
    HttpStatus {
        /// The requested URL.
        url: String,
        /// The status code received.
        status: u16,
    },
    /// More redirects than allowed (including redirect loops).
    #[error("{url}: too many redirects (more than {max})")]
    TooManyRedirects {
        /// The requested URL.
        url: String,
        /// The redirect limit.
        max: usize,
    },
    /// A redirect to a scheme other than http/https.
    #[error("{url}: refused redirect to {target} (only http and https are followed)")]
    RedirectRefused {
        /// The requested URL.
        url: String,
        /// Where the server tried to send us.
        target: String,
    },
    /// The request (connect, headers and body) did not finish in time.
    #[error("{url}: timed out after {:.1} s", after.as_secs_f64())]
    Timeout {
        /// The requested URL.
        url: String,
        /// The time limit that was hit.
        after: Duration,
    },
    /// The connection could not be established (DNS, refused, TLS handshake, ...).
    #[error("{url}: cannot connect: {reason}")]
    Connect {
        /// The requested URL.
        url: String,
        /// The underlying error, flattened to one line.
        reason: String,
    },
    /// The body exceeded the size cap; reading stopped at the cap.
    #[error("{url}: response body is larger than the {cap} byte limit")]
    BodyTooLarge {
        /// The requested URL.
        url: String,
        /// The cap in bytes.
        cap: u64,
    },
    /// The response is not a document nashra can read (image, audio, video, binary data).
    #[error("{url}: not a text document (content type {content_type})")]
    NotADocument {
        /// The requested URL.
        url: String,
        /// The content type received, or a description of the sniffed content.
        content_type: String,
    },
    /// Any other network failure while sending the request or reading the body.
    #[error("{url}: network error: {reason}")]
    Network {
        /// The requested URL.
        url: String,
        /// The underlying error, flattened to one line.
        reason: String,
    },
    /// The HTTP client could not be built (TLS backend setup).
    #[error("cannot set up the HTTP client: {reason}")]
    ClientSetup {
        /// The underlying error.
        reason: String,
    },
    /// A feed that cannot be parsed.
    #[error("{source_name}: not a valid RSS, Atom or JSON feed: {reason}")]
    Feed {
        /// The feed URL or path.
        source_name: String,
        /// What the parser reported.
        reason: String,
    },
}

fn reason_suffix(status: u16) -> String {
    match status {
        404 => " (not found)".to_string(),
        410 => " (gone)".to_string(),
        401 | 403 => " (access denied)".to_string(),
        429 => " (too many requests)".to_string(),
        500..=599 => " (server error)".to_string(),
        _ => String::new(),
    }
}

/// One command-line source after classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An http or https URL (an article page or a feed).
    Url(String),
    /// A local file (a saved page, a text dump or a feed file).
    File(PathBuf),
}

/// File extensions nashra reads when a folder is expanded (lower case, without the dot).
pub const KNOWN_EXTENSIONS: &[&str] =
    &["html", "htm", "xhtml", "txt", "xml", "rss", "atom", "json"];

/// Default cap on the size of a local file read by [`read_file`] (10 MB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Classify command-line sources: http(s) URLs, files, and folders (expanded to the readable
/// files they contain, sorted by name, hidden files skipped, not recursive). Other URL schemes
/// and missing paths become errors; the good inputs are returned in the order given.
pub fn classify_inputs(args: &[String]) -> (Vec<Input>, Vec<SourceError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        match classify_one(arg) {
            Ok(mut found) => inputs.append(&mut found),
            Err(error) => errors.push(error),
        }
    }
    (inputs, errors)
}

fn classify_one(arg: &str) -> Result<Vec<Input>, SourceError> {
    let trimmed = arg.trim();
    if let Some(scheme) = url_scheme(trimmed) {
        if scheme == "http" || scheme == "https" {
            return validate_http_url(trimmed).map(|url| vec![Input::Url(url)]);
        }
        if !Path::new(trimmed).exists() {
            return Err(SourceError::UnsupportedScheme {
                input: arg.to_string(),
                scheme,
            });
        }
    }
    let path = PathBuf::from(arg);
    let metadata = match fs::metadata(&path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(SourceError::MissingPath { path })
        }
        Err(source) => return Err(SourceError::ReadPath { path, source }),
    };
    if metadata.is_dir() {
        expand_folder(&path)
    } else {
        Ok(vec![Input::File(path)])
    }
}

/// The lower-cased scheme of `text` when it starts like a URL (`letters:`), else `None`.
fn url_scheme(text: &str) -> Option<String> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && scheme.len() >= 2
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Parse `text` as an http(s) URL, returning its normalized form.
pub fn validate_http_url(text: &str) -> Result<String, SourceError> {
    let url = url::Url::parse(text).map_err(|error| SourceError::InvalidUrl {
        input: text.to_string(),
        reason: error.to_string(),
    })?;
    match url.scheme() {
        "http" | "https" => {}
        other => {
            return Err(SourceError::UnsupportedScheme {
                input: text.to_string(),
                scheme: other.to_string(),
            })
        }
    }
    if url.host_str().unwrap_or_default().is_empty() {
        return Err(SourceError::InvalidUrl {
            input: text.to_string(),
            reason: "no host".to_string(),
        });
    }
    Ok(url.to_string())
}

fn expand_folder(folder: &Path) -> Result<Vec<Input>, SourceError> {
    let read_error = |source| SourceError::ReadPath {
        path: folder.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_file() && has_known_extension(&path) {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(SourceError::EmptyFolder {
            path: folder.to_path_buf(),
        });
    }
    files.sort();
    Ok(files.into_iter().map(Input::File).collect())
}

fn has_known_extension(path: &Path) -> bool {
    extension_of(path).is_some_and(|ext| KNOWN_EXTENSIONS.contains(&ext.as_str()))
}

fn extension_of(path: &Path) -> Option<String> {
    path.extension()
        .map(|ext| ext.to_string_lossy().to_ascii_lowercase())
}

/// What kind of document a source holds, which decides how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A web page (HTML or XHTML).
    Html,
    /// A plain-text dump of a news page.
    Text,
    /// An RSS, Atom or JSON feed.
    Feed,
}

/// Decide the kind of a document from its content first (a feed's root element or JSON Feed
/// version), then its content type, then the extension of `name` (a path or URL), then a look
/// at the content; HTML when nothing else decides.
pub fn detect_kind(name: Option<&str>, content_type: Option<&str>, bytes: &[u8]) -> DocumentKind {
    match sniff_kind(bytes) {
        Some(Sniffed::Feed) => return DocumentKind::Feed,
        Some(Sniffed::Html) => return DocumentKind::Html,
        None => {}
    }
    if let Some(kind) = content_type.and_then(kind_from_content_type) {
        return kind;
    }
    if let Some(kind) = name.and_then(kind_from_name) {
        return kind;
    }
    if looks_like_markup(bytes) {
        DocumentKind::Html
    } else {
        DocumentKind::Text
    }
}

fn kind_from_content_type(content_type: &str) -> Option<DocumentKind> {
    let mime = content_type.split(';').next()?.trim().to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some(DocumentKind::Html),
        "text/plain" => Some(DocumentKind::Text),
        "application/rss+xml"
        | "application/atom+xml"
        | "application/feed+json"
        | "application/rdf+xml" => Some(DocumentKind::Feed),
        _ => None,
    }
}

fn kind_from_name(name: &str) -> Option<DocumentKind> {
    let without_query = name.split(['?', '#']).next().unwrap_or(name);
    let ext = extension_of(Path::new(without_query))?;
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(DocumentKind::Html),
        "txt" => Some(DocumentKind::Text),
        "xml" | "rss" | "atom" | "json" => Some(DocumentKind::Feed),
        _ => None,
    }
}

enum Sniffed {
    Feed,
    Html,
}

/// Look at the first element of the document (after a BOM, the XML declaration, processing
/// instructions, comments and a doctype), or at a JSON Feed version string.
fn sniff_kind(bytes: &[u8]) -> Option<Sniffed> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = text.trim_start();
    if rest.starts_with('{') {
        let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        return compact
            .contains("\"version\":\"https://jsonfeed.org")
            .then_some(Sniffed::Feed);
    }
    loop {
        rest = rest.trim_start();
        let skip_to = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<!doctype") {
            ">"
        } else {
            break;
        };
        let end = rest.find(skip_to)?;
        rest = &rest[end + skip_to.len()..];
    }
    let root: String = rest
        .strip_prefix('<')?
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_'))
        .collect();
    match root.as_str() {
        "rss" | "feed" | "rdf:rdf" => Some(Sniffed::Feed),
        "html" | "head" | "body" => Some(Sniffed::Html),
        _ if text.contains("<!doctype html") => Some(Sniffed::Html),
        _ => None,
    }
}

fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    ["<html", "<body", "<p>", "<p ", "<div", "<article", "<meta"]
        .iter()
        .any(|tag| head.contains(tag))
}

/// A local file read into memory and decoded.
#[derive(Debug, Clone)]
pub struct FileDocument {
    /// The file that was read.
    pub path: PathBuf,
    /// The raw bytes.
    pub bytes: Vec<u8>,
    /// The bytes decoded to text.
    pub text: String,
    /// The name of the charset used for decoding.
    pub charset: String,
    /// What the file holds.
    pub kind: DocumentKind,
}

/// Read a local file (at most `max_bytes`), decode it and detect its kind.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<FileDocument, SourceError> {
    let read_error = |source| SourceError::ReadPath {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => SourceError::MissingPath {
            path: path.to_path_buf(),
        },
        _ => read_error(error),
    })?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > max_bytes {
        return Err(SourceError::FileTooLarge {
            path: path.to_path_buf(),
            cap: max_bytes,
        });
    }
    let decoded = charset::decode(&bytes, None, None);
    let name = path.to_string_lossy();
    let kind = detect_kind(Some(&name), None, &bytes);
    Ok(FileDocument {
        path: path.to_path_buf(),
        text: decoded.text,
        charset: decoded.charset,
        bytes,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn urls_are_kept_and_other_schemes_refused() {
        let (inputs, errors) = classify_inputs(&args(&[
            "https://example.com/news/1",
            "HTTP://Example.com/a",
            "file:///etc/passwd",
            "ftp://example.com/feed.xml",
            "javascript:alert(1)",
        ]));
        assert_eq!(
            inputs,
            vec![
                Input::Url("https://example.com/news/1".into()),
                Input::Url("http://example.com/a".into()),
            ]
        );
        assert_eq!(errors.len(), 3);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(messages[0].contains("file:///etc/passwd") && messages[0].contains("\"file\""));
        assert!(messages[1].contains("ftp"));
        assert!(messages[2].contains("javascript"));
    }

    #[test]
    fn broken_http_url_is_an_error_naming_it() {
        let (inputs, errors) = classify_inputs(&args(&["http://"]));
        assert!(inputs.is_empty());
        assert!(errors[0].to_string().contains("http://"));
    }

    #[test]
    fn folder_expands_to_known_files_sorted_without_hidden_ones() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        for name in [
            "b.html",
            "a.txt",
            "c.RSS",
            ".hidden.html",
            "image.png",
            "feed.json",
        ] {
            fs::write(dir.path().join(name), "x")?;
        }
        fs::create_dir(dir.path().join("sub.html"))?;
        let folder = dir.path().to_string_lossy().to_string();
        let (inputs, errors) = classify_inputs(&[folder]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = inputs
            .iter()
            .map(|input| match input {
                Input::File(path) => path.file_name().unwrap().to_string_lossy().to_string(),
                Input::Url(url) => url.clone(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.html", "c.RSS", "feed.json"]);
        Ok(())
    }

    #[test]
    fn missing_path_and_empty_folder_are_errors_naming_the_path() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let missing = dir.path().join("nope.html");
        let (inputs, errors) = classify_inputs(&[
            missing.to_string_lossy().to_string(),
            dir.path().to_string_lossy().to_string(),
        ]);
        assert!(inputs.is_empty());
        assert!(matches!(errors[0], SourceError::MissingPath { .. }));
        assert!(errors[0].to_string().contains("nope.html"));
        assert!(matches!(errors[1], SourceError::EmptyFolder { .. }));
        Ok(())
    }

    #[test]
    fn explicit_file_with_any_extension_is_accepted() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("page");
        fs::write(&path, "<html></html>")?;
        let (inputs, errors) = classify_inputs(&[path.to_string_lossy().to_string()]);
        assert!(errors.is_empty());
        assert_eq!(inputs, vec![Input::File(path)]);
        Ok(())
    }

    #[test]
    fn kind_detection_prefers_content_then_type_then_extension() {
        let rss = b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">";
        assert_eq!(
            detect_kind(Some("a.html"), Some("text/html"), rss),
            DocumentKind::Feed
        );
        let atom = b"<feed xmlns=\"http://www.w3.org/2005/Atom\">";
        assert_eq!(detect_kind(None, None, atom), DocumentKind::Feed);
        let json = br#"{ "version" : "https://jsonfeed.org/version/1.1", "items": [] }"#;
        assert_eq!(
            detect_kind(None, Some("application/json"), json),
            DocumentKind::Feed
        );
        let html = b"<!DOCTYPE html><html lang=\"ar\"><body><feed>";
        assert_eq!(detect_kind(Some("x.xml"), None, html), DocumentKind::Html);
        let text = "خبر عاجل\nنص الخبر".as_bytes();
        assert_eq!(
            detect_kind(Some("dump.txt"), None, text),
            DocumentKind::Text
        );
        assert_eq!(
            detect_kind(None, Some("text/plain; charset=utf-8"), text),
            DocumentKind::Text
        );
        assert_eq!(
            detect_kind(Some("https://x.com/f.rss?x=1"), None, b"junk"),
            DocumentKind::Feed
        );
        assert_eq!(detect_kind(None, None, text), DocumentKind::Text);
        assert_eq!(
            detect_kind(None, None, b"<div><p>x</p></div>"),
            DocumentKind::Html
        );
    }

    #[test]
    fn read_file_decodes_and_enforces_the_cap() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("page.html");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(
            "<html><head><meta charset=\"windows-1256\"></head><body>أخبار اليوم</body></html>",
        );
        fs::write(&path, &bytes)?;
        let doc = read_file(&path, 1000).map_err(std::io::Error::other)?;
        assert!(doc.text.contains("أخبار اليوم"));
        assert_eq!(doc.charset, "windows-1256");
        assert_eq!(doc.kind, DocumentKind::Html);
        let too_small = read_file(&path, 10);
        assert!(matches!(
            too_small,
            Err(SourceError::FileTooLarge { cap: 10, .. })
        ));
        Ok(())
    }
}
