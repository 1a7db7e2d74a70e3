//! The README's first command: `mpsync demo` runs on a fresh directory, twice, and prints no secret.

use std::process::Command;

use procore_sim::seed;

fn demo(dir: &std::path::Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_mpsync"))
        .args(["demo", "--data-dir"])
        .arg(dir)
        .output()
        .expect("mpsync runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "demo failed:\n{stdout}\n{stderr}");
    for secret in [seed::CLIENT_SECRET, seed::USER_PASSWORD] {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "a secret reached the terminal"
        );
    }
    stdout
}

#[test]
fn the_demo_runs_on_a_fresh_directory_and_again_on_its_own_state() {
    let dir = std::env::temp_dir().join(format!("mpsync-demo-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);

    let first = demo(&dir);
    assert!(first.contains("(new)"), "{first}");
    assert!(first.contains("2 refused"), "{first}");
    assert!(first.contains("country_code"), "{first}");
    assert!(first.contains("exists once"), "{first}");
    assert!(first.contains("with 0 responses of 429"), "{first}");

    let second = demo(&dir);
    assert!(second.contains("(from the previous run)"), "{second}");
    assert!(
        second.contains("already exists from a previous run"),
        "{second}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
