//! The HTML pages: one handler per route, each checking the right it needs, rendering with
//! maud (every interpolation escaped), and answering a POST with a redirect (no form is sent
//! twice by a reload).

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Json;
use engine::commitments::OrdersTarget;
use engine::cost_codes::CostCodeMode;
use engine::entity::Direction;
use erp::Company;
use maud::{html, Markup, DOCTYPE};
use procore::Secret;
use serde::Deserialize;
use state::{
    ConflictFilter, Language, NewUser, OutcomeFilter, Page, Resolution, Right, Rights, RunTrigger,
    SyncStatus,
};

use crate::auth::{
    cookie, same_origin, same_token, set_cookie, with_cookie, Posted, Viewer, WebError,
    LOGIN_COOKIE, SESSION_COOKIE,
};
use crate::i18n::Tr;
use crate::AppState;

type PageResult = Result<Response, WebError>;

/// The tabs of a company's configuration, in the seed's order.
const TABS: &[(&str, &str)] = &[
    ("auth", "tab_auth"),
    ("settings", "tab_settings"),
    ("projects", "tab_projects"),
    ("orders", "tab_orders"),
    ("manager", "tab_manager"),
];

/// How each entity is named in Procore (the Synchronization Settings tab's column).
pub fn procore_name(entity: &str) -> &'static str {
    match entity {
        "customers" => "Directory companies (customers)",
        "suppliers" => "Directory companies (vendors)",
        "employees" => "Company users (employees)",
        "projects" => "Projects",
        "cost_codes" => "Cost codes",
        "original_budget" => "Budget line items (original budget)",
        "prime_contracts" => "Prime contracts",
        "billing_change_orders" => "Prime contract change orders",
        "subcontracts" => "Work order contracts",
        "purchase_orders" => "Purchase order contracts",
        "subcontract_change_orders" => "Commitment change orders",
        "project_costs" => "Direct costs",
        "order_invoices" => "Subcontractor invoices (requisitions)",
        "modified_budget" => "Budget modifications and changes",
        _ => "",
    }
}

fn arrow(direction: Direction) -> (&'static str, &'static str) {
    match direction {
        Direction::ErpToProcore => ("→", "maestro* → Procore"),
        Direction::ProcoreToErp => ("←", "Procore → maestro*"),
        Direction::Both => ("⇄", "maestro* ⇄ Procore"),
    }
}

fn status_key(status: SyncStatus) -> &'static str {
    match status {
        SyncStatus::Success => "success",
        SyncStatus::Warning => "warning",
        SyncStatus::Error => "error",
        SyncStatus::Pending => "pending",
        SyncStatus::InProgress => "in_progress",
    }
}

/// A status as its icon and word, never by colour alone.
fn status_badge(tr: Tr, status: SyncStatus) -> Markup {
    let icon = match status {
        SyncStatus::Success => "✓",
        SyncStatus::Warning => "⚠",
        SyncStatus::Error => "✗",
        SyncStatus::Pending => "⧗",
        SyncStatus::InProgress => "…",
    };
    html! { span class={"badge " (status.as_str())} { span aria-hidden="true" { (icon) } " " (tr.t(status_key(status))) } }
}

fn interval(tr: Tr, minutes: u32) -> String {
    match (minutes, tr.0) {
        (m, Language::Fr) if m >= 60 && m % 60 == 0 => format!("toutes les {} h", m / 60),
        (m, Language::Fr) => format!("toutes les {m} min"),
        (m, _) if m >= 60 && m % 60 == 0 => format!("every {} h", m / 60),
        (m, _) => format!("every {m} min"),
    }
}

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// The frame of every signed-in page.
pub(crate) fn layout(
    viewer: &Viewer,
    company: Option<&str>,
    current: &str,
    title: &str,
    content: Markup,
) -> Response {
    let tr = viewer.tr;
    let rights = viewer.rights();
    let page = html! {
        (DOCTYPE)
        html lang=(tr.lang()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — mpsync" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                a.skip href="#main" { (tr.t("skip")) }
                header.top {
                    a.brand href="/" { (tr.t("app")) }
                    @if let Some(c) = company { span.company { (tr.t("company")) ": " strong { (c) } } }
                    nav.user aria-label=(tr.t("username")) {
                        span { (viewer.user().display_name) }
                        @if rights.allows(&Right::ManageUsers) { a href="/users" aria-current=[(current == "users").then_some("page")] { (tr.t("tab_users")) } }
                        @if rights.allows(&Right::Configure) || rights.allows(&Right::ManageUsers) { a href="/audit" aria-current=[(current == "audit").then_some("page")] { (tr.t("tab_audit")) } }
                        form.inline method="post" action="/language" {
                            input type="hidden" name="csrf" value=(viewer.csrf());
                            @let other = if tr.0 == Language::Fr { "en" } else { "fr" };
                            input type="hidden" name="language" value=(other);
                            button.link type="submit" lang=(other) { (if other == "fr" { "Français" } else { "English" }) }
                        }
                        form.inline method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(viewer.csrf());
                            button.link type="submit" { (tr.t("sign_out")) }
                        }
                    }
                }
                @if let Some(c) = company {
                    nav.tabs aria-label=(tr.t("company")) {
                        ul {
                            @for (slug, key) in TABS {
                                li { a href={"/c/" (c) "/" (slug)} aria-current=[(current == *slug).then_some("page")] { (tr.t(key)) } }
                            }
                        }
                    }
                }
                main #main tabindex="-1" {
                    h1 { (title) }
                    (content)
                }
            }
        }
    };
    Html(page.into_string()).into_response()
}

fn csrf_field(viewer: &Viewer) -> Markup {
    html! { input type="hidden" name="csrf" value=(viewer.csrf()); }
}

fn flash(query: &BTreeMap<String, String>, tr: Tr) -> Markup {
    html! {
        @if query.contains_key("saved") { p.flash.ok role="status" { (tr.t("saved")) } }
        @if let Some(m) = query.get("refused") { p.flash.error role="alert" { (m) } }
    }
}

fn back_to(path: &str, refused: Option<&str>) -> Response {
    let target = match refused {
        Some(m) => format!(
            "{path}?{}",
            serde_urlencoded::to_string([("refused", m)]).unwrap_or_default()
        ),
        None => format!("{path}?saved=1"),
    };
    Redirect::to(&target).into_response()
}

/// The company a `/c/{company}` route names, or 404.
pub(crate) async fn company(app: &AppState, code: &str) -> Result<Company, WebError> {
    app.erp()
        .companies()
        .await?
        .into_iter()
        .find(|c| c.code == code)
        .ok_or(WebError::NotFound)
}

// ---- Sign-in, first administrator, language ----

pub async fn home(State(app): State<AppState>, viewer: Result<Viewer, WebError>) -> PageResult {
    if app.state().count_users().await? == 0 {
        return Ok(Redirect::to("/setup").into_response());
    }
    let viewer = viewer?;
    let companies = app.erp().companies().await?;
    if let [only] = &companies[..] {
        return Ok(Redirect::to(&format!("/c/{}/manager", only.code)).into_response());
    }
    let tr = viewer.tr;
    let content = html! {
        @if companies.is_empty() { p { "The ERP database holds no company: import one with `mpsync erp import`." } }
        ul.companies {
            @for c in &companies {
                li { a href={"/c/" (c.code) "/manager"} { strong { (c.code) } " — " (c.name) } " (" (c.environment.code()) ")" }
            }
        }
    };
    Ok(layout(&viewer, None, "", tr.t("companies"), content))
}

fn bare_page(tr: Tr, title: &str, content: Markup) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang=(tr.lang()) {
            head { meta charset="utf-8"; meta name="viewport" content="width=device-width, initial-scale=1"; title { (title) " — mpsync" } link rel="stylesheet" href="/static/style.css"; }
            body { main #main.narrow { p.brand { (tr.t("app")) } h1 { (title) } (content) } }
        }
    };
    Html(page.into_string()).into_response()
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    error: Option<String>,
    lang: Option<String>,
}

fn tr_of(lang: Option<&str>) -> Tr {
    Tr(lang.and_then(|l| l.parse().ok()).unwrap_or_default())
}

