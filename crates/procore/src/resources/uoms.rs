//! A unit of measure of the company (line `uom` values must exist here).

use serde::{Deserialize, Serialize};

use super::*;

pub use super::shared::NamedRef as UomUomCategory;

/// A unit of measure of the company (line `uom` values must exist here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Uom {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Unit of Measure is among the standard units provided by Procore by default
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_standard: Option<bool>,
    /// Name of Unit of Measure
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Description of Unit of Measure
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Uom category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom_category: Option<UomUomCategory>,
}

/// Fields of a Uom sent to `RestV10CompaniesCompanyIdUomsPost` (body key `uom`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UomInput {
    /// Name of the Unit of Measure (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ID of the Unit of Measure Category (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom_category_id: Option<u64>,
}

/// Query of `RestV10CompaniesCompanyIdUomsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UomFilters {}

impl ListQuery for UomFilters {
    fn append_to(&self, _query: &mut Query) {}
}

/// Operations on units of measure of the selected company.
#[derive(Debug, Clone)]
pub struct Uoms {
    client: Client,
}

impl Client {
    /// Units of measure of the selected company.
    pub fn uoms(&self) -> Uoms {
        Uoms {
            client: self.clone(),
        }
    }
}

impl Uoms {
    /// List Units of Measure: `GET /rest/v1.0/companies/{company_id}/uoms` (`RestV10CompaniesCompanyIdUomsGet`).
    pub fn list(&self, filters: &UomFilters) -> Pager<Uom> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_COMPANIES_COMPANY_ID_UOMS_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(
            &crate::ops::REST_V10_COMPANIES_COMPANY_ID_UOMS_GET,
            &[company_id],
        )
        .query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Create Unit of Measure: `POST /rest/v1.0/companies/{company_id}/uoms` (`RestV10CompaniesCompanyIdUomsPost`).
    pub async fn create(&self, input: &UomInput) -> Result<Uom, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_COMPANIES_COMPANY_ID_UOMS_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(
                    &crate::ops::REST_V10_COMPANIES_COMPANY_ID_UOMS_POST,
                    &[company_id],
                )
                .query(query)
                .json(&body(&[], Some("uom"), input)?)?,
            )
            .await
    }
}
