//! The command line's shape: clap types whose doc comments are the `--help` text.
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
pub struct Cli {
    /// Print nothing but errors (no progress bars, no summary).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
pub struct BenchArgs {
    /// Folder of sample pages.
    #[arg(long, default_value = "samples")]
    pub samples: PathBuf,
    /// Voice id (default: as for `brief`).
    #[arg(long)]
    pub voice: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum FeedCommand {
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
pub struct FeedBuildArgs {
    /// The archive (output) folder (default: from the config, else out).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Where the archive folder is served, e.g. https://example.org/nashra.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Days kept in the feed.
    #[arg(long)]
    pub keep_days: Option<usize>,
    /// Also delete the day folders older than the retention.
    #[arg(long)]
    pub prune: bool,
    /// Cover image (PNG/JPEG file, 1400–3000 px square, or URL); default: a generated cover.
    #[arg(long)]
    pub image: Option<String>,
    /// Podcast title.
    #[arg(long)]
    pub title: Option<String>,
    /// The owner's e-mail (itunes:owner), where podcast directories send their verification.
    #[arg(long)]
    pub owner_email: Option<String>,
    /// Config file (default: ./nashra.toml when present).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Args)]
pub struct ServeArgs {
    /// The archive folder.
    pub dir: PathBuf,
    /// TCP port.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on (0.0.0.0 for the whole local network).
    #[arg(long, default_value = "0.0.0.0")]
    pub bind: std::net::IpAddr,
}

#[derive(Args)]
pub struct BriefArgs {
    /// Article pages (.html, .htm), text dumps (.txt), feeds, URLs, or folders of them
    /// (default: the feeds of the config file).
    pub sources: Vec<String>,
    /// Speaker of a multi-speaker voice: a name from the voice's config or a number.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Config file (default: ./nashra.toml when present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Output folder; the briefing goes to OUT/YYYY-MM-DD/ (default: from the config, else out).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// The programme's date (default: today).
    #[arg(long)]
    pub date: Option<chrono::NaiveDate>,
    /// Voice id (see `nashra voices list`); default: ar_JO-kareem-medium if installed, else espeak-ar.
    #[arg(long)]
    pub voice: Option<String>,
    /// Speaking speed (1.0 natural, 1.2 is 20 % faster).
    #[arg(long)]
    pub speed: Option<f32>,
    /// Length budget in minutes: every story is read from its lead paragraphs until it fits.
    #[arg(long)]
    pub max_minutes: Option<f64>,
    /// Entries read from each feed (newest first).
    #[arg(long)]
    pub max_entries: Option<usize>,
    /// Only feed entries from the last this many hours.
    #[arg(long)]
    pub max_age_hours: Option<f64>,
    /// Do not restore vowel marks.
    #[arg(long)]
    pub no_diacritize: bool,
    /// Pronunciation lexicon (TSV or TOML).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Neither reuse nor store synthesized clips.
    #[arg(long)]
    pub no_cache: bool,
    /// Also say the Hijri date in the intro (config: [templates] hijri = true).
    #[arg(long)]
    pub hijri: bool,
    /// Music under the intro, with a lead-in (any common audio format).
    #[arg(long, value_name = "FILE")]
    pub intro_music: Option<PathBuf>,
    /// Music under the outro, playing out after the last word.
    #[arg(long, value_name = "FILE")]
    pub outro_music: Option<PathBuf>,
    /// A short sound played before each story.
    #[arg(long, value_name = "FILE")]
    pub earcon: Option<PathBuf>,
    /// Parallel synthesis workers (default: one per core for neural voices).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// After a successful briefing, rebuild the podcast feed (see `nashra feed build`).
    #[arg(long)]
    pub publish: bool,
    /// With --publish: where the output folder is served.
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// A page (.html), text dump (.txt), feed file, or http(s) URL.
    pub source: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// The title, a blank line, then one paragraph per line.
    Text,
    /// The Article as JSON.
    Json,
}

#[derive(Args)]
pub struct NormalizeArgs {
    /// Print the spoken form with vowel marks restored.
    #[arg(long)]
    pub diacritize: bool,
    /// Print eSpeak NG phonemes of the final form.
    #[arg(long)]
    pub phonemes: bool,
    /// Print one JSON object per line: {original, spoken, diacritized, warnings}.
    #[arg(long)]
    pub json: bool,
    /// Language of the text (`ar` verbalizes numbers; other languages leave them to the voice).
    #[arg(long, default_value = "ar")]
    pub language: String,
    /// A pronunciation lexicon (TSV: written<TAB>spoken, or TOML with a [words] table).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

#[derive(Args)]
pub struct SayArgs {
    /// The text to say (or use --file, or stdin).
    pub text: Option<String>,
    /// Read the text from this file.
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// Voice id (see `nashra voices list`).
    #[arg(long)]
    pub voice: Option<String>,
    /// Speaking speed (1.0 natural).
    #[arg(long, default_value_t = 1.0)]
    pub speed: f32,
    /// Speaker of a multi-speaker voice: a name from the voice's config or a number.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Output WAV file, or `-` for a WAV stream on stdout that starts with the first clause
    /// (e.g. `nashra say --file article.txt -o - | aplay`).
    #[arg(long, short)]
    pub output: PathBuf,
    /// With `-o -`: raw 16-bit little-endian mono samples instead of WAV (like Piper's
    /// `--output-raw`; the rate is the voice's, e.g. `aplay -r 22050 -f S16_LE -t raw -`).
    #[arg(long)]
    pub raw: bool,
    /// Neither reuse nor store synthesized clips.
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Args)]
pub struct ReadArgs {
    /// One article: an http(s) URL, a saved page (.html) or a text file (.txt).
    pub source: String,
    /// Voice id (see `nashra voices list`); default as for `brief`.
    #[arg(long)]
    pub voice: Option<String>,
    /// Speaker of a multi-speaker voice: a name from the voice's config or a number.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Speaking speed (1.0 natural).
    #[arg(long)]
    pub speed: Option<f32>,
    /// Output WAV file, or `-` for a WAV stream on stdout, sentence by sentence as each is ready.
    #[arg(long, short)]
    pub output: PathBuf,
    /// Config file (default: ./nashra.toml when present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Neither reuse nor store synthesized clips.
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Subcommand)]
pub enum VoicesCommand {
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
