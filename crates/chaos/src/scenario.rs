//! One seeded scenario: the two companies, the faulty runs, the fault-free runs, the checks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use erp::demo::DemoCompany;
use erp::{ChangeOrigin, ErpStore};
use procore::{AppCredentials, Environment, EnvironmentKind, OAuthClient, Secret, TokenStore};
use procore_sim::{seed, AdminClient, Kind, RateLimitConfig, SimConfig, SimEnvironment, SimServer};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use state::{Cipher, NewPairing, PairingId, StateStore, StateTokenStore};
use tokio::io::AsyncReadExt;

use crate::check::{self, Violation};
use crate::faults::RoundPlan;
use crate::{ChaosError, Options, Sabotage, ScenarioReport};

const REDIRECT_URI: &str = "http://127.0.0.1/callback";
/// A sync that has not ended after this long is killed and reported.
const RUN_LIMIT: Duration = Duration::from_secs(240);

/// What one `mpsync sync` child did.
#[derive(Debug)]
pub(crate) struct ChildRun {
    pub code: Option<i32>,
    pub killed: bool,
    pub stdout: String,
    pub stderr: String,
}

impl ChildRun {
    /// Records written by the run, from its JSON summary (`None` when it printed none).
    pub fn writes(&self) -> Option<u64> {
        let summary: Value = serde_json::from_str(&self.stdout).ok()?;
        let mut total = 0;
        for entity in summary.get("entities")?.as_array()? {
            for what in ["created", "updated"] {
                for side in ["erp", "procore"] {
                    total += entity[what][side].as_u64().unwrap_or(0);
                }
            }
        }
        Some(total)
    }

    /// The entities that wrote, for a report.
    pub fn writers(&self) -> String {
        let Ok(summary) = serde_json::from_str::<Value>(&self.stdout) else {
            return self.stdout.clone();
        };
        let mut out = Vec::new();
        for entity in summary["entities"].as_array().into_iter().flatten() {
            let n: u64 = ["created", "updated"]
                .iter()
                .flat_map(|w| ["erp", "procore"].map(|s| entity[w][s].as_u64().unwrap_or(0)))
                .sum();
            if n > 0 {
                out.push(format!("{} {n}", entity["entity"].as_str().unwrap_or("?")));
            }
        }
        out.join(", ")
    }
}

/// A scenario's world and what it has seen so far.
pub struct Scenario {
    pub(crate) seed: u64,
    rng: StdRng,
    dir: PathBuf,
    mpsync: PathBuf,
    /// Kept for the scenario's lifetime: dropping it stops the simulator.
    _sim: SimServer,
    pub(crate) admin: AdminClient,
    pub(crate) erp: ErpStore,
    pub(crate) state: StateStore,
    cipher: Arc<Cipher>,
    pub(crate) pairing: PairingId,
    pub(crate) company: String,
    pub(crate) demo: DemoCompany,
    environment: Environment,
    credentials: AppCredentials,
    per_page: u32,
    /// Strings no output may contain: the app secret, the user's password, every token.
    secrets: Vec<String>,
    /// The highest position each cursor has reached.
    cursor_floor: BTreeMap<String, i64>,
    /// Vendors the "Procore users" inserted while runs read (ids), for deleting some later.
    inserted_vendors: Vec<u64>,
    /// The last exchange seen in the simulator's log.
    last_exchange: u64,
    /// Whether the last run was killed (its requests may still be landing).
    previous_killed: bool,
    pub(crate) report: ScenarioReport,
}

