//! Client for the Procore REST API, as mpsync needs it.
//!
//! * [`Environment`] — production and sandbox hosts, and whether data is real;
//! * [`OAuthClient`], [`TokenStore`] — authorization code, single-use rotating refresh tokens
//!   (one refresh in flight, persisted before use), client credentials;
//! * [`Client`] — one `send` for every call: bearer token, `Procore-Company-Id`, the shared rate
//!   gate ([`GateStatus`]), retries that never blindly repeat a create, decoded errors
//!   ([`ProcoreError`], [`ErrorKind`]);
//! * [`Pager`] — lists read page by page; [`SyncOutcome`] — batched sync actions;
//! * [`money`] — exact amounts in both JSON spellings;
//! * [`resources`] — typed records, inputs, filters and handles for every entity mpsync syncs.
//!
//! Architecture invariants: this crate knows Procore and nothing of maestro*; it never prints a
//! token; every request names its Procore operationId.

mod auth;
pub mod client;
mod de;
mod enums;
pub mod environment;
pub mod error;
mod metrics;
pub mod money;
pub mod oauth;
pub mod ops;
pub mod pagination;
pub mod query;
pub mod rate_gate;
pub mod resources;
pub mod retry;
pub mod secret;
pub mod sync;
pub mod token_store;

pub use client::{Client, ClientBuilder, Op, MAX_SYNC_BATCH};
pub use environment::{Environment, EnvironmentKind};
pub use error::{ErrorKind, FieldError, ProcoreError};
pub use money::Money;
pub use oauth::{generate_state, verify_state, AppCredentials, OAuthClient, TokenInfo, TokenPair};
pub use pagination::Pager;
pub use query::{DateRange, ListQuery, Query, TimeRange};
pub use rate_gate::GateStatus;
pub use retry::{create_once, RetryPolicy};
pub use secret::Secret;
pub use sync::{SyncItem, SyncItemError, SyncOutcome};
pub use token_store::{MemoryTokenStore, TokenStore, TokenStoreError};
