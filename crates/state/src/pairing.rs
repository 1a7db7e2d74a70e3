//! Pairings: which maestro* company syncs with which Procore company in which environment.
//!
//! Every binding, cursor and run hangs off a pairing. The monthly sandbox is a copy of
//! production that keeps production's record ids, so a binding keyed only by Procore id would
//! silently match the wrong environment's record; scoping by pairing makes that impossible.

use std::fmt;

use chrono::{DateTime, Utc};
use procore::{Environment, EnvironmentKind};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;

use crate::error::{from_db_id, to_db_id, Result, StateError};
use crate::store::{now, with_conn, Conn, StateStore};

/// Identifier of a [`Pairing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PairingId(pub i64);

impl fmt::Display for PairingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What a new pairing connects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPairing {
    /// maestro* company code (or prefix, in multidimensional mode).
    pub erp_company: String,
    /// Production or sandbox.
    pub environment: EnvironmentKind,
    /// Procore REST API base URL, e.g. `https://api.procore.com`.
    pub api_base_url: String,
    /// Procore company id.
    pub procore_company_id: u64,
}

impl NewPairing {
    /// A pairing of `erp_company` with `procore_company_id` in `environment`.
    pub fn new(
        erp_company: impl Into<String>,
        environment: &Environment,
        procore_company_id: u64,
    ) -> Self {
        NewPairing {
            erp_company: erp_company.into(),
            environment: environment.kind(),
            api_base_url: environment.api_url().to_string(),
            procore_company_id,
        }
    }
}

/// A maestro* company paired with a Procore company in one environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    /// Identifier.
    pub id: PairingId,
    /// maestro* company code.
    pub erp_company: String,
    /// Production or sandbox.
    pub environment: EnvironmentKind,
    /// Procore REST API base URL, without trailing slash.
    pub api_base_url: String,
    /// Procore company id.
    pub procore_company_id: u64,
    /// When the pairing was made.
    pub created_at: DateTime<Utc>,
    /// When it was unpaired; its bindings are archived from then on.
    pub unpaired_at: Option<DateTime<Utc>>,
}

impl Pairing {
    /// Whether bindings may still be read and written for this pairing.
    pub fn is_active(&self) -> bool {
        self.unpaired_at.is_none()
    }
}

impl fmt::Display for Pairing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Procore company {} at {} ({})",
            self.procore_company_id, self.api_base_url, self.environment
        )
    }
}

#[derive(FromRow)]
struct PairingRow {
    id: i64,
    erp_company: String,
    environment_kind: String,
    api_base_url: String,
    procore_company_id: i64,
    created_at: DateTime<Utc>,
    unpaired_at: Option<DateTime<Utc>>,
}

impl TryFrom<PairingRow> for Pairing {
    type Error = StateError;
    fn try_from(row: PairingRow) -> Result<Self> {
        let environment = match row.environment_kind.as_str() {
            "production" => EnvironmentKind::Production,
            "sandbox" => EnvironmentKind::Sandbox,
            other => {
                return Err(StateError::Corrupt(format!(
                    "'{other}' is not an environment kind"
                )))
            }
        };
        Ok(Pairing {
            id: PairingId(row.id),
            erp_company: row.erp_company,
            environment,
            api_base_url: row.api_base_url,
            procore_company_id: from_db_id("Procore company id", row.procore_company_id)?,
            created_at: row.created_at,
            unpaired_at: row.unpaired_at,
        })
    }
}

const COLUMNS: &str =
    "id, erp_company, environment_kind, api_base_url, procore_company_id, created_at, unpaired_at";

fn kind_text(kind: EnvironmentKind) -> &'static str {
    match kind {
        EnvironmentKind::Production => "production",
        EnvironmentKind::Sandbox => "sandbox",
    }
}

/// Trailing slashes differ between what users type and what `Url` prints; one spelling keeps
/// "same pairing" comparisons exact.
fn normalise_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_owned()
}

pub(crate) async fn pairing(conn: &mut Conn<'_>, id: PairingId) -> Result<Option<Pairing>> {
    let sql = format!("SELECT {COLUMNS} FROM pairings WHERE id = $1");
    let row: Option<PairingRow> = with_conn!(conn, c => {
        sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await?
    });
    row.map(Pairing::try_from).transpose()
}

/// The pairing `id`, refusing unknown and unpaired ones (used before every binding write).
pub(crate) async fn require_active(conn: &mut Conn<'_>, id: PairingId) -> Result<Pairing> {
    let found = pairing(conn, id)
        .await?
        .ok_or(StateError::PairingNotFound(id))?;
    if !found.is_active() {
        return Err(StateError::PairingInactive(id));
    }
    Ok(found)
}

