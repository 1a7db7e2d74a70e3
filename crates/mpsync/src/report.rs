//! How a run is shown: the per-entity table, the planned actions of a dry run, and the exit
//! status its outcome calls for.

use runner::{RunSummary, RunnerError};

use crate::exit::{self, Fail};

/// The per-entity table: created / updated on each side, linked, unchanged, skipped,
/// conflicts, warnings and errors on each side.
pub fn print_summary(summary: &RunSummary) {
    println!(
        "  {:<25} {:>16} {:>16} {:>7} {:>10} {:>8} {:>10} {:>15} {:>14}",
        "entity",
        "created ERP/PC",
        "updated ERP/PC",
        "linked",
        "unchanged",
        "skipped",
        "conflicts",
        "warnings ERP/PC",
        "errors ERP/PC"
    );
    for e in &summary.entities {
        println!(
            "  {:<25} {:>16} {:>16} {:>7} {:>10} {:>8} {:>10} {:>15} {:>14}",
            e.entity,
            format!("{} / {}", e.created.erp, e.created.procore),
            format!("{} / {}", e.updated.erp, e.updated.procore),
            e.linked,
            e.unchanged,
            e.skipped,
            e.conflicts,
            format!("{} / {}", e.warnings.erp, e.warnings.procore),
            format!("{} / {}", e.errors.erp, e.errors.procore),
        );
    }
}

/// A dry run's plan, one line per record that would be written, linked, skipped or refused.
pub fn print_plan(summary: &RunSummary) {
    for e in &summary.entities {
        let shown: Vec<_> = e
            .planned
            .iter()
            .filter(|o| {
                o.action != state::OutcomeAction::Skip || o.status != state::SyncStatus::Success
            })
            .collect();
        if shown.is_empty() {
            continue;
        }
        println!("{}:", e.entity);
        for o in shown {
            println!("  {:<8} {}", o.status.as_str(), o.message);
        }
    }
}

/// A failed run's exit status: scripts retry what is transient and alert on the rest.
pub fn run_failure(error: RunnerError) -> anyhow::Error {
    let code = match &error {
        RunnerError::Procore(e) => match e.kind() {
            procore::ErrorKind::AuthExpired | procore::ErrorKind::AuthRevoked => exit::NOPERM,
            procore::ErrorKind::Transient | procore::ErrorKind::RateLimited => exit::UNAVAILABLE,
            _ => exit::FAILURE,
        },
        RunnerError::Erp(erp::ErpError::Database(_)) => exit::UNAVAILABLE,
        RunnerError::State(state::StateError::Database(_)) => exit::UNAVAILABLE,
        RunnerError::UnknownEntity(_) => exit::USAGE,
        RunnerError::LinkRefused(_) => exit::DATA_ERROR,
        _ => exit::FAILURE,
    };
    let hint = match code {
        exit::NOPERM => "; reconnect with `mpsync init`",
        _ => "",
    };
    Fail::new(code, format!("{error}{hint}")).into()
}
