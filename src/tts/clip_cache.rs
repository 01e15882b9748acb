//! Content-addressed cache of synthesized clips, keyed by (voice fingerprint, synthesis
//! parameters, spoken text). A re-run of the same day synthesizes nothing new. Entries carry a
//! checksum: a corrupt or truncated entry is detected, ignored and overwritten.
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::audio::Clip;

const MAGIC: &[u8; 8] = b"NSHCLIP1";
const HEADER_LEN: usize = 8 + 4 + 8;
const DIGEST_LEN: usize = 32;

/// The cache folder and whether it is in use.
#[derive(Debug, Clone)]
pub struct ClipCache {
    root: Option<PathBuf>,
}

impl ClipCache {
    /// A cache under `root` (`$NASHRA_HOME/cache/clips`).
    pub fn new(root: PathBuf) -> Self {
        Self { root: Some(root) }
    }

    /// A cache that stores nothing (`--no-cache`).
    pub fn disabled() -> Self {
        Self { root: None }
    }

    /// The key of a clip: what produces it and what it says.
    pub fn key(voice_fingerprint: &str, params: &str, text: &str) -> String {
        let mut hasher = Sha256::new();
        for part in [voice_fingerprint, params, text] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        hex::encode(hasher.finalize())
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        let prefix = key.get(..2)?;
        Some(root.join(prefix).join(format!("{key}.clip")))
    }

    /// The cached clip for `key`, if present and intact.
    pub fn get(&self, key: &str) -> Option<Clip> {
        let bytes = fs::read(self.path(key)?).ok()?;
        decode(&bytes)
    }

    /// Store `clip` under `key`. Failures are not fatal to a run; they are returned for logging.
    pub fn put(&self, key: &str, clip: &Clip) -> std::io::Result<()> {
        let Some(path) = self.path(key) else {
            return Ok(());
        };
        crate::fsutil::write_atomic(&path, &encode(clip))
    }

    /// The cache folder, when enabled.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }
}

fn encode(clip: &Clip) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER_LEN + clip.samples.len() * 4 + DIGEST_LEN);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&clip.sample_rate.to_le_bytes());
    bytes.extend_from_slice(&(clip.samples.len() as u64).to_le_bytes());
    for s in &clip.samples {
        bytes.extend_from_slice(&s.to_le_bytes());
    }
    let digest = Sha256::digest(&bytes);
    bytes.extend_from_slice(&digest);
    bytes
}

fn decode(bytes: &[u8]) -> Option<Clip> {
    if bytes.len() < HEADER_LEN + DIGEST_LEN || &bytes[..8] != MAGIC {
        return None;
    }
    let (body, digest) = bytes.split_at(bytes.len() - DIGEST_LEN);
    if Sha256::digest(body).as_slice() != digest {
        return None;
    }
    let rate = u32::from_le_bytes(body[8..12].try_into().ok()?);
    let count = usize::try_from(u64::from_le_bytes(body[12..20].try_into().ok()?)).ok()?;
    let payload = &body[HEADER_LEN..];
    if payload.len() != count.checked_mul(4)? {
        return None;
    }
    let samples = payload
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Some(Clip::new(samples, rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption_is_detected() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let cache = ClipCache::new(dir.path().to_path_buf());
        let key = ClipCache::key("voice", "speed=1", "مرحبا");
        let clip = Clip::new(vec![0.1, -0.2, 0.3], 22050);
        assert!(cache.get(&key).is_none());
        cache.put(&key, &clip)?;
        assert_eq!(cache.get(&key), Some(clip.clone()));
        let path = cache.path(&key).unwrap_or_default();
        let mut bytes = fs::read(&path)?;
        bytes.truncate(bytes.len() - 5);
        fs::write(&path, &bytes)?;
        assert!(
            cache.get(&key).is_none(),
            "a truncated entry must be ignored"
        );
        cache.put(&key, &clip)?;
        assert_eq!(cache.get(&key), Some(clip));
        Ok(())
    }

    #[test]
    fn keys_differ_by_voice_params_and_text() {
        let a = ClipCache::key("v1", "p", "t");
        assert_ne!(a, ClipCache::key("v2", "p", "t"));
        assert_ne!(a, ClipCache::key("v1", "q", "t"));
        assert_ne!(a, ClipCache::key("v1", "p", "u"));
        assert!(ClipCache::disabled().get(&a).is_none());
    }
}
