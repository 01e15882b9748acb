//! The voice store: installed voice files under `<nashra home>/voices/<id>/`, each folder with a
//! receipt (`installed.toml`) recording the verified checksums. Installs are atomic: files are
//! downloaded or copied into a temporary folder, verified, and only then moved into place.
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::catalog::{FileRole, LocalFile, VoiceFile, VoiceManifest};
use super::checked_files;
use super::TtsError;

const RECEIPT: &str = "installed.toml";
/// Base URL of the Hugging Face Hub, where unpinned checksums are looked up unless
/// [`VoiceStore::with_hf_endpoint`] names another (the `nashra` binary reads `HF_ENDPOINT`, as
/// huggingface_hub does).
pub const DEFAULT_HF_ENDPOINT: &str = "https://huggingface.co";

/// The platform's data folder for nashra (`~/.local/share/nashra` on Linux), else `.nashra`.
/// Reads no environment variable: the `nashra` binary uses `$NASHRA_HOME` when set, else this.
pub fn default_home() -> PathBuf {
    directories::ProjectDirs::from("", "", "nashra")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".nashra"))
}

/// What the store remembers about one installed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledFile {
    /// File name inside the voice folder.
    pub name: String,
    /// Verified SHA-256.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// The receipt written next to an installed voice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// Voice id.
    pub id: String,
    /// Where the files came from (URL base or local folder).
    pub source: String,
    /// When (RFC 3339).
    pub installed_at: String,
    /// The verified files.
    pub files: Vec<InstalledFile>,
}

/// An installed Piper voice whose files were verified: the model bytes handed out are exactly
/// bytes whose checksum matched (see [`VerifiedVoiceFiles::model_bytes`]), so nothing can
/// change the model between the check and the load, and several workers load from one read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedVoiceFiles {
    /// Where the ONNX model was read from (for messages).
    pub model: PathBuf,
    /// Where the JSON config was read from (for messages).
    pub config: PathBuf,
    /// SHA-256 of the model (identifies the voice in caches).
    pub model_sha256: String,
    /// The verified model, read when first asked for (shared by the clones).
    model_bytes: std::sync::Arc<std::sync::OnceLock<Result<std::sync::Arc<[u8]>, String>>>,
    /// The verified config.
    pub config_text: String,
}

impl VerifiedVoiceFiles {
    /// The verified model. A model hashed during verification was kept in memory then; one
    /// whose recorded checksum vouched for it (untouched on disk since it last matched) is
    /// read on first use, only when a session has to be made from it (a cached optimized
    /// graph needs none of it): it is trusted if the file is still untouched, else hashed.
    pub fn model_bytes(&self) -> Result<std::sync::Arc<[u8]>, TtsError> {
        self.model_bytes
            .get_or_init(|| self.read_model().map_err(|e| e.to_string()))
            .clone()
            .map_err(|message| TtsError::VoiceLoad {
                path: self.model.clone(),
                message,
            })
    }

    fn read_model(&self) -> Result<std::sync::Arc<[u8]>, TtsError> {
        let untouched = checked_files::vouches_for(&self.model, &self.model_sha256);
        let bytes = fs::read(&self.model).map_err(|e| TtsError::io(&self.model, e))?;
        if !untouched {
            let actual = hex::encode(Sha256::digest(&bytes));
            check_sum(
                &self.model.display().to_string(),
                &self.model_sha256,
                &actual,
            )?;
        }
        Ok(bytes.into())
    }
}

/// The installed voices.
#[derive(Debug, Clone)]
pub struct VoiceStore {
    root: PathBuf,
    hf_endpoint: String,
}

impl VoiceStore {
    /// The store under `nashra_home`.
    pub fn new(nashra_home: &Path) -> Self {
        Self {
            root: nashra_home.join("voices"),
            hf_endpoint: DEFAULT_HF_ENDPOINT.to_string(),
        }
    }

