//! Order invoices, maestro* → Procore subcontractor invoices (requisitions) against the
//! commitment the order or subcontract came from ([`crate::commitments`]), in the billing
//! period holding the invoice date, its amount spread over the commitment's lines to the cent
//! ([`engine::invoices`]).
//!
//! One `change_seq` cursor for the company (a maestro* invoice names its order, not a project).
//! Each invoice is created once, with `origin_id` = `<supplier>|<number>`: looked up by it before
//! it is created and after a lost answer; Procore then locks it, so a later change stays in
//! maestro* with a warning. An
//! invoice whose order did not come from Procore, or whose date no billing period holds, is an
//! error naming it.

use std::collections::BTreeMap;

use engine::entity::{Direction, EntitySpec, Scope};
use engine::invoices::{period_of, spread, Period};
use erp::{ChangeSeq, OrderInvoice, OrderKind};
use procore::resources::billing_periods::BillingPeriodFilters;
use procore::resources::commitment_line_items::CommitmentLineItemFilters;
use procore::resources::requisitions::{RequisitionV11Input, RequisitionV11InputItem};
use serde_json::json;
use state::{BindingWrite, CursorValue, OutcomeAction, RunId, SyncStatus, WrittenSide};

use crate::cost_codes::read_all;
use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::{rebind, Out};
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

pub const ORDER_INVOICES: EntitySpec = EntitySpec {
    name: "order_invoices",
    direction: Direction::ErpToProcore,
    scope: Scope::Project,
    depends_on: &[
        "subcontracts",
        "purchase_orders",
        "subcontract_change_orders",
    ],
};

/// The binding key (and `origin_id`) of an invoice: a supplier's invoice numbers are its own.
pub fn invoice_key(i: &OrderInvoice) -> String {
    format!("{}|{}", i.supplier_code, i.number)
}

/// What an invoice was sent with, kept with its binding.
fn sent_values(i: &OrderInvoice) -> serde_json::Value {
    json!({"amount": i.amount.to_string(), "date": i.invoice_date, "order": i.order_number})
}

/// Why an invoice is not sent.
enum Unsent {
    /// Its order is maestro*'s alone: nothing of Procore's.
    NotProcore(String),
    /// Something to fix first.
    Problem(String),
}

/// Where an invoice goes in Procore.
struct Target {
    procore_project: u64,
    commitment: u64,
    work_order: bool,
    project_number: String,
}

impl SyncRunner {
    pub(crate) async fn sync_order_invoices(
        &self,
        run_id: Option<RunId>,
    ) -> Result<EntitySummary, RunnerError> {
        let entity = ORDER_INVOICES.name;
        let mut out = Out::new(entity, run_id.is_none());
        let (cursor, at) = self.erp_position(entity, "company").await?;
        let since = at.map_or(ChangeSeq::ORIGIN, ChangeSeq);
        let (changed, high) = read_all::<OrderInvoice>(
            self.erp.order_invoices(),
            &self.company,
            since,
            self.options.erp_page,
        )
        .await?;
        if changed.is_empty() {
            self.report(entity, Phase::Done, 0, Some(0));
            return out.finish(self, run_id).await;
        }
        let keys: Vec<String> = changed.iter().map(|c| invoice_key(&c.record)).collect();
        let bound: BTreeMap<String, state::Binding> = self
            .state
            .bindings_by_erp_keys(self.pairing, entity, &keys)
            .await?
            .into_iter()
            .map(|b| (b.erp_key.clone(), b))
            .collect();
        let mut periods: BTreeMap<u64, Vec<Period>> = BTreeMap::new();
        let mut clean = true;
        let total = changed.len() as u64;
        for (n, c) in changed.into_iter().enumerate() {
            let invoice = c.record;
            let key = invoice_key(&invoice);
            let what = format!(
                "invoice {} of supplier {} (order {})",
                invoice.number, invoice.supplier_code, invoice.order_number
            );
            if let Some(b) = bound.get(&key) {
                let now = sent_values(&invoice);
                if b.last_synced_values != now {
                    out.summary.warnings.procore += 1;
                    out.push(
                        Some(key.clone()),
                        Some(b.procore_id),
                        OutcomeAction::Skip,
                        WrittenSide::None,
                        SyncStatus::Warning,
                        format!("{what}: changed in maestro* after it was sent; Procore locks a subcontractor invoice synchronized with an ERP, so the change stays in maestro* (correct it in Procore by hand, or issue a credit)"),
                    );
                    if !out.dry {
                        let mut tx = self.state.begin().await?;
                        rebind(&mut tx, &self.invoice_binding(&key, b.procore_id, now)).await?;
                        tx.commit().await?;
                    }
                } else {
                    out.summary.unchanged += 1;
                }
                continue;
            }
            let target = match self.invoice_target(&invoice).await? {
                Ok(t) => t,
                Err(Unsent::NotProcore(why)) => {
                    out.summary.skipped += 1;
                    out.push(
                        Some(key),
                        None,
                        OutcomeAction::Skip,
                        WrittenSide::None,
                        SyncStatus::Success,
                        format!("{what}: not sent: {why}"),
                    );
                    continue;
                }
                Err(Unsent::Problem(problem)) => {
                    clean = false;
                    out.error(
                        Some(key),
                        None,
                        WrittenSide::Procore,
                        format!("{what}: not sent: {problem}"),
                    );
                    continue;
                }
            };
            match self
                .send_invoice(&invoice, &key, &target, &mut periods, &what, &mut out)
                .await
            {
                Ok(sent) => clean &= sent,
                Err(e) => {
                    clean = false;
                    let grant_lost = matches!(
                        &e,
                        RunnerError::Procore(p)
                            if matches!(p.kind(), procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired)
                    );
                    out.error(
                        Some(key),
                        None,
                        WrittenSide::Procore,
                        format!("{what}: not sent: {e}"),
                    );
                    if grant_lost {
                        if let Some(id) = run_id {
                            let outcomes = std::mem::take(&mut out.outcomes);
                            self.state.add_outcomes(id, &outcomes).await?;
                        }
                        return Err(e);
                    }
                }
            }
            self.report(entity, Phase::Writing, n as u64 + 1, Some(total));
        }
        if clean && run_id.is_some() {
            self.state
                .advance_cursor(&cursor, CursorValue::ChangeSeq(high.0))
                .await?;
        }
        self.report(entity, Phase::Done, total, Some(total));
        out.finish(self, run_id).await
    }

