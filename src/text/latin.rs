//! Latin-script tokens common in Arabic news, read for an Arabic listener (names from the
//! bundled lexicon of [`super::transliterate`], model codes, acronyms), and Roman numerals.

use super::numbers::{cardinal_with, label, ordinal, Case, Gender};
use super::transliterate::{
    known_name, reads_as_word, speak_latin_word, spell_acronym, transliterate_word,
};

/// Reads a Latin token (with optional digits) for an Arabic listener, or `None`
/// when it is an ordinary word left to the lint.
pub fn read_latin_token(token: &str) -> Option<String> {
    if let Some(spoken) = known_name(token) {
        return Some(spoken.to_string());
    }
    if let Some(offset) = utc_offset(token) {
        return Some(offset);
    }
    if let Some(generation) = mobile_generation(token) {
        return Some(generation);
    }
    if let Some(period) = fiscal_period(token) {
        return Some(period);
    }
    if reads_as_word(token) {
        return Some(transliterate_word(&token.to_ascii_lowercase()));
    }
    model_code(token).or_else(|| spell_acronym(token))
}

/// GMT+3, UTC-5: a time zone and its offset in hours (غرينتش زائد ثلاثة, as anchors name GMT).
fn utc_offset(token: &str) -> Option<String> {
    let split = token.find(['+', '-'])?;
    let (zone, offset) = token.split_at(split);
    if !matches!(zone, "GMT" | "UTC") {
        return None;
    }
    let (sign, hours) = offset.split_at(1);
    let hours: u64 = hours.parse().ok().filter(|h| *h <= 14)?;
    let sign_word = if sign == "+" { "زائد" } else { "ناقص" };
    let zone_spoken = known_name(zone)
        .map(str::to_string)
        .or_else(|| spell_acronym(zone))?;
    let hours_spoken = cardinal_with(hours, Gender::Masculine, Case::Nominative, false);
    Some(format!("{zone_spoken} {sign_word} {hours_spoken}"))
}

/// 5G → الجيل الخامس.
fn mobile_generation(token: &str) -> Option<String> {
    let digits = token.strip_suffix('G')?;
    let n: u64 = digits.parse().ok()?;
    (1..=9)
        .contains(&n)
        .then(|| format!("الجيل {}", ordinal(n, Gender::Masculine, Case::Nominative)))
}

/// Q3 → الربع الثالث، H1 → النصف الأول: the quarter or half of a year in company results.
pub(crate) fn fiscal_period(token: &str) -> Option<String> {
    let (part, count) = match token.split_at_checked(1)? {
        ("Q", digit) => (
            "الربع",
            digit.parse::<u64>().ok().filter(|n| (1..=4).contains(n))?,
        ),
        ("H", digit) => (
            "النصف",
            digit.parse::<u64>().ok().filter(|n| (1..=2).contains(n))?,
        ),
        _ => return None,
    };
    Some(format!(
        "{part} {}",
        ordinal(count, Gender::Masculine, Case::Nominative)
    ))
}

/// Letters followed by a number, with or without a hyphen: F-16, S-400, MH17, A320; or a
/// name, a hyphen and a number: Su-35, MiG-29, Hwasong-18, Shahed-136; each with a variant's
/// letters after the number (A320neo، F-35A، T-90M). The number is a label, read in the
/// frozen oblique form anchors use (إف خمسة وثلاثين، سو خمسة وثلاثين).
fn model_code(token: &str) -> Option<String> {
    let split = token.find(|c: char| c.is_ascii_digit())?;
    let (letters, rest) = token.split_at(split);
    let hyphenated = letters.ends_with('-');
    let letters = letters.strip_suffix('-').unwrap_or(letters);
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, variant) = rest.split_at(digits_end);
    let variant_ok = variant.len() <= 4 && variant.chars().all(|c| c.is_ascii_alphabetic());
    if letters.is_empty() || digits.len() > 6 || !variant_ok {
        return None;
    }
    let maker = hyphenated.then(|| soviet_design_bureau(letters)).flatten();
    let spoken_letters = match maker.or_else(|| known_name(letters)) {
        Some(name) => name.to_string(),
        None => spell_acronym(letters).or_else(|| model_name(letters, hyphenated))?,
    };
    let n: u64 = digits.parse().ok()?;
    let number = label(n);
    match variant_name(variant) {
        Some(variant) => Some(format!("{spoken_letters} {number} {variant}")),
        None => Some(format!("{spoken_letters} {number}")),
    }
}

