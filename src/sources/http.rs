//! The HTTP client: one reqwest blocking client with timeouts, a redirect limit, a body-size
//! cap, gzip/brotli, http/https only (redirect targets included), bounded retries with
//! exponential backoff for transient failures, a per-host concurrency limit, and the on-disk
//! conditional-GET cache ([`crate::sources::cache`]).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::header::{self, HeaderMap};

use super::cache::{CachedResponse, HttpCache, StoreRequest};
use super::{charset, validate_http_url, SourceError};

/// Settings of the HTTP client.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Time allowed to establish a connection (TCP and TLS).
    pub connect_timeout: Duration,
    /// Total time allowed for one request: connect, headers and the whole body.
    pub read_timeout: Duration,
    /// Redirects followed before giving up (a loop ends here too).
    pub max_redirects: usize,
    /// Largest body accepted, after decompression; reading stops at this size.
    pub max_body_bytes: u64,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Requests in flight at once in [`HttpClient::fetch_all`].
    pub max_concurrency: usize,
    /// Requests in flight at once to one host in [`HttpClient::fetch_all`].
    pub per_host_concurrency: usize,
    /// Extra attempts after a transient failure (connection refused/reset, 5xx, 429).
    pub retries: u32,
    /// First backoff delay; it doubles with every retry.
    pub retry_base_delay: Duration,
    /// Longest wait honoured from a `Retry-After` header (and longest backoff).
    pub max_retry_wait: Duration,
    /// Whether a timeout counts as transient. Off by default, so a server that never answers
    /// costs one timeout rather than `retries + 1` of them.
    pub retry_on_timeout: bool,
    /// Folder of the conditional-GET cache; `None` disables caching.
    pub cache_dir: Option<PathBuf>,
}

/// The default `User-Agent`: names nashra, its version and what it does.
pub fn default_user_agent() -> String {
    format!(
        "nashra/{} (spoken news briefing; +https://example.invalid/nashra)",
        env!("CARGO_PKG_VERSION")
    )
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_body_bytes: 10 * 1024 * 1024,
            user_agent: default_user_agent(),
            max_concurrency: 4,
            per_host_concurrency: 2,
            retries: 2,
            retry_base_delay: Duration::from_millis(250),
            max_retry_wait: Duration::from_secs(10),
            retry_on_timeout: false,
            cache_dir: None,
        }
    }
}

/// A fetched document.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL as requested.
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    /// The status received: 200 for a fresh body, 304 when the body came from the cache.
    pub status: u16,
    /// The `Content-Type` header (the cached one after a 304).
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// The body decoded to text (see [`charset::decode`]).
    pub text: String,
    /// The name of the charset used for decoding.
    pub charset: String,
    /// Whether the body came from the on-disk cache after a 304 Not Modified.
    pub from_cache: bool,
}

impl Fetched {
    /// What the document is (feed, HTML page or text), from its content, type and URL.
    #[cfg(test)]
    pub fn kind(&self) -> super::DocumentKind {
        super::detect_kind(
            Some(&self.final_url),
            self.content_type.as_deref(),
            &self.bytes,
        )
    }
}

/// The HTTP client shared by every fetch of a run.
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: Client,
    config: HttpConfig,
    cache: Option<HttpCache>,
}

/// Why a redirect was refused (carried through reqwest's error chain).
#[derive(Debug)]
enum RedirectRefusal {
    TooMany,
    Scheme(String),
}

impl std::fmt::Display for RedirectRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooMany => f.write_str("too many redirects"),
            Self::Scheme(target) => write!(f, "redirect to non-http(s) URL {target}"),
        }
    }
}

impl std::error::Error for RedirectRefusal {}

/// A failed attempt, with whether it is worth retrying.
struct Failure {
    error: SourceError,
    transient: bool,
    retry_after: Option<Duration>,
}

impl Failure {
    fn fatal(error: SourceError) -> Self {
        Self {
            error,
            transient: false,
            retry_after: None,
        }
    }

    fn transient(error: SourceError) -> Self {
        Self {
            error,
            transient: true,
            retry_after: None,
        }
    }
}

