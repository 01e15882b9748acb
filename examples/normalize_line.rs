//! One line of Arabic news through the text front end: what the voice will be given.
//!
//!     cargo run --example normalize_line -- "ارتفع المؤشر 3.5% إلى 12,450 نقطة يوم 5/11/2026"
use std::process::ExitCode;

use nashra::text::FrontEnd;

fn main() -> ExitCode {
    let line = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "بلغت الخسائر 35 مليون دولار في 2025".to_string());
    // Arabic rules, no vowel restoration (the diacritizer is a neural model: slower to load).
    let front_end = match FrontEnd::new("ar", false, None) {
        Ok(front_end) => front_end,
        Err(error) => {
            eprintln!("normalize_line: {error}");
            return ExitCode::FAILURE;
        }
    };
    let spoken = front_end.process(&line);
    println!("written: {}", spoken.original);
    println!("spoken:  {}", spoken.spoken);
    for warning in &spoken.warnings {
        println!("warning: {}", warning.message);
    }
    ExitCode::SUCCESS
}
