//! The voice catalog: one TOML manifest per known voice (the `voices/` folder, compiled in, and
//! the user's own in `NASHRA_HOME/voices.d/`, such as those `nashra voices add` writes).
use serde::{Deserialize, Serialize};

use super::TtsError;

/// Manifests shipped with nashra, compiled into the binary.
const BUILT_IN_MANIFESTS: &[(&str, &str)] = &[
    (
        "ar_JO-kareem-medium.toml",
        include_str!("../../voices/ar_JO-kareem-medium.toml"),
    ),
    (
        "ar_JO-kareem-low.toml",
        include_str!("../../voices/ar_JO-kareem-low.toml"),
    ),
    (
        "en_US-joe-medium.toml",
        include_str!("../../voices/en_US-joe-medium.toml"),
    ),
    (
        "espeak-ar.toml",
        include_str!("../../voices/espeak-ar.toml"),
    ),
    (
        "espeak-en.toml",
        include_str!("../../voices/espeak-en.toml"),
    ),
];

/// The voice used when none is asked for and it is installed.
pub const PREFERRED_ARABIC_VOICE: &str = "ar_JO-kareem-medium";
/// The built-in voice used when the preferred voice is not installed.
pub const FALLBACK_ARABIC_VOICE: &str = "espeak-ar";

/// Which synthesizer speaks a voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// A Piper (VITS) model run with ONNX Runtime.
    Piper,
    /// eSpeak NG, compiled in.
    Espeak,
}

/// What a voice file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileRole {
    /// The ONNX model.
    Model,
    /// The model's JSON configuration.
    Config,
    /// Anything else (model card, licence).
    Other,
}

/// One file of a voice, with where to get it and how to check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceFile {
    /// File name inside the voice folder.
    pub name: String,
    /// What the file is for.
    pub role: FileRole,
    /// Where to download it.
    pub url: Option<String>,
    /// Pinned SHA-256 (lowercase hex). Files without one are verified against the publisher's
    /// metadata at install time (see [`HuggingFaceSource`]).
    pub sha256: Option<String>,
    /// Expected size in bytes, when known.
    pub size: Option<u64>,
    /// Path of the file inside the Hugging Face repository, for publisher-side checksums.
    pub hf_path: Option<String>,
}

/// A Hugging Face repository that publishes checksums for a voice's files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HuggingFaceSource {
    /// `owner/name` of the model repository.
    pub repo: String,
    /// Tag or commit the URLs point at.
    pub revision: String,
}

/// A voice manifest (`voices/<id>.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceManifest {
    /// Stable identifier, e.g. `ar_JO-kareem-medium`.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// ISO 639-1 language code.
    pub language: String,
    /// Locale such as `ar_JO`.
    pub locale: Option<String>,
    /// Synthesizer.
    pub engine: Engine,
    /// eSpeak NG voice name, for `engine = "espeak"`.
    pub espeak_voice: Option<String>,
    /// Output sample rate in Hz.
    pub sample_rate: u32,
    /// Licence of the voice data.
    pub licence: String,
    /// Where the voice is documented.
    pub homepage: Option<String>,
    /// Publisher metadata used to verify files without a pinned checksum.
    pub huggingface: Option<HuggingFaceSource>,
    /// Files to install (none for built-in voices).
    #[serde(default)]
    pub files: Vec<VoiceFile>,
}

impl VoiceManifest {
    /// Parse a manifest from TOML text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Self, TtsError> {
        let manifest: Self = toml::from_str(text).map_err(|e| TtsError::Manifest {
            origin: origin.to_string(),
            message: e.message().to_string(),
        })?;
        manifest.validate(origin)?;
        Ok(manifest)
    }

    fn validate(&self, origin: &str) -> Result<(), TtsError> {
        let fail = |message: String| TtsError::Manifest {
            origin: origin.to_string(),
            message,
        };
        if !is_safe_name(&self.id) {
            return Err(fail(format!("invalid voice id {:?}", self.id)));
        }
        for file in &self.files {
            if !is_safe_name(&file.name) {
                return Err(fail(format!("invalid file name {:?}", file.name)));
            }
            if let Some(sum) = &file.sha256 {
                if sum.len() != 64 || !sum.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Err(fail(format!("{}: sha256 is not 64 hex digits", file.name)));
                }
            }
        }
        match self.engine {
            Engine::Piper if self.file(FileRole::Model).is_none() => {
                Err(fail("a piper voice needs a model file".into()))
            }
            Engine::Piper if self.file(FileRole::Config).is_none() => {
                Err(fail("a piper voice needs a config file".into()))
            }
            _ => Ok(()),
        }
    }

    /// The first file with `role`.
    pub fn file(&self, role: FileRole) -> Option<&VoiceFile> {
        self.files.iter().find(|f| f.role == role)
    }

    /// True when the voice needs no files (compiled in).
    pub fn is_built_in(&self) -> bool {
        self.files.is_empty()
    }
}