    fn invoice_binding(
        &self,
        key: &str,
        procore_id: u64,
        values: serde_json::Value,
    ) -> BindingWrite {
        BindingWrite {
            pairing: self.pairing,
            entity: ORDER_INVOICES.name.to_owned(),
            erp_key: key.to_owned(),
            procore_id,
            erp_hash: None,
            procore_hash: None,
            last_synced_values: values,
        }
    }

    /// The commitment an invoice goes against, or why there is none.
    async fn invoice_target(
        &self,
        invoice: &OrderInvoice,
    ) -> Result<Result<Target, Unsent>, RunnerError> {
        let order = &invoice.order_number;
        let (entity, work_order) = match invoice.order_kind {
            OrderKind::Subcontract => (crate::commitments::SUBCONTRACTS.name, true),
            OrderKind::PurchaseOrder | OrderKind::StockFromCatalogue => {
                (crate::commitments::PURCHASE_ORDERS.name, false)
            }
        };
        let Some(binding) = self
            .state
            .binding_by_erp_key(self.pairing, entity, order)
            .await?
        else {
            if work_order
                && self
                    .state
                    .binding_by_erp_key(
                        self.pairing,
                        crate::commitments::SUBCONTRACT_CHANGE_ORDERS.name,
                        order,
                    )
                    .await?
                    .is_some()
            {
                return Ok(Err(Unsent::Problem(format!(
                    "order_number: {order} is a subcontract change order; Procore bills change orders under their subcontract: invoice that subcontract"
                ))));
            }
            return Ok(Err(Unsent::NotProcore(format!(
                "order {order} is maestro*'s own (it did not come from Procore): its invoices stay in maestro*"
            ))));
        };
        let project_number = match invoice.order_kind {
            OrderKind::Subcontract => self
                .erp
                .subcontracts()
                .get(&self.company, order)
                .await?
                .map(|s| s.record.project_number),
            OrderKind::PurchaseOrder => self
                .erp
                .purchase_orders()
                .get(&self.company, order)
                .await?
                .map(|s| s.record.project_number),
            OrderKind::StockFromCatalogue => self
                .erp
                .stock_orders()
                .get(&self.company, order)
                .await?
                .and_then(|s| s.record.project_number),
        };
        let Some(project_number) = project_number else {
            return Ok(Err(Unsent::Problem(format!(
                "order_number: {order} is not a {} in maestro*",
                invoice.order_kind.code()
            ))));
        };
        let Some(project) = self
            .state
            .binding_by_erp_key(self.pairing, "projects", &project_number)
            .await?
        else {
            return Ok(Err(Unsent::Problem(format!(
                "project {project_number} of order {order} is not synchronized with Procore"
            ))));
        };
        Ok(Ok(Target {
            procore_project: project.procore_id,
            commitment: binding.procore_id,
            work_order,
            project_number,
        }))
    }

