//! Make today's briefing from a folder of saved pages, text dumps and feeds, as `nashra brief`
//! does, through the library.
//!
//!     cargo run --release --example brief_folder -- samples out [VOICE]
//!
//! VOICE defaults to the installed default voice (`espeak-ar` needs no download). Voices and
//! caches live in `$NASHRA_HOME` or the platform's data folder.
use std::path::PathBuf;
use std::process::ExitCode;

use nashra::pipeline::brief::{self, BriefOptions};
use nashra::progress::NoProgress;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [folder, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: brief_folder FOLDER OUT_DIR [VOICE]");
        return ExitCode::from(2);
    };
    let home = std::env::var_os("NASHRA_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(nashra::tts::default_home);
    let today = chrono::Local::now().date_naive();
    let mut options = BriefOptions::new(vec![folder.clone()], out, today, home);
    options.speech.voice = rest.first().cloned();
    match brief::run(&options, &NoProgress) {
        Ok(outcome) => {
            let report = &outcome.report;
            println!(
                "{} stories, {:.0} s of audio in {}",
                report.stories,
                report.duration_secs,
                outcome.day_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("brief_folder: {error}");
            ExitCode::FAILURE
        }
    }
}