    /// The same store, looking up unpinned checksums on the Hugging Face Hub at `endpoint`
    /// (default `DEFAULT_HF_ENDPOINT`).
    pub fn with_hf_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.hf_endpoint = endpoint.into();
        self
    }

    /// The store's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of voice `id`.
    pub fn voice_dir(&self, id: &str) -> PathBuf {
        self.root.join(id)
    }

    /// The receipt of an installed voice, if it is installed.
    pub fn receipt(&self, id: &str) -> Option<Receipt> {
        let text = fs::read_to_string(self.voice_dir(id).join(RECEIPT)).ok()?;
        toml::from_str(&text).ok()
    }

    /// True when `manifest` needs no files or all its files are installed.
    pub fn is_installed(&self, manifest: &VoiceManifest) -> bool {
        manifest.is_built_in() || self.receipt(&manifest.id).is_some()
    }

    /// Install `manifest`'s files from a local folder (or from the folder of a given file),
    /// verifying each against its pinned checksum.
    pub fn install_from_dir(
        &self,
        manifest: &VoiceManifest,
        from: &Path,
    ) -> Result<Receipt, TtsError> {
        let dir = if from.is_file() {
            from.parent().unwrap_or(Path::new(".")).to_path_buf()
        } else {
            from.to_path_buf()
        };
        self.install_with(manifest, &dir.display().to_string(), |file, dest| {
            let source = dir.join(&file.name);
            let expected = file.sha256.clone().ok_or_else(|| TtsError::Unpinned {
                voice: manifest.id.clone(),
                file: file.name.clone(),
            })?;
            let mut input = fs::File::open(&source).map_err(|e| TtsError::io(&source, e))?;
            let (sha256, size) = copy_hashing(&mut input, dest, &source)?;
            check_sum(&source.display().to_string(), &expected, &sha256)?;
            Ok(InstalledFile {
                name: file.name.clone(),
                sha256,
                size,
            })
        })
    }

    /// Download and install `manifest`'s files, verifying each against its pinned checksum or,
    /// where none is pinned, the publisher's checksum from the Hugging Face metadata.
    pub fn install_from_network(
        &self,
        manifest: &VoiceManifest,
        progress: &dyn Fn(&str, u64, Option<u64>),
    ) -> Result<Receipt, TtsError> {
        let client = download_client()?;
        self.install_with(manifest, "network", |file, dest| {
            let url = file.url.clone().ok_or_else(|| TtsError::NoUrl {
                voice: manifest.id.clone(),
                file: file.name.clone(),
            })?;
            let expected = expected_checksum(&client, &self.hf_endpoint, manifest, file)?;
            let mut response = client
                .get(&url)
                .send()
                .and_then(|r| r.error_for_status())
                .map_err(|e| TtsError::Download {
                    url: url.clone(),
                    message: error_chain(&e),
                })?;
            let total = response.content_length();
            let mut reader = ProgressReader {
                inner: &mut response,
                done: 0,
                total,
                name: &file.name,
                progress,
            };
            let (sha256, size) = copy_hashing(&mut reader, dest, Path::new(&url))?;
            expected.verify(&url, &sha256, dest)?;
            Ok(InstalledFile {
                name: file.name.clone(),
                sha256,
                size,
            })
        })
    }

    /// Remove an installed voice. Returns false when it was not installed.
    pub fn remove(&self, id: &str) -> Result<bool, TtsError> {
        let dir = self.voice_dir(id);
        if !dir.exists() {
            return Ok(false);
        }
        fs::remove_dir_all(&dir).map_err(|e| TtsError::io(&dir, e))?;
        Ok(true)
    }

    /// The verified files of an installed Piper voice: every file is hashed and compared with
    /// the manifest's pinned checksum (or the receipt's, for voices without pinned checksums)
    /// before the model may be loaded. A file that matched before and is untouched on disk
    /// since is not hashed again (see `checked_files`).
    pub fn verified_files(&self, manifest: &VoiceManifest) -> Result<VerifiedVoiceFiles, TtsError> {
        let receipt = self
            .receipt(&manifest.id)
            .ok_or_else(|| TtsError::NotInstalled {
                id: manifest.id.clone(),
            })?;
        let dir = self.voice_dir(&manifest.id);
        let mut model = None;
        let mut config = None;
        for file in &manifest.files {
            let path = dir.join(&file.name);
            let expected = match &file.sha256 {
                Some(sum) => sum.clone(),
                None => receipt
                    .files
                    .iter()
                    .find(|f| f.name == file.name)
                    .map(|f| f.sha256.clone())
                    .ok_or_else(|| TtsError::NotInstalled {
                        id: manifest.id.clone(),
                    })?,
            };
            let known = checked_files::recorded_sum(&dir, &file.name)
                .filter(|sum| sum.eq_ignore_ascii_case(&expected));
            if file.role == FileRole::Other {
                if known.is_none() {
                    check_sum(&path.display().to_string(), &expected, &sha256_file(&path)?)?;
                    checked_files::record_sum(&dir, &file.name, &expected);
                }
                continue;
            }
            if let (FileRole::Model, Some(sum)) = (&file.role, &known) {
                // Vouched for by the record: read later, only if a session needs it.
                model = Some((path, sum.clone(), None));
                continue;
            }
            let bytes = fs::read(&path).map_err(|e| TtsError::io(&path, e))?;
            let actual = match known {
                Some(sum) => sum,
                None => {
                    let actual = hex::encode(Sha256::digest(&bytes));
                    check_sum(&path.display().to_string(), &expected, &actual)?;
                    checked_files::record_sum(&dir, &file.name, &actual);
                    actual
                }
            };
            match file.role {
                FileRole::Model => model = Some((path, actual, Some(bytes))),
                _ => config = Some((path, bytes)),
            }
        }
        match (model, config) {
            (Some((model, model_sha256, model_bytes)), Some((config, config_bytes))) => {
                let read = std::sync::OnceLock::new();
                if let Some(bytes) = model_bytes {
                    let _ = read.set(Ok(bytes.into()));
                }
                let config_text =
                    String::from_utf8(config_bytes).map_err(|e| TtsError::VoiceLoad {
                        path: config.to_path_buf(),
                        message: e.to_string(),
                    })?;
                Ok(VerifiedVoiceFiles {
                    model,
                    config,
                    model_sha256,
                    model_bytes: std::sync::Arc::new(read),
                    config_text,
                })
            }
            _ => Err(TtsError::NotInstalled {
                id: manifest.id.clone(),
            }),
        }
    }

    /// Run `fetch` for every file into a temporary folder, then move the folder into place.
    fn install_with(
        &self,
        manifest: &VoiceManifest,
        source: &str,
        mut fetch: impl FnMut(&VoiceFile, &Path) -> Result<InstalledFile, TtsError>,
    ) -> Result<Receipt, TtsError> {
        if manifest.is_built_in() {
            return Err(TtsError::BuiltIn {
                id: manifest.id.clone(),
            });
        }
        fs::create_dir_all(&self.root).map_err(|e| TtsError::io(&self.root, e))?;
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{}-", manifest.id))
            .tempdir_in(&self.root)
            .map_err(|e| TtsError::io(&self.root, e))?;
        let mut files = Vec::new();
        for file in &manifest.files {
            files.push(fetch(file, &staging.path().join(&file.name))?);
        }
        let receipt = Receipt {
            id: manifest.id.clone(),
            source: source.to_string(),
            installed_at: chrono::Utc::now().to_rfc3339(),
            files,
        };
        let receipt_text = toml::to_string(&receipt).map_err(|e| TtsError::Manifest {
            origin: RECEIPT.into(),
            message: e.to_string(),
        })?;
        let receipt_path = staging.path().join(RECEIPT);
        fs::write(&receipt_path, receipt_text).map_err(|e| TtsError::io(&receipt_path, e))?;
        self.swap_into_place(&manifest.id, staging.keep())?;
        Ok(receipt)
    }

    fn swap_into_place(&self, id: &str, staged: PathBuf) -> Result<(), TtsError> {
        let target = self.voice_dir(id);
        let old = self.root.join(format!(".{id}.old"));
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| TtsError::io(&old, e))?;
        }
        if target.exists() {
            fs::rename(&target, &old).map_err(|e| TtsError::io(&target, e))?;
        }
        fs::rename(&staged, &target).map_err(|e| TtsError::io(&target, e))?;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| TtsError::io(&old, e))?;
        }
        Ok(())
    }
}

