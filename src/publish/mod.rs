//! Podcast publishing: the archive of daily briefings (`OUT/YYYY-MM-DD/`) becomes an RSS 2.0
//! podcast feed with the iTunes and Podcasting 2.0 namespaces (`feed`), which can be checked
//! (`validate`) and served on the local network ([`serve`]), and listener pages, one per day
//! and one for the archive (`page`).
//!
//! A day folder is a publishable episode when it holds `briefing.mp3`, `script.json` and
//! `report.json` that can be read; anything else is skipped with a one-line warning.
pub(crate) mod feed;
pub(crate) mod page;
pub(crate) mod podcast;
pub(crate) mod serve;
pub(crate) mod validate;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use thiserror::Error;

use crate::fsutil::WriteError;
use crate::text::dates::{ENGLISH_MONTHS, GREGORIAN_MONTHS};

pub use feed::{build_feed, podcast_guid, prune, BuildOutcome};
pub use page::{refresh_pages, PagesOutcome};
pub use serve::{serve, ArchiveServer};
pub use validate::{feed_warnings, validate_feed, Problem};

/// Name of the episode audio inside a day folder.
pub const EPISODE_AUDIO: &str = "briefing.mp3";
/// Name of the WebVTT transcript inside a day folder.
pub const EPISODE_TRANSCRIPT: &str = "transcript.vtt";
/// Name of the Podcasting 2.0 JSON chapters inside a day folder.
pub const EPISODE_CHAPTERS: &str = "chapters.json";
/// Name of the programme script inside a day folder.
pub const EPISODE_SCRIPT: &str = "script.json";
/// Name of the run report inside a day folder.
pub const EPISODE_REPORT: &str = "report.json";
/// Name of the feed written at the top of the archive.
pub const FEED_FILE: &str = "feed.xml";

/// Largest JSON side file (script, report, chapters) read from a day folder.
const MAX_JSON_BYTES: u64 = 16 * 1024 * 1024;

/// Everything that can stop publishing. Messages name the file or URL concerned.
#[derive(Debug, Error)]
pub enum PublishError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A day folder could not be removed by `prune`.
    #[error("cannot remove {path}: {source}")]
    Remove {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The base URL (where the archive is served) is not an absolute http(s) URL.
    #[error("invalid base URL {url:?}: {reason}")]
    BaseUrl {
        /// The URL as given.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// A user-supplied cover image cannot be used.
    #[error("cover image {path}: {reason}")]
    Image {
        /// The image file or URL.
        path: String,
        /// Why it was refused.
        reason: String,
    },
    /// A setting is out of range.
    #[error("invalid feed setting: {0}")]
    Settings(String),
    /// The default cover could not be encoded.
    #[error("cannot encode the default cover {path}: {reason}")]
    Encode {
        /// The PNG file.
        path: PathBuf,
        /// The encoder's message.
        reason: String,
    },
    /// A day folder's listener page could not be made.
    #[error("no listener page for {path}: {reason}")]
    Page {
        /// The day folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The HTTP server could not start.
    #[error("cannot serve on {addr}: {reason}")]
    Serve {
        /// The address asked for.
        addr: String,
        /// The cause.
        reason: String,
    },
}

/// Where the podcast cover comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverImage {
    /// An image already served elsewhere, used as is.
    Url(String),
    /// A local PNG or JPEG (1400–3000 px square), copied into the archive as `cover.png`/`cover.jpg`.
    File(PathBuf),
}

impl CoverImage {
    /// `http://…`/`https://…` is a URL; anything else is a local file path.
    pub fn parse(value: &str) -> Self {
        let lower = value.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            Self::Url(value.to_string())
        } else {
            Self::File(PathBuf::from(value))
        }
    }
}

/// The podcast's owner, written as `itunes:owner`: podcast directories (Apple, Spotify) send
/// the verification of a show to this address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOwner {
    /// The owner's name; `None` uses the podcast's author.
    pub name: Option<String>,
    /// The owner's e-mail address.
    pub email: String,
}

/// The podcast's channel-level metadata and the retention policy.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedSettings {
    /// Podcast title.
    pub title: String,
    /// Podcast description.
    pub description: String,
    /// `itunes:author`.
    pub author: String,
    /// ISO 639 language code (`ar`, `en`, `ar-jo` …).
    pub language: String,
    /// The podcast's web site; when empty the base URL is used.
    pub link: String,
    /// Absolute http(s) URL where the archive folder is served (`feed.xml` lives at its top).
    pub base_url: String,
    /// The cover; `None` generates `cover.png` in the archive.
    pub image: Option<CoverImage>,
    /// Apple Podcasts category (e.g. `News`, or `News/Daily News` for a subcategory).
    pub category: String,
    /// `itunes:explicit`.
    pub explicit: bool,
    /// `itunes:owner`, and the `owner` of `podcast:locked`.
    pub owner: Option<FeedOwner>,
    /// `podcast:locked`: `yes` forbids importing the feed to another platform.
    pub locked: bool,
    /// Calendar days kept in the feed, counted back from the newest episode (at least 1).
    pub keep_days: usize,
}

