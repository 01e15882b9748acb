//! Flags and `nashra.toml` lowered into the library's options: a flag wins over the config,
//! the config over the defaults. Pure functions: the environment and the date come in.
use std::path::PathBuf;

use anyhow::{bail, Result};
use chrono::NaiveDate;

use nashra::compose::TemplateOverrides;
use nashra::pipeline::brief::{BriefOptions, SoundFiles};
use nashra::pipeline::gather::GatherOptions;
use nashra::pipeline::read::ReadOptions;
use nashra::pipeline::{ProductionSettings, SpeechSettings};
use nashra::publish::{self, FeedSettings};
use nashra::tts::SynthesisParams;

use super::args::{BriefArgs, FeedBuildArgs, ReadArgs};
use super::config::Config;
use super::Environment;

/// The options of a briefing on `today` (the date when `--date` is absent).
pub fn brief_options(
    args: &BriefArgs,
    config: &Config,
    env: &Environment,
    today: NaiveDate,
) -> Result<BriefOptions> {
    let mut sources = args.sources.clone();
    if sources.is_empty() {
        sources = config.feeds.iter().map(|f| f.url.clone()).collect();
    }
    if sources.is_empty() {
        bail!("no sources: name pages, feeds or folders, or list feeds in nashra.toml");
    }
    let limits = &config.limits;
    let mut gather = gather_options(config, env);
    gather.entries.max_entries = args.max_entries.or(limits.max_entries_per_feed);
    gather.entries.max_age = args
        .max_age_hours
        .or(limits.max_age_hours)
        .map(|hours| chrono::Duration::seconds((hours * 3600.0) as i64));
    Ok(BriefOptions {
        sources,
        out_dir: args
            .out
            .clone()
            .unwrap_or_else(|| config.output.dir.clone()),
        date: args.date.unwrap_or(today),
        speech: SpeechSettings {
            diacritize: if args.no_diacritize {
                Some(false)
            } else {
                config.voice.diacritize
            },
            lexicon: args.lexicon.clone().or(config.voice.lexicon.clone()),
            ..speech_settings(
                &args.voice,
                &args.speaker,
                args.speed,
                args.no_cache,
                config,
                env,
            )
        },
        max_minutes: args.max_minutes.or(limits.max_minutes),
        gather,
        templates: templates(args, config),
        production: production(config),
        jobs: args.jobs,
        sounds: sounds(args, config),
    })
}

/// The config's templates, with `--hijri` turning the Hijri date on.
fn templates(args: &BriefArgs, config: &Config) -> TemplateOverrides {
    let mut templates = config.templates.clone();
    if args.hijri {
        templates.hijri = Some(true);
    }
    templates
}

/// Loudness and MP3 settings from the config's `[output]`.
fn production(config: &Config) -> ProductionSettings {
    ProductionSettings {
        target_lufs: config.output.loudness_lufs,
        max_true_peak_dbtp: config.output.true_peak_dbtp,
        mp3_kbps: config.output.mp3_kbps,
        ..ProductionSettings::default()
    }
}

/// Music and earcon: each flag over the config's `[sounds]`.
fn sounds(args: &BriefArgs, config: &Config) -> SoundFiles {
    let sounds = &config.sounds;
    SoundFiles {
        intro_music: args.intro_music.clone().or(sounds.intro_music.clone()),
        outro_music: args.outro_music.clone().or(sounds.outro_music.clone()),
        earcon: args.earcon.clone().or(sounds.earcon.clone()),
        music_below_speech_db: sounds.music_below_speech_db,
        earcon_below_speech_db: sounds.earcon_below_speech_db,
    }
}

/// How sources are read under the config's limits, with its feed names and the HTTP cache in
/// the home folder.
pub fn gather_options(config: &Config, env: &Environment) -> GatherOptions {
    let limits = &config.limits;
    let mut gather = GatherOptions::default();
    gather.http.read_timeout = std::time::Duration::from_secs(limits.timeout_secs.max(1));
    gather.http.max_body_bytes = limits.max_page_bytes;
    gather.http.cache_dir = Some(env.home.join("cache").join("http"));
    gather.max_file_bytes = Some(limits.max_page_bytes);
    for feed in &config.feeds {
        if let Some(name) = &feed.name {
            gather.source_names.insert(feed.url.clone(), name.clone());
        }
    }
    gather
}

/// The options of `nashra read`: voice flags over the config's `[voice]`.
pub fn read_options(args: &ReadArgs, config: &Config, env: &Environment) -> ReadOptions {
    ReadOptions {
        source: args.source.clone(),
        speech: speech_settings(
            &args.voice,
            &args.speaker,
            args.speed,
            args.no_cache,
            config,
            env,
        ),
        gather: gather_options(config, env),
    }
}

