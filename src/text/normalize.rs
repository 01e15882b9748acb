//! Text normalization: Unicode, Arabic letter forms, digits, punctuation and spacing.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::latin;
use super::numbers::{self, Case, Gender};
use super::transliterate::{is_detached_proclitic, known_name};
use super::units;

/// Largest input normalized; longer text is truncated at a character boundary.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

const TATWEEL: char = '\u{0640}';

static ARABIC_THEN_LATIN_OR_DIGIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([\p{Arabic}&&[^\u0660-\u0669\u06F0-\u06F9\u060C\u061B\u061F\u066A-\u066C]])([A-Za-z])",
    )
    .expect("static regex")
});
static LATIN_THEN_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Za-z])([\p{Arabic}&&[^\u060C\u061B\u061F\u066A-\u066C]])")
        .expect("static regex")
});
static DIGIT_THEN_ARABIC_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9])([\u0621-\u063A\u0641-\u064A])").expect("static regex"));
/// A length unit after a number (and its scale word) with مربع or مكعب written as a word
/// (120 م مربع، 5 ملايين م مكعب).
static SQUARE_OR_CUBIC_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9] (?:(?:ألف|آلاف|مليون|ملايين|مليار|مليارات) )?)(كم|كيلومتر|كيلومترا|م|متر|مترا) (مربع|مربعا|مكعب|مكعبا)(\s|$|[.,،؛:)])")
        .expect("static regex")
});
/// A bar with spaces between two Arabic words: a headline's separator (عاجل | مقتل), said
/// as a pause. A dash stays (القاهرة - رويترز), and a slash between month names is the
/// dates' to read.
static SPACED_WORD_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([\u0621-\u064A\u064B-\u0652]) +\|+ +([\u0621-\u064A"«(])"#)
        .expect("static regex")
});
/// A dash with spaces between two numbers: a score or a range (4 - 2، 2020 – 2021).
static SPACED_NUMBER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(])([0-9]+) [-–] ([0-9]+)($|[\s.,،؛:)])").expect("static regex")
});
/// A range with a decimal or a percent sign on its first end (5.25-5.5%، 5%-10%): the
/// verbalizer's a-b pair reads whole numbers only.
static DECIMAL_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^|[\s(])([0-9]+(?:\.[0-9]+)?)(%?)[-–]([0-9]+(?:\.[0-9]+)?)(%?)($|[\s,،؛:)]|\.(?:$|\s))",
    )
    .expect("static regex")
});
/// A proclitic or article written apart from the number, signed or not, or the Latin word it
/// belongs to (بـ 5، بـ -1.2%، و F-16، ال 33): glued back on.
static DETACHED_PROCLITIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^|\s)((?:[وف]?[بلك]?(?:ال)?|[وف]?لل)\u{0640}|[وف][بلك]?|[بلك]|و?ال)\s+([-+−]?[0-9\u0660-\u0669\u06F0-\u06F9]|[$€£A-Za-z])",
    )
        .expect("static regex")
});
/// A post office box written without its dots before its number (ص ب 220).
static PO_BOX_WITHOUT_DOTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)ص ب(\s+[0-9])").expect("static regex"));
/// الـ written before a Roman numeral (المؤتمر الـ XXV، والـ XXI).
static ARTICLE_BEFORE_ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)(و?)ال ?([IVXLCDM]+)\b").expect("static regex"));
/// بـ، لـ، كـ written with a tatweel before an Arabic word, with a space or an opening quote
/// between or glued to it (بـ الشارع، لـ"العربية"، لـالجزيرة): the tatweel says the letter
/// belongs to the next word, and it goes inside the quote.
static DETACHED_TATWEEL_PROCLITIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(^|\s)([وف]?[بلك]\u{0640})\s*(["«(]?)\s*([\u0621-\u064A])"#)
        .expect("static regex")
});
/// A currency or a unit, a slash and the Arabic unit it is paid or given per (د.أ/لتر،
/// $/برميل، كغ/م3).
static PER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)([^\s/]+)/([\u0621-\u064A]+[23²³]|[\u0621-\u064A]{2,}|[ملثس]\b)")
        .expect("static regex")
});
/// Time words a rate is given per (برميل/يوم).
const PER_TIME_WORDS: &[&str] = &[
    "يوم",
    "ساعة",
    "ثانية",
    "دقيقة",
    "أسبوع",
    "شهر",
    "سنة",
    "عام",
];
/// "6 لتر/100 كم", "5 حالات/100 ألف نسمة": a quantity per an amount of something.
static PER_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\u0621-\u064Aa-zA-Z]{2})/([0-9][0-9.,]* ?[\u0621-\u064Aa-zA-Z])")
        .expect("static regex")
});
/// A preposition glued to a negative number by its minus (انخفضت إلى-4، بين-5 و-10): the
/// sign belongs to the number.
static PREPOSITION_THEN_NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)(إلى|الى|من|عند|حتى|بين|نحو|حوالي|قرابة)-([0-9])").expect("static regex")
});
static WORD_THEN_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([\u0621-\u064A]{3,})([0-9])").expect("static regex"));
static SPACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ \t\u{00A0}\u{2000}-\u{200A}\u{202F}\u{205F}\u{3000}]+").expect("static regex")
});
static HASHTAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(«\x22])#(\p{L}[\p{L}\p{M}\p{N}_]*)").expect("static regex")
});
static VULGAR_FRACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9] ?)?([½¼¾⅓⅔])").expect("static regex"));
static ABOUT_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)[≈~∼] ?([0-9$€£])").expect("static regex"));
static ABOUT_WORD_AND_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(نحو|حوالي|حوالى|قرابة|زهاء|تقريبا) [≈~∼] ?").expect("static regex")
});
static EQUALS_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9\p{Arabic}$€£A-Z]) ?= ?([0-9\p{Arabic}$€£])").expect("static regex")
});
static PLUS_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) ?\+ ?([0-9])").expect("static regex"));
/// A plus standing apart before an amount or a word (80 مليون يورو + 10 ملايين، 250 ريالا +
/// الضريبة).
static SPACED_PLUS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\S) \+ ([0-9\p{Arabic}])").expect("static regex"));
/// An ISO 8601 date and time (2025-01-15T10:30:00Z، 2024-11-03T08:15:22+03:00), as feeds
/// and page metadata write it: the date and the hour and minute are read, the rest goes.
static ISO_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?\b",
    )
    .expect("static regex")
});
/// A decimal over a whole number: a rating (تقييم 8.5/10), read "ثمانية فاصلة خمسة من عشرة".
static DECIMAL_RATING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)([0-9]+[.,][0-9]+)/([0-9]{1,3})($|[\s،,.)])").expect("static regex")
});
/// A plus after a name (Disney+، Canal+، C++، أوبك+), said "plus"; not before a digit
/// (GMT+3 is an offset).
static LATIN_PLUS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-Za-z\u0621-\u064A])(\++)($|[^0-9+])").expect("static regex"));
/// "50+ دولة": more than the number of what follows.
static NUMBER_PLUS_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)([0-9][0-9.,]*)\+ ?([\u0621-\u064A])").expect("static regex")
});
/// "للبالغين 18+": that number and above.
static NUMBER_PLUS_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9])\+($|[\s.,،؛:)»])").expect("static regex"));
/// "5 %": the percent sign written apart from its number.
static SPACED_PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) +%").expect("static regex"));
static ARABIC_DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([\u0621-\u064A])\.(نت|كوم)\b").expect("static regex"));
static PICTOGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\p{Extended_Pictographic}\u{2190}-\u{21FF}\u{27F5}-\u{27FF}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{20E3}\u{E0020}-\u{E007F}&&[^©®™]] ?",
    )
    .expect("static regex")
});
static PLUS_MINUS_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9] ?|^|\s)± ?([0-9])").expect("static regex"));
static DIVISION_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) ?÷ ?([0-9])").expect("static regex"));
static APPROXIMATE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)([0-9]+(?:[.,][0-9]+)?) ?[~∼] ?([0-9]+(?:[.,][0-9]+)?)")
        .expect("static regex")
});
static COMPARISON_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(]|(?:^|\s)[وف])([<>≤≥]) ?([0-9$€£])").expect("static regex")
});
static PER_MILLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) ?‰").expect("static regex"));
static TIMES_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) ?[×xX] ?([0-9])").expect("static regex"));
/// A multiplier: a times sign or a small x before or after a number with no number on its
/// other side (ارتفع ×3، زووم 10x): that many times over (ثلاثة أضعاف).
static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^|[\s(])([وفب]?)(?:×\s?([0-9]+(?:\.[0-9]+)?)|([0-9]+(?:\.[0-9]+)?)\s?[×x])($|[\s.,،؛:)])",
    )
    .expect("static regex")
});
static SCALE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^|[\s$€£]|(?:^|\s)[وف])([0-9]+(?:\.[0-9]+)?) ?(bn|k|K)\b|([$€£])([0-9]+(?:\.[0-9]+)?) ?(m|M)\b",
    )
    .expect("static regex")
});
/// "3M مشاهدة", "1.5B دولار": a capital M or B glued to a number before an Arabic word is
/// the scale (a lowercase m is the metre).
static GLUED_CAPITAL_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s|(?:^|\s)[وف])([0-9]+(?:\.[0-9]+)?)([MB]) ([\u0621-\u064A])")
        .expect("static regex")
});
/// "1.2 billion", "500 million": an English scale word after a number.
static ENGLISH_SCALE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]) ?(?i:(thousand|million|mln|billion|bln|trillion))\b")
        .expect("static regex")
});
/// Terms written with a digit that are not amounts: 24/7, 3D, 4K.
static DIGIT_TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(]|(?:^|\s)[وفب])(24/7|[234]D|[48]K)").expect("static regex")
});
/// A decade in English digits (1990s، 1880's).
static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(]|(?:^|\s)[وفب]?(?:ال)?)(1[5-9]|20|')?([2-9])0'?s\b").expect("static regex")
});
static SPACE_BEFORE_PUNCT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" +([،؛؟!?.,:;)\]»])").expect("static regex"));

