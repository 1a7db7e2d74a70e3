//! `mpsync`: the maestro* ⇄ Procore synchronization interface, from the command line.

mod conflicts_cmd;
mod context;
mod demo;
mod doctor_cmd;
mod erp_cmd;
mod init;
mod link_cmd;
mod report;
mod runs_cmd;
mod serve_cmd;
mod settings_cmd;
mod sync_cmd;
mod users_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit statuses a script can rely on.
mod exit {
    use std::fmt;

    /// The engine makes and drops many small strings and maps per record; glibc's allocator spent a
    /// sixth of the benchmark's CPU in malloc and free (consolidating free lists), mimalloc a
    /// twentieth.
    #[global_allocator]
    static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

    /// The command failed (see the message).
    pub const FAILURE: u8 = 1;
    /// Wrong usage: an unknown option, a missing or contradictory argument.
    pub const USAGE: u8 = 2;
    /// The run finished, and records need a person: errors, conflicts or ambiguous links,
    /// each recorded with its reason (`mpsync runs show ID`, `mpsync conflicts`).
    pub const ATTENTION: u8 = 3;
    /// Input data refused (a bad CSV row, a link that would be wrong): fix it and run again.
    pub const DATA_ERROR: u8 = 65;
    /// Procore or a database could not be reached, or the rate limit ran out: try again later;
    /// nothing was lost, the next run goes on from where this one stopped.
    pub const UNAVAILABLE: u8 = 69;
    /// Permission denied: Procore refused the connection (sign-in refused, token revoked:
    /// reconnect with `mpsync init`), or the user of `MPSYNC_TOKEN` lacks the right.
    pub const NOPERM: u8 = 77;
    /// Not configured, or configured against the rules (a test company with production
    /// Procore): see the message.
    pub const CONFIG: u8 = 78;

    /// A failure with the exit status it calls for.
    #[derive(Debug)]
    pub struct Fail {
        pub code: u8,
        pub message: String,
    }

    impl Fail {
        pub fn new(code: u8, message: impl Into<String>) -> Self {
            Fail {
                code,
                message: message.into(),
            }
        }
    }

    impl fmt::Display for Fail {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.message)
        }
    }

    impl std::error::Error for Fail {}
}

#[derive(Parser)]
#[command(
    name = "mpsync",
    version,
    about = "maestro* ⇄ Procore synchronization interface",
    long_about = "maestro* ⇄ Procore synchronization interface.\n\n\
        Start with `mpsync demo` (no setup). For a real company: write its data to the ERP \
        database (`mpsync erp import`), connect it to Procore (`mpsync init`), link what \
        already exists on both sides (`mpsync link --auto --dry-run`, then without \
        --dry-run), preview (`mpsync sync --dry-run`), synchronize (`mpsync sync`), and read \
        what happened to every record (`mpsync runs`, `mpsync runs show ID`, \
        `mpsync conflicts`).\n\n\
        Databases: --erp-db and --state-db take sqlite://PATH (the default, under .mpsync/) \
        or postgres://USER@HOST/DB; the same options can be set with MPSYNC_ERP_DB, \
        MPSYNC_STATE_DB, MPSYNC_COMPANY and MPSYNC_KEY_FILE.",
    after_help = "Exit status: 0 success; 1 failure; 2 wrong usage; 3 done, but records need a person \
        (errors, conflicts, ambiguous links); 65 input data refused, nothing written; 69 Procore \
        or a database unreachable, try again later; 77 permission denied (Procore refused the \
        connection: run `mpsync init`; or MPSYNC_TOKEN's user lacks the right); 78 not configured or configured against the rules."
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
    /// Connects a maestro* company to a Procore company: app credentials (kept encrypted),
    /// environment (a test company only with a sandbox, a production company only with
    /// production), sign-in in the browser, company choice. Run again to reconnect.
    Init(init::InitArgs),
    /// Synchronizes every entity (or those named) in dependency order: projects, cost codes,
    /// original budget, modified budget, customers, suppliers, employees. Prints the per-entity table; every record's outcome is
    /// recorded.
    Sync(sync_cmd::SyncArgs),
    /// Lists the runs, newest first; `runs show ID` shows every record of one run.
    Runs(runs_cmd::RunsArgs),
    /// Lists the fields changed differently on both sides; `conflicts resolve` picks a side.
    Conflicts(conflicts_cmd::ConflictsArgs),
    /// The company's Projects-tab choices: cost code mode, cost types.
    Settings(settings_cmd::SettingsArgs),
    /// Links records that already exist on both sides: `--auto` by matching (with
    /// `--dry-run` to only list), or one by hand.
    Link(link_cmd::LinkArgs),
    /// Serves the web UI and the JSON API (tabs Authentication, Synchronization Settings,
    /// Projects, Orders, Synchronization Manager; users and rights). With no user yet, prints a
    /// one-time token that creates the first administrator.
    Serve(serve_cmd::ServeArgs),
    /// Checks, one line each, what a synchronization needs: databases, company, Procore
    /// connection and token, Procore company, permitted projects, the server's address.
    Doctor(doctor_cmd::DoctorArgs),
    /// Security management: users, rights and API tokens (`MPSYNC_TOKEN` for the CLI).
    Users(users_cmd::UsersArgs),
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
    // Logs go to standard error, as text or (MPSYNC_LOG_FORMAT=json) one JSON object a line;
    // MPSYNC_LOG sets the level (`info`, `mpsync=debug,web=info`…).
    let filter = tracing_subscriber::EnvFilter::try_from_env("MPSYNC_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("MPSYNC_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json")) {
        logs.json().init();
    } else {
        logs.init();
    }
    let outcome = match Cli::parse().command {
        Command::Demo { dir } => demo::run(&dir).await.map(|()| ExitCode::SUCCESS),
        Command::Init(args) => init::run(args).await.map(|()| ExitCode::SUCCESS),
        Command::Sync(args) => sync_cmd::run(args).await,
        Command::Runs(args) => runs_cmd::run(args).await,
        Command::Conflicts(args) => conflicts_cmd::run(args).await,
        Command::Link(args) => link_cmd::run(args).await,
        Command::Settings(args) => settings_cmd::run(args).await,
        Command::Doctor(args) => doctor_cmd::run(args).await,
        Command::Users(args) => users_cmd::run(args).await,
        Command::Serve(args) => serve_cmd::run(args).await.map(|()| ExitCode::SUCCESS),
        Command::Erp { erp_db, command } => erp_cmd::run(&erp_db, command).await,
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mpsync: {err:#}");
            match err.downcast_ref::<exit::Fail>() {
                Some(fail) => ExitCode::from(fail.code),
                None => ExitCode::from(exit::FAILURE),
            }
        }
    }
}
