use procore_sim::seed;
use serde_json::Value;

use crate::support::*;

#[tokio::test]
async fn bad_password_reshows_the_form() {
    let server = start().await;
    let response = no_redirect_client()
        .post(server.login_url().join("oauth/authorize").unwrap())
        .form(&[
            ("client_id", seed::CLIENT_ID),
            ("redirect_uri", seed::REDIRECT_URI_OOB),
            ("email", seed::USER_EMAIL),
            ("password", "wrong"),
        ])
        .send()
        .await
        .unwrap();
    let html = response.text().await.unwrap();
    assert!(html.contains("Invalid email or password"));
    assert!(html.contains("type=\"password\""));
    server.shutdown().await;
}

#[tokio::test]
async fn unregistered_redirect_is_refused_and_loopback_port_matches() {
    let server = start().await;
    let http = no_redirect_client();
    let authorize = server.login_url().join("oauth/authorize").unwrap();
    let refused = http
        .get(authorize.clone())
        .query(&[
            ("response_type", "code"),
            ("client_id", seed::CLIENT_ID),
            ("redirect_uri", "https://evil.example/cb"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let code = authorization_code(&server, "http://127.0.0.1:53111/callback").await;
    assert!(!code.is_empty());
    server.shutdown().await;
}

#[tokio::test]
async fn code_is_single_use_and_refresh_rotates() {
    let server = start().await;
    let code = authorization_code(&server, seed::REDIRECT_URI_LOOPBACK).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", seed::REDIRECT_URI_LOOPBACK),
        ("client_id", seed::CLIENT_ID),
        ("client_secret", seed::CLIENT_SECRET),
    ];
    let first = token_request(&server, &form).await;
    assert_eq!(first.status(), 200);
    let tokens: Value = first.json().await.unwrap();
    assert_eq!(tokens["token_type"], "bearer");
    assert_eq!(tokens["expires_in"], 5400);
    let again = token_request(&server, &form).await;
    assert_eq!(again.status(), 400);
    let body: Value = again.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");

    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();
    let refresh_form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh.as_str()),
        ("client_id", seed::CLIENT_ID),
        ("client_secret", seed::CLIENT_SECRET),
    ];
    let rotated = token_request(&server, &refresh_form).await;
    assert_eq!(rotated.status(), 200);
    let rotated: Value = rotated.json().await.unwrap();
    assert_ne!(rotated["refresh_token"], tokens["refresh_token"]);
    let reused = token_request(&server, &refresh_form).await;
    assert_eq!(reused.status(), 400);
    let body: Value = reused.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");

    // JSON bodies are accepted too.
    let json_refresh = no_redirect_client()
        .post(server.login_url().join("oauth/token").unwrap())
        .json(&serde_json::json!({
            "grant_type": "refresh_token",
            "refresh_token": rotated["refresh_token"],
            "client_id": seed::CLIENT_ID,
            "client_secret": seed::CLIENT_SECRET,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(json_refresh.status(), 200);

    // The old access token was replaced by the rotation.
    let me = no_redirect_client()
        .get(server.api_url().join("rest/v1.0/me").unwrap())
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 401);
    server.shutdown().await;
}

#[tokio::test]
async fn client_credentials_has_no_refresh_token_and_needs_company_header() {
    let server = start().await;
    let response = token_request(
        &server,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", seed::SERVICE_CLIENT_ID),
            ("client_secret", seed::SERVICE_CLIENT_SECRET),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert!(body.get("refresh_token").is_none());
    let token = body["access_token"].as_str().unwrap();
    let http = no_redirect_client();
    let companies = http
        .get(server.api_url().join("rest/v1.0/companies").unwrap())
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(companies.status(), 400);
    let text = companies.text().await.unwrap();
    assert!(text.contains("Missing Procore-Company-Id header!"));
    server.shutdown().await;
}

#[tokio::test]
async fn scripted_browser_logs_in() {
    let server = start().await;
    let mut authorize = server.login_url().join("oauth/authorize").unwrap();
    authorize
        .query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", seed::CLIENT_ID)
        .append_pair("redirect_uri", "http://127.0.0.1:40001/callback")
        .append_pair("state", "s1");
    let back = procore_sim::browser::log_in(&authorize, seed::USER_EMAIL, seed::USER_PASSWORD)
        .await
        .unwrap();
    assert!(back.query_pairs().any(|(k, v)| k == "state" && v == "s1"));
    assert!(back.query_pairs().any(|(k, _)| k == "code"));
    server.shutdown().await;
}
