//! Fuzz target: see `checks::rewrite_model` for what it checks.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod checks;

fuzz_target!(|data: &[u8]| checks::rewrite_model(data));