/// "المؤتمر الـ XXV": the ordinal a Roman numeral is read as has its own article, so the
/// written one goes (a conjunction before it stays on the numeral).
fn without_article_before_roman(text: &str) -> Cow<'_, str> {
    if !text.contains(['I', 'V', 'X', 'L', 'C', 'D', 'M']) {
        return Cow::Borrowed(text);
    }
    ARTICLE_BEFORE_ROMAN.replace_all(text, |caps: &regex::Captures| {
        if latin::roman_value(&caps[3]).is_some_and(|n| n > 1) {
            format!("{}{}{}", &caps[1], &caps[2], &caps[3])
        } else {
            caps[0].to_string()
        }
    })
}

/// Normalizes one line or paragraph of news text for the verbalizer.
///
/// NFC; tatweel and zero-width/bidi controls removed; Arabic presentation forms folded
/// to base letters; Arabic-Indic and Persian digits to ASCII (٫ → `.`, ٬ → `,`, ٪ → `%`);
/// quotes and dashes unified; a space put between Arabic letters and Latin letters (not
/// after a lone proclitic: وF-16, بـ CNN → بCNN), and
/// after a digit run glued to a following Arabic word; whitespace collapsed.
pub fn normalize(text: &str) -> String {
    let text = truncate(text, MAX_INPUT_BYTES);
    // "ص ب 220" is a post office box written without its dots, not ص + بـ 220.
    let text = replace_if(
        text.contains("ص ب "),
        &PO_BOX_WITHOUT_DOTS,
        text,
        "${1}ص.ب.${2}",
    );
    let glued = with_proclitics_glued(&text);
    let folded: String = glued.nfc().flat_map(fold_char).collect();
    let folded = without_pictographs(&folded);
    let folded = if folded.contains('T') {
        ISO_TIMESTAMP.replace_all(&folded, "$1 $2")
    } else {
        Cow::Borrowed(folded.as_ref())
    };
    let folded = without_hashtag_marks(&folded);
    let folded = with_arabic_domains_spaced(&folded);
    let folded = with_fractions_written_out(&folded);
    let folded = with_digit_terms_written_out(&folded);
    let folded = with_decades_written_out(&folded);
    let folded = with_english_scale_words(&folded);
    let folded = with_symbols_written_out(&folded);
    let folded = with_price_per_unit(&folded);
    let spaced = with_words_and_numbers_spaced(&folded);
    tidied_lines(&spaced)
}

/// A proclitic written apart from the number, Latin word or word after it glued back on
/// (بـ 5 → ب5، لـ الشركة → للشركة).
fn with_proclitics_glued(text: &str) -> Cow<'_, str> {
    let proclitic_before =
        text.contains(['$', '€', '£']) || text.chars().any(is_digit_or_ascii_letter);
    let glued = replace_if(proclitic_before, &DETACHED_PROCLITIC, text, "$1$2$3");
    if !glued.contains('\u{0640}') {
        return glued;
    }
    let after_tatweel = DETACHED_TATWEEL_PROCLITIC.replace_all(&glued, |caps: &regex::Captures| {
        let after = caps.get(4).map_or(glued.len(), |m| m.end());
        // لـ الشركة → للشركة: before the article ل takes the place of its alif.
        let article = caps[2].ends_with("ل\u{0640}") && glued[after..].starts_with('ل');
        let letter = if article && &caps[4] == "ا" {
            ""
        } else {
            &caps[4]
        };
        format!("{}{}{}{letter}", &caps[1], &caps[3], &caps[2])
    });
    Cow::Owned(after_tatweel.into_owned())
}

