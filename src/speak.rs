//! Speaking text with a voice: one synthesis call per clause, never a whole article, with the
//! configured pauses between clauses and sentences.
use crate::audio::Clip;
use crate::brief::NoProgress;
use crate::compose::Pauses;
use crate::synthesize;
use crate::text;
use crate::tts::clip_cache::ClipCache;
use crate::tts::{SynthesisParams, TtsError, Voice, VoiceSource};

/// Synthesize one sentence given as clauses, joined by the clause pause.
pub fn speak_clauses(
    voice: &mut Voice,
    clauses: &[String],
    params: &SynthesisParams,
    clause_pause_ms: u32,
) -> Result<Clip, TtsError> {
    let rate = voice.sample_rate();
    let mut samples = Vec::new();
    for (i, clause) in clauses.iter().filter(|c| !c.trim().is_empty()).enumerate() {
        if i > 0 {
            samples.extend(Clip::silence(clause_pause_ms, rate).samples);
        }
        let clip = voice.synthesize(clause, params)?;
        samples.extend(crate::audio::trim::trim_silence(&clip, -45.0, 30).samples);
    }
    Ok(Clip::new(samples, rate))
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
    let paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut plan = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let sentences = text::sentences::split_sentences(paragraph);
        for (s, sentence) in sentences.iter().enumerate() {
            let last_sentence = s + 1 == sentences.len();
            let last_paragraph = p + 1 == paragraphs.len();
            let pause_after_ms = match (last_sentence, last_paragraph) {
                (true, true) => 0,
                (true, false) => pauses.paragraph_ms,
                _ => pauses.sentence_ms,
            };
            plan.push(PlannedSentence {
                voice_text: front_end.process(sentence).voice_text().to_string(),
                pause_after_ms,
            });
        }
    }
    plan
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
