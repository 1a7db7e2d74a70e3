//! A Procore project (the ERP job).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

pub use super::shared::{
    CustomFields as ProjectCustomFields, NamedRef as ProjectCompany, NamedRef as ProjectDepartment,
    NamedRef as ProjectParentJob, NamedRef as ProjectProgram, NamedRef as ProjectProjectBidType,
    NamedRef as ProjectProjectOwnerType, NamedRef as ProjectProjectRegion,
    NamedRef as ProjectProjectStage, NamedRef as ProjectProjectTemplate,
    NamedRef as ProjectProjectType, UserRef as ProjectCreatedBy,
};

open_enum! {
    /// Values of `ProjectWorkScope`; unknown values are kept in `Other`.
    ProjectWorkScope { NewConstruction = "new_construction", RenovationAlteration = "renovation_alteration", MaintenanceService = "maintenance_service", None = "None" }
}

open_enum! {
    /// Values of `ProjectDeliveryMethod`; unknown values are kept in `Other`.
    ProjectDeliveryMethod { ConstructionManagementAtRiskCmar = "construction_management_at_risk_cmar", ConstructionManagerAsAgentOwnersRep = "construction_manager_as_agent_owners_rep", DesignBidBuildDbb = "design_bid_build_dbb", DesignBuildDb = "design_build_db", IndefiniteDeliveryIndefiniteQuantityIdiq = "indefinite_delivery_indefinite_quantity_idiq", IntegratedProjectDelivery = "integrated_project_delivery", MultiPrime = "multi_prime", PublicPrivatePartnershipP3 = "public_private_partnership_p3", OtherKind = "other", None = "None" }
}

open_enum! {
    /// Values of `ProjectPriority`; unknown values are kept in `Other`.
    ProjectPriority { Low = "low", Medium = "medium", High = "high" }
}

open_enum! {
    /// Values of `ProjectFlag`; unknown values are kept in `Other`.
    ProjectFlag { Red = "Red", Yellow = "Yellow", Green = "Green", None = "None" }
}

open_enum! {
    /// Values of `ProjectInputFlag`; unknown values are kept in `Other`.
    ProjectInputFlag { Red = "Red", Yellow = "Yellow", Green = "Green" }
}

