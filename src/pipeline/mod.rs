//! The orchestration: the jobs the command line runs, each a sequence of stage calls. Every
//! module here depends on the stages ([`crate::sources`], [`crate::extract`], [`crate::compose`],
//! [`crate::text`], [`crate::tts`], [`crate::audio`], [`crate::publish`]); no stage depends on
//! this folder.
//!
//! | job | module |
//! |---|---|
//! | read inputs, fetch, extract | [`gather`] |
//! | synthesize sentences on every core, through the clip cache | `synthesize` |
//! | stream the programme into its files | `produce` |
//! | the whole day's briefing | [`brief`] |
//! | speak free text / read one article | [`say`], [`read`] |
//! | what a run did, and how long each step took | [`report`], [`clock`] |
//! | timing the pipeline | [`bench`](mod@bench) |
pub mod bench;
pub mod brief;
pub mod clock;
pub mod gather;
pub(crate) mod produce;
pub mod read;
pub mod report;
pub mod say;
pub(crate) mod synthesize;

pub use produce::{ProduceError, ProductionSettings};
