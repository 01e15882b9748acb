//! The listener pages: `OUT/YYYY-MM-DD/index.html` (the day's player, stories and transcript) and
//! `OUT/index.html` (the archive, newest day first, with the feed's address).
//!
//! Each page is one self-contained HTML file: inline CSS and JavaScript, nothing from other
//! hosts. Every piece of text from an article is escaped, and data reaches the script only
//! through escaped `data-` attributes, never as code. Without JavaScript a day page still has
//! the audio, the chapter times as text and the transcript.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{
    read_json, scan_archive, Episode, PublishError, EPISODE_AUDIO, EPISODE_CHAPTERS,
    EPISODE_REPORT, EPISODE_SCRIPT, EPISODE_TRANSCRIPT, FEED_FILE,
};
use crate::compose::{Script, SegmentKind};
use crate::fsutil::{write_atomic, WriteError};

/// Name of a listener page (the day page in a day folder, the archive page at the top).
pub const PAGE_FILE: &str = "index.html";

/// The stylesheet shared by both pages.
const STYLE: &str = include_str!("page.css");
/// The day page's player script.
const DAY_SCRIPT: &str = include_str!("page.js");
/// The archive page's script (copying the feed address).
const ARCHIVE_SCRIPT: &str = include_str!("archive.js");

/// Languages written right to left (ISO 639-1 codes).
const RTL_LANGUAGES: &[&str] = &["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ku"];

/// The words of the page around the news, in the programme's language.
struct Labels {
    skip: &'static str,
    stories: &'static str,
    transcript: &'static str,
    speed: &'static str,
    downloads: &'static str,
    audio: &'static str,
    vtt: &'static str,
    chapters: &'static str,
    duration: &'static str,
    intro: &'static str,
    outro: &'static str,
    keys: &'static str,
    follow: &'static str,
    archive: &'static str,
    all_days: &'static str,
    feed: &'static str,
    copy: &'static str,
    copied: &'static str,
    no_audio: &'static str,
    story: &'static str,
}

const ARABIC: Labels = Labels {
    skip: "انتقل إلى النص",
    stories: "الأخبار",
    transcript: "النص",
    speed: "سرعة القراءة",
    downloads: "تنزيل",
    audio: "الصوت (MP3)",
    vtt: "النص المتزامن (VTT)",
    chapters: "الفصول (JSON)",
    duration: "المدة",
    intro: "المقدمة",
    outro: "الختام",
    keys: "المفاتيح: المسافة تشغيل وإيقاف، J وL رجوع وتقديم 10 ثوان، N وP الخبر التالي والسابق، 1–9 خبر برقمه.",
    follow: "عد إلى الجملة المقروءة",
    archive: "أرشيف النشرات",
    all_days: "كل النشرات",
    feed: "عنوان البودكاست",
    copy: "انسخ العنوان",
    copied: "نُسخ العنوان",
    no_audio: "لا يعرض متصفحك مشغل الصوت؛ نزّل الملف أدناه.",
    story: "خبر",
};

const ENGLISH: Labels = Labels {
    skip: "Skip to transcript",
    stories: "Stories",
    transcript: "Transcript",
    speed: "Reading speed",
    downloads: "Downloads",
    audio: "Audio (MP3)",
    vtt: "Transcript (VTT)",
    chapters: "Chapters (JSON)",
    duration: "Duration",
    intro: "Introduction",
    outro: "Closing",
    keys: "Keys: Space play/pause, J and L back/forward 10 s, N and P next/previous story, 1–9 a story by number.",
    follow: "Back to the sentence being read",
    archive: "Briefing archive",
    all_days: "All briefings",
    feed: "Podcast feed",
    copy: "Copy address",
    copied: "Address copied",
    no_audio: "Your browser does not show the audio player; download the file below.",
    story: "Story",
};

/// Speeds offered by the day page.
const SPEEDS: [&str; 6] = ["0.75", "1", "1.25", "1.5", "1.75", "2"];

/// What the pages wrote, and the days that could not have a page (one line each).
#[derive(Debug, Default)]
pub struct PagesOutcome {
    /// The pages written.
    pub written: Vec<PathBuf>,
    /// One line per day folder or file that could not be used.
    pub warnings: Vec<String>,
}

