//! Speech synthesis: the voice catalog and store, Piper voices, and the built-in eSpeak NG voices.
pub(crate) mod catalog;
pub(crate) mod checked_files;
pub(crate) mod chunked;
pub(crate) mod clip_cache;
pub(crate) mod decoder_layout;
pub(crate) mod espeak;
pub(crate) mod optimized;
pub(crate) mod piper;
pub(crate) mod protobuf;
pub(crate) mod session;
pub(crate) mod speak;
pub(crate) mod split;
pub(crate) mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::audio::Clip;

pub use catalog::{is_safe_name, Catalog, Engine, VoiceManifest};
pub use clip_cache::ClipCache;
pub use decoder_layout::rewrite_decoder_2d;
pub use espeak::{phonemize, reads_diacritized_arabic};
pub use piper::model_busy_seconds;
#[doc(hidden)] // for the fuzz target that checks what the rewrite writes
pub use protobuf::parse as parse_onnx_model;
pub use store::{add_local_voice, default_home, AddedVoice, VoiceStore, DEFAULT_HF_ENDPOINT};

/// Errors of the speech stage. Every message names the voice, file or URL concerned.
#[derive(Debug, thiserror::Error)]
pub enum TtsError {
    /// A manifest or receipt could not be parsed.
    #[error("voice manifest {origin}: {message}")]
    Manifest {
        /// The manifest's file name.
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// No voice with this id in the catalog.
    #[error("unknown voice `{id}` (known voices: {known})")]
    UnknownVoice {
        /// The id asked for.
        id: String,
        /// The ids that exist.
        known: String,
    },
    /// The voice's files are not in the store.
    #[error("voice `{id}` is not installed (run: nashra voices install {id})")]
    NotInstalled {
        /// The voice id.
        id: String,
    },
    /// Built-in voices have nothing to install.
    #[error("voice `{id}` is built in; there is nothing to install")]
    BuiltIn {
        /// The voice id.
        id: String,
    },
    /// A file's checksum does not match the manifest.
    #[error(
        "{file}: checksum mismatch (expected sha256 {expected}, got {actual}); refusing this file"
    )]
    ChecksumMismatch {
        /// The file or URL.
        file: String,
        /// The expected checksum.
        expected: String,
        /// The checksum of what was read.
        actual: String,
    },
    /// A file cannot be verified: no checksum is pinned and no publisher checksum is available.
    #[error(
        "voice `{voice}`: no checksum is pinned for {file}; refusing to install it unverified"
    )]
    Unpinned {
        /// The voice id.
        voice: String,
        /// The file name.
        file: String,
    },
    /// The manifest gives no download URL.
    #[error("voice `{voice}`: no download URL for {file}")]
    NoUrl {
        /// The voice id.
        voice: String,
        /// The file name.
        file: String,
    },
    /// A download failed.
    #[error("download {url}: {message}")]
    Download {
        /// The URL.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// A voice file could not be loaded (corrupt model or config).
    #[error("cannot load voice file {path}: {message}")]
    VoiceLoad {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A speaker the voice does not have.
    #[error("unknown speaker `{speaker}` ({known})")]
    UnknownSpeaker {
        /// The speaker asked for.
        speaker: String,
        /// The speakers there are.
        known: String,
    },
    /// eSpeak NG failed.
    #[error("eSpeak NG: {0}")]
    Espeak(String),
    /// The neural model failed on an input.
    #[error("synthesis failed: {0}")]
    Synthesis(String),
    /// File-system error.
    #[error("{path}: {source}")]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl TtsError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Synthesis settings chosen by the user.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SynthesisParams {
    /// Speaking speed: 1.0 is the voice's natural pace, 1.25 is 25 % faster.
    pub speed: f32,
}

impl Default for SynthesisParams {
    fn default() -> Self {
        Self { speed: 1.0 }
    }
}

impl SynthesisParams {
    /// The speed as a safe factor (0.5 to 2.0).
    pub fn speed_factor(&self) -> f32 {
        if self.speed.is_finite() {
            self.speed.clamp(0.5, 2.0)
        } else {
            1.0
        }
    }
}

/// How a Piper voice's model is handed to ONNX Runtime (asked for, and as it came out).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ModelLayout {
    /// The decoder's 1-D convolutions restated as 2-D ones: faster, same arithmetic (see
    /// `decoder_layout`). The default.
    #[default]
    Decoder2d,
    /// The model as shipped, and why.
    AsShipped(String),
}

