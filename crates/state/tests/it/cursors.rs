use chrono::{Duration, TimeZone, Utc};
use serde_json::json;
use state::{BindingWrite, CursorKey, CursorValue, Direction, Lookback, StateError, StateStore};

use crate::harness::production_pairing;

async fn never_backwards(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let key = CursorKey::new(p, "suppliers", Direction::ErpToProcore, "company");
    assert!(store.cursor(&key).await.unwrap().is_none());

    store
        .advance_cursor(&key, CursorValue::ChangeSeq(10))
        .await
        .unwrap();
    store
        .advance_cursor(&key, CursorValue::ChangeSeq(10))
        .await
        .unwrap(); // equal: idempotent
    store
        .advance_cursor(&key, CursorValue::ChangeSeq(12))
        .await
        .unwrap();
    match store.advance_cursor(&key, CursorValue::ChangeSeq(11)).await {
        Err(StateError::CursorBackwards {
            current, proposed, ..
        }) => {
            assert_eq!(current, CursorValue::ChangeSeq(12));
            assert_eq!(proposed, CursorValue::ChangeSeq(11));
        }
        other => panic!("expected CursorBackwards, got {other:?}"),
    }
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mismatch = store.advance_cursor(&key, CursorValue::UpdatedAt(at)).await;
    assert!(
        matches!(mismatch, Err(StateError::CursorKindMismatch { .. })),
        "{mismatch:?}"
    );
    assert_eq!(
        store.cursor(&key).await.unwrap().unwrap().value,
        CursorValue::ChangeSeq(12)
    );

    // Partitions and directions are separate cursors.
    let other = CursorKey::new(p, "suppliers", Direction::ProcoreToErp, "company");
    store
        .advance_cursor(&other, CursorValue::ChangeSeq(1))
        .await
        .unwrap();
    assert_eq!(store.list_cursors(p).await.unwrap().len(), 2);

    // Forgotten on purpose (the entity's rules changed): the next read is a full one; other
    // entities keep theirs.
    let kept = CursorKey::new(p, "customers", Direction::ErpToProcore, "company");
    store
        .advance_cursor(&kept, CursorValue::ChangeSeq(3))
        .await
        .unwrap();
    assert_eq!(store.forget_cursors(p, "suppliers").await.unwrap(), 2);
    assert!(store.cursor(&key).await.unwrap().is_none());
    assert!(store.cursor(&kept).await.unwrap().is_some());
    store
        .advance_cursor(&key, CursorValue::ChangeSeq(1))
        .await
        .unwrap();
}

async fn inclusive_with_lookback(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let key = CursorKey::new(p, "commitments", Direction::ProcoreToErp, "project:42");
    let at =
        Utc.with_ymd_and_hms(2026, 3, 4, 10, 30, 15).unwrap() + Duration::microseconds(123_456);
    store
        .advance_cursor(&key, CursorValue::UpdatedAt(at))
        .await
        .unwrap();
    assert_eq!(
        store.cursor(&key).await.unwrap().unwrap().value,
        CursorValue::UpdatedAt(at)
    );

    let exact = store
        .read_from(&key, &Lookback::NONE)
        .await
        .unwrap()
        .unwrap();
    assert!(
        exact.admits(CursorValue::UpdatedAt(at)),
        "the cursor's own instant is re-read"
    );
    assert!(!exact.admits(CursorValue::UpdatedAt(at - Duration::microseconds(1))));

    let start = store
        .read_from(&key, &Lookback::of(Duration::minutes(5)))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(start, CursorValue::UpdatedAt(at - Duration::minutes(5)));
    assert!(start.admits(CursorValue::UpdatedAt(at - Duration::minutes(5))));

    let seq_key = CursorKey::new(p, "projects", Direction::ErpToProcore, "company");
    store
        .advance_cursor(&seq_key, CursorValue::ChangeSeq(100))
        .await
        .unwrap();
    let lookback = Lookback {
        change_seqs: 3,
        duration: Duration::zero(),
    };
    assert_eq!(
        store.read_from(&seq_key, &lookback).await.unwrap(),
        Some(CursorValue::ChangeSeq(97))
    );
    // Lookback never moves the stored cursor.
    assert_eq!(
        store.cursor(&seq_key).await.unwrap().unwrap().value,
        CursorValue::ChangeSeq(100)
    );
}

