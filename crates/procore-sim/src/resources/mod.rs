//! REST resources. A generic engine (list, show, create, update, delete, sync) driven by one
//! [`Spec`] per record kind and the operation contract; kind-specific rules (computed fields,
//! read-only records, extra validation) live in `kinds`, budget computations in `budget`.

mod budget;
mod kinds;

use http::StatusCode;
use serde_json::{json, Map, Value};
use url::Url;

use crate::auth::Caller;
use crate::contract::{self, BodyProblem, Operation, Shape};
use crate::error::{ErrorStyle, FieldErrors, Handled, Reply};
use crate::query;
use crate::server::{Incoming, PathParams};
use crate::state::{Kind, Record, Sim, World};

pub use kinds::refresh_derived;

/// Everything a handler sees.
pub struct Ctx<'a> {
    pub sim: &'a mut Sim,
    pub req: &'a Incoming,
    pub op: &'static Operation,
    pub params: PathParams,
    pub caller: Caller,
    pub company_id: Option<u64>,
    pub api_url: &'a Url,
}

impl<'a> Ctx<'a> {
    pub fn new(
        sim: &'a mut Sim,
        req: &'a Incoming,
        operation_id: &str,
        params: PathParams,
        caller: Caller,
        company_id: Option<u64>,
        api_url: &'a Url,
    ) -> Self {
        let op = contract::operation(operation_id).expect("routed operations are in the contract");
        Ctx {
            sim,
            req,
            op,
            params,
            caller,
            company_id,
            api_url,
        }
    }

    /// A scope or lookup parameter from the path, the query, or the top level of the body.
    pub fn param(&self, name: &str) -> Option<String> {
        self.params
            .get(name)
            .cloned()
            .or_else(|| self.req.query_param(name).map(str::to_owned))
            .or_else(|| {
                self.req.body.get(name).and_then(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
            })
            .filter(|s| !s.is_empty())
    }

    pub fn id_param(&self, name: &str) -> Result<Option<u64>, Reply> {
        match self.param(name) {
            None => Ok(None),
            Some(text) => text.parse::<u64>().map(Some).map_err(|_| {
                Reply::field_errors(
                    StatusCode::BAD_REQUEST,
                    errors_of(name, "must be an integer"),
                    ErrorStyle::Rails,
                )
            }),
        }
    }

    pub fn now(&self) -> String {
        self.sim.clock.stamp()
    }

    pub fn world(&self) -> &World {
        &self.sim.world
    }

    pub fn header_company(&self) -> Result<u64, Reply> {
        self.company_id
            .ok_or_else(|| Reply::bad_request("Missing Procore-Company-Id header!"))
    }

    /// The company a company-scoped call acts on: explicit `company_id`, else the header.
    pub fn company(&self) -> Result<u64, Reply> {
        let header = self.header_company()?;
        match self.id_param("company_id")? {
            None => Ok(header),
            Some(id)
                if self.caller.companies.contains(&id)
                    && self.world().get(Kind::Company, id).is_some() =>
            {
                if id != header {
                    // The header selects the company; a different explicit id is invisible.
                    return Err(Reply::not_found());
                }
                Ok(id)
            }
            Some(id) if self.world().get(Kind::Company, id).is_some() => {
                Err(Reply::forbidden("You do not have access to this company"))
            }
            Some(_) => Err(Reply::not_found()),
        }
    }

    /// The project a project-scoped call acts on: must belong to the header company and be
    /// permitted for the app.
    pub fn project(&self) -> Result<(u64, u64), Reply> {
        let company = self.header_company()?;
        let Some(project_id) = self.id_param("project_id")? else {
            return Err(Reply::bad_request(
                "param is missing or the value is empty: project_id",
            ));
        };
        self.project_by_id(company, project_id)
    }

    pub fn project_by_id(&self, company: u64, project_id: u64) -> Result<(u64, u64), Reply> {
        match self.world().get(Kind::Project, project_id) {
            Some(p) if p.company_id == company && p.deleted_at.is_none() => {}
            _ => return Err(Reply::not_found()),
        }
        if !self.world().project_permitted(company, project_id) {
            return Err(Reply::forbidden("This project is not permitted for this app. Ask a company administrator to add it in App Management."));
        }
        Ok((company, project_id))
    }
}

pub fn errors_of(field: &str, message: &str) -> FieldErrors {
    let mut e = FieldErrors::new();
    e.insert(field.to_owned(), vec![message.to_owned()]);
    e
}

/// How a kind is scoped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Company,
    Project,
}

/// Where a record sits, once resolved from the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub company_id: u64,
    pub project_id: Option<u64>,
    pub parent_id: Option<u64>,
}

