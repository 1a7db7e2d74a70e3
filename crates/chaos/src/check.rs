//! The invariants, read from the three stores themselves (the simulator's records, the ERP
//! database, the state database) rather than from what the engine says it did.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use engine::matching::normalize_name;
use procore_sim::{seed, Exchange, Kind};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use sqlx::Row;

use crate::scenario::{field, sqlite_url, Scenario};
use crate::{ChaosError, Sabotage};

/// A broken invariant, with what is needed to reproduce and find it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Violation {
    pub seed: u64,
    /// 1 to 6, as numbered in the crate documentation.
    pub invariant: u8,
    pub detail: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "seed {} invariant {}: {} (reproduce: mpsync-chaos --seed {} --scenarios 1 --keep)",
            self.seed, self.invariant, self.detail, self.seed
        )
    }
}

/// Invariant 5, the gate: after a 429 announcing a reset, nothing may reach the API before it.
pub(crate) fn gate(exchanges: &[Exchange]) -> Vec<String> {
    let mut found = Vec::new();
    let mut closed_until: Option<(DateTime<Utc>, u64)> = None;
    for e in exchanges {
        // The gate guards the API; sign-in and token refreshes go to the login host.
        let Some(operation) = e.operation_id.as_deref() else {
            continue;
        };
        if operation.starts_with("Oauth") {
            continue;
        }
        let Ok(at) = DateTime::parse_from_rfc3339(&e.received_at) else {
            continue;
        };
        let at = at.with_timezone(&Utc);
        if let Some((until, by)) = closed_until {
            // The reset is announced in whole seconds; a little slack for the
            // millisecond stamps of the log.
            if at + chrono::Duration::milliseconds(200) < until {
                found.push(format!(
                    "request #{} ({}) reached Procore at {} while the rate gate was closed until {} by answer #{}",
                    e.seq,
                    e.operation_id.as_deref().unwrap_or("?"),
                    e.received_at,
                    until.to_rfc3339(),
                    by
                ));
            }
        }
        if e.status == 429 {
            let reset = e
                .response_headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("x-rate-limit-reset"))
                .and_then(|(_, v)| v.parse::<i64>().ok())
                .and_then(|s| DateTime::<Utc>::from_timestamp(s, 0));
            if let Some(reset) = reset {
                if closed_until.is_none_or(|(u, _)| reset > u) {
                    closed_until = Some((reset, e.seq));
                }
            }
        }
    }
    found
}

struct Bound {
    entity: String,
    erp_key: String,
    procore_id: u64,
}

/// Everything the checks read, once.
struct Snapshot {
    bindings: Vec<Bound>,
    /// (entity, erp key) and (entity, Procore id) with an error, a warning, a skip or a
    /// conflict recorded in some run.
    reported_erp: BTreeSet<(String, String)>,
    reported_procore: BTreeSet<u64>,
    /// Records with an open conflict.
    conflicted: BTreeSet<(String, String)>,
    procore: BTreeMap<Kind, Vec<Value>>,
}

const KINDS: [Kind; 13] = [
    Kind::Project,
    Kind::Vendor,
    Kind::CompanyUser,
    Kind::CostCode,
    Kind::BudgetLineItem,
    Kind::WorkOrderContract,
    Kind::PurchaseOrderContract,
    Kind::CommitmentChangeOrder,
    Kind::PrimeContract,
    Kind::PrimeChangeOrder,
    Kind::DirectCost,
    Kind::Requisition,
    Kind::CommitmentLineItem,
];

