//! The `nashra` command line: parses arguments, calls the library, prints a summary.
use std::io::{self, BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use nashra::audio::wav_stream::{PcmStream, StreamFormat};
use nashra::compose::Pauses;
use nashra::config::Config;
use nashra::pipeline::brief::{BriefError, BriefOptions, SoundFiles};
use nashra::pipeline::gather::GatherOptions;
use nashra::pipeline::produce::ProductionSettings;
use nashra::pipeline::report::InputStatus;
use nashra::pipeline::say::SpeakError;
use nashra::progress::Progress;
use nashra::publish;
use nashra::tts::clip_cache::ClipCache;
use nashra::tts::{self, Catalog, SynthesisParams, VoiceSource, VoiceStore};

/// Exit code: the command could not do its job.
const EXIT_FAILURE: u8 = 1;
/// Exit code: none of the inputs could be used (nothing was written).
const EXIT_NO_INPUT: u8 = 3;

#[derive(Parser)]
#[command(
    name = "nashra",
    version,
    about = "Turn the day's Arabic news into a spoken briefing (نشرة)",
    long_about = "nashra reads news pages, feeds and saved pages, keeps what a listener should hear, \
                  reads numbers and dates the way a news anchor does, restores vowel marks, speaks it \
                  with a local neural voice and writes one briefing (WAV, MP3, chapters, transcript).\n\n\
                  Exit codes: 0 success, 1 failure, 2 usage error, 3 no usable input.",
    after_help = "Examples:\n  nashra brief samples/ --out out/\n  nashra say 'مرحبا بكم' -o hello.wav\n  nashra read https://example.org/article -o article.wav\n  nashra voices add ~/piper/ar_JO-kareem-medium.onnx\n  nashra voices list"
)]
struct Cli {
    /// Print nothing but errors (no progress bars, no summary).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make the day's briefing from pages, feeds and folders.
    Brief(BriefArgs),
    /// Print the article extracted from a page, text dump, URL or feed.
    Extract(ExtractArgs),
    /// Read lines on stdin and print how each is spoken (one output line per input line).
    Normalize(NormalizeArgs),
    /// Synthesize one text to a WAV file, or stream it to stdout (`-o -`).
    Say(SayArgs),
    /// Read one article aloud now: a URL, saved page or text file to a WAV file.
    Read(ReadArgs),
    /// List, install and remove voices.
    #[command(subcommand)]
    Voices(VoicesCommand),
    /// Build or validate the podcast feed over the archive of briefings.
    #[command(subcommand)]
    Feed(FeedCommand),
    /// Serve the archive, its listener pages and its feed over HTTP (on the local network).
    Serve(ServeArgs),
    /// Measure speed on the samples: extraction, text front end, synthesis, whole briefing.
    Bench(BenchArgs),
}

