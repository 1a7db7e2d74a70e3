//! Errors of the Procore client: a closed classification plus everything needed to tell a user
//! which call failed, on which field, and whether a write may have happened anyway.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What kind of failure this is; decides retrying and what the user is told.
///
/// Closed on purpose: every caller must handle every kind, and a new kind is a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Network failure, timeout, 408, 500/502/503/504: retry later.
    Transient,
    /// 429: the rate budget is spent until `retry_at`.
    RateLimited,
    /// 401 for an expired or invalid access token: refresh and retry once.
    AuthExpired,
    /// The grant is gone (revoked token, refresh answered `invalid_grant`, nothing stored):
    /// the user must reconnect.
    AuthRevoked,
    /// 400/406/409/422: the request was understood and refused; fix the data.
    Validation,
    /// 404: missing, or invisible to this user (Procore answers 404 rather than 403).
    NotFound,
    /// 403/405: the user, the app or the project tool does not allow this.
    NotPermitted,
    /// Anything else: a bug, an unexpected answer, a broken token store.
    Fatal,
}

impl ErrorKind {
    /// Whether waiting and sending the same request again may succeed.
    pub fn is_retryable(self) -> bool {
        matches!(self, ErrorKind::Transient | ErrorKind::RateLimited)
    }

    /// Classification of an HTTP status (with `revoked` set when the body says the token was
    /// revoked rather than expired).
    pub fn from_status(status: u16, revoked: bool) -> ErrorKind {
        match status {
            401 if revoked => ErrorKind::AuthRevoked,
            401 => ErrorKind::AuthExpired,
            400 | 406 | 409 | 413 | 415 | 422 => ErrorKind::Validation,
            403 | 405 => ErrorKind::NotPermitted,
            404 | 410 => ErrorKind::NotFound,
            408 | 500 | 502 | 503 | 504 => ErrorKind::Transient,
            429 => ErrorKind::RateLimited,
            _ => ErrorKind::Fatal,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Transient => "transient",
            ErrorKind::RateLimited => "rate limited",
            ErrorKind::AuthExpired => "authorization expired",
            ErrorKind::AuthRevoked => "authorization revoked",
            ErrorKind::Validation => "validation",
            ErrorKind::NotFound => "not found",
            ErrorKind::NotPermitted => "not permitted",
            ErrorKind::Fatal => "fatal",
        })
    }
}

/// Messages Procore attached to one field of a submitted record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Attribute name as Procore spells it (`name`, `country_code`, `base`, …).
    pub field: String,
    /// Human-readable messages (`can't be blank`).
    pub messages: Vec<String>,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.messages.join(", "))
    }
}

#[derive(Debug, Clone)]
struct Inner {
    kind: ErrorKind,
    operation: Option<&'static str>,
    method: Option<&'static str>,
    path: Option<String>,
    status: Option<u16>,
    message: String,
    field_errors: Vec<FieldError>,
    retry_at: Option<DateTime<Utc>>,
    write_outcome_unknown: bool,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

/// A failed Procore call.
///
/// Displays as `PATCH /rest/v1.0/vendors/42 (RestV10VendorsIdPatch) → 422: name: can't be blank`.
/// Boxed inside so that `Result<T, ProcoreError>` stays one pointer wide.
#[derive(Clone)]
pub struct ProcoreError(Box<Inner>);

impl ProcoreError {
    /// A new error of `kind` with a message and no request context.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ProcoreError(Box::new(Inner {
            kind,
            operation: None,
            method: None,
            path: None,
            status: None,
            message: message.into(),
            field_errors: Vec::new(),
            retry_at: None,
            write_outcome_unknown: false,
            source: None,
        }))
    }

    /// The error an HTTP answer with a non-success status stands for.
    pub fn from_response(status: u16, content_type: Option<&str>, body: &[u8]) -> Self {
        let parsed = parse_error_body(content_type, body);
        let mut err = ProcoreError::new(
            ErrorKind::from_status(status, parsed.revoked),
            parsed.message,
        );
        err.0.status = Some(status);
        err.0.field_errors = parsed.field_errors;
        err
    }

    pub(crate) fn with_request(
        mut self,
        operation: &'static str,
        method: &'static str,
        path: &str,
    ) -> Self {
        self.0.operation = Some(operation);
        self.0.method = Some(method);
        self.0.path = Some(path.to_owned());
        self
    }

    pub(crate) fn with_retry_at(mut self, at: Option<DateTime<Utc>>) -> Self {
        self.0.retry_at = at;
        self
    }

    pub(crate) fn with_outcome_unknown(mut self, unknown: bool) -> Self {
        self.0.write_outcome_unknown = unknown;
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.0.source = Some(Arc::new(source));
        self
    }

    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.0.kind = kind;
        self
    }

    /// The classification.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The operationId of the call (`RestV10VendorsSyncPatch`), when the error came from a call.
    pub fn operation(&self) -> Option<&'static str> {
        self.0.operation
    }

    /// HTTP method of the call.
    pub fn method(&self) -> Option<&'static str> {
        self.0.method
    }

    /// Request path (without host and query).
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// HTTP status, if an answer was received.
    pub fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// The message Procore (or the transport) gave.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Per-field validation messages.
    pub fn field_errors(&self) -> &[FieldError] {
        &self.0.field_errors
    }

    /// When a retry may succeed (rate-limit reset or `Retry-After`).
    pub fn retry_at(&self) -> Option<DateTime<Utc>> {
        self.0.retry_at
    }

    /// True when a write was sent and no answer arrived: it may or may not have been applied.
    /// The caller must reconcile (look the record up) before writing again.
    pub fn write_outcome_unknown(&self) -> bool {
        self.0.write_outcome_unknown
    }

    /// Whether a retry may succeed.
    pub fn is_retryable(&self) -> bool {
        self.0.kind.is_retryable()
    }
}

