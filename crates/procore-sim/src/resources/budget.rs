//! Budget computations (budget line item totals, budget view detail rows and columns), budget
//! changes (`{data: ...}` envelopes), WBS code creation, and the combined commitments list.

use http::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use super::kinds::{self, cost_code_full, wbs_flat_code};
use super::{errors_of, Ctx, Place};
use crate::contract::{self, Shape};
use crate::error::{ErrorStyle, Reply};
use crate::fields::{decimal as dec, Field};
use crate::state::{Kind, Record, World};

fn money(d: Decimal) -> Value {
    Value::String(format!("{:.2}", d.round_dp(2)))
}

struct Totals {
    original: Decimal,
    modifications: Decimal,
    approved_changes: Decimal,
    pending_changes: Decimal,
    committed: Decimal,
    direct: Decimal,
}

fn totals(world: &World, line: &Record) -> Totals {
    let original = dec(line.data.get("original_budget_amount"));
    let mut modifications = Decimal::ZERO;
    for m in world
        .in_project(Kind::BudgetModification, line.project_id)
        .filter(|m| m.deleted_at.is_none())
    {
        let amount = dec(m.data.get("transfer_amount"));
        if m.u64_field("to_budget_line_item_id") == Some(line.id) {
            modifications += amount;
        }
        if m.u64_field("from_budget_line_item_id") == Some(line.id) {
            modifications -= amount;
        }
    }
    let wbs = line.u64_field("wbs_code_id");
    let (mut approved_changes, mut pending_changes) = (Decimal::ZERO, Decimal::ZERO);
    for c in world
        .in_project(Kind::BudgetChange, line.project_id)
        .filter(|c| c.deleted_at.is_none())
    {
        let status = c.str_field("status").unwrap_or("draft");
        let sum: Decimal = c
            .data
            .get("adjustment_line_items")
            .and_then(Field::as_array)
            .into_iter()
            .flatten()
            .filter(|l| l.get("wbs_code_id").and_then(Value::as_u64) == wbs && wbs.is_some())
            .map(|l| dec(l.get("amount")))
            .sum();
        match status {
            "approved" => approved_changes += sum,
            "draft" | "under_review" => pending_changes += sum,
            _ => {}
        }
    }
    let same_code = |l: &Record| {
        l.u64_field("cost_code_id") == line.u64_field("cost_code_id")
            && l.u64_field("line_item_type_id") == line.u64_field("line_item_type_id")
            && l.project_id == line.project_id
    };
    // Lines of the same code share its cost code: that index narrows the search, unless the
    // budget line has none (then its code matches the project's lines without one).
    let same_code_lines = |kind: Kind| -> Box<dyn Iterator<Item = &Record> + '_> {
        let lines: Box<dyn Iterator<Item = &Record>> = match line.u64_field("cost_code_id") {
            Some(cost_code) => Box::new(world.referencing(kind, "cost_code_id", cost_code)),
            None => Box::new(world.in_project(kind, line.project_id)),
        };
        Box::new(lines.filter(|l| l.deleted_at.is_none()))
    };
    let committed: Decimal = same_code_lines(Kind::CommitmentLineItem)
        .filter(|l| same_code(l))
        .filter(|l| {
            l.parent_id
                .and_then(|p| {
                    [Kind::WorkOrderContract, Kind::PurchaseOrderContract]
                        .iter()
                        .find_map(|k| world.get(*k, p))
                })
                .is_some_and(|c| {
                    c.deleted_at.is_none()
                        && matches!(c.str_field("status"), Some("Approved") | Some("Complete"))
                })
        })
        .map(|l| dec(l.data.get("amount")))
        .sum();
    let direct: Decimal = same_code_lines(Kind::DirectCostLineItem)
        .filter(|l| same_code(l))
        .map(|l| dec(l.data.get("amount")))
        .sum();
    Totals {
        original,
        modifications,
        approved_changes,
        pending_changes,
        committed,
        direct,
    }
}

