//! Hostile CSV files: broken quoting, wrong cell counts and types, huge cells, hidden control
//! and bidirectional characters, impossible dates, absurd amounts and spreadsheet formulas.
//! Each import is refused whole, naming the line and the column, and writes nothing; an export
//! never hands a spreadsheet a formula to run.

use erp::csv::{export, import, parse, ImportError, RowError};
use erp::{ChangeOrigin, Entity, ErpStore, Project, SubcontractLine, Supplier};

use crate::store::{supplier, with_company};

const SUPPLIERS_HEADER: &str =
    "code,name,status,linked_to_procore,address,city,province,country,postal_code,phone,email\n";
const GOOD_SUPPLIER: &str = "F010,Béton Côté ltée,A,true,,Québec,QC,CA,,418 555-0101,\n";

fn bad_rows(err: ImportError) -> Vec<RowError> {
    match err {
        ImportError::BadRows { errors, .. } => errors,
        other => panic!("expected bad rows, got {other}"),
    }
}

/// Imports `rows` of suppliers after a good one; the import must be refused, naming line 3 and
/// `column` (when given), and the store must be as before.
async fn refused(store: &ErpStore, rows: &str, column: Option<&str>) -> Vec<RowError> {
    let before = store.all::<Supplier>("LAUR").await.unwrap();
    let file = format!("{SUPPLIERS_HEADER}{GOOD_SUPPLIER}{rows}");
    let errors = bad_rows(
        import(store, "LAUR", Entity::Suppliers, file.as_bytes())
            .await
            .expect_err(rows),
    );
    let shown: String = rows.chars().take(60).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.line == 3 && e.column.as_deref() == column.or(e.column.as_deref())),
        "{shown:?}: {errors:?}"
    );
    assert!(
        errors.iter().all(|e| e.to_string().len() < 500),
        "messages stay short for {shown:?}"
    );
    assert_eq!(
        store.all::<Supplier>("LAUR").await.unwrap(),
        before,
        "{shown:?}: nothing of the file is written"
    );
    errors
}