impl fmt::Debug for ProcoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProcoreError")
            .field("kind", &self.0.kind)
            .field("operation", &self.0.operation)
            .field("method", &self.0.method)
            .field("path", &self.0.path)
            .field("status", &self.0.status)
            .field("message", &self.0.message)
            .field("field_errors", &self.0.field_errors)
            .field("retry_at", &self.0.retry_at)
            .field("write_outcome_unknown", &self.0.write_outcome_unknown)
            .finish()
    }
}

impl fmt::Display for ProcoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.0;
        if let (Some(method), Some(path)) = (i.method, i.path.as_deref()) {
            write!(f, "{method} {path} ")?;
        }
        if let Some(op) = i.operation {
            write!(f, "({op}) ")?;
        }
        match i.status {
            Some(status) => write!(f, "→ {status}: ")?,
            None if i.method.is_some() => write!(f, "→ ")?,
            None => {}
        }
        let mut parts: Vec<String> = Vec::new();
        if !i.message.is_empty() {
            parts.push(i.message.clone());
        }
        parts.extend(i.field_errors.iter().map(|e| e.to_string()));
        if parts.is_empty() {
            parts.push(i.kind.to_string());
        }
        f.write_str(&parts.join("; "))?;
        if i.write_outcome_unknown {
            f.write_str(" (the write may have been applied)")?;
        }
        Ok(())
    }
}

impl std::error::Error for ProcoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// What could be read out of an error body.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ParsedErrorBody {
    pub message: String,
    pub field_errors: Vec<FieldError>,
    /// The body says the token was revoked (not merely expired).
    pub revoked: bool,
    /// OAuth error code (`invalid_grant`), when the body is an OAuth error.
    pub oauth_error: Option<String>,
}

/// Longest plain-text body quoted in a message; bodies are sometimes whole HTML pages.
const MAX_TEXT: usize = 300;

/// Reads any of Procore's error body shapes (facts §3.4).
pub(crate) fn parse_error_body(content_type: Option<&str>, body: &[u8]) -> ParsedErrorBody {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    let mut out = ParsedErrorBody::default();
    if trimmed.is_empty() {
        return out;
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(value) => read_json_error(&value, &mut out),
        Err(_) => {
            let is_html =
                content_type.is_some_and(|c| c.contains("html")) || trimmed.starts_with('<');
            out.message = if is_html {
                html_text(trimmed)
            } else {
                shorten(trimmed)
            };
        }
    }
    let lower = out.message.to_ascii_lowercase();
    out.revoked = lower.contains("revoked") || out.oauth_error.as_deref() == Some("invalid_grant");
    out
}

