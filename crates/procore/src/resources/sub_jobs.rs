//! A sub job (phase) of a project.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

/// A sub job (phase) of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubJob {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
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
}

/// Fields of a SubJob sent to `RestV10SubJobsPost` (body key `sub_job`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubJobInput {
    /// Name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Unique code in the scope of a Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The Third-party unique identifier of the Sub Job
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// The Third-party Data of the Sub Job
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
}

/// One item of `RestV10SubJobsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubJobSyncItem {
    /// unique identifier
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Unique code in the scope of a Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The Third-party unique identifier of the Sub Job
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// The Third-party Data of the Sub Job
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
}

/// Query of `RestV10SubJobsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubJobFilters {}

impl ListQuery for SubJobFilters {
    fn append_to(&self, _query: &mut Query) {}
}

/// Operations on sub jobs of a project.
#[derive(Debug, Clone)]
pub struct SubJobs {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Sub jobs of a project.
    pub fn sub_jobs(&self, project_id: u64) -> SubJobs {
        SubJobs {
            client: self.clone(),
            project_id,
        }
    }
}

impl SubJobs {
    /// List Sub Jobs: `GET /rest/v1.0/sub_jobs` (`RestV10SubJobsGet`).
    pub fn list(&self, filters: &SubJobFilters) -> Pager<SubJob> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_SUB_JOBS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Sub Job: `GET /rest/v1.0/sub_jobs/{id}` (`RestV10SubJobsIdGet`).
    pub async fn get(&self, id: u64) -> Result<SubJob, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_SUB_JOBS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Sub Job: `POST /rest/v1.0/sub_jobs` (`RestV10SubJobsPost`).
    pub async fn create(&self, input: &SubJobInput) -> Result<SubJob, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_SUB_JOBS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("sub_job"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Sub Job: `PATCH /rest/v1.0/sub_jobs/{id}` (`RestV10SubJobsIdPatch`).
    pub async fn update(&self, id: u64, input: &SubJobInput) -> Result<SubJob, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_SUB_JOBS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("sub_job"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete Sub Job: `DELETE /rest/v1.0/sub_jobs/{id}` (`RestV10SubJobsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(&Call::new(&crate::ops::REST_V10_SUB_JOBS_ID_DELETE, &[id]).query(query))
            .await
    }
    /// Sync Sub Jobs: `PATCH /rest/v1.0/sub_jobs/sync` (`RestV10SubJobsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<SubJobSyncItem>,
    ) -> Result<SyncOutcome<SubJob>, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        let target = SyncTarget {
            op: &crate::ops::REST_V10_SUB_JOBS_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![("project_id", json!(self.project_id))],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
}

impl SyncItem for SubJobSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
