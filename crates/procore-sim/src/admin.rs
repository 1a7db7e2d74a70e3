//! The test/admin API under `/_sim/` on the API host (no auth; the simulator only listens on
//! loopback addresses in tests), and [`AdminClient`], its typed client.
//!
//! Routes:
//! - `POST /_sim/reset` — back to the seeded state (tokens, faults, counts and log cleared).
//! - `GET /_sim/records/{kind}[?company_id=&project_id=]`, `GET /_sim/records/{kind}/{id}` — raw records.
//! - `POST /_sim/records/{kind}` `{company_id, project_id?, parent_id?, data}` — insert as a Procore user would.
//! - `PATCH /_sim/records/{kind}/{id}` (JSON merge into `data`), `DELETE /_sim/records/{kind}/{id}` (soft delete).
//! - `GET|DELETE /_sim/requests` — request counts per operationId.
//! - `GET|DELETE /_sim/exchanges[?since=<seq>]` — the exchange log.
//! - `GET|PUT|POST|DELETE /_sim/faults` — list, replace, add one, clear fault rules.
//! - `PUT /_sim/rate_limits` — a [`RateLimitConfig`]; windows restart.
//! - `POST /_sim/tokens/expire`, `POST /_sim/tokens/revoke` `{user_id?}`.
//! - `PUT /_sim/clock` `{offset_secs}`.
//! - `PUT /_sim/companies/{id}/permitted_projects` `{project_ids, auto_add}`.
//! - `PUT /_sim/companies/{id}/budget_mode` `{budget_changes}`.
//! - `POST /_sim/redirect_uris` `{uri, client_id?}`.

use std::collections::BTreeMap;
use std::str::FromStr;

use http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use url::Url;

use crate::config::RateLimitConfig;
use crate::error::Reply;
use crate::faults::{FaultPlan, FaultRule};
use crate::server::{Incoming, Shared};
use crate::state::{Exchange, Kind, Record};

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("admin request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("admin API answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("invalid admin URL: {0}")]
    Url(#[from] url::ParseError),
}

fn bad(text: &str) -> Reply {
    Reply::json(StatusCode::BAD_REQUEST, json!({"errors": text}))
}

fn parse<T: DeserializeOwned>(body: &Value) -> Result<T, Reply> {
    serde_json::from_value(body.clone()).map_err(|e| bad(&e.to_string()))
}

pub async fn handle(shared: &Shared, req: &Incoming) -> Reply {
    let reply = match route(shared, req) {
        Ok(r) | Err(r) => r,
    };
    shared.persist().await;
    reply
}

