//! Compose stage: articles in, a `Script` out — the words of the programme, segment by segment,
//! with the pause after each. Spoken forms are filled in later by the text front end.
pub mod templates;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::Article;
pub use templates::Templates;

/// What a segment is, for chapters and the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// Programme opening.
    Intro,
    /// "Story two of five", the source.
    StoryIntro,
    /// A story's headline.
    Headline,
    /// A sentence of a story's body.
    Body,
    /// Programme closing.
    Outro,
}

/// One sentence of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// What the segment is.
    pub kind: SegmentKind,
    /// Index into [`Script::stories`], for story segments.
    pub story: Option<usize>,
    /// The text as written (used for the transcript).
    pub original: String,
    /// The text as the voice will say it (filled by the text front end).
    pub spoken: String,
    /// Silence after this segment, in milliseconds.
    pub pause_after_ms: u32,
    /// First sample of the segment's speech in the finished audio (set by the audio stage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_sample: Option<u64>,
    /// Sample after the segment's speech in the finished audio (set by the audio stage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_sample: Option<u64>,
}

/// A story in the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryInfo {
    /// Headline.
    pub title: String,
    /// Outlet name.
    pub source_name: Option<String>,
    /// Where it came from.
    pub url: Option<String>,
    /// Paragraphs read (after the length budget).
    pub paragraphs_read: usize,
    /// Paragraphs in the article.
    pub paragraphs_total: usize,
}

/// The whole programme as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Script {
    /// Programme title, e.g. "نشرة الأخبار".
    pub title: String,
    /// The day of the programme.
    pub date: NaiveDate,
    /// Language of the templates (`ar` or `en`).
    pub language: String,
    /// The stories, in order.
    pub stories: Vec<StoryInfo>,
    /// The segments, in order.
    pub segments: Vec<Segment>,
    /// Sample rate of the finished audio the segment offsets refer to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_rate: Option<u32>,
}

/// Gaps between pieces of speech, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pauses {
    /// Between clauses of one sentence.
    pub clause_ms: u32,
    /// After a sentence.
    pub sentence_ms: u32,
    /// After a paragraph (and after a headline).
    pub paragraph_ms: u32,
    /// After a story.
    pub story_ms: u32,
}

impl Default for Pauses {
    fn default() -> Self {
        Self {
            clause_ms: 220,
            sentence_ms: 450,
            paragraph_ms: 800,
            story_ms: 1500,
        }
    }
}

/// How to build a script.
#[derive(Debug, Clone)]
pub struct ComposeOptions {
    /// The programme's date.
    pub date: NaiveDate,
    /// Template language (`ar` or `en`).
    pub language: String,
    /// Pauses.
    pub pauses: Pauses,
    /// Length budget in words across story bodies (`None`: read everything). Met by reading the
    /// lead paragraphs of every story rather than dropping stories.
    pub max_body_words: Option<usize>,
    /// The templates.
    pub templates: Templates,
}

/// Build the script for `articles` (already chosen, de-duplicated and ordered).
/// `split_sentences` cuts a paragraph into sentences.
pub fn compose(
    articles: &[Article],
    options: &ComposeOptions,
    split_sentences: &dyn Fn(&str) -> Vec<String>,
) -> Script {
    let templates = &options.templates;
    let pauses = options.pauses;
    let budgets = paragraph_budgets(articles, options.max_body_words);
    let total = articles.len();
    let mut segments = Vec::new();
    for line in templates.intro(options.date, total) {
        push(
            &mut segments,
            SegmentKind::Intro,
            None,
            line,
            pauses.sentence_ms,
        );
    }
    if let Some(last) = segments.last_mut() {
        last.pause_after_ms = pauses.story_ms;
    }
    let mut stories = Vec::new();
    for (index, (article, &read)) in articles.iter().zip(&budgets).enumerate() {
        let story = Some(index);
        push(
            &mut segments,
            SegmentKind::StoryIntro,
            story,
            templates.story_intro(index, total, article.source_name.as_deref()),
            pauses.sentence_ms,
        );
        push(
            &mut segments,
            SegmentKind::Headline,
            story,
            article.title.clone(),
            pauses.paragraph_ms,
        );
        for paragraph in article.paragraphs.iter().take(read) {
            let sentences = split_sentences(paragraph);
            let count = sentences.len();
            for (i, sentence) in sentences.into_iter().enumerate() {
                let pause = if i + 1 == count {
                    pauses.paragraph_ms
                } else {
                    pauses.sentence_ms
                };
                push(&mut segments, SegmentKind::Body, story, sentence, pause);
            }
        }
        if let Some(last) = segments.last_mut() {
            last.pause_after_ms = pauses.story_ms;
        }
        stories.push(StoryInfo {
            title: article.title.clone(),
            source_name: article.source_name.clone(),
            url: article.url.clone(),
            paragraphs_read: read,
            paragraphs_total: article.paragraphs.len(),
        });
    }
    for line in templates.outro(options.date) {
        push(
            &mut segments,
            SegmentKind::Outro,
            None,
            line,
            pauses.sentence_ms,
        );
    }
    if let Some(last) = segments.last_mut() {
        last.pause_after_ms = 0;
    }
    Script {
        title: templates.programme_title.clone(),
        date: options.date,
        language: options.language.clone(),
        stories,
        segments,
        sample_rate: None,
    }
}

