//! Production: the script's clips become the finished programme and its files —
//! `briefing.wav`, `briefing.mp3` (ID3 chapters), `chapters.json`, `transcript.vtt` and
//! `script.json` — all with times taken from the same sample offsets.
use std::path::Path;

use crate::audio::assemble;
use crate::audio::chapters::{chapters_json, Chapter};
use crate::audio::loudness::{self, Loudness};
use crate::audio::mp3::{self, Mp3FileWriter, Mp3Meta};
use crate::audio::sounds::{self, Layout, Sounds};
use crate::audio::stream::{self, Mastering, ProgrammeWriter, WavFileWriter};
use crate::audio::transcript::{webvtt, Cue};
use crate::audio::{wav, AudioError, Clip};
use crate::compose::{Script, SegmentKind};
use crate::fsutil::write_atomic;
use crate::pipeline::clock::{StageClock, StageTiming};

/// Output settings of the programme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProductionSettings {
    /// Output sample rate (44.1 kHz: Apple's minimum for podcasts).
    pub sample_rate: u32,
    /// Integrated loudness target, LUFS.
    pub target_lufs: f64,
    /// True-peak ceiling, dBTP.
    pub max_true_peak_dbtp: f64,
    /// MP3 bitrate, kbit/s (constant).
    pub mp3_kbps: u32,
}

impl Default for ProductionSettings {
    fn default() -> Self {
        Self {
            sample_rate: mp3::MP3_SAMPLE_RATE,
            target_lufs: loudness::DEFAULT_TARGET_LUFS,
            max_true_peak_dbtp: loudness::DEFAULT_MAX_TRUE_PEAK_DBTP,
            mp3_kbps: mp3::DEFAULT_BITRATE_KBPS,
        }
    }
}

/// Errors producing the programme.
#[derive(Debug, thiserror::Error)]
pub enum ProduceError {
    /// Audio processing failed.
    #[error(transparent)]
    Audio(#[from] AudioError),
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] crate::fsutil::WriteError),
    /// The WAV file could not be written.
    #[error(transparent)]
    Wav(#[from] wav::WavError),
    /// Synthesis ended without the clip of a segment.
    #[error("no clip for segment {0}: synthesis ended early")]
    MissingClip(usize),
}

/// What production made.
#[derive(Debug, Clone, PartialEq)]
pub struct Produced {
    /// Duration of the programme, seconds.
    pub duration_secs: f64,
    /// Sample rate of the files.
    pub sample_rate: u32,
    /// Loudness of the finished MP3 (decoded), or of the WAV when the programme is silent.
    pub loudness: Option<Loudness>,
    /// The chapters.
    pub chapters: Vec<Chapter>,
    /// Files written, by name.
    pub files: Vec<String>,
    /// Time spent in each production step.
    pub timings: Vec<StageTiming>,
    /// What production had to leave out, one line each.
    pub warnings: Vec<String>,
}

/// Where production gets the clip of every segment of the script, by index, in the order it
/// needs them (from synthesis as it goes, or from memory).
pub trait ClipSource: Sync {
    /// The clip of segment `index`, waiting for it if needed; `None` when it will never come.
    fn clip(&self, index: usize) -> Option<Clip>;
    /// No more clips will be asked for.
    fn done(&self) {}
}

/// Clips already in memory, one per segment (each can be taken once).
#[cfg(test)]
pub struct HeldClips(std::sync::Mutex<Vec<Option<Clip>>>);

#[cfg(test)]
impl HeldClips {
    /// Hold `clips`.
    #[cfg(test)]
    pub fn new(clips: Vec<Clip>) -> Self {
        Self(std::sync::Mutex::new(clips.into_iter().map(Some).collect()))
    }
}

#[cfg(test)]
impl ClipSource for HeldClips {
    fn clip(&self, index: usize) -> Option<Clip> {
        let mut clips = self.0.lock().unwrap_or_else(|p| p.into_inner());
        clips.get_mut(index).and_then(Option::take)
    }
}

