//! Bearer-token authentication and the `Procore-Company-Id` header rules for REST calls, then
//! rate limiting, then the resource handlers.

use http::StatusCode;
use serde_json::json;
use url::Url;

use crate::error::Reply;
use crate::resources::Ctx;
use crate::server::{rate_limited_reply, uncounted_rate_headers, Incoming, PathParams};
use crate::state::{AccessGrant, Sim};

/// Who is calling.
#[derive(Debug, Clone)]
pub struct Caller {
    pub client_id: String,
    /// `None` for a service account (client credentials).
    pub user_id: Option<u64>,
    pub companies: Vec<u64>,
}

fn unauthorized(description: &str) -> Reply {
    Reply::json(StatusCode::UNAUTHORIZED, json!({ "errors": description })).with_header(
        "WWW-Authenticate",
        format!("Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"{description}\""),
    )
}

/// Validates the bearer token of a request.
pub fn bearer(sim: &Sim, req: &Incoming, now: i64) -> Result<(String, AccessGrant), Reply> {
    let token = req
        .header("authorization")
        .and_then(|h| {
            h.strip_prefix("Bearer ")
                .or_else(|| h.strip_prefix("bearer "))
        })
        .map(str::trim)
        .unwrap_or("");
    let Some(grant) = sim.world.auth.access_tokens.get(token) else {
        return Err(unauthorized("The access token is invalid"));
    };
    if grant.revoked {
        return Err(unauthorized("The access token was revoked"));
    }
    if grant.expires_at <= now {
        return Err(unauthorized("The access token expired"));
    }
    Ok((token.to_owned(), grant.clone()))
}

/// Operations a user token may call without the company header.
const COMPANY_FREE: &[&str] = &["RestV10MeGet", "RestV10CompaniesGet"];

pub fn handle_rest(
    sim: &mut Sim,
    req: &Incoming,
    operation_id: &'static str,
    params: PathParams,
    api_url: &Url,
) -> (Reply, bool) {
    let now = sim.clock.unix();
    let (token, grant) = match bearer(sim, req, now) {
        Ok(found) => found,
        Err(reply) => return (uncounted_rate_headers(sim, reply), false),
    };
    let companies = match grant.user_id {
        Some(user) => sim
            .world
            .auth
            .users
            .iter()
            .find(|u| u.id == user)
            .map(|u| u.companies.clone())
            .unwrap_or_default(),
        None => sim
            .world
            .auth
            .apps
            .iter()
            .find(|a| a.client_id == grant.client_id)
            .map(|a| a.companies.clone())
            .unwrap_or_default(),
    };
    let header_company = req
        .header("procore-company-id")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let company_needed = grant.user_id.is_none() || !COMPANY_FREE.contains(&operation_id);

    // Rate limiting comes before the company checks: a refused request still counts.
    let bucket = match (grant.user_id, header_company) {
        (None, Some(c)) => format!("{token}:{c}"),
        _ => token.clone(),
    };
    let decision = if sim.rate_limits.enabled {
        let now_ms = sim.clock.now().timestamp_millis();
        let config = sim.rate_limits.clone();
        Some(sim.limiter.hit(&bucket, now_ms, &config))
    } else {
        None
    };
    if let Some(d) = decision.filter(|d| d.exhausted) {
        return (rate_limited_reply(d), true);
    }
    let finish = |reply: Reply| match decision {
        Some(d) => reply.with_rate_headers(d),
        None => reply,
    };

    let company_id = match header_company {
        None if company_needed => {
            return (
                finish(Reply::bad_request("Missing Procore-Company-Id header!")),
                false,
            )
        }
        None => None,
        Some(text) => match text.parse::<u64>() {
            Ok(id) if companies.contains(&id) => Some(id),
            Ok(_) if grant.user_id.is_none() => {
                return (
                    finish(Reply::forbidden("App is not connected to this company")),
                    false,
                )
            }
            Ok(_) => {
                return (
                    finish(Reply::forbidden("You do not have access to this company")),
                    false,
                )
            }
            Err(_) => {
                return (
                    finish(Reply::bad_request("Invalid Procore-Company-Id header")),
                    false,
                )
            }
        },
    };
    if req.body_error {
        return (
            finish(Reply::bad_request("The request body is not valid JSON")),
            false,
        );
    }
    let caller = Caller {
        client_id: grant.client_id,
        user_id: grant.user_id,
        companies,
    };
    let mut ctx = Ctx::new(sim, req, operation_id, params, caller, company_id, api_url);
    let reply = match crate::resources::dispatch(&mut ctx) {
        Ok(r) | Err(r) => r,
    };
    (finish(reply), false)
}
