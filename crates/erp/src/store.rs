//! [`ErpStore`]: the maestro* data in SQLite or PostgreSQL.
//!
//! One code path over [`sqlx::Any`] serves both backends. The schema is the same table for table
//! and the SQL is the same statement for statement; the only differences are how an exact decimal,
//! a date and a timestamp travel (TEXT in SQLite, NUMERIC / DATE / TIMESTAMPTZ in PostgreSQL), and
//! [`Backend`] supplies those few fragments. Two implementations would have repeated every
//! statement of sixteen tables for the sake of three casts. Each backend keeps its own migrations
//! folder, because DDL types do differ.
//!
//! Values cross the `Any` boundary as text, integers and flags only: decimals are written as
//! four-decimal text and read back with `CAST(… AS TEXT)`, so no amount ever passes through a
//! float.
//!
//! Records are read a page at a time as one JSON text the database builds (`json_group_array`,
//! `json_agg`; see [`Backend::json_rows`]), which carries the same text, integers and flags:
//! row by row, each row would cross from sqlx's connection thread on its own.

use std::collections::HashSet;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::any::{AnyArguments, AnyPoolOptions, AnyRow};
use sqlx::migrate::Migrator;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AnyPool, Row};

use crate::error::ErpError;
use crate::model::{BudgetLine, BudgetModification, Company, Environment};
use crate::record::{
    ChangeBatch, ChangeMeta, ChangeOrigin, ChangeSeq, Changed, ErpRecord, NaturalKey,
    ProjectScoped, UpsertReport,
};
use crate::value::{canonical_decimal, Column, ColumnKind, Value};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// `changed_at`, `change_seq` and `changed_by`, read after a record's own columns.
const META_COLUMNS: usize = 3;

/// Largest batch [`ErpStore::changes_since`] returns, whatever limit is asked.
pub const MAX_BATCH: u32 = 10_000;

/// Which database an [`ErpStore`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite file (WAL, foreign keys on).
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Placeholder `$n` for a value of `kind`, cast where PostgreSQL receives text.
    fn param(self, kind: ColumnKind, n: usize) -> String {
        match (self, kind) {
            (Backend::Postgres, ColumnKind::Decimal) => format!("CAST(${n} AS NUMERIC)"),
            (Backend::Postgres, ColumnKind::Date) => format!("CAST(${n} AS DATE)"),
            _ => format!("${n}"),
        }
    }

    /// Expression reading `column` of `kind` as text, integer or flag.
    fn read(self, kind: ColumnKind, column: &str) -> String {
        match (self, kind) {
            (Backend::Postgres, ColumnKind::Decimal | ColumnKind::Date) => {
                format!("CAST({column} AS TEXT)")
            }
            (Backend::Postgres, ColumnKind::Bool) => format!("CAST({column} AS INTEGER)"),
            _ => column.to_owned(),
        }
    }

    fn timestamp_param(self, n: usize) -> String {
        match self {
            Backend::Sqlite => format!("${n}"),
            Backend::Postgres => format!("CAST(${n} AS TIMESTAMPTZ)"),
        }
    }

    fn timestamp_read(self, column: &str) -> String {
        match self {
            Backend::Sqlite => column.to_owned(),
            Backend::Postgres => {
                format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
            }
        }
    }

    /// The rows of `page` (a subquery whose columns are `c0` … `c{columns - 1}`) as one JSON
    /// array of arrays, in `order` (over those names), as text.
    fn json_rows(self, page: &str, columns: usize, order: &str) -> String {
        let cells: Vec<String> = (0..columns).map(|i| format!("c{i}")).collect();
        let cells = cells.join(", ");
        match self {
            Backend::Sqlite => {
                format!("SELECT json_group_array(json_array({cells}) ORDER BY {order}) FROM ({page}) AS page")
            }
            // json_agg of no rows is NULL, not an empty array.
            Backend::Postgres => format!(
                "SELECT CAST(COALESCE(json_agg(json_build_array({cells}) ORDER BY {order}), '[]') AS TEXT) \
                 FROM ({page}) AS page"
            ),
        }
    }

    /// Null-safe "differs" operator.
    fn distinct(self) -> &'static str {
        match self {
            Backend::Sqlite => "IS NOT",
            Backend::Postgres => "IS DISTINCT FROM",
        }
    }
}