/// The parts of a Piper voice's `.onnx.json` config that describe the voice.
#[derive(Debug, Deserialize)]
struct PiperConfig {
    audio: PiperAudio,
    espeak: Option<PiperEspeak>,
    language: Option<PiperLanguage>,
    dataset: Option<String>,
    phoneme_type: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PiperAudio {
    sample_rate: u32,
    quality: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PiperEspeak {
    voice: String,
}

#[derive(Debug, Deserialize)]
struct PiperLanguage {
    code: Option<String>,
    family: Option<String>,
    name_english: Option<String>,
}

/// One file of a voice on the user's disk, with its checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalFile {
    /// File name (becomes the name inside the voice folder).
    pub name: String,
    /// SHA-256, lowercase hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

impl VoiceManifest {
    /// The manifest of a Piper voice the user already has: `config_text` is its `.onnx.json`
    /// (read from `origin`), `model` and `config` its two files with their checksums, pinned in
    /// the manifest. Refuses a config that is not a Piper config, or has no sample rate or
    /// eSpeak voice; the caller checks that the eSpeak voice exists.
    pub fn for_local_piper(
        id: &str,
        config_text: &str,
        origin: &str,
        model: LocalFile,
        config: LocalFile,
    ) -> Result<Self, TtsError> {
        let fail = |message: String| TtsError::Manifest {
            origin: origin.to_string(),
            message,
        };
        let parsed: PiperConfig = serde_json::from_str(config_text)
            .map_err(|e| fail(format!("not a Piper voice config: {e}")))?;
        if parsed.audio.sample_rate == 0 {
            return Err(fail("audio.sample_rate is 0".into()));
        }
        if parsed
            .phoneme_type
            .as_deref()
            .is_some_and(|t| t != "espeak")
        {
            return Err(fail(format!(
                "phoneme_type {:?}: only eSpeak-phonemized Piper voices are supported",
                parsed.phoneme_type.unwrap_or_default()
            )));
        }
        let espeak_voice = parsed
            .espeak
            .map(|e| e.voice.trim().to_string())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| fail("no eSpeak voice (espeak.voice)".into()))?;
        let language = parsed.language.as_ref();
        let locale = language.and_then(|l| l.code.clone());
        let family = language
            .and_then(|l| l.family.clone())
            .or_else(|| {
                locale
                    .as_deref()
                    .map(|c| c.split(['_', '-']).next().unwrap_or(c).to_string())
            })
            .unwrap_or_else(|| espeak_voice.split('-').next().unwrap_or("").to_string())
            .to_ascii_lowercase();
        let name = format!(
            "{} ({}{}, added from local files)",
            parsed.dataset.as_deref().unwrap_or(id),
            language
                .and_then(|l| l.name_english.as_deref())
                .unwrap_or(family.as_str()),
            parsed
                .audio
                .quality
                .as_deref()
                .map(|q| format!(", {q} quality"))
                .unwrap_or_default(),
        );
        let file = |local: LocalFile, role: FileRole| VoiceFile {
            name: local.name,
            role,
            url: None,
            sha256: Some(local.sha256),
            size: Some(local.size),
            hf_path: None,
        };
        let manifest = Self {
            id: id.to_string(),
            name,
            language: family,
            locale,
            engine: Engine::Piper,
            espeak_voice: Some(espeak_voice),
            sample_rate: parsed.audio.sample_rate,
            licence: "see the voice's model card (added from local files)".into(),
            homepage: None,
            huggingface: None,
            files: vec![file(model, FileRole::Model), file(config, FileRole::Config)],
        };
        manifest.validate(origin)?;
        Ok(manifest)
    }
}

/// Names used as file or folder names must be plain: no separators, no `..`, no hidden files.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Every known voice.
#[derive(Debug, Clone)]
pub struct Catalog {
    voices: Vec<VoiceManifest>,
}

impl Catalog {
    /// The manifests compiled into nashra.
    pub fn built_in() -> Result<Self, TtsError> {
        let voices = BUILT_IN_MANIFESTS
            .iter()
            .map(|(name, text)| VoiceManifest::parse(text, name))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { voices })
    }

