//! A direct cost (invoice, expense, payroll). Immutable in Procore once it has an origin_id.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;

pub use super::shared::{
    Attachment as DirectCostAttachment, CurrencyConfiguration as DirectCostCurrencyConfiguration,
    LineItemExtendedType as DirectCostLineItemExtendedType, NamedRef as DirectCostCompany,
    NamedRef as DirectCostEmployee, RawLineItemType as DirectCostLineItemLineItemType,
    RawNamedRef as DirectCostLineItemCompany, RawWbsCode as DirectCostLineItemWbsCode,
};

open_enum! {
    /// Values of `DirectCostDirectCostType`; unknown values are kept in `Other`.
    DirectCostDirectCostType { Invoice = "invoice", Expense = "expense", Payroll = "payroll" }
}

open_enum! {
    /// Values of `DirectCostStatus`; unknown values are kept in `Other`.
    DirectCostStatus { Draft = "draft", Pending = "pending", ReviseAndResubmit = "revise_and_resubmit", Approved = "approved" }
}

open_enum! {
    /// Values of `DirectCostV11InputDirectCostType`; unknown values are kept in `Other`.
    DirectCostV11InputDirectCostType { Invoice = "invoice", Expense = "expense", Payroll = "payroll", SubcontractorInvoice = "subcontractor_invoice" }
}

/// A direct cost (invoice, expense, payroll). Immutable in Procore once it has an origin_id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectCost {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Grand total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
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
    /// Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_type: Option<DirectCostDirectCostType>,
    /// Date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub direct_cost_date: Option<NaiveDate>,
    /// Grand total
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub grand_total: Option<Money>,
    /// Unique identifier for a Direct Cost Item of type invoice
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoice_number: Option<String>,
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
    /// Payment Date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_date: Option<NaiveDate>,
    /// Received Date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DirectCostStatus>,
    /// The agreed upon Terms for the date of payment
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub terms: Option<String>,
    /// Updated at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Vendor name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor: Option<String>,
    /// Vendor ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_id: Option<u64>,
    /// Vendor name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_name: Option<String>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<DirectCostCurrencyConfiguration>,
    /// Employee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee: Option<DirectCostEmployee>,
    /// Attachments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<DirectCostAttachment>>,
    /// Attachments count
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments_count: Option<i64>,
    /// Line Items count
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_items_count: Option<i64>,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<DirectCostCompany>,
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<DirectCostCompany>,
    /// Line items that should be assoicated with the direct cost item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<DirectCostLineItem>>,
}

/// `DirectCostLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostLineItem {
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
    pub company: Option<DirectCostLineItemCompany>,
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
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
    /// Line Item description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Line Item extended type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<DirectCostLineItemExtendedType>,
    /// Line Item Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<DirectCostLineItemLineItemType>,
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
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<DirectCostLineItemWbsCode>,
    /// The reference, if any, passed in upon item creation and is not persisted.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub r#ref: Option<String>,
}

/// Fields of a DirectCost sent to `RestV10ProjectsProjectIdDirectCostsPost` (body key `item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostInput {
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_date: Option<NaiveDate>,
    /// ID of the Employee tied to the Direct Cost Item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<u64>,
    /// Unique identifier for a Direct Cost Item of type invoice. Is required only if `direct_cost_type` is set to `invoice`. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Payment Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DirectCostStatus>,
    /// The agreed upon Terms for the date of payment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// Vendor ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// Type (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_type: Option<DirectCostDirectCostType>,
}

/// Fields of a DirectCost sent to `RestV10ProjectsProjectIdDirectCostsIdPatch` (body key `item`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostUpdateInput {
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Employee ID tied to the Direct Cost Item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<u64>,
    /// Unique identifier for a Direct Cost Item of type invoice
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_date: Option<NaiveDate>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Payment Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DirectCostStatus>,
    /// The agreed upon Terms for the date of payment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// Vendor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
}

/// One item of `RestV10ProjectsProjectIdDirectCostsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostSyncItem {
    /// ID of the Direct Cost Item to update. Required when updating a direct cost item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Currency ISO Code. Only validated and persisted when object level multicurrency is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_iso_code: Option<String>,
    /// Currency Exchange Rate. Only validated and persisted when object level multicurrency is enabled.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_exchange_rate: Option<Money>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_date: Option<NaiveDate>,
    /// Employee ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<u64>,
    /// Unique identifier for a Direct Cost Item of type invoice. Is required only if `direct_cost_type` is set to `invoice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Payment Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DirectCostStatus>,
    /// The agreed upon Terms for the date of payment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// Vendor ID. Is required only if `direct_cost_type` is set to `invoice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// Type. Note:  Can only be set when creating a direct cost item. Required when creating a direct cost item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_type: Option<DirectCostDirectCostType>,
}

