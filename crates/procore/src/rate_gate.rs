//! Pacing against Procore's rate limits (facts §3.3).
//!
//! Every answer carries `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (unix seconds) for
//! whichever window (hourly or 10-second spike) the app would exceed first. The gate keeps a local
//! budget: the last `Remaining` minus the requests still in flight (the server may not have
//! counted them yet), minus what was started since. While the budget lasts requests go out
//! concurrently with no delay; at zero the gate closes until `Reset`. A 429 or a 503 with
//! `Retry-After` closes it until the later of the two instants. Waiting is a timer plus a
//! notification when an answer brings fresh headers: no polling.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use http::HeaderMap;
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

/// Whether requests may go out now; for a UI showing *pending*.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateStatus {
    /// Requests are sent as they come.
    Open,
    /// The rate budget is spent; requests wait until this instant.
    PausedUntil(DateTime<Utc>),
}

/// The rate-limit headers of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateInfo {
    pub limit: Option<u64>,
    pub remaining: u64,
    pub reset: Option<DateTime<Utc>>,
}

impl RateInfo {
    pub fn from_headers(headers: &HeaderMap) -> Option<RateInfo> {
        let num =
            |name: &str| -> Option<u64> { headers.get(name)?.to_str().ok()?.trim().parse().ok() };
        let remaining = num("x-rate-limit-remaining")?;
        // The reset is a time on Procore's clock; the gate waits on ours.
        let skew = clock_skew(headers, Utc::now()).unwrap_or_default();
        let reset = num("x-rate-limit-reset")
            .and_then(|s| Utc.timestamp_opt(i64::try_from(s).ok()?, 0).single())
            .map(|at| at - skew);
        Some(RateInfo {
            limit: num("x-rate-limit-limit"),
            remaining,
            reset,
        })
    }
}

/// How far Procore's clock is ahead of ours (behind when negative), from the answer's `Date`
/// header, when the difference is beyond what the header's whole seconds can tell (2 s).
///
/// `Date` is truncated to the second, so the measure is at most a second short of the truth
/// and a reset moved by it is never early: late by under a second, never a 429.
pub(crate) fn clock_skew(headers: &HeaderMap, now: DateTime<Utc>) -> Option<chrono::Duration> {
    let date = headers.get(http::header::DATE)?.to_str().ok()?;
    let date = DateTime::parse_from_rfc2822(date.trim())
        .ok()?
        .with_timezone(&Utc);
    let skew = date - now;
    (skew.num_milliseconds().abs() >= 2_000).then_some(skew)
}

/// `Retry-After` as an instant: delta seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(now + chrono::Duration::seconds(i64::try_from(secs).ok()?));
    }
    let skew = clock_skew(headers, now).unwrap_or_default();
    DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|d| d.with_timezone(&Utc) - skew)
}

/// Slack added to a server-announced reset for clock differences between us and Procore.
/// The header is whole seconds rounded up, so it is never early by itself; waking a little late
/// costs less than a 429. Kept small: with a 10-second spike window the rounding alone already
/// costs up to a tenth of the budget.
const RESET_MARGIN: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decision {
    Go,
    /// Closed until then (window reset or pause).
    WaitUntil(Instant, DateTime<Utc>),
    /// Budget spent with no known reset: wait for an in-flight answer to bring headers.
    WaitForAnswer,
}

/// The arithmetic of the gate, separate from timers so it can be tested with explicit instants.
#[derive(Debug, Default)]
pub(crate) struct GateState {
    limit: Option<u64>,
    /// Requests that may still be started in the current window; `None` = unknown (no
    /// headers seen yet), which does not hold requests back.
    budget: Option<u64>,
    last_remaining: Option<u64>,
    window_reset: Option<(Instant, DateTime<Utc>)>,
    in_flight: u64,
    paused_until: Option<(Instant, DateTime<Utc>)>,
    /// Whether any answer has come back. Until then only one request goes out: a burst of
    /// hundreds of requests against an unknown 25-per-10-seconds window would mostly be 429s.
    answered: bool,
}

impl GateState {
    fn to_instant(now: Instant, now_utc: DateTime<Utc>, at: DateTime<Utc>) -> Instant {
        let ahead = (at - now_utc).to_std().unwrap_or(Duration::ZERO);
        now + ahead + RESET_MARGIN
    }

