//! `mpsync serve`: the web UI and the JSON API, until Ctrl-C or SIGTERM (a run in progress is
//! finished first).

use std::net::SocketAddr;

use clap::Args;
use url::Url;

use crate::context::Stores;
use crate::exit::{self, Fail};

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub stores: Stores,
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
    let (erp, state, cipher) = args.stores.open().await?;
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
