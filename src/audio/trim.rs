//! Trimming a synthesized clip's own leading and trailing silence, the same way for every clip,
//! so the pauses between clips are exactly the configured ones.
//!
//! The gate looks at the RMS level of short windows (10 ms, hop 5 ms), never at single samples:
//! one stray sample does not count as speech and a soft word start is not missed between two
//! loud samples. Speech starts at the first window above the threshold and ends at the last
//! one; `keep_ms` of the original audio is kept on each side as a guard so no consonant onset
//! or release is clipped.
use super::Clip;

/// Length of one gate window in milliseconds.
const WINDOW_MS: u32 = 10;

/// The threshold is never higher than this many dB below the loudest window, so a very quiet
/// voice is not trimmed away entirely.
const MAX_BELOW_LOUDEST_DB: f32 = 25.0;

/// Windows quieter than this (dBFS) are silence whatever the threshold.
const ABSOLUTE_FLOOR_DBFS: f32 = -90.0;

/// Remove leading and trailing silence from `clip`.
///
/// `threshold_db` is the RMS level in dBFS (e.g. −45) a 10 ms window must exceed to count as
/// sound; it is lowered to 25 dB below the clip's loudest window when the clip is quieter than
/// that. `keep_ms` of audio is kept before the first and after the last window with sound.
/// A clip with no sound at all becomes empty.
pub fn trim_silence(clip: &Clip, threshold_db: f32, keep_ms: u32) -> Clip {
    match kept_range(clip, threshold_db, keep_ms) {
        Some(kept) => Clip::new(clip.samples[kept].to_vec(), clip.sample_rate),
        None => Clip::new(Vec::new(), clip.sample_rate),
    }
}

/// The samples [`trim_silence`] keeps of `clip`, or `None` when it keeps none.
pub fn kept_range(clip: &Clip, threshold_db: f32, keep_ms: u32) -> Option<std::ops::Range<usize>> {
    let (first, end) = sound_bounds(clip, threshold_db)?;
    let guard = ms_to_samples(keep_ms, clip.sample_rate);
    let start = first.saturating_sub(guard);
    let stop = end.saturating_add(guard).min(clip.samples.len());
    Some(start..stop)
}

/// For a clip still being made, of which `prefix` is the start: the samples already known to
/// be kept by [`trim_silence`] of the whole clip, whatever follows. `None` while that is not
/// known yet (no window above the threshold, or the clip so quiet so far that the threshold
/// may still move).
///
/// The start is final once the threshold is (`threshold_db` at most 25 dB below the loudest
/// whole window so far) and a whole window is above it. The end of the sound can only move
/// later: it is at least the end found in the prefix's last loud window, or the start of the
/// window after it, whichever comes first; the guard is kept after that.
pub fn settled_range(
    prefix: &Clip,
    threshold_db: f32,
    keep_ms: u32,
) -> Option<std::ops::Range<usize>> {
    let window = ms_to_samples(WINDOW_MS, prefix.sample_rate).max(1);
    let hop = (window / 2).max(1);
    let whole_windows = match prefix.samples.len() {
        n if n >= window => (n - window) / hop + 1,
        _ => 0,
    };
    let mut levels = window_levels_db(&prefix.samples, window, hop);
    levels.truncate(whole_windows);
    let loudest = levels.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if !threshold_db.is_finite() || threshold_db > loudest - MAX_BELOW_LOUDEST_DB {
        return None;
    }
    let threshold = threshold_db.max(ABSOLUTE_FLOOR_DBFS);
    let first = levels.iter().position(|&db| db > threshold)?;
    let last = levels.iter().rposition(|&db| db > threshold)?;
    let amplitude = 10f32.powf(threshold / 20.0);
    let first_window = first * hop..first * hop + window;
    let last_window = last * hop..last * hop + window;
    let start = prefix.samples[first_window.clone()]
        .iter()
        .position(|s| s.abs() >= amplitude)
        .map_or(first_window.start, |i| first_window.start + i);
    let end = prefix.samples[last_window.clone()]
        .iter()
        .rposition(|s| s.abs() >= amplitude)
        .map_or(last_window.end, |i| last_window.start + i + 1)
        .min(last_window.start + hop + 1)
        .max(start);
    let guard = ms_to_samples(keep_ms, prefix.sample_rate);
    let start = start.saturating_sub(guard);
    let stop = end.saturating_add(guard).min(prefix.samples.len());
    Some(start..stop.max(start))
}

