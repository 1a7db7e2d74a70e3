//! Shared scaffolding: a simulator on loopback, a user logging in through its HTML form, and a
//! client connected to it.

use std::sync::Arc;
use std::time::Duration;

use procore::{
    AppCredentials, Client, Environment, EnvironmentKind, MemoryTokenStore, OAuthClient, Secret,
    TokenPair,
};
use procore_sim::{seed, RateLimitConfig, SimConfig, SimServer};
use url::Url;

pub const REDIRECT_URI: &str = "http://127.0.0.1:8912/callback";

/// A simulator with rate limits off unless a test turns them on: tests measure behaviour, not
/// Procore's default pace.
pub fn config() -> SimConfig {
    SimConfig {
        rate_limits: RateLimitConfig {
            enabled: false,
            ..RateLimitConfig::default()
        },
        ..SimConfig::default()
    }
}

pub async fn start(config: SimConfig) -> SimServer {
    SimServer::start(config).await.expect("simulator starts")
}

pub fn environment(sim: &SimServer) -> Environment {
    Environment::Custom {
        login_url: sim.login_url().clone(),
        api_url: sim.api_url().clone(),
        kind: EnvironmentKind::Sandbox,
    }
}

pub fn credentials() -> AppCredentials {
    AppCredentials {
        client_id: seed::CLIENT_ID.to_string(),
        client_secret: Secret::new(seed::CLIENT_SECRET.to_string()),
    }
}

pub fn oauth(sim: &SimServer) -> OAuthClient {
    OAuthClient::new(&environment(sim), credentials()).expect("oauth client")
}

/// What a person does in the browser: open the authorize URL, fill the login form, allow the app.
/// Returns the URL the login host redirected to (carrying `code` and `state`).
pub async fn log_in_through_form(authorize_url: &Url, email: &str, password: &str) -> Url {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = browser.get(authorize_url.clone()).send().await.unwrap();
    assert_eq!(page.status(), 200, "authorize page");
    let login = Form::parse(&page.text().await.unwrap(), "login");
    let consent_page = browser
        .post(authorize_url.join(&login.action).unwrap())
        .form(&login.with(&[("email", email), ("password", password)]))
        .send()
        .await
        .unwrap();
    assert_eq!(consent_page.status(), 200, "login accepted");
    let consent = Form::parse(&consent_page.text().await.unwrap(), "consent");
    let redirect = browser
        .post(authorize_url.join(&consent.action).unwrap())
        .form(&consent.with(&[("decision", "allow")]))
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.status(), 302, "consent redirects back to the app");
    let location = redirect.headers()["location"].to_str().unwrap();
    Url::parse(location).expect("redirect location is a URL")
}

/// The seeded user connects: authorization code through the login form, then the code exchange.
pub async fn connect_user(sim: &SimServer) -> TokenPair {
    let oauth = oauth(sim);
    let state = procore::generate_state();
    let url = oauth.authorize_url(REDIRECT_URI, &state);
    let back = log_in_through_form(&url, seed::USER_EMAIL, seed::USER_PASSWORD).await;
    let query: std::collections::HashMap<_, _> = back.query_pairs().into_owned().collect();
    assert!(procore::verify_state(&state, &query["state"]));
    oauth
        .exchange_code(&query["code"], REDIRECT_URI)
        .await
        .expect("code exchange")
}

/// A client for the seeded company, over a connected user's tokens.
pub async fn client(sim: &SimServer) -> (Client, Arc<MemoryTokenStore>) {
    let pair = connect_user(sim).await;
    client_with_pair(sim, pair)
}

pub fn client_with_pair(sim: &SimServer, pair: TokenPair) -> (Client, Arc<MemoryTokenStore>) {
    let store = Arc::new(MemoryTokenStore::with_pair(pair));
    let client = Client::builder(environment(sim), credentials())
        .token_store(store.clone())
        .company_id(seed::COMPANY_ID)
        .backoff(Duration::from_millis(20), Duration::from_millis(400))
        .build()
        .expect("client builds");
    (client, store)
}

/// A minimal HTML form reader: enough for the simulator's login and consent pages.
pub struct Form {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

impl Form {
    pub fn parse(html: &str, id: &str) -> Form {
        let start = html
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("form #{id} in page: {html}"));
        let open = html[..start].rfind("<form").expect("<form");
        let end = open + html[open..].find("</form>").expect("</form>");
        let form = &html[open..end];
        let action = attribute(form, "action").unwrap_or_default();
        let mut fields = Vec::new();
        let mut rest = form;
        while let Some(i) = rest.find("<input") {
            let tag_end = i + rest[i..].find('>').unwrap();
            let tag = &rest[i..tag_end];
            if attribute(tag, "type").as_deref() == Some("hidden") {
                if let Some(name) = attribute(tag, "name") {
                    fields.push((name, attribute(tag, "value").unwrap_or_default()));
                }
            }
            rest = &rest[tag_end..];
        }
        Form { action, fields }
    }

    pub fn with(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut all = self.fields.clone();
        all.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        all
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = i + tag[i..].find('"')?;
    Some(unescape(&tag[i..j]))
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Ends a test: every exchange of this simulator must conform to Procore's contract, then the
/// simulator stops. Every test ends here, so the whole suite feeds the conformance check.
pub async fn finish(sim: SimServer) {
    let exchanges = sim.admin().exchanges().await.expect("exchange log");
    let violations = crate::conformance::violations(crate::contract(), &exchanges);
    assert!(
        violations.is_empty(),
        "{} contract violations:\n{}",
        violations.len(),
        violations.join("\n")
    );
    sim.shutdown().await;
}
