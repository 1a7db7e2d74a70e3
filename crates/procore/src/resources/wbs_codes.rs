//! A WBS (budget) code: a combination of segment items.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::*;

open_enum! {
    /// Values of `WbsCodeUpdateInputStatus`; unknown values are kept in `Other`.
    WbsCodeUpdateInputStatus { Active = "active", Inactive = "inactive" }
}

/// A WBS (budget) code: a combination of segment items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WbsCode {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// The Work Breakdown Structure code made up of segment values, concatenated by the set delimiter
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub flat_code: Option<String>,
    /// The names of the Work Breakdown Structure segments concatenated by the specified with the company's delimiter and WBS pattern
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub flat_name: Option<String>,
    /// The description of the Work Breakdown Structure code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The status of the WBS Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// Created at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Segment items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_items: Option<Vec<WbsCodeSegmentItem>>,
    /// The ID of the WBS Pattern used for a Work Breakdown Structure code
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub wbs_pattern_id: Option<u64>,
}

/// `WbsCodeSegmentItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WbsCodeSegmentItem {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_ids: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_parent: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_codes: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_names: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<serde_json::Value>,
}

/// Body of `RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesPost` (scope fields are added by the handle).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WbsCodeInput {
    /// Description of the wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Segment items. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_items: Option<Vec<WbsCodeInputSegmentItem>>,
}

/// `WbsCodeInputSegmentItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WbsCodeInputSegmentItem {
    /// Id of the Segment defined at the company level. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_id: Option<u64>,
    /// Id of the Segment Item. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_item_id: Option<u64>,
}

/// One item of `RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesBulkCreatePatch` (`bulk`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WbsCodeBulkItem {
    /// Description of the wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Segment items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_items: Option<Vec<serde_json::Value>>,
}

/// Body of `RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesIdPatch` (scope fields are added by the handle).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WbsCodeUpdateInput {
    /// New custom description of the WBS Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New status of the WBS Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WbsCodeUpdateInputStatus>,
}

/// Query of `RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WbsCodeFilters {
    /// `can_select_divisions`: If true, will include WBS Codes with division segment items. Default is true.
    pub can_select_divisions: Option<bool>,
    /// `required_segments`:  Values: `cost_code`, `line_item_type`.
    pub required_segments: Vec<String>,
    /// `filters[status][]`: Filter results to only return codes with the included statuses. Options are 'active' or 'inactive'. Defaults to returning all results.
    pub status: Vec<String>,
    /// `filters[updated_at]`: Filter results to only return codes that were updated within the range of the two specified ISO 8601 timestamps separated by the ... delimiter.
    pub updated_at: Option<TimeRange>,
    /// `scope`: Filter results to only return codes that match the specified WBS scope. One of: `budget_code`, `production_quantity_code`.
    pub scope: Option<String>,
    /// `query`: Searches the WBS code and description values and returns results sorted in descending order of relevance to the search query.
    pub query: Option<String>,
    /// `group_type`: Along with 'group_id', groups WBS codes by the specified group type and group ID. Only supported option is 'contract'. One of: `contract`.
    pub group_type: Option<String>,
    /// `group_id`: Along with 'group_type', groups WBS codes by the specified group type and group ID. Only supported option is a contract ID.
    pub group_id: Option<u64>,
    /// `hide_not_in_group`: If true, will hide WBS codes that are not in the specified 'group_type' and 'group_id'. Default is true. If false, WBS codes in the specified group will be returned first followed by WBS codes not ...
    pub hide_not_in_group: Option<bool>,
}

impl ListQuery for WbsCodeFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("can_select_divisions", self.can_select_divisions.as_ref());
        query.push_all("required_segments", &self.required_segments);
        query.push_all("filters[status][]", &self.status);
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("scope", self.scope.as_ref());
        query.push_opt("query", self.query.as_ref());
        query.push_opt("group_type", self.group_type.as_ref());
        query.push_opt("group_id", self.group_id.as_ref());
        query.push_opt("hide_not_in_group", self.hide_not_in_group.as_ref());
    }
}

/// Operations on wBS (budget) codes of a project.
#[derive(Debug, Clone)]
pub struct WbsCodes {
    client: Client,
    project_id: u64,
}

impl Client {
    /// WBS (budget) codes of a project.
    pub fn wbs_codes(&self, project_id: u64) -> WbsCodes {
        WbsCodes {
            client: self.clone(),
            project_id,
        }
    }
}

impl WbsCodes {
    /// List Project WBS codes: `GET /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes` (`RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesGet`).
    pub fn list(&self, filters: &WbsCodeFilters) -> Pager<WbsCode> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Create a WBS Code: `POST /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes` (`RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesPost`).
    pub async fn create(&self, input: &WbsCodeInput) -> Result<WbsCode, ProcoreError> {
        let query = Query::new();
        self.client.fetch(&Call::new(&crate::ops::REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_POST, &[self.project_id]).query(query).json(&body(&[], None, input)?)?).await
    }
    /// Bulk Create WBS codes: `PATCH /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes/bulk_create` (`RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesBulkCreatePatch`).
    pub async fn bulk_create(
        &self,
        items: Vec<WbsCodeBulkItem>,
    ) -> Result<SyncOutcome<WbsCode>, ProcoreError> {
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_BULK_CREATE_PATCH,
            path_args: vec![self.project_id],
            query,
            body_scope: vec![],
            items_key: "bulk",
            shape: SyncShape::EntitiesAndErrors,
            resend: Some(Resend::Safe),
        };
        self.client.sync_items(&target, items).await
    }
    /// Update a WBS code: `PATCH /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes/{id}` (`RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &WbsCodeUpdateInput,
    ) -> Result<WbsCode, ProcoreError> {
        let query = Query::new();
        self.client.fetch(&Call::new(&crate::ops::REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_ID_PATCH, &[self.project_id, id]).query(query).json(&body(&[], None, input)?)?).await
    }
}

impl SyncItem for WbsCodeBulkItem {
    fn sync_id(&self) -> Option<u64> {
        None
    }

    fn sync_origin_id(&self) -> Option<&str> {
        None
    }
}
