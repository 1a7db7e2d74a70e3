//! `mpsync erp …`: the maestro* company data on its own — CSV import and export of every entity,
//! and the demo company.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use erp::csv::ImportError;
use erp::{Entity, ErpStore};

use crate::exit;

#[derive(Subcommand)]
pub enum ErpCommand {
    /// Imports a CSV file into one entity of a company, all or nothing: if any row is bad, every
    /// bad row is listed with its line, column and reason, and nothing is imported.
    ///
    /// The first line names the columns (`mpsync erp columns ENTITY` lists them). Rows whose key
    /// exists are updated, others inserted; the rows are marked as changed by an import.
    Import {
        /// The entity: projects, activities, budgets, suppliers, customers, employees, … (see
        /// `mpsync erp columns`).
        entity: Entity,
        /// CSV file (UTF-8).
        file: PathBuf,
        /// maestro* company code.
        #[arg(long)]
        company: String,
    },
    /// Exports every record of one entity of a company as CSV, in key order.
    Export {
        entity: Entity,
        /// Output file; `-` writes to standard output.
        file: PathBuf,
        #[arg(long)]
        company: String,
    },
    /// Lists the entities and the CSV columns of each.
    Columns {
        /// Only this entity.
        entity: Option<Entity>,
    },
    /// Writes the demo company (a Québec general contractor, a *test* company) to the ERP
    /// database: projects with multi-level activities and budgets, suppliers, customers,
    /// employees, contracts, orders and costs.
    DemoData {
        /// Seed of the generator: the same seed always gives the same company.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

pub async fn run(db: &str, command: ErpCommand) -> anyhow::Result<ExitCode> {
    match command {
        ErpCommand::Columns { entity } => {
            let entities = entity.map_or_else(|| Entity::ALL.to_vec(), |e| vec![e]);
            for e in entities {
                println!("{e}: {}", erp::csv::header(e).join(","));
            }
            Ok(ExitCode::SUCCESS)
        }
        ErpCommand::DemoData { seed } => {
            let store = connect(db).await?;
            let demo = erp::demo::generate(seed);
            erp::demo::load(&store, &demo)
                .await
                .context("writing the demo company")?;
            println!(
                "demo company {} ({}): {} projects, {} activities, {} suppliers, {} customers, {} employees",
                demo.company.code,
                demo.company.name,
                demo.projects.len(),
                demo.activities.len(),
                demo.suppliers.len(),
                demo.customers.len(),
                demo.employees.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        ErpCommand::Import {
            entity,
            file,
            company,
        } => {
            let store = connect(db).await?;
            let reader = BufReader::new(
                File::open(&file).with_context(|| format!("opening {}", file.display()))?,
            );
            match erp::csv::import(&store, &company, entity, reader).await {
                Ok(report) => {
                    println!(
                        "{entity}: {} rows read, {} written, {} unchanged",
                        report.rows, report.written, report.unchanged
                    );
                    Ok(ExitCode::SUCCESS)
                }
                // Bad rows are the file's fault, not the program's: a distinct exit status lets
                // a script tell "fix the file" from "something is broken".
                Err(err @ ImportError::BadRows { .. }) => {
                    eprintln!("{}: {err}", file.display());
                    Ok(ExitCode::from(exit::DATA_ERROR))
                }
                Err(err) => Err(err).with_context(|| format!("importing {}", file.display())),
            }
        }
        ErpCommand::Export {
            entity,
            file,
            company,
        } => {
            let store = connect(db).await?;
            let rows = if file.as_os_str() == "-" {
                let mut stdout = io::stdout().lock();
                let rows = erp::csv::export(&store, &company, entity, &mut stdout).await?;
                stdout.flush()?;
                rows
            } else {
                let mut writer = BufWriter::new(
                    File::create(&file).with_context(|| format!("creating {}", file.display()))?,
                );
                let rows = erp::csv::export(&store, &company, entity, &mut writer).await?;
                writer.flush()?;
                rows
            };
            // On stderr, so an export to standard output stays pure CSV.
            eprintln!("{entity}: {rows} rows exported");
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn connect(db: &str) -> anyhow::Result<ErpStore> {
    if let Some(path) = db.strip_prefix("sqlite://") {
        if let Some(dir) = std::path::Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
    }
    ErpStore::connect(db)
        .await
        .with_context(|| format!("opening the ERP database {}", redact(db)))
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}
