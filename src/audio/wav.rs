//! WAV output and input (mono, 16-bit PCM) with hound.
use std::io;
use std::path::{Path, PathBuf};

use super::Clip;

/// Errors reading or writing WAV files.
#[derive(Debug, thiserror::Error)]
pub enum WavError {
    /// The file could not be written or read.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The WAV encoder or decoder failed.
    #[error("{path}: {source}")]
    Format {
        /// The file concerned.
        path: PathBuf,
        /// What went wrong.
        source: hound::Error,
    },
}

/// Convert one `f32` sample to 16-bit PCM with clamping.
pub fn to_i16(sample: f32) -> i16 {
    (sample.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round() as i16
}

/// Encode `clip` as a mono 16-bit PCM WAV file in memory.
#[cfg(test)]
pub fn encode_wav(clip: &Clip) -> Result<Vec<u8>, hound::Error> {
    let mut cursor = io::Cursor::new(Vec::with_capacity(44 + clip.samples.len() * 2));
    encode_wav_into(clip, &mut cursor)?;
    Ok(cursor.into_inner())
}

/// Encode `clip` as a mono 16-bit PCM WAV file into `out`.
fn encode_wav_into<W: io::Write + io::Seek>(clip: &Clip, out: W) -> Result<(), hound::Error> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: clip.sample_rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::new(out, spec)?;
    let mut samples = writer.get_i16_writer(clip.samples.len() as u32);
    for &s in &clip.samples {
        samples.write_sample(to_i16(s));
    }
    samples.flush()?;
    writer.finalize()
}

/// Write `clip` to `path` as mono 16-bit PCM WAV, atomically (temporary file, then rename),
/// streaming the samples to disk rather than building the file in memory.
pub fn write_wav(path: &Path, clip: &Clip) -> Result<(), WavError> {
    let mut format_error = None;
    let written = crate::fsutil::write_atomic_with(path, |file| {
        encode_wav_into(clip, io::BufWriter::new(file)).map_err(|e| match e {
            hound::Error::IoError(io) => io,
            other => {
                let message = other.to_string();
                format_error = Some(other);
                io::Error::other(message)
            }
        })
    });
    match (written, format_error) {
        (Err(_), Some(source)) => Err(WavError::Format {
            path: path.to_path_buf(),
            source,
        }),
        (Err(source), None) => Err(WavError::Io {
            path: path.to_path_buf(),
            source,
        }),
        (Ok(()), _) => Ok(()),
    }
}

/// Read a WAV file (any integer or float PCM, mixed down to mono) into a clip.
pub fn read_wav(path: &Path) -> Result<Clip, WavError> {
    let format_err = |source| WavError::Format {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = hound::WavReader::open(path).map_err(format_err)?;
    let spec = reader.spec();
    let channels = usize::from(spec.channels.max(1));
    let interleaved: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => reader
            .samples::<f32>()
            .collect::<Result<_, _>>()
            .map_err(format_err)?,
        hound::SampleFormat::Int => {
            let scale = (1i64 << (spec.bits_per_sample.saturating_sub(1))) as f32;
            reader
                .samples::<i32>()
                .map(|s| s.map(|v| v as f32 / scale))
                .collect::<Result<_, _>>()
                .map_err(format_err)?
        }
    };
    let samples = interleaved
        .chunks(channels)
        .map(|frame| frame.iter().sum::<f32>() / channels as f32)
        .collect();
    Ok(Clip::new(samples, spec.sample_rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wav_round_trip_keeps_rate_and_length() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.wav");
        let clip = Clip::new(
            (0..2205).map(|i| (i as f32 * 0.05).sin() * 0.5).collect(),
            22050,
        );
        write_wav(&path, &clip)?;
        let back = read_wav(&path)?;
        assert_eq!(back.sample_rate, 22050);
        assert_eq!(back.samples.len(), clip.samples.len());
        assert!((back.samples[100] - clip.samples[100]).abs() < 1e-3);
        Ok(())
    }
}
