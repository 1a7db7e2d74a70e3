//! Two runs of one company never overlap, whichever process or machine starts them: a run holds
//! the company's lease in the state store, renewed while it goes, given back when it ends. A
//! holder that dies leaves a lease that expires, so a crash never blocks the company for good.

use std::time::Duration;

use state::StateStore;
use tokio::task::JoinHandle;

use crate::RunnerError;

/// How long a lease lasts without renewal.
const TTL: chrono::Duration = chrono::Duration::minutes(5);
/// How often a live holder renews it.
const RENEW_EVERY: Duration = Duration::from_secs(60);

/// A company's run lease, held until dropped or [`release`](RunLease::release)d.
pub struct RunLease {
    state: StateStore,
    company: String,
    holder: String,
    renewal: JoinHandle<()>,
}

impl RunLease {
    /// Takes the lease of `company` for `holder` (a name saying who runs: `ui:marie`,
    /// `cli:4711`, `schedule`), or `None` when another run holds it.
    pub async fn acquire(
        state: &StateStore,
        company: &str,
        holder: &str,
    ) -> Result<Option<RunLease>, RunnerError> {
        // Where the holder runs, so a holder killed on this machine is known dead at once;
        // a unique suffix, so two CLI runs of one user are two holders.
        let holder = format!(
            "{holder}@{}:{}#{}",
            host_name(),
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        );
        if !state.acquire_run_lease(company, &holder, TTL).await? {
            // A run killed on this machine (a crash, SIGKILL, a power cut of the process)
            // would otherwise block the company until its lease expires.
            let current = state.run_lease_holder(company).await?;
            if let Some((dead, _)) = current.filter(|(h, _)| died_here(h)) {
                tracing::warn!(company, holder = %dead, "taking over the run lease of a run that died");
                state.release_run_lease(company, &dead).await?;
            }
            if !state.acquire_run_lease(company, &holder, TTL).await? {
                return Ok(None);
            }
        }
        let renewal = {
            let (state, company, holder) = (state.clone(), company.to_owned(), holder.clone());
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(RENEW_EVERY).await;
                    if let Err(e) = state.acquire_run_lease(&company, &holder, TTL).await {
                        tracing::warn!(company, "renewing the run lease failed: {e}");
                    }
                }
            })
        };
        Ok(Some(RunLease {
            state: state.clone(),
            company: company.to_owned(),
            holder,
            renewal,
        }))
    }

    /// Gives the lease back.
    pub async fn release(self) -> Result<(), RunnerError> {
        self.renewal.abort();
        self.state
            .release_run_lease(&self.company, &self.holder)
            .await?;
        Ok(())
    }
}

/// This machine's name, as the kernel knows it.
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// Whether a lease holder (`who@host:pid#id`) ran on this machine in a process that is gone.
/// Only provable where the process table can be read (Linux); elsewhere the lease expires.
fn died_here(holder: &str) -> bool {
    let Some((_, place)) = holder.rsplit_once('@') else {
        return false;
    };
    let place = place.split('#').next().unwrap_or("");
    let Some((host, pid)) = place.rsplit_once(':') else {
        return false;
    };
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    let here = host_name();
    !here.is_empty()
        && host == here
        && pid != std::process::id()
        && std::path::Path::new("/proc/self").exists()
        && !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

impl Drop for RunLease {
    fn drop(&mut self) {
        // Without `release` the lease simply expires.
        self.renewal.abort();
    }
}
