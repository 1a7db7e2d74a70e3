//! A schedule-of-values line of a commitment: a work order contract or a purchase order contract.
//!
//! Procore describes the lines of both kinds with the same fields, filters and bodies and only
//! serves them under different paths, so one set of types serves both and each handle carries the
//! operations of its kind.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    CurrencyIsoConfiguration as CommitmentLineItemChangeEventLineItemCurrencyConfiguration,
    HolderRef as CommitmentLineItemHolder, IdRef as CommitmentLineItemCostCodeParent,
    LineItemTypeBaseType as CommitmentLineItemLineItemTypeBaseType,
    LineItemTypeRef as CommitmentLineItemLineItemType, NamedRef as CommitmentLineItemCompany,
    RawLineItemType as CommitmentLineItemCostCodeLineItemType,
    WbsCodeRef as CommitmentLineItemWbsCode,
};
use crate::client::Op;

open_enum! {
    /// Values of `CommitmentLineItemCostCodeBillerType`; unknown values are kept in `Other`.
    CommitmentLineItemCostCodeBillerType { Project = "Project", SubJob = "SubJob" }
}

open_enum! {
    /// Values of `CommitmentLineItemInputExtendedType`; unknown values are kept in `Other`.
    CommitmentLineItemInputExtendedType { Manual = "manual", Calculated = "calculated" }
}

open_enum! {
    /// Values of `CommitmentLineItemInputUom`; unknown values are kept in `Other`.
    CommitmentLineItemInputUom { AnyValuePresentInTheCompanyListOfUnitsOfMeasure = "Any value present in the Company list of Units of Measure" }
}

/// A schedule-of-values line of a work order contract or of a purchase order contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentLineItem {
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
    pub cost_code: Option<CommitmentLineItemCostCode>,
    /// Line item type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<CommitmentLineItemLineItemType>,
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<CommitmentLineItemWbsCode>,
    /// Tax code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_code_id: Option<u64>,
    /// Holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<CommitmentLineItemHolder>,
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
    pub company: Option<CommitmentLineItemCompany>,
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<CommitmentLineItemCompany>,
    /// Change event line item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_line_item: Option<CommitmentLineItemChangeEventLineItem>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<CommitmentLineItemChangeEventLineItemCurrencyConfiguration>,
}

/// `CommitmentLineItemCostCode` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentLineItemCostCode {
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
    pub biller_type: Option<CommitmentLineItemCostCodeBillerType>,
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
    pub parent: Option<CommitmentLineItemCostCodeParent>,
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
    pub line_item_types: Option<Vec<CommitmentLineItemCostCodeLineItemType>>,
}

/// `CommitmentLineItemChangeEventLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentLineItemChangeEventLineItem {
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
    pub line_item_type: Option<CommitmentLineItemLineItemType>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<CommitmentLineItemChangeEventLineItemCurrencyConfiguration>,
}

/// Fields of a line sent to `RestV10WorkOrderContractsWorkOrderContractIdLineItemsPost` or
/// `RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsPost` (body key `line_item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentLineItemInput {
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
    pub extended_type: Option<CommitmentLineItemInputExtendedType>,
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
    pub uom: Option<CommitmentLineItemInputUom>,
    /// WBS code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
}

/// The same fields as [`CommitmentLineItemInput`]: Procore defines both operations alike.
pub type CommitmentLineItemSyncItem = CommitmentLineItemInput;

/// Query of `RestV10WorkOrderContractsWorkOrderContractIdLineItemsGet` and of
/// `RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommitmentLineItemFilters {
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
    /// `view`: Specifies which view (which attributes) of the resource is going to be present in the response. 'default' view One of: `default`, `ssov_source_lines`.
    pub view: Option<String>,
}

impl ListQuery for CommitmentLineItemFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[cost_code_id]", self.cost_code_id.as_ref());
        query.push_opt(
            "filters[line_item_type_id]",
            self.line_item_type_id.as_ref(),
        );
        query.push_opt("view", self.view.as_ref());
    }
}

/// The operations one kind of commitment answers for its schedule-of-values lines.
#[derive(Debug)]
struct LineItemOps {
    list: &'static Op,
    get: &'static Op,
    create: &'static Op,
    update: &'static Op,
    delete: &'static Op,
    sync: &'static Op,
}

/// Lines of a work order contract.
static WORK_ORDER_CONTRACT: LineItemOps = LineItemOps {
    list: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_GET,
    get: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_ID_GET,
    create: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_POST,
    update: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_ID_PATCH,
    delete: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_ID_DELETE,
    sync: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_SYNC_PATCH,
};

