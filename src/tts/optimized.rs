//! The optimized-model cache: ONNX Runtime's fully optimized graph of a voice, saved next to
//! the verified voice the first time it is loaded, so later processes skip the optimization.
//!
//! Creating a session at the highest optimization level spends most of its time optimizing
//! the graph (on the test voice about 0.35 s of 0.45 s); a session over the saved optimized
//! graph, with optimization off, runs the same kernels on the same arithmetic. The saved
//! graph may hold layout choices made for this CPU and this ONNX Runtime build, so the cache
//! is keyed by the model's checksum, the model layout, the ONNX Runtime build and the CPU.
//! The saved graph's own SHA-256 is recorded beside it and checked before every load, and
//! the session is made from exactly the bytes checked, as for the voice files; an entry that
//! fails the check or cannot be loaded is removed and made again.
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ort::session::Session;
use sha2::{Digest, Sha256};

use super::checked_files;
use super::session::{self, SessionSettings};
use super::{ModelLayout, TtsError};

/// Folder inside a voice's folder that holds its optimized models.
pub const OPTIMIZED_DIR: &str = ".optimized";

/// Where one model's optimized graph is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptimizedModel {
    path: PathBuf,
}

impl OptimizedModel {
    /// The cache entry in `voice_dir` for the model with checksum `model_sha256` given to
    /// ONNX Runtime in `layout` (as asked for).
    pub fn locate(voice_dir: &Path, model_sha256: &str, layout: &ModelLayout) -> Self {
        Self::locate_part(voice_dir, model_sha256, layout, None)
    }

    /// Like [`OptimizedModel::locate`], for one `part` of the model cut at its decoder
    /// (`front` or `decoder`, see `split`) when given.
    pub fn locate_part(
        voice_dir: &Path,
        model_sha256: &str,
        layout: &ModelLayout,
        part: Option<&str>,
    ) -> Self {
        let layout_tag = match layout {
            ModelLayout::Decoder2d => "dec2d",
            ModelLayout::AsShipped(_) => "shipped",
        };
        let model: String = model_sha256.chars().take(16).collect();
        let part = part.map(|p| format!("{p}-")).unwrap_or_default();
        let name = format!("{model}-{layout_tag}-{part}{}.onnx", runtime_key());
        Self {
            path: voice_dir.join(OPTIMIZED_DIR).join(name),
        }
    }

    /// The optimized graph's file.
    #[cfg(test)]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The layout the cached graph was made from, when the cache holds this model.
    pub fn cached_layout(&self) -> Option<ModelLayout> {
        if !self.path.is_file() {
            return None;
        }
        self.record().map(|(layout, _)| layout)
    }

    /// The SHA-256 recorded for the cached graph.
    fn recorded_sha256(&self) -> Option<String> {
        self.record().map(|(_, sum)| sum)
    }

    /// What is recorded beside the cached graph: the layout it was made from (first line) and
    /// its SHA-256 (`sha256 <hex>`; empty when missing).
    fn record(&self) -> Option<(ModelLayout, String)> {
        let text = std::fs::read_to_string(self.layout_path()).ok()?;
        let mut lines = text.lines();
        let first = lines.next()?;
        let layout = match first.split_once(':') {
            None if first == "dec2d" => ModelLayout::Decoder2d,
            Some(("shipped", why)) => ModelLayout::AsShipped(why.trim().to_string()),
            _ => return None,
        };
        let sum = lines
            .find_map(|line| line.strip_prefix("sha256 "))
            .unwrap_or_default();
        Some((layout, sum.trim().to_string()))
    }

