//! Seeded chaos scenarios against mpsync: a random maestro* company and a random Procore
//! company, synchronized by the real `mpsync sync` in a child process while faults are drawn
//! from the seed — the process killed with SIGKILL, 5xx bursts, 429 storms, latency, dropped
//! connections, writes applied whose answer is lost, tokens expired or revoked mid-run, the ERP
//! database locked, the simulator's clock skewed, Procore users inserting, deleting and editing
//! records while pages are read — then fault-free runs until quiet, and the invariants checked:
//!
//! 1. every bound record exists exactly once on each side;
//! 2. every record that should sync is synced or carries a recorded error or conflict;
//! 3. synced field values agree, and money totals per project agree to the cent;
//! 4. quiet within two fault-free runs (the second writes nothing);
//! 5. no request sent while the rate gate was closed; no secret in any output;
//! 6. cursors never move backwards.
//!
//! Every scenario is reproducible from its seed (`mpsync-chaos --seed S --scenarios 1`).

mod check;
mod faults;
mod scenario;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use check::Violation;
pub use faults::FaultKindCount;
pub use scenario::Scenario;

/// A deliberate defect planted after the scenario's last run, to show the checker finds what
/// a broken engine would leave behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sabotage {
    /// A second Procore copy of a bound vendor, as a create that forgot its binding makes.
    Duplicate,
    /// A binding forgotten with no error recorded: a record silently dropped.
    Drop,
    /// A synced Procore value changed behind the engine's back: the sides disagree.
    Drift,
}

/// What a chaos run does.
#[derive(Debug, Clone)]
pub struct Options {
    /// The `mpsync` executable the scenarios run.
    pub mpsync: PathBuf,
    /// Where each scenario's files go (one directory per seed, removed when it passes).
    pub work_dir: PathBuf,
    /// The first seed; scenario `i` uses `first_seed + i`.
    pub first_seed: u64,
    pub scenarios: u64,
    pub sabotage: Option<Sabotage>,
    /// Keep every scenario's files, not only the failing ones.
    pub keep: bool,
    /// Scenarios run at once. A scenario mostly waits (backoffs, rate-limit resets, killed
    /// runs), so several share a core well; each has its own simulator and databases.
    pub jobs: usize,
}

/// What one scenario did and found.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ScenarioReport {
    pub seed: u64,
    pub faults: BTreeMap<String, u64>,
    pub runs: u64,
    pub kills: u64,
    pub records_checked: u64,
    pub violations: Vec<Violation>,
    pub millis: u64,
}

/// The totals of a chaos run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub scenarios: u64,
    pub first_seed: u64,
    pub faults: BTreeMap<String, u64>,
    pub faults_total: u64,
    pub runs: u64,
    pub kills: u64,
    pub records_checked: u64,
    pub violations: Vec<Violation>,
    /// Scenarios that could not be set up or checked (the harness's own failures).
    pub harness_errors: Vec<(u64, String)>,
    pub seconds: f64,
}

impl Summary {
    pub fn passed(&self) -> bool {
        self.violations.is_empty() && self.harness_errors.is_empty()
    }

    fn add(&mut self, report: &ScenarioReport) {
        for (kind, n) in &report.faults {
            *self.faults.entry(kind.clone()).or_default() += n;
            self.faults_total += n;
        }
        self.runs += report.runs;
        self.kills += report.kills;
        self.records_checked += report.records_checked;
        self.violations.extend(report.violations.iter().cloned());
    }

    /// The table printed at the end of a run.
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "scenarios {}  (seeds {}..={})\nruns {}  killed with SIGKILL {}\nfaults injected {}\n",
            self.scenarios,
            self.first_seed,
            self.first_seed + self.scenarios.saturating_sub(1),
            self.runs,
            self.kills,
            self.faults_total
        ));
        for (kind, n) in &self.faults {
            out.push_str(&format!("  {kind:<28} {n:>8}\n"));
        }
        out.push_str(&format!(
            "records checked {}\ninvariant violations {}\nharness errors {}\nseconds {:.1}\n",
            self.records_checked,
            self.violations.len(),
            self.harness_errors.len(),
            self.seconds
        ));
        for v in &self.violations {
            out.push_str(&format!("  VIOLATION {v}\n"));
        }
        for (seed, e) in &self.harness_errors {
            out.push_str(&format!("  HARNESS ERROR seed {seed}: {e}\n"));
        }
        out
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChaosError {
    #[error("simulator: {0}")]
    Sim(#[from] procore_sim::SimError),
    #[error("simulator admin: {0}")]
    Admin(#[from] procore_sim::AdminError),
    #[error("maestro*: {0}")]
    Erp(#[from] erp::ErpError),
    #[error("state: {0}")]
    State(#[from] state::StateError),
    #[error("runner: {0}")]
    Runner(#[from] runner::RunnerError),
    #[error("Procore: {0}")]
    Procore(#[from] procore::ProcoreError),
    #[error("tokens: {0}")]
    Tokens(#[from] procore::TokenStoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

/// Runs the scenarios, `options.jobs` at a time, calling `progress` after each (in the order
/// they end).
pub async fn run(options: &Options, mut progress: impl FnMut(&ScenarioReport)) -> Summary {
    let started = Instant::now();
    let mut summary = Summary {
        first_seed: options.first_seed,
        ..Summary::default()
    };
    let mut running = tokio::task::JoinSet::new();
    let mut seeds = (0..options.scenarios).map(|i| options.first_seed + i);
    loop {
        while running.len() < options.jobs.max(1) {
            let Some(seed) = seeds.next() else { break };
            let options = options.clone();
            running.spawn(async move { (seed, one(seed, &options).await) });
        }
        let Some(joined) = running.join_next().await else {
            break;
        };
        let (seed, outcome) = match joined {
            Ok(done) => done,
            Err(e) => {
                summary.scenarios += 1;
                summary
                    .harness_errors
                    .push((0, format!("a scenario task failed: {e}")));
                continue;
            }
        };
        summary.scenarios += 1;
        match outcome {
            Ok(report) => {
                summary.add(&report);
                progress(&report);
            }
            Err(e) => summary.harness_errors.push((seed, e)),
        }
    }
    summary.seconds = started.elapsed().as_secs_f64();
    summary
}

/// One scenario, bounded in time: a scenario that hangs is itself a finding.
async fn one(seed: u64, options: &Options) -> Result<ScenarioReport, String> {
    let dir = options.work_dir.join(format!("seed-{seed}"));
    let outcome =
        tokio::time::timeout(Duration::from_secs(600), Scenario::run(seed, &dir, options)).await;
    match outcome {
        Ok(Ok(report)) => {
            if report.violations.is_empty() && !options.keep {
                let _ = std::fs::remove_dir_all(&dir);
            }
            Ok(report)
        }
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the scenario did not end within 10 minutes".into()),
    }
}
