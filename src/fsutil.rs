//! File-system helpers shared by every stage that writes output.
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file (or folder) that could not be written: the one shape of every stage's write error.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct WriteError {
    /// The file or folder.
    pub path: PathBuf,
    /// The cause.
    #[source]
    pub source: io::Error,
}

impl WriteError {
    /// `path` could not be written because of `source`.
    pub fn new(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self {
            path: path.into(),
            source,
        }
    }
}

/// Write `bytes` to `path` atomically: the data goes to a temporary file in the same folder,
/// is flushed to disk, and is then renamed over `path`. A crash never leaves a half-written file.
/// The file gets the permissions of any newly created file (0666 less the umask, usually
/// 0644), not the owner-only mode of temporary files: briefings and feeds are published by
/// web servers that run as another user.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `fill` writing into the temporary file.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nashra-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    fill(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Name of the lock file a run keeps in its output folder.
pub const LOCK_FILE: &str = ".nashra.lock";

/// An exclusive lock on an output folder, held while a run writes there. The operating system
/// releases it when the process ends, however it ends (even by SIGKILL), so it never goes stale.
#[derive(Debug)]
pub struct FolderLock {
    _file: fs::File,
}

impl FolderLock {
    /// Lock `dir` (created if needed); `Ok(None)` when another process holds the lock.
    pub fn try_acquire(dir: &Path) -> io::Result<Option<Self>> {
        fs::create_dir_all(dir)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

/// Remove temporary files (`.nashra-*.tmp`) that an interrupted run left in `dir`.
pub fn remove_stale_temp_files(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(0);
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".nashra-") && name.ends_with(".tmp") {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_error_names_the_file_and_keeps_its_cause() {
        let error = WriteError::new("out/feed.xml", io::Error::other("disk full"));
        assert_eq!(error.to_string(), "cannot write out/feed.xml: disk full");
        let source = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("disk full"));
    }

    #[test]
    fn atomic_write_replaces_content_and_leaves_no_temp_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"first")?;
        write_atomic(&path, b"second")?;
        assert_eq!(fs::read(&path)?, b"second");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_mode_of_any_new_file_not_owner_only() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let mode_of = |p: &Path| fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        let plain = dir.path().join("plain");
        fs::File::create(&plain)?;
        let written = dir.path().join("feed.xml");
        write_atomic(&written, b"<rss/>")?;
        assert_eq!(mode_of(&written)?, mode_of(&plain)?);
        Ok(())
    }

    #[test]
    fn a_folder_lock_excludes_a_second_holder_until_dropped() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let first = FolderLock::try_acquire(dir.path())?;
        assert!(first.is_some());
        assert!(FolderLock::try_acquire(dir.path())?.is_none());
        drop(first);
        assert!(FolderLock::try_acquire(dir.path())?.is_some());
        Ok(())
    }

    #[test]
    fn failed_fill_keeps_the_previous_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"kept")?;
        let result = write_atomic_with(&path, |_| Err(io::Error::other("boom")));
        assert!(result.is_err());
        assert_eq!(fs::read(&path)?, b"kept");
        assert_eq!(remove_stale_temp_files(dir.path())?, 0);
        Ok(())
    }
}
