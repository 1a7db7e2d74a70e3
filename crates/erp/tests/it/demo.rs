//! Demo data generation and loading.

use std::collections::HashSet;

use erp::demo::{generate, load};
use erp::{
    Activity, BudgetLine, ChangeOrigin, ChangeSeq, Employee, Environment, ErpRecord, ErpStore,
    Project, Supplier, SupplierStatus,
};

#[test]
fn generation_is_deterministic_and_believable() {
    let demo = generate(42);
    assert_eq!(demo, generate(42));
    assert_ne!(demo, generate(43));
    assert_eq!(demo.company.environment, Environment::Test);

    assert_eq!(demo.projects.len(), erp::demo::PROJECTS);
    let subs: Vec<&Project> = demo
        .projects
        .iter()
        .filter(|p| p.parent_number.is_some())
        .collect();
    assert_eq!(subs.len(), 1);
    assert!(demo.projects.iter().any(|p| p.linked_to_procore));
    assert!(demo.projects.iter().any(|p| !p.linked_to_procore));
    assert!(demo
        .projects
        .iter()
        .any(|p| p.province.as_deref() == Some("ON")));

    assert!(demo.suppliers.len() >= 200);
    for status in [
        SupplierStatus::Active,
        SupplierStatus::Blocked,
        SupplierStatus::Closed,
    ] {
        assert!(
            demo.suppliers.iter().any(|s| s.status == status),
            "{status:?}"
        );
    }
    let active = demo
        .suppliers
        .iter()
        .filter(|s| s.status == SupplierStatus::Active)
        .count();
    assert!(active * 10 > demo.suppliers.len() * 7);
    let linked = demo
        .suppliers
        .iter()
        .filter(|s| s.linked_to_procore)
        .count();
    assert!(linked * 2 > demo.suppliers.len());
    assert!(demo.customers.len() >= 24);
    assert!(demo.employees.len() >= 24);
    assert!(demo.suppliers.iter().any(|s| !s.name.is_ascii()));

    // Four activity levels; budgets only on the last one.
    let codes: HashSet<(&str, &str)> = demo
        .activities
        .iter()
        .map(|a| (a.project_number.as_str(), a.code.as_str()))
        .collect();
    for depth in 1..=4 {
        assert!(demo
            .activities
            .iter()
            .any(|a| a.code.split('-').count() == depth));
    }
    for budget in &demo.budgets {
        assert_eq!(budget.activity_code.split('-').count(), 4, "{budget:?}");
        assert!(codes.contains(&(
            budget.project_number.as_str(),
            budget.activity_code.as_str()
        )));
    }

    // Everything generated passes maestro*'s rules.
    fn all_valid<R: ErpRecord>(records: &[R]) {
        for record in records {
            record.validate().unwrap();
        }
    }
    all_valid(&demo.projects);
    all_valid(&demo.activities);
    all_valid(&demo.budgets);
    all_valid(&demo.suppliers);
    all_valid(&demo.customers);
    all_valid(&demo.employees);
    all_valid(&demo.billing_contracts);
    all_valid(&demo.subcontracts);
    all_valid(&demo.subcontract_lines);
    all_valid(&demo.purchase_orders);
    all_valid(&demo.purchase_order_lines);
    all_valid(&demo.project_costs);
    all_valid(&demo.order_invoices);
    demo.company.validate().unwrap();
}

async fn demo_loads(store: ErpStore) {
    let demo = generate(7);
    load(&store, &demo).await.unwrap();
    let code = demo.company.code.as_str();
    assert_eq!(store.environment(code).await.unwrap(), Environment::Test);
    assert_eq!(
        store.all::<Project>(code).await.unwrap().len(),
        demo.projects.len()
    );
    assert_eq!(
        store.all::<Activity>(code).await.unwrap().len(),
        demo.activities.len()
    );
    let budgets = store.all::<BudgetLine>(code).await.unwrap();
    assert_eq!(budgets.len(), demo.budgets.len());
    let stored_total: rust_decimal::Decimal = budgets.iter().map(|b| b.record.original).sum();
    let total: rust_decimal::Decimal = demo.budgets.iter().map(|b| b.original).sum();
    assert_eq!(stored_total, total);
    let suppliers = store.all::<Supplier>(code).await.unwrap();
    assert_eq!(suppliers.len(), demo.suppliers.len());
    assert!(suppliers.iter().all(|s| s.meta.by == ChangeOrigin::User));
    assert_eq!(
        store.all::<Employee>(code).await.unwrap().len(),
        demo.employees.len()
    );
    // Every stored project reads back as generated.
    for project in &demo.projects {
        let stored = store
            .get::<Project>(code, &project.number)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(&stored.record, project);
    }
    // Loading again changes nothing.
    let before = store.last_change_seq(code).await.unwrap();
    load(&store, &demo).await.unwrap();
    let since = store
        .changes_since::<Supplier>(code, before, 10)
        .await
        .unwrap();
    assert!(since.changes.is_empty());
    assert!(store.last_change_seq(code).await.unwrap() > ChangeSeq::ORIGIN);
}

backend_tests!(demo_loads);
