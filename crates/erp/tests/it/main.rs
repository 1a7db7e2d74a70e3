//! Integration tests of the `erp` crate, each run on SQLite and on PostgreSQL.

#[macro_use]
mod support;

mod csv_io;
mod demo;
mod hostile;
mod store;
