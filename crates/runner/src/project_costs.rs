//! Project costs, maestro* → Procore direct costs ([`engine::project_costs`]): purchases as
//! invoices, expenses as expenses, payroll as payroll with the details the company chose.
//!
//! Project-scoped with one `change_seq` cursor per project. A project's changed costs are placed
//! (activity → its bound last-level cost code, kind → the configured Procore cost type, supplier
//! → vendor, employee → company user), then written in two sync actions per 1,000 costs: the
//! direct costs (matched by `origin_id` = cost number, so a lost answer is sent again safely)
//! and their lines (`origin_id` = `<number>|<line>`). Procore locks a direct cost written with an
//! `origin_id`, so a later change goes as an adjusting cost, and the Synchronization Manager
//! says so. A cost that cannot be placed is an error naming what to synchronize first.

use std::collections::{BTreeMap, BTreeSet};

use engine::cost_codes::CostCodeMode;
use engine::entity::{Direction, EntitySpec, Scope};
use engine::project_costs::{
    plan_cost, sent_of, CostKind, CostStep, NewDirectCost, PayrollDetails, PlacedCost,
    ProjectCostTypes, Sent,
};
use erp::{ChangeSeq, ProjectCost, ProjectCostType};
use procore::resources::direct_cost_line_items::DirectCostLineItemSyncItem;
use procore::resources::direct_costs::DirectCostSyncItem;
use state::{CursorValue, OutcomeAction, RunId, StateStore, SyncStatus, WrittenSide};

use crate::cost_codes::{cost_code_mode, MAX_PAGES};
use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::{batch_failed, Out};
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

pub const PROJECT_COSTS: EntitySpec = EntitySpec {
    name: "project_costs",
    direction: Direction::ErpToProcore,
    scope: Scope::Project,
    depends_on: &["cost_codes", "suppliers", "employees"],
};

/// Setting (per maestro* company): the [`ProjectCostTypes`].
pub const COST_TYPES_SETTING: &str = "project_costs.cost_types";
/// Setting (per maestro* company): the [`PayrollDetails`] sent with payroll costs.
pub const PAYROLL_DETAILS_SETTING: &str = "project_costs.payroll_details";

pub async fn payroll_details(
    state: &StateStore,
    company: &str,
) -> Result<PayrollDetails, RunnerError> {
    Ok(state
        .setting_as(company, PAYROLL_DETAILS_SETTING)
        .await?
        .unwrap_or_default())
}

pub async fn project_cost_types(
    state: &StateStore,
    company: &str,
) -> Result<ProjectCostTypes, RunnerError> {
    Ok(state
        .setting_as(company, COST_TYPES_SETTING)
        .await?
        .unwrap_or_default())
}

/// A Procore refusal that means the record is there already, locked by its `origin_id`.
fn already_there(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("synced with erp") || m.contains("cannot be edited")
}

/// One cost on its way: the plan and what to record once written.
struct Pending {
    number: String,
    cost: NewDirectCost,
    sent: Sent,
    /// The original direct cost, for an adjusting one.
    original: Option<u64>,
    message: String,
}

/// Batches of project costs sent side by side. A batch spends most of its time waiting for
/// Procore (its two sync actions); with others in flight the engine places and plans the next
/// batches while Procore writes one, so neither waits for the other. With two, each side still
/// waited for the other about a sixth of the time on the benchmark's large company; four keep
/// Procore's queue full. Under Procore's rate limit more would only queue, and each batch holds
/// at most a sync action's thousand costs, so memory stays bounded.
const COST_BATCHES_IN_FLIGHT: usize = 4;

/// One project's costs, at most a sync action of them.
struct CostBatch {
    number: String,
    procore_project: u64,
    costs: Vec<ProjectCost>,
}

/// The next batch, or `None` once the reading side is done (or was stopped).
async fn next_batch(
    batches: &mut Option<tokio::sync::mpsc::Receiver<CostBatch>>,
) -> Option<CostBatch> {
    match batches {
        Some(batches) => batches.recv().await,
        None => None,
    }
}

