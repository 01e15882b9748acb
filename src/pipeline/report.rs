//! The run report (`report.json`): what happened to every input, the voice, durations,
//! loudness, warnings and stage timings.
use std::time::Instant;

use serde::{Deserialize, Serialize};

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

/// Time spent in one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageTiming {
    /// Stage name.
    pub stage: String,
    /// Wall-clock seconds.
    pub seconds: f64,
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
    /// Files written (names inside the day folder).
    pub outputs: Vec<String>,
    /// Fingerprint of everything the programme's files depend on.
    #[serde(default)]
    pub programme_key: String,
    /// True when an identical earlier run's files were kept instead of made again.
    #[serde(default)]
    pub reused_outputs: bool,
}

impl Report {
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

/// Measures stage durations.
#[derive(Debug)]
pub struct StageClock {
    started: Instant,
    timings: Vec<StageTiming>,
}

impl Default for StageClock {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            timings: Vec::new(),
        }
    }
}

impl StageClock {
    /// Close the current stage under `name` and start the next.
    pub fn lap(&mut self, name: &str) {
        let now = Instant::now();
        self.timings.push(StageTiming {
            stage: name.to_string(),
            seconds: (now - self.started).as_secs_f64(),
        });
        self.started = now;
    }

    /// Close the current stage, whose first `first_secs` belong to stage `first` and the rest
    /// to `rest` (a step that measured where its own work changed kind).
    pub fn lap_split(&mut self, first: &str, first_secs: f64, rest: &str) {
        let now = Instant::now();
        let total = (now - self.started).as_secs_f64();
        let first_secs = first_secs.clamp(0.0, total);
        for (stage, seconds) in [(first, first_secs), (rest, total - first_secs)] {
            self.timings.push(StageTiming {
                stage: stage.to_string(),
                seconds,
            });
        }
        self.started = now;
    }

    /// The timings so far.
    pub fn into_timings(self) -> Vec<StageTiming> {
        self.timings
    }
}
