//! Retry timing and the create-once pattern for writes whose outcome is unknown.

use std::future::Future;
use std::time::Duration;

use rand::Rng;

use crate::error::ProcoreError;

/// How transient failures are retried: exponential backoff with full jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (429s are not counted).
    pub max_retries: u32,
    /// Backoff ceiling of the first retry.
    pub base_delay: Duration,
    /// Largest backoff ceiling.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The ceiling of the delay before retry number `attempt` (0-based): `base · 2^attempt`,
    /// capped at `max_delay`.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let factor = 1u32.checked_shl(attempt.min(20)).unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// A delay drawn uniformly from `[0, ceiling(attempt)]` ("full jitter"), so that many
    /// workers failing together do not retry together.
    pub fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self.ceiling(attempt);
        let millis = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(rand::thread_rng().gen_range(0..=millis))
    }
}

/// How many times [`create_once`] re-sends after confirming a create did not land.
const CREATE_ATTEMPTS: u32 = 3;

/// Creates a record exactly once although a create's answer can be lost.
///
/// `create` sends the POST. When it fails with
/// [`write_outcome_unknown`](ProcoreError::write_outcome_unknown), `lookup` searches the record
/// (normally by `filters[origin_id]`): found means the lost write did land and the record is
/// returned; not found means it did not, and the create is sent again. A failed lookup returns
/// the original error, still marked unknown, so the caller reconciles later instead of risking a
/// duplicate.
pub async fn create_once<T, C, CF, L, LF>(mut create: C, mut lookup: L) -> Result<T, ProcoreError>
where
    C: FnMut() -> CF,
    CF: Future<Output = Result<T, ProcoreError>>,
    L: FnMut() -> LF,
    LF: Future<Output = Result<Option<T>, ProcoreError>>,
{
    let mut attempt = 0;
    loop {
        attempt += 1;
        let err = match create().await {
            Ok(created) => return Ok(created),
            Err(err) if err.write_outcome_unknown() => err,
            Err(err) => return Err(err),
        };
        match lookup().await {
            Ok(Some(found)) => {
                tracing::info!(
                    operation = err.operation(),
                    "create answer was lost but the record exists"
                );
                return Ok(found);
            }
            Ok(None) if attempt < CREATE_ATTEMPTS => {
                tracing::info!(
                    operation = err.operation(),
                    "create answer was lost and the record is absent; sending again"
                );
            }
            Ok(None) => return Err(err),
            Err(lookup_err) => {
                tracing::warn!(error = %lookup_err, "lookup after a lost create answer failed");
                return Err(err);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[test]
    fn ceilings_grow_and_cap() {
        let p = RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
        };
        assert_eq!(p.ceiling(0), Duration::from_millis(100));
        assert_eq!(p.ceiling(1), Duration::from_millis(200));
        assert_eq!(p.ceiling(3), Duration::from_millis(800));
        assert_eq!(p.ceiling(4), Duration::from_secs(1));
        assert_eq!(p.ceiling(40), Duration::from_secs(1));
        for a in 0..10 {
            assert!(p.delay(a) <= p.ceiling(a));
        }
    }

    fn unknown() -> ProcoreError {
        ProcoreError::new(ErrorKind::Transient, "timed out").with_outcome_unknown(true)
    }

    #[tokio::test]
    async fn lost_create_that_landed_is_found() {
        let creates = AtomicU32::new(0);
        let r = create_once(
            || async {
                creates.fetch_add(1, Ordering::SeqCst);
                Err::<u32, _>(unknown())
            },
            || async { Ok(Some(7)) },
        )
        .await;
        assert_eq!(r.unwrap(), 7);
        assert_eq!(creates.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn lost_create_that_did_not_land_is_resent() {
        let creates = AtomicU32::new(0);
        let r = create_once(
            || async {
                if creates.fetch_add(1, Ordering::SeqCst) == 0 {
                    Err(unknown())
                } else {
                    Ok(9)
                }
            },
            || async { Ok(None) },
        )
        .await;
        assert_eq!(r.unwrap(), 9);
        assert_eq!(creates.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn refused_create_is_not_looked_up() {
        let r = create_once(
            || async {
                Err::<u32, _>(ProcoreError::new(
                    ErrorKind::Validation,
                    "name: can't be blank",
                ))
            },
            || async { panic!("no lookup after a definite answer") },
        )
        .await;
        assert_eq!(r.unwrap_err().kind(), ErrorKind::Validation);
    }

    #[tokio::test]
    async fn failed_lookup_keeps_the_unknown_error() {
        let r = create_once(
            || async { Err::<u32, _>(unknown()) },
            || async { Err(ProcoreError::new(ErrorKind::Transient, "down")) },
        )
        .await;
        assert!(r.unwrap_err().write_outcome_unknown());
    }
}