/// Write the day page of `day_dir` and refresh the archive page of `out`. The archive page shows
/// `feed_url` as the feed's address, or, without one, the `feed.xml` beside it.
#[cfg(test)]
pub fn write_pages(out: &Path, day_dir: &Path, feed_url: Option<&str>) -> PagesOutcome {
    let mut outcome = PagesOutcome::default();
    for written in [write_day_page(day_dir), refresh_archive_page(out, feed_url)] {
        match written {
            Ok(path) => outcome.written.push(path),
            Err(error) => outcome.warnings.push(error.to_string()),
        }
    }
    outcome
}

/// Write `OUT/index.html` over every publishable day of `out`, newest first, without a word
/// about the days left out (see [`write_archive_page`] for those).
pub fn refresh_archive_page(out: &Path, feed_url: Option<&str>) -> Result<PathBuf, PublishError> {
    archive_page(out, feed_url).0
}

/// Write `OUT/index.html` over every publishable day of `out`, newest first; the warnings name
/// the day folders left out and a page that could not be written.
#[cfg(test)]
pub fn write_archive_page(out: &Path, feed_url: Option<&str>) -> PagesOutcome {
    let (archive, warnings) = archive_page(out, feed_url);
    let mut outcome = PagesOutcome {
        warnings,
        ..PagesOutcome::default()
    };
    match archive {
        Ok(path) => outcome.written.push(path),
        Err(error) => outcome.warnings.push(error.to_string()),
    }
    outcome
}

/// Write the archive page; also returns the one-line warnings about day folders left out.
fn archive_page(
    out: &Path,
    feed_url: Option<&str>,
) -> (Result<PathBuf, PublishError>, Vec<String>) {
    let (episodes, warnings) = scan_archive(out);
    let language = episodes
        .first()
        .and_then(|e| read_json::<Script>(&e.dir.join(EPISODE_SCRIPT)).ok())
        .map_or_else(|| "ar".to_string(), |script| script.language);
    let html = archive_html(&episodes, &language, feed_url);
    let path = out.join(PAGE_FILE);
    let written = write_atomic(&path, html.as_bytes())
        .map(|()| path.clone())
        .map_err(|source| WriteError::new(path, source).into());
    (written, warnings)
}

/// Write `DAY/index.html` from the day's `script.json` and `report.json`.
pub fn write_day_page(day_dir: &Path) -> Result<PathBuf, PublishError> {
    let unusable = |reason: String| PublishError::Page {
        path: day_dir.to_path_buf(),
        reason,
    };
    let script: Script = read_json(&day_dir.join(EPISODE_SCRIPT)).map_err(unusable)?;
    let duration = read_json::<serde_json::Value>(&day_dir.join(EPISODE_REPORT))
        .map_err(unusable)?
        .get("duration_secs")
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(0.0);
    write_day_html(day_dir, &script, duration)
}

/// Write `DAY/index.html` from the day's `script.json`, for a programme of `duration_secs`
/// (for a run that has not written its `report.json` yet).
pub fn write_day_page_lasting(day_dir: &Path, duration_secs: f64) -> Result<PathBuf, PublishError> {
    let unusable = |reason: String| PublishError::Page {
        path: day_dir.to_path_buf(),
        reason,
    };
    let script: Script = read_json(&day_dir.join(EPISODE_SCRIPT)).map_err(unusable)?;
    write_day_html(day_dir, &script, duration_secs)
}

/// Write `DAY/index.html` of `script`, lasting `duration` seconds.
fn write_day_html(day_dir: &Path, script: &Script, duration: f64) -> Result<PathBuf, PublishError> {
    let files = DayFiles {
        transcript: super::is_webvtt(&day_dir.join(EPISODE_TRANSCRIPT)),
        chapters: super::is_json_chapters(&day_dir.join(EPISODE_CHAPTERS)),
    };
    let html = day_html(script, duration, &files);
    let path = day_dir.join(PAGE_FILE);
    write_atomic(&path, html.as_bytes()).map_err(|source| WriteError::new(&path, source))?;
    Ok(path)
}

/// Which side files of a day can be downloaded.
#[derive(Debug, Clone, Copy, Default)]
pub struct DayFiles {
    /// `transcript.vtt` is there.
    pub transcript: bool,
    /// `chapters.json` is there.
    pub chapters: bool,
}

/// `&`, `<`, `>`, `"` and `'` as character references: safe in text and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The primary language subtag in lower case (`ar` for `ar-JO`), or `ar` when unusable.
fn language_tag(language: &str) -> String {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    let valid =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    if valid {
        primary.to_ascii_lowercase()
    } else {
        "ar".to_string()
    }
}

