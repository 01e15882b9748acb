//! Diacritization (تشكيل): restores vowel marks with the neural model that ships inside the
//! `libtashkeel_base` crate, run by ONNX Runtime. Apply it after verbalization, so that no digit
//! reaches the model.
//!
//! The model was trained on Tashkeela, whose punctuation stands apart from the words
//! ("كلمة ، كلمة ."): it is given the text spaced that way and the spaces are taken out again,
//! since a mark glued to a word makes it drop that word's case ending. Text that does not end in
//! punctuation is given a closing " ." for the same reason: at the very end of its input the
//! model writes the pause form (no case ending), which it never does before a full stop, so a
//! sentence gets the same reading whether or not its writer ended it with one. Words that arrive with
//! vowel marks (from the verbalizer or the user lexicon) guide the model as hints and come out
//! exactly as they went in.
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::alphabet::{is_arabic_letter, is_consonant_letter};
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

    /// Add vowel marks to the Arabic words of `text`; everything else passes through, and words
    /// that already carry vowel marks are kept as they are.
    pub fn diacritize(&self, text: &str) -> Result<String, DiacritizeError> {
        let tokens = ModelTokens::split(text);
        let input = tokens.model_input();
        let pieces = super::sentences::cut_at_spaces(&input, MAX_CHARS_PER_CALL);
        let mut out = Vec::with_capacity(pieces.len());
        for piece in pieces {
            out.push(self.diacritize_piece(piece)?);
        }
        Ok(tokens.restore(&out.join(" ")))
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

/// True for one of the eight Arabic vowel marks (fathatan … sukun, shadda included).
pub fn is_vowel_mark(c: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&c)
}

/// The text without its vowel marks.
pub fn strip_vowel_marks(text: &str) -> String {
    text.chars().filter(|c| !is_vowel_mark(*c)).collect()
}

/// Punctuation that Tashkeela writes apart from the word before it.
fn is_trailing_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | '،' | '؛' | '؟' | '!' | ':' | '»' | ')' | ']' | '"' | '?' | ',' | ';'
    )
}

/// Punctuation that Tashkeela writes apart from the word after it.
fn is_leading_punctuation(c: char) -> bool {
    matches!(c, '«' | '(' | '[' | '"')
}

/// One space-separated unit given to the model.
struct ModelToken<'a> {
    text: &'a str,
    /// Written against the previous unit in the original text (no space between them).
    glued: bool,
    /// Its only vowel marks are a case ending the verbalizer set (see [`is_case_hint`]).
    case_hint: bool,
}

/// The text cut into the units the model was trained on, remembering how to put it back.
struct ModelTokens<'a> {
    tokens: Vec<ModelToken<'a>>,
    /// A full stop was added for the model after the last word.
    closed: bool,
}

/// What the model gets after a last word that has no punctuation of its own.
const CLOSING: &str = ".";

impl<'a> ModelTokens<'a> {
    fn split(text: &'a str) -> Self {
        let mut tokens = Vec::new();
        for word in text.split(' ') {
            let lead_end = word
                .char_indices()
                .find(|(_, c)| !is_leading_punctuation(*c))
                .map_or(word.len(), |(i, _)| i);
            let core_end = word[lead_end..]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_trailing_punctuation(*c))
                .last()
                .map_or(word.len(), |(i, _)| lead_end + i);
            let parts = [
                (&word[..lead_end], false),
                (&word[lead_end..core_end], lead_end > 0),
                (&word[core_end..], core_end > 0),
            ];
            let mut first = true;
            for (part, glued) in parts {
                if part.is_empty() && !(first && word.is_empty()) {
                    continue;
                }
                tokens.push(ModelToken {
                    text: part,
                    glued: glued && !first,
                    case_hint: is_case_hint(part),
                });
                first = false;
            }
        }
        let closed = tokens
            .last()
            .is_some_and(|t| t.text.chars().any(is_arabic_letter));
        Self { tokens, closed }
    }

    fn model_input(&self) -> String {
        // A case hint is the sentence's, not the model's: it gets the bare word, as it was
        // trained on, and the hint is laid on its answer.
        let mut input = self
            .tokens
            .iter()
            .map(|t| match t.case_hint {
                true => Cow::Owned(strip_vowel_marks(t.text)),
                false => Cow::Borrowed(t.text),
            })
            .collect::<Vec<_>>()
            .join(" ");
        if self.closed {
            input.push(' ');
            input.push_str(CLOSING);
        }
        input
    }

    /// The model's output (the model input with marks added) back in the original spacing,
    /// with every word that came in vowelled exactly as it came.
    fn restore(&self, output: &str) -> String {
        let mut marked: Vec<&str> = output.split(' ').collect();
        if self.closed && marked.len() > self.tokens.len() {
            marked.pop();
        }
        let aligned = marked.len() == self.tokens.len()
            && self
                .tokens
                .iter()
                .zip(&marked)
                .all(|(t, m)| strip_vowel_marks(t.text) == strip_vowel_marks(m));
        let mut out = String::with_capacity(output.len());
        for (i, token) in self.tokens.iter().enumerate() {
            let keep =
                token.text.chars().any(is_vowel_mark) || !token.text.chars().any(is_arabic_letter);
            let word = match marked.get(i) {
                Some(m) if !aligned || !keep => (*m).to_string(),
                Some(m) if token.case_hint => with_hinted_case(token.text, m),
                Some(m) => with_models_case_ending(token.text, m),
                None => token.text.to_string(),
            };
            if i > 0 && !token.glued {
                out.push(' ');
            }
            out.push_str(&word);
        }
        if !aligned {
            // Cannot happen with a model that only adds marks; keep every word the model gave.
            for extra in marked.iter().skip(self.tokens.len()) {
                out.push(' ');
                out.push_str(extra);
            }
        }
        out
    }
}

