//! Outcomes of the project-scoped entities (cost codes, budgets), which do not go through the
//! generic executor: their counts and one outcome per record, recorded a few thousand at a time
//! between projects and at the end of the entity, or kept as the plan of a dry run.

use state::{
    BindingWrite, NewOutcome, OutcomeAction, RunId, StateError, StateTx, SyncStatus, WrittenSide,
};

use crate::error::RunnerError;
use crate::progress::Phase;
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

/// Where a project-scoped Procore → maestro* stream reads from: its cursor, the `updated_at`
/// window (none: a first, full read) and the instant the cursor moves to if all goes through.
pub(crate) struct ProcoreWindow {
    pub cursor: state::CursorKey,
    pub range: Option<procore::TimeRange>,
    pub started: chrono::DateTime<chrono::Utc>,
}

/// How far past our clock an `updated_at` filter reaches. Procore's clock may run ahead of
/// ours: an end on our clock would hide its latest edits, and the cursor (on Procore's clock)
/// would then pass them. Edits made while the run reads are read now and again next run, as the
/// cursor keeps the run's start.
pub(crate) const FILTER_AHEAD: chrono::Duration = chrono::Duration::days(1);

impl SyncRunner {
    /// `ours` on Procore's clock, as its answers' `Date` headers show it: cursors are compared
    /// with Procore's `updated_at`, so a clock of ours ahead of Procore's would skip its edits.
    pub(crate) fn on_procore_clock(
        &self,
        ours: chrono::DateTime<chrono::Utc>,
    ) -> chrono::DateTime<chrono::Utc> {
        ours + self.procore.procore_clock_skew()
    }

    pub(crate) async fn procore_window(
        &self,
        entity: &str,
        project: &str,
    ) -> Result<ProcoreWindow, RunnerError> {
        let cursor = state::CursorKey::new(
            self.pairing,
            entity,
            state::Direction::ProcoreToErp,
            project,
        );
        let since = match self
            .state
            .read_from(&cursor, &state::Lookback::of(self.options.lookback))
            .await?
        {
            Some(state::CursorValue::UpdatedAt(at)) => Some(at),
            _ => None,
        };
        let started = chrono::Utc::now();
        let range = since.map(|at| procore::TimeRange::new(at, started + FILTER_AHEAD));
        Ok(ProcoreWindow {
            cursor,
            range,
            started,
        })
    }

    /// Where a maestro* → Procore stream of `entity` stands (`None`: never read).
    pub(crate) async fn erp_position(
        &self,
        entity: &str,
        partition: &str,
    ) -> Result<(state::CursorKey, Option<i64>), RunnerError> {
        let key = state::CursorKey::new(
            self.pairing,
            entity,
            state::Direction::ErpToProcore,
            partition,
        );
        let at = match self.state.cursor(&key).await? {
            Some(c) => match c.value {
                state::CursorValue::ChangeSeq(seq) => Some(seq),
                _ => None,
            },
            None => None,
        };
        Ok((key, at))
    }
}

/// Projects planned side by side. Most of a project's time is spent waiting for Procore (a
/// project's calls follow one another: a level of cost codes names its parents' ids, budget
/// lines their budget codes); with others under way the engine plans one while Procore answers
/// the others, so neither waits for the other. Under Procore's rate limit more would only
/// queue.
pub(crate) const PROJECTS_IN_FLIGHT: usize = 4;

impl SyncRunner {
    /// Links records of a project-scoped entity in one transaction, each with the values it
    /// was synchronized with; no hashes, as Procore's side (tree, detail rows, direct costs) is
    /// read again on every plan. A stale link of either record gives way ([`rebind`]).
    pub(crate) async fn link_all(
        &self,
        entity: &str,
        links: impl IntoIterator<Item = (String, u64, serde_json::Value)>,
    ) -> Result<(), RunnerError> {
        self.link_all_recording(entity, links, None).await
    }

    /// [`link_all`](Self::link_all), recording in the same transaction the outcomes `out`
    /// gathered so far when `recording` names a run: a batch's outcomes and its bindings
    /// become visible together, in one commit instead of two.
    pub(crate) async fn link_all_recording(
        &self,
        entity: &str,
        links: impl IntoIterator<Item = (String, u64, serde_json::Value)>,
        recording: Option<(&mut Out, RunId)>,
    ) -> Result<(), RunnerError> {
        let writes: Vec<BindingWrite> = links
            .into_iter()
            .map(|(erp_key, procore_id, values)| BindingWrite {
                pairing: self.pairing,
                entity: entity.to_owned(),
                erp_key,
                procore_id,
                erp_hash: None,
                procore_hash: None,
                last_synced_values: values,
            })
            .collect();
        let outcomes = match &recording {
            Some((out, _)) => out.outcomes.as_slice(),
            None => &[],
        };
        if writes.is_empty() && outcomes.is_empty() {
            return Ok(());
        }
        let mut tx = self.state.begin().await?;
        rebind_all(&mut tx, &writes).await?;
        if let Some((out, run_id)) = recording {
            if !out.outcomes.is_empty() {
                tx.add_outcomes(run_id, &out.outcomes).await?;
            }
            tx.commit().await?;
            // Recorded only once committed: a failed transaction leaves them to be recorded.
            out.outcomes.clear();
        } else {
            tx.commit().await?;
        }
        Ok(())
    }

