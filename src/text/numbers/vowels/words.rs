//! Vowelled forms of the words the verbalizer writes that are not numbers: month names of the
//! three calendars, currency and unit names with their adjectives, clock words, era words and
//! the particles of its readings. Each entry is written vowelled once; its plain form is the
//! same text without marks, so stripping the marks gives the plain word back by construction.
//!
//! Case endings are left to the grammar of [`super::vowel_phrase`] (the [`Ending`]), except for
//! forms whose ending is written (دُولَارًا، مَسَاءً). A word whose vowelling is not certain
//! (the Maghrebi month names) is not listed and reaches the model bare.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Ending;

/// How a word takes its case in a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A number word of the number grammar.
    Number,
    /// A noun: genitive after a number or a governing word, else the case of the phrase.
    Noun,
    /// An adjective: the case of the noun before it (دِينَارٍ كُوَيْتِيٍّ).
    Adjective,
    /// A particle or a word that governs the genitive after it and is itself fixed (فِي، ذِي).
    Particle,
}

/// Nouns: (vowelled stem, ending).
const NOUNS: &[(&str, Ending)] = &[
    // Gregorian months: foreign proper names, diptotes unless they end in a vowel.
    ("يَنَايِر", Ending::Diptote),
    ("فِبْرَايِر", Ending::Diptote),
    ("مَارِس", Ending::Diptote),
    ("أَبْرِيل", Ending::Diptote),
    ("إِبْرِيل", Ending::Diptote),
    ("مَايُو", Ending::Fixed),
    ("يُونْيُو", Ending::Fixed),
    ("يُولْيُو", Ending::Fixed),
    ("أَغُسْطُس", Ending::Diptote),
    ("سِبْتَمْبِر", Ending::Diptote),
    ("أُكْتُوبَر", Ending::Diptote),
    ("نُوفَمْبِر", Ending::Diptote),
    ("دِيسَمْبِر", Ending::Diptote),
    // Levantine months.
    ("كَانُون", Ending::Diptote),
    ("تِشْرِين", Ending::Diptote),
    ("شُبَاط", Ending::Diptote),
    ("آذَار", Ending::Diptote),
    ("نَيْسَان", Ending::Diptote),
    ("أَيَّار", Ending::Diptote),
    ("حَزِيرَان", Ending::Diptote),
    ("تَمُّوز", Ending::Diptote),
    ("أَيْلُول", Ending::Diptote),
    // Hijri months (صفر is told apart from zero by its place in a date).
    ("مُحَرَّم", Ending::Fixed),
    ("رَبِيع", Ending::Fixed),
    ("جُمَادَى", Ending::Fixed),
    ("رَجَب", Ending::Fixed),
    ("شَعْبَان", Ending::Diptote),
    ("رَمَضَان", Ending::Diptote),
    ("شَوَّال", Ending::Fixed),
    ("قَعْدَة", Ending::Triptote),
    ("حِجَّة", Ending::Triptote),
    ("آخِرَة", Ending::Triptote),
    ("آخِر", Ending::Triptote),
    // Eras and clock words.
    ("مِيلَاد", Ending::Triptote),
    ("هِجْرَة", Ending::Triptote),
    ("سَاعَة", Ending::Triptote),
    ("دَقِيقَة", Ending::Triptote),
    ("دَقِيقَتَانِ", Ending::Fixed),
    ("دَقَائِق", Ending::Diptote),
    // Currencies and their subunits.
    ("دُولَار", Ending::Triptote),
    ("دُولَارًا", Ending::Fixed),
    ("دُولَارَات", Ending::FemininePlural),
    ("دُولَارَانِ", Ending::Fixed),
    ("دُولَارَيْنِ", Ending::Fixed),
    ("يُورُو", Ending::Fixed),
    ("جُنَيْه", Ending::Triptote),
    ("جُنَيْهًا", Ending::Fixed),
    ("جُنَيْهَات", Ending::FemininePlural),
    ("جُنَيْهَانِ", Ending::Fixed),
    ("جُنَيْهَيْنِ", Ending::Fixed),
    ("دِرْهَم", Ending::Triptote),
    ("دِرْهَمًا", Ending::Fixed),
    ("دَرَاهِم", Ending::Diptote),
    ("دِرْهَمَانِ", Ending::Fixed),
    ("دِرْهَمَيْنِ", Ending::Fixed),
    ("رِيَال", Ending::Triptote),
    ("رِيَالًا", Ending::Fixed),
    ("رِيَالَات", Ending::FemininePlural),
    ("رِيَالَانِ", Ending::Fixed),
    ("رِيَالَيْنِ", Ending::Fixed),
    ("دِينَار", Ending::Triptote),
    ("دِينَارًا", Ending::Fixed),
    ("دَنَانِير", Ending::Diptote),
    ("دِينَارَانِ", Ending::Fixed),
    ("دِينَارَيْنِ", Ending::Fixed),
    ("لِيرَة", Ending::Triptote),
    ("لِيرَات", Ending::FemininePlural),
    ("لِيرَتَانِ", Ending::Fixed),
    ("لِيرَتَيْنِ", Ending::Fixed),
    ("رُوبْل", Ending::Triptote),
    ("رُوبْلًا", Ending::Fixed),
    ("رُوبْلَات", Ending::FemininePlural),
    ("رُوبْلَانِ", Ending::Fixed),
    ("رُوبْلَيْنِ", Ending::Fixed),
    ("شِيكَل", Ending::Triptote),
    ("شِيكَلًا", Ending::Fixed),
    ("شَوَاكِل", Ending::Diptote),
    ("شِيكَلَانِ", Ending::Fixed),
    ("شِيكَلَيْنِ", Ending::Fixed),
    ("يِن", Ending::Triptote),
    ("يِنًا", Ending::Fixed),
    ("يِنَات", Ending::FemininePlural),
    ("يِنَانِ", Ending::Fixed),
    ("يِنَيْنِ", Ending::Fixed),
    ("يُوَان", Ending::Triptote),
    ("يُوَانًا", Ending::Fixed),
    ("يُوَانَات", Ending::FemininePlural),
    ("يُوَانَانِ", Ending::Fixed),
    ("يُوَانَيْنِ", Ending::Fixed),
    ("فْرَنْك", Ending::Triptote),
    ("فْرَنْكًا", Ending::Fixed),
    ("فْرَنْكَات", Ending::FemininePlural),
    ("فْرَنْكَانِ", Ending::Fixed),
    ("فْرَنْكَيْنِ", Ending::Fixed),
    ("رُوبِيَّة", Ending::Triptote),
    ("رُوبِيَّات", Ending::FemininePlural),
    ("رُوبِيَّتَانِ", Ending::Fixed),
    ("رُوبِيَّتَيْنِ", Ending::Fixed),
    ("سِنْت", Ending::Triptote),
    ("سِنْتًا", Ending::Fixed),
    ("سِنْتَات", Ending::FemininePlural),
    ("فِلْس", Ending::Triptote),
    ("فِلْسًا", Ending::Fixed),
    ("فُلُوس", Ending::Triptote),
    ("قِرْش", Ending::Triptote),
    ("قِرْشًا", Ending::Fixed),
    ("قُرُوش", Ending::Triptote),
    ("هَلَلَة", Ending::Triptote),
    ("هَلَلَات", Ending::FemininePlural),
    // Units.
    ("كِيلُومِتْر", Ending::Triptote),
    ("كِيلُومِتْرًا", Ending::Fixed),
    ("كِيلُومِتْرَات", Ending::FemininePlural),
    ("كِيلُومِتْرَانِ", Ending::Fixed),
    ("كِيلُومِتْرَيْنِ", Ending::Fixed),
    ("مِتْر", Ending::Triptote),
    ("مِتْرًا", Ending::Fixed),
    ("أَمْتَار", Ending::Triptote),
    ("مِتْرَانِ", Ending::Fixed),
    ("مِتْرَيْنِ", Ending::Fixed),
    ("سَنْتِيمِتْر", Ending::Triptote),
    ("سَنْتِيمِتْرًا", Ending::Fixed),
    ("سَنْتِيمِتْرَات", Ending::FemininePlural),
    ("مِلِّيمِتْر", Ending::Triptote),
    ("مِلِّيمِتْرًا", Ending::Fixed),
    ("مِلِّيمِتْرَات", Ending::FemininePlural),
    ("كِيلُوغْرَام", Ending::Triptote),
    ("كِيلُوغْرَامًا", Ending::Fixed),
    ("كِيلُوغْرَامَات", Ending::FemininePlural),
    ("كِيلُوغْرَامَانِ", Ending::Fixed),
    ("كِيلُوغْرَامَيْنِ", Ending::Fixed),
    ("غِرَام", Ending::Triptote),
    ("غِرَامًا", Ending::Fixed),
    ("غِرَامَات", Ending::FemininePlural),
    ("لِتْر", Ending::Triptote),
    ("لِتْرًا", Ending::Fixed),
    ("لِتْرَات", Ending::FemininePlural),
    ("لِتْرَانِ", Ending::Fixed),
    ("لِتْرَيْنِ", Ending::Fixed),
    ("دَرَجَة", Ending::Triptote),
    ("دَرَجَات", Ending::FemininePlural),
    ("دَرَجَتَانِ", Ending::Fixed),
    ("دَرَجَتَيْنِ", Ending::Fixed),
];

