//! Speakability lint: what would still reach the voice as digits, Latin letters, symbols, URLs or emoji.

use std::borrow::Cow;
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
static LATIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z\u{00C0}-\u{024F}]+").expect("static regex"));
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[#@&%*_=+<>|\\/^~`{}\[\]٪‰‱§¶†‡\p{S}&&[^\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]]",
    )
    .expect("static regex")
});
static EMOJI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]").expect("static regex")
});

/// Reports everything in `spoken` an Arabic voice cannot say: one warning per kind of problem,
/// naming each offending fragment once (at most `MAX_WARNINGS` warnings).
pub fn lint(spoken: &str) -> Vec<SpeakabilityWarning> {
    let (urls, rest) = if may_hold_url(spoken) {
        let urls: Vec<&str> = URL.find_iter(spoken).map(|m| m.as_str()).collect();
        (urls, URL.replace_all(spoken, " "))
    } else {
        (Vec::new(), Cow::Borrowed(spoken))
    };
    let emoji: Vec<&str> = EMOJI
        .find_iter(&rest)
        .map(|m| m.as_str())
        .filter(|m| !m.is_ascii())
        .collect();
    let found = [
        (
            WarningKind::Url,
            urls,
            "URL or e-mail address would be read character by character",
        ),
        (
            WarningKind::Digits,
            matches(&DIGITS, &rest),
            "digits were not verbalized",
        ),
        (
            WarningKind::Latin,
            matches(&LATIN, &rest),
            "Latin letters in Arabic speech",
        ),
        (
            WarningKind::Symbol,
            matches(&SYMBOL, &rest),
            "symbol the voice cannot read",
        ),
        (
            WarningKind::Emoji,
            emoji,
            "emoji would be skipped or mispronounced",
        ),
    ];
    let mut warnings: Vec<SpeakabilityWarning> = found
        .into_iter()
        .filter_map(|(kind, fragments, message)| grouped(kind, &fragments, message))
        .collect();
    warnings.truncate(MAX_WARNINGS);
    warnings
}

/// Whether `text` has what every address needs: an @ or a Latin letter (a scheme, www or a
/// domain ending). Spoken Arabic has neither, and the full pattern is slow on it.
fn may_hold_url(text: &str) -> bool {
    text.bytes().any(|b| b == b'@' || b.is_ascii_alphabetic())
}

fn matches<'a>(pattern: &Regex, text: &'a str) -> Vec<&'a str> {
    pattern.find_iter(text).map(|m| m.as_str()).collect()
}

/// One warning for all fragments of a kind, each fragment named once, in order of appearance.
fn grouped(kind: WarningKind, fragments: &[&str], message: &str) -> Option<SpeakabilityWarning> {
    let mut unique: Vec<&str> = Vec::new();
    for fragment in fragments {
        if !unique.contains(fragment) {
            unique.push(fragment);
        }
    }
    if unique.is_empty() {
        return None;
    }
    let fragment = unique.join(", ");
    Some(SpeakabilityWarning {
        kind,
        message: format!("{message}: {fragment}"),
        fragment,
    })
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
        assert_eq!(kinds("بزيادة ≈ خمسة"), vec![WarningKind::Symbol]);
        assert_eq!(kinds("عشرة ‰"), vec![WarningKind::Symbol]);
        assert_eq!(
            kinds("مبروك 🎉"),
            vec![WarningKind::Emoji],
            "an emoji is not also a symbol"
        );
        assert_eq!(kinds("زوروا https://example.com/a"), vec![WarningKind::Url]);
        assert_eq!(kinds("رائع 😀"), vec![WarningKind::Emoji]);
        assert_eq!(lint("١٢")[0].fragment, "١٢");
    }

    #[test]
    fn every_form_of_address_is_reported() {
        for text in [
            "اكتبوا إلى news@example.org",
            "اكتبوا إلى محمد@مثال.مصر",
            "زوروا www.example.com",
            "زوروا aljazeera.net/news",
        ] {
            assert_eq!(lint(text)[0].kind, WarningKind::Url, "{text}");
        }
        assert!(!may_hold_url("بلغ خمسة، في المئة."));
    }

    #[test]
    fn each_problem_is_reported_once_per_text() {
        let warnings = lint("قالت Reuters و AFP و Reuters إن 5 و 6 #غزة");
        assert_eq!(
            kinds("قالت Reuters و AFP و Reuters إن 5 و 6 #غزة"),
            vec![WarningKind::Digits, WarningKind::Latin, WarningKind::Symbol]
        );
        assert_eq!(warnings[1].fragment, "Reuters, AFP");
        assert_eq!(
            warnings[1].message,
            "Latin letters in Arabic speech: Reuters, AFP"
        );
        assert_eq!(warnings[0].fragment, "5, 6");
        assert_eq!(kinds("مقهى Café"), vec![WarningKind::Latin]);
    }
}
