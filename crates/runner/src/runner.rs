//! [`SyncRunner`]: reads, onboards, plans, writes and records one run.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use engine::entity::{dependency_order, EntitySpec};
use engine::fields::Fields;
use engine::matching::{propose, Ambiguity, MatchKeys, MatchedOn};
use engine::plan::{plan_with, Bound, Plan, Side, Step};
use engine::three_way::FieldConflict;
use engine::three_way::FirstLink;
use erp::{ChangeSeq, ErpConnector, ErpRecord};
use procore::{Client, SyncOutcome, TimeRange};
use state::{
    BindingWrite, ConflictFilter, CursorKey, CursorValue, Direction as CursorDirection, Lookback,
    NewConflict, NewOutcome, OutcomeAction, PairingId, RunId, RunTrigger, StateStore, SyncStatus,
    WrittenSide,
};

use crate::entities::customers::Customers;
use crate::entities::employees::Employees;
use crate::entities::projects::Projects;
use crate::entities::suppliers::Suppliers;
use crate::entities::{ErpSide, ProcoreSide, SyncEntity, SPECS};
use crate::error::RunnerError;
use crate::progress::{Phase, Progress, ProgressSink};
use crate::summary::{AmbiguousLink, EntitySummary, LinkReport, ProposedLink, RunSummary};

/// Runs `$body` with `$E` the [`SyncEntity`] named `$name`.
macro_rules! for_entity {
    ($name:expr, $E:ident => $body:expr) => {
        match $name {
            "projects" => {
                type $E = Projects;
                $body
            }
            "customers" => {
                type $E = Customers;
                $body
            }
            "suppliers" => {
                type $E = Suppliers;
                $body
            }
            "employees" => {
                type $E = Employees;
                $body
            }
            other => Err(RunnerError::UnknownEntity(other.to_owned())),
        }
    };
}

/// The setting (per maestro* company) saying which side wins the differences of an entity's
/// records just linked: the deployment's choice of a master per data type.
pub fn first_link_setting(entity: &str) -> String {
    format!("{entity}.first_link")
}

/// Which side wins the differences of `entity`'s records just linked; a conflict for a person
/// ([`FirstLink::Ask`]) unless chosen.
pub async fn first_link(
    state: &StateStore,
    company: &str,
    entity: &str,
) -> Result<FirstLink, RunnerError> {
    Ok(state
        .setting_as(company, &first_link_setting(entity))
        .await?
        .unwrap_or_default())
}

/// The entities named (every one when none is), in dependency order.
fn chosen(entities: &[&str]) -> Result<Vec<&'static EntitySpec>, RunnerError> {
    if let Some(unknown) = entities
        .iter()
        .find(|e| !SPECS.iter().any(|s| s.name == **e))
    {
        return Err(RunnerError::UnknownEntity((*unknown).to_owned()));
    }
    // The order is taken over every declared entity, so choosing one whose dependencies are
    // not chosen is not mistaken for a broken graph.
    Ok(dependency_order(SPECS)?
        .into_iter()
        .filter(|s| entities.is_empty() || entities.contains(&s.name))
        .collect())
}

/// Company-scoped entities have one stream per direction.
const COMPANY_PARTITION: &str = "company";
/// Upper bound on maestro* change pages read for one entity in one run.
const MAX_ERP_PAGES: u32 = 10_000;
/// Outcomes recorded while Procore's pages are read are written to the state store once this
/// many wait, so however long the list, the ones waiting stay few.
const OUTCOMES_HELD: usize = 2_000;

/// Tuning of a runner.
#[derive(Debug, Clone)]
pub struct RunnerOptions {
    /// How far before the stored Procore cursor the next read starts: Procore timestamps are
    /// filtered to the second and its clock is not ours.
    pub lookback: Duration,
    /// Records per write batch (one Procore sync action, one maestro* transaction, one state
    /// transaction).
    pub batch_size: usize,
    /// maestro* changes read per page: a sync action's worth by default, so a page of
    /// project costs fills a batch with one statement.
    pub erp_page: u32,
    /// What launched the runs.
    pub trigger: RunTrigger,
    /// Who launched them (`ui:marie`, `cli:marie`, `schedule`), for the Synchronization Manager.
    pub started_by: Option<String>,
    /// Where progress goes, if anywhere.
    pub progress: Option<ProgressSink>,
    /// The benchmark's per-record baseline, as most integration tools work: every record of a
    /// company-wide entity is read again whatever the cursors say and written in a call of its
    /// own, unchanged or not (pair it with a client whose `sync_batch_size` is 1, so
    /// project-scoped writes go one by one too). Never for real synchronizations.
    pub per_record: bool,
}

impl Default for RunnerOptions {
    fn default() -> Self {
        RunnerOptions {
            lookback: Duration::minutes(2),
            // Procore's largest sync action: fewer calls under its rate limit.
            batch_size: procore::MAX_SYNC_BATCH,
            erp_page: 1_000,
            trigger: RunTrigger::Cli,
            started_by: None,
            progress: None,
            per_record: false,
        }
    }
}

/// Synchronizes one maestro* company with its paired Procore company.
pub struct SyncRunner {
    pub(crate) erp: Arc<dyn ErpConnector>,
    pub(crate) company: String,
    pub(crate) state: StateStore,
    pub(crate) pairing: PairingId,
    pub(crate) procore: Client,
    pub(crate) options: RunnerOptions,
    /// What this run learnt from Procore about its projects; emptied when a run starts.
    pub(crate) run_cache: std::sync::Mutex<RunCache>,
}

/// What a run reads from Procore once and reuses across its entities. Never kept from one run
/// to the next: a Procore user may change any of it in between.
#[derive(Debug, Default)]
pub(crate) struct RunCache {
    /// Per Procore project, what one page of its WBS codes shows.
    pub wbs: BTreeMap<u64, crate::cost_codes::WbsProfile>,
    /// The company's cost code and cost type segments, once any project showed them (Procore
    /// defines segments at the company level).
    pub wbs_segments: Option<crate::cost_codes::WbsSegments>,
    /// Per Procore project, its first budget view (`None`: the Budget tool is off).
    pub budget_views: BTreeMap<u64, Option<u64>>,
    /// The company's cost types (line item types) by code.
    pub line_item_types: Option<BTreeMap<String, u64>>,
    /// Per Procore project, the budget lines the original budget read this run, kept for the
    /// modified budget: nothing mpsync writes changes a line's modifications, and a line
    /// created after the read carries none, so a second read of the detail rows would tell the
    /// modified budget nothing new. An approval made in Procore in between is read next run,
    /// as one made after the second read would be.
    pub budget_lines: BTreeMap<u64, Vec<engine::budget::ProcoreLine>>,
}

impl SyncRunner {
    pub fn new(
        erp: Arc<dyn ErpConnector>,
        company: String,
        state: StateStore,
        pairing: PairingId,
        procore: Client,
    ) -> Self {
        SyncRunner {
            erp,
            company,
            state,
            pairing,
            procore,
            options: RunnerOptions::default(),
            run_cache: std::sync::Mutex::default(),
        }
    }

    /// Reads or changes the run cache. A poisoned lock only means a panic elsewhere; the cache
    /// is then as good as empty.
    pub(crate) fn cached<T>(&self, f: impl FnOnce(&mut RunCache) -> T) -> T {
        let mut guard = self
            .run_cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }

    pub fn with_options(mut self, options: RunnerOptions) -> Self {
        self.options = options;
        self
    }

