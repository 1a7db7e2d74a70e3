//! Per-kind rules: scope, show representation (computed and nested fields), validation beyond
//! the contract, read-only records, and the few operations that are not plain CRUD.

use http::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use super::{errors_of, Ctx, Place, Scope, Spec};
use crate::contract::{self, Shape};
use crate::error::{ErrorStyle, FieldErrors, Reply};
use crate::fields::{decimal as dec, Field, Fields};
use crate::iso3166;
use crate::state::{Kind, Record, World};

const CONTRACTS: &[Kind] = &[Kind::WorkOrderContract, Kind::PurchaseOrderContract];

type SpecParts = (
    Scope,
    &'static str,
    Option<(&'static str, &'static [Kind])>,
    ErrorStyle,
);

pub fn spec(kind: Kind) -> Spec {
    use Kind as K;
    let (scope, show_op, parent, style): SpecParts = match kind {
        K::Project => (
            Scope::Company,
            "RestV10ProjectsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::Vendor => (
            Scope::Company,
            "RestV10VendorsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::CompanyUser => (
            Scope::Company,
            "RestV13CompaniesCompanyIdUsersIdPatch",
            None,
            ErrorStyle::Rails,
        ),
        K::CostCode => (
            Scope::Project,
            "RestV10CostCodesIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::StandardCostCodeList => (
            Scope::Company,
            "RestV10StandardCostCodeListsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::StandardCostCode => (
            Scope::Company,
            "RestV10StandardCostCodesIdGet",
            Some(("standard_cost_code_list_id", &[K::StandardCostCodeList])),
            ErrorStyle::Rails,
        ),
        K::LineItemType => (
            Scope::Company,
            "RestV10LineItemTypesIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::SubJob => (
            Scope::Project,
            "RestV10SubJobsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::WbsCode => (
            Scope::Project,
            "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesIdPatch",
            None,
            ErrorStyle::Rails,
        ),
        K::Uom => (
            Scope::Company,
            "RestV10CompaniesCompanyIdUomsPost",
            None,
            ErrorStyle::Rails,
        ),
        K::TaxCode => (
            Scope::Company,
            "RestV10TaxCodesPost",
            None,
            ErrorStyle::Rails,
        ),
        K::BudgetLineItem => (
            Scope::Project,
            "RestV10BudgetLineItemsIdGet",
            None,
            ErrorStyle::Budget,
        ),
        K::BudgetView => (
            Scope::Project,
            "RestV10BudgetViewsGet",
            None,
            ErrorStyle::Budget,
        ),
        K::BudgetModification => (
            Scope::Project,
            "RestV10ProjectsProjectIdBudgetModificationsIdGet",
            None,
            ErrorStyle::Budget,
        ),
        K::BudgetChange => (
            Scope::Project,
            "RestV10ProjectsProjectIdBudgetChangesIdDelete",
            None,
            ErrorStyle::Budget,
        ),
        K::PrimeContract => (
            Scope::Project,
            "RestV10PrimeContractIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::PrimeContractLineItem => (
            Scope::Project,
            "RestV10PrimeContractsPrimeContractIdLineItemsIdGet",
            Some(("prime_contract_id", &[K::PrimeContract])),
            ErrorStyle::Rails,
        ),
        K::PrimeChangeOrder => (
            Scope::Project,
            "RestV10ProjectsProjectIdPrimeChangeOrdersIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::CommitmentChangeOrder => (
            Scope::Project,
            "RestV10ProjectsProjectIdCommitmentChangeOrdersIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::ChangeOrderPackage => (
            Scope::Project,
            "RestV10ChangeOrderPackagesIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::WorkOrderContract => (
            Scope::Project,
            "RestV10WorkOrderContractsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::PurchaseOrderContract => (
            Scope::Project,
            "RestV10PurchaseOrderContractsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::CommitmentLineItem => (
            Scope::Project,
            "RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdPatch",
            Some(("contract_id", CONTRACTS)),
            ErrorStyle::Rails,
        ),
        K::DirectCost => (
            Scope::Project,
            "RestV10ProjectsProjectIdDirectCostsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::DirectCostLineItem => (
            Scope::Project,
            "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdGet",
            Some(("direct_cost_id", &[K::DirectCost])),
            ErrorStyle::Rails,
        ),
        K::Requisition => (
            Scope::Project,
            "RestV10RequisitionsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::BillingPeriod => (
            Scope::Project,
            "RestV10ProjectsProjectIdBillingPeriodsIdGet",
            None,
            ErrorStyle::Rails,
        ),
        K::WebhookHook => (
            Scope::Company,
            "RestV10WebhooksHooksPost",
            None,
            ErrorStyle::Rails,
        ),
        K::WebhookTrigger => (
            Scope::Company,
            "RestV10WebhooksHooksHookIdTriggersPost",
            Some(("hook_id", &[K::WebhookHook])),
            ErrorStyle::Rails,
        ),
        K::Company => (
            Scope::Company,
            "RestV10CompaniesGet",
            None,
            ErrorStyle::Rails,
        ),
    };
    let origin_unique = !matches!(
        kind,
        K::Company
            | K::Uom
            | K::BudgetView
            | K::WbsCode
            | K::BillingPeriod
            | K::WebhookHook
            | K::WebhookTrigger
    );
    Spec {
        kind,
        scope,
        show_op,
        parent,
        style,
        origin_unique,
    }
}

/// Commitment line items sit under either contract kind; the path tells which.
pub fn parent_kind_for_op(op: &str) -> Option<Kind> {
    if op.starts_with("RestV10WorkOrderContractsWorkOrderContractIdLineItems") {
        Some(Kind::WorkOrderContract)
    } else if op.starts_with("RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItems") {
        Some(Kind::PurchaseOrderContract)
    } else {
        None
    }
}

pub fn refresh_derived(_world: &mut crate::state::World) {}

fn money(d: Decimal) -> Value {
    Value::String(format!("{:.2}", d.round_dp(2)))
}

fn named(world: &World, kind: Kind, id: Option<u64>) -> Value {
    match id.and_then(|id| world.get(kind, id)) {
        Some(r) => {
            let mut m = Map::new();
            m.insert("id".into(), json!(r.id));
            // One pass over the record, not a lookup per name: a sync action of a thousand
            // lines names three records for each.
            for (f, v) in r.data.iter() {
                if matches!(
                    f,
                    "name"
                        | "code"
                        | "full_code"
                        | "login"
                        | "flat_code"
                        | "description"
                        | "base_type"
                        | "origin_id"
                ) {
                    m.insert(f.to_owned(), v.to_value());
                }
            }
            if kind == Kind::CostCode {
                m.insert("full_code".into(), json!(cost_code_full(world, r)));
            }
            if kind == Kind::WbsCode {
                m.insert("flat_code".into(), json!(wbs_flat_code(world, r)));
            }
            Value::Object(m)
        }
        None => Value::Null,
    }
}

pub fn cost_code_full(world: &World, r: &Record) -> String {
    // Borrowed codes, one string at the end: every line of a sync action names its cost code
    // (and its WBS code names it again).
    let mut parts: Vec<&str> = vec![r.str_field("code").unwrap_or("")];
    let mut parent = r.u64_field("parent_id");
    let mut guard = 0;
    while let Some(p) = parent.and_then(|id| world.get(r.kind, id)) {
        parts.push(p.str_field("code").unwrap_or(""));
        parent = p.u64_field("parent_id");
        guard += 1;
        if guard > 16 {
            break;
        }
    }
    parts.reverse();
    parts.join("-")
}

/// The simulator's default WBS segments: (id, name), as a company without custom segments has.
pub const WBS_SEGMENTS: [(u64, &str); 3] = [(1, "Sub Job"), (2, "Cost Code"), (3, "Cost Type")];

