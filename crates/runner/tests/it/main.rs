//! The runner end to end: the Procore simulator over loopback, the demo maestro* company and
//! the state store, each test on SQLite and on PostgreSQL.

#[macro_use]
mod support;

mod hostile;

use erp::{ChangeOrigin, Customer, Employee, ErpRecord, Project, Supplier};
use procore_sim::{seed, Kind};
use serde_json::{json, Value};
use state::{OutcomeFilter, Page, SyncStatus};
use support::World;

const SYNC_OPS: [&str; 6] = [
    "RestV10BudgetLineItemsPost",
    "RestV10BudgetLineItemsSyncPost",
    "RestV10CostCodesSyncPatch",
    "RestV10ProjectsSyncPatch",
    "RestV10VendorsSyncPatch",
    "RestV13CompaniesCompanyIdUsersSyncPatch",
];

fn flagged_projects(w: &World) -> Vec<&Project> {
    w.demo
        .projects
        .iter()
        .filter(|p| p.linked_to_procore && p.active)
        .collect()
}

fn flagged_suppliers(w: &World) -> Vec<&Supplier> {
    w.demo
        .suppliers
        .iter()
        .filter(|s| s.linked_to_procore)
        .collect()
}

fn flagged_customers(w: &World) -> Vec<&Customer> {
    w.demo
        .customers
        .iter()
        .filter(|c| c.linked_to_procore)
        .collect()
}

fn flagged_employees(w: &World) -> Vec<&Employee> {
    w.demo
        .employees
        .iter()
        .filter(|e| e.linked_to_procore)
        .collect()
}

/// The maestro* record `key` of the demo company.
async fn erp_record<R: ErpRecord<Key = String>>(w: &World, key: &str) -> R {
    w.erp
        .get::<R>(&w.company, &key.to_owned())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{} {key} exists", R::LABEL))
        .record
}

/// Edits maestro* record `key` as a user would.
async fn edit_erp<R: ErpRecord<Key = String>>(w: &World, key: &str, edit: impl FnOnce(&mut R)) {
    let mut record = erp_record::<R>(w, key).await;
    edit(&mut record);
    w.erp
        .upsert(&w.company, &[record], ChangeOrigin::User)
        .await
        .unwrap();
}

async fn procore_records(w: &World, kind: Kind) -> Vec<Value> {
    w.admin
        .records(kind, Some(seed::COMPANY_ID), None)
        .await
        .expect("raw records")
}

async fn procore_id(w: &World, entity: &str, key: &str) -> u64 {
    w.state
        .binding_by_erp_key(w.pairing, entity, key)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{entity} {key} is bound"))
        .procore_id
}

async fn outcomes(w: &World, run: i64, status: Option<SyncStatus>) -> Vec<state::RecordOutcome> {
    w.state
        .run_report(
            run,
            &OutcomeFilter {
                status,
                ..OutcomeFilter::default()
            },
            Page::first(1000),
        )
        .await
        .unwrap()
        .unwrap()
        .outcomes
}

fn field<'a>(record: &'a Value, name: &str) -> &'a Value {
    record
        .get(name)
        .or_else(|| record.get("data").and_then(|d| d.get(name)))
        .unwrap_or(&Value::Null)
}

async fn full_sync_then_a_second_sync_writes_nothing(w: World) {
    let first = w.sync().await;
    let projects = first.entity("projects").unwrap();
    let suppliers = first.entity("suppliers").unwrap();
    assert_eq!(first.errors(), 0, "{first:#?}");
    assert_eq!(
        projects.created.procore + projects.linked,
        flagged_projects(&w).len() as u64,
        "{projects:#?}"
    );
    // The two projects seeded in Procore (1001, 1002) reach maestro*.
    assert_eq!(projects.created.erp, 2, "{projects:#?}");
    assert_eq!(
        suppliers.created.procore + suppliers.linked,
        flagged_suppliers(&w).len() as u64,
        "{suppliers:#?}"
    );
    for p in flagged_projects(&w) {
        let id = procore_id(&w, "projects", &p.number).await;
        let raw = w.admin.record(Kind::Project, id).await.unwrap();
        assert_eq!(field(&raw, "origin_id"), &json!(p.number));
        assert_eq!(field(&raw, "name"), &json!(p.description));
    }
    let number = &flagged_projects(&w)[0].number;
    let binding = w
        .state
        .binding_by_erp_key(w.pairing, "projects", number)
        .await
        .unwrap()
        .unwrap();
    assert!(binding.erp_hash.as_deref().is_some_and(|h| h.len() == 64));
    assert_eq!(
        binding.erp_hash, binding.procore_hash,
        "both sides hold the agreed values"
    );
    // A sub-project is linked to a Procore project of its own.
    let sub = w
        .demo
        .projects
        .iter()
        .find(|p| p.parent_number.is_some() && p.linked_to_procore)
        .expect("a flagged sub-project");
    let parent = sub.parent_number.clone().unwrap();
    let sub_id = procore_id(&w, "projects", &sub.number).await;
    assert_ne!(sub_id, procore_id(&w, "projects", &parent).await);
    let raw = w.admin.record(Kind::Project, sub_id).await.unwrap();
    assert_eq!(field(&raw, "project_number"), &json!(sub.number));
    let sainte_foy = erp_record::<Project>(&w, "1002").await;
    assert_eq!(sainte_foy.description, "Résidence Sainte-Foy");
    assert!(sainte_foy.linked_to_procore);

    w.admin.reset_request_counts().await.unwrap();
    let second = w.sync().await;
    assert_eq!(second.writes(), 0, "{second:#?}");
    assert_eq!(second.errors(), 0, "{second:#?}");
    let counts = w.admin.request_counts().await.unwrap();
    for op in SYNC_OPS {
        assert_eq!(
            counts.get(op),
            None,
            "no sync action on a quiet run: {counts:?}"
        );
    }
}

async fn edits_on_either_side_reach_the_other(w: World) {
    w.sync().await;
    let projects = flagged_projects(&w);
    let (a, b) = (projects[0].number.clone(), projects[1].number.clone());
    edit_erp::<Project>(&w, &a, |p| p.city = Some("Sherbrooke".into())).await;
    let b_id = procore_id(&w, "projects", &b).await;
    w.admin
        .update_record(
            Kind::Project,
            b_id,
            json!({"name": "Complexe Rivière-du-Nord"}),
        )
        .await
        .unwrap();

    let run = w.sync().await;
    let summary = run.entity("projects").unwrap();
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    assert_eq!(summary.updated.erp, 1, "{summary:#?}");
    let a_raw = w
        .admin
        .record(Kind::Project, procore_id(&w, "projects", &a).await)
        .await
        .unwrap();
    assert_eq!(field(&a_raw, "city"), &json!("Sherbrooke"));
    assert_eq!(
        erp_record::<Project>(&w, &b).await.description,
        "Complexe Rivière-du-Nord"
    );

    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn a_conflicting_edit_is_recorded_and_neither_side_overwritten(w: World) {
    w.sync().await;
    let number = flagged_projects(&w)[0].number.clone();
    let id = procore_id(&w, "projects", &number).await;
    edit_erp::<Project>(&w, &number, |p| p.city = Some("Sherbrooke".into())).await;
    w.admin
        .update_record(Kind::Project, id, json!({"city": "Gatineau"}))
        .await
        .unwrap();

    let run = w.sync().await;
    let summary = run.entity("projects").unwrap();
    assert_eq!(summary.conflicts, 1, "{summary:#?}");
    assert_eq!(summary.writes(), 0, "{summary:#?}");
    let open = w
        .state
        .open_conflicts(w.pairing, "projects", &number)
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].field, "city");
    assert_eq!(open[0].erp_value, json!("Sherbrooke"));
    assert_eq!(open[0].procore_value, json!("Gatineau"));
    assert_eq!(
        erp_record::<Project>(&w, &number).await.city.as_deref(),
        Some("Sherbrooke")
    );
    let raw = w.admin.record(Kind::Project, id).await.unwrap();
    assert_eq!(field(&raw, "city"), &json!("Gatineau"));

    // Still open, still unwritten, on the next run.
    let again = w.sync().await;
    assert_eq!(again.writes(), 0, "{again:#?}");
    assert_eq!(
        erp_record::<Project>(&w, &number).await.city.as_deref(),
        Some("Sherbrooke")
    );
}

async fn a_notmaestro_vendor_is_never_imported(w: World) {
    let vendor = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Location d'outils Gagnon", "notes": "Compte local — NotMaestro", "is_active": true}),
        )
        .await
        .unwrap();
    let vendor_id = field(&vendor, "id").as_u64().expect("vendor id");
    let run = w.sync().await;
    assert!(run.entity("suppliers").unwrap().skipped >= 1);
    let (erp, company) = (w.erp.clone(), w.company.clone());
    let all = erp.all::<Supplier>(&company).await.unwrap();
    assert!(
        !all.iter()
            .any(|s| s.record.name == "Location d'outils Gagnon"),
        "the NOTMAESTRO vendor stays out of maestro*"
    );
    assert!(w
        .state
        .binding_by_procore_id(w.pairing, "suppliers", vendor_id)
        .await
        .unwrap()
        .is_none());
    let skipped = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Warning)).await;
    assert!(skipped
        .iter()
        .any(|o| o.procore_id == Some(vendor_id) && o.message.contains("NOTMAESTRO")));

    w.admin
        .update_record(Kind::Vendor, vendor_id, json!({"city": "Laval"}))
        .await
        .unwrap();
    w.sync().await;
    let all = erp.all::<Supplier>(&company).await.unwrap();
    assert!(!all
        .iter()
        .any(|s| s.record.name == "Location d'outils Gagnon"));
}

async fn an_invalid_procore_project_number_is_an_error_and_the_others_sync(w: World) {
    let bad = w
        .admin
        .insert_record(
            Kind::Project,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Entrepôt Saint-Laurent", "project_number": "AB#12345678", "active": true,
                   "country_code": "CA", "state_code": "QC"}),
        )
        .await
        .unwrap();
    let bad_id = field(&bad, "id").as_u64().expect("project id");
    let run = w.sync().await;
    let projects = run.entity("projects").unwrap();
    assert_eq!(projects.errors.erp, 1, "{projects:#?}");
    assert_eq!(projects.created.erp, 2, "1001 and 1002 still arrive");
    assert!(projects.created.procore > 0);
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].procore_id, Some(bad_id));
    assert!(
        errors[0].message.contains("project_number"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("AB#12345678"),
        "{}",
        errors[0].message
    );
    assert!(w
        .erp
        .get::<Project>(&w.company, &"AB#12345678".to_owned())
        .await
        .unwrap()
        .is_none());
}

async fn a_vendor_with_the_same_normalized_name_is_linked_not_duplicated(w: World) {
    let supplier = flagged_suppliers(&w)[0].clone();
    let spelled = format!("{} INC.", supplier.name.to_uppercase());
    let vendor = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": spelled, "is_active": true}),
        )
        .await
        .unwrap();
    let vendor_id = field(&vendor, "id").as_u64().unwrap();
    let run = w.sync().await;
    assert!(run.entity("suppliers").unwrap().linked >= 1);
    assert_eq!(procore_id(&w, "suppliers", &supplier.code).await, vendor_id);
    let same: Vec<Value> = procore_records(&w, Kind::Vendor)
        .await
        .into_iter()
        .filter(|v| {
            field(v, "name").as_str().is_some_and(|n| {
                engine::matching::normalize_name(n)
                    == engine::matching::normalize_name(&supplier.name)
            })
        })
        .collect();
    assert_eq!(same.len(), 1, "one vendor, not two: {same:#?}");
    assert_eq!(field(&same[0], "origin_id"), &json!(supplier.code));
}