    /// A session over the cached graph, or `None` when there is none or it cannot be loaded
    /// (a broken entry is removed, so the next load makes it again).
    /// The graph is hashed only when it changed on disk since it last matched (see
    /// `checked_files`, whose record for the cache is kept in the cache's folder).
    pub fn load(&self, settings: &SessionSettings) -> Option<Session> {
        let expected = self.recorded_sha256().filter(|sum| !sum.is_empty())?;
        let dir = self.path.parent()?;
        let name = self.path.file_name()?.to_str()?;
        let untouched = checked_files::vouches_for(&self.path, &expected);
        let bytes = std::fs::read(&self.path).ok()?;
        let intact =
            untouched || hex::encode(Sha256::digest(&bytes)).eq_ignore_ascii_case(&expected);
        if intact && !untouched {
            checked_files::record_sum(dir, name, &expected);
        }
        match intact.then(|| session::session_from_optimized_bytes(&bytes, settings)) {
            Some(Ok(session)) => Some(session),
            _ => {
                self.remove();
                None
            }
        }
    }

    /// A session over `bytes` (the model read from `model`, given in `layout`) that also
    /// saves the optimized graph here. When the graph cannot be saved the session is still
    /// returned: the cache only makes later loads faster.
    pub fn build_and_save(
        &self,
        model: &Path,
        bytes: &[u8],
        layout: &ModelLayout,
        settings: &SessionSettings,
    ) -> Result<Session, TtsError> {
        let Some(dir) = self.path.parent() else {
            return session::build_session(model, bytes, settings);
        };
        let temp = std::fs::create_dir_all(dir)
            .and_then(|()| tempfile::Builder::new().suffix(".onnx").tempfile_in(dir))
            .map(tempfile::NamedTempFile::into_temp_path);
        let Ok(temp) = temp else {
            return session::build_session(model, bytes, settings);
        };
        let session = session::build_session_saving(model, bytes, settings, &temp)?;
        let saved = std::fs::read(&temp).is_ok_and(|graph| {
            let record = format!(
                "{}sha256 {}\n",
                layout_text(layout),
                hex::encode(Sha256::digest(&graph))
            );
            !graph.is_empty() && std::fs::write(self.layout_path(), record).is_ok()
        }) && temp.persist(&self.path).is_ok();
        if saved {
            self.sweep_stale();
        } else {
            self.remove();
        }
        Ok(session)
    }

    /// Removes the entries that can no longer be used beside this one: those of another model
    /// (the voice was replaced) or of another ONNX Runtime build or CPU, and temporary files a
    /// killed process left more than a day ago. Entries of the same model and runtime in
    /// another layout stay. Each entry is about the size of the voice, so without this an
    /// upgrade of ONNX Runtime would leave the old graphs behind for good.
    fn sweep_stale(&self) {
        let Some(dir) = self.path.parent() else {
            return;
        };
        let Some(own) = self.path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            if is_stale_entry(name, own) || is_abandoned_temp(name, &entry) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    fn layout_path(&self) -> PathBuf {
        self.path.with_extension("layout")
    }

    fn remove(&self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(self.layout_path());
    }
}

/// The model and runtime parts of a cache file's name (`<model>-<layout>-<runtime>.onnx`, or
/// `.layout` for its record).
fn entry_keys(name: &str) -> Option<(&str, &str)> {
    let stem = name
        .strip_suffix(".onnx")
        .or_else(|| name.strip_suffix(".layout"))?;
    let (model, rest) = stem.split_once('-')?;
    let (_, runtime) = rest.rsplit_once('-')?;
    Some((model, runtime))
}

/// True for a cache file of another model or another runtime than the entry named `own`.
fn is_stale_entry(name: &str, own: &str) -> bool {
    match (entry_keys(name), entry_keys(own)) {
        (Some((model, runtime)), Some((own_model, own_runtime))) => {
            model != own_model || runtime != own_runtime
        }
        _ => false,
    }
}

/// True for a temporary graph (`.tmp….onnx`) not touched for a day: its writer is gone.
fn is_abandoned_temp(name: &str, entry: &std::fs::DirEntry) -> bool {
    const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
    name.starts_with(".tmp")
        && entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > DAY)
}

/// How a layout is written in the cache's `.layout` file.
fn layout_text(layout: &ModelLayout) -> String {
    match layout {
        ModelLayout::Decoder2d => "dec2d\n".to_string(),
        ModelLayout::AsShipped(why) => format!("shipped: {}\n", why.replace('\n', " ")),
    }
}