impl std::fmt::Display for ModelLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Decoder2d => f.write_str("decoder as 2-D convolutions"),
            Self::AsShipped(why) => write!(f, "as shipped ({why})"),
        }
    }
}

/// A voice checked and read once, from which any number of instances load (one per
/// synthesis worker) without reading or hashing its files again.
pub struct VoiceSource {
    manifest: VoiceManifest,
    piper: Option<PiperModel>,
    sample_rate: u32,
    /// The speaker of a multi-speaker voice every instance speaks with.
    speaker_id: Option<i64>,
}

/// A Piper voice's verified files, the model bytes ONNX Runtime gets (made when first
/// needed) and the cached optimized graph that usually spares making them.
struct PiperModel {
    files: store::VerifiedVoiceFiles,
    requested: ModelLayout,
    runtime: std::sync::OnceLock<(Arc<[u8]>, ModelLayout)>,
    optimized: optimized::OptimizedModel,
    layout: ModelLayout,
    /// The runtime model cut at its decoder (made when first needed), or why it cannot be.
    split: std::sync::OnceLock<Result<split::SplitModel, String>>,
    /// The cached optimized graphs of the front and the decoder.
    split_optimized: [optimized::OptimizedModel; 2],
}

impl VoiceSource {
    /// Find the voice `id` and, for a Piper voice, read its files from the store and verify
    /// them against the manifest.
    pub fn prepare(id: &str, catalog: &Catalog, store: &VoiceStore) -> Result<Self, TtsError> {
        Self::from_manifest(catalog.get(id)?.clone(), store)
    }

    /// Like [`VoiceSource::prepare`], for the voice `manifest` describes. A Piper model gets
    /// the faster decoder layout ([`ModelLayout::Decoder2d`]).
    pub fn from_manifest(manifest: VoiceManifest, store: &VoiceStore) -> Result<Self, TtsError> {
        Self::from_manifest_with(manifest, store, &ModelLayout::Decoder2d)
    }

    /// Like [`VoiceSource::from_manifest`], asking for a model `layout`: `Decoder2d` rewrites
    /// the decoder (falling back to the model as shipped, with the reason, when the rewrite
    /// fails); `AsShipped(why)` runs the model exactly as shipped and reports `why`.
    pub fn from_manifest_with(
        manifest: VoiceManifest,
        store: &VoiceStore,
        layout: &ModelLayout,
    ) -> Result<Self, TtsError> {
        let (piper, sample_rate) = match manifest.engine {
            Engine::Espeak => (None, espeak::ESPEAK_SAMPLE_RATE),
            Engine::Piper => {
                let files = store.verified_files(&manifest)?;
                let rate = piper::config_of(&files)?.sample_rate();
                let voice_dir = store.voice_dir(&manifest.id);
                (Some(PiperModel::new(files, layout, &voice_dir)), rate)
            }
        };
        Ok(Self {
            manifest,
            piper,
            sample_rate,
            speaker_id: None,
        })
    }

    /// Speak as `speaker` (a name from the voice's config or a speaker number); refused for a
    /// speaker the voice does not have, and for built-in voices.
    pub fn select_speaker(&mut self, speaker: &str) -> Result<(), TtsError> {
        let Some(piper) = &self.piper else {
            return Err(TtsError::UnknownSpeaker {
                speaker: speaker.to_string(),
                known: format!("{} is a built-in voice with one speaker", self.manifest.id),
            });
        };
        let id = piper::config_of(&piper.files)?.speaker_id(speaker)?;
        self.speaker_id = Some(id);
        Ok(())
    }

    /// How the model is given to ONNX Runtime (`None` for built-in voices).
    pub fn model_layout(&self) -> Option<&ModelLayout> {
        self.piper.as_ref().map(|p| &p.layout)
    }

    /// The voice's manifest.
    pub fn manifest(&self) -> &VoiceManifest {
        &self.manifest
    }

    /// True for voices whose instances can synthesize in parallel (eSpeak NG is one global
    /// engine).
    pub fn is_parallel(&self) -> bool {
        self.piper.is_some()
    }

    /// Output sample rate of the voice (read from a Piper voice's config).
    pub fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    /// The fingerprint every instance gives ([`Voice::fingerprint`]).
    pub fn fingerprint(&self) -> String {
        match &self.piper {
            Some(piper) => with_speaker(&piper.files.model_sha256, self.speaker_id),
            None => format!("espeak-ng:{}", espeak_voice_of(&self.manifest)),
        }
    }

