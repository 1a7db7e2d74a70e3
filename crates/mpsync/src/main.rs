//! `mpsync`: the maestro* ⇄ Procore synchronization interface, from the command line.

mod demo;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "mpsync",
    version,
    about = "maestro* ⇄ Procore synchronization interface"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the demonstration on embedded defaults: a local Procore simulator on a SQLite file,
    /// connected through Procore's OAuth login form. No setup needed.
    Demo {
        /// Where the demo keeps its files (the simulator's state survives between runs).
        #[arg(long, default_value = ".mpsync/demo")]
        data_dir: PathBuf,
        /// Starts from a fresh simulator state instead of the one left by the previous run.
        #[arg(long)]
        fresh: bool,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MPSYNC_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Demo { data_dir, fresh } => demo::run(&data_dir, fresh).await,
    }
}
