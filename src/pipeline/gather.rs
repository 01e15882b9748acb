//! Gathering: command-line sources (files, folders, URLs, feeds) resolved, fetched and
//! extracted into articles. Every input ends as one outcome: an article, or a one-line error
//! naming it. Feeds expand to one outcome per entry.
use std::collections::HashMap;

use crate::extract::{self, Article};
use crate::sources::feed::{self, EntryFilter, FeedEntry};
use crate::sources::http::{HttpClient, HttpConfig};
use crate::sources::{self, DocumentKind, Input};

/// How sources are read.
#[derive(Debug, Clone, Default)]
pub struct GatherOptions {
    /// HTTP client settings.
    pub http: HttpConfig,
    /// Which feed entries to read.
    pub entries: EntryFilter,
    /// Largest local file read.
    pub max_file_bytes: Option<u64>,
    /// Display names of sources, by feed URL or host (from the config file).
    pub source_names: HashMap<String, String>,
}

/// What became of one input.
#[derive(Debug)]
pub struct InputOutcome {
    /// The input (path, URL, or a feed entry's link).
    pub input: String,
    /// The article, or a one-line error naming the input.
    pub result: Result<Article, String>,
}

/// A document read from a file or fetched, before extraction.
struct Document {
    origin: String,
    kind: DocumentKind,
    text: String,
    bytes: Vec<u8>,
}

/// Read every source into articles (in input order; feeds expand in place).
pub fn gather(
    args: &[String],
    options: &GatherOptions,
    progress: &dyn crate::progress::Progress,
) -> Vec<InputOutcome> {
    let (inputs, errors) = sources::classify_inputs(args);
    let mut outcomes: Vec<InputOutcome> = errors
        .into_iter()
        .map(|e| InputOutcome {
            input: error_subject(&e),
            result: Err(e.to_string()),
        })
        .collect();
    let client = match HttpClient::new(options.http.clone()) {
        Ok(client) => Some(client),
        Err(e) => {
            progress.warn(&e.to_string());
            None
        }
    };
    progress.begin("sources", inputs.len() as u64);
    let documents = read_inputs(&inputs, options, client.as_ref());
    for (input, document) in documents {
        match document {
            Ok(document) if document.kind == DocumentKind::Feed => {
                outcomes.extend(expand_feed(&document, options, client.as_ref()));
            }
            Ok(document) => outcomes.push(extract_document(&document, options)),
            Err(error) => outcomes.push(InputOutcome {
                input,
                result: Err(error),
            }),
        }
        progress.step();
    }
    progress.end();
    outcomes
}

fn error_subject(error: &sources::SourceError) -> String {
    error
        .to_string()
        .split(": ")
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Read files and fetch URLs (concurrently), keeping input order.
fn read_inputs(
    inputs: &[Input],
    options: &GatherOptions,
    client: Option<&HttpClient>,
) -> Vec<(String, Result<Document, String>)> {
    let urls: Vec<String> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Url(url) => Some(url.clone()),
            Input::File(_) => None,
        })
        .collect();
    let mut fetched = fetch_urls(&urls, client).into_iter();
    let max_file = options
        .max_file_bytes
        .unwrap_or(sources::DEFAULT_MAX_FILE_BYTES);
    inputs
        .iter()
        .map(|input| match input {
            Input::File(path) => {
                let name = path.display().to_string();
                let document = sources::read_file(path, max_file)
                    .map(|f| Document {
                        origin: name.clone(),
                        kind: f.kind,
                        text: f.text,
                        bytes: f.bytes,
                    })
                    .map_err(|e| e.to_string());
                (name, document)
            }
            Input::Url(url) => {
                let result = fetched
                    .next()
                    .unwrap_or_else(|| Err(format!("{url}: not fetched")));
                (url.clone(), result)
            }
        })
        .collect()
}