/// The article alone or after its proclitics, written before a Latin word (الـFIFA، وللـNATO).
fn is_article_clitic(word: &str) -> bool {
    let clitics = word
        .strip_suffix("ال")
        .or_else(|| word.strip_suffix('ل').filter(|w| w.ends_with('ل')));
    clitics.is_some_and(|c| c.chars().count() <= 2 && c.chars().all(|ch| "وفبكل".contains(ch)))
}

/// A space put between Arabic and Latin letters and between digits and Arabic words, and
/// number ranges and ratings written out.
fn with_words_and_numbers_spaced(folded: &str) -> String {
    let latin = has_ascii_letter(folded);
    let spaced = replace_if(
        latin,
        &ARABIC_THEN_LATIN_OR_DIGIT,
        folded,
        |caps: &regex::Captures| {
            // A proclitic that is the whole Arabic word (وF-16، بـCNN) stays glued: the
            // verbalizer reads it as the Latin word's prefix (وإف ستة عشر).
            let end = caps.get(1).map_or(0, |m| m.end());
            let word = folded[..end].rsplit(char::is_whitespace).next();
            let separator =
                if word.is_some_and(|w| is_detached_proclitic(w) || is_article_clitic(w)) {
                    ""
                } else {
                    " "
                };
            format!("{}{separator}{}", &caps[1], &caps[2])
        },
    );
    let spaced = replace_if(latin, &LATIN_THEN_ARABIC, &spaced, "$1 $2");
    let spaced = without_article_before_roman(&spaced);
    let digits = has_ascii_digit(&spaced);
    let spaced = replace_if(digits, &PREPOSITION_THEN_NEGATIVE, &spaced, "$1$2 -$3");
    let spaced = replace_if(digits, &DIGIT_THEN_ARABIC_LETTER, &spaced, "$1 $2");
    let spaced = replace_if(digits, &SPACED_NUMBER_DASH, &spaced, "$1$2-$3$4");
    let separated = spaced.contains('|');
    let spaced = replace_if(separated, &SPACED_WORD_SEPARATOR, &spaced, "$1، $2");
    let spaced = with_square_units_joined(&spaced);
    let spaced = if digits {
        Cow::Owned(with_decimal_ranges_written_out(&spaced))
    } else {
        spaced
    };
    let spaced = if spaced.contains('/') {
        DECIMAL_RATING.replace_all(&spaced, "$1$2 من $3$4")
    } else {
        Cow::Borrowed(spaced.as_ref())
    };
    let spaced = replace_if(
        digits,
        &WORD_THEN_DIGIT,
        &spaced,
        |caps: &regex::Captures| {
            let word = &caps[1];
            let digit = &caps[2];
            // A unit with its power glued on (كلم2) stays one word.
            let unit_power = units::unit(&format!("{word}{digit}")).is_some();
            if word.ends_with("ال") || word.chars().count() < 3 || unit_power {
                format!("{word}{digit}")
            } else {
                format!("{word} {digit}")
            }
        },
    );
    spaced.into_owned()
}

/// Each line with its spaces collapsed, its decoration dropped and no space before
/// punctuation.
fn tidied_lines(spaced: &str) -> String {
    let lines: Vec<String> = spaced
        .split('\n')
        .map(|line| {
            let collapsed = replace_if(has_odd_spacing(line), &SPACES, line, " ");
            let undecorated = without_decoration(collapsed.trim());
            let listed = list_number_read_out(undecorated);
            SPACE_BEFORE_PUNCT
                .replace_all(listed.as_deref().unwrap_or(undecorated), "$1")
                .into_owned()
        })
        .collect();
    lines.join("\n")
}

/// `pattern` replaced in `text` where `applies`, else `text` as it is: the cheap test spares
/// the pattern a scan of every line that cannot hold it.
fn replace_if<'t>(
    applies: bool,
    pattern: &Regex,
    text: &'t str,
    replacement: impl regex::Replacer,
) -> Cow<'t, str> {
    if applies {
        pattern.replace_all(text, replacement)
    } else {
        Cow::Borrowed(text)
    }
}

fn has_ascii_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

fn has_ascii_letter(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic())
}

