//! Token-level extraction quality: precision, recall and F1 of an extracted text against gold.
//!
//! Tokenization (the same for both texts):
//! 1. split on Unicode whitespace;
//! 2. from each piece, remove every punctuation character: ASCII punctuation
//!    (`!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`), the General Punctuation block (U+2010–U+205E: dashes,
//!    curly quotes, ellipsis, …), Latin-1 punctuation (« » ¡ ¿ · ¬ ¦ §) and Arabic punctuation
//!    (، ؛ ؟ ٪ ٫ ٬ ۔ ﴾ ﴿ and the Arabic full stop U+06D4);
//! 3. lower-case; pieces left empty are dropped. Letters, digits and combining marks (Arabic
//!    diacritics) are kept as they are.
//!
//! The texts are compared as bags (multisets) of tokens: `common` = Σ over tokens of
//! min(count in extracted, count in gold); precision = common / |extracted|,
//! recall = common / |gold|, F1 = 2PR / (P + R). Two empty texts score 1; one empty text scores 0.

use std::collections::HashMap;

/// Precision, recall and F1 of one comparison, each in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Share of extracted tokens that are in the gold text.
    pub precision: f64,
    /// Share of gold tokens that were extracted.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// True for the punctuation characters removed by [`tokens`].
pub fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || ('\u{2010}'..='\u{205E}').contains(&c)
        || matches!(
            c,
            '«' | '»'
                | '¡'
                | '¿'
                | '·'
                | '¬'
                | '¦'
                | '§'
                | '،'
                | '؛'
                | '؟'
                | '٪'
                | '٫'
                | '٬'
                | '۔'
                | '﴾'
                | '﴿'
                | '\u{060D}'
                | '\u{066D}'
        )
}

/// The tokens of a text, as described in the module documentation.
pub fn tokens(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|piece| {
            piece
                .chars()
                .filter(|c| !is_punctuation(*c))
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|token| !token.is_empty())
        .collect()
}

/// The bag (token → count) of a text.
pub fn token_bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for token in tokens(text) {
        *bag.entry(token).or_insert(0) += 1;
    }
    bag
}

/// Share of the text's tokens found in the bag (each bag entry used at most its count);
/// 0 for a text without tokens.
pub fn containment(text: &str, bag: &HashMap<String, usize>) -> f64 {
    let own = token_bag(text);
    let total: usize = own.values().sum();
    if total == 0 {
        return 0.0;
    }
    let common: usize = own
        .iter()
        .map(|(token, count)| (*count).min(bag.get(token).copied().unwrap_or(0)))
        .sum();
    common as f64 / total as f64
}

/// Token-level precision, recall and F1 of `extracted` against `gold`.
pub fn token_f1(extracted: &str, gold: &str) -> Scores {
    let extracted_bag = token_bag(extracted);
    let gold_bag = token_bag(gold);
    let extracted_total: usize = extracted_bag.values().sum();
    let gold_total: usize = gold_bag.values().sum();
    if extracted_total == 0 && gold_total == 0 {
        return Scores {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    if extracted_total == 0 || gold_total == 0 {
        return Scores {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let common: usize = extracted_bag
        .iter()
        .map(|(token, count)| (*count).min(gold_bag.get(token).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / extracted_total as f64;
    let recall = common as f64 / gold_total as f64;
    let f1 = if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Scores {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_strip_punctuation_and_case() {
        assert_eq!(
            tokens("Hello, World! «مرحبا»، (كيف) الحال؟"),
            vec!["hello", "world", "مرحبا", "كيف", "الحال"]
        );
        assert_eq!(tokens(" -- … "), Vec::<String>::new());
        assert_eq!(tokens("ثمّن"), vec!["ثمّن"]);
    }

    #[test]
    fn identical_texts_score_one() {
        let s = token_f1("a b c", "a, b. c!");
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn partial_overlap_is_a_bag_comparison() {
        // extracted: a a b x (4 tokens), gold: a b b c (4 tokens); common = a:1 + b:1 = 2.
        let s = token_f1("a a b x", "a b b c");
        assert!((s.precision - 0.5).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        assert!((s.f1 - 0.5).abs() < 1e-9);
    }

    #[test]
    fn empty_texts() {
        assert_eq!(token_f1("", "").f1, 1.0);
        assert_eq!(token_f1("a", "").f1, 0.0);
        assert_eq!(token_f1("", "a").f1, 0.0);
        assert_eq!(token_f1("x", "y").f1, 0.0);
    }

    #[test]
    fn containment_counts_multiplicity() {
        let bag = token_bag("a b");
        assert_eq!(containment("a a", &bag), 0.5);
        assert_eq!(containment("", &bag), 0.0);
    }
}
