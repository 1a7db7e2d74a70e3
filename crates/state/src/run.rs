//! Sync runs and record outcomes: what the Synchronization Manager shows.
//!
//! One [`SyncRun`] per launch, one [`RecordOutcome`] per record it touched, each with a message
//! that names the record and the field so a user can act on it without reading logs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, QueryBuilder};

use crate::error::{from_db_id, to_db_id, Result, StateError};
use crate::pairing::PairingId;
use crate::store::{now, text_enum, with_conn, Conn, StateStore, StateTx};

/// Outcomes per INSERT statement: 11 parameters each stays far below SQLite's limit.
const OUTCOME_CHUNK: usize = 500;
/// Largest page [`StateStore::list_runs`] and [`StateStore::run_report`] return.
pub const MAX_PAGE: u32 = 1000;

text_enum! {
    /// What launched a run.
    pub enum RunTrigger {
        /// The command line.
        Cli => "cli",
        /// The scheduler.
        Schedule => "schedule",
        /// A user in the admin UI.
        Ui => "ui",
    }
}

text_enum! {
    /// State of a run or of one record within it.
    pub enum SyncStatus {
        /// Still running.
        InProgress => "in_progress",
        /// Done without remarks.
        Success => "success",
        /// Done, with something the user should look at.
        Warning => "warning",
        /// Failed.
        Error => "error",
        /// Waiting, e.g. for the Procore rate limit to reset.
        Pending => "pending",
    }
}

text_enum! {
    /// What the engine did with a record.
    pub enum OutcomeAction {
        /// Created it on the other side.
        Create => "create",
        /// Updated the other side.
        Update => "update",
        /// Bound it to an existing record found on the other side.
        Link => "link",
        /// Nothing to do (unchanged, or excluded).
        Skip => "skip",
        /// Both sides changed the same field; left for the user.
        Conflict => "conflict",
        /// Flagged as deleted rather than deleted.
        DeleteFlag => "delete_flag",
    }
}

text_enum! {
    /// Which system a record outcome wrote to.
    pub enum WrittenSide {
        /// maestro*.
        Erp => "erp",
        /// Procore.
        Procore => "procore",
        /// Neither (skip, conflict, dry run).
        None => "none",
    }
}

/// Identifier of a [`SyncRun`].
pub type RunId = i64;

/// One launch of a synchronization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRun {
    /// Identifier; increases with every run.
    pub id: RunId,
    /// The pairing synced.
    pub pairing: PairingId,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it finished.
    pub finished_at: Option<DateTime<Utc>>,
    /// What launched it.
    pub trigger: RunTrigger,
    /// Who launched it, when known (`ui:marie`, `cli:marie`, `schedule`).
    pub started_by: Option<String>,
    /// Whether writes were only planned.
    pub dry_run: bool,
    /// Overall state.
    pub status: SyncStatus,
}

/// A record outcome to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOutcome {
    /// Entity name.
    pub entity: String,
    /// maestro* key, when known.
    pub erp_key: Option<String>,
    /// Procore id, when known.
    pub procore_id: Option<u64>,
    /// What was done.
    pub action: OutcomeAction,
    /// Where it was written.
    pub side: WrittenSide,
    /// How it went.
    pub status: SyncStatus,
    /// For the user: which record, which field, what to do.
    pub message: String,
}

/// What happened to one record during one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordOutcome {
    /// Identifier.
    pub id: i64,
    /// The run.
    pub run_id: RunId,
    /// Entity name.
    pub entity: String,
    /// maestro* key, when known.
    pub erp_key: Option<String>,
    /// Procore id, when known.
    pub procore_id: Option<u64>,
    /// What was done.
    pub action: OutcomeAction,
    /// Where it was written.
    pub side: WrittenSide,
    /// How it went.
    pub status: SyncStatus,
    /// For the user.
    pub message: String,
    /// When the record was first handled.
    pub started_at: DateTime<Utc>,
    /// When its status last changed.
    pub updated_at: DateTime<Utc>,
}

/// Which outcomes of a run to return.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeFilter {
    /// Only this entity.
    pub entity: Option<String>,
    /// Only this status.
    pub status: Option<SyncStatus>,
}

/// A window of a long list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return, at most [`MAX_PAGE`].
    pub limit: u32,
}

impl Page {
    /// The first `limit` rows.
    pub fn first(limit: u32) -> Self {
        Page { offset: 0, limit }
    }
}

