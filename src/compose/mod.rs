//! Compose stage: articles in, a `Script` out — the words of the programme, segment by segment,
//! with the pause after each. Spoken forms are filled in later by the text front end.
pub(crate) mod source_name;
pub(crate) mod templates;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::Article;
use crate::text::sentences::split_words_evenly;
pub use templates::{TemplateOverrides, Templates};

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
    let budgets = paragraph_budgets(articles, options.max_body_words);
    let mut writer = ScriptWriter {
        segments: Vec::new(),
        options,
        split_sentences,
    };
    writer.intro(articles.len());
    let stories = articles
        .iter()
        .zip(&budgets)
        .enumerate()
        .map(|(index, (article, &read))| writer.story(index, articles.len(), article, read))
        .collect();
    writer.outro();
    Script {
        title: options.templates.programme_title.clone(),
        date: options.date,
        language: options.language.clone(),
        stories,
        segments: writer.segments,
        sample_rate: None,
    }
}

/// The segments of a script being written, part after part.
struct ScriptWriter<'a> {
    segments: Vec<Segment>,
    options: &'a ComposeOptions,
    split_sentences: &'a dyn Fn(&str) -> Vec<String>,
}

impl ScriptWriter<'_> {
    /// Append a segment unless its text is empty.
    fn push(&mut self, kind: SegmentKind, story: Option<usize>, text: String, pause_after_ms: u32) {
        push(&mut self.segments, kind, story, text, pause_after_ms);
    }

    /// Give the last segment so far `pause_after_ms` (the end of a part).
    fn end_part(&mut self, pause_after_ms: u32) {
        if let Some(last) = self.segments.last_mut() {
            last.pause_after_ms = pause_after_ms;
        }
    }

    /// The programme's opening lines for `total` stories.
    fn intro(&mut self, total: usize) {
        let pauses = self.options.pauses;
        for line in self.options.templates.intro(self.options.date, total) {
            self.push(SegmentKind::Intro, None, line, pauses.sentence_ms);
        }
        self.end_part(pauses.story_ms);
    }

    /// Story `index` of `total`: its introduction, headline and the first `read` paragraphs of
    /// its body.
    fn story(&mut self, index: usize, total: usize, article: &Article, read: usize) -> StoryInfo {
        let pauses = self.options.pauses;
        let story = Some(index);
        let intro =
            self.options
                .templates
                .story_intro(index, total, article.source_name.as_deref());
        self.push(SegmentKind::StoryIntro, story, intro, pauses.sentence_ms);
        self.push(
            SegmentKind::Headline,
            story,
            article.title.clone(),
            pauses.paragraph_ms,
        );
        self.body(
            index,
            &article.paragraphs[..read.min(article.paragraphs.len())],
        );
        self.end_part(pauses.story_ms);
        StoryInfo {
            title: article.title.clone(),
            source_name: article.source_name.clone(),
            url: article.url.clone(),
            paragraphs_read: read,
            paragraphs_total: article.paragraphs.len(),
        }
    }

    /// The sentences of `paragraphs` of story `story`, up to [`MAX_STORY_WORDS`].
    fn body(&mut self, story: usize, paragraphs: &[String]) {
        let pauses = self.options.pauses;
        let mut words_left = MAX_STORY_WORDS;
        for paragraph in paragraphs {
            if words_left == 0 {
                break;
            }
            let (lead, words, cut) = lead_words(paragraph, words_left);
            words_left -= words;
            let mut sentences = (self.split_sentences)(lead);
            if cut && sentences.len() > 1 {
                // Do not end the story in the middle of a sentence.
                sentences.pop();
            }
            let sentences: Vec<String> = sentences
                .iter()
                .flat_map(|s| cap_segment_words(s))
                .collect();
            let count = sentences.len();
            for (i, sentence) in sentences.into_iter().enumerate() {
                let pause = if i + 1 == count {
                    pauses.paragraph_ms
                } else {
                    pauses.sentence_ms
                };
                self.push(SegmentKind::Body, Some(story), sentence, pause);
            }
        }
    }

    /// The programme's closing lines; nothing follows the last.
    fn outro(&mut self) {
        for line in self.options.templates.outro(self.options.date) {
            self.push(
                SegmentKind::Outro,
                None,
                line,
                self.options.pauses.sentence_ms,
            );
        }
        self.end_part(0);
    }
}

/// Most words read from one story (about 25 minutes): a runaway page cannot fill the programme.
pub const MAX_STORY_WORDS: usize = 3000;
/// Longest segment in words: a "sentence" without punctuation is cut into pieces this long.
pub const MAX_SEGMENT_WORDS: usize = 80;
/// Words of a programme at most (about two and a half hours of speech): stories beyond it are
/// left out, so that no day, however busy, passes the three-hour limit of the audio stage.
pub const MAX_PROGRAMME_WORDS: usize = 18_000;

