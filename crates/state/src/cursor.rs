//! Cursors: how far each stream has been read, per partition.
//!
//! The rules follow the Singer/Airbyte state discipline:
//!
//! * **inclusive** — a source is read from `>= cursor`, because several records can share one
//!   `updated_at` and a strict `>` would skip the ones not yet seen;
//! * **lookback** — the start is moved back by a window ([`Lookback`]) because Procore's
//!   `updated_at` is not guaranteed to be assigned in commit order; re-reading is cheap since
//!   unchanged records are skipped by hash;
//! * **never backwards** — a write of an older position is refused, so a late, slow worker
//!   cannot undo a newer one's progress;
//! * **committed with the data** — [`StateTx::advance_cursor`] runs in the same transaction as
//!   the binding writes of the batch it covers, so a crash re-reads the batch instead of losing it.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;

use crate::error::{Result, StateError};
use crate::pairing::PairingId;
use crate::store::{now, text_enum, with_conn, Conn, StateStore, StateTx};

text_enum! {
    /// Which way a stream flows.
    pub enum Direction {
        /// Read from maestro*, written to Procore.
        ErpToProcore => "erp_to_procore",
        /// Read from Procore, written to maestro*.
        ProcoreToErp => "procore_to_erp",
    }
}

/// Names one cursor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CursorKey {
    /// The pairing.
    pub pairing: PairingId,
    /// Entity name, e.g. `commitments`.
    pub entity: String,
    /// Which way the stream flows.
    pub direction: Direction,
    /// Partition of the stream: a project id for project-scoped Procore lists, or `company`.
    pub partition: String,
}

impl CursorKey {
    /// A cursor key.
    pub fn new(
        pairing: PairingId,
        entity: impl Into<String>,
        direction: Direction,
        partition: impl Into<String>,
    ) -> Self {
        CursorKey {
            pairing,
            entity: entity.into(),
            direction,
            partition: partition.into(),
        }
    }
}

impl fmt::Display for CursorKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{} (pairing {})",
            self.entity, self.direction, self.partition, self.pairing
        )
    }
}

/// A position in a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CursorValue {
    /// maestro* change sequence number.
    ChangeSeq(i64),
    /// Procore `updated_at`; kept to the microsecond.
    UpdatedAt(DateTime<Utc>),
}

impl CursorValue {
    fn kind(self) -> &'static str {
        match self {
            CursorValue::ChangeSeq(_) => "change_seq",
            CursorValue::UpdatedAt(_) => "updated_at",
        }
    }

    /// One integer per value, comparable in SQL; timestamps become microseconds since 1970.
    pub fn position(self) -> i64 {
        match self {
            CursorValue::ChangeSeq(seq) => seq,
            CursorValue::UpdatedAt(at) => at.timestamp_micros(),
        }
    }

    fn from_parts(kind: &str, position: i64) -> Result<Self> {
        match kind {
            "change_seq" => Ok(CursorValue::ChangeSeq(position)),
            "updated_at" => DateTime::from_timestamp_micros(position)
                .map(CursorValue::UpdatedAt)
                .ok_or_else(|| {
                    StateError::Corrupt(format!("cursor timestamp {position} out of range"))
                }),
            other => Err(StateError::Corrupt(format!(
                "'{other}' is not a cursor kind"
            ))),
        }
    }

    /// This position moved back by `lookback` (saturating), the start of the next read.
    pub fn minus(self, lookback: &Lookback) -> CursorValue {
        match self {
            CursorValue::ChangeSeq(seq) => {
                CursorValue::ChangeSeq(seq.saturating_sub(lookback.change_seqs))
            }
            CursorValue::UpdatedAt(at) => {
                CursorValue::UpdatedAt(at.checked_sub_signed(lookback.duration).unwrap_or(at))
            }
        }
    }

    /// This position, no later than `run_started` (the Singer "signpost").
    ///
    /// A record edited while the run was reading can carry an `updated_at` later than the run's
    /// start yet not have been returned by the list; storing the run's start at most makes the
    /// next run read it again. Change sequences are not clock-based and are returned unchanged.
    pub fn capped_at(self, run_started: DateTime<Utc>) -> CursorValue {
        match self {
            CursorValue::UpdatedAt(at) if at > run_started => CursorValue::UpdatedAt(run_started),
            other => other,
        }
    }

    /// Whether a record at `value` falls in a read starting at `self` (inclusive).
    ///
    /// Values of the other kind are never admitted.
    pub fn admits(self, value: CursorValue) -> bool {
        match (self, value) {
            (CursorValue::ChangeSeq(start), CursorValue::ChangeSeq(v)) => v >= start,
            (CursorValue::UpdatedAt(start), CursorValue::UpdatedAt(v)) => v >= start,
            _ => false,
        }
    }
}

