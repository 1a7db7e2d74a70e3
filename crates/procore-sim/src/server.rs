//! The two listeners (login host and API host), the accept loop that can drop a connection on
//! purpose, and the request pipeline: route → count → fault → authenticate → rate limit →
//! handle → record → persist.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body as AxumBody;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, Request, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Map, Value};
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;
use url::Url;

use crate::admin::AdminClient;
use crate::config::SimConfig;
use crate::error::{Body, Reply, SimError};
use crate::faults::FaultKind;
use crate::ratelimit::{RateDecision, RateLimiter, EXHAUSTED_BODY};
use crate::state::{Exchange, Sim};
use crate::store::Store;

/// Which of Procore's two hosts a listener imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Login,
    Api,
}

/// Shared between the listeners and the admin API.
pub struct Shared {
    pub sim: Mutex<Sim>,
    pub store: Option<Store>,
    /// Serializes store writes so they land in the order the mutations happened.
    pub persist_lock: tokio::sync::Mutex<()>,
    pub login_url: Url,
    pub api_url: Url,
}

impl Shared {
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Sim> {
        self.sim.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    /// Writes every record and setting changed since the last flush.
    pub async fn persist(&self) {
        let Some(store) = &self.store else {
            self.lock().world.dirty = Default::default();
            return;
        };
        let _guard = self.persist_lock.lock().await;
        let batch = {
            let mut sim = self.lock();
            store::snapshot_dirty(&mut sim.world)
        };
        if let Err(e) = store.write(batch).await {
            tracing::error!(error = %e, "state store write failed; the simulator state on disk is stale");
        }
    }
}

use crate::store;

/// A parsed request, whatever the host.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub host: Host,
    pub method: String,
    pub path: String,
    pub query: String,
    pub pairs: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub content_type: Option<String>,
    /// JSON body, or a form body turned into an object of strings; `Null` when empty.
    pub body: Value,
    pub body_error: bool,
}

impl Incoming {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Per-connection handle that lets a handler close its own connection without answering.
#[derive(Clone)]
struct ConnectionKill(Arc<Notify>);

pub struct SimServer {
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl SimServer {
    pub async fn start(config: SimConfig) -> Result<SimServer, SimError> {
        let login_addr = SocketAddr::new(config.bind, config.login_port);
        let api_addr = SocketAddr::new(config.bind, config.api_port);
        let login = TcpListener::bind(login_addr)
            .await
            .map_err(|source| SimError::Bind {
                addr: login_addr,
                source,
            })?;
        let api = TcpListener::bind(api_addr)
            .await
            .map_err(|source| SimError::Bind {
                addr: api_addr,
                source,
            })?;
        let url_of = |l: &TcpListener| -> Result<Url, SimError> {
            let addr = l.local_addr().map_err(|source| SimError::Bind {
                addr: api_addr,
                source,
            })?;
            Url::parse(&format!("http://{addr}/")).map_err(|e| SimError::Corrupt(e.to_string()))
        };
        let login_url = url_of(&login)?;
        let api_url = url_of(&api)?;

        let store = match &config.data {
            Some(path) => Some(Store::open(path).await?),
            None => None,
        };
        let world = match &store {
            Some(store) => match store.load().await? {
                Some(world) => world,
                None => {
                    let world = crate::seed::world(&config);
                    store.write_all(&world).await?;
                    world
                }
            },
            None => crate::seed::world(&config),
        };
        let shared = Arc::new(Shared {
            sim: Mutex::new(Sim::new(config, world)),
            store,
            persist_lock: tokio::sync::Mutex::new(()),
            login_url,
            api_url,
        });
        let (shutdown, rx) = watch::channel(false);
        let tasks = vec![
            tokio::spawn(accept_loop(login, Host::Login, shared.clone(), rx.clone())),
            tokio::spawn(accept_loop(api, Host::Api, shared.clone(), rx)),
        ];
        Ok(SimServer {
            shared,
            shutdown,
            tasks,
        })
    }

    pub fn login_url(&self) -> &Url {
        &self.shared.login_url
    }

    pub fn api_url(&self) -> &Url {
        &self.shared.api_url
    }

    pub fn admin(&self) -> AdminClient {
        AdminClient::new(self.shared.api_url.clone())
    }

    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
        self.shared.persist().await;
        if let Some(store) = &self.shared.store {
            store.close().await;
        }
    }
}

async fn accept_loop(
    listener: TcpListener,
    host: Host,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let kill = Arc::new(Notify::new());
                let shared = shared.clone();
                let mut conn_shutdown = shutdown.clone();
                let kill_for_service = kill.clone();
                let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                    let shared = shared.clone();
                    let kill = ConnectionKill(kill_for_service.clone());
                    async move { Ok::<_, Infallible>(handle(shared, host, kill, req.map(AxumBody::new)).await) }
                });
                connections.spawn(async move {
                    let conn = hyper::server::conn::http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(stream), service);
                    tokio::select! {
                        _ = conn => {}
                        _ = kill.notified() => {}
                        _ = conn_shutdown.changed() => {}
                    }
                });
            }
            _ = shutdown.changed() => break,
        }
        while connections.try_join_next().is_some() {}
    }
    connections.shutdown().await;
}