/// Computed columns of a budget line item (v1.0 show).
pub fn line_view(world: &World, r: &Record) -> Map<String, Value> {
    let t = totals(world, r);
    let revised = t.original + t.modifications + t.approved_changes;
    let projected_costs = t.committed + t.direct;
    let mut v = Map::new();
    v.insert("original_budget_amount".into(), money(t.original));
    v.insert("budget_modifications".into(), money(t.modifications));
    v.insert("approved_budget_changes".into(), money(t.approved_changes));
    v.insert("revised_budget".into(), money(revised));
    v.insert("pending_budget_changes".into(), money(t.pending_changes));
    v.insert(
        "projected_budget".into(),
        money(revised + t.pending_changes),
    );
    v.insert("committed_costs".into(), money(t.committed));
    v.insert("direct_costs".into(), money(t.direct));
    v.insert("pending_cost_changes".into(), money(Decimal::ZERO));
    v.insert("projected_costs".into(), money(projected_costs));
    v.insert("budget_forecast".into(), money(projected_costs));
    v.insert(
        "estimated_cost_at_completion".into(),
        money(projected_costs),
    );
    v.insert(
        "projected_over_under".into(),
        money(revised - projected_costs),
    );
    let cc = r
        .u64_field("cost_code_id")
        .and_then(|id| world.get(Kind::CostCode, id));
    v.insert("cost_code".into(), cc.map_or(Value::Null, |c| json!({"id": c.id, "name": c.str_field("name"), "code": c.str_field("code"), "full_code": cost_code_full(world, c)})));
    let division = cc.map(|c| {
        let mut top = c;
        while let Some(p) = top
            .u64_field("parent_id")
            .and_then(|p| world.get(Kind::CostCode, p))
        {
            top = p;
        }
        top
    });
    v.insert("division".into(), division.map_or(Value::Null, |d| json!({"id": d.id, "name": d.str_field("name"), "full_code": cost_code_full(world, d)})));
    let t = r
        .u64_field("line_item_type_id")
        .and_then(|id| world.get(Kind::LineItemType, id));
    v.insert(
        "line_item_type".into(),
        t.map_or(
            Value::Null,
            |t| json!({"id": t.id, "name": t.str_field("name")}),
        ),
    );
    let w = r
        .u64_field("wbs_code_id")
        .and_then(|id| world.get(Kind::WbsCode, id));
    v.insert("wbs_code".into(), w.map_or(Value::Null, |w| json!({"id": w.id, "flat_code": wbs_flat_code(world, w), "description": w.str_field("description")})));
    v.insert(
        "currency_configuration".into(),
        json!({"currency_iso_code": "CAD"}),
    );
    v
}

/// Columns of the default view: the fixed ones plus source columns whose ids are the extra keys
/// of each detail row.
const COLUMNS: &[(&str, &str, &str)] = &[
    ("original_budget_amount", "Original Budget Amount", "source"),
    ("budget_modifications", "Budget Modifications", "source"),
    (
        "approved_budget_changes",
        "Approved Budget Changes",
        "source",
    ),
    ("revised_budget", "Revised Budget", "standard"),
    ("pending_budget_changes", "Pending Budget Changes", "source"),
    ("projected_budget", "Projected Budget", "standard"),
    ("committed_costs", "Committed Costs", "source"),
    ("direct_costs", "Direct Costs", "source"),
    ("projected_costs", "Projected Costs", "standard"),
    ("budget_forecast", "Forecast To Complete", "source"),
    (
        "estimated_cost_at_completion",
        "Estimated Cost at Completion",
        "standard",
    ),
    ("projected_over_under", "Projected over Under", "standard"),
];