/// A WBS code's segment items: its sub job, cost code and cost type, each with its segment, then
/// the items of custom segments (advanced WBS) a test stored in `custom_segment_items`.
pub fn wbs_segment_items(world: &World, r: &Record) -> Vec<Value> {
    let mut items = Vec::new();
    let parts = [
        (Kind::SubJob, "sub_job_id", WBS_SEGMENTS[0]),
        (Kind::CostCode, "cost_code_id", WBS_SEGMENTS[1]),
        (Kind::LineItemType, "line_item_type_id", WBS_SEGMENTS[2]),
    ];
    for (kind, field, (segment_id, segment_name)) in parts {
        if let Some(item) = r.u64_field(field).and_then(|id| world.get(kind, id)) {
            let code = if kind == Kind::CostCode {
                cost_code_full(world, item)
            } else {
                item.str_field("code").unwrap_or("").to_owned()
            };
            items.push(json!({
                "id": item.id, "code": code, "name": item.str_field("name"),
                "segment": {"id": segment_id, "name": segment_name},
                "status": "active",
            }));
        }
    }
    if let Some(custom) = r.data.get("custom_segment_items").and_then(Field::as_array) {
        items.extend(custom.iter().cloned());
    }
    items
}

pub fn wbs_flat_code(world: &World, r: &Record) -> String {
    let mut parts = Vec::new();
    if let Some(sj) = r
        .u64_field("sub_job_id")
        .and_then(|id| world.get(Kind::SubJob, id))
    {
        parts.push(sj.str_field("code").unwrap_or("").to_owned());
    }
    if let Some(cc) = r
        .u64_field("cost_code_id")
        .and_then(|id| world.get(Kind::CostCode, id))
    {
        parts.push(cost_code_full(world, cc));
    }
    if let Some(t) = r
        .u64_field("line_item_type_id")
        .and_then(|id| world.get(Kind::LineItemType, id))
    {
        parts.push(t.str_field("code").unwrap_or("").to_owned());
    }
    parts.join(".")
}

fn line_amount(r: &Record) -> Decimal {
    let explicit = r.data.get("amount").filter(|v| !v.is_null());
    if r.str_field("extended_type") == Some("calculated") || explicit.is_none() {
        let q = dec(r.data.get("quantity"));
        let u = dec(r.data.get("unit_cost"));
        if !q.is_zero() || !u.is_zero() {
            return q * u;
        }
    }
    dec(explicit)
}

fn lines_of(world: &World, kind: Kind, parent: u64) -> Vec<&Record> {
    world
        .children(kind, parent)
        .filter(|l| l.deleted_at.is_none())
        .collect()
}

/// A record's full representation: its stored fields, and apart from them what its kind adds
/// or shows differently, so a sync action's answer of a thousand records is written from the
/// records themselves (`write`) instead of copying each record's fields first.
pub struct View<'r> {
    world: &'r World,
    stored: &'r Fields,
    /// Each name once; sorted when written.
    added: Vec<(&'static str, Shown)>,
}

/// What a view shows besides the stored fields. The references are written from the world's
/// memoised renderings ([`World::rendered`]): the lines of a sync action name the same few.
enum Shown {
    Value(Value),
    /// A referenced record as [`named`] shows it.
    Named(Kind, u64),
    /// `{id, name}` of the company.
    Company(u64),
    /// `{id, name}` of the project.
    Project(u64),
}

impl Shown {
    fn to_value(&self, world: &World) -> Value {
        match self {
            Shown::Value(v) => v.clone(),
            Shown::Named(kind, id) => named(world, *kind, Some(*id)),
            Shown::Company(id) => json!({"id": id, "name": world.company_name(*id)}),
            Shown::Project(id) => json!({
                "id": id,
                "name": world.get(Kind::Project, *id).and_then(|p| p.str_field("name")),
            }),
        }
    }

    /// Writes the value rendered with `shape`, a part of one of the contract's shapes (which
    /// live as long as the process: its address keys the memo).
    fn write(&self, world: &World, shape: Option<&Shape>, out: &mut Vec<u8>) {
        let (tag, kind, id, drawn_from): (u8, Kind, u64, &[Kind]) = match self {
            Shown::Value(v) => return contract::write_value(v, shape, out),
            Shown::Named(kind, id) => {
                let drawn_from: &[Kind] = match kind {
                    // Its flat code joins its sub job's, cost code's and cost type's codes.
                    Kind::WbsCode => &[
                        Kind::WbsCode,
                        Kind::SubJob,
                        Kind::CostCode,
                        Kind::LineItemType,
                    ],
                    kind => std::slice::from_ref(kind),
                };
                (0, *kind, *id, drawn_from)
            }
            Shown::Company(id) => (1, Kind::Company, *id, &[Kind::Company]),
            Shown::Project(id) => (2, Kind::Project, *id, &[Kind::Project]),
        };
        if world.get(kind, id).is_none() {
            // Not kept: a record added later would change what it shows.
            return contract::write_value(&self.to_value(world), shape, out);
        }
        let key = (
            tag,
            kind,
            id,
            shape.map_or(0, |s| s as *const Shape as usize),
        );
        world.rendered(key, world.changes_of(drawn_from), out, |out| {
            contract::write_value(&self.to_value(world), shape, out)
        });
    }
}

impl View<'_> {
    fn insert(&mut self, key: &'static str, value: Value) {
        self.show(key, Shown::Value(value));
    }

    fn show(&mut self, key: &'static str, shown: Shown) {
        match self.added.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => *old = shown,
            None => self.added.push((key, shown)),
        }
    }

    /// Shows `value` under `key` unless the record holds one.
    fn or_insert(&mut self, key: &'static str, value: Value) {
        if !self.stored.contains_key(key) && !self.added.iter().any(|(k, _)| *k == key) {
            self.added.push((key, Shown::Value(value)));
        }
    }

    fn get(&self, key: &str) -> Option<Field<'_>> {
        match self.added.iter().find(|(k, _)| *k == key) {
            Some((_, Shown::Value(v))) => Some(Field::of(v)),
            Some(_) => None,
            None => self.stored.get(key),
        }
    }

    /// The representation as one JSON object.
    pub fn into_value(self) -> Value {
        let mut all = self.stored.to_map();
        for (key, shown) in &self.added {
            all.insert((*key).to_owned(), shown.to_value(self.world));
        }
        Value::Object(all)
    }

    /// Writes the representation rendered with `shape` (see [`contract::write_rendered`]), one
    /// of the contract's shapes.
    pub fn write(mut self, shape: &'static Shape, out: &mut Vec<u8>) {
        match shape {
            Shape::Object(fields) => {
                self.added.sort_unstable_by_key(|(k, _)| *k);
                let world = self.world;
                contract::write_object(
                    self.stored.iter(),
                    self.added.iter().map(|(k, v)| (*k, v)),
                    |shown: &Shown, shape, out| shown.write(world, shape, out),
                    fields,
                    out,
                )
            }
            other => contract::write_rendered(&self.into_value(), other, out),
        }
    }
}

