//! A company-directory user (v1.3).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::*;

pub use super::shared::NamedRef as CompanyUserVendor;

/// A company-directory user (v1.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyUser {
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
    /// First name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    /// Email address.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub email_address: Option<String>,
    /// Job title.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub job_title: Option<String>,
    /// Is active.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_active: Option<bool>,
    /// Is employee.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_employee: Option<bool>,
    /// Employee id.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub employee_id: Option<String>,
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
    /// Notes.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<String>,
    /// Vendor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<CompanyUserVendor>,
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
    /// User address
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<String>,
    /// Whether or not an user is added to all new projects
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub add_to_new_projects: Option<bool>,
    /// User avatar url
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub avatar: Option<String>,
    /// Business id
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_id: Option<String>,
    /// User business phone
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_phone: Option<String>,
    /// User business phone extension
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub business_phone_extension: Option<i64>,
    /// User city
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// User country code (ISO-3166 Alpha-2 format)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// User email signature
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub email_signature: Option<String>,
    /// User fax number
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub fax_number: Option<String>,
    /// User initials
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub initials: Option<String>,
    /// User employee status
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_insurance_manager: Option<bool>,
    /// User last login at
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_login_at: Option<DateTime<Utc>>,
    /// User mobile phone
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile_phone: Option<String>,
    /// User state code (ISO-3166 Alpha-2 format)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub state_code: Option<String>,
    /// User zip code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub zip: Option<String>,
    /// Work classification id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_classification_id: Option<u64>,
    /// User default permission template id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_permission_template_id: Option<u64>,
    /// User Company Permission Template id
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_permission_template_id: Option<u64>,
    /// User locale
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub locale: Option<String>,
}

/// Fields of a CompanyUser sent to `RestV13CompaniesCompanyIdUsersPost` (body key `user`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompanyUserInput {
    /// The First Name of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The Last Name of the Company User (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The Job Title of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// The Address of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The City of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The Zip code of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The Business Phone of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone: Option<String>,
    /// The Business Phone Extension of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone_extension: Option<i64>,
    /// The Mobile Phone of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    /// The Fax Number of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax_number: Option<String>,
    /// The Email Address of the Company User. Update requests including this parameter will be rejected unless the requesting user has Directory Admin permissions (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// The Email Signature of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_signature: Option<String>,
    /// The Active status of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// The Employee status of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_employee: Option<bool>,
    /// The ID of the Employee of the Company User when `user\[is_employee\]` is set to `true`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<String>,
    /// The Notes (notes, keywords, tags) of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The Country Code of the Company User (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The State Code of the Company User (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// The Initials of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// The Origin ID of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// The Origin Data of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// The ID of the Vendor of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// The ID of the default Permission Template for the Company User. Requests including this parameter will be rejected unless the requesting user has Directory Admin permissions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_permission_template_id: Option<u64>,
    /// The ID of the Company Permission Template for the Company User. Requests including this parameter will be rejected unless the requesting user has Directory Admin permissions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_permission_template_id: Option<u64>,
    /// The ID of the Work Classification for the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_classification_id: Option<u64>,
    /// The Avatar of the Company User.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Sets the user as a bid contact for the vendor it is associated with.  `vendor_id` must also be provided for this to be set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bid_contact: Option<bool>,
}

/// Fields of a CompanyUser sent to `RestV13CompaniesCompanyIdUsersIdPatch` (body key `user`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompanyUserUpdateInput {
    /// The First Name of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The Last Name of the Company User (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The Job Title of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// The Address of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The City of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The Zip code of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The Business Phone of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone: Option<String>,
    /// The Business Phone Extension of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone_extension: Option<i64>,
    /// The Mobile Phone of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    /// The Fax Number of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax_number: Option<String>,
    /// The Email Address of the Company User. Update requests including this parameter will be rejected unless the requesting user has Directory Admin permissions (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// The Email Signature of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_signature: Option<String>,
    /// The Active status of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// The Employee status of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_employee: Option<bool>,
    /// The ID of the Employee of the Company User when `user\[is_employee\]` is set to `true`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<String>,
    /// The Notes (notes, keywords, tags) of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The Country Code of the Company User (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The State Code of the Company User (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// The Initials of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// The Origin ID of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// The Origin Data of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// The ID of the Vendor of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// The ID of the default Permission Template for the Company User. Requests including this parameter will be rejected unless the requesting user has Directory Admin permissions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_permission_template_id: Option<u64>,
    /// The ID of the Company Permission Template for the Company User. Requests including this parameter will be rejected unless the requesting user has Directory Admin permissions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_permission_template_id: Option<u64>,
    /// The ID of the Work Classification for the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_classification_id: Option<u64>,
    /// The Avatar of the Company User.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Whether or not this user is added to all new projects. Requests including this parameter will be rejected unless the requesting user has Directory Admin permissions
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_to_new_projects: Option<bool>,
}

