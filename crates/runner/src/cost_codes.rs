//! Cost codes: each synchronized project's maestro* activities → its Procore cost code tree,
//! in the company's [`CostCodeMode`].
//!
//! Project-scoped: one partition (cursor) per project. A project is planned again when one of
//! its activities changed since its cursor, or when it has no cursor yet (just linked). Its
//! Procore tree is read in full (cost codes have no `updated_at` filter), planned with
//! [`engine::cost_codes::plan`], and the missing codes created level by level, one sync action
//! per level, each with `origin_id` = `<project number>|<activity code>` (unique in the
//! company, as Procore wants, while activity codes repeat across projects). Codes Procore
//! already has are linked (and stamped). A Procore last-level code with no activity is a
//! warning; a code that cannot be made is an error naming it; the other codes go on.

use std::collections::{BTreeMap, BTreeSet};

use engine::cost_codes::{
    plan, ActivityCode, CodeTree, CostCodeMode, NewCode, Parent, ProcoreCode,
};
use engine::entity::{Direction, EntitySpec, Scope};
use erp::{ChangeSeq, EntityReader, Project, ProjectScoped};
use procore::resources::cost_codes::{CostCode, CostCodeFilters, CostCodeSyncItem};
use procore::resources::wbs_codes::{WbsCode, WbsCodeFilters};
use serde_json::json;
use state::{
    CursorKey, CursorValue, Direction as CursorDirection, OutcomeAction, PairingId, RunId,
    StateStore, SyncStatus, WrittenSide,
};

use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::Out;
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

pub const SPEC: EntitySpec = EntitySpec {
    name: "cost_codes",
    direction: Direction::ErpToProcore,
    scope: Scope::Project,
    depends_on: &["projects"],
};

/// Setting (per maestro* company) holding the [`CostCodeMode`].
pub const MODE_SETTING: &str = "cost_codes.mode";
/// The segments of Procore's default WBS; any other is a custom segment (advanced WBS).
const DEFAULT_SEGMENTS: [&str; 3] = ["Sub Job", "Cost Code", "Cost Type"];
/// Upper bound on maestro* change pages read in one run.
pub(crate) const MAX_PAGES: u32 = 10_000;

/// What a page of a project's WBS codes tells. Every code of a project follows the same
/// pattern, so a few codes are enough.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WbsProfile {
    /// Why the project is out of reach, if it uses advanced WBS: custom segments beside sub
    /// job, cost code and cost type, which maestro* has no place for.
    pub advanced: Option<String>,
    /// The segments budget codes are made of, when a code shows them (a project without any
    /// budget code yet shows none).
    pub segments: Option<WbsSegments>,
}

/// Ids of the default cost code and cost type segments: WBS bulk creation names each item by
/// its segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WbsSegments {
    pub cost_code: u64,
    pub cost_type: u64,
}

impl WbsProfile {
    pub(crate) fn of(codes: &[WbsCode]) -> WbsProfile {
        let (mut cost_code, mut cost_type) = (None, None);
        for code in codes {
            for item in code.segment_items.iter().flatten() {
                let Some(segment) = item.segment.as_ref() else {
                    continue;
                };
                let name = segment.get("name").and_then(|n| n.as_str()).unwrap_or("");
                let id = segment.get("id").and_then(serde_json::Value::as_u64);
                if !DEFAULT_SEGMENTS
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(name.trim()))
                {
                    return WbsProfile {
                        advanced: Some(format!(
                            "uses advanced WBS (custom segment {name:?}), which maestro* and mpsync do not support: its cost codes and budget are not synchronized"
                        )),
                        segments: None,
                    };
                }
                if name.trim().eq_ignore_ascii_case(DEFAULT_SEGMENTS[1]) {
                    cost_code = cost_code.or(id);
                } else if name.trim().eq_ignore_ascii_case(DEFAULT_SEGMENTS[2]) {
                    cost_type = cost_type.or(id);
                }
            }
        }
        WbsProfile {
            advanced: None,
            segments: match (cost_code, cost_type) {
                (Some(cost_code), Some(cost_type)) => Some(WbsSegments {
                    cost_code,
                    cost_type,
                }),
                _ => None,
            },
        }
    }
}

/// The company's cost code mode; direct with `-` until one is chosen.
pub async fn cost_code_mode(
    state: &StateStore,
    company: &str,
) -> Result<CostCodeMode, RunnerError> {
    Ok(state
        .setting_as::<CostCodeMode>(company, MODE_SETTING)
        .await?
        .unwrap_or_default())
}