fn labels(language: &str) -> &'static Labels {
    if language == "ar" {
        &ARABIC
    } else {
        &ENGLISH
    }
}

fn direction(language: &str) -> &'static str {
    if RTL_LANGUAGES.contains(&language) {
        "rtl"
    } else {
        "ltr"
    }
}

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn clock(seconds: f64) -> String {
    let total = if seconds.is_finite() && seconds > 0.0 {
        seconds.round() as u64
    } else {
        0
    };
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{secs:02}")
    } else {
        format!("{minutes}:{secs:02}")
    }
}

/// Seconds with millisecond precision, as written into `data-` attributes.
fn seconds_attr(seconds: f64) -> String {
    format!("{seconds:.3}")
}

/// The document head and the opening of the body, shared by both pages.
fn page_start(html: &mut String, language: &str, title: &str, script: &str) {
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{language}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"data:,\">\n<meta name=\"generator\" content=\"nashra {}\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n<script>{script}</script>\n</head>\n<body>\n",
        direction(language),
        env!("CARGO_PKG_VERSION"),
        escape(title),
    );
}

/// A segment of the transcript: its text and times in seconds.
struct TimedText<'a> {
    text: &'a str,
    start: f64,
    end: f64,
}

/// One block of the transcript: the intro, a story or the outro.
struct TranscriptPart<'a> {
    /// The story index, for story blocks.
    story: Option<usize>,
    kind: SegmentKind,
    sentences: Vec<TimedText<'a>>,
}

/// The script's segments grouped into intro, stories and outro, with times in seconds.
fn transcript_parts(script: &Script) -> Vec<TranscriptPart<'_>> {
    let rate = f64::from(script.sample_rate.unwrap_or(0).max(1));
    let mut parts: Vec<TranscriptPart<'_>> = Vec::new();
    for segment in &script.segments {
        let (story, kind) = match (segment.kind, segment.story) {
            (SegmentKind::Intro | SegmentKind::Outro, _) | (_, None) => (None, segment.kind),
            (_, Some(story)) => (Some(story), SegmentKind::Body),
        };
        let timed = TimedText {
            text: &segment.original,
            start: segment.start_sample.unwrap_or(0) as f64 / rate,
            end: segment.end_sample.unwrap_or(0) as f64 / rate,
        };
        match parts.last_mut() {
            Some(part) if part.story == story && part.kind == kind => part.sentences.push(timed),
            _ => parts.push(TranscriptPart {
                story,
                kind,
                sentences: vec![timed],
            }),
        }
    }
    parts
}

/// The HTML of a day page.
pub fn day_html(script: &Script, duration_secs: f64, files: &DayFiles) -> String {
    let language = language_tag(&script.language);
    let words = labels(&language);
    let title = super::episode_title(&script.title, &language, script.date);
    let parts = transcript_parts(script);
    let mut html = String::with_capacity(16 * 1024);
    page_start(&mut html, &language, &title, DAY_SCRIPT);
    let _ = write!(
        html,
        "<a class=\"skip\" href=\"#transcript\">{}</a>\n<header>\n<p><a href=\"../{PAGE_FILE}\">{}</a></p>\n\
         <h1>{}</h1>\n<p>{}: <time datetime=\"PT{}S\">{}</time></p>\n</header>\n<main>\n\
         <section class=\"player\" aria-label=\"{}\">\n\
         <audio id=\"audio\" controls preload=\"metadata\" src=\"{EPISODE_AUDIO}\">{}{}</audio>\n",
        escape(words.skip),
        escape(words.all_days),
        escape(&title),
        escape(words.duration),
        duration_secs.max(0.0).round(),
        clock(duration_secs),
        escape(&title),
        captions_track(files, &language, words),
        escape(words.no_audio),
    );
    write_speeds(&mut html, words);
    let _ = write!(
        html,
        "<p class=\"keys\">{}</p>\n</section>\n",
        escape(words.keys)
    );
    write_story_list(&mut html, script, &parts, words);
    write_transcript(&mut html, script, &parts, words);
    html.push_str("</main>\n");
    write_downloads(&mut html, files, words);
    html.push_str("</body>\n</html>\n");
    html
}

