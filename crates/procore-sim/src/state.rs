//! The simulated Procore world: records of every kind, OAuth grants, per-company settings,
//! plus the runtime-only parts (rate-limit windows, faults, exchange log, request counts).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::config::{RateLimitConfig, SimConfig};
use crate::faults::FaultPlan;
use crate::ratelimit::RateLimiter;

/// Every record kind the simulator stores. Each kind draws ids from its own range so a client
/// that sends a vendor id where a project id belongs gets a 404, as it would from Procore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Company,
    Project,
    Vendor,
    CompanyUser,
    CostCode,
    StandardCostCodeList,
    StandardCostCode,
    LineItemType,
    SubJob,
    WbsCode,
    Uom,
    TaxCode,
    BudgetLineItem,
    BudgetView,
    BudgetModification,
    BudgetChange,
    PrimeContract,
    PrimeContractLineItem,
    PrimeChangeOrder,
    CommitmentChangeOrder,
    ChangeOrderPackage,
    WorkOrderContract,
    PurchaseOrderContract,
    CommitmentLineItem,
    DirectCost,
    DirectCostLineItem,
    Requisition,
    BillingPeriod,
    WebhookHook,
    WebhookTrigger,
}

impl Kind {
    pub const ALL: [Kind; 30] = [
        Kind::Company,
        Kind::Project,
        Kind::Vendor,
        Kind::CompanyUser,
        Kind::CostCode,
        Kind::StandardCostCodeList,
        Kind::StandardCostCode,
        Kind::LineItemType,
        Kind::SubJob,
        Kind::WbsCode,
        Kind::Uom,
        Kind::TaxCode,
        Kind::BudgetLineItem,
        Kind::BudgetView,
        Kind::BudgetModification,
        Kind::BudgetChange,
        Kind::PrimeContract,
        Kind::PrimeContractLineItem,
        Kind::PrimeChangeOrder,
        Kind::CommitmentChangeOrder,
        Kind::ChangeOrderPackage,
        Kind::WorkOrderContract,
        Kind::PurchaseOrderContract,
        Kind::CommitmentLineItem,
        Kind::DirectCost,
        Kind::DirectCostLineItem,
        Kind::Requisition,
        Kind::BillingPeriod,
        Kind::WebhookHook,
        Kind::WebhookTrigger,
    ];

    pub fn as_str(self) -> &'static str {
        self.name()
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Company => "company",
            Kind::Project => "project",
            Kind::Vendor => "vendor",
            Kind::CompanyUser => "company_user",
            Kind::CostCode => "cost_code",
            Kind::StandardCostCodeList => "standard_cost_code_list",
            Kind::StandardCostCode => "standard_cost_code",
            Kind::LineItemType => "line_item_type",
            Kind::SubJob => "sub_job",
            Kind::WbsCode => "wbs_code",
            Kind::Uom => "uom",
            Kind::TaxCode => "tax_code",
            Kind::BudgetLineItem => "budget_line_item",
            Kind::BudgetView => "budget_view",
            Kind::BudgetModification => "budget_modification",
            Kind::BudgetChange => "budget_change",
            Kind::PrimeContract => "prime_contract",
            Kind::PrimeContractLineItem => "prime_contract_line_item",
            Kind::PrimeChangeOrder => "prime_change_order",
            Kind::CommitmentChangeOrder => "commitment_change_order",
            Kind::ChangeOrderPackage => "change_order_package",
            Kind::WorkOrderContract => "work_order_contract",
            Kind::PurchaseOrderContract => "purchase_order_contract",
            Kind::CommitmentLineItem => "commitment_line_item",
            Kind::DirectCost => "direct_cost",
            Kind::DirectCostLineItem => "direct_cost_line_item",
            Kind::Requisition => "requisition",
            Kind::BillingPeriod => "billing_period",
            Kind::WebhookHook => "webhook_hook",
            Kind::WebhookTrigger => "webhook_trigger",
        }
    }

    /// First id of this kind's range: distinct, beyond int32 (Procore ids are int64).
    pub fn id_base(self) -> u64 {
        let index = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0) as u64;
        (index + 1) * 1_000_000_000 + 10_000
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("unknown record kind {s:?}"))
    }
}

