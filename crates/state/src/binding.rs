//! Bindings: the link between one maestro* record and one Procore record.
//!
//! A binding is unique on both sides within a (pairing, entity): the database refuses a second
//! binding for the same ERP key or the same Procore id. Check-then-insert in code cannot stop
//! two workers creating the same supplier at once; a unique index can.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{FromRow, QueryBuilder};

use crate::error::{from_db_id, to_db_id, Result, StateError};
use crate::pairing::{require_active, PairingId};
use crate::store::{now, with_conn, Conn, StateStore, StateTx};

/// How many keys one batch lookup sends per statement (SQLite caps bound parameters).
const LOOKUP_CHUNK: usize = 500;

/// A maestro* record linked to a Procore record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Binding {
    /// The pairing this binding belongs to; never valid for another.
    pub pairing: PairingId,
    /// Entity name, e.g. `projects`, `suppliers`.
    pub entity: String,
    /// Stable maestro* natural key (project number, supplier code…).
    pub erp_key: String,
    /// Procore record id.
    pub procore_id: u64,
    /// Hash of the ERP record as last written or seen.
    pub erp_hash: Option<String>,
    /// Hash of the Procore record as last written or seen.
    pub procore_hash: Option<String>,
    /// Field values both sides agreed on at the last sync: the base of three-way comparison.
    pub last_synced_values: Value,
    /// When the two records were last in agreement.
    pub synced_at: DateTime<Utc>,
}

/// What to record after a successful write (or a link of two existing records).
#[derive(Debug, Clone, PartialEq)]
pub struct BindingWrite {
    /// The pairing.
    pub pairing: PairingId,
    /// Entity name.
    pub entity: String,
    /// maestro* natural key.
    pub erp_key: String,
    /// Procore record id.
    pub procore_id: u64,
    /// Hash of the ERP record now.
    pub erp_hash: Option<String>,
    /// Hash of the Procore record now.
    pub procore_hash: Option<String>,
    /// The field values now agreed on.
    pub last_synced_values: Value,
}

/// Refusal to bind a record that is already bound to something else.
///
/// Names both sides so the outcome message can tell the user which existing link to undo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BindingConflict {
    /// The pairing.
    pub pairing: PairingId,
    /// Entity name.
    pub entity: String,
    /// The ERP key asked for.
    pub erp_key: String,
    /// The Procore id asked for.
    pub procore_id: u64,
    /// The Procore id `erp_key` is already bound to, if that is the clash.
    pub erp_key_bound_to: Option<u64>,
    /// The ERP key `procore_id` is already bound to, if that is the clash.
    pub procore_id_bound_to: Option<String>,
}

impl fmt::Display for BindingConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot bind {} ERP '{}' to Procore {} (pairing {})",
            self.entity, self.erp_key, self.procore_id, self.pairing
        )?;
        if let Some(other) = self.erp_key_bound_to {
            write!(
                f,
                ": ERP '{}' is already bound to Procore {other}",
                self.erp_key
            )?;
        }
        if let Some(other) = &self.procore_id_bound_to {
            let sep = if self.erp_key_bound_to.is_some() {
                ";"
            } else {
                ":"
            };
            write!(
                f,
                "{sep} Procore {} is already bound to ERP '{other}'",
                self.procore_id
            )?;
        }
        if self.erp_key_bound_to.is_none() && self.procore_id_bound_to.is_none() {
            // Both rows vanished between the refused insert and the lookup (a concurrent unlink).
            f.write_str(": another binding was written at the same time; retry")?;
        }
        Ok(())
    }
}

#[derive(FromRow)]
struct BindingRow {
    pairing_id: i64,
    entity: String,
    erp_key: String,
    procore_id: i64,
    erp_hash: Option<String>,
    procore_hash: Option<String>,
    last_synced_values: Json<Value>,
    synced_at: DateTime<Utc>,
}