/// The segments whose clips production asks for before the others: those outside any story
/// that come after the first story (the outro), whose length decides which stories fit.
pub fn wanted_first(script: &Script) -> Vec<usize> {
    let first_story = script.segments.iter().position(|s| s.story.is_some());
    match first_story {
        Some(first) => (first..script.segments.len())
            .filter(|&i| script.segments[i].story.is_none())
            .collect(),
        None => Vec::new(),
    }
}

/// Assemble the clips of `script`'s segments (taken from `clips` as they come, at
/// `voice_rate`) with the script's pauses, bring the programme to the output rate and
/// loudness, set every segment's sample offsets in `script`, and write the programme's files
/// into `day_dir`. The programme streams through a temporary file in `day_dir`: memory holds
/// a few clips and blocks, however long the programme; files appear only when complete.
pub fn produce(
    script: &mut Script,
    clips: &dyn ClipSource,
    voice_rate: u32,
    settings: &ProductionSettings,
    sounds: &Sounds,
    day_dir: &Path,
) -> Result<Produced, ProduceError> {
    let limit_secs = f64::from(assemble::MAX_PROGRAMME_SECONDS) - DURATION_RESERVE_SECS;
    let (assembled, busy_secs) = assemble_script(
        script, clips, voice_rate, settings, sounds, day_dir, limit_secs,
    )?;
    let mut clock = StageClock::default();
    let mut timings = vec![StageTiming {
        stage: "audio: assemble, resample, measure (during synthesis)".into(),
        seconds: busy_secs,
    }];
    let warnings = dropped_stories_warning(assembled.dropped)
        .into_iter()
        .collect();
    let stream = assembled.stream;
    let rate = settings.sample_rate;
    let layout = layout_of(script);
    let dressing = sounds::plan(&stream.spans, rate, stream.active_level_db, sounds, &layout)?;
    place_segments(script, &stream.spans, dressing.lead, rate);
    let total_samples = dressing.dressed_len(stream.spool.len());
    let assembled_lufs = stream.integrated_lufs;
    let mastering = mastering_of(
        &stream.spool,
        assembled_lufs,
        &dressing,
        rate,
        settings,
        &mut clock,
    )?;
    clock.lap("audio: loudness");
    let chapters = chapters_of(script, total_samples as u64, rate);
    let meta = mp3_meta(script, &chapters);
    let master = Master {
        spool: &stream.spool,
        dressing: &dressing,
        rate,
        settings,
        meta: &meta,
        day_dir,
        total_samples,
    };
    let loudness = master.write(mastering)?;
    clock.lap("audio: wav and mp3 (encode, decode, measure)");
    let mut files = vec!["briefing.mp3".to_string(), "briefing.wav".to_string()];
    files.extend(write_side_files(script, &chapters, rate, day_dir)?);
    clock.lap("audio: chapters, transcript, script");
    timings.extend(clock.into_timings());
    Ok(Produced {
        duration_secs: total_samples as f64 / f64::from(rate.max(1)),
        sample_rate: rate,
        loudness,
        chapters,
        files,
        timings,
        warnings,
    })
}

/// The warning when the last `dropped` stories did not fit (none when nothing was dropped).
fn dropped_stories_warning(dropped: usize) -> Option<String> {
    (dropped > 0).then(|| {
        format!(
            "the last {} stories were left out: the programme would pass the {} hour limit",
            dropped,
            assemble::MAX_PROGRAMME_SECONDS / 3600
        )
    })
}

/// Set every segment's sample offsets in the finished programme at `rate` (its span moved by
/// the music's `lead`).
fn place_segments(script: &mut Script, spans: &[assemble::Span], lead: usize, rate: u32) {
    for (segment, span) in script.segments.iter_mut().zip(spans) {
        segment.start_sample = Some((span.start_sample + lead) as u64);
        segment.end_sample = Some((span.end_sample + lead) as u64);
    }
    script.sample_rate = Some(rate);
}

