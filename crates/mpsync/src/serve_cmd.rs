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
    /// Also start a local Procore simulator and serve the developer-sandbox preset from it, to
    /// try the whole interface on a machine that does not reach Procore. Its state is kept in
    /// `procore-simulator.sqlite` beside the key file. Without this flag the preset reaches
    /// Procore's developer sandbox.
    #[arg(long)]
    pub simulator: bool,
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
    let simulator = if args.simulator {
        Some(start_simulator(&args.stores, &state, &cipher, &public_url).await?)
    } else {
        runner::connection::route_developer_sandbox(&state, None).await?;
        None
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
    if let Some(sim) = simulator {
        sim.shutdown().await;
    }
    println!("mpsync serve stopped");
    Ok(())
}

/// Starts the simulator as the developer sandbox and routes the preset to it. The simulator's
/// app key is saved only when the installation has none, so a real key is never replaced.
async fn start_simulator(
    stores: &Stores,
    state: &state::StateStore,
    cipher: &state::Cipher,
    public_url: &Url,
) -> anyhow::Result<procore_sim::SimServer> {
    use procore_sim::{seed, SimConfig, SimEnvironment, SimServer};
    let dir = stores
        .key_file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let sim = SimServer::start(SimConfig {
        environment: SimEnvironment::DeveloperSandbox,
        data: Some(dir.join("procore-simulator.sqlite")),
        redirect_uris: vec![public_url.join("callback")?.to_string()],
        ..SimConfig::default()
    })
    .await
    .map_err(|e| Fail::new(exit::UNAVAILABLE, format!("the Procore simulator: {e}")))?;
    runner::connection::route_developer_sandbox(
        state,
        Some(&runner::connection::SandboxRoute {
            login_url: sim.login_url().clone(),
            api_url: sim.api_url().clone(),
        }),
    )
    .await?;
    if runner::connection::credentials(state, cipher)
        .await?
        .is_none()
    {
        runner::connection::save_credentials(
            state,
            cipher,
            &procore::AppCredentials {
                client_id: seed::CLIENT_ID.to_owned(),
                client_secret: procore::Secret::new(seed::CLIENT_SECRET.to_owned()),
            },
        )
        .await?;
    }
    println!(
        "Procore simulator: the developer-sandbox preset is served at {} (sign in there as {})",
        sim.api_url(),
        seed::USER_EMAIL
    );
    Ok(sim)
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