/// Chooses the company's cost code mode. Refused while cost codes are bound in `pairing`:
/// the same activity would stand for another Procore code, and every link would be wrong.
pub async fn set_cost_code_mode(
    state: &StateStore,
    pairing: PairingId,
    company: &str,
    mode: &CostCodeMode,
) -> Result<(), RunnerError> {
    let current = cost_code_mode(state, company).await?;
    if &current == mode {
        return Ok(());
    }
    let bound = state.count_bindings(pairing, SPEC.name).await?;
    if bound > 0 {
        return Err(RunnerError::SettingRefused(format!(
            "the cost code mode of company {company} is {} (separator {:?}) and {bound} cost codes are linked in it; \
             it is one mode for every project and cannot change while codes are linked: unpair to start over",
            current.name(),
            current.separator()
        )));
    }
    state.set_setting_as(company, MODE_SETTING, mode).await?;
    Ok(())
}

/// The binding key of one activity.
pub fn erp_key(project: &str, activity: &str) -> String {
    format!("{project}|{activity}")
}

/// Every record of an entity, page by page.
pub(crate) async fn read_all<R: erp::ErpRecord>(
    store: &dyn EntityReader<R>,
    company: &str,
    mut since: ChangeSeq,
    page: u32,
) -> Result<(Vec<erp::Changed<R>>, ChangeSeq), RunnerError> {
    let mut out = Vec::new();
    for _ in 0..MAX_PAGES {
        let batch = store.changes_since(company, since, page).await?;
        out.extend(batch.changes);
        since = batch.high_water;
        if !batch.has_more {
            return Ok((out, since));
        }
    }
    Err(RunnerError::TooManyChanges {
        entity: SPEC.name,
        pages: MAX_PAGES,
    })
}

impl SyncRunner {
    /// The bound projects a project-scoped entity must plan again, and the change number
    /// their cursors move to once planned.
    ///
    /// A project is planned again when it never was (no cursor) or when one of its records
    /// changed after its cursor. Only the changes after the lowest cursor are read, a page at a
    /// time and only to learn which projects they touch (each affected project's records are
    /// read on their own afterwards), so no run holds the company's records. Every change
    /// counts, a sync's own write-back too: a project whose last plan failed must be planned
    /// again, and a plan with nothing to do costs one read.
    ///
    /// The mark is the company's last change number taken before any read: whatever a
    /// project's records read later hold is at or before it, and a change made during the run
    /// is after it, so the next run plans that project again rather than never.
    pub(crate) async fn affected_projects<R: ProjectScoped>(
        &self,
        store: &dyn EntityReader<R>,
        cursors: &BTreeMap<String, Option<i64>>,
    ) -> Result<(BTreeSet<String>, ChangeSeq), RunnerError> {
        let mark = self.erp.last_change_seq(&self.company).await?;
        let mut affected: BTreeSet<String> = cursors
            .iter()
            .filter(|(_, at)| at.is_none())
            .map(|(n, _)| n.clone())
            .collect();
        let Some(mut since) = cursors.values().flatten().copied().min().map(ChangeSeq) else {
            return Ok((affected, mark));
        };
        for _ in 0..MAX_PAGES {
            let batch = store
                .changes_since(&self.company, since, self.options.erp_page)
                .await?;
            for c in &batch.changes {
                let number = c.record.project_number();
                if let Some(Some(at)) = cursors.get(number) {
                    if c.meta.seq.0 > *at && !affected.contains(number) {
                        affected.insert(number.to_owned());
                    }
                }
            }
            since = batch.high_water;
            if !batch.has_more || since >= mark {
                return Ok((affected, mark));
            }
        }
        Err(RunnerError::TooManyChanges {
            entity: R::ENTITY.name(),
            pages: MAX_PAGES,
        })
    }

