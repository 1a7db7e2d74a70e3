//! The login host: Procore's Doorkeeper-based OAuth 2.0 server. Authorization-code flow through
//! a real HTML login form and consent page, rotating single-use refresh tokens,
//! client credentials for service accounts, revoke and token info.

use http::StatusCode;
use serde_json::{json, Value};
use url::Url;

use crate::error::Reply;
use crate::server::{Incoming, PathParams};
use crate::state::{AccessGrant, AuthCode, LoginTicket, RefreshGrant, Sim};

const CODE_LIFETIME_SECS: i64 = 600;

pub fn route(incoming: &Incoming) -> Option<(Option<&'static str>, PathParams)> {
    let op = match (incoming.method.as_str(), incoming.path.as_str()) {
        ("GET", "/oauth/authorize") => Some("OauthAuthorizeGet"),
        ("POST", "/oauth/authorize") | ("POST", "/oauth/authorize/consent") => None,
        ("POST", "/oauth/token") => Some("OauthTokenPost"),
        ("POST", "/oauth/revoke") => Some("OauthRevokePost"),
        ("GET", "/oauth/token/info") => Some("OauthTokenInfoGet"),
        _ => return None,
    };
    Some((op, PathParams::new()))
}

pub fn handle(sim: &mut Sim, req: &Incoming, op: Option<&str>, _login_url: &Url) -> Reply {
    match (req.method.as_str(), req.path.as_str(), op) {
        (_, _, Some("OauthAuthorizeGet")) => authorize_page(sim, req),
        ("POST", "/oauth/authorize", None) => login_submit(sim, req),
        ("POST", "/oauth/authorize/consent", None) => consent_submit(sim, req),
        (_, _, Some("OauthTokenPost")) => token(sim, req),
        (_, _, Some("OauthRevokePost")) => revoke(sim, req),
        (_, _, Some("OauthTokenInfoGet")) => token_info(sim, req),
        _ => Reply::not_found(),
    }
}

fn field<'a>(req: &'a Incoming, name: &str) -> Option<&'a str> {
    req.body
        .get(name)
        .and_then(Value::as_str)
        .or_else(|| req.query_param(name))
        .filter(|s| !s.is_empty())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// RFC 8252 §7.3: a loopback redirect matches a registered loopback URI whatever its port.
pub fn redirect_matches(registered: &str, requested: &str) -> bool {
    if registered == requested {
        return true;
    }
    let (Ok(r), Ok(q)) = (Url::parse(registered), Url::parse(requested)) else {
        return false;
    };
    let loopback = |u: &Url| {
        matches!(
            u.host_str(),
            Some("127.0.0.1") | Some("[::1]") | Some("localhost")
        )
    };
    r.scheme() == "http"
        && q.scheme() == "http"
        && loopback(&r)
        && r.host_str() == q.host_str()
        && r.path() == q.path()
        && r.query() == q.query()
}

fn check_client(
    sim: &Sim,
    client_id: Option<&str>,
    redirect_uri: Option<&str>,
) -> Result<(), String> {
    let Some(app) = client_id.and_then(|id| {
        sim.world
            .auth
            .apps
            .iter()
            .find(|a| a.client_id == id && !a.service_account)
    }) else {
        return Err("Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.".into());
    };
    let Some(uri) = redirect_uri else {
        return Err("The redirect uri included is not valid.".into());
    };
    if !app.redirect_uris.iter().any(|r| redirect_matches(r, uri)) {
        return Err("The redirect uri included is not valid.".into());
    }
    Ok(())
}

fn error_page(message: &str) -> Reply {
    Reply::html(
        StatusCode::BAD_REQUEST,
        format!("<!DOCTYPE html><html><head><title>Procore - Authorization error</title></head><body><h1>An error has occurred</h1><p class=\"error\">{}</p></body></html>", escape(message)),
    )
}

fn hidden(name: &str, value: Option<&str>) -> String {
    format!(
        "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
        escape(value.unwrap_or(""))
    )
}