/// The mastering that brings the programme in `spool` (of `assembled_lufs` integrated
/// loudness as assembled), dressed with `dressing`, to the loudness target; `None` for a
/// silent programme. Dressing the programme is timed on `clock` when there is any.
fn mastering_of(
    spool: &stream::Spool,
    assembled_lufs: Result<f64, AudioError>,
    dressing: &sounds::Dressing,
    rate: u32,
    settings: &ProductionSettings,
    clock: &mut StageClock,
) -> Result<Option<Mastering>, ProduceError> {
    let dressed = dressing.lead > 0 || !dressing.overlays.is_empty();
    let integrated = if dressed {
        clock.lap("audio: music and earcons");
        stream::rendered_loudness(spool, dressing, rate, Mastering::unity())
    } else {
        assembled_lufs
    };
    match integrated {
        Ok(lufs) => Ok(Some(loudness_mastering(
            spool, dressing, rate, lufs, settings,
        )?)),
        // A silent programme (every sentence failed) cannot be normalized; keep it as it is.
        Err(AudioError::Unmeasurable) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Write `chapters.json`, `transcript.vtt` and `script.json`; returns their names.
fn write_side_files(
    script: &Script,
    chapters: &[Chapter],
    rate: u32,
    day_dir: &Path,
) -> Result<Vec<String>, ProduceError> {
    write_file(day_dir, "chapters.json", chapters_json(chapters).as_bytes())?;
    write_file(
        day_dir,
        "transcript.vtt",
        webvtt(&cues_of(script, rate)).as_bytes(),
    )?;
    let script_json = serde_json::to_string_pretty(script)
        .map_err(|e| crate::fsutil::WriteError::new("script.json", std::io::Error::other(e)))?;
    write_file(day_dir, "script.json", script_json.as_bytes())?;
    Ok(["chapters.json", "transcript.vtt", "script.json"]
        .map(String::from)
        .to_vec())
}

/// The gain (and limiter ceiling, with room under the true-peak ceiling for the peaks MP3
/// coding adds) that brings the programme, of `lufs` integrated loudness as assembled, to the
/// target: limiting takes a little loudness off, so the gain is corrected until the limited
/// programme measures on target.
fn loudness_mastering(
    spool: &stream::Spool,
    dressing: &sounds::Dressing,
    rate: u32,
    lufs: f64,
    settings: &ProductionSettings,
) -> Result<Mastering, ProduceError> {
    let ceiling = settings.max_true_peak_dbtp - mp3::MP3_PEAK_HEADROOM_DB - LIMITER_MARGIN_DB;
    let mut mastering = Mastering {
        gain_db: settings.target_lufs - lufs,
        ceiling_dbtp: Some(ceiling),
    };
    // What the limiter takes grows with the gain, so each pass corrects by the shortfall
    // divided by the measured loudness gained per dB of gain (a secant step): speech peaks
    // that the limiter flattens can take 1.7 LU at the first guess, and adding the bare
    // shortfall pass after pass stayed 0.2-0.5 LU short after four passes.
    let mut previous: Option<(f64, f64)> = None;
    for _ in 0..MAX_LOUDNESS_PASSES {
        let measured = stream::rendered_loudness(spool, dressing, rate, mastering)?;
        let shortfall = settings.target_lufs - measured;
        if shortfall.abs() <= TARGET_TOLERANCE_LU {
            break;
        }
        let slope = previous.map_or(1.0, |(gain, lufs)| {
            loudness_per_gain_db(gain, lufs, mastering.gain_db, measured)
        });
        previous = Some((mastering.gain_db, measured));
        mastering.gain_db += shortfall / slope;
    }
    Ok(mastering)
}

/// LU of loudness gained per dB of gain between two passes, kept within sensible bounds (a
/// limiter never makes more gain quieter, and takes at most most of it).
fn loudness_per_gain_db(gain_a: f64, lufs_a: f64, gain_b: f64, lufs_b: f64) -> f64 {
    let slope = (lufs_b - lufs_a) / (gain_b - gain_a);
    if slope.is_finite() {
        slope.clamp(MIN_LOUDNESS_PER_GAIN_DB, 1.0)
    } else {
        1.0
    }
}

/// The least loudness per dB of gain assumed for a secant step (bounds the step to 5x the
/// shortfall).
const MIN_LOUDNESS_PER_GAIN_DB: f64 = 0.2;

/// The limiter aims this far below its ceiling so the meter's own true-peak estimate lands
/// under it.
const LIMITER_MARGIN_DB: f64 = 0.1;
/// Integrated loudness within this many LU of the target counts as on target.
const TARGET_TOLERANCE_LU: f64 = 0.1;
/// Most measuring passes spent correcting the gain for what the limiter takes.
const MAX_LOUDNESS_PASSES: usize = 4;

/// Everything needed to write the finished audio files.
struct Master<'a> {
    spool: &'a stream::Spool,
    dressing: &'a sounds::Dressing,
    rate: u32,
    settings: &'a ProductionSettings,
    meta: &'a Mp3Meta,
    day_dir: &'a Path,
    total_samples: usize,
}

impl Master<'_> {
    /// Write `briefing.wav` and `briefing.mp3` through `mastering` (`None`: as assembled),
    /// checking the MP3 by decoding it: while its true peak is over the ceiling, the limiter
    /// goes lower and both files are made again (at most [`mp3::MAX_ENCODINGS`] times).
    /// Returns the loudness of the finished MP3 (`None` for a silent programme).
    fn write(&self, mastering: Option<Mastering>) -> Result<Option<Loudness>, ProduceError> {
        let Some(mut mastering) = mastering else {
            let (wav, mp3, _) = self.render_files(Mastering::unity())?;
            self.persist(wav, mp3)?;
            return Ok(None);
        };
        let mut encodings = 0;
        loop {
            encodings += 1;
            let (wav, mp3_file, measured) = self.render_files(mastering)?;
            let measured = measured.or_else(|_| mp3::measure_encoded_file(&mp3_file));
            let loudness = match measured {
                Ok(loudness) => Some(loudness),
                Err(AudioError::Unmeasurable) => None,
                Err(e) => return Err(e.into()),
            };
            let excess =
                loudness.map_or(0.0, |l| l.true_peak_dbtp - self.settings.max_true_peak_dbtp);
            if excess <= 0.0 || encodings == mp3::MAX_ENCODINGS {
                self.persist(wav, mp3_file)?;
                return Ok(loudness);
            }
            // The overshooting peak need not be one the limiter touched yet: step down by at
            // least 0.3 dB, with a margin that grows per pass.
            if let Some(ceiling) = mastering.ceiling_dbtp.as_mut() {
                *ceiling -= excess.max(0.3) + 0.1 * encodings as f64;
            }
        }
    }

    /// One pass over the programme writing the WAV (here) and the MP3 (on a thread of its
    /// own, so encoding runs beside everything else); both as temporary files. A third
    /// thread decodes the MP3 as it is encoded and measures it (the result, third, is that
    /// measurement).
    fn render_files(&self, mastering: Mastering) -> Result<RenderedFiles, ProduceError> {
        let mut wav = WavFileWriter::create(self.day_dir, self.rate)?;
        let mut mp3 = Mp3FileWriter::create(
            self.day_dir,
            self.settings.mp3_kbps,
            self.meta,
            self.total_samples,
        )?;
        let encoded_bytes = mp3.tap();
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<f32>>(MP3_QUEUE_BLOCKS);
        let (rendered, encoded, measured) = std::thread::scope(|scope| {
            let checker = scope.spawn(move || mp3::measure_encoded_stream(encoded_bytes));
            let encoder = scope.spawn(move || -> Result<tempfile::TempPath, AudioError> {
                for block in receiver {
                    mp3.push(&block)?;
                }
                mp3.finish()
            });
            let rendered = stream::render(
                self.spool,
                self.dressing,
                self.rate,
                mastering,
                &mut |block| {
                    wav.push(block)?;
                    sender
                        .send(block.to_vec())
                        .map_err(|_| AudioError::encode_message("the MP3 encoder stopped"))
                },
            );
            drop(sender);
            let encoded = encoder
                .join()
                .unwrap_or_else(|_| Err(AudioError::encode_message("the MP3 encoder failed")));
            let measured = checker
                .join()
                .unwrap_or_else(|_| Err(AudioError::Loudness("the MP3 meter failed".into())));
            (rendered, encoded, measured)
        });
        let mp3 = encoded?;
        rendered?;
        Ok((wav.finish()?, mp3, measured))
    }

    /// Put the finished files in place (each renamed over the previous one, complete).
    fn persist(
        &self,
        wav: tempfile::TempPath,
        mp3: tempfile::TempPath,
    ) -> Result<(), ProduceError> {
        for (temp, name) in [(mp3, "briefing.mp3"), (wav, "briefing.wav")] {
            let path = self.day_dir.join(name);
            let write_error = |source| crate::fsutil::WriteError::new(&path, source);
            std::fs::File::open(&temp)
                .and_then(|file| file.sync_all())
                .map_err(write_error)?;
            temp.persist(&path).map_err(|e| write_error(e.error))?;
        }
        Ok(())
    }
}

