//! High-quality sample-rate conversion with rubato, in one pass over the whole clip.
//!
//! Rates with a small common block (22.05 → 44.1 kHz, 16 → 44.1 kHz, 24 → 44.1 kHz, …) use
//! rubato's synchronous FFT resampler; unusual rate pairs fall back to its windowed-sinc
//! resampler. Either way the resampler's start-up delay is removed, so sample `i` of the input
//! lands at `i * to / from` in the output, and the output has exactly
//! [`resampled_len`]`(n, from, to)` samples.
use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{
    Async, Fft, FixedAsync, FixedSync, Resampler, SincInterpolationParameters,
    SincInterpolationType, WindowFunction,
};

use super::{AudioError, Clip};

/// Highest sample rate accepted on either side.
pub const MAX_SAMPLE_RATE: u32 = 384_000;

/// Input frames per FFT block we aim for: long enough for a steep anti-aliasing filter.
const FFT_SUB_CHUNK: usize = 1024;

/// Above this many input frames per minimal FFT block the rate pair is "unusual" and the
/// sinc resampler is used instead.
const MAX_FFT_MIN_BLOCK: usize = 2048;

/// Number of output samples for `input_len` samples converted from `from` Hz to `to` Hz:
/// `round(input_len * to / from)` (0 when `from` is 0).
pub fn resampled_len(input_len: usize, from: u32, to: u32) -> usize {
    if from == 0 {
        return 0;
    }
    let scaled = input_len as u128 * u128::from(to) + u128::from(from) / 2;
    (scaled / u128::from(from)) as usize
}

/// Position in a `to`-Hz signal of sample `position` of a `from`-Hz signal, rounded.
pub fn rescale_position(position: usize, from: u32, to: u32) -> usize {
    resampled_len(position, from, to)
}

/// Resample `clip` to `to_rate` Hz (a copy when the rates already match).
pub fn resample(clip: &Clip, to_rate: u32) -> Result<Clip, AudioError> {
    let from_rate = clip.sample_rate;
    check_rate(from_rate)?;
    check_rate(to_rate)?;
    if from_rate == to_rate {
        return Ok(clip.clone());
    }
    let expected = resampled_len(clip.samples.len(), from_rate, to_rate);
    if clip.samples.is_empty() {
        return Ok(Clip::new(Vec::new(), to_rate));
    }
    let mut resampler = build_resampler(from_rate, to_rate)?;
    let input = InterleavedSlice::new(&clip.samples, 1, clip.samples.len())
        .map_err(AudioError::resample)?;
    let output = resampler
        .process_all(&input, clip.samples.len(), None)
        .map_err(AudioError::resample)?;
    let mut samples = output.take_data();
    samples.resize(expected, 0.0);
    Ok(Clip::new(samples, to_rate))
}