fn login_form(req: &Incoming, error: Option<&str>) -> String {
    let error = error
        .map(|e| format!("<p class=\"error\" id=\"login-error\">{}</p>", escape(e)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html><html><head><title>Procore - Log In</title></head><body><h1>Log in to Procore</h1>{error}\
<form method=\"post\" action=\"/oauth/authorize\" id=\"login\">{}{}{}{}\
<label>Email <input type=\"email\" name=\"email\" value=\"{}\"></label>\
<label>Password <input type=\"password\" name=\"password\"></label>\
<button type=\"submit\">Log In</button></form></body></html>",
        hidden("client_id", field(req, "client_id")),
        hidden("redirect_uri", field(req, "redirect_uri")),
        hidden("response_type", Some(field(req, "response_type").unwrap_or("code"))),
        hidden("state", field(req, "state")),
        escape(field(req, "email").unwrap_or("")),
    )
}

fn authorize_page(sim: &mut Sim, req: &Incoming) -> Reply {
    if let Err(message) = check_client(sim, field(req, "client_id"), field(req, "redirect_uri")) {
        return error_page(&message);
    }
    if field(req, "response_type").unwrap_or("code") != "code" {
        return error_page("The authorization server does not support this response type.");
    }
    Reply::html(StatusCode::OK, login_form(req, None))
}

fn login_submit(sim: &mut Sim, req: &Incoming) -> Reply {
    let client_id = field(req, "client_id");
    let redirect_uri = field(req, "redirect_uri");
    if let Err(message) = check_client(sim, client_id, redirect_uri) {
        return error_page(&message);
    }
    let email = field(req, "email").unwrap_or("");
    let password = field(req, "password").unwrap_or("");
    let Some(user) = sim
        .world
        .auth
        .users
        .iter()
        .find(|u| u.email.eq_ignore_ascii_case(email) && u.password == password)
    else {
        return Reply::html(
            StatusCode::UNAUTHORIZED,
            login_form(req, Some("Invalid email or password.")),
        );
    };
    let ticket = uuid::Uuid::new_v4().simple().to_string();
    sim.login_tickets.insert(
        ticket.clone(),
        LoginTicket {
            user_id: user.id,
            client_id: client_id.unwrap_or_default().to_owned(),
            redirect_uri: redirect_uri.unwrap_or_default().to_owned(),
            state: field(req, "state").map(str::to_owned),
        },
    );
    let app_name = sim
        .world
        .auth
        .apps
        .iter()
        .find(|a| Some(a.client_id.as_str()) == client_id)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    Reply::html(
        StatusCode::OK,
        format!(
            "<!DOCTYPE html><html><head><title>Procore - Authorize</title></head><body><h1>Authorize {}</h1>\
<p>{} would like to access your Procore account.</p>\
<form method=\"post\" action=\"/oauth/authorize/consent\" id=\"consent\">{}\
<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\
<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form></body></html>",
            escape(&app_name),
            escape(&app_name),
            hidden("ticket", Some(&ticket)),
        ),
    )
}

fn with_params(uri: &str, params: &[(&str, &str)]) -> String {
    match Url::parse(uri) {
        Ok(mut url) => {
            {
                let mut q = url.query_pairs_mut();
                for (k, v) in params {
                    q.append_pair(k, v);
                }
            }
            url.to_string()
        }
        Err(_) => uri.to_owned(),
    }
}

fn consent_submit(sim: &mut Sim, req: &Incoming) -> Reply {
    let Some(ticket) = field(req, "ticket").and_then(|t| sim.login_tickets.remove(t)) else {
        return error_page("Your login session has expired; start the authorization again.");
    };
    let state = ticket.state.as_deref();
    if field(req, "decision") != Some("allow") {
        let mut params = vec![
            ("error", "access_denied"),
            (
                "error_description",
                "The resource owner or authorization server denied the request.",
            ),
        ];
        if let Some(s) = state {
            params.push(("state", s));
        }
        return Reply::empty(StatusCode::FOUND)
            .with_header("Location", with_params(&ticket.redirect_uri, &params));
    }
    let code = uuid::Uuid::new_v4().simple().to_string();
    sim.world.auth.codes.insert(
        code.clone(),
        AuthCode {
            client_id: ticket.client_id.clone(),
            redirect_uri: ticket.redirect_uri.clone(),
            user_id: ticket.user_id,
            expires_at: sim.clock.unix() + CODE_LIFETIME_SECS,
            used: false,
        },
    );
    sim.world.dirty.meta = true;
    if ticket.redirect_uri == crate::seed::REDIRECT_URI_OOB {
        return Reply::html(
            StatusCode::OK,
            format!(
                "<!DOCTYPE html><html><head><title>Procore - Authorization code</title></head><body><h1>Authorization code</h1>\
<p>Copy this code and paste it in your application:</p><code id=\"authorization-code\">{code}</code></body></html>"
            ),
        );
    }
    let mut params = vec![("code", code.as_str())];
    if let Some(s) = state {
        params.push(("state", s));
    }
    Reply::empty(StatusCode::FOUND)
        .with_header("Location", with_params(&ticket.redirect_uri, &params))
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Reply {
    Reply::json(
        status,
        json!({"error": error, "error_description": description}),
    )
}

fn invalid_client() -> Reply {
    oauth_error(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    )
}

fn invalid_grant() -> Reply {
    oauth_error(
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
    )
}

fn issue(sim: &mut Sim, client_id: &str, user_id: Option<u64>, with_refresh: bool) -> Reply {
    let now = sim.clock.unix();
    let lifetime = sim.access_token_lifetime.as_secs() as i64;
    let access = uuid::Uuid::new_v4().simple().to_string();
    let refresh = with_refresh.then(|| uuid::Uuid::new_v4().simple().to_string());
    sim.world.auth.access_tokens.insert(
        access.clone(),
        AccessGrant {
            client_id: client_id.to_owned(),
            user_id,
            created_at: now,
            expires_at: now + lifetime,
            revoked: false,
            refresh_token: refresh.clone(),
        },
    );
    if let Some(r) = &refresh {
        sim.world.auth.refresh_tokens.insert(
            r.clone(),
            RefreshGrant {
                client_id: client_id.to_owned(),
                user_id,
                used: false,
                revoked: false,
                access_token: access.clone(),
            },
        );
    }
    sim.world.dirty.meta = true;
    let mut body = json!({
        "access_token": access,
        "token_type": "bearer",
        "expires_in": lifetime,
        "created_at": now,
    });
    if let Some(r) = refresh {
        body["refresh_token"] = json!(r);
    }
    Reply::ok(body)
}

fn token(sim: &mut Sim, req: &Incoming) -> Reply {
    let client_id = field(req, "client_id").unwrap_or("");
    let client_secret = field(req, "client_secret").unwrap_or("");
    let Some(app) = sim
        .world
        .auth
        .apps
        .iter()
        .find(|a| a.client_id == client_id && a.client_secret == client_secret)
        .cloned()
    else {
        return invalid_client();
    };
    match field(req, "grant_type") {
        Some("authorization_code") => {
            let now = sim.clock.unix();
            let code = field(req, "code").unwrap_or("");
            let redirect_uri = field(req, "redirect_uri").unwrap_or("");
            let Some(grant) = sim.world.auth.codes.get_mut(code) else {
                return invalid_grant();
            };
            if grant.used
                || grant.expires_at <= now
                || grant.client_id != app.client_id
                || grant.redirect_uri != redirect_uri
            {
                // A replayed code is burnt for good, as Doorkeeper does.
                grant.used = true;
                sim.world.dirty.meta = true;
                return invalid_grant();
            }
            grant.used = true;
            let user_id = grant.user_id;
            issue(sim, &app.client_id, Some(user_id), true)
        }
        Some("refresh_token") => {
            let refresh = field(req, "refresh_token").unwrap_or("");
            let Some(grant) = sim.world.auth.refresh_tokens.get_mut(refresh) else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "The refresh token is invalid.",
                );
            };
            if grant.used || grant.revoked || grant.client_id != app.client_id {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "The refresh token is invalid.",
                );
            }
            grant.used = true;
            let user_id = grant.user_id;
            let old_access = grant.access_token.clone();
            if let Some(a) = sim.world.auth.access_tokens.get_mut(&old_access) {
                a.revoked = true;
            }
            issue(sim, &app.client_id, user_id, true)
        }
        Some("client_credentials") => {
            if !app.service_account {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "unauthorized_client",
                    "The client is not authorized to perform this request using this method.",
                );
            }
            issue(sim, &app.client_id, None, false)
        }
        Some(_) => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server.",
        ),
        None => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The request is missing a required parameter: grant_type.",
        ),
    }
}

