//! Lexicon of counted nouns (singular, plurals, dual, gender) used for numeral agreement.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::numbers::{Case, Gender};

const BUILTIN_NOUNS: &str = include_str!("nouns.tsv");
/// Largest user noun file accepted, in bytes.
pub const MAX_NOUN_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Errors loading a noun lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum NounLexiconError {
    /// The file could not be read.
    #[error("cannot read noun lexicon {path}: {source}")]
    Io {
        /// File path.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is larger than `MAX_NOUN_FILE_BYTES`.
    #[error("noun lexicon {path} is larger than {MAX_NOUN_FILE_BYTES} bytes")]
    TooLarge {
        /// File path.
        path: PathBuf,
    },
    /// A line does not have the expected columns.
    #[error("noun lexicon line {line}: {message}")]
    Parse {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One counted noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounEntry {
    /// Singular form (شخص).
    pub singular: String,
    /// Plural forms, the first being the preferred one (أشخاص).
    pub plurals: Vec<String>,
    /// Nominative dual (شخصان).
    pub dual: String,
    /// Grammatical gender of the singular.
    pub gender: Gender,
}

impl NounEntry {
    /// Indefinite accusative singular as written without vowel marks (شخصا، ساعة، مستشفى).
    pub fn accusative(&self) -> String {
        accusative_of(&self.singular)
    }

    /// Dual in the given case (شخصان / شخصين).
    pub fn dual_in(&self, case: Case) -> String {
        match case {
            Case::Nominative => self.dual.clone(),
            Case::Accusative | Case::Oblique => oblique_dual(&self.dual),
        }
    }

    /// Preferred plural, or the singular for invariable nouns.
    pub fn plural(&self) -> &str {
        self.plurals
            .first()
            .map_or(self.singular.as_str(), String::as_str)
    }

    /// The noun form a cardinal `count` takes after it: plural after 3–10,
    /// accusative singular after 11–99, genitive singular after 100, 1000…
    pub fn form_after(&self, count: u64) -> String {
        match count % 100 {
            3..=10 => self.plural().to_string(),
            11..=99 => self.accusative(),
            _ => self.singular.clone(),
        }
    }

    /// The whole counted phrase: "دولار واحد"، "دولاران"، "خمسة دولارات"، "مئة دولار";
    /// one in the accusative writes both alifs (دولارا واحدا، دينارا كويتيا واحدا).
    pub fn counted_phrase(&self, count: u64, case: Case) -> String {
        match count {
            1 if case == Case::Accusative => {
                with_one_before_rate(&self.accusative(), one_in(self.gender, case))
            }
            1 => with_one_before_rate(&self.singular, one_in(self.gender, case)),
            // An invariable unit has no dual of its own: اثنان ميغاواط.
            2 if self.dual == self.singular => {
                let two = super::numbers::cardinal_with(2, self.gender, case, false);
                format!("{two} {}", self.singular)
            }
            2 => self.dual_in(case),
            _ => format!(
                "{} {}",
                super::numbers::cardinal_with(count, self.gender, case, true),
                self.form_after(count)
            ),
        }
    }
}

/// `noun` followed by "one", which describes the noun, not the time of a rate: كيلومتر
/// واحد في الساعة، غيغابت واحد في الثانية.
fn with_one_before_rate(noun: &str, one: &str) -> String {
    match noun.split_once(" في ") {
        Some((unit, per)) => format!("{unit} {one} في {per}"),
        None => format!("{noun} {one}"),
    }
}

/// The adjective "one" after its noun, in the noun's case: واحد، واحدا، واحدة.
pub fn one_in(gender: Gender, case: Case) -> &'static str {
    match (gender, case) {
        (Gender::Masculine, Case::Accusative) => "واحدا",
        (Gender::Masculine, _) => "واحد",
        (Gender::Feminine, _) => "واحدة",
    }
}

/// A nisba adjective after a counted noun of `gender` (كويتي، لبنانية، كويتيا): at least
/// three letters before its ي or ية, and no article or proclitic.
pub fn is_nisba_adjective(word: &str, gender: Gender) -> bool {
    let stem = match gender {
        Gender::Masculine => word
            .strip_suffix("يا")
            .or_else(|| word.strip_suffix('ي'))
            .filter(|stem| !stem.ends_with('ي')),
        Gender::Feminine => word.strip_suffix("ية"),
    };
    // Adverbs of frequency look like nisbas but stay as written (دولار شهريا، دولارين يوميا),
    // and so do a few verbs.
    let not_function_word = ![
        "الذي",
        "التي",
        "لكي",
        "كي",
        "أي",
        "حتى",
        "يوميا",
        "شهريا",
        "سنويا",
        "أسبوعيا",
        "حاليا",
        "تقريبا",
        "فعليا",
        "رسميا",
        "مبدئيا",
        // Verbs ending in ي (1 دولار يساوي 3.67 درهم).
        "يساوي",
        "تساوي",
        "يوازي",
        "توازي",
        "يعني",
        "تعني",
        "يكفي",
        "تكفي",
        "يجري",
        "تجري",
        "يأتي",
        "تأتي",
        "يحتوي",
        "يشتري",
        "ينتهي",
        "تنتهي",
    ]
    .contains(&word);
    // A feminine stem may have two letters (ودية، جوية); a masculine one that short is a
    // particle (كي، أي).
    let shortest = match gender {
        Gender::Masculine => 3,
        Gender::Feminine => 2,
    };
    stem.is_some_and(|stem| stem.chars().count() >= shortest && !stem.starts_with("ال"))
        && not_function_word
}

/// A descriptive adjective of a participle or فعيل pattern after a counted noun of
/// `gender`: مُفعَل and its kin (مسلح، منفصل، مفخخة، متتالية), فاعل (حاسمة، سابق) and فعيل
/// (جديد، نظيف). Feminine nouns take it with ة, masculine ones without; words of these
/// shapes that are prepositions, adverbs or nouns of action (داخل، مقابل، مداهمة) are not
/// taken, nor, for a masculine فاعل or فعيل, words that open with a verb prefix or a proclitic.
pub fn is_pattern_adjective(word: &str, gender: Gender) -> bool {
    let stem = match gender {
        Gender::Feminine => word.strip_suffix('ة'),
        Gender::Masculine => (!word.ends_with(['ة', 'ا', 'ى', 'ي', 'ء'])).then_some(word),
    };
    let Some(stem) = stem else {
        return false;
    };
    if is_doubled_participle(stem, gender) {
        return true;
    }
    let letters: Vec<char> = stem.chars().collect();
    // A فعيل of a root ending in ن (ثمين، حزين) is not a plural in ين.
    let faeel_in_noon = letters.len() == 4 && stem.ends_with("ين");
    let plural_or_dual =
        ["ين", "ون", "ان", "ات"].iter().any(|s| stem.ends_with(s)) && !faeel_in_noon;
    if plural_or_dual
        || letters.len() < 4
        || !letters
            .iter()
            .all(|&c| super::alphabet::is_arabic_letter(c))
        || NOT_PATTERN_ADJECTIVES.contains(&word)
    {
        return false;
    }
    // A noun with a plural pronoun on it is no adjective (مصرعهم، مقرهن).
    let owned = ["هم", "هن", "كم"]
        .iter()
        .any(|p| stem.strip_suffix(p).is_some_and(|s| s.chars().count() >= 4));
    let prefixed = letters[0] == 'م' && letters.len() <= 6 && !owned;
    let action_noun = gender == Gender::Feminine && is_mufaala_noun(word);
    // No verb ends in ة: only a masculine word may be a verb of the present (يريد).
    let plain_opening = gender == Gender::Feminine || !"يتأإاآوفل".contains(letters[0]);
    let active = letters.len() == 4 && letters[1] == 'ا' && plain_opening;
    let faeel = letters.len() == 4 && letters[2] == 'ي' && plain_opening;
    (prefixed && !action_noun) || active || faeel
}

/// Masculine participles of doubled roots (مُسِنّ، مُهِمّ), whose shadda is not written: three
/// letters as many nouns are (مجد، مصر), so they are listed.
const DOUBLED_PARTICIPLES: &[&str] = &["مسن", "مهم", "ملح", "مضر", "مخل"];

/// A participle of a doubled root (سيدة مسنة، قضية مهمة، رجل مسن): for a feminine, م and two
/// letters, neither a long vowel, before its ة; a masculine one from the list.
fn is_doubled_participle(stem: &str, gender: Gender) -> bool {
    match gender {
        Gender::Feminine => stem
            .strip_prefix('م')
            .is_some_and(|root| root.chars().count() == 2 && !root.contains(['ا', 'و', 'ي', 'ى'])),
        Gender::Masculine => DOUBLED_PARTICIPLES.contains(&stem),
    }
}

/// The feminine colours (بطاقة صفراء، منطقة خضراء): adjectives of the فعلاء form, whose
/// dual is in او (صفراوان).
const FEMININE_COLOURS: &[&str] = &[
    "حمراء",
    "صفراء",
    "خضراء",
    "زرقاء",
    "بيضاء",
    "سوداء",
    "سمراء",
    "شقراء",
];

/// Whether `word` is a feminine colour (صفراء), an adjective though it ends in no ة.
pub fn is_feminine_colour(word: &str) -> bool {
    FEMININE_COLOURS.contains(&word)
}

/// A feminine noun of action of the مُفاعَلة form (مداهمة، مشاركة، مواجهة), as often a noun
/// as an adjective; مقاتلة, a fighter plane, describes the noun before it.
pub fn is_mufaala_noun(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    letters.len() == 6
        && letters[0] == 'م'
        && letters[2] == 'ا'
        && letters[5] == 'ة'
        && word != "مقاتلة"
}

/// Words of an adjective's shape that do not describe the noun before them.
const NOT_PATTERN_ADJECTIVES: &[&str] = &[
    "مقابل",
    "معظم",
    "مليون",
    "مليار",
    "مقارنة",
    "داخل",
    "خارج",
    "جانب",
    "قبيل",
    "حوالي",
    "جميع",
    "مساء",
    "مجموع",
    "موعد",
    "مكان",
    "واحد",
    "واحدة",
    // Prepositions with their pronoun (40 شخصا منهم 12 طفلا).
    "منهم",
    "منهن",
    "معهم",
    "معهن",
    "منكم",
];

/// A nisba adjective in the form it takes after `count` of a non-human noun: feminine
/// singular after a plural (دنانير كويتية), accusative after 11–99 (دينارا كويتيا), dual
/// after two in `case` (دينارين كويتيين، ليرتين لبنانيتين).
pub fn nisba_after(word: &str, count: u64, gender: Gender, case: Case) -> String {
    let masculine = word.strip_suffix('ا').unwrap_or(word);
    let dual_ending = if case == Case::Nominative {
        "ان"
    } else {
        "ين"
    };
    if is_feminine_colour(word) {
        return colour_after(word, count, dual_ending);
    }
    let base = match gender {
        Gender::Masculine => masculine.to_string(),
        Gender::Feminine => word.strip_suffix('ة').unwrap_or(word).to_string(),
    };
    match (count, count % 100, gender) {
        (2, _, Gender::Masculine) => format!("{base}{dual_ending}"),
        (2, _, Gender::Feminine) => format!("{base}ت{dual_ending}"),
        (1, _, Gender::Masculine) if case == Case::Accusative => format!("{base}ا"),
        (1, _, Gender::Masculine) => base,
        (_, 3..=10, _) => format!("{base}ة"),
        (_, 11..=99, Gender::Masculine) => format!("{base}ا"),
        (_, _, Gender::Masculine) => base,
        (_, _, Gender::Feminine) => format!("{base}ة"),
    }
}

/// A feminine colour after `count`: its dual in او with `dual_ending` (بطاقتين صفراوين),
/// else as written.
fn colour_after(word: &str, count: u64, dual_ending: &str) -> String {
    match (count, word.strip_suffix('ء')) {
        (2, Some(stem)) => format!("{stem}و{dual_ending}"),
        _ => word.to_string(),
    }
}

/// Accusative singular spelling: adds the tanween alif unless the word ends in ة، ى، ا or اء
/// (each word of a noun with its adjective: جنيها إسترلينيا), up to a phrase the noun is in
/// construct with or a rate (كيلوواط ساعة، كيلومترا في الساعة).
pub fn accusative_of(phrase: &str) -> String {
    let mut inflect = true;
    let mut words = Vec::new();
    let all: Vec<&str> = phrase.split(' ').collect();
    for (k, &word) in all.iter().enumerate() {
        // A unit before ساعة is in construct with it (كيلوواط ساعة), and so is the rest.
        if word == "في" || word.starts_with("ال") || all.get(k + 1) == Some(&"ساعة") {
            inflect = false;
        }
        words.push(if inflect {
            accusative_word(word)
        } else {
            word.to_string()
        });
    }
    words.join(" ")
}

fn accusative_word(word: &str) -> String {
    let invariable = ["يورو", "كيلو", "ميلي"];
    // A final و is a loanword's vowel (راديو، بيانو), except in a short native noun whose و is
    // a consonant (عضوا، غزوا، نموا).
    let final_vowel_waw = word.ends_with('و') && word.chars().count() > 3;
    // Units of data and frequency keep their loanword form (ستة وخمسين غيغابايت).
    let data_unit = ["بايت", "بت", "هرتز"]
        .iter()
        .any(|unit| word.ends_with(unit));
    if word.ends_with('ة')
        || data_unit
        || word.ends_with('ى')
        || word.ends_with('ا')
        || word.ends_with("اء")
        || final_vowel_waw
        || invariable.contains(&word)
    {
        word.to_string()
    } else {
        format!("{word}ا")
    }
}

fn default_dual(singular: &str) -> String {
    match singular.strip_suffix('ة') {
        Some(stem) => format!("{stem}تان"),
        None => match singular.strip_suffix('ى') {
            Some(stem) => format!("{stem}يان"),
            None => format!("{singular}ان"),
        },
    }
}

fn oblique_dual(dual: &str) -> String {
    dual.split(' ')
        .map(|word| match word.strip_suffix("ان") {
            Some(stem) => format!("{stem}ين"),
            None => word.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Counted-noun lexicon: every written form maps to its entry.
#[derive(Debug, Clone, Default)]
pub struct NounLexicon {
    entries: Vec<NounEntry>,
    by_form: HashMap<String, usize>,
    by_plural: HashMap<String, usize>,
    singulars: std::collections::HashSet<String>,
}

impl NounLexicon {
    /// The built-in lexicon of nouns news counts.
    pub fn builtin() -> Self {
        let mut lexicon = Self::default();
        // The embedded file is part of the build and covered by tests.
        if let Ok(entries) = parse_nouns(BUILTIN_NOUNS) {
            lexicon.extend(entries);
        }
        lexicon
    }

    /// Parses TSV text and adds (or overrides) its entries.
    pub fn merge_tsv(&mut self, text: &str) -> Result<usize, NounLexiconError> {
        let entries = parse_nouns(text)?;
        let count = entries.len();
        self.extend(entries);
        Ok(count)
    }

    /// Loads a user TSV file (singular, plurals, gender, optional dual) and merges it.
    pub fn merge_file(&mut self, path: &Path) -> Result<usize, NounLexiconError> {
        let size = std::fs::metadata(path)
            .map_err(|source| NounLexiconError::Io {
                path: path.to_path_buf(),
                source,
            })?
            .len();
        if size > MAX_NOUN_FILE_BYTES {
            return Err(NounLexiconError::TooLarge {
                path: path.to_path_buf(),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|source| NounLexiconError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.merge_tsv(&text)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finds the entry of any written form (singular, accusative, plural, dual).
    pub fn lookup(&self, word: &str) -> Option<&NounEntry> {
        self.by_form.get(word).and_then(|&i| self.entries.get(i))
    }

    /// The entry a count of three to ten reads `word` as, which it writes in the plural: a
    /// noun whose plural it is before one it is the singular of (3 مزارع are farms, مزرعة,
    /// not farmers).
    pub fn lookup_plural_first(&self, word: &str) -> Option<&NounEntry> {
        self.by_plural
            .get(word)
            .and_then(|&i| self.entries.get(i))
            .or_else(|| self.lookup(word))
    }

    /// Gender of a word: from the lexicon, else guessed from its ending (ة/ات → feminine).
    pub fn gender_of(&self, word: &str) -> Gender {
        match self.lookup(word) {
            Some(entry) => entry.gender,
            None => guessed_gender(word),
        }
    }

    /// Adds entries; a later entry overrides an earlier one, and a singular form is never
    /// shadowed by another noun's plural or dual (عقد stays the decade, not a plural).
    fn extend(&mut self, entries: Vec<NounEntry>) {
        for entry in entries {
            let index = self.entries.len();
            let singular = entry.singular.clone();
            let mut forms = vec![
                entry.accusative(),
                entry.dual.clone(),
                oblique_dual(&entry.dual),
            ];
            forms.extend(entry.plurals.iter().cloned());
            for plural in &entry.plurals {
                self.by_plural.insert(plural.clone(), index);
            }
            self.entries.push(entry);
            for form in forms {
                if !self.singulars.contains(&form) {
                    self.by_form.insert(form, index);
                }
            }
            self.by_form.insert(singular.clone(), index);
            self.singulars.insert(singular);
        }
    }
}

/// Gender of a noun the lexicon does not know, from its shape: ة is feminine, and so is a
/// plural in -ات unless its stem is a masculine verbal noun of a derived verb (تعديلات،
/// تطورات، اتصالات، امتحانات، استثمارات، إجراءات) or a loanword in -و (سيناريوهات).
fn guessed_gender(word: &str) -> Gender {
    let masculine_plural = word
        .strip_suffix("ات")
        .is_some_and(|stem| is_derived_verbal_noun(stem) || stem.ends_with("وه"));
    if word.ends_with('ة') || (word.ends_with("ات") && !masculine_plural) || is_faail_plural(word)
    {
        Gender::Feminine
    } else {
        Gender::Masculine
    }
}

/// The broken plural فعائل (ضرائب، ودائع، خسائر، طوائف), whose singulars are feminine
/// (فعيلة، فعالة، فاعلة) but for a few in فعيل the lexicon lists (بدائل، فصائل).
fn is_faail_plural(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    letters.len() == 5 && letters[2] == 'ا' && letters[3] == 'ئ'
}

/// A plural's stem that is a masculine verbal noun: one [`is_verbal_noun`] knows, except
/// فعول (its four letters are also the stem of خطوات، دعوات) and a six-letter استفعال (the
/// hollow استقالة، استراحة, in ة); or تفعّل (تطور، توقع) and تفاعل (تعادل، تحالف), not
/// ending in a vowel or hamza (توصية، تهنئة).
fn is_derived_verbal_noun(stem: &str) -> bool {
    let letters: Vec<char> = stem.chars().collect();
    let hollow_istifal = letters.len() == 6 && stem.starts_with("است");
    let sound_end = !stem.ends_with(['ي', 'ى', 'ئ', 'ء']);
    let tafaul = letters.len() == 4 && stem.starts_with('ت') && sound_end && !stem.contains('ا');
    let tafaal = letters.len() == 5 && stem.starts_with('ت') && letters[2] == 'ا' && sound_end;
    (letters.len() != 4 && !hollow_istifal && is_verbal_noun(stem)) || tafaul || tafaal
}

/// A verbal noun by its pattern: تفعيل (تغريم)، إفعال (إطلاق)، افتعال (اعتقال)، انفعال،
/// استفعال، فعول (هطول).
pub(crate) fn is_verbal_noun(stem: &str) -> bool {
    let letters: Vec<char> = stem.chars().collect();
    let at = |k: usize| letters.get(k).copied();
    match letters.len() {
        4 => at(2) == Some('و'),
        5 => {
            (at(0) == Some('ت') && at(3) == Some('ي'))
                || (matches!(at(0), Some('إ' | 'ا')) && at(3) == Some('ا'))
        }
        6 => {
            at(0) == Some('ا')
                && at(4) == Some('ا')
                && (matches!(at(2), Some('ت' | 'ط' | 'د')) || at(1) == Some('ن'))
        }
        7 => stem.starts_with("است") && at(5) == Some('ا'),
        _ => false,
    }
}

fn parse_nouns(text: &str) -> Result<Vec<NounEntry>, NounLexiconError> {
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        entries.push(parse_line(line, number + 1)?);
    }
    Ok(entries)
}

fn parse_line(line: &str, number: usize) -> Result<NounEntry, NounLexiconError> {
    let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
    let error = |message: &str| NounLexiconError::Parse {
        line: number,
        message: message.to_string(),
    };
    if columns.len() < 3 {
        return Err(error("expected singular<TAB>plurals<TAB>gender[<TAB>dual]"));
    }
    let singular = columns[0].to_string();
    if singular.is_empty() {
        return Err(error("empty singular"));
    }
    let plurals = columns[1]
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "-")
        .map(str::to_string)
        .collect();
    let gender = match columns[2] {
        "m" | "M" => Gender::Masculine,
        "f" | "F" => Gender::Feminine,
        _ => return Err(error("gender must be m or f")),
    };
    let dual = match columns.get(3) {
        Some(d) if !d.is_empty() && *d != "-" => d.to_string(),
        _ => default_dual(&singular),
    };
    Ok(NounEntry {
        singular,
        plurals,
        dual,
        gender,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_several_hundred_entries() {
        assert!(parse_nouns(BUILTIN_NOUNS).is_ok());
        assert!(NounLexicon::builtin().len() >= 300);
    }

    #[test]
    fn finds_gender_from_plural() {
        let lexicon = NounLexicon::builtin();
        assert_eq!(lexicon.gender_of("ساعات"), Gender::Feminine);
        assert_eq!(lexicon.gender_of("جنود"), Gender::Masculine);
        assert_eq!(lexicon.gender_of("شخصا"), Gender::Masculine);
        assert_eq!(lexicon.gender_of("مستشفيات"), Gender::Masculine);
        assert_eq!(lexicon.gender_of("أسرة"), Gender::Feminine);
        assert_eq!(lexicon.gender_of("عقد"), Gender::Masculine);
    }

    #[test]
    fn guesses_the_gender_of_unknown_plurals_from_their_shape() {
        let masculine = [
            "تعديلات",
            "تحقيقات",
            "تطلعات",
            "تطورات",
            "توقعات",
            "اتصالات",
            "امتحانات",
            "اغتيالات",
            "استثمارات",
            "إجراءات",
            "سيناريوهات",
            "تعادلات",
            "تحالفات",
            "تفاهمات",
        ];
        let feminine = [
            "إصابات",
            "استقالات",
            "استراحات",
            "توصيات",
            "تهنئات",
            "مبادرات",
            "حالات",
            "منظمة",
            "ضرائب",
            "طوائف",
        ];
        for word in masculine {
            assert_eq!(guessed_gender(word), Gender::Masculine, "{word}");
        }
        for word in feminine {
            assert_eq!(guessed_gender(word), Gender::Feminine, "{word}");
        }
    }

    #[test]
    fn builds_counted_phrases() {
        let lexicon = NounLexicon::builtin();
        let dollar = lexicon.lookup("دولار").unwrap();
        assert_eq!(dollar.counted_phrase(5, Case::Nominative), "خمسة دولارات");
        assert_eq!(
            dollar.counted_phrase(15, Case::Nominative),
            "خمسة عشر دولارا"
        );
        assert_eq!(dollar.counted_phrase(100, Case::Nominative), "مئة دولار");
        assert_eq!(dollar.counted_phrase(2, Case::Oblique), "دولارين");
        assert_eq!(dollar.counted_phrase(1, Case::Oblique), "دولار واحد");
        assert_eq!(dollar.counted_phrase(1, Case::Accusative), "دولارا واحدا");
    }

    #[test]
    fn feminine_colours_take_their_dual_in_waw() {
        assert!(is_feminine_colour("صفراء"));
        assert!(!is_feminine_colour("علماء"));
        assert_eq!(
            nisba_after("صفراء", 2, Gender::Feminine, Case::Oblique),
            "صفراوين"
        );
        assert_eq!(
            nisba_after("خضراء", 2, Gender::Feminine, Case::Nominative),
            "خضراوان"
        );
        assert_eq!(
            nisba_after("حمراء", 5, Gender::Feminine, Case::Nominative),
            "حمراء"
        );
    }

    #[test]
    fn nisba_adjectives_agree_with_the_count() {
        assert!(is_nisba_adjective("كويتي", Gender::Masculine));
        assert!(is_nisba_adjective("لبنانية", Gender::Feminine));
        assert!(!is_nisba_adjective("في", Gender::Masculine));
        assert!(!is_nisba_adjective("الذي", Gender::Masculine));
        assert!(!is_nisba_adjective("شهريا", Gender::Masculine));
    }

    #[test]
    fn recognises_pattern_adjectives_by_gender() {
        for (word, gender) in [
            ("حاسمة", Gender::Feminine),
            ("منفصل", Gender::Masculine),
            ("مفخخة", Gender::Feminine),
            ("جديد", Gender::Masculine),
            ("سابق", Gender::Masculine),
            ("متتالية", Gender::Feminine),
            ("مقاتلة", Gender::Feminine),
            ("كبير", Gender::Masculine),
            ("تابعة", Gender::Feminine),
            ("ثمينة", Gender::Feminine),
            ("حزين", Gender::Masculine),
            ("مسنة", Gender::Feminine),
            ("مهمة", Gender::Feminine),
            ("مسن", Gender::Masculine),
            ("متهم", Gender::Masculine),
        ] {
            assert!(is_pattern_adjective(word, gender), "{word}");
        }
        for (word, gender) in [
            ("حاسمة", Gender::Masculine),
            ("منفصل", Gender::Feminine),
            ("مقابل", Gender::Masculine),
            ("مداهمة", Gender::Feminine),
            ("يريد", Gender::Masculine),
            ("تابع", Gender::Masculine),
            ("مسلحين", Gender::Masculine),
            ("مجددا", Gender::Masculine),
            ("عمل", Gender::Masculine),
            ("واحدة", Gender::Feminine),
            ("مادة", Gender::Feminine),
            ("مجد", Gender::Masculine),
            ("مصرعهم", Gender::Masculine),
        ] {
            assert!(!is_pattern_adjective(word, gender), "{word}");
        }
        let m = Gender::Masculine;
        let f = Gender::Feminine;
        assert_eq!(nisba_after("كويتي", 2, m, Case::Oblique), "كويتيين");
        assert_eq!(nisba_after("لبنانية", 2, f, Case::Nominative), "لبنانيتان");
        assert_eq!(nisba_after("كويتي", 1, m, Case::Accusative), "كويتيا");
        assert_eq!(nisba_after("كويتي", 5, m, Case::Nominative), "كويتية");
        assert_eq!(nisba_after("كويتي", 15, m, Case::Oblique), "كويتيا");
        assert_eq!(nisba_after("كويتيا", 300, m, Case::Oblique), "كويتي");
        assert_eq!(nisba_after("لبنانية", 15, f, Case::Oblique), "لبنانية");
    }

    #[test]
    fn a_count_of_three_to_ten_reads_a_shared_form_as_the_plural() {
        let lexicon = NounLexicon::builtin();
        let farm = lexicon
            .lookup_plural_first("مزارع")
            .map(|e| e.singular.as_str());
        assert_eq!(farm, Some("مزرعة"));
        let farmer = lexicon.lookup("مزارع").map(|e| e.singular.as_str());
        assert_eq!(farmer, Some("مزارع"));
    }

    #[test]
    fn merges_user_file_and_rejects_bad_lines() {
        let dir = std::env::temp_dir().join(format!("nashra-nouns-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("user.tsv");
        std::fs::write(&path, "مسيّرة\tمسيّرات\tf\n").unwrap();
        let mut lexicon = NounLexicon::builtin();
        assert_eq!(lexicon.merge_file(&path).unwrap(), 1);
        assert_eq!(lexicon.gender_of("مسيّرات"), Gender::Feminine);
        assert!(lexicon.merge_tsv("كلمة\tكلمات\n").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn one_describes_the_unit_of_a_rate_not_its_time() {
        assert_eq!(
            with_one_before_rate("كيلومتر في الساعة", "واحد"),
            "كيلومتر واحد في الساعة"
        );
        assert_eq!(with_one_before_rate("ميغاواط", "واحد"), "ميغاواط واحد");
    }
}
