//! CSV import and export of every entity.
//!
//! The header is the record's column list (`number,parent_number,description,…`), the same names
//! as the SQL columns and the validation messages. Cells are UTF-8; amounts use a dot (`1234.56`),
//! dates are `YYYY-MM-DD`, flags `true`/`false` (`oui`/`non` and `1`/`0` are accepted on import),
//! and an empty cell is an empty optional field.
//!
//! An import is all or nothing: every row is parsed and validated before anything is written, every
//! bad row is reported with its line and column, and the good rows are written in a single
//! transaction only when no row is bad.

use std::collections::HashMap;
use std::fmt;
use std::io::{Read, Write};

use crate::error::ErpError;
use crate::model::{
    Activity, BillingContract, BillingContractChangeOrder, BudgetLine, Customer, Employee,
    OrderInvoice, Project, ProjectCost, PurchaseOrder, PurchaseOrderLine, StockOrder,
    StockOrderLine, Subcontract, SubcontractLine, Supplier,
};
use crate::record::{ChangeOrigin, Entity, ErpRecord, NaturalKey};
use crate::store::ErpStore;
use crate::value::{ColumnKind, Value};
use chrono::Datelike;
use rust_decimal::Decimal;

/// At most this many bad rows are listed; past that the file is clearly not of this entity.
const MAX_REPORTED_ROWS: usize = 1_000;

/// Outcome of a successful import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportReport {
    /// Entity imported.
    pub entity: Entity,
    /// Data rows read.
    pub rows: usize,
    /// Rows inserted or updated.
    pub written: usize,
    /// Rows identical to what was stored.
    pub unchanged: usize,
}

/// One refused cell or row of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file (the header is line 1).
    pub line: u64,
    /// Column at fault, when one is.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {}: {}", self.line, column, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Some rows are bad; nothing was imported.
    #[error("{entity}: {} bad row(s), nothing imported; fix them and import the file again:\n{}", errors.len(), list(errors))]
    BadRows {
        /// Entity of the file.
        entity: Entity,
        /// Every bad row (at most 1,000).
        errors: Vec<RowError>,
    },
    /// The file could not be read.
    #[error("{entity}: cannot read the file: {source}")]
    Read {
        /// Entity of the file.
        entity: Entity,
        /// Reader error.
        source: csv::Error,
    },
    /// The store refused the batch (unknown company, a reference to a missing record…); nothing
    /// was imported.
    #[error("{entity}: nothing imported: {source}")]
    Store {
        /// Entity of the file.
        entity: Entity,
        /// Store error.
        source: ErpError,
    },
}

fn list(errors: &[RowError]) -> String {
    errors
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The store could not be read.
    #[error("{entity}: cannot read the store: {source}")]
    Store {
        /// Entity exported.
        entity: Entity,
        /// Store error.
        source: ErpError,
    },
    /// The output could not be written.
    #[error("{entity}: cannot write the file: {source}")]
    Write {
        /// Entity exported.
        entity: Entity,
        /// Writer error.
        source: csv::Error,
    },
}

/// Runs `$body` with `$R` bound to the record type of `$entity`.
macro_rules! with_record {
    ($entity:expr, $R:ident => $body:expr) => {
        match $entity {
            Entity::Projects => {
                type $R = Project;
                $body
            }
            Entity::Activities => {
                type $R = Activity;
                $body
            }
            Entity::Budgets => {
                type $R = BudgetLine;
                $body
            }
            Entity::Suppliers => {
                type $R = Supplier;
                $body
            }
            Entity::Customers => {
                type $R = Customer;
                $body
            }
            Entity::Employees => {
                type $R = Employee;
                $body
            }
            Entity::BillingContracts => {
                type $R = BillingContract;
                $body
            }
            Entity::BillingContractChangeOrders => {
                type $R = BillingContractChangeOrder;
                $body
            }
            Entity::StockOrders => {
                type $R = StockOrder;
                $body
            }
            Entity::StockOrderLines => {
                type $R = StockOrderLine;
                $body
            }
            Entity::PurchaseOrders => {
                type $R = PurchaseOrder;
                $body
            }
            Entity::PurchaseOrderLines => {
                type $R = PurchaseOrderLine;
                $body
            }
            Entity::Subcontracts => {
                type $R = Subcontract;
                $body
            }
            Entity::SubcontractLines => {
                type $R = SubcontractLine;
                $body
            }
            Entity::ProjectCosts => {
                type $R = ProjectCost;
                $body
            }
            Entity::OrderInvoices => {
                type $R = OrderInvoice;
                $body
            }
        }
    };
}

