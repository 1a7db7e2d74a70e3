//! The mpsync executor around the pure engine.
//!
//! [`SyncRunner::sync`] runs the chosen entities in dependency order. For each: read what
//! maestro* changed since its cursor and what Procore updated since its own; load the bindings
//! touching those records; link existing records found on both sides (onboarding, by number or
//! code, then by normalized name) before anything is created, so a first run does not duplicate;
//! plan with [`engine::plan::plan`]; write Procore in sync-action batches and maestro* in batch
//! transactions; after each batch store the bindings with their new agreed values (and, after
//! the last, the cursors) in one state transaction; record one outcome per record and every
//! conflict. A field changed differently on both sides is never written.
//!
//! Entities: [`entities::projects`], [`entities::suppliers`] (Procore vendors) and
//! [`entities::employees`] (Procore company users, one way).

pub mod billing;
pub mod budgets;
pub mod commitments;
pub mod connection;
pub mod cost_codes;
pub mod enabled;
pub mod entities;
pub mod error;
pub mod lease;
pub mod order_invoices;
pub mod progress;
pub mod project_costs;
mod project_outcomes;
pub mod runner;
pub mod summary;

pub use error::RunnerError;
pub use progress::{Phase, Progress, ProgressSink};
pub use runner::{first_link, first_link_setting, RunnerOptions, SyncRunner};
pub use summary::{AmbiguousLink, EntitySummary, LinkReport, PerSide, ProposedLink, RunSummary};

/// Names of the entities the runner synchronizes, in declaration order.
pub fn entity_names() -> Vec<&'static str> {
    entities::SPECS.iter().map(|s| s.name).collect()
}
