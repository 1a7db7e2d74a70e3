//! A cost type (line item type) of the company.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

open_enum! {
    /// Values of `LineItemTypeBaseType`; unknown values are kept in `Other`.
    LineItemTypeBaseType { Equipment = "equipment", Materials = "materials", Commitment = "commitment", OwnerCost = "owner_cost", ProfessionalServices = "professional_services", OtherKind = "other" }
}

open_enum! {
    /// Values of `LineItemTypeInputBaseType`; unknown values are kept in `Other`.
    LineItemTypeInputBaseType { Labor = "labor", Equipment = "equipment", Materials = "materials", Commitment = "commitment", OwnerCost = "owner_cost", ProfessionalServices = "professional_services", OtherKind = "other" }
}

/// A cost type (line item type) of the company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineItemType {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Name for the Line Item Type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Code for the Line Item Type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Base type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<LineItemTypeBaseType>,
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

/// Fields of a LineItemType sent to `RestV10LineItemTypesPost` (body key `line_item_type`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineItemTypeInput {
    /// Line Item Type name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Abbreviation code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csv_import_code: Option<String>,
    /// Base type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<LineItemTypeInputBaseType>,
    /// Origin data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
}

/// One item of `RestV10LineItemTypesSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineItemTypeSyncItem {
    /// Line Item Type ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Line Item Type name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Abbreviation code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csv_import_code: Option<String>,
    /// Base type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<LineItemTypeBaseType>,
    /// Origin data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
}

/// Query of `RestV10LineItemTypesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineItemTypeFilters {
    /// `project_id`: Unique identifier for the project. You must supply either a company_id or project_id. (required by Procore)
    pub project_id: Option<u64>,
    /// `filters[origin_id]`: Origin ID
    pub origin_id: Option<String>,
}

impl ListQuery for LineItemTypeFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("project_id", self.project_id.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
    }
}

/// Operations on cost types (line item types) of the selected company.
///
/// Procore's list operation declares `project_id` as required next to `company_id`: set it in the filters.
#[derive(Debug, Clone)]
pub struct LineItemTypes {
    client: Client,
}

impl Client {
    /// Cost types (line item types) of the selected company.
    pub fn line_item_types(&self) -> LineItemTypes {
        LineItemTypes {
            client: self.clone(),
        }
    }
}

impl LineItemTypes {
    /// List Line Item Types: `GET /rest/v1.0/line_item_types` (`RestV10LineItemTypesGet`).
    pub fn list(&self, filters: &LineItemTypeFilters) -> Pager<LineItemType> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_LINE_ITEM_TYPES_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_LINE_ITEM_TYPES_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Line Item Type: `GET /rest/v1.0/line_item_types/{id}` (`RestV10LineItemTypesIdGet`).
    pub async fn get(&self, id: u64) -> Result<LineItemType, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_LINE_ITEM_TYPES_ID_GET)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_LINE_ITEM_TYPES_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Line Item Type: `POST /rest/v1.0/line_item_types` (`RestV10LineItemTypesPost`).
    pub async fn create(&self, input: &LineItemTypeInput) -> Result<LineItemType, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_LINE_ITEM_TYPES_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_LINE_ITEM_TYPES_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("line_item_type"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Line Item Type: `PATCH /rest/v1.0/line_item_types/{id}` (`RestV10LineItemTypesIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &LineItemTypeInput,
    ) -> Result<LineItemType, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_LINE_ITEM_TYPES_ID_PATCH)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_LINE_ITEM_TYPES_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("line_item_type"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Sync Line Item Types: `PATCH /rest/v1.0/line_item_types/sync` (`RestV10LineItemTypesSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<LineItemTypeSyncItem>,
    ) -> Result<SyncOutcome<LineItemType>, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_LINE_ITEM_TYPES_SYNC_PATCH)?;
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_LINE_ITEM_TYPES_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![("company_id", json!(company_id))],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a LineItemType exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(
        &self,
        input: &LineItemTypeInput,
    ) -> Result<LineItemType, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The LineItemType whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<LineItemType>, ProcoreError> {
        let filters = LineItemTypeFilters {
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

impl SyncItem for LineItemTypeSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