impl fmt::Display for CursorValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CursorValue::ChangeSeq(seq) => write!(f, "change_seq {seq}"),
            CursorValue::UpdatedAt(at) => write!(f, "updated_at {}", at.to_rfc3339()),
        }
    }
}

/// How far before the stored cursor the next read starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookback {
    /// Applied to change-sequence cursors.
    pub change_seqs: i64,
    /// Applied to timestamp cursors.
    pub duration: Duration,
}

impl Lookback {
    /// No lookback: start exactly at the cursor (still inclusive).
    pub const NONE: Lookback = Lookback {
        change_seqs: 0,
        duration: Duration::zero(),
    };

    /// A lookback of `duration` for timestamp cursors and none for change sequences.
    pub fn of(duration: Duration) -> Self {
        Lookback {
            change_seqs: 0,
            duration,
        }
    }
}

impl Default for Lookback {
    fn default() -> Self {
        Lookback::NONE
    }
}

/// A stored cursor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// Which cursor.
    pub key: CursorKey,
    /// The newest position whose batch was fully written.
    pub value: CursorValue,
    /// When it was last advanced.
    pub updated_at: DateTime<Utc>,
}

impl Cursor {
    /// Where the next read starts: the position minus `lookback`, to be read inclusively.
    pub fn read_from(&self, lookback: &Lookback) -> CursorValue {
        self.value.minus(lookback)
    }
}

#[derive(FromRow)]
struct CursorRow {
    kind: String,
    position: i64,
    updated_at: DateTime<Utc>,
}

async fn load(conn: &mut Conn<'_>, key: &CursorKey) -> Result<Option<Cursor>> {
    let row: Option<CursorRow> = with_conn!(conn, c => {
        sqlx::query_as(
            "SELECT kind, position, updated_at FROM cursors \
             WHERE pairing_id = $1 AND entity = $2 AND direction = $3 AND partition_key = $4",
        )
        .bind(key.pairing.0)
        .bind(&key.entity)
        .bind(key.direction.as_str())
        .bind(&key.partition)
        .fetch_optional(&mut *c)
        .await?
    });
    row.map(|row| {
        Ok(Cursor {
            key: key.clone(),
            value: CursorValue::from_parts(&row.kind, row.position)?,
            updated_at: row.updated_at,
        })
    })
    .transpose()
}

