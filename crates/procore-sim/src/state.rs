//! The simulated Procore world: records of every kind, OAuth grants, per-company settings,
//! plus the runtime-only parts (rate-limit windows, faults, exchange log, request counts).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::str::FromStr;
use std::sync::Mutex;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::{RateLimitConfig, SimConfig};
use crate::faults::FaultPlan;
use crate::fields::{Field, Fields};
use crate::index::Indexes;
use crate::ratelimit::RateLimiter;
use crate::records::RecordTable;

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
    pub data: Fields,
}

impl Record {
    pub fn str_field(&self, name: &str) -> Option<&str> {
        self.data.get(name).and_then(Field::as_str)
    }

    pub fn u64_field(&self, name: &str) -> Option<u64> {
        self.data.get(name).and_then(|v| match v {
            Field::Str(s) => s.parse().ok(),
            number => number.as_u64(),
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

/// The records (by kind, then id) and what is persisted with them. The record maps are
/// private so that every change goes through `insert`, `update` or `remove`, which keep the
/// secondary indexes in step.
#[derive(Debug)]
pub struct World {
    /// By `Kind as usize`.
    records: [RecordTable; Kind::ALL.len()],
    index: Indexes,
    pub next_ids: BTreeMap<Kind, u64>,
    pub auth: AuthState,
    pub settings: Settings,
    pub dirty: Dirty,
    /// How many times records of each kind (by `Kind as usize`) were changed or removed: what
    /// a memoised rendering depends on (see [`Renderings`]). Adding a record changes no other
    /// record's rendering.
    changes: [u64; Kind::ALL.len()],
    /// Behind a lock only so that a world can be shared (read) between threads; a world is
    /// used by one request at a time, so it is never contended.
    renderings: Mutex<Renderings>,
}

/// JSON of referenced records as answers show them (a direct cost line's cost code, cost type
/// and WBS code, its company and project), kept while nothing they are drawn from changed: a
/// sync action's thousand lines name the same few records, and building each of them as a map
/// and rendering it again was a fifth of the simulator's work on the benchmark's costs.
#[derive(Debug, Default)]
pub struct Renderings {
    entries: HashMap<RenderingKey, (u64, Box<[u8]>), foldhash::fast::RandomState>,
}

/// What a rendering shows (a tag of the caller's choosing and a record) and the address of
/// the contract shape it was rendered with: shapes live as long as the process.
pub type RenderingKey = (u8, Kind, u64, usize);

/// How many renderings are kept at most before they start over: a few MiB.
const RENDERINGS_KEPT: usize = 50_000;

impl World {
    pub fn empty() -> Self {
        World {
            records: Kind::ALL.map(|k| RecordTable::new(k.id_base())),
            index: Indexes::default(),
            next_ids: BTreeMap::new(),
            auth: AuthState::default(),
            settings: Settings::default(),
            dirty: Dirty::default(),
            changes: [0; Kind::ALL.len()],
            renderings: Mutex::default(),
        }
    }

    /// A stamp of the records of `kinds`: it differs once any of them was changed or removed.
    pub fn changes_of(&self, kinds: &[Kind]) -> u64 {
        kinds.iter().map(|k| self.changes[*k as usize]).sum()
    }

    /// Appends the rendering kept under `key` if it was made at `stamp`, or the one `render`
    /// makes now (kept for next time).
    pub fn rendered(
        &self,
        key: RenderingKey,
        stamp: u64,
        out: &mut Vec<u8>,
        render: impl FnOnce(&mut Vec<u8>),
    ) {
        let kept = || {
            self.renderings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some((at, text)) = kept().entries.get(&key) {
            if *at == stamp {
                out.extend_from_slice(text);
                return;
            }
        }
        // Not under the lock: rendering may look records up, never renderings.
        let start = out.len();
        render(out);
        let mut kept = kept();
        if kept.entries.len() >= RENDERINGS_KEPT {
            kept.entries.clear();
        }
        kept.entries.insert(key, (stamp, out[start..].into()));
    }

    pub fn allocate_id(&mut self, kind: Kind) -> u64 {
        let next = self.next_ids.entry(kind).or_insert_with(|| kind.id_base());
        let id = *next;
        *next += 1;
        self.dirty.meta = true;
        id
    }

    pub fn get(&self, kind: Kind, id: u64) -> Option<&Record> {
        self.records[kind as usize].get(id)
    }

    /// Changes a record in place and re-indexes it, whatever `change` touched (scope fields,
    /// `deleted_at`, `origin_id`, referenced ids). `None` when there is no such record.
    ///
    /// # Panics
    /// If `change` alters the record's kind or id, which are its key.
    pub fn update<T>(
        &mut self,
        kind: Kind,
        id: u64,
        change: impl FnOnce(&mut Record) -> T,
    ) -> Option<T> {
        let record = self.records[kind as usize].get_mut(id)?;
        self.dirty.records.insert((kind, id));
        self.changes[kind as usize] += 1;
        self.index.remove(record);
        let out = change(record);
        assert!(
            record.kind == kind && record.id == id,
            "a record's kind and id cannot change"
        );
        self.index.add(record);
        Some(out)
    }

    /// Adds a record, replacing the one with the same kind and id if any.
    pub fn insert(&mut self, record: Record) {
        self.dirty.records.insert((record.kind, record.id));
        let kind = record.kind as usize;
        if let Some(old) = self.records[kind].get(record.id) {
            self.index.remove(old);
            self.changes[kind] += 1;
        }
        self.index.add(&record);
        self.records[kind].insert(record);
    }

    pub fn remove(&mut self, kind: Kind, id: u64) -> Option<Record> {
        self.dirty.records.insert((kind, id));
        let removed = self.records[kind as usize].remove(id);
        if let Some(r) = &removed {
            self.index.remove(r);
            self.changes[kind as usize] += 1;
        }
        removed
    }

    fn by_ids<'a>(
        &'a self,
        kind: Kind,
        ids: impl IntoIterator<Item = &'a u64> + 'a,
    ) -> impl Iterator<Item = &'a Record> + 'a {
        let records = &self.records[kind as usize];
        ids.into_iter().filter_map(move |id| records.get(*id))
    }

    /// Records of a kind (soft-deleted too) whose `company_id` is `company_id`, in id order.
    pub fn in_company(&self, kind: Kind, company_id: u64) -> impl Iterator<Item = &Record> {
        self.by_ids(
            kind,
            self.index
                .in_company(kind, company_id)
                .into_iter()
                .flatten(),
        )
    }

    /// Records of a kind (soft-deleted too) whose `project_id` is `project_id`, in id order.
    pub fn in_project(&self, kind: Kind, project_id: Option<u64>) -> impl Iterator<Item = &Record> {
        self.by_ids(
            kind,
            self.index
                .in_project(kind, project_id)
                .into_iter()
                .flatten(),
        )
    }

    /// Records of a kind (soft-deleted too) whose container is `parent_id`, in id order.
    pub fn children(&self, kind: Kind, parent_id: u64) -> impl Iterator<Item = &Record> {
        self.by_ids(kind, self.index.children(kind, parent_id))
    }

    /// Records of a kind (soft-deleted too) whose `field`, one of the indexed references
    /// (`index::REFERENCES`), names `target`, in id order.
    pub fn referencing(
        &self,
        kind: Kind,
        field: &str,
        target: u64,
    ) -> impl Iterator<Item = &Record> {
        self.by_ids(
            kind,
            self.index
                .referencing(kind, field, target)
                .into_iter()
                .flatten(),
        )
    }

    /// Live records of a kind in a company carrying `origin_id`, in id order.
    pub fn live_with_origin<'a>(
        &'a self,
        kind: Kind,
        company_id: u64,
        origin: &'a str,
    ) -> impl Iterator<Item = &'a Record> + 'a {
        self.by_ids(
            kind,
            self.index.live_with_origin_hash(kind, company_id, origin),
        )
        .filter(move |r| r.origin_id() == Some(origin))
    }

    /// Panics unless the indexes equal indexes rebuilt from the records and every indexed
    /// lookup answers what a scan of the records answers.
    #[cfg(test)]
    pub(crate) fn assert_indexes_consistent(&self) {
        let all = || self.records.iter().flat_map(RecordTable::values);
        assert_eq!(
            self.index,
            Indexes::build(all()),
            "the maintained indexes differ from indexes rebuilt from the records"
        );
        let ids = |records: &mut dyn Iterator<Item = &Record>| -> Vec<u64> {
            records.map(|r| r.id).collect()
        };
        let scan = |kind: Kind, keep: &dyn Fn(&Record) -> bool| -> Vec<u64> {
            self.all(kind).filter(|r| keep(r)).map(|r| r.id).collect()
        };
        let mut companies = BTreeSet::new();
        let mut projects = BTreeSet::new();
        let mut parents = BTreeSet::new();
        let mut references = BTreeSet::new();
        let mut origins = BTreeSet::new();
        for r in all() {
            companies.insert((r.kind, r.company_id));
            projects.insert((r.kind, r.project_id));
            if let Some(p) = r.parent_id {
                parents.insert((r.kind, p));
            }
            for (kind, field) in crate::index::REFERENCES {
                if let Some(target) = r.u64_field(field).filter(|_| *kind == r.kind) {
                    references.insert((r.kind, *field, target));
                }
            }
            if let Some(origin) = r.origin_id() {
                origins.insert((r.kind, r.company_id, origin.to_owned()));
            }
        }
        for (kind, c) in companies {
            let expected = scan(kind, &|r| r.company_id == c);
            assert_eq!(
                ids(&mut self.in_company(kind, c)),
                expected,
                "{kind:?} in company {c}"
            );
        }
        for (kind, p) in projects {
            let expected = scan(kind, &|r| r.project_id == p);
            assert_eq!(
                ids(&mut self.in_project(kind, p)),
                expected,
                "{kind:?} in project {p:?}"
            );
        }
        for (kind, p) in parents {
            let expected = scan(kind, &|r| r.parent_id == Some(p));
            assert_eq!(
                ids(&mut self.children(kind, p)),
                expected,
                "{kind:?} under {p}"
            );
        }
        for (kind, field, target) in references {
            let expected = scan(kind, &|r| r.u64_field(field) == Some(target));
            let found = ids(&mut self.referencing(kind, field, target));
            assert_eq!(found, expected, "{kind:?} with {field} {target}");
        }
        for (kind, c, origin) in origins {
            let expected = scan(kind, &|r| {
                r.deleted_at.is_none() && r.company_id == c && r.origin_id() == Some(&origin)
            });
            let found = ids(&mut self.live_with_origin(kind, c, &origin));
            assert_eq!(
                found, expected,
                "{kind:?} of company {c} with origin {origin}"
            );
        }
    }

    /// All live (not soft-deleted) records of a kind, in id order.
    pub fn live(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.all(kind).filter(|r| r.deleted_at.is_none())
    }

    pub fn all(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.records[kind as usize].values()
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

    /// Whether App Management permits `project_id` in `company_id`; `company_settings` without
    /// copying the permitted set, which lists ask once per project.
    pub fn project_permitted(&self, company_id: u64, project_id: u64) -> bool {
        self.settings
            .companies
            .get(&company_id)
            .is_some_and(|s| s.permitted_projects.contains(&project_id))
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
    use serde_json::json;

    use super::*;
    use crate::seed::{COMPANY_ID, PROJECT_ID, SECOND_COMPANY_ID, SECOND_PROJECT_ID};

    fn record(
        kind: Kind,
        id: u64,
        company_id: u64,
        project_id: Option<u64>,
        data: Value,
    ) -> Record {
        Record {
            kind,
            id,
            company_id,
            project_id,
            parent_id: None,
            deleted_at: None,
            data: data.as_object().cloned().unwrap_or_default().into(),
        }
    }

    fn origin_ids(world: &World, kind: Kind, company: u64, origin: &str) -> Vec<u64> {
        world
            .live_with_origin(kind, company, origin)
            .map(|r| r.id)
            .collect()
    }

    /// Every mutation path (insert, replacing insert, update of each indexed attribute, soft
    /// delete and undelete, remove), each followed by a comparison against a full scan.
    #[test]
    fn indexes_follow_every_mutation() {
        let mut world = crate::seed::world(&SimConfig::default());
        world.assert_indexes_consistent();

        let vendor = world.allocate_id(Kind::Vendor);
        world.insert(record(
            Kind::Vendor,
            vendor,
            COMPANY_ID,
            None,
            json!({"origin_id": "S-1"}),
        ));
        let twin = world.allocate_id(Kind::Vendor);
        world.insert(record(
            Kind::Vendor,
            twin,
            COMPANY_ID,
            None,
            json!({"origin_id": "S-1"}),
        ));
        world.assert_indexes_consistent();
        assert_eq!(
            origin_ids(&world, Kind::Vendor, COMPANY_ID, "S-1"),
            [vendor, twin]
        );

        world.update(Kind::Vendor, vendor, |r| {
            r.data.insert("origin_id", json!("S-2"))
        });
        world.assert_indexes_consistent();
        assert_eq!(origin_ids(&world, Kind::Vendor, COMPANY_ID, "S-1"), [twin]);
        assert_eq!(
            origin_ids(&world, Kind::Vendor, COMPANY_ID, "S-2"),
            [vendor]
        );

        // An empty origin is no origin; a removed one neither.
        world.update(Kind::Vendor, twin, |r| {
            r.data.insert("origin_id", json!(""))
        });
        world.update(Kind::Vendor, vendor, |r| r.data.remove("origin_id"));
        world.assert_indexes_consistent();
        assert!(origin_ids(&world, Kind::Vendor, COMPANY_ID, "S-1").is_empty());
        assert!(origin_ids(&world, Kind::Vendor, COMPANY_ID, "S-2").is_empty());

        world.update(Kind::Vendor, vendor, |r| {
            r.data.insert("origin_id", json!("S-3"));
            r.company_id = SECOND_COMPANY_ID;
        });
        world.assert_indexes_consistent();
        assert!(origin_ids(&world, Kind::Vendor, COMPANY_ID, "S-3").is_empty());
        assert_eq!(
            origin_ids(&world, Kind::Vendor, SECOND_COMPANY_ID, "S-3"),
            [vendor]
        );
        assert!(world
            .in_company(Kind::Vendor, COMPANY_ID)
            .all(|r| r.id != vendor));

        // Soft-deleted records leave the origin index only, and come back with undeletion.
        world.update(Kind::Vendor, vendor, |r| {
            r.deleted_at = Some("2026-01-01T00:00:00Z".into())
        });
        world.assert_indexes_consistent();
        assert!(origin_ids(&world, Kind::Vendor, SECOND_COMPANY_ID, "S-3").is_empty());
        assert!(world
            .in_company(Kind::Vendor, SECOND_COMPANY_ID)
            .any(|r| r.id == vendor));
        world.update(Kind::Vendor, vendor, |r| r.deleted_at = None);
        world.assert_indexes_consistent();
        assert_eq!(
            origin_ids(&world, Kind::Vendor, SECOND_COMPANY_ID, "S-3"),
            [vendor]
        );

        // Project scope, container and referenced ids, as a number or as a string.
        let cost_code = world
            .in_project(Kind::CostCode, Some(PROJECT_ID))
            .map(|r| r.id)
            .next()
            .expect("the seed has cost codes");
        let line = world.allocate_id(Kind::BudgetLineItem);
        world.insert(record(
            Kind::BudgetLineItem,
            line,
            COMPANY_ID,
            Some(PROJECT_ID),
            json!({"cost_code_id": cost_code, "origin_id": "B-1"}),
        ));
        let direct_cost = world.allocate_id(Kind::DirectCost);
        world.insert(record(
            Kind::DirectCost,
            direct_cost,
            COMPANY_ID,
            Some(PROJECT_ID),
            json!({}),
        ));
        let dc_line = world.allocate_id(Kind::DirectCostLineItem);
        world.insert(Record {
            parent_id: Some(direct_cost),
            ..record(
                Kind::DirectCostLineItem,
                dc_line,
                COMPANY_ID,
                Some(PROJECT_ID),
                json!({"cost_code_id": cost_code.to_string()}),
            )
        });
        world.assert_indexes_consistent();
        let referencing = |world: &World, kind| -> Vec<u64> {
            world
                .referencing(kind, "cost_code_id", cost_code)
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(referencing(&world, Kind::BudgetLineItem), [line]);
        assert_eq!(referencing(&world, Kind::DirectCostLineItem), [dc_line]);

        world.update(Kind::BudgetLineItem, line, |r| {
            r.project_id = Some(SECOND_PROJECT_ID);
            r.data.insert("cost_code_id", json!(null));
        });
        world.update(Kind::DirectCostLineItem, dc_line, |r| r.parent_id = None);
        world.assert_indexes_consistent();
        assert!(referencing(&world, Kind::BudgetLineItem).is_empty());
        assert!(world
            .children(Kind::DirectCostLineItem, direct_cost)
            .next()
            .is_none());
        assert!(world
            .in_project(Kind::BudgetLineItem, Some(SECOND_PROJECT_ID))
            .any(|r| r.id == line));

        // Inserting over an existing id replaces it in every index.
        world.insert(record(
            Kind::BudgetLineItem,
            line,
            SECOND_COMPANY_ID,
            None,
            json!({"cost_code_id": cost_code, "origin_id": "B-2"}),
        ));
        world.assert_indexes_consistent();
        assert!(origin_ids(&world, Kind::BudgetLineItem, COMPANY_ID, "B-1").is_empty());
        assert_eq!(
            origin_ids(&world, Kind::BudgetLineItem, SECOND_COMPANY_ID, "B-2"),
            [line]
        );

        for (kind, id) in [
            (Kind::BudgetLineItem, line),
            (Kind::DirectCostLineItem, dc_line),
            (Kind::Vendor, vendor),
        ] {
            assert!(world.remove(kind, id).is_some());
        }
        world.assert_indexes_consistent();
        assert!(referencing(&world, Kind::BudgetLineItem).is_empty());
        assert!(origin_ids(&world, Kind::Vendor, SECOND_COMPANY_ID, "S-3").is_empty());
        assert!(world.remove(Kind::Vendor, vendor).is_none());
        assert!(world.update(Kind::Vendor, vendor, |_| ()).is_none());
    }

    #[test]
    #[should_panic(expected = "kind and id")]
    fn an_update_cannot_move_a_record_to_another_key() {
        let mut world = crate::seed::world(&SimConfig::default());
        world.update(Kind::Project, PROJECT_ID, |r| r.id += 1);
    }

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
