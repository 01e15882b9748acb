//! Any text as a config file, a voice manifest or a pronunciation lexicon (TSV and TOML).
#![no_main]
use libfuzzer_sys::fuzz_target;
// The config file belongs to the binary, not the library: compile its module in here.
#[path = "../../src/cli/config.rs"]
#[allow(dead_code)]
mod config;
use config::Config;
use nashra::text::PronunciationLexicon;
use nashra::tts::VoiceManifest;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Config::parse(text, "fuzz.toml");
    if let Ok(manifest) = VoiceManifest::parse(text, "fuzz-voice.toml") {
        // A manifest that parses names only safe file names (no path can leave the store).
        for file in &manifest.files {
            assert!(nashra::tts::is_safe_name(&file.name), "{}", file.name);
        }
    }
    if let Ok(lexicon) = PronunciationLexicon::from_tsv(text) {
        let _ = lexicon.apply("قال الرئيس في بيان اليوم");
    }
    let _ = PronunciationLexicon::from_toml(text);
});
