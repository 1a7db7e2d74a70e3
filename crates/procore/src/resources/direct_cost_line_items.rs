//! A line of a direct cost.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::*;

pub use super::shared::{
    HolderRef as DirectCostLineItemHolder,
    LineItemTypeBaseType as DirectCostLineItemLineItemTypeBaseType,
    NamedRef as DirectCostLineItemProject,
    RawLineItemType as DirectCostLineItemChangeEventLineItemLineItemType,
    RawNamedRef as DirectCostLineItemCompany, WbsCodeRef as DirectCostLineItemWbsCode,
};

open_enum! {
    /// Values of `DirectCostLineItemSyncItemExtendedType`; unknown values are kept in `Other`.
    DirectCostLineItemSyncItemExtendedType { Manual = "manual", Calculated = "calculated" }
}

open_enum! {
    /// Values of `DirectCostLineItemSyncItemUom`; unknown values are kept in `Other`.
    DirectCostLineItemSyncItemUom { AnyValuePresentInTheCompanyListOfUnitsOfMeasure = "Any value present in the Company list of Units of Measure" }
}

/// A line of a direct cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItem {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Amount.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// Total amount.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_amount: Option<Money>,
    /// Extended amount.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub extended_amount: Option<Money>,
    /// Quantity.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit cost.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Uom.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub uom: Option<String>,
    /// Description.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Position.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Extended type.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub extended_type: Option<String>,
    /// Cost code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<DirectCostLineItemCostCode>,
    /// Line item type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<DirectCostLineItemLineItemType>,
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<DirectCostLineItemWbsCode>,
    /// Tax code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_code_id: Option<u64>,
    /// Holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<DirectCostLineItemHolder>,
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
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<DirectCostLineItemProject>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<DirectCostLineItemCompany>,
    /// Change event line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_line_item: Option<DirectCostLineItemChangeEventLineItem>,
}

/// `DirectCostLineItemCostCode` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItemCostCode {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Full Cost code, including parent prefixes
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_code: Option<String>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Cost Code third party id
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
}

/// `DirectCostLineItemLineItemType` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItemLineItemType {
    /// Line Item Type ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Base type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<DirectCostLineItemLineItemTypeBaseType>,
    /// Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Line Item Type name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Origin data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
}

/// `DirectCostLineItemChangeEventLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItemChangeEventLineItem {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_rom: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_rom: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// Line item type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<DirectCostLineItemChangeEventLineItemLineItemType>,
}

/// One item of `RestV10ProjectsProjectIdDirectCostsLineItemsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItemSyncItem {
    /// ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// WBS Code ID. Required when creating a line item if cost_code_id and line_item_type_id is not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
    /// Cost Code ID. Required when creating a line item if wbs_code_id is not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Direct Cost ID. Required when creating a line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_id: Option<u64>,
    /// Calculated amount from quantity and unit cost or manually entered amount
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<DirectCostLineItemSyncItemExtendedType>,
    /// Quantity of described item
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Line Item Type ID. Required when creating a line item if wbs_code_id and cost_code_id are not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type_id: Option<u64>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Unit cost of described item
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Unit of measure of the described item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<DirectCostLineItemSyncItemUom>,
    /// Tax Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code_id: Option<u64>,
}

/// Fields of a DirectCostLineItem sent to `RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsPost` (body key `line_item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItemInput {
    /// Amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// WBS Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
    /// Cost Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Direct Cost ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_id: Option<u64>,
    /// Calculated amount from quantity and unit cost or manually entered amount
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<DirectCostLineItemSyncItemExtendedType>,
    /// Quantity of described item
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Line Item Type ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type_id: Option<u64>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Unit cost of described item
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Unit of measure of the described item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<DirectCostLineItemSyncItemUom>,
    /// Tax Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code_id: Option<u64>,
}

