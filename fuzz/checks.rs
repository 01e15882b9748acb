//! What each fuzz target checks, as plain functions: the targets in `fuzz_targets/` call them
//! on the fuzzer's inputs, and `cargo test` replays every committed corpus file through them
//! (`tests/suite/fuzz_corpus.rs`), so a crash the fuzzer once found stays fixed.
use std::sync::OnceLock;

use nashra::sources::{decode_text, parse_feed as parse_feed_bytes, select_entries, EntryFilter};
use nashra::text::{
    split_clauses, split_sentences, FrontEnd, PronunciationLexicon, MAX_CLAUSE_CHARS,
};
use nashra::tts::{is_safe_name, parse_onnx_model, rewrite_decoder_2d, VoiceManifest};

/// Any bytes as a fetched page: charset detection, then article extraction.
pub fn extract_html(data: &[u8]) {
    let decoded = decode_text(data, Some("text/html"), None);
    if let Ok(article) = nashra::extract::extract_html(&decoded.text, Some("fuzz.html")) {
        assert!(!article.paragraphs.is_empty());
        assert!(article.paragraphs.iter().all(|p| !p.trim().is_empty()));
    }
}

/// Any bytes as a saved text dump of a news page.
pub fn extract_text_dump(data: &[u8]) {
    let decoded = decode_text(data, Some("text/plain"), None);
    if let Ok(article) = nashra::extract::extract_text_dump(&decoded.text, Some("fuzz.txt")) {
        assert!(!article.paragraphs.is_empty());
    }
}

/// Any bytes as an RSS/Atom/JSON feed: parsing, link resolution and entry selection.
pub fn parse_feed(data: &[u8]) {
    if let Ok(entries) = parse_feed_bytes(data, Some("https://news.example/feed.xml")) {
        for entry in &entries {
            // Only http(s) links ever leave the feed parser.
            if let Some(link) = &entry.link {
                assert!(
                    link.starts_with("http://") || link.starts_with("https://"),
                    "{link}"
                );
            }
        }
        let _ = select_entries(entries, &EntryFilter::default());
    }
}

/// The Arabic front end, made once.
fn front_end() -> &'static FrontEnd {
    static FRONT_END: OnceLock<FrontEnd> = OnceLock::new();
    FRONT_END.get_or_init(|| match FrontEnd::new("ar", false, None) {
        Ok(front_end) => front_end,
        Err(e) => panic!("front end: {e}"),
    })
}

/// Any text through the Arabic front end (normalize, verbalize, lint, sentence and clause
/// split): nothing panics, no digit reaches the voice, no clause is longer than one inference
/// may be.
pub fn normalize(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for sentence in split_sentences(text) {
        let spoken = front_end().process(&sentence);
        assert!(
            !spoken.spoken.chars().any(|c| c.is_ascii_digit()),
            "digits reach the voice: {:?} → {:?}",
            sentence,
            spoken.spoken
        );
        for clause in split_clauses(spoken.voice_text()) {
            assert!(clause.chars().count() <= MAX_CLAUSE_CHARS);
        }
    }
}

/// Any text as a voice manifest or a pronunciation lexicon (TSV and TOML). (The config-file
/// part of the `parse_settings` target belongs to the binary; its unit tests replay the corpus.)
pub fn parse_settings(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(manifest) = VoiceManifest::parse(text, "fuzz-voice.toml") {
        // A manifest that parses names only safe file names (no path can leave the store).
        for file in &manifest.files {
            assert!(is_safe_name(&file.name), "{}", file.name);
        }
    }
    if let Ok(lexicon) = PronunciationLexicon::from_tsv(text) {
        let _ = lexicon.apply("قال الرئيس في بيان اليوم");
    }
    let _ = PronunciationLexicon::from_toml(text);
}

/// Any bytes as an ONNX model for the decoder layout rewrite: it declines or rewrites, never
/// panics, and what it writes reads back as a model it then declines to rewrite again.
pub fn rewrite_model(data: &[u8]) {
    if let Ok(rewritten) = rewrite_decoder_2d(data) {
        assert!(parse_onnx_model(&rewritten).is_ok());
        assert!(rewrite_decoder_2d(&rewritten).is_err());
    }
}