fn route(shared: &Shared, req: &Incoming) -> Result<Reply, Reply> {
    let segs: Vec<&str> = req.path.trim_matches('/').split('/').skip(1).collect();
    let mut sim = shared.lock();
    let now = sim.clock.stamp();
    match (req.method.as_str(), segs.as_slice()) {
        ("POST", ["reset"]) => {
            let config = sim.config.clone();
            sim.world = crate::seed::world(&config);
            sim.world.dirty.everything = true;
            sim.request_counts.clear();
            sim.exchanges.clear();
            sim.limiter.clear();
            sim.faults = FaultPlan::new(config.faults.clone(), config.seed);
            sim.rate_limits = config.rate_limits.clone();
            sim.clock.offset = config.clock_offset;
            Ok(Reply::ok(json!({"reset": true})))
        }
        ("GET", ["records", kind]) => {
            let kind = Kind::from_str(kind).map_err(|e| bad(&e))?;
            let c = req.query_param("company_id").and_then(|s| s.parse().ok());
            let p = req.query_param("project_id").and_then(|s| s.parse().ok());
            Ok(Reply::ok(Value::Array(crate::resources::raw_records(
                &sim.world, kind, c, p,
            ))))
        }
        ("GET", ["records", kind, id]) => {
            let kind = Kind::from_str(kind).map_err(|e| bad(&e))?;
            let id: u64 = id.parse().map_err(|_| bad("id must be an integer"))?;
            sim.world
                .get(kind, id)
                .map(|r| Reply::ok(json!(r)))
                .ok_or_else(Reply::not_found)
        }
        ("POST", ["records", kind]) => {
            let kind = Kind::from_str(kind).map_err(|e| bad(&e))?;
            let company_id = req
                .body
                .get("company_id")
                .and_then(Value::as_u64)
                .ok_or_else(|| bad("company_id is required"))?;
            let project_id = req.body.get("project_id").and_then(Value::as_u64);
            let parent_id = req.body.get("parent_id").and_then(Value::as_u64);
            let mut data = req
                .body
                .get("data")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            if sim.world.get(Kind::Company, company_id).is_none() {
                return Err(bad("unknown company_id"));
            }
            if let Some(p) = project_id {
                if sim
                    .world
                    .get(Kind::Project, p)
                    .is_none_or(|r| r.company_id != company_id)
                {
                    return Err(bad("unknown project_id for this company"));
                }
            }
            if let Some(origin) = data.get("origin_id").and_then(Value::as_str) {
                let taken = crate::resources::spec_of(kind).origin_unique
                    && !origin.is_empty()
                    && sim
                        .world
                        .live_with_origin(kind, company_id, origin)
                        .next()
                        .is_some();
                if taken {
                    return Err(Reply::json(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        json!({"errors": {"origin_id": ["has already been taken"]}}),
                    ));
                }
            }
            let id = sim.world.allocate_id(kind);
            data.insert("id".into(), json!(id));
            data.insert("created_at".into(), json!(now));
            data.insert("updated_at".into(), json!(now));
            sim.world.insert(Record {
                kind,
                id,
                company_id,
                project_id,
                parent_id,
                deleted_at: None,
                data: data.into(),
            });
            if kind == Kind::Project && sim.world.company_settings(company_id).auto_add_projects {
                sim.world
                    .company_settings_mut(company_id)
                    .permitted_projects
                    .insert(id);
            }
            Ok(Reply::json(
                StatusCode::CREATED,
                json!(sim.world.get(kind, id)),
            ))
        }
        ("PATCH", ["records", kind, id]) => {
            let kind = Kind::from_str(kind).map_err(|e| bad(&e))?;
            let id: u64 = id.parse().map_err(|_| bad("id must be an integer"))?;
            let patch = req
                .body
                .as_object()
                .cloned()
                .ok_or_else(|| bad("body must be a JSON object"))?;
            let out = sim
                .world
                .update(kind, id, |record| {
                    for (k, v) in patch {
                        if k == "id" {
                            continue;
                        }
                        if v.is_null() {
                            record.data.remove(&k);
                        } else {
                            record.data.insert(&k, v);
                        }
                    }
                    record.data.insert("updated_at", json!(now));
                    json!(record)
                })
                .ok_or_else(Reply::not_found)?;
            Ok(Reply::ok(out))
        }
        ("DELETE", ["records", kind, id]) => {
            let kind = Kind::from_str(kind).map_err(|e| bad(&e))?;
            let id: u64 = id.parse().map_err(|_| bad("id must be an integer"))?;
            let out = sim
                .world
                .update(kind, id, |record| {
                    record.deleted_at = Some(now.clone());
                    record.data.insert("deleted_at", json!(now));
                    record.data.insert("updated_at", json!(now));
                    json!(record)
                })
                .ok_or_else(Reply::not_found)?;
            Ok(Reply::ok(out))
        }
        ("GET", ["requests"]) => Ok(Reply::ok(json!(sim.request_counts))),
        ("DELETE", ["requests"]) => {
            sim.request_counts.clear();
            Ok(Reply::ok(json!({})))
        }
        ("GET", ["exchanges"]) => {
            let since: u64 = req
                .query_param("since")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let items: Vec<&Exchange> = sim.exchanges.iter().filter(|e| e.seq > since).collect();
            Ok(Reply::ok(json!(items)))
        }
        ("DELETE", ["exchanges"]) => {
            sim.exchanges.clear();
            Ok(Reply::ok(json!({})))
        }
        ("GET", ["faults"]) => Ok(Reply::ok(json!(sim.faults.rules()))),
        ("PUT", ["faults"]) => {
            let rules: Vec<FaultRule> = parse(&req.body)?;
            sim.faults.set(rules);
            Ok(Reply::ok(json!(sim.faults.rules())))
        }
        ("POST", ["faults"]) => {
            let rule: FaultRule = parse(&req.body)?;
            sim.faults.add(rule);
            Ok(Reply::ok(json!(sim.faults.rules())))
        }
        ("DELETE", ["faults"]) => {
            sim.faults.set(Vec::new());
            Ok(Reply::ok(json!([])))
        }
        ("PUT", ["rate_limits"]) => {
            let config: RateLimitConfig = parse(&req.body)?;
            sim.rate_limits = config;
            sim.limiter.clear();
            Ok(Reply::ok(json!(sim.rate_limits)))
        }
        ("POST", ["tokens", "expire"]) => {
            let unix = sim.clock.unix();
            for grant in sim.world.auth.access_tokens.values_mut() {
                grant.expires_at = grant.expires_at.min(unix);
            }
            sim.world.dirty.meta = true;
            Ok(Reply::ok(json!({})))
        }
        ("POST", ["tokens", "revoke"]) => {
            let user = req.body.get("user_id").and_then(Value::as_u64);
            let auth = &mut sim.world.auth;
            for grant in auth
                .access_tokens
                .values_mut()
                .filter(|g| user.is_none() || g.user_id == user)
            {
                grant.revoked = true;
            }
            for grant in auth
                .refresh_tokens
                .values_mut()
                .filter(|g| user.is_none() || g.user_id == user)
            {
                grant.revoked = true;
            }
            sim.world.dirty.meta = true;
            Ok(Reply::ok(json!({})))
        }
        ("PUT", ["clock"]) => {
            let secs = req
                .body
                .get("offset_secs")
                .and_then(Value::as_i64)
                .ok_or_else(|| bad("offset_secs is required"))?;
            sim.clock.offset = chrono::Duration::seconds(secs);
            Ok(Reply::ok(
                json!({"offset_secs": secs, "now": sim.clock.stamp()}),
            ))
        }
        ("PUT", ["companies", id, "permitted_projects"]) => {
            let company: u64 = id
                .parse()
                .map_err(|_| bad("company id must be an integer"))?;
            let projects: Vec<u64> = req
                .body
                .get("project_ids")
                .map(parse)
                .transpose()?
                .unwrap_or_default();
            let auto_add = req.body.get("auto_add").and_then(Value::as_bool);
            let settings = sim.world.company_settings_mut(company);
            settings.permitted_projects = projects.into_iter().collect();
            if let Some(a) = auto_add {
                settings.auto_add_projects = a;
            }
            Ok(Reply::ok(json!(settings)))
        }
        ("PUT", ["companies", id, "budget_mode"]) => {
            let company: u64 = id
                .parse()
                .map_err(|_| bad("company id must be an integer"))?;
            let changes = req
                .body
                .get("budget_changes")
                .and_then(Value::as_bool)
                .ok_or_else(|| bad("budget_changes is required"))?;
            let settings = sim.world.company_settings_mut(company);
            settings.budget_changes = changes;
            Ok(Reply::ok(json!(settings)))
        }
        ("POST", ["redirect_uris"]) => {
            let uri = req
                .body
                .get("uri")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("uri is required"))?
                .to_owned();
            let client = req
                .body
                .get("client_id")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let app = sim
                .world
                .auth
                .apps
                .iter_mut()
                .find(|a| !a.service_account && client.as_ref().is_none_or(|c| *c == a.client_id))
                .ok_or_else(Reply::not_found)?;
            app.redirect_uris.push(uri);
            let out = json!(app.redirect_uris);
            sim.world.dirty.meta = true;
            Ok(Reply::ok(out))
        }
        _ => Err(Reply::not_found()),
    }
}

