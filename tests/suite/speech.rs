//! Real speech synthesis: the Piper test voice and the built-in eSpeak NG Arabic voice.
use crate::common;

use common::{install_test_voice, nashra, read_wav, rms};
use predicates::prelude::*;

#[test]
fn piper_test_voice_speaks_a_paragraph() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let out = tempfile::tempdir().unwrap();
    let wav = out.path().join("joe.wav");
    let text = "The minister said the talks would continue next week. Both sides, he added, wanted an agreement before the end of the year.";
    nashra(home.path())
        .args(["say", text, "--voice", "en_US-joe-medium", "-o"])
        .arg(&wav)
        .assert()
        .success()
        .stderr(predicate::str::contains("real-time factor"));
    let (rate, channels, bits, samples) = read_wav(&wav);
    assert_eq!((rate, channels, bits), (22050, 1, 16));
    let seconds = samples.len() as f32 / rate as f32;
    // About 22 words: a natural pace is 2.3–3.5 words per second.
    assert!((4.0..14.0).contains(&seconds), "duration {seconds} s");
    assert!(rms(&samples) > 0.02, "too quiet: rms {}", rms(&samples));
    // The pause between the two sentences is real silence of the configured length (450 ms).
    let window = (rate / 100) as usize;
    let quiet_windows = samples.chunks(window).filter(|w| rms(w) < 0.002).count();
    assert!(
        quiet_windows >= 30,
        "expected the sentence pause, found {quiet_windows} quiet 10 ms windows"
    );
}

#[test]
fn espeak_arabic_voice_speaks_arabic() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let wav = out.path().join("ar.wav");
    nashra(home.path())
        .args([
            "say",
            "أكد الكرملين عدم تحقيق أي تقدم في المحادثات حول إجراء قمة جديدة بين الرئيسين.",
            "--voice",
            "espeak-ar",
            "-o",
        ])
        .arg(&wav)
        .assert()
        .success();
    let (rate, channels, _, samples) = read_wav(&wav);
    assert_eq!((rate, channels), (22050, 1));
    let seconds = samples.len() as f32 / rate as f32;
    assert!((2.0..15.0).contains(&seconds), "duration {seconds} s");
    assert!(rms(&samples) > 0.02, "too quiet: rms {}", rms(&samples));
}

#[test]
fn say_without_a_named_voice_falls_back_to_espeak_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args(["say", "مرحبا", "-o"])
        .arg(out.path().join("a.wav"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "nashra voices install ar_JO-kareem-medium",
        ));
}