/// A Procore project (the ERP job).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
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
    /// Display name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    /// Project number.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_number: Option<String>,
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
    /// Active.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub active: Option<bool>,
    /// Updated at.
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// Created at.
    #[serde(
        default,
        deserialize_with = "crate::de::datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Indicates whether this is a test project or not
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_demo: Option<bool>,
    /// Identifier for the parent job
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_job_id: Option<u64>,
    /// Parent job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_job: Option<ProjectParentJob>,
    /// The street address for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<String>,
    /// The city in which the Project is located
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// The state code for the Project (ISO-3166 Alpha-2 format)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub state_code: Option<String>,
    /// The country code for the Project (ISO-3166 Alpha-2 format)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// The postal code for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub zip: Option<String>,
    /// The county in which the Project is located
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub county: Option<String>,
    /// The timezone the Project is located in
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub time_zone: Option<String>,
    /// The geographic coordinate that specifies the north–south position of the Project on the Earth's surface.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub latitude: Option<Money>,
    /// The geographic coordinate that specifies the east–west position of the Project on the Earth's surface.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub longitude: Option<Money>,
    /// The name of the Project stage
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub stage: Option<String>,
    /// Project stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_stage: Option<ProjectProjectStage>,
    /// Project template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_template: Option<ProjectProjectTemplate>,
    /// The telephone number for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// A linked identifier for the Owner's Project
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub owners_project_id: Option<u64>,
    /// The total amount of construction work performed, planned, or put in place during the project. Note: this field is a replacement to estimated_value and will mirror its value.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_value: Option<Money>,
    /// The store number for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub store_number: Option<String>,
    /// The accounting project number for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub accounting_project_number: Option<String>,
    /// The designated market area the Project is located in
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub designated_market_area: Option<String>,
    /// The region identifier for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_region_id: Option<u64>,
    /// The Bid Type identifier for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_bid_type_id: Option<u64>,
    /// The Owner Type identifier for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_owner_type_id: Option<u64>,
    /// The unique identifier for the Project Photo
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub photo_id: Option<u64>,
    /// The start date for the project
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_date: Option<NaiveDate>,
    /// The completion date for the project
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub completion_date: Option<NaiveDate>,
    /// The projected finish date for the project
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub projected_finish_date: Option<NaiveDate>,
    /// The Estimated Value of the project. Note: this field is now deprecated and will mirror the value of total_value until it is no longer supported.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_value: Option<Money>,
    /// The fax number for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub fax: Option<String>,
    /// The sector of a project. (164 possible values)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sector: Option<String>,
    /// The work scope of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_scope: Option<ProjectWorkScope>,
    /// The delivery method of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<ProjectDeliveryMethod>,
    /// The estimated budget for the project
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_budget: Option<Money>,
    /// The priority level for the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<ProjectPriority>,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<ProjectCompany>,
    /// Created by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<ProjectCreatedBy>,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<ProjectCustomFields>,
    /// Id of the project sector associated with the project.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_sector_id: Option<u64>,
    /// Unique identifier for the Project logo
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub logo_id: Option<u64>,
    /// The URL for the Project logo
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub logo_url: Option<String>,
    /// Indicates if the project is a template project
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub template: Option<bool>,
    /// The tz-database version of the timezone for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub tz_name: Option<String>,
    /// Unique identifier for the Project Template used to create this project
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_project_template_id: Option<u64>,
    /// Project description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The total square footage for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub square_feet: Option<i64>,
    /// The start date for the Project Warranty
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub warranty_start_date: Option<NaiveDate>,
    /// The end date for the Project Warranty
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub warranty_end_date: Option<NaiveDate>,
    /// The Project flag (Red, Yellow, or Green)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ProjectFlag>,
    /// The locale for the Project. (Note that your account may not have access to all locales.) (23 possible values)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub locale: Option<String>,
    /// Public notes on the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub public_notes: Option<String>,
    /// The actual start date for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub actual_start_date: Option<NaiveDate>,
    /// Standard cost code list id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_cost_code_list_id: Option<u64>,
    /// True if project is ERP integrated
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_erp_integrated: Option<bool>,
    /// The URL for the Project photo
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub photo_url: Option<String>,
    /// The inbound email address username suffix for the project.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub inbound_email: Option<String>,
    /// The inbound email address for the project.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub inbound_email_address: Option<String>,
    /// The Estimated Start Date of the Project Note: this field is now deprecated and will mirror the value of start_date until it is no longer supported.
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_start_date: Option<NaiveDate>,
    /// The Estimated Completion Date of the Project. Note: this field is now deprecated and will mirror the value of completion_date until it is no longer supported.
    #[serde(
        default,
        deserialize_with = "crate::de::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_completion_date: Option<NaiveDate>,
    /// The Code of the project.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Persistent message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_message: Option<ProjectPersistentMessage>,
    /// Office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<ProjectOffice>,
    /// Project bid type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_bid_type: Option<ProjectProjectBidType>,
    /// Project owner type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_owner_type: Option<ProjectProjectOwnerType>,
    /// Project region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_region: Option<ProjectProjectRegion>,
    /// The identifier for the Project Stage
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_stage_id: Option<u64>,
    /// Project type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_type: Option<ProjectProjectType>,
    /// Program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<ProjectProgram>,
    /// An array of project departments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departments: Option<Vec<ProjectDepartment>>,
    /// Dictionary Type
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub dictionary_type: Option<String>,
}

/// `ProjectPersistentMessage` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectPersistentMessage {
    /// The title of the persistent message for the Project
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// The text content for the Project persistent message
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub message: Option<String>,
}

/// `ProjectOffice` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectOffice {
    /// The identifier for the Office
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// The name for the Office
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Office address
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<String>,
    /// Office city
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// Office state code (ISO-3166 Alpha-2 format)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub state_code: Option<String>,
    /// Office country code (ISO-3166 Alpha-2 format)
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// Office zip
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub zip: Option<String>,
    /// Office phone
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// Office fax
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub fax: Option<String>,
    /// Office division
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub division: Option<String>,
    /// Logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<ProjectOfficeLogo>,
}

/// `ProjectOfficeLogo` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectOfficeLogo {
    /// Id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Name.
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
}

