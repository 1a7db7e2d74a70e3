//! Who is asking, and may they: browser sessions (cookie → [`Viewer`]), forms that change
//! state ([`Posted`]: session + CSRF token + same-origin check), API callers ([`ApiCaller`]:
//! per-user bearer tokens), and the errors each answers with.
//!
//! Every handler that changes state takes a [`Posted`] (or an [`ApiCaller`]) and checks the
//! right it needs with [`require`]; no GET route changes state.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{AUTHORIZATION, COOKIE, HOST, ORIGIN, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use maud::html;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use state::{Right, Rights, Session, User};

use crate::i18n::Tr;
use crate::AppState;

/// The session cookie. Only its SHA-256 is stored.
pub const SESSION_COOKIE: &str = "mpsync_session";
/// The cookie holding the sign-in form's CSRF token (there is no session yet to hold it).
pub const LOGIN_COOKIE: &str = "mpsync_login";

/// A signed-in browser user.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub session: Session,
    pub tr: Tr,
}

impl Viewer {
    pub fn user(&self) -> &User {
        &self.session.user
    }

    pub fn rights(&self) -> &Rights {
        &self.session.rights
    }

    pub fn csrf(&self) -> &str {
        &self.session.csrf_token
    }

    /// Refused unless the user holds `right`.
    pub fn require(&self, right: &Right) -> Result<(), WebError> {
        require(self.rights(), right)
    }
}

/// Refused unless `rights` include `right`.
pub fn require(rights: &Rights, right: &Right) -> Result<(), WebError> {
    if rights.allows(right) {
        Ok(())
    } else {
        Err(WebError::Forbidden(format!(
            "this needs the right '{right}'"
        )))
    }
}

/// A cookie's value from the request headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: never readable by scripts, never sent by another site's request,
/// only over HTTPS (browsers treat loopback addresses as secure, so local use works).
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age={max_age_secs}"
    ))
    .expect("cookie values are hex")
}

/// Compares two tokens in time independent of where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, WebError> {
        let sign_in = || WebError::SignIn {
            next: parts.uri.path().to_owned(),
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(sign_in());
        };
        match app.state().session(token).await? {
            Some(session) => Ok(Viewer {
                tr: Tr(session.user.language),
                session,
            }),
            None => Err(sign_in()),
        }
    }
}

/// The peer address of the request, when the server knows it.
pub struct ClientAddr(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// Failed sign-ins per peer address, in memory: an address failing [`ADDRESS_FAILURES`] times
/// within the throttle window is refused until the oldest ages out.
#[derive(Default)]
pub struct AddressThrottle(
    std::sync::Mutex<
        std::collections::HashMap<std::net::IpAddr, Vec<chrono::DateTime<chrono::Utc>>>,
    >,
);

/// Failed sign-ins one address may make within the window, over any names.
pub const ADDRESS_FAILURES: usize = 20;

impl AddressThrottle {
    /// Until when the address is refused, if it is.
    pub fn refused(&self, addr: Option<std::net::IpAddr>) -> Option<chrono::DateTime<chrono::Utc>> {
        let addr = addr?;
        let now = chrono::Utc::now();
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let failures = map.get_mut(&addr)?;
        failures.retain(|t| now - *t < state::security::THROTTLE_WINDOW);
        (failures.len() >= ADDRESS_FAILURES)
            .then(|| failures[failures.len() - ADDRESS_FAILURES] + state::security::THROTTLE_WINDOW)
    }

    /// One more failure from the address.
    pub fn failed(&self, addr: Option<std::net::IpAddr>) {
        let Some(addr) = addr else { return };
        let now = chrono::Utc::now();
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // Bounded memory: addresses whose failures all aged out are forgotten.
        if map.len() > 10_000 {
            map.retain(|_, v| {
                v.iter()
                    .any(|t| now - *t < state::security::THROTTLE_WINDOW)
            });
        }
        map.entry(addr).or_default().push(now);
    }
}

/// A form that changes state, from a signed-in user: the session, its CSRF token checked, the
/// request from our own origin, and the fields.
pub struct Posted<T> {
    pub viewer: Viewer,
    pub form: T,
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// Refuses a state-changing request another site made the browser send.
pub fn same_origin(headers: &HeaderMap, app: &AppState) -> Result<(), WebError> {
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers send Origin with every POST; scripts and tests may not: the CSRF token
        // still stands.
        return Ok(());
    };
    let host = headers
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let ours = app.public_origin();
    if origin == ours || origin == format!("http://{host}") || origin == format!("https://{host}") {
        Ok(())
    } else {
        Err(WebError::Csrf)
    }
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for Posted<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, app: &AppState) -> Result<Self, WebError> {
        let (mut parts, body) = req.into_parts();
        let viewer = Viewer::from_request_parts(&mut parts, app).await?;
        same_origin(&parts.headers, app)?;
        let bytes = Bytes::from_request(Request::from_parts(parts, body), app)
            .await
            .map_err(|e| WebError::BadRequest(e.to_string()))?;
        let field: CsrfField = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| WebError::BadRequest(e.to_string()))?;
        if !same_token(&field.csrf, viewer.csrf()) {
            return Err(WebError::Csrf);
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| WebError::BadRequest(e.to_string()))?;
        Ok(Posted { viewer, form })
    }
}

