//! The podcast feed: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, written atomically to
//! `OUT/feed.xml` from the archive's day folders.
//!
//! Everything in the feed is a function of the archive and the settings, so rebuilding an
//! unchanged archive gives a byte-identical file: an episode's `pubDate` is 06:00 UTC of its day
//! (not the MP3's modification time), `lastBuildDate` is the newest episode's `pubDate`, and the
//! item GUID is `nashra:<podcast:guid>:<YYYY-MM-DD>`, where the podcast GUID is the UUIDv5 of the
//! feed URL. Moving the archive to another base URL therefore changes every GUID.
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use super::podcast::{
    image_info, is_iso639_language, ImageFormat, ATOM_NS, ITUNES_NS, MAX_COVER_SIDE,
    MIN_COVER_SIDE, PODCAST_NS,
};
use super::{
    day_folder_date, scan_archive, CoverImage, Episode, FeedSettings, PublishError, EPISODE_AUDIO,
    EPISODE_CHAPTERS, EPISODE_TRANSCRIPT, FEED_FILE,
};
use crate::fsutil::{write_atomic, WriteError};

/// UUID namespace of `podcast:guid` (Podcasting 2.0).
const PODCAST_GUID_NAMESPACE: [u8; 16] = [
    0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6, 0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6,
];
/// Name of the generated default cover.
pub const DEFAULT_COVER: &str = "cover.png";
/// Side of the generated default cover, in pixels.
pub const DEFAULT_COVER_SIDE: u32 = 1400;
/// Largest user cover image read.
const MAX_COVER_BYTES: u64 = 20 * 1024 * 1024;
/// Hour (UTC) used as every episode's publication time.
const PUBLISH_HOUR_UTC: u32 = 6;

/// What `build_feed` did.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildOutcome {
    /// The feed written (`OUT/feed.xml`).
    pub feed_path: PathBuf,
    /// Where the feed is served (`base_url/feed.xml`).
    pub feed_url: String,
    /// `podcast:guid` of the feed.
    pub podcast_guid: String,
    /// Dates of the episodes in the feed, newest first.
    pub episodes: Vec<NaiveDate>,
    /// Dates of publishable episodes left out by the retention policy (their files stay).
    pub dropped: Vec<NaiveDate>,
    /// The cover file in the archive (generated, kept or copied); `None` for a cover URL.
    pub cover_path: Option<PathBuf>,
    /// Skipped day folders and cover remarks, one line each.
    pub warnings: Vec<String>,
}

/// Build `OUT/feed.xml` over the archive `out` and write it atomically. Days without a
/// publishable episode are skipped with a warning; only the episodes of the newest
/// `settings.keep_days` calendar days (counted back from the newest episode) are listed.
pub fn build_feed(out: &Path, settings: &FeedSettings) -> Result<BuildOutcome, PublishError> {
    check_settings(settings)?;
    let base = base_url(&settings.base_url)?;
    if !out.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not an existing folder");
        return Err(PublishError::Read {
            path: out.to_path_buf(),
            source,
        });
    }
    let feed_url = format!("{base}/{FEED_FILE}");
    let guid = podcast_guid(&feed_url);
    let (episodes, mut warnings) = scan_archive(out);
    let (kept, dropped) = apply_retention(episodes, settings.keep_days);
    let cover = prepare_cover(out, &base, settings)?;
    warnings.extend(cover.warnings);
    let xml = render_feed(
        &FeedContext {
            settings,
            base: &base,
            feed_url: &feed_url,
            guid: &guid,
            image_href: &cover.href,
        },
        &kept,
    );
    let feed_path = out.join(FEED_FILE);
    write_atomic(&feed_path, xml.as_bytes())
        .map_err(|source| WriteError::new(&feed_path, source))?;
    Ok(BuildOutcome {
        feed_path,
        feed_url,
        podcast_guid: guid,
        episodes: kept.iter().map(|e| e.date).collect(),
        dropped: dropped.iter().map(|e| e.date).collect(),
        cover_path: cover.written,
        warnings,
    })
}

/// Delete the day folders of `out` older than the retention (the `keep_days` calendar days ending
/// on the newest publishable episode). Only folders named `YYYY-MM-DD` are touched; nothing is
/// deleted when the archive has no publishable episode. Returns the removed folders, oldest first.
pub fn prune(out: &Path, keep_days: usize) -> Result<Vec<PathBuf>, PublishError> {
    if keep_days == 0 {
        return Err(PublishError::Settings(
            "keep_days must be at least 1".into(),
        ));
    }
    let (episodes, _) = scan_archive(out);
    let Some(newest) = episodes.first().map(|e| e.date) else {
        return Ok(Vec::new());
    };
    let Some(cutoff) = retention_start(newest, keep_days) else {
        return Ok(Vec::new());
    };
    let entries = fs::read_dir(out).map_err(|source| PublishError::Read {
        path: out.to_path_buf(),
        source,
    })?;
    let mut old: Vec<(NaiveDate, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            Some((
                day_folder_date(&entry.file_name().to_string_lossy())?,
                entry.path(),
            ))
        })
        .filter(|(date, _)| *date < cutoff)
        .collect();
    old.sort();
    let mut removed = Vec::new();
    for (_, path) in old {
        remove_day_folder(&path)?;
        removed.push(path);
    }
    Ok(removed)
}

