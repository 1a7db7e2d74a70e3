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
        // A unique suffix: two CLI runs of one user are two holders.
        let holder = format!("{holder}#{}", uuid::Uuid::new_v4().simple());
        if !state.acquire_run_lease(company, &holder, TTL).await? {
            return Ok(None);
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

impl Drop for RunLease {
    fn drop(&mut self) {
        // Without `release` the lease simply expires.
        self.renewal.abort();
    }
}
