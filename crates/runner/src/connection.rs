//! A company's Procore connection as configured, shared by every face of mpsync (the CLI, the
//! web UI): the environment (a preset or a declared custom URL), the Procore app's credentials
//! (an installation option, the secret encrypted), and the client built from them for a
//! pairing, with its tokens encrypted in the state store.

use std::sync::Arc;

use procore::{AppCredentials, Client, Environment, EnvironmentKind};
use serde::{Deserialize, Serialize};
use state::{Cipher, Pairing, StateStore, StateTokenStore};
use url::Url;

use crate::RunnerError;

/// Setting (per maestro* company) holding its Procore connection.
pub const CONNECTION_SETTING: &str = "procore.connection";
/// Installation-wide settings are kept under this company name.
pub const INSTALLATION: &str = "";
/// Installation setting: the Procore app's client id.
pub const CLIENT_ID_SETTING: &str = "procore.client_id";
/// Installation secret: the Procore app's client secret.
pub const CLIENT_SECRET: &str = "procore.client_secret";

/// A Procore environment as configured: a preset, or a custom URL whose kind is declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "preset", rename_all = "snake_case")]
pub enum Connection {
    Production,
    DeveloperSandbox,
    MonthlySandbox,
    Custom {
        login_url: Url,
        api_url: Url,
        kind: EnvironmentKind,
    },
}

impl Connection {
    pub fn environment(&self) -> Environment {
        match self {
            Connection::Production => Environment::Production,
            Connection::DeveloperSandbox => Environment::DeveloperSandbox,
            Connection::MonthlySandbox => Environment::MonthlySandbox,
            Connection::Custom {
                login_url,
                api_url,
                kind,
            } => Environment::Custom {
                login_url: login_url.clone(),
                api_url: api_url.clone(),
                kind: *kind,
            },
        }
    }
}

