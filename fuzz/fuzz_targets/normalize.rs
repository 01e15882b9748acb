//! Any text through the Arabic front end (normalize, verbalize, lint, sentence and clause split):
//! nothing panics, no digit reaches the voice, no clause is longer than one inference may be.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nashra::text::sentences::{split_clauses, split_sentences, MAX_CLAUSE_CHARS};
use nashra::text::FrontEnd;

fn front_end() -> &'static FrontEnd {
    static FRONT_END: OnceLock<FrontEnd> = OnceLock::new();
    FRONT_END.get_or_init(|| match FrontEnd::new("ar", false, None) {
        Ok(front_end) => front_end,
        Err(e) => panic!("front end: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
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
});