    pub fn decide(&mut self, now: Instant) -> Decision {
        if let Some((until, _)) = self.paused_until {
            if until <= now {
                self.paused_until = None;
            }
        }
        if let Some((reset, _)) = self.window_reset {
            if reset <= now {
                // A new window, but only for the window the headers described: the other one
                // (hourly or spike) may be nearly spent, and a burst sized to this one's limit
                // would draw 429s from it. One request goes out and its answer, describing
                // whichever is now closer to exhaustion, sets the budget.
                self.window_reset = None;
                self.last_remaining = None;
                self.budget = self.limit.map(|l| l.saturating_sub(self.in_flight).min(1));
            }
        }
        if let Some((until, utc)) = self.paused_until {
            return Decision::WaitUntil(until, utc);
        }
        if !self.answered && self.in_flight > 0 {
            return Decision::WaitForAnswer;
        }
        match self.budget {
            Some(0) => match self.window_reset {
                Some((reset, utc)) => Decision::WaitUntil(reset, utc),
                None if self.in_flight > 0 => Decision::WaitForAnswer,
                // Nothing known and nothing in flight: one probe request learns the headers.
                None => self.start(),
            },
            _ => self.start(),
        }
    }

    fn start(&mut self) -> Decision {
        if let Some(b) = self.budget.as_mut() {
            *b = b.saturating_sub(1);
        }
        self.in_flight += 1;
        Decision::Go
    }

    /// An answer (or a failure) ended one in-flight request.
    pub fn finish(&mut self, now: Instant, now_utc: DateTime<Utc>, info: Option<RateInfo>) {
        self.in_flight = self.in_flight.saturating_sub(1);
        self.answered = true;
        let Some(info) = info else { return };
        if info.limit.is_some() {
            self.limit = info.limit;
        }
        // An answer from a window that has already ended says nothing about the current one.
        if info.reset.is_some_and(|r| r <= now_utc) {
            return;
        }
        let reset = info.reset.map(|r| (Self::to_instant(now, now_utc, r), r));
        let same_window =
            matches!((reset, self.window_reset), (Some((_, a)), Some((_, b))) if a == b);
        // Answers can arrive out of order; within one window the smallest Remaining is the truth.
        let remaining = match (same_window, self.last_remaining) {
            (true, Some(last)) => info.remaining.min(last),
            _ => info.remaining,
        };
        self.last_remaining = Some(remaining);
        self.budget = Some(remaining.saturating_sub(self.in_flight));
        if reset.is_some() {
            self.window_reset = reset;
        }
    }

