//! nashra (نشرة, "news bulletin") turns the day's Arabic news into a spoken briefing.
//!
//! The pipeline, one module per stage, with plain data between the stages:
//!
//! | stage | module | produces |
//! |---|---|---|
//! | read sources (files, URLs, feeds) | [`sources`] | documents |
//! | extract | [`extract`] | [`extract::Article`] |
//! | compose | [`compose`] | [`compose::Script`] of [`compose::Segment`]s |
//! | text front end | [`text`] | spoken (and diacritized) sentences |
//! | synthesize | [`tts`] | [`audio::Clip`]s |
//! | assemble and encode | [`audio`] | the programme files |
//! | publish | [`publish`] | podcast feed, listener pages |
//!
//! [`pipeline`] runs them ([`pipeline::brief::run`] the whole day); it depends on the stages and
//! no stage depends on it. [`progress`] is how long work reports itself. The `nashra` binary is
//! a thin layer over this library.
pub mod audio;
pub mod compose;
pub mod extract;
pub mod fsutil;
pub mod pipeline;
pub mod progress;
pub mod publish;
pub mod sources;
pub mod text;
pub mod tts;

/// The number of cores this process may use (1 when unknown).
pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
