//! Any bytes as a saved text dump of a news page.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = nashra::sources::charset::decode(data, Some("text/plain"), None);
    if let Ok(article) = nashra::extract::extract_text_dump(&decoded.text, Some("fuzz.txt")) {
        assert!(!article.paragraphs.is_empty());
    }
});
