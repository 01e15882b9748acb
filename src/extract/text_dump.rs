//! Plain-text dumps of news pages (a browser's "save as text", a copy of the page): every
//! non-empty line is a paragraph. Menus, section lists and tickers come before the headline;
//! related headlines, comments and sign-offs come after the body.
//!
//! The body starts at the first line that reads like prose (12+ words with punctuation, or 20+
//! words). The headline is the nearest line above it that is not furniture. From the headline on,
//! the [`super::boilerplate`] rules drop furniture, the repeated headline and photo captions, and
//! cut the tail after closing furniture ("المصدر: …", "التعليقات", related lists). Bullet lines
//! (`•`, `-`, `*` …) are menus unless they are long sentences.

use super::article::{detect_lang, Article, Extraction, Strategy};
use super::boilerplate::{self, Verdict};
use super::normalize_space;

/// Bullet characters that start menu and list lines.
const BULLETS: &[char] = &['•', '·', '▪', '●', '◦', '‣', '*', '-', '–', '—', '»', '>'];

/// Longest headline accepted, in words.
const MAX_TITLE_WORDS: usize = 30;

#[derive(Debug, Clone)]
struct Line {
    text: String,
    bullet: bool,
}

fn read_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    // Joining hard-wrapped lines is only safe when blank lines separate the paragraphs.
    let blank_separated = text.lines().any(|l| l.trim().is_empty());
    let mut previous_blank = true;
    for raw in text.lines() {
        let line = normalize_space(&strip_link_markers(raw));
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        let unbulleted = line.trim_start_matches(BULLETS).trim_start();
        let bullet = unbulleted.len() < line.len() && !unbulleted.is_empty();
        let text = if bullet { unbulleted.to_string() } else { line };
        let continues = blank_separated
            && !previous_blank
            && !bullet
            && lines
                .last()
                .is_some_and(|l| !l.bullet && is_wrapped(&l.text));
        match lines.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => lines.push(Line { text, bullet }),
        }
        previous_blank = false;
    }
    lines
}

/// A line that a text browser wrapped: several words and no sentence end.
fn is_wrapped(line: &str) -> bool {
    line.split_whitespace().count() >= 5
        && !line.trim_end().ends_with(['.', '!', '?', '؟', ':', '؛'])
}

/// Remove the numbered link markers of text-browser dumps (`[12]`).
fn strip_link_markers(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            rest = &after[digits + 1..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (words >= 12 && text.contains(['.', '،', ',', '؛', '!', '؟', '?', ':'])) || words >= 20
}

fn is_title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (2..=MAX_TITLE_WORDS).contains(&words) && !text.trim_end().ends_with(['.', '،', ',', '؛'])
}

/// Index of the first line of prose that the rules keep.
fn body_start(lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| {
        !l.bullet && is_prose(&l.text) && boilerplate::classify(&l.text) == Verdict::Keep
    })
}

/// Index of the headline: the nearest kept, non-bullet line above the body, when it reads like a
/// headline; otherwise the first such line of the dump.
fn title_index(lines: &[Line], body: Option<usize>) -> Option<usize> {
    let keepable = |l: &Line| !l.bullet && boilerplate::classify(&l.text) == Verdict::Keep;
    if let Some(body) = body {
        if let Some(index) = (0..body).rev().find(|&i| keepable(&lines[i])) {
            if is_title_like(&lines[index].text) {
                return Some(index);
            }
        }
    }
    let limit = body.unwrap_or(lines.len());
    (0..limit).find(|&i| keepable(&lines[i]) && is_title_like(&lines[i].text))
}

/// Extract the article from a text dump. Never panics; returns an article with no paragraphs
/// when the dump holds no body text.
pub fn extract_article(text: &str, origin: Option<&str>) -> Article {
    let lines = read_lines(text);
    let body = body_start(&lines);
    let title_at = title_index(&lines, body);
    let title = title_at.map(|i| lines[i].text.clone()).unwrap_or_default();
    let first_body_line = match (title_at, body) {
        (Some(t), _) => t + 1,
        (None, Some(b)) => b,
        (None, None) => 0,
    };
    let header_end = body.unwrap_or(first_body_line).max(first_body_line);
    let byline = lines[first_body_line.min(lines.len())..header_end.min(lines.len())]
        .iter()
        .find_map(|l| boilerplate::byline_name(&l.text));
    let candidates: Vec<String> = lines
        .iter()
        .skip(first_body_line)
        .filter(|l| !l.bullet || l.text.split_whitespace().count() >= 8)
        .map(|l| l.text.clone())
        .collect();
    let paragraphs = boilerplate::trim_edges(boilerplate::filter_paragraphs(candidates, &title));
    let lang = detect_lang(&format!("{title} {}", paragraphs.join(" ")));
    let page_words = lines
        .iter()
        .map(|l| l.text.split_whitespace().count())
        .sum();
    Article {
        url: origin.map(str::to_string),
        source_name: None,
        title,
        published: None,
        byline,
        paragraphs,
        lang,
        extraction: Extraction {
            strategy: Strategy::TextDump,
            page_words,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_dump_with_title_and_byline() {
        let dump = "Home\nWorld\n\nTalks resume in Geneva\nBy Jane Doe\n\n\
                    The two delegations met on Monday in Geneva, the first meeting in a year, officials said.\n\n\
                    They agreed to meet again in June.\n\nComments\nOther story headline here";
        let article = extract_article(dump, Some("dump.txt"));
        assert_eq!(article.title, "Talks resume in Geneva");
        assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            article.paragraphs,
            vec![
                "The two delegations met on Monday in Geneva, the first meeting in a year, officials said.",
                "They agreed to meet again in June."
            ]
        );
        assert_eq!(article.lang, "en");
        assert_eq!(article.url.as_deref(), Some("dump.txt"));
    }

    #[test]
    fn dump_without_prose_keeps_what_is_left() {
        let article = extract_article("عنوان قصير للخبر\nجملة قصيرة.", None);
        assert_eq!(article.title, "عنوان قصير للخبر");
        assert_eq!(article.paragraphs, vec!["جملة قصيرة."]);
    }

    #[test]
    fn empty_and_furniture_only_dumps_have_no_body() {
        assert!(extract_article("", None).is_empty());
        assert!(extract_article("مباشر\n35 خبر\nالتعليقات", None).is_empty());
    }

    #[test]
    fn hard_wrapped_dump_paragraphs_are_joined() {
        let dump = "   [1]Home [2]World\n\nTalks resume in Geneva\n\n\
                    The two delegations met on Monday in Geneva, the\n\
                    first meeting in a year, officials said after the\n\
                    talks ended late in the evening.\n\n\
                    They agreed to meet again in June.\n\nReferences\n\n   1. https://example.com/\n";
        let article = extract_article(dump, None);
        assert_eq!(article.title, "Talks resume in Geneva");
        assert_eq!(
            article.paragraphs,
            vec![
                "The two delegations met on Monday in Geneva, the first meeting in a year, officials said after the talks ended late in the evening.",
                "They agreed to meet again in June."
            ]
        );
    }
}