/// How a batch write treats an existing key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WriteMode {
    /// Insert or update.
    Upsert,
    /// Insert only; an existing key is an error.
    Create,
}

/// The maestro* company data in a SQL database.
///
/// Cheap to clone (a pool handle). All writes go through it, which is what keeps `change_seq`,
/// `changed_at` and `changed_by` true on every row.
#[derive(Debug, Clone)]
pub struct ErpStore {
    pool: AnyPool,
    backend: Backend,
}

impl ErpStore {
    /// Opens `sqlite://PATH` (created if missing) or `postgres://…` and brings the schema up to
    /// date.
    pub async fn connect(url: &str) -> Result<ErpStore, ErpError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if url.starts_with("sqlite:") {
            // `mode=rwc` creates the file; without it a first run fails on a missing database.
            let url = if url.contains('?') || url.contains(":memory:") {
                url.to_owned()
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_owned())
        } else {
            return Err(ErpError::UnsupportedUrl(url.to_owned()));
        };
        let options = AnyPoolOptions::new();
        let pool = match backend {
            Backend::Sqlite => {
                options
                    .max_connections(4)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // Per connection: SQLite forgets foreign keys between connections.
                            sqlx::query("PRAGMA foreign_keys = ON")
                                .execute(&mut *conn)
                                .await?;
                            sqlx::query("PRAGMA busy_timeout = 10000")
                                .execute(&mut *conn)
                                .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            Backend::Postgres => options.max_connections(8).connect(&url).await?,
        };
        if backend == Backend::Sqlite {
            // WAL is a property of the file: readers (the sync engine) never block the writer.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        match backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        Ok(ErpStore { pool, backend })
    }

    /// Backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection; pending operations finish first.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Creates or updates a company (and its change counter).
    pub async fn upsert_company(
        &self,
        company: &Company,
        by: ChangeOrigin,
    ) -> Result<ChangeSeq, ErpError> {
        company.validate()?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO change_counters (company_code, last_seq) VALUES ($1, 0) \
             ON CONFLICT (company_code) DO NOTHING",
        )
        .bind(company.code.clone())
        .execute(&mut *tx)
        .await?;
        let seq = reserve_seqs(&mut tx, &company.code, 1).await?;
        let b = self.backend;
        let sql = format!(
            "INSERT INTO companies (code, name, environment, prefix, changed_at, change_seq, changed_by) \
             VALUES ($1, $2, $3, $4, {}, $6, $7) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, environment = excluded.environment, \
             prefix = excluded.prefix, changed_at = excluded.changed_at, \
             change_seq = excluded.change_seq, changed_by = excluded.changed_by",
            b.timestamp_param(5)
        );
        sqlx::query(&sql)
            .bind(company.code.clone())
            .bind(company.name.clone())
            .bind(company.environment.code())
            .bind(company.prefix.clone())
            .bind(now_text())
            .bind(seq)
            .bind(by.code())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(ChangeSeq(seq))
    }

    /// Every company, by code.
    pub async fn companies(&self) -> Result<Vec<Company>, ErpError> {
        let rows =
            sqlx::query("SELECT code, name, environment, prefix FROM companies ORDER BY code")
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(company_from_row).collect()
    }

    /// One company.
    pub async fn company(&self, code: &str) -> Result<Option<Company>, ErpError> {
        let row =
            sqlx::query("SELECT code, name, environment, prefix FROM companies WHERE code = $1")
                .bind(code.to_owned())
                .fetch_optional(&self.pool)
                .await?;
        row.as_ref().map(company_from_row).transpose()
    }

    /// Whether a company holds production or test data.
    pub async fn environment(&self, code: &str) -> Result<Environment, ErpError> {
        self.company(code)
            .await?
            .map(|c| c.environment)
            .ok_or_else(|| ErpError::UnknownCompany(code.to_owned()))
    }