/// CSV header of an entity.
pub fn header(entity: Entity) -> Vec<&'static str> {
    with_record!(entity, R => R::COLUMNS.iter().map(|c| c.name).collect())
}

/// Imports a CSV file of `entity` into `company`, all or nothing, stamped `changed_by = import`.
pub async fn import<Rd: Read>(
    store: &ErpStore,
    company: &str,
    entity: Entity,
    reader: Rd,
) -> Result<ImportReport, ImportError> {
    with_record!(entity, R => import_records::<R, Rd>(store, company, reader).await)
}

/// Exports every `entity` record of `company` as CSV, in natural-key order; returns the number of
/// data rows.
pub async fn export<W: Write>(
    store: &ErpStore,
    company: &str,
    entity: Entity,
    writer: W,
) -> Result<usize, ExportError> {
    export_by_pages(store, company, entity, writer, EXPORT_PAGE).await
}

/// [`export`], reading `page` records at a time: only one page is held at once.
pub async fn export_by_pages<W: Write>(
    store: &ErpStore,
    company: &str,
    entity: Entity,
    writer: W,
    page: u32,
) -> Result<usize, ExportError> {
    with_record!(entity, R => export_records::<R, W>(store, company, writer, page).await)
}

/// Parses and validates a CSV file into records without touching any store.
pub fn parse<R: ErpRecord, Rd: Read>(reader: Rd) -> Result<Vec<R>, ImportError> {
    parse_with_lines(reader).map(|(records, _)| records)
}

