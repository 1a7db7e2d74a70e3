//! Every operation the client and the simulator share, exercised once against the simulator and
//! checked against Procore's contract: the request bodies and queries the client sends, and the
//! responses the simulator returns.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use procore::resources::{
    billing_periods::*, budget_changes::*, budget_line_items::*, budget_modifications::*,
    change_order_packages::*, change_orders::*, commitment_line_items::*, company_users::*,
    cost_codes::*, direct_cost_line_items::*, direct_costs::*, line_item_types::*,
    prime_contract_line_items::*, prime_contracts::*, projects::*, purchase_order_contracts::*,
    requisitions::*, standard_cost_code_lists::*, standard_cost_codes::*, sub_jobs::*,
    tax_codes::*, uoms::*, vendors::*, wbs_codes::*, work_order_contracts::*,
};
use procore::{ErrorKind, Money};
use procore_sim::seed;
use serde::de::DeserializeOwned;

use crate::support;

/// An open enum or any other value from its wire spelling.
fn wire<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::Value::String(text.into()))
        .unwrap_or_else(|e| panic!("`{text}` as {}: {e}", std::any::type_name::<T>()))
}

fn money(text: &str) -> Option<Money> {
    Some(text.parse().unwrap())
}

fn date(text: &str) -> Option<NaiveDate> {
    Some(text.parse().unwrap())
}

/// Operations outside this client's scope: webhooks come with a later part of mpsync, and the
/// authorize page is a browser's request.
fn out_of_scope(id: &str) -> bool {
    id.starts_with("RestV10WebhooksHooks") || id == "OauthAuthorizeGet"
}

