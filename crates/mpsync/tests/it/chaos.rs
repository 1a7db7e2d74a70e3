//! The chaos harness on every change: a few seeded scenarios against the real `mpsync sync`
//! (killed, faulted, raced by Procore users) must keep every invariant, and the checker must
//! catch each defect a broken engine would leave behind. The full run (hundreds of scenarios)
//! is `mpsync-chaos`, with its figures in docs/RELIABILITY.md.

use std::path::PathBuf;

use chaos::{Options, Sabotage, Summary};

fn options(name: &str, first_seed: u64, scenarios: u64, sabotage: Option<Sabotage>) -> Options {
    let work_dir: PathBuf =
        std::env::temp_dir().join(format!("mpsync-chaos-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work_dir);
    std::fs::create_dir_all(&work_dir).unwrap();
    Options {
        mpsync: PathBuf::from(env!("CARGO_BIN_EXE_mpsync")),
        work_dir,
        first_seed,
        scenarios,
        sabotage,
        keep: false,
        jobs: 3,
    }
}

async fn run(options: &Options) -> Summary {
    let summary = chaos::run(options, |_| {}).await;
    let _ = std::fs::remove_dir_all(&options.work_dir);
    summary
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeded_scenarios_with_crashes_and_faults_keep_every_invariant() {
    let summary = run(&options("invariants", 101, 3, None)).await;
    assert!(summary.passed(), "{}", summary.table());
    assert_eq!(summary.scenarios, 3);
    assert!(summary.faults_total > 0, "{}", summary.table());
    assert!(summary.records_checked > 100, "{}", summary.table());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checker_catches_a_duplicate_a_dropped_record_and_a_drifted_value() {
    // One scenario each, the defect planted after its last run: a second Procore copy of a
    // bound vendor (what a create that lost its binding makes), a binding forgotten with no
    // error recorded (a record silently dropped), a synced value changed behind the engine.
    let planted = [
        options("duplicate", 7, 1, Some(Sabotage::Duplicate)),
        options("drop", 7, 1, Some(Sabotage::Drop)),
        options("drift", 7, 1, Some(Sabotage::Drift)),
    ];
    let (duplicate, dropped, drifted) =
        tokio::join!(run(&planted[0]), run(&planted[1]), run(&planted[2]));
    for (summary, invariant, what) in [
        (&duplicate, 1, "have the same name"),
        (&dropped, 2, "no error recorded"),
        (&drifted, 3, "Chibougamau"),
    ] {
        assert!(summary.harness_errors.is_empty(), "{}", summary.table());
        assert!(
            summary
                .violations
                .iter()
                .any(|v| v.invariant == invariant && v.detail.contains(what)),
            "invariant {invariant} not reported:\n{}",
            summary.table()
        );
        assert!(!summary.passed());
    }
}