/// Fields of a Project sent to `RestV10ProjectsPost` (body key `project`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectInput {
    /// The project active status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The street address of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The city where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The project code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The country code (ISO-3166 Alpha-2 format) where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The project description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The date that the contract for the project is signed. Note: This field replaces estimated_start_date and will mirror its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// The date that all parties agree the project meets or must meet “substantial completion”. Note: This field replaces estimated_completion_date and will mirror its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<NaiveDate>,
    /// The total amount of construction work performed, planned, or put in place during the project. Note: This field is a replacement of estimated_value and will mirror its value.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_value: Option<Money>,
    /// The project warranty start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_start_date: Option<NaiveDate>,
    /// The project warranty end date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_end_date: Option<NaiveDate>,
    /// The project flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ProjectInputFlag>,
    /// The project image identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: Option<u64>,
    /// The locale for the Project. (Note that your account may not have access to all locales.) (23 possible values)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The project name. (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The project office identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_id: Option<u64>,
    /// The project telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The project number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_number: Option<String>,
    /// The public notes for the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_notes: Option<String>,
    /// The project stage identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_stage_id: Option<u64>,
    /// The total square footage of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub square_feet: Option<i64>,
    /// The state code (ISO-3166 Alpha-2 format) where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// The timezone where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The project postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The project's parent job identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_job_id: Option<u64>,
    /// The project program identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_id: Option<u64>,
    /// The project bid type identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_bid_type_id: Option<u64>,
    /// The project type identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_type_id: Option<u64>,
    /// The project owner type identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_owner_type_id: Option<u64>,
    /// The project region id of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_region_id: Option<u64>,
    /// The project template identifier as designated by another project on this company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_template_id: Option<u64>,
    /// External third-party identifier for the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// External third-party data string associated with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// External third-party code associated with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// This is the date that the project started and will be displayed on the portfolio page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_start_date: Option<NaiveDate>,
    /// This is the property that enables the use of the override_start_date as the Actual Start Date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_start_date_check: Option<bool>,
    /// This is the date that the project will be finished and will be displayed on the portfolio page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_end_date: Option<NaiveDate>,
    /// This is the property that enables the use of the override_end_date as the Projected Finish Date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_end_date_check: Option<bool>,
    /// The department ids the project is associated with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_ids: Option<Vec<u64>>,
    /// The estimated value of the project. Note: This field is now deprecated and will mirror the value of total_value until it is no longer supported.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_value: Option<Money>,
    /// The estimated start date of the project. Note: This field is now deprecated and will mirror the value of start_date until it is no longer supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_start_date: Option<NaiveDate>,
    /// The estimated completion date of the project. Note: This field is now deprecated and will mirror the value of completion_date until it is no longer supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_completion_date: Option<NaiveDate>,
    /// The project store number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_number: Option<String>,
    /// The project accounting project number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_project_number: Option<String>,
    /// The project designated market area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_market_area: Option<String>,
    /// The project will be ERP integrated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erp_integrated: Option<bool>,
    /// Project latitude
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub latitude: Option<Money>,
    /// Project longitude
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub longitude: Option<Money>,
    /// This property enables the user to copy default standard cost codes during new project creation when it is set to true. However, this flag does not have any impact when using project template, and t...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_copy_of_standard_cost_codes: Option<bool>,
    /// The sector of a project. (164 possible values)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// The work scope of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_scope: Option<ProjectWorkScope>,
    /// The delivery method of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<ProjectDeliveryMethod>,
    /// The estimated budget for the project
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_budget: Option<Money>,
    /// The priority level for the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<ProjectPriority>,
    /// This object will initialize the project currency configuration
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_configuration: Option<ProjectInputCurrencyConfiguration>,
    /// Id of the project sector associated with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_sector_id: Option<u64>,
}

/// `ProjectInputCurrencyConfiguration` as Procore describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectInputCurrencyConfiguration {
    /// The currency iso code for the new project, must be available in the company exchange rates list (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_iso_code: Option<String>,
    /// -> This optional parameter is used to populate a fixed initial project to company exchange rate, company exchange rate for the project currency iso code will be used instead if this parameter is mi...
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub exchange_rate_override: Option<Money>,
}