async fn a_dry_run_writes_and_records_nothing(w: World) {
    w.admin.reset_request_counts().await.unwrap();
    let dry = tokio::time::timeout(
        std::time::Duration::from_secs(120),
        w.runner().sync(&["projects"], true),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(dry.run_id.is_none());
    assert!(dry.entity("projects").unwrap().created.procore > 0);
    let counts = w.admin.request_counts().await.unwrap();
    for op in SYNC_OPS {
        assert_eq!(counts.get(op), None, "{counts:?}");
    }
    assert_eq!(
        w.state.count_bindings(w.pairing, "projects").await.unwrap(),
        0
    );
    assert!(w
        .state
        .list_runs(Some(w.pairing), Page::first(10))
        .await
        .unwrap()
        .is_empty());
}

async fn an_address_too_long_for_maestro_is_cut_with_a_warning(w: World) {
    let long = "1234 chemin de la Côte-des-Neiges, bureau 1500, porte arrière";
    let inserted = w
        .admin
        .insert_record(
            Kind::Project,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Clinique Côte-des-Neiges", "project_number": "24990", "active": true,
                   "address": long, "city": "Montréal", "state_code": "QC", "country_code": "CA"}),
        )
        .await
        .unwrap();
    let id = field(&inserted, "id").as_u64().unwrap();
    let run = w.sync().await;
    assert_eq!(run.entity("projects").unwrap().warnings.erp, 1);
    let p = erp_record::<Project>(&w, "24990").await;
    assert_eq!(p.address.as_deref().map(|a| a.chars().count()), Some(40));
    let warnings = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Warning)).await;
    assert!(warnings
        .iter()
        .any(|o| o.procore_id == Some(id) && o.message.contains("address")));
    // Procore keeps its full address and nothing flows back.
    let raw = w.admin.record(Kind::Project, id).await.unwrap();
    assert_eq!(field(&raw, "address"), &json!(long));
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn supplier_status_follows_vendor_activity_both_ways(w: World) {
    w.sync().await;
    let suppliers = flagged_suppliers(&w);
    let (a, b) = (suppliers[0].code.clone(), suppliers[1].code.clone());
    let a_id = procore_id(&w, "suppliers", &a).await;
    w.admin
        .update_record(Kind::Vendor, a_id, json!({"is_active": false}))
        .await
        .unwrap();
    edit_erp::<Supplier>(&w, &b, |s| s.status = erp::SupplierStatus::Closed).await;

    let run = w.sync().await;
    let summary = run.entity("suppliers").unwrap();
    assert_eq!(summary.updated.erp, 1, "{summary:#?}");
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    let a_now = erp_record::<Supplier>(&w, &a).await;
    assert_eq!(a_now.status, erp::SupplierStatus::Blocked);
    let b_raw = w
        .admin
        .record(Kind::Vendor, procore_id(&w, "suppliers", &b).await)
        .await
        .unwrap();
    assert_eq!(field(&b_raw, "is_active"), &json!(false));
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn a_write_procore_refuses_is_an_error_naming_the_record_and_field(w: World) {
    w.sync().await;
    let projects = flagged_projects(&w);
    let (a, b) = (projects[0].number.clone(), projects[1].number.clone());
    // A subdivision maestro*'s format accepts but Procore does not know.
    edit_erp::<Project>(&w, &a, |p| p.province = Some("ZZ".into())).await;
    edit_erp::<Project>(&w, &b, |p| p.city = Some("Rimouski".into())).await;

    let run = w.sync().await;
    let summary = run.entity("projects").unwrap();
    assert_eq!(summary.errors.procore, 1, "{summary:#?}");
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].erp_key.as_deref(), Some(a.as_str()));
    assert!(
        errors[0].message.contains(&format!("project {a}"))
            && errors[0].message.contains("state_code"),
        "{}",
        errors[0].message
    );
    let b_raw = w
        .admin
        .record(Kind::Project, procore_id(&w, "projects", &b).await)
        .await
        .unwrap();
    assert_eq!(field(&b_raw, "city"), &json!("Rimouski"));
}

/// The sync after a run reads back every vendor that run wrote; the ones nobody touched since
/// are recorded unchanged as their page arrives, and the edits among them still go through.
async fn the_vendors_a_run_wrote_come_back_unchanged_and_edits_among_them_go_through(w: World) {
    let first = w.sync().await;
    let made = first.entity("suppliers").unwrap();
    // The vendors seeded in Procore come to maestro* as suppliers too.
    let bound = made.created.procore + made.created.erp + made.linked;
    let suppliers = flagged_suppliers(&w);
    let (a, b, c) = (
        suppliers[0].code.clone(),
        suppliers[1].code.clone(),
        suppliers[2].code.clone(),
    );
    // a: renamed in maestro*; b: renamed in Procore; c: its maestro* stamp lost in Procore.
    edit_erp::<Supplier>(&w, &a, |s| s.name = "Excavations Rive-Sud".into()).await;
    let (a_id, b_id, c_id) = (
        procore_id(&w, "suppliers", &a).await,
        procore_id(&w, "suppliers", &b).await,
        procore_id(&w, "suppliers", &c).await,
    );
    w.admin
        .update_record(Kind::Vendor, b_id, json!({"name": "Toitures Beauce"}))
        .await
        .unwrap();
    w.admin
        .update_record(Kind::Vendor, c_id, json!({"origin_id": null}))
        .await
        .unwrap();

    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let summary = run.entity("suppliers").unwrap();
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    assert_eq!(summary.updated.erp, 1, "{summary:#?}");
    // Every other vendor came back as the first run left it (c with its stamp sent again).
    assert_eq!(summary.unchanged, bound - 2, "{summary:#?}");
    let unchanged = outcomes(&w, run.run_id.unwrap(), None)
        .await
        .into_iter()
        .filter(|o| o.entity == "suppliers" && o.message.ends_with(": unchanged"))
        .count();
    assert_eq!(unchanged as u64, bound - 2);
    let a_raw = w.admin.record(Kind::Vendor, a_id).await.unwrap();
    assert_eq!(field(&a_raw, "name"), &json!("Excavations Rive-Sud"));
    let c_raw = w.admin.record(Kind::Vendor, c_id).await.unwrap();
    assert_eq!(field(&c_raw, "origin_id"), &json!(c));
    assert_eq!(erp_record::<Supplier>(&w, &b).await.name, "Toitures Beauce");

    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
    assert_eq!(quiet.errors(), 0, "{quiet:#?}");
}

async fn a_supplier_flagged_later_is_linked_to_its_unchanged_vendor(w: World) {
    let unflagged = w
        .demo
        .suppliers
        .iter()
        .find(|s| !s.linked_to_procore)
        .expect("the demo has suppliers not flagged for Procore")
        .clone();
    let vendor = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": unflagged.name, "is_active": true}),
        )
        .await
        .unwrap();
    let vendor_id = field(&vendor, "id").as_u64().unwrap();
    // Without lookback, and a second after the insert (filters go to the second), the second
    // run's Procore read no longer holds the vendor: only the full read for onboarding finds it.
    let exact = runner::RunnerOptions {
        lookback: chrono::Duration::zero(),
        ..runner::RunnerOptions::default()
    };
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    // First run: the supplier is not flagged, so neither is created from the other.
    w.sync_with(exact.clone()).await;
    let suppliers = w.erp.all::<Supplier>(&w.company).await.unwrap();
    assert_eq!(
        suppliers
            .iter()
            .filter(|s| s.record.name == unflagged.name)
            .count(),
        1,
        "the vendor is not imported as a second supplier"
    );

    // Flagged later: the vendor has not changed since, and is still found and linked.
    let mut flagged = unflagged.clone();
    flagged.linked_to_procore = true;
    w.erp
        .upsert(&w.company, &[flagged], ChangeOrigin::User)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let run = w.sync_with(exact).await;
    let summary = run.entity("suppliers").unwrap();
    assert_eq!(summary.linked, 1, "{summary:#?}");
    assert_eq!(summary.created.procore, 0, "{summary:#?}");
    assert_eq!(
        procore_id(&w, "suppliers", &unflagged.code).await,
        vendor_id
    );
    let raw = w.admin.record(Kind::Vendor, vendor_id).await.unwrap();
    assert_eq!(field(&raw, "origin_id"), &json!(unflagged.code));
}

async fn employees_arrive_as_employee_users_and_edits_follow(w: World) {
    let seeded = procore_records(&w, Kind::CompanyUser).await;
    let first = w.sync().await;
    let employees = first
        .entity("employees")
        .expect("employees run with the others");
    assert_eq!(first.errors(), 0, "{first:#?}");
    assert_eq!(
        employees.created.procore + employees.linked,
        flagged_employees(&w).len() as u64,
        "{employees:#?}"
    );
    assert_eq!(employees.created.erp + employees.updated.erp, 0);
    for e in flagged_employees(&w) {
        let id = procore_id(&w, "employees", &e.code).await;
        let raw = w.admin.record(Kind::CompanyUser, id).await.unwrap();
        assert_eq!(field(&raw, "origin_id"), &json!(e.code));
        assert_eq!(field(&raw, "is_employee"), &json!(true));
        assert_eq!(field(&raw, "employee_id"), &json!(e.code));
        assert_eq!(field(&raw, "last_name"), &json!(e.last_name));
        assert_eq!(field(&raw, "email_address"), &json!(e.email));
    }
    // Unflagged employees stay out, and the users already in Procore are left as they were.
    let unflagged = w.demo.employees.iter().find(|e| !e.linked_to_procore);
    if let Some(e) = unflagged {
        assert!(w
            .state
            .binding_by_erp_key(w.pairing, "employees", &e.code)
            .await
            .unwrap()
            .is_none());
    }
    for before in &seeded {
        let id = field(before, "id").as_u64().expect("user id");
        let after = w.admin.record(Kind::CompanyUser, id).await.unwrap();
        assert_eq!(field(&after, "origin_id"), field(before, "origin_id"));
        assert_eq!(field(&after, "employee_id"), field(before, "employee_id"));
    }

    w.admin.reset_request_counts().await.unwrap();
    let second = w.sync().await;
    assert_eq!(second.writes(), 0, "{second:#?}");
    let counts = w.admin.request_counts().await.unwrap();
    assert_eq!(
        counts.get("RestV13CompaniesCompanyIdUsersSyncPatch"),
        None,
        "{counts:?}"
    );

    let code = flagged_employees(&w)[0].code.clone();
    edit_erp::<Employee>(&w, &code, |e| e.last_name = "Bouchard-Lévesque".into()).await;
    let run = w.sync().await;
    let summary = run.entity("employees").unwrap();
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    let raw = w
        .admin
        .record(Kind::CompanyUser, procore_id(&w, "employees", &code).await)
        .await
        .unwrap();
    assert_eq!(field(&raw, "last_name"), &json!("Bouchard-Lévesque"));
    assert_eq!(w.sync().await.writes(), 0);
}

async fn an_employee_without_an_email_is_an_error_and_the_others_sync(w: World) {
    let code = flagged_employees(&w)[0].code.clone();
    edit_erp::<Employee>(&w, &code, |e| e.email = None).await;
    let run = w.sync().await;
    let summary = run.entity("employees").unwrap();
    assert_eq!(summary.errors.procore, 1, "{summary:#?}");
    assert_eq!(
        summary.created.procore + summary.linked,
        flagged_employees(&w).len() as u64 - 1,
        "{summary:#?}"
    );
    assert!(w
        .state
        .binding_by_erp_key(w.pairing, "employees", &code)
        .await
        .unwrap()
        .is_none());
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert!(
        errors
            .iter()
            .any(|o| o.erp_key.as_deref() == Some(code.as_str())
                && o.message.contains(&code)
                && o.message.contains("email")),
        "{errors:#?}"
    );
}

async fn a_procore_user_with_the_same_email_is_linked_not_duplicated(w: World) {
    let e = flagged_employees(&w)[0].clone();
    let email = e.email.clone().expect("demo employees have an email");
    let user = w
        .admin
        .insert_record(
            Kind::CompanyUser,
            seed::COMPANY_ID,
            None,
            None,
            json!({"first_name": e.first_name, "last_name": e.last_name,
                   "email_address": email.to_uppercase(), "is_active": true,
                   "is_employee": false, "origin_id": null}),
        )
        .await
        .unwrap();
    let user_id = field(&user, "id").as_u64().expect("user id");
    let run = w.sync().await;
    let summary = run.entity("employees").unwrap();
    assert_eq!(summary.linked, 1, "{summary:#?}");
    assert_eq!(procore_id(&w, "employees", &e.code).await, user_id);
    let raw = w.admin.record(Kind::CompanyUser, user_id).await.unwrap();
    assert_eq!(field(&raw, "origin_id"), &json!(e.code));
    assert_eq!(field(&raw, "is_employee"), &json!(true));
    assert_eq!(field(&raw, "employee_id"), &json!(e.code));
    let same_email = procore_records(&w, Kind::CompanyUser)
        .await
        .into_iter()
        .filter(|u| {
            field(u, "email_address")
                .as_str()
                .is_some_and(|a| a.eq_ignore_ascii_case(&email))
        })
        .count();
    assert_eq!(same_email, 1, "one user per email");
}

