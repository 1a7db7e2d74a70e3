//! A purchase order contract.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    Attachment as PurchaseOrderContractAttachments,
    ChangeOrderPackageStatus as PurchaseOrderContractChangeOrderPackageStatus,
    ContractChangeEventLineItem as PurchaseOrderContractLineItemChangeEventLineItem,
    ContractInvoiceContact as PurchaseOrderContractInvoiceContact,
    ContractLineItem as PurchaseOrderContractLineItem,
    ContractPayment as PurchaseOrderContractPaymentsIssued,
    ContractVendor as PurchaseOrderContractVendor, IdRef as PurchaseOrderContractAssignee,
    LineItemExtendedType as PurchaseOrderContractLineItemExtendedType,
    NamedRef as PurchaseOrderContractProject, RawHolder as PurchaseOrderContractLineItemHolder,
    RawLineItemType as PurchaseOrderContractLineItemLineItemType,
    RawNamedRef as PurchaseOrderContractLineItemCompany,
    RawWbsCode as PurchaseOrderContractLineItemWbsCode,
};

open_enum! {
    /// Values of `PurchaseOrderContractAccountingMethod`; unknown values are kept in `Other`.
    PurchaseOrderContractAccountingMethod { Amount = "amount", Unit = "unit" }
}

open_enum! {
    /// Values of `PurchaseOrderContractBillingScheduleOfValuesStatus`; unknown values are kept in `Other`.
    PurchaseOrderContractBillingScheduleOfValuesStatus { Draft = "draft", UnderReview = "under_review", ReviseAndSubmit = "revise_and_submit", Approved = "approved" }
}

open_enum! {
    /// Values of `PurchaseOrderContractStatus`; unknown values are kept in `Other`.
    PurchaseOrderContractStatus { Draft = "Draft", Processing = "Processing", Submitted = "Submitted", PartiallyReceived = "Partially Received", Received = "Received", Approved = "Approved", Closed = "Closed" }
}

/// A purchase order contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderContract {
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<PurchaseOrderContractAccountingMethod>,
    /// Approval letter date
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub approval_letter_date: Option<String>,
    /// Approved Change Orders amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_change_orders: Option<Money>,
    /// Assignee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<PurchaseOrderContractAssignee>,
    /// Bill to address
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub bill_to_address: Option<String>,
    /// Subcontractor SOV status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_schedule_of_values_status:
        Option<PurchaseOrderContractBillingScheduleOfValuesStatus>,
    /// Contract date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_date: Option<NaiveDate>,
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
    /// Delivery date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_date: Option<NaiveDate>,
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
    /// Issued on
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
    /// Origin Data
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
    /// Payment terms
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_terms: Option<String>,
    /// Pending Change Orders amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_change_orders: Option<Money>,
    /// Pending Revised Contract amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_revised_contract: Option<Money>,
    /// Purchase Order Contract percentage paid
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub percentage_paid: Option<Money>,
    /// Enable/Disable Private status
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub private: Option<bool>,
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<PurchaseOrderContractProject>,
    /// Remaining Balance Outstanding amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_balance_outstanding: Option<Money>,
    /// If true, Requisitions (Subcontractor Invoices) are enabled on the Commitment Contract
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
    /// Revised Contract amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_contract: Option<Money>,
    /// Ship to address
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_to_address: Option<String>,
    /// Ship via
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_via: Option<String>,
    /// If true and the contract is private, non admins with access to the contract will be able to view the SOV items
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub show_line_items_to_non_admins: Option<bool>,
    /// Signed contract received date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub signed_contract_received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PurchaseOrderContractStatus>,
    /// Title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Total Draw Requests Amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_draw_requests_amount: Option<Money>,
    /// Total Payments Amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_payments: Option<Money>,
    /// Total Requisitions (Subcontractor Invoices) Amount
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
    pub vendor: Option<PurchaseOrderContractVendor>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
    /// Attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<PurchaseOrderContractAttachments>,
    /// Change order packages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_packages: Option<Vec<PurchaseOrderContractChangeOrderPackage>>,
    /// Change order requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_requests: Option<Vec<PurchaseOrderContractChangeOrderRequest>>,
    /// ID of the user who created the Contract
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<u64>,
    /// Invoice Contacts
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_contacts: Option<Vec<PurchaseOrderContractInvoiceContact>>,
    /// Line items
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<PurchaseOrderContractLineItem>>,
    /// Payments issued
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payments_issued: Option<Vec<PurchaseOrderContractPaymentsIssued>>,
    /// Potential Change Orders
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_change_orders: Option<Vec<serde_json::Value>>,
}