/// Fields of a Project sent to `RestV10ProjectsIdPatch` (body key `project`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectUpdateInput {
    /// The Active status of the project. Must be true or false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The street address for the Project location
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The City in which the project is located
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The two character code that represents the country in which the project is located (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The County in which the project is located
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The description for the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// This project is integrated with ERP
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erp_integrated: Option<bool>,
    /// The identifier for the Standard Cost Code List
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_cost_code_list_id: Option<u64>,
    /// The date that the contract for the project is signed. Note: this field is a replacement to estimated_start_date and will mirror its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// The date that all parties agree the project meets or must meet “substantial completion”. Note: this field is a replacement to estimated_completion_date and will mirror its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<NaiveDate>,
    /// The total amount of construction work performed, planned, or put in place during the project. Note: this field is a replacement to estimated_value and will mirror its value.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_value: Option<Money>,
    /// The start date for the Project Warranty
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_start_date: Option<NaiveDate>,
    /// The end date for the Project Warranty
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_end_date: Option<NaiveDate>,
    /// The fax number for the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// The flag for the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ProjectInputFlag>,
    /// The identifier for the project image
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: Option<u64>,
    /// The locale for the Project. (Note that your account may not have access to all locales.) (23 possible values)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The name of the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The identifier for the Project Office
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_id: Option<u64>,
    /// The telephone number for the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The number for the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_number: Option<String>,
    /// The public notes for the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_notes: Option<String>,
    /// The identifier for the Project Stage
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_stage_id: Option<u64>,
    /// The total square footage of the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub square_feet: Option<i64>,
    /// The code that represents the Project State (ISO-3166 Alpha-2 format)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// The timezone the Project is located in
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The postal code for the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The identifier for the Project's Parent Job
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_job_id: Option<u64>,
    /// The identifier for the Project Program ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_id: Option<u64>,
    /// The identifier for the Project Bid Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_bid_type_id: Option<u64>,
    /// The identifier for the Project Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_type_id: Option<u64>,
    /// The identifier for the Project Owner Type
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_owner_type_id: Option<u64>,
    /// The identifier for the Project Region
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_region_id: Option<u64>,
    /// The identifier for the Project Template as designated by another Project on this company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_template_id: Option<u64>,
    /// An external third-party identifier for the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// An external third-party data string associated with the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// An external third-party code associated with the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// The identifiers for the Departments the Project belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_ids: Option<Vec<u64>>,
    /// The Estimated Value of the project. Note: this field is now deprecated and will mirror the value of total_value until it is no longer supported.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_value: Option<Money>,
    /// The Estimated Start Date of the Project Note: this field is now deprecated and will mirror the value of start_date until it is no longer supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_start_date: Option<NaiveDate>,
    /// The Estimated Completion Date of the Project. Note: this field is now deprecated and will mirror the value of completion_date until it is no longer supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_completion_date: Option<NaiveDate>,
    /// Store Number of the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_number: Option<String>,
    /// Accounting Project Number of the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_project_number: Option<String>,
    /// Designated Market Area of the Project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_market_area: Option<String>,
    /// The sector of a project. (164 possible values)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// The work scope of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_scope: Option<ProjectWorkScope>,
    /// The delivery method of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<ProjectDeliveryMethod>,
    /// Id of the project sector associated with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_sector_id: Option<u64>,
}

/// One item of `RestV10ProjectsSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectSyncItem {
    /// Unique identifier for the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The project active status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The street address of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The city where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The country code (ISO-3166 Alpha-2 format) where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The project description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The date that the contract for the project is signed. Note: This field replaces estimated_start_date and will mirror its value.
    ///
    /// `Some(None)` is sent as `null`, which clears the date; `None` leaves it as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Option<NaiveDate>>,
    /// The date that all parties agree the project meets or must meet “substantial completion”. Note: This field replaces estimated_completion_date and will mirror its value.
    ///
    /// `Some(None)` is sent as `null`, which clears the date; `None` leaves it as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<Option<NaiveDate>>,
    /// The total amount of construction work performed, planned, or put in place during the project. Note: This field is a replacement of estimated_value and will mirror its value.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_value: Option<Money>,
    /// The project warranty start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_start_date: Option<NaiveDate>,
    /// The project warranty end date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_end_date: Option<NaiveDate>,
    /// The project flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ProjectInputFlag>,
    /// The project image identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: Option<u64>,
    /// The project name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The project office identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_id: Option<u64>,
    /// The project telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The project number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_number: Option<String>,
    /// The public notes for the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_notes: Option<String>,
    /// The project stage identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_stage_id: Option<u64>,
    /// The total square footage of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub square_feet: Option<i64>,
    /// The state code (ISO-3166 Alpha-2 format) where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// The timezone where the project is located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The project postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The project program identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_id: Option<u64>,
    /// The project bid type identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_bid_type_id: Option<u64>,
    /// The project type identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_type_id: Option<u64>,
    /// The project owner type identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_owner_type_id: Option<u64>,
    /// The project region id of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_region_id: Option<u64>,
    /// The project template identifier as designated by another project on this company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_template_id: Option<u64>,
    /// External third-party identifier for the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// External third-party data string associated with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// The department ids the project is associated with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_ids: Option<Vec<serde_json::Value>>,
    /// The estimated value of the project. Note: This field is now deprecated and will mirror the value of total_value until it is no longer supported.
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_value: Option<Money>,
    /// The estimated start date of the project. Note: This field is now deprecated and will mirror the value of start_date until it is no longer supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_start_date: Option<NaiveDate>,
    /// The estimated completion date of the project. Note: This field is now deprecated and will mirror the value of completion_date until it is no longer supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_completion_date: Option<NaiveDate>,
    /// The project store number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_number: Option<String>,
    /// The project accounting project number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounting_project_number: Option<String>,
    /// The project designated market area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_market_area: Option<String>,
    /// This property enables the user to copy default standard cost codes during new project creation when it is set to true. However, this flag does not have any impact when using project template, and t...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_copy_of_standard_cost_codes: Option<bool>,
    /// The sector of a project. (164 possible values)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// The work scope of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_scope: Option<ProjectWorkScope>,
    /// The delivery method of a project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<ProjectDeliveryMethod>,
    /// The estimated budget for the project
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_budget: Option<Money>,
    /// The priority level for the project
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<ProjectPriority>,
    /// Id of the project sector associated with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_sector_id: Option<u64>,
}

