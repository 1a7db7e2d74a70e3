use serde_json::json;
use state::{BindingConflict, BindingWrite, NewPairing, PairingId, StateError, StateStore};

use crate::harness::{production_pairing, sandbox_pairing};

fn write(pairing: PairingId, entity: &str, erp_key: &str, procore_id: u64) -> BindingWrite {
    BindingWrite {
        pairing,
        entity: entity.to_owned(),
        erp_key: erp_key.to_owned(),
        procore_id,
        erp_hash: Some(format!("erp-{erp_key}")),
        procore_hash: Some(format!("procore-{procore_id}")),
        last_synced_values: json!({"name": erp_key}),
    }
}

fn conflict_of(result: Result<state::Binding, StateError>) -> BindingConflict {
    match result {
        Err(StateError::BindingConflict(conflict)) => conflict,
        other => panic!("expected a binding conflict, got {other:?}"),
    }
}

async fn unique_on_both_sides(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let first = store
        .upsert_binding(&write(p, "suppliers", "SUP-1", 101))
        .await
        .unwrap();
    assert_eq!(first.procore_id, 101);

    // Same pair again: an update of hashes and agreed values, not a conflict.
    let mut again = write(p, "suppliers", "SUP-1", 101);
    again.erp_hash = Some("changed".into());
    again.last_synced_values = json!({"name": "Béton Québec"});
    let updated = store.upsert_binding(&again).await.unwrap();
    assert_eq!(updated.erp_hash.as_deref(), Some("changed"));
    assert_eq!(updated.last_synced_values, json!({"name": "Béton Québec"}));
    assert!(updated.synced_at >= first.synced_at);

    // Same ERP key, other Procore id.
    let clash = conflict_of(
        store
            .upsert_binding(&write(p, "suppliers", "SUP-1", 102))
            .await,
    );
    assert_eq!(clash.erp_key_bound_to, Some(101));
    assert_eq!(clash.procore_id_bound_to, None);

    // Same Procore id, other ERP key.
    let clash = conflict_of(
        store
            .upsert_binding(&write(p, "suppliers", "SUP-2", 101))
            .await,
    );
    assert_eq!(clash.erp_key_bound_to, None);
    assert_eq!(clash.procore_id_bound_to.as_deref(), Some("SUP-1"));
    let message = clash.to_string();
    assert!(
        message.contains("SUP-2") && message.contains("101") && message.contains("SUP-1"),
        "{message}"
    );

    // Both sides taken by two different bindings: the error names both.
    store
        .upsert_binding(&write(p, "suppliers", "SUP-3", 103))
        .await
        .unwrap();
    let clash = conflict_of(
        store
            .upsert_binding(&write(p, "suppliers", "SUP-1", 103))
            .await,
    );
    assert_eq!(clash.erp_key_bound_to, Some(101));
    assert_eq!(clash.procore_id_bound_to.as_deref(), Some("SUP-3"));

    // Another entity is another namespace.
    store
        .upsert_binding(&write(p, "projects", "SUP-1", 102))
        .await
        .unwrap();
    assert_eq!(store.count_bindings(p, "suppliers").await.unwrap(), 2);
    assert_eq!(store.count_bindings(p, "projects").await.unwrap(), 1);
}

async fn isolated_per_pairing(store: StateStore) {
    let prod = production_pairing(&store, "ACME").await.id;
    let sandbox = sandbox_pairing(&store, "ACME-TEST").await.id;
    // The monthly sandbox reuses production's ids: the same Procore id is a different record.
    store
        .upsert_binding(&write(prod, "projects", "P-100", 555))
        .await
        .unwrap();
    store
        .upsert_binding(&write(sandbox, "projects", "T-100", 555))
        .await
        .unwrap();

    let in_prod = store
        .binding_by_procore_id(prod, "projects", 555)
        .await
        .unwrap()
        .unwrap();
    let in_sandbox = store
        .binding_by_procore_id(sandbox, "projects", 555)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(in_prod.erp_key, "P-100");
    assert_eq!(in_sandbox.erp_key, "T-100");
    assert!(store
        .binding_by_erp_key(sandbox, "projects", "P-100")
        .await
        .unwrap()
        .is_none());
    assert!(store
        .binding_by_erp_key(prod, "projects", "T-100")
        .await
        .unwrap()
        .is_none());
}

