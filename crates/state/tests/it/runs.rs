use state::{
    NewOutcome, OutcomeAction, OutcomeCount, OutcomeFilter, Page, RunTrigger, StateError,
    StateStore, SyncStatus, WrittenSide,
};

use crate::harness::production_pairing;

fn outcome(entity: &str, i: usize, action: OutcomeAction, status: SyncStatus) -> NewOutcome {
    NewOutcome {
        entity: entity.to_owned(),
        erp_key: Some(format!("{entity}-{i}")),
        procore_id: (action != OutcomeAction::Skip).then_some(9_000 + i as u64),
        action,
        side: if action == OutcomeAction::Skip {
            WrittenSide::None
        } else {
            WrittenSide::Procore
        },
        status,
        message: format!("{entity} {i}: field 'name' {status}"),
    }
}

async fn runs_outcomes_and_summary(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let first = store
        .start_run(p, RunTrigger::Schedule, false)
        .await
        .unwrap();
    assert_eq!(first.status, SyncStatus::InProgress);
    assert!(first.finished_at.is_none());
    let second = store.start_run(p, RunTrigger::Cli, true).await.unwrap();
    let third = store.start_run(p, RunTrigger::Ui, false).await.unwrap();

    let newest_first: Vec<_> = store
        .list_runs(Some(p), Page::first(10))
        .await
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(newest_first, vec![third.id, second.id, first.id]);
    let page2 = store
        .list_runs(
            None,
            Page {
                offset: 1,
                limit: 1,
            },
        )
        .await
        .unwrap();
    assert_eq!(page2.len(), 1);
    assert_eq!(page2[0].id, second.id);
    assert!(page2[0].dry_run);
    assert_eq!(page2[0].trigger, RunTrigger::Cli);

    // A thousand-odd outcomes in one call.
    let mut outcomes = Vec::new();
    for i in 0..700 {
        outcomes.push(outcome(
            "suppliers",
            i,
            OutcomeAction::Create,
            SyncStatus::Success,
        ));
    }
    for i in 0..500 {
        outcomes.push(outcome(
            "projects",
            i,
            OutcomeAction::Skip,
            SyncStatus::Success,
        ));
    }
    for i in 0..3 {
        outcomes.push(outcome(
            "projects",
            1000 + i,
            OutcomeAction::Update,
            SyncStatus::Error,
        ));
    }
    outcomes.push(outcome(
        "suppliers",
        2000,
        OutcomeAction::Update,
        SyncStatus::Pending,
    ));
    let stored = store.add_outcomes(third.id, &outcomes).await.unwrap();
    assert_eq!(stored, outcomes.len() as u64);

    let summary = store.run_summary(third.id).await.unwrap();
    let count = |entity: &str, status, action| {
        summary
            .iter()
            .find(|c: &&OutcomeCount| {
                c.entity == entity && c.status == status && c.action == action
            })
            .map_or(0, |c| c.count)
    };
    assert_eq!(summary.len(), 4);
    assert_eq!(
        count("suppliers", SyncStatus::Success, OutcomeAction::Create),
        700
    );
    assert_eq!(
        count("projects", SyncStatus::Success, OutcomeAction::Skip),
        500
    );
    assert_eq!(
        count("projects", SyncStatus::Error, OutcomeAction::Update),
        3
    );
    assert_eq!(
        count("suppliers", SyncStatus::Pending, OutcomeAction::Update),
        1
    );

    let errors = OutcomeFilter {
        entity: Some("projects".into()),
        status: Some(SyncStatus::Error),
    };
    let report = store
        .run_report(third.id, &errors, Page::first(100))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(report.run.id, third.id);
    assert_eq!(report.outcomes.len(), 3);
    assert!(
        report.outcomes[0].message.contains("projects 1000")
            && report.outcomes[0].message.contains("name")
    );
    assert_eq!(report.outcomes[0].procore_id, Some(10_000));

    // The pending record goes through once the rate limit resets.
    let pending = OutcomeFilter {
        status: Some(SyncStatus::Pending),
        ..Default::default()
    };
    let waiting = store
        .run_report(third.id, &pending, Page::first(10))
        .await
        .unwrap()
        .unwrap()
        .outcomes;
    assert_eq!(waiting.len(), 1);
    store
        .update_outcome(waiting[0].id, SyncStatus::Success, "suppliers 2000 updated")
        .await
        .unwrap();
    assert!(matches!(
        store.update_outcome(-1, SyncStatus::Success, "x").await,
        Err(StateError::OutcomeNotFound(-1))
    ));

    // Derived status: errors win.
    let finished = store.finish_run(third.id, None).await.unwrap();
    assert_eq!(finished.status, SyncStatus::Error);
    assert!(finished.finished_at.is_some());
    // An empty run is a success; an explicit status is kept.
    assert_eq!(
        store.finish_run(first.id, None).await.unwrap().status,
        SyncStatus::Success
    );
    assert_eq!(
        store
            .finish_run(second.id, Some(SyncStatus::Warning))
            .await
            .unwrap()
            .status,
        SyncStatus::Warning
    );
    assert!(matches!(
        store.finish_run(-5, None).await,
        Err(StateError::RunNotFound(-5))
    ));
    assert!(store
        .run_report(-5, &OutcomeFilter::default(), Page::first(1))
        .await
        .unwrap()
        .is_none());
}

backend_tests!(runs_outcomes_and_summary);

#[test]
fn overall_status_takes_the_worst() {
    use state::overall_status;
    assert_eq!(overall_status([]), SyncStatus::Success);
    assert_eq!(
        overall_status([SyncStatus::Success, SyncStatus::Warning]),
        SyncStatus::Warning
    );
    assert_eq!(
        overall_status([SyncStatus::Warning, SyncStatus::InProgress]),
        SyncStatus::Pending
    );
    assert_eq!(
        overall_status([SyncStatus::Pending, SyncStatus::Error]),
        SyncStatus::Error
    );
}