    /// Closes the gate until `until` (429 or 503 with `Retry-After`).
    pub fn pause(
        &mut self,
        now: Instant,
        now_utc: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> (Instant, DateTime<Utc>) {
        let instant = Self::to_instant(now, now_utc, until);
        let later = match self.paused_until {
            Some((i, u)) if i >= instant => (i, u),
            _ => (instant, until),
        };
        self.paused_until = Some(later);
        self.budget = Some(0);
        later
    }

    pub fn status(&self, now: Instant) -> GateStatus {
        match self.paused_until {
            Some((until, utc)) if until > now => GateStatus::PausedUntil(utc),
            _ => match (self.budget, self.window_reset) {
                (Some(0), Some((reset, utc))) if reset > now => GateStatus::PausedUntil(utc),
                _ => GateStatus::Open,
            },
        }
    }
}

/// The shared gate of one Procore token (all `with_company` clones share it).
pub(crate) struct RateGate {
    state: Mutex<GateState>,
    changed: Notify,
    status: watch::Sender<GateStatus>,
}

/// One admitted request. Call [`Permit::finish`] with the answer's headers; dropping it without
/// (a transport error, a cancelled future) just releases the in-flight slot.
pub(crate) struct Permit {
    gate: Arc<RateGate>,
    done: bool,
}

impl RateGate {
    pub fn new() -> Arc<Self> {
        let (status, _) = watch::channel(GateStatus::Open);
        Arc::new(RateGate {
            state: Mutex::default(),
            changed: Notify::new(),
            status,
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn publish(&self, status: GateStatus) {
        self.status.send_if_modified(|s| {
            if *s == status {
                false
            } else {
                *s = status;
                true
            }
        });
    }

    pub fn status(&self) -> GateStatus {
        self.lock().status(Instant::now())
    }

    pub fn subscribe(&self) -> watch::Receiver<GateStatus> {
        self.status.subscribe()
    }

    /// Waits until the budget allows one more request.
    pub async fn acquire(self: &Arc<Self>) -> Permit {
        loop {
            let notified = self.changed.notified();
            tokio::pin!(notified);
            // Registered before the state is read, so an answer arriving in between still wakes us.
            notified.as_mut().enable();
            let decision = {
                let mut state = self.lock();
                let decision = state.decide(Instant::now());
                self.publish(state.status(Instant::now()));
                decision
            };
            match decision {
                Decision::Go => {
                    return Permit {
                        gate: Arc::clone(self),
                        done: false,
                    }
                }
                Decision::WaitUntil(until, utc) => {
                    tracing::debug!(until = %utc, "rate gate closed; waiting");
                    tokio::select! {
                        _ = tokio::time::sleep_until(until) => {}
                        _ = &mut notified => {}
                    }
                }
                Decision::WaitForAnswer => notified.await,
            }
        }
    }

    /// Closes the gate until `until` and schedules the reopening notice.
    pub fn pause(self: &Arc<Self>, until: DateTime<Utc>) {
        let (instant, utc) = {
            let mut state = self.lock();
            let paused = state.pause(Instant::now(), Utc::now(), until);
            self.publish(GateStatus::PausedUntil(paused.1));
            paused
        };
        tracing::info!(until = %utc, "Procore rate limit reached; requests paused");
        self.changed.notify_waiters();
        let gate = Arc::clone(self);
        tokio::spawn(async move {
            tokio::time::sleep_until(instant).await;
            let status = gate.lock().status(Instant::now());
            gate.publish(status);
            gate.changed.notify_waiters();
        });
    }
}

impl Permit {
    /// Records the answer's rate headers.
    pub fn finish(mut self, headers: &HeaderMap) {
        self.done = true;
        self.release(RateInfo::from_headers(headers));
    }

    fn release(&self, info: Option<RateInfo>) {
        let status = {
            let mut state = self.gate.lock();
            state.finish(Instant::now(), Utc::now(), info);
            state.status(Instant::now())
        };
        self.gate.publish(status);
        self.gate.changed.notify_waiters();
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        if !self.done {
            self.release(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gate past its first answer, and the instant "now" on both clocks.
    fn answered_gate() -> (GateState, Instant, DateTime<Utc>) {
        let s = GateState {
            answered: true,
            ..GateState::default()
        };
        (s, Instant::now(), Utc::now())
    }

    fn info(limit: u64, remaining: u64, reset: DateTime<Utc>) -> Option<RateInfo> {
        Some(RateInfo {
            limit: Some(limit),
            remaining,
            reset: Some(reset),
        })
    }

    #[test]
    fn unknown_budget_lets_requests_through_concurrently() {
        let mut s = GateState::default();
        let now = Instant::now();
        assert_eq!(s.decide(now), Decision::Go);
        assert_eq!(s.decide(now), Decision::WaitForAnswer);
        s.finish(now, Utc::now(), None);
        for _ in 0..50 {
            assert_eq!(s.decide(now), Decision::Go);
        }
        assert_eq!(s.in_flight, 50);
    }

    #[test]
    fn in_flight_requests_count_against_remaining() {
        let (mut s, now, utc) = answered_gate();
        let reset = utc + chrono::Duration::seconds(10);
        for _ in 0..4 {
            assert_eq!(s.decide(now), Decision::Go);
        }
        // One answer: 5 left on the server, 3 still in flight → 2 may start.
        s.finish(now, utc, info(25, 5, reset));
        assert_eq!(s.budget, Some(2));
        assert_eq!(s.decide(now), Decision::Go);
        assert_eq!(s.decide(now), Decision::Go);
        match s.decide(now) {
            Decision::WaitUntil(at, at_utc) => {
                assert_eq!(at_utc, reset);
                assert!(at >= now + Duration::from_secs(9));
            }
            other => panic!("expected to wait, got {other:?}"),
        }
        assert_eq!(s.status(now), GateStatus::PausedUntil(reset));
        // After the reset one request probes the other window before more go out.
        let later = now + Duration::from_secs(11);
        assert_eq!(s.decide(later), Decision::Go);
        assert_eq!(s.status(later), GateStatus::Open);
        assert_eq!(s.decide(later), Decision::WaitForAnswer);
        // Its answer: 19 left in the window with fewer left now, 5 still in flight.
        let later_utc = utc + chrono::Duration::seconds(11);
        s.finish(
            later,
            later_utc,
            info(25, 19, later_utc + chrono::Duration::seconds(10)),
        );
        assert_eq!(s.budget, Some(19 - 5));
        assert_eq!(s.decide(later), Decision::Go);
    }

    #[test]
    fn after_a_reset_the_other_window_is_probed_not_burst() {
        // The spike window's headers came last; it resets while the hourly one has 2 left.
        let (mut s, now, utc) = answered_gate();
        s.decide(now);
        s.finish(now, utc, info(25, 0, utc + chrono::Duration::seconds(1)));
        let later = now + Duration::from_secs(2);
        let later_utc = utc + chrono::Duration::seconds(2);
        assert_eq!(s.decide(later), Decision::Go);
        assert_eq!(s.decide(later), Decision::WaitForAnswer, "no burst of 25");
        s.finish(
            later,
            later_utc,
            info(100, 1, later_utc + chrono::Duration::seconds(50)),
        );
        assert_eq!(s.decide(later), Decision::Go);
        assert!(matches!(s.decide(later), Decision::WaitUntil(..)));
    }

    #[test]
    fn out_of_order_answers_keep_the_smaller_remaining() {
        let (mut s, now, utc) = answered_gate();
        let reset = utc + chrono::Duration::seconds(10);
        s.decide(now);
        s.decide(now);
        s.finish(now, utc, info(25, 9, reset));
        s.finish(now, utc, info(25, 10, reset));
        assert_eq!(s.budget, Some(9));
    }

    #[test]
    fn answers_from_an_ended_window_are_ignored() {
        let mut s = GateState {
            answered: true,
            budget: Some(7),
            ..GateState::default()
        };
        let now = Instant::now();
        let utc = Utc::now();
        s.decide(now);
        s.finish(now, utc, info(25, 0, utc - chrono::Duration::seconds(1)));
        assert_eq!(s.budget, Some(6));
    }

    #[test]
    fn pause_takes_the_later_instant_and_closes_budget() {
        let mut s = GateState::default();
        let now = Instant::now();
        let utc = Utc::now();
        let a = utc + chrono::Duration::seconds(30);
        let b = utc + chrono::Duration::seconds(10);
        s.pause(now, utc, a);
        s.pause(now, utc, b);
        assert_eq!(s.status(now), GateStatus::PausedUntil(a));
        assert!(matches!(s.decide(now), Decision::WaitUntil(_, u) if u == a));
        assert_eq!(s.decide(now + Duration::from_secs(31)), Decision::Go);
    }

    #[test]
    fn exhausted_without_reset_waits_for_an_answer() {
        let (mut s, now, utc) = answered_gate();
        s.decide(now);
        s.decide(now);
        s.finish(
            now,
            utc,
            Some(RateInfo {
                limit: None,
                remaining: 0,
                reset: None,
            }),
        );
        assert_eq!(s.decide(now), Decision::WaitForAnswer);
        s.finish(
            now,
            utc,
            Some(RateInfo {
                limit: None,
                remaining: 3,
                reset: None,
            }),
        );
        assert_eq!(s.decide(now), Decision::Go);
    }

    #[test]
    fn headers_parse() {
        let mut h = HeaderMap::new();
        h.insert("X-Rate-Limit-Limit", "3600".parse().unwrap());
        h.insert("X-Rate-Limit-Remaining", "3599".parse().unwrap());
        h.insert("X-Rate-Limit-Reset", "1700000000".parse().unwrap());
        let i = RateInfo::from_headers(&h).unwrap();
        assert_eq!(i.limit, Some(3600));
        assert_eq!(i.remaining, 3599);
        assert_eq!(i.reset.unwrap().timestamp(), 1_700_000_000);
        assert!(RateInfo::from_headers(&HeaderMap::new()).is_none());
        let now = Utc::now();
        h.insert("Retry-After", "7".parse().unwrap());
        assert_eq!(
            retry_after(&h, now),
            Some(now + chrono::Duration::seconds(7))
        );
        h.insert(
            "Retry-After",
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h, now).unwrap().timestamp(), 1_445_412_480);
    }

    #[tokio::test]
    async fn gate_admits_and_reports_pause() {
        let gate = RateGate::new();
        let rx = gate.subscribe();
        let p = gate.acquire().await;
        drop(p);
        assert_eq!(gate.status(), GateStatus::Open);
        let until = Utc::now() + chrono::Duration::seconds(60);
        gate.pause(until);
        assert_eq!(*rx.borrow(), GateStatus::PausedUntil(until));
        assert_eq!(gate.status(), GateStatus::PausedUntil(until));
    }
}