    /// Like [`VoiceSource::load`], with a Piper model loaded cut at its decoder (see
    /// `split`): a long sentence is decoded in windows of bounded size, so memory stays flat
    /// however long it is, and [`Voice::synthesize_into`] can hand a stream its first audio
    /// early. Falls back to [`VoiceSource::load`] when the model cannot be cut.
    pub fn load_cut_at_decoder(&self, intra_threads: usize) -> Result<Voice, TtsError> {
        let Some(model) = &self.piper else {
            return self.load(intra_threads);
        };
        let settings = session::SessionSettings::with_threads(intra_threads);
        let Some(sessions) = model.split_sessions(&settings)? else {
            return self.load(intra_threads);
        };
        let config = piper::config_of(&model.files)?;
        let mut voice = piper::PiperVoice::from_split(config, sessions, &model.files.model);
        voice.set_speaker_id(self.speaker_id.unwrap_or(0));
        Ok(Voice::Piper {
            manifest: self.manifest.clone(),
            model_sha256: with_speaker(&model.files.model_sha256, self.speaker_id),
            voice: Box::new(voice),
        })
    }

    /// A new instance of the voice with `intra_threads` ONNX Runtime threads.
    pub fn load(&self, intra_threads: usize) -> Result<Voice, TtsError> {
        let manifest = self.manifest.clone();
        match &self.piper {
            Some(model) => {
                let settings = session::SessionSettings::with_threads(intra_threads);
                let config = piper::config_of(&model.files)?;
                let session = model.session(&settings)?;
                let mut voice =
                    piper::PiperVoice::from_session(config, session, &model.files.model);
                voice.set_speaker_id(self.speaker_id.unwrap_or(0));
                Ok(Voice::Piper {
                    manifest,
                    model_sha256: with_speaker(&model.files.model_sha256, self.speaker_id),
                    voice: Box::new(voice),
                })
            }
            None => Ok(Voice::Espeak {
                espeak_voice: espeak_voice_of(&manifest),
                manifest,
            }),
        }
    }
}

impl PiperModel {
    /// The model of `files`, to be run in `requested` layout, its optimized graph cached in
    /// `voice_dir`.
    fn new(files: store::VerifiedVoiceFiles, requested: &ModelLayout, voice_dir: &Path) -> Self {
        let optimized =
            optimized::OptimizedModel::locate(voice_dir, &files.model_sha256, requested);
        let part = |name: &str| {
            optimized::OptimizedModel::locate_part(
                voice_dir,
                &files.model_sha256,
                requested,
                Some(name),
            )
        };
        // Named for the split's format too, so a change to how the model is cut is not read
        // from an older cache.
        let split_optimized = [
            part(&format!("split{}-front", split::FORMAT)),
            part(&format!("split{}-decoder", split::FORMAT)),
        ];
        let mut model = Self {
            files,
            requested: requested.clone(),
            runtime: std::sync::OnceLock::new(),
            layout: requested.clone(),
            optimized,
            split: std::sync::OnceLock::new(),
            split_optimized,
        };
        model.layout = match model.optimized.cached_layout() {
            Some(layout) => layout,
            // An unreadable model keeps the layout asked for; loading it reports why.
            None => model
                .runtime()
                .map_or_else(|_| requested.clone(), |(_, layout)| layout.clone()),
        };
        model
    }

    /// The model bytes ONNX Runtime gets and their layout: rewritten as asked, or as shipped
    /// (with the reason) when the rewrite declines.
    fn runtime(&self) -> Result<&(Arc<[u8]>, ModelLayout), TtsError> {
        if let Some(runtime) = self.runtime.get() {
            return Ok(runtime);
        }
        let shipped = self.files.model_bytes()?;
        Ok(self.runtime.get_or_init(|| {
            let rewritten = match &self.requested {
                ModelLayout::Decoder2d => {
                    decoder_layout::rewrite_decoder_2d(&shipped).map_err(|e| e.to_string())
                }
                ModelLayout::AsShipped(why) => Err(why.clone()),
            };
            match rewritten {
                Ok(bytes) => (Arc::from(bytes), ModelLayout::Decoder2d),
                Err(why) => (shipped.clone(), ModelLayout::AsShipped(why)),
            }
        }))
    }

    /// A new session: over the cached optimized graph when there is one, else over the model
    /// bytes, saving the optimized graph for the next load.
    fn session(
        &self,
        settings: &session::SessionSettings,
    ) -> Result<ort::session::Session, TtsError> {
        if let Some(session) = self.optimized.load(settings) {
            return Ok(session);
        }
        let (bytes, layout) = self.runtime()?;
        self.optimized
            .build_and_save(&self.files.model, bytes, layout, settings)
    }
}