fn revoke(sim: &mut Sim, req: &Incoming) -> Reply {
    if let Some(token) = field(req, "token") {
        let auth = &mut sim.world.auth;
        let refresh = auth.access_tokens.get_mut(token).map(|a| {
            a.revoked = true;
            a.refresh_token.clone()
        });
        let access = auth.refresh_tokens.get_mut(token).map(|r| {
            r.revoked = true;
            r.access_token.clone()
        });
        if let Some(Some(r)) = refresh {
            if let Some(r) = auth.refresh_tokens.get_mut(&r) {
                r.revoked = true;
            }
        }
        if let Some(a) = access.and_then(|a| auth.access_tokens.get_mut(&a)) {
            a.revoked = true;
        }
        sim.world.dirty.meta = true;
    }
    Reply::ok(json!({}))
}

fn token_info(sim: &mut Sim, req: &Incoming) -> Reply {
    let now = sim.clock.unix();
    match crate::auth::bearer(sim, req, now) {
        Ok((token, grant)) => {
            let _ = token;
            Reply::ok(json!({
                "resource_owner_id": grant.user_id,
                "scopes": [],
                "expires_in_seconds": (grant.expires_at - now).max(0),
                "application": {"uid": grant.client_id},
                "created_at": grant.created_at,
            }))
        }
        Err(reply) => reply,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_redirect_ignores_port() {
        assert!(redirect_matches(
            "http://127.0.0.1/callback",
            "http://127.0.0.1:53187/callback"
        ));
        assert!(!redirect_matches(
            "http://127.0.0.1/callback",
            "http://127.0.0.1:53187/other"
        ));
        assert!(!redirect_matches(
            "https://example.com/cb",
            "https://example.com:444/cb"
        ));
        assert!(redirect_matches(
            "urn:ietf:wg:oauth:2.0:oob",
            "urn:ietf:wg:oauth:2.0:oob"
        ));
    }
}