    /// Last change number handed out in a company (the cursor that means "up to now").
    pub async fn last_change_seq(&self, company: &str) -> Result<ChangeSeq, ErpError> {
        let seq: Option<i64> =
            sqlx::query_scalar("SELECT last_seq FROM change_counters WHERE company_code = $1")
                .bind(company.to_owned())
                .fetch_optional(&self.pool)
                .await?;
        seq.map(ChangeSeq)
            .ok_or_else(|| ErpError::UnknownCompany(company.to_owned()))
    }

    /// Inserts or updates records in one transaction, stamping them as changed by `by`.
    ///
    /// Every record is validated first; nothing is written if one is refused. A record identical
    /// to the stored row is left untouched (its `change_seq` does not move), so re-applying a
    /// sync is not itself a change.
    pub async fn upsert<R: ErpRecord>(
        &self,
        company: &str,
        records: &[R],
        by: ChangeOrigin,
    ) -> Result<UpsertReport, ErpError> {
        self.write(company, records, by, WriteMode::Upsert).await
    }

    /// Inserts new records in one transaction; a key that already exists refuses the whole batch
    /// with [`ErpError::Duplicate`].
    pub async fn create<R: ErpRecord>(
        &self,
        company: &str,
        records: &[R],
        by: ChangeOrigin,
    ) -> Result<UpsertReport, ErpError> {
        self.write(company, records, by, WriteMode::Create).await
    }