fn is_digit_or_ascii_letter(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Whether `line` has two spaces in a row or a space other than the plain one.
fn has_odd_spacing(line: &str) -> bool {
    line.contains("  ")
        || line.chars().any(|c| {
            matches!(c, '\t' | '\u{00A0}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
                || ('\u{2000}'..='\u{200A}').contains(&c)
        })
}

/// Emoji, pictographs and arrows, with their modifiers (skin tones, flags, variation
/// selectors, keycaps), removed: decoration a voice does not read ("مبروك 🎉" → "مبروك",
/// "المؤشر ↑ 2%" → "المؤشر 2%").
fn without_pictographs(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c >= '\u{2000}' && !c.is_alphanumeric())
    {
        return text.to_string();
    }
    PICTOGRAPH.replace_all(text, "").into_owned()
}

/// Hashtags read as their words: "وسم #غزة_تحت_القصف" → "وسم غزة تحت القصف".
fn without_hashtag_marks(text: &str) -> String {
    if !text.contains('#') {
        return text.to_string();
    }
    HASHTAG
        .replace_all(text, |caps: &regex::Captures| {
            let words = caps[2].replace('_', " ");
            let words = match known_name(&words) {
                Some(_) => words,
                None => camel_case_split(&words),
            };
            format!("{}{words}", &caps[1])
        })
        .into_owned()
}

/// Latin words run together in capitals split apart (StopTheWar → Stop The War); a lone
/// lower-case letter before a capital stays (iPhone).
fn camel_case_split(words: &str) -> String {
    let mut out = String::with_capacity(words.len() + 4);
    let mut lower_run = 0;
    for c in words.chars() {
        if c.is_ascii_uppercase() && lower_run >= 2 {
            out.push(' ');
        }
        lower_run = if c.is_ascii_lowercase() {
            lower_run + 1
        } else {
            0
        };
        out.push(c);
    }
    out
}

/// A site named in Arabic with its domain written in Arabic too ("العربية.نت"، "مصراوي.كوم"):
/// the dot is said as a space between the name and its domain (العربية نت).
fn with_arabic_domains_spaced(text: &str) -> String {
    if !text.contains(".نت") && !text.contains(".كوم") {
        return text.to_string();
    }
    ARABIC_DOMAIN.replace_all(text, "$1 $2").into_owned()
}

/// Vulgar fractions the verbalizer can read: after a number as its decimals ("2½" → "2.5"),
/// alone as the word ("½" → "نصف").
fn with_fractions_written_out(text: &str) -> String {
    if !text.contains(['½', '¼', '¾', '⅓', '⅔']) {
        return text.to_string();
    }
    VULGAR_FRACTION
        .replace_all(text, |caps: &regex::Captures| {
            let number = caps.get(1).map_or("", |m| m.as_str().trim_end());
            let fraction = &caps[2];
            let decimals = match fraction {
                "½" => Some(".5"),
                "¼" => Some(".25"),
                "¾" => Some(".75"),
                _ => None,
            };
            match (number.is_empty(), decimals) {
                (false, Some(decimals)) => format!("{number}{decimals}"),
                _ => {
                    let word = match fraction {
                        "½" => "نصف",
                        "¼" => "ربع",
                        "¾" => "ثلاثة أرباع",
                        "⅓" => "ثلث",
                        _ => "ثلثي",
                    };
                    let space = if number.is_empty() { "" } else { " " };
                    format!("{number}{space}{word}")
                }
            }
        })
        .into_owned()
}

/// Signs the verbalizer has no reading for, written as words: "≈ 5" → "نحو 5", "10‰" →
/// "10 في الألف", "3×4" → "3 في 4", "1 دولار = 3.75 ريال" → "… يساوي …", "$5bn" → "$5 مليار", "3k" → "3 ألف" (the verbalizer
/// agrees the scale word with its number).
/// "1.25 د.أ/لتر" → "1.25 د.أ للتر": a price per unit is said with ل and the article; a
/// quantity per an amount or a unit is said with لكل (6 لتر/100 كم → 6 لتر لكل 100 كم، 3
/// كغ/م3 → 3 كغ لكل متر مكعب), a rate in time with في (برميل/يوم → برميل في اليوم).
fn with_price_per_unit(text: &str) -> String {
    if !text.contains('/') {
        return text.to_string();
    }
    let text = PER_AMOUNT.replace_all(text, |caps: &regex::Captures| {
        // The path of a web address (bit.ly/3abc) is no rate.
        let start = caps.get(0).map_or(0, |m| m.start());
        let token_start = text[..start]
            .rfind(char::is_whitespace)
            .map_or(0, |k| k + 1);
        if text[token_start..start].contains('.') {
            caps[0].to_string()
        } else {
            format!("{} لكل {}", &caps[1], &caps[2])
        }
    });
    PER_UNIT
        .replace_all(&text, |caps: &regex::Captures| {
            let (currency, unit) = (&caps[2], &caps[3]);
            let whole = format!("{currency}/{unit}");
            if units::unit(&whole).is_some() {
                return caps[0].to_string();
            }
            if let Some(per) = per_unit_name(currency, unit) {
                return format!("{}{currency} لكل {per}", &caps[1]);
            }
            // A rate in time (برميل/يوم، ميغاواط/ساعة، م/ث): في and the article; a metre
            // is named, as a lone م after a number is as often the era.
            let bare_unit = match unit {
                "ث" => "ثانية",
                "س" => "ساعة",
                unit => unit.strip_prefix("ال").unwrap_or(unit),
            };
            let abbreviated_time = matches!(unit, "ث" | "س");
            let numerator_unit = currency == "م"
                || units::unit(currency).is_some()
                || units::unit_named(currency).is_some();
            if abbreviated_time && !numerator_unit {
                return caps[0].to_string();
            }
            if PER_TIME_WORDS.contains(&bare_unit) {
                let amount = if currency == "م" { "متر" } else { currency };
                return format!("{}{amount} في ال{bare_unit}", &caps[1]);
            }
            let singular = currency.strip_suffix('ا').unwrap_or(currency);
            let is_currency = units::currency(currency).is_some()
                || units::is_currency_name(currency)
                || units::is_currency_name(singular);
            if !is_currency {
                return caps[0].to_string();
            }
            // An abbreviated unit is said by its name, each word with the article (دولار/م2
            // → دولار للمتر المربع).
            let abbreviated = unit == "م" || units::unit(unit).is_some();
            if let Some(name) = unit_name(unit).filter(|_| abbreviated) {
                return format!("{}{currency} {}", &caps[1], with_per_article(&name));
            }
            let unit = unit.strip_prefix("ال").unwrap_or(unit);
            // ل, the article and a word in ل keep two lams (للتر، لليلة).
            let with_article = if unit.starts_with('ل') { "ل" } else { "لل" };
            format!("{}{currency} {with_article}{unit}", &caps[1])
        })
        .into_owned()
}

/// Units written out that a quantity is given per (طن/هكتار) and no abbreviation names.
const AREA_UNIT_NAMES: &[&str] = &["هكتار", "فدان", "دونم", "كيلومتر", "متر"];

/// The singular name of the unit a quantity is given per, when both sides of the slash are
/// units (كغ/م3 → متر مكعب، ملغ/ل → لتر، طن/هكتار → هكتار); `None` otherwise.
fn per_unit_name(numerator: &str, denominator: &str) -> Option<String> {
    let is_unit = units::unit(numerator).is_some() || units::unit_named(numerator).is_some();
    if !is_unit {
        return None;
    }
    if AREA_UNIT_NAMES.contains(&denominator) {
        return Some(denominator.to_string());
    }
    unit_name(denominator)
}

/// The singular name of a unit written by its abbreviation or its name (م2 → متر مربع، م →
/// متر، لتر → لتر).
fn unit_name(unit: &str) -> Option<String> {
    if unit == "م" {
        return Some(units::metre().singular);
    }
    units::unit(unit)
        .or_else(|| units::unit_named(unit))
        .map(|entry| entry.singular)
}

/// A unit's name with the article on each word, after ل (متر مربع → للمتر المربع، لتر →
/// للتر).
fn with_per_article(name: &str) -> String {
    let mut words = name.split(' ');
    let head = words.next().unwrap_or_default();
    let lam = if head.starts_with('ل') { "ل" } else { "لل" };
    let rest: String = words.map(|word| format!(" ال{word}")).collect();
    format!("{lam}{head}{rest}")
}

/// A decade written in English digits, as Arabic news names it: 1990s → التسعينيات (of the
/// twentieth century, which needs no name, nor does one written without it after الـ or an
/// apostrophe: الـ90s، '80s), 1880s → ثمانينيات القرن التاسع عشر.
fn with_decades_written_out(text: &str) -> String {
    if !text.contains('s') {
        return text.to_string();
    }
    DECADE
        .replace_all(text, |caps: &regex::Captures| {
            let decade = match &caps[3] {
                "2" => "عشرينيات",
                "3" => "ثلاثينيات",
                "4" => "أربعينيات",
                "5" => "خمسينيات",
                "6" => "ستينيات",
                "7" => "سبعينيات",
                "8" => "ثمانينيات",
                _ => "تسعينيات",
            };
            // The written article (الـ1990s، والـ90s) is the decade's own.
            let lead = caps[1].strip_suffix("ال").unwrap_or(&caps[1]);
            let century = caps.get(2).map_or("", |m| m.as_str());
            // Without its century (the '90s، الـ90s) a decade is of the twentieth; with neither
            // the article nor an apostrophe "90s" may be anything (seconds, a model).
            if century.is_empty() && !caps[1].ends_with("ال") {
                return caps[0].to_string();
            }
            if matches!(century, "19" | "'" | "") {
                // The article after a glued ب/و/ف: بالتسعينيات.
                return format!("{lead}ال{decade}");
            }
            let century: u64 = century.parse::<u64>().map_or(20, |c| c + 1);
            let ordinal = numbers::ordinal(century, Gender::Masculine, Case::Oblique);
            format!("{lead}{decade} القرن {ordinal}")
        })
        .into_owned()
}

/// Terms written with a digit that name no amount, said the way anchors say them: 24/7 →
/// على مدار الساعة (unless a date word before it makes it the 24th of July), 3D → ثري دي,
/// 4K → فور كيه.
fn with_digit_terms_written_out(text: &str) -> String {
    if !text.contains(['/', 'D', 'K']) {
        return text.to_string();
    }
    DIGIT_TERM
        .replace_all(text, |caps: &regex::Captures| {
            let (start, end) = caps.get(0).map_or((0, 0), |m| (m.start(), m.end()));
            let previous = text[..start].split_whitespace().next_back().unwrap_or("");
            let mut after = text[end..].chars();
            let glued = match after.next() {
                Some('.') => after.next().is_some_and(|c| !c.is_whitespace()),
                Some(next) => next.is_alphanumeric() || next == '/',
                None => false,
            };
            let spoken = match &caps[2] {
                _ if glued => return caps[0].to_string(),
                "24/7" if is_date_word(previous) => return caps[0].to_string(),
                "24/7" => "على مدار الساعة",
                "2D" => "تو دي",
                "3D" => "ثري دي",
                "4D" => "فور دي",
                "4K" => "فور كيه",
                _ => "إيت كيه",
            };
            format!("{}{spoken}", &caps[1])
        })
        .into_owned()
}

/// A word after which a day/month is a date: في، يوم، بتاريخ، منذ، حتى…
fn is_date_word(word: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "في",
        "يوم",
        "اليوم",
        "بتاريخ",
        "تاريخ",
        "منذ",
        "حتى",
        "الموافق",
        "من",
        "إلى",
        "قبل",
        "بعد",
    ];
    let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    DATE_WORDS.contains(&word) || DATE_WORDS.contains(&bare)
}