/// Query of `RestV10ProjectsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectFilters {
    /// `filters[by_status]`: Filters on project status. Must be one of Active, Inactive, or All. One of: `All`, `Active`, `Inactive`.
    pub by_status: Option<String>,
    /// `filters[name]`: Filters projects to those matching the given string.
    pub name: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[from_project_template_id]`: Filter projects by the project template ID they were created from. Returns projects that were created from the specified project template.
    pub from_project_template_id: Option<u64>,
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[synced]`: If true, returns only item(s) with a `synced` status.
    pub synced: Option<bool>,
    /// `filters[vendor_id]`: Return item(s) with the specified Vendor ID.
    pub vendor_id: Option<u64>,
    /// `serializer_view`: The 'compact' view only returns id, name and display_name. Passing any other value (or passing no value at all) One of: `compact`.
    pub serializer_view: Option<String>,
    /// `sort`: Return items with the specified sort. One of: `name`, `display_name`.
    pub sort: Option<String>,
}

impl ListQuery for ProjectFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("filters[by_status]", self.by_status.as_ref());
        query.push_opt("filters[name]", self.name.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt(
            "filters[from_project_template_id]",
            self.from_project_template_id.as_ref(),
        );
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[synced]", self.synced.as_ref());
        query.push_opt("filters[vendor_id]", self.vendor_id.as_ref());
        query.push_opt("serializer_view", self.serializer_view.as_ref());
        query.push_opt("sort", self.sort.as_ref());
    }
}

/// Query of `RestV11ProjectsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectV11Filters {
    /// `filters[by_status]`: Filters on project status. Must be one of Active, Inactive, or All. One of: `All`, `Active`, `Inactive`.
    pub by_status: Option<String>,
    /// `filters[name]`: Filters projects to those matching the given string.
    pub name: Option<String>,
    /// `filters[project_number]`: Filters on project number.
    pub project_number: Option<String>,
    /// `filters[created_at]`: Return item(s) created within the specified ISO 8601 datetime range.
    pub created_at: Option<TimeRange>,
    /// `filters[updated_at]`: Return item(s) last updated within the specified ISO 8601 datetime range.
    pub updated_at: Option<TimeRange>,
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `filters[id]`: Return item(s) with the specified IDs.
    pub id: Vec<u64>,
    /// `filters[synced]`: If true, returns only item(s) with a `synced` status.
    pub synced: Option<bool>,
    /// `filters[vendor_id]`: Return item(s) with the specified Vendor ID.
    pub vendor_id: Option<u64>,
    /// `filters[is_demo]`: Filters on project is_demo attribute, which indicates whether project is
    pub is_demo: Option<bool>,
    /// `filters[template]`: Filters on project template attribute, which indicates whether project is
    pub template: Option<bool>,
    /// `filters[by_owner_type]`: Return item(s) with the specified project owner type ID(s).
    pub by_owner_type: Option<u64>,
    /// `filters[by_department]`: Return item(s) with the specified department ID(s).
    pub by_department: Option<u64>,
    /// `filters[by_region]`: Return item(s) with the specified project region ID(s).
    pub by_region: Option<u64>,
    /// `filters[by_office]`: Return item(s) with the specified office ID(s).
    pub by_office: Option<u64>,
    /// `filters[by_program]`: Return item(s) with the specified project program ID(s).
    pub by_program: Option<u64>,
    /// `filters[by_stage]`: Return item(s) with the specified project stage ID(s).
    pub by_stage: Option<u64>,
    /// `filters[by_type]`: Return item(s) with the specified project type ID(s).
    pub by_type: Option<u64>,
    /// `filters[by_bid_type]`: Return item(s) with the specified project bid type ID(s).
    pub by_bid_type: Option<u64>,
    /// `view`: The view determines which fields are returned. 'ids' return only id as an Integer (it additionally influences 'per_page' value to be strictly 200000), 'compact' returns only id and name, 'normal' r... One of: `ids`, `compact`, `normal`, `extended`.
    pub view: Option<String>,
    /// `sort`: Return items with the specified sort. One of: `name`, `display_name`.
    pub sort: Option<String>,
}