/// Largest `.onnx.json` config read by `voices add` (real ones are a few KB).
const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// A Piper voice installed from the user's own files by [`add_local_voice`].
#[derive(Debug, Clone)]
pub struct AddedVoice {
    /// Its manifest (also written to `voices.d/<id>.toml`).
    pub manifest: VoiceManifest,
    /// The install receipt.
    pub receipt: Receipt,
    /// Where the manifest was written.
    pub manifest_path: PathBuf,
}

/// Install a Piper voice the user already has on disk (`model` is its `.onnx`, with the
/// `.onnx.json` config beside it) like any other voice, with no network: the config gives the
/// language, sample rate and eSpeak voice, both files' checksums are computed and pinned in a
/// user manifest (`NASHRA_HOME/voices.d/<id>.toml`), the files are copied into the store and
/// verified, and the model is loaded once to prove it works. The id is the model's file name
/// without `.onnx`. Refuses a missing or unreadable config, an unknown eSpeak voice and a model
/// that does not load, leaving nothing behind.
pub fn add_local_voice(
    nashra_home: &Path,
    model: &Path,
    layout: &super::ModelLayout,
) -> Result<AddedVoice, TtsError> {
    let unusable = |path: &Path, message: String| TtsError::VoiceLoad {
        path: path.to_path_buf(),
        message,
    };
    let id = local_voice_id(model).ok_or_else(|| {
        unusable(
            model,
            "not a Piper model name (expected NAME.onnx, NAME of letters, digits, '-', '_', '.')"
                .into(),
        )
    })?;
    if !model.is_file() {
        return Err(unusable(model, "no such model file".into()));
    }
    let config_path = model.with_file_name(format!("{id}.onnx.json"));
    let config_text = read_config(&config_path)?;
    let local_file = |path: &Path| -> Result<LocalFile, TtsError> {
        let size = fs::metadata(path).map_err(|e| TtsError::io(path, e))?.len();
        Ok(LocalFile {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256: sha256_file(path)?,
            size,
        })
    };
    let manifest = VoiceManifest::for_local_piper(
        &id,
        &config_text,
        &config_path.display().to_string(),
        local_file(model)?,
        local_file(&config_path)?,
    )?;
    check_espeak_voice(&manifest, &config_path)?;
    refuse_built_in_espeak_id(&id, model)?;
    let store = VoiceStore::new(nashra_home);
    let receipt = store.install_from_dir(&manifest, model)?;
    let undo = |error: TtsError| {
        let _ = store.remove(&id);
        error
    };
    let manifest_path = write_user_manifest(nashra_home, &manifest).map_err(undo)?;
    let loaded = super::VoiceSource::from_manifest_with(manifest.clone(), &store, layout)
        .and_then(|s| s.load(1));
    if let Err(error) = loaded {
        let _ = fs::remove_file(&manifest_path);
        return Err(undo(unusable(
            model,
            format!("the model does not load: {error}"),
        )));
    }
    Ok(AddedVoice {
        manifest,
        receipt,
        manifest_path,
    })
}

