use serde::{Deserialize, Serialize};
use serde_json::json;
use state::{StateError, StateStore};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum CostCodeMode {
    Direct,
    Concatenated,
}

async fn settings_per_company(store: StateStore) {
    store
        .set_setting_as("ACME", "cost_code_mode", &CostCodeMode::Concatenated)
        .await
        .unwrap();
    store
        .set_setting(
            "ACME",
            "enabled_entities",
            &json!(["projects", "suppliers"]),
        )
        .await
        .unwrap();
    store
        .set_setting("OTHER", "cost_code_mode", &json!("direct"))
        .await
        .unwrap();

    let mode: Option<CostCodeMode> = store.setting_as("ACME", "cost_code_mode").await.unwrap();
    assert_eq!(mode, Some(CostCodeMode::Concatenated));
    assert_eq!(
        store
            .setting_as::<CostCodeMode>("OTHER", "cost_code_mode")
            .await
            .unwrap(),
        Some(CostCodeMode::Direct)
    );
    assert_eq!(store.setting("ACME", "missing").await.unwrap(), None);

    store
        .set_setting_as("ACME", "cost_code_mode", &CostCodeMode::Direct)
        .await
        .unwrap();
    let all = store.settings("ACME").await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all["cost_code_mode"], json!("direct"));

    let wrong = store
        .setting_as::<CostCodeMode>("ACME", "enabled_entities")
        .await;
    assert!(matches!(wrong, Err(StateError::Json { .. })), "{wrong:?}");

    assert!(store
        .delete_setting("ACME", "cost_code_mode")
        .await
        .unwrap());
    assert!(!store
        .delete_setting("ACME", "cost_code_mode")
        .await
        .unwrap());
}

backend_tests!(settings_per_company);
