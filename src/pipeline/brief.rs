//! The main job: sources in, one finished briefing out. Each step calls one stage; this module
//! only wires them together and records what happened.
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::audio::sounds::Sounds;
use crate::compose::{self, ComposeOptions, Script, TemplateOverrides};
use crate::extract::{self, Article};
use crate::pipeline::clock::StageClock;
use crate::pipeline::gather::{self, GatherOptions};
use crate::pipeline::produce::{self, ProductionSettings};
use crate::pipeline::report::{InputReport, Report, VoiceReport, REPORT_FILE};
use crate::pipeline::synthesize::{self, SynthesisJob};
use crate::pipeline::SpeechSettings;
use crate::progress::Progress;
use crate::publish::page;
use crate::text::{self, FrontEnd};
use crate::tts::clip_cache::ClipCache;
use crate::tts::{self, Catalog, TtsError, Voice, VoiceSource, VoiceStore};

/// Errors that stop a briefing.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    /// No input gave an article.
    #[error("no usable input: every source failed or had no text")]
    NoUsableInput(Box<Report>),
    /// The voice could not be loaded.
    #[error(transparent)]
    Voice(#[from] tts::TtsError),
    /// The text front end could not be set up.
    #[error(transparent)]
    FrontEnd(#[from] text::FrontEndError),
    /// The programme's audio or files could not be produced.
    #[error(transparent)]
    Produce(#[from] produce::ProduceError),
    /// Another run is writing to the same output folder.
    #[error("another nashra run is writing to {0}; try again when it has finished")]
    Busy(PathBuf),
    /// An output file could not be written.
    #[error(transparent)]
    Write(#[from] crate::fsutil::WriteError),
}

/// Everything a briefing run needs to know.
#[derive(Debug, Clone)]
pub struct BriefOptions {
    /// Files, folders, URLs and feeds.
    pub sources: Vec<String>,
    /// Output folder; the day's files go to `out_dir/YYYY-MM-DD/`.
    pub out_dir: PathBuf,
    /// The programme's date.
    pub date: NaiveDate,
    /// The voice and the text settings.
    pub speech: SpeechSettings,
    /// Length budget for story bodies, in minutes of speech.
    pub max_minutes: Option<f64>,
    /// How to read the sources.
    pub gather: GatherOptions,
    /// Programme templates, over the defaults of the voice language.
    pub templates: TemplateOverrides,
    /// Output rate, loudness and MP3 settings.
    pub production: ProductionSettings,
    /// Parallel synthesis workers (default: one per core for neural voices).
    pub jobs: Option<usize>,
    /// Music and earcon files.
    pub sounds: SoundFiles,
}

impl BriefOptions {
    /// A briefing of `sources` (files, folders, URLs, feeds) for `date`, written under
    /// `out_dir`, with voices and caches under `nashra_home`; every other setting at the
    /// default the command line uses without a config file (the default voice, clip cache on).
    pub fn new(
        sources: Vec<String>,
        out_dir: impl Into<PathBuf>,
        date: NaiveDate,
        nashra_home: impl Into<PathBuf>,
    ) -> Self {
        Self {
            sources,
            out_dir: out_dir.into(),
            date,
            speech: SpeechSettings::new(nashra_home),
            max_minutes: None,
            gather: GatherOptions::default(),
            templates: TemplateOverrides::default(),
            production: ProductionSettings::default(),
            jobs: None,
            sounds: SoundFiles::default(),
        }
    }
}

/// Music and earcon files, in any format symphonia reads (WAV, MP3, FLAC, Ogg Vorbis, AAC…).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SoundFiles {
    /// Music under the intro, with a lead-in.
    pub intro_music: Option<PathBuf>,
    /// Music under the outro, playing out after the last word.
    pub outro_music: Option<PathBuf>,
    /// A short sound before each story.
    pub earcon: Option<PathBuf>,
    /// Music depth under speech, dB (default 18).
    pub music_below_speech_db: Option<f32>,
    /// Earcon depth under speech, dB (default 6).
    pub earcon_below_speech_db: Option<f32>,
}

/// What a finished run produced.
#[derive(Debug, Clone, Serialize)]
pub struct BriefOutcome {
    /// The day folder.
    pub day_dir: PathBuf,
    /// The report (also written as report.json).
    pub report: Report,
}

/// Synthesized clips that may wait for production (a few seconds of audio each; production
/// is much faster than synthesis, so the queue rarely fills).
const CLIPS_AHEAD: usize = 64;

/// Speaking rate used to turn `--max-minutes` into a word budget (words per minute of MSA news).
const WORDS_PER_MINUTE: f64 = 120.0;

/// Make the briefing in the day folder, with its listener page, and refresh the archive page
/// (a page that cannot be written is a warning: the briefing itself is done).
pub fn run(options: &BriefOptions, progress: &dyn Progress) -> Result<BriefOutcome, BriefError> {
    let mut day = Day::new(options, progress);
    // One run at a time per output folder; the lock also makes it safe to sweep away the
    // temporary files of a run that was killed.
    let _lock = day.lock_output()?;
    let voice = day.choose_voice()?;
    let preload = day.preload(&voice);
    let (mut script, voice_texts) = day.prepare_text(&voice)?;
    // An identical re-run (same texts, voice and settings) whose outputs are all in place
    // reuses them instead of producing the same files again.
    let (sounds, sounds_fingerprint) = load_sounds(&options.sounds, &mut day.report, progress);
    let programme_key = programme_key(
        &format!("{}|{sounds_fingerprint}", voice.fingerprint),
        options,
        &script,
        &voice_texts,
    );
    if let Some(previous) = day.reusable_outputs(&programme_key) {
        day.clock.lap("reuse");
        day.report.record_reuse(previous, programme_key);
        return day.finish();
    }
    day.report.programme_key = programme_key;
    let (source, ready, prepare_secs) = ready_voice(preload, &voice, options)?;
    let spoken = Spoken {
        voice: &voice,
        source: &source,
        prepare_secs,
    };
    day.make_programme(&mut script, &voice_texts, &sounds, spoken, ready)?;
    day.finish()
}

/// A run's day folder and what it has recorded so far.
struct Day<'a> {
    options: &'a BriefOptions,
    progress: &'a dyn Progress,
    /// The day folder, `out_dir/YYYY-MM-DD`.
    dir: PathBuf,
    report: Report,
    clock: StageClock,
}

/// The voice a run speaks with, checked, and how many instances of it to run.
struct ChosenVoice {
    id: String,
    manifest: tts::VoiceManifest,
    catalog: Catalog,
    store: VoiceStore,
    /// The voice's fingerprint, speaker included.
    fingerprint: String,
    neural: bool,
    workers: usize,
    threads: usize,
}

/// The voice, ready to speak: its source and how long getting it ready took (seconds).
#[derive(Clone, Copy)]
struct Spoken<'v> {
    voice: &'v ChosenVoice,
    source: &'v VoiceSource,
    prepare_secs: f64,
}

