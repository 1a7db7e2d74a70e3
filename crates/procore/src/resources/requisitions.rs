//! A subcontractor invoice (requisition) against a commitment.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    CurrencyConfiguration as RequisitionCurrencyConfiguration,
    CustomFields as RequisitionCustomFields,
};

open_enum! {
    /// Values of `RequisitionStatus`; unknown values are kept in `Other`.
    RequisitionStatus { Draft = "draft", UnderReview = "under_review", ReviseAndResubmit = "revise_and_resubmit", Approved = "approved", ApprovedAsNoted = "approved_as_noted", PendingOwnerApproval = "pending_owner_approval" }
}

open_enum! {
    /// Values of `RequisitionItemAccountingMethod`; unknown values are kept in `Other`.
    RequisitionItemAccountingMethod { Amount = "amount", Unit = "unit" }
}

/// A subcontractor invoice (requisition) against a commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requisition {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Project ID (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_id: Option<u64>,
    /// Eletronic Signature ID (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub electronic_signature_id: Option<u64>,
    /// Billing date (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_date: Option<NaiveDate>,
    /// commitment ID (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub commitment_id: Option<u64>,
    /// Commitment Type (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub commitment_type: Option<String>,
    /// Contract Name (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_name: Option<String>,
    /// Date req was created (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Created by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<RequisitionCreatedBy>,
    /// Date req was last updated (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Invoice number (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoice_number: Option<String>,
    /// Requisition (Subcontractor Invoice) third party data (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Requisition (Subcontractor Invoice) third party ID (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Date requisition was paid (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_date: Option<NaiveDate>,
    /// Period ID (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub period_id: Option<u64>,
    /// Requisition (Subcontractor Invoice) start date (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisition_start: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) end date (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisition_end: Option<NaiveDate>,
    /// Status (present in all views)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RequisitionStatus>,
    /// Erp status.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub erp_status: Option<String>,
    /// Date requisition was submitted (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub submitted_at: Option<NaiveDate>,
    /// Comment (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub comment: Option<String>,
    /// true or false value indicating whether or not this is the final invoice (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub r#final: Option<bool>,
    /// Requisition (Subcontractor Invoice) number (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<i64>,
    /// Percent complete (present in all views)
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub percent_complete: Option<Money>,
    /// Name of Vendor for Invoice (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_name: Option<String>,
    /// Total Claimed Amount for the Invoice (present in all views)
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_claimed_amount: Option<Money>,
    /// A boolean indicating whether or not the invoice can be deleted. (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub deletable: Option<bool>,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<RequisitionCustomFields>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<RequisitionCurrencyConfiguration>,
    /// Attachments (present in all views)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<RequisitionAttachment>>,
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<RequisitionSummary>,
    /// Object that describes the action policy for the item (present in action_policy or extended views)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_policy: Option<serde_json::Value>,
    /// ID for the previous requisition before this one on the same contract
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous_requisition_id: Option<u64>,
    /// ID of Vendor for Invoice
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_id: Option<u64>,
    /// Invoice type (present in all views)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoice_type: Option<String>,
    /// A boolean indicating if should move materials to previous work completed.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub move_materials_to_previous_work_completed: Option<bool>,
    /// Summary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_text: Option<RequisitionSummaryText>,
    /// Requisition items. Included only when the views query param includes 'extended' or 'items'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<RequisitionItem>>,
    /// Requisition item packages. An item package can have either a contract or change order as its parent entity. Included only when the views query param includes 'extended' or 'items'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_packages: Option<Vec<RequisitionItemPackage>>,
}

/// `RequisitionCreatedBy` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionCreatedBy {
    /// Login Information ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// User name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// User email
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub login: Option<String>,
    /// User Company name. If the user belongs to a vendor, the vendor name will be returned.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_name: Option<String>,
}

/// `RequisitionAttachment` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionAttachment {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<serde_json::Value>,
}