impl ListQuery for ProjectV11Filters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("filters[by_status]", self.by_status.as_ref());
        query.push_opt("filters[name]", self.name.as_ref());
        query.push_opt("filters[project_number]", self.project_number.as_ref());
        query.push_opt("filters[created_at]", self.created_at.as_ref());
        query.push_opt("filters[updated_at]", self.updated_at.as_ref());
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_all("filters[id]", &self.id);
        query.push_opt("filters[synced]", self.synced.as_ref());
        query.push_opt("filters[vendor_id]", self.vendor_id.as_ref());
        query.push_opt("filters[is_demo]", self.is_demo.as_ref());
        query.push_opt("filters[template]", self.template.as_ref());
        query.push_opt("filters[by_owner_type]", self.by_owner_type.as_ref());
        query.push_opt("filters[by_department]", self.by_department.as_ref());
        query.push_opt("filters[by_region]", self.by_region.as_ref());
        query.push_opt("filters[by_office]", self.by_office.as_ref());
        query.push_opt("filters[by_program]", self.by_program.as_ref());
        query.push_opt("filters[by_stage]", self.by_stage.as_ref());
        query.push_opt("filters[by_type]", self.by_type.as_ref());
        query.push_opt("filters[by_bid_type]", self.by_bid_type.as_ref());
        query.push_opt("view", self.view.as_ref());
        query.push_opt("sort", self.sort.as_ref());
    }
}

/// Operations on projects of the selected company.
#[derive(Debug, Clone)]
pub struct Projects {
    client: Client,
}

impl Client {
    /// Projects of the selected company.
    pub fn projects(&self) -> Projects {
        Projects {
            client: self.clone(),
        }
    }
}

impl Projects {
    /// List projects: `GET /rest/v1.0/projects` (`RestV10ProjectsGet`).
    pub fn list(&self, filters: &ProjectFilters) -> Pager<Project> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_PROJECTS_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_PROJECTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// List projects: `GET /rest/v1.1/projects` (`RestV11ProjectsGet`).
    pub fn list_v11(&self, filters: &ProjectV11Filters) -> Pager<Project> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V11_PROJECTS_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V11_PROJECTS_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, Some(300))
    }
    /// Show project: `GET /rest/v1.0/projects/{id}` (`RestV10ProjectsIdGet`).
    pub async fn get(&self, id: u64) -> Result<Project, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_PROJECTS_ID_GET)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_PROJECTS_ID_GET, &[id]).query(query))
            .await
    }
    /// Create project: `POST /rest/v1.0/projects` (`RestV10ProjectsPost`).
    pub async fn create(&self, input: &ProjectInput) -> Result<Project, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_PROJECTS_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_PROJECTS_POST, &[])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("project"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update project: `PATCH /rest/v1.0/projects/{id}` (`RestV10ProjectsIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &ProjectUpdateInput,
    ) -> Result<Project, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_PROJECTS_ID_PATCH)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_PROJECTS_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[("company_id", json!(company_id))],
                        Some("project"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Sync projects: `PATCH /rest/v1.0/projects/sync` (`RestV10ProjectsSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<ProjectSyncItem>,
    ) -> Result<SyncOutcome<Project>, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_PROJECTS_SYNC_PATCH)?;
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_PROJECTS_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![("company_id", json!(company_id))],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a Project exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(&self, input: &ProjectInput) -> Result<Project, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The Project whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<Project>, ProcoreError> {
        let filters = ProjectFilters {
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

impl SyncItem for ProjectSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
