//! Fuzz target: see `checks::extract_text_dump` for what it checks.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod checks;

fuzz_target!(|data: &[u8]| checks::extract_text_dump(data));