/// The WAV and MP3 files of one rendering, and the MP3's loudness as measured while it was
/// encoded.
type RenderedFiles = (
    tempfile::TempPath,
    tempfile::TempPath,
    Result<Loudness, AudioError>,
);

/// Blocks waiting for the MP3 encoder.
const MP3_QUEUE_BLOCKS: usize = 16;

/// The assembled programme and how many stories had to be left out.
struct AssembledScript {
    stream: stream::AssembledStream,
    dropped: usize,
}

/// Room kept under the audio limit for music lead-in and tail and for rounding, seconds.
const DURATION_RESERVE_SECS: f64 = 15.0;

/// Assemble the script's clips as they come (see [`ProgrammeWriter`]), leaving out whole
/// stories from the end when the programme, pauses included, would pass the audio stage's
/// limit (see [`Fit`]), and lengthening the pause before every story to hold the earcon.
/// Returns the programme and the seconds spent working on it (not waiting for clips).
fn assemble_script(
    script: &mut Script,
    clips: &dyn ClipSource,
    voice_rate: u32,
    settings: &ProductionSettings,
    sounds: &Sounds,
    day_dir: &Path,
    limit_secs: f64,
) -> Result<(AssembledScript, f64), ProduceError> {
    let mut fit = Fit::new(script, clips, sounds, limit_secs)?;
    let started = std::time::Instant::now();
    let mut writer = ProgrammeWriter::new(voice_rate, settings.sample_rate, day_dir)?;
    let mut busy = started.elapsed();
    let gap_ms = sounds.earcon_gap_ms();
    let mut pending_pause: Option<usize> = None;
    let mut keep = vec![true; script.segments.len()];
    let mut cut_at_story: Option<usize> = None;
    let mut index = 0;
    while index < script.segments.len() {
        let story = script.segments[index].story;
        let end = match story {
            None => index + 1,
            Some(_) => (index..script.segments.len())
                .find(|&i| script.segments[i].story != story)
                .unwrap_or(script.segments.len()),
        };
        if story.is_some() && cut_at_story.is_some() {
            keep[index..end].fill(false);
            index = end;
            continue;
        }
        let unit: Vec<Clip> = (index..end)
            .map(|i| fit.take(i))
            .collect::<Result<_, _>>()?;
        if let (Some(story), false) = (story, fit.story_fits(index, &unit)) {
            // This story and every later one are left out; synthesis can stop.
            cut_at_story = Some(story);
            clips.done();
            keep[index..end].fill(false);
            index = end;
            continue;
        }
        let started = std::time::Instant::now();
        for (offset, clip) in unit.iter().enumerate() {
            if let Some(previous) = pending_pause.take() {
                let starts_story = offset == 0 && story.is_some();
                if let (true, Some(gap)) = (starts_story, gap_ms) {
                    let before = &mut script.segments[previous];
                    before.pause_after_ms = before.pause_after_ms.max(gap);
                }
                writer.add_pause(script.segments[previous].pause_after_ms)?;
            }
            writer.add_clip(clip)?;
            pending_pause = Some(index + offset);
        }
        busy += started.elapsed();
        index = end;
    }
    clips.done();
    let started = std::time::Instant::now();
    if let Some(previous) = pending_pause {
        writer.add_pause(script.segments[previous].pause_after_ms)?;
    }
    let stream = writer.finish()?;
    busy += started.elapsed();
    let mut flags = keep.iter();
    script
        .segments
        .retain(|_| flags.next().copied().unwrap_or(true));
    let dropped = match cut_at_story {
        Some(story) => {
            let dropped = script.stories.len().saturating_sub(story);
            script.stories.truncate(story);
            dropped
        }
        None => 0,
    };
    Ok((AssembledScript { stream, dropped }, busy.as_secs_f64()))
}

