//! A schedule-of-values line of a prime contract.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    CurrencyIsoConfiguration as PrimeContractLineItemCurrencyConfiguration,
    HolderRef as PrimeContractLineItemHolder,
    LineItemTypeBaseType as PrimeContractLineItemLineItemTypeBaseType,
    LineItemTypeRef as PrimeContractLineItemLineItemType, NamedRef as PrimeContractLineItemCompany,
    RawCurrencyIsoConfiguration as PrimeContractLineItemChangeEventLineItemCurrencyConfiguration,
    RawLineItemType as PrimeContractLineItemChangeEventLineItemLineItemType,
    WbsCodeRef as PrimeContractLineItemWbsCode,
};

open_enum! {
    /// Values of `PrimeContractLineItemCostCodeBillerType`; unknown values are kept in `Other`.
    PrimeContractLineItemCostCodeBillerType { Project = "Project", SubJob = "SubJob" }
}

open_enum! {
    /// Values of `PrimeContractLineItemInputExtendedType`; unknown values are kept in `Other`.
    PrimeContractLineItemInputExtendedType { Manual = "manual", Calculated = "calculated" }
}

open_enum! {
    /// Values of `PrimeContractLineItemInputUom`; unknown values are kept in `Other`.
    PrimeContractLineItemInputUom { AnyValuePresentInTheCompanyListOfUnitsOfMeasure = "Any value present in the Company list of Units of Measure" }
}

/// A schedule-of-values line of a prime contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractLineItem {
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
    pub cost_code: Option<PrimeContractLineItemCostCode>,
    /// Line item type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<PrimeContractLineItemLineItemType>,
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<PrimeContractLineItemWbsCode>,
    /// Tax code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_code_id: Option<u64>,
    /// Holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<PrimeContractLineItemHolder>,
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
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<PrimeContractLineItemCompany>,
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<PrimeContractLineItemCompany>,
    /// Change event line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_line_item: Option<PrimeContractLineItemChangeEventLineItem>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<PrimeContractLineItemCurrencyConfiguration>,
}

/// `PrimeContractLineItemCostCode` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractLineItemCostCode {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
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
    pub biller_type: Option<PrimeContractLineItemCostCodeBillerType>,
    /// Budgeted
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub budgeted: Option<bool>,
    /// Cost code, not including parent prefix
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Created at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Deleted at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<DateTime<Utc>>,
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
    /// Cost Code third party data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Cost Code third party id
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<PrimeContractLineItemCostCodeParent>,
    /// Position
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Sortable code (this property is deprecated - see full_code)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sortable_code: Option<String>,
    /// Standard Cost Code ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_cost_code_id: Option<u64>,
    /// Standard Cost Code List ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_cost_code_list_id: Option<u64>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Line Item Types
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_types: Option<Vec<serde_json::Value>>,
}

/// `PrimeContractLineItemCostCodeParent` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractLineItemCostCodeParent {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
}

/// `PrimeContractLineItemChangeEventLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractLineItemChangeEventLineItem {
    /// Change Event Line Item ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Change Event Line Item Cost ROM
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_rom: Option<Money>,
    /// Change Event Line Item Revenue ROM
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub revenue_rom: Option<String>,
    /// Change Event ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_id: Option<u64>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// Line item type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<PrimeContractLineItemChangeEventLineItemLineItemType>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration:
        Option<PrimeContractLineItemChangeEventLineItemCurrencyConfiguration>,
}

/// Fields of a PrimeContractLineItem sent to `RestV10PrimeContractsPrimeContractIdLineItemsPost` (body key `line_item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractLineItemInput {
    /// Amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// Cost Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Extended type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<PrimeContractLineItemInputExtendedType>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
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
    /// Tax Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code_id: Option<u64>,
    /// Unit cost
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Unit of measure
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<PrimeContractLineItemInputUom>,
    /// WBS code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
}

/// One item of `RestV10PrimeContractsPrimeContractIdLineItemsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractLineItemSyncItem {
    /// ID of the line item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// Cost Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Extended type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<PrimeContractLineItemInputExtendedType>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
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
    /// Tax Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code_id: Option<u64>,
    /// Unit cost
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Unit of measure
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<PrimeContractLineItemInputUom>,
    /// WBS code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
}

/// Query of `RestV10PrimeContractsPrimeContractIdLineItemsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrimeContractLineItemFilters {
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

impl ListQuery for PrimeContractLineItemFilters {
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

/// Operations on schedule-of-values lines of one prime contract.
#[derive(Debug, Clone)]
pub struct PrimeContractLineItems {
    client: Client,
    project_id: u64,
    prime_contract_id: u64,
}

impl Client {
    /// Schedule-of-values lines of one prime contract.
    pub fn prime_contract_line_items(
        &self,
        project_id: u64,
        prime_contract_id: u64,
    ) -> PrimeContractLineItems {
        PrimeContractLineItems {
            client: self.clone(),
            project_id,
            prime_contract_id,
        }
    }
}

impl PrimeContractLineItems {
    /// List Prime Contract line items: `GET /rest/v1.0/prime_contracts/{prime_contract_id}/line_items` (`RestV10PrimeContractsPrimeContractIdLineItemsGet`).
    pub fn list(&self, filters: &PrimeContractLineItemFilters) -> Pager<PrimeContractLineItem> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_GET,
            &[self.prime_contract_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Prime Contract line item: `GET /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}` (`RestV10PrimeContractsPrimeContractIdLineItemsIdGet`).
    pub async fn get(&self, id: u64) -> Result<PrimeContractLineItem, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_ID_GET,
                    &[self.prime_contract_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Create Prime Contract line item: `POST /rest/v1.0/prime_contracts/{prime_contract_id}/line_items` (`RestV10PrimeContractsPrimeContractIdLineItemsPost`).
    pub async fn create(
        &self,
        input: &PrimeContractLineItemInput,
    ) -> Result<PrimeContractLineItem, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_POST,
                    &[self.prime_contract_id],
                )
                .query(query)
                .json(&body(
                    &[("project_id", json!(self.project_id))],
                    Some("line_item"),
                    input,
                )?)?,
            )
            .await
    }
    /// Update Prime Contract line item: `PATCH /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}` (`RestV10PrimeContractsPrimeContractIdLineItemsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &PrimeContractLineItemInput,
    ) -> Result<PrimeContractLineItem, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_ID_PATCH,
                    &[self.prime_contract_id, id],
                )
                .query(query)
                .json(&body(
                    &[("project_id", json!(self.project_id))],
                    Some("line_item"),
                    input,
                )?)?,
            )
            .await
    }
    /// Delete a Prime Contract line item: `DELETE /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}` (`RestV10PrimeContractsPrimeContractIdLineItemsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_ID_DELETE,
                    &[self.prime_contract_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Sync Prime Contract Line Items: `PATCH /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/sync` (`RestV10PrimeContractsPrimeContractIdLineItemsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<PrimeContractLineItemSyncItem>,
    ) -> Result<SyncOutcome<PrimeContractLineItem>, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        let target = SyncTarget {
            op: &crate::ops::REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_SYNC_PATCH,
            path_args: vec![self.prime_contract_id],
            query,
            body_scope: vec![],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
}

impl SyncItem for PrimeContractLineItemSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
