//! Budgets of each synchronized project: the original budget → Procore budget line items
//! (maestro* is the master), and the approved modifications (budget modifications or budget
//! changes, whichever the project uses) ← Procore into the Modification column, never the
//! original.
//!
//! Both read a project's Procore lines from the first budget view's detail rows (Procore has no
//! list of budget line items). A maestro* line lands on the Procore cost code its activity is
//! bound to (see [`crate::cost_codes`]) and the Procore cost type [`CostTypeMap`] names; a line
//! that cannot be placed is an error naming it, and the other lines go on.

use std::collections::{BTreeMap, BTreeSet};

use engine::budget::{
    plan_modifications, plan_original, CostTypeMap, ErpBudget, OriginalStep, ProcoreLine,
};
use engine::entity::{Direction, EntitySpec, Scope};
use erp::{BudgetLine, BudgetModification, ChangeSeq};
use procore::resources::budget_line_items::{BudgetLineItemInput, BudgetLineItemSyncItem};
use procore::resources::budget_view_details::BudgetDetailRowFilters;
use procore::resources::budget_views::BudgetViewFilters;
use procore::resources::line_item_types::LineItemTypeFilters;
use procore::resources::wbs_codes::WbsCodeBulkItem;
use rust_decimal::Decimal;
use serde_json::json;
use state::{
    CursorKey, Direction as CursorDirection, OutcomeAction, RunId, SyncStatus, WrittenSide,
};

use crate::cost_codes::{cost_code_mode, WbsSegments};
use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::Out;
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

pub const ORIGINAL: EntitySpec = EntitySpec {
    name: "original_budget",
    direction: Direction::ErpToProcore,
    scope: Scope::Project,
    depends_on: &["cost_codes"],
};

pub const MODIFIED: EntitySpec = EntitySpec {
    name: "modified_budget",
    direction: Direction::ProcoreToErp,
    scope: Scope::Project,
    // Last: the budget changes Procore made for the commitments and change orders of this run
    // are then in.
    depends_on: &[
        "original_budget",
        "subcontract_change_orders",
        "purchase_orders",
        "project_costs",
        "order_invoices",
    ],
};

/// Setting (per maestro* company) holding the [`CostTypeMap`].
pub const COST_TYPES_SETTING: &str = "budgets.cost_types";
/// The detail-row column carrying approved budget changes (projects on Budget Changes).
const APPROVED_CHANGES_COLUMN: &str = "approved_budget_changes";

/// The company's cost types, [`CostTypeMap::maestro_defaults`] until set.
pub async fn cost_types(
    state: &state::StateStore,
    company: &str,
) -> Result<CostTypeMap, RunnerError> {
    Ok(state
        .setting_as(company, COST_TYPES_SETTING)
        .await?
        .unwrap_or_else(CostTypeMap::maestro_defaults))
}

/// Sets the company's cost types. Refused while budget lines are linked in `pairing`: a line
/// moved to another Procore cost type would be created again there while the old line kept its
/// original budget, doubling it in Procore.
pub async fn set_cost_types(
    state: &state::StateStore,
    pairing: state::PairingId,
    company: &str,
    map: &CostTypeMap,
) -> Result<(), RunnerError> {
    if &cost_types(state, company).await? == map {
        return Ok(());
    }
    let bound = state.count_bindings(pairing, ORIGINAL.name).await?;
    if bound > 0 {
        return Err(RunnerError::SettingRefused(format!(
            "{bound} budget lines of company {company} are in Procore under the current cost types; \
             changing them would place those lines again on other cost types: unpair to start over"
        )));
    }
    state
        .set_setting_as(company, COST_TYPES_SETTING, map)
        .await?;
    Ok(())
}

/// The binding key of a budget line.
pub fn line_key(b: &BudgetLine) -> String {
    format!("{}|{}|{}", b.project_number, b.activity_code, b.cost_type)
}

