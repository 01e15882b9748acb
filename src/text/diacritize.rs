//! Diacritization (تشكيل): restores vowel marks with the neural model that ships inside the
//! `libtashkeel_base` crate, run by ONNX Runtime. Apply it after verbalization, so that no digit
//! reaches the model.
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::tashkeel_engine::TashkeelEngine;

/// The model bundled in libtashkeel_base (found by build.rs).
const MODEL_BYTES: &[u8] = include_bytes!(env!("NASHRA_TASHKEEL_MODEL"));
/// Longest piece given to the model at once (characters); longer text is cut at spaces.
const MAX_CHARS_PER_CALL: usize = 400;

/// Errors of the diacritizer.
#[derive(Debug, thiserror::Error)]
pub enum DiacritizeError {
    /// The model could not be loaded.
    #[error("cannot load the diacritization model: {0}")]
    Load(String),
    /// The model failed on an input.
    #[error("diacritization failed for {text:?}: {message}")]
    Inference {
        /// The beginning of the text concerned.
        text: String,
        /// What went wrong.
        message: String,
    },
}

/// The loaded diacritization model. Cheap to share; calls are serialized on one session.
pub struct Diacritizer {
    engine: TashkeelEngine,
}

impl Diacritizer {
    /// Load the bundled model.
    pub fn new() -> Result<Self, DiacritizeError> {
        Ok(Self {
            engine: TashkeelEngine::load(MODEL_BYTES).map_err(DiacritizeError::Load)?,
        })
    }

    /// Add vowel marks to the Arabic words of `text`; everything else passes through.
    pub fn diacritize(&self, text: &str) -> Result<String, DiacritizeError> {
        let pieces = super::sentences::cut_at_spaces(text, MAX_CHARS_PER_CALL);
        let mut out = Vec::with_capacity(pieces.len());
        for piece in pieces {
            out.push(self.diacritize_piece(piece)?);
        }
        Ok(out.join(" "))
    }

    fn diacritize_piece(&self, piece: &str) -> Result<String, DiacritizeError> {
        if !piece.chars().any(is_arabic_letter) {
            return Ok(piece.to_string());
        }
        let fail = |message: String| DiacritizeError::Inference {
            text: piece.chars().take(40).collect(),
            message,
        };
        // The library indexes its own outputs with unwrap; a malformed model answer must not
        // take the programme down.
        let result = catch_unwind(AssertUnwindSafe(|| {
            libtashkeel_base::_do_tashkeel_impl(&self.engine, piece, None)
        }));
        match result {
            Ok(Ok(text)) => Ok(text),
            Ok(Err(e)) => Err(fail(e.to_string())),
            Err(_) => Err(fail("the model's answer did not fit the input".into())),
        }
    }
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_vowel_marks_on_arabic_and_keeps_other_text() -> Result<(), DiacritizeError> {
        let d = Diacritizer::new()?;
        let out = d.diacritize("بسم الله الرحمن الرحيم")?;
        assert!(out.starts_with("بِسْمِ"), "{out}");
        let marks = out
            .chars()
            .filter(|c| ('\u{064B}'..='\u{0652}').contains(c))
            .count();
        assert!(marks >= 12, "{out}");
        let strip: String = out
            .chars()
            .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
            .collect();
        assert_eq!(strip, "بسم الله الرحمن الرحيم");
        assert_eq!(d.diacritize("hello world")?, "hello world");
        assert_eq!(d.diacritize("")?, "");
        Ok(())
    }

    #[test]
    fn long_text_is_cut_and_fully_kept() -> Result<(), DiacritizeError> {
        let d = Diacritizer::new()?;
        let text = "ذهب الولد إلى المدرسة ".repeat(60);
        let out = d.diacritize(&text)?;
        let strip: String = out
            .chars()
            .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
            .collect();
        assert_eq!(
            strip.split_whitespace().count(),
            text.split_whitespace().count()
        );
        Ok(())
    }
}
