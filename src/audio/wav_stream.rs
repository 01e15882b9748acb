//! Streaming audio output: mono 16-bit PCM over any [`Write`], fed clip by clip as the clips
//! are synthesized, as a WAV stream (a header whose length is "as long as it goes", then the
//! samples) or as raw samples like Piper's `--output-raw`. `nashra say -o -` uses it so that a
//! player on the other end of a pipe starts after the first sentence.
use std::io::{self, Write};

use crate::audio::wav::to_i16;
use crate::audio::Clip;

/// The data length a streamed WAV header announces: the largest even length below 2 GiB, as
/// `arecord` writes when it records to a pipe (players read on until the stream ends).
pub const STREAMING_DATA_LENGTH: u32 = 0x7FFF_FFFE;

/// What goes on the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    /// A WAV header of unknown length, then the samples.
    Wav,
    /// The samples alone (signed 16-bit little-endian, mono).
    Raw,
}

/// Errors of a stream.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// Writing failed (a closed pipe is reported as [`io::ErrorKind::BrokenPipe`]).
    #[error("audio stream: {0}")]
    Io(#[from] io::Error),
    /// A clip at another sample rate than the stream's.
    #[error("audio stream at {stream} Hz was given a clip at {clip} Hz")]
    RateMismatch {
        /// The stream's rate.
        stream: u32,
        /// The clip's rate.
        clip: u32,
    },
}

impl StreamError {
    /// True when the reader went away (e.g. the player on a pipe was stopped).
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, Self::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// A mono 16-bit PCM stream over `W`; every clip is written and flushed as it comes.
pub struct PcmStream<W: Write> {
    out: W,
    sample_rate: u32,
    samples_written: u64,
    /// Reused conversion buffer.
    bytes: Vec<u8>,
}

impl<W: Write> PcmStream<W> {
    /// Start a stream at `sample_rate`; a WAV stream writes (and flushes) its header now.
    pub fn new(mut out: W, format: StreamFormat, sample_rate: u32) -> Result<Self, StreamError> {
        if format == StreamFormat::Wav {
            out.write_all(&wav_header(sample_rate, STREAMING_DATA_LENGTH))?;
            out.flush()?;
        }
        Ok(Self {
            out,
            sample_rate,
            samples_written: 0,
            bytes: Vec::new(),
        })
    }

    /// The stream's sample rate.
    pub fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    /// Samples written so far.
    pub fn samples_written(&self) -> u64 {
        self.samples_written
    }

    /// Append `clip` (same rate as the stream) and flush it.
    pub fn write_clip(&mut self, clip: &Clip) -> Result<(), StreamError> {
        if clip.sample_rate != self.sample_rate && !clip.samples.is_empty() {
            return Err(StreamError::RateMismatch {
                stream: self.sample_rate,
                clip: clip.sample_rate,
            });
        }
        self.write_samples(&clip.samples)
    }

    /// Append `millis` milliseconds of silence and flush it.
    pub fn write_silence(&mut self, millis: u32) -> Result<(), StreamError> {
        let silence = Clip::silence(millis, self.sample_rate);
        self.write_samples(&silence.samples)
    }

    /// Flush and give back the writer.
    pub fn finish(mut self) -> Result<W, StreamError> {
        self.out.flush()?;
        Ok(self.out)
    }

    /// Append samples at the stream's rate and flush them.
    pub fn write_samples(&mut self, samples: &[f32]) -> Result<(), StreamError> {
        if samples.is_empty() {
            return Ok(());
        }
        self.bytes.clear();
        self.bytes.reserve(samples.len() * 2);
        for &sample in samples {
            self.bytes.extend_from_slice(&to_i16(sample).to_le_bytes());
        }
        self.out.write_all(&self.bytes)?;
        self.out.flush()?;
        self.samples_written += samples.len() as u64;
        Ok(())
    }
}

/// The 44-byte header of a mono 16-bit PCM WAV file whose data chunk is `data_length` bytes.
pub fn wav_header(sample_rate: u32, data_length: u32) -> [u8; 44] {
    const CHANNELS: u16 = 1;
    const BITS: u16 = 16;
    let block_align = CHANNELS * BITS / 8;
    let byte_rate = sample_rate * u32::from(block_align);
    let mut header = [0u8; 44];
    let fields: [&[u8]; 13] = [
        b"RIFF",
        &data_length.saturating_add(36).to_le_bytes(),
        b"WAVE",
        b"fmt ",
        &16u32.to_le_bytes(),
        &1u16.to_le_bytes(), // PCM
        &CHANNELS.to_le_bytes(),
        &sample_rate.to_le_bytes(),
        &byte_rate.to_le_bytes(),
        &block_align.to_le_bytes(),
        &BITS.to_le_bytes(),
        b"data",
        &data_length.to_le_bytes(),
    ];
    let mut at = 0;
    for field in fields {
        header[at..at + field.len()].copy_from_slice(field);
        at += field.len();
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wav_stream_is_the_wav_file_with_an_open_length() -> Result<(), Box<dyn std::error::Error>> {
        let first = Clip::new(vec![0.0, 0.5, -0.5, 1.0], 22050);
        let second = Clip::new(vec![-1.0, 0.25], 22050);
        let mut stream = PcmStream::new(Vec::new(), StreamFormat::Wav, 22050)?;
        stream.write_clip(&first)?;
        stream.write_silence(1)?;
        stream.write_clip(&second)?;
        assert_eq!(stream.samples_written(), 4 + 22 + 2);
        let bytes = stream.finish()?;
        // The same samples written as a whole file by hound.
        let mut whole = first.samples.clone();
        whole.extend(Clip::silence(1, 22050).samples);
        whole.extend(&second.samples);
        let file = crate::audio::wav::encode_wav(&Clip::new(whole, 22050))?;
        assert_eq!(bytes.len(), file.len());
        assert_eq!(bytes[44..], file[44..], "same samples");
        assert_eq!(bytes[..4], file[..4]);
        assert_eq!(bytes[8..40], file[8..40], "same format");
        assert_eq!(bytes[40..44], STREAMING_DATA_LENGTH.to_le_bytes());
        // A complete header with the true length is hound's header exactly.
        let data = (file.len() - 44) as u32;
        assert_eq!(wav_header(22050, data)[..], file[..44]);
        Ok(())
    }

    #[test]
    fn raw_stream_is_bare_samples_and_rates_must_match() -> Result<(), StreamError> {
        let mut stream = PcmStream::new(Vec::new(), StreamFormat::Raw, 16000)?;
        stream.write_clip(&Clip::new(vec![1.0, -1.0], 16000))?;
        let mismatch = stream.write_clip(&Clip::new(vec![0.1], 22050));
        assert!(matches!(
            mismatch,
            Err(StreamError::RateMismatch {
                stream: 16000,
                clip: 22050
            })
        ));
        let bytes = stream.finish()?;
        assert_eq!(bytes, [0xFF, 0x7F, 0x01, 0x80]);
        Ok(())
    }

    #[test]
    fn a_closed_reader_is_told_apart() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let error = PcmStream::new(Closed, StreamFormat::Wav, 22050).err();
        assert!(error.is_some_and(|e| e.is_closed_pipe()));
    }
}
