//! Decoding fetched or read bytes to text.
//!
//! Order of evidence: a byte-order mark, then the charset of the HTTP `Content-Type` header, then
//! a `<meta charset>`, `<meta http-equiv="Content-Type">` or XML encoding declaration in the
//! first 4 KB, then statistical detection (chardetng, which knows windows-1256 Arabic). Invalid
//! sequences become U+FFFD; decoding never fails.

use encoding_rs::Encoding;

/// How many leading bytes are searched for a charset declaration.
pub const PRESCAN_BYTES: usize = 4096;

/// Where the charset used for decoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark at the start of the bytes.
    Bom,
    /// The `charset` parameter of the HTTP Content-Type header.
    Header,
    /// A `<meta>` tag or XML encoding declaration in the document.
    Declaration,
    /// Statistical detection.
    Detected,
}

/// Text decoded from bytes, with the charset that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text (without a BOM).
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8` or `windows-1256`.
    pub charset: String,
    /// Where the charset came from.
    pub source: CharsetSource,
    /// Whether malformed sequences were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decode `bytes`, using the `Content-Type` header value (if any) and, for detection, the
/// top-level domain hint taken from `url` (if any).
pub fn decode(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> Decoded {
    let (encoding, source) = choose_encoding(bytes, content_type, url);
    let (text, used, had_errors) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        charset: used.name().to_string(),
        source,
        had_errors,
    }
}

/// Pick the encoding for `bytes` following the order described in the module documentation.
pub fn choose_encoding(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
) -> (&'static Encoding, CharsetSource) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, CharsetSource::Bom);
    }
    if let Some(encoding) = content_type.and_then(charset_from_content_type) {
        return (encoding, CharsetSource::Header);
    }
    if let Some(encoding) = declared_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return (encoding, CharsetSource::Declaration);
    }
    (detect(bytes, url), CharsetSource::Detected)
}

/// The encoding named by the `charset=` parameter of a Content-Type value, if known.
pub fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        label_to_encoding(value.trim().trim_matches(['"', '\'']).as_bytes())
    })
}

/// Map a charset label to an encoding. A page cannot declare itself UTF-16 in ASCII-compatible
/// bytes, so UTF-16 labels mean UTF-8 (as browsers do); `x-user-defined` is refused.
fn label_to_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label)?;
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        return Some(encoding_rs::UTF_8);
    }
    if encoding == encoding_rs::X_USER_DEFINED || encoding == encoding_rs::REPLACEMENT {
        return None;
    }
    Some(encoding)
}

/// Find a charset declared in `head`: the XML declaration, or `charset=` inside a `<meta>` tag
/// (which covers both `<meta charset>` and `<meta http-equiv content="...; charset=...">`).
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if let Some(encoding) = xml_declaration_charset(&lower) {
        return Some(encoding);
    }
    let mut from = 0;
    while let Some(start) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = find(&lower[start..], b">").map_or(lower.len(), |i| i + start);
        if let Some(encoding) = charset_in_tag(&lower[start..end]) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

fn xml_declaration_charset(lower: &[u8]) -> Option<&'static Encoding> {
    let trimmed_start = lower.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &lower[trimmed_start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = find(rest, b"?>")?;
    let declaration = &rest[..end];
    let at = find(declaration, b"encoding")? + b"encoding".len();
    attribute_value(&declaration[at..]).and_then(label_to_encoding)
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")? + b"charset".len();
    attribute_value(&tag[at..]).and_then(label_to_encoding)
}

/// Parse `= value`, `="value"` or `='value'` (spaces allowed) at the start of `rest`.
fn attribute_value(rest: &[u8]) -> Option<&[u8]> {
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let (quote, body) = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => (Some(q), &rest[1..]),
        _ => (None, rest),
    };
    let end = body
        .iter()
        .position(|&b| match quote {
            Some(q) => b == q,
            None => b.is_ascii_whitespace() || matches!(b, b';' | b'"' | b'\'' | b'/' | b'>'),
        })
        .unwrap_or(body.len());
    let value = &body[..end];
    (!value.is_empty()).then_some(value)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Statistical detection with chardetng, using the URL's top-level domain as a hint.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let host = url
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
    let tld = host
        .as_deref()
        .and_then(|h| h.rsplit('.').next())
        .filter(|tld| tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    detector.guess(tld.map(str::as_bytes), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة، \
        وقال الوزير إن المستشفى سيخدم أكثر من مليون مواطن في المنطقة الشمالية.";

    fn cp1256(text: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1256.encode(text).0.into_owned()
    }

    #[test]
    fn header_charset_decodes_windows_1256() {
        let decoded = decode(
            &cp1256(ARABIC),
            Some("text/html; charset=windows-1256"),
            None,
        );
        assert_eq!(decoded.text, ARABIC);
        assert_eq!(decoded.charset, "windows-1256");
        assert_eq!(decoded.source, CharsetSource::Header);
    }

    #[test]
    fn meta_charset_and_http_equiv_are_honoured() {
        let page =
            format!("<html><head><meta charset='Windows-1256'></head><body>{ARABIC}</body></html>");
        let decoded = decode(&cp1256(&page), Some("text/html"), None);
        assert_eq!(decoded.text, page);
        assert_eq!(decoded.source, CharsetSource::Declaration);

        let page = format!(
            "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-6\">\
             </head><body>{ARABIC}</body></html>"
        );
        // ISO-8859-6 and windows-1256 share the Arabic letters used above only partly, so encode
        // with the declared encoding.
        let bytes = encoding_rs::ISO_8859_6.encode(&page).0.into_owned();
        let decoded = decode(&bytes, None, None);
        assert_eq!(decoded.charset, "ISO-8859-6");
        assert_eq!(decoded.text, page);
    }

    #[test]
    fn xml_declaration_is_honoured() {
        let feed = format!(
            "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss><title>{ARABIC}</title></rss>"
        );
        let decoded = decode(&cp1256(&feed), None, None);
        assert_eq!(decoded.text, feed);
        assert_eq!(decoded.source, CharsetSource::Declaration);
    }

    #[test]
    fn undeclared_windows_1256_is_detected() {
        let page = format!("<html><body><p>{ARABIC}</p><p>{ARABIC}</p></body></html>");
        let decoded = decode(&cp1256(&page), None, Some("https://news.example.sa/a"));
        assert_eq!(decoded.source, CharsetSource::Detected);
        assert_eq!(decoded.charset, "windows-1256");
        assert_eq!(decoded.text, page);
        let without_hint = decode(&cp1256(&page), None, None);
        assert_eq!(without_hint.text, page);
    }

    #[test]
    fn bom_wins_over_a_wrong_header() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(ARABIC.as_bytes());
        let decoded = decode(&bytes, Some("text/html; charset=windows-1256"), None);
        assert_eq!(decoded.text, ARABIC);
        assert_eq!(decoded.source, CharsetSource::Bom);
    }

    #[test]
    fn invalid_utf8_is_replaced_without_panic() {
        let bytes = b"\xD8\xA3\xD8 broken \xFF\xFE\xC0 end";
        let decoded = decode(bytes, Some("text/plain; charset=utf-8"), None);
        assert!(decoded.had_errors);
        assert!(decoded.text.contains('\u{FFFD}'));
        assert!(decoded.text.ends_with(" end"));
        // Truncated declarations and odd labels never panic either.
        for junk in [
            &b"<meta charset="[..],
            b"<?xml encoding",
            b"<meta charset=\"x-user-defined\">",
            b"",
        ] {
            let _ = decode(junk, Some("text/html; charset"), Some("not a url"));
        }
    }

    #[test]
    fn utf16_meta_label_means_utf8() {
        let page = format!("<meta charset=\"utf-16\">{ARABIC}");
        let decoded = decode(page.as_bytes(), None, None);
        assert_eq!(decoded.charset, "UTF-8");
        assert_eq!(decoded.text, page);
    }
}