async fn snapshot(s: &Scenario) -> Result<Snapshot, ChaosError> {
    use sqlx::Connection;
    let path = s.state_path();
    let mut db = sqlx::sqlite::SqliteConnection::connect(&sqlite_url(&path))
        .await
        .map_err(|e| ChaosError::Other(format!("opening the state database: {e}")))?;
    let sql = |e: sqlx::Error| ChaosError::Other(format!("reading the state database: {e}"));
    let bindings = sqlx::query(
        "SELECT entity, erp_key, procore_id FROM bindings WHERE pairing_id = $1 AND archived_at IS NULL",
    )
    .bind(s.pairing.0)
    .fetch_all(&mut db)
    .await
    .map_err(sql)?
    .into_iter()
    .map(|r| Bound {
        entity: r.get(0),
        erp_key: r.get(1),
        procore_id: r.get::<i64, _>(2) as u64,
    })
    .collect();
    let mut reported_erp = BTreeSet::new();
    let mut reported_procore = BTreeSet::new();
    for r in sqlx::query(
        "SELECT entity, erp_key, procore_id FROM record_outcomes \
         WHERE status IN ('error', 'warning') OR action IN ('conflict', 'skip')",
    )
    .fetch_all(&mut db)
    .await
    .map_err(sql)?
    {
        let entity: String = r.get(0);
        if let Some(key) = r.get::<Option<String>, _>(1) {
            reported_erp.insert((entity.clone(), key));
        }
        if let Some(id) = r.get::<Option<i64>, _>(2) {
            reported_procore.insert(id as u64);
        }
    }
    let conflicted = sqlx::query(
        "SELECT entity, erp_key FROM conflicts WHERE pairing_id = $1 AND resolved_at IS NULL",
    )
    .bind(s.pairing.0)
    .fetch_all(&mut db)
    .await
    .map_err(sql)?
    .into_iter()
    .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1)))
    .collect();
    let _ = db.close().await;
    let mut procore = BTreeMap::new();
    for kind in KINDS {
        let live: Vec<Value> = s
            .admin
            .records(kind, Some(seed::COMPANY_ID), None)
            .await?
            .into_iter()
            .filter(|r| field(r, "deleted_at").is_null())
            .collect();
        procore.insert(kind, live);
    }
    Ok(Snapshot {
        bindings,
        reported_erp,
        reported_procore,
        conflicted,
        procore,
    })
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.trim().to_owned(),
        other => other.to_string(),
    }
}

fn opt(v: &Option<String>) -> String {
    v.as_deref().unwrap_or("").trim().to_owned()
}