/// Which stories fit the three hours: the first always; each later one when the programme
/// with it — every segment outside the stories (their clips are taken first), the stories
/// kept so far, their pauses as composed and an earcon gap per story — stays within the
/// limit. Stories are kept from the start, so this keeps what dropping stories from the end
/// until the rest fits would keep.
struct Fit<'a> {
    clips: &'a dyn ClipSource,
    held: std::collections::HashMap<usize, Clip>,
    /// Each segment's pause as composed, seconds.
    pauses: Vec<f64>,
    /// Whether each segment lies outside any story.
    fixed: Vec<bool>,
    /// Seconds of the segments outside the stories taken so far.
    fixed_secs: f64,
    /// Seconds of the stories kept so far.
    stories_secs: f64,
    kept: usize,
    gap_secs: f64,
    limit_secs: f64,
}

impl<'a> Fit<'a> {
    fn new(
        script: &Script,
        clips: &'a dyn ClipSource,
        sounds: &Sounds,
        limit_secs: f64,
    ) -> Result<Self, ProduceError> {
        let mut fit = Self {
            clips,
            held: std::collections::HashMap::new(),
            pauses: script
                .segments
                .iter()
                .map(|s| f64::from(s.pause_after_ms) / 1000.0)
                .collect(),
            fixed: script.segments.iter().map(|s| s.story.is_none()).collect(),
            fixed_secs: 0.0,
            stories_secs: 0.0,
            kept: 0,
            gap_secs: sounds
                .earcon_gap_ms()
                .map_or(0.0, |gap| f64::from(gap) / 1000.0),
            limit_secs,
        };
        for index in wanted_first(script) {
            let clip = fit.take(index)?;
            fit.held.insert(index, clip);
        }
        Ok(fit)
    }

