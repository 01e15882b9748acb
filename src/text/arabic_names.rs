//! Arabic names written in Latin letters (Hassan, Youssef, Khaled, Fatima), read back in
//! Arabic script: the spelling is matched against a list of names (`arabic_names.txt`) under
//! the romanization conventions the press uses (kh → خ, ou → و, a short vowel not written,
//! a final a → ة…). Rule transliteration would say them as English words (هاسان، خاليد).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The names, each with its rank (0 = most frequent), and every prefix of every name.
struct NameIndex {
    rank: HashMap<&'static str, usize>,
    prefixes: HashSet<&'static str>,
}

static INDEX: LazyLock<NameIndex> = LazyLock::new(|| {
    let names = include_str!("arabic_names.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'));
    let mut rank = HashMap::new();
    let mut prefixes = HashSet::new();
    for (position, name) in names.enumerate() {
        rank.entry(name).or_insert(position);
        for (end, _) in name.char_indices().skip(1) {
            prefixes.insert(&name[..end]);
        }
        prefixes.insert(name);
    }
    NameIndex { rank, prefixes }
});

/// Latin consonant spellings and the Arabic letters each can stand for.
const CONSONANTS: &[(&str, &[&str])] = &[
    ("kh", &["خ"]),
    ("gh", &["غ"]),
    ("sh", &["ش"]),
    ("ch", &["ش", "خ"]),
    ("th", &["ث", "ذ", "ت"]),
    ("dh", &["ذ", "ض", "ظ"]),
    ("dj", &["ج"]),
    ("ph", &["ف"]),
    ("b", &["ب"]),
    ("p", &["ب"]),
    ("t", &["ت", "ط", "ث"]),
    ("j", &["ج"]),
    ("g", &["ج", "غ", "ق"]),
    ("h", &["ه", "ح"]),
    ("d", &["د", "ض"]),
    ("r", &["ر"]),
    ("z", &["ز", "ظ"]),
    ("s", &["س", "ص"]),
    ("f", &["ف"]),
    ("v", &["ف"]),
    ("q", &["ق"]),
    ("k", &["ك", "ق"]),
    ("c", &["ك", "ج"]),
    ("l", &["ل"]),
    ("m", &["م"]),
    ("n", &["ن"]),
    ("w", &["و"]),
    ("y", &["ي"]),
    ("'", &["ع", "ء", "ئ", "أ"]),
];

/// Vowel spellings at the start of a name: the Arabic letter is a hamza seat or ع.
const INITIAL_VOWELS: &[(&str, &[&str])] = &[
    ("ai", &["أي", "عي", "عائ"]),
    ("ay", &["أي", "عي"]),
    ("aa", &["آ", "عا"]),
    ("ou", &["أ", "ع", "عو"]),
    ("a", &["أ", "ع", "آ", "ا", "عا"]),
    ("e", &["إ", "أ", "ع", "إي"]),
    ("i", &["إ", "ع", "إي", "عي"]),
    ("o", &["أ", "ع"]),
    ("u", &["أ", "ع", "عو"]),
];

/// Vowel spellings inside a name: a long vowel, ع or a hamza, or nothing (a short vowel).
const INNER_VOWELS: &[(&str, &[&str])] = &[
    ("ee", &["ي", "عي", "ئي"]),
    ("ie", &["ي", "عي"]),
    ("ei", &["ي", "ائ", "عي"]),
    ("ey", &["ي", "اي"]),
    ("ai", &["ي", "اي", "ائ", "عي"]),
    ("ay", &["ي", "اي"]),
    ("aa", &["ا", "عا", "اء", "ع"]),
    ("ou", &["و", "عو", "ؤ", "ع"]),
    ("oo", &["و", "عو"]),
    ("ah", &["ة", "اه", "ح"]),
    ("eh", &["ة", "ه"]),
    ("a", &["", "ا", "ع", "عا", "ئ", "أ", "ة", "ى"]),
    ("e", &["", "ي", "ئ", "ة"]),
    ("i", &["", "ي", "ع", "عي", "ئ", "ئي"]),
    ("o", &["", "و", "ع"]),
    ("u", &["و", "", "ع", "عو", "ؤ"]),
];

/// The Arabic name a capitalized Latin word spells (Hassan → حسن، Youssef → يوسف), the most
/// frequent one when several fit; `None` when it spells none of the list.
pub fn arabic_given_name(word: &str) -> Option<&'static str> {
    let mut chars = word.chars();
    let capitalized = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase() || c == '\'');
    if !capitalized || !(3..=14).contains(&word.len()) {
        return None;
    }
    let latin = word.to_ascii_lowercase();
    let mut best: Option<(Score, &'static str)> = None;
    search(&latin, 0, 0, &mut String::new(), &mut best);
    let (_, name) = best?;
    // A two-letter name from a three-letter word is too often an English word (The → طه).
    (name.chars().count() > 2 || latin.len() > 3).then_some(name)
}