impl Scenario {
    /// Runs the scenario of `seed` in `dir`.
    pub async fn run(
        seed: u64,
        dir: &Path,
        options: &Options,
    ) -> Result<ScenarioReport, ChaosError> {
        let started = Instant::now();
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)?;
        let mut scenario = Scenario::build(seed, dir, &options.mpsync).await?;
        let outcome = scenario.play(options.sabotage).await;
        scenario.sim_shutdown().await;
        outcome?;
        scenario.report.millis = started.elapsed().as_millis() as u64;
        Ok(scenario.report)
    }

    async fn sim_shutdown(&mut self) {
        self.erp.close().await;
        self.state.close().await;
    }

    async fn build(seed: u64, dir: &Path, mpsync: &Path) -> Result<Scenario, ChaosError> {
        let mut rng = StdRng::seed_from_u64(seed);
        let sim = SimServer::start(SimConfig {
            environment: SimEnvironment::DeveloperSandbox,
            seed,
            rate_limits: RateLimitConfig {
                enabled: false,
                ..RateLimitConfig::default()
            },
            ..SimConfig::default()
        })
        .await?;
        let environment = Environment::Custom {
            login_url: sim.login_url().clone(),
            api_url: sim.api_url().clone(),
            kind: EnvironmentKind::Sandbox,
        };
        let credentials = AppCredentials {
            client_id: seed::CLIENT_ID.to_string(),
            client_secret: Secret::new(seed::CLIENT_SECRET.to_string()),
        };

        let erp = ErpStore::connect(&sqlite_url(&dir.join("erp.sqlite"))).await?;
        let demo = subset(erp::demo::generate(seed), &mut rng);
        erp::demo::load(&erp, &demo).await?;
        let company = demo.company.code.clone();

        let state = StateStore::connect(&sqlite_url(&dir.join("state.sqlite"))).await?;
        let cipher = Arc::new(Cipher::load(&dir.join("mpsync.key"))?);
        let pairing = state
            .pair(&NewPairing::new(&company, &environment, seed::COMPANY_ID))
            .await?
            .id;
        let connection = runner::connection::Connection::Custom {
            login_url: sim.login_url().clone(),
            api_url: sim.api_url().clone(),
            kind: EnvironmentKind::Sandbox,
        };
        state
            .set_setting_as(
                &company,
                runner::connection::CONNECTION_SETTING,
                &connection,
            )
            .await?;
        runner::connection::save_credentials(&state, &cipher, &credentials).await?;

        let per_page = [7, 13, 25, 50, 100, 1000][rng.gen_range(0..6)];
        let mut scenario = Scenario {
            seed,
            rng,
            dir: dir.to_owned(),
            mpsync: mpsync.to_owned(),
            admin: sim.admin(),
            _sim: sim,
            erp,
            state,
            cipher,
            pairing,
            company,
            demo,
            environment,
            credentials,
            per_page,
            secrets: vec![seed::CLIENT_SECRET.into(), seed::USER_PASSWORD.into()],
            cursor_floor: BTreeMap::new(),
            inserted_vendors: Vec::new(),
            last_exchange: 0,
            previous_killed: false,
            report: ScenarioReport {
                seed,
                ..ScenarioReport::default()
            },
        };
        scenario.connect().await?;
        scenario.seed_procore_side().await?;
        Ok(scenario)
    }

    /// Signs in through the simulator's form and keeps the tokens, encrypted, as
    /// `mpsync init` does.
    async fn connect(&mut self) -> Result<(), ChaosError> {
        let oauth = OAuthClient::new(&self.environment, self.credentials.clone())?;
        let csrf = procore::generate_state();
        let authorize = oauth.authorize_url(REDIRECT_URI, &csrf);
        let back = procore_sim::browser::log_in(&authorize, seed::USER_EMAIL, seed::USER_PASSWORD)
            .await
            .map_err(|e| ChaosError::Other(format!("signing in: {e}")))?;
        let query: BTreeMap<_, _> = back.query_pairs().into_owned().collect();
        let code = query
            .get("code")
            .ok_or_else(|| ChaosError::Other("no authorization code".into()))?;
        let pair = oauth.exchange_code(code, REDIRECT_URI).await?;
        self.tokens().save(&pair).await?;
        self.remember_tokens().await?;
        Ok(())
    }

    fn tokens(&self) -> StateTokenStore {
        StateTokenStore::for_pairing(self.state.clone(), self.cipher.clone(), self.pairing)
    }

    /// Adds the tokens in the state store to the strings no output may show.
    async fn remember_tokens(&mut self) -> Result<(), ChaosError> {
        if let Some(pair) = self.tokens().load().await? {
            for token in [
                Some(pair.access_token.expose().to_owned()),
                pair.refresh_token.as_ref().map(|t| t.expose().to_owned()),
            ]
            .into_iter()
            .flatten()
            {
                if token.len() >= 8 && !self.secrets.contains(&token) {
                    self.secrets.push(token);
                }
            }
        }
        Ok(())
    }

    /// Procore's own records beside the sandbox's: vendors that already exist in maestro*
    /// under another spelling (to be linked, not duplicated), a NOTMAESTRO vendor, and a
    /// project whose number maestro* cannot hold.
    async fn seed_procore_side(&mut self) -> Result<(), ChaosError> {
        let flagged: Vec<erp::Supplier> = self
            .demo
            .suppliers
            .iter()
            .filter(|s| s.linked_to_procore && s.status.accepts_transactions())
            .cloned()
            .collect();
        let twins = self.rng.gen_range(0..=3.min(flagged.len()));
        for twin in flagged.choose_multiple(&mut self.rng, twins) {
            self.admin
                .insert_record(
                    Kind::Vendor,
                    seed::COMPANY_ID,
                    None,
                    None,
                    json!({"name": format!("{} INC.", twin.name.to_uppercase()), "is_active": true, "city": twin.city}),
                )
                .await?;
        }
        self.admin
            .insert_record(
                Kind::Vendor,
                seed::COMPANY_ID,
                None,
                None,
                json!({"name": format!("Location Gagnon {}", self.seed), "notes": "Compte local — NOTMAESTRO", "is_active": true}),
            )
            .await?;
        if self.rng.gen_bool(0.5) {
            self.admin
                .insert_record(
                    Kind::Project,
                    seed::COMPANY_ID,
                    None,
                    None,
                    json!({"name": "Entrepôt Saint-Laurent", "project_number": format!("AB#{}", self.seed), "active": true,
                           "country_code": "CA", "state_code": "QC"}),
                )
                .await?;
        }
        Ok(())
    }

    async fn play(&mut self, sabotage: Option<Sabotage>) -> Result<(), ChaosError> {
        // Procore's clock and ours disagree, by up to five minutes either way, for the whole
        // scenario: cursors are Procore's times, waits are ours.
        if self.rng.gen_bool(0.3) {
            let skew = self.rng.gen_range(-300..=300);
            self.admin
                .set_clock_offset(chrono::Duration::seconds(skew))
                .await?;
            self.count_fault("clock_skew");
        }
        let rounds = self.rng.gen_range(2..=4);
        for _ in 0..rounds {
            self.edit_both_sides().await?;
            let plan = RoundPlan::draw(&mut self.rng);
            self.faulty_run(&plan).await?;
        }

        // Healed: no faults, the user connected. A clock skew stays: it is how Procore's
        // clock differs from ours, not a fault that ends.
        self.admin.clear_faults().await?;
        if !self.connected().await {
            self.connect().await?;
        }
        let first = self.sync(None).await?;
        let second = self.sync(None).await?;
        for run in [&first, &second] {
            if run.code.is_none() || !matches!(run.code, Some(0) | Some(3)) {
                self.violation(
                    4,
                    format!(
                        "a fault-free run ended with status {:?}: {}",
                        run.code,
                        tail(&run.stderr)
                    ),
                );
            }
        }
        match second.writes() {
            Some(0) => {}
            Some(n) => self.violation(
                4,
                format!(
                    "the second fault-free run wrote {n} records ({})",
                    second.writers()
                ),
            ),
            None => self.violation(
                4,
                format!(
                    "the second fault-free run printed no summary: {}",
                    tail(&second.stderr)
                ),
            ),
        }

        if let Some(sabotage) = sabotage {
            check::sabotage(self, sabotage).await?;
        }
        let (violations, checked) = check::invariants(self).await?;
        self.report.records_checked += checked;
        for (invariant, detail) in violations {
            self.violation(invariant, detail);
        }
        Ok(())
    }

    pub(crate) fn state_path(&self) -> PathBuf {
        self.dir.join("state.sqlite")
    }

    pub(crate) fn violation(&mut self, invariant: u8, detail: String) {
        self.report.violations.push(Violation {
            seed: self.seed,
            invariant,
            detail,
        });
    }

    /// Whether the stored grant still works (a revoked one does not).
    async fn connected(&self) -> bool {
        let Ok(Ok(client)) = runner::connection::client_for(
            &self.state,
            self.cipher.clone(),
            &self.company,
            &self.state_pairing().await,
        )
        .await
        else {
            return false;
        };
        client
            .companies()
            .list(&Default::default())
            .collect_all()
            .await
            .is_ok()
    }

    async fn state_pairing(&self) -> state::Pairing {
        self.state
            .active_pairing(&self.company)
            .await
            .ok()
            .flatten()
            .expect("the scenario's company stays paired")
    }

    /// Edits on both sides between runs, one of them conflicting now and then.
    async fn edit_both_sides(&mut self) -> Result<(), ChaosError> {
        let flagged: Vec<erp::Supplier> = self
            .erp
            .all::<erp::Supplier>(&self.company)
            .await?
            .into_iter()
            .map(|c| c.record)
            .filter(|s| s.linked_to_procore)
            .collect();
        let n = self.rng.gen_range(0..=3);
        let tag = self.rng.gen_range(100..1000);
        let mut edited = Vec::new();
        for mut s in flagged.choose_multiple(&mut self.rng, n).cloned() {
            s.city = Some(format!("Saint-Jérôme {tag}"));
            edited.push(s);
        }
        if !edited.is_empty() {
            self.erp
                .upsert(&self.company, &edited, ChangeOrigin::User)
                .await?;
        }
        let vendors = self.vendors().await?;
        let bound: Vec<&Value> = vendors
            .iter()
            .filter(|v| {
                field(v, "origin_id")
                    .as_str()
                    .is_some_and(|o| !o.is_empty())
            })
            .collect();
        let n = self.rng.gen_range(0..=3);
        for v in bound.choose_multiple(&mut self.rng, n) {
            let id = field(v, "id").as_u64().unwrap_or(0);
            self.admin
                .update_record(Kind::Vendor, id, json!({"city": format!("Lévis {tag}")}))
                .await?;
        }
        // A conflict: the same field changed differently on both sides.
        if self.rng.gen_bool(0.4) {
            if let Some(v) = bound.choose(&mut self.rng) {
                let id = field(v, "id").as_u64().unwrap_or(0);
                if let Some(binding) = self
                    .state
                    .binding_by_procore_id(self.pairing, "suppliers", id)
                    .await?
                {
                    if let Some(mut s) = self
                        .erp
                        .get::<erp::Supplier>(&self.company, &binding.erp_key)
                        .await?
                        .map(|c| c.record)
                    {
                        s.city = Some(format!("Rimouski {tag}"));
                        self.erp
                            .upsert(&self.company, &[s], ChangeOrigin::User)
                            .await?;
                        self.admin
                            .update_record(
                                Kind::Vendor,
                                id,
                                json!({"city": format!("Gaspé {tag}")}),
                            )
                            .await?;
                    }
                }
            }
        }
        Ok(())
    }

    pub(crate) async fn vendors(&self) -> Result<Vec<Value>, ChaosError> {
        Ok(self
            .admin
            .records(Kind::Vendor, Some(seed::COMPANY_ID), None)
            .await?
            .into_iter()
            .filter(|v| field(v, "deleted_at").is_null())
            .collect())
    }

    fn count_fault(&mut self, kind: &str) {
        *self.report.faults.entry(kind.to_owned()).or_default() += 1;
    }

    /// One run under the round's faults.
    async fn faulty_run(&mut self, plan: &RoundPlan) -> Result<(), ChaosError> {
        self.admin.set_faults(plan.sim_rules()).await?;
        let run = self.sync(Some(plan)).await?;
        let left = self.admin.faults().await?;
        for (kind, n) in plan.fired(&left) {
            *self.report.faults.entry(kind).or_default() += n;
        }
        self.admin.clear_faults().await?;
        if run.killed {
            self.count_fault("sigkill");
            self.report.kills += 1;
        }
        // A revoked grant stops the run with an authentication failure (77), unless another
        // fault ended it first (69, Procore unavailable); the user reconnects, as the message
        // tells them to.
        if plan.revoke_after_ms.is_some() && !self.connected().await {
            if !run.killed && !matches!(run.code, Some(0 | 3 | 69 | 77)) {
                self.violation(
                    5,
                    format!(
                        "a run whose grant was revoked ended with status {:?}, not 77: {}",
                        run.code,
                        tail(&run.stderr)
                    ),
                );
            }
            self.connect().await?;
        }
        Ok(())
    }

    /// Runs `mpsync sync --json` as a child process, with the round's acts on the side.
    pub(crate) async fn sync(&mut self, plan: Option<&RoundPlan>) -> Result<ChildRun, ChaosError> {
        // A killed run's last requests may still be in the simulator's hands when it dies:
        // let them land, so they are not taken for this run's.
        if self.previous_killed {
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        if let Some(last) = self
            .admin
            .exchanges_since(self.last_exchange)
            .await?
            .iter()
            .map(|e| e.seq)
            .max()
        {
            self.last_exchange = last;
        }
        let first_exchange = self.last_exchange;
        let mut command = tokio::process::Command::new(&self.mpsync);
        command
            .args(["sync", "--json"])
            .env("MPSYNC_ERP_DB", sqlite_url(&self.dir.join("erp.sqlite")))
            .env(
                "MPSYNC_STATE_DB",
                sqlite_url(&self.dir.join("state.sqlite")),
            )
            .env("MPSYNC_KEY_FILE", self.dir.join("mpsync.key"))
            .env("MPSYNC_COMPANY", &self.company)
            .env(runner::connection::PER_PAGE_ENV, self.per_page.to_string())
            .env_remove("MPSYNC_KEY")
            .env_remove("MPSYNC_TOKEN")
            .env_remove("MPSYNC_LOG_FORMAT")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = command.spawn()?;
        let mut stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let out_task = tokio::spawn(async move {
            let mut s = String::new();
            let _ = stdout.read_to_string(&mut s).await;
            s
        });
        let err_task = tokio::spawn(async move {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s).await;
            s
        });

        let acts = plan.map(|p| self.side_acts(p));
        let started = Instant::now();
        let mut killed = false;
        let kill_at = plan
            .and_then(|p| p.kill_after_ms)
            .map(Duration::from_millis);
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break Some(status);
            }
            if kill_at.is_some_and(|at| started.elapsed() >= at) && !killed {
                // SIGKILL: no chance to clean up, as in a crash or an OOM kill.
                child.start_kill()?;
                killed = true;
            }
            if started.elapsed() > RUN_LIMIT {
                child.start_kill()?;
                let _ = child.wait().await;
                self.violation(
                    4,
                    format!("a sync did not end within {} s", RUN_LIMIT.as_secs()),
                );
                break None;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        };
        if let Some(acts) = acts {
            // The side acts are bounded; they finish shortly after the run.
            if let Ok(Ok((counts, inserted))) =
                tokio::time::timeout(Duration::from_secs(30), acts).await
            {
                for (kind, n) in counts {
                    *self.report.faults.entry(kind).or_default() += n;
                }
                self.inserted_vendors = inserted;
            }
        }
        let stdout = out_task.await.unwrap_or_default();
        let stderr = err_task.await.unwrap_or_default();
        let exchanges = self.admin.exchanges_since(first_exchange).await?;
        let last = exchanges
            .iter()
            .map(|e| e.seq)
            .max()
            .unwrap_or(first_exchange);
        self.last_exchange = last;
        self.previous_killed = killed;
        let run = ChildRun {
            code: status.and_then(|s| s.code()),
            killed,
            stdout,
            stderr,
        };
        self.report.runs += 1;
        self.after_run(&run, &exchanges).await?;
        Ok(run)
    }

    /// The acts of the round beside the run: token expiry or revocation, the ERP database
    /// locked, Procore users inserting, deleting and editing vendors while pages are read.
    fn side_acts(
        &mut self,
        plan: &RoundPlan,
    ) -> tokio::task::JoinHandle<(BTreeMap<String, u64>, Vec<u64>)> {
        let admin = self.admin.clone();
        let erp_path = self.dir.join("erp.sqlite");
        let plan = plan.clone();
        let mut rng = StdRng::seed_from_u64(self.rng.gen());
        let mut inserted = std::mem::take(&mut self.inserted_vendors);
        let seed = self.seed;
        tokio::spawn(async move {
            let mut counts = BTreeMap::<String, u64>::new();
            let mut acts: Vec<(u64, &str)> = Vec::new();
            if let Some(at) = plan.expire_token_after_ms {
                acts.push((at, "access_token_expired"));
            }
            if let Some(at) = plan.revoke_after_ms {
                acts.push((at, "refresh_token_revoked"));
            }
            if let Some((at, _)) = plan.lock_erp {
                acts.push((at, "erp_database_locked"));
            }
            for _ in 0..plan.procore_edits {
                acts.push((rng.gen_range(0..2_000), "procore_user_edit"));
            }
            acts.sort();
            let started = Instant::now();
            let mut lock: Option<tokio::task::JoinHandle<()>> = None;
            for (at, act) in acts {
                let wait = Duration::from_millis(at).saturating_sub(started.elapsed());
                tokio::time::sleep(wait).await;
                let done = match act {
                    "access_token_expired" => admin.expire_access_tokens().await.is_ok(),
                    "refresh_token_revoked" => admin.revoke_tokens(None).await.is_ok(),
                    "erp_database_locked" => {
                        let hold = plan.lock_erp.map(|(_, hold)| hold).unwrap_or(500);
                        let path = erp_path.clone();
                        lock = Some(tokio::spawn(async move {
                            let _ = hold_exclusive(&path, Duration::from_millis(hold)).await;
                        }));
                        true
                    }
                    _ => procore_user_edit(&admin, &mut rng, &mut inserted, seed)
                        .await
                        .unwrap_or(false),
                };
                if done {
                    *counts.entry(act.to_owned()).or_default() += 1;
                }
            }
            if let Some(lock) = lock {
                let _ = lock.await;
            }
            (counts, inserted)
        })
    }

    /// After every run: panics, secrets, the rate gate, cursors.
    async fn after_run(
        &mut self,
        run: &ChildRun,
        exchanges: &[procore_sim::Exchange],
    ) -> Result<(), ChaosError> {
        if run.stderr.contains("panicked at") || run.code == Some(101) {
            self.violation(2, format!("mpsync panicked: {}", tail(&run.stderr)));
        }
        self.remember_tokens().await?;
        for secret in &self.secrets.clone() {
            if run.stdout.contains(secret.as_str()) || run.stderr.contains(secret.as_str()) {
                let what = if secret == seed::CLIENT_SECRET {
                    "the client secret"
                } else if secret == seed::USER_PASSWORD {
                    "the user's password"
                } else {
                    "a token"
                };
                self.violation(5, format!("{what} appears in the output of a run"));
            }
        }
        for v in check::gate(exchanges) {
            self.violation(5, v);
        }
        for cursor in self.state.list_cursors(self.pairing).await? {
            let key = format!(
                "{}/{:?}/{}",
                cursor.key.entity, cursor.key.direction, cursor.key.partition
            );
            let position = cursor.value.position();
            let floor = self.cursor_floor.entry(key.clone()).or_insert(position);
            if position < *floor {
                let was = *floor;
                self.violation(
                    6,
                    format!("cursor {key} moved back from {was} to {position}"),
                );
            } else {
                *floor = position;
            }
        }
        Ok(())
    }
}