    /// Synchronizes `entities` (every entity when empty) in dependency order. A dry run reads
    /// and plans, writes nothing and records nothing; its summary counts what would be done.
    pub async fn sync(&self, entities: &[&str], dry_run: bool) -> Result<RunSummary, RunnerError> {
        let order = chosen(entities)?;
        let started = Utc::now();
        self.cached(|c| *c = RunCache::default());
        let run_id = if dry_run {
            None
        } else {
            // Runs of this company never overlap (the run lease), so a run still open here was
            // left by a process that died.
            let closed = self.state.close_interrupted_runs(self.pairing).await?;
            if closed > 0 {
                tracing::warn!(
                    runs = closed,
                    "closed runs left open by a process that died"
                );
            }
            let run = self
                .state
                .start_run_by(
                    self.pairing,
                    self.options.trigger,
                    self.options.started_by.as_deref(),
                    false,
                )
                .await?;
            Some(run.id)
        };
        let mut summary = RunSummary {
            run_id,
            dry_run,
            entities: Vec::new(),
        };
        for spec in order {
            let result = match spec.name {
                "cost_codes" => self.sync_cost_codes(run_id).await,
                "original_budget" => self.sync_original_budget(run_id).await,
                "modified_budget" => self.sync_modified_budget(run_id).await,
                "project_costs" => self.sync_project_costs(run_id).await,
                "order_invoices" => self.sync_order_invoices(run_id).await,
                "prime_contracts" => {
                    self.sync_billing(run_id, &crate::billing::PRIME_CONTRACTS)
                        .await
                }
                "billing_change_orders" => {
                    self.sync_billing(run_id, &crate::billing::BILLING_CHANGE_ORDERS)
                        .await
                }
                "subcontracts" => {
                    self.sync_commitments(run_id, crate::commitments::Source::Subcontracts)
                        .await
                }
                "purchase_orders" => {
                    self.sync_commitments(run_id, crate::commitments::Source::PurchaseOrders)
                        .await
                }
                "subcontract_change_orders" => {
                    self.sync_commitments(
                        run_id,
                        crate::commitments::Source::SubcontractChangeOrders,
                    )
                    .await
                }
                name => for_entity!(name, E => self.sync_entity::<E>(run_id, started).await),
            };
            match result {
                Ok(entity) => summary.entities.push(entity),
                Err(e) => {
                    if let Some(id) = run_id {
                        // The run failed; its own error is the one to report.
                        let _ = self.state.finish_run(id, Some(SyncStatus::Error)).await;
                    }
                    return Err(e);
                }
            }
        }
        if let Some(id) = run_id {
            self.state.finish_run(id, None).await?;
        }
        Ok(summary)
    }

    /// Links the records that already exist on both sides and are not linked yet (by
    /// `origin_id`, number, then normalized name; one match only), reading both sides in full.
    /// Nothing is written to maestro* or Procore: the next sync compares each new link. A dry
    /// run proposes and stores nothing.
    pub async fn link_existing(
        &self,
        entities: &[&str],
        dry_run: bool,
    ) -> Result<LinkReport, RunnerError> {
        let mut report = LinkReport {
            dry_run,
            ..LinkReport::default()
        };
        // Project-scoped entities link as they sync (by code within the project).
        for spec in chosen(entities)?
            .into_iter()
            .filter(|s| s.scope == engine::entity::Scope::Company)
        {
            for_entity!(spec.name, E => self.link_entity::<E>(dry_run, &mut report).await)?;
        }
        Ok(report)
    }

    /// Links maestro* record `erp_key` of `entity` to Procore record `procore_id` by hand (what
    /// an ambiguous match asks for). Refused, with the reason, when either record does not
    /// exist, the Procore record is not this entity's, or either is linked already.
    pub async fn link_one(
        &self,
        entity: &str,
        erp_key: &str,
        procore_id: u64,
    ) -> Result<(), RunnerError> {
        for_entity!(entity, E => self.link_one_of::<E>(erp_key, procore_id).await)
    }

    async fn link_one_of<E: SyncEntity>(
        &self,
        erp_key: &str,
        procore_id: u64,
    ) -> Result<(), RunnerError> {
        let label = E::LABEL;
        let refuse = |reason: String| Err(RunnerError::LinkRefused(reason));
        if E::store(&*self.erp)
            .get(&self.company, &erp_key.to_owned())
            .await?
            .is_none()
        {
            return refuse(format!("{label} {erp_key} does not exist in maestro*"));
        }
        let record = match E::get(&self.procore, procore_id).await {
            Ok(r) => r,
            Err(e) if e.kind() == procore::ErrorKind::NotFound => {
                return refuse(format!("Procore record {procore_id} does not exist"))
            }
            Err(e) => return Err(e.into()),
        };
        let mut snap = Snapshot::<E>::default();
        if let Err((_, message)) = snap.add_procore(record) {
            return refuse(message);
        }
        self.leave_siblings_records::<E>(&mut snap).await?;
        match snap.procore.get(&procore_id) {
            None => {
                return refuse(format!(
                    "Procore record {procore_id} is already linked to another entity"
                ))
            }
            Some(side) => {
                if let Some(reason) = &side.planned.excluded {
                    return refuse(reason.clone());
                }
                // A record this entity would not even match belongs to another.
                if side.link_only && side.keys == MatchKeys::default() {
                    return refuse(format!(
                        "Procore record {procore_id} is not a {label} (it belongs to another entity or integration)"
                    ));
                }
            }
        }
        // Linking again what is linked would forget the agreed values of the link.
        if let Some(b) = self
            .state
            .binding_by_erp_key(self.pairing, E::SPEC.name, erp_key)
            .await?
        {
            return refuse(format!(
                "{label} {erp_key} is already linked to Procore record {}",
                b.procore_id
            ));
        }
        if let Some(b) = self
            .state
            .binding_by_procore_id(self.pairing, E::SPEC.name, procore_id)
            .await?
        {
            return refuse(format!(
                "Procore record {procore_id} is already linked to {label} {}",
                b.erp_key
            ));
        }
        self.state
            .upsert_binding(&BindingWrite {
                pairing: self.pairing,
                entity: E::SPEC.name.to_owned(),
                erp_key: erp_key.to_owned(),
                procore_id,
                erp_hash: None,
                procore_hash: None,
                last_synced_values: serde_json::Value::Null,
            })
            .await?;
        Ok(())
    }

    async fn link_entity<E: SyncEntity>(
        &self,
        dry_run: bool,
        report: &mut LinkReport,
    ) -> Result<(), RunnerError> {
        let name = E::SPEC.name;
        let (erp_all, _) = self.read_erp::<E>(ChangeSeq::ORIGIN).await?;
        let reading = |done: u64, total: Option<u64>| {
            self.report(name, Phase::ReadingProcore, done, total);
        };
        let procore_all = E::list(&self.procore, None, &reading).await?.records;
        let mut snap = Snapshot::<E>::default();
        // Records that cannot be synchronized are reported by the sync, not here.
        for record in erp_all {
            let _ = snap.add_erp(record);
        }
        for record in procore_all {
            let _ = snap.add_procore(record);
        }
        self.leave_siblings_records::<E>(&mut snap).await?;
        let mut bindings = self.bindings(name, &snap).await?;
        let bound_erp: BTreeSet<String> = bindings.keys().map(|(k, _)| k.clone()).collect();
        let bound_procore: BTreeSet<u64> = bindings.keys().map(|(_, id)| *id).collect();
        let unbound_erp: Vec<String> = snap
            .erp
            .keys()
            .filter(|k| !bound_erp.contains(*k))
            .cloned()
            .collect();
        let unbound_procore: Vec<u64> = snap
            .procore
            .iter()
            .filter(|(id, p)| !bound_procore.contains(id) && p.planned.excluded.is_none())
            .map(|(id, _)| *id)
            .collect();
        let (links, ambiguous) = self.onboard(
            &mut snap,
            &mut bindings,
            &unbound_erp,
            &unbound_procore,
            BTreeMap::new(),
            BTreeMap::new(),
        );
        if !dry_run && !links.is_empty() {
            let writes: Vec<BindingWrite> = links
                .iter()
                .map(|(erp_key, procore_id, _)| BindingWrite {
                    pairing: self.pairing,
                    entity: name.to_owned(),
                    erp_key: erp_key.clone(),
                    procore_id: *procore_id,
                    erp_hash: None,
                    procore_hash: None,
                    last_synced_values: serde_json::Value::Null,
                })
                .collect();
            let mut tx = self.state.begin().await?;
            for i in tx.upsert_bindings(&writes).await? {
                tx.upsert_binding(&writes[i]).await?;
            }
            tx.commit().await?;
        }
        report
            .links
            .extend(
                links
                    .into_iter()
                    .map(|(erp_key, procore_id, matched_on)| ProposedLink {
                        entity: name,
                        erp_key,
                        procore_id,
                        matched_on,
                    }),
            );
        report
            .ambiguous
            .extend(ambiguous.into_iter().map(|a| AmbiguousLink {
                entity: name,
                erp_key: a.erp_key,
                candidates: a.candidates,
                matched_on: a.matched_on,
            }));
        Ok(())
    }