/// How many of `articles`, in order, fit in [`MAX_PROGRAMME_WORDS`] with at least their headline
/// and lead paragraph (the budget of [`paragraph_budgets`] then shares out the rest).
pub fn stories_that_fit(articles: &[Article]) -> usize {
    let mut used = 0usize;
    for (index, article) in articles.iter().enumerate() {
        let lead = article
            .paragraphs
            .first()
            .map_or(0, |p| p.split_whitespace().count());
        used += article.title.split_whitespace().count() + lead.min(MAX_STORY_WORDS);
        if used > MAX_PROGRAMME_WORDS && index > 0 {
            return index;
        }
    }
    articles.len()
}

/// The first `max` words of `text`: (the text, its word count, whether words were cut off).
fn lead_words(text: &str, max: usize) -> (&str, usize, bool) {
    let mut count = 0;
    let mut in_word = false;
    for (index, c) in text.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
            if count > max {
                return (text[..index].trim_end(), max, true);
            }
        }
    }
    (text, count, false)
}

/// A sentence longer than [`MAX_SEGMENT_WORDS`] as pieces that end at clause marks (، , ؛ ;)
/// where it has them, each at most that long; a clause longer than that is cut into pieces of
/// about equal length.
fn cap_segment_words(sentence: &str) -> Vec<String> {
    if sentence.split_whitespace().count() <= MAX_SEGMENT_WORDS {
        return vec![sentence.to_string()];
    }
    let mut pieces: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for clause in sentence.split_inclusive(['،', ',', '؛', ';']) {
        let words: Vec<&str> = clause.split_whitespace().collect();
        if !current.is_empty() && current.len() + words.len() > MAX_SEGMENT_WORDS {
            pieces.push(current.join(" "));
            current.clear();
        }
        if words.len() > MAX_SEGMENT_WORDS {
            pieces.extend(split_words_evenly(&words, MAX_SEGMENT_WORDS));
        } else {
            current.extend(words);
        }
    }
    if !current.is_empty() {
        pieces.push(current.join(" "));
    }
    pieces
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
    let total: usize = articles.iter().map(Article::word_count).sum();
    let max_words = match max_words {
        Some(max) => max.min(MAX_PROGRAMME_WORDS),
        None if total <= MAX_PROGRAMME_WORDS => {
            return articles.iter().map(|a| a.paragraphs.len()).collect()
        }
        None => MAX_PROGRAMME_WORDS,
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

    fn article_of(title: &str, paragraphs: Vec<String>) -> Article {
        Article {
            title: title.to_string(),
            paragraphs,
            ..Article::default()
        }
    }

    #[test]
    fn a_runaway_paragraph_is_read_only_up_to_the_story_limit_in_short_segments() {
        let sentence = "كلمة ".repeat(200) + "نهاية. ";
        let huge = sentence.repeat(15_000); // three million words in one paragraph
        let articles = vec![article_of("عنوان", vec![huge])];
        let options = ComposeOptions {
            date: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
            language: "ar".into(),
            pauses: Pauses::default(),
            max_body_words: None,
            templates: Templates::arabic(),
        };
        let script = compose(&articles, &options, &|p| {
            crate::text::sentences::split_sentences(p)
        });
        let body: Vec<&Segment> = script
            .segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Body)
            .collect();
        let words: usize = body
            .iter()
            .map(|s| s.original.split_whitespace().count())
            .sum();
        assert!(
            words <= MAX_STORY_WORDS && words > MAX_STORY_WORDS / 2,
            "{words}"
        );
        assert!(body
            .iter()
            .all(|s| s.original.split_whitespace().count() <= MAX_SEGMENT_WORDS));
        assert!(body.last().is_some_and(|s| s.original.ends_with("نهاية.")));
    }

    #[test]
    fn a_long_sentence_is_cut_at_its_commas() {
        let clause = "كلمة ".repeat(30);
        let sentence = format!("{clause}، {clause}، {clause}، {clause}.");
        let pieces = cap_segment_words(&sentence);
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].ends_with('،'));
        assert!(pieces
            .iter()
            .all(|p| p.split_whitespace().count() <= MAX_SEGMENT_WORDS));
    }

    #[test]
    fn a_day_too_long_for_the_programme_keeps_the_stories_that_fit() {
        let lead = "خبر ".repeat(500);
        let articles: Vec<Article> = (0..100)
            .map(|_| article_of("عنوان", vec![lead.clone(), lead.clone()]))
            .collect();
        let kept = stories_that_fit(&articles);
        assert!(
            kept < 100 && kept * 501 <= MAX_PROGRAMME_WORDS + 501,
            "{kept}"
        );
        let budgets = paragraph_budgets(&articles[..kept], None);
        let words: usize = budgets.iter().map(|&read| read * 500).sum();
        assert!(words <= MAX_PROGRAMME_WORDS + 500 * kept, "{words}");
        let few = &articles[..3];
        assert_eq!(stories_that_fit(few), 3);
        assert_eq!(paragraph_budgets(few, None), vec![2, 2, 2]);
    }

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
