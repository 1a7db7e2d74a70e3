//! The owner side, Procore → maestro*: `prime_contracts` (a project's prime contracts become
//! its billing contracts, billed to the owner, a synchronized customer) and
//! `billing_change_orders` (the prime contract's change orders become the billing contract's).
//!
//! Project-scoped with one `updated_at` cursor per project, statuses as for commitments
//! ([`crate::commitments::status_rule`]; approved and complete by default), voided documents
//! flagged, never deleted, and the maestro* number derived from the Procore id.

use std::collections::BTreeMap;

use engine::billing::{
    map_change_order, map_prime_contract, BillingChangeOrder, BillingContract, ProcoreChangeOrder,
    ProcorePrimeContract,
};
use engine::commitments::{disposition, erp_number, Disposition, StatusRule};
use engine::entity::{Direction, EntitySpec, Scope};
use erp::{BillingContract as ErpContract, BillingContractChangeOrder as ErpChangeOrder};
use procore::resources::change_orders::ChangeOrderFilters;
use procore::resources::prime_contracts::PrimeContractFilters;
use procore::TimeRange;
use serde_json::json;
use state::{BindingWrite, CursorValue, OutcomeAction, RunId, SyncStatus, WrittenSide};

use crate::commitments::status_rule;
use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::{rebind, Out, ProcoreWindow};
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

pub const PRIME_CONTRACTS: EntitySpec = EntitySpec {
    name: "prime_contracts",
    direction: Direction::ProcoreToErp,
    scope: Scope::Project,
    depends_on: &["projects", "customers"],
};

pub const BILLING_CHANGE_ORDERS: EntitySpec = EntitySpec {
    name: "billing_change_orders",
    direction: Direction::ProcoreToErp,
    scope: Scope::Project,
    depends_on: &["prime_contracts"],
};

/// One document ready to write: its maestro* record, what it is, and how it compares.
enum Mapped {
    Contract(BillingContract),
    ChangeOrder(BillingChangeOrder),
}

impl SyncRunner {
    pub(crate) async fn sync_billing(
        &self,
        run_id: Option<RunId>,
        spec: &'static EntitySpec,
    ) -> Result<EntitySummary, RunnerError> {
        let entity = spec.name;
        let mut out = Out::new(entity, run_id.is_none());
        let (bound, _) = self.bound_projects().await?;
        let rule = status_rule(&self.state, &self.company, entity).await?;
        let total = bound.len() as u64;
        for (n, (number, procore_project)) in bound.iter().enumerate() {
            let ProcoreWindow {
                cursor,
                range,
                started,
            } = self.procore_window(entity, number).await?;
            let result = if spec.name == PRIME_CONTRACTS.name {
                self.project_prime_contracts(&rule, number, *procore_project, range, &mut out)
                    .await
            } else {
                self.project_billing_change_orders(&rule, number, *procore_project, range, &mut out)
                    .await
            };
            match result {
                Ok(clean) => {
                    if clean && run_id.is_some() {
                        self.state
                            .advance_cursor_to_latest(
                                &cursor,
                                CursorValue::UpdatedAt(self.on_procore_clock(started)),
                            )
                            .await?;
                    }
                }
                Err(e) => out.project_failed(self, run_id, number, e).await?,
            }
            self.report(entity, Phase::Writing, n as u64 + 1, Some(total));
        }
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
    }

