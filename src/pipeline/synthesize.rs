//! Synthesis of a whole script: every sentence through the clip cache, the misses spread over
//! several voice instances in parallel (each with its own ONNX Runtime session). eSpeak NG is
//! one global engine, so its voices run on one worker.
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use crate::audio::Clip;
use crate::progress::Progress;
use crate::text;
use crate::tts::clip_cache::ClipCache;
use crate::tts::{SynthesisParams, TtsError, Voice, VoiceSource};

/// Least text (characters) per worker before another model instance is worth loading: about
/// 0.7 s of neural synthesis. Loading a cached optimized model takes a core for about 0.15 s,
/// and two one-thread sessions side by side synthesize about 15 % faster than one session with
/// two threads (measured on the test voice, 2 cores: 712 characters in 6 sentences, 0.74x
/// the wall time of one two-thread session).
const MIN_CHARS_PER_WORKER: usize = 250;

/// What synthesizing a script gave.
#[derive(Debug, Default)]
pub struct Synthesized {
    /// One clip per text, in order (empty for texts that failed).
    pub clips: Vec<Clip>,
    /// Clips synthesized in this run.
    pub synthesized: usize,
    /// Clips taken from the cache.
    pub cached: usize,
    /// Seconds before the first voice instance could start synthesizing (0 when every clip
    /// came from the cache); later instances load while it works.
    pub load_seconds: f64,
    /// One line per sentence that could not be spoken.
    pub unspoken: Vec<String>,
    /// One line per clip that could not be stored in the cache (the run goes on without it).
    pub cache_problems: Vec<String>,
}

/// How to synthesize.
pub struct SynthesisJob<'a> {
    /// The texts to speak (voice forms), one clip each.
    pub texts: &'a [String],
    /// Synthesis settings.
    pub params: SynthesisParams,
    /// Pause between the clauses of a sentence.
    pub clause_pause_ms: u32,
    /// The clip cache.
    pub cache: &'a ClipCache,
}

impl SynthesisJob<'_> {
    /// The clip cache key of `text` spoken by the voice `fingerprint` with these settings.
    pub fn cache_key(&self, fingerprint: &str, text: &str) -> String {
        cache_key(fingerprint, &self.params, self.clause_pause_ms, text)
    }
}

/// The clip cache key of `text` spoken by the voice `fingerprint` with these settings.
pub(crate) fn cache_key(
    fingerprint: &str,
    params: &SynthesisParams,
    clause_pause_ms: u32,
    text: &str,
) -> String {
    let settings = format!(
        "speed={};clause_pause={}",
        params.speed_factor(),
        clause_pause_ms
    );
    ClipCache::key(fingerprint, &settings, text)
}

/// Synthesize every text of `job` and return all the clips (see [`synthesize_into`], which
/// hands them over one by one instead). All clips are held until the end, so the texts are
/// spoken longest first: the workers then finish close together instead of one of them
/// speaking a long last sentence alone.
pub fn synthesize(
    source: &VoiceSource,
    ready: Vec<Voice>,
    workers: usize,
    threads: usize,
    job: &SynthesisJob<'_>,
    progress: &dyn Progress,
) -> Result<Synthesized, TtsError> {
    let queue = ClipQueue::new(usize::MAX);
    let order = longest_first(job.texts);
    let mut out = synthesize_into(
        source, ready, workers, threads, job, progress, &order, &queue,
    )?;
    let clips = JobClips::new(&queue, job, source);
    out.clips = (0..job.texts.len())
        .map(|i| clips.clip(i).unwrap_or_else(|| clips.missing(i)))
        .collect();
    out.unspoken.extend(clips.into_problems());
    Ok(out)
}

