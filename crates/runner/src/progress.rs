//! Progress of a run, for a bar on a terminal or a line in a log: what is being read or
//! written, how far along, and out of how many (Procore's `Total` header for reads, the plan's
//! size for writes).

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

/// What a run is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Reading Procore's records (pages of a list).
    ReadingProcore,
    /// Writing the plan, batch by batch.
    Writing,
    /// The entity is done.
    Done,
}

/// One step forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub entity: &'static str,
    pub phase: Phase,
    pub done: u64,
    /// `None` while unknown (before the first page).
    pub total: Option<u64>,
}

/// Where progress goes. Called from the run's task: it must return quickly.
#[derive(Clone)]
pub struct ProgressSink(Arc<dyn Fn(&Progress) + Send + Sync>);

impl ProgressSink {
    pub fn new(report: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        ProgressSink(Arc::new(report))
    }

    pub fn report(&self, progress: &Progress) {
        (self.0)(progress)
    }
}

impl fmt::Debug for ProgressSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ProgressSink")
    }
}

/// How a list tells how far it got: items so far, and the announced total.
pub type PageProgress<'a> = &'a (dyn Fn(u64, Option<u64>) + Send + Sync);
