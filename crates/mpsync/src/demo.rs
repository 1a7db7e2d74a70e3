//! `mpsync demo`: a full maestro* ⇄ Procore synchronization on embedded defaults.
//!
//! The simulator plays a developer-sandbox Procore on loopback; the maestro* side is a *test*
//! company in a SQLite file; the engine's state (bindings, cursors, runs, encrypted tokens) is a
//! second SQLite file. The demo connects as a user would (authorize URL, login form, consent, code
//! exchange), seeds Procore with records only Procore has and records that already exist on both
//! sides, synchronizes every implemented entity, shows that a second sync writes nothing, then
//! edits both sides — one edit each way and one conflicting pair — while Procore gains a budget
//! change, commitments and a prime contract, and synchronizes again; then an invoice of the
//! Procore subcontract entered in maestro* goes to Procore as a subcontractor invoice.
//! Every file stays in the demo directory for inspection.

use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context};
use erp::{ChangeOrigin, ErpStore, Project};
use procore::{
    AppCredentials, Client, Environment, EnvironmentKind, MemoryTokenStore, OAuthClient, Secret,
    TokenStore,
};
use procore_sim::{seed, Kind, RateLimitConfig, SimConfig, SimEnvironment, SimServer};
use runner::SyncRunner;

use crate::report::print_summary;
use serde_json::json;
use state::{Cipher, NewPairing, StateStore, StateTokenStore};

const REDIRECT_URI: &str = "http://127.0.0.1/callback";
const DEMO_SEED: u64 = 2026;

pub async fn run(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("creating the demo directory {}", dir.display()))?;
    // Each demo starts from nothing, so what it prints is always the same story.
    for name in ["procore-sim.sqlite", "erp.sqlite", "state.sqlite"] {
        for suffix in ["", "-wal", "-shm"] {
            let path = dir.join(format!("{name}{suffix}"));
            if path.exists() {
                std::fs::remove_file(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
            }
        }
    }

    let sim = SimServer::start(SimConfig {
        environment: SimEnvironment::DeveloperSandbox,
        data: Some(dir.join("procore-sim.sqlite")),
        // Procore's spike window, compressed so pacing shows in seconds.
        rate_limits: RateLimitConfig {
            enabled: true,
            hourly_limit: 3_600,
            hourly_window: std::time::Duration::from_secs(3_600),
            spike_limit: 25,
            spike_window: std::time::Duration::from_secs(2),
        },
        ..SimConfig::default()
    })
    .await
    .context("starting the Procore simulator")?;
    println!("mpsync demo — files in {}", dir.display());
    println!(
        "  Procore (simulated developer sandbox): login {}  API {}",
        sim.login_url(),
        sim.api_url()
    );
    let outcome = tour(&sim, dir).await;
    sim.shutdown().await;
    outcome
}