/// A run with (a page of) its outcomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunReport {
    /// The run.
    pub run: SyncRun,
    /// Its outcomes matching the filter, in the order they were recorded.
    pub outcomes: Vec<RecordOutcome>,
}

/// One cell of a run's summary table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeCount {
    /// Entity name.
    pub entity: String,
    /// Status.
    pub status: SyncStatus,
    /// Action.
    pub action: OutcomeAction,
    /// Number of records.
    pub count: u64,
}

#[derive(FromRow)]
struct RunRow {
    id: i64,
    pairing_id: i64,
    started_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
    triggered_by: String,
    started_by: Option<String>,
    dry_run: bool,
    status: String,
}

impl TryFrom<RunRow> for SyncRun {
    type Error = StateError;
    fn try_from(row: RunRow) -> Result<Self> {
        Ok(SyncRun {
            id: row.id,
            pairing: PairingId(row.pairing_id),
            started_at: row.started_at,
            finished_at: row.finished_at,
            trigger: row.triggered_by.parse()?,
            started_by: row.started_by,
            dry_run: row.dry_run,
            status: row.status.parse()?,
        })
    }
}

#[derive(FromRow)]
struct OutcomeRow {
    id: i64,
    run_id: i64,
    entity: String,
    erp_key: Option<String>,
    procore_id: Option<i64>,
    action: String,
    side: String,
    status: String,
    message: String,
    started_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<OutcomeRow> for RecordOutcome {
    type Error = StateError;
    fn try_from(row: OutcomeRow) -> Result<Self> {
        Ok(RecordOutcome {
            id: row.id,
            run_id: row.run_id,
            entity: row.entity,
            erp_key: row.erp_key,
            procore_id: row
                .procore_id
                .map(|id| from_db_id("Procore id", id))
                .transpose()?,
            action: row.action.parse()?,
            side: row.side.parse()?,
            status: row.status.parse()?,
            message: row.message,
            started_at: row.started_at,
            updated_at: row.updated_at,
        })
    }
}

const RUN_COLUMNS: &str =
    "id, pairing_id, started_at, finished_at, triggered_by, started_by, dry_run, status";
const OUTCOME_COLUMNS: &str =
    "id, run_id, entity, erp_key, procore_id, action, side, status, message, started_at, updated_at";

/// The status a finished run gets from its outcomes: the worst one wins, and a record still
/// waiting (pending or in progress) makes the run pending.
pub fn overall_status(statuses: impl IntoIterator<Item = SyncStatus>) -> SyncStatus {
    let rank = |s: SyncStatus| match s {
        SyncStatus::Success => 0,
        SyncStatus::Warning => 1,
        SyncStatus::Pending | SyncStatus::InProgress => 2,
        SyncStatus::Error => 3,
    };
    statuses
        .into_iter()
        .map(|s| {
            if s == SyncStatus::InProgress {
                SyncStatus::Pending
            } else {
                s
            }
        })
        .max_by_key(|s| rank(*s))
        .unwrap_or(SyncStatus::Success)
}

/// What an interrupted run's unfinished records say.
const INTERRUPTED: &str =
    "the run was interrupted before this record finished; the next run checks it";

impl StateStore {
    /// Records the start of a run (status `in_progress`).
    pub async fn start_run(
        &self,
        pairing: PairingId,
        trigger: RunTrigger,
        dry_run: bool,
    ) -> Result<SyncRun> {
        self.start_run_by(pairing, trigger, None, dry_run).await
    }