impl TryFrom<BindingRow> for Binding {
    type Error = StateError;
    fn try_from(row: BindingRow) -> Result<Self> {
        Ok(Binding {
            pairing: PairingId(row.pairing_id),
            entity: row.entity,
            erp_key: row.erp_key,
            procore_id: from_db_id("Procore id", row.procore_id)?,
            erp_hash: row.erp_hash,
            procore_hash: row.procore_hash,
            last_synced_values: row.last_synced_values.0,
            synced_at: row.synced_at,
        })
    }
}

const COLUMNS: &str = "pairing_id, entity, erp_key, procore_id, erp_hash, procore_hash, \
                       last_synced_values, synced_at";

fn rows_to_bindings(rows: Vec<BindingRow>) -> Result<Vec<Binding>> {
    rows.into_iter().map(Binding::try_from).collect()
}

async fn by_erp_key(
    conn: &mut Conn<'_>,
    pairing: PairingId,
    entity: &str,
    erp_key: &str,
) -> Result<Option<Binding>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM bindings \
         WHERE pairing_id = $1 AND entity = $2 AND erp_key = $3 AND archived_at IS NULL"
    );
    let row: Option<BindingRow> = with_conn!(conn, c => {
        sqlx::query_as(&sql).bind(pairing.0).bind(entity).bind(erp_key).fetch_optional(&mut *c).await?
    });
    row.map(Binding::try_from).transpose()
}

async fn by_procore_id(
    conn: &mut Conn<'_>,
    pairing: PairingId,
    entity: &str,
    procore_id: u64,
) -> Result<Option<Binding>> {
    let id = to_db_id("Procore id", procore_id)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM bindings \
         WHERE pairing_id = $1 AND entity = $2 AND procore_id = $3 AND archived_at IS NULL"
    );
    let row: Option<BindingRow> = with_conn!(conn, c => {
        sqlx::query_as(&sql).bind(pairing.0).bind(entity).bind(id).fetch_optional(&mut *c).await?
    });
    row.map(Binding::try_from).transpose()
}

async fn by_erp_keys(
    conn: &mut Conn<'_>,
    pairing: PairingId,
    entity: &str,
    keys: &[String],
) -> Result<Vec<Binding>> {
    let rows: Vec<BindingRow> = rows_by_erp_keys(conn, COLUMNS, pairing, entity, keys).await?;
    rows_to_bindings(rows)
}

/// `select` of the active bindings of `entity` whose ERP key is one of `keys`, a few hundred
/// keys per statement: whole bindings, or only the columns a caller needs.
async fn rows_by_erp_keys<R>(
    conn: &mut Conn<'_>,
    select: &str,
    pairing: PairingId,
    entity: &str,
    keys: &[String],
) -> Result<Vec<R>>
where
    R: for<'r> FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let mut found = Vec::with_capacity(keys.len());
    for chunk in keys.chunks(LOOKUP_CHUNK) {
        let rows: Vec<R> = with_conn!(&mut *conn, c => {
            let mut qb = QueryBuilder::new(format!("SELECT {select} FROM bindings WHERE pairing_id = "));
            qb.push_bind(pairing.0).push(" AND entity = ").push_bind(entity);
            qb.push(" AND archived_at IS NULL AND erp_key IN (");
            let mut list = qb.separated(", ");
            for key in chunk {
                list.push_bind(key);
            }
            qb.push(")");
            qb.build_query_as().fetch_all(&mut *c).await?
        });
        found.extend(rows);
    }
    Ok(found)
}