/// Fields of a DirectCost sent to `RestV11ProjectsProjectIdDirectCostsPost` (body key `direct_cost`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostV11Input {
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_date: Option<NaiveDate>,
    /// ID of the Employee tied to the Direct Cost Item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<u64>,
    /// Unique identifier for a Direct Cost Item of type invoice. Is required only if `direct_cost_type` is set to `invoice`. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Payment Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DirectCostStatus>,
    /// The agreed upon Terms for the date of payment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// Vendor ID (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// Type (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_type: Option<DirectCostV11InputDirectCostType>,
    /// Line items that should be assoicated with the direct cost item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<DirectCostV11InputLineItem>>,
}

/// `DirectCostV11InputLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostV11InputLineItem {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual_amount: Option<serde_json::Value>,
    /// (nested object) (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<serde_json::Value>,
}

/// Fields of a DirectCost sent to `RestV11ProjectsProjectIdDirectCostsIdPatch` (body key `direct_cost`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostV11UpdateInput {
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Employee ID tied to the Direct Cost Item
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<u64>,
    /// Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_date: Option<NaiveDate>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Payment Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Received Date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_date: Option<NaiveDate>,
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DirectCostStatus>,
    /// The agreed upon Terms for the date of payment
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// Vendor ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// Line items that should be assoicated with the direct cost item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<DirectCostV11UpdateInputLineItem>>,
}

/// `DirectCostV11UpdateInputLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectCostV11UpdateInputLineItem {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual_amount: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_cost_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<serde_json::Value>,
}

/// Query of `RestV10ProjectsProjectIdDirectCostsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectCostFilters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[invoice_number]`: Returns item(s) with the specified Invoice Number.
    pub invoice_number: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[payment_date]`: Returns item(s) with a payment date within the specified ISO 8601 datetime range.
    pub payment_date: Option<DateRange>,
    /// `filters[received_date]`: Returns item(s) with a received date within the specified ISO 8601 datetime range.
    pub received_date: Option<DateRange>,
}

impl ListQuery for DirectCostFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt("filters[invoice_number]", self.invoice_number.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[payment_date]", self.payment_date.as_ref());
        query.push_opt("filters[received_date]", self.received_date.as_ref());
    }
}

/// Query of `RestV11ProjectsProjectIdDirectCostsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectCostV11Filters {
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[invoice_number]`: Returns item(s) with the specified Invoice Number.
    pub invoice_number: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[payment_date]`: Returns item(s) with a payment date within the specified ISO 8601 datetime range.
    pub payment_date: Option<DateRange>,
    /// `filters[received_date]`: Returns item(s) with a received date within the specified ISO 8601 datetime range.
    pub received_date: Option<DateRange>,
}

impl ListQuery for DirectCostV11Filters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt("filters[invoice_number]", self.invoice_number.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[payment_date]", self.payment_date.as_ref());
        query.push_opt("filters[received_date]", self.received_date.as_ref());
    }
}

/// Operations on direct costs of a project.
#[derive(Debug, Clone)]
pub struct DirectCosts {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Direct costs of a project.
    pub fn direct_costs(&self, project_id: u64) -> DirectCosts {
        DirectCosts {
            client: self.clone(),
            project_id,
        }
    }
}

