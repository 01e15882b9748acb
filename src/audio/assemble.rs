//! Putting the programme together: clips one after another with pauses, at one sample rate,
//! keeping the exact sample span of every clip; and mixing earcons or music under speech.
//!
//! Levels for optional sounds (used with [`level_gain_db`] and [`mix_under`]):
//! - intro/outro music sits [`MUSIC_BELOW_SPEECH_DB`] (18 dB) under the speech's active level,
//!   faded in over [`MUSIC_FADE_IN_MS`] and out over [`MUSIC_FADE_OUT_MS`];
//! - an earcon between stories is a [`Piece`] of its own, scaled [`EARCON_BELOW_SPEECH_DB`]
//!   (6 dB) under the speech, with the usual story pause around it.
//!
//! Loudness normalization comes after mixing, so these levels are relative to the speech.
//! For a music lead-in before the first words, start the pieces with a silent piece
//! (`Piece::new(Clip::silence(ms, rate), 0)`) and lay the music from sample 0.
use super::resample::rescale_position;
#[cfg(test)]
use super::resample::{resample, resampled_len};
#[cfg(test)]
use super::AudioError;
use super::Clip;

/// Fade applied at both edges of every piece, so no piece starts or ends with a click.
pub const EDGE_FADE_MS: u32 = 3;

/// Longest programme accepted, in seconds (3 hours).
pub const MAX_PROGRAMME_SECONDS: u32 = 3 * 3600;

/// Intro/outro music level under the speech's active level, in dB.
#[cfg(test)]
pub const MUSIC_BELOW_SPEECH_DB: f32 = 18.0;

/// Windows quieter than this (dBFS) do not count towards a clip's active level.
const ACTIVE_FLOOR_DBFS: f64 = -60.0;

/// One clip of the programme and the silence that follows it.
#[derive(Debug, Clone, PartialEq)]
#[cfg(test)]
pub struct Piece {
    /// The audio (any rate: it is resampled to the output rate if needed).
    pub clip: Clip,
    /// Silence after the clip, in milliseconds.
    pub pause_after_ms: u32,
}

#[cfg(test)]
impl Piece {
    /// A piece of `clip` followed by `pause_after_ms` of silence.
    #[cfg(test)]
    pub fn new(clip: Clip, pause_after_ms: u32) -> Self {
        Self {
            clip,
            pause_after_ms,
        }
    }
}

/// Where one piece lies in the assembled audio: samples `start_sample..end_sample`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First sample of the piece.
    pub start_sample: usize,
    /// One past the last sample of the piece (its pause starts here).
    pub end_sample: usize,
}

impl Span {
    /// Length in samples.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.end_sample.saturating_sub(self.start_sample)
    }

    /// Start in whole milliseconds (rounded) at `sample_rate`.
    #[cfg(test)]
    pub fn start_ms(&self, sample_rate: u32) -> u64 {
        samples_to_ms(self.start_sample, sample_rate)
    }

    /// End in whole milliseconds (rounded) at `sample_rate`.
    #[cfg(test)]
    pub fn end_ms(&self, sample_rate: u32) -> u64 {
        samples_to_ms(self.end_sample, sample_rate)
    }

    /// The same span in a signal resampled from `from` Hz to `to` Hz (see
    /// [`super::resample::resample`], which has no delay and rounds lengths the same way).
    pub fn rescale(&self, from: u32, to: u32) -> Span {
        Span {
            start_sample: rescale_position(self.start_sample, from, to),
            end_sample: rescale_position(self.end_sample, from, to),
        }
    }
}

/// The assembled programme and the span of every piece in it, in piece order.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg(test)]
pub struct Assembled {
    /// The whole programme.
    pub clip: Clip,
    /// One span per input piece.
    pub spans: Vec<Span>,
}

#[cfg(test)]
impl Assembled {
    /// Resample the whole programme in one pass and move every span with it.
    #[cfg(test)]
    pub fn resample(&self, to_rate: u32) -> Result<Assembled, AudioError> {
        let from = self.clip.sample_rate;
        let clip = resample(&self.clip, to_rate)?;
        let spans = self
            .spans
            .iter()
            .map(|s| s.rescale(from, to_rate))
            .collect();
        Ok(Assembled { clip, spans })
    }
}