impl Default for FeedSettings {
    fn default() -> Self {
        Self {
            title: "نشرة الأخبار".to_string(),
            description: "موجز يومي لأهم الأخبار العربية، بصوت آلي محلي.".to_string(),
            author: "nashra".to_string(),
            language: "ar".to_string(),
            link: String::new(),
            base_url: "http://localhost:8080".to_string(),
            image: None,
            category: "News".to_string(),
            explicit: false,
            owner: None,
            locked: false,
            keep_days: 30,
        }
    }
}

/// One publishable day of the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    /// The programme's day (the folder name).
    pub date: NaiveDate,
    /// The day folder.
    pub dir: PathBuf,
    /// Episode title with the date, e.g. "نشرة الأخبار — 29 نوفمبر 2026".
    pub title: String,
    /// The day's headlines, one per line ("headline (source)").
    pub description: String,
    /// Exact size of `briefing.mp3` in bytes.
    pub mp3_bytes: u64,
    /// Programme duration from `report.json`.
    pub duration_secs: f64,
    /// `transcript.vtt` is present and starts with `WEBVTT`.
    pub has_transcript: bool,
    /// `chapters.json` is present and is a JSON chapters document.
    pub has_chapters: bool,
    /// The day's headlines, in programme order.
    pub stories: Vec<String>,
}

/// The parts of `script.json` the feed needs.
#[derive(Debug, Deserialize)]
struct ScriptSummary {
    #[serde(default)]
    title: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    stories: Vec<StorySummary>,
}

/// One story of `script.json`.
#[derive(Debug, Deserialize)]
struct StorySummary {
    title: String,
    #[serde(default)]
    source_name: Option<String>,
}

/// The parts of `report.json` the feed needs.
#[derive(Debug, Deserialize)]
struct ReportSummary {
    duration_secs: f64,
}

/// Whether `path` is a readable Podcasting 2.0 JSON chapters document (an object with a
/// `chapters` array).
pub(crate) fn is_json_chapters(path: &Path) -> bool {
    read_json::<ChaptersSummary>(path).is_ok()
}

/// The parts of `chapters.json` checked before linking it.
#[derive(Debug, Deserialize)]
struct ChaptersSummary {
    #[allow(dead_code)]
    chapters: Vec<serde_json::Value>,
}

/// Scan the archive `out` for publishable day folders, newest first. Folders whose name is not a
/// `YYYY-MM-DD` date are ignored; day folders that cannot be published are reported in the
/// returned warnings (one line each, naming the file) and left out.
pub fn scan_archive(out: &Path) -> (Vec<Episode>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut episodes = Vec::new();
    for (date, dir) in day_folders(out, &mut warnings) {
        match read_episode(date, &dir) {
            Ok(episode) => episodes.push(episode),
            Err(warning) => warnings.push(warning),
        }
    }
    episodes.sort_by_key(|episode| std::cmp::Reverse(episode.date));
    (episodes, warnings)
}

/// The day folders of `out` (valid `YYYY-MM-DD` names that are folders), in no particular order.
fn day_folders(out: &Path, warnings: &mut Vec<String>) -> Vec<(NaiveDate, PathBuf)> {
    let entries = match fs::read_dir(out) {
        Ok(entries) => entries,
        Err(error) => {
            warnings.push(format!(
                "cannot read archive folder {}: {error}",
                out.display()
            ));
            return Vec::new();
        }
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let date = day_folder_date(&entry.file_name().to_string_lossy())?;
            let path = entry.path();
            path.is_dir().then_some((date, path))
        })
        .collect()
}

/// The date a folder name stands for, when it is exactly `YYYY-MM-DD`.
pub(crate) fn day_folder_date(name: &str) -> Option<NaiveDate> {
    if name.len() != 10 || !name.is_ascii() {
        return None;
    }
    let date = NaiveDate::parse_from_str(name, "%Y-%m-%d").ok()?;
    (date.format("%Y-%m-%d").to_string() == name).then_some(date)
}