async fn tour(sim: &SimServer, dir: &Path) -> anyhow::Result<()> {
    let environment = Environment::Custom {
        login_url: sim.login_url().clone(),
        api_url: sim.api_url().clone(),
        kind: EnvironmentKind::Sandbox,
    };
    let credentials = AppCredentials {
        client_id: seed::CLIENT_ID.to_string(),
        client_secret: Secret::new(seed::CLIENT_SECRET.to_string()),
    };

    // The maestro* side: a test company with its demo data.
    let erp_url = format!("sqlite://{}", dir.join("erp.sqlite").display());
    let erp = ErpStore::connect(&erp_url)
        .await
        .context("opening the ERP database")?;
    let demo = erp::demo::generate(DEMO_SEED);
    erp::demo::load(&erp, &demo)
        .await
        .context("writing the demo company")?;
    let company = demo.company.code.clone();
    println!(
        "  maestro*: {} — {} ({} company): {} projects, {} customers, {} suppliers, {} employees",
        company,
        demo.company.name,
        demo.company.environment.code(),
        demo.projects.len(),
        demo.customers.len(),
        demo.suppliers.len(),
        demo.employees.len()
    );

    println!("\n1. Connect to Procore (OAuth authorization code through the login form)");
    let oauth = OAuthClient::new(&environment, credentials.clone())?;
    let csrf = procore::generate_state();
    let authorize = oauth.authorize_url(REDIRECT_URI, &csrf);
    let back = procore_sim::browser::log_in(&authorize, seed::USER_EMAIL, seed::USER_PASSWORD)
        .await
        .context("logging in through the simulator's form")?;
    let query: std::collections::HashMap<_, _> = back.query_pairs().into_owned().collect();
    if !procore::verify_state(&csrf, query.get("state").map(String::as_str).unwrap_or("")) {
        bail!("the login host answered with another state: refusing the code");
    }
    let code = query
        .get("code")
        .context("no authorization code in the redirect")?;
    let pair = oauth.exchange_code(code, REDIRECT_URI).await?;
    let probe = Client::builder(environment.clone(), credentials.clone())
        .token_store(Arc::new(MemoryTokenStore::with_pair(pair.clone())))
        .build()?;
    let companies = probe
        .companies()
        .list(&Default::default())
        .collect_all()
        .await?;
    let chosen = companies
        .iter()
        .find(|c| c.id == seed::COMPANY_ID)
        .context("the seeded company is not listed")?;
    println!(
        "  logged in as {}; Procore companies: {}; chosen: {}",
        seed::USER_EMAIL,
        companies
            .iter()
            .filter_map(|c| c.name.as_deref())
            .collect::<Vec<_>>()
            .join(", "),
        chosen.name.as_deref().unwrap_or("")
    );

    // The engine's state; the token pair is kept there, encrypted.
    let state_url = format!("sqlite://{}", dir.join("state.sqlite").display());
    let state = StateStore::connect(&state_url)
        .await
        .context("opening the state database")?;
    let pairing = state
        .pair(&NewPairing::new(&company, &environment, chosen.id))
        .await
        .context("pairing the test company with the sandbox")?
        .id;
    let cipher = Arc::new(Cipher::load(&dir.join("mpsync.key")).context("loading the key")?);
    let tokens = Arc::new(StateTokenStore::for_pairing(state.clone(), cipher, pairing));
    tokens.save(&pair).await.context("saving the tokens")?;
    println!("  tokens saved encrypted in state.sqlite (key in mpsync.key); never printed");
    let client = Client::builder(environment, credentials)
        .token_store(tokens)
        .company_id(chosen.id)
        .build()?;

    println!("\n2. Procore already has data of its own");
    seed_procore_side(sim, &demo).await?;

    let state_for_demo = state.clone();
    let runner = SyncRunner::new(
        Arc::new(erp.clone()),
        company.clone(),
        state,
        pairing,
        client.clone(),
    );
    println!("\n3. First synchronization (every entity, in dependency order)");
    let first = runner.sync(&[], false).await?;
    print_summary(&first);
    show_direct_costs(&client, &state_for_demo, pairing, &demo).await?;

    println!("\n4. Second synchronization: nothing changed, so nothing is written");
    let second = runner.sync(&[], false).await?;
    print_summary(&second);
    if second.writes() != 0 {
        bail!(
            "the second synchronization wrote {} records: expected none",
            second.writes()
        );
    }

    println!("\n5. Edits on both sides, one of them conflicting, a budget change and commitments in Procore");
    let edited = edit_both_sides(sim, &erp, &company, &demo).await?;
    let budget_line = budget_change_in_procore(sim, &edited.from_erp).await?;
    let commitments = commitments_in_procore(
        sim,
        &client,
        &state_for_demo,
        pairing,
        &demo,
        &edited.from_erp,
    )
    .await?;
    let third = runner.sync(&[], false).await?;
    print_summary(&third);
    show_commitments(&erp, &company, &commitments).await?;

    let city = erp
        .get::<Project>(&company, &edited.from_procore)
        .await?
        .map(|p| p.record.city.unwrap_or_default())
        .unwrap_or_default();
    println!(
        "  project {}: city from Procore now in maestro*: {city}",
        edited.from_procore
    );
    println!(
        "  project {}: city changed differently on both sides: recorded as a conflict, neither side overwritten",
        edited.conflicting
    );
    if let Some(binding) = state_for_demo
        .binding_by_procore_id(pairing, "original_budget", budget_line)
        .await?
    {
        let parts: Vec<&str> = binding.erp_key.splitn(3, '|').collect();
        if let [project, activity, cost_type] = parts[..] {
            let key = (
                project.to_owned(),
                activity.to_owned(),
                cost_type.to_owned(),
            );
            if let Some(line) = erp.get::<erp::BudgetLine>(&company, &key).await? {
                println!(
                    "  budget line {}: Modification from Procore now {} in maestro*; original budget {} untouched",
                    binding.erp_key,
                    line.record.modification.round_dp(2),
                    line.record.original.round_dp(2)
                );
            }
        }
    }

    println!("\n6. An invoice of the Procore subcontract entered in maestro*");
    let invoice = invoice_in_maestro(&erp, &client, &company, &commitments).await?;
    let fourth = runner.sync(&[], false).await?;
    print_summary(&fourth);
    let requisitions = client
        .requisitions(commitments.procore_project)
        .list(&Default::default())
        .collect_all()
        .await?;
    let sent = requisitions
        .iter()
        .find(|r| r.invoice_number.as_deref() == Some(invoice.number.as_str()))
        .context("the invoice did not reach Procore")?;
    if sent.total_claimed_amount != Some(invoice.amount) {
        bail!(
            "invoice {}: {:?} in Procore, {} in maestro*",
            invoice.number,
            sent.total_claimed_amount,
            invoice.amount
        );
    }
    println!(
        "  invoice {} → Procore subcontractor invoice #{} on SC-001, {} to the cent",
        invoice.number,
        sent.number.unwrap_or_default(),
        invoice.amount
    );

    println!(
        "\nProcore API calls by operation ({} responses of 429)",
        client.rate_limited_count()
    );
    for (operation, count) in client.call_counts() {
        println!("  {count:>6}  {operation}");
    }
    let files = format!(
        "--erp-db sqlite://{} --state-db sqlite://{} --key-file {}",
        dir.join("erp.sqlite").display(),
        dir.join("state.sqlite").display(),
        dir.join("mpsync.key").display()
    );
    println!(
        "\nRuns, outcomes and conflicts stay in {}; read them with",
        dir.display()
    );
    println!("  mpsync runs {files}");
    println!("  mpsync runs show 3 --status warning {files}");
    println!("  mpsync conflicts {files}");
    Ok(())
}