/// Query of `RestV10ProjectsProjectIdDirectCostsLineItemsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectCostLineItemAllFilters {
    /// `filters[direct_cost_id]`: Return item(s) with the specified Direct Cost ID or range of Direct Cost IDs.
    pub direct_cost_id: Option<u64>,
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[cost_code_id]`: Cost Code ID. Returns item(s) with the specified Cost Code ID or within the specified range of Cost Code IDs.
    pub cost_code_id: Option<String>,
    /// `filters[line_item_type_id]`: Line Item Type ID. Returns item(s) with the specified Line Item Type ID or range of Line Item Type IDs.
    pub line_item_type_id: Option<u64>,
}

impl ListQuery for DirectCostLineItemAllFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("filters[direct_cost_id]", self.direct_cost_id.as_ref());
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[cost_code_id]", self.cost_code_id.as_ref());
        query.push_opt(
            "filters[line_item_type_id]",
            self.line_item_type_id.as_ref(),
        );
    }
}

/// Query of `RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectCostLineItemFilters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[cost_code_id]`: Cost Code ID. Returns item(s) with the specified Cost Code ID or within the specified range of Cost Code IDs.
    pub cost_code_id: Option<String>,
    /// `filters[line_item_type_id]`: Line Item Type ID. Returns item(s) with the specified Line Item Type ID or range of Line Item Type IDs.
    pub line_item_type_id: Option<u64>,
}

impl ListQuery for DirectCostLineItemFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[cost_code_id]", self.cost_code_id.as_ref());
        query.push_opt(
            "filters[line_item_type_id]",
            self.line_item_type_id.as_ref(),
        );
    }
}

/// Operations on direct cost lines of a project.
#[derive(Debug, Clone)]
pub struct DirectCostLineItems {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Direct cost lines of a project.
    pub fn direct_cost_line_items(&self, project_id: u64) -> DirectCostLineItems {
        DirectCostLineItems {
            client: self.clone(),
            project_id,
        }
    }
}

impl DirectCostLineItems {
    /// List All Direct Cost Line Items: `GET /rest/v1.0/projects/{project_id}/direct_costs/line_items` (`RestV10ProjectsProjectIdDirectCostsLineItemsGet`).
    pub fn list_all(&self, filters: &DirectCostLineItemAllFilters) -> Pager<DirectCostLineItem> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_LINE_ITEMS_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Sync Direct Cost Line Items: `PATCH /rest/v1.0/projects/{project_id}/direct_costs/line_items/sync` (`RestV10ProjectsProjectIdDirectCostsLineItemsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<DirectCostLineItemSyncItem>,
    ) -> Result<SyncOutcome<DirectCostLineItem>, ProcoreError> {
        self.client.sync_items(&self.sync_target(), items).await
    }
    /// [`Self::sync`], answering only each written record's id and `origin_id`: for a caller
    /// that needs no more, a thousand records' representations are skipped, not decoded.
    pub async fn sync_keys(
        &self,
        items: Vec<DirectCostLineItemSyncItem>,
    ) -> Result<SyncOutcome<crate::SyncedKey>, ProcoreError> {
        self.client.sync_items(&self.sync_target(), items).await
    }
    fn sync_target(&self) -> SyncTarget {
        SyncTarget {
            op: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_LINE_ITEMS_SYNC_PATCH,
            path_args: vec![self.project_id],
            query: Query::new(),
            body_scope: vec![],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        }
    }
    /// List Direct Cost Line Items: `GET /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items` (`RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet`).
    pub fn list(
        &self,
        direct_cost_id: u64,
        filters: &DirectCostLineItemFilters,
    ) -> Pager<DirectCostLineItem> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_GET,
            &[self.project_id, direct_cost_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Direct Cost Line Item: `GET /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}` (`RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdGet`).
    pub async fn get(
        &self,
        direct_cost_id: u64,
        id: u64,
    ) -> Result<DirectCostLineItem, ProcoreError> {
        let query = Query::new();
        self.client.fetch(&Call::new(&crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_ID_GET, &[self.project_id, direct_cost_id, id]).query(query)).await
    }
    /// Create Direct Cost Line Item: `POST /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items` (`RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsPost`).
    pub async fn create(
        &self,
        direct_cost_id: u64,
        input: &DirectCostLineItemInput,
    ) -> Result<DirectCostLineItem, ProcoreError> {
        let query = Query::new();
        self.client.fetch(&Call::new(&crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_POST, &[self.project_id, direct_cost_id]).query(query).json(&body(&[], Some("line_item"), input)?)?).await
    }
    /// Update Direct Cost Line Item: `PATCH /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}` (`RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdPatch`).
    pub async fn update(
        &self,
        direct_cost_id: u64,
        id: u64,
        input: &DirectCostLineItemInput,
    ) -> Result<DirectCostLineItem, ProcoreError> {
        let query = Query::new();
        self.client.fetch(&Call::new(&crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_ID_PATCH, &[self.project_id, direct_cost_id, id]).query(query).json(&body(&[], Some("line_item"), input)?)?).await
    }
    /// Delete a Direct Cost Line Item: `DELETE /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}` (`RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdDelete`).
    pub async fn delete(&self, direct_cost_id: u64, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client.execute(&Call::new(&crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_ID_DELETE, &[self.project_id, direct_cost_id, id]).query(query)).await
    }
}

impl SyncItem for DirectCostLineItemSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
