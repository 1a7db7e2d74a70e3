//! Injected failures, matched per operationId and drawn from the seeded RNG so a run is
//! reproducible.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

/// Serialized flat (`{"operation":"*","kind":"status","status":503,"count":2}`); the nested
/// form `{"operation":"*","kind":{"kind":"status","status":503}}` is accepted too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value")]
pub struct FaultRule {
    /// An operationId, `*`, or a prefix ending in `*` (e.g. `RestV10Vendors*`).
    pub operation: String,
    #[serde(flatten)]
    pub kind: FaultKind,
    /// Fire for the next N matching requests only.
    #[serde(default)]
    pub count: Option<u32>,
    /// Fire with this probability (0..=1) per matching request.
    #[serde(default)]
    pub probability: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// A 5xx answer; a 503 carries `Retry-After` (heavy-load throttling).
    Status {
        status: u16,
        #[serde(default)]
        retry_after_secs: Option<u64>,
    },
    /// 429 with rate-limit headers announcing a reset after the given seconds.
    RateLimitStorm { reset_after_secs: u64 },
    /// Delay before the request is handled normally.
    Latency { millis: u64 },
    /// The connection is closed with no response.
    ConnectionReset,
    /// The request is applied, then the connection is closed before the response.
    CommitThenDrop,
    /// A 200 answer carrying `body` verbatim instead of the request's answer (malformed JSON,
    /// an HTML page, a wrong shape); the request is not applied. `content_type` defaults to
    /// `application/json`.
    MalformedBody {
        body: String,
        #[serde(default)]
        content_type: Option<String>,
    },
    /// The request is applied and its answer cut after `keep_bytes` bytes, as a proxy that
    /// gave up mid-body would leave it.
    TruncatedBody { keep_bytes: usize },
    /// A list answer whose entries are repeated until it holds `entries` of them (at most
    /// [`MAX_HUGE_PAGE`]), whatever `per_page` asked for.
    HugePage { entries: usize },
}

/// Most entries a [`FaultKind::HugePage`] answer holds, so a rule cannot exhaust memory.
pub const MAX_HUGE_PAGE: usize = 1_000_000;

/// Repeats the entries of a list answer (`[...]` or `{"data": [...]}`) up to `entries`; other
/// answers and empty lists are left alone.
pub fn fill_page(body: &mut serde_json::Value, entries: usize) {
    let list = match body {
        serde_json::Value::Array(list) => list,
        serde_json::Value::Object(map) => match map.get_mut("data") {
            Some(serde_json::Value::Array(list)) => list,
            _ => return,
        },
        _ => return,
    };
    let original = list.len();
    if original == 0 {
        return;
    }
    let target = entries.min(MAX_HUGE_PAGE);
    for i in original..target {
        let entry = list[i % original].clone();
        list.push(entry);
    }
}

impl TryFrom<serde_json::Value> for FaultRule {
    type Error = String;

    fn try_from(mut value: serde_json::Value) -> Result<Self, Self::Error> {
        let obj = value
            .as_object_mut()
            .ok_or("a fault rule must be a JSON object")?;
        let kind_value = match obj.remove("kind") {
            Some(serde_json::Value::Object(nested)) => serde_json::Value::Object(nested),
            Some(tag) => {
                let mut flat = obj.clone();
                flat.insert("kind".into(), tag);
                serde_json::Value::Object(flat)
            }
            None => return Err("a fault rule needs a kind".into()),
        };
        let kind: FaultKind = serde_json::from_value(kind_value).map_err(|e| e.to_string())?;
        let operation = obj
            .get("operation")
            .and_then(|v| v.as_str())
            .unwrap_or("*")
            .to_owned();
        let count = match obj.get("count") {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => Some(v.as_u64().ok_or("count must be a non-negative integer")? as u32),
        };
        let probability = obj.get("probability").and_then(|v| v.as_f64());
        Ok(FaultRule {
            operation,
            kind,
            count,
            probability,
        })
    }
}

impl FaultRule {
    fn matches(&self, operation_id: &str) -> bool {
        if self.operation == "*" {
            return true;
        }
        match self.operation.strip_suffix('*') {
            Some(prefix) => operation_id.starts_with(prefix),
            None => self.operation == operation_id,
        }
    }
}

/// The active rules with their remaining counts.
#[derive(Debug)]
pub struct FaultPlan {
    rules: Vec<FaultRule>,
    rng: StdRng,
}