#[derive(Args)]
struct BenchArgs {
    /// Folder of sample pages.
    #[arg(long, default_value = "samples")]
    samples: PathBuf,
    /// Voice id (default: as for `brief`).
    #[arg(long)]
    voice: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum FeedCommand {
    /// Write OUT/feed.xml covering the day folders of the archive, newest first.
    Build(FeedBuildArgs),
    /// Check a feed: Apple's required tags, GUIDs, enclosures, dates, linked files.
    Validate {
        /// The feed file.
        file: PathBuf,
        /// The archive folder the feed's URLs map to (default: the feed's folder).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

#[derive(Args, Clone)]
struct FeedBuildArgs {
    /// The archive (output) folder (default: from the config, else out).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Where the archive folder is served, e.g. https://example.org/nashra.
    #[arg(long)]
    base_url: Option<String>,
    /// Days kept in the feed.
    #[arg(long)]
    keep_days: Option<usize>,
    /// Also delete the day folders older than the retention.
    #[arg(long)]
    prune: bool,
    /// Cover image (PNG/JPEG file, 1400–3000 px square, or URL); default: a generated cover.
    #[arg(long)]
    image: Option<String>,
    /// Podcast title.
    #[arg(long)]
    title: Option<String>,
    /// The owner's e-mail (itunes:owner), where podcast directories send their verification.
    #[arg(long)]
    owner_email: Option<String>,
    /// Config file (default: ./nashra.toml when present).
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Args)]
struct ServeArgs {
    /// The archive folder.
    dir: PathBuf,
    /// TCP port.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to listen on (0.0.0.0 for the whole local network).
    #[arg(long, default_value = "0.0.0.0")]
    bind: std::net::IpAddr,
}

#[derive(Args)]
struct BriefArgs {
    /// Article pages (.html, .htm), text dumps (.txt), feeds, URLs, or folders of them
    /// (default: the feeds of the config file).
    sources: Vec<String>,
    /// Speaker of a multi-speaker voice: a name from the voice's config or a number.
    #[arg(long)]
    speaker: Option<String>,
    /// Config file (default: ./nashra.toml when present).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output folder; the briefing goes to OUT/YYYY-MM-DD/ (default: from the config, else out).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// The programme's date (default: today).
    #[arg(long)]
    date: Option<chrono::NaiveDate>,
    /// Voice id (see `nashra voices list`); default: ar_JO-kareem-medium if installed, else espeak-ar.
    #[arg(long)]
    voice: Option<String>,
    /// Speaking speed (1.0 natural, 1.2 is 20 % faster).
    #[arg(long)]
    speed: Option<f32>,
    /// Length budget in minutes: every story is read from its lead paragraphs until it fits.
    #[arg(long)]
    max_minutes: Option<f64>,
    /// Entries read from each feed (newest first).
    #[arg(long)]
    max_entries: Option<usize>,
    /// Only feed entries from the last this many hours.
    #[arg(long)]
    max_age_hours: Option<f64>,
    /// Do not restore vowel marks.
    #[arg(long)]
    no_diacritize: bool,
    /// Pronunciation lexicon (TSV or TOML).
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Neither reuse nor store synthesized clips.
    #[arg(long)]
    no_cache: bool,
    /// Also say the Hijri date in the intro (config: [templates] hijri = true).
    #[arg(long)]
    hijri: bool,
    /// Music under the intro, with a lead-in (any common audio format).
    #[arg(long, value_name = "FILE")]
    intro_music: Option<PathBuf>,
    /// Music under the outro, playing out after the last word.
    #[arg(long, value_name = "FILE")]
    outro_music: Option<PathBuf>,
    /// A short sound played before each story.
    #[arg(long, value_name = "FILE")]
    earcon: Option<PathBuf>,
    /// Parallel synthesis workers (default: one per core for neural voices).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// After a successful briefing, rebuild the podcast feed (see `nashra feed build`).
    #[arg(long)]
    publish: bool,
    /// With --publish: where the output folder is served.
    #[arg(long)]
    base_url: Option<String>,
}

#[derive(Args)]
struct ExtractArgs {
    /// A page (.html), text dump (.txt), feed file, or http(s) URL.
    source: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// The title, a blank line, then one paragraph per line.
    Text,
    /// The Article as JSON.
    Json,
}

#[derive(Args)]
struct NormalizeArgs {
    /// Print the spoken form with vowel marks restored.
    #[arg(long)]
    diacritize: bool,
    /// Print eSpeak NG phonemes of the final form.
    #[arg(long)]
    phonemes: bool,
    /// Print one JSON object per line: {original, spoken, diacritized, warnings}.
    #[arg(long)]
    json: bool,
    /// Language of the text (`ar` verbalizes numbers; other languages leave them to the voice).
    #[arg(long, default_value = "ar")]
    language: String,
    /// A pronunciation lexicon (TSV: written<TAB>spoken, or TOML with a [words] table).
    #[arg(long)]
    lexicon: Option<PathBuf>,
}

#[derive(Args)]
struct SayArgs {
    /// The text to say (or use --file, or stdin).
    text: Option<String>,
    /// Read the text from this file.
    #[arg(long)]
    file: Option<PathBuf>,
    /// Voice id (see `nashra voices list`).
    #[arg(long)]
    voice: Option<String>,
    /// Speaking speed (1.0 natural).
    #[arg(long, default_value_t = 1.0)]
    speed: f32,
    /// Speaker of a multi-speaker voice: a name from the voice's config or a number.
    #[arg(long)]
    speaker: Option<String>,
    /// Output WAV file, or `-` for a WAV stream on stdout that starts with the first clause
    /// (e.g. `nashra say --file article.txt -o - | aplay`).
    #[arg(long, short)]
    output: PathBuf,
    /// With `-o -`: raw 16-bit little-endian mono samples instead of WAV (like Piper's
    /// `--output-raw`; the rate is the voice's, e.g. `aplay -r 22050 -f S16_LE -t raw -`).
    #[arg(long)]
    raw: bool,
    /// Neither reuse nor store synthesized clips.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args)]
struct ReadArgs {
    /// One article: an http(s) URL, a saved page (.html) or a text file (.txt).
    source: String,
    /// Voice id (see `nashra voices list`); default as for `brief`.
    #[arg(long)]
    voice: Option<String>,
    /// Speaker of a multi-speaker voice: a name from the voice's config or a number.
    #[arg(long)]
    speaker: Option<String>,
    /// Speaking speed (1.0 natural).
    #[arg(long)]
    speed: Option<f32>,
    /// Output WAV file, or `-` for a WAV stream on stdout, sentence by sentence as each is ready.
    #[arg(long, short)]
    output: PathBuf,
    /// Config file (default: ./nashra.toml when present).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Neither reuse nor store synthesized clips.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Subcommand)]
enum VoicesCommand {
    /// Show every known voice and whether it is installed.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Download (or copy with --from) a voice, verify its checksums and install it.
    Install {
        /// Voice id.
        id: String,
        /// Install from local files: a folder holding the voice's files, or one of the files.
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Install a Piper voice you already have (its .onnx.json beside it), with no network.
    Add {
        /// The model, PATH/NAME.onnx; the voice's id is NAME.
        model: PathBuf,
    },
    /// Remove an installed voice.
    Remove {
        /// Voice id.
        id: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("nashra: error: {error:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Brief(args) => brief(args, quiet),
        Command::Extract(args) => extract(args),
        Command::Normalize(args) => normalize(args).map(|_| 0),
        Command::Say(args) => say(args, quiet).map(|_| 0),
        Command::Read(args) => read(args, quiet),
        Command::Voices(command) => voices(command, quiet).map(|_| 0),
        Command::Feed(FeedCommand::Build(args)) => feed_build(&args, None, quiet).map(|_| 0),
        Command::Feed(FeedCommand::Validate { file, root }) => feed_validate(&file, root),
        Command::Serve(args) => serve(args, quiet).map(|_| 0),
        Command::Bench(args) => bench(args, quiet).map(|_| 0),
    }
}

fn store() -> VoiceStore {
    VoiceStore::new(&tts::nashra_home())
}

/// Resolve the voice id: the one asked for, or the default with its warning printed.
fn choose_voice(
    asked: Option<String>,
    catalog: &Catalog,
    store: &VoiceStore,
    quiet: bool,
) -> String {
    if let Some(id) = asked {
        return id;
    }
    let (id, warning) = tts::default_voice_id(catalog, store);
    if let (Some(warning), false) = (warning, quiet) {
        eprintln!("nashra: warning: {warning}");
    }
    id
}

fn extract(args: ExtractArgs) -> Result<u8> {
    let outcomes = nashra::pipeline::gather::gather(
        std::slice::from_ref(&args.source),
        &GatherOptions::default(),
        &nashra::progress::NoProgress,
    );
    let mut out = io::stdout().lock();
    let mut failed = 0;
    let many = outcomes.len() > 1;
    for outcome in outcomes {
        match outcome.result {
            Ok(article) => match args.format {
                ExtractFormat::Json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&article)?)?
                }
                ExtractFormat::Text => {
                    writeln!(out, "{}\n", article.title)?;
                    for paragraph in &article.paragraphs {
                        writeln!(out, "{paragraph}")?;
                    }
                    if many {
                        writeln!(out)?;
                    }
                }
            },
            Err(error) => {
                eprintln!("nashra: {error}");
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { EXIT_NO_INPUT } else { 0 })
}

fn normalize(args: NormalizeArgs) -> Result<()> {
    let front_end =
        nashra::text::FrontEnd::new(&args.language, args.diacritize, args.lexicon.as_deref())?;
    let espeak_voice = if args.language == "ar" { "ar" } else { "en-us" };
    let stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lines() {
        let line = line.context("stdin is not valid UTF-8 text")?;
        if line.trim().is_empty() {
            writeln!(out)?;
            continue;
        }
        let sentence = front_end.process(&line);
        if args.json {
            writeln!(out, "{}", serde_json::to_string(&sentence)?)?;
        } else if args.phonemes {
            let phonemes = tts::espeak::phonemize(sentence.voice_text(), espeak_voice)?;
            writeln!(out, "{}", phonemes.replace('\n', " "))?;
        } else {
            writeln!(out, "{}", sentence.voice_text().replace('\n', " "))?;
        }
    }
    out.flush()?;
    Ok(())
}

fn say(args: SayArgs, quiet: bool) -> Result<()> {
    let to_stdout = args.output.as_os_str() == "-";
    if args.raw && !to_stdout {
        bail!("--raw writes to standard output: use it with -o -");
    }
    let text = say_text(&args)?;
    let catalog = Catalog::load(&tts::nashra_home())?;
    let store = store();
    let voice_id = choose_voice(args.voice.clone(), &catalog, &store, quiet);
    let mut source = VoiceSource::prepare(&voice_id, &catalog, &store)?;
    if let Some(speaker) = &args.speaker {
        source.select_speaker(speaker)?;
    }
    let params = SynthesisParams { speed: args.speed };
    let started = std::time::Instant::now();
    let cache = match args.no_cache {
        true => ClipCache::disabled(),
        false => ClipCache::new(tts::nashra_home().join("cache").join("clips")),
    };
    let (destination, audio) = if to_stdout {
        let format = match args.raw {
            true => StreamFormat::Raw,
            false => StreamFormat::Wav,
        };
        let audio = say_to_stdout(&source, &text, &params, &cache, format)?;
        ("stdout".to_string(), audio)
    } else {
        let front_end = say_front_end(&source)?;
        let plan = nashra::pipeline::say::plan_text(&front_end, &text, &Pauses::default());
        let clip = nashra::pipeline::say::speak_plan_in_parallel(
            &source,
            &plan,
            &params,
            &Pauses::default(),
            &cache,
        )?;
        nashra::audio::wav::write_wav(&args.output, &clip)?;
        (args.output.display().to_string(), clip.duration_secs())
    };
    let elapsed = started.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "{destination}: {audio:.1} s of audio with {voice_id} in {elapsed:.2} s, model load included (real-time factor {:.3})",
            if audio > 0.0 { elapsed / audio } else { 0.0 }
        );
    }
    Ok(())
}

/// The text `say` was given: the argument, the file or stdin.
fn say_text(args: &SayArgs) -> Result<String> {
    let text = match (&args.text, &args.file) {
        (Some(text), None) => text.clone(),
        (None, Some(path)) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
        (None, None) => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .context("cannot read stdin")?;
            text
        }
        (Some(_), Some(_)) => bail!("give the text or --file, not both"),
    };
    if text.trim().is_empty() {
        bail!("nothing to say: the text is empty");
    }
    Ok(text)
}

/// The text front end for the voice (Arabic neural voices get vowel marks restored).
fn say_front_end(source: &VoiceSource) -> Result<nashra::text::FrontEnd> {
    let language = &source.manifest().language;
    let diacritize =
        tts::espeak::reads_diacritized_arabic(source.manifest().engine) && language == "ar";
    Ok(nashra::text::FrontEnd::new(language, diacritize, None)?)
}

/// Speak `text` onto stdout as it is synthesized, with one voice instance on every core (the
/// text front end loads meanwhile). Returns the seconds of audio written; a reader that goes
/// away ends the run quietly.
fn say_to_stdout(
    source: &VoiceSource,
    text: &str,
    params: &SynthesisParams,
    cache: &ClipCache,
    format: StreamFormat,
) -> Result<f64> {
    let (voice, front_end) = std::thread::scope(|scope| {
        let voice = scope.spawn(|| source.load(nashra::available_cores()));
        let front_end = say_front_end(source);
        let voice = voice
            .join()
            .unwrap_or_else(|_| Err(tts::TtsError::Synthesis("voice loading failed".into())));
        (voice, front_end)
    });
    let (mut voice, front_end) = (voice?, front_end?);
    let stdout = io::stdout().lock();
    let streamed = PcmStream::new(stdout, format, voice.sample_rate()).and_then(|mut out| {
        let pauses = Pauses::default();
        let result = nashra::pipeline::say::stream_text(
            &mut voice, &front_end, text, params, &pauses, cache, &mut out,
        );
        drop(out.finish()?);
        Ok(result)
    });
    match streamed {
        Ok(Ok(streamed)) => Ok(streamed.audio_secs),
        Ok(Err(SpeakError::Stream(e))) | Err(e) if e.is_closed_pipe() => Ok(0.0),
        Ok(Err(e)) => Err(e.into()),
        Err(e) => Err(e.into()),
    }
}

fn voices(command: VoicesCommand, quiet: bool) -> Result<()> {
    let catalog = Catalog::load(&tts::nashra_home())?;
    let store = store();
    match command {
        VoicesCommand::List { json } => list_voices(&catalog, &store, json),
        VoicesCommand::Install { id, from } => {
            let manifest = catalog.get(&id)?;
            let receipt = match from {
                Some(dir) => store.install_from_dir(manifest, &dir)?,
                None => {
                    let bar = download_bar(quiet);
                    let progress = |name: &str, done: u64, total: Option<u64>| {
                        if let Some(total) = total {
                            bar.set_length(total);
                        }
                        bar.set_message(name.to_string());
                        bar.set_position(done);
                    };
                    let receipt = store.install_from_network(manifest, &progress);
                    bar.finish_and_clear();
                    receipt?
                }
            };
            if !quiet {
                let bytes: u64 = receipt.files.iter().map(|f| f.size).sum();
                println!(
                    "installed {} ({} files, {:.1} MB, checksums verified) in {}",
                    id,
                    receipt.files.len(),
                    bytes as f64 / 1e6,
                    store.voice_dir(&id).display()
                );
            }
            Ok(())
        }
        VoicesCommand::Add { model } => {
            let added = tts::store::add_local_voice(&tts::nashra_home(), &model)?;
            if !quiet {
                let manifest = &added.manifest;
                println!(
                    "added {} ({}, {} Hz, eSpeak voice {}; checksums pinned in {}) to {}",
                    manifest.id,
                    manifest.language,
                    manifest.sample_rate,
                    manifest.espeak_voice.as_deref().unwrap_or("-"),
                    added.manifest_path.display(),
                    store.voice_dir(&manifest.id).display()
                );
            }
            Ok(())
        }
        VoicesCommand::Remove { id } => {
            catalog.get(&id)?;
            if store.remove(&id)? {
                if !quiet {
                    println!("removed {id}");
                }
                Ok(())
            } else {
                bail!("voice `{id}` is not installed")
            }
        }
    }
}

fn download_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn list_voices(catalog: &Catalog, store: &VoiceStore, json: bool) -> Result<()> {
    let rows: Vec<serde_json::Value> = catalog
        .voices()
        .iter()
        .map(|v| {
            serde_json::json!({
                "id": v.id, "name": v.name, "language": v.language, "engine": v.engine,
                "sample_rate": v.sample_rate, "licence": v.licence,
                "built_in": v.is_built_in(), "installed": store.is_installed(v),
                "speakers": tts::installed_speakers(v, store),
            })
        })
        .collect();
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<22} {:<4} {:<7} {:<10} NAME",
        "ID", "LANG", "ENGINE", "STATUS"
    )?;
    for v in catalog.voices() {
        let status = if v.is_built_in() {
            "built-in"
        } else if store.is_installed(v) {
            "installed"
        } else {
            "-"
        };
        let engine = match v.engine {
            tts::Engine::Piper => "piper",
            tts::Engine::Espeak => "espeak",
        };
        let speakers = tts::installed_speakers(v, store);
        let speakers = match speakers.is_empty() {
            true => String::new(),
            false => format!(" (speakers: {})", speakers.join(", ")),
        };
        writeln!(
            out,
            "{:<22} {:<4} {:<7} {:<10} {}{speakers}",
            v.id, v.language, engine, status, v.name
        )?;
    }
    writeln!(out, "voice store: {}", store.root().display())?;
    Ok(())
}