/// The full representation of a record (rendered later against each operation's shape).
pub fn view<'r>(world: &'r World, r: &'r Record) -> View<'r> {
    let mut v = View {
        world,
        stored: &r.data,
        added: Vec::with_capacity(16),
    };
    v.insert("id", json!(r.id));
    // Built only by the kinds that show them: most views (a thousand per sync action) need
    // neither.
    let company = || Shown::Company(r.company_id);
    let project_name = || {
        r.project_id
            .and_then(|p| world.get(Kind::Project, p))
            .and_then(|p| p.str_field("name"))
            .map(str::to_owned)
    };
    let project = || {
        r.project_id
            .map_or(Shown::Value(Value::Null), Shown::Project)
    };
    let reference = |kind: Kind, id: Option<u64>| match id {
        Some(id) => Shown::Named(kind, id),
        None => Shown::Value(Value::Null),
    };
    match r.kind {
        Kind::Project => {
            v.show("company", company());
            let number = r.str_field("project_number").unwrap_or("");
            let name = r.str_field("name").unwrap_or("");
            let display = if number.is_empty() {
                name.to_owned()
            } else {
                format!("{number} - {name}")
            };
            v.insert("display_name", json!(display));
            v.or_insert("active", json!(true));
            v.insert(
                "is_erp_integrated",
                json!(r
                    .data
                    .get("erp_integrated")
                    .and_then(Field::as_bool)
                    .unwrap_or(false)),
            );
        }
        Kind::Vendor => {
            v.or_insert("is_active", json!(true));
            v.insert("company", json!(world.company_name(r.company_id)));
            v.or_insert("synced_to_erp", json!(r.origin_id().is_some()));
        }
        Kind::CompanyUser => {
            let name = format!(
                "{} {}",
                r.str_field("first_name").unwrap_or(""),
                r.str_field("last_name").unwrap_or("")
            )
            .trim()
            .to_owned();
            v.insert("name", json!(name));
            v.show("vendor", reference(Kind::Vendor, r.u64_field("vendor_id")));
            v.or_insert("is_active", json!(true));
        }
        Kind::CostCode => {
            let full = cost_code_full(world, r);
            v.insert("full_code", json!(full));
            v.insert("sortable_code", json!(full));
            v.insert(
                "parent",
                r.u64_field("parent_id")
                    .map_or(Value::Null, |p| json!({"id": p})),
            );
            let sub_job = r
                .u64_field("sub_job_id")
                .and_then(|id| world.get(Kind::SubJob, id));
            match sub_job {
                Some(sj) => {
                    v.insert("biller", json!(sj.str_field("name")));
                    v.insert("biller_id", json!(sj.id));
                    v.insert("biller_type", json!("SubJob"));
                    v.insert("biller_origin_id", json!(sj.origin_id()));
                }
                None => {
                    v.insert("biller", json!(project_name()));
                    v.insert("biller_id", json!(r.project_id));
                    v.insert("biller_type", json!("Project"));
                }
            }
            let budgeted = world
                .referencing(Kind::BudgetLineItem, "cost_code_id", r.id)
                .any(|b| b.deleted_at.is_none());
            v.insert("budgeted", json!(budgeted));
            let types: Vec<Value> = world
                .in_company(Kind::LineItemType, r.company_id)
                .filter(|t| t.deleted_at.is_none())
                .map(|t| view(world, t).into_value())
                .collect();
            v.insert("line_item_types", Value::Array(types));
        }
        Kind::StandardCostCode => {
            v.insert("full_code", json!(cost_code_full(world, r)));
            v.insert("standard_cost_code_list_id", json!(r.parent_id));
        }
        Kind::WbsCode => {
            v.insert("flat_code", json!(wbs_flat_code(world, r)));
            let mut names = Vec::new();
            if let Some(cc) = r
                .u64_field("cost_code_id")
                .and_then(|id| world.get(Kind::CostCode, id))
            {
                names.push(cc.str_field("name").unwrap_or("").to_owned());
            }
            if let Some(t) = r
                .u64_field("line_item_type_id")
                .and_then(|id| world.get(Kind::LineItemType, id))
            {
                names.push(t.str_field("name").unwrap_or("").to_owned());
            }
            v.insert("flat_name", json!(names.join(".")));
            v.or_insert("status", json!("active"));
            v.insert("segment_items", Value::Array(wbs_segment_items(world, r)));
        }
        Kind::BudgetLineItem => {
            for (key, value) in super::budget::line_view(world, r) {
                v.insert(crate::fields::intern(&key), value);
            }
        }
        Kind::WorkOrderContract | Kind::PurchaseOrderContract | Kind::PrimeContract => {
            let line_kind = if r.kind == Kind::PrimeContract {
                Kind::PrimeContractLineItem
            } else {
                Kind::CommitmentLineItem
            };
            let lines = lines_of(world, line_kind, r.id);
            let total: Decimal = lines.iter().map(|l| line_amount(l)).sum();
            let approved: Decimal = change_orders_of(world, r)
                .filter(|c| c.str_field("status") == Some("approved"))
                .map(|c| dec(c.data.get("grand_total")))
                .sum();
            let pending: Decimal = change_orders_of(world, r)
                .filter(|c| {
                    matches!(
                        c.str_field("status"),
                        Some("pending") | Some("pricing") | Some("proceeding")
                    )
                })
                .map(|c| dec(c.data.get("grand_total")))
                .sum();
            let draft: Decimal = change_orders_of(world, r)
                .filter(|c| c.str_field("status") == Some("draft"))
                .map(|c| dec(c.data.get("grand_total")))
                .sum();
            v.insert("grand_total", money(total));
            v.insert("approved_change_orders", money(approved));
            v.insert("pending_change_orders", money(pending));
            v.insert("pending_change_orders_amount", money(pending));
            v.insert("draft_change_orders_amount", money(draft));
            v.insert("revised_contract", money(total + approved));
            v.insert("revised_contract_amount", money(total + approved));
            v.insert(
                "pending_revised_contract",
                money(total + approved + pending),
            );
            v.insert(
                "pending_revised_contract_amount",
                money(total + approved + pending),
            );
            v.insert("total_payments", money(Decimal::ZERO));
            v.show("vendor", reference(Kind::Vendor, r.u64_field("vendor_id")));
            v.show("project", project());
            v.insert(
                "line_items",
                Value::Array(lines.iter().map(|l| view(world, l).into_value()).collect()),
            );
            v.insert(
                "currency_configuration",
                json!({"currency_iso_code": "CAD"}),
            );
            if r.kind != Kind::PrimeContract {
                v.insert(
                    "type",
                    json!(if r.kind == Kind::WorkOrderContract {
                        "WorkOrderContract"
                    } else {
                        "PurchaseOrderContract"
                    }),
                );
                let shown = v.get("type").map_or(Value::Null, Field::to_value);
                v.insert("contract_type", shown);
            }
        }
        Kind::CommitmentLineItem | Kind::PrimeContractLineItem | Kind::DirectCostLineItem => {
            let amount = line_amount(r);
            v.insert("amount", money(amount));
            v.insert("total_amount", money(amount));
            v.insert("extended_amount", money(amount));
            v.show(
                "cost_code",
                reference(Kind::CostCode, r.u64_field("cost_code_id")),
            );
            v.show(
                "line_item_type",
                reference(Kind::LineItemType, r.u64_field("line_item_type_id")),
            );
            v.show(
                "wbs_code",
                reference(Kind::WbsCode, r.u64_field("wbs_code_id")),
            );
            // Ids are unique per kind and kinds have ranges of their own, so at most one kind
            // holds the parent; a direct cost line's is looked up first.
            let holders = if r.kind == Kind::DirectCostLineItem {
                [
                    Kind::DirectCost,
                    Kind::PrimeContract,
                    CONTRACTS[0],
                    CONTRACTS[1],
                ]
            } else {
                [
                    CONTRACTS[0],
                    CONTRACTS[1],
                    Kind::PrimeContract,
                    Kind::DirectCost,
                ]
            };
            let holder_type = match r
                .parent_id
                .and_then(|p| holders.iter().find_map(|k| world.get(*k, p)))
            {
                Some(p) => match p.kind {
                    Kind::WorkOrderContract => "WorkOrderContract",
                    Kind::PurchaseOrderContract => "PurchaseOrderContract",
                    Kind::PrimeContract => "PrimeContract",
                    _ => "DirectCost",
                },
                None => "DirectCost",
            };
            v.insert(
                "holder",
                json!({"id": r.parent_id, "holder_type": holder_type}),
            );
            v.insert("direct_cost_id", json!(r.parent_id));
            v.show("company", company());
            v.show("project", project());
        }
        Kind::DirectCost => {
            let lines = lines_of(world, Kind::DirectCostLineItem, r.id);
            let total: Decimal = lines.iter().map(|l| line_amount(l)).sum();
            v.insert("grand_total", money(total));
            v.insert("line_items_count", json!(lines.len()));
            v.insert(
                "line_items",
                Value::Array(lines.iter().map(|l| view(world, l).into_value()).collect()),
            );
            let vendor = named(world, Kind::Vendor, r.u64_field("vendor_id"));
            v.insert(
                "vendor_name",
                vendor.get("name").cloned().unwrap_or(Value::Null),
            );
            v.insert("vendor", vendor);
            let employee = r
                .u64_field("employee_id")
                .and_then(|id| world.get(Kind::CompanyUser, id))
                .map(|u| {
                    let name = [u.str_field("first_name"), u.str_field("last_name")]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    json!({"id": u.id, "name": name})
                })
                .unwrap_or(Value::Null);
            v.insert("employee", employee);
            v.insert("attachments", json!([]));
            v.insert("attachments_count", json!(0));
            v.insert(
                "currency_configuration",
                json!({"currency_iso_code": "CAD"}),
            );
        }
        Kind::Requisition => {
            let contract = r
                .u64_field("commitment_id")
                .and_then(|c| CONTRACTS.iter().find_map(|k| world.get(*k, c)));
            if let Some(c) = contract {
                v.insert(
                    "commitment_type",
                    json!(if c.kind == Kind::WorkOrderContract {
                        "WorkOrderContract"
                    } else {
                        "PurchaseOrderContract"
                    }),
                );
                v.insert("contract_name", json!(c.str_field("title")));
                let vendor = named(world, Kind::Vendor, c.u64_field("vendor_id"));
                v.insert("vendor_id", json!(c.u64_field("vendor_id")));
                v.insert(
                    "vendor_name",
                    vendor.get("name").cloned().unwrap_or(Value::Null),
                );
            }
            v.or_insert("status", json!("draft"));
            v.insert("deletable", json!(r.origin_id().is_none()));
            // What the invoice claims: work completed and materials stored this period.
            let claimed: Decimal = r
                .data
                .get("items")
                .and_then(Field::as_array)
                .into_iter()
                .flatten()
                .map(|i| {
                    dec(i.get("work_completed_this_period"))
                        + dec(i.get("materials_presently_stored"))
                })
                .sum();
            v.insert("total_claimed_amount", money(claimed));
        }
        Kind::ChangeOrderPackage | Kind::PrimeChangeOrder | Kind::CommitmentChangeOrder => {
            v.or_insert("grand_total", json!("0.0"));
            v.show("project", project());
        }
        Kind::BudgetView => {
            v.insert("links", json!({
                "detail_rows": format!("/rest/v1.0/budget_views/{}/detail_rows?project_id={}", r.id, r.project_id.unwrap_or(0)),
                "summary_rows": format!("/rest/v1.0/budget_views/{}/summary_rows?project_id={}", r.id, r.project_id.unwrap_or(0)),
            }));
        }
        _ => {}
    }
    v
}

