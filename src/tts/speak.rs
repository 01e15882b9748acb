//! Speaking one sentence given as clauses: one synthesis call per clause, never a whole
//! article, each clause trimmed of its edge silence and joined by the clause pause.
use crate::audio::{trim, Clip};
use crate::tts::{SynthesisParams, TtsError, Voice};

/// Synthesize one sentence given as clauses, joined by the clause pause.
pub fn speak_clauses(
    voice: &mut Voice,
    clauses: &[String],
    params: &SynthesisParams,
    clause_pause_ms: u32,
) -> Result<Clip, TtsError> {
    let mut no_output = |_: &[f32]| Ok::<(), TtsError>(());
    speak_clauses_into(voice, clauses, params, clause_pause_ms, &mut no_output)
}

/// [`speak_clauses`], handing each clause (and each pause) to `output` as soon as it is made.
pub fn speak_clauses_into<E: From<TtsError>>(
    voice: &mut Voice,
    clauses: &[String],
    params: &SynthesisParams,
    clause_pause_ms: u32,
    output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
) -> Result<Clip, E> {
    speak_clauses_early(voice, clauses, params, clause_pause_ms, false, output)
}

/// [`speak_clauses_into`]; with `early`, the first clause's audio is handed on piece by piece
/// as the voice decodes it (see [`Voice::synthesize_into`]), as soon as its trim is settled,
/// so a stream starts before the first clause is fully made. The audio is the same.
pub fn speak_clauses_early<E: From<TtsError>>(
    voice: &mut Voice,
    clauses: &[String],
    params: &SynthesisParams,
    clause_pause_ms: u32,
    early: bool,
    output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
) -> Result<Clip, E> {
    let rate = voice.sample_rate();
    let mut samples = Vec::new();
    for (i, clause) in clauses.iter().filter(|c| !c.trim().is_empty()).enumerate() {
        if i > 0 {
            let pause = Clip::silence(clause_pause_ms, rate).samples;
            output(&pause)?;
            samples.extend(pause);
        }
        let trimmed = match early && i == 0 {
            true => speak_early(voice, clause, params, output)?,
            false => {
                let clip = voice.synthesize(clause, params)?;
                let trimmed = trim::trim_silence(&clip, TRIM_DB, TRIM_KEEP_MS).samples;
                output(&trimmed)?;
                trimmed
            }
        };
        samples.extend(trimmed);
    }
    Ok(Clip::new(samples, rate))
}

/// Level (dBFS) below which a clause's edges are silence.
const TRIM_DB: f32 = -45.0;
/// Audio kept around a clause's sound.
const TRIM_KEEP_MS: u32 = 30;

/// One clause, trimmed, its audio handed to `output` as its trim settles while it is decoded.
fn speak_early<E: From<TtsError>>(
    voice: &mut Voice,
    clause: &str,
    params: &SynthesisParams,
    output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
) -> Result<Vec<f32>, E> {
    let mut prefix = Clip::new(Vec::new(), voice.sample_rate());
    // Samples of the untrimmed clause handed on so far.
    let mut sent = 0;
    let clip = voice.synthesize_into(clause, params, true, &mut |piece: &[f32]| {
        prefix.samples.extend_from_slice(piece);
        if let Some(settled) = trim::settled_range(&prefix, TRIM_DB, TRIM_KEEP_MS) {
            let from = sent.max(settled.start);
            if settled.end > from {
                output(&prefix.samples[from..settled.end])?;
                sent = settled.end;
            }
        }
        Ok::<(), E>(())
    })?;
    let kept = trim::kept_range(&clip, TRIM_DB, TRIM_KEEP_MS).unwrap_or(0..0);
    let from = sent.max(kept.start);
    if kept.end > from {
        output(&clip.samples[from..kept.end])?;
    }
    Ok(clip
        .samples
        .get(kept)
        .map(<[f32]>::to_vec)
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tts::piper::{PiperConfig, PiperVoice, SplitSessions};
    use crate::tts::session::{build_session, SessionSettings};
    use crate::tts::split::split_at_decoder;
    use crate::tts::Catalog;

    /// The test voice with noise off, over the whole model and cut at its decoder; `None`
    /// (off CI) when it is not installed.
    fn noiseless_voices() -> Option<(Voice, Voice)> {
        let (path, model, config) = crate::tts::test_voice::files()?;
        let mut json: serde_json::Value = serde_json::from_str(&config).ok()?;
        json["inference"]["noise_scale"] = 0.0.into();
        json["inference"]["noise_w"] = 0.0.into();
        let config = || PiperConfig::parse(&json.to_string(), &path).ok();
        let settings = SessionSettings::with_threads(2);
        let session = |bytes: &[u8]| build_session(&path, bytes, &settings).ok();
        let split = split_at_decoder(&model).ok()?;
        let manifest = Catalog::built_in()
            .ok()?
            .get("en_US-joe-medium")
            .ok()?
            .clone();
        let voice = |voice: PiperVoice| Voice::Piper {
            manifest: manifest.clone(),
            model_sha256: String::new(),
            voice: Box::new(voice),
        };
        let whole = PiperVoice::from_session(config()?, session(&model)?, &path);
        let sessions = SplitSessions {
            front: session(&split.front)?,
            decoder: session(&split.decoder)?,
        };
        let split = PiperVoice::from_split(config()?, sessions, &path);
        Some((voice(whole), voice(split)))
    }

    /// A stream's first clause, handed on window by window as its trim settles, is the audio
    /// of the clause spoken whole and trimmed.
    #[test]
    fn a_clause_handed_on_early_is_the_same_audio() {
        let Some((mut whole, mut split)) = noiseless_voices() else {
            return;
        };
        assert!(matches!(&split, Voice::Piper { voice, .. } if voice.decodes_in_windows()));
        let clauses = vec![
            "The regional council said on Tuesday that the new budget would cut spending on roads and schools across the province".to_string(),
            "officials said".to_string(),
        ];
        let params = SynthesisParams::default();
        let expected =
            speak_clauses(&mut whole, &clauses, &params, 200).unwrap_or_else(|e| panic!("{e}"));
        let mut pieces = Vec::new();
        let mut output = |piece: &[f32]| {
            pieces.push(piece.to_vec());
            Ok::<(), TtsError>(())
        };
        let clip = speak_clauses_early(&mut split, &clauses, &params, 200, true, &mut output)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            pieces.len() >= 4,
            "the first clause came in pieces: {}",
            pieces.len()
        );
        let streamed = pieces.concat();
        assert_eq!(streamed, clip.samples, "what is handed on is the clip");
        assert_eq!(streamed.len(), expected.samples.len());
        let worst = streamed
            .iter()
            .zip(&expected.samples)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-4, "samples differ by up to {worst}");
    }
}
