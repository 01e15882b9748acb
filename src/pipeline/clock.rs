//! Stage timing: how long each step of a run took, for `report.json` and `nashra bench`.
use std::time::Instant;

use serde::{Deserialize, Serialize};

/// Time spent in one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageTiming {
    /// Stage name.
    pub stage: String,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Measures stage durations.
#[derive(Debug)]
pub struct StageClock {
    started: Instant,
    timings: Vec<StageTiming>,
}

impl Default for StageClock {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            timings: Vec::new(),
        }
    }
}

impl StageClock {
    /// Close the current stage under `name` and start the next.
    pub fn lap(&mut self, name: &str) {
        let now = Instant::now();
        self.timings.push(StageTiming {
            stage: name.to_string(),
            seconds: (now - self.started).as_secs_f64(),
        });
        self.started = now;
    }

    /// Close the current stage, whose first `first_secs` belong to stage `first` and the rest
    /// to `rest` (a step that measured where its own work changed kind).
    pub fn lap_split(&mut self, first: &str, first_secs: f64, rest: &str) {
        let now = Instant::now();
        let total = (now - self.started).as_secs_f64();
        let first_secs = first_secs.clamp(0.0, total);
        for (stage, seconds) in [(first, first_secs), (rest, total - first_secs)] {
            self.timings.push(StageTiming {
                stage: stage.to_string(),
                seconds,
            });
        }
        self.started = now;
    }

    /// The timings so far.
    pub fn into_timings(self) -> Vec<StageTiming> {
        self.timings
    }
}
