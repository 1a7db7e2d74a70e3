//! A budget view of a project.

use serde::{Deserialize, Serialize};

use super::*;

pub use super::shared::UserRef as BudgetViewCreatedBy;

/// A budget view of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetView {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Created At timestamp
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<String>,
    /// Created by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<BudgetViewCreatedBy>,
    /// Updated At timestamp
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<String>,
    /// Role of the view
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub role: Option<String>,
    /// Links to get budgeting data using this budget view
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<BudgetViewLinks>,
}

/// `BudgetViewLinks` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetViewLinks {
    /// URL to the Budget Detail Rows for this budget view
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub detail_rows: Option<String>,
    /// URL to the Budget Summary Rows for this budget view
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub summary_rows: Option<String>,
}

/// Query of `RestV10BudgetViewsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BudgetViewFilters {
    /// `sort`: Direction (asc/desc) can be controlled by the presence or absence of '-' before the sort parameter One of: `created_at`.
    pub sort: Option<String>,
}

impl ListQuery for BudgetViewFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("sort", self.sort.as_ref());
    }
}

/// Operations on budget views of a project.
#[derive(Debug, Clone)]
pub struct BudgetViews {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Budget views of a project.
    pub fn budget_views(&self, project_id: u64) -> BudgetViews {
        BudgetViews {
            client: self.clone(),
            project_id,
        }
    }
}

impl BudgetViews {
    /// List Budget Views: `GET /rest/v1.0/budget_views` (`RestV10BudgetViewsGet`).
    pub fn list(&self, filters: &BudgetViewFilters) -> Pager<BudgetView> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_BUDGET_VIEWS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
}
