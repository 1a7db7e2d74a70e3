//! Commitments, Procore → maestro*: subcontracts (work order contracts) become maestro*
//! subcontracts, purchase orders (purchase order contracts) become regular orders or stock
//! orders from catalogue (the Orders tab's company-wide choice), and subcontract change orders
//! (change order packages of a subcontract) become subcontracts of their own naming the one
//! they change.
//!
//! Project-scoped: one `updated_at` cursor per project; a changed document is read with its
//! lines. Only the statuses of the entity's [`StatusRule`] bring a document over (approved and
//! complete by default); once over, it follows every change, and one voided in Procore is
//! flagged, never deleted. Mapping is [`engine::commitments`]: the vendor must be a bound
//! supplier and every line's cost code a bound activity, otherwise the document is an error
//! naming what to synchronize first, and the other documents go on. The maestro* number is
//! derived from the Procore id, so writing a document again lands on the same record.

use std::collections::{BTreeMap, BTreeSet};

use engine::commitments::{
    disposition, map_document, removed_lines, Disposition, ErpDocument, ErpLine, Lookups,
    OrdersTarget, ProcoreDocument, ProcoreLine, StatusRule,
};
use engine::entity::{Direction, EntitySpec, Scope};
use erp::{
    PurchaseOrder, PurchaseOrderLine, StockOrder, StockOrderLine, Subcontract, SubcontractLine,
};
use procore::resources::change_order_packages::ChangeOrderPackageFilters;
use procore::resources::commitment_line_items::{CommitmentLineItem, CommitmentLineItemFilters};
use procore::resources::purchase_order_contracts::PurchaseOrderContractFilters;
use procore::resources::work_order_contracts::WorkOrderContractFilters;
use procore::TimeRange;
use rust_decimal::Decimal;
use serde_json::json;
use state::{
    BindingWrite, CursorValue, OutcomeAction, PairingId, RunId, StateStore, SyncStatus, WrittenSide,
};

use crate::error::RunnerError;
use crate::progress::Phase;
use crate::project_outcomes::{rebind, Out, ProcoreWindow};
use crate::runner::SyncRunner;
use crate::summary::EntitySummary;

pub const SUBCONTRACTS: EntitySpec = EntitySpec {
    name: "subcontracts",
    direction: Direction::ProcoreToErp,
    scope: Scope::Project,
    depends_on: &["cost_codes", "suppliers"],
};

pub const PURCHASE_ORDERS: EntitySpec = EntitySpec {
    name: "purchase_orders",
    direction: Direction::ProcoreToErp,
    scope: Scope::Project,
    depends_on: &["cost_codes", "suppliers"],
};

pub const SUBCONTRACT_CHANGE_ORDERS: EntitySpec = EntitySpec {
    name: "subcontract_change_orders",
    direction: Direction::ProcoreToErp,
    scope: Scope::Project,
    depends_on: &["subcontracts"],
};

/// Setting (per maestro* company) holding the Orders tab's [`OrdersTarget`].
pub const ORDERS_TARGET_SETTING: &str = "orders.target";

/// The setting holding an entity's [`StatusRule`].
pub fn status_setting(entity: &str) -> String {
    format!("{entity}.statuses")
}

/// Where Procore purchase orders land; regular orders until chosen.
pub async fn orders_target(state: &StateStore, company: &str) -> Result<OrdersTarget, RunnerError> {
    Ok(state
        .setting_as::<OrdersTarget>(company, ORDERS_TARGET_SETTING)
        .await?
        .unwrap_or_default())
}

/// Chooses where purchase orders land. Refused while purchase orders are bound: the orders
/// already received would stay where they are and the next change of each would make a second
/// document in the other place.
pub async fn set_orders_target(
    state: &StateStore,
    pairing: PairingId,
    company: &str,
    target: OrdersTarget,
) -> Result<(), RunnerError> {
    let current = orders_target(state, company).await?;
    if current == target {
        return Ok(());
    }
    let bound = state.count_bindings(pairing, PURCHASE_ORDERS.name).await?;
    if bound > 0 {
        return Err(RunnerError::SettingRefused(format!(
            "purchase orders go to {current} orders and {bound} of them are already in maestro*: changing the Orders tab now would put each one a second time in {target} orders"
        )));
    }
    state
        .set_setting_as(company, ORDERS_TARGET_SETTING, &target)
        .await?;
    Ok(())
}

