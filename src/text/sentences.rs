//! Sentence and clause splitting for Arabic and English news text.

/// Longest clause, in words, before it is cut at a word boundary.
pub const MAX_CLAUSE_WORDS: usize = 40;
/// Longest clause, in characters, given to the voice in one inference.
pub const MAX_CLAUSE_CHARS: usize = 300;

/// Dotted abbreviations that do not end a sentence (compared without the final dot).
const ABBREVIATIONS: &[&str] = &[
    "د", "أ", "م", "ق", "ص", "ج", "ت", "ه", "هـ", "ق.م", "أ.د", "ش.م.م", "Dr", "Mr", "Mrs", "Ms",
    "Prof", "St", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "U.S", "U.K", "U.N", "Inc", "Ltd", "Co",
    "No", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Splits text into sentences at ؟ ? ! . … and line breaks, keeping the end mark,
/// never inside a decimal number, a dotted abbreviation (د. ، U.S.) or a quotation.
pub fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut sentences = Vec::new();
    let mut current = String::new();
    let mut in_quote = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push_trimmed(&mut sentences, &mut current);
            i += 1;
            continue;
        }
        current.push(c);
        if c == '"' {
            in_quote = !in_quote;
            if !in_quote && closes_quoted_sentence(&chars, i) {
                push_trimmed(&mut sentences, &mut current);
                i += 1;
                continue;
            }
        }
        if is_sentence_end(&chars, i) && !in_quote {
            while i + 1 < chars.len() && is_closing(chars[i + 1]) {
                i += 1;
                current.push(chars[i]);
            }
            push_trimmed(&mut sentences, &mut current);
        }
        i += 1;
    }
    push_trimmed(&mut sentences, &mut current);
    sentences
}

fn closes_quoted_sentence(chars: &[char], quote: usize) -> bool {
    let before = quote.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let after = chars.get(quote + 1).copied();
    before.is_some_and(|b| matches!(b, '.' | '!' | '?' | '؟' | '…'))
        && after.is_none_or(char::is_whitespace)
}

fn is_closing(c: char) -> bool {
    matches!(c, '؟' | '?' | '!' | '.' | '…' | ')' | '»' | '"' | '\'')
}

fn is_sentence_end(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let next = chars.get(i + 1).copied();
    match c {
        '؟' | '?' | '!' | '…' => next.is_none_or(|n| n.is_whitespace() || is_closing(n)),
        '.' => {
            if next.is_some_and(|n| !n.is_whitespace() && !is_closing(n)) {
                return false;
            }
            if next == Some('.') {
                return false;
            }
            !ends_with_abbreviation(chars, i)
        }
        _ => false,
    }
}

fn ends_with_abbreviation(chars: &[char], dot: usize) -> bool {
    let start = chars[..dot]
        .iter()
        .rposition(|c| c.is_whitespace() || *c == '(' || *c == '"')
        .map_or(0, |p| p + 1);
    let word: String = chars[start..dot].iter().collect();
    if word.is_empty() {
        return false;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(&word))
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

fn push_trimmed(out: &mut Vec<String>, current: &mut String) {
    let trimmed = current.trim();
    if !trimmed.is_empty() {
        out.push(trimmed.to_string());
    }
    current.clear();
}

/// Splits a sentence into clauses at ، ؛ , ; : (not inside numbers like 1,500),
/// then cuts any clause longer than `MAX_CLAUSE_WORDS` words or [`MAX_CLAUSE_CHARS`]
/// characters at a word boundary (a longer word is cut where it must be).
pub fn split_clauses(sentence: &str) -> Vec<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut clauses = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if matches!(c, '،' | '؛' | ',' | ';' | ':') && !between_digits {
            push_trimmed(&mut clauses, &mut current);
        }
    }
    push_trimmed(&mut clauses, &mut current);
    clauses.into_iter().flat_map(|c| cap_words(&c)).collect()
}

fn cap_words(clause: &str) -> Vec<String> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    let chunks = if words.len() <= MAX_CLAUSE_WORDS {
        vec![clause.to_string()]
    } else {
        split_words_evenly(&words, MAX_CLAUSE_WORDS)
    };
    chunks
        .iter()
        .flat_map(|chunk| cut_at_spaces(chunk, MAX_CLAUSE_CHARS))
        .filter(|piece| !piece.is_empty())
        .map(str::to_string)
        .collect()
}

/// `words` joined into the fewest pieces of at most `max` words, all of about equal length.
pub fn split_words_evenly(words: &[&str], max: usize) -> Vec<String> {
    let pieces = words.len().div_ceil(max.max(1)).max(1);
    let size = words.len().div_ceil(pieces).max(1);
    words.chunks(size).map(|chunk| chunk.join(" ")).collect()
}

/// Cut `text` into pieces of at most `max` characters, at spaces where possible (a single
/// longer word is cut where it must be). Used to bound what one model call receives.
pub fn cut_at_spaces(text: &str, max: usize) -> Vec<&str> {
    let max = max.max(1);
    let mut pieces = Vec::new();
    let mut rest = text.trim();
    // Each step looks at most `max` characters ahead, so the whole cut is linear in the text.
    while let Some((limit, _)) = rest.char_indices().nth(max) {
        let cut = rest[..limit].rfind(' ').filter(|&i| i > 0).unwrap_or(limit);
        pieces.push(&rest[..cut]);
        rest = rest[cut..].trim_start();
    }
    pieces.push(rest);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_word_never_reaches_the_voice_whole() {
        let clauses = split_clauses(&"ب".repeat(100_000));
        assert!(clauses
            .iter()
            .all(|c| c.chars().count() <= MAX_CLAUSE_CHARS));
        let total: usize = clauses.iter().map(|c| c.chars().count()).sum();
        assert_eq!(total, 100_000);
        let long_words = "كلمةطويلةجدا ".repeat(100);
        assert!(split_clauses(&long_words)
            .iter()
            .all(|c| c.chars().count() <= MAX_CLAUSE_CHARS && !c.contains("  ")));
    }

    #[test]
    fn splits_arabic_sentences() {
        let parts = split_sentences("قال د. أحمد إن النمو بلغ 3.5 بالمئة. هل هذا صحيح؟ نعم!");
        assert_eq!(
            parts,
            vec![
                "قال د. أحمد إن النمو بلغ 3.5 بالمئة.",
                "هل هذا صحيح؟",
                "نعم!"
            ]
        );
    }

    #[test]
    fn keeps_quotes_and_english_abbreviations() {
        let parts = split_sentences("The U.S. said \"no. never.\" Then it left.");
        assert_eq!(parts, vec!["The U.S. said \"no. never.\"", "Then it left."]);
        assert_eq!(split_sentences("أولا… ثانيا").len(), 2);
    }

    #[test]
    fn splits_clauses_but_not_numbers() {
        let parts = split_clauses("وصل 1,500 شخص، ثم غادروا؛ وانتهى الأمر");
        assert_eq!(parts, vec!["وصل 1,500 شخص،", "ثم غادروا؛", "وانتهى الأمر"]);
    }

    #[test]
    fn caps_long_clauses() {
        let long = vec!["كلمة"; 95].join(" ");
        let parts = split_clauses(&long);
        assert_eq!(parts.len(), 3);
        assert!(parts
            .iter()
            .all(|p| p.split_whitespace().count() <= MAX_CLAUSE_WORDS));
    }
}