const MAX_BODY: usize = 64 * 1024 * 1024;

async fn handle(
    shared: Arc<Shared>,
    host: Host,
    kill: ConnectionKill,
    req: Request<AxumBody>,
) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .unwrap_or_default();
    let incoming = parse_incoming(host, &parts, &bytes);

    if host == Host::Api && incoming.path.starts_with("/_sim/") {
        let reply = crate::admin::handle(&shared, &incoming).await;
        return into_response(reply);
    }

    let route = match host {
        Host::Login => crate::oauth::route(&incoming),
        Host::Api => crate::contract::route(&incoming.method, &incoming.path)
            .filter(|(op, _)| op.path.starts_with("/rest/"))
            .map(|(op, params)| (Some(op.id), params)),
    };
    let Some((operation_id, params)) = route else {
        let reply = if host == Host::Api && crate::contract::path_known(&incoming.path) {
            Reply::json(
                StatusCode::METHOD_NOT_ALLOWED,
                serde_json::json!({"errors": "Method Not Allowed"}),
            )
        } else {
            Reply::not_found()
        };
        let mut sim = shared.lock();
        record(&mut sim, &incoming, None, &reply, false);
        return into_response(reply);
    };

    let (latency, fault) = {
        let mut sim = shared.lock();
        if let Some(op) = operation_id {
            *sim.request_counts.entry(op.to_owned()).or_default() += 1;
            sim.faults.draw(op)
        } else {
            (0, None)
        }
    };
    if latency > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(latency)).await;
    }
    let fault_reply = match &fault {
        Some(FaultKind::Status {
            status,
            retry_after_secs,
        }) => {
            let code = StatusCode::from_u16(*status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let mut reply = Reply::json(
                code,
                serde_json::json!({"errors": code.canonical_reason().unwrap_or("Server Error")}),
            );
            if let Some(secs) = retry_after_secs.or((*status == 503).then_some(1)) {
                reply = reply.with_header("Retry-After", secs.to_string());
            }
            Some(reply)
        }
        Some(FaultKind::RateLimitStorm { reset_after_secs }) => {
            let sim = shared.lock();
            let now = sim.clock.unix();
            let reset = now + *reset_after_secs as i64;
            let limit = sim.rate_limits.spike_limit;
            drop(sim);
            Some(rate_limited_reply(RateDecision {
                limit,
                remaining: 0,
                reset,
                exhausted: true,
                retry_after: *reset_after_secs as i64,
                now,
            }))
        }
        Some(FaultKind::MalformedBody { body, content_type }) => Some(Reply {
            status: StatusCode::OK,
            headers: vec![(
                "Content-Type".into(),
                content_type
                    .clone()
                    .unwrap_or_else(|| "application/json".to_owned()),
            )],
            body: Body::Raw(body.clone()),
        }),
        _ => None,
    };
    if let Some(reply) = fault_reply {
        let mut sim = shared.lock();
        let limited = reply.status == StatusCode::TOO_MANY_REQUESTS;
        record(&mut sim, &incoming, operation_id, &reply, limited);
        return into_response(reply);
    }
    if matches!(fault, Some(FaultKind::ConnectionReset)) {
        {
            let mut sim = shared.lock();
            let nothing =
                Reply::empty(StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST));
            record(&mut sim, &incoming, operation_id, &nothing, false);
        }
        return drop_connection(kill).await;
    }

    let mut reply = {
        let mut sim = shared.lock();
        let urls = (shared.login_url.clone(), shared.api_url.clone());
        let (reply, limited) = match host {
            Host::Login => (
                crate::oauth::handle(&mut sim, &incoming, operation_id, &urls.0),
                false,
            ),
            Host::Api => crate::auth::handle_rest(
                &mut sim,
                &incoming,
                operation_id.unwrap_or_default(),
                params,
                &urls.1,
            ),
        };
        let reply = reply.with_date(sim.clock.unix());
        record(&mut sim, &incoming, operation_id, &reply, limited);
        reply
    };
    shared.persist().await;
    if matches!(fault, Some(FaultKind::CommitThenDrop)) {
        return drop_connection(kill).await;
    }
    match fault {
        Some(FaultKind::HugePage { entries }) => {
            if let Body::JsonText(text) = &reply.body {
                reply.body = Body::Json(Body::parse_json_text(text));
            }
            if let Body::Json(value) = &mut reply.body {
                crate::faults::fill_page(value, entries);
            }
            into_response(reply)
        }
        Some(FaultKind::TruncatedBody { keep_bytes }) => {
            truncated(into_response(reply), keep_bytes).await
        }
        _ => into_response(reply),
    }
}