/// Static description of a record kind.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub kind: Kind,
    pub scope: Scope,
    /// The operation whose response shape is the kind's show representation.
    pub show_op: &'static str,
    /// Path/query parameter naming the container record, and its kinds.
    pub parent: Option<(&'static str, &'static [Kind])>,
    pub style: ErrorStyle,
    pub origin_unique: bool,
}

/// Operation → what the engine does with it.
#[derive(Debug, Clone, Copy)]
enum Action {
    List(Kind),
    Show(Kind),
    Create(Kind),
    Update(Kind),
    Delete(Kind),
    Sync(Kind),
}

pub fn dispatch(ctx: &mut Ctx<'_>) -> Handled {
    check_required_params(ctx)?;
    if let Some(reply) = kinds::special(ctx)? {
        return Ok(reply);
    }
    let Some(action) = action_of(ctx.op.id) else {
        return Err(Reply::not_found());
    };
    match action {
        Action::List(kind) => list(ctx, kinds::spec(kind)),
        Action::Show(kind) => show(ctx, kinds::spec(kind)),
        Action::Create(kind) => create(ctx, kinds::spec(kind)),
        Action::Update(kind) => update(ctx, kinds::spec(kind)),
        Action::Delete(kind) => delete(ctx, kinds::spec(kind)),
        Action::Sync(kind) => sync(ctx, kinds::spec(kind)),
    }
}

fn check_required_params(ctx: &Ctx<'_>) -> Result<(), Reply> {
    for (location, name) in &ctx.op.required_params {
        if *location == 'q' && ctx.param(name).is_none() {
            return Err(Reply::bad_request(&format!(
                "param is missing or the value is empty: {name}"
            )));
        }
    }
    Ok(())
}

fn action_of(op: &str) -> Option<Action> {
    use Action::*;
    use Kind as K;
    let kind_of = |stem: &str| -> Option<Kind> {
        Some(match stem {
            "RestV10Projects" | "RestV11Projects" => K::Project,
            "RestV10Vendors" | "RestV10CompaniesCompanyIdVendorsInactive" => K::Vendor,
            "RestV13CompaniesCompanyIdUsers" => K::CompanyUser,
            "RestV10CostCodes" => K::CostCode,
            "RestV10StandardCostCodeLists" => K::StandardCostCodeList,
            "RestV10StandardCostCodes" => K::StandardCostCode,
            "RestV10LineItemTypes" => K::LineItemType,
            "RestV10SubJobs" => K::SubJob,
            "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodes" => K::WbsCode,
            "RestV10CompaniesCompanyIdUoms" => K::Uom,
            "RestV10TaxCodes" => K::TaxCode,
            "RestV10BudgetLineItems" | "RestV11BudgetLineItems" => K::BudgetLineItem,
            "RestV10BudgetViews" => K::BudgetView,
            "RestV10ProjectsProjectIdBudgetModifications" => K::BudgetModification,
            "RestV10ProjectsProjectIdBudgetChanges" => K::BudgetChange,
            "RestV10PrimeContract" | "RestV10PrimeContracts" => K::PrimeContract,
            "RestV10PrimeContractsPrimeContractIdLineItems" => K::PrimeContractLineItem,
            "RestV10ProjectsProjectIdPrimeChangeOrders" => K::PrimeChangeOrder,
            "RestV10ProjectsProjectIdCommitmentChangeOrders" => K::CommitmentChangeOrder,
            "RestV10ChangeOrderPackages" => K::ChangeOrderPackage,
            "RestV10WorkOrderContracts" => K::WorkOrderContract,
            "RestV10PurchaseOrderContracts" => K::PurchaseOrderContract,
            "RestV10WorkOrderContractsWorkOrderContractIdLineItems"
            | "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItems" => {
                K::CommitmentLineItem
            }
            "RestV10ProjectsProjectIdDirectCosts" | "RestV11ProjectsProjectIdDirectCosts" => {
                K::DirectCost
            }
            "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItems"
            | "RestV10ProjectsProjectIdDirectCostsLineItems" => K::DirectCostLineItem,
            "RestV10Requisitions" | "RestV11Requisitions" => K::Requisition,
            "RestV10ProjectsProjectIdBillingPeriods" => K::BillingPeriod,
            "RestV10WebhooksHooks" => K::WebhookHook,
            "RestV10WebhooksHooksHookIdTriggers" => K::WebhookTrigger,
            _ => return None,
        })
    };
    for (suffix, make) in [
        ("IdGet", Show as fn(Kind) -> Action),
        ("IdPatch", Update),
        ("IdDelete", Delete),
        ("SyncPatch", Sync),
        ("SyncPost", Sync),
        ("Get", List),
        ("Post", Create),
    ] {
        if let Some(stem) = op.strip_suffix(suffix) {
            if let Some(kind) = kind_of(stem) {
                return Some(make(kind));
            }
        }
    }
    None
}

