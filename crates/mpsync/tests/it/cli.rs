//! The day-to-day commands against the simulator over loopback, as a user runs them: `init`
//! (the sign-in through the login form and the loopback callback), `sync` (dry run, JSON,
//! plain), `conflicts` and `conflicts resolve`, `runs`, `runs show`, `link`, and the exit
//! statuses scripts rely on.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use erp::{ChangeOrigin, ErpStore, Project};
use procore_sim::{seed, Kind, RateLimitConfig, SimConfig, SimServer};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

const COMPANY: &str = "LAURTEST";

struct Cli {
    dir: PathBuf,
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Cli {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("mpsync-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Cli { dir }
    }

    fn erp_url(&self) -> String {
        format!("sqlite://{}", self.dir.join("erp.sqlite").display())
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mpsync"));
        c.args(args)
            .env("MPSYNC_ERP_DB", self.erp_url())
            .env(
                "MPSYNC_STATE_DB",
                format!("sqlite://{}", self.dir.join("state.sqlite").display()),
            )
            .env("MPSYNC_KEY_FILE", self.dir.join("mpsync.key"))
            .env_remove("MPSYNC_KEY")
            .env_remove("MPSYNC_COMPANY")
            .env_remove("MPSYNC_CLIENT_ID")
            .env_remove("MPSYNC_CLIENT_SECRET")
            .kill_on_drop(true);
        c
    }

    async fn run(&self, args: &[&str]) -> Ran {
        self.run_with(args, &[]).await
    }

    async fn run_with(&self, args: &[&str], envs: &[(&str, &str)]) -> Ran {
        let mut command = self.command(args);
        command
            .env_remove("MPSYNC_TOKEN")
            .env_remove("MPSYNC_PASSWORD");
        for (k, v) in envs {
            command.env(k, v);
        }
        let output = tokio::time::timeout(Duration::from_secs(120), command.output())
            .await
            .expect("the command ends within two minutes")
            .expect("mpsync runs");
        let ran = Ran {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        for secret in [seed::CLIENT_SECRET, seed::USER_PASSWORD] {
            assert!(
                !ran.stdout.contains(secret) && !ran.stderr.contains(secret),
                "a secret reached the terminal: mpsync {args:?}"
            );
        }
        ran
    }

    async fn json(&self, args: &[&str]) -> Value {
        let ran = self.run(args).await;
        serde_json::from_str(&ran.stdout).unwrap_or_else(|e| {
            panic!(
                "mpsync {args:?}: not JSON ({e}):\n{}\n{}",
                ran.stdout, ran.stderr
            )
        })
    }

    /// `mpsync init` against the simulator, signing in through its form like a browser.
    async fn init(&self, sim: &SimServer, extra: &[&str]) -> Ran {
        let login = sim.login_url().to_string();
        let api = sim.api_url().to_string();
        let company = seed::COMPANY_ID.to_string();
        let mut args = vec![
            "init",
            "--environment",
            "custom",
            "--login-url",
            &login,
            "--api-url",
            &api,
            "--custom-kind",
            "sandbox",
            "--client-id",
            seed::CLIENT_ID,
            "--procore-company",
            &company,
            "--redirect-uri",
            "http://127.0.0.1:0/callback",
            "--timeout",
            "60",
        ];
        args.extend_from_slice(extra);
        let mut child = self
            .command(&args)
            .env("MPSYNC_CLIENT_SECRET", seed::CLIENT_SECRET)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mpsync init starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut shown = String::new();
        let authorize = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                shown.push_str(&line);
                shown.push('\n');
                if let Some(url) = line.trim().strip_prefix("http") {
                    return Some(format!("http{url}"));
                }
            }
            None
        })
        .await
        .expect("init prints the sign-in address");
        let Some(authorize) = authorize else {
            let out = child.wait_with_output().await.unwrap();
            return Ran {
                code: out.status.code(),
                stdout: shown,
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            };
        };
        let authorize = url::Url::parse(&authorize).unwrap();
        let back = procore_sim::browser::log_in(&authorize, seed::USER_EMAIL, seed::USER_PASSWORD)
            .await
            .expect("the user signs in");
        let answer = reqwest::get(back.as_str())
            .await
            .expect("the callback answers");
        assert!(answer.status().is_success(), "{:?}", answer.status());
        let rest = tokio::time::timeout(Duration::from_secs(60), async {
            let mut rest = String::new();
            while let Some(line) = lines.next_line().await.unwrap() {
                rest.push_str(&line);
                rest.push('\n');
            }
            rest
        })
        .await
        .unwrap();
        let out = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
            .await
            .unwrap()
            .unwrap();
        Ran {
            code: out.status.code(),
            stdout: format!("{shown}{rest}"),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn simulator() -> SimServer {
    SimServer::start(SimConfig {
        rate_limits: RateLimitConfig {
            enabled: false,
            ..RateLimitConfig::default()
        },
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts")
}

fn assert_code(ran: &Ran, code: i32, what: &str) {
    assert_eq!(
        ran.code,
        Some(code),
        "{what}: exit status\n--- stdout\n{}\n--- stderr\n{}",
        ran.stdout,
        ran.stderr
    );
}

async fn erp_project(dir: &Path, number: &str) -> Project {
    let erp = ErpStore::connect(&format!("sqlite://{}", dir.join("erp.sqlite").display()))
        .await
        .unwrap();
    let p = erp
        .get::<Project>(COMPANY, &number.to_owned())
        .await
        .unwrap()
        .expect("project exists")
        .record;
    erp.close().await;
    p
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn init_sync_conflicts_runs_and_link_as_a_user_runs_them() {
    let sim = simulator().await;
    let cli = Cli::new("flow");
    assert_code(&cli.run(&["erp", "demo-data"]).await, 0, "demo data");

    // Nothing configured yet: a script learns it from the status.
    let ran = cli.run(&["sync"]).await;
    assert_code(&ran, 78, "sync before init");
    assert!(ran.stderr.contains("mpsync init"), "{}", ran.stderr);

    let ran = cli.init(&sim, &[]).await;
    assert_code(&ran, 0, "init");
    assert!(ran.stdout.contains("Connected"), "{}", ran.stdout);
    let key = std::fs::read_to_string(cli.dir.join("mpsync.key")).unwrap();
    let state = std::fs::read(cli.dir.join("state.sqlite")).unwrap();
    assert!(
        !String::from_utf8_lossy(&state).contains(seed::CLIENT_SECRET),
        "the client secret is stored encrypted"
    );
    assert!(!key.trim().is_empty());

    // The Projects tab: one cost code mode for the company, chosen before codes are linked.
    let ran = cli
        .run(&["settings", "cost-code-mode", "concatenated"])
        .await;
    assert_code(&ran, 0, "cost code mode");
    let shown = cli.json(&["settings", "--json"]).await;
    assert_eq!(shown["cost_code_mode"]["mode"], json!("concatenated"));
    assert_eq!(shown["cost_types"]["map"]["MO"], json!("L"));
    assert_eq!(shown["first_link"]["suppliers"], json!("ask"));
    let ran = cli
        .run(&["settings", "first-link", "suppliers", "erp"])
        .await;
    assert_code(&ran, 0, "first link");
    let shown = cli.json(&["settings", "--json"]).await;
    assert_eq!(shown["first_link"]["suppliers"], json!("erp_wins"));
    let ran = cli
        .run(&["settings", "first-link", "employees", "erp"])
        .await;
    assert_code(&ran, 2, "a one-way entity has no first-link choice");
    // The Orders tab and the statuses that bring commitments over.
    let shown = cli.json(&["settings", "--json"]).await;
    assert_eq!(shown["orders"], json!("regular"));
    assert_eq!(
        shown["statuses"]["subcontracts"],
        json!(["approved", "complete"])
    );
    let ran = cli.run(&["settings", "orders", "stock"]).await;
    assert_code(&ran, 0, "orders tab");
    let ran = cli
        .run(&[
            "settings",
            "statuses",
            "subcontracts",
            "Approved",
            "Complete",
            "Out For Signature",
        ])
        .await;
    assert_code(&ran, 0, "statuses");
    let ran = cli
        .run(&["settings", "statuses", "suppliers", "Approved"])
        .await;
    assert_code(&ran, 2, "suppliers have no statuses");
    let shown = cli.json(&["settings", "--json"]).await;
    assert_eq!(shown["orders"], json!("stock"));
    assert_eq!(
        shown["statuses"]["subcontracts"],
        json!(["Approved", "Complete", "Out For Signature"])
    );
    let ran = cli.run(&["settings", "orders", "regular"]).await;
    assert_code(
        &ran,
        0,
        "orders tab back to regular before any order is bound",
    );
    assert_eq!(shown["payroll_details"]["rate"], json!(false), "{shown:#}");
    let ran = cli
        .run(&["settings", "payroll-details", "--hours", "--employee"])
        .await;
    assert_code(&ran, 0, "payroll details");
    assert!(ran.stdout.contains("hours, employee"), "{}", ran.stdout);
    let shown = cli.json(&["settings", "--json"]).await;
    assert_eq!(shown["payroll_details"]["hours"], json!(true));
    assert_eq!(shown["payroll_details"]["rate"], json!(false));
    assert_eq!(shown["project_cost_types"]["payroll"], json!("L"));

    // A dry run shows the plan and writes nothing.
    sim.admin().reset_request_counts().await.unwrap();
    let ran = cli.run(&["sync", "--dry-run"]).await;
    assert_code(&ran, 0, "dry run");
    assert!(
        ran.stdout.contains("would be created in Procore"),
        "{}",
        ran.stdout
    );
    let counts = sim.admin().request_counts().await.unwrap();
    assert!(
        counts.keys().all(|op| !op.ends_with("SyncPatch")),
        "a dry run writes nothing: {counts:?}"
    );
    let runs = cli.json(&["runs", "--json"]).await;
    assert_eq!(runs, json!([]), "a dry run records no run");

    // The first sync, as JSON.
    let first = cli.json(&["sync", "--json"]).await;
    let entities = first["entities"].as_array().unwrap();
    let names: Vec<&str> = entities
        .iter()
        .map(|e| e["entity"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "customers",
            "suppliers",
            "employees",
            "projects",
            "cost_codes",
            "original_budget",
            "prime_contracts",
            "billing_change_orders",
            "subcontracts",
            "purchase_orders",
            "subcontract_change_orders",
            "project_costs",
            "order_invoices",
            "modified_budget",
        ]
    );
    let entity = |name: &str| {
        entities
            .iter()
            .find(|e| e["entity"] == name)
            .unwrap_or_else(|| panic!("{name} in {first:#}"))
    };
    assert_eq!(
        entity("original_budget")["errors"]["procore"],
        json!(0),
        "{first:#}"
    );
    let projects = entity("projects");
    assert!(
        entity("cost_codes")["created"]["procore"].as_u64().unwrap() > 0,
        "cost codes: {first:#}"
    );
    assert!(
        projects["created"]["procore"].as_u64().unwrap() > 0,
        "{first:#}"
    );

    // The second writes nothing and says so in plain lines.
    let ran = cli.run(&["sync"]).await;
    assert_code(&ran, 0, "second sync");
    assert!(ran.stdout.contains("Run "), "{}", ran.stdout);
    let second = cli.json(&["runs", "--json", "--limit", "1"]).await;
    assert_eq!(second[0]["status"], json!("success"), "{second:#}");

    // One entity only.
    let only = cli.json(&["sync", "--entity", "suppliers", "--json"]).await;
    assert_eq!(only["entities"].as_array().unwrap().len(), 1);

    // A conflict: exit 3, listed, resolved for Procore, written at the next sync.
    let run_one = cli.json(&["runs", "show", "1", "--json"]).await;
    let created = run_one["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["entity"] == "projects" && o["action"] == "create" && o["side"] == "procore")
        .expect("a project created in Procore")
        .clone();
    let number = created["erp_key"].as_str().unwrap().to_owned();
    let procore_id = created["procore_id"].as_u64().unwrap();
    {
        let erp = ErpStore::connect(&cli.erp_url()).await.unwrap();
        let mut p = erp_project(&cli.dir, &number).await;
        p.city = Some("Sherbrooke".into());
        erp.upsert(COMPANY, &[p], ChangeOrigin::User).await.unwrap();
        erp.close().await;
    }
    sim.admin()
        .update_record(Kind::Project, procore_id, json!({"city": "Gatineau"}))
        .await
        .unwrap();
    let ran = cli.run(&["sync"]).await;
    assert_code(&ran, 3, "a sync with a conflict");
    assert!(ran.stdout.contains("mpsync conflicts"), "{}", ran.stdout);
    let conflicts = cli.json(&["conflicts", "--json"]).await;
    let conflict = &conflicts.as_array().unwrap()[0];
    assert_eq!(conflict["field"], json!("city"));
    assert_eq!(conflict["erp_value"], json!("Sherbrooke"));
    assert_eq!(conflict["procore_value"], json!("Gatineau"));
    let id = conflict["id"].to_string();
    let ran = cli
        .run(&["conflicts", "resolve", &id, "--keep", "procore"])
        .await;
    assert_code(&ran, 0, "resolve");
    let ran = cli
        .run(&["conflicts", "resolve", &id, "--keep", "erp"])
        .await;
    assert_code(&ran, 65, "a second resolution");
    let ran = cli.run(&["sync"]).await;
    assert_code(&ran, 0, "the sync applying the resolution");
    assert_eq!(
        erp_project(&cli.dir, &number).await.city.as_deref(),
        Some("Gatineau")
    );
    let listed = cli.run(&["conflicts", "--all"]).await;
    assert!(
        listed.stdout.contains("keep_procore: applied"),
        "{}",
        listed.stdout
    );

    // Codes are linked now: the mode is fixed.
    let ran = cli.run(&["settings", "cost-code-mode", "direct"]).await;
    assert_code(&ran, 78, "a mode change with codes linked");
    assert!(ran.stderr.contains("cannot change"), "{}", ran.stderr);

    // The Synchronization Manager on the command line.
    let ran = cli.run(&["runs"]).await;
    assert_code(&ran, 0, "runs");
    assert!(ran.stdout.lines().count() >= 6, "{}", ran.stdout);
    let ran = cli.run(&["runs", "show", "1", "--status", "success"]).await;
    assert_code(&ran, 0, "runs show");
    assert!(ran.stdout.contains("created in Procore"), "{}", ran.stdout);
    let ran = cli
        .run(&["runs", "show", "1", "--status", "nonsense"])
        .await;
    assert_code(&ran, 2, "a wrong status");

    // Linking: a vendor Procore already has under the name of a maestro* supplier not yet
    // flagged is proposed, and nothing is stored by a dry run.
    let vendor = sim
        .admin()
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Coffrages Lemieux", "is_active": true}),
        )
        .await
        .unwrap();
    let vendor_id = vendor["id"].as_u64().unwrap();
    let ran = cli
        .run(&["erp", "export", "suppliers", "-", "--company", COMPANY])
        .await;
    let header: Vec<&str> = ran.stdout.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = header
        .iter()
        .map(|c| match *c {
            "code" => "F9100",
            "name" => "Coffrages Lemieux inc.",
            "status" => "A",
            "linked_to_procore" => "false",
            _ => "",
        })
        .collect();
    let csv = cli.dir.join("supplier.csv");
    std::fs::write(&csv, format!("{}\n{}\n", header.join(","), row.join(","))).unwrap();
    let ran = cli
        .run(&[
            "erp",
            "import",
            "suppliers",
            csv.to_str().unwrap(),
            "--company",
            COMPANY,
        ])
        .await;
    assert_code(&ran, 0, "import");
    let proposed = cli
        .json(&[
            "link",
            "--auto",
            "--dry-run",
            "--entity",
            "suppliers",
            "--json",
        ])
        .await;
    let link = proposed["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["erp_key"] == "F9100")
        .unwrap_or_else(|| panic!("proposed: {proposed:#}"));
    assert_eq!(link["procore_id"], json!(vendor_id));
    assert_eq!(link["matched_on"], json!("name"));
    let ran = cli.run(&["link", "--auto", "--entity", "suppliers"]).await;
    assert_code(&ran, 0, "link --auto");
    assert!(ran.stdout.contains("F9100"), "{}", ran.stdout);
    let ran = cli
        .run(&[
            "link",
            "--entity",
            "suppliers",
            "--erp",
            "F9100",
            "--procore",
            "1",
        ])
        .await;
    assert_code(&ran, 65, "a link by hand to a record that does not exist");

    // The doctor: everything answers, every linked project is permitted…
    let ran = cli.run(&["doctor"]).await;
    assert_code(&ran, 0, "doctor");
    assert!(ran.stdout.contains("token valid"), "{}", ran.stdout);
    assert!(
        ran.stdout.contains("linked projects permitted"),
        "{}",
        ran.stdout
    );
    // …until App Management leaves a linked project out: the doctor names it and what to do.
    sim.admin()
        .set_permitted_projects(seed::COMPANY_ID, &[], false)
        .await
        .unwrap();
    let ran = cli.run(&["doctor"]).await;
    assert_code(&ran, 78, "doctor with a project not permitted");
    assert!(ran.stdout.contains("Permitted Projects"), "{}", ran.stdout);
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_company_is_never_paired_with_a_production_procore() {
    let sim = simulator().await;
    let cli = Cli::new("safety");
    assert_code(&cli.run(&["erp", "demo-data"]).await, 0, "demo data");
    let login = sim.login_url().to_string();
    let api = sim.api_url().to_string();
    let ran = cli
        .run(&[
            "init",
            "--environment",
            "custom",
            "--login-url",
            &login,
            "--api-url",
            &api,
            "--custom-kind",
            "production",
            "--client-id",
            seed::CLIENT_ID,
        ])
        .await;
    assert_code(&ran, 78, "a test company against production");
    assert!(ran.stderr.contains("test"), "{}", ran.stderr);
    assert!(ran.stderr.contains("production"), "{}", ran.stderr);
    sim.shutdown().await;
}

#[tokio::test]
async fn once_users_exist_every_command_needs_a_token_holding_its_right() {
    let cli = Cli::new("rights");
    assert_code(&cli.run(&["erp", "demo-data"]).await, 0, "demo data");
    // Before any user, the operator holding the files acts; the first user is the administrator.
    let password = [("MPSYNC_PASSWORD", "correct horse battery")];
    assert_code(
        &cli.run_with(&["users", "add", "admin"], &password).await,
        0,
        "first admin",
    );
    let admin = cli.run(&["users", "token", "admin"]).await;
    assert_code(&admin, 0, "the administrator's first token");
    let admin = admin.stdout.trim().to_owned();
    assert!(admin.starts_with("mps_"));

    // From now on a token is needed, and its user's rights decide.
    let refused = cli.run(&["runs"]).await;
    assert_code(&refused, 77, "no token");
    assert!(
        refused.stderr.contains("MPSYNC_TOKEN"),
        "{}",
        refused.stderr
    );
    let as_admin = [("MPSYNC_TOKEN", admin.as_str()), password[0]];
    assert_code(
        &cli.run_with(&["users", "add", "lecteur", "--rights", "view"], &as_admin)
            .await,
        0,
        "a viewer",
    );
    let viewer = cli
        .run_with(&["users", "token", "lecteur"], &as_admin)
        .await;
    assert_code(&viewer, 0, "the viewer's token");
    let as_viewer = [("MPSYNC_TOKEN", viewer.stdout.trim())];
    let sync = cli.run_with(&["sync"], &as_viewer).await;
    assert_code(&sync, 77, "a viewer may not run");
    assert!(sync.stderr.contains("'run'"), "{}", sync.stderr);
    let one = cli
        .run_with(&["sync", "--entity", "suppliers"], &as_viewer)
        .await;
    assert_code(&one, 77, "nor run one entity");
    assert_code(
        &cli.run_with(&["settings", "orders", "stock"], &as_viewer)
            .await,
        77,
        "nor configure",
    );
    assert_code(
        &cli.run_with(&["users", "add", "x", "--rights", "run"], &as_viewer)
            .await,
        77,
        "nor manage users",
    );
    // Viewing is allowed: the command gets past the rights to the missing connection.
    assert_code(
        &cli.run_with(&["runs"], &as_viewer).await,
        78,
        "a viewer reads runs",
    );
    assert_code(
        &cli.run_with(&["runs"], &[("MPSYNC_TOKEN", "mps_forged")])
            .await,
        77,
        "a forged token",
    );
    let _ = std::fs::remove_dir_all(&cli.dir);
}

/// The Authentication tab as a signed-in user sees it.
async fn auth_page(http: &reqwest::Client, origin: &str, session: &str) -> String {
    http.get(format!("{origin}/c/{COMPANY}/auth"))
        .header("cookie", session)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The value of a hidden `csrf` field in a page.
fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
    html[at..].split('"').next().unwrap().to_owned()
}

/// `mpsync serve` started on a free port.
struct Served {
    child: tokio::process::Child,
    origin: String,
    /// The one-time setup token.
    token: String,
    /// What it printed up to the token.
    stdout: String,
    /// Its logs, read as they come so a chatty server never blocks on a full pipe.
    stderr: tokio::task::JoinHandle<String>,
}

async fn start_serve(cli: &Cli, extra: &[&str]) -> Served {
    let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
    args.extend_from_slice(extra);
    let mut serve = cli.command(&args);
    serve
        .env("MPSYNC_LOG", "debug")
        .env("MPSYNC_LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = serve.spawn().expect("mpsync serve starts");
    let mut errors = child.stderr.take().unwrap();
    let stderr = tokio::spawn(async move {
        let mut text = String::new();
        let _ = tokio::io::AsyncReadExt::read_to_string(&mut errors, &mut text).await;
        text
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut stdout = String::new();
    let (mut origin, mut token) = (String::new(), String::new());
    for _ in 0..20 {
        let Ok(Ok(Some(line))) =
            tokio::time::timeout(Duration::from_secs(30), lines.next_line()).await
        else {
            break;
        };
        stdout.push_str(&line);
        stdout.push('\n');
        if let Some(rest) = line.strip_prefix("mpsync serve listening on ") {
            origin = rest.split_whitespace().next().unwrap().to_owned();
        }
        if line.trim().starts_with("setup-") {
            token = line.trim().to_owned();
            break;
        }
    }
    assert!(!origin.is_empty() && !token.is_empty(), "{stdout}");
    Served {
        child,
        origin,
        token,
        stdout,
        stderr,
    }
}

/// The first administrator made with the setup token, then signed in: the session cookie.
async fn first_admin_session(
    http: &reqwest::Client,
    origin: &str,
    token: &str,
    password: &str,
) -> String {
    let setup = http
        .post(format!("{origin}/setup"))
        .form(&[
            ("token", token),
            ("username", "admin"),
            ("password", password),
            ("language", "en"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(setup.status(), 303);
    let login_page = http.get(format!("{origin}/login")).send().await.unwrap();
    let login_cookie = login_page
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap()
        .to_owned();
    let login_csrf = csrf_of(&login_page.text().await.unwrap());
    let signed_in = http
        .post(format!("{origin}/login"))
        .header("cookie", &login_cookie)
        .form(&[
            ("csrf", login_csrf.as_str()),
            ("username", "admin"),
            ("password", password),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mpsync_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session")
        .to_owned()
}

#[tokio::test]
async fn serve_with_the_simulator_serves_the_developer_sandbox_preset_from_it() {
    let cli = Cli::new("serve-sim");
    assert_code(&cli.run(&["erp", "demo-data"]).await, 0, "demo data");
    let Served {
        mut child,
        origin,
        token,
        stdout,
        ..
    } = start_serve(&cli, &["--simulator"]).await;
    let simulator = stdout
        .lines()
        .find_map(|l| {
            l.strip_prefix("Procore simulator: the developer-sandbox preset is served at ")
        })
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no simulator line in:\n{stdout}"))
        .to_owned();
    assert!(simulator.starts_with("http://127.0.0.1:"), "{simulator}");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let session = first_admin_session(&http, &origin, &token, "serve-sim-password-42").await;
    // The simulator's app key was saved: the preset alone is enough.
    let csrf = csrf_of(&auth_page(&http, &origin, &session).await);
    let saved = http
        .post(format!("{origin}/c/{COMPANY}/auth"))
        .header("cookie", &session)
        .form(&[("csrf", csrf.as_str()), ("preset", "developer_sandbox")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let page = auth_page(&http, &origin, &session).await;
    assert!(
        page.contains(simulator.trim_end_matches('/')),
        "the preset reaches the simulator:\n{page}"
    );
    child.start_kill().unwrap();
    let _ = child.wait().await;
    let _ = std::fs::remove_dir_all(&cli.dir);
}

#[tokio::test]
async fn serve_logs_never_carry_a_secret() {
    let cli = Cli::new("serve");
    assert_code(&cli.run(&["erp", "demo-data"]).await, 0, "demo data");
    let Served {
        mut child,
        origin,
        token,
        stdout,
        stderr,
    } = start_serve(&cli, &[]).await;

    // The first administrator, a sign-in, and the Procore key saved: every secret crosses.
    const PASSWORD: &str = "serve-admin-password-42";
    const CLIENT_SECRET: &str = "serve-client-secret-value-77";
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let session = first_admin_session(&http, &origin, &token, PASSWORD).await;
    let auth = auth_page(&http, &origin, &session).await;
    let csrf = csrf_of(&auth);
    let saved = http
        .post(format!("{origin}/c/{COMPANY}/auth"))
        .header("cookie", &session)
        .form(&[
            ("csrf", csrf.as_str()),
            ("preset", "developer_sandbox"),
            ("client_id", "app"),
            ("client_secret", CLIENT_SECRET),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let page = auth_page(&http, &origin, &session).await;
    assert!(
        !page.contains(CLIENT_SECRET),
        "the secret is never shown back"
    );

    child.start_kill().unwrap();
    let output = child.wait_with_output().await.unwrap();
    let stderr = stderr.await.unwrap();
    let logs = format!(
        "{stdout}{}{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        stderr.lines().filter(|l| l.starts_with('{')).count() > 5,
        "debug logs, one JSON object a line:\n{stderr}"
    );
    let session_value = session.trim_start_matches("mpsync_session=");
    for secret in [PASSWORD, CLIENT_SECRET, session_value, &csrf] {
        assert!(!logs.contains(secret), "a secret reached the logs:\n{logs}");
    }
    let _ = std::fs::remove_dir_all(&cli.dir);
}