/// Remove a day folder; a symbolic link is removed itself, never followed.
fn remove_day_folder(path: &Path) -> Result<(), PublishError> {
    let meta = fs::symlink_metadata(path).map_err(|source| PublishError::Remove {
        path: path.to_path_buf(),
        source,
    })?;
    let result = if meta.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    };
    result.map_err(|source| PublishError::Remove {
        path: path.to_path_buf(),
        source,
    })
}

/// The first day inside the retention window, or `None` when the window reaches past the
/// calendar's start (everything is kept).
fn retention_start(newest: NaiveDate, keep_days: usize) -> Option<NaiveDate> {
    let back = u64::try_from(keep_days.saturating_sub(1)).ok()?;
    newest.checked_sub_days(Days::new(back))
}

/// Split episodes (newest first) into those inside the retention window and those before it.
fn apply_retention(episodes: Vec<Episode>, keep_days: usize) -> (Vec<Episode>, Vec<Episode>) {
    let Some(newest) = episodes.first().map(|e| e.date) else {
        return (episodes, Vec::new());
    };
    match retention_start(newest, keep_days) {
        Some(start) => episodes.into_iter().partition(|e| e.date >= start),
        None => (episodes, Vec::new()),
    }
}

/// Refuse settings that would give an invalid feed.
fn check_settings(settings: &FeedSettings) -> Result<(), PublishError> {
    if settings.keep_days == 0 {
        return Err(PublishError::Settings(
            "keep_days must be at least 1".into(),
        ));
    }
    if settings.title.trim().is_empty() {
        return Err(PublishError::Settings("the podcast title is empty".into()));
    }
    if settings.description.trim().is_empty() {
        return Err(PublishError::Settings(
            "the podcast description is empty".into(),
        ));
    }
    if settings.category.trim().is_empty() {
        return Err(PublishError::Settings(
            "the podcast category is empty".into(),
        ));
    }
    if !is_iso639_language(&settings.language) {
        return Err(PublishError::Settings(format!(
            "{:?} is not an ISO 639 language code",
            settings.language
        )));
    }
    Ok(())
}

/// The base URL without trailing slashes, after checking it is an absolute http(s) URL with a
/// host and no query or fragment.
fn base_url(raw: &str) -> Result<String, PublishError> {
    let refuse = |reason: &str| PublishError::BaseUrl {
        url: raw.to_string(),
        reason: reason.to_string(),
    };
    let trimmed = raw.trim().trim_end_matches('/');
    let parsed = url::Url::parse(trimmed).map_err(|e| refuse(&e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(refuse("the scheme must be http or https"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(refuse("there is no host"));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(refuse("a query or fragment is not allowed"));
    }
    if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(refuse("spaces are not allowed"));
    }
    Ok(trimmed.to_string())
}

/// `podcast:guid`: the UUIDv5 (namespace `ead4c236-bf58-58c6-a2c6-a6b28d128cb6`) of the feed URL
/// with its scheme and trailing slashes removed, as the Podcasting 2.0 specification says.
pub fn podcast_guid(feed_url: &str) -> String {
    let without_scheme = feed_url
        .split_once("://")
        .map_or(feed_url, |(_, rest)| rest);
    uuid_v5(
        &PODCAST_GUID_NAMESPACE,
        without_scheme.trim_end_matches('/').as_bytes(),
    )
}

/// RFC 4122 version 5 (SHA-1, name-based) UUID in its hyphenated lower-case form.
fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(namespace);
    hasher.update(name);
    let digest = hasher.digest().bytes();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The cover to link, and the file in the archive behind it.
struct PreparedCover {
    href: String,
    written: Option<PathBuf>,
    warnings: Vec<String>,
}

/// Make the cover available: a URL is linked as is, a local image is copied into the archive,
/// and without either a default cover is generated.
fn prepare_cover(
    out: &Path,
    base: &str,
    settings: &FeedSettings,
) -> Result<PreparedCover, PublishError> {
    match &settings.image {
        Some(CoverImage::Url(href)) => {
            let parsed = url::Url::parse(href).map_err(|e| PublishError::Image {
                path: href.clone(),
                reason: e.to_string(),
            })?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(PublishError::Image {
                    path: href.clone(),
                    reason: "the scheme must be http or https".into(),
                });
            }
            Ok(PreparedCover {
                href: href.clone(),
                written: None,
                warnings: Vec::new(),
            })
        }
        Some(CoverImage::File(path)) => copy_user_cover(out, base, path),
        None => {
            let path = out.join(DEFAULT_COVER);
            if !is_usable_cover(&path) {
                let png = default_cover_png(&path)?;
                write_atomic(&path, &png).map_err(|source| WriteError::new(&path, source))?;
            }
            Ok(PreparedCover {
                href: format!("{base}/{DEFAULT_COVER}"),
                written: Some(path),
                warnings: Vec::new(),
            })
        }
    }
}

/// Copy a user's PNG/JPEG into the archive as `cover.png`/`cover.jpg`; a size outside Apple's
/// 1400–3000 px square is a warning.
fn copy_user_cover(out: &Path, base: &str, source: &Path) -> Result<PreparedCover, PublishError> {
    let refuse = |reason: String| PublishError::Image {
        path: source.display().to_string(),
        reason,
    };
    let file = fs::File::open(source).map_err(|e| refuse(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_COVER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(e.to_string()))?;
    if bytes.len() as u64 > MAX_COVER_BYTES {
        return Err(refuse(format!("larger than {MAX_COVER_BYTES} bytes")));
    }
    let info = image_info(&bytes).ok_or_else(|| refuse("not a PNG or JPEG image".into()))?;
    let mut warnings = Vec::new();
    let square = info.width == info.height;
    if !square || !(MIN_COVER_SIDE..=MAX_COVER_SIDE).contains(&info.width) {
        warnings.push(format!(
            "cover image {} is {}×{} px; podcast directories want a square of {MIN_COVER_SIDE}–{MAX_COVER_SIDE} px",
            source.display(),
            info.width,
            info.height
        ));
    }
    let name = match info.format {
        ImageFormat::Png => "cover.png",
        ImageFormat::Jpeg => "cover.jpg",
    };
    let target = out.join(name);
    write_if_changed(&target, &bytes)?;
    Ok(PreparedCover {
        href: format!("{base}/{name}"),
        written: Some(target),
        warnings,
    })
}

/// Whether `path` already holds a PNG that podcast directories accept (a square of 1400–3000 px),
/// so the default cover need not be drawn again (a cover the user put there is kept).
fn is_usable_cover(path: &Path) -> bool {
    let mut header = Vec::new();
    let read = fs::File::open(path).and_then(|file| file.take(64).read_to_end(&mut header));
    read.is_ok()
        && image_info(&header).is_some_and(|info| {
            info.format == ImageFormat::Png
                && info.width == info.height
                && (MIN_COVER_SIDE..=MAX_COVER_SIDE).contains(&info.width)
        })
}

/// Write `bytes` to `path` atomically unless the file already holds exactly them.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<(), PublishError> {
    if fs::read(path).is_ok_and(|existing| existing == bytes) {
        return Ok(());
    }
    write_atomic(path, bytes).map_err(|source| WriteError::new(path, source).into())
}

/// The default cover: a 1400×1400 PNG, a dark blue field with diagonal stripes, a stylised
/// sound wave and a light band. `path` only names the file in errors.
pub fn default_cover_png(path: &Path) -> Result<Vec<u8>, PublishError> {
    let pixels = cover_pixels(DEFAULT_COVER_SIDE as usize);
    let mut png_bytes = Vec::new();
    let fail = |e: png::EncodingError| PublishError::Encode {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, DEFAULT_COVER_SIDE, DEFAULT_COVER_SIDE);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header().map_err(fail)?;
        writer.write_image_data(&pixels).map_err(fail)?;
        writer.finish().map_err(fail)?;
    }
    Ok(png_bytes)
}

