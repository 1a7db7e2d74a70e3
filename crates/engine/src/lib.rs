//! The mpsync sync engine.
//!
//! * [`budget`] — the original budget out, the modifications back, line by line;
//! * [`cost_codes`] — maestro* activities ⇄ Procore's cost code tree, direct or concatenated;
//! * [`entity`] — each entity declared once (direction, dependencies, scope), run in dependency
//!   order checked for cycles;
//! * [`fields`] — the canonical, side-neutral field values both mappers produce;
//! * [`three_way`] — what changed on which side since the last agreed values, and conflicts;
//! * [`plan`] — from both sides' snapshots and the bindings to a plan of writes, with no I/O;
//! * [`matching`] — onboarding: existing records linked by number, code or normalized name.
//!
//! Architecture invariant: nothing in this crate performs I/O. Execution (Procore sync actions,
//! ERP transactions, state writes) lives at the edges and consumes a [`plan::Plan`].

pub mod billing;
pub mod budget;
pub mod commitments;
pub mod cost_codes;
pub mod entity;
pub mod fields;
pub mod invoices;
pub mod matching;
pub mod plan;
pub mod project_costs;
pub mod three_way;
