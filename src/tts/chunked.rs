//! Decoding a sentence's latent in overlapping windows, so its first audio is ready after a
//! small part of the decoder's work.
//!
//! The HiFi-GAN decoder is made of convolutions only: an output sample depends on a bounded
//! stretch of latent frames around it (its receptive field). Window `k` decodes frames
//! `[a - pad, b + pad)` and keeps the audio of `[a, b)`; with `pad` at least the receptive
//! field the kept audio is the whole-sentence decoder's (to rounding). The first window is
//! small, so the first audio of a stream goes out early; the next is four times larger, and
//! the rest is one call.
use std::ops::Range;

/// Latent frames decoded on each side of a window and dropped. Measured on the test voice
/// (noise off, a 160-frame sentence in three windows): 8 frames differ by up to 1.3e-3,
/// 12 and 16 by up to 4.4e-7, 20 and 24 not at all; 24 keeps a margin (see the test in
/// `split`).
pub const PAD_FRAMES: usize = 24;

/// Frames kept from the first window: 48 frames of 256 samples are about 0.56 s at 22 050 Hz.
pub const FIRST_WINDOW_FRAMES: usize = 48;

/// The frame ranges kept from each window, in order, covering `0..frames` once.
pub fn windows(frames: usize, first: usize) -> Vec<Range<usize>> {
    let first = first.max(1);
    let mut out = Vec::with_capacity(3);
    if frames <= 2 * first {
        out.push(0..frames);
        return out;
    }
    out.push(0..first);
    let next = first.saturating_mul(4);
    if frames - first > next + next / 2 {
        out.push(first..first + next);
    }
    let done = out.last().map_or(0, |r| r.end);
    out.push(done..frames);
    out
}

/// Most latent frames one decoder call decodes (about 12 s at 22 050 Hz): the decoder's
/// working memory grows with the audio of a call (a 39 s call took 0.9 GB), so longer
/// sentences are decoded in windows of at most this many frames, to the same audio.
pub const MAX_DECODE_FRAMES: usize = 1024;

/// `ranges` with every range longer than `max` cut into equal parts of at most `max`.
pub fn bounded(ranges: Vec<Range<usize>>, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut out = Vec::with_capacity(ranges.len());
    for range in ranges {
        let parts = range.len().div_ceil(max).max(1);
        let size = range.len().div_ceil(parts).max(1);
        let mut start = range.start;
        while start < range.end {
            let end = (start + size).min(range.end);
            out.push(start..end);
            start = end;
        }
        if range.is_empty() {
            out.push(range);
        }
    }
    out
}

/// A latent `[1, channels, frames]` in row-major order.
#[derive(Debug, Clone, PartialEq)]
pub struct Latent<'a> {
    /// Its channels.
    pub channels: usize,
    /// Its frames.
    pub frames: usize,
    /// `channels * frames` values.
    pub data: &'a [f32],
}

/// One window to decode: the frames given to the decoder and the part of its audio to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Frames given to the decoder.
    pub decoded: Range<usize>,
    /// Frames whose audio is kept.
    pub kept: Range<usize>,
}

impl Window {
    /// The window keeping `kept` of `frames` frames, with up to `pad` frames each side.
    pub fn around(kept: Range<usize>, frames: usize, pad: usize) -> Self {
        let decoded = kept.start.saturating_sub(pad)..kept.end.saturating_add(pad).min(frames);
        Self { decoded, kept }
    }

    /// The samples to keep of the decoder's `audio` for this window, or `None` when the
    /// audio is not a whole number of samples per frame.
    pub fn keep<'s>(&self, audio: &'s [f32]) -> Option<&'s [f32]> {
        let decoded = self.decoded.len();
        if decoded == 0 || !audio.len().is_multiple_of(decoded) {
            return None;
        }
        let hop = audio.len() / decoded;
        let from = (self.kept.start - self.decoded.start) * hop;
        audio.get(from..from + self.kept.len() * hop)
    }
}

impl Latent<'_> {
    /// The values of frames `range`, as a `[1, channels, range.len()]` latent.
    pub fn frames(&self, range: Range<usize>) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.channels * range.len());
        for channel in self.data.chunks(self.frames.max(1)).take(self.channels) {
            if let Some(part) = channel.get(range.clone()) {
                out.extend_from_slice(part);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_every_frame_once_and_start_small() {
        let one = |frames| {
            windows(frames, 48)
                .first()
                .cloned()
                .filter(|_| windows(frames, 48).len() == 1)
        };
        assert_eq!(one(10), Some(0..10));
        assert_eq!(one(96), Some(0..96));
        assert_eq!(windows(200, 48), vec![0..48, 48..200]);
        assert_eq!(windows(600, 48), vec![0..48, 48..240, 240..600]);
        assert_eq!(one(0), Some(0..0));
    }

    #[test]
    fn long_windows_are_cut_into_equal_parts_that_still_cover_every_frame_once() {
        let cut = bounded(windows(5000, 48), 1024);
        assert!(cut.iter().all(|r| r.len() <= 1024 && !r.is_empty()));
        assert_eq!(cut.first().map(|r| r.start), Some(0));
        assert_eq!(cut.last().map(|r| r.end), Some(5000));
        assert!(cut.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(bounded(std::iter::once(0..1000).collect(), 1024).len(), 1);
        assert_eq!(
            bounded(std::iter::once(0..2050).collect(), 1024),
            vec![0..684, 684..1368, 1368..2050]
        );
    }

    #[test]
    fn a_window_keeps_the_audio_of_its_own_frames() {
        let window = Window::around(10..20, 25, 8);
        assert_eq!(window.decoded, 2..25);
        let audio: Vec<f32> = (0..23 * 4).map(|i| i as f32).collect();
        let kept = window.keep(&audio).unwrap_or_default();
        assert_eq!(kept.len(), 40);
        assert_eq!(kept[0], 32.0, "frame 10 is the 9th decoded frame");
        assert_eq!(window.keep(&audio[1..]), None);
        let latent = Latent {
            channels: 2,
            frames: 5,
            data: &[0.0, 1.0, 2.0, 3.0, 4.0, 10.0, 11.0, 12.0, 13.0, 14.0],
        };
        assert_eq!(latent.frames(1..3), vec![1.0, 2.0, 11.0, 12.0]);
    }
}