/// RGB pixels of the default cover, `side`×`side`. Rows are copied from a striped tape (the
/// stripes run diagonally because each row starts one pixel further along it) and the wave bars
/// and band are painted over them.
fn cover_pixels(side: usize) -> Vec<u8> {
    const FIELD: [u8; 3] = [0x0b, 0x25, 0x45];
    const STRIPE: [u8; 3] = [0x13, 0x31, 0x5c];
    const WAVE: [u8; 3] = [0xe9, 0xc4, 0x6a];
    const BAND: [u8; 3] = [0x8d, 0xa9, 0xc4];
    const STRIPE_PERIOD: usize = 120;
    let tape: Vec<u8> = (0..side + STRIPE_PERIOD)
        .flat_map(|i| {
            if i % STRIPE_PERIOD < STRIPE_PERIOD / 3 {
                STRIPE
            } else {
                FIELD
            }
        })
        .collect();
    let band_rows = side * 7 / 8..side * 7 / 8 + side / 40;
    let band_row: Vec<u8> = (0..side).flat_map(|_| BAND).collect();
    let wave_run: Vec<u8> = (0..side).flat_map(|_| WAVE).collect();
    let bars = wave_bars(side);
    let mut pixels = vec![0u8; side * side * 3];
    for (y, row) in pixels.chunks_exact_mut(side * 3).enumerate() {
        if band_rows.contains(&y) {
            row.copy_from_slice(&band_row);
            continue;
        }
        let offset = (y % STRIPE_PERIOD) * 3;
        row.copy_from_slice(&tape[offset..offset + side * 3]);
        for bar in bars.iter().filter(|bar| bar.rows.contains(&y)) {
            let columns = bar.columns.start * 3..bar.columns.end * 3;
            let width = columns.len();
            row[columns].copy_from_slice(&wave_run[..width]);
        }
    }
    pixels
}

/// One bar of the cover's sound wave.
struct WaveBar {
    columns: std::ops::Range<usize>,
    rows: std::ops::RangeInclusive<usize>,
}

/// The sound-wave bars: deterministic heights between 10% and 40% of the side, centred on the
/// image, across about three quarters of the width.
fn wave_bars(side: usize) -> Vec<WaveBar> {
    let pitch = (side / 28).max(1);
    let bar_width = (pitch * 2 / 3).max(1);
    let count = side * 3 / 4 / pitch;
    let span = count.saturating_sub(1) * pitch + bar_width;
    let (left, centre) = (side.saturating_sub(span) / 2, side / 2);
    (0..count)
        .map(|index| {
            let x = left + index * pitch;
            let height = side / 10 + (index * 37 % 11) * side / 36;
            WaveBar {
                columns: x..x + bar_width,
                rows: centre - height / 2..=centre + height / 2,
            }
        })
        .collect()
}