/// `NAME` of `…/NAME.onnx`, when it is a safe voice id.
fn local_voice_id(model: &Path) -> Option<String> {
    let name = model.file_name()?.to_str()?;
    let id = name.strip_suffix(".onnx")?;
    super::catalog::is_safe_name(id).then(|| id.to_string())
}

/// The config text: a missing, unreadable, oversized or non-UTF-8 config is refused.
fn read_config(path: &Path) -> Result<String, TtsError> {
    let unusable = |message: String| TtsError::VoiceLoad {
        path: path.to_path_buf(),
        message,
    };
    let file = fs::File::open(path).map_err(|e| {
        unusable(format!(
            "cannot read the voice's config ({e}); a Piper voice needs NAME.onnx.json beside NAME.onnx"
        ))
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unusable(format!("cannot read the voice's config: {e}")))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(unusable(format!("larger than {MAX_CONFIG_BYTES} bytes")));
    }
    String::from_utf8(bytes).map_err(|_| unusable("not UTF-8 text".into()))
}

/// Refuse a voice whose eSpeak voice is unknown to the eSpeak NG compiled into nashra.
fn check_espeak_voice(manifest: &VoiceManifest, config: &Path) -> Result<(), TtsError> {
    let voice = manifest.espeak_voice.as_deref().unwrap_or_default();
    match super::espeak::phonemize("a", voice) {
        Ok(phonemes) if !phonemes.trim().is_empty() => Ok(()),
        _ => Err(TtsError::VoiceLoad {
            path: config.to_path_buf(),
            message: format!(
                "unknown eSpeak voice {voice:?} (not in the eSpeak NG built into nashra)"
            ),
        }),
    }
}