/// Words after which a range needs no من before its first end: an approximator, or a
/// preposition that already opens it (عند خمسة إلى عشرة بالمئة).
pub(super) const RANGE_OPENERS: &[&str] = &[
    "من",
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "زهاء",
    "عند",
    "في",
    "على",
    "إلى",
    "حتى",
];

/// The words that open and join a range starting at byte `start` of `text`, as the word
/// before it asks: after بين only و, after a word that opens a range (من، نحو…) only إلى,
/// elsewhere `fallback`.
fn range_words(
    text: &str,
    start: usize,
    fallback: (&'static str, &'static str),
) -> (&'static str, &'static str) {
    let before = text[..start].split_whitespace().next_back().unwrap_or("");
    let before = before.strip_prefix(['و', 'ف']).unwrap_or(before);
    match before {
        "بين" => ("", "و"),
        word if RANGE_OPENERS.contains(&word) => ("", "إلى "),
        _ => fallback,
    }
}

/// "5.25-5.5%" → "من 5.25 إلى 5.5%": a range whose ends are not both whole numbers, joined
/// as the word before asks (بين … و…، نحو … إلى …).
fn with_decimal_ranges_written_out(text: &str) -> String {
    DECIMAL_RANGE
        .replace_all(text, |caps: &regex::Captures| {
            let (low, high) = (&caps[2], &caps[4]);
            if !low.contains('.') && !high.contains('.') && caps[3].is_empty() {
                return caps[0].to_string();
            }
            let start = caps.get(0).map_or(0, |m| m.start());
            let (open, join) = range_words(text, start, ("من ", "إلى "));
            let sign = if caps[5].is_empty() { &caps[3] } else { "%" };
            let low_sign = if caps[5].is_empty() { "" } else { &caps[3] };
            format!(
                "{}{open}{low}{low_sign} {join}{high}{sign}{}",
                &caps[1], &caps[6]
            )
        })
        .into_owned()
}

/// "40~50" → "بين 40 و50"; after بين or a word that opens a range the sign adds no بين
/// (بين 5~10% → بين 5 و10%، نحو 5~10% → نحو 5 إلى 10%).
fn with_approximate_ranges(text: &str) -> String {
    APPROXIMATE_RANGE
        .replace_all(text, |caps: &regex::Captures| {
            let start = caps.get(0).map_or(0, |m| m.start());
            let (open, join) = range_words(text, start, ("بين ", "و"));
            format!("{}{open}{} {join}{}", &caps[1], &caps[2], &caps[3])
        })
        .into_owned()
}

