//! Golden tests of the script: the bundled samples must compose to exactly the stored script
//! (segment kinds, pauses, the text as written and as the voice will say it). After a deliberate
//! change, regenerate the files with `NASHRA_BLESS=1 cargo test --test script` and review the diff.
use crate::common;

use std::fmt::Write as _;
use std::path::Path;

use nashra::compose::{Script, TemplateOverrides};
use nashra::pipeline::brief::{prepare_script, BriefOptions};
use nashra::pipeline::clock::StageClock;
use nashra::pipeline::report::Report;
use nashra::progress::NoProgress;

fn options(home: &Path, max_minutes: Option<f64>, templates: TemplateOverrides) -> BriefOptions {
    let sources = vec![common::samples_dir().display().to_string()];
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut options = BriefOptions::new(sources, home.join("out"), date, home);
    options.speech.diacritize = Some(false);
    options.speech.use_cache = false;
    options.max_minutes = max_minutes;
    options.templates = templates;
    options
}

/// One block per segment: kind, story, pause, then the written and the spoken text.
fn render(script: &Script, voice_texts: &[String]) -> String {
    let mut out = format!("# {} ({} stories)\n", script.title, script.stories.len());
    for story in &script.stories {
        writeln!(out, "# story: {}", story.title).unwrap();
    }
    for (segment, voice_text) in script.segments.iter().zip(voice_texts) {
        let story = segment
            .story
            .map_or("-".to_string(), |s| (s + 1).to_string());
        writeln!(
            out,
            "\n[{:?} story={story} pause={}ms]\n{}\n→ {}",
            segment.kind, segment.pause_after_ms, segment.original, voice_text
        )
        .unwrap();
    }
    out
}

fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("NASHRA_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (NASHRA_BLESS=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from line {}:\nexpected: {:?}\n  actual: {:?}",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn script_of(options: &BriefOptions) -> String {
    let mut report = Report::default();
    let (script, voice_texts) = prepare_script(
        options,
        "ar",
        false,
        &mut report,
        &mut StageClock::default(),
        &NoProgress,
    )
    .unwrap();
    assert!(report.inputs.len() >= 5, "{:?}", report.inputs);
    render(&script, &voice_texts)
}

#[test]
fn the_samples_compose_to_the_golden_script() {
    let home = tempfile::tempdir().unwrap();
    let script = script_of(&options(home.path(), None, TemplateOverrides::default()));
    check_golden("samples.script.txt", &script);
}

#[test]
fn a_two_minute_budget_with_the_hijri_date_gives_the_golden_short_script() {
    let home = tempfile::tempdir().unwrap();
    let templates = TemplateOverrides {
        hijri: Some(true),
        ..TemplateOverrides::default()
    };
    let script = script_of(&options(home.path(), Some(2.0), templates));
    assert!(script.contains("الموافق الثامن عشر من جمادى الآخرة"));
    check_golden("samples-2min-hijri.script.txt", &script);
}
