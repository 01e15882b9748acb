//! The main job end to end: saved pages in, a briefing WAV and a report out; bad inputs named
//! and recorded while the good ones still make the briefing.
use crate::common;

use std::fs;
use std::path::Path;

use common::{brief, install_test_voice, nashra, read_wav, rms, samples_dir};
use predicates::prelude::*;

fn report(day: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(day.join("report.json")).unwrap()).unwrap()
}

#[test]
fn brief_on_the_samples_makes_a_briefing_and_a_report() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    brief(home.path(), out.path(), &[])
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
    assert!(inputs.len() >= 4, "{inputs:?}");
    assert!(
        inputs
            .iter()
            .all(|i| i["status"] == "ok" || i["status"] == "duplicate"),
        "{inputs:?}"
    );
    assert!(inputs
        .iter()
        .any(|i| i["title"].as_str().unwrap_or("").contains("الأرصاد")));
    assert_eq!(report["voice"]["id"], "espeak-ar");
    assert!(report["stories"].as_u64().unwrap() >= 4);
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

/// The names in the report's `outputs`.
fn outputs(report: &serde_json::Value) -> Vec<String> {
    report["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_listener_page_is_written_before_the_report_and_listed_in_it() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let heatwave = samples_dir().join("heatwave-warning.txt");
    brief(home.path(), out.path(), &["--quiet"])
        .arg(&heatwave)
        .assert()
        .success();
    let day = out.path().join("2026-11-29");
    let written = outputs(&report(&day));
    assert!(written.iter().any(|o| o == "index.html"), "{written:?}");
    assert!(written.iter().all(|o| day.join(o).is_file()), "{written:?}");
    assert!(out.path().join("index.html").is_file(), "the archive page");

    // A day page that cannot be written is a warning in report.json, and not an output.
    fs::remove_file(day.join("index.html")).unwrap();
    fs::create_dir_all(day.join("index.html").join("in-the-way")).unwrap();
    brief(home.path(), out.path(), &["--quiet"])
        .arg(&heatwave)
        .assert()
        .success();
    let report = report(&day);
    assert!(
        !outputs(&report).iter().any(|o| o == "index.html"),
        "{report}"
    );
    let warnings = report["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("index.html")),
        "{warnings:?}"
    );
}

#[test]
fn bad_inputs_are_named_and_the_good_ones_still_make_the_briefing() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let empty = inputs.path().join("empty.html");
    fs::write(&empty, "<html><body><nav>Home</nav></body></html>").unwrap();
    let missing = inputs.path().join("missing.html");
    let good = samples_dir().join("heatwave-warning.txt");
    let output = brief(home.path(), out.path(), &[])
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
    brief(home.path(), out.path(), &[])
        .arg(out.path().join("nope.html"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("nope.html"));
    assert!(!out.path().join("2026-11-29").exists());
}

/// Install the test voice in a fresh home and run `brief --voice en_US-joe-medium --quiet` on
/// one page holding `html`, with the environment variables `env` set. Returns the output
/// folder and the finished command, for its assertions.
fn neural_brief(
    html: &str,
    env: &[(&str, &str)],
) -> (tempfile::TempDir, assert_cmd::assert::Assert) {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let out = tempfile::tempdir().unwrap();
    let page = tempfile::tempdir().unwrap();
    let path = page.path().join("story.html");
    fs::write(&path, html).unwrap();
    let mut command = nashra(home.path());
    command.envs(env.iter().copied()).args([
        "brief",
        "--date",
        "2026-11-29",
        "--voice",
        "en_US-joe-medium",
        "--quiet",
        "--out",
    ]);
    let done = command.arg(out.path()).arg(&path).assert().success();
    (out, done)
}

/// The report.json of the 2026-11-29 briefing in `out`.
fn day_report(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("2026-11-29/report.json")).unwrap()).unwrap()
}