fn read_json_error(value: &Value, out: &mut ParsedErrorBody) {
    let mut messages: Vec<String> = Vec::new();
    match value {
        Value::String(s) => messages.push(s.clone()),
        Value::Object(map) => {
            if let Some(errors) = map.get("errors") {
                read_errors_value(errors, &mut messages, &mut out.field_errors);
            }
            match map.get("error") {
                Some(Value::String(code)) => {
                    if let Some(Value::String(desc)) = map.get("error_description") {
                        out.oauth_error = Some(code.clone());
                        messages.push(desc.clone());
                    } else {
                        messages.push(code.clone());
                    }
                }
                Some(Value::Object(obj)) => {
                    // v2 shape {"error":{"code","message","details":[{source,message}]}} and the
                    // budget snapshot 429 shape {"error":{"error":"..."}}.
                    for key in ["message", "error"] {
                        if let Some(Value::String(m)) = obj.get(key) {
                            messages.push(m.clone());
                        }
                    }
                    if let Some(Value::Array(details)) = obj.get("details") {
                        for d in details {
                            let msg = d.get("message").and_then(Value::as_str).unwrap_or_default();
                            match d.get("source").and_then(Value::as_str) {
                                Some(src) => push_field(&mut out.field_errors, src, msg),
                                None if !msg.is_empty() => messages.push(msg.to_owned()),
                                None => {}
                            }
                        }
                    }
                }
                _ => {}
            }
            if let Some(Value::String(m)) = map.get("message") {
                messages.insert(0, m.clone());
            }
            if let Some(Value::String(e)) = map.get("exception") {
                messages.push(e.clone());
            }
            if let Some(Value::Object(fields)) = map.get("fields") {
                read_field_map(fields, &mut out.field_errors);
            }
            if messages.is_empty() && out.field_errors.is_empty() {
                messages.push(shorten(&value.to_string()));
            }
        }
        other => messages.push(shorten(&other.to_string())),
    }
    messages.dedup();
    out.message = messages.join("; ");
}

fn read_errors_value(errors: &Value, messages: &mut Vec<String>, fields: &mut Vec<FieldError>) {
    match errors {
        Value::String(s) => messages.push(s.clone()),
        Value::Object(map) => read_field_map(map, fields),
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => messages.push(s.clone()),
                    Value::Object(map) => read_field_map(map, fields),
                    other => messages.push(other.to_string()),
                }
            }
        }
        _ => {}
    }
}

/// `{field: [msgs]}` or `{field: "msg"}`.
pub(crate) fn read_field_map(map: &serde_json::Map<String, Value>, fields: &mut Vec<FieldError>) {
    for (field, msgs) in map {
        match msgs {
            Value::Array(items) => {
                let messages: Vec<String> = items
                    .iter()
                    .map(|m| {
                        m.as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| m.to_string())
                    })
                    .collect();
                fields.push(FieldError {
                    field: field.clone(),
                    messages,
                });
            }
            Value::String(s) => push_field(fields, field, s),
            Value::Null => {}
            other => push_field(fields, field, &other.to_string()),
        }
    }
}

fn push_field(fields: &mut Vec<FieldError>, field: &str, message: &str) {
    if let Some(existing) = fields.iter_mut().find(|f| f.field == field) {
        existing.messages.push(message.to_owned());
    } else {
        fields.push(FieldError {
            field: field.to_owned(),
            messages: vec![message.to_owned()],
        });
    }
}

pub(crate) fn shorten(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_TEXT {
        one_line
    } else {
        let mut s: String = one_line.chars().take(MAX_TEXT).collect();
        s.push('…');
        s
    }
}

