//! Conflicts: a field changed on both sides since the last sync.
//!
//! The engine records one and leaves the field untouched on both sides until a user picks a
//! side; while a conflict is open, [`StateStore::has_open_conflict`] says so.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{FromRow, QueryBuilder};

use crate::error::{from_db_id, to_db_id, Result, StateError};
use crate::pairing::PairingId;
use crate::store::{now, text_enum, with_conn, StateStore};

text_enum! {
    /// Which side a user chose.
    pub enum Resolution {
        /// maestro*'s value is written to Procore.
        KeepErp => "keep_erp",
        /// Procore's value is written to maestro*.
        KeepProcore => "keep_procore",
    }
}

/// A detected conflict to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewConflict {
    /// The pairing.
    pub pairing: PairingId,
    /// Entity name.
    pub entity: String,
    /// maestro* key.
    pub erp_key: String,
    /// Procore id, when bound.
    pub procore_id: Option<u64>,
    /// Field name.
    pub field: String,
    /// The value both sides agreed on at the last sync (`null` if never synced).
    pub base_value: Value,
    /// maestro*'s value now.
    pub erp_value: Value,
    /// Procore's value now.
    pub procore_value: Value,
}

/// A recorded conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Identifier.
    pub id: i64,
    /// The pairing.
    pub pairing: PairingId,
    /// Entity name.
    pub entity: String,
    /// maestro* key.
    pub erp_key: String,
    /// Procore id, when bound.
    pub procore_id: Option<u64>,
    /// Field name.
    pub field: String,
    /// The value agreed at the last sync.
    pub base_value: Value,
    /// maestro*'s value when last detected.
    pub erp_value: Value,
    /// Procore's value when last detected.
    pub procore_value: Value,
    /// When first detected.
    pub detected_at: DateTime<Utc>,
    /// When a user resolved it.
    pub resolved_at: Option<DateTime<Utc>>,
    /// Which side the user chose.
    pub resolution: Option<Resolution>,
    /// When a sync wrote the chosen side's value to the other side.
    pub applied_at: Option<DateTime<Utc>>,
}

impl Conflict {
    /// Whether the engine must still leave the field alone.
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }
}

/// Which conflicts to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConflictFilter {
    /// Only this entity.
    pub entity: Option<String>,
    /// Only this record.
    pub erp_key: Option<String>,
    /// Only unresolved ones.
    pub open_only: bool,
}

#[derive(FromRow)]
struct ConflictRow {
    id: i64,
    pairing_id: i64,
    entity: String,
    erp_key: String,
    procore_id: Option<i64>,
    field: String,
    base_value: Json<Value>,
    erp_value: Json<Value>,
    procore_value: Json<Value>,
    detected_at: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    resolution: Option<String>,
    applied_at: Option<DateTime<Utc>>,
}

impl TryFrom<ConflictRow> for Conflict {
    type Error = StateError;
    fn try_from(row: ConflictRow) -> Result<Self> {
        Ok(Conflict {
            id: row.id,
            pairing: PairingId(row.pairing_id),
            entity: row.entity,
            erp_key: row.erp_key,
            procore_id: row
                .procore_id
                .map(|id| from_db_id("Procore id", id))
                .transpose()?,
            field: row.field,
            base_value: row.base_value.0,
            erp_value: row.erp_value.0,
            procore_value: row.procore_value.0,
            detected_at: row.detected_at,
            resolved_at: row.resolved_at,
            resolution: row.resolution.map(|r| r.parse()).transpose()?,
            applied_at: row.applied_at,
        })
    }
}

const COLUMNS: &str = "id, pairing_id, entity, erp_key, procore_id, field, base_value, erp_value, \
                       procore_value, detected_at, resolved_at, resolution, applied_at";