/// The attributes object of a write body: the wrapper key the contract names (e.g.
/// `vendor`), else the body itself. Returns the wrapper's shape too.
fn wrapper(op: &Operation, body: &Value) -> (Option<String>, Value, Shape) {
    if let Some(Shape::Object(fields)) = &op.body {
        let chosen = fields
            .iter()
            .filter(|f| {
                matches!(f.shape, Shape::Object(_))
                    && f.name != "attachments"
                    && f.name != "currency_configuration"
            })
            .max_by_key(|f| f.required);
        if let Some(f) = chosen {
            return (
                Some(f.name.clone()),
                body.get(&f.name).cloned().unwrap_or(Value::Null),
                f.shape.clone(),
            );
        }
        return (None, body.clone(), Shape::Object(fields.clone()));
    }
    (None, body.clone(), Shape::Any)
}

/// Converts permitted attributes to their stored form: amounts become exact decimal strings,
/// integers numbers, unknown keys are dropped (Rails strong parameters).
pub fn permit(value: &Value, shape: &Shape) -> Value {
    match (shape, value) {
        (_, Value::Null) => Value::Null,
        (Shape::Object(fields), Value::Object(map)) => {
            let mut out = Map::new();
            for f in fields {
                if let Some(v) = map.get(&f.name) {
                    out.insert(f.name.clone(), permit(v, &f.shape));
                }
            }
            // Custom fields and line arrays are passed through for the kind rules.
            for (k, v) in map {
                if k.starts_with("custom_field_") || k == "line_items" || k == "_delete" {
                    out.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            Value::Object(out)
        }
        (Shape::Array(inner), Value::Array(items)) => {
            Value::Array(items.iter().map(|v| permit(v, inner)).collect())
        }
        (Shape::Int, Value::String(s)) => s.trim().parse::<i64>().map_or(Value::Null, Value::from),
        (Shape::Num, Value::Number(n)) => Value::String(contract::number_text(n)),
        (Shape::Num, Value::String(s)) if s.trim().is_empty() => Value::Null,
        (Shape::Num, Value::String(s)) => Value::String(s.trim().to_owned()),
        (Shape::Bool, Value::String(s)) => Value::Bool(matches!(s.as_str(), "true" | "1")),
        (Shape::Str(_), Value::Number(n)) => Value::String(contract::number_text(n)),
        (Shape::Str(_), Value::Bool(b)) => Value::String(b.to_string()),
        _ => value.clone(),
    }
}

fn problems_reply(problems: Vec<BodyProblem>, style: ErrorStyle) -> Option<Reply> {
    if problems.is_empty() {
        return None;
    }
    let mut bad_request = FieldErrors::new();
    let mut invalid = FieldErrors::new();
    for p in problems {
        match p {
            BodyProblem::Missing(f) => {
                return Some(Reply::bad_request(&format!(
                    "param is missing or the value is empty: {f}"
                )));
            }
            BodyProblem::WrongType { field, expected } => bad_request
                .entry(field)
                .or_default()
                .push(format!("must be {expected}")),
            BodyProblem::Blank(f) => invalid.entry(f).or_default().push("can't be blank".into()),
            BodyProblem::NotInList(f) => invalid
                .entry(f)
                .or_default()
                .push("is not included in the list".into()),
        }
    }
    if !bad_request.is_empty() {
        return Some(Reply::field_errors(
            StatusCode::BAD_REQUEST,
            bad_request,
            ErrorStyle::Rails,
        ));
    }
    Some(Reply::field_errors(
        StatusCode::UNPROCESSABLE_ENTITY,
        invalid,
        style,
    ))
}

/// Per-item problems of a sync entry (no 400s inside a sync: every problem is the item's).
fn item_problems(problems: Vec<BodyProblem>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for p in problems {
        let (f, m) = match p {
            BodyProblem::Missing(f) | BodyProblem::Blank(f) => (f, "can't be blank".to_owned()),
            BodyProblem::WrongType { field, expected } => (field, format!("must be {expected}")),
            BodyProblem::NotInList(f) => (f, "is not included in the list".to_owned()),
        };
        errors.entry(f).or_default().push(m);
    }
    errors
}

/// The container id of the request: the spec's parameter, or the path parameter that names the
/// container on commitment-line routes (`/work_order_contracts/{work_order_contract_id}/…`).
fn container_id(ctx: &Ctx<'_>, param: &str) -> Result<Option<u64>, Reply> {
    if let Some(id) = ctx.id_param(param)? {
        return Ok(Some(id));
    }
    match kinds::parent_kind_for_op(ctx.op.id) {
        Some(Kind::WorkOrderContract) => ctx.id_param("work_order_contract_id"),
        Some(Kind::PurchaseOrderContract) => ctx.id_param("purchase_order_contract_id"),
        _ => Ok(None),
    }
}

/// Resolves where the request acts.
fn place(ctx: &Ctx<'_>, spec: Spec) -> Result<Place, Reply> {
    let (company_id, project_id) = match spec.scope {
        Scope::Company => (ctx.company()?, None),
        Scope::Project => {
            let (c, p) = ctx.project()?;
            (c, Some(p))
        }
    };
    let parent_id = match spec.parent {
        Some((param, kinds)) => match container_id(ctx, param)? {
            Some(id) => {
                let parent = kinds
                    .iter()
                    .filter_map(|k| ctx.world().get(*k, id))
                    .find(|r| {
                        r.company_id == company_id
                            && r.deleted_at.is_none()
                            && (project_id.is_none() || r.project_id == project_id)
                    });
                // Both WO and PO contracts hold commitment lines: the path says which.
                let expected = kinds::parent_kind_for_op(ctx.op.id);
                match parent {
                    Some(p) if expected.is_none_or(|k| k == p.kind) => Some(id),
                    _ => return Err(Reply::not_found()),
                }
            }
            None => None,
        },
        None => None,
    };
    Ok(Place {
        company_id,
        project_id,
        parent_id,
    })
}

fn visible(record: &Record, place: &Place, spec: Spec) -> bool {
    record.company_id == place.company_id
        && (spec.scope == Scope::Company || record.project_id == place.project_id)
        && (place.parent_id.is_none() || record.parent_id == place.parent_id)
}

/// The kind's full representation, rendered with `op`'s shape.
pub fn represent(world: &World, record: &Record, shape: &Shape) -> Value {
    let mut view = kinds::view(world, record).into_value();
    match shape {
        Shape::Array(inner) => contract::render_in_place(&mut view, inner),
        // A list whose items the contract leaves undescribed: each item is the full record.
        Shape::AnyArray => {}
        other => contract::render_in_place(&mut view, other),
    }
    view
}

/// [`represent`] written as JSON text straight from the record, with one of the contract's
/// shapes.
pub fn represent_into(world: &World, record: &Record, shape: &'static Shape, out: &mut Vec<u8>) {
    static ANY: Shape = Shape::Any;
    let view = kinds::view(world, record);
    match shape {
        Shape::Array(inner) => view.write(inner, out),
        Shape::AnyArray => view.write(&ANY, out),
        other => view.write(other, out),
    }
}

fn show_shape(spec: Spec) -> &'static Shape {
    &contract::operation(spec.show_op)
        .expect("show operation exists")
        .response
}

fn list(ctx: &mut Ctx<'_>, spec: Spec) -> Handled {
    let place = place(ctx, spec)?;
    let filters = query::filters(&ctx.req.pairs);
    let include_deleted = filters
        .get("include_deleted")
        .and_then(|v| v.first())
        .map(String::as_str);
    let shape = show_shape(spec);
    let known = |f: &str| shape.field(f).is_some() || f == "origin_id" || f.ends_with("_id");
    let world = ctx.world();
    let mut items = Vec::new();
    for r in candidates(world, spec, &place) {
        let deleted_ok = match include_deleted {
            Some("only") => r.deleted_at.is_some(),
            Some("with") | Some("true") => true,
            _ => r.deleted_at.is_none(),
        };
        if !deleted_ok || !visible(r, &place, spec) {
            continue;
        }
        if !kinds::listed(ctx, r, &filters) || !query::matches(r, &filters, &known) {
            continue;
        }
        items.push(r);
    }
    if ctx.op.paged {
        let max = if ctx.op.id == "RestV11ProjectsGet" {
            300
        } else {
            1000
        };
        let page = query::page_of(&ctx.req.pairs, max);
        Ok(query::paginate_with(
            items,
            |r, out| represent_into(world, r, &ctx.op.response, out),
            page,
            ctx.api_url,
            &ctx.req.path,
            &ctx.req.pairs,
        ))
    } else {
        Ok(Reply::ok(Value::Array(
            items
                .into_iter()
                .map(|r| represent(world, r, &ctx.op.response))
                .collect(),
        )))
    }
}

/// The records `visible` can accept at `place`, in id order, through the narrowest index.
fn candidates<'w>(
    world: &'w World,
    spec: Spec,
    place: &Place,
) -> Box<dyn Iterator<Item = &'w Record> + 'w> {
    match (place.parent_id, spec.scope) {
        (Some(parent), _) => Box::new(world.children(spec.kind, parent)),
        (None, Scope::Project) => Box::new(world.in_project(spec.kind, place.project_id)),
        (None, Scope::Company) => Box::new(world.in_company(spec.kind, place.company_id)),
    }
}

