//! The table a person reads; the JSON is `BenchReport` serialized.

use std::fmt::Write;

use crate::harness::BenchReport;

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or("-".to_owned(), |b| format!("{:.0}", b as f64 / 1_048_576.0))
}

/// The figures as a plain-text table, one line per scenario and engine, then the calls by
/// operation and the baseline ratios.
pub fn table(report: &BenchReport) -> String {
    let mut out = String::new();
    let c = &report.counts;
    let _ = writeln!(
        out,
        "preset {}: {} projects, {} suppliers, {} customers, {} employees, {} activities, {} budget lines, {} project costs ({} records); simulator {}",
        report.preset,
        c.projects,
        c.suppliers,
        c.customers,
        c.employees,
        c.activities(),
        c.budget_lines(),
        c.project_costs(),
        c.records(),
        if report.sim_in_process { "in process" } else { "in a child process" },
    );
    let _ = writeln!(
        out,
        "{:<24} {:<10} {:>8} {:>7} {:>7} {:>8} {:>6} {:>9} {:>9} {:>10} {:>8} {:>8} {:>5} {:>9} {:>8} {:>7}",
        "scenario", "engine", "records", "reads", "writes", "minimum", "ratio", "wall s", "rec/s", "CPU s", "RSS MiB", "written", "429", "req/s", "allowed", "pacing"
    );
    for s in &report.scenarios {
        let _ = writeln!(
            out,
            "{:<24} {:<10} {:>8} {:>7} {:>7} {:>8} {:>6.3} {:>9.2} {:>9.0} {:>10.2} {:>8} {:>8} {:>5} {:>9.1} {:>8} {:>7}",
            s.scenario.name(),
            s.engine,
            s.records,
            s.reads,
            s.writes,
            s.minimum.total(),
            s.ratio,
            s.wall_ms as f64 / 1000.0,
            s.records_per_s,
            s.cpu_ms as f64 / 1000.0,
            mib(s.peak_rss_bytes),
            s.records_written,
            s.rate_limited_429,
            s.achieved_rate,
            s.allowed_rate.map_or("-".to_owned(), |r| format!("{r:.1}")),
            s.pacing
                .map_or("-".to_owned(), |p| format!("{:.1} %", p.of_allowed * 100.0)),
        );
    }
    for s in &report.scenarios {
        if let Some(p) = s.pacing {
            let _ = writeln!(
                out,
                "\n{} / {}: {} windows; over the {} full ones {} calls in {:.1} s, {:.1} % of the allowed rate; idle beyond the resets {:.1} s",
                s.scenario.name(),
                s.engine,
                p.windows,
                p.windows - 1,
                p.calls,
                p.span_ms as f64 / 1000.0,
                p.of_allowed * 100.0,
                p.idle_ms as f64 / 1000.0
            );
        }
    }
    for s in &report.scenarios {
        let _ = writeln!(
            out,
            "\n{} / {}: calls by operation (minimum {} reads + {} writes)",
            s.scenario.name(),
            s.engine,
            s.minimum.reads,
            s.minimum.writes
        );
        for (op, n) in &s.calls {
            let _ = writeln!(out, "  {op:<70} {n:>8}");
        }
        for m in &s.minimum.entities {
            let _ = writeln!(
                out,
                "  minimum {:<62} {:>8}",
                format!("{} (reads {}, writes {})", m.entity, m.reads, m.writes),
                m.reads + m.writes
            );
        }
        if s.errors > 0 {
            let _ = writeln!(out, "  errors: {} ({:?})", s.errors, s.entities);
        }
    }
    if !report.baseline_ratios.is_empty() {
        let _ = writeln!(out, "\nper-record baseline ÷ mpsync");
        for r in &report.baseline_ratios {
            let _ = writeln!(
                out,
                "  {:<24} calls ×{:<8.1} wall time ×{:.1}",
                r.scenario.name(),
                r.calls,
                r.wall
            );
        }
    }
    out
}