fn change_orders_of<'w>(
    world: &'w World,
    contract: &Record,
) -> impl Iterator<Item = &'w Record> + 'w {
    let id = contract.id;
    let kinds: &'static [Kind] = if contract.kind == Kind::PrimeContract {
        &[Kind::PrimeChangeOrder, Kind::ChangeOrderPackage]
    } else {
        &[Kind::CommitmentChangeOrder, Kind::ChangeOrderPackage]
    };
    kinds
        .iter()
        .flat_map(move |k| world.referencing(*k, "contract_id", id))
        .filter(|c| c.deleted_at.is_none())
}

/// Kind-specific list rules beyond the generic filters.
pub fn listed(
    ctx: &Ctx<'_>,
    r: &Record,
    filters: &std::collections::BTreeMap<String, Vec<String>>,
) -> bool {
    let first = |name: &str| {
        filters
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
    };
    match r.kind {
        Kind::Project => {
            if !ctx.world().project_permitted(r.company_id, r.id) {
                return false;
            }
            let active = r
                .data
                .get("active")
                .and_then(Field::as_bool)
                .unwrap_or(true);
            match first("by_status").unwrap_or("Active") {
                "All" => true,
                "Inactive" => !active,
                _ => active,
            }
        }
        Kind::Vendor => {
            let active = r
                .data
                .get("is_active")
                .and_then(Field::as_bool)
                .unwrap_or(true);
            let wanted_active = ctx.op.id != "RestV10CompaniesCompanyIdVendorsInactiveGet";
            if active != wanted_active {
                return false;
            }
            match first("search") {
                Some(term) => {
                    let term = term.to_lowercase();
                    ["name", "notes", "origin_code", "abbreviated_name"]
                        .iter()
                        .any(|f| {
                            r.str_field(f)
                                .is_some_and(|s| s.to_lowercase().contains(&term))
                        })
                }
                None => true,
            }
        }
        Kind::CompanyUser => match first("search") {
            Some(term) => {
                let term = term.to_lowercase();
                [
                    "first_name",
                    "last_name",
                    "email_address",
                    "notes",
                    "job_title",
                ]
                .iter()
                .any(|f| {
                    r.str_field(f)
                        .is_some_and(|s| s.to_lowercase().contains(&term))
                })
            }
            None => true,
        },
        Kind::CostCode => match ctx
            .req
            .query_param("sub_job_id")
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(sj) => r.u64_field("sub_job_id") == Some(sj),
            None => true,
        },
        Kind::CommitmentLineItem => {
            let expected = parent_kind_for_op(ctx.op.id);
            expected.is_none_or(|k| r.parent_id.and_then(|p| ctx.world().get(k, p)).is_some())
        }
        Kind::DirectCostLineItem => match ctx
            .req
            .query_param("direct_cost_id")
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(d) => r.parent_id == Some(d),
            None => true,
        },
        Kind::ChangeOrderPackage => match ctx
            .req
            .query_param("contract_id")
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(c) => r.u64_field("contract_id") == Some(c),
            None => true,
        },
        Kind::Requisition => match ctx
            .req
            .query_param("commitment_id")
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(c) => r.u64_field("commitment_id") == Some(c),
            None => true,
        },
        _ => true,
    }
}

fn check_location(attrs: &Map<String, Value>, existing: Option<&Record>, errors: &mut FieldErrors) {
    let country = attrs
        .get("country_code")
        .and_then(Value::as_str)
        .or_else(|| existing.and_then(|e| e.str_field("country_code")))
        .filter(|s| !s.is_empty());
    if let Some(c) = attrs
        .get("country_code")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        if !iso3166::is_country(c) {
            errors
                .entry("country_code".into())
                .or_default()
                .push("is not a valid ISO-3166 alpha-2 country code".into());
        }
    }
    if let Some(s) = attrs
        .get("state_code")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        let valid = match country {
            Some(c) if iso3166::is_country(c) => iso3166::is_subdivision(c, s),
            Some(_) => true,
            None => false,
        };
        if !valid {
            errors.entry("state_code".into()).or_default().push(format!(
                "is not a valid state code for country {}",
                country.unwrap_or("(none)")
            ));
        }
    }
}

