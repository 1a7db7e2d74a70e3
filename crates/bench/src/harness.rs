//! The scenarios: initial sync, no-change sync, 1 % incremental sync, rate-limited initial
//! sync, each measured (calls by operation against the theoretical minimum, wall and CPU time,
//! peak memory, 429s), then the same first three with the per-record baseline.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use procore_sim::{seed, Kind, RateLimitConfig};
use runner::{RunnerOptions, SyncRunner};
use serde::Serialize;
use serde_json::{json, Value};

use crate::dataset::{self, Counts};
use crate::measure;
use crate::minimum::{self, Minimum, Scenario};
use crate::pacing::{self, Pacing};
use crate::preset::Size;
use crate::world::{SimMode, World};
use crate::BenchError;

/// One in `EDIT_STEP` records is edited on each side in the incremental scenario.
pub const EDIT_STEP: usize = 100;

/// Time between scheduled syncs, as the steady-state and incremental scenarios see it: the
/// simulator's clock is moved on by this much before each, so what the previous sync wrote
/// is behind its look-back (a real deployment does not sync twice a second).
pub const SCHEDULE: chrono::Duration = chrono::Duration::minutes(5);

/// The shortest "hourly" window of the rate-limited run. Procore's `X-Rate-Limit-Reset` is in
/// whole seconds, so each wait for a reset may overshoot by up to a second: against a window
/// of a few seconds that rounding alone would dominate the measure, as it never does against
/// Procore's hour and 10 seconds.
pub const MIN_RATE_WINDOW: Duration = Duration::from_secs(30);

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    pub preset: String,
    pub size: Size,
    pub seed: u64,
    /// Working directory (databases); emptied first.
    pub dir: PathBuf,
    pub sim: SimMode,
    /// Also run the per-record baseline (scenarios 1–3).
    pub baseline: bool,
    /// Also run the rate-limited scenario 4.
    pub rate_limited: bool,
}

/// The figures of one scenario run by one engine.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioResult {
    pub scenario: Scenario,
    /// `mpsync` or `per-record`.
    pub engine: &'static str,
    /// Procore API calls by operation (sign-in excluded: it precedes every scenario).
    pub calls: BTreeMap<String, u64>,
    pub reads: u64,
    pub writes: u64,
    pub minimum: Minimum,
    /// Calls over the theoretical minimum.
    pub ratio: f64,
    /// Records the scenario synchronizes (all of them, the edited ones, or those checked).
    pub records: u64,
    pub wall_ms: u64,
    pub records_per_s: f64,
    pub cpu_ms: u64,
    /// CPU time of the simulator over the scenario (child process only): on one machine the
    /// two share the cores, so wall time is bounded by their sum over the cores.
    pub sim_cpu_ms: Option<u64>,
    pub peak_rss_bytes: Option<u64>,
    pub rate_limited_429: u64,
    /// Requests per second the simulator's limits allow over the run (rate-limited only).
    pub allowed_rate: Option<f64>,
    /// Requests per second achieved.
    pub achieved_rate: f64,
    /// Pacing over the full hourly windows (rate-limited only).
    pub pacing: Option<Pacing>,
    /// Records the engine wrote on either side, by its own summary.
    pub records_written: u64,
    /// Error outcomes in the engine's summary (a healthy benchmark has none).
    pub errors: u64,
    /// Per entity: records written, error outcomes.
    pub entities: BTreeMap<String, [u64; 2]>,
    /// Per entity, in run order: milliseconds from the previous entity's end (or the run's
    /// start) to its own, where the run's time goes.
    pub entity_ms: Vec<(String, u64)>,
}

/// Everything a benchmark run measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub preset: String,
    pub size: Size,
    pub counts: Counts,
    pub seed: u64,
    pub sim_in_process: bool,
    pub scenarios: Vec<ScenarioResult>,
    /// Per-record baseline over mpsync, per scenario: (calls, wall time).
    pub baseline_ratios: Vec<BaselineRatio>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BaselineRatio {
    pub scenario: Scenario,
    pub calls: f64,
    pub wall: f64,
}

fn is_read(operation: &str) -> bool {
    operation.ends_with("Get")
}

