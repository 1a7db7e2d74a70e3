//! The web UI and API, driven as a browser and a script drive them: the router answering real
//! requests (sessions, CSRF, rights, environment safety, secrets at rest), and a headless
//! Chromium walking a user through the tabs over real HTTP.

mod browser;

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use erp::{ChangeOrigin, Company, Environment, ErpStore};
use procore::Secret;
use state::{Cipher, Language, NewPairing, NewUser, Right, Rights, StateStore};
use tower::ServiceExt;
use web::{AppState, WebConfig};

pub struct Harness {
    pub app: AppState,
    pub router: Router,
    pub dir: PathBuf,
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub const PASSWORD: &str = "correct horse battery";

impl Harness {
    /// A server over fresh SQLite files, with a test company TEST and a production company PROD.
    pub async fn new() -> Harness {
        Self::with_url("http://127.0.0.1:8080").await
    }

    pub async fn with_url(public_url: &str) -> Harness {
        let dir =
            std::env::temp_dir().join(format!("mpsync-web-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let erp = ErpStore::connect(&format!("sqlite://{}", dir.join("erp.sqlite").display()))
            .await
            .unwrap();
        for (code, name, environment) in [
            ("TEST", "Laurentide (essais)", Environment::Test),
            ("PROD", "Laurentide", Environment::Production),
        ] {
            erp.upsert_company(
                &Company {
                    code: code.into(),
                    name: name.into(),
                    environment,
                    prefix: None,
                },
                ChangeOrigin::User,
            )
            .await
            .unwrap();
        }
        let state =
            StateStore::connect(&format!("sqlite://{}", dir.join("state.sqlite").display()))
                .await
                .unwrap();
        let app = AppState::new(WebConfig {
            state,
            erp,
            cipher: Arc::new(Cipher::from_key(&Cipher::generate_key())),
            public_url: public_url.parse().unwrap(),
            session_lifetime: chrono::Duration::hours(1),
            schedule_tick: None,
        });
        Harness {
            router: web::router(app.clone()),
            app,
            dir,
        }
    }

    pub fn state(&self) -> &StateStore {
        self.app.state()
    }

    pub async fn user(&self, name: &str, rights: &[Right]) -> state::User {
        self.state()
            .create_user(&NewUser {
                username: name.into(),
                display_name: String::new(),
                password: Secret::new(PASSWORD),
                language: Language::En,
                rights: Rights(rights.iter().cloned().collect()),
            })
            .await
            .unwrap()
    }

    pub async fn send(
        &self,
        request: Request<Body>,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), 10 << 20)
            .await
            .unwrap();
        (status, headers, String::from_utf8_lossy(&body).into_owned())
    }