pub fn view_op(ctx: &mut Ctx<'_>) -> Result<Reply, Reply> {
    let (_, project) = ctx.project()?;
    let view_id = ctx
        .params
        .get("budget_view_id")
        .and_then(|s| s.parse::<u64>().ok());
    let world = ctx.world();
    let found = view_id
        .and_then(|id| world.get(Kind::BudgetView, id))
        .filter(|v| v.project_id == Some(project));
    if found.is_none() {
        return Err(Reply::not_found());
    }
    if ctx.op.id == "RestV10BudgetViewsBudgetViewIdBudgetDetailColumnsGet" {
        let items: Vec<Value> = COLUMNS
            .iter()
            .enumerate()
            .map(|(i, (id, name, kind))| json!({"id": id, "name": name, "type": kind, "position": i, "aggregatable": true, "filterable": false, "groupable": false}))
            .collect();
        return Ok(Reply::ok(contract::render(
            &Value::Array(items),
            &ctx.op.response,
        )));
    }
    let wanted: Vec<u64> = crate::query::all_values(&ctx.req.pairs, "budget_line_item_id")
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    let cost_codes: Vec<u64> = crate::query::all_values(&ctx.req.pairs, "cost_code_id")
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    let row_shape = ctx.op.response.items().cloned().unwrap_or(Shape::Any);
    let project_name = world
        .get(Kind::Project, project)
        .and_then(|p| p.str_field("name"))
        .map(str::to_owned);
    let lines: Vec<&Record> = world
        .in_project(Kind::BudgetLineItem, Some(project))
        .filter(|l| l.deleted_at.is_none())
        .filter(|l| wanted.is_empty() || wanted.contains(&l.id))
        .filter(|l| {
            cost_codes.is_empty()
                || l.u64_field("cost_code_id")
                    .is_some_and(|c| cost_codes.contains(&c))
        })
        .collect();
    // Each row sums the line's modifications, changes and costs: only the page's are computed.
    let row_of = |line: &Record, out: &mut Vec<u8>| {
        let computed = line_view(world, line);
        let cc = line
            .u64_field("cost_code_id")
            .and_then(|id| world.get(Kind::CostCode, id));
        let division = computed.get("division").cloned().unwrap_or(Value::Null);
        let category = line
            .u64_field("line_item_type_id")
            .and_then(|id| world.get(Kind::LineItemType, id));
        let mut row = json!({
            "id": line.id,
            "deletable": true,
            "company_id": line.company_id,
            "company": world.company_name(line.company_id),
            "project_id": project,
            "project": project_name,
            "wbs_code_id": line.u64_field("wbs_code_id"),
            "biller_id": project,
            "biller": project_name,
            "biller_type": "Project",
            "root_cost_code_id": division.get("id"),
            "root_cost_code": division.get("name"),
            "cost_code_id": cc.map(|c| c.id),
            "cost_code": cc.and_then(|c| c.str_field("name")),
            "cost_code_origin_id": cc.and_then(|c| c.origin_id()),
            "category_id": category.map(|c| c.id),
            "category": category.and_then(|c| c.str_field("name")),
            "original_budget_amount": computed.get("original_budget_amount"),
            "budget_modifications": computed.get("budget_modifications"),
            "budget_forecast": {
                "id": line.id,
                "amount": computed.get("budget_forecast"),
                "manual_amount": null,
                "automatic_amount": computed.get("budget_forecast"),
                "automatically_calculated": true,
                "calculation_strategy": "automatic",
                "notes": null
            },
            "currency_configuration": {"currency_iso_code": "CAD"},
            "unbudgeted_reason": null,
        });
        for (id, _, _) in COLUMNS {
            if row.get(*id).is_none() {
                row[*id] = computed.get(*id).cloned().unwrap_or(Value::Null);
            }
        }
        contract::write_rendered(&row, &row_shape, out);
    };
    let page = crate::query::page_of(&ctx.req.pairs, 1000);
    Ok(crate::query::paginate_with(
        lines,
        row_of,
        page,
        ctx.api_url,
        &ctx.req.path,
        &ctx.req.pairs,
    ))
}

fn change_view(r: &Record) -> Value {
    let mut v = r.data.to_map();
    v.insert("id".into(), json!(r.id));
    let amount: Decimal = v
        .get("adjustment_line_items")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|l| dec(l.get("amount")))
        .sum();
    v.insert("amount".into(), money(amount));
    v.insert(
        "currency_configuration".into(),
        json!({"currency_iso_code": "CAD"}),
    );
    Value::Object(v)
}

