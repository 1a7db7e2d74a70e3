//! Schema, change cursors, keys, validation and the connector.

use erp::{
    Activity, BudgetLine, BudgetModification, ChangeOrigin, ChangeSeq, Company, Customer, Entity,
    Environment, ErpConnector, ErpError, ErpStore, Project, Supplier, SupplierStatus,
};
use rust_decimal::Decimal;

pub fn company(code: &str) -> Company {
    Company {
        code: code.to_owned(),
        name: format!("Construction {code} inc."),
        environment: Environment::Test,
        prefix: None,
    }
}

/// Creates company `code` (see [`company`]), as every test's first step.
pub async fn with_company(store: &ErpStore, code: &str) {
    store
        .upsert_company(&company(code), ChangeOrigin::User)
        .await
        .unwrap();
}

pub fn project(number: &str) -> Project {
    Project {
        number: number.to_owned(),
        parent_number: None,
        description: format!("Projet {number} – Écoles de Sainte-Adèle"),
        detailed_description: None,
        address: Some("1200, rue Valiquette".to_owned()),
        city: Some("Sainte-Adèle".to_owned()),
        province: Some("QC".to_owned()),
        country: Some("CA".to_owned()),
        postal_code: Some("J8B 2M4".to_owned()),
        phone: Some("450 555-0199".to_owned()),
        start_date: chrono::NaiveDate::from_ymd_opt(2025, 3, 1),
        closing_date: chrono::NaiveDate::from_ymd_opt(2025, 12, 19),
        active: true,
        linked_to_procore: true,
    }
}

pub fn supplier(code: &str) -> Supplier {
    Supplier {
        code: code.to_owned(),
        name: format!("Béton Côté {code} ltée"),
        status: SupplierStatus::Active,
        linked_to_procore: true,
        address: Some("45, boulevard de l'Église".to_owned()),
        city: Some("Québec".to_owned()),
        province: Some("QC".to_owned()),
        country: Some("CA".to_owned()),
        postal_code: Some("G1R 4P5".to_owned()),
        phone: None,
        email: Some("info@beton-cote.ca".to_owned()),
    }
}

fn activity(project: &str, code: &str) -> Activity {
    Activity {
        project_number: project.to_owned(),
        code: code.to_owned(),
        description: format!("Activité {code}"),
    }
}

async fn migrations_create_the_schema(store: ErpStore) {
    assert!(store.companies().await.unwrap().is_empty());
    with_company(&store, "LAUR").await;
    assert_eq!(store.environment("LAUR").await.unwrap(), Environment::Test);
    assert!(matches!(
        store.environment("NONE").await,
        Err(ErpError::UnknownCompany(_))
    ));
    // Every entity's table exists and starts empty.
    for entity in Entity::ALL {
        let mut out = Vec::new();
        let rows = erp::csv::export(&store, "LAUR", entity, &mut out)
            .await
            .unwrap_or_else(|e| panic!("{entity}: {e}"));
        assert_eq!(rows, 0, "{entity}");
        let header = String::from_utf8(out).unwrap();
        assert_eq!(
            header.trim_end(),
            erp::csv::header(entity).join(","),
            "{entity}"
        );
    }
}