/// `RequisitionSummary` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionSummary {
    /// Balance to finish including retainage
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub balance_to_finish_including_retainage: Option<Money>,
    /// Completed work retainage percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_work_retainage_percent: Option<Money>,
    /// Completed work retainage amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_work_retainage_amount: Option<Money>,
    /// Contract sum to date
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_sum_to_date: Option<Money>,
    /// Current payment due
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub current_payment_due: Option<Money>,
    /// Formatted billing period
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub formatted_period: Option<String>,
    /// Less previous certificates for payment
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub less_previous_certificates_for_payment: Option<String>,
    /// Negative change order item total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub negative_change_order_item_total: Option<Money>,
    /// Negative new change order item total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub negative_new_change_order_item_total: Option<Money>,
    /// Negative previous change order item total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub negative_previous_change_order_item_total: Option<Money>,
    /// Net change by change orders
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_change_by_change_orders: Option<Money>,
    /// Original contract sum
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_contract_sum: Option<Money>,
    /// Positive change order item total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub positive_change_order_item_total: Option<Money>,
    /// Positive new change order item total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub positive_new_change_order_item_total: Option<Money>,
    /// Positive previous change order item total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub positive_previous_change_order_item_total: Option<Money>,
    /// Stored materials retainage amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_materials_retainage_amount: Option<Money>,
    /// Stored materials retainage percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_materials_retainage_percent: Option<Money>,
    /// Tax applicable to this payment
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_applicable_to_this_payment: Option<String>,
    /// Total completed and stored to date
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_completed_and_stored_to_date: Option<Money>,
    /// Total earned less retainage
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_earned_less_retainage: Option<Money>,
    /// Total retainage
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_retainage: Option<Money>,
    /// Amount of new materials added this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub new_materials: Option<Money>,
    /// Quantity of new materials added this period, only for unit based line items
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub new_materials_quantity: Option<Money>,
    /// Amount of materials presently stored less the new materials added this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_materials: Option<Money>,
    /// Quantity of materials presently stored less the new materials added this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_materials_quantity: Option<Money>,
}

/// `RequisitionSummaryText` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionSummaryText {
    /// Name of the project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_name: Option<String>,
    /// Number of the project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_number: Option<String>,
    /// Name of the company the requisition is for
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_general_contractor: Option<String>,
    /// Requisition period start date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisition_period_start: Option<NaiveDate>,
    /// Requisition period end date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub requisition_period_end: Option<NaiveDate>,
    /// Name of the company the requisition is from
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_name: Option<String>,
    /// Street address of the company the requisition is from
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_street: Option<String>,
    /// City of the company the requisition is from
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_city: Option<String>,
    /// State code of the company the requisition is from
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_state_code: Option<String>,
    /// Zip code of the company the requisition is from
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_zip: Option<String>,
    /// Country code of the company the requisition is from
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_country_code: Option<String>,
    /// Invoice number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub application_number: Option<String>,
    /// The contract title
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_for: Option<String>,
    /// Date the signed contract is received
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_date: Option<NaiveDate>,
}

/// `RequisitionItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionItem {
    /// ID of the Contract Item or Contract Detail Item or Change Order Item or Whole Change Order Item
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Item Type - (contract_item, contract_detail_item, change_order_item, whole_change_order_item)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub item_type: Option<String>,
    /// Accounting method
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_method: Option<RequisitionItemAccountingMethod>,
    /// Cost Code ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_code_id: Option<u64>,
    /// Requisition (Subcontractor Invoice) Currency Configuration
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<RequisitionItemCurrencyConfiguration>,
    /// Line Item ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_item_id: Option<u64>,
    /// Description of work.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description_of_work: Option<String>,
    /// Net amount of line item
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_amount: Option<Money>,
    /// Gross amount of line item
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub gross_amount: Option<Money>,
    /// Item's associated Budget Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<RequisitionItemWbsCode>,
    /// Scheduled value amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_value: Option<Money>,
    /// Work completed from previous application amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_from_previous_application: Option<Money>,
    /// Work completed this period amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_this_period: Option<Money>,
    /// Amount of materials presently stored
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_presently_stored: Option<Money>,
    /// Quantity of the Materials presently stored, only for unit based line items
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_presently_stored_quantity: Option<Money>,
    /// Materials presently stored from previous progress
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_presently_stored_from_previous_progress: Option<Money>,
    /// Quantity of the Materials stored from the previous invoice, only for unit based line items
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_previously_stored_quantity: Option<Money>,
    /// Materials automatically moved from previous line item into previous work completed. This will be non-zero only if move_materials_to_previous_work_completed is true on the payment application.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_moved: Option<Money>,
    /// Retainage on materials automatically moved from previous line item into work completed retainage amount accrued previously. This will be non-zero only if move_materials_to_previous_work_completed i...
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_retainage_retained_moved: Option<Money>,
    /// Total completed and stored to date amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_completed_and_stored_to_date: Option<Money>,
    /// Total completed and stored to date percent
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_completed_and_stored_to_date_percent: Option<Money>,
    /// Total completed and stored to date from previous
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_completed_and_stored_to_date_from_previous: Option<Money>,
    /// Work completed retainage amount from previous application
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_retainage_from_previous_application: Option<Money>,
    /// Work completed retainage amount retained this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_retainage_retained_this_period: Option<Money>,
    /// Work completed retainage percent this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_retainage_percent_this_period: Option<Money>,
    /// Materials stored retainage amount currently retained
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_stored_retainage_currently_retained: Option<Money>,
    /// Materials stored retainage percent this period, present
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_stored_retainage_percent_this_period: Option<Money>,
    /// Materials stored retainage from new materials, present
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_stored_retainage_new_materials: Option<Money>,
    /// Work completed retainage amount released this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_retainage_released_this_period: Option<Money>,
    /// Materials stored retainage amount released this period
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub materials_stored_retainage_released_this_period: Option<Money>,
    /// Scheduled quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_quantity: Option<Money>,
    /// Scheduled unit price
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_unit_price: Option<Money>,
    /// Work completed this period quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_this_period_quantity: Option<Money>,
    /// Work completed from previous application quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_completed_from_previous_application_quantity: Option<Money>,
    /// Comment
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub comment: Option<String>,
    /// Status
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// Position of this item
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Line Number for the item
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_number: Option<String>,
    /// SSR Manual Override
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub ssr_manual_override: Option<bool>,
    /// Amount claimed by the subcontractor
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub subcontractor_claimed_amount: Option<Money>,
    /// ID of the previous progress for the item
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous_progress_id: Option<u64>,
    /// Tax code information associated with the item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<serde_json::Value>>,
    /// Unit of measure for this line item
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub uom: Option<String>,
}

