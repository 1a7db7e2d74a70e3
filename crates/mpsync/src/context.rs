//! What every command but `demo` works on: the ERP database, the state database, the key that
//! encrypts secrets, the maestro* company, and — once `mpsync init` has run — its Procore
//! connection.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use clap::Args;
use erp::{Company, ErpStore};
use procore::{AppCredentials, Client, Secret};
use runner::connection::NotConfigured;
use state::{Cipher, Pairing, Right, StateStore};

use crate::exit::{self, Fail};

pub use runner::connection::{Connection, CONNECTION_SETTING};

/// Where the data is: the two databases and the key that encrypts secrets.
#[derive(Args, Debug, Clone)]
pub struct Stores {
    /// The ERP database: `sqlite://PATH` (created if missing) or `postgres://…`.
    #[arg(
        long,
        env = "MPSYNC_ERP_DB",
        default_value = "sqlite://.mpsync/erp.sqlite"
    )]
    pub erp_db: String,
    /// The state database (bindings, cursors, runs, conflicts, settings, encrypted tokens):
    /// `sqlite://PATH` or `postgres://…`.
    #[arg(
        long,
        env = "MPSYNC_STATE_DB",
        default_value = "sqlite://.mpsync/state.sqlite"
    )]
    pub state_db: String,
    /// The key that encrypts secrets at rest, created on first use (mode 0600). `MPSYNC_KEY`
    /// (base64) takes precedence over the file.
    #[arg(long, env = "MPSYNC_KEY_FILE", default_value = ".mpsync/mpsync.key")]
    pub key_file: PathBuf,
}

impl Stores {
    /// Opens both databases (migrating them) and loads the key.
    pub async fn open(&self) -> anyhow::Result<(ErpStore, StateStore, Arc<Cipher>)> {
        ensure_sqlite_parent(&self.erp_db)?;
        ensure_sqlite_parent(&self.state_db)?;
        let erp = ErpStore::connect(&self.erp_db)
            .await
            .map_err(|e| Fail::new(exit::UNAVAILABLE, format!("the ERP database: {e}")))?;
        let state = StateStore::connect(&self.state_db)
            .await
            .map_err(|e| Fail::new(exit::UNAVAILABLE, format!("the state database: {e}")))?;
        if let Some(dir) = self.key_file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let cipher = Arc::new(Cipher::load(&self.key_file).context("loading the secret key")?);
        Ok((erp, state, cipher))
    }
}

/// Where the data is, and which company.
#[derive(Args, Debug, Clone)]
pub struct Target {
    /// maestro* company code; may be left out when the ERP database holds one company.
    #[arg(long, env = "MPSYNC_COMPANY")]
    pub company: Option<String>,
    #[command(flatten)]
    pub stores: Stores,
}

/// The opened stores and the chosen company.
pub struct Opened {
    pub erp: ErpStore,
    pub state: StateStore,
    pub company: Company,
    pub cipher: Arc<Cipher>,
}

impl Target {
    /// Opens both databases (migrating them) and finds the company.
    pub async fn open(&self) -> anyhow::Result<Opened> {
        let (erp, state, cipher) = self.stores.open().await?;
        let companies = erp.companies().await?;
        let company = match &self.company {
            Some(code) => companies
                .into_iter()
                .find(|c| &c.code == code)
                .ok_or_else(|| {
                    Fail::new(
                        exit::CONFIG,
                        format!("maestro* company {code} is not in the ERP database"),
                    )
                })?,
            None => match <[Company; 1]>::try_from(companies) {
                Ok([only]) => only,
                Err(companies) if companies.is_empty() => {
                    return Err(Fail::new(
                        exit::CONFIG,
                        "the ERP database holds no company: import one (`mpsync erp import`) or write the demo company (`mpsync erp demo-data`)",
                    )
                    .into())
                }
                Err(companies) => {
                    let codes: Vec<&str> = companies.iter().map(|c| c.code.as_str()).collect();
                    return Err(Fail::new(
                        exit::USAGE,
                        format!(
                            "the ERP database holds several companies ({}): choose one with --company",
                            codes.join(", ")
                        ),
                    )
                    .into());
                }
            },
        };
        Ok(Opened {
            erp,
            state,
            company,
            cipher,
        })
    }
}