/// Invariants 1 to 3 on the scenario's final state: the violations (invariant, detail) and
/// how many records were checked.
pub(crate) async fn invariants(s: &Scenario) -> Result<(Vec<(u8, String)>, u64), ChaosError> {
    let snap = snapshot(s).await?;
    let mut found: Vec<(u8, String)> = Vec::new();
    let mut checked = 0u64;

    // 1. Exactly once on the Procore side: no two live records of a kind share an origin_id
    // in one container; no two projects share a number; no two vendors a name.
    for (kind, records) in &snap.procore {
        let mut seen: BTreeMap<(Option<u64>, Option<u64>, String), u64> = BTreeMap::new();
        for r in records {
            checked += 1;
            let origin = text(field(r, "origin_id"));
            if origin.is_empty() {
                continue;
            }
            let key = (
                field(r, "project_id").as_u64(),
                field(r, "parent_id").as_u64(),
                origin.clone(),
            );
            let id = field(r, "id").as_u64().unwrap_or(0);
            if let Some(first) = seen.insert(key, id) {
                found.push((
                    1,
                    format!("Procore {kind:?} {first} and {id} both carry origin_id {origin:?}"),
                ));
            }
        }
    }
    let mut numbers: BTreeMap<String, u64> = BTreeMap::new();
    for p in &snap.procore[&Kind::Project] {
        let number = text(field(p, "project_number"));
        let id = field(p, "id").as_u64().unwrap_or(0);
        if !number.is_empty() {
            if let Some(first) = numbers.insert(number.clone(), id) {
                found.push((
                    1,
                    format!("Procore projects {first} and {id} both have number {number:?}"),
                ));
            }
        }
    }
    let mut names: BTreeMap<String, &Value> = BTreeMap::new();
    let describe = |v: &Value| {
        format!(
            "{} ({:?}, origin_id {:?})",
            field(v, "id"),
            text(field(v, "name")),
            text(field(v, "origin_id"))
        )
    };
    for v in &snap.procore[&Kind::Vendor] {
        let name = normalize_name(&text(field(v, "name")));
        if let Some(first) = names.insert(name.clone(), v) {
            // Two maestro* suppliers may share a name (two distinct origins), and Procore's
            // own vendors (no origin) are not ours to judge: a duplicate made by a sync
            // shares an origin with, or has none beside, a record of ours.
            let (a, b) = (text(field(first, "origin_id")), text(field(v, "origin_id")));
            let ours_distinct = !a.is_empty() && !b.is_empty() && a != b;
            let neither_ours = a.is_empty() && b.is_empty();
            if ours_distinct || neither_ours {
                continue;
            }
            found.push((
                1,
                format!(
                    "Procore vendors {} and {} have the same name",
                    describe(first),
                    describe(v)
                ),
            ));
        }
    }
    // Bound records exist on both sides.
    let live_ids: BTreeMap<Kind, BTreeSet<u64>> = snap
        .procore
        .iter()
        .map(|(k, rs)| {
            (
                *k,
                rs.iter().filter_map(|r| field(r, "id").as_u64()).collect(),
            )
        })
        .collect();
    let kind_of = |entity: &str| match entity {
        "projects" => Some(Kind::Project),
        "suppliers" | "customers" => Some(Kind::Vendor),
        "employees" => Some(Kind::CompanyUser),
        "cost_codes" => Some(Kind::CostCode),
        "original_budget" => Some(Kind::BudgetLineItem),
        _ => None,
    };
    let company = &s.company;
    let erp_suppliers = s.erp.all::<erp::Supplier>(company).await?;
    let erp_customers = s.erp.all::<erp::Customer>(company).await?;
    let erp_projects = s.erp.all::<erp::Project>(company).await?;
    let erp_employees = s.erp.all::<erp::Employee>(company).await?;
    let erp_budgets = s.erp.all::<erp::BudgetLine>(company).await?;
    let suppliers: BTreeMap<&str, &erp::Supplier> = erp_suppliers
        .iter()
        .map(|c| (c.record.code.as_str(), &c.record))
        .collect();
    let customers: BTreeMap<&str, &erp::Customer> = erp_customers
        .iter()
        .map(|c| (c.record.code.as_str(), &c.record))
        .collect();
    let projects: BTreeMap<&str, &erp::Project> = erp_projects
        .iter()
        .map(|c| (c.record.number.as_str(), &c.record))
        .collect();
    let employees: BTreeMap<&str, &erp::Employee> = erp_employees
        .iter()
        .map(|c| (c.record.code.as_str(), &c.record))
        .collect();
    let budgets: BTreeMap<String, &erp::BudgetLine> = erp_budgets
        .iter()
        .map(|c| (runner::budgets::line_key(&c.record), &c.record))
        .collect();
    for b in &snap.bindings {
        checked += 1;
        if let Some(kind) = kind_of(&b.entity) {
            if !live_ids[&kind].contains(&b.procore_id) {
                found.push((
                    1,
                    format!(
                        "{} {} is bound to Procore {kind:?} {}, which does not exist",
                        b.entity, b.erp_key, b.procore_id
                    ),
                ));
            }
        }
        let erp_exists = match b.entity.as_str() {
            "projects" => projects.contains_key(b.erp_key.as_str()),
            "suppliers" => suppliers.contains_key(b.erp_key.as_str()),
            "customers" => customers.contains_key(b.erp_key.as_str()),
            "employees" => employees.contains_key(b.erp_key.as_str()),
            "original_budget" => budgets.contains_key(&b.erp_key),
            _ => true,
        };
        if !erp_exists {
            found.push((
                1,
                format!("{} {} is bound but not in maestro*", b.entity, b.erp_key),
            ));
        }
    }
    // And once on the ERP side.
    let mut erp_names: BTreeMap<String, &str> = BTreeMap::new();
    let baseline: BTreeSet<String> = duplicated_names(&s.demo.suppliers);
    for sup in suppliers.values() {
        let name = normalize_name(&sup.name);
        if baseline.contains(&name) {
            continue;
        }
        if let Some(first) = erp_names.insert(name.clone(), sup.code.as_str()) {
            found.push((
                1,
                format!(
                    "maestro* suppliers {first} and {} have the same name ({name:?})",
                    sup.code
                ),
            ));
        }
    }

    // 2. Nothing silently dropped.
    let bound: BTreeSet<(&str, &str)> = snap
        .bindings
        .iter()
        .map(|b| (b.entity.as_str(), b.erp_key.as_str()))
        .collect();
    let bound_procore: BTreeSet<(&str, u64)> = snap
        .bindings
        .iter()
        .map(|b| (b.entity.as_str(), b.procore_id))
        .collect();
    let mut should: Vec<(&str, String)> = Vec::new();
    should.extend(
        projects
            .values()
            .filter(|p| p.linked_to_procore)
            .map(|p| ("projects", p.number.clone())),
    );
    should.extend(
        suppliers
            .values()
            .filter(|p| p.linked_to_procore)
            .map(|p| ("suppliers", p.code.clone())),
    );
    should.extend(
        customers
            .values()
            .filter(|p| p.linked_to_procore)
            .map(|p| ("customers", p.code.clone())),
    );
    should.extend(
        employees
            .values()
            .filter(|p| p.linked_to_procore)
            .map(|p| ("employees", p.code.clone())),
    );
    for (entity, key) in should {
        checked += 1;
        if !bound.contains(&(entity, key.as_str()))
            && !snap
                .reported_erp
                .contains(&(entity.to_owned(), key.clone()))
        {
            found.push((
                2,
                format!("{entity} {key} is flagged for Procore, not synced and no error recorded"),
            ));
        }
    }
    for p in &snap.procore[&Kind::Project] {
        let id = field(p, "id").as_u64().unwrap_or(0);
        checked += 1;
        if !bound_procore.contains(&("projects", id)) && !snap.reported_procore.contains(&id) {
            found.push((
                2,
                format!(
                    "Procore project {id} ({:?}) is neither in maestro* nor reported",
                    text(field(p, "name"))
                ),
            ));
        }
    }

    // 3. Values agree for every synced record with no open conflict; money to the cent.
    let vendors: BTreeMap<u64, &Value> = snap.procore[&Kind::Vendor]
        .iter()
        .filter_map(|v| Some((field(v, "id").as_u64()?, v)))
        .collect();
    let procore_projects: BTreeMap<u64, &Value> = snap.procore[&Kind::Project]
        .iter()
        .filter_map(|v| Some((field(v, "id").as_u64()?, v)))
        .collect();
    let lines: BTreeMap<u64, &Value> = snap.procore[&Kind::BudgetLineItem]
        .iter()
        .filter_map(|v| Some((field(v, "id").as_u64()?, v)))
        .collect();
    let mut totals: BTreeMap<String, (Decimal, Decimal)> = BTreeMap::new();
    for b in &snap.bindings {
        if snap
            .conflicted
            .contains(&(b.entity.clone(), b.erp_key.clone()))
        {
            continue;
        }
        let mut compare = |what: &str, erp: String, procore: String| {
            if erp != procore {
                found.push((
                    3,
                    format!(
                        "{} {} ⇄ Procore {}: {what} is {erp:?} in maestro* and {procore:?} in Procore",
                        b.entity, b.erp_key, b.procore_id
                    ),
                ));
            }
        };
        match b.entity.as_str() {
            "suppliers" | "customers" => {
                let Some(v) = vendors.get(&b.procore_id) else {
                    continue;
                };
                let (name, city) = match b.entity.as_str() {
                    "suppliers" => match suppliers.get(b.erp_key.as_str()) {
                        Some(r) => (r.name.clone(), opt(&r.city)),
                        None => continue,
                    },
                    _ => match customers.get(b.erp_key.as_str()) {
                        Some(r) => (r.name.clone(), opt(&r.city)),
                        None => continue,
                    },
                };
                checked += 1;
                compare("the name", name.trim().to_owned(), text(field(v, "name")));
                compare("the city", city, text(field(v, "city")));
            }
            "projects" => {
                let (Some(p), Some(r)) = (
                    procore_projects.get(&b.procore_id),
                    projects.get(b.erp_key.as_str()),
                ) else {
                    continue;
                };
                checked += 1;
                compare(
                    "the number",
                    r.number.clone(),
                    text(field(p, "project_number")),
                );
                compare(
                    "the name",
                    r.description.trim().to_owned(),
                    text(field(p, "name")),
                );
            }
            "original_budget" => {
                let (Some(l), Some(r)) = (lines.get(&b.procore_id), budgets.get(&b.erp_key)) else {
                    continue;
                };
                checked += 1;
                let procore = decimal(field(l, "original_budget_amount"));
                // Compared as amounts to the cent: 57126.00 and 57126 are one amount.
                compare(
                    "the original budget",
                    r.original.round_dp(2).normalize().to_string(),
                    procore.round_dp(2).normalize().to_string(),
                );
                let t = totals.entry(r.project_number.clone()).or_default();
                t.0 += r.original;
                t.1 += procore;
            }
            _ => {}
        }
    }
    for (project, (erp, procore)) in totals {
        if erp.round_dp(2) != procore.round_dp(2) {
            found.push((
                3,
                format!(
                    "project {project}: the bound budget lines total {erp} in maestro* and {procore} in Procore"
                ),
            ));
        }
    }
    Ok((found, checked))
}