fn brief(args: BriefArgs, quiet: bool) -> Result<u8> {
    let config = Config::discover(args.config.as_deref())?;
    let mut sources = args.sources.clone();
    if sources.is_empty() {
        sources = config.feeds.iter().map(|f| f.url.clone()).collect();
    }
    if sources.is_empty() {
        bail!("no sources: name pages, feeds or folders, or list feeds in nashra.toml");
    }
    let limits = &config.limits;
    let mut gather = gather_options(&config);
    gather.entries.max_entries = args.max_entries.or(limits.max_entries_per_feed);
    gather.entries.max_age = args
        .max_age_hours
        .or(limits.max_age_hours)
        .map(|hours| chrono::Duration::seconds((hours * 3600.0) as i64));
    let options = BriefOptions {
        sources,
        out_dir: args.out.unwrap_or_else(|| config.output.dir.clone()),
        date: args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        voice: args.voice.or(config.voice.id.clone()),
        speaker: args.speaker.or(config.voice.speaker.clone()),
        params: SynthesisParams {
            speed: args.speed.or(config.voice.speed).unwrap_or(1.0),
        },
        pauses: config.pauses,
        diacritize: if args.no_diacritize {
            Some(false)
        } else {
            config.voice.diacritize
        },
        lexicon: args.lexicon.or(config.voice.lexicon.clone()),
        max_minutes: args.max_minutes.or(limits.max_minutes),
        nashra_home: tts::nashra_home(),
        use_cache: !args.no_cache,
        gather,
        templates: {
            let mut templates = config.templates.clone();
            if args.hijri {
                templates.hijri = Some(true);
            }
            templates
        },
        production: ProductionSettings {
            target_lufs: config.output.loudness_lufs,
            max_true_peak_dbtp: config.output.true_peak_dbtp,
            mp3_kbps: config.output.mp3_kbps,
            ..ProductionSettings::default()
        },
        jobs: args.jobs,
        sounds: SoundFiles {
            intro_music: args.intro_music.or(config.sounds.intro_music.clone()),
            outro_music: args.outro_music.or(config.sounds.outro_music.clone()),
            earcon: args.earcon.or(config.sounds.earcon.clone()),
            music_below_speech_db: config.sounds.music_below_speech_db,
            earcon_below_speech_db: config.sounds.earcon_below_speech_db,
        },
    };
    let progress = Bars::new(quiet || args.json);
    let outcome = match nashra::pipeline::brief::run(&options, &progress) {
        Ok(outcome) => outcome,
        Err(BriefError::NoUsableInput(report)) => {
            progress.clear();
            for input in report.failed_inputs() {
                eprintln!("nashra: {}", input.error.as_deref().unwrap_or("failed"));
            }
            eprintln!("nashra: error: no usable input; nothing was written");
            return Ok(EXIT_NO_INPUT);
        }
        Err(error) => return Err(error.into()),
    };
    progress.clear();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&outcome.report)?);
    } else if !quiet {
        print_summary(&outcome);
    }
    if args.publish {
        let feed_args = FeedBuildArgs {
            out: Some(options.out_dir.clone()),
            base_url: args.base_url.clone(),
            keep_days: None,
            prune: false,
            image: None,
            title: None,
            owner_email: None,
            config: args.config.clone(),
        };
        feed_build(&feed_args, Some(&config), quiet || args.json)?;
    }
    Ok(0)
}