/// Nisba adjectives of the currency and unit names, masculine singular with its shadda.
const NISBAS: &[&str] = &[
    "كُوَيْتِيّ",
    "أُرْدُنِيّ",
    "بَحْرَيْنِيّ",
    "عِرَاقِيّ",
    "تُونُسِيّ",
    "جَزَائِرِيّ",
    "لِيبِيّ",
    "مَغْرِبِيّ",
    "إِمَارَاتِيّ",
    "سُعُودِيّ",
    "قَطَرِيّ",
    "عُمَانِيّ",
    "مِصْرِيّ",
    "إِسْتِرْلِينِيّ",
    "لُبْنَانِيّ",
    "سُورِيّ",
    "تُرْكِيّ",
    "سُوَيْسْرِيّ",
    "مِئَوِيّ",
];

/// Other adjectives of the units: (form, ending).
const ADJECTIVES: &[(&str, Ending)] = &[
    ("مُرَبَّع", Ending::Triptote),
    ("مُرَبَّعَة", Ending::Triptote),
    ("مُرَبَّعًا", Ending::Fixed),
    ("مُرَبَّعَانِ", Ending::Fixed),
    ("مُرَبَّعَيْنِ", Ending::Fixed),
    ("مُكَعَّب", Ending::Triptote),
    ("مُكَعَّبَة", Ending::Triptote),
    ("مُكَعَّبًا", Ending::Fixed),
    ("مُكَعَّبَانِ", Ending::Fixed),
    ("مُكَعَّبَيْنِ", Ending::Fixed),
    // The dual "two others" (أصيب اثنان آخران).
    ("آخَرَانِ", Ending::Fixed),
    ("آخَرَيْنِ", Ending::Fixed),
    ("أُخْرَيَانِ", Ending::Fixed),
    ("أُخْرَيَيْنِ", Ending::Fixed),
];

