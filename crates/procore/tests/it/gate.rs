//! The rate gate against the simulator's two windows, 429 storms and 503 + Retry-After.

use std::time::Duration;

use chrono::{DateTime, Utc};
use procore_sim::{FaultKind, FaultRule, RateLimitConfig};

use crate::support;

fn received_at(e: &procore_sim::Exchange) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&e.received_at)
        .expect("received_at is RFC 3339")
        .with_timezone(&Utc)
}

#[tokio::test]
async fn requests_are_paced_so_the_spike_window_is_never_exceeded() {
    let mut config = support::config();
    config.rate_limits = RateLimitConfig {
        enabled: true,
        hourly_limit: 10_000,
        hourly_window: Duration::from_secs(3600),
        spike_limit: 6,
        spike_window: Duration::from_secs(2),
    };
    let sim = support::start(config).await;
    let (client, _) = support::client(&sim).await;
    sim.admin().clear_exchanges().await.unwrap();

    // 20 concurrent calls against 6 per 2 s: the gate must spread them over the windows.
    let calls = (0..20).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.me().await })
    });
    for call in futures::future::join_all(calls).await {
        call.unwrap().expect("paced call succeeds");
    }
    let api: Vec<_> = sim
        .admin()
        .exchanges()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.path.starts_with("/rest/"))
        .collect();
    assert_eq!(api.len(), 20, "no request was repeated");
    assert!(
        api.iter().all(|e| !e.rate_limited),
        "no 429: the gate paced by the headers"
    );
    assert_eq!(client.rate_limited_count(), 0);
    support::finish(sim).await;
}

#[tokio::test]
async fn a_429_storm_is_waited_out_without_error_and_without_a_request_while_closed() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .set_faults(vec![FaultRule {
            operation: "RestV10ProjectsGet".into(),
            kind: FaultKind::RateLimitStorm {
                reset_after_secs: 1,
            },
            count: Some(3),
            probability: None,
        }])
        .await
        .unwrap();
    sim.admin().clear_exchanges().await.unwrap();

    let mut watch = client.gate_watch();
    let paused = tokio::spawn(async move {
        // The gate reports its pause to observers (the Synchronization Manager's *pending*).
        let _ = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                if matches!(
                    *watch.borrow_and_update(),
                    procore::GateStatus::PausedUntil(_)
                ) {
                    return true;
                }
                if watch.changed().await.is_err() {
                    return false;
                }
            }
        })
        .await;
        true
    });

    let projects = client
        .projects()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("the storm is waited out");
    assert!(!projects.is_empty());
    assert!(paused.await.unwrap());
    assert_eq!(client.rate_limited_count(), 3);

    let exchanges = sim.admin().exchanges().await.unwrap();
    let api: Vec<_> = exchanges
        .iter()
        .filter(|e| e.path.starts_with("/rest/"))
        .collect();
    for (i, e) in api.iter().enumerate().filter(|(_, e)| e.status == 429) {
        let reset: i64 = e
            .response_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("X-Rate-Limit-Reset"))
            .map(|(_, v)| v.parse().unwrap())
            .expect("429 carries the reset instant");
        let next = api.get(i + 1).expect("a request after the storm");
        // The simulator's reset is whole seconds; nothing may arrive before it.
        assert!(
            received_at(next).timestamp() >= reset,
            "request {} sent at {} while the gate was closed until {}",
            next.seq,
            next.received_at,
            reset
        );
    }
    support::finish(sim).await;
}

#[tokio::test]
async fn a_503_with_retry_after_is_honoured() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .set_faults(vec![FaultRule {
            operation: "RestV10MeGet".into(),
            kind: FaultKind::Status {
                status: 503,
                retry_after_secs: Some(1),
            },
            count: Some(1),
            probability: None,
        }])
        .await
        .unwrap();
    sim.admin().clear_exchanges().await.unwrap();
    client.me().await.expect("retried after Retry-After");
    let me: Vec<_> = sim
        .admin()
        .exchanges()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.operation_id.as_deref() == Some("RestV10MeGet"))
        .collect();
    assert_eq!(me.len(), 2);
    assert_eq!(me[0].status, 503);
    let waited = received_at(&me[1]) - received_at(&me[0]);
    assert!(
        waited >= chrono::Duration::milliseconds(950),
        "waited {waited} for a Retry-After of 1 s"
    );
    support::finish(sim).await;
}

#[tokio::test]
async fn transient_5xx_bursts_are_retried_with_backoff() {
    let sim = support::start(support::config()).await;
    let (client, _) = support::client(&sim).await;
    sim.admin()
        .set_faults(vec![FaultRule {
            operation: "RestV10MeGet".into(),
            kind: FaultKind::Status {
                status: 502,
                retry_after_secs: None,
            },
            count: Some(2),
            probability: None,
        }])
        .await
        .unwrap();
    client.me().await.expect("the burst is retried");
    support::finish(sim).await;
}

#[tokio::test]
async fn the_hourly_window_is_respected_when_it_is_the_closer_one() {
    let mut config = support::config();
    // An "hour" of three seconds holding 8 requests, behind a generous spike window.
    config.rate_limits = RateLimitConfig {
        enabled: true,
        hourly_limit: 8,
        hourly_window: Duration::from_secs(3),
        spike_limit: 1_000,
        spike_window: Duration::from_secs(10),
    };
    let sim = support::start(config).await;
    let (client, _) = support::client(&sim).await;
    sim.admin().clear_exchanges().await.unwrap();
    let calls = (0..12).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.me().await })
    });
    for call in futures::future::join_all(calls).await {
        call.unwrap().expect("paced call succeeds");
    }
    let limited = sim
        .admin()
        .exchanges()
        .await
        .unwrap()
        .iter()
        .filter(|e| e.rate_limited)
        .count();
    assert_eq!(
        limited, 0,
        "no request went into the exhausted hourly window"
    );
    support::finish(sim).await;
}