/// The span `[start, end)` of sound in `clip`, if any: from the first sample reaching the
/// threshold level inside the first window above the threshold to the last such sample inside
/// the last window above it.
pub fn sound_bounds(clip: &Clip, threshold_db: f32) -> Option<(usize, usize)> {
    let window = ms_to_samples(WINDOW_MS, clip.sample_rate).max(1);
    let hop = (window / 2).max(1);
    let levels = window_levels_db(&clip.samples, window, hop);
    let loudest = levels.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if loudest.is_nan() || loudest <= ABSOLUTE_FLOOR_DBFS {
        return None;
    }
    let threshold = if threshold_db.is_finite() {
        threshold_db.min(loudest - MAX_BELOW_LOUDEST_DB)
    } else {
        loudest - MAX_BELOW_LOUDEST_DB
    }
    .max(ABSOLUTE_FLOOR_DBFS);
    let first = levels.iter().position(|&db| db > threshold)?;
    let last = levels.iter().rposition(|&db| db > threshold)?;
    // Within the gated windows, find the first and last sample that reach the threshold level,
    // so the guard is measured from the sound itself rather than from a window edge.
    let amplitude = 10f32.powf(threshold / 20.0);
    let first_window = first * hop..(first * hop + window).min(clip.samples.len());
    let last_window = last * hop..(last * hop + window).min(clip.samples.len());
    let start = clip.samples[first_window.clone()]
        .iter()
        .position(|s| s.abs() >= amplitude)
        .map_or(first_window.start, |i| first_window.start + i);
    let end = clip.samples[last_window.clone()]
        .iter()
        .rposition(|s| s.abs() >= amplitude)
        .map_or(last_window.end, |i| last_window.start + i + 1);
    Some((start, end.max(start)))
}

/// RMS level in dBFS of windows of `window` samples every `hop` samples (the last window may
/// be shorter). Silence gives −inf.
fn window_levels_db(samples: &[f32], window: usize, hop: usize) -> Vec<f32> {
    let mut levels = Vec::with_capacity(samples.len() / hop + 1);
    let mut start = 0;
    while start < samples.len() {
        let frame = &samples[start..(start + window).min(samples.len())];
        let energy: f64 = frame.iter().map(|&s| f64::from(s) * f64::from(s)).sum();
        let mean = energy / frame.len() as f64;
        levels.push((10.0 * mean.log10()) as f32);
        start += hop;
    }
    levels
}

