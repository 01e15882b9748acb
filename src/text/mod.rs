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
//! - **Agreement.** Gender comes from the counted noun (lexicon `nouns`), 1–2 agree,
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

pub(crate) mod abbreviations;
pub(crate) mod alphabet;
pub(crate) mod arabic_names;
pub(crate) mod dates;
pub(crate) mod diacritize;
pub(crate) mod frontend;
pub(crate) mod hijri;
pub(crate) mod latin;
pub(crate) mod lexicon;
pub(crate) mod lint;
pub(crate) mod normalize;
pub(crate) mod nouns;
pub(crate) mod numbers;
pub(crate) mod places;
pub(crate) mod sentences;
pub(crate) mod slot;
mod tashkeel_engine;
pub(crate) mod transliterate;
pub(crate) mod units;
pub(crate) mod verbalize;

pub use diacritize::{DiacritizeError, Diacritizer};
pub use frontend::{FrontEnd, FrontEndError, SpokenSentence};
pub use lexicon::{LexiconError, PronunciationLexicon};
pub use lint::{lint, SpeakabilityWarning, WarningKind};
pub use normalize::normalize;
pub use nouns::{NounLexicon, NounLexiconError};
pub use numbers::{
    cardinal, cardinal_with, ordinal, parse_cardinal_words, parse_cardinal_words_in, Case, Gender,
};
pub use sentences::{split_clauses, split_sentences, MAX_CLAUSE_CHARS};
pub use verbalize::Verbalizer;