/// The statuses an entity transfers until set: approved and complete commitments and change
/// orders; purchase orders from approval to closing.
pub async fn status_rule(
    state: &StateStore,
    company: &str,
    entity: &str,
) -> Result<StatusRule, RunnerError> {
    Ok(state
        .setting_as::<StatusRule>(company, &status_setting(entity))
        .await?
        .unwrap_or_else(|| {
            if entity == PURCHASE_ORDERS.name {
                StatusRule::purchase_orders()
            } else {
                StatusRule::approved()
            }
        }))
}

/// Chooses the statuses an entity brings over. Documents left out under the old statuses are
/// behind the entity's cursors, so they are forgotten: the next sync reads the entity in full
/// (documents already over compare equal and nothing is rewritten).
pub async fn set_status_rule(
    state: &StateStore,
    pairing: Option<PairingId>,
    company: &str,
    entity: &str,
    rule: &StatusRule,
) -> Result<(), RunnerError> {
    state
        .set_setting_as(company, &status_setting(entity), rule)
        .await?;
    if let Some(p) = pairing {
        state.forget_cursors(p, entity).await?;
    }
    Ok(())
}

/// Which Procore list a commitment entity reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Subcontracts,
    PurchaseOrders,
    SubcontractChangeOrders,
}

impl Source {
    fn spec(self) -> &'static EntitySpec {
        match self {
            Source::Subcontracts => &SUBCONTRACTS,
            Source::PurchaseOrders => &PURCHASE_ORDERS,
            Source::SubcontractChangeOrders => &SUBCONTRACT_CHANGE_ORDERS,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Source::Subcontracts => "subcontract",
            Source::PurchaseOrders => "purchase order",
            Source::SubcontractChangeOrders => "subcontract change order",
        }
    }
}

/// Where a mapped document goes in maestro*.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Subcontract,
    Regular,
    Stock,
}

/// One document read from Procore, with the maestro* subcontract it changes (change orders).
struct Read {
    doc: ProcoreDocument,
    changes: Option<String>,
}

fn lines_of(items: Vec<CommitmentLineItem>) -> Vec<ProcoreLine> {
    let mut items = items;
    items.sort_by_key(|l| (l.position.unwrap_or(i64::MAX), l.id));
    items
        .into_iter()
        .map(|l| ProcoreLine {
            id: Some(l.id),
            description: l.description,
            cost_code_id: l.cost_code.and_then(|c| c.id),
            quantity: l.quantity,
            unit_cost: l.unit_cost,
            amount: l.amount.or(l.total_amount).unwrap_or_default(),
        })
        .collect()
}

