//! `mpsync serve`: the web UI and the JSON API.
//!
//! Server-rendered pages (maud, escaped by construction) with the seed's tabs — Authentication,
//! Synchronization Settings, Projects, Orders, Synchronization Manager — plus Security (users,
//! groups, rights, API tokens) and the audit log, in English and French; a JSON API under
//! `/api/v1` for scripts, with per-user bearer tokens, described by `/api/openapi.json`.
//!
//! Architecture invariants: every route that changes state is a POST checked for the session,
//! its CSRF token and the same origin ([`auth::Posted`]) or an API token ([`auth::ApiCaller`]),
//! then for the right it needs; no GET changes state; secrets are never rendered.

pub mod api;
pub mod auth;
pub mod connect;
pub mod i18n;
pub mod metrics;
pub mod pages;
pub mod runs;
pub mod schedule;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::routing::{get, post};
use axum::Router;
use erp::ErpStore;
use state::{Cipher, StateStore};
use url::Url;

/// What the server needs.
pub struct WebConfig {
    pub state: StateStore,
    pub erp: ErpStore,
    pub cipher: Arc<Cipher>,
    /// The address users reach the server at (the seed's Web/Mobile address): the origin of
    /// every form, and the base of the OAuth redirect URI.
    pub public_url: Url,
    /// How long a sign-in lasts.
    pub session_lifetime: chrono::Duration,
    /// How often scheduled runs are looked for; none: no scheduled run.
    pub schedule_tick: Option<std::time::Duration>,
}

struct Inner {
    config: WebConfig,
    /// The one-time token that lets the first visitor create the first administrator, while
    /// no user exists.
    setup_token: Mutex<Option<String>>,
    board: runs::RunBoard,
    pending: connect::PendingConnects,
    metrics: metrics::Metrics,
    address_throttle: auth::AddressThrottle,
}

/// The server's shared state.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    pub fn new(config: WebConfig) -> Self {
        AppState(Arc::new(Inner {
            config,
            setup_token: Mutex::new(None),
            board: runs::RunBoard::default(),
            pending: connect::PendingConnects::default(),
            metrics: metrics::Metrics::default(),
            address_throttle: auth::AddressThrottle::default(),
        }))
    }

    pub fn state(&self) -> &StateStore {
        &self.0.config.state
    }

    pub fn erp(&self) -> &ErpStore {
        &self.0.config.erp
    }

    pub fn cipher(&self) -> &Arc<Cipher> {
        &self.0.config.cipher
    }

    pub fn config(&self) -> &WebConfig {
        &self.0.config
    }

    pub fn board(&self) -> &runs::RunBoard {
        &self.0.board
    }

    pub(crate) fn address_throttle(&self) -> &auth::AddressThrottle {
        &self.0.address_throttle
    }

    pub fn metrics(&self) -> &metrics::Metrics {
        &self.0.metrics
    }

    pub(crate) fn pending(&self) -> &connect::PendingConnects {
        &self.0.pending
    }

    /// Writes an audit entry in the name of a signed-in user.
    pub(crate) async fn audit_by(
        &self,
        viewer: &auth::Viewer,
        company: Option<&str>,
        action: &str,
        detail: &serde_json::Value,
    ) -> Result<(), state::StateError> {
        self.state()
            .audit(&viewer.user().username, company, action, detail)
            .await
    }

    /// `scheme://host[:port]` of the public address.
    pub fn public_origin(&self) -> String {
        self.0.config.public_url.origin().ascii_serialization()
    }

    /// When no user exists, makes (once) and returns the one-time setup token to print on the
    /// console; `None` once a user exists.
    pub async fn setup_token(&self) -> Result<Option<String>, state::StateError> {
        if self.state().count_users().await? > 0 {
            return Ok(None);
        }
        let mut token = self.0.setup_token.lock().expect("setup token lock");
        Ok(Some(
            token
                .get_or_insert_with(|| state::security::random_token("setup-"))
                .clone(),
        ))
    }

    /// Checks and spends the setup token.
    pub(crate) fn take_setup_token(&self, offered: &str) -> bool {
        let mut token = self.0.setup_token.lock().expect("setup token lock");
        match token.as_deref() {
            Some(t) if auth::same_token(t, offered.trim()) => {
                *token = None;
                true
            }
            _ => false,
        }
    }
}

/// Every route.
pub fn router(app: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/static/style.css", get(style))
        .route("/static/live.js", get(live_js))
        .route("/metrics", get(metrics::metrics))
        .route("/setup", get(pages::setup_form).post(pages::setup))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/language", post(pages::set_language))
        .route("/users", get(pages::users).post(pages::create_user))
        .route("/users/{id}/rights", post(pages::set_rights))
        .route("/users/tokens", post(pages::create_token))
        .route("/users/groups", post(pages::create_group))
        .route("/users/groups/members", post(pages::add_member))
        .route("/audit", get(pages::audit))
        .route(
            "/c/{company}/auth",
            get(pages::auth_tab).post(pages::save_connection),
        )
        .route("/c/{company}/unpair", post(pages::unpair))
        .route("/c/{company}/connect", post(connect::start))
        .route("/callback", get(connect::callback))
        .route(
            "/c/{company}/auth/company",
            get(connect::company_form).post(connect::choose_company),
        )
        .route("/c/{company}/disconnect", post(connect::disconnect))
        .route(
            "/c/{company}/settings",
            get(pages::settings_tab).post(pages::save_entities),
        )
        .route(
            "/c/{company}/projects",
            get(pages::projects_tab).post(pages::save_cost_code_mode),
        )
        .route(
            "/c/{company}/orders",
            get(pages::orders_tab).post(pages::save_orders),
        )
        .route("/c/{company}/manager", get(pages::manager))
        .route("/c/{company}/manager/runs/{id}", get(pages::run_detail))
        .route("/c/{company}/manager/runs/{id}/csv", get(pages::run_csv))
        .route(
            "/c/{company}/manager/runs/{id}/retry",
            post(pages::retry_run),
        )
        .route("/c/{company}/manager/live", get(pages::live))
        .route("/c/{company}/runs", post(pages::start_run))
        .route("/c/{company}/conflicts", get(pages::conflicts))
        .route("/c/{company}/links", get(pages::links))
        .route("/c/{company}/links/link", post(pages::link))
        .route("/c/{company}/links/unlink", post(pages::unlink))
        .route("/c/{company}/conflicts/{id}/resolve", post(pages::resolve))
        .merge(api::routes())
        .layer(axum::middleware::map_response(security_headers))
        .with_state(app)
}

/// Headers every answer carries: no framing by other sites, no inline script, no caching of
/// pages that show company data.
async fn security_headers(mut response: axum::response::Response) -> axum::response::Response {
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    if !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

async fn style() -> impl axum::response::IntoResponse {
    (
        [(CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("style.css"),
    )
}

async fn live_js() -> impl axum::response::IntoResponse {
    (
        [(CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("live.js"),
    )
}

/// Serves until `shutdown` resolves; a run in progress is waited for (its batches are
/// checkpointed as they go, so an interrupted run loses nothing either way).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let board = app.clone();
    let scheduler = app
        .config()
        .schedule_tick
        .map(|tick| tokio::spawn(schedule::run(app.clone(), tick)));
    let served = axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        board.board().wait_idle().await;
    })
    .await;
    if let Some(task) = scheduler {
        task.abort();
    }
    served
}
