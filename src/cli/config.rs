//! `nashra.toml`: the feeds to read (with the names spoken for them), limits, voice, pauses,
//! templates and output settings. Every field is optional; defaults suit an Arabic daily briefing.
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use nashra::compose::{Pauses, TemplateOverrides};

/// Errors reading the config file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("config {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown or ill-typed settings.
    #[error("config {path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// A feed (or page) to read every day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedSource {
    /// The feed or page URL (or a local path).
    pub url: String,
    /// The outlet's name as the presenter says it ("روسيا اليوم").
    pub name: Option<String>,
    /// At most this many entries from this feed (overrides `limits.max_entries_per_feed`).
    pub max_entries: Option<usize>,
}

/// Limits on what is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Entries read from each feed (newest first).
    pub max_entries_per_feed: Option<usize>,
    /// Only entries published in the last this many hours.
    pub max_age_hours: Option<f64>,
    /// Length budget of the programme in minutes.
    pub max_minutes: Option<f64>,
    /// HTTP timeout per request, seconds.
    pub timeout_secs: u64,
    /// Largest page or feed accepted, bytes.
    pub max_page_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_entries_per_feed: Some(10),
            max_age_hours: Some(24.0),
            max_minutes: None,
            timeout_secs: 20,
            max_page_bytes: 10 * 1024 * 1024,
        }
    }
}

/// The voice and how it speaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct VoiceSettings {
    /// Voice id (default: the Arabic neural voice if installed, else espeak-ar).
    pub id: Option<String>,
    /// Speaker of a multi-speaker Piper voice: a name from its config or a number.
    pub speaker: Option<String>,
    /// Speaking speed, 1.0 natural.
    pub speed: Option<f32>,
    /// Restore vowel marks (default: on for Arabic voices, neural and eSpeak NG).
    pub diacritize: Option<bool>,
    /// Pronunciation lexicon file (TSV or TOML), relative to the config file.
    pub lexicon: Option<PathBuf>,
}

/// Output settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutputSettings {
    /// Output folder (relative to the config file).
    pub dir: PathBuf,
    /// Integrated loudness target, LUFS.
    pub loudness_lufs: f64,
    /// True-peak ceiling, dBTP.
    pub true_peak_dbtp: f64,
    /// MP3 bitrate, kbit/s.
    pub mp3_kbps: u32,
}

impl Default for OutputSettings {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("out"),
            loudness_lufs: -16.0,
            true_peak_dbtp: -1.0,
            mp3_kbps: 64,
        }
    }
}

/// Podcast feed settings (`[feed]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FeedConfig {
    /// Podcast title.
    pub title: Option<String>,
    /// Podcast description.
    pub description: Option<String>,
    /// `itunes:author`.
    pub author: Option<String>,
    /// ISO 639 language code.
    pub language: Option<String>,
    /// The podcast's web site.
    pub link: Option<String>,
    /// Where the output folder is served (http or https URL).
    pub base_url: Option<String>,
    /// Cover image: a local PNG/JPEG (1400–3000 px square) or an http(s) URL.
    pub image: Option<String>,
    /// Apple Podcasts category, e.g. `News` or `News/Daily News`.
    pub category: Option<String>,
    /// `itunes:explicit`.
    pub explicit: Option<bool>,
    /// The owner's name in `itunes:owner` (default: the author).
    pub owner_name: Option<String>,
    /// The owner's e-mail in `itunes:owner`, where podcast directories send their verification.
    pub owner_email: Option<String>,
    /// `podcast:locked` (default false: other platforms may import the feed).
    pub locked: Option<bool>,
    /// Older spelling: the owner's e-mail, and the feed locked.
    pub locked_owner_email: Option<String>,
    /// Days kept in the feed.
    pub keep_days: Option<usize>,
}

impl FeedConfig {
    /// The publishing settings these values give, over the defaults.
    pub fn settings(&self) -> nashra::publish::FeedSettings {
        use nashra::publish::{CoverImage, FeedOwner, FeedSettings};
        let defaults = FeedSettings::default();
        FeedSettings {
            title: self.title.clone().unwrap_or(defaults.title),
            description: self.description.clone().unwrap_or(defaults.description),
            author: self.author.clone().unwrap_or(defaults.author),
            language: self.language.clone().unwrap_or(defaults.language),
            link: self.link.clone().unwrap_or(defaults.link),
            base_url: self.base_url.clone().unwrap_or(defaults.base_url),
            image: self.image.as_deref().map(CoverImage::parse),
            category: self.category.clone().unwrap_or(defaults.category),
            explicit: self.explicit.unwrap_or(defaults.explicit),
            owner: self
                .owner_email
                .clone()
                .or_else(|| self.locked_owner_email.clone())
                .map(|email| FeedOwner {
                    name: self.owner_name.clone(),
                    email,
                }),
            locked: self.locked.unwrap_or(self.locked_owner_email.is_some()),
            keep_days: self.keep_days.unwrap_or(defaults.keep_days),
        }
    }
}

