//! `mpsync`: the maestro* ⇄ Procore synchronization interface, from the command line.

mod demo;
mod erp_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit statuses a script can rely on.
mod exit {
    /// Input data refused (a bad CSV row, an invalid record): fix the data and run again.
    pub const DATA_ERROR: u8 = 65;
}

#[derive(Parser)]
#[command(
    name = "mpsync",
    version,
    about = "maestro* ⇄ Procore synchronization interface",
    after_help = "Exit status: 0 success, 1 failure, 2 wrong usage, 65 input data refused (nothing written)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs a full synchronization on embedded defaults, no setup needed: a local Procore
    /// simulator (developer sandbox) and a test maestro* company in SQLite files, connected
    /// through Procore's OAuth login form; then a second sync that writes nothing, and edits on
    /// both sides with a conflict.
    Demo {
        /// Where the demo's files go (simulator state, ERP and state databases, key); they stay
        /// for inspection and are replaced by the next demo.
        #[arg(long, alias = "data-dir", default_value = ".mpsync/demo")]
        dir: PathBuf,
    },
    /// The maestro* company data: CSV import and export of every entity, the demo company.
    Erp {
        /// The ERP database: `sqlite://PATH` (created if missing) or `postgres://…`.
        #[arg(
            long,
            env = "MPSYNC_ERP_DB",
            default_value = "sqlite://.mpsync/erp.sqlite"
        )]
        erp_db: String,
        #[command(subcommand)]
        command: erp_cmd::ErpCommand,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MPSYNC_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let outcome = match Cli::parse().command {
        Command::Demo { dir } => demo::run(&dir).await.map(|()| ExitCode::SUCCESS),
        Command::Erp { erp_db, command } => erp_cmd::run(&erp_db, command).await,
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mpsync: {err:#}");
            ExitCode::FAILURE
        }
    }
}