/// One stored record. `data` is the Procore representation (minus computed fields); the scope
/// fields decide visibility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub kind: Kind,
    pub id: u64,
    pub company_id: u64,
    #[serde(default)]
    pub project_id: Option<u64>,
    /// Container record: the contract of a line item, the direct cost of a direct-cost line,
    /// the list of a standard cost code, the hook of a trigger.
    #[serde(default)]
    pub parent_id: Option<u64>,
    #[serde(default)]
    pub deleted_at: Option<String>,
    pub data: Map<String, Value>,
}

impl Record {
    pub fn str_field(&self, name: &str) -> Option<&str> {
        self.data.get(name).and_then(Value::as_str)
    }

    pub fn u64_field(&self, name: &str) -> Option<u64> {
        self.data.get(name).and_then(|v| match v {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        })
    }

    pub fn origin_id(&self) -> Option<&str> {
        self.str_field("origin_id").filter(|s| !s.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct App {
    pub name: String,
    pub client_id: String,
    pub client_secret: String,
    pub redirect_uris: Vec<String>,
    /// A developer managed service account: client_credentials only, acting in the
    /// companies that installed it.
    pub service_account: bool,
    pub companies: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginUser {
    pub id: u64,
    pub email: String,
    pub password: String,
    pub name: String,
    pub companies: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessGrant {
    pub client_id: String,
    pub user_id: Option<u64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked: bool,
    pub refresh_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefreshGrant {
    pub client_id: String,
    pub user_id: Option<u64>,
    pub used: bool,
    pub revoked: bool,
    pub access_token: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthCode {
    pub client_id: String,
    pub redirect_uri: String,
    pub user_id: u64,
    pub expires_at: i64,
    pub used: bool,
}

/// OAuth registry and grants. Persisted with the records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthState {
    pub apps: Vec<App>,
    pub users: Vec<LoginUser>,
    pub access_tokens: BTreeMap<String, AccessGrant>,
    pub refresh_tokens: BTreeMap<String, RefreshGrant>,
    pub codes: BTreeMap<String, AuthCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanySettings {
    /// App Management "permitted projects" for the installed apps.
    pub permitted_projects: BTreeSet<u64>,
    /// "Automatically add new projects" (on by default in App Management).
    pub auto_add_projects: bool,
    /// The company migrated from budget modifications to budget changes.
    pub budget_changes: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub companies: BTreeMap<u64, CompanySettings>,
}

/// One request/response pair as seen by the conformance recorder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    pub seq: u64,
    pub received_at: String,
    pub operation_id: Option<String>,
    pub host: String,
    pub method: String,
    pub path: String,
    pub query: String,
    pub status: u16,
    pub request_content_type: Option<String>,
    pub request_body: Value,
    pub response_body: Value,
    /// Response headers as sent (rate-limit, paging, Retry-After…), so tests can check what the
    /// client was told, e.g. that nothing arrived before `X-Rate-Limit-Reset`.
    #[serde(default)]
    pub response_headers: Vec<(String, String)>,
    pub rate_limited: bool,
}

pub const EXCHANGE_LOG_CAPACITY: usize = 50_000;

/// Records that changed since the last write to the store.
#[derive(Debug, Default)]
pub struct Dirty {
    pub records: BTreeSet<(Kind, u64)>,
    pub meta: bool,
    pub everything: bool,
}

#[derive(Debug)]
pub struct World {
    pub records: BTreeMap<Kind, BTreeMap<u64, Record>>,
    pub next_ids: BTreeMap<Kind, u64>,
    pub auth: AuthState,
    pub settings: Settings,
    pub dirty: Dirty,
}

impl World {
    pub fn empty() -> Self {
        World {
            records: BTreeMap::new(),
            next_ids: BTreeMap::new(),
            auth: AuthState::default(),
            settings: Settings::default(),
            dirty: Dirty::default(),
        }
    }

    pub fn allocate_id(&mut self, kind: Kind) -> u64 {
        let next = self.next_ids.entry(kind).or_insert_with(|| kind.id_base());
        let id = *next;
        *next += 1;
        self.dirty.meta = true;
        id
    }

    pub fn get(&self, kind: Kind, id: u64) -> Option<&Record> {
        self.records.get(&kind).and_then(|m| m.get(&id))
    }

    pub fn get_mut(&mut self, kind: Kind, id: u64) -> Option<&mut Record> {
        self.dirty.records.insert((kind, id));
        self.records.get_mut(&kind).and_then(|m| m.get_mut(&id))
    }

    pub fn insert(&mut self, record: Record) {
        self.dirty.records.insert((record.kind, record.id));
        self.records
            .entry(record.kind)
            .or_default()
            .insert(record.id, record);
    }

    pub fn remove(&mut self, kind: Kind, id: u64) -> Option<Record> {
        self.dirty.records.insert((kind, id));
        self.records.get_mut(&kind).and_then(|m| m.remove(&id))
    }

    /// All live (not soft-deleted) records of a kind, in id order.
    pub fn live(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.all(kind).filter(|r| r.deleted_at.is_none())
    }

    pub fn all(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.records.get(&kind).into_iter().flat_map(|m| m.values())
    }

    pub fn company_settings(&self, company_id: u64) -> CompanySettings {
        self.settings
            .companies
            .get(&company_id)
            .cloned()
            .unwrap_or(CompanySettings {
                permitted_projects: BTreeSet::new(),
                auto_add_projects: true,
                budget_changes: true,
            })
    }

    pub fn company_settings_mut(&mut self, company_id: u64) -> &mut CompanySettings {
        self.dirty.meta = true;
        self.settings
            .companies
            .entry(company_id)
            .or_insert_with(|| CompanySettings {
                permitted_projects: BTreeSet::new(),
                auto_add_projects: true,
                budget_changes: true,
            })
    }

    pub fn company_name(&self, company_id: u64) -> Option<String> {
        self.get(Kind::Company, company_id)
            .and_then(|c| c.str_field("name"))
            .map(str::to_owned)
    }
}

/// The simulator clock: real time shifted by a configurable offset, so tests can skew it.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub offset: chrono::Duration,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }

    /// Procore timestamps: second precision, `Z`.
    pub fn stamp(&self) -> String {
        timestamp(self.now())
    }

    pub fn unix(&self) -> i64 {
        self.now().timestamp()
    }
}

pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Everything behind the simulator's lock.
#[derive(Debug)]
pub struct Sim {
    pub world: World,
    pub clock: Clock,
    pub seed: u64,
    pub access_token_lifetime: std::time::Duration,
    pub rate_limits: RateLimitConfig,
    pub limiter: RateLimiter,
    pub faults: FaultPlan,
    pub record_exchanges: bool,
    pub exchanges: VecDeque<Exchange>,
    pub next_exchange: u64,
    pub request_counts: BTreeMap<String, u64>,
    pub login_tickets: BTreeMap<String, LoginTicket>,
    pub config: SimConfig,
}

/// A login that passed the password form and waits for consent.
#[derive(Debug, Clone)]
pub struct LoginTicket {
    pub user_id: u64,
    pub client_id: String,
    pub redirect_uri: String,
    pub state: Option<String>,
}

impl Sim {
    pub fn new(config: SimConfig, world: World) -> Self {
        Sim {
            world,
            clock: Clock {
                offset: config.clock_offset,
            },
            seed: config.seed,
            access_token_lifetime: config.access_token_lifetime,
            rate_limits: config.rate_limits.clone(),
            limiter: RateLimiter::default(),
            faults: FaultPlan::new(config.faults.clone(), config.seed),
            record_exchanges: config.record_exchanges,
            exchanges: VecDeque::new(),
            next_exchange: 1,
            request_counts: BTreeMap::new(),
            login_tickets: BTreeMap::new(),
            config,
        }
    }

    pub fn log_exchange(&mut self, mut exchange: Exchange) {
        if !self.record_exchanges {
            return;
        }
        exchange.seq = self.next_exchange;
        self.next_exchange += 1;
        if self.exchanges.len() >= EXCHANGE_LOG_CAPACITY {
            self.exchanges.pop_front();
        }
        self.exchanges.push_back(exchange);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_distinct_ranges_and_names() {
        let mut bases = BTreeSet::new();
        for kind in Kind::ALL {
            assert!(bases.insert(kind.id_base()));
            assert_eq!(kind.as_str().parse::<Kind>().unwrap(), kind);
            assert!(kind.id_base() >= 1_000_000_000);
        }
    }
}
