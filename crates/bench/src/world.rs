//! One benchmark world: a Procore simulator (in this process or a child `procore-sim`), a
//! maestro* company in a SQLite file, the engine's state in another, signed in and paired as
//! `mpsync init` does.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use erp::ErpStore;
use procore::{
    AppCredentials, Client, Environment, EnvironmentKind, MemoryTokenStore, OAuthClient, Secret,
};
use procore_sim::{seed, AdminClient, RateLimitConfig, SimConfig, SimEnvironment, SimServer};
use state::{NewPairing, PairingId, StateStore};
use url::Url;

use crate::dataset::{self, Counts};
use crate::minimum::Existing;
use crate::preset::Size;
use crate::BenchError;

const REDIRECT_URI: &str = "http://127.0.0.1/callback";

/// Where the simulator runs.
#[derive(Debug, Clone)]
pub enum SimMode {
    /// In this process: simplest, but its CPU time and memory count as the engine's.
    InProcess,
    /// The `procore-sim` binary at this path, in a child process: what the engine alone
    /// spends is what this process spends.
    Child(PathBuf),
}

enum Sim {
    InProcess(SimServer),
    Child(tokio::process::Child),
}

/// A simulator, the two stores and a pairing between them.
pub struct World {
    sim: Sim,
    pub admin: AdminClient,
    pub erp: ErpStore,
    pub state: StateStore,
    pub pairing: PairingId,
    pub counts: Counts,
    /// What Procore held before the first sync (the sandbox's own records).
    pub existing: Existing,
    environment: Environment,
    credentials: AppCredentials,
    tokens: Arc<MemoryTokenStore>,
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

impl World {
    /// Starts the simulator (rate limits off), loads the company of `size` and signs in.
    pub async fn build(
        dir: &Path,
        seed: u64,
        size: &Size,
        mode: &SimMode,
    ) -> Result<World, BenchError> {
        std::fs::create_dir_all(dir)?;
        for name in ["erp.sqlite", "state.sqlite"] {
            for suffix in ["", "-wal", "-shm"] {
                let path = dir.join(format!("{name}{suffix}"));
                if path.exists() {
                    std::fs::remove_file(&path)?;
                }
            }
        }
        let (sim, login_url, api_url) = start_sim(mode).await?;
        let environment = Environment::Custom {
            login_url,
            api_url: api_url.clone(),
            kind: EnvironmentKind::Sandbox,
        };
        let credentials = AppCredentials {
            client_id: seed::CLIENT_ID.to_string(),
            client_secret: Secret::new(seed::CLIENT_SECRET.to_string()),
        };
        let erp = ErpStore::connect(&sqlite_url(&dir.join("erp.sqlite"))).await?;
        let counts = dataset::load(&erp, seed, size).await?;
        let state = StateStore::connect(&sqlite_url(&dir.join("state.sqlite"))).await?;
        let pairing = state
            .pair(&NewPairing::new(
                dataset::COMPANY,
                &environment,
                seed::COMPANY_ID,
            ))
            .await?
            .id;

        let oauth = OAuthClient::new(&environment, credentials.clone())?;
        let csrf = procore::generate_state();
        let back = procore_sim::browser::log_in(
            oauth.authorize_url(REDIRECT_URI, &csrf),
            seed::USER_EMAIL,
            seed::USER_PASSWORD,
        )
        .await
        .map_err(|e| BenchError::Setup(format!("signing in through the simulator: {e}")))?;
        let code = back
            .query_pairs()
            .find(|(k, _)| k == "code")
            .map(|(_, v)| v.into_owned())
            .ok_or_else(|| BenchError::Setup("no authorization code in the redirect".into()))?;
        let pair = oauth.exchange_code(&code, REDIRECT_URI).await?;
        let admin = AdminClient::new(api_url);
        let existing = Existing {
            projects: admin
                .records(procore_sim::Kind::Project, Some(seed::COMPANY_ID), None)
                .await?
                .len() as u64,
            vendors: admin
                .records(procore_sim::Kind::Vendor, Some(seed::COMPANY_ID), None)
                .await?
                .iter()
                .filter(|v| v["data"]["origin_id"].is_null())
                .count() as u64,
        };
        Ok(World {
            existing,
            sim,
            admin,
            erp,
            state,
            pairing,
            counts,
            environment,
            credentials,
            tokens: Arc::new(MemoryTokenStore::with_pair(pair)),
        })
    }

