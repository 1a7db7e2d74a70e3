//! Errors of the state store.

use std::path::PathBuf;

use crate::binding::BindingConflict;
use crate::cursor::{CursorKey, CursorValue};
use crate::pairing::{Pairing, PairingId};

/// Everything the state store can refuse or fail at.
///
/// Variants that protect an invariant (a binding already taken, a cursor moving backwards, an
/// environment mismatch) are typed so the engine can report them per record; storage failures
/// carry the underlying `sqlx` error.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The URL names neither SQLite nor PostgreSQL.
    #[error("unsupported state database URL '{0}': use sqlite://PATH or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    /// The database could not be opened.
    #[error("cannot open the state database {url}: {source}")]
    Connect {
        /// The URL, with any password removed.
        url: String,
        /// What the driver said.
        #[source]
        source: sqlx::Error,
    },
    /// Applying the schema migrations failed.
    #[error("cannot migrate the state database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("state database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value does not decode (hand-edited row, newer schema).
    #[error("state database holds an unreadable value: {0}")]
    Corrupt(String),
    /// A number does not fit the database's signed 64-bit integers.
    #[error("{what} {value} is too large to store")]
    OutOfRange {
        /// Which value.
        what: &'static str,
        /// The value refused.
        value: u64,
    },
    /// The record is already bound to another record on the other side.
    #[error(transparent)]
    BindingConflict(#[from] BindingConflict),
    /// No pairing has this id.
    #[error("pairing {0} does not exist")]
    PairingNotFound(PairingId),
    /// The pairing was unpaired; its bindings are archived and must not be written.
    #[error("pairing {0} was unpaired; pair the company again before syncing")]
    PairingInactive(PairingId),
    /// The maestro* company is already paired with another Procore company or environment.
    #[error("maestro* company '{erp_company}' is already paired with {existing}; unpair it first")]
    PairingConflict {
        /// The maestro* company code.
        erp_company: String,
        /// Its current pairing.
        existing: Box<Pairing>,
    },
    /// The declared environment kind contradicts the API URL's well-known host.
    #[error("API URL {api_base_url} is a Procore {actual} host, not {declared}")]
    EnvironmentMismatch {
        /// The URL given.
        api_base_url: String,
        /// The kind given with it.
        declared: procore::EnvironmentKind,
        /// The kind of that host.
        actual: procore::EnvironmentKind,
    },
    /// An update would move a cursor to an older position.
    #[error("cursor {key} cannot move backwards from {current} to {proposed}")]
    CursorBackwards {
        /// Which cursor.
        key: CursorKey,
        /// Its stored position.
        current: CursorValue,
        /// The refused position.
        proposed: CursorValue,
    },
    /// An update would change a cursor's kind (change sequence versus timestamp).
    #[error("cursor {key} holds {current}; it cannot be advanced with {proposed}")]
    CursorKindMismatch {
        /// Which cursor.
        key: CursorKey,
        /// Its stored position.
        current: CursorValue,
        /// The refused position.
        proposed: CursorValue,
    },
    /// No sync run has this id.
    #[error("sync run {0} does not exist")]
    RunNotFound(i64),
    /// No record outcome has this id.
    #[error("record outcome {0} does not exist")]
    OutcomeNotFound(i64),
    /// No conflict has this id.
    #[error("conflict {0} does not exist")]
    ConflictNotFound(i64),
    /// The conflict was resolved already; resolving twice would hide which decision applied.
    #[error("conflict {0} is already resolved")]
    ConflictAlreadyResolved(i64),
    /// A value given to the store breaks one of its rules (a taken user name, a short password).
    #[error("{0}")]
    Invalid(String),
    /// A setting or secret could not be (de)serialised.
    #[error("cannot encode or decode {what}: {source}")]
    Json {
        /// What was being converted.
        what: String,
        /// The serde error.
        #[source]
        source: serde_json::Error,
    },
    /// The encryption key is malformed.
    #[error("invalid encryption key from {origin}: {reason}")]
    InvalidKey {
        /// `MPSYNC_KEY` or the key file path.
        origin: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The key file could not be read or created.
    #[error("cannot use key file {path}: {source}")]
    KeyFile {
        /// The key file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A secret does not decrypt: wrong key, or the row was tampered with.
    #[error(
        "secret '{name}' cannot be decrypted: the key (MPSYNC_KEY or key file) is not the one it \
         was encrypted with, or the stored value was altered"
    )]
    Decrypt {
        /// The secret's name (never its value).
        name: String,
    },
}

/// Result of a state store operation.
pub type Result<T, E = StateError> = std::result::Result<T, E>;

/// Converts an id that Procore hands out as unsigned into the database's signed integer.
pub(crate) fn to_db_id(what: &'static str, value: u64) -> Result<i64> {
    i64::try_from(value).map_err(|_| StateError::OutOfRange { what, value })
}

/// Converts a stored signed id back; a negative value can only come from a hand-edited row.
pub(crate) fn from_db_id(what: &str, value: i64) -> Result<u64> {
    u64::try_from(value).map_err(|_| StateError::Corrupt(format!("{what} {value} is negative")))
}