async fn change_seq_orders_changes_and_cursor_finds_them(store: ErpStore) {
    with_company(&store, "LAUR").await;
    with_company(&store, "AUTRE").await;
    let start = store.last_change_seq("LAUR").await.unwrap();
    let suppliers: Vec<Supplier> = (1..=5).map(|i| supplier(&format!("F{i:03}"))).collect();
    let report = store
        .upsert("LAUR", &suppliers, ChangeOrigin::User)
        .await
        .unwrap();
    assert_eq!(report.written, 5);
    store
        .upsert("AUTRE", &[supplier("F001")], ChangeOrigin::User)
        .await
        .unwrap();

    let all = store
        .changes_since::<Supplier>("LAUR", start, 100)
        .await
        .unwrap();
    assert_eq!(all.changes.len(), 5);
    assert!(!all.has_more);
    let seqs: Vec<ChangeSeq> = all.changes.iter().map(|c| c.meta.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert!(seqs[0] > start);
    assert_eq!(all.high_water, *seqs.last().unwrap());
    assert!(all.changes.iter().all(|c| c.meta.by == ChangeOrigin::User));

    // Paging in small batches sees every change exactly once.
    let mut cursor = start;
    let mut seen = Vec::new();
    for _ in 0..10 {
        let batch = store
            .changes_since::<Supplier>("LAUR", cursor, 2)
            .await
            .unwrap();
        assert!(batch.changes.len() <= 2);
        seen.extend(batch.changes.iter().map(|c| c.record.code.clone()));
        cursor = batch.high_water;
        if !batch.has_more {
            break;
        }
    }
    assert_eq!(seen, ["F001", "F002", "F003", "F004", "F005"]);

    // Nothing changed: the cursor stays and nothing is returned.
    let empty = store
        .changes_since::<Supplier>("LAUR", cursor, 10)
        .await
        .unwrap();
    assert!(empty.changes.is_empty());
    assert_eq!(empty.high_water, cursor);

    // Rewriting identical rows is not a change.
    let same = store
        .upsert("LAUR", &suppliers, ChangeOrigin::Sync)
        .await
        .unwrap();
    assert_eq!((same.written, same.unchanged), (0, 5));
    assert!(store
        .changes_since::<Supplier>("LAUR", cursor, 10)
        .await
        .unwrap()
        .changes
        .is_empty());

    // One real change, through the connector: exactly that row, stamped sync.
    let mut blocked = suppliers[2].clone();
    blocked.status = SupplierStatus::Blocked;
    let erp: &dyn ErpConnector = &store;
    erp.suppliers().upsert("LAUR", &blocked).await.unwrap();
    let changed = erp
        .suppliers()
        .changes_since("LAUR", cursor, 10)
        .await
        .unwrap();
    assert_eq!(changed.changes.len(), 1);
    assert_eq!(changed.changes[0].record, blocked);
    assert_eq!(changed.changes[0].meta.by, ChangeOrigin::Sync);
    assert!(changed.high_water > cursor);

    // The counter is per company and shared by every table.
    erp.projects()
        .upsert("LAUR", &project("24017"))
        .await
        .unwrap();
    let projects = store
        .changes_since::<Project>("LAUR", changed.high_water, 10)
        .await
        .unwrap();
    assert_eq!(projects.changes.len(), 1);
    assert!(projects.changes[0].meta.seq > changed.high_water);
    assert_eq!(
        store.last_change_seq("LAUR").await.unwrap(),
        projects.high_water
    );
    let other = store
        .changes_since::<Supplier>("AUTRE", ChangeSeq::ORIGIN, 10)
        .await
        .unwrap();
    assert_eq!(other.changes.len(), 1);
}

async fn unique_keys_are_refused(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let erp: Box<dyn ErpConnector> = Box::new(store.clone());
    erp.projects()
        .create("LAUR", &project("24017"))
        .await
        .unwrap();
    let again = erp.projects().create("LAUR", &project("24017")).await;
    assert!(
        matches!(&again, Err(ErpError::Duplicate { record: "project", key }) if key == "24017"),
        "{again:?}"
    );
    erp.projects()
        .create("LAUR", &project("24018"))
        .await
        .unwrap();

    erp.activities()
        .create("LAUR", &activity("24017", "01-A"))
        .await
        .unwrap();
    // The same code in another project is another activity.
    erp.activities()
        .create("LAUR", &activity("24018", "01-A"))
        .await
        .unwrap();
    let dup = erp
        .activities()
        .create("LAUR", &activity("24017", "01-A"))
        .await;
    assert!(
        dup.as_ref().is_err_and(ErpError::is_unique_violation),
        "{dup:?}"
    );

    // Two rows with one key in a batch: refused, and nothing of the batch is written.
    let batch = [supplier("F100"), supplier("F101"), supplier("F100")];
    let refused = store.create("LAUR", &batch, ChangeOrigin::Import).await;
    assert!(
        matches!(refused, Err(ErpError::Duplicate { .. })),
        "{refused:?}"
    );
    // A key already stored refuses the whole create batch.
    store
        .create("LAUR", &[supplier("F200")], ChangeOrigin::User)
        .await
        .unwrap();
    let refused = store
        .create(
            "LAUR",
            &[supplier("F201"), supplier("F200")],
            ChangeOrigin::User,
        )
        .await;
    assert!(
        matches!(refused, Err(ErpError::Duplicate { .. })),
        "{refused:?}"
    );
    let codes: Vec<String> = store
        .all::<Supplier>("LAUR")
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.record.code)
        .collect();
    assert_eq!(codes, ["F200"]);
}

