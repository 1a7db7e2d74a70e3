//! The small preset against the simulator: the calls of each scenario against the theoretical
//! minimum. Counts are deterministic (times are not asserted), so a regression in batching or
//! in skipping unchanged records fails here.

use bench::minimum::Scenario;
use bench::{BenchConfig, Preset, ScenarioResult, SimMode};

/// Calls over the minimum: none. The target is 1.05×; the engine reaches the
/// minimum on this preset, so any extra call is a regression. Never raise a bar to make a
/// change pass: name the read in docs/BENCHMARKS.md and lower the minimum's reach instead.
const INITIAL_BAR: f64 = 1.0;
const INCREMENTAL_BAR: f64 = 1.0;
/// The first quiet sync reads back the vendors the initial one wrote (changed since its
/// start): one more page for each of the two vendor entities, 1,110 vendors being two pages.
const ECHO_EXTRA_READS: u64 = 2;

fn calls(s: &ScenarioResult) -> u64 {
    s.reads + s.writes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn small_preset_stays_near_the_minimum_of_calls() {
    let dir = std::env::temp_dir().join(format!("mpsync-bench-it-{}", std::process::id()));
    let config = BenchConfig {
        preset: "small".to_owned(),
        size: Preset::Small.size(),
        seed: 7,
        dir: dir.clone(),
        sim: SimMode::InProcess,
        baseline: false,
        rate_limited: false,
    };
    let report = bench::run(&config).await.expect("benchmark ran");
    let _ = std::fs::remove_dir_all(&dir);
    let table = bench::report::table(&report);
    eprintln!("{table}");
    let of = |scenario| {
        report
            .scenarios
            .iter()
            .find(|s| s.scenario == scenario)
            .unwrap_or_else(|| panic!("no {scenario:?} in\n{table}"))
    };
    for s in &report.scenarios {
        assert_eq!(s.errors, 0, "{:?} has errors\n{table}", s.scenario);
        assert_eq!(s.rate_limited_429, 0, "{table}");
    }

    let initial = of(Scenario::Initial);
    assert!(
        calls(initial) as f64 <= INITIAL_BAR * initial.minimum.total() as f64,
        "initial sync: {} calls, minimum {}\n{table}",
        calls(initial),
        initial.minimum.total()
    );
    assert_eq!(initial.writes, initial.minimum.writes, "{table}");

    for scenario in [Scenario::Echo, Scenario::NoChange] {
        let quiet = of(scenario);
        assert_eq!(quiet.writes, 0, "{scenario:?} wrote\n{table}");
        assert_eq!(quiet.records_written, 0, "{scenario:?} wrote\n{table}");
    }
    let echo = of(Scenario::Echo);
    assert!(
        echo.reads <= echo.minimum.reads + ECHO_EXTRA_READS,
        "first sync after the initial one: {} reads, one page per list and project is {}\n{table}",
        echo.reads,
        echo.minimum.reads
    );
    let quiet = of(Scenario::NoChange);
    assert!(
        quiet.reads <= quiet.minimum.reads,
        "no-change sync: {} reads, one page per list and project is {}\n{table}",
        quiet.reads,
        quiet.minimum.reads
    );

    let incremental = of(Scenario::Incremental);
    assert!(
        calls(incremental) as f64 <= INCREMENTAL_BAR * incremental.minimum.total() as f64,
        "incremental sync: {} calls, minimum {}\n{table}",
        calls(incremental),
        incremental.minimum.total()
    );
    assert_eq!(incremental.writes, incremental.minimum.writes, "{table}");
}
