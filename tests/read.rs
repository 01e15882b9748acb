//! `nashra read`: one article, extracted and read aloud with the same front end and voice as
//! `say`, sentence by sentence through the clip cache.
mod common;

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
    let read_wav_path = dir.path().join("read.wav");
    nashra(home.path())
        .args(["read", "--voice", "en_US-joe-medium", "--no-cache", "-o"])
        .arg(&read_wav_path)
        .arg(&page)
        .assert()
        .success()
        .stderr(predicate::str::contains("4 sentences"));
    let text = format!("{HEADLINE}\n{}\n{}", PARAGRAPHS[0], PARAGRAPHS[1]);
    let say_wav = dir.path().join("say.wav");
    nashra(home.path())
        .args(["say", "--voice", "en_US-joe-medium", "--no-cache", "-o"])
        .arg(&say_wav)
        .arg(&text)
        .assert()
        .success();
    let (read_rate, _, _, read) = read_wav(&read_wav_path);
    let (say_rate, _, _, said) = read_wav(&say_wav);
    assert_eq!(read_rate, say_rate);
    assert_eq!(read.len(), said.len(), "same length, sample for sample");
    let largest = read
        .iter()
        .zip(&said)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0f32, f32::max);
    assert!(largest <= 2.0 / 32768.0, "largest difference {largest}");
    assert!(common::rms(&read) > 0.02);

    // The second reading comes from the clip cache, to stdout, and is the same audio.
    let first = nashra(home.path())
        .args(["read", "--voice", "en_US-joe-medium", "-o"])
        .arg(dir.path().join("cached.wav"))
        .arg(&page)
        .assert()
        .success();
    first.stderr(predicate::str::contains("4 synthesized"));
    let output = nashra(home.path())
        .args(["read", "--voice", "en_US-joe-medium", "-o", "-"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("0 synthesized, 4 from cache"));
    assert_eq!(&output.stdout[..4], b"RIFF");
    assert_eq!(output.stdout, fs::read(dir.path().join("cached.wav")).unwrap());
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
        .stderr(predicate::str::contains("nope.html").and(predicate::str::is_match("^nashra: [^\n]+\n$").unwrap()));
    assert!(!dir.path().join("x.wav").exists());
    nashra(home.path())
        .args(["read", "--voice", "nobody", "-o"])
        .arg(dir.path().join("x.wav"))
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown voice `nobody`"));
}