/// What the channel needs besides the settings.
struct FeedContext<'a> {
    settings: &'a FeedSettings,
    base: &'a str,
    feed_url: &'a str,
    guid: &'a str,
    image_href: &'a str,
}

/// The whole feed document.
fn render_feed(context: &FeedContext<'_>, episodes: &[Episode]) -> String {
    let settings = context.settings;
    let link = if settings.link.trim().is_empty() {
        context.base
    } else {
        settings.link.trim()
    };
    let mut xml = XmlOut::default();
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:itunes", ITUNES_NS),
            ("xmlns:podcast", PODCAST_NS),
            ("xmlns:atom", ATOM_NS),
        ],
    );
    xml.open("channel", &[]);
    xml.text("title", &[], &settings.title);
    xml.text("link", &[], link);
    xml.empty(
        "atom:link",
        &[
            ("href", context.feed_url),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    xml.text("description", &[], &settings.description);
    xml.text("language", &[], &settings.language.to_ascii_lowercase());
    xml.text(
        "generator",
        &[],
        concat!("nashra ", env!("CARGO_PKG_VERSION")),
    );
    if let Some(newest) = episodes.first() {
        xml.text("lastBuildDate", &[], &pub_date(newest.date));
    }
    xml.open("image", &[]);
    xml.text("url", &[], context.image_href);
    xml.text("title", &[], &settings.title);
    xml.text("link", &[], link);
    xml.close("image");
    xml.text("itunes:author", &[], &settings.author);
    if let Some(owner) = &settings.owner {
        xml.open("itunes:owner", &[]);
        xml.text(
            "itunes:name",
            &[],
            owner.name.as_deref().unwrap_or(&settings.author),
        );
        xml.text("itunes:email", &[], &owner.email);
        xml.close("itunes:owner");
    }
    xml.empty("itunes:image", &[("href", context.image_href)]);
    write_category(&mut xml, &settings.category);
    xml.text(
        "itunes:explicit",
        &[],
        if settings.explicit { "true" } else { "false" },
    );
    xml.text("itunes:type", &[], "episodic");
    xml.text("podcast:guid", &[], context.guid);
    let locked = if settings.locked { "yes" } else { "no" };
    match &settings.owner {
        Some(owner) => xml.text("podcast:locked", &[("owner", &owner.email)], locked),
        None => xml.text("podcast:locked", &[], locked),
    }
    for episode in episodes {
        write_item(&mut xml, context, episode);
    }
    xml.close("channel");
    xml.close("rss");
    xml.finish()
}

/// `itunes:category`, with one subcategory when the setting is `Category/Subcategory`.
fn write_category(xml: &mut XmlOut, category: &str) {
    match category.split_once('/') {
        Some((main, sub)) if !sub.trim().is_empty() => {
            xml.open("itunes:category", &[("text", main.trim())]);
            xml.empty("itunes:category", &[("text", sub.trim())]);
            xml.close("itunes:category");
        }
        _ => xml.empty(
            "itunes:category",
            &[("text", category.trim().trim_end_matches('/'))],
        ),
    }
}

/// One `<item>`.
fn write_item(xml: &mut XmlOut, context: &FeedContext<'_>, episode: &Episode) {
    let day = episode.date.format("%Y-%m-%d").to_string();
    let language = context.settings.language.to_ascii_lowercase();
    xml.open("item", &[]);
    xml.text("title", &[], &episode.title);
    xml.text("description", &[], &description_html(episode));
    xml.text("pubDate", &[], &pub_date(episode.date));
    xml.text(
        "guid",
        &[("isPermaLink", "false")],
        &episode_guid(context.guid, episode.date),
    );
    let audio_url = format!("{}/{day}/{EPISODE_AUDIO}", context.base);
    xml.empty(
        "enclosure",
        &[
            ("url", &audio_url),
            ("length", &episode.mp3_bytes.to_string()),
            ("type", "audio/mpeg"),
        ],
    );
    xml.text("itunes:duration", &[], &hh_mm_ss(episode.duration_secs));
    xml.text("itunes:episodeType", &[], "full");
    if episode.has_transcript {
        let url = format!("{}/{day}/{EPISODE_TRANSCRIPT}", context.base);
        xml.empty(
            "podcast:transcript",
            &[("url", &url), ("type", "text/vtt"), ("language", &language)],
        );
    }
    if episode.has_chapters {
        let url = format!("{}/{day}/{EPISODE_CHAPTERS}", context.base);
        xml.empty(
            "podcast:chapters",
            &[("url", &url), ("type", "application/json+chapters")],
        );
    }
    xml.close("item");
}

/// The item GUID: `nashra:<podcast guid>:<YYYY-MM-DD>`.
pub fn episode_guid(podcast_guid: &str, date: NaiveDate) -> String {
    format!("nashra:{podcast_guid}:{}", date.format("%Y-%m-%d"))
}

/// RFC 2822 publication time of an episode: 06:00 UTC on its day.
pub fn pub_date(date: NaiveDate) -> String {
    match date.and_hms_opt(PUBLISH_HOUR_UTC, 0, 0) {
        Some(time) => time.and_utc().to_rfc2822(),
        None => date.and_time(chrono::NaiveTime::MIN).and_utc().to_rfc2822(),
    }
}

/// `HH:MM:SS` of a duration in seconds (rounded to the nearest second).
pub fn hh_mm_ss(seconds: f64) -> String {
    let total = if seconds.is_finite() && seconds > 0.0 {
        seconds.round().min(u32::MAX as f64) as u64
    } else {
        0
    };
    format!(
        "{:02}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    )
}

/// The item description as HTML (an ordered list of the day's headlines), which podcast apps
/// render; the feed writer escapes it again as XML text.
fn description_html(episode: &Episode) -> String {
    let lines: Vec<&str> = episode
        .description
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.is_empty() {
        return escape_html(&episode.title);
    }
    let items: String = lines
        .iter()
        .map(|line| format!("<li>{}</li>", escape_html(line)))
        .collect();
    format!("<ol>{items}</ol>")
}

/// Escape text for HTML (`& < > " '`).
fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Whether `c` may appear in an XML 1.0 document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Escape text for XML 1.0: `& < > " '` become entities, characters XML cannot carry (control
/// characters, U+FFFE/U+FFFF) are dropped, and in attributes tab/newline/CR become character
/// references so that parsers do not normalise them to spaces.
pub fn escape_xml(text: &str, in_attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars().filter(|&c| is_xml_char(c)) {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' if in_attribute => escaped.push_str("&#9;"),
            '\n' if in_attribute => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// A minimal indenting XML writer; every value goes through [`escape_xml`].
#[derive(Default)]
struct XmlOut {
    buffer: String,
    depth: usize,
}

impl XmlOut {
    fn raw(&mut self, text: &str) {
        self.buffer.push_str(text);
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.buffer.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.indent();
        self.buffer.push('<');
        self.buffer.push_str(name);
        for (key, value) in attributes {
            self.buffer.push(' ');
            self.buffer.push_str(key);
            self.buffer.push_str("=\"");
            self.buffer.push_str(&escape_xml(value, true));
            self.buffer.push('"');
        }
    }

    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.buffer.push_str(">\n");
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.buffer.push_str("</");
        self.buffer.push_str(name);
        self.buffer.push_str(">\n");
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.buffer.push_str("/>\n");
    }

    fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.start_tag(name, attributes);
        self.buffer.push('>');
        self.buffer.push_str(&escape_xml(text, false));
        self.buffer.push_str("</");
        self.buffer.push_str(name);
        self.buffer.push_str(">\n");
    }

    fn finish(self) -> String {
        self.buffer
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::super::test_archive::write_day;
    use super::super::validate::validate_feed;
    use super::super::FeedOwner;
    use super::*;

    const BASE: &str = "https://pod.example.org/nashra/";

    fn settings() -> FeedSettings {
        FeedSettings {
            base_url: BASE.into(),
            author: "فريق نشرة".into(),
            ..FeedSettings::default()
        }
    }

    fn two_day_archive() -> (tempfile::TempDir, u64, u64) {
        let out = tempfile::tempdir().unwrap();
        let older = write_day(out.path(), "2026-11-28", &["خبر الأمس"], 1234);
        let newer = write_day(
            out.path(),
            "2026-11-29",
            &["الخبر الأول", "الخبر الثاني"],
            4321,
        );
        (out, older, newer)
    }

    fn parse(path: &Path) -> feed_rs::model::Feed {
        feed_rs::parser::parse(fs::read(path).unwrap().as_slice()).unwrap()
    }

    /// Every media content of an entry, whichever media object feed-rs put it in.
    fn contents(entry: &feed_rs::model::Entry) -> Vec<&feed_rs::model::MediaContent> {
        entry.media.iter().flat_map(|m| m.content.iter()).collect()
    }

    #[test]
    fn two_day_feed_parses_back_field_by_field() {
        let (out, older_size, newer_size) = two_day_archive();
        let outcome = build_feed(out.path(), &settings()).unwrap();
        assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
        assert_eq!(outcome.feed_url, "https://pod.example.org/nashra/feed.xml");
        assert_eq!(
            outcome.podcast_guid,
            podcast_guid("https://pod.example.org/nashra/feed.xml")
        );
        let feed = parse(&outcome.feed_path);
        assert_eq!(feed.title.as_ref().unwrap().content, "نشرة الأخبار");
        assert_eq!(
            feed.description.as_ref().unwrap().content,
            FeedSettings::default().description
        );
        assert_eq!(feed.language.as_deref(), Some("ar"));
        assert_eq!(
            feed.logo.as_ref().unwrap().uri,
            "https://pod.example.org/nashra/cover.png"
        );
        assert!(feed.categories.iter().any(|c| c.term == "News"));
        assert!(feed
            .authors
            .iter()
            .any(|a| a.name.as_deref() == Some("فريق نشرة")));
        assert!(feed
            .links
            .iter()
            .any(|l| l.href == "https://pod.example.org/nashra"));
        assert_eq!(feed.entries.len(), 2);

        let newest = &feed.entries[0];
        assert_eq!(
            newest.id,
            format!("nashra:{}:2026-11-29", outcome.podcast_guid)
        );
        assert_eq!(
            newest.title.as_ref().unwrap().content,
            "نشرة الأخبار — 29 نوفمبر 2026"
        );
        assert_eq!(
            newest.published.unwrap().to_rfc3339(),
            "2026-11-29T06:00:00+00:00"
        );
        let summary = &newest.summary.as_ref().unwrap().content;
        assert!(
            summary.contains("<li>الخبر الأول (الجزيرة)</li><li>الخبر الثاني (الجزيرة)</li>"),
            "{summary}"
        );
        let audio = contents(newest);
        assert_eq!(audio.len(), 1);
        assert_eq!(
            audio[0].url.as_ref().unwrap().as_str(),
            "https://pod.example.org/nashra/2026-11-29/briefing.mp3"
        );
        assert_eq!(audio[0].size, Some(newer_size));
        assert_eq!(
            audio[0].content_type.as_ref().unwrap().to_string(),
            "audio/mpeg"
        );
        // feed-rs 3 drops an iTunes media object holding only a duration, so
        // itunes:duration is checked in the text below.
        let transcripts: Vec<_> = newest
            .media
            .iter()
            .flat_map(|m| m.transcripts.iter())
            .collect();
        assert_eq!(transcripts.len(), 1);
        assert_eq!(
            transcripts[0].url.as_str(),
            "https://pod.example.org/nashra/2026-11-29/transcript.vtt"
        );
        assert_eq!(transcripts[0].content_type.to_string(), "text/vtt");

        let oldest = &feed.entries[1];
        assert_eq!(
            oldest.title.as_ref().unwrap().content,
            "نشرة الأخبار — 28 نوفمبر 2026"
        );
        assert_eq!(contents(oldest)[0].size, Some(older_size));

        // Tags feed-rs does not model, checked in the text.
        let xml = fs::read_to_string(&outcome.feed_path).unwrap();
        assert!(xml.contains(&format!(
            "<podcast:guid>{}</podcast:guid>",
            outcome.podcast_guid
        )));
        assert!(xml.contains(r#"<podcast:chapters url="https://pod.example.org/nashra/2026-11-29/chapters.json" type="application/json+chapters"/>"#));
        assert!(xml.contains("<itunes:explicit>false</itunes:explicit>"));
        assert!(xml.contains("<itunes:type>episodic</itunes:type>"));
        assert!(xml.contains("<itunes:duration>00:05:12</itunes:duration>"));
        assert!(xml.contains(r#"<itunes:image href="https://pod.example.org/nashra/cover.png"/>"#));
        assert!(xml.contains(r#"xmlns:podcast="https://podcastindex.org/namespace/1.0""#));
        assert!(xml.contains("<podcast:locked>no</podcast:locked>"));
        assert!(!xml.contains("itunes:owner"));
        // And the whole feed passes the validator against the archive.
        assert_eq!(validate_feed(&outcome.feed_path, Some(out.path())), vec![]);
    }

    #[test]
    fn enclosure_lengths_equal_file_sizes() {
        let (out, _, _) = two_day_archive();
        let outcome = build_feed(out.path(), &settings()).unwrap();
        for entry in parse(&outcome.feed_path).entries {
            let content = contents(&entry)[0];
            let url = content.url.as_ref().unwrap().as_str();
            let day = url
                .trim_start_matches(BASE)
                .trim_end_matches("/briefing.mp3");
            let size = fs::metadata(out.path().join(day).join("briefing.mp3"))
                .unwrap()
                .len();
            assert_eq!(content.size, Some(size), "{url}");
        }
    }

    #[test]
    fn rebuilding_keeps_guids_and_the_whole_file() {
        let (out, _, _) = two_day_archive();
        let first = build_feed(out.path(), &settings()).unwrap();
        let first_xml = fs::read(&first.feed_path).unwrap();
        let first_ids: Vec<String> = parse(&first.feed_path)
            .entries
            .into_iter()
            .map(|e| e.id)
            .collect();
        // A new day arrives: older items keep their GUIDs.
        write_day(out.path(), "2026-11-30", &["جديد"], 99);
        let second = build_feed(out.path(), &settings()).unwrap();
        let second_ids: Vec<String> = parse(&second.feed_path)
            .entries
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(second_ids[1..], first_ids[..]);
        assert_eq!(first.podcast_guid, second.podcast_guid);
        // Rebuilding an unchanged archive is byte-identical.
        fs::remove_dir_all(out.path().join("2026-11-30")).unwrap();
        let third = build_feed(out.path(), &settings()).unwrap();
        assert_eq!(fs::read(&third.feed_path).unwrap(), first_xml);
    }

    #[test]
    fn podcast_guid_follows_the_podcasting_2_0_example() {
        // The example of the podcast namespace specification.
        assert_eq!(
            podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml"),
            "917393e3-1b1e-5cef-ace4-edaa54e1f810"
        );
        assert_eq!(
            podcast_guid("http://mp3s.nashownotes.com/pc20rss.xml/"),
            "917393e3-1b1e-5cef-ace4-edaa54e1f810"
        );
    }

    #[test]
    fn hostile_titles_survive_the_round_trip() {
        let out = tempfile::tempdir().unwrap();
        let headline = "<b>\"Q&A\"</b> 'x' ]]> &amp; \u{1}done";
        write_day(out.path(), "2026-11-29", &[headline], 10);
        let hostile = FeedSettings {
            title: "A <&> \"B\" 'C'".into(),
            description: "x & y < z".into(),
            author: "O'Brien & <Sons>".into(),
            ..settings()
        };
        let outcome = build_feed(out.path(), &hostile).unwrap();
        let feed = parse(&outcome.feed_path);
        assert_eq!(feed.title.unwrap().content, "A <&> \"B\" 'C'");
        assert_eq!(feed.description.unwrap().content, "x & y < z");
        assert!(feed
            .authors
            .iter()
            .any(|a| a.name.as_deref() == Some("O'Brien & <Sons>")));
        let summary = feed.entries[0].summary.as_ref().unwrap().content.clone();
        // The description is HTML: the headline is escaped once for HTML, control characters dropped.
        assert!(
            summary.contains(
                "&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt; &#39;x&#39; ]]&gt; &amp;amp; done"
            ),
            "{summary}"
        );
        assert_eq!(validate_feed(&outcome.feed_path, Some(out.path())), vec![]);
    }

    #[test]
    fn escape_xml_covers_markup_quotes_and_control_characters() {
        assert_eq!(
            escape_xml("a&b<c>d\"e'f", false),
            "a&amp;b&lt;c&gt;d&quot;e&apos;f"
        );
        assert_eq!(escape_xml("x\u{0}\u{1b}y\u{fffe}", false), "xy");
        assert_eq!(escape_xml("a\nb\tc\r", true), "a&#10;b&#9;c&#13;");
        assert_eq!(escape_xml("a\nb", false), "a\nb");
    }

    #[test]
    fn retention_drops_old_days_from_the_feed_but_prune_alone_deletes() {
        let out = tempfile::tempdir().unwrap();
        for day in 24..=29 {
            write_day(out.path(), &format!("2026-11-{day}"), &["خبر"], 10);
        }
        fs::create_dir_all(out.path().join("2026-11-01")).unwrap(); // not publishable, old
        fs::create_dir_all(out.path().join("samples")).unwrap(); // not a day folder
        let keep_three = FeedSettings {
            keep_days: 3,
            ..settings()
        };
        let outcome = build_feed(out.path(), &keep_three).unwrap();
        let dates: Vec<String> = outcome.episodes.iter().map(|d| d.to_string()).collect();
        assert_eq!(dates, ["2026-11-29", "2026-11-28", "2026-11-27"]);
        assert_eq!(outcome.dropped.len(), 3);
        assert_eq!(parse(&outcome.feed_path).entries.len(), 3);
        assert!(
            out.path().join("2026-11-24/briefing.mp3").exists(),
            "building never deletes"
        );

        let removed = prune(out.path(), 3).unwrap();
        let names: Vec<String> = removed
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["2026-11-01", "2026-11-24", "2026-11-25", "2026-11-26"]
        );
        for kept in ["2026-11-27", "2026-11-28", "2026-11-29", "samples"] {
            assert!(out.path().join(kept).exists(), "{kept}");
        }
        assert!(prune(out.path(), 3).unwrap().is_empty());
        assert!(matches!(
            prune(out.path(), 0),
            Err(PublishError::Settings(_))
        ));
    }

    #[test]
    fn retention_counts_calendar_days_from_the_newest_episode() {
        let out = tempfile::tempdir().unwrap();
        write_day(out.path(), "2026-11-20", &["a"], 10);
        write_day(out.path(), "2026-11-29", &["b"], 10);
        let outcome = build_feed(
            out.path(),
            &FeedSettings {
                keep_days: 7,
                ..settings()
            },
        )
        .unwrap();
        assert_eq!(outcome.episodes.len(), 1);
        let outcome = build_feed(
            out.path(),
            &FeedSettings {
                keep_days: usize::MAX,
                ..settings()
            },
        )
        .unwrap();
        assert_eq!(outcome.episodes.len(), 2);
    }

    #[test]
    fn locked_feed_names_its_owner() {
        let (out, _, _) = two_day_archive();
        let locked = FeedSettings {
            owner: Some(FeedOwner {
                name: Some("Desk & Co".into()),
                email: "owner@example.org".into(),
            }),
            locked: true,
            explicit: true,
            category: "News/Daily News".into(),
            ..settings()
        };
        let outcome = build_feed(out.path(), &locked).unwrap();
        let xml = fs::read_to_string(&outcome.feed_path).unwrap();
        assert!(xml.contains(r#"<podcast:locked owner="owner@example.org">yes</podcast:locked>"#));
        assert!(xml.contains("<itunes:email>owner@example.org</itunes:email>"));
        assert!(xml.contains("<itunes:name>Desk &amp; Co</itunes:name>"));
        assert!(xml.contains("<itunes:explicit>true</itunes:explicit>"));
        let feed = parse(&outcome.feed_path);
        let news = feed.categories.iter().find(|c| c.term == "News").unwrap();
        assert_eq!(news.subcategories[0].term, "Daily News");
        assert_eq!(validate_feed(&outcome.feed_path, Some(out.path())), vec![]);
    }

    #[test]
    fn default_cover_is_a_1400_px_png_written_once() {
        let (out, _, _) = two_day_archive();
        let outcome = build_feed(out.path(), &settings()).unwrap();
        let cover = outcome.cover_path.unwrap();
        let bytes = fs::read(&cover).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (1400, 1400));
        let modified = fs::metadata(&cover).unwrap().modified().unwrap();
        build_feed(out.path(), &settings()).unwrap();
        assert_eq!(
            fs::metadata(&cover).unwrap().modified().unwrap(),
            modified,
            "a good cover is not redrawn"
        );
        // A broken cover.png is replaced.
        fs::write(&cover, b"junk").unwrap();
        build_feed(out.path(), &settings()).unwrap();
        assert_eq!(fs::read(&cover).unwrap(), bytes);
    }

    #[test]
    fn user_cover_file_is_copied_and_checked_and_urls_are_linked() {
        let (out, _, _) = two_day_archive();
        let art = tempfile::tempdir().unwrap();
        let small = art.path().join("small.png");
        let mut png_bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut png_bytes, 300, 200);
            encoder.set_color(png::ColorType::Grayscale);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&vec![128u8; 300 * 200]).unwrap();
        }
        fs::write(&small, &png_bytes).unwrap();
        let with_file = FeedSettings {
            image: Some(CoverImage::File(small)),
            ..settings()
        };
        let outcome = build_feed(out.path(), &with_file).unwrap();
        assert_eq!(fs::read(out.path().join("cover.png")).unwrap(), png_bytes);
        assert_eq!(outcome.warnings.len(), 1);
        assert!(
            outcome.warnings[0].contains("300×200"),
            "{:?}",
            outcome.warnings
        );

        let not_image = art.path().join("cover.gif");
        fs::write(&not_image, b"GIF89a....").unwrap();
        let bad = FeedSettings {
            image: Some(CoverImage::File(not_image)),
            ..settings()
        };
        assert!(matches!(
            build_feed(out.path(), &bad),
            Err(PublishError::Image { .. })
        ));

        let with_url = FeedSettings {
            image: Some(CoverImage::Url("https://cdn.example.org/a.jpg".into())),
            ..settings()
        };
        let outcome = build_feed(out.path(), &with_url).unwrap();
        assert_eq!(
            parse(&outcome.feed_path).logo.unwrap().uri,
            "https://cdn.example.org/a.jpg"
        );
        assert!(outcome.cover_path.is_none());
    }

    #[test]
    fn bad_settings_are_refused_before_anything_is_written() {
        let (out, _, _) = two_day_archive();
        for base in [
            "ftp://x.org",
            "not a url",
            "https://x.org/?q=1",
            "https://",
            "https://x.org/a b",
        ] {
            let result = build_feed(
                out.path(),
                &FeedSettings {
                    base_url: base.into(),
                    ..settings()
                },
            );
            assert!(
                matches!(result, Err(PublishError::BaseUrl { .. })),
                "{base}"
            );
        }
        let result = build_feed(
            out.path(),
            &FeedSettings {
                language: "arabic".into(),
                ..settings()
            },
        );
        assert!(matches!(result, Err(PublishError::Settings(_))));
        let result = build_feed(
            out.path(),
            &FeedSettings {
                keep_days: 0,
                ..settings()
            },
        );
        assert!(matches!(result, Err(PublishError::Settings(_))));
        assert!(!out.path().join("feed.xml").exists());
    }

    #[test]
    fn a_missing_archive_folder_is_an_error_naming_it() {
        let error = build_feed(Path::new("/nonexistent/nashra-out"), &settings()).unwrap_err();
        assert!(
            error.to_string().contains("/nonexistent/nashra-out"),
            "{error}"
        );
        assert!(!Path::new("/nonexistent/nashra-out").exists());
    }

    #[test]
    fn empty_archive_gives_a_valid_feed_without_items() {
        let out = tempfile::tempdir().unwrap();
        let outcome = build_feed(out.path(), &settings()).unwrap();
        assert!(outcome.episodes.is_empty());
        assert!(parse(&outcome.feed_path).entries.is_empty());
        assert_eq!(validate_feed(&outcome.feed_path, Some(out.path())), vec![]);
    }

    #[test]
    fn durations_and_dates_are_formatted_for_podcast_apps() {
        assert_eq!(hh_mm_ss(312.4), "00:05:12");
        assert_eq!(hh_mm_ss(3725.6), "01:02:06");
        assert_eq!(hh_mm_ss(f64::NAN), "00:00:00");
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(pub_date(date), "Sun, 29 Nov 2026 06:00:00 +0000");
    }

    #[test]
    fn a_year_of_episodes_builds_quickly() {
        let out = tempfile::tempdir().unwrap();
        let first = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
        for offset in 0..365 {
            let date = first + Days::new(offset);
            write_day(
                out.path(),
                &date.format("%Y-%m-%d").to_string(),
                &["خبر أول", "خبر ثان", "خبر ثالث"],
                64,
            );
        }
        let year = FeedSettings {
            keep_days: 365,
            ..settings()
        };
        let started = Instant::now();
        build_feed(out.path(), &year).unwrap();
        let first = started.elapsed();
        let started = Instant::now();
        let outcome = build_feed(out.path(), &year).unwrap();
        let rebuild = started.elapsed();
        eprintln!(
            "feed over 365 days: first build (drawing the cover) {:.1} ms, rebuild {:.1} ms",
            first.as_secs_f64() * 1000.0,
            rebuild.as_secs_f64() * 1000.0
        );
        assert_eq!(outcome.episodes.len(), 365);
        assert_eq!(parse(&outcome.feed_path).entries.len(), 365);
        assert_eq!(validate_feed(&outcome.feed_path, Some(out.path())), vec![]);
    }
}
