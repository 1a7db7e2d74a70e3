//! Lists read as streams, page by page.

use futures::StreamExt;
use procore::resources::vendors::{VendorFilters, VendorSyncItem};

use crate::support;

fn supplier(i: usize) -> VendorSyncItem {
    VendorSyncItem {
        origin_id: Some(format!("SUP-{i:05}")),
        name: Some(format!("Fournisseur {i:05} Québec inc.")),
        city: Some("Montréal".into()),
        state_code: Some("QC".into()),
        country_code: Some("CA".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn ten_thousand_records_stream_in_pages_without_being_held() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let outcome = client
        .vendors()
        .sync((0..10_000).map(supplier).collect())
        .await
        .expect("bulk sync");
    assert_eq!(outcome.entities.len(), 10_000);
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors.first());
    let counts = sim.admin().request_counts().await.unwrap();
    assert_eq!(counts["RestV10VendorsSyncPatch"], 10, "batches of 1,000");

    sim.admin().reset_request_counts().await.unwrap();
    let pager = client.vendors().list(&VendorFilters::default());
    let mut stream = Box::pin(pager.into_stream());
    let first = stream.next().await.expect("a first vendor").expect("ok");
    // One item consumed: only the first page has been fetched, the rest is not in memory.
    let counts = sim.admin().request_counts().await.unwrap();
    assert_eq!(
        counts["RestV10VendorsGet"], 1,
        "pages are fetched as consumed"
    );

    let mut seen = std::collections::BTreeSet::from([first.id]);
    let mut total = 1usize;
    while let Some(vendor) = stream.next().await {
        let vendor = vendor.expect("page");
        assert!(seen.insert(vendor.id), "vendor {} listed twice", vendor.id);
        total += 1;
    }
    // The seeded company already has a few vendors of its own.
    assert!(total >= 10_000, "listed {total}");
    let counts = sim.admin().request_counts().await.unwrap();
    let pages = counts["RestV10VendorsGet"];
    assert!(
        pages <= (total as u64).div_ceil(100) + 1,
        "{pages} pages for {total} vendors"
    );
    support::finish(sim).await;
}

#[tokio::test]
async fn the_pager_exposes_total_for_progress() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    client
        .vendors()
        .sync((0..250).map(supplier).collect())
        .await
        .unwrap();
    let mut pager = client
        .vendors()
        .list(&VendorFilters::default())
        .with_per_page(100);
    let page = pager.next_page().await.unwrap().expect("a page");
    assert_eq!(page.len(), 100);
    let total = pager.total().expect("Total header");
    assert!(total >= 250);
    let mut rest = page.len() as u64;
    while let Some(page) = pager.next_page().await.unwrap() {
        rest += page.len() as u64;
    }
    assert_eq!(rest, total);
    support::finish(sim).await;
}

#[tokio::test]
async fn filters_by_origin_id_and_updated_at() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    let before = chrono::Utc::now() - chrono::Duration::seconds(2);
    client
        .vendors()
        .sync((0..5).map(supplier).collect())
        .await
        .unwrap();
    let found = client
        .vendors()
        .find_by_origin_id("SUP-00003")
        .await
        .unwrap()
        .expect("found by origin_id");
    assert_eq!(found.name.as_deref(), Some("Fournisseur 00003 Québec inc."));
    let recent = client
        .vendors()
        .list(&VendorFilters {
            updated_at: Some(procore::TimeRange::new(
                before,
                chrono::Utc::now() + chrono::Duration::seconds(2),
            )),
            ..Default::default()
        })
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        recent.iter().filter(|v| v.origin_id.is_some()).count(),
        5,
        "only what changed in the window"
    );
    support::finish(sim).await;
}