    /// A new client (fresh counters and rate gate) on the world's tokens. `per_record` sends
    /// one item per sync action, as the baseline does.
    pub fn client(&self, per_record: bool) -> Result<Client, BenchError> {
        let mut builder = Client::builder(self.environment.clone(), self.credentials.clone())
            .token_store(self.tokens.clone())
            .company_id(seed::COMPANY_ID)
            .record_call_times(true);
        if per_record {
            builder = builder.sync_batch_size(1);
        }
        Ok(builder.build()?)
    }

    /// The simulator's rate limits from now on.
    pub async fn set_rate_limits(&self, limits: RateLimitConfig) -> Result<(), BenchError> {
        Ok(self.admin.set_rate_limits(limits).await?)
    }

    /// CPU time the simulator has spent so far, when it runs in a child process.
    pub fn sim_cpu_time(&self) -> Option<std::time::Duration> {
        match &self.sim {
            Sim::InProcess(_) => None,
            Sim::Child(child) => child.id().and_then(crate::measure::cpu_time_of),
        }
    }

    pub async fn shutdown(self) {
        self.erp.close().await;
        self.state.close().await;
        match self.sim {
            Sim::InProcess(server) => server.shutdown().await,
            Sim::Child(mut child) => {
                let _ = child.kill().await;
            }
        }
    }
}

async fn start_sim(mode: &SimMode) -> Result<(Sim, Url, Url), BenchError> {
    let off = RateLimitConfig {
        enabled: false,
        ..RateLimitConfig::default()
    };
    match mode {
        SimMode::InProcess => {
            let server = SimServer::start(SimConfig {
                environment: SimEnvironment::DeveloperSandbox,
                rate_limits: off,
                // Millions of exchanges would be kept for nothing.
                record_exchanges: false,
                ..SimConfig::default()
            })
            .await?;
            let (login, api) = (server.login_url().clone(), server.api_url().clone());
            Ok((Sim::InProcess(server), login, api))
        }
        SimMode::Child(binary) => {
            use tokio::io::AsyncBufReadExt;
            let mut child = tokio::process::Command::new(binary)
                .args([
                    "--environment",
                    "sandbox",
                    "--bind",
                    "127.0.0.1",
                    "--no-rate-limit",
                    "--no-record-exchanges",
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .map_err(|e| BenchError::Setup(format!("starting {}: {e}", binary.display())))?;
            let stdout = child
                .stdout
                .take()
                .ok_or_else(|| BenchError::Setup("procore-sim has no stdout".into()))?;
            let mut line = String::new();
            let read = tokio::time::timeout(
                std::time::Duration::from_secs(30),
                tokio::io::BufReader::new(stdout).read_line(&mut line),
            )
            .await;
            if !matches!(read, Ok(Ok(n)) if n > 0) {
                return Err(BenchError::Setup(
                    "procore-sim did not say where it listens within 30 s".into(),
                ));
            }
            // `procore-sim login=<url> api=<url>`
            let url_of = |key: &str| {
                line.split_whitespace()
                    .find_map(|w| w.strip_prefix(key))
                    .and_then(|u| Url::parse(u).ok())
                    .ok_or_else(|| {
                        BenchError::Setup(format!("unexpected first line of procore-sim: {line}"))
                    })
            };
            let (login, api) = (url_of("login=")?, url_of("api=")?);
            Ok((Sim::Child(child), login, api))
        }
    }
}