impl PiperModel {
    /// Sessions over the model cut at its decoder, loaded side by side: from their cached
    /// optimized graphs when there are, else made (and cached) from the runtime model.
    /// `None` when the model cannot be cut (see `split`).
    fn split_sessions(
        &self,
        settings: &session::SessionSettings,
    ) -> Result<Option<piper::SplitSessions>, TtsError> {
        let [front_cache, decoder_cache] = &self.split_optimized;
        // The two sessions take turns on the same cores: threads left spinning by one would
        // take the cores from the other (measured: spinning in both made `say -o -` slower
        // than the whole model; spinning in neither, faster).
        let quiet = settings.without_spinning();
        let (front_settings, decoder_settings) = (quiet, quiet);
        let (front_settings, decoder_settings) = (&front_settings, &decoder_settings);
        let (front, decoder) = std::thread::scope(|scope| {
            let front = scope.spawn(|| front_cache.load(front_settings));
            let decoder = decoder_cache.load(decoder_settings);
            (front.join().ok().flatten(), decoder)
        });
        if let (Some(front), Some(decoder)) = (front, decoder) {
            return Ok(Some(piper::SplitSessions { front, decoder }));
        }
        let (bytes, layout) = self.runtime()?;
        let split = self
            .split
            .get_or_init(|| split::split_at_decoder(bytes).map_err(|e| e.to_string()));
        let Ok(split) = split else {
            return Ok(None);
        };
        let model = &self.files.model;
        let (front, decoder) = std::thread::scope(|scope| {
            let front = scope
                .spawn(|| front_cache.build_and_save(model, &split.front, layout, front_settings));
            let decoder =
                decoder_cache.build_and_save(model, &split.decoder, layout, decoder_settings);
            let front = front
                .join()
                .unwrap_or_else(|_| Err(TtsError::Synthesis("session building failed".into())));
            (front, decoder)
        });
        Ok(Some(piper::SplitSessions {
            front: front?,
            decoder: decoder?,
        }))
    }
}

/// A Piper voice's fingerprint: its model's checksum, and the speaker when one was chosen.
fn with_speaker(model_sha256: &str, speaker_id: Option<i64>) -> String {
    match speaker_id {
        Some(id) => format!("{model_sha256}:speaker={id}"),
        None => model_sha256.to_string(),
    }
}

/// The eSpeak NG voice name of a built-in voice.
fn espeak_voice_of(manifest: &VoiceManifest) -> String {
    manifest
        .espeak_voice
        .clone()
        .unwrap_or_else(|| manifest.language.clone())
}

/// A loaded voice, ready to speak.
pub enum Voice {
    /// A Piper neural voice.
    Piper {
        /// Its manifest.
        manifest: VoiceManifest,
        /// SHA-256 of its model file.
        model_sha256: String,
        /// The loaded model.
        voice: Box<piper::PiperVoice>,
    },
    /// A built-in eSpeak NG voice.
    Espeak {
        /// Its manifest.
        manifest: VoiceManifest,
        /// eSpeak NG voice name.
        espeak_voice: String,
    },
}

impl Voice {
    /// Load the voice `id`: a built-in eSpeak NG voice, or a Piper voice from the store after
    /// its files were verified against the manifest.
    pub fn load(id: &str, catalog: &Catalog, store: &VoiceStore) -> Result<Self, TtsError> {
        let threads = crate::available_cores();
        Self::load_with_threads(id, catalog, store, threads)
    }

    /// Like [`Voice::load`], with `intra_threads` ONNX Runtime threads for a neural voice
    /// (one per core for a single voice; fewer when several voices synthesize in parallel).
    pub fn load_with_threads(
        id: &str,
        catalog: &Catalog,
        store: &VoiceStore,
        intra_threads: usize,
    ) -> Result<Self, TtsError> {
        VoiceSource::prepare(id, catalog, store)?.load(intra_threads)
    }

    /// True for voices whose synthesis can run in parallel (eSpeak NG is one global engine).
    pub fn is_parallel(&self) -> bool {
        matches!(self, Self::Piper { .. })
    }

    /// The voice's manifest.
    pub fn manifest(&self) -> &VoiceManifest {
        match self {
            Self::Piper { manifest, .. } | Self::Espeak { manifest, .. } => manifest,
        }
    }

