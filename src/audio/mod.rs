//! Audio stage: clips in, one programme out (assembly, resampling, loudness, encoding).
//!
//! The usual order for a programme (the briefing's production streams it, so memory holds only
//! a few clips and blocks, whatever the programme's length):
//! 1. `trim::trim_silence` every synthesized clip (same rule for all, so pauses are exact);
//! 2. `stream::ProgrammeWriter` assembles the clips with their pauses as they come, resampled
//!    to 44.1 kHz, measured and spooled to a temporary file; spans are sample offsets;
//! 3. `sounds::plan` lays intro/outro music and earcons over it;
//! 4. `stream::render` plays it back through one gain and the true-peak limiter (−16 LUFS,
//!    peaks `mp3::MP3_PEAK_HEADROOM_DB` under −1 dBTP) into `stream::WavFileWriter` and
//!    `mp3::Mp3FileWriter` (ID3 chapters from the spans), and the MP3 is decoded and measured
//!    (`mp3::measure_encoded_file`) for the report and the true-peak check;
//! 5. `chapters::chapters_json` and `transcript::webvtt` from the same spans.
//!
//! These steps are the crate's own; a library user gets the data types ([`Clip`]) and the
//! file-level entry points re-exported here.
pub(crate) mod assemble;
pub(crate) mod chapters;
pub(crate) mod decode;
pub(crate) mod loudness;
pub mod mp3;
pub(crate) mod resample;
pub(crate) mod sounds;
pub(crate) mod stream;
pub(crate) mod transcript;
pub(crate) mod trim;
pub(crate) mod wav;
pub(crate) mod wav_stream;

pub use decode::decode_file;
pub use loudness::{measure as measure_loudness, Loudness};
pub use mp3::{encode_mp3, Mp3Meta};
pub use wav::{read_wav, write_wav};
pub use wav_stream::{PcmStream, StreamError, StreamFormat};

use std::path::PathBuf;

/// Mono audio as `f32` samples in [-1, 1] at a given rate: one synthesized sentence, a pause,
/// an earcon, or a whole programme.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clip {
    /// Mono samples, nominally in [-1.0, 1.0].
    pub samples: Vec<f32>,
    /// Samples per second.
    pub sample_rate: u32,
}

impl Clip {
    /// A clip of `samples` at `sample_rate`.
    pub fn new(samples: Vec<f32>, sample_rate: u32) -> Self {
        Self {
            samples,
            sample_rate,
        }
    }

    /// Silence of `millis` milliseconds at `sample_rate`.
    pub fn silence(millis: u32, sample_rate: u32) -> Self {
        let len = (u64::from(millis) * u64::from(sample_rate) / 1000) as usize;
        Self::new(vec![0.0; len], sample_rate)
    }

    /// Duration in seconds.
    pub fn duration_secs(&self) -> f64 {
        if self.sample_rate == 0 {
            return 0.0;
        }
        self.samples.len() as f64 / f64::from(self.sample_rate)
    }

    /// Root-mean-square level of the samples (0 for an empty clip).
    pub fn rms(&self) -> f32 {
        if self.samples.is_empty() {
            return 0.0;
        }
        let sum: f64 = self
            .samples
            .iter()
            .map(|s| f64::from(*s) * f64::from(*s))
            .sum();
        (sum / self.samples.len() as f64).sqrt() as f32
    }
}

/// Errors of the audio stage (everything except WAV input/output, see `wav::WavError`).
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    /// A sample rate of zero or outside what the operation supports.
    #[error("unsupported sample rate {0} Hz")]
    InvalidSampleRate(u32),
    /// The resampler could not be built or failed.
    #[error("resampling failed: {message}")]
    Resample {
        /// What went wrong.
        message: String,
        /// The resampler's own error.
        source: Option<Cause>,
    },
    /// The loudness meter failed.
    #[error("loudness measurement failed: {0}")]
    Loudness(String),
    /// The audio is silent or shorter than one 400 ms gating block, so it has no loudness.
    #[error("audio is silent or too short to measure its loudness")]
    Unmeasurable,
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// An audio file could not be decoded.
    #[error("cannot decode audio: {message}")]
    Decode {
        /// What went wrong (with the file, when there is one).
        message: String,
        /// The decoder's own error, when one is behind the failure.
        source: Option<Cause>,
    },
    /// The audio is longer than the stage accepts.
    #[error("audio too long: {seconds:.0} s (limit {limit_seconds} s)")]
    TooLong {
        /// The duration found.
        seconds: f64,
        /// The limit.
        limit_seconds: u32,
    },
    /// A bit rate the MP3 encoder does not offer.
    #[error("unsupported MP3 bit rate {0} kbit/s")]
    InvalidBitrate(u32),
    /// The MP3 encoder failed.
    #[error("MP3 encoding failed: {message}")]
    Encode {
        /// What went wrong.
        message: String,
        /// The encoder's own error, when one is behind the failure.
        source: Option<Cause>,
    },
    /// The ID3 tag could not be built or written.
    #[error("ID3 tag: {0}")]
    Tag(String),
    /// A WebVTT document could not be parsed.
    #[error("WebVTT line {line}: {message}")]
    WebVtt {
        /// 1-based line number.
        line: usize,
        /// What is wrong there.
        message: String,
    },
}

/// A library's error (rubato, symphonia, LAME, hound) kept as the cause of an [`AudioError`],
/// so `std::error::Error::source` reaches it.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

impl AudioError {
    /// Resampling failed because of the resampler's `cause` (whose message the error shows).
    pub(crate) fn resample(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Resample {
            message: cause.to_string(),
            source: Some(Box::new(cause)),
        }
    }

    /// Encoding failed because of the encoder's `cause` (whose message the error shows).
    pub(crate) fn encode(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Encode {
            message: cause.to_string(),
            source: Some(Box::new(cause)),
        }
    }

    /// Encoding failed for a reason no library error carries.
    pub(crate) fn encode_message(message: impl Into<String>) -> Self {
        Self::Encode {
            message: message.into(),
            source: None,
        }
    }
}