async fn hostile_supplier_files_are_refused_whole(store: ErpStore) {
    with_company(&store, "LAUR").await;
    store
        .upsert("LAUR", &[supplier("F000")], ChangeOrigin::User)
        .await
        .unwrap();
    let huge = "x".repeat(1 << 20);
    let cases: Vec<(String, Option<&str>)> = vec![
        // Quoting never closed: the rest of the file is one cell.
        (
            "F011,\"Béton Côté ltée,A,true,,,,,,,\nF012,Coffrages,A,true,,,,,,,\n".into(),
            None,
        ),
        ("F011,Béton,A\n".into(), None),
        ("F011,Béton,A,true,,,,,,,,,,\n".into(), None),
        (
            "F011,Béton,A,peut-être,,,,,,,\n".into(),
            Some("linked_to_procore"),
        ),
        ("F011,Béton,Z,true,,,,,,,\n".into(), Some("status")),
        (format!("F011,{huge},A,true,,,,,,,\n"), Some("name")),
        (
            format!("F011,Béton,A,true,{},,,,,,\n", "y".repeat(500)),
            Some("address"),
        ),
        ("F011,Béton\u{0}Côté,A,true,,,,,,,\n".into(), Some("name")),
        (
            "F011,Béton\u{7}\u{1b}[31m,A,true,,,,,,,\n".into(),
            Some("name"),
        ),
        (
            "F011,Coffrages \u{202E}cte.fdp,A,true,,,,,,,\n".into(),
            Some("name"),
        ),
        (
            "F011,Vitrerie \u{2067}inc,A,true,,,,,,,\n".into(),
            Some("name"),
        ),
        (
            "F0\u{200B}11\u{0},Béton,A,true,,,,,,,\n".into(),
            Some("code"),
        ),
        (
            "F011,=cmd|' /C calc'!A0,A,true,,,,,,,\n".into(),
            Some("name"),
        ),
        ("F011,@SUM(A1:A9),A,true,,,,,,,\n".into(), Some("name")),
        ("F011,+A1*2,A,true,,,,,,,\n".into(), Some("name")),
        (
            "F011,-2+3+cmd|' /C calc'!A0,A,true,,,,,,,\n".into(),
            Some("name"),
        ),
        ("F011,\"\t=1+1\",A,true,,,,,,,\n".into(), Some("name")),
        (
            "F011,\"\r=HYPERLINK(\"\"http://x\"\")\",A,true,,,,,,,\n".into(),
            Some("name"),
        ),
        ("F011,Béton,A,true,,,,,,=1+1,\n".into(), Some("phone")),
        // The same key twice in one file.
        ("F010,Béton bis,A,true,,,,,,,\n".into(), Some("code")),
    ];
    for (rows, column) in &cases {
        refused(&store, rows, *column).await;
    }

    // A sign before digits is a phone number; a leading ' marks a formula-like value as text
    // and is removed; a tab before ordinary text is padding.
    let file = format!(
        "{SUPPLIERS_HEADER}F020,'=Béton Côté,A,true,,,,,,+1 418 555-0101,\n\
         F021,\"\tCoffrages Laval\",A,true,,,,,,,\n"
    );
    import(&store, "LAUR", Entity::Suppliers, file.as_bytes())
        .await
        .expect("text marked as text imports");
    let escaped = store
        .get::<Supplier>("LAUR", &"F020".to_owned())
        .await
        .unwrap()
        .unwrap()
        .record;
    assert_eq!(escaped.name, "=Béton Côté");
    assert_eq!(escaped.phone.as_deref(), Some("+1 418 555-0101"));
    let padded = store
        .get::<Supplier>("LAUR", &"F021".to_owned())
        .await
        .unwrap()
        .unwrap()
        .record;
    assert_eq!(padded.name, "Coffrages Laval");
}

async fn impossible_project_dates_are_refused(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let header = "number,description,active,linked_to_procore,start_date\n";
    for date in [
        "0000-13-45",
        "99999-01-01",
        "2025-02-30",
        "1850-01-01",
        "2300-01-01",
        "25-03-01",
        "2025-03-01T00:00:00Z",
    ] {
        let file = format!("{header}24017,Agrandissement,true,false,2025-03-01\n24018,Réfection,true,false,{date}\n");
        let errors = bad_rows(
            import(&store, "LAUR", Entity::Projects, file.as_bytes())
                .await
                .expect_err(date),
        );
        assert_eq!(errors.len(), 1, "{date}: {errors:?}");
        assert_eq!(
            (errors[0].line, errors[0].column.as_deref()),
            (3, Some("start_date")),
            "{date}"
        );
        assert!(
            errors[0].reason.contains(date.get(..5).unwrap_or(date))
                || errors[0].reason.contains("outside"),
            "{errors:?}"
        );
        assert!(
            store.all::<Project>("LAUR").await.unwrap().is_empty(),
            "{date}"
        );
    }
}

#[test]
fn absurd_amounts_are_refused_and_exact_ones_kept() {
    let header = "subcontract_number,line_no,activity_code,description,amount\n";
    for amount in [
        "1e308",
        "NaN",
        "inf",
        "79228162514264337593543950335",
        "1000000000000000",
        "-1000000000000000",
        "0.00001",
        "\"12,50\"",
        "0x10",
        "",
    ] {
        let file = format!("{header}PC1,1,,Coffrage,10.00\nPC1,2,,Armature,{amount}\n");
        let err = parse::<SubcontractLine, _>(file.as_bytes()).expect_err(amount);
        let errors = bad_rows(err);
        assert_eq!(errors.len(), 1, "{amount}: {errors:?}");
        assert_eq!(
            (errors[0].line, errors[0].column.as_deref()),
            (3, Some("amount")),
            "{amount}"
        );
    }
    for (amount, line_no) in [("-0.001", "1"), ("99999999.9999", "2"), ("-12.5000", "3")] {
        let file = format!("{header}PC1,{line_no},,Coffrage,{amount}\n");
        let lines = parse::<SubcontractLine, _>(file.as_bytes()).expect(amount);
        assert_eq!(lines[0].amount, amount.parse().unwrap());
    }
    for line_no in ["1.5", "99999999999999999999", "-", "١"] {
        let file = format!("{header}PC1,{line_no},,Coffrage,1\n");
        let errors = bad_rows(parse::<SubcontractLine, _>(file.as_bytes()).expect_err(line_no));
        assert_eq!(errors[0].column.as_deref(), Some("line_no"), "{line_no}");
    }
}

