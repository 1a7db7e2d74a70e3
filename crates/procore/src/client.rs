//! The API client: one `send` through which every call goes (auth, company header, rate gate,
//! retries, metrics, error decoding).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use chrono::Utc;
use http::{HeaderMap, Method};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tokio::sync::watch;
use url::Url;

use crate::auth::{AuthMode, TokenManager};
use crate::environment::Environment;
use crate::error::{parse_error_body, ErrorKind, ProcoreError};
use crate::metrics::Metrics;
use crate::oauth::{AppCredentials, OAuthClient};
use crate::query::Query;
use crate::rate_gate::{retry_after, GateStatus, RateGate, RateInfo};
use crate::retry::RetryPolicy;
use crate::token_store::TokenStore;

/// `User-Agent` of every request.
pub(crate) const USER_AGENT: &str = concat!("mpsync/", env!("CARGO_PKG_VERSION"));

/// Procore's documented ceiling of items per sync call.
pub const MAX_SYNC_BATCH: usize = 1000;

/// One Procore operation: its operationId (as in Procore's OpenAPI description), method and
/// path template.
#[derive(Debug, Clone)]
pub struct Op {
    /// The operationId, e.g. `RestV10VendorsSyncPatch`; used in logs, metrics and errors.
    pub id: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template with `{name}` placeholders.
    pub path: &'static str,
}

impl Op {
    /// The path with placeholders replaced by `args`, in order.
    pub fn fill(&self, args: &[u64]) -> String {
        let mut out = String::with_capacity(self.path.len() + 16);
        let mut args = args.iter();
        let mut rest = self.path;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find('}')
                .map_or(rest.len(), |e| start + e + 1);
            match args.next() {
                Some(v) => out.push_str(&v.to_string()),
                None => out.push_str(&rest[start..end]),
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    pub(crate) fn method_str(&self) -> &'static str {
        match self.method {
            Method::GET => "GET",
            Method::POST => "POST",
            Method::PATCH => "PATCH",
            Method::PUT => "PUT",
            Method::DELETE => "DELETE",
            _ => "OTHER",
        }
    }

    /// User tokens may call these two without `Procore-Company-Id` (facts §1.3).
    fn company_header_optional(&self) -> bool {
        matches!(self.path, "/rest/v1.0/me" | "/rest/v1.0/companies")
    }
}

/// Whether a request may be sent again after its answer was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resend {
    /// Idempotent: reads, updates by id, syncs whose items all carry an id or origin_id.
    Safe,
    /// A create: re-sending could duplicate the record.
    Never,
}

/// One request, before sending.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub op: &'static Op,
    pub path: String,
    pub query: Query,
    pub body: Option<Vec<u8>>,
    pub resend: Resend,
    /// An absolute URL to use instead of path + query (a `Link: rel="next"` target).
    pub url: Option<Url>,
}

impl Call {
    pub fn new(op: &'static Op, args: &[u64]) -> Self {
        let resend = if op.method == Method::POST {
            Resend::Never
        } else {
            Resend::Safe
        };
        Call {
            op,
            path: op.fill(args),
            query: Query::new(),
            body: None,
            resend,
            url: None,
        }
    }

    pub fn query(mut self, query: Query) -> Self {
        self.query = query;
        self
    }

    pub fn json(mut self, body: &impl Serialize) -> Result<Self, ProcoreError> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            ProcoreError::new(ErrorKind::Fatal, format!("cannot encode request body: {e}"))
                .with_request(self.op.id, self.op.method_str(), &self.path)
        })?;
        self.body = Some(bytes);
        Ok(self)
    }

    pub fn resend(mut self, resend: Resend) -> Self {
        self.resend = resend;
        self
    }
}

/// A successful answer.
#[derive(Debug)]
pub(crate) struct Answer {
    pub headers: HeaderMap,
    pub body: Bytes,
}

#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub retry: RetryPolicy,
    pub sync_batch_size: usize,
    pub per_page: u32,
    /// Consecutive 429s tolerated for one request before giving up.
    pub max_rate_limited_waits: u32,
}

struct Shared {
    http: reqwest::Client,
    environment: Environment,
    api_url: Url,
    auth: TokenManager,
    oauth: OAuthClient,
    gate: Arc<RateGate>,
    metrics: Arc<Metrics>,
    config: Config,
    /// How far Procore's clock is ahead of ours, in milliseconds, from the last `Date` header
    /// (0 within the header's precision).
    procore_skew_ms: std::sync::atomic::AtomicI64,
}

