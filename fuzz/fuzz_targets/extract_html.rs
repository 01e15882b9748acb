//! Any bytes as a fetched page: charset detection, then article extraction.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = nashra::sources::charset::decode(data, Some("text/html"), None);
    if let Ok(article) = nashra::extract::extract_html(&decoded.text, Some("fuzz.html")) {
        assert!(!article.paragraphs.is_empty());
        assert!(article.paragraphs.iter().all(|p| !p.trim().is_empty()));
    }
});