    /// The voice id.
    pub fn id(&self) -> &str {
        &self.manifest().id
    }

    /// ISO 639-1 language of the voice.
    pub fn language(&self) -> &str {
        &self.manifest().language
    }

    /// Output sample rate.
    pub fn sample_rate(&self) -> u32 {
        match self {
            Self::Piper { voice, .. } => voice.sample_rate(),
            Self::Espeak { .. } => espeak::ESPEAK_SAMPLE_RATE,
        }
    }

    /// A stable fingerprint of what produces the audio (for clip caches).
    pub fn fingerprint(&self) -> String {
        match self {
            Self::Piper { model_sha256, .. } => model_sha256.clone(),
            Self::Espeak { espeak_voice, .. } => format!("espeak-ng:{espeak_voice}"),
        }
    }

    /// The eSpeak NG voice used for phonemes.
    pub fn espeak_voice(&self) -> &str {
        match self {
            Self::Piper { voice, .. } => voice.espeak_voice(),
            Self::Espeak { espeak_voice, .. } => espeak_voice,
        }
    }

    /// IPA phonemes of `text` as this voice would say it.
    pub fn phonemes(&self, text: &str) -> Result<String, TtsError> {
        espeak::phonemize(text, self.espeak_voice())
    }

    /// [`Voice::synthesize`], handing the audio to `output` piece by piece as it is made. With
    /// `windowed`, a voice loaded by [`VoiceSource::load_cut_at_decoder`] decodes in windows, so
    /// the first piece comes early; otherwise the pieces are whole model calls.
    pub fn synthesize_into<E: From<TtsError>>(
        &mut self,
        text: &str,
        params: &SynthesisParams,
        windowed: bool,
        output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
    ) -> Result<Clip, E> {
        match self {
            Self::Piper { voice, .. } => voice.synthesize_into(text, params, windowed, output),
            Self::Espeak { .. } => {
                let clip = self.synthesize(text, params)?;
                output(&clip.samples)?;
                Ok(clip)
            }
        }
    }

    /// Synthesize one clause or sentence. Never give it a whole article: split first.
    pub fn synthesize(&mut self, text: &str, params: &SynthesisParams) -> Result<Clip, TtsError> {
        match self {
            Self::Piper { voice, .. } => voice.synthesize(text, params),
            Self::Espeak { espeak_voice, .. } => espeak::synthesize(
                text,
                espeak_voice,
                espeak::rate_for_length_scale(1.0 / params.speed_factor()),
            ),
        }
    }
}

/// The fingerprint [`Voice::fingerprint`] will give for voice `id`, read from the manifest and
/// the install receipt without loading the model; fails as loading would when the voice is
/// unknown or not installed. (Loading still verifies every file before use.)
pub fn voice_fingerprint(
    id: &str,
    catalog: &Catalog,
    store: &VoiceStore,
) -> Result<String, TtsError> {
    let manifest = catalog.get(id)?;
    match manifest.engine {
        Engine::Espeak => Ok(format!("espeak-ng:{}", espeak_voice_of(manifest))),
        Engine::Piper => {
            let not_installed = || TtsError::NotInstalled { id: id.to_string() };
            let model = manifest
                .file(catalog::FileRole::Model)
                .ok_or_else(not_installed)?;
            let receipt = store.receipt(id).ok_or_else(not_installed)?;
            let installed = receipt
                .files
                .iter()
                .find(|f| f.name == model.name)
                .ok_or_else(not_installed)?;
            Ok(model
                .sha256
                .clone()
                .unwrap_or_else(|| installed.sha256.clone()))
        }
    }
}

/// The speakers of an installed multi-speaker Piper voice, by name (empty for one speaker, a
/// built-in voice, or a voice that is not installed). Reads only the installed config, for
/// listing; loading the voice verifies it.
pub fn installed_speakers(manifest: &VoiceManifest, store: &VoiceStore) -> Vec<String> {
    let Some(config) = manifest.file(catalog::FileRole::Config) else {
        return Vec::new();
    };
    let path = store.voice_dir(&manifest.id).join(&config.name);
    std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| piper::PiperConfig::parse(&text, &path).ok())
        .map(|config| config.speakers().keys().cloned().collect())
        .unwrap_or_default()
}