/// The WebVTT transcript as the audio's captions track, when the day has one.
fn captions_track(files: &DayFiles, language: &str, words: &Labels) -> String {
    if !files.transcript {
        return String::new();
    }
    format!(
        "<track kind=\"captions\" src=\"{EPISODE_TRANSCRIPT}\" srclang=\"{language}\" label=\"{}\">",
        escape(words.transcript)
    )
}

/// The speed buttons (shown only when the script runs).
fn write_speeds(html: &mut String, words: &Labels) {
    let _ = writeln!(
        html,
        "<div class=\"speeds\" role=\"group\" aria-label=\"{}\" hidden>",
        escape(words.speed)
    );
    for speed in SPEEDS {
        let _ = writeln!(
            html,
            "<button type=\"button\" data-speed=\"{speed}\" aria-pressed=\"{}\">{speed}×</button>",
            speed == "1"
        );
    }
    html.push_str("</div>\n");
}

/// The stories as buttons that seek to their chapter, with the chapter time as text.
fn write_story_list(
    html: &mut String,
    script: &Script,
    parts: &[TranscriptPart<'_>],
    words: &Labels,
) {
    let _ = write!(
        html,
        "<nav aria-labelledby=\"stories-heading\">\n<h2 id=\"stories-heading\">{}</h2>\n<ol class=\"stories\">\n",
        escape(words.stories)
    );
    for part in parts {
        let Some(index) = part.story else { continue };
        let Some(story) = script.stories.get(index) else {
            continue;
        };
        let start = part.sentences.first().map_or(0.0, |s| s.start);
        let source = story
            .source_name
            .as_deref()
            .map(|name| format!(" <span class=\"source\">({})</span>", escape(name)))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<li><button type=\"button\" class=\"story\" data-start=\"{}\">{}</button> \
             <time class=\"at\" datetime=\"PT{}S\">{}</time>{source}</li>",
            seconds_attr(start),
            escape(&story.title),
            start.round(),
            clock(start),
        );
    }
    html.push_str("</ol>\n</nav>\n");
}