    pub async fn get(
        &self,
        path: &str,
        cookie: &str,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        self.send(
            Request::get(path)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn post(
        &self,
        path: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        self.send(
            Request::post(path)
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(serde_urlencoded::to_string(form).unwrap()))
                .unwrap(),
        )
        .await
    }

    /// Signs in through the form; returns the session cookie and the session's CSRF token.
    pub async fn sign_in(&self, name: &str) -> (String, String) {
        let (_, headers, _) = self.get("/login", "").await;
        let login = set_cookie_value(&headers, "mpsync_login").unwrap();
        let (status, headers, body) = self
            .post(
                "/login",
                &format!("mpsync_login={login}"),
                &[
                    ("csrf", &login),
                    ("username", name),
                    ("password", PASSWORD),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let session = set_cookie_value(&headers, "mpsync_session").expect("a session cookie");
        let cookie = format!("mpsync_session={session}");
        let csrf = self
            .state()
            .session(&session)
            .await
            .unwrap()
            .unwrap()
            .csrf_token;
        (cookie, csrf)
    }
}

/// The value a response sets for a cookie.
pub fn set_cookie_value(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix(&format!("{name}="))
                .map(|rest| rest.split(';').next().unwrap_or("").to_owned())
        })
        .filter(|v| !v.is_empty())
}

fn location(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn the_first_administrator_needs_the_one_time_token_and_it_works_once() {
    let h = Harness::new().await;
    let (status, headers, _) = h.get("/", "").await;
    assert_eq!(
        (status, location(&headers).as_str()),
        (StatusCode::SEE_OTHER, "/setup")
    );
    let token = h.app.setup_token().await.unwrap().unwrap();
    let form = |t: &'static str| {
        [
            ("token", t),
            ("username", "admin"),
            ("display_name", "Admin"),
            ("password", PASSWORD),
            ("language", "fr"),
        ]
    };
    let (status, _, body) = h.post("/setup", "", &form("setup-wrong")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(h.state().count_users().await.unwrap(), 0);
    let token: &'static str = Box::leak(token.into_boxed_str());
    let (status, headers, _) = h.post("/setup", "", &form(token)).await;
    assert_eq!(
        (status, location(&headers).as_str()),
        (StatusCode::SEE_OTHER, "/login")
    );
    let admin = h.state().user_by_name("admin").await.unwrap().unwrap();
    assert_eq!(admin.rights.0, Right::all());
    let (status, _, _) = h.post("/setup", "", &form(token)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the token is spent");
    assert!(h.app.setup_token().await.unwrap().is_none());
}

#[tokio::test]
async fn sessions_are_strict_cookies_and_every_form_needs_its_csrf_token() {
    let h = Harness::new().await;
    h.user("admin", &Right::all().into_iter().collect::<Vec<_>>())
        .await;
    // The sign-in form itself carries a token bound to a cookie.
    let (status, _, _) = h
        .post(
            "/login",
            "",
            &[("csrf", "x"), ("username", "admin"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, headers, _) = h.get("/login", "").await;
    let raw = headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict"] {
        assert!(raw.contains(attribute), "{raw}");
    }
    let (cookie, csrf) = h.sign_in("admin").await;
    let (status, _, body) = h.get("/c/TEST/orders", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Stock orders from catalogue"));

    // Missing, wrong, then right token.
    let (status, _, _) = h
        .post("/c/TEST/orders", &cookie, &[("target", "stock")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = h
        .post(
            "/c/TEST/orders",
            &cookie,
            &[("csrf", "forged"), ("target", "stock")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        runner::commitments::orders_target(h.state(), "TEST")
            .await
            .unwrap(),
        engine::commitments::OrdersTarget::Regular,
        "nothing changed without the token"
    );
    // Another site's page posting with the user's cookie is refused by origin too.
    let (status, _, _) = h
        .send(
            Request::post("/c/TEST/orders")
                .header(header::COOKIE, &cookie)
                .header(header::ORIGIN, "https://evil.example")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("csrf={csrf}&target=stock")))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = h
        .post(
            "/c/TEST/orders",
            &cookie,
            &[("csrf", &csrf), ("target", "stock")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        runner::commitments::orders_target(h.state(), "TEST")
            .await
            .unwrap(),
        engine::commitments::OrdersTarget::Stock
    );
    let audit = h
        .state()
        .audit_log(Some("TEST"), state::Page::first(10))
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "settings.changed" && e.actor == "admin"),
        "{audit:?}"
    );

    // Signed out, the cookie opens nothing.
    let (status, _, _) = h.post("/logout", &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, headers, _) = h.get("/c/TEST/orders", &cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location(&headers).starts_with("/login"));
}

#[tokio::test]
async fn sign_ins_are_throttled_after_repeated_failures() {
    let h = Harness::new().await;
    h.user("marie", &[Right::View]).await;
    for _ in 0..state::security::MAX_FAILURES {
        let (_, headers, _) = h.get("/login", "").await;
        let login = set_cookie_value(&headers, "mpsync_login").unwrap();
        let (_, headers, _) = h
            .post(
                "/login",
                &format!("mpsync_login={login}"),
                &[
                    ("csrf", &login),
                    ("username", "marie"),
                    ("password", "not the password"),
                ],
            )
            .await;
        assert!(location(&headers).contains("error="), "{headers:?}");
    }
    let (_, headers, _) = h.get("/login", "").await;
    let login = set_cookie_value(&headers, "mpsync_login").unwrap();
    let (_, headers, _) = h
        .post(
            "/login",
            &format!("mpsync_login={login}"),
            &[
                ("csrf", &login),
                ("username", "marie"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert!(set_cookie_value(&headers, "mpsync_session").is_none());
    assert!(
        location(&headers).contains("too+many"),
        "{}",
        location(&headers)
    );
}

#[tokio::test]
async fn a_user_without_the_run_right_is_refused_in_the_ui_and_the_api() {
    let h = Harness::new().await;
    h.state()
        .pair(&NewPairing::new(
            "TEST",
            &procore::Environment::DeveloperSandbox,
            1_000_010_000,
        ))
        .await
        .unwrap();
    let viewer = h.user("lecteur", &[Right::View]).await;
    let (cookie, csrf) = h.sign_in("lecteur").await;
    let (status, _, body) = h.get("/c/TEST/manager", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !body.contains("run-form"),
        "no run button without the right"
    );
    let (status, _, _) = h
        .post("/c/TEST/runs", &cookie, &[("csrf", &csrf), ("entity", "")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = h
        .post(
            "/c/TEST/runs",
            &cookie,
            &[("csrf", &csrf), ("entity", "suppliers")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = h
        .post(
            "/c/TEST/orders",
            &cookie,
            &[("csrf", &csrf), ("target", "stock")],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "configuring needs its own right"
    );
    let (status, _, _) = h.get("/users", &cookie).await;
    assert_eq!(status, StatusCode::OK, "a user reaches its own API tokens");

    let (_, token) = h
        .state()
        .create_api_token(viewer.id, "script")
        .await
        .unwrap();
    let api = |method: &str, path: &str, token: &str, body: &str| {
        Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    let (status, _, body) = h
        .send(api(
            "GET",
            "/api/v1/companies/TEST/runs",
            token.expose(),
            "",
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, body) = h
        .send(api(
            "POST",
            "/api/v1/companies/TEST/runs",
            token.expose(),
            r#"{"entities":["suppliers"]}"#,
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("\"forbidden\""), "{body}");
    let (status, headers, _) = h
        .send(api("GET", "/api/v1/companies/TEST/runs", "mps_forged", ""))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(headers.contains_key(header::WWW_AUTHENTICATE));
    let (status, _, body) = h.get("/api/openapi.json", "").await;
    assert_eq!(status, StatusCode::OK);
    let spec: serde_json::Value = serde_json::from_str(&body).unwrap();
    for path in [
        "/api/v1/companies",
        "/api/v1/companies/{company}/runs",
        "/api/v1/companies/{company}/conflicts/{id}/resolve",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} documented");
    }
}

#[tokio::test]
async fn test_and_production_never_pair_and_a_paired_company_is_not_repointed() {
    let h = Harness::new().await;
    h.user("admin", &Right::all().into_iter().collect::<Vec<_>>())
        .await;
    let (cookie, csrf) = h.sign_in("admin").await;
    let save = |company: &'static str, preset: &'static str| {
        let (cookie, csrf) = (cookie.clone(), csrf.clone());
        let h = &h;
        async move {
            let (status, headers, _) = h
                .post(
                    &format!("/c/{company}/auth"),
                    &cookie,
                    &[
                        ("csrf", &csrf),
                        ("preset", preset),
                        ("client_id", "app-id"),
                        ("client_secret", "very-secret-client-value"),
                    ],
                )
                .await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            location(&headers)
        }
    };
    let refused = save("TEST", "production").await;
    assert!(
        refused.contains("refused=") && refused.contains("test"),
        "{refused}"
    );
    assert!(runner::connection::connection(h.state(), "TEST")
        .await
        .unwrap()
        .is_none());
    let refused = save("PROD", "developer_sandbox").await;
    assert!(refused.contains("refused="), "{refused}");
    assert!(save("TEST", "developer_sandbox").await.contains("saved=1"));

    // Paired (records bound), the company is not pointed at another environment.
    h.state()
        .pair(&NewPairing::new(
            "TEST",
            &procore::Environment::DeveloperSandbox,
            1_000_010_000,
        ))
        .await
        .unwrap();
    let refused = save("TEST", "monthly_sandbox").await;
    assert!(refused.contains("unpair"), "{refused}");
    // Unpairing needs the company's name typed.
    let (_, headers, _) = h
        .post(
            "/c/TEST/unpair",
            &cookie,
            &[("csrf", &csrf), ("confirm", "oops")],
        )
        .await;
    assert!(location(&headers).contains("refused="));
    assert!(h.state().active_pairing("TEST").await.unwrap().is_some());
    let (_, headers, _) = h
        .post(
            "/c/TEST/unpair",
            &cookie,
            &[("csrf", &csrf), ("confirm", "Laurentide (essais)")],
        )
        .await;
    assert!(location(&headers).contains("saved=1"));
    assert!(h.state().active_pairing("TEST").await.unwrap().is_none());
    assert!(save("TEST", "monthly_sandbox").await.contains("saved=1"));
    let audit = h
        .state()
        .audit_log(Some("TEST"), state::Page::first(20))
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.action == "pairing.unpaired"));

    // Secrets at rest: neither the client secret nor a password is in the database file.
    h.state().close().await;
    let bytes = std::fs::read(h.dir.join("state.sqlite")).unwrap();
    let wal = std::fs::read(h.dir.join("state.sqlite-wal")).unwrap_or_default();
    for haystack in [&bytes, &wal] {
        for needle in ["very-secret-client-value", PASSWORD] {
            assert!(
                !haystack
                    .windows(needle.len())
                    .any(|w| w == needle.as_bytes()),
                "{needle} is stored in clear"
            );
        }
    }
}

#[tokio::test]
async fn the_settings_tab_keeps_the_dependency_order() {
    let h = Harness::new().await;
    h.user("admin", &Right::all().into_iter().collect::<Vec<_>>())
        .await;
    let (cookie, csrf) = h.sign_in("admin").await;
    let (status, _, body) = h.get("/c/TEST/settings", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Work order contracts") && body.contains("⇄"));
    // Cost codes without projects breaks the order: refused, nothing saved.
    let (_, headers, _) = h
        .post(
            "/c/TEST/settings",
            &cookie,
            &[("csrf", &csrf), ("on_cost_codes", "1")],
        )
        .await;
    assert!(
        location(&headers).contains("refused="),
        "{}",
        location(&headers)
    );
    assert_eq!(
        runner::enabled::enabled_entities(h.state(), "TEST")
            .await
            .unwrap()
            .len(),
        runner::entities::SPECS.len()
    );
    let (_, headers, _) = h
        .post(
            "/c/TEST/settings",
            &cookie,
            &[
                ("csrf", &csrf),
                ("on_projects", "1"),
                ("on_cost_codes", "1"),
            ],
        )
        .await;
    assert!(location(&headers).contains("saved=1"));
    assert_eq!(
        runner::enabled::enabled_entities(h.state(), "TEST")
            .await
            .unwrap(),
        vec!["projects", "cost_codes"]
    );
    // A schedule: the whole company hourly, and cost codes every 15 minutes.
    let (_, headers, _) = h
        .post(
            "/c/TEST/settings",
            &cookie,
            &[
                ("csrf", &csrf),
                ("on_projects", "1"),
                ("on_cost_codes", "1"),
                ("every_company", "60"),
                ("every_cost_codes", "15"),
            ],
        )
        .await;
    assert!(location(&headers).contains("saved=1"));
    let schedule: web::schedule::Schedule = h
        .state()
        .setting_as("TEST", web::schedule::SCHEDULE_SETTING)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(schedule.company_every, Some(60));
    assert_eq!(schedule.entities.get("cost_codes"), Some(&15));
    let (status, _, _) = h
        .post(
            "/c/TEST/settings",
            &cookie,
            &[
                ("csrf", &csrf),
                ("on_projects", "1"),
                ("every_company", "7"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an interval not offered is refused"
    );
    // The page speaks French to a French user.
    let (_, _, _) = h
        .post("/language", &cookie, &[("csrf", &csrf), ("language", "fr")])
        .await;
    let (_, _, body) = h.get("/c/TEST/projects", &cookie).await;
    assert!(body.contains("Mode des codes de coût") && body.contains("lang=\"fr\""));
}

#[tokio::test]
async fn a_group_gives_its_rights_to_its_members() {
    let h = Harness::new().await;
    h.user("admin", &Right::all().into_iter().collect::<Vec<_>>())
        .await;
    let lecteur = h.user("lecteur", &[]).await;
    let (cookie, _) = h.sign_in("lecteur").await;
    let (status, _, _) = h.get("/c/TEST/manager", &cookie).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "no right, no Synchronization Manager"
    );
    let (admin, csrf) = h.sign_in("admin").await;
    let (status, _, _) = h
        .post(
            "/users/groups",
            &admin,
            &[
                ("csrf", &csrf),
                ("name", "Comptabilité"),
                ("r_view", "1"),
                ("r_resolve", "1"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let group = h.state().list_groups().await.unwrap().remove(0);
    let (status, _, _) = h
        .post(
            "/users/groups/members",
            &admin,
            &[
                ("csrf", &csrf),
                ("group", &group.id.to_string()),
                ("user", &lecteur.id.to_string()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = h.get("/c/TEST/manager", &cookie).await;
    assert_eq!(status, StatusCode::OK, "the group's right to view");
    // The new token is shown in the answer, never put in a URL.
    let (status, headers, body) = h
        .post(
            "/users/tokens",
            &admin,
            &[("csrf", &csrf), ("name", "scripts")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get(header::LOCATION).is_none());
    assert!(body.contains("mps_"), "{body}");
}

#[tokio::test]
async fn a_long_run_is_read_page_by_page_with_its_filters_kept() {
    use state::{NewOutcome, OutcomeAction, SyncStatus, WrittenSide};
    let h = Harness::new().await;
    h.user("viewer", &[Right::View]).await;
    let (cookie, _) = h.sign_in("viewer").await;
    let environment = procore::Environment::DeveloperSandbox;
    let pairing = h
        .state()
        .pair(&state::NewPairing::new("TEST", &environment, 1))
        .await
        .unwrap()
        .id;
    let run = h
        .state()
        .start_run(pairing, state::RunTrigger::Cli, false)
        .await
        .unwrap()
        .id;
    let outcomes: Vec<NewOutcome> = (0..1_205)
        .map(|i| NewOutcome {
            entity: "suppliers".into(),
            erp_key: Some(format!("F{i:05}")),
            procore_id: Some(10_000 + i),
            action: OutcomeAction::Update,
            side: WrittenSide::Procore,
            status: if i % 2 == 0 {
                SyncStatus::Success
            } else {
                SyncStatus::Warning
            },
            message: format!("supplier F{i:05}: updated in Procore: city"),
        })
        .collect();
    h.state().add_outcomes(run, &outcomes).await.unwrap();
    h.state().finish_run(run, None).await.unwrap();

    let path = format!("/c/TEST/manager/runs/{run}");
    let (status, _, first) = h.get(&path, &cookie).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert!(
        first.contains("F00999") && !first.contains("F01000"),
        "one page"
    );
    assert!(first.contains("rel=\"next\""), "a next page is offered");
    let (_, _, second) = h.get(&format!("{path}?page=1"), &cookie).await;
    assert!(second.contains("F01204") && !second.contains("F00999"));
    assert!(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""));

    // A text filter is applied to the whole run, then paged.
    let (_, _, found) = h.get(&format!("{path}?q=f0120"), &cookie).await;
    assert!(
        found.contains("F01200") && found.contains("F01204"),
        "{found}"
    );
    assert!(!found.contains("F00001") && !found.contains("rel=\"next\""));
    // And the status filter with it, kept in the page links.
    let (_, _, warnings) = h.get(&format!("{path}?status=warning"), &cookie).await;
    assert!(warnings.contains("F00001") && !warnings.contains("F00000"));
    assert!(
        !warnings.contains("rel=\"next\""),
        "603 warnings fit one page"
    );
}
