//! A commitment (work order or purchase order contract), read-only view.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;

pub use super::shared::{
    Attachment as CommitmentAttachment,
    ChangeOrderPackageStatus as CommitmentChangeOrderPackageStatus,
    LineItemExtendedType as CommitmentLineItemExtendedType, NamedRef as CommitmentVendor,
    PersonRef as CommitmentArchitect, RawHolder as CommitmentLineItemHolder,
    RawLineItemType as CommitmentLineItemLineItemType, RawNamedRef as CommitmentLineItemCompany,
};

open_enum! {
    /// Values of `CommitmentStatus`; unknown values are kept in `Other`.
    CommitmentStatus { Draft = "Draft", OutForBid = "Out For Bid", OutForSignature = "Out For Signature", Approved = "Approved", Complete = "Complete", Terminated = "Terminated", Void = "Void" }
}

open_enum! {
    /// Values of `CommitmentAccountingMethod`; unknown values are kept in `Other`.
    CommitmentAccountingMethod { Amount = "amount", Unit = "unit" }
}

open_enum! {
    /// Values of `CommitmentType`; unknown values are kept in `Other`.
    CommitmentType { WorkOrderContract = "WorkOrderContract", PurchaseOrderContract = "PurchaseOrderContract" }
}

/// A commitment (work order or purchase order contract), read-only view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CommitmentStatus>,
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
    /// Delivery date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_date: Option<NaiveDate>,
    /// Created at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// If true, visible to admins only; otherwise visible to those with access to the parent contract.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub private: Option<bool>,
    /// Vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<CommitmentVendor>,
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<CommitmentAccountingMethod>,
    /// Actual completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub actual_completion_date: Option<NaiveDate>,
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
    /// Approved change orders amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_change_orders: Option<Money>,
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
    /// Deleted at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<DateTime<Utc>>,
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
    pub pending_change_orders: Option<Money>,
    /// Revised contract amount, plus pending and revised change orders
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
    /// Position
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Revised contract amount minus total payments
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_balance_outstanding: Option<Money>,
    /// Requisition (Subcontractor Invoice) number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisition_number: Option<String>,
    /// Retainage percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub retainage_percent: Option<Money>,
    /// Grand total, plus approved change orders
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
    pub ship_to: Option<String>,
    /// Ship via
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_via: Option<String>,
    /// Signed contract received date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub signed_contract_received_date: Option<NaiveDate>,
    /// Total payments
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_payments: Option<Money>,
    /// Total draw requests amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_draw_requests_amount: Option<Money>,
    /// Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<CommitmentType>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Architect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architect: Option<CommitmentArchitect>,
    /// Assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<CommitmentArchitect>,
    /// Attachments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<CommitmentAttachment>>,
    /// Change order packages
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_packages: Option<Vec<CommitmentChangeOrderPackage>>,
    /// Change order requests (tiers > 2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_requests: Option<Vec<serde_json::Value>>,
    /// Contractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor: Option<serde_json::Value>,
    /// Cost code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// Created by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<CommitmentArchitect>,
    /// Line items
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<CommitmentLineItem>>,
    /// Potential change orders (tiers > 1)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_change_orders: Option<Vec<CommitmentPotentialChangeOrder>>,
    /// Payments issued
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payments_issued: Option<Vec<CommitmentPaymentsIssued>>,
    /// Received from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_from: Option<CommitmentArchitect>,
}

/// `CommitmentChangeOrderPackage` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentChangeOrderPackage {
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
    /// Title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CommitmentChangeOrderPackageStatus>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

/// `CommitmentLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentLineItem {
    /// Line Item id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Line Item amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// Company
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<CommitmentLineItemCompany>,
    /// Cost code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// Created at date and time
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Line Item description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Line Item extended type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<CommitmentLineItemExtendedType>,
    /// Holder
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<CommitmentLineItemHolder>,
    /// Line Item Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<CommitmentLineItemLineItemType>,
    /// Line Item third party data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Line Item third party id
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Line Item position
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<CommitmentLineItemCompany>,
    /// Line Item quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Tax Code ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_code_id: Option<u64>,
    /// Line Item total amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_amount: Option<Money>,
    /// Line Item extended amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub extended_amount: Option<Money>,
    /// Line Item unit cost
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Line Item units of measure
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub uom: Option<String>,
    /// Updated at date and time
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Change Event Line Item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_line_item: Option<CommitmentLineItemChangeEventLineItem>,
}

/// `CommitmentLineItemChangeEventLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentLineItemChangeEventLineItem {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_rom: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_rom: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<serde_json::Value>,
}

/// `CommitmentPotentialChangeOrder` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentPotentialChangeOrder {
    /// Potential change order id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Potential change order created at
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
    /// Potential change order due date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<NaiveDate>,
    /// Potential change order invoiced date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoiced_date: Option<NaiveDate>,
    /// Potential change order number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// Potential change order paid date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid_date: Option<NaiveDate>,
    /// Potential change order reviewed at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Potential change order title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Potential change order status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CommitmentChangeOrderPackageStatus>,
    /// Potential change order updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

/// `CommitmentPaymentsIssued` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitmentPaymentsIssued {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Payment amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// Check number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub check_number: Option<String>,
    /// Created at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Payment date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    /// Payment number of a Draw Request, Owner Invoice, or Subcontractor Invoice
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub draw_request_number: Option<i64>,
    /// Invoice number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoice_number: Option<String>,
    /// Associated notes
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<String>,
    /// Payment number
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_number: Option<i64>,
    /// Payment attachments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<serde_json::Value>>,
    /// Origin ID
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Origin data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
}

/// Query of `RestV10CommitmentsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommitmentFilters {}

impl ListQuery for CommitmentFilters {
    fn append_to(&self, _query: &mut Query) {}
}

/// Operations on commitments (both contract kinds, read-only) of a project.
#[derive(Debug, Clone)]
pub struct Commitments {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Commitments (both contract kinds, read-only) of a project.
    pub fn commitments(&self, project_id: u64) -> Commitments {
        Commitments {
            client: self.clone(),
            project_id,
        }
    }
}

impl Commitments {
    /// List Commitments: `GET /rest/v1.0/commitments` (`RestV10CommitmentsGet`).
    pub fn list(&self, filters: &CommitmentFilters) -> Pager<Commitment> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_COMMITMENTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show a Commitment Contract: `GET /rest/v1.0/commitments/{id}` (`RestV10CommitmentsIdGet`).
    pub async fn get(&self, id: u64) -> Result<Commitment, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_COMMITMENTS_ID_GET, &[id]).query(query))
            .await
    }
}