/// Synthesize every text of `job`, handing each clip to `queue` as soon as it is ready (taken
/// by index with [`JobClips`]): cached clips are reused (only marked in the queue; they are
/// read when taken); only when some are missing are voice instances used — those in `ready`
/// (loaded ahead of time from `source`) and, to make up `workers`, more loaded from `source`
/// side by side, each on its own thread with `threads` ONNX Runtime threads (neural voices on
/// several cores; eSpeak NG is one global engine and gets one worker). The texts in `first`
/// are synthesized before the others, which follow in order. Workers wait while the queue is
/// full and end when it is stopped. Fails only when no instance could be loaded; the queue is
/// closed when this returns, however it returns.
#[allow(clippy::too_many_arguments)]
pub fn synthesize_into(
    source: &VoiceSource,
    ready: Vec<Voice>,
    workers: usize,
    threads: usize,
    job: &SynthesisJob<'_>,
    progress: &dyn Progress,
    first: &[usize],
    queue: &ClipQueue,
) -> Result<Synthesized, TtsError> {
    let _close = CloseOnDrop(queue);
    let fingerprint = source.fingerprint();
    progress.begin("synthesis", job.texts.len() as u64);
    let (out, misses) = hand_over_cached(job, &fingerprint, queue, progress);
    if misses.is_empty() {
        progress.end();
        return Ok(out);
    }
    let misses = first_things_first(misses, first);
    let started = std::time::Instant::now();
    let miss_chars: Vec<usize> = misses
        .iter()
        .map(|&i| job.texts[i].chars().count())
        .collect();
    let wanted = worker_count(source.is_parallel(), workers, &miss_chars);
    let ready: Vec<Voice> = ready.into_iter().take(wanted).collect();
    let more = wanted.saturating_sub(ready.len());
    let threads = threads_per_worker(threads, workers, wanted);
    let speaking = Speaking {
        job,
        fingerprint,
        queue,
        progress,
        misses,
        started,
        rate: source.sample_rate(),
        next: AtomicUsize::new(0),
        tally: Mutex::new(Synthesized::default()),
        first_ready: Mutex::new(None),
        load_errors: Mutex::new(Vec::new()),
    };
    speaking.run_workers(source, ready, more, threads);
    let synthesized = speaking.finish(source, out);
    progress.end();
    synthesized
}

/// Mark in `queue` every text of `job` whose clip is in the cache; returns the tally so far
/// and the indices of the texts left to synthesize.
fn hand_over_cached(
    job: &SynthesisJob<'_>,
    fingerprint: &str,
    queue: &ClipQueue,
    progress: &dyn Progress,
) -> (Synthesized, Vec<usize>) {
    let mut out = Synthesized::default();
    let mut misses = Vec::new();
    for (i, text) in job.texts.iter().enumerate() {
        if job.cache.get(&job.cache_key(fingerprint, text)).is_some() {
            queue.put(i, Entry::Cached);
            out.cached += 1;
            progress.step();
        } else {
            misses.push(i);
        }
    }
    (out, misses)
}

/// The texts left to synthesize and what the workers share while they speak them.
struct Speaking<'a> {
    job: &'a SynthesisJob<'a>,
    /// The voice's fingerprint, for cache keys.
    fingerprint: String,
    queue: &'a ClipQueue,
    progress: &'a dyn Progress,
    /// Indices of the texts to synthesize, in the order to take them.
    misses: Vec<usize>,
    /// When the workers were set up.
    started: std::time::Instant,
    /// The voice's sample rate.
    rate: u32,
    /// Position in `misses` of the next text to take.
    next: AtomicUsize,
    tally: Mutex<Synthesized>,
    /// Seconds from `started` until the first worker had its voice.
    first_ready: Mutex<Option<f64>>,
    load_errors: Mutex<Vec<TtsError>>,
}

