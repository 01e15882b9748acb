//! Progress shown on the terminal: the stage bar of a briefing and the download bar.
use indicatif::{ProgressBar, ProgressStyle};

use nashra::progress::Progress;

/// indicatif progress bars for the stages of a run.
pub struct Bars {
    bar: ProgressBar,
    hidden: bool,
}

impl Bars {
    /// A bar on stderr, or a hidden one.
    pub fn new(hidden: bool) -> Self {
        let bar = if hidden {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        if let Ok(style) =
            ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} {elapsed}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        Self { bar, hidden }
    }

    /// Take the bar off the terminal.
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bars {
    fn begin(&self, stage: &str, total: u64) {
        self.bar.reset();
        self.bar.set_prefix(stage.to_string());
        self.bar.set_length(total);
    }
    fn step(&self) {
        self.bar.inc(1);
    }
    fn end(&self) {
        self.bar.set_position(self.bar.length().unwrap_or(0));
    }
    fn warn(&self, message: &str) {
        // Failed inputs are errors: always one line each on stderr, even with --quiet.
        if self.hidden {
            eprintln!("nashra: {message}");
        } else {
            self.bar.suspend(|| eprintln!("nashra: {message}"));
        }
    }
}

/// The bar of a voice download (hidden with `--quiet`).
pub fn download_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
