//! Library errors and the API error answers Procore gives.
//!
//! Error body shapes vary by endpoint in Procore, and the simulator mirrors what is known:
//! - 401: `{"errors": "<text>"}` plus `WWW-Authenticate: Bearer realm="Doorkeeper", error="invalid_token", ...`.
//! - 403 and 413: `{"errors": "<text>"}`.
//! - 404: `{"error": "<text>"}`.
//! - 400 (missing parameter, wrong JSON type): `{"errors": {"<field>": ["<message>"]}}`, or
//!   `{"errors": "<text>"}` for a missing Rails parameter.
//! - 422 on most endpoints: Rails style `{"errors": {"<field>": ["<message>"]}}`.
//! - 422 on budget line items, budget modifications and budget changes: `{"message":
//!   "Unprocessable Entity", "error": "<first message>", "errors": {...}}` (the budget tools answer
//!   with `message`/`error`).
//! - 405 on budget modification writes after the move to budget changes: `Allow: GET` and
//!   `{"errors": "<text>"}`.
//! - OAuth token errors: Doorkeeper's `{"error": "...", "error_description": "..."}`.

use std::collections::BTreeMap;

use http::StatusCode;
use serde_json::{json, Value};

#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("state store {path}: {source}")]
    Store { path: String, source: sqlx::Error },
    #[error("state store holds unreadable data: {0}")]
    Corrupt(String),
}

/// A response about to be sent; also the error type of request handlers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub enum Body {
    Json(Value),
    /// JSON written as text already (a sync action's answer, see `resources::represent_into`).
    JsonText(Vec<u8>),
    Text(String),
    Html(String),
    /// Text sent as is, with the content type the reply's headers give (hostile answers).
    Raw(String),
    Empty,
}

/// Field name → messages, Rails' `errors` hash.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Which 422 body shape an endpoint uses (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorStyle {
    Rails,
    Budget,
}

impl Reply {
    pub fn json(status: StatusCode, body: Value) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Json(body),
        }
    }

    /// A JSON answer already written as text.
    pub fn json_text(status: StatusCode, text: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::JsonText(text),
        }
    }

    pub fn ok(body: Value) -> Reply {
        Reply::json(StatusCode::OK, body)
    }

    pub fn empty(status: StatusCode) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Empty,
        }
    }

    pub fn html(status: StatusCode, page: String) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Html(page),
        }
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn not_found() -> Reply {
        Reply::json(
            StatusCode::NOT_FOUND,
            json!({"error": "Resource not found"}),
        )
    }

    pub fn forbidden(text: &str) -> Reply {
        Reply::json(StatusCode::FORBIDDEN, json!({ "errors": text }))
    }

    pub fn bad_request(text: &str) -> Reply {
        Reply::json(StatusCode::BAD_REQUEST, json!({ "errors": text }))
    }

    pub fn field_errors(status: StatusCode, errors: FieldErrors, style: ErrorStyle) -> Reply {
        let body = match style {
            ErrorStyle::Rails => json!({ "errors": errors }),
            ErrorStyle::Budget => {
                let first = errors
                    .iter()
                    .next()
                    .map(|(f, m)| {
                        format!(
                            "{} {}",
                            f,
                            m.first().map(String::as_str).unwrap_or("is invalid")
                        )
                    })
                    .unwrap_or_default();
                json!({"message": "Unprocessable Entity", "error": first, "errors": errors})
            }
        };
        Reply::json(status, body)
    }

    pub fn unprocessable(field: &str, message: &str, style: ErrorStyle) -> Reply {
        let mut errors = FieldErrors::new();
        errors.insert(field.to_owned(), vec![message.to_owned()]);
        Reply::field_errors(StatusCode::UNPROCESSABLE_ENTITY, errors, style)
    }

    pub fn body_json(&self) -> Value {
        match &self.body {
            Body::Json(v) => v.clone(),
            Body::JsonText(text) => Body::parse_json_text(text),
            Body::Text(t) | Body::Html(t) | Body::Raw(t) => Value::String(t.clone()),
            Body::Empty => Value::Null,
        }
    }
}

impl Body {
    /// JSON text as a value (the text is always JSON the simulator wrote).
    pub fn parse_json_text(text: &[u8]) -> Value {
        serde_json::from_slice(text)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(text).into_owned()))
    }
}

pub type Handled = Result<Reply, Reply>;
