//! The state store's integration tests, run against both SQLite and PostgreSQL.
//!
//! Each test is written once as `async fn(store: StateStore)`; [`backend_tests!`] generates a
//! `sqlite::NAME` and a `postgres::NAME` wrapper for it.

#[macro_use]
mod harness;

mod bindings;
mod conflicts;
mod cursors;
mod runs;
mod secrets;
mod security;
mod settings;
