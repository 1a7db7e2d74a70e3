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