/// A project's maestro* lines placed on Procore ids, with the ones that cannot be placed.
struct Placed {
    lines: Vec<ErpBudget>,
    unplaced: Vec<(String, String)>,
}

impl SyncRunner {
    /// Whether this run already found the project on advanced WBS (cost codes or the original
    /// budget read its WBS codes).
    fn on_advanced_wbs(&self, procore_project: u64) -> bool {
        self.cached(|c| {
            c.wbs
                .get(&procore_project)
                .is_some_and(|w| w.advanced.is_some())
        })
    }

    /// The first budget view of a Procore project (every project has the default one), read
    /// once per run.
    async fn budget_view(&self, procore_project: u64) -> Result<Option<u64>, RunnerError> {
        if let Some(known) = self.cached(|c| c.budget_views.get(&procore_project).copied()) {
            return Ok(known);
        }
        let views = self
            .procore
            .budget_views(procore_project)
            .list(&BudgetViewFilters::default())
            .collect_all()
            .await?;
        let view = views.first().map(|v| v.id);
        self.cached(|c| c.budget_views.insert(procore_project, view));
        Ok(view)
    }

    /// A project's Procore budget lines; `None` when the project has no budget view.
    async fn procore_lines(
        &self,
        entity: &'static str,
        procore_project: u64,
    ) -> Result<Option<Vec<ProcoreLine>>, RunnerError> {
        let Some(view) = self.budget_view(procore_project).await? else {
            return Ok(None);
        };
        let rows = crate::entities::collect(
            self.procore
                .budget_view_details(procore_project, view)
                .detail_rows(&BudgetDetailRowFilters::default()),
            0,
            &|done, total| self.report(entity, Phase::ReadingProcore, done, total),
        )
        .await?;
        let mut lines = Vec::new();
        for row in rows {
            let f = &row.fields;
            let (Some(id), Some(cc), Some(t)) = (f.id, f.cost_code_id, f.category_id) else {
                continue;
            };
            let changes = row
                .column_amount(APPROVED_CHANGES_COLUMN)?
                .unwrap_or_default();
            lines.push(ProcoreLine {
                id,
                cost_code_id: cc,
                line_item_type_id: t,
                wbs_code_id: f.wbs_code_id,
                original: f.original_budget_amount.unwrap_or_default(),
                modifications: f.budget_modifications.unwrap_or_default() + changes,
            });
        }
        Ok(Some(lines))
    }

    /// Places a project's maestro* lines on their Procore cost code and cost type.
    async fn place(
        &self,
        number: &str,
        lines: &[BudgetLine],
        types: &BTreeMap<String, u64>,
        map: &CostTypeMap,
    ) -> Result<Placed, RunnerError> {
        let mode = cost_code_mode(&self.state, &self.company).await?;
        let activities: BTreeSet<&str> = lines.iter().map(|l| l.activity_code.as_str()).collect();
        let keys: Vec<String> = activities
            .iter()
            .map(|a| crate::cost_codes::erp_key(number, a))
            .collect();
        let codes: BTreeMap<String, u64> = self
            .state
            .bindings_by_erp_keys(self.pairing, crate::cost_codes::SPEC.name, &keys)
            .await?
            .into_iter()
            .map(|b| (b.erp_key, b.procore_id))
            .collect();
        // An activity some bound activity hangs under is not a last level: Procore keeps
        // amounts on the last level only.
        let parents: BTreeSet<String> = codes
            .keys()
            .filter_map(|k| k.split_once('|').map(|(_, a)| a))
            .filter_map(|a| mode.parent_activity(a))
            .collect();
        let mut out = Placed {
            lines: Vec::new(),
            unplaced: Vec::new(),
        };
        for l in lines {
            let key = line_key(l);
            let Some(cc) = codes.get(&crate::cost_codes::erp_key(number, &l.activity_code)) else {
                out.unplaced.push((key, format!(
                    "non-existent cost code: activity {} of project {number} has no Procore cost code",
                    l.activity_code
                )));
                continue;
            };
            if parents.contains(&l.activity_code) {
                out.unplaced.push((key, format!(
                    "activity {} of project {number} is not a last-level cost code; only the last level carries amounts in Procore",
                    l.activity_code
                )));
                continue;
            }
            let Some(t) = map
                .procore_code(&l.cost_type, |c| types.contains_key(c))
                .and_then(|c| types.get(c))
            else {
                out.unplaced.push((key, format!(
                    "cost type {} has no Procore cost type: map it in the budget settings or set a default",
                    l.cost_type
                )));
                continue;
            };
            out.lines.push(ErpBudget {
                key,
                cost_code_id: *cc,
                line_item_type_id: *t,
                original: l.original,
                modification: l.modification,
            });
        }
        Ok(out)
    }