impl<'a> Day<'a> {
    fn new(options: &'a BriefOptions, progress: &'a dyn Progress) -> Self {
        Self {
            options,
            progress,
            dir: options
                .out_dir
                .join(options.date.format("%Y-%m-%d").to_string()),
            report: Report::new(options.date),
            clock: StageClock::default(),
        }
    }

    /// Take the output folder's lock (held until it is dropped) and sweep away the temporary
    /// files a killed run left behind.
    fn lock_output(&self) -> Result<crate::fsutil::FolderLock, BriefError> {
        let out_dir = &self.options.out_dir;
        let lock = crate::fsutil::FolderLock::try_acquire(out_dir)
            .map_err(|source| crate::fsutil::WriteError::new(out_dir, source))?;
        let Some(lock) = lock else {
            return Err(BriefError::Busy(out_dir.clone()));
        };
        for dir in [out_dir, &self.dir] {
            let _ = crate::fsutil::remove_stale_temp_files(dir);
        }
        Ok(lock)
    }

    /// The voice asked for (or the default one), checked, and the plan of workers for it.
    fn choose_voice(&mut self) -> Result<ChosenVoice, BriefError> {
        let options = self.options;
        let catalog = Catalog::load(&options.speech.nashra_home)?;
        let store = VoiceStore::new(&options.speech.nashra_home);
        let id = match &options.speech.voice {
            Some(id) => id.clone(),
            None => {
                let (id, warning) = tts::default_voice_id(&catalog, &store);
                if let Some(warning) = warning {
                    self.report.warn(warning, self.progress);
                }
                id
            }
        };
        // Check the voice first (unknown or not installed fails before any fetching); the model
        // itself is verified and loaded only when there is something to synthesize.
        let manifest = catalog.get(&id)?.clone();
        let voice_fingerprint = tts::voice_fingerprint(&id, &catalog, &store)?;
        let fingerprint = match &options.speech.speaker {
            Some(speaker) => format!("{voice_fingerprint}:speaker={speaker}"),
            None => voice_fingerprint,
        };
        let neural = manifest.engine == tts::Engine::Piper;
        let cores = crate::available_cores();
        let (workers, threads) = synthesize::worker_plan(cores, options.jobs, neural, usize::MAX);
        Ok(ChosenVoice {
            id,
            manifest,
            catalog,
            store,
            fingerprint,
            neural,
            workers,
            threads,
        })
    }