/// `RequisitionItemCurrencyConfiguration` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionItemCurrencyConfiguration {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_iso_code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_exchange_rate: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_currency_iso_code: Option<serde_json::Value>,
}

/// `RequisitionItemWbsCode` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionItemWbsCode {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat_code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_items: Option<serde_json::Value>,
}

/// `RequisitionItemPackage` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionItemPackage {
    /// ID of the item package
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// ID of the contract associated with the item package
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_id: Option<u64>,
    /// ID of the change order associated with the item package
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub change_order_id: Option<u64>,
    /// number associated with the item package's parent entity
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// title associated with the item package's parent entity
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// status associated with the item package's parent entity
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// position associated with the item package's parent entity
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// acronym for the change order object associated with the item package. Null if the item package's parent entity is a contract.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub change_order_acronym_number: Option<String>,
    /// The change order request an item package is associated with. Only returned on three tier projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_request: Option<RequisitionItemPackageChangeOrderRequest>,
    /// The change order batch an item package is associated with. Only returned on multi tier projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<RequisitionItemPackageChangeOrderRequest>,
}

/// `RequisitionItemPackageChangeOrderRequest` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionItemPackageChangeOrderRequest {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_order_acronym_number: Option<serde_json::Value>,
}

/// Fields of a Requisition sent to `RestV10RequisitionsPost` (body key `requisition`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionInput {
    /// Period ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_id: Option<u64>,
    /// Requisition (Subcontractor Invoice) start date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requisition_start: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) end date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requisition_end: Option<NaiveDate>,
    /// Billing date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_date: Option<NaiveDate>,
    /// true or false value indicating whether or not this is the final invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#final: Option<bool>,
    /// Invoice number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Date requisition was paid
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) third party data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Requisition (Subcontractor Invoice) third party ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Status; admin can set any status, standard and billing recipient can set to under_review (submit) or draft (save)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RequisitionStatus>,
    /// Date requisition was submitted
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<NaiveDate>,
    /// Any comment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Fields of a Requisition sent to `RestV11RequisitionsPost` (body key `requisition`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionV11Input {
    /// Items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<RequisitionV11InputItem>>,
    /// Period ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_id: Option<u64>,
    /// Requisition (Subcontractor Invoice) start date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requisition_start: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) end date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requisition_end: Option<NaiveDate>,
    /// Billing date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_date: Option<NaiveDate>,
    /// true or false value indicating whether or not this is the final invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#final: Option<bool>,
    /// Invoice number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Date requisition was paid
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) third party data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Requisition (Subcontractor Invoice) third party ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Status; admin can set any status, standard and billing recipient can set to under_review (submit) or draft (save)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RequisitionStatus>,
    /// Date requisition was submitted
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<NaiveDate>,
    /// An array of Prostore File IDs. The Prostore Files will be associated with the Requisition (Subcontractor Invoice) as attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prostore_file_ids: Option<Vec<u64>>,
    /// An array of Upload UUIDs. The Uploads will be associated with the Requisition (Subcontractor Invoice) as attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_ids: Option<Vec<String>>,
}

