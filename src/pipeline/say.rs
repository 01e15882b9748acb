//! `say`: speaking free text with a voice, sentence by sentence through the text front end,
//! with the configured pauses between clauses, sentences and paragraphs (to a clip, in
//! parallel, or streamed as it is made).
use crate::audio::wav_stream::{PcmStream, StreamError};
use crate::audio::Clip;
use crate::compose::Pauses;
use crate::pipeline::synthesize;
use crate::progress::NoProgress;
use crate::text;
use crate::tts::clip_cache::ClipCache;
use crate::tts::speak::{speak_clauses, speak_clauses_early};
use crate::tts::{SynthesisParams, TtsError, Voice, VoiceSource};

/// Errors of speaking onto a stream.
#[derive(Debug, thiserror::Error)]
pub enum SpeakError {
    /// The voice failed.
    #[error(transparent)]
    Tts(#[from] TtsError),
    /// The stream could not be written.
    #[error(transparent)]
    Stream(#[from] StreamError),
}

/// One sentence of free text, as the voice will read it, and the pause that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSentence {
    /// The sentence after the text front end (what the voice is given).
    pub voice_text: String,
    /// Silence after it: the sentence or paragraph pause, none after the last.
    pub pause_after_ms: u32,
}

/// Split free text into paragraphs (lines) and sentences, each through the text front end,
/// with the pause after each.
pub fn plan_text(front_end: &text::FrontEnd, text: &str, pauses: &Pauses) -> Vec<PlannedSentence> {
    split_text(text, pauses)
        .into_iter()
        .map(|(sentence, pause_after_ms)| PlannedSentence {
            voice_text: front_end.process(&sentence).voice_text().to_string(),
            pause_after_ms,
        })
        .collect()
}

/// Free text as paragraphs (lines) of sentences, each with the pause that follows it: the
/// sentence or paragraph pause, none after the last.
fn split_text(text: &str, pauses: &Pauses) -> Vec<(String, u32)> {
    let paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut sentences_with_pauses = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let sentences = text::sentences::split_sentences(paragraph);
        let count = sentences.len();
        for (s, sentence) in sentences.into_iter().enumerate() {
            let pause_after_ms = match (s + 1 == count, p + 1 == paragraphs.len()) {
                (true, true) => 0,
                (true, false) => pauses.paragraph_ms,
                _ => pauses.sentence_ms,
            };
            sentences_with_pauses.push((sentence, pause_after_ms));
        }
    }
    sentences_with_pauses
}

/// Synthesize free text with one voice instance: [`plan_text`], then clause by clause, with
/// pauses.
pub fn speak_text(
    voice: &mut Voice,
    front_end: &text::FrontEnd,
    text: &str,
    params: &SynthesisParams,
    pauses: &Pauses,
) -> Result<Clip, TtsError> {
    let plan = plan_text(front_end, text, pauses);
    let mut clips = Vec::with_capacity(plan.len());
    for sentence in &plan {
        let clauses = text::sentences::split_clauses(&sentence.voice_text);
        clips.push(speak_clauses(voice, &clauses, params, pauses.clause_ms)?);
    }
    Ok(join_sentences(&plan, &clips, voice.sample_rate()))
}

/// Synthesize planned sentences on every core (one voice instance per core for a neural
/// voice, as a briefing does), through `cache`. Any sentence that cannot be spoken fails the
/// whole text: a reading with a hole in it is not what was asked for.
pub fn speak_plan_in_parallel(
    source: &VoiceSource,
    plan: &[PlannedSentence],
    params: &SynthesisParams,
    pauses: &Pauses,
    cache: &ClipCache,
) -> Result<Clip, TtsError> {
    let texts: Vec<String> = plan.iter().map(|s| s.voice_text.clone()).collect();
    let cores = crate::available_cores();
    let (workers, threads) =
        synthesize::worker_plan(cores, None, source.is_parallel(), texts.len());
    let job = synthesize::SynthesisJob {
        texts: &texts,
        params: *params,
        clause_pause_ms: pauses.clause_ms,
        cache,
    };
    let out = synthesize::synthesize(source, Vec::new(), workers, threads, &job, &NoProgress)?;
    if let Some(problem) = out.unspoken.into_iter().next() {
        return Err(TtsError::Synthesis(problem));
    }
    Ok(join_sentences(plan, &out.clips, source.sample_rate()))
}

/// The sentence clips in order with each sentence's pause after it.
fn join_sentences(plan: &[PlannedSentence], clips: &[Clip], rate: u32) -> Clip {
    let mut samples = Vec::new();
    for (sentence, clip) in plan.iter().zip(clips) {
        samples.extend_from_slice(&clip.samples);
        samples.extend(Clip::silence(sentence.pause_after_ms, rate).samples);
    }
    Clip::new(samples, rate)
}

/// What streaming a text gave.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Streamed {
    /// Sentences spoken.
    pub sentences: usize,
    /// Of those, taken from the clip cache.
    pub cached: usize,
    /// Seconds of audio written.
    pub audio_secs: f64,
}

/// Speak free text onto `out` as it is synthesized: sentence by sentence through the text
/// front end and the clip cache, each clause written as soon as the voice has made it, so a
/// listener hears the first clause while the rest is made. The audio is the same as
/// [`speak_plan_in_parallel`] gives for the same text.
pub fn stream_text<W: std::io::Write>(
    voice: &mut Voice,
    front_end: &text::FrontEnd,
    text: &str,
    params: &SynthesisParams,
    pauses: &Pauses,
    cache: &ClipCache,
    out: &mut PcmStream<W>,
) -> Result<Streamed, SpeakError> {
    let fingerprint = voice.fingerprint();
    let mut streamed = Streamed::default();
    for (sentence, pause_after_ms) in split_text(text, pauses) {
        let voice_text = front_end.process(&sentence).voice_text().to_string();
        let key = synthesize::cache_key(&fingerprint, params, pauses.clause_ms, &voice_text);
        match cache.get(&key) {
            Some(clip) => {
                out.write_clip(&clip)?;
                streamed.cached += 1;
            }
            None => {
                let clauses = text::sentences::split_clauses(&voice_text);
                // Nothing heard yet: hand the first clause on as it is decoded.
                let early = out.samples_written() == 0;
                let mut write =
                    |samples: &[f32]| out.write_samples(samples).map_err(SpeakError::from);
                let clip = speak_clauses_early(
                    voice,
                    &clauses,
                    params,
                    pauses.clause_ms,
                    early,
                    &mut write,
                )?;
                // A clip that cannot be cached is still spoken; the next run makes it again.
                let _ = cache.put(&key, &clip);
            }
        }
        out.write_silence(pause_after_ms)?;
        streamed.sentences += 1;
    }
    streamed.audio_secs = out.samples_written() as f64 / f64::from(out.sample_rate().max(1));
    Ok(streamed)
}