/// A Procore user's act while a run reads: a vendor inserted (shifting the pages after it),
/// one of those deleted again, or a vendor's phone edited.
async fn procore_user_edit(
    admin: &AdminClient,
    rng: &mut StdRng,
    inserted: &mut Vec<u64>,
    seed: u64,
) -> Result<bool, ChaosError> {
    match rng.gen_range(0..3) {
        0 => {
            let n: u32 = rng.gen();
            let v = admin
                .insert_record(
                    Kind::Vendor,
                    seed::COMPANY_ID,
                    None,
                    None,
                    json!({"name": format!("Fournisseur {seed}-{n}"), "is_active": true, "notes": "NOTMAESTRO"}),
                )
                .await?;
            if let Some(id) = field(&v, "id").as_u64() {
                inserted.push(id);
            }
        }
        1 if !inserted.is_empty() => {
            let id = inserted.swap_remove(rng.gen_range(0..inserted.len()));
            admin.delete_record(Kind::Vendor, id).await?;
        }
        _ => {
            let vendors = admin
                .records(Kind::Vendor, Some(seed::COMPANY_ID), None)
                .await?;
            let Some(v) = vendors.choose(rng) else {
                return Ok(false);
            };
            let id = field(v, "id").as_u64().unwrap_or(0);
            admin
                .update_record(
                    Kind::Vendor,
                    id,
                    json!({"business_phone": format!("418-555-{:04}", rng.gen_range(0..10_000))}),
                )
                .await?;
        }
    }
    Ok(true)
}