fn fetch_urls(urls: &[String], client: Option<&HttpClient>) -> Vec<Result<Document, String>> {
    let Some(client) = client else {
        return urls
            .iter()
            .map(|u| Err(format!("{u}: no HTTP client")))
            .collect();
    };
    client
        .fetch_all(urls)
        .into_iter()
        .map(|result| {
            result
                .map(|f| Document {
                    kind: sources::detect_kind(
                        Some(&f.final_url),
                        f.content_type.as_deref(),
                        &f.bytes,
                    ),
                    origin: f.final_url,
                    text: f.text,
                    bytes: f.bytes,
                })
                .map_err(|e| e.to_string())
        })
        .collect()
}

fn extract_document(document: &Document, options: &GatherOptions) -> InputOutcome {
    let kind = match document.kind {
        DocumentKind::Text => extract::DocumentKind::Text,
        _ => extract::DocumentKind::Html,
    };
    let result = extract::extract(&document.text, kind, Some(&document.origin))
        .map(|article| with_source_name(article, &document.origin, options))
        .map_err(|e| e.to_string());
    InputOutcome {
        input: document.origin.clone(),
        result,
    }
}

/// Expand a feed: fetch every selected entry's page and extract it; where the page cannot be
/// fetched or gives less text than the entry itself, use the entry's own content.
fn expand_feed(
    document: &Document,
    options: &GatherOptions,
    client: Option<&HttpClient>,
) -> Vec<InputOutcome> {
    let base = document
        .origin
        .starts_with("http")
        .then_some(document.origin.as_str());
    let entries = match feed::parse_feed(&document.bytes, base) {
        Ok(entries) => feed::select_entries(entries, &options.entries),
        Err(e) => {
            return vec![InputOutcome {
                input: document.origin.clone(),
                result: Err(e.to_string()),
            }]
        }
    };
    let links: Vec<String> = entries.iter().filter_map(|e| e.link.clone()).collect();
    let mut pages = fetch_urls(&links, client).into_iter();
    entries
        .iter()
        .map(|entry| {
            let page = entry.link.as_ref().and_then(|_| pages.next());
            let input = entry
                .link
                .clone()
                .unwrap_or_else(|| format!("{} (entry {})", document.origin, entry.id));
            let result = article_from_entry(entry, page, &document.origin, options);
            InputOutcome { input, result }
        })
        .collect()
}

fn article_from_entry(
    entry: &FeedEntry,
    page: Option<Result<Document, String>>,
    feed_origin: &str,
    options: &GatherOptions,
) -> Result<Article, String> {
    let from_page = match page {
        Some(Ok(doc)) if doc.kind != DocumentKind::Feed => {
            extract::extract_html(&doc.text, Some(&doc.origin)).map_err(|e| e.to_string())
        }
        Some(Ok(doc)) => Err(format!(
            "{}: the link points at a feed, not an article",
            doc.origin
        )),
        Some(Err(e)) => Err(e),
        None => Err(format!(
            "{feed_origin}: entry `{}` has no link",
            entry.title
        )),
    };
    let from_entry = entry.content_html.as_deref().map(|html| {
        extract::extract_html(
            &format!("<html><body><article>{html}</article></body></html>"),
            entry.link.as_deref(),
        )
    });
    let article = match (from_page, from_entry) {
        (Ok(page), Some(Ok(own))) if own.word_count() > page.word_count() => own,
        (Ok(page), _) => page,
        (Err(_), Some(Ok(own))) => own,
        (Err(e), _) => return Err(e),
    };
    let mut article = article;
    if article.title.trim().is_empty() || !entry.title.trim().is_empty() && article.title.len() < 3
    {
        article.title = entry.title.clone();
    }
    if article.url.is_none() {
        article.url = entry.link.clone();
    }
    if article.source_name.is_none() {
        article.source_name = options
            .source_names
            .get(feed_origin)
            .cloned()
            .or_else(|| entry.feed_title.clone());
    }
    Ok(with_source_name(article, feed_origin, options))
}

/// Give the article the configured display name of its source, when there is one.
fn with_source_name(mut article: Article, origin: &str, options: &GatherOptions) -> Article {
    let host = url::Url::parse(origin)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    let configured = options
        .source_names
        .get(origin)
        .or_else(|| host.as_ref().and_then(|h| options.source_names.get(h)));
    if let Some(name) = configured {
        article.source_name = Some(name.clone());
    }
    article
}
