//! Progress reporting for long work, independent of every stage: the pipeline reports through
//! [`Progress`], the command line draws bars from it, and a library user may ignore it.

/// Progress callbacks for long work; the CLI draws bars, a library user may ignore them.
pub trait Progress: Sync {
    /// A stage with `total` steps begins.
    fn begin(&self, _stage: &str, _total: u64) {}
    /// One step of the current stage is done.
    fn step(&self) {}
    /// The current stage is done.
    fn end(&self) {}
    /// Something went wrong with one input or sentence; the run goes on.
    fn warn(&self, _message: &str) {}
}

/// A progress sink that ignores everything.
pub struct NoProgress;
impl Progress for NoProgress {}
