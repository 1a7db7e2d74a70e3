//! The `mpsync` command line: the README's first command (`mpsync demo`) and `mpsync erp`.

mod chaos;
mod cli;

use std::process::Command;

use procore_sim::seed;

fn demo(dir: &std::path::Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_mpsync"))
        .args(["demo", "--dir"])
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

/// The numbers in one line of a summary table: `projects 2 / 14 0 / 0 …`.
fn row<'a>(section: &'a str, entity: &str) -> Vec<&'a str> {
    section
        .lines()
        .find(|l| l.trim_start().starts_with(entity))
        .unwrap_or_else(|| panic!("no {entity} line in:\n{section}"))
        .split_whitespace()
        .skip(1)
        .filter(|w| *w != "/")
        .collect()
}

fn section<'a>(out: &'a str, from: &str, to: &str) -> &'a str {
    let start = out
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in:\n{out}"));
    let end = out[start..].find(to).map_or(out.len(), |i| start + i);
    &out[start..end]
}

#[test]
fn the_demo_synchronizes_both_ways_then_writes_nothing_then_carries_edits_and_a_conflict() {
    let dir = std::env::temp_dir().join(format!("mpsync-demo-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = demo(&dir);

    // created ERP, created Procore, updated ERP, updated Procore, linked, unchanged, skipped,
    // conflicts, warnings ERP, warnings Procore, errors ERP, errors Procore.
    let first = section(&out, "3. First", "4. Second");
    let projects = row(first, "projects");
    assert_ne!(projects[1], "0", "projects created in Procore: {first}");
    assert_ne!(
        projects[0], "0",
        "Procore-only projects created in maestro*: {first}"
    );
    assert_eq!(
        projects[10], "1",
        "the AB#12345678 project is refused: {first}"
    );
    let suppliers = row(first, "suppliers");
    assert_eq!(
        suppliers[4], "1",
        "the existing vendor is linked, not duplicated: {first}"
    );

    let second = section(&out, "4. Second", "5. Edits");
    for entity in ["projects", "suppliers"] {
        let r = row(second, entity);
        assert_eq!(
            &r[..4],
            ["0", "0", "0", "0"],
            "{entity} wrote on the second sync: {second}"
        );
    }

    let third = section(&out, "5. Edits", "6. An invoice");
    let projects = row(third, "projects");
    assert_eq!(&projects[2..4], ["1", "1"], "one edit each way: {third}");
    assert_eq!(projects[7], "1", "one conflict: {third}");
    assert!(out.contains("Drummondville"));
    // Procore's commitments arrive in maestro*, each once, totals to the cent (the demo checks).
    for entity in [
        "subcontracts",
        "purchase_orders",
        "subcontract_change_orders",
    ] {
        assert_eq!(row(third, entity)[0], "1", "{entity}: {third}");
    }
    assert!(third.contains("to the cent"), "{third}");
    assert!(third.contains("changing PC"), "{third}");
    for entity in ["prime_contracts", "billing_change_orders"] {
        assert_eq!(row(third, entity)[0], "1", "{entity}: {third}");
    }
    // An invoice entered in maestro* reaches Procore, once, to the cent.
    let fourth = section(&out, "6. An invoice", "Procore API calls");
    assert_eq!(row(fourth, "order_invoices")[1], "1", "{fourth}");
    assert!(fourth.contains("subcontractor invoice #1"), "{fourth}");
    assert!(out.contains("are Procore direct costs"), "{out}");

    // The files stay for inspection, and a second demo starts over cleanly.
    for file in [
        "procore-sim.sqlite",
        "erp.sqlite",
        "state.sqlite",
        "mpsync.key",
    ] {
        assert!(dir.join(file).exists(), "{file} kept");
    }
    demo(&dir);
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
