//! `procore-sim`: runs the Procore simulator until SIGINT/SIGTERM. Prints exactly one line,
//! `procore-sim login=<url> api=<url>`, once both hosts listen.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use procore_sim::{FaultRule, RateLimitConfig, SimConfig, SimEnvironment, SimServer};

/// The simulator builds and drops a JSON map per record it renders or stores: glibc's malloc
/// and free took a fifth of its CPU, mimalloc's a twentieth.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "procore-sim",
    about = "Local Procore REST API simulator (login host + API host)"
)]
struct Args {
    /// Procore environment to imitate: production, sandbox or monthly-sandbox (the monthly
    /// sandbox is seeded exactly like production).
    #[arg(long, default_value = "production")]
    environment: SimEnvironment,
    /// Address both hosts listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Login (OAuth) host port; 0 picks a free port.
    #[arg(long, default_value_t = 0)]
    login_port: u16,
    /// API host port (REST and /_sim admin); 0 picks a free port.
    #[arg(long, default_value_t = 0)]
    api_port: u16,
    /// SQLite file keeping the whole state across restarts; omitted = in memory only.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Seed of the world and of probabilistic faults.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Access token lifetime in seconds.
    #[arg(long, default_value_t = 5400)]
    access_token_lifetime: u64,
    /// Requests allowed per hourly window.
    #[arg(long, default_value_t = 3600)]
    hourly_limit: u32,
    /// Length of the "hourly" window in seconds.
    #[arg(long, default_value_t = 3600.0)]
    hourly_window: f64,
    /// Requests allowed per spike window.
    #[arg(long, default_value_t = 25)]
    spike_limit: u32,
    /// Length of the spike window in seconds.
    #[arg(long, default_value_t = 10.0)]
    spike_window: f64,
    /// Disable rate limiting entirely (headers are not sent).
    #[arg(long)]
    no_rate_limit: bool,
    /// JSON file with an array of fault rules, e.g.
    /// [{"operation":"RestV10VendorsGet","kind":"status","status":503,"retry_after_secs":2,"count":3}].
    #[arg(long)]
    faults: Option<PathBuf>,
    /// Simulator clock offset from real time, in seconds (may be negative).
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    clock_offset: i64,
    /// Override the installed app's client id.
    #[arg(long)]
    client_id: Option<String>,
    /// Override the installed app's client secret (prefer the environment variable: a flag is
    /// visible to every user of the machine in the process list).
    #[arg(long, env = "PROCORE_SIM_CLIENT_SECRET", hide_env_values = true)]
    client_secret: Option<String>,
    /// Additional redirect URI registered for the installed app (repeatable).
    #[arg(long = "redirect-uri")]
    redirect_uris: Vec<String>,
    /// Do not keep the exchange log (GET /_sim/exchanges).
    #[arg(long)]
    no_record_exchanges: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    let faults: Vec<FaultRule> = match &args.faults {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            serde_json::from_str(&text)
                .with_context(|| format!("parsing fault rules in {}", path.display()))?
        }
        None => Vec::new(),
    };
    let config = SimConfig {
        environment: args.environment,
        bind: args.bind,
        login_port: args.login_port,
        api_port: args.api_port,
        data: args.data,
        seed: args.seed,
        access_token_lifetime: Duration::from_secs(args.access_token_lifetime),
        rate_limits: RateLimitConfig {
            enabled: !args.no_rate_limit,
            hourly_limit: args.hourly_limit,
            hourly_window: Duration::try_from_secs_f64(args.hourly_window)
                .context("--hourly-window")?,
            spike_limit: args.spike_limit,
            spike_window: Duration::try_from_secs_f64(args.spike_window)
                .context("--spike-window")?,
        },
        faults,
        clock_offset: chrono::Duration::seconds(args.clock_offset),
        record_exchanges: !args.no_record_exchanges,
        client_id: args.client_id,
        client_secret: args.client_secret,
        redirect_uris: args.redirect_uris,
    };
    let server = SimServer::start(config)
        .await
        .context("starting the simulator")?;
    println!(
        "procore-sim login={} api={}",
        server.login_url(),
        server.api_url()
    );
    wait_for_signal().await?;
    server.shutdown().await;
    Ok(())
}

async fn wait_for_signal() -> anyhow::Result<()> {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        r = tokio::signal::ctrl_c() => r?,
        _ = term.recv() => {}
    }
    Ok(())
}