async fn validation_names_record_and_field(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let bad_number = project("AB#12345678");
    let err = store
        .upsert("LAUR", &[bad_number], ChangeOrigin::User)
        .await
        .unwrap_err();
    let ErpError::Invalid(problem) = &err else {
        panic!("{err:?}")
    };
    assert_eq!((problem.record, problem.field), ("project", "number"));
    assert_eq!(
        err.to_string(),
        "project AB#12345678: number: \"AB#12345678\" contains '#'"
    );
    for accented in ["ÉTÉ2025", "A*1", "A,1", "A:1", "12345678901"] {
        assert!(
            erp::ErpRecord::validate(&project(accented)).is_err(),
            "{accented}"
        );
    }

    let mut long_address = project("24017");
    long_address.address = Some("12345, boulevard du Curé-Antoine-Labelle Nord".to_owned());
    let err = store
        .upsert(
            "LAUR",
            &[project("24016"), long_address],
            ChangeOrigin::User,
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "project 24017: address: is longer than 40 characters (45)"
    );
    // The valid record of the refused batch was not written either.
    assert!(store.all::<Project>("LAUR").await.unwrap().is_empty());

    let mut bad_customer = Customer {
        code: "C001".to_owned(),
        name: "Ville de Mirabel".to_owned(),
        address: None,
        city: None,
        province: Some("Québec".to_owned()),
        country: Some("CA".to_owned()),
        postal_code: Some("J7J1Y3".to_owned()),
        phone: None,
        email: Some("pas une adresse".to_owned()),
        linked_to_procore: false,
    };
    let fields: Vec<&str> = erp::ErpRecord::problems(&bad_customer)
        .iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(fields, ["province", "postal_code", "email"]);
    bad_customer.province = Some("QC".to_owned());
    bad_customer.postal_code = Some("J7J 1Y3".to_owned());
    bad_customer.email = Some("projets@mirabel.ca".to_owned());
    assert!(erp::ErpRecord::validate(&bad_customer).is_ok());
}

async fn budget_modification_leaves_original(store: ErpStore) {
    with_company(&store, "LAUR").await;
    store
        .upsert("LAUR", &[project("24017")], ChangeOrigin::User)
        .await
        .unwrap();
    store
        .upsert(
            "LAUR",
            &[
                activity("24017", "01-A-001-01"),
                activity("24017", "01-A-001-02"),
            ],
            ChangeOrigin::User,
        )
        .await
        .unwrap();
    let original: Decimal = "12345678901.2345".parse().unwrap();
    let line = BudgetLine {
        project_number: "24017".to_owned(),
        activity_code: "01-A-001-01".to_owned(),
        cost_type: "M".to_owned(),
        original,
        modification: Decimal::ZERO,
    };
    store
        .upsert("LAUR", &[line], ChangeOrigin::User)
        .await
        .unwrap();
    let cursor = store.last_change_seq("LAUR").await.unwrap();

    let erp: &dyn ErpConnector = &store;
    let modification = BudgetModification {
        project_number: "24017".to_owned(),
        activity_code: "01-A-001-01".to_owned(),
        cost_type: "M".to_owned(),
        modification: "-1500.10".parse().unwrap(),
    };
    let fresh = BudgetModification {
        activity_code: "01-A-001-02".to_owned(),
        cost_type: "MO".to_owned(),
        modification: "0.30".parse().unwrap(),
        ..modification.clone()
    };
    let report = erp
        .write_budget_modifications("LAUR", &[modification.clone(), fresh])
        .await
        .unwrap();
    assert_eq!(report.written, 2);

    let key = ("24017".to_owned(), "01-A-001-01".to_owned(), "M".to_owned());
    let stored = erp.budgets().get("LAUR", &key).await.unwrap().unwrap();
    assert_eq!(stored.record.original, original);
    assert_eq!(stored.record.original.to_string(), "12345678901.2345");
    assert_eq!(stored.record.modification, modification.modification);
    assert_eq!(stored.record.revised(), "12345677401.1345".parse().unwrap());
    assert_eq!(stored.meta.by, ChangeOrigin::Sync);

    // A modification on a line maestro* had no budget for creates it with a zero original.
    let key = (
        "24017".to_owned(),
        "01-A-001-02".to_owned(),
        "MO".to_owned(),
    );
    let created = erp.budgets().get("LAUR", &key).await.unwrap().unwrap();
    assert_eq!(created.record.original, Decimal::ZERO);
    assert_eq!(created.record.modification, "0.3".parse().unwrap());

    let changes = erp
        .budgets()
        .changes_since("LAUR", cursor, 10)
        .await
        .unwrap();
    assert_eq!(changes.changes.len(), 2);

    // The same modification again is not a change.
    let again = erp
        .write_budget_modifications("LAUR", &[modification])
        .await
        .unwrap();
    assert_eq!((again.written, again.unchanged), (0, 1));
}

