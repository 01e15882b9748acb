//! The text front end as one step per sentence: normalize, apply the pronunciation lexicon,
//! verbalize numbers and symbols (Arabic), lint what is left, and restore vowel marks.
use std::path::Path;

use serde::Serialize;

use super::diacritize::{DiacritizeError, Diacritizer};
use super::lexicon::PronunciationLexicon;
use super::lint::{lint, SpeakabilityWarning};
use super::verbalize::Verbalizer;

/// Errors setting up the front end.
#[derive(Debug, thiserror::Error)]
pub enum FrontEndError {
    /// The user lexicon could not be read.
    #[error("pronunciation lexicon {path}: {message}")]
    Lexicon {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The diacritizer could not be loaded.
    #[error(transparent)]
    Diacritizer(#[from] DiacritizeError),
}

/// One sentence through the front end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpokenSentence {
    /// The text as written.
    pub original: String,
    /// The text as it is said (numbers and symbols in words), without vowel marks.
    pub spoken: String,
    /// The spoken text with vowel marks, when diacritization is on.
    pub diacritized: Option<String>,
    /// What the voice still could not say.
    pub warnings: Vec<SpeakabilityWarning>,
    /// Problems of the front end itself (e.g. the diacritizer failed on this sentence).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

impl SpokenSentence {
    /// The text to give the voice.
    pub fn voice_text(&self) -> &str {
        self.diacritized.as_deref().unwrap_or(&self.spoken)
    }
}

/// The configured front end.
pub struct FrontEnd {
    arabic: bool,
    verbalizer: Verbalizer,
    lexicon: Option<PronunciationLexicon>,
    diacritizer: Option<Diacritizer>,
}

impl FrontEnd {
    /// A front end for text in `language` (`ar` verbalizes; other languages leave numbers to
    /// eSpeak NG), with optional diacritization and user lexicon.
    pub fn new(
        language: &str,
        diacritize: bool,
        lexicon: Option<&Path>,
    ) -> Result<Self, FrontEndError> {
        let arabic = language == "ar";
        let lexicon = match lexicon {
            Some(path) => {
                Some(
                    PronunciationLexicon::load(path).map_err(|e| FrontEndError::Lexicon {
                        path: path.display().to_string(),
                        message: e.to_string(),
                    })?,
                )
            }
            None => None,
        };
        let diacritizer = if diacritize && arabic {
            Some(Diacritizer::new()?)
        } else {
            None
        };
        Ok(Self {
            arabic,
            verbalizer: Verbalizer::new(),
            lexicon,
            diacritizer,
        })
    }

    /// True when vowel marks are restored.
    pub fn diacritizes(&self) -> bool {
        self.diacritizer.is_some()
    }

    /// Run one sentence (or line) through the front end.
    pub fn process(&self, text: &str) -> SpokenSentence {
        let spoken = if self.arabic {
            super::to_spoken(&self.verbalizer, self.lexicon.as_ref(), text)
        } else {
            let normalized = super::normalize::normalize(text);
            match &self.lexicon {
                Some(lexicon) => lexicon.apply(&normalized),
                None => normalized,
            }
        };
        let warnings = if self.arabic {
            lint(&spoken)
        } else {
            Vec::new()
        };
        let mut errors = Vec::new();
        let diacritized = match &self.diacritizer {
            Some(d) if !spoken.trim().is_empty() => match d.diacritize(&spoken) {
                Ok(text) => Some(text),
                Err(e) => {
                    errors.push(e.to_string());
                    None
                }
            },
            _ => None,
        };
        SpokenSentence {
            original: text.to_string(),
            spoken,
            diacritized,
            warnings,
            errors,
        }
    }
}