impl HttpClient {
    /// Build the client from `config`.
    pub fn new(config: HttpConfig) -> Result<Self, SourceError> {
        let max_redirects = config.max_redirects;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if !matches!(attempt.url().scheme(), "http" | "https") {
                let target = attempt.url().to_string();
                attempt.error(RedirectRefusal::Scheme(target))
            } else if attempt.previous().len() > max_redirects {
                attempt.error(RedirectRefusal::TooMany)
            } else {
                attempt.follow()
            }
        });
        let client = Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.read_timeout)
            .redirect(policy)
            .gzip(true)
            .brotli(true)
            .build()
            .map_err(|error| SourceError::ClientSetup {
                reason: error_chain(&error),
            })?;
        let cache = config.cache_dir.clone().map(HttpCache::new);
        Ok(Self {
            client,
            config,
            cache,
        })
    }

    /// The settings in use.
    #[cfg(test)]
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Fetch one http(s) URL, through the cache, retrying transient failures.
    pub fn fetch(&self, url: &str) -> Result<Fetched, SourceError> {
        validate_http_url(url)?;
        let cached = self
            .cache
            .as_ref()
            .and_then(|cache| cache.load(url, self.config.max_body_bytes));
        let mut attempt = 0;
        loop {
            match self.attempt(url, cached.as_ref()) {
                Ok(fetched) => return Ok(fetched),
                Err(failure) if failure.transient && attempt < self.config.retries => {
                    thread::sleep(self.retry_delay(attempt, failure.retry_after));
                    attempt += 1;
                }
                Err(failure) => return Err(failure.error),
            }
        }
    }

    /// Fetch many URLs concurrently (at most `max_concurrency` at once, at most
    /// `per_host_concurrency` per host); results come back in the order of `urls`.
    pub fn fetch_all(&self, urls: &[String]) -> Vec<Result<Fetched, SourceError>> {
        let slots: Vec<Mutex<Option<Result<Fetched, SourceError>>>> =
            urls.iter().map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        let hosts = HostLimiter::new(self.config.per_host_concurrency);
        let workers = self.config.max_concurrency.clamp(1, urls.len().max(1));
        thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(url) = urls.get(index) else { break };
                    let _permit = hosts.acquire(host_of(url));
                    let result = self.fetch(url);
                    *slots[index].lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
                });
            }
        });
        slots
            .into_iter()
            .zip(urls)
            .map(|(slot, url)| {
                slot.into_inner()
                    .unwrap_or_else(PoisonError::into_inner)
                    .unwrap_or_else(|| {
                        Err(SourceError::Network {
                            url: url.clone(),
                            reason: "fetch did not complete".to_string(),
                        })
                    })
            })
            .collect()
    }

    fn retry_delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let backoff = self
            .config
            .retry_base_delay
            .saturating_mul(2u32.saturating_pow(attempt));
        backoff
            .max(retry_after.unwrap_or_default())
            .min(self.config.max_retry_wait)
    }

    fn attempt(&self, url: &str, cached: Option<&CachedResponse>) -> Result<Fetched, Failure> {
        let started = Instant::now();
        let request = with_validators(
            self.client.get(url).timeout(self.config.read_timeout),
            cached,
        );
        let response = request
            .send()
            .map_err(|error| self.classify_send_error(url, &error))?;
        let status = response.status().as_u16();
        if status == 304 {
            return match cached {
                Some(entry) => Ok(from_cache(url, entry)),
                None => Err(Failure::fatal(SourceError::HttpStatus {
                    url: url.to_string(),
                    status,
                })),
            };
        }
        if let Some(target) = refused_redirect_target(&response) {
            return Err(Failure::fatal(SourceError::RedirectRefused {
                url: url.to_string(),
                target,
            }));
        }
        if !(200..300).contains(&status) {
            return Err(self.status_failure(url, status, response.headers()));
        }
        self.read_response(url, response, started)
    }

    fn read_response(
        &self,
        url: &str,
        mut response: Response,
        started: Instant,
    ) -> Result<Fetched, Failure> {
        let final_url = response.url().to_string();
        let headers = response.headers().clone();
        let content_type = header_text(&headers, header::CONTENT_TYPE);
        if let Some(kind) = content_type.as_deref().filter(|ct| is_media_type(ct)) {
            return Err(Failure::fatal(SourceError::NotADocument {
                url: url.to_string(),
                content_type: kind.to_string(),
            }));
        }
        let bytes = self.read_body(url, &mut response, started)?;
        if looks_binary(&bytes) {
            return Err(Failure::fatal(SourceError::NotADocument {
                url: url.to_string(),
                content_type: content_type.unwrap_or_else(|| "binary data".to_string()),
            }));
        }
        self.remember(url, &final_url, &headers, content_type.as_deref(), &bytes);
        let decoded = charset::decode(&bytes, content_type.as_deref(), Some(&final_url));
        Ok(Fetched {
            url: url.to_string(),
            final_url,
            status: response.status().as_u16(),
            content_type,
            bytes,
            text: decoded.text,
            charset: decoded.charset,
            from_cache: false,
        })
    }

    /// Read the body in chunks, stopping as soon as it exceeds the cap or the deadline passes.
    fn read_body(
        &self,
        url: &str,
        response: &mut Response,
        started: Instant,
    ) -> Result<Vec<u8>, Failure> {
        let cap = self.config.max_body_bytes;
        let too_large = || {
            Failure::fatal(SourceError::BodyTooLarge {
                url: url.to_string(),
                cap,
            })
        };
        if response.content_length().is_some_and(|length| length > cap) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let read = match response.read(&mut chunk) {
                Ok(0) => return Ok(body),
                Ok(read) => read,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(self.classify_body_error(url, &error)),
            };
            if body.len() as u64 + read as u64 > cap {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk[..read]);
            if started.elapsed() > self.config.read_timeout {
                return Err(self.timeout_failure(url));
            }
        }
    }

    fn remember(
        &self,
        url: &str,
        final_url: &str,
        headers: &HeaderMap,
        content_type: Option<&str>,
        body: &[u8],
    ) {
        let Some(cache) = &self.cache else { return };
        let etag = header_text(headers, header::ETAG);
        let last_modified = header_text(headers, header::LAST_MODIFIED);
        if etag.is_none() && last_modified.is_none() {
            cache.remove(url);
            return;
        }
        // A cache that cannot be written only costs a refetch next time.
        let _ = cache.store(StoreRequest {
            url,
            final_url,
            content_type,
            etag: etag.as_deref(),
            last_modified: last_modified.as_deref(),
            body,
        });
    }

    fn timeout_failure(&self, url: &str) -> Failure {
        Failure {
            error: SourceError::Timeout {
                url: url.to_string(),
                after: self.config.read_timeout,
            },
            transient: self.config.retry_on_timeout,
            retry_after: None,
        }
    }

    fn status_failure(&self, url: &str, status: u16, headers: &HeaderMap) -> Failure {
        let error = SourceError::HttpStatus {
            url: url.to_string(),
            status,
        };
        Failure {
            error,
            transient: status == 429 || (500..600).contains(&status),
            retry_after: header_text(headers, header::RETRY_AFTER)
                .and_then(|value| parse_retry_after(&value)),
        }
    }

    fn classify_send_error(&self, url: &str, error: &reqwest::Error) -> Failure {
        if let Some(refusal) = find_in_chain::<RedirectRefusal>(error) {
            return Failure::fatal(match refusal {
                RedirectRefusal::TooMany => SourceError::TooManyRedirects {
                    url: url.to_string(),
                    max: self.config.max_redirects,
                },
                RedirectRefusal::Scheme(target) => SourceError::RedirectRefused {
                    url: url.to_string(),
                    target: target.clone(),
                },
            });
        }
        if error.is_timeout() {
            return self.timeout_failure(url);
        }
        let reason = error_chain(error);
        if error.is_connect() {
            Failure::transient(SourceError::Connect {
                url: url.to_string(),
                reason,
            })
        } else {
            Failure::transient(SourceError::Network {
                url: url.to_string(),
                reason,
            })
        }
    }

    fn classify_body_error(&self, url: &str, error: &std::io::Error) -> Failure {
        let timed_out = error.kind() == std::io::ErrorKind::TimedOut
            || error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if timed_out {
            return self.timeout_failure(url);
        }
        Failure::transient(SourceError::Network {
            url: url.to_string(),
            reason: error_chain(error),
        })
    }
}