/// What every batch of one run's project costs is sent with.
struct CostBatches<'a> {
    details: PayrollDetails,
    kinds: &'a ProjectCostTypes,
    /// Read once for the entity: every batch places its costs on last-level codes.
    mode: &'a CostCodeMode,
    run_id: Option<RunId>,
    /// Procore vendors of the suppliers the batches named so far, by supplier code.
    vendors: BoundIds,
    /// Procore users of the employees the batches named so far, by employee code.
    users: BoundIds,
    /// Procore cost codes of the activities the batches named so far, by binding key.
    codes: BoundIds,
}

/// Procore ids of the records costs are placed on (suppliers, employees, activities), by
/// binding key, kept while the entity runs: a company's costs name the same suppliers and a
/// project's batches the same activities, and reading their bindings again for each batch of
/// a thousand costs read as many rows as the costs themselves. All three are synchronized
/// before project costs, so their bindings hold still while the costs are sent; a key not
/// bound is asked for again (it is an error then). At most [`BOUND_IDS_KEPT`] are kept.
struct BoundIds {
    known: std::sync::Mutex<BTreeMap<String, u64>>,
    /// How many are kept at most: [`BOUND_IDS_KEPT`].
    kept: usize,
}

impl Default for BoundIds {
    fn default() -> BoundIds {
        BoundIds::keeping(BOUND_IDS_KEPT)
    }
}

/// How many ids a [`BoundIds`] keeps before it starts over: a few MiB, whatever the company's
/// size.
const BOUND_IDS_KEPT: usize = 50_000;

