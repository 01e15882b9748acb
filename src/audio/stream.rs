//! The programme as a stream: clips go in one after another (resampled, measured and spooled
//! to a temporary file as they arrive), and the finished programme comes out in blocks, never
//! whole in memory. A three-hour programme is 1.9 GB of `f32` samples at 44.1 kHz; here it
//! lives on disk, and memory holds only a block at a time.
//!
//! - [`StreamResampler`] gives, block by block, exactly the samples
//!   [`super::resample::resample`] gives for the whole signal (same chunks, same delay removal);
//! - [`Spool`] keeps `f32` samples in a temporary file of the output folder (swept away by the
//!   next run if this one is killed);
//! - [`StreamLimiter`] runs the look-ahead true-peak limiter of [`super::loudness`] on
//!   overlapping windows, each with the context the limiter can reach (its look-ahead and the
//!   release to within 1e-4 of unity), so it gives what one run over the whole programme gives.
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Indexing, Resampler};

use super::assemble::{fade_edges, Span, MAX_PROGRAMME_SECONDS};
use super::loudness::{limit_in_runs, limiter_reach};
use super::resample::{build_resampler, resample, resampled_len};
use super::{AudioError, Clip};

/// Samples per block read from a spool.
pub const BLOCK: usize = 1 << 16;

/// Most chunks of silence pumped through a resampler to flush its delay.
const MAX_FLUSH_CHUNKS: usize = 64;

/// A resampler fed block by block whose output, once [`StreamResampler::finish`]ed, is exactly
/// [`super::resample::resample`] of everything pushed.
pub struct StreamResampler {
    inner: Option<Box<dyn Resampler<f32>>>,
    from: u32,
    to: u32,
    pending: Vec<f32>,
    output: Vec<f32>,
    to_trim: usize,
    pushed: usize,
    emitted: usize,
}

impl StreamResampler {
    /// A resampler from `from` Hz to `to` Hz (a pass-through when they are equal).
    pub fn new(from: u32, to: u32) -> Result<Self, AudioError> {
        for rate in [from, to] {
            if rate == 0 || rate > super::resample::MAX_SAMPLE_RATE {
                return Err(AudioError::InvalidSampleRate(rate));
            }
        }
        let inner = if from == to {
            None
        } else {
            Some(build_resampler(from, to)?)
        };
        let to_trim = inner.as_ref().map_or(0, |r| r.output_delay());
        let output_max = inner.as_ref().map_or(0, |r| r.output_frames_max());
        Ok(Self {
            inner,
            from,
            to,
            pending: Vec::new(),
            output: vec![0.0; output_max],
            to_trim,
            pushed: 0,
            emitted: 0,
        })
    }

    /// Add `samples`; resampled output that is ready goes to `out`.
    pub fn push(&mut self, samples: &[f32], out: &mut dyn FnMut(&[f32])) -> Result<(), AudioError> {
        self.pushed += samples.len();
        if self.inner.is_none() {
            self.emitted += samples.len();
            out(samples);
            return Ok(());
        }
        self.pending.extend_from_slice(samples);
        let mut consumed = 0;
        loop {
            let next = self.chunk_len();
            if self.pending.len() - consumed <= next {
                break;
            }
            let input = std::mem::take(&mut self.pending);
            let result = self.run_chunk(&input[consumed..consumed + next], None, &mut *out);
            self.pending = input;
            result?;
            consumed += next;
        }
        self.pending.drain(..consumed);
        Ok(())
    }