/// Lines of a purchase order contract.
static PURCHASE_ORDER_CONTRACT: LineItemOps = LineItemOps {
    list: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_GET,
    get: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_ID_GET,
    create: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_POST,
    update: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_ID_PATCH,
    delete: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_ID_DELETE,
    sync: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_SYNC_PATCH,
};

/// Operations on schedule-of-values lines of one commitment, a work order contract or a purchase
/// order contract according to the entry point that made the handle.
#[derive(Debug, Clone)]
pub struct CommitmentLineItems {
    client: Client,
    project_id: u64,
    contract_id: u64,
    ops: &'static LineItemOps,
}

impl Client {
    /// Schedule-of-values lines of one work order contract.
    pub fn work_order_contract_line_items(
        &self,
        project_id: u64,
        work_order_contract_id: u64,
    ) -> CommitmentLineItems {
        CommitmentLineItems {
            client: self.clone(),
            project_id,
            contract_id: work_order_contract_id,
            ops: &WORK_ORDER_CONTRACT,
        }
    }

    /// Schedule-of-values lines of one purchase order contract.
    pub fn purchase_order_contract_line_items(
        &self,
        project_id: u64,
        purchase_order_contract_id: u64,
    ) -> CommitmentLineItems {
        CommitmentLineItems {
            client: self.clone(),
            project_id,
            contract_id: purchase_order_contract_id,
            ops: &PURCHASE_ORDER_CONTRACT,
        }
    }
}

impl CommitmentLineItems {
    /// List the lines of the contract.
    ///
    /// * Work order contract: List Work Order Contract Line Items: `GET /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items` (`RestV10WorkOrderContractsWorkOrderContractIdLineItemsGet`).
    /// * Purchase order contract: List Purchase Order Contract Line Items: `GET /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items` (`RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsGet`).
    pub fn list(&self, filters: &CommitmentLineItemFilters) -> Pager<CommitmentLineItem> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(self.ops.list, &[self.contract_id]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show one line of the contract.
    ///
    /// * Work order contract: Show Work Order Contract line item: `GET /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}` (`RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdGet`).
    /// * Purchase order contract: Show Purchase Order Contract Line Item: `GET /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}` (`RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdGet`).
    pub async fn get(&self, id: u64) -> Result<CommitmentLineItem, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(self.ops.get, &[self.contract_id, id]).query(query))
            .await
    }
    /// Create a line on the contract.
    ///
    /// * Work order contract: Create Work Order Contract line item: `POST /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items` (`RestV10WorkOrderContractsWorkOrderContractIdLineItemsPost`).
    /// * Purchase order contract: Create Purchase Order Contract Line Item: `POST /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items` (`RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsPost`).
    pub async fn create(
        &self,
        input: &CommitmentLineItemInput,
    ) -> Result<CommitmentLineItem, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(self.ops.create, &[self.contract_id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("line_item"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update one line of the contract.
    ///
    /// * Work order contract: Update Work Order Contract line item: `PATCH /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}` (`RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdPatch`).
    /// * Purchase order contract: Update Purchase Order Contract Line Item: `PATCH /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}` (`RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &CommitmentLineItemInput,
    ) -> Result<CommitmentLineItem, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(self.ops.update, &[self.contract_id, id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("line_item"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete one line of the contract.
    ///
    /// * Work order contract: Delete Work Order Contract line item: `DELETE /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}` (`RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdDelete`).
    /// * Purchase order contract: Delete Purchase Order Contract Line Item: `DELETE /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}` (`RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(&Call::new(self.ops.delete, &[self.contract_id, id]).query(query))
            .await
    }
    /// Sync lines of the contract.
    ///
    /// * Work order contract: Sync Work Order Contract Line Items: `PATCH /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/sync` (`RestV10WorkOrderContractsWorkOrderContractIdLineItemsSyncPatch`).
    /// * Purchase order contract: Sync Purchase Order Contract Line Items: `PATCH /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/sync` (`RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<CommitmentLineItemInput>,
    ) -> Result<SyncOutcome<CommitmentLineItem>, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        let target = SyncTarget {
            op: self.ops.sync,
            path_args: vec![self.contract_id],
            query,
            body_scope: vec![],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
}

impl SyncItem for CommitmentLineItemInput {
    fn sync_id(&self) -> Option<u64> {
        None
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