/// How well a reading fits: (spelling penalties, rank in the list); lower is better.
type Score = (usize, usize);

/// The penalty for reading a single inner a: as ا when the next vowel is not e or i, or as
/// nothing when it is. The press writes a long ā before a kasra as a, the kasra as e or i
/// (Hamed حامد، Khaled خالد), and two short vowels as a … a (Hamad حمد، Hassan حسن).
fn a_penalty(latin: &str, at: usize, letter: &str) -> usize {
    let next_vowel = latin[at + 1..].chars().find(|c| "aeiou".contains(*c));
    let before_kasra = matches!(next_vowel, Some('e' | 'i'));
    usize::from(match letter {
        "ا" => !before_kasra,
        "" => before_kasra,
        _ => false,
    })
}

/// The penalty for an unwritten a right after a long ā and a consonant: that vowel is the
/// kasra of فاعل, which the press writes e or i (Salem سالم), so Salam is سلام.
fn faail_penalty(built: &str, letter: &str) -> usize {
    let mut last = built.chars().rev();
    let after_long_a = last.next().is_some_and(|c| c != 'ا') && last.next() == Some('ا');
    usize::from(letter.is_empty() && after_long_a)
}

/// Tries every reading of `latin[at..]` after the Arabic letters `built`, keeping the
/// best-ranked whole name in `best`. Readings no name starts with are cut off at once.
fn search(
    latin: &str,
    at: usize,
    penalty: usize,
    built: &mut String,
    best: &mut Option<(Score, &'static str)>,
) {
    let index = &*INDEX;
    if at == latin.len() {
        if let Some((&name, &rank)) = index.rank.get_key_value(built.as_str()) {
            if best.is_none_or(|(known, _)| (penalty, rank) < known) {
                *best = Some(((penalty, rank), name));
            }
        }
        return;
    }
    let rest = &latin[at..];
    let vowels = if at == 0 {
        INITIAL_VOWELS
    } else {
        INNER_VOWELS
    };
    for (spelling, letters) in vowels.iter().chain(CONSONANTS) {
        let Some(after) = rest.strip_prefix(spelling) else {
            continue;
        };
        let mut used = spelling.len();
        // A doubled consonant (ss، mm) is one letter: Arabic writes the shadda, not the letter.
        if CONSONANTS.iter().any(|(c, _)| c == spelling) && after.starts_with(spelling) {
            used += spelling.len();
        }
        let at_end = at + used == latin.len();
        let unwritten_ok = short_vowel_may_be_unwritten(latin, at, spelling);
        for letter in *letters {
            let final_only = matches!(*letter, "ة" | "ى" | "اء");
            // An inner o is ع only before a (Moataz معتز، Soad سعاد): Noem is no نعيم.
            let inner_ain = at > 0 && *spelling == "o" && *letter == "ع";
            let ain_ok = !inner_ain || after.starts_with('a');
            if final_only && !at_end || letter.is_empty() && !unwritten_ok || !ain_ok {
                continue;
            }
            let length = built.len();
            built.push_str(letter);
            if built.is_empty() || index.prefixes.contains(built.as_str()) {
                let cost = match *spelling {
                    "a" if at > 0 => {
                        a_penalty(latin, at, letter) + faail_penalty(&built[..length], letter)
                    }
                    // A written i or u is more often a long vowel than a dropped one (Amir
                    // أمير, not عمر).
                    "i" | "u" => usize::from(letter.is_empty()),
                    _ => 0,
                };
                search(latin, at + used, penalty + cost, built, best);
            }
            built.truncate(length);
        }
    }
}

/// Whether the vowel `spelling` at `at` may stand for a short vowel Arabic does not write:
/// not before a vowel (Hussein: the ei is ي; Saad: the first a is ع), not after another
/// vowel (Diana is not دينا), and not a final vowel but a French e (Nora is not نور, Habibi
/// is not حبيب).
fn short_vowel_may_be_unwritten(latin: &str, at: usize, spelling: &str) -> bool {
    let is_vowel = |c: char| "aeiou".contains(c);
    let next = latin[at + spelling.len()..].chars().next();
    let previous = latin[..at].chars().next_back();
    // A final vowel is said: only a French final e is silent (Amine, Yassine), and a final
    // a after h (Taha طه).
    let final_vowel =
        next.is_none() && spelling != "e" && !(spelling == "a" && previous == Some('h'));
    // After the same vowel it is the second half of a long one (Saad: ع and the a); an i
    // after a vowel and a consonant, before an a, is the consonant ي (Mariam مريم, not
    // Diana).
    let mut before = latin[..at].chars().rev().skip(1);
    let consonant_i = previous == Some('i')
        && spelling == "a"
        && before.next().is_some_and(|c| !is_vowel(c))
        && before.next().is_some_and(is_vowel);
    let after_other_vowel =
        previous.is_some_and(|c| is_vowel(c) && !spelling.starts_with(c)) && !consonant_i;
    !final_vowel && !next.is_some_and(is_vowel) && !after_other_vowel
}

/// "Abdel", "Abdul", "Abd" before one of God's names: عبد and the name with the article
/// (Abdel Fattah → عبد الفتاح، Abdulaziz → عبد العزيز); "Abdullah", "Abdallah" → عبد الله.
pub fn abd_name(word: &str, next: Option<&str>) -> Option<(String, usize)> {
    let lower = word.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "abdullah" | "abdallah" | "abdulla" | "abdalla"
    ) {
        return Some(("عبد الله".to_string(), 1));
    }
    let rest = ["abdel", "abdul", "abdal", "abdoul", "abd"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))?;
    if rest.is_empty() {
        let next = next?.to_ascii_lowercase();
        let bare = ["al-", "el-"]
            .iter()
            .find_map(|article| next.strip_prefix(article))
            .unwrap_or(&next);
        return divine_name(bare).map(|name| (name, 2));
    }
    // The article glued between: Abdelaziz، Abdulaziz، Abdessalam، Abdurrahman, Abd-el-Kader, Abdlkader.
    [
        "", "-el-", "-al-", "el-", "al-", "-", "el", "ul", "al", "ou", "u", "e", "l",
    ]
    .iter()
    .filter_map(|connector| rest.strip_prefix(connector))
    .find_map(divine_name)
    .map(|name| (name, 1))
}

