//! `mpsync-bench [PRESET]`: runs the benchmark scenarios and prints a table and JSON.

use std::path::PathBuf;

use anyhow::Context;
use bench::{BenchConfig, Preset, SimMode};
use clap::Parser;

/// The engine makes and drops many small strings and maps per record; glibc's allocator spent a
/// sixth of the benchmark's CPU in malloc and free (consolidating free lists), mimalloc a
/// twentieth.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "mpsync-bench",
    about = "Benchmark mpsync against the Procore simulator: calls against the theoretical minimum, throughput, pacing, memory"
)]
struct Args {
    /// small, medium or large.
    #[arg(default_value = "small")]
    preset: Preset,
    /// Seed of the generated amounts.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Working directory for the databases (emptied first).
    #[arg(long, default_value = ".mpsync/bench")]
    dir: PathBuf,
    /// The `procore-sim` binary to run the simulator in a child process (default: beside
    /// this binary); `in-process` runs it here.
    #[arg(long)]
    sim: Option<String>,
    /// Skip the per-record baseline.
    #[arg(long)]
    no_baseline: bool,
    /// Skip the rate-limited scenario.
    #[arg(long)]
    no_rate_limited: bool,
    /// Write the JSON report here too.
    #[arg(long)]
    json: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let sim = match args.sim.as_deref() {
        Some("in-process") => SimMode::InProcess,
        Some(path) => SimMode::Child(PathBuf::from(path)),
        None => {
            let beside = std::env::current_exe()
                .context("locating this binary")?
                .with_file_name("procore-sim");
            if beside.exists() {
                SimMode::Child(beside)
            } else {
                eprintln!(
                    "{} not found (cargo build --release -p procore-sim): the simulator runs in this process, and its CPU time and memory count as the engine's",
                    beside.display()
                );
                SimMode::InProcess
            }
        }
    };
    let config = BenchConfig {
        preset: args.preset.name().to_owned(),
        size: args.preset.size(),
        seed: args.seed,
        dir: args.dir,
        sim,
        baseline: !args.no_baseline,
        rate_limited: !args.no_rate_limited,
    };
    let report = bench::run(&config).await?;
    println!("{}", bench::report::table(&report));
    let json = serde_json::to_string_pretty(&report)?;
    println!("{json}");
    if let Some(path) = args.json {
        std::fs::write(&path, &json).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