/// How sources are read under the config's limits, with its feed names.
fn gather_options(config: &Config) -> GatherOptions {
    let limits = &config.limits;
    let mut gather = GatherOptions::default();
    gather.http.read_timeout = std::time::Duration::from_secs(limits.timeout_secs.max(1));
    gather.http.max_body_bytes = limits.max_page_bytes;
    gather.http.cache_dir = Some(tts::nashra_home().join("cache").join("http"));
    gather.max_file_bytes = Some(limits.max_page_bytes);
    for feed in &config.feeds {
        if let Some(name) = &feed.name {
            gather.source_names.insert(feed.url.clone(), name.clone());
        }
    }
    gather
}

fn read(args: ReadArgs, quiet: bool) -> Result<u8> {
    let config = Config::discover(args.config.as_deref())?;
    let options = nashra::pipeline::read::ReadOptions {
        source: args.source.clone(),
        voice: args.voice.or(config.voice.id.clone()),
        speaker: args.speaker.or(config.voice.speaker.clone()),
        params: SynthesisParams {
            speed: args.speed.or(config.voice.speed).unwrap_or(1.0),
        },
        pauses: config.pauses,
        diacritize: config.voice.diacritize,
        lexicon: config.voice.lexicon.clone(),
        nashra_home: tts::nashra_home(),
        use_cache: !args.no_cache,
        gather: gather_options(&config),
    };
    let started = std::time::Instant::now();
    let reading = match nashra::pipeline::read::prepare(&options) {
        Ok(reading) => reading,
        Err(nashra::pipeline::read::ReadError::Input(message)) => {
            eprintln!("nashra: {message}");
            return Ok(EXIT_NO_INPUT);
        }
        Err(error) => return Err(error.into()),
    };
    for warning in reading.warnings.iter().filter(|_| !quiet) {
        eprintln!("nashra: warning: {warning}");
    }
    let to_stdout = args.output.as_os_str() == "-";
    let (summary, audio_secs) = if to_stdout {
        match read_to_stdout(&reading) {
            Ok(spoken) => spoken,
            Err(e) if is_closed_pipe(&e) => return Ok(0),
            Err(e) => return Err(e),
        }
    } else {
        let mut samples = Vec::new();
        let summary = reading.speak(&mut |clip: &nashra::audio::Clip| {
            samples.extend_from_slice(&clip.samples);
            Ok(())
        })?;
        let clip = nashra::audio::Clip::new(samples, reading.sample_rate());
        nashra::audio::wav::write_wav(&args.output, &clip)?;
        (summary, clip.duration_secs())
    };
    for problem in &summary.cache_problems {
        eprintln!("nashra: warning: {problem}");
    }
    if !quiet {
        eprintln!(
            "{}: \"{}\", {} sentences, {:.1} s of audio with {} ({} synthesized, {} from cache) in {:.2} s",
            if to_stdout { "stdout".to_string() } else { args.output.display().to_string() },
            reading.title,
            summary.sentences,
            audio_secs,
            reading.voice_id,
            summary.synthesized,
            summary.cached,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(0)
}

/// Stream the reading onto stdout as a WAV, sentence by sentence as each is ready; returns the
/// summary and the seconds of audio written.
fn read_to_stdout(
    reading: &nashra::pipeline::read::Reading,
) -> Result<(nashra::pipeline::read::ReadSummary, f64)> {
    let rate = reading.sample_rate();
    let mut out = PcmStream::new(io::stdout().lock(), StreamFormat::Wav, rate)?;
    let summary = reading.speak(&mut |clip: &nashra::audio::Clip| {
        out.write_clip(clip).map_err(|e| match e {
            nashra::audio::wav_stream::StreamError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        })
    })?;
    let audio_secs = out.samples_written() as f64 / f64::from(rate.max(1));
    drop(out.finish()?);
    Ok((summary, audio_secs))
}

/// True when `error` comes from a reader that closed the pipe (the player was stopped).
fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<nashra::audio::wav_stream::StreamError>()
                .is_some_and(|e| e.is_closed_pipe())
    })
}

