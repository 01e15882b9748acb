//! `nashra read`: one article read aloud now. One URL, saved page or text file becomes its
//! extracted article (the headline, then the body), goes through the same text front end as a
//! briefing, and is spoken sentence by sentence: each sentence's clip (with the pause after it)
//! is handed on as soon as it is ready, through the clip cache, so a caller can write or stream
//! the audio while the rest is still being synthesized.

use crate::audio::Clip;
use crate::pipeline::gather::{self, GatherOptions};
use crate::pipeline::say::{self, PlannedSentence};
use crate::pipeline::synthesize::SynthesisJob;
use crate::pipeline::SpeechSettings;
use crate::progress::NoProgress;
use crate::text::{self, FrontEnd};
use crate::tts::clip_cache::ClipCache;
use crate::tts::{self, Catalog, SynthesisParams, TtsError, Voice, VoiceSource, VoiceStore};

/// What to read and how.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// One URL, saved page (.html) or text file (.txt).
    pub source: String,
    /// The voice and the text settings.
    pub speech: SpeechSettings,
    /// How the source is fetched and read.
    pub gather: GatherOptions,
}

/// Why an article could not be read aloud.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The source gave no article (the same one-line message as a briefing prints).
    #[error("{0}")]
    Input(String),
    /// The voice could not be found, loaded or used.
    #[error(transparent)]
    Voice(#[from] TtsError),
    /// The text front end could not be set up.
    #[error(transparent)]
    FrontEnd(#[from] text::FrontEndError),
    /// The audio could not be handed on (e.g. the output was closed).
    #[error("cannot write the audio: {0}")]
    Output(#[source] std::io::Error),
}

/// An article ready to be spoken: its sentences as the voice will read them, and the voice.
pub struct Reading {
    /// The article's headline.
    pub title: String,
    /// The voice used.
    pub voice_id: String,
    /// The sentences (headline first) after the text front end, with the pause after each.
    pub plan: Vec<PlannedSentence>,
    /// Remarks for the listener (e.g. which default voice was chosen).
    pub warnings: Vec<String>,
    source: VoiceSource,
    cache: ClipCache,
    params: SynthesisParams,
    clause_pause_ms: u32,
}

/// What speaking an article did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadSummary {
    /// Sentences spoken.
    pub sentences: usize,
    /// Clips synthesized now.
    pub synthesized: usize,
    /// Clips taken from the cache.
    pub cached: usize,
    /// Samples handed on, pauses included.
    pub samples: u64,
    /// Clips that could not be stored in the cache (the reading goes on without them).
    pub cache_problems: Vec<String>,
}

/// Fetch and extract the article of `options.source`, plan its sentences and check the voice.
pub fn prepare(options: &ReadOptions) -> Result<Reading, ReadError> {
    let catalog = Catalog::load(&options.speech.nashra_home)?;
    let store = VoiceStore::new(&options.speech.nashra_home);
    let mut warnings = Vec::new();
    let voice_id = match &options.speech.voice {
        Some(id) => id.clone(),
        None => {
            let (id, warning) = tts::default_voice_id(&catalog, &store);
            warnings.extend(warning);
            id
        }
    };
    let manifest = catalog.get(&voice_id)?.clone();
    let article = one_article(options)?;
    let language = manifest.language.clone();
    let diacritize = options
        .speech
        .diacritize
        .unwrap_or_else(|| tts::espeak::reads_diacritized_arabic(manifest.engine))
        && language == "ar";
    let front_end = FrontEnd::new(&language, diacritize, options.speech.lexicon.as_deref())?;
    let plan = say::plan_text(&front_end, &article_text(&article), &options.speech.pauses);
    let mut source =
        VoiceSource::from_manifest_with(manifest, &store, &options.speech.model_layout)?;
    if let Some(speaker) = &options.speech.speaker {
        source.select_speaker(speaker)?;
    }
    let cache = if options.speech.use_cache {
        ClipCache::new(options.speech.nashra_home.join("cache").join("clips"))
    } else {
        ClipCache::disabled()
    };
    Ok(Reading {
        title: article.title,
        voice_id,
        plan,
        warnings,
        source,
        cache,
        params: options.speech.params,
        clause_pause_ms: options.speech.pauses.clause_ms,
    })
}

/// The one article the source gives; a feed (several articles) or a failure is an error.
fn one_article(options: &ReadOptions) -> Result<crate::extract::Article, ReadError> {
    let outcomes = gather::gather(
        std::slice::from_ref(&options.source),
        &options.gather,
        &NoProgress,
    );
    let count = outcomes.len();
    match outcomes.into_iter().next() {
        Some(outcome) if count == 1 => outcome.result.map_err(ReadError::Input),
        Some(_) => Err(ReadError::Input(format!(
            "{}: a feed of {count} articles; `read` reads one page (make a briefing of a feed with `nashra brief`)",
            options.source
        ))),
        None => Err(ReadError::Input(format!("{}: nothing to read", options.source))),
    }
}

/// The headline on its own line, then one line per paragraph.
fn article_text(article: &crate::extract::Article) -> String {
    std::iter::once(article.title.as_str())
        .chain(article.paragraphs.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Reading {
    /// Output sample rate of the voice.
    pub fn sample_rate(&self) -> u32 {
        self.source.sample_rate()
    }

    /// Speak every sentence in order: each one's clip, followed by its pause, goes to `sink` as
    /// soon as it is ready (from the cache, or synthesized; the voice is loaded at the first
    /// sentence not in the cache). A sentence that cannot be spoken stops the reading: a reading
    /// with a hole in it is not what was asked for.
    pub fn speak(
        &self,
        sink: &mut dyn FnMut(&Clip) -> std::io::Result<()>,
    ) -> Result<ReadSummary, ReadError> {
        let job = SynthesisJob {
            texts: &[],
            params: self.params,
            clause_pause_ms: self.clause_pause_ms,
            cache: &self.cache,
        };
        let fingerprint = self.source.fingerprint();
        let rate = self.sample_rate();
        let mut voice: Option<Voice> = None;
        let mut summary = ReadSummary::default();
        for sentence in &self.plan {
            let key = job.cache_key(&fingerprint, &sentence.voice_text);
            let clip = match self.cache.get(&key) {
                Some(clip) => {
                    summary.cached += 1;
                    clip
                }
                None => {
                    let clip = self.synthesize(&mut voice, &sentence.voice_text)?;
                    if let Err(e) = self.cache.put(&key, &clip) {
                        summary.cache_problems.push(format!("clip cache: {e}"));
                    }
                    summary.synthesized += 1;
                    clip
                }
            };
            let mut samples = clip.samples;
            samples.extend(Clip::silence(sentence.pause_after_ms, rate).samples);
            summary.samples += samples.len() as u64;
            summary.sentences += 1;
            sink(&Clip::new(samples, rate)).map_err(ReadError::Output)?;
        }
        Ok(summary)
    }

    /// One sentence with the voice, loading it first if needed (all cores for one instance).
    fn synthesize(&self, voice: &mut Option<Voice>, text: &str) -> Result<Clip, ReadError> {
        if voice.is_none() {
            *voice = Some(self.source.load(crate::available_cores())?);
        }
        let Some(voice) = voice.as_mut() else {
            return Err(ReadError::Voice(TtsError::NotInstalled {
                id: self.voice_id.clone(),
            }));
        };
        let clauses = text::sentences::split_clauses(text);
        crate::tts::speak::speak_clauses(voice, &clauses, &self.params, self.clause_pause_ms)
            .map_err(|e| {
                let start: String = text.chars().take(60).collect();
                ReadError::Voice(TtsError::Synthesis(format!(
                    "could not speak \"{start}\": {e}"
                )))
            })
    }
}