    async fn write<R: ErpRecord>(
        &self,
        company: &str,
        records: &[R],
        by: ChangeOrigin,
        mode: WriteMode,
    ) -> Result<UpsertReport, ErpError> {
        if records.is_empty() {
            return Ok(UpsertReport::default());
        }
        let mut keys = HashSet::with_capacity(records.len());
        for record in records {
            record.validate()?;
            if !keys.insert(record.key()) {
                return Err(ErpError::Duplicate {
                    record: R::LABEL,
                    key: record.key().text(),
                });
            }
        }
        let sql = self.write_sql::<R>(mode);
        let mut tx = self.pool.begin().await?;
        let last = reserve_seqs(&mut tx, company, records.len() as i64).await?;
        let first = last - records.len() as i64 + 1;
        let at = now_text();
        let mut report = UpsertReport::default();
        for (seq, record) in (first..).zip(records) {
            let mut query = sqlx::query(&sql).bind(company.to_owned());
            for value in record.to_values() {
                query = bind_value(query, value);
            }
            let result = query
                .bind(at.clone())
                .bind(seq)
                .bind(by.code())
                .fetch_optional(&mut *tx)
                .await;
            match result {
                Ok(Some(_)) => report.written += 1,
                Ok(None) => report.unchanged += 1,
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    return Err(ErpError::Duplicate {
                        record: R::LABEL,
                        key: record.key().text(),
                    })
                }
                // The row's own statement failed (a reference to a record that does not exist,
                // most often): name the record so the user can find it.
                Err(sqlx::Error::Database(e)) => {
                    return Err(ErpError::Rejected {
                        record: R::LABEL,
                        key: record.key().text(),
                        reason: e.message().to_owned(),
                    })
                }
                Err(e) => return Err(e.into()),
            }
        }
        tx.commit().await?;
        Ok(report)
    }

    fn write_sql<R: ErpRecord>(&self, mode: WriteMode) -> String {
        let b = self.backend;
        let n = R::COLUMNS.len();
        let columns: Vec<&str> = R::COLUMNS.iter().map(|c| c.name).collect();
        let params: Vec<String> = R::COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| b.param(c.kind, i + 2))
            .collect();
        let mut sql = format!(
            "INSERT INTO {table} (company_code, {columns}, changed_at, change_seq, changed_by) \
             VALUES ($1, {params}, {at}, ${seq}, ${by})",
            table = R::TABLE,
            columns = columns.join(", "),
            params = params.join(", "),
            at = b.timestamp_param(n + 2),
            seq = n + 3,
            by = n + 4,
        );
        if mode == WriteMode::Upsert {
            let data: Vec<&str> = columns
                .iter()
                .copied()
                .filter(|c| !R::KEY_COLUMNS.contains(c))
                .collect();
            let set: Vec<String> = data
                .iter()
                .chain(&["changed_at", "change_seq", "changed_by"])
                .map(|c| format!("{c} = excluded.{c}"))
                .collect();
            let differs: Vec<String> = data
                .iter()
                .map(|c| format!("{t}.{c} {op} excluded.{c}", t = R::TABLE, op = b.distinct()))
                .collect();
            sql.push_str(&format!(
                " ON CONFLICT (company_code, {keys}) DO UPDATE SET {set} WHERE {differs}",
                keys = R::KEY_COLUMNS.join(", "),
                set = set.join(", "),
                differs = differs.join(" OR "),
            ));
        }
        sql.push_str(" RETURNING change_seq");
        sql
    }

    /// The record's columns, then `changed_at`, `change_seq` and `changed_by`, named `c0`,
    /// `c1`… in that order (see [`ErpStore::read_changed`]).
    fn select_list<R: ErpRecord>(&self) -> String {
        let b = self.backend;
        let mut items: Vec<String> = R::COLUMNS.iter().map(|c| b.read(c.kind, c.name)).collect();
        items.push(b.timestamp_read("changed_at"));
        items.push("change_seq".to_owned());
        items.push("changed_by".to_owned());
        let items: Vec<String> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| format!("{item} AS c{i}"))
            .collect();
        items.join(", ")
    }

    /// The `select_list` name of each key column, for ordering a page by key.
    fn key_order<R: ErpRecord>() -> String {
        let names: Vec<String> = R::KEY_COLUMNS
            .iter()
            .map(|k| {
                let i = R::COLUMNS.iter().position(|c| c.name == *k).unwrap_or(0);
                format!("c{i}")
            })
            .collect();
        names.join(", ")
    }

    /// Runs `page` (a `SELECT {select_list} …` with its binds) and reads its rows, in `order`
    /// (over the `select_list` names). The database hands the page over as one JSON text:
    /// row by row, sqlx sends each row from its connection thread as a message of its own and
    /// `Any` copies the row's column descriptions with it, which cost more than the values on
    /// pages of thousands (a large company's change feed holds a million project costs).
    async fn read_changed<R: ErpRecord>(
        &self,
        page: &str,
        binds: Vec<Value>,
        order: &str,
    ) -> Result<Vec<Changed<R>>, ErpError> {
        let sql = self
            .backend
            .json_rows(page, R::COLUMNS.len() + META_COLUMNS, order);
        let mut query = sqlx::query(&sql);
        for value in binds {
            query = bind_value(query, value);
        }
        let row = query.fetch_one(&self.pool).await?;
        let text: String = row.try_get(0).map_err(|e| corrupt(R::TABLE, "(page)", e))?;
        changed_from_json::<R>(&text)
    }

    /// Records changed after `since`, at most `limit` (capped at [`MAX_BATCH`]), in
    /// `change_seq` order.
    pub async fn changes_since<R: ErpRecord>(
        &self,
        company: &str,
        since: ChangeSeq,
        limit: u32,
    ) -> Result<ChangeBatch<R>, ErpError> {
        let limit = limit.clamp(1, MAX_BATCH);
        // Read one more than asked so `has_more` is known without a second query.
        let page = format!(
            "SELECT {select} FROM {table} WHERE company_code = $1 AND change_seq > $2 \
             ORDER BY change_seq LIMIT $3",
            select = self.select_list::<R>(),
            table = R::TABLE,
        );
        let seq = format!("c{}", R::COLUMNS.len() + 1);
        let binds = vec![
            Value::Text(Some(company.to_owned())),
            Value::Integer(Some(since.0)),
            Value::Integer(Some(i64::from(limit) + 1)),
        ];
        let mut changes = self.read_changed::<R>(&page, binds, &seq).await?;
        let has_more = changes.len() > limit as usize;
        changes.truncate(limit as usize);
        let high_water = changes.last().map_or(since, |c| c.meta.seq);
        Ok(ChangeBatch {
            changes,
            high_water,
            has_more,
        })
    }

    /// One record by natural key, with its change metadata.
    pub async fn get<R: ErpRecord>(
        &self,
        company: &str,
        key: &R::Key,
    ) -> Result<Option<Changed<R>>, ErpError> {
        let filter: Vec<String> = R::KEY_COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let kind = column(R::COLUMNS, c).map_or(ColumnKind::Text, |c| c.kind);
                format!("{c} = {}", self.backend.param(kind, i + 2))
            })
            .collect();
        let page = format!(
            "SELECT {select} FROM {table} WHERE company_code = $1 AND {filter}",
            select = self.select_list::<R>(),
            table = R::TABLE,
            filter = filter.join(" AND "),
        );
        let mut binds = vec![Value::Text(Some(company.to_owned()))];
        binds.extend(key.values());
        let found = self
            .read_changed(&page, binds, &Self::key_order::<R>())
            .await?;
        Ok(found.into_iter().next())
    }

    /// Every record of one project in natural-key order: the table's key starts with the
    /// company and the project, so this is a range of its primary index.
    pub async fn of_project<R: ProjectScoped>(
        &self,
        company: &str,
        project_number: &str,
    ) -> Result<Vec<Changed<R>>, ErpError> {
        let page = format!(
            "SELECT {select} FROM {table} WHERE company_code = $1 AND project_number = $2",
            select = self.select_list::<R>(),
            table = R::TABLE,
        );
        let binds = vec![
            Value::Text(Some(company.to_owned())),
            Value::Text(Some(project_number.to_owned())),
        ];
        self.read_changed(&page, binds, &Self::key_order::<R>())
            .await
    }

    /// Every record of a company in natural-key order (for checks; an export reads them a page
    /// at a time, [`ErpStore::pages`]).
    pub async fn all<R: ErpRecord>(&self, company: &str) -> Result<Vec<Changed<R>>, ErpError> {
        self.all_by_pages(company, MAX_BATCH).await
    }

    /// [`ErpStore::all`], read `page` records at a time.
    pub async fn all_by_pages<R: ErpRecord>(
        &self,
        company: &str,
        page: u32,
    ) -> Result<Vec<Changed<R>>, ErpError> {
        let mut pages = self.pages::<R>(company, page);
        let mut all = Vec::new();
        while let Some(read) = pages.next_page().await? {
            all.extend(read);
        }
        Ok(all)
    }

    /// Every record of a company in natural-key order, `page` records at a time, each page
    /// starting after the last key of the one before: a page is one JSON text, and a whole
    /// table in one would meet SQLite's limit on a value's length (a gigabyte) in a company of
    /// a few million costs; and an export holds one page, not the table.
    pub fn pages<R: ErpRecord>(&self, company: &str, page: u32) -> KeyPages<'_, R> {
        let b = self.backend;
        let keys = R::KEY_COLUMNS.join(", ");
        let after: Vec<String> = R::KEY_COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let kind = column(R::COLUMNS, c).map_or(ColumnKind::Text, |c| c.kind);
                b.param(kind, i + 3)
            })
            .collect();
        let first = format!(
            "SELECT {select} FROM {table} WHERE company_code = $1 ORDER BY {keys} LIMIT $2",
            select = self.select_list::<R>(),
            table = R::TABLE,
        );
        let next = format!(
            "SELECT {select} FROM {table} WHERE company_code = $1 AND ({keys}) > ({after}) \
             ORDER BY {keys} LIMIT $2",
            select = self.select_list::<R>(),
            table = R::TABLE,
            after = after.join(", "),
        );
        KeyPages {
            store: self,
            company: company.to_owned(),
            page: page.max(1),
            first,
            next,
            order: Self::key_order::<R>(),
            after: None,
            done: false,
            record: std::marker::PhantomData,
        }
    }

    /// Writes the Modification column of budget lines in one transaction; the original budget is
    /// never touched. A line maestro* does not have yet is created with an original of zero
    /// (its activity must exist).
    pub async fn set_budget_modifications(
        &self,
        company: &str,
        modifications: &[BudgetModification],
        by: ChangeOrigin,
    ) -> Result<UpsertReport, ErpError> {
        if modifications.is_empty() {
            return Ok(UpsertReport::default());
        }
        let mut keys = HashSet::with_capacity(modifications.len());
        for m in modifications {
            let probe = BudgetLine {
                project_number: m.project_number.clone(),
                activity_code: m.activity_code.clone(),
                cost_type: m.cost_type.clone(),
                original: rust_decimal::Decimal::ZERO,
                modification: m.modification,
            };
            probe.validate()?;
            if !keys.insert(probe.key()) {
                return Err(ErpError::Duplicate {
                    record: BudgetLine::LABEL,
                    key: probe.key().text(),
                });
            }
        }
        let b = self.backend;
        let sql = format!(
            "INSERT INTO budgets (company_code, project_number, activity_code, cost_type, original, \
             modification, changed_at, change_seq, changed_by) \
             VALUES ($1, $2, $3, $4, {zero}, {modification}, {at}, $7, $8) \
             ON CONFLICT (company_code, project_number, activity_code, cost_type) DO UPDATE SET \
             modification = excluded.modification, changed_at = excluded.changed_at, \
             change_seq = excluded.change_seq, changed_by = excluded.changed_by \
             WHERE budgets.modification {op} excluded.modification \
             RETURNING change_seq",
            zero = match b {
                Backend::Sqlite => format!("'{}'", canonical_decimal(rust_decimal::Decimal::ZERO)),
                Backend::Postgres => "0".to_owned(),
            },
            modification = b.param(ColumnKind::Decimal, 5),
            at = b.timestamp_param(6),
            op = b.distinct(),
        );
        let mut tx = self.pool.begin().await?;
        let last = reserve_seqs(&mut tx, company, modifications.len() as i64).await?;
        let first = last - modifications.len() as i64 + 1;
        let at = now_text();
        let mut report = UpsertReport::default();
        for (seq, m) in (first..).zip(modifications) {
            let written = sqlx::query(&sql)
                .bind(company.to_owned())
                .bind(m.project_number.clone())
                .bind(m.activity_code.clone())
                .bind(m.cost_type.clone())
                .bind(canonical_decimal(m.modification))
                .bind(at.clone())
                .bind(seq)
                .bind(by.code())
                .fetch_optional(&mut *tx)
                .await?;
            if written.is_some() {
                report.written += 1;
            } else {
                report.unchanged += 1;
            }
        }
        tx.commit().await?;
        Ok(report)
    }
}

