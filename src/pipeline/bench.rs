//! `nashra bench`: speed figures on the samples — extraction (pages/s), the text front end
//! (chars/s, with and without diacritization), synthesis real-time factor with different
//! worker plans, and a whole briefing with its stage timings, first run and cached re-run.
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::extract;
use crate::pipeline::brief::{self, BriefOptions};
use crate::pipeline::gather::{self, GatherOptions};
use crate::pipeline::report::Report;
use crate::progress::NoProgress;
use crate::text::{self, FrontEnd};
use crate::tts::{Catalog, ModelLayout, SynthesisParams, TtsError, VoiceSource, VoiceStore};

/// One measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// What was measured.
    pub name: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
}

/// Errors of the benchmark.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The samples gave no article.
    #[error("no article could be read from {0}")]
    NoSamples(String),
    /// The voice could not be used.
    #[error(transparent)]
    Voice(#[from] TtsError),
    /// The text front end failed.
    #[error(transparent)]
    FrontEnd(#[from] text::FrontEndError),
    /// A briefing run failed.
    #[error(transparent)]
    Brief(#[from] brief::BriefError),
}

/// Run every benchmark on `samples` with `voice_id`, its neural model run in `layout`;
/// briefings go to a temporary folder.
pub fn run(
    samples: &Path,
    voice_id: &str,
    nashra_home: &Path,
    date: chrono::NaiveDate,
    layout: &ModelLayout,
) -> Result<Vec<Figure>, BenchError> {
    let mut figures = Vec::new();
    let articles = extraction(samples, &mut figures)?;
    let sentences: Vec<String> = articles
        .iter()
        .flat_map(|a| {
            std::iter::once(a.title.clone())
                .chain(a.paragraphs.iter().flat_map(|p| text::split_sentences(p)))
        })
        .collect();
    front_end(&sentences, &mut figures)?;
    synthesis(&sentences, voice_id, nashra_home, layout, &mut figures)?;
    briefing(samples, voice_id, nashra_home, date, layout, &mut figures)?;
    if let Some(mb) = crate::pipeline::report::peak_memory_mb() {
        push(&mut figures, "peak resident memory (whole bench)", mb, "MB");
    }
    Ok(figures)
}

fn push(figures: &mut Vec<Figure>, name: &str, value: f64, unit: &str) {
    figures.push(Figure {
        name: name.to_string(),
        value,
        unit: unit.to_string(),
    });
}

fn extraction(
    samples: &Path,
    figures: &mut Vec<Figure>,
) -> Result<Vec<extract::Article>, BenchError> {
    let outcomes = gather::gather(
        &[samples.display().to_string()],
        &GatherOptions::default(),
        &NoProgress,
    );
    let articles: Vec<_> = outcomes.into_iter().filter_map(|o| o.result.ok()).collect();
    if articles.is_empty() {
        return Err(BenchError::NoSamples(samples.display().to_string()));
    }
    let pages: Vec<(PathBuf, String)> = std::fs::read_dir(samples)
        .map(|dir| dir.flatten().map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| {
            extract::kind_from_path(&p).and_then(|_| {
                std::fs::read(&p)
                    .ok()
                    .map(|b| (p, String::from_utf8_lossy(&b).into_owned()))
            })
        })
        .collect();
    let rounds = 20;
    let started = Instant::now();
    for _ in 0..rounds {
        for (path, content) in &pages {
            if let Some(kind) = extract::kind_from_path(path) {
                let _ = extract::extract(content, kind, None);
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    push(
        figures,
        "extraction",
        (rounds * pages.len()) as f64 / seconds.max(1e-9),
        "pages/s",
    );
    Ok(articles)
}

fn front_end(sentences: &[String], figures: &mut Vec<Figure>) -> Result<(), BenchError> {
    let chars: usize = sentences.iter().map(|s| s.chars().count()).sum();
    for (name, diacritize) in [("normalize", false), ("normalize --diacritize", true)] {
        let front_end = FrontEnd::new("ar", diacritize, None)?;
        let rounds = if diacritize { 1 } else { 20 };
        let started = Instant::now();
        for _ in 0..rounds {
            for sentence in sentences {
                let _ = front_end.process(sentence);
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        push(
            figures,
            name,
            (rounds * chars) as f64 / seconds.max(1e-9),
            "chars/s",
        );
    }
    Ok(())
}

/// Real-time factor (synthesis seconds per audio second) on the first sentences, with one
/// voice on all cores and with one voice per core; for a Piper voice also with its model as
/// shipped, to show what the decoder layout ([`crate::tts::decoder_layout`]) gains here.
fn synthesis(
    sentences: &[String],
    voice_id: &str,
    home: &Path,
    layout: &ModelLayout,
    figures: &mut Vec<Figure>,
) -> Result<(), BenchError> {
    let catalog = Catalog::load(home)?;
    let store = VoiceStore::new(home);
    let front_end = FrontEnd::new(&catalog.get(voice_id)?.language, false, None)?;
    let texts: Vec<String> = sentences
        .iter()
        .take(24)
        .map(|s| front_end.process(s).spoken)
        .collect();
    let cores = crate::available_cores();
    let manifest = catalog.get(voice_id)?.clone();
    let is_piper = manifest.engine == crate::tts::Engine::Piper;
    let mut plans = vec![(1, cores, false)];
    if cores > 1 && is_piper {
        plans.push((cores, 1, false));
    }
    if is_piper {
        plans.push((cores, 1, true));
    }
    for (workers, threads, as_shipped) in plans {
        let source = match as_shipped {
            false => VoiceSource::from_manifest_with(manifest.clone(), &store, layout)?,
            true => {
                let layout = crate::tts::ModelLayout::AsShipped("asked for".into());
                VoiceSource::from_manifest_with(manifest.clone(), &store, &layout)?
            }
        };
        let cache = crate::tts::clip_cache::ClipCache::disabled();
        let job = crate::pipeline::synthesize::SynthesisJob {
            texts: &texts,
            params: SynthesisParams::default(),
            clause_pause_ms: 200,
            cache: &cache,
        };
        let started = Instant::now();
        let out = crate::pipeline::synthesize::synthesize(
            &source,
            Vec::new(),
            workers,
            threads,
            &job,
            &NoProgress,
        )?;
        // Model loading is timed by the briefing benchmark; this is synthesis alone.
        let seconds = started.elapsed().as_secs_f64() - out.load_seconds;
        let audio: f64 = out.clips.iter().map(|c| c.duration_secs()).sum();
        let label = match as_shipped {
            false => format!("synthesis RTF, {workers} worker(s) x {threads} thread(s)"),
            true => format!(
                "synthesis RTF, {workers} worker(s) x {threads} thread(s), model as shipped"
            ),
        };
        push(figures, &label, seconds / audio.max(1e-9), "s/s");
    }
    Ok(())
}

/// A whole briefing of the samples, first without the cache, then a cached re-run.
fn briefing(
    samples: &Path,
    voice_id: &str,
    home: &Path,
    date: chrono::NaiveDate,
    layout: &ModelLayout,
    figures: &mut Vec<Figure>,
) -> Result<(), BenchError> {
    let out = tempfile::tempdir().map_err(|e| BenchError::NoSamples(e.to_string()))?;
    let options = |use_cache: bool| {
        let sources = vec![samples.display().to_string()];
        let mut options = BriefOptions::new(sources, out.path(), date, home);
        options.speech.voice = Some(voice_id.to_string());
        options.speech.use_cache = use_cache;
        options.speech.model_layout = layout.clone();
        options
    };
    let (first, busy_before) = (Instant::now(), crate::tts::model_busy_seconds());
    let outcome = brief::run(&options(false), &NoProgress)?;
    let first_secs = first.elapsed().as_secs_f64();
    let busy = crate::tts::model_busy_seconds() - busy_before;
    first_run_figures(&outcome.report, first_secs, figures);
    if busy > 0.0 {
        push(figures, "briefing time inside model calls", busy, "s");
        push(
            figures,
            "briefing wall time ÷ time inside model calls",
            first_secs / busy,
            "x",
        );
    }
    // With the cache: fill it, then time a re-run that synthesizes nothing.
    brief::run(&options(true), &NoProgress)?;
    let again = Instant::now();
    let cached = brief::run(&options(true), &NoProgress)?;
    let again_secs = again.elapsed().as_secs_f64();
    cached_rerun_figures(&cached.report, first_secs, again_secs, figures);
    Ok(())
}

/// The figures of a briefing made without the cache in `first_secs`: its length, speed and
/// stage timings.
fn first_run_figures(report: &Report, first_secs: f64, figures: &mut Vec<Figure>) {
    let synthesis: f64 = report
        .timings
        .iter()
        .filter(|t| t.stage == "synthesis")
        .map(|t| t.seconds)
        .sum();
    push(figures, "briefing audio", report.duration_secs, "s");
    push(figures, "briefing wall time (no cache)", first_secs, "s");
    push(
        figures,
        "briefing RTF (no cache)",
        first_secs / report.duration_secs.max(1e-9),
        "s/s",
    );
    for timing in report.timings.iter().chain(&report.audio_timings) {
        push(
            figures,
            &format!("stage {}", timing.stage),
            timing.seconds,
            "s",
        );
    }
    push(
        figures,
        "briefing wall time ÷ synthesis stage",
        first_secs / synthesis.max(1e-9),
        "x",
    );
    push(
        figures,
        "share of time not in synthesis",
        100.0 * (1.0 - synthesis / report.total_seconds().max(1e-9)),
        "%",
    );
}

/// The figures of a cached re-run that took `again_secs`, against the first run's `first_secs`.
fn cached_rerun_figures(
    report: &Report,
    first_secs: f64,
    again_secs: f64,
    figures: &mut Vec<Figure>,
) {
    push(figures, "cached re-run wall time", again_secs, "s");
    push(
        figures,
        "cached re-run clips synthesized",
        report.clips_synthesized as f64,
        "clips",
    );
    push(
        figures,
        "cached re-run speed-up",
        first_secs / again_secs.max(1e-9),
        "x",
    );
}