fn with_symbols_written_out(text: &str) -> String {
    if !text.contains([
        '≈', '~', '∼', '‰', '×', 'x', 'X', 'k', 'K', 'm', 'M', 'b', 'B', '=', '+', '±', '÷', '<',
        '>', '≤', '≥', '%',
    ]) {
        return text.to_string();
    }
    let text = with_approximate_ranges(text);
    let text = ABOUT_WORD_AND_SIGN.replace_all(&text, "$1 ");
    let text = ABOUT_SIGN.replace_all(&text, "${1}نحو $2");
    let text = PER_MILLE.replace_all(&text, "$1 في الألف");
    let text = TIMES_SIGN.replace_all(&text, "$1 في $2");
    // Twice: a match takes the space after it, which the next one may start with (2x و3x).
    let text = MULTIPLIER.replace_all(&text, "$1$2$3$4 ضعف$5");
    let text = MULTIPLIER.replace_all(&text, "$1$2$3$4 ضعف$5");
    let text = EQUALS_SIGN.replace_all(&text, "$1 يساوي $2");
    let text = PLUS_SIGN.replace_all(&text, "$1 زائد $2");
    let text = SPACED_PLUS.replace_all(&text, "$1 زائد $2");
    let text = SPACED_PERCENT.replace_all(&text, "$1%");
    let text = NUMBER_PLUS_NOUN.replace_all(&text, "${1}أكثر من $2 $3");
    let text = NUMBER_PLUS_END.replace_all(&text, "$1 فما فوق$2");
    let text = LATIN_PLUS.replace_all(&text, |caps: &regex::Captures| {
        let pluses = " بلس".repeat(caps[2].len());
        format!("{}{pluses}{}", &caps[1], &caps[3])
    });
    let text = PLUS_MINUS_SIGN.replace_all(&text, |caps: &regex::Captures| {
        let before = caps[1].trim_end();
        match before.is_empty() {
            true => format!("{}زائد أو ناقص {}", &caps[1], &caps[2]),
            false => format!("{before} زائد أو ناقص {}", &caps[2]),
        }
    });
    let text = DIVISION_SIGN.replace_all(&text, "$1 مقسوما على $2");
    let text = COMPARISON_SIGN.replace_all(&text, |caps: &regex::Captures| {
        let words = match &caps[2] {
            "<" => "أقل من",
            ">" => "أكثر من",
            "≤" => "لا يزيد على",
            _ => "لا يقل عن",
        };
        format!("{}{words} {}", &caps[1], &caps[3])
    });
    let text = GLUED_CAPITAL_SCALE.replace_all(&text, |caps: &regex::Captures| {
        let start = caps.get(0).map_or(0, |m| m.start());
        // شركة 3M is the company.
        let previous = text[..start].split_whitespace().next_back().unwrap_or("");
        let company = previous.trim_start_matches(['و', 'ف', 'ب', 'ل']) == "شركة";
        if company && &caps[2] == "3" && &caps[3] == "M" {
            return caps[0].to_string();
        }
        let scale = if &caps[3] == "M" {
            "مليون"
        } else {
            "مليار"
        };
        format!("{}{} {scale} {}", &caps[1], &caps[2], &caps[4])
    });
    SCALE_SUFFIX
        .replace_all(&text, |caps: &regex::Captures| {
            let (lead, number, suffix) = match caps.get(2) {
                Some(number) => (&caps[1], number.as_str(), &caps[3]),
                None => (&caps[4], &caps[5], &caps[6]),
            };
            let scale = match suffix {
                "bn" => "مليار",
                "k" | "K" => return format!("{lead}{}", thousands(number)),
                _ => "مليون",
            };
            format!("{lead}{number} {scale}")
        })
        .into_owned()
}

/// "120 م مربع" → "120 م2", "20 كيلومتر مربع" → "20 كم2": one unit, whose adjective then
/// agrees with the count (مترا مربعا، أمتار مربعة).
fn with_square_units_joined(text: &str) -> Cow<'_, str> {
    if !text.contains("مربع") && !text.contains("مكعب") {
        return Cow::Borrowed(text);
    }
    SQUARE_OR_CUBIC_UNIT.replace_all(text, |caps: &regex::Captures| {
        let unit = if caps[2].starts_with('ك') {
            "كم"
        } else {
            "م"
        };
        let power = if caps[3].starts_with("مربع") {
            "2"
        } else {
            "3"
        };
        format!("{}{unit}{power}{}", &caps[1], &caps[4])
    })
}

/// "USD 1.2 billion" → "USD 1.2 مليار": the scale is said in Arabic, like the amount.
fn with_english_scale_words(text: &str) -> Cow<'_, str> {
    // Each scale word has an n; most Arabic text has no Latin letter at all.
    if !text.contains(['n', 'N']) {
        return Cow::Borrowed(text);
    }
    ENGLISH_SCALE_WORD.replace_all(text, |caps: &regex::Captures| {
        let scale = match caps[2].to_ascii_lowercase().as_str() {
            "thousand" => "ألف",
            "million" | "mln" => "مليون",
            "trillion" => "تريليون",
            _ => "مليار",
        };
        format!("{} {scale}", &caps[1])
    })
}

/// "12k" → "12 ألف"; "1.2k" → "1200": a fraction of a thousand is said as the whole number
/// (ألف ومئتا متابع), not as a decimal before ألف.
fn thousands(number: &str) -> String {
    let Some((whole, fraction)) = number.split_once('.') else {
        return format!("{number} ألف");
    };
    if fraction.len() > 3 {
        return format!("{number} ألف");
    }
    let digits = format!("{whole}{fraction:0<3}");
    match digits.trim_start_matches('0') {
        "" => "0".to_string(),
        significant => significant.to_string(),
    }
}

/// Bullets and marks that open a list item or an interview turn.
const BULLETS: &[char] = &[
    '*', '•', '■', '□', '▪', '▫', '●', '○', '◆', '◇', '►', '▶', '▸', '‣', '⁃', '✓', '✔', '♦', '>',
    '»',
];

/// A line without its leading decoration ("• قال"، "■ المحور"، "- س: …"): bullets, or
/// dashes followed by a space (a glued "-5" is a negative number and stays).
fn without_decoration(line: &str) -> &str {
    let rest = line.trim_start_matches(BULLETS).trim_start();
    if rest.len() != line.len() {
        return rest;
    }
    let dashes = line.trim_start_matches('-');
    if dashes.len() != line.len() && dashes.starts_with(' ') {
        return dashes.trim_start();
    }
    line
}

/// A line numbered as a list item ("1- الملف الأول"، "2. البند"، "3) النقطة") read the
/// way an anchor reads a list: أولا، ثانيا… (up to ten).
fn list_number_read_out(line: &str) -> Option<String> {
    const ADVERBS: [&str; 10] = [
        "أولا",
        "ثانيا",
        "ثالثا",
        "رابعا",
        "خامسا",
        "سادسا",
        "سابعا",
        "ثامنا",
        "تاسعا",
        "عاشرا",
    ];
    let digits_end = line.find(|c: char| !c.is_ascii_digit())?;
    let n: usize = line[..digits_end].parse().ok()?;
    let after_marker = line[digits_end..].strip_prefix(['-', '.', ')', '–'])?;
    let text = after_marker.strip_prefix(' ')?.trim_start();
    let arabic_next = text
        .chars()
        .next()
        .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let adverb = ADVERBS.get(n.checked_sub(1)?)?;
    arabic_next.then(|| format!("{adverb}، {text}"))
}

