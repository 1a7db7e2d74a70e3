//! `mpsync conflicts`: fields changed differently on both sides, and the user's choice. A
//! resolution is applied by the next `mpsync sync`, which writes the chosen side's value to
//! the other side.

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use state::{ConflictFilter, Resolution, StateError};

use crate::context::Target;
use crate::exit::{self, Fail};

#[derive(Args, Debug)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    pub command: Option<ConflictsCommand>,
    #[command(flatten)]
    pub target: Target,
    /// Resolved conflicts too.
    #[arg(long)]
    pub all: bool,
    /// Only this entity.
    #[arg(long)]
    pub entity: Option<String>,
    /// JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Keep {
    /// maestro*'s value is written to Procore.
    Erp,
    /// Procore's value is written to maestro*.
    Procore,
}

#[derive(Subcommand, Debug)]
pub enum ConflictsCommand {
    /// Chooses the side to keep for one or more conflicts; the next sync writes it.
    Resolve {
        /// Conflict numbers (`mpsync conflicts` lists them).
        #[arg(required = true)]
        ids: Vec<i64>,
        /// Which side's value wins.
        #[arg(long, value_enum)]
        keep: Keep,
        #[command(flatten)]
        target: Target,
    },
}

pub async fn run(args: ConflictsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        Some(ConflictsCommand::Resolve { ids, keep, target }) => resolve(&target, &ids, keep).await,
        None => list(&args.target, args.all, args.entity, args.json).await,
    }
}

async fn list(
    target: &Target,
    all: bool,
    entity: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let opened = target.open().await?;
    opened.authorize(&[state::Right::View]).await?;
    let pairing = opened.pairing().await?;
    let conflicts = opened
        .state
        .list_conflicts(
            pairing.id,
            &ConflictFilter {
                entity,
                erp_key: None,
                open_only: !all,
            },
        )
        .await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&conflicts)?);
        return Ok(ExitCode::SUCCESS);
    }
    if conflicts.is_empty() {
        println!("No {}conflict.", if all { "" } else { "open " });
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:>5}  {:<10} {:<11} {:>11}  {:<14} {:<24} {:<24} {:<24} state",
        "id",
        "entity",
        "maestro*",
        "Procore id",
        "field",
        "agreed before",
        "maestro* now",
        "Procore now"
    );
    for c in &conflicts {
        let state = match (c.resolution, c.applied_at) {
            (None, _) => "open".to_owned(),
            (Some(r), None) => format!("{}: at next sync", r.as_str()),
            (Some(r), Some(at)) => {
                format!("{}: applied {}", r.as_str(), at.format("%Y-%m-%d %H:%M"))
            }
        };
        println!(
            "{:>5}  {:<10} {:<11} {:>11}  {:<14} {:<24} {:<24} {:<24} {state}",
            c.id,
            c.entity,
            c.erp_key,
            c.procore_id
                .map_or_else(|| "-".to_owned(), |id| id.to_string()),
            c.field,
            c.base_value.to_string(),
            c.erp_value.to_string(),
            c.procore_value.to_string(),
        );
    }
    if conflicts.iter().any(|c| c.resolution.is_none()) {
        println!("\nChoose a side: `mpsync conflicts resolve ID… --keep erp|procore`; the next `mpsync sync` writes it.");
    }
    Ok(ExitCode::SUCCESS)
}

async fn resolve(target: &Target, ids: &[i64], keep: Keep) -> anyhow::Result<ExitCode> {
    let opened = target.open().await?;
    let actor = opened.authorize(&[state::Right::Resolve]).await?;
    let pairing = opened.pairing().await?;
    let resolution = match keep {
        Keep::Erp => Resolution::KeepErp,
        Keep::Procore => Resolution::KeepProcore,
    };
    // Another pairing's conflict is not this company's to resolve.
    let ours = opened
        .state
        .list_conflicts(pairing.id, &ConflictFilter::default())
        .await?;
    let mut refused = 0;
    for id in ids {
        if !ours.iter().any(|c| c.id == *id) {
            eprintln!(
                "conflict {id}: not a conflict of company {}",
                opened.company.code
            );
            refused += 1;
            continue;
        }
        match opened.state.resolve_conflict(*id, resolution).await {
            Ok(c) => {
                opened
                    .state
                    .audit(
                        &actor,
                        Some(&opened.company.code),
                        "conflict.resolved",
                        &serde_json::json!({"conflict": id, "entity": c.entity, "record": c.erp_key, "field": c.field, "keep": resolution.as_str()}),
                    )
                    .await?;
                println!(
                    "conflict {id}: {} {} field {}: {} kept; written at the next sync",
                    c.entity,
                    c.erp_key,
                    c.field,
                    match keep {
                        Keep::Erp => "maestro*",
                        Keep::Procore => "Procore",
                    }
                )
            }
            Err(StateError::ConflictAlreadyResolved(_)) => {
                eprintln!("conflict {id}: already resolved");
                refused += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    if refused > 0 {
        return Err(Fail::new(
            exit::DATA_ERROR,
            format!("{refused} of {} conflicts not resolved", ids.len()),
        )
        .into());
    }
    Ok(ExitCode::SUCCESS)
}
