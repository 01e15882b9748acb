//! On-disk HTTP cache for conditional GET.
//!
//! Each URL is stored under the sha256 of the URL as two files: `<key>.body` (the body bytes)
//! and `<key>.json` (metadata: validators, final URL, content type, fetch time, and the body's
//! length and sha256). Both are written atomically, body first; an entry whose body does not
//! match its metadata (truncated, corrupt, or half-replaced) is ignored and refetched.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Version of the on-disk layout; entries of another version are ignored.
const FORMAT_VERSION: u32 = 1;

/// Largest metadata file that is read (anything bigger is corrupt).
const MAX_META_BYTES: u64 = 64 * 1024;

/// What is remembered about one cached response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheMeta {
    /// Layout version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// The requested URL (guards against key collisions).
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    /// The `Content-Type` header of the response.
    pub content_type: Option<String>,
    /// The `ETag` header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// When the body was fetched.
    pub fetched_at: DateTime<Utc>,
    /// Length of the body in bytes.
    pub body_len: u64,
    /// Hex sha256 of the body.
    pub body_sha256: String,
}

/// A cache entry that passed its integrity check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedResponse {
    /// The metadata.
    pub meta: CacheMeta,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// The response fields stored by [`HttpCache::store`].
#[derive(Debug, Clone, Copy)]
pub struct StoreRequest<'a> {
    /// The requested URL.
    pub url: &'a str,
    /// The URL after redirects.
    pub final_url: &'a str,
    /// The `Content-Type` header.
    pub content_type: Option<&'a str>,
    /// The `ETag` header.
    pub etag: Option<&'a str>,
    /// The `Last-Modified` header.
    pub last_modified: Option<&'a str>,
    /// The body bytes.
    pub body: &'a [u8],
}

/// A folder of cached responses.
#[derive(Debug, Clone)]
pub struct HttpCache {
    dir: PathBuf,
}

impl HttpCache {
    /// A cache stored in `dir` (created on the first store).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The cache key of `url`: the hex sha256 of the URL.
    pub fn key(url: &str) -> String {
        hex::encode(Sha256::digest(url.as_bytes()))
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let key = Self::key(url);
        (
            self.dir.join(format!("{key}.json")),
            self.dir.join(format!("{key}.body")),
        )
    }

    /// The entry for `url` if present, intact, and not larger than `max_body_bytes`; `None`
    /// otherwise (a missing, corrupt or truncated entry is never an error).
    pub fn load(&self, url: &str, max_body_bytes: u64) -> Option<CachedResponse> {
        let (meta_path, body_path) = self.paths(url);
        let meta_bytes = read_capped(&meta_path, MAX_META_BYTES).ok()??;
        let meta: CacheMeta = serde_json::from_slice(&meta_bytes).ok()?;
        if meta.format != FORMAT_VERSION || meta.url != url || meta.body_len > max_body_bytes {
            return None;
        }
        let body = read_capped(&body_path, meta.body_len).ok()??;
        let intact = body.len() as u64 == meta.body_len
            && hex::encode(Sha256::digest(&body)) == meta.body_sha256;
        intact.then_some(CachedResponse { meta, body })
    }

    /// Store a response; the body is written before its metadata, both atomically.
    pub fn store(&self, response: StoreRequest<'_>) -> io::Result<()> {
        let (meta_path, body_path) = self.paths(response.url);
        let meta = CacheMeta {
            format: FORMAT_VERSION,
            url: response.url.to_string(),
            final_url: response.final_url.to_string(),
            content_type: response.content_type.map(str::to_string),
            etag: response.etag.map(str::to_string),
            last_modified: response.last_modified.map(str::to_string),
            fetched_at: Utc::now(),
            body_len: response.body.len() as u64,
            body_sha256: hex::encode(Sha256::digest(response.body)),
        };
        let meta_json = serde_json::to_vec_pretty(&meta).map_err(io::Error::other)?;
        crate::fsutil::write_atomic(&body_path, response.body)?;
        crate::fsutil::write_atomic(&meta_path, &meta_json)
    }

    /// Forget the entry for `url`.
    pub fn remove(&self, url: &str) {
        let (meta_path, body_path) = self.paths(url);
        let _ = fs::remove_file(meta_path);
        let _ = fs::remove_file(body_path);
    }
}

/// Read at most `cap` bytes of `path`; `Ok(None)` when the file is longer than `cap`.
fn read_capped(path: &Path, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(url: &'a str, body: &'a [u8]) -> StoreRequest<'a> {
        StoreRequest {
            url,
            final_url: url,
            content_type: Some("text/html; charset=utf-8"),
            etag: Some("\"v1\""),
            last_modified: None,
            body,
        }
    }

    #[test]
    fn stored_entry_round_trips() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let cache = HttpCache::new(dir.path().join("http"));
        let url = "https://example.com/خبر";
        cache.store(request(url, "نص الخبر".as_bytes()))?;
        let entry = cache.load(url, 1 << 20).expect("entry");
        assert_eq!(entry.body, "نص الخبر".as_bytes());
        assert_eq!(entry.meta.etag.as_deref(), Some("\"v1\""));
        assert!(cache.load("https://example.com/other", 1 << 20).is_none());
        assert!(
            cache.load(url, 3).is_none(),
            "entries over the cap are ignored"
        );
        Ok(())
    }

    #[test]
    fn corrupt_or_truncated_entries_are_ignored() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let cache = HttpCache::new(dir.path());
        let url = "https://example.com/a";
        let key = HttpCache::key(url);
        let body_path = dir.path().join(format!("{key}.body"));
        let meta_path = dir.path().join(format!("{key}.json"));

        cache.store(request(url, b"0123456789"))?;
        fs::write(&body_path, b"01234")?;
        assert!(cache.load(url, 100).is_none(), "truncated body");

        cache.store(request(url, b"0123456789"))?;
        fs::write(&body_path, b"0123456780")?;
        assert!(
            cache.load(url, 100).is_none(),
            "same length, different bytes"
        );

        cache.store(request(url, b"0123456789"))?;
        fs::write(&meta_path, b"{\"format\": 1, \"url\": ")?;
        assert!(cache.load(url, 100).is_none(), "truncated metadata");

        fs::write(&meta_path, vec![b'x'; 100_000])?;
        assert!(cache.load(url, 100).is_none(), "oversized metadata");

        cache.remove(url);
        assert!(cache.load(url, 100).is_none());
        Ok(())
    }
}
