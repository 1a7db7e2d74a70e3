//! A legacy budget modification (transfer between budget lines).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::*;

/// A legacy budget modification (transfer between budget lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetModification {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Created at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Source line item id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_budget_line_item_id: Option<u64>,
    /// Notes describing the modification
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<String>,
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
    /// Target line item id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_budget_line_item_id: Option<u64>,
    /// Amount transfered from the source Budget Line Item to the Target Budget Line Item
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub transfer_amount: Option<Money>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Fields of a BudgetModification sent to `RestV10ProjectsProjectIdBudgetModificationsPost` (body key `budget_modification`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetModificationInput {
    /// ID of the Budget Line Item to transfer from. NOTE 1: required if 'Allow Budget Modifications Which Modify Grand Total' is not checked. NOTE 2: When updating if you want to remove the from_budget_li...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_budget_line_item_id: Option<u64>,
    /// Notes on the purpose of the transfer
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The Origin Data to associate with this Budget Modification
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// The Origin ID to associate with this Budget Modification (must be unique within a company)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// ID of the Budget Line Item to transfer to. NOTE: You may not pass the same to_budget_line_item_id as from_budget_line_item_id. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_budget_line_item_id: Option<u64>,
    /// Transfer amount (required by Procore)
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub transfer_amount: Option<Money>,
}

/// Query of `RestV10ProjectsProjectIdBudgetModificationsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BudgetModificationFilters {}

impl ListQuery for BudgetModificationFilters {
    fn append_to(&self, _query: &mut Query) {}
}

/// Operations on legacy budget modifications of a project (405 once Budget Changes are enabled).
#[derive(Debug, Clone)]
pub struct BudgetModifications {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Legacy budget modifications of a project (405 once Budget Changes are enabled).
    pub fn budget_modifications(&self, project_id: u64) -> BudgetModifications {
        BudgetModifications {
            client: self.clone(),
            project_id,
        }
    }
}

impl BudgetModifications {
    /// List Budget Modifications: `GET /rest/v1.0/projects/{project_id}/budget_modifications` (`RestV10ProjectsProjectIdBudgetModificationsGet`).
    pub fn list(&self, filters: &BudgetModificationFilters) -> Pager<BudgetModification> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Budget Modification: `GET /rest/v1.0/projects/{project_id}/budget_modifications/{id}` (`RestV10ProjectsProjectIdBudgetModificationsIdGet`).
    pub async fn get(&self, id: u64) -> Result<BudgetModification, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_ID_GET,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Create Budget Modification: `POST /rest/v1.0/projects/{project_id}/budget_modifications` (`RestV10ProjectsProjectIdBudgetModificationsPost`).
    pub async fn create(
        &self,
        input: &BudgetModificationInput,
    ) -> Result<BudgetModification, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_POST,
                    &[self.project_id],
                )
                .query(query)
                .json(&body(&[], Some("budget_modification"), input)?)?,
            )
            .await
    }
    /// Update Budget Modification: `PATCH /rest/v1.0/projects/{project_id}/budget_modifications/{id}` (`RestV10ProjectsProjectIdBudgetModificationsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &BudgetModificationInput,
    ) -> Result<BudgetModification, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_ID_PATCH,
                    &[self.project_id, id],
                )
                .query(query)
                .json(&body(&[], Some("budget_modification"), input)?)?,
            )
            .await
    }
    /// Delete Budget Modification: `DELETE /rest/v1.0/projects/{project_id}/budget_modifications/{id}` (`RestV10ProjectsProjectIdBudgetModificationsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_ID_DELETE,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
}
