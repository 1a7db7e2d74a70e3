//! Hostile answers: records of the wrong types, huge or deceptive strings, absurd amounts and
//! dates, broken and cut bodies, a page far larger than asked. Each is a typed error naming the
//! record and the field, never a panic, and the readable records of a list still arrive.
//!
//! These tests end with `shutdown`, not `support::finish`: the answers they provoke break
//! Procore's contract on purpose.

use procore::resources::vendors::VendorFilters;
use procore::ErrorKind;
use procore_sim::{seed, FaultKind, FaultRule, Kind, SimServer};
use serde_json::{json, Value};

use crate::support;

async fn plant(sim: &SimServer, kind: Kind, project: Option<u64>, data: Value) -> u64 {
    let record = sim
        .admin()
        .insert_record(kind, seed::COMPANY_ID, project, None, data)
        .await
        .expect("the simulator stores any record");
    record["id"]
        .as_u64()
        .or_else(|| record["data"]["id"].as_u64())
        .expect("record id")
}

fn fault(operation: &str, kind: FaultKind) -> FaultRule {
    FaultRule {
        operation: operation.to_owned(),
        kind,
        count: Some(1),
        probability: None,
    }
}

#[tokio::test]
async fn unreadable_vendors_are_named_and_the_others_still_read() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let huge_name = format!("Béton {}", "x".repeat(1 << 20));
    let deceptive = "Coffrages \u{202E}cte.fdp\u{202C} \u{0} \u{7}\t\r\n\u{200F}inc.";
    let huge = plant(
        &sim,
        Kind::Vendor,
        None,
        json!({"name": huge_name, "is_active": true}),
    )
    .await;
    let tricky = plant(
        &sim,
        Kind::Vendor,
        None,
        // Wrong types that still have a reading: a number for a text, a nested object.
        json!({"name": deceptive, "zip": 12345, "origin_data": {"a": [1, 2]}, "is_active": "1"}),
    )
    .await;
    let bad_flag = plant(
        &sim,
        Kind::Vendor,
        None,
        json!({"name": "Vitrerie Lévesque", "is_active": "peut-être"}),
    )
    .await;
    let bad_group = plant(
        &sim,
        Kind::Vendor,
        None,
        json!({"name": "Toitures Pâquet", "vendor_group": "Toitures"}),
    )
    .await;

    // A caller that cannot report records one by one gets an error naming one, never a
    // silently shorter list.
    let strict = client
        .vendors()
        .list(&VendorFilters::default())
        .collect_all()
        .await;
    let err = strict.expect_err("a page with an unreadable record fails when not kept aside");
    assert_eq!(err.kind(), ErrorKind::Fatal);
    let text = err.to_string();
    assert!(text.contains("RestV10VendorsGet"), "{text}");
    assert!(
        text.contains(&bad_flag.to_string()) || text.contains(&bad_group.to_string()),
        "{text}"
    );
    assert!(text.contains("(and 1 more)"), "{text}");

    let mut pager = client
        .vendors()
        .list(&VendorFilters::default())
        .with_per_page(1000)
        .keep_unreadable();
    let mut read = Vec::new();
    for _ in 0..100 {
        match pager.next_page().await.expect("pages read") {
            Some(page) => read.extend(page),
            None => break,
        }
    }
    let mut unreadable = pager.take_unreadable();
    unreadable.sort_by_key(|u| u.id);
    assert_eq!(unreadable.len(), 2, "{unreadable:#?}");
    assert_eq!(unreadable[0].id, Some(bad_flag));
    assert_eq!(unreadable[0].field.as_deref(), Some("is_active"));
    assert!(unreadable[0].reason.contains("peut-être"), "{unreadable:?}");
    assert_eq!(unreadable[1].id, Some(bad_group));
    assert_eq!(unreadable[1].field.as_deref(), Some("vendor_group"));
    assert!(unreadable[1]
        .to_string()
        .contains(&format!("record {bad_group}")));

    let huge_read = read.iter().find(|v| v.id == huge).expect("the huge vendor");
    assert_eq!(huge_read.name.as_deref(), Some(huge_name.as_str()));
    let tricky_read = read
        .iter()
        .find(|v| v.id == tricky)
        .expect("the tricky vendor");
    // The client hands text over verbatim; judging it is the mapping's work.
    assert_eq!(tricky_read.name.as_deref(), Some(deceptive));
    assert_eq!(tricky_read.zip.as_deref(), Some("12345"));
    assert_eq!(tricky_read.is_active, Some(true));
    assert!(
        read.iter()
            .any(|v| v.name.as_deref() == Some(seed::COMPANY_NAME))
            || read.len() >= 3
    );

    // One record read alone names the field too.
    let err = client
        .vendors()
        .get(bad_flag)
        .await
        .expect_err("unreadable");
    assert!(err.to_string().contains("is_active"), "{err}");
    sim.shutdown().await;
}

