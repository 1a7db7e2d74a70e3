//! A work order contract (subcontract).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    Attachment as WorkOrderContractAttachment,
    ChangeOrderPackageStatus as WorkOrderContractChangeOrderPackageStatus,
    ContractChangeEventLineItem as WorkOrderContractLineItemChangeEventLineItem,
    ContractChangeOrderPackage as WorkOrderContractChangeOrderPackage,
    ContractInvoiceContact as WorkOrderContractInvoiceContact,
    ContractLineItem as WorkOrderContractLineItem,
    ContractPayment as WorkOrderContractPaymentsIssued,
    ContractPotentialChangeOrder as WorkOrderContractPotentialChangeOrder,
    ContractVendor as WorkOrderContractVendor,
    LineItemExtendedType as WorkOrderContractLineItemExtendedType,
    NamedRef as WorkOrderContractProject, RawHolder as WorkOrderContractLineItemHolder,
    RawLineItemType as WorkOrderContractLineItemLineItemType,
    RawNamedRef as WorkOrderContractLineItemCompany,
    RawWbsCode as WorkOrderContractLineItemWbsCode,
};

open_enum! {
    /// Values of `WorkOrderContractAccountingMethod`; unknown values are kept in `Other`.
    WorkOrderContractAccountingMethod { Amount = "amount", Unit = "unit" }
}

open_enum! {
    /// Values of `WorkOrderContractStatus`; unknown values are kept in `Other`.
    WorkOrderContractStatus { Draft = "Draft", OutForBid = "Out For Bid", OutForSignature = "Out For Signature", Approved = "Approved", Complete = "Complete", Terminated = "Terminated", Void = "Void" }
}

/// A work order contract (subcontract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkOrderContract {
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<WorkOrderContractAccountingMethod>,
    /// Actual completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub actual_completion_date: Option<NaiveDate>,
    /// Approval letter date
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub approval_letter_date: Option<String>,
    /// Approved change orders amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_change_orders: Option<Money>,
    /// Attachments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<WorkOrderContractAttachment>>,
    /// Change order packages
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_packages: Option<Vec<WorkOrderContractChangeOrderPackage>>,
    /// Change order requests
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_requests: Option<Vec<serde_json::Value>>,
    /// Contract date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_date: Option<NaiveDate>,
    /// Start date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_start_date: Option<NaiveDate>,
    /// Estimated completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_estimated_completion_date: Option<NaiveDate>,
    /// Created at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// ID of the user who created the Contract
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<u64>,
    /// Deleted at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<DateTime<Utc>>,
    /// Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Total of all draft change orders
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub draft_change_orders_amount: Option<Money>,
    /// Exclusions
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub exclusions: Option<String>,
    /// Executed (or not)
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub executed: Option<bool>,
    /// Execution date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_date: Option<NaiveDate>,
    /// Grand total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub grand_total: Option<Money>,
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Inclusions
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub inclusions: Option<String>,
    /// Invoice Contacts
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_contacts: Option<Vec<WorkOrderContractInvoiceContact>>,
    /// Issued on date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub issued_on_date: Option<NaiveDate>,
    /// Letter of intent date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub letter_of_intent_date: Option<NaiveDate>,
    /// Line items
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<WorkOrderContractLineItem>>,
    /// Number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// Origin data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Origin code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_code: Option<String>,
    /// Origin ID
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Payment issued
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payments_issued: Option<Vec<WorkOrderContractPaymentsIssued>>,
    /// Pending change orders amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_change_orders: Option<Money>,
    /// Pending revised contracts amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_revised_contract: Option<Money>,
    /// Percentage paid
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub percentage_paid: Option<Money>,
    /// Work Order Contract potential change orders
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_change_orders: Option<Vec<WorkOrderContractPotentialChangeOrder>>,
    /// If true, visible to admins and whitelisted accessors; otherwise visible to those with read only access.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub private: Option<bool>,
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<WorkOrderContractProject>,
    /// Remaining outstanding balance
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_balance_outstanding: Option<Money>,
    /// If true, Requisitions (Subcontractor Invoice) are enabled on the Commitment Contract
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisitions_are_enabled: Option<bool>,
    /// Retainage percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub retainage_percent: Option<Money>,
    /// Returned date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub returned_date: Option<NaiveDate>,
    /// Revised contract amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_contract: Option<Money>,
    /// Signed contract received date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub signed_contract_received_date: Option<NaiveDate>,
    /// If true and the contract is private, non admins with access to the contract will be able to view the SOV items
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub show_line_items_to_non_admins: Option<bool>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkOrderContractStatus>,
    /// Title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Total draw requests amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_draw_requests_amount: Option<Money>,
    /// Total payments amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_payments: Option<Money>,
    /// Total requisitions (sub invoices) amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_requisitions_amount: Option<Money>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<WorkOrderContractVendor>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// Fields of a WorkOrderContract sent to `RestV10WorkOrderContractsPost` (body key `work_order_contract`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkOrderContractInput {
    /// Accounting method. If not provided on create action, defaults to Project Configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<WorkOrderContractAccountingMethod>,
    /// Actual completion date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_completion_date: Option<NaiveDate>,
    /// Approval letter date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_letter_date: Option<String>,
    /// Contract date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_date: Option<NaiveDate>,
    /// Estimated completion date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_estimated_completion_date: Option<NaiveDate>,
    /// Start date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_start_date: Option<NaiveDate>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Exclusions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<String>,
    /// Executed (or not)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed: Option<bool>,
    /// Execution date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_date: Option<NaiveDate>,
    /// Inclusions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inclusions: Option<String>,
    /// IDs of users in the project directory (see the Project Users endpoint). The users with these IDs will be added as invoice contacts if they belong to the same vendor as the contract vendor. Invoice ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_contact_user_ids: Option<Vec<u64>>,
    /// Issued on date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on_date: Option<NaiveDate>,
    /// Letter of intent date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_of_intent_date: Option<NaiveDate>,
    /// Origin code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// If true, visible to admins and whitelisted accessors; otherwise visible to those with read only access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// Retainage percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub retainage_percent: Option<Money>,
    /// Returned date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_date: Option<NaiveDate>,
    /// Signed contract received date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_contract_received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkOrderContractStatus>,
    /// Title
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Vendor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
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
    /// Exchange rate from contract currency to project currency; It'll be accepted only when multicurrency phase two feature flag is enabled and user has the granular permission to edit the contract excha...
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_exchange_rate: Option<Money>,
    /// Currency ISO code; It'll be accepted only when multicurrency phase two feature flag is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_iso_code: Option<String>,
}

