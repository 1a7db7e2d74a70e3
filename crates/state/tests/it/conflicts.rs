use serde_json::json;
use state::{ConflictFilter, NewConflict, Resolution, StateError, StateStore};

use crate::harness::production_pairing;

async fn conflicts_listed_and_resolved(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let new = NewConflict {
        pairing: p,
        entity: "suppliers".into(),
        erp_key: "SUP-1".into(),
        procore_id: Some(101),
        field: "phone".into(),
        base_value: json!("418-555-0000"),
        erp_value: json!("418-555-1111"),
        procore_value: json!("418-555-2222"),
    };
    let first = store.record_conflict(&new).await.unwrap();
    assert!(first.is_open());
    assert!(store
        .has_open_conflict(p, "suppliers", "SUP-1", "phone")
        .await
        .unwrap());
    assert!(!store
        .has_open_conflict(p, "suppliers", "SUP-1", "name")
        .await
        .unwrap());

    // Detected again with newer values: same conflict, refreshed.
    let again = store
        .record_conflict(&NewConflict {
            procore_value: json!("418-555-3333"),
            ..new.clone()
        })
        .await
        .unwrap();
    assert_eq!(again.id, first.id);
    assert_eq!(again.procore_value, json!("418-555-3333"));
    assert_eq!(again.detected_at, first.detected_at);

    let other = store
        .record_conflict(&NewConflict {
            erp_key: "SUP-2".into(),
            field: "name".into(),
            ..new.clone()
        })
        .await
        .unwrap();
    let open = store
        .list_conflicts(
            p,
            &ConflictFilter {
                open_only: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        open.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![first.id, other.id]
    );
    assert_eq!(
        store
            .open_conflicts(p, "suppliers", "SUP-1")
            .await
            .unwrap()
            .len(),
        1
    );

    let resolved = store
        .resolve_conflict(first.id, Resolution::KeepErp)
        .await
        .unwrap();
    assert_eq!(resolved.resolution, Some(Resolution::KeepErp));
    assert!(resolved.resolved_at.is_some());
    assert!(!store
        .has_open_conflict(p, "suppliers", "SUP-1", "phone")
        .await
        .unwrap());
    assert!(matches!(
        store.resolve_conflict(first.id, Resolution::KeepProcore).await,
        Err(StateError::ConflictAlreadyResolved(id)) if id == first.id
    ));
    assert!(matches!(
        store.resolve_conflict(987_654, Resolution::KeepErp).await,
        Err(StateError::ConflictNotFound(987_654))
    ));

    // The next sync applies the choice once.
    let to_apply = store.resolutions_to_apply(p, "suppliers").await.unwrap();
    assert_eq!(
        to_apply.iter().map(|c| c.id).collect::<Vec<_>>(),
        [first.id]
    );
    assert!(to_apply[0].applied_at.is_none());
    store.mark_resolutions_applied(&[first.id]).await.unwrap();
    assert!(store
        .resolutions_to_apply(p, "suppliers")
        .await
        .unwrap()
        .is_empty());

    // A new disagreement on the resolved field opens a new conflict.
    let reopened = store.record_conflict(&new).await.unwrap();
    assert_ne!(reopened.id, first.id);
    let all = store
        .list_conflicts(
            p,
            &ConflictFilter {
                entity: Some("suppliers".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
}

backend_tests!(conflicts_listed_and_resolved);