    /// Creates one invoice; whether it went through (false: an error or a pending outcome).
    async fn send_invoice(
        &self,
        invoice: &OrderInvoice,
        key: &str,
        target: &Target,
        periods: &mut BTreeMap<u64, Vec<Period>>,
        what: &str,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        if let std::collections::btree_map::Entry::Vacant(slot) =
            periods.entry(target.procore_project)
        {
            let listed = self
                .procore
                .billing_periods(target.procore_project)
                .list(&BillingPeriodFilters::default())
                .collect_all()
                .await?
                .into_iter()
                .filter_map(|p| {
                    Some(Period {
                        id: p.id,
                        start: p.start_date?,
                        end: p.end_date?,
                    })
                })
                .collect();
            slot.insert(listed);
        }
        let Some(period) = period_of(&periods[&target.procore_project], invoice.invoice_date)
        else {
            out.error(
                Some(key.to_owned()),
                None,
                WrittenSide::Procore,
                format!(
                    "{what}: invoice_date: no billing period of project {} in Procore holds {}; add the period in Procore and the next run sends it",
                    target.project_number, invoice.invoice_date
                ),
            );
            return Ok(false);
        };
        let lines_of = if target.work_order {
            self.procore
                .work_order_contract_line_items(target.procore_project, target.commitment)
        } else {
            self.procore
                .purchase_order_contract_line_items(target.procore_project, target.commitment)
        };
        let lines: Vec<(u64, rust_decimal::Decimal)> = lines_of
            .list(&CommitmentLineItemFilters::default())
            .collect_all()
            .await?
            .into_iter()
            .map(|l| (l.id, l.amount.or(l.total_amount).unwrap_or_default()))
            .collect();
        if lines.is_empty() {
            out.error(
                Some(key.to_owned()),
                None,
                WrittenSide::Procore,
                format!("{what}: the Procore commitment has no line to bill"),
            );
            return Ok(false);
        }
        let items = spread(invoice.amount, &lines)
            .into_iter()
            .map(|(line, amount)| RequisitionV11InputItem {
                item_type: Some(json!("contract_item")),
                line_item_id: Some(json!(line)),
                work_completed_this_period: Some(json!(amount.to_string())),
                ..Default::default()
            })
            .collect();
        let input = RequisitionV11Input {
            origin_id: Some(key.to_owned()),
            invoice_number: Some(invoice.number.clone()),
            period_id: Some(period),
            billing_date: Some(invoice.invoice_date),
            items: Some(items),
            ..Default::default()
        };
        if out.dry {
            out.summary.created.procore += 1;
            out.push(
                Some(key.to_owned()),
                None,
                OutcomeAction::Create,
                WrittenSide::Procore,
                SyncStatus::Success,
                format!(
                    "{what}: {}: {}",
                    out.done("created in Procore as a subcontractor invoice"),
                    invoice.amount
                ),
            );
            return Ok(true);
        }
        let requisitions = self.procore.requisitions(target.procore_project);
        // An earlier run may have made it and lost the answer: looked up by its origin_id
        // first (invoices are few; a double bill is the worst outcome there is).
        let earlier = requisitions.find_by_origin_id(key).await?;
        let created = match earlier {
            Some(found) => Ok(found),
            None => {
                requisitions
                    .create_v11_once(target.commitment, &input)
                    .await
            }
        };
        let created = match created {
            // Made by an earlier run whose answer was lost: found by its origin_id, not made
            // a second time.
            Err(e) if e.field_errors().iter().any(|f| f.field == "origin_id") => {
                match requisitions.find_by_origin_id(key).await? {
                    Some(found) => Ok(found),
                    None => Err(e),
                }
            }
            other => other,
        };
        match created {
            Ok(made) => {
                out.summary.created.procore += 1;
                out.push(
                    Some(key.to_owned()),
                    Some(made.id),
                    OutcomeAction::Create,
                    WrittenSide::Procore,
                    SyncStatus::Success,
                    format!(
                        "{what}: created in Procore as subcontractor invoice #{} in billing period {period}: {}",
                        made.number.unwrap_or_default(),
                        invoice.amount
                    ),
                );
                let mut tx = self.state.begin().await?;
                rebind(
                    &mut tx,
                    &self.invoice_binding(key, made.id, sent_values(invoice)),
                )
                .await?;
                tx.commit().await?;
                Ok(true)
            }
            Err(e) if e.kind().is_retryable() || e.write_outcome_unknown() => {
                out.summary.pending += 1;
                out.push(
                    Some(key.to_owned()),
                    None,
                    OutcomeAction::Create,
                    WrittenSide::Procore,
                    SyncStatus::Pending,
                    format!("{what}: not confirmed by Procore ({e}); the next run looks for it by its origin_id before sending it again"),
                );
                Ok(false)
            }
            Err(e)
                if matches!(
                    e.kind(),
                    procore::ErrorKind::AuthRevoked | procore::ErrorKind::AuthExpired
                ) =>
            {
                Err(e.into())
            }
            Err(e) => {
                out.error(
                    Some(key.to_owned()),
                    None,
                    WrittenSide::Procore,
                    format!("{what}: refused by Procore: {e}"),
                );
                Ok(false)
            }
        }
    }
}