/// Takes `count` numbers from the company's counter and returns the last one.
///
/// This is the first write of every transaction: in PostgreSQL the counter row stays locked until
/// commit, so a transaction holding a higher number always commits after the ones holding lower
/// numbers, and a reader that has seen number N can never later find an N-1 appearing behind its
/// cursor. SQLite has a single writer, which gives the same guarantee.
async fn reserve_seqs(
    conn: &mut AnyConnection,
    company: &str,
    count: i64,
) -> Result<i64, ErpError> {
    let last: Option<i64> = sqlx::query_scalar(
        "UPDATE change_counters SET last_seq = last_seq + $2 WHERE company_code = $1 \
         RETURNING last_seq",
    )
    .bind(company.to_owned())
    .bind(count)
    .fetch_optional(&mut *conn)
    .await?;
    last.ok_or_else(|| ErpError::UnknownCompany(company.to_owned()))
}

fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn column<'a>(columns: &'a [Column], name: &str) -> Option<&'a Column> {
    columns.iter().find(|c| c.name == name)
}

fn bind_value<'q>(
    query: Query<'q, Any, AnyArguments<'q>>,
    value: Value,
) -> Query<'q, Any, AnyArguments<'q>> {
    match value {
        Value::Text(v) => query.bind(v),
        Value::Integer(v) => query.bind(v),
        Value::Bool(v) => query.bind(v),
        // Text, not a float: exactness is the point of the column.
        Value::Decimal(v) => query.bind(v.map(canonical_decimal)),
        Value::Date(v) => query.bind(v.map(|d| d.format("%Y-%m-%d").to_string())),
    }
}

