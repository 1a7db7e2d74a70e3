//! A project cost code; the hierarchy is `parent` + `full_code`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    IdRef as CostCodeParent, LineItemTypeBaseType as CostCodeLineItemTypeBaseType,
    LineItemTypeRef as CostCodeLineItemType,
};

open_enum! {
    /// Values of `CostCodeBillerType`; unknown values are kept in `Other`.
    CostCodeBillerType { Project = "Project", SubJob = "SubJob" }
}

/// A project cost code; the hierarchy is `parent` + `full_code`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostCode {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Full code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_code: Option<String>,
    /// Name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Origin id.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Origin data.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CostCodeParent>,
    /// Standard cost code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_cost_code_id: Option<u64>,
    /// Position.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Created at.
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Updated at.
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Deleted at.
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<DateTime<Utc>>,
    /// Biller
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub biller: Option<String>,
    /// Biller ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub biller_id: Option<u64>,
    /// Biller type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biller_type: Option<CostCodeBillerType>,
    /// Budgeted
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub budgeted: Option<bool>,
    /// Sortable code (this property is deprecated - see full_code)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sortable_code: Option<String>,
    /// Standard Cost Code List ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_cost_code_list_id: Option<u64>,
    /// Line Item Types
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_types: Option<Vec<CostCodeLineItemType>>,
}

/// Fields of a CostCode sent to `RestV10CostCodesPost` (body key `cost_code`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CostCodeInput {
    /// Position
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    /// Cost code, not including parent prefix. e.g., for cost code "02-300", the value of this field should be "300". (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Name (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Unique identifier for the Origin
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Unique identifier for the Parent
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// Unique identifier for the Standard Cost Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_cost_code_id: Option<u64>,
}

/// One item of `RestV10CostCodesSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CostCodeSyncItem {
    /// Unique identifier for the Cost Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Position
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    /// Cost code, not including parent prefix. e.g., for cost code "02-300", the value of this field should be "300".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Unique identifier for the Origin
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Unique identifier for the Parent
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// Unique identifier for the Standard Cost Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_cost_code_id: Option<u64>,
}

/// Query of `RestV10CostCodesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostCodeFilters {
    /// `sub_job_id`: Unique identifier for the Sub Job
    pub sub_job_id: Option<u64>,
    /// `filters[id]`: return cost codes that are filtered on an array of ID's. Example: filters\[id\]=\[1,2\]
    pub id: Vec<u64>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `view`: Specifies which view (which attributes) of the resource is going to be present in the response. One of: `default`, `erp_compact`.
    pub view: Option<String>,
}

impl ListQuery for CostCodeFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("sub_job_id", self.sub_job_id.as_ref());
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt("view", self.view.as_ref());
    }
}

/// Operations on cost codes of a project.
#[derive(Debug, Clone)]
pub struct CostCodes {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Cost codes of a project.
    pub fn cost_codes(&self, project_id: u64) -> CostCodes {
        CostCodes {
            client: self.clone(),
            project_id,
        }
    }
}

impl CostCodes {
    /// List Cost Codes: `GET /rest/v1.0/cost_codes` (`RestV10CostCodesGet`).
    pub fn list(&self, filters: &CostCodeFilters) -> Pager<CostCode> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_COST_CODES_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Cost Code: `GET /rest/v1.0/cost_codes/{id}` (`RestV10CostCodesIdGet`).
    pub async fn get(&self, id: u64) -> Result<CostCode, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_COST_CODES_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Cost Code: `POST /rest/v1.0/cost_codes` (`RestV10CostCodesPost`).
    pub async fn create(&self, input: &CostCodeInput) -> Result<CostCode, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_COST_CODES_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("cost_code"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Cost Code: `PATCH /rest/v1.0/cost_codes/{id}` (`RestV10CostCodesIdPatch`).
    pub async fn update(&self, id: u64, input: &CostCodeInput) -> Result<CostCode, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_COST_CODES_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("cost_code"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Sync Cost Codes: `PATCH /rest/v1.0/cost_codes/sync` (`RestV10CostCodesSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<CostCodeSyncItem>,
    ) -> Result<SyncOutcome<CostCode>, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        let target = SyncTarget {
            op: &crate::ops::REST_V10_COST_CODES_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a CostCode exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(&self, input: &CostCodeInput) -> Result<CostCode, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The CostCode whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<CostCode>, ProcoreError> {
        let filters = CostCodeFilters {
            origin_id: Some(origin_id.to_owned()),
            ..Default::default()
        };
        let mut pager = self.list(&filters);
        while let Some(page) = pager.next_page().await? {
            if let Some(found) = page
                .into_iter()
                .find(|e| e.origin_id.as_deref() == Some(origin_id))
            {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }
}

impl SyncItem for CostCodeSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
