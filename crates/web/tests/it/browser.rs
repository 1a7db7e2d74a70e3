//! A real browser: Debian's headless Chromium driven through chromedriver's WebDriver protocol
//! (a few JSON calls, spoken here directly), against `web::serve` on a loopback port.
//!
//! Without Chromium the test fails under `CI=true` and says SKIPPED elsewhere.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::{Harness, PASSWORD};

struct Driver {
    child: Child,
    http: reqwest::Client,
    base: String,
    session: String,
    profile: std::path::PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    /// Starts chromedriver and a headless Chromium with a fresh profile, or `None` (skipped)
    /// when they are not installed outside CI.
    async fn start() -> Option<Driver> {
        let missing = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
            .iter()
            .any(|p| !std::path::Path::new(p).exists());
        if missing {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("Chromium and chromedriver are required under CI=true (apt-get install chromium chromium-driver)");
            }
            eprintln!("\n!!!!! SKIPPED: Chromium or chromedriver is not installed.\n");
            return None;
        }
        let port = free_port();
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let mut ready = false;
        for _ in 0..100 {
            if let Ok(r) = http.get(format!("{base}/status")).send().await {
                if r.json::<Value>()
                    .await
                    .is_ok_and(|v| v["value"]["ready"] == true)
                {
                    ready = true;
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(ready, "chromedriver did not start");
        let profile =
            std::env::temp_dir().join(format!("mpsync-chromium-{}", uuid::Uuid::new_v4().simple()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let mut driver = Driver {
            child,
            http,
            base,
            session: String::new(),
            profile,
        };
        let answer = driver.call("POST", "/session", caps).await;
        driver.session = answer["sessionId"]
            .as_str()
            .expect("a WebDriver session")
            .to_owned();
        Some(driver)
    }

    async fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = if self.session.is_empty() {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let request = match method {
            "GET" => self.http.get(url),
            "DELETE" => self.http.delete(url),
            _ => self.http.post(url).json(&body),
        };
        let answer: Value = request
            .timeout(Duration::from_secs(60))
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("WebDriver JSON");
        if answer["value"]["error"].is_string() {
            panic!("WebDriver {method} {path}: {}", answer["value"]);
        }
        if method == "POST" && path == "/session" {
            return answer["value"].clone();
        }
        answer["value"].clone()
    }

    async fn goto(&self, url: &str) {
        self.call("POST", "/url", json!({"url": url})).await;
    }

    /// The element `css` selects now, if any.
    async fn try_find(&self, css: &str) -> Option<String> {
        let url = format!("{}/session/{}/element", self.base, self.session);
        let answer: Value = self
            .http
            .post(&url)
            .json(&json!({"using": "css selector", "value": css}))
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("WebDriver JSON");
        answer["value"]
            .as_object()
            .filter(|o| !o.contains_key("error"))
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// The element `css` selects, waiting (bounded) for a page still loading after a click.
    async fn find(&self, css: &str) -> String {
        for _ in 0..50 {
            if let Some(id) = self.try_find(css).await {
                return id;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no element {css} on {}", self.url().await)
    }

    async fn fill(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        self.call("POST", &format!("/element/{el}/clear"), json!({}))
            .await;
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            json!({"text": text}),
        )
        .await;
    }

    async fn click(&self, css: &str) {
        let el = self.find(css).await;
        self.call("POST", &format!("/element/{el}/click"), json!({}))
            .await;
    }

    /// Clicks `css`, a button that submits a form, and waits (bounded) until the answer's page
    /// has replaced this one: the old page may show the same flash as the one awaited next.
    async fn submit(&self, css: &str) {
        self.call(
            "POST",
            "/execute/sync",
            json!({"script": "document.documentElement.dataset.submitted = '1';", "args": []}),
        )
        .await;
        self.click(css).await;
        for _ in 0..100 {
            if self.try_find("html[data-submitted]").await.is_none() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never loaded a new page on {}", self.url().await)
    }

    /// Waits (bounded) until the element `css` shows `needle`, across page loads.
    async fn wait_text(&self, css: &str, needle: &str) {
        let mut last = String::new();
        for _ in 0..50 {
            if let Some(id) = self.try_find(css).await {
                let url = format!("{}/session/{}/element/{id}/text", self.base, self.session);
                let text: Value = self
                    .http
                    .get(url)
                    .send()
                    .await
                    .expect("chromedriver answers")
                    .json()
                    .await
                    .expect("WebDriver JSON");
                // A page replaced meanwhile answers "stale element": read again.
                last = text["value"].as_str().unwrap_or("").to_owned();
                if last.contains(needle) {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "{css} never showed {needle:?} (last: {last:?}) on {}",
            self.url().await
        )
    }

    /// Connect to Procore from the Authentication tab: the simulator's own sign-in page and
    /// consent, then the Procore Company list back here, where `company` is chosen.
    async fn connect_to_procore(&self, company: u64) {
        use procore_sim::seed;
        self.click("#connect").await;
        self.fill("input[name=email]", seed::USER_EMAIL).await;
        self.fill("input[name=password]", seed::USER_PASSWORD).await;
        self.click("#login button[type=submit]").await;
        self.click("button[value=allow]").await;
        self.wait_text("h1", "Procore Company").await;
        self.click(&format!("input[name=procore_company][value='{company}']"))
            .await;
        self.submit("form[action='/c/TEST/auth/company'] button[type=submit]")
            .await;
    }

    async fn url(&self) -> String {
        self.call("GET", "/url", json!({}))
            .await
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    async fn quit(&self) {
        let _ = self.call("DELETE", "", json!({})).await;
    }
}

#[tokio::test]
async fn a_new_user_sets_up_signs_in_and_configures_in_a_real_browser() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let h = Harness::with_url(&origin).await;
    let token = h.app.setup_token().await.unwrap().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::serve(listener, h.app.clone(), async {
        let _ = stopped.await;
    }));

    // First visit: the one-time token creates the first administrator.
    driver.goto(&format!("{origin}/")).await;
    assert!(
        driver.url().await.ends_with("/setup"),
        "{}",
        driver.url().await
    );
    driver.fill("input[name=token]", &token).await;
    driver.fill("input[name=username]", "admin").await;
    driver
        .fill("input[name=display_name]", "Marie Tremblay")
        .await;
    driver.fill("input[name=password]", PASSWORD).await;
    driver.click("select[name=language] option[value=en]").await;
    driver.submit("button[type=submit]").await;
    assert!(
        driver.url().await.contains("/login"),
        "{}",
        driver.url().await
    );

    // Sign in (the Secure, SameSite=Strict cookies work on the loopback address).
    driver.fill("input[name=username]", "admin").await;
    driver.fill("input[name=password]", PASSWORD).await;
    driver.submit("button[type=submit]").await;
    // Two companies: the list, then one.
    driver.click("a[href='/c/TEST/manager']").await;
    driver.wait_text("h1", "Synchronization Manager").await;

    // The Orders tab: stock orders, saved through a CSRF-protected form.
    driver.click("nav.tabs a[href='/c/TEST/orders']").await;
    driver.click("input[value=stock]").await;
    driver.submit("main button[type=submit]").await;
    driver.wait_text("p.flash.ok", "Saved").await;
    assert_eq!(
        runner::commitments::orders_target(h.state(), "TEST")
            .await
            .unwrap(),
        engine::commitments::OrdersTarget::Stock
    );

    // Authentication tab: a production URL for a test company is refused with the reason.
    driver.click("nav.tabs a[href='/c/TEST/auth']").await;
    driver.click("input[value=production]").await;
    driver.fill("input[name=client_id]", "app-id").await;
    driver
        .fill("input[name=client_secret]", "app-secret-value")
        .await;
    driver
        .submit("form[action='/c/TEST/auth'] button[type=submit]")
        .await;
    driver
        .wait_text("p.flash.error", "only paired with a sandbox")
        .await;
    driver.click("input[value=developer_sandbox]").await;
    driver
        .fill("input[name=client_secret]", "app-secret-value")
        .await;
    driver
        .submit("form[action='/c/TEST/auth'] button[type=submit]")
        .await;
    driver.wait_text("p.flash.ok", "Saved").await;

    // French, then sign out.
    driver.click("form[action='/language'] button").await;
    driver.wait_text("nav.tabs", "Commandes").await;
    driver.click("form[action='/logout'] button").await;
    driver.wait_text("h1", "Sign in").await;

    driver.quit().await;
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

/// Edits a record of the TEST company as a maestro* user would.
async fn edit_erp<R>(h: &Harness, key: &str, edit: impl FnOnce(&mut R))
where
    R: erp::ErpRecord<Key = String>,
{
    let mut record = h
        .app
        .erp()
        .get::<R>("TEST", &key.to_owned())
        .await
        .unwrap()
        .expect("the record exists")
        .record;
    edit(&mut record);
    h.app
        .erp()
        .upsert("TEST", &[record], erp::ChangeOrigin::User)
        .await
        .unwrap();
}

/// A field of a simulator record (top level or under `data`).
fn field<'a>(record: &'a Value, name: &str) -> &'a Value {
    record
        .get(name)
        .or_else(|| record.get("data").and_then(|d| d.get(name)))
        .unwrap_or(&Value::Null)
}

async fn erp_fixture(h: &Harness) {
    use erp::{ChangeOrigin, Employee, Supplier, SupplierStatus};
    let erp = h.app.erp();
    erp.upsert(
        "TEST",
        &[Supplier {
            code: "F0042".into(),
            name: "Béton Laurentien".into(),
            status: SupplierStatus::Active,
            linked_to_procore: true,
            address: None,
            city: Some("Saint-Jérôme".into()),
            province: Some("QC".into()),
            country: Some("CA".into()),
            postal_code: None,
            phone: None,
            email: None,
        }],
        ChangeOrigin::User,
    )
    .await
    .unwrap();
    erp.upsert(
        "TEST",
        &[
            Employee {
                code: "E001".into(),
                first_name: "Marie".into(),
                last_name: "Tremblay".into(),
                email: Some("marie.tremblay@laurentide.example".into()),
                linked_to_procore: true,
            },
            Employee {
                code: "E002".into(),
                first_name: "Luc".into(),
                last_name: "Gagnon".into(),
                email: None,
                linked_to_procore: true,
            },
        ],
        ChangeOrigin::User,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_user_connects_runs_retries_and_resolves_a_conflict_in_a_real_browser() {
    use procore_sim::{seed, Kind, RateLimitConfig, SimConfig, SimServer};
    let Some(driver) = Driver::start().await else {
        return;
    };
    let sim = SimServer::start(SimConfig {
        rate_limits: RateLimitConfig {
            enabled: false,
            ..RateLimitConfig::default()
        },
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let h = Harness::with_url(&origin).await;
    erp_fixture(&h).await;
    h.user(
        "admin",
        &state::Right::all().into_iter().collect::<Vec<_>>(),
    )
    .await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::serve(listener, h.app.clone(), async {
        let _ = stopped.await;
    }));

    driver.goto(&format!("{origin}/login")).await;
    driver.fill("input[name=username]", "admin").await;
    driver.fill("input[name=password]", PASSWORD).await;
    driver.submit("button[type=submit]").await;
    driver.click("a[href='/c/TEST/manager']").await;

    // Authentication tab: the developer-sandbox preset (served here by the simulator, as
    // `mpsync serve --simulator` does), the app's key, then Connect.
    runner::connection::route_developer_sandbox(
        h.state(),
        Some(&runner::connection::SandboxRoute {
            login_url: sim.login_url().clone(),
            api_url: sim.api_url().clone(),
        }),
    )
    .await
    .unwrap();
    driver.click("nav.tabs a[href='/c/TEST/auth']").await;
    driver.click("input[value=developer_sandbox]").await;
    driver.fill("input[name=client_id]", seed::CLIENT_ID).await;
    driver
        .fill("input[name=client_secret]", seed::CLIENT_SECRET)
        .await;
    driver
        .submit("form[action='/c/TEST/auth'] button[type=submit]")
        .await;
    driver.wait_text("p.flash.ok", "Saved").await;
    driver.connect_to_procore(seed::COMPANY_ID).await;
    driver.wait_text("#procore-user", seed::USER_EMAIL).await;
    let pairing = h
        .state()
        .active_pairing("TEST")
        .await
        .unwrap()
        .expect("paired");
    assert_eq!(pairing.procore_company_id, seed::COMPANY_ID);

    // Synchronization Settings: only the directory and the employees.
    driver.click("nav.tabs a[href='/c/TEST/settings']").await;
    for spec in runner::entities::SPECS {
        if !["customers", "suppliers", "employees"].contains(&spec.name) {
            driver.click(&format!("#on_{}", spec.name)).await;
        }
    }
    driver.submit("main button[type=submit]").await;
    driver.wait_text("p.flash.ok", "Saved").await;
    assert_eq!(
        runner::enabled::enabled_entities(h.state(), "TEST")
            .await
            .unwrap(),
        vec!["customers", "suppliers", "employees"]
    );

    // A run by hand, watched until the list shows how it ended: one employee has no email.
    driver.click("nav.tabs a[href='/c/TEST/manager']").await;
    driver.click("#run-form button").await;
    driver.wait_text("#run-1", "Error").await;
    // The settings table counts the record waiting for a person.
    driver.click("nav.tabs a[href='/c/TEST/settings']").await;
    driver.wait_text("#row-employees td.waiting", "1").await;
    driver.click("nav.tabs a[href='/c/TEST/manager']").await;
    driver.click("#run-1 a").await;
    driver
        .click("select[name=status] option[value=error]")
        .await;
    driver.click("form[role=search] button").await;
    driver.wait_text("#outcomes", "E002").await;
    driver.wait_text("#outcomes", "email").await;

    // The record is fixed in maestro*, then retried from the run.
    edit_erp::<erp::Employee>(&h, "E002", |luc| {
        luc.email = Some("luc.gagnon@laurentide.example".into())
    })
    .await;
    driver.click("#retry").await;
    driver.wait_text("#run-2", "Success").await;
    let luc_id = h
        .state()
        .binding_by_erp_key(pairing.id, "employees", "E002")
        .await
        .unwrap()
        .expect("the retried employee is bound")
        .procore_id;
    let user = sim.admin().record(Kind::CompanyUser, luc_id).await.unwrap();
    assert_eq!(
        field(&user, "email_address"),
        "luc.gagnon@laurentide.example",
        "the retried employee reached Procore"
    );

    // The same supplier renamed on both sides: a conflict, resolved for maestro*.
    let vendor = h
        .state()
        .binding_by_erp_key(pairing.id, "suppliers", "F0042")
        .await
        .unwrap()
        .expect("supplier bound")
        .procore_id;
    sim.admin()
        .update_record(
            Kind::Vendor,
            vendor,
            json!({"name": "Béton Laurentien ltée"}),
        )
        .await
        .unwrap();
    edit_erp::<erp::Supplier>(&h, "F0042", |s| s.name = "Béton Laurentien inc.".into()).await;
    driver.click("#run-form button").await;
    driver.wait_text("#run-3", "Warning").await;
    driver.click("a[href='/c/TEST/conflicts']").await;
    driver
        .wait_text("#conflicts", "Béton Laurentien ltée")
        .await;
    driver.submit("#conflicts button[value=erp]").await;
    driver.wait_text("p.flash.ok", "Saved").await;
    driver.click("nav.tabs a[href='/c/TEST/manager']").await;
    driver.click("#run-form button").await;
    driver.wait_text("#run-4", "Success").await;
    let record = sim.admin().record(Kind::Vendor, vendor).await.unwrap();
    assert_eq!(
        field(&record, "name"),
        "Béton Laurentien inc.",
        "the chosen side was written"
    );

    let audit = h
        .state()
        .audit_log(Some("TEST"), state::Page::first(50))
        .await
        .unwrap();
    for action in [
        "pairing.created",
        "run.started",
        "conflict.resolved",
        "settings.changed",
    ] {
        assert!(audit.iter().any(|e| e.action == action), "{action} audited");
    }

    // A link undone, then made again by hand.
    driver.click("a[href='/c/TEST/links']").await;
    driver
        .click("#unlink-form select[name=entity] option[value=suppliers]")
        .await;
    driver
        .fill("#unlink-form input[name=erp_key]", "F0042")
        .await;
    driver.submit("#unlink-form button").await;
    driver.wait_text("p.flash.ok", "Saved").await;
    assert!(h
        .state()
        .binding_by_erp_key(pairing.id, "suppliers", "F0042")
        .await
        .unwrap()
        .is_none());
    driver
        .click("#link-form select[name=entity] option[value=suppliers]")
        .await;
    driver.fill("#link-form input[name=erp_key]", "F0042").await;
    driver
        .fill("#link-form input[name=procore_id]", &vendor.to_string())
        .await;
    driver.submit("#link-form button").await;
    driver.wait_text("p.flash.ok", "Saved").await;
    let relinked = h
        .state()
        .binding_by_erp_key(pairing.id, "suppliers", "F0042")
        .await
        .unwrap()
        .expect("linked again");
    assert_eq!(relinked.procore_id, vendor);

    // Signing in again and choosing the user's other Procore company is refused: the company
    // is paired, its records are bound.
    driver.click("nav.tabs a[href='/c/TEST/auth']").await;
    driver.connect_to_procore(seed::SECOND_COMPANY_ID).await;
    driver.wait_text("p.flash.error", "already paired").await;
    let still = h.state().active_pairing("TEST").await.unwrap().unwrap();
    assert_eq!(still.procore_company_id, seed::COMPANY_ID);

    // What the runs did, for a scraper holding a token with the right to view.
    let admin = h.state().user_by_name("admin").await.unwrap().unwrap();
    let (_, token) = h
        .state()
        .create_api_token(admin.id, "prometheus")
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let refused = http.get(format!("{origin}/metrics")).send().await.unwrap();
    assert_eq!(refused.status(), 401);
    let text = http
        .get(format!("{origin}/metrics"))
        .bearer_auth(token.expose())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("mpsync_runs_total{company=\"TEST\",status=\"error\"} 1"),
        "{text}"
    );
    assert!(
        text.contains(
            "mpsync_records_total{company=\"TEST\",entity=\"employees\",status=\"error\"} 1"
        ),
        "{text}"
    );
    assert!(
        text.contains("mpsync_procore_calls_total{operation="),
        "{text}"
    );
    assert!(text.contains("mpsync_runs_in_progress 0"), "{text}");

    driver.quit().await;
    let _ = stop.send(());
    server.await.unwrap().unwrap();
    sim.shutdown().await;
}