/// `RequisitionV11InputItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionV11InputItem {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_line_item_id: Option<serde_json::Value>,
    /// (nested object) (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_presently_stored: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_presently_stored_from_previous_progress: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_materials: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_materials_quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_materials: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_materials_quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_retainage_retained_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_stored_retainage_currently_retained: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_retainage_released_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_this_period_quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_retainage_percent_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_stored_retainage_percent_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcontractor_claimed_amount: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<serde_json::Value>,
}

/// Fields of a Requisition sent to `RestV11RequisitionsIdPatch` (body key `requisition`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionV11UpdateInput {
    /// Items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<RequisitionV11UpdateInputItem>>,
    /// Period ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_id: Option<u64>,
    /// Requisition (Subcontractor Invoice) start date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requisition_start: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) end date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requisition_end: Option<NaiveDate>,
    /// Billing date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_date: Option<NaiveDate>,
    /// true or false value indicating whether or not this is the final invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#final: Option<bool>,
    /// Invoice number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Date requisition was paid
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Requisition (Subcontractor Invoice) third party data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Requisition (Subcontractor Invoice) third party ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Status; admin can set any status, standard and billing recipient can set to under_review (submit) or draft (save)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RequisitionStatus>,
    /// Date requisition was submitted
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<NaiveDate>,
    /// An array of Prostore File IDs. The Prostore Files will be associated with the Requisition (Subcontractor Invoice) as attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prostore_file_ids: Option<Vec<u64>>,
    /// An array of Upload UUIDs. The Uploads will be associated with the Requisition (Subcontractor Invoice) as attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_ids: Option<Vec<String>>,
}

/// `RequisitionV11UpdateInputItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequisitionV11UpdateInputItem {
    /// (nested object) (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_line_item_id: Option<serde_json::Value>,
    /// (nested object) (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_presently_stored: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_presently_stored_from_previous_progress: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_materials: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_materials_quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_materials: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_materials_quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_retainage_retained_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_stored_retainage_currently_retained: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_retainage_released_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_this_period_quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_completed_retainage_percent_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_stored_retainage_percent_this_period: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcontractor_claimed_amount: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<serde_json::Value>,
}

/// Query of `RestV10RequisitionsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequisitionFilters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[commitment_id]`: Commitment ID(s). Returns item(s) with the specified Commitment ID(s).
    pub commitment_id: Option<u64>,
    /// `filters[period_id]`: Billing Period ID. Returns item(s) with the specified Billing Period ID.
    pub period_id: Option<u64>,
    /// `filters[status]`: Return item(s) with the specified Requisition (Subcontractor Invoice) status. One of: `draft`, `under_review`, `revise_and_resubmit`, `approved`, `approved_as_noted`, `pending_owner_approval`.
    pub status: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
}

impl ListQuery for RequisitionFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[commitment_id]", self.commitment_id.as_ref());
        query.push_opt("filters[period_id]", self.period_id.as_ref());
        query.push_opt("filters[status]", self.status.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
    }
}