async fn advanced_with_bindings_in_one_transaction(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let key = CursorKey::new(p, "suppliers", Direction::ErpToProcore, "company");
    let binding = |erp_key: &str, procore_id| BindingWrite {
        pairing: p,
        entity: "suppliers".into(),
        erp_key: erp_key.into(),
        procore_id,
        erp_hash: None,
        procore_hash: None,
        last_synced_values: json!({}),
    };

    // Rolled back: neither the binding nor the cursor moved.
    let mut tx = store.begin().await.unwrap();
    tx.upsert_binding(&binding("SUP-1", 1)).await.unwrap();
    tx.advance_cursor(&key, CursorValue::ChangeSeq(5))
        .await
        .unwrap();
    assert!(tx
        .binding_by_erp_key(p, "suppliers", "SUP-1")
        .await
        .unwrap()
        .is_some());
    assert_eq!(
        tx.cursor(&key).await.unwrap().unwrap().value,
        CursorValue::ChangeSeq(5)
    );
    tx.rollback().await.unwrap();
    assert!(store
        .binding_by_erp_key(p, "suppliers", "SUP-1")
        .await
        .unwrap()
        .is_none());
    assert!(store.cursor(&key).await.unwrap().is_none());

    // Dropped after a failed write: same.
    store.upsert_binding(&binding("SUP-0", 100)).await.unwrap();
    {
        let mut tx = store.begin().await.unwrap();
        tx.upsert_binding(&binding("SUP-1", 1)).await.unwrap();
        let clash = tx.upsert_binding(&binding("SUP-2", 100)).await;
        assert!(matches!(clash, Err(StateError::BindingConflict(_))));
        // The transaction stays usable after the refusal (PostgreSQL would abort on a raw error).
        tx.advance_cursor(&key, CursorValue::ChangeSeq(6))
            .await
            .unwrap();
    }
    assert!(store
        .binding_by_erp_key(p, "suppliers", "SUP-1")
        .await
        .unwrap()
        .is_none());
    assert!(store.cursor(&key).await.unwrap().is_none());

    // Committed: both visible.
    let mut tx = store.begin().await.unwrap();
    tx.upsert_binding(&binding("SUP-1", 1)).await.unwrap();
    tx.advance_cursor(&key, CursorValue::ChangeSeq(7))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(store
        .binding_by_erp_key(p, "suppliers", "SUP-1")
        .await
        .unwrap()
        .is_some());
    assert_eq!(
        store.cursor(&key).await.unwrap().unwrap().value,
        CursorValue::ChangeSeq(7)
    );
}

/// Workers finishing batches out of order: the cursor ends at the newest, and every stale
/// write is refused rather than applied.
async fn concurrent_advances_keep_the_newest(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let key = CursorKey::new(p, "projects", Direction::ErpToProcore, "company");
    let values = [5_i64, 17, 3, 12, 20, 8, 1, 19, 14, 6];
    let mut tasks = Vec::new();
    for seq in values {
        let store = store.clone();
        let key = key.clone();
        tasks.push(tokio::spawn(async move {
            store
                .advance_cursor(&key, CursorValue::ChangeSeq(seq))
                .await
        }));
    }
    for task in tasks {
        match task.await.unwrap() {
            Ok(()) | Err(StateError::CursorBackwards { .. }) => {}
            Err(other) => panic!("unexpected error {other:?}"),
        }
    }
    assert_eq!(
        store.cursor(&key).await.unwrap().unwrap().value,
        CursorValue::ChangeSeq(20)
    );
}

backend_tests!(
    never_backwards,
    inclusive_with_lookback,
    advanced_with_bindings_in_one_transaction,
    concurrent_advances_keep_the_newest
);