async fn active_for_company(conn: &mut Conn<'_>, erp_company: &str) -> Result<Option<Pairing>> {
    let sql =
        format!("SELECT {COLUMNS} FROM pairings WHERE erp_company = $1 AND unpaired_at IS NULL");
    let row: Option<PairingRow> = with_conn!(conn, c => {
        sqlx::query_as(&sql).bind(erp_company).fetch_optional(&mut *c).await?
    });
    row.map(Pairing::try_from).transpose()
}

impl StateStore {
    /// Pairs a maestro* company with a Procore company, or returns the identical active pairing.
    ///
    /// Refuses ([`StateError::PairingConflict`]) when the company is already paired with a
    /// different Procore company, URL or environment kind: moving a company between
    /// environments by editing its authentication settings is exactly the data-integrity
    /// accident the Procore configuration guide warns about. Refuses
    /// ([`StateError::EnvironmentMismatch`]) a well-known Procore host declared with the other
    /// kind.
    pub async fn pair(&self, new: &NewPairing) -> Result<Pairing> {
        match self.pair_once(new).await {
            // Another worker paired the same company between our read and our insert; the
            // partial unique index refused ours. One more pass sees its row and answers as above.
            Err(StateError::Database(e)) if is_unique_violation(&e) => self.pair_once(new).await,
            other => other,
        }
    }

    async fn pair_once(&self, new: &NewPairing) -> Result<Pairing> {
        let api_base_url = normalise_url(&new.api_base_url);
        if let Some(actual) = url_kind(&api_base_url) {
            if actual != new.environment {
                return Err(StateError::EnvironmentMismatch {
                    api_base_url,
                    declared: new.environment,
                    actual,
                });
            }
        }
        let company_id = to_db_id("Procore company id", new.procore_company_id)?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        if let Some(existing) = active_for_company(&mut conn, &new.erp_company).await? {
            let same = existing.environment == new.environment
                && existing.api_base_url == api_base_url
                && existing.procore_company_id == new.procore_company_id;
            return if same {
                Ok(existing)
            } else {
                Err(StateError::PairingConflict {
                    erp_company: new.erp_company.clone(),
                    existing: Box::new(existing),
                })
            };
        }
        let sql = format!(
            "INSERT INTO pairings (erp_company, environment_kind, api_base_url, procore_company_id, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
        );
        let row: PairingRow = with_conn!(&mut conn, c => {
            sqlx::query_as(&sql)
                .bind(&new.erp_company)
                .bind(kind_text(new.environment))
                .bind(&api_base_url)
                .bind(company_id)
                .bind(now())
                .fetch_one(&mut *c)
                .await?
        });
        tx.commit().await?;
        row.try_into()
    }

    /// The pairing `id`, active or not.
    pub async fn pairing(&self, id: PairingId) -> Result<Option<Pairing>> {
        let mut pooled = self.acquire().await?;
        pairing(&mut pooled.conn(), id).await
    }

    /// The active pairing of a maestro* company, if any.
    pub async fn active_pairing(&self, erp_company: &str) -> Result<Option<Pairing>> {
        let mut pooled = self.acquire().await?;
        active_for_company(&mut pooled.conn(), erp_company).await
    }

    /// Every pairing, oldest first, unpaired ones included (for audit).
    pub async fn list_pairings(&self) -> Result<Vec<Pairing>> {
        let sql = format!("SELECT {COLUMNS} FROM pairings ORDER BY id");
        let mut pooled = self.acquire().await?;
        let rows: Vec<PairingRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql).fetch_all(&mut *c).await?
        });
        rows.into_iter().map(Pairing::try_from).collect()
    }

    /// Unpairs: marks the pairing inactive and archives all its bindings, in one transaction.
    ///
    /// Archived bindings stay for audit but are never returned by lookups, and they no longer
    /// occupy the unique indexes, so a later pairing starts from a clean slate. Returns the
    /// number of bindings archived.
    pub async fn unpair(&self, id: PairingId) -> Result<u64> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        require_active(&mut conn, id).await?;
        let at = now();
        let archived = with_conn!(&mut conn, c => {
            sqlx::query("UPDATE pairings SET unpaired_at = $1 WHERE id = $2")
                .bind(at)
                .bind(id.0)
                .execute(&mut *c)
                .await?;
            sqlx::query("UPDATE bindings SET archived_at = $1 WHERE pairing_id = $2 AND archived_at IS NULL")
                .bind(at)
                .bind(id.0)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        tx.commit().await?;
        tracing::info!(pairing = %id, archived, "unpaired; bindings archived");
        Ok(archived)
    }
}

fn url_kind(api_base_url: &str) -> Option<EnvironmentKind> {
    let url: url::Url = api_base_url.parse().ok()?;
    Environment::from_api_url(&url).map(|env| env.kind())
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation)
}