fn find<'w>(
    world: &'w World,
    ctx: &Ctx<'_>,
    spec: Spec,
    place: &Place,
) -> Result<&'w Record, Reply> {
    let id = ctx
        .params
        .get("id")
        .and_then(|s| s.parse::<u64>().ok())
        .ok_or_else(Reply::not_found)?;
    world
        .get(spec.kind, id)
        .filter(|r| r.deleted_at.is_none() && visible(r, place, spec))
        .ok_or_else(Reply::not_found)
}

fn show(ctx: &mut Ctx<'_>, spec: Spec) -> Handled {
    let place = place(ctx, spec)?;
    let world = ctx.world();
    let record = find(world, ctx, spec, &place)?;
    Ok(Reply::ok(represent(world, record, &ctx.op.response)))
}

/// Creates a record from permitted attributes, after the kind's rules. Shared by POST and sync.
pub fn insert_new(
    ctx: &mut Ctx<'_>,
    spec: Spec,
    place: Place,
    mut attrs: Map<String, Value>,
) -> Result<u64, FieldErrors> {
    kinds::prepare(ctx, spec, &place, &mut attrs, None)?;
    check_origin_unique(ctx.world(), spec, place.company_id, &attrs, None)?;
    let id = ctx.sim.world.allocate_id(spec.kind);
    let now = ctx.now();
    attrs.insert("id".into(), json!(id));
    attrs.insert("created_at".into(), json!(now));
    attrs.insert("updated_at".into(), json!(now));
    let lines = attrs.remove("line_items");
    let record = Record {
        kind: spec.kind,
        id,
        company_id: place.company_id,
        project_id: place.project_id,
        parent_id: place.parent_id,
        deleted_at: None,
        data: attrs.into(),
    };
    ctx.sim.world.insert(record);
    kinds::after_write(ctx, spec, id, lines, true)?;
    Ok(id)
}

