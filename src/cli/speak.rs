//! `nashra say` and `nashra read`: speak a text or an article now, to a file or stdout.
use std::io::{self, Read};

use anyhow::{bail, Context, Result};

use nashra::audio::{PcmStream, StreamFormat};
use nashra::compose::Pauses;
use nashra::pipeline::say::SpeakError;
use nashra::tts::ClipCache;
use nashra::tts::{self, SynthesisParams, VoiceSource};

use super::args::{ReadArgs, SayArgs};
use super::config::Config;
use super::{choose_voice, lower, Environment, EXIT_NO_INPUT};

/// Speak one text to a WAV file, or stream it to stdout.
pub fn say(args: SayArgs, env: &Environment, quiet: bool) -> Result<()> {
    let to_stdout = args.output.as_os_str() == "-";
    if args.raw && !to_stdout {
        bail!("--raw writes to standard output: use it with -o -");
    }
    let text = say_text(&args)?;
    let catalog = env.catalog()?;
    let store = env.store();
    let voice_id = choose_voice(args.voice.clone(), &catalog, &store, quiet);
    let manifest = catalog.get(&voice_id)?.clone();
    let mut source = VoiceSource::from_manifest_with(manifest, &store, &env.model_layout)?;
    if let Some(speaker) = &args.speaker {
        source.select_speaker(speaker)?;
    }
    let params = SynthesisParams { speed: args.speed };
    let started = std::time::Instant::now();
    let cache = match args.no_cache {
        true => ClipCache::disabled(),
        false => ClipCache::new(env.home.join("cache").join("clips")),
    };
    let (destination, audio) = if to_stdout {
        let format = match args.raw {
            true => StreamFormat::Raw,
            false => StreamFormat::Wav,
        };
        let audio = say_to_stdout(&source, &text, &params, &cache, format)?;
        ("stdout".to_string(), audio)
    } else {
        let front_end = say_front_end(&source)?;
        let plan = nashra::pipeline::say::plan_text(&front_end, &text, &Pauses::default());
        let clip = nashra::pipeline::say::speak_plan_in_parallel(
            &source,
            &plan,
            &params,
            &Pauses::default(),
            &cache,
        )?;
        nashra::audio::write_wav(&args.output, &clip)?;
        (args.output.display().to_string(), clip.duration_secs())
    };
    let elapsed = started.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "{destination}: {audio:.1} s of audio with {voice_id} in {elapsed:.2} s, model load included (real-time factor {:.3})",
            if audio > 0.0 { elapsed / audio } else { 0.0 }
        );
    }
    Ok(())
}

/// The text `say` was given: the argument, the file or stdin.
fn say_text(args: &SayArgs) -> Result<String> {
    let text = match (&args.text, &args.file) {
        (Some(text), None) => text.clone(),
        (None, Some(path)) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
        (None, None) => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .context("cannot read stdin")?;
            text
        }
        (Some(_), Some(_)) => bail!("give the text or --file, not both"),
    };
    if text.trim().is_empty() {
        bail!("nothing to say: the text is empty");
    }
    Ok(text)
}

/// The text front end for the voice (Arabic neural voices get vowel marks restored).
fn say_front_end(source: &VoiceSource) -> Result<nashra::text::FrontEnd> {
    let language = &source.manifest().language;
    let diacritize = tts::reads_diacritized_arabic(source.manifest().engine) && language == "ar";
    Ok(nashra::text::FrontEnd::new(language, diacritize, None)?)
}