    /// Runs `each` for every project, [`PROJECTS_IN_FLIGHT`] at a time, each with an [`Out`]
    /// of its own that it records before it ends: this loop drives the projects only while it
    /// waits on them, so were it to wait on the state database itself, a project holding the
    /// write lock would stand still. Their counts (and a dry run's plan) go into `out`. The
    /// first failure stops new projects from starting; the ones under way end first.
    pub(crate) async fn each_project<P, Fut>(
        &self,
        out: &mut Out,
        projects: Vec<P>,
        each: impl Fn(P, Out) -> Fut,
    ) -> Result<(), RunnerError>
    where
        Fut: std::future::Future<Output = (Out, Result<(), RunnerError>)>,
    {
        use futures::StreamExt;

        let total = projects.len() as u64;
        let mut todo = projects.into_iter();
        let mut in_flight = futures::stream::FuturesUnordered::new();
        let mut failure: Option<RunnerError> = None;
        let mut done = 0u64;
        loop {
            while failure.is_none() && in_flight.len() < PROJECTS_IN_FLIGHT {
                match todo.next() {
                    Some(project) => in_flight.push(each(project, Out::new(out.entity, out.dry))),
                    None => break,
                }
            }
            let Some((part, result)) = in_flight.next().await else {
                break;
            };
            out.absorb(part);
            if let Err(e) = result {
                failure.get_or_insert(e);
            }
            done += 1;
            self.report(out.entity, Phase::Writing, done, Some(total));
        }
        failure.map_or(Ok(()), Err)
    }
}

/// Every pending write of a batch failed with `e`: each gets its outcome (pending when it may
/// yet go through); a lost grant is handed back to stop the run.
pub(crate) fn batch_failed<T>(
    e: procore::ProcoreError,
    items: &[T],
    mut each: impl FnMut(&T, &str, bool),
) -> Result<bool, RunnerError> {
    let retry = e.kind().is_retryable() || e.write_outcome_unknown();
    for item in items {
        each(item, &e.to_string(), retry);
    }
    if matches!(
        e.kind(),
        procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
    ) {
        return Err(e.into());
    }
    Ok(false)
}

/// Outcomes [`Out::flush`] lets gather before recording them.
const FLUSH_OUTCOMES: usize = 2_000;

/// The outcomes of one project-scoped entity in one run.
pub(crate) struct Out {
    pub(crate) entity: &'static str,
    pub(crate) summary: EntitySummary,
    pub(crate) outcomes: Vec<NewOutcome>,
    /// A dry run: messages say what would be done.
    pub(crate) dry: bool,
}

impl Out {
    pub(crate) fn new(entity: &'static str, dry: bool) -> Self {
        Out {
            entity,
            summary: EntitySummary::new(entity),
            outcomes: Vec::new(),
            dry,
        }
    }

    pub(crate) fn push(
        &mut self,
        key: Option<String>,
        procore_id: Option<u64>,
        action: OutcomeAction,
        side: WrittenSide,
        status: SyncStatus,
        message: String,
    ) {
        self.outcomes.push(NewOutcome {
            entity: self.entity.to_owned(),
            erp_key: key,
            procore_id,
            action,
            side,
            status,
            message,
        });
    }

    /// Takes in the counts and outcomes of a part of the entity sent on its own.
    pub(crate) fn absorb(&mut self, part: Out) {
        self.summary.absorb(part.summary);
        self.outcomes.extend(part.outcomes);
    }

    pub(crate) fn done(&self, what: &str) -> String {
        if self.dry {
            format!("would be {what}")
        } else {
            what.to_owned()
        }
    }

    /// An error on `side` naming the record.
    pub(crate) fn error(
        &mut self,
        key: Option<String>,
        procore_id: Option<u64>,
        side: WrittenSide,
        message: String,
    ) {
        match side {
            WrittenSide::Erp => self.summary.errors.erp += 1,
            _ => self.summary.errors.procore += 1,
        }
        self.push(
            key,
            procore_id,
            OutcomeAction::Update,
            side,
            SyncStatus::Error,
            message,
        );
    }

