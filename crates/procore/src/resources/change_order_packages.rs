//! A change order package (carries origin fields).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    CustomFields as ChangeOrderPackageCustomFields,
    PersonRef as ChangeOrderPackageDesignatedReviewer,
    RawCurrencyIsoConfiguration as ChangeOrderPackageLineItemCurrencyConfiguration,
    RawHolder as ChangeOrderPackageLineItemHolder,
    RawLineItemType as ChangeOrderPackageLineItemLineItemType,
    RawWbsCode as ChangeOrderPackageLineItemWbsCode,
};

open_enum! {
    /// Values of `ChangeOrderPackageStatus`; unknown values are kept in `Other`.
    ChangeOrderPackageStatus { Draft = "draft", NotPricing = "not_pricing", Pricing = "pricing", Pending = "pending", Revised = "revised", Proceeding = "proceeding", NotProceeding = "not_proceeding", NoCharge = "no_charge", Approved = "approved", Rejected = "rejected", Void = "void" }
}

open_enum! {
    /// Values of `ChangeOrderPackageType`; unknown values are kept in `Other`.
    ChangeOrderPackageType { PrimeContractChangeOrder = "PrimeContractChangeOrder", CommitmentContractChangeOrder = "CommitmentContractChangeOrder", ChangeOrderPackage = "ChangeOrderPackage" }
}

/// A change order package (carries origin fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeOrderPackage {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
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
    /// Created by id
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
    /// Due date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<NaiveDate>,
    /// Executed
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub executed: Option<bool>,
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
    pub status: Option<ChangeOrderPackageStatus>,
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
    /// Revision
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub revision: Option<i64>,
    /// Total including markup
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub grand_total: Option<Money>,
    /// Designated reviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_reviewer: Option<ChangeOrderPackageDesignatedReviewer>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<serde_json::Value>,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<ChangeOrderPackageCustomFields>,
    /// Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Position
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// If true, visible to admins only; otherwise visible to those with access to the parent contract.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub private: Option<bool>,
    /// Notes to assist the reviewer
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub review_notes: Option<String>,
    /// Revised substantial completion date
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_substantial_completion_date: Option<NaiveDate>,
    /// Schedule impact in days
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_impact_amount: Option<i64>,
    /// Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ChangeOrderPackageType>,
    /// Creator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<ChangeOrderPackageDesignatedReviewer>,
    /// Reviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<ChangeOrderPackageDesignatedReviewer>,
    /// Attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<ChangeOrderPackageAttachment>>,
    /// Line items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<ChangeOrderPackageLineItem>>,
}

/// `ChangeOrderPackageAttachment` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeOrderPackageAttachment {
    /// Id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Use :name, :filename to be deprecated
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Url.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    /// :filename to be deprecated, use :name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub filename: Option<String>,
}

/// `ChangeOrderPackageLineItem` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeOrderPackageLineItem {
    /// ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Position
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Quantity
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Money>,
    /// Unit of measurement
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub uom: Option<String>,
    /// Total amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_amount: Option<Money>,
    /// Extended amount
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub extended_amount: Option<Money>,
    /// Unit cost
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_cost: Option<Money>,
    /// Cost code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_code: Option<serde_json::Value>,
    /// Wbs code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wbs_code: Option<ChangeOrderPackageLineItemWbsCode>,
    /// Holder
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<ChangeOrderPackageLineItemHolder>,
    /// Line Item Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_type: Option<ChangeOrderPackageLineItemLineItemType>,
    /// Markup line items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup_line_items: Option<Vec<serde_json::Value>>,
    /// Currency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<ChangeOrderPackageLineItemCurrencyConfiguration>,
}

/// Fields of a ChangeOrderPackage sent to `RestV10ChangeOrderPackagesPost` (body key `change_order`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeOrderPackageInput {
    /// Status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ChangeOrderPackageStatus>,
    /// Title
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Total including markup
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub grand_total: Option<Money>,
    /// Schedule impact in days
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_impact_amount: Option<i64>,
    /// Origin code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Origin data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Paid date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_date: Option<NaiveDate>,
    /// Invoiced date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoiced_date: Option<NaiveDate>,
    /// Due date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    /// Executed
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed: Option<bool>,
    /// Signed change order received date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_change_order_received_date: Option<NaiveDate>,
}