    /// Flush the resampler: the rest of the output goes to `out`, which then has received
    /// [`resampled_len`] samples in all.
    pub fn finish(mut self, out: &mut dyn FnMut(&[f32])) -> Result<(), AudioError> {
        let expected = resampled_len(self.pushed, self.from, self.to);
        if self.inner.is_none() {
            return Ok(());
        }
        let already = self.emitted;
        let mut tail = Vec::new();
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            self.run_chunk(&pending, Some(pending.len()), &mut |b| {
                tail.extend_from_slice(b)
            })?;
        }
        // Zeros until the delayed end of the signal has come out (as `process_all` does).
        let mut pumps = 0;
        while self.emitted < expected && pumps < MAX_FLUSH_CHUNKS {
            self.run_chunk(&[], Some(0), &mut |b| tail.extend_from_slice(b))?;
            pumps += 1;
        }
        tail.resize(expected.saturating_sub(already), 0.0);
        out(&tail);
        Ok(())
    }

    fn chunk_len(&self) -> usize {
        self.inner.as_ref().map_or(0, |r| r.input_frames_next())
    }

    /// Resample one chunk (`partial`: how many of its frames are real when it is short).
    fn run_chunk(
        &mut self,
        chunk: &[f32],
        partial: Option<usize>,
        out: &mut dyn FnMut(&[f32]),
    ) -> Result<(), AudioError> {
        let Some(inner) = self.inner.as_mut() else {
            return Ok(());
        };
        let frames_in = inner.input_frames_next();
        let mut padded;
        let input: &[f32] = if chunk.len() < frames_in {
            padded = vec![0.0; frames_in];
            padded[..chunk.len()].copy_from_slice(chunk);
            &padded
        } else {
            chunk
        };
        let input = InterleavedSlice::new(input, 1, input.len()).map_err(AudioError::resample)?;
        let frames_out = self.output.len();
        let mut output = InterleavedSlice::new_mut(&mut self.output, 1, frames_out)
            .map_err(AudioError::resample)?;
        let indexing = Indexing {
            input_offset: 0,
            output_offset: 0,
            active_channels_mask: None,
            partial_len: partial,
        };
        let (_, produced) = inner
            .process_into_buffer(&input, &mut output, Some(&indexing))
            .map_err(AudioError::resample)?;
        let trim = self.to_trim.min(produced);
        self.to_trim -= trim;
        self.emitted += produced - trim;
        out(&self.output[trim..produced]);
        Ok(())
    }
}

/// `f32` samples kept in a temporary file (`.nashra-*.tmp`) of an output folder, removed when
/// dropped.
pub struct Spool {
    file: tempfile::NamedTempFile,
    len: usize,
}

/// Writes a [`Spool`].
pub struct SpoolWriter {
    writer: BufWriter<tempfile::NamedTempFile>,
    len: usize,
}

impl SpoolWriter {
    /// A new, empty spool in `dir`.
    pub fn create(dir: &Path) -> Result<Self, AudioError> {
        let file = tempfile::Builder::new()
            .prefix(".nashra-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| io_error(dir, source))?;
        Ok(Self {
            writer: BufWriter::with_capacity(1 << 20, file),
            len: 0,
        })
    }

    /// Append `samples`.
    pub fn write(&mut self, samples: &[f32]) -> Result<(), AudioError> {
        let mut bytes = Vec::with_capacity(samples.len() * 4);
        for sample in samples {
            bytes.extend_from_slice(&sample.to_le_bytes());
        }
        self.len += samples.len();
        self.writer
            .write_all(&bytes)
            .map_err(|source| io_error(self.writer.get_ref().path(), source))
    }

    /// The finished spool, ready to be read.
    pub fn finish(self) -> Result<Spool, AudioError> {
        let len = self.len;
        let file = self.writer.into_inner().map_err(|e| AudioError::Io {
            path: PathBuf::from("spool"),
            source: e.into_error(),
        })?;
        Ok(Spool { file, len })
    }
}

impl Spool {
    /// Number of samples held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// A reader from the first sample.
    #[cfg(test)]
    pub fn reader(&self) -> Result<SpoolReader, AudioError> {
        self.reader_at(0)
    }

    /// A reader from sample `first` on (none left when it is past the end).
    pub fn reader_at(&self, first: usize) -> Result<SpoolReader, AudioError> {
        let first = first.min(self.len);
        let path = self.file.path();
        let mut file = self
            .file
            .reopen()
            .map_err(|source| io_error(path, source))?;
        file.seek(SeekFrom::Start(first as u64 * 4))
            .map_err(|source| io_error(path, source))?;
        Ok(SpoolReader {
            reader: BufReader::with_capacity(1 << 20, file),
            left: self.len - first,
            bytes: Vec::new(),
        })
    }
}

/// Reads a [`Spool`] block by block.
pub struct SpoolReader {
    reader: BufReader<File>,
    left: usize,
    bytes: Vec<u8>,
}

impl SpoolReader {
    /// Fill `out` with the next `count` samples (fewer at the end); returns how many.
    pub fn read_into(&mut self, out: &mut Vec<f32>, count: usize) -> Result<usize, AudioError> {
        let count = count.min(self.left);
        self.bytes.resize(count * 4, 0);
        self.reader
            .read_exact(&mut self.bytes)
            .map_err(|source| AudioError::Io {
                path: PathBuf::from("spool"),
                source,
            })?;
        out.clear();
        out.extend(
            self.bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        );
        self.left -= count;
        Ok(count)
    }
}

/// A new temporary file (`.nashra-*.tmp`, swept away by the next run if this one is killed) in
/// `dir`, to be renamed over an output once complete; it gets the permissions of a newly
/// created file (published outputs are read by web servers running as another user).
pub fn output_temp_file(dir: &Path) -> Result<tempfile::NamedTempFile, AudioError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nashra-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(dir)
        .map_err(|source| io_error(dir, source))
}

