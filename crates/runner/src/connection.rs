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
    Ok(Ok(Client::builder(connection.environment(), credentials)
        .token_store(tokens)
        .company_id(pairing.procore_company_id)
        .build()?))
}
