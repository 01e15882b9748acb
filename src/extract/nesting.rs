//! Guard against pathologically deep markup before it reaches the HTML parser.
//!
//! The HTML tree builder walks the stack of open elements on many start tags, so a page of
//! 100 000 nested `<div>`s costs it quadratic time. A cheap pre-scan estimates the nesting depth;
//! when it exceeds [`MAX_NESTING`], the tags that would open deeper levels (and their end tags) are
//! dropped, keeping all text. Ordinary pages (depth well under 100) are passed through untouched.

use std::borrow::Cow;

/// Deepest element nesting passed to the parser. Real news pages stay far below it.
pub const MAX_NESTING: usize = 256;

/// Elements that never have content (no end tag).
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame",
];

/// Elements whose end tag is optional or that close their predecessor implicitly; they do not
/// count towards the depth estimate.
const SELF_CLOSING_BY_CONTEXT: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
    "tbody", "thead", "tfoot", "colgroup", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Return the markup unchanged when its nesting stays within [`MAX_NESTING`], otherwise a copy
/// in which the tags opening deeper levels (and the matching end tags) are removed.
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    if max_depth(html) <= MAX_NESTING {
        Cow::Borrowed(html)
    } else {
        Cow::Owned(flatten(html, MAX_NESTING))
    }
}

/// Estimated maximum nesting depth of the counted elements.
pub fn max_depth(html: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for tag in Tags::new(html) {
        match tag.kind {
            TagKind::Start => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            TagKind::End => depth = depth.saturating_sub(1),
            TagKind::Other => {}
        }
    }
    deepest
}

fn flatten(html: &str, limit: usize) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied_up_to = 0usize;
    let mut depth = 0usize;
    for tag in Tags::new(html) {
        let drop = match tag.kind {
            TagKind::Start => {
                depth += 1;
                depth > limit
            }
            TagKind::End => {
                let deep = depth > limit;
                depth = depth.saturating_sub(1);
                deep
            }
            TagKind::Other => false,
        };
        if drop {
            out.push_str(&html[copied_up_to..tag.start]);
            copied_up_to = tag.end;
        }
    }
    out.push_str(&html[copied_up_to..]);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// A start tag of a counted (container) element.
    Start,
    /// An end tag of a counted element.
    End,
    /// Anything else: comments, doctypes, void or optional-end elements.
    Other,
}

struct Tag {
    kind: TagKind,
    start: usize,
    end: usize,
}

/// A minimal tag scanner: finds tags, skips comments and raw-text element content.
struct Tags<'a> {
    html: &'a str,
    position: usize,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str) -> Self {
        Tags { html, position: 0 }
    }

    fn skip_past(&mut self, from: usize, needle: &str) -> usize {
        match find_ascii_case_insensitive(&self.html.as_bytes()[from..], needle.as_bytes()) {
            Some(offset) => from + offset + needle.len(),
            None => self.html.len(),
        }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let bytes = self.html.as_bytes();
        loop {
            let start = self.position
                + bytes
                    .get(self.position..)?
                    .iter()
                    .position(|&b| b == b'<')?;
            let rest = &bytes[start..];
            if rest.starts_with(b"<!--") {
                self.position = self.skip_past(start + 4, "-->");
                return Some(Tag {
                    kind: TagKind::Other,
                    start,
                    end: self.position,
                });
            }
            let is_end = rest.get(1) == Some(&b'/');
            let name_start = start + if is_end { 2 } else { 1 };
            let name_end = name_start
                + bytes[name_start..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
                    .unwrap_or(bytes.len() - name_start);
            if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
                if matches!(rest.get(1), Some(b'!') | Some(b'?')) {
                    self.position = self.skip_past(start + 1, ">");
                    return Some(Tag {
                        kind: TagKind::Other,
                        start,
                        end: self.position,
                    });
                }
                self.position = start + 1;
                continue;
            }
            let end = tag_end(bytes, name_end);
            let name = self.html[name_start..name_end].to_ascii_lowercase();
            let self_closed = end >= 2 && bytes[end - 2] == b'/';
            self.position = end;
            if !is_end && RAW_TEXT_ELEMENTS.contains(&name.as_str()) {
                let closing = format!("</{name}");
                self.position = self.skip_past(end, &closing);
                self.position = self.skip_past(self.position, ">");
                return Some(Tag {
                    kind: TagKind::Other,
                    start,
                    end,
                });
            }
            let counted = !VOID_ELEMENTS.contains(&name.as_str())
                && !SELF_CLOSING_BY_CONTEXT.contains(&name.as_str());
            let kind = match (counted, is_end, self_closed) {
                (false, _, _) => TagKind::Other,
                (true, true, _) => TagKind::End,
                (true, false, true) => TagKind::Other,
                (true, false, false) => TagKind::Start,
            };
            return Some(Tag { kind, start, end });
        }
    }
}

/// Position just past the `>` closing a tag whose name ends at `from`, honouring quoted values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (offset, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return from + offset + 1,
            None => {}
        }
    }
    bytes.len()
}

fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_is_untouched() {
        let html = "<html><body><div><p>one<p>two</div><br><img src=x></body></html>";
        assert_eq!(max_depth(html), 1);
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn script_content_is_not_scanned() {
        let html = "<div><script>var s = '<div><div><div>';</script></div>";
        assert_eq!(max_depth(html), 1);
    }

    #[test]
    fn deep_nesting_is_flattened_but_text_kept() {
        let depth = MAX_NESTING * 4;
        let html = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let flattened = limit_nesting(&html);
        assert!(max_depth(&flattened) <= MAX_NESTING);
        assert!(flattened.contains("<p>deep text</p>"));
        assert_eq!(flattened.matches("<div>").count(), MAX_NESTING);
        assert_eq!(flattened.matches("</div>").count(), MAX_NESTING);
    }

    #[test]
    fn unterminated_constructs_do_not_panic() {
        for html in [
            "<",
            "<div",
            "<!--",
            "<script>",
            "<a href='x",
            "</",
            "<!",
            "<é>",
            "<div>é<",
        ] {
            let _ = limit_nesting(html);
        }
    }
}