/// One item of `RestV13CompaniesCompanyIdUsersSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompanyUserSyncItem {
    /// The ID of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The First Name of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The Last Name of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The Job Title of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// The Address of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The City of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The Zip code of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The Business Phone of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone: Option<String>,
    /// The Business Phone Extension of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_phone_extension: Option<i64>,
    /// The Mobile Phone of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    /// The Fax Number of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax_number: Option<String>,
    /// The Email Address of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// The Email Signature of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_signature: Option<String>,
    /// The Active status of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// The Employee status of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_employee: Option<bool>,
    /// The ID of the Employee of the Company User when `user\[is_employee\]` is set to `true`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<String>,
    /// The Notes (notes, keywords, tags) of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The Country Code of the Company User (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The State Code of the Company User (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// The Initials of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// The Origin ID of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// The Origin Data of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// The ID of the Vendor of the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<u64>,
    /// The ID of the default Permission Template for the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_permission_template_id: Option<u64>,
    /// The ID of the Company Permission Template for the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_permission_template_id: Option<u64>,
    /// The ID of the Work Classification for the Company User
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_classification_id: Option<u64>,
    /// The Avatar of the Company User.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// Query of `RestV13CompaniesCompanyIdUsersGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompanyUserFilters {
    /// `view`: Specifies which view of the resource to return (which attributes should be present in the response). If a valid view is not provided, it will return the default view: normal. One of: `extended`, `ids_only`, `normal`.
    pub view: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[vendor_id]`: Return item(s) with the specified Vendor IDs.
    pub vendor_id: Vec<u64>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[trade_id][]`: Returns users whose vendor record is associated with the specified trade id(s).
    pub trade_id: Vec<u64>,
    /// `filters[search]`: Return users where the search string matches the user's first name, last name, email address, keywords, job title, or company name
    pub search: Option<String>,
    /// `sort`: Return items with the specified sort. One of: `name`, `vendor_name`, `permission_template`, `full_name`, `projects`, `email`, `job_title`.
    pub sort: Option<String>,
}

impl ListQuery for CompanyUserFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("view", self.view.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_all("filters[vendor_id]", &self.vendor_id);
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_all("filters[trade_id][]", &self.trade_id);
        query.push_opt("filters[search]", self.search.as_ref());
        query.push_opt("sort", self.sort.as_ref());
    }
}

/// Operations on directory users of the selected company (v1.3).
///
/// Bodies are sent as JSON. Procore lists `multipart/form-data` for these writes only because of the optional avatar upload, which this client does not send.
#[derive(Debug, Clone)]
pub struct CompanyUsers {
    client: Client,
}

impl Client {
    /// Directory users of the selected company (v1.3).
    pub fn company_users(&self) -> CompanyUsers {
        CompanyUsers {
            client: self.clone(),
        }
    }
}

impl CompanyUsers {
    /// List company users: `GET /rest/v1.3/companies/{company_id}/users` (`RestV13CompaniesCompanyIdUsersGet`).
    pub fn list(&self, filters: &CompanyUserFilters) -> Pager<CompanyUser> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_GET,
            &[company_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show company user: `GET /rest/v1.3/companies/{company_id}/users/{id}` (`RestV13CompaniesCompanyIdUsersIdGet`).
    pub async fn get(&self, id: u64) -> Result<CompanyUser, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_ID_GET)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_ID_GET,
                    &[company_id, id],
                )
                .query(query),
            )
            .await
    }
    /// Create company user: `POST /rest/v1.3/companies/{company_id}/users` (`RestV13CompaniesCompanyIdUsersPost`).
    pub async fn create(&self, input: &CompanyUserInput) -> Result<CompanyUser, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_POST,
                    &[company_id],
                )
                .query(query)
                .json(&body(&[], Some("user"), input)?)?,
            )
            .await
    }
    /// Update company user: `PATCH /rest/v1.3/companies/{company_id}/users/{id}` (`RestV13CompaniesCompanyIdUsersIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &CompanyUserUpdateInput,
    ) -> Result<CompanyUser, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_ID_PATCH)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_ID_PATCH,
                    &[company_id, id],
                )
                .query(query)
                .json(&body(&[], Some("user"), input)?)?,
            )
            .await
    }
    /// Sync company users: `PATCH /rest/v1.3/companies/{company_id}/users/sync` (`RestV13CompaniesCompanyIdUsersSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<CompanyUserSyncItem>,
    ) -> Result<SyncOutcome<CompanyUser>, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_SYNC_PATCH)?;
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V13_COMPANIES_COMPANY_ID_USERS_SYNC_PATCH,
            path_args: vec![company_id],
            query,
            body_scope: vec![],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a CompanyUser exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(&self, input: &CompanyUserInput) -> Result<CompanyUser, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The CompanyUser whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<CompanyUser>, ProcoreError> {
        let filters = CompanyUserFilters {
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

impl SyncItem for CompanyUserSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