    /// Procore cost types by code. They belong to the company; Procore's list wants a project
    /// as well, any of the company's.
    pub(crate) async fn line_item_types(
        &self,
        procore_project: u64,
    ) -> Result<BTreeMap<String, u64>, RunnerError> {
        if let Some(known) = self.cached(|c| c.line_item_types.clone()) {
            return Ok(known);
        }
        let types: BTreeMap<String, u64> = self
            .procore
            .line_item_types()
            .list(&LineItemTypeFilters {
                project_id: Some(procore_project),
                ..LineItemTypeFilters::default()
            })
            .collect_all()
            .await?
            .into_iter()
            .filter_map(|t| t.code.map(|c| (c, t.id)))
            .collect();
        self.cached(|c| c.line_item_types = Some(types.clone()));
        Ok(types)
    }

    fn budget_cursor(&self, entity: &str, project: &str) -> CursorKey {
        CursorKey::new(self.pairing, entity, CursorDirection::ErpToProcore, project)
    }

    pub(crate) async fn sync_original_budget(
        &self,
        run_id: Option<RunId>,
    ) -> Result<EntitySummary, RunnerError> {
        let entity = ORIGINAL.name;
        let mut out = Out::new(entity, run_id.is_none());
        let (bound, _) = self.bound_projects().await?;
        let mut cursors: BTreeMap<String, Option<i64>> = BTreeMap::new();
        for number in bound.keys() {
            let (_, at) = self.erp_position(entity, number).await?;
            cursors.insert(number.clone(), at);
        }
        let (affected, high) = self.affected_projects(self.erp.budgets(), &cursors).await?;
        if affected.is_empty() {
            self.report(entity, Phase::Done, 0, Some(0));
            return out.finish(self, run_id).await;
        }
        let any = affected.iter().next().map_or(0, |n| bound[n]);
        let types = self.line_item_types(any).await?;
        let map = cost_types(&self.state, &self.company).await?;
        let total = affected.len() as u64;
        let mut projects = affected.iter();
        // Projects go one at a time until one shows the company's WBS segments (its first new
        // line, created alone, makes a budget code): two side by side before that would each
        // create a line alone. The rest go two at a time, each recording its own outcomes.
        let mut done = 0;
        while self.cached(|c| c.wbs_segments).is_none() {
            let Some(number) = projects.next() else {
                break;
            };
            self.original_budget_of(
                run_id,
                number,
                bound[number],
                high,
                (&types, &map),
                &mut out,
            )
            .await?;
            out.flush(self, run_id).await?;
            done += 1;
            self.report(entity, Phase::Writing, done, Some(total));
        }
        let (types, map, bound) = (&types, &map, &bound);
        self.each_project(
            &mut out,
            projects.collect(),
            |number, mut part| async move {
                let result = async {
                    self.original_budget_of(
                        run_id,
                        number,
                        bound[number],
                        high,
                        (types, map),
                        &mut part,
                    )
                    .await?;
                    part.record(self, run_id).await
                }
                .await;
                (part, result)
            },
        )
        .await?;
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
    }