#[test]
fn brief_with_the_neural_test_voice() {
    let (out, done) = neural_brief(
        "<html><head><title>Talks to resume</title></head><body><article><h1>Talks to resume next week</h1>\
         <p>Negotiators from both countries will meet again on Monday, officials said on Sunday, after a pause of several weeks.</p>\
         <p>The talks are expected to last two days and will focus on trade and the border.</p></article></body></html>",
        &[],
    );
    done.stdout(predicate::str::is_empty());
    let (rate, _, _, samples) = read_wav(&out.path().join("2026-11-29/briefing.wav"));
    assert_eq!(rate, 44100);
    assert!(samples.len() as f32 / rate as f32 > 10.0);
    assert!(rms(&samples) > 0.02);
    assert_eq!(
        day_report(out.path())["voice"]["model_layout"],
        "decoder as 2-D convolutions",
        "the neural voice runs with the faster decoder layout"
    );
}

#[test]
fn a_cached_rerun_synthesizes_nothing_and_a_changed_story_only_itself() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let page = |name: &str, title: &str, body: &str| {
        fs::write(
            pages.path().join(name),
            format!("<html><body><article><h1>{title}</h1><p>{body}</p><p>وأكد المسؤولون أن العمل مستمر وفق الخطة المقررة منذ بداية العام.</p></article></body></html>"),
        )
        .unwrap();
    };
    page(
        "a.html",
        "افتتاح جسر جديد على النهر",
        "افتتح رئيس الوزراء جسرا جديدا يربط ضفتي النهر.",
    );
    page(
        "b.html",
        "انطلاق معرض الكتاب الدولي",
        "انطلقت فعاليات معرض الكتاب بمشاركة دور نشر عربية وأجنبية.",
    );
    let run = || {
        let command = brief(home.path(), out.path(), &["--json"])
            .arg(pages.path())
            .output();
        common::report_of(command.unwrap())
    };
    let first = run();
    let segments = first["segments"].as_u64().unwrap();
    assert_eq!(first["clips_synthesized"].as_u64().unwrap(), segments);
    let second = run();
    assert_eq!(second["clips_synthesized"], 0);
    assert_eq!(second["reused_outputs"], true);
    // Outputs gone: made again from cached clips, nothing synthesized.
    let day = out.path().join("2026-11-29");
    fs::remove_file(day.join("briefing.mp3")).unwrap();
    let third = run();
    assert_eq!(third["clips_synthesized"], 0);
    assert_eq!(third["reused_outputs"], false);
    assert!(day.join("briefing.mp3").is_file());
    // One story changed: only its new sentence is synthesized.
    page(
        "b.html",
        "انطلاق معرض الكتاب الدولي",
        "انطلقت فعاليات معرض الكتاب بمشاركة مئات من دور النشر.",
    );
    let fourth = run();
    assert_eq!(fourth["clips_synthesized"], 1, "{fourth}");
}