/// An API caller, by its per-user bearer token.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub user: User,
    pub rights: Rights,
}

impl ApiCaller {
    pub fn require(&self, right: &Right) -> Result<(), ApiError> {
        require(&self.rights, right).map_err(ApiError::from)
    }
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        match app
            .state()
            .user_by_api_token(token.trim())
            .await
            .map_err(WebError::from)?
        {
            Some((user, rights)) => Ok(ApiCaller { user, rights }),
            None => Err(ApiError::Unauthorized),
        }
    }
}

/// What a page answers when it cannot do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("sign in first")]
    SignIn { next: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    /// A refusal the user can act on (a setting refused while records are bound).
    #[error("{0}")]
    Refused(String),
    #[error("the form expired or did not come from this site: reload the page and try again")]
    Csrf,
    #[error("{0}")]
    Internal(String),
}

impl From<state::StateError> for WebError {
    fn from(e: state::StateError) -> Self {
        match e {
            state::StateError::Invalid(m) => WebError::BadRequest(m),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<runner::RunnerError> for WebError {
    fn from(e: runner::RunnerError) -> Self {
        match e {
            runner::RunnerError::SettingRefused(m) | runner::RunnerError::LinkRefused(m) => {
                WebError::Refused(m)
            }
            runner::RunnerError::UnknownEntity(_) => WebError::BadRequest(e.to_string()),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<erp::ErpError> for WebError {
    fn from(e: erp::ErpError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::SignIn { .. } => StatusCode::SEE_OTHER,
            WebError::Forbidden(_) | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Refused(_) => StatusCode::CONFLICT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::SignIn { next } = &self {
            let next = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
            return Redirect::to(&format!("/login?{next}")).into_response();
        }
        if let WebError::Internal(m) = &self {
            tracing::error!("web: {m}");
        }
        let status = self.status();
        let message = match &self {
            WebError::Internal(_) => "Internal error: see the server's log.".to_owned(),
            other => other.to_string(),
        };
        let page = html! {
            (maud::DOCTYPE)
            html lang="en" {
                head { meta charset="utf-8"; title { "mpsync — " (status.as_u16()) } link rel="stylesheet" href="/static/style.css"; }
                body {
                    main #main.narrow {
                        h1 { (status.canonical_reason().unwrap_or("Error")) }
                        p.flash.error role="alert" { (message) }
                        p { a href="javascript:history.back()" { "←" } " " a href="/" { "mpsync" } }
                    }
                }
            }
        };
        (status, axum::response::Html(page.into_string())).into_response()
    }
}

/// What the API answers when it cannot do what was asked: JSON with a stable code.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("a valid API token is required: Authorization: Bearer <token>")]
    Unauthorized,
    #[error(transparent)]
    Web(#[from] WebError),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::Web(e) => (
                match e {
                    WebError::SignIn { .. } => StatusCode::UNAUTHORIZED,
                    other => other.status(),
                },
                match e {
                    WebError::SignIn { .. } => "unauthorized",
                    WebError::Forbidden(_) => "forbidden",
                    WebError::NotFound => "not_found",
                    WebError::BadRequest(_) => "bad_request",
                    WebError::Refused(_) => "refused",
                    WebError::Csrf => "csrf",
                    WebError::Internal(_) => "internal",
                },
            ),
        };
        let message = match &self {
            ApiError::Web(WebError::Internal(m)) => {
                tracing::error!("api: {m}");
                "internal error: see the server's log".to_owned()
            }
            other => other.to_string(),
        };
        let mut response = (
            status,
            Json(serde_json::json!({"error": {"code": code, "message": message}})),
        )
            .into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// Adds a `Set-Cookie` to a response.
pub fn with_cookie(mut response: Response, value: HeaderValue) -> Response {
    response.headers_mut().append(SET_COOKIE, value);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_failing_too_often_is_refused_for_a_while() {
        let throttle = AddressThrottle::default();
        let addr = Some("192.0.2.7".parse().unwrap());
        for _ in 0..ADDRESS_FAILURES - 1 {
            throttle.failed(addr);
        }
        assert!(throttle.refused(addr).is_none());
        throttle.failed(addr);
        assert!(throttle.refused(addr).is_some());
        assert!(throttle
            .refused(Some("192.0.2.8".parse().unwrap()))
            .is_none());
        assert!(
            throttle.refused(None).is_none(),
            "unknown address: names still throttle"
        );
    }

    #[test]
    fn cookies_are_read_by_name_and_tokens_compared_whole() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; mpsync_session=abc; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("abc", "ab"));
        let set = set_cookie(SESSION_COOKIE, "x", 60);
        let text = set.to_str().unwrap();
        for attribute in ["HttpOnly", "Secure", "SameSite=Strict"] {
            assert!(text.contains(attribute), "{text}");
        }
    }
}
