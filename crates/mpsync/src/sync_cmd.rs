//! `mpsync sync`: one synchronization run of the configured company, with progress on a
//! terminal, the per-entity table (or JSON), and an exit status scripts can trust.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::Args;
use runner::{Phase, Progress, ProgressSink, RunnerOptions, SyncRunner};

use crate::context::Target;
use crate::exit::{self, Fail};
use crate::report::{print_plan, print_summary, run_failure};

#[derive(Args, Debug)]
pub struct SyncArgs {
    #[command(flatten)]
    pub target: Target,
    /// Only these entities (repeat or separate with commas), still in dependency order:
    /// projects, cost_codes, original_budget, modified_budget, customers, suppliers,
    /// employees. All when left out.
    #[arg(long = "entity", value_delimiter = ',')]
    pub entities: Vec<String>,
    /// Read both sides and show the plan; write nothing, record nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the run's summary as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(args: SyncArgs) -> anyhow::Result<ExitCode> {
    let opened = args.target.open().await?;
    let needed: Vec<state::Right> = if args.entities.is_empty() {
        vec![state::Right::Run(None)]
    } else {
        args.entities
            .iter()
            .map(|e| state::Right::Run(Some(e.clone())))
            .collect()
    };
    let actor = opened.authorize(&needed).await?;
    let pairing = opened.pairing().await?;
    let client = opened.client(&pairing).await?;
    let options = RunnerOptions {
        progress: Some(progress_sink()),
        started_by: Some(actor.clone()),
        ..RunnerOptions::default()
    };
    let runner = SyncRunner::new(
        Arc::new(opened.erp.clone()),
        opened.company.code.clone(),
        opened.state.clone(),
        pairing.id,
        client,
    )
    .with_options(options);
    // Two runs of one company never overlap, whoever starts them (another `sync`, the web UI).
    let lease = if args.dry_run {
        None
    } else {
        opened
            .state
            .audit(
                &actor,
                Some(&opened.company.code),
                "run.started",
                &serde_json::json!({"entities": args.entities, "trigger": "cli"}),
            )
            .await?;
        let holder = actor.clone();
        Some(
            runner::lease::RunLease::acquire(&opened.state, &opened.company.code, &holder)
                .await?
                .ok_or_else(|| {
                    Fail::new(
                        exit::UNAVAILABLE,
                        format!(
                            "a synchronization of {} is already running: try again when it ends",
                            opened.company.code
                        ),
                    )
                })?,
        )
    };
    let entities: Vec<&str> = args.entities.iter().map(String::as_str).collect();
    let outcome = runner.sync(&entities, args.dry_run).await;
    if let Some(lease) = lease {
        lease.release().await?;
    }
    let summary = outcome.map_err(run_failure)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        if args.dry_run {
            println!("Dry run: nothing was written or recorded. The plan:");
            print_plan(&summary);
            println!();
        } else if let Some(id) = summary.run_id {
            println!("Run {id}:");
        }
        print_summary(&summary);
    }
    let conflicts: u64 = summary.entities.iter().map(|e| e.conflicts).sum();
    let errors = summary.errors();
    if !args.json && (errors > 0 || conflicts > 0) {
        match summary.run_id {
            Some(id) => println!(
                "\n{errors} record errors and {conflicts} conflicts need a person: `mpsync runs show {id} --status error`, `mpsync conflicts`"
            ),
            None => println!("\n{errors} records would fail and {conflicts} fields conflict"),
        }
    }
    let pending: u64 = summary.entities.iter().map(|e| e.pending).sum();
    if !args.json && pending > 0 {
        println!(
            "\n{pending} writes wait for Procore (rate limit or outage): the next run sends them"
        );
    }
    Ok(if errors > 0 || conflicts > 0 {
        ExitCode::from(exit::ATTENTION)
    } else if pending > 0 {
        // Nothing is wrong with the data: run again later.
        ExitCode::from(exit::UNAVAILABLE)
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar redrawn on standard error when it is a terminal; otherwise one line per entity done.
fn progress_sink() -> ProgressSink {
    let terminal = std::io::stderr().is_terminal();
    let read = Arc::new(Mutex::new(0u64));
    ProgressSink::new(move |p: &Progress| {
        let mut stderr = std::io::stderr().lock();
        if p.phase == Phase::ReadingProcore {
            if let Ok(mut read) = read.lock() {
                *read = p.done;
            }
        }
        if terminal {
            let line = match p.phase {
                Phase::ReadingProcore => format!("reading Procore {}", bar(p.done, p.total)),
                Phase::Writing => format!("writing        {}", bar(p.done, p.total)),
                Phase::Done => "done".to_owned(),
            };
            let _ = write!(stderr, "\r\x1b[2K{:<10} {line}", p.entity);
            if p.phase == Phase::Done {
                let _ = writeln!(stderr);
            }
        } else if p.phase == Phase::Done {
            let read = read
                .lock()
                .map(|mut r| std::mem::take(&mut *r))
                .unwrap_or(0);
            let _ = writeln!(
                stderr,
                "{}: {read} Procore records read, {} records planned",
                p.entity, p.done
            );
        }
    })
}

fn bar(done: u64, total: Option<u64>) -> String {
    const WIDTH: u64 = 30;
    match total {
        Some(total) if total > 0 => {
            let filled = (done.min(total) * WIDTH / total) as usize;
            format!(
                "[{}{}] {done}/{total}",
                "#".repeat(filled),
                ".".repeat(WIDTH as usize - filled)
            )
        }
        _ => format!("{done}"),
    }
}
