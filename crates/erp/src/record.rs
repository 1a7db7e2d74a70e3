//! What every stored maestro* record has in common: a natural key, a column description, change
//! metadata and validation.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::ValidationError;
use crate::value::{Column, FieldValue, Value};

/// Position in a company's change sequence.
///
/// Every insert or update of any row of a company takes the next number from that company's
/// counter, so "what changed since the last sync" is `change_seq > cursor`, an index range scan.
/// Numbers are increasing, not dense: an upsert that changes nothing consumes a number and writes
/// nothing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct ChangeSeq(pub i64);

impl ChangeSeq {
    /// Before the first change: reading from here returns everything.
    pub const ORIGIN: ChangeSeq = ChangeSeq(0);
}

impl fmt::Display for ChangeSeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Who made the last change to a row.
///
/// The sync engine skips rows whose last change is its own, which is how a record written from
/// Procore is not sent straight back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeOrigin {
    /// A maestro* user (or the demo loader standing in for one).
    User,
    /// The synchronization engine.
    Sync,
    /// A CSV import.
    Import,
}

impl ChangeOrigin {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            ChangeOrigin::User => "user",
            ChangeOrigin::Sync => "sync",
            ChangeOrigin::Import => "import",
        }
    }
}

impl FromStr for ChangeOrigin {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "user" => Ok(ChangeOrigin::User),
            "sync" => Ok(ChangeOrigin::Sync),
            "import" => Ok(ChangeOrigin::Import),
            other => Err(format!("unknown change origin {other:?}")),
        }
    }
}

/// When and how a row last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeMeta {
    /// Company sequence number of the last change.
    pub seq: ChangeSeq,
    /// UTC time of the last change.
    pub at: DateTime<Utc>,
    /// Who made it.
    pub by: ChangeOrigin,
}

/// A record with its change metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changed<R> {
    /// The record as it is now.
    pub record: R,
    /// Its last change.
    pub meta: ChangeMeta,
}

/// One bounded read of the changes after a cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeBatch<R> {
    /// Changed records in `change_seq` order.
    pub changes: Vec<Changed<R>>,
    /// Cursor to pass to the next read: the last `change_seq` returned, or the cursor given when
    /// nothing changed.
    pub high_water: ChangeSeq,
    /// Whether the batch was cut at the limit, so more changes may follow.
    pub has_more: bool,
}

/// Result of a batch upsert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UpsertReport {
    /// Rows inserted or updated (their `change_seq` moved).
    pub written: usize,
    /// Rows already identical, left untouched.
    pub unchanged: usize,
}

/// The data sets the interface touches, one per table; the names are those of the CLI
/// (`mpsync erp import ENTITY FILE.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Entity {
    /// Projects and sub-projects.
    Projects,
    /// Activities (the project's cost codes).
    Activities,
    /// Budget lines per activity and cost type.
    Budgets,
    /// Suppliers.
    Suppliers,
    /// Customers.
    Customers,
    /// Employees.
    Employees,
    /// Billing contracts (the Procore prime contract).
    BillingContracts,
    /// Change orders of billing contracts.
    BillingContractChangeOrders,
    /// Stock orders from catalogue.
    StockOrders,
    /// Lines of stock orders from catalogue.
    StockOrderLines,
    /// Regular purchase orders.
    PurchaseOrders,
    /// Lines of regular purchase orders.
    PurchaseOrderLines,
    /// Subcontracts.
    Subcontracts,
    /// Lines of subcontracts.
    SubcontractLines,
    /// Project costs (purchases, expenses, payroll).
    ProjectCosts,
    /// Invoices confirmed against an order or a subcontract.
    OrderInvoices,
}

impl Entity {
    /// Every entity, in dependency order (a record only refers to entities before it), the
    /// order in which an import of everything must run.
    pub const ALL: [Entity; 16] = [
        Entity::Projects,
        Entity::Activities,
        Entity::Budgets,
        Entity::Suppliers,
        Entity::Customers,
        Entity::Employees,
        Entity::BillingContracts,
        Entity::BillingContractChangeOrders,
        Entity::StockOrders,
        Entity::StockOrderLines,
        Entity::PurchaseOrders,
        Entity::PurchaseOrderLines,
        Entity::Subcontracts,
        Entity::SubcontractLines,
        Entity::ProjectCosts,
        Entity::OrderInvoices,
    ];