/// Records only Procore has, a vendor the ERP also has under another spelling, a vendor marked
/// NOTMAESTRO, and a project whose number maestro* cannot hold.
async fn seed_procore_side(sim: &SimServer, demo: &erp::demo::DemoCompany) -> anyhow::Result<()> {
    let admin = sim.admin();
    let twin = demo
        .suppliers
        .iter()
        .find(|s| s.linked_to_procore)
        .context("a linked demo supplier")?;
    let inserts = [
        (
            Kind::Vendor,
            json!({"name": format!("{} INC.", twin.name.to_uppercase()), "is_active": true, "city": twin.city}),
            format!(
                "vendor \"{} INC.\" (the same company as supplier {})",
                twin.name.to_uppercase(),
                twin.code
            ),
        ),
        (
            Kind::Vendor,
            json!({"name": "Location d'outils Gagnon", "notes": "Compte local — NOTMAESTRO", "is_active": true}),
            "vendor \"Location d'outils Gagnon\" tagged NOTMAESTRO".to_string(),
        ),
        (
            Kind::Project,
            json!({"name": "Entrepôt Saint-Laurent", "project_number": "AB#12345678", "active": true,
                   "country_code": "CA", "state_code": "QC"}),
            "project \"AB#12345678\" (a number maestro* cannot hold)".to_string(),
        ),
    ];
    for (kind, data, what) in inserts {
        admin
            .insert_record(kind, seed::COMPANY_ID, None, None, data)
            .await
            .with_context(|| format!("adding {what} in Procore"))?;
        println!("  added in Procore: {what}");
    }
    println!("  plus the sandbox's own projects and vendors, which maestro* does not have");
    Ok(())
}

struct Edited {
    from_erp: String,
    from_procore: String,
    conflicting: String,
}