    /// The first run of a day will synthesize: check and load the neural voice while the
    /// sources are fetched and the text is prepared (a model load takes about a second).
    fn preload(&self, voice: &ChosenVoice) -> Option<VoicePreload> {
        let rerun = self.options.speech.use_cache && self.dir.join(REPORT_FILE).exists();
        (voice.neural && !rerun).then(|| {
            VoicePreload::start(
                voice.manifest.clone(),
                voice.store.clone(),
                self.options.speech.speaker.clone(),
                (voice.workers, voice.threads),
                self.options.speech.model_layout.clone(),
            )
        })
    }

    /// The script, and the texts its segments give `voice` (see [`prepare_script`]).
    fn prepare_text(&mut self, voice: &ChosenVoice) -> Result<(Script, Vec<String>), BriefError> {
        let language = &voice.manifest.language;
        let diacritize = self
            .options
            .speech
            .diacritize
            .unwrap_or_else(|| tts::espeak::reads_diacritized_arabic(voice.manifest.engine))
            && language == "ar";
        prepare_script(
            self.options,
            language,
            diacritize,
            &mut self.report,
            &mut self.clock,
            self.progress,
        )
    }

    /// The report of an earlier run of the programme `key` whose files can be kept, when the
    /// cache is in use.
    fn reusable_outputs(&self, key: &str) -> Option<Report> {
        self.options
            .speech
            .use_cache
            .then(|| reusable_outputs(&self.dir, key))
            .flatten()
    }

    /// Synthesize the `voice_texts` of `script` and produce the programme's files from the
    /// clips, recording both.
    fn make_programme(
        &mut self,
        script: &mut Script,
        voice_texts: &[String],
        sounds: &Sounds,
        spoken: Spoken<'_>,
        ready: Vec<Voice>,
    ) -> Result<(), BriefError> {
        let options = self.options;
        let cache = if options.speech.use_cache {
            ClipCache::new(options.speech.nashra_home.join("cache").join("clips"))
        } else {
            ClipCache::disabled()
        };
        let job = SynthesisJob {
            texts: voice_texts,
            params: options.speech.params,
            clause_pause_ms: options.speech.pauses.clause_ms,
            cache: &cache,
        };
        std::fs::create_dir_all(&self.dir)
            .map_err(|source| crate::fsutil::WriteError::new(&self.dir, source))?;
        let queue = synthesize::ClipQueue::new(CLIPS_AHEAD);
        let clips = synthesize::JobClips::new(&queue, &job, spoken.source);
        let line = ClipLine {
            job: &job,
            queue: &queue,
            clips: &clips,
        };
        let (synthesized, produced) =
            self.synthesize_and_produce(script, sounds, spoken, ready, &line);
        self.report
            .record_synthesis(synthesized?, clips.into_problems());
        self.report.record_voice(VoiceReport::new(
            &spoken.voice.id,
            spoken.voice.manifest.engine,
            spoken.source,
        ));
        let produced = produced?;
        self.progress.end();
        for warning in &produced.warnings {
            self.progress.warn(warning);
        }
        self.report.record_production(script, produced);
        self.clock.lap("audio+encode");
        Ok(())
    }

