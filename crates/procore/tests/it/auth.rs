//! OAuth against the simulator: the login form, code exchange, rotation and single use of refresh
//! tokens, and the single-flight refresh under concurrency.

use chrono::Utc;
use procore::{ErrorKind, TokenStore};
use procore_sim::seed;

use crate::support;

#[tokio::test]
async fn authorization_code_flow_end_to_end_through_the_login_form() {
    let sim = support::start(support::config()).await;
    let oauth = support::oauth(&sim);
    let state = procore::generate_state();
    let url = oauth.authorize_url(support::REDIRECT_URI, &state);
    assert_eq!(url.path(), "/oauth/authorize");
    assert_eq!(
        url.origin(),
        sim.login_url().origin(),
        "authorize is on the login host"
    );

    let back = support::log_in_through_form(&url, seed::USER_EMAIL, seed::USER_PASSWORD).await;
    let query: std::collections::HashMap<_, _> = back.query_pairs().into_owned().collect();
    assert_eq!(query["state"], state, "state echoed back");
    let pair = oauth
        .exchange_code(&query["code"], support::REDIRECT_URI)
        .await
        .expect("code exchange");
    assert!(pair.refresh_token.is_some());
    assert!(pair.expires_at > Utc::now());

    // The code is single use.
    let again = oauth
        .exchange_code(&query["code"], support::REDIRECT_URI)
        .await
        .expect_err("a code works once");
    assert_eq!(again.kind(), ErrorKind::AuthRevoked, "{again}");

    // The token works for the API, and token info describes it.
    let (client, _) = support::client_with_pair(&sim, pair.clone());
    let me = client.me().await.expect("me");
    assert_eq!(me.login.as_deref(), Some(seed::USER_EMAIL));
    let info = oauth
        .token_info(&pair.access_token)
        .await
        .expect("token info");
    assert!(info.expires_in_seconds.unwrap_or(0) > 0);
    support::finish(sim).await;
}

#[tokio::test]
async fn wrong_password_shows_the_form_again_and_issues_no_code() {
    let sim = support::start(support::config()).await;
    let url = support::oauth(&sim).authorize_url(support::REDIRECT_URI, "s");
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = browser
        .get(url.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let login = support::Form::parse(&page, "login");
    let response = browser
        .post(url.join(&login.action).unwrap())
        .form(&login.with(&[("email", seed::USER_EMAIL), ("password", "wrong")]))
        .send()
        .await
        .unwrap();
    assert_ne!(response.status(), 302);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"login\""), "the login form again");
    support::finish(sim).await;
}

#[tokio::test]
async fn a_reused_refresh_token_is_refused() {
    let sim = support::start(support::config()).await;
    let oauth = support::oauth(&sim);
    let pair = support::connect_user(&sim).await;
    let first = pair.refresh_token.clone().unwrap();
    let rotated = oauth.refresh(&first).await.expect("first refresh");
    assert_ne!(
        rotated.refresh_token.as_ref().unwrap().expose(),
        first.expose(),
        "refresh tokens rotate"
    );
    let reuse = oauth.refresh(&first).await.expect_err("single use");
    assert_eq!(reuse.kind(), ErrorKind::AuthRevoked, "{reuse}");
    // The rotated one still works, once.
    oauth
        .refresh(rotated.refresh_token.as_ref().unwrap())
        .await
        .expect("rotated token refreshes");
    support::finish(sim).await;
}

#[tokio::test]
async fn ten_concurrent_callers_around_an_expired_token_cause_exactly_one_refresh() {
    let sim = support::start(support::config()).await;
    let mut pair = support::connect_user(&sim).await;
    // The simulator has expired every access token, and the stored pair says so too.
    sim.admin().expire_access_tokens().await.unwrap();
    pair.expires_at = Utc::now() - chrono::Duration::seconds(1);
    let (client, store) = support::client_with_pair(&sim, pair.clone());
    sim.admin().clear_exchanges().await.unwrap();

    let calls = (0..10).map(|_| {
        let client = client.clone();
        tokio::spawn(async move {
            client
                .companies()
                .list(&Default::default())
                .collect_all()
                .await
        })
    });
    for call in futures::future::join_all(calls).await {
        let companies = call.unwrap().expect("every caller succeeds");
        assert!(!companies.is_empty());
    }

    let refreshes = refresh_grants(&sim).await;
    assert_eq!(refreshes, 1, "exactly one refresh for ten callers");
    let stored = store.load().await.unwrap().unwrap();
    assert_ne!(
        stored.access_token.expose(),
        pair.access_token.expose(),
        "the rotated pair was saved to the store"
    );
    support::finish(sim).await;
}

#[tokio::test]
async fn a_401_on_a_token_believed_fresh_refreshes_once_and_retries_once() {
    let sim = support::start(support::config()).await;
    let pair = support::connect_user(&sim).await;
    let (client, _) = support::client_with_pair(&sim, pair);
    sim.admin().expire_access_tokens().await.unwrap();
    sim.admin().clear_exchanges().await.unwrap();
    client.me().await.expect("refreshed and retried");
    assert_eq!(refresh_grants(&sim).await, 1);
    support::finish(sim).await;
}

#[tokio::test]
async fn revoked_tokens_stop_with_an_authentication_error() {
    let sim = support::start(support::config()).await;
    let pair = support::connect_user(&sim).await;
    let (client, _) = support::client_with_pair(&sim, pair.clone());
    support::oauth(&sim)
        .revoke(&pair.access_token)
        .await
        .unwrap();
    let err = client.me().await.expect_err("revoked");
    assert_eq!(err.kind(), ErrorKind::AuthRevoked, "{err}");
    support::finish(sim).await;
}

#[tokio::test]
async fn client_credentials_tokens_send_the_company_header_even_on_companies() {
    let sim = support::start(support::config()).await;
    let client = procore::Client::builder(
        support::environment(&sim),
        procore::AppCredentials {
            client_id: seed::SERVICE_CLIENT_ID.to_string(),
            client_secret: procore::Secret::new(seed::SERVICE_CLIENT_SECRET.to_string()),
        },
    )
    .client_credentials()
    .company_id(seed::COMPANY_ID)
    .build()
    .unwrap();
    let companies = client
        .companies()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("companies");
    assert!(companies.iter().any(|c| c.id == seed::COMPANY_ID));
    support::finish(sim).await;
}

/// `POST /oauth/token` calls with `grant_type=refresh_token` seen by the simulator.
pub async fn refresh_grants(sim: &procore_sim::SimServer) -> usize {
    sim.admin()
        .exchanges()
        .await
        .unwrap()
        .iter()
        .filter(|e| e.operation_id.as_deref() == Some("OauthTokenPost"))
        .filter(|e| e.request_body["grant_type"] == "refresh_token")
        .count()
}