async fn pairing_rules(store: StateStore) {
    let prod = production_pairing(&store, "ACME").await;
    // Pairing the same thing again is idempotent.
    assert_eq!(production_pairing(&store, "ACME").await.id, prod.id);

    // Moving a company to a sandbox by editing its settings is refused.
    let moved = store
        .pair(&NewPairing::new(
            "ACME",
            &procore::Environment::MonthlySandbox,
            1_000_010_000,
        ))
        .await;
    assert!(
        matches!(moved, Err(StateError::PairingConflict { .. })),
        "{moved:?}"
    );

    // A production kind with a sandbox host is refused.
    let lying = NewPairing {
        erp_company: "OTHER".into(),
        environment: procore::EnvironmentKind::Production,
        api_base_url: "https://api-monthly.procore.com/".into(),
        procore_company_id: 7,
    };
    assert!(matches!(
        store.pair(&lying).await,
        Err(StateError::EnvironmentMismatch { .. })
    ));

    // Unpair archives the bindings: lookups stop finding them, writes are refused.
    store
        .upsert_binding(&write(prod.id, "projects", "P-1", 1))
        .await
        .unwrap();
    store
        .upsert_binding(&write(prod.id, "projects", "P-2", 2))
        .await
        .unwrap();
    assert_eq!(store.unpair(prod.id).await.unwrap(), 2);
    assert!(store
        .binding_by_erp_key(prod.id, "projects", "P-1")
        .await
        .unwrap()
        .is_none());
    let refused = store
        .upsert_binding(&write(prod.id, "projects", "P-3", 3))
        .await;
    assert!(
        matches!(refused, Err(StateError::PairingInactive(_))),
        "{refused:?}"
    );
    assert!(!store.pairing(prod.id).await.unwrap().unwrap().is_active());

    // After unpairing, the company can be paired with the sandbox, and the ids are free again.
    let sandbox = sandbox_pairing(&store, "ACME").await;
    assert_ne!(sandbox.id, prod.id);
    store
        .upsert_binding(&write(sandbox.id, "projects", "P-1", 1))
        .await
        .unwrap();
    assert_eq!(
        store.active_pairing("ACME").await.unwrap().unwrap().id,
        sandbox.id
    );
    assert_eq!(store.list_pairings().await.unwrap().len(), 2);
}

