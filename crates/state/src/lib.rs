//! Persistent state of the mpsync engine, on SQLite (one process) or PostgreSQL (shared by
//! several workers).
//!
//! * [`Pairing`] — a maestro* company paired with one Procore company in one environment; every
//!   other row hangs off a pairing, so production and sandbox data never mix;
//! * [`Binding`] — a maestro* record linked to a Procore record, unique on both sides, with the
//!   hashes and agreed values that make three-way comparison possible ([`BindingConflict`]);
//! * [`Cursor`] — inclusive, never-backwards stream positions with a [`Lookback`], advanced in
//!   the same [`StateTx`] as the bindings of the batch they cover;
//! * [`SyncRun`], [`RecordOutcome`] — the Synchronization Manager's history;
//! * [`Conflict`] — fields changed on both sides, left untouched until resolved;
//! * settings — JSON key/values per maestro* company;
//! * [`User`], [`UserGroup`], [`Rights`], [`Session`], [`ApiToken`], [`AuditEntry`] — security
//!   management: Argon2id passwords, hashed session and API tokens, throttled sign-ins, the audit
//!   log, and the run lease that keeps two runs of a company apart;
//! * [`Cipher`], [`StateTokenStore`] — secrets encrypted at rest, and a [`procore::TokenStore`]
//!   on top of them.
//!
//! ```no_run
//! use state::{BindingWrite, CursorKey, CursorValue, Direction, NewPairing, StateStore};
//! # async fn run() -> Result<(), state::StateError> {
//! let store = StateStore::connect("sqlite:///var/lib/mpsync/state.db").await?;
//! let pairing = store
//!     .pair(&NewPairing::new("ACME", &procore::Environment::Production, 1_000_010_000))
//!     .await?;
//! let key = CursorKey::new(pairing.id, "suppliers", Direction::ErpToProcore, "company");
//! let mut tx = store.begin().await?;
//! tx.upsert_binding(&BindingWrite {
//!     pairing: pairing.id,
//!     entity: "suppliers".into(),
//!     erp_key: "SUP-777".into(),
//!     procore_id: 42,
//!     erp_hash: Some("a1".into()),
//!     procore_hash: Some("b2".into()),
//!     last_synced_values: serde_json::json!({"name": "Béton Québec"}),
//! })
//! .await?;
//! tx.advance_cursor(&key, CursorValue::ChangeSeq(1207)).await?;
//! tx.commit().await?;
//! # Ok(())
//! # }
//! ```
//!
//! Architecture invariants: this crate stores and enforces state rules; it never calls maestro*
//! or Procore, and never logs or displays a secret.

pub mod binding;
pub mod conflict;
pub mod cursor;
pub mod error;
pub mod pairing;
pub mod run;
pub mod secrets;
pub mod security;
pub mod settings;
pub mod store;

pub use binding::{Binding, BindingConflict, BindingWrite};
pub use conflict::{Conflict, ConflictFilter, NewConflict, Resolution};
pub use cursor::{Cursor, CursorKey, CursorValue, Direction, Lookback};
pub use error::{Result, StateError};
pub use pairing::{NewPairing, Pairing, PairingId};
pub use run::{
    overall_status, NewOutcome, OutcomeAction, OutcomeCount, OutcomeFilter, Page, RecordOutcome,
    RunId, RunReport, RunTrigger, SyncRun, SyncStatus, WrittenSide,
};
pub use secrets::{Cipher, Sealed, StateTokenStore, KEY_ENV, KEY_LEN};
pub use security::{
    ApiToken, AuditEntry, Language, LoginRefused, NewUser, Right, Rights, Session, User, UserGroup,
};
pub use store::{Backend, StateStore, StateTx};
