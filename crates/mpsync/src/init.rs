//! `mpsync init`: connects a maestro* company to Procore.
//!
//! Saves the app credentials (the secret encrypted), checks that a test company meets a
//! sandbox and a production company meets production, runs the OAuth authorization-code flow
//! (the user opens the printed address; Procore sends the browser back to a loopback port
//! mpsync listens on), picks the Procore company, pairs, and stores the token pair encrypted.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use erp::Environment as ErpEnvironment;
use procore::{AppCredentials, Client, EnvironmentKind, MemoryTokenStore, OAuthClient, TokenStore};
use state::{NewPairing, StateError, StateTokenStore};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use url::Url;

use crate::context::{read_secret, Connection, Target, CONNECTION_SETTING};
use crate::exit::{self, Fail};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    /// https://api.procore.com — real company data.
    Production,
    /// https://sandbox.procore.com — the developer sandbox.
    DeveloperSandbox,
    /// https://api-monthly.procore.com — the monthly sandbox, a copy of production.
    MonthlySandbox,
    /// Another address (`--login-url`, `--api-url`), whose kind `--custom-kind` declares.
    Custom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeclaredKind {
    Production,
    Sandbox,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    #[command(flatten)]
    pub target: Target,
    /// Which Procore: production by default, as the maestro* configuration guide has it.
    #[arg(long, value_enum, default_value_t = Preset::Production)]
    pub environment: Preset,
    /// With `--environment custom`: the login host (OAuth).
    #[arg(long, required_if_eq("environment", "custom"))]
    pub login_url: Option<Url>,
    /// With `--environment custom`: the REST API host.
    #[arg(long, required_if_eq("environment", "custom"))]
    pub api_url: Option<Url>,
    /// With `--environment custom`: whether that Procore holds production data or is a sandbox.
    #[arg(long, value_enum, required_if_eq("environment", "custom"))]
    pub custom_kind: Option<DeclaredKind>,
    /// The Procore app's client id; kept once given.
    #[arg(long, env = "MPSYNC_CLIENT_ID")]
    pub client_id: Option<String>,
    /// A file whose first line is the app's client secret (otherwise `MPSYNC_CLIENT_SECRET`);
    /// kept encrypted once given.
    #[arg(long)]
    pub client_secret_file: Option<PathBuf>,
    /// The Procore company to pair with; may be left out when the user sees only one.
    #[arg(long)]
    pub procore_company: Option<u64>,
    /// Where Procore sends the browser back, as registered for the app: a loopback address
    /// mpsync listens on (port 0 picks a free port).
    #[arg(long, default_value = "http://127.0.0.1:8765/callback")]
    pub redirect_uri: Url,
    /// How long to wait for the browser, in seconds.
    #[arg(long, default_value_t = 600)]
    pub timeout: u64,
}

