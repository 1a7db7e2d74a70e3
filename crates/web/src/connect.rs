//! Connect to Procore from the Authentication tab: OAuth's authorization-code flow in the
//! user's browser, then the Procore Company list, then the pairing; and Disconnect, which
//! revokes the tokens.
//!
//! Procore sends the browser back to `/callback` from its own site, so the strict session
//! cookie is not sent with that request: the callback is recognised by its `state` alone (32
//! random bytes bound here to the user and company that asked, single use, ten minutes), and
//! answers with a page of our own that continues to the company choice, where the session is
//! there again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use maud::{html, DOCTYPE};
use procore::{Client, MemoryTokenStore, OAuthClient, TokenStore};
use serde::Deserialize;
use state::{NewPairing, Right, StateError, StateTokenStore};

use crate::auth::{Posted, Viewer, WebError};
use crate::AppState;

/// How long a started sign-in may take.
const PENDING_FOR: chrono::Duration = chrono::Duration::minutes(10);

/// A sign-in started by a user for a company, waiting for Procore's answer.
#[derive(Debug, Clone)]
struct Pending {
    username: String,
    company: String,
    started: DateTime<Utc>,
    /// Also set in a cookie of the browser that started: the answer must come back to it.
    nonce: String,
}

/// The cookie binding a sign-in to the browser that started it. `Lax`, since it must come
/// back with Procore's redirect, and only sent to `/callback`.
const OAUTH_COOKIE: &str = "mpsync_oauth";

/// Sign-ins under way, by their OAuth `state`.
#[derive(Default)]
pub struct PendingConnects(Mutex<HashMap<String, Pending>>);

/// The secret under which the tokens of a user's sign-in wait for the company choice: per
/// user, so two people connecting at once never take each other's tokens.
fn pending_secret(company: &str, username: &str) -> String {
    format!("procore.token_pair.pending.{company}.{username}")
}

/// The address Procore sends the browser back to (registered with the Procore app).
pub fn redirect_uri(app: &AppState) -> String {
    let mut url = app.config().public_url.clone();
    url.set_path("/callback");
    url.set_query(None);
    url.to_string()
}

async fn oauth(
    app: &AppState,
    company: &str,
) -> Result<(OAuthClient, procore::Environment), WebError> {
    let connection = runner::connection::connection(app.state(), company)
        .await?
        .ok_or_else(|| WebError::Refused("choose the Procore API URL first, and save".into()))?;
    let credentials = runner::connection::credentials(app.state(), app.cipher())
        .await?
        .ok_or_else(|| {
            WebError::Refused("enter the Procore key (client id and secret) first, and save".into())
        })?;
    let environment = runner::connection::environment(app.state(), &connection).await?;
    let client = OAuthClient::new(&environment, credentials)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((client, environment))
}

fn refused_to(company: &str, message: &str) -> Response {
    let query = serde_urlencoded::to_string([("refused", message)]).unwrap_or_default();
    Redirect::to(&format!("/c/{company}/auth?{query}")).into_response()
}

/// Starts the sign-in: to Procore's login page.
pub async fn start(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    posted.viewer.require(&Right::Configure)?;
    let company = crate::pages::company(&app, &code).await?;
    let (oauth, environment) = match oauth(&app, &code).await {
        Ok(o) => o,
        Err(WebError::Refused(m)) => return Ok(refused_to(&code, &m)),
        Err(e) => return Err(e),
    };
    if let Err(why) = crate::pages::check_environment(&company, &environment) {
        return Ok(refused_to(&code, &why));
    }
    let state = procore::generate_state();
    let nonce = state::security::random_token("");
    if let Ok(mut pending) = app.pending().0.lock() {
        let now = Utc::now();
        pending.retain(|_, p| now - p.started < PENDING_FOR);
        pending.insert(
            state.clone(),
            Pending {
                username: posted.viewer.user().username.clone(),
                company: code.clone(),
                started: now,
                nonce: nonce.clone(),
            },
        );
    }
    let url = oauth.authorize_url(&redirect_uri(&app), &state);
    let cookie = axum::http::HeaderValue::from_str(&format!(
        "{OAUTH_COOKIE}={nonce}; Path=/callback; HttpOnly; Secure; SameSite=Lax; Max-Age=600"
    ))
    .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(crate::auth::with_cookie(
        Redirect::to(url.as_str()).into_response(),
        cookie,
    ))
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

fn continue_page(target: &str, message: &str) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="refresh" content={"0;url=" (target)};
                title { "mpsync" }
                link rel="stylesheet" href="/static/style.css";
            }
            body { main #main.narrow { p { (message) } p { a href=(target) { "Continue →" } } } }
        }
    };
    Html(page.into_string()).into_response()
}

