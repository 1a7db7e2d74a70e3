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
//! ```no_run
//! use std::sync::Arc;
//! use chrono::{Duration, Utc};
//! use procore::resources::vendors::{VendorFilters, VendorInput, VendorSyncItem};
//! use procore::{AppCredentials, Client, Environment, MemoryTokenStore, ProcoreError, Secret, TimeRange};
//! use futures::TryStreamExt;
//!
//! # async fn run(pair: procore::TokenPair) -> Result<(), ProcoreError> {
//! let credentials = AppCredentials { client_id: "id".into(), client_secret: Secret::new("secret") };
//! let client = Client::builder(Environment::Production, credentials)
//!     .token_store(Arc::new(MemoryTokenStore::with_pair(pair)))
//!     .company_id(1_000_010_000)
//!     .build()?;
//!
//! // List with filters: a stream, one page in memory at a time.
//! let since = TimeRange::since(Utc::now() - Duration::days(1));
//! let filters = VendorFilters { updated_at: Some(since), ..Default::default() };
//! let mut changed = Box::pin(client.vendors().list(&filters).into_stream());
//! while let Some(vendor) = changed.try_next().await? {
//!     println!("{} {:?}", vendor.id, vendor.name);
//! }
//!
//! // Get one record.
//! let vendor = client.vendors().get(42).await?;
//!
//! // Create exactly once: a lost answer is resolved by looking the origin id up.
//! let input = VendorInput { name: Some("Béton Québec".into()), origin_id: Some("SUP-777".into()), ..Default::default() };
//! let created = client.vendors().create_once(&input).await?;
//!
//! // Sync: batches of up to 1000, per-item errors merged.
//! let items = vec![VendorSyncItem { origin_id: Some("SUP-778".into()), name: Some("Coffrages".into()), ..Default::default() }];
//! let outcome = client.vendors().sync(items).await?;
//! for refused in &outcome.errors {
//!     eprintln!("{refused}");
//! }
//! # let _ = (vendor, created);
//! # Ok(())
//! # }
//! ```
//!
//! Architecture invariants: this crate knows Procore and nothing of maestro*; it never prints a
//! token; every request names its Procore operationId.

mod auth;
pub mod client;
mod de;
mod enums;
pub mod environment;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
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
pub use pagination::{Pager, UnreadableRecord};
pub use query::{DateRange, ListQuery, Query, TimeRange};
pub use rate_gate::GateStatus;
pub use retry::{create_once, RetryPolicy};
pub use secret::Secret;
pub use sync::{SyncItem, SyncItemError, SyncOutcome, SyncedKey};
pub use token_store::{MemoryTokenStore, TokenStore, TokenStoreError};