    /// One project's original budget, from reading its lines to its cursor.
    async fn original_budget_of(
        &self,
        run_id: Option<RunId>,
        number: &str,
        procore_project: u64,
        high: ChangeSeq,
        (types, map): (&BTreeMap<String, u64>, &CostTypeMap),
        out: &mut Out,
    ) -> Result<(), RunnerError> {
        let planned = async {
            let lines = self.erp.project_budget_lines(&self.company, number).await?;
            self.project_original_budget(number, procore_project, &lines, types, map, out)
                .await
        };
        let planned = planned.await;
        let cursor = self.budget_cursor(ORIGINAL.name, number);
        out.project_done(self, run_id, number, planned, &cursor, high)
            .await
    }

    async fn project_original_budget(
        &self,
        number: &str,
        procore_project: u64,
        lines: &[BudgetLine],
        types: &BTreeMap<String, u64>,
        map: &CostTypeMap,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        let skip_advanced = |out: &mut Out| {
            out.summary.skipped += 1;
            out.push(
                None,
                Some(procore_project),
                OutcomeAction::Skip,
                WrittenSide::None,
                SyncStatus::Warning,
                format!("project {number}: on advanced WBS: its budget is not synchronized"),
            );
            Ok::<bool, RunnerError>(false)
        };
        if self.on_advanced_wbs(procore_project) {
            return skip_advanced(out);
        }
        let placed = self.place(number, lines, types, map).await?;
        let Some(existing) = self.procore_lines(ORIGINAL.name, procore_project).await? else {
            out.error(None, Some(procore_project), WrittenSide::Procore, format!("project {number}: Procore shows no budget view: the Budget tool is not enabled"));
            return Ok(false);
        };
        self.cached(|c| c.budget_lines.insert(procore_project, existing.clone()));
        let ids: Vec<u64> = existing.iter().map(|l| l.id).collect();
        // What each of our lines is bound to and with: an unchanged line already bound so is
        // not bound again (an incremental sync would rewrite every binding of every project
        // it touches).
        let bound: BTreeMap<u64, (String, serde_json::Value)> = self
            .state
            .bindings_by_procore_ids(self.pairing, ORIGINAL.name, &ids)
            .await?
            .into_iter()
            .map(|b| (b.procore_id, (b.erp_key, b.last_synced_values)))
            .collect();
        let ours: BTreeSet<u64> = bound.keys().copied().collect();
        let steps = plan_original(&placed.lines, &existing, &ours);
        // Changing the amount of a line already in Procore names it by id, whatever the
        // project's WBS; only new lines (they need budget codes) and lines that cannot be
        // placed (a project on advanced WBS has no cost codes of ours) need its profile, so an
        // edit of existing lines costs no read of the WBS codes.
        let creates_any = steps
            .iter()
            .any(|s| matches!(s, OriginalStep::Create { .. }));
        if (creates_any || !placed.unplaced.is_empty())
            && self.wbs_profile(procore_project).await?.advanced.is_some()
        {
            self.cached(|c| c.budget_lines.remove(&procore_project));
            return skip_advanced(out);
        }
        let mut clean = placed.unplaced.is_empty();
        for (key, message) in placed.unplaced {
            out.error(
                Some(key.clone()),
                None,
                WrittenSide::Procore,
                format!("budget line {key}: {message}"),
            );
        }
        let mut links: Vec<(String, u64, Decimal)> = Vec::new();
        let mut updates: Vec<(String, u64, Decimal, Decimal)> = Vec::new();
        let mut update_codes: BTreeMap<u64, u64> = BTreeMap::new();
        let mut creates: Vec<NewLine> = Vec::new();
        for step in steps {
            match step {
                OriginalStep::Unchanged { key, id, amount } => {
                    out.summary.unchanged += 1;
                    let linked = bound.get(&id).is_some_and(|(erp_key, values)| {
                        *erp_key == key && *values == original_values(amount)
                    });
                    if !linked {
                        links.push((key, id, amount));
                    }
                }
                OriginalStep::Update {
                    key,
                    id,
                    wbs_code_id,
                    from,
                    amount,
                } => {
                    if let Some(w) = wbs_code_id {
                        update_codes.insert(id, w);
                    }
                    updates.push((key, id, from, amount));
                }
                OriginalStep::Create {
                    key,
                    cost_code_id,
                    line_item_type_id,
                    amount,
                } => creates.push(NewLine {
                    key,
                    code: (cost_code_id, line_item_type_id),
                    amount,
                }),
            }
        }
        if out.dry {
            for line in creates {
                out.summary.created.procore += 1;
                out.push(
                    Some(line.key.clone()),
                    None,
                    OutcomeAction::Create,
                    WrittenSide::Procore,
                    SyncStatus::Success,
                    format!(
                        "budget line {}: {}: original budget {}",
                        line.key,
                        out.done("created in Procore"),
                        line.amount
                    ),
                );
            }
            for (key, id, from, amount) in updates {
                out.summary.updated.procore += 1;
                out.push(
                    Some(key.clone()),
                    Some(id),
                    OutcomeAction::Update,
                    WrittenSide::Procore,
                    SyncStatus::Success,
                    format!(
                        "budget line {key}: {}: original budget {from} → {amount}",
                        out.done("updated in Procore")
                    ),
                );
            }
            return Ok(clean);
        }
        let lines = self.procore.budget_line_items(procore_project);
        let mut write = Written {
            out,
            links: &mut links,
            clean: &mut clean,
            number,
        };
        // New lines go in the same sync action as the changed ones, on their budget codes
        // (WBS codes) made in bulk first, each item named by its company-level segment. While
        // no project has shown those segments (no budget code anywhere yet), the first line
        // is created alone, which makes its code.
        let mut alone: Vec<NewLine> = Vec::new();
        let mut placed_new: Vec<(NewLine, u64)> = Vec::new();
        if !creates.is_empty() {
            let company_segments = || self.cached(|c| c.wbs_segments);
            let mut segments = company_segments();
            if segments.is_none() {
                let first = creates.remove(0);
                self.create_line_alone(&lines, first, &mut write).await?;
                self.forget_wbs_profile(procore_project);
                self.wbs_profile(procore_project).await?;
                segments = company_segments();
            }
            let wbs = match segments {
                Some(segments) if !creates.is_empty() => {
                    let wanted: Vec<(u64, u64)> = creates.iter().map(|c| c.code).collect();
                    match self.budget_codes(procore_project, segments, &wanted).await {
                        Ok(ids) => ids,
                        Err(e) => {
                            let stop = is_auth(&e);
                            for line in creates.drain(..) {
                                write.failed(&line.key, None, OutcomeAction::Create, &e);
                            }
                            if stop {
                                return Err(e.into());
                            }
                            BTreeMap::new()
                        }
                    }
                }
                _ => BTreeMap::new(),
            };
            for line in creates {
                match wbs.get(&line.code) {
                    Some(w) => placed_new.push((line, *w)),
                    // Procore did not hand back a code for it: the line is created alone,
                    // which names the code by cost code and cost type.
                    None => alone.push(line),
                }
            }
        }
        for line in alone {
            self.create_line_alone(&lines, line, &mut write).await?;
        }
        let mut items: Vec<BudgetLineItemSyncItem> = updates
            .iter()
            .map(|(_, id, _, amount)| BudgetLineItemSyncItem {
                id: Some(*id),
                wbs_code_id: update_codes.get(id).copied(),
                original_budget_amount: Some(*amount),
                ..BudgetLineItemSyncItem::default()
            })
            .collect();
        items.extend(placed_new.iter().map(|(line, wbs)| BudgetLineItemSyncItem {
            wbs_code_id: Some(*wbs),
            original_budget_amount: Some(line.amount),
            ..BudgetLineItemSyncItem::default()
        }));
        if !items.is_empty() {
            // No origin_id on budget lines: a batch with new lines whose answer was lost is not
            // sent again; the next run finds what Procore made in the detail rows.
            match lines.sync(items).await {
                Ok(outcome) => {
                    for (key, id, from, amount) in updates {
                        if outcome.entities.iter().any(|l| l.id == id) {
                            write.out.summary.updated.procore += 1;
                            write.out.push(Some(key.clone()), Some(id), OutcomeAction::Update, WrittenSide::Procore, SyncStatus::Success, format!("budget line {key}: updated in Procore: original budget {from} → {amount}"));
                            write.links.push((key, id, amount));
                        } else {
                            let detail =
                                outcome.errors.iter().find(|e| e.id == Some(id)).map(|e| {
                                    e.field_errors
                                        .iter()
                                        .map(ToString::to_string)
                                        .collect::<Vec<_>>()
                                        .join("; ")
                                });
                            write.unconfirmed(&key, Some(id), detail);
                        }
                    }
                    for (line, wbs) in placed_new {
                        let made = outcome.entities.iter().find(|l| {
                            l.wbs_code.as_ref().and_then(|w| w.id) == Some(wbs)
                                || (l.cost_code.as_ref().and_then(|c| c.id) == Some(line.code.0)
                                    && l.line_item_type.as_ref().and_then(|t| t.id)
                                        == Some(line.code.1))
                        });
                        match made {
                            Some(made) => write.created(line, made.id),
                            None => write.unconfirmed(&line.key, None, None),
                        }
                    }
                }
                Err(e) => {
                    for (key, id, _, _) in &updates {
                        write.failed(key, Some(*id), OutcomeAction::Update, &e);
                    }
                    for (line, _) in &placed_new {
                        write.failed(&line.key, None, OutcomeAction::Create, &e);
                    }
                    if is_auth(&e) {
                        return Err(e.into());
                    }
                }
            }
        }
        self.link_all(
            ORIGINAL.name,
            links
                .into_iter()
                .map(|(key, id, amount)| (key, id, original_values(amount))),
        )
        .await?;
        Ok(clean)
    }

