//! The transcript as WebVTT (`transcript.vtt`): one cue per sentence with the original text,
//! timed to the audio. Arabic (right-to-left) text is written as is; players handle the
//! direction.
#[cfg(test)]
use super::AudioError;

/// Largest WebVTT document [`parse_webvtt`] accepts, in bytes.
#[cfg(test)]
pub const MAX_WEBVTT_BYTES: usize = 32 * 1024 * 1024;

/// One cue: a stretch of audio and the text spoken in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Start in seconds.
    pub start_secs: f64,
    /// End in seconds.
    pub end_secs: f64,
    /// The text (plain text; escaped when written).
    pub text: String,
}

/// A WebVTT document for `cues`: the `WEBVTT` header, then one block per cue with
/// `HH:MM:SS.mmm --> HH:MM:SS.mmm` timings. The text has `&`, `<` and `>` escaped and no blank
/// lines (so it cannot end its cue early or contain `-->`).
pub fn webvtt(cues: &[Cue]) -> String {
    let mut out = String::from("WEBVTT\n");
    for cue in cues {
        let start = millis(cue.start_secs);
        let end = millis(cue.end_secs).max(start);
        out.push('\n');
        out.push_str(&format_timestamp(start));
        out.push_str(" --> ");
        out.push_str(&format_timestamp(end));
        out.push('\n');
        out.push_str(&cue_payload(&cue.text));
        out.push('\n');
    }
    out
}

/// Parse a WebVTT document back into cues (identifiers, settings, NOTE, STYLE and REGION
/// blocks are skipped; the escapes `&amp;` `&lt;` `&gt;` `&lrm;` `&rlm;` `&nbsp;` are decoded).
#[cfg(test)]
pub fn parse_webvtt(text: &str) -> Result<Vec<Cue>, AudioError> {
    if text.len() > MAX_WEBVTT_BYTES {
        return Err(vtt_error(1, "document too large"));
    }
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let body = normalized.strip_prefix('\u{feff}').unwrap_or(&normalized);
    let lines: Vec<&str> = body.split('\n').collect();
    check_header(lines.first().copied().unwrap_or(""))?;
    let mut cues = Vec::new();
    let mut index = 1;
    // Skip the rest of the header block.
    while index < lines.len() && !lines[index].trim().is_empty() {
        index += 1;
    }
    while index < lines.len() {
        if lines[index].trim().is_empty() {
            index += 1;
            continue;
        }
        let block_start = index;
        while index < lines.len() && !lines[index].trim().is_empty() {
            index += 1;
        }
        if let Some(cue) = parse_block(&lines[block_start..index], block_start + 1)? {
            cues.push(cue);
        }
    }
    Ok(cues)
}

#[cfg(test)]
fn check_header(first_line: &str) -> Result<(), AudioError> {
    let rest = first_line
        .strip_prefix("WEBVTT")
        .ok_or_else(|| vtt_error(1, "missing WEBVTT header"))?;
    if rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t') {
        Ok(())
    } else {
        Err(vtt_error(1, "malformed WEBVTT header"))
    }
}

/// One block (lines without blank lines); `None` for NOTE, STYLE and REGION blocks.
#[cfg(test)]
fn parse_block(block: &[&str], first_line_number: usize) -> Result<Option<Cue>, AudioError> {
    let first = block.first().copied().unwrap_or("");
    if ["NOTE", "STYLE", "REGION"].iter().any(|kw| {
        first == *kw
            || first.starts_with(&format!("{kw} "))
            || first.starts_with(&format!("{kw}\t"))
    }) {
        return Ok(None);
    }
    let timing_at = block
        .iter()
        .take(2)
        .position(|line| line.contains("-->"))
        .ok_or_else(|| vtt_error(first_line_number, "cue without a timing line"))?;
    let line_number = first_line_number + timing_at;
    let (start, end) = parse_timing(block[timing_at], line_number)?;
    let text = block[timing_at + 1..]
        .iter()
        .map(|line| unescape(line))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Some(Cue {
        start_secs: start,
        end_secs: end,
        text,
    }))
}

#[cfg(test)]
fn parse_timing(line: &str, line_number: usize) -> Result<(f64, f64), AudioError> {
    let (left, right) = line
        .split_once("-->")
        .ok_or_else(|| vtt_error(line_number, "timing line without -->"))?;
    let end_token = right.split_whitespace().next().unwrap_or("");
    let start = parse_timestamp(left.trim())
        .ok_or_else(|| vtt_error(line_number, "bad start timestamp"))?;
    let end =
        parse_timestamp(end_token).ok_or_else(|| vtt_error(line_number, "bad end timestamp"))?;
    if end < start {
        return Err(vtt_error(line_number, "cue ends before it starts"));
    }
    Ok((start, end))
}