async fn by_procore_ids(
    conn: &mut Conn<'_>,
    pairing: PairingId,
    entity: &str,
    ids: &[u64],
) -> Result<Vec<Binding>> {
    let ids = ids
        .iter()
        .map(|&id| to_db_id("Procore id", id))
        .collect::<Result<Vec<_>>>()?;
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(LOOKUP_CHUNK) {
        let rows: Vec<BindingRow> = with_conn!(&mut *conn, c => {
            let mut qb = QueryBuilder::new(format!("SELECT {COLUMNS} FROM bindings WHERE pairing_id = "));
            qb.push_bind(pairing.0).push(" AND entity = ").push_bind(entity);
            qb.push(" AND archived_at IS NULL AND procore_id IN (");
            let mut list = qb.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            qb.push(")");
            qb.build_query_as().fetch_all(&mut *c).await?
        });
        found.extend(rows_to_bindings(rows)?);
    }
    Ok(found)
}

async fn upsert(conn: &mut Conn<'_>, write: &BindingWrite) -> Result<Binding> {
    require_active(conn, write.pairing).await?;
    let procore_id = to_db_id("Procore id", write.procore_id)?;
    let values = Json(&write.last_synced_values);
    let at = now();
    let update = format!(
        "UPDATE bindings SET erp_hash = $1, procore_hash = $2, last_synced_values = $3, synced_at = $4 \
         WHERE pairing_id = $5 AND entity = $6 AND erp_key = $7 AND procore_id = $8 AND archived_at IS NULL \
         RETURNING {COLUMNS}"
    );
    // DO NOTHING (no target) covers both unique indexes and, unlike a failed INSERT, leaves a
    // PostgreSQL transaction usable for the lookups that name the clash.
    let insert = format!(
        "INSERT INTO bindings (pairing_id, entity, erp_key, procore_id, erp_hash, procore_hash, last_synced_values, synced_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING {COLUMNS}"
    );
    let row: Option<BindingRow> = with_conn!(&mut *conn, c => {
        let updated: Option<BindingRow> = sqlx::query_as(&update)
            .bind(&write.erp_hash)
            .bind(&write.procore_hash)
            .bind(values)
            .bind(at)
            .bind(write.pairing.0)
            .bind(&write.entity)
            .bind(&write.erp_key)
            .bind(procore_id)
            .fetch_optional(&mut *c)
            .await?;
        match updated {
            Some(row) => Some(row),
            None => sqlx::query_as(&insert)
                .bind(write.pairing.0)
                .bind(&write.entity)
                .bind(&write.erp_key)
                .bind(procore_id)
                .bind(&write.erp_hash)
                .bind(&write.procore_hash)
                .bind(values)
                .bind(at)
                .fetch_optional(&mut *c)
                .await?,
        }
    });
    match row {
        Some(row) => row.try_into(),
        None => {
            let erp_side = by_erp_key(conn, write.pairing, &write.entity, &write.erp_key).await?;
            let procore_side =
                by_procore_id(conn, write.pairing, &write.entity, write.procore_id).await?;
            Err(BindingConflict {
                pairing: write.pairing,
                entity: write.entity.clone(),
                erp_key: write.erp_key.clone(),
                procore_id: write.procore_id,
                erp_key_bound_to: erp_side.map(|b| b.procore_id),
                procore_id_bound_to: procore_side.map(|b| b.erp_key),
            }
            .into())
        }
    }
}

/// How many bindings one multi-row statement of [`upsert_many`] writes (8 parameters each).
const WRITE_CHUNK: usize = 250;