    /// An error on the Procore side naming the record.
    pub(crate) fn error_procore(
        &mut self,
        key: Option<String>,
        procore_id: Option<u64>,
        message: String,
    ) {
        self.error(key, procore_id, WrittenSide::Procore, message);
    }

    /// Records the outcomes gathered so far once they are many, so an entity of a million
    /// records does not hold a million messages until its end (and a crash loses fewer). A
    /// dry run keeps them: they are the plan it hands back.
    pub(crate) async fn flush(
        &mut self,
        runner: &SyncRunner,
        run_id: Option<RunId>,
    ) -> Result<(), RunnerError> {
        if self.outcomes.len() >= FLUSH_OUTCOMES {
            self.record(runner, run_id).await?;
        }
        Ok(())
    }

    /// Records the outcomes gathered so far, however few (a dry run keeps them).
    pub(crate) async fn record(
        &mut self,
        runner: &SyncRunner,
        run_id: Option<RunId>,
    ) -> Result<(), RunnerError> {
        if let Some(id) = run_id {
            if !self.outcomes.is_empty() {
                let outcomes = std::mem::take(&mut self.outcomes);
                runner.state.add_outcomes(id, &outcomes).await?;
            }
        }
        Ok(())
    }

    /// Records the outcomes (or, for a dry run, keeps them as the plan).
    pub(crate) async fn finish(
        mut self,
        runner: &SyncRunner,
        run_id: Option<RunId>,
    ) -> Result<EntitySummary, RunnerError> {
        match run_id {
            Some(id) if !self.outcomes.is_empty() => {
                runner.state.add_outcomes(id, &self.outcomes).await?;
            }
            Some(_) => {}
            None => self.summary.planned = std::mem::take(&mut self.outcomes),
        }
        Ok(self.summary)
    }
}

impl Out {
    /// What to do with a failure of one project: a Procore or database failure is that project's
    /// error outcome and the next project goes on; a lost grant stops the run, once the outcomes
    /// gathered so far are recorded.
    pub(crate) async fn project_failed(
        &mut self,
        runner: &SyncRunner,
        run_id: Option<RunId>,
        project: &str,
        error: RunnerError,
    ) -> Result<(), RunnerError> {
        let grant_lost = matches!(
            &error,
            RunnerError::Procore(e)
                if matches!(e.kind(), procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired)
        );
        self.error(
            None,
            None,
            WrittenSide::Procore,
            format!("project {project}: not synchronized: {error}"),
        );
        if grant_lost {
            if let Some(id) = run_id {
                let outcomes = std::mem::take(&mut self.outcomes);
                runner.state.add_outcomes(id, &outcomes).await?;
            }
            return Err(error);
        }
        Ok(())
    }

    /// Ends one project's plan: a failure is the project's error outcome (a lost grant stops
    /// the run), and the project's cursor moves to `to` only when everything went through, so
    /// the next run plans the project again otherwise.
    pub(crate) async fn project_done(
        &mut self,
        runner: &SyncRunner,
        run_id: Option<RunId>,
        project: &str,
        planned: Result<bool, RunnerError>,
        cursor: &state::CursorKey,
        to: erp::ChangeSeq,
    ) -> Result<(), RunnerError> {
        let clean = match planned {
            Ok(clean) => clean,
            Err(e) => {
                self.project_failed(runner, run_id, project, e).await?;
                false
            }
        };
        if clean && run_id.is_some() {
            runner
                .state
                .advance_cursor(cursor, state::CursorValue::ChangeSeq(to.0))
                .await?;
        }
        Ok(())
    }
}

/// Binds, replacing a stale binding of either record. For project-scoped entities Procore's
/// tree and detail rows are the truth, read on every plan: a binding left by a code deleted in
/// Procore and created again, or by lines regrouped under another key, gives way instead of
/// failing every later run.
/// [`rebind`] for many records: the new and unchanged links a few hundred per statement, the
/// ones that clash settled one by one.
pub(crate) async fn rebind_all(
    tx: &mut StateTx,
    writes: &[BindingWrite],
) -> Result<(), RunnerError> {
    for i in tx.upsert_bindings(writes).await? {
        rebind(tx, &writes[i]).await?;
    }
    Ok(())
}

pub(crate) async fn rebind(tx: &mut StateTx, write: &BindingWrite) -> Result<(), RunnerError> {
    match tx.upsert_binding(write).await {
        Ok(_) => Ok(()),
        Err(StateError::BindingConflict(c)) => {
            if c.erp_key_bound_to.is_some() {
                tx.unlink_binding(write.pairing, &write.entity, &write.erp_key)
                    .await?;
            }
            if let Some(other) = &c.procore_id_bound_to {
                tx.unlink_binding(write.pairing, &write.entity, other)
                    .await?;
            }
            tx.upsert_binding(write).await?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}
