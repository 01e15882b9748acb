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
}

impl Article {
    /// Number of whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
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