pub async fn login_form(State(app): State<AppState>, Query(q): Query<LoginQuery>) -> PageResult {
    if app.state().count_users().await? == 0 {
        return Ok(Redirect::to("/setup").into_response());
    }
    let tr = tr_of(q.lang.as_deref());
    let token = state::security::random_token("");
    let content = html! {
        @if let Some(e) = &q.error { p.flash.error role="alert" { (e) } }
        form.stack method="post" action="/login" {
            input type="hidden" name="csrf" value=(token);
            input type="hidden" name="next" value=(q.next.as_deref().unwrap_or("/"));
            label { (tr.t("username")) input name="username" autocomplete="username" required autofocus; }
            label { (tr.t("password")) input type="password" name="password" autocomplete="current-password" required; }
            button type="submit" { (tr.t("sign_in")) }
        }
        p { a href="/login?lang=en" lang="en" { "English" } " · " a href="/login?lang=fr" lang="fr" { "Français" } }
    };
    Ok(with_cookie(
        bare_page(tr, tr.t("sign_in"), content),
        set_cookie(LOGIN_COOKIE, &token, 3600),
    ))
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Only a path of this site, never another host.
fn local_path(next: &str) -> &str {
    // Browsers drop tabs and newlines from URLs, so `/\t/evil` would become `//evil`.
    let plain = !next
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if plain && next.starts_with('/') && !next.starts_with("//") {
        next
    } else {
        "/"
    }
}

pub async fn login(
    State(app): State<AppState>,
    addr: crate::auth::ClientAddr,
    headers: HeaderMap,
    axum::Form(form): axum::Form<LoginForm>,
) -> PageResult {
    same_origin(&headers, &app)?;
    let expected = cookie(&headers, LOGIN_COOKIE).unwrap_or("");
    if expected.is_empty() || !same_token(expected, &form.csrf) {
        return Err(WebError::Csrf);
    }
    let refused = |message: String| {
        let query = serde_urlencoded::to_string([("error", message), ("next", form.next.clone())])
            .unwrap_or_default();
        Ok(Redirect::to(&format!("/login?{query}")).into_response())
    };
    // One address trying many names is slowed too, not only one name from many addresses.
    if let Some(until) = app.address_throttle().refused(addr.0) {
        return refused(format!(
            "too many failed sign-ins from this address: try again after {}",
            until.format("%H:%M UTC")
        ));
    }
    let verdict = app
        .state()
        .verify_login(&form.username, &Secret::new(form.password.clone()))
        .await?;
    if verdict.is_err() {
        app.address_throttle().failed(addr.0);
    }
    match verdict {
        Ok(user) => {
            let token = app
                .state()
                .create_session(user.id, app.config().session_lifetime)
                .await?;
            app.state()
                .audit(
                    &user.username,
                    None,
                    "user.signed_in",
                    &serde_json::json!({}),
                )
                .await?;
            let response = Redirect::to(local_path(&form.next)).into_response();
            let response = with_cookie(
                response,
                set_cookie(
                    SESSION_COOKIE,
                    token.expose(),
                    app.config().session_lifetime.num_seconds(),
                ),
            );
            Ok(with_cookie(response, set_cookie(LOGIN_COOKIE, "", 0)))
        }
        Err(why) => refused(why.to_string()),
    }
}

pub async fn logout(
    State(app): State<AppState>,
    headers: HeaderMap,
    posted: Posted<BTreeMap<String, String>>,
) -> PageResult {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        app.state().delete_session(token).await?;
    }
    let _ = posted;
    Ok(with_cookie(
        Redirect::to("/login").into_response(),
        set_cookie(SESSION_COOKIE, "", 0),
    ))
}

pub async fn setup_form(State(app): State<AppState>, Query(q): Query<LoginQuery>) -> PageResult {
    if app.setup_token().await?.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    let tr = tr_of(q.lang.as_deref());
    let content = html! {
        p { (tr.t("setup_help")) }
        @if let Some(e) = &q.error { p.flash.error role="alert" { (e) } }
        form.stack method="post" action="/setup" {
            label { (tr.t("setup_token")) input name="token" required autocomplete="off"; }
            label { (tr.t("username")) input name="username" required autocomplete="username"; }
            label { (tr.t("display_name")) input name="display_name" autocomplete="name"; }
            label { (tr.t("password")) input type="password" name="password" required minlength="10" autocomplete="new-password"; }
            label { (tr.t("language"))
                select name="language" { option value="fr" selected[tr.0 == Language::Fr] { "Français" } option value="en" selected[tr.0 == Language::En] { "English" } }
            }
            button type="submit" { (tr.t("create")) }
        }
    };
    Ok(bare_page(tr, tr.t("setup"), content))
}

#[derive(Deserialize)]
pub struct SetupForm {
    token: String,
    username: String,
    #[serde(default)]
    display_name: String,
    password: String,
    language: String,
}

