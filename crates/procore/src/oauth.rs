//! OAuth 2.0 against the Procore login host (facts §2): authorization code, refresh with
//! single-use rotating refresh tokens, client credentials, revoke, token info.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::environment::Environment;
use crate::error::{parse_error_body, ErrorKind, ProcoreError};
use crate::metrics::Metrics;
use crate::secret::Secret;

/// The OAuth application's credentials.
#[derive(Debug, Clone)]
pub struct AppCredentials {
    /// Public client id.
    pub client_id: String,
    /// Client secret; never logged.
    pub client_secret: Secret,
}

/// An access token and, for user grants, the refresh token that replaces it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenPair {
    /// Bearer token for API calls.
    pub access_token: Secret,
    /// Single-use refresh token (absent for client credentials).
    pub refresh_token: Option<Secret>,
    /// When the access token stops working.
    pub expires_at: DateTime<Utc>,
    /// When Procore issued the token.
    pub created_at: DateTime<Utc>,
}

impl TokenPair {
    /// Whether the access token is still usable for at least `skew` from `now`.
    pub fn is_fresh(&self, now: DateTime<Utc>, skew: Duration) -> bool {
        let skew = chrono::Duration::from_std(skew).unwrap_or(chrono::Duration::zero());
        now + skew < self.expires_at
    }
}

/// What `GET /oauth/token/info` says about a token.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TokenInfo {
    /// The user (or service account) the token acts for.
    #[serde(default)]
    pub resource_owner_id: Option<u64>,
    /// Granted scopes.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Seconds left before expiry.
    #[serde(default)]
    pub expires_in_seconds: Option<i64>,
    /// The application the token was issued to.
    #[serde(default)]
    pub application: Option<TokenApplication>,
    /// Issue time, unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// The `application` object of [`TokenInfo`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TokenApplication {
    /// The application's client id.
    #[serde(default)]
    pub uid: Option<String>,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: Secret,
    #[serde(default)]
    refresh_token: Option<Secret>,
    #[serde(default)]
    expires_in: Option<i64>,
    #[serde(default)]
    created_at: Option<i64>,
}

/// Procore's documented access-token lifetime, used when a token answer omits `expires_in`.
const DEFAULT_LIFETIME_SECS: i64 = 5400;

impl TokenResponse {
    fn into_pair(self, now: DateTime<Utc>) -> TokenPair {
        let created_at = self
            .created_at
            .and_then(|s| Utc.timestamp_opt(s, 0).single())
            .unwrap_or(now);
        let lifetime = self.expires_in.unwrap_or(DEFAULT_LIFETIME_SECS);
        TokenPair {
            access_token: self.access_token,
            refresh_token: self.refresh_token.filter(|t| !t.expose().is_empty()),
            expires_at: created_at + chrono::Duration::seconds(lifetime),
            created_at,
        }
    }
}

/// Client for the OAuth endpoints of one environment.
#[derive(Debug, Clone)]
pub struct OAuthClient {
    http: reqwest::Client,
    login_url: Url,
    credentials: AppCredentials,
    metrics: Arc<Metrics>,
}

const TOKEN_POST: &str = "OauthTokenPost";
/// Retries of an OAuth call whose connection could not be opened.
const CONNECT_RETRIES: u32 = 2;
const REVOKE_POST: &str = "OauthRevokePost";
const TOKEN_INFO_GET: &str = "OauthTokenInfoGet";