/// A word whose only vowel marks are its case ending (أشخاصٍ، شخصًا، دولةً): the verbalizer
/// knows the case of the noun a number counts, the model knows the rest of the word.
fn is_case_hint(word: &str) -> bool {
    let marked = word.strip_suffix('ا').unwrap_or(word);
    let body = marked.trim_end_matches(is_vowel_mark);
    body.len() < marked.len() && !body.chars().any(is_vowel_mark)
}

/// The model's word with the class of its case ending (damma, fatha or kasra) taken from the
/// hint, and its tanween kept where the model put one or none (دَارَ نَشْرٍ → دَارِ under a
/// genitive hint). Where the model gave no case vowel the hint's own mark is used.
fn with_hinted_case(hint: &str, model: &str) -> String {
    let Some(hinted) = final_case_mark(hint) else {
        return model.to_string();
    };
    let alef = if model.ends_with('ا') { "ا" } else { "" };
    let body = &model[..model.len() - alef.len()];
    let stem = body.trim_end_matches(is_vowel_mark);
    let marks = &body[stem.len()..];
    let shadda = if marks.contains('\u{0651}') {
        "\u{0651}"
    } else {
        ""
    };
    let mark = final_case_mark(model).map_or(hinted, |given| same_class(hinted, is_tanween(given)));
    format!("{stem}{shadda}{mark}{alef}")
}

/// The last case vowel of a word (a short vowel or a tanween), before a final alef too.
fn final_case_mark(word: &str) -> Option<char> {
    let body = word.strip_suffix('ا').unwrap_or(word);
    body.chars()
        .rev()
        .take_while(|c| is_vowel_mark(*c))
        .find(|c| ('\u{064B}'..='\u{0650}').contains(c))
}

fn is_tanween(mark: char) -> bool {
    ('\u{064B}'..='\u{064D}').contains(&mark)
}

/// The mark of `mark`'s vowel with or without tanween: ٍ ↔ ِ، ً ↔ َ، ٌ ↔ ُ.
fn same_class(mark: char, tanween: bool) -> char {
    let (with, without) = match mark {
        '\u{064B}' | '\u{064E}' => ('\u{064B}', '\u{064E}'),
        '\u{064C}' | '\u{064F}' => ('\u{064C}', '\u{064F}'),
        _ => ('\u{064D}', '\u{0650}'),
    };
    if tanween {
        with
    } else {
        without
    }
}

