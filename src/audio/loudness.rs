//! Loudness of the whole programme: EBU R128 / ITU-R BS.1770 measurement with the ebur128
//! crate, one gain for the whole programme, and a look-ahead true-peak limiter.
//!
//! A mono programme is measured as one front channel (weight 1), as `ffmpeg -af ebur128` and
//! most podcast tools do, so −16 LUFS here is what those tools report for the file.
use std::borrow::Cow;

use ebur128::{EbuR128, Mode};
use serde::{Deserialize, Serialize};

use super::{AudioError, Clip};

/// Default integrated loudness target (LUFS), the usual podcast level.
pub const DEFAULT_TARGET_LUFS: f64 = -16.0;

/// Default true-peak ceiling (dBTP).
pub const DEFAULT_MAX_TRUE_PEAK_DBTP: f64 = -1.0;

/// The limiter aims this far below the ceiling so the meter's own true-peak estimate
/// (4× oversampling) lands under it.
#[cfg(test)]
const LIMITER_MARGIN_DB: f64 = 0.1;

/// Integrated loudness within this many LU of the target counts as on target.
#[cfg(test)]
const TARGET_TOLERANCE_LU: f64 = 0.1;

/// Attempts at gain and limiting before settling for the best result.
#[cfg(test)]
const MAX_PASSES: usize = 5;

/// Look-ahead (and attack ramp) of the limiter in milliseconds.
const LOOKAHEAD_MS: f64 = 2.0;

/// Release time constant of the limiter in milliseconds.
const RELEASE_MS: f64 = 80.0;

/// Half-length (taps on each side) of the interpolation filter of the limiter's peak detector.
const INTERP_HALF_TAPS: usize = 8;

/// Block length of the limiter's quick screen; at least the interpolation filter's length so a
/// filter always lies within a block and its two neighbours.
const SCREEN_BLOCK: usize = 2 * INTERP_HALF_TAPS;

/// Oversampling factor of the limiter's peak detector.
const OVERSAMPLING: usize = 4;

/// Loudness figures of a clip (EBU R128).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Loudness {
    /// Integrated (programme) loudness in LUFS.
    pub integrated_lufs: f64,
    /// Loudness range in LU (0 for clips too short to have one).
    pub range_lu: f64,
    /// Maximum true peak in dBTP (4× oversampled).
    pub true_peak_dbtp: f64,
}

/// Measure integrated loudness, loudness range and true peak of `clip`.
///
/// Fails with [`AudioError::Unmeasurable`] for silence or clips shorter than one 400 ms block.
pub fn measure(clip: &Clip) -> Result<Loudness, AudioError> {
    let clean = sanitized(clip);
    // The true-peak meter (4× oversampling) costs as much as the loudness meters: run them
    // side by side.
    let (loudness, peak) = std::thread::scope(|scope| {
        let peak = scope.spawn(|| {
            let meter = run_meter(&clean, Mode::TRUE_PEAK)?;
            meter.true_peak(0).map_err(meter_error)
        });
        let loudness = run_meter(&clean, Mode::I | Mode::LRA).and_then(|meter| {
            let range = meter.loudness_range().map_err(meter_error)?;
            Ok((integrated(&meter)?, range))
        });
        let peak = peak
            .join()
            .unwrap_or_else(|_| Err(AudioError::Loudness("true-peak meter failed".into())));
        (loudness, peak)
    });
    let (integrated_lufs, range_lu) = loudness?;
    Ok(Loudness {
        integrated_lufs,
        range_lu: if range_lu.is_finite() { range_lu } else { 0.0 },
        true_peak_dbtp: amplitude_to_db(peak?),
    })
}

/// Measure only the integrated loudness of `clip` in LUFS (faster than [`measure`]). A long
/// clip is measured in parallel chunks, one per core, as the ebur128 crate describes for
/// [`EbuR128::loudness_global_multiple`]: chunk boundaries fall on the 100 ms block grid, and
/// each later chunk re-reads the 300 ms its first gating blocks reach back into, after 100 ms
/// that only settle its filters, so it gives the blocks one meter would have.
#[cfg(test)]
pub fn measure_integrated(clip: &Clip) -> Result<f64, AudioError> {
    let clean = sanitized(clip);
    let long_enough =
        clean.samples.len() / (PARALLEL_MEASURE_MIN_SECS * clip.sample_rate as usize).max(1);
    integrated_in_chunks(&clean, crate::available_cores().min(long_enough))
}