fn corrupt(table: &'static str, column: &'static str, reason: impl ToString) -> ErpError {
    ErpError::Corrupt {
        table,
        column,
        reason: reason.to_string(),
    }
}

/// A value of `column` from a page's JSON (see [`Backend::json_rows`]): text, an integer, a flag
/// as 0 or 1, or null. Anything else is corrupt data, named by table and column.
fn json_value(
    cell: serde_json::Value,
    table: &'static str,
    column: &Column,
) -> Result<Value, ErpError> {
    use serde_json::Value as Json;
    let kind = column.kind;
    Ok(match (kind, cell) {
        (_, Json::Null) => Value::null(kind),
        (ColumnKind::Integer, Json::Number(n)) => {
            Value::Integer(Some(n.as_i64().ok_or_else(|| {
                corrupt(table, column.name, format!("{n} is not an integer"))
            })?))
        }
        (ColumnKind::Bool, Json::Number(n)) => Value::Bool(Some(n.as_i64() != Some(0))),
        (ColumnKind::Text, Json::String(s)) => Value::Text(Some(s)),
        (ColumnKind::Decimal | ColumnKind::Date, Json::String(s)) => {
            Value::parse(kind, &s).map_err(|e| corrupt(table, column.name, e))?
        }
        (_, other) => {
            return Err(corrupt(
                table,
                column.name,
                format!("{other} where {kind:?} was expected"),
            ))
        }
    })
}

