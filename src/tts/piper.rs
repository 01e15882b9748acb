//! Piper voices: eSpeak NG phonemes in, a VITS model run by ONNX Runtime, audio out.
//!
//! A Piper voice is an ONNX model and a JSON config. The config maps each phoneme (one
//! character of eSpeak NG's IPA) to model ids and gives the sample rate, the default noise,
//! length and noise-width scales, the eSpeak NG voice and, for multi-speaker voices, the
//! speaker ids. The model takes `input` `[1, N]` i64 (the ids), `input_lengths` `[1]` i64,
//! `scales` `[3]` f32 and, with several speakers, `sid` `[1]` i64, and gives the audio as f32.
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use ort::session::{Session, SessionInputValue};
use ort::value::Tensor;

use crate::audio::Clip;

use super::store::VerifiedVoiceFiles;
use super::{chunked, espeak, SynthesisParams, TtsError};
use crate::text::sentences::cut_at_spaces;

/// Longest phoneme string sent to the model in one call; longer clauses are cut at spaces.
/// (The composer splits text into clauses well below this; this guards the model.)
const MAX_PHONEMES_PER_CALL: usize = 600;
/// The phoneme that starts every id sequence.
const BOS: char = '^';
/// The phoneme that ends every id sequence.
const EOS: char = '$';
/// The phoneme put after every other one.
const PAD: char = '_';
/// The model input that selects the speaker of a multi-speaker voice.
const SPEAKER_INPUT: &str = "sid";

