use procore_sim::seed;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::*;

#[tokio::test]
async fn company_header_rules() {
    let server = start().await;
    let mut api = Api::new(&server).await;
    api.company = None;
    assert_eq!(api.get("/rest/v1.0/me").await.status(), 200);
    let companies: Value = api.get("/rest/v1.0/companies").await.json().await.unwrap();
    assert_eq!(companies.as_array().unwrap().len(), 2);
    let missing = api
        .get(&format!(
            "/rest/v1.0/vendors?company_id={}",
            seed::COMPANY_ID
        ))
        .await;
    assert_eq!(missing.status(), 400);
    assert!(missing
        .text()
        .await
        .unwrap()
        .contains("Missing Procore-Company-Id header!"));
    api.company = Some(seed::FOREIGN_COMPANY_ID);
    assert_eq!(
        api.get(&format!(
            "/rest/v1.0/vendors?company_id={}",
            seed::FOREIGN_COMPANY_ID
        ))
        .await
        .status(),
        403
    );
    api.company = Some(seed::COMPANY_ID);
    // A project of the other company is invisible.
    let other = api
        .get(&format!(
            "/rest/v1.0/projects/{}?company_id={}",
            seed::OTHER_COMPANY_PROJECT_ID,
            seed::COMPANY_ID
        ))
        .await;
    assert_eq!(other.status(), 404);
    // Unauthenticated calls say why.
    let anonymous = reqwest::Client::new()
        .get(server.api_url().join("rest/v1.0/me").unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert!(anonymous.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .contains("invalid_token"));
    server.admin().expire_access_tokens().await.unwrap();
    let expired = api.get("/rest/v1.0/me").await;
    assert_eq!(expired.status(), 401);
    assert!(expired.text().await.unwrap().contains("expired"));
    server.shutdown().await;
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    let server = start().await;
    let api = Api::new(&server).await;
    server
        .admin()
        .set_rate_limits(procore_sim::RateLimitConfig {
            enabled: true,
            hourly_limit: 100,
            hourly_window: std::time::Duration::from_secs(2),
            spike_limit: 3,
            spike_window: std::time::Duration::from_secs(1),
        })
        .await
        .unwrap();
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let r = api.get("/rest/v1.0/me").await;
        assert!(r.headers().contains_key("x-rate-limit-limit"));
        assert!(r.headers().contains_key("x-rate-limit-reset"));
        statuses.push((
            r.status().as_u16(),
            r.headers()["x-rate-limit-remaining"]
                .to_str()
                .unwrap()
                .to_owned(),
            r.headers().get("retry-after").is_some(),
        ));
    }
    assert_eq!(statuses[0], (200, "2".into(), false));
    assert_eq!(statuses[3].0, 429);
    assert!(statuses[3].2);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(api.get("/rest/v1.0/me").await.status(), 200);
    let log = server.admin().exchanges().await.unwrap();
    assert!(log.iter().any(|e| e.rate_limited && e.status == 429));
    server.shutdown().await;
}