/// Applies permitted attributes to an existing record. Shared by PATCH and sync.
pub fn apply_update(
    ctx: &mut Ctx<'_>,
    spec: Spec,
    id: u64,
    mut attrs: Map<String, Value>,
) -> Result<(), FieldErrors> {
    let existing = ctx
        .world()
        .get(spec.kind, id)
        .cloned()
        .ok_or_else(|| errors_of("id", "Entity with this ID not found"))?;
    kinds::editable(ctx.world(), &existing)?;
    let place = Place {
        company_id: existing.company_id,
        project_id: existing.project_id,
        parent_id: existing.parent_id,
    };
    kinds::prepare(ctx, spec, &place, &mut attrs, Some(&existing))?;
    check_origin_unique(ctx.world(), spec, place.company_id, &attrs, Some(id))?;
    let lines = attrs.remove("line_items");
    let now = ctx.now();
    ctx.sim.world.update(spec.kind, id, |record| {
        for (k, v) in attrs {
            if k != "id" {
                record.data.insert(&k, v);
            }
        }
        record.data.insert("updated_at", json!(now));
    });
    kinds::after_write(ctx, spec, id, lines, false)?;
    Ok(())
}

fn check_origin_unique(
    world: &World,
    spec: Spec,
    company_id: u64,
    attrs: &Map<String, Value>,
    except: Option<u64>,
) -> Result<(), FieldErrors> {
    if !spec.origin_unique {
        return Ok(());
    }
    let Some(origin) = attrs
        .get("origin_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    else {
        return Ok(());
    };
    let taken = world
        .live_with_origin(spec.kind, company_id, origin)
        .any(|r| Some(r.id) != except);
    if taken {
        return Err(errors_of("origin_id", "has already been taken"));
    }
    Ok(())
}

fn create(ctx: &mut Ctx<'_>, spec: Spec) -> Handled {
    let place = place(ctx, spec)?;
    if let Some(shape) = &ctx.op.body {
        if let Some(reply) = problems_reply(contract::check_body(&ctx.req.body, shape), spec.style)
        {
            return Err(reply);
        }
    }
    kinds::before_write(ctx, spec, None)?;
    let (_, attrs, shape) = wrapper(ctx.op, &ctx.req.body);
    let Value::Object(attrs) = permit(&attrs, &shape) else {
        return Err(Reply::bad_request("The request body must be a JSON object"));
    };
    let id = insert_new(ctx, spec, place, attrs).map_err(|e| kinds::write_error(spec, e))?;
    let world = ctx.world();
    let record = world.get(spec.kind, id).ok_or_else(Reply::not_found)?;
    let status = StatusCode::from_u16(ctx.op.status).unwrap_or(StatusCode::CREATED);
    Ok(Reply::json(
        status,
        represent(world, record, &ctx.op.response),
    ))
}

