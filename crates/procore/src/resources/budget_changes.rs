//! A budget change with its adjustment lines.

use serde::{Deserialize, Serialize};

use super::*;

open_enum! {
    /// Values of `BudgetChangeInputStatus`; unknown values are kept in `Other`.
    BudgetChangeInputStatus { Draft = "draft", Approved = "approved", UnderReview = "under_review", Void = "void" }
}

open_enum! {
    /// Values of `BudgetChangeInputAdjustmentLineItemCalculationStrategy`; unknown values are kept in `Other`.
    BudgetChangeInputAdjustmentLineItemCalculationStrategy { Automatic = "automatic", Manual = "manual" }
}

open_enum! {
    /// Values of `BudgetChangeInputAdjustmentLineItemType`; unknown values are kept in `Other`.
    BudgetChangeInputAdjustmentLineItemType { ChangeEvent = "change_event", BudgetChange = "budget_change" }
}

/// A budget change with its adjustment lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetChange {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
}

/// Body of `RestV10ProjectsProjectIdBudgetChangesPost` (scope fields are added by the handle).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetChangeInput {
    /// Number field of budget change. If not provided, it will be assigned.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<Money>,
    /// Status of budget change (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BudgetChangeInputStatus>,
    /// Title of budget change
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description of budget change in HTML format
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// List of budget change line items. todo this key be renamed to line_items in the future
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_line_items: Option<Vec<BudgetChangeInputAdjustmentLineItem>>,
    /// The prostore file identifiers that will be associated with this budget change as attachments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prostore_file_ids: Option<Vec<u64>>,
    /// List of budget change production quantities
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_quantities: Option<Vec<BudgetChangeInputProductionQuantity>>,
}

/// `BudgetChangeInputAdjustmentLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetChangeInputAdjustmentLineItem {
    /// Identifier used to map line items in the request to their respective objects or errors in the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<String>,
    /// Number of this adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_number: Option<i64>,
    /// Work Breakdown Structure Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
    /// Description of the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Comment of the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Cost calculation strategy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_strategy: Option<BudgetChangeInputAdjustmentLineItemCalculationStrategy>,
    /// Estimated cost quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Used to identify type of line item. id uniquess is guaranteed per type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<BudgetChangeInputAdjustmentLineItemType>,
    /// Unit of measure used
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<String>,
    /// Estimated unit cost
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Estimated cost amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// ID for the change event line item associated with the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_line_item_id: Option<u64>,
}

/// `BudgetChangeInputProductionQuantity` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetChangeInputProductionQuantity {
    /// Comment of the production quantity
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Cost Code ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Description of the production quantity
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Estimated cost quantity (required by Procore)
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Identifier used to map production quantities in the request to their respective objects or errors in the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<String>,
    /// Unit of measure used (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<String>,
    /// ID of the Change Event Production Quantity that is to be associated with the Budget Change Production Quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub change_event_production_quantity_id: Option<Money>,
}

/// Body of `RestV10ProjectsProjectIdBudgetChangesIdPatch` (scope fields are added by the handle).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetChangeUpdateInput {
    /// Unique identifier of this budget change
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Number field of budget change
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<Money>,
    /// Status of budget change
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BudgetChangeInputStatus>,
    /// Title of budget change
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description of budget change in HTML format
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// List of budget change adjustments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_line_items: Option<Vec<BudgetChangeUpdateInputAdjustmentLineItem>>,
    /// The desired prostore file identifiers that will replace the current collection of attachments associated with the budget change
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prostore_file_ids: Option<Vec<u64>>,
    /// List of budget change production quantities
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_quantities: Option<Vec<BudgetChangeUpdateInputProductionQuantity>>,
}