/// `response` with its body cut after `keep` bytes (and its length header matching the cut).
async fn truncated(response: Response, keep: usize) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .unwrap_or_default();
    let cut = bytes.slice(..keep.min(bytes.len()));
    parts.headers.remove(http::header::CONTENT_LENGTH);
    Response::from_parts(parts, AxumBody::from(cut))
}

async fn drop_connection(kill: ConnectionKill) -> Response {
    kill.0.notify_one();
    // The connection task drops this future together with the connection.
    std::future::pending::<()>().await;
    Response::new(AxumBody::empty())
}

pub fn rate_limited_reply(d: RateDecision) -> Reply {
    Reply {
        status: StatusCode::TOO_MANY_REQUESTS,
        headers: vec![("Retry-After".into(), d.retry_after.max(1).to_string())],
        body: Body::Text(EXHAUSTED_BODY.to_owned()),
    }
    .with_rate_headers(d)
}

impl Reply {
    pub fn with_rate_headers(mut self, d: RateDecision) -> Reply {
        self.headers
            .retain(|(k, _)| !k.to_ascii_lowercase().starts_with("x-rate-limit"));
        self.headers
            .push(("X-Rate-Limit-Limit".into(), d.limit.to_string()));
        self.headers
            .push(("X-Rate-Limit-Remaining".into(), d.remaining.to_string()));
        self.headers
            .push(("X-Rate-Limit-Reset".into(), d.reset.to_string()));
        // The reset above is on the simulator's clock, and so is the `Date` that comes with it.
        self.with_date(d.now)
    }