async fn customers_go_both_ways_as_marked_directory_companies(w: World) {
    // A customer entered in Procore: a directory company whose notes carry the keyword.
    let owner = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Société immobilière Champlain", "notes": "Propriétaire — ClientMaestro",
                   "is_active": true, "city": "Montréal"}),
        )
        .await
        .unwrap();
    let owner_id = field(&owner, "id").as_u64().unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let customers = run.entity("customers").unwrap();
    assert_eq!(
        customers.created.procore + customers.linked,
        flagged_customers(&w).len() as u64,
        "{customers:#?}"
    );
    assert_eq!(customers.created.erp, 1, "{customers:#?}");
    for c in flagged_customers(&w) {
        let id = procore_id(&w, "customers", &c.code).await;
        let raw = w.admin.record(Kind::Vendor, id).await.unwrap();
        assert_eq!(
            field(&raw, "origin_id"),
            &json!(format!("maestro-customer:{}", c.code))
        );
        assert_eq!(field(&raw, "name"), &json!(c.name));
        assert!(
            w.state
                .binding_by_procore_id(w.pairing, "suppliers", id)
                .await
                .unwrap()
                .is_none(),
            "a customer's company is not a supplier"
        );
    }
    let owner_binding = w
        .state
        .binding_by_procore_id(w.pairing, "customers", owner_id)
        .await
        .unwrap()
        .expect("the Procore customer is bound");
    let created = w
        .erp
        .get::<Customer>(&w.company, &owner_binding.erp_key)
        .await
        .unwrap()
        .expect("created in maestro*")
        .record;
    assert_eq!(created.name, "Société immobilière Champlain");
    assert_eq!(created.city.as_deref(), Some("Montréal"));
    let suppliers = w.erp.all::<Supplier>(&w.company).await.unwrap();
    assert!(
        !suppliers
            .iter()
            .any(|s| s.record.name == "Société immobilière Champlain"),
        "a customer never becomes a supplier"
    );
    let raw = w.admin.record(Kind::Vendor, owner_id).await.unwrap();
    assert_eq!(
        field(&raw, "origin_id"),
        &json!(format!("maestro-customer:{}", owner_binding.erp_key))
    );

    // Edits both ways.
    let c = flagged_customers(&w)[0].clone();
    let mut edited = c.clone();
    edited.city = Some("Rimouski".into());
    w.erp
        .upsert(&w.company, &[edited], ChangeOrigin::User)
        .await
        .unwrap();
    w.admin
        .update_record(
            Kind::Vendor,
            owner_id,
            json!({"business_phone": "514-555-0123"}),
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let customers = run.entity("customers").unwrap();
    assert_eq!(customers.updated.procore, 1, "{customers:#?}");
    assert_eq!(customers.updated.erp, 1, "{customers:#?}");
    let raw = w
        .admin
        .record(Kind::Vendor, procore_id(&w, "customers", &c.code).await)
        .await
        .unwrap();
    assert_eq!(field(&raw, "city"), &json!("Rimouski"));
    let owner = w
        .erp
        .get::<Customer>(&w.company, &owner_binding.erp_key)
        .await
        .unwrap()
        .unwrap()
        .record;
    assert_eq!(owner.phone.as_deref(), Some("514-555-0123"));
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn a_plain_vendor_named_like_a_customer_is_claimed_by_it_never_made_a_supplier(w: World) {
    let customer = flagged_customers(&w)[0].clone();
    let vendor = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": customer.name.to_uppercase(), "is_active": true}),
        )
        .await
        .unwrap();
    let vendor_id = field(&vendor, "id").as_u64().unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    assert!(run.entity("customers").unwrap().linked >= 1);
    assert_eq!(procore_id(&w, "customers", &customer.code).await, vendor_id);
    let raw = w.admin.record(Kind::Vendor, vendor_id).await.unwrap();
    assert_eq!(
        field(&raw, "origin_id"),
        &json!(format!("maestro-customer:{}", customer.code))
    );
    assert!(w
        .state
        .binding_by_procore_id(w.pairing, "suppliers", vendor_id)
        .await
        .unwrap()
        .is_none());
    let same_name = procore_records(&w, Kind::Vendor)
        .await
        .into_iter()
        .filter(|v| {
            field(v, "name").as_str().is_some_and(|n| {
                engine::matching::normalize_name(n)
                    == engine::matching::normalize_name(&customer.name)
            })
        })
        .count();
    assert_eq!(same_name, 1, "linked, not duplicated");
    let suppliers = w.erp.all::<Supplier>(&w.company).await.unwrap();
    assert!(!suppliers.iter().any(|s| {
        engine::matching::normalize_name(&s.record.name)
            == engine::matching::normalize_name(&customer.name)
    }));
}

async fn a_resolved_conflict_writes_the_chosen_side_at_the_next_sync(w: World) {
    w.sync().await;
    let projects = flagged_projects(&w);
    let (a, b) = (projects[0].number.clone(), projects[1].number.clone());
    let (a_id, b_id) = (
        procore_id(&w, "projects", &a).await,
        procore_id(&w, "projects", &b).await,
    );
    for (number, id) in [(&a, a_id), (&b, b_id)] {
        edit_erp::<Project>(&w, number, |p| p.city = Some("Sherbrooke".into())).await;
        w.admin
            .update_record(Kind::Project, id, json!({"city": "Gatineau"}))
            .await
            .unwrap();
    }
    let run = w.sync().await;
    assert_eq!(run.entity("projects").unwrap().conflicts, 2);
    let keep_erp = w
        .state
        .open_conflicts(w.pairing, "projects", &a)
        .await
        .unwrap();
    let keep_procore = w
        .state
        .open_conflicts(w.pairing, "projects", &b)
        .await
        .unwrap();
    w.state
        .resolve_conflict(keep_erp[0].id, state::Resolution::KeepErp)
        .await
        .unwrap();
    w.state
        .resolve_conflict(keep_procore[0].id, state::Resolution::KeepProcore)
        .await
        .unwrap();

    let run = w.sync().await;
    let summary = run.entity("projects").unwrap();
    assert_eq!(summary.resolutions_applied, 2, "{summary:#?}");
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    assert_eq!(summary.updated.erp, 1, "{summary:#?}");
    assert_eq!(summary.conflicts, 0, "{summary:#?}");
    let raw = w.admin.record(Kind::Project, a_id).await.unwrap();
    assert_eq!(field(&raw, "city"), &json!("Sherbrooke"), "maestro* kept");
    assert_eq!(
        erp_record::<Project>(&w, &b).await.city.as_deref(),
        Some("Gatineau"),
        "Procore kept"
    );
    assert!(w
        .state
        .resolutions_to_apply(w.pairing, "projects")
        .await
        .unwrap()
        .is_empty());
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn link_auto_proposes_then_links_and_the_next_sync_compares(w: World) {
    let supplier = flagged_suppliers(&w)[0].clone();
    let vendor = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": format!("{} inc.", supplier.name.to_uppercase()), "is_active": true,
                   "city": supplier.city}),
        )
        .await
        .unwrap();
    let vendor_id = field(&vendor, "id").as_u64().unwrap();
    let runner = w.runner();
    let proposed = runner.link_existing(&["suppliers"], true).await.unwrap();
    let link = proposed
        .links
        .iter()
        .find(|l| l.erp_key == supplier.code)
        .expect("proposed");
    assert_eq!(link.procore_id, vendor_id);
    assert_eq!(link.matched_on, engine::matching::MatchedOn::Name);
    assert!(w
        .state
        .binding_by_erp_key(w.pairing, "suppliers", &supplier.code)
        .await
        .unwrap()
        .is_none());

    let made = runner.link_existing(&["suppliers"], false).await.unwrap();
    assert_eq!(made.links, proposed.links);
    assert_eq!(procore_id(&w, "suppliers", &supplier.code).await, vendor_id);
    assert_eq!(
        w.state
            .unsettled_bindings(w.pairing, "suppliers")
            .await
            .unwrap()
            .len(),
        made.links.len()
    );

    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    assert!(w
        .state
        .unsettled_bindings(w.pairing, "suppliers")
        .await
        .unwrap()
        .is_empty());
    let raw = w.admin.record(Kind::Vendor, vendor_id).await.unwrap();
    assert_eq!(field(&raw, "origin_id"), &json!(supplier.code));
    let twins = procore_records(&w, Kind::Vendor)
        .await
        .into_iter()
        .filter(|v| field(v, "origin_id") == &json!(supplier.code))
        .count();
    assert_eq!(twins, 1, "linked, not created again");
}

async fn a_link_by_hand_is_refused_when_the_company_is_another_entitys(w: World) {
    w.sync().await;
    let customer = flagged_customers(&w)[0].clone();
    let customer_company = procore_id(&w, "customers", &customer.code).await;
    let supplier = w
        .demo
        .suppliers
        .iter()
        .find(|s| !s.linked_to_procore)
        .expect("an unflagged supplier")
        .clone();
    let runner = w.runner();
    let refused = runner
        .link_one("suppliers", &supplier.code, customer_company)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, runner::RunnerError::LinkRefused(_)),
        "{refused}"
    );
    let refused = runner
        .link_one("suppliers", "NOPE", customer_company)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("NOPE"), "{refused}");

    let plain = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Coffrages Lemieux", "is_active": true}),
        )
        .await
        .unwrap();
    let plain_id = field(&plain, "id").as_u64().unwrap();
    runner
        .link_one("suppliers", &supplier.code, plain_id)
        .await
        .unwrap();
    assert_eq!(procore_id(&w, "suppliers", &supplier.code).await, plain_id);
    // Linking it again would forget what the link agreed on: refused.
    let again = runner
        .link_one("suppliers", &supplier.code, plain_id)
        .await
        .unwrap_err();
    assert!(again.to_string().contains("already linked"), "{again}");

    // Deleted in Procore before the link was ever compared: the run goes on, and the record
    // has its outcome (here a skip: the supplier is not flagged for Procore).
    w.admin.delete_record(Kind::Vendor, plain_id).await.unwrap();
    let run = w.sync().await;
    let all = outcomes(&w, run.run_id.unwrap(), None).await;
    assert!(
        all.iter()
            .any(|o| o.erp_key.as_deref() == Some(supplier.code.as_str())),
        "{all:#?}"
    );
}

async fn an_outage_leaves_writes_pending_and_the_next_run_makes_them_once(w: World) {
    w.admin
        .add_fault(procore_sim::FaultRule {
            operation: "RestV10VendorsSyncPatch".into(),
            // Procore shedding load, telling when to come back.
            kind: procore_sim::FaultKind::Status {
                status: 503,
                retry_after_secs: Some(1),
            },
            count: Some(60),
            probability: None,
        })
        .await
        .unwrap();
    let run = w.sync().await;
    let suppliers = run.entity("suppliers").unwrap();
    assert!(suppliers.pending > 0, "{suppliers:#?}");
    assert_eq!(suppliers.created.procore, 0, "{suppliers:#?}");
    assert_eq!(
        suppliers.errors.procore, 0,
        "pending, not refused: {suppliers:#?}"
    );
    let pending = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Pending)).await;
    assert_eq!(
        pending.len() as u64,
        suppliers.pending + run.entity("customers").unwrap().pending
    );
    // The Synchronization Manager's hourglass: until when, then by whom.
    for outcome in &pending {
        let message = &outcome.message;
        let at = message
            .split("pending until ")
            .nth(1)
            .unwrap_or_else(|| panic!("no 'pending until' in {message:?}"));
        let clock = &at[..5];
        assert!(
            chrono::NaiveTime::parse_from_str(clock, "%H:%M").is_ok()
                && at[5..].starts_with(" UTC, sent again by the next run"),
            "{message}"
        );
    }

    w.admin.clear_faults().await.unwrap();
    let run = w.sync().await;
    let suppliers = run.entity("suppliers").unwrap();
    assert_eq!(suppliers.pending, 0, "{suppliers:#?}");
    assert_eq!(
        suppliers.created.procore + suppliers.linked,
        flagged_suppliers(&w).len() as u64,
        "{suppliers:#?}"
    );
    let vendors = procore_records(&w, Kind::Vendor).await;
    for s in flagged_suppliers(&w) {
        let copies = vendors
            .iter()
            .filter(|v| field(v, "origin_id") == &json!(s.code))
            .count();
        assert_eq!(copies, 1, "supplier {} exists once in Procore", s.code);
    }
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

/// Procore's clock and ours disagree by minutes, either way: an edit made in Procore after a
/// run still reaches maestro* (cursors are on Procore's clock), and a storm's reset is read on
/// Procore's clock (a wait of seconds, not minutes).
async fn procore_edits_are_read_whichever_way_its_clock_is_skewed(w: World) {
    for (round, skew) in [-300i64, 300].into_iter().enumerate() {
        w.admin
            .set_clock_offset(chrono::Duration::seconds(skew))
            .await
            .unwrap();
        w.sync().await;
        let project = flagged_projects(&w)[round].number.clone();
        let id = procore_id(&w, "projects", &project).await;
        let name = format!("Complexe skew {skew}");
        w.admin
            .update_record(Kind::Project, id, json!({ "name": name }))
            .await
            .unwrap();
        w.admin
            .add_fault(procore_sim::FaultRule {
                operation: "*".into(),
                kind: procore_sim::FaultKind::RateLimitStorm {
                    reset_after_secs: 1,
                },
                count: Some(1),
                probability: None,
            })
            .await
            .unwrap();
        let started = std::time::Instant::now();
        w.sync().await;
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the storm's reset was read on our clock: waited {:?}",
            started.elapsed()
        );
        assert_eq!(
            erp_record::<Project>(&w, &project).await.description,
            name,
            "Procore's clock {skew} s from ours"
        );
    }
}

async fn a_date_cleared_in_maestro_is_cleared_in_procore_and_stays_cleared(w: World) {
    let number = flagged_projects(&w)
        .into_iter()
        .find(|p| p.closing_date.is_some())
        .expect("a flagged project with a closing date")
        .number
        .clone();
    w.sync().await;
    let id = procore_id(&w, "projects", &number).await;
    let raw = w.admin.record(Kind::Project, id).await.unwrap();
    assert!(field(&raw, "completion_date").is_string(), "{raw:#}");
    edit_erp::<Project>(&w, &number, |p| p.closing_date = None).await;
    let run = w.sync().await;
    assert_eq!(run.entity("projects").unwrap().updated.procore, 1);
    let raw = w.admin.record(Kind::Project, id).await.unwrap();
    assert_eq!(field(&raw, "completion_date"), &Value::Null, "{raw:#}");
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
    assert_eq!(erp_record::<Project>(&w, &number).await.closing_date, None);
}

/// The Procore cost codes of a project, by `origin_id`.
async fn procore_codes(w: &World, project: &str) -> std::collections::BTreeMap<String, Value> {
    let id = procore_id(w, "projects", project).await;
    w.admin
        .records(Kind::CostCode, Some(seed::COMPANY_ID), Some(id))
        .await
        .unwrap()
        .into_iter()
        .filter_map(|c| {
            let origin = field(&c, "origin_id").as_str()?.to_owned();
            Some((origin, c))
        })
        .collect()
}

fn demo_activities<'a>(w: &'a World, project: &str) -> Vec<&'a erp::Activity> {
    w.demo
        .activities
        .iter()
        .filter(|a| a.project_number == project)
        .collect()
}

