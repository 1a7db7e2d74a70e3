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
use rust_decimal::Decimal;
use serde_json::json;
use state::{
    BindingWrite, CursorKey, CursorValue, Direction as CursorDirection, OutcomeAction, RunId,
    SyncStatus, WrittenSide,
};

use crate::cost_codes::{cost_code_mode, read_all};
use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::{rebind, Out};
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
    depends_on: &["original_budget"],
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
    /// Whether the cost codes of this run found the project on advanced WBS.
    fn on_advanced_wbs(&self, procore_project: u64) -> bool {
        self.advanced_wbs
            .lock()
            .map(|set| set.contains(&procore_project))
            .unwrap_or(false)
    }

    /// The first budget view of a Procore project (every project has the default one).
    async fn budget_view(&self, procore_project: u64) -> Result<Option<u64>, RunnerError> {
        let views = self
            .procore
            .budget_views(procore_project)
            .list(&BudgetViewFilters::default())
            .collect_all()
            .await?;
        Ok(views.first().map(|v| v.id))
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
    async fn line_item_types(
        &self,
        procore_project: u64,
    ) -> Result<BTreeMap<String, u64>, RunnerError> {
        Ok(self
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
            .collect())
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
            let at = match self
                .state
                .cursor(&self.budget_cursor(entity, number))
                .await?
            {
                Some(c) => match c.value {
                    CursorValue::ChangeSeq(seq) => Some(seq),
                    _ => None,
                },
                None => None,
            };
            cursors.insert(number.clone(), at);
        }
        let since = if cursors.values().any(Option::is_none) {
            ChangeSeq::ORIGIN
        } else {
            ChangeSeq(cursors.values().flatten().copied().min().unwrap_or(0))
        };
        let page = self.options.erp_page;
        let (changed, high) =
            read_all::<BudgetLine>(self.erp.budgets(), &self.company, since, page).await?;
        let mut affected: BTreeSet<String> = cursors
            .iter()
            .filter(|(_, at)| at.is_none())
            .map(|(n, _)| n.clone())
            .collect();
        // Every change counts, the Modification column written back by a sync too: a project
        // whose last plan failed must be planned again, and a plan with nothing to do costs one
        // read.
        for c in &changed {
            if let Some(Some(at)) = cursors.get(&c.record.project_number) {
                if c.meta.seq.0 > *at {
                    affected.insert(c.record.project_number.clone());
                }
            }
        }
        if affected.is_empty() {
            self.report(entity, Phase::Done, 0, Some(0));
            return out.finish(self, run_id).await;
        }
        let all = if since == ChangeSeq::ORIGIN {
            changed
        } else {
            read_all::<BudgetLine>(self.erp.budgets(), &self.company, ChangeSeq::ORIGIN, page)
                .await?
                .0
        };
        let mut by_project: BTreeMap<String, Vec<BudgetLine>> = BTreeMap::new();
        for c in all {
            if affected.contains(&c.record.project_number) {
                by_project
                    .entry(c.record.project_number.clone())
                    .or_default()
                    .push(c.record);
            }
        }
        let any = affected.iter().next().map_or(0, |n| bound[n]);
        let types = self.line_item_types(any).await?;
        let map = cost_types(&self.state, &self.company).await?;
        let total = affected.len() as u64;
        for (n, number) in affected.iter().enumerate() {
            let lines = by_project.remove(number).unwrap_or_default();
            let clean = match self
                .project_original_budget(number, bound[number], &lines, &types, &map, &mut out)
                .await
            {
                Ok(clean) => clean,
                Err(e) => {
                    out.project_failed(self, run_id, number, e).await?;
                    false
                }
            };
            if clean && run_id.is_some() {
                self.state
                    .advance_cursor(
                        &self.budget_cursor(entity, number),
                        CursorValue::ChangeSeq(high.0),
                    )
                    .await?;
            }
            self.report(entity, Phase::Writing, n as u64 + 1, Some(total));
        }
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
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
        if self.on_advanced_wbs(procore_project) {
            out.summary.skipped += 1;
            out.push(
                None,
                Some(procore_project),
                OutcomeAction::Skip,
                WrittenSide::None,
                SyncStatus::Warning,
                format!("project {number}: on advanced WBS: its budget is not synchronized"),
            );
            return Ok(false);
        }
        let placed = self.place(number, lines, types, map).await?;
        let mut clean = placed.unplaced.is_empty();
        for (key, message) in placed.unplaced {
            out.error(
                Some(key.clone()),
                None,
                WrittenSide::Procore,
                format!("budget line {key}: {message}"),
            );
        }
        let Some(existing) = self.procore_lines(ORIGINAL.name, procore_project).await? else {
            out.error(None, Some(procore_project), WrittenSide::Procore, format!("project {number}: Procore shows no budget view: the Budget tool is not enabled"));
            return Ok(false);
        };
        let ids: Vec<u64> = existing.iter().map(|l| l.id).collect();
        let ours: BTreeSet<u64> = self
            .state
            .bindings_by_procore_ids(self.pairing, ORIGINAL.name, &ids)
            .await?
            .into_iter()
            .map(|b| b.procore_id)
            .collect();
        let steps = plan_original(&placed.lines, &existing, &ours);
        let mut links: Vec<(String, u64, Decimal)> = Vec::new();
        let mut updates: Vec<(String, u64, Decimal, Decimal)> = Vec::new();
        let mut items: Vec<BudgetLineItemSyncItem> = Vec::new();
        let lines = self.procore.budget_line_items(procore_project);
        for step in steps {
            match step {
                OriginalStep::Unchanged { key, id } => {
                    out.summary.unchanged += 1;
                    links.push((key, id, Decimal::ZERO));
                }
                OriginalStep::Update {
                    key,
                    id,
                    wbs_code_id,
                    from,
                    amount,
                } => {
                    items.push(BudgetLineItemSyncItem {
                        id: Some(id),
                        wbs_code_id,
                        original_budget_amount: Some(amount),
                        ..BudgetLineItemSyncItem::default()
                    });
                    updates.push((key, id, from, amount));
                }
                OriginalStep::Create {
                    key,
                    cost_code_id,
                    line_item_type_id,
                    amount,
                } => {
                    if out.dry {
                        out.summary.created.procore += 1;
                        out.push(
                            Some(key.clone()),
                            None,
                            OutcomeAction::Create,
                            WrittenSide::Procore,
                            SyncStatus::Success,
                            format!(
                                "budget line {key}: {}: original budget {amount}",
                                out.done("created in Procore")
                            ),
                        );
                        continue;
                    }
                    // No origin_id on budget lines: a create whose answer was lost is not sent
                    // again; the next run finds the line in the detail rows.
                    let input = BudgetLineItemInput {
                        cost_code_id: Some(cost_code_id),
                        line_item_type_id: Some(line_item_type_id),
                        original_budget_amount: Some(amount),
                        ..BudgetLineItemInput::default()
                    };
                    match lines.create(&input).await {
                        Ok(created) => {
                            out.summary.created.procore += 1;
                            out.push(Some(key.clone()), Some(created.id), OutcomeAction::Create, WrittenSide::Procore, SyncStatus::Success, format!("budget line {key}: created in Procore: original budget {amount}"));
                            links.push((key, created.id, amount));
                        }
                        Err(e) => {
                            clean = false;
                            if e.kind().is_retryable() || e.write_outcome_unknown() {
                                out.summary.pending += 1;
                                out.push(Some(key.clone()), None, OutcomeAction::Create, WrittenSide::Procore, SyncStatus::Pending, format!("budget line {key}: not confirmed by Procore ({e}); the next run checks it"));
                            } else {
                                out.error(
                                    Some(key.clone()),
                                    None,
                                    WrittenSide::Procore,
                                    format!("budget line {key}: refused by Procore: {e}"),
                                );
                            }
                            if matches!(
                                e.kind(),
                                procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
                            ) {
                                return Err(e.into());
                            }
                        }
                    }
                }
            }
        }
        if out.dry {
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
        if !items.is_empty() {
            match lines.sync(items).await {
                Ok(outcome) => {
                    for (key, id, from, amount) in updates {
                        if let Some(e) = outcome.errors.iter().find(|e| e.id == Some(id)) {
                            clean = false;
                            let text: Vec<String> =
                                e.field_errors.iter().map(ToString::to_string).collect();
                            out.error(Some(key.clone()), Some(id), WrittenSide::Procore, format!("budget line {key}: refused by Procore (a locked budget is not forced): {}", text.join("; ")));
                        } else if outcome.entities.iter().any(|l| l.id == id) {
                            out.summary.updated.procore += 1;
                            out.push(Some(key.clone()), Some(id), OutcomeAction::Update, WrittenSide::Procore, SyncStatus::Success, format!("budget line {key}: updated in Procore: original budget {from} → {amount}"));
                            links.push((key, id, amount));
                        } else {
                            clean = false;
                            out.error(Some(key.clone()), Some(id), WrittenSide::Procore, format!("budget line {key}: Procore neither confirmed nor refused the write"));
                        }
                    }
                }
                Err(e) => {
                    clean = false;
                    let pending = e.kind().is_retryable();
                    for (key, id, _, _) in updates {
                        if pending {
                            out.summary.pending += 1;
                            out.push(
                                Some(key.clone()),
                                Some(id),
                                OutcomeAction::Update,
                                WrittenSide::Procore,
                                SyncStatus::Pending,
                                format!(
                                    "budget line {key}: Procore: {e}; sent again by the next run"
                                ),
                            );
                        } else {
                            out.error(Some(key.clone()), Some(id), WrittenSide::Procore, format!("budget line {key}: refused by Procore (a locked budget is not forced): {e}"));
                        }
                    }
                    if matches!(
                        e.kind(),
                        procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
                    ) {
                        return Err(e.into());
                    }
                }
            }
        }
        if !links.is_empty() {
            let mut tx = self.state.begin().await?;
            for (key, id, amount) in &links {
                rebind(
                    &mut tx,
                    &BindingWrite {
                        pairing: self.pairing,
                        entity: ORIGINAL.name.to_owned(),
                        erp_key: key.clone(),
                        procore_id: *id,
                        erp_hash: None,
                        procore_hash: None,
                        last_synced_values: json!({"original": amount.to_string()}),
                    },
                )
                .await?;
            }
            tx.commit().await?;
        }
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
        let (all, _) = read_all::<BudgetLine>(
            self.erp.budgets(),
            &self.company,
            ChangeSeq::ORIGIN,
            self.options.erp_page,
        )
        .await?;
        let mut by_project: BTreeMap<String, Vec<BudgetLine>> = BTreeMap::new();
        for c in all {
            if bound.contains_key(&c.record.project_number) {
                by_project
                    .entry(c.record.project_number.clone())
                    .or_default()
                    .push(c.record);
            }
        }
        let any = bound.values().next().copied().unwrap_or_default();
        let types = self.line_item_types(any).await?;
        let type_codes: BTreeMap<u64, &str> =
            types.iter().map(|(c, id)| (*id, c.as_str())).collect();
        let map = cost_types(&self.state, &self.company).await?;
        let total = bound.len() as u64;
        for (n, (number, procore_project)) in bound.iter().enumerate() {
            let lines = by_project.remove(number).unwrap_or_default();
            if self.on_advanced_wbs(*procore_project) {
                continue;
            }
            // Lines that cannot be placed are reported by the original budget.
            let placed = self.place(number, &lines, &types, &map).await?;
            let Some(procore) = self.procore_lines(entity, *procore_project).await? else {
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
            self.report(entity, Phase::Writing, n as u64 + 1, Some(total));
        }
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
    }
}