/// A short key for the ONNX Runtime build and the CPU the optimized graph was made for.
fn runtime_key() -> &'static str {
    static KEY: OnceLock<String> = OnceLock::new();
    KEY.get_or_init(|| {
        let mut hasher = Sha256::new();
        hasher.update(ort::info().as_bytes());
        hasher.update(std::env::consts::ARCH.as_bytes());
        hasher.update(cpu_identity().as_bytes());
        hex::encode(hasher.finalize()).chars().take(16).collect()
    })
}

/// The CPU's model name and feature flags (on Linux), else nothing beyond the architecture.
fn cpu_identity() -> String {
    let Ok(info) = std::fs::read_to_string("/proc/cpuinfo") else {
        return String::new();
    };
    let first = |key: &str| {
        info.lines()
            .find(|line| line.split(':').next().is_some_and(|k| k.trim() == key))
            .unwrap_or_default()
            .to_string()
    };
    format!("{}\n{}", first("model name"), first("flags"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_differ_by_model_and_layout_and_keep_their_layout() {
        let dir = tempfile::tempdir().unwrap();
        let shipped = ModelLayout::AsShipped("asked for".into());
        let a = OptimizedModel::locate(dir.path(), "aaaa", &ModelLayout::Decoder2d);
        let b = OptimizedModel::locate(dir.path(), "bbbb", &ModelLayout::Decoder2d);
        let c = OptimizedModel::locate(dir.path(), "aaaa", &shipped);
        let d = OptimizedModel::locate_part(dir.path(), "aaaa", &shipped, Some("front"));
        assert!(a != b && a != c && b != c && c != d);
        assert!(a.path().starts_with(dir.path().join(OPTIMIZED_DIR)));
        assert_eq!(a.cached_layout(), None, "nothing cached yet");
        std::fs::create_dir_all(c.path().parent().unwrap()).unwrap();
        std::fs::write(c.path(), b"model").unwrap();
        let record = format!("{}sha256 {}\n", layout_text(&shipped), "ab".repeat(32));
        std::fs::write(c.layout_path(), record).unwrap();
        assert_eq!(c.cached_layout(), Some(shipped));
        assert_eq!(c.recorded_sha256(), Some("ab".repeat(32)));
    }

    #[test]
    fn stale_entries_are_told_from_current_ones_by_model_and_runtime() {
        let own = "aaaa-dec2d-1111.onnx";
        assert!(
            !is_stale_entry("aaaa-shipped-1111.onnx", own),
            "other layout stays"
        );
        assert!(!is_stale_entry("aaaa-shipped-1111.layout", own));
        assert!(is_stale_entry("aaaa-dec2d-2222.onnx", own), "older runtime");
        assert!(is_stale_entry("aaaa-dec2d-2222.layout", own));
        assert!(
            is_stale_entry("bbbb-dec2d-1111.onnx", own),
            "replaced model"
        );
        assert!(!is_stale_entry("notes.txt", own), "not ours: left alone");
        assert!(
            !is_stale_entry(".tmpXYZ.onnx", own),
            "temporary: judged by age"
        );
    }

    #[test]
    fn saving_an_entry_sweeps_those_of_other_models_and_runtimes() -> Result<(), TtsError> {
        let dir = tempfile::tempdir().unwrap();
        let entry = OptimizedModel::locate(dir.path(), "cccc", &ModelLayout::Decoder2d);
        let cache = entry.path().parent().unwrap().to_path_buf();
        std::fs::create_dir_all(&cache).unwrap();
        let name = entry
            .path()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let runtime = entry_keys(&name).unwrap().1.to_string();
        let old_runtime = cache.join("cccc-dec2d-0000000000000000.onnx");
        let old_model = cache.join(format!("dddd-dec2d-{runtime}.onnx"));
        let other_layout = cache.join(format!("cccc-shipped-{runtime}.onnx"));
        let fresh_temp = cache.join(".tmpfresh.onnx");
        for path in [&old_runtime, &old_model, &other_layout, &fresh_temp] {
            std::fs::write(path, b"graph").unwrap();
        }
        std::fs::write(old_runtime.with_extension("layout"), b"dec2d\n").unwrap();
        let model = tiny_model();
        let settings = SessionSettings::with_threads(1);
        entry.build_and_save(
            Path::new("tiny.onnx"),
            &model,
            &ModelLayout::Decoder2d,
            &settings,
        )?;
        assert!(entry.path().is_file() && entry.layout_path().is_file());
        assert!(!old_runtime.exists() && !old_runtime.with_extension("layout").exists());
        assert!(!old_model.exists());
        assert!(
            other_layout.exists(),
            "the same model in another layout stays"
        );
        assert!(
            fresh_temp.exists(),
            "a temporary file may still be written by another process"
        );
        Ok(())
    }

    /// The smallest valid ONNX model: Identity from `x` to `y` (float, any shape).
    fn tiny_model() -> Vec<u8> {
        use crate::tts::protobuf::{encode, Field};
        let tensor_type = encode(&[Field::varint(1, 1)]);
        let type_proto = encode(&[Field::bytes(1, tensor_type)]);
        let value =
            |name: &str| encode(&[Field::string(1, name), Field::bytes(2, type_proto.clone())]);
        let node = encode(&[
            Field::string(1, "x"),
            Field::string(2, "y"),
            Field::string(4, "Identity"),
        ]);
        let graph = encode(&[
            Field::bytes(1, node),
            Field::string(2, "tiny"),
            Field::bytes(11, value("x")),
            Field::bytes(12, value("y")),
        ]);
        let opset = encode(&[Field::varint(2, 13)]);
        encode(&[
            Field::varint(1, 8),
            Field::bytes(7, graph),
            Field::bytes(8, opset),
        ])
    }

    #[test]
    fn a_graph_changed_since_its_checksum_was_recorded_is_hashed_again() {
        let dir = tempfile::tempdir().unwrap();
        let entry = OptimizedModel::locate(dir.path(), "dddd", &ModelLayout::Decoder2d);
        let cache = entry.path().parent().unwrap().to_path_buf();
        let name = entry
            .path()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        std::fs::create_dir_all(&cache).unwrap();
        let model = tiny_model();
        std::fs::write(entry.path(), &model).unwrap();
        let sum = hex::encode(Sha256::digest(&model));
        std::fs::write(entry.layout_path(), format!("dec2d\nsha256 {sum}\n")).unwrap();
        checked_files::record_sum_settled(&cache, &name, &sum);
        assert!(entry.load(&SessionSettings::with_threads(1)).is_some());
        // Same record, different bytes: not trusted, hashed, refused and removed.
        std::fs::write(entry.path(), b"not an onnx model").unwrap();
        assert!(entry.load(&SessionSettings::with_threads(1)).is_none());
        assert!(!entry.path().exists());
    }

    #[test]
    fn a_broken_entry_is_removed_instead_of_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let entry = OptimizedModel::locate(dir.path(), "cccc", &ModelLayout::Decoder2d);
        std::fs::create_dir_all(entry.path().parent().unwrap()).unwrap();
        let garbage = b"not an onnx model";
        std::fs::write(entry.path(), garbage).unwrap();
        // Its checksum recorded right: the load itself fails.
        let sum = hex::encode(Sha256::digest(garbage));
        std::fs::write(entry.layout_path(), format!("dec2d\nsha256 {sum}\n")).unwrap();
        assert!(entry.load(&SessionSettings::with_threads(1)).is_none());
        assert!(!entry.path().exists() && !entry.layout_path().exists());
        // A checksum that does not match: never handed to ONNX Runtime.
        std::fs::write(entry.path(), garbage).unwrap();
        std::fs::write(
            entry.layout_path(),
            format!("dec2d\nsha256 {}\n", "0".repeat(64)),
        )
        .unwrap();
        assert!(entry.load(&SessionSettings::with_threads(1)).is_none());
        assert!(!entry.path().exists());
    }
}