fn io_error(path: &Path, source: std::io::Error) -> AudioError {
    AudioError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Mean power of the 10 ms windows above −60 dBFS, gathered as the samples stream by (the
/// streaming form of [`super::assemble::active_level_db`]).
#[derive(Debug, Clone)]
pub struct ActiveLevel {
    window: usize,
    current: f64,
    filled: usize,
    sum: f64,
    count: usize,
}

impl ActiveLevel {
    /// A level meter for samples at `rate`.
    pub fn new(rate: u32) -> Self {
        Self {
            window: ((u64::from(rate) * 10 / 1000) as usize).max(1),
            current: 0.0,
            filled: 0,
            sum: 0.0,
            count: 0,
        }
    }

    /// Add samples.
    pub fn add(&mut self, samples: &[f32]) {
        for &s in samples {
            self.current += f64::from(s) * f64::from(s);
            self.filled += 1;
            if self.filled == self.window {
                self.close_window();
            }
        }
    }

    fn close_window(&mut self) {
        let power = self.current / self.filled as f64;
        if power > ACTIVE_FLOOR && power.is_finite() {
            self.sum += power;
            self.count += 1;
        }
        self.current = 0.0;
        self.filled = 0;
    }

    /// The active level in dBFS, if any window was above the floor.
    pub fn finish(mut self) -> Option<f64> {
        if self.filled > 0 {
            self.close_window();
        }
        (self.count > 0).then(|| 10.0 * (self.sum / self.count as f64).log10())
    }
}

/// −60 dBFS as a power.
const ACTIVE_FLOOR: f64 = 1e-6;

/// The look-ahead true-peak limiter on a stream: samples go in, limited samples come out
/// [`StreamLimiter::latency`] later.
pub struct StreamLimiter {
    rate: u32,
    ceiling_dbtp: f64,
    context: usize,
    window: usize,
    /// Samples from absolute position `base` on.
    buffer: Vec<f32>,
    base: usize,
    /// Samples before this position have been sent out.
    emitted: usize,
    scratch: Vec<f32>,
}

/// Samples limited per window (plus the context on both sides).
const LIMIT_WINDOW: usize = 1 << 18;

impl StreamLimiter {
    /// A limiter for `rate` Hz audio with its ceiling at `ceiling_dbtp`.
    pub fn new(rate: u32, ceiling_dbtp: f64) -> Self {
        Self {
            rate,
            ceiling_dbtp,
            context: limiter_reach(rate),
            window: LIMIT_WINDOW,
            buffer: Vec::new(),
            base: 0,
            emitted: 0,
            scratch: Vec::new(),
        }
    }

    /// Add samples; limited samples that are final go to `out`.
    pub fn push(&mut self, samples: &[f32], out: &mut dyn FnMut(&[f32])) {
        self.buffer.extend_from_slice(samples);
        while self.base + self.buffer.len() >= self.emitted + self.window + self.context {
            self.limit_window(self.window, out);
        }
    }

    /// Limit and send out everything still held.
    pub fn finish(mut self, out: &mut dyn FnMut(&[f32])) {
        while self.base + self.buffer.len() > self.emitted {
            let left = self.base + self.buffer.len() - self.emitted;
            self.limit_window(left.min(self.window), out);
        }
    }

    /// Limit `self.emitted .. + len` with the context around it, send it out, and drop what no
    /// later window reads.
    fn limit_window(&mut self, len: usize, out: &mut dyn FnMut(&[f32])) {
        let end = self.base + self.buffer.len();
        let from = self.emitted.saturating_sub(self.context).max(self.base);
        let to = (self.emitted + len + self.context).min(end);
        self.scratch.clear();
        self.scratch
            .extend_from_slice(&self.buffer[from - self.base..to - self.base]);
        limit_in_runs(
            &mut self.scratch,
            self.rate,
            self.ceiling_dbtp,
            crate::available_cores(),
        );
        let start = self.emitted - from;
        out(&self.scratch[start..start + len]);
        self.emitted += len;
        let keep_from = self.emitted.saturating_sub(self.context).max(self.base);
        self.buffer.drain(..keep_from - self.base);
        self.base = keep_from;
    }
}

/// Assembles the programme as clips arrive (the streaming form of
/// [`super::assemble::assemble`] followed by [`super::assemble::Assembled::resample`]): each
/// clip with faded edges and the pauses between them, at the voice rate, resampled to the
/// output rate, measured and spooled to disk; spans are kept at the output rate.
pub struct ProgrammeWriter {
    voice_rate: u32,
    out_rate: u32,
    /// Voice-rate samples so far.
    voice_len: usize,
    resampler: StreamResampler,
    sink: Measured,
    spans: Vec<Span>,
    zeros: Vec<f32>,
}

/// The resampled programme's destination: the spool and the meters.
struct Measured {
    spool: SpoolWriter,
    meter: ebur128::EbuR128,
    level: ActiveLevel,
    failure: Option<AudioError>,
}

impl Measured {
    fn take(&mut self, samples: &[f32]) {
        if self.failure.is_some() {
            return;
        }
        self.level.add(samples);
        self.failure = self
            .meter
            .add_frames_f32(samples)
            .map_err(|e| AudioError::Loudness(e.to_string()))
            .and_then(|()| self.spool.write(samples))
            .err();
    }
}

/// What [`ProgrammeWriter::finish`] gives: the assembled programme at the output rate.
pub struct AssembledStream {
    /// The samples.
    pub spool: Spool,
    /// One span per clip, at the output rate.
    pub spans: Vec<Span>,
    /// Integrated loudness, LUFS (`Unmeasurable` for silence).
    pub integrated_lufs: Result<f64, AudioError>,
    /// Active speech level, dBFS ([`super::assemble::active_level_db`]).
    pub active_level_db: Option<f64>,
}

impl ProgrammeWriter {
    /// A programme of clips at `voice_rate` made at `out_rate`, spooled into `dir`.
    pub fn new(voice_rate: u32, out_rate: u32, dir: &Path) -> Result<Self, AudioError> {
        let meter = ebur128::EbuR128::new(1, out_rate, ebur128::Mode::I)
            .map_err(|e| AudioError::Loudness(e.to_string()))?;
        Ok(Self {
            voice_rate,
            out_rate,
            voice_len: 0,
            resampler: StreamResampler::new(voice_rate, out_rate)?,
            sink: Measured {
                spool: SpoolWriter::create(dir)?,
                meter,
                level: ActiveLevel::new(out_rate),
                failure: None,
            },
            spans: Vec::new(),
            zeros: Vec::new(),
        })
    }

    /// Add `clip` (resampled to the voice rate first if needed; non-finite samples become
    /// silence), with faded edges.
    pub fn add_clip(&mut self, clip: &Clip) -> Result<(), AudioError> {
        let converted;
        let clip = if clip.sample_rate == self.voice_rate || clip.samples.is_empty() {
            clip
        } else {
            converted = resample(clip, self.voice_rate)?;
            &converted
        };
        self.check_room(clip.samples.len())?;
        let mut samples: Vec<f32> = clip
            .samples
            .iter()
            .map(|&s| if s.is_finite() { s } else { 0.0 })
            .collect();
        fade_edges(&mut samples, self.voice_rate);
        let span = Span {
            start_sample: self.voice_len,
            end_sample: self.voice_len + samples.len(),
        };
        self.spans
            .push(span.rescale(self.voice_rate, self.out_rate));
        self.voice_len += samples.len();
        self.feed(&samples)
    }

    /// Add `millis` of silence.
    pub fn add_pause(&mut self, millis: u32) -> Result<(), AudioError> {
        let mut left = (u64::from(millis) * u64::from(self.voice_rate) / 1000) as usize;
        self.check_room(left)?;
        self.voice_len += left;
        let mut zeros = std::mem::take(&mut self.zeros);
        zeros.resize(BLOCK, 0.0);
        let mut result = Ok(());
        while left > 0 && result.is_ok() {
            let n = left.min(BLOCK);
            result = self.feed(&zeros[..n]);
            left -= n;
        }
        self.zeros = zeros;
        result
    }

    fn check_room(&self, more: usize) -> Result<(), AudioError> {
        let limit = MAX_PROGRAMME_SECONDS as usize * self.voice_rate as usize;
        if self.voice_len + more > limit {
            return Err(AudioError::TooLong {
                seconds: (self.voice_len + more) as f64 / f64::from(self.voice_rate),
                limit_seconds: MAX_PROGRAMME_SECONDS,
            });
        }
        Ok(())
    }

    fn feed(&mut self, samples: &[f32]) -> Result<(), AudioError> {
        let sink = &mut self.sink;
        self.resampler.push(samples, &mut |out| sink.take(out))?;
        self.sink.failure.take().map_or(Ok(()), Err)
    }

    /// The assembled programme.
    pub fn finish(self) -> Result<AssembledStream, AudioError> {
        let mut sink = self.sink;
        self.resampler.finish(&mut |out| sink.take(out))?;
        if let Some(failure) = sink.failure {
            return Err(failure);
        }
        Ok(AssembledStream {
            spool: sink.spool.finish()?,
            spans: self.spans,
            integrated_lufs: integrated_of(&sink.meter),
            active_level_db: sink.level.finish(),
        })
    }
}

/// How the finished programme is made from the assembled one: one gain for everything, then
/// (unless `None`) the true-peak limiter with its ceiling at `ceiling_dbtp`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mastering {
    /// Gain, dB.
    pub gain_db: f64,
    /// Limiter ceiling, dBTP.
    pub ceiling_dbtp: Option<f64>,
}

impl Mastering {
    /// The programme as it is: no gain, no limiter.
    pub fn unity() -> Self {
        Self {
            gain_db: 0.0,
            ceiling_dbtp: None,
        }
    }
}

/// Play the programme held in `spool` (at `rate`), dressed with `dressing`, through
/// `mastering`, handing the finished samples to `out` block by block, in order.
pub fn render(
    spool: &Spool,
    dressing: &super::sounds::Dressing,
    rate: u32,
    mastering: Mastering,
    out: &mut dyn FnMut(&[f32]) -> Result<(), AudioError>,
) -> Result<(), AudioError> {
    let total = dressing.dressed_len(spool.len());
    render_range(spool, dressing, rate, mastering, 0..total, out)
}

/// [`render`] for the samples in `range` of the finished programme only. The limiter starts
/// afresh at the range's start: to get the samples [`render`] gives there, start earlier by
/// the limiter's reach and drop what comes before.
fn render_range(
    spool: &Spool,
    dressing: &super::sounds::Dressing,
    rate: u32,
    mastering: Mastering,
    range: std::ops::Range<usize>,
    out: &mut dyn FnMut(&[f32]) -> Result<(), AudioError>,
) -> Result<(), AudioError> {
    let speech = dressing.lead..dressing.lead + spool.len();
    let factor = 10f64.powf(mastering.gain_db / 20.0) as f32;
    let mut limiter = mastering
        .ceiling_dbtp
        .map(|ceiling| StreamLimiter::new(rate, ceiling));
    let mut failure = None;
    let mut send = |samples: &[f32]| {
        if failure.is_none() {
            failure = out(samples).err();
        }
    };
    let mut reader = spool.reader_at(range.start.saturating_sub(speech.start))?;
    let (mut block, mut read) = (Vec::with_capacity(BLOCK), Vec::with_capacity(BLOCK));
    let mut position = range.start;
    while position < range.end {
        let len = BLOCK.min(range.end - position);
        block.clear();
        block.resize(len, 0.0);
        let from = speech.start.clamp(position, position + len);
        let to = speech.end.clamp(position, position + len);
        if to > from {
            reader.read_into(&mut read, to - from)?;
            block[from - position..to - position].copy_from_slice(&read);
        }
        dressing.mix_into(&mut block, position);
        for sample in &mut block {
            *sample = if sample.is_finite() {
                *sample * factor
            } else {
                0.0
            };
        }
        match limiter.as_mut() {
            Some(limiter) => limiter.push(&block, &mut send),
            None => send(&block),
        }
        position += len;
    }
    if let Some(limiter) = limiter {
        limiter.finish(&mut send);
    }
    failure.map_or(Ok(()), Err)
}

/// Integrated loudness (LUFS) of the programme [`render`] makes. A long programme is
/// rendered in one part per core, each on its own thread, the parts' meters combined: the
/// gating blocks that straddle a seam are the only ones left out (a few in thousands).
pub fn rendered_loudness(
    spool: &Spool,
    dressing: &super::sounds::Dressing,
    rate: u32,
    mastering: Mastering,
) -> Result<f64, AudioError> {
    let total = dressing.dressed_len(spool.len());
    let parts = measuring_parts(total, rate, crate::available_cores());
    let lead_in = limiter_reach(rate) * 2;
    let meters: Vec<Result<ebur128::EbuR128, AudioError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .iter()
            .map(|part| {
                let part = part.clone();
                scope.spawn(move || measure_range(spool, dressing, rate, mastering, part, lead_in))
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| Err(AudioError::Loudness("a meter failed".into())))
            })
            .collect()
    });
    let meters = meters.into_iter().collect::<Result<Vec<_>, _>>()?;
    let lufs = ebur128::EbuR128::loudness_global_multiple(meters.iter())
        .map_err(|e| AudioError::Loudness(e.to_string()))?;
    finite_lufs(lufs)
}

