//! Procore's two request budgets: an hourly window and a 10-second spike window, per access
//! token (client-credentials tokens get one bucket per company). The headers describe the
//! window with fewer requests left; requests refused with 429 still count.

use std::collections::BTreeMap;

use crate::config::RateLimitConfig;

/// The plain-text body Procore sends with a 429.
pub const EXHAUSTED_BODY: &str =
    "You have surpassed the max number of requests for an hour. Please wait until your limit resets.";

#[derive(Debug, Clone, Copy, Default)]
struct Window {
    started_ms: i64,
    count: u32,
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: BTreeMap<String, (Window, Window)>,
}

/// What to send in the `X-Rate-Limit-*` headers, and whether the request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateDecision {
    pub limit: u32,
    pub remaining: u32,
    /// Unix seconds, rounded up.
    pub reset: i64,
    pub exhausted: bool,
    /// Seconds until the exhausted window resets (for `Retry-After`).
    pub retry_after: i64,
    /// The simulator's clock when deciding, Unix seconds (sent as `Date`, so a client can
    /// read `X-Rate-Limit-Reset` against the server's clock, not its own).
    pub now: i64,
}

impl RateLimiter {
    /// Counts one request against `key` at `now_ms` and decides.
    pub fn hit(&mut self, key: &str, now_ms: i64, config: &RateLimitConfig) -> RateDecision {
        let hourly_ms = config.hourly_window.as_millis() as i64;
        let spike_ms = config.spike_window.as_millis() as i64;
        let (hourly, spike) = self.buckets.entry(key.to_owned()).or_default();
        for (window, len) in [(&mut *hourly, hourly_ms), (&mut *spike, spike_ms)] {
            if window.count == 0 || now_ms >= window.started_ms + len {
                window.started_ms = now_ms;
                window.count = 0;
            }
            window.count = window.count.saturating_add(1);
        }
        let describe = |w: &Window, limit: u32, len: i64| {
            let reset_ms = w.started_ms + len;
            RateDecision {
                limit,
                remaining: limit.saturating_sub(w.count),
                reset: (reset_ms + 999).div_euclid(1000),
                exhausted: w.count > limit,
                retry_after: ((reset_ms - now_ms + 999) / 1000).max(1),
                now: now_ms.div_euclid(1000),
            }
        };
        let h = describe(hourly, config.hourly_limit, hourly_ms);
        let s = describe(spike, config.spike_limit, spike_ms);
        let mut chosen = match (h.exhausted, s.exhausted) {
            (true, false) => h,
            (false, true) => s,
            (true, true) => {
                if h.reset >= s.reset {
                    h
                } else {
                    s
                }
            }
            // The limit the app would exceed first: the one with fewer requests left, so the
            // spike window is reported until the hourly one is nearly spent (Procore: "in most
            // cases, the spike limit is reported until you are very close to exhausting the
            // hourly limit"). On a tie, the one that resets later: waiting for the other would
            // only meet the first one's 429.
            (false, false) => {
                if h.remaining < s.remaining || (h.remaining == s.remaining && h.reset >= s.reset) {
                    h
                } else {
                    s
                }
            }
        };
        chosen.exhausted = h.exhausted || s.exhausted;
        chosen
    }

    /// Headers for a response that is not counted (e.g. an unauthenticated request).
    pub fn peek(config: &RateLimitConfig, now_ms: i64) -> RateDecision {
        let len = config.spike_window.as_millis() as i64;
        RateDecision {
            limit: config.spike_limit,
            remaining: config.spike_limit,
            reset: (now_ms + len + 999).div_euclid(1000),
            exhausted: false,
            retry_after: 0,
            now: now_ms.div_euclid(1000),
        }
    }

    pub fn clear(&mut self) {
        self.buckets.clear();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn config() -> RateLimitConfig {
        RateLimitConfig {
            enabled: true,
            hourly_limit: 5,
            hourly_window: Duration::from_secs(2),
            spike_limit: 3,
            spike_window: Duration::from_secs(1),
        }
    }

    #[test]
    fn spike_window_exhausts_then_resets() {
        let mut limiter = RateLimiter::default();
        let c = config();
        for expected in [2, 1, 0] {
            let d = limiter.hit("t", 1_000, &c);
            assert_eq!(d.remaining, expected);
            assert!(!d.exhausted);
        }
        let refused = limiter.hit("t", 1_100, &c);
        assert!(refused.exhausted);
        assert_eq!(refused.reset, 2);
        let later = limiter.hit("t", 2_100, &c);
        assert!(!later.exhausted, "spike window reset");
        // The hourly window still counts the refused request: 5 used of 5.
        assert_eq!(later.limit, 5);
        assert_eq!(later.remaining, 0);
        assert!(limiter.hit("t", 2_200, &c).exhausted);
    }

    #[test]
    fn the_window_with_fewer_requests_left_is_described() {
        let mut limiter = RateLimiter::default();
        let c = RateLimitConfig {
            enabled: true,
            hourly_limit: 100,
            hourly_window: Duration::from_secs(1_000),
            spike_limit: 10,
            spike_window: Duration::from_secs(10),
        };
        // 87 requests over nine spike windows, then 4 in a fresh one.
        for window in 0..9 {
            for _ in 0..(if window < 8 { 10 } else { 7 }) {
                limiter.hit("t", 1_000 + window * 10_000, &c);
            }
        }
        for _ in 0..4 {
            limiter.hit("t", 91_000, &c);
        }
        // Spike: 5 of 10 left (half its limit); hourly: 8 of 100 left (8 %). The spike window
        // is the one the next burst would exceed first.
        let d = limiter.hit("t", 91_000, &c);
        assert_eq!((d.limit, d.remaining), (10, 5));
        assert!(!d.exhausted);
        // Three more: 2 left in the spike window, 5 hourly: still the spike one.
        for _ in 0..2 {
            limiter.hit("t", 91_000, &c);
        }
        let d = limiter.hit("t", 91_000, &c);
        assert_eq!((d.limit, d.remaining), (10, 2));
        // A fresh spike window (9 left) while the hourly one has 4 left: the hourly one.
        let d = limiter.hit("t", 101_000, &c);
        assert_eq!((d.limit, d.remaining), (100, 4));
    }
}
