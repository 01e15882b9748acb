//! Shared helpers for the integration tests.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The folder holding the test voice files (`scripts/setup.sh` puts them there).
pub fn test_voice_dir() -> PathBuf {
    let dir = std::env::var_os("NASHRA_TEST_VOICE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(".deps/voices/en_US-joe-medium")
        });
    assert!(
        dir.join("en_US-joe-medium.onnx").is_file(),
        "test voice missing in {}: run scripts/setup.sh (or set NASHRA_TEST_VOICE_DIR)",
        dir.display()
    );
    dir
}

/// A file of another project's data under `../shared/` (beside the repository), or `None` with
/// a one-line reason printed when it is missing; under `CI=true` a missing file fails the test.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.is_file() {
        return Some(path);
    }
    let reason = format!(
        "{} is missing (shared data beside the repository)",
        path.display()
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{reason}");
    println!("skipped: {reason}");
    None
}

/// The repository's samples folder.
pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// A `nashra` command using `home` as NASHRA_HOME.
pub fn nashra(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("nashra").unwrap_or_else(|e| panic!("nashra binary: {e}"));
    cmd.env("NASHRA_HOME", home)
        .env_remove("HF_ENDPOINT")
        .env_remove("NASHRA_MODEL_AS_SHIPPED");
    cmd
}

/// `nashra brief --date 2026-11-29 --voice espeak-ar --out OUT` plus `extra` arguments.
pub fn brief(home: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = nashra(home);
    cmd.args(["brief", "--date", "2026-11-29", "--voice", "espeak-ar"])
        .args(extra)
        .arg("--out")
        .arg(out);
    cmd
}

/// Install the test voice into `home` from local files.
pub fn install_test_voice(home: &Path) {
    nashra(home)
        .args(["voices", "install", "en_US-joe-medium", "--from"])
        .arg(test_voice_dir())
        .assert()
        .success();
}

/// Read a WAV file: (sample rate, channels, bits, samples in [-1, 1]).
pub fn read_wav(path: &Path) -> (u32, u16, u16, Vec<f32>) {
    let mut reader =
        hound::WavReader::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let spec = reader.spec();
    let samples = reader
        .samples::<i16>()
        .map(|s| f32::from(s.unwrap_or(0)) / 32768.0)
        .collect();
    (
        spec.sample_rate,
        spec.channels,
        spec.bits_per_sample,
        samples,
    )
}

/// Root-mean-square level.
pub fn rms(samples: &[f32]) -> f32 {
    if samples.is_empty() {
        return 0.0;
    }
    (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt()
}

/// The report a finished `brief --json` printed, after checking the run succeeded.
pub fn report_of(output: std::process::Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}