pub async fn setup(
    State(app): State<AppState>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<SetupForm>,
) -> PageResult {
    same_origin(&headers, &app)?;
    // The setup token is what a CSRF token is elsewhere: only the console shows it.
    if app.setup_token().await?.is_none() || !app.take_setup_token(&form.token) {
        return Err(WebError::Forbidden(
            "the one-time token is wrong or was used: read it again on the server's console".into(),
        ));
    }
    let created = app
        .state()
        .create_user(&NewUser {
            username: form.username.clone(),
            display_name: form.display_name.clone(),
            password: Secret::new(form.password.clone()),
            language: form.language.parse().unwrap_or_default(),
            rights: Rights(Right::all()),
        })
        .await;
    match created {
        Ok(user) => {
            app.state()
                .audit(
                    &user.username,
                    None,
                    "user.created",
                    &serde_json::json!({"username": user.username, "first_admin": true}),
                )
                .await?;
            Ok(Redirect::to("/login").into_response())
        }
        Err(e) => {
            // The token stays valid for a corrected try.
            *app.0.setup_token.lock().expect("setup token lock") =
                Some(form.token.trim().to_owned());
            let query = serde_urlencoded::to_string([("error", e.to_string())]).unwrap_or_default();
            Ok(Redirect::to(&format!("/setup?{query}")).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    language: String,
}

pub async fn set_language(
    State(app): State<AppState>,
    headers: HeaderMap,
    posted: Posted<LanguageForm>,
) -> PageResult {
    let language: Language = posted.form.language.parse()?;
    app.state()
        .set_user_language(posted.viewer.user().id, language)
        .await?;
    let back = headers
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| u.path().to_owned())
        .unwrap_or_else(|| "/".into());
    Ok(Redirect::to(local_path(&back)).into_response())
}

// ---- Security: users, groups, tokens, audit ----

const RIGHT_KEYS: &[(&str, &str)] = &[
    ("configure", "right_configure"),
    ("run", "right_run"),
    ("resolve", "right_resolve"),
    ("view", "right_view"),
    ("manage_users", "right_manage_users"),
];

pub async fn users(
    State(app): State<AppState>,
    viewer: Viewer,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    let tr = viewer.tr;
    let manage = viewer.rights().allows(&Right::ManageUsers);
    let users = if manage {
        app.state().list_users().await?
    } else {
        vec![]
    };
    let groups = if manage {
        app.state().list_groups().await?
    } else {
        vec![]
    };
    let tokens = app.state().list_api_tokens(viewer.user().id).await?;
    let content = html! {
        (flash(&q, tr))
        @if manage {
            h2 { (tr.t("users")) }
            table {
                thead { tr { th { (tr.t("username")) } th { (tr.t("display_name")) } th { (tr.t("rights")) } } }
                tbody {
                    @for u in &users {
                        tr {
                            td { (u.username) @if u.disabled_at.is_some() { " (disabled)" } }
                            td { (u.display_name) }
                            td {
                                form.inline method="post" action={"/users/" (u.id) "/rights"} {
                                    (csrf_field(&viewer))
                                    @for (right, key) in RIGHT_KEYS {
                                        @let held = u.rights.0.contains(&right.parse::<Right>().expect("known right"));
                                        label.check { input type="checkbox" name={"r_" (right)} value="1" checked[held]; " " (tr.t(key)) }
                                    }
                                    label { "run:<entity> " input name="run_entities" value=(u.rights.0.iter().filter_map(|r| match r { Right::Run(Some(e)) => Some(e.as_str()), _ => None }).collect::<Vec<_>>().join(",")) size="24"; }
                                    button type="submit" { (tr.t("save")) }
                                }
                            }
                        }
                    }
                }
            }
            h3 { (tr.t("create")) }
            form.stack method="post" action="/users" {
                (csrf_field(&viewer))
                label { (tr.t("username")) input name="username" required; }
                label { (tr.t("display_name")) input name="display_name"; }
                label { (tr.t("password")) input type="password" name="password" required minlength="10" autocomplete="new-password"; }
                label { (tr.t("language")) select name="language" { option value="fr" { "Français" } option value="en" { "English" } } }
                fieldset { legend { (tr.t("rights")) }
                    @for (right, key) in RIGHT_KEYS { label.check { input type="checkbox" name={"r_" (right)} value="1"; " " (tr.t(key)) } }
                }
                button type="submit" { (tr.t("create")) }
            }
            h2 { (tr.t("groups")) }
            ul { @for g in &groups { li { strong { (g.name) } ": " (g.rights.0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")) " — " (tr.t("members")) ": " (g.members.iter().filter_map(|m| users.iter().find(|u| u.id == *m)).map(|u| u.username.as_str()).collect::<Vec<_>>().join(", ")) } } }
            form.inline method="post" action="/users/groups" {
                (csrf_field(&viewer))
                label { (tr.t("groups")) " " input name="name" required; }
                @for (right, key) in RIGHT_KEYS { label.check { input type="checkbox" name={"r_" (right)} value="1"; " " (tr.t(key)) } }
                button type="submit" { (tr.t("create")) }
            }
            @if !groups.is_empty() {
                form.inline method="post" action="/users/groups/members" {
                    (csrf_field(&viewer))
                    label { (tr.t("groups")) " " select name="group" { @for g in &groups { option value=(g.id) { (g.name) } } } }
                    label { (tr.t("username")) " " select name="user" { @for u in &users { option value=(u.id) { (u.username) } } } }
                    button type="submit" { (tr.t("add_member")) }
                }
            }
        }
        h2 { (tr.t("api_tokens")) }
        ul { @for t in &tokens { li { (t.name) " — " (when(t.created_at)) @if t.revoked_at.is_some() { " (revoked)" } } } }
        form.inline method="post" action="/users/tokens" {
            (csrf_field(&viewer))
            label { (tr.t("new_token")) " " input name="name" required; }
            button type="submit" { (tr.t("create")) }
        }
    };
    Ok(layout(&viewer, None, "users", tr.t("tab_users"), content))
}

fn rights_from(form: &BTreeMap<String, String>) -> Result<Rights, WebError> {
    let mut rights = Rights::default();
    for (right, _) in RIGHT_KEYS {
        if form.get(&format!("r_{right}")).is_some_and(|v| v == "1") {
            rights.0.insert(right.parse()?);
        }
    }
    if let Some(entities) = form.get("run_entities") {
        for entity in entities.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            if runner::enabled::spec(entity).is_none() {
                return Err(WebError::BadRequest(format!(
                    "run:{entity}: no such entity"
                )));
            }
            rights.0.insert(Right::Run(Some(entity.to_owned())));
        }
    }
    Ok(rights)
}

pub async fn create_user(
    State(app): State<AppState>,
    posted: Posted<BTreeMap<String, String>>,
) -> PageResult {
    posted.viewer.require(&Right::ManageUsers)?;
    let f = &posted.form;
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let rights = rights_from(f)?;
    match app
        .state()
        .create_user(&NewUser {
            username: get("username"),
            display_name: get("display_name"),
            password: Secret::new(get("password")),
            language: get("language").parse().unwrap_or_default(),
            rights: rights.clone(),
        })
        .await
    {
        Ok(user) => {
            app.audit_by(
                &posted.viewer,
                None,
                "user.created",
                &serde_json::json!({"username": user.username, "rights": rights}),
            )
            .await?;
            Ok(back_to("/users", None))
        }
        Err(e) => Ok(back_to("/users", Some(&e.to_string()))),
    }
}

pub async fn set_rights(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    posted: Posted<BTreeMap<String, String>>,
) -> PageResult {
    posted.viewer.require(&Right::ManageUsers)?;
    let rights = rights_from(&posted.form)?;
    let user = app.state().user(id).await?.ok_or(WebError::NotFound)?;
    app.state().set_user_rights(id, &rights).await?;
    app.audit_by(
        &posted.viewer,
        None,
        "user.rights_changed",
        &serde_json::json!({"username": user.username, "rights": rights}),
    )
    .await?;
    Ok(back_to("/users", None))
}

pub async fn create_group(
    State(app): State<AppState>,
    posted: Posted<BTreeMap<String, String>>,
) -> PageResult {
    posted.viewer.require(&Right::ManageUsers)?;
    let rights = rights_from(&posted.form)?;
    let name = posted.form.get("name").cloned().unwrap_or_default();
    match app.state().create_group(&name, &rights).await {
        Ok(group) => {
            app.audit_by(
                &posted.viewer,
                None,
                "group.created",
                &serde_json::json!({"group": group.name, "rights": rights}),
            )
            .await?;
            Ok(back_to("/users", None))
        }
        Err(e) => Ok(back_to("/users", Some(&e.to_string()))),
    }
}

#[derive(Deserialize)]
pub struct MemberForm {
    group: i64,
    user: i64,
}

pub async fn add_member(State(app): State<AppState>, posted: Posted<MemberForm>) -> PageResult {
    posted.viewer.require(&Right::ManageUsers)?;
    let group = app
        .state()
        .list_groups()
        .await?
        .into_iter()
        .find(|g| g.id == posted.form.group)
        .ok_or(WebError::NotFound)?;
    let user = app
        .state()
        .user(posted.form.user)
        .await?
        .ok_or(WebError::NotFound)?;
    app.state().add_group_member(group.id, user.id).await?;
    app.audit_by(
        &posted.viewer,
        None,
        "group.member_added",
        &serde_json::json!({"group": group.name, "username": user.username}),
    )
    .await?;
    Ok(back_to("/users", None))
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(State(app): State<AppState>, posted: Posted<TokenForm>) -> PageResult {
    let (_, token) = app
        .state()
        .create_api_token(posted.viewer.user().id, &posted.form.name)
        .await?;
    app.audit_by(
        &posted.viewer,
        None,
        "api_token.created",
        &serde_json::json!({"name": posted.form.name}),
    )
    .await?;
    // Shown once, in this answer (never in a URL, never stored in clear).
    let tr = posted.viewer.tr;
    let content = html! {
        p.flash.ok role="status" { (tr.t("token_once")) }
        p { code #new-token { (token.expose()) } }
        p { a href="/users" { (tr.t("back")) } }
    };
    Ok(layout(
        &posted.viewer,
        None,
        "users",
        tr.t("new_token"),
        content,
    ))
}

pub async fn audit(State(app): State<AppState>, viewer: Viewer) -> PageResult {
    if !(viewer.rights().allows(&Right::Configure) || viewer.rights().allows(&Right::ManageUsers)) {
        return Err(WebError::Forbidden(
            "the audit log needs the right 'configure' or 'manage_users'".into(),
        ));
    }
    let tr = viewer.tr;
    let entries = app.state().audit_log(None, Page::first(500)).await?;
    let content = html! {
        table {
            thead { tr { th { (tr.t("when")) } th { (tr.t("who")) } th { (tr.t("company")) } th { (tr.t("what")) } th { (tr.t("detail")) } } }
            tbody { @for e in &entries { tr { td { (when(e.at)) } td { (e.actor) } td { (e.erp_company.as_deref().unwrap_or("")) } td { code { (e.action) } } td { code { (e.detail.to_string()) } } } } }
        }
    };
    Ok(layout(&viewer, None, "audit", tr.t("tab_audit"), content))
}

// ---- Authentication tab ----

pub async fn auth_tab(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    let company = company(&app, &code).await?;
    let tr = viewer.tr;
    let connection = runner::connection::connection(app.state(), &code).await?;
    let credentials = runner::connection::credentials(app.state(), app.cipher()).await?;
    let pairing = app.state().active_pairing(&code).await?;
    let configure = viewer.rights().allows(&Right::Configure);
    let status = crate::connect::status(&app, &code).await?;
    let environment = match &connection {
        Some(c) => Some(runner::connection::environment(app.state(), c).await?),
        None => None,
    };
    let preset = match &connection {
        Some(runner::connection::Connection::Production) | None => "production",
        Some(runner::connection::Connection::DeveloperSandbox) => "developer_sandbox",
        Some(runner::connection::Connection::MonthlySandbox) => "monthly_sandbox",
        Some(runner::connection::Connection::Custom { .. }) => "custom",
    };
    let custom = match &connection {
        Some(runner::connection::Connection::Custom {
            login_url,
            api_url,
            kind,
        }) => Some((login_url.to_string(), api_url.to_string(), *kind)),
        _ => None,
    };
    let content = html! {
        (flash(&q, tr))
        section {
            h2 { (tr.t("connection")) }
            dl {
                dt { (tr.t("company_kind")) } dd { (company.environment.code()) }
                dt { (tr.t("environment")) } dd { (environment.map(|e| e.api_url().to_string()).unwrap_or_else(|| "—".into())) }
                dt { (tr.t("paired_with")) } dd {
                    @match &pairing { Some(p) => { (p.procore_company_id) " (" (p.environment) ", " (p.api_base_url) ")" }, None => { (tr.t("not_connected")) } }
                }
                @if let Some((user, expires)) = &status {
                    dt { (tr.t("username")) } dd #procore-user { (user.as_deref().unwrap_or("—")) }
                    dt { (tr.t("token_expires")) } dd { (when(*expires)) }
                }
            }
            @if configure && connection.is_some() && credentials.is_some() {
                form.inline method="post" action={"/c/" (code) "/connect"} {
                    (csrf_field(&viewer))
                    button #connect type="submit" { (tr.t("connect")) }
                }
            }
            @if configure && status.is_some() {
                form.inline method="post" action={"/c/" (code) "/disconnect"} {
                    (csrf_field(&viewer))
                    button #disconnect type="submit" { (tr.t("disconnect")) }
                }
            }
        }
        @if configure {
            form.stack method="post" action={"/c/" (code) "/auth"} {
                (csrf_field(&viewer))
                fieldset {
                    legend { (tr.t("api_url")) }
                    @for (value, key) in [("production", "env_production"), ("developer_sandbox", "env_developer_sandbox"), ("monthly_sandbox", "env_monthly_sandbox"), ("custom", "custom_url")] {
                        label.check { input type="radio" name="preset" value=(value) checked[preset == value]; " " (tr.t(key)) }
                    }
                    label { "Login URL" input name="login_url" value=(custom.as_ref().map(|c| c.0.as_str()).unwrap_or("")) placeholder="https://login.example.com"; }
                    label { (tr.t("api_url")) input name="api_url" value=(custom.as_ref().map(|c| c.1.as_str()).unwrap_or("")) placeholder="https://api.example.com"; }
                    label { (tr.t("env_kind"))
                        select name="kind" {
                            option value="sandbox" selected[custom.as_ref().is_some_and(|c| c.2 == procore::EnvironmentKind::Sandbox)] { (tr.t("kind_sandbox")) }
                            option value="production" selected[custom.as_ref().is_some_and(|c| c.2 == procore::EnvironmentKind::Production)] { (tr.t("kind_production")) }
                        }
                    }
                }
                fieldset {
                    legend { (tr.t("app_credentials")) }
                    label { (tr.t("client_id")) input name="client_id" value=(credentials.as_ref().map(|c| c.client_id.as_str()).unwrap_or("")) autocomplete="off"; }
                    label { (tr.t("client_secret")) input type="password" name="client_secret" autocomplete="off" placeholder=(tr.t("kept_secret")); }
                }
                button type="submit" { (tr.t("save")) }
            }
            @if pairing.is_some() {
                section.danger {
                    h2 { (tr.t("unpair")) }
                    p { (tr.t("unpair_help")) }
                    form.inline method="post" action={"/c/" (code) "/unpair"} {
                        (csrf_field(&viewer))
                        label { (tr.t("company")) " " input name="confirm" required autocomplete="off"; }
                        button.danger type="submit" { (tr.t("unpair")) }
                    }
                }
            }
        }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "auth",
        tr.t("tab_auth"),
        content,
    ))
}

#[derive(Deserialize)]
pub struct ConnectionForm {
    preset: String,
    #[serde(default)]
    login_url: String,
    #[serde(default)]
    api_url: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
}

/// The environment a company may be paired with: a test company only with a sandbox, a
/// production company only with production (the seed's strongest warning).
pub fn check_environment(
    company: &Company,
    environment: &procore::Environment,
) -> Result<(), String> {
    let wanted = match company.environment {
        erp::Environment::Production => procore::EnvironmentKind::Production,
        erp::Environment::Test => procore::EnvironmentKind::Sandbox,
    };
    if environment.kind() == wanted {
        Ok(())
    } else {
        Err(format!(
            "maestro* company {} holds {} data and {} is a {} Procore: a {} company is only paired with a {} Procore",
            company.code,
            company.environment.code(),
            environment.api_url(),
            environment.kind(),
            company.environment.code(),
            wanted
        ))
    }
}

pub async fn save_connection(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<ConnectionForm>,
) -> PageResult {
    posted.viewer.require(&Right::Configure)?;
    let company = company(&app, &code).await?;
    let f = &posted.form;
    use runner::connection::Connection;
    let connection = match f.preset.as_str() {
        "production" => Connection::Production,
        "developer_sandbox" => Connection::DeveloperSandbox,
        "monthly_sandbox" => Connection::MonthlySandbox,
        "custom" => {
            let parse =
                |what: &str, v: &str| url::Url::parse(v.trim()).map_err(|e| format!("{what}: {e}"));
            let (login_url, api_url) = match (
                parse("Login URL", &f.login_url),
                parse("API URL", &f.api_url),
            ) {
                (Ok(l), Ok(a)) => (l, a),
                (Err(e), _) | (_, Err(e)) => {
                    return Ok(back_to(&format!("/c/{code}/auth"), Some(&e)))
                }
            };
            let kind = match f.kind.as_str() {
                "production" => procore::EnvironmentKind::Production,
                "sandbox" => procore::EnvironmentKind::Sandbox,
                _ => {
                    return Ok(back_to(
                        &format!("/c/{code}/auth"),
                        Some("a custom URL must say whether it is production or a sandbox"),
                    ))
                }
            };
            Connection::Custom {
                login_url,
                api_url,
                kind,
            }
        }
        other => return Err(WebError::BadRequest(format!("unknown preset {other}"))),
    };
    if let Err(why) = connection.check() {
        return Ok(back_to(&format!("/c/{code}/auth"), Some(&why)));
    }
    let environment = runner::connection::environment(app.state(), &connection).await?;
    if let Err(why) = check_environment(&company, &environment) {
        return Ok(back_to(&format!("/c/{code}/auth"), Some(&why)));
    }
    // Once records are bound the pairing is fixed: re-pointing it is refused until unpaired.
    if let Some(pairing) = app.state().active_pairing(&code).await? {
        let current = runner::connection::connection(app.state(), &code).await?;
        let same = match &current {
            Some(c) => *c == connection,
            None => {
                pairing.api_base_url.trim_end_matches('/')
                    == environment.api_url().as_str().trim_end_matches('/')
                    && pairing.environment == environment.kind()
            }
        };
        if !same {
            return Ok(back_to(
                &format!("/c/{code}/auth"),
                Some(&format!(
                    "{code} is paired with Procore company {} at {}: unpair it first (this archives its links) before pointing it at another environment",
                    pairing.procore_company_id, pairing.api_base_url
                )),
            ));
        }
    }
    app.state()
        .set_setting_as(&code, runner::connection::CONNECTION_SETTING, &connection)
        .await?;
    let secret = f.client_secret.trim();
    if !f.client_id.trim().is_empty() {
        let secret = match (
            secret.is_empty(),
            runner::connection::credentials(app.state(), app.cipher()).await?,
        ) {
            (false, _) => Secret::new(secret.to_owned()),
            (true, Some(saved)) => saved.client_secret,
            (true, None) => {
                return Ok(back_to(
                    &format!("/c/{code}/auth"),
                    Some("the client secret is required the first time"),
                ))
            }
        };
        runner::connection::save_credentials(
            app.state(),
            app.cipher(),
            &procore::AppCredentials {
                client_id: f.client_id.trim().to_owned(),
                client_secret: secret,
            },
        )
        .await?;
    }
    app.audit_by(&posted.viewer, Some(&code), "connection.changed", &serde_json::json!({"api_url": environment.api_url().as_str(), "kind": environment.kind().to_string()}))
        .await?;
    Ok(back_to(&format!("/c/{code}/auth"), None))
}

#[derive(Deserialize)]
pub struct UnpairForm {
    confirm: String,
}

pub async fn unpair(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<UnpairForm>,
) -> PageResult {
    posted.viewer.require(&Right::Configure)?;
    let company = company(&app, &code).await?;
    let typed = posted.form.confirm.trim();
    if typed != company.name && typed != company.code {
        return Ok(back_to(
            &format!("/c/{code}/auth"),
            Some("type the company's name exactly to unpair it"),
        ));
    }
    let Some(pairing) = app.state().active_pairing(&code).await? else {
        return Ok(back_to(&format!("/c/{code}/auth"), None));
    };
    let archived = app.state().unpair(pairing.id).await?;
    app.audit_by(&posted.viewer, Some(&code), "pairing.unpaired", &serde_json::json!({"procore_company": pairing.procore_company_id, "api_url": pairing.api_base_url, "bindings_archived": archived})).await?;
    Ok(back_to(&format!("/c/{code}/auth"), None))
}

// ---- Synchronization Settings, Projects and Orders tabs ----

pub async fn settings_tab(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let enabled = runner::enabled::enabled_entities(app.state(), &code).await?;
    let order = engine::entity::dependency_order(runner::entities::SPECS)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let pairing = app.state().active_pairing(&code).await?;
    // Items waiting: each entity's records left in error or pending by the latest run that
    // handled it (they are read again by the next run, or need a person).
    let mut waiting: BTreeMap<String, u64> = BTreeMap::new();
    if let Some(p) = &pairing {
        for run in app.state().list_runs(Some(p.id), Page::first(20)).await? {
            let mut seen: BTreeMap<String, u64> = BTreeMap::new();
            for c in app.state().run_summary(run.id).await? {
                let n = seen.entry(c.entity.clone()).or_default();
                if matches!(c.status, SyncStatus::Error | SyncStatus::Pending) {
                    *n += c.count;
                }
            }
            for (entity, n) in seen {
                waiting.entry(entity).or_insert(n);
            }
        }
    }
    let cursors = match &pairing {
        Some(p) => app.state().list_cursors(p.id).await?,
        None => vec![],
    };
    let configure = viewer.rights().allows(&Right::Configure);
    let schedule: crate::schedule::Schedule = app
        .state()
        .setting_as(&code, crate::schedule::SCHEDULE_SETTING)
        .await?
        .unwrap_or_default();
    let every = |name: &str, current: Option<u32>| {
        html! {
            select name=(name) id=(name) disabled[!configure] {
                option value="" { "—" }
                @for m in crate::schedule::CHOICES {
                    option value=(m) selected[current == Some(*m)] { (interval(tr, *m)) }
                }
            }
        }
    };
    let content = html! {
        (flash(&q, tr))
        p { (tr.t("settings_help")) }
        form method="post" action={"/c/" (code) "/settings"} {
            (csrf_field(&viewer))
            p { label for="every_company" { (tr.t("schedule_company")) } " " (every("every_company", schedule.company_every)) }
            table.entities {
                thead { tr { th { "#" } th { (tr.t("enabled")) } th { (tr.t("entity")) } th { (tr.t("direction")) } th { (tr.t("procore_entity")) } th { (tr.t("depends_on")) } th { (tr.t("last_synced")) } th { (tr.t("waiting")) } th { (tr.t("schedule")) } } }
                tbody {
                    @for (n, spec) in order.iter().enumerate() {
                        @let (glyph, words) = arrow(spec.direction);
                        @let last = cursors.iter().filter(|c| c.key.entity == spec.name).map(|c| c.updated_at).max();
                        tr id={"row-" (spec.name)} {
                            td { (n + 1) }
                            td { input type="checkbox" name={"on_" (spec.name)} value="1" id={"on_" (spec.name)} checked[enabled.contains(&spec.name)] disabled[!configure]; }
                            td { label for={"on_" (spec.name)} { code { (spec.name) } } }
                            td.arrow title=(words) { span aria-hidden="true" { (glyph) } span.sr { (words) } }
                            td { (procore_name(spec.name)) }
                            td { (spec.depends_on.join(", ")) }
                            td { (last.map(when).unwrap_or_else(|| "—".into())) }
                            td.waiting { (waiting.get(spec.name).map(|n| n.to_string()).unwrap_or_else(|| "—".into())) }
                            td { (every(&format!("every_{}", spec.name), schedule.entities.get(spec.name).copied())) }
                        }
                    }
                }
            }
            @if configure { button type="submit" { (tr.t("save")) } }
        }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "settings",
        tr.t("tab_settings"),
        content,
    ))
}

pub async fn save_entities(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> PageResult {
    posted.viewer.require(&Right::Configure)?;
    company(&app, &code).await?;
    let names: Vec<&str> = runner::entities::SPECS
        .iter()
        .map(|s| s.name)
        .filter(|n| {
            posted
                .form
                .get(&format!("on_{n}"))
                .is_some_and(|v| v == "1")
        })
        .collect();
    let minutes = |key: &str| -> Result<Option<u32>, WebError> {
        match posted
            .form
            .get(key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
        {
            None => Ok(None),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|m| crate::schedule::CHOICES.contains(m))
                .map(Some)
                .ok_or_else(|| WebError::BadRequest(format!("{key}: not an interval offered"))),
        }
    };
    let mut schedule = crate::schedule::Schedule {
        company_every: minutes("every_company")?,
        ..Default::default()
    };
    for name in &names {
        if let Some(m) = minutes(&format!("every_{name}"))? {
            schedule.entities.insert((*name).to_owned(), m);
        }
    }
    let result = match runner::enabled::set_enabled_entities(app.state(), &code, &names).await {
        Ok(()) => app
            .state()
            .set_setting_as(&code, crate::schedule::SCHEDULE_SETTING, &schedule)
            .await
            .map_err(Into::into),
        Err(e) => Err(e),
    };
    let detail = serde_json::json!({"name": runner::enabled::ENABLED_SETTING, "value": names, "schedule": schedule});
    setting_saved(&app, &posted.viewer, &code, "settings", result, detail).await
}

/// A setting saved (audited, back to its tab) or refused by a rule (back with the reason).
async fn setting_saved(
    app: &AppState,
    viewer: &Viewer,
    code: &str,
    tab: &str,
    result: Result<(), runner::RunnerError>,
    detail: serde_json::Value,
) -> PageResult {
    let back = format!("/c/{code}/{tab}");
    match result {
        Ok(()) => {
            app.state()
                .audit(
                    &viewer.user().username,
                    Some(code),
                    "settings.changed",
                    &detail,
                )
                .await?;
            Ok(back_to(&back, None))
        }
        Err(e) => Ok(back_to(&back, Some(&WebError::from(e).to_string()))),
    }
}

pub async fn projects_tab(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let mode = runner::cost_codes::cost_code_mode(app.state(), &code).await?;
    let (is_direct, separator) = match &mode {
        CostCodeMode::Direct { separator } => (true, separator.clone()),
        CostCodeMode::Concatenated { separator } => (false, separator.clone()),
    };
    let configure = viewer.rights().allows(&Right::Configure);
    let content = html! {
        (flash(&q, tr))
        p { (tr.t("projects_help")) }
        form.stack method="post" action={"/c/" (code) "/projects"} {
            (csrf_field(&viewer))
            fieldset disabled[!configure] {
                legend { (tr.t("cost_code_mode")) }
                label.check { input type="radio" name="mode" value="direct" checked[is_direct]; " " (tr.t("mode_direct")) }
                label.check { input type="radio" name="mode" value="concatenated" checked[!is_direct]; " " (tr.t("mode_concatenated")) }
                label { (tr.t("separator")) input name="separator" value=(separator) maxlength="3" size="3"; }
            }
            @if configure { button type="submit" { (tr.t("save")) } }
        }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "projects",
        tr.t("tab_projects"),
        content,
    ))
}

#[derive(Deserialize)]
pub struct ModeForm {
    mode: String,
    #[serde(default)]
    separator: String,
}

async fn pairing_or_none(app: &AppState, code: &str) -> Result<Option<state::PairingId>, WebError> {
    Ok(app.state().active_pairing(code).await?.map(|p| p.id))
}

pub async fn save_cost_code_mode(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<ModeForm>,
) -> PageResult {
    posted.viewer.require(&Right::Configure)?;
    company(&app, &code).await?;
    let separator = if posted.form.separator.is_empty() {
        "-".to_owned()
    } else {
        posted.form.separator.clone()
    };
    let mode = match posted.form.mode.as_str() {
        "direct" => CostCodeMode::Direct { separator },
        "concatenated" => CostCodeMode::Concatenated { separator },
        other => return Err(WebError::BadRequest(format!("unknown mode {other}"))),
    };
    let result = match pairing_or_none(&app, &code).await? {
        Some(pairing) => {
            runner::cost_codes::set_cost_code_mode(app.state(), pairing, &code, &mode).await
        }
        None => app
            .state()
            .set_setting_as(&code, runner::cost_codes::MODE_SETTING, &mode)
            .await
            .map_err(Into::into),
    };
    let detail = serde_json::json!({"name": runner::cost_codes::MODE_SETTING, "value": mode});
    setting_saved(&app, &posted.viewer, &code, "projects", result, detail).await
}

pub async fn orders_tab(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let target = runner::commitments::orders_target(app.state(), &code).await?;
    let configure = viewer.rights().allows(&Right::Configure);
    let content = html! {
        (flash(&q, tr))
        form.stack method="post" action={"/c/" (code) "/orders"} {
            (csrf_field(&viewer))
            fieldset disabled[!configure] {
                legend { (tr.t("orders_target")) }
                label.check { input type="radio" name="target" value="regular" checked[target == OrdersTarget::Regular]; " " (tr.t("orders_regular")) }
                label.check { input type="radio" name="target" value="stock" checked[target == OrdersTarget::Stock]; " " (tr.t("orders_stock")) }
            }
            @if configure { button type="submit" { (tr.t("save")) } }
        }
        p { (tr.t("orders_help")) }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "orders",
        tr.t("tab_orders"),
        content,
    ))
}

#[derive(Deserialize)]
pub struct OrdersForm {
    target: String,
}

pub async fn save_orders(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<OrdersForm>,
) -> PageResult {
    posted.viewer.require(&Right::Configure)?;
    company(&app, &code).await?;
    let target = match posted.form.target.as_str() {
        "regular" => OrdersTarget::Regular,
        "stock" => OrdersTarget::Stock,
        other => {
            return Err(WebError::BadRequest(format!(
                "unknown orders target {other}"
            )))
        }
    };
    let result = match pairing_or_none(&app, &code).await? {
        Some(pairing) => {
            runner::commitments::set_orders_target(app.state(), pairing, &code, target).await
        }
        None => app
            .state()
            .set_setting_as(&code, runner::commitments::ORDERS_TARGET_SETTING, &target)
            .await
            .map_err(Into::into),
    };
    let detail =
        serde_json::json!({"name": runner::commitments::ORDERS_TARGET_SETTING, "value": target});
    setting_saved(&app, &posted.viewer, &code, "orders", result, detail).await
}

// ---- Synchronization Manager ----

fn duration(run: &state::SyncRun) -> String {
    match run.finished_at {
        Some(end) => {
            let secs = (end - run.started_at).num_seconds().max(0);
            format!("{}:{:02}", secs / 60, secs % 60)
        }
        None => "…".into(),
    }
}

pub async fn manager(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let pairing = app.state().active_pairing(&code).await?;
    let runs = match &pairing {
        Some(p) => app.state().list_runs(Some(p.id), Page::first(50)).await?,
        None => vec![],
    };
    let open = match &pairing {
        Some(p) => app
            .state()
            .list_conflicts(
                p.id,
                &ConflictFilter {
                    open_only: true,
                    ..Default::default()
                },
            )
            .await?
            .len(),
        None => 0,
    };
    let enabled = runner::enabled::enabled_entities(app.state(), &code).await?;
    let runnable: Vec<&str> = enabled
        .iter()
        .copied()
        .filter(|e| viewer.rights().may_run(e))
        .collect();
    let content = html! {
        (flash(&q, tr))
        @if pairing.is_none() { p.flash.error { (tr.t("not_connected")) " " a href={"/c/" (code) "/auth"} { (tr.t("tab_auth")) } } }
        @if let Some(failure) = app.board().get(&code).and_then(|l| l.failure) { p.flash.error role="alert" { (tr.t("error")) ": " (failure) } }
        section #live data-url={"/c/" (code) "/manager/live"} aria-live="polite" {
            h2 { (tr.t("live")) }
            p #live-text { (tr.t("live_none")) }
            progress #live-bar hidden max="100" value="0" {}
        }
        @if !runnable.is_empty() && pairing.is_some() {
            form.inline #run-form method="post" action={"/c/" (code) "/runs"} {
                (csrf_field(&viewer))
                label { (tr.t("entity")) " "
                    select name="entity" {
                        @if viewer.rights().allows(&Right::Run(None)) { option value="" { (tr.t("run_all")) } }
                        @for e in &runnable { option value=(e) { (e) } }
                    }
                }
                button type="submit" { (tr.t("run_now")) }
            }
        }
        p { a href={"/c/" (code) "/conflicts"} { (tr.t("conflicts")) " (" (open) ")" } " · " a href={"/c/" (code) "/links"} { (tr.t("links")) } }
        h2 { (tr.t("runs")) }
        @if runs.is_empty() { p { (tr.t("no_runs")) } } @else {
            table #runs {
                thead { tr { th { (tr.t("run")) } th { (tr.t("started")) } th { (tr.t("duration")) } th { (tr.t("trigger")) } th { (tr.t("status")) } } }
                tbody {
                    @for run in &runs {
                        tr id={"run-" (run.id)} data-status=(run.status.as_str()) {
                            td { a href={"/c/" (code) "/manager/runs/" (run.id)} { "#" (run.id) } }
                            td { (when(run.started_at)) }
                            td { (duration(run)) }
                            td { (run.started_by.as_deref().unwrap_or(run.trigger.as_str())) }
                            td { (status_badge(tr, run.status)) }
                        }
                    }
                }
            }
        }
        script src="/static/live.js" {}
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "manager",
        tr.t("tab_manager"),
        content,
    ))
}

