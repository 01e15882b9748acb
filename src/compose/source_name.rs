//! The outlet name an Arabic presenter says in "الخبر الأول … عن `<name>`". The article's
//! `source_name` is already the config's spoken name when there is one, else the page's own
//! (Arabic when the page gives one), else its host; what is still in Latin script is said the
//! way an anchor says it: from the name lexicon, spelled as an acronym, or transliterated.
use crate::text::transliterate::spell_acronym;
use crate::text::transliterate::{arabize_latin, is_latin_letter, known_name, transliterate_word};

/// Labels that end a host name without naming the outlet.
const HOST_SUFFIXES: &[&str] = &[
    "com", "net", "org", "info", "news", "tv", "co", "gov", "int", "edu", "io", "me", "online",
];
/// Labels that start a host name without naming the outlet.
const HOST_PREFIXES: &[&str] = &["www", "m", "amp", "ar", "arabic", "arabi", "news"];
/// Longest host label spelled as an acronym when it has no vowel (cnn, bbc, rt).
const MAX_ACRONYM_LABEL: usize = 5;

/// `name` as an Arabic voice should say it (unchanged when it has no Latin letter).
pub fn spoken_source_name(name: &str) -> String {
    let name = name.trim();
    if !name.chars().any(is_latin_letter) {
        return name.to_string();
    }
    match outlet_label(name) {
        Some(label) => spoken_label(label),
        None => arabize_latin(name),
    }
}

/// The outlet's label in a host name or URL ("https://arabic.cnn.com/x" → "cnn"), or `None`
/// when `name` is not one.
fn outlet_label(name: &str) -> Option<&str> {
    let rest = name.split_once("://").map_or(name, |(_, after)| after);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    if name.contains(' ') || !host.contains('.') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let country_code = |l: &str| l.len() == 2 && l.chars().all(|c| c.is_ascii_alphabetic());
    let mut end = labels.len();
    while end > 1
        && (HOST_SUFFIXES.contains(&labels[end - 1].to_ascii_lowercase().as_str())
            || end == labels.len() && country_code(labels[end - 1]))
    {
        end -= 1;
    }
    let named: Vec<&str> = labels[..end]
        .iter()
        .copied()
        .filter(|l| !HOST_PREFIXES.contains(&l.to_ascii_lowercase().as_str()))
        .collect();
    named.last().copied().or_else(|| labels.first().copied())
}

/// One host label in Arabic: lexicon (any case), acronym, or transliteration.
fn spoken_label(label: &str) -> String {
    if let Some(name) = known_name(label).or_else(|| known_name(&label.to_ascii_uppercase())) {
        return name.to_string();
    }
    let letters: String = label.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let has_vowel = letters
        .chars()
        .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    if !letters.is_empty() && letters.len() <= MAX_ACRONYM_LABEL && !has_vowel {
        if let Some(spelled) = spell_acronym(&letters.to_ascii_uppercase()) {
            return spelled;
        }
    }
    if label.chars().all(is_latin_letter) {
        transliterate_word(label)
    } else {
        arabize_latin(&label.replace('-', " "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_names_are_kept() {
        assert_eq!(spoken_source_name("روسيا اليوم"), "روسيا اليوم");
        assert_eq!(spoken_source_name(" الجزيرة نت "), "الجزيرة نت");
    }

    #[test]
    fn latin_names_come_from_the_lexicon_or_the_rules() {
        assert_eq!(spoken_source_name("Reuters"), "رويترز");
        assert_eq!(spoken_source_name("The Guardian"), "ذا غارديان");
        assert_eq!(spoken_source_name("Le Monde"), "لوموند");
        assert_eq!(spoken_source_name("BBC News عربي"), "بي بي سي نيوز عربي");
        let made_up = spoken_source_name("Daily Sentinel");
        assert!(!made_up.chars().any(is_latin_letter), "{made_up}");
    }

    #[test]
    fn hosts_are_said_by_their_outlet_label() {
        assert_eq!(spoken_source_name("www.aljazeera.net"), "الجزيرة");
        assert_eq!(spoken_source_name("arabic.cnn.com"), "سي إن إن");
        assert_eq!(spoken_source_name("https://www.bbc.com/arabic"), "بي بي سي");
        assert_eq!(
            spoken_source_name("www.skynewsarabia.com"),
            "سكاي نيوز عربية"
        );
        assert_eq!(spoken_source_name("www.france24.com"), "فرانس أربعة وعشرين");
        assert_eq!(spoken_source_name("www.lemonde.fr"), "لوموند");
        let other = spoken_source_name("www.example-news.co.uk");
        assert!(!other.chars().any(is_latin_letter), "{other}");
        assert!(!other.contains('.'), "{other}");
    }
}
