//! `mpsync runs`: the Synchronization Manager on the command line — the runs, and what
//! happened to every record in one.

use std::collections::BTreeMap;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde::Serialize;
use state::{OutcomeCount, OutcomeFilter, Page, SyncRun, SyncStatus};

use crate::context::Target;
use crate::exit::{self, Fail};

#[derive(Args, Debug)]
pub struct RunsArgs {
    #[command(subcommand)]
    pub command: Option<RunsCommand>,
    #[command(flatten)]
    pub target: Target,
    /// How many runs, newest first.
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum RunsCommand {
    /// One run: its counts per entity and status, then one line per record touched (entity,
    /// maestro* key, Procore id, action, side, status and what to do).
    Show {
        /// The run's number (`mpsync runs` lists them).
        id: i64,
        /// Only records in this status: success, warning, error, pending, in_progress.
        #[arg(long)]
        status: Option<String>,
        /// Only this entity.
        #[arg(long)]
        entity: Option<String>,
        /// At most this many records (up to 1000).
        #[arg(long, default_value_t = 1000)]
        limit: u32,
        /// JSON on standard output.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        target: Target,
    },
}

#[derive(Serialize)]
struct Listed {
    #[serde(flatten)]
    run: SyncRun,
    /// Records per status.
    records: BTreeMap<&'static str, u64>,
}

pub async fn run(args: RunsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        None => list(&args.target, args.limit, args.json).await,
        Some(RunsCommand::Show {
            id,
            status,
            entity,
            limit,
            json,
            target,
        }) => show(&target, id, status, entity, limit, json).await,
    }
}

fn per_status(counts: &[OutcomeCount]) -> BTreeMap<&'static str, u64> {
    let mut out = BTreeMap::new();
    for c in counts {
        *out.entry(c.status.as_str()).or_default() += c.count;
    }
    out
}

async fn list(target: &Target, limit: u32, json: bool) -> anyhow::Result<ExitCode> {
    let opened = target.open().await?;
    opened.authorize(&[state::Right::View]).await?;
    let pairing = opened.pairing().await?;
    let runs = opened
        .state
        .list_runs(Some(pairing.id), Page::first(limit.max(1)))
        .await?;
    let mut listed = Vec::with_capacity(runs.len());
    for run in runs {
        let counts = opened.state.run_summary(run.id).await?;
        listed.push(Listed {
            records: per_status(&counts),
            run,
        });
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&listed)?);
        return Ok(ExitCode::SUCCESS);
    }
    if listed.is_empty() {
        println!("No run yet: `mpsync sync` starts one.");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:>6}  {:<20}  {:>9}  {:<14}  {:<11}  records",
        "run", "started (UTC)", "seconds", "started by", "status"
    );
    for l in &listed {
        let seconds = l
            .run
            .finished_at
            .map(|f| {
                format!(
                    "{:.1}",
                    (f - l.run.started_at).num_milliseconds() as f64 / 1000.0
                )
            })
            .unwrap_or_else(|| "…".to_owned());
        let records: Vec<String> = l.records.iter().map(|(s, n)| format!("{n} {s}")).collect();
        println!(
            "{:>6}  {:<20}  {:>9}  {:<14}  {:<11}  {}",
            l.run.id,
            l.run.started_at.format("%Y-%m-%d %H:%M:%S"),
            seconds,
            l.run
                .started_by
                .as_deref()
                .unwrap_or(l.run.trigger.as_str()),
            l.run.status.as_str(),
            records.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn show(
    target: &Target,
    id: i64,
    status: Option<String>,
    entity: Option<String>,
    limit: u32,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let status = status
        .map(|s| {
            s.parse::<SyncStatus>().map_err(|_| {
                Fail::new(
                    exit::USAGE,
                    format!(
                        "--status {s}: expected success, warning, error, pending or in_progress"
                    ),
                )
            })
        })
        .transpose()?;
    let opened = target.open().await?;
    opened.authorize(&[state::Right::View]).await?;
    let pairing = opened.pairing().await?;
    let filter = OutcomeFilter { entity, status };
    let report = opened
        .state
        .run_report(id, &filter, Page::first(limit.max(1)))
        .await?
        .filter(|r| r.run.pairing == pairing.id)
        .ok_or_else(|| {
            Fail::new(
                exit::FAILURE,
                format!("no run {id} for company {}", opened.company.code),
            )
        })?;
    let counts = opened.state.run_summary(id).await?;
    if json {
        #[derive(Serialize)]
        struct Shown<'a> {
            #[serde(flatten)]
            report: &'a state::RunReport,
            counts: &'a [OutcomeCount],
        }
        let shown = Shown {
            report: &report,
            counts: &counts,
        };
        println!("{}", serde_json::to_string_pretty(&shown)?);
        return Ok(ExitCode::SUCCESS);
    }
    let run = &report.run;
    println!(
        "Run {} — {} — started {} — {}",
        run.id,
        run.status.as_str(),
        run.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
        run.started_by.as_deref().unwrap_or(run.trigger.as_str())
    );
    let mut table: BTreeMap<&str, BTreeMap<&str, u64>> = BTreeMap::new();
    for c in &counts {
        *table
            .entry(c.entity.as_str())
            .or_default()
            .entry(c.status.as_str())
            .or_default() += c.count;
    }
    for (entity, statuses) in &table {
        let cells: Vec<String> = statuses.iter().map(|(s, n)| format!("{n} {s}")).collect();
        println!("  {entity:<10} {}", cells.join(", "));
    }
    println!();
    for o in &report.outcomes {
        println!(
            "{:<8} {:<10} {:<11} {:<10} {:<12} {:<8} {}",
            o.status.as_str(),
            o.entity,
            o.erp_key.as_deref().unwrap_or("-"),
            o.procore_id
                .map_or_else(|| "-".to_owned(), |id| id.to_string()),
            o.action.as_str(),
            o.side.as_str(),
            o.message
        );
    }
    if report.outcomes.len() as u32 >= limit.max(1) {
        println!("… more records: narrow with --status or --entity, or raise --limit");
    }
    Ok(ExitCode::SUCCESS)
}
