//! A change order of a prime contract or of a commitment (1- and 2-tier projects).
//!
//! Procore describes prime contract change orders and commitment change orders with the same
//! fields, filters and bodies and only serves them under different paths, so one set of types
//! serves both and each handle carries the operations of its kind.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;
use crate::client::Op;

/// A change order of a prime contract or of a commitment (1- and 2-tier projects).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeOrder {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Contract id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_id: Option<u64>,
    /// Batch id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub batch_id: Option<u64>,
    /// Legacy package id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub legacy_package_id: Option<u64>,
    /// Legacy request id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub legacy_request_id: Option<u64>,
    /// Number.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// Title.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Description.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Status.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// Grand total.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub grand_total: Option<Money>,
    /// Executed.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub executed: Option<bool>,
    /// Paid.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid: Option<bool>,
    /// Private.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub private: Option<bool>,
    /// Revision.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub revision: Option<i64>,
    /// Reviewed at.
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Due date.
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<NaiveDate>,
    /// Invoiced date.
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoiced_date: Option<NaiveDate>,
    /// Paid date.
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid_date: Option<NaiveDate>,
    /// Signed change order received date.
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub signed_change_order_received_date: Option<NaiveDate>,
    /// Schedule impact amount.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_impact_amount: Option<i64>,
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
    /// Created by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    /// Designated reviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_reviewer: Option<serde_json::Value>,
    /// Received from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_from: Option<serde_json::Value>,
    /// Reviewed by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<serde_json::Value>,
    /// Change order change reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_change_reason: Option<serde_json::Value>,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Value>,
    /// Change events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_events: Option<Vec<serde_json::Value>>,
    /// Line items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<serde_json::Value>>,
}

/// Fields of a change order sent to `RestV10ProjectsProjectIdPrimeChangeOrdersPost` or
/// `RestV10ProjectsProjectIdCommitmentChangeOrdersPost` (body key `change_order`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeOrderInput {
    /// Unique identifier for the contract. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_id: Option<u64>,
    /// Unique identifier for a change order batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<u64>,
    /// Unique identifier for the change reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_change_reason_id: Option<u64>,
    /// Unique identifier for the location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<u64>,
    /// Unique identifier for the designated reviewer. This field is only supported for single-tier projects. Behavior is undefined in multi-tier projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_reviewer_id: Option<u64>,
    /// Unique identifier for the received from entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_from_id: Option<u64>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Due Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    /// Paid Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_date: Option<NaiveDate>,
    /// Invoiced Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoiced_date: Option<NaiveDate>,
    /// Title of the Contract
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Reference
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Number of the Change Order
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Revision Number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
    /// Field Change
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_change: Option<bool>,
    /// Whether a signature will be required for this Change Order
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_required: Option<bool>,
    /// Signed Change Order Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_change_order_received_date: Option<NaiveDate>,
    /// Schedule impact in days
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_impact_amount: Option<i64>,
    /// Whether or not the Change Order is executed
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed: Option<bool>,
    /// Whether or not the Commitment Change Order is private
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// Whether or not the Commitment Change Order is paid
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<bool>,
    /// Reason for the change order
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Whether to enable SSOV on this Change Order. Only applicable to Commitment Change Orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_ssov: Option<bool>,
    /// List of attachment IDs to attach. These must presently be associated with Change Events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_attachment_ids: Option<Vec<u64>>,
    /// Existing attachments to preserve on the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_ids: Option<Vec<u64>>,
    /// Drawing Revisions to attach to the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawing_revision_ids: Option<Vec<u64>>,
    /// File Versions to attach to the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_version_ids: Option<Vec<u64>>,
    /// Forms to attach to the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_ids: Option<Vec<u64>>,
    /// Images to attach to the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_ids: Option<Vec<u64>>,
    /// Uploads to attach to the response
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_ids: Option<Vec<String>>,
}

/// Query of `RestV10ProjectsProjectIdPrimeChangeOrdersGet` and of
/// `RestV10ProjectsProjectIdCommitmentChangeOrdersGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeOrderFilters {
    /// `view`: Specifies Which view (which attributes) of the resource is going to be present in the response. the extended view includes change events data, while the default view does not. One of: `default`, `extended`.
    pub view: Option<String>,
    /// `sort`: Direction (asc/desc) can be controlled by the presence or absence of '-' before the sort parameter. One of: `id`, `created_at`.
    pub sort: Option<String>,
    /// `filters[id]`: Filter results by Change Order ID
    pub id: Option<u64>,
    /// `filters[batch_id]`: Filter results by Change Order Batch ID
    pub batch_id: Option<u64>,
    /// `filters[legacy_package_id]`: Filter results by legacy Change Order Package ID
    pub legacy_package_id: Option<u64>,
    /// `filters[contract_id]`: Filter results by Contract ID
    pub contract_id: Option<u64>,
    /// `filters[vendor_id]`: Filter results by Contract Vendor ID
    pub vendor_id: Option<u64>,
    /// `filters[signature_required]`: Filter results by signature_required
    pub signature_required: Option<bool>,
    /// `filters[executed]`: Filter results by executed
    pub executed: Option<bool>,
    /// `filters[status]`: Filter results by status One of: `draft`, `pricing`, `not_pricing`, `pending`, `revised`, `proceeding`, `not_proceeding`, `pending_billable`, `no_charge`, `approved`, `rejected`, `void`.
    pub status: Option<String>,
    /// `filters[updated_at]`: Return item(s) within a specific updated at iso8601 datetime range
    pub updated_at: Option<TimeRange>,
}

