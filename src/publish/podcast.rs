//! What the podcast side shares: the XML namespaces of a feed, the cover-art limits, the image
//! and language checks, and URL percent-decoding. The feed writer, the validator and the
//! archive server all use these; this module uses none of them.

/// The iTunes namespace.
pub const ITUNES_NS: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
/// The Podcasting 2.0 namespace.
pub const PODCAST_NS: &str = "https://podcastindex.org/namespace/1.0";
/// The Atom namespace (for `atom:link rel="self"`).
pub const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
/// Smallest side Apple accepts for podcast artwork.
pub const MIN_COVER_SIDE: u32 = 1400;
/// Largest side Apple accepts for podcast artwork.
pub const MAX_COVER_SIDE: u32 = 3000;

/// ISO 639-1 two-letter language codes (Apple requires one of these, optionally with a region).
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether `code` is an ISO 639-1 language code, optionally followed by a region
/// (`ar`, `ar-JO`, `es-419`).
pub fn is_iso639_language(code: &str) -> bool {
    let code = code.trim().to_ascii_lowercase();
    let (language, region) = match code.split_once('-') {
        Some((language, region)) => (language, Some(region)),
        None => (code.as_str(), None),
    };
    let region_ok = region.is_none_or(|r| {
        (r.len() == 2 && r.bytes().all(|b| b.is_ascii_lowercase()))
            || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
    });
    region_ok && ISO_639_1.contains(&language)
}

/// An image format podcast directories accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

/// Format and pixel size of an image, read from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// The format.
    pub format: ImageFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Format and size of a PNG or JPEG from its first bytes; `None` for anything else.
pub fn image_info(bytes: &[u8]) -> Option<ImageInfo> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG_SIGNATURE) {
        if bytes.get(12..16)? != b"IHDR" {
            return None;
        }
        let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
        let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
        return Some(ImageInfo {
            format: ImageFormat::Png,
            width,
            height,
        });
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        return jpeg_size(bytes).map(|(width, height)| ImageInfo {
            format: ImageFormat::Jpeg,
            width,
            height,
        });
    }
    None
}

/// Width and height from a JPEG's first start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut position = 2;
    loop {
        if *bytes.get(position)? != 0xff {
            return None;
        }
        while *bytes.get(position)? == 0xff {
            position += 1;
        }
        let marker = *bytes.get(position)?;
        position += 1;
        match marker {
            0xd9 | 0xda => return None,
            0x01 | 0xd0..=0xd8 => continue,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes(
            bytes.get(position..position + 2)?.try_into().ok()?,
        ));
        let is_start_of_frame =
            (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if is_start_of_frame {
            let height =
                u16::from_be_bytes(bytes.get(position + 3..position + 5)?.try_into().ok()?);
            let width = u16::from_be_bytes(bytes.get(position + 5..position + 7)?.try_into().ok()?);
            return Some((u32::from(width), u32::from(height)));
        }
        if length < 2 {
            return None;
        }
        position += length;
    }
}

/// Decode `%XX` escapes; `None` for a malformed escape.
pub fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    Some(decoded)
}