/// The voice flags over the config's `[voice]` and `[pauses]`, with the environment's home
/// and model layout (what `brief` and `read` share).
fn speech_settings(
    voice: &Option<String>,
    speaker: &Option<String>,
    speed: Option<f32>,
    no_cache: bool,
    config: &Config,
    env: &Environment,
) -> SpeechSettings {
    SpeechSettings {
        voice: voice.clone().or(config.voice.id.clone()),
        speaker: speaker.clone().or(config.voice.speaker.clone()),
        params: SynthesisParams {
            speed: speed.or(config.voice.speed).unwrap_or(1.0),
        },
        pauses: config.pauses,
        diacritize: config.voice.diacritize,
        lexicon: config.voice.lexicon.clone(),
        nashra_home: env.home.clone(),
        use_cache: !no_cache,
        model_layout: env.model_layout.clone(),
    }
}

/// What `nashra feed build` does: the archive folder and the feed's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedPlan {
    /// The archive (output) folder.
    pub out: PathBuf,
    /// The feed's settings: flags over `[feed]` over the defaults.
    pub settings: FeedSettings,
    /// True when the archive's address was given (`--base-url` or `[feed] base_url`).
    pub base_url_known: bool,
}

/// The feed build that `args` and the config ask for.
pub fn feed_plan(args: &FeedBuildArgs, config: &Config) -> FeedPlan {
    let mut settings = config.feed.settings();
    if let Some(base_url) = &args.base_url {
        settings.base_url = base_url.clone();
    }
    if let Some(days) = args.keep_days {
        settings.keep_days = days;
    }
    if let Some(image) = &args.image {
        settings.image = Some(publish::CoverImage::parse(image));
    }
    if let Some(title) = &args.title {
        settings.title = title.clone();
    }
    if let Some(email) = &args.owner_email {
        let name = settings.owner.take().and_then(|owner| owner.name);
        settings.owner = Some(publish::FeedOwner {
            name,
            email: email.clone(),
        });
    }
    FeedPlan {
        out: args
            .out
            .clone()
            .unwrap_or_else(|| config.output.dir.clone()),
        settings,
        base_url_known: config.feed.base_url.is_some() || args.base_url.is_some(),
    }
}