/// Typed client for the admin API.
#[derive(Debug, Clone)]
pub struct AdminClient {
    base: Url,
    http: reqwest::Client,
}

impl AdminClient {
    pub fn new(api_url: Url) -> Self {
        AdminClient {
            base: api_url,
            http: reqwest::Client::new(),
        }
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<T, AdminError> {
        let url = self.base.join(path)?;
        let mut request = self.http.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await?;
        let status = response.status();
        if !status.is_success() {
            return Err(AdminError::Status {
                status: status.as_u16(),
                body: response.text().await.unwrap_or_default(),
            });
        }
        Ok(response.json().await?)
    }

    pub async fn reset(&self) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::POST, "_sim/reset", None)
            .await
            .map(drop)
    }

    /// Inserts a record as a Procore user would; returns the raw record.
    pub async fn insert_record(
        &self,
        kind: Kind,
        company_id: u64,
        project_id: Option<u64>,
        parent_id: Option<u64>,
        data: Value,
    ) -> Result<Value, AdminError> {
        let body = json!({"company_id": company_id, "project_id": project_id, "parent_id": parent_id, "data": data});
        self.call(
            reqwest::Method::POST,
            &format!("_sim/records/{}", kind.as_str()),
            Some(body),
        )
        .await
    }

    /// JSON-merges `patch` into a record's fields and bumps `updated_at`.
    pub async fn update_record(
        &self,
        kind: Kind,
        id: u64,
        patch: Value,
    ) -> Result<Value, AdminError> {
        self.call(
            reqwest::Method::PATCH,
            &format!("_sim/records/{}/{id}", kind.as_str()),
            Some(patch),
        )
        .await
    }

    pub async fn delete_record(&self, kind: Kind, id: u64) -> Result<Value, AdminError> {
        self.call(
            reqwest::Method::DELETE,
            &format!("_sim/records/{}/{id}", kind.as_str()),
            None,
        )
        .await
    }

    pub async fn record(&self, kind: Kind, id: u64) -> Result<Value, AdminError> {
        self.call(
            reqwest::Method::GET,
            &format!("_sim/records/{}/{id}", kind.as_str()),
            None,
        )
        .await
    }

    pub async fn records(
        &self,
        kind: Kind,
        company_id: Option<u64>,
        project_id: Option<u64>,
    ) -> Result<Vec<Value>, AdminError> {
        let mut path = format!("_sim/records/{}?", kind.as_str());
        if let Some(c) = company_id {
            path.push_str(&format!("company_id={c}&"));
        }
        if let Some(p) = project_id {
            path.push_str(&format!("project_id={p}"));
        }
        self.call(reqwest::Method::GET, &path, None).await
    }

    pub async fn request_counts(&self) -> Result<BTreeMap<String, u64>, AdminError> {
        self.call(reqwest::Method::GET, "_sim/requests", None).await
    }

    pub async fn reset_request_counts(&self) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::DELETE, "_sim/requests", None)
            .await
            .map(drop)
    }

    pub async fn exchanges(&self) -> Result<Vec<Exchange>, AdminError> {
        self.call(reqwest::Method::GET, "_sim/exchanges", None)
            .await
    }

    pub async fn exchanges_since(&self, seq: u64) -> Result<Vec<Exchange>, AdminError> {
        self.call(
            reqwest::Method::GET,
            &format!("_sim/exchanges?since={seq}"),
            None,
        )
        .await
    }

    pub async fn clear_exchanges(&self) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::DELETE, "_sim/exchanges", None)
            .await
            .map(drop)
    }

    pub async fn faults(&self) -> Result<Vec<FaultRule>, AdminError> {
        self.call(reqwest::Method::GET, "_sim/faults", None).await
    }

    pub async fn set_faults(&self, rules: Vec<FaultRule>) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::PUT, "_sim/faults", Some(json!(rules)))
            .await
            .map(drop)
    }

    pub async fn add_fault(&self, rule: FaultRule) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::POST, "_sim/faults", Some(json!(rule)))
            .await
            .map(drop)
    }

    pub async fn clear_faults(&self) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::DELETE, "_sim/faults", None)
            .await
            .map(drop)
    }

    pub async fn set_rate_limits(&self, limits: RateLimitConfig) -> Result<(), AdminError> {
        self.call::<Value>(
            reqwest::Method::PUT,
            "_sim/rate_limits",
            Some(json!(limits)),
        )
        .await
        .map(drop)
    }

    pub async fn expire_access_tokens(&self) -> Result<(), AdminError> {
        self.call::<Value>(reqwest::Method::POST, "_sim/tokens/expire", None)
            .await
            .map(drop)
    }

    /// Revokes every token, or only those of one user.
    pub async fn revoke_tokens(&self, user_id: Option<u64>) -> Result<(), AdminError> {
        self.call::<Value>(
            reqwest::Method::POST,
            "_sim/tokens/revoke",
            Some(json!({"user_id": user_id})),
        )
        .await
        .map(drop)
    }

    pub async fn set_clock_offset(&self, offset: chrono::Duration) -> Result<(), AdminError> {
        self.call::<Value>(
            reqwest::Method::PUT,
            "_sim/clock",
            Some(json!({"offset_secs": offset.num_seconds()})),
        )
        .await
        .map(drop)
    }

    pub async fn set_permitted_projects(
        &self,
        company_id: u64,
        project_ids: &[u64],
        auto_add: bool,
    ) -> Result<(), AdminError> {
        self.call::<Value>(
            reqwest::Method::PUT,
            &format!("_sim/companies/{company_id}/permitted_projects"),
            Some(json!({"project_ids": project_ids, "auto_add": auto_add})),
        )
        .await
        .map(drop)
    }

    /// `true`: the company uses budget changes (budget modification writes answer 405).
    pub async fn set_budget_changes(
        &self,
        company_id: u64,
        budget_changes: bool,
    ) -> Result<(), AdminError> {
        self.call::<Value>(
            reqwest::Method::PUT,
            &format!("_sim/companies/{company_id}/budget_mode"),
            Some(json!({"budget_changes": budget_changes})),
        )
        .await
        .map(drop)
    }

    pub async fn add_redirect_uri(&self, uri: &str) -> Result<(), AdminError> {
        self.call::<Value>(
            reqwest::Method::POST,
            "_sim/redirect_uris",
            Some(json!({"uri": uri})),
        )
        .await
        .map(drop)
    }
}