/// [`upsert`] for many bindings, a few hundred per statement. Each chunk is first inserted
/// whole, leaving out what clashes with a binding already there: in a first synchronization
/// every binding is new, and looking both sides up first read a million index entries twice
/// for nothing. If some were left out, one lookup of what the chunk's keys and ids are bound to
/// tells the identical ones (updated; the ones just inserted among them) from the clashes.
/// Returns the positions of the writes that clash with another binding (either side bound to
/// another record, or two writes of the chunk naming the same key or id), left untouched for
/// the caller to settle one by one as [`upsert`] would refuse them.
async fn upsert_many(conn: &mut Conn<'_>, writes: &[BindingWrite]) -> Result<Vec<usize>> {
    use std::collections::BTreeSet;
    let mut checked: BTreeSet<PairingId> = BTreeSet::new();
    // Grouped by (pairing, entity), positions kept.
    let mut groups: BTreeMap<(PairingId, &str), Vec<usize>> = BTreeMap::new();
    for (i, w) in writes.iter().enumerate() {
        if checked.insert(w.pairing) {
            require_active(conn, w.pairing).await?;
        }
        groups
            .entry((w.pairing, w.entity.as_str()))
            .or_default()
            .push(i);
    }
    let mut clashes = Vec::new();
    let at = now();
    for ((pairing, entity), positions) in groups {
        for chunk in positions.chunks(WRITE_CHUNK) {
            if insert_new(conn, (pairing, entity), writes, chunk, at).await? == chunk.len() as u64 {
                continue;
            }
            let keys: Vec<String> = chunk.iter().map(|&i| writes[i].erp_key.clone()).collect();
            let ids: Vec<u64> = chunk.iter().map(|&i| writes[i].procore_id).collect();
            let mut bound_keys: BTreeMap<String, u64> = BTreeMap::new();
            let mut bound_ids: BTreeSet<u64> = BTreeSet::new();
            for b in by_erp_keys(conn, pairing, entity, &keys)
                .await?
                .into_iter()
                .chain(by_procore_ids(conn, pairing, entity, &ids).await?)
            {
                bound_ids.insert(b.procore_id);
                bound_keys.insert(b.erp_key, b.procore_id);
            }
            let (mut same, mut fresh) = (Vec::new(), Vec::new());
            let (mut new_keys, mut new_ids) = (BTreeSet::new(), BTreeSet::new());
            for &i in chunk {
                let w = &writes[i];
                match bound_keys.get(&w.erp_key) {
                    Some(&id) if id == w.procore_id => same.push(i),
                    Some(_) => clashes.push(i),
                    None if bound_ids.contains(&w.procore_id) => clashes.push(i),
                    None => {
                        if new_keys.insert(w.erp_key.as_str()) && new_ids.insert(w.procore_id) {
                            fresh.push(i);
                        } else {
                            clashes.push(i);
                        }
                    }
                }
            }
            for &i in &same {
                let w = &writes[i];
                let procore_id = to_db_id("Procore id", w.procore_id)?;
                with_conn!(&mut *conn, c => {
                    sqlx::query(
                        "UPDATE bindings SET erp_hash = $1, procore_hash = $2, last_synced_values = $3, synced_at = $4 \
                         WHERE pairing_id = $5 AND entity = $6 AND erp_key = $7 AND procore_id = $8 AND archived_at IS NULL",
                    )
                    .bind(&w.erp_hash)
                    .bind(&w.procore_hash)
                    .bind(Json(&w.last_synced_values))
                    .bind(at)
                    .bind(pairing.0)
                    .bind(entity)
                    .bind(&w.erp_key)
                    .bind(procore_id)
                    .execute(&mut *c)
                    .await?;
                });
            }
            // Bound since the first insert by another writer, then unbound again (rare):
            // settled one by one, which is idempotent for the ones that do go in.
            if insert_new(conn, (pairing, entity), writes, &fresh, at).await? < fresh.len() as u64 {
                clashes.extend(fresh.iter().copied());
            }
        }
    }
    clashes.sort_unstable();
    Ok(clashes)
}

