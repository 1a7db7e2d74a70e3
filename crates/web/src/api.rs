//! The JSON API for scripts: `/api/v1/...`, authenticated by per-user bearer tokens (made on the
//! Security page), each route checking the same rights as the page it mirrors. Described by
//! `/api/openapi.json`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use state::{ConflictFilter, OutcomeFilter, Page, Right, RunTrigger};

use crate::auth::{ApiCaller, ApiError, WebError};
use crate::AppState;

type ApiResult = Result<Response, ApiError>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1/companies", get(companies))
        .route(
            "/api/v1/companies/{company}/runs",
            get(runs).post(start_run),
        )
        .route("/api/v1/companies/{company}/runs/{id}", get(run))
        .route("/api/v1/companies/{company}/conflicts", get(conflicts))
        .route(
            "/api/v1/companies/{company}/conflicts/{id}/resolve",
            post(resolve),
        )
}

async fn openapi() -> impl IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
}

async fn pairing(app: &AppState, company: &str) -> Result<state::Pairing, ApiError> {
    Ok(app
        .state()
        .active_pairing(company)
        .await
        .map_err(WebError::from)?
        .ok_or(WebError::NotFound)?)
}

async fn companies(State(app): State<AppState>, caller: ApiCaller) -> ApiResult {
    caller.require(&Right::View)?;
    let companies = app.erp().companies().await.map_err(WebError::from)?;
    Ok(Json(serde_json::json!({"companies": companies})).into_response())
}

#[derive(Deserialize)]
struct RunsQuery {
    #[serde(default)]
    offset: u32,
    #[serde(default = "fifty")]
    limit: u32,
}

fn fifty() -> u32 {
    50
}

async fn runs(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(company): Path<String>,
    Query(q): Query<RunsQuery>,
) -> ApiResult {
    caller.require(&Right::View)?;
    let pairing = pairing(&app, &company).await?;
    let runs = app
        .state()
        .list_runs(
            Some(pairing.id),
            Page {
                offset: q.offset,
                limit: q.limit,
            },
        )
        .await
        .map_err(WebError::from)?;
    Ok(Json(serde_json::json!({"runs": runs, "live": app.board().get(&company)})).into_response())
}

#[derive(Deserialize)]
struct OutcomesQuery {
    entity: Option<String>,
    status: Option<String>,
}

async fn run(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path((company, id)): Path<(String, i64)>,
    Query(q): Query<OutcomesQuery>,
) -> ApiResult {
    caller.require(&Right::View)?;
    let pairing = pairing(&app, &company).await?;
    let filter = OutcomeFilter {
        entity: q.entity,
        status: q
            .status
            .map(|s| s.parse())
            .transpose()
            .map_err(WebError::from)?,
    };
    let report = app
        .state()
        .run_report(id, &filter, Page::first(state::run::MAX_PAGE))
        .await
        .map_err(WebError::from)?
        .filter(|r| r.run.pairing == pairing.id)
        .ok_or(WebError::NotFound)?;
    let summary = app.state().run_summary(id).await.map_err(WebError::from)?;
    Ok(Json(
        serde_json::json!({"run": report.run, "summary": summary, "outcomes": report.outcomes}),
    )
    .into_response())
}

#[derive(Deserialize, Default)]
struct StartRun {
    #[serde(default)]
    entities: Vec<String>,
}

async fn start_run(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(company): Path<String>,
    body: Option<Json<StartRun>>,
) -> ApiResult {
    let entities = body.map(|b| b.0.entities).unwrap_or_default();
    if entities.is_empty() {
        caller.require(&Right::Run(None))?;
    }
    for e in &entities {
        caller.require(&Right::Run(Some(e.clone())))?;
    }
    let actor = format!("api:{}", caller.user.username);
    crate::runs::start(&app, &company, entities, &actor, RunTrigger::Ui).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(serde_json::json!({"started": true})),
    )
        .into_response())
}

async fn conflicts(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path(company): Path<String>,
) -> ApiResult {
    caller.require(&Right::View)?;
    let pairing = pairing(&app, &company).await?;
    let open = app
        .state()
        .list_conflicts(
            pairing.id,
            &ConflictFilter {
                open_only: true,
                ..Default::default()
            },
        )
        .await
        .map_err(WebError::from)?;
    Ok(Json(serde_json::json!({"conflicts": open})).into_response())
}

#[derive(Deserialize)]
struct Resolve {
    keep: String,
}

async fn resolve(
    State(app): State<AppState>,
    caller: ApiCaller,
    Path((company, id)): Path<(String, i64)>,
    Json(body): Json<Resolve>,
) -> ApiResult {
    caller.require(&Right::Resolve)?;
    let actor = format!("api:{}", caller.user.username);
    let conflict = crate::pages::resolve_conflict(&app, &company, id, &body.keep, &actor).await?;
    Ok(Json(serde_json::json!({"conflict": conflict})).into_response())
}