impl ListQuery for ChangeOrderFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("view", self.view.as_ref());
        query.push_opt("sort", self.sort.as_ref());
        query.push_opt("filters[id]", self.id.as_ref());
        query.push_opt("filters[batch_id]", self.batch_id.as_ref());
        query.push_opt(
            "filters[legacy_package_id]",
            self.legacy_package_id.as_ref(),
        );
        query.push_opt("filters[contract_id]", self.contract_id.as_ref());
        query.push_opt("filters[vendor_id]", self.vendor_id.as_ref());
        query.push_opt(
            "filters[signature_required]",
            self.signature_required.as_ref(),
        );
        query.push_opt("filters[executed]", self.executed.as_ref());
        query.push_opt("filters[status]", self.status.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
    }
}

/// The operations one kind of change order is served by.
#[derive(Debug)]
struct ChangeOrderOps {
    list: &'static Op,
    get: &'static Op,
    create: &'static Op,
    update: &'static Op,
    delete: &'static Op,
}

/// Prime contract change orders.
static PRIME: ChangeOrderOps = ChangeOrderOps {
    list: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_GET,
    get: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_ID_GET,
    create: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_POST,
    update: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_ID_PATCH,
    delete: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_ID_DELETE,
};

/// Commitment change orders.
static COMMITMENT: ChangeOrderOps = ChangeOrderOps {
    list: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_GET,
    get: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_ID_GET,
    create: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_POST,
    update: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_ID_PATCH,
    delete: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_ID_DELETE,
};

/// Operations on change orders of a project: prime contract change orders or commitment change
/// orders according to the entry point that made the handle.
#[derive(Debug, Clone)]
pub struct ChangeOrders {
    client: Client,
    project_id: u64,
    ops: &'static ChangeOrderOps,
}

impl Client {
    /// Prime contract change orders of a project.
    pub fn prime_change_orders(&self, project_id: u64) -> ChangeOrders {
        ChangeOrders {
            client: self.clone(),
            project_id,
            ops: &PRIME,
        }
    }

    /// Commitment change orders of a project.
    pub fn commitment_change_orders(&self, project_id: u64) -> ChangeOrders {
        ChangeOrders {
            client: self.clone(),
            project_id,
            ops: &COMMITMENT,
        }
    }
}

impl ChangeOrders {
    /// List the change orders.
    ///
    /// * Prime: Show All Prime Change Orders: `GET /rest/v1.0/projects/{project_id}/prime_change_orders` (`RestV10ProjectsProjectIdPrimeChangeOrdersGet`).
    /// * Commitment: Show All Commitment Change Orders: `GET /rest/v1.0/projects/{project_id}/commitment_change_orders` (`RestV10ProjectsProjectIdCommitmentChangeOrdersGet`).
    pub fn list(&self, filters: &ChangeOrderFilters) -> Pager<ChangeOrder> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(self.ops.list, &[self.project_id]).query(query);
        Pager::new(self.client.clone(), call, false, None)
    }
    /// Show one change order.
    ///
    /// * Prime: Show Prime Change Order: `GET /rest/v1.0/projects/{project_id}/prime_change_orders/{id}` (`RestV10ProjectsProjectIdPrimeChangeOrdersIdGet`).
    /// * Commitment: Show Commitment Change Order: `GET /rest/v1.0/projects/{project_id}/commitment_change_orders/{id}` (`RestV10ProjectsProjectIdCommitmentChangeOrdersIdGet`).
    pub async fn get(&self, id: u64) -> Result<ChangeOrder, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(&Call::new(self.ops.get, &[self.project_id, id]).query(query))
            .await
    }
    /// Create a change order.
    ///
    /// * Prime: Create Prime Change Order: `POST /rest/v1.0/projects/{project_id}/prime_change_orders` (`RestV10ProjectsProjectIdPrimeChangeOrdersPost`).
    /// * Commitment: Create Commitment Change Order: `POST /rest/v1.0/projects/{project_id}/commitment_change_orders` (`RestV10ProjectsProjectIdCommitmentChangeOrdersPost`).
    pub async fn create(&self, input: &ChangeOrderInput) -> Result<ChangeOrder, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(self.ops.create, &[self.project_id])
                    .query(query)
                    .json(&body(&[], Some("change_order"), input)?)?,
            )
            .await
    }
    /// Update one change order.
    ///
    /// * Prime: Update Prime Change Order: `PATCH /rest/v1.0/projects/{project_id}/prime_change_orders/{id}` (`RestV10ProjectsProjectIdPrimeChangeOrdersIdPatch`).
    /// * Commitment: Update Commitment Change Order: `PATCH /rest/v1.0/projects/{project_id}/commitment_change_orders/{id}` (`RestV10ProjectsProjectIdCommitmentChangeOrdersIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &ChangeOrderInput,
    ) -> Result<ChangeOrder, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(self.ops.update, &[self.project_id, id])
                    .query(query)
                    .json(&body(&[], Some("change_order"), input)?)?,
            )
            .await
    }
    /// Delete one change order.
    ///
    /// * Prime: Delete Prime Change Order: `DELETE /rest/v1.0/projects/{project_id}/prime_change_orders/{id}` (`RestV10ProjectsProjectIdPrimeChangeOrdersIdDelete`).
    /// * Commitment: Delete Commitment Change Order: `DELETE /rest/v1.0/projects/{project_id}/commitment_change_orders/{id}` (`RestV10ProjectsProjectIdCommitmentChangeOrdersIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client
            .execute(&Call::new(self.ops.delete, &[self.project_id, id]).query(query))
            .await
    }
}
