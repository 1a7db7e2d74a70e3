//! `mpsync demo`: what mpsync does with Procore, end to end against the local simulator.
//!
//! The simulator plays a developer-sandbox Procore on loopback, its state in a SQLite file so a
//! second run finds the first run's records. The demo connects as a user would (authorize URL,
//! login form, consent, code exchange), then drives the client through the behaviours the sync
//! engine relies on, and prints the API calls it spent.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use procore::resources::vendors::{VendorFilters, VendorInput, VendorSyncItem};
use procore::{
    AppCredentials, Client, Environment, EnvironmentKind, GateStatus, MemoryTokenStore,
    OAuthClient, Secret,
};
use procore_sim::{
    seed, FaultKind, FaultRule, RateLimitConfig, SimConfig, SimEnvironment, SimServer,
};

const REDIRECT_URI: &str = "http://127.0.0.1/callback";

/// Suppliers the demo's maestro* company sends to Procore.
const SUPPLIERS: usize = 1_200;

pub async fn run(data_dir: &Path, fresh: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating the demo directory {}", data_dir.display()))?;
    let state_file = data_dir.join("procore-sim.sqlite");
    if fresh && state_file.exists() {
        std::fs::remove_file(&state_file).context("removing the previous simulator state")?;
    }
    let rerun = state_file.exists();

    // A compressed spike window so the demo shows pacing in seconds rather than minutes.
    let sim = SimServer::start(SimConfig {
        environment: SimEnvironment::DeveloperSandbox,
        data: Some(state_file.clone()),
        rate_limits: RateLimitConfig {
            enabled: true,
            hourly_limit: 3_600,
            hourly_window: Duration::from_secs(3_600),
            spike_limit: 25,
            spike_window: Duration::from_secs(2),
        },
        ..SimConfig::default()
    })
    .await
    .context("starting the Procore simulator")?;
    println!("mpsync demo — Procore simulator (developer sandbox)");
    println!("  login host {}", sim.login_url());
    println!("  API host   {}", sim.api_url());
    println!(
        "  state      {}{}",
        state_file.display(),
        if rerun {
            " (from the previous run)"
        } else {
            " (new)"
        }
    );

    let outcome = tour(&sim).await;
    sim.shutdown().await;
    outcome
}