    /// The clip of segment `index` (held, or from the source).
    fn take(&mut self, index: usize) -> Result<Clip, ProduceError> {
        if let Some(clip) = self.held.remove(&index) {
            return Ok(clip);
        }
        let clip = self
            .clips
            .clip(index)
            .ok_or(ProduceError::MissingClip(index))?;
        if self.fixed.get(index).copied().unwrap_or(false) {
            self.fixed_secs += clip.duration_secs() + self.pauses.get(index).unwrap_or(&0.0);
        }
        Ok(clip)
    }

    /// Whether the story whose segments start at `first` with `clips` fits; if so, it counts
    /// as kept.
    fn story_fits(&mut self, first: usize, clips: &[Clip]) -> bool {
        let secs: f64 = clips
            .iter()
            .enumerate()
            .map(|(i, clip)| clip.duration_secs() + self.pauses.get(first + i).unwrap_or(&0.0))
            .sum();
        let total =
            self.fixed_secs + self.stories_secs + secs + self.gap_secs * (self.kept + 1) as f64;
        let fits = self.kept == 0 || total <= self.limit_secs;
        if fits {
            self.stories_secs += secs;
            self.kept += 1;
        }
        fits
    }
}

/// Where the intro, the outro and every story begin among the script's segments.
pub fn layout_of(script: &Script) -> Layout {
    let indices_of = |kind: SegmentKind| {
        let is_kind = |s: &&crate::compose::Segment| s.kind == kind;
        let first = script.segments.iter().position(|s| is_kind(&s));
        let last = script.segments.iter().rposition(|s| is_kind(&s));
        match (first, last) {
            (Some(first), Some(last)) => first..last + 1,
            _ => 0..0,
        }
    };
    let mut story_starts = Vec::new();
    let mut previous_story = None;
    for (index, segment) in script.segments.iter().enumerate() {
        if segment.story.is_some() && segment.story != previous_story {
            story_starts.push(index);
        }
        previous_story = segment.story;
    }
    Layout {
        intro: indices_of(SegmentKind::Intro),
        outro: indices_of(SegmentKind::Outro),
        story_starts,
    }
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), ProduceError> {
    let path = dir.join(name);
    write_atomic(&path, bytes).map_err(|source| crate::fsutil::WriteError::new(path, source).into())
}