    /// The built-in manifests plus the user's own from `nashra_home/voices.d/*.toml`
    /// (a user manifest with a built-in id replaces it).
    pub fn load(nashra_home: &std::path::Path) -> Result<Self, TtsError> {
        let mut catalog = Self::built_in()?;
        let dir = nashra_home.join("voices.d");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(catalog);
        };
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| TtsError::io(&path, e))?;
            let manifest = VoiceManifest::parse(&text, &path.display().to_string())?;
            catalog.voices.retain(|v| v.id != manifest.id);
            catalog.voices.push(manifest);
        }
        Ok(catalog)
    }

    /// All voices, in catalog order.
    pub fn voices(&self) -> &[VoiceManifest] {
        &self.voices
    }

    /// The voice with `id`.
    pub fn get(&self, id: &str) -> Result<&VoiceManifest, TtsError> {
        self.voices
            .iter()
            .find(|v| v.id == id)
            .ok_or_else(|| TtsError::UnknownVoice {
                id: id.to_string(),
                known: self
                    .voices
                    .iter()
                    .map(|v| v.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_catalog_parses_and_has_the_fallback() -> Result<(), TtsError> {
        let catalog = Catalog::built_in()?;
        assert!(catalog.get(FALLBACK_ARABIC_VOICE)?.is_built_in());
        assert_eq!(catalog.get(PREFERRED_ARABIC_VOICE)?.language, "ar");
        let joe = catalog.get("en_US-joe-medium")?;
        assert!(joe.files.iter().all(|f| f.sha256.is_some()));
        assert!(catalog.get("nope").is_err());
        Ok(())
    }

    fn local(name: &str) -> LocalFile {
        LocalFile {
            name: name.into(),
            sha256: "ab".repeat(32),
            size: 3,
        }
    }

    #[test]
    fn a_local_piper_config_gives_a_pinned_manifest() -> Result<(), TtsError> {
        let config = r#"{"audio": {"sample_rate": 22050, "quality": "medium"}, "espeak": {"voice": "ar"},
            "language": {"code": "ar_JO", "family": "ar", "name_english": "Arabic"}, "dataset": "kareem",
            "phoneme_type": "espeak", "phoneme_id_map": {}}"#;
        let m = VoiceManifest::for_local_piper(
            "ar_JO-kareem-medium",
            config,
            "k.onnx.json",
            local("ar_JO-kareem-medium.onnx"),
            local("ar_JO-kareem-medium.onnx.json"),
        )?;
        assert_eq!(
            (m.language.as_str(), m.locale.as_deref(), m.sample_rate),
            ("ar", Some("ar_JO"), 22050)
        );
        assert_eq!(m.espeak_voice.as_deref(), Some("ar"));
        assert_eq!(
            m.name,
            "kareem (Arabic, medium quality, added from local files)"
        );
        assert!(m
            .files
            .iter()
            .all(|f| f.sha256.is_some() && f.url.is_none()));
        let text = toml::to_string(&m).map_err(|e| TtsError::Synthesis(e.to_string()))?;
        assert_eq!(VoiceManifest::parse(&text, "round trip")?, m);
        Ok(())
    }

    #[test]
    fn configs_that_do_not_describe_a_piper_voice_are_refused() {
        for (config, needle) in [
            ("{not json", "not a Piper voice config"),
            (r#"{"espeak": {"voice": "ar"}}"#, "audio"),
            (
                r#"{"audio": {"sample_rate": 0}, "espeak": {"voice": "ar"}}"#,
                "sample_rate",
            ),
            (r#"{"audio": {"sample_rate": 16000}}"#, "espeak.voice"),
            (
                r#"{"audio": {"sample_rate": 16000}, "phoneme_type": "text"}"#,
                "phoneme_type",
            ),
        ] {
            let error = VoiceManifest::for_local_piper(
                "v",
                config,
                "v.onnx.json",
                local("v.onnx"),
                local("v.onnx.json"),
            )
            .expect_err(config)
            .to_string();
            assert!(
                error.contains(needle) && error.contains("v.onnx.json"),
                "{error}"
            );
        }
    }

    #[test]
    fn manifest_rejects_path_tricks_and_bad_checksums() {
        let base = "id='x'\nname='x'\nlanguage='ar'\nengine='piper'\nsample_rate=1\nlicence='x'\n";
        let traversal = format!("{base}[[files]]\nname='../evil'\nrole='model'\n");
        assert!(VoiceManifest::parse(&traversal, "t").is_err());
        let bad_sum = format!("{base}[[files]]\nname='m.onnx'\nrole='model'\nsha256='abc'\n");
        assert!(VoiceManifest::parse(&bad_sum, "t").is_err());
        assert!(VoiceManifest::parse("not toml [", "t").is_err());
    }
}