#[tokio::test]
async fn absurd_amounts_and_dates_are_named_per_commitment() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let project = seed::PROJECT_ID;
    let base = |title: &str| json!({"title": title, "number": title, "status": "Approved"});
    let plant_contract = |extra: Value, title: &'static str| {
        let mut data = base(title);
        data.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let sim = &sim;
        async move { plant(sim, Kind::WorkOrderContract, Some(project), data).await }
    };
    let nan = plant_contract(json!({"retainage_percent": "NaN"}), "H-NAN").await;
    let huge = plant_contract(json!({"retainage_percent": 1e308}), "H-HUGE").await;
    let month = plant_contract(json!({"contract_date": "0000-13-45"}), "H-MONTH").await;
    let year = plant_contract(json!({"contract_date": "99999-01-01"}), "H-YEAR").await;
    let enum_number = plant_contract(json!({"status": 42}), "H-ENUM").await;
    let negative = plant_contract(
        json!({"retainage_percent": "-0.001", "status": "Négocié en secret"}),
        "H-NEG",
    )
    .await;

    let contracts = client.work_order_contracts(project);
    let mut pager = contracts.list(&Default::default()).keep_unreadable();
    let mut read = Vec::new();
    for _ in 0..100 {
        match pager.next_page().await.expect("pages read") {
            Some(page) => read.extend(page),
            None => break,
        }
    }
    let unreadable = pager.take_unreadable();
    let named = |id: u64| {
        unreadable
            .iter()
            .find(|u| u.id == Some(id))
            .unwrap_or_else(|| panic!("record {id} reported: {unreadable:#?}"))
    };
    assert_eq!(named(nan).field.as_deref(), Some("retainage_percent"));
    assert!(named(nan).reason.contains("NaN"), "{:?}", named(nan));
    assert_eq!(named(huge).field.as_deref(), Some("retainage_percent"));
    assert_eq!(named(month).field.as_deref(), Some("contract_date"));
    assert!(named(month).reason.contains("0000-13-45"));
    assert_eq!(named(year).field.as_deref(), Some("contract_date"));
    assert_eq!(named(enum_number).field.as_deref(), Some("status"));
    // A negative amount with more decimals than cents, and a status no list names, are values:
    // read exactly, for the mapping to judge.
    let negative = read.iter().find(|c| c.id == negative).expect("readable");
    assert_eq!(negative.retainage_percent, Some("-0.001".parse().unwrap()));
    assert_eq!(
        negative.status.as_ref().map(|s| s.as_str()),
        Some("Négocié en secret")
    );

    let err = contracts.get(nan).await.expect_err("unreadable alone");
    assert_eq!(err.kind(), ErrorKind::Fatal);
    assert!(err.to_string().contains("retainage_percent"), "{err}");
    sim.shutdown().await;
}

#[tokio::test]
async fn malformed_bodies_are_typed_errors() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let bodies: Vec<(&str, Option<&str>)> = vec![
        ("[{\"id\": 1, \"name\": \"Béton", None),
        ("{\"id\":", None),
        (
            "<html><head><title>502 Bad Gateway</title></head></html>",
            Some("text/html"),
        ),
        ("\"a lone string\"", None),
        ("{\"errors\": \"a list was expected\"}", None),
        ("[1, true, \"x\"]", None),
        ("[{\"id\": 1}] trailing", None),
        ("[{\"id\": 1, \"name\": \"\u{0}\u{202E}\"}", None),
        (nested.as_str(), None),
        ("NaN", None),
        ("", Some("text/plain")),
    ];
    for (body, content_type) in bodies {
        sim.admin()
            .add_fault(fault(
                "RestV10VendorsGet",
                FaultKind::MalformedBody {
                    body: body.to_owned(),
                    content_type: content_type.map(str::to_owned),
                },
            ))
            .await
            .unwrap();
        let mut pager = client
            .vendors()
            .list(&VendorFilters::default())
            .keep_unreadable();
        let outcome = pager.next_page().await;
        let shown: String = body.chars().take(40).collect();
        match outcome {
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::Fatal, "{shown:?}: {e}");
                assert!(e.to_string().contains("RestV10VendorsGet"), "{e}");
                assert!(e.to_string().len() < 1000, "a short message for {shown:?}");
            }
            // Entries that are no records are set aside, each named.
            Ok(Some(page)) => {
                assert!(page.is_empty(), "{shown:?}");
                let unreadable = pager.take_unreadable();
                assert!(!unreadable.is_empty(), "{shown:?}");
                assert!(unreadable.iter().all(|u| u.reason.len() < 1000));
            }
            Ok(None) => panic!("{shown:?}: a first page is always read"),
        }
    }
    // JSON under the wrong content type is still JSON.
    sim.admin()
        .add_fault(fault(
            "RestV10VendorsIdGet",
            FaultKind::MalformedBody {
                body: r#"{"id": 7, "name": "Béton Côté"}"#.to_owned(),
                content_type: Some("text/html".to_owned()),
            },
        ))
        .await
        .unwrap();
    let vendor = client.vendors().get(7).await.expect("JSON read");
    assert_eq!(vendor.name.as_deref(), Some("Béton Côté"));
    sim.shutdown().await;
}

#[tokio::test]
async fn a_cut_answer_is_an_error_not_a_shorter_list() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    for keep_bytes in [0, 1, 100] {
        sim.admin()
            .add_fault(fault(
                "RestV10VendorsGet",
                FaultKind::TruncatedBody { keep_bytes },
            ))
            .await
            .unwrap();
        let err = client
            .vendors()
            .list(&VendorFilters::default())
            .collect_all()
            .await
            .expect_err("a cut page");
        assert_eq!(err.kind(), ErrorKind::Fatal, "{keep_bytes}: {err}");
    }
    let all = client
        .vendors()
        .list(&VendorFilters::default())
        .collect_all()
        .await
        .expect("answers whole again");
    assert!(!all.is_empty());
    sim.shutdown().await;
}

#[tokio::test]
async fn a_page_far_larger_than_asked_is_read_whole() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .add_fault(fault(
            "RestV10VendorsGet",
            FaultKind::HugePage { entries: 50_000 },
        ))
        .await
        .unwrap();
    let mut pager = client
        .vendors()
        .list(&VendorFilters::default())
        .with_per_page(10);
    let page = tokio::time::timeout(std::time::Duration::from_secs(30), pager.next_page())
        .await
        .expect("read in time")
        .expect("a huge page is still a page")
        .expect("first page");
    assert_eq!(page.len(), 50_000);
    sim.shutdown().await;
}