/// Query of `RestV11RequisitionsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequisitionV11Filters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[commitment_id]`: Commitment ID(s). Returns item(s) with the specified Commitment ID(s).
    pub commitment_id: Option<u64>,
    /// `filters[period_id]`: Billing Period ID. Returns item(s) with the specified Billing Period ID.
    pub period_id: Option<u64>,
    /// `filters[status]`: Return item(s) with the specified Requisition (Subcontractor Invoice) status. One of: `draft`, `under_review`, `revise_and_resubmit`, `approved`, `approved_as_noted`, `pending_owner_approval`.
    pub status: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[is_last]`: Setting this to true will return only the last item. Setting this to false will return all the items except the last one.
    pub is_last: Option<bool>,
    /// `view`: Specifies which view (which attributes) of the resource is going to be present in the response. One of: `default`, `extended`, `items`, `action_policy`.
    pub view: Option<String>,
}

impl ListQuery for RequisitionV11Filters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[commitment_id]", self.commitment_id.as_ref());
        query.push_opt("filters[period_id]", self.period_id.as_ref());
        query.push_opt("filters[status]", self.status.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt("filters[is_last]", self.is_last.as_ref());
        query.push_opt("view", self.view.as_ref());
    }
}

/// Operations on subcontractor invoices (requisitions) of a project.
#[derive(Debug, Clone)]
pub struct Requisitions {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Subcontractor invoices (requisitions) of a project.
    pub fn requisitions(&self, project_id: u64) -> Requisitions {
        Requisitions {
            client: self.clone(),
            project_id,
        }
    }
}

impl Requisitions {
    /// List Requisitions (Subcontractor Invoices) for Project: `GET /rest/v1.0/requisitions` (`RestV10RequisitionsGet`).
    pub fn list(&self, filters: &RequisitionFilters) -> Pager<Requisition> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_REQUISITIONS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Requisition (Subcontractor Invoice): `GET /rest/v1.0/requisitions/{id}` (`RestV10RequisitionsIdGet`).
    pub async fn get(&self, id: u64) -> Result<Requisition, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_REQUISITIONS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Requisition (Subcontractor Invoices) for Commitment: `POST /rest/v1.0/requisitions` (`RestV10RequisitionsPost`).
    pub async fn create(
        &self,
        commitment_id: u64,
        input: &RequisitionInput,
    ) -> Result<Requisition, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_REQUISITIONS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[
                            ("project_id", json!(self.project_id)),
                            ("commitment_id", json!(commitment_id)),
                        ],
                        Some("requisition"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Requisition (Subcontractor Invoice): `PATCH /rest/v1.0/requisitions/{id}` (`RestV10RequisitionsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        commitment_id: u64,
        input: &RequisitionInput,
    ) -> Result<Requisition, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_REQUISITIONS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[
                            ("project_id", json!(self.project_id)),
                            ("commitment_id", json!(commitment_id)),
                        ],
                        Some("requisition"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete Requisition (Subcontractor Invoice): `DELETE /rest/v1.0/requisitions/{id}` (`RestV10RequisitionsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(&Call::new(&crate::ops::REST_V10_REQUISITIONS_ID_DELETE, &[id]).query(query))
            .await
    }
    /// List Requisitions (Subcontractor Invoices) for Project: `GET /rest/v1.1/requisitions` (`RestV11RequisitionsGet`).
    pub fn list_v11(&self, filters: &RequisitionV11Filters) -> Pager<Requisition> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V11_REQUISITIONS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Requisition (Subcontractor Invoice): `GET /rest/v1.1/requisitions/{id}` (`RestV11RequisitionsIdGet`).
    pub async fn get_v11(&self, id: u64) -> Result<Requisition, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V11_REQUISITIONS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Requisition (Subcontractor Invoices) for Commitment: `POST /rest/v1.1/requisitions` (`RestV11RequisitionsPost`).
    pub async fn create_v11(
        &self,
        commitment_id: u64,
        input: &RequisitionV11Input,
    ) -> Result<Requisition, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V11_REQUISITIONS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[
                            ("project_id", json!(self.project_id)),
                            ("commitment_id", json!(commitment_id)),
                        ],
                        Some("requisition"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Requisition (Subcontractor Invoice): `PATCH /rest/v1.1/requisitions/{id}` (`RestV11RequisitionsIdPatch`).
    pub async fn update_v11(
        &self,
        id: u64,
        commitment_id: u64,
        input: &RequisitionV11UpdateInput,
    ) -> Result<Requisition, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V11_REQUISITIONS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[
                            ("project_id", json!(self.project_id)),
                            ("commitment_id", json!(commitment_id)),
                        ],
                        Some("requisition"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete Requisition (Subcontractor Invoice): `DELETE /rest/v1.1/requisitions/{id}` (`RestV11RequisitionsIdDelete`).
    pub async fn delete_v11(&self, id: u64) -> Result<(), ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .execute(&Call::new(&crate::ops::REST_V11_REQUISITIONS_ID_DELETE, &[id]).query(query))
            .await
    }
    /// Creates a Requisition exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(
        &self,
        commitment_id: u64,
        input: &RequisitionInput,
    ) -> Result<Requisition, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(commitment_id, input).await;
        };
        create_once(
            || self.create(commitment_id, input),
            || self.find_by_origin_id(&origin_id),
        )
        .await
    }

    /// Creates a Requisition exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create_v11`](Self::create_v11): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_v11_once(
        &self,
        commitment_id: u64,
        input: &RequisitionV11Input,
    ) -> Result<Requisition, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create_v11(commitment_id, input).await;
        };
        create_once(
            || self.create_v11(commitment_id, input),
            || self.find_by_origin_id(&origin_id),
        )
        .await
    }

    /// The Requisition whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<Requisition>, ProcoreError> {
        let filters = RequisitionFilters {
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
