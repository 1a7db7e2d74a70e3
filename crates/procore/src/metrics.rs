//! Per-operation call counters, read by the benchmark harness and the status page.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Counts calls per operationId and 429 answers. Cheap to update from many tasks.
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    calls: Mutex<BTreeMap<&'static str, u64>>,
    rate_limited: AtomicU64,
}

impl Metrics {
    /// One request of `operation` went on the wire.
    pub fn record_call(&self, operation: &'static str) {
        let mut calls = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        *calls.entry(operation).or_default() += 1;
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
    }
}