/// Append a segment unless its text is empty.
fn push(
    segments: &mut Vec<Segment>,
    kind: SegmentKind,
    story: Option<usize>,
    text: String,
    pause_after_ms: u32,
) {
    let original = text.trim().to_string();
    if !original.is_empty() {
        segments.push(Segment {
            kind,
            story,
            original,
            spoken: String::new(),
            pause_after_ms,
            start_sample: None,
            end_sample: None,
        });
    }
}

/// How many lead paragraphs of each article fit in `max_words`: paragraphs are granted one
/// round at a time across all stories (lead paragraphs first), so every story is heard.
pub fn paragraph_budgets(articles: &[Article], max_words: Option<usize>) -> Vec<usize> {
    let Some(max_words) = max_words else {
        return articles.iter().map(|a| a.paragraphs.len()).collect();
    };
    let mut granted = vec![0usize; articles.len()];
    let mut used = 0usize;
    let mut progressed = true;
    while progressed {
        progressed = false;
        for (i, article) in articles.iter().enumerate() {
            let Some(next) = article.paragraphs.get(granted[i]) else {
                continue;
            };
            let words = next.split_whitespace().count();
            // Every story gets at least its lead paragraph.
            if granted[i] == 0 || used + words <= max_words {
                granted[i] += 1;
                used += words;
                progressed = true;
            }
        }
    }
    granted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            lang: "ar".into(),
            source_name: Some("روسيا اليوم".into()),
            ..Default::default()
        }
    }

    fn by_full_stop(text: &str) -> Vec<String> {
        text.split_inclusive('.')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn options(max_body_words: Option<usize>) -> ComposeOptions {
        ComposeOptions {
            date: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
            language: "ar".into(),
            pauses: Pauses::default(),
            max_body_words,
            templates: Templates::arabic(),
        }
    }

    #[test]
    fn script_has_intro_stories_and_outro_with_story_pauses() {
        let articles = [
            article("أ", &["جملة أولى. جملة ثانية."]),
            article("ب", &["فقرة."]),
        ];
        let script = compose(&articles, &options(None), &by_full_stop);
        let kinds: Vec<_> = script.segments.iter().map(|s| s.kind).collect();
        assert_eq!(kinds.first(), Some(&SegmentKind::Intro));
        assert_eq!(kinds.last(), Some(&SegmentKind::Outro));
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == SegmentKind::Headline)
                .count(),
            2
        );
        assert_eq!(kinds.iter().filter(|k| **k == SegmentKind::Body).count(), 3);
        let last_of_first_story = script
            .segments
            .iter()
            .rposition(|s| s.story == Some(0))
            .unwrap_or(0);
        assert_eq!(
            script.segments[last_of_first_story].pause_after_ms,
            Pauses::default().story_ms
        );
        assert!(script
            .segments
            .iter()
            .any(|s| s.original.contains("الخبر الأول من اثنين")));
        assert_eq!(script.segments.last().map(|s| s.pause_after_ms), Some(0));
    }

    #[test]
    fn budget_reads_lead_paragraphs_of_every_story() {
        let long = ["كلمة ".repeat(50), "كلمة ".repeat(50), "كلمة ".repeat(50)];
        let refs: Vec<&str> = long.iter().map(|s| s.as_str()).collect();
        let articles = [
            article("أ", &refs),
            article("ب", &refs),
            article("ج", &refs),
        ];
        assert_eq!(paragraph_budgets(&articles, Some(200)), vec![2, 1, 1]);
        assert_eq!(paragraph_budgets(&articles, Some(10)), vec![1, 1, 1]);
        assert_eq!(paragraph_budgets(&articles, None), vec![3, 3, 3]);
    }
}
