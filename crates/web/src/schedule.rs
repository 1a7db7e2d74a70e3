//! Scheduled runs in `mpsync serve`: per company, every enabled entity (the whole company) or
//! one entity every so many minutes, besides runs by hand. A scheduled run takes the company's
//! run lease like any other, so it never overlaps another run; one that finds the company busy
//! is tried again at the next tick.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use state::RunTrigger;

use crate::auth::WebError;
use crate::AppState;

/// Setting (per maestro* company): its [`Schedule`].
pub const SCHEDULE_SETTING: &str = "sync.schedule";

/// The intervals the Synchronization Settings tab offers, in minutes.
pub const CHOICES: &[u32] = &[15, 30, 60, 120, 240, 1440];

/// When a company's synchronizations run by themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Every enabled entity, every this many minutes.
    #[serde(default)]
    pub company_every: Option<u32>,
    /// One entity, every this many minutes.
    #[serde(default)]
    pub entities: BTreeMap<String, u32>,
}

/// The scope key of the whole company in [`due`]'s bookkeeping.
pub const COMPANY: &str = "*";

/// What is due at `now`: `Some(vec![])` for every enabled entity, `Some(names)` for those
/// entities, `None` for nothing. A scope never seen counts from `first_seen`, so starting the
/// server does not fire every schedule at once.
pub fn due(
    schedule: &Schedule,
    last: &BTreeMap<String, DateTime<Utc>>,
    first_seen: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Vec<String>> {
    let is_due = |scope: &str, every: u32| {
        let since = last.get(scope).copied().unwrap_or(first_seen);
        every > 0 && now - since >= chrono::Duration::minutes(i64::from(every))
    };
    if let Some(every) = schedule.company_every {
        if is_due(COMPANY, every) {
            return Some(vec![]);
        }
    }
    let entities: Vec<String> = schedule
        .entities
        .iter()
        .filter(|(name, every)| is_due(name, **every))
        .map(|(name, _)| name.clone())
        .collect();
    (!entities.is_empty()).then_some(entities)
}

/// Runs what is due every `tick`, until the server stops.
pub async fn run(app: AppState, tick: Duration) {
    let mut last: HashMap<String, BTreeMap<String, DateTime<Utc>>> = HashMap::new();
    let mut first_seen: HashMap<String, DateTime<Utc>> = HashMap::new();
    loop {
        tokio::time::sleep(tick).await;
        if let Err(e) = run_due(&app, &mut last, &mut first_seen).await {
            tracing::warn!("scheduler: {e}");
        }
    }
}

async fn run_due(
    app: &AppState,
    last: &mut HashMap<String, BTreeMap<String, DateTime<Utc>>>,
    first_seen: &mut HashMap<String, DateTime<Utc>>,
) -> Result<(), WebError> {
    let now = Utc::now();
    for company in app.erp().companies().await? {
        let code = company.code;
        let schedule: Schedule = app
            .state()
            .setting_as(&code, SCHEDULE_SETTING)
            .await?
            .unwrap_or_default();
        let seen = *first_seen.entry(code.clone()).or_insert(now);
        let ran = last.entry(code.clone()).or_default();
        let Some(entities) = due(&schedule, ran, seen, now) else {
            continue;
        };
        if app.state().active_pairing(&code).await?.is_none() {
            continue;
        }
        match crate::runs::start(
            app,
            &code,
            entities.clone(),
            "schedule",
            RunTrigger::Schedule,
        )
        .await
        {
            Ok(()) => {
                if entities.is_empty() {
                    ran.insert(COMPANY.to_owned(), now);
                    // The whole company ran: each entity's own schedule counts from now too.
                    for name in schedule.entities.keys() {
                        ran.insert(name.clone(), now);
                    }
                } else {
                    for name in entities {
                        ran.insert(name, now);
                    }
                }
            }
            // Busy (another run) or not configured: tried again at the next tick.
            Err(WebError::Refused(why)) => {
                tracing::info!(company = code, "scheduled run waits: {why}")
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap()
    }

    #[test]
    fn the_company_and_each_entity_run_when_their_interval_has_passed() {
        let schedule = Schedule {
            company_every: Some(60),
            entities: [("suppliers".to_owned(), 15)].into(),
        };
        let mut last = BTreeMap::new();
        assert_eq!(
            due(&schedule, &last, at(0), at(10)),
            None,
            "nothing at start"
        );
        assert_eq!(
            due(&schedule, &last, at(0), at(15)),
            Some(vec!["suppliers".to_owned()])
        );
        last.insert("suppliers".to_owned(), at(15));
        assert_eq!(due(&schedule, &last, at(0), at(29)), None);
        assert_eq!(
            due(&schedule, &last, at(0), at(60)),
            Some(vec![]),
            "the whole company"
        );
        last.insert(COMPANY.to_owned(), at(60));
        last.insert("suppliers".to_owned(), at(60));
        assert_eq!(due(&schedule, &last, at(0), at(74)), None);
        assert_eq!(due(&Schedule::default(), &last, at(0), at(10_000)), None);
    }
}