/// The transcript, story by story, one span per spoken sentence.
fn write_transcript(
    html: &mut String,
    script: &Script,
    parts: &[TranscriptPart<'_>],
    words: &Labels,
) {
    let _ = write!(
        html,
        "<section id=\"transcript\" tabindex=\"-1\" aria-labelledby=\"transcript-heading\">\n\
         <h2 id=\"transcript-heading\">{}</h2>\n\
         <button type=\"button\" id=\"follow\" hidden>{}</button>\n",
        escape(words.transcript),
        escape(words.follow)
    );
    for part in parts {
        let heading = match (part.story, part.kind) {
            (Some(index), _) => {
                let headline = script.stories.get(index).map_or("", |s| s.title.as_str());
                format!("{} {}: {}", words.story, index + 1, headline)
            }
            (None, SegmentKind::Outro) => words.outro.to_string(),
            (None, _) => words.intro.to_string(),
        };
        let id = part
            .story
            .map_or_else(String::new, |i| format!(" id=\"story-{}\"", i + 1));
        let _ = write!(
            html,
            "<section class=\"part\"{id}>\n<h3>{}</h3>\n<p>",
            escape(&heading)
        );
        for (n, sentence) in part.sentences.iter().enumerate() {
            if n > 0 {
                html.push(' ');
            }
            let _ = write!(
                html,
                "<span class=\"s\" data-start=\"{}\" data-end=\"{}\">{}</span>",
                seconds_attr(sentence.start),
                seconds_attr(sentence.end),
                escape(sentence.text)
            );
        }
        html.push_str("</p>\n</section>\n");
    }
    html.push_str("</section>\n");
}

/// Links to the day's MP3, VTT transcript and JSON chapters.
fn write_downloads(html: &mut String, files: &DayFiles, words: &Labels) {
    let _ = write!(
        html,
        "<footer>\n<h2>{}</h2>\n<ul class=\"downloads\">\n<li><a href=\"{EPISODE_AUDIO}\" download>{}</a></li>\n",
        escape(words.downloads),
        escape(words.audio)
    );
    if files.transcript {
        let _ = writeln!(
            html,
            "<li><a href=\"{EPISODE_TRANSCRIPT}\" download>{}</a></li>",
            escape(words.vtt)
        );
    }
    if files.chapters {
        let _ = writeln!(
            html,
            "<li><a href=\"{EPISODE_CHAPTERS}\" download>{}</a></li>",
            escape(words.chapters)
        );
    }
    html.push_str("</ul>\n</footer>\n");
}

/// The HTML of the archive page.
pub fn archive_html(episodes: &[Episode], language: &str, feed_url: Option<&str>) -> String {
    let language = language_tag(language);
    let words = labels(&language);
    let mut html = String::with_capacity(8 * 1024);
    page_start(&mut html, &language, words.archive, ARCHIVE_SCRIPT);
    let address = feed_url.unwrap_or(FEED_FILE);
    let _ = write!(
        html,
        "<header>\n<h1>{}</h1>\n</header>\n<main>\n<section class=\"feed\" aria-labelledby=\"feed-label\">\n\
         <h2 id=\"feed-label\">{}</h2>\n<p><a href=\"{FEED_FILE}\">{FEED_FILE}</a></p>\n\
         <p class=\"copy\"><input id=\"feed-url\" type=\"text\" readonly dir=\"ltr\" aria-labelledby=\"feed-label\" \
         value=\"{}\" data-relative=\"{}\"> \
         <button type=\"button\" id=\"copy-feed\" data-done=\"{}\" hidden>{}</button> \
         <span id=\"copy-status\" role=\"status\"></span></p>\n</section>\n<ol class=\"days\">\n",
        escape(words.archive),
        escape(words.feed),
        escape(address),
        feed_url.is_none(),
        escape(words.copied),
        escape(words.copy),
    );
    for episode in episodes {
        write_archive_day(&mut html, episode, words);
    }
    html.push_str("</ol>\n</main>\n</body>\n</html>\n");
    html
}

/// One day of the archive: a heading linking its page (or its MP3), the duration, the headlines.
fn write_archive_day(html: &mut String, episode: &Episode, words: &Labels) {
    let day = episode.date.format("%Y-%m-%d");
    let target = if episode.dir.join(PAGE_FILE).is_file() {
        format!("{day}/{PAGE_FILE}")
    } else {
        format!("{day}/{EPISODE_AUDIO}")
    };
    let _ = write!(
        html,
        "<li>\n<article>\n<h2><a href=\"{target}\">{}</a></h2>\n<p><time datetime=\"{day}\">{day}</time> · \
         {}: {}</p>\n<ul>\n",
        escape(&episode.title),
        escape(words.duration),
        clock(episode.duration_secs),
    );
    for headline in &episode.stories {
        let _ = writeln!(html, "<li>{}</li>", escape(headline));
    }
    html.push_str("</ul>\n</article>\n</li>\n");
}

/// Refresh every page of the archive `out`: each publishable day's page, then the archive page.
pub fn refresh_pages(out: &Path, feed_url: Option<&str>) -> PagesOutcome {
    let (episodes, _) = scan_archive(out);
    let mut outcome = PagesOutcome::default();
    for episode in episodes {
        match write_day_page(&episode.dir) {
            Ok(path) => outcome.written.push(path),
            Err(error) => outcome.warnings.push(error.to_string()),
        }
    }
    match archive_page(out, feed_url).0 {
        Ok(path) => outcome.written.push(path),
        Err(error) => outcome.warnings.push(error.to_string()),
    }
    outcome
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::super::test_archive::write_day;
    use super::*;
    use crate::compose::{Segment, StoryInfo};

    const RATE: u32 = 1000;

    fn segment(
        kind: SegmentKind,
        story: Option<usize>,
        text: &str,
        start: u64,
        end: u64,
    ) -> Segment {
        Segment {
            kind,
            story,
            original: text.to_string(),
            spoken: text.to_string(),
            pause_after_ms: 0,
            start_sample: Some(start),
            end_sample: Some(end),
        }
    }

    fn script(language: &str, headline: &str) -> Script {
        let story = |title: &str| StoryInfo {
            title: title.to_string(),
            source_name: Some("<b>source</b>".into()),
            url: None,
            paragraphs_read: 1,
            paragraphs_total: 1,
        };
        Script {
            title: "نشرة".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            language: language.into(),
            stories: vec![story(headline), story("second")],
            segments: vec![
                segment(SegmentKind::Intro, None, "hello", 0, 1500),
                segment(SegmentKind::StoryIntro, Some(0), "story one", 2000, 3000),
                segment(SegmentKind::Headline, Some(0), headline, 3200, 4000),
                segment(
                    SegmentKind::Body,
                    Some(0),
                    "body <script>alert(1)</script>",
                    4500,
                    9000,
                ),
                segment(
                    SegmentKind::StoryIntro,
                    Some(1),
                    "story two",
                    65_000,
                    66_000,
                ),
                segment(SegmentKind::Body, Some(1), "more & more", 66_500, 70_000),
                segment(SegmentKind::Outro, None, "bye", 71_000, 72_000),
            ],
            sample_rate: Some(RATE),
        }
    }

    #[test]
    fn article_text_cannot_inject_markup() {
        let evil = "\"><img src=x onerror=alert(1)>'";
        let html = day_html(&script("ar", evil), 72.0, &DayFiles::default());
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<b>source"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;"));
        assert!(html.contains("body &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(
            html.matches("<script>").count(),
            1,
            "only the page's own script"
        );
    }

    #[test]
    fn day_page_has_language_direction_stories_and_timed_transcript() {
        let html = day_html(
            &script("ar", "عنوان"),
            72.0,
            &DayFiles {
                transcript: true,
                chapters: true,
            },
        );
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(html
            .contains("<audio id=\"audio\" controls preload=\"metadata\" src=\"briefing.mp3\">"));
        assert!(html.contains(
            "data-start=\"2.000\">عنوان</button> <time class=\"at\" datetime=\"PT2S\">0:02</time>"
        ));
        assert!(html.contains("data-start=\"65.000\">second</button> <time class=\"at\" datetime=\"PT65S\">1:05</time>"));
        assert!(html.contains("<section class=\"part\" id=\"story-2\">\n<h3>خبر 2: second</h3>"));
        assert!(html.contains(
            "<span class=\"s\" data-start=\"66.500\" data-end=\"70.000\">more &amp; more</span>"
        ));
        assert!(html.contains("href=\"#transcript\""));
        assert!(
            html.contains("href=\"transcript.vtt\" download")
                && html.contains("href=\"chapters.json\" download")
        );
        let english = day_html(&script("en", "Headline"), 72.0, &DayFiles::default());
        assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(!english.contains("transcript.vtt"));
    }

    #[test]
    fn pages_load_nothing_from_other_hosts_and_stay_light() {
        let mut light = script("ar", "عنوان");
        light.segments.clear();
        let html = day_html(&light, 0.0, &DayFiles::default());
        for outside in [
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
            "@import",
            "url(",
        ] {
            assert!(!html.contains(outside), "{outside}");
        }
        assert!(html.len() < 30 * 1024, "{} bytes", html.len());
    }

    #[test]
    fn clock_reads_minutes_and_hours() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(65.4), "1:05");
        assert_eq!(clock(3_725.0), "1:02:05");
        assert_eq!(clock(f64::NAN), "0:00");
    }

    #[test]
    fn archive_lists_every_day_newest_first_with_its_page() {
        let out = tempfile::tempdir().unwrap();
        write_day(out.path(), "2026-11-28", &["أمس <i>"], 10);
        write_day(out.path(), "2026-11-29", &["اليوم"], 10);
        let written = write_day_page(&out.path().join("2026-11-29")).unwrap();
        assert!(written.ends_with("2026-11-29/index.html"));
        let outcome = write_archive_page(out.path(), Some("https://x.org/feed.xml"));
        assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
        let html = fs::read_to_string(out.path().join("index.html")).unwrap();
        let newest = html.find("2026-11-29/index.html").unwrap();
        let older = html.find("2026-11-28/briefing.mp3").unwrap();
        assert!(newest < older);
        assert!(html.contains("<li>أمس &lt;i&gt;</li>"));
        assert!(html.contains("value=\"https://x.org/feed.xml\" data-relative=\"false\""));
        assert!(html.contains("5:12"), "duration from report.json");
    }

    #[test]
    fn a_day_without_its_script_gets_no_page_and_a_warning() {
        let out = tempfile::tempdir().unwrap();
        write_day(out.path(), "2026-11-29", &["x"], 10);
        let day = out.path().join("2026-11-29");
        fs::remove_file(day.join("script.json")).unwrap();
        let outcome = write_pages(out.path(), &day, None);
        assert_eq!(outcome.written.len(), 1, "only the archive page");
        assert!(outcome
            .warnings
            .iter()
            .any(|w| w.contains("2026-11-29") && w.contains("script.json")));
    }
}