fn update(ctx: &mut Ctx<'_>, spec: Spec) -> Handled {
    let place = place(ctx, spec)?;
    let id = find(ctx.world(), ctx, spec, &place)?.id;
    if let Some(shape) = &ctx.op.body {
        // On PATCH every attribute is optional, but the wrapper key is still required.
        let problems: Vec<BodyProblem> = contract::check_body(&ctx.req.body, shape)
            .into_iter()
            .filter(|p| {
                !matches!(p, BodyProblem::Blank(_)) || ctx.req.body.to_string().contains("\"\"")
            })
            .collect();
        if let Some(reply) = problems_reply(problems, spec.style) {
            return Err(reply);
        }
    }
    kinds::before_write(ctx, spec, Some(id))?;
    let (_, attrs, shape) = wrapper(ctx.op, &ctx.req.body);
    let attrs = match permit(&attrs, &shape) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    apply_update(ctx, spec, id, attrs).map_err(|e| kinds::write_error(spec, e))?;
    let world = ctx.world();
    let record = world.get(spec.kind, id).ok_or_else(Reply::not_found)?;
    Ok(Reply::ok(represent(world, record, &ctx.op.response)))
}

fn delete(ctx: &mut Ctx<'_>, spec: Spec) -> Handled {
    let place = place(ctx, spec)?;
    let record = find(ctx.world(), ctx, spec, &place)?.clone();
    kinds::before_write(ctx, spec, Some(record.id))?;
    kinds::editable(ctx.world(), &record).map_err(|e| kinds::write_error(spec, e))?;
    let now = ctx.now();
    ctx.sim.world.update(spec.kind, record.id, |r| {
        r.deleted_at = Some(now.clone());
        r.data.insert("deleted_at", json!(now));
        r.data.insert("updated_at", json!(now));
    });
    kinds::after_delete(ctx, spec, record.id);
    match ctx.op.status {
        204 => Ok(Reply::empty(StatusCode::NO_CONTENT)),
        _ => {
            let world = ctx.world();
            let shape = &ctx.op.response;
            if matches!(shape, Shape::Object(_)) {
                let r = world
                    .get(spec.kind, record.id)
                    .ok_or_else(Reply::not_found)?;
                Ok(Reply::ok(represent(world, r, shape)))
            } else {
                Ok(Reply::ok(json!({})))
            }
        }
    }
}

/// Procore's sync contract (see the fact sheet's sync section): ≤1,000 items, always 200,
/// `{entities, errors}`; matching by `id` and/or `origin_id`.
fn sync(ctx: &mut Ctx<'_>, spec: Spec) -> Handled {
    let place = place(ctx, spec)?;
    let (items_key, bare) = if ctx.op.id == "RestV10BudgetLineItemsSyncPost" {
        ("budget_line_items", true)
    } else {
        ("updates", false)
    };
    // Borrowed from the request, not copied: the request outlives the handler.
    let req = ctx.req;
    let Some(items) = req.body.get(items_key).and_then(Value::as_array) else {
        return Err(Reply::bad_request(&format!(
            "param is missing or the value is empty: {items_key}"
        )));
    };
    if items.len() > 1000 {
        return Err(Reply::json(
            StatusCode::PAYLOAD_TOO_LARGE,
            json!({"errors": "Too many items: a sync accepts at most 1000 updates per request"}),
        ));
    }
    kinds::before_write(ctx, spec, None)?;
    let item_shape = ctx
        .op
        .body
        .as_ref()
        .and_then(|b| b.field(items_key))
        .and_then(|f| f.shape.items())
        .cloned()
        .unwrap_or(Shape::Any);
    // The entities are written as JSON text as each item is applied, straight into the answer:
    // a thousand full records per call, never held as values nor copied into an envelope.
    let mut body = Vec::with_capacity(items.len() * 1024);
    if !bare {
        body.extend_from_slice(b"{\"entities\":");
    }
    body.push(b'[');
    let first = body.len();
    let mut errors = Vec::new();
    let shown = show_shape(spec);
    for item in items {
        match sync_one(ctx, spec, place, item, &item_shape) {
            Ok(id) => {
                let world = ctx.world();
                if let Some(r) = world.get(spec.kind, id) {
                    if body.len() > first {
                        body.push(b',');
                    }
                    represent_into(world, r, shown, &mut body);
                }
            }
            Err(e) => {
                let mut failed = match item {
                    Value::Object(m) => m.clone(),
                    other => {
                        let mut m = Map::new();
                        m.insert("value".into(), other.clone());
                        m
                    }
                };
                failed.insert("errors".into(), json!(e));
                errors.push(Value::Object(failed));
            }
        }
    }
    body.push(b']');
    if !bare {
        body.extend_from_slice(b",\"errors\":");
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut body, &errors);
        body.push(b'}');
    }
    Ok(Reply::json_text(StatusCode::OK, body))
}