/// The built-in eSpeak voices' ids cannot be taken by a model.
fn refuse_built_in_espeak_id(id: &str, model: &Path) -> Result<(), TtsError> {
    let built_in = super::Catalog::built_in()?;
    match built_in.get(id) {
        Ok(voice) if voice.engine == super::Engine::Espeak => Err(TtsError::VoiceLoad {
            path: model.to_path_buf(),
            message: format!("`{id}` is a built-in eSpeak voice; rename the model"),
        }),
        _ => Ok(()),
    }
}

/// Write `manifest` to `NASHRA_HOME/voices.d/<id>.toml` (atomically).
fn write_user_manifest(nashra_home: &Path, manifest: &VoiceManifest) -> Result<PathBuf, TtsError> {
    let dir = nashra_home.join("voices.d");
    fs::create_dir_all(&dir).map_err(|e| TtsError::io(&dir, e))?;
    let path = dir.join(format!("{}.toml", manifest.id));
    let text = toml::to_string(manifest).map_err(|e| TtsError::Manifest {
        origin: path.display().to_string(),
        message: e.to_string(),
    })?;
    let header =
        "# Written by `nashra voices add`: a Piper voice from local files, checksums pinned.\n";
    crate::fsutil::write_atomic(&path, format!("{header}{text}").as_bytes())
        .map_err(|e| TtsError::io(&path, e))?;
    Ok(path)
}

/// How a downloaded file is checked.
enum ExpectedChecksum {
    /// A SHA-256 (pinned, or the publisher's LFS object id).
    Sha256(String),
    /// A git blob id (SHA-1 of `blob <len>\0<content>`), for small files kept in git itself.
    GitBlob(String),
}

impl ExpectedChecksum {
    fn verify(&self, name: &str, actual_sha256: &str, path: &Path) -> Result<(), TtsError> {
        match self {
            Self::Sha256(expected) => check_sum(name, expected, actual_sha256),
            Self::GitBlob(expected) => {
                let bytes = fs::read(path).map_err(|e| TtsError::io(path, e))?;
                check_sum(name, expected, &git_blob_id(&bytes))
            }
        }
    }
}

fn expected_checksum(
    client: &reqwest::blocking::Client,
    endpoint: &str,
    manifest: &VoiceManifest,
    file: &VoiceFile,
) -> Result<ExpectedChecksum, TtsError> {
    if let Some(sum) = &file.sha256 {
        return Ok(ExpectedChecksum::Sha256(sum.clone()));
    }
    let unpinned = || TtsError::Unpinned {
        voice: manifest.id.clone(),
        file: file.name.clone(),
    };
    let (Some(hf), Some(path)) = (&manifest.huggingface, &file.hf_path) else {
        return Err(unpinned());
    };
    let url = format!(
        "{}/api/models/{}/paths-info/{}",
        endpoint.trim_end_matches('/'),
        hf.repo,
        hf.revision
    );
    let fail = |message: String| TtsError::Download {
        url: url.clone(),
        message,
    };
    let entries: Vec<HfPathInfo> = client
        .post(&url)
        .form(&[("paths", path.as_str())])
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .map_err(|e| fail(error_chain(&e)))?;
    let entry = entries
        .into_iter()
        .find(|e| &e.path == path)
        .ok_or_else(|| fail(format!("no entry for {path}")))?;
    match (entry.lfs, entry.oid) {
        (Some(lfs), _) => Ok(ExpectedChecksum::Sha256(lfs.oid)),
        (None, Some(oid)) => Ok(ExpectedChecksum::GitBlob(oid)),
        (None, None) => Err(unpinned()),
    }
}

/// One entry of the Hub's `paths-info` answer.
#[derive(Debug, Deserialize)]
struct HfPathInfo {
    path: String,
    oid: Option<String>,
    lfs: Option<HfLfs>,
}

#[derive(Debug, Deserialize)]
struct HfLfs {
    oid: String,
}

fn download_client() -> Result<reqwest::blocking::Client, TtsError> {
    reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30 * 60))
        .user_agent(concat!("nashra/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| TtsError::Download {
            url: String::new(),
            message: error_chain(&e),
        })
}

/// The whole chain of causes, joined: reqwest's top-level messages alone are vague.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