fn millis(sample: u64, rate: u32) -> u64 {
    sample * 1000 / u64::from(rate.max(1))
}

/// One chapter for the intro, one per story (titled with its headline), one for the outro;
/// each runs until the next begins, so together they cover the programme.
pub fn chapters_of(script: &Script, total_samples: u64, rate: u32) -> Vec<Chapter> {
    let mut starts: Vec<(String, String, u64)> = Vec::new();
    for segment in &script.segments {
        let key = match (segment.kind, segment.story) {
            (SegmentKind::Intro, _) => "intro".to_string(),
            (SegmentKind::Outro, _) => "outro".to_string(),
            (_, Some(story)) => format!("story-{}", story + 1),
            (_, None) => continue,
        };
        if starts.last().is_some_and(|(id, _, _)| *id == key) {
            continue;
        }
        let title = match segment.story.and_then(|s| script.stories.get(s)) {
            Some(story) if segment.kind != SegmentKind::Outro => story.title.clone(),
            _ if key == "intro" => script.title.clone(),
            _ => "الختام".to_string(),
        };
        // The first chapter starts the file (intro music may lead in before the first word).
        let start = if starts.is_empty() {
            0
        } else {
            segment.start_sample.unwrap_or(0)
        };
        starts.push((key, title, start));
    }
    let mut chapters = Vec::with_capacity(starts.len());
    for (i, (id, title, start)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(total_samples, |next| next.2);
        let title = if id == "outro" && script.language != "ar" {
            "Closing".to_string()
        } else {
            title.clone()
        };
        chapters.push(Chapter {
            id: id.clone(),
            title,
            start_ms: millis(*start, rate),
            end_ms: millis(end, rate),
        });
    }
    chapters
}

/// One cue per segment: its original text, timed to its speech.
pub fn cues_of(script: &Script, rate: u32) -> Vec<Cue> {
    script
        .segments
        .iter()
        .filter_map(|s| {
            let (start, end) = (s.start_sample?, s.end_sample?);
            (end > start).then(|| Cue {
                start_secs: start as f64 / f64::from(rate),
                end_secs: end as f64 / f64::from(rate),
                text: s.original.clone(),
            })
        })
        .collect()
}