    /// `Date` on the simulator's clock (Unix seconds), as every HTTP server sends its own: a
    /// client reads Procore's times (resets, `updated_at`) against it.
    pub fn with_date(mut self, now: i64) -> Reply {
        if let Some(now) = chrono::DateTime::<chrono::Utc>::from_timestamp(now, 0) {
            self.headers
                .retain(|(k, _)| !k.eq_ignore_ascii_case("date"));
            self.headers.push((
                "Date".into(),
                now.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
            ));
        }
        self
    }
}

/// Rate-limit headers for a response that was not counted against a token.
pub fn uncounted_rate_headers(sim: &Sim, reply: Reply) -> Reply {
    let d = RateLimiter::peek(&sim.rate_limits, sim.clock.now().timestamp_millis());
    reply.with_rate_headers(d)
}

fn record(
    sim: &mut Sim,
    incoming: &Incoming,
    operation_id: Option<&str>,
    reply: &Reply,
    rate_limited: bool,
) {
    if !sim.record_exchanges {
        return;
    }
    let received_at = sim
        .clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let response_body = match &reply.body {
        Body::Json(v) => v.clone(),
        Body::JsonText(text) => Body::parse_json_text(text),
        Body::Text(t) | Body::Raw(t) => Value::String(t.clone()),
        Body::Html(_) | Body::Empty => Value::Null,
    };
    sim.log_exchange(Exchange {
        seq: 0,
        received_at,
        operation_id: operation_id.map(str::to_owned),
        host: match incoming.host {
            Host::Login => "login".into(),
            Host::Api => "api".into(),
        },
        method: incoming.method.clone(),
        path: incoming.path.clone(),
        query: incoming.query.clone(),
        status: reply.status.as_u16(),
        request_content_type: incoming.content_type.clone(),
        request_body: incoming.body.clone(),
        response_body,
        response_headers: reply.headers.clone(),
        rate_limited,
    });
}

fn parse_incoming(host: Host, parts: &http::request::Parts, bytes: &[u8]) -> Incoming {
    let query = parts.uri.query().unwrap_or("").to_owned();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let content_type = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut body_error = false;
    let body = if bytes.is_empty() {
        Value::Null
    } else if content_type
        .as_deref()
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"))
    {
        form_to_json(bytes)
    } else {
        match serde_json::from_slice(bytes) {
            Ok(v) => v,
            Err(_) => {
                body_error = true;
                Value::String(String::from_utf8_lossy(bytes).into_owned())
            }
        }
    };
    Incoming {
        host,
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query,
        pairs,
        headers: parts.headers.clone(),
        content_type,
        body,
        body_error,
    }
}

/// Form fields as a JSON object of strings; Rails-style `a[b]` keys are nested.
pub fn form_to_json(bytes: &[u8]) -> Value {
    let mut root = Map::new();
    for (k, v) in url::form_urlencoded::parse(bytes) {
        let k = k.into_owned();
        let v = Value::String(v.into_owned());
        if let Some((outer, rest)) = k.split_once('[') {
            let inner = rest.trim_end_matches(']');
            let entry = root
                .entry(outer.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = entry {
                m.insert(inner.to_owned(), v);
            }
        } else {
            root.insert(k, v);
        }
    }
    Value::Object(root)
}

pub fn into_response(reply: Reply) -> Response {
    let mut response = match reply.body {
        Body::Json(v) => (reply.status, axum::Json(v)).into_response(),
        Body::JsonText(text) => (
            reply.status,
            [(
                http::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            text,
        )
            .into_response(),
        Body::Text(t) => (
            reply.status,
            [(http::header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            t,
        )
            .into_response(),
        Body::Html(h) => (
            reply.status,
            [(http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
            h,
        )
            .into_response(),
        Body::Empty => reply.status.into_response(),
        // The content type comes with the reply's headers.
        Body::Raw(text) => (reply.status, AxumBody::from(text)).into_response(),
    };
    for (name, value) in reply.headers {
        if let (Ok(name), Ok(value)) = (
            http::header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

/// Path parameters extracted by routing.
pub type PathParams = BTreeMap<String, String>;
