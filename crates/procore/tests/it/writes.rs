//! Writes: sync actions with per-item errors, and lost answers that must not duplicate anything.

use procore::resources::vendors::{VendorInput, VendorSyncItem};
use procore::ErrorKind;
use procore_sim::{seed, FaultKind, FaultRule, Kind};

use crate::support;

fn drop_next(operation: &str) -> FaultRule {
    FaultRule {
        operation: operation.into(),
        kind: FaultKind::CommitThenDrop,
        count: Some(1),
        probability: None,
    }
}

async fn vendors_with_origin(sim: &procore_sim::SimServer, origin_id: &str) -> usize {
    sim.admin()
        .records(Kind::Vendor, Some(seed::COMPANY_ID), None)
        .await
        .unwrap()
        .iter()
        .filter(|v| v["data"]["origin_id"] == origin_id)
        .count()
}

#[tokio::test]
async fn a_sync_action_returns_valid_items_created_and_invalid_ones_with_field_messages() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let mut items: Vec<VendorSyncItem> = (0..5)
        .map(|i| VendorSyncItem {
            origin_id: Some(format!("S{i}")),
            name: Some(format!("Électricité Laval {i}")),
            country_code: Some("CA".into()),
            state_code: Some("QC".into()),
            ..Default::default()
        })
        .collect();
    items.push(VendorSyncItem {
        origin_id: Some("S-bad-country".into()),
        name: Some("Plomberie Sans Pays".into()),
        country_code: Some("ZZ".into()),
        ..Default::default()
    });
    items.push(VendorSyncItem {
        origin_id: Some("S-no-name".into()),
        ..Default::default()
    });
    let outcome = client.vendors().sync(items).await.expect("always 200");
    assert_eq!(outcome.entities.len(), 5);
    assert_eq!(outcome.errors.len(), 2);
    let bad_country = outcome
        .errors
        .iter()
        .find(|e| e.origin_id.as_deref() == Some("S-bad-country"))
        .expect("the bad country is reported with its origin_id");
    assert!(
        bad_country
            .field_errors
            .iter()
            .any(|f| f.field == "country_code"),
        "{bad_country:?}"
    );
    let no_name = outcome
        .errors
        .iter()
        .find(|e| e.origin_id.as_deref() == Some("S-no-name"))
        .unwrap();
    assert!(
        no_name.field_errors.iter().any(|f| f.field == "name"),
        "{no_name:?}"
    );
    assert_eq!(vendors_with_origin(&sim, "S-no-name").await, 0);
    assert_eq!(vendors_with_origin(&sim, "S3").await, 1);

    // Sending the same batch again updates, never duplicates.
    let again = client
        .vendors()
        .sync(vec![VendorSyncItem {
            origin_id: Some("S3".into()),
            name: Some("Électricité Laval 3 (renommée)".into()),
            ..Default::default()
        }])
        .await
        .unwrap();
    assert_eq!(again.entities.len(), 1);
    assert_eq!(vendors_with_origin(&sim, "S3").await, 1);
    support::finish(sim).await;
}

#[tokio::test]
async fn commit_then_drop_on_a_create_followed_by_the_retry_leaves_exactly_one_record() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .set_faults(vec![drop_next("RestV10VendorsPost")])
        .await
        .unwrap();
    let input = VendorInput {
        name: Some("Coffrages Beauce ltée".into()),
        origin_id: Some("SUP-777".into()),
        ..Default::default()
    };
    let vendor = client
        .vendors()
        .create_once(&input)
        .await
        .expect("found after the lost answer");
    assert_eq!(vendor.origin_id.as_deref(), Some("SUP-777"));
    assert_eq!(
        vendors_with_origin(&sim, "SUP-777").await,
        1,
        "exactly one record"
    );
    let counts = sim.admin().request_counts().await.unwrap();
    assert_eq!(
        counts["RestV10VendorsPost"], 1,
        "the create was not sent twice"
    );
    support::finish(sim).await;
}

#[tokio::test]
async fn a_create_without_origin_id_whose_answer_is_lost_is_not_resent() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .set_faults(vec![drop_next("RestV10VendorsPost")])
        .await
        .unwrap();
    let input = VendorInput {
        name: Some("Excavation Sans Clé".into()),
        ..Default::default()
    };
    let err = client
        .vendors()
        .create(&input)
        .await
        .expect_err("outcome unknown");
    assert!(err.write_outcome_unknown(), "{err}");
    assert_eq!(err.kind(), ErrorKind::Transient);
    let counts = sim.admin().request_counts().await.unwrap();
    assert_eq!(counts["RestV10VendorsPost"], 1, "never blindly re-sent");
    support::finish(sim).await;
}

