//! Speaking text with a voice: one synthesis call per clause, never a whole article, with the
//! configured pauses between clauses and sentences.
use crate::audio::Clip;
use crate::compose::Pauses;
use crate::text;
use crate::tts::{SynthesisParams, TtsError, Voice};

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

/// Synthesize free text: split into paragraphs (lines) and sentences, each sentence through the
/// text front end, then clause by clause, with pauses.
pub fn speak_text(
    voice: &mut Voice,
    front_end: &text::FrontEnd,
    text: &str,
    params: &SynthesisParams,
    pauses: &Pauses,
) -> Result<Clip, TtsError> {
    let rate = voice.sample_rate();
    let mut samples = Vec::new();
    let paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let sentences = text::sentences::split_sentences(paragraph);
        for (s, sentence) in sentences.iter().enumerate() {
            let spoken = front_end.process(sentence);
            let clauses = text::sentences::split_clauses(spoken.voice_text());
            samples.extend(speak_clauses(voice, &clauses, params, pauses.clause_ms)?.samples);
            let last_sentence = s + 1 == sentences.len();
            let last_paragraph = p + 1 == paragraphs.len();
            let pause = match (last_sentence, last_paragraph) {
                (true, true) => 0,
                (true, false) => pauses.paragraph_ms,
                _ => pauses.sentence_ms,
            };
            samples.extend(Clip::silence(pause, rate).samples);
        }
    }
    Ok(Clip::new(samples, rate))
}
