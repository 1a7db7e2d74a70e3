//! A prime (owner) contract of a project.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    ChangeOrderPackageStatus as PrimeContractChangeOrderPackageStatus,
    ContractChangeEventLineItem as PrimeContractLineItemChangeEventLineItem,
    ContractChangeOrderPackage as PrimeContractChangeOrderPackage,
    ContractLineItem as PrimeContractLineItem, ContractPayment as PrimeContractPaymentsReceived,
    ContractPotentialChangeOrder as PrimeContractPotentialChangeOrder,
    LineItemExtendedType as PrimeContractLineItemExtendedType, PersonRef as PrimeContractArchitect,
    RawHolder as PrimeContractLineItemHolder, RawLineItemType as PrimeContractLineItemLineItemType,
    RawNamedRef as PrimeContractLineItemCompany, RawWbsCode as PrimeContractLineItemWbsCode,
};

open_enum! {
    /// Values of `PrimeContractAccountingMethod`; unknown values are kept in `Other`.
    PrimeContractAccountingMethod { Amount = "amount", Unit = "unit" }
}

open_enum! {
    /// Values of `PrimeContractStatus`; unknown values are kept in `Other`.
    PrimeContractStatus { Draft = "Draft", OutForBid = "Out For Bid", OutForSignature = "Out For Signature", Approved = "Approved", Complete = "Complete", Terminated = "Terminated" }
}

/// A prime (owner) contract of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimeContract {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<PrimeContractAccountingMethod>,
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
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub approval_letter_date: Option<NaiveDate>,
    /// Approved change orders amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_change_orders: Option<Money>,
    /// Contract date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_date: Option<NaiveDate>,
    /// Contract estimated completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_estimated_completion_date: Option<NaiveDate>,
    /// Contract start date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_start_date: Option<NaiveDate>,
    /// Contract termination date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_termination_date: Option<NaiveDate>,
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
    /// Description of the Prime Contract
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Executed status
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
    /// Exclusions
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub exclusions: Option<String>,
    /// Total of Line items including markup, plus project level (vertical) markup, if any
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub grand_total: Option<Money>,
    /// Inclusions
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub inclusions: Option<String>,
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
    /// Number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// Origin code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_code: Option<String>,
    /// Prime Contract third party data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Prime Contract third party ID
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// If true, visible to admins only; otherwise visible to those with access to the parent contract.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub private: Option<bool>,
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
    pub status: Option<PrimeContractStatus>,
    /// Title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Architect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architect: Option<PrimeContractArchitect>,
    /// Attachments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<PrimeContractAttachment>>,
    /// Contractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor: Option<serde_json::Value>,
    /// Created by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<PrimeContractArchitect>,
    /// Vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<serde_json::Value>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
    /// Allow comments status
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_comments: Option<bool>,
    /// Allow markups status
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_markups: Option<bool>,
    /// Enable/Disable Payment Applications (Owner Invoices)
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_payment_applications: Option<bool>,
    /// Enable/Disable payments
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_payments: Option<bool>,
    /// Deprecated - always false
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_redistributions: Option<bool>,
    /// Bill to address
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub bill_to: Option<String>,
    /// Budget line item ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget_line_item_id: Option<u64>,
    /// Delivery date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_date: Option<NaiveDate>,
    /// Display materials retainage status
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_materials_retainage: Option<bool>,
    /// Enable/Disable stored materials
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_stored_materials: Option<bool>,
    /// Display work retainage
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_work_retainage: Option<bool>,
    /// Total of all draft change orders
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub draft_change_orders_amount: Option<Money>,
    /// Total of Line items including markup
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_items_extended_total: Option<Money>,
    /// Total of Line items without markup
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_items_total: Option<Money>,
    /// Revised contract amount minus total payments
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub outstanding_balance: Option<Money>,
    /// Total of owner invoices
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub owner_invoices_amount: Option<Money>,
    /// Payment terms
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_terms: Option<String>,
    /// Total of all pending and revised change orders
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_change_orders_amount: Option<Money>,
    /// Revised contract amount, plus pending and revised change orders
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_revised_contract_amount: Option<Money>,
    /// Percentage paid
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub percentage_paid: Option<Money>,
    /// Position
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Requisition (Subcontractor Invoice) number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisition_number: Option<String>,
    /// Grand total, plus approved change orders
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_contract_amount: Option<Money>,
    /// Ship to address
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_to: Option<String>,
    /// Ship via
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_via: Option<String>,
    /// Total payments
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_payments: Option<Money>,
    /// Type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub r#type: Option<String>,
    /// Original substantial completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_substantial_completion_date: Option<NaiveDate>,
    /// Substantial completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub substantial_completion_date: Option<NaiveDate>,
    /// Assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<PrimeContractArchitect>,
    /// Change order packages
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_packages: Option<Vec<PrimeContractChangeOrderPackage>>,
    /// Change order requests
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_requests: Option<Vec<serde_json::Value>>,
    /// Cost code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// Line items
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<PrimeContractLineItem>>,
    /// Potential change orders
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_change_orders: Option<Vec<PrimeContractPotentialChangeOrder>>,
    /// Payments received
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payments_received: Option<Vec<PrimeContractPaymentsReceived>>,
    /// Received from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_from: Option<PrimeContractArchitect>,
}

