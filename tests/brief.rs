//! The main job end to end: saved pages in, a briefing WAV and a report out; bad inputs named
//! and recorded while the good ones still make the briefing.
mod common;

use std::fs;
use std::path::Path;

use common::{install_test_voice, nashra, read_wav, rms, samples_dir};
use predicates::prelude::*;

fn report(day: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(day.join("report.json")).unwrap()).unwrap()
}

#[test]
fn brief_on_the_samples_makes_a_briefing_and_a_report() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "espeak-ar",
            "--out",
        ])
        .arg(out.path())
        .arg(samples_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains("briefing for 2026-11-29"));
    let day = out.path().join("2026-11-29");
    let (rate, channels, bits, samples) = read_wav(&day.join("briefing.wav"));
    assert_eq!((rate, channels, bits), (44100, 1, 16));
    let seconds = samples.len() as f32 / rate as f32;
    assert!(
        seconds > 60.0,
        "a briefing of several stories lasts minutes, got {seconds} s"
    );
    assert!(rms(&samples) > 0.01);
    let report = report(&day);
    let inputs = report["inputs"].as_array().unwrap();
    assert!(inputs.len() >= 5, "{inputs:?}");
    assert!(
        inputs
            .iter()
            .all(|i| i["status"] == "ok" || i["status"] == "duplicate"),
        "{inputs:?}"
    );
    assert!(inputs
        .iter()
        .any(|i| i["title"].as_str().unwrap_or("").contains("الكرملين")));
    assert_eq!(report["voice"]["id"], "espeak-ar");
    assert!(report["stories"].as_u64().unwrap() >= 5);
    assert!((report["duration_secs"].as_f64().unwrap() - f64::from(seconds)).abs() < 0.1);
    let stages: Vec<&str> = report["timings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["stage"].as_str().unwrap())
        .collect();
    assert!(
        stages.contains(&"synthesis") && stages.contains(&"text"),
        "{stages:?}"
    );
    // No temporary files are left in the day folder.
    assert!(fs::read_dir(&day)
        .unwrap()
        .flatten()
        .all(|e| !e.file_name().to_string_lossy().ends_with(".tmp")));
}

#[test]
fn bad_inputs_are_named_and_the_good_ones_still_make_the_briefing() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let empty = inputs.path().join("empty.html");
    fs::write(&empty, "<html><body><nav>Home</nav></body></html>").unwrap();
    let missing = inputs.path().join("missing.html");
    let good = samples_dir().join("rt-arabic-kremlin-putin-biden.txt");
    let output = nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "espeak-ar",
            "--out",
        ])
        .arg(out.path())
        .arg(&missing)
        .arg(&good)
        .arg(&empty)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.lines().any(|l| l.contains("missing.html")),
        "{stderr}"
    );
    assert!(stderr.lines().any(|l| l.contains("empty.html")), "{stderr}");
    let report = report(&out.path().join("2026-11-29"));
    let inputs = report["inputs"].as_array().unwrap();
    let failed: Vec<_> = inputs.iter().filter(|i| i["status"] == "failed").collect();
    assert_eq!(failed.len(), 2, "{inputs:?}");
    assert!(failed
        .iter()
        .all(|i| !i["error"].as_str().unwrap().contains('\n')));
    assert_eq!(report["stories"], 1);
}

#[test]
fn nothing_usable_means_exit_code_3_and_nothing_written() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "espeak-ar",
            "--out",
        ])
        .arg(out.path())
        .arg(out.path().join("nope.html"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("nope.html"));
    assert!(!out.path().join("2026-11-29").exists());
}

#[test]
fn brief_with_the_neural_test_voice() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let out = tempfile::tempdir().unwrap();
    let page = tempfile::tempdir().unwrap();
    let path = page.path().join("story.html");
    fs::write(
        &path,
        "<html><head><title>Talks to resume</title></head><body><article><h1>Talks to resume next week</h1>\
         <p>Negotiators from both countries will meet again on Monday, officials said on Sunday, after a pause of several weeks.</p>\
         <p>The talks are expected to last two days and will focus on trade and the border.</p></article></body></html>",
    )
    .unwrap();
    nashra(home.path())
        .args([
            "brief",
            "--date",
            "2026-11-29",
            "--voice",
            "en_US-joe-medium",
            "--quiet",
            "--out",
        ])
        .arg(out.path())
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let (rate, _, _, samples) = read_wav(&out.path().join("2026-11-29/briefing.wav"));
    assert_eq!(rate, 44100);
    assert!(samples.len() as f32 / rate as f32 > 10.0);
    assert!(rms(&samples) > 0.02);
}