impl StateStore {
    /// Records a conflict; if one is already open on that field, refreshes its values and
    /// keeps its detection time.
    pub async fn record_conflict(&self, new: &NewConflict) -> Result<Conflict> {
        let procore_id = new
            .procore_id
            .map(|id| to_db_id("Procore id", id))
            .transpose()?;
        let sql = format!(
            "INSERT INTO conflicts (pairing_id, entity, erp_key, procore_id, field, base_value, erp_value, procore_value, detected_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (pairing_id, entity, erp_key, field) WHERE resolved_at IS NULL DO UPDATE \
             SET procore_id = excluded.procore_id, base_value = excluded.base_value, \
                 erp_value = excluded.erp_value, procore_value = excluded.procore_value \
             RETURNING {COLUMNS}"
        );
        let mut pooled = self.acquire().await?;
        let row: ConflictRow = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql)
                .bind(new.pairing.0)
                .bind(&new.entity)
                .bind(&new.erp_key)
                .bind(procore_id)
                .bind(&new.field)
                .bind(Json(&new.base_value))
                .bind(Json(&new.erp_value))
                .bind(Json(&new.procore_value))
                .bind(now())
                .fetch_one(&mut *c)
                .await?
        });
        row.try_into()
    }

    /// Conflicts of a pairing matching `filter`, oldest first.
    pub async fn list_conflicts(
        &self,
        pairing: PairingId,
        filter: &ConflictFilter,
    ) -> Result<Vec<Conflict>> {
        let mut pooled = self.acquire().await?;
        let rows: Vec<ConflictRow> = with_conn!(&mut pooled.conn(), c => {
            let mut qb = QueryBuilder::new(format!("SELECT {COLUMNS} FROM conflicts WHERE pairing_id = "));
            qb.push_bind(pairing.0);
            if let Some(entity) = &filter.entity {
                qb.push(" AND entity = ").push_bind(entity);
            }
            if let Some(erp_key) = &filter.erp_key {
                qb.push(" AND erp_key = ").push_bind(erp_key);
            }
            if filter.open_only {
                qb.push(" AND resolved_at IS NULL");
            }
            qb.push(" ORDER BY id");
            qb.build_query_as().fetch_all(&mut *c).await?
        });
        rows.into_iter().map(Conflict::try_from).collect()
    }

    /// Conflicts of an entity a user resolved and no sync has applied yet, oldest first.
    pub async fn resolutions_to_apply(
        &self,
        pairing: PairingId,
        entity: &str,
    ) -> Result<Vec<Conflict>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM conflicts WHERE pairing_id = $1 AND entity = $2 \
             AND resolved_at IS NOT NULL AND applied_at IS NULL ORDER BY id"
        );
        let mut pooled = self.acquire().await?;
        let rows: Vec<ConflictRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql)
                .bind(pairing.0)
                .bind(entity)
                .fetch_all(&mut *c)
                .await?
        });
        rows.into_iter().map(Conflict::try_from).collect()
    }

    /// Records that the chosen sides of `conflict_ids` were written.
    pub async fn mark_resolutions_applied(&self, conflict_ids: &[i64]) -> Result<()> {
        if conflict_ids.is_empty() {
            return Ok(());
        }
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            let mut qb = QueryBuilder::new("UPDATE conflicts SET applied_at = ");
            qb.push_bind(now());
            qb.push(" WHERE resolved_at IS NOT NULL AND applied_at IS NULL AND id IN (");
            let mut ids = qb.separated(", ");
            for id in conflict_ids {
                ids.push_bind(*id);
            }
            qb.push(")");
            qb.build().execute(&mut *c).await?;
        });
        Ok(())
    }

    /// The open conflicts of one record: the fields the engine must leave untouched.
    pub async fn open_conflicts(
        &self,
        pairing: PairingId,
        entity: &str,
        erp_key: &str,
    ) -> Result<Vec<Conflict>> {
        let filter = ConflictFilter {
            entity: Some(entity.to_owned()),
            erp_key: Some(erp_key.to_owned()),
            open_only: true,
        };
        self.list_conflicts(pairing, &filter).await
    }

    /// Whether a field of a record has an open conflict.
    pub async fn has_open_conflict(
        &self,
        pairing: PairingId,
        entity: &str,
        erp_key: &str,
        field: &str,
    ) -> Result<bool> {
        let mut pooled = self.acquire().await?;
        let n: i64 = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM conflicts WHERE pairing_id = $1 AND entity = $2 AND erp_key = $3 \
                 AND field = $4 AND resolved_at IS NULL",
            )
            .bind(pairing.0)
            .bind(entity)
            .bind(erp_key)
            .bind(field)
            .fetch_one(&mut *c)
            .await?
        });
        Ok(n > 0)
    }

    /// Resolves an open conflict with the user's choice.
    ///
    /// Refuses a second resolution: the first one may already have been applied.
    pub async fn resolve_conflict(
        &self,
        conflict_id: i64,
        resolution: Resolution,
    ) -> Result<Conflict> {
        let sql = format!(
            "UPDATE conflicts SET resolved_at = $1, resolution = $2 WHERE id = $3 AND resolved_at IS NULL \
             RETURNING {COLUMNS}"
        );
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<ConflictRow> = with_conn!(&mut conn, c => {
            sqlx::query_as(&sql)
                .bind(now())
                .bind(resolution.as_str())
                .bind(conflict_id)
                .fetch_optional(&mut *c)
                .await?
        });
        if let Some(row) = row {
            return row.try_into();
        }
        let exists: i64 = with_conn!(&mut conn, c => {
            sqlx::query_scalar("SELECT COUNT(*) FROM conflicts WHERE id = $1")
                .bind(conflict_id)
                .fetch_one(&mut *c)
                .await?
        });
        Err(if exists > 0 {
            StateError::ConflictAlreadyResolved(conflict_id)
        } else {
            StateError::ConflictNotFound(conflict_id)
        })
    }
}