/// Inserts the writes at `positions` (all of `pairing` and `entity`) in one statement,
/// leaving out, not failing, the ones whose key or id is bound already: a failed statement
/// would end a PostgreSQL transaction. How many went in.
async fn insert_new(
    conn: &mut Conn<'_>,
    (pairing, entity): (PairingId, &str),
    writes: &[BindingWrite],
    positions: &[usize],
    at: DateTime<Utc>,
) -> Result<u64> {
    if positions.is_empty() {
        return Ok(0);
    }
    let db_ids = positions
        .iter()
        .map(|&i| to_db_id("Procore id", writes[i].procore_id))
        .collect::<Result<Vec<_>>>()?;
    let inserted = with_conn!(&mut *conn, c => {
        let mut qb = QueryBuilder::new(
            "INSERT INTO bindings (pairing_id, entity, erp_key, procore_id, erp_hash, procore_hash, last_synced_values, synced_at) ",
        );
        qb.push_values(positions.iter().zip(&db_ids), |mut row, (&i, id)| {
            let w = &writes[i];
            row.push_bind(pairing.0)
                .push_bind(entity)
                .push_bind(&w.erp_key)
                .push_bind(*id)
                .push_bind(&w.erp_hash)
                .push_bind(&w.procore_hash)
                .push_bind(Json(&w.last_synced_values))
                .push_bind(at);
        });
        qb.push(" ON CONFLICT DO NOTHING");
        qb.build().execute(&mut *c).await?.rows_affected()
    });
    Ok(inserted)
}

async fn unlink(
    conn: &mut Conn<'_>,
    pairing: PairingId,
    entity: &str,
    erp_key: &str,
) -> Result<Option<Binding>> {
    let sql = format!(
        "DELETE FROM bindings WHERE pairing_id = $1 AND entity = $2 AND erp_key = $3 AND archived_at IS NULL \
         RETURNING {COLUMNS}"
    );
    let row: Option<BindingRow> = with_conn!(conn, c => {
        sqlx::query_as(&sql).bind(pairing.0).bind(entity).bind(erp_key).fetch_optional(&mut *c).await?
    });
    row.map(Binding::try_from).transpose()
}

impl StateTx {
    /// Creates the binding, or records new hashes and agreed values on the existing identical one.
    ///
    /// Fails with [`BindingConflict`] if either side is bound to another record, and with
    /// [`StateError::PairingInactive`] after an unpair.
    pub async fn upsert_binding(&mut self, write: &BindingWrite) -> Result<Binding> {
        upsert(&mut self.conn(), write).await
    }

    /// [`upsert_binding`](Self::upsert_binding) for many bindings at once, a few hundred per
    /// statement. The writes that clash with another binding are left untouched and their
    /// positions returned (in order), for the caller to settle one by one with
    /// [`upsert_binding`](Self::upsert_binding). Should another writer bind some records of a
    /// chunk between the lookup and the insert, the whole chunk is returned: settling the ones
    /// that did go in is idempotent.
    pub async fn upsert_bindings(&mut self, writes: &[BindingWrite]) -> Result<Vec<usize>> {
        upsert_many(&mut self.conn(), writes).await
    }

    /// Removes the binding of `erp_key`; returns it if there was one.
    pub async fn unlink_binding(
        &mut self,
        pairing: PairingId,
        entity: &str,
        erp_key: &str,
    ) -> Result<Option<Binding>> {
        unlink(&mut self.conn(), pairing, entity, erp_key).await
    }

    /// The binding of an ERP record, as this transaction sees it.
    pub async fn binding_by_erp_key(
        &mut self,
        pairing: PairingId,
        entity: &str,
        erp_key: &str,
    ) -> Result<Option<Binding>> {
        by_erp_key(&mut self.conn(), pairing, entity, erp_key).await
    }

    /// The binding of a Procore record, as this transaction sees it.
    pub async fn binding_by_procore_id(
        &mut self,
        pairing: PairingId,
        entity: &str,
        procore_id: u64,
    ) -> Result<Option<Binding>> {
        by_procore_id(&mut self.conn(), pairing, entity, procore_id).await
    }
}

impl StateStore {
    /// [`StateTx::upsert_binding`] in a transaction of its own.
    pub async fn upsert_binding(&self, write: &BindingWrite) -> Result<Binding> {
        let mut tx = self.begin().await?;
        let binding = tx.upsert_binding(write).await?;
        tx.commit().await?;
        Ok(binding)
    }