/// Holds an exclusive lock on the ERP database, as a long maestro* transaction would.
async fn hold_exclusive(path: &Path, hold: Duration) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    let mut conn = sqlx::sqlite::SqliteConnection::connect(&sqlite_url(path)).await?;
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut conn).await?;
    tokio::time::sleep(hold).await;
    sqlx::query("COMMIT").execute(&mut conn).await?;
    conn.close().await
}

pub(crate) fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

pub(crate) fn field<'a>(record: &'a Value, name: &str) -> &'a Value {
    record
        .get(name)
        .or_else(|| record.get("data").and_then(|d| d.get(name)))
        .unwrap_or(&Value::Null)
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().rev().take(6).collect();
    lines.into_iter().rev().collect::<Vec<_>>().join(" | ")
}

/// A smaller company drawn from the demo company, its references kept whole: a few projects
/// with their activities, budgets, contracts, orders and costs, and the suppliers, customers
/// and employees they name plus some others.
fn subset(mut demo: DemoCompany, rng: &mut StdRng) -> DemoCompany {
    let roots: Vec<String> = demo
        .projects
        .iter()
        .filter(|p| p.parent_number.is_none())
        .map(|p| p.number.clone())
        .collect();
    let keep_n = rng.gen_range(2..=5).min(roots.len());
    let kept: BTreeSet<String> = roots.choose_multiple(rng, keep_n).cloned().collect();
    let kept_project = |n: &str| kept.contains(n);
    demo.projects.retain(|p| kept_project(&p.number));
    demo.activities.retain(|a| kept_project(&a.project_number));
    demo.budgets.retain(|b| kept_project(&b.project_number));
    demo.billing_contracts
        .retain(|c| kept_project(&c.project_number));
    demo.subcontracts
        .retain(|c| kept_project(&c.project_number));
    let subcontracts: BTreeSet<String> =
        demo.subcontracts.iter().map(|c| c.number.clone()).collect();
    demo.subcontract_lines
        .retain(|l| subcontracts.contains(&l.subcontract_number));
    demo.purchase_orders
        .retain(|o| kept_project(&o.project_number));
    let orders: BTreeSet<String> = demo
        .purchase_orders
        .iter()
        .map(|o| o.number.clone())
        .collect();
    demo.purchase_order_lines
        .retain(|l| orders.contains(&l.order_number));
    demo.project_costs
        .retain(|c| kept_project(&c.project_number));
    demo.order_invoices
        .retain(|i| orders.contains(&i.order_number) || subcontracts.contains(&i.order_number));

    let named: BTreeSet<String> = demo
        .subcontracts
        .iter()
        .map(|c| c.supplier_code.clone())
        .chain(demo.purchase_orders.iter().map(|o| o.supplier_code.clone()))
        .chain(
            demo.project_costs
                .iter()
                .filter_map(|c| c.supplier_code.clone()),
        )
        .chain(demo.order_invoices.iter().map(|i| i.supplier_code.clone()))
        .collect();
    keep_named(&mut demo.suppliers, named, 10..=60, rng, |s| &s.code);
    let named = demo
        .billing_contracts
        .iter()
        .map(|c| c.customer_code.clone())
        .collect();
    keep_named(&mut demo.customers, named, 2..=10, rng, |c| &c.code);
    let named = demo
        .project_costs
        .iter()
        .filter_map(|c| c.employee_code.clone())
        .collect();
    keep_named(&mut demo.employees, named, 2..=10, rng, |e| &e.code);
    demo
}

/// Keeps the records `named` (what the kept documents refer to) and a few others drawn at random.
fn keep_named<T>(
    records: &mut Vec<T>,
    mut named: BTreeSet<String>,
    extra: std::ops::RangeInclusive<usize>,
    rng: &mut StdRng,
    code: impl Fn(&T) -> &String,
) {
    let extra = rng.gen_range(extra);
    for r in records.choose_multiple(rng, extra) {
        named.insert(code(r).clone());
    }
    records.retain(|r| named.contains(code(r)));
}