async fn tour(sim: &SimServer) -> anyhow::Result<()> {
    let environment = Environment::Custom {
        login_url: sim.login_url().clone(),
        api_url: sim.api_url().clone(),
        kind: EnvironmentKind::Sandbox,
    };
    let credentials = AppCredentials {
        client_id: seed::CLIENT_ID.to_string(),
        client_secret: Secret::new(seed::CLIENT_SECRET.to_string()),
    };

    println!("\n1. Connect to Procore (OAuth authorization code)");
    let oauth = OAuthClient::new(&environment, credentials.clone())?;
    let state = procore::generate_state();
    let authorize = oauth.authorize_url(REDIRECT_URI, &state);
    println!("  authorize URL: {}", redact_query(&authorize));
    let back = procore_sim::browser::log_in(&authorize, seed::USER_EMAIL, seed::USER_PASSWORD)
        .await
        .context("logging in through the simulator's form")?;
    let query: std::collections::HashMap<_, _> = back.query_pairs().into_owned().collect();
    if !procore::verify_state(&state, query.get("state").map(String::as_str).unwrap_or("")) {
        bail!("the login host answered with another state: refusing the code");
    }
    let code = query
        .get("code")
        .context("no authorization code in the redirect")?;
    let pair = oauth.exchange_code(code, REDIRECT_URI).await?;
    println!(
        "  logged in as {} through the login form; tokens received (never printed)",
        seed::USER_EMAIL
    );

    let store = Arc::new(MemoryTokenStore::with_pair(pair));
    let client = Client::builder(environment.clone(), credentials)
        .token_store(store)
        .build()?;
    let me = client.me().await?;
    println!(
        "  me: {} <{}>",
        me.name.as_deref().unwrap_or("?"),
        me.login.as_deref().unwrap_or("?")
    );

    println!("\n2. Procore Company");
    let companies = client
        .companies()
        .list(&Default::default())
        .collect_all()
        .await?;
    for company in &companies {
        println!(
            "  [{}] {}",
            company.id,
            company.name.as_deref().unwrap_or("")
        );
    }
    let company = companies
        .iter()
        .find(|c| c.id == seed::COMPANY_ID)
        .context("the seeded company is not listed")?;
    println!("  chosen: {}", company.name.as_deref().unwrap_or(""));
    let client = client.with_company(company.id);

    println!("\n3. Suppliers → Procore vendors, in bulk sync actions");
    let mut items: Vec<VendorSyncItem> = (0..SUPPLIERS).map(supplier).collect();
    // Two bad records from the ERP: each is refused with its field, the rest goes on.
    items.push(VendorSyncItem {
        origin_id: Some("FRN-BAD-1".into()),
        name: Some("Fournisseur au pays inconnu".into()),
        country_code: Some("ZZ".into()),
        ..Default::default()
    });
    items.push(VendorSyncItem {
        origin_id: Some("FRN-BAD-2".into()),
        ..Default::default()
    });
    let started = Instant::now();
    let before = client
        .call_counts()
        .get("RestV10VendorsSyncPatch")
        .copied()
        .unwrap_or(0);
    let outcome = client.vendors().sync(items).await?;
    let calls = client
        .call_counts()
        .get("RestV10VendorsSyncPatch")
        .copied()
        .unwrap_or(0)
        - before;
    println!(
        "  {} vendors created or updated, {} refused, in {} sync calls ({:.1} s)",
        outcome.entities.len(),
        outcome.errors.len(),
        calls,
        started.elapsed().as_secs_f64()
    );
    for error in &outcome.errors {
        let fields: Vec<String> = error
            .field_errors
            .iter()
            .map(|f| format!("{}: {}", f.field, f.messages.join(", ")))
            .collect();
        println!(
            "  refused {}: {}",
            error.origin_id.as_deref().unwrap_or("(no origin id)"),
            fields.join("; ")
        );
    }

    println!("\n4. Lists are streamed page by page");
    let mut pager = client
        .vendors()
        .list(&VendorFilters::default())
        .with_per_page(500);
    let mut read = 0usize;
    let mut pages = 0usize;
    while let Some(page) = pager.next_page().await? {
        read += page.len();
        pages += 1;
    }
    println!(
        "  {read} vendors read in {pages} pages of {} (Total header: {})",
        pager.per_page(),
        pager.total().map_or("absent".into(), |t| t.to_string())
    );

    println!("\n5. A create whose answer is lost is not duplicated");
    let origin_id = "FRN-PERDU-1";
    if client
        .vendors()
        .find_by_origin_id(origin_id)
        .await?
        .is_some()
    {
        println!("  {origin_id} already exists from a previous run: nothing to create");
    } else {
        sim.admin()
            .set_faults(vec![FaultRule {
                operation: "RestV10VendorsPost".into(),
                kind: FaultKind::CommitThenDrop,
                count: Some(1),
                probability: None,
            }])
            .await?;
        let vendor = client
            .vendors()
            .create_once(&VendorInput {
                name: Some("Grues et Levage Saguenay inc.".into()),
                origin_id: Some(origin_id.into()),
                country_code: Some("CA".into()),
                state_code: Some("QC".into()),
                ..Default::default()
            })
            .await?;
        sim.admin().clear_faults().await?;
        println!("  the simulator applied the create and dropped the answer; the client found it by origin_id");
        println!("  vendor {} ({origin_id}) exists once", vendor.id);
    }
    let copies = client
        .vendors()
        .list(&VendorFilters {
            origin_id: Some(origin_id.into()),
            ..Default::default()
        })
        .collect_all()
        .await?
        .len();
    if copies != 1 {
        bail!("{copies} vendors carry {origin_id}: expected exactly one");
    }

    println!("\n6. The rate gate paces requests to Procore's windows (25 per 2 s here)");
    let mut watch = client.gate_watch();
    let pending = tokio::spawn(async move {
        // What the Synchronization Manager shows as *pending*: the first pause the gate reports.
        while watch.changed().await.is_ok() {
            if let GateStatus::PausedUntil(until) = *watch.borrow() {
                return Some(until);
            }
        }
        None
    });
    let started = Instant::now();
    let burst: Vec<_> = (0..60)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.me().await })
        })
        .collect();
    for call in burst {
        call.await??;
    }
    println!(
        "  60 concurrent calls done in {:.1} s with {} responses of 429",
        started.elapsed().as_secs_f64(),
        client.rate_limited_count()
    );
    if let Ok(Ok(Some(until))) = tokio::time::timeout(Duration::from_millis(10), pending).await {
        println!(
            "  the gate paused the burst until {} instead of sending into a full window",
            until.format("%H:%M:%S%.3f")
        );
    }

    println!("\nAPI calls by operation");
    for (operation, count) in client.call_counts() {
        println!("  {count:>6}  {operation}");
    }
    Ok(())
}

/// A maestro* supplier of the demo's Québec general contractor, as a Procore vendor.
fn supplier(i: usize) -> VendorSyncItem {
    const TRADES: [&str; 8] = [
        "Béton",
        "Électricité",
        "Plomberie",
        "Charpenterie",
        "Excavation",
        "Toiture",
        "Maçonnerie",
        "Ventilation",
    ];
    const CITIES: [(&str, &str); 6] = [
        ("Montréal", "QC"),
        ("Québec", "QC"),
        ("Trois-Rivières", "QC"),
        ("Sherbrooke", "QC"),
        ("Gatineau", "QC"),
        ("Ottawa", "ON"),
    ];
    let (city, province) = CITIES[i % CITIES.len()];
    VendorSyncItem {
        origin_id: Some(format!("FRN-{i:05}")),
        name: Some(format!(
            "{} {} {city} inc.",
            TRADES[i % TRADES.len()],
            i + 1
        )),
        city: Some(city.into()),
        state_code: Some(province.into()),
        country_code: Some("CA".into()),
        ..Default::default()
    }
}

/// The authorize URL without its query, so nothing resembling a credential reaches the terminal.
fn redact_query(url: &url::Url) -> String {
    let mut shown = url.clone();
    shown.set_query(None);
    format!("{shown}?client_id=…&redirect_uri=…&state=…")
}
