//! `mpsync-bench`: how close a synchronization comes to Procore's physical limit.
//!
//! Procore allows a fixed number of calls per hour, so the fastest possible sync is the
//! minimum number of calls the data needs, spent at the highest rate Procore allows. The
//! benchmark loads a generated maestro* company of a preset size, synchronizes it with the
//! Procore simulator in four scenarios and compares the calls made with
//! [`minimum`]'s theoretical minimum, the pace under rate limits with the allowed rate, and
//! everything with a per-record baseline (the same engine writing one record per call and
//! re-sending unchanged records, as most integration tools do).

pub mod dataset;
pub mod harness;
pub mod measure;
pub mod minimum;
pub mod pacing;
pub mod preset;
pub mod report;
pub mod world;

pub use harness::{run, BenchConfig, BenchReport, ScenarioResult};
pub use preset::{Preset, Size};
pub use world::SimMode;

/// Why a benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("maestro* database: {0}")]
    Erp(#[from] erp::ErpError),
    #[error("state database: {0}")]
    State(#[from] state::StateError),
    #[error("Procore: {0}")]
    Procore(#[from] procore::ProcoreError),
    #[error("synchronization: {0}")]
    Runner(#[from] runner::RunnerError),
    #[error("simulator: {0}")]
    Sim(#[from] procore_sim::SimError),
    #[error("simulator admin API: {0}")]
    Admin(#[from] procore_sim::AdminError),
    #[error("setting up: {0}")]
    Setup(String),
    #[error("files: {0}")]
    Io(#[from] std::io::Error),
}