struct ProgressReader<'a, R> {
    inner: R,
    done: u64,
    total: Option<u64>,
    name: &'a str,
    progress: &'a dyn Fn(&str, u64, Option<u64>),
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        (self.progress)(self.name, self.done, self.total);
        Ok(n)
    }
}

/// Copy `input` to `dest`, returning its SHA-256 and size.
fn copy_hashing(
    input: &mut dyn Read,
    dest: &Path,
    source: &Path,
) -> Result<(String, u64), TtsError> {
    let mut out = fs::File::create(dest).map_err(|e| TtsError::io(dest, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = input.read(&mut buf).map_err(|e| TtsError::io(source, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])
            .map_err(|e| TtsError::io(dest, e))?;
        size += n as u64;
    }
    out.sync_all().map_err(|e| TtsError::io(dest, e))?;
    Ok((hex::encode(hasher.finalize()), size))
}

/// SHA-256 of a file, lowercase hex.
pub fn sha256_file(path: &Path) -> Result<String, TtsError> {
    let mut file = fs::File::open(path).map_err(|e| TtsError::io(path, e))?;
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher).map_err(|e| TtsError::io(path, e))?;
    Ok(hex::encode(hasher.finalize()))
}

fn git_blob_id(bytes: &[u8]) -> String {
    use sha1_smol::Sha1;
    let mut hasher = Sha1::new();
    hasher.update(format!("blob {}\0", bytes.len()).as_bytes());
    hasher.update(bytes);
    hasher.digest().to_string()
}

fn check_sum(name: &str, expected: &str, actual: &str) -> Result<(), TtsError> {
    if expected.eq_ignore_ascii_case(actual) {
        Ok(())
    } else {
        Err(TtsError::ChecksumMismatch {
            file: name.to_string(),
            expected: expected.to_string(),
            actual: actual.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256_hex(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))
    }

    fn tiny_voice(model: &[u8], config: &[u8]) -> Result<VoiceManifest, TtsError> {
        VoiceManifest::parse(
            &format!(
                "id = \"tiny\"\nname = \"Tiny\"\nlanguage = \"en\"\nengine = \"piper\"\n\
                 sample_rate = 22050\nlicence = \"CC0-1.0\"\n\
                 [[files]]\nname = \"tiny.onnx\"\nrole = \"model\"\nsha256 = \"{}\"\n\
                 [[files]]\nname = \"tiny.onnx.json\"\nrole = \"config\"\nsha256 = \"{}\"\n",
                sha256_hex(model),
                sha256_hex(config)
            ),
            "tiny.toml",
        )
    }

    #[test]
    fn a_model_vouched_for_by_its_record_is_read_when_needed_and_hashed_if_it_changed(
    ) -> Result<(), TtsError> {
        let (model, config) = (b"weights".as_slice(), b"{}".as_slice());
        let temp = tempfile::tempdir().map_err(|e| TtsError::io(Path::new("tmp"), e))?;
        let from = temp.path().join("from");
        fs::create_dir_all(&from).map_err(|e| TtsError::io(&from, e))?;
        for (name, bytes) in [("tiny.onnx", model), ("tiny.onnx.json", config)] {
            fs::write(from.join(name), bytes).map_err(|e| TtsError::io(&from, e))?;
        }
        let manifest = tiny_voice(model, config)?;
        let store = VoiceStore::new(&temp.path().join("home"));
        store.install_from_dir(&manifest, &from)?;
        let dir = store.voice_dir("tiny");
        let model_path = dir.join("tiny.onnx");
        checked_files::record_sum_settled(&dir, "tiny.onnx", &sha256_hex(model));

        let files = store.verified_files(&manifest)?;
        assert_eq!(&*files.model_bytes()?, model);

        // Changed between the check and the first use: hashed, and refused.
        let files = store.verified_files(&manifest)?;
        fs::write(&model_path, b"tampered").map_err(|e| TtsError::io(&model_path, e))?;
        let refused = files.model_bytes();
        assert!(
            matches!(&refused, Err(TtsError::VoiceLoad { message, .. }) if message.contains("checksum")),
            "{refused:?}"
        );
        // Checked (and hashed) afresh, the tampered model is refused at once.
        assert!(matches!(
            store.verified_files(&manifest),
            Err(TtsError::ChecksumMismatch { .. })
        ));
        Ok(())
    }
}