/// Programmes shorter than this are measured in one part, exactly.
const MIN_PART_SECONDS: usize = 20;

/// The ranges of a `total`-sample programme measured side by side: one per core, each at
/// least [`MIN_PART_SECONDS`] long.
fn measuring_parts(total: usize, rate: u32, cores: usize) -> Vec<std::ops::Range<usize>> {
    let longest = total / (MIN_PART_SECONDS * rate.max(1) as usize).max(1);
    let count = cores.min(longest).max(1);
    let size = total.div_ceil(count).max(1);
    (0..total)
        .step_by(size)
        .map(|start| start..(start + size).min(total))
        .collect()
}

/// A meter fed the finished programme's samples in `part`, rendered from `lead_in` samples
/// earlier so the limiter has the context it would have had.
fn measure_range(
    spool: &Spool,
    dressing: &super::sounds::Dressing,
    rate: u32,
    mastering: Mastering,
    part: std::ops::Range<usize>,
    lead_in: usize,
) -> Result<ebur128::EbuR128, AudioError> {
    let mut meter = ebur128::EbuR128::new(1, rate, ebur128::Mode::I)
        .map_err(|e| AudioError::Loudness(e.to_string()))?;
    let start = part.start.saturating_sub(lead_in);
    let mut skip = part.start - start;
    render_range(
        spool,
        dressing,
        rate,
        mastering,
        start..part.end,
        &mut |samples| {
            let dropped = skip.min(samples.len());
            skip -= dropped;
            meter
                .add_frames_f32(&samples[dropped..])
                .map_err(|e| AudioError::Loudness(e.to_string()))
        },
    )?;
    Ok(meter)
}

