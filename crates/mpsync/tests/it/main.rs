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

mod erp_cli {
    use std::path::Path;
    use std::process::{Command, Output};

    fn mpsync(db: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_mpsync"))
            .env("MPSYNC_ERP_DB", db)
            .arg("erp")
            .args(args)
            .output()
            .expect("mpsync runs")
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    fn fresh_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("mpsync-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn export(db: &str, entity: &str, company: &str) -> String {
        let out = mpsync(db, &["export", entity, "-", "--company", company]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    }

    #[test]
    fn suppliers_round_trip_through_csv_and_a_bad_row_imports_nothing() {
        let dir = fresh_dir("erp-cli");
        let db = format!("sqlite://{}", dir.join("erp.sqlite").display());
        let out = mpsync(&db, &["demo-data"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let company = "LAURTEST";

        let before = export(&db, "suppliers", company);
        let header = before.lines().next().expect("a header line").to_string();
        assert!(
            before.lines().count() > 100,
            "the demo company has hundreds of suppliers"
        );

        // A good file: one new supplier with accents, written.
        let columns: Vec<&str> = header.split(',').collect();
        let row = |code: &str, name: &str, status: &str| -> String {
            columns
                .iter()
                .map(|c| match *c {
                    "code" => code.to_string(),
                    "name" => name.to_string(),
                    "status" => status.to_string(),
                    "linked_to_procore" => "true".to_string(),
                    _ => String::new(),
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        let good = dir.join("good.csv");
        std::fs::write(
            &good,
            format!("{header}\n{}\n", row("F9001", "Échafaudages Côté", "A")),
        )
        .unwrap();
        let out = mpsync(
            &db,
            &[
                "import",
                "suppliers",
                good.to_str().unwrap(),
                "--company",
                company,
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(export(&db, "suppliers", company).contains("Échafaudages Côté"));

        // A bad file: the third line has an unknown status; the second line must not be imported.
        let bad = dir.join("bad.csv");
        std::fs::write(
            &bad,
            format!(
                "{header}\n{}\n{}\n",
                row("F9002", "Grues Gagnon", "A"),
                row("F9003", "Toitures Roy", "Z")
            ),
        )
        .unwrap();
        let out = mpsync(
            &db,
            &[
                "import",
                "suppliers",
                bad.to_str().unwrap(),
                "--company",
                company,
            ],
        );
        assert_eq!(out.status.code(), Some(65), "data error status");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("line 3"), "{stderr}");
        assert!(stderr.contains("status"), "{stderr}");
        let after = export(&db, "suppliers", company);
        assert!(
            !after.contains("Grues Gagnon"),
            "nothing imported from a bad file"
        );
        let _ = std::fs::remove_dir_all(Path::new(&dir));
    }

    #[test]
    fn columns_lists_every_entity() {
        let out = mpsync("sqlite:///nonexistent/never-opened.sqlite", &["columns"]);
        assert!(out.status.success());
        let listing = text(&out.stdout);
        for entity in [
            "projects",
            "activities",
            "budgets",
            "suppliers",
            "order-invoices",
        ] {
            assert!(listing.contains(&format!("{entity}: ")), "{listing}");
        }
    }
}