/// `[hh:]mm:ss.ttt` in seconds.
#[cfg(test)]
fn parse_timestamp(token: &str) -> Option<f64> {
    let (clock, fraction) = token.split_once('.')?;
    if fraction.len() != 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [h, m, s] if h.len() >= 2 => (digits(h)?, digits(m)?, digits(s)?),
        [m, s] => (0, digits(m)?, digits(s)?),
        _ => return None,
    };
    if minutes > 59 || seconds > 59 || parts.iter().skip(parts.len() - 2).any(|p| p.len() != 2) {
        return None;
    }
    let millis: u64 = fraction.parse().ok()?;
    let total_ms = hours
        .checked_mul(3_600_000)?
        .checked_add(minutes * 60_000 + seconds * 1000 + millis)?;
    Some(total_ms as f64 / 1000.0)
}

#[cfg(test)]
fn digits(part: &str) -> Option<u64> {
    if part.is_empty() || part.len() > 10 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Seconds to whole milliseconds (negative or non-finite times become 0).
fn millis(secs: f64) -> u64 {
    if secs.is_finite() && secs > 0.0 {
        (secs * 1000.0).round().min(u64::MAX as f64 / 2.0) as u64
    } else {
        0
    }
}

/// `HH:MM:SS.mmm` (hours grow past two digits when needed).
fn format_timestamp(total_ms: u64) -> String {
    let hours = total_ms / 3_600_000;
    let minutes = total_ms / 60_000 % 60;
    let seconds = total_ms / 1000 % 60;
    let ms = total_ms % 1000;
    format!("{hours:02}:{minutes:02}:{seconds:02}.{ms:03}")
}

/// Cue text ready for the payload: escaped, one line per non-empty input line.
fn cue_payload(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(escape)
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&lrm;", "\u{200e}")
        .replace("&rlm;", "\u{200f}")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
fn vtt_error(line: usize, message: &str) -> AudioError {
    AudioError::WebVtt {
        line,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_header_timestamps_and_escapes() {
        let cues = [Cue {
            start_secs: 3723.4567,
            end_secs: 3725.0,
            text: "a < b && c > d --> e".into(),
        }];
        let vtt = webvtt(&cues);
        assert!(vtt.starts_with("WEBVTT\n\n"));
        assert!(vtt.contains("01:02:03.457 --> 01:02:05.000\n"));
        assert!(vtt.contains("a &lt; b &amp;&amp; c &gt; d --&gt; e"));
        assert_eq!(vtt.matches("-->").count(), 1);
    }

    #[test]
    fn round_trips_arabic_and_special_characters() -> Result<(), AudioError> {
        let cues = vec![
            Cue {
                start_secs: 0.0,
                end_secs: 2.5,
                text: "قال الرئيس: «الاقتصاد <ينمو> بنسبة 3٪ & أكثر».".into(),
            },
            Cue {
                start_secs: 2.75,
                end_secs: 61.001,
                text: "السطر الأول\n\n\nالسطر الثاني".into(),
            },
        ];
        let vtt = webvtt(&cues);
        assert!(!vtt.contains("\n\n\n"), "no blank lines inside a cue");
        let back = parse_webvtt(&vtt)?;
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].text, cues[0].text);
        assert_eq!(back[1].text, "السطر الأول\nالسطر الثاني");
        assert_eq!(back[1].start_secs, 2.75);
        assert_eq!(back[1].end_secs, 61.001);
        Ok(())
    }

    #[test]
    fn parses_identifiers_notes_settings_and_crlf() -> Result<(), AudioError> {
        let text = "\u{feff}WEBVTT - title\r\n\r\nNOTE a comment\r\nmore\r\n\r\n1\r\n00:01.000 --> 00:02.500 align:start\r\nمرحبا\r\n";
        let cues = parse_webvtt(text)?;
        assert_eq!(cues.len(), 1);
        assert_eq!((cues[0].start_secs, cues[0].end_secs), (1.0, 2.5));
        assert_eq!(cues[0].text, "مرحبا");
        Ok(())
    }

    #[test]
    fn rejects_broken_documents() {
        assert!(parse_webvtt("WEBVTTX\n").is_err());
        assert!(parse_webvtt("hello").is_err());
        assert!(parse_webvtt("WEBVTT\n\n00:01.000 -> 00:02.000\nx\n").is_err());
        assert!(parse_webvtt("WEBVTT\n\n00:61.000 --> 00:62.000\nx\n").is_err());
        assert!(parse_webvtt("WEBVTT\n\n00:03.000 --> 00:02.000\nx\n").is_err());
        assert!(parse_webvtt("WEBVTT\n").is_ok_and(|c| c.is_empty()));
    }

    #[test]
    fn odd_times_are_clamped() {
        let vtt = webvtt(&[Cue {
            start_secs: f64::NAN,
            end_secs: -1.0,
            text: String::new(),
        }]);
        assert!(vtt.contains("00:00:00.000 --> 00:00:00.000"));
    }
}