#[tokio::test]
async fn fault_fires_exactly_count_times_and_commit_then_drop_applies() {
    let server = start().await;
    let api = Api::new(&server).await;
    let admin = server.admin();
    admin
        .add_fault(serde_json::from_value(json!({"operation": "RestV10VendorsGet", "kind": "status", "status": 503, "retry_after_secs": 2, "count": 2})).unwrap())
        .await
        .unwrap();
    let path = format!("/rest/v1.0/vendors?company_id={}", seed::COMPANY_ID);
    let first = api.get(&path).await;
    assert_eq!(first.status(), 503);
    assert_eq!(first.headers()["retry-after"], "2");
    assert_eq!(api.get(&path).await.status(), 503);
    assert_eq!(api.get(&path).await.status(), 200);
    assert_eq!(
        admin.request_counts().await.unwrap()["RestV10VendorsGet"],
        3
    );

    admin
        .add_fault(
            serde_json::from_value(
                json!({"operation": "RestV10VendorsPost", "kind": "commit_then_drop", "count": 1}),
            )
            .unwrap(),
        )
        .await
        .unwrap();
    let dropped = api
        .request(Method::POST, "/rest/v1.0/vendors")
        .json(&json!({"company_id": seed::COMPANY_ID, "vendor": {"name": "Toitures Dropped inc.", "origin_id": "V-DROP"}}))
        .send()
        .await;
    assert!(dropped.is_err(), "the connection is dropped");
    let vendors: Value = api
        .get(&format!("{path}&filters[origin_id]=V-DROP"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        vendors.as_array().unwrap().len(),
        1,
        "the write was applied"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn pagination_headers_clamping_and_offset_drift() {
    let server = start().await;
    let api = Api::new(&server).await;
    let admin = server.admin();
    for i in 0..5 {
        admin
            .insert_record(
                procore_sim::Kind::Vendor,
                seed::COMPANY_ID,
                None,
                None,
                json!({"name": format!("Fournisseur {i}"), "is_active": true}),
            )
            .await
            .unwrap();
    }
    // 2 seeded + 5 inserted.
    let path = format!(
        "/rest/v1.0/vendors?company_id={}&per_page=3",
        seed::COMPANY_ID
    );
    let page1 = api.get(&path).await;
    assert_eq!(page1.headers()["total"], "7");
    assert_eq!(page1.headers()["per-page"], "3");
    let link = page1.headers()["link"].to_str().unwrap().to_owned();
    assert!(
        link.contains("rel=\"next\"")
            && link.contains("rel=\"last\"")
            && !link.contains("rel=\"prev\"")
    );
    assert!(link.starts_with(&format!("<{}", server.api_url())));
    let page1: Value = page1.json().await.unwrap();
    let first_of_page2_before: Value = api
        .get(&format!("{path}&page=2"))
        .await
        .json()
        .await
        .unwrap();
    // Deleting a record on page 1 shifts page 2 by one.
    admin
        .delete_record(procore_sim::Kind::Vendor, page1[0]["id"].as_u64().unwrap())
        .await
        .unwrap();
    let page2_after: Value = api
        .get(&format!("{path}&page=2"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page2_after[0]["id"], first_of_page2_before[1]["id"]);
    let clamped = api
        .get(&format!(
            "/rest/v1.1/projects?company_id={}&per_page=5000",
            seed::COMPANY_ID
        ))
        .await;
    assert_eq!(clamped.headers()["per-page"], "300");
    server.shutdown().await;
}

#[tokio::test]
async fn sync_matching_rules_and_origin_uniqueness() {
    let server = start().await;
    let api = Api::new(&server).await;
    let body = json!({
        "company_id": seed::COMPANY_ID,
        "updates": [
            {"name": "Sans origine"},
            {"origin_id": "V-100", "name": "Coffrages Laval", "country_code": "CA", "state_code": "QC"},
            {"id": 1, "name": "Inconnu"},
            {"origin_id": "V-101", "name": "Bad State", "country_code": "CA", "state_code": "NY"},
        ]
    });
    let response = api
        .send(Method::PATCH, "/rest/v1.0/vendors/sync", body)
        .await;
    assert_eq!(response.status(), 200);
    let result: Value = response.json().await.unwrap();
    assert_eq!(result["entities"].as_array().unwrap().len(), 2);
    let errors = result["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(
        errors[0]["errors"]["id"][0],
        "Entity with this ID not found"
    );
    assert!(errors[1]["errors"]["state_code"].is_array());
    let created_id = result["entities"][1]["id"].as_u64().unwrap();
    // origin_id only → update; both → update by id and change the origin id.
    let again: Value = api
        .send(Method::PATCH, "/rest/v1.0/vendors/sync", json!({"company_id": seed::COMPANY_ID, "updates": [{"origin_id": "V-100", "name": "Coffrages Laval ltée"}]}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["entities"][0]["id"].as_u64(), Some(created_id));
    let both: Value = api
        .send(Method::PATCH, "/rest/v1.0/vendors/sync", json!({"company_id": seed::COMPANY_ID, "updates": [{"id": created_id, "origin_id": "V-200"}]}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(both["entities"][0]["origin_id"], "V-200");
    // A duplicate origin_id on POST is 422.
    let dup = api.send(Method::POST, "/rest/v1.0/vendors", json!({"company_id": seed::COMPANY_ID, "vendor": {"name": "Autre", "origin_id": "V-200"}})).await;
    assert_eq!(dup.status(), 422);

    // Cost code origin ids are unique across the projects of a company.
    let cc = |project: u64| json!({"project_id": project, "cost_code": {"code": "700", "name": "Divers", "origin_id": "CC-1"}});
    assert_eq!(
        api.send(Method::POST, "/rest/v1.0/cost_codes", cc(seed::PROJECT_ID))
            .await
            .status(),
        201
    );
    assert_eq!(
        api.send(
            Method::POST,
            "/rest/v1.0/cost_codes",
            cc(seed::SECOND_PROJECT_ID)
        )
        .await
        .status(),
        422
    );
    let too_many: Vec<Value> = (0..1001)
        .map(|i| json!({"name": format!("v{i}")}))
        .collect();
    let big = api
        .send(
            Method::PATCH,
            "/rest/v1.0/vendors/sync",
            json!({"company_id": seed::COMPANY_ID, "updates": too_many}),
        )
        .await;
    assert_eq!(big.status(), 413);
    server.shutdown().await;
}

#[tokio::test]
async fn filters_on_lists() {
    let server = start().await;
    let api = Api::new(&server).await;
    let created: Value = api
        .send(Method::POST, "/rest/v1.0/vendors", json!({"company_id": seed::COMPANY_ID, "vendor": {"name": "Plomberie Nord", "notes": "NOTMAESTRO", "origin_id": "V-9"}}))
        .await
        .json()
        .await
        .unwrap();
    let base = format!("/rest/v1.0/vendors?company_id={}", seed::COMPANY_ID);
    let found: Value = api
        .get(&format!("{base}&filters[search]=notmaestro"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let by_id: Value = api
        .get(&format!("{base}&filters[id][]={}", created["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_id.as_array().unwrap().len(), 1);
    let future: Value = api
        .get(&format!(
            "{base}&filters[updated_at]=2999-01-01...2999-12-31"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert!(future.as_array().unwrap().is_empty());
    let ignored: Value = api
        .get(&format!("{base}&filters[no_such_thing]=x"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ignored.as_array().unwrap().len(), 3);
    // Deactivated vendors move to the inactive list.
    let id = created["id"].as_u64().unwrap();
    let patched = api
        .send(
            Method::PATCH,
            &format!("/rest/v1.0/vendors/{id}"),
            json!({"company_id": seed::COMPANY_ID, "vendor": {"is_active": false}}),
        )
        .await;
    assert_eq!(patched.status(), 200);
    let inactive: Value = api
        .get(&format!(
            "/rest/v1.0/companies/{}/vendors/inactive",
            seed::COMPANY_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inactive.as_array().unwrap().len(), 1);
    server.shutdown().await;
}

#[tokio::test]
async fn read_only_direct_cost_and_budget_modifications_405() {
    let server = start().await;
    let api = Api::new(&server).await;
    let vendors: Value = api
        .get(&format!(
            "/rest/v1.0/vendors?company_id={}",
            seed::COMPANY_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    let vendor = vendors[0]["id"].as_u64().unwrap();
    let dc = api
        .send(
            Method::POST,
            &format!("/rest/v1.0/projects/{}/direct_costs", seed::PROJECT_ID),
            json!({"item": {"direct_cost_type": "invoice", "vendor_id": vendor, "invoice_number": "F-1", "origin_id": "DC-1"}}),
        )
        .await;
    assert_eq!(dc.status(), 201);
    let dc: Value = dc.json().await.unwrap();
    let edit = api
        .send(
            Method::PATCH,
            &format!(
                "/rest/v1.0/projects/{}/direct_costs/{}",
                seed::PROJECT_ID,
                dc["id"]
            ),
            json!({"item": {"description": "changed"}}),
        )
        .await;
    assert_eq!(edit.status(), 422);
    let modification = api
        .send(
            Method::POST,
            &format!(
                "/rest/v1.0/projects/{}/budget_modifications",
                seed::PROJECT_ID
            ),
            json!({"budget_modification": {"to_budget_line_item_id": 1, "transfer_amount": 10}}),
        )
        .await;
    assert_eq!(modification.status(), 405);
    assert_eq!(modification.headers()["allow"], "GET");
    server.shutdown().await;
}

#[tokio::test]
async fn amounts_follow_the_contract_types() {
    let server = start().await;
    let api = Api::new(&server).await;
    let wbs: Value = api
        .get(&format!(
            "/rest/v1.0/projects/{}/work_breakdown_structure/wbs_codes",
            seed::PROJECT_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    let wbs_id = wbs[0]["id"].as_u64().unwrap();
    assert!(wbs[0]["flat_code"].as_str().unwrap().contains('.'));
    let line = api
        .send(Method::POST, "/rest/v1.1/budget_line_items", json!({"project_id": seed::PROJECT_ID, "budget_line_item": {"wbs_code_id": wbs_id, "original_budget_amount": 1234.5}}))
        .await;
    let status = line.status();
    let line: Value = line.json().await.unwrap();
    assert_eq!(status, 201, "{line}");
    let shown: Value = api
        .get(&format!(
            "/rest/v1.0/budget_line_items/{}?project_id={}",
            line["id"],
            seed::PROJECT_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    // The v1.0 show declares a number, the detail rows a string.
    assert_eq!(shown["original_budget_amount"], json!(1234.5));
    let views: Value = api
        .get(&format!(
            "/rest/v1.0/budget_views?project_id={}",
            seed::PROJECT_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    let rows: Value = api
        .get(&format!(
            "/rest/v1.0/budget_views/{}/detail_rows?project_id={}",
            views[0]["id"],
            seed::PROJECT_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        rows[0]["original_budget_amount"],
        json!("1234.50"),
        "{views} {rows}"
    );
    assert_eq!(rows[0]["revised_budget"], json!("1234.50"), "{rows}");
    server.shutdown().await;
}

#[tokio::test]
async fn budget_codes_are_unique_named_by_segment_and_a_locked_budget_refuses_edits() {
    let server = start().await;
    let api = Api::new(&server).await;
    let wbs: Value = api
        .get(&format!(
            "/rest/v1.0/projects/{}/work_breakdown_structure/wbs_codes",
            seed::PROJECT_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    let code = &wbs[0];
    let segment_of = |name: &str| {
        code["segment_items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["segment"]["name"] == name)
            .map(|i| {
                (
                    i["segment"]["id"].as_u64().unwrap(),
                    i["id"].as_u64().unwrap(),
                )
            })
            .unwrap_or_else(|| panic!("{name} in {code}"))
    };
    let (cc_segment, cc) = segment_of("Cost Code");
    let (type_segment, t) = segment_of("Cost Type");
    let bulk_path = format!(
        "/rest/v1.0/projects/{}/work_breakdown_structure/wbs_codes/bulk_create",
        seed::PROJECT_ID
    );
    let bulk = |items: Value| {
        api.send(
            Method::PATCH,
            &bulk_path,
            json!({"bulk": [{"segment_items": items}]}),
        )
    };
    // The same combination again is the same code; its description stays when none is given.
    let again: Value = bulk(json!([
        {"segment_id": cc_segment, "segment_item_id": cc},
        {"segment_id": type_segment, "segment_item_id": t}
    ]))
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(again["entities"][0]["id"], code["id"], "{again}");
    assert_eq!(again["entities"][0]["description"], code["description"]);
    // An item under another segment's id is refused.
    let swapped: Value = bulk(json!([
        {"segment_id": type_segment, "segment_item_id": cc},
        {"segment_id": cc_segment, "segment_item_id": t}
    ]))
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(swapped["entities"], json!([]), "{swapped}");
    assert!(
        swapped["errors"][0].to_string().contains("segment_id"),
        "{swapped}"
    );

    let new_line = |amount: f64| {
        api.send(
            Method::POST,
            "/rest/v1.0/budget_line_items/sync",
            json!({"project_id": seed::PROJECT_ID, "budget_line_items": [{"wbs_code_id": code["id"], "original_budget_amount": amount}]}),
        )
    };
    let first: Value = new_line(100.0).await.json().await.unwrap();
    assert_eq!(first.as_array().unwrap().len(), 1, "{first}");
    // A second line on the same budget code is not added beside the first.
    let second: Value = new_line(200.0).await.json().await.unwrap();
    assert_eq!(second, json!([]), "{second}");

    server
        .admin()
        .update_record(
            procore_sim::Kind::Project,
            seed::PROJECT_ID,
            json!({"budget_locked": true}),
        )
        .await
        .unwrap();
    let locked = api
        .send(
            Method::POST,
            "/rest/v1.0/budget_line_items/sync",
            json!({"project_id": seed::PROJECT_ID, "budget_line_items": [{"id": first[0]["id"], "original_budget_amount": 300.0}]}),
        )
        .await;
    assert_eq!(locked.status(), 422);
    assert!(locked.text().await.unwrap().contains("locked"));
    let shown: Value = api
        .get(&format!(
            "/rest/v1.0/budget_line_items/{}?project_id={}",
            first[0]["id"],
            seed::PROJECT_ID
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        shown["original_budget_amount"].as_f64(),
        Some(100.0),
        "{shown}"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn exchange_log_and_unknown_routes() {
    let server = start().await;
    let api = Api::new(&server).await;
    let _ = api.get("/rest/v1.0/me").await;
    let unknown = api.get("/rest/v9.9/nothing").await;
    assert_eq!(unknown.status(), 404);
    let log = server.admin().exchanges().await.unwrap();
    let me = log
        .iter()
        .find(|e| e.operation_id.as_deref() == Some("RestV10MeGet"))
        .unwrap();
    assert_eq!(me.status, 200);
    assert_eq!(me.response_body["login"], seed::USER_EMAIL);
    let token = log
        .iter()
        .find(|e| e.operation_id.as_deref() == Some("OauthTokenPost"))
        .unwrap();
    assert_eq!(token.request_body["grant_type"], "authorization_code");
    assert!(log
        .iter()
        .any(|e| e.operation_id.is_none() && e.path == "/rest/v9.9/nothing"));
    server.shutdown().await;
}

#[tokio::test]
async fn persistence_across_restart() {
    let dir = std::env::temp_dir().join(format!("procore-sim-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.sqlite");
    let _ = std::fs::remove_file(&file);
    let config = || procore_sim::SimConfig {
        data: Some(file.clone()),
        ..procore_sim::SimConfig::default()
    };
    let server = start_with(config()).await;
    let api = Api::new(&server).await;
    let created: Value = api
        .send(
            Method::POST,
            "/rest/v1.0/vendors",
            json!({"company_id": seed::COMPANY_ID, "vendor": {"name": "Persistant inc."}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let token = api.token.clone();
    server.shutdown().await;

    let server = start_with(config()).await;
    let mut api = Api::new(&server).await;
    api.token = token;
    let shown = api
        .get(&format!(
            "/rest/v1.0/vendors/{}?company_id={}",
            created["id"],
            seed::COMPANY_ID
        ))
        .await;
    assert_eq!(shown.status(), 200, "token and vendor survive the restart");
    server.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}
