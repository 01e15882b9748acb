//! Every committed fuzz corpus file (`fuzz/corpus/TARGET/`) replayed through the check its
//! fuzz target runs (`fuzz/checks.rs`), so the inputs the fuzzer found interesting, crashes
//! it once found included, are part of every `cargo test`.
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "../../fuzz/checks.rs"]
mod checks;

/// Run `check` on every file of `fuzz/corpus/target`; fail naming each file that panics.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            panic::catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} {target} corpus files fail: {failed:?}",
        failed.len(),
        files.len()
    );
}

#[test]
fn extract_html_corpus_replays() {
    replay("extract_html", checks::extract_html);
}

#[test]
fn extract_text_dump_corpus_replays() {
    replay("extract_text_dump", checks::extract_text_dump);
}

#[test]
fn parse_feed_corpus_replays() {
    replay("parse_feed", checks::parse_feed);
}

#[test]
fn normalize_corpus_replays() {
    replay("normalize", checks::normalize);
}

#[test]
fn parse_settings_corpus_replays() {
    replay("parse_settings", checks::parse_settings);
}

#[test]
fn rewrite_model_corpus_replays() {
    replay("rewrite_model", checks::rewrite_model);
}

#[test]
#[should_panic(expected = "corpus files fail")]
fn a_check_that_panics_fails_the_replay() {
    replay("parse_feed", |_| panic!("planted failure"));
}
