//! MP3 output: 44.1 kHz mono constant-bit-rate MP3 with LAME (mp3lame-encoder), preceded by an
//! ID3v2.4 tag (id3 crate) with title, artist, album, date, comment, language, length and
//! CHAP/CTOC chapter frames.
//!
//! Timing: LAME delays the audio by its encoder delay (576 + 529 samples) and pads the end.
//! Both are recorded in the LAME/Info tag of the first frame, which we fill in after encoding,
//! so gapless decoders (symphonia, ffmpeg, Apple, most podcast apps) return exactly the encoded
//! samples and chapter times are exact. A decoder that ignores the tag plays everything about
//! 25 ms late, far below what a listener can notice at a chapter jump.
use std::path::{Path, PathBuf};

use id3::frame::{Chapter as Id3Chapter, Comment, TableOfContents, Timestamp};
use id3::{Frame, Tag, TagLike, Version};
use mp3lame_encoder::{Bitrate, Builder, FlushGap, Mode, MonoPcm, Quality};

use super::chapters::Chapter;
use super::decode::{decode_bytes_with, decode_file_with};
use super::loudness::{limit_in_place, Loudness, StreamingMeter};
use super::{AudioError, Clip};

/// Sample rate of every MP3 we write.
pub const MP3_SAMPLE_RATE: u32 = 44_100;

/// Default bit rate for speech, in kbit/s.
pub const DEFAULT_BITRATE_KBPS: u32 = 64;

/// Element id of the top-level table of contents.
pub const TOC_ELEMENT_ID: &str = "toc";

/// How far below the true-peak ceiling [`encode_mp3_verified`] first limits the programme,
/// to leave room for the peaks MP3 coding adds.
pub const MP3_PEAK_HEADROOM_DB: f64 = 0.6;

/// Most encodings [`encode_mp3_verified`] makes.
pub const MAX_ENCODINGS: usize = 3;

/// Samples handed to LAME per call.
const CHUNK_SAMPLES: usize = 1152 * 64;

/// Longest programme encoded, in seconds (3 hours).
const MAX_SECONDS: u32 = 3 * 3600;

/// Tag metadata of the MP3 file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mp3Meta {
    /// Episode title (TIT2).
    pub title: String,
    /// Artist / programme maker (TPE1).
    pub artist: String,
    /// Album / programme name (TALB).
    pub album: String,
    /// Recording date, ISO 8601 (`YYYY-MM-DD`, TDRC); empty for none.
    pub date: String,
    /// Comment (COMM); empty for none.
    pub comment: String,
    /// ISO 639-2 language code for TLAN and COMM (e.g. `ara`); empty gives `und`.
    pub language: String,
    /// Chapters, one CHAP frame each, listed in order by one CTOC frame.
    pub chapters: Vec<Chapter>,
}

/// Encode `clip` (must be 44.1 kHz; resample first) as mono CBR MP3 at `bitrate_kbps`, with an
/// ID3v2.4 tag built from `meta` in front.
pub fn encode_mp3(clip: &Clip, bitrate_kbps: u32, meta: &Mp3Meta) -> Result<Vec<u8>, AudioError> {
    let audio = encode_audio(clip, bitrate_kbps)?;
    let duration_ms = (clip.samples.len() as u64 * 1000 / u64::from(MP3_SAMPLE_RATE)) as u32;
    let tag = id3_tag(meta, duration_ms)?;
    let mut out = Vec::with_capacity(audio.len() + 4096);
    tag.write_to(&mut out, Version::Id3v24)
        .map_err(|e| AudioError::Tag(e.to_string()))?;
    out.extend_from_slice(&audio);
    Ok(out)
}

/// An MP3 file checked by decoding it back.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedMp3 {
    /// The complete file (ID3 tag and audio).
    pub bytes: Vec<u8>,
    /// Loudness of the decoded file: what listeners get.
    pub loudness: Loudness,
    /// How many times the programme was encoded (1 unless peaks had to be lowered).
    pub encodings: usize,
}

/// Loudness of an encoded MP3, decoded and measured chunk by chunk (never whole in memory).
pub fn measure_encoded(bytes: &[u8]) -> Result<Loudness, AudioError> {
    measure_decoded(&mut |on_chunk| decode_bytes_with(bytes, Some("mp3"), on_chunk))
}

/// Loudness of the MP3 file at `path`, decoded and measured chunk by chunk.
pub fn measure_encoded_file(path: &Path) -> Result<Loudness, AudioError> {
    measure_decoded(&mut |on_chunk| decode_file_with(path, Some("mp3"), on_chunk))
}

