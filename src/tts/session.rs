//! ONNX Runtime sessions: the one runtime environment of the process and the session options
//! every model (Piper voices, the diacritizer) is loaded with.
use std::path::Path;
use std::sync::OnceLock;

use ort::environment::Environment;
use ort::session::builder::{GraphOptimizationLevel, SessionBuilder};
use ort::session::Session;

use super::TtsError;

/// How a model's session is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionSettings {
    /// Threads ONNX Runtime uses inside one operator (at least 1).
    pub intra_threads: usize,
    /// Whether the intra-op threads spin, waiting for work, after each operator (ONNX
    /// Runtime's default). Off for sessions that take turns with another one on the same
    /// cores, whose spinning threads would take the cores from the one running.
    pub intra_spinning: bool,
}

impl SessionSettings {
    /// `intra_threads` threads, everything else as measured best.
    pub fn with_threads(intra_threads: usize) -> Self {
        Self {
            intra_threads,
            intra_spinning: true,
        }
    }

    /// These settings with the intra-op threads not spinning.
    pub fn without_spinning(self) -> Self {
        Self {
            intra_spinning: false,
            ..self
        }
    }
}

/// The process's ONNX Runtime environment (ort allows one), created on first use.
pub fn environment() -> Result<&'static Environment, String> {
    static ENVIRONMENT: OnceLock<Result<Environment, String>> = OnceLock::new();
    ENVIRONMENT
        .get_or_init(|| {
            let environment = ort::init()
                .with_name("nashra")
                .build()
                .map_err(|e| e.to_string())?;
            share_cpu_arena(&environment)?;
            Ok(environment)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Registers one CPU arena allocator with the environment, for every session to share
/// (`session.use_env_allocators`). Each session otherwise keeps its own arena at the high-water
/// mark of its own calls: a worker's front model and decoder, and the two workers, each held
/// theirs, though they never all peak at once. One article of 1 004 s of audio, two workers:
/// peak RSS 1.17 GB with an arena per session, 0.86 GB with the shared one, at the same speed.
fn share_cpu_arena(environment: &Environment) -> Result<(), String> {
    use ort::memory::{AllocationDevice, AllocatorType, MemoryInfo, MemoryType};
    use ort::AsPointer;
    let info = MemoryInfo::new(
        AllocationDevice::CPU,
        0,
        AllocatorType::Arena,
        MemoryType::Default,
    )
    .map_err(|e| e.to_string())?;
    // SAFETY: both pointers are live ONNX Runtime objects; a null arena config asks for the
    // default one; the returned status is owned and released by `result_from_status`.
    unsafe {
        let status = (ort::api().CreateAndRegisterAllocator)(
            environment.ptr().cast_mut(),
            info.ptr(),
            std::ptr::null(),
        );
        ort::Error::result_from_status(status).map_err(|e| e.to_string())
    }
}

/// A session builder with `settings` applied, optimizing the graph fully.
pub fn session_builder(settings: &SessionSettings) -> Result<SessionBuilder, String> {
    builder_at(settings, GraphOptimizationLevel::All)
}

fn builder_at(
    settings: &SessionSettings,
    level: GraphOptimizationLevel,
) -> Result<SessionBuilder, String> {
    let environment = environment()?;
    // No memory pattern: it is planned and kept for each input shape, and every sentence has
    // its own length (measured on the decoder, windows of 300 to 1 024 frames: peak 517 MB
    // with it, 301 MB without, and no slower).
    let builder = Session::builder(environment)
        .map_err(|e| e.to_string())?
        .with_memory_pattern(false)
        .map_err(|e| e.to_string())?
        .with_config_entry("session.use_env_allocators", "1")
        .map_err(|e| e.to_string())?
        .with_optimization_level(level)
        .map_err(|e| e.to_string())?
        .with_intra_threads(settings.intra_threads.max(1))
        .map_err(|e| e.to_string())?;
    match settings.intra_spinning {
        true => Ok(builder),
        false => builder
            .with_intra_op_spinning(false)
            .map_err(|e| e.to_string()),
    }
}

/// A session over a graph ONNX Runtime optimized and saved before (see
/// [`build_session_saving`]): loaded as it is, with no optimization pass.
pub fn session_from_optimized_bytes(
    bytes: &[u8],
    settings: &SessionSettings,
) -> Result<Session, String> {
    builder_at(settings, GraphOptimizationLevel::Disable)?
        .commit_from_memory(bytes)
        .map_err(|e| e.to_string())
}

/// Like [`build_session`], also saving the optimized graph to `save_to`.
pub fn build_session_saving(
    model: &Path,
    bytes: &[u8],
    settings: &SessionSettings,
    save_to: &Path,
) -> Result<Session, TtsError> {
    commit(model, bytes, settings, Some(save_to))
}

/// A session over `bytes`, the model read from `model` (named in errors).
pub fn build_session(
    model: &Path,
    bytes: &[u8],
    settings: &SessionSettings,
) -> Result<Session, TtsError> {
    commit(model, bytes, settings, None)
}

/// A fully optimizing session over `bytes`, saving the optimized graph to `save_to` if given.
fn commit(
    model: &Path,
    bytes: &[u8],
    settings: &SessionSettings,
    save_to: Option<&Path>,
) -> Result<Session, TtsError> {
    let fail = |message: String| TtsError::VoiceLoad {
        path: model.to_path_buf(),
        message,
    };
    let mut builder = session_builder(settings).map_err(fail)?;
    if let Some(path) = save_to {
        builder = builder
            .with_optimized_model_path(path)
            .map_err(|e| fail(e.to_string()))?;
    }
    builder
        .commit_from_memory(bytes)
        .map_err(|e| fail(e.to_string()))
}
