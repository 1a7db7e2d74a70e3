//! `mpsync-chaos`: seeded crash, fault and bad-data scenarios against `mpsync sync`, with the
//! invariants checked after each. Exit status 0 when every invariant held, 1 otherwise.

use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;

#[derive(Parser)]
#[command(
    name = "mpsync-chaos",
    about = "Runs seeded chaos scenarios against mpsync and checks that nothing is lost or duplicated"
)]
struct Args {
    /// How many scenarios (seeds --seed, --seed + 1, …).
    #[arg(long, default_value_t = 20)]
    scenarios: u64,
    /// The first seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The mpsync executable (default: the one beside this program).
    #[arg(long)]
    mpsync: Option<PathBuf>,
    /// Where the scenarios' files go; a failing scenario's stay there.
    #[arg(long, default_value = ".mpsync/chaos")]
    dir: PathBuf,
    /// Keep every scenario's files.
    #[arg(long)]
    keep: bool,
    /// Scenarios run at once.
    #[arg(long, default_value_t = 4)]
    jobs: usize,
    /// Plants a defect after each scenario, to see the checker catch it.
    #[arg(long, value_enum)]
    sabotage: Option<chaos::Sabotage>,
    /// Prints the summary as JSON too (to this file).
    #[arg(long)]
    json: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<std::process::ExitCode> {
    let args = Args::parse();
    let mpsync = match args.mpsync {
        Some(path) => path,
        None => {
            let me = std::env::current_exe().context("locating mpsync-chaos")?;
            me.with_file_name(format!("mpsync{}", std::env::consts::EXE_SUFFIX))
        }
    };
    if !mpsync.exists() {
        anyhow::bail!(
            "{} not found: build it (cargo build --release -p mpsync) or pass --mpsync",
            mpsync.display()
        );
    }
    std::fs::create_dir_all(&args.dir)?;
    let options = chaos::Options {
        mpsync,
        work_dir: std::fs::canonicalize(&args.dir)?,
        first_seed: args.seed,
        scenarios: args.scenarios,
        sabotage: args.sabotage,
        keep: args.keep,
        jobs: args.jobs,
    };
    let summary = chaos::run(&options, |r| {
        let faults: u64 = r.faults.values().sum();
        println!(
            "seed {:>6}  runs {:>2}  killed {}  faults {:>3}  records checked {:>5}  violations {}  {:>5} ms",
            r.seed,
            r.runs,
            r.kills,
            faults,
            r.records_checked,
            r.violations.len(),
            r.millis
        );
        for v in &r.violations {
            println!("    {v}");
        }
    })
    .await;
    println!("\n{}", summary.table());
    if let Some(path) = args.json {
        std::fs::write(&path, serde_json::to_string_pretty(&summary)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(if summary.passed() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}