async fn cost_codes_are_created_level_by_level_in_direct_mode_then_quiet(w: World) {
    let project = flagged_projects(&w)[0].number.clone();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let codes = procore_codes(&w, &project).await;
    let activities = demo_activities(&w, &project);
    assert!(activities.len() >= 4);
    for a in &activities {
        let key = format!("{project}|{}", a.code);
        let code = codes
            .get(&key)
            .unwrap_or_else(|| panic!("{key} in Procore: {:?}", codes.keys()));
        assert_eq!(
            field(code, "code"),
            &json!(a.code),
            "direct: the code is the activity"
        );
        assert_eq!(field(code, "name"), &json!(a.description));
        let parent = a.code.rsplit_once('-').map(|(p, _)| p.to_owned());
        match parent {
            Some(parent) => {
                let parent_id = codes[&format!("{project}|{parent}")]["id"].clone();
                assert_eq!(code["data"]["parent_id"], parent_id, "{key}");
            }
            None => assert_eq!(code["data"]["parent_id"], Value::Null),
        }
    }
    let summary = run.entity("cost_codes").unwrap();
    assert!(
        summary.created.procore >= activities.len() as u64,
        "{summary:#?}"
    );

    w.admin.reset_request_counts().await.unwrap();
    let quiet = w.sync().await;
    assert_eq!(
        quiet.entity("cost_codes").unwrap().writes(),
        0,
        "{quiet:#?}"
    );
    let counts = w.admin.request_counts().await.unwrap();
    assert_eq!(counts.get("RestV10CostCodesSyncPatch"), None, "{counts:?}");
    assert_eq!(
        counts.get("RestV10CostCodesGet"),
        None,
        "no activity changed: Procore's trees are not read again: {counts:?}"
    );

    // A renamed activity renames its code; a code only Procore has is a warning.
    let leaf = activities
        .iter()
        .find(|a| a.code.matches('-').count() == 3)
        .unwrap();
    let mut renamed = (*leaf).clone();
    renamed.description = "Coffrage des semelles".into();
    w.erp
        .upsert(&w.company, &[renamed], ChangeOrigin::User)
        .await
        .unwrap();
    let procore_project = procore_id(&w, "projects", &project).await;
    w.admin
        .insert_record(
            Kind::CostCode,
            seed::COMPANY_ID,
            Some(procore_project),
            None,
            json!({"code": "99", "name": "Imprévus (Procore seulement)"}),
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let summary = run.entity("cost_codes").unwrap();
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    assert_eq!(summary.created.procore, 0, "{summary:#?}");
    let codes = procore_codes(&w, &project).await;
    assert_eq!(
        field(&codes[&format!("{project}|{}", leaf.code)], "name"),
        &json!("Coffrage des semelles")
    );
    let warnings = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Warning)).await;
    assert!(
        warnings.iter().any(|o| o.entity == "cost_codes"
            && o.message
                .contains("pre-existing cost code: Procore cost code 99")),
        "{warnings:#?}"
    );
}

async fn cost_codes_in_concatenated_mode_carry_one_level_each(w: World) {
    let mode = engine::cost_codes::CostCodeMode::Concatenated {
        separator: "-".into(),
    };
    runner::cost_codes::set_cost_code_mode(&w.state, w.pairing, &w.company, &mode)
        .await
        .unwrap();
    let project = flagged_projects(&w)[0].number.clone();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let codes = procore_codes(&w, &project).await;
    for a in demo_activities(&w, &project) {
        let code = &codes[&format!("{project}|{}", a.code)];
        let last = a.code.rsplit('-').next().unwrap();
        assert_eq!(field(code, "code"), &json!(last), "{}", a.code);
        // Procore joins the levels with `-`: its full code is the activity code.
        let procore_project = procore_id(&w, "projects", &project).await;
        let id = field(code, "id").as_u64().unwrap();
        let shown = w.client.cost_codes(procore_project).get(id).await.unwrap();
        assert_eq!(shown.full_code.as_deref(), Some(a.code.as_str()));
    }
    // The mode is company-wide and fixed once codes are linked.
    let refused = runner::cost_codes::set_cost_code_mode(
        &w.state,
        w.pairing,
        &w.company,
        &engine::cost_codes::CostCodeMode::default(),
    )
    .await
    .unwrap_err();
    assert!(refused.to_string().contains("cannot change"), "{refused}");
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn an_activity_too_deep_is_an_error_naming_it_and_the_others_are_created(w: World) {
    let project = flagged_projects(&w)[0].number.clone();
    let leaf = demo_activities(&w, &project)
        .into_iter()
        .find(|a| a.code.matches('-').count() == 3)
        .unwrap()
        .clone();
    let deep = erp::Activity {
        code: format!("{}-X", leaf.code),
        description: "Trop profond".into(),
        ..leaf
    };
    w.erp
        .upsert(&w.company, std::slice::from_ref(&deep), ChangeOrigin::User)
        .await
        .unwrap();
    // A budget on it cannot reach Procore either: its line says why, the others go.
    let orphan = erp::BudgetLine {
        project_number: project.clone(),
        activity_code: deep.code.clone(),
        cost_type: "M".into(),
        original: rust_decimal::Decimal::new(99_999, 2),
        modification: rust_decimal::Decimal::ZERO,
    };
    w.erp
        .upsert(
            &w.company,
            std::slice::from_ref(&orphan),
            ChangeOrigin::User,
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let code_error = errors.iter().find(|o| o.entity == "cost_codes").unwrap();
    assert!(
        code_error.message.contains(&deep.code),
        "{}",
        code_error.message
    );
    assert!(
        code_error.message.contains("5 levels"),
        "{}",
        code_error.message
    );
    let line_error = errors
        .iter()
        .find(|o| o.entity == "original_budget")
        .unwrap();
    assert!(
        line_error.message.contains("non-existent cost code")
            && line_error.message.contains(&deep.code),
        "{}",
        line_error.message
    );
    let codes = procore_codes(&w, &project).await;
    assert_eq!(codes.len(), demo_activities(&w, &project).len());
    let placed = w
        .demo
        .budgets
        .iter()
        .filter(|b| b.project_number == project)
        .count();
    assert_eq!(procore_budget(&w, &project).await.len(), placed);
}

/// The demo's labour cost type is `MO`; Procore's is `L`.
async fn map_labour(w: &World) {
    let map = engine::budget::CostTypeMap {
        map: [("MO".to_owned(), "L".to_owned())].into(),
        default: None,
    };
    w.state
        .set_setting_as(&w.company, runner::budgets::COST_TYPES_SETTING, &map)
        .await
        .unwrap();
}

/// A project's Procore budget lines: (cost code origin_id, cost type code) → (id, original,
/// modifications + approved changes, wbs code).
async fn procore_budget(
    w: &World,
    project: &str,
) -> std::collections::BTreeMap<
    (String, String),
    (
        u64,
        rust_decimal::Decimal,
        rust_decimal::Decimal,
        Option<u64>,
    ),
> {
    let procore_project = procore_id(w, "projects", project).await;
    let view = w
        .client
        .budget_views(procore_project)
        .list(&Default::default())
        .collect_all()
        .await
        .unwrap()[0]
        .id;
    let types: std::collections::BTreeMap<u64, String> = w
        .client
        .line_item_types()
        .list(&procore::resources::line_item_types::LineItemTypeFilters {
            project_id: Some(procore_project),
            ..Default::default()
        })
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.code.unwrap_or_default()))
        .collect();
    w.client
        .budget_view_details(procore_project, view)
        .detail_rows(&Default::default())
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            let f = r.fields.clone();
            let changes = r
                .column_amount("approved_budget_changes")
                .unwrap()
                .unwrap_or_default();
            (
                (
                    f.cost_code_origin_id.unwrap_or_default(),
                    types[&f.category_id.unwrap()].clone(),
                ),
                (
                    f.id.unwrap(),
                    f.original_budget_amount.unwrap_or_default(),
                    f.budget_modifications.unwrap_or_default() + changes,
                    f.wbs_code_id,
                ),
            )
        })
        .collect()
}

fn procore_type(erp: &str) -> String {
    if erp == "MO" {
        "L".into()
    } else {
        erp.into()
    }
}

async fn the_original_budget_reaches_procore_to_the_cent_then_nothing_is_rewritten(w: World) {
    map_labour(&w).await;
    let project = flagged_projects(&w)[0].number.clone();
    w.admin.reset_request_counts().await.unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    // Lines are written in bulk: per project at most one line alone (a project without any
    // budget code yet), one bulk creation of budget codes and one budget line sync.
    let counts = w.admin.request_counts().await.unwrap();
    let calls = |op: &str| counts.get(op).copied().unwrap_or(0);
    let projects = calls("RestV10CostCodesGet");
    let created = run.entity("original_budget").unwrap().created.procore;
    assert!(created > 3 * projects, "{run:#?}");
    assert!(
        calls("RestV10BudgetLineItemsPost") <= projects,
        "{counts:?}"
    );
    assert!(
        calls("RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesBulkCreatePatch") <= projects,
        "{counts:?}"
    );
    assert!(
        calls("RestV10BudgetLineItemsSyncPost") <= projects,
        "{counts:?}"
    );
    // Each project's views and detail rows are read once: the modified budget plans from the
    // lines the original budget read.
    assert_eq!(
        calls("RestV10BudgetViewsGet"),
        calls("RestV10BudgetViewsBudgetViewIdDetailRowsGet"),
        "{counts:?}"
    );
    let erp_lines: Vec<&erp::BudgetLine> = w
        .demo
        .budgets
        .iter()
        .filter(|b| b.project_number == project)
        .collect();
    assert!(!erp_lines.is_empty());
    let procore = procore_budget(&w, &project).await;
    for b in &erp_lines {
        let key = (
            format!("{project}|{}", b.activity_code),
            procore_type(&b.cost_type),
        );
        let (_, original, _, _) = procore
            .get(&key)
            .unwrap_or_else(|| panic!("{key:?} in Procore: {:?}", procore.keys()));
        assert_eq!(*original, b.original, "{key:?}");
    }
    let erp_total: rust_decimal::Decimal = erp_lines.iter().map(|b| b.original).sum();
    let procore_total: rust_decimal::Decimal = procore.values().map(|(_, o, _, _)| *o).sum();
    assert_eq!(erp_total, procore_total, "totals to the cent");

    w.admin.reset_request_counts().await.unwrap();
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
    let counts = w.admin.request_counts().await.unwrap();
    for op in SYNC_OPS {
        assert_eq!(counts.get(op), None, "{counts:?}");
    }

    // The cost types are fixed once lines are in Procore.
    let refused = runner::budgets::set_cost_types(
        &w.state,
        w.pairing,
        &w.company,
        &engine::budget::CostTypeMap::default(),
    )
    .await
    .unwrap_err();
    assert!(refused.to_string().contains("budget lines"), "{refused}");

    // A changed original budget updates its line, and only the original.
    let mut changed = erp_lines[0].clone();
    changed.original += rust_decimal::Decimal::new(1001, 2);
    w.erp
        .upsert(
            &w.company,
            std::slice::from_ref(&changed),
            ChangeOrigin::User,
        )
        .await
        .unwrap();
    let keys: Vec<String> = erp_lines
        .iter()
        .map(|b| runner::budgets::line_key(b))
        .collect();
    let bindings = || async {
        w.state
            .bindings_by_erp_keys(w.pairing, "original_budget", &keys)
            .await
            .unwrap()
    };
    let before = bindings().await;
    assert!(before.len() > 1, "{before:#?}");
    w.admin.reset_request_counts().await.unwrap();
    let run = w.sync().await;
    let summary = run.entity("original_budget").unwrap();
    assert_eq!(summary.updated.procore, 1, "{summary:#?}");
    // The project's other lines are unchanged and already bound: their bindings are left as
    // they were, not written again; the changed line's keeps its new amount.
    let changed_key = runner::budgets::line_key(&changed);
    for after in bindings().await {
        let was = before
            .iter()
            .find(|b| b.erp_key == after.erp_key)
            .expect("bound before");
        if after.erp_key == changed_key {
            let kept: rust_decimal::Decimal = after.last_synced_values["original"]
                .as_str()
                .and_then(|a| a.parse().ok())
                .expect("an amount");
            assert_eq!(kept, changed.original);
            assert!(after.synced_at > was.synced_at);
        } else {
            assert_eq!(after, *was, "an unchanged line is not bound again");
        }
    }
    assert_eq!(summary.created.procore, 0, "{summary:#?}");
    // The line is named by its id: neither its budget code nor the WBS codes are read, and the
    // detail rows are read once for both budget entities.
    let counts = w.admin.request_counts().await.unwrap();
    let calls = |op: &str| counts.get(op).copied().unwrap_or(0);
    assert_eq!(
        calls("RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesGet"),
        0,
        "{counts:?}"
    );
    assert_eq!(
        calls("RestV10BudgetViewsBudgetViewIdDetailRowsGet"),
        calls("RestV10BudgetViewsGet"),
        "{counts:?}"
    );
    assert_eq!(calls("RestV10BudgetLineItemsSyncPost"), 1, "{counts:?}");
    let procore = procore_budget(&w, &project).await;
    let key = (
        format!("{project}|{}", changed.activity_code),
        procore_type(&changed.cost_type),
    );
    assert_eq!(procore[&key].1, changed.original);
}