#[test]
fn the_finished_files_agree_with_each_other_and_meet_the_loudness_standard() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    brief(home.path(), out.path(), &["--quiet"])
        .arg(samples_dir().join("heatwave-warning.txt"))
        .arg(samples_dir().join("sahel-desalination-plant.html"))
        .assert()
        .success();
    let day = out.path().join("2026-11-29");
    let report = report(&day);
    // Loudness measured on the finished MP3: -16 LUFS integrated, true peak at most -1 dBTP.
    let loudness = &report["loudness"];
    assert!(
        (loudness["integrated_lufs"].as_f64().unwrap() + 16.0).abs() <= 0.5,
        "{loudness}"
    );
    assert!(
        loudness["true_peak_dbtp"].as_f64().unwrap() <= -1.0,
        "{loudness}"
    );
    // The WAV holds the same mastered audio, so it meets the standard too.
    let wav_clip = nashra::audio::read_wav(&day.join("briefing.wav")).unwrap();
    let wav_loudness = nashra::audio::measure_loudness(&wav_clip).unwrap();
    assert!(
        (wav_loudness.integrated_lufs + 16.0).abs() <= 0.5 && wav_loudness.true_peak_dbtp <= -1.0,
        "{wav_loudness:?}"
    );
    // The MP3 decodes back (symphonia): 44.1 kHz, as long as the WAV.
    let decoded = nashra::audio::decode_file(&day.join("briefing.mp3")).unwrap();
    assert_eq!(decoded.sample_rate, 44100);
    let (_, _, _, wav) = read_wav(&day.join("briefing.wav"));
    let difference = decoded.samples.len() as i64 - wav.len() as i64;
    assert!(
        difference.abs() < 44100 / 20,
        "mp3 {} vs wav {}",
        decoded.samples.len(),
        wav.len()
    );
    // ID3 chapters: one per story plus intro and outro, titled with the headlines.
    let tag = id3::Tag::read_from_path(day.join("briefing.mp3")).unwrap();
    let chapters: Vec<_> = tag.chapters().collect();
    assert_eq!(chapters.len(), 4);
    assert!(tag.tables_of_contents().count() == 1);
    // chapters.json and the transcript use the same times: each chapter starts at a cue start.
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(day.join("chapters.json")).unwrap()).unwrap();
    let starts: Vec<f64> = json["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["startTime"].as_f64().unwrap())
        .collect();
    assert_eq!(starts.len(), 4);
    let vtt = fs::read_to_string(day.join("transcript.vtt")).unwrap();
    assert!(vtt.starts_with("WEBVTT"));
    let cue_starts: Vec<f64> = vtt
        .lines()
        .filter(|l| l.contains("-->"))
        .map(|l| {
            let t = l.split(" --> ").next().unwrap();
            let parts: Vec<f64> = t.split(':').map(|p| p.parse().unwrap()).collect();
            parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]
        })
        .collect();
    for start in &starts {
        assert!(
            cue_starts.iter().any(|c| (c - start).abs() < 0.002),
            "chapter at {start} has no cue"
        );
    }
    for (chapter, start) in chapters.iter().zip(&starts) {
        assert!((f64::from(chapter.start_time) / 1000.0 - start).abs() < 0.002);
    }
    // The transcript carries the original text (digits as written), the script both forms.
    assert!(vtt.contains("تبلغ 50 ألف متر مكعب"));
    assert!(!vtt.contains("خالد منصور"), "the photo credit is not read");
    let script: serde_json::Value =
        serde_json::from_slice(&fs::read(day.join("script.json")).unwrap()).unwrap();
    let segment = script["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["original"]
                .as_str()
                .unwrap()
                .contains("تبلغ 50 ألف متر مكعب")
        })
        .unwrap();
    let spoken = segment["spoken"].as_str().unwrap();
    assert!(
        spoken.contains("تبلغ خمسين ألف متر مكعب") && spoken.contains("نحو مئتي ألف نسمة"),
        "{segment}"
    );
    assert!(segment["start_sample"].as_u64().unwrap() < segment["end_sample"].as_u64().unwrap());
}

/// A stereo 48 kHz WAV of a soft two-note chord, `seconds` long.
fn write_music(path: &Path, seconds: u32) {
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: 48000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec).unwrap();
    for i in 0..seconds * 48000 {
        let t = i as f32 / 48000.0;
        let value = 0.2 * (std::f32::consts::TAU * 220.0 * t).sin()
            + 0.2 * (std::f32::consts::TAU * 330.0 * t).sin();
        let sample = (value * 32767.0) as i16;
        writer.write_sample(sample).unwrap();
        writer.write_sample(sample).unwrap();
    }
    writer.finalize().unwrap();
}