/// Normalizes `text`, applies the user pronunciation lexicon, then reads it as an Arabic voice
/// gets it (as [`FrontEnd`] does): Latin names, numbers and symbols, then every Latin word left.
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
    frontend::arabic_text(verbalizer, &replaced, Verbalizer::verbalize)
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
    fn a_group_named_by_its_size_and_a_glued_era_after_a_word_of_time() {
        let verbalizer = Verbalizer::new();
        let cases = [
            ("بلغ دور الـ16", "بلغ دور الستة عشر"),
            ("قادة مجموعة الـ7", "قادة مجموعة السبع"),
            ("في قمة الـ20", "في قمة العشرين"),
            // A definite head ranks instead.
            ("في المركز الـ16", "في المركز السادس عشر"),
            ("توفي في 632م", "توفي في ستمئة واثنين وثلاثين للميلاد"),
            ("فاز في سباق 400م", "فاز في سباق أربعمئة متر"),
        ];
        for (input, expected) in cases {
            assert_eq!(to_spoken(&verbalizer, None, input), expected, "{input}");
        }
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

    /// Amounts as news writes them: plain, grouped, decimal, with currency symbols and codes,
    /// signs, phone numbers, Roman numerals, clock times and dates.
    fn amount_text() -> impl Strategy<Value = String> {
        let n = 0u64..=2_000_000_000;
        prop_oneof![
            n.clone().prop_map(|n| n.to_string()),
            n.clone().prop_map(|n| group_thousands(n, ',')),
            n.clone().prop_map(|n| group_thousands(n, '.')),
            (0u64..100_000, 0u64..1000).prop_map(|(a, b)| format!("{a}.{b}")),
            (0u64..100_000, 0u64..1000)
                .prop_map(|(a, b)| format!("{},{b:03}", group_thousands(a, '.'))),
            (
                prop::sample::select(vec![
                    "$", "€", "£", "¥", "USD ", "KWD ", "SAR ", "AED ", "EGP "
                ]),
                0u64..1_000_000,
                0u64..1000
            )
                .prop_map(|(symbol, a, b)| format!("{symbol}{a}.{b}")),
            (prop::sample::select(vec!["+", "-"]), 0u64..10_000)
                .prop_map(|(sign, a)| format!("{sign}{a}")),
            (1u64..999, 1u64..99, 100u64..9999).prop_map(|(a, b, c)| format!("+{a} {b} {c}")),
            (1u64..4000).prop_map(|n| format!("القرن {}", roman(n))),
            (0u64..30, 0u64..70).prop_map(|(h, m)| format!("{h}:{m:02}")),
            (1u64..40, 1u64..15, 1000u64..2200).prop_map(|(d, m, y)| format!("{d}/{m}/{y}")),
            (0u64..300, 0u64..300).prop_map(|(a, b)| format!("{a}-{b}")),
            (0u64..100).prop_map(|a| format!("{a}+")),
            (
                prop::sample::select(vec!["GMT", "UTC", "Disney", "C", "OPEC"]),
                prop::sample::select(vec!["+", "++", "-", ""]),
                0u64..15
            )
                .prop_map(|(name, sign, n)| format!("{name}{sign}{n}")),
        ]
    }

    /// A definite cardinal with its articles taken off (الأربع والعشرين → أربع وعشرين).
    fn without_articles(words: &str) -> String {
        words
            .split(' ')
            .map(|w| match w.strip_prefix("وال") {
                Some(rest) => format!("و{rest}"),
                None => w.strip_prefix("ال").unwrap_or(w).to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn group_thousands(n: u64, mark: char) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push(mark);
            }
            out.push(c);
        }
        out
    }

    fn roman(n: u64) -> String {
        super::latin::to_roman(n)
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
        fn no_digit_or_latin_letter_reaches_the_voice(
            before in prop::sample::select(vec!["", "في", "بلغت الخسائر", "سجل", "أكد أن", "قتل", "طائرة إيرباص", "الرقم", "اتصلوا على", "بتغريمه", "من"]),
            amount in amount_text(),
            after in prop::sample::select(vec!["", "شخصا", "سيارة", "ساعات", "دولار", "مليون دولار", "ألف", "%", "ر.س", "د.ك", "€", "كم", "م", "هـ", "مساء", "إلى 9 سنوات", "يونيو / حزيران 2020", "شيكل", "ين", "دينار كويتي", "ليرة لبنانية واحدة"]),
        ) {
            let text = format!("{before} {amount} {after}");
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            let symbol = |c: char| "+%$€£¥/=<>±÷~#@&*^|\\".contains(c);
            let leaked = spoken.chars().any(|c| c.is_ascii_alphanumeric() || symbol(c) || ('\u{0660}'..='\u{0669}').contains(&c));
            prop_assert!(!leaked, "{} → {}", text, spoken);
        }

        #[test]
        fn numbers_round_trip_with_the_case_of_their_slot(
            n in 3u64..=999_999_999,
            slot in prop::sample::select(vec![
                ("في", Case::Oblique),
                ("بعد", Case::Oblique),
                ("هطول", Case::Oblique),
                ("طائرة إيرباص", Case::Oblique),
                ("بلغت الخسائر", Case::Accusative),
                ("تجاوز", Case::Accusative),
                ("وسجلت", Case::Accusative),
                ("قتل الجيش", Case::Accusative),
                ("أكد أن", Case::Accusative),
                ("صورة", Case::Oblique),
                ("", Case::Nominative),
                ("قتل", Case::Nominative),
                ("عدد الضحايا", Case::Nominative),
            ]),
            noun in prop::sample::select(vec!["شخص", "دولة", "سيارات", "جنديا", "نقطة"]),
            thousands in any::<bool>(),
        ) {
            let (context, case) = slot;
            let (written, value) = if thousands && n < 1_000_000 {
                (format!("{n} ألف"), n * 1000)
            } else {
                (n.to_string(), n)
            };
            let text = format!("{context} {written} {noun}");
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            let words = spoken
                .strip_prefix(context)
                .and_then(|rest| rest.trim_end().rsplit_once(' '))
                .map(|(words, _counted_noun)| words.trim());
            prop_assert!(words.is_some(), "{} → {}", text, spoken);
            let words = words.unwrap_or_default();
            prop_assert_eq!(parse_cardinal_words_in(words, case), Some(value), "{} → {}", text, spoken);
        }

        #[test]
        fn a_definite_plural_is_counted_by_a_definite_cardinal_in_its_case(
            n in 3u64..=999_999,
            head in prop::sample::select(vec![
                ("خلال الساعات", Case::Oblique),
                ("في الأيام", Case::Oblique),
                ("بعد السنوات", Case::Oblique),
                ("اللاعبين", Case::Oblique),
                ("اللاعبون", Case::Nominative),
            ]),
        ) {
            let (context, case) = head;
            let text = format!("{context} الـ{n} الماضية");
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            let words = spoken
                .strip_prefix(context)
                .and_then(|rest| rest.strip_suffix("الماضية"))
                .map(str::trim);
            prop_assert!(words.is_some(), "{} → {}", text, spoken);
            let indefinite = without_articles(words.unwrap_or_default());
            prop_assert!(spoken.contains(" ال"), "{} → {}", text, spoken);
            prop_assert_eq!(parse_cardinal_words_in(&indefinite, case), Some(n), "{} → {}", text, spoken);
        }

        #[test]
        fn a_group_named_by_its_size_is_counted_by_a_definite_cardinal(
            n in 3u64..=999_999,
            head in prop::sample::select(vec!["دور", "مجموعة", "وقمة"]),
        ) {
            let text = format!("{head} الـ{n}");
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            let words = spoken.strip_prefix(head).map(str::trim);
            prop_assert!(words.is_some_and(|w| w.starts_with("ال")), "{} → {}", text, spoken);
            let indefinite = without_articles(words.unwrap_or_default());
            prop_assert_eq!(parse_cardinal_words_in(&indefinite, Case::Oblique), Some(n), "{} → {}", text, spoken);
        }

        #[test]
        fn arabic_text_without_numbers_passes_through(text in "[\u{0621}-\u{064A}]{1,8}( [\u{0621}-\u{064A}]{1,8}){0,8}") {
            // Only the line rewrites may change it: a random line can hold الخ or أ ف ب.
            let verbalizer = Verbalizer::new();
            prop_assert_eq!(verbalizer.verbalize(&text), abbreviations::expand(&text).into_owned());
        }

        #[test]
        fn any_text_is_handled_without_panicking(text in "\\PC{0,60}") {
            let spoken = to_spoken(&Verbalizer::new(), None, &text);
            let _ = lint(&spoken);
            let _ = split_sentences(&spoken);
        }
    }
}