/// Concatenate `pieces` at `output_rate`, each followed by its pause, with a short fade at the
/// edges of every piece. Pieces at another rate are resampled first.
#[cfg(test)]
pub fn assemble(pieces: &[Piece], output_rate: u32) -> Result<Assembled, AudioError> {
    if output_rate == 0 {
        return Err(AudioError::InvalidSampleRate(output_rate));
    }
    let limit = MAX_PROGRAMME_SECONDS as usize * output_rate as usize;
    // Reserve the exact length up front: growing by doubling would briefly need up to twice
    // the programme (gigabytes for a three-hour briefing).
    let total: usize = pieces
        .iter()
        .map(|p| {
            resampled_len(p.clip.samples.len(), p.clip.sample_rate, output_rate)
                + ms_to_samples(p.pause_after_ms, output_rate)
        })
        .sum();
    let mut samples: Vec<f32> = Vec::with_capacity(total.min(limit));
    let mut spans = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let clip = resample(&piece.clip, output_rate)?;
        let pause = ms_to_samples(piece.pause_after_ms, output_rate);
        if samples.len() + clip.samples.len() + pause > limit {
            return Err(AudioError::TooLong {
                seconds: (samples.len() + clip.samples.len() + pause) as f64
                    / f64::from(output_rate),
                limit_seconds: MAX_PROGRAMME_SECONDS,
            });
        }
        let start_sample = samples.len();
        samples.extend_from_slice(&clip.samples);
        let end_sample = samples.len();
        fade_edges(&mut samples[start_sample..end_sample], output_rate);
        samples.resize(end_sample + pause, 0.0);
        spans.push(Span {
            start_sample,
            end_sample,
        });
    }
    Ok(Assembled {
        clip: Clip::new(samples, output_rate),
        spans,
    })
}

/// How to lay a sound over a programme with [`mix_under`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg(test)]
pub struct MixOptions {
    /// Sample of the programme where the sound starts.
    pub at_sample: usize,
    /// Gain applied to the sound, in dB (see [`level_gain_db`]).
    pub gain_db: f32,
    /// Fade-in at the start of the sound, in milliseconds.
    pub fade_in_ms: u32,
    /// Fade-out at the end of the (possibly cut) sound, in milliseconds.
    pub fade_out_ms: u32,
    /// Cut the sound after this many programme samples (`None`: play it all).
    pub max_samples: Option<usize>,
}

/// Mix `overlay` (resampled to the programme's rate) into `programme` according to `options`,
/// extending the programme with its end if the sound runs past it.
#[cfg(test)]
pub fn mix_under(
    programme: &Clip,
    overlay: &Clip,
    options: &MixOptions,
) -> Result<Clip, AudioError> {
    let rate = programme.sample_rate;
    let mut sound = resample(overlay, rate)?.samples;
    if let Some(max) = options.max_samples {
        sound.truncate(max);
    }
    fade(
        &mut sound,
        ms_to_samples(options.fade_in_ms, rate),
        FadeDirection::In,
    );
    fade(
        &mut sound,
        ms_to_samples(options.fade_out_ms, rate),
        FadeDirection::Out,
    );
    let end = options.at_sample.saturating_add(sound.len());
    if end > MAX_PROGRAMME_SECONDS as usize * rate as usize {
        return Err(AudioError::TooLong {
            seconds: end as f64 / f64::from(rate.max(1)),
            limit_seconds: MAX_PROGRAMME_SECONDS,
        });
    }
    let mut samples = programme.samples.clone();
    if samples.len() < end {
        samples.resize(end, 0.0);
    }
    let factor = 10f32.powf(options.gain_db / 20.0);
    for (target, source) in samples[options.at_sample..end].iter_mut().zip(&sound) {
        *target += source * factor;
    }
    Ok(Clip::new(samples, rate))
}

