//! maestro* company data touched by the Procore interface.
//!
//! - [`ErpStore`] keeps projects, activities, budgets, suppliers, customers, employees, contracts,
//!   orders, subcontracts, project costs and order invoices in SQLite or PostgreSQL. Every row
//!   records when (`changed_at`), in which order (`change_seq`, per company) and by whom
//!   (`changed_by`) it last changed, so the sync engine reads only what changed since its cursor.
//! - [`ErpConnector`] is what the sync engine sees of an ERP: another back end (the maestro* XML
//!   web service, say) implements it without the engine changing.
//! - [`csv`] imports and exports every entity; [`demo`] generates a believable Québec general
//!   contractor.
//!
//! This crate knows nothing about Procore.

pub mod connector;
pub mod csv;
pub mod demo;
pub mod error;
pub mod model;
pub mod record;
pub mod store;
pub mod value;

pub use connector::{EntityReader, EntityStore, ErpConnector};
pub use error::{ErpError, ValidationError};
pub use model::*;
pub use record::{
    ChangeBatch, ChangeMeta, ChangeOrigin, ChangeSeq, Changed, Entity, ErpRecord, NaturalKey,
    ProjectScoped, UnknownEntity, UpsertReport,
};
pub use store::{Backend, ErpStore, KeyPages};
