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

/// With probability `chance`, a simulator rule for every operation: its kind (and the name it is
/// counted under), a cap drawn from `counts` and a probability per request from `probability`.
fn draw_rule(
    rng: &mut StdRng,
    chance: f64,
    counts: std::ops::RangeInclusive<u32>,
    probability: std::ops::Range<f64>,
    kind: impl FnOnce(&mut StdRng) -> (String, FaultKind),
) -> Option<(String, FaultRule)> {
    if !rng.gen_bool(chance) {
        return None;
    }
    let (name, kind) = kind(rng);
    let rule = FaultRule {
        operation: "*".into(),
        kind,
        count: Some(rng.gen_range(counts)),
        probability: Some(rng.gen_range(probability)),
    };
    Some((name, rule))
}

impl RoundPlan {
    pub fn draw(rng: &mut StdRng) -> RoundPlan {
        let mut plan = RoundPlan::default();
        let drawn = [
            draw_rule(rng, 0.6, 1..=12, 0.02..0.15, |rng| {
                let status = [500, 502, 503, 504][rng.gen_range(0..4)];
                let retry_after_secs = (status == 503 && rng.gen_bool(0.5)).then_some(1);
                (
                    format!("http_{status}"),
                    FaultKind::Status {
                        status,
                        retry_after_secs,
                    },
                )
            }),
            draw_rule(rng, 0.4, 1..=4, 0.02..0.1, |rng| {
                let reset_after_secs = rng.gen_range(1..=2);
                (
                    "rate_limit_storm_429".into(),
                    FaultKind::RateLimitStorm { reset_after_secs },
                )
            }),
            draw_rule(rng, 0.5, 5..=40, 0.05..0.3, |rng| {
                let millis = rng.gen_range(5..60);
                ("latency".into(), FaultKind::Latency { millis })
            }),
            draw_rule(rng, 0.5, 1..=6, 0.02..0.1, |_| {
                ("connection_reset".into(), FaultKind::ConnectionReset)
            }),
            draw_rule(rng, 0.6, 1..=8, 0.03..0.2, |_| {
                ("commit_then_drop".into(), FaultKind::CommitThenDrop)
            }),
        ];
        plan.rules.extend(drawn.into_iter().flatten());
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
