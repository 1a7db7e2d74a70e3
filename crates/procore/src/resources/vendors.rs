//! A company-directory vendor (subcontractor, supplier, and also owners/clients).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::NamedRef as VendorVendorGroup;

/// A company-directory vendor (subcontractor, supplier, and also owners/clients).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
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
    /// Abbreviated name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub abbreviated_name: Option<String>,
    /// Address.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<String>,
    /// City.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// State code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub state_code: Option<String>,
    /// Country code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// Zip.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub zip: Option<String>,
    /// Business phone.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_phone: Option<String>,
    /// Mobile phone.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile_phone: Option<String>,
    /// Fax number.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub fax_number: Option<String>,
    /// Email address.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub email_address: Option<String>,
    /// Website.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub website: Option<String>,
    /// Is active.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_active: Option<bool>,
    /// Is connected.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_connected: Option<bool>,
    /// Notes.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<String>,
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
    /// Origin code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_code: Option<String>,
    /// Synced to erp.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub synced_to_erp: Option<bool>,
    /// Trade name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub trade_name: Option<String>,
    /// Legal name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub legal_name: Option<String>,
    /// Authorized bidder.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub authorized_bidder: Option<bool>,
    /// Prequalified.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub prequalified: Option<bool>,
    /// Union member.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub union_member: Option<bool>,
    /// Non union prevailing wage.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub non_union_prevailing_wage: Option<bool>,
    /// Labor union.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub labor_union: Option<String>,
    /// License number.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub license_number: Option<String>,
    /// Business id.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_id: Option<String>,
    /// Vendor group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_group: Option<VendorVendorGroup>,
    /// Parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<VendorVendorGroup>,
    /// Company.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub company: Option<String>,
    /// Logo.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub logo: Option<String>,
    /// Primary contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact: Option<serde_json::Value>,
    /// Contact count.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub contact_count: Option<i64>,
    /// Children count.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub children_count: Option<i64>,
    /// Project ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_ids: Option<Vec<serde_json::Value>>,
    /// Standard cost codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_cost_codes: Option<Vec<serde_json::Value>>,
    /// Trades.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trades: Option<Vec<serde_json::Value>>,
    /// Bidding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bidding: Option<serde_json::Value>,
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

/// Fields of a Vendor sent to `RestV10VendorsPost` (body key `vendor`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VendorInput {
    /// Name (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// City
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Zip code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Business phone
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone: Option<String>,
    /// Mobile phone
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    /// Fax number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax_number: Option<String>,
    /// Email address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// Active status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// State code (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// Authorized bidder status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_bidder: Option<bool>,
    /// Prequalified status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prequalified: Option<bool>,
    /// Country code (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Labor union
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labor_union: Option<String>,
    /// License number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_number: Option<String>,
    /// Website url
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Union member status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub union_member: Option<bool>,
    /// Non union prevailing wage status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_union_prevailing_wage: Option<bool>,
    /// Abbreviated name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviated_name: Option<String>,
    /// Notes (notes/keywords/tags)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Vendor Group ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_group_id: Option<u64>,
    /// Parent Vendor ID. Cannot be the same as ID. Only two levels of hierarchy are supported (parent/child).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// Primary Contact ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_id: Option<u64>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Trade ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_ids: Option<Vec<u64>>,
    /// Bidding distribution ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bidding_distribution_ids: Option<Vec<u64>>,
    /// Standard cost code ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_cost_code_ids: Option<Vec<u64>>,
    /// Vendor's Trade Name, also known as Doing Business As (DBA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_name: Option<String>,
    /// Bidding statuses
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bidding: Option<VendorInputBidding>,
}