    pub(crate) async fn sync_modified_budget(
        &self,
        run_id: Option<RunId>,
    ) -> Result<EntitySummary, RunnerError> {
        let entity = MODIFIED.name;
        let mut out = Out::new(entity, run_id.is_none());
        let (bound, _) = self.bound_projects().await?;
        if bound.is_empty() {
            return out.finish(self, run_id).await;
        }
        let any = bound.values().next().copied().unwrap_or_default();
        let types = self.line_item_types(any).await?;
        let type_codes: BTreeMap<u64, &str> =
            types.iter().map(|(c, id)| (*id, c.as_str())).collect();
        let map = cost_types(&self.state, &self.company).await?;
        let total = bound.len() as u64;
        for (n, (number, procore_project)) in bound.iter().enumerate() {
            if self.on_advanced_wbs(*procore_project) {
                continue;
            }
            // Lines that cannot be placed are reported by the original budget. One project's
            // failure is its own outcome; the next project goes on.
            let read = async {
                let lines = self.erp.project_budget_lines(&self.company, number).await?;
                let placed = self.place(number, &lines, &types, &map).await?;
                let read_before = self.cached(|c| c.budget_lines.remove(procore_project));
                let procore = match read_before {
                    Some(lines) => Some(lines),
                    None => self.procore_lines(entity, *procore_project).await?,
                };
                Ok::<_, RunnerError>((lines, placed, procore))
            }
            .await;
            let (lines, placed, procore) = match read {
                Ok(read) => read,
                Err(e) => {
                    out.project_failed(self, run_id, number, e).await?;
                    continue;
                }
            };
            let Some(procore) = procore else {
                continue;
            };
            let plan = plan_modifications(&placed.lines, &procore);
            out.summary.unchanged += plan.unchanged as u64;
            for p in &plan.unmatched {
                out.summary.warnings.erp += 1;
                out.push(None, Some(p.id), OutcomeAction::Skip, WrittenSide::None, SyncStatus::Warning, format!(
                    "project {number}: Procore budget line {} (cost code {}, cost type {}) has modifications of {} and no maestro* budget line",
                    p.id, p.cost_code_id, type_codes.get(&p.line_item_type_id).copied().unwrap_or("?"), p.modifications
                ));
            }
            if plan.writes.is_empty() {
                out.flush(self, run_id).await?;
                self.report(entity, Phase::Writing, n as u64 + 1, Some(total));
                continue;
            }
            let current: BTreeMap<String, &BudgetLine> =
                lines.iter().map(|l| (line_key(l), l)).collect();
            let mut mods = Vec::new();
            for (key, modification) in &plan.writes {
                if let Some(l) = current.get(key) {
                    mods.push(BudgetModification {
                        project_number: l.project_number.clone(),
                        activity_code: l.activity_code.clone(),
                        cost_type: l.cost_type.clone(),
                        modification: *modification,
                    });
                }
            }
            let written = if out.dry {
                Ok(())
            } else {
                self.erp
                    .write_budget_modifications(&self.company, &mods)
                    .await
                    .map(|_| ())
            };
            for (key, modification) in &plan.writes {
                let from = current.get(key).map(|l| l.modification).unwrap_or_default();
                match &written {
                    Ok(()) => {
                        out.summary.updated.erp += 1;
                        out.push(
                            Some(key.clone()),
                            None,
                            OutcomeAction::Update,
                            WrittenSide::Erp,
                            SyncStatus::Success,
                            format!(
                                "budget line {key}: {}: Modification {from} → {modification}",
                                out.done("updated in maestro*")
                            ),
                        );
                    }
                    Err(e) => out.error(
                        Some(key.clone()),
                        None,
                        WrittenSide::Erp,
                        format!("budget line {key}: Modification not written: {e}"),
                    ),
                }
            }
            out.flush(self, run_id).await?;
            self.report(entity, Phase::Writing, n as u64 + 1, Some(total));
        }
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
    }
}