/// The records of a page read by [`ErpStore::read_changed`].
fn changed_from_json<R: ErpRecord>(text: &str) -> Result<Vec<Changed<R>>, ErpError> {
    let rows: Vec<Vec<serde_json::Value>> =
        serde_json::from_str(text).map_err(|e| corrupt(R::TABLE, "(page)", e))?;
    rows.into_iter().map(changed_from_cells::<R>).collect()
}

fn changed_from_cells<R: ErpRecord>(row: Vec<serde_json::Value>) -> Result<Changed<R>, ErpError> {
    let n = R::COLUMNS.len();
    if row.len() != n + META_COLUMNS {
        return Err(corrupt(
            R::TABLE,
            "(page)",
            format!("{} columns where {} were read", row.len(), n + META_COLUMNS),
        ));
    }
    let mut cells = row.into_iter();
    let mut values = Vec::with_capacity(n);
    // Columns first: `zip` asks its first iterator first, and must not take a meta cell.
    for (column, cell) in R::COLUMNS.iter().zip(cells.by_ref()) {
        values.push(json_value(cell, R::TABLE, column)?);
    }
    let record =
        R::from_values(values).map_err(|(column, reason)| corrupt(R::TABLE, column, reason))?;
    let mut meta = |column: &'static str| {
        let cell = cells.next().unwrap_or_default();
        (column, cell)
    };
    let (name, at) = meta("changed_at");
    let at = at
        .as_str()
        .ok_or_else(|| corrupt(R::TABLE, name, format!("{at} is not a timestamp")))
        .and_then(|at| DateTime::parse_from_rfc3339(at).map_err(|e| corrupt(R::TABLE, name, e)))?
        .with_timezone(&Utc);
    let (name, seq) = meta("change_seq");
    let seq = seq
        .as_i64()
        .ok_or_else(|| corrupt(R::TABLE, name, format!("{seq} is not an integer")))?;
    let (name, by) = meta("changed_by");
    let by = by
        .as_str()
        .ok_or_else(|| corrupt(R::TABLE, name, format!("{by} is not text")))
        .and_then(|by| ChangeOrigin::from_str(by).map_err(|e| corrupt(R::TABLE, name, e)))?;
    Ok(Changed {
        record,
        meta: ChangeMeta {
            seq: ChangeSeq(seq),
            at,
            by,
        },
    })
}

fn company_from_row(row: &AnyRow) -> Result<Company, ErpError> {
    let get = |i: usize, column: &'static str| -> Result<Option<String>, ErpError> {
        row.try_get::<Option<String>, _>(i)
            .map_err(|e| corrupt("companies", column, e))
    };
    let environment = get(2, "environment")?.unwrap_or_default();
    Ok(Company {
        code: get(0, "code")?.unwrap_or_default(),
        name: get(1, "name")?.unwrap_or_default(),
        environment: environment
            .parse()
            .map_err(|e| corrupt("companies", "environment", e))?,
        prefix: get(3, "prefix")?,
    })
}

/// The pages of [`ErpStore::pages`].
pub struct KeyPages<'s, R> {
    store: &'s ErpStore,
    company: String,
    page: u32,
    first: String,
    next: String,
    order: String,
    /// The key of the last record read.
    after: Option<Vec<Value>>,
    done: bool,
    record: std::marker::PhantomData<fn() -> R>,
}