#[tokio::test]
async fn a_sync_batch_whose_answer_is_lost_is_resent_safely_by_origin_id() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .set_faults(vec![drop_next("RestV10VendorsSyncPatch")])
        .await
        .unwrap();
    let items = (0..3)
        .map(|i| VendorSyncItem {
            origin_id: Some(format!("D{i}")),
            name: Some(format!("Déneigement {i}")),
            ..Default::default()
        })
        .collect();
    let outcome = client
        .vendors()
        .sync(items)
        .await
        .expect("re-sent: upsert by origin_id");
    assert_eq!(outcome.entities.len(), 3);
    for i in 0..3 {
        assert_eq!(vendors_with_origin(&sim, &format!("D{i}")).await, 1);
    }
    support::finish(sim).await;
}

#[tokio::test]
async fn validation_errors_name_the_endpoint_status_and_field() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let err = client
        .vendors()
        .create(&VendorInput {
            name: Some("Pays Inconnu".into()),
            country_code: Some("XX".into()),
            ..Default::default()
        })
        .await
        .expect_err("invalid country");
    assert_eq!(err.kind(), ErrorKind::Validation);
    let text = err.to_string();
    assert!(text.contains("/rest/v1.0/vendors"), "{text}");
    assert!(text.contains("422") || text.contains("400"), "{text}");
    assert!(text.contains("country_code"), "{text}");
    support::finish(sim).await;
}

#[tokio::test]
async fn amounts_travel_exactly_as_numbers_and_as_strings() {
    use procore::resources::budget_line_items::{BudgetLineItemInput, BudgetLineItemUpdateInput};
    use procore::resources::commitment_line_items::CommitmentLineItemInput;
    use procore::resources::cost_codes::CostCodeInput;
    use procore::resources::work_order_contracts::WorkOrderContractInput;

    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let project = seed::PROJECT_ID;
    let code = client
        .cost_codes(project)
        .create(&CostCodeInput {
            code: Some("09".into()),
            name: Some("Finitions".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let cost_type = client
        .line_item_types()
        .list(&procore::resources::line_item_types::LineItemTypeFilters {
            project_id: Some(project),
            ..Default::default()
        })
        .collect_all()
        .await
        .unwrap()[0]
        .id;
    // A budget amount is a JSON number in Procore's contract: twelve significant digits and
    // cents must survive without a trip through f64 arithmetic.
    let amount: procore::Money = "9876543210.07".parse().unwrap();
    let line = client
        .budget_line_items(project)
        .create(&BudgetLineItemInput {
            cost_code_id: Some(code.id),
            line_item_type_id: Some(cost_type),
            original_budget_amount: Some(amount),
            ..Default::default()
        })
        .await
        .unwrap();
    let read = client
        .budget_line_items(project)
        .get(line.id)
        .await
        .unwrap();
    assert_eq!(read.original_budget_amount, Some(amount));
    let raised: procore::Money = "9876543210.08".parse().unwrap();
    let updated = client
        .budget_line_items(project)
        .update(
            line.id,
            &BudgetLineItemUpdateInput {
                original_budget_amount: Some(raised),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.original_budget_amount, Some(raised));

    // A commitment line amount is a JSON string.
    let vendor = client
        .vendors()
        .create(&VendorInput {
            name: Some("Peinture Rive-Sud".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let contract = client
        .work_order_contracts(project)
        .create(&WorkOrderContractInput {
            title: Some("Peinture".into()),
            vendor_id: Some(vendor.id),
            ..Default::default()
        })
        .await
        .unwrap();
    let cents: procore::Money = "0.10".parse().unwrap();
    let line = client
        .work_order_contract_line_items(project, contract.id)
        .create(&CommitmentLineItemInput {
            amount: Some(cents + "0.20".parse::<procore::Money>().unwrap()),
            cost_code_id: Some(code.id),
            line_item_type_id: Some(cost_type),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        line.amount,
        Some("0.30".parse().unwrap()),
        "0.1 + 0.2 is 0.30 here"
    );
    support::finish(sim).await;
}

#[tokio::test]
async fn errors_are_classified_not_found_and_not_permitted() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let missing = client.vendors().get(1).await.expect_err("no such vendor");
    assert_eq!(missing.kind(), ErrorKind::NotFound, "{missing}");
    assert_eq!(missing.status(), Some(404));

    // A project the app was not permitted in App Management.
    sim.admin()
        .set_permitted_projects(seed::COMPANY_ID, &[seed::SECOND_PROJECT_ID], false)
        .await
        .unwrap();
    let refused = client
        .cost_codes(seed::PROJECT_ID)
        .list(&Default::default())
        .collect_all()
        .await
        .expect_err("project not permitted");
    assert_eq!(refused.kind(), ErrorKind::NotPermitted, "{refused}");
    assert!(refused.to_string().contains("403"), "{refused}");

    // Another company's record is invisible, as in Procore.
    let other = client
        .with_company(seed::SECOND_COMPANY_ID)
        .cost_codes(seed::PROJECT_ID)
        .list(&Default::default())
        .collect_all()
        .await
        .expect_err("project of another company");
    assert!(
        matches!(other.kind(), ErrorKind::NotFound | ErrorKind::NotPermitted),
        "{other}"
    );
    support::finish(sim).await;
}