impl SyncRunner {
    pub(crate) async fn sync_commitments(
        &self,
        run_id: Option<RunId>,
        source: Source,
    ) -> Result<EntitySummary, RunnerError> {
        let entity = source.spec().name;
        let mut out = Out::new(entity, run_id.is_none());
        let (bound, _) = self.bound_projects().await?;
        let rule = status_rule(&self.state, &self.company, entity).await?;
        let target = match source {
            Source::PurchaseOrders => match orders_target(&self.state, &self.company).await? {
                OrdersTarget::Regular => Target::Regular,
                OrdersTarget::Stock => Target::Stock,
            },
            _ => Target::Subcontract,
        };
        let total = bound.len() as u64;
        for (n, (number, procore_project)) in bound.iter().enumerate() {
            let ProcoreWindow {
                cursor,
                range,
                started,
            } = self.procore_window(entity, number).await?;
            let result = self
                .project_commitments(
                    source,
                    target,
                    &rule,
                    number,
                    *procore_project,
                    range,
                    &mut out,
                )
                .await;
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

    /// The project's documents changed in `range`, read with their lines.
    async fn read_documents(
        &self,
        source: Source,
        procore_project: u64,
        range: Option<TimeRange>,
        waiting: &mut bool,
        ignored: &mut Vec<(u64, String)>,
    ) -> Result<Vec<Read>, RunnerError> {
        let entity = source.spec().name;
        let progress = |done, total| self.report(entity, Phase::ReadingProcore, done, total);
        let mut read = Vec::new();
        match source {
            Source::Subcontracts => {
                let contracts = crate::entities::collect(
                    self.procore.work_order_contracts(procore_project).list(
                        &WorkOrderContractFilters {
                            updated_at: range,
                            ..Default::default()
                        },
                    ),
                    0,
                    &progress,
                )
                .await?;
                for c in contracts {
                    let head = ProcoreDocument {
                        id: c.id,
                        number: c.number,
                        title: c.title,
                        status: c.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                        vendor_id: c.vendor.and_then(|v| v.id),
                        date: c.contract_date,
                        lines: Vec::new(),
                        change_order: false,
                    };
                    read.push(self.with_lines(procore_project, true, head).await?);
                }
            }
            Source::PurchaseOrders => {
                let contracts = crate::entities::collect(
                    self.procore.purchase_order_contracts(procore_project).list(
                        &PurchaseOrderContractFilters {
                            updated_at: range,
                            ..Default::default()
                        },
                    ),
                    0,
                    &progress,
                )
                .await?;
                for c in contracts {
                    let head = ProcoreDocument {
                        id: c.id,
                        number: c.number,
                        title: c.title,
                        status: c.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                        vendor_id: c.vendor.and_then(|v| v.id),
                        date: c.contract_date,
                        lines: Vec::new(),
                        change_order: false,
                    };
                    read.push(self.with_lines(procore_project, false, head).await?);
                }
            }
            Source::SubcontractChangeOrders => {
                let packages = crate::entities::collect(
                    self.procore.change_order_packages(procore_project).list(
                        &ChangeOrderPackageFilters {
                            updated_at: range,
                            ..Default::default()
                        },
                    ),
                    0,
                    &progress,
                )
                .await?;
                // Only change orders of subcontracts mpsync brought over: those of purchase
                // orders or of the prime contract are not subcontracts.
                let parents: Vec<u64> = packages.iter().filter_map(|p| p.contract_id).collect();
                let bound: BTreeMap<u64, String> = self
                    .state
                    .bindings_by_procore_ids(self.pairing, SUBCONTRACTS.name, &parents)
                    .await?
                    .into_iter()
                    .map(|b| (b.procore_id, b.erp_key))
                    .collect();
                // A package of no contract mpsync brought over may be one of a subcontract still
                // in draft: the project's cursor then stays, so it is read again once its
                // subcontract comes over (packages of orders and prime contracts are not).
                let mut others: BTreeSet<u64> = BTreeSet::new();
                let mut orders: BTreeSet<u64> = BTreeSet::new();
                for entity in [PURCHASE_ORDERS.name, "prime_contracts"] {
                    let ids = self
                        .state
                        .bindings_by_procore_ids(self.pairing, entity, &parents)
                        .await?
                        .into_iter()
                        .map(|b| b.procore_id);
                    if entity == PURCHASE_ORDERS.name {
                        let ids: Vec<u64> = ids.collect();
                        orders.extend(ids.iter().copied());
                        others.extend(ids);
                    } else {
                        others.extend(ids);
                    }
                }
                for p in packages {
                    let Some(parent) = p.contract_id.and_then(|c| bound.get(&c)) else {
                        if p.contract_id.is_some_and(|c| !others.contains(&c)) {
                            *waiting = true;
                        }
                        if p.contract_id.is_some_and(|c| orders.contains(&c)) {
                            // maestro* takes change orders of subcontracts only: said, not
                            // dropped without a word.
                            ignored.push((
                                p.id,
                                format!(
                                    "change order {} of a purchase order: not transferred (maestro* keeps change orders of subcontracts only); change the order itself in Procore",
                                    p.number.as_deref().unwrap_or("(no number)")
                                ),
                            ));
                        }
                        continue;
                    };
                    let full = self
                        .procore
                        .change_order_packages(procore_project)
                        .get(p.id)
                        .await?;
                    let mut lines: Vec<_> = full.line_items.unwrap_or_default();
                    lines.sort_by_key(|l| (l.position.unwrap_or(i64::MAX), l.id));
                    read.push(Read {
                        doc: ProcoreDocument {
                            id: full.id,
                            number: full.number,
                            title: full.title,
                            status: full
                                .status
                                .map(|s| s.as_str().to_owned())
                                .unwrap_or_default(),
                            // A change order has its subcontract's vendor; see `suppliers_of`.
                            vendor_id: full.contract_id,
                            date: full.signed_change_order_received_date,
                            lines: lines
                                .into_iter()
                                .map(|l| ProcoreLine {
                                    id: l.id,
                                    description: l.description,
                                    cost_code_id: l
                                        .cost_code
                                        .as_ref()
                                        .and_then(|c| c.get("id"))
                                        .and_then(serde_json::Value::as_u64),
                                    quantity: l.quantity,
                                    unit_cost: l.unit_cost,
                                    amount: l
                                        .extended_amount
                                        .or(l.total_amount)
                                        .unwrap_or_default(),
                                })
                                .collect(),
                            change_order: true,
                        },
                        changes: Some(parent.clone()),
                    });
                }
            }
        }
        Ok(read)
    }

    /// A commitment read with its schedule of values.
    async fn with_lines(
        &self,
        procore_project: u64,
        work_order: bool,
        mut head: ProcoreDocument,
    ) -> Result<Read, RunnerError> {
        let items = if work_order {
            self.procore
                .work_order_contract_line_items(procore_project, head.id)
        } else {
            self.procore
                .purchase_order_contract_line_items(procore_project, head.id)
        };
        head.lines = lines_of(
            items
                .list(&CommitmentLineItemFilters::default())
                .collect_all()
                .await?,
        );
        Ok(Read {
            doc: head,
            changes: None,
        })
    }

    /// Procore vendor → maestro* supplier for these documents. A change order is keyed by its
    /// subcontract (its `vendor_id` holds the contract id) and takes that subcontract's supplier.
    async fn suppliers_of(&self, reads: &[Read]) -> Result<BTreeMap<u64, String>, RunnerError> {
        let mut suppliers = BTreeMap::new();
        let vendors: Vec<u64> = reads
            .iter()
            .filter(|r| r.changes.is_none())
            .filter_map(|r| r.doc.vendor_id)
            .collect();
        for b in self
            .state
            .bindings_by_procore_ids(self.pairing, "suppliers", &vendors)
            .await?
        {
            suppliers.insert(b.procore_id, b.erp_key);
        }
        for r in reads {
            let (Some(parent), Some(contract)) = (&r.changes, r.doc.vendor_id) else {
                continue;
            };
            if let Some(s) = self.erp.subcontracts().get(&self.company, parent).await? {
                suppliers.insert(contract, s.record.supplier_code);
            }
        }
        Ok(suppliers)
    }

    /// Procore cost code → maestro* activity of project `number`, for the cost codes these
    /// documents use (a code bound for another project is not this one's).
    async fn activities_of(
        &self,
        reads: &[Read],
        number: &str,
    ) -> Result<BTreeMap<u64, String>, RunnerError> {
        let codes: Vec<u64> = reads
            .iter()
            .flat_map(|r| r.doc.lines.iter().filter_map(|l| l.cost_code_id))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        Ok(self
            .state
            .bindings_by_procore_ids(self.pairing, crate::cost_codes::SPEC.name, &codes)
            .await?
            .into_iter()
            .filter_map(|b| {
                b.erp_key
                    .split_once('|')
                    .filter(|(project, _)| *project == number)
                    .map(|(_, activity)| (b.procore_id, activity.to_owned()))
            })
            .collect())
    }

    /// Transfers one project's changed documents; whether all of them went through.
    #[allow(clippy::too_many_arguments)]
    async fn project_commitments(
        &self,
        source: Source,
        target: Target,
        rule: &StatusRule,
        number: &str,
        procore_project: u64,
        range: Option<TimeRange>,
        out: &mut Out,
    ) -> Result<bool, RunnerError> {
        let mut waiting = false;
        let mut ignored = Vec::new();
        let reads = self
            .read_documents(source, procore_project, range, &mut waiting, &mut ignored)
            .await?;
        for (id, message) in ignored {
            out.summary.warnings.procore += 1;
            out.push(
                None,
                Some(id),
                OutcomeAction::Skip,
                WrittenSide::None,
                SyncStatus::Warning,
                format!("project {number}: {message}"),
            );
        }
        if reads.is_empty() {
            return Ok(!waiting);
        }
        let suppliers = self.suppliers_of(&reads).await?;
        let activities = self.activities_of(&reads, number).await?;
        let no_numbers = BTreeMap::new();
        let label = source.label();
        let mut clean = !waiting;
        for read in reads {
            let doc = &read.doc;
            let key = doc.erp_number();
            let shown = doc.number.as_deref().unwrap_or("(no number)");
            let previous = self.erp_document(target, &key).await?;
            // The line numbers the document was last written with, so a line keeps its own.
            let line_numbers: BTreeMap<u64, i64> = match &previous {
                Some(_) => self
                    .state
                    .binding_by_erp_key(self.pairing, source.spec().name, &key)
                    .await?
                    .and_then(|b| b.last_synced_values.get("line_numbers").cloned())
                    .and_then(|v| serde_json::from_value(v).ok())
                    .unwrap_or_default(),
                None => no_numbers.clone(),
            };
            let lookups = Lookups {
                project_number: number,
                suppliers: &suppliers,
                activities: &activities,
                line_numbers: &line_numbers,
            };
            let voided = match disposition(&doc.status, rule, previous.is_some()) {
                Disposition::Wait { status } => {
                    out.summary.skipped += 1;
                    out.push(
                        None,
                        Some(doc.id),
                        OutcomeAction::Skip,
                        WrittenSide::None,
                        SyncStatus::Success,
                        format!(
                            "{label} {shown} of project {number}: status {status:?} is not transferred (transferred: {})",
                            rule.transfer.iter().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    );
                    continue;
                }
                Disposition::Void => true,
                Disposition::Transfer => false,
            };
            let mapped = match map_document(doc, &lookups, voided) {
                Ok(m) => m,
                Err(problems) => {
                    clean = false;
                    out.error(
                        Some(key.clone()),
                        Some(doc.id),
                        WrittenSide::Erp,
                        format!(
                            "{label} {shown} of project {number}: not transferred: {}",
                            problems.join("; ")
                        ),
                    );
                    continue;
                }
            };
            let mut lines = mapped.lines.clone();
            if let Some(prev) = &previous {
                lines.extend(removed_lines(&prev.lines, &mapped));
            }
            // maestro* holds lines in number order; so does the comparison.
            lines.sort_by_key(|l| l.line_no);
            // maestro* subcontract lines hold no quantity or price: only amounts compare.
            let compared: Vec<ErpLine> = if target == Target::Subcontract {
                lines
                    .iter()
                    .map(|l| ErpLine {
                        quantity: Decimal::ZERO,
                        unit_price: Decimal::ZERO,
                        ..l.clone()
                    })
                    .collect()
            } else {
                lines.clone()
            };
            let unchanged = previous.as_ref().is_some_and(|p| {
                p.header_equals(&mapped, read.changes.as_deref()) && p.lines == compared
            });
            if unchanged {
                out.summary.unchanged += 1;
                // Written before, its link lost (a crash between the two writes): linked now,
                // so invoices and change orders find it.
                if !out.dry
                    && self
                        .state
                        .binding_by_erp_key(self.pairing, source.spec().name, &key)
                        .await?
                        .is_none()
                {
                    let mut tx = self.state.begin().await?;
                    rebind(
                        &mut tx,
                        &document_binding(self.pairing, source, &key, doc.id, &mapped),
                    )
                    .await?;
                    tx.commit().await?;
                }
                continue;
            }
            let action = if previous.is_some() {
                OutcomeAction::Update
            } else {
                OutcomeAction::Create
            };
            let what = match (&previous, voided) {
                (_, true) => "flagged void in maestro* (voided in Procore; kept, never deleted)",
                (Some(_), false) => "updated in maestro*",
                (None, false) => "created in maestro*",
            };
            let message = format!(
                "{label} {shown} of project {number}: {} as {key}: {} line(s), total {}",
                out.done(what),
                mapped.lines.len(),
                mapped.total()
            );
            if out.dry {
                count(out, action);
                out.push(
                    Some(key),
                    Some(doc.id),
                    action,
                    WrittenSide::Erp,
                    SyncStatus::Success,
                    message,
                );
                continue;
            }
            match self
                .write_document(target, &mapped, &lines, read.changes.as_deref())
                .await
            {
                Ok(()) => {
                    count(out, action);
                    let status = if voided {
                        out.summary.warnings.erp += 1;
                        SyncStatus::Warning
                    } else {
                        SyncStatus::Success
                    };
                    out.push(
                        Some(key.clone()),
                        Some(doc.id),
                        action,
                        WrittenSide::Erp,
                        status,
                        message,
                    );
                    let mut tx = self.state.begin().await?;
                    rebind(
                        &mut tx,
                        &document_binding(self.pairing, source, &key, doc.id, &mapped),
                    )
                    .await?;
                    tx.commit().await?;
                }
                Err(e) => {
                    clean = false;
                    out.error(
                        Some(key),
                        Some(doc.id),
                        WrittenSide::Erp,
                        format!("{label} {shown} of project {number}: refused by maestro*: {e}"),
                    );
                }
            }
        }
        Ok(clean)
    }

    /// A document mpsync wrote before, as maestro* holds it now, with its lines.
    async fn erp_document(
        &self,
        target: Target,
        number: &str,
    ) -> Result<Option<Existing>, RunnerError> {
        let key = number.to_owned();
        let found = match target {
            Target::Subcontract => {
                self.erp
                    .subcontracts()
                    .get(&self.company, &key)
                    .await?
                    .map(|c| Existing {
                        header: Header {
                            external_no: c.record.external_no,
                            project_number: c.record.project_number,
                            supplier_code: c.record.supplier_code,
                            description: c.record.description,
                            date: c.record.contract_date,
                            voided: c.record.voided,
                            changes: c.record.changes_subcontract,
                        },
                        lines: Vec::new(),
                    })
            }
            Target::Regular => self
                .erp
                .purchase_orders()
                .get(&self.company, &key)
                .await?
                .map(|c| Existing {
                    header: Header {
                        external_no: c.record.external_no,
                        project_number: c.record.project_number,
                        supplier_code: c.record.supplier_code,
                        description: c.record.description,
                        date: c.record.order_date,
                        voided: c.record.voided,
                        changes: None,
                    },
                    lines: Vec::new(),
                }),
            Target::Stock => self
                .erp
                .stock_orders()
                .get(&self.company, &key)
                .await?
                .map(|c| Existing {
                    header: Header {
                        external_no: c.record.external_no,
                        project_number: c.record.project_number.unwrap_or_default(),
                        supplier_code: c.record.supplier_code,
                        description: c.record.description,
                        date: c.record.order_date,
                        voided: c.record.voided,
                        changes: None,
                    },
                    lines: Vec::new(),
                }),
        };
        let Some(mut existing) = found else {
            return Ok(None);
        };
        // maestro* numbers lines from 1 without gaps; read until the first missing one.
        for line_no in 1_i64.. {
            let k = (key.clone(), line_no);
            let line = match target {
                Target::Subcontract => self
                    .erp
                    .subcontract_lines()
                    .get(&self.company, &k)
                    .await?
                    .map(|l| ErpLine {
                        line_no,
                        activity_code: l.record.activity_code.unwrap_or_default(),
                        description: l.record.description,
                        quantity: Decimal::ZERO,
                        unit_price: Decimal::ZERO,
                        amount: l.record.amount,
                    }),
                Target::Regular => self
                    .erp
                    .purchase_order_lines()
                    .get(&self.company, &k)
                    .await?
                    .map(|l| ErpLine {
                        line_no,
                        activity_code: l.record.activity_code.unwrap_or_default(),
                        description: l.record.description,
                        quantity: l.record.quantity,
                        unit_price: l.record.unit_price,
                        amount: l.record.amount,
                    }),
                Target::Stock => self
                    .erp
                    .stock_order_lines()
                    .get(&self.company, &k)
                    .await?
                    .map(|l| ErpLine {
                        line_no,
                        activity_code: l.record.activity_code.unwrap_or_default(),
                        description: l.record.description,
                        quantity: l.record.quantity,
                        unit_price: l.record.unit_price,
                        amount: l.record.amount,
                    }),
            };
            match line {
                Some(l) => existing.lines.push(l),
                None => break,
            }
        }
        if target == Target::Subcontract {
            // maestro* subcontract lines carry no quantity or price: compare amounts.
            for l in &mut existing.lines {
                l.quantity = Decimal::ZERO;
                l.unit_price = Decimal::ZERO;
            }
        }
        Ok(Some(existing))
    }

    /// Writes a document's header, then its lines (each write is one maestro* transaction; a
    /// crash between them is mended by the next run, which writes the same records again).
    async fn write_document(
        &self,
        target: Target,
        doc: &ErpDocument,
        lines: &[ErpLine],
        changes: Option<&str>,
    ) -> Result<(), RunnerError> {
        match target {
            Target::Subcontract => {
                self.erp
                    .subcontracts()
                    .upsert(
                        &self.company,
                        &Subcontract {
                            number: doc.number.clone(),
                            external_no: doc.external_no.clone(),
                            project_number: doc.project_number.clone(),
                            supplier_code: doc.supplier_code.clone(),
                            description: doc.description.clone(),
                            contract_date: doc.date,
                            changes_subcontract: changes.map(str::to_owned),
                            voided: doc.voided,
                        },
                    )
                    .await?;
                let rows: Vec<SubcontractLine> = lines
                    .iter()
                    .map(|l| SubcontractLine {
                        subcontract_number: doc.number.clone(),
                        line_no: l.line_no,
                        activity_code: Some(l.activity_code.clone()),
                        description: l.description.clone(),
                        amount: l.amount,
                    })
                    .collect();
                if !rows.is_empty() {
                    self.erp
                        .subcontract_lines()
                        .upsert_batch(&self.company, &rows)
                        .await?;
                }
            }
            Target::Regular => {
                self.erp
                    .purchase_orders()
                    .upsert(
                        &self.company,
                        &PurchaseOrder {
                            number: doc.number.clone(),
                            project_number: doc.project_number.clone(),
                            supplier_code: doc.supplier_code.clone(),
                            order_date: doc.date,
                            description: doc.description.clone(),
                            external_no: doc.external_no.clone(),
                            voided: doc.voided,
                        },
                    )
                    .await?;
                let rows: Vec<PurchaseOrderLine> = lines
                    .iter()
                    .map(|l| PurchaseOrderLine {
                        order_number: doc.number.clone(),
                        line_no: l.line_no,
                        description: l.description.clone(),
                        activity_code: Some(l.activity_code.clone()),
                        quantity: l.quantity,
                        unit_price: l.unit_price,
                        amount: l.amount,
                    })
                    .collect();
                if !rows.is_empty() {
                    self.erp
                        .purchase_order_lines()
                        .upsert_batch(&self.company, &rows)
                        .await?;
                }
            }
            Target::Stock => {
                self.erp
                    .stock_orders()
                    .upsert(
                        &self.company,
                        &StockOrder {
                            number: doc.number.clone(),
                            project_number: Some(doc.project_number.clone()),
                            supplier_code: doc.supplier_code.clone(),
                            order_date: doc.date,
                            description: doc.description.clone(),
                            external_no: doc.external_no.clone(),
                            voided: doc.voided,
                        },
                    )
                    .await?;
                // Procore lines are not catalogue items: non-catalogue lines of a project order.
                let rows: Vec<StockOrderLine> = lines
                    .iter()
                    .map(|l| StockOrderLine {
                        order_number: doc.number.clone(),
                        line_no: l.line_no,
                        item_code: None,
                        description: l.description.clone(),
                        activity_code: Some(l.activity_code.clone()),
                        quantity: l.quantity,
                        unit_price: l.unit_price,
                        amount: l.amount,
                    })
                    .collect();
                if !rows.is_empty() {
                    self.erp
                        .stock_order_lines()
                        .upsert_batch(&self.company, &rows)
                        .await?;
                }
            }
        }
        Ok(())
    }
}

fn document_binding(
    pairing: PairingId,
    source: Source,
    key: &str,
    procore_id: u64,
    doc: &ErpDocument,
) -> BindingWrite {
    BindingWrite {
        pairing,
        entity: source.spec().name.to_owned(),
        erp_key: key.to_owned(),
        procore_id,
        erp_hash: None,
        procore_hash: None,
        last_synced_values: json!({
            "total": doc.total().to_string(),
            "lines": doc.lines.len(),
            "voided": doc.voided,
            "line_numbers": doc.line_numbers,
        }),
    }
}

fn count(out: &mut Out, action: OutcomeAction) {
    if action == OutcomeAction::Create {
        out.summary.created.erp += 1;
    } else {
        out.summary.updated.erp += 1;
    }
}

/// A document's header fields, whichever maestro* table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Header {
    external_no: Option<String>,
    project_number: String,
    supplier_code: String,
    description: String,
    date: Option<chrono::NaiveDate>,
    voided: bool,
    changes: Option<String>,
}

struct Existing {
    header: Header,
    lines: Vec<ErpLine>,
}

impl Existing {
    fn header_equals(&self, doc: &ErpDocument, changes: Option<&str>) -> bool {
        self.header
            == Header {
                external_no: doc.external_no.clone(),
                project_number: doc.project_number.clone(),
                supplier_code: doc.supplier_code.clone(),
                description: doc.description.clone(),
                date: doc.date,
                voided: doc.voided,
                changes: changes.map(str::to_owned),
            }
    }
}