/// The `<title>` of an HTML page, or its text without tags.
fn html_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    if let (Some(start), Some(end)) = (lower.find("<title>"), lower.find("</title>")) {
        if start + 7 <= end {
            let title = html[start + 7..end].trim();
            if !title.is_empty() {
                return shorten(title);
            }
        }
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    shorten(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> ParsedErrorBody {
        parse_error_body(Some("application/json"), body.as_bytes())
    }

    #[test]
    fn string_errors() {
        assert_eq!(
            parse(r#"{"errors":"Missing Procore-Company-Id header!"}"#).message,
            "Missing Procore-Company-Id header!"
        );
        assert_eq!(parse(r#"{"error":"Not Found"}"#).message, "Not Found");
    }

    #[test]
    fn field_errors_map() {
        let p = parse(r#"{"errors":{"name":["can't be blank"],"country_code":["is invalid"]}}"#);
        assert_eq!(p.message, "");
        assert_eq!(p.field_errors.len(), 2);
        // serde_json maps are ordered by key.
        assert_eq!(
            p.field_errors[1],
            FieldError {
                field: "name".into(),
                messages: vec!["can't be blank".into()]
            }
        );
    }

    #[test]
    fn v2_error_object() {
        let p = parse(
            r#"{"error":{"code":"BAD_REQUEST","message":"Invalid","details":[{"reason_code":"x","source":"amount","message":"must be positive"},{"message":"general"}]}}"#,
        );
        assert_eq!(p.message, "Invalid; general");
        assert_eq!(p.field_errors[0].field, "amount");
    }

    #[test]
    fn message_with_error_or_exception() {
        assert_eq!(
            parse(r#"{"message":"Unprocessable Currency","error":"currency mismatch"}"#).message,
            "Unprocessable Currency; currency mismatch"
        );
        assert_eq!(
            parse(r#"{"message":"Boom","exception":"NoMethodError"}"#).message,
            "Boom; NoMethodError"
        );
    }

    #[test]
    fn oauth_errors() {
        let p = parse(
            r#"{"error":"invalid_grant","error_description":"The refresh token is invalid"}"#,
        );
        assert_eq!(p.oauth_error.as_deref(), Some("invalid_grant"));
        assert!(p.revoked);
        assert_eq!(p.message, "The refresh token is invalid");
        let p = parse(
            r#"{"error":"invalid_token","error_description":"The access token was revoked"}"#,
        );
        assert!(p.revoked);
        let p =
            parse(r#"{"error":"invalid_token","error_description":"The access token expired"}"#);
        assert!(!p.revoked);
    }

    #[test]
    fn text_html_and_empty() {
        let p = parse_error_body(
            Some("text/plain"),
            b"You have surpassed the max number of requests for an hour.",
        );
        assert!(p.message.starts_with("You have surpassed"));
        let p = parse_error_body(
            Some("text/html"),
            b"<html><head><title>502 Bad Gateway</title></head><body>x</body></html>",
        );
        assert_eq!(p.message, "502 Bad Gateway");
        let p = parse_error_body(None, b"<p>Service <b>Unavailable</b></p>");
        assert_eq!(p.message, "Service Unavailable");
        assert_eq!(parse_error_body(None, b"  ").message, "");
        let long = "x".repeat(1000);
        assert!(
            parse_error_body(None, long.as_bytes())
                .message
                .chars()
                .count()
                <= MAX_TEXT + 1
        );
    }

    #[test]
    fn classification() {
        assert_eq!(ErrorKind::from_status(401, false), ErrorKind::AuthExpired);
        assert_eq!(ErrorKind::from_status(401, true), ErrorKind::AuthRevoked);
        assert_eq!(ErrorKind::from_status(422, false), ErrorKind::Validation);
        assert_eq!(ErrorKind::from_status(404, false), ErrorKind::NotFound);
        assert_eq!(ErrorKind::from_status(403, false), ErrorKind::NotPermitted);
        assert_eq!(ErrorKind::from_status(405, false), ErrorKind::NotPermitted);
        assert_eq!(ErrorKind::from_status(429, false), ErrorKind::RateLimited);
        assert_eq!(ErrorKind::from_status(503, false), ErrorKind::Transient);
        assert_eq!(ErrorKind::from_status(501, false), ErrorKind::Fatal);
        assert!(ErrorKind::Transient.is_retryable());
        assert!(!ErrorKind::Validation.is_retryable());
    }

    #[test]
    fn display_names_endpoint_status_and_fields() {
        let err = ProcoreError::from_response(
            422,
            Some("application/json"),
            br#"{"errors":{"name":["can't be blank"],"country_code":["is invalid"]}}"#,
        )
        .with_request("RestV10VendorsIdPatch", "PATCH", "/rest/v1.0/vendors/42");
        // Fields come out in key order.
        assert_eq!(
            err.to_string(),
            "PATCH /rest/v1.0/vendors/42 (RestV10VendorsIdPatch) → 422: country_code: is invalid; name: can't be blank"
        );
        assert_eq!(err.kind(), ErrorKind::Validation);
        let unknown = ProcoreError::new(ErrorKind::Transient, "timed out")
            .with_request("RestV10VendorsPost", "POST", "/rest/v1.0/vendors")
            .with_outcome_unknown(true);
        assert_eq!(
            unknown.to_string(),
            "POST /rest/v1.0/vendors (RestV10VendorsPost) → timed out (the write may have been applied)"
        );
    }
}