async fn batch_lookups_and_unlink(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    const N: u64 = 1200; // more than one lookup chunk
    let mut tx = store.begin().await.unwrap();
    for i in 0..N {
        tx.upsert_binding(&write(p, "cost_codes", &format!("CC-{i:04}"), 10_000 + i))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mut keys: Vec<String> = (0..N).map(|i| format!("CC-{i:04}")).collect();
    keys.push("CC-MISSING".into());
    let found = store
        .bindings_by_erp_keys(p, "cost_codes", &keys)
        .await
        .unwrap();
    assert_eq!(found.len() as u64, N);

    let ids: Vec<u64> = (0..10).map(|i| 10_000 + i * 100).chain([1]).collect();
    let mut found = store
        .bindings_by_procore_ids(p, "cost_codes", &ids)
        .await
        .unwrap();
    found.sort_by_key(|b| b.procore_id);
    assert_eq!(found.len(), 10);
    assert_eq!(found[1].erp_key, "CC-0100");
    assert!(store
        .bindings_by_erp_keys(p, "cost_codes", &[])
        .await
        .unwrap()
        .is_empty());

    let gone = store
        .unlink_binding(p, "cost_codes", "CC-0000")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(gone.procore_id, 10_000);
    assert!(store
        .unlink_binding(p, "cost_codes", "CC-0000")
        .await
        .unwrap()
        .is_none());
    // The Procore id is free again.
    store
        .upsert_binding(&write(p, "cost_codes", "CC-NEW", 10_000))
        .await
        .unwrap();
}

/// Two workers creating the same Procore record's binding at once: the unique index lets
/// exactly one win, whatever the interleaving.
async fn concurrent_binds_one_winner(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    for round in 0..5u64 {
        let first = write(p, "vendors", &format!("A-{round}"), 700 + round);
        let second = write(p, "vendors", &format!("B-{round}"), 700 + round);
        let (a, b) = tokio::join!(store.upsert_binding(&first), store.upsert_binding(&second));
        let wins = [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count();
        assert_eq!(wins, 1, "round {round}: {a:?} / {b:?}");
        let loser = if a.is_ok() { b } else { a };
        let clash = conflict_of(loser);
        assert!(clash.procore_id_bound_to.is_some(), "{clash}");
    }
    assert_eq!(store.count_bindings(p, "vendors").await.unwrap(), 5);
}

/// Two workers pairing one company at once end with one pairing, not two.
async fn concurrent_pairing_one_row(store: StateStore) {
    let (a, b) = tokio::join!(
        production_pairing(&store, "RACE"),
        production_pairing(&store, "RACE")
    );
    assert_eq!(a.id, b.id);
    assert_eq!(store.list_pairings().await.unwrap().len(), 1);
}

async fn unsettled_links_are_listed_until_compared(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let mut linked = write(p, "customers", "C001", 501);
    linked.last_synced_values = serde_json::Value::Null;
    store.upsert_binding(&linked).await.unwrap();
    store
        .upsert_binding(&write(p, "customers", "C002", 502))
        .await
        .unwrap();
    let unsettled = store.unsettled_bindings(p, "customers").await.unwrap();
    assert_eq!(
        unsettled
            .iter()
            .map(|b| b.erp_key.as_str())
            .collect::<Vec<_>>(),
        ["C001"]
    );
    store
        .upsert_binding(&write(p, "customers", "C001", 501))
        .await
        .unwrap();
    assert!(store
        .unsettled_bindings(p, "customers")
        .await
        .unwrap()
        .is_empty());
}

/// Many bindings at once: new ones inserted, identical ones updated, and every clash (a side
/// bound elsewhere, or two writes naming the same key or id) left untouched and named, as one
/// by one the same writes would be refused.
async fn many_bindings_at_once(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    store
        .upsert_binding(&write(p, "costs", "C-0", 900))
        .await
        .unwrap();
    store
        .upsert_binding(&write(p, "costs", "C-1", 901))
        .await
        .unwrap();
    let mut writes: Vec<BindingWrite> = (2..600)
        .map(|i| write(p, "costs", &format!("C-{i}"), 1000 + i))
        .collect();
    let mut same = write(p, "costs", "C-0", 900);
    same.last_synced_values = json!({"total": "12.50"});
    writes.push(same); // 598: identical pair, updated
    writes.push(write(p, "costs", "C-1", 999)); // 599: key bound to 901
    writes.push(write(p, "costs", "C-X", 901)); // 600: id bound to C-1
    writes.push(write(p, "costs", "C-2", 5000)); // 601: same key as position 0 in this call
    writes.push(write(p, "costs", "C-Y", 1002)); // 602: same id as position 0 in this call
    writes.push(write(p, "suppliers", "C-2", 1002)); // 603: another entity, free
    let mut tx = store.begin().await.unwrap();
    let clashes = tx.upsert_bindings(&writes).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(clashes, vec![599, 600, 601, 602]);

    let keys: Vec<String> = (0..600).map(|i| format!("C-{i}")).collect();
    let bound = store.bindings_by_erp_keys(p, "costs", &keys).await.unwrap();
    assert_eq!(bound.len(), 600);
    for b in &bound {
        let i: u64 = b.erp_key[2..].parse().unwrap();
        let expected = match i {
            0 => 900,
            1 => 901,
            i => 1000 + i,
        };
        assert_eq!(b.procore_id, expected, "{b:?}");
    }
    let c0 = store
        .binding_by_erp_key(p, "costs", "C-0")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c0.last_synced_values, json!({"total": "12.50"}));
    assert!(store
        .binding_by_erp_key(p, "costs", "C-X")
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        store
            .binding_by_erp_key(p, "suppliers", "C-2")
            .await
            .unwrap()
            .unwrap()
            .procore_id,
        1002
    );

    // After an unpair nothing is written.
    store.unpair(p).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let refused = tx
        .upsert_bindings(&[write(p, "costs", "C-Z", 7000)])
        .await
        .unwrap_err();
    assert!(
        matches!(refused, StateError::PairingInactive(_)),
        "{refused:?}"
    );
}

backend_tests!(
    many_bindings_at_once,
    unsettled_links_are_listed_until_compared,
    concurrent_pairing_one_row,
    unique_on_both_sides,
    isolated_per_pairing,
    pairing_rules,
    batch_lookups_and_unlink,
    concurrent_binds_one_winner
);