fn truncate(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Maps one character to its normalized replacement (possibly none or several).
fn fold_char(c: char) -> Vec<char> {
    match c {
        TATWEEL => vec![],
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => vec![],
        '\r' => vec![],
        '\u{0660}'..='\u{0669}' => vec![shift_digit(c, '\u{0660}')],
        '\u{06F0}'..='\u{06F9}' => vec![shift_digit(c, '\u{06F0}')],
        '\u{066B}' => vec!['.'],
        '\u{066C}' => vec![','],
        '\u{066A}' => vec!['%'],
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => {
            vec!['"']
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => vec!['\''],
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => vec!['-'],
        '\u{2014}' | '\u{2015}' => vec!['-'],
        '\u{2026}' => vec!['.', '.', '.'],
        '\u{061F}' => vec!['؟'],
        '\u{06D4}' => vec!['.'],
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => presentation_form(c),
        '\u{FF10}'..='\u{FF19}' => vec![shift_digit(c, '\u{FF10}')],
        _ => vec![c],
    }
}

fn shift_digit(c: char, zero: char) -> char {
    let offset = c as u32 - zero as u32;
    char::from_digit(offset, 10).unwrap_or(c)
}

fn presentation_form(c: char) -> Vec<char> {
    let folded: String = c.to_string().nfkc().collect();
    folded.chars().filter(|&ch| ch != TATWEEL).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_are_read_as_their_words() {
        assert_eq!(
            normalize("تصدر وسم #غزة_تحت_القصف المنصة"),
            "تصدر وسم غزة تحت القصف المنصة"
        );
        assert_eq!(normalize("(#MeToo)"), "(MeToo)");
        assert_eq!(normalize("المركز #1"), "المركز #1", "not a hashtag");
    }

    #[test]
    fn a_plus_after_a_name_is_said_plus() {
        assert_eq!(normalize("منصة Disney+ الجديدة"), "منصة Disney بلس الجديدة");
        assert_eq!(normalize("لغة C++"), "لغة C بلس بلس");
        assert_eq!(normalize("تحالف أوبك+"), "تحالف أوبك بلس");
        assert_eq!(
            normalize("GMT+3"),
            "GMT+3",
            "an offset, read by the verbalizer"
        );
        assert_eq!(normalize("شارك 50+ دولة"), "شارك أكثر من 50 دولة");
        assert_eq!(normalize("فيلم للكبار 18+."), "فيلم للكبار 18 فما فوق.");
    }

    #[test]
    fn lone_proclitics_are_glued_to_the_number_or_latin_word_after_them() {
        assert_eq!(normalize("قتل 3 و 5 أشخاص"), "قتل 3 و5 أشخاص");
        assert_eq!(normalize("طائرات F-16 و F-35"), "طائرات F-16 وF-35");
        assert_eq!(
            normalize("وأكد و قال"),
            "وأكد و قال",
            "only before digits or Latin"
        );
    }

    #[test]
    fn vulgar_fractions_become_decimals_or_words() {
        assert_eq!(normalize("نحو 2½ مليون"), "نحو 2.5 مليون");
        assert_eq!(normalize("3 ¾ ساعة"), "3.75 ساعة");
        assert_eq!(normalize("½ الكمية"), "نصف الكمية");
        assert_eq!(normalize("نحو ⅔ السكان"), "نحو ثلثي السكان");
    }

    #[test]
    fn signs_without_a_reading_are_written_as_words() {
        assert_eq!(normalize("بزيادة ≈ 5%"), "بزيادة نحو 5%");
        assert_eq!(normalize("حوالي ~200 شخص"), "حوالي 200 شخص");
        assert_eq!(normalize("أكثر من 10‰"), "أكثر من 10 في الألف");
        assert_eq!(normalize("غرفة 3×4 أمتار"), "غرفة 3 في 4 أمتار");
        assert_eq!(normalize("1 دولار = 3.75 ريال"), "1 دولار يساوي 3.75 ريال");
        assert_eq!(normalize("الدقيقة 90+3"), "الدقيقة 90 زائد 3");
        assert_eq!(normalize("انخفضت إلى-4 درجات"), "انخفضت إلى -4 درجات");
        assert_eq!(normalize("وسم #StopTheWar"), "وسم Stop The War");
        assert_eq!(normalize("#iPhone"), "iPhone");
        assert_eq!(normalize("مؤتمر كوب-29"), "مؤتمر كوب-29");
        assert_eq!(
            normalize("x.com/?a=b"),
            "x.com/?a=b",
            "an address keeps its sign"
        );
        assert_eq!(normalize("20±2"), "20 زائد أو ناقص 2");
        assert_eq!(normalize("هامش ±3%"), "هامش زائد أو ناقص 3%");
        assert_eq!(normalize("10 ÷ 2"), "10 مقسوما على 2");
        assert_eq!(normalize("نسبة <5% و>10%"), "نسبة أقل من 5% وأكثر من 10%");
        assert_eq!(normalize("(>10%)"), "(أكثر من 10%)");
        assert_eq!(normalize("أصيب 40~50 شخصا"), "أصيب بين 40 و50 شخصا");
        assert_eq!(normalize("يتراوح بين 5~10%"), "يتراوح بين 5 و10%");
        assert_eq!(normalize("نحو 5~10%"), "نحو 5 إلى 10%");
        assert_eq!(normalize("مبروك 🎉 للفائزين 👍🏽"), "مبروك للفائزين");
        assert_eq!(normalize("حقوق ©"), "حقوق ©");
        assert_eq!(normalize("جمع $5bn"), "جمع $5 مليار");
        assert_eq!(normalize("جمع $2.5m"), "جمع $2.5 مليون");
        assert_eq!(normalize("نحو 3k مشترك"), "نحو 3 ألف مشترك");
        assert_eq!(normalize("و 12K مشاهدة"), "و12 ألف مشاهدة");
        assert_eq!(normalize("نحو 1.2k مشترك"), "نحو 1200 مشترك");
        assert_eq!(normalize("نحو 0.05k"), "نحو 50");
        assert_eq!(normalize("نحو 1.2345k"), "نحو 1.2345 ألف");
        assert_eq!(
            normalize("ركض 5m"),
            "ركض 5m",
            "5 m without a currency may be metres"
        );
        assert_eq!(normalize("طائرة F-16 وMk 2"), "طائرة F-16 وMk 2");
    }

    #[test]
    fn terms_written_with_a_digit_are_said_as_anchors_say_them() {
        assert_eq!(normalize("متاحة 24/7."), "متاحة على مدار الساعة.");
        assert_eq!(normalize("يوم 24/7 الماضي"), "يوم 24/7 الماضي");
        assert_eq!(normalize("وفي 24/7"), "وفي 24/7");
        assert_eq!(normalize("بدقة 4K و8K"), "بدقة فور كيه وإيت كيه");
        assert_eq!(normalize("فيلم 3D"), "فيلم ثري دي");
        assert_eq!(
            normalize("نحو 14K"),
            "نحو 14 ألف",
            "only 4K and 8K are resolutions"
        );
        assert_eq!(normalize("x.com/24/7"), "x.com/24/7");
    }

    #[test]
    fn a_multiplier_is_a_count_of_times_over() {
        assert_eq!(normalize("ارتفع ×3."), "ارتفع 3 ضعف.");
        assert_eq!(normalize("زووم 10x و2x"), "زووم 10 ضعف و2 ضعف");
        // Between two numbers it is a product or a size.
        assert_eq!(normalize("غرفة 3×4 م"), "غرفة 3 في 4 م");
        assert_eq!(normalize("سيارة 4x4"), "سيارة 4 في 4");
    }

    #[test]
    fn decades_in_english_digits_are_named() {
        assert_eq!(normalize("في 1990s."), "في التسعينيات.");
        assert_eq!(
            normalize("بين 1970's و1980s"),
            "بين السبعينيات والثمانينيات"
        );
        assert_eq!(normalize("في 2020s"), "في عشرينيات القرن الحادي والعشرين");
        assert_eq!(normalize("عام 1990"), "عام 1990");
        assert_eq!(normalize("نحو 1990 s"), "نحو 1990 s");
    }

    #[test]
    fn unifies_digits_and_separators() {
        assert_eq!(normalize("٣٫٥ و۱۲ و١٬٥٠٠"), "3.5 و12 و1,500");
        assert_eq!(normalize("٪٤٧"), "%47");
    }

    #[test]
    fn removes_tatweel_controls_and_presentation_forms() {
        assert_eq!(normalize("بـ3 مــرات\u{200F}"), "ب3 مرات");
        assert_eq!(normalize("بـ 5 والـ 20"), "ب5 وال20");
        assert_eq!(normalize("مقارنة بـ -1.2%"), "مقارنة ب-1.2%");
        assert_eq!(normalize("القمة ال 33 وال 34"), "القمة ال33 وال34");
        assert_eq!(
            normalize("1.25 د.أ/لتر و80 $/برميل"),
            "1.25 د.أ للتر و80 $ للبرميل"
        );
        assert_eq!(normalize("120 كم/ساعة"), "120 كم/ساعة");
        // A unit per a unit, and a price per a unit written by its abbreviation.
        assert_eq!(normalize("3 كغ/م3"), "3 كغ لكل متر مكعب");
        assert_eq!(normalize("5 طن/هكتار"), "5 طن لكل هكتار");
        assert_eq!(normalize("2 ملغ/ل"), "2 ملغ لكل لتر");
        assert_eq!(normalize("140 ملغ/ديسيلتر"), "140 ملغ لكل ديسيلتر");
        assert_eq!(normalize("12 م/ث"), "12 متر في الثانية");
        // A headline's separator between words is a pause.
        assert_eq!(normalize("عاجل | مقتل 5"), "عاجل، مقتل 5");
        assert_eq!(normalize("القاهرة - رويترز"), "القاهرة - رويترز");
        // The article stays on the Latin word it is written before.
        assert_eq!(normalize("الـ FIFA وللـNATO"), "الFIFA وللNATO");
        // The path of a web address is no rate.
        assert_eq!(normalize("الرابط bit.ly/3abc"), "الرابط bit.ly/3abc");
        assert_eq!(normalize("4000 ريال/م2"), "4000 ريال للمتر المربع");
        assert_eq!(normalize("قال و/أو"), "قال و/أو");
        // A rate in time, a price per unit written in the accusative, a power glued on.
        assert_eq!(
            normalize("10 آلاف برميل/يوم و85 دولارا/برميل"),
            "10 آلاف برميل في اليوم و85 دولارا للبرميل"
        );
        assert_eq!(normalize("120 كلم2"), "120 كلم2");
        assert_eq!(normalize("مر بـ الشارع ولـ المدينة"), "مر بالشارع وللمدينة");
        assert_eq!(
            normalize("قال لـ\"العربية\" ولـالجزيرة وبـ «الشرق»"),
            "قال \"للعربية\" وللجزيرة \"وبالشرق\""
        );
        assert_eq!(normalize("\u{FEDF}\u{FEE0}\u{FEEA}"), "لله");
        assert_eq!(normalize("\u{FEFB}"), "لا");
    }

    #[test]
    fn spaces_scripts_and_collapses_whitespace() {
        assert_eq!(normalize("قالتCNN   إن"), "قالت CNN إن");
        assert_eq!(normalize("15شخصا"), "15 شخصا");
        assert_eq!(normalize("طائرات وF-16 وبـ CNN"), "طائرات وF-16 وبCNN");
        assert_eq!(normalize("\u{a0}ݐa"), "ݐ a");
        assert_eq!(normalize("بنسبة47% وال25 وبـ3"), "بنسبة 47% وال25 وب3");
        assert_eq!(normalize("«مرحبا» ، قال"), "\"مرحبا\"، قال");
    }

    #[test]
    fn reads_a_list_number_as_an_ordinal_adverb() {
        assert_eq!(
            list_number_read_out("1- الملف الأول").as_deref(),
            Some("أولا، الملف الأول")
        );
        assert_eq!(
            list_number_read_out("2. البند").as_deref(),
            Some("ثانيا، البند")
        );
        assert_eq!(
            list_number_read_out("3) النقطة").as_deref(),
            Some("ثالثا، النقطة")
        );
        assert_eq!(list_number_read_out("3-1 فاز"), None);
        assert_eq!(list_number_read_out("11- بند"), None);
        assert_eq!(list_number_read_out("5 أشخاص"), None);
        assert_eq!(list_number_read_out("2. Item"), None);
    }

    #[test]
    fn drops_line_leading_decorations() {
        assert_eq!(normalize("• قال الوزير"), "قال الوزير");
        assert_eq!(
            normalize("■ المحور الأول\n- س: لماذا؟"),
            "المحور الأول\nس: لماذا؟"
        );
        assert_eq!(normalize("** عاجل"), "عاجل");
        assert_eq!(normalize("-5 درجات"), "-5 درجات");
        assert_eq!(normalize(">> اقرأ أيضا"), "اقرأ أيضا");
        assert_eq!(normalize("قال لـ\"العربية.نت\""), "قال \"للعربية نت\"");
        assert_eq!(normalize("المؤشر ↑ 2%"), "المؤشر 2%");
    }

    #[test]
    fn leaves_plain_text_alone() {
        let text = "قال الرئيس إن الوضع مستقر.";
        assert_eq!(normalize(text), text);
    }
}