async fn run_scenario(
    world: &World,
    scenario: Scenario,
    per_record: bool,
    minimum: Minimum,
    records: u64,
    limits: Option<&RateLimitConfig>,
) -> Result<ScenarioResult, BenchError> {
    let client = world.client(per_record)?;
    let entity_clock = measure::EntityClock::default();
    let runner = SyncRunner::new(
        std::sync::Arc::new(world.erp.clone()),
        dataset::COMPANY.to_owned(),
        world.state.clone(),
        world.pairing,
        client.clone(),
    )
    .with_options(RunnerOptions {
        per_record,
        progress: Some(entity_clock.sink()),
        ..RunnerOptions::default()
    });
    measure::reset_peak_rss();
    let cpu = measure::cpu_time();
    let sim_cpu = world.sim_cpu_time();
    let started = Instant::now();
    entity_clock.start(started);
    let summary = runner.sync(&[], false).await?;
    let wall = started.elapsed();
    let cpu_ms = (measure::cpu_time().saturating_sub(cpu)).as_millis() as u64;
    let sim_cpu_ms = sim_cpu
        .zip(world.sim_cpu_time())
        .map(|(before, after)| after.saturating_sub(before).as_millis() as u64);
    let peak_rss_bytes = measure::peak_rss();
    let calls: BTreeMap<String, u64> = client
        .call_counts()
        .into_iter()
        .map(|(op, n)| (op.to_owned(), n))
        .collect();
    let reads = calls
        .iter()
        .filter(|(op, _)| is_read(op))
        .map(|(_, n)| n)
        .sum();
    let writes = calls
        .iter()
        .filter(|(op, _)| !is_read(op))
        .map(|(_, n)| n)
        .sum();
    let total = reads + writes;
    let secs = wall.as_secs_f64().max(1e-9);
    Ok(ScenarioResult {
        scenario,
        engine: if per_record { "per-record" } else { "mpsync" },
        reads,
        writes,
        ratio: total as f64 / minimum.total().max(1) as f64,
        minimum,
        calls,
        records,
        wall_ms: wall.as_millis() as u64,
        records_per_s: records as f64 / secs,
        cpu_ms,
        sim_cpu_ms,
        peak_rss_bytes,
        rate_limited_429: client.rate_limited_count(),
        allowed_rate: limits.map(allowed_rate),
        achieved_rate: total as f64 / secs,
        pacing: limits
            .and_then(|l| pacing::of(&client.call_times(), l.hourly_limit, l.hourly_window)),
        records_written: summary.writes(),
        errors: summary.errors(),
        entities: summary
            .entities
            .iter()
            .map(|e| (e.entity.clone(), [e.writes(), e.errors.total()]))
            .collect(),
        entity_ms: entity_clock.spans(),
    })
}

/// Edits one in `EDIT_STEP` vendors (suppliers' and customers') and projects in Procore, as
/// a Procore user would, apart from those edited in maestro*.
async fn edit_procore(world: &World) -> Result<minimum::ProcoreEdits, BenchError> {
    let counts = &world.counts;
    let mut wanted: BTreeMap<String, &'static str> = BTreeMap::new();
    for i in (0..counts.suppliers as usize).step_by(EDIT_STEP) {
        wanted.insert(format!("F{i:06}"), "supplier");
    }
    for i in (0..counts.customers as usize).step_by(EDIT_STEP) {
        wanted.insert(format!("maestro-customer:C{i:05}"), "customer");
    }
    let mut edits = minimum::ProcoreEdits::default();
    for record in world
        .admin
        .records(Kind::Vendor, Some(seed::COMPANY_ID), None)
        .await?
    {
        let origin = record_field(&record, "origin_id");
        if let (Some(kind), Some(id)) = (
            origin.and_then(|o| wanted.get(o)),
            record.get("id").and_then(Value::as_u64),
        ) {
            world
                .admin
                .update_record(Kind::Vendor, id, json!({"city": "Lévis"}))
                .await?;
            match *kind {
                "supplier" => edits.suppliers += 1,
                _ => edits.customers += 1,
            }
        }
    }
    let projects: Vec<String> = (0..counts.projects as usize)
        .step_by(EDIT_STEP)
        .map(|p| format!("B{p:05}"))
        .collect();
    for record in world
        .admin
        .records(Kind::Project, Some(seed::COMPANY_ID), None)
        .await?
    {
        let origin = record_field(&record, "origin_id");
        if let (true, Some(id)) = (
            origin.is_some_and(|o| projects.iter().any(|p| p == o)),
            record.get("id").and_then(Value::as_u64),
        ) {
            world
                .admin
                .update_record(Kind::Project, id, json!({"city": "Lévis"}))
                .await?;
            edits.projects += 1;
        }
    }
    Ok(edits)
}

/// A field of a raw simulator record (`data` holds Procore's fields).
fn record_field<'a>(record: &'a Value, name: &str) -> Option<&'a str> {
    record
        .get("data")
        .and_then(|d| d.get(name))
        .or_else(|| record.get(name))
        .and_then(Value::as_str)
}