    /// Synthesis and production run side by side: production takes the clips in order as
    /// they come, assembling, resampling and measuring the programme while later sentences
    /// are still being synthesized; what is left once the last clip is in is the loudness
    /// pass and the encoding.
    fn synthesize_and_produce(
        &mut self,
        script: &mut Script,
        sounds: &Sounds,
        spoken: Spoken<'_>,
        ready: Vec<Voice>,
        line: &ClipLine<'_>,
    ) -> (
        Result<synthesize::Synthesized, TtsError>,
        Result<produce::Produced, produce::ProduceError>,
    ) {
        let first = produce::wanted_first(script);
        let voice_rate = spoken.source.sample_rate();
        let (options, day_dir, progress) = (self.options, &self.dir, self.progress);
        let clock = &mut self.clock;
        std::thread::scope(|scope| {
            let clips = line.clips;
            let production = scope.spawn(move || {
                let produced = produce::produce(
                    script,
                    clips,
                    voice_rate,
                    &options.production,
                    sounds,
                    day_dir,
                );
                if produced.is_err() {
                    // No clip will be taken any more: let synthesis stop.
                    produce::ClipSource::done(clips);
                }
                produced
            });
            let (workers, threads) = (spoken.voice.workers, spoken.voice.threads);
            let synthesized = synthesize::synthesize_into(
                spoken.source,
                ready,
                workers,
                threads,
                line.job,
                progress,
                &first,
                line.queue,
            );
            if synthesized.is_err() {
                line.queue.stop();
            }
            // Waiting for the voice files to be checked and the models loaded counts as
            // "voice", the rest as synthesis.
            if let Ok(synthesized) = &synthesized {
                let voice_secs = spoken.prepare_secs + synthesized.load_seconds;
                clock.lap_split("voice", voice_secs, "synthesis");
                progress.begin("encoding", 1);
            }
            let produced = production.join().unwrap_or_else(|_| {
                Err(produce::ProduceError::Audio(
                    crate::audio::AudioError::encode_message("production failed"),
                ))
            });
            (synthesized, produced)
        })
    }

    /// Write the day's listener page, then the report (the page among its outputs, or a
    /// warning in it), then refresh the archive page, which lists the days by their reports;
    /// an archive page that cannot be written is a warning written into the report again.
    fn finish(mut self) -> Result<BriefOutcome, BriefError> {
        self.report.record_timings(self.clock);
        let day_page = page::write_day_page_lasting(&self.dir, self.report.duration_secs);
        let written = day_page.map(|_| ()).map_err(|error| error.to_string());
        self.report
            .record_page(page::PAGE_FILE, written, self.progress);
        let report_path = self.dir.join(REPORT_FILE);
        write_json(&report_path, &self.report)?;
        if let Err(error) = page::refresh_archive_page(&self.options.out_dir, None) {
            self.report.warn(error.to_string(), self.progress);
            write_json(&report_path, &self.report)?;
        }
        Ok(BriefOutcome {
            day_dir: self.dir,
            report: self.report,
        })
    }
}

/// The way clips go from synthesis to production.
struct ClipLine<'l> {
    job: &'l SynthesisJob<'l>,
    queue: &'l synthesize::ClipQueue,
    clips: &'l synthesize::JobClips<'l>,
}

/// The voice of `voice` checked and its instances loaded (by `preload` when there is one), with
/// the seconds spent waiting for them.
fn ready_voice(
    preload: Option<VoicePreload>,
    voice: &ChosenVoice,
    options: &BriefOptions,
) -> Result<(VoiceSource, Vec<Voice>, f64), BriefError> {
    let preparing = std::time::Instant::now();
    let (source, ready) = match preload {
        Some(preload) => preload.wait()?,
        None => (
            with_speaker(
                VoiceSource::from_manifest_with(
                    voice.catalog.get(&voice.id)?.clone(),
                    &voice.store,
                    &options.speech.model_layout,
                )?,
                options.speech.speaker.as_deref(),
            )?,
            Vec::new(),
        ),
    };
    Ok((source, ready, preparing.elapsed().as_secs_f64()))
}

/// `source` speaking as `speaker` when one is asked for.
fn with_speaker(mut source: VoiceSource, speaker: Option<&str>) -> Result<VoiceSource, TtsError> {
    if let Some(speaker) = speaker {
        source.select_speaker(speaker)?;
    }
    Ok(source)
}