#[tokio::test]
async fn every_shared_operation_is_exercised_and_conforms_to_the_contract() {
    let sim = support::start(support::config()).await;
    let (client, store) = support::client(&sim).await;
    let project = seed::PROJECT_ID;

    // Identity and company.
    client.me().await.expect("me");
    let companies = client
        .companies()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("companies");
    assert!(companies.iter().any(|c| c.id == seed::COMPANY_ID));
    let oauth = support::oauth(&sim);
    let pair = procore::TokenStore::load(store.as_ref())
        .await
        .unwrap()
        .unwrap();
    oauth
        .token_info(&pair.access_token)
        .await
        .expect("token info");

    // Projects.
    let created = client
        .projects()
        .create(&ProjectInput {
            name: Some("Tour Boréale — phase 2".into()),
            project_number: Some("P24017".into()),
            address: Some("1250, boul. René-Lévesque O.".into()),
            city: Some("Montréal".into()),
            state_code: Some("QC".into()),
            country_code: Some("CA".into()),
            start_date: date("2026-04-01"),
            completion_date: date("2027-10-31"),
            origin_id: Some("PRJ-P24017".into()),
            ..Default::default()
        })
        .await
        .expect("project create");
    client
        .projects()
        .get(created.id)
        .await
        .expect("project get");
    client
        .projects()
        .update(
            created.id,
            &ProjectUpdateInput {
                city: Some("Laval".into()),
                ..Default::default()
            },
        )
        .await
        .expect("project update");
    let synced = client
        .projects()
        .sync(vec![ProjectSyncItem {
            origin_id: Some("PRJ-P24018".into()),
            name: Some("Centre aquatique de Lévis".into()),
            project_number: Some("P24018".into()),
            ..Default::default()
        }])
        .await
        .expect("project sync");
    assert_eq!(synced.entities.len(), 1, "{:?}", synced.errors);
    client
        .projects()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("projects v1.0");
    client
        .projects()
        .list_v11(&Default::default())
        .collect_all()
        .await
        .expect("projects v1.1");

    // Vendors, inactive vendors.
    let vendor = client
        .vendors()
        .create(&VendorInput {
            name: Some("Béton Provincial ltée".into()),
            origin_id: Some("FRN-1".into()),
            ..Default::default()
        })
        .await
        .expect("vendor create");
    client.vendors().get(vendor.id).await.expect("vendor get");
    client
        .vendors()
        .update(
            vendor.id,
            &VendorInput {
                is_active: Some(false),
                ..Default::default()
            },
        )
        .await
        .expect("vendor update");
    let inactive = client
        .vendors()
        .list_inactive(&Default::default())
        .collect_all()
        .await
        .expect("inactive vendors");
    if !inactive.iter().any(|v| v.id == vendor.id) {
        for e in sim
            .admin()
            .exchanges()
            .await
            .unwrap()
            .iter()
            .filter(|e| e.path.contains("vendors"))
        {
            eprintln!(
                "{} {} {} {} {}",
                e.method, e.path, e.query, e.request_body, e.response_body
            );
        }
        panic!("deactivated vendor not listed as inactive");
    }
    client
        .vendors()
        .reactivate(vendor.id)
        .await
        .expect("vendor reactivate");
    client
        .vendors()
        .sync(vec![VendorSyncItem {
            origin_id: Some("FRN-2".into()),
            name: Some("Acier Nordique inc.".into()),
            ..Default::default()
        }])
        .await
        .expect("vendor sync");
    client
        .vendors()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("vendors");

    // Company users (employees).
    let user = client
        .company_users()
        .create(&CompanyUserInput {
            first_name: Some("Émilie".into()),
            last_name: Some("Gagnon".into()),
            email_address: Some("emilie.gagnon@laurentide.example".into()),
            is_employee: Some(true),
            employee_id: Some("EMP-104".into()),
            origin_id: Some("EMP-104".into()),
            ..Default::default()
        })
        .await
        .expect("user create");
    client.company_users().get(user.id).await.expect("user get");
    client
        .company_users()
        .update(
            user.id,
            &CompanyUserUpdateInput {
                job_title: Some("Chargée de projet".into()),
                ..Default::default()
            },
        )
        .await
        .expect("user update");
    client
        .company_users()
        .sync(vec![CompanyUserSyncItem {
            origin_id: Some("EMP-105".into()),
            last_name: Some("Bouchard".into()),
            email_address: Some("l.bouchard@laurentide.example".into()),
            ..Default::default()
        }])
        .await
        .expect("user sync");
    client
        .company_users()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("users");

    // Cost types, UOMs, tax codes.
    let cost_type = client
        .line_item_types()
        .create(&LineItemTypeInput {
            name: Some("Main-d'œuvre".into()),
            csv_import_code: Some("MO".into()),
            origin_id: Some("CT-MO".into()),
            ..Default::default()
        })
        .await
        .expect("line item type create");
    client
        .line_item_types()
        .get(cost_type.id)
        .await
        .expect("line item type get");
    client
        .line_item_types()
        .update(
            cost_type.id,
            &LineItemTypeInput {
                name: Some("Main-d'œuvre directe".into()),
                ..Default::default()
            },
        )
        .await
        .expect("line item type update");
    client
        .line_item_types()
        .sync(vec![LineItemTypeSyncItem {
            origin_id: Some("CT-EQ".into()),
            name: Some("Équipement".into()),
            csv_import_code: Some("EQ".into()),
            ..Default::default()
        }])
        .await
        .expect("line item type sync");
    let cost_types = client
        .line_item_types()
        .list(&LineItemTypeFilters {
            project_id: Some(project),
            ..Default::default()
        })
        .collect_all()
        .await
        .expect("line item types");
    let seeded_cost_type = cost_types
        .iter()
        .find(|t| t.id != cost_type.id)
        .expect("seeded cost types")
        .id;
    let uoms = client
        .uoms()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("uoms");
    let category = uoms
        .iter()
        .find_map(|u| u.uom_category.as_ref().and_then(|c| c.id));
    client
        .uoms()
        .create(&UomInput {
            name: Some("palette".into()),
            uom_category_id: category,
        })
        .await
        .expect("uom create");
    client
        .tax_codes()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("tax codes");
    client
        .tax_codes()
        .create(&TaxCodeInput {
            code: Some("TVQ".into()),
            description: Some("Taxe de vente du Québec".into()),
            rate1: money("9.975"),
            ..Default::default()
        })
        .await
        .expect("tax code create");

    // Standard cost code lists and codes.
    let list = client
        .standard_cost_code_lists()
        .create(&StandardCostCodeListInput {
            name: Some("Codes maestro*".into()),
        })
        .await
        .expect("standard list create");
    client
        .standard_cost_code_lists()
        .get(list.id)
        .await
        .expect("standard list get");
    client
        .standard_cost_code_lists()
        .update(
            list.id,
            &StandardCostCodeListUpdateInput {
                name: Some("Codes maestro* 2026".into()),
                ..Default::default()
            },
        )
        .await
        .expect("standard list update");
    client
        .standard_cost_code_lists()
        .list(&Default::default())
        .collect_all()
        .await
        .expect("standard lists");
    let standard = client.standard_cost_codes(list.id);
    let division = standard
        .create(&StandardCostCodeInput {
            code: Some("01".into()),
            name: Some("Conditions générales".into()),
            ..Default::default()
        })
        .await
        .expect("standard code create");
    standard.get(division.id).await.expect("standard code get");
    standard
        .update(
            division.id,
            &StandardCostCodeInput {
                name: Some("Exigences générales".into()),
                ..Default::default()
            },
        )
        .await
        .expect("standard code update");
    let synced = standard
        .sync(vec![StandardCostCodeSyncItem {
            code: Some("02".into()),
            name: Some("Travaux de chantier".into()),
            origin_id: Some("SCC-02".into()),
            ..Default::default()
        }])
        .await
        .expect("standard code sync");
    standard
        .list(&Default::default())
        .collect_all()
        .await
        .expect("standard codes");
    standard
        .delete(synced.entities[0].id)
        .await
        .expect("standard code delete");

    // Project cost codes, sub jobs, WBS codes.
    let codes = client.cost_codes(project);
    let root = codes
        .create(&CostCodeInput {
            code: Some("01".into()),
            name: Some("Conditions générales".into()),
            origin_id: Some("ACT-01".into()),
            ..Default::default()
        })
        .await
        .expect("cost code create");
    codes.get(root.id).await.expect("cost code get");
    codes
        .update(
            root.id,
            &CostCodeInput {
                name: Some("Exigences générales".into()),
                ..Default::default()
            },
        )
        .await
        .expect("cost code update");
    let leaf = codes
        .sync(vec![CostCodeSyncItem {
            code: Some("A".into()),
            name: Some("Administration".into()),
            parent_id: Some(root.id),
            origin_id: Some("ACT-01-A".into()),
            ..Default::default()
        }])
        .await
        .expect("cost code sync");
    let leaf = leaf
        .entities
        .first()
        .unwrap_or_else(|| panic!("{:?}", leaf.errors))
        .clone();
    assert_eq!(leaf.full_code.as_deref(), Some("01-A"));
    codes
        .list(&Default::default())
        .collect_all()
        .await
        .expect("cost codes");
    let sub_jobs = client.sub_jobs(project);
    let sub_job = sub_jobs
        .create(&SubJobInput {
            name: Some("Stationnement".into()),
            code: Some("SJ1".into()),
            ..Default::default()
        })
        .await
        .expect("sub job create");
    sub_jobs.get(sub_job.id).await.expect("sub job get");
    sub_jobs
        .update(
            sub_job.id,
            &SubJobInput {
                name: Some("Stationnement souterrain".into()),
                ..Default::default()
            },
        )
        .await
        .expect("sub job update");
    sub_jobs
        .sync(vec![SubJobSyncItem {
            name: Some("Aménagement".into()),
            code: Some("SJ2".into()),
            origin_id: Some("SJ-2".into()),
            ..Default::default()
        }])
        .await
        .expect("sub job sync");
    sub_jobs
        .list(&Default::default())
        .collect_all()
        .await
        .expect("sub jobs");
    sub_jobs.delete(sub_job.id).await.expect("sub job delete");
    let wbs = client.wbs_codes(project);
    let wbs_list = wbs
        .list(&Default::default())
        .collect_all()
        .await
        .expect("wbs codes");
    let wbs_code = wbs_list.first().expect("seeded WBS codes").clone();
    wbs.update(
        wbs_code.id,
        &WbsCodeUpdateInput {
            description: Some("Code budgétaire".into()),
            ..Default::default()
        },
    )
    .await
    .expect("wbs update");
    // A budget code is a cost code and a cost type, each named with its segment's id, which an
    // existing code's segment items tell.
    let segment = |name: &str| {
        wbs_code
            .segment_items
            .iter()
            .flatten()
            .filter_map(|i| i.segment.as_ref())
            .find(|s| s.get("name").and_then(|n| n.as_str()) == Some(name))
            .and_then(|s| s.get("id"))
            .and_then(serde_json::Value::as_u64)
            .unwrap_or_else(|| panic!("segment {name} on {wbs_code:?}"))
    };
    let (cost_code_segment, cost_type_segment) = (segment("Cost Code"), segment("Cost Type"));
    let combination = |cost_code: u64, cost_type: u64| {
        vec![
            WbsCodeInputSegmentItem {
                segment_id: Some(cost_code_segment),
                segment_item_id: Some(cost_code),
            },
            WbsCodeInputSegmentItem {
                segment_id: Some(cost_type_segment),
                segment_item_id: Some(cost_type),
            },
        ]
    };
    let leaf_code = wbs
        .create(&WbsCodeInput {
            description: Some("Administration — main-d'œuvre".into()),
            segment_items: Some(combination(leaf.id, cost_type.id)),
        })
        .await
        .expect("wbs create");
    assert!(leaf_code.flat_code.is_some());
    let bulk = wbs
        .bulk_create(vec![WbsCodeBulkItem {
            description: Some("Administration — équipement".into()),
            segment_items: Some(
                combination(leaf.id, seeded_cost_type)
                    .into_iter()
                    .map(|s| serde_json::to_value(s).unwrap())
                    .collect(),
            ),
        }])
        .await
        .expect("wbs bulk create");
    assert_eq!(bulk.entities.len(), 1, "{:?}", bulk.errors);

    // Budget line items, views, detail rows.
    let budget = client.budget_line_items(project);
    let line = budget
        .create(&BudgetLineItemInput {
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            original_budget_amount: money("125000.50"),
            ..Default::default()
        })
        .await
        .expect("budget line create");
    budget.get(line.id).await.expect("budget line get");
    budget
        .update(
            line.id,
            &BudgetLineItemUpdateInput {
                original_budget_amount: money("126000.00"),
                ..Default::default()
            },
        )
        .await
        .expect("budget line update");
    let line_v11 = budget
        .create_v11(&BudgetLineItemV11Input {
            wbs_code_id: Some(wbs_code.id),
            original_budget_amount: money("1000"),
            ..Default::default()
        })
        .await
        .expect("budget line create v1.1");
    budget
        .get_v11(line_v11.id)
        .await
        .expect("budget line get v1.1");
    budget
        .update_v11(
            line_v11.id,
            &BudgetLineItemV11Input {
                original_budget_amount: money("1100"),
                ..Default::default()
            },
        )
        .await
        .expect("budget line update v1.1");
    budget
        .sync(vec![BudgetLineItemSyncItem {
            wbs_code_id: Some(wbs_code.id),
            original_budget_amount: money("2500.25"),
            ..Default::default()
        }])
        .await
        .expect("budget line sync");
    let views = client
        .budget_views(project)
        .list(&Default::default())
        .collect_all()
        .await
        .expect("budget views");
    let view = views.first().expect("a budget view");
    let details = client.budget_view_details(project, view.id);
    details.columns().await.expect("budget detail columns");
    let rows = details
        .detail_rows(&Default::default())
        .collect_all()
        .await
        .expect("detail rows");
    assert!(!rows.is_empty());

    // Budget changes (the seeded company's mode) …
    let changes = client.budget_changes(project);
    let change = changes
        .create(&BudgetChangeInput {
            status: Some(wire("draft")),
            title: Some("Transfert imprévus".into()),
            adjustment_line_items: Some(vec![BudgetChangeInputAdjustmentLineItem {
                wbs_code_id: Some(wbs_code.id),
                amount: money("500.00"),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await
        .expect("budget change create");
    changes.get(change.id).await.expect("budget change get");
    changes
        .update(
            change.id,
            &BudgetChangeUpdateInput {
                title: Some("Transfert des imprévus".into()),
                ..Default::default()
            },
        )
        .await
        .expect("budget change update");
    changes
        .list(&Default::default())
        .collect_all()
        .await
        .expect("budget changes");
    changes
        .delete(change.id)
        .await
        .expect("budget change delete");
    // … and legacy budget modifications, refused while budget changes are on.
    let modifications = client.budget_modifications(project);
    let refused = modifications
        .create(&BudgetModificationInput {
            to_budget_line_item_id: Some(line.id),
            transfer_amount: money("10"),
            ..Default::default()
        })
        .await
        .expect_err("405 while budget changes are on");
    assert_eq!(refused.status(), Some(405), "{refused}");
    assert_eq!(refused.kind(), ErrorKind::NotPermitted, "{refused}");
    sim.admin()
        .set_budget_changes(seed::COMPANY_ID, false)
        .await
        .unwrap();
    let modification = modifications
        .create(&BudgetModificationInput {
            to_budget_line_item_id: Some(line.id),
            from_budget_line_item_id: Some(line_v11.id),
            transfer_amount: money("100.00"),
            notes: Some("Réallocation".into()),
            ..Default::default()
        })
        .await
        .expect("budget modification create");
    modifications
        .get(modification.id)
        .await
        .expect("budget modification get");
    modifications
        .update(
            modification.id,
            &BudgetModificationInput {
                notes: Some("Réallocation approuvée".into()),
                ..Default::default()
            },
        )
        .await
        .expect("budget modification update");
    modifications
        .list(&Default::default())
        .collect_all()
        .await
        .expect("budget modifications");
    modifications
        .delete(modification.id)
        .await
        .expect("budget modification delete");

    // Prime contract and its lines, prime change orders.
    let owner = client
        .vendors()
        .create(&VendorInput {
            name: Some("Ville de Lévis".into()),
            origin_id: Some("CLI-1".into()),
            ..Default::default()
        })
        .await
        .expect("owner vendor");
    let primes = client.prime_contracts(project);
    let prime = primes
        .create(&PrimeContractInput {
            number: Some("CP-001".into()),
            title: Some("Contrat principal".into()),
            vendor_id: Some(owner.id),
            status: Some(wire("Draft")),
            ..Default::default()
        })
        .await
        .expect("prime contract create");
    primes.get(prime.id).await.expect("prime contract get");
    primes.first().await.expect("prime contract (first)");
    primes
        .update(
            prime.id,
            &PrimeContractInput {
                title: Some("Contrat principal — Lévis".into()),
                ..Default::default()
            },
        )
        .await
        .expect("prime contract update");
    primes
        .list(&Default::default())
        .collect_all()
        .await
        .expect("prime contracts");
    let prime_lines = client.prime_contract_line_items(project, prime.id);
    let prime_line = prime_lines
        .create(&PrimeContractLineItemInput {
            amount: money("1500000.00"),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            description: Some("Bâtiment".into()),
            ..Default::default()
        })
        .await
        .expect("prime line create");
    prime_lines
        .get(prime_line.id)
        .await
        .expect("prime line get");
    prime_lines
        .update(
            prime_line.id,
            &PrimeContractLineItemInput {
                description: Some("Bâtiment principal".into()),
                ..Default::default()
            },
        )
        .await
        .expect("prime line update");
    prime_lines
        .sync(vec![PrimeContractLineItemSyncItem {
            amount: money("25000"),
            description: Some("Aménagement paysager".into()),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            ..Default::default()
        }])
        .await
        .expect("prime line sync");
    prime_lines
        .list(&Default::default())
        .collect_all()
        .await
        .expect("prime lines");
    let pcos = client.prime_change_orders(project);
    let pco = pcos
        .create(&ChangeOrderInput {
            contract_id: Some(prime.id),
            title: Some("Ajout d'une rampe".into()),
            number: Some("001".into()),
            ..Default::default()
        })
        .await
        .expect("prime change order create");
    pcos.get(pco.id).await.expect("prime change order get");
    pcos.update(
        pco.id,
        &ChangeOrderInput {
            title: Some("Ajout d'une rampe d'accès".into()),
            ..Default::default()
        },
    )
    .await
    .expect("prime change order update");
    pcos.list(&Default::default())
        .collect_all()
        .await
        .expect("prime change orders");
    pcos.delete(pco.id)
        .await
        .expect("prime change order delete");

    // Commitments: subcontracts (work orders) and purchase orders, their lines.
    let work_orders = client.work_order_contracts(project);
    let subcontract = work_orders
        .create(&WorkOrderContractInput {
            number: Some("ST-014".into()),
            title: Some("Électricité".into()),
            vendor_id: Some(vendor.id),
            origin_id: Some("ST-014".into()),
            ..Default::default()
        })
        .await
        .expect("work order create");
    work_orders
        .get(subcontract.id)
        .await
        .expect("work order get");
    work_orders
        .update(
            subcontract.id,
            &WorkOrderContractInput {
                title: Some("Électricité — lot 2".into()),
                ..Default::default()
            },
        )
        .await
        .expect("work order update");
    work_orders
        .sync(vec![WorkOrderContractSyncItem {
            origin_id: Some("ST-015".into()),
            title: Some("Plomberie".into()),
            vendor_id: Some(vendor.id),
            ..Default::default()
        }])
        .await
        .expect("work order sync");
    work_orders
        .list(&Default::default())
        .collect_all()
        .await
        .expect("work orders");
    let wo_lines = client.work_order_contract_line_items(project, subcontract.id);
    let wo_line = wo_lines
        .create(&CommitmentLineItemInput {
            amount: money("84000.00"),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            description: Some("Distribution".into()),
            ..Default::default()
        })
        .await
        .expect("work order line create");
    wo_lines.get(wo_line.id).await.expect("work order line get");
    wo_lines
        .update(
            wo_line.id,
            &CommitmentLineItemInput {
                description: Some("Distribution électrique".into()),
                ..Default::default()
            },
        )
        .await
        .expect("work order line update");
    wo_lines
        .sync(vec![CommitmentLineItemInput {
            amount: money("1200"),
            description: Some("Éclairage".into()),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            ..Default::default()
        }])
        .await
        .expect("work order line sync");
    wo_lines
        .list(&Default::default())
        .collect_all()
        .await
        .expect("work order lines");

    let purchase_orders = client.purchase_order_contracts(project);
    let po = purchase_orders
        .create(&PurchaseOrderContractInput {
            number: Some("BC-201".into()),
            title: Some("Béton".into()),
            vendor_id: Some(vendor.id),
            origin_id: Some("BC-201".into()),
            ..Default::default()
        })
        .await
        .expect("purchase order create");
    purchase_orders
        .get(po.id)
        .await
        .expect("purchase order get");
    purchase_orders
        .update(
            po.id,
            &PurchaseOrderContractInput {
                title: Some("Béton 35 MPa".into()),
                ..Default::default()
            },
        )
        .await
        .expect("purchase order update");
    purchase_orders
        .sync(vec![PurchaseOrderContractSyncItem {
            origin_id: Some("BC-202".into()),
            title: Some("Armature".into()),
            vendor_id: Some(vendor.id),
            ..Default::default()
        }])
        .await
        .expect("purchase order sync");
    purchase_orders
        .list(&Default::default())
        .collect_all()
        .await
        .expect("purchase orders");
    let po_lines = client.purchase_order_contract_line_items(project, po.id);
    let po_line = po_lines
        .create(&CommitmentLineItemInput {
            amount: money("18250.00"),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            description: Some("Béton".into()),
            ..Default::default()
        })
        .await
        .expect("purchase order line create");
    po_lines
        .get(po_line.id)
        .await
        .expect("purchase order line get");
    po_lines
        .update(
            po_line.id,
            &CommitmentLineItemInput {
                description: Some("Béton livré".into()),
                ..Default::default()
            },
        )
        .await
        .expect("purchase order line update");
    po_lines
        .sync(vec![CommitmentLineItemInput {
            amount: money("900"),
            description: Some("Pompage".into()),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            ..Default::default()
        }])
        .await
        .expect("purchase order line sync");
    po_lines
        .list(&Default::default())
        .collect_all()
        .await
        .expect("purchase order lines");

    let commitments = client.commitments(project);
    let all = commitments
        .list(&Default::default())
        .collect_all()
        .await
        .expect("commitments");
    assert!(all.iter().any(|c| c.id == subcontract.id) && all.iter().any(|c| c.id == po.id));
    commitments
        .get(subcontract.id)
        .await
        .expect("commitment get");

    let ccos = client.commitment_change_orders(project);
    let cco = ccos
        .create(&ChangeOrderInput {
            contract_id: Some(subcontract.id),
            title: Some("Prises supplémentaires".into()),
            number: Some("001".into()),
            ..Default::default()
        })
        .await
        .expect("commitment change order create");
    ccos.get(cco.id).await.expect("commitment change order get");
    ccos.update(
        cco.id,
        &ChangeOrderInput {
            title: Some("Prises supplémentaires (révisé)".into()),
            ..Default::default()
        },
    )
    .await
    .expect("commitment change order update");
    ccos.list(&Default::default())
        .collect_all()
        .await
        .expect("commitment change orders");
    ccos.delete(cco.id)
        .await
        .expect("commitment change order delete");
    let packages = client.change_order_packages(project);
    let package = packages
        .create(
            subcontract.id,
            &ChangeOrderPackageInput {
                title: Some("Paquet 1".into()),
                origin_id: Some("CCO-ST014-1".into()),
                status: Some(wire("draft")),
                ..Default::default()
            },
        )
        .await
        .expect("change order package create");
    packages
        .get(package.id)
        .await
        .expect("change order package get");
    packages
        .update(
            package.id,
            &ChangeOrderPackageInput {
                title: Some("Paquet 1 — révisé".into()),
                ..Default::default()
            },
        )
        .await
        .expect("change order package update");
    packages
        .list(&Default::default())
        .collect_all()
        .await
        .expect("change order packages");

    // Direct costs (v1.0 and v1.1) and their lines.
    let direct = client.direct_costs(project);
    let invoice = direct
        .create(&DirectCostInput {
            direct_cost_type: Some(wire("invoice")),
            vendor_id: Some(vendor.id),
            invoice_number: Some("F-88812".into()),
            direct_cost_date: date("2026-11-20"),
            ..Default::default()
        })
        .await
        .expect("direct cost create");
    direct.get(invoice.id).await.expect("direct cost get");
    direct
        .update(
            invoice.id,
            &DirectCostUpdateInput {
                description: Some("Location de grue".into()),
                ..Default::default()
            },
        )
        .await
        .expect("direct cost update");
    direct
        .sync(vec![DirectCostSyncItem {
            origin_id: Some("CST-1".into()),
            direct_cost_type: Some(wire("expense")),
            vendor_id: Some(vendor.id),
            direct_cost_date: date("2026-11-21"),
            ..Default::default()
        }])
        .await
        .expect("direct cost sync");
    direct
        .list(&Default::default())
        .collect_all()
        .await
        .expect("direct costs");
    let lines = client.direct_cost_line_items(project);
    let dc_line = lines
        .create(
            invoice.id,
            &DirectCostLineItemInput {
                amount: money("3400.00"),
                cost_code_id: Some(leaf.id),
                line_item_type_id: Some(cost_type.id),
                description: Some("Grue".into()),
                ..Default::default()
            },
        )
        .await
        .expect("direct cost line create");
    lines
        .get(invoice.id, dc_line.id)
        .await
        .expect("direct cost line get");
    lines
        .update(
            invoice.id,
            dc_line.id,
            &DirectCostLineItemInput {
                description: Some("Grue mobile".into()),
                ..Default::default()
            },
        )
        .await
        .expect("direct cost line update");
    lines
        .sync(vec![DirectCostLineItemSyncItem {
            direct_cost_id: Some(invoice.id),
            amount: money("75.00"),
            cost_code_id: Some(leaf.id),
            line_item_type_id: Some(cost_type.id),
            description: Some("Transport".into()),
            ..Default::default()
        }])
        .await
        .expect("direct cost line sync");
    lines
        .list(invoice.id, &Default::default())
        .collect_all()
        .await
        .expect("direct cost lines");
    lines
        .list_all(&Default::default())
        .collect_all()
        .await
        .expect("project direct cost lines");
    lines
        .delete(invoice.id, dc_line.id)
        .await
        .expect("direct cost line delete");
    let payroll = direct
        .create_v11(&DirectCostV11Input {
            direct_cost_type: Some(wire("payroll")),
            vendor_id: Some(vendor.id),
            invoice_number: Some("PAIE-2026-47".into()),
            direct_cost_date: date("2026-11-22"),
            ..Default::default()
        })
        .await
        .expect("direct cost create v1.1");
    direct
        .get_v11(payroll.id)
        .await
        .expect("direct cost get v1.1");
    direct
        .update_v11(
            payroll.id,
            &DirectCostV11UpdateInput {
                description: Some("Paie semaine 47".into()),
                ..Default::default()
            },
        )
        .await
        .expect("direct cost update v1.1");
    direct
        .list_v11(&Default::default())
        .collect_all()
        .await
        .expect("direct costs v1.1");
    direct
        .delete_v11(payroll.id)
        .await
        .expect("direct cost delete v1.1");
    direct.delete(invoice.id).await.expect("direct cost delete");

    // Billing periods and subcontractor invoices (requisitions).
    let periods = client.billing_periods(project);
    let period = periods
        .create(&BillingPeriodInput {
            start_date: date("2026-11-01"),
            end_date: date("2026-11-30"),
            due_date: date("2026-12-10"),
            status: Some(wire("open")),
        })
        .await
        .expect("billing period create");
    periods.get(period.id).await.expect("billing period get");
    periods
        .update(
            period.id,
            &BillingPeriodInput {
                due_date: date("2026-12-15"),
                ..Default::default()
            },
        )
        .await
        .expect("billing period update");
    periods
        .list(&Default::default())
        .collect_all()
        .await
        .expect("billing periods");
    let requisitions = client.requisitions(project);
    let requisition = requisitions
        .create(
            subcontract.id,
            &RequisitionInput {
                period_id: Some(period.id),
                invoice_number: Some("FAC-1".into()),
                ..Default::default()
            },
        )
        .await
        .expect("requisition create");
    requisitions
        .get(requisition.id)
        .await
        .expect("requisition get");
    requisitions
        .update(
            requisition.id,
            subcontract.id,
            &RequisitionInput {
                invoice_number: Some("FAC-1A".into()),
                ..Default::default()
            },
        )
        .await
        .expect("requisition update");
    requisitions
        .list(&Default::default())
        .collect_all()
        .await
        .expect("requisitions");
    requisitions
        .delete(requisition.id)
        .await
        .expect("requisition delete");
    let requisition = requisitions
        .create_v11(
            po.id,
            &RequisitionV11Input {
                period_id: Some(period.id),
                invoice_number: Some("FAC-2".into()),
                ..Default::default()
            },
        )
        .await
        .expect("requisition create v1.1");
    requisitions
        .get_v11(requisition.id)
        .await
        .expect("requisition get v1.1");
    requisitions
        .update_v11(
            requisition.id,
            po.id,
            &RequisitionV11UpdateInput {
                invoice_number: Some("FAC-2A".into()),
                ..Default::default()
            },
        )
        .await
        .expect("requisition update v1.1");
    requisitions
        .list_v11(&Default::default())
        .collect_all()
        .await
        .expect("requisitions v1.1");
    requisitions
        .delete_v11(requisition.id)
        .await
        .expect("requisition delete v1.1");
    periods
        .delete(period.id)
        .await
        .expect("billing period delete");

    // Contract line and contract deletions last: other records above hang on them.
    wo_lines
        .delete(wo_line.id)
        .await
        .expect("work order line delete");
    po_lines
        .delete(po_line.id)
        .await
        .expect("purchase order line delete");
    prime_lines
        .delete(prime_line.id)
        .await
        .expect("prime line delete");
    work_orders
        .delete(subcontract.id)
        .await
        .expect("work order delete");
    purchase_orders
        .delete(po.id)
        .await
        .expect("purchase order delete");
    primes
        .delete(prime.id)
        .await
        .expect("prime contract delete");

    // OAuth: refresh through the client's store path, then revoke.
    let pair = procore::TokenStore::load(store.as_ref())
        .await
        .unwrap()
        .unwrap();
    let refreshed = oauth
        .refresh(pair.refresh_token.as_ref().unwrap())
        .await
        .expect("refresh");
    oauth.revoke(&refreshed.access_token).await.expect("revoke");

    let exchanges = sim.admin().exchanges().await.unwrap();
    let contract = crate::contract();
    let exercised = crate::conformance::exercised(contract, &exchanges);
    let expected: BTreeSet<String> = contract
        .operations
        .keys()
        .filter(|id| !out_of_scope(id))
        .cloned()
        .collect();
    let missing: Vec<_> = expected.difference(&exercised).collect();
    assert!(
        missing.is_empty(),
        "operations never exercised successfully: {missing:?}"
    );
    support::finish(sim).await;
}
