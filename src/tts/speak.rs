//! Speaking one sentence given as clauses: one synthesis call per clause, never a whole
//! article, each clause trimmed of its edge silence and joined by the clause pause.
use crate::audio::Clip;
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
    let rate = voice.sample_rate();
    let mut samples = Vec::new();
    for (i, clause) in clauses.iter().filter(|c| !c.trim().is_empty()).enumerate() {
        if i > 0 {
            let pause = Clip::silence(clause_pause_ms, rate).samples;
            output(&pause)?;
            samples.extend(pause);
        }
        let clip = voice.synthesize(clause, params)?;
        let trimmed = crate::audio::trim::trim_silence(&clip, -45.0, 30).samples;
        output(&trimmed)?;
        samples.extend(trimmed);
    }
    Ok(Clip::new(samples, rate))
}