#[test]
fn say_rejects_empty_text_and_unknown_voices() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args(["say", "  ", "-o"])
        .arg(out.path().join("a.wav"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty"));
    nashra(home.path())
        .args(["say", "x", "--voice", "nope", "-o"])
        .arg(out.path().join("a.wav"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown voice `nope`"));
    nashra(home.path())
        .args(["say", "x", "--voice", "en_US-joe-medium", "-o"])
        .arg(out.path().join("a.wav"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("not installed"));
}

/// The voice store loads the test voice in the faster decoder layout when asked, and as shipped
/// when asked (that both layouts speak the same samples is a unit test of `tts`).
#[test]
fn the_voice_store_loads_the_layout_asked_for() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let store = nashra::tts::VoiceStore::new(home.path());
    let catalog = nashra::tts::Catalog::load(home.path()).unwrap();
    let manifest = catalog.get("en_US-joe-medium").unwrap().clone();
    let source = nashra::tts::VoiceSource::from_manifest_with(
        manifest.clone(),
        &store,
        &nashra::tts::ModelLayout::Decoder2d,
    )
    .unwrap();
    assert_eq!(
        source.model_layout(),
        Some(&nashra::tts::ModelLayout::Decoder2d)
    );
    let source = nashra::tts::VoiceSource::from_manifest_with(
        manifest,
        &store,
        &nashra::tts::ModelLayout::AsShipped("asked for".into()),
    )
    .unwrap();
    assert!(matches!(
        source.model_layout(),
        Some(nashra::tts::ModelLayout::AsShipped(_))
    ));
}

/// `say` speaks sentences on every core through the clip cache: the same text again is read
/// from the cache (the same samples, byte for byte), and `--no-cache` speaks it anew.
#[test]
fn say_reuses_cached_sentences_and_no_cache_speaks_anew() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let out = tempfile::tempdir().unwrap();
    let text = "The first sentence is short. The second one, with a clause, is a little longer.\nA new paragraph starts here.";
    let say = |name: &str, extra: &[&str]| {
        let wav = out.path().join(name);
        nashra(home.path())
            .args(["say", text, "--voice", "en_US-joe-medium", "-o"])
            .arg(&wav)
            .args(extra)
            .assert()
            .success();
        std::fs::read(wav).unwrap()
    };
    let first = say("first.wav", &[]);
    let clips = std::fs::read_dir(home.path().join("cache/clips"))
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert!(clips > 0, "the sentences were stored in the clip cache");
    assert_eq!(say("second.wav", &[]), first);
    let fresh = say("fresh.wav", &["--no-cache"]);
    let (_, _, _, samples) = read_wav(&out.path().join("fresh.wav"));
    assert!(rms(&samples) > 0.02 && fresh.len() > 44);
}

/// `say -o -` streams a WAV to stdout: a header of open length, then the same samples the file
/// output has (the second run reads the sentences from the clip cache the first one filled);
/// `--raw` streams bare 16-bit samples of freshly synthesized speech and needs `-o -`.
#[test]
fn say_streams_wav_and_raw_samples_to_stdout() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let out = tempfile::tempdir().unwrap();
    let wav = out.path().join("file.wav");
    let text = "The vote was close. Both sides, he added, wanted a deal.\nA new paragraph.";
    let say = |extra: &[&str]| {
        let mut cmd = nashra(home.path());
        cmd.args(["say", text, "--voice", "en_US-joe-medium"])
            .args(extra);
        cmd
    };
    say(&["-o"]).arg(&wav).assert().success();
    let file = std::fs::read(&wav).unwrap();
    let streamed = say(&["-o", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(&streamed[..4], b"RIFF");
    assert_eq!(
        streamed[40..44],
        0x7FFF_FFFEu32.to_le_bytes(),
        "open length"
    );
    assert_eq!(streamed[20..36], file[20..36], "same format");
    assert_eq!(streamed.len(), file.len());
    assert!(streamed[44..] == file[44..], "the same samples as the file");

    let raw = say(&["-o", "-", "--raw", "--no-cache"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let samples: Vec<f32> = raw
        .chunks_exact(2)
        .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0)
        .collect();
    let seconds = samples.len() as f32 / 22050.0;
    assert!((2.5..10.0).contains(&seconds), "duration {seconds} s");
    assert!(rms(&samples) > 0.02, "too quiet: rms {}", rms(&samples));

    say(&["--raw", "-o"])
        .arg(out.path().join("x.raw"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("--raw writes to standard output"));
}

/// `say --speaker` takes a speaker the voice has (the test voice has one, number 0) and refuses
/// any other with the reason.
#[test]
fn say_takes_a_known_speaker_and_refuses_others() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let out = tempfile::tempdir().unwrap();
    let say = |speaker: &str| {
        let mut cmd = nashra(home.path());
        cmd.args(["say", "Hello there.", "--voice", "en_US-joe-medium"])
            .args(["--speaker", speaker, "-o"])
            .arg(out.path().join("s.wav"));
        cmd
    };
    say("0").assert().success();
    say("amy")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "unknown speaker `amy` (the voice has a single speaker)",
        ));
    nashra(home.path())
        .args([
            "say",
            "مرحبا",
            "--voice",
            "espeak-ar",
            "--speaker",
            "1",
            "-o",
        ])
        .arg(out.path().join("e.wav"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown speaker `1`"));
}

/// `voices list` names the speakers of an installed multi-speaker voice (here the test voice's
/// config with a speaker map written over it, which loading then refuses as tampered).
#[test]
fn voices_list_shows_the_speakers_of_a_multi_speaker_voice() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let list = || {
        let output = nashra(home.path())
            .args(["voices", "list", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let voices: serde_json::Value = serde_json::from_slice(&output).unwrap();
        voices
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == "en_US-joe-medium")
            .unwrap()["speakers"]
            .clone()
    };
    assert_eq!(list(), serde_json::json!([]));
    let config_path = home
        .path()
        .join("voices/en_US-joe-medium/en_US-joe-medium.onnx.json");
    let mut config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&config_path).unwrap()).unwrap();
    config["num_speakers"] = 2.into();
    config["speaker_id_map"] = serde_json::json!({"ann": 0, "ben": 1});
    std::fs::write(&config_path, config.to_string()).unwrap();
    assert_eq!(list(), serde_json::json!(["ann", "ben"]));
    nashra(home.path())
        .args(["voices", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(speakers: ann, ben)"));
    nashra(home.path())
        .args([
            "say",
            "Hi.",
            "--voice",
            "en_US-joe-medium",
            "--speaker",
            "ben",
            "-o",
        ])
        .arg(home.path().join("x.wav"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("checksum mismatch"));
}
