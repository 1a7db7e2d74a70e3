//! A company standard cost code list.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

/// A company standard cost code list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardCostCodeList {
    /// Standard Cost Code List can be used on new projects
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub available_to_use_on_new_projects: Option<bool>,
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Standard Cost Code List ERP Integrated
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_erp_list: Option<bool>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Unique identifier for the company.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_id: Option<u64>,
}

/// Fields of a StandardCostCodeList sent to `RestV10StandardCostCodeListsPost` (body key `standard_cost_code_list`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardCostCodeListInput {
    /// Name of Standard Cost Code List
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Fields of a StandardCostCodeList sent to `RestV10StandardCostCodeListsIdPatch` (body key `standard_cost_code_list`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardCostCodeListUpdateInput {
    /// Standard Cost Code List Name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Set to true to enable ERP for this list. Note - Cannot be set to false to disable ERP on an existing ERP list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_erp_list: Option<bool>,
}

/// Query of `RestV10StandardCostCodeListsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StandardCostCodeListFilters {}

impl ListQuery for StandardCostCodeListFilters {
    fn append_to(&self, _query: &mut Query) {}
}

/// Operations on standard cost code lists of the selected company.
#[derive(Debug, Clone)]
pub struct StandardCostCodeLists {
    client: Client,
}

impl Client {
    /// Standard cost code lists of the selected company.
    pub fn standard_cost_code_lists(&self) -> StandardCostCodeLists {
        StandardCostCodeLists {
            client: self.clone(),
        }
    }
}

impl StandardCostCodeLists {
    /// List Standard Cost Code Lists: `GET /rest/v1.0/standard_cost_code_lists` (`RestV10StandardCostCodeListsGet`).
    pub fn list(&self, filters: &StandardCostCodeListFilters) -> Pager<StandardCostCodeList> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Standard Cost Code List: `GET /rest/v1.0/standard_cost_code_lists/{id}` (`RestV10StandardCostCodeListsIdGet`).
    pub async fn get(&self, id: u64) -> Result<StandardCostCodeList, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_ID_GET)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_ID_GET, &[id])
                    .query(query),
            )
            .await
    }
    /// Create Standard Cost Code List: `POST /rest/v1.0/standard_cost_code_lists` (`RestV10StandardCostCodeListsPost`).
    pub async fn create(
        &self,
        input: &StandardCostCodeListInput,
    ) -> Result<StandardCostCodeList, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("standard_cost_code_list"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Standard Cost Code List: `PATCH /rest/v1.0/standard_cost_code_lists/{id}` (`RestV10StandardCostCodeListsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &StandardCostCodeListUpdateInput,
    ) -> Result<StandardCostCodeList, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_ID_PATCH)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_STANDARD_COST_CODE_LISTS_ID_PATCH,
                    &[id],
                )
                .query(query)
                .json(&body(
                    &[("company_id", json!(company_id))],
                    Some("standard_cost_code_list"),
                    input,
                )?)?,
            )
            .await
    }
}
