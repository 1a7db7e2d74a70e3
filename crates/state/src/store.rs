//! Opening the database and running statements on either backend.
//!
//! # How SQLite and PostgreSQL share code
//!
//! Each backend has its own migrations folder (`migrations/sqlite`, `migrations/postgres`) that
//! spells the same logical schema in that backend's types: TEXT versus TIMESTAMPTZ, TEXT versus
//! JSONB, INTEGER versus BOOLEAN. Every query is written once, as SQL text both dialects accept:
//! `$1`-style placeholders (SQLite reads `$N` as the N-th parameter), `ON CONFLICT … DO …`
//! upserts and `RETURNING`. The `with_conn!` macro then expands one block of Rust twice, once
//! per concrete connection type, so the compiler checks each expansion against its backend's
//! encoders, while the source stays single. Rows decode through `sqlx::FromRow` structs, whose
//! derived impls are generic over the row type and so also serve both.
//!
//! Timestamps are never sorted in SQL: SQLite stores them as text with a variable number of
//! fractional digits, so "newest first" orders by the monotonically increasing row id instead.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

use crate::error::{Result, StateError};

/// Expands `$body` once per backend with `$c` bound to a `&mut` concrete connection.
///
/// `$conn` is a `&mut Conn<'_>`. Inside the body, pass `&mut *$c` to each query so the
/// connection can be reused by the next statement.
macro_rules! with_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::store::Conn::Sqlite($c) => {
                let $c: &mut ::sqlx::SqliteConnection = &mut **$c;
                $body
            }
            $crate::store::Conn::Postgres($c) => {
                let $c: &mut ::sqlx::PgConnection = &mut **$c;
                $body
            }
        }
    };
}
pub(crate) use with_conn;

/// Declares an enum stored as a snake_case text column, with `as_str`, `FromStr` and `Display`.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the database and shown to users.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::error::StateError;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::error::StateError::Corrupt(format!(
                        "'{other}' is not a valid {}", stringify!($name)
                    ))),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

/// The connection one operation runs on: a pooled connection or an open transaction.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The sync engine's persistent state, on SQLite (one process) or PostgreSQL (shared by workers).
///
/// Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct StateStore {
    pool: Pool,
    /// SQLite lets one transaction write at a time, and a writer that finds the lock taken
    /// polls for it, sleeping up to 100 ms between tries. The transactions of this process
    /// queue here instead and start as soon as the one before ends (batches of a run write side
    /// by side). Other processes on the same file still meet SQLite's busy timeout.
    writers: Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for StateStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateStore")
            .field("backend", &self.backend())
            .finish()
    }
}

/// Which database engine a [`StateStore`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A local SQLite file in WAL mode.
    Sqlite,
    /// A PostgreSQL database.
    Postgres,
}

/// How long a SQLite writer waits for another writer before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl StateStore {
    /// Opens (creating if needed) the state database at `url` and applies pending migrations.
    ///
    /// `sqlite://PATH` creates the file if missing and switches it to WAL, so the admin UI can
    /// read while a sync writes. `postgres://…` may be shared by several workers: sqlx takes an
    /// advisory lock while migrating, so concurrent starts are safe.
    pub async fn connect(url: &str) -> Result<Self> {
        let connect_err = |source| StateError::Connect {
            url: redact_url(url),
            source,
        };
        let pool = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(connect_err)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT);
            let pool = SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await
                .map_err(connect_err)?;
            sqlx::migrate!("migrations/sqlite").run(&pool).await?;
            Pool::Sqlite(pool)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url).map_err(connect_err)?;
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await
                .map_err(connect_err)?;
            sqlx::migrate!("migrations/postgres").run(&pool).await?;
            Pool::Postgres(pool)
        } else {
            return Err(StateError::UnsupportedUrl(redact_url(url)));
        };
        Ok(StateStore {
            pool,
            writers: Arc::default(),
        })
    }

    /// Which engine this store runs on.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Closes every pooled connection; waits for those in use to be returned.
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    /// Starts a transaction: the binding and cursor writes of one batch go through it and
    /// become visible together on [`StateTx::commit`].
    pub async fn begin(&self) -> Result<StateTx> {
        let (inner, writer) = match &self.pool {
            // IMMEDIATE takes the write lock up front: a deferred transaction that reads first
            // fails with SQLITE_BUSY when it later tries to write after another writer committed.
            Pool::Sqlite(pool) => {
                // A turn not given within the busy timeout is gone without: SQLite's own wait
                // then decides, as it would for another process.
                let writer =
                    tokio::time::timeout(SQLITE_BUSY_TIMEOUT, self.writers.clone().lock_owned())
                        .await
                        .ok();
                let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                (TxInner::Sqlite(tx), writer)
            }
            Pool::Postgres(pool) => (TxInner::Postgres(pool.begin().await?), None),
        };
        Ok(StateTx {
            inner,
            _writer: writer,
        })
    }

    pub(crate) async fn acquire(&self) -> Result<Pooled> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Pooled::Sqlite(pool.acquire().await?),
            Pool::Postgres(pool) => Pooled::Postgres(pool.acquire().await?),
        })
    }
}

/// A connection borrowed from the pool for one read or one single-statement write.
pub(crate) enum Pooled {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Pooled {
    pub(crate) fn conn(&mut self) -> Conn<'_> {
        match self {
            Pooled::Sqlite(c) => Conn::Sqlite(&mut *c),
            Pooled::Postgres(c) => Conn::Postgres(&mut *c),
        }
    }
}

enum TxInner {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// An open transaction on the state database.
///
/// Dropping it without [`commit`](StateTx::commit) rolls back, so a batch whose ERP or Procore
/// writes failed half-way leaves neither its bindings nor its cursor advanced.
pub struct StateTx {
    inner: TxInner,
    /// This process's turn to write (SQLite), held until the transaction ends.
    _writer: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl std::fmt::Debug for StateTx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StateTx")
    }
}

impl StateTx {
    /// Makes every write of this transaction durable and visible.
    pub async fn commit(self) -> Result<()> {
        match self.inner {
            TxInner::Sqlite(tx) => tx.commit().await?,
            TxInner::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    /// Discards every write of this transaction.
    pub async fn rollback(self) -> Result<()> {
        match self.inner {
            TxInner::Sqlite(tx) => tx.rollback().await?,
            TxInner::Postgres(tx) => tx.rollback().await?,
        }
        Ok(())
    }

    pub(crate) fn conn(&mut self) -> Conn<'_> {
        match &mut self.inner {
            TxInner::Sqlite(tx) => Conn::Sqlite(&mut *tx),
            TxInner::Postgres(tx) => Conn::Postgres(&mut *tx),
        }
    }
}

/// The current time at the precision both backends keep (PostgreSQL stores microseconds), so
/// that a value read back equals the value written.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// Drops the password from a database URL so it can appear in an error message.
fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
            let marker = if userinfo.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{marker}@{host}{path}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_never_reach_errors() {
        assert_eq!(
            redact_url("postgres://sync:hunter2@db:5432/mpsync"),
            "postgres://sync:***@db:5432/mpsync"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(
            redact_url("sqlite:///var/mpsync.db"),
            "sqlite:///var/mpsync.db"
        );
    }
}