pub async fn run(args: InitArgs) -> anyhow::Result<()> {
    let opened = args.target.open().await?;
    opened.authorize(&[state::Right::Configure]).await?;
    let company = &opened.company;
    let connection = connection(&args)?;
    connection
        .check()
        .map_err(|why| Fail::new(exit::CONFIG, why))?;
    let environment = runner::connection::environment(&opened.state, &connection).await?;

    // The seed's strongest warning: never a test company against production, or the reverse.
    let wanted = match company.environment {
        ErpEnvironment::Production => EnvironmentKind::Production,
        ErpEnvironment::Test => EnvironmentKind::Sandbox,
    };
    if environment.kind() != wanted {
        return Err(Fail::new(
            exit::CONFIG,
            format!(
                "maestro* company {} holds {} data and {} is a {} Procore: a {} company is only paired with a {} Procore",
                company.code,
                company.environment.code(),
                environment.api_url(),
                environment.kind(),
                company.environment.code(),
                wanted
            ),
        )
        .into());
    }

    let credentials = match (
        args.client_id.clone(),
        read_secret("MPSYNC_CLIENT_SECRET", args.client_secret_file.as_deref())?,
    ) {
        (Some(client_id), Some(client_secret)) => {
            let c = AppCredentials {
                client_id,
                client_secret,
            };
            opened.save_credentials(&c).await?;
            c
        }
        (None, None) => opened.credentials().await?.ok_or_else(|| {
            Fail::new(
                exit::USAGE,
                "the Procore app credentials are needed once: --client-id (or MPSYNC_CLIENT_ID) and the secret in MPSYNC_CLIENT_SECRET or --client-secret-file",
            )
        })?,
        _ => {
            return Err(Fail::new(
                exit::USAGE,
                "give both the client id and the client secret, or neither to keep the saved ones",
            )
            .into())
        }
    };

    // The callback listener first: with port 0 the redirect address is only known once bound.
    let (listener, redirect_uri) = listen(&args.redirect_uri).await?;
    let oauth = OAuthClient::new(&environment, credentials.clone())?;
    let csrf = procore::generate_state();
    let authorize = oauth.authorize_url(redirect_uri.as_str(), &csrf);
    println!("Open this address in a browser and sign in to Procore:\n\n  {authorize}\n");
    println!("Waiting for Procore to send the browser back to {redirect_uri} …");
    let code = tokio::time::timeout(
        Duration::from_secs(args.timeout),
        receive_code(&listener, &csrf),
    )
    .await
    .map_err(|_| {
        Fail::new(
            exit::NOPERM,
            format!("no answer from the browser within {} seconds", args.timeout),
        )
    })??;
    let pair = oauth
        .exchange_code(&code, redirect_uri.as_str())
        .await
        .map_err(|e| Fail::new(exit::NOPERM, format!("Procore refused the sign-in: {e}")))?;

    let probe = Client::builder(environment.clone(), credentials.clone())
        .token_store(Arc::new(MemoryTokenStore::with_pair(pair.clone())))
        .build()?;
    let companies = probe
        .companies()
        .list(&Default::default())
        .collect_all()
        .await?;
    let chosen = match args.procore_company {
        Some(id) => companies.iter().find(|c| c.id == id).ok_or_else(|| {
            Fail::new(
                exit::CONFIG,
                format!(
                    "Procore company {id} is not among the companies this user sees: {}",
                    list(&companies)
                ),
            )
        })?,
        None => match &companies[..] {
            [only] => only,
            [] => {
                return Err(Fail::new(
                    exit::NOPERM,
                    "this Procore user sees no company: the app must be installed in the company's App Management",
                )
                .into())
            }
            _ => {
                return Err(Fail::new(
                    exit::USAGE,
                    format!(
                        "this user sees several Procore companies; run again with --procore-company ID: {}",
                        list(&companies)
                    ),
                )
                .into())
            }
        },
    };

    let pairing = match opened
        .state
        .pair(&NewPairing::new(&company.code, &environment, chosen.id))
        .await
    {
        Ok(p) => p,
        Err(e @ (StateError::PairingConflict { .. } | StateError::EnvironmentMismatch { .. })) => {
            return Err(Fail::new(exit::CONFIG, e.to_string()).into())
        }
        Err(e) => return Err(e.into()),
    };
    opened
        .state
        .set_setting_as(&company.code, CONNECTION_SETTING, &connection)
        .await?;
    StateTokenStore::for_pairing(opened.state.clone(), opened.cipher.clone(), pairing.id)
        .save(&pair)
        .await
        .context("saving the tokens")?;
    println!(
        "Connected: maestro* company {} ({}) ⇄ Procore company {} {:?} at {} ({}). Tokens are kept encrypted.",
        company.code,
        company.environment.code(),
        chosen.id,
        chosen.name.as_deref().unwrap_or(""),
        environment.api_url(),
        environment.kind()
    );
    Ok(())
}