async fn a_project_is_read_on_its_own(store: ErpStore) {
    for code in ["LAUR", "OTHR"] {
        with_company(&store, code).await;
    }
    let line = |project: &str, activity: &str, cost_type: &str| BudgetLine {
        project_number: project.to_owned(),
        activity_code: activity.to_owned(),
        cost_type: cost_type.to_owned(),
        original: "100".parse().unwrap(),
        modification: Decimal::ZERO,
    };
    for (code, numbers) in [("LAUR", ["24017", "24018"]), ("OTHR", ["24017", "24019"])] {
        for number in numbers {
            store
                .upsert(code, &[project(number)], ChangeOrigin::User)
                .await
                .unwrap();
            // Written out of key order, so the read's order is its own.
            store
                .upsert(
                    code,
                    &[
                        activity(number, "02-B-001-01"),
                        activity(number, "01-A-001-01"),
                    ],
                    ChangeOrigin::User,
                )
                .await
                .unwrap();
            store
                .upsert(
                    code,
                    &[
                        line(number, "02-B-001-01", "M"),
                        line(number, "01-A-001-01", "MO"),
                        line(number, "01-A-001-01", "M"),
                    ],
                    ChangeOrigin::User,
                )
                .await
                .unwrap();
        }
    }
    let erp: &dyn ErpConnector = &store;

    let activities = erp.project_activities("LAUR", "24017").await.unwrap();
    assert_eq!(
        activities,
        [
            activity("24017", "01-A-001-01"),
            activity("24017", "02-B-001-01")
        ]
    );
    let lines = erp.project_budget_lines("LAUR", "24018").await.unwrap();
    assert_eq!(
        lines,
        [
            line("24018", "01-A-001-01", "M"),
            line("24018", "01-A-001-01", "MO"),
            line("24018", "02-B-001-01", "M"),
        ]
    );
    // Another company's project of the same number is not this one's; an unknown project has
    // nothing.
    assert_eq!(erp.project_budget_lines("LAUR", "24019").await.unwrap(), []);
    assert_eq!(erp.project_activities("OTHR", "24018").await.unwrap(), []);
    assert_eq!(
        erp.project_budget_lines("OTHR", "24019")
            .await
            .unwrap()
            .len(),
        3
    );
}

async fn sub_projects_refer_to_their_master(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let mut sub = project("24017-01");
    sub.parent_number = Some("24017".to_owned());
    // Sub-project first in the batch: the parent check is deferred to commit.
    store
        .upsert("LAUR", &[sub.clone(), project("24017")], ChangeOrigin::User)
        .await
        .unwrap();
    let mut orphan = project("24099-01");
    orphan.parent_number = Some("24099".to_owned());
    let err = store
        .upsert("LAUR", &[orphan], ChangeOrigin::User)
        .await
        .unwrap_err();
    assert!(matches!(err, ErpError::Database(_)), "{err:?}");
    let stored = store
        .get::<Project>("LAUR", &"24017-01".to_owned())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.record, sub);
}