fn feed_build(args: &FeedBuildArgs, config: Option<&Config>, quiet: bool) -> Result<()> {
    let loaded;
    let config = match config {
        Some(config) => config,
        None => {
            loaded = Config::discover(args.config.as_deref())?;
            &loaded
        }
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| config.output.dir.clone());
    let mut settings = config.feed.settings();
    if let Some(base_url) = &args.base_url {
        settings.base_url = base_url.clone();
    }
    if config.feed.base_url.is_none() && args.base_url.is_none() {
        eprintln!(
            "nashra: warning: no --base-url (or [feed] base_url): using {}",
            settings.base_url
        );
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
    let outcome = publish::feed::build_feed(&out, &settings)?;
    for warning in &outcome.warnings {
        eprintln!("nashra: {warning}");
    }
    let pruned = if args.prune {
        publish::feed::prune(&out, settings.keep_days)?
    } else {
        Vec::new()
    };
    // The listener pages show the feed's address only when it is known, else the page's own.
    let known_url = (config.feed.base_url.is_some() || args.base_url.is_some())
        .then_some(outcome.feed_url.as_str());
    for warning in publish::page::refresh_pages(&out, known_url).warnings {
        eprintln!("nashra: {warning}");
    }
    if !quiet {
        println!(
            "{}: {} episodes ({} older left out{}), served at {}",
            outcome.feed_path.display(),
            outcome.episodes.len(),
            outcome.dropped.len(),
            if args.prune {
                format!(", {} pruned", pruned.len())
            } else {
                String::new()
            },
            outcome.feed_url
        );
    }
    Ok(())
}

fn feed_validate(file: &std::path::Path, root: Option<PathBuf>) -> Result<u8> {
    let root = root.or_else(|| file.parent().map(std::path::Path::to_path_buf));
    let problems = publish::validate::validate_feed(file, root.as_deref());
    for problem in &problems {
        println!("{}: {problem}", file.display());
    }
    for warning in publish::validate::feed_warnings(file) {
        eprintln!("{}: warning: {warning}", file.display());
    }
    if problems.is_empty() {
        eprintln!("{}: valid", file.display());
        Ok(0)
    } else {
        Ok(EXIT_FAILURE)
    }
}

fn bench(args: BenchArgs, quiet: bool) -> Result<()> {
    let home = tts::nashra_home();
    let catalog = Catalog::load(&home)?;
    let voice = choose_voice(args.voice, &catalog, &VoiceStore::new(&home), quiet);
    let date = chrono::Local::now().date_naive();
    let figures = nashra::pipeline::bench::run(&args.samples, &voice, &home, date)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&figures)?);
        return Ok(());
    }
    println!(
        "nashra bench — voice {voice}, samples {}",
        args.samples.display()
    );
    for figure in figures {
        println!(
            "  {:<62} {:>12.3} {}",
            figure.name, figure.value, figure.unit
        );
    }
    Ok(())
}

