//! CSV import and export.

use erp::csv::{export, export_by_pages, import, ImportError};
use erp::{ChangeOrigin, Entity, ErpStore, Project, Supplier};

use crate::store::with_company;

const PROJECTS_CSV: &str = "\
number,parent_number,description,detailed_description,address,city,province,country,postal_code,phone,start_date,closing_date,active,linked_to_procore
24017,,Agrandissement de l'école Sainte-Thérèse,\"Phase 2, aile est\",\"1200, rue Valiquette\",Sainte-Adèle,QC,CA,J8B 2M4,450 555-0199,2025-03-01,2025-12-19,true,true
24017-01,24017,Électricité – lot 1,,,,,,,,,,true,false
24020,,Réfection du pont de la rivière du Nord,,12 King Street West,Hawkesbury,ON,CA,K6A 1B2,,2025-05-05,,false,false
";

async fn round_trip_keeps_accents(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let report = import(&store, "LAUR", Entity::Projects, PROJECTS_CSV.as_bytes())
        .await
        .unwrap();
    assert_eq!((report.rows, report.written), (3, 3));
    let stored = store
        .get::<Project>("LAUR", &"24017".to_owned())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.record.city.as_deref(), Some("Sainte-Adèle"));
    assert_eq!(stored.meta.by, ChangeOrigin::Import);

    let mut out = Vec::new();
    let rows = export(&store, "LAUR", Entity::Projects, &mut out)
        .await
        .unwrap();
    assert_eq!(rows, 3);
    assert_eq!(String::from_utf8(out.clone()).unwrap(), PROJECTS_CSV);

    // Re-importing the export changes nothing.
    let again = import(&store, "LAUR", Entity::Projects, out.as_slice())
        .await
        .unwrap();
    assert_eq!((again.written, again.unchanged), (0, 3));

    // Suppliers, with amounts-free but status and accents, into another company.
    let suppliers = "code,name,status,linked_to_procore,address,city,province,country,postal_code,phone,email\n\
                     F001,Béton Côté ltée,A,true,\"45, boulevard de l'Église\",Québec,QC,CA,G1R 4P5,418 555-0101,info@beton-cote.ca\n\
                     F002,Vitrerie Lévesque & associés,B,false,,,,,,,\n\
                     F003,Toitures Pâquet inc.,1,false,,,,,,,\n";
    import(&store, "LAUR", Entity::Suppliers, suppliers.as_bytes())
        .await
        .unwrap();
    let mut out = Vec::new();
    export(&store, "LAUR", Entity::Suppliers, &mut out)
        .await
        .unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), suppliers);
    // Read a page at a time, whatever the page's size, the export is the same.
    for page in 1..=4 {
        let mut paged = Vec::new();
        let rows = export_by_pages(&store, "LAUR", Entity::Suppliers, &mut paged, page)
            .await
            .unwrap();
        assert_eq!(rows, 3, "page of {page}");
        assert_eq!(
            String::from_utf8(paged).unwrap(),
            suppliers,
            "page of {page}"
        );
    }
    let blocked = store
        .get::<Supplier>("LAUR", &"F002".to_owned())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(blocked.record.status, erp::SupplierStatus::Blocked);
}

async fn bad_rows_are_reported_and_nothing_imported(store: ErpStore) {
    with_company(&store, "LAUR").await;
    let csv = "\
number,description,address,start_date,active,linked_to_procore
24017,École Sainte-Thérèse,,2025-03-01,true,true
AB#12,Projet refusé,,2025-03-01,true,true
24018,Projet à la date fausse,,2025-02-30,true,true
24019,Adresse trop longue,\"12345, boulevard du Curé-Antoine-Labelle Nord\",,oui,non
24017,Doublon,,,true,true
";
    let err = import(&store, "LAUR", Entity::Projects, csv.as_bytes())
        .await
        .unwrap_err();
    let ImportError::BadRows { entity, errors } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*entity, Entity::Projects);
    let found: Vec<(u64, Option<&str>)> = errors
        .iter()
        .map(|e| (e.line, e.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (3, Some("number")),
            (4, Some("start_date")),
            (5, Some("address")),
            (6, Some("number")),
        ]
    );
    assert!(errors[0].reason.contains("contains '#'"), "{}", errors[0]);
    assert!(errors[1].reason.contains("2025-02-30"), "{}", errors[1]);
    let message = err.to_string();
    assert!(
        message.contains(
            "line 5, column address: project 24019: address: is longer than 40 characters (45)"
        ),
        "{message}"
    );
    assert!(message.contains("same key as line 2"), "{message}");
    assert!(store.all::<Project>("LAUR").await.unwrap().is_empty());

    // An unknown column is reported on the header line.
    let err = import(
        &store,
        "LAUR",
        Entity::Projects,
        "number,descripton\n24017,x\n".as_bytes(),
    )
    .await
    .unwrap_err();
    let ImportError::BadRows { errors, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(errors[0].line, 1);
    assert_eq!(errors[0].column.as_deref(), Some("descripton"));

    // A row referring to a missing project refuses the whole file, reported on its line.
    import(&store, "LAUR", Entity::Projects, PROJECTS_CSV.as_bytes())
        .await
        .unwrap();
    let activities = "project_number,code,description\n\
                      24017,01,Conditions générales\n\
                      24099,01,Conditions générales\n";
    let err = import(&store, "LAUR", Entity::Activities, activities.as_bytes())
        .await
        .unwrap_err();
    let ImportError::BadRows { errors, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 3);
    assert!(errors[0]
        .reason
        .starts_with("activity 24099/01: refused by the database"));
    assert!(store.all::<erp::Activity>("LAUR").await.unwrap().is_empty());
}

backend_tests!(
    round_trip_keeps_accents,
    bad_rows_are_reported_and_nothing_imported,
);
