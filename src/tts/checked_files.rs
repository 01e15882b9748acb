//! What the voice store remembers of the files it verified: a file whose checksum matched once
//! and whose size, identity and change times on disk are unchanged since is not hashed again
//! (hashing a 60 MB model took 0.37 s of every run, 12 % of a short `say`).
//!
//! The record (`.checked` in the voice's folder) keeps, per file, its size, inode, device,
//! modification and status-change times, and the SHA-256 that matched. Any write to the file,
//! or a new file renamed over it, changes one of them; the status-change time cannot be set
//! back by tools such as `touch`. Like git's index, a file changed less than
//! [`SETTLE_SECONDS`] before it was verified is not recorded, since a second change within
//! the file system's timestamp granularity could leave every field as it was.
use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// The record's file name inside a voice's folder.
pub const RECORD_FILE: &str = ".checked";
/// How long a file must have been left alone before its checksum is recorded.
pub const SETTLE_SECONDS: i64 = 2;

/// A file's state on disk, as far as it tells whether the content may have changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    size: u64,
    inode: u64,
    device: u64,
    modified_ns: i128,
    changed_ns: i128,
}

impl FileStamp {
    /// The stamp of `path` now; `None` where the platform does not give one.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = fs::metadata(path).ok()?;
        stamp_of(&meta)
    }

    fn to_line(&self, name: &str, sha256: &str) -> String {
        format!(
            "{name}\t{}\t{}\t{}\t{}\t{}\t{sha256}",
            self.size, self.inode, self.device, self.modified_ns, self.changed_ns
        )
    }

    fn from_fields(fields: &[&str]) -> Option<Self> {
        match fields {
            [size, inode, device, modified, changed] => Some(Self {
                size: size.parse().ok()?,
                inode: inode.parse().ok()?,
                device: device.parse().ok()?,
                modified_ns: modified.parse().ok()?,
                changed_ns: changed.parse().ok()?,
            }),
            _ => None,
        }
    }
}

#[cfg(unix)]
fn stamp_of(meta: &fs::Metadata) -> Option<FileStamp> {
    use std::os::unix::fs::MetadataExt;
    let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
    Some(FileStamp {
        size: meta.len(),
        inode: meta.ino(),
        device: meta.dev(),
        modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
        changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
    })
}

#[cfg(not(unix))]
fn stamp_of(_meta: &fs::Metadata) -> Option<FileStamp> {
    None
}

/// The SHA-256 recorded in `voice_dir` for its file `name`, if the file is still as it was
/// when that sum matched.
pub fn recorded_sum(voice_dir: &Path, name: &str) -> Option<String> {
    let now = FileStamp::of(&voice_dir.join(name))?;
    let record = fs::read_to_string(voice_dir.join(RECORD_FILE)).ok()?;
    record.lines().find_map(|line| {
        let fields: Vec<&str> = line.split('\t').collect();
        let (first, rest) = fields.split_first()?;
        let (sum, stamp) = rest.split_last()?;
        (*first == name && FileStamp::from_fields(stamp)? == now).then(|| sum.to_string())
    })
}

/// Whether the file at `path` is untouched since its recorded checksum, `sha256`, matched.
pub fn vouches_for(path: &Path, sha256: &str) -> bool {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    recorded_sum(dir, &name.to_string_lossy()).is_some_and(|sum| sum.eq_ignore_ascii_case(sha256))
}

/// Record that `name` in `voice_dir` matched `sha256`, unless it changed too recently to be
/// told apart from a later change. Best effort: a record that cannot be written only means
/// the file is hashed again next time.
pub fn record_sum(voice_dir: &Path, name: &str, sha256: &str) {
    let now_ns = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    record_sum_at(voice_dir, name, sha256, now_ns);
}

/// Like [`record_sum`], as if the file had been left alone long enough (for tests elsewhere).
#[cfg(test)]
pub fn record_sum_settled(voice_dir: &Path, name: &str, sha256: &str) {
    record_sum_at(voice_dir, name, sha256, i128::MAX / 2);
}

fn record_sum_at(voice_dir: &Path, name: &str, sha256: &str, now_ns: i128) {
    let Some(stamp) = FileStamp::of(&voice_dir.join(name)) else {
        return;
    };
    let settled = i128::from(SETTLE_SECONDS) * 1_000_000_000;
    if now_ns - stamp.changed_ns.max(stamp.modified_ns) < settled {
        return;
    }
    let path = voice_dir.join(RECORD_FILE);
    let old = fs::read_to_string(&path).unwrap_or_default();
    let mut lines: Vec<String> = old
        .lines()
        .filter(|line| line.split('\t').next() != Some(name))
        .map(str::to_string)
        .collect();
    lines.push(stamp.to_line(name, sha256));
    let _ = crate::fsutil::write_atomic(&path, (lines.join("\n") + "\n").as_bytes());
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    const SUM: &str = "ab12";

    fn later(path: &Path) -> i128 {
        FileStamp::of(path).map_or(0, |s| s.changed_ns) + 10_000_000_000
    }

    #[test]
    fn a_sum_is_remembered_while_the_file_is_untouched() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("model.onnx");
        fs::write(&file, b"weights")?;
        assert_eq!(recorded_sum(dir.path(), "model.onnx"), None);
        record_sum_at(dir.path(), "model.onnx", SUM, later(&file));
        assert_eq!(recorded_sum(dir.path(), "model.onnx").as_deref(), Some(SUM));
        assert_eq!(recorded_sum(dir.path(), "other.onnx"), None);
        // Recording again replaces the line instead of adding one.
        record_sum_at(dir.path(), "model.onnx", "cd34", later(&file));
        assert_eq!(
            recorded_sum(dir.path(), "model.onnx").as_deref(),
            Some("cd34")
        );
        assert_eq!(
            fs::read_to_string(dir.path().join(RECORD_FILE))?
                .lines()
                .count(),
            1
        );
        Ok(())
    }

    #[test]
    fn a_changed_or_replaced_file_is_hashed_again() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("model.onnx");
        fs::write(&file, b"weights")?;
        record_sum_at(dir.path(), "model.onnx", SUM, later(&file));
        fs::write(&file, b"weights, corrupted")?;
        assert_eq!(recorded_sum(dir.path(), "model.onnx"), None);

        record_sum_at(dir.path(), "model.onnx", SUM, later(&file));
        let replacement = dir.path().join("new.onnx");
        fs::write(&replacement, b"weights, corrupted")?;
        fs::rename(&replacement, &file)?;
        assert_eq!(recorded_sum(dir.path(), "model.onnx"), None);
        Ok(())
    }

    #[test]
    fn a_file_changed_just_now_is_not_recorded() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("model.onnx");
        fs::write(&file, b"weights")?;
        let just_after = later(&file) - 9_500_000_000;
        record_sum_at(dir.path(), "model.onnx", SUM, just_after);
        assert_eq!(recorded_sum(dir.path(), "model.onnx"), None);
        Ok(())
    }

    #[test]
    fn a_damaged_record_is_ignored() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        fs::write(dir.path().join("model.onnx"), b"weights")?;
        fs::write(dir.path().join(RECORD_FILE), "model.onnx\tx\t\t\nrubbish")?;
        assert_eq!(recorded_sum(dir.path(), "model.onnx"), None);
        Ok(())
    }
}
