//! Hostile records on either side of a sync: each one an error outcome naming the record and
//! the field, the others synchronized, nothing half-written. SQLite only: the backends are
//! proven alike elsewhere, and these tests are about the records.

use erp::{ChangeOrigin, Project, Supplier};
use procore_sim::{seed, Kind};
use serde_json::{json, Value};
use state::SyncStatus;

use super::{erp_record, field, flagged_suppliers, outcomes, procore_records};
use crate::support::World;

async fn plant_project(w: &World, number: &str, extra: Value) -> u64 {
    let mut data = json!({"name": format!("Chantier {number}"), "project_number": number,
                          "active": true, "country_code": "CA", "state_code": "QC"});
    data.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let record = w
        .admin
        .insert_record(Kind::Project, seed::COMPANY_ID, None, None, data)
        .await
        .unwrap();
    field(&record, "id").as_u64().expect("project id")
}

async fn hostile_procore_projects_are_errors_and_the_others_arrive(w: World) {
    let before = w.erp.all::<Project>(&w.company).await.unwrap().len();
    let bad_date = plant_project(&w, "H-1", json!({"start_date": "0000-13-45"})).await;
    let bidi = plant_project(&w, "H-3", json!({"name": "Entrepôt \u{202E}fdp.exe"})).await;
    let huge = plant_project(&w, "H-4", json!({"name": "x".repeat(1 << 20)})).await;
    let control = plant_project(&w, "H-5", json!({"city": "Laval\u{0}\u{1b}[2J"})).await;
    let absurd_year = plant_project(&w, "H-6", json!({"completion_date": "99999-01-01"})).await;

    let run = w.sync().await;
    let projects = run.entity("projects").unwrap();
    let errors = outcomes(&w, run.run_id.unwrap(), Some(SyncStatus::Error)).await;
    let named = |id: u64, what: &str| {
        let outcome = errors
            .iter()
            .find(|o| o.entity == "projects" && o.procore_id == Some(id))
            .unwrap_or_else(|| panic!("project {id} has an error outcome: {errors:#?}"));
        assert!(
            outcome.message.contains(&id.to_string()) || outcome.message.contains("H-"),
            "{}",
            outcome.message
        );
        assert!(
            outcome.message.contains(what),
            "{what}: {}",
            outcome.message
        );
        assert!(outcome.message.len() < 1000, "a short message");
    };
    named(bad_date, "start_date");
    named(bidi, "description");
    named(huge, "description");
    named(control, "city");
    named(absurd_year, "completion_date");
    assert_eq!(projects.errors.erp, 5, "{projects:#?}");
    assert_eq!(
        projects.created.erp, 2,
        "1001 and 1002 still arrive: {projects:#?}"
    );

    // Nothing of a refused record reached maestro*.
    let after = w.erp.all::<Project>(&w.company).await.unwrap();
    assert_eq!(after.len(), before + 2);
    assert!(!after.iter().any(|p| p.record.number.starts_with("H-")));

    // The next run reports them again, and still writes nothing for them.
    let again = w.sync().await;
    assert_eq!(again.entity("projects").unwrap().created.erp, 0);
}

async fn hostile_maestro_values_reach_procore_as_plain_text_or_are_refused(w: World) {
    let supplier = flagged_suppliers(&w)[0].clone();
    let formula = "=cmd|' /C calc'!A0";
    let mut edited = erp_record::<Supplier>(&w, &supplier.code).await;
    edited.name = formula.to_owned();
    edited.city = Some("@SUM(A1)".to_owned());
    w.erp
        .upsert(&w.company, &[edited.clone()], ChangeOrigin::User)
        .await
        .unwrap();
    // maestro* itself refuses hidden controls and oversized text before any sync sees them.
    for name in ["Béton\u{202E}cte", "Béton\u{0}", &"x".repeat(1 << 20)] {
        let mut hostile = edited.clone();
        hostile.name = name.to_owned();
        let err = w
            .erp
            .upsert(&w.company, &[hostile], ChangeOrigin::User)
            .await
            .expect_err("refused by maestro*");
        let text = err.to_string();
        assert!(
            text.contains(&supplier.code) && text.contains("name"),
            "{text}"
        );
        assert!(text.len() < 1000, "a short message");
    }

    let run = w.sync().await;
    let suppliers = run.entity("suppliers").unwrap();
    assert_eq!(suppliers.errors.procore, 0, "{suppliers:#?}");
    // To Procore a formula is text: it arrives verbatim, and exports neutralise it.
    let vendors = procore_records(&w, Kind::Vendor).await;
    let vendor = vendors
        .iter()
        .find(|v| field(v, "origin_id") == &json!(supplier.code))
        .expect("the supplier's vendor");
    assert_eq!(field(vendor, "name"), &json!(formula));
    assert_eq!(field(vendor, "city"), &json!("@SUM(A1)"));
}

mod sqlite {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hostile_procore_projects_are_errors_and_the_others_arrive() {
        crate::support::run(
            crate::support::Backend::Sqlite,
            super::hostile_procore_projects_are_errors_and_the_others_arrive,
        )
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hostile_maestro_values_reach_procore_as_plain_text_or_are_refused() {
        crate::support::run(
            crate::support::Backend::Sqlite,
            super::hostile_maestro_values_reach_procore_as_plain_text_or_are_refused,
        )
        .await;
    }
}