/// A sync action's answer. Built as a map, not with `json!`, which would copy every record
/// through the serializer (a thousand views per call).
pub(crate) fn entities_and_errors(entities: Vec<Value>, errors: Vec<Value>) -> Value {
    let mut answer = Map::new();
    answer.insert("entities".into(), Value::Array(entities));
    answer.insert("errors".into(), Value::Array(errors));
    Value::Object(answer)
}

fn sync_one(
    ctx: &mut Ctx<'_>,
    spec: Spec,
    place: Place,
    item: &Value,
    shape: &Shape,
) -> Result<u64, FieldErrors> {
    let problems: Vec<BodyProblem> = contract::check_body(item, shape)
        .into_iter()
        .filter(|p| !matches!(p, BodyProblem::Blank(_) | BodyProblem::Missing(_)))
        .collect();
    if !problems.is_empty() {
        return Err(item_problems(problems));
    }
    let Value::Object(mut attrs) = permit(item, shape) else {
        return Err(errors_of("base", "must be an object"));
    };
    if !attrs.contains_key("origin_id") {
        if let Some(origin) = item.get("origin_id") {
            attrs.insert("origin_id".into(), permit(origin, &Shape::Str(None)));
        }
    }
    let id = match item.get("id") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                .ok_or_else(|| errors_of("id", "must be an integer"))?,
        ),
    };
    attrs.remove("id");
    let origin = attrs
        .get("origin_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    // Per-item container, e.g. `direct_cost_id` on direct cost line sync.
    let mut place = place;
    if let Some(parent) = kinds::item_parent(ctx, spec, &attrs)? {
        place.parent_id = Some(parent);
    }
    // Ids are unique per kind, so matching only needs the company and project scope.
    let in_scope = |r: &Record| {
        r.deleted_at.is_none()
            && r.company_id == place.company_id
            && (spec.scope == Scope::Company || r.project_id == place.project_id)
    };
    match (id, origin) {
        (Some(id), _) => {
            let found = ctx
                .world()
                .get(spec.kind, id)
                .filter(|r| in_scope(r))
                .map(|r| r.id);
            let Some(id) = found else {
                return Err(errors_of("id", "Entity with this ID not found"));
            };
            apply_update(ctx, spec, id, attrs)?;
            Ok(id)
        }
        (None, Some(origin)) => {
            let found = ctx
                .world()
                .live_with_origin(spec.kind, place.company_id, &origin)
                .next()
                .map(|r| (r.id, in_scope(r)));
            match found {
                Some((id, true)) => {
                    apply_update(ctx, spec, id, attrs)?;
                    Ok(id)
                }
                Some((_, false)) => Err(errors_of("origin_id", "has already been taken")),
                None => insert_new(ctx, spec, place, attrs),
            }
        }
        (None, None) => insert_new(ctx, spec, place, attrs),
    }
}

/// Lists records of a kind for the admin API, optionally narrowed by scope.
pub fn raw_records(
    world: &World,
    kind: Kind,
    company_id: Option<u64>,
    project_id: Option<u64>,
) -> Vec<Value> {
    let scoped: Box<dyn Iterator<Item = &Record>> = match (company_id, project_id) {
        (_, Some(p)) => Box::new(world.in_project(kind, Some(p))),
        (Some(c), None) => Box::new(world.in_company(kind, c)),
        (None, None) => Box::new(world.all(kind)),
    };
    scoped
        .filter(|r| {
            company_id.is_none_or(|c| r.company_id == c)
                && project_id.is_none_or(|p| r.project_id == Some(p))
        })
        .map(|r| json!(r))
        .collect()
}