/// An approved budget change in Procore on the first budget line of `project`; its Procore
/// id. The next sync writes it into that line's Modification column in maestro*.
async fn budget_change_in_procore(sim: &SimServer, project: &str) -> anyhow::Result<u64> {
    let admin = sim.admin();
    let projects = admin
        .records(Kind::Project, Some(seed::COMPANY_ID), None)
        .await?;
    let procore_project = projects
        .iter()
        .find(|p| p["data"]["origin_id"] == project)
        .and_then(|p| p["id"].as_u64())
        .with_context(|| format!("project {project} is not in Procore"))?;
    let lines = admin
        .records(
            Kind::BudgetLineItem,
            Some(seed::COMPANY_ID),
            Some(procore_project),
        )
        .await?;
    let line = lines
        .first()
        .with_context(|| format!("project {project} has no budget line in Procore"))?;
    let id = line["id"].as_u64().context("a budget line id")?;
    admin
        .insert_record(
            Kind::BudgetChange,
            seed::COMPANY_ID,
            Some(procore_project),
            None,
            json!({"number": "BC-001", "title": "Béton supplémentaire", "status": "approved",
                   "adjustment_line_items": [{"wbs_code_id": line["data"]["wbs_code_id"],
                                              "amount": "2500.00", "type": "budget_change"}]}),
        )
        .await?;
    println!(
        "  Procore:  an approved budget change of 2500.00 on a budget line of project {project}"
    );
    Ok(id)
}

/// Checks the project costs sent as Procore direct costs, project by project, to the cent.
async fn show_direct_costs(
    client: &Client,
    state: &StateStore,
    pairing: state::PairingId,
    demo: &erp::demo::DemoCompany,
) -> anyhow::Result<()> {
    let mut projects: std::collections::BTreeMap<&str, rust_decimal::Decimal> =
        std::collections::BTreeMap::new();
    for c in &demo.project_costs {
        *projects.entry(c.project_number.as_str()).or_default() += c.amount;
    }
    let (mut count, mut checked) = (0, 0);
    for (project, erp_total) in &projects {
        let Some(binding) = state
            .binding_by_erp_key(pairing, "projects", project)
            .await?
        else {
            continue;
        };
        let costs = client
            .direct_costs(binding.procore_id)
            .list(&Default::default())
            .collect_all()
            .await?;
        let ours: Vec<_> = costs.iter().filter(|c| c.origin_id.is_some()).collect();
        let total: rust_decimal::Decimal = ours.iter().filter_map(|c| c.grand_total).sum();
        if total != *erp_total {
            bail!(
                "project {project}: direct costs total {total} in Procore, {erp_total} in maestro*"
            );
        }
        count += ours.len();
        checked += 1;
    }
    println!(
        "  {count} project costs of {checked} projects are Procore direct costs (payroll with its total only, by default); totals agree to the cent"
    );
    Ok(())
}

/// What the demo made in Procore: (Procore id, Procore total).
struct Commitments {
    procore_project: u64,
    vendor_supplier: String,
    subcontract: (u64, rust_decimal::Decimal),
    purchase_order: (u64, rust_decimal::Decimal),
    change_order: (u64, rust_decimal::Decimal),
    prime_contract: (u64, rust_decimal::Decimal),
    prime_change_order: (u64, rust_decimal::Decimal),
}