/// Procore's answer: the code is exchanged for tokens, kept encrypted until a company is chosen.
pub async fn callback(
    State(app): State<AppState>,
    headers: axum::http::HeaderMap,
    Query(q): Query<Callback>,
) -> Result<Response, WebError> {
    let pending = q.state.as_deref().and_then(|s| {
        let mut map = app.pending().0.lock().ok()?;
        let key = map.keys().find(|k| procore::verify_state(k, s))?.clone();
        map.remove(&key)
    });
    let browser = crate::auth::cookie(&headers, OAUTH_COOKIE).unwrap_or("");
    let Some(pending) = pending.filter(|p| {
        Utc::now() - p.started < PENDING_FOR && crate::auth::same_token(&p.nonce, browser)
    }) else {
        return Err(WebError::Forbidden(
            "this sign-in answer does not match a sign-in started here, or it expired: start again with Connect to Procore".into(),
        ));
    };
    let auth = format!("/c/{}/auth", pending.company);
    if let Some(error) = q.error {
        let why = q.error_description.unwrap_or(error);
        let target = format!(
            "{auth}?{}",
            serde_urlencoded::to_string([(
                "refused",
                format!("Procore refused the sign-in: {why}")
            )])
            .unwrap_or_default()
        );
        return Ok(continue_page(&target, "Procore refused the sign-in."));
    }
    let code = q
        .code
        .ok_or_else(|| WebError::BadRequest("Procore sent no code".into()))?;
    let (oauth, _) = oauth(&app, &pending.company).await?;
    let pair = match oauth.exchange_code(&code, &redirect_uri(&app)).await {
        Ok(pair) => pair,
        Err(e) => {
            let target = format!(
                "{auth}?{}",
                serde_urlencoded::to_string([(
                    "refused",
                    format!("Procore refused the sign-in: {e}")
                )])
                .unwrap_or_default()
            );
            return Ok(continue_page(&target, "Procore refused the sign-in."));
        }
    };
    StateTokenStore::named(
        app.state().clone(),
        app.cipher().clone(),
        pending_secret(&pending.company, &pending.username),
    )
    .save(&pair)
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?;
    app.state()
        .audit(
            &pending.username,
            Some(&pending.company),
            "procore.signed_in",
            &serde_json::json!({}),
        )
        .await?;
    Ok(continue_page(
        &format!("/c/{}/auth/company", pending.company),
        "Signed in to Procore.",
    ))
}

/// A client on the tokens of `username`'s sign-in waiting for the company choice, and the
/// store that holds them as the client refreshes them.
async fn probe(
    app: &AppState,
    code: &str,
    username: &str,
) -> Result<Option<(Client, Arc<MemoryTokenStore>)>, WebError> {
    let store = StateTokenStore::named(
        app.state().clone(),
        app.cipher().clone(),
        pending_secret(code, username),
    );
    let Some(pair) = store
        .load()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
    else {
        return Ok(None);
    };
    let connection = runner::connection::connection(app.state(), code)
        .await?
        .ok_or(WebError::NotFound)?;
    let credentials = runner::connection::credentials(app.state(), app.cipher())
        .await?
        .ok_or(WebError::NotFound)?;
    let memory = Arc::new(MemoryTokenStore::with_pair(pair));
    let environment = runner::connection::environment(app.state(), &connection).await?;
    let client = Client::builder(environment, credentials)
        .token_store(memory.clone())
        .build()
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(Some((client, memory)))
}

const NOT_SIGNED_IN: &str = "sign in to Procore first: Connect to Procore";

/// The Procore companies `username`'s waiting sign-in sees, and the tokens as they are after
/// asking (Procore may have refreshed them); `None` without a waiting sign-in.
async fn signed_in_companies(
    app: &AppState,
    code: &str,
    username: &str,
) -> Result<
    Option<(
        Vec<procore::resources::companies::Company>,
        Arc<MemoryTokenStore>,
    )>,
    WebError,
> {
    let Some((client, memory)) = probe(app, code, username).await? else {
        return Ok(None);
    };
    let companies = client
        .companies()
        .list(&Default::default())
        .collect_all()
        .await
        .map_err(|e| WebError::Refused(format!("Procore: {e}")))?;
    Ok(Some((companies, memory)))
}

/// The Procore Company list.
pub async fn company_form(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    viewer.require(&Right::Configure)?;
    crate::pages::company(&app, &code).await?;
    let tr = viewer.tr;
    let Some((companies, _)) = signed_in_companies(&app, &code, &viewer.user().username).await?
    else {
        return Ok(refused_to(&code, NOT_SIGNED_IN));
    };
    let content = html! {
        @if companies.is_empty() { p.flash.error { "This Procore user sees no company: the app must be installed in the company's App Management." } }
        form.stack method="post" action={"/c/" (code) "/auth/company"} {
            input type="hidden" name="csrf" value=(viewer.csrf());
            fieldset {
                legend { (tr.t("procore_company")) }
                @for (n, c) in companies.iter().enumerate() {
                    label.check { input type="radio" name="procore_company" value=(c.id) checked[n == 0] required; " " (c.name.as_deref().unwrap_or("")) " (" (c.id) ")" }
                }
            }
            button type="submit" { (tr.t("choose")) }
        }
    };
    Ok(crate::pages::layout(
        &viewer,
        Some(&code),
        "auth",
        tr.t("procore_company"),
        content,
    ))
}