    async fn project_prime_contracts(
        &self,
        rule: &StatusRule,
        number: &str,
        procore_project: u64,
        range: Option<TimeRange>,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        let entity = PRIME_CONTRACTS.name;
        let progress = |done, total| self.report(entity, Phase::ReadingProcore, done, total);
        let contracts = crate::entities::collect(
            self.procore
                .prime_contracts(procore_project)
                .list(&PrimeContractFilters {
                    updated_at: range,
                    ..Default::default()
                }),
            0,
            &progress,
        )
        .await?;
        if contracts.is_empty() {
            return Ok(true);
        }
        let read: Vec<ProcorePrimeContract> = contracts
            .into_iter()
            .map(|c| ProcorePrimeContract {
                id: c.id,
                number: c.number,
                title: c.title,
                status: c.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                owner_id: c
                    .vendor
                    .as_ref()
                    .and_then(|v| v.get("id"))
                    .and_then(serde_json::Value::as_u64),
                date: c.contract_date,
                amount: c.grand_total.unwrap_or_default(),
            })
            .collect();
        let owners: Vec<u64> = read.iter().filter_map(|c| c.owner_id).collect();
        let customers: BTreeMap<u64, String> = self
            .state
            .bindings_by_procore_ids(self.pairing, "customers", &owners)
            .await?
            .into_iter()
            .map(|b| (b.procore_id, b.erp_key))
            .collect();
        let mut clean = true;
        for pc in read {
            let key = erp_number(pc.id);
            let shown = pc.number.clone().unwrap_or_else(|| "(no number)".into());
            let what = format!("prime contract {shown} of project {number}");
            let previous = self
                .erp
                .billing_contracts()
                .get(&self.company, &key)
                .await?
                .map(|c| c.record);
            let voided = match disposition(&pc.status, rule, previous.is_some()) {
                Disposition::Wait { status } => {
                    wait(out, pc.id, &what, &status, rule);
                    continue;
                }
                Disposition::Void => true,
                Disposition::Transfer => false,
            };
            match map_prime_contract(&pc, number, &customers, voided) {
                Ok(mapped) => {
                    let record = ErpContract {
                        number: mapped.number.clone(),
                        project_number: mapped.project_number.clone(),
                        customer_code: mapped.customer_code.clone(),
                        description: mapped.description.clone(),
                        contract_date: mapped.date,
                        amount: mapped.amount,
                        external_no: mapped.external_no.clone(),
                        voided: mapped.voided,
                    };
                    if previous.as_ref() == Some(&record) {
                        out.summary.unchanged += 1;
                        continue;
                    }
                    let written = if out.dry {
                        Ok(())
                    } else {
                        self.erp
                            .billing_contracts()
                            .upsert(&self.company, &record)
                            .await
                            .map(drop)
                    };
                    clean &= self
                        .record_written(
                            out,
                            entity,
                            pc.id,
                            &what,
                            previous.is_some(),
                            Mapped::Contract(mapped),
                            written.map_err(Into::into),
                        )
                        .await?;
                }
                Err(problem) => {
                    clean = false;
                    out.error(
                        Some(key),
                        Some(pc.id),
                        WrittenSide::Erp,
                        format!("{what}: not transferred: {problem}"),
                    );
                }
            }
        }
        Ok(clean)
    }

    async fn project_billing_change_orders(
        &self,
        rule: &StatusRule,
        number: &str,
        procore_project: u64,
        range: Option<TimeRange>,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        let entity = BILLING_CHANGE_ORDERS.name;
        let progress = |done, total| self.report(entity, Phase::ReadingProcore, done, total);
        let orders = crate::entities::collect(
            self.procore
                .prime_change_orders(procore_project)
                .list(&ChangeOrderFilters {
                    updated_at: range,
                    ..Default::default()
                }),
            0,
            &progress,
        )
        .await?;
        if orders.is_empty() {
            return Ok(true);
        }
        let contracts: Vec<u64> = orders.iter().filter_map(|o| o.contract_id).collect();
        let bound: BTreeMap<u64, String> = self
            .state
            .bindings_by_procore_ids(self.pairing, PRIME_CONTRACTS.name, &contracts)
            .await?
            .into_iter()
            .map(|b| (b.procore_id, b.erp_key))
            .collect();
        let mut clean = true;
        for o in orders {
            let co = ProcoreChangeOrder {
                id: o.id,
                number: o.number.clone(),
                title: o.title.clone(),
                status: o.status.clone().unwrap_or_default(),
                date: o
                    .reviewed_at
                    .map(|at| at.date_naive())
                    .or(o.signed_change_order_received_date),
                amount: o.grand_total.unwrap_or_default(),
            };
            let shown = co.number.clone().unwrap_or_else(|| "(no number)".into());
            let what = format!("prime contract change order {shown} of project {number}");
            let Some(contract) = o.contract_id.and_then(|c| bound.get(&c)) else {
                // Its prime contract is not in maestro* (yet). The project's cursor stays, so
                // the change order is read again until its contract comes over.
                clean = false;
                out.summary.skipped += 1;
                out.push(
                    None,
                    Some(co.id),
                    OutcomeAction::Skip,
                    WrittenSide::None,
                    SyncStatus::Success,
                    format!("{what}: waits for its prime contract, which is not in maestro* yet"),
                );
                continue;
            };
            let key = (contract.clone(), erp_number(co.id));
            let previous = self
                .erp
                .billing_contract_change_orders()
                .get(&self.company, &key)
                .await?
                .map(|c| c.record);
            let voided = match disposition(&co.status, rule, previous.is_some()) {
                Disposition::Wait { status } => {
                    wait(out, co.id, &what, &status, rule);
                    continue;
                }
                Disposition::Void => true,
                Disposition::Transfer => false,
            };
            let mapped = map_change_order(&co, contract, voided);
            let record = ErpChangeOrder {
                contract_number: mapped.contract_number.clone(),
                number: mapped.number.clone(),
                description: mapped.description.clone(),
                change_date: mapped.date,
                amount: mapped.amount,
                external_no: mapped.external_no.clone(),
                voided: mapped.voided,
            };
            if previous.as_ref() == Some(&record) {
                out.summary.unchanged += 1;
                continue;
            }
            let written = if out.dry {
                Ok(())
            } else {
                self.erp
                    .billing_contract_change_orders()
                    .upsert(&self.company, &record)
                    .await
                    .map(drop)
            };
            clean &= self
                .record_written(
                    out,
                    entity,
                    co.id,
                    &what,
                    previous.is_some(),
                    Mapped::ChangeOrder(mapped),
                    written.map_err(Into::into),
                )
                .await?;
        }
        Ok(clean)
    }

