//! nashra (نشرة, "news bulletin") turns the day's Arabic news into a spoken briefing.
//!
//! The pipeline, one module per stage, with plain data between the stages:
//!
//! | stage | module | produces |
//! |---|---|---|
//! | read sources (files, URLs, feeds) | [`sources`], [`gather`] | documents |
//! | extract | [`extract`] | [`extract::Article`] |
//! | compose | [`compose`] | [`compose::Script`] of [`compose::Segment`]s |
//! | text front end | [`text`] | spoken (and diacritized) sentences |
//! | synthesize | [`tts`], [`speak`] | [`audio::Clip`]s |
//! | assemble and encode | [`audio`] | the programme files |
//!
//! [`brief::run`] runs them all; the `nashra` binary is a thin layer over this library.
pub mod audio;
pub mod bench;
pub mod brief;
pub mod compose;
pub mod config;
pub mod extract;
pub mod fsutil;
pub mod gather;
pub mod produce;
pub mod publish;
pub mod read;
pub mod report;
pub mod sources;
pub mod speak;
pub mod synthesize;
pub mod text;
pub mod tts;
pub mod wav_stream;

/// The number of cores this process may use (1 when unknown).
pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