/// `BudgetChangeUpdateInputAdjustmentLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetChangeUpdateInputAdjustmentLineItem {
    /// ID of this adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Used to identify type of line item. id uniqueness is guaranteed per type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<BudgetChangeInputAdjustmentLineItemType>,
    /// Identifier used to map line items in the request to their respective objects or errors in the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<String>,
    /// Number of this adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_number: Option<i64>,
    /// Work Breakdown Structure Code ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<u64>,
    /// Description of the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Comment of the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Cost calculation strategy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation_strategy: Option<BudgetChangeInputAdjustmentLineItemCalculationStrategy>,
    /// Estimated cost quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit of measure used
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<String>,
    /// Estimated unit cost
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Estimated cost amount
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// ID for the change event line item associated with the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_line_item_id: Option<u64>,
    /// Whether this adjustment should be deleted
    #[serde(default, rename = "_delete", skip_serializing_if = "Option::is_none")]
    pub delete: Option<bool>,
}

/// `BudgetChangeUpdateInputProductionQuantity` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetChangeUpdateInputProductionQuantity {
    /// ID of this Production Quantity
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Comment of the adjustment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Cost Code ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code_id: Option<u64>,
    /// Description of the Production Quantity
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Estimated cost quantity (required by Procore)
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Identifier used to map production quantities in the request to their respective objects or errors in the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<String>,
    /// Unit of measure used (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<String>,
    /// ID of the Change Event Production Quantity that is to be associated with the Budget Change Production Quantity
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub change_event_production_quantity_id: Option<Money>,
    /// Whether this production quantity should be deleted
    #[serde(default, rename = "_delete", skip_serializing_if = "Option::is_none")]
    pub delete: Option<bool>,
}

/// Query of `RestV10ProjectsProjectIdBudgetChangesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BudgetChangeFilters {
    /// `exclude_custom_fields`: When true, omits custom_fields from each summary row for faster response.
    pub exclude_custom_fields: Option<bool>,
}

impl ListQuery for BudgetChangeFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("exclude_custom_fields", self.exclude_custom_fields.as_ref());
    }
}

/// Operations on budget changes of a project.
#[derive(Debug, Clone)]
pub struct BudgetChanges {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Budget changes of a project.
    pub fn budget_changes(&self, project_id: u64) -> BudgetChanges {
        BudgetChanges {
            client: self.clone(),
            project_id,
        }
    }
}

impl BudgetChanges {
    /// List Budget Change Summaries: `GET /rest/v1.0/projects/{project_id}/budget_changes` (`RestV10ProjectsProjectIdBudgetChangesGet`).
    pub fn list(&self, filters: &BudgetChangeFilters) -> Pager<BudgetChange> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, false, None).data_envelope()
    }
    /// Get information of a budget change: `GET /rest/v1.0/projects/{project_id}/budget_changes/{id}` (`RestV10ProjectsProjectIdBudgetChangesIdGet`).
    pub async fn get(&self, id: u64) -> Result<BudgetChange, ProcoreError> {
        let query = Query::new();
        let data: Data<BudgetChange> = self
            .client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_ID_GET,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await?;
        Ok(data.data)
    }
    /// Create a budget change: `POST /rest/v1.0/projects/{project_id}/budget_changes` (`RestV10ProjectsProjectIdBudgetChangesPost`).
    pub async fn create(&self, input: &BudgetChangeInput) -> Result<BudgetChange, ProcoreError> {
        let query = Query::new();
        let data: Data<BudgetChange> = self
            .client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_POST,
                    &[self.project_id],
                )
                .query(query)
                .json(&body(&[], None, input)?)?,
            )
            .await?;
        Ok(data.data)
    }
    /// Update information of a Budget Change: `PATCH /rest/v1.0/projects/{project_id}/budget_changes/{id}` (`RestV10ProjectsProjectIdBudgetChangesIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &BudgetChangeUpdateInput,
    ) -> Result<BudgetChange, ProcoreError> {
        let query = Query::new();
        let data: Data<BudgetChange> = self
            .client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_ID_PATCH,
                    &[self.project_id, id],
                )
                .query(query)
                .json(&body(&[], None, input)?)?,
            )
            .await?;
        Ok(data.data)
    }
    /// Delete a Budget Change: `DELETE /rest/v1.0/projects/{project_id}/budget_changes/{id}` (`RestV10ProjectsProjectIdBudgetChangesIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_ID_DELETE,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
}
