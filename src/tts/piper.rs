//! Piper voices: eSpeak NG phonemes in, a VITS model run by ONNX Runtime, audio out.
use std::path::Path;

use ort::session::Session;
use piper_rs::{ModelConfig, Piper};

use crate::audio::Clip;

use super::store::VerifiedVoiceFiles;
use super::{espeak, SynthesisParams, TtsError};
use crate::text::sentences::cut_at_spaces;

/// Longest phoneme string sent to the model in one call; longer clauses are cut at spaces.
/// (The composer splits text into clauses well below this; this guards the model.)
const MAX_PHONEMES_PER_CALL: usize = 600;

/// A loaded Piper voice.
pub struct PiperVoice {
    piper: Piper,
    espeak_voice: String,
    sample_rate: u32,
    length_scale: f32,
}

impl PiperVoice {
    /// Load a voice from files already verified against the manifest, running `model` (their
    /// verified model bytes, or the same model with a faster layout; never the disk again).
    pub fn load(
        files: &VerifiedVoiceFiles,
        model: &[u8],
        intra_threads: usize,
    ) -> Result<Self, TtsError> {
        let settings: VoiceSettings =
            serde_json::from_str(&files.config_text).map_err(|e| bad_voice(&files.config, e))?;
        let config: ModelConfig =
            serde_json::from_str(&files.config_text).map_err(|e| bad_voice(&files.config, e))?;
        let session = build_session(&files.model, model, intra_threads)?;
        Ok(Self {
            piper: Piper::from_session(session, config),
            espeak_voice: settings.espeak.voice,
            sample_rate: settings.audio.sample_rate,
            length_scale: settings.inference.length_scale,
        })
    }

    /// Output sample rate.
    pub fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    /// The eSpeak NG voice used for phonemization.
    pub fn espeak_voice(&self) -> &str {
        &self.espeak_voice
    }

    /// Synthesize one clause or sentence.
    pub fn synthesize(&mut self, text: &str, params: &SynthesisParams) -> Result<Clip, TtsError> {
        let phonemes = espeak::phonemize(text, &self.espeak_voice)?;
        let length_scale = self.length_scale / params.speed_factor();
        let mut samples = Vec::new();
        for chunk in cut_at_spaces(&phonemes, MAX_PHONEMES_PER_CALL) {
            if chunk.trim().is_empty() {
                continue;
            }
            let (audio, _) = self
                .piper
                .create(chunk, true, None, Some(length_scale), None, None)
                .map_err(|e| TtsError::Synthesis(e.to_string()))?;
            samples.extend(audio.into_iter().map(|s| {
                if s.is_finite() {
                    s.clamp(-1.0, 1.0)
                } else {
                    0.0
                }
            }));
        }
        Ok(Clip::new(samples, self.sample_rate))
    }
}

fn build_session(model: &Path, bytes: &[u8], intra_threads: usize) -> Result<Session, TtsError> {
    let fail = |e: ort::Error| TtsError::VoiceLoad {
        path: model.display().to_string(),
        message: e.to_string(),
    };
    let builder = Session::builder().map_err(fail)?;
    let mut builder = builder
        .with_intra_threads(intra_threads.max(1))
        .map_err(|e| fail(e.into()))?;
    builder.commit_from_memory(bytes).map_err(fail)
}

/// The output sample rate a verified Piper voice's config gives.
pub fn config_sample_rate(files: &VerifiedVoiceFiles) -> Result<u32, TtsError> {
    let settings: VoiceSettings =
        serde_json::from_str(&files.config_text).map_err(|e| bad_voice(&files.config, e))?;
    Ok(settings.audio.sample_rate)
}

fn bad_voice(path: &Path, error: serde_json::Error) -> TtsError {
    TtsError::VoiceLoad {
        path: path.display().to_string(),
        message: error.to_string(),
    }
}

/// The parts of a Piper voice config nashra reads itself.
#[derive(serde::Deserialize)]
struct VoiceSettings {
    audio: AudioSettings,
    espeak: EspeakSettings,
    inference: InferenceSettings,
}

#[derive(serde::Deserialize)]
struct AudioSettings {
    sample_rate: u32,
}

#[derive(serde::Deserialize)]
struct EspeakSettings {
    voice: String,
}

#[derive(serde::Deserialize)]
struct InferenceSettings {
    length_scale: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_cut_at_spaces_and_fully_kept() {
        let text = "abc ".repeat(400);
        let chunks = cut_at_spaces(&text, 100);
        assert!(chunks.len() > 10);
        assert!(chunks
            .iter()
            .all(|c| c.chars().count() <= 100 && !c.starts_with(' ')));
        assert_eq!(chunks.concat().replace(' ', ""), text.replace(' ', ""));
        assert_eq!(cut_at_spaces("short", 100), vec!["short"]);
    }
}
