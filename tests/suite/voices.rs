//! Voice catalog, store and install: from local files, over real HTTP on 127.0.0.1, and the
//! refusal of files whose checksum does not match.
use crate::common;

use std::fs;
use std::path::Path;
use std::thread;

use common::{install_test_voice, nashra, test_voice_dir};
use predicates::prelude::*;
use sha2::{Digest, Sha256};

#[test]
fn list_shows_every_voice_and_its_status() {
    let home = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args(["voices", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("espeak-ar").and(predicate::str::contains("built-in")))
        .stdout(predicate::str::contains("ar_JO-kareem-medium"))
        .stdout(predicate::str::contains("en_US-joe-medium"));
    install_test_voice(home.path());
    let out = nashra(home.path())
        .args(["voices", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let joe = list
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "en_US-joe-medium")
        .unwrap();
    assert_eq!(joe["installed"], true);
    let kareem = list
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "ar_JO-kareem-medium")
        .unwrap();
    assert_eq!(kareem["installed"], false);
}

#[test]
fn install_from_local_files_verifies_and_remove_deletes() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let dir = home.path().join("voices/en_US-joe-medium");
    assert!(dir.join("en_US-joe-medium.onnx").is_file());
    assert!(dir.join("installed.toml").is_file());
    // No temporary folders are left behind.
    let leftovers: Vec<_> = fs::read_dir(home.path().join("voices"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty());
    nashra(home.path())
        .args(["voices", "remove", "en_US-joe-medium"])
        .assert()
        .success();
    assert!(!dir.exists());
    nashra(home.path())
        .args(["voices", "remove", "en_US-joe-medium"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not installed"));
}

#[test]
fn install_refuses_a_file_whose_checksum_does_not_match() {
    let home = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let source = test_voice_dir();
    fs::copy(
        source.join("en_US-joe-medium.onnx"),
        files.path().join("en_US-joe-medium.onnx"),
    )
    .unwrap();
    let mut config = fs::read(source.join("en_US-joe-medium.onnx.json")).unwrap();
    config.push(b' ');
    fs::write(files.path().join("en_US-joe-medium.onnx.json"), config).unwrap();
    nashra(home.path())
        .args(["voices", "install", "en_US-joe-medium", "--from"])
        .arg(files.path())
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("checksum mismatch")
                .and(predicate::str::contains("en_US-joe-medium.onnx.json")),
        );
    assert!(
        !home.path().join("voices/en_US-joe-medium").exists(),
        "nothing may be installed"
    );
}

#[test]
fn a_voice_corrupted_after_install_is_not_loaded() {
    let home = tempfile::tempdir().unwrap();
    install_test_voice(home.path());
    let model = home
        .path()
        .join("voices/en_US-joe-medium/en_US-joe-medium.onnx");
    let mut bytes = fs::read(&model).unwrap();
    bytes.truncate(bytes.len() / 2);
    fs::write(&model, bytes).unwrap();
    let out = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args(["say", "hello", "--voice", "en_US-joe-medium", "-o"])
        .arg(out.path().join("x.wav"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("checksum mismatch"));
    assert!(!out.path().join("x.wav").exists());
}

/// Serve `files` (name → bytes) over HTTP on 127.0.0.1; also answers the Hugging Face
/// `paths-info` metadata call with the LFS sha256 of each file.
fn serve(
    files: Vec<(String, Vec<u8>)>,
    requests: usize,
) -> (String, thread::JoinHandle<Vec<String>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let handle = thread::spawn(move || {
        let mut seen = Vec::new();
        for _ in 0..requests {
            let Ok(Some(mut request)) = server.recv_timeout(std::time::Duration::from_secs(30))
            else {
                break;
            };
            let url = request.url().to_string();
            seen.push(url.clone());
            if url.contains("/api/models/") {
                let mut body = String::new();
                request.as_reader().read_to_string(&mut body).unwrap();
                let info: Vec<serde_json::Value> = files
                    .iter()
                    .filter(|(name, _)| {
                        body.contains(&name.replace('.', "%2E")) || body.contains(name.as_str())
                    })
                    .map(|(name, bytes)| {
                        serde_json::json!({
                            "type": "file", "path": format!("voice/{name}"), "oid": "x",
                            "lfs": {"oid": hex::encode(Sha256::digest(bytes)), "size": bytes.len()}
                        })
                    })
                    .collect();
                request
                    .respond(tiny_http::Response::from_string(
                        serde_json::to_string(&info).unwrap(),
                    ))
                    .unwrap();
                continue;
            }
            let name = url.rsplit('/').next().unwrap_or_default().to_string();
            match files.iter().find(|(n, _)| *n == name) {
                Some((_, bytes)) => request
                    .respond(tiny_http::Response::from_data(bytes.clone()))
                    .unwrap(),
                None => request.respond(tiny_http::Response::empty(404)).unwrap(),
            }
        }
        seen
    });
    (base, handle)
}

fn voice_files() -> Vec<(String, Vec<u8>)> {
    let dir = test_voice_dir();
    ["en_US-joe-medium.onnx", "en_US-joe-medium.onnx.json"]
        .iter()
        .map(|n| (n.to_string(), fs::read(dir.join(n)).unwrap()))
        .collect()
}

fn write_manifest(home: &Path, id: &str, base: &str, pinned: Option<&[(String, Vec<u8>)]>) {
    let mut text = format!(
        "id = '{id}'\nname = 'test voice'\nlanguage = 'en'\nengine = 'piper'\nsample_rate = 22050\nlicence = 'CC0-1.0'\n\n[huggingface]\nrepo = 'test/voices'\nrevision = 'v1'\n"
    );
    for (name, role) in [
        ("en_US-joe-medium.onnx", "model"),
        ("en_US-joe-medium.onnx.json", "config"),
    ] {
        text.push_str(&format!("\n[[files]]\nname = '{name}'\nrole = '{role}'\nurl = '{base}/files/{name}'\nhf_path = 'voice/{name}'\n"));
        if let Some(files) = pinned {
            let (_, bytes) = files.iter().find(|(n, _)| n == name).unwrap();
            text.push_str(&format!(
                "sha256 = '{}'\n",
                hex::encode(Sha256::digest(bytes))
            ));
        }
    }
    fs::create_dir_all(home.join("voices.d")).unwrap();
    fs::write(home.join(format!("voices.d/{id}.toml")), text).unwrap();
}

#[test]
fn install_over_http_with_pinned_checksums() {
    let home = tempfile::tempdir().unwrap();
    let files = voice_files();
    let (base, server) = serve(files.clone(), 2);
    write_manifest(home.path(), "test-http-voice", &base, Some(&files));
    nashra(home.path())
        .args(["voices", "install", "test-http-voice"])
        .assert()
        .success();
    let seen = server.join().unwrap();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(home
        .path()
        .join("voices/test-http-voice/en_US-joe-medium.onnx")
        .is_file());
    // The installed voice speaks.
    let out = tempfile::tempdir().unwrap();
    nashra(home.path())
        .args(["say", "It works.", "--voice", "test-http-voice", "-o"])
        .arg(out.path().join("a.wav"))
        .assert()
        .success();
}

#[test]
fn install_over_http_refuses_a_mismatching_download() {
    let home = tempfile::tempdir().unwrap();
    let mut files = voice_files();
    let pinned = files.clone();
    files[1].1.extend_from_slice(b"tampered");
    let (base, server) = serve(files, 2);
    write_manifest(home.path(), "test-bad-voice", &base, Some(&pinned));
    nashra(home.path())
        .args(["voices", "install", "test-bad-voice"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("checksum mismatch"));
    drop(server);
    assert!(!home.path().join("voices/test-bad-voice").exists());
}

#[test]
fn install_over_http_verifies_against_publisher_checksums_when_none_is_pinned() {
    let home = tempfile::tempdir().unwrap();
    let files = voice_files();
    let (base, server) = serve(files, 4);
    write_manifest(home.path(), "test-hf-voice", &base, None);
    nashra(home.path())
        .env("HF_ENDPOINT", &base)
        .args(["voices", "install", "test-hf-voice"])
        .assert()
        .success();
    let seen = server.join().unwrap();
    assert_eq!(
        seen.iter()
            .filter(|u| u.contains("/api/models/test/voices/paths-info/v1"))
            .count(),
        2,
        "{seen:?}"
    );
    let receipt =
        fs::read_to_string(home.path().join("voices/test-hf-voice/installed.toml")).unwrap();
    assert!(receipt.contains("58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06"));
}

#[test]
fn unreachable_voice_download_fails_with_one_clear_line() {
    let home = tempfile::tempdir().unwrap();
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    write_manifest(
        home.path(),
        "test-dead-voice",
        &format!("http://127.0.0.1:{port}"),
        Some(&voice_files()),
    );
    let out = nashra(home.path())
        .args(["voices", "install", "test-dead-voice"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("127.0.0.1"), "{stderr}");
}

/// A copy of the test voice's two files in a fresh folder, under the name `id`.
fn copy_test_voice(dir: &Path, id: &str) -> std::path::PathBuf {
    let source = test_voice_dir();
    let model = dir.join(format!("{id}.onnx"));
    fs::copy(source.join("en_US-joe-medium.onnx"), &model).unwrap();
    fs::copy(
        source.join("en_US-joe-medium.onnx.json"),
        dir.join(format!("{id}.onnx.json")),
    )
    .unwrap();
    model
}

#[test]
fn voices_add_installs_a_local_piper_voice_that_is_listed_and_speaks() {
    let home = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let model = copy_test_voice(folder.path(), "en_US-mine-medium");
    nashra(home.path())
        .args(["voices", "add"])
        .arg(&model)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "added en_US-mine-medium (en, 22050 Hz, eSpeak voice en-us",
        ));
    let manifest = fs::read_to_string(home.path().join("voices.d/en_US-mine-medium.toml")).unwrap();
    let model_sum = hex::encode(Sha256::digest(fs::read(&model).unwrap()));
    assert!(
        manifest.contains(&model_sum),
        "checksums pinned: {manifest}"
    );
    let out = nashra(home.path())
        .args(["voices", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "en_US-mine-medium")
        .expect("listed");
    assert_eq!(
        (
            &mine["installed"],
            &mine["language"],
            &mine["engine"],
            &mine["sample_rate"]
        ),
        (
            &serde_json::json!(true),
            &serde_json::json!("en"),
            &serde_json::json!("piper"),
            &serde_json::json!(22050)
        )
    );
    let wav = folder.path().join("hello.wav");
    nashra(home.path())
        .args([
            "say",
            "--voice",
            "en_US-mine-medium",
            "Good morning, this is the news.",
            "-o",
        ])
        .arg(&wav)
        .assert()
        .success();
    let (rate, _, _, samples) = common::read_wav(&wav);
    assert_eq!(rate, 22050);
    assert!(samples.len() > rate as usize && common::rms(&samples) > 0.02);
}

#[test]
fn voices_add_refuses_a_corrupted_copy_and_leaves_nothing_behind() {
    let home = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let refused = |model: &Path, needle: &str| {
        nashra(home.path())
            .args(["voices", "add"])
            .arg(model)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(needle));
    };
    // A model cut short does not load.
    let model = copy_test_voice(folder.path(), "en_US-cut-medium");
    let bytes = fs::read(&model).unwrap();
    fs::write(&model, &bytes[..bytes.len() / 3]).unwrap();
    refused(&model, "the model does not load");
    // A config that is not JSON, or missing.
    let model = copy_test_voice(folder.path(), "en_US-badconfig-medium");
    fs::write(
        folder.path().join("en_US-badconfig-medium.onnx.json"),
        "{\"audio\": ",
    )
    .unwrap();
    refused(&model, "not a Piper voice config");
    let model = copy_test_voice(folder.path(), "en_US-noconfig-medium");
    fs::remove_file(folder.path().join("en_US-noconfig-medium.onnx.json")).unwrap();
    refused(&model, "en_US-noconfig-medium.onnx.json");
    // An eSpeak voice nashra does not have.
    let model = copy_test_voice(folder.path(), "en_US-klingon-medium");
    let config_path = folder.path().join("en_US-klingon-medium.onnx.json");
    let config = fs::read_to_string(&config_path).unwrap();
    fs::write(
        &config_path,
        config.replace("\"voice\": \"en-us\"", "\"voice\": \"tlh-qo\""),
    )
    .unwrap();
    refused(&model, "unknown eSpeak voice \"tlh-qo\"");
    let installed: Vec<_> = fs::read_dir(home.path().join("voices"))
        .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(installed.is_empty(), "nothing installed: {installed:?}");
    let manifests: Vec<_> = fs::read_dir(home.path().join("voices.d"))
        .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(manifests.is_empty(), "no manifest left: {manifests:?}");
}
