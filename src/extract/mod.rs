//! Extraction: turn an HTML page or a plain-text dump of a news page into an [`Article`] holding
//! only what a listener should hear — the headline and the body paragraphs, in reading order.
//!
//! HTML goes through `html` (a readability-style content scorer) checked against the page's
//! JSON-LD / OpenGraph metadata (`jsonld`); text dumps go through `text_dump`. Both end in the
//! same Arabic/English furniture rules (`boilerplate`). `dedup` finds the same story told
//! twice, and `score` measures extraction quality against gold text.

pub(crate) mod article;
pub(crate) mod boilerplate;
pub(crate) mod dedup;
pub(crate) mod html;
pub(crate) mod jsonld;
pub(crate) mod nesting;
pub(crate) mod score;
pub(crate) mod text_dump;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use article::{detect_lang, Article, Extraction, Strategy};

/// Largest document accepted, in bytes (10 MB). Bigger pages are refused with
/// [`ExtractError::TooLarge`] rather than parsed.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// Why a document could not be turned into an article. Every message names the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The document is empty or only whitespace.
    #[error("{input}: the document is empty")]
    Empty {
        /// The origin of the document (URL or path), or `<input>`.
        input: String,
    },
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    #[error("{input}: document is {size} bytes, more than the {limit}-byte limit")]
    TooLarge {
        /// The origin of the document.
        input: String,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The document does not look like HTML (no markup), or is binary.
    #[error("{input}: not an HTML document ({reason})")]
    NotHtml {
        /// The origin of the document.
        input: String,
        /// What gave it away.
        reason: String,
    },
    /// No article text was found (the page may be an index, a video page or a paywall).
    #[error("{input}: no article text found")]
    NoText {
        /// The origin of the document.
        input: String,
    },
}

/// The kind of document handed to [`extract`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// An HTML or XHTML page.
    Html,
    /// A plain-text dump of a news page.
    Text,
}

/// The document kind a file name implies: `.html`, `.htm`, `.xhtml` → HTML, `.txt` → text;
/// anything else → `None`. The extension is matched case-insensitively.
pub fn kind_from_path(path: impl AsRef<Path>) -> Option<DocumentKind> {
    let extension = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" | "xhtml" => Some(DocumentKind::Html),
        "txt" => Some(DocumentKind::Text),
        _ => None,
    }
}

/// Extract the article from a document of the given kind. `origin` (URL or path) becomes
/// [`Article::url`] and names the input in errors.
pub fn extract(
    content: &str,
    kind: DocumentKind,
    origin: Option<&str>,
) -> Result<Article, ExtractError> {
    match kind {
        DocumentKind::Html => extract_html(content, origin),
        DocumentKind::Text => extract_text_dump(content, origin),
    }
}

/// Extract the article from an HTML page: JSON-LD/OpenGraph metadata, the content scorer and the
/// boilerplate rules. Fails on empty, oversized or non-HTML input and on pages with no article text.
pub fn extract_html(html: &str, origin: Option<&str>) -> Result<Article, ExtractError> {
    let input = input_name(origin);
    check_size(html, &input)?;
    if !looks_like_html(html) {
        return Err(ExtractError::NotHtml {
            input,
            reason: "no markup found".to_string(),
        });
    }
    let article = html::extract_article(html, origin);
    finish(article, input)
}

/// Extract the article from a plain-text dump of a news page (one paragraph per line): find the
/// headline, keep the body, drop the page furniture.
pub fn extract_text_dump(text: &str, origin: Option<&str>) -> Result<Article, ExtractError> {
    let input = input_name(origin);
    check_size(text, &input)?;
    let article = text_dump::extract_article(text, origin);
    finish(article, input)
}

fn finish(article: Article, input: String) -> Result<Article, ExtractError> {
    if article.is_empty() {
        Err(ExtractError::NoText { input })
    } else {
        Ok(article)
    }
}

fn input_name(origin: Option<&str>) -> String {
    origin.unwrap_or("<input>").to_string()
}

fn check_size(content: &str, input: &str) -> Result<(), ExtractError> {
    if content.len() > MAX_DOCUMENT_BYTES {
        return Err(ExtractError::TooLarge {
            input: input.to_string(),
            size: content.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if content.trim().is_empty() {
        return Err(ExtractError::Empty {
            input: input.to_string(),
        });
    }
    if content.contains('\0') {
        return Err(ExtractError::NotHtml {
            input: input.to_string(),
            reason: "binary content (NUL bytes)".to_string(),
        });
    }
    Ok(())
}

/// True when the text contains at least one tag-like `<x`, `</x` or `<!`.
fn looks_like_html(content: &str) -> bool {
    content.as_bytes().windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || pair[1] == b'/' || pair[1] == b'!')
    })
}

/// Collapse every run of whitespace (including no-break spaces) into one space, drop invisible
/// formatting characters (zero-width, bidi marks, BOM) and trim.
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}
