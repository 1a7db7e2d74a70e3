//! `mpsync link`: links records that already exist on both sides, so the first sync does not
//! create them again.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use runner::{RunnerOptions, SyncRunner};

use crate::context::Target;
use crate::exit::{self, Fail};
use crate::report::run_failure;

#[derive(Args, Debug)]
pub struct LinkArgs {
    #[command(flatten)]
    pub target: Target,
    /// Propose a link for every unlinked record matching exactly one record on the other side
    /// (Procore `origin_id`, then project number, then normalized name), and make them unless
    /// `--dry-run`.
    #[arg(long, conflicts_with_all = ["erp", "procore"])]
    pub auto: bool,
    /// With `--auto`: list the proposed links with the attribute that matched; store nothing.
    #[arg(long, requires = "auto")]
    pub dry_run: bool,
    /// The entity (repeat or separate with commas with `--auto`; exactly one by hand).
    #[arg(long = "entity", value_delimiter = ',')]
    pub entities: Vec<String>,
    /// By hand: the maestro* key (project number, customer or supplier code, employee code).
    #[arg(long, requires = "procore")]
    pub erp: Option<String>,
    /// By hand: the Procore id.
    #[arg(long, requires = "erp")]
    pub procore: Option<u64>,
    /// JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(args: LinkArgs) -> anyhow::Result<ExitCode> {
    let opened = args.target.open().await?;
    opened
        .authorize(&[if args.dry_run {
            state::Right::View
        } else {
            state::Right::Resolve
        }])
        .await?;
    let pairing = opened.pairing().await?;
    let client = opened.client(&pairing).await?;
    let runner = SyncRunner::new(
        Arc::new(opened.erp.clone()),
        opened.company.code.clone(),
        opened.state.clone(),
        pairing.id,
        client,
    )
    .with_options(RunnerOptions::default());
    let entities: Vec<&str> = args.entities.iter().map(String::as_str).collect();

    if let (Some(erp_key), Some(procore_id)) = (&args.erp, args.procore) {
        let [entity] = entities[..] else {
            return Err(Fail::new(exit::USAGE, "a link by hand needs exactly one --entity").into());
        };
        runner
            .link_one(entity, erp_key, procore_id)
            .await
            .map_err(run_failure)?;
        println!(
            "{entity} {erp_key} linked to Procore record {procore_id}; the next sync compares them"
        );
        return Ok(ExitCode::SUCCESS);
    }
    if !args.auto {
        return Err(Fail::new(
            exit::USAGE,
            "say --auto (with --dry-run to only list), or link by hand with --entity, --erp and --procore",
        )
        .into());
    }
    let report = runner
        .link_existing(&entities, args.dry_run)
        .await
        .map_err(run_failure)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let verb = if args.dry_run { "would link" } else { "linked" };
        for l in &report.links {
            println!(
                "{:<10} {:<11} {verb} Procore {:>11}  matched on {}",
                l.entity,
                l.erp_key,
                l.procore_id,
                matched(l.matched_on)
            );
        }
        for a in &report.ambiguous {
            let ids: Vec<String> = a.candidates.iter().map(u64::to_string).collect();
            println!(
                "{:<10} {:<11} several Procore records match on {} ({}): link it by hand",
                a.entity,
                a.erp_key,
                matched(a.matched_on),
                ids.join(", ")
            );
        }
        println!(
            "{} links {}, {} ambiguous{}",
            report.links.len(),
            if args.dry_run { "proposed" } else { "made" },
            report.ambiguous.len(),
            if args.dry_run { "; nothing stored" } else { "" }
        );
    }
    Ok(if report.ambiguous.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(exit::ATTENTION)
    })
}

fn matched(on: engine::matching::MatchedOn) -> &'static str {
    match on {
        engine::matching::MatchedOn::OriginId => "origin_id",
        engine::matching::MatchedOn::Number => "number",
        engine::matching::MatchedOn::Name => "normalized name",
    }
}
