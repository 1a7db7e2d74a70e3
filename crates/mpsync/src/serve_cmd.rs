//! `mpsync serve`: the web UI and the JSON API, until Ctrl-C or SIGTERM (a run in progress is
//! finished first).

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use clap::Args;
use erp::ErpStore;
use state::{Cipher, StateStore};
use url::Url;

use crate::exit::{self, Fail};

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The ERP database: `sqlite://PATH` or `postgres://…`.
    #[arg(
        long,
        env = "MPSYNC_ERP_DB",
        default_value = "sqlite://.mpsync/erp.sqlite"
    )]
    pub erp_db: String,
    /// The state database: `sqlite://PATH` or `postgres://…`.
    #[arg(
        long,
        env = "MPSYNC_STATE_DB",
        default_value = "sqlite://.mpsync/state.sqlite"
    )]
    pub state_db: String,
    /// The key that encrypts secrets at rest (`MPSYNC_KEY`, base64, takes precedence).
    #[arg(long, env = "MPSYNC_KEY_FILE", default_value = ".mpsync/mpsync.key")]
    pub key_file: std::path::PathBuf,
    /// Where to listen.
    #[arg(long, env = "MPSYNC_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The address users reach the server at (maestro*'s Web/Mobile address); defaults to
    /// http://<listen>.
    #[arg(long, env = "MPSYNC_PUBLIC_URL")]
    pub public_url: Option<Url>,
    /// How long a sign-in lasts, in hours.
    #[arg(long, default_value_t = 8)]
    pub session_hours: i64,
}

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    for url in [&args.erp_db, &args.state_db] {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if let Some(dir) = std::path::Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
        }
    }
    let erp = ErpStore::connect(&args.erp_db)
        .await
        .map_err(|e| Fail::new(exit::UNAVAILABLE, format!("the ERP database: {e}")))?;
    let state = StateStore::connect(&args.state_db)
        .await
        .map_err(|e| Fail::new(exit::UNAVAILABLE, format!("the state database: {e}")))?;
    if let Some(dir) = args.key_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let cipher = Arc::new(Cipher::load(&args.key_file).context("loading the secret key")?);
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| {
            Fail::new(
                exit::UNAVAILABLE,
                format!("cannot listen on {}: {e}", args.listen),
            )
        })?;
    let bound = listener.local_addr()?;
    let public_url = match args.public_url {
        Some(url) => url,
        None => Url::parse(&format!("http://{bound}"))?,
    };
    let app = web::AppState::new(web::WebConfig {
        state,
        erp,
        cipher,
        public_url: public_url.clone(),
        session_lifetime: chrono::Duration::hours(args.session_hours.clamp(1, 24 * 30)),
        schedule_tick: Some(std::time::Duration::from_secs(30)),
    });
    println!("mpsync serve listening on http://{bound} (public address {public_url})");
    if let Some(token) = app.setup_token().await? {
        println!(
            "No user exists yet: open {public_url}setup and enter this one-time token to create the first administrator:\n\n  {token}\n"
        );
    }
    web::serve(listener, app, shutdown()).await?;
    println!("mpsync serve stopped");
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