    /// Records the start of a run and who started it.
    pub async fn start_run_by(
        &self,
        pairing: PairingId,
        trigger: RunTrigger,
        started_by: Option<&str>,
        dry_run: bool,
    ) -> Result<SyncRun> {
        let sql = format!(
            "INSERT INTO sync_runs (pairing_id, started_at, triggered_by, dry_run, status, started_by) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {RUN_COLUMNS}"
        );
        let mut pooled = self.acquire().await?;
        let row: RunRow = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql)
                .bind(pairing.0)
                .bind(now())
                .bind(trigger.as_str())
                .bind(dry_run)
                .bind(SyncStatus::InProgress.as_str())
                .bind(started_by)
                .fetch_one(&mut *c)
                .await?
        });
        row.try_into()
    }

    /// Records the end of a run. With `status: None` the status is derived from the run's
    /// outcomes ([`overall_status`]).
    pub async fn finish_run(&self, run_id: RunId, status: Option<SyncStatus>) -> Result<SyncRun> {
        let status = match status {
            Some(status) => status,
            None => overall_status(
                self.run_summary(run_id)
                    .await?
                    .into_iter()
                    .map(|c| c.status),
            ),
        };
        let sql = format!("UPDATE sync_runs SET finished_at = $1, status = $2 WHERE id = $3 RETURNING {RUN_COLUMNS}");
        let mut pooled = self.acquire().await?;
        let row: Option<RunRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql)
                .bind(now())
                .bind(status.as_str())
                .bind(run_id)
                .fetch_optional(&mut *c)
                .await?
        });
        row.ok_or(StateError::RunNotFound(run_id))?.try_into()
    }

    /// Closes the runs of `pairing` left in progress by a process that died (a crash, a kill):
    /// the run ends as an error and its unfinished records as warnings saying the next run
    /// checks them, so the Synchronization Manager never shows a dead run as going. Called by
    /// the holder of the company's run lease, so no live run is among them.
    pub async fn close_interrupted_runs(&self, pairing: PairingId) -> Result<u64> {
        let at = now();
        let mut pooled = self.acquire().await?;
        let closed = with_conn!(&mut pooled.conn(), c => {
            sqlx::query(
                "UPDATE record_outcomes SET status = $1, updated_at = $2, \
                 message = CASE WHEN message = '' THEN $3 ELSE message || ' — ' || $3 END \
                 WHERE status = $4 AND run_id IN \
                 (SELECT id FROM sync_runs WHERE pairing_id = $5 AND finished_at IS NULL)",
            )
            .bind(SyncStatus::Warning.as_str())
            .bind(at)
            .bind(INTERRUPTED)
            .bind(SyncStatus::InProgress.as_str())
            .bind(pairing.0)
            .execute(&mut *c)
            .await?;
            sqlx::query(
                "UPDATE sync_runs SET finished_at = $1, status = $2 \
                 WHERE pairing_id = $3 AND finished_at IS NULL",
            )
            .bind(at)
            .bind(SyncStatus::Error.as_str())
            .bind(pairing.0)
            .execute(&mut *c)
            .await?
            .rows_affected()
        });
        Ok(closed)
    }

    /// One run.
    pub async fn run(&self, run_id: RunId) -> Result<Option<SyncRun>> {
        let sql = format!("SELECT {RUN_COLUMNS} FROM sync_runs WHERE id = $1");
        let mut pooled = self.acquire().await?;
        let row: Option<RunRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&sql).bind(run_id).fetch_optional(&mut *c).await?
        });
        row.map(SyncRun::try_from).transpose()
    }

    /// Runs, newest first; of one pairing, or of all.
    pub async fn list_runs(&self, pairing: Option<PairingId>, page: Page) -> Result<Vec<SyncRun>> {
        let mut pooled = self.acquire().await?;
        let rows: Vec<RunRow> = with_conn!(&mut pooled.conn(), c => {
            let mut qb = QueryBuilder::new(format!("SELECT {RUN_COLUMNS} FROM sync_runs"));
            if let Some(pairing) = pairing {
                qb.push(" WHERE pairing_id = ").push_bind(pairing.0);
            }
            qb.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(page.limit.min(MAX_PAGE)));
            qb.push(" OFFSET ").push_bind(i64::from(page.offset));
            qb.build_query_as().fetch_all(&mut *c).await?
        });
        rows.into_iter().map(SyncRun::try_from).collect()
    }

    /// Stores many outcomes of a run, in one transaction, a few hundred rows per statement; how
    /// many were stored. No ids come back: a run of a million records would pass a million rows
    /// back through the driver for nothing (an outcome to amend later, with
    /// [`StateStore::update_outcome`], is found in the run's report).
    pub async fn add_outcomes(&self, run_id: RunId, outcomes: &[NewOutcome]) -> Result<u64> {
        let mut tx = self.begin().await?;
        let stored = insert_outcomes(&mut tx.conn(), run_id, outcomes).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Changes one outcome's status and message, e.g. pending → success once the rate limit
    /// reset and the write went through.
    pub async fn update_outcome(
        &self,
        outcome_id: i64,
        status: SyncStatus,
        message: &str,
    ) -> Result<()> {
        let mut pooled = self.acquire().await?;
        let affected = with_conn!(&mut pooled.conn(), c => {
            sqlx::query("UPDATE record_outcomes SET status = $1, message = $2, updated_at = $3 WHERE id = $4")
                .bind(status.as_str())
                .bind(message)
                .bind(now())
                .bind(outcome_id)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        if affected == 0 {
            return Err(StateError::OutcomeNotFound(outcome_id));
        }
        Ok(())
    }

    /// A run with a page of its outcomes matching `filter`, in recording order.
    pub async fn run_report(
        &self,
        run_id: RunId,
        filter: &OutcomeFilter,
        page: Page,
    ) -> Result<Option<RunReport>> {
        let Some(run) = self.run(run_id).await? else {
            return Ok(None);
        };
        let mut pooled = self.acquire().await?;
        let rows: Vec<OutcomeRow> = with_conn!(&mut pooled.conn(), c => {
            let mut qb = QueryBuilder::new(format!("SELECT {OUTCOME_COLUMNS} FROM record_outcomes WHERE run_id = "));
            qb.push_bind(run_id);
            if let Some(entity) = &filter.entity {
                qb.push(" AND entity = ").push_bind(entity);
            }
            if let Some(status) = filter.status {
                qb.push(" AND status = ").push_bind(status.as_str());
            }
            qb.push(" ORDER BY id LIMIT ").push_bind(i64::from(page.limit.min(MAX_PAGE)));
            qb.push(" OFFSET ").push_bind(i64::from(page.offset));
            qb.build_query_as().fetch_all(&mut *c).await?
        });
        let outcomes = rows
            .into_iter()
            .map(RecordOutcome::try_from)
            .collect::<Result<_>>()?;
        Ok(Some(RunReport { run, outcomes }))
    }

    /// Counts of a run's outcomes per entity × status × action, for its summary table.
    pub async fn run_summary(&self, run_id: RunId) -> Result<Vec<OutcomeCount>> {
        #[derive(FromRow)]
        struct Row {
            entity: String,
            status: String,
            action: String,
            n: i64,
        }
        let mut pooled = self.acquire().await?;
        let rows: Vec<Row> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(
                "SELECT entity, status, action, COUNT(*) AS n FROM record_outcomes WHERE run_id = $1 \
                 GROUP BY entity, status, action ORDER BY entity, status, action",
            )
            .bind(run_id)
            .fetch_all(&mut *c)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(OutcomeCount {
                    entity: row.entity,
                    status: row.status.parse()?,
                    action: row.action.parse()?,
                    count: from_db_id("count", row.n)?,
                })
            })
            .collect()
    }
}

