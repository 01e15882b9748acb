//! Production: the script's clips become the finished programme and its files —
//! `briefing.wav`, `briefing.mp3` (ID3 chapters), `chapters.json`, `transcript.vtt` and
//! `script.json` — all with times taken from the same sample offsets.
use std::path::Path;

use crate::audio::assemble::{self, Piece};
use crate::audio::chapters::{chapters_json, Chapter};
use crate::audio::loudness::{self, Loudness};
use crate::audio::mp3::{self, Mp3Meta};
use crate::audio::sounds::{self, Layout, Sounds};
use crate::audio::transcript::{webvtt, Cue};
use crate::audio::{wav, AudioError, Clip};
use crate::compose::{Script, SegmentKind};
use crate::fsutil::write_atomic;
use crate::report::{StageClock, StageTiming};

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
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The WAV file could not be written.
    #[error(transparent)]
    Wav(#[from] wav::WavError),
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

/// Assemble `clips` (one per segment, at `voice_rate`) with the script's pauses, bring the
/// programme to the output rate and loudness, set every segment's sample offsets in `script`,
/// and write the programme's files into `day_dir`.
pub fn produce(
    script: &mut Script,
    mut clips: Vec<Clip>,
    voice_rate: u32,
    settings: &ProductionSettings,
    sounds: &Sounds,
    day_dir: &Path,
) -> Result<Produced, ProduceError> {
    let mut clock = StageClock::default();
    let mut warnings = Vec::new();
    let dropped = fit_duration(script, &mut clips, sounds);
    if dropped > 0 {
        warnings.push(format!(
            "the last {dropped} stories were left out: the programme would pass the {} hour limit",
            assemble::MAX_PROGRAMME_SECONDS / 3600
        ));
    }
    let layout = layout_of(script);
    if let Some(gap_ms) = sounds.earcon_gap_ms() {
        widen_story_gaps(script, &layout, gap_ms);
    }
    let pieces: Vec<Piece> = clips
        .into_iter()
        .zip(&script.segments)
        .map(|(clip, segment)| Piece::new(clip, segment.pause_after_ms))
        .collect();
    let at_voice_rate = assemble::assemble(&pieces, voice_rate)?;
    drop(pieces);
    clock.lap("audio: assemble");
    let assembled = at_voice_rate.resample(settings.sample_rate)?;
    // Free the voice-rate programme now (a shadowing `let` would keep it to the end).
    drop(at_voice_rate);
    clock.lap("audio: resample");
    let assembled = sounds::dress(assembled, sounds, &layout)?;
    if !sounds.is_empty() {
        clock.lap("audio: music and earcons");
    }
    for (segment, span) in script.segments.iter_mut().zip(&assembled.spans) {
        segment.start_sample = Some(span.start_sample as u64);
        segment.end_sample = Some(span.end_sample as u64);
    }
    script.sample_rate = Some(settings.sample_rate);
    let mut programme = assembled.clip;
    // The programme is normalized and limited in place, with room under the ceiling for the
    // peaks MP3 coding adds; WAV and MP3 are then made from the very same samples.
    let measurable = match loudness::normalize_in_place(
        &mut programme,
        settings.target_lufs,
        settings.max_true_peak_dbtp - mp3::MP3_PEAK_HEADROOM_DB,
    ) {
        Ok(_) => true,
        // A silent programme (every sentence failed) cannot be normalized; keep it as it is.
        Err(AudioError::Unmeasurable) => false,
        Err(e) => return Err(e.into()),
    };
    clock.lap("audio: loudness");
    let chapters = chapters_of(script, programme.samples.len() as u64, settings.sample_rate);
    let mut files = Vec::new();
    let meta = mp3_meta(script, &chapters);
    let verified = if measurable {
        match mp3::encode_mp3_verified(
            &mut programme,
            settings.mp3_kbps,
            &meta,
            settings.max_true_peak_dbtp,
        ) {
            Ok(verified) => Some(verified),
            Err(AudioError::Unmeasurable) => None,
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let loudness = match verified {
        Some(verified) => {
            write_file(day_dir, "briefing.mp3", &verified.bytes)?;
            Some(verified.loudness)
        }
        None => {
            let bytes = mp3::encode_mp3(&programme, settings.mp3_kbps, &meta)?;
            write_file(day_dir, "briefing.mp3", &bytes)?;
            None
        }
    };
    files.push("briefing.mp3".to_string());
    clock.lap("audio: mp3 (encode, decode, measure)");
    // After the MP3, whose check may have limited the programme's peaks further.
    wav::write_wav(&day_dir.join("briefing.wav"), &programme)?;
    files.push("briefing.wav".to_string());
    clock.lap("audio: wav");
    write_file(
        day_dir,
        "chapters.json",
        chapters_json(&chapters).as_bytes(),
    )?;
    files.push("chapters.json".to_string());
    write_file(
        day_dir,
        "transcript.vtt",
        webvtt(&cues_of(script, settings.sample_rate)).as_bytes(),
    )?;
    files.push("transcript.vtt".to_string());
    let script_json = serde_json::to_string_pretty(script).map_err(|e| ProduceError::Write {
        path: "script.json".into(),
        source: std::io::Error::other(e),
    })?;
    write_file(day_dir, "script.json", script_json.as_bytes())?;
    files.push("script.json".to_string());
    Ok(Produced {
        duration_secs: programme.duration_secs(),
        sample_rate: settings.sample_rate,
        loudness,
        chapters,
        files,
        timings: {
            clock.lap("audio: chapters, transcript, script");
            clock.into_timings()
        },
        warnings,
    })
}

/// Room kept under the audio limit for music lead-in and tail and for rounding, seconds.
const DURATION_RESERVE_SECS: f64 = 15.0;

/// Drop whole stories from the end (their segments and clips) until the programme, pauses
/// included, fits the audio stage's limit. Returns how many stories were dropped.
fn fit_duration(script: &mut Script, clips: &mut Vec<Clip>, sounds: &Sounds) -> usize {
    let limit = f64::from(assemble::MAX_PROGRAMME_SECONDS) - DURATION_RESERVE_SECS;
    let length = |script: &Script, clips: &[Clip]| -> f64 {
        let speech: f64 = clips.iter().map(Clip::duration_secs).sum();
        let pauses: f64 = script
            .segments
            .iter()
            .map(|s| f64::from(s.pause_after_ms) / 1000.0)
            .sum();
        let earcons = sounds.earcon_gap_ms().map_or(0.0, |gap| {
            f64::from(gap) / 1000.0 * script.stories.len() as f64
        });
        speech + pauses + earcons
    };
    let mut dropped = 0;
    while script.stories.len() > 1 && length(script, clips) > limit {
        let last = script.stories.len() - 1;
        let keep: Vec<bool> = script
            .segments
            .iter()
            .map(|s| s.story != Some(last))
            .collect();
        let mut flags = keep.iter();
        clips.retain(|_| flags.next().copied().unwrap_or(true));
        let mut flags = keep.iter();
        script
            .segments
            .retain(|_| flags.next().copied().unwrap_or(true));
        script.stories.pop();
        dropped += 1;
    }
    dropped
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

/// Lengthen the pause before every story to at least `gap_ms` (room for the earcon).
fn widen_story_gaps(script: &mut Script, layout: &Layout, gap_ms: u32) {
    for &start in &layout.story_starts {
        if let Some(before) = start
            .checked_sub(1)
            .and_then(|i| script.segments.get_mut(i))
        {
            before.pause_after_ms = before.pause_after_ms.max(gap_ms);
        }
    }
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), ProduceError> {
    let path = dir.join(name);
    write_atomic(&path, bytes).map_err(|source| ProduceError::Write {
        path: path.display().to_string(),
        source,
    })
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
        // Each story body lasts 4000 s (at a 10 Hz rate to keep the test small): 3 × 4000 s
        // is over three hours, 2 × 4000 s is not.
        let mut clips: Vec<Clip> = script
            .segments
            .iter()
            .map(|s| match s.kind {
                SegmentKind::Body => Clip::new(vec![0.1; 40_000], 10),
                _ => Clip::new(vec![0.1; 10], 10),
            })
            .collect();
        let dropped = fit_duration(&mut script, &mut clips, &Sounds::default());
        assert_eq!(dropped, 1);
        assert_eq!(script.stories.len(), 2);
        assert_eq!(clips.len(), script.segments.len());
        assert!(script.segments.iter().all(|s| s.story != Some(2)));
        assert!(script
            .segments
            .last()
            .is_some_and(|s| s.kind == SegmentKind::Outro));
        assert_eq!(fit_duration(&mut script, &mut clips, &Sounds::default()), 0);
    }
}
