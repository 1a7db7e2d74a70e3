//! How close a rate-limited run came to the rate its limits allow.
//!
//! A window opens with the first request after the previous one closed (as Procore's, and the
//! simulator's, fixed windows do), so a run's last window is cut short by the run's end and
//! says nothing about pacing: a run of three and a bit windows looks faster than allowed when
//! its calls are divided by its wall time. The measure is therefore taken over the full
//! windows only: the calls they hold over the time from the first window's opening to the
//! last one's, against `limit / window`. Waiting that the windows force (a spent budget
//! waiting for its reset) costs nothing; waiting beyond the reset, or not having a request
//! ready when a window opens, lowers it.

use std::time::{Duration, Instant};

use serde::Serialize;

/// Pacing over the full windows of one run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pacing {
    /// Windows the run opened, the last (partial) one included.
    pub windows: u64,
    /// Calls in the full windows (all but the last).
    pub calls: u64,
    /// From the first window's opening to the last one's.
    pub span_ms: u64,
    /// Calls per second over the full windows, as a fraction of `limit / window`.
    pub of_allowed: f64,
    /// Time between a window's end and the next one's first request, summed: idle time
    /// beyond what the limit forces.
    pub idle_ms: u64,
}

/// Pacing of requests sent at `times` (in order) under `limit` calls per `window`; `None`
/// when the run did not fill a window.
pub fn of(times: &[Instant], limit: u32, window: Duration) -> Option<Pacing> {
    let first = *times.first()?;
    // (opening, calls) of each window.
    let mut windows: Vec<(Instant, u64)> = vec![(first, 0)];
    let mut idle = Duration::ZERO;
    for &t in times {
        let (opened, _) = *windows.last()?;
        if t >= opened + window {
            idle += t - (opened + window);
            windows.push((t, 0));
        }
        if let Some(last) = windows.last_mut() {
            last.1 += 1;
        }
    }
    if windows.len() < 2 {
        return None;
    }
    let (last_opened, _) = *windows.last()?;
    let full = &windows[..windows.len() - 1];
    let calls: u64 = full.iter().map(|(_, n)| n).sum();
    let span = last_opened - first;
    let allowed = f64::from(limit) / window.as_secs_f64();
    let achieved = calls as f64 / span.as_secs_f64().max(1e-9);
    Some(Pacing {
        windows: windows.len() as u64,
        calls,
        span_ms: span.as_millis() as u64,
        of_allowed: achieved / allowed,
        idle_ms: idle.as_millis() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: Instant, ms: &[u64]) -> Vec<Instant> {
        ms.iter()
            .map(|m| start + Duration::from_millis(*m))
            .collect()
    }

    #[test]
    fn a_budget_spent_at_once_and_sent_again_at_each_reset_is_the_allowed_rate() {
        let start = Instant::now();
        // 3 calls per second: a burst at each opening, the last window partial.
        let times = at(start, &[0, 5, 10, 1000, 1004, 1008, 2000, 2003, 2006, 3000]);
        let p = of(&times, 3, Duration::from_secs(1)).unwrap();
        assert_eq!(p.windows, 4);
        assert_eq!(p.calls, 9);
        assert_eq!(p.span_ms, 3000);
        assert!((p.of_allowed - 1.0).abs() < 1e-9, "{p:?}");
        assert_eq!(p.idle_ms, 0);
    }

    #[test]
    fn waiting_past_each_reset_lowers_the_rate_and_counts_as_idle() {
        let start = Instant::now();
        // Each window opens 250 ms after the previous one closed.
        let times = at(start, &[0, 1, 2, 1250, 1251, 1252, 2500, 2501, 2502, 3750]);
        let p = of(&times, 3, Duration::from_secs(1)).unwrap();
        assert_eq!(p.windows, 4);
        assert_eq!(p.idle_ms, 750);
        assert!((p.of_allowed - 0.8).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn a_budget_not_spent_lowers_the_rate() {
        let start = Instant::now();
        // Two of three calls per window: two thirds of the allowed rate.
        let times = at(start, &[0, 10, 1000, 1010, 2000]);
        let p = of(&times, 3, Duration::from_secs(1)).unwrap();
        assert!((p.of_allowed - 2.0 / 3.0).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn a_run_within_one_window_says_nothing() {
        let start = Instant::now();
        assert_eq!(
            of(&at(start, &[0, 10, 20]), 3, Duration::from_secs(1)),
            None
        );
        assert_eq!(of(&[], 3, Duration::from_secs(1)), None);
    }
}