/// A Piper voice's config (`MODEL.onnx.json`): what nashra reads of it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PiperConfig {
    audio: AudioSettings,
    espeak: EspeakSettings,
    inference: Scales,
    #[serde(default)]
    num_speakers: u32,
    #[serde(default)]
    speaker_id_map: BTreeMap<String, i64>,
    phoneme_id_map: HashMap<char, Vec<i64>>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct AudioSettings {
    sample_rate: u32,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct EspeakSettings {
    voice: String,
}

/// The model's three scales: noise (variation of the sound), length (slower when larger) and
/// noise width (variation of the phoneme durations).
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
pub struct Scales {
    /// Noise added to the sound (0 makes the output deterministic, with `noise_w`).
    pub noise_scale: f32,
    /// Duration factor: 1.0 is the voice's pace.
    pub length_scale: f32,
    /// Noise added to the phoneme durations.
    pub noise_w: f32,
}

impl PiperConfig {
    /// Parse a config; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, TtsError> {
        serde_json::from_str(text).map_err(|e| TtsError::VoiceLoad {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// Output sample rate.
    pub fn sample_rate(&self) -> u32 {
        self.audio.sample_rate
    }

    /// The eSpeak NG voice that phonemizes for this model.
    pub fn espeak_voice(&self) -> &str {
        &self.espeak.voice
    }

    /// The scales the voice was trained to sound best with.
    pub fn scales(&self) -> Scales {
        self.inference
    }

    /// The speakers of a multi-speaker voice, by name (empty for a single speaker).
    pub fn speakers(&self) -> &BTreeMap<String, i64> {
        &self.speaker_id_map
    }

    /// Number of speakers the model was trained with.
    pub fn num_speakers(&self) -> u32 {
        self.num_speakers.max(1)
    }

    /// The speaker id for `wanted`: a name from the config's `speaker_id_map`, or a number
    /// below the number of speakers. Anything else is refused with the speakers there are.
    pub fn speaker_id(&self, wanted: &str) -> Result<i64, TtsError> {
        if let Some(&id) = self.speaker_id_map.get(wanted) {
            return Ok(id);
        }
        match wanted.trim().parse::<i64>() {
            Ok(id) if (0..i64::from(self.num_speakers())).contains(&id) => Ok(id),
            _ => Err(TtsError::UnknownSpeaker {
                speaker: wanted.to_string(),
                known: match self.speaker_id_map.is_empty() {
                    true => "the voice has a single speaker".to_string(),
                    false => {
                        let names: Vec<&str> =
                            self.speaker_id_map.keys().map(String::as_str).collect();
                        format!("speakers: {}", names.join(", "))
                    }
                },
            }),
        }
    }

    /// The model ids of a phoneme string: the start id, then each known phoneme's first id
    /// followed by the pad id, then the end id (phonemes the model does not know are skipped).
    pub fn phoneme_ids(&self, phonemes: &str) -> Vec<i64> {
        let first_id = |c: char| self.phoneme_id_map.get(&c).and_then(|ids| ids.first());
        let pad = first_id(PAD).copied().unwrap_or(0);
        let mut ids = Vec::with_capacity(2 * phonemes.chars().count() + 2);
        ids.push(first_id(BOS).copied().unwrap_or(0));
        for id in phonemes.chars().filter_map(first_id) {
            ids.push(*id);
            ids.push(pad);
        }
        ids.push(first_id(EOS).copied().unwrap_or(0));
        ids
    }
}

/// A loaded Piper voice: its config and its model's session(s).
pub struct PiperVoice {
    config: PiperConfig,
    model: Model,
    /// Whether the model takes a speaker id.
    takes_speaker: bool,
    /// The speaker id given to a multi-speaker model.
    speaker_id: i64,
    /// Where the model came from (for messages).
    model_path: String,
}

/// How a voice's model is run.
enum Model {
    /// One session over the whole model.
    Whole(Session),
    /// The model cut at its decoder (see `split`), so the decoder can run in windows.
    Split(Box<SplitSessions>),
}

/// Sessions over a model cut at its decoder.
pub struct SplitSessions {
    /// Everything before the decoder.
    pub front: Session,
    /// The decoder.
    pub decoder: Session,
}

impl PiperVoice {
    /// A voice over a session already built for `model_path`'s model.
    pub fn from_session(config: PiperConfig, session: Session, model_path: &Path) -> Self {
        Self::over(config, Model::Whole(session), model_path)
    }

    /// A voice over the front and decoder sessions of `model_path`'s model cut at its decoder.
    pub fn from_split(config: PiperConfig, sessions: SplitSessions, model_path: &Path) -> Self {
        Self::over(config, Model::Split(Box::new(sessions)), model_path)
    }

    fn over(config: PiperConfig, model: Model, model_path: &Path) -> Self {
        let first = match &model {
            Model::Whole(session) => session,
            Model::Split(split) => &split.front,
        };
        let takes_speaker = first
            .inputs()
            .iter()
            .any(|input| input.name() == SPEAKER_INPUT);
        Self {
            config,
            model,
            takes_speaker,
            speaker_id: 0,
            model_path: model_path.display().to_string(),
        }
    }

    /// True when the decoder can run in windows ([`PiperVoice::synthesize_into`]).
    pub fn decodes_in_windows(&self) -> bool {
        matches!(self.model, Model::Split(_))
    }

    /// The voice's config.
    pub fn config(&self) -> &PiperConfig {
        &self.config
    }

    /// Output sample rate.
    pub fn sample_rate(&self) -> u32 {
        self.config.sample_rate()
    }

    /// The eSpeak NG voice used for phonemization.
    pub fn espeak_voice(&self) -> &str {
        self.config.espeak_voice()
    }

    /// Speak with speaker `id` of a multi-speaker voice (see [`PiperConfig::speakers`]).
    pub fn set_speaker_id(&mut self, id: i64) {
        self.speaker_id = id;
    }

    /// Synthesize one clause or sentence.
    pub fn synthesize(&mut self, text: &str, params: &SynthesisParams) -> Result<Clip, TtsError> {
        let mut no_output = |_: &[f32]| Ok::<(), TtsError>(());
        self.synthesize_into(text, params, false, &mut no_output)
    }

    /// [`PiperVoice::synthesize`], handing the audio to `output` piece by piece as it is made:
    /// with `windowed` and a model cut at its decoder, the decoder runs in windows (see
    /// `chunked`) and the first piece is ready early; otherwise each model call is one piece.
    pub fn synthesize_into<E: From<TtsError>>(
        &mut self,
        text: &str,
        params: &SynthesisParams,
        windowed: bool,
        output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
    ) -> Result<Clip, E> {
        let phonemes = espeak::phonemize(text, self.espeak_voice())?;
        let scales = Scales {
            length_scale: self.config.inference.length_scale / params.speed_factor(),
            ..self.config.scales()
        };
        let mut samples = Vec::new();
        for chunk in cut_at_spaces(&phonemes, MAX_PHONEMES_PER_CALL) {
            if chunk.trim().is_empty() {
                continue;
            }
            let mut piece_out = |piece: &[f32]| {
                let piece: Vec<f32> = piece.iter().map(|&s| clean_sample(s)).collect();
                output(&piece)?;
                samples.extend(piece);
                Ok::<(), E>(())
            };
            self.speak_phonemes_into(chunk, scales, windowed, &mut piece_out)?;
        }
        Ok(Clip::new(samples, self.sample_rate()))
    }

    /// One model call: the raw audio the model gives for `phonemes` with `scales`.
    pub fn speak_phonemes(&mut self, phonemes: &str, scales: Scales) -> Result<Vec<f32>, TtsError> {
        let mut audio = Vec::new();
        let mut keep = |piece: &[f32]| {
            audio.extend_from_slice(piece);
            Ok::<(), TtsError>(())
        };
        self.speak_phonemes_into(phonemes, scales, false, &mut keep)?;
        Ok(audio)
    }

    /// [`PiperVoice::speak_phonemes`], handing the raw audio to `output` in pieces: decoded in
    /// windows when `windowed` and the model is cut at its decoder, else in one piece.
    pub fn speak_phonemes_into<E: From<TtsError>>(
        &mut self,
        phonemes: &str,
        scales: Scales,
        windowed: bool,
        output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
    ) -> Result<(), E> {
        let inputs = self.model_inputs(phonemes, scales)?;
        let model_path = self.model_path.as_str();
        let fail = |e: ort::Error| TtsError::Synthesis(format!("{model_path}: {e}"));
        match &mut self.model {
            Model::Whole(session) => {
                let _busy = ModelBusy::start();
                let outputs = session.run(&inputs[..]).map_err(fail)?;
                let (_, audio) = outputs[0].try_extract_tensor::<f32>().map_err(fail)?;
                output(audio)
            }
            Model::Split(split) => {
                let entries = run_front(&mut split.front, &inputs).map_err(fail)?;
                decode(&mut split.decoder, &entries, windowed, model_path, output)
            }
        }
    }

    /// The model's inputs for `phonemes` spoken with `scales`, in the model's order.
    fn model_inputs(
        &self,
        phonemes: &str,
        scales: Scales,
    ) -> Result<Vec<SessionInputValue<'static>>, TtsError> {
        let fail = |e: ort::Error| TtsError::Synthesis(format!("{}: {e}", self.model_path));
        let ids = self.config.phoneme_ids(phonemes);
        let count = ids.len();
        let input =
            Tensor::<i64>::from_array(([1usize, count], ids.into_boxed_slice())).map_err(fail)?;
        let lengths = Tensor::<i64>::from_array(([1usize], vec![count as i64].into_boxed_slice()))
            .map_err(fail)?;
        let scales = [scales.noise_scale, scales.length_scale, scales.noise_w];
        let scales =
            Tensor::<f32>::from_array(([3usize], Box::<[f32]>::from(scales))).map_err(fail)?;
        let mut inputs = vec![input.into(), lengths.into(), scales.into()];
        if self.takes_speaker {
            let sid =
                Tensor::<i64>::from_array(([1usize], vec![self.speaker_id].into_boxed_slice()))
                    .map_err(fail)?;
            inputs.push(sid.into());
        }
        Ok(inputs)
    }
}

/// A sample as written: clamped to [-1, 1], and 0 when not finite.
fn clean_sample(s: f32) -> f32 {
    if s.is_finite() {
        s.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

/// A tensor the front gives the decoder: its name, shape and values.
struct Entry {
    name: String,
    shape: Vec<i64>,
    values: Vec<f32>,
}

/// Run the front of a split model: the decoder's inputs, by name, in the front's order.
fn run_front(
    front: &mut Session,
    inputs: &[SessionInputValue<'static>],
) -> Result<Vec<Entry>, ort::Error> {
    let names: Vec<String> = front
        .outputs()
        .iter()
        .map(|o| o.name().to_string())
        .collect();
    let _busy = ModelBusy::start();
    let outputs = front.run(inputs)?;
    let mut entries = Vec::with_capacity(names.len());
    for (index, name) in names.into_iter().enumerate() {
        let (shape, values) = outputs[index].try_extract_tensor::<f32>()?;
        entries.push(Entry {
            name,
            shape: shape.to_vec(),
            values: values.to_vec(),
        });
    }
    Ok(entries)
}

/// The latent among the decoder's inputs: the one `[1, C, frames]` input with the most
/// frames (more than one), when there is exactly one such.
fn latent_of(entries: &[Entry]) -> Option<(usize, usize, usize)> {
    let frames_of = |e: &Entry| match e.shape[..] {
        [1, c, f] if c > 0 && f > 1 => Some((c as usize, f as usize)),
        _ => None,
    };
    let most = entries.iter().filter_map(frames_of).map(|(_, f)| f).max()?;
    let mut with_most = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| frames_of(e).is_some_and(|(_, f)| f == most));
    let (index, entry) = with_most.next()?;
    let (channels, frames) = frames_of(entry)?;
    with_most
        .next()
        .is_none()
        .then_some((index, channels, frames))
}

/// Run the decoder on `entries`: in windows of the latent when `windowed` (see `chunked`),
/// else in one call, long latents in windows of at most [`chunked::MAX_DECODE_FRAMES`]
/// either way; each window's kept audio goes to `output` as soon as it is decoded.
fn decode<E: From<TtsError>>(
    decoder: &mut Session,
    entries: &[Entry],
    windowed: bool,
    model_path: &str,
    output: &mut dyn FnMut(&[f32]) -> Result<(), E>,
) -> Result<(), E> {
    let fail = |e: String| TtsError::Synthesis(format!("{model_path}: decoder: {e}"));
    let latent = latent_of(entries)
        .filter(|&(_, _, frames)| windowed || frames > chunked::MAX_DECODE_FRAMES);
    let frames = latent.map_or(1, |(_, _, frames)| frames);
    let first = match windowed {
        true => chunked::FIRST_WINDOW_FRAMES,
        false => frames,
    };
    let kept_ranges = chunked::bounded(chunked::windows(frames, first), chunked::MAX_DECODE_FRAMES);
    for kept in kept_ranges {
        let window = chunked::Window::around(kept, frames, chunked::PAD_FRAMES);
        let mut inputs: Vec<(Cow<'_, str>, SessionInputValue<'_>)> = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let tensor = match latent {
                Some((at, channels, frames)) if at == index => {
                    let latent = chunked::Latent {
                        channels,
                        frames,
                        data: &entry.values,
                    };
                    let shape = vec![1, channels as i64, window.decoded.len() as i64];
                    Tensor::<f32>::from_array((shape, latent.frames(window.decoded.clone())))
                }
                _ => Tensor::<f32>::from_array((entry.shape.clone(), entry.values.clone())),
            }
            .map_err(|e| fail(e.to_string()))?;
            inputs.push((Cow::Borrowed(entry.name.as_str()), tensor.into()));
        }
        let _busy = ModelBusy::start();
        let outputs = decoder.run(inputs).map_err(|e| fail(e.to_string()))?;
        let (_, audio) = outputs[0]
            .try_extract_tensor::<f32>()
            .map_err(|e| fail(e.to_string()))?;
        let kept = match latent {
            Some(_) => window.keep(audio).ok_or_else(|| {
                fail(format!(
                    "{} samples for {} frames",
                    audio.len(),
                    window.decoded.len()
                ))
            })?,
            None => audio,
        };
        output(kept)?;
    }
    Ok(())
}

/// Wall-clock time during which at least one model call was running, over the process.
struct BusyClock {
    running: usize,
    since: Option<std::time::Instant>,
    total: std::time::Duration,
}

static MODEL_BUSY: std::sync::Mutex<BusyClock> = std::sync::Mutex::new(BusyClock {
    running: 0,
    since: None,
    total: std::time::Duration::ZERO,
});

/// Seconds of wall-clock time this process has spent with at least one Piper model call
/// running (calls on parallel workers overlap, and count once).
pub fn model_busy_seconds() -> f64 {
    let clock = MODEL_BUSY.lock().unwrap_or_else(|p| p.into_inner());
    let running = clock
        .since
        .map_or(std::time::Duration::ZERO, |since| since.elapsed());
    (clock.total + running).as_secs_f64()
}

/// Marks one model call running while it lives.
struct ModelBusy;

impl ModelBusy {
    fn start() -> Self {
        let mut clock = MODEL_BUSY.lock().unwrap_or_else(|p| p.into_inner());
        if clock.running == 0 {
            clock.since = Some(std::time::Instant::now());
        }
        clock.running += 1;
        Self
    }
}

impl Drop for ModelBusy {
    fn drop(&mut self) {
        let mut clock = MODEL_BUSY.lock().unwrap_or_else(|p| p.into_inner());
        clock.running = clock.running.saturating_sub(1);
        if clock.running == 0 {
            if let Some(since) = clock.since.take() {
                clock.total += since.elapsed();
            }
        }
    }
}

/// The config of a verified Piper voice.
pub fn config_of(files: &VerifiedVoiceFiles) -> Result<PiperConfig, TtsError> {
    PiperConfig::parse(&files.config_text, &files.config)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"{
        "audio": {"sample_rate": 22050},
        "espeak": {"voice": "en-us"},
        "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
        "num_speakers": 1,
        "speaker_id_map": {},
        "phoneme_id_map": {"_": [0], "^": [1], "$": [2], " ": [3], "a": [14, 99], "b": [15]}
    }"#;

    #[test]
    fn overlapping_model_calls_count_once() {
        let before = model_busy_seconds();
        let started = std::time::Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| {
                    let _busy = ModelBusy::start();
                    std::thread::sleep(std::time::Duration::from_millis(50));
                });
            }
        });
        let busy = model_busy_seconds() - before;
        let wall = started.elapsed().as_secs_f64();
        assert!(busy >= 0.05 - 1e-3, "at least one call's length: {busy}");
        assert!(
            busy <= wall + 1e-3,
            "never more than the wall time: {busy} > {wall}"
        );
    }

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

    #[test]
    fn phonemes_become_ids_between_start_and_end_with_pads() -> Result<(), TtsError> {
        let config = PiperConfig::parse(CONFIG, Path::new("voice.onnx.json"))?;
        // Unknown phonemes (x) are skipped; a phoneme with several ids gives its first.
        assert_eq!(
            config.phoneme_ids("ab xa"),
            [1, 14, 0, 15, 0, 3, 0, 14, 0, 2]
        );
        assert_eq!(config.phoneme_ids(""), [1, 2]);
        assert_eq!(config.sample_rate(), 22050);
        assert_eq!(config.espeak_voice(), "en-us");
        assert_eq!(config.scales().noise_w, 0.8);
        assert!(config.speakers().is_empty());
        Ok(())
    }

    #[test]
    fn speakers_are_chosen_by_name_or_number_and_others_refused() -> Result<(), TtsError> {
        let many = CONFIG
            .replace("\"num_speakers\": 1", "\"num_speakers\": 3")
            .replace(
                "\"speaker_id_map\": {}",
                "\"speaker_id_map\": {\"amy\": 0, \"bob\": 2}",
            );
        let config = PiperConfig::parse(&many, Path::new("many.onnx.json"))?;
        assert_eq!(config.speaker_id("bob")?, 2);
        assert_eq!(config.speaker_id("1")?, 1);
        let refused = config.speaker_id("carol").map_err(|e| e.to_string());
        assert_eq!(
            refused,
            Err("unknown speaker `carol` (speakers: amy, bob)".to_string())
        );
        assert!(config.speaker_id("3").is_err());
        let single = PiperConfig::parse(CONFIG, Path::new("voice.onnx.json"))?;
        assert_eq!(single.speaker_id("0")?, 0);
        let refused = single.speaker_id("amy").map_err(|e| e.to_string());
        assert_eq!(
            refused,
            Err("unknown speaker `amy` (the voice has a single speaker)".to_string())
        );
        Ok(())
    }

    #[test]
    fn a_broken_config_is_refused_with_its_name() {
        let error = PiperConfig::parse("{\"audio\": {}}", Path::new("bad.onnx.json"));
        assert!(
            matches!(error, Err(TtsError::VoiceLoad { path, .. }) if path == Path::new("bad.onnx.json"))
        );
    }
}