pub fn budget_change_op(ctx: &mut Ctx<'_>) -> Result<Reply, Reply> {
    let spec = super::spec_of(Kind::BudgetChange);
    let (company, project) = ctx.project()?;
    let place = Place {
        company_id: company,
        project_id: Some(project),
        parent_id: None,
    };
    let id = ctx.params.get("id").and_then(|s| s.parse::<u64>().ok());
    let find = |world: &World, id: Option<u64>| {
        id.and_then(|id| world.get(Kind::BudgetChange, id))
            .filter(|r| r.project_id == Some(project) && r.deleted_at.is_none())
            .map(|r| r.id)
    };
    let body = ctx.req.body.as_object().cloned().unwrap_or_default();
    let shape = ctx.op.body.clone().unwrap_or(Shape::Any);
    match ctx.op.id {
        "RestV10ProjectsProjectIdBudgetChangesGet" => {
            let items: Vec<Value> = ctx
                .world()
                .in_project(Kind::BudgetChange, Some(project))
                .filter(|r| r.deleted_at.is_none())
                .map(change_view)
                .collect();
            Ok(Reply::ok(json!({ "data": items })))
        }
        "RestV10ProjectsProjectIdBudgetChangesIdGet" => {
            let id = find(ctx.world(), id).ok_or_else(Reply::not_found)?;
            let r = ctx
                .world()
                .get(Kind::BudgetChange, id)
                .ok_or_else(Reply::not_found)?;
            Ok(Reply::ok(json!({ "data": change_view(r) })))
        }
        "RestV10ProjectsProjectIdBudgetChangesPost" => {
            let Value::Object(attrs) = super::permit(&Value::Object(body), &shape) else {
                return Err(Reply::bad_request("The request body must be a JSON object"));
            };
            let id = super::insert_new(ctx, spec, place, attrs).map_err(|e| {
                Reply::field_errors(StatusCode::UNPROCESSABLE_ENTITY, e, ErrorStyle::Budget)
            })?;
            let r = ctx
                .world()
                .get(Kind::BudgetChange, id)
                .ok_or_else(Reply::not_found)?;
            Ok(Reply::json(
                StatusCode::CREATED,
                json!({ "data": change_view(r) }),
            ))
        }
        _ => {
            let id = find(ctx.world(), id).ok_or_else(Reply::not_found)?;
            let Value::Object(mut attrs) = super::permit(&Value::Object(body), &shape) else {
                return Err(Reply::bad_request("The request body must be a JSON object"));
            };
            // Lines are patched by id; `_delete: true` removes one.
            if let Some(Value::Array(patch)) = attrs.remove("adjustment_line_items") {
                let mut lines: Vec<Value> = ctx
                    .world()
                    .get(Kind::BudgetChange, id)
                    .and_then(|r| r.data.get("adjustment_line_items"))
                    .and_then(Field::as_array)
                    .cloned()
                    .unwrap_or_default();
                for p in patch {
                    match p.get("id").and_then(Value::as_u64) {
                        Some(line_id) => {
                            if p.get("_delete").and_then(Value::as_bool) == Some(true) {
                                lines.retain(|l| {
                                    l.get("id").and_then(Value::as_u64) != Some(line_id)
                                });
                            } else if let Some(l) = lines
                                .iter_mut()
                                .find(|l| l.get("id").and_then(Value::as_u64) == Some(line_id))
                            {
                                if let (Some(l), Some(p)) = (l.as_object_mut(), p.as_object()) {
                                    l.extend(p.clone());
                                }
                            } else {
                                return Err(Reply::field_errors(
                                    StatusCode::UNPROCESSABLE_ENTITY,
                                    errors_of(
                                        "adjustment_line_items",
                                        "contains an unknown line id",
                                    ),
                                    ErrorStyle::Budget,
                                ));
                            }
                        }
                        None => lines.push(p),
                    }
                }
                attrs.insert("adjustment_line_items".into(), Value::Array(lines));
            }
            super::apply_update(ctx, spec, id, attrs).map_err(|e| {
                Reply::field_errors(StatusCode::UNPROCESSABLE_ENTITY, e, ErrorStyle::Budget)
            })?;
            let r = ctx
                .world()
                .get(Kind::BudgetChange, id)
                .ok_or_else(Reply::not_found)?;
            Ok(Reply::ok(json!({ "data": change_view(r) })))
        }
    }
}