fn decimal(v: &Value) -> Decimal {
    match v {
        Value::String(s) => s.trim().parse().unwrap_or_default(),
        Value::Number(n) => n.to_string().parse().unwrap_or_default(),
        _ => Decimal::ZERO,
    }
}

fn duplicated_names(suppliers: &[erp::Supplier]) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut twice = BTreeSet::new();
    for s in suppliers {
        let name = normalize_name(&s.name);
        if !seen.insert(name.clone()) {
            twice.insert(name);
        }
    }
    twice
}

/// Plants the defect a broken engine would leave, for the checker to find.
pub(crate) async fn sabotage(s: &mut Scenario, what: Sabotage) -> Result<(), ChaosError> {
    use sqlx::Connection;
    let vendors = s.vendors().await?;
    let snap = snapshot(s).await?;
    let Some(bound) = snap.bindings.iter().find(|b| {
        b.entity == "suppliers"
            && !snap
                .conflicted
                .contains(&(b.entity.clone(), b.erp_key.clone()))
            && vendors
                .iter()
                .any(|v| field(v, "id").as_u64() == Some(b.procore_id))
    }) else {
        return Err(ChaosError::Other("no bound supplier to sabotage".into()));
    };
    let vendor = vendors
        .iter()
        .find(|v| field(v, "id").as_u64() == Some(bound.procore_id))
        .cloned()
        .unwrap_or(Value::Null);
    match what {
        Sabotage::Duplicate => {
            s.admin
                .insert_record(
                    Kind::Vendor,
                    seed::COMPANY_ID,
                    None,
                    None,
                    // Procore refuses a second origin_id, so a lost binding's duplicate is a
                    // vendor with the same name and none.
                    json!({"name": field(&vendor, "name"), "is_active": true}),
                )
                .await?;
        }
        Sabotage::Drift => {
            s.admin
                .update_record(
                    Kind::Vendor,
                    bound.procore_id,
                    json!({"city": "Chibougamau (changed behind the engine)"}),
                )
                .await?;
        }
        Sabotage::Drop => {
            let mut db = sqlx::sqlite::SqliteConnection::connect(&sqlite_url(&s.state_path()))
                .await
                .map_err(|e| ChaosError::Other(e.to_string()))?;
            for sql in [
                "DELETE FROM bindings WHERE entity = $1 AND erp_key = $2",
                "DELETE FROM record_outcomes WHERE entity = $1 AND erp_key = $2",
                "DELETE FROM conflicts WHERE entity = $1 AND erp_key = $2",
            ] {
                sqlx::query(sql)
                    .bind(&bound.entity)
                    .bind(&bound.erp_key)
                    .execute(&mut db)
                    .await
                    .map_err(|e| ChaosError::Other(e.to_string()))?;
            }
            let _ = db.close().await;
        }
    }
    Ok(())
}