/// The environment variable holding the API token a CLI user acts with.
pub const TOKEN_ENV: &str = "MPSYNC_TOKEN";

impl Opened {
    /// Who runs this command, refused unless they hold every one of `rights`.
    ///
    /// Until the installation has a user, whoever can open its databases and key acts as its
    /// operator. Once a user exists, every command that reads or changes the synchronization
    /// acts as the user whose API token is in `MPSYNC_TOKEN` (made on the Security page or with
    /// `mpsync users token`), with that user's rights.
    pub async fn authorize(&self, rights: &[Right]) -> anyhow::Result<String> {
        if self.state.count_users().await? == 0 {
            return Ok(format!("cli:{}", std::env::var("USER").unwrap_or_default()));
        }
        let token = std::env::var(TOKEN_ENV).unwrap_or_default();
        if token.trim().is_empty() {
            return Err(Fail::new(
                exit::NOPERM,
                format!(
                    "this installation has users: set {TOKEN_ENV} to your API token (the Security page of `mpsync serve`, or `mpsync users token`)"
                ),
            )
            .into());
        }
        let Some((user, held)) = self.state.user_by_api_token(token.trim()).await? else {
            return Err(Fail::new(
                exit::NOPERM,
                format!("{TOKEN_ENV} is not a valid API token (revoked, or its user disabled)"),
            )
            .into());
        };
        if let Some(missing) = rights.iter().find(|r| !held.allows(r)) {
            return Err(Fail::new(
                exit::NOPERM,
                format!("user {} does not have the right '{missing}'", user.username),
            )
            .into());
        }
        Ok(format!("cli:{}", user.username))
    }

    /// The company's active pairing, or a configuration failure telling to run `mpsync init`.
    pub async fn pairing(&self) -> anyhow::Result<Pairing> {
        self.state
            .active_pairing(&self.company.code)
            .await?
            .ok_or_else(|| {
                Fail::new(
                    exit::CONFIG,
                    format!(
                        "maestro* company {} is not connected to Procore: run `mpsync init` first",
                        self.company.code
                    ),
                )
                .into()
            })
    }

    /// A Procore client for the company's pairing, with its encrypted tokens.
    pub async fn client(&self, pairing: &Pairing) -> anyhow::Result<Client> {
        runner::connection::client_for(
            &self.state,
            self.cipher.clone(),
            &self.company.code,
            pairing,
        )
        .await?
        .map_err(|missing| {
            let message = match missing {
                NotConfigured::Connection => {
                    "no Procore connection is configured: run `mpsync init`"
                }
                NotConfigured::Credentials => {
                    "the Procore app credentials are not configured: run `mpsync init`"
                }
            };
            Fail::new(exit::CONFIG, message).into()
        })
    }

    /// The Procore app credentials saved by `mpsync init`.
    pub async fn credentials(&self) -> anyhow::Result<Option<AppCredentials>> {
        Ok(runner::connection::credentials(&self.state, &self.cipher).await?)
    }

    /// Saves the Procore app credentials, the secret encrypted.
    pub async fn save_credentials(&self, credentials: &AppCredentials) -> anyhow::Result<()> {
        Ok(runner::connection::save_credentials(&self.state, &self.cipher, credentials).await?)
    }
}

/// A secret from an environment variable or the first line of a file, never from the command
/// line (which other users of the machine can read).
pub fn read_secret(env: &str, file: Option<&Path>) -> anyhow::Result<Option<Secret>> {
    if let Some(path) = file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the secret file {}", path.display()))?;
        let line = text.lines().next().unwrap_or("").trim().to_owned();
        return Ok((!line.is_empty()).then(|| Secret::new(line)));
    }
    Ok(std::env::var(env)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| Secret::new(v.trim().to_owned())))
}

/// A SQLite file's directory must exist before the file can be created.
fn ensure_sqlite_parent(url: &str) -> anyhow::Result<()> {
    let Some(path) = url.strip_prefix("sqlite://") else {
        return Ok(());
    };
    let path = Path::new(path.split('?').next().unwrap_or(path));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(())
}