fn mp3_meta(script: &Script, chapters: &[Chapter]) -> Mp3Meta {
    let arabic = script.language == "ar";
    Mp3Meta {
        title: format!("{} — {}", script.title, script.date),
        artist: "nashra".to_string(),
        album: script.title.clone(),
        date: script.date.to_string(),
        comment: script
            .stories
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>()
            .join(" • "),
        language: if arabic { "ara" } else { "eng" }.to_string(),
        chapters: chapters.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::{compose, ComposeOptions, Pauses, Templates};
    use crate::extract::Article;

    #[test]
    fn the_gain_step_follows_what_the_limiter_leaves_of_each_db() {
        // 2 dB more gain gave 1 LU more: half of each dB counts.
        assert!((loudness_per_gain_db(10.0, -17.7, 12.0, -16.7) - 0.5).abs() < 1e-9);
        // No limiting: every dB counts; never more than that, never below the floor.
        assert_eq!(loudness_per_gain_db(10.0, -18.0, 12.0, -16.0), 1.0);
        assert_eq!(loudness_per_gain_db(10.0, -18.0, 12.0, -14.0), 1.0);
        assert_eq!(loudness_per_gain_db(10.0, -18.0, 12.0, -18.0), 0.2);
        assert_eq!(loudness_per_gain_db(10.0, -18.0, 10.0, -18.0), 1.0);
    }

    #[test]
    fn a_programme_over_the_limit_loses_its_last_stories_not_the_run() {
        let articles: Vec<Article> = (0..3)
            .map(|i| Article {
                title: format!("عنوان الخبر {i}"),
                paragraphs: vec![format!("نص الخبر رقم {i} كما ورد.")],
                ..Article::default()
            })
            .collect();
        let options = ComposeOptions {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
            language: "ar".into(),
            pauses: Pauses::default(),
            max_body_words: None,
            templates: Templates::arabic(),
        };
        let mut script = compose(&articles, &options, &|p| vec![p.to_string()]);
        // Each story body lasts 4 s, the rest 0.1 s each; against a 10 s limit, the third
        // story does not fit.
        let rate = 8000;
        let clips: Vec<Clip> = script
            .segments
            .iter()
            .map(|s| match s.kind {
                SegmentKind::Body => Clip::new(vec![0.1; 4 * rate], rate as u32),
                _ => Clip::new(vec![0.1; rate / 10], rate as u32),
            })
            .collect();
        let pauses: f64 = script
            .segments
            .iter()
            .map(|s| f64::from(s.pause_after_ms) / 1000.0)
            .sum();
        let settings = ProductionSettings {
            sample_rate: rate as u32,
            ..ProductionSettings::default()
        };
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let limit = 8.0 + 0.1 * (script.segments.len() - 2) as f64 + pauses;
        let (assembled, _) = assemble_script(
            &mut script,
            &HeldClips::new(clips),
            rate as u32,
            &settings,
            &Sounds::default(),
            dir.path(),
            limit,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(assembled.dropped, 1);
        assert_eq!(script.stories.len(), 2);
        assert_eq!(assembled.stream.spans.len(), script.segments.len());
        assert!(script.segments.iter().all(|s| s.story != Some(2)));
        assert!(script
            .segments
            .last()
            .is_some_and(|s| s.kind == SegmentKind::Outro));
        // The spool holds exactly the kept clips and their pauses.
        let kept: f64 = script
            .segments
            .iter()
            .map(|s| {
                let speech = if s.kind == SegmentKind::Body {
                    4.0
                } else {
                    0.1
                };
                speech + f64::from(s.pause_after_ms) / 1000.0
            })
            .sum();
        let spooled = assembled.stream.spool.len() as f64 / f64::from(settings.sample_rate);
        assert!(
            (spooled - kept).abs() < 0.01,
            "{spooled} s spooled, {kept} s kept"
        );
    }
}