impl Speaking<'_> {
    /// Run a worker for each voice of `ready` and `more` with voices loaded from `source` with
    /// `threads` threads each, until the texts run out or the queue is stopped.
    fn run_workers(&self, source: &VoiceSource, ready: Vec<Voice>, more: usize, threads: usize) {
        // Every worker starts on the texts as soon as its own model is loaded (ONNX Runtime
        // builds sessions partly one at a time, so the first is ready well before the last).
        std::thread::scope(|scope| {
            for mut voice in ready {
                scope.spawn(move || self.work(&mut voice));
            }
            for _ in 0..more {
                scope.spawn(|| match source.load_cut_at_decoder(threads) {
                    Ok(mut voice) => self.work(&mut voice),
                    Err(e) => lock(&self.load_errors).push(e),
                });
            }
        });
    }

    /// One worker: take the next text while there is room in the queue, speak it with
    /// `voice` and hand the clip over.
    fn work(&self, voice: &mut Voice) {
        lock(&self.first_ready).get_or_insert_with(|| self.started.elapsed().as_secs_f64());
        while self.queue.wait_for_room() {
            let Some(&index) = self.misses.get(self.next.fetch_add(1, Ordering::Relaxed)) else {
                break;
            };
            let clip = self.speak_text(voice, index);
            self.queue.put(index, Entry::Spoken(clip));
            self.progress.step();
        }
    }

    /// Text `index` spoken by `voice` and stored in the cache; an empty clip when it could not
    /// be spoken.
    fn speak_text(&self, voice: &mut Voice, index: usize) -> Clip {
        let text = &self.job.texts[index];
        match speak(voice, text, self.job) {
            Ok(clip) => {
                let key = self.job.cache_key(&self.fingerprint, text);
                let stored = self.job.cache.put(&key, &clip);
                let mut tally = lock(&self.tally);
                if let Err(e) = stored {
                    tally.cache_problems.push(format!("clip cache: {e}"));
                }
                tally.synthesized += 1;
                clip
            }
            Err(e) => {
                let start: String = text.chars().take(60).collect();
                let message = format!("could not speak \"{start}\": {e}");
                self.progress.warn(&message);
                lock(&self.tally).unspoken.push(message);
                Clip::new(Vec::new(), self.rate)
            }
        }
    }

    /// `out` with what the workers did added; fails when no worker got a voice.
    fn finish(self, source: &VoiceSource, mut out: Synthesized) -> Result<Synthesized, TtsError> {
        let mut load_errors = self
            .load_errors
            .into_inner()
            .unwrap_or_else(|p| p.into_inner());
        let Some(load_seconds) = self
            .first_ready
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
        else {
            return Err(load_errors.pop().unwrap_or(TtsError::NotInstalled {
                id: source.manifest().id.clone(),
            }));
        };
        out.load_seconds = load_seconds;
        for e in load_errors {
            self.progress
                .warn(&format!("extra synthesis worker not started: {e}"));
        }
        let tally = self.tally.into_inner().unwrap_or_else(|p| p.into_inner());
        out.synthesized = tally.synthesized;
        out.unspoken = tally.unspoken;
        out.cache_problems = tally.cache_problems;
        Ok(out)
    }
}

/// The value behind `mutex`, even when a worker panicked holding it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// `misses` with those listed in `first` moved to the front (in `first`'s order).
/// The indices of `texts`, longest text first (ties in text order).
fn longest_first(texts: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(texts[i].chars().count()));
    order
}

fn first_things_first(misses: Vec<usize>, first: &[usize]) -> Vec<usize> {
    let is_miss: std::collections::HashSet<usize> = misses.iter().copied().collect();
    let early: Vec<usize> = first
        .iter()
        .copied()
        .filter(|i| is_miss.contains(i))
        .collect();
    let early_set: std::collections::HashSet<usize> = early.iter().copied().collect();
    early
        .into_iter()
        .chain(misses.into_iter().filter(|i| !early_set.contains(i)))
        .collect()
}

/// What the queue holds for one text.
enum Entry {
    /// Synthesized in this run (empty when it could not be spoken).
    Spoken(Clip),
    /// In the clip cache.
    Cached,
}

#[derive(Default)]
struct QueueState {
    entries: HashMap<usize, Entry>,
    /// Synthesized clips held, waiting to be taken.
    held: usize,
    /// Synthesis has ended.
    closed: bool,
    /// No more clips are wanted.
    stopped: bool,
}

/// Clips on their way from synthesis to production: handed over in any order, taken by index.
/// Synthesis waits while `room` synthesized clips wait to be taken, so memory holds only a few
/// clips however long the programme.
pub struct ClipQueue {
    state: Mutex<QueueState>,
    changed: Condvar,
    room: usize,
}