fn with_validators(request: RequestBuilder, cached: Option<&CachedResponse>) -> RequestBuilder {
    let Some(entry) = cached else { return request };
    let mut request = request;
    if let Some(etag) = &entry.meta.etag {
        request = request.header(header::IF_NONE_MATCH, etag);
    }
    if let Some(last_modified) = &entry.meta.last_modified {
        request = request.header(header::IF_MODIFIED_SINCE, last_modified);
    }
    request
}

fn from_cache(url: &str, entry: &CachedResponse) -> Fetched {
    let content_type = entry.meta.content_type.clone();
    let decoded = charset::decode(
        &entry.body,
        content_type.as_deref(),
        Some(&entry.meta.final_url),
    );
    Fetched {
        url: url.to_string(),
        final_url: entry.meta.final_url.clone(),
        status: 304,
        content_type,
        bytes: entry.body.clone(),
        text: decoded.text,
        charset: decoded.charset,
        from_cache: true,
    }
}

/// reqwest hands back (instead of following) a redirect to a scheme it cannot fetch; name it.
fn refused_redirect_target(response: &Response) -> Option<String> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = header_text(response.headers(), header::LOCATION)?;
    let target = response.url().join(&location).ok()?;
    (!matches!(target.scheme(), "http" | "https")).then(|| target.to_string())
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// `Retry-After` as seconds or an HTTP date; a date in the past means no wait.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value.trim()).ok()?;
    let wait = date.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or_default())
}