    pub(crate) async fn sync_cost_codes(
        &self,
        run_id: Option<RunId>,
    ) -> Result<EntitySummary, RunnerError> {
        let mode = cost_code_mode(&self.state, &self.company).await?;
        let mut out = Out::new(SPEC.name, run_id.is_none());

        let (bound, unbound) = self.bound_projects().await?;

        // Which of them changed since their cursor (or were never planned).
        let mut cursors: BTreeMap<String, Option<i64>> = BTreeMap::new();
        for number in bound.keys() {
            let key = self.cost_code_cursor(number);
            let at = match self.state.cursor(&key).await? {
                Some(c) => match c.value {
                    CursorValue::ChangeSeq(seq) => Some(seq),
                    _ => None,
                },
                None => None,
            };
            cursors.insert(number.clone(), at);
        }
        let (affected, high) = self
            .affected_projects(self.erp.activities(), &cursors)
            .await?;
        // A project flagged for Procore but not linked yet waits, and says so.
        for number in &unbound {
            out.summary.skipped += 1;
            out.push(
                Some(number.clone()),
                None,
                OutcomeAction::Skip,
                WrittenSide::None,
                SyncStatus::Warning,
                format!("project {number} not synchronized with Procore yet: its cost codes wait"),
            );
        }

        let total = affected.len() as u64;
        let (mode, bound) = (&mode, &bound);
        self.each_project(
            &mut out,
            affected.iter().collect(),
            |number, mut part| async move {
                let result = async {
                    let procore_project = bound[number];
                    // The project's activities, all of them: a plan needs the whole list.
                    let planned = async {
                        let activities: Vec<ActivityCode> = self
                            .erp
                            .project_activities(&self.company, number)
                            .await?
                            .into_iter()
                            .map(|a| ActivityCode {
                                code: a.code,
                                description: a.description,
                            })
                            .collect();
                        self.project_cost_codes(
                            mode,
                            number,
                            procore_project,
                            &activities,
                            &mut part,
                        )
                        .await
                    };
                    let planned = planned.await;
                    let cursor = self.cost_code_cursor(number);
                    part.project_done(self, run_id, number, planned, &cursor, high)
                        .await?;
                    part.record(self, run_id).await
                }
                .await;
                (part, result)
            },
        )
        .await?;
        self.report(SPEC.name, Phase::Done, total, Some(total));

        out.finish(self, run_id).await
    }

    /// The projects that can have codes and budgets: flagged and active in maestro*, by number,
    /// with their Procore id when linked; and the flagged ones not linked yet.
    pub(crate) async fn bound_projects(
        &self,
    ) -> Result<(BTreeMap<String, u64>, Vec<String>), RunnerError> {
        let (projects, _) = read_all::<Project>(
            self.erp.projects(),
            &self.company,
            ChangeSeq::ORIGIN,
            self.options.erp_page,
        )
        .await?;
        let flagged: Vec<String> = projects
            .iter()
            .filter(|p| p.record.linked_to_procore && p.record.active)
            .map(|p| p.record.number.clone())
            .collect();
        let bound: BTreeMap<String, u64> = self
            .state
            .bindings_by_erp_keys(self.pairing, "projects", &flagged)
            .await?
            .into_iter()
            .map(|b| (b.erp_key, b.procore_id))
            .collect();
        let unbound = flagged
            .into_iter()
            .filter(|n| !bound.contains_key(n))
            .collect();
        Ok((bound, unbound))
    }

    fn cost_code_cursor(&self, project: &str) -> CursorKey {
        CursorKey::new(
            self.pairing,
            SPEC.name,
            CursorDirection::ErpToProcore,
            project,
        )
    }

    /// What one page of a Procore project's WBS codes shows (read once per run): whether it
    /// uses advanced WBS, and the ids of its cost code and cost type segments.
    pub(crate) async fn wbs_profile(
        &self,
        procore_project: u64,
    ) -> Result<WbsProfile, RunnerError> {
        if let Some(known) = self.cached(|c| c.wbs.get(&procore_project).cloned()) {
            return Ok(known);
        }
        let mut pager = self
            .procore
            .wbs_codes(procore_project)
            .list(&WbsCodeFilters::default())
            .with_per_page(10);
        let page = pager.next_page().await?.unwrap_or_default();
        let profile = WbsProfile::of(&page);
        self.cached(|c| {
            if profile.segments.is_some() {
                c.wbs_segments = profile.segments;
            }
            c.wbs.insert(procore_project, profile.clone())
        });
        Ok(profile)
    }

    /// Forgets a project's WBS profile, once mpsync made its first budget code.
    pub(crate) fn forget_wbs_profile(&self, procore_project: u64) {
        self.cached(|c| c.wbs.remove(&procore_project));
    }