/// The integrated loudness a meter found, or [`AudioError::Unmeasurable`] for silence.
pub fn integrated_of(meter: &ebur128::EbuR128) -> Result<f64, AudioError> {
    let lufs = meter
        .loudness_global()
        .map_err(|e| AudioError::Loudness(e.to_string()))?;
    finite_lufs(lufs)
}

/// A measured loudness, or [`AudioError::Unmeasurable`] when the meter found only silence.
fn finite_lufs(lufs: f64) -> Result<f64, AudioError> {
    if lufs.is_finite() {
        Ok(lufs)
    } else {
        Err(AudioError::Unmeasurable)
    }
}

/// A mono 16-bit WAV file written block by block (a temporary file until finished).
pub struct WavFileWriter {
    writer: hound::WavWriter<BufWriter<File>>,
    path: tempfile::TempPath,
}

impl WavFileWriter {
    /// Start a WAV file at `rate` in `dir`.
    pub fn create(dir: &Path, rate: u32) -> Result<Self, AudioError> {
        let (file, path) = output_temp_file(dir)?.into_parts();
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let writer = hound::WavWriter::new(BufWriter::with_capacity(1 << 18, file), spec)
            .map_err(wav_error)?;
        Ok(Self { writer, path })
    }

    /// Append `samples`.
    pub fn push(&mut self, samples: &[f32]) -> Result<(), AudioError> {
        let mut writer = self.writer.get_i16_writer(samples.len() as u32);
        for &s in samples {
            writer.write_sample(super::wav::to_i16(s));
        }
        writer.flush().map_err(wav_error)
    }