/// Content types that can never be a news document.
fn is_media_type(content_type: &str) -> bool {
    let mime = content_type.trim().to_ascii_lowercase();
    ["image/", "audio/", "video/", "font/"]
        .iter()
        .any(|prefix| mime.starts_with(prefix))
}

/// NUL bytes near the start mean binary data (UTF-16 text has a BOM and is allowed).
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    bytes.iter().take(1024).any(|&b| b == 0)
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default()
}

/// The first error of type `T` in the source chain of `error` (the error itself included).
fn find_in_chain<'a, T: std::error::Error + 'static>(
    error: &'a (dyn std::error::Error + 'static),
) -> Option<&'a T> {
    let mut current = Some(error);
    while let Some(err) = current {
        if let Some(found) = err.downcast_ref::<T>() {
            return Some(found);
        }
        current = err.source();
    }
    None
}

/// An error and its sources on one line, without repeated messages or reqwest's generic
/// wrappers (the URL is already named by [`SourceError`]).
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = Some(error);
    while let Some(err) = current {
        let message = err.to_string();
        let generic = message.contains(" for url (") || message.starts_with("client error (");
        if !generic && !parts.iter().any(|part| part.contains(&message)) {
            parts.push(message);
        }
        current = err.source();
    }
    if parts.is_empty() {
        parts.push(error.to_string());
    }
    parts.join(": ").replace('\n', " ")
}

/// Limits how many requests run at once against one host.
struct HostLimiter {
    limit: usize,
    in_flight: Mutex<HashMap<String, usize>>,
    released: Condvar,
}

/// A slot held while a request to one host runs.
struct HostPermit<'a> {
    limiter: &'a HostLimiter,
    host: String,
}

impl HostLimiter {
    fn new(limit: usize) -> Self {
        Self {
            limit: limit.max(1),
            in_flight: Mutex::new(HashMap::new()),
            released: Condvar::new(),
        }
    }

    fn acquire(&self, host: String) -> HostPermit<'_> {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        while in_flight.get(&host).copied().unwrap_or(0) >= self.limit {
            in_flight = self
                .released
                .wait(in_flight)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *in_flight.entry(host.clone()).or_insert(0) += 1;
        HostPermit {
            limiter: self,
            host,
        }
    }
}

impl Drop for HostPermit<'_> {
    fn drop(&mut self) {
        let mut in_flight = self
            .limiter
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = in_flight.get_mut(&self.host) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                in_flight.remove(&self.host);
            }
        }
        self.limiter.released.notify_all();
    }
}

#[cfg(test)]
#[path = "http_tests.rs"]
mod tests;