/// Kind specs, for the admin API.
pub fn spec_of(kind: Kind) -> Spec {
    kinds::spec(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rest_operation_has_a_handler() {
        let special = [
            "RestV10MeGet",
            "RestV10CompaniesGet",
            "RestV10CompaniesCompanyIdVendorsInactiveIdPatch",
            "RestV10PrimeContractGet",
            "RestV10CommitmentsGet",
            "RestV10CommitmentsIdGet",
            "RestV10BudgetViewsBudgetViewIdBudgetDetailColumnsGet",
            "RestV10BudgetViewsBudgetViewIdDetailRowsGet",
            "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesBulkCreatePatch",
            "RestV10WebhooksHooksHookIdDeliveriesGet",
        ];
        for row in crate::contract::operation_ids() {
            if row.starts_with("Oauth") || special.contains(&row) {
                continue;
            }
            assert!(action_of(row).is_some(), "{row}");
        }
    }

    /// The seed world with a direct cost and its lines, as the sync actions leave them.
    fn world_with_direct_costs() -> World {
        let mut world = crate::seed::world(&crate::config::SimConfig::default());
        let project = world
            .all(Kind::Project)
            .next()
            .expect("the seed has projects")
            .clone();
        let code = world
            .in_project(Kind::CostCode, Some(project.id))
            .next()
            .map(|c| c.id);
        let vendor = world
            .in_company(Kind::Vendor, project.company_id)
            .next()
            .map(|v| v.id);
        let cost = world.allocate_id(Kind::DirectCost);
        world.insert(Record {
            kind: Kind::DirectCost,
            id: cost,
            company_id: project.company_id,
            project_id: Some(project.id),
            parent_id: None,
            deleted_at: None,
            data: json!({"origin_id": "C-1", "direct_cost_type": "invoice", "vendor_id": vendor,
                "direct_cost_date": "2026-11-30", "status": "approved", "description": "Béton \"prêt\"",
                "created_at": "2026-12-01T00:00:00Z", "updated_at": "2026-12-01T00:00:00Z"})
            .as_object()
            .cloned()
            .expect("an object")
            .into(),
        });
        for (i, amount) in ["1200.50", "7"].iter().enumerate() {
            let id = world.allocate_id(Kind::DirectCostLineItem);
            world.insert(Record {
                kind: Kind::DirectCostLineItem,
                id,
                company_id: project.company_id,
                project_id: Some(project.id),
                parent_id: Some(cost),
                deleted_at: None,
                data:
                    json!({"origin_id": format!("C-1|{i}"), "amount": amount, "cost_code_id": code,
                    "quantity": if i == 0 { json!("2") } else { json!(3) }, "unit_cost": null})
                    .as_object()
                    .cloned()
                    .expect("an object")
                    .into(),
            });
        }
        world
    }

    #[test]
    fn a_referenced_record_changed_after_an_answer_shows_changed_in_the_next() {
        let mut world = world_with_direct_costs();
        let op = contract::operation(kinds::spec(Kind::DirectCostLineItem).show_op)
            .expect("the line show operation");
        let line = world
            .all(Kind::DirectCostLineItem)
            .next()
            .expect("a line")
            .clone();
        let code = line.u64_field("cost_code_id").expect("a cost code");
        let written = |world: &World| {
            let mut out = Vec::new();
            represent_into(world, &line, &op.response, &mut out);
            let text = String::from_utf8(out).expect("UTF-8");
            let expected = serde_json::to_string(&represent(world, &line, &op.response))
                .expect("a value serializes");
            assert_eq!(text, expected);
            text
        };
        // Twice: the second answer is written from the memo.
        assert_eq!(written(&world), written(&world));
        world.update(Kind::CostCode, code, |c| {
            c.data.insert("name", json!("Renamed code"));
        });
        world.update(Kind::Company, line.company_id, |c| {
            c.data.insert("name", json!("Renamed company"));
        });
        let after = written(&world);
        assert!(after.contains("Renamed code"), "{after}");
        assert!(after.contains("Renamed company"), "{after}");
    }

    #[test]
    fn a_representation_written_as_text_is_the_rendered_value() {
        let world = world_with_direct_costs();
        let mut compared = 0;
        for kind in Kind::ALL {
            let Some(op) = contract::operation(kinds::spec(kind).show_op) else {
                continue;
            };
            for record in world.all(kind) {
                for shape in [&op.response, &Shape::Any] {
                    let mut written = Vec::new();
                    represent_into(&world, record, shape, &mut written);
                    let expected = serde_json::to_vec(&represent(&world, record, shape))
                        .expect("a value serializes");
                    assert_eq!(
                        String::from_utf8_lossy(&written),
                        String::from_utf8_lossy(&expected),
                        "{kind:?} {}",
                        record.id
                    );
                    compared += 1;
                }
            }
        }
        assert!(
            world.all(Kind::DirectCostLineItem).count() == 2 && compared > 40,
            "{compared}"
        );
    }
}