/// A maestro* line Procore does not have yet, on its (cost code, cost type).
struct NewLine {
    key: String,
    code: (u64, u64),
    amount: Decimal,
}

/// What the binding of a budget line keeps: the original amount it was synchronized with.
fn original_values(amount: Decimal) -> serde_json::Value {
    json!({ "original": amount.to_string() })
}

fn is_auth(e: &procore::ProcoreError) -> bool {
    matches!(
        e.kind(),
        procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
    )
}

/// Where one project's original budget writes report: outcomes, the links to store, and
/// whether everything went through.
struct Written<'a> {
    out: &'a mut Out,
    links: &'a mut Vec<(String, u64, Decimal)>,
    clean: &'a mut bool,
    number: &'a str,
}

impl Written<'_> {
    fn created(&mut self, line: NewLine, id: u64) {
        self.out.summary.created.procore += 1;
        self.out.push(
            Some(line.key.clone()),
            Some(id),
            OutcomeAction::Create,
            WrittenSide::Procore,
            SyncStatus::Success,
            format!(
                "budget line {}: created in Procore: original budget {}",
                line.key, line.amount
            ),
        );
        self.links.push((line.key, id, line.amount));
    }

    /// Procore answered without the line and without an error for it. The next run reads the
    /// budget again: a line Procore made after all is found there, not made twice.
    fn unconfirmed(&mut self, key: &str, id: Option<u64>, detail: Option<String>) {
        *self.clean = false;
        let message = match detail {
            Some(d) => format!("budget line {key}: refused by Procore: {d}"),
            None => format!(
                "budget line {key}: Procore neither confirmed nor refused the write; the next run reads the budget again"
            ),
        };
        self.out
            .error(Some(key.to_owned()), id, WrittenSide::Procore, message);
    }

    /// A write that failed: pending when it may have gone through or may go through later,
    /// an error otherwise. A locked budget is reported, never forced.
    fn failed(
        &mut self,
        key: &str,
        id: Option<u64>,
        action: OutcomeAction,
        e: &procore::ProcoreError,
    ) {
        *self.clean = false;
        if e.kind().is_retryable() || e.write_outcome_unknown() {
            self.out.summary.pending += 1;
            self.out.push(
                Some(key.to_owned()),
                id,
                action,
                WrittenSide::Procore,
                SyncStatus::Pending,
                format!(
                    "budget line {key}: not confirmed by Procore ({e}); the next run checks it"
                ),
            );
        } else if e.to_string().to_ascii_lowercase().contains("locked") {
            self.out.error(
                Some(key.to_owned()),
                id,
                WrittenSide::Procore,
                format!(
                    "budget line {key}: the Procore budget of project {} is locked; the line is not forced: unlock the budget in Procore and the next run sends it ({e})",
                    self.number
                ),
            );
        } else {
            self.out.error(
                Some(key.to_owned()),
                id,
                WrittenSide::Procore,
                format!("budget line {key}: refused by Procore: {e}"),
            );
        }
    }
}