/// Integrated loudness of `clean` measured in `chunks` parallel chunks (see
/// [`measure_integrated`]).
#[cfg(test)]
fn integrated_in_chunks(clean: &Clip, chunks: usize) -> Result<f64, AudioError> {
    let hop = clean.sample_rate as usize / 10;
    if chunks < 2 || hop == 0 {
        return integrated(&run_meter(clean, Mode::I)?);
    }
    let chunk_len = clean.samples.len().div_ceil(chunks).div_ceil(hop) * hop;
    let meters: Vec<Result<EbuR128, AudioError>> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..chunks)
            .map(|i| {
                let samples = &clean.samples;
                let rate = clean.sample_rate;
                scope.spawn(move || meter_chunk(samples, rate, i * chunk_len, chunk_len, hop))
            })
            .collect();
        runs.into_iter()
            .map(|run| {
                run.join()
                    .unwrap_or_else(|_| Err(AudioError::Loudness("loudness meter failed".into())))
            })
            .collect()
    });
    let meters = meters.into_iter().collect::<Result<Vec<_>, _>>()?;
    let lufs = EbuR128::loudness_global_multiple(meters.iter()).map_err(meter_error)?;
    if lufs.is_finite() {
        Ok(lufs)
    } else {
        Err(AudioError::Unmeasurable)
    }
}

/// Shortest clip, in seconds, whose integrated loudness is measured in parallel chunks.
#[cfg(test)]
const PARALLEL_MEASURE_MIN_SECS: usize = 20;

/// An integrated-loudness meter over `samples[start..start + len]`; a chunk after the first
/// re-reads 3 blocks' hops before `start` and settles its filters on the hop before those.
#[cfg(test)]
fn meter_chunk(
    samples: &[f32],
    rate: u32,
    start: usize,
    len: usize,
    hop: usize,
) -> Result<EbuR128, AudioError> {
    let mut meter = EbuR128::new(1, rate, Mode::I).map_err(meter_error)?;
    let end = (start + len).min(samples.len());
    let from = if start == 0 {
        0
    } else {
        let seed_from = start.saturating_sub(4 * hop);
        let read_from = start.saturating_sub(3 * hop);
        meter
            .seed_frames_f32(&samples[seed_from..read_from])
            .map_err(meter_error)?;
        read_from
    };
    meter
        .add_frames_f32(&samples[from..end])
        .map_err(meter_error)?;
    Ok(meter)
}

/// Bring the whole programme to `target_lufs` integrated loudness with its true peak at or
/// below `max_true_peak_dbtp`, working on a copy; see [`normalize_in_place`].
#[cfg(test)]
pub fn normalize(
    clip: &Clip,
    target_lufs: f64,
    max_true_peak_dbtp: f64,
) -> Result<(Clip, Loudness), AudioError> {
    let mut normalized = clip.clone();
    let loudness = normalize_in_place(&mut normalized, target_lufs, max_true_peak_dbtp)?;
    Ok((normalized, loudness))
}

/// Bring `clip` to `target_lufs` integrated loudness with its true peak at or below
/// `max_true_peak_dbtp`, in place (a three-hour programme is 2 GB; it is never copied): one
/// gain for everything, the look-ahead limiter where peaks would pass the ceiling, a gain
/// correction for what limiting took off, until the meter confirms both. Returns the
/// measured loudness.
///
/// Fails with [`AudioError::Unmeasurable`] for silent or too-short input (nothing to normalize;
/// `clip` is then left as it was, less any non-finite samples) and with
/// [`AudioError::Loudness`] for targets outside −70…0 LUFS / −20…0 dBTP.
#[cfg(test)]
pub fn normalize_in_place(
    clip: &mut Clip,
    target_lufs: f64,
    max_true_peak_dbtp: f64,
) -> Result<Loudness, AudioError> {
    check_targets(target_lufs, max_true_peak_dbtp)?;
    sanitize_in_place(&mut clip.samples);
    let rate = clip.sample_rate;
    let mut gain_db = target_lufs - measure_integrated(clip)?;
    let mut ceiling_dbtp = max_true_peak_dbtp - LIMITER_MARGIN_DB;
    let mut first_pass = true;
    for _ in 0..MAX_PASSES {
        scale_in_place(&mut clip.samples, gain_db);
        limit_in_place(&mut clip.samples, rate, ceiling_dbtp);
        let shortfall = target_lufs - measure_integrated(clip)?;
        if shortfall.abs() <= TARGET_TOLERANCE_LU {
            break;
        }
        gain_db = next_gain_step(gain_db, shortfall, first_pass);
        first_pass = false;
    }
    // The meter's own true-peak estimate has the last word.
    let mut loudness = measure(clip)?;
    for _ in 0..MAX_PASSES {
        let excess = loudness.true_peak_dbtp - max_true_peak_dbtp;
        if excess <= 0.0 {
            return Ok(loudness);
        }
        ceiling_dbtp -= excess + LIMITER_MARGIN_DB;
        limit_in_place(&mut clip.samples, rate, ceiling_dbtp);
        loudness = measure(clip)?;
    }
    // Last resort when the limiter never met the ceiling: lower the whole programme until
    // the meter's true peak is under it (loudness then ends below the target).
    let excess = (loudness.true_peak_dbtp - max_true_peak_dbtp).max(0.0);
    scale_in_place(&mut clip.samples, -(excess + LIMITER_MARGIN_DB));
    measure(clip)
}