/// Words written with their ending whatever the phrase (clock periods, particles, titles).
const FIXED: &[&str] = &[
    "صَبَاحًا",
    "مَسَاءً",
    "ظُهْرًا",
    "لَيْلًا",
    "عَصْرًا",
    "فَجْرًا",
    "إِلَّا",
    "رُبْعًا",
    "ثُلْثًا",
    "فِي",
    "إِلَى",
    "قَبْلَ",
    "ذِي",
    "زَائِد",
    "سَالِب",
    "مُقَابِلَ",
    // The عام written before the year of a date, an adverb of time (يَنَايِرَ عَامَ أَلْفَيْنِ).
    "عَامَ",
];

/// Plain word → (vowelled stem, ending, role), for every word above.
static WORDS: LazyLock<HashMap<String, (String, Ending, Role)>> = LazyLock::new(|| {
    let mut words = HashMap::new();
    let mut add = |vowelled: String, ending: Ending, role: Role| {
        words.insert(strip(&vowelled), (canonical(&vowelled), ending, role));
    };
    for &(stem, ending) in NOUNS {
        add(stem.to_string(), ending, Role::Noun);
    }
    for &fixed in FIXED {
        add(fixed.to_string(), Ending::Fixed, Role::Particle);
    }
    for &(form, ending) in ADJECTIVES {
        add(form.to_string(), ending, Role::Adjective);
    }
    for &nisba in NISBAS {
        for (form, ending) in nisba_forms(nisba) {
            add(form, ending, Role::Adjective);
        }
    }
    words
});

/// The forms of a nisba adjective: singular and feminine (taking the case), the written
/// accusative and the four duals (كُوَيْتِيّ، كُوَيْتِيَّة، كُوَيْتِيًّا، كُوَيْتِيَّانِ…).
fn nisba_forms(masculine: &str) -> Vec<(String, Ending)> {
    [
        ("", Ending::Triptote),
        ("\u{064E}ة", Ending::Triptote),
        ("\u{064B}ا", Ending::Fixed),
        ("\u{064E}انِ", Ending::Fixed),
        ("\u{064E}يْنِ", Ending::Fixed),
        ("\u{064E}تَانِ", Ending::Fixed),
        ("\u{064E}تَيْنِ", Ending::Fixed),
    ]
    .into_iter()
    .map(|(suffix, ending)| (format!("{masculine}{suffix}"), ending))
    .collect()
}

/// The marks on each letter in canonical (NFC) order: by code point, which for these eight
/// marks is their combining class (the short vowel before the shadda).
pub(super) fn canonical(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut marks: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_mark(c) {
            marks.push(c);
            continue;
        }
        marks.sort_unstable();
        out.extend(marks.drain(..));
        out.push(c);
    }
    marks.sort_unstable();
    out.extend(marks);
    out
}

fn is_mark(c: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&c)
}

fn strip(text: &str) -> String {
    text.chars().filter(|c| !is_mark(*c)).collect()
}

/// The vowelled stem, ending and role of a plain word the verbalizer writes besides numbers.
pub(super) fn lookup(plain: &str) -> Option<(&'static str, Ending, Role)> {
    let words: &'static HashMap<String, (String, Ending, Role)> = &WORDS;
    words
        .get(plain)
        .map(|(vowelled, ending, role)| (vowelled.as_str(), *ending, *role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plain_form_is_its_vowelled_form_stripped() {
        for (plain, (vowelled, _, _)) in WORDS.iter() {
            assert_eq!(&strip(vowelled), plain);
            assert!(vowelled.chars().any(is_mark));
            assert_eq!(&canonical(vowelled), vowelled);
        }
        assert_eq!(
            lookup("كويتيان").map(|w| w.0.to_string()),
            Some(canonical("كُوَيْتِيَّانِ"))
        );
        assert_eq!(lookup("مئوية").map(|w| w.2), Some(Role::Adjective));
    }
}