fn connection(args: &InitArgs) -> anyhow::Result<Connection> {
    Ok(match args.environment {
        Preset::Production => Connection::Production,
        Preset::DeveloperSandbox => Connection::DeveloperSandbox,
        Preset::MonthlySandbox => Connection::MonthlySandbox,
        Preset::Custom => {
            let (Some(login_url), Some(api_url), Some(kind)) = (
                args.login_url.clone(),
                args.api_url.clone(),
                args.custom_kind,
            ) else {
                return Err(Fail::new(
                    exit::USAGE,
                    "--environment custom needs --login-url, --api-url and --custom-kind",
                )
                .into());
            };
            Connection::Custom {
                login_url,
                api_url,
                kind: match kind {
                    DeclaredKind::Production => EnvironmentKind::Production,
                    DeclaredKind::Sandbox => EnvironmentKind::Sandbox,
                },
            }
        }
    })
}

fn list(companies: &[procore::resources::companies::Company]) -> String {
    companies
        .iter()
        .map(|c| format!("{} {:?}", c.id, c.name.as_deref().unwrap_or("")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds the redirect address, which must be a loopback `http` one.
async fn listen(redirect: &Url) -> anyhow::Result<(TcpListener, Url)> {
    let host = redirect.host_str().unwrap_or("");
    if redirect.scheme() != "http" || !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
        return Err(Fail::new(
            exit::USAGE,
            format!("--redirect-uri {redirect}: mpsync receives the sign-in on a loopback http address (http://127.0.0.1:PORT/…)"),
        )
        .into());
    }
    let port = redirect.port().unwrap_or(80);
    let bind_host = if host == "[::1]" { "::1" } else { "127.0.0.1" };
    let listener = TcpListener::bind((bind_host, port))
        .await
        .with_context(|| format!("listening on {bind_host}:{port} for the sign-in"))?;
    let mut actual = redirect.clone();
    let _ = actual.set_port(Some(listener.local_addr()?.port()));
    Ok((listener, actual))
}

/// Answers browser requests until one brings the authorization code with our `state`.
async fn receive_code(listener: &TcpListener, csrf: &str) -> anyhow::Result<String> {
    loop {
        let (mut socket, _) = listener.accept().await?;
        let mut buffer = vec![0u8; 16 * 1024];
        let mut read = 0;
        // The request line and headers; the body (there is none) is not needed.
        while read < buffer.len() {
            let n = socket.read(&mut buffer[read..]).await?;
            if n == 0 {
                break;
            }
            read += n;
            if buffer[..read].windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        let request = String::from_utf8_lossy(&buffer[..read]);
        let target = request
            .lines()
            .next()
            .and_then(|line| line.split_whitespace().nth(1))
            .unwrap_or("/");
        let url = Url::parse("http://callback.invalid")?.join(target)?;
        let query: std::collections::HashMap<String, String> =
            url.query_pairs().into_owned().collect();
        let (status, body, outcome) = match (query.get("code"), query.get("state")) {
            (Some(code), Some(state)) if procore::verify_state(csrf, state) => (
                "200 OK",
                "mpsync is connected to Procore. You may close this window.",
                Some(Ok(code.clone())),
            ),
            (Some(_), _) => (
                "400 Bad Request",
                "This sign-in was not started by this mpsync: refused.",
                None,
            ),
            _ => match query.get("error") {
                Some(error) => (
                    "400 Bad Request",
                    "Procore did not authorize mpsync.",
                    Some(Err(Fail::new(
                        exit::NOPERM,
                        format!(
                            "Procore did not authorize the app: {error} {}",
                            query.get("error_description").map_or("", String::as_str)
                        ),
                    ))),
                ),
                None => ("404 Not Found", "Not the sign-in address.", None),
            },
        };
        let page = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = socket.write_all(page.as_bytes()).await;
        let _ = socket.shutdown().await;
        match outcome {
            Some(Ok(code)) => return Ok(code),
            Some(Err(fail)) => return Err(fail.into()),
            None => continue,
        }
    }
}
