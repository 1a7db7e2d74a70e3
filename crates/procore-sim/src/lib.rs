//! A local, strict Procore REST API simulator: separate login and API hosts, OAuth 2.0,
//! bearer and company-header rules, rate limits, injected faults, pagination, filters, sync
//! actions, financial computations, SQLite persistence and an admin/test API.

pub mod admin;
mod auth;
pub mod browser;
pub mod config;
pub mod contract;
pub mod error;
pub mod faults;
pub mod fields;
mod index;
pub mod iso3166;
mod oauth;
mod query;
pub mod ratelimit;
mod records;
mod resources;
pub mod seed;
mod server;
pub mod state;
mod store;

pub use admin::{AdminClient, AdminError};
pub use config::{RateLimitConfig, SimConfig, SimEnvironment};
pub use error::SimError;
pub use faults::{FaultKind, FaultRule};
pub use server::SimServer;
pub use state::{Exchange, Kind};
