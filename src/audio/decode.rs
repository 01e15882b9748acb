//! Decoding common audio files (WAV, MP3, FLAC, Ogg Vorbis, …) with symphonia into a mono
//! clip: for user earcons and music, and for checking our own MP3 output.
//!
//! MP3 files written by LAME carry their encoder delay and padding in the LAME tag; symphonia
//! removes both, so a decoded [`super::mp3`] file has exactly the samples that were encoded.
use std::fs::File;
use std::io::Cursor;
use std::path::Path;

use symphonia::core::codecs::audio::AudioDecoderOptions;
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::probe::Hint;
use symphonia::core::formats::{FormatOptions, FormatReader, TrackType};
use symphonia::core::io::{MediaSource, MediaSourceStream};
use symphonia::core::meta::MetadataOptions;

use super::{AudioError, Cause, Clip};

/// Longest audio decoded, in seconds (3 hours).
pub const MAX_DECODED_SECONDS: u32 = 3 * 3600;

/// Largest input file accepted, in bytes (1 GiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Decode the audio file at `path` to a mono clip (channels averaged) at its own rate.
pub fn decode_file(path: &Path) -> Result<Clip, AudioError> {
    let io_error = |source| AudioError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(AudioError::Decode {
            message: format!("{}: file too large ({size} bytes)", path.display()),
            source: None,
        });
    }
    let mut hint = Hint::new();
    if let Some(extension) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(extension);
    }
    decode_source(Box::new(file), &hint).map_err(|e| e.into_error(Some(path)))
}

/// Decode the audio file at `path` chunk by chunk, without holding the whole signal:
/// `on_chunk` receives mono samples and their rate, in order. `extension` (e.g. `"mp3"`)
/// helps format detection when the file's own name does not tell.
pub fn decode_file_with(
    path: &Path,
    extension: Option<&str>,
    on_chunk: &mut dyn FnMut(&[f32], u32),
) -> Result<(), AudioError> {
    let file = File::open(path).map_err(|source| AudioError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hint = Hint::new();
    if let Some(extension) = extension.or_else(|| path.extension().and_then(|e| e.to_str())) {
        hint.with_extension(extension);
    }
    decode_stream(Box::new(file), &hint, on_chunk).map_err(|e| e.into_error(Some(path)))
}

/// Decode the audio arriving on `reader` (no seeking) chunk by chunk, like
/// [`decode_file_with`]; `name` is used in errors.
pub fn decode_reader_with<R: std::io::Read + Send + Sync + 'static>(
    reader: R,
    extension: Option<&str>,
    name: &Path,
    on_chunk: &mut dyn FnMut(&[f32], u32),
) -> Result<(), AudioError> {
    let mut hint = Hint::new();
    if let Some(extension) = extension {
        hint.with_extension(extension);
    }
    let source = symphonia::core::io::ReadOnlySource::new(reader);
    decode_stream(Box::new(source), &hint, on_chunk).map_err(|e| e.into_error(Some(name)))
}

/// Decode an in-memory audio file; `extension` (e.g. `"mp3"`) helps format detection.
pub fn decode_bytes(bytes: Vec<u8>, extension: Option<&str>) -> Result<Clip, AudioError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(AudioError::Decode {
            message: format!("input too large ({} bytes)", bytes.len()),
            source: None,
        });
    }
    let mut hint = Hint::new();
    if let Some(extension) = extension {
        hint.with_extension(extension);
    }
    decode_source(Box::new(Cursor::new(bytes)), &hint).map_err(|e| e.into_error(None))
}

/// Decode an in-memory audio file chunk by chunk, without holding the whole signal: `on_chunk`
/// receives mono samples and their rate, in order.
pub fn decode_bytes_with(
    bytes: &[u8],
    extension: Option<&str>,
    on_chunk: &mut dyn FnMut(&[f32], u32),
) -> Result<(), AudioError> {
    let mut hint = Hint::new();
    if let Some(extension) = extension {
        hint.with_extension(extension);
    }
    let source = Box::new(Cursor::new(bytes.to_vec()));
    decode_stream(source, &hint, on_chunk).map_err(|e| e.into_error(None))
}

/// Why the decoding loop stopped: its message, and symphonia's error when one is behind it.
#[derive(Debug)]
struct Failed {
    message: String,
    source: Option<Cause>,
}

impl Failed {
    /// The error to return, naming `path` when the audio came from a file.
    fn into_error(self, path: Option<&Path>) -> AudioError {
        let message = match path {
            Some(path) => format!("{}: {}", path.display(), self.message),
            None => self.message,
        };
        AudioError::Decode {
            message,
            source: self.source,
        }
    }
}

impl From<String> for Failed {
    fn from(message: String) -> Self {
        Self {
            message,
            source: None,
        }
    }
}

impl From<SymphoniaError> for Failed {
    fn from(error: SymphoniaError) -> Self {
        Self {
            message: error.to_string(),
            source: Some(Box::new(error)),
        }
    }
}