/// Voices being checked and loaded on a thread of their own. Dropping it waits for the
/// thread, so a run that ends early never leaves a model load running behind it.
struct VoicePreload(Option<std::thread::JoinHandle<Result<ReadyVoice, TtsError>>>);

/// A checked voice and the instances loaded from it.
type ReadyVoice = (VoiceSource, Vec<Voice>);

impl VoicePreload {
    /// Check the voice of `manifest` and load `workers` instances of it in the background. An
    /// instance that fails to load is left for synthesis to retry (and report).
    fn start(
        manifest: tts::VoiceManifest,
        store: VoiceStore,
        speaker: Option<String>,
        (workers, threads): (usize, usize),
        layout: tts::ModelLayout,
    ) -> Self {
        Self(Some(std::thread::spawn(move || {
            let source = with_speaker(
                VoiceSource::from_manifest_with(manifest, &store, &layout)?,
                speaker.as_deref(),
            )?;
            let voices = synthesize::load_voices(&source, workers, threads)
                .into_iter()
                .flatten()
                .collect();
            Ok((source, voices))
        })))
    }

    /// The checked voice and its loaded instances.
    fn wait(mut self) -> Result<ReadyVoice, TtsError> {
        match self.0.take().map(std::thread::JoinHandle::join) {
            Some(Ok(loaded)) => loaded,
            _ => Err(TtsError::Synthesis("voice loading thread failed".into())),
        }
    }
}

impl Drop for VoicePreload {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

/// Read the sources, extract and de-duplicate the articles, compose the script and run the text
/// front end over it: the script with every segment's spoken text, and the text each segment
/// gives the voice. Every input's fate goes into `report`.
pub fn prepare_script(
    options: &BriefOptions,
    language: &str,
    diacritize: bool,
    report: &mut Report,
    clock: &mut StageClock,
    progress: &dyn Progress,
) -> Result<(Script, Vec<String>), BriefError> {
    let outcomes = gather::gather(&options.sources, &options.gather, progress);
    clock.lap("sources+extract");
    let mut articles = record_inputs(outcomes, report, progress);
    if articles.is_empty() {
        return Err(BriefError::NoUsableInput(Box::new(report.clone())));
    }
    let fit = compose::stories_that_fit(&articles);
    if fit < articles.len() {
        let warning = format!(
            "{} stories left out: the programme is full (about {} words)",
            articles.len() - fit,
            compose::MAX_PROGRAMME_WORDS
        );
        report.warn(warning, progress);
        articles.truncate(fit);
    }
    let compose_options = ComposeOptions {
        date: options.date,
        language: language.to_string(),
        pauses: options.speech.pauses,
        max_body_words: options
            .max_minutes
            .map(|m| (m * WORDS_PER_MINUTE).max(1.0) as usize),
        templates: options.templates.resolve(language),
    };
    let mut script = compose::compose(&articles, &compose_options, &|p| {
        text::sentences::split_sentences(p)
    });
    clock.lap("compose");
    let front_end = FrontEnd::new(language, diacritize, options.speech.lexicon.as_deref())?;
    let voice_texts = apply_front_end(&front_end, &mut script, report);
    clock.lap("text");
    Ok((script, voice_texts))
}

/// Decode the music and earcon files; one that cannot be used is a warning, not a failure.
/// Also returns a fingerprint of the files' contents for the programme key.
fn load_sounds(
    files: &SoundFiles,
    report: &mut Report,
    progress: &dyn Progress,
) -> (Sounds, String) {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let mut load = |path: &Option<PathBuf>, what: &str| -> Option<crate::audio::Clip> {
        let path = path.as_ref()?;
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                hasher.update(what.as_bytes());
                hasher.update(&bytes);
                let extension = path.extension().and_then(|e| e.to_str());
                crate::audio::decode::decode_bytes(bytes, extension).map_err(|e| e.to_string())
            });
        match result {
            Ok(clip) => Some(clip),
            Err(error) => {
                report.warn(
                    format!("{what} {}: {error}; left out", path.display()),
                    progress,
                );
                None
            }
        }
    };
    let defaults = Sounds::default();
    let sounds = Sounds {
        intro_music: load(&files.intro_music, "intro music"),
        outro_music: load(&files.outro_music, "outro music"),
        earcon: load(&files.earcon, "earcon"),
        music_below_speech_db: files
            .music_below_speech_db
            .unwrap_or(defaults.music_below_speech_db),
        earcon_below_speech_db: files
            .earcon_below_speech_db
            .unwrap_or(defaults.earcon_below_speech_db),
    };
    let fingerprint = format!(
        "{}|{}|{}",
        hex::encode(hasher.finalize()),
        sounds.music_below_speech_db,
        sounds.earcon_below_speech_db
    );
    (sounds, fingerprint)
}