async fn concurrent_writers_get_distinct_sequence_numbers(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let store = store.clone();
            tokio::spawn(async move {
                for batch in 0..5 {
                    let suppliers: Vec<Supplier> = (0..4)
                        .map(|i| supplier(&format!("F{w}{batch}{i}")))
                        .collect();
                    store
                        .upsert("LAUR", &suppliers, ChangeOrigin::User)
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }
    let mut cursor = ChangeSeq::ORIGIN;
    let mut seqs = Vec::new();
    for _ in 0..100 {
        let batch = store
            .changes_since::<Supplier>("LAUR", cursor, 7)
            .await
            .unwrap();
        seqs.extend(batch.changes.iter().map(|c| c.meta.seq));
        cursor = batch.high_water;
        if !batch.has_more {
            break;
        }
    }
    assert_eq!(seqs.len(), 80);
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
}

/// Pages come back from the database as JSON text: every kind of value, quotes, escapes,
/// line breaks, accents and symbols in text, signed four-decimal amounts, dates, flags and
/// nulls must read back exactly, through every read.
async fn values_read_back_exactly(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let mut s = supplier("F\"1\\");
    s.name = "Béton \"Côté\" \\ ltée\n\t🏗 <&> \u{2028} l'Église".to_owned();
    s.phone = None;
    s.address = Some(String::new() + "1200, rue « Valiquette »");
    let mut p = project("24017");
    p.detailed_description = Some("Ligne 1\r\nLigne 2 — {\"json\": [1, 2]}".to_owned());
    p.active = false;
    p.closing_date = None;
    let a = activity("24017", "01-A-001-01");
    let line = BudgetLine {
        project_number: "24017".to_owned(),
        activity_code: "01-A-001-01".to_owned(),
        cost_type: "M".to_owned(),
        original: "-123456789012345.1234".parse().unwrap(),
        modification: "0.0001".parse().unwrap(),
    };
    put(&store, std::slice::from_ref(&s)).await;
    put(&store, std::slice::from_ref(&p)).await;
    put(&store, std::slice::from_ref(&a)).await;
    put(&store, std::slice::from_ref(&line)).await;

    let changed = store
        .changes_since::<Supplier>("LAUR", ChangeSeq::ORIGIN, 10)
        .await
        .unwrap();
    assert_eq!(changed.changes.len(), 1);
    assert_eq!(changed.changes[0].record, s);
    assert_eq!(changed.changes[0].meta.by, ChangeOrigin::User);
    assert_eq!(changed.high_water, changed.changes[0].meta.seq);
    assert!(!changed.has_more);
    let all: Vec<Project> = store
        .all::<Project>("LAUR")
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.record)
        .collect();
    assert_eq!(all, [p.clone()]);
    let got = store
        .get::<Project>("LAUR", &"24017".to_owned())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.record, p);
    let erp: &dyn ErpConnector = &store;
    assert_eq!(
        erp.project_budget_lines("LAUR", "24017").await.unwrap(),
        [line]
    );
    assert_eq!(erp.project_activities("LAUR", "24017").await.unwrap(), [a]);
    // Nothing after the last change: an empty page, not an error.
    let after = store
        .changes_since::<Supplier>("LAUR", changed.high_water, 10)
        .await
        .unwrap();
    assert!(after.changes.is_empty() && !after.has_more);
    assert_eq!(after.high_water, changed.high_water);
}

/// A company's records read a few at a time come out the same, in the same order, as read at
/// once: each page starts right after the last key of the one before, in the database's own
/// order of keys (two-column keys included).
async fn all_records_read_by_pages_are_all_of_them_in_order(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let codes = ["F2", "F10", "F1", "f1", "F-1", "É1", "F1_", "A"];
    let suppliers: Vec<Supplier> = codes.iter().map(|c| supplier(c)).collect();
    put(&store, &suppliers).await;
    put(&store, &[project("24017")]).await;
    let activities: Vec<Activity> = ["03", "01", "02", "01-A", "1"]
        .iter()
        .map(|c| activity("24017", c))
        .collect();
    put(&store, &activities).await;

    pages_agree::<Supplier>(&store, codes.len(), &[1, 2, 3, 7, 8, 9]).await;
    pages_agree::<Activity>(&store, activities.len(), &[1, 2, 4, 5]).await;
}

/// Writes `records` to company LAUR as a user would.
async fn put<R: erp::ErpRecord>(store: &ErpStore, records: &[R]) {
    store
        .upsert("LAUR", records, ChangeOrigin::User)
        .await
        .unwrap();
}

/// `all` and `all_by_pages` in pages of each size read the same `count` records, in the same
/// order.
async fn pages_agree<R: erp::ErpRecord>(store: &ErpStore, count: usize, pages: &[u32]) {
    let records =
        |read: Vec<erp::Changed<R>>| -> Vec<R> { read.into_iter().map(|c| c.record).collect() };
    let at_once = records(store.all::<R>("LAUR").await.unwrap());
    assert_eq!(at_once.len(), count);
    for &page in pages {
        let paged = records(store.all_by_pages::<R>("LAUR", page).await.unwrap());
        assert_eq!(paged, at_once, "{} in pages of {page}", R::TABLE);
    }
}

backend_tests!(
    migrations_create_the_schema,
    change_seq_orders_changes_and_cursor_finds_them,
    unique_keys_are_refused,
    validation_names_record_and_field,
    budget_modification_leaves_original,
    a_project_is_read_on_its_own,
    sub_projects_refer_to_their_master,
    concurrent_writers_get_distinct_sequence_numbers,
    values_read_back_exactly,
    all_records_read_by_pages_are_all_of_them_in_order,
);

#[test]
fn entity_names_parse() {
    for entity in Entity::ALL {
        assert_eq!(entity.name().parse::<Entity>().unwrap(), entity);
    }
    assert_eq!(
        "project_costs".parse::<Entity>().unwrap(),
        Entity::ProjectCosts
    );
    assert!("projets".parse::<Entity>().is_err());
}
