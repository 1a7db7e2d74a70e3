//! Errors at the crate boundary.

use std::fmt;

/// A record breaks a maestro* rule; says which record, which field and why.
///
/// Displays as `project 24017: address: is longer than 40 characters (52)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Kind of record (`project`, `supplier`).
    pub record: &'static str,
    /// Natural key of the record as written by the user.
    pub key: String,
    /// Field (column) at fault.
    pub field: &'static str,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}: {}",
            self.record, self.key, self.field, self.reason
        )
    }
}

impl std::error::Error for ValidationError {}

/// Failure of a store or connector operation.
#[derive(Debug, thiserror::Error)]
pub enum ErpError {
    /// The URL is neither `sqlite://` nor `postgres://`.
    #[error("unsupported database URL {0:?}: expected sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    /// The database could not be reached or answered with an error.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("schema migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A record was refused before reaching the database.
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    /// A write would duplicate a natural key (inside one batch, or against the database).
    #[error("{record} {key}: already exists (the key must be unique in the company)")]
    Duplicate {
        /// Kind of record.
        record: &'static str,
        /// Its natural key.
        key: String,
    },
    /// The company is not in the store.
    #[error("company {0:?} does not exist; create it first")]
    UnknownCompany(String),
    /// The database refused one record (most often: it refers to a project, activity, supplier…
    /// that does not exist in the company).
    #[error("{record} {key}: refused by the database: {reason}")]
    Rejected {
        /// Kind of record.
        record: &'static str,
        /// Its natural key.
        key: String,
        /// Database message.
        reason: String,
    },
    /// A stored value could not be read back (a manual edit of the database, most likely).
    #[error("{table}: column {column}: unreadable stored value: {reason}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// Column.
        column: &'static str,
        /// Why.
        reason: String,
    },
}

impl ErpError {
    /// Whether the database refused the write because of a unique key.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            ErpError::Duplicate { .. } => true,
            ErpError::Database(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}