/// Record every input's fate in the report and keep the articles, without duplicates.
fn record_inputs(
    outcomes: Vec<gather::InputOutcome>,
    report: &mut Report,
    progress: &dyn Progress,
) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut origins = Vec::new();
    for outcome in outcomes {
        match outcome.result {
            Ok(article) => {
                origins.push(outcome.input);
                articles.push(article);
            }
            Err(error) => {
                progress.warn(&error);
                report
                    .inputs
                    .push(InputReport::failed(outcome.input, error));
            }
        }
    }
    let duplicates: Vec<(usize, usize)> = extract::dedup::find_duplicates(&articles);
    let mut kept = Vec::new();
    for (index, (article, input)) in articles.into_iter().zip(origins).enumerate() {
        let duplicate_of = duplicates
            .iter()
            .find(|(_, later)| *later == index)
            .map(|(earlier, _)| *earlier);
        report
            .inputs
            .push(InputReport::extracted(input, &article, duplicate_of));
        if duplicate_of.is_none() {
            kept.push(article);
        }
    }
    kept
}

/// Fill every segment's spoken text; return the text each segment gives the voice.
fn apply_front_end(front_end: &FrontEnd, script: &mut Script, report: &mut Report) -> Vec<String> {
    let mut voice_texts = Vec::with_capacity(script.segments.len());
    for segment in &mut script.segments {
        let sentence = front_end.process(&segment.original);
        let messages = sentence
            .warnings
            .iter()
            .map(|w| w.message.clone())
            .chain(sentence.errors.iter().cloned());
        for message in messages {
            report
                .warnings
                .push(format!("{message} — in: {}", segment.original));
        }
        segment.spoken = sentence.spoken.clone();
        voice_texts.push(sentence.voice_text().to_string());
    }
    voice_texts
}

/// A fingerprint of everything the programme's files depend on.
fn programme_key(
    voice: &str,
    options: &BriefOptions,
    script: &Script,
    voice_texts: &[String],
) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let settings = format!(
        "{}|{}|{:?}|{:?}|{:?}",
        env!("CARGO_PKG_VERSION"),
        voice,
        options.speech.params,
        options.speech.pauses,
        options.production
    );
    hasher.update(settings.as_bytes());
    for (segment, text) in script.segments.iter().zip(voice_texts) {
        for part in [
            segment.original.as_str(),
            text,
            &segment.pause_after_ms.to_string(),
        ] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
    }
    hasher.update(serde_json::to_vec(&script.stories).unwrap_or_default());
    hex::encode(hasher.finalize())
}

/// The previous report of `day_dir` when it was made with `key` and all its files are there
/// (the listener page aside: every run writes it again).
fn reusable_outputs(day_dir: &Path, key: &str) -> Option<Report> {
    let previous: Report =
        serde_json::from_slice(&std::fs::read(day_dir.join(REPORT_FILE)).ok()?).ok()?;
    let complete = previous.programme_key == key
        && !previous.outputs.is_empty()
        && previous
            .outputs
            .iter()
            .filter(|name| *name != page::PAGE_FILE)
            .all(|name| std::fs::metadata(day_dir.join(name)).is_ok_and(|m| m.len() > 0));
    complete.then_some(previous)
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<(), BriefError> {
    let write_error = |source| BriefError::from(crate::fsutil::WriteError::new(path, source));
    let text =
        serde_json::to_string_pretty(value).map_err(|e| write_error(std::io::Error::other(e)))?;
    crate::fsutil::write_atomic(path, text.as_bytes()).map_err(write_error)
}