/// WBS code creation from segment items. The simulator's segments are the default ones:
/// `sub_job`, `cost_code` and `cost_type` (line item type); segment item ids are those records'
/// ids. An existing combination only has its description updated.
pub fn wbs_create(ctx: &mut Ctx<'_>) -> Result<Reply, Reply> {
    let (company, project) = ctx.project()?;
    let entries: Vec<Value> = if ctx.op.id.ends_with("BulkCreatePatch") {
        ctx.req
            .body
            .get("bulk")
            .and_then(Value::as_array)
            .cloned()
            .ok_or_else(|| Reply::bad_request("param is missing or the value is empty: bulk"))?
    } else {
        vec![ctx.req.body.clone()]
    };
    let mut created = Vec::new();
    let mut errors = Vec::new();
    for entry in entries {
        let items = entry
            .get("segment_items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let (mut cc, mut t, mut sj) = (None, None, None);
        let mut wrong_segment = false;
        let number = |v: Option<&Value>| {
            v.and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
        };
        for item in &items {
            let Some(id) = number(item.get("segment_item_id")) else {
                continue;
            };
            let segment = number(item.get("segment_id"));
            let world = ctx.world();
            // Each item names its segment, as Procore wants; an item given under another
            // segment's id is refused rather than guessed.
            let (slot, expected) = if world
                .get(Kind::CostCode, id)
                .is_some_and(|c| c.project_id == Some(project))
            {
                (&mut cc, kinds::WBS_SEGMENTS[1].0)
            } else if world
                .get(Kind::LineItemType, id)
                .is_some_and(|c| c.company_id == company)
            {
                (&mut t, kinds::WBS_SEGMENTS[2].0)
            } else if world
                .get(Kind::SubJob, id)
                .is_some_and(|c| c.project_id == Some(project))
            {
                (&mut sj, kinds::WBS_SEGMENTS[0].0)
            } else {
                continue;
            };
            if segment == Some(expected) {
                *slot = Some(id);
            } else {
                wrong_segment = true;
            }
        }
        if wrong_segment {
            errors.push(
                json!({"segment_items": ["segment_id does not match the segment of the item"]}),
            );
            continue;
        }
        let (Some(cc), Some(t)) = (cc, t) else {
            errors.push(json!({"segment_items": ["must include a cost code and a cost type of this project"]}));
            continue;
        };
        let description = entry.get("description").cloned().unwrap_or(Value::Null);
        let existing = ctx
            .world()
            .referencing(Kind::WbsCode, "cost_code_id", cc)
            .find(|w| {
                w.deleted_at.is_none()
                    && w.project_id == Some(project)
                    && w.u64_field("line_item_type_id") == Some(t)
                    && w.u64_field("sub_job_id") == sj
            })
            .map(|w| w.id);
        let now = ctx.now();
        let id = match existing {
            Some(id) => {
                // Only a description given replaces the code's own.
                if entry.get("description").is_some() {
                    ctx.sim.world.update(Kind::WbsCode, id, |w| {
                        w.data.insert("description", description);
                        w.data.insert("updated_at", json!(now));
                    });
                }
                id
            }
            None => {
                let id = ctx.sim.world.allocate_id(Kind::WbsCode);
                ctx.sim.world.insert(Record {
                    kind: Kind::WbsCode,
                    id,
                    company_id: company,
                    project_id: Some(project),
                    parent_id: None,
                    deleted_at: None,
                    data: json!({"id": id, "cost_code_id": cc, "line_item_type_id": t, "sub_job_id": sj, "description": description, "status": "active", "created_at": now, "updated_at": now}).as_object().cloned().unwrap_or_default().into(),
                });
                id
            }
        };
        created.push(id);
    }
    let world = ctx.world();
    let show =
        &contract::operation("RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesIdPatch")
            .expect("wbs show")
            .response;
    let views: Vec<Value> = created
        .iter()
        .filter_map(|id| world.get(Kind::WbsCode, *id))
        .map(|r| super::represent(world, r, show))
        .collect();
    if ctx.op.id.ends_with("BulkCreatePatch") {
        let mut answer = super::entities_and_errors(views, errors);
        contract::render_in_place(&mut answer, &ctx.op.response);
        return Ok(Reply::json(StatusCode::CREATED, answer));
    }
    match views.into_iter().next() {
        Some(v) => Ok(Reply::json(StatusCode::CREATED, v)),
        None => Err(Reply::field_errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            errors_of(
                "segment_items",
                "must include a cost code and a cost type of this project",
            ),
            ErrorStyle::Rails,
        )),
    }
}

/// The combined read-only commitments list and show (work orders and purchase orders).
pub fn commitments(ctx: &mut Ctx<'_>) -> Result<Reply, Reply> {
    let (_, project) = ctx.project()?;
    let world = ctx.world();
    let kinds = [Kind::WorkOrderContract, Kind::PurchaseOrderContract];
    if ctx.op.id == "RestV10CommitmentsIdGet" {
        let id = ctx.params.get("id").and_then(|s| s.parse::<u64>().ok());
        let r = id
            .and_then(|id| kinds.iter().find_map(|k| world.get(*k, id)))
            .filter(|r| r.project_id == Some(project) && r.deleted_at.is_none())
            .ok_or_else(Reply::not_found)?;
        return Ok(Reply::ok(super::represent(world, r, &ctx.op.response)));
    }
    let mut all: Vec<&Record> = kinds
        .iter()
        .flat_map(|k| world.in_project(*k, Some(project)))
        .filter(|r| r.deleted_at.is_none())
        .collect();
    all.sort_by_key(|r| r.id);
    let filters = crate::query::filters(&ctx.req.pairs);
    let items: Vec<&Record> = all
        .into_iter()
        .filter(|r| {
            crate::query::matches(r, &filters, &|f| {
                f == "status" || f == "vendor_id" || f == "origin_id"
            })
        })
        .collect();
    let page = crate::query::page_of(&ctx.req.pairs, 1000);
    Ok(crate::query::paginate_with(
        items,
        |r, out| super::represent_into(world, r, &ctx.op.response, out),
        page,
        ctx.api_url,
        &ctx.req.path,
        &ctx.req.pairs,
    ))
}