/// An approved subcontract with two lines, an approved purchase order and an approved change
/// order of the subcontract, made in Procore as a Procore user makes them (the schedule of
/// values while the commitment is a draft, then approval), on cost codes and a vendor mpsync
/// synchronized.
async fn commitments_in_procore(
    sim: &SimServer,
    client: &Client,
    state: &StateStore,
    pairing: state::PairingId,
    demo: &erp::demo::DemoCompany,
    project: &str,
) -> anyhow::Result<Commitments> {
    use procore::resources::change_order_packages::{
        ChangeOrderPackageInput, ChangeOrderPackageStatus,
    };
    use procore::resources::commitment_line_items::CommitmentLineItemInput;
    use procore::resources::purchase_order_contracts::PurchaseOrderContractInput;
    use procore::resources::work_order_contracts::WorkOrderContractInput;
    let bound = |entity: &'static str, key: String| async move {
        state
            .binding_by_erp_key(pairing, entity, &key)
            .await?
            .map(|b| b.procore_id)
            .with_context(|| format!("{entity} {key} is not synchronized"))
    };
    let procore_project = bound("projects", project.to_owned()).await?;
    let supplier = demo
        .suppliers
        .iter()
        .find(|s| s.linked_to_procore)
        .context("a supplier linked to Procore")?;
    let vendor = bound("suppliers", supplier.code.clone()).await?;
    let mut leaves = Vec::new();
    for line in demo.budgets.iter().filter(|b| b.project_number == project) {
        let key = format!("{project}|{}", line.activity_code);
        if !leaves.iter().any(|(k, _)| *k == key) {
            let id = bound("cost_codes", key.clone()).await?;
            leaves.push((key, id));
        }
    }
    let [(_, first), (_, second), ..] = leaves[..] else {
        bail!("project {project} has fewer than two budgeted activities");
    };
    let amount = |s: &str| -> anyhow::Result<rust_decimal::Decimal> { Ok(s.parse()?) };

    let subcontracts = client.work_order_contracts(procore_project);
    let subcontract = subcontracts
        .create(&WorkOrderContractInput {
            number: Some("SC-001".into()),
            title: Some("Électricité — phase 1".into()),
            vendor_id: Some(vendor),
            status: Some("Draft".into()),
            ..Default::default()
        })
        .await?
        .id;
    let items = client.work_order_contract_line_items(procore_project, subcontract);
    for (cost_code, text, value) in [
        (first, "Filage et panneaux", "18250.40"),
        (second, "Luminaires", "6420.15"),
    ] {
        items
            .create(&CommitmentLineItemInput {
                cost_code_id: Some(cost_code),
                description: Some(text.into()),
                amount: Some(amount(value)?),
                ..Default::default()
            })
            .await?;
    }
    subcontracts
        .update(
            subcontract,
            &WorkOrderContractInput {
                status: Some("Approved".into()),
                ..Default::default()
            },
        )
        .await?;

    let orders = client.purchase_order_contracts(procore_project);
    let order = orders
        .create(&PurchaseOrderContractInput {
            number: Some("PO-001".into()),
            title: Some("Béton et armature".into()),
            vendor_id: Some(vendor),
            status: Some("Draft".into()),
            ..Default::default()
        })
        .await?
        .id;
    client
        .purchase_order_contract_line_items(procore_project, order)
        .create(&CommitmentLineItemInput {
            cost_code_id: Some(second),
            description: Some("Béton 35 MPa".into()),
            quantity: Some(amount("42")?),
            unit_cost: Some(amount("187.50")?),
            amount: Some(amount("7875.00")?),
            ..Default::default()
        })
        .await?;
    orders
        .update(
            order,
            &PurchaseOrderContractInput {
                status: Some("Approved".into()),
                ..Default::default()
            },
        )
        .await?;

    let change_order = client
        .change_order_packages(procore_project)
        .create(
            subcontract,
            &ChangeOrderPackageInput {
                title: Some("Prises supplémentaires".into()),
                status: Some(ChangeOrderPackageStatus::Approved),
                ..Default::default()
            },
        )
        .await?
        .id;
    // The change order's lines, as a Procore user enters them (no public API writes them).
    sim.admin()
        .update_record(
            Kind::ChangeOrderPackage,
            change_order,
            json!({"number": "CCO-001", "line_items": [{"id": 1, "position": 1,
                   "description": "Prises supplémentaires", "extended_amount": "1310.60",
                   "cost_code": {"id": first}}]}),
        )
        .await?;
    // The owner's side: a prime contract billed to a customer, and one of its change orders.
    let customer = demo
        .customers
        .iter()
        .find(|c| c.linked_to_procore)
        .context("a customer linked to Procore")?;
    let owner = bound("customers", customer.code.clone()).await?;
    let primes = client.prime_contracts(procore_project);
    let prime = primes
        .create(&procore::resources::prime_contracts::PrimeContractInput {
            number: Some("PK-001".into()),
            title: Some("Contrat principal".into()),
            vendor_id: Some(owner),
            status: Some("Draft".into()),
            ..Default::default()
        })
        .await?
        .id;
    let prime_lines = client.prime_contract_line_items(procore_project, prime);
    for (cost_code, value) in [(first, "412500.00"), (second, "187500.25")] {
        prime_lines
            .create(
                &procore::resources::prime_contract_line_items::PrimeContractLineItemInput {
                    cost_code_id: Some(cost_code),
                    description: Some("Travaux".into()),
                    amount: Some(amount(value)?),
                    ..Default::default()
                },
            )
            .await?;
    }
    primes
        .update(
            prime,
            &procore::resources::prime_contracts::PrimeContractInput {
                status: Some("Approved".into()),
                ..Default::default()
            },
        )
        .await?;
    let prime_change = client
        .prime_change_orders(procore_project)
        .create(&procore::resources::change_orders::ChangeOrderInput {
            contract_id: Some(prime),
            number: Some("PCCO-001".into()),
            title: Some("Ajout d'un ascenseur".into()),
            status: Some("approved".into()),
            ..Default::default()
        })
        .await?
        .id;
    sim.admin()
        .update_record(
            Kind::PrimeChangeOrder,
            prime_change,
            json!({"grand_total": "48200.00"}),
        )
        .await?;
    println!(
        "  Procore:  approved subcontract SC-001 (2 lines), purchase order PO-001 and change order CCO-001, prime contract PK-001 billed to {} with change order PCCO-001, on project {project}",
        customer.name
    );
    Ok(Commitments {
        procore_project,
        vendor_supplier: supplier.code.clone(),
        subcontract: (subcontract, amount("24670.55")?),
        purchase_order: (order, amount("7875.00")?),
        change_order: (change_order, amount("1310.60")?),
        prime_contract: (prime, amount("600000.25")?),
        prime_change_order: (prime_change, amount("48200.00")?),
    })
}