    /// CLI name.
    pub fn name(self) -> &'static str {
        match self {
            Entity::Projects => "projects",
            Entity::Activities => "activities",
            Entity::Budgets => "budgets",
            Entity::Suppliers => "suppliers",
            Entity::Customers => "customers",
            Entity::Employees => "employees",
            Entity::BillingContracts => "billing-contracts",
            Entity::BillingContractChangeOrders => "billing-contract-change-orders",
            Entity::StockOrders => "stock-orders",
            Entity::StockOrderLines => "stock-order-lines",
            Entity::PurchaseOrders => "purchase-orders",
            Entity::PurchaseOrderLines => "purchase-order-lines",
            Entity::Subcontracts => "subcontracts",
            Entity::SubcontractLines => "subcontract-lines",
            Entity::ProjectCosts => "project-costs",
            Entity::OrderInvoices => "order-invoices",
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error of [`Entity::from_str`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity {0:?}; expected one of: projects, activities, budgets, suppliers, customers, employees, billing-contracts, billing-contract-change-orders, stock-orders, stock-order-lines, purchase-orders, purchase-order-lines, subcontracts, subcontract-lines, project-costs, order-invoices")]
pub struct UnknownEntity(pub String);

impl FromStr for Entity {
    type Err = UnknownEntity;
    fn from_str(s: &str) -> Result<Self, UnknownEntity> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        Entity::ALL
            .into_iter()
            .find(|e| e.name() == wanted)
            .ok_or_else(|| UnknownEntity(s.to_owned()))
    }
}

/// A natural key: the columns maestro* users know a record by.
pub trait NaturalKey: Clone + fmt::Debug + PartialEq + Eq + std::hash::Hash + Send + Sync {
    /// Key column values, in [`ErpRecord::KEY_COLUMNS`] order.
    fn values(&self) -> Vec<Value>;
    /// Human form used in messages (`24017`, `24017/01-A-001-01`).
    fn text(&self) -> String;
}

impl NaturalKey for String {
    fn values(&self) -> Vec<Value> {
        vec![self.to_value()]
    }
    fn text(&self) -> String {
        self.clone()
    }
}

impl NaturalKey for (String, String) {
    fn values(&self) -> Vec<Value> {
        vec![self.0.to_value(), self.1.to_value()]
    }
    fn text(&self) -> String {
        format!("{}/{}", self.0, self.1)
    }
}

impl NaturalKey for (String, String, String) {
    fn values(&self) -> Vec<Value> {
        vec![self.0.to_value(), self.1.to_value(), self.2.to_value()]
    }
    fn text(&self) -> String {
        format!("{}/{}/{}", self.0, self.1, self.2)
    }
}

impl NaturalKey for (String, i64) {
    fn values(&self) -> Vec<Value> {
        vec![self.0.to_value(), self.1.to_value()]
    }
    fn text(&self) -> String {
        format!("{}/{}", self.0, self.1)
    }
}

/// A maestro* record kept per company in one table.
///
/// Implemented by [`erp_record!`] from a field list, so the struct, the table columns and the CSV
/// header cannot drift apart.
pub trait ErpRecord: Clone + fmt::Debug + PartialEq + Send + Sync + Unpin + 'static {
    /// Natural key type.
    type Key: NaturalKey + 'static;
    /// Entity the record belongs to.
    const ENTITY: Entity;
    /// SQL table.
    const TABLE: &'static str;
    /// Singular name used in messages (`project`).
    const LABEL: &'static str;
    /// Data columns, in field order (company and change columns excluded).
    const COLUMNS: &'static [Column];
    /// Columns of the natural key (with the company, the table's unique key).
    const KEY_COLUMNS: &'static [&'static str];

    /// The record's natural key.
    fn key(&self) -> Self::Key;
    /// Field values in [`Self::COLUMNS`] order.
    fn to_values(&self) -> Vec<Value>;
    /// Builds a record from values in [`Self::COLUMNS`] order; the error names the column.
    fn from_values(values: Vec<Value>) -> Result<Self, (&'static str, String)>;
    /// Every rule the record breaks; empty when valid.
    fn problems(&self) -> Vec<ValidationError>;

    /// First rule the record breaks.
    fn validate(&self) -> Result<(), ValidationError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }
}

/// A record that belongs to one project, in a table whose key starts with `project_number`:
/// such records can be read a project at a time ([`crate::ErpStore::of_project`]), so a plan
/// per project holds one project's records, not the company's.
pub trait ProjectScoped: ErpRecord {
    /// The project the record belongs to.
    fn project_number(&self) -> &str;
}

/// Declares a record struct and its [`ErpRecord`] implementation from one field list.
macro_rules! erp_record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            entity: $entity:ident,
            table: $table:literal,
            label: $label:literal,
            key: $keyty:ty = [$($keycol:ident),+] |$r:ident| $keyexpr:expr,
            validate: $validate:path,
        } {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )+
        }

        impl $crate::record::ErpRecord for $name {
            type Key = $keyty;
            const ENTITY: $crate::record::Entity = $crate::record::Entity::$entity;
            const TABLE: &'static str = $table;
            const LABEL: &'static str = $label;
            const COLUMNS: &'static [$crate::value::Column] = &[
                $( $crate::value::Column {
                    name: stringify!($field),
                    kind: <$fty as $crate::value::FieldValue>::KIND,
                    nullable: <$fty as $crate::value::FieldValue>::NULLABLE,
                }, )+
            ];
            const KEY_COLUMNS: &'static [&'static str] = &[$(stringify!($keycol)),+];

            fn key(&self) -> $keyty {
                let $r = self;
                $keyexpr
            }

            fn to_values(&self) -> Vec<$crate::value::Value> {
                vec![$( $crate::value::FieldValue::to_value(&self.$field) ),+]
            }

            fn from_values(
                values: Vec<$crate::value::Value>,
            ) -> Result<Self, (&'static str, String)> {
                let mut values = values.into_iter();
                Ok(Self {
                    $( $field: <$fty as $crate::value::FieldValue>::from_value(
                        values.next().unwrap_or($crate::value::Value::Text(None)),
                    ).map_err(|reason| (stringify!($field), reason))?, )+
                })
            }

            fn problems(&self) -> Vec<$crate::error::ValidationError> {
                $validate(self)
            }
        }
    };
}
pub(crate) use erp_record;