impl SyncRunner {
    /// Creates one budget line by cost code and cost type (`POST /rest/v1.0/budget_line_items`),
    /// which also makes its budget code.
    async fn create_line_alone(
        &self,
        lines: &procore::resources::budget_line_items::BudgetLineItems,
        line: NewLine,
        write: &mut Written<'_>,
    ) -> Result<(), RunnerError> {
        let input = BudgetLineItemInput {
            cost_code_id: Some(line.code.0),
            line_item_type_id: Some(line.code.1),
            original_budget_amount: Some(line.amount),
            ..BudgetLineItemInput::default()
        };
        match lines.create(&input).await {
            Ok(created) => {
                write.created(line, created.id);
                Ok(())
            }
            Err(e) => {
                write.failed(&line.key, None, OutcomeAction::Create, &e);
                if is_auth(&e) {
                    return Err(e.into());
                }
                Ok(())
            }
        }
    }

    /// The budget codes (WBS codes) of `wanted` (cost code, cost type), made in bulk; Procore
    /// only updates a combination it already has, so asking again is harmless. No description
    /// is sent, so a user's own stays. A code whose segment items do not show the cost code
    /// and cost type asked for is left out: its line is then created alone, never placed on a
    /// code mpsync cannot vouch for.
    async fn budget_codes(
        &self,
        procore_project: u64,
        segments: WbsSegments,
        wanted: &[(u64, u64)],
    ) -> Result<BTreeMap<(u64, u64), u64>, procore::ProcoreError> {
        let items = wanted
            .iter()
            .map(|(cc, t)| WbsCodeBulkItem {
                description: None,
                segment_items: Some(vec![
                    json!({"segment_id": segments.cost_code, "segment_item_id": cc}),
                    json!({"segment_id": segments.cost_type, "segment_item_id": t}),
                ]),
            })
            .collect();
        let made = self
            .procore
            .wbs_codes(procore_project)
            .bulk_create(items)
            .await?;
        let wanted: BTreeSet<(u64, u64)> = wanted.iter().copied().collect();
        let mut ids = BTreeMap::new();
        for code in made.entities {
            let item_of = |segment: u64| {
                code.segment_items
                    .iter()
                    .flatten()
                    .find(|i| {
                        i.segment
                            .as_ref()
                            .and_then(|s| s.get("id"))
                            .and_then(serde_json::Value::as_u64)
                            == Some(segment)
                    })
                    .and_then(|i| i.id.as_ref())
                    .and_then(serde_json::Value::as_u64)
            };
            if let (Some(cc), Some(t)) = (item_of(segments.cost_code), item_of(segments.cost_type))
            {
                if wanted.contains(&(cc, t)) {
                    ids.insert((cc, t), code.id);
                }
            }
        }
        Ok(ids)
    }
}