/// Scenarios 1–3 on a fresh world.
async fn three_scenarios(
    config: &BenchConfig,
    per_record: bool,
) -> Result<Vec<ScenarioResult>, BenchError> {
    let dir = config
        .dir
        .join(if per_record { "per-record" } else { "mpsync" });
    let world = World::build(&dir, config.seed, &config.size, &config.sim).await?;
    let outcome = async {
        let counts = world.counts;
        let visible = counts.projects + world.existing.projects;
        let mut results = Vec::new();
        results.push(
            run_scenario(
                &world,
                Scenario::Initial,
                per_record,
                minimum::initial(&counts, &world.existing),
                counts.records(),
                None,
            )
            .await?,
        );
        // Filters go to the second: each sync starts in another second than the last one's
        // writes. Each sync is the next scheduled one. A sync reads Procore's changes since
        // the previous sync's start, so the first quiet sync reads back what the initial one
        // wrote; the second is the steady state.
        for (n, scenario) in [Scenario::Echo, Scenario::NoChange].into_iter().enumerate() {
            tokio::time::sleep(Duration::from_millis(1100)).await;
            world
                .admin
                .set_clock_offset(SCHEDULE * (n as i32 + 1))
                .await?;
            results.push(
                run_scenario(
                    &world,
                    scenario,
                    per_record,
                    minimum::no_change(&counts, visible),
                    counts.records(),
                    None,
                )
                .await?,
            );
        }
        let erp_edits = dataset::edit_erp(&world.erp, config.seed, &counts, EDIT_STEP).await?;
        let procore_edits = edit_procore(&world).await?;
        tokio::time::sleep(Duration::from_millis(1100)).await;
        world.admin.set_clock_offset(SCHEDULE * 3).await?;
        let changes = minimum::Changes {
            erp: erp_edits,
            procore: procore_edits,
        };
        results.push(
            run_scenario(
                &world,
                Scenario::Incremental,
                per_record,
                minimum::incremental(&counts, visible, &changes),
                changes.records(),
                None,
            )
            .await?,
        );
        Ok::<_, BenchError>(results)
    }
    .await;
    world.shutdown().await;
    outcome
}

/// The simulator's limits for the rate-limited run: Procore's two windows with time
/// compressed so the run spans several "hourly" windows. The hourly budget is a quarter of
/// the calls the run needs, spent over at least [`MIN_RATE_WINDOW`] and at no more than a
/// third of the rate the engine reached unthrottled (`unthrottled`, calls per second), so the
/// limit, not the engine, sets the pace; the spike window allows two and a half times the
/// hourly average, as Procore's 25 per 10 s against 3,600 per hour do.
pub fn compressed_limits(expected_calls: u64, unthrottled: f64) -> RateLimitConfig {
    let hourly_limit = (expected_calls / 4).max(20) as u32;
    let hourly_window =
        Duration::from_secs_f64(f64::from(hourly_limit) / (unthrottled / 3.0)).max(MIN_RATE_WINDOW);
    let rate = f64::from(hourly_limit) / hourly_window.as_secs_f64();
    let spike_limit = 25;
    let spike_window = Duration::from_secs_f64(f64::from(spike_limit) / (rate * 2.5));
    RateLimitConfig {
        enabled: true,
        hourly_limit,
        hourly_window,
        spike_limit,
        spike_window,
    }
}

/// Requests per second `limits` allow over a long run.
pub fn allowed_rate(limits: &RateLimitConfig) -> f64 {
    let hourly = f64::from(limits.hourly_limit) / limits.hourly_window.as_secs_f64();
    let spike = f64::from(limits.spike_limit) / limits.spike_window.as_secs_f64();
    hourly.min(spike)
}

/// Scenario 4 on a fresh world: the initial sync under `limits`.
async fn rate_limited(
    config: &BenchConfig,
    limits: RateLimitConfig,
) -> Result<ScenarioResult, BenchError> {
    let world = World::build(
        &config.dir.join("rate-limited"),
        config.seed,
        &config.size,
        &config.sim,
    )
    .await?;
    let outcome = async {
        world.set_rate_limits(limits.clone()).await?;
        let counts = world.counts;
        run_scenario(
            &world,
            Scenario::RateLimited,
            false,
            minimum::initial(&counts, &world.existing),
            counts.records(),
            Some(&limits),
        )
        .await
    }
    .await;
    world.shutdown().await;
    outcome
}

/// Runs the benchmark.
pub async fn run(config: &BenchConfig) -> Result<BenchReport, BenchError> {
    let mut scenarios = three_scenarios(config, false).await?;
    if config.rate_limited {
        let initial = &scenarios[0];
        let limits = compressed_limits(initial.reads + initial.writes, initial.achieved_rate);
        scenarios.push(rate_limited(config, limits).await?);
    }
    let mut baseline_ratios = Vec::new();
    if config.baseline {
        let baseline = three_scenarios(config, true).await?;
        for (ours, theirs) in scenarios.iter().zip(&baseline) {
            let calls = |r: &ScenarioResult| (r.reads + r.writes).max(1) as f64;
            baseline_ratios.push(BaselineRatio {
                scenario: ours.scenario,
                calls: calls(theirs) / calls(ours),
                wall: theirs.wall_ms.max(1) as f64 / ours.wall_ms.max(1) as f64,
            });
        }
        scenarios.extend(baseline);
    }
    Ok(BenchReport {
        preset: config.preset.clone(),
        size: config.size,
        counts: Counts::of(&config.size),
        seed: config.seed,
        sim_in_process: matches!(config.sim, SimMode::InProcess),
        scenarios,
        baseline_ratios,
    })
}