impl<R: ErpRecord> KeyPages<'_, R> {
    /// The next page, or `None` once every record was read.
    pub async fn next_page(&mut self) -> Result<Option<Vec<Changed<R>>>, ErpError> {
        if self.done {
            return Ok(None);
        }
        let mut binds = vec![
            Value::Text(Some(self.company.clone())),
            Value::Integer(Some(i64::from(self.page))),
        ];
        let sql = match &self.after {
            None => &self.first,
            Some(key) => {
                binds.extend(key.iter().cloned());
                &self.next
            }
        };
        let read = self
            .store
            .read_changed::<R>(sql, binds, &self.order)
            .await?;
        self.done = read.len() < self.page as usize;
        self.after = read.last().map(|c| c.record.key().values());
        Ok((!read.is_empty()).then_some(read))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::Supplier;

    /// A supplier row as the page query reads it: the record's columns, then the change
    /// metadata.
    fn supplier_row() -> Vec<serde_json::Value> {
        let mut row: Vec<serde_json::Value> = Supplier::COLUMNS
            .iter()
            .map(|c| match c.kind {
                ColumnKind::Bool => json!(1),
                ColumnKind::Integer => json!(7),
                _ if c.nullable => json!(null),
                _ => json!("ACTIVE"),
            })
            .collect();
        row.extend([
            json!("2026-12-05T10:00:00.000000Z"),
            json!(42),
            json!("user"),
        ]);
        row
    }

    fn column_index(name: &str) -> usize {
        Supplier::COLUMNS
            .iter()
            .position(|c| c.name == name)
            .expect("a supplier column")
    }

    #[test]
    fn a_page_of_one_row_reads() {
        let text = serde_json::to_string(&vec![supplier_row()]).unwrap();
        let mut row = supplier_row();
        row[column_index("status")] = json!("A");
        let text_ok = serde_json::to_string(&vec![row]).unwrap();
        // The status column takes known values only: the first row is refused by the record,
        // the second reads.
        assert!(changed_from_json::<Supplier>(&text).is_err());
        let read = changed_from_json::<Supplier>(&text_ok).expect("a valid row");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].meta.seq, ChangeSeq(42));
        assert_eq!(read[0].meta.by, ChangeOrigin::User);
        assert_eq!(changed_from_json::<Supplier>("[]").unwrap(), []);
    }

    /// Corrupt data in the ERP database is refused with the table and the column it is in.
    #[test]
    fn a_corrupt_cell_names_its_table_and_column() {
        let mut valid = supplier_row();
        valid[column_index("status")] = json!("A");
        let named = |row: Vec<serde_json::Value>| -> (&'static str, &'static str) {
            let text = serde_json::to_string(&vec![row]).unwrap();
            match changed_from_json::<Supplier>(&text) {
                Err(ErpError::Corrupt { table, column, .. }) => (table, column),
                other => panic!("expected a corrupt-data error, got {other:?}"),
            }
        };
        let mut row = valid.clone();
        row[column_index("name")] = json!(12);
        assert_eq!(named(row), ("suppliers", "name"));
        let mut row = valid.clone();
        row[column_index("linked_to_procore")] = json!("yes");
        assert_eq!(named(row), ("suppliers", "linked_to_procore"));
        let n = Supplier::COLUMNS.len();
        let mut row = valid.clone();
        row[n] = json!("yesterday");
        assert_eq!(named(row), ("suppliers", "changed_at"));
        let mut row = valid.clone();
        row[n + 1] = json!("42");
        assert_eq!(named(row), ("suppliers", "change_seq"));
        let mut row = valid.clone();
        row[n + 2] = json!("robot");
        assert_eq!(named(row), ("suppliers", "changed_by"));
        let mut row = valid;
        row.pop();
        assert_eq!(named(row), ("suppliers", "(page)"));
        assert!(matches!(
            changed_from_json::<Supplier>("not json"),
            Err(ErpError::Corrupt {
                table: "suppliers",
                ..
            })
        ));
    }
}