    /// Finish the header; the complete file is at the returned path.
    pub fn finish(self) -> Result<tempfile::TempPath, AudioError> {
        self.writer.finalize().map_err(wav_error)?;
        Ok(self.path)
    }
}

fn wav_error(error: hound::Error) -> AudioError {
    match error {
        hound::Error::IoError(source) => AudioError::Io {
            path: PathBuf::from("briefing.wav"),
            source,
        },
        other => AudioError::Encode {
            message: format!("WAV: {other}"),
            source: Some(Box::new(other)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::loudness::limit_in_place;
    use super::*;

    fn noisy_speech(rate: u32, seconds: f32) -> Vec<f32> {
        let n = (rate as f32 * seconds) as usize;
        let mut state = 0x2545_f491_u32;
        (0..n)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let noise = (state as f32 / u32::MAX as f32) - 0.5;
                let t = i as f32 / rate as f32;
                let envelope = (std::f32::consts::PI * 2.3 * t).sin().abs();
                envelope * (0.6 * (std::f32::consts::TAU * 170.0 * t).sin() + 0.8 * noise)
            })
            .collect()
    }

    fn stream_resample(samples: &[f32], from: u32, to: u32, block: usize) -> Vec<f32> {
        let mut out = Vec::new();
        let mut resampler = StreamResampler::new(from, to).unwrap_or_else(|e| panic!("{e}"));
        for part in samples.chunks(block) {
            resampler
                .push(part, &mut |b| out.extend_from_slice(b))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        resampler
            .finish(&mut |b| out.extend_from_slice(b))
            .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn long_programmes_are_measured_in_parts_that_cover_them_once() {
        assert_eq!(
            measuring_parts(100, 10, 2),
            vec![0..100],
            "too short to split"
        );
        let total = 44100 * 600 + 7;
        let parts = measuring_parts(total, 44100, 2);
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].start, parts[0].end), (0, parts[1].start));
        assert_eq!(parts[1].end, total);
        assert_eq!(
            measuring_parts(44100 * 50, 44100, 8).len(),
            2,
            "parts of 20 s at least"
        );
        assert_eq!(
            measuring_parts(0, 44100, 2),
            Vec::<std::ops::Range<usize>>::new()
        );
    }

    #[test]
    fn a_programme_measured_in_parts_measures_as_measured_whole() -> Result<(), AudioError> {
        let rate = 8000;
        let mut samples = noisy_speech(rate, 400.0);
        // A loud second half: the parts differ, so a wrong combination would show.
        let half = samples.len() / 2;
        samples[half..].iter_mut().for_each(|s| *s *= 1.8);
        let dir = tempfile::tempdir().map_err(|e| io_error(Path::new("tmp"), e))?;
        let mut writer = SpoolWriter::create(dir.path())?;
        writer.write(&samples)?;
        let spool = writer.finish()?;
        let dressing = super::super::sounds::Dressing::default();
        for mastering in [
            Mastering::unity(),
            Mastering {
                gain_db: 6.0,
                ceiling_dbtp: Some(-1.5),
            },
        ] {
            let mut whole = ebur128::EbuR128::new(1, rate, ebur128::Mode::I)
                .map_err(|e| AudioError::Loudness(e.to_string()))?;
            render(&spool, &dressing, rate, mastering, &mut |block| {
                whole
                    .add_frames_f32(block)
                    .map_err(|e| AudioError::Loudness(e.to_string()))
            })?;
            let whole = integrated_of(&whole)?;
            let parts = rendered_loudness(&spool, &dressing, rate, mastering)?;
            assert!((whole - parts).abs() < 0.02, "{whole} vs {parts} LUFS");
        }
        Ok(())
    }

    #[test]
    fn streamed_resampling_gives_the_same_samples_as_one_pass() -> Result<(), AudioError> {
        for (from, to, seconds) in [
            (22050, 44100, 3.1),
            (16000, 44100, 0.7),
            (22050, 44101, 0.9),
            (22050, 44100, 0.01),
            (44100, 44100, 0.5),
        ] {
            let samples = noisy_speech(from, seconds);
            let whole = resample(&Clip::new(samples.clone(), from), to)?.samples;
            for block in [1000, 4096, 77_777] {
                let streamed = stream_resample(&samples, from, to, block);
                assert_eq!(streamed.len(), whole.len(), "{from}->{to} in {block}");
                assert!(
                    streamed == whole,
                    "{from}->{to} in blocks of {block} differs"
                );
            }
        }
        assert!(stream_resample(&[], 22050, 44100, 10).is_empty());
        Ok(())
    }

    #[test]
    fn streamed_limiting_matches_one_pass_over_the_whole() {
        let rate = 44100;
        let mut samples = noisy_speech(rate, 20.0);
        for s in &mut samples {
            *s *= 1.6;
        }
        let mut whole = samples.clone();
        limit_in_place(&mut whole, rate, -1.5);
        let mut limiter = StreamLimiter::new(rate, -1.5);
        limiter.window = 50_000;
        let mut streamed = Vec::new();
        for part in samples.chunks(12_345) {
            limiter.push(part, &mut |b| streamed.extend_from_slice(b));
        }
        limiter.finish(&mut |b| streamed.extend_from_slice(b));
        assert_eq!(streamed.len(), whole.len());
        let worst = streamed
            .iter()
            .zip(&whole)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-3, "largest difference {worst}");
        assert!(whole != samples, "the test signal must engage the limiter");
    }

    #[test]
    fn a_spool_gives_back_what_was_written() -> Result<(), AudioError> {
        let dir = tempfile::tempdir().map_err(|e| io_error(Path::new("tmp"), e))?;
        let samples = noisy_speech(8000, 2.0);
        let mut writer = SpoolWriter::create(dir.path())?;
        for part in samples.chunks(999) {
            writer.write(part)?;
        }
        let spool = writer.finish()?;
        assert_eq!(spool.len(), samples.len());
        let mut reader = spool.reader()?;
        let (mut back, mut block) = (Vec::new(), Vec::new());
        while reader.read_into(&mut block, 4000)? > 0 {
            back.extend_from_slice(&block);
        }
        assert_eq!(back, samples);
        drop(reader);
        drop(spool);
        assert_eq!(
            std::fs::read_dir(dir.path()).map(|d| d.count()).ok(),
            Some(0)
        );
        Ok(())
    }

    #[test]
    fn streamed_active_level_is_the_whole_clips() {
        let samples = noisy_speech(44100, 1.37);
        let whole = super::super::assemble::active_level_db(&Clip::new(samples.clone(), 44100));
        let mut level = ActiveLevel::new(44100);
        for part in samples.chunks(1000) {
            level.add(part);
        }
        let streamed = level.finish();
        assert!(matches!((whole, streamed), (Some(a), Some(b)) if (a - b).abs() < 1e-9));
    }

    fn tone(rate: u32, seconds: f32, frequency: f32, amplitude: f32) -> Clip {
        crate::audio::resample::tests::sine(frequency, rate, seconds, amplitude)
    }

    #[test]
    fn the_streamed_programme_is_the_one_assembled_in_memory() -> Result<(), AudioError> {
        use super::super::assemble::{assemble, Piece};
        use super::super::sounds::{dress, plan, Layout, Sounds};
        let (voice, out) = (22050, 44100);
        let pieces = vec![
            Piece::new(Clip::new(noisy_speech(voice, 1.3), voice), 900),
            Piece::new(Clip::new(noisy_speech(voice, 0.7), voice), 1200),
            Piece::new(Clip::new(Vec::new(), voice), 300),
            Piece::new(Clip::new(noisy_speech(16000, 0.9), 16000), 1500),
            Piece::new(Clip::new(noisy_speech(voice, 1.1), voice), 250),
        ];
        let layout = Layout {
            intro: 0..1,
            outro: 4..5,
            story_starts: vec![1, 3],
        };
        let sounds = Sounds {
            intro_music: Some(tone(32000, 5.0, 330.0, 0.4)),
            outro_music: Some(tone(22050, 6.0, 220.0, 0.5)),
            earcon: Some(tone(44100, 0.2, 880.0, 0.7)),
            ..Sounds::default()
        };
        let undressed = assemble(&pieces, voice)?.resample(out)?;
        let whole = dress(undressed.clone(), &sounds, &layout)?;
        let dir = tempfile::tempdir().map_err(|e| io_error(Path::new("tmp"), e))?;
        let mut writer = ProgrammeWriter::new(voice, out, dir.path())?;
        for piece in &pieces {
            writer.add_clip(&piece.clip)?;
            writer.add_pause(piece.pause_after_ms)?;
        }
        let streamed = writer.finish()?;
        let dressing = plan(
            &streamed.spans,
            out,
            streamed.active_level_db,
            &sounds,
            &layout,
        )?;
        let mut samples = Vec::new();
        render(
            &streamed.spool,
            &dressing,
            out,
            Mastering::unity(),
            &mut |b| {
                samples.extend_from_slice(b);
                Ok(())
            },
        )?;
        assert_eq!(samples.len(), whole.clip.samples.len());
        let worst = samples
            .iter()
            .zip(&whole.clip.samples)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-6, "largest difference {worst}");
        for (span, whole_span) in streamed.spans.iter().zip(&whole.spans) {
            assert_eq!(span.start_sample + dressing.lead, whole_span.start_sample);
            assert_eq!(span.end_sample + dressing.lead, whole_span.end_sample);
        }
        let lufs = super::super::loudness::measure_integrated(&undressed.clip)?;
        let streamed_lufs = streamed.integrated_lufs?;
        assert!(
            (lufs - streamed_lufs).abs() < 1e-9,
            "{lufs} vs {streamed_lufs}"
        );
        assert!(dressing.lead > 0 && !dressing.overlays.is_empty());
        Ok(())
    }
}