#[test]
fn music_earcons_and_the_hijri_date_dress_the_programme() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sounds = tempfile::tempdir().unwrap();
    let music = sounds.path().join("theme.wav");
    write_music(&music, 30);
    // The earcon is an MP3 (any common format is decoded with symphonia).
    let chime: Vec<f32> = (0..8820)
        .map(|i| 0.5 * (std::f32::consts::TAU * 880.0 * i as f32 / 44100.0).sin())
        .collect();
    let earcon = sounds.path().join("chime.mp3");
    let mp3 = nashra::audio::encode_mp3(
        &nashra::audio::Clip::new(chime, 44100),
        128,
        &Default::default(),
    )
    .unwrap();
    fs::write(&earcon, mp3).unwrap();
    let broken = sounds.path().join("broken.ogg");
    fs::write(&broken, b"OggS but not really").unwrap();
    brief(home.path(), out.path(), &["--quiet", "--hijri"])
        .arg("--intro-music")
        .arg(&music)
        .arg("--outro-music")
        .arg(&broken)
        .arg("--earcon")
        .arg(&earcon)
        .arg(samples_dir().join("heatwave-warning.txt"))
        .arg(samples_dir().join("sahel-desalination-plant.html"))
        .assert()
        .success();
    let day = out.path().join("2026-11-29");
    let report = report(&day);
    // The unusable outro music is named in the report and left out; the rest is used.
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("outro music") && warnings.contains("broken.ogg"),
        "{warnings}"
    );
    assert!(
        !warnings.contains("theme.wav") && !warnings.contains("chime.mp3"),
        "{warnings}"
    );
    let script: serde_json::Value =
        serde_json::from_slice(&fs::read(day.join("script.json")).unwrap()).unwrap();
    let segments = script["segments"].as_array().unwrap();
    assert!(segments[0]["spoken"]
        .as_str()
        .unwrap()
        .contains("الموافق الثامن عشر من جمادى الآخرة ألف وأربعمئة وثمانية وأربعين للهجرة"));
    // Three seconds of music lead in before the first word.
    let first_word = segments[0]["start_sample"].as_u64().unwrap() as usize;
    assert_eq!(first_word, 3 * 44100);
    let (_, _, _, wav) = read_wav(&day.join("briefing.wav"));
    assert!(rms(&wav[44100..2 * 44100]) > 0.01, "music in the lead-in");
    // The pause before each story holds the earcon, with silence around it.
    for (index, segment) in segments.iter().enumerate().skip(1) {
        if segment["kind"] != "story_intro" {
            continue;
        }
        let before = &segments[index - 1];
        assert!(before["pause_after_ms"].as_u64().unwrap() >= 800);
        let gap_start = before["end_sample"].as_u64().unwrap() as usize;
        let gap_end = segment["start_sample"].as_u64().unwrap() as usize;
        let middle = (gap_start + gap_end) / 2;
        assert!(
            rms(&wav[middle - 2000..middle + 2000]) > 0.01,
            "earcon in the gap"
        );
        assert!(
            rms(&wav[gap_end - 500..gap_end]) < 0.005,
            "silence before the story"
        );
    }
    // The chapters still start the file and agree with the transcript.
    let chapters: serde_json::Value =
        serde_json::from_slice(&fs::read(day.join("chapters.json")).unwrap()).unwrap();
    assert_eq!(chapters["chapters"][0]["startTime"].as_f64().unwrap(), 0.0);
    let vtt = fs::read_to_string(day.join("transcript.vtt")).unwrap();
    assert!(
        vtt.contains("00:00:03.000 -->"),
        "first cue after the lead-in"
    );
    let loudness = &report["loudness"];
    assert!((loudness["integrated_lufs"].as_f64().unwrap() + 16.0).abs() <= 0.5);
}

/// `NASHRA_MODEL_AS_SHIPPED` runs the neural voice's model exactly as shipped, and the report
/// says so and why.
#[test]
fn the_model_as_shipped_when_asked() {
    let (out, _) = neural_brief(
        "<html><body><article><h1>Rain expected</h1><p>Forecasters expect rain across the north on Tuesday, with drier weather later in the week.</p></article></body></html>",
        &[("NASHRA_MODEL_AS_SHIPPED", "1")],
    );
    assert_eq!(
        day_report(out.path())["voice"]["model_layout"],
        "as shipped (NASHRA_MODEL_AS_SHIPPED is set)"
    );
}