/// Speak `text` onto stdout as it is synthesized, with one voice instance on every core (the
/// text front end loads meanwhile). Returns the seconds of audio written; a reader that goes
/// away ends the run quietly.
fn say_to_stdout(
    source: &VoiceSource,
    text: &str,
    params: &SynthesisParams,
    cache: &ClipCache,
    format: StreamFormat,
) -> Result<f64> {
    let (voice, front_end) = std::thread::scope(|scope| {
        let voice = scope.spawn(|| source.load_cut_at_decoder(nashra::available_cores()));
        let front_end = say_front_end(source);
        let voice = voice
            .join()
            .unwrap_or_else(|_| Err(tts::TtsError::Synthesis("voice loading failed".into())));
        (voice, front_end)
    });
    let (mut voice, front_end) = (voice?, front_end?);
    let stdout = io::stdout().lock();
    let streamed = PcmStream::new(stdout, format, voice.sample_rate()).and_then(|mut out| {
        let pauses = Pauses::default();
        let result = nashra::pipeline::say::stream_text(
            &mut voice, &front_end, text, params, &pauses, cache, &mut out,
        );
        drop(out.finish()?);
        Ok(result)
    });
    match streamed {
        Ok(Ok(streamed)) => Ok(streamed.audio_secs),
        Ok(Err(SpeakError::Stream(e))) | Err(e) if e.is_closed_pipe() => Ok(0.0),
        Ok(Err(e)) => Err(e.into()),
        Err(e) => Err(e.into()),
    }
}

/// Read one article aloud to a WAV file, or stream it to stdout sentence by sentence.
pub fn read(args: ReadArgs, env: &Environment, quiet: bool) -> Result<u8> {
    let config = Config::discover(args.config.as_deref())?;
    let options = lower::read_options(&args, &config, env);
    let started = std::time::Instant::now();
    let reading = match nashra::pipeline::read::prepare(&options) {
        Ok(reading) => reading,
        Err(nashra::pipeline::read::ReadError::Input(message)) => {
            eprintln!("nashra: {message}");
            return Ok(EXIT_NO_INPUT);
        }
        Err(error) => return Err(error.into()),
    };
    for warning in reading.warnings.iter().filter(|_| !quiet) {
        eprintln!("nashra: warning: {warning}");
    }
    let to_stdout = args.output.as_os_str() == "-";
    let (summary, audio_secs) = if to_stdout {
        match read_to_stdout(&reading) {
            Ok(spoken) => spoken,
            Err(e) if is_closed_pipe(&e) => return Ok(0),
            Err(e) => return Err(e),
        }
    } else {
        let mut samples = Vec::new();
        let summary = reading.speak(&mut |clip: &nashra::audio::Clip| {
            samples.extend_from_slice(&clip.samples);
            Ok(())
        })?;
        let clip = nashra::audio::Clip::new(samples, reading.sample_rate());
        nashra::audio::write_wav(&args.output, &clip)?;
        (summary, clip.duration_secs())
    };
    for problem in &summary.cache_problems {
        eprintln!("nashra: warning: {problem}");
    }
    if !quiet {
        eprintln!(
            "{}: \"{}\", {} sentences, {:.1} s of audio with {} ({} synthesized, {} from cache) in {:.2} s",
            if to_stdout { "stdout".to_string() } else { args.output.display().to_string() },
            reading.title,
            summary.sentences,
            audio_secs,
            reading.voice_id,
            summary.synthesized,
            summary.cached,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(0)
}

/// Stream the reading onto stdout as a WAV, sentence by sentence as each is ready; returns the
/// summary and the seconds of audio written.
fn read_to_stdout(
    reading: &nashra::pipeline::read::Reading,
) -> Result<(nashra::pipeline::read::ReadSummary, f64)> {
    let rate = reading.sample_rate();
    let mut out = PcmStream::new(io::stdout().lock(), StreamFormat::Wav, rate)?;
    let summary = reading.speak(&mut |clip: &nashra::audio::Clip| {
        out.write_clip(clip).map_err(|e| match e {
            nashra::audio::StreamError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        })
    })?;
    let audio_secs = out.samples_written() as f64 / f64::from(rate.max(1));
    drop(out.finish()?);
    Ok((summary, audio_secs))
}

/// True when `error` comes from a reader that closed the pipe (the player was stopped).
fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<nashra::audio::StreamError>()
                .is_some_and(|e| e.is_closed_pipe())
    })
}