/// [`StateStore::add_outcomes`] on `conn`.
async fn insert_outcomes(
    conn: &mut Conn<'_>,
    run_id: RunId,
    outcomes: &[NewOutcome],
) -> Result<u64> {
    let at = now();
    let mut stored = 0;
    for chunk in outcomes.chunks(OUTCOME_CHUNK) {
        let procore_ids = chunk
            .iter()
            .map(|o| {
                o.procore_id
                    .map(|id| to_db_id("Procore id", id))
                    .transpose()
            })
            .collect::<Result<Vec<_>>>()?;
        stored += with_conn!(&mut *conn, c => {
            let mut qb = QueryBuilder::new(
                "INSERT INTO record_outcomes \
                 (run_id, entity, erp_key, procore_id, action, side, status, message, started_at, updated_at) ",
            );
            qb.push_values(chunk.iter().zip(&procore_ids), |mut row, (o, procore_id)| {
                row.push_bind(run_id)
                    .push_bind(&o.entity)
                    .push_bind(&o.erp_key)
                    .push_bind(*procore_id)
                    .push_bind(o.action.as_str())
                    .push_bind(o.side.as_str())
                    .push_bind(o.status.as_str())
                    .push_bind(&o.message)
                    .push_bind(at)
                    .push_bind(at);
            });
            qb.build().execute(&mut *c).await?.rows_affected()
        });
    }
    Ok(stored)
}

impl StateTx {
    /// [`StateStore::add_outcomes`] within this transaction: a batch's outcomes become visible
    /// with its bindings, in one commit.
    pub async fn add_outcomes(&mut self, run_id: RunId, outcomes: &[NewOutcome]) -> Result<u64> {
        insert_outcomes(&mut self.conn(), run_id, outcomes).await
    }
}