impl BoundIds {
    fn keeping(kept: usize) -> BoundIds {
        BoundIds {
            known: Default::default(),
            kept,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, u64>> {
        self.known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The Procore ids of `codes` that are bound, reading only the ones not known yet.
    async fn of(
        &self,
        state: &StateStore,
        pairing: state::PairingId,
        entity: &str,
        codes: BTreeSet<String>,
    ) -> Result<BTreeMap<String, u64>, RunnerError> {
        let mut found = BTreeMap::new();
        let mut missing = Vec::new();
        {
            let known = self.lock();
            for code in codes {
                match known.get(&code) {
                    Some(id) => {
                        found.insert(code, *id);
                    }
                    None => missing.push(code),
                }
            }
        }
        if !missing.is_empty() {
            let read = state
                .procore_ids_by_erp_keys(pairing, entity, &missing)
                .await?;
            let mut known = self.lock();
            if known.len() + read.len() > self.kept {
                known.clear();
            }
            known.extend(read.iter().map(|(k, v)| (k.clone(), *v)));
            found.extend(read);
        }
        Ok(found)
    }
}

impl SyncRunner {
    pub(crate) async fn sync_project_costs(
        &self,
        run_id: Option<RunId>,
    ) -> Result<EntitySummary, RunnerError> {
        let entity = PROJECT_COSTS.name;
        let mut out = Out::new(entity, run_id.is_none());
        let (bound, _) = self.bound_projects().await?;
        let mut cursors: BTreeMap<String, Option<i64>> = BTreeMap::new();
        for number in bound.keys() {
            let (_, at) = self.erp_position(entity, number).await?;
            cursors.insert(number.clone(), at);
        }
        let since = if cursors.values().any(Option::is_none) {
            ChangeSeq::ORIGIN
        } else {
            ChangeSeq(cursors.values().flatten().copied().min().unwrap_or(0))
        };
        let details = payroll_details(&self.state, &self.company).await?;
        let kinds = project_cost_types(&self.state, &self.company).await?;
        let mode = cost_code_mode(&self.state, &self.company).await?;
        let batch_of = CostBatches {
            details,
            kinds: &kinds,
            mode: &mode,
            run_id,
            vendors: BoundIds::default(),
            users: BoundIds::default(),
            codes: BoundIds::default(),
        };
        let (to_send, batches) = tokio::sync::mpsc::channel(1);
        let mut clean: BTreeMap<String, bool> = BTreeMap::new();
        // The change feed is read on a task of its own: reading and decoding a million rows
        // runs beside the planning and the writing instead of taking turns with them.
        let reading = tokio::spawn(cost_batches(
            CostFeed {
                erp: self.erp.clone(),
                company: self.company.clone(),
                chunk: self.options.batch_size.clamp(1, procore::MAX_SYNC_BATCH),
                page: self.options.erp_page,
            },
            bound.clone(),
            cursors,
            since,
            to_send,
        ));
        let (read, sent) = tokio::join!(
            reading,
            self.send_cost_batches(&batch_of, batches, &mut clean, &mut out),
        );
        let read = read.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        // Every batch sent has its outcomes; a failure of either side stops the entity now.
        let total = sent?;
        let Some(high) = read? else {
            return out.finish(self, run_id).await;
        };
        if run_id.is_some() {
            for number in bound.keys() {
                if clean.get(number).copied().unwrap_or(true) {
                    let (key, _) = self.erp_position(entity, number).await?;
                    self.state
                        .advance_cursor(&key, CursorValue::ChangeSeq(high.0))
                        .await?;
                }
            }
        }
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
    }

    /// Sends the batches [`cost_batches`] hands on, [`COST_BATCHES_IN_FLIGHT`] at a time,
    /// gathering their outcomes into `out` and whether each project's all went through into
    /// `clean`. A batch that fails for good (a lost grant, the state database) stops the
    /// reading; the batches already sent are waited for, so each has its outcomes and bindings.
    /// How many costs the batches held.
    async fn send_cost_batches(
        &self,
        batch_of: &CostBatches<'_>,
        batches: tokio::sync::mpsc::Receiver<CostBatch>,
        clean: &mut BTreeMap<String, bool>,
        out: &mut Out,
    ) -> Result<u64, RunnerError> {
        use futures::StreamExt;

        let (entity, dry) = (out.entity, out.dry);
        let mut batches = Some(batches);
        let mut in_flight = futures::stream::FuturesUnordered::new();
        let mut failure: Option<RunnerError> = None;
        let mut done = 0u64;
        let mut first = true;
        loop {
            let room = in_flight.len() < COST_BATCHES_IN_FLIGHT;
            tokio::select! {
                next = next_batch(&mut batches), if room && batches.is_some() => match next {
                    Some(batch) => {
                        if std::mem::take(&mut first) {
                            // Procore's cost types, read once for the run before batches run
                            // side by side (each would read them otherwise). A failure here
                            // is the batch's own, reported when it reads them again.
                            let _ = self.line_item_types(batch.procore_project).await;
                        }
                        in_flight.push(async move {
                            let mut part = Out::new(entity, dry);
                            let mut result =
                                self.project_cost_batch(batch_of, &batch, &mut part).await;
                            // Each batch records its own outcomes. This loop drives the
                            // batches only while it waits on them: were it to wait on the
                            // state database itself, a batch holding the write lock would
                            // stand still, and the wait would end in "database is locked".
                            if let Err(e) = part.record(self, batch_of.run_id).await {
                                result = result.and(Err(e));
                            }
                            (batch, part, result)
                        });
                    }
                    None => batches = None,
                },
                Some((batch, part, result)) = in_flight.next() => {
                    out.absorb(part);
                    done += batch.costs.len() as u64;
                    let ok = match result {
                        Ok(ok) => ok,
                        Err(e) => {
                            failure.get_or_insert(e);
                            false
                        }
                    };
                    *clean.entry(batch.number).or_insert(true) &= ok;
                    if failure.is_some() {
                        // Dropping the receiver stops the reading side.
                        batches = None;
                    }
                    self.report(PROJECT_COSTS.name, Phase::Writing, done, None);
                },
                else => break,
            }
        }
        failure.map_or(Ok(done), Err)
    }

    /// Sends one batch of a project's costs; whether all went through. A failure of the batch
    /// is the project's error outcome and the run goes on (a lost grant stops it).
    async fn project_cost_batch(
        &self,
        batch_of: &CostBatches<'_>,
        batch: &CostBatch,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        let run_id = batch_of.run_id;
        let (number, procore_project, costs) =
            (batch.number.as_str(), batch.procore_project, &batch.costs);
        let clean = match self
            .project_costs(number, procore_project, costs, batch_of, out)
            .await
        {
            Ok(clean) => clean,
            Err(e) => {
                out.project_failed(self, run_id, number, e).await?;
                false
            }
        };
        out.flush(self, run_id).await?;
        Ok(clean)
    }

    /// Places one project's costs on Procore ids; the ones that cannot be placed are errors.
    async fn place_costs(
        &self,
        number: &str,
        procore_project: u64,
        costs: &[ProjectCost],
        batch_of: &CostBatches<'_>,
        out: &mut Out,
    ) -> Result<Vec<PlacedCost>, RunnerError> {
        let (mode, kinds) = (batch_of.mode, batch_of.kinds);
        let activities: BTreeSet<String> = costs
            .iter()
            .map(|c| crate::cost_codes::erp_key(number, &c.activity_code))
            .collect();
        let codes = batch_of
            .codes
            .of(
                &self.state,
                self.pairing,
                crate::cost_codes::SPEC.name,
                activities,
            )
            .await?;
        let parents: BTreeSet<String> = codes
            .keys()
            .filter_map(|k| k.split_once('|').map(|(_, a)| a))
            .filter_map(|a| mode.parent_activity(a))
            .collect();
        let suppliers: BTreeSet<String> = costs
            .iter()
            .filter_map(|c| c.supplier_code.clone())
            .collect();
        let vendors = batch_of
            .vendors
            .of(&self.state, self.pairing, "suppliers", suppliers)
            .await?;
        let employees: BTreeSet<String> = costs
            .iter()
            .filter_map(|c| c.employee_code.clone())
            .collect();
        let users = batch_of
            .users
            .of(&self.state, self.pairing, "employees", employees)
            .await?;
        let types = self.line_item_types(procore_project).await?;
        let mut placed = Vec::new();
        for c in costs {
            let mut problems = Vec::new();
            let code = codes.get(&crate::cost_codes::erp_key(number, &c.activity_code));
            if code.is_none() {
                problems.push(format!(
                    "activity_code: activity {} of project {number} has no Procore cost code (non-existent cost code: synchronize cost codes first)",
                    c.activity_code
                ));
            } else if parents.contains(&c.activity_code) {
                problems.push(format!(
                    "activity_code: activity {} is not a last-level cost code; only the last level carries costs in Procore",
                    c.activity_code
                ));
            }
            let (kind, type_code) = match c.cost_type {
                ProjectCostType::Purchase => (CostKind::Invoice, &kinds.purchase),
                ProjectCostType::Expense => (CostKind::Expense, &kinds.expense),
                ProjectCostType::Payroll => (CostKind::Payroll, &kinds.payroll),
            };
            let line_type = types.get(type_code);
            if line_type.is_none() {
                problems.push(format!(
                    "cost_type: Procore has no cost type {type_code} for {} costs (see the project cost settings)",
                    kind.as_str()
                ));
            }
            let vendor_id = match &c.supplier_code {
                Some(s) => match vendors.get(s) {
                    Some(v) => Some(*v),
                    None => {
                        problems.push(format!(
                            "supplier_code: supplier {s} is not synchronized with Procore (synchronize suppliers first)"
                        ));
                        None
                    }
                },
                None if kind == CostKind::Invoice => {
                    problems.push("supplier_code: a purchase names its supplier".to_owned());
                    None
                }
                None => None,
            };
            let employee_id = match (&c.employee_code, kind) {
                (Some(e), CostKind::Payroll) => match users.get(e) {
                    Some(u) => Some(*u),
                    None => {
                        problems.push(format!(
                            "employee_code: employee {e} is not synchronized with Procore (synchronize employees first)"
                        ));
                        None
                    }
                },
                _ => None,
            };
            match (problems.is_empty(), code, line_type) {
                (true, Some(cc), Some(t)) => placed.push(PlacedCost {
                    number: c.number.clone(),
                    kind,
                    date: c.cost_date,
                    placement: (*cc, *t),
                    vendor_id,
                    employee_id,
                    amount: c.amount,
                    hours: c.hours,
                    rate: c.rate,
                    description: c.description.clone(),
                }),
                _ => out.error(
                    Some(c.number.clone()),
                    None,
                    WrittenSide::Procore,
                    format!(
                        "project cost {} of project {number}: not sent: {}",
                        c.number,
                        problems.join("; ")
                    ),
                ),
            }
        }
        Ok(placed)
    }

    /// Sends one project's changed costs; whether all of them went through.
    async fn project_costs(
        &self,
        number: &str,
        procore_project: u64,
        costs: &[ProjectCost],
        batch_of: &CostBatches<'_>,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        let entity = PROJECT_COSTS.name;
        let details = batch_of.details;
        let placed = self
            .place_costs(number, procore_project, costs, batch_of, out)
            .await?;
        let mut clean = placed.len() == costs.len();
        let keys: Vec<String> = placed.iter().map(|c| c.number.clone()).collect();
        let bindings: BTreeMap<String, state::Binding> = self
            .state
            .bindings_by_erp_keys(self.pairing, entity, &keys)
            .await?
            .into_iter()
            .map(|b| (b.erp_key.clone(), b))
            .collect();
        let mut pending: Vec<Pending> = Vec::new();
        let mut locked: Vec<(String, u64, Sent)> = Vec::new();
        for c in &placed {
            let binding = bindings.get(&c.number);
            let sent: Option<Sent> =
                binding.and_then(|b| serde_json::from_value(b.last_synced_values.clone()).ok());
            match plan_cost(c, sent.as_ref(), details) {
                CostStep::Unchanged => out.summary.unchanged += 1,
                CostStep::Create(cost) => {
                    let message = format!(
                        "project cost {} of project {number}: {} as a {} direct cost of {}",
                        c.number,
                        out.done("created in Procore"),
                        cost.kind.as_str(),
                        cost.total()
                    );
                    pending.push(Pending {
                        number: c.number.clone(),
                        sent: sent_of(c, details),
                        cost,
                        original: None,
                        message,
                    });
                }
                CostStep::Adjust { cost, sent: next } => {
                    let was = sent.as_ref().map(|s| s.total).unwrap_or_default();
                    let message = format!(
                        "project cost {} of project {number}: changed in maestro* ({was} → {}); a direct cost synchronized with an ERP is read-only in Procore, so the difference of {} {} as adjusting cost {}",
                        c.number,
                        c.amount,
                        cost.total(),
                        out.done("goes"),
                        cost.origin_id
                    );
                    pending.push(Pending {
                        number: c.number.clone(),
                        cost,
                        sent: next,
                        original: binding.map(|b| b.procore_id),
                        message,
                    });
                }
                CostStep::Locked { sent: next } => {
                    out.summary.warnings.procore += 1;
                    out.push(
                        Some(c.number.clone()),
                        binding.map(|b| b.procore_id),
                        OutcomeAction::Skip,
                        WrittenSide::None,
                        SyncStatus::Warning,
                        format!(
                            "project cost {} of project {number}: changed in maestro* after it was sent; a direct cost synchronized with an ERP is read-only in Procore, so this change (date, supplier, employee or description) stays in maestro*",
                            c.number
                        ),
                    );
                    if let Some(b) = binding {
                        locked.push((c.number.clone(), b.procore_id, next));
                    }
                }
            }
        }
        if out.dry {
            for p in pending {
                out.summary.created.procore += 1;
                out.push(
                    Some(p.number),
                    p.original,
                    OutcomeAction::Create,
                    WrittenSide::Procore,
                    SyncStatus::Success,
                    p.message,
                );
            }
            return Ok(clean);
        }
        let recording = batch_of.run_id;
        self.link_costs(locked, out, recording).await?;
        if pending.is_empty() {
            return Ok(clean);
        }
        let headers = self.send_headers(procore_project, &pending).await;
        let ids = match headers {
            Ok(ids) => ids,
            Err(e) => return batch_failed(e, &pending, |p, m, retry| fail(out, p, m, retry)),
        };
        let mut lines = Vec::new();
        for p in &pending {
            let Ok(id) = ids.get(&p.cost.origin_id).cloned().unwrap_or_else(|| {
                Err("Procore neither confirmed nor refused the direct cost".to_owned())
            }) else {
                continue;
            };
            for l in &p.cost.lines {
                lines.push(DirectCostLineItemSyncItem {
                    direct_cost_id: Some(id),
                    origin_id: Some(l.origin_id.clone()),
                    cost_code_id: Some(l.placement.0),
                    line_item_type_id: Some(l.placement.1),
                    amount: Some(l.amount),
                    quantity: l.quantity,
                    unit_cost: l.unit_cost,
                    description: l.description.clone(),
                    ..Default::default()
                });
            }
        }
        // Lines Procore already held (a run before lost its answer) are read back: what the
        // binding keeps is what Procore holds, so a difference goes as an adjusting cost.
        let mut held: BTreeSet<String> = BTreeSet::new();
        let line_errors: BTreeMap<String, String> = if lines.is_empty() {
            BTreeMap::new()
        } else {
            match self
                .procore
                .direct_cost_line_items(procore_project)
                .sync_keys(lines)
                .await
            {
                Ok(outcome) => outcome
                    .errors
                    .iter()
                    .filter_map(|e| {
                        let text: Vec<String> =
                            e.field_errors.iter().map(ToString::to_string).collect();
                        let text = text.join("; ");
                        // A line sent before whose answer was lost is there already.
                        match (&e.origin_id, already_there(&text)) {
                            (Some(origin), false) => Some((origin.clone(), text)),
                            (Some(origin), true) => {
                                held.insert(origin.clone());
                                None
                            }
                            _ => None,
                        }
                    })
                    .collect(),
                Err(e) => return batch_failed(e, &pending, |p, m, retry| fail(out, p, m, retry)),
            }
        };
        let mut written = Vec::new();
        for p in pending {
            let id = match ids.get(&p.cost.origin_id) {
                Some(Ok(id)) => *id,
                Some(Err(message)) => {
                    clean = false;
                    fail(out, &p, message, false);
                    continue;
                }
                None => {
                    clean = false;
                    fail(
                        out,
                        &p,
                        "Procore neither confirmed nor refused the direct cost",
                        false,
                    );
                    continue;
                }
            };
            let refused: Vec<&String> = p
                .cost
                .lines
                .iter()
                .filter_map(|l| line_errors.get(&l.origin_id))
                .collect();
            if !refused.is_empty() {
                clean = false;
                let text: Vec<&str> = refused.iter().map(|s| s.as_str()).collect();
                fail(
                    out,
                    &p,
                    &format!("its lines were refused: {}", text.join("; ")),
                    false,
                );
                continue;
            }
            let mut sent = p.sent.clone();
            if p.cost.lines.iter().any(|l| held.contains(&l.origin_id)) {
                let ours: BTreeSet<&str> =
                    p.cost.lines.iter().map(|l| l.origin_id.as_str()).collect();
                let there: rust_decimal::Decimal = self
                    .procore
                    .direct_cost_line_items(procore_project)
                    .list(id, &Default::default())
                    .collect_all()
                    .await?
                    .into_iter()
                    .filter(|l| l.origin_id.as_deref().is_some_and(|o| ours.contains(o)))
                    .map(|l| l.amount.unwrap_or_default())
                    .sum();
                let planned = p.cost.total();
                if there != planned {
                    // What was sent before differs from what is planned now: the binding keeps
                    // what Procore holds, and the next run sends the difference.
                    sent.total += there - planned;
                    clean = false;
                }
            }
            out.summary.created.procore += 1;
            out.push(
                Some(p.number.clone()),
                Some(id),
                OutcomeAction::Create,
                WrittenSide::Procore,
                SyncStatus::Success,
                p.message.clone(),
            );
            written.push((p.number, p.original.unwrap_or(id), sent));
        }
        self.link_costs(written, out, recording).await?;
        Ok(clean)
    }

    /// Links costs to their direct costs, each keeping what Procore holds of it (`Sent`), and
    /// records the outcomes gathered so far with them (in the run `recording`, if any).
    async fn link_costs(
        &self,
        costs: Vec<(String, u64, Sent)>,
        out: &mut Out,
        recording: Option<RunId>,
    ) -> Result<(), RunnerError> {
        let links = costs
            .into_iter()
            .map(|(key, id, sent)| (key, id, serde_json::to_value(sent).unwrap_or_default()));
        let recording = recording.map(|run| (out, run));
        self.link_all_recording(PROJECT_COSTS.name, links, recording)
            .await
    }

    /// Sends the direct costs (without lines) in one sync action per 1,000; their Procore ids by
    /// `origin_id`, or why Procore refused one. A cost Procore already holds (its answer lost
    /// last time) is refused as locked and found by its `origin_id`.
    async fn send_headers(
        &self,
        procore_project: u64,
        pending: &[Pending],
    ) -> Result<BTreeMap<String, Result<u64, String>>, procore::ProcoreError> {
        let costs = self.procore.direct_costs(procore_project);
        let items: Vec<DirectCostSyncItem> = pending
            .iter()
            .map(|p| DirectCostSyncItem {
                origin_id: Some(p.cost.origin_id.clone()),
                direct_cost_type: Some(p.cost.kind.as_str().into()),
                vendor_id: p.cost.vendor_id,
                employee_id: p.cost.employee_id,
                invoice_number: p.cost.invoice_number.clone(),
                direct_cost_date: Some(p.cost.date),
                description: p.cost.description.clone(),
                // Costs posted in maestro* are incurred; and once locked by its origin_id, a
                // direct cost cannot be approved in Procore afterwards.
                status: Some("approved".into()),
                ..Default::default()
            })
            .collect();
        let outcome = costs.sync_keys(items).await?;
        let mut ids: BTreeMap<String, Result<u64, String>> = BTreeMap::new();
        for e in outcome.entities {
            if let Some(origin) = e.origin_id {
                ids.insert(origin, Ok(e.id));
            }
        }
        for e in outcome.errors {
            let Some(origin) = e.origin_id.clone() else {
                continue;
            };
            let text: Vec<String> = e.field_errors.iter().map(ToString::to_string).collect();
            let text = text.join("; ");
            if already_there(&text) {
                if let Some(found) = costs.find_by_origin_id(&origin).await? {
                    ids.insert(origin, Ok(found.id));
                    continue;
                }
            }
            ids.insert(origin, Err(format!("refused by Procore: {text}")));
        }
        Ok(ids)
    }
}

/// Where [`cost_batches`] reads: the company's change feed, a page of `page` rows at a time,
/// cut into sync actions of `chunk` costs.
struct CostFeed {
    erp: std::sync::Arc<dyn erp::ErpConnector>,
    company: String,
    chunk: usize,
    page: u32,
}

/// Reads the change feed a page at a time and hands on each project's costs as soon as they
/// fill a sync action (then what is left of each, project by project): a company's million
/// costs are never held at once, and a batch is a full sync action whatever the page
/// boundaries. The change number the cursors move to once every batch went through, or
/// `None` when the sending side stopped first.
async fn cost_batches(
    feed: CostFeed,
    bound: BTreeMap<String, u64>,
    cursors: BTreeMap<String, Option<i64>>,
    since: ChangeSeq,
    to_send: tokio::sync::mpsc::Sender<CostBatch>,
) -> Result<Option<ChangeSeq>, RunnerError> {
    let mut waiting: BTreeMap<String, Vec<ProjectCost>> = BTreeMap::new();
    let mut high = since;
    for _ in 0..MAX_PAGES {
        let page = feed
            .erp
            .project_costs()
            .changes_since(&feed.company, high, feed.page)
            .await?;
        high = page.high_water;
        for c in page.changes {
            let Some(at) = cursors.get(&c.record.project_number) else {
                continue;
            };
            if at.is_some_and(|at| c.meta.seq.0 <= at) {
                continue;
            }
            let number = c.record.project_number.clone();
            let costs = waiting.entry(number.clone()).or_default();
            costs.push(c.record);
            if costs.len() >= feed.chunk {
                let batch = CostBatch {
                    procore_project: bound[&number],
                    costs: std::mem::take(costs),
                    number,
                };
                if to_send.send(batch).await.is_err() {
                    return Ok(None);
                }
            }
        }
        if !page.has_more {
            for (number, costs) in waiting {
                if costs.is_empty() {
                    continue;
                }
                let batch = CostBatch {
                    procore_project: bound[&number],
                    costs,
                    number,
                };
                if to_send.send(batch).await.is_err() {
                    return Ok(None);
                }
            }
            return Ok(Some(high));
        }
    }
    Err(RunnerError::TooManyChanges {
        entity: PROJECT_COSTS.name,
        pages: MAX_PAGES,
    })
}

/// A cost that did not go through: pending when it may yet (the next run sends it again, matched
/// by `origin_id`), an error otherwise.
fn fail(out: &mut Out, p: &Pending, message: &str, retry: bool) {
    if retry {
        out.summary.pending += 1;
        out.push(
            Some(p.number.clone()),
            p.original,
            OutcomeAction::Create,
            WrittenSide::Procore,
            SyncStatus::Pending,
            format!(
                "project cost {}: not confirmed by Procore ({message}); the next run sends it again",
                p.number
            ),
        );
    } else {
        out.error(
            Some(p.number.clone()),
            p.original,
            WrittenSide::Procore,
            format!("project cost {}: {message}", p.number),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| (*k).to_owned()).collect()
    }

    async fn bind(state: &StateStore, pairing: state::PairingId, key: &str, id: u64) {
        state
            .upsert_binding(&state::BindingWrite {
                pairing,
                entity: "suppliers".into(),
                erp_key: key.into(),
                procore_id: id,
                erp_hash: None,
                procore_hash: None,
                last_synced_values: serde_json::Value::Null,
            })
            .await
            .expect("a binding");
    }

    /// Ids are read once and kept; a key not bound is asked for again; past the limit the kept
    /// ids start over.
    #[tokio::test]
    async fn bound_ids_are_read_once_and_missing_ones_asked_again() {
        let path =
            std::env::temp_dir().join(format!("mpsync-bound-ids-{}.db", uuid::Uuid::new_v4()));
        let state = StateStore::connect(&format!("sqlite://{}", path.display()))
            .await
            .expect("a state database");
        let pairing = state
            .pair(&state::NewPairing::new(
                "LAUR",
                &procore::Environment::DeveloperSandbox,
                1_000_010_000,
            ))
            .await
            .expect("a pairing")
            .id;
        bind(&state, pairing, "S-1", 101).await;
        bind(&state, pairing, "S-2", 102).await;

        let ids = BoundIds::keeping(2);
        let found = ids
            .of(&state, pairing, "suppliers", keys(&["S-1", "S-3"]))
            .await
            .unwrap();
        assert_eq!(found, BTreeMap::from([("S-1".to_owned(), 101)]));

        // S-1 is now bound elsewhere in the state database: the kept id answers, which shows it
        // is not read again. S-3, unknown before, is read now that it is bound.
        state
            .unlink_binding(pairing, "suppliers", "S-1")
            .await
            .unwrap();
        bind(&state, pairing, "S-1", 201).await;
        bind(&state, pairing, "S-3", 103).await;
        let found = ids
            .of(&state, pairing, "suppliers", keys(&["S-1", "S-3"]))
            .await
            .unwrap();
        assert_eq!(
            found,
            BTreeMap::from([("S-1".to_owned(), 101), ("S-3".to_owned(), 103)])
        );

        // A third id would pass the limit of two: the kept ones start over, so S-1 is read
        // again and shows its new id.
        let found = ids
            .of(&state, pairing, "suppliers", keys(&["S-2"]))
            .await
            .unwrap();
        assert_eq!(found, BTreeMap::from([("S-2".to_owned(), 102)]));
        let found = ids
            .of(&state, pairing, "suppliers", keys(&["S-1"]))
            .await
            .unwrap();
        assert_eq!(found, BTreeMap::from([("S-1".to_owned(), 201)]));

        state.close().await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}