impl Connection {
    /// Refuses a custom URL that could carry the grant where it should not go: a Procore host
    /// declared as the other kind (a production host called a sandbox lets a test company
    /// reach production), or a non-loopback address without TLS (the client secret and the
    /// tokens travel in those requests).
    pub fn check(&self) -> Result<(), String> {
        let Connection::Custom {
            login_url,
            api_url,
            kind,
        } = self
        else {
            return Ok(());
        };
        for (what, url) in [("login URL", login_url), ("API URL", api_url)] {
            let host = url
                .host_str()
                .unwrap_or("")
                .trim_end_matches('.')
                .to_ascii_lowercase();
            if url.scheme() != "https" && !(url.scheme() == "http" && is_loopback(url)) {
                return Err(format!(
                    "{what} {url}: use https (plain http only on this machine's loopback address)"
                ));
            }
            if host == "procore.com" || host.ends_with(".procore.com") {
                let actual = procore_host_kind(&host);
                if actual != *kind {
                    return Err(format!(
                        "{what} {url} is a Procore {actual} host, not {kind}: choose the preset, or declare it as {actual}"
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Installation setting: where a local Procore simulator serves the developer-sandbox preset
/// (`mpsync serve --simulator`), so the preset can be tried and tested on a machine that does
/// not reach Procore.
pub const SANDBOX_ROUTE_SETTING: &str = "procore.developer_sandbox_route";

/// The hosts that serve the developer-sandbox preset instead of Procore's. Only loopback
/// addresses are accepted: the route exists for a simulator on this machine, and it must never
/// send a sandbox grant to another host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxRoute {
    pub login_url: Url,
    pub api_url: Url,
}

impl SandboxRoute {
    pub fn check(&self) -> Result<(), String> {
        for url in [&self.login_url, &self.api_url] {
            if !is_loopback(url) {
                return Err(format!(
                    "{url}: the developer sandbox can only be routed to this machine's loopback address"
                ));
            }
        }
        Ok(())
    }
}

fn is_loopback(url: &Url) -> bool {
    let host = url
        .host_str()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    host == "localhost" || host.starts_with("127.") || host == "[::1]" || host == "::1"
}

/// Routes the developer-sandbox preset to a local simulator, or back to Procore (`None`).
pub async fn route_developer_sandbox(
    state: &StateStore,
    route: Option<&SandboxRoute>,
) -> Result<(), RunnerError> {
    match route {
        Some(route) => {
            route.check().map_err(RunnerError::SettingRefused)?;
            state
                .set_setting_as(INSTALLATION, SANDBOX_ROUTE_SETTING, route)
                .await?;
        }
        None => {
            state
                .delete_setting(INSTALLATION, SANDBOX_ROUTE_SETTING)
                .await?;
        }
    }
    Ok(())
}

/// The environment a connection reaches: its preset's hosts, or the local simulator's when
/// the developer sandbox is routed to one. A routed preset stays a sandbox.
pub async fn environment(
    state: &StateStore,
    connection: &Connection,
) -> Result<Environment, RunnerError> {
    if *connection == Connection::DeveloperSandbox {
        let route: Option<SandboxRoute> = state
            .setting_as(INSTALLATION, SANDBOX_ROUTE_SETTING)
            .await?;
        if let Some(route) = route.filter(|r| r.check().is_ok()) {
            return Ok(Environment::Custom {
                login_url: route.login_url,
                api_url: route.api_url,
                kind: EnvironmentKind::Sandbox,
            });
        }
    }
    Ok(connection.environment())
}

/// The kind of a Procore host: the sandbox hosts are named, everything else is production.
fn procore_host_kind(host: &str) -> EnvironmentKind {
    const SANDBOX: &[&str] = &[
        "sandbox.procore.com",
        "login-sandbox.procore.com",
        "login-sandbox-monthly.procore.com",
        "api-monthly.procore.com",
    ];
    if SANDBOX.contains(&host) {
        EnvironmentKind::Sandbox
    } else {
        EnvironmentKind::Production
    }
}

/// The connection configured for a company, if any.
pub async fn connection(
    state: &StateStore,
    company: &str,
) -> Result<Option<Connection>, RunnerError> {
    Ok(state.setting_as(company, CONNECTION_SETTING).await?)
}

/// The Procore app credentials of the installation.
pub async fn credentials(
    state: &StateStore,
    cipher: &Cipher,
) -> Result<Option<AppCredentials>, RunnerError> {
    let id: Option<String> = state.setting_as(INSTALLATION, CLIENT_ID_SETTING).await?;
    let secret = state.secret(cipher, CLIENT_SECRET).await?;
    Ok(match (id, secret) {
        (Some(client_id), Some(client_secret)) => Some(AppCredentials {
            client_id,
            client_secret,
        }),
        _ => None,
    })
}

/// Saves the Procore app credentials, the secret encrypted.
pub async fn save_credentials(
    state: &StateStore,
    cipher: &Cipher,
    credentials: &AppCredentials,
) -> Result<(), RunnerError> {
    state
        .set_setting_as(INSTALLATION, CLIENT_ID_SETTING, &credentials.client_id)
        .await?;
    state
        .put_secret(cipher, CLIENT_SECRET, &credentials.client_secret)
        .await?;
    Ok(())
}

/// What is missing to build a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotConfigured {
    /// No environment chosen for the company.
    Connection,
    /// No app credentials in the installation.
    Credentials,
}

/// Environment variable: the page size of Procore list reads (default 1000, Procore's
/// maximum). Smaller pages suit a proxy that limits answer sizes; the tests use them to read
/// lists over many pages.
pub const PER_PAGE_ENV: &str = "MPSYNC_PROCORE_PER_PAGE";

/// A Procore client for a company's pairing, its tokens kept encrypted in the state store.
pub async fn client_for(
    state: &StateStore,
    cipher: Arc<Cipher>,
    company: &str,
    pairing: &Pairing,
) -> Result<Result<Client, NotConfigured>, RunnerError> {
    let Some(connection) = connection(state, company).await? else {
        return Ok(Err(NotConfigured::Connection));
    };
    let Some(credentials) = credentials(state, &cipher).await? else {
        return Ok(Err(NotConfigured::Credentials));
    };
    let tokens = Arc::new(StateTokenStore::for_pairing(
        state.clone(),
        cipher,
        pairing.id,
    ));
    let environment = environment(state, &connection).await?;
    let mut builder = Client::builder(environment, credentials)
        .token_store(tokens)
        .company_id(pairing.procore_company_id);
    if let Some(per_page) = std::env::var(PER_PAGE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|n| (1..=1000).contains(n))
    {
        builder = builder.per_page(per_page);
    }
    Ok(Ok(builder.build()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(login: &str, api: &str, kind: EnvironmentKind) -> Connection {
        Connection::Custom {
            login_url: login.parse().unwrap(),
            api_url: api.parse().unwrap(),
            kind,
        }
    }

    #[test]
    fn a_custom_url_cannot_pass_production_off_as_a_sandbox() {
        use EnvironmentKind::*;
        assert!(custom(
            "https://login.procore.com",
            "https://api.procore.com.",
            Sandbox
        )
        .check()
        .is_err());
        assert!(custom(
            "https://login-sandbox.procore.com",
            "https://sandbox.procore.com",
            Sandbox
        )
        .check()
        .is_ok());
        assert!(custom(
            "https://login.acme.procore.com",
            "https://api.acme.procore.com",
            Production
        )
        .check()
        .is_ok());
        let plain = custom("http://proxy.example", "https://api.example", Sandbox).check();
        assert!(plain.unwrap_err().contains("https"));
        assert!(
            custom("http://127.0.0.1:9000", "http://127.0.0.1:9001", Sandbox)
                .check()
                .is_ok()
        );
        assert!(Connection::Production.check().is_ok());
    }
}