async fn advance(conn: &mut Conn<'_>, key: &CursorKey, value: CursorValue) -> Result<()> {
    // The WHERE of the upsert makes "never backwards" a single atomic statement, so two workers
    // racing on one cursor cannot interleave a read and a write.
    let affected = with_conn!(&mut *conn, c => {
        sqlx::query(
            "INSERT INTO cursors (pairing_id, entity, direction, partition_key, kind, position, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (pairing_id, entity, direction, partition_key) DO UPDATE \
             SET position = excluded.position, updated_at = excluded.updated_at \
             WHERE cursors.kind = excluded.kind AND cursors.position <= excluded.position",
        )
        .bind(key.pairing.0)
        .bind(&key.entity)
        .bind(key.direction.as_str())
        .bind(&key.partition)
        .bind(value.kind())
        .bind(value.position())
        .bind(now())
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    if affected > 0 {
        return Ok(());
    }
    let current = load(conn, key)
        .await?
        .ok_or_else(|| {
            StateError::Corrupt(format!("cursor {key} refused an update but does not exist"))
        })?
        .value;
    if current.kind() != value.kind() {
        Err(StateError::CursorKindMismatch {
            key: key.clone(),
            current,
            proposed: value,
        })
    } else {
        Err(StateError::CursorBackwards {
            key: key.clone(),
            current,
            proposed: value,
        })
    }
}

impl StateTx {
    /// Moves the cursor forward to `value` (equal is accepted, older is refused).
    ///
    /// Call it in the transaction that writes the bindings of the batch `value` covers, after
    /// the batch was written to the target system, and commit both together.
    pub async fn advance_cursor(&mut self, key: &CursorKey, value: CursorValue) -> Result<()> {
        advance(&mut self.conn(), key, value).await
    }

    /// Moves the cursor forward to `value`, or leaves it where it is when it is already later.
    ///
    /// For positions read off another system's clock: Procore's time is known to the second
    /// only (its `Date` header), so two runs a moment apart may place their starts a second out
    /// of order; the lookback of the next read covers that second.
    pub async fn advance_cursor_to_latest(
        &mut self,
        key: &CursorKey,
        value: CursorValue,
    ) -> Result<()> {
        match advance(&mut self.conn(), key, value).await {
            Err(StateError::CursorBackwards { .. }) => Ok(()),
            other => other,
        }
    }

    /// The stored cursor, as this transaction sees it.
    pub async fn cursor(&mut self, key: &CursorKey) -> Result<Option<Cursor>> {
        load(&mut self.conn(), key).await
    }
}

impl StateStore {
    /// The stored cursor, if the stream was ever read.
    pub async fn cursor(&self, key: &CursorKey) -> Result<Option<Cursor>> {
        let mut pooled = self.acquire().await?;
        load(&mut pooled.conn(), key).await
    }

    /// Where the next read of the stream starts (inclusive), lookback applied; `None` for a
    /// first, full read.
    pub async fn read_from(
        &self,
        key: &CursorKey,
        lookback: &Lookback,
    ) -> Result<Option<CursorValue>> {
        Ok(self.cursor(key).await?.map(|c| c.read_from(lookback)))
    }

    /// All cursors of a pairing (for the admin UI), in key order.
    pub async fn list_cursors(&self, pairing: PairingId) -> Result<Vec<Cursor>> {
        #[derive(FromRow)]
        struct Row {
            entity: String,
            direction: String,
            partition_key: String,
            kind: String,
            position: i64,
            updated_at: DateTime<Utc>,
        }
        let mut pooled = self.acquire().await?;
        let rows: Vec<Row> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(
                "SELECT entity, direction, partition_key, kind, position, updated_at FROM cursors \
                 WHERE pairing_id = $1 ORDER BY entity, direction, partition_key",
            )
            .bind(pairing.0)
            .fetch_all(&mut *c)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(Cursor {
                    key: CursorKey {
                        pairing,
                        entity: row.entity,
                        direction: row.direction.parse()?,
                        partition: row.partition_key,
                    },
                    value: CursorValue::from_parts(&row.kind, row.position)?,
                    updated_at: row.updated_at,
                })
            })
            .collect()
    }

    /// Forgets every cursor of one entity in a pairing, so its next read is a full one: what a
    /// change of the entity's rules (which statuses come over) needs, since records left out
    /// under the old rules are behind the cursors. Cursors never move backwards otherwise.
    /// Returns how many were forgotten.
    pub async fn forget_cursors(&self, pairing: PairingId, entity: &str) -> Result<u64> {
        let mut pooled = self.acquire().await?;
        let done = with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM cursors WHERE pairing_id = $1 AND entity = $2")
                .bind(pairing.0)
                .bind(entity)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(done)
    }

    /// Advances a cursor on its own, for streams that write no bindings (e.g. project costs
    /// sent as direct costs). Prefer [`StateTx::advance_cursor`] whenever bindings are written.
    pub async fn advance_cursor(&self, key: &CursorKey, value: CursorValue) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.advance_cursor(key, value).await?;
        tx.commit().await
    }

    /// [`StateTx::advance_cursor_to_latest`] on its own.
    pub async fn advance_cursor_to_latest(
        &self,
        key: &CursorKey,
        value: CursorValue,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.advance_cursor_to_latest(key, value).await?;
        tx.commit().await
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn timestamps_are_capped_at_the_run_start() {
        let start = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
        let later = CursorValue::UpdatedAt(start + Duration::seconds(30));
        let earlier = CursorValue::UpdatedAt(start - Duration::seconds(30));
        assert_eq!(later.capped_at(start), CursorValue::UpdatedAt(start));
        assert_eq!(earlier.capped_at(start), earlier);
        assert_eq!(
            CursorValue::ChangeSeq(9).capped_at(start),
            CursorValue::ChangeSeq(9)
        );
    }

    #[test]
    fn lookback_saturates() {
        let lookback = Lookback {
            change_seqs: 10,
            duration: Duration::zero(),
        };
        assert_eq!(
            CursorValue::ChangeSeq(i64::MIN + 1).minus(&lookback),
            CursorValue::ChangeSeq(i64::MIN)
        );
        assert!(!CursorValue::ChangeSeq(0).admits(CursorValue::UpdatedAt(Utc::now())));
    }
}
