//! Conformance: every exchange between the client and the simulator is checked against Procore's
//! published contract. The client may send only fields and query parameters the contract defines,
//! with their declared types; the simulator must answer with the declared types; and both must
//! agree on which operation a request is.

use std::collections::BTreeSet;

use procore_sim::Exchange;

use crate::contract::Contract;

/// Checks a batch of exchanges; returns one line per violation.
pub fn violations(contract: &Contract, exchanges: &[Exchange]) -> Vec<String> {
    let mut out = Vec::new();
    for e in exchanges {
        // The admin API is the simulator's own; the login form's posts are a browser's, not the
        // client's, and Procore publishes no contract for them.
        let form_post =
            e.host == "login" && e.method == "POST" && e.path.starts_with("/oauth/authorize");
        if e.path.starts_with("/_sim/") || form_post {
            continue;
        }
        let Some(op) = contract.resolve(&e.method, &e.path) else {
            out.push(format!(
                "#{} {} {}: not an operation of the contract",
                e.seq, e.method, e.path
            ));
            continue;
        };
        if e.operation_id.as_deref() != Some(op.id.as_str()) {
            out.push(format!(
                "#{} {} {}: simulator calls it {:?}, the contract {}",
                e.seq, e.method, e.path, e.operation_id, op.id
            ));
        }
        // The authorize page is a browser's request, not the client's.
        if op.id != "OauthAuthorizeGet" {
            out.extend(
                op.check_query(&e.query)
                    .into_iter()
                    .map(|v| format!("#{} {v}", e.seq)),
            );
            if !e.request_body.is_null() {
                out.extend(
                    op.check_request_body(&e.request_body)
                        .into_iter()
                        .map(|v| format!("#{} {v}", e.seq)),
                );
            }
        }
        if !e.response_body.is_null() {
            out.extend(
                op.check_response_body(e.status, &e.response_body)
                    .into_iter()
                    .map(|v| format!("#{} {v}", e.seq)),
            );
        }
    }
    out
}

/// The operations a batch of exchanges exercised with a successful answer.
pub fn exercised(contract: &Contract, exchanges: &[Exchange]) -> BTreeSet<String> {
    exchanges
        .iter()
        .filter(|e| (200..300).contains(&e.status) || e.status == 302)
        .filter_map(|e| contract.resolve(&e.method, &e.path))
        .map(|op| op.id.clone())
        .collect()
}