/// Shows where the Procore commitments landed in maestro*, and fails the demo if a total
/// differs by a cent.
async fn show_commitments(erp: &ErpStore, company: &str, made: &Commitments) -> anyhow::Result<()> {
    use engine::commitments::erp_number;
    let lines = erp.all::<erp::SubcontractLine>(company).await?;
    let total_of = |number: &str| -> rust_decimal::Decimal {
        lines
            .iter()
            .filter(|l| l.record.subcontract_number == number)
            .map(|l| l.record.amount)
            .sum()
    };
    let subcontract = erp_number(made.subcontract.0);
    let found = erp
        .get::<erp::Subcontract>(company, &subcontract)
        .await?
        .context("the Procore subcontract did not reach maestro*")?;
    let change = engine::commitments::change_order_number(made.change_order.0);
    let cco = erp
        .get::<erp::Subcontract>(company, &change)
        .await?
        .context("the Procore change order did not reach maestro*")?;
    let order = erp_number(made.purchase_order.0);
    let po_total: rust_decimal::Decimal = erp
        .all::<erp::PurchaseOrderLine>(company)
        .await?
        .iter()
        .filter(|l| l.record.order_number == order)
        .map(|l| l.record.amount)
        .sum();
    for (what, number, got, want) in [
        (
            "subcontract",
            &subcontract,
            total_of(&subcontract),
            made.subcontract.1,
        ),
        (
            "change order",
            &change,
            total_of(&change),
            made.change_order.1,
        ),
        ("purchase order", &order, po_total, made.purchase_order.1),
    ] {
        if got != want {
            bail!("{what} {number}: {got} in maestro*, {want} in Procore");
        }
    }
    println!(
        "  subcontract SC-001 → maestro* subcontract {subcontract} (External No. {}), {} to the cent",
        found.record.external_no.unwrap_or_default(),
        made.subcontract.1
    );
    println!(
        "  change order CCO-001 → maestro* subcontract {change}, changing {}, {}",
        cco.record.changes_subcontract.unwrap_or_default(),
        made.change_order.1
    );
    println!(
        "  purchase order PO-001 → maestro* regular order {order}, {}",
        made.purchase_order.1
    );
    let billing = erp_number(made.prime_contract.0);
    let contract = erp
        .get::<erp::BillingContract>(company, &billing)
        .await?
        .context("the Procore prime contract did not reach maestro*")?;
    if contract.record.amount != made.prime_contract.1 {
        bail!(
            "billing contract {billing}: {} in maestro*, {} in Procore",
            contract.record.amount,
            made.prime_contract.1
        );
    }
    let change_key = (billing.clone(), erp_number(made.prime_change_order.0));
    let change = erp
        .get::<erp::BillingContractChangeOrder>(company, &change_key)
        .await?
        .context("the Procore prime contract change order did not reach maestro*")?;
    if change.record.amount != made.prime_change_order.1 {
        bail!("billing change order: {} in maestro*", change.record.amount);
    }
    println!(
        "  prime contract PK-001 → maestro* billing contract {billing} for customer {}, {}; change order PCCO-001 → {}",
        contract.record.customer_code,
        contract.record.amount.round_dp(2),
        change.record.amount.round_dp(2)
    );
    Ok(())
}

