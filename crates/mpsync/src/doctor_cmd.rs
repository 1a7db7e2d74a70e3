//! `mpsync doctor`: checks, one clear line each, what a synchronization needs — both databases,
//! the company, the Procore connection, the token, the Procore company, every linked project
//! permitted for the app in Procore's App Management, and the server's address.

use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use procore::ErrorKind;
use url::Url;

use crate::context::Target;
use crate::exit;

#[derive(Args, Debug)]
pub struct DoctorArgs {
    #[command(flatten)]
    pub target: Target,
    /// The address of `mpsync serve` to check (maestro*'s Web/Mobile address).
    #[arg(long, env = "MPSYNC_PUBLIC_URL")]
    pub public_url: Option<Url>,
}

struct Report {
    failed: bool,
}

impl Report {
    fn ok(&self, what: &str) {
        println!("ok    {what}");
    }

    fn fail(&mut self, what: &str) {
        self.failed = true;
        println!("FAIL  {what}");
    }
}

pub async fn run(args: DoctorArgs) -> anyhow::Result<ExitCode> {
    let mut report = Report { failed: false };
    let opened = match args.target.open().await {
        Ok(opened) => opened,
        Err(e) => {
            report.fail(&format!("databases and company: {e:#}"));
            return Ok(ExitCode::from(exit::CONFIG));
        }
    };
    opened.authorize(&[state::Right::View]).await?;
    report.ok(&format!(
        "ERP database {} reachable and migrated",
        redact(&args.target.stores.erp_db)
    ));
    report.ok(&format!(
        "state database {} reachable and migrated",
        redact(&args.target.stores.state_db)
    ));
    let company = &opened.company;
    report.ok(&format!(
        "maestro* company {} — {} ({} data)",
        company.code,
        company.name,
        company.environment.code()
    ));
    let pairing = match opened.state.active_pairing(&company.code).await? {
        Some(p) => {
            report.ok(&format!(
                "paired with Procore company {} at {} ({})",
                p.procore_company_id, p.api_base_url, p.environment
            ));
            Some(p)
        }
        None => {
            report.fail("not paired with a Procore company: run `mpsync init` or use the Authentication tab");
            None
        }
    };
    if let Some(pairing) = &pairing {
        check_procore(&opened, pairing, &mut report).await?;
    }
    if let Some(url) = &args.public_url {
        let login = url.join("login")?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        match http.get(login.clone()).send().await {
            Ok(r) if r.status().is_success() => {
                report.ok(&format!("mpsync serve answers at {url}"))
            }
            Ok(r) => report.fail(&format!("{login} answered {}", r.status())),
            Err(e) => report.fail(&format!("mpsync serve does not answer at {url}: {e}")),
        }
    }
    Ok(if report.failed {
        ExitCode::from(exit::CONFIG)
    } else {
        ExitCode::SUCCESS
    })
}

async fn check_procore(
    opened: &crate::context::Opened,
    pairing: &state::Pairing,
    report: &mut Report,
) -> anyhow::Result<()> {
    let client = match opened.client(pairing).await {
        Ok(c) => c,
        Err(e) => {
            report.fail(&format!("Procore connection: {e:#}"));
            return Ok(());
        }
    };
    match client.me().await {
        Ok(me) => report.ok(&format!(
            "Procore reachable, token valid (signed in as {})",
            me.login.or(me.name).unwrap_or_else(|| me.id.to_string())
        )),
        Err(e) => {
            let hint = match e.kind() {
                ErrorKind::AuthRevoked | ErrorKind::AuthExpired => {
                    "the token is no longer accepted: connect again (`mpsync init` or the Authentication tab)"
                }
                ErrorKind::Transient | ErrorKind::RateLimited => {
                    "Procore cannot be reached now: check the network and the API URL"
                }
                _ => "see the message",
            };
            report.fail(&format!("Procore: {e} — {hint}"));
            return Ok(());
        }
    }
    match client
        .companies()
        .list(&Default::default())
        .collect_all()
        .await
    {
        Ok(companies) if companies.iter().any(|c| c.id == pairing.procore_company_id) => {
            report.ok(&format!(
                "Procore company {} reachable",
                pairing.procore_company_id
            ))
        }
        Ok(_) => report.fail(&format!(
            "Procore company {} is not among this user's companies: is the app installed in its App Management?",
            pairing.procore_company_id
        )),
        Err(e) => report.fail(&format!("listing Procore companies: {e}")),
    }
    // Every linked project must be among the app's Permitted Projects.
    let numbers: Vec<String> = opened
        .erp
        .all::<erp::Project>(&opened.company.code)
        .await?
        .into_iter()
        .map(|p| p.record.number)
        .collect();
    let bound = opened
        .state
        .bindings_by_erp_keys(pairing.id, "projects", &numbers)
        .await?;
    // One listing: Procore lists only the projects the app is permitted on.
    let filters = procore::resources::projects::ProjectFilters {
        by_status: Some("All".into()),
        ..Default::default()
    };
    let visible: std::collections::BTreeSet<u64> =
        match client.projects().list(&filters).collect_all().await {
            Ok(projects) => projects.into_iter().map(|p| p.id).collect(),
            Err(e) => {
                report.fail(&format!("listing Procore projects: {e}"));
                return Ok(());
            }
        };
    let mut refused = 0;
    for binding in bound.iter().filter(|b| !visible.contains(&b.procore_id)) {
        refused += 1;
        report.fail(&format!(
            "project {} (Procore {}) is not permitted for the app: add it to Permitted Projects in Procore's App Management",
            binding.erp_key, binding.procore_id
        ));
    }
    if refused == 0 {
        report.ok(&format!(
            "{} linked projects permitted for the app",
            bound.len()
        ));
    }
    Ok(())
}

/// A database URL without its password.
fn redact(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}
