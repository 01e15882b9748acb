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
//!
//! # Examples
//!
//! Extract the article from a page (any HTML; `sources::charset::decode` turns fetched bytes
//! into text first):
//!
//! ```
//! let html = r#"<html lang="ar"><head><title>افتتاح محطة تحلية في مدينة الساحل</title></head><body>
//!   <nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
//!   <article><h1>افتتاح محطة تحلية في مدينة الساحل</h1>
//!     <p>افتتحت بلدية الساحل صباح اليوم محطة جديدة لتحلية مياه البحر تكفي نحو مئتي ألف نسمة.</p>
//!     <p>وقال رئيس البلدية إن المحطة ستنهي انقطاع المياه الذي عانت منه الأحياء الشرقية.</p>
//!   </article>
//!   <footer>جميع الحقوق محفوظة</footer></body></html>"#;
//! let article = nashra::extract::extract_html(html, Some("desalination.html"))?;
//! assert_eq!(article.title, "افتتاح محطة تحلية في مدينة الساحل");
//! assert_eq!(article.paragraphs.len(), 2);
//! assert_eq!(article.lang, "ar");
//! # Ok::<(), nashra::extract::ExtractError>(())
//! ```
//!
//! Read a line the way an anchor says it (numbers, dates and symbols in words, the case of a
//! numeral from its place in the sentence):
//!
//! ```
//! let front_end = nashra::text::FrontEnd::new("ar", false, None)?;
//! let spoken = front_end.process("بلغت الخسائر 35 مليون دولار في 2025");
//! assert_eq!(
//!     spoken.spoken,
//!     "بلغت الخسائر خمسة وثلاثين مليون دولار في ألفين وخمسة وعشرين"
//! );
//! # Ok::<(), nashra::text::FrontEndError>(())
//! ```
//!
//! Make a briefing from a folder of saved pages and text files (here with the built-in eSpeak NG
//! Arabic voice, which needs no download; by default the installed Arabic neural voice):
//!
//! ```
//! use nashra::pipeline::brief::{self, BriefOptions};
//! use nashra::progress::NoProgress;
//!
//! let work = tempfile::tempdir()?;
//! let news = work.path().join("news");
//! std::fs::create_dir(&news)?;
//! std::fs::write(
//!     news.join("desalination.txt"),
//!     "افتتاح محطة لتحلية المياه\n\nافتتحت البلدية اليوم محطة جديدة لتحلية مياه البحر بطاقة 50 ألف متر مكعب يوميا.",
//! )?;
//! let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
//! let mut options = BriefOptions::new(
//!     vec![news.display().to_string()],
//!     work.path().join("out"),
//!     date,
//!     work.path().join("home"),
//! );
//! options.speech.voice = Some("espeak-ar".into());
//! let outcome = brief::run(&options, &NoProgress)?;
//! assert!(outcome.day_dir.join("briefing.mp3").is_file());
//! assert_eq!(outcome.report.stories, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

pub mod audio;
pub mod compose;
pub mod extract;
pub(crate) mod fsutil;
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
