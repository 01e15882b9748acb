//! Speakability lint: what would still reach the voice as digits, Latin letters, symbols, URLs or emoji.

use std::sync::LazyLock;

use regex::Regex;

/// What kind of unspeakable fragment was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// ASCII or Arabic-Indic digits.
    Digits,
    /// Latin letters (an Arabic voice spells or mangles them).
    Latin,
    /// A symbol the voice cannot read (#, @, &, %, $ …).
    Symbol,
    /// A URL or e-mail address.
    Url,
    /// An emoji or pictograph.
    Emoji,
}

/// One unspeakable fragment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SpeakabilityWarning {
    /// Category.
    pub kind: WarningKind,
    /// The offending text.
    pub fragment: String,
    /// Human-readable explanation.
    pub message: String,
}

/// Most warnings reported for one text.
pub const MAX_WARNINGS: usize = 50;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:com|org|net|gov|int|edu|ae|sa|eg|qa|info|io)\b\S*").expect("static regex")
});
static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9\u0660-\u0669\u06F0-\u06F9]+").expect("static regex"));
static LATIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Za-z]+").expect("static regex"));
static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[#@&%$€£¥*_=+<>|\\/^~`{}\[\]°٪]").expect("static regex"));
static EMOJI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]").expect("static regex")
});

/// Reports everything in `spoken` an Arabic voice cannot say (at most [`MAX_WARNINGS`]).
pub fn lint(spoken: &str) -> Vec<SpeakabilityWarning> {
    let mut warnings = Vec::new();
    let mut rest = spoken.to_string();
    for m in URL.find_iter(spoken) {
        warnings.push(warning(
            WarningKind::Url,
            m.as_str(),
            "URL or e-mail address would be read character by character",
        ));
    }
    rest = URL.replace_all(&rest, " ").into_owned();
    for m in DIGITS.find_iter(&rest) {
        warnings.push(warning(
            WarningKind::Digits,
            m.as_str(),
            "digits were not verbalized",
        ));
    }
    for m in LATIN.find_iter(&rest) {
        warnings.push(warning(
            WarningKind::Latin,
            m.as_str(),
            "Latin letters in Arabic speech",
        ));
    }
    for m in SYMBOL.find_iter(&rest) {
        warnings.push(warning(
            WarningKind::Symbol,
            m.as_str(),
            "symbol the voice cannot read",
        ));
    }
    for m in EMOJI.find_iter(&rest) {
        if !m.as_str().is_ascii() {
            warnings.push(warning(
                WarningKind::Emoji,
                m.as_str(),
                "emoji would be skipped or mispronounced",
            ));
        }
    }
    warnings.truncate(MAX_WARNINGS);
    warnings
}

fn warning(kind: WarningKind, fragment: &str, message: &str) -> SpeakabilityWarning {
    SpeakabilityWarning {
        kind,
        fragment: fragment.to_string(),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<WarningKind> {
        lint(text).into_iter().map(|w| w.kind).collect()
    }

    #[test]
    fn clean_arabic_has_no_warnings() {
        assert!(lint("قتل ثلاثة جنود في الهجوم.").is_empty());
    }

    #[test]
    fn reports_each_kind() {
        assert_eq!(kinds("بلغ 5 أشخاص"), vec![WarningKind::Digits]);
        assert_eq!(kinds("قالت Reuters"), vec![WarningKind::Latin]);
        assert_eq!(kinds("وسم #غزة"), vec![WarningKind::Symbol]);
        assert_eq!(kinds("زوروا https://example.com/a"), vec![WarningKind::Url]);
        assert_eq!(kinds("رائع 😀"), vec![WarningKind::Emoji]);
        assert_eq!(lint("١٢")[0].fragment, "١٢");
    }
}