    /// The outcome of one write and, once written, its binding; whether it went through.
    #[allow(clippy::too_many_arguments)]
    async fn record_written(
        &self,
        out: &mut Out,
        entity: &str,
        procore_id: u64,
        what: &str,
        existed: bool,
        mapped: Mapped,
        written: Result<(), RunnerError>,
    ) -> Result<bool, RunnerError> {
        let (key, amount, voided) = match &mapped {
            Mapped::Contract(c) => (c.number.clone(), c.amount, c.voided),
            Mapped::ChangeOrder(c) => (
                format!("{}|{}", c.contract_number, c.number),
                c.amount,
                c.voided,
            ),
        };
        let number = match &mapped {
            Mapped::Contract(c) => c.number.clone(),
            Mapped::ChangeOrder(c) => c.number.clone(),
        };
        if let Err(e) = written {
            out.error(
                Some(key),
                Some(procore_id),
                WrittenSide::Erp,
                format!("{what}: refused by maestro*: {e}"),
            );
            return Ok(false);
        }
        let action = if existed {
            out.summary.updated.erp += 1;
            OutcomeAction::Update
        } else {
            out.summary.created.erp += 1;
            OutcomeAction::Create
        };
        let done = match (voided, existed) {
            (true, _) => "flagged void in maestro* (voided in Procore; kept, never deleted)",
            (false, true) => "updated in maestro*",
            (false, false) => "created in maestro*",
        };
        let status = if voided {
            out.summary.warnings.erp += 1;
            SyncStatus::Warning
        } else {
            SyncStatus::Success
        };
        let message = format!("{what}: {} as {number}: {amount}", out.done(done));
        out.push(
            Some(key.clone()),
            Some(procore_id),
            action,
            WrittenSide::Erp,
            status,
            message,
        );
        if out.dry {
            return Ok(true);
        }
        let mut tx = self.state.begin().await?;
        rebind(
            &mut tx,
            &BindingWrite {
                pairing: self.pairing,
                entity: entity.to_owned(),
                erp_key: key,
                procore_id,
                erp_hash: None,
                procore_hash: None,
                last_synced_values: json!({"amount": amount.to_string(), "voided": voided}),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// A document whose status does not bring it over (yet).
fn wait(out: &mut Out, procore_id: u64, what: &str, status: &str, rule: &StatusRule) {
    out.summary.skipped += 1;
    out.push(
        None,
        Some(procore_id),
        OutcomeAction::Skip,
        WrittenSide::None,
        SyncStatus::Success,
        format!(
            "{what}: status {status:?} is not transferred (transferred: {})",
            rule.transfer.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
    );
}