fn require(
    attrs: &Map<String, Value>,
    existing: Option<&Record>,
    fields: &[&str],
    errors: &mut FieldErrors,
) {
    for f in fields {
        let present = |v: Option<Field>| {
            v.is_some_and(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
        };
        let ok = match attrs.get(*f) {
            Some(v) => present(Some(Field::of(v))),
            None => existing.is_some_and(|e| present(e.data.get(f))),
        };
        if !ok {
            errors
                .entry((*f).into())
                .or_default()
                .push("can't be blank".into());
        }
    }
}

fn enum_check(attrs: &Map<String, Value>, field: &str, allowed: &[&str], errors: &mut FieldErrors) {
    if let Some(v) = attrs.get(field).and_then(Value::as_str) {
        if !allowed.contains(&v) {
            errors
                .entry(field.into())
                .or_default()
                .push("is not included in the list".into());
        }
    }
}

fn exists_in(world: &World, kind: Kind, id: Option<u64>, place: &Place) -> bool {
    id.and_then(|id| world.get(kind, id)).is_some_and(|r| {
        r.deleted_at.is_none()
            && r.company_id == place.company_id
            && (r.project_id.is_none() || r.project_id == place.project_id)
    })
}

/// Resolves `wbs_code_id` ⇄ `cost_code_id` + `line_item_type_id` on a line (WBS wins).
fn resolve_wbs(
    ctx: &mut Ctx<'_>,
    place: &Place,
    attrs: &mut Map<String, Value>,
    errors: &mut FieldErrors,
) {
    let get = |attrs: &Map<String, Value>, f: &str| attrs.get(f).and_then(Value::as_u64);
    if let Some(wbs) = get(attrs, "wbs_code_id") {
        match ctx
            .world()
            .get(Kind::WbsCode, wbs)
            .filter(|w| w.project_id == place.project_id)
        {
            Some(w) => {
                let (cc, t) = (
                    w.u64_field("cost_code_id"),
                    w.u64_field("line_item_type_id"),
                );
                attrs.insert("cost_code_id".into(), json!(cc));
                attrs.insert("line_item_type_id".into(), json!(t));
            }
            None => {
                errors
                    .entry("wbs_code_id".into())
                    .or_default()
                    .push("is invalid".into());
            }
        }
        return;
    }
    if let (Some(cc), Some(t)) = (get(attrs, "cost_code_id"), get(attrs, "line_item_type_id")) {
        if !exists_in(ctx.world(), Kind::CostCode, Some(cc), place) {
            errors
                .entry("cost_code_id".into())
                .or_default()
                .push("is invalid".into());
            return;
        }
        if !exists_in(ctx.world(), Kind::LineItemType, Some(t), place) {
            errors
                .entry("line_item_type_id".into())
                .or_default()
                .push("is invalid".into());
            return;
        }
        let found = ctx
            .world()
            .referencing(Kind::WbsCode, "cost_code_id", cc)
            .find(|w| {
                w.deleted_at.is_none()
                    && w.project_id == place.project_id
                    && w.u64_field("line_item_type_id") == Some(t)
            })
            .map(|w| w.id);
        let id = match found {
            Some(id) => id,
            None => {
                let id = ctx.sim.world.allocate_id(Kind::WbsCode);
                let now = ctx.now();
                ctx.sim.world.insert(Record {
                    kind: Kind::WbsCode,
                    id,
                    company_id: place.company_id,
                    project_id: place.project_id,
                    parent_id: None,
                    deleted_at: None,
                    data: json!({"id": id, "cost_code_id": cc, "line_item_type_id": t, "status": "active", "created_at": now, "updated_at": now}).as_object().cloned().unwrap_or_default().into(),
                });
                id
            }
        };
        attrs.insert("wbs_code_id".into(), json!(id));
    }
}

fn check_uom(world: &World, place: &Place, attrs: &Map<String, Value>, errors: &mut FieldErrors) {
    if let Some(uom) = attrs
        .get("uom")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        let known = world
            .in_company(Kind::Uom, place.company_id)
            .any(|u| u.deleted_at.is_none() && u.str_field("name") == Some(uom));
        if !known {
            errors
                .entry("uom".into())
                .or_default()
                .push("is not included in the list".into());
        }
    }
}