/// [`parse`], with the line of each record.
fn parse_with_lines<R: ErpRecord, Rd: Read>(reader: Rd) -> Result<(Vec<R>, Vec<u64>), ImportError> {
    let entity = R::ENTITY;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(reader);
    let header = csv
        .headers()
        .map_err(|source| ImportError::Read { entity, source })?
        .clone();
    let mut errors = Vec::new();
    let positions = match map_header::<R>(&header) {
        Ok(positions) => positions,
        Err(header_errors) => {
            return Err(ImportError::BadRows {
                entity,
                errors: header_errors,
            })
        }
    };
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut seen: HashMap<R::Key, u64> = HashMap::new();
    for (index, row) in csv.records().enumerate() {
        // The header is line 1, so a row's fallback line is its index + 2.
        let fallback_line = index as u64 + 2;
        if errors.len() >= MAX_REPORTED_ROWS {
            break;
        }
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(fallback_line, |p| p.line());
                if e.is_io_error() {
                    return Err(ImportError::Read { entity, source: e });
                }
                errors.push(RowError {
                    line,
                    column: None,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let line = row.position().map_or(fallback_line, |p| p.line());
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if row.len() != header.len() {
            errors.push(RowError {
                line,
                column: None,
                reason: format!("has {} cells, the header has {}", row.len(), header.len()),
            });
            continue;
        }
        match parse_row::<R>(&row, &positions, line) {
            Ok(record) => {
                if let Some(first) = seen.insert(record.key(), line) {
                    errors.push(RowError {
                        line,
                        column: Some(R::KEY_COLUMNS[0].to_owned()),
                        reason: format!(
                            "{} {}: same key as line {first}",
                            R::LABEL,
                            record.key().text()
                        ),
                    });
                } else {
                    records.push(record);
                    lines.push(line);
                }
            }
            Err(row_errors) => errors.extend(row_errors),
        }
    }
    if errors.is_empty() {
        Ok((records, lines))
    } else {
        errors.truncate(MAX_REPORTED_ROWS);
        Err(ImportError::BadRows { entity, errors })
    }
}

/// Position of each record column in the file, `None` for an optional column left out.
fn map_header<R: ErpRecord>(
    header: &csv::StringRecord,
) -> Result<Vec<Option<usize>>, Vec<RowError>> {
    let mut errors = Vec::new();
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    for (i, name) in names.iter().enumerate() {
        if errors.len() >= MAX_REPORTED_ROWS {
            break;
        }
        // Only the first of two same-named columns would be read: which one was meant?
        if names[..i].contains(name) {
            errors.push(RowError {
                line: 1,
                column: Some((*name).to_owned()),
                reason: "appears twice in the header".to_owned(),
            });
            continue;
        }
        if !R::COLUMNS.iter().any(|c| c.name == *name) {
            errors.push(RowError {
                line: 1,
                column: Some((*name).to_owned()),
                reason: format!(
                    "unknown column for {}; expected: {}",
                    R::ENTITY,
                    R::COLUMNS
                        .iter()
                        .map(|c| c.name)
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            });
        }
    }
    let mut positions = Vec::with_capacity(R::COLUMNS.len());
    for column in R::COLUMNS {
        let position = names.iter().position(|n| *n == column.name);
        if position.is_none() && !column.nullable {
            errors.push(RowError {
                line: 1,
                column: Some(column.name.to_owned()),
                reason: "required column is missing from the header".to_owned(),
            });
        }
        positions.push(position);
    }
    errors.truncate(MAX_REPORTED_ROWS);
    if errors.is_empty() {
        Ok(positions)
    } else {
        Err(errors)
    }
}

/// Longest cell read: no maestro* field holds more, and a longer one is a broken file.
const MAX_CELL_CHARS: usize = 10_000;

/// Amounts fit NUMERIC(19,4): 15 digits before the dot, 4 after.
const MAX_AMOUNT_SCALE: u32 = 4;

/// Dates outside these years are typing mistakes (`2205` for `2025`), not construction dates.
const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The first characters a spreadsheet reads as the start of a formula. Tab and carriage return
/// are among them because a spreadsheet drops them and reads what follows.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell of a file, checked beyond its type: a spreadsheet opening the file must not run it,
/// and an amount or a date must fit maestro*.
fn parse_cell(kind: ColumnKind, cell: &str) -> Result<Value, String> {
    let length = cell.chars().count();
    if length > MAX_CELL_CHARS {
        return Err(format!(
            "is {length} characters long; no field holds more than {MAX_CELL_CHARS}"
        ));
    }
    match kind {
        ColumnKind::Text => Value::parse(kind, &unescape_formula(cell)?),
        ColumnKind::Decimal => {
            let value = Value::parse(kind, cell)?;
            if let Value::Decimal(Some(amount)) = &value {
                let amount = amount.normalize();
                if amount.scale() > MAX_AMOUNT_SCALE {
                    return Err(format!(
                        "{amount} has more than {MAX_AMOUNT_SCALE} decimals"
                    ));
                }
                if amount.abs() >= Decimal::from(1_000_000_000_000_000_i64) {
                    return Err(format!(
                        "{amount} is out of range (at most 15 digits before the dot)"
                    ));
                }
            }
            Ok(value)
        }
        ColumnKind::Date => {
            let value = Value::parse(kind, cell)?;
            if let Value::Date(Some(date)) = &value {
                if !DATE_YEARS.contains(&date.year()) {
                    return Err(format!(
                        "{date} is outside the years {} to {}",
                        DATE_YEARS.start(),
                        DATE_YEARS.end()
                    ));
                }
            }
            Ok(value)
        }
        _ => Value::parse(kind, cell),
    }
}

/// The text of a cell: refused when a spreadsheet would run it as a formula, unless the file
/// marks it as text with a leading `'` (as [`export`] writes such values), which is removed.
/// A sign followed only by digits and phone punctuation (`+1 418 555-0101`, `-12`) is text.
fn unescape_formula(cell: &str) -> Result<std::borrow::Cow<'_, str>, String> {
    let text = cell.trim();
    if let Some(rest) = text.strip_prefix('\'') {
        if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
            return Ok(rest.into());
        }
    }
    // A spreadsheet drops leading tabs, carriage returns and spaces, then reads the rest.
    let formula = match text.chars().next() {
        Some('=' | '@') => true,
        Some('+' | '-') => !text
            .chars()
            .all(|c| c.is_ascii_digit() || " .,-+()/".contains(c)),
        _ => false,
    };
    if formula {
        let shown: String = text.chars().take(40).collect();
        return Err(format!(
            "{shown:?} starts like a spreadsheet formula; put a ' before it to import it as text"
        ));
    }
    Ok(cell.into())
}

/// `text` as written to a file: a value a spreadsheet would run as a formula gets a leading `'`,
/// which [`import`] removes again.
fn escape_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn parse_row<R: ErpRecord>(
    row: &csv::StringRecord,
    positions: &[Option<usize>],
    line: u64,
) -> Result<R, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut values = Vec::with_capacity(R::COLUMNS.len());
    for (column, position) in R::COLUMNS.iter().zip(positions) {
        let cell = position.and_then(|p| row.get(p)).unwrap_or("");
        match parse_cell(column.kind, cell) {
            Ok(value) if value.is_null() && !column.nullable => {
                errors.push(RowError {
                    line,
                    column: Some(column.name.to_owned()),
                    reason: "is required".to_owned(),
                });
                values.push(value);
            }
            Ok(value) => values.push(value),
            Err(reason) => {
                errors.push(RowError {
                    line,
                    column: Some(column.name.to_owned()),
                    reason,
                });
                values.push(Value::null(column.kind));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let record = R::from_values(values).map_err(|(column, reason)| {
        vec![RowError {
            line,
            column: Some(column.to_owned()),
            reason,
        }]
    })?;
    let problems = record.problems();
    if problems.is_empty() {
        Ok(record)
    } else {
        Err(problems
            .into_iter()
            .map(|p| RowError {
                line,
                column: Some(p.field.to_owned()),
                reason: p.to_string(),
            })
            .collect())
    }
}

async fn import_records<R: ErpRecord, Rd: Read>(
    store: &ErpStore,
    company: &str,
    reader: Rd,
) -> Result<ImportReport, ImportError> {
    let (records, lines) = parse_with_lines::<R, Rd>(reader)?;
    let report = match store.upsert(company, &records, ChangeOrigin::Import).await {
        Ok(report) => report,
        // A refused record is a bad row like any other: report it on its line.
        Err(ErpError::Rejected {
            record,
            key,
            reason,
        }) => {
            let line = records
                .iter()
                .zip(&lines)
                .find(|(r, _)| r.key().text() == key)
                .map_or(0, |(_, line)| *line);
            return Err(ImportError::BadRows {
                entity: R::ENTITY,
                errors: vec![RowError {
                    line,
                    column: None,
                    reason: format!("{record} {key}: refused by the database: {reason}"),
                }],
            });
        }
        Err(source) => {
            return Err(ImportError::Store {
                entity: R::ENTITY,
                source,
            })
        }
    };
    Ok(ImportReport {
        entity: R::ENTITY,
        rows: records.len(),
        written: report.written,
        unchanged: report.unchanged,
    })
}

async fn export_records<R: ErpRecord, W: Write>(
    store: &ErpStore,
    company: &str,
    writer: W,
    page: u32,
) -> Result<usize, ExportError> {
    let entity = R::ENTITY;
    let mut csv = csv::Writer::from_writer(writer);
    let write_err = |source| ExportError::Write { entity, source };
    csv.write_record(R::COLUMNS.iter().map(|c| c.name))
        .map_err(write_err)?;
    // A page at a time: a company's million project costs are never held at once.
    let mut pages = store.pages::<R>(company, page);
    let mut rows = 0;
    while let Some(page) = pages
        .next_page()
        .await
        .map_err(|source| ExportError::Store { entity, source })?
    {
        for changed in &page {
            let cells: Vec<String> = changed
                .record
                .to_values()
                .iter()
                .map(|v| match v {
                    Value::Text(Some(text)) => escape_formula(text).into_owned(),
                    other => other.to_text().unwrap_or_default(),
                })
                .collect();
            csv.write_record(&cells).map_err(write_err)?;
        }
        rows += page.len();
    }
    csv.flush().map_err(|e| write_err(csv::Error::from(e)))?;
    Ok(rows)
}

/// Records [`export`] reads per page.
const EXPORT_PAGE: u32 = 5_000;
