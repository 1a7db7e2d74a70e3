//! The table a person reads; the JSON is `BenchReport` serialized.

use std::fmt::Write;

use crate::harness::BenchReport;

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or("-".to_owned(), |b| format!("{:.0}", b as f64 / 1_048_576.0))
}

/// The summary table's columns: title, width, left-aligned (text) or right-aligned (figures).
/// One list for the header and the rows, so the two cannot drift apart.
const COLUMNS: [(&str, usize, bool); 17] = [
    ("scenario", 24, true),
    ("engine", 10, true),
    ("records", 8, false),
    ("reads", 7, false),
    ("writes", 7, false),
    ("minimum", 8, false),
    ("ratio", 6, false),
    ("wall s", 9, false),
    ("rec/s", 9, false),
    ("CPU s", 10, false),
    ("sim CPU s", 10, false),
    ("RSS MiB", 8, false),
    ("written", 8, false),
    ("429", 5, false),
    ("req/s", 9, false),
    ("allowed", 8, false),
    ("pacing", 7, false),
];

/// One line of the summary table, cells padded to their column.
fn line(cells: &[String]) -> String {
    COLUMNS
        .iter()
        .zip(cells)
        .map(|((_, width, left), cell)| {
            if *left {
                format!("{cell:<width$}")
            } else {
                format!("{cell:>width$}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    let titles: Vec<String> = COLUMNS.iter().map(|(t, _, _)| (*t).to_owned()).collect();
    let _ = writeln!(out, "{}", line(&titles));
    for s in &report.scenarios {
        let cells = [
            s.scenario.name().to_owned(),
            s.engine.to_owned(),
            s.records.to_string(),
            s.reads.to_string(),
            s.writes.to_string(),
            s.minimum.total().to_string(),
            format!("{:.3}", s.ratio),
            format!("{:.2}", s.wall_ms as f64 / 1000.0),
            format!("{:.0}", s.records_per_s),
            format!("{:.2}", s.cpu_ms as f64 / 1000.0),
            s.sim_cpu_ms
                .map_or("-".to_owned(), |ms| format!("{:.2}", ms as f64 / 1000.0)),
            mib(s.peak_rss_bytes),
            s.records_written.to_string(),
            s.rate_limited_429.to_string(),
            format!("{:.1}", s.achieved_rate),
            s.allowed_rate.map_or("-".to_owned(), |r| format!("{r:.1}")),
            s.pacing
                .map_or("-".to_owned(), |p| format!("{:.1} %", p.of_allowed * 100.0)),
        ];
        let _ = writeln!(out, "{}", line(&cells));
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
        let spans: Vec<String> = s
            .entity_ms
            .iter()
            .map(|(entity, ms)| format!("{entity} {:.2}", *ms as f64 / 1000.0))
            .collect();
        let _ = writeln!(out, "  seconds by entity: {}", spans.join(", "));
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