/// The decoding loop shared by files and memory.
fn decode_source(source: Box<dyn MediaSource>, hint: &Hint) -> Result<Clip, Failed> {
    let mut samples: Vec<f32> = Vec::new();
    let mut sample_rate = 0u32;
    decode_stream(source, hint, &mut |chunk, rate| {
        sample_rate = rate;
        samples.extend_from_slice(chunk);
    })?;
    Ok(Clip::new(samples, sample_rate))
}

/// Decode `source`, handing each packet's mono samples to `on_chunk`.
fn decode_stream(
    source: Box<dyn MediaSource>,
    hint: &Hint,
    on_chunk: &mut dyn FnMut(&[f32], u32),
) -> Result<(), Failed> {
    let stream = MediaSourceStream::new(source, Default::default());
    let mut format = symphonia::default::get_probe().probe(
        hint,
        stream,
        FormatOptions::default(),
        MetadataOptions::default(),
    )?;
    let (track_id, mut decoder) = open_decoder(format.as_mut())?;
    let mut interleaved: Vec<f32> = Vec::new();
    let mut mono: Vec<f32> = Vec::new();
    let mut decoded = 0u64;
    let mut sample_rate = 0u32;
    loop {
        let packet = match format.next_packet() {
            Ok(Some(packet)) => packet,
            Ok(None) | Err(SymphoniaError::ResetRequired) => break,
            Err(SymphoniaError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                break
            }
            Err(e) => return Err(e.into()),
        };
        if packet.track_id != track_id {
            continue;
        }
        let buffer = match decoder.decode(&packet) {
            Ok(buffer) => buffer,
            Err(SymphoniaError::DecodeError(_)) | Err(SymphoniaError::IoError(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        sample_rate = buffer.spec().rate();
        let channels = buffer.num_planes().max(1);
        buffer.copy_to_vec_interleaved(&mut interleaved);
        mono.clear();
        mono.extend(
            interleaved
                .chunks(channels)
                .map(|frame| frame.iter().sum::<f32>() / channels as f32),
        );
        decoded += mono.len() as u64;
        if decoded > u64::from(MAX_DECODED_SECONDS) * u64::from(sample_rate) {
            return Err(format!("audio longer than {MAX_DECODED_SECONDS} s").into());
        }
        on_chunk(&mono, sample_rate);
    }
    if sample_rate == 0 {
        return Err("no audio decoded".to_string().into());
    }
    Ok(())
}

type Decoder = Box<dyn symphonia::core::codecs::audio::AudioDecoder>;

fn open_decoder(format: &mut dyn FormatReader) -> Result<(u32, Decoder), Failed> {
    let track = format
        .default_track(TrackType::Audio)
        .ok_or_else(|| "no audio track".to_string())?;
    let parameters = track
        .codec_params
        .as_ref()
        .and_then(|p| p.audio())
        .ok_or_else(|| "no audio codec parameters".to_string())?;
    let decoder = symphonia::default::get_codecs()
        .make_audio_decoder(parameters, &AudioDecoderOptions::default())?;
    Ok((track.id, decoder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_decode_keeps_symphonias_error_as_its_source() {
        let error = decode_bytes(b"this is not audio at all".to_vec(), Some("mp3"))
            .expect_err("text is not audio");
        assert!(
            error.to_string().starts_with("cannot decode audio: "),
            "{error}"
        );
        let source = std::error::Error::source(&error).expect("a source");
        assert!(
            source.downcast_ref::<SymphoniaError>().is_some(),
            "{source:?}"
        );
        assert!(error.to_string().ends_with(&source.to_string()), "{error}");
    }

    #[test]
    fn decodes_wav_from_file_and_memory_to_mono() -> Result<(), Box<dyn std::error::Error>> {
        // A stereo 16-bit WAV: left a tone, right silence → mono is half the tone.
        let spec = hound::WavSpec {
            channels: 2,
            sample_rate: 16000,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("stereo.wav");
        let mut writer = hound::WavWriter::create(&path, spec)?;
        for i in 0..8000 {
            let left = (0.8 * (i as f32 * 0.1).sin() * 32767.0) as i16;
            writer.write_sample(left)?;
            writer.write_sample(0i16)?;
        }
        writer.finalize()?;
        let clip = decode_file(&path)?;
        assert_eq!(clip.sample_rate, 16000);
        assert_eq!(clip.samples.len(), 8000);
        let expected = 0.4 * (100.0f32 * 0.1).sin();
        assert!((clip.samples[100] - expected).abs() < 1e-3);
        let from_memory = decode_bytes(std::fs::read(&path)?, None)?;
        assert_eq!(from_memory, clip);
        Ok(())
    }

    #[test]
    fn garbage_and_missing_files_are_errors() {
        assert!(decode_bytes(b"definitely not audio".to_vec(), Some("mp3")).is_err());
        assert!(decode_bytes(Vec::new(), None).is_err());
        assert!(decode_file(Path::new("/nonexistent/file.ogg")).is_err());
    }
}