/// An invoice of the subcontract entered in maestro*, and a billing period for it in Procore;
/// the next sync makes it a Procore subcontractor invoice.
async fn invoice_in_maestro(
    erp: &ErpStore,
    client: &Client,
    company: &str,
    made: &Commitments,
) -> anyhow::Result<erp::OrderInvoice> {
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).context("a date");
    client
        .billing_periods(made.procore_project)
        .create(&procore::resources::billing_periods::BillingPeriodInput {
            start_date: Some(day(11, 1)?),
            end_date: Some(day(11, 30)?),
            due_date: Some(day(12, 10)?),
            status: Some("open".into()),
        })
        .await?;
    let invoice = erp::OrderInvoice {
        supplier_code: made.vendor_supplier.clone(),
        number: "F-2026-118".into(),
        order_kind: erp::OrderKind::Subcontract,
        order_number: engine::commitments::erp_number(made.subcontract.0),
        invoice_date: day(11, 28)?,
        amount: "9868.22".parse()?,
        description: Some("Avancement de novembre".into()),
    };
    erp.upsert(company, std::slice::from_ref(&invoice), ChangeOrigin::User)
        .await?;
    println!(
        "  maestro*: invoice {} of {} against subcontract {} (SC-001): {}; Procore: billing period November 2026",
        invoice.number, invoice.supplier_code, invoice.order_number, invoice.amount
    );
    Ok(invoice)
}

/// One project edited in maestro*, one in Procore, and one edited differently in both.
async fn edit_both_sides(
    sim: &SimServer,
    erp: &ErpStore,
    company: &str,
    demo: &erp::demo::DemoCompany,
) -> anyhow::Result<Edited> {
    let linked: Vec<&Project> = demo
        .projects
        .iter()
        .filter(|p| p.linked_to_procore)
        .collect();
    let [in_erp, in_procore, both, ..] = linked[..] else {
        bail!("the demo company has fewer than three projects linked to Procore");
    };
    let admin = sim.admin();
    let procore_id = |number: &str| {
        let number = number.to_string();
        let admin = admin.clone();
        async move {
            let projects = admin
                .records(Kind::Project, Some(seed::COMPANY_ID), None)
                .await?;
            projects
                .iter()
                .find(|p| p["data"]["origin_id"] == number.as_str())
                .and_then(|p| p["id"].as_u64())
                .with_context(|| format!("project {number} is not in Procore"))
        }
    };
    // A new city must differ from the current one, or the "edit" would change nothing.
    let new_city = |project: &Project, wanted: &'static [&'static str]| -> &'static str {
        wanted
            .iter()
            .copied()
            .find(|c| project.city.as_deref() != Some(*c))
            .unwrap_or(wanted[0])
    };
    let (erp_city, erp_conflicting, procore_city, procore_conflicting) = (
        new_city(in_erp, &["Sept-Îles", "Gaspé"]),
        new_city(both, &["Rimouski", "Matane"]),
        new_city(in_procore, &["Drummondville", "Victoriaville"]),
        new_city(both, &["Chicoutimi", "Alma"]),
    );
    let erp_edit = |project: &Project, city: &str| {
        let mut edited = project.clone();
        edited.city = Some(city.into());
        edited
    };
    erp.upsert(
        company,
        &[erp_edit(in_erp, erp_city), erp_edit(both, erp_conflicting)],
        ChangeOrigin::User,
    )
    .await?;
    println!(
        "  maestro*: project {} city → {erp_city}; project {} city → {erp_conflicting}",
        in_erp.number, both.number
    );
    admin
        .update_record(
            Kind::Project,
            procore_id(&in_procore.number).await?,
            json!({"city": procore_city}),
        )
        .await?;
    admin
        .update_record(
            Kind::Project,
            procore_id(&both.number).await?,
            json!({"city": procore_conflicting}),
        )
        .await?;
    println!(
        "  Procore:  project {} city → {procore_city}; project {} city → {procore_conflicting}",
        in_procore.number, both.number
    );
    Ok(Edited {
        from_erp: in_erp.number.clone(),
        from_procore: in_procore.number.clone(),
        conflicting: both.number.clone(),
    })
}
