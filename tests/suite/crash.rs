//! Crash safety: `brief` killed with SIGKILL at random moments leaves yesterday's briefing and
//! the podcast feed intact and never a half-written file; the next run finishes, leaves no
//! temporary files, and resumes from the clip cache. A corrupt clip-cache entry is re-synthesized.
use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::samples_dir;

fn nashra_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("nashra")
}

/// `nashra brief` with the fast built-in voice, today's `date`, `extra` options and `sources`.
fn brief_command(
    home: &Path,
    out: &Path,
    date: &str,
    sources: &[PathBuf],
    extra: &[&str],
) -> Command {
    let mut command = Command::new(nashra_bin());
    command
        .env("NASHRA_HOME", home)
        .args(["brief", "--voice", "espeak-ar", "--date", date])
        .args(extra)
        .arg("--out")
        .arg(out)
        .args(sources);
    command
}

/// Run a briefing to the end and return its report (`--json`).
fn brief_report(home: &Path, out: &Path, sources: &[PathBuf], extra: &[&str]) -> serde_json::Value {
    let output = brief_command(home, out, "2026-11-29", sources, extra)
        .arg("--json")
        .output()
        .unwrap();
    common::report_of(output)
}

const PUBLISH: &[&str] = &[
    "--quiet",
    "--publish",
    "--base-url",
    "http://127.0.0.1/nashra",
];

/// Every file under `dir` (recursively) with its contents.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    snapshot(dir)
        .into_keys()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

fn cache_entries(home: &Path) -> usize {
    let clips = home.join("cache/clips");
    if !clips.is_dir() {
        return 0;
    }
    snapshot(&clips)
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "clip"))
        .count()
}

/// Whatever today's folder holds after a kill is whole: every finished file parses.
fn assert_no_half_written_files(day: &Path) {
    if !day.is_dir() {
        return;
    }
    for (path, bytes) in snapshot(day) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match name.as_str() {
            "briefing.wav" => {
                let reader = hound::WavReader::new(std::io::Cursor::new(&bytes)).unwrap();
                let expected = reader.duration() as usize * 2;
                assert!(bytes.len() >= expected, "truncated WAV");
            }
            "briefing.mp3" => {
                nashra::audio::decode_file(&path).unwrap();
            }
            "report.json" | "script.json" | "chapters.json" => {
                serde_json::from_slice::<serde_json::Value>(&bytes)
                    .unwrap_or_else(|e| panic!("{name} is not whole: {e}"));
            }
            _ => {}
        }
    }
}

fn assert_feed_is_whole(out: &Path) {
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.trim_end().ends_with("</rss>"), "feed cut short");
    let mut reader = quick_xml::Reader::from_str(&feed);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("feed.xml is broken: {e}"),
        }
    }
}

/// A small pseudo-random generator, seeded from the clock and printed for reproduction.
struct Moments(u64);
impl Moments {
    fn next_millis(&mut self, max: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % max.max(1)
    }
}

#[test]
fn sigkill_at_random_moments_never_costs_yesterday_the_feed_or_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let samples = samples_dir();
    let yesterday_sources = [samples.join("heatwave-warning.txt")];
    let today_sources = [
        samples.join("sahel-desalination-plant.html"),
        samples.join("olive-harvest-gallery.html"),
        samples.join("book-fair-comments.html"),
    ];
    let status = brief_command(
        home.path(),
        out.path(),
        "2026-11-28",
        &yesterday_sources,
        PUBLISH,
    )
    .status()
    .unwrap();
    assert!(status.success());
    let yesterday_dir = out.path().join("2026-11-28");
    let yesterday = snapshot(&yesterday_dir);
    assert!(yesterday.keys().any(|p| p.ends_with("briefing.mp3")));
    assert_feed_is_whole(out.path());

    // How long a whole run takes here, to spread the kills over it (no cache: all of it).
    let started = Instant::now();
    let probe_home = tempfile::tempdir().unwrap();
    let probe_out = tempfile::tempdir().unwrap();
    let status = brief_command(
        probe_home.path(),
        probe_out.path(),
        "2026-11-29",
        &today_sources,
        PUBLISH,
    )
    .status()
    .unwrap();
    assert!(status.success());
    let full_run_ms = started.elapsed().as_millis() as u64;

    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    eprintln!("kill moments seed: {seed}, full run {full_run_ms} ms");
    let mut moments = Moments(seed);
    let today = out.path().join("2026-11-29");
    for round in 0..6 {
        let before = cache_entries(home.path());
        let mut child = brief_command(
            home.path(),
            out.path(),
            "2026-11-29",
            &today_sources,
            PUBLISH,
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        if round == 0 {
            // One kill certainly in the middle of synthesis: once some clips are cached.
            let deadline = Instant::now() + Duration::from_secs(120);
            while cache_entries(home.path()) < before + 3 && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
        } else {
            thread::sleep(Duration::from_millis(moments.next_millis(full_run_ms)));
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        assert_eq!(snapshot(&yesterday_dir), yesterday, "round {round}");
        assert_feed_is_whole(out.path());
        assert_no_half_written_files(&today);
    }
    assert!(cache_entries(home.path()) >= 3);

    // The next run completes, resumes from the cache and sweeps the killed runs' temp files.
    let report = brief_report(
        home.path(),
        out.path(),
        &today_sources,
        &["--publish", "--base-url", "http://127.0.0.1/nashra"],
    );
    assert!(
        report["clips_cached"].as_u64().unwrap() >= 3,
        "the run resumes from the clip cache: {report}"
    );
    assert_eq!(temp_files(out.path()), Vec::<PathBuf>::new());
    assert_eq!(snapshot(&yesterday_dir), yesterday);
    assert_feed_is_whole(out.path());
    let feed = fs::read_to_string(out.path().join("feed.xml")).unwrap();
    assert!(feed.contains("2026-11-28") && feed.contains("2026-11-29"));
    assert_no_half_written_files(&today);
}

#[test]
fn corrupt_or_truncated_cache_entries_are_synthesized_again() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sources = [samples_dir().join("heatwave-warning.txt")];
    let run = |out: &Path| brief_report(home.path(), out, &sources, &[]);
    let first = run(out.path());
    let segments = first["segments"].as_u64().unwrap();
    assert_eq!(first["clips_synthesized"].as_u64().unwrap(), segments);

    let entries: Vec<PathBuf> = snapshot(&home.path().join("cache/clips"))
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "clip"))
        .collect();
    assert!(entries.len() >= 3);
    // One truncated, one with a flipped byte, one emptied; plus a stray temp file.
    let bytes = fs::read(&entries[0]).unwrap();
    fs::write(&entries[0], &bytes[..bytes.len() / 2]).unwrap();
    let mut bytes = fs::read(&entries[1]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    fs::write(&entries[1], bytes).unwrap();
    fs::write(&entries[2], b"").unwrap();
    fs::write(entries[0].with_file_name(".nashra-stray.tmp"), b"junk").unwrap();

    let other_out = tempfile::tempdir().unwrap();
    let second = run(other_out.path());
    assert_eq!(second["clips_synthesized"].as_u64().unwrap(), 3, "{second}");
    assert_eq!(second["clips_cached"].as_u64().unwrap(), segments - 3);
    // The repaired entries serve the next run.
    let third = run(tempfile::tempdir().unwrap().path());
    assert_eq!(third["clips_synthesized"].as_u64().unwrap(), 0, "{third}");
}