impl DirectCosts {
    /// List Direct Cost Items: `GET /rest/v1.0/projects/{project_id}/direct_costs` (`RestV10ProjectsProjectIdDirectCostsGet`).
    pub fn list(&self, filters: &DirectCostFilters) -> Pager<DirectCost> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Direct Cost Item: `GET /rest/v1.0/projects/{project_id}/direct_costs/{id}` (`RestV10ProjectsProjectIdDirectCostsIdGet`).
    pub async fn get(&self, id: u64) -> Result<DirectCost, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_GET,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Create Direct Cost Item: `POST /rest/v1.0/projects/{project_id}/direct_costs` (`RestV10ProjectsProjectIdDirectCostsPost`).
    pub async fn create(&self, input: &DirectCostInput) -> Result<DirectCost, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_POST,
                    &[self.project_id],
                )
                .query(query)
                .json(&body(&[], Some("item"), input)?)?,
            )
            .await
    }
    /// Update Direct Cost Item: `PATCH /rest/v1.0/projects/{project_id}/direct_costs/{id}` (`RestV10ProjectsProjectIdDirectCostsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &DirectCostUpdateInput,
    ) -> Result<DirectCost, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_PATCH,
                    &[self.project_id, id],
                )
                .query(query)
                .json(&body(&[], Some("item"), input)?)?,
            )
            .await
    }
    /// Delete Direct Cost Item: `DELETE /rest/v1.0/projects/{project_id}/direct_costs/{id}` (`RestV10ProjectsProjectIdDirectCostsIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_DELETE,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Sync Direct Cost Items: `PATCH /rest/v1.0/projects/{project_id}/direct_costs/sync` (`RestV10ProjectsProjectIdDirectCostsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<DirectCostSyncItem>,
    ) -> Result<SyncOutcome<DirectCost>, ProcoreError> {
        self.client.sync_items(&self.sync_target(), items).await
    }
    /// [`Self::sync`], answering only each written record's id and `origin_id`: for a caller
    /// that needs no more, a thousand records' representations are skipped, not decoded.
    pub async fn sync_keys(
        &self,
        items: Vec<DirectCostSyncItem>,
    ) -> Result<SyncOutcome<crate::SyncedKey>, ProcoreError> {
        self.client.sync_items(&self.sync_target(), items).await
    }
    fn sync_target(&self) -> SyncTarget {
        SyncTarget {
            op: &crate::ops::REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_SYNC_PATCH,
            path_args: vec![self.project_id],
            query: Query::new(),
            body_scope: vec![],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        }
    }
    /// List Direct Cost Items: `GET /rest/v1.1/projects/{project_id}/direct_costs` (`RestV11ProjectsProjectIdDirectCostsGet`).
    pub fn list_v11(&self, filters: &DirectCostV11Filters) -> Pager<DirectCost> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_GET,
            &[self.project_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Direct Cost Item: `GET /rest/v1.1/projects/{project_id}/direct_costs/{id}` (`RestV11ProjectsProjectIdDirectCostsIdGet`).
    pub async fn get_v11(&self, id: u64) -> Result<DirectCost, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_GET,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Create Direct Cost Item: `POST /rest/v1.1/projects/{project_id}/direct_costs` (`RestV11ProjectsProjectIdDirectCostsPost`).
    pub async fn create_v11(&self, input: &DirectCostV11Input) -> Result<DirectCost, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_POST,
                    &[self.project_id],
                )
                .query(query)
                .json(&body(&[], Some("direct_cost"), input)?)?,
            )
            .await
    }
    /// Update Direct Cost Item: `PATCH /rest/v1.1/projects/{project_id}/direct_costs/{id}` (`RestV11ProjectsProjectIdDirectCostsIdPatch`).
    pub async fn update_v11(
        &self,
        id: u64,
        input: &DirectCostV11UpdateInput,
    ) -> Result<DirectCost, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_PATCH,
                    &[self.project_id, id],
                )
                .query(query)
                .json(&body(&[], Some("direct_cost"), input)?)?,
            )
            .await
    }
    /// Delete Direct Cost Item: `DELETE /rest/v1.1/projects/{project_id}/direct_costs/{id}` (`RestV11ProjectsProjectIdDirectCostsIdDelete`).
    pub async fn delete_v11(&self, id: u64) -> Result<(), ProcoreError> {
        let query = Query::new();
        self.client
            .execute(
                &Call::new(
                    &crate::ops::REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_DELETE,
                    &[self.project_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Creates a DirectCost exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(&self, input: &DirectCostInput) -> Result<DirectCost, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// Creates a DirectCost exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create_v11`](Self::create_v11): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_v11_once(
        &self,
        input: &DirectCostV11Input,
    ) -> Result<DirectCost, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create_v11(input).await;
        };
        create_once(
            || self.create_v11(input),
            || self.find_by_origin_id(&origin_id),
        )
        .await
    }

    /// The DirectCost whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<DirectCost>, ProcoreError> {
        let filters = DirectCostFilters {
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

impl SyncItem for DirectCostSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
