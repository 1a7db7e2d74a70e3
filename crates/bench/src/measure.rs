//! What the process spends: CPU time from `getrusage`, peak resident memory from
//! `/proc/self/status` (reset between scenarios through `/proc/self/clear_refs`, once the
//! allocator gave back the memory it kept).

use std::time::Duration;

// The allocator `mi_collect` belongs to, linked even where it is not the global one (tests).
use mimalloc as _;

/// User plus system CPU time of this process so far.
pub fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    let of = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    of(usage.ru_utime) + of(usage.ru_stime)
}

/// Peak resident set size (VmHWM) in bytes, if the kernel says.
pub fn peak_rss() -> Option<u64> {
    status_kib("VmHWM:").map(|kib| kib * 1024)
}

/// Current resident set size (VmRSS) in bytes.
pub fn rss() -> Option<u64> {
    status_kib("VmRSS:").map(|kib| kib * 1024)
}

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

extern "C" {
    /// mimalloc's own: frees the memory it holds for later allocations back to the system.
    /// Linked from the `mimalloc` dependency, the benchmark's allocator.
    fn mi_collect(force: bool);
}

/// Starts the peak over from the current resident size, so each scenario's peak is its own.
/// The allocator first gives back what it kept from the scenario before and from the
/// benchmark's own edits, which would otherwise count as the next scenario's. Without the
/// kernel's support the peak stays the process's.
pub fn reset_peak_rss() {
    // SAFETY: mi_collect takes no pointer and may be called at any time from any thread.
    unsafe { mi_collect(true) };
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// When each entity of a run ended, from the run's progress reports: where its time goes.
#[derive(Clone, Default)]
pub struct EntityClock(std::sync::Arc<std::sync::Mutex<EntityClockInner>>);

#[derive(Default)]
struct EntityClockInner {
    started: Option<std::time::Instant>,
    ends: Vec<(&'static str, std::time::Instant)>,
}

impl EntityClock {
    pub fn start(&self, at: std::time::Instant) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        inner.started = Some(at);
        inner.ends.clear();
    }

    /// A progress sink noting the first `Done` of each entity.
    pub fn sink(&self) -> runner::ProgressSink {
        let clock = self.clone();
        runner::ProgressSink::new(move |p| {
            if p.phase != runner::Phase::Done {
                return;
            }
            let mut inner = clock.0.lock().unwrap_or_else(|e| e.into_inner());
            if !inner.ends.iter().any(|(e, _)| *e == p.entity) {
                inner.ends.push((p.entity, std::time::Instant::now()));
            }
        })
    }

    /// Each entity's milliseconds, from the end of the one before it (or the start).
    pub fn spans(&self) -> Vec<(String, u64)> {
        let inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let Some(mut from) = inner.started else {
            return Vec::new();
        };
        inner
            .ends
            .iter()
            .map(|(entity, at)| {
                let ms = at.saturating_duration_since(from).as_millis() as u64;
                from = *at;
                ((*entity).to_owned(), ms)
            })
            .collect()
    }
}

/// User plus system CPU time of another process of ours (the simulator in its child process),
/// from `/proc/<pid>/stat`; `None` where the kernel does not say.
pub fn cpu_time_of(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    let after = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15, the 12th and 13th after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf reads a constant of the system.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    (per_second > 0).then(|| Duration::from_millis(ticks * 1000 / per_second as u64))
}