    async fn sync_entity<E: SyncEntity>(
        &self,
        run_id: Option<RunId>,
        started: DateTime<Utc>,
    ) -> Result<EntitySummary, RunnerError> {
        let spec = E::SPEC;
        let name = spec.name;
        let mut out = Recorder::new(name, E::LABEL);

        // What each side changed since its cursor.
        let erp_cursor = CursorKey::new(
            self.pairing,
            name,
            CursorDirection::ErpToProcore,
            COMPANY_PARTITION,
        );
        let procore_cursor = CursorKey::new(
            self.pairing,
            name,
            CursorDirection::ProcoreToErp,
            COMPANY_PARTITION,
        );
        let erp_since = match self.state.read_from(&erp_cursor, &Lookback::NONE).await? {
            Some(CursorValue::ChangeSeq(seq)) if !self.options.per_record => Some(ChangeSeq(seq)),
            _ => None,
        };
        let procore_since = match self
            .state
            .read_from(&procore_cursor, &Lookback::of(self.options.lookback))
            .await?
        {
            Some(CursorValue::UpdatedAt(at)) if !self.options.per_record => Some(at),
            _ => None,
        };
        let (erp_changed, erp_high) = self
            .read_erp::<E>(erp_since.unwrap_or(ChangeSeq::ORIGIN))
            .await?;
        // The cursor keeps the run's start (on Procore's clock), so an edit made while the run
        // reads is read again next run.
        let range = procore_since
            .map(|at| TimeRange::new(at, started + crate::project_outcomes::FILTER_AHEAD));
        let reading = |done: u64, total: Option<u64>| {
            self.report(name, Phase::ReadingProcore, done, total);
        };

        let mut snap = Snapshot::<E>::default();
        for record in erp_changed {
            if let Err(message) = snap.add_erp(record) {
                out.invalid_erp(message);
            }
        }
        // Records a person holds are planned whatever Procore shows: an open conflict, a
        // resolution to write, a link made by hand and never compared.
        let open = self.open_conflicts(name).await?;
        let resolutions = self.state.resolutions_to_apply(self.pairing, name).await?;
        let unsettled = self.state.unsettled_bindings(self.pairing, name).await?;
        let held: BTreeSet<&str> = open
            .keys()
            .map(String::as_str)
            .chain(resolutions.iter().map(|c| c.erp_key.as_str()))
            .chain(unsettled.iter().map(|b| b.erp_key.as_str()))
            .collect();
        let first_link = first_link(&self.state, &self.company, name).await?;

        // Procore's side a page at a time, keeping only what may need a write: however many
        // records changed (the previous run's writes read back), memory holds a page of them.
        let mut pages = E::pages(&self.procore, range);
        while let Some(page) = pages.next_page(&reading).await? {
            let mut fresh = Snapshot::<E>::default();
            for record in &page.unreadable {
                if let Some(id) = record.id {
                    snap.invalid.insert(id);
                }
                out.unreadable_procore(record);
            }
            for record in page.records {
                if let Err(message) = fresh.add_procore(record) {
                    out.invalid_procore(message);
                }
            }
            self.leave_siblings_records::<E>(&mut fresh).await?;
            if !self.options.per_record {
                self.leave_agreed(&mut fresh, &snap, &held, first_link, &mut out)
                    .await?;
            }
            snap.absorb(fresh);
            if let Some(id) = run_id {
                if out.pending.len() >= OUTCOMES_HELD {
                    let pending = std::mem::take(&mut out.pending);
                    self.state.add_outcomes(id, &pending).await?;
                }
            }
        }

        // The links touching them.
        let mut bindings = self.bindings(name, &snap).await?;

        // Onboarding: records on both sides with no link yet are matched before anything is
        // created. An incremental read holds only what changed, so the other side is read in
        // full to find the existing record a new one must be linked to.
        let bound_erp: BTreeSet<String> = bindings.keys().map(|(k, _)| k.clone()).collect();
        let bound_procore: BTreeSet<u64> = bindings.keys().map(|(_, id)| *id).collect();
        let unbound_erp = snap
            .erp
            .keys()
            .filter(|k| !bound_erp.contains(*k))
            .cloned()
            .collect::<Vec<_>>();
        let unbound_procore = snap
            .procore
            .iter()
            .filter(|(id, p)| !bound_procore.contains(id) && p.planned.excluded.is_none())
            .map(|(id, _)| *id)
            .collect::<Vec<_>>();
        let mut erp_pool: BTreeMap<String, E::Erp> = BTreeMap::new();
        let mut procore_pool: BTreeMap<u64, E::Procore> = BTreeMap::new();
        // Only a record that would otherwise be created in Procore calls for the full list;
        // records kept out (not flagged) still take part in matching once it is read.
        let creates_in_procore = unbound_erp
            .iter()
            .any(|k| snap.erp[k].planned.excluded.is_none());
        if creates_in_procore && range.is_some() {
            // Page by page, keeping the unbound records only.
            let mut all = E::pages(&self.procore, None);
            while let Some(page) = all.next_page(&reading).await? {
                let mut unbound: BTreeMap<u64, E::Procore> = page
                    .records
                    .into_iter()
                    .map(|record| (E::procore_id(&record), record))
                    .filter(|(id, _)| !snap.procore.contains_key(id) && !snap.invalid.contains(id))
                    .collect();
                let ids: Vec<u64> = unbound.keys().copied().collect();
                for entity in std::iter::once(name).chain(E::SHARES_PROCORE_WITH.iter().copied()) {
                    for b in self
                        .state
                        .bindings_by_procore_ids(self.pairing, entity, &ids)
                        .await?
                    {
                        unbound.remove(&b.procore_id);
                    }
                }
                procore_pool.extend(unbound);
            }
        }
        if !unbound_procore.is_empty() && erp_since.is_some() {
            let (all, _) = self.read_erp::<E>(ChangeSeq::ORIGIN).await?;
            for record in all {
                let key = record.key();
                if !snap.erp.contains_key(&key) && !snap.invalid_erp.contains(&key) {
                    erp_pool.insert(key, record);
                }
            }
            let keys: Vec<String> = erp_pool.keys().cloned().collect();
            for b in self
                .state
                .bindings_by_erp_keys(self.pairing, name, &keys)
                .await?
            {
                erp_pool.remove(&b.erp_key);
            }
        }
        let (links, _) = self.onboard(
            &mut snap,
            &mut bindings,
            &unbound_erp,
            &unbound_procore,
            erp_pool,
            procore_pool,
        );
        // A record this entity may only link is left alone once it is not linked.
        let bound: BTreeSet<u64> = bindings.keys().map(|(_, id)| *id).collect();
        snap.procore
            .retain(|id, side| !side.link_only || bound.contains(id));
        let kept: BTreeSet<u64> = snap.procore.keys().copied().collect();
        snap.procore_raw.retain(|id, _| kept.contains(id));
        // An entity maestro* alone creates leaves the Procore records it is not linked to alone:
        // reporting each of them (every directory user, for employees) as skipped on every run
        // would only bury the outcomes that matter.
        if !spec.direction.writes_erp() {
            let bound: BTreeSet<u64> = bindings.keys().map(|(_, id)| *id).collect();
            snap.procore.retain(|id, _| bound.contains(id));
            snap.procore_raw.retain(|id, _| bound.contains(id));
        }

        // A record with an open conflict is compared on both sides: the planner takes an
        // absent side for the agreed values, which the conflicting field does not have. So is
        // one whose conflict a user resolved, wherever its cursor is: the chosen side is
        // written now.
        if !resolutions.is_empty() {
            let keys: Vec<String> = resolutions.iter().map(|c| c.erp_key.clone()).collect();
            let found = self.bindings_of(name, &keys, &[]).await?;
            for (k, b) in found {
                bindings.entry(k).or_insert(b);
            }
        }
        // Links made without a sync (`mpsync link`) are compared at the first sync after.
        let mut compare_keys: BTreeSet<String> =
            resolutions.iter().map(|c| c.erp_key.clone()).collect();
        for b in unsettled {
            compare_keys.insert(b.erp_key.clone());
            bindings
                .entry((b.erp_key.clone(), b.procore_id))
                .or_insert(Bound {
                    erp_key: b.erp_key,
                    procore_id: b.procore_id,
                    base: None,
                });
        }
        for bound in bindings.values() {
            if !open.contains_key(&bound.erp_key) && !compare_keys.contains(&bound.erp_key) {
                continue;
            }
            if !snap.erp.contains_key(&bound.erp_key) {
                if let Some(c) = E::store(&*self.erp)
                    .get(&self.company, &bound.erp_key)
                    .await?
                {
                    if let Err(message) = snap.add_erp(c.record) {
                        out.invalid_erp(message);
                    }
                }
            }
            if !snap.procore.contains_key(&bound.procore_id)
                && !snap.invalid.contains(&bound.procore_id)
            {
                // A record deleted in Procore leaves its link unplanned: the plan reports it.
                if let Some(record) = self.get_procore::<E>(bound.procore_id).await? {
                    if let Err(message) = snap.add_procore(record) {
                        out.invalid_procore(message);
                    }
                }
            }
        }

        apply_resolutions(&resolutions, &snap, &mut bindings);

        // Plan; a fresh link missing one side is fetched and planned again.
        let bounds: Vec<Bound> = bindings.values().cloned().collect();
        let mut the_plan = plan_with(
            &spec,
            snap.planned_erp(),
            snap.planned_procore(),
            &bounds,
            first_link,
        );
        let fetches: Vec<(String, u64, Side)> = the_plan
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::FetchOther {
                    erp_key,
                    procore_id,
                    missing,
                } => Some((erp_key.clone(), *procore_id, *missing)),
                _ => None,
            })
            .collect();
        if !fetches.is_empty() {
            for (erp_key, procore_id, missing) in fetches {
                match missing {
                    Side::Erp => {
                        if let Some(c) = E::store(&*self.erp).get(&self.company, &erp_key).await? {
                            if let Err(message) = snap.add_erp(c.record) {
                                out.invalid_erp(message);
                            }
                        }
                    }
                    Side::Procore => {
                        if let Some(record) = self.get_procore::<E>(procore_id).await? {
                            if let Err(message) = snap.add_procore(record) {
                                out.invalid_procore(message);
                            }
                        }
                    }
                }
            }
            the_plan = plan_with(
                &spec,
                snap.planned_erp(),
                snap.planned_procore(),
                &bounds,
                first_link,
            );
        }

        hold_open_conflicts(&mut the_plan, &open, &bindings);

        for (erp_key, procore_id, matched_on) in &links {
            out.linked(run_id.is_none(), erp_key, *procore_id, *matched_on);
        }

        if run_id.is_none() {
            out.dry_run(&the_plan, &snap);
            let steps = the_plan.steps.len() as u64;
            self.report(name, Phase::Done, steps, Some(steps));
            return Ok(out.summary);
        }
        let settled = self
            .execute::<E>(
                the_plan,
                &snap,
                &mut out,
                run_id,
                (&erp_cursor, erp_high),
                (&procore_cursor, self.on_procore_clock(started)),
            )
            .await?;
        let applied: Vec<i64> = resolutions
            .iter()
            .filter(|c| settled.contains(&c.erp_key))
            .map(|c| c.id)
            .collect();
        self.state.mark_resolutions_applied(&applied).await?;
        out.summary.resolutions_applied = applied.len() as u64;
        Ok(out.summary)
    }

    pub(crate) fn report(&self, entity: &'static str, phase: Phase, done: u64, total: Option<u64>) {
        if let Some(sink) = &self.options.progress {
            sink.report(&Progress {
                entity,
                phase,
                done,
                total,
            });
        }
    }

    /// Keeps out of `snap` the Procore records bound to an entity sharing their resource: a
    /// record this entity could only link is dropped, one it would take is refused by name.
    async fn leave_siblings_records<E: SyncEntity>(
        &self,
        snap: &mut Snapshot<E>,
    ) -> Result<(), RunnerError> {
        if E::SHARES_PROCORE_WITH.is_empty() || snap.procore.is_empty() {
            return Ok(());
        }
        let ids: Vec<u64> = snap.procore.keys().copied().collect();
        for sibling in E::SHARES_PROCORE_WITH {
            for b in self
                .state
                .bindings_by_procore_ids(self.pairing, sibling, &ids)
                .await?
            {
                let Some(side) = snap.procore.get_mut(&b.procore_id) else {
                    continue;
                };
                if side.link_only {
                    snap.procore.remove(&b.procore_id);
                    snap.procore_raw.remove(&b.procore_id);
                } else {
                    side.planned.excluded.get_or_insert(format!(
                        "Procore company {}: already synchronized as {sibling} {}; a company is never both",
                        b.procore_id, b.erp_key
                    ));
                }
            }
        }
        Ok(())
    }

    /// Takes out of `page` the bound records Procore shows as both sides last agreed, whose
    /// maestro* side did not change (`changed` holds what did) and that no person holds: the
    /// plan would leave each unchanged, so each is recorded so now. The next read after a run
    /// brings back every record it wrote (their `updated_at` follows its start); the ones
    /// nobody touched since stop here instead of being held to the end of the entity.
    async fn leave_agreed<E: SyncEntity>(
        &self,
        page: &mut Snapshot<E>,
        changed: &Snapshot<E>,
        held: &BTreeSet<&str>,
        first_link: FirstLink,
        out: &mut Recorder,
    ) -> Result<(), RunnerError> {
        let ids: Vec<u64> = page
            .procore
            .iter()
            .filter(|(id, side)| {
                side.planned.excluded.is_none() && !changed.procore.contains_key(id)
            })
            .map(|(id, _)| *id)
            .collect();
        if ids.is_empty() {
            return Ok(());
        }
        // Only a record already stamped with its maestro* key: an unstamped one is sent its
        // stamp by the plan.
        let bounds: Vec<Bound> = self
            .bindings_of(E::SPEC.name, &[], &ids)
            .await?
            .into_values()
            .filter(|b| {
                b.base.is_some()
                    && !changed.erp.contains_key(&b.erp_key)
                    && !changed.invalid_erp.contains(&b.erp_key)
                    && !held.contains(b.erp_key.as_str())
                    && page.origin_id(b.procore_id) == Some(E::origin_id_for(&b.erp_key).as_str())
            })
            .collect();
        if bounds.is_empty() {
            return Ok(());
        }
        let records = bounds
            .iter()
            .map(|b| page.procore[&b.procore_id].planned.clone())
            .collect();
        // The planner decides, with no maestro* side (unchanged since its cursor).
        let plan = plan_with(&E::SPEC, Vec::new(), records, &bounds, first_link);
        for step in &plan.steps {
            if let Step::Unchanged { procore_id, .. } = step {
                out.step(step, &StepResult::default(), page);
                page.procore.remove(procore_id);
                page.procore_raw.remove(procore_id);
            }
        }
        Ok(())
    }

    /// One Procore record, `None` when Procore no longer has it (deleted, or out of the app's
    /// reach): one missing record must not fail the entity on every run.
    async fn get_procore<E: SyncEntity>(&self, id: u64) -> Result<Option<E::Procore>, RunnerError> {
        match E::get(&self.procore, id).await {
            Ok(record) => Ok(Some(record)),
            Err(e) if e.kind() == procore::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Fields with an open conflict, per maestro* key.
    async fn open_conflicts(
        &self,
        entity: &str,
    ) -> Result<BTreeMap<String, BTreeSet<String>>, RunnerError> {
        let filter = ConflictFilter {
            entity: Some(entity.to_owned()),
            erp_key: None,
            open_only: true,
        };
        let mut open: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for c in self.state.list_conflicts(self.pairing, &filter).await? {
            open.entry(c.erp_key).or_default().insert(c.field);
        }
        Ok(open)
    }

    /// Every change after `since`, page by page.
    async fn read_erp<E: SyncEntity>(
        &self,
        mut since: ChangeSeq,
    ) -> Result<(Vec<E::Erp>, ChangeSeq), RunnerError> {
        let store = E::store(&*self.erp);
        let mut records = Vec::new();
        for _ in 0..MAX_ERP_PAGES {
            let batch = store
                .changes_since(&self.company, since, self.options.erp_page)
                .await?;
            records.extend(batch.changes.into_iter().map(|c| c.record));
            since = batch.high_water;
            if !batch.has_more {
                return Ok((records, since));
            }
        }
        Err(RunnerError::TooManyChanges {
            entity: E::SPEC.name,
            pages: MAX_ERP_PAGES,
        })
    }

    /// The stored links touching the snapshot's records, with their agreed values.
    async fn bindings<E: SyncEntity>(
        &self,
        entity: &str,
        snap: &Snapshot<E>,
    ) -> Result<BTreeMap<(String, u64), Bound>, RunnerError> {
        let keys: Vec<String> = snap.erp.keys().cloned().collect();
        let mut ids: Vec<u64> = snap.procore.keys().copied().collect();
        ids.extend(snap.invalid.iter().copied());
        self.bindings_of(entity, &keys, &ids).await
    }

    /// The stored links of these maestro* keys and Procore ids, with their agreed values.
    async fn bindings_of(
        &self,
        entity: &str,
        keys: &[String],
        ids: &[u64],
    ) -> Result<BTreeMap<(String, u64), Bound>, RunnerError> {
        let mut found = self
            .state
            .bindings_by_erp_keys(self.pairing, entity, keys)
            .await?;
        found.extend(
            self.state
                .bindings_by_procore_ids(self.pairing, entity, ids)
                .await?,
        );
        Ok(found
            .into_iter()
            .map(|b| {
                let base = match b.last_synced_values {
                    serde_json::Value::Object(_) => {
                        serde_json::from_value::<Fields>(b.last_synced_values).ok()
                    }
                    _ => None,
                };
                (
                    (b.erp_key.clone(), b.procore_id),
                    Bound {
                        erp_key: b.erp_key,
                        procore_id: b.procore_id,
                        base,
                    },
                )
            })
            .collect())
    }

    /// Links unbound records that match across the sides; returns the links made. A record
    /// matching several on the other side is held back rather than created again.
    fn onboard<E: SyncEntity>(
        &self,
        snap: &mut Snapshot<E>,
        bindings: &mut BTreeMap<(String, u64), Bound>,
        unbound_erp: &[String],
        unbound_procore: &[u64],
        erp_pool: BTreeMap<String, E::Erp>,
        procore_pool: BTreeMap<u64, E::Procore>,
    ) -> (Vec<(String, u64, MatchedOn)>, Vec<Ambiguity>) {
        let mut erp_candidates: BTreeMap<String, (MatchKeys, Option<E::Erp>)> = unbound_erp
            .iter()
            .map(|k| (k.clone(), (snap.erp[k].keys.clone(), None)))
            .collect();
        for (key, record) in erp_pool {
            if E::erp_invalid(&record).is_none() {
                erp_candidates.insert(key, (E::from_erp(&record).keys, Some(record)));
            }
        }
        let mut procore_candidates: BTreeMap<u64, (MatchKeys, Option<E::Procore>)> =
            unbound_procore
                .iter()
                .map(|id| (*id, (snap.procore[id].keys.clone(), None)))
                .collect();
        for (id, record) in procore_pool {
            if let Ok(side) = E::from_procore(&record) {
                if side.planned.excluded.is_none() {
                    procore_candidates.insert(id, (side.keys, Some(record)));
                }
            }
        }
        if erp_candidates.is_empty() || procore_candidates.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let erp_keys: Vec<(String, MatchKeys)> = erp_candidates
            .iter()
            .map(|(k, (m, _))| (k.clone(), m.clone()))
            .collect();
        let procore_keys: Vec<(u64, MatchKeys)> = procore_candidates
            .iter()
            .map(|(id, (m, _))| (*id, m.clone()))
            .collect();
        let proposals = propose(&erp_keys, &procore_keys);
        let mut links = Vec::new();
        for link in proposals.links {
            // A pooled record (unchanged since its cursor) joins the snapshot: its values are
            // needed to compare the two sides of the new link.
            if let Some((_, Some(record))) = erp_candidates.remove(&link.erp_key) {
                // Invalid records were kept out of the candidates above.
                let _ = snap.add_erp(record);
            }
            if let Some((_, Some(record))) = procore_candidates.remove(&link.procore_id) {
                let _ = snap.add_procore(record);
            }
            bindings.insert(
                (link.erp_key.clone(), link.procore_id),
                Bound {
                    erp_key: link.erp_key.clone(),
                    procore_id: link.procore_id,
                    base: None,
                },
            );
            links.push((link.erp_key, link.procore_id, link.matched_on));
        }
        for ambiguity in &proposals.ambiguous {
            let ids: Vec<String> = ambiguity.candidates.iter().map(u64::to_string).collect();
            let reason = format!(
                "{} {}: matches several Procore records by {:?} ({}): link it by hand",
                E::LABEL,
                ambiguity.erp_key,
                ambiguity.matched_on,
                ids.join(", ")
            );
            if let Some(side) = snap.erp.get_mut(&ambiguity.erp_key) {
                side.planned.excluded.get_or_insert(reason.clone());
            }
            for id in &ambiguity.candidates {
                if let Some(side) = snap.procore.get_mut(id) {
                    side.planned.excluded.get_or_insert(reason.clone());
                }
            }
        }
        (links, proposals.ambiguous)
    }

    /// Carries a plan out batch by batch.
    async fn execute<E: SyncEntity>(
        &self,
        the_plan: Plan,
        snap: &Snapshot<E>,
        out: &mut Recorder,
        run_id: Option<RunId>,
        erp_cursor: (&CursorKey, ChangeSeq),
        procore_cursor: (&CursorKey, DateTime<Utc>),
    ) -> Result<BTreeSet<String>, RunnerError> {
        // The bound records whose step went through: both sides now hold the planned values.
        let mut settled = BTreeSet::new();
        let store = E::store(&*self.erp);
        let steps = the_plan.steps;
        let batch_size = if self.options.per_record {
            1
        } else {
            self.options.batch_size.max(1)
        };
        let chunks = write_batches(&steps, batch_size);
        let last = chunks.len() - 1;
        // A batch that failed as a whole (Procore or the database unreachable) keeps the
        // cursors where they are, so its records are read again next run.
        let mut transient = false;
        let mut stop: Option<procore::ProcoreError> = None;
        let total_steps = steps.len() as u64;
        let mut written = 0;
        for (n, chunk) in chunks.into_iter().enumerate() {
            let mut results: Vec<StepResult> = vec![StepResult::default(); chunk.len()];

            // maestro* writes first: a Procore record stamped with a maestro* key must have one.
            let mut writes: Vec<(usize, E::Erp)> = Vec::new();
            for (i, step) in chunk.iter().enumerate() {
                match step {
                    Step::CreateInErp { procore_id, fields } => {
                        match E::new_erp(*procore_id, fields) {
                            Ok(record) => {
                                let key = record.key();
                                if store.get(&self.company, &key).await?.is_some() {
                                    results[i].erp_error = Some(format!(
                                    "{} {key}: already exists in maestro* without a link to Procore record {procore_id}; link them by hand",
                                    E::LABEL
                                ));
                                } else {
                                    results[i].erp_key = Some(key);
                                    writes.push((i, record));
                                }
                            }
                            Err(message) => results[i].erp_error = Some(message),
                        }
                    }
                    Step::Update {
                        erp_key, to_erp, ..
                    } if to_erp.names().next().is_some() => {
                        let existing = match snap.erp_raw.get(erp_key) {
                            Some(r) => Some(r.clone()),
                            None => store.get(&self.company, erp_key).await?.map(|c| c.record),
                        };
                        match existing {
                            Some(r) => writes.push((i, E::apply_to_erp(&r, to_erp))),
                            None => {
                                results[i].erp_error = Some(format!(
                                    "{} {erp_key}: no longer exists in maestro*",
                                    E::LABEL
                                ))
                            }
                        }
                    }
                    _ => {}
                }
            }
            writes.retain(|(i, record)| {
                let problems = record.problems();
                if problems.is_empty() {
                    return true;
                }
                let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
                results[*i].erp_error =
                    Some(format!("refused by maestro* rules: {}", text.join("; ")));
                false
            });
            if !writes.is_empty() {
                let records: Vec<E::Erp> = writes.iter().map(|(_, r)| r.clone()).collect();
                match store.upsert_batch(&self.company, &records).await {
                    Ok(_) => writes
                        .iter()
                        .for_each(|(i, _)| results[*i].erp_written = true),
                    // All or nothing: written one by one, the record at fault is found and
                    // the others go through.
                    Err(_) => {
                        for (i, record) in &writes {
                            match store.upsert(&self.company, record).await {
                                Ok(_) => results[*i].erp_written = true,
                                Err(e) => {
                                    if matches!(e, erp::ErpError::Database(_)) {
                                        transient = true;
                                    }
                                    results[*i].erp_error = Some(e.to_string());
                                }
                            }
                        }
                    }
                }
            }

            // Procore writes in one sync action.
            let mut items = Vec::new();
            let mut sent: Vec<(usize, Option<u64>, String)> = Vec::new();
            for (i, step) in chunk.iter().enumerate() {
                match step {
                    Step::CreateInProcore { erp_key, fields } => {
                        items.push(E::procore_item(None, erp_key, fields));
                        sent.push((i, None, erp_key.clone()));
                    }
                    Step::Update {
                        erp_key,
                        procore_id,
                        to_procore,
                        ..
                    } => {
                        let stamp =
                            snap.origin_id(*procore_id) != Some(E::origin_id_for(erp_key).as_str());
                        if to_procore.names().next().is_some() || stamp {
                            items.push(E::procore_item(Some(*procore_id), erp_key, to_procore));
                            sent.push((i, Some(*procore_id), erp_key.clone()));
                        }
                    }
                    Step::CreateInErp { procore_id, .. } if results[i].erp_written => {
                        // The Procore record learns its maestro* key, so it is found by
                        // origin_id from now on.
                        let key = results[i].erp_key.clone().unwrap_or_default();
                        items.push(E::procore_item(Some(*procore_id), &key, &Fields::new()));
                        sent.push((i, Some(*procore_id), key));
                        results[i].stamp_only = true;
                    }
                    // A stamp that failed before is sent again with the next read of the
                    // record, even when nothing else changed (and every record is, in the
                    // per-record baseline).
                    Step::Unchanged {
                        erp_key,
                        procore_id,
                    } if snap.procore_raw.contains_key(procore_id)
                        && (self.options.per_record
                            || snap.origin_id(*procore_id)
                                != Some(E::origin_id_for(erp_key).as_str())) =>
                    {
                        items.push(E::procore_item(Some(*procore_id), erp_key, &Fields::new()));
                        sent.push((i, Some(*procore_id), erp_key.clone()));
                        results[i].stamp_only = true;
                    }
                    _ => {}
                }
            }
            if !items.is_empty() {
                match E::sync(&self.procore, items).await {
                    Ok(outcome) => apply_sync_outcome::<E>(&outcome, &sent, &mut results),
                    Err(e) => {
                        transient = true;
                        // Waiting out the rate limit or an outage: the records are sent again
                        // by the next run, they are pending, not refused.
                        let pending = e.kind().is_retryable();
                        let message = match (pending, e.retry_at()) {
                            // The Synchronization Manager's hourglass: until when Procore's
                            // rate limit holds the records.
                            (true, Some(at)) => format!(
                                "Procore: {e}; pending until {} UTC, sent again by the next run",
                                at.format("%H:%M")
                            ),
                            (true, None) => format!("Procore: {e}; sent again by the next run"),
                            (false, _) => format!("Procore: {e}"),
                        };
                        for (i, _, _) in &sent {
                            results[*i].procore_error = Some(message.clone());
                            results[*i].procore_pending = pending;
                        }
                        // Without a valid grant no later call can succeed: this batch is
                        // recorded, then the run stops for the user to reconnect.
                        if matches!(
                            e.kind(),
                            procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
                        ) {
                            stop = Some(e);
                        }
                    }
                }
            }

            // Bindings with their new agreed values (and, after the last batch, the cursors)
            // in one state transaction.
            let mut tx = self.state.begin().await?;
            let mut links: Vec<BindingWrite> = Vec::new();
            for (i, step) in chunk.iter().enumerate() {
                let r = &results[i];
                if r.failed() {
                    continue;
                }
                if let Step::Update { erp_key, .. } | Step::Unchanged { erp_key, .. } = step {
                    settled.insert(erp_key.clone());
                }
                let link = match step {
                    Step::CreateInProcore { erp_key, fields } => r
                        .created_procore_id
                        .map(|id| (erp_key.clone(), id, fields.clone())),
                    Step::CreateInErp {
                        procore_id, fields, ..
                    } => r
                        .erp_key
                        .clone()
                        .map(|key| (key, *procore_id, fields.clone())),
                    Step::Update {
                        erp_key,
                        procore_id,
                        base,
                        ..
                    } => Some((erp_key.clone(), *procore_id, base.clone())),
                    _ => None,
                };
                if let Some((erp_key, procore_id, base)) = link {
                    let (erp_now, procore_now) = held_after(step, &base, snap);
                    links.push(BindingWrite {
                        pairing: self.pairing,
                        entity: E::SPEC.name.to_owned(),
                        erp_key,
                        procore_id,
                        erp_hash: Some(erp_now.digest()),
                        procore_hash: Some(procore_now.digest()),
                        last_synced_values: serde_json::to_value(&base)
                            .unwrap_or(serde_json::Value::Null),
                    });
                }
            }
            // A clash is refused as one write alone would be: the error names both sides.
            for i in tx.upsert_bindings(&links).await? {
                tx.upsert_binding(&links[i]).await?;
            }
            if n == last && !transient {
                tx.advance_cursor(erp_cursor.0, CursorValue::ChangeSeq(erp_cursor.1 .0))
                    .await?;
                tx.advance_cursor_to_latest(
                    procore_cursor.0,
                    CursorValue::UpdatedAt(procore_cursor.1),
                )
                .await?;
            }
            tx.commit().await?;

            // Outcomes and conflicts.
            for (step, r) in chunk.iter().zip(&results) {
                out.step(step, r, snap);
                if let Step::Update {
                    erp_key,
                    procore_id,
                    conflicts,
                    ..
                } = step
                {
                    for c in conflicts {
                        self.state
                            .record_conflict(&new_conflict(
                                self.pairing,
                                E::SPEC.name,
                                erp_key,
                                *procore_id,
                                c,
                            ))
                            .await?;
                    }
                }
            }
            if let Some(id) = run_id {
                let pending = std::mem::take(&mut out.pending);
                if !pending.is_empty() {
                    self.state.add_outcomes(id, &pending).await?;
                }
            }
            written += chunk.len() as u64;
            self.report(E::SPEC.name, Phase::Writing, written, Some(total_steps));
            if let Some(e) = stop {
                return Err(e.into());
            }
        }
        self.report(E::SPEC.name, Phase::Done, total_steps, Some(total_steps));
        Ok(settled)
    }
}

/// `steps` in batches of at most `size` writes (one Procore sync action, one maestro* and one
/// state transaction each); unchanged and skipped steps ride along, so steps that write
/// nothing never cost a sync action of their own. Always at least one batch, the last one
/// advancing the cursors.
fn write_batches(steps: &[Step], size: usize) -> Vec<&[Step]> {
    let mut batches = Vec::new();
    let (mut start, mut writes) = (0, 0);
    for (i, step) in steps.iter().enumerate() {
        if matches!(
            step,
            Step::CreateInProcore { .. } | Step::CreateInErp { .. } | Step::Update { .. }
        ) {
            if writes == size {
                batches.push(&steps[start..i]);
                (start, writes) = (i, 0);
            }
            writes += 1;
        }
    }
    batches.push(&steps[start..]);
    batches
}

/// What each side holds once `step` is written, for the binding's hashes: a conflicting field
/// keeps each side's own value, so the two may differ from the agreed `base`.
fn held_after<E: SyncEntity>(step: &Step, base: &Fields, snap: &Snapshot<E>) -> (Fields, Fields) {
    match step {
        Step::Update {
            erp_key,
            procore_id,
            to_procore,
            to_erp,
            ..
        } => {
            let erp = snap
                .erp
                .get(erp_key)
                .map_or(base, |e| &e.planned.fields)
                .merged(to_erp);
            let procore = snap
                .procore
                .get(procore_id)
                .map_or(base, |p| &p.planned.fields)
                .merged(to_procore);
            (erp, procore)
        }
        _ => (base.clone(), base.clone()),
    }
}

/// Writes a user's choice: the agreed value of each resolved field becomes the losing side's
/// current value, so the planner sees only the chosen side as changed and carries it over.
/// A losing side edited again since gives the same answer; one edited to the chosen value
/// leaves nothing to write.
fn apply_resolutions<E: SyncEntity>(
    resolutions: &[state::Conflict],
    snap: &Snapshot<E>,
    bindings: &mut BTreeMap<(String, u64), Bound>,
) {
    for c in resolutions {
        let Some(bound) = bindings.values_mut().find(|b| b.erp_key == c.erp_key) else {
            continue;
        };
        let loser = match c.resolution {
            Some(state::Resolution::KeepErp) => snap
                .procore
                .get(&bound.procore_id)
                .map(|p| p.planned.fields.get(&c.field).clone()),
            Some(state::Resolution::KeepProcore) => snap
                .erp
                .get(&bound.erp_key)
                .map(|e| e.planned.fields.get(&c.field).clone()),
            None => None,
        };
        if let (Some(value), Some(base)) = (loser, bound.base.as_mut()) {
            base.set(&c.field, value);
        }
    }
}

/// A field with an open conflict is written by neither side until the conflict is resolved,
/// even when the two sides have since come to differ in a way the planner would carry over;
/// its agreed value stays the old one so it is compared again next run.
fn hold_open_conflicts(
    the_plan: &mut Plan,
    open: &BTreeMap<String, BTreeSet<String>>,
    bindings: &BTreeMap<(String, u64), Bound>,
) {
    for step in &mut the_plan.steps {
        let Step::Update {
            erp_key,
            procore_id,
            to_procore,
            to_erp,
            conflicts,
            base,
            ..
        } = step
        else {
            continue;
        };
        let Some(fields) = open.get(erp_key.as_str()) else {
            continue;
        };
        let old = bindings
            .get(&(erp_key.clone(), *procore_id))
            .and_then(|b| b.base.clone())
            .unwrap_or_default();
        let held = |f: &Fields| -> Fields {
            f.iter()
                .filter(|(k, _)| !fields.contains(*k))
                .map(|(k, v)| (k.to_owned(), v.clone()))
                .collect()
        };
        let written_somewhere = fields
            .iter()
            .any(|f| to_procore.names().any(|n| n == f) || to_erp.names().any(|n| n == f));
        *to_procore = held(to_procore);
        *to_erp = held(to_erp);
        if written_somewhere || conflicts.iter().any(|c| fields.contains(&c.field)) {
            for f in fields {
                base.set(f, old.get(f).clone());
            }
        }
    }
}

fn new_conflict(
    pairing: PairingId,
    entity: &str,
    erp_key: &str,
    procore_id: u64,
    c: &FieldConflict,
) -> NewConflict {
    NewConflict {
        pairing,
        entity: entity.to_owned(),
        erp_key: erp_key.to_owned(),
        procore_id: Some(procore_id),
        field: c.field.clone(),
        base_value: c.base.clone(),
        erp_value: c.erp.clone(),
        procore_value: c.procore.clone(),
    }
}

/// Matches Procore's answer to the items sent: refused items by id or origin id, accepted
/// ones likewise (a created record's id is learned here).
fn apply_sync_outcome<E: SyncEntity>(
    outcome: &SyncOutcome<E::Procore>,
    sent: &[(usize, Option<u64>, String)],
    results: &mut [StepResult],
) {
    for (i, id, key) in sent {
        let origin = E::origin_id_for(key);
        let refused = outcome.errors.iter().find(|e| match id {
            Some(id) => e.id == Some(*id),
            None => e.origin_id.as_deref() == Some(origin.as_str()),
        });
        if let Some(e) = refused {
            let fields: Vec<String> = e.field_errors.iter().map(ToString::to_string).collect();
            results[*i].procore_error = Some(format!(
                "{} {key}: refused by Procore: {}",
                E::LABEL,
                fields.join("; ")
            ));
            continue;
        }
        let accepted = outcome.entities.iter().find(|p| match id {
            Some(id) => E::procore_id(p) == *id,
            None => E::origin_id(p) == Some(origin.as_str()),
        });
        match accepted {
            Some(p) => {
                results[*i].procore_written = true;
                if id.is_none() {
                    results[*i].created_procore_id = Some(E::procore_id(p));
                }
            }
            None => {
                results[*i].procore_error = Some(format!(
                    "{} {key}: Procore neither confirmed nor refused the write",
                    E::LABEL
                ))
            }
        }
    }
}

/// What happened to one step's writes.
#[derive(Debug, Clone, Default)]
struct StepResult {
    erp_key: Option<String>,
    erp_written: bool,
    erp_error: Option<String>,
    procore_written: bool,
    created_procore_id: Option<u64>,
    procore_error: Option<String>,
    /// The Procore write failed for a reason that passes (rate limit, outage).
    procore_pending: bool,
    /// The Procore write only stamped the `origin_id`: its failure does not undo the step.
    stamp_only: bool,
}

impl StepResult {
    fn failed(&self) -> bool {
        self.erp_error.is_some() || (self.procore_error.is_some() && !self.stamp_only)
    }
}

/// Both sides' records for one entity, raw and mapped.
struct Snapshot<E: SyncEntity> {
    erp_raw: BTreeMap<String, E::Erp>,
    erp: BTreeMap<String, ErpSide>,
    procore_raw: BTreeMap<u64, E::Procore>,
    procore: BTreeMap<u64, ProcoreSide>,
    /// Procore records that cannot exist in maestro* (reported as errors).
    invalid: BTreeSet<u64>,
    /// maestro* records that cannot exist in Procore (reported as errors).
    invalid_erp: BTreeSet<String>,
}

impl<E: SyncEntity> Default for Snapshot<E> {
    fn default() -> Self {
        Snapshot {
            erp_raw: BTreeMap::new(),
            erp: BTreeMap::new(),
            procore_raw: BTreeMap::new(),
            procore: BTreeMap::new(),
            invalid: BTreeSet::new(),
            invalid_erp: BTreeSet::new(),
        }
    }
}

impl<E: SyncEntity> Snapshot<E> {
    fn add_erp(&mut self, record: E::Erp) -> Result<(), (String, String)> {
        let key = record.key();
        // A record kept out on purpose is a skip, not an error: only eligible ones are checked.
        if E::from_erp(&record).planned.excluded.is_none() {
            if let Some(message) = E::erp_invalid(&record) {
                self.invalid_erp.insert(key.clone());
                return Err((key, message));
            }
        }
        self.erp.insert(key.clone(), E::from_erp(&record));
        self.erp_raw.insert(key, record);
        Ok(())
    }

    fn add_procore(&mut self, record: E::Procore) -> Result<(), (u64, String)> {
        let id = E::procore_id(&record);
        match E::from_procore(&record) {
            Ok(side) => {
                self.procore.insert(id, side);
                self.procore_raw.insert(id, record);
                Ok(())
            }
            Err(message) => {
                self.invalid.insert(id);
                Err((id, message))
            }
        }
    }

    /// Takes in the Procore records of `page`, read after the ones held.
    fn absorb(&mut self, page: Snapshot<E>) {
        self.procore.extend(page.procore);
        self.procore_raw.extend(page.procore_raw);
        self.invalid.extend(page.invalid);
    }

    fn planned_erp(&self) -> Vec<engine::plan::ErpRecord> {
        self.erp.values().map(|s| s.planned.clone()).collect()
    }

    fn planned_procore(&self) -> Vec<engine::plan::ProcoreRecord> {
        self.procore.values().map(|s| s.planned.clone()).collect()
    }

    fn origin_id(&self, id: u64) -> Option<&str> {
        self.procore_raw.get(&id).and_then(E::origin_id)
    }

    fn warnings(&self, id: u64) -> &[String] {
        self.procore.get(&id).map_or(&[], |s| &s.warnings[..])
    }
}

/// Builds the outcomes and the counts.
struct Recorder {
    entity: &'static str,
    label: &'static str,
    /// Messages say what would be done.
    dry: bool,
    summary: EntitySummary,
    pending: Vec<NewOutcome>,
}

impl Recorder {
    fn new(entity: &'static str, label: &'static str) -> Self {
        Recorder {
            entity,
            label,
            dry: false,
            summary: EntitySummary::new(entity),
            pending: Vec::new(),
        }
    }

    /// `what` was done, or would be in a dry run.
    fn done(&self, what: &str) -> String {
        if self.dry {
            format!("would be {what}")
        } else {
            what.to_owned()
        }
    }

    fn push(
        &mut self,
        erp_key: Option<&str>,
        procore_id: Option<u64>,
        action: OutcomeAction,
        side: WrittenSide,
        status: SyncStatus,
        message: String,
    ) {
        self.pending.push(NewOutcome {
            entity: self.entity.to_owned(),
            erp_key: erp_key.map(str::to_owned),
            procore_id,
            action,
            side,
            status,
            message,
        });
    }

    fn invalid_procore(&mut self, (id, message): (u64, String)) {
        self.summary.errors.erp += 1;
        self.push(
            None,
            Some(id),
            OutcomeAction::Skip,
            WrittenSide::None,
            SyncStatus::Error,
            message,
        );
    }

    /// A Procore record that could not even be read: the error names it and the field.
    fn unreadable_procore(&mut self, record: &procore::UnreadableRecord) {
        self.summary.errors.erp += 1;
        let field = record
            .field
            .as_deref()
            .map_or(String::new(), |f| format!("{f}: "));
        let message = match record.id {
            Some(id) => format!(
                "{} {id}: unreadable from Procore: {field}{}",
                self.label, record.reason
            ),
            None => format!(
                "a {} without a readable id is unreadable from Procore: {field}{}",
                self.label, record.reason
            ),
        };
        self.push(
            None,
            record.id,
            OutcomeAction::Skip,
            WrittenSide::None,
            SyncStatus::Error,
            message,
        );
    }

    fn invalid_erp(&mut self, (key, message): (String, String)) {
        self.summary.errors.procore += 1;
        self.push(
            Some(&key),
            None,
            OutcomeAction::Skip,
            WrittenSide::None,
            SyncStatus::Error,
            message,
        );
    }

    fn linked(&mut self, dry_run: bool, erp_key: &str, procore_id: u64, on: MatchedOn) {
        self.summary.linked += 1;
        let verb = if dry_run { "would be linked" } else { "linked" };
        let on = match on {
            MatchedOn::OriginId => "origin_id",
            MatchedOn::Number => "number",
            MatchedOn::Name => "normalized name",
        };
        let message = format!(
            "{} {erp_key}: {verb} to the existing Procore record {procore_id} by {on}",
            self.label
        );
        self.push(
            Some(erp_key),
            Some(procore_id),
            OutcomeAction::Link,
            WrittenSide::None,
            SyncStatus::Success,
            message,
        );
    }

    /// Counts what a plan would do, for a dry run.
    fn dry_run<E: SyncEntity>(&mut self, plan: &Plan, snap: &Snapshot<E>) {
        self.dry = true;
        for step in &plan.steps {
            let result = StepResult {
                erp_written: true,
                procore_written: true,
                ..StepResult::default()
            };
            self.step(step, &result, snap);
        }
        // The plan is shown, not recorded.
        self.summary.planned = std::mem::take(&mut self.pending);
    }

    fn step<E: SyncEntity>(&mut self, step: &Step, r: &StepResult, snap: &Snapshot<E>) {
        let label = self.label;
        match step {
            Step::CreateInProcore { erp_key, .. } => match &r.procore_error {
                Some(e) => self.unwritten_procore(r, Some(erp_key), None, e.clone()),
                None => {
                    self.summary.created.procore += 1;
                    self.push(
                        Some(erp_key),
                        r.created_procore_id,
                        OutcomeAction::Create,
                        WrittenSide::Procore,
                        SyncStatus::Success,
                        format!("{label} {erp_key}: {}", self.done("created in Procore")),
                    );
                }
            },
            Step::CreateInErp { procore_id, .. } => match (&r.erp_error, &r.procore_error) {
                (Some(e), _) => self.error_erp(None, Some(*procore_id), e.clone()),
                (None, procore_error) => {
                    let key = r.erp_key.clone().unwrap_or_default();
                    self.summary.created.erp += 1;
                    let mut message =
                        format!("{label} {key}: {} from Procore {procore_id}", self.done("created in maestro*"));
                    let mut status = SyncStatus::Success;
                    let warnings = snap.warnings(*procore_id);
                    if !warnings.is_empty() {
                        self.summary.warnings.erp += 1;
                        status = SyncStatus::Warning;
                        message = format!("{message}; {}", warnings.join("; "));
                    }
                    if let Some(e) = procore_error {
                        status = SyncStatus::Warning;
                        message = format!("{message}; its origin_id was not set: {e}");
                    }
                    self.push(
                        Some(&key),
                        Some(*procore_id),
                        OutcomeAction::Create,
                        WrittenSide::Erp,
                        status,
                        message,
                    );
                }
            },
            Step::Update {
                erp_key,
                procore_id,
                to_procore,
                to_erp,
                conflicts,
                overridden,
                ..
            } => {
                let names = |f: &Fields| f.names().collect::<Vec<_>>().join(", ");
                let mut wrote = false;
                if to_erp.names().next().is_some() {
                    wrote = true;
                    match &r.erp_error {
                        Some(e) => self.error_erp(Some(erp_key), Some(*procore_id), e.clone()),
                        None => {
                            self.summary.updated.erp += 1;
                            let mut message = format!(
                                "{label} {erp_key}: {}: {}",
                                self.done("updated in maestro*"),
                                names(to_erp)
                            );
                            let mut status = SyncStatus::Success;
                            let warnings = snap.warnings(*procore_id);
                            if to_erp.names().any(|n| n == "address") && !warnings.is_empty() {
                                self.summary.warnings.erp += 1;
                                status = SyncStatus::Warning;
                                message = format!("{message}; {}", warnings.join("; "));
                            }
                            self.push(
                                Some(erp_key),
                                Some(*procore_id),
                                OutcomeAction::Update,
                                WrittenSide::Erp,
                                status,
                                message,
                            );
                        }
                    }
                }
                if to_procore.names().next().is_some() {
                    wrote = true;
                    match &r.procore_error {
                        Some(e) => {
                            self.unwritten_procore(r, Some(erp_key), Some(*procore_id), e.clone())
                        }
                        None => {
                            self.summary.updated.procore += 1;
                            let mut message = format!(
                                "{label} {erp_key}: {}: {}",
                                self.done("updated in Procore"),
                                names(to_procore)
                            );
                            if !overridden.is_empty() {
                                message = format!(
                                    "{message}; Procore edits overwritten: {}",
                                    overridden.join(", ")
                                );
                            }
                            self.push(
                                Some(erp_key),
                                Some(*procore_id),
                                OutcomeAction::Update,
                                WrittenSide::Procore,
                                SyncStatus::Success,
                                message,
                            );
                        }
                    }
                }
                if !conflicts.is_empty() {
                    self.summary.conflicts += conflicts.len() as u64;
                    let detail: Vec<String> = conflicts
                        .iter()
                        .map(|c| {
                            format!(
                                "{} (maestro* {}, Procore {})",
                                c.field, c.erp, c.procore
                            )
                        })
                        .collect();
                    self.push(
                        Some(erp_key),
                        Some(*procore_id),
                        OutcomeAction::Conflict,
                        WrittenSide::None,
                        SyncStatus::Warning,
                        format!(
                            "{label} {erp_key}: changed differently on both sides, neither written: {}",
                            detail.join("; ")
                        ),
                    );
                } else if !wrote {
                    // Sides that already agree: a fresh link, or the same change on both.
                    self.summary.unchanged += 1;
                    self.push(
                        Some(erp_key),
                        Some(*procore_id),
                        OutcomeAction::Skip,
                        WrittenSide::None,
                        SyncStatus::Success,
                        format!("{label} {erp_key}: already the same on both sides"),
                    );
                }
            }
            Step::Unchanged {
                erp_key,
                procore_id,
            } => {
                self.summary.unchanged += 1;
                self.push(
                    Some(erp_key),
                    Some(*procore_id),
                    OutcomeAction::Skip,
                    WrittenSide::None,
                    SyncStatus::Success,
                    format!("{label} {erp_key}: unchanged"),
                );
            }
            Step::Skipped { side, key, reason } => {
                self.summary.skipped += 1;
                let (erp_key, procore_id) = match side {
                    Side::Erp => (Some(key.as_str()), None),
                    Side::Procore => (None, key.parse().ok()),
                };
                self.push(
                    erp_key,
                    procore_id,
                    OutcomeAction::Skip,
                    WrittenSide::None,
                    SyncStatus::Warning,
                    reason.clone(),
                );
            }
            Step::FetchOther {
                erp_key,
                procore_id,
                ..
            } => self.error_erp(
                Some(erp_key),
                Some(*procore_id),
                format!(
                    "{label} {erp_key}: its linked Procore record {procore_id} or maestro* record was not found"
                ),
            ),
        }
    }

    fn error_erp(&mut self, erp_key: Option<&str>, procore_id: Option<u64>, message: String) {
        self.summary.errors.erp += 1;
        self.push(
            erp_key,
            procore_id,
            OutcomeAction::Update,
            WrittenSide::Erp,
            SyncStatus::Error,
            message,
        );
    }

    fn error_procore(&mut self, erp_key: Option<&str>, procore_id: Option<u64>, message: String) {
        self.summary.errors.procore += 1;
        self.push(
            erp_key,
            procore_id,
            OutcomeAction::Update,
            WrittenSide::Procore,
            SyncStatus::Error,
            message,
        );
    }

    /// A Procore write to be made by the next run (the rate limit or an outage), or refused.
    fn unwritten_procore(
        &mut self,
        r: &StepResult,
        erp_key: Option<&str>,
        procore_id: Option<u64>,
        message: String,
    ) {
        if !r.procore_pending {
            return self.error_procore(erp_key, procore_id, message);
        }
        self.summary.pending += 1;
        self.push(
            erp_key,
            procore_id,
            OutcomeAction::Update,
            WrittenSide::Procore,
            SyncStatus::Pending,
            message,
        );
    }
}
