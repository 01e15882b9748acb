//! What a briefing run prints when it is done: the human summary (the JSON is the report).
use nashra::pipeline::brief::BriefOutcome;
use nashra::pipeline::report::InputStatus;

/// The summary of a briefing on stdout: stories, voice, inputs, clips, time, files.
pub fn print_summary(outcome: &BriefOutcome) {
    let report = &outcome.report;
    let minutes = (report.duration_secs / 60.0).floor();
    let seconds = report.duration_secs - minutes * 60.0;
    println!(
        "briefing for {} — {} stories, {:.0}:{:04.1}",
        report.date, report.stories, minutes, seconds
    );
    if let Some(voice) = &report.voice {
        println!(
            "voice      {} ({}, {} Hz)",
            voice.id, voice.engine, voice.sample_rate
        );
    }
    for input in &report.inputs {
        let status = match input.status {
            InputStatus::Ok => "ok  ",
            InputStatus::Thin => "THIN",
            InputStatus::Failed => "FAIL",
            InputStatus::Duplicate => "dup ",
            InputStatus::Skipped => "skip",
        };
        let detail = match (&input.title, &input.error, &input.note) {
            (_, Some(error), _) => error.clone(),
            (Some(title), None, Some(note)) => format!("{title} ({note})"),
            (Some(title), None, None) => format!("{} ({} words)", title, input.words),
            _ => String::new(),
        };
        println!("  {status} {detail}");
    }
    if !report.warnings.is_empty() {
        println!("warnings   {} (see report.json)", report.warnings.len());
    }
    println!(
        "clips      {} synthesized, {} from cache",
        report.clips_synthesized, report.clips_cached
    );
    println!("time       {:.1} s", report.total_seconds());
    println!(
        "written    {}/ ({})",
        outcome.day_dir.display(),
        report.outputs.join(", ")
    );
}