/// A vowelled word as it came, with the model's case ending where it came without one on a
/// final consonant: titles and abbreviations are vowelled without their case, which the
/// sentence decides (قَالَ الدُّكْتُور → الدُّكْتُورُ). A final long vowel is left as it is.
fn with_models_case_ending(hint: &str, model: &str) -> String {
    let Some(last) = hint.chars().last() else {
        return String::new();
    };
    if !is_consonant_letter(last) {
        return hint.to_string();
    }
    let ending = &model[model.trim_end_matches(is_vowel_mark).len()..];
    format!("{hint}{ending}")
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

    #[test]
    fn punctuation_is_spaced_for_the_model_and_glued_back() {
        let tokens = ModelTokens::split("قال، «نعم» (غدا).");
        assert_eq!(tokens.model_input(), "قال ، « نعم » ( غدا ).");
        let marked = "قَالَ ، « نَعَمْ » ( غَدًا ).";
        assert_eq!(tokens.restore(marked), "قَالَ، «نَعَمْ» (غَدًا).");
        let empty = ModelTokens::split("");
        assert_eq!(empty.restore(""), "");
        let open = ModelTokens::split("ذهب الولد");
        assert_eq!(open.model_input(), "ذهب الولد .");
        assert_eq!(open.restore("ذَهَبَ الْوَلَدُ ."), "ذَهَبَ الْوَلَدُ");
    }

    #[test]
    fn case_endings_before_punctuation_are_kept() -> Result<(), DiacritizeError> {
        let d = Diacritizer::new()?;
        for text in [
            "ذهب الطلاب إلى المدرسة، ثم عادوا إلى البيت.",
            "ذهب الطلاب إلى المدرسة، ثم عادوا إلى البيت",
        ] {
            let out = d.diacritize(text)?;
            assert_eq!(strip_vowel_marks(&out), text);
            assert_case_ending(&out, "المدرسة،");
            assert_case_ending(&out, text.rsplit(' ').next().unwrap_or_default());
        }
        Ok(())
    }

    /// The last letter of `word` (after any punctuation) in `out` carries a mark.
    fn assert_case_ending(out: &str, word: &str) {
        let marked = out
            .split(' ')
            .find(|w| strip_vowel_marks(w) == word)
            .unwrap_or_default();
        let last_mark = marked
            .chars()
            .rev()
            .find(|c| is_vowel_mark(*c) || is_arabic_letter(*c));
        assert!(
            last_mark.is_some_and(is_vowel_mark),
            "{word}: {marked} in {out}"
        );
    }

    #[test]
    fn a_case_hint_sets_the_class_of_the_models_ending() {
        assert!(is_case_hint("أشخاصٍ"));
        assert!(is_case_hint("شخصًا"));
        assert!(!is_case_hint("شخصا"));
        assert!(!is_case_hint("خَمْسَةً"));
        assert!(!is_case_hint("الدُّكْتُور"));
        // The model's tanween or its absence stays; the vowel is the hint's.
        assert_eq!(with_hinted_case("دارٍ", "دَارَ"), "دَارِ");
        assert_eq!(with_hinted_case("حاجٍ", "حَاجٌّ"), "حَاج\u{0651}\u{064D}");
        assert_eq!(with_hinted_case("دولةً", "دَوْلَةٍ"), "دَوْلَةً");
        assert_eq!(with_hinted_case("شخصًا", "شَخْصًا"), "شَخْصًا");
        // No case vowel from the model: the hint's own mark.
        assert_eq!(with_hinted_case("مصابٍ", "مُصَابْ"), "مُصَابٍ");
    }

    #[test]
    fn words_that_arrive_vowelled_keep_their_marks() -> Result<(), DiacritizeError> {
        let d = Diacritizer::new()?;
        let vowelled = "خَمْسَةً وَثَلَاثِينَ";
        let out = d.diacritize(&format!("بلغت الخسائر {vowelled} مليون دولار."))?;
        assert!(out.contains(vowelled), "{out}");
        let rest = out.replace(vowelled, "");
        assert!(
            rest.chars().filter(|c| is_vowel_mark(*c)).count() >= 8,
            "{out}"
        );
        assert_eq!(
            strip_vowel_marks(&out),
            "بلغت الخسائر خمسة وثلاثين مليون دولار."
        );
        // A title vowelled without its case ending takes the model's (الدُّكْتُورُ).
        let out = d.diacritize("قَالَ الدُّكْتُور أحمد إن الوضع صعب.")?;
        assert!(out.contains("الدُّكْتُورُ"), "{out}");
        // A deliberately unusual reading survives too: the model does not overwrite it.
        let odd = "الْخَسائِرْ";
        let out = d.diacritize(&format!("بلغت {odd} كبيرة"))?;
        assert!(out.contains(odd), "{out}");
        Ok(())
    }
}