/// The feed build `brief --publish` runs after a briefing written to `out`.
pub fn publish_args(args: &BriefArgs, out: PathBuf) -> FeedBuildArgs {
    FeedBuildArgs {
        out: Some(out),
        base_url: args.base_url.clone(),
        keep_days: None,
        prune: false,
        image: None,
        title: None,
        owner_email: None,
        config: args.config.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command, FeedCommand};
    use clap::Parser;
    use nashra::tts::ModelLayout;
    use std::path::Path;

    fn env() -> Environment {
        Environment {
            home: PathBuf::from("/home/n"),
            hf_endpoint: None,
            model_layout: ModelLayout::Decoder2d,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn brief_args(line: &[&str]) -> BriefArgs {
        let cli = Cli::try_parse_from([&["nashra", "brief"], line].concat()).unwrap();
        match cli.command {
            Command::Brief(args) => args,
            _ => unreachable!("brief"),
        }
    }

    fn feed_args(line: &[&str]) -> FeedBuildArgs {
        let cli = Cli::try_parse_from([&["nashra", "feed", "build"], line].concat()).unwrap();
        match cli.command {
            Command::Feed(FeedCommand::Build(args)) => args,
            _ => unreachable!("feed build"),
        }
    }

    fn config(text: &str) -> Config {
        Config::parse(text, "test.toml").unwrap()
    }

    #[test]
    fn defaults_when_neither_flag_nor_config_says() {
        let options = brief_options(&brief_args(&["a.html"]), &config(""), &env(), today());
        let options = options.unwrap();
        assert_eq!(options.sources, ["a.html"]);
        assert_eq!(options.out_dir, Path::new("out"));
        assert_eq!(options.date, today());
        assert_eq!((options.speech.voice, options.speech.speaker), (None, None));
        assert_eq!(options.speech.params.speed, 1.0);
        assert_eq!(options.speech.diacritize, None);
        assert_eq!(options.gather.entries.max_entries, Some(10));
        assert_eq!(
            options.gather.entries.max_age,
            Some(chrono::Duration::hours(24))
        );
        assert_eq!(options.speech.nashra_home, Path::new("/home/n"));
        assert_eq!(
            options.gather.http.cache_dir.as_deref(),
            Some(Path::new("/home/n/cache/http"))
        );
        assert!(options.speech.use_cache);
        assert_eq!(options.speech.model_layout, ModelLayout::Decoder2d);
        assert_eq!(options.production.mp3_kbps, 64);
    }

    #[test]
    fn the_config_fills_in_what_no_flag_gives() {
        let config = config(
            "[[feeds]]\nurl = \"https://a.example/rss\"\nname = \"A\"\n\
             [voice]\nid = \"espeak-ar\"\nspeed = 1.2\ndiacritize = false\n\
             [limits]\nmax_entries_per_feed = 3\nmax_minutes = 5.0\n\
             [output]\ndir = \"briefings\"\nmp3_kbps = 96\n\
             [sounds]\nearcon = \"chime.wav\"\n[templates]\nhijri = true",
        );
        let options = brief_options(&brief_args(&[]), &config, &env(), today()).unwrap();
        assert_eq!(options.sources, ["https://a.example/rss"]);
        assert_eq!(options.speech.voice.as_deref(), Some("espeak-ar"));
        assert_eq!(options.speech.params.speed, 1.2);
        assert_eq!(options.speech.diacritize, Some(false));
        assert_eq!(options.max_minutes, Some(5.0));
        assert_eq!(options.gather.entries.max_entries, Some(3));
        assert_eq!(options.out_dir, Path::new("briefings"));
        assert_eq!(options.production.mp3_kbps, 96);
        assert_eq!(
            options.sounds.earcon.as_deref(),
            Some(Path::new("chime.wav"))
        );
        assert_eq!(options.templates.hijri, Some(true));
        assert_eq!(
            options.gather.source_names.get("https://a.example/rss"),
            Some(&"A".to_string())
        );
    }

    #[test]
    fn a_flag_wins_over_the_config() {
        let config = config(
            "[voice]\nid = \"espeak-ar\"\nspeed = 1.2\n[limits]\nmax_entries_per_feed = 3\n\
             [output]\ndir = \"briefings\"\n[sounds]\nearcon = \"chime.wav\"",
        );
        let line = [
            "x.html",
            "--voice",
            "v",
            "--speed",
            "0.9",
            "--max-entries",
            "7",
            "-o",
            "o",
            "--earcon",
            "e.wav",
            "--date",
            "2026-01-05",
            "--no-diacritize",
            "--no-cache",
            "--hijri",
        ];
        let options = brief_options(&brief_args(&line), &config, &env(), today()).unwrap();
        assert_eq!(options.sources, ["x.html"]);
        assert_eq!(options.speech.voice.as_deref(), Some("v"));
        assert_eq!(options.speech.params.speed, 0.9);
        assert_eq!(options.gather.entries.max_entries, Some(7));
        assert_eq!(options.out_dir, Path::new("o"));
        assert_eq!(options.sounds.earcon.as_deref(), Some(Path::new("e.wav")));
        assert_eq!(options.date, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
        assert_eq!(options.speech.diacritize, Some(false));
        assert!(!options.speech.use_cache);
        assert_eq!(options.templates.hijri, Some(true));
    }

    #[test]
    fn no_sources_anywhere_is_an_error() {
        let error = brief_options(&brief_args(&[]), &config(""), &env(), today()).unwrap_err();
        assert!(error.to_string().starts_with("no sources"), "{error}");
    }

    #[test]
    fn relative_paths_in_a_loaded_config_follow_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nashra.toml");
        std::fs::write(
            &path,
            "[[feeds]]\nurl = \"pages\"\n[voice]\nlexicon = \"words.tsv\"",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        let options = brief_options(&brief_args(&[]), &config, &env(), today()).unwrap();
        assert_eq!(
            options.sources,
            [dir.path().join("pages").display().to_string()]
        );
        assert_eq!(options.out_dir, dir.path().join("out"));
        assert_eq!(options.speech.lexicon, Some(dir.path().join("words.tsv")));
    }

    #[test]
    fn read_takes_voice_flags_over_the_config() {
        let cli = Cli::try_parse_from(["nashra", "read", "a.txt", "-o", "a.wav", "--speed", "1.5"]);
        let Command::Read(args) = cli.unwrap().command else {
            unreachable!("read")
        };
        let as_shipped = Environment {
            model_layout: ModelLayout::AsShipped("asked".into()),
            ..env()
        };
        let config = config("[voice]\nid = \"espeak-ar\"\nspeed = 1.2\nspeaker = \"2\"");
        let options = read_options(&args, &config, &as_shipped);
        assert_eq!(options.speech.voice.as_deref(), Some("espeak-ar"));
        assert_eq!(options.speech.speaker.as_deref(), Some("2"));
        assert_eq!(options.speech.params.speed, 1.5);
        assert_eq!(
            options.speech.model_layout,
            ModelLayout::AsShipped("asked".into())
        );
    }

    #[test]
    fn feed_flags_override_the_feed_section() {
        let config = config(
            "[feed]\ntitle = \"T\"\nkeep_days = 3\nowner_name = \"Desk\"\nowner_email = \"a@b.org\"",
        );
        let plan = feed_plan(&feed_args(&[]), &config);
        assert_eq!(plan.out, Path::new("out"));
        assert_eq!(
            (plan.settings.title.as_str(), plan.settings.keep_days),
            ("T", 3)
        );
        assert!(!plan.base_url_known);
        let line = [
            "-o",
            "arch",
            "--title",
            "U",
            "--keep-days",
            "9",
            "--owner-email",
            "c@d.org",
        ];
        let plan = feed_plan(
            &feed_args(&[&line[..], &["--base-url", "https://x.org"]].concat()),
            &config,
        );
        assert_eq!(plan.out, Path::new("arch"));
        assert_eq!(
            (plan.settings.title.as_str(), plan.settings.keep_days),
            ("U", 9)
        );
        assert_eq!(plan.settings.base_url, "https://x.org");
        let owner = plan.settings.owner.unwrap();
        assert_eq!(
            (owner.name.as_deref(), owner.email.as_str()),
            (Some("Desk"), "c@d.org")
        );
        assert!(plan.base_url_known);
    }
}