/// The name of a Soviet or Russian aircraft maker whose code a plain reading would garble:
/// An-124 → أنتونوف (not the particle أن), Il-76 → إيل, as the Arabic press writes them.
fn soviet_design_bureau(letters: &str) -> Option<&'static str> {
    match letters {
        "An" => Some("أنتونوف"),
        "Il" => Some("إيل"),
        _ => None,
    }
}

/// The letters of a model's variant after its number, read as any Latin word (XLR → إكس إل
/// آر، neo → نيو); `None` when there are none.
fn variant_name(variant: &str) -> Option<String> {
    (!variant.is_empty()).then(|| speak_latin_word(variant))
}

/// The name of a model before a hyphen and its number, said as a word: a Latin word with
/// lowercase letters (Su, MiG, Hwasong). Without the hyphen (iPhone15) the split is unsure.
fn model_name(letters: &str, hyphenated: bool) -> Option<String> {
    let word = letters.chars().all(|c| c.is_ascii_alphabetic())
        && letters.chars().any(|c| c.is_ascii_lowercase());
    (hyphenated && word).then(|| transliterate_word(&letters.to_ascii_lowercase()))
}

/// Value of a well-formed Roman numeral (II, XIV, MMXXI), 1–3999.
pub fn roman_value(token: &str) -> Option<u64> {
    if token.is_empty() || token.len() > 15 {
        return None;
    }
    let value_of = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u64> = token.chars().map(value_of).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(&next) if next > v => total -= v as i64,
            _ => total += v as i64,
        }
    }
    let total = u64::try_from(total).ok()?;
    (to_roman(total) == token).then_some(total)
}

/// `n` in Roman numerals (standard subtractive form).
pub(crate) fn to_roman(mut n: u64) -> String {
    const TABLE: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_news_tokens() {
        assert_eq!(read_latin_token("COVID-19").unwrap(), "كوفيد تسعة عشر");
        assert_eq!(read_latin_token("G7").unwrap(), "مجموعة السبع");
        assert_eq!(read_latin_token("F-16").unwrap(), "إف ستة عشر");
        assert_eq!(read_latin_token("Q3").unwrap(), "الربع الثالث");
        assert_eq!(read_latin_token("H1").unwrap(), "النصف الأول");
        assert_eq!(read_latin_token("Q5").unwrap(), "كيو خمسة");
        assert_eq!(read_latin_token("F-35").unwrap(), "إف خمسة وثلاثين");
        assert_eq!(read_latin_token("F-35A").unwrap(), "إف خمسة وثلاثين إيه");
        assert_eq!(
            read_latin_token("A320neo").unwrap(),
            "إيه ثلاثمئة وعشرين نيو"
        );
        assert_eq!(read_latin_token("S24").unwrap(), "إس أربعة وعشرين");
        assert_eq!(read_latin_token("COP28").unwrap(), "كوب ثمانية وعشرين");
        assert_eq!(read_latin_token("5G").unwrap(), "الجيل الخامس");
        assert_eq!(read_latin_token("GMT+3").unwrap(), "غرينتش زائد ثلاثة");
        assert_eq!(read_latin_token("UTC-5").unwrap(), "يو تي سي ناقص خمسة");
        assert_eq!(read_latin_token("NATO").unwrap(), "الناتو");
        assert_eq!(read_latin_token("CNN").unwrap(), "سي إن إن");
        assert_eq!(read_latin_token("Hello"), None);
        assert_eq!(read_latin_token("Su-35").unwrap(), "سو خمسة وثلاثين");
        assert_eq!(
            read_latin_token("An-124").unwrap(),
            "أنتونوف مئة وأربعة وعشرين"
        );
        assert_eq!(read_latin_token("MiG-29").unwrap(), "ميغ تسعة وعشرين");
        assert_eq!(read_latin_token("Tu-160").unwrap(), "تو مئة وستين");
    }

    #[test]
    fn parses_roman_numerals_strictly() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("MMXXI"), Some(2021));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("ABC"), None);
    }
}