/// One item of `RestV10WorkOrderContractsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkOrderContractSyncItem {
    /// ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<WorkOrderContractAccountingMethod>,
    /// Actual completion date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_completion_date: Option<NaiveDate>,
    /// Approval letter date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_letter_date: Option<String>,
    /// Contract date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_date: Option<NaiveDate>,
    /// Estimated completion date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_estimated_completion_date: Option<NaiveDate>,
    /// Start Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_start_date: Option<NaiveDate>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Exclusions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<String>,
    /// Executed (or not)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed: Option<bool>,
    /// Execution date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_date: Option<NaiveDate>,
    /// Inclusions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inclusions: Option<String>,
    /// Issued on date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on_date: Option<NaiveDate>,
    /// Letter of intent date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_of_intent_date: Option<NaiveDate>,
    /// Origin code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// If true, visible to admins and whitelisted accessors; otherwise visible to those with read only access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// Retainage percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub retainage_percent: Option<Money>,
    /// Returned date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_date: Option<NaiveDate>,
    /// Signed contract received date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_contract_received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkOrderContractStatus>,
    /// Title
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Vendor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
}

/// Query of `RestV10WorkOrderContractsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkOrderContractFilters {
    /// `view`: Specifies how much information to show for each work order contract. The compact view is returned by default. One of: `compact`, `extended`.
    pub view: Option<String>,
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[status]`: Return item(s) with the specified Work Order Contract status. One of: `Draft`, `Out For Bid`, `Out For Signature`, `Approved`, `Complete`, `Terminated`, `Void`.
    pub status: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[include_deleted]`: Use 'only' for only deleted resources. Use 'with' for deleted and undeleted resources. One of: `only`, `with`.
    pub include_deleted: Option<String>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
}

impl ListQuery for WorkOrderContractFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("view", self.view.as_ref());
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[status]", self.status.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[include_deleted]", self.include_deleted.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
    }
}

/// Operations on work order contracts (subcontracts) of a project.
#[derive(Debug, Clone)]
pub struct WorkOrderContracts {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Work order contracts (subcontracts) of a project.
    pub fn work_order_contracts(&self, project_id: u64) -> WorkOrderContracts {
        WorkOrderContracts {
            client: self.clone(),
            project_id,
        }
    }
}

impl WorkOrderContracts {
    /// List work order contracts: `GET /rest/v1.0/work_order_contracts` (`RestV10WorkOrderContractsGet`).
    pub fn list(&self, filters: &WorkOrderContractFilters) -> Pager<WorkOrderContract> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_WORK_ORDER_CONTRACTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show work order contract: `GET /rest/v1.0/work_order_contracts/{id}` (`RestV10WorkOrderContractsIdGet`).
    pub async fn get(&self, id: u64) -> Result<WorkOrderContract, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_WORK_ORDER_CONTRACTS_ID_GET, &[id]).query(query),
            )
            .await
    }
    /// Create work order contract: `POST /rest/v1.0/work_order_contracts` (`RestV10WorkOrderContractsPost`).
    pub async fn create(
        &self,
        input: &WorkOrderContractInput,
    ) -> Result<WorkOrderContract, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_WORK_ORDER_CONTRACTS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("work_order_contract"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update work order contract: `PATCH /rest/v1.0/work_order_contracts/{id}` (`RestV10WorkOrderContractsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &WorkOrderContractInput,
    ) -> Result<WorkOrderContract, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_WORK_ORDER_CONTRACTS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("work_order_contract"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete work order contract: `DELETE /rest/v1.0/work_order_contracts/{id}` (`RestV10WorkOrderContractsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(
                &Call::new(&crate::ops::REST_V10_WORK_ORDER_CONTRACTS_ID_DELETE, &[id])
                    .query(query),
            )
            .await
    }
    /// Sync work order contracts: `PATCH /rest/v1.0/work_order_contracts/sync` (`RestV10WorkOrderContractsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<WorkOrderContractSyncItem>,
    ) -> Result<SyncOutcome<WorkOrderContract>, ProcoreError> {
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_WORK_ORDER_CONTRACTS_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![("project_id", json!(self.project_id))],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a WorkOrderContract exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(
        &self,
        input: &WorkOrderContractInput,
    ) -> Result<WorkOrderContract, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The WorkOrderContract whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<WorkOrderContract>, ProcoreError> {
        let filters = WorkOrderContractFilters {
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

impl SyncItem for WorkOrderContractSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