/// Loudness of the MP3 stream whose bytes arrive on `bytes` as it is encoded (see
/// [`Mp3FileWriter::tap`]), decoded and measured chunk by chunk, side by side with the
/// encoder. The stream has no LAME tag yet, so the encoder's delay is decoded too: a few
/// milliseconds of silence at the start, which measure as nothing.
pub fn measure_encoded_stream(
    bytes: std::sync::mpsc::Receiver<Vec<u8>>,
) -> Result<Loudness, AudioError> {
    let mut reader = Some(ChannelReader {
        bytes: std::sync::Mutex::new(bytes),
        current: Vec::new(),
        at: 0,
    });
    let name = Path::new("MP3 stream");
    measure_decoded(&mut |on_chunk| match reader.take() {
        Some(reader) => super::decode::decode_reader_with(reader, Some("mp3"), name, on_chunk),
        None => Err(AudioError::Unmeasurable),
    })
}

/// Bytes read from a channel, in order, until every sender is gone (the lock only makes it
/// shareable, as the decoder's source must be).
struct ChannelReader {
    bytes: std::sync::Mutex<std::sync::mpsc::Receiver<Vec<u8>>>,
    current: Vec<u8>,
    at: usize,
}

impl std::io::Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.current.len() {
            let next = match self.bytes.get_mut() {
                Ok(receiver) => receiver.recv(),
                Err(_) => return Ok(0),
            };
            match next {
                Ok(bytes) => (self.current, self.at) = (bytes, 0),
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len() - self.at);
        buf[..n].copy_from_slice(&self.current[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// A writer that also hands a copy of every byte to a channel (while anyone listens).
struct Tapped<'a> {
    file: &'a mut std::io::BufWriter<std::fs::File>,
    tap: &'a mut Option<std::sync::mpsc::Sender<Vec<u8>>>,
}

impl std::io::Write for Tapped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        if let Some(tap) = self.tap.as_ref() {
            if tap.send(buf[..n].to_vec()).is_err() {
                *self.tap = None;
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// A decoder handing mono samples and their rate to a callback, chunk by chunk.
type ChunkDecoder<'a> = dyn FnMut(&mut dyn FnMut(&[f32], u32)) -> Result<(), AudioError> + 'a;

/// Loudness of what `decode` hands to its chunk callback.
fn measure_decoded(decode: &mut ChunkDecoder<'_>) -> Result<Loudness, AudioError> {
    let mut meter = StreamingMeter::new();
    let mut failure = None;
    decode(&mut |chunk, rate| {
        if failure.is_none() {
            failure = meter.add(chunk, rate).err();
        }
    })?;
    match failure {
        Some(error) => Err(error),
        None => meter.finish(),
    }
}

/// Encode like [`encode_mp3`], decode the result and measure it, keeping the finished file's
/// true peak at or below `max_true_peak_dbtp`.
///
/// MP3 coding adds quantization noise that raises true peaks, at 64 kbit/s by up to 1–2 dB on
/// noisy transients. So `clip` should come normalized with its peaks [`MP3_PEAK_HEADROOM_DB`]
/// under the ceiling (as the streamed production does); if the decoded file still
/// exceeds it, the programme's peaks are limited lower by the excess — in place, so a WAV
/// written from `clip` afterwards holds the same audio — and encoded again (at most
/// [`MAX_ENCODINGS`] times; the last result is returned whatever it measures). Limiting only
/// touches the peaks, so loudness barely moves; the returned loudness is that of the finished
/// file, for the run report.
pub fn encode_mp3_verified(
    clip: &mut Clip,
    bitrate_kbps: u32,
    meta: &Mp3Meta,
    max_true_peak_dbtp: f64,
) -> Result<VerifiedMp3, AudioError> {
    let mut ceiling = max_true_peak_dbtp - MP3_PEAK_HEADROOM_DB;
    let mut encodings = 0;
    loop {
        encodings += 1;
        let bytes = encode_mp3(clip, bitrate_kbps, meta)?;
        let loudness = measure_encoded(&bytes)?;
        let excess = loudness.true_peak_dbtp - max_true_peak_dbtp;
        if excess <= 0.0 || encodings == MAX_ENCODINGS {
            return Ok(VerifiedMp3 {
                bytes,
                loudness,
                encodings,
            });
        }
        // The overshooting peak need not be one the limiter touched yet: step down by at
        // least 0.3 dB, with a margin that grows per pass.
        ceiling -= excess.max(0.3) + 0.1 * encodings as f64;
        limit_in_place(&mut clip.samples, clip.sample_rate, ceiling);
    }
}

/// Encode like [`encode_mp3`] and write the file to `path` atomically.
pub fn write_mp3(
    path: &Path,
    clip: &Clip,
    bitrate_kbps: u32,
    meta: &Mp3Meta,
) -> Result<(), AudioError> {
    let bytes = encode_mp3(clip, bitrate_kbps, meta)?;
    crate::fsutil::write_atomic(path, &bytes).map_err(|source| AudioError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The bare MP3 stream (no ID3 tag) for `clip`, starting with a LAME/Info frame that records
/// the encoder delay and padding.
pub fn encode_audio(clip: &Clip, bitrate_kbps: u32) -> Result<Vec<u8>, AudioError> {
    if clip.sample_rate != MP3_SAMPLE_RATE {
        return Err(AudioError::InvalidSampleRate(clip.sample_rate));
    }
    check_length(clip.samples.len())?;
    let mut encoder = Mp3Encoder::new(bitrate_kbps)?;
    let estimated = clip.samples.len() / 8 * bitrate_kbps as usize / 88 + 8192;
    let mut out: Vec<u8> = Vec::with_capacity(estimated);
    encoder.push(&clip.samples, &mut out)?;
    let tag = encoder.finish(&mut out)?;
    if tag.len() > out.len() {
        return Err(AudioError::encode_message("no LAME tag frame"));
    }
    out[..tag.len()].copy_from_slice(&tag);
    Ok(out)
}

fn check_length(samples: usize) -> Result<(), AudioError> {
    let seconds = samples as f64 / f64::from(MP3_SAMPLE_RATE);
    if seconds > f64::from(MAX_SECONDS) {
        return Err(AudioError::TooLong {
            seconds,
            limit_seconds: MAX_SECONDS,
        });
    }
    Ok(())
}

/// A LAME encoder fed block by block (44.1 kHz mono): the stream it writes starts with a
/// placeholder frame, which [`Mp3Encoder::finish`]'s LAME/Info tag replaces.
pub struct Mp3Encoder {
    encoder: mp3lame_encoder::Encoder,
    compensation: f32,
    pending: Vec<f32>,
    chunk: Vec<f32>,
    bytes: Vec<u8>,
}

impl Mp3Encoder {
    /// An encoder at `bitrate_kbps`.
    pub fn new(bitrate_kbps: u32) -> Result<Self, AudioError> {
        Ok(Self {
            encoder: build_encoder(bitrate_kbps)?,
            compensation: 1.0 / lame_input_scale(bitrate_kbps),
            pending: Vec::with_capacity(CHUNK_SAMPLES),
            chunk: Vec::with_capacity(CHUNK_SAMPLES),
            bytes: Vec::new(),
        })
    }

    /// Encode `samples` (handed to LAME in chunks of the same size whatever the blocks are);
    /// the encoded bytes go to `out`.
    pub fn push(
        &mut self,
        samples: &[f32],
        out: &mut dyn std::io::Write,
    ) -> Result<(), AudioError> {
        let mut rest = samples;
        while !rest.is_empty() {
            let take = (CHUNK_SAMPLES - self.pending.len()).min(rest.len());
            self.pending.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.pending.len() == CHUNK_SAMPLES {
                self.encode_pending(out)?;
            }
        }
        Ok(())
    }

    fn encode_pending(&mut self, out: &mut dyn std::io::Write) -> Result<(), AudioError> {
        let compensation = self.compensation;
        self.chunk.clear();
        self.chunk.extend(self.pending.iter().map(|&s| {
            if s.is_finite() {
                s.clamp(-1.0, 1.0) * compensation
            } else {
                0.0
            }
        }));
        self.pending.clear();
        self.bytes.clear();
        self.bytes
            .reserve(mp3lame_encoder::max_required_buffer_size(self.chunk.len()));
        self.encoder
            .encode_to_vec(MonoPcm(self.chunk.as_slice()), &mut self.bytes)
            .map_err(AudioError::encode)?;
        out.write_all(&self.bytes).map_err(write_error)
    }

    /// Encode what is left and flush the encoder into `out`; returns the LAME/Info tag frame,
    /// to be written over the stream's first bytes.
    pub fn finish(mut self, out: &mut dyn std::io::Write) -> Result<Vec<u8>, AudioError> {
        if !self.pending.is_empty() {
            self.encode_pending(out)?;
        }
        self.bytes.clear();
        self.bytes
            .reserve(mp3lame_encoder::max_required_buffer_size(0));
        self.encoder
            .flush_to_vec::<FlushGap>(&mut self.bytes)
            .map_err(AudioError::encode)?;
        out.write_all(&self.bytes).map_err(write_error)?;
        lame_tag(&self.encoder)
    }
}

fn write_error(source: std::io::Error) -> AudioError {
    AudioError::Io {
        path: PathBuf::from("MP3 stream"),
        source,
    }
}

/// An MP3 file written as the programme streams by: the ID3 tag (which needs the length, so
/// it is given up front), then the audio; the LAME/Info tag is filled in at the end.
pub struct Mp3FileWriter {
    encoder: Mp3Encoder,
    file: std::io::BufWriter<std::fs::File>,
    path: tempfile::TempPath,
    audio_start: u64,
    tap: Option<std::sync::mpsc::Sender<Vec<u8>>>,
}

impl Mp3FileWriter {
    /// Start a file in `dir` (a temporary file until [`Mp3FileWriter::finish`]) for
    /// `total_samples` samples at 44.1 kHz.
    pub fn create(
        dir: &Path,
        bitrate_kbps: u32,
        meta: &Mp3Meta,
        total_samples: usize,
    ) -> Result<Self, AudioError> {
        check_length(total_samples)?;
        let encoder = Mp3Encoder::new(bitrate_kbps)?;
        let duration_ms = (total_samples as u64 * 1000 / u64::from(MP3_SAMPLE_RATE)) as u32;
        let tag = id3_tag(meta, duration_ms)?;
        let mut head = Vec::new();
        tag.write_to(&mut head, Version::Id3v24)
            .map_err(|e| AudioError::Tag(e.to_string()))?;
        let temp = super::stream::output_temp_file(dir)?;
        let (file, path) = temp.into_parts();
        let mut file = std::io::BufWriter::with_capacity(1 << 18, file);
        std::io::Write::write_all(&mut file, &head).map_err(write_error)?;
        Ok(Self {
            encoder,
            file,
            path,
            audio_start: head.len() as u64,
            tap: None,
        })
    }

    /// Hand a copy of the encoded audio, as it is made, to a receiver (e.g.
    /// [`measure_encoded_stream`] on another thread); the channel closes when the file is
    /// finished.
    pub fn tap(&mut self) -> std::sync::mpsc::Receiver<Vec<u8>> {
        let (sender, receiver) = std::sync::mpsc::channel();
        self.tap = Some(sender);
        receiver
    }

    /// Encode `samples`.
    pub fn push(&mut self, samples: &[f32]) -> Result<(), AudioError> {
        let mut out = Tapped {
            file: &mut self.file,
            tap: &mut self.tap,
        };
        self.encoder.push(samples, &mut out)
    }

    /// Finish the stream and its LAME tag; the complete file is at the returned path (removed
    /// when it is dropped unless persisted).
    pub fn finish(self) -> Result<tempfile::TempPath, AudioError> {
        use std::io::{Seek, SeekFrom, Write};
        let (mut file, mut tap) = (self.file, self.tap);
        let tag = self.encoder.finish(&mut Tapped {
            file: &mut file,
            tap: &mut tap,
        })?;
        drop(tap);
        let mut file = file.into_inner().map_err(|e| write_error(e.into_error()))?;
        file.seek(SeekFrom::Start(self.audio_start))
            .map_err(write_error)?;
        file.write_all(&tag).map_err(write_error)?;
        file.sync_all().map_err(write_error)?;
        Ok(self.path)
    }
}

fn build_encoder(bitrate_kbps: u32) -> Result<mp3lame_encoder::Encoder, AudioError> {
    let bitrate = bitrate_from_kbps(bitrate_kbps)?;
    let mut builder =
        Builder::new().ok_or_else(|| AudioError::encode_message("cannot allocate LAME"))?;
    builder.set_num_channels(1).map_err(AudioError::encode)?;
    builder
        .set_sample_rate(MP3_SAMPLE_RATE)
        .map_err(AudioError::encode)?;
    builder
        .set_output_sample_rate(std::num::NonZeroU32::new(MP3_SAMPLE_RATE))
        .map_err(AudioError::encode)?;
    builder.set_mode(Mode::Mono).map_err(AudioError::encode)?;
    builder.set_brate(bitrate).map_err(AudioError::encode)?;
    // LAME's -q 7 ("fast"): for 64 kbit/s mono speech it sounds the same as -q 5 and encodes
    // about 1.7 times faster, and encoding is the largest cost after synthesis.
    builder
        .set_quality(Quality::Ok)
        .map_err(AudioError::encode)?;
    builder
        .set_to_write_vbr_tag(true)
        .map_err(AudioError::encode)?;
    builder.build().map_err(AudioError::encode)
}

/// The final LAME/Info tag frame (delay, padding, length) for the placeholder first frame.
fn lame_tag(encoder: &mp3lame_encoder::Encoder) -> Result<Vec<u8>, AudioError> {
    let size = encoder.lame_tag_size();
    if size == 0 {
        return Err(AudioError::encode_message("no LAME tag frame"));
    }
    let mut tag = Vec::with_capacity(size);
    let written = encoder
        .lame_tag_encode_to_vec(&mut tag)
        .ok_or_else(|| AudioError::encode_message("cannot build the LAME tag"))?;
    tag.truncate(written.get());
    Ok(tag)
}

/// The input gain LAME's bit-rate presets apply in CBR mode (`abr_switch_map` in LAME 3.100
/// `presets.c`: 0.95 up to 160 kbit/s, then 0.97, 0.98, 1.0) to keep headroom against clipping.
/// We undo it so the MP3 plays at the programme's normalized loudness; the programme's true
/// peak is already at most −1 dBTP.
fn lame_input_scale(kbps: u32) -> f32 {
    match kbps {
        0..=160 => 0.95,
        161..=192 => 0.97,
        193..=224 => 0.98,
        _ => 1.0,
    }
}

/// The LAME bit rate for `kbps` (MPEG-1 layer III rates, 32…320).
fn bitrate_from_kbps(kbps: u32) -> Result<Bitrate, AudioError> {
    Ok(match kbps {
        32 => Bitrate::Kbps32,
        40 => Bitrate::Kbps40,
        48 => Bitrate::Kbps48,
        64 => Bitrate::Kbps64,
        80 => Bitrate::Kbps80,
        96 => Bitrate::Kbps96,
        112 => Bitrate::Kbps112,
        128 => Bitrate::Kbps128,
        160 => Bitrate::Kbps160,
        192 => Bitrate::Kbps192,
        224 => Bitrate::Kbps224,
        256 => Bitrate::Kbps256,
        320 => Bitrate::Kbps320,
        other => return Err(AudioError::InvalidBitrate(other)),
    })
}

/// The ID3v2 tag for `meta` and an audio length of `duration_ms`.
pub fn id3_tag(meta: &Mp3Meta, duration_ms: u32) -> Result<Tag, AudioError> {
    let mut tag = Tag::new();
    let language = iso639_2(&meta.language);
    set_if_present(&mut tag, "TIT2", &meta.title);
    set_if_present(&mut tag, "TPE1", &meta.artist);
    set_if_present(&mut tag, "TALB", &meta.album);
    tag.set_text("TLAN", language.clone());
    tag.set_text("TLEN", duration_ms.to_string());
    if !meta.date.trim().is_empty() {
        tag.set_date_recorded(parse_date(&meta.date)?);
    }
    if !meta.comment.is_empty() {
        tag.add_frame(Comment {
            lang: language,
            description: String::new(),
            text: meta.comment.clone(),
        });
    }
    add_chapters(&mut tag, &meta.chapters)?;
    Ok(tag)
}

/// An ISO 8601 date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally with a time) as an ID3
/// timestamp; anything the ID3 form would not reproduce exactly is rejected.
fn parse_date(text: &str) -> Result<Timestamp, AudioError> {
    let text = text.trim();
    let bad = || AudioError::Tag(format!("bad date {text:?}, expected YYYY-MM-DD"));
    let timestamp: Timestamp = text.parse().map_err(|_| bad())?;
    if timestamp.to_string() == text {
        Ok(timestamp)
    } else {
        Err(bad())
    }
}

fn set_if_present(tag: &mut Tag, id: &str, text: &str) {
    if !text.trim().is_empty() {
        tag.set_text(id, text.trim());
    }
}

/// A valid three-letter lowercase language code, `und` otherwise.
fn iso639_2(code: &str) -> String {
    let code = code.trim().to_ascii_lowercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        code
    } else {
        "und".to_string()
    }
}

/// One CHAP frame per chapter (time in ms, TIT2 title) and a top-level ordered CTOC listing them.
fn add_chapters(tag: &mut Tag, chapters: &[Chapter]) -> Result<(), AudioError> {
    if chapters.is_empty() {
        return Ok(());
    }
    let mut ids: Vec<String> = Vec::with_capacity(chapters.len());
    for chapter in chapters {
        let id = chapter.id.trim();
        if id.is_empty() || id == TOC_ELEMENT_ID || ids.iter().any(|known| known == id) {
            return Err(AudioError::Tag(format!(
                "bad or repeated chapter id {:?}",
                chapter.id
            )));
        }
        ids.push(id.to_string());
        tag.add_frame(Id3Chapter {
            element_id: id.to_string(),
            start_time: saturating_u32(chapter.start_ms),
            end_time: saturating_u32(chapter.end_ms.max(chapter.start_ms)),
            start_offset: u32::MAX,
            end_offset: u32::MAX,
            frames: vec![Frame::text("TIT2", chapter.title.clone())],
        });
    }
    tag.add_frame(TableOfContents {
        element_id: TOC_ELEMENT_ID.to_string(),
        top_level: true,
        ordered: true,
        elements: ids,
        frames: Vec::new(),
    });
    Ok(())
}

fn saturating_u32(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::super::decode::decode_bytes;
    use super::super::loudness::measure;
    use super::*;

    #[test]
    fn streaming_measurement_of_an_mp3_equals_measuring_it_whole() -> Result<(), AudioError> {
        let bytes = encode_mp3(&speechy(8.0), 64, &Mp3Meta::default())?;
        let whole = measure(&decode_bytes(bytes.clone(), Some("mp3"))?)?;
        let streamed = measure_encoded(&bytes)?;
        assert!((whole.integrated_lufs - streamed.integrated_lufs).abs() < 1e-6);
        assert!((whole.true_peak_dbtp - streamed.true_peak_dbtp).abs() < 1e-6);
        assert!((whole.range_lu - streamed.range_lu).abs() < 1e-6);
        Ok(())
    }

    fn speechy(seconds: f32) -> Clip {
        let n = (MP3_SAMPLE_RATE as f32 * seconds) as usize;
        let samples = (0..n)
            .map(|i| {
                let t = i as f32 / MP3_SAMPLE_RATE as f32;
                let envelope = (std::f32::consts::PI * 3.0 * t).sin().abs();
                0.4 * envelope * (std::f32::consts::TAU * 180.0 * t).sin()
            })
            .collect();
        Clip::new(samples, MP3_SAMPLE_RATE)
    }

    fn meta() -> Mp3Meta {
        Mp3Meta {
            title: "نشرة الأخبار — ٢٩ نوفمبر".into(),
            artist: "nashra".into(),
            album: "نشرة".into(),
            date: "2026-11-29".into(),
            comment: "Generated by nashra".into(),
            language: "ara".into(),
            chapters: vec![
                Chapter {
                    id: "intro".into(),
                    title: "المقدمة".into(),
                    start_ms: 0,
                    end_ms: 1200,
                },
                Chapter {
                    id: "story-1".into(),
                    title: "الخبر الأول: قمة المناخ".into(),
                    start_ms: 1200,
                    end_ms: 2500,
                },
                Chapter {
                    id: "outro".into(),
                    title: "الخاتمة".into(),
                    start_ms: 2500,
                    end_ms: 3000,
                },
            ],
        }
    }

    #[test]
    fn mp3_decodes_back_with_exact_length_rate_and_timing() -> Result<(), AudioError> {
        let mut clip = speechy(3.0);
        // A click at exactly 2.0 s to check the timing after decoding.
        clip.samples[88200..88200 + 20]
            .iter_mut()
            .for_each(|s| *s = 0.95);
        let bytes = encode_mp3(&clip, DEFAULT_BITRATE_KBPS, &meta())?;
        let decoded = decode_bytes(bytes, Some("mp3"))?;
        assert_eq!(decoded.sample_rate, 44100);
        let difference_ms = (decoded.duration_secs() - clip.duration_secs()).abs() * 1000.0;
        assert!(difference_ms < 60.0, "duration off by {difference_ms} ms");
        assert_eq!(
            decoded.samples.len(),
            clip.samples.len(),
            "LAME delay and padding removed"
        );
        let peak = (87000..90000)
            .max_by(|&a, &b| {
                decoded.samples[a]
                    .abs()
                    .total_cmp(&decoded.samples[b].abs())
            })
            .unwrap_or(0);
        assert!((peak as i64 - 88210).abs() < 40, "click found at {peak}");
        Ok(())
    }

    /// Speech-like audio with noisy, peaky bursts (hard on MP3 peaks).
    fn noisy_speech(seconds: f32) -> Clip {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut lowpassed = 0.0f32;
        let n = (MP3_SAMPLE_RATE as f32 * seconds) as usize;
        let samples = (0..n)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let noise = (state >> 40) as f32 / (1u64 << 23) as f32 - 1.0;
                lowpassed = 0.8 * lowpassed + 0.2 * noise;
                let t = i as f32 / MP3_SAMPLE_RATE as f32;
                let syllable = (t * 4.7).fract();
                let envelope = if syllable < 0.6 {
                    (std::f32::consts::PI * syllable / 0.6).sin().powi(2)
                } else {
                    0.0
                };
                let burst = if syllable < 0.03 { 8.0 } else { 1.0 };
                let voiced: f32 = (1..8)
                    .map(|h| (std::f32::consts::TAU * 120.0 * h as f32 * t).sin() / h as f32)
                    .sum();
                0.2 * envelope * (voiced + 1.6 * lowpassed * burst)
            })
            .collect();
        Clip::new(samples, MP3_SAMPLE_RATE)
    }

    #[test]
    fn mp3_keeps_the_programme_loudness() -> Result<(), AudioError> {
        // LAME scales CBR input by 0.95 (−0.45 dB); encode_audio undoes it.
        let (programme, before) = crate::audio::loudness::normalize(&speechy(3.0), -16.0, -1.0)?;
        let decoded = decode_bytes(encode_mp3(&programme, 64, &Mp3Meta::default())?, None)?;
        let after = measure(&decoded)?;
        let drift = after.integrated_lufs - before.integrated_lufs;
        assert!(drift.abs() < 0.1, "MP3 changed loudness by {drift} LU");
        Ok(())
    }

    #[test]
    fn verified_mp3_meets_the_peak_ceiling() -> Result<(), AudioError> {
        let (programme, _) = crate::audio::loudness::normalize(&noisy_speech(3.0), -16.0, -1.0)?;
        // Encoded as is, the file's peaks go over the ceiling.
        let plain = decode_bytes(encode_mp3(&programme, 64, &meta())?, None)?;
        assert!(measure(&plain)?.true_peak_dbtp > -1.0);
        // Normalized with the MP3 headroom, as production does, the file stays under it.
        let mut programme = noisy_speech(3.0);
        crate::audio::loudness::normalize_in_place(
            &mut programme,
            -16.0,
            -1.0 - MP3_PEAK_HEADROOM_DB,
        )?;
        let verified = encode_mp3_verified(&mut programme, 64, &meta(), -1.0)?;
        assert!(
            verified.loudness.true_peak_dbtp <= -1.0,
            "{:?}",
            verified.loudness
        );
        assert!(
            (verified.loudness.integrated_lufs + 16.0).abs() <= 0.5,
            "{:?}",
            verified.loudness
        );
        let decoded = decode_bytes(verified.bytes.clone(), Some("mp3"))?;
        assert_eq!(decoded.samples.len(), programme.samples.len());
        assert_eq!(measure(&decoded)?, verified.loudness);
        Ok(())
    }

    #[test]
    fn chapter_times_match_the_decoded_audio_after_the_whole_chain() -> Result<(), AudioError> {
        use crate::audio::assemble::{assemble, Piece};
        let voice_rate = 22050;
        let tone = |freq: f32, ms: usize| {
            let n = ms * voice_rate as usize / 1000;
            let samples = (0..n)
                .map(|i| 0.3 * (std::f32::consts::TAU * freq * i as f32 / voice_rate as f32).sin())
                .collect();
            Clip::new(samples, voice_rate)
        };
        let pieces = [
            Piece::new(tone(300.0, 700), 400),
            Piece::new(tone(500.0, 600), 900),
            Piece::new(tone(700.0, 500), 300),
        ];
        let programme = assemble(&pieces, voice_rate)?.resample(MP3_SAMPLE_RATE)?;
        let (mut normalized, _) =
            crate::audio::loudness::normalize(&programme.clip, -16.0, -1.0 - MP3_PEAK_HEADROOM_DB)?;
        let mut meta = meta();
        meta.chapters = programme
            .spans
            .iter()
            .enumerate()
            .map(|(i, span)| Chapter {
                id: format!("ch{i}"),
                title: format!("chapter {i}"),
                start_ms: span.start_ms(MP3_SAMPLE_RATE),
                end_ms: span.end_ms(MP3_SAMPLE_RATE),
            })
            .collect();
        let verified = encode_mp3_verified(&mut normalized, 64, &meta, -1.0)?;
        let decoded = decode_bytes(verified.bytes.clone(), Some("mp3"))?;
        let tag = Tag::read_from2(std::io::Cursor::new(&verified.bytes))
            .map_err(|e| AudioError::Tag(e.to_string()))?;
        for chapter in tag.chapters() {
            // Where sound really starts in the decoded file, searching from 100 ms before.
            let from = (chapter.start_time as usize).saturating_sub(100) * 44100 / 1000;
            let onset = decoded.samples[from..]
                .iter()
                .position(|s| s.abs() > 0.05)
                .map(|i| (from + i) as f64 * 1000.0 / 44100.0)
                .ok_or(AudioError::Unmeasurable)?;
            let error_ms = onset - f64::from(chapter.start_time);
            assert!(
                (0.0..=3.0).contains(&error_ms),
                "{}: {error_ms} ms",
                chapter.element_id
            );
        }
        assert_eq!(tag.chapters().count(), 3);
        Ok(())
    }

    #[test]
    fn id3_tag_has_metadata_and_chapters() -> Result<(), Box<dyn std::error::Error>> {
        let bytes = encode_mp3(&speechy(3.0), 96, &meta())?;
        let tag = Tag::read_from2(std::io::Cursor::new(&bytes))?;
        assert_eq!(tag.version(), Version::Id3v24);
        assert_eq!(tag.title(), Some("نشرة الأخبار — ٢٩ نوفمبر"));
        assert_eq!(tag.artist(), Some("nashra"));
        assert_eq!(tag.album(), Some("نشرة"));
        assert_eq!(
            tag.date_recorded().map(|d| d.to_string()),
            Some("2026-11-29".into())
        );
        assert_eq!(
            tag.comments().next().map(|c| c.text.as_str()),
            Some("Generated by nashra")
        );
        let chapters: Vec<_> = tag.chapters().collect();
        assert_eq!(chapters.len(), 3);
        let expected = meta().chapters;
        for (chap, want) in chapters.iter().zip(&expected) {
            assert_eq!(chap.element_id, want.id);
            assert_eq!(u64::from(chap.start_time), want.start_ms);
            assert_eq!(u64::from(chap.end_time), want.end_ms);
            let title = chap.frames.iter().find(|f| f.id() == "TIT2");
            assert_eq!(
                title.and_then(|f| f.content().text()),
                Some(want.title.as_str())
            );
        }
        let toc: Vec<_> = tag.tables_of_contents().collect();
        assert_eq!(toc.len(), 1);
        assert!(toc[0].top_level && toc[0].ordered);
        assert_eq!(toc[0].elements, vec!["intro", "story-1", "outro"]);
        Ok(())
    }

    #[test]
    fn write_mp3_is_atomic_and_complete() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("briefing.mp3");
        write_mp3(&path, &speechy(1.0), 64, &Mp3Meta::default())?;
        let decoded = crate::audio::decode::decode_file(&path)?;
        assert_eq!(decoded.samples.len(), 44100);
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn bad_input_is_rejected() {
        let clip = speechy(0.5);
        assert!(matches!(
            encode_mp3(&clip, 65, &meta()),
            Err(AudioError::InvalidBitrate(65))
        ));
        let wrong_rate = Clip::new(vec![0.0; 100], 22050);
        assert!(matches!(
            encode_mp3(&wrong_rate, 64, &meta()),
            Err(AudioError::InvalidSampleRate(_))
        ));
        let mut bad_date = meta();
        bad_date.date = "29/11/2026".into();
        assert!(encode_mp3(&clip, 64, &bad_date).is_err());
        let mut repeated = meta();
        repeated.chapters[1].id = "intro".into();
        assert!(encode_mp3(&clip, 64, &repeated).is_err());
        // Empty audio and odd samples still give a valid file.
        let empty = Clip::new(Vec::new(), MP3_SAMPLE_RATE);
        assert!(encode_mp3(&empty, 64, &Mp3Meta::default()).is_ok());
        let odd = Clip::new(vec![f32::NAN, 5.0, -5.0, f32::INFINITY], MP3_SAMPLE_RATE);
        assert!(encode_mp3(&odd, 64, &Mp3Meta::default()).is_ok());
    }
}