impl OAuthClient {
    /// An OAuth client with its own HTTP connection pool.
    pub fn new(
        environment: &Environment,
        credentials: AppCredentials,
    ) -> Result<Self, ProcoreError> {
        let http = reqwest::Client::builder()
            .user_agent(crate::client::USER_AGENT)
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| {
                ProcoreError::new(ErrorKind::Fatal, "cannot build HTTP client").with_source(e)
            })?;
        Ok(Self::with_http(
            http,
            environment.login_url(),
            credentials,
            Arc::default(),
        ))
    }

    pub(crate) fn with_http(
        http: reqwest::Client,
        login_url: Url,
        credentials: AppCredentials,
        metrics: Arc<Metrics>,
    ) -> Self {
        OAuthClient {
            http,
            login_url,
            credentials,
            metrics,
        }
    }

    fn url(&self, path: &str) -> Url {
        let mut url = self.login_url.clone();
        let base = url.path().trim_end_matches('/').to_owned();
        url.set_path(&format!("{base}{path}"));
        url
    }

    /// The page to send the user to: `GET /oauth/authorize?response_type=code&client_id&redirect_uri&state`.
    pub fn authorize_url(&self, redirect_uri: &str, state: &str) -> Url {
        let mut url = self.url("/oauth/authorize");
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.credentials.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("state", state);
        url
    }

    /// Exchanges a single-use authorization code (valid 10 minutes) for a token pair.
    pub async fn exchange_code(
        &self,
        code: &str,
        redirect_uri: &str,
    ) -> Result<TokenPair, ProcoreError> {
        self.token_post(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
        ])
        .await
    }

    /// Trades a refresh token for a new pair. The refresh token is consumed by Procore even when
    /// the answer is lost, so this is never re-sent after the request left; the caller must save
    /// the returned pair before using it.
    pub async fn refresh(&self, refresh_token: &Secret) -> Result<TokenPair, ProcoreError> {
        self.token_post(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ])
        .await
    }

    /// Fetches a token for the app's service account (no refresh token).
    pub async fn client_credentials(&self) -> Result<TokenPair, ProcoreError> {
        self.token_post(&[("grant_type", "client_credentials")])
            .await
    }

    /// Revokes a token and its refresh token. Procore answers 200 even for unknown tokens.
    pub async fn revoke(&self, token: &Secret) -> Result<(), ProcoreError> {
        let form = [
            ("token", token.expose()),
            ("client_id", self.credentials.client_id.as_str()),
            ("client_secret", self.credentials.client_secret.expose()),
        ];
        let path = "/oauth/revoke";
        let request = self.http.post(self.url(path)).form(&form);
        self.execute(REVOKE_POST, "POST", path, request)
            .await
            .map(|_| ())
    }

    /// Describes a token: owner, scopes, remaining lifetime.
    pub async fn token_info(&self, token: &Secret) -> Result<TokenInfo, ProcoreError> {
        let path = "/oauth/token/info";
        let request = self
            .http
            .get(self.url(path))
            .bearer_auth(token.expose())
            .header("Accept", "application/json");
        let body = self.execute(TOKEN_INFO_GET, "GET", path, request).await?;
        serde_json::from_slice(&body).map_err(|e| {
            ProcoreError::new(ErrorKind::Fatal, format!("unreadable token info: {e}")).with_request(
                TOKEN_INFO_GET,
                "GET",
                path,
            )
        })
    }

    async fn token_post(&self, grant: &[(&str, &str)]) -> Result<TokenPair, ProcoreError> {
        // Only fields the OauthTokenPost schema defines.
        let mut form: Vec<(&str, &str)> = vec![
            ("client_id", self.credentials.client_id.as_str()),
            ("client_secret", self.credentials.client_secret.expose()),
        ];
        form.extend_from_slice(grant);
        let path = "/oauth/token";
        let request = self
            .http
            .post(self.url(path))
            .form(&form)
            .header("Accept", "application/json");
        let now = Utc::now();
        let body = self.execute(TOKEN_POST, "POST", path, request).await?;
        let response: TokenResponse = serde_json::from_slice(&body).map_err(|e| {
            ProcoreError::new(ErrorKind::Fatal, format!("unreadable token answer: {e}"))
                .with_request(TOKEN_POST, "POST", path)
        })?;
        Ok(response.into_pair(now))
    }

    async fn execute(
        &self,
        operation: &'static str,
        method: &'static str,
        path: &str,
        request: reqwest::RequestBuilder,
    ) -> Result<bytes::Bytes, ProcoreError> {
        // A connect failure means the request never left, so even a single-use refresh token
        // is still valid: those (and only those) are retried.
        let mut attempt = 0u32;
        let sent = loop {
            self.metrics.record_call(operation);
            tracing::debug!(operation, attempt, "oauth request");
            let Some(this_try) = request.try_clone() else {
                break request.send().await;
            };
            match this_try.send().await {
                Err(e) if e.is_connect() && attempt < CONNECT_RETRIES => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(250) * attempt).await;
                }
                other => break other,
            }
        };
        let response = sent.map_err(|e| {
            // A token POST whose answer is lost may still have consumed the code or refresh token.
            let unknown = !e.is_connect() && method == "POST";
            ProcoreError::new(ErrorKind::Transient, crate::client::transport_message(&e))
                .with_outcome_unknown(unknown)
                .with_request(operation, method, path)
                .with_source(e)
        })?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.bytes().await.map_err(|e| {
            ProcoreError::new(ErrorKind::Transient, crate::client::transport_message(&e))
                .with_outcome_unknown(method == "POST")
                .with_request(operation, method, path)
        })?;
        if (200..300).contains(&status) {
            return Ok(body);
        }
        let parsed = parse_error_body(content_type.as_deref(), &body);
        let mut err = ProcoreError::from_response(status, content_type.as_deref(), &body)
            .with_request(operation, method, path);
        // A refused grant on the token endpoint means the stored authorization is gone.
        if operation == TOKEN_POST
            && (matches!(parsed.oauth_error.as_deref(), Some("invalid_grant"))
                || (status == 401 && parsed.oauth_error.as_deref() != Some("invalid_client")))
        {
            err = err.with_kind(ErrorKind::AuthRevoked);
        }
        if operation == TOKEN_POST && parsed.oauth_error.as_deref() == Some("invalid_client") {
            err = err.with_kind(ErrorKind::Fatal);
        }
        Err(err)
    }
}

