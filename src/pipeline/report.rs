//! The run report (`report.json`): what happened to every input, the voice, durations,
//! loudness, warnings and stage timings.
use serde::{Deserialize, Serialize};

use crate::audio::loudness::Loudness;
use crate::compose::Script;
use crate::extract::Article;
use crate::pipeline::clock::{StageClock, StageTiming};
use crate::pipeline::produce::Produced;
use crate::pipeline::synthesize::Synthesized;
use crate::progress::Progress;
use crate::tts::{Engine, VoiceSource};

/// What happened to one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputReport {
    /// The input as given (path or URL), or the feed entry's link.
    pub input: String,
    /// `ok`, `thin`, `failed`, `duplicate` or `skipped`.
    pub status: InputStatus,
    /// The one-line error, for failed inputs.
    pub error: Option<String>,
    /// The headline, for extracted articles.
    pub title: Option<String>,
    /// Body paragraphs extracted.
    pub paragraphs: usize,
    /// Body words extracted.
    pub words: usize,
    /// The extraction strategy that produced the body (`container`, `densest_run`,
    /// `metadata`, `text_dump`), for extracted articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    /// Why a `thin` input was flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl InputReport {
    /// `input`, which could not be used because of `error`.
    pub fn failed(input: String, error: String) -> Self {
        Self {
            input,
            status: InputStatus::Failed,
            error: Some(error),
            title: None,
            paragraphs: 0,
            words: 0,
            strategy: None,
            note: None,
        }
    }

    /// `article`, read from `input`: in the briefing (flagged when thin), or left out as the
    /// same story as the earlier input `duplicate_of` (counted from 0).
    pub fn extracted(input: String, article: &Article, duplicate_of: Option<usize>) -> Self {
        let thin = article.is_thin().then(|| thin_note(article));
        Self {
            input,
            status: match (duplicate_of, &thin) {
                (Some(_), _) => InputStatus::Duplicate,
                (None, Some(_)) => InputStatus::Thin,
                (None, None) => InputStatus::Ok,
            },
            error: duplicate_of.map(|e| format!("same story as input {}", e + 1)),
            title: Some(article.title.clone()),
            paragraphs: article.paragraphs.len(),
            words: article.word_count(),
            strategy: Some(article.extraction.strategy.name().to_string()),
            note: thin,
        }
    }
}

/// Why a story was flagged as thin: its words against the page's.
fn thin_note(article: &Article) -> String {
    format!(
        "body is {} words, {:.0}% of the page's {} words: the story may be cut short",
        article.word_count(),
        100.0 * article.body_share(),
        article.extraction.page_words
    )
}

/// The fate of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputStatus {
    /// Read and used in the briefing.
    Ok,
    /// Used in the briefing, but its body is a small fraction of the page's text: perhaps
    /// only a caption, a lead or a teaser of the story (see `note`).
    Thin,
    /// Could not be used; see `error`.
    Failed,
    /// The same story as an earlier input.
    Duplicate,
    /// Left out (e.g. over the entry limit).
    Skipped,
}

/// The voice that spoke the briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceReport {
    /// Voice id.
    pub id: String,
    /// `piper` or `espeak`.
    pub engine: String,
    /// The voice's own sample rate.
    pub sample_rate: u32,
    /// How a neural voice's model was run (see [`crate::tts::ModelLayout`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_layout: Option<String>,
}

impl VoiceReport {
    /// The voice `id` of `engine`, as loaded in `source`.
    pub fn new(id: &str, engine: Engine, source: &VoiceSource) -> Self {
        Self {
            id: id.to_string(),
            engine: format!("{engine:?}").to_lowercase(),
            sample_rate: source.sample_rate(),
            model_layout: source.model_layout().map(ToString::to_string),
        }
    }
}

/// Loudness of the finished programme.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoudnessReport {
    /// Integrated loudness, LUFS.
    pub integrated_lufs: f64,
    /// Loudness range, LU.
    pub range_lu: f64,
    /// True peak, dBTP.
    pub true_peak_dbtp: f64,
}

impl From<Loudness> for LoudnessReport {
    fn from(loudness: Loudness) -> Self {
        Self {
            integrated_lufs: loudness.integrated_lufs,
            range_lu: loudness.range_lu,
            true_peak_dbtp: loudness.true_peak_dbtp,
        }
    }
}