/// The voice to use when none is named: the Arabic neural voice when installed, otherwise the
/// built-in eSpeak NG Arabic voice together with a warning saying how to install the neural one.
pub fn default_voice_id(catalog: &Catalog, store: &VoiceStore) -> (String, Option<String>) {
    let preferred = catalog.get(catalog::PREFERRED_ARABIC_VOICE);
    match preferred {
        Ok(manifest) if store.is_installed(manifest) => (manifest.id.clone(), None),
        _ => (
            catalog::FALLBACK_ARABIC_VOICE.to_string(),
            Some(format!(
                "the Arabic neural voice is not installed; using the built-in {} voice (install it with: nashra voices install {})",
                catalog::FALLBACK_ARABIC_VOICE,
                catalog::PREFERRED_ARABIC_VOICE
            )),
        ),
    }
}

/// The test voice for the unit tests of this module's parts.
#[cfg(test)]
pub(crate) mod test_voice {
    use std::path::{Path, PathBuf};

    /// The test voice's folder (scripts/setup.sh puts it there), or `None` off CI.
    pub(crate) fn dir() -> Option<PathBuf> {
        let dir = std::env::var_os("NASHRA_TEST_VOICE_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join(".deps/voices/en_US-joe-medium")
            });
        if dir.join("en_US-joe-medium.onnx").is_file() {
            return Some(dir);
        }
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "test voice missing in {}: run scripts/setup.sh",
            dir.display()
        );
        println!("skipped: test voice missing in {}", dir.display());
        None
    }

    /// The test voice's model path, model bytes and config text, or `None` off CI.
    pub(crate) fn files() -> Option<(PathBuf, Vec<u8>, String)> {
        let dir = dir()?;
        let model = dir.join("en_US-joe-medium.onnx");
        let bytes = std::fs::read(&model).ok()?;
        let config = std::fs::read_to_string(dir.join("en_US-joe-medium.onnx.json")).ok()?;
        Some((model, bytes, config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_voice::dir as test_voice_dir;

    /// The first load saves the optimized graph next to the voice; a later load runs from it
    /// and speaks the same samples (noise off, so runs are deterministic); a damaged cache is
    /// made again.
    #[test]
    fn the_optimized_graph_is_cached_and_speaks_the_same_audio() -> Result<(), TtsError> {
        let Some(voice_dir) = test_voice_dir() else {
            return Ok(());
        };
        let home = tempfile::tempdir().map_err(|e| TtsError::io(Path::new("tmp"), e))?;
        let store = VoiceStore::new(home.path());
        let manifest = Catalog::built_in()?.get("en_US-joe-medium")?.clone();
        store.install_from_dir(&manifest, &voice_dir)?;
        let phonemes = phonemize(
            "The council met on Tuesday, and the vote was close.",
            "en-us",
        )?;
        let noise_off = piper::Scales {
            noise_scale: 0.0,
            length_scale: 1.0,
            noise_w: 0.0,
        };
        let speak = || -> Result<(Vec<f32>, ModelLayout), TtsError> {
            let source = VoiceSource::from_manifest(manifest.clone(), &store)?;
            let layout = source.model_layout().cloned().unwrap_or_default();
            let Voice::Piper { mut voice, .. } = source.load(1)? else {
                panic!("a Piper voice");
            };
            Ok((voice.speak_phonemes(&phonemes, noise_off)?, layout))
        };
        let cache_dir = store.voice_dir(&manifest.id).join(optimized::OPTIMIZED_DIR);
        let cached_models = || {
            std::fs::read_dir(&cache_dir).map_or(0, |entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "onnx"))
                    .count()
            })
        };
        let (fresh, fresh_layout) = speak()?;
        assert_eq!(
            cached_models(),
            1,
            "the first load saves the optimized graph"
        );
        let (cached, cached_layout) = speak()?;
        assert_eq!(cached_layout, fresh_layout);
        assert_eq!(fresh.len(), cached.len());
        let worst = fresh
            .iter()
            .zip(&cached)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-4, "samples differ by up to {worst}");
        for entry in std::fs::read_dir(&cache_dir).map_err(|e| TtsError::io(&cache_dir, e))? {
            let path = entry.map_err(|e| TtsError::io(&cache_dir, e))?.path();
            if path.extension().is_some_and(|x| x == "onnx") {
                std::fs::write(&path, b"damaged").map_err(|e| TtsError::io(&path, e))?;
            }
        }
        let (again, _) = speak()?;
        assert_eq!(
            again.len(),
            fresh.len(),
            "a damaged cache falls back to the model"
        );
        assert_eq!(cached_models(), 1, "and is made again");
        Ok(())
    }
}