/// The gain step after a pass of `step_db` that left the programme `shortfall_db` under its
/// target. The limiter takes back a roughly steady share of each further step (the share of
/// the first, whole-programme gain says nothing about it), so the next step aims for the sum of
/// that series instead of creeping up on the target pass by pass.
#[cfg(test)]
fn next_gain_step(step_db: f64, shortfall_db: f64, first_pass: bool) -> f64 {
    let taken = shortfall_db / step_db;
    if first_pass || !(0.0..0.8).contains(&taken) {
        return shortfall_db;
    }
    shortfall_db / (1.0 - taken)
}

/// Apply the look-ahead true-peak limiter to `clip` with its ceiling at `ceiling_dbtp`:
/// wherever the 4×-oversampled peak would exceed the ceiling, the gain is lowered smoothly
/// (2 ms ramp ahead of the peak, 80 ms release) so the peak just meets it. Audio away from such
/// peaks is left untouched.
#[cfg(test)]
pub fn limit(clip: &Clip, ceiling_dbtp: f64) -> Clip {
    let mut limited = clip.clone();
    limit_in_place(&mut limited.samples, clip.sample_rate, ceiling_dbtp);
    limited
}

/// [`limit`] on a sample buffer, working only on the stretches around peaks over the ceiling.
pub fn limit_in_place(samples: &mut [f32], sample_rate: u32, ceiling_dbtp: f64) {
    limit_in_runs(samples, sample_rate, ceiling_dbtp, crate::available_cores());
}

/// [`limit_in_place`] with its work split into `runs` parts done side by side (the result
/// does not depend on `runs`).
pub(crate) fn limit_in_runs(samples: &mut [f32], sample_rate: u32, ceiling_dbtp: f64, runs: usize) {
    let ceiling = db_to_amplitude(ceiling_dbtp) as f32;
    let events = peak_events(samples, ceiling, runs);
    if events.is_empty() {
        return;
    }
    let (lookahead, lead, tail) = limiter_extent(sample_rate);
    let regions = regions(&events, lead, tail, samples.len());
    // Regions are disjoint, so they are limited side by side: each core takes a run of
    // whole regions and the samples between them.
    let mut parts = Vec::new();
    let mut rest = samples;
    let mut offset = 0;
    for run in regions.chunks(regions.len().div_ceil(runs.max(1)).max(1)) {
        let run_end = run.last().map_or(offset, |r| r.1);
        let (part, tail) = rest.split_at_mut(run_end - offset);
        parts.push((part, offset, run));
        rest = tail;
        offset = run_end;
    }
    std::thread::scope(|scope| {
        for (part, offset, run) in parts {
            let events = &events;
            scope.spawn(move || {
                for &(start, end) in run {
                    let gain = region_gain(events, start, end, lookahead, sample_rate);
                    for (sample, g) in part[start - offset..end - offset].iter_mut().zip(gain) {
                        *sample *= g;
                    }
                }
            });
        }
    });
}

/// The limiter's look-ahead, and how far before and after a peak it changes the gain, in
/// samples at `sample_rate`.
fn limiter_extent(sample_rate: u32) -> (usize, usize, usize) {
    let rate = f64::from(sample_rate.max(1));
    let lookahead = ((LOOKAHEAD_MS / 1000.0 * rate) as usize).max(1);
    // Before a peak the gain moves over 2 × look-ahead; after it, it recovers to within 1e-4
    // of unity in ln(1e4) ≈ 9.3 release time constants.
    let lead = 2 * lookahead + 1;
    let tail = 2 * lookahead + (RELEASE_MS / 1000.0 * rate * 9.3) as usize;
    (lookahead, lead, tail)
}

/// How far (samples at `sample_rate`) the limiter reaches: the gain at a sample depends only
/// on the audio this far before and after it (with the peak detector's filter and screen).
pub(crate) fn limiter_reach(sample_rate: u32) -> usize {
    let (_, lead, tail) = limiter_extent(sample_rate);
    lead + tail + 4 * SCREEN_BLOCK
}

