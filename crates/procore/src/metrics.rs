//! Per-operation call counters, read by the benchmark harness and the status page.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// Most send instants kept when they are recorded: a benchmark's calls, with room to spare.
pub(crate) const MAX_CALL_TIMES: usize = 1_000_000;

/// Counts calls per operationId and 429 answers. Cheap to update from many tasks.
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    calls: Mutex<BTreeMap<&'static str, u64>>,
    rate_limited: AtomicU64,
    /// When each request went out, if asked for (a pacing measure); `None` otherwise, so a
    /// long-lived client keeps nothing per call.
    times: Option<Mutex<Vec<Instant>>>,
}

impl Metrics {
    /// Metrics that also keep the instant each request went out.
    pub fn with_call_times() -> Metrics {
        Metrics {
            times: Some(Mutex::new(Vec::new())),
            ..Metrics::default()
        }
    }

    /// One request of `operation` went on the wire.
    pub fn record_call(&self, operation: &'static str) {
        let mut calls = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        *calls.entry(operation).or_default() += 1;
        drop(calls);
        if let Some(times) = &self.times {
            let mut times = times.lock().unwrap_or_else(|p| p.into_inner());
            if times.len() < MAX_CALL_TIMES {
                times.push(Instant::now());
            }
        }
    }

    /// The instants requests went out, in order; empty unless asked for.
    pub fn call_times(&self) -> Vec<Instant> {
        self.times.as_ref().map_or_else(Vec::new, |t| {
            t.lock().unwrap_or_else(|p| p.into_inner()).clone()
        })
    }

    /// One 429 was received.
    pub fn record_rate_limited(&self) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
    }

    pub fn call_counts(&self) -> BTreeMap<&'static str, u64> {
        self.calls.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn rate_limited(&self) -> u64 {
        self.rate_limited.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let m = Metrics::default();
        m.record_call("A");
        m.record_call("A");
        m.record_call("B");
        m.record_rate_limited();
        assert_eq!(m.call_counts().get("A"), Some(&2));
        assert_eq!(m.call_counts().get("B"), Some(&1));
        assert_eq!(m.rate_limited(), 1);
        assert!(m.call_times().is_empty(), "kept only when asked for");
        let timed = Metrics::with_call_times();
        timed.record_call("A");
        timed.record_call("B");
        let times = timed.call_times();
        assert_eq!(times.len(), 2);
        assert!(times[0] <= times[1]);
    }
}