/// A Procore API client. Cheap to clone; clones share tokens, rate gate and counters.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
    company_id: Option<u64>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("environment", &self.shared.environment)
            .field("company_id", &self.company_id)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`].
pub struct ClientBuilder {
    environment: Environment,
    credentials: AppCredentials,
    mode: Option<AuthMode>,
    company_id: Option<u64>,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    refresh_skew: Duration,
    sync_batch_size: usize,
    per_page: u32,
    http: Option<reqwest::Client>,
    call_times: bool,
}

impl ClientBuilder {
    /// Authenticate as a user whose tokens live in `store` (authorization-code grant).
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.mode = Some(AuthMode::User(store));
        self
    }

    /// Authenticate as the app's service account (client-credentials grant).
    pub fn client_credentials(mut self) -> Self {
        self.mode = Some(AuthMode::ClientCredentials);
        self
    }

    /// The company sent as `Procore-Company-Id` and used by company-scoped resources.
    pub fn company_id(mut self, company_id: u64) -> Self {
        self.company_id = Some(company_id);
        self
    }

    /// Whole-request timeout (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connection timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Retries of a transient failure (default 4; 429s do not count).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// Backoff base and cap (defaults 500 ms and 30 s).
    pub fn backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.retry.base_delay = base;
        self.retry.max_delay = cap;
        self
    }

    /// How long before expiry an access token is refreshed (default 5 minutes).
    pub fn refresh_skew(mut self, skew: Duration) -> Self {
        self.refresh_skew = skew;
        self
    }

    /// Items per sync call (default and maximum 1000).
    pub fn sync_batch_size(mut self, size: usize) -> Self {
        self.sync_batch_size = size;
        self
    }

    /// Default `per_page` of list calls (default 1000; lowered to an endpoint's documented max).
    pub fn per_page(mut self, per_page: u32) -> Self {
        self.per_page = per_page;
        self
    }

    /// Keeps the instant each request goes out (see [`Client::call_times`]): for measuring
    /// pacing; off by default.
    pub fn record_call_times(mut self, record: bool) -> Self {
        self.call_times = record;
        self
    }

    /// Uses a preconfigured HTTP client (its timeouts then apply instead of this builder's).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, ProcoreError> {
        let mode = self.mode.ok_or_else(|| {
            ProcoreError::new(
                ErrorKind::Fatal,
                "no authentication configured: call token_store() or client_credentials()",
            )
        })?;
        if self.sync_batch_size == 0 || self.sync_batch_size > MAX_SYNC_BATCH {
            return Err(ProcoreError::new(
                ErrorKind::Fatal,
                format!(
                    "sync batch size must be between 1 and {MAX_SYNC_BATCH}, not {}",
                    self.sync_batch_size
                ),
            ));
        }
        if self.per_page == 0 {
            return Err(ProcoreError::new(
                ErrorKind::Fatal,
                "per_page must be at least 1",
            ));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .user_agent(USER_AGENT)
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(|e| {
                    ProcoreError::new(ErrorKind::Fatal, "cannot build HTTP client").with_source(e)
                })?,
        };
        let metrics = Arc::new(if self.call_times {
            Metrics::with_call_times()
        } else {
            Metrics::default()
        });
        let oauth = OAuthClient::with_http(
            http.clone(),
            self.environment.login_url(),
            self.credentials,
            Arc::clone(&metrics),
        );
        let auth = TokenManager::new(oauth.clone(), mode, self.refresh_skew);
        Ok(Client {
            shared: Arc::new(Shared {
                http,
                api_url: self.environment.api_url(),
                environment: self.environment,
                auth,
                oauth,
                gate: RateGate::new(),
                metrics,
                procore_skew_ms: std::sync::atomic::AtomicI64::new(0),
                config: Config {
                    retry: self.retry,
                    sync_batch_size: self.sync_batch_size,
                    per_page: self.per_page,
                    max_rate_limited_waits: 50,
                },
            }),
            company_id: self.company_id,
        })
    }
}

impl Client {
    /// Starts building a client for `environment` with the app's `credentials`.
    pub fn builder(environment: Environment, credentials: AppCredentials) -> ClientBuilder {
        ClientBuilder {
            environment,
            credentials,
            mode: None,
            company_id: None,
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            refresh_skew: Duration::from_secs(300),
            sync_batch_size: MAX_SYNC_BATCH,
            per_page: 1000,
            http: None,
            call_times: false,
        }
    }

    /// The same connection acting in another company (same tokens, same rate gate).
    pub fn with_company(&self, company_id: u64) -> Client {
        Client {
            shared: Arc::clone(&self.shared),
            company_id: Some(company_id),
        }
    }

    /// The company this client acts in.
    pub fn company_id(&self) -> Option<u64> {
        self.company_id
    }

    /// The environment this client talks to.
    pub fn environment(&self) -> &Environment {
        &self.shared.environment
    }

    /// The OAuth endpoints of the same environment and app (revoke, token info).
    pub fn oauth(&self) -> &OAuthClient {
        &self.shared.oauth
    }

    /// How far Procore's clock is ahead of ours (behind when negative), as its last answer
    /// told; zero until an answer came, and within a couple of seconds. Times compared with
    /// Procore's `updated_at` (cursors) are taken on Procore's clock with it.
    pub fn procore_clock_skew(&self) -> chrono::Duration {
        chrono::Duration::milliseconds(
            self.shared
                .procore_skew_ms
                .load(std::sync::atomic::Ordering::Relaxed),
        )
    }

    /// Whether requests go out now or wait for the rate limit to reset.
    pub fn gate_status(&self) -> GateStatus {
        self.shared.gate.status()
    }

    /// Changes of [`gate_status`](Self::gate_status), for a UI showing *pending*.
    pub fn gate_watch(&self) -> watch::Receiver<GateStatus> {
        self.shared.gate.subscribe()
    }

    /// Requests sent per operationId (including retries and OAuth calls).
    pub fn call_counts(&self) -> BTreeMap<&'static str, u64> {
        self.shared.metrics.call_counts()
    }

    /// The instants requests went out (OAuth calls included), in order, when the client was
    /// built with [`ClientBuilder::record_call_times`]; empty otherwise.
    pub fn call_times(&self) -> Vec<std::time::Instant> {
        self.shared.metrics.call_times()
    }

    /// 429 answers received.
    pub fn rate_limited_count(&self) -> u64 {
        self.shared.metrics.rate_limited()
    }

    pub(crate) fn config(&self) -> &Config {
        &self.shared.config
    }

    /// The company id, or an error naming the operation that needs it.
    pub(crate) fn require_company(&self, op: &'static Op) -> Result<u64, ProcoreError> {
        self.company_id.ok_or_else(|| {
            ProcoreError::new(
                ErrorKind::Fatal,
                "no company selected: build the client with company_id() or use with_company()",
            )
            .with_request(op.id, op.method_str(), op.path)
        })
    }

    pub(crate) fn is_api_url(&self, url: &Url) -> bool {
        url.scheme() == self.shared.api_url.scheme()
            && url.host_str() == self.shared.api_url.host_str()
            && url.port_or_known_default() == self.shared.api_url.port_or_known_default()
    }

    fn url_for(&self, call: &Call) -> Url {
        if let Some(url) = &call.url {
            return url.clone();
        }
        let mut url = self.shared.api_url.clone();
        let base = url.path().trim_end_matches('/').to_owned();
        url.set_path(&format!("{base}{}", call.path));
        if !call.query.pairs().is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in call.query.pairs() {
                pairs.append_pair(k, v);
            }
        }
        url
    }

    /// Sends a call: gate, auth, retries, error decoding. Success is any 2xx.
    pub(crate) async fn send(&self, call: &Call) -> Result<Answer, ProcoreError> {
        let op = call.op;
        let method = op.method_str();
        let ctx = |e: ProcoreError| e.with_request(op.id, method, &call.path);
        let company_header =
            if self.shared.auth.is_client_credentials() || !op.company_header_optional() {
                Some(self.require_company(op)?)
            } else {
                self.company_id
            };
        let policy = self.shared.config.retry;
        let mut attempt: u32 = 0;
        let mut rate_limited_waits: u32 = 0;
        let mut reauthorized = false;
        // Set once a request that may have been applied is sent again.
        let mut resent_unknown = false;
        loop {
            let token = self.shared.auth.token().await.map_err(ctx)?;
            let permit = self.shared.gate.acquire().await;
            self.shared.metrics.record_call(op.id);
            let mut request = self
                .shared
                .http
                .request(op.method.clone(), self.url_for(call))
                .bearer_auth(token.secret.expose())
                .header(http::header::ACCEPT, "application/json");
            if let Some(company) = company_header {
                request = request.header("Procore-Company-Id", company.to_string());
            }
            if let Some(body) = &call.body {
                request = request
                    .header(http::header::CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            tracing::debug!(operation = op.id, %method, path = %call.path, attempt, "procore request");
            let sent = request.send().await;
            let response = match sent {
                Ok(response) => response,
                Err(e) => {
                    drop(permit);
                    // A connect failure means nothing left this machine; anything later may
                    // have reached Procore.
                    let maybe_applied = !e.is_connect() && op.method != Method::GET;
                    let resendable = !maybe_applied || call.resend == Resend::Safe;
                    if resendable && attempt < policy.max_retries {
                        let delay = policy.delay(attempt);
                        tracing::warn!(operation = op.id, error = %transport_message(&e), ?delay, "transport error; retrying");
                        attempt += 1;
                        resent_unknown |= maybe_applied;
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    return Err(ctx(ProcoreError::new(
                        ErrorKind::Transient,
                        transport_message(&e),
                    )
                    .with_outcome_unknown(maybe_applied)
                    .with_source(e)));
                }
            };
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            if headers.contains_key(http::header::DATE) {
                let skew = crate::rate_gate::clock_skew(&headers, Utc::now()).unwrap_or_default();
                self.shared.procore_skew_ms.store(
                    skew.num_milliseconds(),
                    std::sync::atomic::Ordering::Relaxed,
                );
            }
            permit.finish(&headers);
            let body = match response.bytes().await {
                Ok(body) => body,
                Err(e) => {
                    let maybe_applied = op.method != Method::GET;
                    if call.resend == Resend::Safe && attempt < policy.max_retries {
                        attempt += 1;
                        resent_unknown |= maybe_applied;
                        tokio::time::sleep(policy.delay(attempt)).await;
                        continue;
                    }
                    return Err(ctx(ProcoreError::new(
                        ErrorKind::Transient,
                        transport_message(&e),
                    )
                    .with_outcome_unknown(maybe_applied)
                    .with_source(e)));
                }
            };
            if (200..300).contains(&status) {
                return Ok(Answer { headers, body });
            }
            if status == 404 && op.method == Method::DELETE && resent_unknown {
                // The first attempt deleted it; its answer was lost.
                return Ok(Answer {
                    headers,
                    body: Bytes::new(),
                });
            }
            let content_type = headers
                .get(http::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok());
            let now = Utc::now();
            match status {
                429 => {
                    self.shared.metrics.record_rate_limited();
                    let reset = RateInfo::from_headers(&headers).and_then(|i| i.reset);
                    let until = [reset, retry_after(&headers, now)]
                        .into_iter()
                        .flatten()
                        .max()
                        .unwrap_or_else(|| {
                            now + chrono::Duration::from_std(policy.ceiling(rate_limited_waits))
                                .unwrap_or_default()
                        });
                    self.shared.gate.pause(until);
                    rate_limited_waits += 1;
                    // A 429 is refused before any processing, so every call may be re-sent,
                    // and it does not count as a failed attempt.
                    if rate_limited_waits <= self.shared.config.max_rate_limited_waits {
                        continue;
                    }
                    return Err(ctx(ProcoreError::from_response(
                        status,
                        content_type,
                        &body,
                    )
                    .with_retry_at(Some(until))));
                }
                401 if !reauthorized => {
                    let parsed = parse_error_body(content_type, &body);
                    if !parsed.revoked {
                        tracing::info!(operation = op.id, "access token refused; refreshing once");
                        self.shared.auth.reject(&token);
                        reauthorized = true;
                        continue;
                    }
                }
                500 | 502 | 503 | 504 | 408 => {
                    let wait_until = retry_after(&headers, now);
                    if status == 503 {
                        if let Some(until) = wait_until {
                            self.shared.gate.pause(until);
                        }
                    }
                    // 503 is Procore's load shedding before work starts; the others may come
                    // after the write was applied.
                    let maybe_applied = op.method != Method::GET && status != 503;
                    let resendable = !maybe_applied || call.resend == Resend::Safe;
                    if resendable && attempt < policy.max_retries {
                        let jitter = policy.delay(attempt);
                        let hinted = wait_until
                            .and_then(|u| (u - now).to_std().ok())
                            .unwrap_or_default();
                        let delay = jitter.max(hinted);
                        tracing::warn!(
                            operation = op.id,
                            status,
                            ?delay,
                            "transient answer; retrying"
                        );
                        attempt += 1;
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    return Err(ctx(ProcoreError::from_response(
                        status,
                        content_type,
                        &body,
                    )
                    .with_retry_at(wait_until)
                    .with_outcome_unknown(maybe_applied)));
                }
                _ => {}
            }
            let mut err = ProcoreError::from_response(status, content_type, &body);
            if status == 401 && reauthorized {
                // Refused again with a brand-new token: the grant no longer works.
                err = err.with_kind(ErrorKind::AuthRevoked);
            }
            return Err(ctx(err));
        }
    }

    /// Sends and decodes a JSON answer.
    pub(crate) async fn fetch<T: DeserializeOwned>(&self, call: &Call) -> Result<T, ProcoreError> {
        let answer = self.send(call).await?;
        decode(call, &answer.body)
    }

    /// Sends and ignores the answer body (deletes).
    pub(crate) async fn execute(&self, call: &Call) -> Result<(), ProcoreError> {
        self.send(call).await.map(|_| ())
    }
}

/// Decodes a JSON body, naming the operation when it does not match the expected shape.
pub(crate) fn decode<T: DeserializeOwned>(call: &Call, body: &[u8]) -> Result<T, ProcoreError> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    read_json(body).map_err(|e| {
        // For a write this means it was applied but its echo is unreadable: not retried.
        ProcoreError::new(ErrorKind::Fatal, format!("unexpected answer: {e}")).with_request(
            call.op.id,
            call.op.method_str(),
            &call.path,
        )
    })
}

/// Why a JSON text could not be read as the expected shape: the field's path (`vendor.id`,
/// `line_items[2].amount`), empty when the text itself is broken, and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadError {
    pub field: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

/// Reads JSON, naming the field at fault. Reasons are cut short: they may quote a value, and a
/// hostile answer can hold megabytes in one string.
pub(crate) fn read_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ReadError> {
    // Most answers read cleanly: tracking the path of every field costs about as much as the
    // reading itself, so the path is only worked out, by reading again, for an answer that
    // does not.
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        ReadError {
            field: (path != "." && !path.is_empty()).then_some(path),
            reason: reason(&e.into_inner()),
        }
    })?;
    de.end().map_err(|e| ReadError {
        field: None,
        reason: reason(&e),
    })?;
    Ok(value)
}

/// A JSON error in words, cut short. The position is dropped when the field is named: within a
/// page it counts from the record, not the answer, and would only mislead.
fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) if e.line() > 0 && e.is_data() => &text[..at],
        _ => &text[..],
    };
    crate::error::shorten(text)
}

/// A transport error in words, without URLs (they may carry query values).
pub(crate) fn transport_message(e: &reqwest::Error) -> String {
    if e.is_connect() {
        "connection failed".to_owned()
    } else if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_body() || e.is_decode() {
        "connection lost while reading the answer".to_owned()
    } else {
        "connection reset".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OP: Op = Op {
        id: "X",
        method: Method::GET,
        path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}",
    };

    #[test]
    fn fills_path_templates_in_order() {
        assert_eq!(
            OP.fill(&[7, 42]),
            "/rest/v1.0/work_order_contracts/7/line_items/42"
        );
        assert_eq!(
            OP.fill(&[7]),
            "/rest/v1.0/work_order_contracts/7/line_items/{id}"
        );
    }

    #[test]
    fn user_agent_names_the_product() {
        assert!(USER_AGENT.starts_with("mpsync/"));
    }

    #[test]
    fn builder_validates() {
        let creds = AppCredentials {
            client_id: "id".into(),
            client_secret: "s".into(),
        };
        let err = Client::builder(Environment::Production, creds.clone())
            .build()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Fatal);
        let err = Client::builder(Environment::Production, creds.clone())
            .client_credentials()
            .sync_batch_size(1001)
            .build()
            .unwrap_err();
        assert!(err.message().contains("1000"));
        let client = Client::builder(Environment::Production, creds)
            .client_credentials()
            .company_id(5)
            .build()
            .unwrap();
        assert_eq!(client.with_company(9).company_id(), Some(9));
        assert_eq!(client.company_id(), Some(5));
        assert_eq!(client.gate_status(), GateStatus::Open);
    }
}
