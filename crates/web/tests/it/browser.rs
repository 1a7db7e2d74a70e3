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

    /// The element `css` selects, waiting (bounded) for a page still loading after a click.
    async fn find(&self, css: &str) -> String {
        let url = format!("{}/session/{}/element", self.base, self.session);
        for _ in 0..50 {
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
            if let Some(id) = answer["value"]
                .as_object()
                .filter(|o| !o.contains_key("error"))
                .and_then(|o| o.values().next())
                .and_then(Value::as_str)
            {
                return id.to_owned();
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

    /// Waits (bounded) until the element `css` shows `needle`, across page loads.
    async fn wait_text(&self, css: &str, needle: &str) {
        let mut last = String::new();
        for _ in 0..50 {
            let url = format!("{}/session/{}/element", self.base, self.session);
            let found: Value = self
                .http
                .post(&url)
                .json(&json!({"using": "css selector", "value": css}))
                .send()
                .await
                .expect("chromedriver answers")
                .json()
                .await
                .expect("WebDriver JSON");
            if let Some(id) = found["value"]
                .as_object()
                .filter(|o| !o.contains_key("error"))
                .and_then(|o| o.values().next())
                .and_then(Value::as_str)
            {
                let text: Value = self
                    .http
                    .get(format!("{url}/{id}/text"))
                    .send()
                    .await
                    .expect("chromedriver answers")
                    .json()
                    .await
                    .expect("WebDriver JSON");
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
    driver.click("button[type=submit]").await;
    assert!(
        driver.url().await.contains("/login"),
        "{}",
        driver.url().await
    );

    // Sign in (the Secure, SameSite=Strict cookies work on the loopback address).
    driver.fill("input[name=username]", "admin").await;
    driver.fill("input[name=password]", PASSWORD).await;
    driver.click("button[type=submit]").await;
    // Two companies: the list, then one.
    driver.click("a[href='/c/TEST/manager']").await;
    driver.wait_text("h1", "Synchronization Manager").await;

    // The Orders tab: stock orders, saved through a CSRF-protected form.
    driver.click("nav.tabs a[href='/c/TEST/orders']").await;
    driver.click("input[value=stock]").await;
    driver.click("main button[type=submit]").await;
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
        .click("form[action='/c/TEST/auth'] button[type=submit]")
        .await;
    driver
        .wait_text("p.flash.error", "only paired with a sandbox")
        .await;
    driver.click("input[value=developer_sandbox]").await;
    driver
        .fill("input[name=client_secret]", "app-secret-value")
        .await;
    driver
        .click("form[action='/c/TEST/auth'] button[type=submit]")
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
