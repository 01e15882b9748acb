//! The text front end as one step per sentence: normalize, apply the pronunciation lexicon,
//! write Latin names in Arabic script, verbalize numbers and symbols (Arabic), transliterate the
//! Latin words left, lint what is left, and restore vowel marks.
use std::path::{Path, PathBuf};

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
        path: PathBuf,
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
                        path: path.to_path_buf(),
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
        let normalized = super::normalize::normalize(text);
        let replaced = match &self.lexicon {
            Some(lexicon) => lexicon.apply(&normalized),
            None => normalized,
        };
        let spoken = if self.arabic {
            self.arabic_spoken(&replaced)
        } else {
            replaced.clone()
        };
        let warnings = if self.arabic {
            lint(&spoken)
        } else {
            Vec::new()
        };
        let mut errors = Vec::new();
        let diacritized = match &self.diacritizer {
            Some(d) if !spoken.trim().is_empty() => {
                match d.diacritize(&self.vowelled(&replaced, &spoken)) {
                    Ok(text) => Some(text),
                    Err(e) => {
                        errors.push(e.to_string());
                        None
                    }
                }
            }
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

    /// `spoken` with the words the verbalizer wrote already vowelled for their case and gender
    /// (the diacritizer keeps them as they are); `spoken` itself where that cannot be had.
    fn vowelled(&self, replaced: &str, spoken: &str) -> String {
        if !self.arabic {
            return spoken.to_string();
        }
        let vowelled = self.arabic_text(replaced, Verbalizer::verbalize_vowelled);
        if super::diacritize::strip_vowel_marks(&vowelled) == spoken {
            vowelled
        } else {
            spoken.to_string()
        }
    }

    /// Normalized Arabic text (user lexicon applied) as an Arabic voice must get it: the Latin
    /// names the bundled lexicon knows first (so the verbalizer sees Arabic words around its
    /// numbers), then numbers and symbols, then every Latin word left.
    fn arabic_spoken(&self, text: &str) -> String {
        self.arabic_text(text, Verbalizer::verbalize)
    }

    /// The Arabic pipeline of [`Self::arabic_spoken`] with `verbalize` as its verbalizer step.
    fn arabic_text(&self, text: &str, verbalize: fn(&Verbalizer, &str) -> String) -> String {
        arabic_text(&self.verbalizer, text, verbalize)
    }
}

/// Normalized Arabic text as an Arabic voice must get it, with `verbalize` as the verbalizer
/// step: lexicon names, then numbers and symbols, then every Latin word left.
pub(crate) fn arabic_text(
    verbalizer: &Verbalizer,
    text: &str,
    verbalize: fn(&Verbalizer, &str) -> String,
) -> String {
    let named = super::transliterate::replace_names(text);
    let verbalized = verbalize(verbalizer, &super::normalize::normalize(&named));
    super::transliterate::arabize_latin(&verbalized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arabic() -> FrontEnd {
        match FrontEnd::new("ar", false, None) {
            Ok(front_end) => front_end,
            Err(e) => panic!("front end: {e}"),
        }
    }

    fn has_latin(text: &str) -> bool {
        text.chars()
            .any(super::super::transliterate::is_latin_letter)
    }

    #[test]
    fn numbers_reach_the_diacritizer_vowelled_by_the_verbalizer() {
        let front_end = match FrontEnd::new("ar", true, None) {
            Ok(front_end) => front_end,
            Err(e) => panic!("front end: {e}"),
        };
        let sentence = front_end.process("في 25 دولة");
        assert_eq!(sentence.spoken, "في خمس وعشرين دولة");
        let diacritized = sentence.diacritized.unwrap_or_default();
        assert!(
            diacritized.contains("خَمْسٍ وَعِشْرِينَ"),
            "the verbalizer's vowels were not kept: {diacritized}"
        );
        assert_eq!(
            super::super::diacritize::strip_vowel_marks(&diacritized),
            sentence.spoken
        );
    }

    #[test]
    fn months_currencies_and_titles_reach_the_diacritizer_vowelled() {
        let front_end = match FrontEnd::new("ar", true, None) {
            Ok(front_end) => front_end,
            Err(e) => panic!("front end: {e}"),
        };
        let sentence = front_end.process("قال د. أحمد إنه دفع 3 دولارات في 7 يناير 2020.");
        let diacritized = sentence.diacritized.clone().unwrap_or_default();
        for word in ["الدُّكْتُور", "دُولَارَاتٍ", "يَنَايِرَ"] {
            assert!(diacritized.contains(word), "{word} not kept: {diacritized}");
        }
        assert_eq!(
            super::super::diacritize::strip_vowel_marks(&diacritized),
            sentence.spoken
        );
    }

    #[test]
    fn latin_names_reach_an_arabic_voice_in_arabic_script() {
        let sentence = arabic().process("وقالت صحيفة The Guardian ووكالة Reuters إن 3 جنود قتلوا.");
        assert_eq!(
            sentence.spoken,
            "وقالت صحيفة ذا غارديان ووكالة رويترز إن ثلاثة جنود قتلوا."
        );
        assert!(sentence.warnings.is_empty(), "{:?}", sentence.warnings);
        let brand = arabic().process("أطلقت شركة Zentrix منصة Blorvana الجديدة");
        assert!(!has_latin(&brand.spoken), "{}", brand.spoken);
        assert!(brand.warnings.is_empty(), "{:?}", brand.warnings);
    }

    #[test]
    fn verbalizer_readings_of_latin_tokens_are_kept() {
        let sentence = arabic().process("طائرة F-16 وشبكات 5G");
        assert_eq!(sentence.spoken, "طائرة إف ستة عشر وشبكات الجيل الخامس");
        assert_eq!(arabic().process("صندوق IMF").spoken, "صندوق النقد الدولي");
    }

    #[test]
    fn english_voices_are_unaffected() {
        let english = match FrontEnd::new("en", false, None) {
            Ok(front_end) => front_end,
            Err(e) => panic!("front end: {e}"),
        };
        let sentence = english.process("The Guardian quoted Reuters.");
        assert_eq!(sentence.spoken, "The Guardian quoted Reuters.");
        assert!(sentence.warnings.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn no_latin_letter_reaches_an_arabic_voice(
            words in prop::collection::vec(
                "[\u{0621}-\u{064A}]{2,6}|[A-Z][a-z]{1,9}|[A-Z]{2,7}|[a-z]{1,8}|[A-Za-z]{1,4}[-.'][A-Za-z]{1,5}|[0-9]{1,4}",
                1..10,
            )
        ) {
            let text = words.join(" ");
            let sentence = arabic().process(&text);
            prop_assert!(!has_latin(&sentence.spoken), "{} -> {}", text, sentence.spoken);
        }
    }
}