    /// Plans and writes one project's codes; whether everything went through.
    async fn project_cost_codes(
        &self,
        mode: &CostCodeMode,
        number: &str,
        procore_project: u64,
        activities: &[ActivityCode],
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        if let Some(reason) = self.wbs_profile(procore_project).await?.advanced {
            out.error_procore(
                None,
                Some(procore_project),
                format!("project {number}: {reason}"),
            );
            return Ok(false);
        }
        let codes = self.procore.cost_codes(procore_project);
        let existing = crate::entities::collect(
            codes.list(&CostCodeFilters::default()),
            0,
            &|done, total| self.report(SPEC.name, Phase::ReadingProcore, done, total),
        )
        .await?;
        let tree_input: Vec<ProcoreCode> = existing
            .iter()
            .filter(|c| c.deleted_at.is_none())
            .map(|c| ProcoreCode {
                id: c.id,
                code: c.code.clone().unwrap_or_default(),
                parent_id: c.parent.as_ref().and_then(|p| p.id),
                name: c.name.clone().unwrap_or_default(),
                origin_id: c.origin_id.clone(),
            })
            .collect();
        let origin_of: BTreeMap<u64, Option<String>> = tree_input
            .iter()
            .map(|c| (c.id, c.origin_id.clone()))
            .collect();
        let tree = CodeTree::new(mode, &tree_input);
        let the_plan = plan(mode, activities, &tree);
        let mut clean = the_plan.errors.is_empty();
        let label = |activity: &str| format!("cost code {activity} of project {number}");

        for issue in &the_plan.errors {
            out.error_procore(
                Some(erp_key(number, &issue.activity)),
                issue.procore_id,
                format!("project {number}: {}", issue.message),
            );
        }
        for issue in &the_plan.only_in_procore {
            out.summary.warnings.procore += 1;
            out.push(
                None,
                issue.procore_id,
                OutcomeAction::Skip,
                WrittenSide::None,
                SyncStatus::Warning,
                format!("project {number}: {}", issue.message),
            );
        }

        // Links to codes Procore already has, with their origin_id and name brought in line.
        let renamed: BTreeMap<u64, &str> = the_plan
            .renames
            .iter()
            .map(|(id, name)| (*id, name.as_str()))
            .collect();
        let mut touch: Vec<CostCodeSyncItem> = Vec::new();
        let mut links: Vec<(String, u64, String)> = Vec::new();
        let bound_now: BTreeSet<u64> = self
            .state
            .bindings_by_procore_ids(
                self.pairing,
                SPEC.name,
                &the_plan
                    .matched
                    .iter()
                    .map(|(_, id)| *id)
                    .collect::<Vec<_>>(),
            )
            .await?
            .into_iter()
            .map(|b| b.procore_id)
            .collect();
        for (activity, id) in &the_plan.matched {
            let key = erp_key(number, activity);
            let stamp = origin_of.get(id).cloned().flatten().as_deref() != Some(key.as_str());
            let rename = renamed.get(id).copied();
            if stamp || rename.is_some() {
                touch.push(CostCodeSyncItem {
                    id: Some(*id),
                    origin_id: Some(key.clone()),
                    name: rename.map(str::to_owned),
                    ..CostCodeSyncItem::default()
                });
            }
            let linked_before = bound_now.contains(id);
            match (linked_before, rename) {
                (false, _) => {
                    out.summary.linked += 1;
                    out.push(
                        Some(key.clone()),
                        Some(*id),
                        OutcomeAction::Link,
                        WrittenSide::None,
                        SyncStatus::Success,
                        format!(
                            "{}: {} to the existing Procore cost code {id}",
                            label(activity),
                            out.done("linked")
                        ),
                    );
                }
                (true, Some(name)) => {
                    out.summary.updated.procore += 1;
                    out.push(
                        Some(key.clone()),
                        Some(*id),
                        OutcomeAction::Update,
                        WrittenSide::Procore,
                        SyncStatus::Success,
                        format!(
                            "{}: {}: name {name:?}",
                            label(activity),
                            out.done("updated in Procore")
                        ),
                    );
                }
                (true, None) => out.summary.unchanged += 1,
            }
            links.push((key, *id, activity.clone()));
        }
        if out.dry {
            for wave in &the_plan.waves {
                for code in wave {
                    out.summary.created.procore += 1;
                    out.push(
                        Some(erp_key(number, &code.activity)),
                        None,
                        OutcomeAction::Create,
                        WrittenSide::Procore,
                        SyncStatus::Success,
                        format!(
                            "{}: {}",
                            label(&code.activity),
                            out.done("created in Procore")
                        ),
                    );
                }
            }
            return Ok(clean);
        }
        if !touch.is_empty() {
            match codes.sync(touch).await {
                Ok(outcome) => {
                    for e in &outcome.errors {
                        clean = false;
                        let text: Vec<String> =
                            e.field_errors.iter().map(ToString::to_string).collect();
                        out.error_procore(
                            e.origin_id.clone(),
                            e.id,
                            format!(
                                "project {number}: cost code {}: refused by Procore: {}",
                                e.id.unwrap_or_default(),
                                text.join("; ")
                            ),
                        );
                    }
                }
                Err(e) => {
                    clean = false;
                    out.error_procore(
                        None,
                        None,
                        format!("project {number}: cost codes not updated: Procore: {e}"),
                    );
                }
            }
        }

        // The missing codes, level by level.
        let mut created: BTreeMap<String, u64> = BTreeMap::new();
        for wave in &the_plan.waves {
            let mut items = Vec::new();
            let mut sent: Vec<&NewCode> = Vec::new();
            for code in wave {
                let parent_id = match &code.parent {
                    None => None,
                    Some(Parent::Existing(id)) => Some(*id),
                    Some(Parent::Created(parent)) => match created.get(parent) {
                        Some(id) => Some(*id),
                        None => {
                            clean = false;
                            out.error_procore(
                                Some(erp_key(number, &code.activity)),
                                None,
                                format!(
                                    "{}: not created: its parent {parent} could not be created",
                                    label(&code.activity)
                                ),
                            );
                            continue;
                        }
                    },
                };
                items.push(CostCodeSyncItem {
                    code: Some(code.code.clone()),
                    name: Some(code.name.clone()),
                    parent_id,
                    origin_id: Some(erp_key(number, &code.activity)),
                    ..CostCodeSyncItem::default()
                });
                sent.push(code);
            }
            if items.is_empty() {
                continue;
            }
            let outcome = match codes.sync(items).await {
                Ok(outcome) => outcome,
                Err(e) => {
                    clean = false;
                    let pending = e.kind().is_retryable();
                    for code in sent {
                        let message =
                            format!("{}: not created: Procore: {e}", label(&code.activity));
                        if pending {
                            out.summary.pending += 1;
                            out.push(
                                Some(erp_key(number, &code.activity)),
                                None,
                                OutcomeAction::Create,
                                WrittenSide::Procore,
                                SyncStatus::Pending,
                                format!("{message}; sent again by the next run"),
                            );
                        } else {
                            out.error_procore(Some(erp_key(number, &code.activity)), None, message);
                        }
                    }
                    if matches!(
                        e.kind(),
                        procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
                    ) {
                        return Err(e.into());
                    }
                    continue;
                }
            };
            for code in sent {
                let key = erp_key(number, &code.activity);
                if let Some(e) = outcome
                    .errors
                    .iter()
                    .find(|e| e.origin_id.as_deref() == Some(key.as_str()))
                {
                    clean = false;
                    let text: Vec<String> =
                        e.field_errors.iter().map(ToString::to_string).collect();
                    out.error_procore(
                        Some(key),
                        None,
                        format!(
                            "{}: refused by Procore: {}",
                            label(&code.activity),
                            text.join("; ")
                        ),
                    );
                    continue;
                }
                match outcome
                    .entities
                    .iter()
                    .find(|c: &&CostCode| c.origin_id.as_deref() == Some(key.as_str()))
                {
                    Some(c) => {
                        created.insert(code.activity.clone(), c.id);
                        links.push((key.clone(), c.id, code.activity.clone()));
                        out.summary.created.procore += 1;
                        out.push(
                            Some(key),
                            Some(c.id),
                            OutcomeAction::Create,
                            WrittenSide::Procore,
                            SyncStatus::Success,
                            format!("{}: created in Procore", label(&code.activity)),
                        );
                    }
                    None => {
                        clean = false;
                        out.error_procore(
                            Some(key),
                            None,
                            format!(
                                "{}: Procore neither confirmed nor refused the write",
                                label(&code.activity)
                            ),
                        );
                    }
                }
            }
        }

        self.link_all(
            SPEC.name,
            links
                .into_iter()
                .map(|(key, id, activity)| (key, id, json!({ "activity": activity }))),
        )
        .await?;
        Ok(clean)
    }
}
