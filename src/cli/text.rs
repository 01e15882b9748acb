//! `nashra extract` and `nashra normalize`: the text stages on their own.
use std::io::{self, BufRead, Write};

use anyhow::{Context, Result};

use nashra::pipeline::gather::GatherOptions;
use nashra::tts;

use super::args::{ExtractArgs, ExtractFormat, NormalizeArgs};
use super::EXIT_NO_INPUT;

/// Print the article of each source (text or JSON); exit 3 when any source fails.
pub fn extract(args: ExtractArgs) -> Result<u8> {
    let outcomes = nashra::pipeline::gather::gather(
        std::slice::from_ref(&args.source),
        &GatherOptions::default(),
        &nashra::progress::NoProgress,
    );
    let mut out = io::stdout().lock();
    let mut failed = 0;
    let many = outcomes.len() > 1;
    for outcome in outcomes {
        match outcome.result {
            Ok(article) => match args.format {
                ExtractFormat::Json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&article)?)?
                }
                ExtractFormat::Text => {
                    writeln!(out, "{}\n", article.title)?;
                    for paragraph in &article.paragraphs {
                        writeln!(out, "{paragraph}")?;
                    }
                    if many {
                        writeln!(out)?;
                    }
                }
            },
            Err(error) => {
                eprintln!("nashra: {error}");
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { EXIT_NO_INPUT } else { 0 })
}

/// Print how each stdin line is spoken (or its phonemes, or JSON).
pub fn normalize(args: NormalizeArgs) -> Result<()> {
    let front_end =
        nashra::text::FrontEnd::new(&args.language, args.diacritize, args.lexicon.as_deref())?;
    let espeak_voice = if args.language == "ar" { "ar" } else { "en-us" };
    let stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lines() {
        let line = line.context("stdin is not valid UTF-8 text")?;
        if line.trim().is_empty() {
            writeln!(out)?;
            continue;
        }
        let sentence = front_end.process(&line);
        if args.json {
            writeln!(out, "{}", serde_json::to_string(&sentence)?)?;
        } else if args.phonemes {
            let phonemes = tts::phonemize(sentence.voice_text(), espeak_voice)?;
            writeln!(out, "{}", phonemes.replace('\n', " "))?;
        } else {
            writeln!(out, "{}", sentence.voice_text().replace('\n', " "))?;
        }
    }
    out.flush()?;
    Ok(())
}