/// `VendorInputBidding` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VendorInputBidding {
    /// Affirmative action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affirmative_action: Option<bool>,
    /// Small business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_business: Option<bool>,
    /// African american business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub african_american_business: Option<bool>,
    /// Hispanic business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hispanic_business: Option<bool>,
    /// Womens business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub womens_business: Option<bool>,
    /// Historically underutilized business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub historically_underutilized_business: Option<bool>,
    /// Sdvo business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdvo_business: Option<bool>,
    /// Certified business enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_business_enterprise: Option<bool>,
    /// Asian american business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asian_american_business: Option<bool>,
    /// Native american business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_american_business: Option<bool>,
    /// Disadvantaged business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disadvantaged_business: Option<bool>,
    /// Minority business enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minority_business_enterprise: Option<bool>,
    /// Eight a business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eight_a_business: Option<bool>,
}

/// One item of `RestV10VendorsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VendorSyncItem {
    /// ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// City
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Zip code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Business phone
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone: Option<String>,
    /// Mobile phone
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    /// Fax number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax_number: Option<String>,
    /// Email address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// Active status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// State code (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// Authorized bidder status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_bidder: Option<bool>,
    /// Prequalified status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prequalified: Option<bool>,
    /// Country code (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Labor union
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labor_union: Option<String>,
    /// License number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_number: Option<String>,
    /// Website url
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Union member status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub union_member: Option<bool>,
    /// Non union prevailing wage status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_union_prevailing_wage: Option<bool>,
    /// Abbreviated name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviated_name: Option<String>,
    /// Notes (notes/keywords/tags)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Vendor Group ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_group_id: Option<u64>,
    /// Parent Vendor ID. Cannot be the same as ID. Only two levels of hierarchy are supported (parent/child).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// Primary Contact ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_id: Option<u64>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Origin Data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Trade ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_ids: Option<Vec<serde_json::Value>>,
    /// Bidding distribution ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bidding_distribution_ids: Option<Vec<serde_json::Value>>,
    /// Standard cost code ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_cost_code_ids: Option<Vec<serde_json::Value>>,
    /// Vendor's Trade Name, also known as Doing Business As (DBA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_name: Option<String>,
    /// Bidding statuses
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bidding: Option<VendorSyncItemBidding>,
    /// Business register information (e.g., ABN, EIN). Creates a new business register if one does not exist, or updates the existing one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_register_attributes: Option<VendorSyncItemBusinessRegisterAttributes>,
    /// Third-party custom fields for the vendor associated with the origin fields (id, origin_code, origin_data, etc.). New fields are merged with existing values; existing keys are updated with the new v...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_custom_fields: Option<serde_json::Value>,
}

/// `VendorSyncItemBidding` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VendorSyncItemBidding {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affirmative_action: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub african_american_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hispanic_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub womens_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub historically_underutilized_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdvo_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_business_enterprise: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asian_american_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_american_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disadvantaged_business: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minority_business_enterprise: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eight_a_business: Option<serde_json::Value>,
}

/// `VendorSyncItemBusinessRegisterAttributes` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VendorSyncItemBusinessRegisterAttributes {
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<serde_json::Value>,
    /// (nested object)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<serde_json::Value>,
}

/// Query of `RestV10VendorsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VendorFilters {
    /// `view`: Specifies which view of the resource to return (which attributes should be present in the response). The default view is extended. One of: `compact`, `normal`, `erp`, `extended`, `directory`, `summary`.
    pub view: Option<String>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[search]`: Return vendors where the search string matches the vendor name, keywords, origin_code, or ABN/EIN number
    pub search: Option<String>,
    /// `filters[created_at]`: Return items within a specific created at ISO8601 datetime range
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return items within a specific updated at ISO8601 datetime range
    pub updated_at: Option<TimeRange>,
    /// `filters[standard_cost_code_id][]`: Returns vendors associated with the specified standard cost code id(s)
    pub standard_cost_code_id: Vec<u64>,
    /// `filters[trade_id][]`: Returns vendors associated with the specified trade id(s)
    pub trade_id: Vec<u64>,
    /// `filters[id][]`: Returns vendors with the specified id(s)
    pub id: Vec<u64>,
    /// `filters[parent_id][]`: Returns vendors with the specified parent id(s)
    pub parent_id: Vec<u64>,
    /// `sort`: Return items with the specified sort One of: `name`, `main_office_name`, `project_and_bid_counts`.
    pub sort: Option<String>,
}

impl ListQuery for VendorFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("view", self.view.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt("filters[search]", self.search.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_all(
            "filters[standard_cost_code_id][]",
            &self.standard_cost_code_id,
        );
        query.push_all("filters[trade_id][]", &self.trade_id);
        query.push_all("filters[id][]", &self.id);
        query.push_all("filters[parent_id][]", &self.parent_id);
        query.push_opt("sort", self.sort.as_ref());
    }
}

/// Query of `RestV10CompaniesCompanyIdVendorsInactiveGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VendorInactiveFilters {
    /// `view`: Specifies which view of the resource to return (which attributes should be present in the response). The default view is extended. One of: `compact`, `normal`, `erp`, `extended`, `directory`, `summary`.
    pub view: Option<String>,
    /// `sort`: Return items with the specified sort One of: `name`.
    pub sort: Option<String>,
}