    /// Removes the binding of `erp_key`; returns it if there was one.
    pub async fn unlink_binding(
        &self,
        pairing: PairingId,
        entity: &str,
        erp_key: &str,
    ) -> Result<Option<Binding>> {
        let mut pooled = self.acquire().await?;
        unlink(&mut pooled.conn(), pairing, entity, erp_key).await
    }

    /// The active binding of an ERP record.
    pub async fn binding_by_erp_key(
        &self,
        pairing: PairingId,
        entity: &str,
        erp_key: &str,
    ) -> Result<Option<Binding>> {
        let mut pooled = self.acquire().await?;
        by_erp_key(&mut pooled.conn(), pairing, entity, erp_key).await
    }

    /// The active binding of a Procore record.
    pub async fn binding_by_procore_id(
        &self,
        pairing: PairingId,
        entity: &str,
        procore_id: u64,
    ) -> Result<Option<Binding>> {
        let mut pooled = self.acquire().await?;
        by_procore_id(&mut pooled.conn(), pairing, entity, procore_id).await
    }

    /// The active bindings of many ERP records (absent keys are simply missing from the result).
    pub async fn bindings_by_erp_keys(
        &self,
        pairing: PairingId,
        entity: &str,
        erp_keys: &[String],
    ) -> Result<Vec<Binding>> {
        let mut pooled = self.acquire().await?;
        by_erp_keys(&mut pooled.conn(), pairing, entity, erp_keys).await
    }

    /// The Procore ids many ERP records are bound to (absent keys are simply missing), without
    /// the rest of their bindings: what placing a record on its dependencies needs, for a
    /// fraction of the rows' weight.
    pub async fn procore_ids_by_erp_keys(
        &self,
        pairing: PairingId,
        entity: &str,
        erp_keys: &[String],
    ) -> Result<BTreeMap<String, u64>> {
        let mut pooled = self.acquire().await?;
        let rows: Vec<(String, i64)> = rows_by_erp_keys(
            &mut pooled.conn(),
            "erp_key, procore_id",
            pairing,
            entity,
            erp_keys,
        )
        .await?;
        rows.into_iter()
            .map(|(key, id)| Ok((key, from_db_id("Procore id", id)?)))
            .collect()
    }

    /// The active bindings of many Procore records (absent ids are simply missing from the result).
    pub async fn bindings_by_procore_ids(
        &self,
        pairing: PairingId,
        entity: &str,
        procore_ids: &[u64],
    ) -> Result<Vec<Binding>> {
        let mut pooled = self.acquire().await?;
        by_procore_ids(&mut pooled.conn(), pairing, entity, procore_ids).await
    }

    /// The active bindings of an entity that were linked and never compared (their agreed
    /// values are `null`): the next sync compares them wherever its cursors are.
    pub async fn unsettled_bindings(
        &self,
        pairing: PairingId,
        entity: &str,
    ) -> Result<Vec<Binding>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM bindings WHERE pairing_id = $1 AND entity = $2 \
             AND archived_at IS NULL AND last_synced_values = 'null' ORDER BY erp_key"
        );
        let mut pooled = self.acquire().await?;
        let rows: Vec<BindingRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql).bind(pairing.0).bind(entity).fetch_all(&mut *c).await?
        });
        rows.into_iter().map(Binding::try_from).collect()
    }

    /// Number of active bindings of an entity (for the admin UI and `doctor` checks).
    pub async fn count_bindings(&self, pairing: PairingId, entity: &str) -> Result<u64> {
        let mut pooled = self.acquire().await?;
        let n: i64 = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM bindings WHERE pairing_id = $1 AND entity = $2 AND archived_at IS NULL",
            )
            .bind(pairing.0)
            .bind(entity)
            .fetch_one(&mut *c)
            .await?
        });
        from_db_id("binding count", n)
    }
}
