//! Build script: links what espeak-rs-sys leaves out, points the binary at the ONNX Runtime
//! library, and finds the diacritization model bundled inside the `libtashkeel_base` crate.
use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // espeak-rs-sys builds eSpeak NG against Debian's libsonic but does not link it.
    if let Some(dir) = static_library_dir("libsonic.a") {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
    println!("cargo:rustc-link-lib=static=sonic");
    // Find libonnxruntime.so next to the binary (ort copies it there) or in .deps.
    println!("cargo:rustc-link-arg=-Wl,-rpath,$ORIGIN");
    if let Ok(ort_dir) = env::var("ORT_LIB_LOCATION") {
        let dir = Path::new(&ort_dir);
        let dir = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join(dir)
        };
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.display());
    }
    match tashkeel_model_path() {
        Some(path) => println!("cargo:rustc-env=NASHRA_TASHKEEL_MODEL={}", path.display()),
        None => {
            panic!("could not locate libtashkeel_base's data/ort/model.onnx via cargo metadata")
        }
    }
}

/// The folder where the C compiler finds `file` (e.g. /usr/lib/x86_64-linux-gnu).
fn static_library_dir(file: &str) -> Option<PathBuf> {
    let compiler = env::var("CC").unwrap_or_else(|_| "cc".into());
    let output = Command::new(compiler)
        .arg(format!("-print-file-name={file}"))
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    // cc echoes the bare name when it does not find the file.
    if path.is_absolute() && path.exists() {
        path.parent().map(Path::to_path_buf)
    } else {
        None
    }
}

/// The path of `data/ort/model.onnx` inside the resolved `libtashkeel_base` package.
fn tashkeel_model_path() -> Option<PathBuf> {
    // --locked keeps the lock file untouched; without it (a lock file being updated), retry.
    // Offline metadata needs every package (dev ones too) downloaded; when it cannot answer,
    // look for the crate in cargo's registry sources.
    let Some(metadata) = cargo_metadata(true).or_else(|| cargo_metadata(false)) else {
        return find_in_registry();
    };
    let packages = metadata.get("packages")?.as_array()?;
    let package = packages
        .iter()
        .find(|p| p.get("name").and_then(|n| n.as_str()) == Some("libtashkeel_base"))?;
    let crate_manifest = PathBuf::from(package.get("manifest_path")?.as_str()?);
    let model = crate_manifest.parent()?.join("data/ort/model.onnx");
    println!("cargo:rerun-if-changed={}", model.display());
    model.exists().then_some(model)
}

/// Search `$CARGO_HOME/registry/src/*/libtashkeel_base-*/data/ort/model.onnx`.
fn find_in_registry() -> Option<PathBuf> {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let mut found = Vec::new();
    for index in std::fs::read_dir(cargo_home.join("registry/src"))
        .ok()?
        .flatten()
    {
        for package in std::fs::read_dir(index.path()).ok()?.flatten() {
            let name = package.file_name().to_string_lossy().to_string();
            let model = package.path().join("data/ort/model.onnx");
            if name.starts_with("libtashkeel_base-") && model.exists() {
                found.push((name, model));
            }
        }
    }
    found.sort();
    found.pop().map(|(_, model)| model)
}

fn cargo_metadata(locked: bool) -> Option<serde_json::Value> {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let target = env::var("TARGET").ok()?;
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").ok()?).join("Cargo.toml");
    let mut command = Command::new(cargo);
    command.args(["metadata", "--format-version", "1", "--offline"]);
    if locked {
        command.arg("--locked");
    }
    let output = command
        .args(["--filter-platform", &target, "--manifest-path"])
        .arg(&manifest)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}