#[derive(Deserialize)]
pub struct CompanyForm {
    procore_company: u64,
}

/// Pairs the maestro* company with the chosen Procore company; the tokens move to the pairing.
pub async fn choose_company(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<CompanyForm>,
) -> Result<Response, WebError> {
    posted.viewer.require(&Right::Configure)?;
    let company = crate::pages::company(&app, &code).await?;
    let Some((companies, memory)) =
        signed_in_companies(&app, &code, &posted.viewer.user().username).await?
    else {
        return Ok(refused_to(&code, NOT_SIGNED_IN));
    };
    let chosen = posted.form.procore_company;
    if !companies.iter().any(|c| c.id == chosen) {
        return Ok(refused_to(
            &code,
            &format!("Procore company {chosen} is not among the companies this user sees"),
        ));
    }
    let connection = runner::connection::connection(app.state(), &code)
        .await?
        .ok_or(WebError::NotFound)?;
    let environment = runner::connection::environment(app.state(), &connection).await?;
    if let Err(why) = crate::pages::check_environment(&company, &environment) {
        return Ok(refused_to(&code, &why));
    }
    let pairing = match app
        .state()
        .pair(&NewPairing::new(&code, &environment, chosen))
        .await
    {
        Ok(p) => p,
        Err(e @ (StateError::PairingConflict { .. } | StateError::EnvironmentMismatch { .. })) => {
            return Ok(refused_to(&code, &e.to_string()))
        }
        Err(e) => return Err(e.into()),
    };
    // The pair as it is now: listing the companies may have refreshed it, and Procore's
    // refresh tokens are single use.
    let pair = memory
        .load()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .ok_or_else(|| WebError::Internal("the sign-in's tokens are gone".into()))?;
    StateTokenStore::for_pairing(app.state().clone(), app.cipher().clone(), pairing.id)
        .save(&pair)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    app.state()
        .delete_secret(&pending_secret(&code, &posted.viewer.user().username))
        .await?;
    app.audit_by(&posted.viewer, Some(&code),
            "pairing.created",
            &serde_json::json!({"procore_company": chosen, "api_url": environment.api_url().as_str(), "kind": environment.kind().to_string()})).await?;
    Ok(Redirect::to(&format!("/c/{code}/auth?saved=1")).into_response())
}

/// Revokes the pairing's tokens at Procore and forgets them; the pairing and its links stay, so
/// connecting again (same Procore company) goes on where it was.
pub async fn disconnect(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    posted.viewer.require(&Right::Configure)?;
    crate::pages::company(&app, &code).await?;
    let Some(pairing) = app.state().active_pairing(&code).await? else {
        return Ok(Redirect::to(&format!("/c/{code}/auth")).into_response());
    };
    let store = StateTokenStore::for_pairing(app.state().clone(), app.cipher().clone(), pairing.id);
    if let Some(pair) = store
        .load()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
    {
        if let Ok((oauth, _)) = oauth(&app, &code).await {
            // A revocation Procore cannot take now still leaves the tokens forgotten here.
            if let Err(e) = oauth.revoke(&pair.access_token).await {
                tracing::warn!(company = code, "revoking the access token: {e}");
            }
            if let Some(refresh) = &pair.refresh_token {
                if let Err(e) = oauth.revoke(refresh).await {
                    tracing::warn!(company = code, "revoking the refresh token: {e}");
                }
            }
        }
    }
    app.state().delete_secret(store.secret_name()).await?;
    app.audit_by(
        &posted.viewer,
        Some(&code),
        "procore.disconnected",
        &serde_json::json!({"procore_company": pairing.procore_company_id}),
    )
    .await?;
    Ok(Redirect::to(&format!("/c/{code}/auth?saved=1")).into_response())
}

/// What the Authentication tab shows of the connection: the Procore user and token expiry.
pub async fn status(
    app: &AppState,
    code: &str,
) -> Result<Option<(Option<String>, DateTime<Utc>)>, WebError> {
    let Some(pairing) = app.state().active_pairing(code).await? else {
        return Ok(None);
    };
    let store = StateTokenStore::for_pairing(app.state().clone(), app.cipher().clone(), pairing.id);
    let Some(pair) = store
        .load()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
    else {
        return Ok(None);
    };
    let user =
        match runner::connection::client_for(app.state(), app.cipher().clone(), code, &pairing)
            .await?
        {
            Ok(client) => client.me().await.ok().and_then(|me| me.login.or(me.name)),
            Err(_) => None,
        };
    // The client may have refreshed the pair while asking.
    let expires = store
        .load()
        .await
        .ok()
        .flatten()
        .map_or(pair.expires_at, |p| p.expires_at);
    Ok(Some((user, expires)))
}
