//! Runs started from the web (a user or the API): one at a time per company (the state
//! store's run lease, so a CLI or another server's run is respected too), in the background,
//! with live progress the Synchronization Manager polls.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use runner::lease::RunLease;
use runner::{Phase, Progress, ProgressSink, RunnerOptions, SyncRunner};
use serde::Serialize;
use state::{RunTrigger, StateStore};

use crate::auth::WebError;
use crate::AppState;

/// What the Synchronization Manager shows of a run while it goes and just after.
#[derive(Debug, Clone, Serialize)]
pub struct LiveRun {
    pub started_by: String,
    pub started_at: DateTime<Utc>,
    pub entity: Option<String>,
    pub phase: Option<&'static str>,
    pub done: u64,
    pub total: Option<u64>,
    pub finished: bool,
    pub run_id: Option<i64>,
    /// Why the run stopped, when it failed as a whole.
    pub failure: Option<String>,
    /// When Procore's rate limit lets the run go on, while it waits.
    pub pending_until: Option<DateTime<Utc>>,
}

/// One run going, counted while it lives.
struct Going(Arc<std::sync::atomic::AtomicUsize>);

impl Going {
    fn new(count: Arc<std::sync::atomic::AtomicUsize>) -> Self {
        count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Going(count)
    }
}

impl Drop for Going {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The live runs, per company.
#[derive(Default)]
pub struct RunBoard {
    runs: Mutex<HashMap<String, LiveRun>>,
    active: tokio::sync::Mutex<()>,
    count: Arc<std::sync::atomic::AtomicUsize>,
}

impl RunBoard {
    pub fn get(&self, company: &str) -> Option<LiveRun> {
        self.runs.lock().ok()?.get(company).cloned()
    }

    fn update(&self, company: &str, f: impl FnOnce(&mut LiveRun)) {
        if let Ok(mut runs) = self.runs.lock() {
            if let Some(run) = runs.get_mut(company) {
                f(run);
            }
        }
    }

    /// Resolves once no run started here is going.
    pub async fn wait_idle(&self) {
        for _ in 0..36_000 {
            if self.count.load(std::sync::atomic::Ordering::SeqCst) == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let _ = self.active.lock().await;
    }
}

/// Starts a run of `entities` (the enabled ones when empty) for `company` in the background.
/// Refused when the company is not paired, not configured, or already running.
pub async fn start(
    app: &AppState,
    company: &str,
    entities: Vec<String>,
    actor: &str,
    trigger: RunTrigger,
) -> Result<(), WebError> {
    let state = app.state().clone();
    let pairing = state.active_pairing(company).await?.ok_or_else(|| {
        WebError::Refused(format!(
            "{company} is not connected to Procore: connect it in the Authentication tab"
        ))
    })?;
    let client = runner::connection::client_for(&state, app.cipher().clone(), company, &pairing)
        .await?
        .map_err(|_| {
            WebError::Refused(
                "the Procore connection is not configured: see the Authentication tab".into(),
            )
        })?;
    let entities: Vec<String> = if entities.is_empty() {
        runner::enabled::enabled_entities(&state, company)
            .await?
            .into_iter()
            .map(str::to_owned)
            .collect()
    } else {
        entities
    };
    let lease = RunLease::acquire(&state, company, actor)
        .await?
        .ok_or_else(|| {
            WebError::Refused(format!(
                "a synchronization of {company} is already running: wait for it to end"
            ))
        })?;
    if let Err(e) = state
        .audit(
            actor,
            Some(company),
            "run.started",
            &serde_json::json!({"entities": entities, "trigger": trigger.as_str()}),
        )
        .await
    {
        // Not a run without its audit entry; the lease goes back at once.
        let _ = lease.release().await;
        return Err(e.into());
    }
    let board_app = app.clone();
    let company_key = company.to_owned();
    if let Ok(mut runs) = app.board().runs.lock() {
        runs.insert(
            company_key.clone(),
            LiveRun {
                started_by: actor.to_owned(),
                started_at: Utc::now(),
                entity: None,
                phase: None,
                done: 0,
                total: None,
                finished: false,
                run_id: None,
                failure: None,
                pending_until: None,
            },
        );
    }
    let progress = {
        let app = app.clone();
        let company = company_key.clone();
        ProgressSink::new(move |p: &Progress| {
            app.board().update(&company, |live| {
                live.entity = Some(p.entity.to_string());
                live.phase = Some(match p.phase {
                    Phase::ReadingProcore => "reading",
                    Phase::Writing => "writing",
                    Phase::Done => "done",
                });
                live.done = p.done;
                live.total = p.total;
            });
        })
    };
    let gate = client.gate_watch();
    let counted = client.clone();
    let runner = SyncRunner::new(
        Arc::new(app.erp().clone()),
        company_key.clone(),
        state.clone(),
        pairing.id,
        client,
    )
    .with_options(RunnerOptions {
        trigger,
        started_by: Some(actor.to_owned()),
        progress: Some(progress),
        ..RunnerOptions::default()
    });
    let going = Going::new(app.board().count.clone());
    app.metrics().run_started();
    tokio::spawn(async move {
        // Counted down when the task ends, however it ends.
        let _going = going;
        let watch = {
            let app = board_app.clone();
            let company = company_key.clone();
            tokio::spawn(async move {
                let mut gate = gate;
                loop {
                    let until = match *gate.borrow() {
                        procore::GateStatus::PausedUntil(t) => Some(t),
                        _ => None,
                    };
                    if let Some(t) = until {
                        app.metrics()
                            .waited((t - Utc::now()).num_milliseconds() as f64 / 1000.0);
                    }
                    app.board()
                        .update(&company, |live| live.pending_until = until);
                    if gate.changed().await.is_err() {
                        break;
                    }
                }
            })
        };
        let names: Vec<&str> = entities.iter().map(String::as_str).collect();
        let outcome = runner.sync(&names, false).await;
        watch.abort();
        let (run_id, failure) = match outcome {
            Ok(summary) => (summary.run_id, None),
            Err(e) => {
                tracing::warn!(company = company_key, "run failed: {e}");
                (None, Some(e.to_string()))
            }
        };
        let (status, records) = match run_id {
            Some(id) => (
                state
                    .run(id)
                    .await
                    .ok()
                    .flatten()
                    .map_or("error", |r| r.status.as_str()),
                state.run_summary(id).await.unwrap_or_default(),
            ),
            None => ("error", vec![]),
        };
        board_app.metrics().run_finished(
            &company_key,
            status,
            &records,
            &counted.call_counts(),
            counted.rate_limited_count(),
        );
        board_app.board().update(&company_key, |live| {
            live.finished = true;
            live.run_id = run_id;
            live.failure = failure;
            live.pending_until = None;
        });
        if let Err(e) = lease.release().await {
            tracing::warn!(company = company_key, "releasing the run lease: {e}");
        }
    });
    Ok(())
}

/// The entities whose records failed in a run: what "retry failed records" runs again (their
/// cursors did not move past the failures, so the next run reads them again).
pub async fn failed_entities(
    state: &StateStore,
    run: state::RunId,
) -> Result<Vec<String>, WebError> {
    let summary = state.run_summary(run).await?;
    let mut names: Vec<String> = summary
        .into_iter()
        .filter(|c| {
            matches!(
                c.status,
                state::SyncStatus::Error | state::SyncStatus::Pending
            )
        })
        .map(|c| c.entity)
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}