/// `PurchaseOrderContractChangeOrderPackage` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderContractChangeOrderPackage {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Contract ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_id: Option<u64>,
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
    /// Due date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<NaiveDate>,
    /// Invoiced date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoiced_date: Option<NaiveDate>,
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
    /// Paid date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid_date: Option<NaiveDate>,
    /// Reviewed at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Signed change order received date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub signed_change_order_received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PurchaseOrderContractChangeOrderPackageStatus>,
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
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// `PurchaseOrderContractChangeOrderRequest` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderContractChangeOrderRequest {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
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
    /// Due date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<NaiveDate>,
    /// Invoiced date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoiced_date: Option<NaiveDate>,
    /// Number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// Paid date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PurchaseOrderContractChangeOrderPackageStatus>,
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
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// Fields of a PurchaseOrderContract sent to `RestV10PurchaseOrderContractsPost` (body key `purchase_order_contract`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderContractInput {
    /// Accounting method. If not provided on create action, defaults to Project Configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<PurchaseOrderContractAccountingMethod>,
    /// Approval letter date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_letter_date: Option<String>,
    /// Assignee ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee_id: Option<u64>,
    /// Bill to address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_address: Option<String>,
    /// Contract date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_date: Option<NaiveDate>,
    /// Delivery date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_date: Option<NaiveDate>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Executed status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed: Option<bool>,
    /// Execution date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_date: Option<NaiveDate>,
    /// IDs of users in the project directory (see the Project Users endpoint). The users with these IDs will be added as invoice contacts if they belong to the same vendor as the contract vendor. Invoice ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_contact_user_ids: Option<Vec<u64>>,
    /// Issued on
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on_date: Option<NaiveDate>,
    /// Letter of intent date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_of_intent_date: Option<NaiveDate>,
    /// Origin code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Origin data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Payment terms
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<String>,
    /// Enable/Disable private status
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
    /// Ship to address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<String>,
    /// Ship via
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_via: Option<String>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PurchaseOrderContractStatus>,
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

/// One item of `RestV10PurchaseOrderContractsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderContractSyncItem {
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<PurchaseOrderContractAccountingMethod>,
    /// Approval letter date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_letter_date: Option<String>,
    /// Assignee ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee_id: Option<u64>,
    /// Bill to address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_address: Option<String>,
    /// Contract date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_date: Option<NaiveDate>,
    /// Delivery date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_date: Option<NaiveDate>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Executed status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed: Option<bool>,
    /// Execution date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_date: Option<NaiveDate>,
    /// Issued on
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
    /// Payment terms
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<String>,
    /// Enable/Disable private status
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
    /// Ship to address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<String>,
    /// Ship via
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_via: Option<String>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PurchaseOrderContractStatus>,
    /// Title
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Vendor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
}

/// Query of `RestV10PurchaseOrderContractsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PurchaseOrderContractFilters {
    /// `view`: Specifies how much information to show for each purchase order contract. The compact view is returned by default. One of: `compact`, `extended`.
    pub view: Option<String>,
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[status]`: Return item(s) with the specified Purchase Order Contract status. One of: `Draft`, `Processing`, `Submitted`, `Partially Received`, `Received`, `Approved`, `Closed`.
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

impl ListQuery for PurchaseOrderContractFilters {
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

/// Operations on purchase order contracts of a project.
#[derive(Debug, Clone)]
pub struct PurchaseOrderContracts {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Purchase order contracts of a project.
    pub fn purchase_order_contracts(&self, project_id: u64) -> PurchaseOrderContracts {
        PurchaseOrderContracts {
            client: self.clone(),
            project_id,
        }
    }
}

impl PurchaseOrderContracts {
    /// List of Purchase Order Contracts: `GET /rest/v1.0/purchase_order_contracts` (`RestV10PurchaseOrderContractsGet`).
    pub fn list(&self, filters: &PurchaseOrderContractFilters) -> Pager<PurchaseOrderContract> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Purchase Order Contract: `GET /rest/v1.0/purchase_order_contracts/{id}` (`RestV10PurchaseOrderContractsIdGet`).
    pub async fn get(&self, id: u64) -> Result<PurchaseOrderContract, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_ID_GET, &[id])
                    .query(query),
            )
            .await
    }
    /// Create Purchase Order Contract: `POST /rest/v1.0/purchase_order_contracts` (`RestV10PurchaseOrderContractsPost`).
    pub async fn create(
        &self,
        input: &PurchaseOrderContractInput,
    ) -> Result<PurchaseOrderContract, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("purchase_order_contract"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Purchase Order Contract: `PATCH /rest/v1.0/purchase_order_contracts/{id}` (`RestV10PurchaseOrderContractsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &PurchaseOrderContractInput,
    ) -> Result<PurchaseOrderContract, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_ID_PATCH,
                    &[id],
                )
                .query(query)
                .json(&body(
                    &[("project_id", json!(self.project_id))],
                    Some("purchase_order_contract"),
                    input,
                )?)?,
            )
            .await
    }
    /// Delete Purchase Order Contract: `DELETE /rest/v1.0/purchase_order_contracts/{id}` (`RestV10PurchaseOrderContractsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_ID_DELETE,
                    &[id],
                )
                .query(query),
            )
            .await
    }
    /// Sync Purchase Order Contracts: `PATCH /rest/v1.0/purchase_order_contracts/sync` (`RestV10PurchaseOrderContractsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<PurchaseOrderContractSyncItem>,
    ) -> Result<SyncOutcome<PurchaseOrderContract>, ProcoreError> {
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_PURCHASE_ORDER_CONTRACTS_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![("project_id", json!(self.project_id))],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a PurchaseOrderContract exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(
        &self,
        input: &PurchaseOrderContractInput,
    ) -> Result<PurchaseOrderContract, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The PurchaseOrderContract whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<PurchaseOrderContract>, ProcoreError> {
        let filters = PurchaseOrderContractFilters {
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

impl SyncItem for PurchaseOrderContractSyncItem {
    fn sync_id(&self) -> Option<u64> {
        None
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
