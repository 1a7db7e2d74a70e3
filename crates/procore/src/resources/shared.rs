//! Nested shapes that Procore repeats across resources: one definition serves every record
//! that nests the same shape (same fields, types and serde attributes). Each resource module
//! re-exports these under its own historical names (`WorkOrderContractLineItem`, …).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;

open_enum! {
    /// Values of a change order package status; unknown values are kept in `Other`.
    ChangeOrderPackageStatus { Draft = "draft", NotPricing = "not_pricing", Pricing = "pricing", Pending = "pending", Revised = "revised", Proceeding = "proceeding", NotProceeding = "not_proceeding", NoCharge = "no_charge", Approved = "approved", Rejected = "rejected", Void = "void" }
}

open_enum! {
    /// Values of a line item `extended_type`; unknown values are kept in `Other`.
    LineItemExtendedType { Manual = "manual", Calculated = "calculated" }
}

open_enum! {
    /// Values of a line item type `base_type`; unknown values are kept in `Other`.
    LineItemTypeBaseType { Equipment = "equipment", Materials = "materials", Commitment = "commitment", OwnerCost = "owner_cost", ProfessionalServices = "professional_services", OtherKind = "other" }
}

/// A file attached to a contract or direct cost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// URL
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    /// Filename
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub filename: Option<String>,
}

/// The change event line item a contract line item comes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractChangeEventLineItem {
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
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// A change order package as a prime or work order contract nests it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractChangeOrderPackage {
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
    pub status: Option<ChangeOrderPackageStatus>,
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

/// An invoice contact of a purchase order or work order contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractInvoiceContact {
    /// Id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Business phone.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_phone: Option<String>,
    /// Business phone extension.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_phone_extension: Option<i64>,
    /// Email.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
    /// Fax number.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub fax_number: Option<String>,
    /// Job title.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub job_title: Option<String>,
    /// Login information id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub login_information_id: Option<u64>,
    /// Mobile phone.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile_phone: Option<String>,
    /// Name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Vendor name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_name: Option<String>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// A line item of a prime, purchase order or work order contract, as those contracts nest it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractLineItem {
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
    pub company: Option<RawNamedRef>,
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<RawWbsCode>,
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
    pub extended_type: Option<LineItemExtendedType>,
    /// Holder
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<RawHolder>,
    /// Line Item Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<RawLineItemType>,
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
    pub project: Option<RawNamedRef>,
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
    pub change_event_line_item: Option<ContractChangeEventLineItem>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// A payment issued on a purchase order or work order contract, or received on a prime contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractPayment {
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
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
}

/// A potential change order as a prime or work order contract nests it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractPotentialChangeOrder {
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
    pub status: Option<ChangeOrderPackageStatus>,
    /// Potential change order updated at
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

/// The vendor of a purchase order or work order contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractVendor {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Company
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub company: Option<String>,
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
}

/// The currency of a record, with its exchange rate to the base currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CurrencyConfiguration {
    /// ISO Code for the Currency
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_iso_code: Option<String>,
    /// Exchange rate for the Currency
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_exchange_rate: Option<Money>,
    /// ISO Code for the Base Currency Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub base_currency_iso_code: Option<String>,
}

/// A currency configuration that gives only the ISO code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CurrencyIsoConfiguration {
    /// Currency Configuration ISO code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_iso_code: Option<String>,
}

/// Custom fields, which Procore describes without properties.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomFields {}

/// The record that holds a line item: its id and type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HolderRef {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Holder type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub holder_type: Option<String>,
}

/// A reference to another record by id alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdRef {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
}

/// A line item type as cost codes and line items nest it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineItemTypeRef {
    /// Unique identifier for the Line Item Type
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Name for the Line Item Type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Code for the Line Item Type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Base type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<LineItemTypeBaseType>,
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
}

/// A reference to another record by id and name (a company, vendor, project, program, region, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NamedRef {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
}

/// A person (architect, designated reviewer) as Procore nests it: id, login (email) and name.
///
/// The fields of [`UserRef`] in another order; kept apart so records serialize as before.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Email
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub login: Option<String>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
}

/// A currency configuration giving only the ISO code, left untyped by Procore: kept as raw JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawCurrencyIsoConfiguration {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_iso_code: Option<serde_json::Value>,
}

/// The holder of a line item, with fields Procore leaves untyped: each is kept as raw JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawHolder {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_type: Option<serde_json::Value>,
}

/// A line item type whose fields Procore leaves untyped: each is kept as raw JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawLineItemType {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_type: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<serde_json::Value>,
}

/// A reference by id and name whose fields Procore leaves untyped: each is kept as raw JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawNamedRef {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<serde_json::Value>,
}

/// A WBS code whose fields Procore leaves untyped: each is kept as raw JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawWbsCode {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat_code: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<serde_json::Value>,
}

/// A user as Procore nests it: id, name and login (email).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserRef {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Login
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub login: Option<String>,
}

/// A WBS code as line items nest it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WbsCodeRef {
    /// Wbs Code ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Wbs Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub flat_code: Option<String>,
    /// Wbs Code Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}
