//! A world for each test: the Procore simulator on loopback with a user logged in through its
//! form, the demo maestro* company and a fresh state store, on SQLite files or fresh PostgreSQL
//! databases, and a runner paired over them.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use erp::ErpStore;
use procore::{
    AppCredentials, Client, Environment, EnvironmentKind, MemoryTokenStore, OAuthClient, Secret,
};
use procore_sim::{seed, AdminClient, RateLimitConfig, SimConfig, SimServer};
use runner::SyncRunner;
use sqlx::Connection;
use state::{NewPairing, PairingId, StateStore};

const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const REDIRECT_URI: &str = "http://127.0.0.1/callback";
pub const DEMO_SEED: u64 = 2026;

/// Declares a `sqlite` and a `postgres` test for each `async fn(World)` named.
macro_rules! backend_tests {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::support::run($crate::support::Backend::Sqlite, super::$name).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::support::run($crate::support::Backend::Postgres, super::$name).await;
                }
            )+
        }
    };
}

#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct World {
    /// Kept for the world's lifetime: dropping it stops the simulator.
    _sim: SimServer,
    pub admin: AdminClient,
    pub erp: ErpStore,
    pub state: StateStore,
    pub pairing: PairingId,
    pub company: String,
    pub demo: erp::demo::DemoCompany,
    pub client: Client,
}

impl World {
    pub fn runner(&self) -> SyncRunner {
        SyncRunner::new(
            Arc::new(self.erp.clone()),
            self.company.clone(),
            self.state.clone(),
            self.pairing,
            self.client.clone(),
        )
    }

    pub async fn sync(&self) -> runner::RunSummary {
        self.sync_with(runner::RunnerOptions::default()).await
    }

    pub async fn sync_with(&self, options: runner::RunnerOptions) -> runner::RunSummary {
        let runner = self.runner().with_options(options);
        tokio::time::timeout(Duration::from_secs(120), runner.sync(&[], false))
            .await
            .expect("a sync ends within two minutes")
            .expect("sync runs")
    }
}

/// Runs `test` in a fresh world on `backend`, cleaned up afterwards even if the test panics.
pub async fn run<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(World) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let (erp_url, state_url, cleanup) = match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir();
            let erp: PathBuf = dir.join(format!("mpsync-runner-erp-{tag}.db"));
            let state: PathBuf = dir.join(format!("mpsync-runner-state-{tag}.db"));
            (
                format!("sqlite://{}", erp.display()),
                format!("sqlite://{}", state.display()),
                Cleanup::Files(vec![erp, state]),
            )
        }
        Backend::Postgres => {
            let base =
                std::env::var("MPSYNC_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned());
            let admin = tokio::time::timeout(
                Duration::from_secs(10),
                sqlx::postgres::PgConnection::connect(&base),
            )
            .await;
            let mut admin = match admin {
                Ok(Ok(conn)) => conn,
                failure => {
                    let reason = match failure {
                        Ok(Err(e)) => e.to_string(),
                        _ => "timed out".to_owned(),
                    };
                    if std::env::var("CI").is_ok_and(|v| v == "true") {
                        panic!("PostgreSQL at {base} is unreachable under CI=true: {reason}");
                    }
                    eprintln!(
                        "\n!!!!! SKIPPED: PostgreSQL at {base} is unreachable ({reason}).\n\
                         !!!!! Start it or set MPSYNC_TEST_PG_URL; with CI=true this test fails.\n"
                    );
                    return;
                }
            };
            let names = [
                format!("mpsync_runner_erp_{tag}"),
                format!("mpsync_runner_state_{tag}"),
            ];
            for name in &names {
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("create test database");
            }
            let _ = admin.close().await;
            (
                with_database(&base, &names[0]),
                with_database(&base, &names[1]),
                Cleanup::Databases(base, names.to_vec()),
            )
        }
    };

    let world = build(&erp_url, &state_url).await;
    let (erp, state) = (world.erp.clone(), world.state.clone());
    let outcome = tokio::spawn(test(world)).await;
    erp.close().await;
    state.close().await;
    cleanup.run().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn build(erp_url: &str, state_url: &str) -> World {
    let sim = SimServer::start(SimConfig {
        rate_limits: RateLimitConfig {
            enabled: false,
            ..RateLimitConfig::default()
        },
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts");
    let environment = Environment::Custom {
        login_url: sim.login_url().clone(),
        api_url: sim.api_url().clone(),
        kind: EnvironmentKind::Sandbox,
    };
    let credentials = AppCredentials {
        client_id: seed::CLIENT_ID.to_string(),
        client_secret: Secret::new(seed::CLIENT_SECRET.to_string()),
    };
    let oauth = OAuthClient::new(&environment, credentials.clone()).expect("oauth client");
    let csrf = procore::generate_state();
    let authorize = oauth.authorize_url(REDIRECT_URI, &csrf);
    let back = procore_sim::browser::log_in(&authorize, seed::USER_EMAIL, seed::USER_PASSWORD)
        .await
        .expect("the user logs in through the form");
    let query: std::collections::HashMap<_, _> = back.query_pairs().into_owned().collect();
    assert!(procore::verify_state(&csrf, &query["state"]));
    let pair = oauth
        .exchange_code(&query["code"], REDIRECT_URI)
        .await
        .expect("code exchange");
    let client = Client::builder(environment.clone(), credentials)
        .token_store(Arc::new(MemoryTokenStore::with_pair(pair)))
        .company_id(seed::COMPANY_ID)
        .backoff(Duration::from_millis(20), Duration::from_millis(400))
        .build()
        .expect("client builds");

    let erp = ErpStore::connect(erp_url).await.expect("ERP store");
    let demo = erp::demo::generate(DEMO_SEED);
    erp::demo::load(&erp, &demo).await.expect("demo company");
    let state = StateStore::connect(state_url).await.expect("state store");
    let company = demo.company.code.clone();
    let pairing = state
        .pair(&NewPairing::new(&company, &environment, seed::COMPANY_ID))
        .await
        .expect("pairing")
        .id;
    World {
        admin: sim.admin(),
        _sim: sim,
        erp,
        state,
        pairing,
        company,
        demo,
        client,
    }
}

enum Cleanup {
    Files(Vec<PathBuf>),
    Databases(String, Vec<String>),
}

impl Cleanup {
    async fn run(self) {
        match self {
            Cleanup::Files(paths) => {
                for path in paths {
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                    }
                }
            }
            Cleanup::Databases(base, names) => {
                if let Ok(mut admin) = sqlx::postgres::PgConnection::connect(&base).await {
                    for name in names {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut admin)
                                .await;
                    }
                    let _ = admin.close().await;
                }
            }
        }
    }
}

/// `base` with its database name replaced by `name` (query parameters kept).
fn with_database(base: &str, name: &str) -> String {
    let (url, query) = match base.split_once('?') {
        Some((url, query)) => (url, Some(query)),
        None => (base, None),
    };
    let scheme_end = url.find("://").map_or(0, |i| i + 3);
    let authority_end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &url[..authority_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}