impl ListQuery for VendorInactiveFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("view", self.view.as_ref());
        query.push_opt("sort", self.sort.as_ref());
    }
}

/// Operations on directory vendors of the selected company.
#[derive(Debug, Clone)]
pub struct Vendors {
    client: Client,
}

impl Client {
    /// Directory vendors of the selected company.
    pub fn vendors(&self) -> Vendors {
        Vendors {
            client: self.clone(),
        }
    }
}

impl Vendors {
    /// List company vendors: `GET /rest/v1.0/vendors` (`RestV10VendorsGet`).
    pub fn list(&self, filters: &VendorFilters) -> Pager<Vendor> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_VENDORS_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_VENDORS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show company vendor: `GET /rest/v1.0/vendors/{id}` (`RestV10VendorsIdGet`).
    pub async fn get(&self, id: u64) -> Result<Vendor, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_VENDORS_ID_GET)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_VENDORS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create company vendor: `POST /rest/v1.0/vendors` (`RestV10VendorsPost`).
    pub async fn create(&self, input: &VendorInput) -> Result<Vendor, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_VENDORS_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_VENDORS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("vendor"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update company vendor: `PATCH /rest/v1.0/vendors/{id}` (`RestV10VendorsIdPatch`).
    pub async fn update(&self, id: u64, input: &VendorInput) -> Result<Vendor, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_VENDORS_ID_PATCH)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_VENDORS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("vendor"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Sync company vendors: `PATCH /rest/v1.0/vendors/sync` (`RestV10VendorsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<VendorSyncItem>,
    ) -> Result<SyncOutcome<Vendor>, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_VENDORS_SYNC_PATCH)?;
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_VENDORS_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![("company_id", json!(company_id))],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// List company Inactive Vendors: `GET /rest/v1.0/companies/{company_id}/vendors/inactive` (`RestV10CompaniesCompanyIdVendorsInactiveGet`).
    pub fn list_inactive(&self, filters: &VendorInactiveFilters) -> Pager<Vendor> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_COMPANIES_COMPANY_ID_VENDORS_INACTIVE_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_COMPANIES_COMPANY_ID_VENDORS_INACTIVE_GET,
            &[company_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Reactivate company vendor: `PATCH /rest/v1.0/companies/{company_id}/vendors/inactive/{id}` (`RestV10CompaniesCompanyIdVendorsInactiveIdPatch`).
    pub async fn reactivate(&self, id: u64) -> Result<Vendor, ProcoreError> {
        let company_id = self.client.require_company(
            &crate::ops::REST_V10_COMPANIES_COMPANY_ID_VENDORS_INACTIVE_ID_PATCH,
        )?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_COMPANIES_COMPANY_ID_VENDORS_INACTIVE_ID_PATCH,
                    &[company_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Creates a Vendor exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(&self, input: &VendorInput) -> Result<Vendor, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The Vendor whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(&self, origin_id: &str) -> Result<Option<Vendor>, ProcoreError> {
        let filters = VendorFilters {
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

impl SyncItem for VendorSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