/// The whole config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Feeds and pages read every day.
    pub feeds: Vec<FeedSource>,
    /// Limits.
    pub limits: Limits,
    /// Voice.
    pub voice: VoiceSettings,
    /// Pauses.
    pub pauses: Pauses,
    /// Programme templates: each field given replaces the default of the voice language.
    pub templates: TemplateOverrides,
    /// Output.
    pub output: OutputSettings,
    /// Podcast feed.
    pub feed: FeedConfig,
    /// Music and earcon.
    pub sounds: SoundSettings,
}

/// Music and earcon (`[sounds]`); files in any common audio format, relative to the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SoundSettings {
    /// Music under the intro, with a three-second lead-in.
    pub intro_music: Option<PathBuf>,
    /// Music under the outro, playing out after the last word.
    pub outro_music: Option<PathBuf>,
    /// A short sound in the pause before each story.
    pub earcon: Option<PathBuf>,
    /// Music depth under speech, dB (default 18).
    pub music_below_speech_db: Option<f32>,
    /// Earcon depth under speech, dB (default 6).
    pub earcon_below_speech_db: Option<f32>,
}

impl Config {
    /// Parse config text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: PathBuf::from(origin),
            message: e.message().to_string(),
        })
    }

    /// Read a config file; relative paths inside it are resolved against its folder.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Self::parse(&text, &path.display().to_string())?;
        let base = path.parent().unwrap_or(Path::new("."));
        config.output.dir = base.join(&config.output.dir);
        if let Some(image) = &config.feed.image {
            if !image.contains("://") && Path::new(image).is_relative() {
                config.feed.image = Some(base.join(image).display().to_string());
            }
        }
        if let Some(lexicon) = &config.voice.lexicon {
            config.voice.lexicon = Some(base.join(lexicon));
        }
        for sound in [
            &mut config.sounds.intro_music,
            &mut config.sounds.outro_music,
            &mut config.sounds.earcon,
        ] {
            if let Some(path) = sound.as_mut() {
                *path = base.join(&*path);
            }
        }
        for feed in &mut config.feeds {
            let is_url = feed.url.contains("://");
            if !is_url && Path::new(&feed.url).is_relative() {
                feed.url = base.join(&feed.url).display().to_string();
            }
        }
        Ok(config)
    }

    /// The config named by `--config`, else `./nashra.toml` when present, else defaults.
    pub fn discover(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        match explicit {
            Some(path) => Self::load(path),
            None if Path::new("nashra.toml").is_file() => Self::load(Path::new("nashra.toml")),
            None => Ok(Self::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config_and_rejects_typos() -> Result<(), ConfigError> {
        let text = r#"
            [[feeds]]
            url = "https://arabic.rt.com/rss/"
            name = "روسيا اليوم"
            [limits]
            max_entries_per_feed = 5
            max_age_hours = 12
            [voice]
            id = "espeak-ar"
            speed = 1.1
            [pauses]
            story_ms = 2000
            [output]
            dir = "briefings"
        "#;
        let config = Config::parse(text, "test")?;
        assert_eq!(config.feeds[0].name.as_deref(), Some("روسيا اليوم"));
        assert_eq!(config.limits.max_entries_per_feed, Some(5));
        assert_eq!(config.pauses.story_ms, 2000);
        assert_eq!(config.pauses.sentence_ms, Pauses::default().sentence_ms);
        assert_eq!(config.output.dir, PathBuf::from("briefings"));
        assert!(Config::parse("[voice]\nspeeed = 1", "t").is_err());
        assert!(Config::parse("feeds = 3", "t").is_err());
        Ok(())
    }

    #[test]
    fn feed_owner_and_lock_follow_the_config() -> Result<(), ConfigError> {
        let plain = Config::parse("", "t")?.feed.settings();
        assert_eq!(plain.owner, None);
        assert!(!plain.locked);
        let owned = Config::parse(
            "[feed]\nowner_name = \"Desk\"\nowner_email = \"desk@example.org\"",
            "t",
        )?
        .feed
        .settings();
        let owner = owned.owner.expect("owner");
        assert_eq!(
            (owner.name.as_deref(), owner.email.as_str()),
            (Some("Desk"), "desk@example.org")
        );
        assert!(!owned.locked, "locked defaults to no");
        let old = Config::parse("[feed]\nlocked_owner_email = \"a@b.org\"", "t")?
            .feed
            .settings();
        assert!(old.locked && old.owner.is_some_and(|o| o.email == "a@b.org"));
        let locked = Config::parse("[feed]\nowner_email = \"a@b.org\"\nlocked = true", "t")?;
        assert!(locked.feed.settings().locked);
        Ok(())
    }

    /// Every input the fuzzer kept for `parse_settings` parses or is refused, never panics.
    #[test]
    fn the_fuzz_corpus_parses_without_panicking() -> std::io::Result<()> {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/parse_settings");
        let mut replayed = 0;
        for entry in std::fs::read_dir(&corpus)? {
            let bytes = std::fs::read(entry?.path())?;
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let _ = Config::parse(text, "fuzz.toml");
            }
            replayed += 1;
        }
        assert!(replayed > 0, "no corpus in {}", corpus.display());
        Ok(())
    }
}