/// Everything `report.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Report {
    /// nashra version.
    pub nashra_version: String,
    /// The programme's date.
    pub date: String,
    /// Every input.
    pub inputs: Vec<InputReport>,
    /// Stories in the programme.
    pub stories: usize,
    /// Segments (sentences) spoken.
    pub segments: usize,
    /// The voice.
    pub voice: Option<VoiceReport>,
    /// Duration of the programme in seconds.
    pub duration_secs: f64,
    /// Output sample rate.
    pub sample_rate: u32,
    /// Loudness measured on the finished audio.
    pub loudness: Option<LoudnessReport>,
    /// Clips synthesized in this run and clips taken from the cache.
    pub clips_synthesized: usize,
    /// Clips reused from the cache.
    pub clips_cached: usize,
    /// Warnings (speakability, fallbacks), one line each.
    pub warnings: Vec<String>,
    /// Stage timings.
    pub timings: Vec<StageTiming>,
    /// The audio stage in detail (its total is the `audio+encode` stage).
    pub audio_timings: Vec<StageTiming>,
    /// The process's peak resident memory in MB so far, where the system tells it (Linux).
    #[serde(default)]
    pub peak_memory_mb: Option<f64>,
    /// Files written (names inside the day folder).
    pub outputs: Vec<String>,
    /// Fingerprint of everything the programme's files depend on.
    #[serde(default)]
    pub programme_key: String,
    /// True when an identical earlier run's files were kept instead of made again.
    #[serde(default)]
    pub reused_outputs: bool,
}

/// Name of the report file in the day folder.
pub const REPORT_FILE: &str = "report.json";

impl Report {
    /// The report of a run of this nashra for the programme of `date`.
    pub fn new(date: chrono::NaiveDate) -> Self {
        Self {
            nashra_version: env!("CARGO_PKG_VERSION").to_string(),
            date: date.to_string(),
            ..Self::default()
        }
    }

    /// Record `warning`, and tell `progress`.
    pub fn warn(&mut self, warning: String, progress: &dyn Progress) {
        progress.warn(&warning);
        self.warnings.push(warning);
    }

    /// Record that the files of the earlier identical run, reported in `previous`, were kept
    /// (the programme of `programme_key`): its programme, voice and files are this run's.
    pub fn record_reuse(&mut self, previous: Report, programme_key: String) {
        self.reused_outputs = true;
        self.programme_key = programme_key;
        self.stories = previous.stories;
        self.segments = previous.segments;
        self.voice = previous.voice;
        self.sample_rate = previous.sample_rate;
        self.duration_secs = previous.duration_secs;
        self.loudness = previous.loudness;
        self.clips_cached = previous.segments;
        self.outputs = previous.outputs;
    }

    /// Record what synthesis did, with `clip_problems` (clips that could not be handed to
    /// production).
    pub fn record_synthesis(&mut self, synthesized: Synthesized, clip_problems: Vec<String>) {
        self.clips_synthesized = synthesized.synthesized;
        self.clips_cached = synthesized.cached;
        self.warnings.extend(synthesized.unspoken);
        self.warnings.extend(clip_problems);
        self.warnings.extend(synthesized.cache_problems);
    }

    /// Record the voice that spoke.
    pub fn record_voice(&mut self, voice: VoiceReport) {
        self.voice = Some(voice);
    }

    /// Record the programme made of `script` and its files (this report's among them).
    pub fn record_production(&mut self, script: &Script, produced: Produced) {
        self.warnings.extend(produced.warnings);
        self.stories = script.stories.len();
        self.segments = script.segments.len();
        self.sample_rate = produced.sample_rate;
        self.duration_secs = produced.duration_secs;
        self.loudness = produced.loudness.map(LoudnessReport::from);
        self.outputs = produced.files;
        self.outputs.push(REPORT_FILE.to_string());
        self.audio_timings = produced.timings;
    }

    /// Record the listener page of the day folder: among the outputs once, when it was written
    /// (`Err`: the one-line reason it was not, also told to `progress`).
    pub fn record_page(
        &mut self,
        name: &str,
        written: Result<(), String>,
        progress: &dyn Progress,
    ) {
        self.outputs.retain(|output| output != name);
        match written {
            Ok(()) => self.outputs.push(name.to_string()),
            Err(warning) => self.warn(warning, progress),
        }
    }

    /// Record the stage timings of `clock`, and the peak memory of the run so far.
    pub fn record_timings(&mut self, clock: StageClock) {
        self.timings = clock.into_timings();
        self.peak_memory_mb = peak_memory_mb();
    }

    /// Inputs that could not be used.
    pub fn failed_inputs(&self) -> impl Iterator<Item = &InputReport> {
        self.inputs
            .iter()
            .filter(|i| i.status == InputStatus::Failed)
    }

    /// Total wall time of all stages.
    pub fn total_seconds(&self) -> f64 {
        self.timings.iter().map(|t| t.seconds).sum()
    }
}

/// The process's peak resident set size in MB (`VmHWM` in `/proc/self/status`), if known.
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_peak_memory_mb(&status)
}

fn parse_peak_memory_mb(status: &str) -> Option<f64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_memory_is_read_from_the_status_line() {
        let status = "Name:\tnashra\nVmPeak:\t 2000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t 1024 kB\n";
        assert_eq!(parse_peak_memory_mb(status), Some(512.0));
        assert_eq!(parse_peak_memory_mb("VmRSS:\t1024 kB\n"), None);
        assert_eq!(parse_peak_memory_mb("VmHWM:\tlots kB\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_peak_memory() {
        assert!(peak_memory_mb().is_some_and(|mb| mb > 1.0));
    }
}