/// Read one day folder; the error is the one-line warning explaining why it is skipped.
fn read_episode(date: NaiveDate, dir: &Path) -> Result<Episode, String> {
    let day = date.format("%Y-%m-%d");
    let audio = dir.join(EPISODE_AUDIO);
    let mp3_bytes = match fs::metadata(&audio) {
        Ok(meta) if meta.is_file() && meta.len() > 0 => meta.len(),
        Ok(_) => {
            return Err(format!(
                "skipping {day}: {} is empty or not a file",
                audio.display()
            ))
        }
        Err(_) => return Err(format!("skipping {day}: no {}", audio.display())),
    };
    let script: ScriptSummary =
        read_json(&dir.join(EPISODE_SCRIPT)).map_err(|e| format!("skipping {day}: {e}"))?;
    let report: ReportSummary =
        read_json(&dir.join(EPISODE_REPORT)).map_err(|e| format!("skipping {day}: {e}"))?;
    if !report.duration_secs.is_finite() || report.duration_secs < 0.0 {
        return Err(format!(
            "skipping {day}: {} has an invalid duration_secs {}",
            dir.join(EPISODE_REPORT).display(),
            report.duration_secs
        ));
    }
    let stories: Vec<String> = script.stories.iter().map(|s| one_line(&s.title)).collect();
    let description = script
        .stories
        .iter()
        .map(story_line)
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Episode {
        date,
        dir: dir.to_path_buf(),
        title: episode_title(&script.title, &script.language, date),
        description,
        mp3_bytes,
        duration_secs: report.duration_secs,
        has_transcript: is_webvtt(&dir.join(EPISODE_TRANSCRIPT)),
        has_chapters: is_json_chapters(&dir.join(EPISODE_CHAPTERS)),
        stories,
    })
}

/// "headline (source)" on one line.
fn story_line(story: &StorySummary) -> String {
    match story
        .source_name
        .as_deref()
        .map(one_line)
        .filter(|s| !s.is_empty())
    {
        Some(source) => format!("{} ({source})", one_line(&story.title)),
        None => one_line(&story.title),
    }
}

/// Collapse all whitespace runs (newlines included) to single spaces and trim.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Read and parse a JSON side file (at most [`MAX_JSON_BYTES`]); the error names the file.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_JSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_JSON_BYTES {
        return Err(format!(
            "{} is larger than {MAX_JSON_BYTES} bytes",
            path.display()
        ));
    }
    serde_json::from_slice(&bytes).map_err(|e| format!("{} is not valid: {e}", path.display()))
}

/// Whether `path` is a file that starts with the WebVTT signature (after an optional BOM).
pub(crate) fn is_webvtt(path: &Path) -> bool {
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(16).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&head);
    head.starts_with(b"WEBVTT")
}

/// The episode title: the programme title, an em dash and the date in the programme's
/// language (Arabic month names unless the language is English).
pub fn episode_title(programme_title: &str, language: &str, date: NaiveDate) -> String {
    let title = one_line(programme_title);
    let english = language.to_ascii_lowercase().starts_with("en");
    let title = if title.is_empty() {
        if english {
            "News briefing"
        } else {
            "نشرة الأخبار"
        }
        .to_string()
    } else {
        title
    };
    format!("{title} — {}", spoken_date(date, english))
}

/// "29 نوفمبر 2026" or "29 November 2026".
fn spoken_date(date: NaiveDate, english: bool) -> String {
    let index = date.month0() as usize % 12;
    let month = if english {
        ENGLISH_MONTHS[index]
    } else {
        GREGORIAN_MONTHS[index]
    };
    format!("{} {month} {}", date.day(), date.year())
}

#[cfg(test)]
pub(crate) mod test_archive {
    //! A small but real archive on disk, shared by the tests of every publish file.
    use std::fs;
    use std::path::Path;

    /// Write one day folder with all the files `nashra brief` produces (the MP3 is a byte blob:
    /// only its size matters to the feed). Returns the MP3 size.
    pub fn write_day(out: &Path, date: &str, headlines: &[&str], mp3_len: usize) -> u64 {
        let dir = out.join(date);
        fs::create_dir_all(&dir).unwrap();
        let mp3: Vec<u8> = (0..mp3_len).map(|i| (i % 251) as u8).collect();
        fs::write(dir.join("briefing.mp3"), &mp3).unwrap();
        fs::write(dir.join("briefing.wav"), b"RIFF0000WAVE").unwrap();
        let stories: Vec<serde_json::Value> = headlines
            .iter()
            .map(|h| serde_json::json!({"title": h, "source_name": "الجزيرة", "url": null, "paragraphs_read": 2, "paragraphs_total": 4}))
            .collect();
        let script = serde_json::json!({"title": "نشرة الأخبار", "date": date, "language": "ar", "stories": stories, "segments": []});
        fs::write(
            dir.join("script.json"),
            serde_json::to_vec(&script).unwrap(),
        )
        .unwrap();
        let report = serde_json::json!({"date": date, "duration_secs": 312.4, "stories": headlines.len(),
            "voice": {"id": "ar_JO-kareem-medium", "engine": "piper", "sample_rate": 22050}, "extra": [1, 2]});
        fs::write(
            dir.join("report.json"),
            serde_json::to_vec(&report).unwrap(),
        )
        .unwrap();
        let chapters = serde_json::json!({"version": "1.2.0", "chapters": [{"startTime": 0.0, "title": "مقدمة"}]});
        fs::write(
            dir.join("chapters.json"),
            serde_json::to_vec(&chapters).unwrap(),
        )
        .unwrap();
        fs::write(
            dir.join("transcript.vtt"),
            "WEBVTT\n\n00:00.000 --> 00:02.000\nمرحبا\n",
        )
        .unwrap();
        mp3_len as u64
    }
}

