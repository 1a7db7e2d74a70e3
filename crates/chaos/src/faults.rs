//! The faults of one faulty run, drawn from the scenario's random stream.
//!
//! Network and server faults are simulator rules with a cap (`count`) and a probability per
//! request; how many fired is the cap minus what is left when the run ends. The other faults
//! (SIGKILL, token expiry or revocation, the ERP database locked, clock skew, Procore users'
//! edits) are the harness's own acts, counted where they happen.

use std::collections::BTreeMap;

use procore_sim::{FaultKind, FaultRule};
use rand::rngs::StdRng;
use rand::Rng;

/// A kind of fault and how many were injected.
pub type FaultKindCount = BTreeMap<String, u64>;

/// The faults planned for one run.
#[derive(Debug, Clone, Default)]
pub struct RoundPlan {
    /// Simulator rules, each with its cap, and the name it is counted under.
    pub rules: Vec<(String, FaultRule)>,
    /// Kill the sync after this many milliseconds.
    pub kill_after_ms: Option<u64>,
    /// Expire the access token after this many milliseconds.
    pub expire_token_after_ms: Option<u64>,
    /// Revoke the grant after this many milliseconds (the run must stop, the user reconnects).
    pub revoke_after_ms: Option<u64>,
    /// Hold the ERP database locked from this instant, for this long (milliseconds).
    pub lock_erp: Option<(u64, u64)>,
    /// Procore users' edits while the run reads: inserts, deletes and edits.
    pub procore_edits: u32,
}

fn rule(kind: FaultKind, count: u32, probability: f64) -> FaultRule {
    FaultRule {
        operation: "*".into(),
        kind,
        count: Some(count),
        probability: Some(probability),
    }
}

impl RoundPlan {
    pub fn draw(rng: &mut StdRng) -> RoundPlan {
        let mut plan = RoundPlan::default();
        if rng.gen_bool(0.6) {
            let status = [500, 502, 503, 504][rng.gen_range(0..4)];
            let retry_after_secs = (status == 503 && rng.gen_bool(0.5)).then_some(1);
            plan.rules.push((
                format!("http_{status}"),
                rule(
                    FaultKind::Status {
                        status,
                        retry_after_secs,
                    },
                    rng.gen_range(1..=12),
                    rng.gen_range(0.02..0.15),
                ),
            ));
        }
        if rng.gen_bool(0.4) {
            plan.rules.push((
                "rate_limit_storm_429".into(),
                rule(
                    FaultKind::RateLimitStorm {
                        reset_after_secs: rng.gen_range(1..=2),
                    },
                    rng.gen_range(1..=4),
                    rng.gen_range(0.02..0.1),
                ),
            ));
        }
        if rng.gen_bool(0.5) {
            plan.rules.push((
                "latency".into(),
                rule(
                    FaultKind::Latency {
                        millis: rng.gen_range(5..60),
                    },
                    rng.gen_range(5..=40),
                    rng.gen_range(0.05..0.3),
                ),
            ));
        }
        if rng.gen_bool(0.5) {
            plan.rules.push((
                "connection_reset".into(),
                rule(
                    FaultKind::ConnectionReset,
                    rng.gen_range(1..=6),
                    rng.gen_range(0.02..0.1),
                ),
            ));
        }
        if rng.gen_bool(0.6) {
            plan.rules.push((
                "commit_then_drop".into(),
                rule(
                    FaultKind::CommitThenDrop,
                    rng.gen_range(1..=8),
                    rng.gen_range(0.03..0.2),
                ),
            ));
        }
        if rng.gen_bool(0.5) {
            plan.kill_after_ms = Some(rng.gen_range(30..2_500));
        }
        match rng.gen_range(0..10) {
            0..=2 => plan.expire_token_after_ms = Some(rng.gen_range(0..1_500)),
            3 => plan.revoke_after_ms = Some(rng.gen_range(0..1_500)),
            _ => {}
        }
        if rng.gen_bool(0.3) {
            plan.lock_erp = Some((rng.gen_range(0..1_500), rng.gen_range(200..3_000)));
        }
        if rng.gen_bool(0.6) {
            plan.procore_edits = rng.gen_range(1..=12);
        }
        plan
    }

    pub fn sim_rules(&self) -> Vec<FaultRule> {
        self.rules.iter().map(|(_, r)| r.clone()).collect()
    }

    /// How many of each simulator fault fired, from the rules left after the run.
    pub fn fired(&self, left: &[FaultRule]) -> FaultKindCount {
        let mut fired = FaultKindCount::new();
        for (name, planned) in &self.rules {
            let cap = planned.count.unwrap_or(0);
            let remaining = left
                .iter()
                .find(|r| r.kind == planned.kind && r.operation == planned.operation)
                .and_then(|r| r.count)
                .unwrap_or(0);
            let n = u64::from(cap.saturating_sub(remaining));
            if n > 0 {
                *fired.entry(name.clone()).or_default() += n;
            }
        }
        fired
    }
}