/// The gain in dB that puts `sound`'s active level `below_db` under `reference`'s active level
/// (active level: mean power of the 10 ms windows above −60 dBFS). 0 when either is silent.
#[cfg(test)]
pub fn level_gain_db(reference: &Clip, sound: &Clip, below_db: f32) -> f32 {
    match (active_level_db(reference), active_level_db(sound)) {
        (Some(reference), Some(sound)) => (reference - sound) as f32 - below_db,
        _ => 0.0,
    }
}

/// Mean power in dBFS of the 10 ms windows of `clip` above −60 dBFS, if any.
pub fn active_level_db(clip: &Clip) -> Option<f64> {
    let window = ms_to_samples(10, clip.sample_rate).max(1);
    let floor = 10f64.powf(ACTIVE_FLOOR_DBFS / 10.0);
    let (sum, count) = clip
        .samples
        .chunks(window)
        .map(|frame| {
            frame
                .iter()
                .map(|&s| f64::from(s) * f64::from(s))
                .sum::<f64>()
                / frame.len() as f64
        })
        .filter(|power| *power > floor && power.is_finite())
        .fold((0.0, 0usize), |(sum, count), power| {
            (sum + power, count + 1)
        });
    (count > 0).then(|| 10.0 * (sum / count as f64).log10())
}

#[derive(Clone, Copy, PartialEq)]
enum FadeDirection {
    In,
    Out,
}

/// Raised-cosine fade over the first (`In`) or last (`Out`) `length` samples.
fn fade(samples: &mut [f32], length: usize, direction: FadeDirection) {
    let length = length.min(samples.len());
    if length == 0 {
        return;
    }
    let total = samples.len();
    for i in 0..length {
        let gain = 0.5 - 0.5 * (std::f32::consts::PI * (i as f32 + 0.5) / length as f32).cos();
        let index = match direction {
            FadeDirection::In => i,
            FadeDirection::Out => total - 1 - i,
        };
        samples[index] *= gain;
    }
}

/// Fade the first and last [`EDGE_FADE_MS`] of a clip (at most half of it each).
pub(crate) fn fade_edges(samples: &mut [f32], rate: u32) {
    let length = ms_to_samples(EDGE_FADE_MS, rate).min(samples.len() / 2);
    fade(samples, length, FadeDirection::In);
    fade(samples, length, FadeDirection::Out);
}

fn ms_to_samples(millis: u32, rate: u32) -> usize {
    (u64::from(millis) * u64::from(rate) / 1000) as usize
}