/// The live run, as JSON for the page's polling.
pub async fn live(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> PageResult {
    viewer.require(&Right::View)?;
    Ok(Json(app.board().get(&code)).into_response())
}

#[derive(Deserialize)]
pub struct RunForm {
    #[serde(default)]
    entity: String,
}

pub async fn start_run(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<RunForm>,
) -> PageResult {
    company(&app, &code).await?;
    let rights = posted.viewer.rights();
    let entities: Vec<String> = if posted.form.entity.is_empty() {
        posted.viewer.require(&Right::Run(None))?;
        vec![]
    } else {
        posted
            .viewer
            .require(&Right::Run(Some(posted.form.entity.clone())))?;
        vec![posted.form.entity.clone()]
    };
    let _ = rights;
    let actor = format!("ui:{}", posted.viewer.user().username);
    match crate::runs::start(&app, &code, entities, &actor, RunTrigger::Ui).await {
        Ok(()) => Ok(Redirect::to(&format!("/c/{code}/manager")).into_response()),
        Err(WebError::Refused(m)) => Ok(back_to(&format!("/c/{code}/manager"), Some(&m))),
        Err(e) => Err(e),
    }
}

pub async fn retry_run(
    State(app): State<AppState>,
    Path((code, id)): Path<(String, i64)>,
    posted: Posted<BTreeMap<String, String>>,
) -> PageResult {
    company(&app, &code).await?;
    posted.viewer.require(&Right::View)?;
    let pairing = app
        .state()
        .active_pairing(&code)
        .await?
        .ok_or(WebError::NotFound)?;
    let run = app.state().run(id).await?.ok_or(WebError::NotFound)?;
    if run.pairing != pairing.id {
        return Err(WebError::NotFound);
    }
    let entities = crate::runs::failed_entities(app.state(), id).await?;
    for e in &entities {
        posted.viewer.require(&Right::Run(Some(e.clone())))?;
    }
    if entities.is_empty() {
        return Ok(back_to(
            &format!("/c/{code}/manager/runs/{id}"),
            Some("no failed record in this run"),
        ));
    }
    let actor = format!("ui:{}", posted.viewer.user().username);
    match crate::runs::start(&app, &code, entities, &actor, RunTrigger::Ui).await {
        Ok(()) => Ok(Redirect::to(&format!("/c/{code}/manager")).into_response()),
        Err(WebError::Refused(m)) => Ok(back_to(&format!("/c/{code}/manager/runs/{id}"), Some(&m))),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
pub struct OutcomeQuery {
    #[serde(default)]
    entity: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
    /// Which page of the run's records, from 0.
    #[serde(default)]
    page: u32,
    #[serde(default)]
    refused: Option<String>,
}

/// One page of a run's outcomes matching the query, and whether another page follows. Without
/// a text filter the page is read from the database; with one, the run's matching outcomes are
/// gathered (as the export does) and the page cut from them.
async fn filtered_outcomes(
    app: &AppState,
    code: &str,
    id: i64,
    query: &OutcomeQuery,
) -> Result<(state::SyncRun, Vec<state::RecordOutcome>, bool), WebError> {
    let pairing = app
        .state()
        .active_pairing(code)
        .await?
        .ok_or(WebError::NotFound)?;
    let run = app.state().run(id).await?.ok_or(WebError::NotFound)?;
    if run.pairing != pairing.id {
        return Err(WebError::NotFound);
    }
    let size = state::run::MAX_PAGE;
    let offset = query.page.saturating_mul(size);
    if query.q.trim().is_empty() {
        let report = app
            .state()
            .run_report(
                id,
                &outcome_filter(query)?,
                Page {
                    offset,
                    limit: size,
                },
            )
            .await?
            .ok_or(WebError::NotFound)?;
        let more = report.outcomes.len() as u32 == size;
        return Ok((run, report.outcomes, more));
    }
    let all = all_outcomes(app, code, id, query).await?;
    let more = all.len() > (offset as usize).saturating_add(size as usize);
    let page = all
        .into_iter()
        .skip(offset as usize)
        .take(size as usize)
        .collect();
    Ok((run, page, more))
}

fn outcome_filter(query: &OutcomeQuery) -> Result<OutcomeFilter, WebError> {
    Ok(OutcomeFilter {
        entity: (!query.entity.is_empty()).then(|| query.entity.clone()),
        status: if query.status.is_empty() {
            None
        } else {
            Some(query.status.parse()?)
        },
    })
}

pub async fn run_detail(
    State(app): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, i64)>,
    Query(query): Query<OutcomeQuery>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let (run, outcomes, more) = filtered_outcomes(&app, &code, id, &query).await?;
    let page_link = |page: u32| {
        let query = serde_urlencoded::to_string([
            ("entity", query.entity.as_str()),
            ("status", query.status.as_str()),
            ("q", query.q.as_str()),
            ("page", &page.to_string()),
        ])
        .unwrap_or_default();
        format!("/c/{code}/manager/runs/{id}?{query}")
    };
    let first = query.page.saturating_mul(state::run::MAX_PAGE) as usize;
    let failed = crate::runs::failed_entities(app.state(), id).await?;
    let may_retry = !failed.is_empty() && failed.iter().all(|e| viewer.rights().may_run(e));
    let csv_query = serde_urlencoded::to_string([
        ("entity", &query.entity),
        ("status", &query.status),
        ("q", &query.q),
    ])
    .unwrap_or_default();
    let content = html! {
        @if let Some(m) = &query.refused { p.flash.error role="alert" { (m) } }
        p { (tr.t("started")) ": " (when(run.started_at)) " · " (tr.t("duration")) ": " (duration(&run)) " · " (tr.t("trigger")) ": " (run.started_by.as_deref().unwrap_or(run.trigger.as_str())) " · " (status_badge(tr, run.status)) }
        form.inline method="get" role="search" {
            label { (tr.t("entity")) " " select name="entity" { option value="" { (tr.t("all")) } @for s in runner::entities::SPECS { option value=(s.name) selected[query.entity == s.name] { (s.name) } } } }
            label { (tr.t("status")) " " select name="status" { option value="" { (tr.t("all")) } @for s in SyncStatus::ALL { option value=(s.as_str()) selected[query.status == s.as_str()] { (tr.t(status_key(*s))) } } } }
            label { (tr.t("text")) " " input type="search" name="q" value=(query.q); }
            button type="submit" { (tr.t("filter")) }
        }
        p {
            a href={"/c/" (code) "/manager/runs/" (id) "/csv?" (csv_query)} download { (tr.t("export_csv")) }
        }
        @if may_retry {
            form.inline method="post" action={"/c/" (code) "/manager/runs/" (id) "/retry"} {
                (csrf_field(&viewer))
                button #retry type="submit" { (tr.t("retry_failed")) " (" (failed.join(", ")) ")" }
            }
        }
        @if query.page > 0 || more {
            nav.pages aria-label=(tr.t("records")) {
                @if query.page > 0 { a rel="prev" href=(page_link(query.page - 1)) { "← " (tr.t("previous")) } " " }
                span { (tr.t("records")) " " (first + 1) "–" (first + outcomes.len()) }
                @if more { " " a rel="next" href=(page_link(query.page + 1)) { (tr.t("next")) " →" } }
            }
        }
        @if outcomes.is_empty() { p { (tr.t("no_outcomes")) } } @else {
            table #outcomes {
                thead { tr { th { (tr.t("status")) } th { (tr.t("entity")) } th { (tr.t("record")) } th { "Procore" } th { (tr.t("action")) } th { (tr.t("side")) } th { (tr.t("message")) } } }
                tbody {
                    @for o in &outcomes {
                        tr class=(o.status.as_str()) {
                            td { (status_badge(tr, o.status)) }
                            td { (o.entity) }
                            td { (o.erp_key.as_deref().unwrap_or("")) }
                            td { (o.procore_id.map(|p| p.to_string()).unwrap_or_default()) }
                            td { (o.action.as_str()) }
                            td { (o.side.as_str()) }
                            td { (o.message) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "manager",
        &format!("{} #{id}", tr.t("run")),
        content,
    ))
}

/// Every outcome of a run matching the filter, page after page (the export is never cut).
async fn all_outcomes(
    app: &AppState,
    code: &str,
    id: i64,
    query: &OutcomeQuery,
) -> Result<Vec<state::RecordOutcome>, WebError> {
    let pairing = app
        .state()
        .active_pairing(code)
        .await?
        .ok_or(WebError::NotFound)?;
    let filter = outcome_filter(query)?;
    let needle = query.q.trim().to_lowercase();
    let mut all = Vec::new();
    let mut offset = 0;
    for _ in 0..10_000 {
        let page = Page {
            offset,
            limit: state::run::MAX_PAGE,
        };
        let report = app
            .state()
            .run_report(id, &filter, page)
            .await?
            .ok_or(WebError::NotFound)?;
        if report.run.pairing != pairing.id {
            return Err(WebError::NotFound);
        }
        let n = report.outcomes.len() as u32;
        all.extend(
            report
                .outcomes
                .into_iter()
                .filter(|o| matches_text(o, &needle)),
        );
        if n < state::run::MAX_PAGE {
            break;
        }
        offset += n;
    }
    Ok(all)
}

fn matches_text(o: &state::RecordOutcome, needle: &str) -> bool {
    needle.is_empty()
        || o.message.to_lowercase().contains(needle)
        || o.erp_key
            .as_deref()
            .is_some_and(|k| k.to_lowercase().contains(needle))
        || o.procore_id.is_some_and(|p| p.to_string().contains(needle))
}

/// A cell that a spreadsheet would read as a formula is quoted so it stays text.
fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

pub async fn run_csv(
    State(app): State<AppState>,
    viewer: Viewer,
    Path((code, id)): Path<(String, i64)>,
    Query(query): Query<OutcomeQuery>,
) -> PageResult {
    viewer.require(&Right::View)?;
    let outcomes = all_outcomes(&app, &code, id, &query).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| WebError::Internal(e.to_string());
    out.write_record([
        "run",
        "entity",
        "erp_key",
        "procore_id",
        "action",
        "side",
        "status",
        "message",
        "updated_at",
    ])
    .map_err(io)?;
    for o in &outcomes {
        out.write_record([
            id.to_string(),
            o.entity.clone(),
            csv_cell(o.erp_key.as_deref().unwrap_or("")),
            o.procore_id.map(|p| p.to_string()).unwrap_or_default(),
            o.action.as_str().to_owned(),
            o.side.as_str().to_owned(),
            o.status.as_str().to_owned(),
            csv_cell(&o.message),
            o.updated_at.to_rfc3339(),
        ])
        .map_err(io)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"mpsync-{code}-run-{id}.csv\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub async fn conflicts(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let pairing = app.state().active_pairing(&code).await?;
    let open = match &pairing {
        Some(p) => {
            app.state()
                .list_conflicts(
                    p.id,
                    &ConflictFilter {
                        open_only: true,
                        ..Default::default()
                    },
                )
                .await?
        }
        None => vec![],
    };
    let resolve = viewer.rights().allows(&Right::Resolve);
    let content = html! {
        (flash(&q, tr))
        @if open.is_empty() { p { (tr.t("no_conflicts")) } } @else {
            table #conflicts {
                thead { tr { th { "#" } th { (tr.t("entity")) } th { (tr.t("record")) } th { (tr.t("field")) } th { (tr.t("base_value")) } th { (tr.t("erp_value")) } th { (tr.t("procore_value")) } @if resolve { th { (tr.t("action")) } } } }
                tbody {
                    @for c in &open {
                        tr {
                            td { (c.id) } td { (c.entity) } td { (c.erp_key) } td { code { (c.field) } }
                            td { (c.base_value.to_string()) } td { (c.erp_value.to_string()) } td { (c.procore_value.to_string()) }
                            @if resolve {
                                td {
                                    form.inline method="post" action={"/c/" (code) "/conflicts/" (c.id) "/resolve"} {
                                        (csrf_field(&viewer))
                                        button type="submit" name="keep" value="erp" { (tr.t("keep_erp")) }
                                        " "
                                        button type="submit" name="keep" value="procore" { (tr.t("keep_procore")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "manager",
        tr.t("conflicts"),
        content,
    ))
}

#[derive(Deserialize)]
pub struct ResolveForm {
    keep: String,
}

/// Resolves one conflict of a company; the next sync writes the chosen side.
pub async fn resolve_conflict(
    app: &AppState,
    code: &str,
    id: i64,
    keep: &str,
    actor: &str,
) -> Result<state::Conflict, WebError> {
    let resolution = match keep {
        "erp" => Resolution::KeepErp,
        "procore" => Resolution::KeepProcore,
        other => {
            return Err(WebError::BadRequest(format!(
                "keep must be erp or procore, not {other}"
            )))
        }
    };
    let pairing = app
        .state()
        .active_pairing(code)
        .await?
        .ok_or(WebError::NotFound)?;
    let open = app
        .state()
        .list_conflicts(pairing.id, &ConflictFilter::default())
        .await?;
    if !open.iter().any(|c| c.id == id) {
        return Err(WebError::NotFound);
    }
    let conflict = app
        .state()
        .resolve_conflict(id, resolution)
        .await
        .map_err(|e| match e {
            state::StateError::ConflictAlreadyResolved(_) => WebError::Refused(e.to_string()),
            other => other.into(),
        })?;
    app.state()
        .audit(actor, Some(code), "conflict.resolved", &serde_json::json!({"conflict": id, "entity": conflict.entity, "record": conflict.erp_key, "field": conflict.field, "keep": keep}))
        .await?;
    Ok(conflict)
}

pub async fn resolve(
    State(app): State<AppState>,
    Path((code, id)): Path<(String, i64)>,
    posted: Posted<ResolveForm>,
) -> PageResult {
    posted.viewer.require(&Right::Resolve)?;
    match resolve_conflict(
        &app,
        &code,
        id,
        &posted.form.keep,
        &posted.viewer.user().username,
    )
    .await
    {
        Ok(_) => Ok(back_to(&format!("/c/{code}/conflicts"), None)),
        Err(WebError::Refused(m)) => Ok(back_to(&format!("/c/{code}/conflicts"), Some(&m))),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_formulas_stay_text_and_redirects_stay_here() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("F0042"), "F0042");
        assert_eq!(local_path("/c/ACME/manager"), "/c/ACME/manager");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\t/evil.example"), "/", "a tab browsers drop");
        assert_eq!(local_path("/\\evil.example"), "/");
    }

    #[test]
    fn every_entity_has_a_procore_name() {
        for spec in runner::entities::SPECS {
            assert!(!procore_name(spec.name).is_empty(), "{}", spec.name);
        }
    }
}

// ---- Links made and undone by hand (Synchronization Manager) ----

/// The entities whose records are linked by hand: those of the company directory and the
/// projects (the project-scoped ones link as they sync, by code within their project).
const LINKABLE: &[&str] = &["projects", "customers", "suppliers", "employees"];

pub async fn links(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    viewer.require(&Right::View)?;
    company(&app, &code).await?;
    let tr = viewer.tr;
    let resolve = viewer.rights().allows(&Right::Resolve);
    let entity_select = html! {
        select name="entity" { @for e in LINKABLE { option value=(e) { (e) } } }
    };
    let content = html! {
        (flash(&q, tr))
        p { (tr.t("links_help")) }
        @if resolve {
            h2 { (tr.t("link")) }
            form.inline #link-form method="post" action={"/c/" (code) "/links/link"} {
                (csrf_field(&viewer))
                label { (tr.t("entity")) " " (entity_select) }
                label { "maestro* " input name="erp_key" required size="12"; }
                label { "Procore id " input name="procore_id" required inputmode="numeric" size="12"; }
                button type="submit" { (tr.t("link")) }
            }
            h2 { (tr.t("unlink")) }
            p { (tr.t("unlink_help")) }
            form.inline #unlink-form method="post" action={"/c/" (code) "/links/unlink"} {
                (csrf_field(&viewer))
                label { (tr.t("entity")) " " (entity_select) }
                label { "maestro* " input name="erp_key" required size="12"; }
                button type="submit" { (tr.t("unlink")) }
            }
        } @else {
            p { (tr.t("forbidden")) }
        }
    };
    Ok(layout(
        &viewer,
        Some(&code),
        "manager",
        tr.t("links"),
        content,
    ))
}

#[derive(Deserialize)]
pub struct LinkForm {
    entity: String,
    erp_key: String,
    #[serde(default)]
    procore_id: String,
}

pub async fn link(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<LinkForm>,
) -> PageResult {
    posted.viewer.require(&Right::Resolve)?;
    company(&app, &code).await?;
    let f = &posted.form;
    let back = format!("/c/{code}/links");
    if !LINKABLE.contains(&f.entity.as_str()) {
        return Ok(back_to(&back, Some("this entity is linked as it syncs")));
    }
    let Ok(procore_id) = f.procore_id.trim().parse::<u64>() else {
        return Ok(back_to(&back, Some("Procore id: a number")));
    };
    let pairing = app
        .state()
        .active_pairing(&code)
        .await?
        .ok_or_else(|| WebError::Refused(format!("{code} is not connected to Procore")))?;
    let client = runner::connection::client_for(app.state(), app.cipher().clone(), &code, &pairing)
        .await?
        .map_err(|_| WebError::Refused("the Procore connection is not configured".into()))?;
    let runner = runner::SyncRunner::new(
        std::sync::Arc::new(app.erp().clone()),
        code.clone(),
        app.state().clone(),
        pairing.id,
        client,
    );
    match runner
        .link_one(&f.entity, f.erp_key.trim(), procore_id)
        .await
    {
        Ok(()) => {
            app.audit_by(&posted.viewer, Some(&code),
                    "record.linked",
                    &serde_json::json!({"entity": f.entity, "erp_key": f.erp_key.trim(), "procore_id": procore_id})).await?;
            Ok(back_to(&back, None))
        }
        Err(e @ (runner::RunnerError::LinkRefused(_) | runner::RunnerError::Procore(_))) => {
            Ok(back_to(&back, Some(&e.to_string())))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn unlink(
    State(app): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<LinkForm>,
) -> PageResult {
    posted.viewer.require(&Right::Resolve)?;
    company(&app, &code).await?;
    let f = &posted.form;
    let back = format!("/c/{code}/links");
    let pairing = app
        .state()
        .active_pairing(&code)
        .await?
        .ok_or_else(|| WebError::Refused(format!("{code} is not connected to Procore")))?;
    match app
        .state()
        .unlink_binding(pairing.id, &f.entity, f.erp_key.trim())
        .await?
    {
        Some(binding) => {
            app.audit_by(&posted.viewer, Some(&code),
                    "record.unlinked",
                    &serde_json::json!({"entity": f.entity, "erp_key": binding.erp_key, "procore_id": binding.procore_id})).await?;
            Ok(back_to(&back, None))
        }
        None => Ok(back_to(
            &back,
            Some(&format!("{} {} is not linked", f.entity, f.erp_key.trim())),
        )),
    }
}