/// Generates an unguessable `state` for the authorize redirect (CSRF protection).
pub fn generate_state() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Checks the `state` echoed back on the redirect against the one sent, in constant time so the
/// comparison does not leak how many leading characters matched.
pub fn verify_state(expected: &str, received: &str) -> bool {
    let (a, b) = (expected.as_bytes(), received.as_bytes());
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> OAuthClient {
        OAuthClient::new(
            &Environment::DeveloperSandbox,
            AppCredentials {
                client_id: "abc".into(),
                client_secret: Secret::new("s3cret"),
            },
        )
        .unwrap()
    }

    #[test]
    fn authorize_url_carries_code_flow_parameters() {
        let url = client().authorize_url("urn:ietf:wg:oauth:2.0:oob", "xyz");
        assert_eq!(url.host_str(), Some("login-sandbox.procore.com"));
        assert_eq!(url.path(), "/oauth/authorize");
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert!(pairs.contains(&("response_type".into(), "code".into())));
        assert!(pairs.contains(&("client_id".into(), "abc".into())));
        assert!(pairs.contains(&("redirect_uri".into(), "urn:ietf:wg:oauth:2.0:oob".into())));
        assert!(pairs.contains(&("state".into(), "xyz".into())));
    }

    #[test]
    fn state_round_trip() {
        let s = generate_state();
        assert!(s.len() >= 43);
        assert!(verify_state(&s, &s));
        assert!(!verify_state(&s, "other"));
        assert!(!verify_state("", ""));
        assert_ne!(generate_state(), s);
    }

    #[test]
    fn token_answer_becomes_a_pair() {
        let now = Utc::now();
        let r: TokenResponse = serde_json::from_str(
            r#"{"access_token":"a","token_type":"bearer","expires_in":5400,"refresh_token":"r","created_at":1700000000}"#,
        )
        .unwrap();
        let pair = r.into_pair(now);
        assert_eq!(pair.created_at.timestamp(), 1_700_000_000);
        assert_eq!(pair.expires_at.timestamp(), 1_700_005_400);
        assert_eq!(pair.refresh_token.as_ref().map(Secret::expose), Some("r"));
        let r: TokenResponse = serde_json::from_str(r#"{"access_token":"a"}"#).unwrap();
        let pair = r.into_pair(now);
        assert_eq!(pair.created_at, now);
        assert!(pair.refresh_token.is_none());
        assert!(pair.is_fresh(now, Duration::from_secs(300)));
        assert!(!pair.is_fresh(now, Duration::from_secs(6000)));
    }

    #[test]
    fn debug_does_not_leak() {
        let c = client();
        assert!(!format!("{c:?}").contains("s3cret"));
    }
}
