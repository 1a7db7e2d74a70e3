//! An original-budget line of a project.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    CurrencyIsoConfiguration as BudgetLineItemCurrencyConfiguration,
    NamedRef as BudgetLineItemLineItemType, WbsCodeRef as BudgetLineItemWbsCode,
};

open_enum! {
    /// Values of `BudgetLineItemInputUom`; unknown values are kept in `Other`.
    BudgetLineItemInputUom { AnyValuePresentInTheCompanyListOfUnitsOfMeasure = "Any value present in the Company list of Units of Measure" }
}

open_enum! {
    /// Values of `BudgetLineItemInputCalculationStrategy`; unknown values are kept in `Other`.
    BudgetLineItemInputCalculationStrategy { Automatic = "automatic", Manual = "manual" }
}

/// An original-budget line of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItem {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Original budget amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_budget_amount: Option<Money>,
    /// Unit of Measure
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub uom: Option<String>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit Cost
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Calculation Strategy
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub calculation_strategy: Option<String>,
    /// Approved budget changes
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_budget_changes: Option<Money>,
    /// Revised budget
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_budget: Option<Money>,
    /// Pending budget changes
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_budget_changes: Option<Money>,
    /// Projected budget
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub projected_budget: Option<Money>,
    /// Committed costs
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub committed_costs: Option<Money>,
    /// Direct costs
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub direct_costs: Option<Money>,
    /// Pending cost changes
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_cost_changes: Option<Money>,
    /// Projected costs
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub projected_costs: Option<Money>,
    /// Budget forecast
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget_forecast: Option<Money>,
    /// Estimated cost at completion
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_cost_at_completion: Option<Money>,
    /// Projected over under
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub projected_over_under: Option<Money>,
    /// Cost code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<BudgetLineItemCostCode>,
    /// Division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<BudgetLineItemDivision>,
    /// Line item type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<BudgetLineItemLineItemType>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<BudgetLineItemCurrencyConfiguration>,
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<BudgetLineItemWbsCode>,
}

/// `BudgetLineItemCostCode` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItemCostCode {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Cost code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Cost full code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_code: Option<String>,
}

/// `BudgetLineItemDivision` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItemDivision {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Full cost code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_code: Option<String>,
}

/// Fields of a BudgetLineItem sent to `RestV10BudgetLineItemsPost` (body key `budget_line_item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItemInput {
    /// Cost Code ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Line Item Type ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type_id: Option<u64>,
    /// Original Budget amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_budget_amount: Option<Money>,
    /// Unit of Measure
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<BudgetLineItemInputUom>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit Cost
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Calculation Strategy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_strategy: Option<BudgetLineItemInputCalculationStrategy>,
}

/// Fields of a BudgetLineItem sent to `RestV10BudgetLineItemsIdPatch` (body key `budget_line_item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItemUpdateInput {
    /// Cost Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Line Item Type ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type_id: Option<u64>,
    /// Original Budget amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_budget_amount: Option<Money>,
    /// Unit of Measure
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<BudgetLineItemInputUom>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit Cost
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Calculation Strategy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_strategy: Option<BudgetLineItemInputCalculationStrategy>,
    /// Direct Costs (Include only if Direct Cost tool is turned off.)
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub direct_costs: Option<Money>,
}

/// Fields of a BudgetLineItem sent to `RestV11BudgetLineItemsPost` (body key `budget_line_item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItemV11Input {
    /// Work Breakdown Structure Code ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
    /// Original Budget amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_budget_amount: Option<Money>,
    /// Unit of Measure
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<BudgetLineItemInputUom>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit Cost
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Calculation Strategy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_strategy: Option<BudgetLineItemInputCalculationStrategy>,
}

/// One item of `RestV10BudgetLineItemsSyncPost` (`budget_line_items`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLineItemSyncItem {
    /// Id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Wbs code id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
    /// Original budget amount.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_budget_amount: Option<Money>,
    /// Uom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<String>,
    /// Quantity.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit cost.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Calculation strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_strategy: Option<String>,
}

/// Operations on budget line items of a project.
#[derive(Debug, Clone)]
pub struct BudgetLineItems {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Budget line items of a project.
    pub fn budget_line_items(&self, project_id: u64) -> BudgetLineItems {
        BudgetLineItems {
            client: self.clone(),
            project_id,
        }
    }
}

impl BudgetLineItems {
    /// Show Budget Line Item: `GET /rest/v1.0/budget_line_items/{id}` (`RestV10BudgetLineItemsIdGet`).
    pub async fn get(&self, id: u64) -> Result<BudgetLineItem, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_BUDGET_LINE_ITEMS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Budget Line Item: `POST /rest/v1.0/budget_line_items` (`RestV10BudgetLineItemsPost`).
    pub async fn create(
        &self,
        input: &BudgetLineItemInput,
    ) -> Result<BudgetLineItem, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_BUDGET_LINE_ITEMS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("budget_line_item"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Budget Line Item: `PATCH /rest/v1.0/budget_line_items/{id}` (`RestV10BudgetLineItemsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &BudgetLineItemUpdateInput,
    ) -> Result<BudgetLineItem, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_BUDGET_LINE_ITEMS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("budget_line_item"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Show Budget Line Item: `GET /rest/v1.1/budget_line_items/{id}` (`RestV11BudgetLineItemsIdGet`).
    pub async fn get_v11(&self, id: u64) -> Result<BudgetLineItem, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V11_BUDGET_LINE_ITEMS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Budget Line Item: `POST /rest/v1.1/budget_line_items` (`RestV11BudgetLineItemsPost`).
    pub async fn create_v11(
        &self,
        input: &BudgetLineItemV11Input,
    ) -> Result<BudgetLineItem, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V11_BUDGET_LINE_ITEMS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("budget_line_item"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Budget Line Item: `PATCH /rest/v1.1/budget_line_items/{id}` (`RestV11BudgetLineItemsIdPatch`).
    pub async fn update_v11(
        &self,
        id: u64,
        input: &BudgetLineItemV11Input,
    ) -> Result<BudgetLineItem, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V11_BUDGET_LINE_ITEMS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("budget_line_item"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Sync Budget Line Items: `POST /rest/v1.0/budget_line_items/sync` (`RestV10BudgetLineItemsSyncPost`).
    pub async fn sync(
        &self,
        items: Vec<BudgetLineItemSyncItem>,
    ) -> Result<SyncOutcome<BudgetLineItem>, ProcoreError> {
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_BUDGET_LINE_ITEMS_SYNC_POST,
            path_args: vec![],
            query,
            body_scope: vec![("project_id", json!(self.project_id))],
            items_key: "budget_line_items",
            shape: SyncShape::BareArray,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
}

impl SyncItem for BudgetLineItemSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        None
    }
}