/// Query of `RestV10ChangeOrderPackagesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeOrderPackageFilters {
    /// `contract_id`: Contract ID
    pub contract_id: Option<u64>,
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[reviewed_at]`: Returns item(s) reviewed within the specified ISO 8601 datetime range.
    pub reviewed_at: Option<TimeRange>,
    /// `filters[due_date]`: Returns item(s) due within the specified ISO 8601 datetime range.
    pub due_date: Option<DateRange>,
    /// `filters[include_deleted]`: Use 'only' for only deleted resources. Use 'with' for deleted and undeleted resources. One of: `only`, `with`.
    pub include_deleted: Option<String>,
    /// `filters[invoiced_date]`: Returns item(s) invoiced within the specified ISO 8601 datetime range.
    pub invoiced_date: Option<DateRange>,
    /// `filters[paid_date]`: Returns item(s) paid within the specified ISO 8601 datetime range.
    pub paid_date: Option<DateRange>,
    /// `filters[signed_change_order_received_date]`: Return item(s) with a signed change order received date within the specified ISO 8601 date range.
    pub signed_change_order_received_date: Option<DateRange>,
}

impl ListQuery for ChangeOrderPackageFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("contract_id", self.contract_id.as_ref());
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[reviewed_at]", self.reviewed_at.as_ref());
        query.push_opt("filters[due_date]", self.due_date.as_ref());
        query.push_opt("filters[include_deleted]", self.include_deleted.as_ref());
        query.push_opt("filters[invoiced_date]", self.invoiced_date.as_ref());
        query.push_opt("filters[paid_date]", self.paid_date.as_ref());
        query.push_opt(
            "filters[signed_change_order_received_date]",
            self.signed_change_order_received_date.as_ref(),
        );
    }
}

/// Operations on change order packages of a project.
#[derive(Debug, Clone)]
pub struct ChangeOrderPackages {
    client: Client,
    project_id: u64,
}

impl Client {
    /// Change order packages of a project.
    pub fn change_order_packages(&self, project_id: u64) -> ChangeOrderPackages {
        ChangeOrderPackages {
            client: self.clone(),
            project_id,
        }
    }
}

impl ChangeOrderPackages {
    /// List Change Order Packages: `GET /rest/v1.0/change_order_packages` (`RestV10ChangeOrderPackagesGet`).
    pub fn list(&self, filters: &ChangeOrderPackageFilters) -> Pager<ChangeOrderPackage> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_CHANGE_ORDER_PACKAGES_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Change Order Package: `GET /rest/v1.0/change_order_packages/{id}` (`RestV10ChangeOrderPackagesIdGet`).
    pub async fn get(&self, id: u64) -> Result<ChangeOrderPackage, ProcoreError> {
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_CHANGE_ORDER_PACKAGES_ID_GET, &[id]).query(query),
            )
            .await
    }
    /// Create Change Order Package: `POST /rest/v1.0/change_order_packages` (`RestV10ChangeOrderPackagesPost`).
    pub async fn create(
        &self,
        contract_id: u64,
        input: &ChangeOrderPackageInput,
    ) -> Result<ChangeOrderPackage, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_CHANGE_ORDER_PACKAGES_POST, &[])
                    .query(query)
                    .json(&body(
                        &[
                            ("project_id", json!(self.project_id)),
                            ("contract_id", json!(contract_id)),
                        ],
                        Some("change_order"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Change Order Package: `PATCH /rest/v1.0/change_order_packages/{id}` (`RestV10ChangeOrderPackagesIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &ChangeOrderPackageInput,
    ) -> Result<ChangeOrderPackage, ProcoreError> {
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_CHANGE_ORDER_PACKAGES_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("project_id", json!(self.project_id))],
                        Some("change_order"),
                        input,
                    )?)?,
            )
            .await
    }
}