#[cfg(test)]
fn samples_to_ms(samples: usize, rate: u32) -> u64 {
    if rate == 0 {
        return 0;
    }
    ((samples as u128 * 1000 + u128::from(rate) / 2) / u128::from(rate)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(ms: u32, rate: u32, amplitude: f32) -> Clip {
        let n = ms_to_samples(ms, rate);
        let samples = (0..n)
            .map(|i| amplitude * (std::f32::consts::TAU * 220.0 * i as f32 / rate as f32).sin())
            .map(|s| if s.abs() < 1e-3 { 1e-3 } else { s })
            .collect();
        Clip::new(samples, rate)
    }

    /// Lengths of the runs of exact zeros in `samples`.
    fn silent_runs(samples: &[f32]) -> Vec<usize> {
        let mut runs = Vec::new();
        let mut run = 0;
        for &s in samples {
            if s == 0.0 {
                run += 1;
            } else if run > 0 {
                runs.push(run);
                run = 0;
            }
        }
        if run > 0 {
            runs.push(run);
        }
        runs
    }

    #[test]
    fn spans_and_pauses_are_exact() -> Result<(), AudioError> {
        let rate = 22050;
        let pieces = vec![
            Piece::new(tone(200, rate, 0.5), 250),
            Piece::new(tone(120, rate, 0.5), 700),
            Piece::new(tone(300, rate, 0.5), 0),
        ];
        let out = assemble(&pieces, rate)?;
        let lens = [4410, 2646, 6615];
        let pauses = [5512, 15435, 0];
        let mut expected_start = 0;
        for (i, span) in out.spans.iter().enumerate() {
            assert_eq!(span.start_sample, expected_start);
            assert_eq!(span.len(), lens[i]);
            expected_start = span.end_sample + pauses[i];
        }
        assert_eq!(out.clip.samples.len(), expected_start);
        // The silence between the pieces is exactly the pause, measured in the audio itself.
        assert_eq!(silent_runs(&out.clip.samples), vec![5512, 15435]);
        assert_eq!(out.spans[1].start_ms(rate), 450);
        assert_eq!(out.spans[2].start_ms(rate), 200 + 250 + 120 + 700);
        Ok(())
    }

    #[test]
    fn edges_are_faded_without_moving_the_spans() -> Result<(), AudioError> {
        let rate = 22050;
        let square = Clip::new(vec![0.5; 2000], rate);
        let out = assemble(
            &[Piece::new(square.clone(), 100), Piece::new(square, 0)],
            rate,
        )?;
        let first = out.spans[0];
        assert!(out.clip.samples[first.start_sample].abs() < 0.01);
        assert!(out.clip.samples[first.end_sample - 1].abs() < 0.01);
        assert_eq!(out.clip.samples[first.start_sample + 1000], 0.5);
        assert_eq!(out.spans[1].start_sample, 2000 + 2205);
        Ok(())
    }

    #[test]
    fn pieces_at_other_rates_are_resampled() -> Result<(), AudioError> {
        let out = assemble(
            &[
                Piece::new(tone(100, 22050, 0.5), 50),
                Piece::new(tone(100, 16000, 0.5), 0),
            ],
            44100,
        )?;
        assert_eq!(out.clip.sample_rate, 44100);
        assert_eq!(out.spans[0].len(), 4410);
        assert_eq!(out.spans[1].start_sample, 4410 + 2205);
        assert_eq!(out.spans[1].len(), 4410);
        let moved = out.resample(22050)?;
        assert_eq!(moved.spans[1].start_sample, 3308); // 6615 / 2 rounded
        assert_eq!(moved.clip.samples.len(), 5513); // 11025 / 2 rounded
        Ok(())
    }

    #[test]
    fn music_goes_under_the_speech_at_the_chosen_level() -> Result<(), AudioError> {
        let rate = 22050;
        let speech = tone(1000, rate, 0.5);
        let music = Clip::new(vec![0.25; rate as usize * 2], rate);
        let gain = level_gain_db(&speech, &music, MUSIC_BELOW_SPEECH_DB);
        let options = MixOptions {
            at_sample: 0,
            gain_db: gain,
            fade_in_ms: 100,
            fade_out_ms: 100,
            max_samples: Some(rate as usize),
        };
        let silent = Clip::silence(1000, rate);
        let bed = mix_under(&silent, &music, &options)?;
        let difference = active_level_db(&speech).zip(active_level_db(&Clip::new(
            bed.samples[11025..11100].to_vec(),
            rate,
        )));
        let (speech_db, bed_db) = difference.ok_or(AudioError::Unmeasurable)?;
        assert!(
            (speech_db - bed_db - 18.0).abs() < 0.5,
            "{speech_db} {bed_db}"
        );
        assert_eq!(bed.samples.len(), silent.samples.len());
        assert!(bed.samples[0].abs() < 1e-3 && bed.samples[rate as usize - 1].abs() < 1e-3);
        // Past the end of the programme the programme grows.
        let late = MixOptions {
            at_sample: 20000,
            max_samples: None,
            ..options
        };
        assert_eq!(
            mix_under(&silent, &music, &late)?.samples.len(),
            20000 + 44100
        );
        Ok(())
    }

    #[test]
    fn bad_rates_and_empty_input() -> Result<(), AudioError> {
        assert!(assemble(&[], 0).is_err());
        let empty = assemble(&[], 44100)?;
        assert!(empty.clip.samples.is_empty() && empty.spans.is_empty());
        let out = assemble(&[Piece::new(Clip::new(Vec::new(), 22050), 10)], 22050)?;
        assert_eq!(out.spans[0], Span::default());
        assert_eq!(out.clip.samples.len(), 220);
        Ok(())
    }
}