/// Validation and normalization beyond the contract. `existing` is `None` on create.
pub fn prepare(
    ctx: &mut Ctx<'_>,
    spec: Spec,
    place: &Place,
    attrs: &mut Map<String, Value>,
    existing: Option<&Record>,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let creating = existing.is_none();
    match spec.kind {
        Kind::Project => {
            if creating {
                require(attrs, existing, &["name"], &mut errors);
            }
            check_location(attrs, existing, &mut errors);
            enum_check(attrs, "flag", &["Red", "Yellow", "Green"], &mut errors);
        }
        Kind::Vendor => {
            require(attrs, existing, &["name"], &mut errors);
            check_location(attrs, existing, &mut errors);
            if let Some(parent) = attrs.get("parent_id").and_then(Value::as_u64) {
                if existing.is_some_and(|e| e.id == parent) {
                    errors
                        .entry("parent_id".into())
                        .or_default()
                        .push("can't be the vendor itself".into());
                } else if !exists_in(ctx.world(), Kind::Vendor, Some(parent), place) {
                    errors
                        .entry("parent_id".into())
                        .or_default()
                        .push("is invalid".into());
                }
            }
        }
        Kind::CompanyUser => {
            require(
                attrs,
                existing,
                &["last_name", "email_address"],
                &mut errors,
            );
            check_location(attrs, existing, &mut errors);
            if let Some(email) = attrs.get("email_address").and_then(Value::as_str) {
                let taken = ctx
                    .world()
                    .in_company(Kind::CompanyUser, place.company_id)
                    .any(|u| {
                        u.deleted_at.is_none()
                            && Some(u.id) != existing.map(|e| e.id)
                            && u.str_field("email_address")
                                .is_some_and(|e| e.eq_ignore_ascii_case(email))
                    });
                if taken {
                    errors
                        .entry("email_address".into())
                        .or_default()
                        .push("has already been taken".into());
                }
            }
            if let Some(v) = attrs.get("vendor_id").and_then(Value::as_u64) {
                if !exists_in(ctx.world(), Kind::Vendor, Some(v), place) {
                    errors
                        .entry("vendor_id".into())
                        .or_default()
                        .push("is invalid".into());
                }
            }
        }
        Kind::CostCode | Kind::StandardCostCode => {
            require(attrs, existing, &["code", "name"], &mut errors);
            if let Some(parent) = attrs.get("parent_id").and_then(Value::as_u64) {
                let ok = ctx.world().get(spec.kind, parent).is_some_and(|p| {
                    p.deleted_at.is_none()
                        && p.company_id == place.company_id
                        && p.project_id == place.project_id
                        && p.parent_id == place.parent_id
                });
                if !ok || existing.is_some_and(|e| e.id == parent) {
                    errors
                        .entry("parent_id".into())
                        .or_default()
                        .push("is invalid".into());
                }
            }
            if spec.kind == Kind::CostCode {
                if let Some(sj) = ctx
                    .req
                    .query_param("sub_job_id")
                    .and_then(|s| s.parse::<u64>().ok())
                    .or_else(|| ctx.req.body.get("sub_job_id").and_then(Value::as_u64))
                {
                    if creating {
                        attrs.insert("sub_job_id".into(), json!(sj));
                    }
                }
            }
            if spec.kind == Kind::StandardCostCode && place.parent_id.is_none() && creating {
                errors
                    .entry("standard_cost_code_list_id".into())
                    .or_default()
                    .push("can't be blank".into());
            }
        }
        Kind::LineItemType => {
            require(attrs, existing, &["name"], &mut errors);
            if let Some(code) = attrs.remove("csv_import_code") {
                attrs.insert("code".into(), code);
            }
            enum_check(
                attrs,
                "base_type",
                &[
                    "equipment",
                    "materials",
                    "commitment",
                    "owner_cost",
                    "professional_services",
                    "other",
                ],
                &mut errors,
            );
        }
        Kind::SubJob => {
            require(attrs, existing, &["name", "code"], &mut errors);
            if let Some(code) = attrs.get("code").and_then(Value::as_str) {
                let dup = ctx
                    .world()
                    .in_project(Kind::SubJob, place.project_id)
                    .any(|s| {
                        s.deleted_at.is_none()
                            && Some(s.id) != existing.map(|e| e.id)
                            && s.str_field("code") == Some(code)
                    });
                if dup {
                    errors
                        .entry("code".into())
                        .or_default()
                        .push("has already been taken".into());
                }
            }
        }
        Kind::Uom => require(attrs, existing, &["name"], &mut errors),
        Kind::TaxCode => require(attrs, existing, &["code"], &mut errors),
        Kind::BudgetLineItem => {
            resolve_wbs(ctx, place, attrs, &mut errors);
            require(
                attrs,
                existing,
                &["cost_code_id", "line_item_type_id"],
                &mut errors,
            );
            check_uom(ctx.world(), place, attrs, &mut errors);
            // One budget line per budget code (sub job, cost code, cost type), as in Procore's
            // budget: a second one is refused, never added beside the first.
            fn code_of<'a>(
                get: impl Fn(&'static str) -> Option<Field<'a>>,
            ) -> (Option<u64>, Option<u64>, Option<u64>) {
                (
                    get("sub_job_id").and_then(Field::as_u64),
                    get("cost_code_id").and_then(Field::as_u64),
                    get("line_item_type_id").and_then(Field::as_u64),
                )
            }
            let mut wanted = existing
                .map(|e| code_of(|f| e.data.get(f)))
                .unwrap_or_default();
            let given = code_of(|f| attrs.get(f).map(Field::of));
            wanted.1 = given.1.or(wanted.1);
            wanted.2 = given.2.or(wanted.2);
            if existing.is_none() {
                wanted.0 = given.0;
            }
            // Only a complete code can be taken; its cost code narrows the search.
            let taken = wanted.2.is_some()
                && wanted.1.is_some_and(|cost_code| {
                    ctx.world()
                        .referencing(Kind::BudgetLineItem, "cost_code_id", cost_code)
                        .any(|b| {
                            b.deleted_at.is_none()
                                && b.project_id == place.project_id
                                && Some(b.id) != existing.map(|e| e.id)
                                && code_of(|f| b.data.get(f)) == wanted
                        })
                });
            if taken {
                errors
                    .entry("base".into())
                    .or_default()
                    .push("This budget code is already on the budget".into());
            }
            attrs
                .entry("original_budget_amount")
                .or_insert(json!("0.0"));
        }
        Kind::BudgetModification => {
            require(
                attrs,
                existing,
                &["to_budget_line_item_id", "transfer_amount"],
                &mut errors,
            );
            for f in ["to_budget_line_item_id", "from_budget_line_item_id"] {
                if let Some(id) = attrs.get(f).and_then(Value::as_u64) {
                    if !exists_in(ctx.world(), Kind::BudgetLineItem, Some(id), place) {
                        errors
                            .entry(f.into())
                            .or_default()
                            .push("is invalid".into());
                    }
                }
            }
        }
        Kind::BudgetChange => {
            if creating {
                require(attrs, existing, &["status"], &mut errors);
            }
            enum_check(
                attrs,
                "status",
                &["approved", "draft", "under_review", "void"],
                &mut errors,
            );
            if let Some(Value::Array(lines)) = attrs.get_mut("adjustment_line_items") {
                for line in lines.iter_mut() {
                    if let Some(obj) = line.as_object_mut() {
                        if obj.get("id").is_none() {
                            let id = ctx.sim.world.allocate_id(Kind::BudgetChange);
                            obj.insert("id".into(), json!(id));
                        }
                    }
                }
            }
        }
        Kind::WorkOrderContract | Kind::PurchaseOrderContract | Kind::PrimeContract => {
            let statuses: &[&str] = match spec.kind {
                Kind::WorkOrderContract => &[
                    "Draft",
                    "Out For Bid",
                    "Out For Signature",
                    "Approved",
                    "Complete",
                    "Terminated",
                    "Void",
                ],
                Kind::PurchaseOrderContract => &[
                    "Draft",
                    "Processing",
                    "Submitted",
                    "Partially Received",
                    "Received",
                    "Approved",
                    "Closed",
                ],
                _ => &[
                    "Draft",
                    "Out For Bid",
                    "Out For Signature",
                    "Approved",
                    "Complete",
                    "Terminated",
                ],
            };
            enum_check(attrs, "status", statuses, &mut errors);
            if creating {
                attrs.entry("status").or_insert(json!("Draft"));
            }
            if let Some(v) = attrs.get("vendor_id").and_then(Value::as_u64) {
                if !exists_in(ctx.world(), Kind::Vendor, Some(v), place) {
                    errors
                        .entry("vendor_id".into())
                        .or_default()
                        .push("is invalid".into());
                }
            }
        }
        Kind::CommitmentLineItem | Kind::PrimeContractLineItem | Kind::DirectCostLineItem => {
            resolve_wbs(ctx, place, attrs, &mut errors);
            check_uom(ctx.world(), place, attrs, &mut errors);
            enum_check(
                attrs,
                "extended_type",
                &["manual", "calculated"],
                &mut errors,
            );
            if creating && place.parent_id.is_none() {
                errors
                    .entry("direct_cost_id".into())
                    .or_default()
                    .push("can't be blank".into());
            }
        }
        Kind::DirectCost => {
            if creating {
                require(attrs, existing, &["direct_cost_type"], &mut errors);
                // An invoice names its vendor and number; an expense or a payroll cost need not.
                if attrs.get("direct_cost_type").and_then(Value::as_str) == Some("invoice") {
                    require(
                        attrs,
                        existing,
                        &["vendor_id", "invoice_number"],
                        &mut errors,
                    );
                }
                attrs.entry("status").or_insert(json!("draft"));
            } else {
                attrs.remove("direct_cost_type");
            }
            enum_check(
                attrs,
                "direct_cost_type",
                &["invoice", "expense", "payroll", "subcontractor_invoice"],
                &mut errors,
            );
            enum_check(
                attrs,
                "status",
                &["draft", "pending", "revise_and_resubmit", "approved"],
                &mut errors,
            );
            if let Some(v) = attrs.get("vendor_id").and_then(Value::as_u64) {
                if !exists_in(ctx.world(), Kind::Vendor, Some(v), place) {
                    errors
                        .entry("vendor_id".into())
                        .or_default()
                        .push("is invalid".into());
                }
            }
            if let Some(e) = attrs.get("employee_id").and_then(Value::as_u64) {
                if !exists_in(ctx.world(), Kind::CompanyUser, Some(e), place) {
                    errors
                        .entry("employee_id".into())
                        .or_default()
                        .push("is invalid".into());
                }
            }
            if let Some(Value::Array(lines)) = attrs.get("line_items") {
                if lines.len() > 100 {
                    errors
                        .entry("line_items".into())
                        .or_default()
                        .push("is too long (maximum is 100 line items per request)".into());
                }
            }
        }
        Kind::Requisition => {
            if creating {
                let commitment = ctx
                    .param("commitment_id")
                    .and_then(|s| s.parse::<u64>().ok());
                match commitment.and_then(|c| CONTRACTS.iter().find_map(|k| ctx.world().get(*k, c)))
                {
                    Some(c) if c.project_id == place.project_id => {
                        attrs.insert("commitment_id".into(), json!(c.id));
                    }
                    _ => {
                        errors
                            .entry("commitment_id".into())
                            .or_default()
                            .push("is invalid".into());
                    }
                }
                // A subcontractor invoice belongs to one of the project's billing periods.
                let period = attrs.get("period_id").and_then(Value::as_u64);
                if !exists_in(ctx.world(), Kind::BillingPeriod, period, place) {
                    errors.entry("period_id".into()).or_default().push(
                        if period.is_none() {
                            "can't be blank"
                        } else {
                            "is invalid"
                        }
                        .into(),
                    );
                }
                if let Some(Value::Array(items)) = attrs.get_mut("items") {
                    for item in items.iter_mut() {
                        let kind = item
                            .get("item_type")
                            .and_then(Value::as_str)
                            .map(str::to_owned);
                        if !matches!(
                            kind.as_deref(),
                            Some("contract_item" | "contract_detail_item" | "change_order_item")
                        ) {
                            errors
                                .entry("items".into())
                                .or_default()
                                .push("item_type is not included in the list".into());
                            continue;
                        }
                        let line = item.get("line_item_id").and_then(|v| {
                            v.as_u64()
                                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                        });
                        let of_commitment = line
                            .and_then(|l| ctx.world().get(Kind::CommitmentLineItem, l))
                            .is_some_and(|l| l.deleted_at.is_none() && l.parent_id == commitment);
                        if kind.as_deref() == Some("contract_item") && !of_commitment {
                            errors
                                .entry("items".into())
                                .or_default()
                                .push("line_item_id is not a line of this commitment".into());
                        }
                        if let Value::Object(m) = item {
                            if let Some(l) = line {
                                m.insert("line_item_id".into(), json!(l));
                            }
                        }
                    }
                }
                attrs.entry("status").or_insert(json!("draft"));
                let number = ctx
                    .world()
                    .in_project(Kind::Requisition, place.project_id)
                    .filter(|r| r.deleted_at.is_none())
                    .count()
                    + 1;
                attrs.insert("number".into(), json!(number));
            }
            enum_check(
                attrs,
                "status",
                &[
                    "draft",
                    "under_review",
                    "revise_and_resubmit",
                    "approved",
                    "approved_as_noted",
                    "pending_owner_approval",
                ],
                &mut errors,
            );
        }
        Kind::ChangeOrderPackage | Kind::PrimeChangeOrder | Kind::CommitmentChangeOrder => {
            if creating {
                let contract = attrs
                    .get("contract_id")
                    .and_then(Value::as_u64)
                    .or_else(|| ctx.param("contract_id").and_then(|s| s.parse().ok()));
                let kinds: &[Kind] = match spec.kind {
                    Kind::PrimeChangeOrder => &[Kind::PrimeContract],
                    Kind::CommitmentChangeOrder => CONTRACTS,
                    _ => &[
                        Kind::PrimeContract,
                        Kind::WorkOrderContract,
                        Kind::PurchaseOrderContract,
                    ],
                };
                match contract.and_then(|c| kinds.iter().find_map(|k| ctx.world().get(*k, c))) {
                    Some(c) if c.project_id == place.project_id => {
                        attrs.insert("contract_id".into(), json!(c.id));
                    }
                    _ => {
                        errors
                            .entry("contract_id".into())
                            .or_default()
                            .push("is invalid".into());
                    }
                }
                attrs.entry("status").or_insert(json!("draft"));
            }
            enum_check(
                attrs,
                "status",
                &[
                    "draft",
                    "not_pricing",
                    "pricing",
                    "pending",
                    "revised",
                    "proceeding",
                    "not_proceeding",
                    "no_charge",
                    "approved",
                    "rejected",
                    "void",
                ],
                &mut errors,
            );
        }
        Kind::BillingPeriod if creating => {
            require(attrs, existing, &["start_date", "end_date"], &mut errors);
            attrs.entry("status").or_insert(json!("open"));
            attrs.insert("project_id".into(), json!(place.project_id));
            let position = ctx
                .world()
                .in_project(Kind::BillingPeriod, place.project_id)
                .filter(|b| b.deleted_at.is_none())
                .count()
                + 1;
            attrs.insert("position".into(), json!(position));
        }
        Kind::WbsCode => {
            enum_check(attrs, "status", &["active", "inactive"], &mut errors);
        }
        _ => {}
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Records Procore refuses to change. Errors name `base`, as Rails does for record-level rules.
pub fn editable(world: &World, r: &Record) -> Result<(), FieldErrors> {
    match r.kind {
        Kind::DirectCost if r.origin_id().is_some() => Err(errors_of(
            "base",
            "This direct cost has been synced with ERP and cannot be edited",
        )),
        Kind::Requisition if r.origin_id().is_some() => Err(errors_of(
            "base",
            "This invoice is not editable because it has been synced with ERP",
        )),
        Kind::CommitmentLineItem => {
            let locked = r
                .parent_id
                .and_then(|p| CONTRACTS.iter().find_map(|k| world.get(*k, p)))
                .is_some_and(|c| {
                    matches!(c.str_field("status"), Some("Approved") | Some("Complete"))
                });
            if locked {
                Err(errors_of(
                    "base",
                    "The schedule of values of an Approved or Complete commitment cannot be edited",
                ))
            } else {
                Ok(())
            }
        }
        Kind::DirectCostLineItem => {
            match r.parent_id.and_then(|p| world.get(Kind::DirectCost, p)) {
                Some(dc) if dc.origin_id().is_some() => Err(errors_of(
                    "base",
                    "This direct cost has been synced with ERP and cannot be edited",
                )),
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// Refusals that depend on the operation rather than a record (405 budget modifications,
/// locked SOVs on line creation).
pub fn before_write(ctx: &mut Ctx<'_>, spec: Spec, _id: Option<u64>) -> Result<(), Reply> {
    if spec.kind == Kind::BudgetLineItem {
        // A locked budget keeps its lines: creating or editing one is refused, whoever asks
        // (modifications and budget changes still go through, which is what a lock is for).
        let (_, project) = ctx.project()?;
        if ctx
            .world()
            .get(Kind::Project, project)
            .is_some_and(|p| p.data.get("budget_locked") == Some(Field::Bool(true)))
        {
            return Err(Reply::field_errors(
                StatusCode::UNPROCESSABLE_ENTITY,
                errors_of(
                    "base",
                    "The budget is locked: budget line items cannot be created or edited until it is unlocked",
                ),
                ErrorStyle::Rails,
            ));
        }
    }
    if spec.kind == Kind::BudgetModification {
        let company = ctx.header_company()?;
        if ctx.world().company_settings(company).budget_changes {
            return Err(Reply::json(
                StatusCode::METHOD_NOT_ALLOWED,
                json!({"errors": "Budget Modifications are deprecated for this company, which uses Budget Changes. Use the Budget Changes API."}),
            )
            .with_header("Allow", "GET"));
        }
    }
    if spec.kind == Kind::CommitmentLineItem {
        let contract = ctx
            .id_param("contract_id")
            .ok()
            .flatten()
            .and_then(|c| CONTRACTS.iter().find_map(|k| ctx.world().get(*k, c)));
        if contract
            .is_some_and(|c| matches!(c.str_field("status"), Some("Approved") | Some("Complete")))
        {
            return Err(Reply::field_errors(
                StatusCode::UNPROCESSABLE_ENTITY,
                errors_of(
                    "base",
                    "The schedule of values of an Approved or Complete commitment cannot be edited",
                ),
                ErrorStyle::Rails,
            ));
        }
    }
    Ok(())
}

/// Embedded line arrays (v1.1 direct costs) and project bookkeeping after a write.
pub fn after_write(
    ctx: &mut Ctx<'_>,
    spec: Spec,
    id: u64,
    lines: Option<Value>,
    created: bool,
) -> Result<(), FieldErrors> {
    if spec.kind == Kind::Project && created {
        let company = ctx
            .world()
            .get(Kind::Project, id)
            .map(|p| p.company_id)
            .unwrap_or_default();
        if ctx.world().company_settings(company).auto_add_projects {
            ctx.sim
                .world
                .company_settings_mut(company)
                .permitted_projects
                .insert(id);
        }
        let now = ctx.now();
        let view_id = ctx.sim.world.allocate_id(Kind::BudgetView);
        ctx.sim.world.insert(Record {
            kind: Kind::BudgetView,
            id: view_id,
            company_id: company,
            project_id: Some(id),
            parent_id: None,
            deleted_at: None,
            data: json!({"id": view_id, "name": "Procore Standard Budget", "description": "Default budget view", "role": "default", "created_at": now, "updated_at": now}).as_object().cloned().unwrap_or_default().into(),
        });
    }
    // Editing a schedule of values (or a change order of a contract) is a change of the
    // contract: its `updated_at` moves, so a list filtered on it shows the contract again.
    if matches!(
        spec.kind,
        Kind::CommitmentLineItem
            | Kind::PrimeContractLineItem
            | Kind::CommitmentChangeOrder
            | Kind::ChangeOrderPackage
            | Kind::PrimeChangeOrder
    ) {
        let contract = ctx
            .world()
            .get(spec.kind, id)
            .and_then(|r| r.u64_field("contract_id").or(r.parent_id));
        if let Some(contract) = contract {
            let now = ctx.now();
            for kind in [
                Kind::WorkOrderContract,
                Kind::PurchaseOrderContract,
                Kind::PrimeContract,
            ] {
                ctx.sim
                    .world
                    .update(kind, contract, |c| c.data.insert("updated_at", json!(now)));
            }
        }
    }
    if spec.kind == Kind::DirectCost {
        if let Some(Value::Array(lines)) = lines {
            let place = ctx.world().get(Kind::DirectCost, id).map(|r| Place {
                company_id: r.company_id,
                project_id: r.project_id,
                parent_id: Some(id),
            });
            let Some(place) = place else { return Ok(()) };
            let shape = crate::contract::operation(
                "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsPost",
            )
            .and_then(|op| op.body.as_ref())
            .and_then(|b| b.field("line_item"))
            .map(|f| f.shape.clone())
            .unwrap_or(crate::contract::Shape::Any);
            let line_spec = spec_of_line();
            for line in lines {
                let mut attrs = match super::permit(&line, &shape) {
                    Value::Object(m) => m,
                    _ => continue,
                };
                if let Some(amount) = line.get("manual_amount") {
                    attrs.insert(
                        "amount".into(),
                        super::permit(amount, &crate::contract::Shape::Num),
                    );
                }
                match line.get("id").and_then(Value::as_u64) {
                    Some(existing) if !created => {
                        if line.get("_delete").and_then(Value::as_bool) == Some(true) {
                            ctx.sim.world.remove(Kind::DirectCostLineItem, existing);
                        } else {
                            super::apply_update(ctx, line_spec, existing, attrs)?;
                        }
                    }
                    _ => {
                        super::insert_new(ctx, line_spec, place, attrs)?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn spec_of_line() -> Spec {
    spec(Kind::DirectCostLineItem)
}

pub fn after_delete(ctx: &mut Ctx<'_>, spec: Spec, id: u64) {
    if spec.kind == Kind::DirectCost {
        let now = ctx.now();
        let lines: Vec<u64> = ctx
            .world()
            .children(Kind::DirectCostLineItem, id)
            .filter(|l| l.deleted_at.is_none())
            .map(|l| l.id)
            .collect();
        for l in lines {
            ctx.sim.world.update(Kind::DirectCostLineItem, l, |r| {
                r.deleted_at = Some(now.clone())
            });
        }
    }
}

/// The container of one sync item, when items name it (direct cost line sync).
pub fn item_parent(
    ctx: &Ctx<'_>,
    spec: Spec,
    attrs: &Map<String, Value>,
) -> Result<Option<u64>, FieldErrors> {
    if spec.kind == Kind::DirectCostLineItem {
        if let Some(dc) = attrs.get("direct_cost_id").and_then(Value::as_u64) {
            let ok = ctx.world().get(Kind::DirectCost, dc).is_some_and(|d| {
                d.deleted_at.is_none()
                    && Some(d.project_id)
                        == Some(ctx.param("project_id").and_then(|p| p.parse().ok()))
            });
            if !ok {
                return Err(errors_of("direct_cost_id", "is invalid"));
            }
            return Ok(Some(dc));
        }
    }
    Ok(None)
}

/// A write refusal as an HTTP answer (Procore answers 409 for a duplicate company user).
pub fn write_error(spec: Spec, errors: FieldErrors) -> Reply {
    if spec.kind == Kind::CompanyUser
        && errors
            .get("email_address")
            .is_some_and(|m| m.iter().any(|m| m.contains("taken")))
    {
        return Reply::field_errors(StatusCode::CONFLICT, errors, ErrorStyle::Rails);
    }
    Reply::field_errors(StatusCode::UNPROCESSABLE_ENTITY, errors, spec.style)
}

/// Operations that are not plain CRUD over one kind.
pub fn special(ctx: &mut Ctx<'_>) -> Result<Option<Reply>, Reply> {
    let reply = match ctx.op.id {
        "RestV10MeGet" => {
            let user = ctx
                .caller
                .user_id
                .and_then(|u| ctx.world().auth.users.iter().find(|x| x.id == u));
            match user {
                Some(u) => Reply::ok(json!({"id": u.id, "login": u.email, "name": u.name})),
                None => Reply::ok(json!({"id": null, "login": null, "name": ctx.caller.client_id})),
            }
        }
        "RestV10CompaniesGet" => {
            let world = ctx.world();
            let items: Vec<Value> = world
                .live(Kind::Company)
                .filter(|c| ctx.caller.companies.contains(&c.id))
                .map(|c| {
                    crate::contract::render(
                        &view(world, c).into_value(),
                        ctx.op
                            .response
                            .items()
                            .unwrap_or(&crate::contract::Shape::Any),
                    )
                })
                .collect();
            let page = crate::query::page_of(&ctx.req.pairs, 1000);
            crate::query::paginate(items, page, ctx.api_url, &ctx.req.path, &ctx.req.pairs)
        }
        "RestV10CompaniesCompanyIdVendorsInactiveIdPatch" => {
            let company = ctx.company()?;
            let id = ctx
                .params
                .get("id")
                .and_then(|s| s.parse::<u64>().ok())
                .ok_or_else(Reply::not_found)?;
            let found = ctx
                .world()
                .get(Kind::Vendor, id)
                .is_some_and(|v| v.company_id == company && v.deleted_at.is_none());
            if !found {
                return Err(Reply::not_found());
            }
            let now = ctx.now();
            ctx.sim.world.update(Kind::Vendor, id, |v| {
                v.data.insert("is_active", json!(true));
                v.data.insert("updated_at", json!(now));
            });
            let world = ctx.world();
            let r = world.get(Kind::Vendor, id).ok_or_else(Reply::not_found)?;
            Reply::ok(super::represent(world, r, &crate::contract::Shape::Any))
        }
        "RestV10PrimeContractGet" => {
            let (_, project) = ctx.project()?;
            let world = ctx.world();
            match world
                .in_project(Kind::PrimeContract, Some(project))
                .find(|p| p.deleted_at.is_none())
            {
                Some(r) => Reply::ok(super::represent(world, r, &ctx.op.response)),
                None => return Err(Reply::not_found()),
            }
        }
        // The simulator does not deliver webhooks, so there is no delivery history.
        "RestV10WebhooksHooksHookIdDeliveriesGet" => {
            ctx.company()?;
            Reply::ok(json!([]))
        }
        "RestV10CommitmentsGet" | "RestV10CommitmentsIdGet" => super::budget::commitments(ctx)?,
        "RestV10BudgetViewsBudgetViewIdBudgetDetailColumnsGet"
        | "RestV10BudgetViewsBudgetViewIdDetailRowsGet" => super::budget::view_op(ctx)?,
        "RestV10ProjectsProjectIdBudgetChangesGet"
        | "RestV10ProjectsProjectIdBudgetChangesIdGet"
        | "RestV10ProjectsProjectIdBudgetChangesPost"
        | "RestV10ProjectsProjectIdBudgetChangesIdPatch" => super::budget::budget_change_op(ctx)?,
        "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesPost"
        | "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesBulkCreatePatch" => {
            super::budget::wbs_create(ctx)?
        }
        _ => return Ok(None),
    };
    Ok(Some(reply))
}
