//! `/metrics` in Prometheus' text format: what this server's runs did — runs by company and
//! status, records by entity and status, Procore calls by operation, 429 answers, seconds spent
//! waiting for the rate limit, runs in progress. Names follow `mpsync_<name>_<unit>_total` with
//! bounded labels (company codes, entity names, statuses, operationIds).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use state::Right;

use crate::auth::{ApiCaller, ApiError};
use crate::AppState;

/// Counters of the runs this server started.
#[derive(Default)]
pub struct Metrics(Mutex<Counters>);

#[derive(Default)]
struct Counters {
    runs: BTreeMap<(String, String), u64>,
    records: BTreeMap<(String, String, String), u64>,
    calls: BTreeMap<String, u64>,
    rate_limited: u64,
    waited_seconds: f64,
    in_progress: i64,
}

impl Metrics {
    fn with(&self, f: impl FnOnce(&mut Counters)) {
        let mut c = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut c);
    }

    pub fn run_started(&self) {
        self.with(|c| c.in_progress += 1);
    }

    /// A run ended: its status, its records' outcomes and the Procore calls it made.
    pub fn run_finished(
        &self,
        company: &str,
        status: &str,
        records: &[state::OutcomeCount],
        calls: &BTreeMap<&'static str, u64>,
        rate_limited: u64,
    ) {
        self.with(|c| {
            c.in_progress -= 1;
            *c.runs
                .entry((company.to_owned(), status.to_owned()))
                .or_default() += 1;
            for r in records {
                *c.records
                    .entry((
                        company.to_owned(),
                        r.entity.clone(),
                        r.status.as_str().to_owned(),
                    ))
                    .or_default() += r.count;
            }
            for (op, n) in calls {
                *c.calls.entry((*op).to_owned()).or_default() += n;
            }
            c.rate_limited += rate_limited;
        });
    }

    /// The rate gate closed for this long.
    pub fn waited(&self, seconds: f64) {
        self.with(|c| c.waited_seconds += seconds.max(0.0));
    }

    /// The text exposition.
    pub fn render(&self) -> String {
        let c = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP mpsync_runs_total Synchronization runs ended, by company and status."
        );
        let _ = writeln!(out, "# TYPE mpsync_runs_total counter");
        for ((company, status), n) in &c.runs {
            let _ = writeln!(
                out,
                "mpsync_runs_total{{company=\"{}\",status=\"{}\"}} {n}",
                esc(company),
                esc(status)
            );
        }
        let _ = writeln!(
            out,
            "# HELP mpsync_records_total Records handled, by company, entity and outcome status."
        );
        let _ = writeln!(out, "# TYPE mpsync_records_total counter");
        for ((company, entity, status), n) in &c.records {
            let _ = writeln!(
                out,
                "mpsync_records_total{{company=\"{}\",entity=\"{}\",status=\"{}\"}} {n}",
                esc(company),
                esc(entity),
                esc(status)
            );
        }
        let _ = writeln!(
            out,
            "# HELP mpsync_procore_calls_total Requests sent to Procore, by operationId."
        );
        let _ = writeln!(out, "# TYPE mpsync_procore_calls_total counter");
        for (op, n) in &c.calls {
            let _ = writeln!(
                out,
                "mpsync_procore_calls_total{{operation=\"{}\"}} {n}",
                esc(op)
            );
        }
        let _ = writeln!(
            out,
            "# HELP mpsync_procore_rate_limited_total 429 answers received from Procore."
        );
        let _ = writeln!(out, "# TYPE mpsync_procore_rate_limited_total counter");
        let _ = writeln!(out, "mpsync_procore_rate_limited_total {}", c.rate_limited);
        let _ = writeln!(out, "# HELP mpsync_rate_limit_wait_seconds_total Seconds runs waited for Procore's rate limit.");
        let _ = writeln!(out, "# TYPE mpsync_rate_limit_wait_seconds_total counter");
        let _ = writeln!(
            out,
            "mpsync_rate_limit_wait_seconds_total {:.3}",
            c.waited_seconds
        );
        let _ = writeln!(out, "# HELP mpsync_runs_in_progress Runs going now.");
        let _ = writeln!(out, "# TYPE mpsync_runs_in_progress gauge");
        let _ = writeln!(out, "mpsync_runs_in_progress {}", c.in_progress.max(0));
        out
    }
}

/// A label value with `\`, `"` and newlines escaped.
fn esc(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// `GET /metrics`, for a scraper holding an API token with the right to view.
pub async fn metrics(State(app): State<AppState>, caller: ApiCaller) -> Result<Response, ApiError> {
    caller.require(&Right::View)?;
    Ok((
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        app.metrics().render(),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_records_and_calls_are_counted_with_escaped_labels() {
        let m = Metrics::default();
        m.run_started();
        m.run_finished(
            "LAUR\"TEST",
            "error",
            &[state::OutcomeCount {
                entity: "suppliers".into(),
                status: state::SyncStatus::Error,
                action: state::OutcomeAction::Create,
                count: 2,
            }],
            &[("RestV10VendorsSyncPatch", 3)].into(),
            1,
        );
        m.waited(1.5);
        let text = m.render();
        assert!(
            text.contains("mpsync_runs_total{company=\"LAUR\\\"TEST\",status=\"error\"} 1"),
            "{text}"
        );
        assert!(text.contains("mpsync_records_total{company=\"LAUR\\\"TEST\",entity=\"suppliers\",status=\"error\"} 2"));
        assert!(
            text.contains("mpsync_procore_calls_total{operation=\"RestV10VendorsSyncPatch\"} 3")
        );
        assert!(text.contains("mpsync_procore_rate_limited_total 1"));
        assert!(text.contains("mpsync_rate_limit_wait_seconds_total 1.500"));
        assert!(text.contains("mpsync_runs_in_progress 0"));
    }
}
