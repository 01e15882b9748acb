//! The `Article`: what extraction hands to the rest of the pipeline.
use serde::{Deserialize, Serialize};

/// One news story reduced to what a listener should hear: its headline and body paragraphs,
/// in reading order, with no page furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    /// Where the story came from: a URL, or a file path for saved pages.
    pub url: Option<String>,
    /// The outlet's display name (from config, JSON-LD publisher, og:site_name or the host).
    pub source_name: Option<String>,
    /// The headline.
    pub title: String,
    /// Publication time as given by the page (ISO 8601 when known).
    pub published: Option<String>,
    /// The byline, kept apart from the body.
    pub byline: Option<String>,
    /// Body paragraphs in reading order, each a single line of plain text.
    pub paragraphs: Vec<String>,
    /// ISO 639-1 language code of the text (`ar`, `en`, …).
    pub lang: String,
    /// How the body was found, and how much text the page showed.
    #[serde(default)]
    pub extraction: Extraction,
}

/// Which extraction strategy produced an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// The best-scoring content container (and the siblings that belong to it).
    #[default]
    Container,
    /// The densest run of paragraph-like blocks, when the best container was tiny.
    DensestRun,
    /// The page's JSON-LD `articleBody`, when the page itself showed almost no text.
    Metadata,
    /// The line rules for plain-text dumps.
    TextDump,
}

impl Strategy {
    /// The strategy's name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Container => "container",
            Strategy::DensestRun => "densest_run",
            Strategy::Metadata => "metadata",
            Strategy::TextDump => "text_dump",
        }
    }
}

/// How an article's body was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Extraction {
    /// The strategy that produced the body.
    pub strategy: Strategy,
    /// Words of visible text on the whole page (0 when unknown).
    pub page_words: usize,
}

/// A body under this share of the page's visible words is suspiciously thin…
pub const THIN_BODY_SHARE: f64 = 0.1;
/// …unless it has at least this many words (a long story on a very busy page).
pub const THIN_BODY_MAX_WORDS: usize = 150;

impl Article {
    /// Number of whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }

    /// Share of the page's visible words that made it into the body (1 when unknown).
    pub fn body_share(&self) -> f64 {
        if self.extraction.page_words == 0 {
            return 1.0;
        }
        (self.word_count() as f64 / self.extraction.page_words as f64).min(1.0)
    }

    /// True when the body is a small fraction of the page's text: probably only a caption,
    /// a lead or a teaser of the story, worth flagging to the user.
    pub fn is_thin(&self) -> bool {
        self.word_count() < THIN_BODY_MAX_WORDS && self.body_share() < THIN_BODY_SHARE
    }

    /// True when the article has no body text worth reading.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.iter().all(|p| p.trim().is_empty())
    }
}

/// Guess the language of a text from its script: `ar` when Arabic letters dominate the letters,
/// otherwise `en`.
pub fn detect_lang(text: &str) -> String {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic >= latin { "ar" } else { "en" }.to_string()
}