impl ClipQueue {
    /// A queue that holds at most `room` synthesized clips (at least one).
    pub fn new(room: usize) -> Self {
        Self {
            state: Mutex::new(QueueState::default()),
            changed: Condvar::new(),
            room: room.max(1),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn put(&self, index: usize, entry: Entry) {
        let mut state = self.lock();
        if matches!(entry, Entry::Spoken(_)) {
            state.held += 1;
        }
        state.entries.insert(index, entry);
        self.changed.notify_all();
    }

    /// Wait until there is room for another clip; false when no more are wanted.
    fn wait_for_room(&self) -> bool {
        let mut state = self.lock();
        while state.held >= self.room && !state.stopped {
            state = self.changed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        !state.stopped
    }

    /// No more clips are wanted: synthesis stops after the clips it is working on.
    pub fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }

    /// The entry for text `index`, once synthesis has handed it over (`None` if synthesis
    /// ended without it).
    fn take(&self, index: usize) -> Option<Entry> {
        let mut state = self.lock();
        loop {
            if let Some(entry) = state.entries.remove(&index) {
                if matches!(entry, Entry::Spoken(_)) {
                    state.held -= 1;
                    self.changed.notify_all();
                }
                return Some(entry);
            }
            if state.closed {
                return None;
            }
            state = self.changed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// Closes the queue when synthesis returns (or unwinds), so a waiting taker never hangs.
struct CloseOnDrop<'a>(&'a ClipQueue);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// The clips of a synthesis job, taken one by one from its [`ClipQueue`] (cached ones read
/// from the clip cache when taken).
pub struct JobClips<'a> {
    queue: &'a ClipQueue,
    job: &'a SynthesisJob<'a>,
    fingerprint: String,
    rate: u32,
    problems: Mutex<Vec<String>>,
}

impl<'a> JobClips<'a> {
    /// The clips `queue` receives for `job` spoken by `source`.
    pub fn new(queue: &'a ClipQueue, job: &'a SynthesisJob<'a>, source: &VoiceSource) -> Self {
        Self {
            queue,
            job,
            fingerprint: source.fingerprint(),
            rate: source.sample_rate(),
            problems: Mutex::new(Vec::new()),
        }
    }

    /// The clip of text `index`, waiting for it if needed (an empty clip, with a problem
    /// noted, when its cache entry went missing); `None` when synthesis ended without it.
    pub fn clip(&self, index: usize) -> Option<Clip> {
        let text = self.job.texts.get(index).map_or("", String::as_str);
        match self.queue.take(index)? {
            Entry::Spoken(clip) => Some(clip),
            Entry::Cached => Some(
                self.job
                    .cache
                    .get(&self.job.cache_key(&self.fingerprint, text))
                    .unwrap_or_else(|| self.missing(index)),
            ),
        }
    }

    /// An empty clip for text `index`, with the problem noted.
    fn missing(&self, index: usize) -> Clip {
        let text = self.job.texts.get(index).map_or("", String::as_str);
        let start: String = text.chars().take(60).collect();
        self.problems
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(format!("could not speak \"{start}\": no clip was made"));
        Clip::new(Vec::new(), self.rate)
    }

    /// One line per clip that was missing.
    pub fn into_problems(self) -> Vec<String> {
        self.problems
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
    }
}

impl crate::pipeline::produce::ClipSource for JobClips<'_> {
    fn clip(&self, index: usize) -> Option<Clip> {
        JobClips::clip(self, index)
    }

    fn done(&self) {
        self.queue.stop();
    }
}

/// How many voice instances to load for `misses` texts of `chars` characters in all: a
/// worker pays for loading its own model, so only with enough text each; a voice that is
/// not `parallel` (eSpeak NG, one global engine) gets one.
fn worker_count(parallel: bool, workers: usize, text_chars: &[usize]) -> usize {
    if !parallel {
        return 1;
    }
    let chars: usize = text_chars.iter().sum();
    // A worker speaks a whole text alone: with n workers the longest text must be at most
    // 1/n of the work, or the others wait for it with their cores idle.
    let longest = text_chars.iter().copied().max().unwrap_or(0).max(1);
    workers
        .min(text_chars.len())
        .min(chars / MIN_CHARS_PER_WORKER)
        .min(chars / longest)
        .max(1)
}

/// ONNX Runtime threads for each of `wanted` workers when `planned` were planned with
/// `threads` each: fewer workers share the planned cores between them.
fn threads_per_worker(threads: usize, planned: usize, wanted: usize) -> usize {
    (threads * planned.max(1) / wanted.max(1)).max(threads)
}

/// Load `count` voice instances side by side (each model load keeps one core busy).
pub fn load_voices(
    source: &VoiceSource,
    count: usize,
    threads: usize,
) -> Vec<Result<Voice, TtsError>> {
    match count {
        0 => return Vec::new(),
        1 => return vec![source.load_cut_at_decoder(threads)],
        _ => {}
    }
    std::thread::scope(|scope| {
        let loads: Vec<_> = (0..count)
            .map(|_| scope.spawn(|| source.load_cut_at_decoder(threads)))
            .collect();
        loads
            .into_iter()
            .map(|load| {
                load.join().unwrap_or_else(|_| {
                    Err(TtsError::Synthesis("voice loading thread failed".into()))
                })
            })
            .collect()
    })
}

fn speak(voice: &mut Voice, text: &str, job: &SynthesisJob<'_>) -> Result<Clip, TtsError> {
    let clauses = text::sentences::split_clauses(text);
    crate::tts::speak::speak_clauses(voice, &clauses, &job.params, job.clause_pause_ms)
}

/// How to share `cores` between parallel voices: `(workers, onnx_threads_per_worker)`.
/// `jobs` asks for a number of workers; by default one per core, one thread each.
pub fn worker_plan(
    cores: usize,
    jobs: Option<usize>,
    parallel_voice: bool,
    sentences: usize,
) -> (usize, usize) {
    let cores = cores.max(1);
    if !parallel_voice {
        return (1, 1);
    }
    let workers = jobs
        .unwrap_or(cores)
        .clamp(1, cores.max(1) * 2)
        .min(sentences.max(1));
    (workers, (cores / workers).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_workers_need_enough_text_and_keep_the_cores_busy() {
        // 12 sentences of 125 characters: both workers; 12 short ones: one.
        assert_eq!(worker_count(true, 2, &[125; 12]), 2);
        assert_eq!(worker_count(true, 2, &[20; 12]), 1);
        // Too few texts to share, or one text most of the work: one worker.
        assert_eq!(worker_count(true, 2, &[5000]), 1);
        assert_eq!(worker_count(true, 2, &[300, 300]), 2);
        assert_eq!(worker_count(true, 2, &[600, 100, 100]), 1);
        assert_eq!(worker_count(true, 2, &[300, 300, 100]), 2);
        assert_eq!(worker_count(true, 8, &[20; 100]), 8);
        assert_eq!(worker_count(true, 8, &[50; 20]), 4);
        assert_eq!(worker_count(false, 2, &[1000; 100]), 1);
        assert_eq!(worker_count(true, 2, &[]), 1);
        // The one worker left of two planned gets both cores.
        assert_eq!(threads_per_worker(1, 2, 1), 2);
        assert_eq!(threads_per_worker(1, 2, 2), 1);
        assert_eq!(threads_per_worker(2, 4, 4), 2);
    }

    #[test]
    fn texts_held_to_the_end_are_spoken_longest_first() {
        let texts: Vec<String> = ["ab", "abcd", "a", "abcd", ""]
            .iter()
            .map(|t| t.to_string())
            .collect();
        assert_eq!(longest_first(&texts), vec![1, 3, 0, 2, 4]);
    }

    #[test]
    fn worker_plan_shares_cores() {
        assert_eq!(worker_plan(2, None, true, 100), (2, 1));
        assert_eq!(worker_plan(2, Some(1), true, 100), (1, 2));
        assert_eq!(worker_plan(8, Some(2), true, 100), (2, 4));
        assert_eq!(worker_plan(8, None, true, 3), (3, 2));
        assert_eq!(worker_plan(8, None, false, 100), (1, 1));
        assert_eq!(worker_plan(0, None, true, 0), (1, 1));
    }
}