#[cfg(test)]
mod tests {
    use super::test_archive::write_day;
    use super::*;

    #[test]
    fn scan_reads_days_newest_first_and_ignores_other_folders() {
        let out = tempfile::tempdir().unwrap();
        write_day(out.path(), "2026-11-28", &["أمس"], 100);
        write_day(out.path(), "2026-11-29", &["خبر أول", "خبر ثان"], 200);
        fs::create_dir_all(out.path().join("not-a-date")).unwrap();
        fs::create_dir_all(out.path().join("2026-13-01")).unwrap();
        fs::create_dir_all(out.path().join("2026-1-05")).unwrap();
        let (episodes, warnings) = scan_archive(out.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(episodes.len(), 2);
        let newest = &episodes[0];
        assert_eq!(newest.date, NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
        assert_eq!(newest.title, "نشرة الأخبار — 29 نوفمبر 2026");
        assert_eq!(newest.mp3_bytes, 200);
        assert_eq!(newest.stories, vec!["خبر أول", "خبر ثان"]);
        assert_eq!(newest.description, "خبر أول (الجزيرة)\nخبر ثان (الجزيرة)");
        assert!((newest.duration_secs - 312.4).abs() < 1e-9);
        assert!(newest.has_transcript && newest.has_chapters);
    }

    #[test]
    fn unpublishable_days_are_skipped_with_a_warning_naming_the_file() {
        let out = tempfile::tempdir().unwrap();
        write_day(out.path(), "2026-11-27", &["a"], 10);
        fs::remove_file(out.path().join("2026-11-27/briefing.mp3")).unwrap();
        write_day(out.path(), "2026-11-28", &["b"], 10);
        fs::write(out.path().join("2026-11-28/script.json"), b"{not json").unwrap();
        write_day(out.path(), "2026-11-29", &["c"], 10);
        fs::remove_file(out.path().join("2026-11-29/report.json")).unwrap();
        write_day(out.path(), "2026-11-30", &["d"], 10);
        fs::write(out.path().join("2026-11-30/chapters.json"), b"[]").unwrap();
        fs::write(out.path().join("2026-11-30/transcript.vtt"), b"not a vtt").unwrap();
        let (episodes, warnings) = scan_archive(out.path());
        assert_eq!(episodes.len(), 1);
        assert!(!episodes[0].has_chapters && !episodes[0].has_transcript);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[..]
            .iter()
            .any(|w| w.contains("2026-11-27") && w.contains("briefing.mp3")));
        assert!(warnings
            .iter()
            .any(|w| w.contains("2026-11-28/script.json")));
        assert!(warnings
            .iter()
            .any(|w| w.contains("2026-11-29/report.json")));
    }

    #[test]
    fn missing_archive_is_a_warning_not_a_crash() {
        let (episodes, warnings) = scan_archive(Path::new("/nonexistent/nashra-archive"));
        assert!(episodes.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("/nonexistent/nashra-archive"));
    }

    #[test]
    fn titles_use_the_programme_language() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(
            episode_title("Briefing", "en", date),
            "Briefing — 5 January 2026"
        );
        assert_eq!(episode_title("", "ar", date), "نشرة الأخبار — 5 يناير 2026");
        assert_eq!(
            episode_title("  نشرة\nالمساء ", "ar", date),
            "نشرة المساء — 5 يناير 2026"
        );
    }

    #[test]
    fn cover_image_parse_tells_urls_from_files() {
        assert_eq!(
            CoverImage::parse("https://x.org/a.png"),
            CoverImage::Url("https://x.org/a.png".into())
        );
        assert_eq!(
            CoverImage::parse("art/cover.jpg"),
            CoverImage::File(PathBuf::from("art/cover.jpg"))
        );
    }
}
