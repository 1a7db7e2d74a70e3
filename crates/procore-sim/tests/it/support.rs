//! Shared helpers: start a simulator, log in through the HTML form, call the API.

use std::time::Duration;

use procore_sim::{seed, RateLimitConfig, SimConfig, SimServer};
use reqwest::redirect::Policy;
use serde_json::Value;

pub fn no_redirect_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

pub async fn start() -> SimServer {
    start_with(SimConfig {
        rate_limits: RateLimitConfig {
            enabled: true,
            spike_limit: 10_000,
            hourly_limit: 100_000,
            ..RateLimitConfig::default()
        },
        ..SimConfig::default()
    })
    .await
}

pub async fn start_with(config: SimConfig) -> SimServer {
    SimServer::start(config).await.expect("simulator starts")
}

/// Pulls `name="<field>" value="<v>"` out of an HTML form.
pub fn hidden_value(html: &str, field: &str) -> Option<String> {
    let marker = format!("name=\"{field}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// Runs the authorization-code flow through the login form and consent page; returns the code.
pub async fn authorization_code(server: &SimServer, redirect_uri: &str) -> String {
    let http = no_redirect_client();
    let authorize = server.login_url().join("oauth/authorize").unwrap();
    let page = http
        .get(authorize.clone())
        .query(&[
            ("response_type", "code"),
            ("client_id", seed::CLIENT_ID),
            ("redirect_uri", redirect_uri),
            ("state", "xyz"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("type=\"password\""));
    let consent = http
        .post(authorize)
        .form(&[
            ("client_id", seed::CLIENT_ID),
            ("redirect_uri", redirect_uri),
            ("response_type", "code"),
            ("state", "xyz"),
            ("email", seed::USER_EMAIL),
            ("password", seed::USER_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(consent.status(), 200);
    let html = consent.text().await.unwrap();
    let ticket = hidden_value(&html, "ticket").expect("consent page has a ticket");
    let done = http
        .post(server.login_url().join("oauth/authorize/consent").unwrap())
        .form(&[("ticket", ticket.as_str()), ("decision", "allow")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 302);
    let location = done.headers()["location"].to_str().unwrap().to_owned();
    let url = url::Url::parse(&location).unwrap();
    assert_eq!(
        url.query_pairs().find(|(k, _)| k == "state").unwrap().1,
        "xyz"
    );
    url.query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned()
}

pub async fn token_request(server: &SimServer, form: &[(&str, &str)]) -> reqwest::Response {
    no_redirect_client()
        .post(server.login_url().join("oauth/token").unwrap())
        .form(form)
        .send()
        .await
        .unwrap()
}

/// A fresh user access token and refresh token.
pub async fn login(server: &SimServer) -> (String, String) {
    let code = authorization_code(server, seed::REDIRECT_URI_LOOPBACK).await;
    let response = token_request(
        server,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", seed::REDIRECT_URI_LOOPBACK),
            ("client_id", seed::CLIENT_ID),
            ("client_secret", seed::CLIENT_SECRET),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    (
        body["access_token"].as_str().unwrap().to_owned(),
        body["refresh_token"].as_str().unwrap().to_owned(),
    )
}

/// A REST caller bound to one token and company.
pub struct Api {
    pub http: reqwest::Client,
    pub base: url::Url,
    pub token: String,
    pub company: Option<u64>,
}

impl Api {
    pub async fn new(server: &SimServer) -> Api {
        let (token, _) = login(server).await;
        Api {
            http: no_redirect_client(),
            base: server.api_url().clone(),
            token,
            company: Some(seed::COMPANY_ID),
        }
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut r = self
            .http
            .request(
                method,
                self.base.join(path.trim_start_matches('/')).unwrap(),
            )
            .bearer_auth(&self.token);
        if let Some(c) = self.company {
            r = r.header("Procore-Company-Id", c.to_string());
        }
        r
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, path)
            .send()
            .await
            .unwrap()
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> reqwest::Response {
        self.request(method, path).json(&body).send().await.unwrap()
    }
}
