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
    assert_eq!(&output.stdout[..4], b"RIFF");
    let read_path = dir.path().join("read.wav");
    fs::write(&read_path, &output.stdout).unwrap();
    let (read_rate, _, _, read) = read_wav(&read_path);
    let (say_rate, _, _, said) = read_wav(&say_wav);
    assert_eq!(read_rate, say_rate);
    assert_eq!(read, said, "the same audio, sample for sample");

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