fn ms_to_samples(millis: u32, rate: u32) -> usize {
    (u64::from(millis) * u64::from(rate) / 1000) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 22050;

    /// `lead` ms of silence, a 300 ms tone burst, `tail` ms of silence.
    fn padded_tone(lead: u32, tail: u32) -> Clip {
        let mut samples = vec![0.0; ms_to_samples(lead, RATE)];
        let tone = ms_to_samples(300, RATE);
        samples.extend(
            (0..tone).map(|i| 0.3 * (std::f32::consts::TAU * 200.0 * i as f32 / RATE as f32).sin()),
        );
        samples.extend(vec![0.0; ms_to_samples(tail, RATE)]);
        Clip::new(samples, RATE)
    }

    #[test]
    fn removes_long_silence_and_keeps_the_guard() {
        let clip = padded_tone(500, 800);
        let trimmed = trim_silence(&clip, -45.0, 30);
        let tone = ms_to_samples(300, RATE);
        let guard = ms_to_samples(30, RATE);
        // Tone plus 30 ms on each side (the sine's first samples are below the threshold).
        let extra = trimmed.samples.len() as i64 - tone as i64;
        assert!(
            (extra - 2 * guard as i64).abs() <= ms_to_samples(1, RATE) as i64,
            "kept {extra} samples around the tone"
        );
        // The guard is there: the trimmed clip starts and ends with near-silence…
        let edge = ms_to_samples(20, RATE);
        assert!(trimmed.samples[..edge].iter().all(|s| s.abs() < 1e-6));
        assert!(trimmed.samples[trimmed.samples.len() - edge..]
            .iter()
            .all(|s| s.abs() < 1e-6));
        // …and every sample of the tone is kept.
        let loud = |c: &Clip| c.samples.iter().filter(|s| s.abs() > 0.01).count();
        assert_eq!(loud(&trimmed), loud(&clip));
    }

    /// What is settled of a growing clip is always what the whole clip's trim keeps.
    #[test]
    fn settled_samples_of_a_prefix_are_kept_by_the_whole_trim() {
        let mut samples = vec![0.0; ms_to_samples(200, RATE)];
        samples.extend((0..ms_to_samples(900, RATE)).map(|i| {
            let t = i as f32 / RATE as f32;
            let envelope = (std::f32::consts::TAU * 3.0 * t).sin().abs();
            0.4 * envelope * (std::f32::consts::TAU * 180.0 * t).sin()
        }));
        samples.extend(vec![0.0; ms_to_samples(300, RATE)]);
        let whole = Clip::new(samples.clone(), RATE);
        let kept = kept_range(&whole, -45.0, 30).unwrap_or(0..0);
        let mut settled_any = false;
        for cut in (0..samples.len()).step_by(97) {
            let prefix = Clip::new(samples[..cut].to_vec(), RATE);
            if let Some(settled) = settled_range(&prefix, -45.0, 30) {
                settled_any |= !settled.is_empty();
                assert_eq!(settled.start, kept.start, "cut at {cut}");
                assert!(settled.end <= kept.end, "cut at {cut}");
            }
        }
        assert!(settled_any);
        let quiet = Clip::new(samples.iter().map(|s| s * 0.01).collect(), RATE);
        assert_eq!(
            settled_range(&quiet, -45.0, 30),
            None,
            "the threshold may move"
        );
    }

    #[test]
    fn soft_onset_is_not_clipped() {
        // A fade-in from −60 dB over 50 ms before the tone: the gate opens early enough.
        let mut clip = padded_tone(300, 300);
        let start = ms_to_samples(300, RATE);
        let ramp = ms_to_samples(50, RATE);
        for i in 0..ramp {
            let level = 0.001 * (300.0f32).powf(i as f32 / ramp as f32);
            clip.samples[start - ramp + i] = level * if i % 2 == 0 { 1.0 } else { -1.0 };
        }
        let trimmed = trim_silence(&clip, -45.0, 30);
        // The whole ramp, down to its −60 dB start, survives: it starts 15 ms before the gate
        // opens, inside the 30 ms guard.
        let nonzero = |c: &Clip| c.samples.iter().filter(|s| s.abs() > 0.0).count();
        assert_eq!(nonzero(&trimmed), nonzero(&clip));
        assert!(trimmed.samples.len() < clip.samples.len() / 2);
    }

    #[test]
    fn a_single_click_is_not_speech_and_silence_becomes_empty() {
        let mut clip = padded_tone(400, 400);
        clip.samples[100] = 0.05; // −26 dB peak, but −50 dB over a 10 ms window.
        let trimmed = trim_silence(&clip, -45.0, 30);
        assert!(trimmed.samples.len() < ms_to_samples(400, RATE));
        let silent = Clip::silence(500, RATE);
        assert!(trim_silence(&silent, -45.0, 30).samples.is_empty());
        assert!(trim_silence(&Clip::new(Vec::new(), RATE), -45.0, 30)
            .samples
            .is_empty());
    }

    #[test]
    fn quiet_voice_is_kept() {
        let mut clip = padded_tone(200, 200);
        clip.samples.iter_mut().for_each(|s| *s *= 0.003); // tone at about −60 dBFS RMS
        let trimmed = trim_silence(&clip, -45.0, 30);
        assert!(trimmed.samples.len() >= ms_to_samples(300, RATE));
    }
}