/// The limiter's gain over the region `start..end`: the gain each event requires, held over
/// the look-ahead, smoothed, and released.
fn region_gain(
    events: &[(usize, f32)],
    start: usize,
    end: usize,
    lookahead: usize,
    sample_rate: u32,
) -> Vec<f32> {
    let inside = events.partition_point(|e| e.0 < start);
    let in_region = events[inside..].iter().take_while(|e| e.0 < end);
    let held = held_minimum(
        in_region.map(|&(index, gain)| (index - start, gain)),
        end - start,
        lookahead,
    );
    let mut gain = centred_mean(&held, lookahead);
    release_in_place(&mut gain, sample_rate);
    gain
}

/// Merge the stretches `[index - lead, index + tail)` around each event into disjoint regions.
fn regions(events: &[(usize, f32)], lead: usize, tail: usize, len: usize) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for &(index, _) in events {
        let start = index.saturating_sub(lead);
        let end = index.saturating_add(tail).min(len);
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Multiply every sample by `gain_db` decibels.
#[cfg(test)]
pub fn apply_gain(clip: &Clip, gain_db: f64) -> Clip {
    let mut louder = clip.clone();
    scale_in_place(&mut louder.samples, gain_db);
    louder
}

/// Multiply every sample of `samples` by `gain_db` decibels.
#[cfg(test)]
pub fn scale_in_place(samples: &mut [f32], gain_db: f64) {
    let factor = db_to_amplitude(gain_db) as f32;
    for sample in samples {
        *sample *= factor;
    }
}

/// Replace non-finite samples (NaN, ±∞) with silence.
#[cfg(test)]
fn sanitize_in_place(samples: &mut [f32]) {
    for sample in samples.iter_mut().filter(|s| !s.is_finite()) {
        *sample = 0.0;
    }
}

#[cfg(test)]
fn check_targets(target_lufs: f64, max_true_peak_dbtp: f64) -> Result<(), AudioError> {
    if !(-70.0..=0.0).contains(&target_lufs) {
        return Err(AudioError::Loudness(format!(
            "target {target_lufs} LUFS out of range"
        )));
    }
    if !(-20.0..=0.0).contains(&max_true_peak_dbtp) {
        return Err(AudioError::Loudness(format!(
            "true-peak ceiling {max_true_peak_dbtp} dBTP out of range"
        )));
    }
    Ok(())
}

/// A meter in `mode` fed with `clip`, which must have finite samples (see [`sanitized`]).
/// Loudness measured as the signal arrives, without holding it (for decoded files).
pub struct StreamingMeter {
    meters: Option<(EbuR128, EbuR128)>,
    pending: Vec<f32>,
}

/// Samples gathered before both meters run on them side by side.
const STREAMING_BLOCK: usize = 1 << 20;

impl StreamingMeter {
    /// A meter awaiting its first samples.
    pub fn new() -> Self {
        Self {
            meters: None,
            pending: Vec::with_capacity(STREAMING_BLOCK),
        }
    }

    /// Add mono samples at `sample_rate` (the same rate on every call).
    pub fn add(&mut self, samples: &[f32], sample_rate: u32) -> Result<(), AudioError> {
        if self.meters.is_none() {
            let loudness =
                EbuR128::new(1, sample_rate, Mode::I | Mode::LRA).map_err(meter_error)?;
            let peak = EbuR128::new(1, sample_rate, Mode::TRUE_PEAK).map_err(meter_error)?;
            self.meters = Some((loudness, peak));
        }
        self.pending
            .extend(samples.iter().map(|&s| if s.is_finite() { s } else { 0.0 }));
        if self.pending.len() >= STREAMING_BLOCK {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), AudioError> {
        let Some((loudness, peak)) = self.meters.as_mut() else {
            return Ok(());
        };
        let block = &self.pending;
        let (a, b) = std::thread::scope(|scope| {
            let peak_done = scope.spawn(|| peak.add_frames_f32(block));
            let loudness_done = loudness.add_frames_f32(block);
            (loudness_done, peak_done.join())
        });
        a.map_err(meter_error)?;
        b.map_err(|_| AudioError::Loudness("true-peak meter failed".into()))?
            .map_err(meter_error)?;
        self.pending.clear();
        Ok(())
    }

    /// The figures of everything added.
    pub fn finish(mut self) -> Result<Loudness, AudioError> {
        self.flush()?;
        let (loudness, peak) = self.meters.as_ref().ok_or(AudioError::Unmeasurable)?;
        let range_lu = loudness.loudness_range().map_err(meter_error)?;
        Ok(Loudness {
            integrated_lufs: integrated(loudness)?,
            range_lu: if range_lu.is_finite() { range_lu } else { 0.0 },
            true_peak_dbtp: amplitude_to_db(peak.true_peak(0).map_err(meter_error)?),
        })
    }
}

impl Default for StreamingMeter {
    fn default() -> Self {
        Self::new()
    }
}

fn run_meter(clip: &Clip, mode: Mode) -> Result<EbuR128, AudioError> {
    if clip.sample_rate == 0 {
        return Err(AudioError::InvalidSampleRate(0));
    }
    let mut meter = EbuR128::new(1, clip.sample_rate, mode).map_err(meter_error)?;
    meter.add_frames_f32(&clip.samples).map_err(meter_error)?;
    Ok(meter)
}

fn integrated(meter: &EbuR128) -> Result<f64, AudioError> {
    let lufs = meter.loudness_global().map_err(meter_error)?;
    if lufs.is_finite() {
        Ok(lufs)
    } else {
        Err(AudioError::Unmeasurable)
    }
}

fn meter_error(error: ebur128::Error) -> AudioError {
    AudioError::Loudness(error.to_string())
}

/// `clip` with non-finite samples replaced by silence (borrowed when there are none).
fn sanitized(clip: &Clip) -> Cow<'_, Clip> {
    if clip.samples.iter().all(|s| s.is_finite()) {
        return Cow::Borrowed(clip);
    }
    let samples = clip
        .samples
        .iter()
        .map(|&s| if s.is_finite() { s } else { 0.0 })
        .collect();
    Cow::Owned(Clip::new(samples, clip.sample_rate))
}

fn db_to_amplitude(db: f64) -> f64 {
    10f64.powf(db / 20.0)
}

fn amplitude_to_db(amplitude: f64) -> f64 {
    if amplitude > 0.0 {
        20.0 * amplitude.log10()
    } else {
        f64::NEG_INFINITY
    }
}

/// The samples whose own value or neighbouring inter-sample peak exceeds `ceiling`, with the
/// gain (< 1) each needs, in sample order.
fn peak_events(samples: &[f32], ceiling: f32, runs: usize) -> Vec<(usize, f32)> {
    let filters = interpolation_filters();
    // An interpolated value is at most the filter's absolute tap sum times the largest sample
    // under the filter, so blocks whose neighbourhood stays below ceiling / that sum are
    // skipped without running the detector.
    let tap_sum = filters
        .iter()
        .map(|taps| taps.iter().map(|t| t.abs()).sum::<f32>())
        .fold(1.0, f32::max);
    let block_peaks: Vec<f32> = samples
        .chunks(SCREEN_BLOCK)
        .map(|block| block.iter().fold(0.0f32, |m, s| m.max(s.abs())))
        .collect();
    // Blocks are screened side by side, each core a run of them (reading its neighbours'
    // samples where the filter reaches over); the runs' events join in order.
    let per_core = block_peaks.len().div_ceil(runs.max(1)).max(1);
    let runs: Vec<Vec<(usize, f32)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..block_peaks.len())
            .step_by(per_core)
            .map(|first| {
                let (block_peaks, filters) = (&block_peaks, &filters);
                let blocks = first..(first + per_core).min(block_peaks.len());
                scope.spawn(move || {
                    let screen = Screen {
                        samples,
                        block_peaks,
                        filters,
                        tap_sum,
                        ceiling,
                    };
                    screen.events_in(blocks)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut events: Vec<(usize, f32)> = Vec::new();
    for run in runs {
        let mut run = run.into_iter().peekable();
        // A run's last event (the sample after a peak) may be the next run's first.
        if let (Some(last), Some(first)) = (events.last_mut(), run.peek()) {
            if last.0 == first.0 {
                last.1 = last.1.min(first.1);
                run.next();
            }
        }
        events.extend(run);
    }
    events.retain(|e| e.0 < samples.len());
    events
}

/// What the limiter's peak detector reads while screening a run of blocks.
struct Screen<'a> {
    samples: &'a [f32],
    block_peaks: &'a [f32],
    filters: &'a [[f32; 2 * INTERP_HALF_TAPS]],
    tap_sum: f32,
    ceiling: f32,
}

impl Screen<'_> {
    /// Events `(sample, gain)` of the blocks in `blocks`, in order.
    fn events_in(&self, blocks: std::ops::Range<usize>) -> Vec<(usize, f32)> {
        let mut events: Vec<(usize, f32)> = Vec::new();
        let count = self.block_peaks.len();
        for b in blocks {
            let around = &self.block_peaks[b.saturating_sub(1)..(b + 2).min(count)];
            if around.iter().fold(0.0f32, |m, &p| m.max(p)) * self.tap_sum <= self.ceiling {
                continue;
            }
            let block_end = ((b + 1) * SCREEN_BLOCK).min(self.samples.len());
            for n in b * SCREEN_BLOCK..block_end {
                let here = self.samples[n].abs();
                let next = self.samples.get(n + 1).map_or(0.0, |s| s.abs());
                let peak = interpolated_peak(self.samples, n, self.filters)
                    .max(here)
                    .max(next);
                if peak > self.ceiling {
                    let gain = self.ceiling / peak;
                    match events.last_mut() {
                        Some(last) if last.0 == n => last.1 = last.1.min(gain),
                        _ => events.push((n, gain)),
                    }
                    events.push((n + 1, gain));
                }
            }
        }
        events
    }
}

/// Windowed-sinc filters giving the values at fractions 1/4, 2/4, 3/4 between two samples.
fn interpolation_filters() -> Vec<[f32; 2 * INTERP_HALF_TAPS]> {
    (1..OVERSAMPLING)
        .map(|phase| {
            let fraction = phase as f64 / OVERSAMPLING as f64;
            let mut taps = [0.0f32; 2 * INTERP_HALF_TAPS];
            for (k, tap) in taps.iter_mut().enumerate() {
                // Tap k weighs sample n + k + 1 - INTERP_HALF_TAPS.
                let offset = k as f64 + 1.0 - INTERP_HALF_TAPS as f64 - fraction;
                let x = std::f64::consts::PI * offset;
                let sinc = if x.abs() < 1e-12 { 1.0 } else { x.sin() / x };
                let span = INTERP_HALF_TAPS as f64;
                let window = 0.5 + 0.5 * (std::f64::consts::PI * offset / span).cos();
                *tap = (sinc * window) as f32;
            }
            taps
        })
        .collect()
}

/// Largest magnitude of the interpolated values between samples `n` and `n + 1`.
fn interpolated_peak(samples: &[f32], n: usize, filters: &[[f32; 2 * INTERP_HALF_TAPS]]) -> f32 {
    let taps_len = 2 * INTERP_HALF_TAPS;
    let mut window = [0.0f32; 2 * INTERP_HALF_TAPS];
    match (n + 1).checked_sub(INTERP_HALF_TAPS) {
        Some(first) if first + taps_len <= samples.len() => {
            window.copy_from_slice(&samples[first..first + taps_len]);
        }
        _ => {
            // Near the edges: samples outside the clip count as silence.
            for (k, slot) in window.iter_mut().enumerate() {
                *slot = (n + 1 + k)
                    .checked_sub(INTERP_HALF_TAPS)
                    .and_then(|i| samples.get(i))
                    .copied()
                    .unwrap_or(0.0);
            }
        }
    }
    filters
        .iter()
        .map(|taps| dot(taps, &window).abs())
        .fold(0.0, f32::max)
}

/// Dot product of two filter-length arrays, in independent lanes so it vectorizes.
fn dot(a: &[f32; 2 * INTERP_HALF_TAPS], b: &[f32; 2 * INTERP_HALF_TAPS]) -> f32 {
    let mut lanes = [0.0f32; INTERP_HALF_TAPS];
    for (k, lane) in lanes.iter_mut().enumerate() {
        *lane = a[k] * b[k] + a[k + INTERP_HALF_TAPS] * b[k + INTERP_HALF_TAPS];
    }
    lanes.iter().sum()
}

/// For every `n < len`: the smallest gain of the `(index, gain)` events within `radius` of
/// `n`, or 1 where there is none. Events are sparse next to the samples, so each writes its
/// window directly (a short loop the compiler vectorizes) instead of sliding over every sample.
fn held_minimum(events: impl Iterator<Item = (usize, f32)>, len: usize, radius: usize) -> Vec<f32> {
    let mut held = vec![1.0f32; len];
    for (index, gain) in events.filter(|e| e.0 < len) {
        let window = index.saturating_sub(radius)..(index + radius + 1).min(len);
        for h in &mut held[window] {
            *h = h.min(gain);
        }
    }
    held
}

/// Mean of `values` over `[n - radius, n + radius]` (clipped at the ends) for every `n`.
///
/// Applied to a [`sliding_min`] of the same radius, the result never exceeds the original
/// value at `n`: every term of the mean is a minimum over a window that contains `n`.
fn centred_mean(values: &[f32], radius: usize) -> Vec<f32> {
    let len = values.len();
    let mut out = Vec::with_capacity(len);
    // A running sum over the window [lo, hi), in f64 so millions of steps stay exact enough.
    let (mut lo, mut hi, mut sum) = (0usize, 0usize, 0.0f64);
    for n in 0..len {
        let (want_lo, want_hi) = (n.saturating_sub(radius), (n + radius + 1).min(len));
        while hi < want_hi {
            sum += f64::from(values[hi]);
            hi += 1;
        }
        while lo < want_lo {
            sum -= f64::from(values[lo]);
            lo += 1;
        }
        out.push((sum / (hi - lo) as f64) as f32);
    }
    out
}

/// Let the gain recover towards 1 no faster than the release time constant, never above the
/// input gain curve.
fn release_in_place(gain: &mut [f32], sample_rate: u32) {
    let samples_per_tau = RELEASE_MS / 1000.0 * f64::from(sample_rate.max(1));
    let coefficient = (1.0 - (-1.0 / samples_per_tau).exp()) as f32;
    let mut current = 1.0f32;
    for g in gain.iter_mut() {
        let target = *g;
        current = if target < current {
            target
        } else {
            (current + (1.0 - current) * coefficient).min(target)
        };
        *g = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 44100;

    /// Deterministic noise in [-1, 1].
    struct Noise(u64);

    impl Noise {
        fn next(&mut self) -> f32 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        }
    }

    /// Speech-like test signal: 4 Hz "syllables" of tone + noise, with a 300 ms gap every second.
    fn speech_like(seconds: f32, level: f32) -> Clip {
        let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
        let n = (RATE as f32 * seconds) as usize;
        let samples = (0..n)
            .map(|i| {
                let t = i as f32 / RATE as f32;
                if t.fract() > 0.7 {
                    return 0.0;
                }
                let envelope = (std::f32::consts::PI * 4.0 * t).sin().abs();
                let voiced = (std::f32::consts::TAU * 140.0 * t).sin() * 0.6
                    + (std::f32::consts::TAU * 700.0 * t).sin() * 0.3;
                level * envelope * (voiced + 0.3 * noise.next())
            })
            .collect();
        Clip::new(samples, RATE)
    }

    #[test]
    fn limiting_side_by_side_gives_what_one_run_gives() {
        // Loud enough that the limiter works all through the clip.
        let clip = speech_like(12.0, 0.9);
        let ceiling = db_to_amplitude(-3.0) as f32;
        let one_run = peak_events(&clip.samples, ceiling, 1);
        assert!(one_run.len() > 100);
        for runs in [2, 3, 7] {
            assert_eq!(peak_events(&clip.samples, ceiling, runs), one_run);
        }
        let mut sequential = clip.samples.clone();
        limit_in_runs(&mut sequential, RATE, -3.0, 1);
        for runs in [2, 5] {
            let mut parallel = clip.samples.clone();
            limit_in_runs(&mut parallel, RATE, -3.0, runs);
            assert!(parallel == sequential, "{runs} runs differ");
        }
    }

    #[test]
    fn parallel_chunks_measure_what_one_meter_does() -> Result<(), AudioError> {
        // 61.3 s: long enough to be split, and not on the chunk grid.
        let clip = speech_like(61.3, 0.3);
        let single = integrated(&run_meter(&clip, Mode::I)?)?;
        for chunks in [2, 3, 5] {
            let chunked = integrated_in_chunks(&clip, chunks)?;
            assert!(
                (single - chunked).abs() < 0.005,
                "{chunks}: {single} vs {chunked}"
            );
        }
        Ok(())
    }

    #[test]
    fn normalize_reaches_target_and_peak_ceiling() -> Result<(), AudioError> {
        for level in [0.05, 0.3, 0.9] {
            let (out, loudness) = normalize(&speech_like(4.0, level), -16.0, -1.0)?;
            let check = measure(&out)?;
            assert_eq!(check, loudness);
            assert!(
                (check.integrated_lufs + 16.0).abs() <= 0.5,
                "{level}: {check:?}"
            );
            assert!(check.true_peak_dbtp <= -1.0, "{level}: {check:?}");
            assert!(check.integrated_lufs.is_finite() && check.range_lu.is_finite());
        }
        Ok(())
    }

    #[test]
    fn limiter_engages_on_sharp_peaks() -> Result<(), AudioError> {
        // Quiet speech with full-scale clicks: gain alone would push the clicks far over.
        let mut clip = speech_like(4.0, 0.05);
        for k in 0..8 {
            let at = 4000 + k * 20000;
            clip.samples[at] = 0.9;
            clip.samples[at + 1] = -0.9;
        }
        let gain_db = -16.0 - measure_integrated(&clip)?;
        let gain_only = measure(&apply_gain(&clip, gain_db))?;
        assert!(gain_only.true_peak_dbtp > 3.0, "{gain_only:?}");
        let (out, loudness) = normalize(&clip, -16.0, -1.0)?;
        assert!(
            (loudness.integrated_lufs + 16.0).abs() <= 0.5,
            "{loudness:?}"
        );
        assert!(loudness.true_peak_dbtp <= -1.0, "{loudness:?}");
        // Away from the clicks the audio is the plain gain (the limiter is local).
        let factor = db_to_amplitude(gain_db) as f32;
        let far = 15000;
        assert!((out.samples[far] - clip.samples[far] * factor).abs() < 0.02);
        Ok(())
    }

    #[test]
    fn limit_keeps_inter_sample_peaks_under_the_ceiling() -> Result<(), AudioError> {
        // A sine at fs/4 with a phase offset: samples at −3 dBFS, true peaks at 0 dBTP.
        let samples: Vec<f32> = (0..RATE as usize)
            .map(|i| (std::f32::consts::FRAC_PI_2 * i as f32 + std::f32::consts::FRAC_PI_4).sin())
            .collect();
        let clip = Clip::new(samples, RATE);
        assert!(measure(&clip)?.true_peak_dbtp > -0.5);
        let limited = limit(&clip, -2.0);
        let peak = measure(&limited)?.true_peak_dbtp;
        assert!((-2.2..=-1.95).contains(&peak), "{peak}");
        Ok(())
    }

    #[test]
    fn silence_and_short_input_are_clear_errors() {
        let silent = Clip::silence(2000, RATE);
        assert!(matches!(
            normalize(&silent, -16.0, -1.0),
            Err(AudioError::Unmeasurable)
        ));
        let short = speech_like(0.2, 0.5);
        assert!(matches!(measure(&short), Err(AudioError::Unmeasurable)));
        assert!(normalize(&Clip::default(), -16.0, -1.0).is_err());
        let mut broken = speech_like(2.0, 0.3);
        broken.samples[10] = f32::NAN;
        let loudness = measure(&broken).map(|l| l.integrated_lufs);
        assert!(loudness.is_ok_and(f64::is_finite));
        assert!(normalize(&speech_like(2.0, 0.3), f64::NAN, -1.0).is_err());
    }

    #[test]
    fn held_minimum_and_mean_stay_below_the_requirement() {
        let values = [1.0, 1.0, 0.5, 1.0, 1.0, 0.8, 1.0];
        let events = values.iter().enumerate().filter(|(_, &v)| v < 1.0);
        let held = held_minimum(events.map(|(i, &v)| (i, v)), values.len(), 1);
        assert_eq!(held, vec![1.0, 0.5, 0.5, 0.5, 0.8, 0.8, 0.8]);
        let smooth = centred_mean(&held, 1);
        assert!(smooth.iter().zip(values).all(|(s, v)| *s <= v + 1e-6));
    }

    #[test]
    fn held_minimum_is_the_sliding_minimum_of_the_events() {
        let mut noise = Noise(7);
        let len = 5000;
        let mut events: Vec<(usize, f32)> = (0..300)
            .map(|_| {
                let index = ((noise.next() + 1.0) * 0.5 * len as f32) as usize;
                (index.min(len - 1), 0.5 + 0.5 * noise.next().abs())
            })
            .collect();
        events.sort_by_key(|e| e.0);
        for radius in [0, 1, 88] {
            let held = held_minimum(events.iter().copied(), len, radius);
            for (n, &h) in held.iter().enumerate() {
                let expected = events
                    .iter()
                    .filter(|e| e.0.abs_diff(n) <= radius)
                    .fold(1.0f32, |m, e| m.min(e.1));
                assert_eq!(h, expected, "sample {n}, radius {radius}");
            }
        }
    }

    #[test]
    fn the_running_mean_is_the_window_mean() {
        let mut noise = Noise(3);
        let values: Vec<f32> = (0..2000).map(|_| noise.next()).collect();
        let radius = 40;
        for (n, mean) in centred_mean(&values, radius).into_iter().enumerate() {
            let window = &values[n.saturating_sub(radius)..(n + radius + 1).min(values.len())];
            let expected = window.iter().map(|&v| f64::from(v)).sum::<f64>() / window.len() as f64;
            assert!((f64::from(mean) - expected).abs() < 1e-6, "sample {n}");
        }
    }
}