fn check_rate(rate: u32) -> Result<(), AudioError> {
    if rate == 0 || rate > MAX_SAMPLE_RATE {
        return Err(AudioError::InvalidSampleRate(rate));
    }
    Ok(())
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

pub(crate) fn build_resampler(
    from_rate: u32,
    to_rate: u32,
) -> Result<Box<dyn Resampler<f32>>, AudioError> {
    let (from, to) = (from_rate as usize, to_rate as usize);
    let min_block_in = from / gcd(from, to);
    if min_block_in <= MAX_FFT_MIN_BLOCK {
        let sub_chunk = FFT_SUB_CHUNK.max(min_block_in);
        let fft = Fft::<f32>::new_custom(
            from,
            to,
            sub_chunk * 4,
            4,
            1,
            WindowFunction::BlackmanHarris2,
            FixedSync::Input,
        )
        .map_err(AudioError::resample)?;
        return Ok(Box::new(fft));
    }
    let parameters = SincInterpolationParameters::new(256, WindowFunction::BlackmanHarris2)
        .oversampling_factor(256)
        .interpolation(SincInterpolationType::Cubic);
    let sinc = Async::<f32>::new_sinc(
        to as f64 / from as f64,
        1.0,
        &parameters,
        4096,
        1,
        FixedAsync::Input,
    )
    .map_err(AudioError::resample)?;
    Ok(Box::new(sinc))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `secs` of a sine at `freq` Hz and `amplitude`, sampled at `rate` (shared by audio tests).
    pub(crate) fn sine(freq: f32, rate: u32, secs: f32, amplitude: f32) -> Clip {
        let n = (rate as f32 * secs) as usize;
        let samples = (0..n)
            .map(|i| amplitude * (std::f32::consts::TAU * freq * i as f32 / rate as f32).sin())
            .collect();
        Clip::new(samples, rate)
    }

    fn zero_crossings(samples: &[f32]) -> usize {
        samples
            .windows(2)
            .filter(|w| (w[0] < 0.0) != (w[1] < 0.0))
            .count()
    }

    /// Index of the first sample whose magnitude exceeds `level`.
    fn onset(samples: &[f32], level: f32) -> Option<usize> {
        samples.iter().position(|s| s.abs() > level)
    }

    #[test]
    fn upsampling_keeps_frequency_length_and_level() -> Result<(), AudioError> {
        let clip = sine(1000.0, 22050, 0.5, 0.5);
        let out = resample(&clip, 44100)?;
        assert_eq!(out.sample_rate, 44100);
        assert_eq!(out.samples.len(), clip.samples.len() * 2);
        // 1 kHz for 0.5 s: 1000 crossings, whatever the rate.
        let inner = &out.samples[441..out.samples.len() - 441];
        let crossings = zero_crossings(inner) as f64 / (inner.len() as f64 / 44100.0);
        assert!(
            (crossings - 2000.0).abs() < 10.0,
            "crossings per second {crossings}"
        );
        let level = Clip::new(inner.to_vec(), 44100).rms();
        assert!((level - 0.5 / 2f32.sqrt()).abs() < 0.01, "rms {level}");
        Ok(())
    }

    #[test]
    fn resampling_has_no_start_delay() -> Result<(), AudioError> {
        // Silence then a tone starting at exactly 0.1 s.
        let mut samples = vec![0.0; 2205];
        samples.extend(sine(440.0, 22050, 0.2, 0.8).samples);
        let out = resample(&Clip::new(samples, 22050), 44100)?;
        let start = onset(&out.samples, 0.05).ok_or(AudioError::Unmeasurable)?;
        assert!(
            (start as i64 - 4410).abs() <= 8,
            "tone starts at {start}, expected 4410"
        );
        Ok(())
    }

    #[test]
    fn odd_rate_pairs_give_rounded_length() -> Result<(), AudioError> {
        for (from, to) in [
            (16000, 44100),
            (24000, 44100),
            (44100, 22050),
            (22050, 44101),
        ] {
            let clip = sine(300.0, from, 0.3, 0.5);
            let out = resample(&clip, to)?;
            assert_eq!(
                out.samples.len(),
                resampled_len(clip.samples.len(), from, to)
            );
            let inner = &out.samples[to as usize / 50..out.samples.len() - to as usize / 50];
            let per_sec = zero_crossings(inner) as f64 / (inner.len() as f64 / f64::from(to));
            assert!((per_sec - 600.0).abs() < 10.0, "{from}->{to}: {per_sec}");
        }
        Ok(())
    }

    #[test]
    fn same_rate_is_identity_and_bad_rates_fail() -> Result<(), AudioError> {
        let clip = sine(1000.0, 22050, 0.01, 0.5);
        assert_eq!(resample(&clip, 22050)?, clip);
        assert!(resample(&clip, 0).is_err());
        assert!(resample(&Clip::new(vec![0.1], 0), 44100).is_err());
        assert!(resample(&Clip::new(Vec::new(), 22050), 44100)?
            .samples
            .is_empty());
        for (from, to) in [(22050, 44100), (22050, 44101), (48000, 8000)] {
            let tiny = Clip::new(vec![0.5; 3], from);
            assert_eq!(
                resample(&tiny, to)?.samples.len(),
                resampled_len(3, from, to)
            );
        }
        Ok(())
    }
}