fn serve(args: ServeArgs, quiet: bool) -> Result<()> {
    let server = publish::serve::ArchiveServer::bind(
        &args.dir,
        std::net::SocketAddr::new(args.bind, args.port),
    )?;
    if !quiet {
        eprintln!(
            "serving {} on http://{} (page: /, feed: /feed.xml); Ctrl-C stops",
            args.dir.display(),
            server.local_addr()
        );
    }
    server.run(None)?;
    Ok(())
}

fn print_summary(outcome: &nashra::pipeline::brief::BriefOutcome) {
    let report = &outcome.report;
    let minutes = (report.duration_secs / 60.0).floor();
    let seconds = report.duration_secs - minutes * 60.0;
    println!(
        "briefing for {} — {} stories, {:.0}:{:04.1}",
        report.date, report.stories, minutes, seconds
    );
    if let Some(voice) = &report.voice {
        println!(
            "voice      {} ({}, {} Hz)",
            voice.id, voice.engine, voice.sample_rate
        );
    }
    for input in &report.inputs {
        let status = match input.status {
            InputStatus::Ok => "ok  ",
            InputStatus::Thin => "THIN",
            InputStatus::Failed => "FAIL",
            InputStatus::Duplicate => "dup ",
            InputStatus::Skipped => "skip",
        };
        let detail = match (&input.title, &input.error, &input.note) {
            (_, Some(error), _) => error.clone(),
            (Some(title), None, Some(note)) => format!("{title} ({note})"),
            (Some(title), None, None) => format!("{} ({} words)", title, input.words),
            _ => String::new(),
        };
        println!("  {status} {detail}");
    }
    if !report.warnings.is_empty() {
        println!("warnings   {} (see report.json)", report.warnings.len());
    }
    println!(
        "clips      {} synthesized, {} from cache",
        report.clips_synthesized, report.clips_cached
    );
    println!("time       {:.1} s", report.total_seconds());
    println!(
        "written    {}/ ({})",
        outcome.day_dir.display(),
        report.outputs.join(", ")
    );
}

/// indicatif progress bars for the stages of a run.
struct Bars {
    bar: ProgressBar,
    hidden: bool,
}

impl Bars {
    fn new(hidden: bool) -> Self {
        let bar = if hidden {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        if let Ok(style) =
            ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} {elapsed}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        Self { bar, hidden }
    }

    fn clear(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bars {
    fn begin(&self, stage: &str, total: u64) {
        self.bar.reset();
        self.bar.set_prefix(stage.to_string());
        self.bar.set_length(total);
    }
    fn step(&self) {
        self.bar.inc(1);
    }
    fn end(&self) {
        self.bar.set_position(self.bar.length().unwrap_or(0));
    }
    fn warn(&self, message: &str) {
        // Failed inputs are errors: always one line each on stderr, even with --quiet.
        if self.hidden {
            eprintln!("nashra: {message}");
        } else {
            self.bar.suspend(|| eprintln!("nashra: {message}"));
        }
    }
}
