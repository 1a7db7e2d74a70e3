//! A billing period of a project (needed for requisition `period_id`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;

open_enum! {
    /// Values of `BillingPeriodStatus`; unknown values are kept in `Other`.
    BillingPeriodStatus { Open = "open", Closed = "closed" }
}

/// A billing period of a project (needed for requisition `period_id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BillingPeriod {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Date/time the Billing Period was created
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Due date for the Billing Period
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<NaiveDate>,
    /// End date for the Billing Period
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_date: Option<NaiveDate>,
    /// Position of the Billing Period
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Project ID for the Billing Period
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_id: Option<u64>,
    /// Start date for the Billing Period
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_date: Option<NaiveDate>,
    /// Billing Period status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BillingPeriodStatus>,
    /// Date/time the Billing Period was last updated
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Fields of a BillingPeriod sent to `RestV10ProjectsProjectIdBillingPeriodsPost` (body key `billing_period`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BillingPeriodInput {
    /// Due date (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    /// Start date (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// End date (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// Status (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BillingPeriodStatus>,
}

/// Query of `RestV10ProjectsProjectIdBillingPeriodsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BillingPeriodFilters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[status]`: Return item(s) with the specified Billing Period status. One of: `open`, `closed`.
    pub status: Option<String>,
}

impl ListQuery for BillingPeriodFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[status]", self.status.as_ref());
    }
}

/// Operations on billing periods of a project.
#[derive(Debug, Clone)]
pub struct BillingPeriods {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Billing periods of a project.
    pub fn billing_periods(&self, project_id: u64) -> BillingPeriods {
        BillingPeriods {
            client: self.clone(),
            project_id,
        }
    }
}

impl BillingPeriods {
    /// List billing periods: `GET /rest/v1.0/projects/{project_id}/billing_periods` (`RestV10ProjectsProjectIdBillingPeriodsGet`).
    pub fn list(&self, filters: &BillingPeriodFilters) -> Pager<BillingPeriod> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Billing Period for Project: `GET /rest/v1.0/projects/{project_id}/billing_periods/{id}` (`RestV10ProjectsProjectIdBillingPeriodsIdGet`).
    pub async fn get(&self, id: u64) -> Result<BillingPeriod, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_ID_GET,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Create billing period: `POST /rest/v1.0/projects/{project_id}/billing_periods` (`RestV10ProjectsProjectIdBillingPeriodsPost`).
    pub async fn create(&self, input: &BillingPeriodInput) -> Result<BillingPeriod, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_POST,
                    &[self.project_id],
                )
                .query(query)
                .json(&body(&[], Some("billing_period"), input)?)?,
            )
            .await
    }
    /// Update billing period: `PATCH /rest/v1.0/projects/{project_id}/billing_periods/{id}` (`RestV10ProjectsProjectIdBillingPeriodsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &BillingPeriodInput,
    ) -> Result<BillingPeriod, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_ID_PATCH,
                    &[self.project_id, id],
                )
                .query(query)
                .json(&body(&[], Some("billing_period"), input)?)?,
            )
            .await
    }
    /// Delete billing period: `DELETE /rest/v1.0/projects/{project_id}/billing_periods/{id}` (`RestV10ProjectsProjectIdBillingPeriodsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_ID_DELETE,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
}
