//! `nashra read`: one article, extracted and read aloud with the same front end and voice as
//! `say`, sentence by sentence through the clip cache.
use crate::common;

use std::fs;

use common::{install_test_voice, nashra, read_wav};
use predicates::prelude::*;

const HEADLINE: &str = "Talks to resume next week";
const PARAGRAPHS: [&str; 2] = [
    "Negotiators from both countries will meet again on Monday, officials said on Sunday, after a pause of several weeks.",
    "The talks are expected to last two days. They will focus on trade and the border.",
];

#[test]
fn read_speaks_the_article_exactly_as_say_speaks_its_text() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("story.html");
    fs::write(
        &page,
        format!(
            "<html><head><title>x</title></head><body><nav>Home | World</nav><article><h1>{HEADLINE}</h1><p>{}</p><p>{}</p></article></body></html>",
            PARAGRAPHS[0], PARAGRAPHS[1]
        ),
    )
    .unwrap();
    // Piper draws fresh noise at every synthesis, so two syntheses of one text differ; what
    // `say` put in the clip cache is what `read` must find, sentence by sentence (same front
    // end, same sentences, same settings), and join with the same pauses.
    let text = format!("{HEADLINE}\n{}\n{}", PARAGRAPHS[0], PARAGRAPHS[1]);
    let say_wav = dir.path().join("say.wav");
    nashra(home.path())
        .args(["say", "--voice", "en_US-joe-medium", "-o"])
        .arg(&say_wav)
        .arg(&text)
        .assert()
        .success();
    let output = nashra(home.path())
        .args(["read", "--voice", "en_US-joe-medium", "-o", "-"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(output.status.success());
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(
        summary.contains("4 sentences") && summary.contains("0 synthesized, 4 from cache"),
        "{summary}"
    );
    // `-o -` is a WAV stream (header of open length, then the samples as sentences finish).
    let streamed = &output.stdout;
    assert_eq!(&streamed[..4], b"RIFF");
    assert_eq!(
        streamed[40..44],
        0x7FFF_FFFEu32.to_le_bytes(),
        "open length"
    );
    let said_bytes = fs::read(&say_wav).unwrap();
    assert_eq!(streamed[20..36], said_bytes[20..36], "same format");
    assert!(
        streamed[44..] == said_bytes[44..],
        "the same audio, sample for sample"
    );
    let (_, _, _, said) = read_wav(&say_wav);

    // Without the cache it synthesizes every sentence anew, to about the same length.
    let fresh = dir.path().join("fresh.wav");
    nashra(home.path())
        .args(["read", "--voice", "en_US-joe-medium", "--no-cache", "-o"])
        .arg(&fresh)
        .arg(&page)
        .assert()
        .success()
        .stderr(predicate::str::contains("4 synthesized, 0 from cache"));
    let (_, _, _, anew) = read_wav(&fresh);
    let ratio = anew.len() as f64 / said.len() as f64;
    assert!((0.9..1.1).contains(&ratio), "length ratio {ratio}");
    assert!(common::rms(&anew) > 0.02);
}

#[test]
fn read_gives_the_same_one_line_errors_as_brief() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.html");
    nashra(home.path())
        .args(["read", "--voice", "espeak-en", "-o"])
        .arg(dir.path().join("x.wav"))
        .arg(&missing)
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("nope.html")
                .and(predicate::str::is_match("^nashra: [^\n]+\n$").unwrap()),
        );
    assert!(!dir.path().join("x.wav").exists());
    nashra(home.path())
        .args(["read", "--voice", "nobody", "-o"])
        .arg(dir.path().join("x.wav"))
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown voice `nobody`"));
}

/// `read --speaker` and `brief --speaker` refuse a speaker the voice does not have, naming it,
/// before anything is written.
#[test]
fn read_and_brief_refuse_an_unknown_speaker() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("story.txt");
    fs::write(&text, format!("{HEADLINE}\n\n{}\n", PARAGRAPHS[0])).unwrap();
    nashra(home.path())
        .args([
            "read",
            "--voice",
            "en_US-joe-medium",
            "--speaker",
            "amy",
            "-o",
        ])
        .arg(dir.path().join("x.wav"))
        .arg(&text)
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown speaker `amy`"));
    assert!(!dir.path().join("x.wav").exists());
    let out = dir.path().join("out");
    nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "en_US-joe-medium",
        ])
        .args(["--speaker", "amy", "--out"])
        .arg(&out)
        .arg(&text)
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown speaker `amy`"));
    assert!(!out.join("2026-11-29").join("briefing.mp3").exists());
}