impl FaultPlan {
    pub fn new(rules: Vec<FaultRule>, seed: u64) -> Self {
        FaultPlan {
            rules,
            rng: StdRng::seed_from_u64(seed ^ 0x5eed_fa17),
        }
    }

    pub fn rules(&self) -> &[FaultRule] {
        &self.rules
    }

    pub fn set(&mut self, rules: Vec<FaultRule>) {
        self.rules = rules;
    }

    pub fn add(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    /// The fault to apply to this request, if any. Latency rules combine with one other
    /// fault, so a slow 503 is expressible; the total latency is returned separately.
    pub fn draw(&mut self, operation_id: &str) -> (u64, Option<FaultKind>) {
        let mut latency = 0;
        let mut chosen = None;
        for rule in &mut self.rules {
            if !rule.matches(operation_id) || rule.count == Some(0) {
                continue;
            }
            if matches!(rule.kind, FaultKind::Latency { .. }) || chosen.is_none() {
                if let Some(p) = rule.probability {
                    if self.rng.gen::<f64>() >= p {
                        continue;
                    }
                }
                if let Some(n) = rule.count.as_mut() {
                    *n -= 1;
                }
                match &rule.kind {
                    FaultKind::Latency { millis } => latency += millis,
                    other => chosen = Some(other.clone()),
                }
            }
        }
        self.rules.retain(|r| r.count != Some(0));
        (latency, chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_limits_firing() {
        let rule = FaultRule {
            operation: "RestV10Vendors*".into(),
            kind: FaultKind::Status {
                status: 503,
                retry_after_secs: Some(1),
            },
            count: Some(2),
            probability: None,
        };
        let mut plan = FaultPlan::new(vec![rule], 7);
        assert!(plan.draw("RestV10VendorsGet").1.is_some());
        assert!(plan.draw("RestV10ProjectsGet").1.is_none());
        assert!(plan.draw("RestV10VendorsIdGet").1.is_some());
        assert!(plan.draw("RestV10VendorsGet").1.is_none());
    }

    #[test]
    fn serde_shape_is_tagged() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"operation":"*","kind":"status","status":503,"retry_after_secs":2,"count":1}"#,
        )
        .unwrap();
        assert_eq!(
            rule.kind,
            FaultKind::Status {
                status: 503,
                retry_after_secs: Some(2)
            }
        );
        let text = serde_json::to_string(&FaultRule {
            operation: "*".into(),
            kind: FaultKind::ConnectionReset,
            count: None,
            probability: Some(0.5),
        })
        .unwrap();
        assert!(text.contains(r#""kind":"connection_reset""#), "{text}");
    }

    #[test]
    fn hostile_bodies_read_from_their_flat_form() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"operation":"RestV10VendorsGet","kind":"malformed_body","body":"[{\"id\":"}"#,
        )
        .unwrap();
        assert_eq!(
            rule.kind,
            FaultKind::MalformedBody {
                body: "[{\"id\":".into(),
                content_type: None
            }
        );
        let rule: FaultRule = serde_json::from_str(r#"{"kind":"huge_page","entries":5}"#).unwrap();
        assert_eq!(rule.kind, FaultKind::HugePage { entries: 5 });
    }

    #[test]
    fn a_huge_page_repeats_entries_and_leaves_other_answers() {
        let mut list = serde_json::json!([{"id": 1}, {"id": 2}]);
        fill_page(&mut list, 5);
        assert_eq!(list.as_array().unwrap().len(), 5);
        assert_eq!(list[4]["id"], 1);
        let mut data = serde_json::json!({"data": [{"id": 1}]});
        fill_page(&mut data, 3);
        assert_eq!(data["data"].as_array().unwrap().len(), 3);
        let mut one = serde_json::json!({"id": 1});
        fill_page(&mut one, 3);
        assert_eq!(one, serde_json::json!({"id": 1}));
        let mut empty = serde_json::json!([]);
        fill_page(&mut empty, 3);
        assert_eq!(empty, serde_json::json!([]));
    }

    #[test]
    fn probability_is_reproducible() {
        let rule = FaultRule {
            operation: "*".into(),
            kind: FaultKind::ConnectionReset,
            count: None,
            probability: Some(0.5),
        };
        let run = || {
            let mut plan = FaultPlan::new(vec![rule.clone()], 42);
            (0..32)
                .map(|_| plan.draw("X").1.is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }
}