#[test]
fn a_column_named_twice_is_refused() {
    let file = "code,name,name\nF1,Béton,Coffrages\n".to_owned();
    let errors = bad_rows(parse::<Supplier, _>(file.as_bytes()).expect_err("twice"));
    assert!(
        errors.iter().any(|e| e.line == 1
            && e.column.as_deref() == Some("name")
            && e.reason.contains("twice")),
        "{errors:?}"
    );
}

#[test]
fn files_that_are_not_csv_are_refused_not_panicked_on() {
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\n\n\n".to_vec(),
        b"\xff\xfe\x00c\x00o\x00d\x00e".to_vec(),
        b"code,name\n\xc3\x28,B\xe9ton\n".to_vec(),
        format!("{SUPPLIERS_HEADER}{}", "\"".repeat(10_000)).into_bytes(),
        format!("{}\n", ",".repeat(100_000)).into_bytes(),
    ];
    for input in inputs {
        let shown = String::from_utf8_lossy(&input[..input.len().min(40)]).into_owned();
        match parse::<Supplier, _>(input.as_slice()) {
            Ok(records) => assert!(records.is_empty(), "{shown:?}"),
            // At most a thousand problems are listed, whatever the file holds.
            Err(ImportError::BadRows { errors, .. }) => {
                assert!(!errors.is_empty() && errors.len() <= 1000, "{shown:?}")
            }
            Err(e) => assert!(e.to_string().len() < 1000, "{shown:?}"),
        }
    }
}

async fn exports_never_hand_a_spreadsheet_a_formula(store: ErpStore) {
    with_company(&store, "LAUR").await;
    // Values that reached maestro* some other way (a sync from Procore, the maestro* screens).
    let names = [
        "=cmd|' /C calc'!A0",
        "+33 1 23 45 67 89",
        "-Lot 2",
        "@SUM(A1)",
        "'=déjà marqué",
        "Béton Côté ltée",
    ];
    let suppliers: Vec<Supplier> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Supplier {
            name: (*name).to_owned(),
            phone: Some("+1 418 555-0101".to_owned()),
            ..supplier(&format!("F{i:03}"))
        })
        .collect();
    store
        .upsert("LAUR", &suppliers, ChangeOrigin::User)
        .await
        .unwrap();
    let mut out = Vec::new();
    export(&store, "LAUR", Entity::Suppliers, &mut out)
        .await
        .unwrap();
    let mut reader = ::csv::Reader::from_reader(out.as_slice());
    let mut rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run in a spreadsheet"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, names.len());
    assert!(String::from_utf8_lossy(&out).contains("'=cmd|"));

    // Reading the export back changes nothing.
    let again = import(&store, "LAUR", Entity::Suppliers, out.as_slice())
        .await
        .unwrap();
    assert_eq!((again.written, again.unchanged), (0, names.len()));
    let stored = store.all::<Supplier>("LAUR").await.unwrap();
    let stored_names: Vec<&str> = stored.iter().map(|s| s.record.name.as_str()).collect();
    assert_eq!(stored_names, names);
}

backend_tests!(
    hostile_supplier_files_are_refused_whole,
    impossible_project_dates_are_refused,
    exports_never_hand_a_spreadsheet_a_formula,
);
