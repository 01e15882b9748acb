//! The orchestration: the jobs the command line runs, each a sequence of stage calls. Every
//! module here depends on the stages ([`crate::sources`], [`crate::extract`], [`crate::compose`],
//! [`crate::text`], [`crate::tts`], [`crate::audio`], [`crate::publish`]); no stage depends on
//! this folder.
//!
//! | job | module |
//! |---|---|
//! | read inputs, fetch, extract | [`gather`] |
//! | synthesize sentences on every core, through the clip cache | `synthesize` |
//! | stream the programme into its files | `produce` |
//! | the whole day's briefing | [`brief`] |
//! | speak free text / read one article | [`say`], [`read`] |
//! | what a run did, and how long each step took | [`report`], [`clock`] |
//! | timing the pipeline | [`bench`](mod@bench) |
pub mod bench;
pub mod brief;
pub mod clock;
pub mod gather;
pub(crate) mod produce;
pub mod read;
pub mod report;
pub mod say;
pub(crate) mod synthesize;

pub use produce::{ProduceError, ProductionSettings};

use std::path::PathBuf;

use crate::compose::Pauses;
use crate::tts::{ModelLayout, SynthesisParams};

/// What a briefing and a reading share: which voice speaks, how, and how the text is prepared
/// for it.
#[derive(Debug, Clone)]
pub struct SpeechSettings {
    /// Voice id; `None` picks the default.
    pub voice: Option<String>,
    /// Speaker of a multi-speaker voice (a name or a number); `None`: the voice's first.
    pub speaker: Option<String>,
    /// Synthesis settings.
    pub params: SynthesisParams,
    /// Pauses between clauses, sentences, paragraphs and segments.
    pub pauses: Pauses,
    /// Restore vowel marks (`None`: on for Arabic neural voices).
    pub diacritize: Option<bool>,
    /// A user pronunciation lexicon.
    pub lexicon: Option<PathBuf>,
    /// Where voices and caches live.
    pub nashra_home: PathBuf,
    /// Reuse and store synthesized clips.
    pub use_cache: bool,
    /// How a neural voice's model is given to ONNX Runtime (default: the faster decoder layout).
    pub model_layout: ModelLayout,
}

impl SpeechSettings {
    /// The default voice with its default settings, clip cache on, voices under `nashra_home`.
    pub fn new(nashra_home: impl Into<PathBuf>) -> Self {
        Self {
            voice: None,
            speaker: None,
            params: SynthesisParams::default(),
            pauses: Pauses::default(),
            diacritize: None,
            lexicon: None,
            nashra_home: nashra_home.into(),
            use_cache: true,
            model_layout: ModelLayout::default(),
        }
    }
}
