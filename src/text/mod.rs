//! Arabic text front end: normalization, verbalization of numbers and symbols,
//! the user pronunciation lexicon, the speakability lint and sentence splitting.
//!
//! # Reading conventions (broadcast MSA)
//! - **Case.** Cardinals are read in the nominative (اثنان، عشرون) when bare or subject-like,
//!   and in the oblique form (اثنين، عشرين) after a preposition or genitive governor
//!   (في، من، عن، بعد، خلال، منذ، نحو، حوالي، بين، بنسبة…), after a glued ب/ل/ك, and for a
//!   number joined by و to a preceding oblique number (بين 2020 و2022).
//!   An indefinite noun in ة right before a number (بأغلبية، قادة) also governs the genitive.
//!   Years, dates, ordinals and match scores are always read in the oblique form
//!   (عام ألفين وواحد وعشرين، القرن الحادي والعشرين، اثنين مقابل واحد), as anchors say them.
//! - **Agreement.** Gender comes from the counted noun (lexicon [`nouns`]), 1–2 agree,
//!   3–10 take the opposite gender, 200/2000 take construct forms before a noun (مئتا شخص،
//!   ألفا جندي). The noun written in the text is kept; "1 X" becomes "X واحد" and "2 X" the dual.
//! - **Scaled decimals.** x.5 / x.25 / x.75 before مليون/مليار use the broadcast form
//!   "مليار ونصف المليار"; other decimals are read with فاصلة (اثنان فاصلة ثلاثة مليار).
//! - **Percent** is read "بالمئة"; hundreds are spelled مئة; years after a month name or in a
//!   full date are introduced with "عام"; م after a year (or after 1000–2100) is "للميلاد",
//!   after a clock hour "مساء", otherwise "متر"; هـ is "للهجرة", ق.م "قبل الميلاد".
//! - **Digit strings** with a leading zero, after رقم/هاتف/الرمز (4+ digits) or after "+"
//!   (8+ digits) are read digit by digit; anything no rule understands is read digit by digit
//!   too, so no digit ever reaches the voice.
//! - **Times** are read as feminine ordinals (الثامنة والنصف، الرابعة عشرة); "الساعة" is added
//!   when the text does not have it.
//! - **Scores** a-b (after نتيجة/فاز/تعادل… or both ≤ 20 with no counted noun) are read
//!   "a مقابل b"; other pairs are ranges "من a إلى b".

pub mod dates;
pub mod diacritize;
pub mod frontend;
pub mod hijri;
pub mod latin;
pub mod lexicon;
pub mod lint;
pub mod normalize;
pub mod nouns;
pub mod numbers;
pub mod sentences;
mod tashkeel_engine;
pub mod units;
pub mod verbalize;

pub use diacritize::{DiacritizeError, Diacritizer};
pub use frontend::{FrontEnd, FrontEndError, SpokenSentence};
pub use lexicon::{LexiconError, PronunciationLexicon};
pub use lint::{lint, SpeakabilityWarning, WarningKind};
pub use normalize::normalize;
pub use nouns::{NounLexicon, NounLexiconError};
pub use numbers::{cardinal, cardinal_with, ordinal, parse_cardinal_words, Case, Gender};
pub use sentences::{split_clauses, split_sentences};
pub use verbalize::Verbalizer;

/// Normalizes `text`, applies the user pronunciation lexicon, then verbalizes it.
pub fn to_spoken(
    verbalizer: &Verbalizer,
    lexicon: Option<&PronunciationLexicon>,
    text: &str,
) -> String {
    let normalized = normalize(text);
    let replaced = match lexicon {
        Some(lexicon) => lexicon.apply(&normalized),
        None => normalized,
    };
    verbalizer.verbalize(&replaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CASES: &str = include_str!("testdata/cases.tsv");

    #[test]
    fn table_driven_cases() {
        let verbalizer = Verbalizer::new();
        let mut total = 0;
        let mut failures = Vec::new();
        for (number, line) in CASES.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').collect();
            assert!(
                columns.len() >= 3,
                "cases.tsv line {} needs 3 columns",
                number + 1
            );
            total += 1;
            let spoken = to_spoken(&verbalizer, None, columns[0]);
            if spoken != columns[1] {
                failures.push(format!(
                    "line {} [{}]\n   input: {}\n  wanted: {}\n     got: {}",
                    number + 1,
                    columns[2],
                    columns[0],
                    columns[1],
                    spoken
                ));
            }
        }
        for failure in &failures {
            println!("{failure}");
        }
        println!("{} of {total} cases pass", total - failures.len());
        assert!(total >= 250, "only {total} cases");
        assert!(
            failures.is_empty(),
            "{} of {total} cases fail",
            failures.len()
        );
    }

    #[test]
    fn lexicon_is_applied_before_verbalizing() {
        let lexicon = PronunciationLexicon::from_tsv("ترمب\tترامب\n").unwrap();
        let spoken = to_spoken(
            &Verbalizer::new(),
            Some(&lexicon),
            "قال ترمب إن 3 جنود قتلوا",
        );
        assert_eq!(spoken, "قال ترامب إن ثلاثة جنود قتلوا");
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn cardinal_round_trips(n in 0u64..=1_000_000_000) {
            prop_assert_eq!(parse_cardinal_words(&cardinal(n)), Some(n));
        }

        #[test]
        fn verbalized_numbers_have_no_digits(
            n in 0u64..=1_000_000_000_000,
            before in prop::sample::select(vec!["", "في", "قتل", "عام", "القرن", "نحو", "بلغ"]),
            after in prop::sample::select(vec!["", "شخصا", "دولار", "ساعات", "يونيو", "%", "مليار", "كم", "م"]),
        ) {
            let text = format!("{before} {n} {after}");
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            prop_assert!(!spoken.chars().any(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c)), "{}", spoken);
        }

        #[test]
        fn arabic_text_without_numbers_passes_through(text in "[\u{0621}-\u{064A}]{1,8}( [\u{0621}-\u{064A}]{1,8}){0,8}") {
            let verbalizer = Verbalizer::new();
            prop_assert_eq!(verbalizer.verbalize(&text), text.clone());
        }

        #[test]
        fn any_text_is_handled_without_panicking(text in "\\PC{0,60}") {
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            let _ = lint(&spoken);
            let _ = split_sentences(&spoken);
        }
    }
}