/// `PrimeContractAttachment` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractAttachment {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<serde_json::Value>,
}

/// Fields of a PrimeContract sent to `RestV10PrimeContractPost` (body key `prime_contract`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimeContractInput {
    /// Actual Completion Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_completion_date: Option<String>,
    /// Approval letter date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_letter_date: Option<NaiveDate>,
    /// Architect ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architect_id: Option<u64>,
    /// Contractor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor_id: Option<u64>,
    /// Contract date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_date: Option<NaiveDate>,
    /// Contract Estimated Completion Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_estimated_completion_date: Option<String>,
    /// Contract Start Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_start_date: Option<String>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Exclusions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<String>,
    /// Executed
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
    /// Number of the Prime Contract
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Prime Contract third party data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Prime Contract third party ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Retainage Percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub retainage_percent: Option<Money>,
    /// Returned date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_date: Option<NaiveDate>,
    /// Signed Contract Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_contract_received_date: Option<String>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PrimeContractStatus>,
    /// Title of the Prime Contract
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Vendor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<PrimeContractAccountingMethod>,
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

/// Query of `RestV10PrimeContractsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrimeContractFilters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
}

impl ListQuery for PrimeContractFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
    }
}

/// Operations on prime contracts of a project (singular `/prime_contract` paths for one contract).
#[derive(Debug, Clone)]
pub struct PrimeContracts {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Prime contracts of a project (singular `/prime_contract` paths for one contract).
    pub fn prime_contracts(&self, project_id: u64) -> PrimeContracts {
        PrimeContracts {
            client: self.clone(),
            project_id,
        }
    }
}

impl PrimeContracts {
    /// List all Prime Contracts: `GET /rest/v1.0/prime_contracts` (`RestV10PrimeContractsGet`).
    pub fn list(&self, filters: &PrimeContractFilters) -> Pager<PrimeContract> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_PRIME_CONTRACTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show First Prime Contract: `GET /rest/v1.0/prime_contract` (`RestV10PrimeContractGet`).
    pub async fn first(&self) -> Result<PrimeContract, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_PRIME_CONTRACT_GET, &[]).query(query))
            .await
    }
    /// Show Prime Contract: `GET /rest/v1.0/prime_contract/{id}` (`RestV10PrimeContractIdGet`).
    pub async fn get(&self, id: u64) -> Result<PrimeContract, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_PRIME_CONTRACT_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Prime Contract: `POST /rest/v1.0/prime_contract` (`RestV10PrimeContractPost`).
    pub async fn create(&self, input: &PrimeContractInput) -> Result<PrimeContract, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_PRIME_CONTRACT_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("prime_contract"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Prime Contract: `PATCH /rest/v1.0/prime_contract/{id}` (`RestV10PrimeContractIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &PrimeContractInput,
    ) -> Result<PrimeContract, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_PRIME_CONTRACT_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("prime_contract"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete Prime Contract: `DELETE /rest/v1.0/prime_contract/{id}` (`RestV10PrimeContractIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(&Call::new(&crate::ops::REST_V10_PRIME_CONTRACT_ID_DELETE, &[id]).query(query))
            .await
    }
}