async fn a_procore_budget_change_lands_in_the_modification_column_only(w: World) {
    map_labour(&w).await;
    let project = flagged_projects(&w)[0].number.clone();
    w.sync().await;
    let line = w
        .demo
        .budgets
        .iter()
        .find(|b| b.project_number == project)
        .unwrap()
        .clone();
    let procore = procore_budget(&w, &project).await;
    let key = (
        format!("{project}|{}", line.activity_code),
        procore_type(&line.cost_type),
    );
    let (_, _, _, wbs) = procore[&key];
    let procore_project = procore_id(&w, "projects", &project).await;
    w.admin
        .insert_record(
            Kind::BudgetChange,
            seed::COMPANY_ID,
            Some(procore_project),
            None,
            json!({"number": "BC-001", "title": "Ajout de béton", "status": "approved",
                   "adjustment_line_items": [{"wbs_code_id": wbs, "amount": "1234.56", "type": "budget_change"}]}),
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let summary = run.entity("modified_budget").unwrap();
    assert_eq!(summary.updated.erp, 1, "{summary:#?}");
    assert_eq!(run.entity("original_budget").unwrap().writes(), 0);
    let stored = w
        .erp
        .get::<erp::BudgetLine>(
            &w.company,
            &(
                line.project_number.clone(),
                line.activity_code.clone(),
                line.cost_type.clone(),
            ),
        )
        .await
        .unwrap()
        .unwrap()
        .record;
    assert_eq!(stored.modification, rust_decimal::Decimal::new(123456, 2));
    assert_eq!(
        stored.original, line.original,
        "the original is never touched"
    );
    // Totals of the modifications match to the cent.
    let erp_mods: rust_decimal::Decimal = w
        .erp
        .all::<erp::BudgetLine>(&w.company)
        .await
        .unwrap()
        .iter()
        .filter(|b| b.record.project_number == project)
        .map(|b| b.record.modification)
        .sum();
    let procore_mods: rust_decimal::Decimal = procore_budget(&w, &project)
        .await
        .values()
        .map(|(_, _, m, _)| *m)
        .sum();
    assert_eq!(erp_mods, procore_mods);
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn a_budget_line_that_cannot_be_placed_is_an_error_and_the_others_sync(w: World) {
    // Without the labour mapping, `MO` has no Procore cost type.
    w.state
        .set_setting_as(
            &w.company,
            runner::budgets::COST_TYPES_SETTING,
            &engine::budget::CostTypeMap::default(),
        )
        .await
        .unwrap();
    let project = flagged_projects(&w)[0].number.clone();
    let run = w.sync().await;
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    let mo_lines = w
        .demo
        .budgets
        .iter()
        .filter(|b| b.cost_type == "MO")
        .filter(|b| {
            flagged_projects(&w)
                .iter()
                .any(|p| p.number == b.project_number)
        })
        .count();
    assert!(mo_lines > 0);
    assert_eq!(
        errors
            .iter()
            .filter(|o| o.entity == "original_budget")
            .count(),
        mo_lines,
        "{errors:#?}"
    );
    assert!(errors
        .iter()
        .all(|o| o.message.contains("cost type MO has no Procore cost type")));
    let placed = w
        .demo
        .budgets
        .iter()
        .filter(|b| b.project_number == project && b.cost_type != "MO")
        .count();
    assert_eq!(
        procore_budget(&w, &project).await.len(),
        placed,
        "the other lines are in Procore"
    );
}

async fn a_first_link_master_settles_an_onboarded_difference_without_a_conflict(w: World) {
    w.state
        .set_setting_as(
            &w.company,
            &runner::first_link_setting("suppliers"),
            &engine::three_way::FirstLink::ErpWins,
        )
        .await
        .unwrap();
    let supplier = flagged_suppliers(&w)[0].clone();
    let vendor = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": format!("{} INC.", supplier.name.to_uppercase()), "is_active": true}),
        )
        .await
        .unwrap();
    let vendor_id = field(&vendor, "id").as_u64().unwrap();
    let run = w.sync().await;
    let summary = run.entity("suppliers").unwrap();
    assert_eq!(summary.conflicts, 0, "{summary:#?}");
    assert!(summary.linked >= 1);
    let raw = w.admin.record(Kind::Vendor, vendor_id).await.unwrap();
    assert_eq!(field(&raw, "name"), &json!(supplier.name), "maestro* won");
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

/// A project's last-level activities bound to Procore cost codes: (activity, cost code id).
async fn leaf_codes(w: &World, project: &str) -> Vec<(String, u64)> {
    let activities = demo_activities(w, project);
    let mut leaves = Vec::new();
    for a in &activities {
        let parent = activities
            .iter()
            .any(|o| o.code.starts_with(&format!("{}-", a.code)));
        if !parent {
            let key = format!("{project}|{}", a.code);
            leaves.push((a.code.clone(), procore_id(w, "cost_codes", &key).await));
        }
    }
    leaves
}

/// A Procore commitment made as a Procore user makes one: the contract, then its lines.
async fn procore_commitment(
    w: &World,
    procore_project: u64,
    purchase_order: bool,
    status: &str,
    vendor: u64,
    lines: &[(u64, &str)],
) -> u64 {
    use procore::resources::commitment_line_items::CommitmentLineItemInput;
    let number = format!(
        "{}-{}",
        if purchase_order { "PO" } else { "SC" },
        lines.len()
    );
    let id = if purchase_order {
        w.client
            .purchase_order_contracts(procore_project)
            .create(
                &procore::resources::purchase_order_contracts::PurchaseOrderContractInput {
                    title: Some("Béton et armature".into()),
                    number: Some(number),
                    vendor_id: Some(vendor),
                    status: Some("Draft".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .id
    } else {
        w.client
            .work_order_contracts(procore_project)
            .create(
                &procore::resources::work_order_contracts::WorkOrderContractInput {
                    title: Some("Électricité — phase 1".into()),
                    number: Some(number),
                    vendor_id: Some(vendor),
                    status: Some("Draft".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .id
    };
    let items = if purchase_order {
        w.client
            .purchase_order_contract_line_items(procore_project, id)
    } else {
        w.client.work_order_contract_line_items(procore_project, id)
    };
    for (cost_code, amount) in lines {
        items
            .create(&CommitmentLineItemInput {
                cost_code_id: Some(*cost_code),
                description: Some(format!("Travaux {cost_code}")),
                amount: Some(amount.parse().unwrap()),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    set_commitment_status(w, procore_project, purchase_order, id, status).await;
    id
}

/// A commitment's status, as a Procore user changes it: the schedule of values is written while
/// the commitment is a draft, then approved.
async fn set_commitment_status(
    w: &World,
    procore_project: u64,
    purchase_order: bool,
    id: u64,
    status: &str,
) {
    if purchase_order {
        w.client
            .purchase_order_contracts(procore_project)
            .update(
                id,
                &procore::resources::purchase_order_contracts::PurchaseOrderContractInput {
                    status: Some(status.into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    } else {
        w.client
            .work_order_contracts(procore_project)
            .update(
                id,
                &procore::resources::work_order_contracts::WorkOrderContractInput {
                    status: Some(status.into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
}

async fn erp_lines_total(w: &World, number: &str) -> rust_decimal::Decimal {
    w.erp
        .all::<erp::SubcontractLine>(&w.company)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.record.subcontract_number == number)
        .map(|l| l.record.amount)
        .sum()
}

async fn commitments_arrive_in_maestro_by_status_and_a_missing_dependency_is_named(w: World) {
    map_labour(&w).await;
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let project = flagged_projects(&w)[0].number.clone();
    let procore_project = procore_id(&w, "projects", &project).await;
    let supplier = flagged_suppliers(&w)[0].code.clone();
    let vendor = procore_id(&w, "suppliers", &supplier).await;
    let leaves = leaf_codes(&w, &project).await;
    let (a, b) = (&leaves[0], &leaves[1]);

    let approved = procore_commitment(
        &w,
        procore_project,
        false,
        "Approved",
        vendor,
        &[(a.1, "12500.10"), (b.1, "7300.45")],
    )
    .await;
    let draft =
        procore_commitment(&w, procore_project, false, "Draft", vendor, &[(a.1, "99")]).await;
    let order = procore_commitment(
        &w,
        procore_project,
        true,
        "Approved",
        vendor,
        &[(b.1, "4321.09")],
    )
    .await;
    // A cost code made in Procore only, and a vendor mpsync never brings over.
    let stray = w
        .client
        .cost_codes(procore_project)
        .create(&procore::resources::cost_codes::CostCodeInput {
            code: Some("99".into()),
            name: Some("Imprévus".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let unsynced_code = procore_commitment(
        &w,
        procore_project,
        false,
        "Approved",
        vendor,
        &[(a.1, "10"), (stray, "20")],
    )
    .await;
    let outsider = w
        .admin
        .insert_record(
            Kind::Vendor,
            seed::COMPANY_ID,
            None,
            None,
            json!({"name": "Grues Tremblay", "notes": "NOTMAESTRO", "is_active": true}),
        )
        .await
        .unwrap();
    let outsider = field(&outsider, "id").as_u64().unwrap();
    let unsynced_vendor = procore_commitment(
        &w,
        procore_project,
        false,
        "Approved",
        outsider,
        &[(a.1, "30")],
    )
    .await;
    // An approved change order of the approved subcontract, with one line.
    let package = w
        .client
        .change_order_packages(procore_project)
        .create(
            approved,
            &procore::resources::change_order_packages::ChangeOrderPackageInput {
                title: Some("Ajout de prises".into()),
                status: Some(
                    procore::resources::change_order_packages::ChangeOrderPackageStatus::Approved,
                ),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    w.admin
        .update_record(Kind::ChangeOrderPackage, package, json!({"number": "CCO-001", "line_items": [
            {"id": 1, "position": 1, "description": "Prises supplémentaires", "extended_amount": "850.25", "cost_code": {"id": b.1}}
        ]}))
        .await
        .unwrap();

    let run = w.sync().await;
    let subcontract = |id: u64| engine::commitments::erp_number(id);
    let got = w
        .erp
        .get::<erp::Subcontract>(&w.company, &subcontract(approved))
        .await
        .unwrap()
        .expect("the approved subcontract is in maestro*")
        .record;
    assert_eq!(got.external_no.as_deref(), Some("SC-2"));
    assert_eq!(got.supplier_code, supplier);
    assert_eq!(got.project_number, project);
    assert!(!got.voided);
    let lines: Vec<erp::SubcontractLine> = w
        .erp
        .all::<erp::SubcontractLine>(&w.company)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.record)
        .filter(|l| l.subcontract_number == got.number)
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].activity_code.as_deref(), Some(a.0.as_str()));
    assert_eq!(lines[1].activity_code.as_deref(), Some(b.0.as_str()));
    // Amounts to the cent: Procore's total against maestro*'s lines.
    let procore_total = w
        .client
        .work_order_contracts(procore_project)
        .get(approved)
        .await
        .unwrap()
        .grand_total
        .unwrap();
    assert_eq!(erp_lines_total(&w, &got.number).await, procore_total);
    assert_eq!(procore_total, "19800.55".parse().unwrap());

    // The draft waits; the order is a regular purchase order.
    assert!(w
        .erp
        .get::<erp::Subcontract>(&w.company, &subcontract(draft))
        .await
        .unwrap()
        .is_none());
    let po = w
        .erp
        .get::<erp::PurchaseOrder>(&w.company, &subcontract(order))
        .await
        .unwrap()
        .expect("the purchase order is a regular order")
        .record;
    assert_eq!(po.external_no.as_deref(), Some("PO-1"));
    let po_lines: Vec<_> = w
        .erp
        .all::<erp::PurchaseOrderLine>(&w.company)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.record.order_number == po.number)
        .collect();
    assert_eq!(po_lines.len(), 1);
    assert_eq!(po_lines[0].record.amount, "4321.09".parse().unwrap());

    // The change order is a subcontract of its own, linked to the one it changes.
    let cco = w
        .erp
        .get::<erp::Subcontract>(
            &w.company,
            &engine::commitments::change_order_number(package),
        )
        .await
        .unwrap()
        .expect("the change order is a subcontract")
        .record;
    assert_eq!(
        cco.changes_subcontract.as_deref(),
        Some(got.number.as_str())
    );
    assert_eq!(cco.external_no.as_deref(), Some("CCO-001"));
    assert_eq!(cco.supplier_code, supplier);
    assert_eq!(
        erp_lines_total(&w, &cco.number).await,
        "850.25".parse().unwrap()
    );

    // Each missing dependency is an error naming it; the rest went through.
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    let named = |id: u64| {
        errors
            .iter()
            .find(|o| o.procore_id == Some(id))
            .map(|o| o.message.clone())
    };
    let code_error = named(unsynced_code).expect("the stray cost code is reported");
    assert!(
        code_error.contains(&format!("cost code {stray}")),
        "{code_error}"
    );
    assert!(code_error.contains("line 2"), "{code_error}");
    let vendor_error = named(unsynced_vendor).expect("the unsynchronized vendor is reported");
    assert!(
        vendor_error.contains(&format!("vendor {outsider}")),
        "{vendor_error}"
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(w
        .erp
        .get::<erp::Subcontract>(&w.company, &subcontract(unsynced_code))
        .await
        .unwrap()
        .is_none());

    // A second sync writes nothing.
    let quiet = w.sync().await;
    for entity in [
        "subcontracts",
        "purchase_orders",
        "subcontract_change_orders",
    ] {
        let s = quiet.entity(entity).unwrap();
        assert_eq!((s.created.erp, s.updated.erp), (0, 0), "{s:#?}");
    }

    // The Orders tab is fixed once orders are in maestro*.
    let refused = runner::commitments::set_orders_target(
        &w.state,
        w.pairing,
        &w.company,
        engine::commitments::OrdersTarget::Stock,
    )
    .await
    .unwrap_err();
    assert!(
        refused.to_string().contains("already in maestro*"),
        "{refused}"
    );

    // A line changed in Procore updates maestro*; a subcontract voided in Procore is flagged, kept.
    set_commitment_status(&w, procore_project, false, approved, "Draft").await;
    let items = w
        .client
        .work_order_contract_line_items(procore_project, approved);
    let first = items.list(&Default::default()).collect_all().await.unwrap()[0].id;
    items
        .update(
            first,
            &procore::resources::commitment_line_items::CommitmentLineItemInput {
                amount: Some("12600.10".parse().unwrap()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    set_commitment_status(&w, procore_project, false, approved, "Approved").await;
    let run = w.sync().await;
    assert_eq!(
        run.entity("subcontracts").unwrap().updated.erp,
        1,
        "{run:#?}"
    );
    assert_eq!(
        erp_lines_total(&w, &got.number).await,
        "19900.55".parse().unwrap()
    );
    w.client
        .work_order_contracts(procore_project)
        .update(
            approved,
            &procore::resources::work_order_contracts::WorkOrderContractInput {
                status: Some("Void".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let voided = w
        .erp
        .get::<erp::Subcontract>(&w.company, &got.number)
        .await
        .unwrap()
        .unwrap()
        .record;
    assert!(voided.voided, "flagged");
    assert_eq!(
        erp_lines_total(&w, &got.number).await,
        "19900.55".parse().unwrap(),
        "kept"
    );
    let warnings = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Warning)).await;
    assert!(
        warnings
            .iter()
            .any(|o| o.procore_id == Some(approved) && o.message.contains("void")),
        "{warnings:#?}"
    );

    // A change order of a subcontract still in draft waits for it, and comes with it.
    let waiting = w
        .client
        .change_order_packages(procore_project)
        .create(
            draft,
            &procore::resources::change_order_packages::ChangeOrderPackageInput {
                title: Some("Tranchée supplémentaire".into()),
                status: Some(
                    procore::resources::change_order_packages::ChangeOrderPackageStatus::Approved,
                ),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    w.admin
        .update_record(
            Kind::ChangeOrderPackage,
            waiting,
            json!({"number": "CCO-002", "line_items": [
                {"id": 1, "position": 1, "description": "Tranchée", "extended_amount": "410.00", "cost_code": {"id": a.1}}
            ]}),
        )
        .await
        .unwrap();
    // No lookback, and a second between the runs: only a cursor that stayed reads it again.
    let strict = || runner::RunnerOptions {
        lookback: chrono::Duration::zero(),
        ..Default::default()
    };
    let run = w.sync_with(strict()).await;
    assert_eq!(
        run.entity("subcontract_change_orders").unwrap().created.erp,
        0
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let run = w.sync_with(strict()).await;
    assert_eq!(
        run.entity("subcontract_change_orders").unwrap().created.erp,
        0,
        "still waiting"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    set_commitment_status(&w, procore_project, false, draft, "Approved").await;
    let run = w.sync_with(strict()).await;
    assert_eq!(
        run.entity("subcontracts").unwrap().created.erp,
        1,
        "{run:#?}"
    );
    assert_eq!(
        run.entity("subcontract_change_orders").unwrap().created.erp,
        1,
        "the change order came with its subcontract: {run:#?}"
    );
    let cco = w
        .erp
        .get::<erp::Subcontract>(
            &w.company,
            &engine::commitments::change_order_number(waiting),
        )
        .await
        .unwrap()
        .expect("the waiting change order")
        .record;
    assert_eq!(cco.changes_subcontract, Some(subcontract(draft)));
}

async fn prime_contracts_and_their_change_orders_arrive_billed_to_the_owner(w: World) {
    use procore::resources::change_orders::ChangeOrderInput;
    use procore::resources::prime_contracts::PrimeContractInput;
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let project = flagged_projects(&w)[0].number.clone();
    let procore_project = procore_id(&w, "projects", &project).await;
    let customer = flagged_customers(&w)[0].code.clone();
    let owner = procore_id(&w, "customers", &customer).await;
    let supplier = flagged_suppliers(&w)[0].code.clone();
    let plain_vendor = procore_id(&w, "suppliers", &supplier).await;
    let leaves = leaf_codes(&w, &project).await;

    let contracts = w.client.prime_contracts(procore_project);
    let make = |owner: u64, number: &'static str| {
        let contracts = contracts.clone();
        async move {
            let id = contracts
                .create(&PrimeContractInput {
                    number: Some(number.into()),
                    title: Some("Construction du centre communautaire".into()),
                    vendor_id: Some(owner),
                    status: Some("Draft".into()),
                    ..Default::default()
                })
                .await
                .unwrap()
                .id;
            id
        }
    };
    let prime = make(owner, "PK-001").await;
    let items = w.client.prime_contract_line_items(procore_project, prime);
    for (cc, amount) in [(leaves[0].1, "812000.00"), (leaves[1].1, "438000.01")] {
        items
            .create(
                &procore::resources::prime_contract_line_items::PrimeContractLineItemInput {
                    cost_code_id: Some(cc),
                    description: Some("Travaux".into()),
                    amount: Some(amount.parse().unwrap()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
    contracts
        .update(
            prime,
            &PrimeContractInput {
                status: Some("Approved".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // A prime contract billed to a supplier (not a customer) is refused, named.
    let wrong_owner = make(plain_vendor, "PK-002").await;
    contracts
        .update(
            wrong_owner,
            &PrimeContractInput {
                status: Some("Approved".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let orders = w.client.prime_change_orders(procore_project);
    let change = |number: &'static str, status: &'static str| {
        let orders = orders.clone();
        async move {
            orders
                .create(&ChangeOrderInput {
                    contract_id: Some(prime),
                    number: Some(number.into()),
                    title: Some("Retrait de la mezzanine".into()),
                    status: Some(status.into()),
                    ..Default::default()
                })
                .await
                .unwrap()
                .id
        }
    };
    let approved = change("PCCO-001", "approved").await;
    let pending = change("PCCO-002", "pending").await;
    // Their amounts, as a Procore user enters the lines.
    for (id, amount) in [(approved, "-15000.50"), (pending, "2200")] {
        w.admin
            .update_record(Kind::PrimeChangeOrder, id, json!({"grand_total": amount}))
            .await
            .unwrap();
    }

    let run = w.sync().await;
    let number = engine::commitments::erp_number(prime);
    let billing = w
        .erp
        .get::<erp::BillingContract>(&w.company, &number)
        .await
        .unwrap()
        .expect("the prime contract is a billing contract")
        .record;
    assert_eq!(billing.customer_code, customer);
    assert_eq!(billing.project_number, project);
    assert_eq!(billing.external_no.as_deref(), Some("PK-001"));
    assert_eq!(billing.amount, "1250000.01".parse().unwrap(), "to the cent");
    let co_key = (number.clone(), engine::commitments::erp_number(approved));
    let co = w
        .erp
        .get::<erp::BillingContractChangeOrder>(&w.company, &co_key)
        .await
        .unwrap()
        .expect("the approved change order is in maestro*")
        .record;
    assert_eq!(co.amount, "-15000.50".parse().unwrap());
    assert_eq!(co.external_no.as_deref(), Some("PCCO-001"));
    let pending_key = (number.clone(), engine::commitments::erp_number(pending));
    assert!(
        w.erp
            .get::<erp::BillingContractChangeOrder>(&w.company, &pending_key)
            .await
            .unwrap()
            .is_none(),
        "a pending change order waits"
    );
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].procore_id, Some(wrong_owner));
    assert!(
        errors[0]
            .message
            .contains(&format!("company {plain_vendor}")),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("customer"),
        "{}",
        errors[0].message
    );

    let quiet = w.sync().await;
    for entity in ["prime_contracts", "billing_change_orders"] {
        let s = quiet.entity(entity).unwrap();
        assert_eq!((s.created.erp, s.updated.erp), (0, 0), "{s:#?}");
    }

    // Approved later, the pending one follows; voided, the approved one is flagged and kept.
    orders
        .update(
            pending,
            &ChangeOrderInput {
                status: Some("approved".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    orders
        .update(
            approved,
            &ChangeOrderInput {
                status: Some("void".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let s = run.entity("billing_change_orders").unwrap();
    assert_eq!((s.created.erp, s.updated.erp), (1, 1), "{s:#?}");
    let voided = w
        .erp
        .get::<erp::BillingContractChangeOrder>(&w.company, &co_key)
        .await
        .unwrap()
        .unwrap()
        .record;
    assert!(voided.voided);
    assert_eq!(
        voided.amount,
        "-15000.50".parse().unwrap(),
        "kept as it was"
    );
}

/// Procore's direct costs of a project mpsync sent (by `origin_id`), with their lines.
async fn procore_direct_costs(
    w: &World,
    procore_project: u64,
) -> Vec<(
    procore::resources::direct_costs::DirectCost,
    Vec<procore::resources::direct_cost_line_items::DirectCostLineItem>,
)> {
    let costs = w
        .client
        .direct_costs(procore_project)
        .list(&Default::default())
        .collect_all()
        .await
        .unwrap();
    let mut out = Vec::new();
    for c in costs.into_iter().filter(|c| c.origin_id.is_some()) {
        let lines = w
            .client
            .direct_cost_line_items(procore_project)
            .list(c.id, &Default::default())
            .collect_all()
            .await
            .unwrap();
        out.push((c, lines));
    }
    out
}

async fn project_costs_become_direct_costs_and_changes_go_as_adjusting_costs(w: World) {
    use erp::{ProjectCost, ProjectCostType};
    let project = flagged_projects(&w)[0].number.clone();
    // A cost whose supplier maestro* does not synchronize: named, the others go on.
    let outsider = w
        .demo
        .suppliers
        .iter()
        .find(|s| !s.linked_to_procore && s.status.accepts_transactions())
        .expect("a supplier kept out of Procore")
        .code
        .clone();
    let activity = w
        .demo
        .project_costs
        .iter()
        .find(|c| c.project_number == project)
        .expect("the project has costs")
        .activity_code
        .clone();
    let stray = ProjectCost {
        number: "CP-9001".into(),
        cost_type: ProjectCostType::Expense,
        cost_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        project_number: project.clone(),
        activity_code: activity.clone(),
        supplier_code: Some(outsider.clone()),
        employee_code: None,
        amount: "75.25".parse().unwrap(),
        hours: None,
        rate: None,
        description: Some("Location".into()),
    };
    w.erp
        .upsert(&w.company, std::slice::from_ref(&stray), ChangeOrigin::User)
        .await
        .unwrap();

    w.admin.reset_request_counts().await.unwrap();
    let run = w.sync().await;
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].erp_key.as_deref(), Some("CP-9001"));
    assert!(
        errors[0].message.contains(&format!("supplier {outsider}")),
        "{}",
        errors[0].message
    );
    // Two sync actions per project with costs, whatever their number.
    let counts = w.admin.request_counts().await.unwrap();
    let with_costs = w
        .demo
        .project_costs
        .iter()
        .map(|c| c.project_number.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .len() as u64;
    assert_eq!(
        counts
            .get("RestV10ProjectsProjectIdDirectCostsSyncPatch")
            .copied(),
        Some(with_costs),
        "{counts:?}"
    );
    assert_eq!(
        counts
            .get("RestV10ProjectsProjectIdDirectCostsLineItemsSyncPatch")
            .copied(),
        Some(with_costs),
        "{counts:?}"
    );

    let procore_project = procore_id(&w, "projects", &project).await;
    let sent = procore_direct_costs(&w, procore_project).await;
    let erp_costs: Vec<&ProjectCost> = w
        .demo
        .project_costs
        .iter()
        .filter(|c| c.project_number == project)
        .collect();
    assert_eq!(sent.len(), erp_costs.len());
    for c in &erp_costs {
        let (dc, lines) = sent
            .iter()
            .find(|(d, _)| d.origin_id.as_deref() == Some(c.number.as_str()))
            .unwrap_or_else(|| panic!("{} in Procore", c.number));
        let kind = dc.direct_cost_type.as_ref().unwrap().as_str().to_owned();
        match c.cost_type {
            ProjectCostType::Payroll => {
                assert_eq!(kind, "payroll");
                // By default only the total amount: no employee, hours, rate or description.
                assert!(dc.employee.as_ref().and_then(|e| e.id).is_none(), "{dc:?}");
                assert!(
                    lines[0]
                        .quantity
                        .is_none_or(|q| q == rust_decimal::Decimal::ONE),
                    "{lines:?}"
                );
                assert!(
                    lines[0].description.as_deref().unwrap_or("").is_empty(),
                    "{lines:?}"
                );
            }
            ProjectCostType::Purchase => {
                assert_eq!(kind, "invoice");
                assert_eq!(dc.invoice_number.as_deref(), Some(c.number.as_str()));
                assert!(dc.vendor_id.is_some());
            }
            ProjectCostType::Expense => assert_eq!(kind, "expense"),
        }
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].amount, Some(c.amount), "{}", c.number);
    }
    let total = |sent: &[(
        procore::resources::direct_costs::DirectCost,
        Vec<procore::resources::direct_cost_line_items::DirectCostLineItem>,
    )]|
     -> rust_decimal::Decimal {
        sent.iter()
            .flat_map(|(_, l)| l.iter())
            .map(|l| l.amount.unwrap_or_default())
            .sum()
    };
    let erp_total: rust_decimal::Decimal = erp_costs.iter().map(|c| c.amount).sum();
    assert_eq!(total(&sent), erp_total, "totals to the cent");

    let quiet = w.sync().await;
    assert_eq!(
        quiet.entity("project_costs").unwrap().created.procore,
        0,
        "{quiet:#?}"
    );

    // A changed amount: the sent cost stays as it is (locked), the difference goes as an
    // adjusting cost, and the totals agree again.
    let mut changed = erp_costs[0].clone();
    changed.amount += rust_decimal::Decimal::new(1234, 2);
    w.erp
        .upsert(
            &w.company,
            std::slice::from_ref(&changed),
            ChangeOrigin::User,
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let made = outcomes(&w, run.run_id.unwrap(), None).await;
    let adjusting = made
        .iter()
        .find(|o| {
            o.entity == "project_costs" && o.erp_key.as_deref() == Some(changed.number.as_str())
        })
        .expect("an outcome for the changed cost");
    assert!(
        adjusting.message.contains("read-only"),
        "{}",
        adjusting.message
    );
    assert!(
        adjusting
            .message
            .contains(&format!("{}~ADJ1", changed.number)),
        "{}",
        adjusting.message
    );
    let sent = procore_direct_costs(&w, procore_project).await;
    let original = sent
        .iter()
        .find(|(d, _)| d.origin_id.as_deref() == Some(changed.number.as_str()))
        .unwrap();
    assert_eq!(
        original.1[0].amount,
        Some(erp_costs[0].amount),
        "the sent cost is untouched"
    );
    let adj = sent
        .iter()
        .find(|(d, _)| d.origin_id.as_deref() == Some(format!("{}~ADJ1", changed.number).as_str()))
        .expect("the adjusting cost");
    assert_eq!(adj.1[0].amount, Some(rust_decimal::Decimal::new(1234, 2)));
    assert_eq!(
        total(&sent),
        erp_total + rust_decimal::Decimal::new(1234, 2)
    );

    // A new description cannot reach the locked cost: a warning, once.
    changed.description = Some("Corrigé".into());
    w.erp
        .upsert(
            &w.company,
            std::slice::from_ref(&changed),
            ChangeOrigin::User,
        )
        .await
        .unwrap();
    let run = w.sync().await;
    let s = run.entity("project_costs").unwrap();
    assert_eq!((s.created.procore, s.warnings.procore), (0, 1), "{s:#?}");
    let quiet = w.sync().await;
    let s = quiet.entity("project_costs").unwrap();
    assert_eq!((s.created.procore, s.warnings.procore), (0, 0), "{s:#?}");
}

async fn payroll_costs_carry_the_details_the_company_chose(w: World) {
    use erp::{ProjectCost, ProjectCostType};
    w.state
        .set_setting_as(
            &w.company,
            runner::project_costs::PAYROLL_DETAILS_SETTING,
            &engine::project_costs::PayrollDetails {
                hours: true,
                rate: true,
                employee: true,
                description: true,
            },
        )
        .await
        .unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let payroll: &ProjectCost = w
        .demo
        .project_costs
        .iter()
        .find(|c| c.cost_type == ProjectCostType::Payroll)
        .unwrap();
    let procore_project = procore_id(&w, "projects", &payroll.project_number).await;
    let employee = procore_id(&w, "employees", payroll.employee_code.as_deref().unwrap()).await;
    let sent = procore_direct_costs(&w, procore_project).await;
    let (dc, lines) = sent
        .iter()
        .find(|(d, _)| d.origin_id.as_deref() == Some(payroll.number.as_str()))
        .unwrap();
    assert_eq!(
        dc.employee.as_ref().and_then(|e| e.id),
        Some(employee),
        "{dc:?}"
    );
    assert_eq!(lines[0].quantity, payroll.hours);
    assert_eq!(lines[0].unit_cost, payroll.rate);
    assert_eq!(lines[0].amount, Some(payroll.amount));
    assert_eq!(lines[0].description, payroll.description);
}

async fn a_lost_answer_on_direct_costs_makes_each_cost_once(w: World) {
    // Both sync actions apply, then lose their answers: each is sent again, matched by
    // origin_id, and the locked records are found, not made twice.
    for operation in [
        "RestV10ProjectsProjectIdDirectCostsSyncPatch",
        "RestV10ProjectsProjectIdDirectCostsLineItemsSyncPatch",
    ] {
        w.admin
            .add_fault(procore_sim::FaultRule {
                operation: operation.into(),
                kind: procore_sim::FaultKind::CommitThenDrop,
                count: Some(1),
                probability: None,
            })
            .await
            .unwrap();
    }
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
    for project in flagged_projects(&w) {
        let erp: Vec<&erp::ProjectCost> = w
            .demo
            .project_costs
            .iter()
            .filter(|c| c.project_number == project.number)
            .collect();
        let procore_project = procore_id(&w, "projects", &project.number).await;
        let sent = procore_direct_costs(&w, procore_project).await;
        assert_eq!(
            sent.len(),
            erp.len(),
            "one direct cost per cost in {}",
            project.number
        );
        for (dc, lines) in &sent {
            assert_eq!(lines.len(), 1, "one line each: {dc:?}");
        }
        let sent_total: rust_decimal::Decimal = sent
            .iter()
            .flat_map(|(_, l)| l.iter())
            .map(|l| l.amount.unwrap_or_default())
            .sum();
        let erp_total: rust_decimal::Decimal = erp.iter().map(|c| c.amount).sum();
        assert_eq!(sent_total, erp_total, "{}", project.number);
    }
}

async fn order_invoices_become_subcontractor_invoices_in_their_billing_period(w: World) {
    use procore::resources::billing_periods::BillingPeriodInput;
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let run = w.sync().await;
    assert_eq!(
        run.errors(),
        0,
        "invoices of maestro*'s own orders are no error: {run:#?}"
    );
    assert!(
        run.entity("order_invoices").unwrap().skipped > 0,
        "{run:#?}"
    );
    let project = flagged_projects(&w)[0].number.clone();
    let procore_project = procore_id(&w, "projects", &project).await;
    let supplier = flagged_suppliers(&w)[0].code.clone();
    let vendor = procore_id(&w, "suppliers", &supplier).await;
    let leaves = leaf_codes(&w, &project).await;
    let subcontract = procore_commitment(
        &w,
        procore_project,
        false,
        "Approved",
        vendor,
        &[(leaves[0].1, "30000.00"), (leaves[1].1, "10000.00")],
    )
    .await;
    let periods = w.client.billing_periods(procore_project);
    periods
        .create(&BillingPeriodInput {
            start_date: Some(day(2026, 11, 1)),
            end_date: Some(day(2026, 11, 30)),
            due_date: Some(day(2026, 12, 10)),
            status: Some("open".into()),
        })
        .await
        .unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let order = engine::commitments::erp_number(subcontract);
    let invoice = |number: &str, date: chrono::NaiveDate, amount: &str| erp::OrderInvoice {
        supplier_code: supplier.clone(),
        number: number.into(),
        order_kind: erp::OrderKind::Subcontract,
        order_number: order.clone(),
        invoice_date: date,
        amount: amount.parse().unwrap(),
        description: Some("Avancement".into()),
    };
    let november = invoice("F-5001", day(2026, 11, 15), "5000.01");
    let december = invoice("F-5002", day(2026, 12, 20), "2500.00");
    w.erp
        .upsert(
            &w.company,
            &[november.clone(), december.clone()],
            ChangeOrigin::User,
        )
        .await
        .unwrap();

    let run = w.sync().await;
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].message.contains("invoice_date"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("2026-12-20"),
        "{}",
        errors[0].message
    );
    let requisitions = w
        .client
        .requisitions(procore_project)
        .list(&Default::default())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(requisitions.len(), 1);
    let made = &requisitions[0];
    assert_eq!(made.commitment_id, Some(subcontract));
    assert_eq!(made.invoice_number.as_deref(), Some("F-5001"));
    assert_eq!(
        made.origin_id.as_deref(),
        Some(format!("{supplier}|F-5001").as_str())
    );
    assert_eq!(
        made.total_claimed_amount,
        Some("5000.01".parse().unwrap()),
        "to the cent"
    );

    // The missing period added in Procore, the next run sends the December invoice, once.
    periods
        .create(&BillingPeriodInput {
            start_date: Some(day(2026, 12, 1)),
            end_date: Some(day(2026, 12, 31)),
            due_date: Some(day(2027, 1, 10)),
            status: Some("open".into()),
        })
        .await
        .unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    assert_eq!(run.entity("order_invoices").unwrap().created.procore, 1);
    let quiet = w.sync().await;
    assert_eq!(quiet.entity("order_invoices").unwrap().created.procore, 0);
    let all = w
        .client
        .requisitions(procore_project)
        .list(&Default::default())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let claimed: rust_decimal::Decimal = all.iter().filter_map(|r| r.total_claimed_amount).sum();
    assert_eq!(claimed, "7500.01".parse().unwrap());

    // Procore locks a synchronized invoice: a later change stays in maestro*, with a warning.
    let mut changed = november.clone();
    changed.amount = "5100.00".parse().unwrap();
    w.erp
        .upsert(&w.company, &[changed], ChangeOrigin::User)
        .await
        .unwrap();
    let run = w.sync().await;
    let s = run.entity("order_invoices").unwrap();
    assert_eq!((s.created.procore, s.warnings.procore), (0, 1), "{s:#?}");
}

async fn lines_made_by_a_run_that_lost_them_are_read_back_not_assumed(w: World) {
    // Every line sync applies and loses its answer: the run ends with the costs pending.
    w.admin
        .add_fault(procore_sim::FaultRule {
            operation: "RestV10ProjectsProjectIdDirectCostsLineItemsSyncPatch".into(),
            kind: procore_sim::FaultKind::CommitThenDrop,
            count: Some(200),
            probability: None,
        })
        .await
        .unwrap();
    let run = w.sync().await;
    assert!(run.entity("project_costs").unwrap().pending > 0, "{run:#?}");
    w.admin.clear_faults().await.unwrap();
    // The amount changes in maestro* before the next run: Procore holds the old one.
    let mut changed = w.demo.project_costs[0].clone();
    let before = changed.amount;
    changed.amount += rust_decimal::Decimal::new(1000, 2);
    w.erp
        .upsert(
            &w.company,
            std::slice::from_ref(&changed),
            ChangeOrigin::User,
        )
        .await
        .unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let procore_project = procore_id(&w, "projects", &changed.project_number).await;
    let sent = procore_direct_costs(&w, procore_project).await;
    let of = |origin: &str| {
        sent.iter()
            .filter(|(d, _)| d.origin_id.as_deref() == Some(origin))
            .count()
    };
    assert_eq!(of(&changed.number), 1, "made once");
    let original = sent
        .iter()
        .find(|(d, _)| d.origin_id.as_deref() == Some(changed.number.as_str()))
        .unwrap();
    assert_eq!(
        original.1[0].amount,
        Some(before),
        "Procore kept what it was sent first"
    );
    let adjusting = sent
        .iter()
        .find(|(d, _)| d.origin_id.as_deref() == Some(format!("{}~ADJ1", changed.number).as_str()))
        .expect("the difference went as an adjusting cost");
    assert_eq!(
        adjusting.1[0].amount,
        Some(rust_decimal::Decimal::new(1000, 2))
    );
    let erp_total: rust_decimal::Decimal = w
        .erp
        .all::<erp::ProjectCost>(&w.company)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.record.project_number == changed.project_number)
        .map(|c| c.record.amount)
        .sum();
    let procore_total: rust_decimal::Decimal = sent
        .iter()
        .flat_map(|(_, l)| l.iter())
        .map(|l| l.amount.unwrap_or_default())
        .sum();
    assert_eq!(procore_total, erp_total, "totals to the cent");
}

async fn a_status_rule_change_brings_documents_left_out_before(w: World) {
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let project = flagged_projects(&w)[0].number.clone();
    let procore_project = procore_id(&w, "projects", &project).await;
    let vendor = procore_id(&w, "suppliers", &flagged_suppliers(&w)[0].code).await;
    let leaves = leaf_codes(&w, &project).await;
    let signing = procore_commitment(
        &w,
        procore_project,
        false,
        "Out For Signature",
        vendor,
        &[(leaves[0].1, "900.00")],
    )
    .await;
    let strict = || runner::RunnerOptions {
        lookback: chrono::Duration::zero(),
        ..Default::default()
    };
    let run = w.sync_with(strict()).await;
    assert_eq!(
        run.entity("subcontracts").unwrap().created.erp,
        0,
        "{run:#?}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    runner::commitments::set_status_rule(
        &w.state,
        Some(w.pairing),
        &w.company,
        "subcontracts",
        &engine::commitments::StatusRule {
            transfer: ["Approved", "Complete", "Out For Signature"]
                .map(str::to_owned)
                .into(),
        },
    )
    .await
    .unwrap();
    let run = w.sync_with(strict()).await;
    let s = run.entity("subcontracts").unwrap();
    assert_eq!((s.created.erp, s.updated.erp), (1, 0), "{s:#?}");
    assert!(w
        .erp
        .get::<erp::Subcontract>(&w.company, &engine::commitments::erp_number(signing))
        .await
        .unwrap()
        .is_some());
}

async fn a_line_deleted_in_procore_leaves_the_others_on_their_activities(w: World) {
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let project = flagged_projects(&w)[0].number.clone();
    let procore_project = procore_id(&w, "projects", &project).await;
    let vendor = procore_id(&w, "suppliers", &flagged_suppliers(&w)[0].code).await;
    let leaves = leaf_codes(&w, &project).await;
    let (a, b, c) = (&leaves[0], &leaves[1], &leaves[2]);
    let id = procore_commitment(
        &w,
        procore_project,
        false,
        "Approved",
        vendor,
        &[(a.1, "100.00"), (b.1, "200.00"), (c.1, "300.00")],
    )
    .await;
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    // The middle line goes, as a Procore user removes it (the subcontract back in draft).
    set_commitment_status(&w, procore_project, false, id, "Draft").await;
    let items = w.client.work_order_contract_line_items(procore_project, id);
    let middle = items
        .list(&Default::default())
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.cost_code.as_ref().and_then(|c| c.id) == Some(b.1))
        .unwrap()
        .id;
    items.delete(middle).await.unwrap();
    set_commitment_status(&w, procore_project, false, id, "Approved").await;
    let run = w.sync().await;
    assert_eq!(
        run.entity("subcontracts").unwrap().updated.erp,
        1,
        "{run:#?}"
    );
    let number = engine::commitments::erp_number(id);
    let mut lines: Vec<erp::SubcontractLine> = w
        .erp
        .all::<erp::SubcontractLine>(&w.company)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.record)
        .filter(|l| l.subcontract_number == number)
        .collect();
    lines.sort_by_key(|l| l.line_no);
    let placed: Vec<(i64, String, rust_decimal::Decimal)> = lines
        .iter()
        .map(|l| {
            (
                l.line_no,
                l.activity_code.clone().unwrap_or_default(),
                l.amount,
            )
        })
        .collect();
    assert_eq!(
        placed,
        vec![
            (1, a.0.clone(), "100.00".parse().unwrap()),
            (2, b.0.clone(), rust_decimal::Decimal::ZERO),
            (3, c.0.clone(), "300.00".parse().unwrap()),
        ],
        "each line stays on its activity; the removed one is emptied"
    );
    assert_eq!(
        erp_lines_total(&w, &number).await,
        "400.00".parse().unwrap()
    );
    let quiet = w.sync().await;
    let s = quiet.entity("subcontracts").unwrap();
    assert_eq!((s.created.erp, s.updated.erp), (0, 0), "{s:#?}");
}

async fn purchase_orders_land_in_stock_orders_when_the_orders_tab_says_so(w: World) {
    runner::commitments::set_orders_target(
        &w.state,
        w.pairing,
        &w.company,
        engine::commitments::OrdersTarget::Stock,
    )
    .await
    .unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let project = flagged_projects(&w)[0].number.clone();
    let procore_project = procore_id(&w, "projects", &project).await;
    let supplier = flagged_suppliers(&w)[0].code.clone();
    let vendor = procore_id(&w, "suppliers", &supplier).await;
    let leaves = leaf_codes(&w, &project).await;
    let order = procore_commitment(
        &w,
        procore_project,
        true,
        "Received",
        vendor,
        &[(leaves[0].1, "640.00"), (leaves[1].1, "1.99")],
    )
    .await;
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let number = engine::commitments::erp_number(order);
    let stock = w
        .erp
        .get::<erp::StockOrder>(&w.company, &number)
        .await
        .unwrap()
        .expect("a stock order")
        .record;
    assert_eq!(stock.project_number.as_deref(), Some(project.as_str()));
    let lines: Vec<_> = w
        .erp
        .all::<erp::StockOrderLine>(&w.company)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.record)
        .filter(|l| l.order_number == number)
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines.iter().all(|l| l.item_code.is_none()),
        "non-catalogue lines"
    );
    let total: rust_decimal::Decimal = lines.iter().map(|l| l.amount).sum();
    assert_eq!(total, "641.99".parse().unwrap());
    assert!(w
        .erp
        .get::<erp::PurchaseOrder>(&w.company, &number)
        .await
        .unwrap()
        .is_none());
}

async fn a_locked_procore_budget_is_reported_not_forced_and_synced_once_unlocked(w: World) {
    map_labour(&w).await;
    let projects = flagged_projects(&w);
    let (locked, open) = (projects[0].number.clone(), projects[1].number.clone());
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let locked_id = procore_id(&w, "projects", &locked).await;
    w.admin
        .update_record(Kind::Project, locked_id, json!({"budget_locked": true}))
        .await
        .unwrap();
    // A changed original on each project, and a new line on the locked one.
    let mut edits = Vec::new();
    for number in [&locked, &open] {
        let mut line = w
            .demo
            .budgets
            .iter()
            .find(|b| &b.project_number == number)
            .unwrap()
            .clone();
        line.original += rust_decimal::Decimal::new(12345, 2);
        edits.push(line);
    }
    let used: std::collections::BTreeSet<(String, String)> = w
        .demo
        .budgets
        .iter()
        .filter(|b| b.project_number == locked)
        .map(|b| (b.activity_code.clone(), b.cost_type.clone()))
        .collect();
    let leaf = demo_activities(&w, &locked)
        .into_iter()
        .map(|a| a.code.clone())
        .filter(|c| {
            !demo_activities(&w, &locked)
                .iter()
                .any(|o| o.code.starts_with(&format!("{c}-")))
        })
        .find(|c| !used.contains(&(c.clone(), "E".to_owned())))
        .expect("a last-level activity without equipment");
    let new_line = erp::BudgetLine {
        project_number: locked.clone(),
        activity_code: leaf.clone(),
        cost_type: "E".into(),
        original: rust_decimal::Decimal::new(50000, 2),
        modification: rust_decimal::Decimal::ZERO,
    };
    edits.push(new_line.clone());
    w.erp
        .upsert(&w.company, &edits, ChangeOrigin::User)
        .await
        .unwrap();
    let before = procore_budget(&w, &locked).await;
    let run = w.sync().await;
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    let budget_errors: Vec<_> = errors
        .iter()
        .filter(|o| o.entity == "original_budget")
        .collect();
    assert_eq!(
        budget_errors.len(),
        2,
        "the changed and the new line: {errors:#?}"
    );
    for e in &budget_errors {
        assert!(e.message.contains("locked"), "{}", e.message);
        assert!(e.message.contains(&locked), "{}", e.message);
        assert!(
            e.erp_key.as_deref().unwrap_or("").starts_with(&locked),
            "{e:?}"
        );
    }
    assert_eq!(procore_budget(&w, &locked).await, before, "nothing forced");
    // The open project's line went through.
    let open_budget = procore_budget(&w, &open).await;
    let key = (
        format!("{open}|{}", edits[1].activity_code),
        procore_type(&edits[1].cost_type),
    );
    assert_eq!(open_budget[&key].1, edits[1].original);

    // Reported again while locked, never retried blindly within a run.
    w.admin.reset_request_counts().await.unwrap();
    let again = w.sync().await;
    assert_eq!(
        again.entity("original_budget").unwrap().errors.procore,
        2,
        "{again:#?}"
    );
    let counts = w.admin.request_counts().await.unwrap();
    assert!(
        counts
            .get("RestV10BudgetLineItemsPost")
            .copied()
            .unwrap_or(0)
            + counts
                .get("RestV10BudgetLineItemsSyncPost")
                .copied()
                .unwrap_or(0)
            <= 2,
        "{counts:?}"
    );

    // Unlocked, the next run sends both, once.
    w.admin
        .update_record(Kind::Project, locked_id, json!({"budget_locked": false}))
        .await
        .unwrap();
    let run = w.sync().await;
    assert_eq!(run.errors(), 0, "{run:#?}");
    let summary = run.entity("original_budget").unwrap();
    assert_eq!(
        (summary.created.procore, summary.updated.procore),
        (1, 1),
        "{summary:#?}"
    );
    let after = procore_budget(&w, &locked).await;
    let total: rust_decimal::Decimal = after.values().map(|(_, o, _, _)| *o).sum();
    let erp_total: rust_decimal::Decimal = w
        .erp
        .changes_since::<erp::BudgetLine>(&w.company, erp::ChangeSeq::ORIGIN, 10_000)
        .await
        .unwrap()
        .changes
        .into_iter()
        .filter(|c| c.record.project_number == locked)
        .map(|c| c.record.original)
        .sum();
    assert_eq!(total, erp_total, "totals to the cent");
    assert_eq!(
        after[&(format!("{locked}|{leaf}"), "E".to_owned())].1,
        new_line.original
    );
    let quiet = w.sync().await;
    assert_eq!(quiet.writes(), 0, "{quiet:#?}");
}

async fn a_project_on_advanced_wbs_is_reported_and_left_alone(w: World) {
    // The company added a custom "Phase" segment: every WBS code of the project carries it.
    let codes = w
        .admin
        .records(
            Kind::WbsCode,
            Some(seed::COMPANY_ID),
            Some(seed::PROJECT_ID),
        )
        .await
        .unwrap();
    assert!(!codes.is_empty(), "the seeded project has WBS codes");
    for code in codes {
        w.admin
            .update_record(
                Kind::WbsCode,
                code["id"].as_u64().unwrap(),
                json!({"custom_segment_items": [
                    {"id": 77, "code": "PH1", "name": "Phase 1", "segment": {"id": 9, "name": "Phase"}}
                ]}),
            )
            .await
            .unwrap();
    }
    let run = w.sync().await;
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    let wbs: Vec<_> = errors.iter().filter(|o| o.entity == "cost_codes").collect();
    assert_eq!(wbs.len(), 1, "{errors:#?}");
    assert_eq!(wbs[0].procore_id, Some(seed::PROJECT_ID));
    assert!(
        wbs[0].message.contains("advanced WBS"),
        "{}",
        wbs[0].message
    );
    assert!(wbs[0].message.contains("Phase"), "{}", wbs[0].message);
    // The other projects' codes are created.
    let project = flagged_projects(&w)[0].number.clone();
    assert_eq!(
        procore_codes(&w, &project).await.len(),
        demo_activities(&w, &project).len()
    );
}

backend_tests!(
    procore_edits_are_read_whichever_way_its_clock_is_skewed,
    a_line_deleted_in_procore_leaves_the_others_on_their_activities,
    a_status_rule_change_brings_documents_left_out_before,
    lines_made_by_a_run_that_lost_them_are_read_back_not_assumed,
    order_invoices_become_subcontractor_invoices_in_their_billing_period,
    a_lost_answer_on_direct_costs_makes_each_cost_once,
    project_costs_become_direct_costs_and_changes_go_as_adjusting_costs,
    payroll_costs_carry_the_details_the_company_chose,
    prime_contracts_and_their_change_orders_arrive_billed_to_the_owner,
    commitments_arrive_in_maestro_by_status_and_a_missing_dependency_is_named,
    purchase_orders_land_in_stock_orders_when_the_orders_tab_says_so,
    a_locked_procore_budget_is_reported_not_forced_and_synced_once_unlocked,
    a_project_on_advanced_wbs_is_reported_and_left_alone,
    a_first_link_master_settles_an_onboarded_difference_without_a_conflict,
    the_original_budget_reaches_procore_to_the_cent_then_nothing_is_rewritten,
    a_procore_budget_change_lands_in_the_modification_column_only,
    a_budget_line_that_cannot_be_placed_is_an_error_and_the_others_sync,
    cost_codes_are_created_level_by_level_in_direct_mode_then_quiet,
    cost_codes_in_concatenated_mode_carry_one_level_each,
    an_activity_too_deep_is_an_error_naming_it_and_the_others_are_created,
    a_date_cleared_in_maestro_is_cleared_in_procore_and_stays_cleared,
    an_outage_leaves_writes_pending_and_the_next_run_makes_them_once,
    link_auto_proposes_then_links_and_the_next_sync_compares,
    a_link_by_hand_is_refused_when_the_company_is_another_entitys,
    a_resolved_conflict_writes_the_chosen_side_at_the_next_sync,
    customers_go_both_ways_as_marked_directory_companies,
    a_plain_vendor_named_like_a_customer_is_claimed_by_it_never_made_a_supplier,
    employees_arrive_as_employee_users_and_edits_follow,
    an_employee_without_an_email_is_an_error_and_the_others_sync,
    a_procore_user_with_the_same_email_is_linked_not_duplicated,
    a_supplier_flagged_later_is_linked_to_its_unchanged_vendor,
    the_vendors_a_run_wrote_come_back_unchanged_and_edits_among_them_go_through,
    a_write_procore_refuses_is_an_error_naming_the_record_and_field,
    an_address_too_long_for_maestro_is_cut_with_a_warning,
    supplier_status_follows_vendor_activity_both_ways,
    full_sync_then_a_second_sync_writes_nothing,
    edits_on_either_side_reach_the_other,
    a_conflicting_edit_is_recorded_and_neither_side_overwritten,
    a_notmaestro_vendor_is_never_imported,
    an_invalid_procore_project_number_is_an_error_and_the_others_sync,
    a_vendor_with_the_same_normalized_name_is_linked_not_duplicated,
    a_dry_run_writes_and_records_nothing,
);