/// عبد and God's name whose Latin spelling is `written`.
fn divine_name(written: &str) -> Option<String> {
    DIVINE_NAMES
        .iter()
        .find(|(latin, _)| latin.split('|').any(|form| form == written))
        .map(|(_, arabic)| format!("عبد {arabic}"))
}

/// God's names that follow عبد, with their Latin spellings (the assimilated article's
/// doubled consonant included: Abdurrahman, Abdessalam).
const DIVINE_NAMES: &[(&str, &str)] = &[
    ("rahman|rrahman|rahmane|rahim", "الرحمن"),
    ("aziz", "العزيز"),
    ("fattah|fatah", "الفتاح"),
    ("karim", "الكريم"),
    ("latif", "اللطيف"),
    ("majid|madjid", "المجيد"),
    ("hamid", "الحميد"),
    ("razzak|razak|razzaq|razaq", "الرزاق"),
    ("kader|qader|qadir|kadir", "القادر"),
    ("nasser|naser|nasir", "الناصر"),
    ("salam|ssalam|salem|ssalem", "السلام"),
    ("halim", "الحليم"),
    ("ghani", "الغني"),
    ("jalil|djalil", "الجليل"),
    ("wahab|wahhab", "الوهاب"),
    ("hakim", "الحكيم"),
    ("basit|basset|bassit", "الباسط"),
    ("moneim|monem|munim", "المنعم"),
    ("ilah|lah", "الله"),
    ("mahdi", "المهدي"),
    ("hadi", "الهادي"),
    ("jabbar|djabbar", "الجبار"),
    ("wahid", "الواحد"),
    ("samad|ssamad", "الصمد"),
    ("rauf|raouf|rraouf", "الرؤوف"),
    ("ali", "العلي"),
    ("ghaffar|ghafour|ghafur", "الغفار"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_press_spellings_of_arabic_names() {
        let cases = [
            ("Hassan", "حسن"),
            ("Hussein", "حسين"),
            ("Khaled", "خالد"),
            ("Khalid", "خالد"),
            ("Youssef", "يوسف"),
            ("Omar", "عمر"),
            ("Ali", "علي"),
            ("Tarek", "طارق"),
            ("Fatima", "فاطمة"),
            ("Aisha", "عائشة"),
            ("Ismail", "إسماعيل"),
            ("Said", "سعيد"),
            ("Saad", "سعد"),
            ("Mahmoud", "محمود"),
            ("Mustapha", "مصطفى"),
            ("Leila", "ليلى"),
            ("Nadia", "نادية"),
            ("Riyad", "رياض"),
            ("Achraf", "أشرف"),
            ("Sofiane", "سفيان"),
            ("Yassine", "ياسين"),
            ("Recep", "رجب"),
            ("Tayyip", "طيب"),
            ("Wael", "وائل"),
            ("Hamad", "حمد"),
            ("Hamed", "حامد"),
            ("Taha", "طه"),
            ("Amir", "أمير"),
            ("Esraa", "إسراء"),
            ("Issa", "عيسى"),
            ("Souad", "سعاد"),
            ("Fuad", "فؤاد"),
            ("Iman", "إيمان"),
            ("Mariam", "مريم"),
            ("Barghouti", "برغوثي"),
            ("Salam", "سلام"),
            ("Salem", "سالم"),
            ("Sharaa", "شرع"),
        ];
        for (latin, arabic) in cases {
            assert_eq!(arabic_given_name(latin), Some(arabic), "{latin}");
        }
    }

    #[test]
    fn leaves_other_words_and_forms_alone() {
        for word in [
            "The",
            "Michelle",
            "Sophia",
            "Diana",
            "Gabriel",
            "Ella",
            "Smith",
            "London",
            "hassan",
            "HASSAN",
            "Bloomberg",
            "Mark",
            "Al",
            // An inner o before e is no ع (نعيم).
            "Noem",
        ] {
            assert_eq!(arabic_given_name(word), None, "{word}");
        }
    }

    #[test]
    fn reads_abd_and_gods_name() {
        assert_eq!(abd_name("Abdullah", None), Some(("عبد الله".into(), 1)));
        assert_eq!(
            abd_name("Abdel", Some("Fattah")),
            Some(("عبد الفتاح".into(), 2))
        );
        assert_eq!(abd_name("Abdelaziz", None), Some(("عبد العزيز".into(), 1)));
        assert_eq!(
            abd_name("Abdurrahman", None),
            Some(("عبد الرحمن".into(), 1))
        );
        assert_eq!(abd_name("Abdel", Some("Smith")), None);
    }
}
